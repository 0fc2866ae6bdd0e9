package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// TokenType is the kind of a signed token, carried in its "typ" claim. Each
// verifier names the kinds it accepts, so a token of one kind is refused
// where another is expected.
type TokenType string

// Token kinds. Refresh tokens are opaque random values, never JWTs, so they
// fail JWT verification outright.
const (
	// TypeAccess authenticates a user for 2 hours: sub (user id), tv, role,
	// sid (session), auth_time.
	TypeAccess TokenType = "access"
	// TypeAgent is the voice agent's credential for one interview: sub (the
	// worker), scope "interview:<id>".
	TypeAgent TokenType = "agent"
)

// Role is a user's role.
type Role string

// Roles.
const (
	RoleCandidate Role = "candidate"
	RoleReviewer  Role = "reviewer"
	RoleAdmin     Role = "admin"
	// RoleAgent is the role reported for agent credentials; no user has it.
	RoleAgent Role = "agent"
)

// InterviewScope is the scope of an agent credential for one interview.
func InterviewScope(interviewID string) string { return "interview:" + interviewID }

// ErrTokenExpired is wrapped by the error for an expired token, so callers
// (the hub) can tell the client to refresh rather than give up.
var ErrTokenExpired = errors.New("token expired")

// Claims are the claims of every signed token; which are set depends on Type.
type Claims struct {
	jwt.RegisteredClaims
	Type         TokenType `json:"typ"`
	TokenVersion int       `json:"tv,omitempty"`
	Role         Role      `json:"role,omitempty"`
	SessionID    string    `json:"sid,omitempty"`
	AuthTime     int64     `json:"auth_time,omitempty"`
	Scope        string    `json:"scope,omitempty"`
}

// Key is one HMAC signing key and its id (the JWT "kid" header).
type Key struct {
	ID     string
	secret []byte
}

// NewKey derives a key's id from its secret (a truncated hash: it names the
// key without revealing it), so rotation needs no separate naming.
func NewKey(secret string) (Key, error) {
	if len(secret) < 16 {
		return Key{}, errors.New("signing secret shorter than 16 bytes")
	}
	sum := sha256.Sum256([]byte("utopiahire-kid\x00" + secret))
	return Key{ID: hex.EncodeToString(sum[:6]), secret: []byte(secret)}, nil
}

// KeyRing signs with the current key and verifies with it or any previous
// one, so a key can be rotated while tokens signed with the old one live on.
type KeyRing struct {
	current Key
	byID    map[string]Key
}

// NewKeyRing makes a ring from the current secret and previous ones.
func NewKeyRing(current string, previous ...string) (*KeyRing, error) {
	cur, err := NewKey(current)
	if err != nil {
		return nil, fmt.Errorf("current signing key: %w", err)
	}
	r := &KeyRing{current: cur, byID: map[string]Key{cur.ID: cur}}
	for i, p := range previous {
		k, err := NewKey(p)
		if err != nil {
			return nil, fmt.Errorf("previous signing key %d: %w", i+1, err)
		}
		if _, dup := r.byID[k.ID]; !dup {
			r.byID[k.ID] = k
		}
	}
	return r, nil
}

// TokenConfig sets the issuer, audience and lifetimes of tokens.
type TokenConfig struct {
	Issuer    string        // default "utopiahire"
	Audience  string        // default "utopiahire-api"
	AccessTTL time.Duration // default 2h
	// Leeway tolerates clock skew between servers. Default 30s.
	Leeway time.Duration
	Now    func() time.Time
}

// Tokens issues and verifies signed tokens (JWT, HS256 only).
type Tokens struct {
	keys   *KeyRing
	cfg    TokenConfig
	parser *jwt.Parser
}

// NewTokens returns a token service over keys.
func NewTokens(keys *KeyRing, cfg TokenConfig) *Tokens {
	if cfg.Issuer == "" {
		cfg.Issuer = "utopiahire"
	}
	if cfg.Audience == "" {
		cfg.Audience = "utopiahire-api"
	}
	if cfg.AccessTTL == 0 {
		cfg.AccessTTL = 2 * time.Hour
	}
	if cfg.Leeway == 0 {
		cfg.Leeway = 30 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Tokens{keys: keys, cfg: cfg, parser: jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(cfg.Leeway),
		jwt.WithTimeFunc(cfg.Now),
	)}
}

// AccessTTL is how long access tokens live.
func (t *Tokens) AccessTTL() time.Duration { return t.cfg.AccessTTL }

