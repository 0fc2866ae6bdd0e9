package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// Hub serves hub connections and delivers channel messages. Create it with
// New, mount it as an http.Handler, and stop it with Shutdown before closing
// its Broker.
type Hub struct {
	cfg     Config
	nss     map[string]*namespace
	broker  Broker
	auth    Authenticator
	log     *slog.Logger
	metrics *metrics
	shards  [hubShards]channelShard

	mu      sync.Mutex
	closing bool
	conns   map[*client]struct{}
	users   map[string]map[*client]struct{}

	subscriptions atomic.Int64
	wg            sync.WaitGroup // connections, repairs and the presence refresher
	stop          chan struct{}
}

// Stats is a snapshot of the hub's size on this node.
type Stats struct {
	Connections   int
	Subscriptions int
	Channels      int
}

// New returns a Hub using broker for delivery, history and presence, and auth
// for tokens. It registers itself as the broker's event handler and starts the
// presence refresher; Shutdown stops it.
func New(cfg Config, broker Broker, auth Authenticator, logger *slog.Logger) (*Hub, error) {
	if broker == nil || auth == nil {
		return nil, errors.New("hub: broker and authenticator are required")
	}
	cfg, nss, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(cfg.Metrics)
	if err != nil {
		return nil, err
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	h := &Hub{
		cfg:     cfg,
		nss:     nss,
		broker:  broker,
		auth:    auth,
		log:     logger.With("node", cfg.NodeID),
		metrics: m,
		conns:   make(map[*client]struct{}),
		users:   make(map[string]map[*client]struct{}),
		stop:    make(chan struct{}),
	}
	for i := range h.shards {
		h.shards[i].chans = make(map[string]*channel)
	}
	broker.RegisterEventHandler(brokerEvents{h})
	h.wg.Add(1)
	go h.refreshPresence()
	return h, nil
}

// Stats reports connections, subscriptions and channels on this node.
func (h *Hub) Stats() Stats {
	h.mu.Lock()
	conns := len(h.conns)
	h.mu.Unlock()
	chans := 0
	for i := range h.shards {
		sh := &h.shards[i]
		sh.mu.RLock()
		chans += len(sh.chans)
		sh.mu.RUnlock()
	}
	return Stats{Connections: conns, Subscriptions: int(h.subscriptions.Load()), Channels: chans}
}

// ServeHTTP upgrades the request to a WebSocket and hands the connection to
// a goroutine the hub owns until it closes. It needs an http.ResponseWriter
// that supports hijacking (net/http).
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	closing := h.closing
	h.mu.Unlock()
	if closing {
		http.Error(w, "hub shutting down", http.StatusServiceUnavailable)
		return
	}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		OriginPatterns:  h.cfg.OriginPatterns,
		CompressionMode: websocket.CompressionDisabled,
	})
	if err != nil {
		// Accept has already written the HTTP error response.
		h.log.Debug("websocket accept failed", "err", err)
		return
	}
	ws.SetReadLimit(h.cfg.MaxFrameBytes)
	c := newClient(h, ws)
	if !h.track(c) {
		_ = ws.Close(CloseGoingAway, "shutdown")
		return
	}
	// The connection is served on a goroutine of its own and this handler
	// returns: net/http then lets go of the request, its response and
	// connection state, and the handler goroutine's deep stack, which an
	// idle connection would otherwise keep for its whole life (about a fifth
	// of its memory, docs/benchmarks.md). The hub owns that goroutine
	// (h.wg, drained by Shutdown).
	go h.serveConn(c)
}

// serveConn reads c's frames until it closes, then tears it down. Not under
// the request's context: net/http cancels that as the handler returns.
func (h *Hub) serveConn(c *client) {
	defer h.wg.Done()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.readLoop(ctx)
	c.teardown()
}

func (h *Hub) track(c *client) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closing {
		return false
	}
	h.conns[c] = struct{}{}
	h.wg.Add(1)
	h.metrics.connections.Inc()
	return true
}

// addUser records c as one of user's connections, refusing past the limit.
func (h *Hub) addUser(c *client, user string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	set := h.users[user]
	if len(set) >= h.cfg.MaxConnectionsPerUser {
		return false
	}
	if set == nil {
		set = make(map[*client]struct{})
		h.users[user] = set
	}
	set[c] = struct{}{}
	return true
}

