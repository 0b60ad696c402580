-- settle: replaces the amounts a reserve added with the call's actual ones, as deltas, and appends
-- the call's usage event to its organization's stream, both or neither. Arguments built by
-- encodeSettle (codec.ts); change the two together. Data layout: see redis-store.ts.
--
-- KEYS: the period hashes, the head hashes, then the bucket hashes of the head hashes' counters
-- (one per counter, in argument order); with an entry, last, the organization's usage stream.
-- ARGV:
--   period hash count; per period hash: its number of fields n, the n fields, their n deltas;
--   head hash count; per head hash: its buckets per span, its number of counters n, their n head
--     fields, the n buckets reserved in and their n deltas;
--   optionally the entry: its field name and value (XADD <stream> * <field> <value>).
-- Reply: 0.
--
-- Both or neither: every key is read first and the writes are worked out, then the entry is
-- appended, then the counters are written. Redis keeps what a failed script wrote before it
-- failed, so the first write must be the one that can fail: a key of the wrong type fails its
-- read (nothing written yet), a stream of the wrong type or Redis out of memory fails the XADD
-- (nothing written yet; Redis refuses a script's first write over maxmemory, never a later one),
-- and the HSETs that follow write hashes just read.
--
-- What vanished meanwhile (expired, flushed, swept) is left alone: a period counter is left to its
-- rebuild, and a rolling one took the reserved bucket with it (so did the deletion of buckets a
-- span before base).

local writes = {} -- { key, { field, value, ... } }, written once the entry is appended
local periodHashCount = tonumber(ARGV[1])
local arg = 2
for p = 1, periodHashCount do
  local n = tonumber(ARGV[arg])
  local values = redis.call('HMGET', KEYS[p], unpack(ARGV, arg + 1, arg + n))
  local fields = {}
  for x = 1, n do
    if values[x] then
      fields[#fields + 1] = ARGV[arg + x]
      fields[#fields + 1] = tonumber(values[x]) + tonumber(ARGV[arg + n + x])
    end
  end
  if #fields > 0 then writes[#writes + 1] = { KEYS[p], fields } end
  arg = arg + 1 + 2 * n
end

local headHashCount = tonumber(ARGV[arg])
arg = arg + 1
local bucketHash = periodHashCount + headHashCount -- KEYS index of the current counter's bucket hash
for h = periodHashCount + 1, periodHashCount + headHashCount do
  local bucketsPerSpan, n = tonumber(ARGV[arg]), tonumber(ARGV[arg + 1])
  local fieldArg = arg + 2 -- ARGV[fieldArg + x - 1]: counter x's head field; + n: its bucket; + 2n: its delta
  local heads = redis.call('HMGET', KEYS[h], unpack(ARGV, fieldArg, fieldArg + n - 1))
  local fields = {}
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
          writes[#writes + 1] = { KEYS[bucketHash], { bucketName, tonumber(old) + delta } }
          counted = true
        end
      end
      if counted then
        if bucket >= base then sum = sum + delta end
        fields[#fields + 1] = ARGV[fieldArg + x - 1]
        fields[#fields + 1] = struct.pack('<dddd', base, sum, newest, newestAmount)
      end
    end
  end
  if #fields > 0 then writes[#writes + 1] = { KEYS[h], fields } end
  arg = fieldArg + 3 * n
end

if ARGV[arg] then redis.call('XADD', KEYS[#KEYS], '*', ARGV[arg], ARGV[arg + 1]) end
for w = 1, #writes do
  redis.call('HSET', writes[w][1], unpack(writes[w][2]))
end
return 0
