package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRedisURLForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want RedisTarget
		wait int
	}{
		{"", RedisTarget{}, 0},
		{"redis://127.0.0.1:6379/0", RedisTarget{Mode: RedisSingle, URL: "redis://127.0.0.1:6379/0"}, 0},
		{"unix:///run/redis.sock", RedisTarget{Mode: RedisSingle, URL: "unix:///run/redis.sock"}, 0},
		{"redis-cluster://10.0.0.1:7000,10.0.0.2:7000", RedisTarget{
			Mode: RedisCluster, URL: "redis-cluster://10.0.0.1:7000,10.0.0.2:7000", Addrs: []string{"10.0.0.1:7000", "10.0.0.2:7000"},
		}, 1},
		{"rediss-cluster://app:p%40ss@r1:7000", RedisTarget{
			Mode: RedisCluster, URL: "rediss-cluster://app:p%40ss@r1:7000", Addrs: []string{"r1:7000"}, Username: "app", Password: "p@ss", TLS: true,
		}, 1},
		{"redis-sentinel://:pw@s1:26379,s2:26379/main?db=2", RedisTarget{
			Mode: RedisSentinel, URL: "redis-sentinel://:pw@s1:26379,s2:26379/main?db=2", Addrs: []string{"s1:26379", "s2:26379"},
			MasterName: "main", Password: "pw", DB: 2,
		}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			t.Parallel()
			c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "REDIS_URL": tc.url}))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, c.Redis); diff != "" {
				t.Errorf("target (-want +got):\n%s", diff)
			}
			if c.RedisWaitReplicas != tc.wait {
				t.Errorf("wait replicas = %d, want %d", c.RedisWaitReplicas, tc.wait)
			}
		})
	}
}

func TestRedisURLRejected(t *testing.T) {
	t.Parallel()
	for _, vars := range []map[string]string{
		{"REDIS_URL": "http://x"},
		{"REDIS_URL": "redis-cluster://"},
		{"REDIS_URL": "redis-cluster://h1:7000,h2"},
		{"REDIS_URL": "redis-cluster://h1:70000"},
		{"REDIS_URL": "redis-cluster://h1:7000/3"},
		{"REDIS_URL": "redis-cluster://h1:7000?db=1"},
		{"REDIS_URL": "redis-sentinel://s1:26379"},
		{"REDIS_URL": "redis-sentinel://s1:26379/m?db=x"},
		{"REDIS_URL": "redis-cluster://h1:7000", "REDIS_WAIT_REPLICAS": "-1"},
		{"REDIS_URL": "redis-cluster://h1:7000", "REDIS_WAIT_REPLICAS": "two"},
	} {
		t.Run(vars["REDIS_URL"]+" "+vars["REDIS_WAIT_REPLICAS"], func(t *testing.T) {
			t.Parallel()
			vars["DATA_DIR"] = t.TempDir()
			_, err := Load(env(vars))
			if err == nil || !strings.Contains(err.Error(), "REDIS_") {
				t.Fatalf("err = %v, want one naming the variable", err)
			}
		})
	}
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "REDIS_URL": "redis-cluster://h:7000", "REDIS_WAIT_REPLICAS": "0"}))
	if err != nil || c.RedisWaitReplicas != 0 {
		t.Fatalf("REDIS_WAIT_REPLICAS=0: %d, %v", c.RedisWaitReplicas, err)
	}
}
