package hub

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Principal is who a connection acts as, produced by the Authenticator.
type Principal struct {
	UserID string
	Role   string
	// ExpiresAt is when the token stops being valid; zero means never. The hub
	// closes the connection at that time unless the client refreshed its token.
	ExpiresAt time.Time
	// Claims is opaque to the hub: the embedding server puts what its
	// Authorizers need here (e.g. the interview an agent credential is scoped to).
	Claims any
	// SessionID is the sign-in session the token belongs to (empty for
	// service credentials); DisconnectSessions closes connections by it.
	SessionID string

	// token is what the principal was authenticated from: every subscribe
	// presents it again, so a revoked session cannot add channels.
	token string
}

func (p *Principal) expired(now time.Time) bool {
	return !p.ExpiresAt.IsZero() && !now.Before(p.ExpiresAt)
}

// Authenticator turns the token of a connect or refresh frame into a
// Principal. Return an error wrapping ErrTokenExpired for an expired token
// (the client is told to refresh), any other error to refuse.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (Principal, error)
}

// Authorizer decides, for one namespace, who may subscribe (and see presence)
// and who may publish. A nil error allows; an *Error chooses the code sent to
// the client, any other error is sent as CodeForbidden.
type Authorizer interface {
	CanSubscribe(ctx context.Context, p Principal, channel string) error
	CanPublish(ctx context.Context, p Principal, channel string) error
}

// AuthorizerFuncs adapts two functions to Authorizer; a nil function denies.
type AuthorizerFuncs struct {
	Subscribe func(ctx context.Context, p Principal, channel string) error
	Publish   func(ctx context.Context, p Principal, channel string) error
}

var _ Authorizer = AuthorizerFuncs{}

var errDenied = NewError(CodeForbidden, "not allowed on this channel")

// CanSubscribe implements Authorizer.
func (a AuthorizerFuncs) CanSubscribe(ctx context.Context, p Principal, channel string) error {
	if a.Subscribe == nil {
		return errDenied
	}
	return a.Subscribe(ctx, p, channel)
}

// CanPublish implements Authorizer.
func (a AuthorizerFuncs) CanPublish(ctx context.Context, p Principal, channel string) error {
	if a.Publish == nil {
		return errDenied
	}
	return a.Publish(ctx, p, channel)
}

// NamespaceConfig holds the rules for channels named "<namespace>:<name>".
type NamespaceConfig struct {
	Authorizer Authorizer
	// HistorySize is how many publications are kept for recovery (0: none;
	// recovery then only succeeds when nothing was missed).
	HistorySize int
	// HistoryTTL is how long history survives the channel's last publication.
	HistoryTTL time.Duration
	// HistoryMetaTTL is how long the channel's epoch and offset survive
	// without activity. Default 24h, never below HistoryTTL.
	HistoryMetaTTL time.Duration
	// Presence keeps a list of the channel's subscribers.
	Presence bool
	// JoinLeave sends presence events to subscribers when others join or leave.
	JoinLeave bool
}

// Config configures a Hub. Zero values take the defaults shown.
type Config struct {
	Namespaces map[string]NamespaceConfig
	// PingInterval: the server pings every interval; a ping still unanswered
	// at the next one closes the connection with CloseNoPong. Default 25s.
	PingInterval time.Duration
	// ConnectTimeout is how long a new socket may take to send connect. Default 10s.
	ConnectTimeout time.Duration
	// MaxFrameBytes caps one incoming frame; larger closes with 1009. Default 64 KiB.
	MaxFrameBytes int64
	// MaxQueueBytes and MaxQueueMessages bound each connection's outbound
	// queue; overflowing either closes it with CloseSlowConsumer.
	// Defaults 4 MiB and 8192.
	MaxQueueBytes    int
	MaxQueueMessages int
	// MaxSubscriptions per connection. Default 128.
	MaxSubscriptions int
	// MaxConnectionsPerUser on this node. Default 32.
	MaxConnectionsPerUser int
	// SubscribeRate is how many subscribe frames per second one connection
	// may send on average, with bursts of SubscribeBurst (so a reconnect can
	// restore every subscription at once); more are refused with
	// limit_exceeded before any authorization query runs. Defaults 10/s and
	// MaxSubscriptions.
	SubscribeRate  float64
	SubscribeBurst int
	// WriteBatchBytes caps one outgoing WebSocket message made of several
	// frames. Default 64 KiB.
	WriteBatchBytes int
	// WriteInterval is the least time between two writes on one connection:
	// frames queued meanwhile go out together in one write. The first frame
	// after a quiet period is written at once, so this only adds latency (at
	// most the interval) to a busy connection, where it saves most of the
	// system calls. Default 10ms; negative writes every batch at once.
	WriteInterval time.Duration
	// PresenceTTL is how long a presence entry lives without refresh; the hub
	// refreshes every third of it. Default 60s.
	PresenceTTL time.Duration
	// IdempotencyTTL is how long publish keys are remembered. Default 5m.
	IdempotencyTTL time.Duration
	// BrokerTimeout bounds each broker call made for a client. Default 5s.
	BrokerTimeout time.Duration
	// ReconnectSpread: on shutdown each client is told to wait a random delay
	// below this before reconnecting, so the herd spreads out. Default 5s.
	ReconnectSpread time.Duration
	// OriginPatterns are the browser origins (host patterns, path.Match
	// syntax) accepted besides the request's own host.
	OriginPatterns []string
	// OnPublish, when set, runs before a client's publication reaches the
	// broker, and does not depend on it: what it stores survives a broker
	// outage. An error refuses the publication (an *Error chooses the code,
	// otherwise CodePublishRejected). key is the publish's idempotency key,
	// scoped to the user ("" without one). A publish resent with the same
	// key (after "unavailable" or a reconnect) runs it again, so it must be
	// idempotent per key; the broker then delivers the publication once.
	OnPublish func(ctx context.Context, p Principal, channel string, data []byte, key string) error
	// Metrics, when set, receives the hub's Prometheus collectors.
	Metrics prometheus.Registerer
	// NodeID names this node in logs and control messages. Default random.
	NodeID string
}

