package hub_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/hub"
)

// sessionAuth accepts tokens "user/session" until the session is revoked,
// and counts its calls.
type sessionAuth struct {
	mu      sync.Mutex
	revoked map[string]bool
	calls   atomic.Int64
}

func (a *sessionAuth) Authenticate(_ context.Context, token string) (hub.Principal, error) {
	a.calls.Add(1)
	user, sid, ok := strings.Cut(token, "/")
	a.mu.Lock()
	defer a.mu.Unlock()
	if !ok || a.revoked[sid] {
		return hub.Principal{}, errors.New("session revoked")
	}
	return hub.Principal{UserID: user, SessionID: sid}, nil
}

func (a *sessionAuth) revoke(sid string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.revoked[sid] = true
}

// countingAuthorizer counts subscribe checks (each one is a database query
// in the product).
type countingAuthorizer struct{ subscribes atomic.Int64 }

func (c *countingAuthorizer) CanSubscribe(context.Context, hub.Principal, string) error {
	c.subscribes.Add(1)
	return nil
}
func (c *countingAuthorizer) CanPublish(context.Context, hub.Principal, string) error { return nil }

func startSessionHub(t *testing.T, broker hub.Broker, auth hub.Authenticator, mutate func(*hub.Config)) *testServer {
	t.Helper()
	cfg := testConfig()
	if mutate != nil {
		mutate(&cfg)
	}
	h, err := hub.New(cfg, broker, auth, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = h.Shutdown(ctx)
		srv.Close()
	})
	return &testServer{hub: h, url: "ws" + strings.TrimPrefix(srv.URL, "http"), srv: srv}
}

// A session signed out on one node closes that session's sockets on every
// node with 4006 within a second, and leaves the user's other session open.
func TestTwoNodesDisconnectRevokedSessionOnly(t *testing.T) {
	t.Parallel()
	url := redisURL(t)
	prefix := testPrefix(t, url)
	auth := &sessionAuth{revoked: map[string]bool{}}
	a := startSessionHub(t, newTestRedisBroker(t, url, prefix), auth, func(c *hub.Config) { c.NodeID = "A" })
	b := startSessionHub(t, newTestRedisBroker(t, url, prefix), auth, func(c *hub.Config) { c.NodeID = "B" })

	laptopOnA := connectRaw(t, a.url, "ann/laptop")
	laptopOnB := connectRaw(t, b.url, "ann/laptop")
	phoneOnB := connectRaw(t, b.url, "ann/phone")
	otherUser := connectRaw(t, b.url, "bob/laptop") // same session id, other user

	auth.revoke("laptop")
	start := time.Now()
	if err := a.hub.DisconnectSessions(context.Background(), "ann", []string{"laptop"}); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*rawConn{"on A": laptopOnA, "on B": laptopOnB} {
		code, frames := r.closed(time.Second)
		if code != hub.CloseForceDisconnect {
			t.Fatalf("laptop %s: close %d, want %d", name, code, hub.CloseForceDisconnect)
		}
		if len(frames) == 0 || frames[len(frames)-1].Op != hub.OpDisconnect || frames[len(frames)-1].Code != hub.CodeSessionRevoked {
			t.Fatalf("laptop %s: frames before close %+v, want a disconnect frame coded session_revoked", name, frames)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("closing took %s, want under 1s", d)
	}
	for name, r := range map[string]*rawConn{"ann's phone": phoneOnB, "bob": otherUser} {
		r.send(hub.Frame{Op: hub.OpPing, ID: 7})
		if f := r.expect(hub.OpPong); f.ID != 7 {
			t.Fatalf("%s: pong id %d", name, f.ID)
		}
	}

	// Without sessions, every connection of the user goes.
	if err := b.hub.DisconnectSessions(context.Background(), "ann", nil); err != nil {
		t.Fatal(err)
	}
	if code, _ := phoneOnB.closed(time.Second); code != hub.CloseForceDisconnect {
		t.Fatalf("phone: close %d", code)
	}
}

// A subscribe presents the token again: a session revoked while its socket
// is open (and whose disconnect never arrived) cannot follow new channels.
func TestSubscribeRechecksTheSession(t *testing.T) {
	t.Parallel()
	auth := &sessionAuth{revoked: map[string]bool{}}
	ts := startSessionHub(t, newTestMemoryBroker(t), auth, nil)
	r := connectRaw(t, ts.url, "ann/laptop")
	r.send(hub.Frame{Op: hub.OpSubscribe, ID: 2, Channel: "room:a"})
	r.expect(hub.OpSubscribed)

	auth.revoke("laptop")
	r.send(hub.Frame{Op: hub.OpSubscribe, ID: 3, Channel: "room:b"})
	code, frames := r.closed(2 * time.Second)
	if code != hub.CloseForceDisconnect {
		t.Fatalf("close %d after subscribing with a revoked session, want %d (frames %+v)", code, hub.CloseForceDisconnect, frames)
	}
	for _, f := range frames {
		if f.Op == hub.OpSubscribed {
			t.Fatalf("revoked session subscribed: %+v", f)
		}
	}
}

// 5000 subscribe frames on one socket cost a bounded number of
// authentication and authorization checks, not 5000 of each.
func TestSubscribeRateIsLimitedPerConnection(t *testing.T) {
	t.Parallel()
	auth := &sessionAuth{revoked: map[string]bool{}}
	authz := &countingAuthorizer{}
	ts := startSessionHub(t, newTestMemoryBroker(t), auth, func(c *hub.Config) {
		c.Namespaces["count"] = hub.NamespaceConfig{Authorizer: authz}
		c.SubscribeRate, c.SubscribeBurst = 10, 20
		c.MaxQueueMessages = 16384
		c.MaxQueueBytes = 16 << 20
	})
	r := connectRaw(t, ts.url, "ann/laptop")
	const frames = 5000
	var msg strings.Builder
	start := time.Now()
	for i := range frames {
		msg.Reset()
		msg.WriteString(`{"op":"subscribe","id":` + strconv.Itoa(i+1) + `,"channel":"count:c` + strconv.Itoa(i%50) + `"}`)
		r.sendText(msg.String())
	}
	limited, answered := 0, 0
	for answered < frames {
		f, err := r.next(5 * time.Second)
		if err != nil {
			t.Fatalf("after %d answers: %v", answered, err)
		}
		switch {
		case f.Op == hub.OpError && f.Code == hub.CodeLimitExceeded && strings.Contains(f.Message, "subscribes"):
			limited++
			if f.RetryMS <= 0 {
				t.Fatalf("limit_exceeded without retry_ms: %+v", f)
			}
			answered++
		case f.Op == hub.OpSubscribed || f.Op == hub.OpError:
			answered++
		}
	}
	elapsed := time.Since(start)
	allowed := int64(20 + 10*elapsed.Seconds() + 1)
	if got := authz.subscribes.Load(); got > allowed {
		t.Fatalf("%d authorization checks for %d subscribes in %s, want at most %d", got, frames, elapsed, allowed)
	}
	if got := auth.calls.Load() - 1; got > allowed { // -1: the connect
		t.Fatalf("%d authentications for %d subscribes in %s, want at most %d", got, frames, elapsed, allowed)
	}
	if limited < frames-int(allowed) {
		t.Fatalf("%d refused as too many, want at least %d", limited, frames-int(allowed))
	}
}
