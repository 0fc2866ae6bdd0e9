package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/livekit"
)

// WebhookSeen remembers accepted LiveKit webhook ids in Postgres so that a
// replayed delivery is refused on every server; it implements
// livekit.SeenStore.
type WebhookSeen struct{ pool *pgxpool.Pool }

var _ livekit.SeenStore = (*WebhookSeen)(nil)

// NewWebhookSeen returns the store over pool.
func NewWebhookSeen(pool *pgxpool.Pool) *WebhookSeen { return &WebhookSeen{pool: pool} }

// MarkSeen records id until expiresAt and reports whether it was new (an
// expired entry counts as new).
func (s *WebhookSeen) MarkSeen(ctx context.Context, id string, expiresAt time.Time) (bool, error) {
	tag, err := s.pool.Exec(ctx, `INSERT INTO livekit_webhook_events AS e (id, expires_at) VALUES ($1, $2)
		ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE e.expires_at <= now()`, id, expiresAt)
	if err != nil {
		return false, fmt.Errorf("record webhook id: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// Forget drops id so LiveKit's retry of a delivery we failed to apply is
// accepted.
func (s *WebhookSeen) Forget(ctx context.Context, id string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM livekit_webhook_events WHERE id = $1`, id); err != nil {
		return fmt.Errorf("forget webhook id: %w", err)
	}
	return nil
}

// Prune deletes expired ids and reports how many.
func (s *WebhookSeen) Prune(ctx context.Context) (int64, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM livekit_webhook_events WHERE expires_at <= now()`)
	if err != nil {
		return 0, fmt.Errorf("prune webhook ids: %w", err)
	}
	return tag.RowsAffected(), nil
}
