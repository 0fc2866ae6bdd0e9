package hub_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/hub"
)

// redisURL returns the shared test Redis, failing under CI when it is
// unreachable and skipping otherwise.
func redisURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("HUB_TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatalf("parse redis url: %v", err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis at %s unreachable under CI: %v", url, err)
		}
		t.Skipf("redis at %s unreachable: %v", url, err)
	}
	return url
}

// testPrefix returns a key prefix unique to this test run and deletes the
// prefix's keys at cleanup.
func testPrefix(t *testing.T, url string) string {
	t.Helper()
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
	prefix := "hubtest:" + name + ":" + hex.EncodeToString(b[:])
	t.Cleanup(func() {
		opts, err := redis.ParseURL(url)
		if err != nil {
			return
		}
		c := redis.NewClient(opts)
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		iter := c.Scan(ctx, 0, prefix+":*", 1000).Iterator()
		for iter.Next(ctx) {
			c.Del(ctx, iter.Val())
		}
	})
	return prefix
}

func newTestRedisBroker(t *testing.T, url, prefix string) *hub.RedisBroker {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b, err := hub.NewRedisBroker(ctx, hub.RedisBrokerConfig{URL: url, Prefix: prefix, HealthCheck: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("new redis broker: %v", err)
	}
	t.Cleanup(func() { _ = b.Close(context.Background()) })
	return b
}

func newTestMemoryBroker(t *testing.T) *hub.MemoryBroker {
	t.Helper()
	b := hub.NewMemoryBroker()
	t.Cleanup(func() { _ = b.Close(context.Background()) })
	return b
}

// recorder is an EventHandler that keeps what it receives.
type recorder struct {
	mu      sync.Mutex
	pubs    map[string][]hub.Publication
	joins   map[string][]hub.ClientInfo
	leaves  map[string][]hub.ClientInfo
	control [][]byte
	resyncs []string
	notify  chan struct{}
}

func newRecorder() *recorder {
	return &recorder{
		pubs:   make(map[string][]hub.Publication),
		joins:  make(map[string][]hub.ClientInfo),
		leaves: make(map[string][]hub.ClientInfo),
		notify: make(chan struct{}, 1),
	}
}

func (r *recorder) poke() {
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *recorder) HandlePublication(ch string, pub hub.Publication) {
	r.mu.Lock()
	r.pubs[ch] = append(r.pubs[ch], pub)
	r.mu.Unlock()
	r.poke()
}

func (r *recorder) HandleJoin(ch string, info hub.ClientInfo) {
	r.mu.Lock()
	r.joins[ch] = append(r.joins[ch], info)
	r.mu.Unlock()
	r.poke()
}

func (r *recorder) HandleLeave(ch string, info hub.ClientInfo) {
	r.mu.Lock()
	r.leaves[ch] = append(r.leaves[ch], info)
	r.mu.Unlock()
	r.poke()
}

func (r *recorder) HandleControl(data []byte) {
	r.mu.Lock()
	r.control = append(r.control, data)
	r.mu.Unlock()
	r.poke()
}

func (r *recorder) HandleResync(ch string) {
	r.mu.Lock()
	r.resyncs = append(r.resyncs, ch)
	r.mu.Unlock()
	r.poke()
}

// waitFor polls cond under the recorder's lock until it holds or d passes.
func (r *recorder) waitFor(t *testing.T, d time.Duration, what string, cond func(r *recorder) bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		r.mu.Lock()
		ok := cond(r)
		r.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		select {
		case <-r.notify:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// eventually retries cond until it holds or d passes.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
