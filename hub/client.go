package hub

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
	"golang.org/x/time/rate"
)

// closeGrace is how long a closing connection may take to flush its queue
// and send the close frame before the socket is cut.
const closeGrace = 2 * time.Second

var (
	pingFrame = encodeFrame(Frame{Op: OpPing})
)

// client is one WebSocket connection. The reader (ServeHTTP's goroutine)
// handles frames in order; the writer drains the outbound queue.
type client struct {
	h  *Hub
	ws *websocket.Conn
	id string

	principal   atomic.Pointer[Principal]
	pongPending atomic.Bool
	subscribes  *rate.Limiter // subscribe frames (see admitSubscribe)
	// abandon tells the writer to stop mid-batch: what it holds is lost
	// anyway (slow consumer), only the close frame still matters.
	abandon atomic.Bool

	mu          sync.Mutex // outbound queue and close state
	queue       [][]byte
	queueBytes  int
	writing     bool // a writer goroutine is running (see signalLocked)
	closing     bool
	closeCode   websocket.StatusCode
	closeReason string
	backstop    *time.Timer
	wake        chan struct{} // frames queued for the running writer
	writerDone  chan struct{} // closed by the writer that sends the close
	lastWrite   time.Time     // the writer's: when it last wrote

	subsMu sync.Mutex
	subs   map[string]*subscription

	timersMu     sync.Mutex
	connectTimer *time.Timer
	pingTimer    *time.Timer
	expiryTimer  *time.Timer
}

func newClient(h *Hub, ws *websocket.Conn) *client {
	c := &client{
		h:          h,
		ws:         ws,
		id:         newEpoch(),
		wake:       make(chan struct{}, 1),
		writerDone: make(chan struct{}),
		subs:       make(map[string]*subscription),
		subscribes: rate.NewLimiter(rate.Limit(h.cfg.SubscribeRate), h.cfg.SubscribeBurst),
	}
	c.connectTimer = time.AfterFunc(h.cfg.ConnectTimeout, func() {
		if c.principal.Load() == nil {
			c.closeWith(CloseUnauthorized, "connect_timeout", encodeFrame(Frame{
				Op: OpError, Code: CodeUnauthorized, Message: "no connect frame in time",
			}))
		}
	})
	return c
}

// enqueue adds a frame to the outbound queue. Overflowing the queue closes
// the connection as a slow consumer; the publisher never waits.
func (c *client) enqueue(frame []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return
	}
	if len(c.queue) >= c.h.cfg.MaxQueueMessages || c.queueBytes+len(frame) > c.h.cfg.MaxQueueBytes {
		c.overflowLocked()
		return
	}
	c.queue = append(c.queue, frame)
	c.queueBytes += len(frame)
	c.signalLocked()
}

// enqueueMany adds frames that must stay together (a reply and the messages
// it announces).
func (c *client) enqueueMany(frames [][]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return
	}
	size := 0
	for _, f := range frames {
		size += len(f)
	}
	if len(c.queue)+len(frames) > c.h.cfg.MaxQueueMessages || c.queueBytes+size > c.h.cfg.MaxQueueBytes {
		c.overflowLocked()
		return
	}
	c.queue = append(c.queue, frames...)
	c.queueBytes += size
	c.signalLocked()
}

func (c *client) overflowLocked() {
	c.h.metrics.dropped.Add(float64(len(c.queue)))
	clear(c.queue)
	c.queue, c.queueBytes = nil, 0
	// The writer drops the rest of the batch it holds too, so the close
	// frame follows the message on the wire now instead of megabytes later,
	// and a client that reads at all receives 4003 rather than a cut stream.
	c.abandon.Store(true)
	c.startCloseLocked(CloseSlowConsumer, "slow_consumer")
}

// writerLinger is how long a writer waits for more frames before it stops:
// a connection that receives steadily keeps its writer (starting one per
// message cost half as much CPU again per delivery), an idle one holds no
// writer goroutine, nor its stack and buffers (docs/benchmarks.md).
const writerLinger = 2 * time.Second

// signalLocked wakes the running writer, or starts one.
func (c *client) signalLocked() {
	if !c.writing {
		c.writing = true
		go c.writeLoop()
		return
	}
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// closeWith queues final frames (e.g. an error or disconnect frame) and closes
// the connection with code once they are written. Later calls do nothing.
func (c *client) closeWith(code websocket.StatusCode, reason string, final ...[]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return
	}
	for _, f := range final {
		c.queue = append(c.queue, f)
		c.queueBytes += len(f)
	}
	c.startCloseLocked(code, reason)
}

