package hub_test

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/redistest"
)

// newTestClusterBroker connects a broker to a private Redis Cluster.
func newTestClusterBroker(t *testing.T, c *redistest.Cluster, prefix string, mutate func(*hub.RedisBrokerConfig)) *hub.RedisBroker {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cfg := hub.RedisBrokerConfig{
		Options:     &redis.UniversalOptions{Addrs: c.Addrs(), IsClusterMode: true},
		Prefix:      prefix,
		HealthCheck: 300 * time.Millisecond,
	}
	if mutate != nil {
		mutate(&cfg)
	}
	b, err := hub.NewRedisBroker(ctx, cfg)
	if err != nil {
		t.Fatalf("new cluster broker: %v", err)
	}
	if !b.Clustered() {
		t.Fatal("broker on a cluster does not run in cluster mode")
	}
	t.Cleanup(func() { _ = b.Close(context.Background()) })
	return b
}

// The conformance suite against a 3-master, 3-replica Redis Cluster: the
// same cases as against memory and a single Redis, each on its own prefix,
// with publishes waiting for the replica as the server's default does
// (TestClusterChannelsSpreadOverShards publishes without waiting).
func TestConformanceRedisCluster(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{})
	waitOne := func(cfg *hub.RedisBrokerConfig) { cfg.WaitReplicas = 1 }
	runConformance(t, func(t *testing.T) brokerFactory {
		prefix := testPrefix(t, "")
		return func(t *testing.T) hub.Broker { return newTestClusterBroker(t, c, prefix, waitOne) }
	})
}

