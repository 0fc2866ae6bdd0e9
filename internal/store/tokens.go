package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/auth"
)

// CreateSession starts a session (refresh token family) and returns its id.
func (a *Accounts) CreateSession(ctx context.Context, userID, method, userAgent string, authTime time.Time) (string, error) {
	var id string
	err := a.q.QueryRow(ctx, `INSERT INTO refresh_families (user_id, method, user_agent, auth_time) VALUES ($1, $2, $3, $4) RETURNING id::text`,
		userID, method, userAgent, authTime).Scan(&id)
	if err != nil {
		return "", fmt.Errorf("create session: %w", err)
	}
	return id, nil
}

// AddRefreshToken stores a refresh token's hash in a session.
func (a *Accounts) AddRefreshToken(ctx context.Context, sessionID string, hash []byte, expires time.Time) error {
	_, err := a.q.Exec(ctx, `INSERT INTO refresh_tokens (token_hash, family_id, expires_at) VALUES ($1, $2, $3)`, hash, sessionID, expires)
	if err != nil {
		return fmt.Errorf("add refresh token: %w", err)
	}
	return nil
}

// RefreshTokenForUpdate reads a refresh token with its session and locks
// the token row: concurrent uses of one token run one after the other, and
// each sees what the previous one did.
func (a *Accounts) RefreshTokenForUpdate(ctx context.Context, hash []byte) (auth.RefreshRecord, error) {
	var r auth.RefreshRecord
	err := a.q.QueryRow(ctx, `
		SELECT f.id::text, f.user_id::text, f.auth_time, t.expires_at, t.used_at IS NOT NULL, f.revoked_at IS NOT NULL
		FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id
		WHERE t.token_hash = $1
		FOR UPDATE OF t`, hash).Scan(&r.SessionID, &r.UserID, &r.AuthTime, &r.ExpiresAt, &r.Used, &r.SessionRevoked)
	if errors.Is(err, pgx.ErrNoRows) {
		return r, auth.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("read refresh token: %w", err)
	}
	return r, nil
}

// MarkRefreshUsed records that a refresh token has been rotated.
func (a *Accounts) MarkRefreshUsed(ctx context.Context, hash []byte) error {
	return a.execOne(ctx, "mark refresh token used", `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL`, hash)
}

// RevokeSession signs a session out; it reports whether it was active.
func (a *Accounts) RevokeSession(ctx context.Context, sessionID, reason string) (bool, error) {
	tag, err := a.q.Exec(ctx, `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, sessionID, reason)
	if err != nil {
		return false, fmt.Errorf("revoke session: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

// RevokeUserSessions signs every session of a user out.
func (a *Accounts) RevokeUserSessions(ctx context.Context, userID, reason string) error {
	_, err := a.q.Exec(ctx, `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`, userID, reason)
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	return nil
}

// RevokeOwnSession signs out one of the user's active sessions; the owner
// is in the query, so another user's session id changes nothing.
func (a *Accounts) RevokeOwnSession(ctx context.Context, userID, sessionID, reason string) (bool, error) {
	tag, err := a.q.Exec(ctx, `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $3
		WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`, sessionID, userID, reason)
	if err != nil {
		return false, fmt.Errorf("revoke session: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

// RevokeOtherSessions signs out every session of the user except keep.
func (a *Accounts) RevokeOtherSessions(ctx context.Context, userID, keep, reason string) error {
	_, err := a.q.Exec(ctx, `UPDATE refresh_families SET revoked_at = now(), revoked_reason = $3
		WHERE user_id = $1 AND id IS DISTINCT FROM nullif($2, '')::uuid AND revoked_at IS NULL`, userID, keep, reason)
	if err != nil {
		return fmt.Errorf("revoke other sessions: %w", err)
	}
	return nil
}

// RenewSession expires the session's unused refresh tokens and moves its
// sign-in time.
func (a *Accounts) RenewSession(ctx context.Context, sessionID string, authTime time.Time) error {
	if _, err := a.q.Exec(ctx, `UPDATE refresh_tokens SET expires_at = least(expires_at, now())
		WHERE family_id = $1 AND used_at IS NULL`, sessionID); err != nil {
		return fmt.Errorf("expire session tokens: %w", err)
	}
	return a.execOne(ctx, "renew session", `UPDATE refresh_families SET auth_time = $2, last_seen_at = now() WHERE id = $1`, sessionID, authTime)
}

// ActiveSessions lists the user's sessions that are neither revoked nor
// past their last refresh token, most recently seen first.
func (a *Accounts) ActiveSessions(ctx context.Context, userID string) ([]auth.ActiveSession, error) {
	rows, err := a.q.Query(ctx, `
		SELECT f.id::text, f.method, f.user_agent, f.created_at, f.last_seen_at FROM refresh_families f
		WHERE f.user_id = $1 AND f.revoked_at IS NULL
			AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id AND t.used_at IS NULL AND t.expires_at > now())
		ORDER BY f.last_seen_at DESC, f.created_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list active sessions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.ActiveSession, error) {
		var s auth.ActiveSession
		err := r.Scan(&s.ID, &s.Method, &s.UserAgent, &s.CreatedAt, &s.LastSeenAt)
		return s, err
	})
}

