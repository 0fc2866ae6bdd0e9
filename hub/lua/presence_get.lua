-- Drop expired members, then return the others' info.
-- KEYS[1] zset client -> expiry (ms), KEYS[2] hash client -> info; ARGV[1] now (unix ms)
local expired = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1])
for _, client in ipairs(expired) do
  redis.call('hdel', KEYS[2], client)
end
if #expired > 0 then
  redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
end
return redis.call('hvals', KEYS[2])
