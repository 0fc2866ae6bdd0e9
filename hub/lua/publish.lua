-- Append a publication and deliver it, atomically: the offset increment, the
-- stream append and the PUBLISH happen in one script, so offsets never gap or
-- repeat and live delivery is in offset order.
-- KEYS[1] stream, KEYS[2] meta hash (e = epoch, o = offset), KEYS[3] idempotency hash
-- ARGV[1] data, ARGV[2] history size, ARGV[3] history ttl ms, ARGV[4] meta ttl ms,
-- ARGV[5] epoch to use if the channel has none, ARGV[6] pub/sub channel,
-- ARGV[7] idempotency ttl ms ('0' = no key)
if ARGV[7] ~= '0' then
  local seen = redis.call('hmget', KEYS[3], 'e', 'o')
  if seen[1] then
    return {seen[1], seen[2]}
  end
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
return {epoch, tostring(offset)}