// Principal reads the user behind an access token and whether its session
// is active, in one indexed round trip; the same statement moves the
// session's last-seen time when it is older than touchAfter, so a busy
// session writes at most once per touchAfter.
func (a *Accounts) Principal(ctx context.Context, userID, sessionID string, touchAfter time.Duration) (auth.User, bool, error) {
	var u auth.User
	var role string
	var active bool
	err := a.q.QueryRow(ctx, `
		WITH touched AS (
			UPDATE refresh_families SET last_seen_at = now()
			WHERE id = nullif($2, '')::uuid AND user_id = $1 AND revoked_at IS NULL
				AND last_seen_at < now() - $3::interval
			RETURNING id)
		SELECT u.id::text, u.name, u.email::text, u.token_version, u.role, u.email_verified,
			$2 = '' OR EXISTS (SELECT 1 FROM refresh_families f
				WHERE f.id = nullif($2, '')::uuid AND f.user_id = u.id AND f.revoked_at IS NULL)
		FROM users u WHERE u.id = $1`, userID, sessionID, touchAfter).
		Scan(&u.ID, &u.Name, &u.Email, &u.TokenVersion, &role, &u.EmailVerified, &active)
	if errors.Is(err, pgx.ErrNoRows) {
		return u, false, auth.ErrNotFound
	}
	if err != nil {
		return u, false, fmt.Errorf("read principal: %w", err)
	}
	u.Role = auth.Role(role)
	return u, active, nil
}

// Sessions lists a user's sessions, newest first.
func (a *Accounts) Sessions(ctx context.Context, userID string) ([]auth.SessionInfo, error) {
	rows, err := a.q.Query(ctx, `
		SELECT id::text, method, user_agent, auth_time, created_at, last_seen_at, revoked_at FROM refresh_families
		WHERE user_id = $1 ORDER BY created_at DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.SessionInfo, error) {
		var s auth.SessionInfo
		err := r.Scan(&s.ID, &s.Method, &s.UserAgent, &s.AuthTime, &s.CreatedAt, &s.LastSeenAt, &s.RevokedAt)
		return s, err
	})
}

// AddPasswordReset stores a reset token's hash and expires the user's
// older unused links.
func (a *Accounts) AddPasswordReset(ctx context.Context, userID string, hash []byte, expires time.Time) error {
	if err := a.ExpirePasswordResets(ctx, userID); err != nil {
		return err
	}
	_, err := a.q.Exec(ctx, `INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, hash, userID, expires)
	if err != nil {
		return fmt.Errorf("add password reset: %w", err)
	}
	return nil
}

// ExpirePasswordResets makes the user's unused reset links stop working.
func (a *Accounts) ExpirePasswordResets(ctx context.Context, userID string) error {
	_, err := a.q.Exec(ctx, `UPDATE password_resets SET expires_at = least(expires_at, now())
		WHERE user_id = $1 AND used_at IS NULL`, userID)
	if err != nil {
		return fmt.Errorf("expire password resets: %w", err)
	}
	return nil
}

