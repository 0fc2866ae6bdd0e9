// Package hubclient is a Go client for the hub protocol (docs/hub-protocol.md)
// over coder/websocket. It reconnects with back-off, resubscribes with the
// last position it saw so missed messages are recovered, and resends
// publishes that were not acknowledged, with the same idempotency key so they
// are not published twice. The voice agent, the tests and hubbench use it.
package hubclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/utopiahire/utopiahire/hub"
)

// Errors returned by the client.
var (
	ErrClosed       = errors.New("hubclient: closed")
	ErrDisconnected = errors.New("hubclient: disconnected before a reply")
)

// ServerError is an error frame from the hub.
type ServerError struct {
	Code    string
	Message string
}

func (e *ServerError) Error() string { return "hub: " + e.Code + ": " + e.Message }

// Retryable reports whether the same request may succeed later: the hub's
// broker was unreachable (unavailable, which means the request was not done),
// the server failed (internal, e.g. a store that could not be written), or
// the token expired (the client reconnects with a fresh one). Anything else
// is a refusal that a resend would only repeat.
func (e *ServerError) Retryable() bool {
	switch e.Code {
	case hub.CodeUnavailable, hub.CodeInternal, hub.CodeTokenExpired:
		return true
	}
	return false
}

// CloseError reports why the hub closed the connection.
type CloseError struct {
	Code   websocket.StatusCode
	Reason string
}

func (e *CloseError) Error() string {
	return fmt.Sprintf("hub closed the connection: %d %s", int(e.Code), e.Reason)
}

// Options configures a Client.
type Options struct {
	// Token returns the access token for each connect, so that a reconnect
	// after expiry uses a fresh one. Required.
	Token func(ctx context.Context) (string, error)
	// MinBackoff and MaxBackoff bound the jittered reconnect delay.
	// Defaults 100ms and 10s.
	MinBackoff, MaxBackoff time.Duration
	// ReadLimit caps one incoming WebSocket message. Default 16 MiB.
	ReadLimit int64
	// HTTPHeader is sent with the upgrade request (e.g. Origin).
	HTTPHeader http.Header
	// OnConnect is called after every successful connect.
	OnConnect func(ConnectInfo)
	// OnDisconnect is called when a connection ends; reconnect says whether
	// the client will try again.
	OnDisconnect func(err error, reconnect bool)
	Logger       *slog.Logger
}

// ConnectInfo is the hub's answer to connect.
type ConnectInfo struct {
	Client    string
	User      string
	Ping      time.Duration
	ExpiresAt time.Time
}

// Message is a publication received on a subscription.
type Message struct {
	Channel  string
	Position hub.StreamPosition
	Data     json.RawMessage
}

// SubscribedEvent reports that a subscription is (again) established.
type SubscribedEvent struct {
	// Position is where the messages that follow continue from.
	Position hub.StreamPosition
	// Recovered is true when every message since the previous position was
	// delivered; false means some are gone and the caller should reload state.
	Recovered bool
	// Resubscribed is false for the first subscribe, true after a reconnect
	// or a server-side reset.
	Resubscribed bool
}

// SubscribeOptions configures a subscription. Callbacks run on the client's
// read goroutine, in order; they must not block for long.
type SubscribeOptions struct {
	// Since resumes from a known position (messages after it are delivered).
	Since        *hub.StreamPosition
	OnMessage    func(Message)
	OnSubscribed func(SubscribedEvent)
	OnPresence   func(event string, who hub.ClientInfo)
	// OnUnsubscribed is called when the server ends the subscription (code
	// "revoked") or refuses it on resubscribe.
	OnUnsubscribed func(code string)
}

// Client is a hub connection that survives reconnects. It is safe for
// concurrent use.
type Client struct {
	url  string
	opts Options
	log  *slog.Logger

	mu       sync.Mutex
	sess     *session
	closed   bool
	nextID   uint64
	pending  map[uint64]func(hub.Frame) // reply handlers by request id
	subs     map[string]*Subscription
	pubs     []*pendingPublish // unacknowledged, in send order
	keyBase  string
	keySeq   uint64
	retryMin time.Duration // server hint from a disconnect frame

	stop chan struct{}
	done chan struct{}
}

type session struct {
	ws   *websocket.Conn
	info ConnectInfo
}

