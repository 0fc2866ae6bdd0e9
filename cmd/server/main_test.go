package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/migrations"
)

// testConfig is a development configuration on port 0 with databaseURL.
func testConfig(t *testing.T, databaseURL string, extra map[string]string) config.Config {
	t.Helper()
	env := map[string]string{
		"APP_ENV":      "test",
		"PORT":         "0",
		"DATA_DIR":     t.TempDir(),
		"DATABASE_URL": databaseURL,
		"BCRYPT_COST":  "4",
	}
	for k, v := range extra {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// startMain opens a Main exactly as `server` does and closes it at cleanup.
func startMain(t *testing.T, cfg config.Config) *Main {
	t.Helper()
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	if err := m.Open(context.Background()); err != nil {
		_ = m.Close(context.Background())
		t.Fatalf("open server: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := m.Close(ctx); err != nil {
			t.Errorf("close server: %v", err)
		}
	})
	return m
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func baseURL(m *Main) string {
	addr := m.Addr()
	return "http://127.0.0.1" + addr[strings.LastIndex(addr, ":"):]
}

func TestServerServesHealthAndReady(t *testing.T) {
	t.Parallel()
	m := startMain(t, testConfig(t, dbtest.New(t), nil))
	for _, path := range []string{"/health", "/ready", "/docs/openapi.json", "/metrics"} {
		if code, body := get(t, baseURL(m)+path); code != 200 {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
}

func TestReadyChecksRedisWhenConfigured(t *testing.T) {
	t.Parallel()
	m := startMain(t, testConfig(t, dbtest.New(t), map[string]string{"REDIS_URL": redisURL(t)}))
	code, body := get(t, baseURL(m)+"/ready")
	if code != 200 || !strings.Contains(body, `"redis":"ok"`) {
		t.Fatalf("ready: %d %s", code, body)
	}
}

// redisURL is the machine's Redis; under CI=true it must answer.
func redisURL(t *testing.T) string {
	t.Helper()
	url := "redis://127.0.0.1:6379/0"
	if u := os.Getenv("TEST_REDIS_URL"); u != "" {
		url = u
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis unreachable at %s under CI=true: %v", url, err)
		}
		t.Skipf("redis unreachable: %v", err)
	}
	return url
}

func TestTwoServersMigrateOneEmptyDatabase(t *testing.T) {
	t.Parallel()
	url := dbtest.NewEmpty(t)
	var wg sync.WaitGroup
	mains := make([]*Main, 2)
	errs := make([]error, 2)
	for i := range mains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mains[i] = NewMain(testConfig(t, url, nil), slog.New(slog.DiscardHandler))
			errs[i] = mains[i].Open(context.Background())
		}()
	}
	wg.Wait()
	for i, m := range mains {
		defer m.Close(context.Background())
		if errs[i] != nil {
			t.Fatalf("server %d: %v", i, errs[i])
		}
		if code, _ := get(t, baseURL(m)+"/ready"); code != 200 {
			t.Fatalf("server %d not ready", i)
		}
	}
	files, _ := migrations.FS.ReadDir(".")
	want := 0
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".sql") {
			want++
		}
	}
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var applied, distinct int
	if err := conn.QueryRow(context.Background(), "SELECT count(*), count(DISTINCT version_id) FROM goose_db_version WHERE version_id > 0").Scan(&applied, &distinct); err != nil {
		t.Fatal(err)
	}
	if applied != want || distinct != want {
		t.Fatalf("%d migration rows (%d distinct), want %d each", applied, distinct, want)
	}
}