func (c *client) startCloseLocked(code websocket.StatusCode, reason string) {
	c.closing = true
	c.closeCode, c.closeReason = code, reason
	c.h.metrics.disconnects.WithLabelValues(reason).Inc()
	// A writer stuck on a peer that stopped reading would never get to the
	// close frame: cut the socket after a grace period.
	c.backstop = time.AfterFunc(closeGrace, func() { _ = c.ws.CloseNow() })
	c.signalLocked()
}

func (c *client) reply(f Frame) { c.enqueue(encodeFrame(f)) }

// writeLoop writes queued frames, several per WebSocket message, until the
// queue has stayed empty for writerLinger (then it stops, and the next frame
// starts another) or the connection closes (then it sends the close and
// closes writerDone; no writer starts after it, as nothing is queued once
// closing).
func (c *client) writeLoop() {
	var batch [][]byte
	var buf []byte
	linger := time.NewTimer(writerLinger)
	defer linger.Stop()
	for {
		if !c.waitForFrames(linger) {
			return
		}
		if wait := c.h.cfg.WriteInterval - time.Since(c.lastWrite); wait > 0 {
			time.Sleep(wait) // let more frames join this write
		}
		c.mu.Lock()
		batch, c.queue = c.queue, batch[:0]
		c.queueBytes = 0
		closing, code, reason := c.closing, c.closeCode, c.closeReason
		c.mu.Unlock()
		var err error
		buf, err = c.writeFrames(batch, buf)
		c.lastWrite = time.Now()
		clear(batch)
		if err != nil {
			c.closeWith(CloseInternalError, "write_failed")
			_ = c.ws.CloseNow()
			c.stopBackstop()
			close(c.writerDone)
			return
		}
		if closing {
			_ = c.ws.Close(code, reason)
			c.stopBackstop()
			close(c.writerDone)
			return
		}
	}
}

// waitForFrames reports whether there is something to write or a close to
// send, waiting up to writerLinger for it; false means the writer has been
// released (c.writing is false) and must return.
func (c *client) waitForFrames(linger *time.Timer) bool {
	for {
		c.mu.Lock()
		if len(c.queue) > 0 || c.closing {
			c.mu.Unlock()
			return true
		}
		c.mu.Unlock()
		linger.Reset(writerLinger)
		select {
		case <-c.wake:
			continue
		case <-linger.C:
		}
		c.mu.Lock()
		if len(c.queue) == 0 && !c.closing {
			c.writing = false
			c.mu.Unlock()
			return false
		}
		c.mu.Unlock()
	}
}

func (c *client) stopBackstop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.backstop != nil {
		c.backstop.Stop()
	}
}

// writeFrames joins frames with '\n' into WebSocket messages of at most
// WriteBatchBytes (a single larger frame goes alone).
func (c *client) writeFrames(frames [][]byte, buf []byte) ([]byte, error) {
	if len(frames) == 0 {
		return buf, nil
	}
	ctx := context.Background() // no deadline: a stuck write is cut by the close backstop
	if len(frames) == 1 {
		c.h.metrics.messagesOut.Inc() // before writing, as below
		return buf, c.ws.Write(ctx, websocket.MessageText, frames[0])
	}
	// Counted before writing: a client can read the frames before Write
	// returns, and the metric must not lag what clients have seen.
	c.h.metrics.messagesOut.Add(float64(len(frames)))
	buf = buf[:0]
	for _, f := range frames {
		if len(buf) > 0 && len(buf)+1+len(f) > c.h.cfg.WriteBatchBytes {
			if err := c.ws.Write(ctx, websocket.MessageText, buf); err != nil {
				return buf, err
			}
			buf = buf[:0]
			if c.abandon.Load() {
				return buf, nil
			}
		}
		if len(buf) > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, f...)
	}
	err := c.ws.Write(ctx, websocket.MessageText, buf)
	if cap(buf) > 16<<10 {
		buf = nil
	}
	return buf, err
}

