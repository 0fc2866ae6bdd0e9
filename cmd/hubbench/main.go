// Command hubbench is the hub's load generator: N connections over M
// channels, P publishers at a rate or flat out, measuring publish-to-delivery
// latency from timestamps inside the messages. The last line it prints is a
// JSON summary.
//
//	go run ./cmd/hubbench -scenario fanout|redis-fanout|idle|channels -duration 10s [-rate N]
//
// By default it starts a fresh hub server as a child process (this binary
// with -serve), so that the server's memory is measured alone; -inprocess
// runs the server in this process, -url targets a running one.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
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
}

type options struct {
	scenario      string
	sc            scenario
	duration      time.Duration
	rate          int
	url           string
	token         string
	redis         string
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
	flag.StringVar(&o.scenario, "scenario", "", "fanout | redis-fanout | idle | channels")
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "how long to publish (idle: how long to hold the connections)")
	flag.IntVar(&o.rate, "rate", 0, "publishes per second over all publishers (0: flat out)")
	flag.StringVar(&o.url, "url", "", "ws:// URL of a running hub (default: start one)")
	flag.StringVar(&o.token, "token", "", "with -url: token for every connection (default: the user name, for a hubbench server)")
	flag.StringVar(&o.redis, "redis", "redis://127.0.0.1:6379/0", "Redis URL for the redis broker")
	flag.IntVar(&o.nodes, "nodes", 1, "server processes to start (redis broker); subscribers are split over them")
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
	flag.Parse()

	level := slog.LevelWarn
	if o.verbose {
		level = slog.LevelInfo
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	if serveMode {
		return serveChild(ctx, serverOptions{
			listen: listen, broker: broker, redis: o.redis, prefix: prefix,
			writeInterval: o.writeInterval, pprof: o.pprofAddr, logger: logger,
		})
	}
	sc, ok := scenarios[o.scenario]
	if !ok {
		return fmt.Errorf("unknown -scenario %q (fanout, redis-fanout, idle, channels)", o.scenario)
	}
	sc.Conns = pick(conns, sc.Conns)
	sc.Channels = pick(channels, sc.Channels)
	sc.Publishers = pick(publishers, sc.Publishers)
	sc.Payload = max(pick(payload, sc.Payload), 48)
	o.sc = sc
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
	res, err := runBench(ctx, o, logger)
	if err != nil {
		return err
	}
	line, err := json.Marshal(res)
	if err != nil {
		return err
	}
	fmt.Println(string(line))
	return nil
}

func pick(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
