// Command hubbench is the hub's load generator: N connections over M
// channels, P publishers at a rate or flat out, measuring publish-to-delivery
// latency from timestamps inside the messages. The last line it prints is a
// JSON summary.
//
//	go run ./cmd/hubbench -scenario fanout|redis-fanout|idle|channels -duration 10s [-rate N]
//	go run ./cmd/hubbench -scenario redis-fanout -redis-mode single|cluster [-nodes N] [-node-cpus 0/1 -redis-cpus 1]
//	go run ./cmd/hubbench -scenario redis-fanout -alternate single,cluster -rounds 3
//	go run ./cmd/hubbench -scenario costs -redis-mode single|cluster
//
// -redis-mode single and cluster start a private redis-server (or a Redis
// Cluster of -masters masters with -replicas each) for the run, pinned with
// taskset to -redis-cpus; the server nodes are pinned to -node-cpus.
// -proxy 127.0.0.1:8000 -backends http://127.0.0.1:8001,http://127.0.0.1:8002
// is a round-robin load balancer for trying two server nodes on one machine
// (scripts/scale-demo.sh); it is not a production component.
//
// -scenario costs reports the Redis commands and bytes per hub operation
// from INFO commandstats / INFO stats deltas of that private Redis.
//
// By default it starts a fresh hub server as a child process (this binary
// with -serve), so that the server's memory is measured alone; -inprocess
// runs the server in this process, -url targets a running one.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"
)

// scenario holds the knobs a named scenario sets; flags override them.
type scenario struct {
	Conns      int
	Channels   int
	SubsPerCon int // channels each connection subscribes to
	Publishers int
	Payload    int
	Broker     string // memory | redis
	Idle       bool
}

var scenarios = map[string]scenario{
	// 1 channel × 1,000 subscribers, 128-byte messages.
	"fanout": {Conns: 1000, Channels: 1, SubsPerCon: 1, Publishers: 2, Payload: 128, Broker: "memory"},
	// The hub handles one connection's frames in order, so each publisher
	// has one Redis round trip in flight: 8 publishers keep the publish rate
	// from being bound by the round trip rather than by delivery.
	"redis-fanout": {Conns: 1000, Channels: 1, SubsPerCon: 1, Publishers: 8, Payload: 128, Broker: "redis"},
	// 10,000 connections, each subscribed to its own channel, no traffic.
	"idle": {Conns: 10000, Channels: 10000, SubsPerCon: 1, Payload: 128, Broker: "memory", Idle: true},
	// 5,000 channels × 2 subscribers, publishes spread evenly.
	"channels": {Conns: 10000, Channels: 5000, SubsPerCon: 1, Publishers: 4, Payload: 128, Broker: "memory"},
	// Redis work per hub operation, on a private Redis (-redis-mode single
	// or cluster): Channels operations of each kind, one node.
	"costs": {Conns: 0, Channels: 1000, SubsPerCon: 1, Payload: 128, Broker: "redis"},
}

type options struct {
	scenario      string
	sc            scenario
	duration      time.Duration
	rate          int
	url           string
	token         string
	redis         string
	redisCluster  string // seed addresses of a Redis Cluster, comma-separated
	redisMode     string // shared | single | cluster
	masters       int
	replicas      int
	redisCPUs     string
	nodeCPUs      string
	listeners     int
	alternate     string
	rounds        int
	nodes         int
	inprocess     bool
	window        int
	writeInterval time.Duration
	serverPID     int
	pprofAddr     string
	cpuProfile    string
	verbose       bool
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "hubbench:", err)
		os.Exit(1)
	}
}

