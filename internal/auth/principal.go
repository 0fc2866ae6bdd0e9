package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Principal is the user an access token authenticates, as of this request.
type Principal struct {
	UserID    string
	Name      string
	Email     string
	Role      Role // from the database, not the token: a role change applies at once
	SessionID string
	// AuthTime is when the user signed in (password, verification, OAuth);
	// refreshing does not move it.
	AuthTime  time.Time
	ExpiresAt time.Time
	TokenID   string
}

// User returns the principal as the API shows users.
func (p Principal) User() PublicUser {
	return PublicUser{ID: p.UserID, Name: p.Name, Email: p.Email, Role: p.Role}
}

// HasRole reports whether the principal has one of roles; admins have all.
func (p Principal) HasRole(roles ...Role) bool {
	return p.Role == RoleAdmin || slices.Contains(roles, p.Role)
}

// Owns reports whether the principal owns a row whose owner is ownerID.
func (p Principal) Owns(ownerID string) bool { return ownerID != "" && ownerID == p.UserID }

// lastSeenEvery is how stale a session's last-seen time may get: an
// authenticated request moves it when it is older, so a busy session
// writes once per interval, not once per request.
const lastSeenEvery = 2 * time.Minute

// Authenticate verifies an access token and checks it against the user as
// stored now: the user exists, the token version matches (logout-all,
// deletion) and the session is not signed out. Every call reads one row;
// there is no cache, so a revocation applies to the very next request on
// every server.
func (s *Service) Authenticate(ctx context.Context, raw string) (Principal, error) {
	c, err := s.tokens.Verify(raw, TypeAccess)
	if err != nil {
		return Principal{}, err
	}
	return s.principal(ctx, c)
}

func (s *Service) principal(ctx context.Context, c *Claims) (Principal, error) {
	u, active, err := s.store.Principal(ctx, c.Subject, c.SessionID, lastSeenEvery)
	switch {
	case errors.Is(err, ErrNotFound):
		return Principal{}, apperr.New(apperr.Unauthorized, "invalid_token", "The token's account no longer exists.")
	case err != nil:
		return Principal{}, fmt.Errorf("load principal: %w", err)
	case u.TokenVersion != c.TokenVersion:
		return Principal{}, apperr.New(apperr.Unauthorized, "token_revoked", "This token has been revoked; sign in again.")
	case !active:
		return Principal{}, errSessionRevoked
	}
	p := Principal{
		UserID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role, SessionID: c.SessionID,
		ExpiresAt: c.ExpiresAt.Time, TokenID: c.ID,
	}
	if c.AuthTime > 0 {
		p.AuthTime = time.Unix(c.AuthTime, 0)
	}
	return p, nil
}

// Agent is what an agent credential authenticates.
type Agent struct {
	Subject   string // the worker
	Scope     string // e.g. "interview:<id>"
	ExpiresAt time.Time
	TokenID   string
}

// AuthenticateAgent verifies an agent credential (no other kind).
func (s *Service) AuthenticateAgent(raw string) (Agent, error) {
	c, err := s.tokens.Verify(raw, TypeAgent)
	if err != nil {
		return Agent{}, err
	}
	return Agent{Subject: c.Subject, Scope: c.Scope, ExpiresAt: c.ExpiresAt.Time, TokenID: c.ID}, nil
}

// Identity is who a hub connection acts as: a user (access token) or an
// agent (agent credential).
type Identity struct {
	Type      TokenType
	UserID    string // access tokens only
	Subject   string // the user id, or the agent worker
	Role      Role   // RoleAgent for agents
	Scope     string // agents only
	SessionID string // access tokens only: the sign-in session
	ExpiresAt time.Time
}

// AuthenticateToken verifies an access token (checked against the user as
// Authenticate does) or an agent credential. An expired token's error wraps
// ErrTokenExpired. The real-time hub's Authenticator adapts this.
func (s *Service) AuthenticateToken(ctx context.Context, raw string) (Identity, error) {
	c, err := s.tokens.Verify(raw, TypeAccess, TypeAgent)
	if err != nil {
		return Identity{}, err
	}
	if c.Type == TypeAgent {
		return Identity{Type: TypeAgent, Subject: c.Subject, Role: RoleAgent, Scope: c.Scope, ExpiresAt: c.ExpiresAt.Time}, nil
	}
	p, err := s.principal(ctx, c)
	if err != nil {
		return Identity{}, err
	}
	return Identity{Type: TypeAccess, UserID: p.UserID, Subject: p.UserID, Role: p.Role, SessionID: p.SessionID, ExpiresAt: p.ExpiresAt}, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
