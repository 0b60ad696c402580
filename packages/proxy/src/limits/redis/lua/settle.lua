-- settle: replaces the amounts a reserve added with the call's actual ones, as deltas. Arguments
-- built by encodeSettle (codec.ts); change the two together. Data layout: see redis-store.ts.
--
-- KEYS: the period hashes, the head hashes, then the bucket hashes of the head hashes' counters
-- (one per counter, in argument order).
-- ARGV:
--   period hash count; per period hash: its number of fields n, the n fields, their n deltas;
--   head hash count; per head hash: its buckets per span, its number of counters n, their n head
--     fields, the n buckets reserved in and their n deltas.
-- Reply: 0.
--
-- What vanished meanwhile (expired, flushed, swept) is left alone: a period counter is left to its
-- rebuild, and a rolling one took the reserved bucket with it (so did the deletion of buckets a
-- span before base).

local periodHashCount = tonumber(ARGV[1])
local arg = 2
for p = 1, periodHashCount do
  local n = tonumber(ARGV[arg])
  local values = redis.call('HMGET', KEYS[p], unpack(ARGV, arg + 1, arg + n))
  local writes = {}
  for x = 1, n do
    if values[x] then
      writes[#writes + 1] = ARGV[arg + x]
      writes[#writes + 1] = tonumber(values[x]) + tonumber(ARGV[arg + n + x])
    end
  end
  if #writes > 0 then redis.call('HSET', KEYS[p], unpack(writes)) end
  arg = arg + 1 + 2 * n
end

local headHashCount = tonumber(ARGV[arg])
arg = arg + 1
local bucketHash = periodHashCount + headHashCount -- KEYS index of the current counter's bucket hash
for h = periodHashCount + 1, periodHashCount + headHashCount do
  local bucketsPerSpan, n = tonumber(ARGV[arg]), tonumber(ARGV[arg + 1])
  local fieldArg = arg + 2 -- ARGV[fieldArg + x - 1]: counter x's head field; + n: its bucket; + 2n: its delta
  local heads = redis.call('HMGET', KEYS[h], unpack(ARGV, fieldArg, fieldArg + n - 1))
  local writes = {}
  for x = 1, n do
    bucketHash = bucketHash + 1
    if heads[x] then
      local base, sum, newest, newestAmount = struct.unpack('<dddd', heads[x])
      local bucketName, delta = ARGV[fieldArg + n + x - 1], tonumber(ARGV[fieldArg + 2 * n + x - 1])
      local bucket = tonumber(bucketName)
      local counted = bucket == newest
      if counted then
        newestAmount = newestAmount + delta
      elseif bucket >= base - bucketsPerSpan then
        local old = redis.call('HGET', KEYS[bucketHash], bucketName)
        if old then
          redis.call('HSET', KEYS[bucketHash], bucketName, tonumber(old) + delta)
          counted = true
        end
      end
      if counted then
        if bucket >= base then sum = sum + delta end
        writes[#writes + 1] = ARGV[fieldArg + x - 1]
        writes[#writes + 1] = struct.pack('<dddd', base, sum, newest, newestAmount)
      end
    end
  end
  if #writes > 0 then redis.call('HSET', KEYS[h], unpack(writes)) end
  arg = fieldArg + 3 * n
end
return 0