type pendingPublish struct {
	channel string
	data    json.RawMessage
	key     string
	done    chan publishResult

	// Guarded by Client.mu.
	sentOn   *session    // the session the publish is in flight on, if any
	retries  int         // consecutive retryable refusals
	retryAt  *time.Timer // pending resend after a retryable refusal
	finished bool
}

type publishResult struct {
	pos hub.StreamPosition
	err error
}

// Dial connects to the hub at url (ws://host/ws) and authenticates. It fails
// if the first connect fails; after that the client reconnects by itself
// until Close.
func Dial(ctx context.Context, url string, opts Options) (*Client, error) {
	if opts.Token == nil {
		return nil, errors.New("hubclient: Options.Token is required")
	}
	opts.MinBackoff = orDefault(opts.MinBackoff, 100*time.Millisecond)
	opts.MaxBackoff = orDefault(opts.MaxBackoff, 10*time.Second)
	if opts.ReadLimit == 0 {
		opts.ReadLimit = 16 << 20
	}
	c := &Client{
		url:     url,
		opts:    opts,
		log:     opts.Logger,
		pending: make(map[uint64]func(hub.Frame)),
		subs:    make(map[string]*Subscription),
		nextID:  1, // the connect frame's

		keyBase: strconv.FormatUint(rand.Uint64(), 36),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	sess, err := c.connect(ctx)
	if err != nil {
		return nil, err
	}
	if err := c.activate(sess); err != nil {
		return nil, err
	}
	go c.run(sess)
	return c, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Info returns the current connection's details (zero while disconnected).
func (c *Client) Info() ConnectInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess == nil {
		return ConnectInfo{}
	}
	return c.sess.info
}

// connect dials, sends connect and waits for connected.
func (c *Client) connect(ctx context.Context) (*session, error) {
	token, err := c.opts.Token(ctx)
	if err != nil {
		return nil, fmt.Errorf("hubclient: get token: %w", err)
	}
	ws, _, err := websocket.Dial(ctx, c.url, &websocket.DialOptions{
		HTTPHeader:      c.opts.HTTPHeader,
		CompressionMode: websocket.CompressionDisabled,
	})
	if err != nil {
		return nil, fmt.Errorf("hubclient: dial: %w", err)
	}
	ws.SetReadLimit(c.opts.ReadLimit)
	if err := writeFrame(ctx, ws, hub.Frame{Op: hub.OpConnect, ID: 1, Token: token}); err != nil {
		_ = ws.CloseNow()
		return nil, fmt.Errorf("hubclient: send connect: %w", err)
	}
	for {
		_, data, err := ws.Read(ctx)
		if err != nil {
			_ = ws.CloseNow()
			return nil, connectError(err)
		}
		var reply *hub.Frame
		err = eachFrame(data, func(f *hub.Frame) {
			if reply == nil && (f.Op == hub.OpConnected || f.Op == hub.OpError) {
				cp := *f
				reply = &cp
			}
		})
		if err != nil {
			_ = ws.CloseNow()
			return nil, err
		}
		if reply == nil {
			continue
		}
		if reply.Op == hub.OpError {
			_ = ws.CloseNow()
			return nil, &ServerError{Code: reply.Code, Message: reply.Message}
		}
		info := ConnectInfo{Client: reply.Client, User: reply.User, Ping: time.Duration(reply.Ping) * time.Second}
		if reply.ExpiresAt > 0 {
			info.ExpiresAt = time.Unix(reply.ExpiresAt, 0)
		}
		return &session{ws: ws, info: info}, nil
	}
}

func connectError(err error) error {
	if st := websocket.CloseStatus(err); st != -1 {
		var ce websocket.CloseError
		errors.As(err, &ce)
		return &CloseError{Code: st, Reason: ce.Reason}
	}
	return fmt.Errorf("hubclient: read connected: %w", err)
}

func writeFrame(ctx context.Context, ws *websocket.Conn, f hub.Frame) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("encode %s: %w", f.Op, err)
	}
	return ws.Write(ctx, websocket.MessageText, b)
}

// eachFrame calls fn for each newline-separated frame of a message. fn must
// copy what it keeps: the frame is reused.
func eachFrame(data []byte, fn func(*hub.Frame)) error {
	var f hub.Frame
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 {
			continue
		}
		f = hub.Frame{}
		if err := json.Unmarshal(line, &f); err != nil {
			return fmt.Errorf("hubclient: bad frame from hub: %w", err)
		}
		fn(&f)
	}
	return nil
}

