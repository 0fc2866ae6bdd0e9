package hub_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestTwoNodesSurviveRedisRestart: two hub nodes on a private redis-server,
// a subscriber on each, publishes through both. Redis is restarted (empty).
// Every publish that succeeded reaches both subscribers exactly once and in
// order (0 lost, 0 duplicated); publishes during the outage fail with
// ErrUnavailable (the publisher knows; nothing is silently dropped); the
// history lost with Redis is flagged to the subscribers as recovered:false.
func TestTwoNodesSurviveRedisRestart(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	a := startHub(t, newTestRedisBroker(t, rds.URL(), "two"), func(c *hub.Config) { c.NodeID = "A" })
	b := startHub(t, newTestRedisBroker(t, rds.URL(), "two"), func(c *hub.Config) { c.NodeID = "B" })
	_, onA := subscribe(t, dialClient(t, a.url, "alice"), "room:r", nil)
	_, onB := subscribe(t, dialClient(t, b.url, "bob"), "room:r", nil)

	ctx := context.Background()
	var ok []hub.StreamPosition
	publish := func(h *hub.Hub, i int) error {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		pos, err := h.Publish(pctx, "room:r", fmt.Appendf(nil, `{"i":%d}`, i))
		if err == nil {
			ok = append(ok, pos)
		}
		return err
	}
	nodes := []*hub.Hub{a.hub, b.hub}
	for i := range 10 {
		if err := publish(nodes[i%2], i); err != nil {
			t.Fatal(err)
		}
	}
	onA.waitMessages(t, 10)
	onB.waitMessages(t, 10)

	rds.Kill()
	failed := 0
	for i := 10; i < 15; i++ {
		err := publish(nodes[i%2], i)
		if err == nil {
			continue
		}
		if !errors.Is(err, hub.ErrUnavailable) {
			t.Fatalf("publish during the outage: %v, want ErrUnavailable", err)
		}
		failed++
	}
	rds.Restart()
	restarted := time.Now()
	eventually(t, 15*time.Second, "publishing again on both nodes", func() bool {
		return publish(a.hub, 100) == nil && publish(b.hub, 101) == nil
	})
	for i := 200; i < 210; i++ {
		if err := publish(nodes[i%2], i); err != nil {
			t.Fatalf("publish after the restart: %v", err)
		}
	}
	t.Logf("publishing again %s after Redis restarted; %d publishes refused during the outage", time.Since(restarted).Round(time.Millisecond), failed)

	for name, in := range map[string]*inbox{"A": onA, "B": onB} {
		in.waitMessages(t, len(ok))
		in.mu.Lock()
		seen := map[hub.StreamPosition]int{}
		for _, m := range in.msgs {
			seen[m.Position]++
		}
		for _, pos := range ok {
			if seen[pos] != 1 {
				t.Errorf("subscriber on %s got publish %v %d times, want once", name, pos, seen[pos])
			}
		}
		if len(in.msgs) != len(ok) {
			t.Errorf("subscriber on %s got %d messages, %d were published", name, len(in.msgs), len(ok))
		}
		flagged := false
		for _, ev := range in.events[1:] {
			flagged = flagged || !ev.Recovered
		}
		if !flagged {
			t.Errorf("subscriber on %s was not told history was lost: events %+v", name, in.events)
		}
		in.mu.Unlock()
	}
}