// readLoop reads and handles frames until the connection fails or a handler
// decides to close it.
func (c *client) readLoop(ctx context.Context) {
	for {
		// Background: a cancellable context would make coder/websocket cut
		// the socket instead of letting the close handshake finish.
		typ, data, err := c.ws.Read(context.Background())
		if err != nil {
			c.readFailed(err)
			return
		}
		if typ != websocket.MessageText {
			c.closeWith(CloseUnsupportedData, "binary_frame", encodeFrame(Frame{
				Op: OpError, Code: CodeBadRequest, Message: "frames are JSON text",
			}))
			return
		}
		var f Frame
		if err := json.Unmarshal(data, &f); err != nil || f.Op == "" {
			c.closeWith(CloseBadRequest, "bad_request", encodeFrame(Frame{
				Op: OpError, Code: CodeBadRequest, Message: "a frame is one JSON object with an op",
			}))
			return
		}
		c.h.metrics.frameIn(f.Op)
		if !c.handle(ctx, &f) {
			return
		}
	}
}

func (c *client) readFailed(err error) {
	reason := "read_error"
	switch {
	case websocket.CloseStatus(err) != -1:
		reason = "client_closed"
	case strings.Contains(err.Error(), "read limited"):
		// coder/websocket has already sent close 1009.
		reason = "frame_too_big"
	}
	c.closeWith(CloseNormal, reason)
}

// handle processes one frame; false stops reading.
func (c *client) handle(ctx context.Context, f *Frame) bool {
	p := c.principal.Load()
	if p == nil {
		if f.Op != OpConnect {
			c.closeWith(CloseUnauthorized, "connect_first", encodeFrame(Frame{
				Op: OpError, ID: f.ID, Code: CodeUnauthorized, Message: "the first frame must be connect",
			}))
			return false
		}
		return c.connect(ctx, f)
	}
	switch f.Op {
	case OpPong:
		c.pongPending.Store(false)
		return true
	case OpPing:
		c.reply(Frame{Op: OpPong, ID: f.ID})
		return true
	case OpRefresh:
		return c.refresh(ctx, f)
	}
	if p.expired(time.Now()) {
		c.reply(errorFrame(f.ID, f.Channel, ErrTokenExpired, CodeTokenExpired))
		return true
	}
	switch f.Op {
	case OpSubscribe:
		fresh, st := c.admitSubscribe(ctx, f)
		switch st {
		case admitClosed:
			return false
		case admitOK:
			c.subscribe(ctx, fresh, f)
		}
	case OpUnsubscribe:
		c.unsubscribe(f)
	case OpPublish:
		c.publish(ctx, *p, f)
	case OpPresence:
		c.presence(ctx, *p, f)
	case OpConnect:
		c.reply(Frame{Op: OpError, ID: f.ID, Code: CodeBadRequest, Message: "already connected"})
	default:
		c.reply(Frame{Op: OpError, ID: f.ID, Code: CodeUnknownOp, Message: "unknown op"})
	}
	return true
}

// authenticate checks a token; on failure it closes the connection with the
// matching code and returns false.
func (c *client) authenticate(ctx context.Context, f *Frame) (Principal, bool) {
	if f.Token == "" {
		c.closeWith(CloseUnauthorized, "unauthorized", encodeFrame(Frame{
			Op: OpError, ID: f.ID, Code: CodeUnauthorized, Message: "token required",
		}))
		return Principal{}, false
	}
	actx, cancel := context.WithTimeout(ctx, c.h.cfg.BrokerTimeout)
	p, err := c.h.auth.Authenticate(actx, f.Token)
	cancel()
	switch {
	case errors.Is(err, ErrTokenExpired) || (err == nil && p.expired(time.Now())):
		c.closeWith(CloseTokenExpired, "token_expired", encodeFrame(Frame{
			Op: OpError, ID: f.ID, Code: CodeTokenExpired, Message: "token expired",
		}))
		return Principal{}, false
	case err != nil || p.UserID == "":
		c.closeWith(CloseUnauthorized, "unauthorized", encodeFrame(Frame{
			Op: OpError, ID: f.ID, Code: CodeUnauthorized, Message: "token refused",
		}))
		return Principal{}, false
	}
	p.token = f.Token
	return p, true
}

func (c *client) connect(ctx context.Context, f *Frame) bool {
	p, ok := c.authenticate(ctx, f)
	if !ok {
		return false
	}
	if !c.h.addUser(c, p.UserID) {
		c.closeWith(CloseConnectionLimit, "connection_limit", encodeFrame(Frame{
			Op: OpError, ID: f.ID, Code: CodeLimitExceeded, Message: "too many connections for this user",
		}))
		return false
	}
	c.principal.Store(&p)
	c.timersMu.Lock()
	c.connectTimer.Stop()
	c.pingTimer = time.AfterFunc(c.h.cfg.PingInterval, c.pingTick)
	c.timersMu.Unlock()
	c.armExpiry(p)
	reply := Frame{Op: OpConnected, ID: f.ID, Client: c.id, User: p.UserID, Ping: int(c.h.cfg.PingInterval / time.Second)}
	if !p.ExpiresAt.IsZero() {
		reply.ExpiresAt = p.ExpiresAt.Unix()
	}
	if reply.Ping == 0 {
		reply.Ping = 1
	}
	c.reply(reply)
	return true
}

