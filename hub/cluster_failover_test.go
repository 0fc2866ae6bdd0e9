package hub_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestClusterMasterFailoverNeverSilent: two hub nodes over a 3-master,
// 3-replica cluster (brokers waiting for one replica before acknowledging),
// two channels per master, a subscriber of every channel on each node, and a
// publisher per channel sending keyed publications without pause. One
// master is killed (SIGKILL) mid-stream. While its replica is not yet
// promoted, publishes on its channels answer unavailable (and the
// publishers' resends with the same key go through afterwards). In the end
// every subscriber has every acknowledged publication of its channel exactly
// once, or was told recovered:false; the other shards' subscribers lose
// nothing and are never reset.
func TestClusterMasterFailoverNeverSilent(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{NodeTimeout: time.Second})
	f, victim := clusterFailover(t, c)
	f.kill = func(t *testing.T, _ func(string) int) {
		if err := c.Kill(victim); err != nil {
			t.Fatal(err)
		}
	}
	f.run(t)
}

// TestClusterFailoverLosingHistoryResets: as above, but the dying master's
// replica was cut off first (its replication link closed, its masterauth
// wrong so that it cannot reconnect). The master, with no replica connected,
// goes on acknowledging publications the replica never gets; then it is
// killed and the stale replica takes over. Every subscriber of the dead
// master's channels had received publications that are gone: each is told
// recovered:false; the other shards' subscribers lose nothing.
func TestClusterFailoverLosingHistoryResets(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{NodeTimeout: time.Second})
	f, victim := clusterFailover(t, c)
	f.historyLost = true
	f.kill = func(t *testing.T, acked func(string) int) {
		ctx := context.Background()
		replica, err := c.ReplicaOf(ctx, victim)
		if err != nil {
			t.Fatal(err)
		}
		rc := redis.NewClient(&redis.Options{Addr: replica})
		defer rc.Close()
		mc := redis.NewClient(&redis.Options{Addr: victim})
		defer mc.Close()
		if err := rc.ConfigSet(ctx, "masterauth", "not-the-password").Err(); err != nil {
			t.Fatal(err)
		}
		if err := mc.ClientKillByFilter(ctx, "TYPE", "replica").Err(); err != nil {
			t.Fatal(err)
		}
		eventually(t, 10*time.Second, "the master without its replica", func() bool {
			info, err := mc.Info(ctx, "replication").Result()
			return err == nil && strings.Contains(info, "connected_slaves:0")
		})
		// Publications acknowledged from now on exist only on the master.
		cut := map[string]int{}
		for ch, affected := range f.affected {
			if affected {
				cut[ch] = acked(ch)
			}
		}
		eventually(t, 20*time.Second, "publications the replica does not get, on each of the master's channels", func() bool {
			for ch, n := range cut {
				if acked(ch) < n+3 {
					return false
				}
			}
			return true
		})
		if err := c.Kill(victim); err != nil {
			t.Fatal(err)
		}
	}
	f.run(t)
}

// clusterFailover prepares a failover test on c: two channels per master,
// a probe channel on the master that will die, which it returns.
func clusterFailover(t *testing.T, c *redistest.Cluster) (failover, string) {
	ctx := context.Background()
	const prefix = "failover"
	waitOne := func(cfg *hub.RedisBrokerConfig) { cfg.WaitReplicas = 1 }
	// Two channels per master, and one more (never subscribed) on each to
	// probe publishing.
	masterOf := map[string]string{}
	perMaster := map[string]int{}
	probe := map[string]string{}
	for i := 0; len(masterOf) < 6 || len(probe) < 3; i++ {
		if i > 1000 {
			t.Fatalf("channels do not spread over 3 masters: %v", masterOf)
		}
		ch := fmt.Sprintf("fo:%d", i)
		addr, err := c.MasterOf(ctx, prefix+":s:{"+ch+"}")
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case perMaster[addr] < 2:
			perMaster[addr]++
			masterOf[ch] = addr
		case probe[addr] == "":
			probe[addr] = ch
		}
	}
	victim := ""
	for addr := range perMaster {
		victim = addr
		break
	}
	f := failover{
		newBroker: func(t *testing.T) hub.Broker { return newTestClusterBroker(t, c, prefix, waitOne) },
		affected:  map[string]bool{},
		probe:     probe[victim],
		recovered: func(t *testing.T) {
			if err := c.WaitMasters(ctx, 3); err != nil {
				t.Fatal(err)
			}
		},
	}
	for ch, m := range masterOf {
		f.channels = append(f.channels, ch)
		f.affected[ch] = m == victim
	}
	return f, victim
}

