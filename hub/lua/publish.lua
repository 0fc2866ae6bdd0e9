-- Append a publication and deliver it, atomically: the offset increment, the
-- stream append, the PUBLISH and the idempotency record happen in one
-- script, so offsets never gap or repeat, live delivery is in offset order,
-- and a key is recorded exactly when its publication was made.
-- KEYS[1] stream, KEYS[2] meta hash (e = epoch, o = offset), KEYS[3] idempotency hash
-- ARGV[1] data, ARGV[2] history size, ARGV[3] history ttl ms, ARGV[4] meta ttl ms,
-- ARGV[5] epoch to use if the channel has none, ARGV[6] pub/sub channel,
-- ARGV[7] idempotency ttl ms ('0' = no key),
-- ARGV[8] deadline in Redis server time, Unix ms ('0' = none)
-- Reply: {epoch, offset, server time ms}, or {'', 'late', server time ms}
-- when the script ran after the deadline and did nothing.
-- (Reading TIME before writing needs Redis >= 5, which replicates scripts by
-- their effects; the project runs Redis 7.)
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[7] ~= '0' then
  local seen = redis.call('hmget', KEYS[3], 'e', 'o')
  if seen[1] then
    return {seen[1], seen[2], tostring(now)}
  end
end
-- A publish that waited in a frozen or overloaded Redis past the moment its
-- caller gave up must not happen: the caller has already answered
-- "unavailable".
if ARGV[8] ~= '0' and now > tonumber(ARGV[8]) then
  return {'', 'late', tostring(now)}
end
local epoch = redis.call('hget', KEYS[2], 'e')
if not epoch then
  epoch = ARGV[5]
  -- A new epoch starts a new stream: drop anything left of the old one.
  redis.call('del', KEYS[1])
  redis.call('hset', KEYS[2], 'e', epoch)
end
local offset = redis.call('hincrby', KEYS[2], 'o', 1)
redis.call('pexpire', KEYS[2], ARGV[4])
if ARGV[2] ~= '0' then
  redis.call('xadd', KEYS[1], 'MAXLEN', ARGV[2], offset .. '-0', 'd', ARGV[1])
  redis.call('pexpire', KEYS[1], ARGV[3])
end
redis.call('publish', ARGV[6], 'p:' .. offset .. ':' .. epoch .. ':' .. ARGV[1])
if ARGV[7] ~= '0' then
  redis.call('hset', KEYS[3], 'e', epoch, 'o', offset)
  redis.call('pexpire', KEYS[3], ARGV[7])
end
return {epoch, tostring(offset), tostring(now)}
