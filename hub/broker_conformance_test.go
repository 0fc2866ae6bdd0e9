package hub_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub"
)

// brokerFactory returns a fresh broker; calling it twice in one test returns
// two nodes sharing the same backing store.
type brokerFactory func(t *testing.T) hub.Broker

func memoryFactory(t *testing.T) brokerFactory {
	b := newTestMemoryBroker(t)
	return func(*testing.T) hub.Broker { return b }
}

func redisFactory(t *testing.T) brokerFactory {
	url := redisURL(t)
	prefix := testPrefix(t, url)
	return func(t *testing.T) hub.Broker { return newTestRedisBroker(t, url, prefix) }
}

// The conformance suite runs the same cases against both brokers: first on
// the Broker interface, then end to end through hubs and WebSocket clients.
func TestConformanceMemory(t *testing.T) {
	t.Parallel()
	runConformance(t, memoryFactory)
}

func TestConformanceRedis(t *testing.T) {
	t.Parallel()
	runConformance(t, redisFactory)
}

var opts100 = hub.PublishOptions{HistorySize: 100, HistoryTTL: time.Minute, MetaTTL: time.Hour}

func runConformance(t *testing.T, factory func(t *testing.T) brokerFactory) {
	tests := []struct {
		name string
		run  func(t *testing.T, newBroker brokerFactory)
	}{
		{"offsets_and_order", testOffsetsAndOrder},
		{"history_limit", testHistoryLimit},
		{"history_ttl", testHistoryTTL},
		{"epoch_change", testEpochChange},
		{"history_other_epoch", testHistoryOtherEpoch},
		{"no_history_namespace", testNoHistory},
		{"concurrent_publishers", testConcurrentPublishers},
		{"idempotent_publish", testIdempotentPublish},
		{"late_publish_not_done", testLatePublishNotDone},
		{"presence", testPresence},
		{"presence_expiry", testPresenceExpiry},
		{"join_leave_control", testJoinLeaveControl},
		{"hub_recovery_exact", testHubRecoveryExact},
		{"hub_recovery_window_gone", testHubRecoveryWindowGone},
		{"hub_epoch_change_while_subscribed", testHubEpochChangeWhileSubscribed},
		{"hub_presence_join_leave", testHubPresenceJoinLeave},
		{"hub_concurrent_publishers", testHubConcurrentPublishers},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.run(t, factory(t))
		})
	}
}

func publishN(t *testing.T, b hub.Broker, ch string, n int, opts hub.PublishOptions) []hub.StreamPosition {
	t.Helper()
	var out []hub.StreamPosition
	for i := 1; i <= n; i++ {
		pos, err := b.Publish(context.Background(), ch, fmt.Appendf(nil, `{"n":%d}`, i), opts)
		if err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
		out = append(out, pos)
	}
	return out
}

func testOffsetsAndOrder(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	rec := newRecorder()
	b.RegisterEventHandler(rec)
	ctx := context.Background()
	if err := b.Subscribe(ctx, "t:a"); err != nil {
		t.Fatal(err)
	}
	start, err := b.History(ctx, "t:a", hub.HistoryQuery{MetaTTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if start.Top.Offset != 0 || start.Top.Epoch == "" {
		t.Fatalf("fresh channel position = %+v, want offset 0 and an epoch", start.Top)
	}
	positions := publishN(t, b, "t:a", 20, opts100)
	for i, p := range positions {
		want := hub.StreamPosition{Epoch: start.Top.Epoch, Offset: uint64(i + 1)}
		if p != want {
			t.Fatalf("publish %d position = %+v, want %+v", i+1, p, want)
		}
	}
	res, err := b.History(ctx, "t:a", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: start.Top.Epoch, Offset: 5}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Publications {
		got = append(got, fmt.Sprintf("%d:%s", p.Offset, p.Data))
	}
	var want []string
	for i := 6; i <= 20; i++ {
		want = append(want, fmt.Sprintf(`%d:{"n":%d}`, i, i))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("history since 5 (-want +got):\n%s", diff)
	}
	if res.Top != positions[19] {
		t.Fatalf("top = %+v, want %+v", res.Top, positions[19])
	}
	rec.waitFor(t, 5*time.Second, "20 live publications", func(r *recorder) bool { return len(r.pubs["t:a"]) == 20 })
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for i, p := range rec.pubs["t:a"] {
		if p.Offset != uint64(i+1) || p.Epoch != start.Top.Epoch {
			t.Fatalf("live publication %d = %d/%s, want offset %d", i, p.Offset, p.Epoch, i+1)
		}
	}
}

func testHistoryLimit(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	opts := hub.PublishOptions{HistorySize: 10, HistoryTTL: time.Minute, MetaTTL: time.Hour}
	positions := publishN(t, b, "t:limit", 25, opts)
	epoch := positions[0].Epoch
	res, err := b.History(context.Background(), "t:limit", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: epoch, Offset: 0}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Publications) != 10 || res.Publications[0].Offset != 16 || res.Publications[9].Offset != 25 {
		t.Fatalf("history = %d publications from %v, want offsets 16..25", len(res.Publications), offsets(res.Publications))
	}
	limited, err := b.History(context.Background(), "t:limit", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: epoch, Offset: 17}, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint64{18, 19, 20}, offsets(limited.Publications)); diff != "" {
		t.Fatalf("limited history (-want +got):\n%s", diff)
	}
}

