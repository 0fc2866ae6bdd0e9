package hub

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

var _ Broker = (*RedisBroker)(nil)

var (
	//go:embed lua/publish.lua
	publishLua string
	//go:embed lua/history.lua
	historyLua string
	//go:embed lua/presence_add.lua
	presenceAddLua string
	//go:embed lua/presence_get.lua
	presenceGetLua string
)

// RedisBrokerConfig configures a RedisBroker.
type RedisBrokerConfig struct {
	// URL is a redis:// URL, e.g. redis://127.0.0.1:6379/0.
	URL string
	// Prefix namespaces every key and pub/sub channel, so that several hubs
	// (or tests) can share one Redis. Default "hub".
	Prefix string
	// SubscribeTimeout bounds how long Subscribe waits for Redis to confirm.
	// Default 5s.
	SubscribeTimeout time.Duration
	// HealthCheck is how long the pub/sub connection may stay silent before it
	// is pinged; a second silent period without a pong reconnects. Default 1s.
	HealthCheck time.Duration
	Logger      *slog.Logger
}

// RedisBroker is the multi-node Broker: Redis PUB/SUB carries live
// publications, a capped stream per channel keeps history, and a Lua script
// updates offset, epoch and stream atomically. It reconnects by itself; while
// Redis is down its operations fail with ErrUnavailable.
type RedisBroker struct {
	client           *redis.Client
	prefix           string
	control          string
	log              *slog.Logger
	handler          atomic.Pointer[EventHandler]
	subscribeTimeout time.Duration
	healthCheck      time.Duration
	// skewMS estimates Redis's clock minus ours, in ms, so a publish's
	// deadline can be checked by the script against Redis's own clock.
	skewMS atomic.Int64

	publishScript     *redis.Script
	historyScript     *redis.Script
	presenceAddScript *redis.Script
	presenceGetScript *redis.Script

	mu      sync.Mutex
	wanted  map[string]struct{}        // pub/sub channels this node listens to
	waiters map[string][]chan struct{} // Subscribe calls waiting for confirmation
	resync  map[string]struct{}        // channels to resync once re-confirmed
	ps      *redis.PubSub              // the live session, nil while disconnected
	ready   chan struct{}              // closed when the first session is up

	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

// NewRedisBroker connects to Redis and starts the pub/sub session, which Close
// stops. It fails when Redis cannot be reached within ctx.
func NewRedisBroker(ctx context.Context, cfg RedisBrokerConfig) (*RedisBroker, error) {
	opts, err := redis.ParseURL(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("redis broker: parse url: %w", err)
	}
	// A retried EVALSHA could append twice when only the reply was lost:
	// callers retry explicitly, with idempotency keys.
	opts.MaxRetries = -1
	opts.ContextTimeoutEnabled = true
	cfg.Prefix = cmpOr(cfg.Prefix, "hub")
	b := &RedisBroker{
		client:            redis.NewClient(opts),
		prefix:            cfg.Prefix,
		control:           cfg.Prefix + ":control",
		log:               cmpOr(cfg.Logger, slog.New(slog.DiscardHandler)),
		subscribeTimeout:  cmpOr(cfg.SubscribeTimeout, 5*time.Second),
		healthCheck:       cmpOr(cfg.HealthCheck, time.Second),
		publishScript:     redis.NewScript(publishLua),
		historyScript:     redis.NewScript(historyLua),
		presenceAddScript: redis.NewScript(presenceAddLua),
		presenceGetScript: redis.NewScript(presenceGetLua),
		wanted:            make(map[string]struct{}),
		waiters:           make(map[string][]chan struct{}),
		resync:            make(map[string]struct{}),
		ready:             make(chan struct{}),
		done:              make(chan struct{}),
	}
	b.wanted[b.control] = struct{}{}
	if err := b.measureSkew(ctx); err != nil {
		_ = b.client.Close()
		return nil, fmt.Errorf("redis broker: ping: %w", err)
	}
	runCtx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	go b.run(runCtx)
	select {
	case <-b.ready:
		return b, nil
	case <-ctx.Done():
		_ = b.Close(context.Background())
		return nil, fmt.Errorf("redis broker: first pub/sub session: %w", ctx.Err())
	}
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// RegisterEventHandler implements Broker. A RedisBroker serves one hub: its
// node-level subscriptions are not reference-counted across hubs.
func (b *RedisBroker) RegisterEventHandler(h EventHandler) { b.handler.Store(&h) }

func (b *RedisBroker) eventHandler() EventHandler {
	if h := b.handler.Load(); h != nil {
		return *h
	}
	return nil
}

func (b *RedisBroker) key(kind, channel string) string {
	// The hash tag keeps one channel's keys in one slot, should this ever run
	// on Redis Cluster.
	return b.prefix + ":" + kind + ":{" + channel + "}"
}

func (b *RedisBroker) pubsubChannel(channel string) string { return b.prefix + ":c:" + channel }

// run keeps a pub/sub session open, reconnecting with back-off.
func (b *RedisBroker) run(ctx context.Context) {
	defer close(b.done)
	delay := 50 * time.Millisecond
	for sessions := 0; ; sessions++ {
		up, err := b.session(ctx, sessions > 0)
		if ctx.Err() != nil {
			return
		}
		if up {
			delay = 50 * time.Millisecond
		}
		b.log.Warn("redis pub/sub session ended", "err", err, "retry_in", delay)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, 2*time.Second)
	}
}

// session subscribes to every wanted channel and reads until the connection
// fails. up reports whether the session got as far as a confirmed subscription.
func (b *RedisBroker) session(ctx context.Context, resync bool) (up bool, err error) {
	ps := b.client.Subscribe(ctx)
	defer func() { _ = ps.Close() }()
	b.mu.Lock()
	chans := make([]string, 0, len(b.wanted))
	for ch := range b.wanted {
		chans = append(chans, ch)
		if resync && ch != b.control {
			b.resync[ch] = struct{}{}
		}
	}
	b.ps = ps
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if b.ps == ps {
			b.ps = nil
		}
		clear(b.resync)
		b.mu.Unlock()
	}()
	for i := 0; i < len(chans); i += 512 {
		if err := ps.Subscribe(ctx, chans[i:min(i+512, len(chans))]...); err != nil {
			return false, fmt.Errorf("subscribe: %w", err)
		}
	}
	pinged := false
	for {
		msg, err := ps.ReceiveTimeout(ctx, b.healthCheck)
		if err != nil {
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				return up, fmt.Errorf("receive: %w", err)
			}
			if pinged {
				return up, errors.New("receive: no pong from redis")
			}
			if err := ps.Ping(ctx); err != nil {
				return up, fmt.Errorf("ping: %w", err)
			}
			pinged = true
			continue
		}
		pinged = false
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind == "subscribe" {
				if !up {
					up = true
					b.log.Info("redis pub/sub session up", "channels", len(chans))
				}
				b.confirmed(m.Channel)
			}
		case *redis.Message:
			b.dispatch(m.Channel, m.Payload)
		}
	}
}

