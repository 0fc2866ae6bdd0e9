package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// roundRobin is the -proxy mode: a local load balancer for trying scale-out
// on one machine (scripts/scale-demo.sh), not a production component. Each
// request, and so each WebSocket connection for its whole life, goes to the
// next backend in turn; a backend that refuses the connection is skipped
// for the next 2 s.
type roundRobin struct {
	backends []*url.URL
	next     atomic.Uint64
	downTill []atomic.Int64 // unix ns
	log      *slog.Logger
}

// parseBackends reads a comma-separated list of http:// base URLs.
func parseBackends(spec string) ([]*url.URL, error) {
	var out []*url.URL
	for _, s := range strings.Split(spec, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("backend %q is not an http:// URL", s)
		}
		out = append(out, u)
	}
	if len(out) == 0 {
		return nil, errors.New("-backends names no backend")
	}
	return out, nil
}

func newRoundRobin(backends []*url.URL, logger *slog.Logger) *roundRobin {
	return &roundRobin{backends: backends, downTill: make([]atomic.Int64, len(backends)), log: logger}
}

// pick returns the index of the next backend not marked down (or the next
// one at all when every backend is down).
func (rr *roundRobin) pick() int {
	now := time.Now().UnixNano()
	n := uint64(len(rr.backends))
	first := -1
	for range n {
		i := int((rr.next.Add(1) - 1) % n)
		if rr.downTill[i].Load() <= now {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

type backendKey struct{}

func (rr *roundRobin) handler() http.Handler {
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			i, _ := r.In.Context().Value(backendKey{}).(int)
			r.SetURL(rr.backends[i])
			r.SetXForwarded()
		},
		// The answer says which node served it, to watch the round-robin.
		ModifyResponse: func(resp *http.Response) error {
			i, _ := resp.Request.Context().Value(backendKey{}).(int)
			resp.Header.Set("X-Backend", rr.backends[i].Host)
			return nil
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			i, _ := r.Context().Value(backendKey{}).(int)
			var op *net.OpError
			if errors.As(err, &op) && op.Op == "dial" {
				rr.downTill[i].Store(time.Now().Add(2 * time.Second).UnixNano())
			}
			rr.log.Warn("proxy: backend failed", "backend", rr.backends[i].Host, "err", err)
			http.Error(w, "backend unavailable", http.StatusBadGateway)
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := rr.pick()
		rp.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), backendKey{}, i)))
	})
}

// runProxy serves the round-robin proxy on listen until ctx ends.
func runProxy(ctx context.Context, listen, backends string, logger *slog.Logger) error {
	bs, err := parseBackends(backends)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newRoundRobin(bs, logger).handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("PROXY %s\n", l.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx) // hijacked WebSocket connections are not waited for
	<-done
	return nil
}
