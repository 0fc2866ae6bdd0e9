package auth

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
	"github.com/utopiahire/utopiahire/internal/mail"
)

// Errors the Store returns.
var (
	// ErrNotFound is apperr.ErrNotFound, the one "no such row" of every store.
	ErrNotFound    = apperr.ErrNotFound
	ErrEmailTaken  = errors.New("email already registered")
	ErrAlreadyUsed = errors.New("already used")
	ErrPastExpiry  = errors.New("past expiry")
)

// User is an account.
type User struct {
	ID            string
	Name          string
	Email         string
	PasswordHash  string // "" when the account has no password (OAuth only)
	EmailVerified bool
	TokenVersion  int
	Role          Role
	CreatedAt     time.Time
}

// NewUser is an account to create.
type NewUser struct {
	Name          string
	Email         string
	PasswordHash  string
	EmailVerified bool
}

// RefreshRecord is a stored refresh token with its session.
type RefreshRecord struct {
	SessionID      string
	UserID         string
	AuthTime       time.Time
	ExpiresAt      time.Time
	Used           bool
	SessionRevoked bool
}

// Throttle bounds failed sign-ins per address.
type Throttle struct {
	MaxFailures int           // default 5
	Window      time.Duration // default 15m
	LockFor     time.Duration // default 15m
}

// Attempt is the outcome of counting one sign-in attempt.
type Attempt struct {
	Allowed    bool
	JustLocked bool          // this attempt locked the address
	RetryAfter time.Duration // when not allowed
}

// ProviderIdentity is a provider account linked to a user.
type ProviderIdentity struct {
	Provider  string    `json:"provider"`
	Subject   string    `json:"subject"`
	UserID    string    `json:"-"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"created_at"`
}

