-- settle: replaces the amounts a reserve added with the call's actual ones, as deltas, and appends
-- the call's usage event to its organization's stream, both or neither. Arguments built by
-- encodeSettle (codec.ts); change the two together. Data layout: see redis-store.ts.
--
-- KEYS: the period hashes, the head hashes, then the bucket hashes of the head hashes' counters
-- (one per counter, in argument order); with an entry, last, the organization's usage stream.
-- ARGV[1], the numbers, as little-endian doubles (as reserve.lua's):
--   period hash count; per period hash: its number of fields n, their n deltas;
--   head hash count; per head hash: its buckets per span, its number of counters n, the n buckets
--     reserved in and their n deltas;
-- ARGV[2...], the fields: per period hash its n fields, then per head hash its n head fields;
--   then, optionally, the entry: its field name and value (XADD <stream> * <field> <value>).
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
local N = { struct.unpack('<' .. string.rep('d', #ARGV[1] / 8), ARGV[1]) }
-- Numbers go to Redis as integers printed here: Redis prints a Lua number with %.17g, several times the work.
local format = string.format
local function int(x)
  return format('%d', x)
end
local periodHashCount = N[1]
local num, field = 2, 2 -- the next number, the next field
for p = 1, periodHashCount do
  local n = N[num]
  local values = redis.call('HMGET', KEYS[p], unpack(ARGV, field, field + n - 1))
  local fields = {}
  for x = 1, n do
    if values[x] then
      fields[#fields + 1] = ARGV[field + x - 1]
      fields[#fields + 1] = int(tonumber(values[x]) + N[num + x])
    end
  end
  if #fields > 0 then writes[#writes + 1] = { KEYS[p], fields } end
  num, field = num + 1 + n, field + n
end

local headHashCount = N[num]
num = num + 1
local bucketHash = periodHashCount + headHashCount -- KEYS index of the current counter's bucket hash
for h = periodHashCount + 1, periodHashCount + headHashCount do
  local bucketsPerSpan, n = N[num], N[num + 1]
  local bucketOf = num + 1 -- N[bucketOf + x]: counter x's bucket; N[bucketOf + n + x]: its delta
  local heads = redis.call('HMGET', KEYS[h], unpack(ARGV, field, field + n - 1))
  local fields = {}
  for x = 1, n do
    bucketHash = bucketHash + 1
    if heads[x] then
      local base, sum, newest, newestAmount = struct.unpack('<dddd', heads[x])
      local bucket, delta = N[bucketOf + x], N[bucketOf + n + x]
      local counted = bucket == newest
      if counted then
        newestAmount = newestAmount + delta
      elseif bucket >= base - bucketsPerSpan then
        local old = redis.call('HGET', KEYS[bucketHash], int(bucket))
        if old then
          writes[#writes + 1] = { KEYS[bucketHash], { int(bucket), int(tonumber(old) + delta) } }
          counted = true
        end
      end
      if counted then
        if bucket >= base then sum = sum + delta end
        fields[#fields + 1] = ARGV[field + x - 1]
        fields[#fields + 1] = struct.pack('<dddd', base, sum, newest, newestAmount)
      end
    end
  end
  if #fields > 0 then writes[#writes + 1] = { KEYS[h], fields } end
  num, field = num + 2 + 2 * n, field + n
end

if ARGV[field] then redis.call('XADD', KEYS[#KEYS], '*', ARGV[field], ARGV[field + 1]) end
for w = 1, #writes do
  redis.call('HSET', writes[w][1], unpack(writes[w][2]))
end
return 0
