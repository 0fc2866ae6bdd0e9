package main

// The fault suite of issue 16: server processes on private instances,
// killed and restarted. Each test bounds its time and kills only what it
// started (its server processes, its own PostgreSQL cluster).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// privatePG is a PostgreSQL cluster of one test, from the installed binaries.
type privatePG struct {
	t    *testing.T
	bin  string
	dir  string
	port int
	cred *syscall.Credential
}

// startPrivatePG initialises and starts a cluster on a free port; it is
// stopped (immediate) at cleanup. Under CI=true missing binaries fail.
func startPrivatePG(t *testing.T) *privatePG {
	t.Helper()
	bin := pgBinaries()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PostgreSQL server binaries required under CI=true (scripts/deps.sh installs postgresql)")
		}
		t.Skip("no PostgreSQL server binaries")
	}
	root := t.TempDir()
	p := &privatePG{t: t, bin: bin, dir: filepath.Join(root, "pg"), port: freePort(t)}
	if os.Geteuid() == 0 {
		// PostgreSQL refuses to run as root: run it as the postgres user.
		uid, gid, err := postgresUser()
		if err != nil {
			t.Fatal(err)
		}
		p.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		for d := root; d != "/" && d != "."; d = filepath.Dir(d) {
			if fi, err := os.Stat(d); err == nil && fi.Mode().Perm()&0o001 == 0 {
				_ = os.Chmod(d, fi.Mode().Perm()|0o711)
			}
		}
		if err := os.Chown(root, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	p.run("initdb", "-D", p.dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions")
	p.start()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = p.pgctl(ctx, "-m", "immediate", "-w", "stop")
	})
	return p
}

// postgresUser is the uid and gid PostgreSQL runs as when the test is root.
func postgresUser() (uid, gid int, err error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return 0, 0, fmt.Errorf("running as root needs the postgres user: %w", err)
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	return uid, gid, nil
}

func pgBinaries() string {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func (p *privatePG) url() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port)
}

func (p *privatePG) run(tool string, args ...string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if err := p.exec(ctx, tool, args...); err != nil {
		p.t.Fatal(err)
	}
}

func (p *privatePG) exec(ctx context.Context, tool string, args ...string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(p.bin, tool), args...)
	if p.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred}
	}
	cmd.Dir = filepath.Dir(p.dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", tool, err, out)
	}
	return nil
}

func (p *privatePG) pgctl(ctx context.Context, args ...string) error {
	return p.exec(ctx, "pg_ctl", append([]string{"-D", p.dir}, args...)...)
}

func (p *privatePG) start() {
	p.t.Helper()
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=", p.port)
	p.run("pg_ctl", "-D", p.dir, "-o", opts, "-l", filepath.Join(filepath.Dir(p.dir), "pg.log"), "-w", "-t", "60", "start")
}

// stop is a fast shutdown: sessions are ended with 57P01, new ones refused.
func (p *privatePG) stop() {
	p.t.Helper()
	p.run("pg_ctl", "-D", p.dir, "-m", "fast", "-w", "stop")
}

// hangingGemini accepts Gemini calls and answers none until the test ends,
// so an analysis that asks for Gemini is running when its server dies.
func hangingGemini(t *testing.T) string {
	t.Helper()
	stop := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { close(stop); _ = srv.Close() })
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// failingGemini answers every call 400 at once: the analysis falls back to
// the offline analyzer without waiting.
func failingGemini(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"code":400,"message":"fault test: refused","status":"INVALID_ARGUMENT"}}`))
	})}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

func faultServerEnv(t *testing.T, port int, db string, extra map[string]string) map[string]string {
	env := map[string]string{
		"APP_ENV": "test", "PORT": fmt.Sprint(port), "DATA_DIR": t.TempDir(), "DATABASE_URL": db, "BCRYPT_COST": "4",
		"JWT_SECRET": testJWTSecret, "AGENT_SECRET": testAgentSecret, "LOG_LEVEL": "info",
	}
	for k, v := range extra {
		env[k] = v
	}
	return env
}

// analysisForm is a signed-in analysis request asking for Gemini.
func analysisForm(i int) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("use_gemini", "true")
	_ = w.WriteField("cv_text", fmt.Sprintf("Jane Doe %d\nBackend engineer\n\nExperience\nAcme Corp, Go developer, 2019-2024\nBuilt APIs in Go and PostgreSQL.\n\nSkills\nGo, PostgreSQL, Redis, Docker\n", i))
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

// postAnalysis sends one analysis; the request may die with its server.
func postAnalysis(base, token string, i int) (int, error) {
	body, ct := analysisForm(i)
	req, _ := http.NewRequest("POST", base+"/api/analyze-structured", bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := (&http.Client{Timeout: 120 * time.Second}).Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// analysesByStatus counts the stored analyses per status.
func analysesByStatus(t *testing.T, db string) map[string]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT status, count(*) FROM cv_analyses GROUP BY status`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