// TestSentinelFailoverNeverSilent: the same with Redis Sentinel: the master
// is killed, the sentinel promotes the replica, the brokers find it.
func TestSentinelFailoverNeverSilent(t *testing.T) {
	t.Parallel()
	s := redistest.StartSentinel(t)
	f := failover{
		newBroker: func(t *testing.T) hub.Broker {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			b, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{
				Options: &redis.UniversalOptions{Addrs: []string{s.Addr()}, MasterName: redistest.SentinelMaster},
				Prefix:  "failover", HealthCheck: 300 * time.Millisecond, WaitReplicas: 1,
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = b.Close(context.Background()) })
			return b
		},
		channels: []string{"fo:1", "fo:2", "fo:3"},
		affected: map[string]bool{"fo:1": true, "fo:2": true, "fo:3": true},
		probe:    "fo:probe",
		kill:     func(*testing.T, func(string) int) { s.Master.Kill() },
		recovered: func(t *testing.T) {
			sc := redis.NewSentinelClient(&redis.Options{Addr: s.Addr()})
			defer sc.Close()
			eventually(t, 30*time.Second, "the sentinel promoting the replica", func() bool {
				addr, err := sc.GetMasterAddrByName(context.Background(), redistest.SentinelMaster).Result()
				return err == nil && len(addr) == 2 && "127.0.0.1:"+addr[1] == s.Replica.Addr()
			})
		},
	}
	f.run(t)
}

// failover is a master failover under steady keyed publishing, watched by a
// subscriber of every channel on each of two hub nodes.
type failover struct {
	newBroker func(t *testing.T) hub.Broker
	channels  []string
	affected  map[string]bool // channels on the master that dies
	probe     string          // an unsubscribed channel on that master
	// kill kills the master; acked tells how many publications a channel's
	// publisher has had acknowledged so far.
	kill      func(t *testing.T, acked func(ch string) int)
	recovered func(t *testing.T) // returns once a replica has taken over
	// historyLost: the replica that takes over lacks publications every
	// subscriber of the dead master's channels received.
	historyLost bool
}

