package redistest_test

import (
	"context"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestClusterStartsAndFailsOver: the helper builds 3 masters with one
// replica each, and after a master is killed its replica takes over.
func TestClusterStartsAndFailsOver(t *testing.T) {
	t.Parallel()
	c := redistest.StartCluster(t, redistest.ClusterOptions{NodeTimeout: time.Second})
	ctx := context.Background()
	nodes, err := c.Nodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	masters, replicas := 0, 0
	for _, n := range nodes {
		switch {
		case n.Master && n.Slots > 0:
			masters++
		case !n.Master && n.MasterID != "":
			replicas++
		}
	}
	if masters != 3 || replicas != 3 {
		t.Fatalf("nodes %+v: %d masters, %d replicas; want 3 and 3", nodes, masters, replicas)
	}
	cl := c.Client()
	defer cl.Close()
	// Replication is asynchronous: a write the master acknowledged can die
	// with it. WAIT (on the connection that wrote) until its replica has it,
	// so that the replica taking over must serve it.
	node, err := cl.MasterForKey(ctx, "k{a}")
	if err != nil {
		t.Fatal(err)
	}
	conn := node.Conn()
	if err := conn.Set(ctx, "k{a}", "v", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if n, err := conn.Wait(ctx, 1, 10*time.Second).Result(); err != nil || n < 1 {
		t.Fatalf("WAIT for the replica: %d, %v", n, err)
	}
	_ = conn.Close()
	victim, err := c.MasterOf(ctx, "k{a}")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Kill(victim); err != nil {
		t.Fatal(err)
	}
	if err := c.WaitMasters(ctx, 3); err != nil {
		t.Fatal(err)
	}
	after, err := c.MasterOf(ctx, "k{a}")
	if err != nil || after == victim {
		t.Fatalf("master of k{a} after the kill = %s, %v; want another than %s", after, err, victim)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		v, err := cl.Get(ctx, "k{a}").Result()
		if err == nil {
			if v != "v" {
				t.Fatalf("k{a} = %q after failover", v)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("k{a} unreadable after failover: %v", err)
		}
		cl.ReloadState(ctx) // a cluster client learns of a failover only when told to look
		time.Sleep(50 * time.Millisecond)
	}
}
