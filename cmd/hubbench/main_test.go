package main

import (
	"context"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// testRedisURL returns the shared test Redis, failing under CI when it is
// unreachable and skipping otherwise.
func testRedisURL(t *testing.T) string {
	t.Helper()
	url := "redis://127.0.0.1:6379/0"
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis unreachable under CI: %v", err)
		}
		t.Skipf("redis unreachable: %v", err)
	}
	return url
}

// TestScenariosSmall runs each scenario shrunk to a few connections against
// an in-process server and checks the summary adds up: every acknowledged
// publish reached every subscriber, latencies are ordered.
func TestScenariosSmall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		scenario string
		conns    int
		channels int
		rate     int
		redis    bool
		nodes    int
	}{
		{scenario: "fanout", conns: 20, channels: 1},
		{scenario: "fanout", conns: 20, channels: 1, rate: 200},
		{scenario: "channels", conns: 40, channels: 20},
		{scenario: "idle", conns: 30, channels: 30},
		{scenario: "redis-fanout", conns: 20, channels: 1, redis: true},
		{scenario: "redis-fanout", conns: 20, channels: 1, redis: true, nodes: 2, rate: 100},
	}
	for _, tc := range tests {
		t.Run(tc.scenario, func(t *testing.T) {
			t.Parallel()
			o := options{
				scenario:  tc.scenario,
				duration:  500 * time.Millisecond,
				rate:      tc.rate,
				nodes:     max(tc.nodes, 1),
				inprocess: true,
				window:    4,
				redis:     "redis://127.0.0.1:6379/0",
			}
			if tc.redis {
				o.redis = testRedisURL(t)
			}
			sc := scenarios[tc.scenario]
			sc.Conns, sc.Channels = tc.conns, tc.channels
			o.sc = sc
			logger := slog.New(slog.DiscardHandler)
			res, err := runBench(context.Background(), o, logger)
			if err != nil {
				t.Fatal(err)
			}
			if res.Scenario != tc.scenario || res.Connections != tc.conns {
				t.Fatalf("result = %+v, want scenario %s with %d connections", res, tc.scenario, tc.conns)
			}
			if res.ServerRSSMB <= 0 {
				t.Fatalf("server_rss_mb = %v", res.ServerRSSMB)
			}
			if sc.Idle {
				return
			}
			if res.DeliveredPerSec <= 0 || res.Dropped != 0 {
				t.Fatalf("delivered_per_sec = %v, dropped = %d", res.DeliveredPerSec, res.Dropped)
			}
			if !(0 < res.P50ms && res.P50ms <= res.P99ms && res.P99ms <= res.MaxMS+histWidth.Seconds()*1e3) {
				t.Fatalf("latencies out of order: p50 %v p99 %v max %v", res.P50ms, res.P99ms, res.MaxMS)
			}
		})
	}
}

func TestHistogramQuantile(t *testing.T) {
	t.Parallel()
	h := histogram{buckets: make([]atomic.Uint64, histBuckets+1)}
	for i := range 100 {
		h.add(int64(i+1) * int64(time.Millisecond)) // 1..100 ms
	}
	h.add(int64(time.Hour)) // beyond the last bucket
	if got := h.quantile(0.5); got < 50 || got > 52 {
		t.Fatalf("p50 = %v ms, want about 51", got)
	}
	if got := h.quantile(0.99); got < 99 || got > 101 {
		t.Fatalf("p99 = %v ms, want about 100", got)
	}
	if got, want := h.quantile(1), float64(histBuckets)*histWidth.Seconds()*1e3; got != want {
		t.Fatalf("p100 = %v ms, want the last bucket %v", got, want)
	}
}

func TestMessageTimestamp(t *testing.T) {
	t.Parallel()
	for _, size := range []int{48, 128, 1024} {
		m := message(size)
		if len(m) != size {
			t.Fatalf("message(%d) has %d bytes", size, len(m))
		}
		ts, ok := timestamp(m)
		if !ok || time.Since(time.Unix(0, ts)) > time.Minute {
			t.Fatalf("timestamp of %s = %d, %v", m, ts, ok)
		}
	}
	if _, ok := timestamp([]byte(`{"x":1}`)); ok {
		t.Fatal("timestamp found in a message without one")
	}
}
