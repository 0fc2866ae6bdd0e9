package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is stderr shared by the agent's goroutines and the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// The wired agent serves its Prometheus collectors on AGENT_METRICS_ADDR
// while it waits for the server, and stops when its context ends.
func TestAgentServesMetricsWhileWaitingForTheServer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env(map[string]string{
			"APP_ENV":            "test",
			"DATA_DIR":           t.TempDir(),
			"API_URL":            "http://127.0.0.1:1", // nothing listens there
			"AGENT_SECRET":       "agent-secret-for-the-wiring-test-0001",
			"AGENT_METRICS_ADDR": "127.0.0.1:0",
			"LOG_FORMAT":         "json",
		}), stderr)
	}()

	addr := ""
	for deadline := time.Now().Add(20 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		sc := bufio.NewScanner(strings.NewReader(stderr.String()))
		for sc.Scan() {
			var rec map[string]any
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec["msg"] == "metrics" {
				addr, _ = rec["addr"].(string)
			}
		}
		select {
		case err := <-done:
			t.Fatalf("agent returned early: %v\n%s", err, stderr.String())
		default:
		}
	}
	if addr == "" {
		t.Fatalf("no metrics address logged:\n%s", stderr.String())
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: %d", resp.StatusCode)
	}
	for _, want := range []string{"agent_interviews_active 0", "go_goroutines", "process_cpu_seconds_total"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(stderr.String(), "agent-secret-for-the-wiring-test") {
		t.Error("the agent secret appears in the log")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("stop: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("agent did not stop")
	}
}

// A server that refuses AGENT_SECRET stops the agent with a clear error
// instead of retrying forever.
func TestAgentStopsWhenTheSecretIsRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"detail":"bad agent secret","code":"unauthorized"}`)
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := run(ctx, env(map[string]string{
		"APP_ENV":      "test",
		"DATA_DIR":     t.TempDir(),
		"API_URL":      srv.URL,
		"AGENT_SECRET": "a-wrong-agent-secret-for-the-test-0001",
	}), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "refused AGENT_SECRET") {
		t.Fatalf("run: %v", err)
	}
}