// AccessGrant is what an access token says.
type AccessGrant struct {
	UserID       string
	TokenVersion int
	Role         Role
	SessionID    string
	AuthTime     time.Time
}

// IssueAccess signs an access token for g.
func (t *Tokens) IssueAccess(g AccessGrant) (string, time.Time, error) {
	now := t.cfg.Now()
	exp := now.Add(t.cfg.AccessTTL)
	c := Claims{
		RegisteredClaims: t.registered(g.UserID, now, exp),
		Type:             TypeAccess, TokenVersion: g.TokenVersion, Role: g.Role, SessionID: g.SessionID,
	}
	if !g.AuthTime.IsZero() {
		c.AuthTime = g.AuthTime.Unix()
	}
	s, err := t.sign(c)
	return s, exp, err
}

// AgentGrant is what an agent credential says: which worker (Subject) may
// act on what (Scope, e.g. InterviewScope(id)) for how long.
type AgentGrant struct {
	Subject string
	Scope   string
	TTL     time.Duration
}

// IssueAgent signs an agent credential for g.
func (t *Tokens) IssueAgent(g AgentGrant) (string, time.Time, error) {
	if g.Subject == "" || g.Scope == "" || g.TTL <= 0 {
		return "", time.Time{}, errors.New("agent grant needs a subject, a scope and a positive TTL")
	}
	now := t.cfg.Now()
	exp := now.Add(g.TTL)
	s, err := t.sign(Claims{RegisteredClaims: t.registered(g.Subject, now, exp), Type: TypeAgent, Role: RoleAgent, Scope: g.Scope})
	return s, exp, err
}

func (t *Tokens) registered(sub string, now, exp time.Time) jwt.RegisteredClaims {
	return jwt.RegisteredClaims{
		Issuer: t.cfg.Issuer, Subject: sub, Audience: jwt.ClaimStrings{t.cfg.Audience},
		ExpiresAt: jwt.NewNumericDate(exp), IssuedAt: jwt.NewNumericDate(now), ID: newJTI(),
	}
}

func (t *Tokens) sign(c Claims) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	tok.Header["kid"] = t.keys.current.ID
	s, err := tok.SignedString(t.keys.current.secret)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return s, nil
}

// maxTokenLen bounds tokens read from clients; ours are about 450 bytes.
const maxTokenLen = 4096

// Verify checks raw's signature (HS256 with a known kid), issuer, audience,
// expiry and issue time, and that its type is one of want.
func (t *Tokens) Verify(raw string, want ...TokenType) (*Claims, error) {
	if raw == "" {
		return nil, errMissingToken
	}
	if len(raw) > maxTokenLen {
		return nil, invalidToken(errors.New("token too long"))
	}
	var c Claims
	_, err := t.parser.ParseWithClaims(raw, &c, t.keyFor)
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return nil, apperr.Wrap(fmt.Errorf("%w: %v", ErrTokenExpired, err), apperr.Unauthorized, "token_expired", "The token has expired; refresh it or sign in again.")
	case err != nil:
		return nil, invalidToken(err)
	}
	ok := false
	for _, w := range want {
		ok = ok || c.Type == w
	}
	if !ok {
		return nil, apperr.New(apperr.Unauthorized, "wrong_token_type", fmt.Sprintf("A %s token cannot be used here.", typeName(c.Type)))
	}
	if c.Type == TypeAccess {
		if _, err := uuid.Parse(c.Subject); err != nil {
			return nil, invalidToken(fmt.Errorf("subject: %w", err))
		}
		if c.SessionID != "" {
			if _, err := uuid.Parse(c.SessionID); err != nil {
				return nil, invalidToken(fmt.Errorf("session: %w", err))
			}
		}
	}
	if c.Type == TypeAgent && (c.Subject == "" || c.Scope == "") {
		return nil, invalidToken(errors.New("agent token without subject or scope"))
	}
	return &c, nil
}

func (t *Tokens) keyFor(tok *jwt.Token) (any, error) {
	kid, _ := tok.Header["kid"].(string)
	k, ok := t.keys.byID[kid]
	if !ok {
		return nil, fmt.Errorf("unknown signing key %q", kid)
	}
	return k.secret, nil
}

func typeName(t TokenType) string {
	if t == "" {
		return "untyped"
	}
	return strings.ToValidUTF8(string(t), "")
}

var errMissingToken = apperr.New(apperr.Unauthorized, "missing_token", "Authentication required: send an access token as \"Authorization: Bearer <token>\".")

func invalidToken(cause error) error {
	return apperr.Wrap(cause, apperr.Unauthorized, "invalid_token", "The token is invalid.")
}

func newJTI() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
