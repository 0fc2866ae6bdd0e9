package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDrainReportsOnlyCutRequests: at the drain deadline a request still
// being answered is reported cut; a connection that never sent a request
// is closed without an error.
func TestDrainReportsOnlyCutRequests(t *testing.T) {
	tests := []struct {
		name    string
		request bool
		wantErr string
	}{
		{name: "silent connection", request: false},
		{name: "request still answered", request: true, wantErr: "1 requests still running at the drain deadline were cut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, addr := drainTestServer(t)
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if tt.request {
				if _, err := conn.Write([]byte("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
					t.Fatal(err)
				}
				waitServing(t, m.conns, 1)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			err = m.drainRequests(ctx)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("drain: %v, want no error", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("drain: %v, want %q", err, tt.wantErr)
			}
			_ = conn.SetReadDeadline(time.Now().Add(time.Second))
			if _, err := conn.Read(make([]byte, 1)); err == nil {
				t.Fatal("connection still open after the drain")
			}
		})
	}
}

// drainTestServer serves, the way listen does, a handler that answers
// /slow only when the test ends.
func drainTestServer(t *testing.T) (*Main, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	m := &Main{logger: slog.New(slog.DiscardHandler), conns: newConnStates()}
	m.http = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}),
		ConnState: m.conns.track,
	}
	go func() { _ = m.http.Serve(ln) }()
	return m, ln.Addr().String()
}

func waitServing(t *testing.T, c *connStates, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for c.serving() != want {
		if time.Now().After(deadline) {
			t.Fatalf("%d connections serving, want %d", c.serving(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