func (f failover) run(t *testing.T) {
	ctx := context.Background()
	ns := func(cfg *hub.Config) {
		cfg.Namespaces["fo"] = hub.NamespaceConfig{Authorizer: allowAll{}, HistorySize: 1000, HistoryTTL: time.Minute}
	}
	a := startHub(t, f.newBroker(t), func(cfg *hub.Config) { ns(cfg); cfg.NodeID = "A" })
	b := startHub(t, f.newBroker(t), func(cfg *hub.Config) { ns(cfg); cfg.NodeID = "B" })
	type sub struct {
		node, ch string
		in       *inbox
	}
	var subs []sub
	ca, cb := dialClient(t, a.url, "reader-a"), dialClient(t, b.url, "reader-b")
	for _, ch := range f.channels {
		_, onA := subscribe(t, ca, ch, nil)
		_, onB := subscribe(t, cb, ch, nil)
		subs = append(subs, sub{"A", ch, onA}, sub{"B", ch, onB})
	}

	// Publishers: keyed, resent by the client until acknowledged.
	var mu sync.Mutex
	acked := map[string][]int{} // channel -> acknowledged sequence numbers
	stop := make(chan struct{})
	var wg sync.WaitGroup
	pubErr := make(chan error, len(f.channels))
	for n, ch := range f.channels {
		url := a.url
		if n%2 == 1 {
			url = b.url
		}
		pub := dialClient(t, url, "writer-"+ch)
		wg.Go(func() {
			for i := 1; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				_, err := pub.PublishWithKey(pctx, ch, fmt.Sprintf("k%d", i), fmt.Appendf(nil, `{"i":%d}`, i))
				cancel()
				if err != nil {
					pubErr <- fmt.Errorf("publish %d on %s: %w", i, ch, err)
					return
				}
				mu.Lock()
				acked[ch] = append(acked[ch], i)
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		})
	}
	t.Cleanup(func() {
		select {
		case <-stop:
		default:
			close(stop)
		}
		wg.Wait()
	})
	ackedAtLeast := func(what string, d time.Duration, want func(ch string) int) {
		t.Helper()
		eventually(t, d, what, func() bool {
			mu.Lock()
			defer mu.Unlock()
			for _, ch := range f.channels {
				if len(acked[ch]) < want(ch) {
					return false
				}
			}
			return true
		})
	}
	ackedAtLeast("publishing on every channel", 20*time.Second, func(string) int { return 20 })

	f.kill(t, func(ch string) int {
		mu.Lock()
		defer mu.Unlock()
		return len(acked[ch])
	})
	killed := time.Now()
	mu.Lock()
	before := map[string]int{}
	for _, ch := range f.channels {
		before[ch] = len(acked[ch])
	}
	mu.Unlock()
	// The dead master's channels cannot be published on until a replica
	// takes over; then they can.
	refused := 0
	var again time.Duration
	for again == 0 {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := a.hub.Publish(pctx, f.probe, []byte(`{"probe":1}`))
		cancel()
		switch {
		case errors.Is(err, hub.ErrUnavailable):
			refused++
			time.Sleep(20 * time.Millisecond)
		case err != nil:
			t.Fatalf("probe publish on the dead master: %v, want ErrUnavailable", err)
		case refused == 0 && time.Since(killed) > 10*time.Second:
			t.Fatal("publishes on the dead master's channels kept succeeding")
		case refused > 0:
			again = time.Since(killed)
		}
		if time.Since(killed) > 45*time.Second {
			t.Fatalf("no publish on the dead master's channels succeeded in 45 s (%d refused)", refused)
		}
	}
	f.recovered(t)
	t.Logf("publishing on the dead master's channels again %s after the kill (%d probes refused meanwhile); failover settled %s after it",
		again.Round(time.Millisecond), refused, time.Since(killed).Round(time.Millisecond))
	// Every channel, the dead master's included, makes progress again.
	ackedAtLeast("publishing after the failover", 30*time.Second, func(ch string) int { return before[ch] + 20 })
	close(stop)
	wg.Wait()
	close(pubErr)
	for err := range pubErr {
		t.Fatal(err)
	}

	resets := 0
	for _, s := range subs {
		mu.Lock()
		want := append([]int(nil), acked[s.ch]...)
		mu.Unlock()
		last := want[len(want)-1]
		s.in.wait(t, fmt.Sprintf("%s on %s: publication %d", s.ch, s.node, last), func(in *inbox) bool {
			for _, m := range in.msgs {
				if seqOf(t, m.Data) == last {
					return true
				}
			}
			return false
		})
		s.in.mu.Lock()
		count := map[int]int{}
		for _, m := range s.in.msgs {
			count[seqOf(t, m.Data)]++
		}
		reset := false
		for _, ev := range s.in.events[1:] {
			reset = reset || !ev.Recovered
		}
		// The Redis that took over forked the dead master's channels into new
		// epochs (continuing their offsets); the others kept theirs.
		first, final := s.in.msgs[0].Position.Epoch, s.in.msgs[len(s.in.msgs)-1].Position.Epoch
		s.in.mu.Unlock()
		if forked := first != final; forked != f.affected[s.ch] {
			t.Errorf("%s on %s: epoch %s at the start, %s at the end; want a fork exactly on the dead master's channels", s.ch, s.node, first, final)
		}
		if f.historyLost && f.affected[s.ch] && !reset {
			t.Errorf("%s on %s: history lost with the master, but the subscriber was not told recovered:false", s.ch, s.node)
		}
		if reset {
			resets++
			if !f.affected[s.ch] {
				t.Errorf("%s on %s (a surviving master) was reset", s.ch, s.node)
			}
			continue
		}
		for _, i := range want {
			if count[i] != 1 {
				t.Errorf("%s on %s: acknowledged publication %d delivered %d times, no reset announced", s.ch, s.node, i, count[i])
			}
		}
		for i, k := range count {
			if k > 1 {
				t.Errorf("%s on %s: publication %d delivered %d times, no reset announced", s.ch, s.node, i, k)
			}
		}
	}
	t.Logf("%d of %d subscribers told recovered:false", resets, len(subs))
}

