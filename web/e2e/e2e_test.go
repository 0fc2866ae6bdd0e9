// Package e2e runs the browser tests of web/tests (Playwright's
// playwright-core driving Debian's Chromium) against the real server: the
// cmd/server binary on a private port with its own Postgres database, an
// in-process SMTP server for the verification mail, a private
// livekit-server --dev for the interview room, and the embedded web bundle.
// The tests act as the interview agent themselves (AGENT_SECRET → dispatch
// credential → claim → publish on the hub), so transcripts are real hub
// traffic. Google sign-in runs on a local fake provider; GitHub is left
// unconfigured. Missing node, Chromium, livekit-server or web/node_modules fail
// the test under CI=true and skip it elsewhere.
//
//	go test ./web/e2e/                 all browser tests
//	E2E_GREP=accounts go test ./web/e2e/   tests whose name matches
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/auth/oauthfake"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/livekit/livekittest"
	"github.com/utopiahire/utopiahire/internal/mail/smtptest"
	"github.com/utopiahire/utopiahire/web"
)

func TestBrowser(t *testing.T) {
	node := requireTool(t, "node", "node")
	chromium := requireTool(t, "chromium", "/usr/bin/chromium", "chromium")
	webDir := webRoot(t)
	if _, err := os.Stat(filepath.Join(webDir, "node_modules", "playwright-core", "package.json")); err != nil {
		unavailable(t, "web/node_modules (run `npm ci` in web/)")
	}
	dbURL := dbtest.New(t)
	smtp := smtptest.New(t)
	front := newFront(t)
	port := freePort(t)
	lk := livekittest.Start(t, livekittest.WithWebhook(fmt.Sprintf("http://127.0.0.1:%d/api/livekit/webhook", port)))
	agentSecret := randomSecret(t)
	env := map[string]string{
		"DATABASE_URL":       dbURL,
		"LIVEKIT_URL":        lk.URL,
		"LIVEKIT_API_KEY":    lk.APIKey,
		"LIVEKIT_API_SECRET": lk.APISecret,
		"AGENT_SECRET":       agentSecret,
		"SMTP_URL":           smtp.URL(),
		"PUBLIC_URL":         front.URL,
		"CORS_ORIGINS":       front.URL,
		"DATA_DIR":           t.TempDir(),
		"APP_ENV":            "development",
		"BCRYPT_COST":        "4",
		"LOG_LEVEL":          "warn",
		// Every browser test signs up its own users from 127.0.0.1: the
		// per-IP limits (register 5/min) would refuse the suite itself.
		// They are tested at the API (internal/httpapi, cmd/server); the
		// per-account login lockout stays on.
		"RATE_LIMITS": "off",
	}
	// Google sign-in is configured (on a local fake), GitHub is not: the
	// sign-in page must show only the first.
	google := oauthfake.New(t, oauthfake.Google)
	for k, v := range google.Env() {
		env[k] = v
	}
	server, bin := startServer(t, port, env)
	front.setBackend(t, server)
	mailURL := serveMail(t, smtp)
	controlURL := serveControl(t, front, google, jobsImporter(t, bin, env))

	shots := filepath.Join(webDir, "..", "docs", "screenshots")
	// Node 20 has the WebSocket client behind a flag (the test agent speaks
	// the hub protocol); from Node 22 on it is there by default.
	args := []string{"--experimental-websocket", "--test", "--test-concurrency=1", "--test-reporter=spec"}
	if g := os.Getenv("E2E_GREP"); g != "" {
		args = append(args, "--test-name-pattern="+g)
	}
	files, _ := filepath.Glob(filepath.Join(webDir, "tests", "*.test.mjs"))
	if len(files) == 0 {
		t.Fatal("no browser tests in web/tests")
	}
	args = append(args, files...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = webDir
	cmd.Env = append(os.Environ(),
		"BASE_URL="+front.URL,
		"MAIL_URL="+mailURL,
		"CONTROL_URL="+controlURL,
		"CHROMIUM="+chromium,
		"SCREENSHOT_DIR="+shots,
		"FIXTURES="+filepath.Join(webDir, "tests", "testdata"),
		"AGENT_SECRET="+agentSecret,
		"FAKE_AUDIO="+fakeAudio(t),
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.MultiWriter(&out, testWriter{t}), io.MultiWriter(&out, testWriter{t})
	if err := cmd.Run(); err != nil {
		t.Fatalf("browser tests failed: %v", err)
	}
}

// testWriter streams node's output into the test log line by line.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		w.t.Log(line)
	}
	return len(p), nil
}

func unavailable(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required for the browser tests under CI=true", what)
	}
	t.Skipf("%s unavailable; skipping browser tests", what)
}

