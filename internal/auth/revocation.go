package auth

import (
	"context"
	"log/slog"
)

// Revocation reasons, as stored on the session and told to listeners.
const (
	ReasonLogout         = "logout"
	ReasonLogoutAll      = "logout_all"
	ReasonPasswordChange = "password_change"
	ReasonPasswordReset  = "password_reset"
	ReasonSessionRevoked = "session_revoked"
	ReasonAccountDeleted = "account_deleted"
	ReasonRefreshReuse   = "refresh_reuse"
	ReasonOAuthClaimed   = "oauth_claimed_address"
)

// Revocation is a sign-out that has committed. With All, every token the
// user held before it stops working (the token version moved on, or the
// account is gone); otherwise the sessions in SessionIDs are signed out and
// the user's other sessions live on.
type Revocation struct {
	UserID     string
	SessionIDs []string
	All        bool
	Reason     string
}

// RevocationListener hears every revocation once it has committed, whatever
// caused it (logout, logout-all, password change or reset, session revoke,
// account deletion, refresh-token reuse, an OAuth claim of an unverified
// address): the real-time hub closes the connections it ended. It runs on
// the request's goroutine, so it must not block for long; its failures are
// its own to log.
type RevocationListener interface {
	Revoked(ctx context.Context, r Revocation)
}

// RevocationFunc adapts a function to RevocationListener.
type RevocationFunc func(ctx context.Context, r Revocation)

// Revoked implements RevocationListener.
func (f RevocationFunc) Revoked(ctx context.Context, r Revocation) { f(ctx, r) }

// OnRevoke adds a listener; cmd/server registers them before serving.
func (s *Service) OnRevoke(l RevocationListener) {
	s.revocationListeners = append(s.revocationListeners, l)
}

// revoked tells every listener about r. Call it after the transaction that
// revoked committed, never inside it: a listener must not act on a
// revocation that may still roll back.
func (s *Service) revoked(ctx context.Context, r Revocation) {
	if r.UserID == "" || (!r.All && len(r.SessionIDs) == 0) {
		return
	}
	s.logger.Debug("sessions revoked", slog.String("user_id", r.UserID), slog.Bool("all", r.All), slog.Int("sessions", len(r.SessionIDs)), slog.String("reason", r.Reason))
	for _, l := range s.revocationListeners {
		l.Revoked(context.WithoutCancel(ctx), r)
	}
}
