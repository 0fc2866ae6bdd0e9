package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
)

// MaxNameLen is the longest display name, in characters.
const MaxNameLen = 100

// Config is what the accounts service needs. Store, Tokens, Passwords,
// Hasher, Mailer and Templates are required.
type Config struct {
	Store     Store
	Tokens    *Tokens
	Passwords *Passwords
	Hasher    TokenHasher
	Mailer    Mailer
	Templates MailRenderer
	Logger    *slog.Logger
	// Jobs queues the password reset job (PasswordResetArgs); without it
	// password reset answers 503.
	Jobs JobInserter

	// PublicURL is this server's base URL (OAuth callbacks); FrontendURL is
	// the web app's (links in e-mails, the OAuth return page).
	PublicURL   string
	FrontendURL string

	// OAuth providers; a provider without a client id answers 503.
	OAuth []ProviderConfig
	// HTTPClient talks to OAuth providers. Default: 10s timeout.
	HTTPClient *http.Client
	// Exporters add other areas' data to the account export.
	Exporters []Exporter

	RefreshTTL      time.Duration // default 7 days
	VerificationTTL time.Duration // default 24h
	ResetTTL        time.Duration // default 30 min
	// MaxResetsPerHour bounds the reset links mailed to one account in an
	// hour, whoever asks. Default 3.
	MaxResetsPerHour int
	Throttle         Throttle // default 5 failures / 15 min → locked 15 min
	// RecentAuth is how recent a sign-in must be to delete the account
	// without the password. Default 10 min.
	RecentAuth    time.Duration
	OAuthCodeTTL  time.Duration // default 2 min
	OAuthStateTTL time.Duration // default 10 min
	Now           func() time.Time
}

// Service is accounts and security: registration, sign-in, sessions,
// verification, OAuth, export and erasure, and token authentication.
type Service struct {
	cfg       Config
	store     Store
	tokens    *Tokens
	passwords *Passwords
	hasher    TokenHasher
	logger    *slog.Logger
	providers map[string]*provider
	exporters []Exporter
	// revocationListeners hear of every committed revocation (OnRevoke).
	revocationListeners []RevocationListener
}

// NewService checks cfg and returns the service.
func NewService(cfg Config) (*Service, error) {
	if cfg.Store == nil || cfg.Tokens == nil || cfg.Passwords == nil || cfg.Mailer == nil || cfg.Templates == nil || len(cfg.Hasher.key) == 0 {
		return nil, errors.New("auth: Store, Tokens, Passwords, Hasher, Mailer and Templates are required")
	}
	setDefaults(&cfg)
	s := &Service{
		cfg: cfg, store: cfg.Store, tokens: cfg.Tokens, passwords: cfg.Passwords,
		hasher: cfg.Hasher, logger: cfg.Logger, providers: map[string]*provider{},
	}
	for _, pc := range cfg.OAuth {
		p, err := newProvider(pc, cfg.PublicURL)
		if err != nil {
			return nil, err
		}
		s.providers[pc.Name] = p
	}
	if err := s.setExporters(cfg.Exporters); err != nil {
		return nil, err
	}
	return s, nil
}

func setDefaults(c *Config) {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.RefreshTTL, 7*24*time.Hour)
	def(&c.VerificationTTL, 24*time.Hour)
	def(&c.ResetTTL, 30*time.Minute)
	if c.MaxResetsPerHour <= 0 {
		c.MaxResetsPerHour = 3
	}
	def(&c.RecentAuth, 10*time.Minute)
	def(&c.OAuthCodeTTL, 2*time.Minute)
	def(&c.OAuthStateTTL, 10*time.Minute)
	def(&c.Throttle.Window, 15*time.Minute)
	def(&c.Throttle.LockFor, 15*time.Minute)
	if c.Throttle.MaxFailures <= 0 {
		c.Throttle.MaxFailures = 5
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	c.PublicURL = strings.TrimRight(c.PublicURL, "/")
	c.FrontendURL = strings.TrimRight(c.FrontendURL, "/")
	if c.FrontendURL == "" {
		c.FrontendURL = c.PublicURL
	}
}

// Tokens is the token service, for other areas that issue credentials.
func (s *Service) Tokens() *Tokens { return s.tokens }