// run owns the connection: it reads until the connection fails, then
// reconnects with back-off until Close or a permanent refusal.
func (c *Client) run(sess *session) {
	defer close(c.done)
	attempt := 0
	for {
		if sess != nil {
			attempt = 0
			err := c.serve(sess)
			reconnect := c.shouldReconnect(err)
			if cb := c.opts.OnDisconnect; cb != nil {
				cb(err, reconnect)
			}
			if !reconnect {
				c.shutdown(err)
				return
			}
			c.log.Info("hub connection lost, reconnecting", "err", err)
		}
		select {
		case <-c.stop:
			return
		case <-time.After(c.backoff(attempt)):
		}
		attempt++
		var err error
		sess, err = c.reconnect()
		if err == nil {
			err = c.activate(sess)
		}
		if err != nil {
			c.log.Info("hub reconnect failed", "attempt", attempt, "err", err)
			if !c.shouldReconnect(err) {
				if cb := c.opts.OnDisconnect; cb != nil {
					cb(err, false)
				}
				c.shutdown(err)
				return
			}
			sess = nil
		}
	}
}

// reconnect is connect bounded by a timeout and by Close.
func (c *Client) reconnect() (*session, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go func() {
		select {
		case <-c.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	return c.connect(ctx)
}

func (c *Client) backoff(attempt int) time.Duration {
	d := c.opts.MinBackoff << min(attempt, 16)
	d = min(d, c.opts.MaxBackoff)
	d = d/2 + rand.N(d/2+1)
	c.mu.Lock()
	hint := c.retryMin
	c.retryMin = 0
	c.mu.Unlock()
	return max(d, hint)
}

// shouldReconnect reports whether a connection ending with err is worth
// retrying: not after Close, and not after the server said no for good.
func (c *Client) shouldReconnect(err error) bool {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return false
	}
	var ce *CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case hub.CloseBadRequest, hub.CloseUnauthorized, hub.CloseForceDisconnect,
			hub.CloseUnsupportedData, hub.CloseMessageTooBig:
			return false
		}
	}
	var se *ServerError
	if errors.As(err, &se) && (se.Code == hub.CodeUnauthorized || se.Code == hub.CodeBadRequest) {
		return false
	}
	return true
}

// activate makes sess current and restores subscriptions and publishes.
func (c *Client) activate(sess *session) error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		_ = sess.ws.Close(websocket.StatusNormalClosure, "")
		return ErrClosed
	}
	c.sess = sess
	c.pending = make(map[uint64]func(hub.Frame))
	subs := make([]*Subscription, 0, len(c.subs))
	for _, s := range c.subs {
		subs = append(subs, s)
	}
	pubs := append([]*pendingPublish(nil), c.pubs...)
	c.mu.Unlock()
	if cb := c.opts.OnConnect; cb != nil {
		cb(sess.info)
	}
	for _, s := range subs {
		c.sendSubscribe(sess, s)
	}
	for _, p := range pubs {
		c.sendPublish(sess, p)
	}
	return nil
}

// serve reads from an activated session until the connection ends.
func (c *Client) serve(sess *session) error {
	stopRefresh := c.scheduleRefresh(sess)
	defer stopRefresh()
	err := c.readLoop(sess)
	c.mu.Lock()
	if c.sess == sess {
		c.sess = nil
	}
	// Replies to this session will never come: fail waiting requests.
	// Publishes stay queued and are resent on the next session.
	handlers := c.pending
	c.pending = make(map[uint64]func(hub.Frame))
	c.mu.Unlock()
	for _, h := range handlers {
		h(hub.Frame{Op: hub.OpError, Code: "disconnected"})
	}
	return err
}

func (c *Client) readLoop(sess *session) error {
	// The hub pings every info.Ping; silence for much longer means the
	// connection is dead even if TCP has not noticed.
	silence := 2*sess.info.Ping + 5*time.Second
	watchdog := time.AfterFunc(silence, func() { _ = sess.ws.CloseNow() })
	defer watchdog.Stop()
	var buf bytes.Buffer
	for {
		data, err := readMessage(sess.ws, &buf)
		if err != nil {
			_ = sess.ws.CloseNow()
			if st := websocket.CloseStatus(err); st != -1 {
				var ce websocket.CloseError
				errors.As(err, &ce)
				return &CloseError{Code: st, Reason: ce.Reason}
			}
			return fmt.Errorf("hubclient: read: %w", err)
		}
		watchdog.Reset(silence)
		if err := c.handleMessage(sess, data); err != nil {
			_ = sess.ws.Close(websocket.StatusProtocolError, "bad frame")
			return err
		}
	}
}

