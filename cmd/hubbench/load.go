package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// result is the final JSON line.
type result struct {
	Scenario        string  `json:"scenario"`
	RedisMode       string  `json:"redis_mode,omitempty"`
	Round           int     `json:"round,omitempty"`
	Nodes           int     `json:"nodes"`
	Connections     int     `json:"connections"`
	DeliveredPerSec float64 `json:"delivered_per_sec"`
	P50ms           float64 `json:"p50_ms"`
	P99ms           float64 `json:"p99_ms"`
	MaxMS           float64 `json:"max_ms"`
	Dropped         int64   `json:"dropped"`
	ServerRSSMB     float64 `json:"server_rss_mb"`
	// Published, Delivered and the CPU seconds (user+system) of the servers
	// and of the private Redis processes cover the publishing phase.
	Published  int64   `json:"published,omitempty"`
	Delivered  int64   `json:"delivered,omitempty"`
	ServerCPUS float64 `json:"server_cpu_s,omitempty"`
	RedisCPUS  float64 `json:"redis_cpu_s,omitempty"`
	// Idle: resident memory and Go heap per connection.
	KiBPerConn        float64 `json:"kib_per_conn,omitempty"`
	HeapKiBPerConn    float64 `json:"heap_kib_per_conn,omitempty"`
	StackKiBPerConn   float64 `json:"stack_kib_per_conn,omitempty"`
	GoroutinesPerConn float64 `json:"goroutines_per_conn,omitempty"`
	// LoadAvg is /proc/loadavg's 1-minute figure before and after the run.
	LoadBefore float64   `json:"load_before"`
	LoadAfter  float64   `json:"load_after"`
	Costs      []costRow `json:"costs,omitempty"`
}

// target is one hub the load goes to.
type target struct {
	urls []string // one per listening socket
	pid  int      // 0: unknown
	stop func() error
}

