package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub/hubclient"
)

func TestParseBackends(t *testing.T) {
	t.Parallel()
	got, err := parseBackends("http://127.0.0.1:8001, http://127.0.0.1:8002,")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Host != "127.0.0.1:8002" {
		t.Fatalf("backends = %v", got)
	}
	for _, bad := range []string{"", ",", "127.0.0.1:8001", "ws://127.0.0.1:8001", "http://"} {
		if _, err := parseBackends(bad); err == nil {
			t.Errorf("parseBackends(%q) accepted", bad)
		}
	}
}

// TestProxyRoundRobin: requests alternate over the backends; a backend
// that refuses connections is skipped after its first failure.
func TestProxyRoundRobin(t *testing.T) {
	t.Parallel()
	var backends []*url.URL
	for _, name := range []string{"a", "b"} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, name) }))
		t.Cleanup(srv.Close)
		u, _ := url.Parse(srv.URL)
		backends = append(backends, u)
	}
	// A third backend nobody listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead, _ := url.Parse("http://" + l.Addr().String())
	_ = l.Close()
	backends = append(backends, dead)
	proxy := httptest.NewServer(newRoundRobin(backends, slog.New(slog.DiscardHandler)).handler())
	t.Cleanup(proxy.Close)
	var got []string
	for range 7 {
		resp, err := http.Get(proxy.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		got = append(got, fmt.Sprintf("%d %s", resp.StatusCode, strings.TrimSpace(string(body))))
		if resp.StatusCode == http.StatusOK {
			if h, want := resp.Header.Get("X-Backend"), backends[map[string]int{"a": 0, "b": 1}[string(body)]].Host; h != want {
				t.Errorf("X-Backend = %q, want %q", h, want)
			}
		}
	}
	want := []string{"200 a", "200 b", "502 backend unavailable", "200 a", "200 b", "200 a", "200 b"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("answers (-want +got):\n%s", d)
	}
}

// TestProxyWebSocket: hub connections through the proxy reach both nodes of
// a two-node hub and a publication on one node reaches a subscriber on the
// other.
func TestProxyWebSocket(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	logger := slog.New(slog.DiscardHandler)
	redisURL := testRedisURL(t)
	prefix := "hubbench:proxytest:" + randomHex()
	var backends []*url.URL
	for range 2 {
		s, err := startServer(ctx, serverOptions{listen: "127.0.0.1:0", broker: "redis", redis: redisURL, prefix: prefix, logger: logger})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.stop() })
		u, _ := url.Parse("http://" + s.addrs[0])
		backends = append(backends, u)
	}
	t.Cleanup(func() { cleanRedis(redisURL, prefix, logger) })
	proxy := httptest.NewServer(newRoundRobin(backends, logger).handler())
	t.Cleanup(proxy.Close)
	st := newStats(1)
	wsURL := "ws" + strings.TrimPrefix(proxy.URL, "http") + "/ws"
	o := options{}
	sub, err := dial(ctx, o, wsURL, "sub", st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sub.Close() })
	got := make(chan string, 1)
	if _, err := sub.Subscribe(ctx, "bench:p", hubclient.SubscribeOptions{OnMessage: func(m hubclient.Message) { got <- string(m.Data) }}); err != nil {
		t.Fatal(err)
	}
	pub, err := dial(ctx, o, wsURL, "pub", st) // the other node, round-robin
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pub.Close() })
	if _, err := pub.Publish(ctx, "bench:p", []byte(`{"hello":1}`)); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if m != `{"hello":1}` {
			t.Fatalf("received %s", m)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the publication did not cross the proxy and the nodes")
	}
}
