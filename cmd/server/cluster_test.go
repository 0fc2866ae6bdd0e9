package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestTwoServersOverRedisCluster: REDIS_URL in its redis-cluster:// form
// wires the hub, the rate limits and the ready check to a private Redis
// Cluster; a publication made on one server reaches a subscriber of the
// other.
func TestTwoServersOverRedisCluster(t *testing.T) {
	t.Parallel()
	cluster := redistest.StartCluster(t, redistest.ClusterOptions{})
	db := dbtest.New(t)
	env := map[string]string{"REDIS_URL": cluster.URL(), "REDIS_PREFIX": uniquePrefix(t)}
	first := startMain(t, testConfig(t, db, env))
	second := startMain(t, testConfig(t, db, env))
	if first.cfg.Redis.Mode != "cluster" || first.cfg.RedisWaitReplicas != 1 {
		t.Fatalf("redis config = %+v, wait %d; want cluster mode waiting for 1 replica", first.cfg.Redis, first.cfg.RedisWaitReplicas)
	}
	if code, body := get(t, baseURL(first)+"/ready"); code != 200 || !strings.Contains(body, `"redis":"ok"`) {
		t.Fatalf("ready: %d %s", code, body)
	}
	user := signIn(t, second, db, "clustered")
	ch := userChannel(t, user)
	f, err := follow(t, dialHub(t, second, user.token), ch)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.hub.Publish(context.Background(), ch, []byte(`{"from":"first"}`)); err != nil {
		t.Fatal(err)
	}
	f.waitFor(t, "the other server's publication", 10*time.Second, func(m map[string]any) bool { return m["from"] == "first" })
}

// TestServerOverRedisSentinel: REDIS_URL in its redis-sentinel:// form finds
// the master through the sentinel for the hub, the rate limits and the ready
// check.
func TestServerOverRedisSentinel(t *testing.T) {
	t.Parallel()
	s := redistest.StartSentinel(t)
	db := dbtest.New(t)
	m := startMain(t, testConfig(t, db, map[string]string{"REDIS_URL": s.URL(), "REDIS_PREFIX": uniquePrefix(t)}))
	if m.cfg.Redis.Mode != "sentinel" || m.cfg.RedisWaitReplicas != 1 {
		t.Fatalf("redis config = %+v, wait %d; want sentinel mode waiting for 1 replica", m.cfg.Redis, m.cfg.RedisWaitReplicas)
	}
	if code, body := get(t, baseURL(m)+"/ready"); code != 200 || !strings.Contains(body, `"redis":"ok"`) {
		t.Fatalf("ready: %d %s", code, body)
	}
	user := signIn(t, m, db, "sentinel")
	ch := userChannel(t, user)
	f, err := follow(t, dialHub(t, m, user.token), ch)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.hub.Publish(context.Background(), ch, []byte(`{"via":"sentinel"}`)); err != nil {
		t.Fatal(err)
	}
	f.waitFor(t, "the publication", 10*time.Second, func(m map[string]any) bool { return m["via"] == "sentinel" })
	// It went through the master the sentinel names.
	mc := redis.NewClient(&redis.Options{Addr: s.Master.Addr()})
	defer mc.Close()
	keys, err := mc.Keys(context.Background(), m.cfg.RedisPrefix+":hub:*").Result()
	if err != nil || len(keys) == 0 {
		t.Fatalf("hub keys on the master: %v, %v", keys, err)
	}
}
