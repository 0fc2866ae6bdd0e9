package hub

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
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
	// URL is a redis:// URL of a single Redis, e.g. redis://127.0.0.1:6379/0.
	// Ignored when Options is set.
	URL string
	// Options selects the deployment as redis.NewUniversalClient does: a
	// single Redis (one address), Redis Sentinel (MasterName set) or Redis
	// Cluster (IsClusterMode, or several addresses without MasterName). On a
	// cluster, live publications use sharded pub/sub (SSUBSCRIBE/SPUBLISH,
	// Redis >= 7), so each channel's traffic touches only its own shard.
	// PoolSize 0 means what a single Redis client gets: 10 connections per
	// CPU (on a cluster, per master).
	Options *redis.UniversalOptions
	// Prefix namespaces every key and pub/sub channel, so that several hubs
	// (or tests) can share one Redis. Default "hub".
	Prefix string
	// SubscribeTimeout bounds how long Subscribe waits for Redis to confirm.
	// Default 5s.
	SubscribeTimeout time.Duration
	// HealthCheck is how long a pub/sub connection may stay silent before it
	// is pinged; a second silent period without a pong reconnects. Default 1s.
	HealthCheck time.Duration
	// WaitReplicas, when above 0, makes Publish wait (Redis WAIT) until that
	// many replicas have the publication before acknowledging it, so a
	// failover cannot lose an acknowledged publication. A publish whose
	// replication is not confirmed within WaitTimeout fails with
	// ErrUnavailable (it may still have been made: a retry with the same
	// idempotency key answers with its position). 0: acknowledge at once.
	WaitReplicas int
	// WaitTimeout bounds the wait for replicas. Default 1s.
	WaitTimeout time.Duration
	Logger      *slog.Logger
}

// RedisBroker is the multi-node Broker: Redis pub/sub carries live
// publications, a capped stream per channel keeps history, and a Lua script
// updates offset, epoch and stream atomically. Every key of a channel shares
// one hash slot, so on Redis Cluster each script runs on one shard. It
// reconnects by itself; while Redis (or a channel's shard) is down its
// operations fail with ErrUnavailable.
type RedisBroker struct {
	client redis.UniversalClient
	// cluster is client on Redis Cluster, nil otherwise.
	cluster          *redis.ClusterClient
	prefix           string
	control          string
	log              *slog.Logger
	handler          atomic.Pointer[EventHandler]
	subscribeTimeout time.Duration
	healthCheck      time.Duration
	waitReplicas     int
	waitTimeout      time.Duration
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
	ps      *redis.PubSub              // the main session, nil while disconnected
	ready   chan struct{}              // closed when the first session is up
	// On Redis Cluster the main session carries only the control channel;
	// each channel lives in the session of the shard serving its slot.
	shards map[string]*shard // by node address
	owner  map[string]*shard // channel -> the shard session holding it

	stop     chan struct{} // closed by Close
	cancel   context.CancelFunc
	done     chan struct{}
	shardsWG sync.WaitGroup // shard sessions and channels being followed
	once     sync.Once
}

// shard is the sharded pub/sub session with one cluster master. Its fields
// are guarded by the broker's mu.
type shard struct {
	addr   string
	client *redis.Client // owned by the shard's goroutine
	chans  map[string]struct{}
	ps     *redis.PubSub // nil while disconnected
}

// NewRedisBroker connects to Redis and starts the pub/sub session, which Close
// stops. It fails when Redis cannot be reached within ctx.
func NewRedisBroker(ctx context.Context, cfg RedisBrokerConfig) (*RedisBroker, error) {
	if cfg.Options == nil {
		opts, err := redis.ParseURL(cfg.URL)
		if err != nil {
			return nil, fmt.Errorf("redis broker: parse url: %w", err)
		}
		// A retried EVALSHA could append twice when only the reply was lost:
		// callers retry explicitly, with idempotency keys.
		return newRedisBroker(ctx, cfg, redis.NewClient(withBrokerDefaults(opts)))
	}
	return newRedisBroker(ctx, cfg, redis.NewUniversalClient(universalBrokerOptions(*cfg.Options)))
}