func runBench(ctx context.Context, o options, logger *slog.Logger) (res result, err error) {
	res = result{Scenario: o.scenario, LoadBefore: loadAverage()}
	defer func() { res.LoadAfter = loadAverage() }()
	var dep *redisDeployment
	if o.sc.Broker == "redis" && o.url == "" && (o.redisMode == "single" || o.redisMode == "cluster") {
		dep, err = startRedis(ctx, redisLayout{mode: o.redisMode, masters: o.masters, replicas: o.replicas, cpus: o.redisCPUs}, logger)
		if err != nil {
			return result{}, err
		}
		defer dep.stop()
		res.RedisMode = o.redisMode
		if o.redisMode == "single" {
			o.redis, o.redisCluster = "redis://"+dep.masters[0]+"/0", ""
		} else {
			o.redisCluster = strings.Join(dep.masters, ",")
		}
	}
	prefix := "hubbench:" + randomHex()
	targets, err := startTargets(ctx, o, prefix, logger)
	if err != nil {
		return result{}, err
	}
	res.Nodes = len(targets)
	defer func() {
		for _, t := range targets {
			if err := t.stop(); err != nil {
				logger.Warn("server stop", "err", err)
			}
		}
		if o.url == "" && o.sc.Broker == "redis" && dep == nil {
			cleanRedis(o.redis, prefix, logger)
		}
	}()
	if o.scenario == "costs" {
		rows, err := runCosts(ctx, o, dep, targets, logger)
		res.Costs = rows
		return res, err
	}
	baseline := rssMB(targets)
	memBase, memOK := goMemory(targets)
	st := newStats(o.sc.Channels)
	subs, err := connectSubscribers(ctx, o, targets, st)
	defer closeAll(subs)
	if err != nil {
		return result{}, err
	}
	logger.Info("subscribers connected", "conns", len(subs), "server_rss_mb", rssMB(targets))
	res.Connections = len(subs)
	if o.sc.Idle {
		cpu0 := cpuSeconds(targets)
		select {
		case <-time.After(o.duration):
		case <-ctx.Done():
			return result{}, ctx.Err()
		}
		res.ServerCPUS = cpuSeconds(targets) - cpu0
		res.ServerRSSMB = rssMB(targets)
		res.KiBPerConn = (res.ServerRSSMB - baseline) * 1024 / float64(len(subs))
		mem, ok := goMemory(targets)
		if ok && memOK {
			n := float64(len(subs)) * 1024
			res.HeapKiBPerConn = float64(mem.HeapInuse-memBase.HeapInuse) / n
			res.StackKiBPerConn = float64(mem.StackInuse-memBase.StackInuse) / n
			res.GoroutinesPerConn = float64(mem.Goroutines-memBase.Goroutines) / float64(len(subs))
		}
		fmt.Fprintf(os.Stderr, "idle: baseline_rss_mb=%.1f rss_mb=%.1f kib_per_conn=%.1f heap_inuse_mb=%.1f→%.1f stack_inuse_mb=%.1f→%.1f go_sys_mb=%.1f goroutines=%d→%d server_cpu_s_while_idle=%.2f disconnects=%d\n",
			baseline, res.ServerRSSMB, res.KiBPerConn, mib(memBase.HeapInuse), mib(mem.HeapInuse), mib(memBase.StackInuse), mib(mem.StackInuse),
			mib(mem.Sys), memBase.Goroutines, mem.Goroutines, res.ServerCPUS, st.disconnects.Load())
		return res, nil
	}
	pubs, err := dialPublishers(ctx, o, targets, st)
	defer closeAll(pubs)
	if err != nil {
		return result{}, err
	}
	serverCPU0, clientCPU0 := cpuSeconds(targets), ownCPUSeconds()
	var redisPIDs []int
	if dep != nil {
		redisPIDs = dep.pids()
	}
	redisCPU0 := pidsCPUSeconds(redisPIDs)
	serverWait0, clientWait0 := runqueueWait(targetPIDs(targets)), runqueueWait([]int{os.Getpid()})
	elapsed, published, err := publish(ctx, o, pubs, st)
	if err != nil {
		return result{}, err
	}
	expected := st.expected()
	drain(st, expected, 10*time.Second)
	delivered := st.delivered.Load()
	window := time.Duration(st.lastDelivery.Load() - st.firstPublish.Load())
	if window < elapsed {
		window = elapsed
	}
	res.DeliveredPerSec = float64(delivered) / window.Seconds()
	res.P50ms, res.P99ms = st.hist.quantile(0.50), st.hist.quantile(0.99)
	res.MaxMS = float64(st.maxLatency.Load()) / 1e6
	res.Dropped = max(expected-delivered, 0)
	res.ServerRSSMB = rssMB(targets)
	serverCPU, clientCPU := cpuSeconds(targets)-serverCPU0, ownCPUSeconds()-clientCPU0
	res.Published, res.Delivered, res.ServerCPUS = published, delivered, serverCPU
	if dep != nil {
		res.RedisCPUS = pidsCPUSeconds(redisPIDs) - redisCPU0
	}
	serverWait := runqueueWait(targetPIDs(targets)) - serverWait0
	clientWait := runqueueWait([]int{os.Getpid()}) - clientWait0
	fmt.Fprintf(os.Stderr, "%s %s: published=%d (%.0f/s) expected=%d delivered=%d gaps=%d disconnects=%d window=%s server_cpu_s=%.2f client_cpu_s=%.2f redis_cpu_s=%.2f server_runq_wait_s=%.2f client_runq_wait_s=%.2f\n",
		o.scenario, res.RedisMode, published, float64(published)/elapsed.Seconds(), expected, delivered,
		st.gaps.Load(), st.disconnects.Load(), window.Round(time.Millisecond), serverCPU, clientCPU, res.RedisCPUS, serverWait, clientWait)
	return res, nil
}