func (c *client) refresh(ctx context.Context, f *Frame) bool {
	p, ok := c.authenticate(ctx, f)
	if !ok {
		return false
	}
	if old := c.principal.Load(); old.UserID != p.UserID {
		c.closeWith(CloseUnauthorized, "unauthorized", encodeFrame(Frame{
			Op: OpError, ID: f.ID, Code: CodeUnauthorized, Message: "refresh token is for another user",
		}))
		return false
	}
	c.principal.Store(&p)
	c.armExpiry(p)
	reply := Frame{Op: OpRefreshed, ID: f.ID}
	if !p.ExpiresAt.IsZero() {
		reply.ExpiresAt = p.ExpiresAt.Unix()
	}
	c.reply(reply)
	return true
}

// armExpiry closes the connection when p's token expires, unless a refresh
// replaced it by then.
func (c *client) armExpiry(p Principal) {
	c.timersMu.Lock()
	defer c.timersMu.Unlock()
	if c.expiryTimer != nil {
		c.expiryTimer.Stop()
		c.expiryTimer = nil
	}
	if p.ExpiresAt.IsZero() {
		return
	}
	c.expiryTimer = time.AfterFunc(time.Until(p.ExpiresAt), func() {
		if cur := c.principal.Load(); cur != nil && cur.expired(time.Now()) {
			c.closeWith(CloseTokenExpired, "token_expired", encodeFrame(Frame{
				Op: OpError, Code: CodeTokenExpired, Message: "token expired",
			}))
		}
	})
}

func (c *client) pingTick() {
	if c.pongPending.Load() {
		c.closeWith(CloseNoPong, "no_pong")
		return
	}
	c.pongPending.Store(true)
	c.enqueue(pingFrame)
	c.timersMu.Lock()
	if c.pingTimer != nil {
		c.pingTimer.Reset(c.h.cfg.PingInterval)
	}
	c.timersMu.Unlock()
}

// authorized finds the namespace of the frame's channel and asks its
// authorizer (check is Authorizer.CanSubscribe or CanPublish); when either
// refuses it has already replied with the error and returns false.
func (c *client) authorized(ctx context.Context, p Principal, f *Frame, check func(Authorizer, context.Context, Principal, string) error) (*namespace, bool) {
	ns, err := c.h.namespaceOf(f.Channel)
	if err != nil {
		c.reply(errorFrame(f.ID, f.Channel, err, CodeUnknownChannel))
		return nil, false
	}
	if err := check(ns.Authorizer, ctx, p, f.Channel); err != nil {
		c.reply(errorFrame(f.ID, f.Channel, err, CodeForbidden))
		return nil, false
	}
	return ns, true
}

func (c *client) subscribe(ctx context.Context, p Principal, f *Frame) {
	name := f.Channel
	actx, cancel := context.WithTimeout(ctx, c.h.cfg.BrokerTimeout)
	defer cancel()
	ns, ok := c.authorized(actx, p, f, Authorizer.CanSubscribe)
	if !ok {
		return
	}
	s := &subscription{c: c, info: ClientInfo{Client: c.id, User: p.UserID, Role: p.Role, Since: time.Now().UTC().Truncate(time.Millisecond)}}
	c.subsMu.Lock()
	_, dup := c.subs[name]
	full := len(c.subs) >= c.h.cfg.MaxSubscriptions
	if !dup && !full {
		c.subs[name] = s
	}
	c.subsMu.Unlock()
	switch {
	case dup:
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: name, Code: CodeAlreadySubscribed, Message: "already subscribed"})
		return
	case full:
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: name, Code: CodeLimitExceeded, Message: "too many subscriptions"})
		return
	}
	ch := c.h.acquire(name, ns)
	c.h.addSub(ch, s)
	if err := c.h.ensureBrokerSubscribed(actx, ch); err != nil {
		c.dropSub(name, s, nil)
		c.reply(errorFrame(f.ID, name, err, CodeInternal))
		return
	}
	// Announce before the subscribed reply, never after: a client that
	// subscribes once this reply is out must find this one in the presence
	// list and must not get its joined event as news (docs/hub-protocol.md).
	c.joined(ns, s)
	histSince := f.Since
	for range 4 {
		res, err := c.h.history(actx, ch, histSince)
		if err != nil {
			c.dropSub(name, s, nil)
			c.left(ch, s.info)
			c.reply(errorFrame(f.ID, name, err, CodeInternal))
			return
		}
		switch c.completeSubscribe(ch, s, res, histSince, f) {
		case mergeOK:
			return
		case mergeAborted:
			c.left(ch, s.info)
			return
		case mergeReadEpoch:
			histSince = &StreamPosition{Epoch: res.Top.Epoch}
		default:
			histSince = f.Since
		}
	}
	c.dropSub(name, s, nil)
	c.left(ch, s.info)
	c.reply(Frame{Op: OpError, ID: f.ID, Channel: name, Code: CodeUnavailable, Message: "could not line history up with the live feed, retry"})
}

