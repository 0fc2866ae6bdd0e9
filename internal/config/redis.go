package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Redis deployment kinds, from REDIS_URL's scheme.
const (
	RedisSingle   = "single"   // redis://, rediss://, unix://
	RedisSentinel = "sentinel" // redis-sentinel://
	RedisCluster  = "cluster"  // redis-cluster://
)

// RedisTarget is REDIS_URL read: which kind of Redis deployment and where.
type RedisTarget struct {
	// Mode is RedisSingle, RedisSentinel or RedisCluster; empty when
	// REDIS_URL is unset.
	Mode string
	// URL is REDIS_URL as given; a single Redis is opened from it.
	URL string
	// Addrs are the sentinels (Sentinel) or the seed nodes (Cluster).
	Addrs []string
	// MasterName is the master the sentinels watch.
	MasterName         string
	Username, Password string
	// DB is the database number (single and Sentinel; a cluster has only 0).
	DB int
	// TLS is set by the rediss-sentinel:// and rediss-cluster:// schemes.
	TLS bool
}

// parseRedisURL reads REDIS_URL's three forms:
//
//	redis://[user:password@]host:port[/db]   (also rediss://, unix://) one Redis
//	redis-sentinel://[user:password@]host:port,host:port/master[?db=N]
//	redis-cluster://[user:password@]host:port,host:port,...
//
// The credentials are the data nodes' (master, cluster nodes); Sentinel and
// Cluster accept an "ss" scheme (rediss-sentinel, rediss-cluster) for TLS.
func parseRedisURL(v string) (RedisTarget, error) {
	if v == "" {
		return RedisTarget{}, nil
	}
	scheme, rest, ok := strings.Cut(v, "://")
	if !ok {
		return RedisTarget{}, errors.New("REDIS_URL is not a URL")
	}
	scheme = strings.ToLower(scheme)
	t := RedisTarget{URL: v}
	switch scheme {
	case "redis", "rediss", "unix":
		t.Mode = RedisSingle
		if _, err := url.Parse(v); err != nil {
			return RedisTarget{}, errors.New("REDIS_URL is not a valid URL")
		}
		return t, nil
	case "redis-sentinel", "rediss-sentinel":
		t.Mode = RedisSentinel
	case "redis-cluster", "rediss-cluster":
		t.Mode = RedisCluster
	default:
		return RedisTarget{}, fmt.Errorf("REDIS_URL must use one of the schemes redis, rediss, unix, redis-sentinel, rediss-sentinel, redis-cluster, rediss-cluster, not %q", scheme)
	}
	t.TLS = strings.HasPrefix(scheme, "rediss")
	rest, query, _ := strings.Cut(rest, "?")
	hostsPart, path, _ := strings.Cut(rest, "/")
	if at := strings.LastIndex(hostsPart, "@"); at >= 0 {
		user, pass, hasPass := strings.Cut(hostsPart[:at], ":")
		var err1, err2 error
		t.Username, err1 = url.PathUnescape(user)
		if hasPass {
			t.Password, err2 = url.PathUnescape(pass)
		}
		if err1 != nil || err2 != nil {
			return RedisTarget{}, errors.New("REDIS_URL has badly escaped credentials")
		}
		hostsPart = hostsPart[at+1:]
	}
	for _, h := range strings.Split(hostsPart, ",") {
		host, port, err := net.SplitHostPort(strings.TrimSpace(h))
		if p, perr := strconv.Atoi(port); err != nil || host == "" || perr != nil || p < 1 || p > 65535 {
			return RedisTarget{}, fmt.Errorf("REDIS_URL: %q is not host:port", h)
		}
		t.Addrs = append(t.Addrs, net.JoinHostPort(host, port))
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return RedisTarget{}, errors.New("REDIS_URL has a bad query")
	}
	if db := q.Get("db"); db != "" {
		n, err := strconv.Atoi(db)
		if err != nil || n < 0 || t.Mode == RedisCluster && n != 0 {
			return RedisTarget{}, fmt.Errorf("REDIS_URL: db=%q is not a database number (a cluster has only 0)", db)
		}
		t.DB = n
	}
	switch t.Mode {
	case RedisSentinel:
		t.MasterName, _ = url.PathUnescape(strings.Trim(path, "/"))
		if t.MasterName == "" {
			return RedisTarget{}, errors.New("REDIS_URL: redis-sentinel:// needs the master's name as its path, e.g. redis-sentinel://h1:26379,h2:26379/mymaster")
		}
	case RedisCluster:
		if strings.Trim(path, "/") != "" {
			return RedisTarget{}, errors.New("REDIS_URL: redis-cluster:// takes no path (a cluster has only database 0)")
		}
	}
	return t, nil
}

// loadRedis reads REDIS_URL and REDIS_WAIT_REPLICAS.
func (c *Config) loadRedis(getenv Getenv, errs *[]error) {
	t, err := parseRedisURL(c.RedisURL)
	if err != nil {
		*errs = append(*errs, err)
		return
	}
	c.Redis = t
	c.RedisWaitReplicas = 0
	if t.Mode == RedisSentinel || t.Mode == RedisCluster {
		c.RedisWaitReplicas = 1
	}
	if v := getenv("REDIS_WAIT_REPLICAS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 16 {
			*errs = append(*errs, fmt.Errorf("REDIS_WAIT_REPLICAS must be a number from 0 to 16, not %q", v))
			return
		}
		c.RedisWaitReplicas = n
	}
}
