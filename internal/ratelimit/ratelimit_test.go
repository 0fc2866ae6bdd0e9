package ratelimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

type allower interface {
	Allow(ctx context.Context, key string, lim Limit) (Result, error)
}

// limiters returns both implementations, so one suite covers each.
func limiters(t *testing.T) map[string]allower {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	t.Cleanup(func() { rdb.Close() })
	out := map[string]allower{"memory": NewMemory()}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis unreachable under CI=true: %v", err)
		}
		t.Logf("redis unreachable, testing the memory limiter only: %v", err)
		return out
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	out["redis"] = NewRedis(rdb, "test:"+hex.EncodeToString(b)+":")
	return out
}

func TestBurstThenRefused(t *testing.T) {
	t.Parallel()
	for name, l := range limiters(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			lim := PerMinute(5)
			for i := 0; i < 5; i++ {
				r, err := l.Allow(ctx, "k", lim)
				if err != nil || !r.Allowed {
					t.Fatalf("event %d refused: %+v %v", i, r, err)
				}
			}
			r, err := l.Allow(ctx, "k", lim)
			if err != nil {
				t.Fatal(err)
			}
			if r.Allowed {
				t.Fatalf("sixth event allowed")
			}
			if r.RetryAfter <= 0 || r.RetryAfter > 13*time.Second {
				t.Fatalf("retry after %v, want about 12s", r.RetryAfter)
			}
			if r, _ := l.Allow(ctx, "other", lim); !r.Allowed {
				t.Fatalf("another key is limited too")
			}
		})
	}
}

func TestConcurrentEventsCountExactly(t *testing.T) {
	t.Parallel()
	for name, l := range limiters(t) {
		t.Run(name, func(t *testing.T) {
			var allowed atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 50; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if r, err := l.Allow(context.Background(), "c", PerMinute(10)); err == nil && r.Allowed {
						allowed.Add(1)
					}
				}()
			}
			wg.Wait()
			if got := allowed.Load(); got != 10 {
				t.Fatalf("%d of 50 concurrent events allowed, want 10", got)
			}
		})
	}
}

func TestMemoryRecoversOverTime(t *testing.T) {
	t.Parallel()
	m := NewMemory()
	now := time.Unix(0, 0)
	m.now = func() time.Time { return now }
	lim := PerMinute(2)
	m.Allow(context.Background(), "k", lim)
	m.Allow(context.Background(), "k", lim)
	if r, _ := m.Allow(context.Background(), "k", lim); r.Allowed {
		t.Fatal("third event allowed")
	}
	now = now.Add(30 * time.Second)
	if r, _ := m.Allow(context.Background(), "k", lim); !r.Allowed {
		t.Fatal("not allowed after one interval")
	}
}
