-- KEYS[1] zset client -> expiry (ms), KEYS[2] hash client -> info
-- ARGV[1] key ttl ms, ARGV[2] member expiry (unix ms), ARGV[3] client id, ARGV[4] info json
redis.call('zadd', KEYS[1], ARGV[2], ARGV[3])
redis.call('hset', KEYS[2], ARGV[3], ARGV[4])
redis.call('pexpire', KEYS[1], ARGV[1])
redis.call('pexpire', KEYS[2], ARGV[1])
return 1