func offsets(pubs []hub.Publication) []uint64 {
	var out []uint64
	for _, p := range pubs {
		out = append(out, p.Offset)
	}
	return out
}

func testHistoryTTL(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	opts := hub.PublishOptions{HistorySize: 10, HistoryTTL: 300 * time.Millisecond, MetaTTL: time.Hour}
	positions := publishN(t, b, "t:ttl", 3, opts)
	time.Sleep(600 * time.Millisecond)
	res, err := b.History(context.Background(), "t:ttl", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: positions[0].Epoch}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Publications) != 0 {
		t.Fatalf("history after ttl = %v, want none", offsets(res.Publications))
	}
	// The position outlives the history: offsets continue in the same epoch.
	if res.Top != positions[2] {
		t.Fatalf("top after history ttl = %+v, want %+v", res.Top, positions[2])
	}
	next := publishN(t, b, "t:ttl", 1, opts)[0]
	if next != (hub.StreamPosition{Epoch: positions[0].Epoch, Offset: 4}) {
		t.Fatalf("publish after history ttl = %+v, want offset 4 in the same epoch", next)
	}
}

func testEpochChange(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	opts := hub.PublishOptions{HistorySize: 10, HistoryTTL: 200 * time.Millisecond, MetaTTL: 300 * time.Millisecond}
	before := publishN(t, b, "t:epoch", 3, opts)
	time.Sleep(700 * time.Millisecond)
	after := publishN(t, b, "t:epoch", 1, opts)[0]
	if after.Epoch == before[0].Epoch || after.Offset != 1 {
		t.Fatalf("after meta expiry = %+v, want a new epoch at offset 1 (old %+v)", after, before[2])
	}
	res, err := b.History(context.Background(), "t:epoch", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: after.Epoch}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]uint64{1}, offsets(res.Publications)); diff != "" {
		t.Fatalf("history in the new epoch (-want +got):\n%s", diff)
	}
}

func testHistoryOtherEpoch(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	publishN(t, b, "t:other", 3, opts100)
	res, err := b.History(context.Background(), "t:other", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: "not-this-one", Offset: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Publications) != 0 || res.Top.Offset != 3 {
		t.Fatalf("history for a stale epoch = %v top %+v, want nothing and top 3", offsets(res.Publications), res.Top)
	}
}

func testNoHistory(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	opts := hub.PublishOptions{MetaTTL: time.Hour}
	positions := publishN(t, b, "t:nohist", 3, opts)
	if positions[2].Offset != 3 {
		t.Fatalf("offsets without history = %+v, want 1..3", positions)
	}
	res, err := b.History(context.Background(), "t:nohist", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: positions[0].Epoch}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Publications) != 0 || res.Top != positions[2] {
		t.Fatalf("history without history = %v top %+v", offsets(res.Publications), res.Top)
	}
}