func (b *RedisBroker) confirmed(ch string) {
	b.mu.Lock()
	ws := b.waiters[ch]
	delete(b.waiters, ch)
	_, resync := b.resync[ch]
	delete(b.resync, ch)
	b.mu.Unlock()
	for _, w := range ws {
		close(w)
	}
	if ch == b.control {
		select {
		case <-b.ready:
		default:
			close(b.ready)
		}
		return
	}
	if h := b.eventHandler(); resync && h != nil {
		h.HandleResync(strings.TrimPrefix(ch, b.prefix+":c:"))
	}
}

func (b *RedisBroker) dispatch(ch, payload string) {
	h := b.eventHandler()
	if h == nil {
		return
	}
	if ch == b.control {
		h.HandleControl([]byte(payload))
		return
	}
	name, ok := strings.CutPrefix(ch, b.prefix+":c:")
	if !ok || len(payload) < 2 {
		return
	}
	switch payload[0] {
	case 'p':
		pub, err := parsePubsubPublication(payload)
		if err != nil {
			b.log.Error("redis: bad publication payload", "channel", name, "err", err)
			return
		}
		h.HandlePublication(name, pub)
	case 'j', 'l':
		var info ClientInfo
		if err := json.Unmarshal([]byte(payload[2:]), &info); err != nil {
			b.log.Error("redis: bad presence payload", "channel", name, "err", err)
			return
		}
		if payload[0] == 'j' {
			h.HandleJoin(name, info)
		} else {
			h.HandleLeave(name, info)
		}
	}
}