// PublicUser is a user as the API shows it.
type PublicUser struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Role  Role   `json:"role"`
}

func publicUser(u User) PublicUser {
	return PublicUser{ID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role}
}

// Session is what a sign-in returns: an access token, a refresh token and
// the user.
type Session struct {
	AccessToken  string
	RefreshToken string
	ExpiresAt    time.Time
	User         PublicUser
}

// RegisterInput is a registration request.
type RegisterInput struct {
	Name     string
	Email    string
	Password string
}

// Register creates an unverified account and queues its verification
// e-mail. A taken address is refused without saying more.
func (s *Service) Register(ctx context.Context, in RegisterInput, meta audit.Meta) error {
	fe := fieldErrors{}
	name, msg := cleanName(in.Name)
	fe.add("name", msg)
	email, msg := NormalizeEmail(in.Email)
	fe.add("email", msg)
	if in.Password == "" {
		fe.add("password", "is required")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := CheckPasswordPolicy(in.Password); err != nil {
		return err
	}
	// Hash first, whatever happens next: a taken address costs the same time.
	hash, err := s.passwords.Hash(in.Password)
	if err != nil {
		return err
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		u, err := tx.CreateUser(ctx, NewUser{Name: name, Email: email, PasswordHash: hash})
		if err != nil {
			return err
		}
		if err := s.sendVerification(ctx, tx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.Register, UserID: u.ID, Meta: meta, Details: map[string]any{"method": "password"}})
	})
	if errors.Is(err, ErrEmailTaken) {
		return apperr.Wrap(err, apperr.Invalid, "email_unavailable", "This e-mail address cannot be used to register. If you already have an account, sign in.")
	}
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	return nil
}

// sendVerification replaces the user's unused verification tokens with a
// new one and queues the e-mail carrying it, in tx.
func (s *Service) sendVerification(ctx context.Context, tx Tx, u User) error {
	if err := tx.DeleteUnusedVerifications(ctx, u.ID); err != nil {
		return err
	}
	token := newOpaque()
	if err := tx.AddVerification(ctx, u.ID, s.hasher.Hash(kindVerification, token), s.cfg.Now().Add(s.cfg.VerificationTTL)); err != nil {
		return err
	}
	msg, err := s.cfg.Templates.Render("verify_email", u.Email, map[string]any{
		"Name": u.Name,
		// The query form the existing frontend reads (contract). The token
		// is single-use and short-lived; the pages are served with
		// Referrer-Policy: no-referrer and our own app drops it from the
		// address bar before anything loads, and access logs record routes,
		// never query strings.
		"Link":      s.cfg.FrontendURL + "/verify-email?token=" + url.QueryEscape(token),
		"ExpiresIn": humanDuration(s.cfg.VerificationTTL),
	})
	if err != nil {
		return err
	}
	msg.UserID = u.ID
	return s.cfg.Mailer.EnqueueTx(ctx, tx.Pgx(), msg)
}

// Login checks credentials and starts a session. Failures and unknown
// addresses look and take the same; 5 failures in 15 minutes lock the
// address for 15 minutes.
func (s *Service) Login(ctx context.Context, email, password string, meta audit.Meta) (Session, error) {
	u, err := s.checkCredentials(ctx, email, password, meta)
	if err != nil {
		return Session{}, err
	}
	if !u.EmailVerified {
		return Session{}, apperr.New(apperr.Forbidden, "email_not_verified", "Confirm your e-mail address first: use the link we sent you, or ask for a new one.")
	}
	var sess Session
	err = s.store.InTx(ctx, func(tx Tx) error {
		var err error
		sess, err = s.startSession(ctx, tx, u, "password", meta)
		if err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.LoginSuccess, UserID: u.ID, Meta: meta, Details: map[string]any{"method": "password"}})
	})
	if err != nil {
		return Session{}, fmt.Errorf("login: %w", err)
	}
	return sess, nil
}

var errInvalidCredentials = apperr.New(apperr.Invalid, "invalid_credentials", "Invalid credentials")