// SessionInfo describes a session for the data export.
type SessionInfo struct {
	ID         string     `json:"id"`
	Method     string     `json:"method"`
	UserAgent  string     `json:"user_agent"`
	AuthTime   time.Time  `json:"auth_time"`
	CreatedAt  time.Time  `json:"created_at"`
	LastSeenAt time.Time  `json:"last_seen_at"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// ActiveSession is a session that can still be used: not revoked, with a
// refresh token that has not expired.
type ActiveSession struct {
	ID         string
	Method     string
	UserAgent  string
	CreatedAt  time.Time
	LastSeenAt time.Time
}

// Store is the persistence accounts need; internal/store implements it on
// PostgreSQL. Queries outside InTx run on their own.
type Store interface {
	Queries
	// InTx runs fn in one transaction, committed when fn returns nil.
	InTx(ctx context.Context, fn func(tx Tx) error) error
}

// Tx is Queries inside a transaction.
type Tx interface {
	Queries
	// Pgx is the transaction itself, for writes of other packages (the mail
	// outbox and its job) that must commit or roll back with it.
	Pgx() pgx.Tx
}

// Queries are the operations on accounts.
type Queries interface {
	UserQueries
	SessionQueries
	VerificationQueries
	ResetQueries
	OAuthQueries
	AuditQueries
}

// UserQueries read and change users. Lookups return ErrNotFound.
type UserQueries interface {
	CreateUser(ctx context.Context, u NewUser) (User, error) // ErrEmailTaken
	UserByID(ctx context.Context, id string) (User, error)
	UserByEmail(ctx context.Context, email string) (User, error)
	// LockUser reads the user and locks the row until the transaction ends.
	LockUser(ctx context.Context, id string) (User, error)
	SetEmailVerified(ctx context.Context, id string) error
	SetPasswordHash(ctx context.Context, id, hash string) error
	SetName(ctx context.Context, id, name string) error
	BumpTokenVersion(ctx context.Context, id string) (int, error)
	DeleteUser(ctx context.Context, id string) error
	// CountLoginAttempt counts an attempt for email before its password is
	// checked (so parallel guesses count too); ClearLoginFailures forgets
	// them after a success unless the address is locked.
	CountLoginAttempt(ctx context.Context, email string, t Throttle) (Attempt, error)
	ClearLoginFailures(ctx context.Context, email string) error
}

// SessionQueries manage sessions (refresh token families).
type SessionQueries interface {
	// CreateSession starts a session for the browser userAgent (cleaned by
	// the caller).
	CreateSession(ctx context.Context, userID, method, userAgent string, authTime time.Time) (string, error)
	AddRefreshToken(ctx context.Context, sessionID string, hash []byte, expires time.Time) error
	// RefreshTokenForUpdate reads a refresh token and locks it until the
	// transaction ends, so concurrent uses of one token are serialised.
	RefreshTokenForUpdate(ctx context.Context, hash []byte) (RefreshRecord, error)
	MarkRefreshUsed(ctx context.Context, hash []byte) error
	// RevokeSession reports whether the session was active until now.
	RevokeSession(ctx context.Context, sessionID, reason string) (bool, error)
	RevokeUserSessions(ctx context.Context, userID, reason string) error
	// RevokeOwnSession signs out sessionID if it is userID's and active;
	// false when it is neither.
	RevokeOwnSession(ctx context.Context, userID, sessionID, reason string) (bool, error)
	// RevokeOtherSessions signs out every session of userID but keep.
	RevokeOtherSessions(ctx context.Context, userID, keep, reason string) error
	// RenewSession expires the session's unused refresh tokens (the caller
	// issues a new one) and records a new sign-in time.
	RenewSession(ctx context.Context, sessionID string, authTime time.Time) error
	// ActiveSessions lists userID's usable sessions, most recently seen first.
	ActiveSessions(ctx context.Context, userID string) ([]ActiveSession, error)
	// Principal reads the user and whether the session is still active
	// (true when sessionID is empty), and moves the session's last-seen
	// time when it is older than touchAfter.
	Principal(ctx context.Context, userID, sessionID string, touchAfter time.Duration) (User, bool, error)
	Sessions(ctx context.Context, userID string) ([]SessionInfo, error)
}

// VerificationQueries manage e-mail verification tokens.
type VerificationQueries interface {
	AddVerification(ctx context.Context, userID string, hash []byte, expires time.Time) error
	DeleteUnusedVerifications(ctx context.Context, userID string) error
	// ConsumeVerification marks the token used and returns its user, or
	// ErrNotFound, ErrAlreadyUsed or ErrPastExpiry.
	ConsumeVerification(ctx context.Context, hash []byte) (string, error)
}

// ResetQueries manage password reset tokens.
type ResetQueries interface {
	// AddPasswordReset stores a reset token and expires the user's older
	// unused ones: only the newest link works.
	AddPasswordReset(ctx context.Context, userID string, hash []byte, expires time.Time) error
	// CountPasswordResets counts the reset links made for userID since.
	CountPasswordResets(ctx context.Context, userID string, since time.Time) (int, error)
	// ConsumePasswordReset marks the token used and returns its user, or
	// ErrNotFound, ErrAlreadyUsed or ErrPastExpiry.
	ConsumePasswordReset(ctx context.Context, hash []byte) (string, error)
	// ExpirePasswordResets makes every unused link of userID stop working.
	ExpirePasswordResets(ctx context.Context, userID string) error
	// UnlockLogin forgets the address's failed sign-ins, lock included.
	UnlockLogin(ctx context.Context, email string) error
}

// OAuthQueries manage provider identities, pending states and one-time codes.
type OAuthQueries interface {
	AddOAuthState(ctx context.Context, hash []byte, provider string, expires time.Time) error
	// ConsumeOAuthState deletes an unexpired state and returns its provider.
	ConsumeOAuthState(ctx context.Context, hash []byte) (string, error)
	IdentityUser(ctx context.Context, provider, subject string) (string, error)
	LinkIdentity(ctx context.Context, id ProviderIdentity) error
	Identities(ctx context.Context, userID string) ([]ProviderIdentity, error)
	// UnlinkIdentity removes the user's identities at provider; false when
	// there were none.
	UnlinkIdentity(ctx context.Context, userID, provider string) (bool, error)
	AddOAuthCode(ctx context.Context, hash []byte, userID, provider string, expires time.Time) error
	// ConsumeOAuthCode deletes an unexpired code and returns its user and provider.
	ConsumeOAuthCode(ctx context.Context, hash []byte) (string, string, error)
}

// AuditQueries write and read the audit log.
type AuditQueries interface {
	Audit(ctx context.Context, e audit.Entry) error
	AuditTrail(ctx context.Context, userID string) ([]audit.Record, error)
	// ScrubAudit removes everything personal from a user's entries.
	ScrubAudit(ctx context.Context, userID string) error
}

// Mailer queues an e-mail in a transaction; internal/mail's Outbox does.
type Mailer interface {
	EnqueueTx(ctx context.Context, tx pgx.Tx, msg mail.Message) error
}

// MailRenderer renders the e-mails accounts send; internal/mail's Templates does.
type MailRenderer interface {
	Render(name, to string, data any) (mail.Message, error)
}