// parsePubsubPublication parses "p:<offset>:<epoch>:<data>" as written by publish.lua.
func parsePubsubPublication(payload string) (Publication, error) {
	rest := payload[2:]
	offStr, rest, ok1 := strings.Cut(rest, ":")
	epoch, data, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 {
		return Publication{}, errors.New("missing separator")
	}
	off, err := strconv.ParseUint(offStr, 10, 64)
	if err != nil {
		return Publication{}, fmt.Errorf("offset: %w", err)
	}
	return Publication{Epoch: epoch, Offset: off, Data: []byte(data)}, nil
}

// Subscribe implements Broker: it returns after Redis confirmed the
// subscription, so every later publication reaches this node.
func (b *RedisBroker) Subscribe(ctx context.Context, channel string) error {
	full := b.pubsubChannel(channel)
	w := make(chan struct{})
	b.mu.Lock()
	b.wanted[full] = struct{}{}
	b.waiters[full] = append(b.waiters[full], w)
	ps := b.ps
	b.mu.Unlock()
	fail := func(err error) error {
		b.mu.Lock()
		delete(b.wanted, full)
		ws := b.waiters[full]
		for i, x := range ws {
			if x == w {
				b.waiters[full] = append(ws[:i:i], ws[i+1:]...)
				break
			}
		}
		if len(b.waiters[full]) == 0 {
			delete(b.waiters, full)
		}
		b.mu.Unlock()
		return unavailable("redis subscribe "+channel, err)
	}
	if ps == nil {
		return fail(errors.New("pub/sub not connected"))
	}
	if err := ps.Subscribe(ctx, full); err != nil {
		return fail(err)
	}
	t := time.NewTimer(b.subscribeTimeout)
	defer t.Stop()
	select {
	case <-w:
		return nil
	case <-ctx.Done():
		return fail(ctx.Err())
	case <-t.C:
		return fail(errors.New("not confirmed in time"))
	}
}

// Unsubscribe implements Broker.
func (b *RedisBroker) Unsubscribe(ctx context.Context, channel string) error {
	full := b.pubsubChannel(channel)
	b.mu.Lock()
	delete(b.wanted, full)
	delete(b.resync, full)
	ps := b.ps
	b.mu.Unlock()
	if ps == nil {
		return nil // the next session will not subscribe it
	}
	if err := ps.Unsubscribe(ctx, full); err != nil {
		return unavailable("redis unsubscribe "+channel, err)
	}
	return nil
}

