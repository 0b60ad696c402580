-- compare and add: moves a guard field from an expected value to the next one and adds a delta to
-- another field of the same hash, both or neither. Arguments built by encodeCompareAndAdd (codec.ts).
--
-- KEYS[1]: the period hash.
-- ARGV: the guard field, its expected and next values, the field to add to, the delta.
-- Reply: 1 done; 0 the guard held another value, or either field is missing (nothing changed).

local periodHash, guard, expected, nextValue, field, delta = KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local values = redis.call('HMGET', periodHash, guard, field)
if values[1] ~= expected or not values[2] then return 0 end
redis.call('HSET', periodHash, guard, nextValue, field, tonumber(values[2]) + tonumber(delta))
return 1
