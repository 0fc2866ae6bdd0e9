package hub_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub"
)

// twoNodes starts two hubs, each with its own RedisBroker, sharing one Redis
// key prefix: two servers of one deployment.
func twoNodes(t *testing.T) (a, b *testServer) {
	t.Helper()
	url := redisURL(t)
	prefix := testPrefix(t, url)
	a = startHub(t, newTestRedisBroker(t, url, prefix), func(c *hub.Config) { c.NodeID = "A" })
	b = startHub(t, newTestRedisBroker(t, url, prefix), func(c *hub.Config) { c.NodeID = "B" })
	return a, b
}

func TestTwoNodesDeliverEachOthersPublishes(t *testing.T) {
	t.Parallel()
	a, b := twoNodes(t)
	onA := dialClient(t, a.url, "alice")
	_, in := subscribe(t, onA, "room:x", nil)
	onB := dialClient(t, b.url, "bob")
	if _, err := onB.Publish(context.Background(), "room:x", []byte(`{"via":"client on B"}`)); err != nil {
		t.Fatal(err)
	}
	mustPublish(t, b.hub, "room:x", 2)
	in.waitMessages(t, 3)
	if diff := cmp.Diff(seq(1, 3), in.offsets()); diff != "" {
		t.Fatalf("offsets on A (-want +got):\n%s", diff)
	}
	if string(in.msgs[0].Data) != `{"via":"client on B"}` {
		t.Fatalf("first message = %s", in.msgs[0].Data)
	}
}

func TestTwoNodesRecoverAfterSwitchingNodes(t *testing.T) {
	t.Parallel()
	a, b := twoNodes(t)
	c := dialClient(t, a.url, "alice")
	s, in := subscribe(t, c, "room:switch", nil)
	mustPublish(t, a.hub, "room:switch", 4)
	in.waitMessages(t, 4)
	pos, _ := s.Position()
	_ = c.Close()
	mustPublish(t, a.hub, "room:switch", 3) // published while alice moves to B

	c2 := dialClient(t, b.url, "alice")
	_, in2 := subscribe(t, c2, "room:switch", &pos)
	mustPublish(t, a.hub, "room:switch", 1)
	in2.waitMessages(t, 4)
	if diff := cmp.Diff(seq(5, 8), in2.offsets()); diff != "" {
		t.Fatalf("offsets on B after switching (-want +got):\n%s", diff)
	}
	if !in2.events[0].Recovered {
		t.Fatalf("subscribed on B = %+v, want recovered", in2.events[0])
	}
}

func TestTwoNodesPresence(t *testing.T) {
	t.Parallel()
	a, b := twoNodes(t)
	onA := dialClient(t, a.url, "ana,reviewer")
	_, inA := subscribe(t, onA, "room:pr", nil)
	// A subscribed reply means the entry is listed everywhere, without waiting.
	wantPresence(t, []*hub.Hub{a.hub, b.hub}, "room:pr", "ana")
	onB := dialClient(t, b.url, "ben,candidate")
	subB, inB := subscribe(t, onB, "room:pr", nil)
	wantPresence(t, []*hub.Hub{a.hub, b.hub}, "room:pr", "ana", "ben")
	inA.wait(t, "ben's join seen on A", func(x *inbox) bool { return len(x.presence) == 1 })
	if err := subB.Unsubscribe(context.Background()); err != nil {
		t.Fatal(err)
	}
	inA.wait(t, "ben's leave seen on A", func(x *inbox) bool { return len(x.presence) == 2 })
	if diff := cmp.Diff([]string{"joined:ben", "left:ben"}, inA.presence); diff != "" {
		t.Fatalf("events on A (-want +got):\n%s", diff)
	}
	if got := inB.presenceEvents(); len(got) != 0 {
		t.Fatalf("ben saw %v, want nothing (ana joined first)", got)
	}
}

func TestTwoNodesRevocationAndLogout(t *testing.T) {
	t.Parallel()
	a, b := twoNodes(t)
	reviewer := dialClient(t, a.url, "rev,reviewer")
	_, in := subscribe(t, reviewer, "locked:owner", nil)
	// The invitation is revoked through the other node.
	if err := b.hub.Unsubscribe(context.Background(), "rev", "locked:owner"); err != nil {
		t.Fatal(err)
	}
	in.wait(t, "revocation on A", func(x *inbox) bool { return len(x.unsubs) == 1 })
	if in.unsubs[0] != hub.CodeRevoked {
		t.Fatalf("code = %q", in.unsubs[0])
	}
	eventually(t, 5*time.Second, "no subscription left on A", func() bool { return a.hub.Stats().Subscriptions == 0 })

	r := connectRaw(t, a.url, "rev")
	if err := b.hub.DisconnectUser(context.Background(), "rev"); err != nil {
		t.Fatal(err)
	}
	if code, _ := r.closed(5 * time.Second); code != hub.CloseForceDisconnect {
		t.Fatalf("close code on A = %d, want %d", code, hub.CloseForceDisconnect)
	}
}

// wantPresence checks, once, that every hub lists exactly users on channel.
func wantPresence(t *testing.T, hubs []*hub.Hub, channel string, users ...string) {
	t.Helper()
	for i, h := range hubs {
		list, err := h.Presence(context.Background(), channel)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ci := range list {
			got = append(got, ci.User)
		}
		if diff := cmp.Diff(users, sortStrings(got)); diff != "" {
			t.Fatalf("presence on hub %d (-want +got):\n%s", i, diff)
		}
	}
}
