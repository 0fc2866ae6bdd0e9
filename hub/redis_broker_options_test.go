package hub

import (
	"testing"

	"github.com/redis/go-redis/v9"
)

// poolSize is the per-node connection pool a go-redis client ended up with.
func poolSize(t *testing.T, c redis.UniversalClient) int {
	t.Helper()
	switch c := c.(type) {
	case *redis.ClusterClient:
		return c.Options().PoolSize
	case *redis.Client:
		return c.Options().PoolSize
	default:
		t.Fatalf("unexpected client %T", c)
		return 0
	}
}

// Every deployment gets the connection pool a single Redis client gets (a
// cluster client's own default is half of it, per node), unless the caller
// chose one. No connection is made: go-redis dials lazily.
func TestUniversalBrokerOptionsPoolSize(t *testing.T) {
	single := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	want := single.Options().PoolSize
	_ = single.Close()
	tests := []struct {
		name string
		opts redis.UniversalOptions
		want int
	}{
		{"cluster", redis.UniversalOptions{Addrs: []string{"127.0.0.1:1", "127.0.0.1:2"}, IsClusterMode: true}, want},
		{"single", redis.UniversalOptions{Addrs: []string{"127.0.0.1:1"}}, want},
		{"sentinel", redis.UniversalOptions{Addrs: []string{"127.0.0.1:1"}, MasterName: "m"}, want},
		{"cluster, chosen by the caller", redis.UniversalOptions{Addrs: []string{"127.0.0.1:1"}, IsClusterMode: true, PoolSize: 3}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := redis.NewUniversalClient(universalBrokerOptions(tc.opts))
			defer func() { _ = c.Close() }()
			if got := poolSize(t, c); got != tc.want {
				t.Errorf("pool size %d, want %d", got, tc.want)
			}
		})
	}
}