func seqOf(t *testing.T, data []byte) int {
	t.Helper()
	var v struct{ I int }
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("bad message %s: %v", data, err)
	}
	return v.I
}

// TestRedisTakeoverForksEpoch makes a private Redis look like a replica
// promoted without the channel's last two publications (offset 3 of 5, and
// another replication id), then publishes again. The new publication gets a
// new epoch continuing the offsets (4), never a reused offset in the old
// epoch: the live subscriber that saw 4 and 5 is told recovered:false; a
// client coming back from offset 3 recovers (recovered:true, nothing lost);
// one coming back from 5 is told recovered:false.
func TestRedisTakeoverForksEpoch(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	ts := startHub(t, newTestRedisBroker(t, rds.URL(), "takeover"), nil)
	live := dialClient(t, ts.url, "alice")
	_, onLive := subscribe(t, live, "room:tk", nil)
	pos := mustPublish(t, ts.hub, "room:tk", 5)
	onLive.waitMessages(t, 5)

	ctx := context.Background()
	raw := redis.NewClient(&redis.Options{Addr: rds.Addr()})
	defer raw.Close()
	stream, meta := "takeover:s:{room:tk}", "takeover:m:{room:tk}"
	kept, err := raw.XRange(ctx, stream, "-", "3-0").Result()
	if err != nil || len(kept) != 3 {
		t.Fatalf("stream up to 3: %v, %v", kept, err)
	}
	if err := raw.Del(ctx, stream).Err(); err != nil {
		t.Fatal(err)
	}
	for _, e := range kept {
		if err := raw.XAdd(ctx, &redis.XAddArgs{Stream: stream, ID: e.ID, Values: e.Values}).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if err := raw.HSet(ctx, meta, "o", 3, "w", "the-old-master").Err(); err != nil {
		t.Fatal(err)
	}

	next := mustPublish(t, ts.hub, "room:tk", 1)[0]
	if next.Epoch == pos[0].Epoch || next.Offset != 4 {
		t.Fatalf("publication after the takeover = %+v, want offset 4 in a new epoch (old %s)", next, pos[0].Epoch)
	}
	onLive.wait(t, "the reset and the new publication", func(in *inbox) bool {
		return len(in.events) == 2 && in.msgs[len(in.msgs)-1].Position == next
	})
	if ev := onLive.events[1]; ev.Recovered {
		t.Fatalf("live subscriber that saw offsets 4 and 5 of the lost epoch: %+v, want recovered:false", ev)
	}

	_, from3 := subscribe(t, dialClient(t, ts.url, "bob"), "room:tk", &pos[2])
	from3.waitMessages(t, 1)
	if ev := from3.events[0]; !ev.Recovered {
		t.Fatalf("resubscribe from offset 3 = %+v, want recovered:true", ev)
	}
	if got := from3.msgs; len(got) != 1 || got[0].Position != next {
		t.Fatalf("resubscribe from 3 got %+v, want only %+v", got, next)
	}
	_, from5 := subscribe(t, dialClient(t, ts.url, "carol"), "room:tk", &pos[4])
	if ev := from5.events[0]; ev.Recovered {
		t.Fatalf("resubscribe from offset 5 = %+v, want recovered:false", ev)
	}
}

// TestClusterSlotMigrationFollowed moves a channel's hash slot, keys and
// all, to another master while a publisher sends keyed publications and a
// subscriber on each of two hub nodes listens. Redis drops the shard
// channel's subscribers on the old master; both nodes follow the channel to
// the new one. Every acknowledged publication arrives exactly once and no
// one is reset: a migration loses nothing.
func TestClusterSlotMigrationFollowed(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{})
	ctx := context.Background()
	const prefix, ch = "migrate", "fo:moving"
	ns := func(cfg *hub.Config) {
		cfg.Namespaces["fo"] = hub.NamespaceConfig{Authorizer: allowAll{}, HistorySize: 1000, HistoryTTL: time.Minute}
	}
	waitOne := func(cfg *hub.RedisBrokerConfig) { cfg.WaitReplicas = 1 }
	a := startHub(t, newTestClusterBroker(t, c, prefix, waitOne), func(cfg *hub.Config) { ns(cfg); cfg.NodeID = "A" })
	b := startHub(t, newTestClusterBroker(t, c, prefix, waitOne), func(cfg *hub.Config) { ns(cfg); cfg.NodeID = "B" })
	_, onA := subscribe(t, dialClient(t, a.url, "reader-a"), ch, nil)
	_, onB := subscribe(t, dialClient(t, b.url, "reader-b"), ch, nil)

	pub := dialClient(t, a.url, "writer")
	var mu sync.Mutex
	var acked []int
	stop := make(chan struct{})
	pubErr := make(chan error, 1)
	go func() {
		defer close(pubErr)
		for i := 1; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			_, err := pub.PublishWithKey(pctx, ch, fmt.Sprintf("k%d", i), fmt.Appendf(nil, `{"i":%d}`, i))
			cancel()
			if err != nil {
				pubErr <- fmt.Errorf("publish %d: %w", i, err)
				return
			}
			mu.Lock()
			acked = append(acked, i)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
		}
	}()
	ackedAtLeast := func(n int) {
		t.Helper()
		eventually(t, 30*time.Second, fmt.Sprintf("%d acknowledged publications", n), func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(acked) >= n
		})
	}
	ackedAtLeast(20)

	key := prefix + ":s:{" + ch + "}"
	from, err := c.MasterOf(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := c.Nodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	to := ""
	for _, n := range nodes {
		if n.Master && n.Addr != from {
			to = n.Addr
			break
		}
	}
	if err := c.MoveSlot(ctx, key, to); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	moved := len(acked)
	mu.Unlock()
	ackedAtLeast(moved + 20)
	close(stop)
	if err := <-pubErr; err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	want := append([]int(nil), acked...)
	mu.Unlock()
	last := want[len(want)-1]
	for name, in := range map[string]*inbox{"A": onA, "B": onB} {
		in.wait(t, fmt.Sprintf("node %s: publication %d", name, last), func(in *inbox) bool {
			return len(in.msgs) > 0 && seqOf(t, in.msgs[len(in.msgs)-1].Data) == last
		})
		in.mu.Lock()
		count := map[int]int{}
		for _, m := range in.msgs {
			count[seqOf(t, m.Data)]++
		}
		for _, ev := range in.events[1:] {
			if !ev.Recovered {
				t.Errorf("node %s: reset by a slot migration: %+v", name, in.events)
			}
		}
		in.mu.Unlock()
		for _, i := range want {
			if count[i] != 1 {
				t.Errorf("node %s: acknowledged publication %d delivered %d times", name, i, count[i])
			}
		}
		if len(count) != len(want) {
			t.Errorf("node %s: %d distinct publications, %d acknowledged", name, len(count), len(want))
		}
	}
	// Both nodes now listen on the new master only.
	shardCh := prefix + ":c:{" + ch + "}"
	for addr, wantSubs := range map[string]int64{to: 2, from: 0} {
		cl := redis.NewClient(&redis.Options{Addr: addr})
		eventually(t, 10*time.Second, fmt.Sprintf("%d shard subscribers on %s", wantSubs, addr), func() bool {
			n, err := cl.PubSubShardNumSub(ctx, shardCh).Result()
			return err == nil && n[shardCh] == wantSubs
		})
		_ = cl.Close()
	}
}