func unfinished(by map[string]int) int {
	n := 0
	for s, c := range by {
		if s != "done" && s != "failed" {
			n += c
		}
	}
	return n
}

// waitAllDone waits until every stored analysis is done and returns how
// long that took; it fails after limit.
func waitAllDone(t *testing.T, db string, want int, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		by := analysesByStatus(t, db)
		if unfinished(by) == 0 && by["done"]+by["failed"] >= want {
			if by["failed"] > 0 {
				t.Errorf("analyses failed instead of finishing: %v", by)
			}
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("analyses not done %v after the restart: %v", limit, by)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// TestPostgresOutageAnswers503AndRecovers: with its PostgreSQL stopped, the
// server answers every database-backed route 503 database_unavailable with
// Retry-After (never 500), and serves again once PostgreSQL is back, without
// a restart.
func TestPostgresOutageAnswers503AndRecovers(t *testing.T) {
	t.Parallel()
	pg := startPrivatePG(t)
	serverBin, _ := binaries(t)
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	// Rate limits off: the probes below run at 40 requests/s.
	startProc(t, serverBin, "server.log", faultServerEnv(t, port, pg.url(), map[string]string{"RATE_LIMITS": "off"}))
	waitHTTP(t, base, 90*time.Second)
	olga := signInAt(t, base, pg.url(), "olga")

	type probe struct{ method, path, body string }
	probes := []probe{
		{"GET", "/api/auth/me", ""},
		{"GET", "/api/analyses", ""},
		{"GET", "/api/interviews", ""},
		{"POST", "/api/auth/login", `{"email":"olga@example.com","password":"Str0ng!Passw0rd"}`},
	}
	call := func(p probe) (int, string, string) {
		req, _ := http.NewRequest(p.method, base+p.path, strings.NewReader(p.body))
		if p.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Authorization", "Bearer "+olga.token)
		resp, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
		if err != nil {
			return 0, "", err.Error()
		}
		defer resp.Body.Close()
		var e struct{ Code string }
		_ = json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, resp.Header.Get("Retry-After"), e.Code
	}
	for _, p := range probes {
		if code, _, errCode := call(p); code >= 500 {
			t.Fatalf("%s %s before the outage: %d %s", p.method, p.path, code, errCode)
		}
	}

	pg.stop()
	outage := time.Now()
	answers := map[string]int{}
	for time.Since(outage) < 5*time.Second {
		for _, p := range probes {
			code, retry, errCode := call(p)
			key := fmt.Sprintf("%s %s → %d %s", p.method, p.path, code, errCode)
			answers[key]++
			if code != 503 || retry == "" || errCode != "database_unavailable" {
				t.Errorf("during the outage %s (Retry-After %q), want 503 database_unavailable with Retry-After", key, retry)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("answers during the outage: %v", answers)

	pg.start()
	back := time.Now()
	for {
		ok := true
		for _, p := range probes {
			if code, _, _ := call(p); code >= 500 {
				ok = false
			}
		}
		if ok {
			break
		}
		if time.Since(back) > 30*time.Second {
			t.Fatal("server did not serve again within 30 s of PostgreSQL's return")
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("serving again %s after PostgreSQL came back (no restart)", time.Since(back).Round(10*time.Millisecond))
}

// TestServerKilledDuringAnalysesFinishesThemAfterRestart: SIGKILL while
// analyses run (Gemini hangs); the restarted server takes their jobs back
// and every stored analysis is done within 90 s of the restart.
func TestServerKilledDuringAnalysesFinishesThemAfterRestart(t *testing.T) {
	t.Parallel()
	serverBin, _ := binaries(t)
	db := dbtest.New(t)
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	first := startProc(t, serverBin, "server-1.log", faultServerEnv(t, port, db, map[string]string{
		"GEMINI_API_KEY": "fault-test-key", "GEMINI_BASE_URL": hangingGemini(t),
	}))
	waitHTTP(t, base, 90*time.Second)
	ana := signInAt(t, base, db, "ana")

	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, _ = postAnalysis(base, ana.token, i) })
	}
	deadline := time.Now().Add(60 * time.Second)
	for unfinished(analysesByStatus(t, db)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("analyses not all stored and running: %v", analysesByStatus(t, db))
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // jobs picked up, Gemini calls hanging
	first.kill(t)
	wg.Wait()

	startProc(t, serverBin, "server-2.log", faultServerEnv(t, port, db, map[string]string{
		"GEMINI_API_KEY": "fault-test-key", "GEMINI_BASE_URL": failingGemini(t),
	}))
	restarted := time.Now()
	waitHTTP(t, base, 90*time.Second)
	waitAllDone(t, db, n, 90*time.Second-time.Since(restarted))
	t.Logf("all %d analyses done %s after the restart", n, time.Since(restarted).Round(100*time.Millisecond))
}

// TestSIGTERMUnderLoadExitsInTimeAndLosesNoUpload: SIGTERM while analyses
// run and uploads arrive; the process exits within SHUTDOWN_TIMEOUT, and
// every analysis it accepted (stored) is done after a restart.
func TestSIGTERMUnderLoadExitsInTimeAndLosesNoUpload(t *testing.T) {
	t.Parallel()
	serverBin, _ := binaries(t)
	db := dbtest.New(t)
	port := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	const shutdownTimeout = 6 * time.Second
	srv := startProc(t, serverBin, "server-1.log", faultServerEnv(t, port, db, map[string]string{
		"GEMINI_API_KEY": "fault-test-key", "GEMINI_BASE_URL": hangingGemini(t),
		"SHUTDOWN_TIMEOUT": shutdownTimeout.String(),
	}))
	waitHTTP(t, base, 90*time.Second)
	bo := signInAt(t, base, db, "bo")

	var wg sync.WaitGroup
	stopLoad := make(chan struct{})
	var mu sync.Mutex
	results := map[string]int{}
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stopLoad:
					return
				default:
				}
				code, err := postAnalysis(base, bo.token, w*1000+i)
				mu.Lock()
				if err != nil {
					results["error"]++
				} else {
					results[strconv.Itoa(code)]++
				}
				mu.Unlock()
				if err != nil {
					return // the listener is gone
				}
			}
		})
	}
	deadline := time.Now().Add(60 * time.Second)
	for unfinished(analysesByStatus(t, db)) < 4 {
		if time.Now().After(deadline) {
			t.Fatalf("load never got going: %v", analysesByStatus(t, db))
		}
		time.Sleep(100 * time.Millisecond)
	}
	sent := time.Now()
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-srv.done:
	case <-time.After(shutdownTimeout + 10*time.Second):
		t.Fatalf("server still running %s after SIGTERM", shutdownTimeout+10*time.Second)
	}
	exited := time.Since(sent)
	close(stopLoad)
	wg.Wait()
	t.Logf("exited %s after SIGTERM (SHUTDOWN_TIMEOUT %s); requests: %v", exited.Round(10*time.Millisecond), shutdownTimeout, results)
	// The exit itself (runtime teardown) is allowed a little over the budget
	// Close keeps to.
	if exited > shutdownTimeout+time.Second {
		t.Errorf("exited %s after SIGTERM, SHUTDOWN_TIMEOUT is %s", exited, shutdownTimeout)
	}
	stored := analysesByStatus(t, db)
	total := 0
	for _, c := range stored {
		total += c
	}
	startProc(t, serverBin, "server-2.log", faultServerEnv(t, port, db, map[string]string{
		"GEMINI_API_KEY": "fault-test-key", "GEMINI_BASE_URL": failingGemini(t),
	}))
	restarted := time.Now()
	waitHTTP(t, base, 90*time.Second)
	waitAllDone(t, db, total, 90*time.Second-time.Since(restarted))
	t.Logf("all %d accepted analyses done %s after the restart", total, time.Since(restarted).Round(100*time.Millisecond))
}