// completeSubscribe merges the history read with what was buffered meanwhile
// and goes live, all under the channel lock so no live message can slip in
// between.
func (c *client) completeSubscribe(ch *channel, s *subscription, res HistoryResult, histSince *StreamPosition, f *Frame) mergeStatus {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if s.removed {
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: ch.name, Code: CodeRevoked, Message: "subscription revoked"})
		return mergeAborted
	}
	m, st := c.h.merge(ch, s, res, histSince, f.Since)
	if st != mergeOK {
		return st
	}
	reply := Frame{Op: OpSubscribed, ID: f.ID, Channel: ch.name, Epoch: m.start.Epoch, Offset: m.start.Offset}
	if f.Since != nil {
		reply.Recovered = boolPtr(m.recovered)
		result := "recovered"
		if !m.recovered {
			result = "lost"
		}
		c.h.metrics.recoveries.WithLabelValues(result).Inc()
	}
	frames := make([][]byte, 0, 1+len(m.frames))
	frames = append(frames, encodeFrame(reply))
	frames = append(frames, m.frames...)
	c.h.goLive(s, m.pos)
	s.counted = true
	c.h.subscriptions.Add(1)
	c.h.metrics.subscriptions.Inc()
	c.enqueueMany(frames)
	return mergeOK
}

// joined records presence for a subscription about to go live and tells the
// channel's other subscribers. Presence is best effort: the refresher re-adds
// entries that failed.
func (c *client) joined(ns *namespace, s *subscription) {
	if !ns.Presence && !ns.JoinLeave {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.h.cfg.BrokerTimeout)
	defer cancel()
	if ns.Presence {
		if err := c.h.broker.AddPresence(ctx, s.ch.name, s.info, c.h.cfg.PresenceTTL); err != nil {
			c.h.log.Warn("presence add failed", "channel", s.ch.name, "err", err)
		}
	}
	if ns.JoinLeave {
		if err := c.h.broker.PublishJoin(ctx, s.ch.name, s.info); err != nil {
			c.h.log.Warn("join event failed", "channel", s.ch.name, "err", err)
		}
	}
}

func (c *client) unsubscribe(f *Frame) {
	c.subsMu.Lock()
	s := c.subs[f.Channel]
	c.subsMu.Unlock()
	if s == nil {
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: f.Channel, Code: CodeNotSubscribed, Message: "not subscribed"})
		return
	}
	c.dropSub(f.Channel, s, encodeFrame(Frame{Op: OpUnsubscribed, ID: f.ID, Channel: f.Channel}))
}

// revoke ends the client's subscription to channel at the server's request.
func (c *client) revoke(channel string) {
	c.subsMu.Lock()
	s := c.subs[channel]
	c.subsMu.Unlock()
	if s != nil {
		c.dropSub(channel, s, encodeFrame(Frame{Op: OpUnsubscribed, Channel: channel, Code: CodeRevoked, Message: "access revoked"}))
	}
}

// dropSub removes a subscription. final, if set, is queued after the
// subscription stopped receiving, so no message can follow it.
func (c *client) dropSub(name string, s *subscription, final []byte) {
	c.subsMu.Lock()
	if c.subs[name] == s {
		delete(c.subs, name)
	}
	c.subsMu.Unlock()
	ch := s.ch
	wasLive, removed := c.h.detachSub(s)
	if !removed {
		return
	}
	if final != nil {
		c.enqueue(final)
	}
	c.h.release(ch)
	if !wasLive {
		return
	}
	c.h.subscriptions.Add(-1)
	c.h.metrics.subscriptions.Dec()
	c.left(ch, s.info)
}

