package redistest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// ClusterOptions shapes a private Redis Cluster.
type ClusterOptions struct {
	// Masters is the number of shards. Default 3.
	Masters int
	// Replicas is the number of replicas per master. Default 1.
	Replicas int
	// NodeTimeout is cluster-node-timeout: how long a master may be
	// unreachable before its replica takes over. Default 1500ms.
	NodeTimeout time.Duration
	// Dir holds one directory per node (nodes.conf, log). Default: a new
	// temporary directory, removed by Close.
	Dir string
	// BasePort, when set, puts node i on BasePort+i and its cluster bus on
	// BasePort+100+i; otherwise every port is a free one.
	BasePort int
}

// Cluster is a private Redis Cluster: redis-server processes with
// cluster-enabled, joined by `redis-cli --cluster create`, on 127.0.0.1,
// keeping nothing on disk but their nodes.conf. Every shard keeps serving
// while another is down (cluster-require-full-coverage no).
type Cluster struct {
	opts   ClusterOptions
	dir    string
	ownDir bool

	mu    sync.Mutex
	nodes []*clusterNode
}

type clusterNode struct {
	port int
	dir  string
	cmd  *exec.Cmd
	done chan struct{}
}

// NodeInfo describes one node as the cluster sees it.
type NodeInfo struct {
	ID     string
	Addr   string // host:port
	Master bool
	// MasterID is the master a replica follows.
	MasterID string
	// Slots is the number of hash slots a master serves.
	Slots int
}

