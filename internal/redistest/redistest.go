// Package redistest runs a private redis-server for a fault test, so the test
// can kill, restart and freeze it without touching the machine's shared
// Redis. It listens on 127.0.0.1 on a free port, keeps nothing on disk
// (no snapshots, no AOF), and is killed at the end of the test.
//
// When redis-server is not installed the test fails under CI=true and
// skips otherwise.
package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is a private redis-server.
type Server struct {
	t    testing.TB
	bin  string
	port int
	dir  string

	args []string // extra redis-server arguments

	mu     sync.Mutex
	cmd    *exec.Cmd
	done   chan struct{}
	frozen bool
}

// Start launches redis-server on a free port and waits until it answers.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartOn(t, FreePort(t))
}

// StartOn launches redis-server on port (e.g. to take over a port a killed
// one had).
func StartOn(t testing.TB, port int) *Server {
	t.Helper()
	return startWith(t, port)
}

func startWith(t testing.TB, port int, args ...string) *Server {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis-server not installed under CI: %v", err)
		}
		t.Skipf("redis-server not installed: %v", err)
	}
	s := &Server{t: t, bin: bin, port: port, dir: t.TempDir(), args: args}
	t.Cleanup(s.Kill)
	s.launch()
	return s
}

// FreePort returns a TCP port on 127.0.0.1 nobody listens on right now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (s *Server) launch() {
	s.t.Helper()
	cmd := exec.Command(s.bin, append([]string{"--port", fmt.Sprint(s.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", s.dir}, s.args...)...)
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start redis-server: %v", err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	s.mu.Lock()
	s.cmd, s.done, s.frozen = cmd, done, false
	s.mu.Unlock()
	c := redis.NewClient(&redis.Options{Addr: s.Addr()})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("redis-server on port %d not up after 10s: %v", s.port, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Addr is host:port.
func (s *Server) Addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

// URL is the redis:// URL of database 0.
func (s *Server) URL() string { return "redis://" + s.Addr() + "/0" }

// Kill stops the server at once (SIGKILL) and waits for it to exit. Its data
// is gone.
func (s *Server) Kill() {
	s.mu.Lock()
	cmd, done := s.cmd, s.done
	s.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Kill()
	<-done
}

// Restart starts a new, empty server on the same port after Kill.
func (s *Server) Restart() {
	s.t.Helper()
	s.launch()
}

// Freeze stops the process (SIGSTOP) until Thaw: connections stay open and
// commands wait in its socket buffers, to run when it continues, as with a
// Redis stalled by the machine. A frozen server is thawed at cleanup.
func (s *Server) Freeze() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		s.t.Fatalf("SIGSTOP redis-server: %v", err)
	}
	s.frozen = true
}

// Thaw continues a frozen server (SIGCONT).
func (s *Server) Thaw() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.frozen {
		_ = s.cmd.Process.Signal(syscall.SIGCONT)
		s.frozen = false
	}
}
