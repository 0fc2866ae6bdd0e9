package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// redisCounters is what the masters of a deployment report about the work
// they did: commands by name (INFO commandstats, commands run by Lua scripts
// included) and bytes (INFO stats), summed over the masters. Replicas are
// left out: what they receive is the replication stream, counted by the
// masters' master_repl_offset (per replica).
type redisCounters struct {
	calls      map[string]int64
	usedMemory int64 // used_memory
	netIn      int64 // total_net_input_bytes
	netOut     int64 // total_net_output_bytes (pub/sub pushes and the replication stream included)
	replOut    int64 // master_repl_offset: bytes of replication stream produced (sent to each replica)
}

// parseCommandStats reads "cmdstat_<name>:calls=N,..." lines.
func parseCommandStats(info string, into map[string]int64) error {
	for _, line := range strings.Split(info, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "cmdstat_")
		if !ok {
			continue
		}
		name, fields, ok := strings.Cut(rest, ":")
		if !ok {
			return fmt.Errorf("commandstats line %q", line)
		}
		for _, f := range strings.Split(fields, ",") {
			if v, ok := strings.CutPrefix(f, "calls="); ok {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return fmt.Errorf("commandstats %s calls %q: %w", name, v, err)
				}
				into[name] += n
			}
		}
	}
	return nil
}

// snapshot reads the counters of every master.
func (d *redisDeployment) snapshot(ctx context.Context) (redisCounters, error) {
	c := redisCounters{calls: map[string]int64{}}
	for _, addr := range d.masters {
		cl := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1})
		stats, err := cl.Info(ctx, "commandstats").Result()
		var netInfo, replInfo, memInfo string
		if err == nil {
			netInfo, err = cl.Info(ctx, "stats").Result()
		}
		if err == nil {
			replInfo, err = cl.Info(ctx, "replication").Result()
		}
		if err == nil {
			memInfo, err = cl.Info(ctx, "memory").Result()
		}
		_ = cl.Close()
		if err != nil {
			return c, fmt.Errorf("info %s: %w", addr, err)
		}
		if err := parseCommandStats(stats, c.calls); err != nil {
			return c, fmt.Errorf("%s: %w", addr, err)
		}
		for _, f := range []struct {
			name string
			into *int64
		}{{"total_net_input_bytes", &c.netIn}, {"total_net_output_bytes", &c.netOut}} {
			v, err := strconv.ParseInt(infoField(netInfo, f.name), 10, 64)
			if err != nil {
				return c, fmt.Errorf("%s: %s: %w", addr, f.name, err)
			}
			*f.into += v
		}
		mem, err := strconv.ParseInt(infoField(memInfo, "used_memory"), 10, 64)
		if err != nil {
			return c, fmt.Errorf("%s: used_memory: %w", addr, err)
		}
		c.usedMemory += mem
		if infoField(replInfo, "role") == "master" {
			v, err := strconv.ParseInt(infoField(replInfo, "master_repl_offset"), 10, 64)
			if err != nil {
				return c, fmt.Errorf("%s: master_repl_offset: %w", addr, err)
			}
			c.replOut += v
		}
	}
	return c, nil
}

// costRow is the Redis work per operation of one kind.
type costRow struct {
	Op          string             `json:"op"`
	Count       int                `json:"count"`
	CallsPerOp  map[string]float64 `json:"calls_per_op"`
	BytesInOp   float64            `json:"bytes_in_per_op"`
	BytesOutOp  float64            `json:"bytes_out_per_op"`
	ReplBytesOp float64            `json:"repl_bytes_per_op"`
	// RedisCPUus is the CPU time (user+system) of every Redis process
	// (masters and replicas) per operation, in µs; 10 ms clock ticks, so
	// use thousands of operations.
	RedisCPUus float64 `json:"redis_cpu_us_per_op"`
	// MemoryOp is the growth of the masters' used_memory per operation
	// (negative when the operation frees memory).
	MemoryOp float64 `json:"memory_bytes_per_op"`
}

// costOf turns the difference of two snapshots into per-operation figures,
// leaving out the snapshots' own cost (overhead: the delta of two snapshots
// taken back to back, which is the commands and bytes of one snapshot).
func costOf(op string, count int, before, after, overhead redisCounters) costRow {
	r := costRow{Op: op, Count: count, CallsPerOp: map[string]float64{}}
	for name, n := range after.calls {
		d := n - before.calls[name] - overhead.calls[name]
		if d > 0 {
			r.CallsPerOp[name] = float64(d) / float64(count)
		}
	}
	r.BytesInOp = float64(after.netIn-before.netIn-overhead.netIn) / float64(count)
	r.BytesOutOp = float64(after.netOut-before.netOut-overhead.netOut) / float64(count)
	r.ReplBytesOp = float64(after.replOut-before.replOut-overhead.replOut) / float64(count)
	r.MemoryOp = float64(after.usedMemory-before.usedMemory) / float64(count)
	return r
}

// delta is after − before for every counter.
func (after redisCounters) delta(before redisCounters) redisCounters {
	d := redisCounters{calls: map[string]int64{}}
	for name, n := range after.calls {
		if v := n - before.calls[name]; v != 0 {
			d.calls[name] = v
		}
	}
	d.netIn, d.netOut, d.replOut = after.netIn-before.netIn, after.netOut-before.netOut, after.replOut-before.replOut
	return d
}

