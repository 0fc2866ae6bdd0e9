package hub_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func testHubRecoveryExact(t *testing.T, newBroker brokerFactory) {
	ts := startHub(t, newBroker(t), nil)
	c := dialClient(t, ts.url, "alice")
	s, in := subscribe(t, c, "room:exact", nil)
	mustPublish(t, ts.hub, "room:exact", 3)
	in.waitMessages(t, 3)
	pos, _ := s.Position()
	_ = c.Close()
	mustPublish(t, ts.hub, "room:exact", 3)

	c2 := dialClient(t, ts.url, "alice")
	_, in2 := subscribe(t, c2, "room:exact", &pos)
	mustPublish(t, ts.hub, "room:exact", 1)
	in2.waitMessages(t, 4)
	if diff := cmp.Diff(seq(4, 7), in2.offsets()); diff != "" {
		t.Fatalf("offsets after recovery (-want +got):\n%s", diff)
	}
	if !in2.events[0].Recovered {
		t.Fatalf("subscribed event = %+v, want recovered", in2.events[0])
	}
}

func testHubRecoveryWindowGone(t *testing.T, newBroker brokerFactory) {
	ts := startHub(t, newBroker(t), nil)
	first := mustPublish(t, ts.hub, "small:gone", 10)[0]
	c := dialClient(t, ts.url, "alice")
	_, in := subscribe(t, c, "small:gone", &first)
	mustPublish(t, ts.hub, "small:gone", 1)
	in.waitMessages(t, 4)
	// History keeps 3: the client learns it lost 2..7 and gets 8..10, then live.
	if ev := in.events[0]; ev.Recovered || ev.Position.Offset != 7 {
		t.Fatalf("subscribed event = %+v, want recovered:false from 7", ev)
	}
	if diff := cmp.Diff(seq(8, 11), in.offsets()); diff != "" {
		t.Fatalf("offsets (-want +got):\n%s", diff)
	}
}

// testHubEpochChangeWhileSubscribed: the channel's metadata expires while a
// client is subscribed; the next publication starts a new epoch, and the
// client is told its position was reset (recovered:false) before receiving it.
func testHubEpochChangeWhileSubscribed(t *testing.T, newBroker brokerFactory) {
	ts := startHub(t, newBroker(t), nil)
	c := dialClient(t, ts.url, "alice")
	_, in := subscribe(t, c, "short:e", nil)
	old := mustPublish(t, ts.hub, "short:e", 2)[1]
	in.waitMessages(t, 2)
	time.Sleep(700 * time.Millisecond) // meta TTL is 300ms
	now := mustPublish(t, ts.hub, "short:e", 1)[0]
	if now.Epoch == old.Epoch || now.Offset != 1 {
		t.Fatalf("publication after expiry = %+v, want a new epoch", now)
	}
	in.wait(t, "the reset", func(b *inbox) bool { return len(b.events) == 2 })
	ev := in.events[1]
	if ev.Recovered || !ev.Resubscribed || ev.Position.Epoch != now.Epoch || ev.Position.Offset > 1 {
		t.Fatalf("reset event = %+v, want recovered:false in epoch %s", ev, now.Epoch)
	}
	// The reset starts before the new epoch's first message if history still
	// had it (it lives 200ms here), otherwise after it; from there on the
	// stream is contiguous.
	next := mustPublish(t, ts.hub, "short:e", 1)[0]
	in.wait(t, "the next message", func(b *inbox) bool {
		return len(b.msgs) > 0 && b.msgs[len(b.msgs)-1].Position == next
	})
	if diff := cmp.Diff(seq(ev.Position.Offset+1, next.Offset), in.offsets()[2:]); diff != "" {
		t.Fatalf("offsets after the reset (-want +got):\n%s", diff)
	}
	// A client coming back with the old position cannot recover either.
	c2 := dialClient(t, ts.url, "bob")
	_, in2 := subscribe(t, c2, "short:e", &old)
	if ev := in2.events[0]; ev.Recovered {
		t.Fatalf("resubscribe with the old epoch = %+v, want recovered:false", ev)
	}
}

func testHubPresenceJoinLeave(t *testing.T, newBroker brokerFactory) {
	ts := startHub(t, newBroker(t), nil)
	a := dialClient(t, ts.url, "ana,reviewer")
	_, in := subscribe(t, a, "room:pres", nil)
	b := dialClient(t, ts.url, "ben,candidate")
	_, inB := subscribe(t, b, "room:pres", nil)
	in.wait(t, "join", func(x *inbox) bool { return len(x.presence) == 1 })
	list, err := ts.hub.Presence(context.Background(), "room:pres")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("presence = %+v, want 2 entries", list)
	}
	_ = b.Close()
	in.wait(t, "leave", func(x *inbox) bool { return len(x.presence) == 2 })
	if diff := cmp.Diff([]string{"joined:ben", "left:ben"}, in.presence); diff != "" {
		t.Fatalf("presence events (-want +got):\n%s", diff)
	}
	eventually(t, 5*time.Second, "presence without ben", func() bool {
		list, err := ts.hub.Presence(context.Background(), "room:pres")
		return err == nil && len(list) == 1 && list[0].User == "ana"
	})
	// ana's join went out before her subscribed reply, so ben, subscribing
	// after it, never gets it as news.
	if got := inB.presenceEvents(); len(got) != 0 {
		t.Fatalf("ben saw %v, want nothing (ana joined first)", got)
	}
}

func testHubConcurrentPublishers(t *testing.T, newBroker brokerFactory) {
	ts := startHub(t, newBroker(t), nil)
	sub := dialClient(t, ts.url, "reader")
	_, in := subscribe(t, sub, "room:conc", nil)
	const publishers, each = 4, 40
	var wg sync.WaitGroup
	errs := make(chan error, publishers)
	for p := range publishers {
		c := dialClient(t, ts.url, fmt.Sprintf("writer%d", p))
		wg.Go(func() {
			for i := range each {
				if _, err := c.Publish(context.Background(), "room:conc", fmt.Appendf(nil, `{"p":%d,"i":%d}`, p, i)); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	in.waitMessages(t, publishers*each)
	if diff := cmp.Diff(seq(1, publishers*each), in.offsets()); diff != "" {
		t.Fatalf("offsets (-want +got):\n%s", diff)
	}
	// Each publisher's messages arrive in the order it sent them.
	last := map[float64]float64{}
	for _, m := range in.msgs {
		var v struct{ P, I float64 }
		if err := json.Unmarshal(m.Data, &v); err != nil {
			t.Fatal(err)
		}
		if prev, ok := last[v.P]; ok && v.I != prev+1 {
			t.Fatalf("publisher %v: %v after %v", v.P, v.I, prev)
		}
		last[v.P] = v.I
	}
}
