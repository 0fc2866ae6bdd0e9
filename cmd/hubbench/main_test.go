package main

import (
	"cmp"
	"context"
	"log/slog"
	"os"
	"os/exec"
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
		mode     string // private redis: single
		listen   int
	}{
		{scenario: "fanout", conns: 20, channels: 1},
		{scenario: "fanout", conns: 20, channels: 1, rate: 200},
		{scenario: "channels", conns: 40, channels: 20},
		{scenario: "idle", conns: 30, channels: 30},
		{scenario: "idle", conns: 30, channels: 30, listen: 3},
		{scenario: "redis-fanout", conns: 20, channels: 1, redis: true},
		{scenario: "redis-fanout", conns: 20, channels: 1, redis: true, nodes: 2, rate: 100},
		{scenario: "redis-fanout", conns: 20, channels: 1, mode: "single", nodes: 2},
		{scenario: "costs", channels: 20, mode: "single"},
		{scenario: "redis-fanout", conns: 20, channels: 6, mode: "cluster", nodes: 2},
		{scenario: "costs", channels: 20, mode: "cluster"},
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
				redisMode: cmp.Or(tc.mode, "shared"),
				listeners: max(tc.listen, 1),
				masters:   3,
			}
			if tc.mode != "" {
				requireRedisServer(t)
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
			if tc.scenario == "costs" {
				checkCosts(t, res, tc.mode == "cluster")
				return
			}
			if res.ServerRSSMB <= 0 {
				t.Fatalf("server_rss_mb = %v", res.ServerRSSMB)
			}
			if sc.Idle {
				return // per-connection memory means nothing with the server in this (shared) test process
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

func requireRedisServer(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis-server not installed under CI: %v", err)
		}
		t.Skipf("redis-server not installed: %v", err)
	}
}

// checkCosts: every phase ran its operations, and each operation shows the
// Redis command it must cost (a publish one PUBLISH from the script, a
// node's first subscribe one SUBSCRIBE, a recovery one XRANGE; on a cluster
// the sharded SPUBLISH, SSUBSCRIBE and SUNSUBSCRIBE).
func checkCosts(t *testing.T, res result, cluster bool) {
	t.Helper()
	s := ""
	if cluster {
		s = "s"
	}
	want := map[string]string{
		"subscribe_first":    s + "subscribe",
		"subscribe_again":    "evalsha",
		"publish":            s + "publish",
		"recover_1_missed":   "xrange",
		"close_last_on_node": s + "unsubscribe",
	}
	if len(res.Costs) != len(want) {
		t.Fatalf("costs has %d phases, want %d: %+v", len(res.Costs), len(want), res.Costs)
	}
	for _, r := range res.Costs {
		cmd, ok := want[r.Op]
		if !ok {
			t.Fatalf("unexpected phase %q", r.Op)
		}
		if got := r.CallsPerOp[cmd]; got < 0.99 || got > 1.01 {
			t.Errorf("%s: %s per op = %v, want 1 (%v)", r.Op, cmd, got, r.CallsPerOp)
		}
		if r.BytesInOp <= 0 || r.BytesOutOp <= 0 {
			t.Errorf("%s: bytes in %v out %v", r.Op, r.BytesInOp, r.BytesOutOp)
		}
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