func (r costRow) String() string {
	names := make([]string, 0, len(r.CallsPerOp))
	for n := range r.CallsPerOp {
		names = append(names, n)
	}
	sort.Strings(names)
	var calls []string
	for _, n := range names {
		calls = append(calls, fmt.Sprintf("%s=%.2f", n, r.CallsPerOp[n]))
	}
	return fmt.Sprintf("%-22s n=%-5d in=%.0fB out=%.0fB repl=%.0fB mem=%+.0fB redis_cpu=%.0fµs calls: %s",
		r.Op, r.Count, r.BytesInOp, r.BytesOutOp, r.ReplBytesOp, r.MemoryOp, r.RedisCPUus, strings.Join(calls, " "))
}

// runCosts measures the Redis work of hub operations on a private Redis: a
// subscribe that is a node's first to its channel, one to a channel the node
// already listens to, a publish, a recovery (a subscribe from a known
// position, missing one publication), and the closing of connections.
// Each phase runs count operations between two snapshots of every Redis
// process's INFO commandstats and INFO stats.
func runCosts(ctx context.Context, o options, dep *redisDeployment, targets []target, logger *slog.Logger) ([]costRow, error) {
	count := o.sc.Channels
	st := newStats(count)
	snap := func() (redisCounters, error) { return dep.snapshot(ctx) }
	var rows []costRow
	var overhead redisCounters
	phase := func(op string, n int, f func() error) error {
		before, err := snap()
		if err != nil {
			return err
		}
		cpu0 := pidsCPUSeconds(dep.pids())
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		// Let pushes and presence-less leaves settle.
		time.Sleep(200 * time.Millisecond)
		after, err := snap()
		if err != nil {
			return err
		}
		row := costOf(op, n, before, after, overhead)
		row.RedisCPUus = (pidsCPUSeconds(dep.pids()) - cpu0) * 1e6 / float64(n)
		rows = append(rows, row)
		logger.Info("cost phase", "op", op)
		return nil
	}
	dialAll := func(prefix string) ([]*hubclient.Client, error) {
		cs := make([]*hubclient.Client, count)
		for i := range cs {
			c, err := dial(ctx, o, spreadURL(targets, i), prefix+strconv.Itoa(i), st)
			if err != nil {
				closeAll(cs)
				return nil, err
			}
			cs[i] = c
		}
		return cs, nil
	}
	subscribeAll := func(cs []*hubclient.Client, since []hub.StreamPosition) error {
		return parallel(len(cs), 32, func(i int) error {
			opts := hubclient.SubscribeOptions{OnMessage: func(m hubclient.Message) { st.record(m.Data) }}
			if since != nil {
				opts.Since = &since[i]
			}
			_, err := cs[i].Subscribe(ctx, channelName(i), opts)
			return err
		})
	}
	// Warm up: the Redis client's connection pool grows to the phases'
	// parallelism and the scripts get loaded, on channels of their own.
	warm, err := dialAll("warm")
	if err != nil {
		return nil, err
	}
	err = parallel(count, 32, func(i int) error {
		ch := "bench:warm" + strconv.Itoa(i)
		if _, err := warm[i].Subscribe(ctx, ch, hubclient.SubscribeOptions{}); err != nil {
			return err
		}
		_, err := warm[i].Publish(ctx, ch, message(o.sc.Payload))
		return err
	})
	closeAll(warm)
	if err != nil {
		return nil, fmt.Errorf("warm-up: %w", err)
	}
	first, err := dialAll("first")
	defer func() { closeAll(first) }()
	if err != nil {
		return nil, err
	}
	second, err := dialAll("second")
	defer func() { closeAll(second) }()
	if err != nil {
		return nil, err
	}
	third, err := dialAll("third")
	defer func() { closeAll(third) }()
	if err != nil {
		return nil, err
	}
	// The snapshot's own cost: two in a row, nothing else running.
	s0, err := snap()
	if err != nil {
		return nil, err
	}
	s1, err := snap()
	if err != nil {
		return nil, err
	}
	overhead = s1.delta(s0)
	if err := phase("subscribe_first", count, func() error { return subscribeAll(first, nil) }); err != nil {
		return nil, err
	}
	if err := phase("subscribe_again", count, func() error { return subscribeAll(second, nil) }); err != nil {
		return nil, err
	}
	positions := make([]hub.StreamPosition, count)
	pub := first[0]
	if err := phase("publish", count, func() error {
		return parallel(count, 8, func(i int) error {
			p, err := pub.Publish(ctx, channelName(i), message(o.sc.Payload))
			positions[i] = p
			return err
		})
	}); err != nil {
		return nil, err
	}
	// One more publication per channel, which the recovering subscriber missed.
	if err := parallel(count, 8, func(i int) error {
		_, err := pub.Publish(ctx, channelName(i), message(o.sc.Payload))
		return err
	}); err != nil {
		return nil, err
	}
	if err := phase("recover_1_missed", count, func() error { return subscribeAll(third, positions) }); err != nil {
		return nil, err
	}
	if err := phase("close_last_on_node", count, func() error {
		closeAll(second)
		closeAll(third)
		c := first
		first = nil
		closeAll(c)
		return nil
	}); err != nil {
		return nil, err
	}
	for _, r := range rows {
		fmt.Fprintln(os.Stderr, r.String())
	}
	return rows, nil
}

// parallel runs f(0..n-1) with at most width at once and returns the first error.
func parallel(n, width int, f func(i int) error) error {
	sem := make(chan struct{}, width)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := f(i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return first
}
