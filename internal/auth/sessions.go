package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
)

// SessionView is a signed-in session as the account page shows it.
type SessionView struct {
	ID         string    `json:"id"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	UserAgent  string    `json:"user_agent"`
	// Method is how the session signed in: password, email_verification or oauth:<provider>.
	Method  string `json:"method"`
	Current bool   `json:"current"`
}

// ListSessions returns the principal's usable sessions, most recently seen
// first, marking the one the request came from.
func (s *Service) ListSessions(ctx context.Context, p Principal) ([]SessionView, error) {
	rows, err := s.store.ActiveSessions(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]SessionView, 0, len(rows))
	for _, r := range rows {
		out = append(out, SessionView{
			ID: r.ID, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt, UserAgent: r.UserAgent,
			Method: r.Method, Current: r.ID == p.SessionID,
		})
	}
	return out, nil
}

var errNoSuchSession = apperr.New(apperr.NotFound, "not_found", "No such session.")

// RevokeSession signs out one of the principal's sessions (its refresh
// tokens and access tokens). Another user's session, a signed-out one and
// a malformed id all answer the same 404.
func (s *Service) RevokeSession(ctx context.Context, p Principal, sessionID string, meta audit.Meta) error {
	if _, err := uuid.Parse(sessionID); err != nil || len(sessionID) != 36 {
		return errNoSuchSession
	}
	ok, err := s.store.RevokeOwnSession(ctx, p.UserID, sessionID, ReasonSessionRevoked)
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	if !ok {
		return errNoSuchSession
	}
	s.audit(ctx, audit.Entry{Event: audit.SessionRevoked, UserID: p.UserID, Meta: meta, Details: map[string]any{"session_id": sessionID, "own": sessionID == p.SessionID}})
	s.revoked(ctx, Revocation{UserID: p.UserID, SessionIDs: []string{sessionID}, Reason: ReasonSessionRevoked})
	return nil
}

// Methods are the sign-in methods this server offers.
type Methods struct {
	Password bool `json:"password"`
	Google   bool `json:"google"`
	GitHub   bool `json:"github"`
}

// Methods reports which sign-in methods are configured.
func (s *Service) Methods() Methods {
	enabled := func(name string) bool {
		p, ok := s.providers[name]
		return ok && p.enabled
	}
	return Methods{Password: true, Google: enabled(ProviderGoogle), GitHub: enabled(ProviderGitHub)}
}

// LinkedIdentity is a provider account linked to the user, as the account
// page lists it.
type LinkedIdentity struct {
	Provider  string    `json:"provider"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"created_at"`
}

// AccountView is what the account page shows of the account.
type AccountView struct {
	User          PublicUser       `json:"user"`
	EmailVerified bool             `json:"email_verified"`
	HasPassword   bool             `json:"has_password"`
	CreatedAt     time.Time        `json:"created_at"`
	Identities    []LinkedIdentity `json:"identities"`
}

// Account returns the principal's profile, verification state and linked
// sign-in providers.
func (s *Service) Account(ctx context.Context, p Principal) (AccountView, error) {
	u, err := s.store.UserByID(ctx, p.UserID)
	if errors.Is(err, ErrNotFound) {
		return AccountView{}, apperr.New(apperr.Unauthorized, "invalid_token", "The account no longer exists.")
	}
	if err != nil {
		return AccountView{}, fmt.Errorf("read account: %w", err)
	}
	ids, err := s.store.Identities(ctx, p.UserID)
	if err != nil {
		return AccountView{}, fmt.Errorf("read identities: %w", err)
	}
	v := AccountView{User: publicUser(u), EmailVerified: u.EmailVerified, HasPassword: u.PasswordHash != "", CreatedAt: u.CreatedAt, Identities: []LinkedIdentity{}}
	for _, id := range ids {
		v.Identities = append(v.Identities, LinkedIdentity{Provider: id.Provider, Email: id.Email, CreatedAt: id.CreatedAt})
	}
	return v, nil
}

// Errors of profile changes.
var (
	errNoSuchIdentity = apperr.New(apperr.NotFound, "identity_not_found", "No sign-in with this provider is linked to your account.")
	errLastMethod     = apperr.New(apperr.Conflict, "last_sign_in_method",
		"This is the only way to sign in to your account: set a password (Forgot password) or link another provider before unlinking it.")
)

// Rename changes the account's display name (trimmed, 1–100 characters,
// no control characters) and returns the account as the page shows it.
func (s *Service) Rename(ctx context.Context, p Principal, raw string, meta audit.Meta) (AccountView, error) {
	name, msg := cleanName(raw)
	if msg != "" {
		f := fieldErrors{}
		f.add("name", msg)
		return AccountView{}, f.err()
	}
	err := s.store.SetName(ctx, p.UserID, name)
	if errors.Is(err, ErrNotFound) {
		return AccountView{}, apperr.New(apperr.Unauthorized, "invalid_token", "The account no longer exists.")
	}
	if err != nil {
		return AccountView{}, fmt.Errorf("rename account: %w", err)
	}
	s.audit(ctx, audit.Entry{Event: audit.NameChanged, UserID: p.UserID, Meta: meta})
	return s.Account(ctx, p)
}

// Unlink removes the account's sign-in with provider. The last way to sign
// in (no password and no other provider) is kept: 409 last_sign_in_method.
func (s *Service) Unlink(ctx context.Context, p Principal, provider string, meta audit.Meta) (AccountView, error) {
	if provider != ProviderGoogle && provider != ProviderGitHub {
		return AccountView{}, errNoSuchIdentity
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		u, err := tx.LockUser(ctx, p.UserID)
		if err != nil {
			return err
		}
		ids, err := tx.Identities(ctx, p.UserID)
		if err != nil {
			return err
		}
		linked, others := false, 0
		for _, id := range ids {
			if id.Provider == provider {
				linked = true
			} else {
				others++
			}
		}
		if !linked {
			return errNoSuchIdentity
		}
		if u.PasswordHash == "" && others == 0 {
			return errLastMethod
		}
		if _, err := tx.UnlinkIdentity(ctx, p.UserID, provider); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.OAuthUnlinked, UserID: p.UserID, Meta: meta, Details: map[string]any{"provider": provider}})
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return AccountView{}, apperr.New(apperr.Unauthorized, "invalid_token", "The account no longer exists.")
	case err != nil:
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return AccountView{}, err
		}
		return AccountView{}, fmt.Errorf("unlink %s: %w", provider, err)
	}
	return s.Account(ctx, p)
}