// namespace is a NamespaceConfig with defaults applied.
type namespace struct {
	name string
	NamespaceConfig
}

func (ns *namespace) publishOptions(key string, idemTTL time.Duration) PublishOptions {
	opts := PublishOptions{HistorySize: ns.HistorySize, HistoryTTL: ns.HistoryTTL, MetaTTL: ns.HistoryMetaTTL}
	if key != "" {
		opts.IdempotencyKey, opts.IdempotencyTTL = key, idemTTL
	}
	return opts
}

func (cfg Config) withDefaults() (Config, map[string]*namespace, error) {
	cfg.PingInterval = cmpOr(cfg.PingInterval, 25*time.Second)
	cfg.ConnectTimeout = cmpOr(cfg.ConnectTimeout, 10*time.Second)
	cfg.MaxFrameBytes = cmpOr(cfg.MaxFrameBytes, 64<<10)
	cfg.MaxQueueBytes = cmpOr(cfg.MaxQueueBytes, 4<<20)
	cfg.MaxQueueMessages = cmpOr(cfg.MaxQueueMessages, 8192)
	cfg.MaxSubscriptions = cmpOr(cfg.MaxSubscriptions, 128)
	cfg.MaxConnectionsPerUser = cmpOr(cfg.MaxConnectionsPerUser, 32)
	cfg.SubscribeRate = cmpOr(cfg.SubscribeRate, 10)
	cfg.SubscribeBurst = cmpOr(cfg.SubscribeBurst, cfg.MaxSubscriptions)
	cfg.WriteBatchBytes = cmpOr(cfg.WriteBatchBytes, 64<<10)
	cfg.WriteInterval = cmpOr(cfg.WriteInterval, 10*time.Millisecond)
	cfg.PresenceTTL = cmpOr(cfg.PresenceTTL, 60*time.Second)
	cfg.IdempotencyTTL = cmpOr(cfg.IdempotencyTTL, 5*time.Minute)
	cfg.BrokerTimeout = cmpOr(cfg.BrokerTimeout, 5*time.Second)
	cfg.ReconnectSpread = cmpOr(cfg.ReconnectSpread, 5*time.Second)
	if cfg.NodeID == "" {
		cfg.NodeID = newEpoch()
	}
	if len(cfg.Namespaces) == 0 {
		return cfg, nil, errors.New("hub config: no namespaces")
	}
	nss := make(map[string]*namespace, len(cfg.Namespaces))
	for name, nc := range cfg.Namespaces {
		if !validNamespace(name) {
			return cfg, nil, fmt.Errorf("hub config: namespace %q: want [a-z0-9_-]{1,32}", name)
		}
		if nc.Authorizer == nil {
			return cfg, nil, fmt.Errorf("hub config: namespace %q has no Authorizer", name)
		}
		if nc.HistorySize < 0 || (nc.HistorySize > 0 && nc.HistoryTTL <= 0) {
			return cfg, nil, fmt.Errorf("hub config: namespace %q: history needs a size >= 0 and a positive TTL", name)
		}
		nc.HistoryMetaTTL = max(cmpOr(nc.HistoryMetaTTL, 24*time.Hour), nc.HistoryTTL)
		nss[name] = &namespace{name: name, NamespaceConfig: nc}
	}
	if cfg.MaxFrameBytes < 1024 || cfg.MaxQueueBytes < 1024 || cfg.MaxQueueMessages < 16 {
		return cfg, nil, errors.New("hub config: frame and queue limits are too small to work")
	}
	return cfg, nss, nil
}

func validNamespace(s string) bool {
	if len(s) == 0 || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// maxChannelLength bounds channel names: they become Redis keys and appear in
// every message frame.
const maxChannelLength = 200

// splitChannel validates a channel name "<namespace>:<name>" and returns the
// namespace. Names are printable ASCII without spaces, quotes or backslashes.
func splitChannel(channel string) (string, bool) {
	if len(channel) == 0 || len(channel) > maxChannelLength {
		return "", false
	}
	ns, name, ok := cutByte(channel, ':')
	if !ok || !validNamespace(ns) || name == "" {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || c == '"' || c == '\\' || c == '{' || c == '}' {
			return "", false
		}
	}
	return ns, true
}

func cutByte(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