// readMessage reads one WebSocket message into buf, reused across messages,
// and returns a copy of exactly its size: the frames' data may be kept by
// callbacks, so each message gets its own array, but it is allocated once
// instead of grown from 512 bytes as io.ReadAll (websocket.Conn.Read) does.
func readMessage(ws *websocket.Conn, buf *bytes.Buffer) ([]byte, error) {
	_, r, err := ws.Reader(context.Background())
	if err != nil {
		return nil, err
	}
	buf.Reset()
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	data := bytes.Clone(buf.Bytes())
	if buf.Cap() > 1<<20 {
		*buf = bytes.Buffer{} // do not keep a rare huge message's array
	}
	return data, nil
}

// handleMessage dispatches the frames of one WebSocket message. Message
// frames, the bulk of the traffic, take a fast path that reads the hub's
// fixed layout; anything else goes through encoding/json.
func (c *Client) handleMessage(sess *session, data []byte) error {
	var f hub.Frame
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 || c.fastMessage(line) {
			continue
		}
		f = hub.Frame{}
		if err := json.Unmarshal(line, &f); err != nil {
			return fmt.Errorf("hubclient: bad frame from hub: %w", err)
		}
		c.dispatch(sess, &f)
	}
	return nil
}

// fastMessage handles a message frame laid out exactly as the hub writes it:
// {"op":"message","channel":"<c>","epoch":"<e>","offset":<n>,"data":<json>}.
// Channel names and epochs never contain quotes or escapes. It returns false
// for anything else, which then takes the slow path.
func (c *Client) fastMessage(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte(`{"op":"message","channel":"`))
	if !ok {
		return false
	}
	i := bytes.IndexByte(rest, '"')
	if i < 0 {
		return false
	}
	channel := rest[:i]
	rest, ok = bytes.CutPrefix(rest[i:], []byte(`","epoch":"`))
	if !ok {
		return false
	}
	if i = bytes.IndexByte(rest, '"'); i < 0 {
		return false
	}
	epoch := rest[:i]
	rest, ok = bytes.CutPrefix(rest[i:], []byte(`","offset":`))
	if !ok {
		return false
	}
	var off uint64
	n := 0
	for ; n < len(rest) && rest[n] >= '0' && rest[n] <= '9'; n++ {
		off = off*10 + uint64(rest[n]-'0')
	}
	rest, ok = bytes.CutPrefix(rest[n:], []byte(`,"data":`))
	if !ok || n == 0 || len(rest) < 2 || rest[len(rest)-1] != '}' {
		return false
	}
	s := c.subBytes(channel)
	if s == nil {
		return true
	}
	// data aliases the message buffer, which coder/websocket does not reuse.
	s.deliver(epoch, off, rest[:len(rest)-1])
	return true
}

func (c *Client) dispatch(sess *session, f *hub.Frame) {
	switch f.Op {
	case hub.OpMessage:
		c.onMessage(f)
		return
	case hub.OpPing:
		go func() { _ = writeFrame(context.Background(), sess.ws, hub.Frame{Op: hub.OpPong}) }()
		return
	case hub.OpDisconnect:
		if f.RetryMS > 0 {
			c.mu.Lock()
			c.retryMin = time.Duration(f.RetryMS) * time.Millisecond
			c.mu.Unlock()
		}
		return
	}
	if f.ID != 0 {
		c.mu.Lock()
		h := c.pending[f.ID]
		delete(c.pending, f.ID)
		c.mu.Unlock()
		if h != nil {
			h(*f)
		}
		return
	}
	switch f.Op {
	case hub.OpSubscribed:
		// Unsolicited: the server had to reset this subscription.
		if s := c.sub(f.Channel); s != nil {
			s.established(f, true)
		}
	case hub.OpUnsubscribed:
		if s := c.sub(f.Channel); s != nil {
			c.removeSub(s)
			if cb := s.opts.OnUnsubscribed; cb != nil {
				cb(f.Code)
			}
		}
	case hub.OpPresence:
		if s := c.sub(f.Channel); s != nil && s.opts.OnPresence != nil && f.Who != nil {
			s.opts.OnPresence(f.Event, *f.Who)
		}
	case hub.OpError:
		c.log.Warn("hub error", "code", f.Code, "message", f.Message, "channel", f.Channel)
	}
}

