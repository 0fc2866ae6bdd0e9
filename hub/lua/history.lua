-- Read a channel's position and, optionally, the publications after an offset.
-- A channel without metadata gets its epoch here, so that the first subscriber
-- and the first publisher agree on it.
-- KEYS[1] stream, KEYS[2] meta hash (see publish.lua)
-- ARGV[1] since offset ('' = position only), ARGV[2] since epoch, ARGV[3] limit ('0' = all),
-- ARGV[4] meta ttl ms, ARGV[5] epoch to use if the channel has none
-- Reply: {epoch, top offset, publications, continued} where continued is '1'
-- when the since position is in the epoch the current one forked from, at or
-- below the fork: the publications after it are then the current epoch's.
local meta = redis.call('hmget', KEYS[2], 'e', 'o', 'pe', 'po')
local epoch, top = meta[1], meta[2]
if not epoch then
  epoch = ARGV[5]
  top = '0'
  local writer = string.match(redis.call('info', 'replication'), 'master_replid:(%w+)')
  redis.call('del', KEYS[1])
  redis.call('hdel', KEYS[2], 'pe', 'po')
  redis.call('hset', KEYS[2], 'e', epoch, 'o', '0', 'w', writer)
end
if not top then
  top = '0'
end
if redis.call('pttl', KEYS[2]) < tonumber(ARGV[4]) then
  redis.call('pexpire', KEYS[2], ARGV[4])
end
local pubs = {}
local since = ARGV[2]
local continued = '0'
if ARGV[1] ~= '' and since ~= epoch and meta[3] and since == meta[3] and tonumber(ARGV[1]) <= tonumber(meta[4]) then
  since = epoch
  continued = '1'
end
if ARGV[1] ~= '' and since == epoch then
  local from = (tonumber(ARGV[1]) + 1) .. '-0'
  if ARGV[3] ~= '0' then
    pubs = redis.call('xrange', KEYS[1], from, '+', 'COUNT', ARGV[3])
  else
    pubs = redis.call('xrange', KEYS[1], from, '+')
  end
end
return {epoch, top, pubs, continued}