// CountPasswordResets counts the reset links made for the user since.
func (a *Accounts) CountPasswordResets(ctx context.Context, userID string, since time.Time) (int, error) {
	var n int
	err := a.q.QueryRow(ctx, `SELECT count(*) FROM password_resets WHERE user_id = $1 AND created_at > $2`, userID, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count password resets: %w", err)
	}
	return n, nil
}

// ConsumePasswordReset marks a reset token used in one statement (a
// concurrent second use finds it used) and returns its user.
func (a *Accounts) ConsumePasswordReset(ctx context.Context, hash []byte) (string, error) {
	var uid string
	err := a.q.QueryRow(ctx, `
		UPDATE password_resets SET used_at = now()
		WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
		RETURNING user_id::text`, hash).Scan(&uid)
	if err == nil {
		return uid, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("consume password reset: %w", err)
	}
	var used, expired bool
	err = a.q.QueryRow(ctx, `SELECT used_at IS NOT NULL, expires_at <= now() FROM password_resets WHERE token_hash = $1`, hash).Scan(&used, &expired)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return "", auth.ErrNotFound
	case err != nil:
		return "", fmt.Errorf("read password reset: %w", err)
	case used:
		return "", auth.ErrAlreadyUsed
	case expired:
		return "", auth.ErrPastExpiry
	}
	return "", auth.ErrNotFound
}

// UnlockLogin forgets an address's failed sign-ins, lock included.
func (a *Accounts) UnlockLogin(ctx context.Context, email string) error {
	if _, err := a.q.Exec(ctx, `DELETE FROM login_throttle WHERE email = $1`, email); err != nil {
		return fmt.Errorf("unlock login: %w", err)
	}
	return nil
}