func run() error {
	var o options
	var serveMode bool
	var listen, broker, prefix string
	var conns, channels, publishers, payload int
	var nofile uint64
	var proxyListen, backends string
	flag.StringVar(&o.scenario, "scenario", "", "fanout | redis-fanout | idle | channels")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "how long to publish (idle: how long to hold the connections)")
	flag.IntVar(&o.rate, "rate", 0, "publishes per second over all publishers (0: flat out)")
	flag.StringVar(&o.url, "url", "", "ws:// URL of a running hub (default: start one)")
	flag.StringVar(&o.token, "token", "", "with -url: token for every connection (default: the user name, for a hubbench server)")
	flag.StringVar(&o.redis, "redis", "redis://127.0.0.1:6379/0", "Redis URL for the redis broker")
	flag.IntVar(&o.nodes, "nodes", 1, "server processes to start (redis broker); subscribers are split over them")
	flag.StringVar(&o.redisMode, "redis-mode", "shared", "redis broker: shared (the -redis URL) | single (a private redis-server) | cluster (a private Redis Cluster)")
	flag.IntVar(&o.masters, "masters", 3, "-redis-mode cluster: masters")
	flag.IntVar(&o.replicas, "replicas", 0, "-redis-mode cluster: replicas per master")
	flag.StringVar(&o.redisCPUs, "redis-cpus", "", "taskset CPU list for the private Redis processes (e.g. 1)")
	flag.StringVar(&o.nodeCPUs, "node-cpus", "", "taskset CPU list per server node, '/' between nodes (e.g. 0 or 0/1); run hubbench itself under taskset to pin the load generator")
	flag.IntVar(&o.listeners, "listeners", 1, "listening ports per server node (one client address reaches ~28,000 connections per port)")
	flag.StringVar(&o.alternate, "alternate", "", "comma-separated -redis-mode values to alternate, e.g. single,cluster; prints a line per run and a summary with ratios to the first")
	flag.IntVar(&o.rounds, "rounds", 3, "with -alternate: rounds")
	flag.Uint64Var(&nofile, "nofile", 0, "raise the open-file limit (soft and hard; needs root to pass the hard limit) for this process and the servers")
	flag.BoolVar(&o.inprocess, "inprocess", false, "run the server in this process (server_rss_mb then includes the load generator)")
	flag.IntVar(&o.window, "window", 32, "flat out: publishes in flight per publisher")
	flag.DurationVar(&o.writeInterval, "write-interval", 0, "server Config.WriteInterval (0: the hub's default, negative: none)")
	flag.IntVar(&o.serverPID, "server-pid", 0, "with -url: pid of the server, to report its RSS")
	flag.StringVar(&o.pprofAddr, "pprof", "", "serve net/http/pprof of the (first) server on this address")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write the load generator's CPU profile to this file")
	flag.BoolVar(&o.verbose, "v", false, "log progress")
	flag.IntVar(&conns, "conns", 0, "override: subscriber connections")
	flag.IntVar(&channels, "channels", 0, "override: channels")
	flag.IntVar(&publishers, "publishers", 0, "override: publisher connections")
	flag.IntVar(&payload, "payload", 0, "override: message size in bytes")
	flag.BoolVar(&serveMode, "serve", false, "internal: run as the benchmark server")
	flag.StringVar(&listen, "listen", "127.0.0.1:0", "internal (-serve): listen address")
	flag.StringVar(&broker, "broker", "memory", "internal (-serve): memory | redis")
	flag.StringVar(&prefix, "prefix", "hubbench", "internal (-serve): Redis key prefix")
	flag.StringVar(&proxyListen, "proxy", "", "run as a round-robin HTTP/WebSocket load balancer on this address (scripts/scale-demo.sh), in front of -backends")
	flag.StringVar(&backends, "backends", "", "with -proxy: comma-separated http:// base URLs")
	flag.StringVar(&o.redisCluster, "redis-cluster", "", "internal (-serve): Redis Cluster seed addresses, comma-separated")
	flag.Parse()
	if nofile > 0 {
		if err := raiseNofile(nofile); err != nil {
			return err
		}
	}

	level := slog.LevelWarn
	if o.verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if proxyListen != "" {
		return runProxy(ctx, proxyListen, backends, logger)
	}
	if serveMode {
		return serveChild(ctx, serverOptions{
			listen: listen, listeners: o.listeners, broker: broker, redis: o.redis, redisCluster: o.redisCluster, prefix: prefix,
			writeInterval: o.writeInterval, pprof: o.pprofAddr, logger: logger,
		})
	}
	sc, ok := scenarios[o.scenario]
	if !ok {
		return fmt.Errorf("unknown -scenario %q (fanout, redis-fanout, idle, channels, costs)", o.scenario)
	}

	sc.Conns = pick(conns, sc.Conns)
	sc.Channels = pick(channels, sc.Channels)
	sc.Publishers = pick(publishers, sc.Publishers)
	sc.Payload = max(pick(payload, sc.Payload), 48)
	o.sc = sc
	if err := checkRedisModes(o); err != nil {
		return err
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if o.alternate == "" {
		res, err := runBench(ctx, o, logger)
		if err != nil {
			return err
		}
		return printJSON(res)
	}
	modes := strings.Split(o.alternate, ",")
	var all []result
	for round := range o.rounds {
		for _, m := range modes {
			o.redisMode = m
			res, err := runBench(ctx, o, logger)
			if err != nil {
				return fmt.Errorf("round %d, %s: %w", round+1, m, err)
			}
			res.Round = round + 1
			if err := printJSON(res); err != nil {
				return err
			}
			all = append(all, res)
		}
	}
	return printJSON(summarize(modes, all))
}

func printJSON(v any) error {
	line, err := json.Marshal(v)
	if err != nil {
		return err
	}
	fmt.Println(string(line))
	return nil
}

// checkRedisModes refuses combinations that cannot run.
func checkRedisModes(o options) error {
	modes := []string{o.redisMode}
	if o.alternate != "" {
		modes = strings.Split(o.alternate, ",")
	}
	for _, m := range modes {
		switch m {
		case "shared":
		case "single", "cluster":
			if o.sc.Broker != "redis" {
				return fmt.Errorf("-redis-mode %s needs a redis scenario (redis-fanout, costs), not %s", m, o.scenario)
			}
		default:
			return fmt.Errorf("unknown redis mode %q (shared, single, cluster)", m)
		}
		if o.scenario == "costs" && m == "shared" {
			return errors.New("-scenario costs reads the counters of the whole Redis: use -redis-mode single or cluster")
		}
	}
	if o.alternate != "" && len(modes) < 2 {
		return fmt.Errorf("-alternate needs at least two modes, got %q", o.alternate)
	}
	if o.masters < 3 && slices.Contains(modes, "cluster") {
		return fmt.Errorf("-masters %d: a Redis Cluster needs at least 3", o.masters)
	}
	return nil
}

// raiseNofile sets RLIMIT_NOFILE's soft and hard limits to n (children
// inherit it).
func raiseNofile(n uint64) error {
	lim := syscall.Rlimit{Cur: n, Max: n}
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("raise open-file limit to %d: %w", n, err)
	}
	return nil
}

func pick(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
