package hub_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// Broker publish cost: one append with offset assignment and delivery to
// this node. Run: go test ./hub -run '^$' -bench Publish -benchtime 2s
func BenchmarkPublishMemory(b *testing.B) {
	benchmarkPublish(b, hub.NewMemoryBroker())
}

func BenchmarkPublishRedis(b *testing.B) {
	url := redisURL(b)
	br, err := hub.NewRedisBroker(context.Background(), hub.RedisBrokerConfig{URL: url, Prefix: "hubbench-go:" + time.Now().Format("150405.000")})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkPublish(b, br)
}

func benchmarkPublish(b *testing.B, br hub.Broker) {
	defer br.Close(context.Background())
	rec := newRecorder()
	br.RegisterEventHandler(rec)
	ctx := context.Background()
	if err := br.Subscribe(ctx, "bench:1"); err != nil {
		b.Fatal(err)
	}
	data := []byte(`{"t":1700000000000000000,"p":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`)
	opts := hub.PublishOptions{HistorySize: 100, HistoryTTL: time.Minute, MetaTTL: time.Hour}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := br.Publish(ctx, "bench:1", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// The same against a private redis-server and a private 3-master cluster
// (one replica each), without and with waiting for the replica, to compare
// in one run:
// go test ./hub -run '^$' -bench 'Publish(RedisPrivate|RedisCluster)' -benchtime 2s
func BenchmarkPublishRedisPrivate(b *testing.B) {
	rds := redistest.Start(b)
	br, err := hub.NewRedisBroker(context.Background(), hub.RedisBrokerConfig{URL: rds.URL()})
	if err != nil {
		b.Fatal(err)
	}
	benchmarkPublish(b, br)
}

func BenchmarkPublishRedisCluster(b *testing.B) {
	for _, wait := range []int{0, 1} {
		b.Run(fmt.Sprintf("wait_replicas=%d", wait), func(b *testing.B) {
			c := redistest.StartCluster(b, redistest.ClusterOptions{})
			br, err := hub.NewRedisBroker(context.Background(), hub.RedisBrokerConfig{
				Options:      &redis.UniversalOptions{Addrs: c.Addrs(), IsClusterMode: true},
				WaitReplicas: wait,
			})
			if err != nil {
				b.Fatal(err)
			}
			benchmarkPublish(b, br)
		})
	}
}
