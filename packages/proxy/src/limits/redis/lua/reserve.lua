-- reserve: checks every counter of a call against its limit and, if none refuses, adds the call's
-- amounts to all of them; all or nothing. Data layout: see redis-store.ts. Arguments built by
-- encodeReserve (codec.ts), reply read by decodeReserveReply; change the three together.
--
-- KEYS: the period hashes, the head hashes, then the rolling counters' bucket hashes (one per
-- counter, in counter number order).
-- ARGV[1], the numbers, as little-endian doubles (parsed in one step: strtod per number cost more
-- than the commands):
--   period hash count, head hash count;
--   per period hash: its number of counters n, their n limits (+inf = none), n amounts;
--   per head hash: its window's newest (current) bucket, its buckets per span, its span in seconds,
--     its number of counters n (each counter once; the counters are numbered 1, 2, ... over the
--     head hashes, the second hash's after the first's);
--   per rolling counter of the call, in call order: its number, limit (+inf = none), amount.
-- ARGV[2...], the fields: per period hash its n fields, then per head hash its n head fields.
-- The call's counters in that order (period counters, then rolling ones) are in "script order".
-- Reply, as little-endian doubles (one bulk string, read in one step): 0, usage... admitted;
-- 1, refusing counter, usage... refused, nothing added; 2, counters... period counters missing
-- (restart, flush: rebuild them), nothing read further. Counters in replies are 0-based positions
-- in script order; usage is each counter's total before the call, in script order.
--
-- A head (four little-endian doubles, struct '<dddd') holds a rolling counter's base bucket, the
-- sum of every bucket >= base, its newest bucket and that bucket's amount. Its other buckets are in
-- its bucket hash, from base - bucketsPerSpan up to (not including) newest.

