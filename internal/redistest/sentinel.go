package redistest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// SentinelMaster is the name the private Sentinel monitors its master by.
const SentinelMaster = "hubmaster"

// Sentinel is a private Redis Sentinel deployment: a master, one replica and
// one sentinel (quorum 1) that fails over after the master is down for a
// second.
type Sentinel struct {
	Master, Replica *Server
	port            int
	cmd             *exec.Cmd
	done            chan struct{}
}

// StartSentinel launches the deployment for one test and kills it at
// cleanup. Without redis-server the test fails under CI=true and skips
// otherwise.
func StartSentinel(t testing.TB) *Sentinel {
	t.Helper()
	master := Start(t)
	replica := startWith(t, FreePort(t), "--replicaof", "127.0.0.1", fmt.Sprint(master.port))
	s := &Sentinel{Master: master, Replica: replica, port: FreePort(t), done: make(chan struct{})}
	dir := t.TempDir()
	conf := filepath.Join(dir, "sentinel.conf")
	body := fmt.Sprintf("port %d\nbind 127.0.0.1\ndir %s\nsentinel monitor %s 127.0.0.1 %d 1\n", s.port, dir, SentinelMaster, master.port) +
		fmt.Sprintf("sentinel down-after-milliseconds %s 1000\nsentinel failover-timeout %s 10000\n", SentinelMaster, SentinelMaster)
	if err := os.WriteFile(conf, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command(master.bin, conf, "--sentinel")
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("start sentinel: %v", err)
	}
	go func() {
		_ = s.cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		<-s.done
	})
	ctx := context.Background()
	sc := redis.NewSentinelClient(&redis.Options{Addr: s.Addr()})
	defer sc.Close()
	mc := redis.NewClient(&redis.Options{Addr: master.Addr()})
	defer mc.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		addr, err := sc.GetMasterAddrByName(ctx, SentinelMaster).Result()
		var info string
		if err == nil {
			info, err = mc.Info(ctx, "replication").Result()
		}
		if err == nil && len(addr) == 2 && strings.Contains(info, "connected_slaves:1") && strings.Contains(info, "state=online") {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("sentinel deployment not ready: master %v, %v", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Addr is the sentinel's host:port.
func (s *Sentinel) Addr() string { return fmt.Sprintf("127.0.0.1:%d", s.port) }

// URL is the deployment in REDIS_URL's Sentinel form.
func (s *Sentinel) URL() string {
	return "redis-sentinel://" + s.Addr() + "/" + SentinelMaster
}
