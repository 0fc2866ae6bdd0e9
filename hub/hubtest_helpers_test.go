package hub_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
)

// tokenAuth accepts tokens "user[,role][,exp=<unix ms>]"; "bad" and "" are refused.
type tokenAuth struct{}

func (tokenAuth) Authenticate(_ context.Context, token string) (hub.Principal, error) {
	if token == "bad" || token == "" {
		return hub.Principal{}, errors.New("refused")
	}
	parts := strings.Split(token, ",")
	p := hub.Principal{UserID: parts[0]}
	for _, part := range parts[1:] {
		if v, ok := strings.CutPrefix(part, "exp="); ok {
			ms, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return hub.Principal{}, err
			}
			p.ExpiresAt = time.UnixMilli(ms)
			if time.Now().After(p.ExpiresAt) {
				return hub.Principal{}, hub.ErrTokenExpired
			}
			continue
		}
		p.Role = part
	}
	return p, nil
}

func tokenExpiringIn(user string, d time.Duration) string {
	return fmt.Sprintf("%s,exp=%d", user, time.Now().Add(d).UnixMilli())
}

// allowAll lets anyone subscribe and publish.
type allowAll struct{}

func (allowAll) CanSubscribe(context.Context, hub.Principal, string) error { return nil }
func (allowAll) CanPublish(context.Context, hub.Principal, string) error   { return nil }

// ownerOnly: "locked:<user>" may be read by <user> and by role reviewer;
// only <user> may publish.
type ownerOnly struct{}

func (ownerOnly) CanSubscribe(_ context.Context, p hub.Principal, ch string) error {
	if strings.TrimPrefix(ch, "locked:") == p.UserID || p.Role == "reviewer" {
		return nil
	}
	return errors.New("not yours")
}

func (ownerOnly) CanPublish(_ context.Context, p hub.Principal, ch string) error {
	if strings.TrimPrefix(ch, "locked:") == p.UserID {
		return nil
	}
	return hub.NewError("not_owner", "only the owner publishes here")
}

func testConfig() hub.Config {
	return hub.Config{
		Namespaces: map[string]hub.NamespaceConfig{
			"room":   {Authorizer: allowAll{}, HistorySize: 100, HistoryTTL: time.Minute, Presence: true, JoinLeave: true},
			"small":  {Authorizer: allowAll{}, HistorySize: 3, HistoryTTL: time.Minute},
			"nohist": {Authorizer: allowAll{}},
			"short":  {Authorizer: allowAll{}, HistorySize: 10, HistoryTTL: 200 * time.Millisecond, HistoryMetaTTL: 300 * time.Millisecond},
			"locked": {Authorizer: ownerOnly{}, HistorySize: 10, HistoryTTL: time.Minute},
		},
	}
}

type testServer struct {
	hub *hub.Hub
	url string
	reg *prometheus.Registry
	srv *httptest.Server
}

// startHub serves a hub over httptest; it is shut down at cleanup.
func startHub(t *testing.T, broker hub.Broker, mutate func(*hub.Config)) *testServer {
	t.Helper()
	cfg := testConfig()
	reg := prometheus.NewRegistry()
	cfg.Metrics = reg
	if mutate != nil {
		mutate(&cfg)
	}
	h, err := hub.New(cfg, broker, tokenAuth{}, nil)
	if err != nil {
		t.Fatalf("hub.New: %v", err)
	}
	srv := httptest.NewServer(h)
	ts := &testServer{hub: h, url: "ws" + strings.TrimPrefix(srv.URL, "http"), reg: reg, srv: srv}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := h.Shutdown(ctx); err != nil && !errors.Is(err, hub.ErrClosed) {
			t.Errorf("shutdown: %v", err)
		}
		srv.Close()
	})
	return ts
}

// counter reads a counter or gauge from the test registry.
func (ts *testServer) metric(t *testing.T, name string, labels map[string]string) float64 {
	t.Helper()
	mfs, err := ts.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	next:
		for _, m := range mf.GetMetric() {
			for _, lp := range m.GetLabel() {
				if v, ok := labels[lp.GetName()]; ok && v != lp.GetValue() {
					continue next
				}
			}
			if m.Counter != nil {
				return m.Counter.GetValue()
			}
			return m.Gauge.GetValue()
		}
	}
	return 0
}

// rawConn speaks the protocol by hand, to test what a browser would see.
type rawConn struct {
	t       *testing.T
	ws      *websocket.Conn
	pending []hub.Frame
}

func dialRaw(t *testing.T, url string) *rawConn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	ws.SetReadLimit(32 << 20)
	t.Cleanup(func() { _ = ws.CloseNow() })
	return &rawConn{t: t, ws: ws}
}

// connectRaw dials and completes connect with token.
func connectRaw(t *testing.T, url, token string) *rawConn {
	t.Helper()
	r := dialRaw(t, url)
	r.send(hub.Frame{Op: hub.OpConnect, ID: 1, Token: token})
	if f := r.expect(hub.OpConnected); f.ID != 1 {
		t.Fatalf("connected id = %d, want 1", f.ID)
	}
	return r
}

func (r *rawConn) send(f hub.Frame) {
	r.t.Helper()
	b, err := json.Marshal(f)
	if err != nil {
		r.t.Fatal(err)
	}
	r.sendText(string(b))
}