// universalBrokerOptions applies the broker's defaults to options for
// redis.NewUniversalClient.
func universalBrokerOptions(o redis.UniversalOptions) *redis.UniversalOptions {
	o.MaxRetries = -1 // as for a URL: callers retry explicitly
	o.ContextTimeoutEnabled = true
	if o.MaintNotificationsConfig == nil {
		o.MaintNotificationsConfig = maintNotificationsOff()
	}
	// go-redis gives a cluster client half the connections per node that it
	// gives a single or Sentinel client (5 against 10 per CPU). A publish
	// holds a connection until its reply is read, and on a busy node the
	// reply waits behind the WebSocket writers of the previous fan-out: a
	// publish that finds the smaller pool empty reaches Redis one fan-out
	// round later and is delivered in a round (one write per subscriber) of
	// its own. One size for every deployment keeps a cluster from paying for
	// that (issue 18: 8 concurrent publishers on one CPU made 1.8× the
	// WebSocket writes per delivery on a cluster).
	o.PoolSize = cmpOr(o.PoolSize, 10*runtime.GOMAXPROCS(0))
	return &o
}

func withBrokerDefaults(opts *redis.Options) *redis.Options {
	opts.MaxRetries = -1
	opts.ContextTimeoutEnabled = true
	if opts.MaintNotificationsConfig == nil {
		opts.MaintNotificationsConfig = maintNotificationsOff()
	}
	return opts
}

// maintNotificationsOff turns off go-redis's maintenance notifications
// (a Redis Enterprise / Redis 8 handshake): Redis 7 refuses the command, and
// go-redis's fallback then rewrites options shared with the connections
// Publish pins for WAIT (Client.Conn), racing with their handshakes.
func maintNotificationsOff() *maintnotifications.Config {
	return &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}
}

func newRedisBroker(ctx context.Context, cfg RedisBrokerConfig, client redis.UniversalClient) (*RedisBroker, error) {
	cfg.Prefix = cmpOr(cfg.Prefix, "hub")
	if strings.ContainsAny(cfg.Prefix, "{}") {
		_ = client.Close()
		return nil, fmt.Errorf("redis broker: prefix %q contains a hash tag brace", cfg.Prefix)
	}
	b := &RedisBroker{
		client:            client,
		prefix:            cfg.Prefix,
		control:           cfg.Prefix + ":control",
		log:               cmpOr(cfg.Logger, slog.New(slog.DiscardHandler)),
		subscribeTimeout:  cmpOr(cfg.SubscribeTimeout, 5*time.Second),
		healthCheck:       cmpOr(cfg.HealthCheck, time.Second),
		waitReplicas:      max(cfg.WaitReplicas, 0),
		waitTimeout:       cmpOr(cfg.WaitTimeout, time.Second),
		publishScript:     redis.NewScript(publishLua),
		historyScript:     redis.NewScript(historyLua),
		presenceAddScript: redis.NewScript(presenceAddLua),
		presenceGetScript: redis.NewScript(presenceGetLua),
		wanted:            make(map[string]struct{}),
		waiters:           make(map[string][]chan struct{}),
		resync:            make(map[string]struct{}),
		shards:            make(map[string]*shard),
		owner:             make(map[string]*shard),
		ready:             make(chan struct{}),
		stop:              make(chan struct{}),
		done:              make(chan struct{}),
	}
	b.cluster, _ = client.(*redis.ClusterClient)
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

// Clustered reports whether the broker runs on Redis Cluster (sharded pub/sub).
func (b *RedisBroker) Clustered() bool { return b.cluster != nil }

// RegisterEventHandler implements Broker. A RedisBroker serves one hub: its
// node-level subscriptions are not reference-counted across hubs.
func (b *RedisBroker) RegisterEventHandler(h EventHandler) { b.handler.Store(&h) }

func (b *RedisBroker) eventHandler() EventHandler {
	if h := b.handler.Load(); h != nil {
		return *h
	}
	return nil
}

// key names one of a channel's keys. The hash tag puts all of a channel's
// keys (and, on a cluster, its pub/sub channel) in one slot, so every script
// touches one shard.
func (b *RedisBroker) key(kind, channel string) string {
	return b.prefix + ":" + kind + ":{" + channel + "}"
}

// pubsubChannel names a channel's pub/sub channel: hash-tagged on a cluster,
// where it is a shard channel living in the slot of the channel's keys.
func (b *RedisBroker) pubsubChannel(channel string) string {
	if b.cluster != nil {
		return b.key("c", channel)
	}
	return b.prefix + ":c:" + channel
}

// channelName is pubsubChannel's inverse.
func (b *RedisBroker) channelName(ch string) (string, bool) {
	name, ok := strings.CutPrefix(ch, b.prefix+":c:")
	if !ok || b.cluster == nil {
		return name, ok
	}
	if len(name) < 2 || name[0] != '{' || name[len(name)-1] != '}' {
		return "", false
	}
	return name[1 : len(name)-1], true
}

func (b *RedisBroker) publishCommand() string {
	if b.cluster != nil {
		return "spublish"
	}
	return "publish"
}

// run keeps the main pub/sub session open, reconnecting with back-off.
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
		b.reloadTopology()
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, 2*time.Second)
	}
}

