package hub_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// privateRedis is a redis-server the test owns, so it can kill and restart it.
type privateRedis struct {
	t    *testing.T
	port int
	cmd  *exec.Cmd
	done chan struct{}
}

func startPrivateRedis(t *testing.T, port int) *privateRedis {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis-server not installed under CI: %v", err)
		}
		t.Skipf("redis-server not installed: %v", err)
	}
	cmd := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	r := &privateRedis{t: t, port: port, cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(r.done)
	}()
	t.Cleanup(r.kill)
	c := redis.NewClient(&redis.Options{Addr: r.addr()})
	defer c.Close()
	eventually(t, 10*time.Second, "redis-server up", func() bool {
		return c.Ping(context.Background()).Err() == nil
	})
	return r
}

func (r *privateRedis) addr() string { return fmt.Sprintf("127.0.0.1:%d", r.port) }

func (r *privateRedis) kill() {
	_ = r.cmd.Process.Kill()
	<-r.done
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestRedisRestartDuringStream kills Redis under a live stream and starts it
// again, empty. Publishes fail with ErrUnavailable meanwhile, clients stay
// connected, and afterwards they are told recovered:false and continue in
// the new epoch with nothing out of order. No goroutine outlives the test.
// Not parallel: it counts goroutines.
func TestRedisRestartDuringStream(t *testing.T) {
	before := runtime.NumGoroutine()
	port := freePort(t)
	rds := startPrivateRedis(t, port)
	ctx := context.Background()
	broker, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{
		URL: "redis://" + rds.addr() + "/0", Prefix: "fault", HealthCheck: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := hub.New(testConfig(), broker, tokenAuth{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	url := "ws" + strings.TrimPrefix(srv.URL, "http")

	var drops atomic.Int32
	c, err := hubclient.Dial(ctx, url, hubclient.Options{
		Token:        func(context.Context) (string, error) { return "alice", nil },
		MinBackoff:   20 * time.Millisecond,
		OnDisconnect: func(error, bool) { drops.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	_, in := subscribe(t, c, "room:f", nil)
	before5 := mustPublish(t, h, "room:f", 5)[4]
	in.waitMessages(t, 5)

	rds.kill()
	eventually(t, 5*time.Second, "publish failing with ErrUnavailable", func() bool {
		_, err := h.Publish(ctx, "room:f", []byte(`{"during":"outage"}`))
		return errors.Is(err, hub.ErrUnavailable)
	})
	if _, err := c.Publish(ctx, "room:f", []byte(`1`)); !isServerCode(err, hub.CodeUnavailable) {
		t.Fatalf("client publish during the outage = %v, want code unavailable", err)
	}
	// A subscribe made during the outage is retried by the client until Redis is back.
	late := dialClient(t, url, "bob")
	lateDone := make(chan *inbox, 1)
	go func() {
		b := newInbox()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if _, err := late.Subscribe(sctx, "room:f", b.options(nil)); err != nil {
			t.Errorf("subscribe across the outage: %v", err)
			lateDone <- nil
			return
		}
		lateDone <- b
	}()
	time.Sleep(500 * time.Millisecond)

	startPrivateRedis(t, port) // same port, no data: a new epoch
	var first hub.StreamPosition
	eventually(t, 10*time.Second, "publish working again", func() bool {
		pos, err := h.Publish(ctx, "room:f", []byte(`{"after":0}`))
		first = pos
		return err == nil
	})
	if first.Epoch == before5.Epoch {
		t.Fatalf("epoch after an empty restart = %s, want a new one", first.Epoch)
	}
	lateIn := <-lateDone
	if lateIn == nil {
		t.FailNow()
	}
	last := mustPublish(t, h, "room:f", 4)[3]

	in.wait(t, "reset and the new epoch's messages", func(b *inbox) bool {
		n := len(b.msgs)
		return n > 0 && b.msgs[n-1].Position == last
	})
	in.mu.Lock()
	if len(in.events) != 2 || in.events[1].Recovered || in.events[1].Position.Epoch != first.Epoch {
		t.Fatalf("events = %+v, want a recovered:false reset into epoch %s", in.events, first.Epoch)
	}
	start := in.events[1].Position.Offset
	var got []uint64
	for _, m := range in.msgs[5:] {
		got = append(got, m.Position.Offset)
	}
	in.mu.Unlock()
	if want := seq(start+1, last.Offset); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("offsets in the new epoch = %v, want %v", got, want)
	}
	lateIn.wait(t, "the late subscriber's last message", func(b *inbox) bool {
		n := len(b.msgs)
		return n > 0 && b.msgs[n-1].Position == last
	})
	if n := drops.Load(); n != 0 {
		t.Fatalf("client disconnected %d times during the Redis outage", n)
	}

	_ = c.Close()
	_ = late.Close()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := h.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	if err := broker.Close(ctx); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "goroutines back to the start", func() bool {
		return runtime.NumGoroutine() <= before+2
	})
}

func isServerCode(err error, code string) bool {
	var se *hubclient.ServerError
	return errors.As(err, &se) && se.Code == code
}
