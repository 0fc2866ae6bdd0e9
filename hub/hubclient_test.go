package hub_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// proxy forwards TCP to a target it can switch, mute (drop what the server
// sends) and cut, to stage lost acknowledgements and node changes.
type proxy struct {
	l      net.Listener
	mu     sync.Mutex
	target string
	conns  []net.Conn
	muted  atomic.Bool
	wg     sync.WaitGroup
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l, target: target}
	p.wg.Add(1)
	go p.accept()
	t.Cleanup(func() {
		_ = l.Close()
		p.cut()
		p.wg.Wait()
	})
	return p
}

func (p *proxy) url() string { return "ws://" + p.l.Addr().String() }

func (p *proxy) setTarget(target string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.target = target
}

func (p *proxy) accept() {
	defer p.wg.Done()
	for {
		in, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		target := p.target
		p.mu.Unlock()
		out, err := net.Dial("tcp", target)
		if err != nil {
			_ = in.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, in, out)
		p.mu.Unlock()
		p.wg.Add(2)
		go func() {
			defer p.wg.Done()
			_, _ = io.Copy(out, in)
			_ = out.Close()
		}()
		go func() {
			defer p.wg.Done()
			buf := make([]byte, 32<<10)
			for {
				n, err := out.Read(buf)
				if n > 0 && !p.muted.Load() {
					if _, werr := in.Write(buf[:n]); werr != nil {
						break
					}
				}
				if err != nil {
					break
				}
			}
			_ = in.Close()
		}()
	}
}

// cut closes every proxied connection.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

func hostOf(ts *testServer) string { return ts.srv.Listener.Addr().String() }

// TestResendAfterLostAck: the hub publishes but the acknowledgement never
// reaches the client; after the reconnect the client resends with the same
// key and gets the original position. Subscribers see it once.
func TestResendAfterLostAck(t *testing.T) {
	t.Parallel()
	ts := startHub(t, newTestMemoryBroker(t), nil)
	p := startProxy(t, hostOf(ts))
	watcher := dialClient(t, ts.url, "watcher")
	_, in := subscribe(t, watcher, "room:ack", nil)
	agent := dialClient(t, p.url(), "agent")
	ctx := context.Background()
	if _, err := agent.Publish(ctx, "room:ack", []byte(`{"seg":1}`)); err != nil {
		t.Fatal(err)
	}
	p.muted.Store(true)
	type result struct {
		pos hub.StreamPosition
		err error
	}
	done := make(chan result, 1)
	go func() {
		pos, err := agent.Publish(ctx, "room:ack", []byte(`{"seg":2}`))
		done <- result{pos, err}
	}()
	in.waitMessages(t, 2) // the hub has published seg 2; its ack is being dropped
	p.cut()
	p.muted.Store(false)
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("publish not acknowledged after the reconnect")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.pos.Offset != 2 {
		t.Fatalf("resent publish acknowledged at %+v, want offset 2", r.pos)
	}
	if _, err := agent.Publish(ctx, "room:ack", []byte(`{"seg":3}`)); err != nil {
		t.Fatal(err)
	}
	in.waitMessages(t, 3)
	var got []string
	for _, m := range in.msgs {
		got = append(got, string(m.Data))
	}
	if diff := cmp.Diff([]string{`{"seg":1}`, `{"seg":2}`, `{"seg":3}`}, got); diff != "" {
		t.Fatalf("subscriber saw (-want +got):\n%s", diff)
	}
}

