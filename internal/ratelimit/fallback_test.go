package ratelimit

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/internal/redistest"
)

// TestFallbackLimiterDuringRedisOutage: with Redis killed the limits hold
// per process and Allow never fails; during the cool-down Redis is not
// asked at all (its restarted, empty instance gets no keys); after it the
// shared limits resume.
func TestFallbackLimiterDuringRedisOutage(t *testing.T) {
	t.Parallel()
	rds := redistest.Start(t)
	client := func() *redis.Client {
		c := redis.NewClient(&redis.Options{Addr: rds.Addr()})
		t.Cleanup(func() { c.Close() })
		return c
	}
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	newLimiter := func() *FallbackLimiter {
		f := NewFallback(NewRedis(client(), "t:"), NewMemory(), slog.New(slog.DiscardHandler))
		f.now = clock
		return f
	}
	a, b := newLimiter(), newLimiter()
	ctx := context.Background()
	lim := PerMinute(3)
	allow := func(f *FallbackLimiter, key string) bool {
		t.Helper()
		r, err := f.Allow(ctx, key, lim)
		if err != nil {
			t.Fatalf("Allow(%s): %v", key, err)
		}
		return r.Allowed
	}

	// Redis up: the two limiters (two servers) share the counts.
	if !allow(a, "k1") || !allow(a, "k1") || !allow(b, "k1") {
		t.Fatal("first three events refused")
	}
	if allow(b, "k1") {
		t.Fatal("fourth event allowed: the limiters do not share Redis")
	}

	// Redis killed: limits hold per process.
	rds.Kill()
	for i := range 3 {
		if !allow(a, "k2") {
			t.Fatalf("event %d refused during the outage", i)
		}
	}
	if allow(a, "k2") {
		t.Fatal("fourth event allowed during the outage: limits lifted")
	}

	// Within the cool-down Redis is not asked, even once it is back.
	rds.Restart()
	check := client()
	if !allow(a, "k3") {
		t.Fatal("event refused in the cool-down")
	}
	if n, err := check.DBSize(ctx).Result(); err != nil || n != 0 {
		t.Fatalf("Redis has %d keys (%v) after a call in the cool-down, want 0", n, err)
	}

	// After it, the shared limiter is used again.
	mu.Lock()
	now = now.Add(FallbackCooldown + time.Second)
	mu.Unlock()
	if !allow(a, "k3") {
		t.Fatal("event refused after the cool-down")
	}
	if n, err := check.DBSize(ctx).Result(); err != nil || n == 0 {
		t.Fatalf("Redis has %d keys (%v) after the cool-down, want the limiter's", n, err)
	}
	if a.downUntil.Load() != 0 {
		t.Fatal("limiter still marked down after a shared call succeeded")
	}
}