// reloadTopology asks the cluster client to re-read which node serves which
// slot: it learns of a failover only when told to look.
func (b *RedisBroker) reloadTopology() {
	if b.cluster != nil {
		b.cluster.ReloadState(context.Background())
	}
}

// reloadNow re-reads the cluster's slot map before returning (the lazy
// reload might not have finished when the caller routes by it).
func (b *RedisBroker) reloadNow(ctx context.Context) {
	_ = b.cluster.ForEachMaster(ctx, func(context.Context, *redis.Client) error { return nil })
}

// session subscribes to every wanted channel and reads until the connection
// fails. up reports whether the session got as far as a confirmed subscription.
// On a cluster it carries the control channel only.
func (b *RedisBroker) session(ctx context.Context, resync bool) (up bool, err error) {
	ps := b.client.Subscribe(ctx)
	defer func() { _ = ps.Close() }()
	b.mu.Lock()
	var chans []string
	if b.cluster != nil {
		chans = []string{b.control}
	} else {
		chans = make([]string, 0, len(b.wanted))
		for ch := range b.wanted {
			chans = append(chans, ch)
			if resync && ch != b.control {
				b.resync[ch] = struct{}{}
			}
		}
	}
	b.ps = ps
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if b.ps == ps {
			b.ps = nil
		}
		if b.cluster == nil {
			clear(b.resync)
		}
		b.mu.Unlock()
	}()
	for i := 0; i < len(chans); i += 512 {
		if err := ps.Subscribe(ctx, chans[i:min(i+512, len(chans))]...); err != nil {
			return false, fmt.Errorf("subscribe: %w", err)
		}
	}
	return b.receive(ctx, ps, func(m *redis.Subscription) {
		if m.Kind == "subscribe" {
			if !up {
				up = true
				b.log.Info("redis pub/sub session up", "channels", len(chans))
			}
			b.confirmed(m.Channel)
		}
	})
}

// receive reads ps until it fails, pinging it when silent, and hands
// subscription events to onSub and messages to dispatch.
func (b *RedisBroker) receive(ctx context.Context, ps *redis.PubSub, onSub func(*redis.Subscription)) (bool, error) {
	pinged := false
	for {
		msg, err := ps.ReceiveTimeout(ctx, b.healthCheck)
		if err != nil {
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				return false, fmt.Errorf("receive: %w", err)
			}
			if pinged {
				return false, errors.New("receive: no pong from redis")
			}
			if err := ps.Ping(ctx); err != nil {
				return false, fmt.Errorf("ping: %w", err)
			}
			pinged = true
			continue
		}
		pinged = false
		switch m := msg.(type) {
		case *redis.Subscription:
			onSub(m)
		case *redis.Message:
			b.dispatch(m.Channel, m.Payload)
		}
	}
}

// shardAt returns the shard session for the master at addr, starting it if
// needed. b.mu held.
func (b *RedisBroker) shardAt(addr string) *shard {
	if sh := b.shards[addr]; sh != nil {
		return sh
	}
	copts := b.cluster.Options()
	sh := &shard{
		addr: addr,
		client: redis.NewClient(&redis.Options{
			Addr: addr, Username: copts.Username, Password: copts.Password, TLSConfig: copts.TLSConfig,
			Protocol: copts.Protocol, DialTimeout: min(cmpOr(copts.DialTimeout, 5*time.Second), 2*time.Second),
			MaxRetries: -1, ContextTimeoutEnabled: true, PoolSize: 1,
			MaintNotificationsConfig: maintNotificationsOff(),
		}),
		chans: make(map[string]struct{}),
	}
	b.shards[addr] = sh
	b.shardsWG.Add(1)
	go b.runShard(sh)
	return sh
}