// TestClientFollowsShutdownToAnotherNode: a node shuts down; the client
// reconnects (here to another node sharing the broker) and recovers what was
// published meanwhile; publishes made while disconnected are sent after.
func TestClientFollowsShutdownToAnotherNode(t *testing.T) {
	t.Parallel()
	broker := newTestMemoryBroker(t)
	a := startHub(t, broker, func(c *hub.Config) { c.ReconnectSpread = 50 * time.Millisecond })
	b := startHub(t, broker, nil)
	p := startProxy(t, hostOf(a))
	var connects atomic.Int32
	c, err := hubclient.Dial(context.Background(), p.url(), hubclient.Options{
		Token:      func(context.Context) (string, error) { return "alice", nil },
		MinBackoff: 20 * time.Millisecond,
		OnConnect:  func(hubclient.ConnectInfo) { connects.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, in := subscribe(t, c, "room:move", nil)
	mustPublish(t, a.hub, "room:move", 3)
	in.waitMessages(t, 3)

	p.setTarget("127.0.0.1:1") // nothing listens: reconnects fail for now
	if err := a.hub.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	mustPublish(t, b.hub, "room:move", 2) // missed while away
	pubDone := make(chan error, 1)
	go func() {
		_, err := c.Publish(context.Background(), "room:move", []byte(`{"queued":true}`))
		pubDone <- err
	}()
	time.Sleep(200 * time.Millisecond)
	p.setTarget(hostOf(b))
	if err := <-pubDone; err != nil {
		t.Fatalf("publish queued while disconnected: %v", err)
	}
	in.waitMessages(t, 6)
	if diff := cmp.Diff(seq(1, 6), in.offsets()); diff != "" {
		t.Fatalf("offsets across the move (-want +got):\n%s", diff)
	}
	if ev := in.events[len(in.events)-1]; !ev.Recovered || !ev.Resubscribed {
		t.Fatalf("last subscribed event = %+v, want a recovered resubscribe", ev)
	}
	if n := connects.Load(); n != 2 {
		t.Fatalf("connected %d times, want 2", n)
	}
}

// A publish refused for now (unavailable, internal) is kept and resent with
// its key, with back-off, until acknowledged; the subscriber gets it once. A
// refusal a resend would repeat is returned at once.
func TestClientResendsRetryableRefusalsWithTheSameKey(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var calls []string
	ts := startHub(t, newTestMemoryBroker(t), func(c *hub.Config) {
		c.OnPublish = func(_ context.Context, _ hub.Principal, _ string, data []byte, key string) error {
			mu.Lock()
			defer mu.Unlock()
			calls = append(calls, key)
			switch {
			case string(data) == `"never"`:
				return hub.NewError("segment_final", "refused for good")
			case len(calls) <= 2:
				return hub.NewError(hub.CodeUnavailable, "broker unavailable, retry later")
			case len(calls) == 3:
				return hub.NewError(hub.CodeInternal, "could not store, send it again")
			}
			return nil
		}
	})
	_, in := subscribe(t, dialClient(t, ts.url, "viewer"), "room:r", nil)
	c := dialClient(t, ts.url, "agent")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pos, err := c.PublishWithKey(ctx, "room:r", "seg-1", []byte(`{"seq":1}`))
	if err != nil || pos.Offset != 1 {
		t.Fatalf("publish = %+v, %v; want offset 1 after the resends", pos, err)
	}
	mu.Lock()
	got := append([]string(nil), calls...)
	mu.Unlock()
	if diff := cmp.Diff([]string{"agent/seg-1", "agent/seg-1", "agent/seg-1", "agent/seg-1"}, got); diff != "" {
		t.Fatalf("attempts seen by the hook (-want +got):\n%s", diff)
	}
	in.waitMessages(t, 1)

	_, err = c.PublishWithKey(ctx, "room:r", "seg-2", []byte(`"never"`))
	var se *hubclient.ServerError
	if !errors.As(err, &se) || se.Code != "segment_final" || se.Retryable() {
		t.Fatalf("publish refused for good = %v, want segment_final at once", err)
	}
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	n := len(calls)
	mu.Unlock()
	if n != 5 {
		t.Fatalf("hook called %d times, want 5: a refusal for good is not resent", n)
	}
	if got := in.offsets(); fmt.Sprint(got) != "[1]" {
		t.Fatalf("viewer received offsets %v, want [1]", got)
	}
}