func TestMigrateCommands(t *testing.T) {
	t.Parallel()
	url := dbtest.NewEmpty(t)
	env := map[string]string{"APP_ENV": "test", "DATA_DIR": t.TempDir(), "DATABASE_URL": url}
	getenv := func(k string) string { return env[k] }
	ctx := context.Background()
	for _, args := range [][]string{{"migrate", "up"}, {"migrate", "status"}, {"migrate", "down"}, {"migrate", "up"}} {
		if err := run(ctx, args, getenv, io.Discard); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	if err := run(ctx, []string{"migrate", "sideways"}, getenv, io.Discard); err == nil {
		t.Fatal("unknown migrate command accepted")
	}
}

func TestProductionRefusesWeakSecrets(t *testing.T) {
	t.Parallel()
	env := map[string]string{"APP_ENV": "production", "JWT_SECRET": "short"}
	err := run(context.Background(), nil, func(k string) string { return env[k] }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "JWT_SECRET") {
		t.Fatalf("production with a weak secret: %v", err)
	}
}

func TestShutdownFinishesInFlightRequests(t *testing.T) {
	t.Parallel()
	m := NewMain(testConfig(t, dbtest.New(t), nil), slog.New(slog.DiscardHandler))
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A slow client still sending its body when shutdown starts.
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("POST", baseURL(m)+"/health", pr)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- -1
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	fmt.Fprint(pw, `{"a":`)
	time.Sleep(100 * time.Millisecond)
	closed := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		closed <- m.Close(ctx)
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Fprint(pw, `1}`)
	pw.Close()
	if code := <-done; code != 405 {
		t.Fatalf("in-flight request got %d, want its real answer (405)", code)
	}
	if err := <-closed; err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := http.Get(baseURL(m) + "/health"); err == nil {
		t.Fatal("server still accepts after shutdown")
	}
}

func TestServesDashboardsWithCSPAllowingLiveKit(t *testing.T) {
	t.Parallel()
	m := startMain(t, testConfig(t, dbtest.New(t), map[string]string{
		"LIVEKIT_URL": "ws://127.0.0.1:7880", "LIVEKIT_API_KEY": "devkey", "LIVEKIT_API_SECRET": "secret",
	}))
	resp, err := http.Get(baseURL(m) + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(body), `id="app"`) {
		t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"ws://127.0.0.1:7880", "http://127.0.0.1:7880", "script-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if code, _ := get(t, baseURL(m)+"/assets/no-such-file.js"); code != 404 {
		t.Errorf("unknown asset: %d", code)
	}
}

// TestShutdownStagesKeepTheirShares: an upload that never finishes may hold
// the request stage to its share of the budget, no more: Close still ends
// within the budget, with the job queue drained in its own share.
func TestShutdownStagesKeepTheirShares(t *testing.T) {
	t.Parallel()
	var logs syncWriter
	m := NewMain(testConfig(t, dbtest.New(t), nil), slog.New(slog.NewTextHandler(&logs, nil)))
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() {
		req, _ := http.NewRequest("POST", baseURL(m)+"/api/cv/upload", pr)
		req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
		req.ContentLength = 5 << 20
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	fmt.Fprint(pw, "--x\r\n")
	time.Sleep(200 * time.Millisecond)
	const budget = 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	start := time.Now()
	_ = m.Close(ctx) // the upload is refused or cut (TestDrainReportsOnlyCutRequests checks the report)
	if took := time.Since(start); took > budget+200*time.Millisecond {
		t.Fatalf("Close took %v with a budget of %v", took, budget)
	}
	for _, stage := range []string{"shutdown: requests drained", "shutdown: jobs drained", "shutdown: done"} {
		if !strings.Contains(logs.String(), stage) {
			t.Errorf("no %q in the log:\n%s", stage, logs.String())
		}
	}
}

// TestShutdownClosesConnectionsThatSentNoRequest: a connection opened and
// left silent (a browser's preconnect, an HTTP client's spare dial) holds
// nothing a user sent, so closing it at the drain deadline is no error,
// though Shutdown waits 5 s for it, more than the request stage's share.
func TestShutdownClosesConnectionsThatSentNoRequest(t *testing.T) {
	t.Parallel()
	m := NewMain(testConfig(t, dbtest.New(t), nil), slog.New(slog.DiscardHandler))
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(baseURL(m), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const budget = 5 * time.Second // requests get 2 s of it
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	if err := m.Close(ctx); err != nil {
		t.Fatalf("close with a silent connection open: %v", err)
	}
	if n, err := conn.Read(make([]byte, 1)); err == nil {
		t.Fatalf("silent connection still open after Close (read %d bytes)", n)
	}
}

type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