func (c *Client) onMessage(f *hub.Frame) {
	if s := c.sub(f.Channel); s != nil {
		// f.Data is owned by this frame (json.RawMessage copies on unmarshal).
		s.deliver([]byte(f.Epoch), f.Offset, f.Data)
	}
}

// request sends f with a fresh id on the current session and calls onReply
// with the reply frame, or with an error frame coded "disconnected".
func (c *Client) request(sess *session, f hub.Frame, onReply func(hub.Frame)) {
	c.mu.Lock()
	if c.sess != sess {
		c.mu.Unlock()
		onReply(hub.Frame{Op: hub.OpError, Code: "disconnected"})
		return
	}
	c.nextID++
	f.ID = c.nextID
	c.pending[f.ID] = onReply
	c.mu.Unlock()
	if err := writeFrame(context.Background(), sess.ws, f); err != nil {
		// The read loop notices the broken connection and fails the request.
		_ = sess.ws.CloseNow()
	}
}

func (c *Client) current() (*session, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, ErrClosed
	}
	return c.sess, nil
}

func replyError(f hub.Frame) error {
	if f.Op != hub.OpError {
		return nil
	}
	if f.Code == "disconnected" {
		return ErrDisconnected
	}
	return &ServerError{Code: f.Code, Message: f.Message}
}

// scheduleRefresh sends a refresh frame with a new token shortly before the
// current one expires, and again before each new token expires.
func (c *Client) scheduleRefresh(sess *session) func() {
	var mu sync.Mutex
	stopped := false
	var t *time.Timer
	var arm func(expires time.Time)
	arm = func(expires time.Time) {
		if expires.IsZero() {
			return
		}
		left := time.Until(expires)
		delay := max(left-min(30*time.Second, left/5), 200*time.Millisecond)
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		t = time.AfterFunc(delay, func() { c.refresh(sess, arm) })
	}
	arm(sess.info.ExpiresAt)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		if t != nil {
			t.Stop()
		}
	}
}

func (c *Client) refresh(sess *session, rearm func(time.Time)) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	token, err := c.opts.Token(ctx)
	if err != nil {
		c.log.Warn("token refresh failed", "err", err)
		return
	}
	c.request(sess, hub.Frame{Op: hub.OpRefresh, Token: token}, func(f hub.Frame) {
		if err := replyError(f); err != nil {
			c.log.Warn("token refresh refused", "err", err)
			return
		}
		var exp time.Time
		if f.ExpiresAt > 0 {
			exp = time.Unix(f.ExpiresAt, 0)
		}
		c.mu.Lock()
		sess.info.ExpiresAt = exp
		c.mu.Unlock()
		rearm(exp)
	})
}

// Publish publishes data (a JSON value) on channel and returns its position
// once the hub acknowledged it, under an idempotency key the client chooses.
// See PublishWithKey.
func (c *Client) Publish(ctx context.Context, channel string, data []byte) (hub.StreamPosition, error) {
	c.mu.Lock()
	c.keySeq++
	key := c.keyBase + "-" + strconv.FormatUint(c.keySeq, 36)
	c.mu.Unlock()
	return c.PublishWithKey(ctx, channel, key, data)
}

// PublishWithKey publishes data (a JSON value) on channel with idempotency
// key (at most 64 printable characters, unique per publication for this
// user and channel) and returns its position once the hub acknowledged it.
// Until then the client keeps the publish and resends it with the same key:
// after a reconnect (also to a restarted server), and with back-off after a
// retryable refusal (ServerError.Retryable: unavailable, internal,
// token_expired), so the hub publishes it once. It returns early only for a
// refusal a resend would repeat (a *ServerError), when the client stops
// (ErrClosed or the reason it stopped), or when ctx ends; a caller that
// wants the publication made calls again with the same key.
func (c *Client) PublishWithKey(ctx context.Context, channel, key string, data []byte) (hub.StreamPosition, error) {
	p := &pendingPublish{channel: channel, data: data, key: key, done: make(chan publishResult, 1)}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return hub.StreamPosition{}, ErrClosed
	}
	c.pubs = append(c.pubs, p)
	sess := c.sess
	c.mu.Unlock()
	if sess != nil {
		c.sendPublish(sess, p)
	}
	select {
	case r := <-p.done:
		return r.pos, r.err
	case <-ctx.Done():
		c.dropPublish(p)
		return hub.StreamPosition{}, ctx.Err()
	}
}