func (r *rawConn) sendText(s string) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.ws.Write(ctx, websocket.MessageText, []byte(s)); err != nil {
		r.t.Fatalf("write: %v", err)
	}
}

// next returns the next frame, or an error when the connection ends.
func (r *rawConn) next(d time.Duration) (hub.Frame, error) {
	for len(r.pending) == 0 {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		_, data, err := r.ws.Read(ctx)
		cancel()
		if err != nil {
			return hub.Frame{}, err
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			var f hub.Frame
			if err := json.Unmarshal(line, &f); err != nil {
				r.t.Fatalf("bad frame %q: %v", line, err)
			}
			r.pending = append(r.pending, f)
		}
	}
	f := r.pending[0]
	r.pending = r.pending[1:]
	return f, nil
}

// expect skips pings and returns the next frame, which must have op.
func (r *rawConn) expect(op string) hub.Frame {
	r.t.Helper()
	for {
		f, err := r.next(5 * time.Second)
		if err != nil {
			r.t.Fatalf("waiting for %s: %v", op, err)
		}
		if f.Op == hub.OpPing {
			continue
		}
		if f.Op != op {
			r.t.Fatalf("got %+v, want op %s", f, op)
		}
		return f
	}
}

// closed reads until the connection ends and returns the close code, with
// the frames seen before it.
func (r *rawConn) closed(d time.Duration) (websocket.StatusCode, []hub.Frame) {
	r.t.Helper()
	var seen []hub.Frame
	deadline := time.Now().Add(d)
	for {
		f, err := r.next(time.Until(deadline))
		if err != nil {
			return websocket.CloseStatus(err), seen
		}
		seen = append(seen, f)
	}
}

// inbox collects what a hubclient subscription delivers.
type inbox struct {
	mu       sync.Mutex
	msgs     []hubclient.Message
	events   []hubclient.SubscribedEvent
	presence []string
	unsubs   []string
	notify   chan struct{}
}

func newInbox() *inbox { return &inbox{notify: make(chan struct{}, 1)} }

func (b *inbox) poke() {
	select {
	case b.notify <- struct{}{}:
	default:
	}
}

func (b *inbox) options(since *hub.StreamPosition) hubclient.SubscribeOptions {
	return hubclient.SubscribeOptions{
		Since: since,
		OnMessage: func(m hubclient.Message) {
			b.mu.Lock()
			b.msgs = append(b.msgs, m)
			b.mu.Unlock()
			b.poke()
		},
		OnSubscribed: func(ev hubclient.SubscribedEvent) {
			b.mu.Lock()
			b.events = append(b.events, ev)
			b.mu.Unlock()
			b.poke()
		},
		OnPresence: func(event string, who hub.ClientInfo) {
			b.mu.Lock()
			b.presence = append(b.presence, event+":"+who.User)
			b.mu.Unlock()
			b.poke()
		},
		OnUnsubscribed: func(code string) {
			b.mu.Lock()
			b.unsubs = append(b.unsubs, code)
			b.mu.Unlock()
			b.poke()
		},
	}
}

func (b *inbox) wait(t *testing.T, what string, cond func(b *inbox) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b.mu.Lock()
		ok := cond(b)
		b.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			b.mu.Lock()
			defer b.mu.Unlock()
			t.Fatalf("timed out waiting for %s (have %d messages, events %+v, presence %v)", what, len(b.msgs), b.events, b.presence)
		}
		select {
		case <-b.notify:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func (b *inbox) waitMessages(t *testing.T, n int) {
	t.Helper()
	b.wait(t, fmt.Sprintf("%d messages", n), func(b *inbox) bool { return len(b.msgs) >= n })
}

// presenceEvents returns the presence events received, as "event:user".
func (b *inbox) presenceEvents() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.presence...)
}

// offsets returns the offsets received, to compare against a contiguous run.
func (b *inbox) offsets() []uint64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]uint64, len(b.msgs))
	for i, m := range b.msgs {
		out[i] = m.Position.Offset
	}
	return out
}

func seq(from, to uint64) []uint64 {
	var out []uint64
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func dialClient(t *testing.T, url, token string) *hubclient.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := hubclient.Dial(ctx, url, hubclient.Options{
		Token:      func(context.Context) (string, error) { return token, nil },
		MinBackoff: 20 * time.Millisecond,
		MaxBackoff: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func mustPublish(t *testing.T, h *hub.Hub, ch string, n int) []hub.StreamPosition {
	t.Helper()
	var out []hub.StreamPosition
	for i := range n {
		pos, err := h.Publish(context.Background(), ch, fmt.Appendf(nil, `{"i":%d}`, i))
		if err != nil {
			t.Fatalf("publish %d on %s: %v", i, ch, err)
		}
		out = append(out, pos)
	}
	return out
}

func subscribe(t *testing.T, c *hubclient.Client, ch string, since *hub.StreamPosition) (*hubclient.Subscription, *inbox) {
	t.Helper()
	b := newInbox()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := c.Subscribe(ctx, ch, b.options(since))
	if err != nil {
		t.Fatalf("subscribe %s: %v", ch, err)
	}
	return s, b
}
