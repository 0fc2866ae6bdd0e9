// Package ratelimit limits how often a key (a client, an account) may act,
// with the GCRA algorithm: shared across servers through Redis, or kept in
// process when there is no Redis.
package ratelimit

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// Limit is Rate events per Period with bursts of up to Burst.
type Limit struct {
	Rate   int
	Burst  int
	Period time.Duration
}

// PerMinute allows n events a minute, all of them at once if they come so.
func PerMinute(n int) Limit { return Limit{Rate: n, Burst: n, Period: time.Minute} }

// Result says whether one event was allowed and, if not, when to retry.
type Result struct {
	Allowed    bool
	Remaining  int
	RetryAfter time.Duration
}

// RedisLimiter shares limits between every server using one Redis.
type RedisLimiter struct {
	l      *redis_rate.Limiter
	prefix string
}

// NewRedis returns a limiter whose keys start with prefix.
func NewRedis(rdb redis.UniversalClient, prefix string) *RedisLimiter {
	return &RedisLimiter{l: redis_rate.NewLimiter(rdb), prefix: prefix}
}

// Allow counts one event for key.
func (r *RedisLimiter) Allow(ctx context.Context, key string, lim Limit) (Result, error) {
	res, err := r.l.Allow(ctx, r.prefix+key, redis_rate.Limit{Rate: lim.Rate, Burst: lim.Burst, Period: lim.Period})
	if err != nil {
		return Result{Allowed: true}, fmt.Errorf("rate limit %s: %w", key, err)
	}
	return Result{Allowed: res.Allowed > 0, Remaining: res.Remaining, RetryAfter: res.RetryAfter}, nil
}

// MemoryLimiter keeps limits in this process.
type MemoryLimiter struct {
	mu    sync.Mutex
	tat   map[string]time.Time // theoretical arrival time per key
	calls int
	now   func() time.Time
}

// NewMemory returns an in-process limiter.
func NewMemory() *MemoryLimiter {
	return &MemoryLimiter{tat: map[string]time.Time{}, now: time.Now}
}

// Allow counts one event for key (GCRA, same semantics as the Redis limiter).
func (m *MemoryLimiter) Allow(_ context.Context, key string, lim Limit) (Result, error) {
	interval := lim.Period / time.Duration(lim.Rate)
	tolerance := interval * time.Duration(lim.Burst)
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.sweep(now)
	tat := m.tat[key]
	if tat.Before(now) {
		tat = now
	}
	newTAT := tat.Add(interval)
	allowAt := newTAT.Add(-tolerance)
	if now.Before(allowAt) {
		return Result{Allowed: false, RetryAfter: allowAt.Sub(now)}, nil
	}
	m.tat[key] = newTAT
	remaining := int((tolerance - newTAT.Sub(now)) / interval)
	return Result{Allowed: true, Remaining: remaining}, nil
}

// sweep forgets keys whose limits have fully recovered, every 1024 calls,
// so the map stays as small as the set of recently active clients.
func (m *MemoryLimiter) sweep(now time.Time) {
	m.calls++
	if m.calls%1024 != 0 {
		return
	}
	for k, t := range m.tat {
		if t.Before(now) {
			delete(m.tat, k)
		}
	}
}

// Shared is a limiter whose counts live elsewhere (Redis) and can fail.
type Shared interface {
	Allow(ctx context.Context, key string, lim Limit) (Result, error)
}

var _ Shared = (*RedisLimiter)(nil)

// FallbackLimiter limits through a shared limiter and, while that fails,
// through a limiter of this process: a Redis outage neither lifts the limits
// (they hold per server instead of across servers) nor makes every request
// wait out the Redis client's retries. After a failure it stays local for
// the cool-down; then one request at a time tries the shared limiter again.
type FallbackLimiter struct {
	shared   Shared
	local    *MemoryLimiter
	logger   *slog.Logger
	timeout  time.Duration // bound on one shared call
	cooldown time.Duration
	now      func() time.Time

	downUntil atomic.Int64 // unix nanoseconds; 0 while the shared limiter works
	probing   atomic.Bool
}

// Defaults of NewFallback.
const (
	FallbackTimeout  = 500 * time.Millisecond
	FallbackCooldown = 5 * time.Second
)

// NewFallback limits through shared, falling back to local.
func NewFallback(shared Shared, local *MemoryLimiter, logger *slog.Logger) *FallbackLimiter {
	return &FallbackLimiter{shared: shared, local: local, logger: logger,
		timeout: FallbackTimeout, cooldown: FallbackCooldown, now: time.Now}
}

// Allow counts one event for key; it never fails.
func (f *FallbackLimiter) Allow(ctx context.Context, key string, lim Limit) (Result, error) {
	if until := f.downUntil.Load(); until != 0 {
		if f.now().UnixNano() < until || !f.probing.CompareAndSwap(false, true) {
			return f.local.Allow(ctx, key, lim)
		}
		defer f.probing.Store(false)
	}
	sctx, cancel := context.WithTimeout(ctx, f.timeout)
	res, err := f.shared.Allow(sctx, key, lim)
	cancel()
	if err == nil {
		if f.downUntil.Swap(0) != 0 {
			f.logger.Info("rate limits shared again")
		}
		return res, nil
	}
	if ctx.Err() != nil {
		// The request went away, not necessarily the shared limiter.
		return f.local.Allow(ctx, key, lim)
	}
	if f.downUntil.Swap(f.now().Add(f.cooldown).UnixNano()) == 0 {
		f.logger.Warn("rate limits per server while the shared limiter is unreachable",
			"retry_in", f.cooldown.String(), "err", err)
	}
	return f.local.Allow(ctx, key, lim)
}
