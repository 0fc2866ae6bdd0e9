package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisDeployment is a private Redis the benchmark started: one redis-server
// (single) or a Redis Cluster of masters and their replicas, each process
// optionally pinned to CPUs with taskset. It keeps nothing on disk beyond a
// temporary directory removed by stop.
type redisDeployment struct {
	mode     string   // single | cluster
	masters  []string // host:port of the masters (the one server for single)
	replicas []string
	dir      string
	procs    []*exec.Cmd
	waits    []chan struct{}
	log      *slog.Logger
}

// redisLayout says what to start.
type redisLayout struct {
	mode     string // single | cluster
	masters  int    // cluster: number of masters (≥ 3)
	replicas int    // cluster: replicas per master
	cpus     string // taskset CPU list for every Redis process ("" = no pinning)
}

// startRedis launches the deployment and waits until it serves (for a
// cluster: every slot covered, cluster_state:ok on every node). The ports
// are free when picked but not reserved: another process (a test running
// beside us, or an outgoing connection given that port) can take one, or
// a cluster's bus port, before redis-server binds it, and redis-server
// then exits at once. So a deployment whose process exits before it
// answers is started again on other ports, up to redisStartAttempts times.
func startRedis(ctx context.Context, l redisLayout, logger *slog.Logger) (*redisDeployment, error) {
	var err error
	for attempt := 1; attempt <= redisStartAttempts; attempt++ {
		var d *redisDeployment
		if d, err = startRedisOnce(ctx, l, logger); err == nil || !errors.Is(err, errRedisExited) {
			return d, err
		}
		logger.Warn("redis exited on start, starting again on other ports", "attempt", attempt, "error", err)
	}
	return nil, err
}

// redisStartAttempts bounds how often startRedis starts a deployment whose
// process exited before answering.
const redisStartAttempts = 3

// errRedisExited: a redis-server process ended before it answered a PING.
var errRedisExited = errors.New("redis-server exited before answering")

func startRedisOnce(ctx context.Context, l redisLayout, logger *slog.Logger) (*redisDeployment, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, fmt.Errorf("redis-server not installed: %w", err)
	}
	n := 1
	if l.mode == "cluster" {
		if l.masters < 3 {
			return nil, fmt.Errorf("a Redis Cluster needs at least 3 masters, not %d", l.masters)
		}
		n = l.masters * (1 + l.replicas)
	}
	dir, err := os.MkdirTemp("", "hubbench-redis-")
	if err != nil {
		return nil, err
	}
	d := &redisDeployment{mode: l.mode, dir: dir, log: logger}
	ports, err := freePorts(n, l.mode == "cluster")
	if err != nil {
		d.stop()
		return nil, err
	}
	for i, port := range ports {
		args := []string{"--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
			"--dir", dir, "--logfile", fmt.Sprintf("%s/redis-%d.log", dir, port)}
		if l.mode == "cluster" {
			args = append(args, "--cluster-enabled", "yes", "--cluster-config-file", fmt.Sprintf("nodes-%d.conf", port),
				"--cluster-node-timeout", "5000", "--cluster-require-full-coverage", "no")
		}
		if err := d.launch(bin, args, l.cpus); err != nil {
			d.stop()
			return nil, fmt.Errorf("start redis-server %d: %w", i, err)
		}
	}
	var addrs []string
	for _, p := range ports {
		addrs = append(addrs, "127.0.0.1:"+strconv.Itoa(p))
	}
	for i, a := range addrs {
		if err := waitPing(ctx, a, d.waits[i]); err != nil {
			d.stop()
			return nil, err
		}
	}
	if l.mode != "cluster" {
		d.masters = addrs
		return d, nil
	}
	if err := d.createCluster(ctx, addrs, l.replicas); err != nil {
		d.stop()
		return nil, err
	}
	return d, nil
}

