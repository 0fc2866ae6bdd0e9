package livekit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/utils/protojson"
	"github.com/livekit/protocol/webhook"
)

// Webhook defaults. LiveKit signs each delivery with a JWT valid for five
// minutes, so an older event can only be a replay or a stuck retry.
const (
	DefaultWebhookMaxAge   = 5 * time.Minute
	DefaultWebhookMaxSkew  = time.Minute
	DefaultWebhookMaxBytes = 1 << 20
)

// SeenStore remembers webhook event ids so a replayed delivery is refused.
// Production implements it with Postgres (INSERT … ON CONFLICT DO NOTHING) or
// Redis (SET NX with an expiry) so every server instance shares it.
type SeenStore interface {
	// MarkSeen records id until expiresAt and reports whether it was new.
	MarkSeen(ctx context.Context, id string, expiresAt time.Time) (fresh bool, err error)
	// Forget drops id, so a delivery LiveKit retries after we failed to
	// apply it is accepted again.
	Forget(ctx context.Context, id string) error
}

// WebhookConfig configures a WebhookReceiver. Zero durations and sizes take
// the defaults above.
type WebhookConfig struct {
	APIKey    string
	APISecret string
	Seen      SeenStore
	MaxAge    time.Duration
	MaxSkew   time.Duration
	MaxBytes  int64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// WebhookReceiver authenticates LiveKit webhook deliveries.
type WebhookReceiver struct {
	keys     auth.KeyProvider
	seen     SeenStore
	maxAge   time.Duration
	maxSkew  time.Duration
	maxBytes int64
	now      func() time.Time
}

// NewWebhookReceiver checks cfg and returns a receiver.
func NewWebhookReceiver(cfg WebhookConfig) (*WebhookReceiver, error) {
	if cfg.APIKey == "" || cfg.APISecret == "" {
		return nil, errors.New("livekit webhook receiver: api key and secret are required")
	}
	if cfg.Seen == nil {
		return nil, errors.New("livekit webhook receiver: a SeenStore is required")
	}
	r := &WebhookReceiver{
		keys:     auth.NewSimpleKeyProvider(cfg.APIKey, cfg.APISecret),
		seen:     cfg.Seen,
		maxAge:   orDefault(cfg.MaxAge, DefaultWebhookMaxAge),
		maxSkew:  orDefault(cfg.MaxSkew, DefaultWebhookMaxSkew),
		maxBytes: cfg.MaxBytes,
		now:      cfg.Now,
	}
	if r.maxBytes <= 0 {
		r.maxBytes = DefaultWebhookMaxBytes
	}
	if r.now == nil {
		r.now = time.Now
	}
	return r, nil
}

// ReceiveRequest reads at most the size limit from req's body and verifies
// it; see Receive.
func (r *WebhookReceiver) ReceiveRequest(req *http.Request) (*lkproto.WebhookEvent, error) {
	body, err := io.ReadAll(io.LimitReader(req.Body, r.maxBytes+1))
	if err != nil {
		return nil, newError(CodeWebhookMalformed, "could not read body", err)
	}
	return r.Receive(req.Context(), req.Header.Get("Authorization"), body)
}

// Receive verifies one delivery: the Authorization JWT is signed with our
// key, the body matches the sha256 it carries, the event is recent, and its
// id was not accepted before. The id is then recorded as seen; if applying
// the event fails, call Forget so LiveKit's retry gets through.
func (r *WebhookReceiver) Receive(ctx context.Context, authorization string, body []byte) (*lkproto.WebhookEvent, error) {
	if int64(len(body)) > r.maxBytes {
		return nil, newError(CodeWebhookTooLarge, fmt.Sprintf("body larger than %d bytes", r.maxBytes), nil)
	}
	if authorization == "" {
		return nil, newError(CodeWebhookMissingAuth, "missing Authorization header", nil)
	}
	ev, err := r.authenticate(ctx, authorization, body)
	if err != nil {
		return nil, err
	}
	created, err := r.checkFresh(ev)
	if err != nil {
		return nil, err
	}
	fresh, err := r.seen.MarkSeen(ctx, ev.Id, created.Add(r.maxAge+r.maxSkew))
	if err != nil {
		return nil, newError(CodeWebhookStoreFailed, "could not record webhook id", err)
	}
	if !fresh {
		return nil, newError(CodeWebhookReplayed, "webhook event "+ev.Id+" was already received", nil)
	}
	return ev, nil
}

// Forget releases an accepted event id; see SeenStore.Forget.
func (r *WebhookReceiver) Forget(ctx context.Context, id string) error {
	if err := r.seen.Forget(ctx, id); err != nil {
		return fmt.Errorf("forget webhook %s: %w", id, err)
	}
	return nil
}

// authenticate runs livekit/protocol's own receiver. It uses webhook.Receive
// and unmarshals separately (with the options ReceiveWebhookEvent uses) so a
// body that is authentic but unparsable is told apart from a forgery.
func (r *WebhookReceiver) authenticate(ctx context.Context, authorization string, body []byte) (*lkproto.WebhookEvent, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "/", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("build webhook request: %w", err)
	}
	req.Header.Set("Authorization", authorization)
	data, err := webhook.Receive(req, r.keys)
	switch {
	case errors.Is(err, webhook.ErrInvalidChecksum):
		return nil, newError(CodeWebhookBadBodyHash, "body does not match its signed sha256", err)
	case errors.Is(err, webhook.ErrNoAuthHeader):
		return nil, newError(CodeWebhookMissingAuth, "missing Authorization header", err)
	case err != nil:
		return nil, newError(CodeWebhookBadSignature, "webhook signature is not valid", err)
	}
	var ev lkproto.WebhookEvent
	opts := protojson.UnmarshalOptions{DiscardUnknown: true, AllowPartial: true}
	if err := opts.Unmarshal(data, &ev); err != nil {
		return nil, newError(CodeWebhookMalformed, "body is not a webhook event", err)
	}
	if ev.Id == "" || ev.Event == "" || ev.CreatedAt == 0 {
		return nil, newError(CodeWebhookMalformed, "event lacks id, event or createdAt", nil)
	}
	return &ev, nil
}

func (r *WebhookReceiver) checkFresh(ev *lkproto.WebhookEvent) (time.Time, error) {
	created := time.Unix(ev.CreatedAt, 0)
	now := r.now()
	if now.Sub(created) > r.maxAge {
		return created, newError(CodeWebhookStale, fmt.Sprintf("event created %s ago", now.Sub(created).Truncate(time.Second)), nil)
	}
	if created.Sub(now) > r.maxSkew {
		return created, newError(CodeWebhookStale, "event created in the future", nil)
	}
	return created, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
