package channels

import (
	"context"
	"log/slog"
	"time"

	"github.com/utopiahire/utopiahire/internal/auth"
)

// Disconnector closes hub connections by user and sign-in session on every
// node; *hub.Hub implements it.
type Disconnector interface {
	DisconnectSessions(ctx context.Context, userID string, sessionIDs []string) error
}

// disconnectTimeout bounds telling the other nodes: the request that
// revoked waits for it.
const disconnectTimeout = 2 * time.Second

// Revocations closes the hub connections each committed revocation ended
// (close code 4006): the sessions signed out, or every connection of the
// user when all their tokens stopped working.
func Revocations(d Disconnector, logger *slog.Logger) auth.RevocationListener {
	return auth.RevocationFunc(func(ctx context.Context, r auth.Revocation) {
		sessions := r.SessionIDs
		if r.All {
			sessions = nil
		}
		ctx, cancel := context.WithTimeout(ctx, disconnectTimeout)
		defer cancel()
		if err := d.DisconnectSessions(ctx, r.UserID, sessions); err != nil {
			// This node's connections are closed already; the others still
			// refuse the session's next subscribe.
			logger.Error("disconnect revoked sessions on other nodes", "user_id", r.UserID, "reason", r.Reason, "err", err)
		}
	})
}