func randomHex() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func startTargets(ctx context.Context, o options, prefix string, logger *slog.Logger) ([]target, error) {
	if o.url != "" {
		return []target{{urls: []string{o.url}, pid: o.serverPID, stop: func() error { return nil }}}, nil
	}
	nodes := 1
	if o.sc.Broker == "redis" {
		nodes = max(o.nodes, 1)
	}
	var out []target
	for i := range nodes {
		so := serverOptions{listen: "127.0.0.1:0", listeners: o.listeners, broker: o.sc.Broker, redis: o.redis, redisCluster: o.redisCluster,
			prefix: prefix, writeInterval: o.writeInterval, logger: logger}
		if i == 0 {
			so.pprof = o.pprofAddr
		}
		var t target
		var err error
		if o.inprocess {
			t, err = inProcessTarget(ctx, so)
		} else {
			t, err = childTarget(so, nodeCPUs(o.nodeCPUs, i))
		}
		if err != nil {
			for _, prev := range out {
				_ = prev.stop()
			}
			return nil, fmt.Errorf("start server %d: %w", i, err)
		}
		out = append(out, t)
	}
	return out, nil
}

func inProcessTarget(ctx context.Context, so serverOptions) (target, error) {
	s, err := startServer(ctx, so)
	if err != nil {
		return target{}, err
	}
	return target{urls: wsURLs(s.addrs), pid: os.Getpid(), stop: s.stop}, nil
}

func wsURLs(addrs []string) []string {
	out := make([]string, len(addrs))
	for i, a := range addrs {
		out[i] = "ws://" + a + "/ws"
	}
	return out
}

// childTarget starts this binary with -serve (under taskset when cpus is
// set) and reads its addresses. The child exits when its stdin closes.
func childTarget(so serverOptions, cpus string) (target, error) {
	exe, err := os.Executable()
	if err != nil {
		return target{}, err
	}
	args := []string{"-serve", "-listen", so.listen, "-broker", so.broker, "-redis", so.redis,
		"-prefix", so.prefix, "-write-interval", so.writeInterval.String(), "-listeners", strconv.Itoa(max(so.listeners, 1))}
	if so.redisCluster != "" {
		args = append(args, "-redis-cluster", so.redisCluster)
	}
	if so.pprof != "" {
		args = append(args, "-pprof", so.pprof)
	}
	cmd := pinned(cpus, exe, args...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return target{}, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return target{}, err
	}
	if err := cmd.Start(); err != nil {
		return target{}, err
	}
	stop := func() error {
		_ = stdin.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			return errors.Join(errors.New("server did not exit in time"), <-done)
		}
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	addrs, ok := strings.CutPrefix(strings.TrimSpace(line), "LISTEN ")
	if err != nil || !ok {
		_ = stop()
		return target{}, fmt.Errorf("server did not report its address (%q): %v", line, err)
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return target{urls: wsURLs(strings.Fields(addrs)), pid: cmd.Process.Pid, stop: stop}, nil
}

// goMemory sums the servers' /stats answers (Go heap and stacks in use after
// a GC, goroutines); ok is false if a server did not answer.
func goMemory(ts []target) (total serverStats, ok bool) {
	for _, t := range ts {
		u := "http" + strings.TrimPrefix(strings.TrimSuffix(t.urls[0], "/ws"), "ws") + "/stats"
		resp, err := http.Get(u)
		if err != nil {
			return total, false
		}
		var st serverStats
		err = json.NewDecoder(resp.Body).Decode(&st)
		_ = resp.Body.Close()
		if err != nil {
			return total, false
		}
		total.HeapInuse += st.HeapInuse
		total.HeapAlloc += st.HeapAlloc
		total.StackInuse += st.StackInuse
		total.Sys += st.Sys
		total.Goroutines += st.Goroutines
	}
	return total, true
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }

// loadAverage is the 1-minute load average (-1 if unknown).
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

// rssMB sums the resident memory of the servers, in MiB; -1 if unknown.
func rssMB(ts []target) float64 {
	total := 0.0
	for _, t := range ts {
		if t.pid == 0 {
			return -1
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", t.pid))
		if err != nil {
			return -1
		}
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
				total += kb / 1024
			}
		}
	}
	return total
}