// freePorts picks n ports on 127.0.0.1 nobody listens on; for a cluster the
// bus port (port + 10000) must be free too.
func freePorts(n int, bus bool) ([]int, error) {
	var out []int
	seen := map[int]bool{}
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		p := l.Addr().(*net.TCPAddr).Port
		_ = l.Close()
		if seen[p] || (bus && p+10000 > 65535) {
			continue
		}
		if bus {
			bl, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+10000))
			if err != nil {
				continue
			}
			_ = bl.Close()
		}
		seen[p] = true
		out = append(out, p)
	}
	if len(out) < n {
		return nil, fmt.Errorf("found only %d of %d free ports", len(out), n)
	}
	return out, nil
}

func (d *redisDeployment) launch(bin string, args []string, cpus string) error {
	cmd := pinned(cpus, bin, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	d.procs = append(d.procs, cmd)
	d.waits = append(d.waits, done)
	return nil
}

// pinned returns the command, run under `taskset -c cpus` when cpus is set.
func pinned(cpus, bin string, args ...string) *exec.Cmd {
	if cpus == "" {
		return exec.Command(bin, args...)
	}
	return exec.Command("taskset", append([]string{"-c", cpus, bin}, args...)...)
}

// waitPing waits until the redis-server at addr answers a PING, giving up
// after 20 s or as soon as its process has exited (closed exited).
func waitPing(ctx context.Context, addr string, exited <-chan struct{}) error {
	c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case <-exited:
			return fmt.Errorf("redis %s: %w", addr, errRedisExited)
		default:
		}
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		err := c.Ping(pctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("redis %s did not answer: %w", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// createCluster runs `redis-cli --cluster create` and waits for every node
// to report cluster_state:ok and the masters/replicas split.
func (d *redisDeployment) createCluster(ctx context.Context, addrs []string, replicas int) error {
	args := append([]string{"--cluster", "create"}, addrs...)
	args = append(args, "--cluster-replicas", strconv.Itoa(replicas), "--cluster-yes")
	out, err := exec.CommandContext(ctx, "redis-cli", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("redis-cli --cluster create: %w: %s", err, out)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, masters, reps, err := clusterReady(ctx, addrs)
		if ok {
			d.masters, d.replicas = masters, reps
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("redis cluster not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func clusterReady(ctx context.Context, addrs []string) (bool, []string, []string, error) {
	var masters, reps []string
	for _, a := range addrs {
		c := redis.NewClient(&redis.Options{Addr: a, MaxRetries: -1})
		info, err := c.ClusterInfo(ctx).Result()
		var role []any
		if err == nil {
			role, err = c.Do(ctx, "ROLE").Slice()
		}
		_ = c.Close()
		if err != nil {
			return false, nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		if infoField(info, "cluster_state") != "ok" {
			return false, nil, nil, fmt.Errorf("%s: cluster_state %s", a, infoField(info, "cluster_state"))
		}
		if len(role) > 0 && role[0] == "master" {
			masters = append(masters, a)
		} else {
			reps = append(reps, a)
		}
	}
	return true, masters, reps, nil
}

// infoField returns the value of field in an INFO-style "k:v" text.
func infoField(info, field string) string {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), field+":"); ok {
			return v
		}
	}
	return ""
}

// pids returns the redis-server process ids (master and replicas).
func (d *redisDeployment) pids() []int {
	var out []int
	for _, p := range d.procs {
		if p.Process != nil {
			out = append(out, p.Process.Pid)
		}
	}
	return out
}

// stop kills every process and removes the directory.
func (d *redisDeployment) stop() {
	var wg sync.WaitGroup
	for i, p := range d.procs {
		if p.Process == nil {
			continue
		}
		_ = p.Process.Kill()
		wg.Go(func() {
			select {
			case <-d.waits[i]:
			case <-time.After(10 * time.Second):
				d.log.Warn("redis-server did not exit", "pid", p.Process.Pid)
			}
		})
	}
	wg.Wait()
	if d.dir != "" {
		if err := os.RemoveAll(d.dir); err != nil && !errors.Is(err, os.ErrNotExist) {
			d.log.Warn("remove redis dir", "err", err)
		}
	}
}