func (h *Hub) untrack(c *client, user string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.conns, c)
	if set := h.users[user]; set != nil {
		delete(set, c)
		if len(set) == 0 {
			delete(h.users, user)
		}
	}
	h.metrics.connections.Dec()
}

func (h *Hub) userClients(user string) []*client {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]*client, 0, len(h.users[user]))
	for c := range h.users[user] {
		out = append(out, c)
	}
	return out
}

func (h *Hub) namespaceOf(channel string) (*namespace, error) {
	name, ok := splitChannel(channel)
	if !ok {
		return nil, fmt.Errorf("%w: %q is not a valid channel name", ErrUnknownChannel, channel)
	}
	ns := h.nss[name]
	if ns == nil {
		return nil, fmt.Errorf("%w: no namespace %q", ErrUnknownChannel, name)
	}
	return ns, nil
}

// compactJSON validates data as one JSON value and removes insignificant
// whitespace, so that frames never contain a raw newline (frames in one
// WebSocket message are newline-separated).
func compactJSON(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := json.Compact(&buf, data); err != nil || buf.Len() == 0 {
		return nil, ErrInvalidData
	}
	return buf.Bytes(), nil
}

// Publish appends data (a JSON value) to channel and delivers it to every
// subscriber on every node. It fails with ErrUnavailable while the broker is
// down; the caller decides whether to retry.
func (h *Hub) Publish(ctx context.Context, channel string, data []byte) (StreamPosition, error) {
	ns, err := h.namespaceOf(channel)
	if err != nil {
		return StreamPosition{}, err
	}
	data, err = compactJSON(data)
	if err != nil {
		return StreamPosition{}, err
	}
	return h.publish(ctx, ns, channel, data, "")
}

func (h *Hub) publish(ctx context.Context, ns *namespace, channel string, data []byte, key string) (StreamPosition, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, h.cfg.BrokerTimeout)
	defer cancel()
	opts := ns.publishOptions(key, h.cfg.IdempotencyTTL)
	opts.Deadline = publishDeadline(ctx, start)
	pos, err := h.broker.Publish(ctx, channel, data, opts)
	h.metrics.observeBroker("publish", start)
	if err != nil {
		return StreamPosition{}, fmt.Errorf("publish %s: %w", channel, err)
	}
	h.metrics.publishes.Inc()
	return pos, nil
}

// publishDeadline is the latest moment the broker may still append a
// publish made under ctx: ctx's deadline less a margin for the reply's
// trip back, so a publish done at the last moment is not reported as
// failed. After it the broker appends nothing, which is what makes an
// "unavailable" answer mean "not done".
func publishDeadline(ctx context.Context, now time.Time) time.Time {
	dl, ok := ctx.Deadline()
	if !ok {
		return time.Time{}
	}
	return dl.Add(-min(dl.Sub(now)/5, time.Second))
}

// Presence lists the subscribers of a channel whose namespace keeps presence.
func (h *Hub) Presence(ctx context.Context, channel string) ([]ClientInfo, error) {
	ns, err := h.namespaceOf(channel)
	if err != nil {
		return nil, err
	}
	if !ns.Presence {
		return nil, fmt.Errorf("presence %s: namespace %q keeps no presence", channel, ns.name)
	}
	start := time.Now()
	out, err := h.broker.Presence(ctx, channel)
	h.metrics.observeBroker("presence", start)
	if err != nil {
		return nil, fmt.Errorf("presence %s: %w", channel, err)
	}
	return out, nil
}

// control is a command sent to every node through the broker.
type control struct {
	Op      string `json:"op"`
	User    string `json:"user"`
	Channel string `json:"channel,omitempty"`
	// Sessions limits a disconnect to connections of these sign-in sessions.
	Sessions []string `json:"sessions,omitempty"`
	Node     string   `json:"node"`
}

// Unsubscribe removes user's subscriptions to channel on every node (e.g. a
// revoked invitation); the clients get an unsubscribed frame with code
// "revoked". It is applied here at once and sent to the other nodes through
// the broker; the error reports whether that send failed.
func (h *Hub) Unsubscribe(ctx context.Context, userID, channel string) error {
	cmd := control{Op: "unsubscribe", User: userID, Channel: channel, Node: h.cfg.NodeID}
	h.applyControl(cmd)
	return h.sendControl(ctx, cmd)
}