// checkCredentials runs the lockout and the password check shared by
// login, resend-verification and account deletion.
func (s *Service) checkCredentials(ctx context.Context, rawEmail, password string, meta audit.Meta) (User, error) {
	fe := fieldErrors{}
	email, msg := NormalizeEmail(rawEmail)
	fe.add("email", msg)
	if password == "" {
		fe.add("password", "is required")
	}
	if err := fe.err(); err != nil {
		return User{}, err
	}
	att, err := s.store.CountLoginAttempt(ctx, email, s.cfg.Throttle)
	if err != nil {
		return User{}, fmt.Errorf("count login attempt: %w", err)
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return User{}, fmt.Errorf("load user: %w", err)
	}
	if !att.Allowed {
		if att.JustLocked {
			s.audit(ctx, audit.Entry{Event: audit.Lockout, UserID: u.ID, Meta: meta})
		}
		e := apperr.New(apperr.Locked, "account_locked", "Too many failed sign-ins for this account; try again later.")
		e.RetryAfter = att.RetryAfter
		return User{}, e
	}
	ok, rehash := s.passwords.Check(u.PasswordHash, password)
	if !ok {
		s.audit(ctx, audit.Entry{Event: audit.LoginFailure, UserID: u.ID, Meta: meta})
		return User{}, errInvalidCredentials
	}
	if err := s.store.ClearLoginFailures(ctx, email); err != nil {
		return User{}, fmt.Errorf("clear login failures: %w", err)
	}
	if rehash {
		if h, err := s.passwords.Hash(password); err == nil {
			if err := s.store.SetPasswordHash(ctx, u.ID, h); err != nil {
				s.logger.Warn("rehash password", "user_id", u.ID, "err", err)
			}
		}
	}
	return u, nil
}

// audit records an entry outside a transaction; a failure is logged, not
// returned: the request's outcome does not depend on it.
func (s *Service) audit(ctx context.Context, e audit.Entry) {
	if err := s.store.Audit(ctx, e); err != nil {
		s.logger.Error("write audit entry", "event", e.Event, "err", err)
	}
}

// startSession creates a session with its first refresh token and signs an
// access token, in tx.
func (s *Service) startSession(ctx context.Context, tx Tx, u User, method string, meta audit.Meta) (Session, error) {
	now := s.cfg.Now()
	sid, err := tx.CreateSession(ctx, u.ID, method, meta.Clean().UserAgent, now)
	if err != nil {
		return Session{}, err
	}
	return s.rotate(ctx, tx, u, sid, now)
}

// rotate adds a refresh token to session sid and signs an access token.
func (s *Service) rotate(ctx context.Context, tx Tx, u User, sid string, authTime time.Time) (Session, error) {
	refresh := newOpaque()
	if err := tx.AddRefreshToken(ctx, sid, s.hasher.Hash(kindRefresh, refresh), s.cfg.Now().Add(s.cfg.RefreshTTL)); err != nil {
		return Session{}, err
	}
	access, exp, err := s.tokens.IssueAccess(AccessGrant{UserID: u.ID, TokenVersion: u.TokenVersion, Role: u.Role, SessionID: sid, AuthTime: authTime})
	if err != nil {
		return Session{}, err
	}
	return Session{AccessToken: access, RefreshToken: refresh, ExpiresAt: exp, User: publicUser(u)}, nil
}