// sendPublish sends p on sess unless it is already in flight there.
func (c *Client) sendPublish(sess *session, p *pendingPublish) {
	c.mu.Lock()
	if p.finished || p.sentOn == sess {
		c.mu.Unlock()
		return
	}
	p.sentOn = sess
	if p.retryAt != nil {
		p.retryAt.Stop()
		p.retryAt = nil
	}
	c.mu.Unlock()
	c.request(sess, hub.Frame{Op: hub.OpPublish, Channel: p.channel, Data: p.data, Key: p.key}, func(f hub.Frame) {
		err := replyError(f)
		if errors.Is(err, ErrDisconnected) {
			return // resent on the next session
		}
		var se *ServerError
		if errors.As(err, &se) && se.Retryable() {
			c.retryPublish(p, se)
			return
		}
		c.dropPublish(p)
		p.done <- publishResult{pos: hub.StreamPosition{Epoch: f.Epoch, Offset: f.Offset}, err: err}
	})
}

// retryPublish resends p with its key after a back-off, on whatever session
// is current then (a reconnect in between resends it anyway).
func (c *Client) retryPublish(p *pendingPublish, cause *ServerError) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p.finished {
		return
	}
	p.sentOn = nil
	p.retries++
	d := c.opts.MinBackoff << min(p.retries-1, 16)
	d = min(d, c.opts.MaxBackoff, 2*time.Second)
	d = d/2 + rand.N(d/2+1)
	c.log.Info("hub refused a publish for now, resending", "channel", p.channel, "code", cause.Code, "retry_in", d)
	p.retryAt = time.AfterFunc(d, func() {
		c.mu.Lock()
		sess := c.sess
		c.mu.Unlock()
		if sess != nil {
			c.sendPublish(sess, p)
		}
	})
}

func (c *Client) dropPublish(p *pendingPublish) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p.finished = true
	if p.retryAt != nil {
		p.retryAt.Stop()
		p.retryAt = nil
	}
	for i, x := range c.pubs {
		if x == p {
			c.pubs = append(c.pubs[:i], c.pubs[i+1:]...)
			return
		}
	}
}

// Presence lists the subscribers of channel.
func (c *Client) Presence(ctx context.Context, channel string) ([]hub.ClientInfo, error) {
	sess, err := c.current()
	if err != nil {
		return nil, err
	}
	if sess == nil {
		return nil, ErrDisconnected
	}
	ch := make(chan hub.Frame, 1)
	c.request(sess, hub.Frame{Op: hub.OpPresence, Channel: channel}, func(f hub.Frame) { ch <- f })
	select {
	case f := <-ch:
		if err := replyError(f); err != nil {
			return nil, err
		}
		return f.Clients, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close ends the connection with a normal close and stops reconnecting.
func (c *Client) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		<-c.done
		return nil
	}
	c.closed = true
	sess := c.sess
	c.mu.Unlock()
	close(c.stop)
	if sess != nil {
		_ = sess.ws.Close(websocket.StatusNormalClosure, "")
	}
	<-c.done
	c.shutdown(ErrClosed)
	return nil
}

// shutdown fails everything still waiting.
func (c *Client) shutdown(err error) {
	c.mu.Lock()
	c.closed = true
	pubs := c.pubs
	c.pubs = nil
	for _, p := range pubs {
		p.finished = true
		if p.retryAt != nil {
			p.retryAt.Stop()
			p.retryAt = nil
		}
	}
	subs := c.subs
	c.subs = make(map[string]*Subscription)
	c.mu.Unlock()
	for _, p := range pubs {
		select {
		case p.done <- publishResult{err: err}:
		default:
		}
	}
	for _, s := range subs {
		s.fail(err)
	}
}

// Done is closed when the client has stopped: after Close, or when the hub
// refused it for good (see Options.OnDisconnect for the reason).
func (c *Client) Done() <-chan struct{} { return c.done }