func testConcurrentPublishers(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	rec := newRecorder()
	b.RegisterEventHandler(rec)
	ctx := context.Background()
	if err := b.Subscribe(ctx, "t:conc"); err != nil {
		t.Fatal(err)
	}
	const publishers, each = 8, 50
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []uint64
	errs := make(chan error, publishers)
	for p := range publishers {
		wg.Go(func() {
			for i := range each {
				pos, err := b.Publish(ctx, "t:conc", fmt.Appendf(nil, `{"p":%d,"i":%d}`, p, i), hub.PublishOptions{HistorySize: 1000, HistoryTTL: time.Minute, MetaTTL: time.Hour})
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				got = append(got, pos.Offset)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
	for i, o := range got {
		if o != uint64(i+1) {
			t.Fatalf("offsets from concurrent publishers: position %d has %d (gap or duplicate)", i, o)
		}
	}
	rec.waitFor(t, 5*time.Second, "all live publications", func(r *recorder) bool { return len(r.pubs["t:conc"]) == publishers*each })
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for i, p := range rec.pubs["t:conc"] {
		if p.Offset != uint64(i+1) {
			t.Fatalf("live delivery %d has offset %d: out of order", i, p.Offset)
		}
	}
}

func testIdempotentPublish(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	ctx := context.Background()
	opts := opts100
	opts.IdempotencyKey, opts.IdempotencyTTL = "k1", time.Minute
	first, err := b.Publish(ctx, "t:idem", []byte(`{"a":1}`), opts)
	if err != nil {
		t.Fatal(err)
	}
	again, err := b.Publish(ctx, "t:idem", []byte(`{"a":1}`), opts)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Fatalf("repeated publish = %+v, want the first position %+v", again, first)
	}
	other := opts
	other.IdempotencyKey = "k2"
	second, err := b.Publish(ctx, "t:idem", []byte(`{"a":1}`), other)
	if err != nil {
		t.Fatal(err)
	}
	if second.Offset != first.Offset+1 {
		t.Fatalf("publish with another key = %+v, want offset %d", second, first.Offset+1)
	}
	res, err := b.History(ctx, "t:idem", hub.HistoryQuery{Since: &hub.StreamPosition{Epoch: first.Epoch}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Publications) != 2 {
		t.Fatalf("history has %d publications, want 2", len(res.Publications))
	}
}

// A publish that reaches the broker after its deadline (as one stuck in a
// frozen Redis would) is not done: nothing appended or delivered, the key not
// taken, so the retry with the same key is published, once.
func testLatePublishNotDone(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	rec := newRecorder()
	b.RegisterEventHandler(rec)
	ctx := context.Background()
	if err := b.Subscribe(ctx, "t:late"); err != nil {
		t.Fatal(err)
	}
	opts := opts100
	opts.IdempotencyKey, opts.IdempotencyTTL = "seg-7", time.Minute
	before := publishN(t, b, "t:late", 1, opts100)[0]
	late := opts
	late.Deadline = time.Now().Add(-time.Second)
	if pos, err := b.Publish(ctx, "t:late", []byte(`{"seg":7}`), late); !errors.Is(err, hub.ErrUnavailable) {
		t.Fatalf("late publish = %+v, %v; want ErrUnavailable", pos, err)
	}
	res, err := b.History(ctx, "t:late", hub.HistoryQuery{Since: &before})
	if err != nil {
		t.Fatal(err)
	}
	if res.Top != before || len(res.Publications) != 0 {
		t.Fatalf("after a late publish: top %+v, %d publications; want %+v and none", res.Top, len(res.Publications), before)
	}
	retry := opts
	retry.Deadline = time.Now().Add(time.Minute)
	first, err := b.Publish(ctx, "t:late", []byte(`{"seg":7}`), retry)
	if err != nil || first.Offset != before.Offset+1 {
		t.Fatalf("retry = %+v, %v; want offset %d", first, err, before.Offset+1)
	}
	// A late resend of a publish that was done is answered with its position.
	if again, err := b.Publish(ctx, "t:late", []byte(`{"seg":7}`), late); err != nil || again != first {
		t.Fatalf("late resend of a done publish = %+v, %v; want %+v", again, err, first)
	}
	rec.waitFor(t, 5*time.Second, "live publications", func(r *recorder) bool { return len(r.pubs["t:late"]) >= 2 })
	time.Sleep(100 * time.Millisecond) // a wrongly delivered late publish would show up by now
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var got []string
	for _, p := range rec.pubs["t:late"] {
		got = append(got, fmt.Sprintf("%d %s", p.Offset, p.Data))
	}
	if diff := cmp.Diff([]string{fmt.Sprintf(`%d {"n":1}`, before.Offset), fmt.Sprintf(`%d {"seg":7}`, first.Offset)}, got); diff != "" {
		t.Fatalf("delivered (-want +got):\n%s", diff)
	}
}

func testPresence(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	ctx := context.Background()
	since := time.Unix(1700000000, 0).UTC()
	a := hub.ClientInfo{Client: "c1", User: "u1", Role: "candidate", Since: since}
	c := hub.ClientInfo{Client: "c2", User: "u2", Role: "reviewer", Since: since}
	for _, info := range []hub.ClientInfo{a, c} {
		if err := b.AddPresence(ctx, "t:pres", info, time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	got, err := b.Presence(ctx, "t:pres")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]hub.ClientInfo{a, c}, got); diff != "" {
		t.Fatalf("presence (-want +got):\n%s", diff)
	}
	if err := b.RemovePresence(ctx, "t:pres", "c1"); err != nil {
		t.Fatal(err)
	}
	got, err = b.Presence(ctx, "t:pres")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]hub.ClientInfo{c}, got); diff != "" {
		t.Fatalf("presence after remove (-want +got):\n%s", diff)
	}
}

func testPresenceExpiry(t *testing.T, newBroker brokerFactory) {
	b := newBroker(t)
	ctx := context.Background()
	short := hub.ClientInfo{Client: "gone", User: "u1", Since: time.Unix(1, 0).UTC()}
	long := hub.ClientInfo{Client: "kept", User: "u2", Since: time.Unix(1, 0).UTC()}
	if err := b.AddPresence(ctx, "t:exp", short, 300*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if err := b.AddPresence(ctx, "t:exp", long, time.Minute); err != nil {
		t.Fatal(err)
	}
	// Refreshing keeps an entry alive past its first TTL.
	refreshed := hub.ClientInfo{Client: "refreshed", User: "u3", Since: time.Unix(1, 0).UTC()}
	for range 6 {
		if err := b.AddPresence(ctx, "t:exp", refreshed, 500*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
	}
	got, err := b.Presence(ctx, "t:exp")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]hub.ClientInfo{long, refreshed}, got); diff != "" {
		t.Fatalf("presence after expiry (-want +got):\n%s", diff)
	}
}

func testJoinLeaveControl(t *testing.T, newBroker brokerFactory) {
	a, b := newBroker(t), newBroker(t)
	recA, recB := newRecorder(), newRecorder()
	a.RegisterEventHandler(recA)
	if b != a {
		b.RegisterEventHandler(recB)
	} else {
		recB = recA
	}
	ctx := context.Background()
	for _, br := range []hub.Broker{a, b} {
		if err := br.Subscribe(ctx, "t:jl"); err != nil {
			t.Fatal(err)
		}
	}
	info := hub.ClientInfo{Client: "c9", User: "u9", Role: "agent", Since: time.Unix(5, 0).UTC()}
	if err := a.PublishJoin(ctx, "t:jl", info); err != nil {
		t.Fatal(err)
	}
	if err := a.PublishLeave(ctx, "t:jl", info); err != nil {
		t.Fatal(err)
	}
	if err := a.PublishControl(ctx, []byte(`{"op":"x"}`)); err != nil {
		t.Fatal(err)
	}
	for _, rec := range []*recorder{recA, recB} {
		rec.waitFor(t, 5*time.Second, "join, leave and control", func(r *recorder) bool {
			return len(r.joins["t:jl"]) == 1 && len(r.leaves["t:jl"]) == 1 && len(r.control) == 1
		})
		rec.mu.Lock()
		if diff := cmp.Diff(info, rec.joins["t:jl"][0]); diff != "" {
			t.Errorf("join (-want +got):\n%s", diff)
		}
		rec.mu.Unlock()
	}
}