// left undoes joined: for a live subscription that ended, or one announced
// that never went live.
func (c *client) left(ch *channel, info ClientInfo) {
	if !ch.ns.Presence && !ch.ns.JoinLeave {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.h.cfg.BrokerTimeout)
	defer cancel()
	if ch.ns.Presence {
		if err := c.h.broker.RemovePresence(ctx, ch.name, c.id); err != nil {
			c.h.log.Warn("presence remove failed", "channel", ch.name, "err", err)
		}
	}
	if ch.ns.JoinLeave {
		if err := c.h.broker.PublishLeave(ctx, ch.name, info); err != nil {
			c.h.log.Warn("leave event failed", "channel", ch.name, "err", err)
		}
	}
}

// presenceSubs lists live subscriptions whose namespace keeps presence.
func (c *client) presenceSubs() []*subscription {
	c.subsMu.Lock()
	defer c.subsMu.Unlock()
	var out []*subscription
	for _, s := range c.subs {
		if s.ch != nil && s.ch.ns.Presence {
			out = append(out, s)
		}
	}
	return out
}

func validKey(k string) bool {
	if len(k) > 64 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] <= ' ' || k[i] >= 0x7f {
			return false
		}
	}
	return true
}

func (c *client) publish(ctx context.Context, p Principal, f *Frame) {
	name := f.Channel
	actx, cancel := context.WithTimeout(ctx, c.h.cfg.BrokerTimeout)
	defer cancel()
	ns, ok := c.authorized(actx, p, f, Authorizer.CanPublish)
	if !ok {
		return
	}
	data, err := compactJSON(f.Data)
	if err != nil || !validKey(f.Key) {
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: name, Code: CodeBadRequest, Message: "data must be a JSON value and key at most 64 printable characters"})
		return
	}
	key := ""
	if f.Key != "" {
		// Scoped to the user so one user cannot learn or block another's keys.
		key = p.UserID + "/" + f.Key
	}
	// The hook (which stores what must be durable, e.g. a transcript
	// segment) runs first and without the broker: a broker outage can delay
	// the fan-out but never lose what the hook stored. A resend with the
	// same key runs it again; hooks are idempotent per key.
	if hook := c.h.cfg.OnPublish; hook != nil {
		if err := hook(actx, p, name, data, key); err != nil {
			c.reply(errorFrame(f.ID, name, err, CodePublishRejected))
			return
		}
	}
	pos, err := c.h.publish(actx, ns, name, data, key)
	if err != nil {
		c.reply(errorFrame(f.ID, name, err, CodeInternal))
		return
	}
	c.reply(Frame{Op: OpPublished, ID: f.ID, Channel: name, Epoch: pos.Epoch, Offset: pos.Offset})
}

func (c *client) presence(ctx context.Context, p Principal, f *Frame) {
	name := f.Channel
	actx, cancel := context.WithTimeout(ctx, c.h.cfg.BrokerTimeout)
	defer cancel()
	ns, ok := c.authorized(actx, p, f, Authorizer.CanSubscribe)
	if !ok {
		return
	}
	if !ns.Presence {
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: name, Code: CodeBadRequest, Message: "this namespace keeps no presence"})
		return
	}
	clients, err := c.h.Presence(actx, name)
	if err != nil {
		c.reply(errorFrame(f.ID, name, err, CodeInternal))
		return
	}
	c.reply(Frame{Op: OpPresence, ID: f.ID, Channel: name, Clients: clients})
}

// teardown runs after the reader stops: it forgets the connection, drops its
// subscriptions and waits for the writer.
func (c *client) teardown() {
	c.closeWith(CloseNormal, "closed")
	c.timersMu.Lock()
	c.connectTimer.Stop()
	if c.pingTimer != nil {
		c.pingTimer.Stop()
		c.pingTimer = nil
	}
	if c.expiryTimer != nil {
		c.expiryTimer.Stop()
		c.expiryTimer = nil
	}
	c.timersMu.Unlock()
	user := ""
	if p := c.principal.Load(); p != nil {
		user = p.UserID
	}
	c.h.untrack(c, user)
	c.subsMu.Lock()
	subs := make(map[string]*subscription, len(c.subs))
	for name, s := range c.subs {
		subs[name] = s
	}
	c.subsMu.Unlock()
	for name, s := range subs {
		c.dropSub(name, s, nil)
	}
	<-c.writerDone
}
