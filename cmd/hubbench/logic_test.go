package main

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseCommandStats(t *testing.T) {
	t.Parallel()
	info := "# Commandstats\r\n" +
		"cmdstat_evalsha:calls=12,usec=340,usec_per_call=28.33,rejected_calls=0,failed_calls=0\r\n" +
		"cmdstat_publish:calls=3,usec=9,usec_per_call=3.00,rejected_calls=0,failed_calls=0\r\n" +
		"cmdstat_client|setinfo:calls=2,usec=1,usec_per_call=0.50,rejected_calls=0,failed_calls=0\r\n"
	got := map[string]int64{"publish": 1} // sums over processes
	if err := parseCommandStats(info, got); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"evalsha": 12, "publish": 4, "client|setinfo": 2}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("calls (-want +got):\n%s", d)
	}
	if err := parseCommandStats("cmdstat_get:calls=x,usec=1", map[string]int64{}); err == nil {
		t.Fatal("a non-numeric calls field was accepted")
	}
	if err := parseCommandStats("cmdstat_get", map[string]int64{}); err == nil {
		t.Fatal("a line without fields was accepted")
	}
}

func TestInfoField(t *testing.T) {
	t.Parallel()
	info := "# Stats\r\ntotal_net_input_bytes:1234\r\ntotal_net_output_bytes:99\r\ncluster_state:ok\r\n"
	for field, want := range map[string]string{"total_net_input_bytes": "1234", "total_net_output_bytes": "99", "cluster_state": "ok", "missing": ""} {
		if got := infoField(info, field); got != want {
			t.Errorf("infoField(%s) = %q, want %q", field, got, want)
		}
	}
}

func TestCostOf(t *testing.T) {
	t.Parallel()
	before := redisCounters{calls: map[string]int64{"evalsha": 10, "info": 4}, netIn: 1000, netOut: 5000}
	after := redisCounters{calls: map[string]int64{"evalsha": 210, "publish": 200, "info": 6}, netIn: 101000, netOut: 65000, replOut: 400, usedMemory: 20000}
	overhead := redisCounters{calls: map[string]int64{"info": 2}, netOut: 5000}
	got := costOf("publish", 200, before, after, overhead)
	want := costRow{Op: "publish", Count: 200, CallsPerOp: map[string]float64{"evalsha": 1, "publish": 1},
		BytesInOp: 500, BytesOutOp: 275, ReplBytesOp: 2, MemoryOp: 100}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("costOf (-want +got):\n%s", d)
	}
}

func TestNodeCPUs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec string
		i    int
		want string
	}{
		{"", 0, ""},
		{"0", 3, "0"},
		{"0/1", 0, "0"},
		{"0/1", 1, "1"},
		{"0/1", 2, "0"},
		{"0-1", 1, "0-1"},
	}
	for _, tc := range tests {
		if got := nodeCPUs(tc.spec, tc.i); got != tc.want {
			t.Errorf("nodeCPUs(%q, %d) = %q, want %q", tc.spec, tc.i, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	runs := []result{
		{RedisMode: "single", Round: 1, DeliveredPerSec: 100, P99ms: 50},
		{RedisMode: "cluster", Round: 1, DeliveredPerSec: 80, P99ms: 70},
		{RedisMode: "single", Round: 2, DeliveredPerSec: 200, P99ms: 40},
		{RedisMode: "cluster", Round: 2, DeliveredPerSec: 100, P99ms: 90, Dropped: 3},
		{RedisMode: "single", Round: 3, DeliveredPerSec: 150, P99ms: 60},
		{RedisMode: "cluster", Round: 3, DeliveredPerSec: 150, P99ms: 120},
	}
	got := summarize([]string{"single", "cluster"}, runs)
	want := summary{Summary: []modeSummary{
		{Mode: "single", Runs: 3, DeliveredPerSec: 150, P99ms: 50, MaxP99ms: 60},
		{Mode: "cluster", Runs: 3, DeliveredPerSec: 100, P99ms: 90, MaxP99ms: 120, Dropped: 3,
			RateRatios: []float64{0.8, 0.5, 1}, RatioMedian: 0.8},
	}}
	if d := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); d != "" {
		t.Fatalf("summarize (-want +got):\n%s", d)
	}
}

func TestMedian(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(tc.xs); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}

func TestCheckRedisModes(t *testing.T) {
	t.Parallel()
	redisSc, memSc := scenarios["redis-fanout"], scenarios["fanout"]
	tests := []struct {
		name string
		o    options
		ok   bool
	}{
		{"shared redis", options{scenario: "redis-fanout", sc: redisSc, redisMode: "shared", masters: 3}, true},
		{"private single", options{scenario: "redis-fanout", sc: redisSc, redisMode: "single", masters: 3}, true},
		{"alternate", options{scenario: "redis-fanout", sc: redisSc, alternate: "single,cluster", masters: 3}, true},
		{"memory scenario on private redis", options{scenario: "fanout", sc: memSc, redisMode: "single", masters: 3}, false},
		{"unknown mode", options{scenario: "redis-fanout", sc: redisSc, redisMode: "sentinel", masters: 3}, false},
		{"costs on the shared redis", options{scenario: "costs", sc: scenarios["costs"], redisMode: "shared", masters: 3}, false},
		{"alternate one mode", options{scenario: "redis-fanout", sc: redisSc, alternate: "single", masters: 3}, false},
		{"two masters", options{scenario: "redis-fanout", sc: redisSc, redisMode: "cluster", masters: 2}, false},
	}
	for _, tc := range tests {
		err := checkRedisModes(tc.o)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

func TestSpreadURL(t *testing.T) {
	t.Parallel()
	targets := []target{{urls: []string{"a1", "a2"}}, {urls: []string{"b1"}}}
	var got []string
	for i := range 6 {
		got = append(got, spreadURL(targets, i))
	}
	want := []string{"a1", "b1", "a2", "b1", "a1", "b1"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("spread (-want +got):\n%s", d)
	}
}

// TestStartRedisCluster: the private cluster comes up with its masters and
// replicas told apart, and its counters can be read from every process.
func TestStartRedisCluster(t *testing.T) {
	t.Parallel()
	requireRedisServer(t)
	ctx := context.Background()
	d, err := startRedis(ctx, redisLayout{mode: "cluster", masters: 3, replicas: 1}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.stop)
	if len(d.masters) != 3 || len(d.replicas) != 3 || len(d.pids()) != 6 {
		t.Fatalf("masters %v replicas %v pids %v", d.masters, d.replicas, d.pids())
	}
	c, err := d.snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.calls["cluster|info"] == 0 && c.calls["cluster"] == 0 {
		t.Fatalf("no CLUSTER INFO counted: %v", c.calls)
	}
}

// TestWaitPingStopsWhenProcessExits: a redis-server that exited (its port
// taken before it could bind) is reported at once as exited, so that
// startRedis starts the deployment again on other ports instead of
// waiting out the 20 s for an answer that cannot come.
func TestWaitPingStopsWhenProcessExits(t *testing.T) {
	exited := make(chan struct{})
	close(exited)
	start := time.Now()
	err := waitPing(context.Background(), "127.0.0.1:1", exited)
	if !errors.Is(err, errRedisExited) {
		t.Fatalf("waitPing = %v, want errRedisExited", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("waitPing took %v after the process had exited", d)
	}
}