// StartCluster launches a cluster for one test (3 masters with one replica
// each unless opts says otherwise) and kills it at cleanup. Without
// redis-server or redis-cli the test fails under CI=true and skips
// otherwise; a cluster that does not come up fails the test.
func StartCluster(t testing.TB, opts ClusterOptions) *Cluster {
	t.Helper()
	for _, bin := range []string{"redis-server", "redis-cli"} {
		if _, err := exec.LookPath(bin); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not installed under CI: %v", bin, err)
			}
			t.Skipf("%s not installed: %v", bin, err)
		}
	}
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := LaunchCluster(ctx, opts)
	if err != nil {
		t.Fatalf("start redis cluster: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// LaunchCluster starts a cluster and waits until every node reports
// cluster_state:ok and every replica is in sync. Close stops it. It is the
// non-test entry point (cmd/hubbench, scripts/redis-cluster.sh).
func LaunchCluster(ctx context.Context, opts ClusterOptions) (*Cluster, error) {
	opts.Masters = cmpOr(opts.Masters, 3)
	opts.Replicas = cmpOr(opts.Replicas, 1)
	if opts.Replicas < 0 {
		opts.Replicas = 0
	}
	opts.NodeTimeout = cmpOr(opts.NodeTimeout, 1500*time.Millisecond)
	c := &Cluster{opts: opts, dir: opts.Dir}
	if c.dir == "" {
		d, err := os.MkdirTemp("", "redis-cluster-")
		if err != nil {
			return nil, err
		}
		c.dir, c.ownDir = d, true
	}
	total := opts.Masters * (1 + opts.Replicas)
	for i := range total {
		if err := c.startNode(ctx, i); err != nil {
			c.Close()
			return nil, err
		}
	}
	args := []string{"--cluster", "create"}
	for _, n := range c.nodes {
		args = append(args, fmt.Sprintf("127.0.0.1:%d", n.port))
	}
	args = append(args, "--cluster-replicas", strconv.Itoa(opts.Replicas), "--cluster-yes")
	out, err := exec.CommandContext(ctx, "redis-cli", args...).CombinedOutput()
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("redis-cli --cluster create: %v: %s", err, out)
	}
	if err := c.WaitHealthy(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (c *Cluster) startNode(ctx context.Context, i int) error {
	var lastErr error
	for range 3 { // a free port can be taken between probing and binding
		port, bus := c.opts.BasePort+i, c.opts.BasePort+100+i
		if c.opts.BasePort == 0 {
			var err error
			if port, err = freePort(); err != nil {
				return err
			}
			if bus, err = freePort(); err != nil {
				return err
			}
		}
		dir := filepath.Join(c.dir, strconv.Itoa(port))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		cmd := exec.Command("redis-server",
			"--port", strconv.Itoa(port), "--bind", "127.0.0.1",
			"--cluster-enabled", "yes", "--cluster-port", strconv.Itoa(bus),
			"--cluster-config-file", filepath.Join(dir, "nodes.conf"),
			"--cluster-node-timeout", strconv.FormatInt(c.opts.NodeTimeout.Milliseconds(), 10),
			"--cluster-require-full-coverage", "no",
			"--cluster-replica-validity-factor", "0",
			"--save", "", "--appendonly", "no", "--dir", dir,
			"--logfile", filepath.Join(dir, "redis.log"))
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("start redis-server: %w", err)
		}
		n := &clusterNode{port: port, dir: dir, cmd: cmd, done: make(chan struct{})}
		go func() {
			_ = cmd.Wait()
			close(n.done)
		}()
		if lastErr = waitPing(ctx, n); lastErr == nil {
			c.mu.Lock()
			c.nodes = append(c.nodes, n)
			c.mu.Unlock()
			return nil
		}
		_ = cmd.Process.Kill()
		<-n.done
	}
	return fmt.Errorf("redis-server node %d: %w", i, lastErr)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func waitPing(ctx context.Context, n *clusterNode) error {
	cl := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", n.port)})
	defer cl.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case <-n.done:
			log, _ := os.ReadFile(filepath.Join(n.dir, "redis.log"))
			return fmt.Errorf("exited on port %d: %s", n.port, lastLines(string(log), 5))
		default:
		}
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		err := cl.Ping(pctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("port %d not answering: %w", n.port, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// WaitHealthy waits until every live node reports cluster_state:ok with all
// slots served, agrees on which nodes are masters, and every replica's link
// to its master is up.
func (c *Cluster) WaitHealthy(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	var why error
	for {
		if why = c.healthy(ctx); why == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis cluster not healthy: %w", why)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (c *Cluster) healthy(ctx context.Context) error {
	var masters string
	for _, addr := range c.LiveAddrs() {
		cl := redis.NewClient(&redis.Options{Addr: addr})
		info, err := cl.ClusterInfo(ctx).Result()
		if err == nil && !strings.Contains(info, "cluster_state:ok") || err == nil && !strings.Contains(info, "cluster_slots_ok:16384") {
			err = fmt.Errorf("%s: cluster info %q", addr, firstLines(info, 3))
		}
		var nodes []NodeInfo
		if err == nil {
			nodes, err = nodesOf(ctx, cl)
		}
		var repl string
		if err == nil {
			repl, err = cl.Info(ctx, "replication").Result()
		}
		_ = cl.Close()
		if err != nil {
			return err
		}
		if strings.Contains(repl, "role:slave") && !strings.Contains(repl, "master_link_status:up") {
			return fmt.Errorf("%s: replica link down", addr)
		}
		var ms []string
		for _, n := range nodes {
			if n.Master && n.Slots > 0 {
				ms = append(ms, n.ID)
			}
		}
		key := strings.Join(sortedCopy(ms), ",")
		if masters != "" && key != masters {
			return fmt.Errorf("%s: nodes disagree on masters", addr)
		}
		masters = key
	}
	return nil
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], " ")
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// nodesOf parses CLUSTER NODES as seen by cl, leaving out failed nodes.
func nodesOf(ctx context.Context, cl *redis.Client) ([]NodeInfo, error) {
	raw, err := cl.ClusterNodes(ctx).Result()
	if err != nil {
		return nil, err
	}
	var out []NodeInfo
	for _, line := range strings.Split(strings.TrimSpace(raw), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 || strings.Contains(f[2], "fail") || strings.Contains(f[2], "noaddr") {
			continue
		}
		addr, _, _ := strings.Cut(f[1], "@")
		n := NodeInfo{ID: f[0], Addr: addr, Master: strings.Contains(f[2], "master")}
		if f[3] != "-" {
			n.MasterID = f[3]
		}
		for _, r := range f[8:] {
			if strings.HasPrefix(r, "[") {
				continue // a slot being imported or migrated
			}
			lo, hi, isRange := strings.Cut(r, "-")
			a, err1 := strconv.Atoi(lo)
			b := a
			var err2 error
			if isRange {
				b, err2 = strconv.Atoi(hi)
			}
			if err1 == nil && err2 == nil {
				n.Slots += b - a + 1
			}
		}
		out = append(out, n)
	}
	return out, nil
}

// Nodes returns the cluster's live nodes as one live node sees them.
func (c *Cluster) Nodes(ctx context.Context) ([]NodeInfo, error) {
	var lastErr error = errors.New("no live node")
	for _, addr := range c.LiveAddrs() {
		cl := redis.NewClient(&redis.Options{Addr: addr})
		nodes, err := nodesOf(ctx, cl)
		_ = cl.Close()
		if err == nil {
			return nodes, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// MasterOf returns the address of the master serving key's hash slot.
func (c *Cluster) MasterOf(ctx context.Context, key string) (string, error) {
	cl := c.Client()
	defer cl.Close()
	node, err := cl.MasterForKey(ctx, key)
	if err != nil {
		return "", err
	}
	return node.Options().Addr, nil
}

// Addrs returns every node's host:port, killed ones included.
func (c *Cluster) Addrs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, len(c.nodes))
	for i, n := range c.nodes {
		out[i] = fmt.Sprintf("127.0.0.1:%d", n.port)
	}
	return out
}

// LiveAddrs returns the host:port of every node not killed.
func (c *Cluster) LiveAddrs() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, n := range c.nodes {
		select {
		case <-n.done:
		default:
			out = append(out, fmt.Sprintf("127.0.0.1:%d", n.port))
		}
	}
	return out
}

// URL is the cluster in REDIS_URL's cluster form:
// redis-cluster://host:port,host:port,...
func (c *Cluster) URL() string { return "redis-cluster://" + strings.Join(c.Addrs(), ",") }

// Client returns a new cluster client; the caller closes it.
func (c *Cluster) Client() *redis.ClusterClient {
	return redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs()})
}

// Kill stops the node at addr at once (SIGKILL) and waits for it to exit.
func (c *Cluster) Kill(addr string) error {
	c.mu.Lock()
	var node *clusterNode
	for _, n := range c.nodes {
		if fmt.Sprintf("127.0.0.1:%d", n.port) == addr {
			node = n
		}
	}
	c.mu.Unlock()
	if node == nil {
		return fmt.Errorf("no node at %s", addr)
	}
	_ = node.cmd.Process.Kill()
	<-node.done
	return nil
}

// WaitMasters waits until the live nodes agree on exactly n masters serving
// every slot (e.g. after a failover), then until replicas are in sync.
func (c *Cluster) WaitMasters(ctx context.Context, n int) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		nodes, err := c.Nodes(ctx)
		if err == nil {
			masters, slots := 0, 0
			for _, nd := range nodes {
				if nd.Master && nd.Slots > 0 {
					masters++
					slots += nd.Slots
				}
			}
			if masters == n && slots == 16384 {
				return c.WaitHealthy(ctx)
			}
			err = fmt.Errorf("%d masters serve %d slots", masters, slots)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("waiting for %d masters: %w", n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Close kills every node and removes the directory if Launch made it.
func (c *Cluster) Close() {
	c.mu.Lock()
	nodes := c.nodes
	c.nodes = nil
	c.mu.Unlock()
	for _, n := range nodes {
		_ = n.cmd.Process.Kill()
	}
	for _, n := range nodes {
		<-n.done
	}
	if c.ownDir {
		_ = os.RemoveAll(c.dir)
	}
}

// MoveSlot migrates the hash slot holding key, with its keys, to the master
// at toAddr, the way redis-cli --cluster reshard does: IMPORTING on the
// target, MIGRATING on the source, MIGRATE of every key, then SETSLOT NODE
// on both and the other masters.
func (c *Cluster) MoveSlot(ctx context.Context, key, toAddr string) error {
	nodes, err := c.Nodes(ctx)
	if err != nil {
		return err
	}
	from, err := c.MasterOf(ctx, key)
	if err != nil {
		return err
	}
	if from == toAddr {
		return fmt.Errorf("slot of %s is already on %s", key, toAddr)
	}
	ids := map[string]string{}
	for _, n := range nodes {
		ids[n.Addr] = n.ID
	}
	if ids[toAddr] == "" || ids[from] == "" {
		return fmt.Errorf("unknown node %s or %s", from, toAddr)
	}
	src := redis.NewClient(&redis.Options{Addr: from})
	defer src.Close()
	dst := redis.NewClient(&redis.Options{Addr: toAddr})
	defer dst.Close()
	slot, err := src.ClusterKeySlot(ctx, key).Result()
	if err != nil {
		return err
	}
	if err := dst.Do(ctx, "cluster", "setslot", slot, "importing", ids[from]).Err(); err != nil {
		return fmt.Errorf("importing: %w", err)
	}
	if err := src.Do(ctx, "cluster", "setslot", slot, "migrating", ids[toAddr]).Err(); err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	host, port, _ := net.SplitHostPort(toAddr)
	for {
		keys, err := src.ClusterGetKeysInSlot(ctx, int(slot), 100).Result()
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			break
		}
		args := []any{"migrate", host, port, "", 0, 5000, "KEYS"}
		for _, k := range keys {
			args = append(args, k)
		}
		if err := src.Do(ctx, args...).Err(); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	// The target first, then the source (which drops the slot's shard
	// channel subscribers), then everyone else.
	order := []string{toAddr, from}
	for _, n := range nodes {
		if n.Master && n.Addr != toAddr && n.Addr != from {
			order = append(order, n.Addr)
		}
	}
	for _, addr := range order {
		cl := redis.NewClient(&redis.Options{Addr: addr})
		err := cl.Do(ctx, "cluster", "setslot", slot, "node", ids[toAddr]).Err()
		_ = cl.Close()
		if err != nil {
			return fmt.Errorf("setslot node on %s: %w", addr, err)
		}
	}
	return nil
}

// ReplicaOf returns the address of a replica of the master at addr.
func (c *Cluster) ReplicaOf(ctx context.Context, addr string) (string, error) {
	nodes, err := c.Nodes(ctx)
	if err != nil {
		return "", err
	}
	id := ""
	for _, n := range nodes {
		if n.Addr == addr {
			id = n.ID
		}
	}
	for _, n := range nodes {
		if id != "" && n.MasterID == id {
			return n.Addr, nil
		}
	}
	return "", fmt.Errorf("no replica of %s", addr)
}
