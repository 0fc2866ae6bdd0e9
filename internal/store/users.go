package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/auth"
)

// Querier runs SQL: a pool or a transaction.
type Querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Accounts is the accounts store (users, sessions, verification, OAuth,
// audit) on PostgreSQL; it implements auth.Store.
type Accounts struct {
	pool *pgxpool.Pool
	q    Querier
}

var (
	_ auth.Store = (*Accounts)(nil)
	_ auth.Tx    = (*accountsTx)(nil)
)

// NewAccounts returns the accounts store over pool.
func NewAccounts(pool *pgxpool.Pool) *Accounts { return &Accounts{pool: pool, q: pool} }

// accountsTx is Accounts inside a transaction.
type accountsTx struct {
	Accounts
	tx pgx.Tx
}

func (t *accountsTx) Pgx() pgx.Tx { return t.tx }

// InTx runs fn in a transaction, committed when fn returns nil.
func (a *Accounts) InTx(ctx context.Context, fn func(auth.Tx) error) error {
	return pgx.BeginFunc(ctx, a.pool, func(tx pgx.Tx) error {
		return fn(&accountsTx{Accounts: Accounts{pool: a.pool, q: tx}, tx: tx})
	})
}

const userColumns = `id::text, name, email::text, coalesce(password_hash, ''), email_verified, token_version, role, created_at`

func scanUser(row pgx.Row) (auth.User, error) {
	var u auth.User
	var role string
	err := row.Scan(&u.ID, &u.Name, &u.Email, &u.PasswordHash, &u.EmailVerified, &u.TokenVersion, &role, &u.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return auth.User{}, auth.ErrNotFound
	}
	u.Role = auth.Role(role)
	return u, err
}

// CreateUser inserts a user; a taken address is auth.ErrEmailTaken.
func (a *Accounts) CreateUser(ctx context.Context, n auth.NewUser) (auth.User, error) {
	u, err := scanUser(a.q.QueryRow(ctx, `
		INSERT INTO users (name, email, password_hash, email_verified)
		VALUES ($1, $2, nullif($3, ''), $4)
		RETURNING `+userColumns, n.Name, n.Email, n.PasswordHash, n.EmailVerified))
	if IsUniqueViolation(err) {
		return auth.User{}, auth.ErrEmailTaken
	}
	if err != nil {
		return auth.User{}, fmt.Errorf("insert user: %w", err)
	}
	return u, nil
}

// UserByID reads a user.
func (a *Accounts) UserByID(ctx context.Context, id string) (auth.User, error) {
	return scanUser(a.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
}

// UserByEmail reads a user by address, whatever its case.
func (a *Accounts) UserByEmail(ctx context.Context, email string) (auth.User, error) {
	return scanUser(a.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, email))
}

// LockUser reads a user and locks the row for the transaction.
func (a *Accounts) LockUser(ctx context.Context, id string) (auth.User, error) {
	return scanUser(a.q.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 FOR UPDATE`, id))
}

func (a *Accounts) execOne(ctx context.Context, what, sql string, args ...any) error {
	tag, err := a.q.Exec(ctx, sql, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if tag.RowsAffected() == 0 {
		return auth.ErrNotFound
	}
	return nil
}

// SetEmailVerified marks the user's address verified.
func (a *Accounts) SetEmailVerified(ctx context.Context, id string) error {
	return a.execOne(ctx, "verify email", `UPDATE users SET email_verified = true, updated_at = now() WHERE id = $1`, id)
}

// SetPasswordHash replaces the password hash; "" removes the password.
func (a *Accounts) SetPasswordHash(ctx context.Context, id, hash string) error {
	return a.execOne(ctx, "set password", `UPDATE users SET password_hash = nullif($2, ''), updated_at = now() WHERE id = $1`, id, hash)
}

// SetName changes the user's display name.
func (a *Accounts) SetName(ctx context.Context, id, name string) error {
	return a.execOne(ctx, "set name", `UPDATE users SET name = $2, updated_at = now() WHERE id = $1`, id, name)
}

// BumpTokenVersion invalidates every access token of the user.
func (a *Accounts) BumpTokenVersion(ctx context.Context, id string) (int, error) {
	var v int
	err := a.q.QueryRow(ctx, `UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1 RETURNING token_version`, id).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, auth.ErrNotFound
	}
	return v, err
}

// DeleteUser deletes the user; foreign keys cascade to everything they own.
func (a *Accounts) DeleteUser(ctx context.Context, id string) error {
	return a.execOne(ctx, "delete user", `DELETE FROM users WHERE id = $1`, id)
}

// CountLoginAttempt counts one attempt for email in one statement: a locked
// address stays locked; an expired lock or a window older than t.Window
// starts over; the attempt past t.MaxFailures within the window locks the
// address for t.LockFor (and is the only one with failures = max+1).
func (a *Accounts) CountLoginAttempt(ctx context.Context, email string, t auth.Throttle) (auth.Attempt, error) {
	var failures int
	var retry float64
	err := a.q.QueryRow(ctx, `
		INSERT INTO login_throttle AS t (email, failures, window_start)
		VALUES ($1, 1, now())
		ON CONFLICT (email) DO UPDATE SET
			failures = CASE
				WHEN t.locked_until > now() THEN t.failures + 1
				WHEN t.locked_until IS NOT NULL OR t.window_start <= now() - $2::interval THEN 1
				ELSE t.failures + 1 END,
			window_start = CASE
				WHEN t.locked_until > now() THEN t.window_start
				WHEN t.locked_until IS NOT NULL OR t.window_start <= now() - $2::interval THEN now()
				ELSE t.window_start END,
			locked_until = CASE
				WHEN t.locked_until > now() THEN t.locked_until
				WHEN t.locked_until IS NULL AND t.window_start > now() - $2::interval AND t.failures + 1 > $3
					THEN now() + $4::interval
				ELSE NULL END
		RETURNING failures, coalesce(extract(epoch FROM locked_until - now()), 0)::float8`,
		email, t.Window, t.MaxFailures, t.LockFor).Scan(&failures, &retry)
	if err != nil {
		return auth.Attempt{}, fmt.Errorf("count login attempt: %w", err)
	}
	if retry <= 0 {
		return auth.Attempt{Allowed: true}, nil
	}
	return auth.Attempt{
		JustLocked: failures == t.MaxFailures+1,
		RetryAfter: time.Duration(retry * float64(time.Second)),
	}, nil
}

// ClearLoginFailures forgets failed attempts of an address that is not locked.
func (a *Accounts) ClearLoginFailures(ctx context.Context, email string) error {
	_, err := a.q.Exec(ctx, `DELETE FROM login_throttle WHERE email = $1 AND (locked_until IS NULL OR locked_until <= now())`, email)
	return err
}
