-- seed: sets a period counter rebuilt from the database, and with it, atomically, other counters of
-- the same hash, unless another caller set it first. Arguments built by encodeSeed (codec.ts).
--
-- KEYS[1]: the period hash.
-- ARGV: the TTL in seconds (set with the hash's first field; "0": none), then field, value pairs:
--   the first is set unless held, and the others only with it.
-- Reply: 1 set, 0 held already (nothing changed).

local periodHash, ttlSeconds = KEYS[1], ARGV[1]
if redis.call('HSETNX', periodHash, ARGV[2], ARGV[3]) == 0 then return 0 end
if #ARGV > 3 then redis.call('HSET', periodHash, unpack(ARGV, 4)) end
if ttlSeconds ~= '0' and redis.call('TTL', periodHash) < 0 then redis.call('EXPIRE', periodHash, ttlSeconds) end
return 1