// cpuSeconds sums user+system CPU time of the server processes (-1 if unknown).
func cpuSeconds(ts []target) float64 {
	var pids []int
	for _, t := range ts {
		if t.pid == 0 || t.pid == os.Getpid() {
			return -1
		}
		pids = append(pids, t.pid)
	}
	return pidsCPUSeconds(pids)
}

// pidsCPUSeconds sums user+system CPU time of processes (-1 if unknown).
func pidsCPUSeconds(pids []int) float64 {
	total := 0.0
	for _, pid := range pids {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return -1
		}
		// Fields after the command name (which ends with ')'): utime is the
		// 12th, stime the 13th, in clock ticks (100 per second on Linux).
		fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
		if len(fields) < 13 {
			return -1
		}
		ut, _ := strconv.ParseFloat(fields[11], 64)
		stime, _ := strconv.ParseFloat(fields[12], 64)
		total += (ut + stime) / 100
	}
	return total
}

func targetPIDs(ts []target) []int {
	var out []int
	for _, t := range ts {
		if t.pid != 0 && t.pid != os.Getpid() {
			out = append(out, t.pid)
		}
	}
	return out
}

// runqueueWait sums, over every thread of the processes, the time spent
// runnable but waiting for a CPU (second field of /proc/<pid>/task/<tid>/schedstat),
// in seconds. On a shared machine it shows how much the benchmark was held
// back by other work. Threads that exited meanwhile are not counted.
func runqueueWait(pids []int) float64 {
	total := 0.0
	for _, pid := range pids {
		dir := fmt.Sprintf("/proc/%d/task", pid)
		tasks, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, task := range tasks {
			data, err := os.ReadFile(dir + "/" + task.Name() + "/schedstat")
			if err != nil {
				continue
			}
			if f := strings.Fields(string(data)); len(f) >= 2 {
				ns, _ := strconv.ParseFloat(f[1], 64)
				total += ns / 1e9
			}
		}
	}
	return total
}

func ownCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

func cleanRedis(url, prefix string, logger *slog.Logger) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	iter := c.Scan(ctx, 0, prefix+":*", 1000).Iterator()
	for iter.Next(ctx) {
		c.Del(ctx, iter.Val())
	}
	if err := iter.Err(); err != nil {
		logger.Warn("clean redis keys", "err", err)
	}
}

func channelName(i int) string { return "bench:c" + strconv.Itoa(i) }

func dial(ctx context.Context, o options, url, user string, st *stats) (*hubclient.Client, error) {
	token := user
	if o.token != "" {
		token = o.token
	}
	return hubclient.Dial(ctx, url, hubclient.Options{
		Token:        func(context.Context) (string, error) { return token, nil },
		OnDisconnect: func(error, bool) { st.disconnects.Add(1) },
	})
}

// connectSubscribers dials the subscriber connections (spread over the
// targets) with bounded parallelism and subscribes each to its channel.
func connectSubscribers(ctx context.Context, o options, targets []target, st *stats) ([]*hubclient.Client, error) {
	clients := make([]*hubclient.Client, o.sc.Conns)
	sem := make(chan struct{}, 64)
	var wg sync.WaitGroup
	var firstErr atomic.Pointer[error]
	for i := range o.sc.Conns {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := subscribeOne(ctx, o, spreadURL(targets, i), i, st, clients); err != nil {
				firstErr.CompareAndSwap(nil, &err)
			}
		})
	}
	wg.Wait()
	if p := firstErr.Load(); p != nil {
		return clients, *p
	}
	return clients, nil
}

// spreadURL is the URL connection i goes to: round-robin over the targets,
// then over each target's listening sockets.
func spreadURL(targets []target, i int) string {
	t := targets[i%len(targets)]
	return t.urls[(i/len(targets))%len(t.urls)]
}