func requireTool(t *testing.T, name string, candidates ...string) string {
	t.Helper()
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	unavailable(t, name)
	return ""
}

func webRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the test file")
	}
	return filepath.Dir(filepath.Dir(file))
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// randomSecret is a fresh AGENT_SECRET the test shares with the server.
func randomSecret(t *testing.T) string {
	t.Helper()
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// fakeAudio writes the WAV Chromium plays as its fake microphone: 8 s of a
// 440 Hz tone at 48 kHz, 16-bit mono, loud enough to move the level meter.
func fakeAudio(t *testing.T) string {
	t.Helper()
	const rate, secs = 48000, 8
	n := rate * secs
	var buf bytes.Buffer
	le := binary.LittleEndian
	buf.WriteString("RIFF")
	_ = binary.Write(&buf, le, uint32(36+2*n))
	buf.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(1), uint32(rate), uint32(2 * rate), uint16(2), uint16(16)} {
		_ = binary.Write(&buf, le, v)
	}
	buf.WriteString("data")
	_ = binary.Write(&buf, le, uint32(2*n))
	for i := range n {
		_ = binary.Write(&buf, le, int16(12000*math.Sin(2*math.Pi*440*float64(i)/rate)))
	}
	p := filepath.Join(t.TempDir(), "mic.wav")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// startServer builds cmd/server and runs it with env on port until the test
// ends; it returns the base URL once /health answers.
func startServer(t *testing.T, port int, env map[string]string) (base, bin string) {
	t.Helper()
	root := filepath.Dir(webRoot(t))
	bin = filepath.Join(t.TempDir(), "server")
	build := exec.Command("go", "build", "-o", bin, "./cmd/server")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build server: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", port))
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logs := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start server: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	base = fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("server exited: %v\n%s", err, logs.String())
		default:
		}
		if resp, err := http.Get(base + "/health"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base, bin
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("server did not answer /health in time\n%s", logs.String())
	return "", ""
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// front is the origin the browser talks to. When the server already serves
// the web app at / it is a plain pass-through; until then it serves the
// embedded bundle itself and forwards /api, /ws and the rest to the server,
// so the pages run same-origin against the real API either way.
//
// The front also stands for the browser's network: the tests can cut every
// browser connection to the hub and refuse new ones (serveControl), to see
// the pages reconnect and recover what they missed. Only Chromium's
// connections are cut; the test agent, a Node WebSocket, stays connected
// as the real agent would, since its link to the server is not the
// browser's.
type front struct {
	URL      string
	mu       sync.Mutex
	handler  http.Handler
	hubCut   bool
	hubConns map[net.Conn]struct{}
}

func newFront(t *testing.T) *front {
	t.Helper()
	f := &front{hubConns: map[net.Conn]struct{}{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.URL = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: f, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return f
}

func (f *front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	h, cut := f.handler, f.hubCut
	f.mu.Unlock()
	if h == nil {
		http.Error(w, "backend not ready", http.StatusServiceUnavailable)
		return
	}
	if r.URL.Path == "/ws" && strings.Contains(r.UserAgent(), "Chrome") {
		if cut {
			http.Error(w, "the test cut the hub off", http.StatusServiceUnavailable)
			return
		}
		w = &hubWriter{ResponseWriter: w, f: f}
	}
	h.ServeHTTP(w, r)
}

// setHubCut cuts (closing every browser hub connection) or restores the
// browser's path to the hub.
func (f *front) setHubCut(cut bool) int {
	f.mu.Lock()
	f.hubCut = cut
	var conns []net.Conn
	if cut {
		for c := range f.hubConns {
			conns = append(conns, c)
		}
	}
	f.mu.Unlock()
	for _, c := range conns {
		_ = c.Close() // trackedConn.Close forgets it
	}
	return len(conns)
}

// hubWriter records the connection the reverse proxy hijacks for a
// WebSocket upgrade, so that setHubCut can close it.
type hubWriter struct {
	http.ResponseWriter
	f *front
}

func (w *hubWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *hubWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	tc := &trackedConn{Conn: c, f: w.f}
	w.f.mu.Lock()
	cut := w.f.hubCut
	if !cut {
		w.f.hubConns[tc] = struct{}{}
	}
	w.f.mu.Unlock()
	if cut { // cut between the check in ServeHTTP and the upgrade
		_ = c.Close()
		return nil, nil, errors.New("the test cut the hub off")
	}
	return tc, rw, nil
}

type trackedConn struct {
	net.Conn
	f *front
}

func (c *trackedConn) Close() error {
	c.f.mu.Lock()
	delete(c.f.hubConns, c)
	c.f.mu.Unlock()
	return c.Conn.Close()
}

// jobsImporter runs `server jobs import FILE` against the suite's database,
// as an operator would: the browser tests post a JSON or CSV file to the
// control server and then look for the postings in the app.
func jobsImporter(t *testing.T, bin string, env map[string]string) func(ctx context.Context, data []byte, ext string) ([]byte, error) {
	dir := t.TempDir()
	var mu sync.Mutex
	n := 0
	return func(ctx context.Context, data []byte, ext string) ([]byte, error) {
		mu.Lock()
		n++
		file := filepath.Join(dir, fmt.Sprintf("import-%d.%s", n, ext))
		mu.Unlock()
		if err := os.WriteFile(file, data, 0o600); err != nil {
			return nil, err
		}
		cmd := exec.CommandContext(ctx, bin, "jobs", "import", file)
		cmd.Env = os.Environ()
		for k, v := range env {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		return cmd.CombinedOutput()
	}
}

// serveControl lets the node tests act on the browser's network:
// POST /hub/cut closes every browser connection to the hub and refuses new
// ones until POST /hub/restore. Both answer {"closed": n}. POST
// /oauth/google/account {subject, name, email, verified} sets who signs in
// next at the fake Google. POST /jobs/import?ext=json|csv
// runs `server jobs import` on the body.
func serveControl(t *testing.T, f *front, google *oauthfake.Provider, importJobs func(ctx context.Context, data []byte, ext string) ([]byte, error)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	answer := func(w http.ResponseWriter, n int) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]int{"closed": n})
	}
	mux.HandleFunc("POST /hub/cut", func(w http.ResponseWriter, _ *http.Request) { answer(w, f.setHubCut(true)) })
	mux.HandleFunc("POST /hub/restore", func(w http.ResponseWriter, _ *http.Request) { answer(w, f.setHubCut(false)) })
	mux.HandleFunc("POST /oauth/google/account", func(w http.ResponseWriter, r *http.Request) {
		var a oauthfake.Account
		if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&a); err != nil || a.Subject == "" || a.Email == "" {
			http.Error(w, "want {subject, name, email, verified}", http.StatusBadRequest)
			return
		}
		google.SignIn(a)
		answer(w, 0)
	})
	// POST /jobs/import?ext=json|csv runs the import command on the body.
	mux.HandleFunc("POST /jobs/import", func(w http.ResponseWriter, r *http.Request) {
		ext := r.URL.Query().Get("ext")
		if ext != "json" && ext != "csv" {
			http.Error(w, "ext must be json or csv", http.StatusBadRequest)
			return
		}
		data, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Minute)
		defer cancel()
		out, err := importJobs(ctx, data, ext)
		w.Header().Set("Content-Type", "application/json")
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"output": string(out), "error": fmt.Sprint(err)})
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

func (f *front) setBackend(t *testing.T, backend string) {
	t.Helper()
	u, err := url.Parse(backend)
	if err != nil {
		t.Fatal(err)
	}
	// The proxy keeps the browser's Host header, so the hub's same-origin
	// check sees the page's own origin.
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.ErrorLog = log.New(io.Discard, "", 0) // cancelled page loads are not failures
	serves := serverServesApp(backend)
	if serves {
		t.Log("the server serves the web app itself")
	} else {
		t.Log("the server does not serve the web app at / yet: serving the embedded bundle in front of it")
	}
	assets := web.Handler()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !serves && isAppPath(r.URL.Path) {
			assets.ServeHTTP(w, r)
			return
		}
		proxy.ServeHTTP(w, r)
	})
}

func isAppPath(p string) bool {
	switch {
	case p == "/" || p == "/index.html" || p == "/favicon.svg" || p == "/verify-email" || p == "/oauth/callback" || p == "/reset-password":
		return true
	case strings.HasPrefix(p, "/assets/"):
		return true
	}
	return false
}

func serverServesApp(base string) bool {
	resp, err := http.Get(base + "/")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode == 200 && bytes.Contains(b, []byte(`<div id="app">`))
}

// serveMail exposes what the SMTP server received to the node tests:
// GET /messages?to=ADDR returns [{subject, text, html, to}] for that address.
func serveMail(t *testing.T, smtp *smtptest.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /messages", func(w http.ResponseWriter, r *http.Request) {
		to := r.URL.Query().Get("to")
		type msg struct {
			To      []string `json:"to"`
			Subject string   `json:"subject"`
			Text    string   `json:"text"`
			HTML    string   `json:"html"`
		}
		out := []msg{}
		for _, m := range smtp.Messages() {
			for _, rc := range m.To {
				if to == "" || strings.EqualFold(rc, to) {
					out = append(out, msg{To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML})
					break
				}
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Logf("mail api: %v", err)
		}
	}()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}