// AddVerification stores a verification token's hash.
func (a *Accounts) AddVerification(ctx context.Context, userID string, hash []byte, expires time.Time) error {
	_, err := a.q.Exec(ctx, `INSERT INTO email_verifications (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, hash, userID, expires)
	if err != nil {
		return fmt.Errorf("add verification: %w", err)
	}
	return nil
}

// DeleteUnusedVerifications invalidates a user's pending verification links.
func (a *Accounts) DeleteUnusedVerifications(ctx context.Context, userID string) error {
	_, err := a.q.Exec(ctx, `DELETE FROM email_verifications WHERE user_id = $1 AND used_at IS NULL`, userID)
	if err != nil {
		return fmt.Errorf("delete verifications: %w", err)
	}
	return nil
}

// ConsumeVerification marks a token used in one statement (a concurrent
// second use finds it used) and returns its user.
func (a *Accounts) ConsumeVerification(ctx context.Context, hash []byte) (string, error) {
	var uid string
	err := a.q.QueryRow(ctx, `
		UPDATE email_verifications SET used_at = now()
		WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
		RETURNING user_id::text`, hash).Scan(&uid)
	if err == nil {
		return uid, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("consume verification: %w", err)
	}
	var used, expired bool
	err = a.q.QueryRow(ctx, `SELECT used_at IS NOT NULL, expires_at <= now() FROM email_verifications WHERE token_hash = $1`, hash).Scan(&used, &expired)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return "", auth.ErrNotFound
	case err != nil:
		return "", fmt.Errorf("read verification: %w", err)
	case used:
		return "", auth.ErrAlreadyUsed
	case expired:
		return "", auth.ErrPastExpiry
	}
	return "", auth.ErrNotFound
}

// AddOAuthState stores a pending authorisation's state hash.
func (a *Accounts) AddOAuthState(ctx context.Context, hash []byte, provider string, expires time.Time) error {
	_, err := a.q.Exec(ctx, `INSERT INTO oauth_states (state_hash, provider, expires_at) VALUES ($1, $2, $3)`, hash, provider, expires)
	if err != nil {
		return fmt.Errorf("add oauth state: %w", err)
	}
	return nil
}

// ConsumeOAuthState deletes an unexpired state and returns its provider.
func (a *Accounts) ConsumeOAuthState(ctx context.Context, hash []byte) (string, error) {
	var p string
	err := a.q.QueryRow(ctx, `DELETE FROM oauth_states WHERE state_hash = $1 AND expires_at > now() RETURNING provider`, hash).Scan(&p)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", auth.ErrNotFound
	}
	return p, err
}

// IdentityUser returns the user linked to a provider identity.
func (a *Accounts) IdentityUser(ctx context.Context, provider, subject string) (string, error) {
	var uid string
	err := a.q.QueryRow(ctx, `SELECT user_id::text FROM oauth_identities WHERE provider = $1 AND subject = $2`, provider, subject).Scan(&uid)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", auth.ErrNotFound
	}
	return uid, err
}

// LinkIdentity links a provider identity to a user.
func (a *Accounts) LinkIdentity(ctx context.Context, id auth.ProviderIdentity) error {
	_, err := a.q.Exec(ctx, `INSERT INTO oauth_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)`,
		id.Provider, id.Subject, id.UserID, id.Email)
	if err != nil {
		return fmt.Errorf("link identity: %w", err)
	}
	return nil
}

// Identities lists the provider identities of a user.
func (a *Accounts) Identities(ctx context.Context, userID string) ([]auth.ProviderIdentity, error) {
	rows, err := a.q.Query(ctx, `SELECT provider, subject, user_id::text, email::text, created_at FROM oauth_identities WHERE user_id = $1 ORDER BY created_at`, userID)
	if err != nil {
		return nil, fmt.Errorf("list identities: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (auth.ProviderIdentity, error) {
		var i auth.ProviderIdentity
		err := r.Scan(&i.Provider, &i.Subject, &i.UserID, &i.Email, &i.CreatedAt)
		return i, err
	})
}

// UnlinkIdentity removes the user's identities at provider.
func (a *Accounts) UnlinkIdentity(ctx context.Context, userID, provider string) (bool, error) {
	tag, err := a.q.Exec(ctx, `DELETE FROM oauth_identities WHERE user_id = $1 AND provider = $2`, userID, provider)
	if err != nil {
		return false, fmt.Errorf("unlink identity: %w", err)
	}
	return tag.RowsAffected() > 0, nil
}

// AddOAuthCode stores a one-time sign-in code's hash.
func (a *Accounts) AddOAuthCode(ctx context.Context, hash []byte, userID, provider string, expires time.Time) error {
	_, err := a.q.Exec(ctx, `INSERT INTO oauth_codes (code_hash, user_id, provider, expires_at) VALUES ($1, $2, $3, $4)`, hash, userID, provider, expires)
	if err != nil {
		return fmt.Errorf("add oauth code: %w", err)
	}
	return nil
}

// ConsumeOAuthCode deletes an unexpired code and returns its user and provider.
func (a *Accounts) ConsumeOAuthCode(ctx context.Context, hash []byte) (string, string, error) {
	var uid, p string
	err := a.q.QueryRow(ctx, `DELETE FROM oauth_codes WHERE code_hash = $1 AND expires_at > now() RETURNING user_id::text, provider`, hash).Scan(&uid, &p)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", auth.ErrNotFound
	}
	return uid, p, err
}

// PruneExpired deletes refresh tokens, verification tokens, OAuth states
// and codes expired for longer than keep, sessions left without tokens, and
// stale login counters; it returns how many rows went.
func (a *Accounts) PruneExpired(ctx context.Context, keep time.Duration) (int64, error) {
	var total int64
	for _, sql := range []string{
		`DELETE FROM refresh_tokens WHERE expires_at < now() - $1::interval`,
		`DELETE FROM refresh_families f WHERE created_at < now() - $1::interval
			AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id)`,
		`DELETE FROM email_verifications WHERE expires_at < now() - $1::interval`,
		`DELETE FROM password_resets WHERE expires_at < now() - $1::interval`,
		`DELETE FROM oauth_states WHERE expires_at < now() - $1::interval`,
		`DELETE FROM oauth_codes WHERE expires_at < now() - $1::interval`,
		`DELETE FROM login_throttle WHERE window_start < now() - $1::interval
			AND (locked_until IS NULL OR locked_until < now())`,
	} {
		tag, err := a.q.Exec(ctx, sql, keep)
		if err != nil {
			return total, fmt.Errorf("prune expired: %w", err)
		}
		total += tag.RowsAffected()
	}
	return total, nil
}