// classify wraps err as ErrUnavailable unless Redis answered with a script or
// type error, which is a bug rather than an outage.
func classify(op string, err error) error {
	var rerr redis.Error
	if errors.As(err, &rerr) {
		msg := rerr.Error()
		if strings.HasPrefix(msg, "ERR") || strings.HasPrefix(msg, "WRONGTYPE") {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", op, err)
	}
	return unavailable(op, err)
}

// measureSkew reads Redis's clock (TIME) and records how far it is from
// ours; it doubles as the connectivity check.
func (b *RedisBroker) measureSkew(ctx context.Context) error {
	sent := time.Now()
	t, err := b.client.Time(ctx).Result()
	if err != nil {
		return err
	}
	b.noteRedisTime(sent, time.Now(), t.UnixMilli())
	return nil
}

// noteRedisTime updates the clock skew estimate from a Redis time read
// between sent and received. Slow round trips are ignored: their midpoint
// says little about when Redis read its clock.
func (b *RedisBroker) noteRedisTime(sent, received time.Time, redisMS int64) {
	if received.Sub(sent) > 100*time.Millisecond {
		return
	}
	mid := sent.Add(received.Sub(sent) / 2)
	b.skewMS.Store(redisMS - mid.UnixMilli())
}

// Publish implements Broker. The script checks opts.Deadline against Redis's
// clock (translated with the measured skew), so a publish stuck in a frozen
// Redis does not happen after the caller gave up on it.
func (b *RedisBroker) Publish(ctx context.Context, channel string, data []byte, opts PublishOptions) (StreamPosition, error) {
	metaTTL := max(opts.MetaTTL, opts.HistoryTTL, time.Millisecond)
	idemKey, idemTTL := b.key("m", channel), int64(0)
	if opts.IdempotencyKey != "" {
		idemKey = b.key("i", channel) + ":" + opts.IdempotencyKey
		idemTTL = max(opts.IdempotencyTTL.Milliseconds(), 1)
	}
	histTTL := max(opts.HistoryTTL.Milliseconds(), 1)
	deadline := int64(0)
	if !opts.Deadline.IsZero() {
		deadline = max(opts.Deadline.UnixMilli()+b.skewMS.Load(), 1)
	}
	sent := time.Now()
	res, err := b.publishScript.Run(ctx, b.client,
		[]string{b.key("s", channel), b.key("m", channel), idemKey},
		data, opts.HistorySize, histTTL, metaTTL.Milliseconds(), newEpoch(), b.pubsubChannel(channel), idemTTL, deadline,
	).StringSlice()
	if err != nil {
		return StreamPosition{}, classify("redis publish "+channel, err)
	}
	if len(res) == 3 {
		if ms, err := strconv.ParseInt(res[2], 10, 64); err == nil {
			b.noteRedisTime(sent, time.Now(), ms)
		}
	}
	if len(res) >= 2 && res[1] == "late" {
		return StreamPosition{}, unavailable("redis publish "+channel, errLate)
	}
	return parsePosition(res)
}

func parsePosition(res []string) (StreamPosition, error) {
	if len(res) < 2 {
		return StreamPosition{}, fmt.Errorf("redis: short reply %q", res)
	}
	off, err := strconv.ParseUint(res[1], 10, 64)
	if err != nil {
		return StreamPosition{}, fmt.Errorf("redis: offset %q: %w", res[1], err)
	}
	return StreamPosition{Epoch: res[0], Offset: off}, nil
}

// History implements Broker.
func (b *RedisBroker) History(ctx context.Context, channel string, q HistoryQuery) (HistoryResult, error) {
	since, sinceEpoch := "", ""
	if q.Since != nil {
		since, sinceEpoch = strconv.FormatUint(q.Since.Offset, 10), q.Since.Epoch
	}
	metaTTL := max(q.MetaTTL, time.Millisecond)
	raw, err := b.historyScript.Run(ctx, b.client,
		[]string{b.key("s", channel), b.key("m", channel)},
		since, sinceEpoch, q.Limit, metaTTL.Milliseconds(), newEpoch(),
	).Slice()
	if err != nil {
		return HistoryResult{}, classify("redis history "+channel, err)
	}
	return parseHistory(raw)
}

func parseHistory(raw []any) (HistoryResult, error) {
	if len(raw) != 3 {
		return HistoryResult{}, fmt.Errorf("redis history: reply has %d parts", len(raw))
	}
	epoch, _ := raw[0].(string)
	topStr, _ := raw[1].(string)
	top, err := strconv.ParseUint(topStr, 10, 64)
	if err != nil {
		return HistoryResult{}, fmt.Errorf("redis history: top %q: %w", topStr, err)
	}
	res := HistoryResult{Top: StreamPosition{Epoch: epoch, Offset: top}}
	entries, _ := raw[2].([]any)
	for _, e := range entries {
		pub, err := parseStreamEntry(epoch, e)
		if err != nil {
			return HistoryResult{}, err
		}
		res.Publications = append(res.Publications, pub)
	}
	return res, nil
}

// parseStreamEntry reads one XRANGE entry: [id, [field, value, ...]].
func parseStreamEntry(epoch string, e any) (Publication, error) {
	parts, _ := e.([]any)
	if len(parts) != 2 {
		return Publication{}, errors.New("redis history: bad entry")
	}
	id, _ := parts[0].(string)
	offStr, _, _ := strings.Cut(id, "-")
	off, err := strconv.ParseUint(offStr, 10, 64)
	if err != nil {
		return Publication{}, fmt.Errorf("redis history: entry id %q: %w", id, err)
	}
	fields, _ := parts[1].([]any)
	for i := 0; i+1 < len(fields); i += 2 {
		if f, _ := fields[i].(string); f == "d" {
			v, _ := fields[i+1].(string)
			return Publication{Epoch: epoch, Offset: off, Data: []byte(v)}, nil
		}
	}
	return Publication{}, fmt.Errorf("redis history: entry %s has no data", id)
}

// PublishJoin implements Broker.
func (b *RedisBroker) PublishJoin(ctx context.Context, channel string, info ClientInfo) error {
	return b.publishPresenceEvent(ctx, 'j', channel, info)
}

// PublishLeave implements Broker.
func (b *RedisBroker) PublishLeave(ctx context.Context, channel string, info ClientInfo) error {
	return b.publishPresenceEvent(ctx, 'l', channel, info)
}

func (b *RedisBroker) publishPresenceEvent(ctx context.Context, kind byte, channel string, info ClientInfo) error {
	js, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("encode presence: %w", err)
	}
	payload := append([]byte{kind, ':'}, js...)
	if err := b.client.Publish(ctx, b.pubsubChannel(channel), payload).Err(); err != nil {
		return classify("redis presence event "+channel, err)
	}
	return nil
}