func subscribeOne(ctx context.Context, o options, url string, i int, st *stats, clients []*hubclient.Client) error {
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	c, err := dial(dctx, o, url, "sub"+strconv.Itoa(i), st)
	if err != nil {
		return fmt.Errorf("subscriber %d: %w", i, err)
	}
	clients[i] = c
	ch := i % o.sc.Channels
	st.subscribers[ch].Add(1)
	var last uint64
	_, err = c.Subscribe(dctx, channelName(ch), hubclient.SubscribeOptions{
		OnMessage: func(m hubclient.Message) {
			if last != 0 && m.Position.Offset != last+1 {
				st.gaps.Add(int64(m.Position.Offset - last - 1))
			}
			last = m.Position.Offset
			st.record(m.Data)
		},
	})
	if err != nil {
		return fmt.Errorf("subscriber %d: subscribe: %w", i, err)
	}
	return nil
}

func closeAll(cs []*hubclient.Client) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 256)
	for _, c := range cs {
		if c == nil {
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			_ = c.Close()
		})
	}
	wg.Wait()
}

func dialPublishers(ctx context.Context, o options, targets []target, st *stats) ([]*hubclient.Client, error) {
	pubs := make([]*hubclient.Client, o.sc.Publishers)
	for j := range pubs {
		c, err := dial(ctx, o, targets[j%len(targets)].urls[0], "pub"+strconv.Itoa(j), st)
		if err != nil {
			return pubs, fmt.Errorf("publisher %d: %w", j, err)
		}
		pubs[j] = c
	}
	return pubs, nil
}

// publish runs the publishers for o.duration and waits for their acks.
func publish(ctx context.Context, o options, pubs []*hubclient.Client, st *stats) (time.Duration, int64, error) {
	runCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	var published atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	st.firstPublish.Store(start.UnixNano())
	for j, c := range pubs {
		mine := channelsOf(j, o.sc.Publishers, o.sc.Channels)
		if o.rate > 0 {
			wg.Go(func() {
				pacedPublisher(runCtx, c, mine, float64(o.rate)/float64(len(pubs)), o.sc.Payload, st, &published)
			})
			continue
		}
		for w := range o.window {
			wg.Go(func() {
				for k := w; runCtx.Err() == nil; k += o.window {
					publishOne(c, mine[k%len(mine)], o.sc.Payload, st, &published)
				}
			})
		}
	}
	wg.Wait()
	return time.Since(start), published.Load(), ctx.Err()
}

// channelsOf spreads channels over publishers round-robin; with fewer
// channels than publishers, publishers share them.
func channelsOf(j, publishers, channels int) []int {
	var out []int
	for ch := j % channels; ch < channels; ch += publishers {
		out = append(out, ch)
	}
	return out
}

// pacedPublisher publishes at rate per second, sending from several
// goroutines so that one slow acknowledgement does not hold the schedule.
func pacedPublisher(ctx context.Context, c *hubclient.Client, chans []int, rate float64, payload int, st *stats, published *atomic.Int64) {
	jobs := make(chan int, 1024)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for ch := range jobs {
				publishOne(c, ch, payload, st, published)
			}
		})
	}
	interval := time.Duration(float64(time.Second) / rate)
	next := time.Now()
	for k := 0; ctx.Err() == nil; k++ {
		next = next.Add(interval)
		if d := time.Until(next); d > 0 {
			select {
			case <-time.After(d):
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		jobs <- chans[k%len(chans)]
	}
	close(jobs)
	wg.Wait()
}

func publishOne(c *hubclient.Client, ch, payload int, st *stats, published *atomic.Int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := c.Publish(ctx, channelName(ch), message(payload)); err != nil {
		st.pubErrors.Add(1)
		return
	}
	st.published[ch].Add(1)
	published.Add(1)
}

// message is {"t":<unix ns>,"p":"xxx"} padded to size bytes.
func message(size int) []byte {
	b := make([]byte, 0, size)
	b = append(b, `{"t":`...)
	b = strconv.AppendInt(b, time.Now().UnixNano(), 10)
	b = append(b, `,"p":"`...)
	for len(b) < size-2 {
		b = append(b, 'x')
	}
	return append(b, `"}`...)
}

// drain waits until every expected delivery arrived, or d passes.
func drain(st *stats, expected int64, d time.Duration) {
	deadline := time.Now().Add(d)
	for st.delivered.Load() < expected && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}
