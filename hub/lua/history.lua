-- Read a channel's position and, optionally, the publications after an offset.
-- A channel without metadata gets its epoch here, so that the first subscriber
-- and the first publisher agree on it.
-- KEYS[1] stream, KEYS[2] meta hash
-- ARGV[1] since offset ('' = position only), ARGV[2] since epoch, ARGV[3] limit ('0' = all),
-- ARGV[4] meta ttl ms, ARGV[5] epoch to use if the channel has none
local meta = redis.call('hmget', KEYS[2], 'e', 'o')
local epoch, top = meta[1], meta[2]
if not epoch then
  epoch = ARGV[5]
  top = '0'
  redis.call('del', KEYS[1])
  redis.call('hset', KEYS[2], 'e', epoch, 'o', '0')
end
if not top then
  top = '0'
end
if redis.call('pttl', KEYS[2]) < tonumber(ARGV[4]) then
  redis.call('pexpire', KEYS[2], ARGV[4])
end
local pubs = {}
if ARGV[1] ~= '' and ARGV[2] == epoch then
  local from = (tonumber(ARGV[1]) + 1) .. '-0'
  if ARGV[3] ~= '0' then
    pubs = redis.call('xrange', KEYS[1], from, '+', 'COUNT', ARGV[3])
  else
    pubs = redis.call('xrange', KEYS[1], from, '+')
  end
end
return {epoch, top, pubs}