local N = { struct.unpack('<' .. string.rep('d', #ARGV[1] / 8), ARGV[1]) }
-- Numbers go to Redis as integers printed here: Redis prints a Lua number with %.17g, several times the work.
local format = string.format
local function int(x)
  return format('%d', x)
end
local function packed(...)
  return struct.pack('<' .. string.rep('d', select('#', ...)), ...)
end
N[#N] = nil -- unpack's last value: the position after the last number
local periodHashCount, headHashCount = N[1], N[2]
local usage, amounts, position, missing = {}, {}, 0, nil
local FIRST_PERIOD_NUMBER, FIRST_FIELD = 3, 2

-- Period counters: one HMGET per period hash.
local num, field = FIRST_PERIOD_NUMBER, FIRST_FIELD
for p = 1, periodHashCount do
  local n = N[num]
  local values = redis.call('HMGET', KEYS[p], unpack(ARGV, field, field + n - 1))
  for x = 1, n do
    position = position + 1
    if values[x] then
      usage[position] = tonumber(values[x])
    else
      missing = missing or {}
      missing[#missing + 1] = position - 1
    end
  end
  num, field = num + 1 + 2 * n, field + n
end
if missing then return packed(2, unpack(missing)) end

-- The sum of the buckets from <= j < to of a counter whose newest bucket (and its amount) is in its
-- head and whose other buckets are in bucketHash, from base - bucketsPerSpan on.
local function sumOfBuckets(bucketHash, from, to, base, newest, newestAmount, bucketsPerSpan)
  local total = 0
  if newest >= from and newest < to then total = newestAmount end
  if from < base - bucketsPerSpan then from = base - bucketsPerSpan end
  if to > newest then to = newest end
  if from >= to then return total end
  local names = {}
  for bucket = from, to - 1 do names[#names + 1] = int(bucket) end
  local values = redis.call('HMGET', bucketHash, unpack(names))
  for j = 1, #values do
    if values[j] then total = total + tonumber(values[j]) end
  end
  return total
end

-- Per head hash h: its newest bucket, buckets per span, span in seconds, first and last counter
-- number, the ARGV index of its first head field, and its last sweep (false: none yet).
local newestBucketOf, bucketsPerSpanOf, spanSecondsOf, firstCounterOf, lastCounterOf, firstFieldArgOf, lastSweepOf = {}, {}, {}, {}, {}, {}, {}
-- Per rolling counter r: its head hash, head (base, sum, newest, newestAmount), whether base
-- moved (so its head must be written even on a refusal), and its usage.
local headHashOf, baseOf, sumOf, newestOf, newestAmountOf, baseMoved, usageOf = {}, {}, {}, {}, {}, {}, {}
local counters = 0
local FIRST_BUCKET_HASH = periodHashCount + headHashCount -- KEYS[FIRST_BUCKET_HASH + r]: counter r's bucket hash
for h = 1, headHashCount do
  local newestBucket, bucketsPerSpan, spanSeconds, n = N[num], N[num + 1], N[num + 2], N[num + 3]
  local firstBucket = newestBucket - bucketsPerSpan
  local firstFieldArg = field
  local heads = redis.call('HMGET', KEYS[periodHashCount + h], 't', unpack(ARGV, firstFieldArg, firstFieldArg + n - 1))
  newestBucketOf[h], bucketsPerSpanOf[h], spanSecondsOf[h] = newestBucket, bucketsPerSpan, spanSeconds
  firstCounterOf[h], lastCounterOf[h], firstFieldArgOf[h], lastSweepOf[h] = counters + 1, counters + n, firstFieldArg, tonumber(heads[1]) or false
  for x = 1, n do
    local r = counters + x
    local bucketHash, base, sum, newest, newestAmount = KEYS[FIRST_BUCKET_HASH + r]
    if heads[x + 1] then base, sum, newest, newestAmount = struct.unpack('<dddd', heads[x + 1]) end
    if not base then
      -- New (or swept): buckets left from before are nobody's.
      redis.call('DEL', bucketHash)
    elseif newest < firstBucket - bucketsPerSpan then
      -- Every bucket is a span before the first counted one: dropped, unread.
      redis.call('DEL', bucketHash)
      base, sum, baseMoved[r] = firstBucket, 0, true
    elseif firstBucket > base then
      -- base moves up to the first counted bucket: the buckets it passes leave the sum, those a span before it go.
      sum = sum - sumOfBuckets(bucketHash, base, firstBucket, base, newest, newestAmount, bucketsPerSpan)
      local gone = {}
      for bucket = base - bucketsPerSpan, math.min(firstBucket - bucketsPerSpan, newest) - 1 do gone[#gone + 1] = int(bucket) end
      if #gone > 0 then redis.call('HDEL', bucketHash, unpack(gone)) end
      base, baseMoved[r] = firstBucket, true
    end
    local total = 0
    if base then
      total = sum
      -- Behind the callers ahead (base is past this caller's first bucket): their buckets count too (see countedBuckets).
      if firstBucket < base then total = total + sumOfBuckets(bucketHash, firstBucket, base, base, newest, newestAmount, bucketsPerSpan) end
    end
    headHashOf[r], baseOf[r], sumOf[r], newestOf[r], newestAmountOf[r], usageOf[r] = h, base or false, sum or 0, newest or false, newestAmount or 0, total
  end
  counters = counters + n
  num, field = num + 4, field + n
end
local FIRST_ROLLING_NUMBER = num

-- Head hash h's fields to write, as field, value pairs: its counters' heads (all, or only those whose base moved).
local function headsToWrite(h, all)
  local fields = {}
  for r = firstCounterOf[h], lastCounterOf[h] do
    if all or baseMoved[r] then
      fields[#fields + 1] = ARGV[firstFieldArgOf[h] + r - firstCounterOf[h]]
      fields[#fields + 1] = struct.pack('<dddd', baseOf[r], sumOf[r], newestOf[r], newestAmountOf[r])
    end
  end
  return fields
end
for x = FIRST_ROLLING_NUMBER, #N, 3 do
  position = position + 1
  usage[position] = usageOf[N[x]]
end

local function refuse(refusing)
  -- Nothing reserved; only a moved base is kept (the buckets it dropped are gone).
  for h = 1, headHashCount do
    local fields = headsToWrite(h, false)
    if #fields > 0 then redis.call('HSET', KEYS[periodHashCount + h], unpack(fields)) end
  end
  return packed(1, refusing - 1, unpack(usage))
end

-- Limits, in script order (no limit is +inf: never exceeded).
position, num = 0, FIRST_PERIOD_NUMBER
for p = 1, periodHashCount do
  local n = N[num]
  for x = 1, n do
    position = position + 1
    local limit, amount = N[num + x], N[num + n + x]
    amounts[position] = amount
    if usage[position] + amount > limit then return refuse(position) end
  end
  num = num + 1 + 2 * n
end
for x = FIRST_ROLLING_NUMBER, #N, 3 do
  position = position + 1
  local limit, amount = N[x + 1], N[x + 2]
  amounts[position] = amount
  if usage[position] + amount > limit then return refuse(position) end
end

-- Admitted. Period counters: one HSET per period hash (a counter twice in the call: both amounts).
position, num, field = 0, FIRST_PERIOD_NUMBER, FIRST_FIELD
for p = 1, periodHashCount do
  local n = N[num]
  local values, fields = {}, {}
  for x = 1, n do
    local name = ARGV[field + x - 1]
    local before = values[name]
    if not before then
      before = usage[position + x]
      fields[#fields + 1] = name
      fields[#fields + 1] = false
    end
    values[name] = before + amounts[position + x]
  end
  for i = 1, #fields, 2 do fields[i + 1] = int(values[fields[i]]) end
  redis.call('HSET', KEYS[p], unpack(fields))
  position = position + n
  num, field = num + 1 + 2 * n, field + n
end

-- Rolling counters: the amount goes to the newest bucket (in the head) or, for a caller behind, to its own bucket.
local newestChanged = {}
for x = FIRST_ROLLING_NUMBER, #N, 3 do
  position = position + 1
  local r, amount = N[x], amounts[position]
  local h, bucketHash = headHashOf[r], KEYS[FIRST_BUCKET_HASH + r]
  local bucket, bucketsPerSpan = newestBucketOf[h], bucketsPerSpanOf[h]
  if not baseOf[r] then baseOf[r], sumOf[r], baseMoved[r] = bucket - bucketsPerSpan, 0, true end
  local newest = newestOf[r]
  if newest and bucket > newest and newest >= baseOf[r] - bucketsPerSpan then
    -- A newer bucket: the newest one so far joins the others (unless it is a span before base: dropped).
    redis.call('HSET', bucketHash, int(newest), int(newestAmountOf[r]))
    redis.call('EXPIRE', bucketHash, int(3 * spanSecondsOf[h]))
  end
  if not newest or bucket > newest then newestOf[r], newestAmountOf[r], newest, newestChanged[h] = bucket, 0, bucket, true end
  if bucket == newest then
    newestAmountOf[r] = newestAmountOf[r] + amount
  elseif bucket >= baseOf[r] - bucketsPerSpan then
    redis.call('HINCRBY', bucketHash, int(bucket), int(amount))
    redis.call('EXPIRE', bucketHash, int(3 * spanSecondsOf[h]))
  end
  if bucket >= baseOf[r] then sumOf[r] = sumOf[r] + amount end
end

-- Deletes the heads of headHash but those in keep whose newest bucket is before oldest (their bucket hashes expire).
local function sweep(headHash, keep, oldest)
  local idle, cursor = {}, '0'
  repeat
    local page = redis.call('HSCAN', headHash, cursor, 'MATCH', '*|', 'COUNT', 1000)
    cursor = page[1]
    local found = page[2]
    for j = 1, #found, 2 do
      local _, _, newest = struct.unpack('<dddd', found[j + 1])
      if newest < oldest and not keep[found[j]] then idle[#idle + 1] = found[j] end
    end
  until cursor == '0'
  for j = 1, #idle, 1000 do redis.call('HDEL', headHash, unpack(idle, j, math.min(j + 999, #idle))) end
end

-- Head hashes: one HSET each, with a sweep once a span (field t: the bucket of the last one).
for h = 1, headHashCount do
  local headHash, bucket, bucketsPerSpan, lastSweep = KEYS[periodHashCount + h], newestBucketOf[h], bucketsPerSpanOf[h], lastSweepOf[h]
  local fields = headsToWrite(h, true)
  if not lastSweep or bucket >= lastSweep + bucketsPerSpan then
    if lastSweep then
      local keep = {}
      for i = 1, #fields, 2 do keep[fields[i]] = true end
      sweep(headHash, keep, bucket - 2 * bucketsPerSpan)
    end
    fields[#fields + 1] = 't'
    fields[#fields + 1] = int(bucket)
  end
  redis.call('HSET', headHash, unpack(fields))
  -- A new newest bucket: the window's heads live on for two spans from it.
  if newestChanged[h] then redis.call('EXPIRE', headHash, int(2 * spanSecondsOf[h])) end
end
return packed(0, unpack(usage))