// assign puts channel ch (a pub/sub channel name) in the session of the
// master serving its slot and returns that session's connection, if up.
func (b *RedisBroker) assign(ctx context.Context, ch string) (*redis.PubSub, error) {
	b.mu.Lock()
	if sh := b.owner[ch]; sh != nil {
		ps := sh.ps
		b.mu.Unlock()
		return ps, nil
	}
	b.mu.Unlock()
	node, err := b.cluster.MasterForKey(ctx, ch)
	if err != nil {
		return nil, err
	}
	addr := node.Options().Addr
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.stop:
		return nil, ErrClosed
	default:
	}
	if _, ok := b.wanted[ch]; !ok {
		return nil, errors.New("unsubscribed meanwhile")
	}
	if sh := b.owner[ch]; sh != nil {
		return sh.ps, nil
	}
	sh := b.shardAt(addr)
	sh.chans[ch] = struct{}{}
	b.owner[ch] = sh
	return sh.ps, nil
}

// runShard keeps one master's sharded pub/sub session open. When a session
// ends (the master died, or gave slots away) its channels are routed again
// to whichever master serves them now and resynced once re-confirmed. It
// returns when no channel is left for this master, or at Close.
func (b *RedisBroker) runShard(sh *shard) {
	defer b.shardsWG.Done()
	defer func() { _ = sh.client.Close() }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-b.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	delay := 50 * time.Millisecond
	for {
		up, err := b.shardSession(ctx, sh)
		if ctx.Err() != nil {
			return
		}
		if up {
			delay = 50 * time.Millisecond
		}
		b.log.Warn("redis shard pub/sub session ended", "node", sh.addr, "err", err, "retry_in", delay)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, time.Second)
		if b.reroute(ctx, sh) {
			return
		}
	}
}

// shardSession subscribes the shard's channels and reads until the
// connection fails.
func (b *RedisBroker) shardSession(ctx context.Context, sh *shard) (up bool, err error) {
	ps := sh.client.SSubscribe(ctx)
	defer func() { _ = ps.Close() }()
	b.mu.Lock()
	chans := make([]string, 0, len(sh.chans))
	for ch := range sh.chans {
		chans = append(chans, ch)
	}
	sh.ps = ps
	b.mu.Unlock()
	defer func() {
		// Whatever this session carried may have missed publications.
		b.mu.Lock()
		if sh.ps == ps {
			sh.ps = nil
		}
		for ch := range sh.chans {
			if _, ok := b.wanted[ch]; ok {
				b.resync[ch] = struct{}{}
			}
		}
		b.mu.Unlock()
	}()
	// One command per channel: SSUBSCRIBE refuses channels of several slots.
	for _, ch := range chans {
		if err := ps.SSubscribe(ctx, ch); err != nil {
			return false, fmt.Errorf("ssubscribe: %w", err)
		}
	}
	if len(chans) == 0 {
		if err := ps.Ping(ctx); err != nil {
			return false, fmt.Errorf("ping: %w", err)
		}
	}
	_, err = b.receive(ctx, ps, func(m *redis.Subscription) {
		switch m.Kind {
		case "ssubscribe":
			up = true
			b.confirmed(m.Channel)
		case "sunsubscribe":
			// Redis drops a shard channel's subscribers when its slot moves
			// to another master: follow it there.
			b.mu.Lock()
			moved := b.owner[m.Channel] == sh
			if moved {
				delete(sh.chans, m.Channel)
				delete(b.owner, m.Channel)
				if _, ok := b.wanted[m.Channel]; ok {
					b.resync[m.Channel] = struct{}{}
				}
			}
			_, wanted := b.wanted[m.Channel]
			b.mu.Unlock()
			if moved && wanted {
				// Not SUNSUBSCRIBE: this master answers it with MOVED, which
				// would end the session. go-redis still lists the channel for
				// its own reconnect, but a broken connection ends the
				// session, and the next one starts from sh.chans.
				b.shardsWG.Add(1) // from a shard goroutine: the group is not at zero
				go b.follow(m.Channel)
			}
		}
	})
	return up, err
}

// follow re-subscribes a channel whose slot moved, retrying until the
// topology settles or the channel is no longer wanted.
func (b *RedisBroker) follow(ch string) {
	defer b.shardsWG.Done()
	delay := 50 * time.Millisecond
	for {
		select {
		case <-b.stop:
			return
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), b.subscribeTimeout)
		b.reloadNow(ctx)
		ps, err := b.assign(ctx, ch)
		if err == nil && ps != nil {
			err = ps.SSubscribe(ctx, ch)
		}
		cancel()
		b.mu.Lock()
		_, wanted := b.wanted[ch]
		b.mu.Unlock()
		if err == nil || !wanted {
			return
		}
		b.log.Warn("redis: follow moved channel", "err", err)
		select {
		case <-b.stop:
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, time.Second)
	}
}