// TestClusterChannelsSpreadOverShards: two hub nodes over a 3-master
// cluster, channels whose slots fall on every master, a subscriber per
// channel on each node. Every publish reaches both subscribers; each master
// holds the keys and the shard subscriptions of its own channels only, and
// ran SPUBLISH exactly once per publish on its own channels (none for the
// others'), so a channel's traffic never touches another shard.
func TestClusterChannelsSpreadOverShards(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{})
	ctx := context.Background()
	const prefix = "spread"
	spread := func(cfg *hub.Config) {
		cfg.Namespaces["sp"] = hub.NamespaceConfig{Authorizer: allowAll{}, HistorySize: 100, HistoryTTL: time.Minute}
	}
	a := startHub(t, newTestClusterBroker(t, c, prefix, nil), func(cfg *hub.Config) { spread(cfg); cfg.NodeID = "A" })
	b := startHub(t, newTestClusterBroker(t, c, prefix, nil), func(cfg *hub.Config) { spread(cfg); cfg.NodeID = "B" })

	// Two channels per master.
	byMaster := map[string][]string{}
	masterOf := map[string]string{}
	for i := 0; len(byMaster) < 3 || minLen(byMaster) < 2; i++ {
		if i > 1000 {
			t.Fatalf("channels do not spread over 3 masters: %v", byMaster)
		}
		ch := fmt.Sprintf("sp:%d", i)
		addr, err := c.MasterOf(ctx, prefix+":s:{"+ch+"}")
		if err != nil {
			t.Fatal(err)
		}
		if len(byMaster[addr]) < 2 {
			byMaster[addr] = append(byMaster[addr], ch)
			masterOf[ch] = addr
		}
	}
	masters := make(map[string]*redis.Client)
	for addr := range byMaster {
		cl := redis.NewClient(&redis.Options{Addr: addr})
		t.Cleanup(func() { _ = cl.Close() })
		masters[addr] = cl
		if err := cl.ConfigResetStat(ctx).Err(); err != nil {
			t.Fatal(err)
		}
	}

	type pair struct{ onA, onB *inbox }
	inboxes := map[string]pair{}
	ca, cb := dialClient(t, a.url, "alice"), dialClient(t, b.url, "bob")
	for ch := range masterOf {
		_, onA := subscribe(t, ca, ch, nil)
		_, onB := subscribe(t, cb, ch, nil)
		inboxes[ch] = pair{onA, onB}
	}
	const perChannel = 5
	for ch := range masterOf {
		for i := range perChannel {
			node := a.hub
			if i%2 == 1 {
				node = b.hub
			}
			if _, err := node.Publish(ctx, ch, fmt.Appendf(nil, `{"ch":%q,"i":%d}`, ch, i)); err != nil {
				t.Fatalf("publish on %s: %v", ch, err)
			}
		}
	}
	for ch, p := range inboxes {
		for name, in := range map[string]*inbox{"A": p.onA, "B": p.onB} {
			in.waitMessages(t, perChannel)
			if diff := cmp.Diff(seq(1, perChannel), in.offsets()); diff != "" {
				t.Errorf("%s on node %s (-want +got):\n%s", ch, name, diff)
			}
			for _, m := range in.msgs {
				if !strings.Contains(string(m.Data), fmt.Sprintf("%q", ch)) {
					t.Errorf("%s on node %s got %s", ch, name, m.Data)
				}
			}
		}
	}

	for addr, cl := range masters {
		var own []string
		for ch, m := range masterOf {
			if m == addr {
				own = append(own, prefix+":c:{"+ch+"}")
			}
		}
		sort.Strings(own)
		// The master's shard subscriptions: its own channels, once per hub node.
		chans, err := cl.PubSubShardChannels(ctx, prefix+":*").Result()
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(chans)
		if diff := cmp.Diff(own, chans); diff != "" {
			t.Errorf("shard channels on %s (-want +got):\n%s", addr, diff)
		}
		counts, err := cl.PubSubShardNumSub(ctx, own...).Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range own {
			if counts[ch] != 2 {
				t.Errorf("%s on %s has %d subscribers, want 2 (one per hub node)", ch, addr, counts[ch])
			}
		}
		// Its keys: only its own channels'.
		keys, err := cl.Keys(ctx, prefix+":*").Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			ch := k[strings.Index(k, "{")+1 : strings.Index(k, "}")]
			if masterOf[ch] != addr {
				t.Errorf("key %s of %s is on %s, not its master %s", k, ch, addr, masterOf[ch])
			}
		}
		if len(keys) == 0 {
			t.Errorf("no keys on %s", addr)
		}
		// Its pub/sub traffic: one SPUBLISH per publish on its own channels.
		stats, err := cl.Info(ctx, "commandstats").Result()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := commandCalls(stats, "spublish"), len(own)*perChannel; got != want {
			t.Errorf("%s ran SPUBLISH %d times, want %d (its %d channels × %d publishes)", addr, got, want, len(own), perChannel)
		}
		if got := commandCalls(stats, "publish"); got != 0 {
			t.Errorf("%s ran PUBLISH %d times, want 0 (it is broadcast to every shard)", addr, got)
		}
	}
}

func minLen(m map[string][]string) int {
	n := -1
	for _, v := range m {
		if n < 0 || len(v) < n {
			n = len(v)
		}
	}
	return n
}

// commandCalls reads a command's call count from INFO commandstats.
func commandCalls(stats, cmd string) int {
	for _, line := range strings.Split(stats, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "cmdstat_"+cmd+":calls=")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(rest[:strings.IndexByte(rest, ',')])
		return n
	}
	return 0
}

// The conformance suite against Redis Sentinel (a master, a replica, one
// sentinel): the broker finds the master through the sentinel and waits for
// the replica before acknowledging a publish.
func TestConformanceRedisSentinel(t *testing.T) {
	t.Parallel()
	s := redistest.StartSentinel(t)
	runConformance(t, func(t *testing.T) brokerFactory {
		prefix := testPrefix(t, "")
		return func(t *testing.T) hub.Broker {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			b, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{
				Options:      &redis.UniversalOptions{Addrs: []string{s.Addr()}, MasterName: redistest.SentinelMaster},
				Prefix:       prefix,
				HealthCheck:  300 * time.Millisecond,
				WaitReplicas: 1,
			})
			if err != nil {
				t.Fatalf("new sentinel broker: %v", err)
			}
			if b.Clustered() {
				t.Fatal("broker over Sentinel runs in cluster mode")
			}
			t.Cleanup(func() { _ = b.Close(context.Background()) })
			return b
		}
	})
}
