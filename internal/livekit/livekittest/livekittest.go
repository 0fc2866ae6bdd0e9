// Package livekittest runs a private livekit-server --dev on loopback for a
// test, so tests exercise the real SFU, signalling and webhooks.
//
// The binary comes from scripts/livekit.sh install. When it is missing a test
// fails under CI=true and is skipped otherwise.
package livekittest

import (
	"bytes"
	"errors"
	"fmt"
	"go/build"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	protologger "github.com/livekit/protocol/logger"

	"github.com/utopiahire/utopiahire/internal/livekit"
)

// Version is the livekit-server release the project pins.
const Version = "1.13.5"

// Dev-mode credentials livekit-server uses when started with --dev.
const (
	APIKey    = "devkey"
	APISecret = "secret"
)

// Server is a running livekit-server owned by one test.
type Server struct {
	// URL is the signalling URL clients connect to (ws://127.0.0.1:port).
	URL string
	// HTTPURL is the same port over http, for the room service API.
	HTTPURL   string
	APIKey    string
	APISecret string
	// LogPath holds the server's output; failing tests print its tail.
	LogPath string

	bin, cfg string
	mu       sync.Mutex
	running  *process // nil while stopped
}

// process is one run of livekit-server.
type process struct {
	cmd    *exec.Cmd
	exited chan error
	logf   *os.File
}

type options struct {
	webhookURLs []string
}

// Option configures Start.
type Option func(*options)

// WithWebhook makes the server POST webhook events, signed with the dev key,
// to url.
func WithWebhook(url string) Option {
	return func(o *options) { o.webhookURLs = append(o.webhookURLs, url) }
}

// Start launches livekit-server on free loopback ports and stops it when the
// test ends.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	bin, err := Binary()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("livekit-server: %v", err)
		}
		t.Skipf("livekit-server: %v", err)
	}
	dir := t.TempDir()
	port := freeTCPPort(t)
	cfg := filepath.Join(dir, "livekit.yaml")
	if err := os.WriteFile(cfg, config(port, freeTCPPort(t), freeUDPPort(t), o.webhookURLs), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Server{
		URL:       fmt.Sprintf("ws://127.0.0.1:%d", port),
		HTTPURL:   fmt.Sprintf("http://127.0.0.1:%d", port),
		APIKey:    APIKey,
		APISecret: APISecret,
		LogPath:   filepath.Join(dir, "server.log"),
		bin:       bin,
		cfg:       cfg,
	}
	t.Cleanup(func() {
		s.Stop()
		if t.Failed() {
			t.Logf("livekit-server log tail:\n%s", tail(s.LogPath, 40))
		}
	})
	s.launch(t)
	return s
}

// Stop stops the server now (a test of a LiveKit outage); Restart brings it
// back on the same ports. Stopping a stopped server does nothing.
func (s *Server) Stop() {
	s.mu.Lock()
	p := s.running
	s.running = nil
	s.mu.Unlock()
	if p != nil {
		stop(p.cmd, p.exited)
		p.logf.Close()
	}
}

// Restart starts a stopped server again, on the same ports, and waits until
// it answers.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.Stop()
	s.launch(t)
}

// Issuer mints tokens this server accepts.
func (s *Server) Issuer(t testing.TB) *livekit.Issuer {
	t.Helper()
	iss, err := livekit.NewIssuer(s.APIKey, s.APISecret)
	if err != nil {
		t.Fatal(err)
	}
	return iss
}

// Rooms is a room service client for this server.
func (s *Server) Rooms(t testing.TB) *livekit.Rooms {
	t.Helper()
	r, err := livekit.NewRooms(s.URL, s.APIKey, s.APISecret)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Binary finds livekit-server: $LIVEKIT_SERVER_BIN, then PATH, then
// $GOPATH/bin/livekit-server.
func Binary() (string, error) {
	if p := os.Getenv("LIVEKIT_SERVER_BIN"); p != "" {
		return p, checkVersion(p)
	}
	if p, err := exec.LookPath("livekit-server"); err == nil {
		return p, checkVersion(p)
	}
	p := filepath.Join(build.Default.GOPATH, "bin", "livekit-server")
	if _, err := os.Stat(p); err != nil {
		return "", errors.New("not installed; run scripts/livekit.sh install")
	}
	return p, checkVersion(p)
}

func checkVersion(bin string) error {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return fmt.Errorf("%s --version: %w", bin, err)
	}
	if !strings.Contains(string(out), "version "+Version) {
		return fmt.Errorf("%s is %q, want version %s", bin, strings.TrimSpace(string(out)), Version)
	}
	return nil
}

// config keeps media on loopback and closes rooms quickly so tests see
// room_finished without waiting out production timeouts.
func config(port, rtcTCP, rtcUDP int, webhooks []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "port: %d\n", port)
	fmt.Fprintf(&b, "rtc:\n  tcp_port: %d\n  udp_port: %d\n  use_external_ip: false\n", rtcTCP, rtcUDP)
	b.WriteString("  enable_loopback_candidate: true\n  ips:\n    includes: [127.0.0.1/32]\n")
	b.WriteString("room:\n  empty_timeout: 30\n  departure_timeout: 1\n")
	b.WriteString("logging:\n  level: info\n")
	if len(webhooks) > 0 {
		b.WriteString("webhook:\n  api_key: " + APIKey + "\n  urls:\n")
		for _, u := range webhooks {
			fmt.Fprintf(&b, "    - %q\n", u)
		}
	}
	return b.Bytes()
}

func (s *Server) launch(t testing.TB) {
	t.Helper()
	logf, err := os.OpenFile(s.LogPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(s.bin, "--dev", "--bind", "127.0.0.1", "--node-ip", "127.0.0.1", "--config", s.cfg)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		t.Fatalf("start livekit-server: %v", err)
	}
	p := &process{cmd: cmd, exited: make(chan error, 1), logf: logf}
	go func() { p.exited <- cmd.Wait() }()
	s.mu.Lock()
	s.running = p
	s.mu.Unlock()
	waitReady(t, s, p)
}

// stop asks for a graceful shutdown, then kills: a server with rooms still
// open waits for them otherwise.
func stop(cmd *exec.Cmd, exited <-chan error) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
	}
}

func waitReady(t testing.TB, s *Server, p *process) {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-p.exited:
			p.exited <- err // for Stop, at cleanup
			t.Fatalf("livekit-server exited during start-up (%v):\n%s", err, tail(s.LogPath, 40))
		default:
		}
		if res, err := client.Get(s.HTTPURL + "/"); err == nil {
			var body [8]byte
			n, _ := res.Body.Read(body[:])
			res.Body.Close()
			if res.StatusCode == http.StatusOK && string(body[:n]) == "OK" {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("livekit-server did not answer OK within 30s:\n%s", tail(s.LogPath, 40))
}

func freeTCPPort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func freeUDPPort(t testing.TB) int {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

func tail(path string, lines int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// QuietSDKLogger is the logger tests give server-sdk-go (lksdk.SetLogger,
// lksdk.WithLogger): errors only. It must be a zap logger: for any other
// Logger, protocol's pion adapter formats every debug message with %+v
// before dropping it, and formatting pion's track structs races with the
// goroutine that fills them in (a data race the race detector reports in
// the SDK, not in our code). The zap adapter checks the level first.
func QuietSDKLogger() protologger.Logger {
	l, err := protologger.NewZapLogger(&protologger.Config{Level: "error"})
	if err != nil {
		panic(fmt.Sprintf("livekit sdk logger: %v", err))
	}
	return l
}