// reroute moves the shard's channels to the masters serving their slots now
// (after a failover the promoted replica has another address). It reports
// whether the shard is left without channels and was removed.
func (b *RedisBroker) reroute(ctx context.Context, sh *shard) (gone bool) {
	b.reloadNow(ctx)
	b.mu.Lock()
	chans := make([]string, 0, len(sh.chans))
	for ch := range sh.chans {
		chans = append(chans, ch)
	}
	b.mu.Unlock()
	for _, ch := range chans {
		node, err := b.cluster.MasterForKey(ctx, ch)
		if err != nil {
			continue
		}
		addr := node.Options().Addr
		if addr == sh.addr {
			continue
		}
		b.mu.Lock()
		var ps *redis.PubSub
		if _, ok := b.wanted[ch]; ok && b.owner[ch] == sh {
			delete(sh.chans, ch)
			to := b.shardAt(addr)
			to.chans[ch] = struct{}{}
			b.owner[ch] = to
			b.resync[ch] = struct{}{}
			ps = to.ps
		}
		b.mu.Unlock()
		if ps != nil {
			_ = ps.SSubscribe(ctx, ch) // on failure, that session's restart subscribes it
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(sh.chans) == 0 && b.shards[sh.addr] == sh {
		delete(b.shards, sh.addr)
		return true
	}
	return false
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
		if name, ok := b.channelName(ch); ok {
			h.HandleResync(name)
		}
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
	name, ok := b.channelName(ch)
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
		if sh := b.owner[full]; sh != nil {
			delete(sh.chans, full)
			delete(b.owner, full)
		}
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
	if b.cluster != nil {
		var err error
		if ps, err = b.assign(ctx, full); err != nil {
			b.reloadTopology()
			return fail(err)
		}
		// A shard session not connected yet subscribes it when it connects.
		if ps != nil {
			if err := ps.SSubscribe(ctx, full); err != nil {
				return fail(err)
			}
		}
	} else {
		if ps == nil {
			return fail(errors.New("pub/sub not connected"))
		}
		if err := ps.Subscribe(ctx, full); err != nil {
			return fail(err)
		}
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
	if b.cluster != nil {
		ps = nil
		if sh := b.owner[full]; sh != nil {
			ps = sh.ps
			delete(sh.chans, full)
			delete(b.owner, full)
		}
	}
	b.mu.Unlock()
	if ps == nil {
		return nil // the next session will not subscribe it
	}
	var err error
	if b.cluster != nil {
		err = ps.SUnsubscribe(ctx, full)
	} else {
		err = ps.Unsubscribe(ctx, full)
	}
	if err != nil {
		return unavailable("redis unsubscribe "+channel, err)
	}
	return nil
}

// classify wraps err as ErrUnavailable unless Redis answered with a script or
// type error, which is a bug rather than an outage. On a cluster an outage
// makes the client re-read the topology, to find a promoted replica.
func (b *RedisBroker) classify(op string, err error) error {
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
	b.reloadTopology()
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

// errNotReplicated is why a publish was answered unavailable although Redis
// ran it: not enough replicas confirmed it in time.
var errNotReplicated = errors.New("publication not confirmed by the replicas in time; a retry with the same key answers with its position if it was made")

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
	keys := []string{b.key("s", channel), b.key("m", channel), idemKey}
	args := []any{data, opts.HistorySize, histTTL, metaTTL.Milliseconds(), newEpoch(), b.pubsubChannel(channel), idemTTL, deadline, b.publishCommand()}
	sent := time.Now()
	res, err := b.runPublish(ctx, keys, args)
	if err != nil {
		return StreamPosition{}, b.classify("redis publish "+channel, err)
	}
	if len(res) >= 3 {
		if ms, err := strconv.ParseInt(res[2], 10, 64); err == nil {
			b.noteRedisTime(sent, time.Now(), ms)
		}
	}
	if len(res) >= 2 && res[1] == "late" {
		return StreamPosition{}, unavailable("redis publish "+channel, errLate)
	}
	return parsePosition(res)
}

// runPublish runs publish.lua and, when publications must be replicated
// before they are acknowledged, WAIT on the same connection. On a cluster it
// sends them to the master of the channel's slot itself: a cluster client
// would retry the script on a lost reply (appending twice) and could send
// WAIT to another node.
func (b *RedisBroker) runPublish(ctx context.Context, keys []string, args []any) ([]string, error) {
	if b.cluster == nil {
		single, ok := b.client.(*redis.Client)
		if b.waitReplicas == 0 || !ok {
			return b.publishScript.Run(ctx, b.client, keys, args...).StringSlice()
		}
		return b.publishOn(ctx, single, keys, args)
	}
	for attempt := 0; ; attempt++ {
		node, err := b.cluster.MasterForKey(ctx, keys[0])
		if err != nil {
			return nil, err
		}
		res, err := b.publishOn(ctx, node, keys, args)
		// MOVED: the slot has a new master (the script did not run here);
		// ask the cluster who it is and go there.
		if err == nil || attempt == 2 || !redis.HasErrorPrefix(err, "MOVED") {
			return res, err
		}
		b.reloadNow(ctx)
	}
}

// publishOn runs the script on one Redis and, if asked to, waits until the
// replicas connected to it (at most WaitReplicas) confirm it: a replica that
// could be promoted then has the publication. A master with no replica
// connected acknowledges at once.
func (b *RedisBroker) publishOn(ctx context.Context, c *redis.Client, keys []string, args []any) ([]string, error) {
	if b.waitReplicas == 0 {
		return b.publishScript.Run(ctx, c, keys, args...).StringSlice()
	}
	conn := c.Conn()
	defer conn.Close()
	res, err := b.publishScript.Run(ctx, conn, keys, args...).StringSlice()
	if err != nil || len(res) < 4 {
		return res, err
	}
	replicas, _ := strconv.Atoi(res[3])
	want := min(b.waitReplicas, replicas)
	if want == 0 {
		return res, nil
	}
	wait := b.waitTimeout
	if dl, ok := ctx.Deadline(); ok {
		wait = min(wait, time.Until(dl)-10*time.Millisecond)
	}
	got, err := conn.Wait(ctx, want, max(wait, time.Millisecond)).Result()
	if err == nil && int(got) < want {
		err = fmt.Errorf("%d of %d replicas: %w", got, want, errNotReplicated)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
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
		return HistoryResult{}, b.classify("redis history "+channel, err)
	}
	return parseHistory(raw)
}

func parseHistory(raw []any) (HistoryResult, error) {
	if len(raw) != 4 {
		return HistoryResult{}, fmt.Errorf("redis history: reply has %d parts", len(raw))
	}
	epoch, _ := raw[0].(string)
	topStr, _ := raw[1].(string)
	top, err := strconv.ParseUint(topStr, 10, 64)
	if err != nil {
		return HistoryResult{}, fmt.Errorf("redis history: top %q: %w", topStr, err)
	}
	continued, _ := raw[3].(string)
	res := HistoryResult{Top: StreamPosition{Epoch: epoch, Offset: top}, Continues: continued == "1"}
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
	if b.cluster != nil {
		err = b.client.SPublish(ctx, b.pubsubChannel(channel), payload).Err()
	} else {
		err = b.client.Publish(ctx, b.pubsubChannel(channel), payload).Err()
	}
	if err != nil {
		return b.classify("redis presence event "+channel, err)
	}
	return nil
}

// PublishControl implements Broker.
func (b *RedisBroker) PublishControl(ctx context.Context, data []byte) error {
	if err := b.client.Publish(ctx, b.control, data).Err(); err != nil {
		return b.classify("redis control", err)
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
		return b.classify("redis presence add "+channel, err)
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
		return b.classify("redis presence remove "+channel, err)
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
		return nil, b.classify("redis presence "+channel, err)
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

// Close stops the pub/sub sessions and closes the Redis client.
func (b *RedisBroker) Close(context.Context) error {
	var err error
	b.once.Do(func() {
		b.cancel()
		b.mu.Lock()
		close(b.stop)
		pss := []*redis.PubSub{b.ps}
		for _, sh := range b.shards {
			pss = append(pss, sh.ps)
		}
		b.mu.Unlock()
		for _, ps := range pss {
			if ps != nil {
				_ = ps.Close() // unblocks the session's pending receive
			}
		}
		<-b.done
		b.shardsWG.Wait()
		err = b.client.Close()
	})
	return err
}