// Refresh exchanges a refresh token for a new pair. Each token works once:
// presenting one again revokes its whole session (theft detection).
func (s *Service) Refresh(ctx context.Context, token string, meta audit.Meta) (Session, error) {
	if token == "" {
		return Session{}, fieldErrors{"refreshToken": "is required"}.err()
	}
	if len(token) > maxOpaqueLen {
		return Session{}, errInvalidRefresh
	}
	hash := s.hasher.Hash(kindRefresh, token)
	var (
		sess    Session
		outcome error
		reused  Revocation
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		rec, err := tx.RefreshTokenForUpdate(ctx, hash)
		switch {
		case errors.Is(err, ErrNotFound):
			outcome = errInvalidRefresh
			return nil
		case err != nil:
			return err
		case rec.Used:
			outcome = errRefreshReused
			revoked, err := tx.RevokeSession(ctx, rec.SessionID, ReasonRefreshReuse)
			if err != nil || !revoked {
				return err
			}
			reused = Revocation{UserID: rec.UserID, SessionIDs: []string{rec.SessionID}, Reason: ReasonRefreshReuse}
			return tx.Audit(ctx, audit.Entry{Event: audit.RefreshReuse, UserID: rec.UserID, Meta: meta, Details: map[string]any{"session_id": rec.SessionID}})
		case rec.SessionRevoked:
			outcome = errSessionRevoked
			return nil
		case !s.cfg.Now().Before(rec.ExpiresAt):
			outcome = apperr.New(apperr.Unauthorized, "refresh_token_expired", "The refresh token has expired; sign in again.")
			return nil
		}
		if err := tx.MarkRefreshUsed(ctx, hash); err != nil {
			return err
		}
		u, err := tx.UserByID(ctx, rec.UserID)
		if err != nil {
			return err
		}
		sess, err = s.rotate(ctx, tx, u, rec.SessionID, rec.AuthTime)
		return err
	})
	if err != nil {
		return Session{}, fmt.Errorf("refresh: %w", err)
	}
	s.revoked(ctx, reused)
	if outcome != nil {
		return Session{}, outcome
	}
	return sess, nil
}

var (
	errInvalidRefresh = apperr.New(apperr.Unauthorized, "invalid_refresh_token", "The refresh token is invalid; sign in again.")
	errRefreshReused  = apperr.New(apperr.Unauthorized, "refresh_token_reused", "This refresh token was already used, so its session has been signed out everywhere; sign in again.")
	errSessionRevoked = apperr.New(apperr.Unauthorized, "session_revoked", "This session has been signed out; sign in again.")
)

// VerifyEmail consumes a verification token, marks the address verified
// and signs the user in.
func (s *Service) VerifyEmail(ctx context.Context, token string, meta audit.Meta) (Session, error) {
	if token == "" {
		return Session{}, fieldErrors{"token": "is required"}.err()
	}
	if len(token) > maxOpaqueLen {
		return Session{}, errVerificationInvalid
	}
	var sess Session
	err := s.store.InTx(ctx, func(tx Tx) error {
		uid, err := tx.ConsumeVerification(ctx, s.hasher.Hash(kindVerification, token))
		if err != nil {
			return err
		}
		if err := tx.SetEmailVerified(ctx, uid); err != nil {
			return err
		}
		u, err := tx.UserByID(ctx, uid)
		if err != nil {
			return err
		}
		if sess, err = s.startSession(ctx, tx, u, "email_verification", meta); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.EmailVerified, UserID: uid, Meta: meta})
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return Session{}, errVerificationInvalid
	case errors.Is(err, ErrAlreadyUsed):
		return Session{}, apperr.New(apperr.Invalid, "verification_token_used", "This verification link has already been used; sign in instead.")
	case errors.Is(err, ErrPastExpiry):
		return Session{}, apperr.New(apperr.Invalid, "verification_token_expired", "This verification link has expired; ask for a new one.")
	case err != nil:
		return Session{}, fmt.Errorf("verify email: %w", err)
	}
	return sess, nil
}

var errVerificationInvalid = apperr.New(apperr.Invalid, "invalid_verification_token", "This verification link is invalid or has been replaced by a newer one.")

// ResendVerification sends a new verification e-mail, invalidating older
// links, to an account whose password the caller knows.
func (s *Service) ResendVerification(ctx context.Context, email, password string, meta audit.Meta) error {
	u, err := s.checkCredentials(ctx, email, password, meta)
	if err != nil {
		return err
	}
	if u.EmailVerified {
		return apperr.New(apperr.Invalid, "already_verified", "This e-mail address is already confirmed; sign in.")
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		if err := s.sendVerification(ctx, tx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.VerificationResent, UserID: u.ID, Meta: meta})
	})
	if err != nil {
		return fmt.Errorf("resend verification: %w", err)
	}
	return nil
}

