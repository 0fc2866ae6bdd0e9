package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
)

type serverOptions struct {
	listen        string
	listeners     int    // listening sockets (each a port of its own; more ports, more client connections from one address)
	redisCluster  string // comma-separated seed addresses of a Redis Cluster (broker redis)
	broker        string
	redis         string
	prefix        string
	writeInterval time.Duration
	pprof         string
	logger        *slog.Logger
}

// benchAuth accepts any non-empty token as the user id: the benchmark server
// listens on loopback only.
type benchAuth struct{}

func (benchAuth) Authenticate(_ context.Context, token string) (hub.Principal, error) {
	if token == "" {
		return hub.Principal{}, errors.New("empty token")
	}
	return hub.Principal{UserID: token}, nil
}

type allowAll struct{}

func (allowAll) CanSubscribe(context.Context, hub.Principal, string) error { return nil }
func (allowAll) CanPublish(context.Context, hub.Principal, string) error   { return nil }

// benchServer is a hub on an HTTP listener.
type benchServer struct {
	addrs  []string
	hub    *hub.Hub
	broker hub.Broker
	srv    *http.Server
	done   chan error
}

func startServer(ctx context.Context, o serverOptions) (*benchServer, error) {
	var broker hub.Broker
	switch o.broker {
	case "memory":
		broker = hub.NewMemoryBroker()
	case "redis":
		cfg := hub.RedisBrokerConfig{URL: o.redis, Prefix: o.prefix, Logger: o.logger}
		if o.redisCluster != "" {
			cfg.Options = &redis.UniversalOptions{Addrs: strings.Split(o.redisCluster, ","), IsClusterMode: true}
		}
		b, err := hub.NewRedisBroker(ctx, cfg)
		if err != nil {
			return nil, err
		}
		broker = b
	default:
		return nil, fmt.Errorf("unknown broker %q", o.broker)
	}
	h, err := hub.New(hub.Config{
		Namespaces: map[string]hub.NamespaceConfig{
			"bench": {Authorizer: allowAll{}, HistorySize: 100, HistoryTTL: time.Minute},
		},
		WriteInterval:         o.writeInterval,
		MaxConnectionsPerUser: 4,
	}, broker, benchAuth{}, o.logger)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/ws", h)
	mux.HandleFunc("/stats", serveStats)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	n := max(o.listeners, 1)
	s := &benchServer{hub: h, broker: broker, srv: srv, done: make(chan error, n)}
	for i := range n {
		addr := o.listen
		if i > 0 {
			// Further listeners on the same host, each on a free port.
			host, _, err := net.SplitHostPort(o.listen)
			if err != nil {
				return nil, errors.Join(err, s.stop())
			}
			addr = net.JoinHostPort(host, "0")
		}
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, errors.Join(err, s.stop())
		}
		s.addrs = append(s.addrs, l.Addr().String())
		go func() { s.done <- srv.Serve(l) }()
	}
	if o.pprof != "" {
		go servePprof(o.pprof, o.logger)
	}
	return s, nil
}

// serverStats is the /stats answer: the Go heap after a collection.
type serverStats struct {
	HeapInuse  uint64 `json:"heap_inuse"`
	HeapAlloc  uint64 `json:"heap_alloc"`
	StackInuse uint64 `json:"stack_inuse"`
	Goroutines int    `json:"goroutines"`
	Sys        uint64 `json:"sys"`
}

func serveStats(w http.ResponseWriter, _ *http.Request) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(serverStats{HeapInuse: m.HeapInuse, HeapAlloc: m.HeapAlloc, StackInuse: m.StackInuse, Sys: m.Sys, Goroutines: runtime.NumGoroutine()})
}

func servePprof(addr string, logger *slog.Logger) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		logger.Warn("pprof server stopped", "err", err)
	}
}

func (s *benchServer) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := s.hub.Shutdown(ctx)
	_ = s.srv.Shutdown(ctx)
	for range s.addrs {
		<-s.done
	}
	return errors.Join(err, s.broker.Close(ctx))
}

// serveChild is -serve: print the address, serve until stdin closes (the
// parent exited or is done), then shut down.
func serveChild(ctx context.Context, o serverOptions) error {
	s, err := startServer(ctx, o)
	if err != nil {
		return err
	}
	fmt.Printf("LISTEN %s\n", strings.Join(s.addrs, " "))
	eof := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
		close(eof)
	}()
	select {
	case <-ctx.Done():
	case <-eof:
	}
	return s.stop()
}
