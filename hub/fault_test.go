package hub_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestRedisRestartDuringStream kills Redis under a live stream and starts it
// again, empty. Publishes fail with ErrUnavailable meanwhile, clients stay
// connected, and afterwards they are told recovered:false and continue in
// the new epoch with nothing out of order. No goroutine outlives the test.
// Not parallel: it counts goroutines.
func TestRedisRestartDuringStream(t *testing.T) {
	before := runtime.NumGoroutine()
	rds := redistest.Start(t)
	ctx := context.Background()
	broker, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{
		URL: rds.URL(), Prefix: "fault", HealthCheck: 200 * time.Millisecond,
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

	rds.Kill()
	eventually(t, 5*time.Second, "publish failing with ErrUnavailable", func() bool {
		_, err := h.Publish(ctx, "room:f", []byte(`{"during":"outage"}`))
		return errors.Is(err, hub.ErrUnavailable)
	})
	// A client's publish refused as unavailable is kept and resent with its
	// key until Redis is back.
	type published struct {
		pos hub.StreamPosition
		err error
	}
	outagePub := make(chan published, 1)
	go func() {
		pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		pos, err := c.Publish(pctx, "room:f", []byte(`{"client":"during outage"}`))
		outagePub <- published{pos, err}
	}()
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

	rds.Restart() // same port, no data: a new epoch
	var first hub.StreamPosition
	eventually(t, 10*time.Second, "publish working again", func() bool {
		pos, err := h.Publish(ctx, "room:f", []byte(`{"after":0}`))
		first = pos
		return err == nil
	})
	if first.Epoch == before5.Epoch {
		t.Fatalf("epoch after an empty restart = %s, want a new one", first.Epoch)
	}
	var during published
	select {
	case during = <-outagePub:
	case <-time.After(20 * time.Second):
		t.Fatal("the client's publish made during the outage was not acknowledged after Redis came back")
	}
	if during.err != nil || during.pos.Epoch != first.Epoch {
		t.Fatalf("publish made during the outage = %+v, %v; want success in epoch %s", during.pos, during.err, first.Epoch)
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
	copies := 0
	for _, m := range in.msgs {
		if strings.Contains(string(m.Data), "during outage") {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("the publish made during the outage was delivered %d times, want once", copies)
	}
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

// Redis frozen (SIGSTOP) while an agent-like client publishes a sequence
// with keys and 60 subscribers listen: a publish answered "unavailable" is
// never delivered later, however long it sat in the frozen Redis; the
// client's resends with the same key are published once; every subscriber
// gets every segment exactly once, in order; the hook (which stores what
// must be durable) ran for every key before any fan-out.
func TestRedisFreezeUnavailableMeansNotDone(t *testing.T) {
	rds := redistest.Start(t)
	ctx := context.Background()
	broker, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{
		URL: rds.URL(), Prefix: "freeze", HealthCheck: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = broker.Close(ctx) })
	var mu sync.Mutex
	stored := map[string]string{} // key → data, as a store idempotent per key
	ts := startHub(t, broker, func(c *hub.Config) {
		c.BrokerTimeout = time.Second
		c.Namespaces["seg"] = hub.NamespaceConfig{Authorizer: allowAll{}, HistorySize: 1000, HistoryTTL: time.Minute}
		c.OnPublish = func(_ context.Context, _ hub.Principal, _ string, data []byte, key string) error {
			mu.Lock()
			defer mu.Unlock()
			if prev, ok := stored[key]; ok && prev != string(data) {
				return hub.NewError("key_reused", "another publication has this key")
			}
			stored[key] = string(data)
			return nil
		}
	})

	const subscribers, segments = 60, 24
	inboxes := make([]*inbox, subscribers)
	for i := range inboxes {
		_, inboxes[i] = subscribe(t, dialClient(t, ts.url, fmt.Sprintf("viewer%d", i)), "seg:1", nil)
	}
	agent := dialClient(t, ts.url, "agent")
	acked := make(chan int, segments)
	pubErr := make(chan error, 1)
	go func() {
		pctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		for i := 1; i <= segments; i++ {
			data := fmt.Appendf(nil, `{"seq":%d}`, i)
			if _, err := agent.PublishWithKey(pctx, "seg:1", fmt.Sprintf("seg-%d", i), data); err != nil {
				pubErr <- fmt.Errorf("segment %d: %w", i, err)
				return
			}
			acked <- i
			time.Sleep(40 * time.Millisecond)
		}
		pubErr <- nil
	}()
	for i := 1; i <= 5; i++ {
		select {
		case <-acked:
		case <-time.After(10 * time.Second):
			t.Fatal("first segments not acknowledged")
		}
	}

	rds.Freeze()
	// A client that does not retry: its publish sits in the frozen Redis past
	// the hub's deadline and is answered unavailable.
	raw := connectRaw(t, ts.url, "bystander")
	raw.send(hub.Frame{Op: hub.OpPublish, ID: 2, Channel: "seg:1", Data: []byte(`{"raw":"frozen"}`), Key: "raw-1"})
	if f := raw.expect(hub.OpError); f.Code != hub.CodeUnavailable || f.ID != 2 {
		t.Fatalf("publish into a frozen Redis = %+v, want unavailable", f)
	}
	time.Sleep(2 * time.Second) // the agent's resends pile up in Redis too
	rds.Thaw()

	select {
	case err := <-pubErr:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the agent's segments were not all acknowledged after Redis continued")
	}
	want := make([]string, 0, segments)
	for i := 1; i <= segments; i++ {
		want = append(want, fmt.Sprintf(`{"seq":%d}`, i))
	}
	for i, in := range inboxes {
		in.wait(t, fmt.Sprintf("viewer %d's segments", i), func(b *inbox) bool { return len(b.msgs) >= segments })
	}
	time.Sleep(500 * time.Millisecond) // a late delivery of the refused publish would arrive by now
	for i, in := range inboxes {
		in.mu.Lock()
		var got []string
		for _, m := range in.msgs {
			got = append(got, string(m.Data))
		}
		in.mu.Unlock()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("viewer %d received %v, want each segment once, in order, and nothing else", i, got)
		}
	}

	// Retried with its key, the refused publish is published, once.
	raw.send(hub.Frame{Op: hub.OpPublish, ID: 3, Channel: "seg:1", Data: []byte(`{"raw":"frozen"}`), Key: "raw-1"})
	first := raw.expect(hub.OpPublished)
	raw.send(hub.Frame{Op: hub.OpPublish, ID: 4, Channel: "seg:1", Data: []byte(`{"raw":"frozen"}`), Key: "raw-1"})
	if again := raw.expect(hub.OpPublished); again.Offset != first.Offset || again.Epoch != first.Epoch {
		t.Fatalf("second retry = %+v, want the first one's position %+v", again, first)
	}
	for i, in := range inboxes {
		in.wait(t, fmt.Sprintf("viewer %d's retried publish", i), func(b *inbox) bool { return len(b.msgs) >= segments+1 })
	}
	time.Sleep(200 * time.Millisecond)
	for i, in := range inboxes {
		in.mu.Lock()
		n, last := len(in.msgs), string(in.msgs[len(in.msgs)-1].Data)
		in.mu.Unlock()
		if n != segments+1 || last != `{"raw":"frozen"}` {
			t.Fatalf("viewer %d: %d messages ending %s, want %d ending with the retried publish", i, n, last, segments+1)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for i := 1; i <= segments; i++ {
		if stored[fmt.Sprintf("agent/seg-%d", i)] != want[i-1] {
			t.Errorf("segment %d not stored by the hook: %v", i, stored)
		}
	}
}