// Logout signs the principal's session out (its refresh tokens and its
// access tokens).
func (s *Service) Logout(ctx context.Context, p Principal, meta audit.Meta) error {
	if p.SessionID == "" {
		return nil
	}
	revoked, err := s.store.RevokeSession(ctx, p.SessionID, ReasonLogout)
	if err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	if revoked {
		s.revoked(ctx, Revocation{UserID: p.UserID, SessionIDs: []string{p.SessionID}, Reason: ReasonLogout})
	}
	s.audit(ctx, audit.Entry{Event: audit.Logout, UserID: p.UserID, Meta: meta})
	return nil
}

// LogoutAll invalidates every token of the user: the token version moves on
// and every session is revoked.
func (s *Service) LogoutAll(ctx context.Context, p Principal, meta audit.Meta) error {
	err := s.store.InTx(ctx, func(tx Tx) error {
		if _, err := tx.BumpTokenVersion(ctx, p.UserID); err != nil {
			return err
		}
		if err := tx.RevokeUserSessions(ctx, p.UserID, ReasonLogoutAll); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.LogoutAll, UserID: p.UserID, Meta: meta})
	})
	if err != nil {
		return fmt.Errorf("logout all: %w", err)
	}
	s.revoked(ctx, Revocation{UserID: p.UserID, All: true, Reason: ReasonLogoutAll})
	return nil
}

// DeleteAccount erases the user and everything they own (every table
// references users with ON DELETE CASCADE). The caller proves presence with
// the password or a sign-in within RecentAuth. Their audit entries stay,
// stripped of everything personal.
func (s *Service) DeleteAccount(ctx context.Context, p Principal, password string, meta audit.Meta) error {
	if password != "" {
		if _, err := s.checkCredentials(ctx, p.Email, password, meta); err != nil {
			return err
		}
	} else if p.AuthTime.IsZero() || s.cfg.Now().Sub(p.AuthTime) > s.cfg.RecentAuth {
		return apperr.New(apperr.Forbidden, "reauthentication_required",
			fmt.Sprintf("Confirm with your password, or sign in again (within %s) to delete your account.", humanDuration(s.cfg.RecentAuth)))
	}
	err := s.store.InTx(ctx, func(tx Tx) error {
		if _, err := tx.LockUser(ctx, p.UserID); err != nil {
			return err
		}
		if err := tx.ScrubAudit(ctx, p.UserID); err != nil {
			return err
		}
		if err := tx.DeleteUser(ctx, p.UserID); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.AccountDeleted, Meta: audit.Meta{RequestID: meta.RequestID}})
	})
	if errors.Is(err, ErrNotFound) {
		return apperr.New(apperr.Unauthorized, "invalid_token", "The account no longer exists.")
	}
	if err != nil {
		return fmt.Errorf("delete account: %w", err)
	}
	s.revoked(ctx, Revocation{UserID: p.UserID, All: true, Reason: ReasonAccountDeleted})
	if err := s.store.ClearLoginFailures(ctx, p.Email); err != nil {
		s.logger.Warn("clear login failures of deleted account", "err", err)
	}
	return nil
}

// cleanName trims a display name and checks it.
func cleanName(raw string) (string, string) {
	if !utf8.ValidString(raw) {
		return "", "is not valid UTF-8 text"
	}
	name := strings.TrimSpace(raw)
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "", "is required"
	case n > MaxNameLen:
		return "", fmt.Sprintf("is too long (at most %d characters)", MaxNameLen)
	}
	if strings.IndexFunc(name, func(r rune) bool { return unicode.IsControl(r) }) >= 0 {
		return "", "must not contain control characters"
	}
	return name, ""
}

// fieldErrors collects one message per invalid field.
type fieldErrors map[string]string

func (f fieldErrors) add(field, msg string) {
	if msg != "" {
		if _, ok := f[field]; !ok {
			f[field] = msg
		}
	}
}

func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	parts := make([]string, 0, len(f))
	for _, k := range sortedKeys(f) {
		parts = append(parts, k+" "+f[k])
	}
	return apperr.New(apperr.Validation, "validation_failed", "Invalid request: "+strings.Join(parts, "; ")+".").With("fields", map[string]string(f))
}

func humanDuration(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0 && d >= 24*time.Hour && d != 24*time.Hour:
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	case d%time.Hour == 0 && d >= time.Hour:
		if d == time.Hour {
			return "1 hour"
		}
		return fmt.Sprintf("%d hours", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return d.String()
}