// PublishControl implements Broker.
func (b *RedisBroker) PublishControl(ctx context.Context, data []byte) error {
	if err := b.client.Publish(ctx, b.control, data).Err(); err != nil {
		return classify("redis control", err)
	}
	return nil
}

// AddPresence implements PresenceManager.
func (b *RedisBroker) AddPresence(ctx context.Context, channel string, info ClientInfo, ttl time.Duration) error {
	js, err := json.Marshal(info)
	if err != nil {
		return fmt.Errorf("encode presence: %w", err)
	}
	ttl = max(ttl, time.Millisecond)
	expireAt := time.Now().Add(ttl).UnixMilli()
	err = b.presenceAddScript.Run(ctx, b.client,
		[]string{b.key("pz", channel), b.key("ph", channel)},
		ttl.Milliseconds(), expireAt, info.Client, js,
	).Err()
	if err != nil {
		return classify("redis presence add "+channel, err)
	}
	return nil
}

// RemovePresence implements PresenceManager.
func (b *RedisBroker) RemovePresence(ctx context.Context, channel, clientID string) error {
	_, err := b.client.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.ZRem(ctx, b.key("pz", channel), clientID)
		p.HDel(ctx, b.key("ph", channel), clientID)
		return nil
	})
	if err != nil {
		return classify("redis presence remove "+channel, err)
	}
	return nil
}

// Presence implements PresenceManager. Entries come back ordered by client id.
func (b *RedisBroker) Presence(ctx context.Context, channel string) ([]ClientInfo, error) {
	vals, err := b.presenceGetScript.Run(ctx, b.client,
		[]string{b.key("pz", channel), b.key("ph", channel)},
		time.Now().UnixMilli(),
	).StringSlice()
	if err != nil {
		return nil, classify("redis presence "+channel, err)
	}
	out := make([]ClientInfo, 0, len(vals))
	for _, v := range vals {
		var info ClientInfo
		if err := json.Unmarshal([]byte(v), &info); err != nil {
			return nil, fmt.Errorf("redis presence %s: decode: %w", channel, err)
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Client < out[j].Client })
	return out, nil
}

// Close stops the pub/sub session and closes the Redis client.
func (b *RedisBroker) Close(context.Context) error {
	var err error
	b.once.Do(func() {
		b.cancel()
		b.mu.Lock()
		ps := b.ps
		b.mu.Unlock()
		if ps != nil {
			_ = ps.Close() // unblocks the session's pending receive
		}
		<-b.done
		err = b.client.Close()
	})
	return err
}