// DisconnectUser closes every connection of user on every node with
// CloseForceDisconnect (logout everywhere).
func (h *Hub) DisconnectUser(ctx context.Context, userID string) error {
	cmd := control{Op: "disconnect", User: userID, Node: h.cfg.NodeID}
	h.applyControl(cmd)
	return h.sendControl(ctx, cmd)
}

func (h *Hub) sendControl(ctx context.Context, cmd control) error {
	data, err := json.Marshal(cmd)
	if err != nil {
		return fmt.Errorf("encode control: %w", err)
	}
	if err := h.broker.PublishControl(ctx, data); err != nil {
		return fmt.Errorf("%s user %s: %w", cmd.Op, cmd.User, err)
	}
	return nil
}

func (h *Hub) applyControl(cmd control) {
	for _, c := range h.userClients(cmd.User) {
		switch cmd.Op {
		case "unsubscribe":
			c.revoke(cmd.Channel)
		case "disconnect":
			if cmd.disconnects(c) {
				forceDisconnect(c)
			}
		}
	}
}

// Shutdown tells every client to go away and reconnect later (close 1001 with
// a retry hint), waits for connections to drain and background work to stop,
// or for ctx, whichever comes first; then it closes what is left.
func (h *Hub) Shutdown(ctx context.Context) error {
	h.mu.Lock()
	if h.closing {
		h.mu.Unlock()
		return ErrClosed
	}
	h.closing = true
	clients := make([]*client, 0, len(h.conns))
	for c := range h.conns {
		clients = append(clients, c)
	}
	h.mu.Unlock()
	close(h.stop)
	spread := h.cfg.ReconnectSpread.Milliseconds()
	for _, c := range clients {
		c.closeWith(CloseGoingAway, "shutdown", encodeFrame(Frame{
			Op: OpDisconnect, Code: "shutdown", Message: "server shutting down",
			Reconnect: boolPtr(true), RetryMS: rand.Int64N(spread + 1),
		}))
	}
	done := make(chan struct{})
	go func() {
		h.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	for _, c := range clients {
		_ = c.ws.CloseNow()
	}
	<-done
	return fmt.Errorf("hub shutdown: %w", ctx.Err())
}

// refreshPresence re-adds presence entries before they expire.
func (h *Hub) refreshPresence() {
	defer h.wg.Done()
	t := time.NewTicker(h.cfg.PresenceTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-h.stop:
			return
		case <-t.C:
		}
		h.mu.Lock()
		clients := make([]*client, 0, len(h.conns))
		for c := range h.conns {
			clients = append(clients, c)
		}
		h.mu.Unlock()
		for _, c := range clients {
			for _, s := range c.presenceSubs() {
				ctx, cancel := context.WithTimeout(context.Background(), h.cfg.BrokerTimeout)
				err := h.broker.AddPresence(ctx, s.ch.name, s.info, h.cfg.PresenceTTL)
				cancel()
				if err != nil {
					h.log.Warn("presence refresh failed", "channel", s.ch.name, "err", err)
				}
			}
		}
	}
}

// brokerEvents adapts the Hub to EventHandler without exporting the methods.
type brokerEvents struct{ h *Hub }

func (e brokerEvents) HandlePublication(channel string, pub Publication) {
	e.h.deliver(channel, pub)
}

func (e brokerEvents) HandleJoin(channel string, info ClientInfo) {
	e.h.deliverPresence(channel, EventJoined, info)
}

func (e brokerEvents) HandleLeave(channel string, info ClientInfo) {
	e.h.deliverPresence(channel, EventLeft, info)
}

func (e brokerEvents) HandleControl(data []byte) {
	var cmd control
	if err := json.Unmarshal(data, &cmd); err != nil {
		e.h.log.Error("bad control message", "err", err)
		return
	}
	if cmd.Node == e.h.cfg.NodeID {
		return // applied when it was sent
	}
	// Off the broker's delivery goroutine: dropping subscriptions does I/O.
	e.h.mu.Lock()
	if e.h.closing {
		e.h.mu.Unlock()
		return
	}
	e.h.wg.Add(1)
	e.h.mu.Unlock()
	go func() {
		defer e.h.wg.Done()
		e.h.applyControl(cmd)
	}()
}

func (e brokerEvents) HandleResync(channel string) {
	e.h.resync(channel)
}
