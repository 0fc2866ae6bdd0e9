-- Append a publication and deliver it, atomically: the offset increment, the
-- stream append, the PUBLISH and the idempotency record happen in one
-- script, so offsets never gap or repeat, live delivery is in offset order,
-- and a key is recorded exactly when its publication was made.
-- KEYS (one hash slot: they share the channel's hash tag)
--   [1] stream, [2] meta hash, [3] idempotency hash
-- Meta hash: e = epoch, o = offset, w = replication id of the Redis that
-- wrote last, pe/po = the epoch this one continues and the offset it forked at.
-- ARGV[1] data, ARGV[2] history size, ARGV[3] history ttl ms, ARGV[4] meta ttl ms,
-- ARGV[5] epoch to use if the channel has none (or forks), ARGV[6] pub/sub channel,
-- ARGV[7] idempotency ttl ms ('0' = no key),
-- ARGV[8] deadline in Redis server time, Unix ms ('0' = none),
-- ARGV[9] 'publish', or 'spublish' on Redis Cluster
-- Reply: {epoch, offset, server time ms, connected replicas}, or
-- {'', 'late', server time ms} when the script ran after the deadline and
-- did nothing. The broker waits (WAIT) for the replicas before it
-- acknowledges, when asked to.
-- (Reading TIME and INFO before writing needs Redis >= 5, which replicates
-- scripts by their effects; the project runs Redis 7.)
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local info = redis.call('info', 'replication')
local replicas = string.match(info, 'connected_slaves:(%d+)') or '0'
if ARGV[7] ~= '0' then
  local seen = redis.call('hmget', KEYS[3], 'e', 'o')
  if seen[1] then
    -- A write, so that a WAIT after this reply also covers the original
    -- publication (replicated before it).
    redis.call('pexpire', KEYS[3], ARGV[7])
    return {seen[1], seen[2], tostring(now), replicas}
  end
end
-- A publish that waited in a frozen or overloaded Redis past the moment its
-- caller gave up must not happen: the caller has already answered
-- "unavailable".
if ARGV[8] ~= '0' and now > tonumber(ARGV[8]) then
  return {'', 'late', tostring(now)}
end
-- The replication id changes when a replica is promoted or Redis restarts
-- empty: offsets written by another Redis may be missing here (replication is
-- asynchronous), so reusing them would hand out an offset twice. Such a
-- channel forks: a new epoch continuing the offsets, remembering which epoch
-- and offset it continues, so subscribers at or below that offset recover.
local writer = string.match(info, 'master_replid:(%w+)')
local meta = redis.call('hmget', KEYS[2], 'e', 'w')
local epoch = meta[1]
if not epoch then
  epoch = ARGV[5]
  -- A new epoch starts a new stream: drop anything left of the old one.
  redis.call('del', KEYS[1])
  redis.call('hset', KEYS[2], 'e', epoch, 'w', writer)
  redis.call('hdel', KEYS[2], 'pe', 'po')
elseif meta[2] ~= writer then
  local off = redis.call('hget', KEYS[2], 'o') or '0'
  redis.call('hset', KEYS[2], 'e', ARGV[5], 'w', writer, 'pe', epoch, 'po', off)
  epoch = ARGV[5]
end
local offset = redis.call('hincrby', KEYS[2], 'o', 1)
redis.call('pexpire', KEYS[2], ARGV[4])
if ARGV[2] ~= '0' then
  redis.call('xadd', KEYS[1], 'MAXLEN', ARGV[2], offset .. '-0', 'd', ARGV[1])
  redis.call('pexpire', KEYS[1], ARGV[3])
end
redis.call(ARGV[9], ARGV[6], 'p:' .. offset .. ':' .. epoch .. ':' .. ARGV[1])
if ARGV[7] ~= '0' then
  redis.call('hset', KEYS[3], 'e', epoch, 'o', offset)
  redis.call('pexpire', KEYS[3], ARGV[7])
end
return {epoch, tostring(offset), tostring(now), replicas}
