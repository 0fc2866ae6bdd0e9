package httpapi

import (
	"context"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// Authorization for handlers of every area:
//
//	s.handle(method, path, Op{Auth: "bearer", ...}, s.requireUser, h)       any signed-in user
//	s.handle(..., s.requireUser, s.requireRole(auth.RoleReviewer), h)        reviewers (and admins)
//	s.handle(method, path, Op{Auth: "agent", ...}, s.requireAgent, h)       the voice agent's credential
//	s.handle(method, path, Op{Auth: "optional", ...}, s.optionalUser(b, lim), h) token or none (anonymous(c))
//
// In the handler, userFrom(c) is the principal and userID(c) its id;
// agentFrom(c) is the agent credential (check its Scope). Rows are read
// with the owner in the query (WHERE id = $1 AND user_id = $2) and a row
// that is not the caller's is answered with notOwned (404, never 403, so
// ids cannot be probed); requireOwner does the same for a row already read.

const (
	localPrincipal = "auth_principal"
	localAgent     = "auth_agent"
	localAnonymous = "auth_anonymous"
)

// bearerToken is the token of "Authorization: Bearer <token>", or "".
func bearerToken(c *fiber.Ctx) string {
	h := c.Get(fiber.HeaderAuthorization)
	if len(h) < 7 || !strings.EqualFold(h[:7], "bearer ") {
		return ""
	}
	return strings.TrimSpace(h[7:])
}

// requireUser authenticates the access token and keeps the principal for
// the handler; 401 when it is missing, invalid, expired, of another kind or
// revoked.
func (s *Server) requireUser(c *fiber.Ctx) error {
	if s.accounts == nil {
		return errAccountsOff
	}
	p, err := s.accounts.Authenticate(c.UserContext(), bearerToken(c))
	if err != nil {
		return err
	}
	c.Locals(localPrincipal, p)
	return c.Next()
}

// optionalUser serves the routes the existing frontend calls without a
// token (contract, "Anonymous use"): a request with a bearer token is
// authenticated like requireUser (401 when the token is bad), one without
// goes on anonymously under anon, a stricter per-IP limit of its own.
func (s *Server) optionalUser(bucket string, anon ratelimit.Limit) fiber.Handler {
	limited := s.rateLimited("anon:"+bucket, anon)
	return func(c *fiber.Ctx) error {
		if !noToken(c.Get(fiber.HeaderAuthorization)) {
			return s.requireUser(c)
		}
		c.Locals(localAnonymous, true)
		return limited(c)
	}
}

// noToken tells whether an Authorization header carries no credential at
// all: absent, or the "Bearer ", "Bearer null" and "Bearer undefined" that
// browser code writes when it has no token. Anything else is checked.
func noToken(h string) bool {
	h = strings.ToLower(strings.TrimSpace(h))
	switch h {
	case "", "bearer", "bearer null", "bearer undefined":
		return true
	}
	return false
}

// anonymous tells whether optionalUser let the request in without a token.
func anonymous(c *fiber.Ctx) bool {
	a, _ := c.Locals(localAnonymous).(bool)
	return a
}

// requireRole lets through principals with one of roles (admins always);
// it runs after requireUser.
func (s *Server) requireRole(roles ...auth.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, ok := c.Locals(localPrincipal).(auth.Principal)
		if !ok {
			return apperr.New(apperr.Unauthorized, "missing_token", "Authentication required.")
		}
		if !p.HasRole(roles...) {
			return apperr.New(apperr.Forbidden, "forbidden", "Your account's role does not allow this.")
		}
		return c.Next()
	}
}

// requireAgent authenticates an agent credential (and nothing else).
func (s *Server) requireAgent(c *fiber.Ctx) error {
	if s.accounts == nil {
		return errAccountsOff
	}
	a, err := s.accounts.AuthenticateAgent(bearerToken(c))
	if err != nil {
		return err
	}
	c.Locals(localAgent, a)
	return c.Next()
}

// userFrom is the principal requireUser stored; the zero Principal when
// the route has no requireUser (a programming error that then owns nothing).
func userFrom(c *fiber.Ctx) auth.Principal {
	p, _ := c.Locals(localPrincipal).(auth.Principal)
	return p
}

// userID is the signed-in user's id.
func userID(c *fiber.Ctx) string { return userFrom(c).UserID }

// agentFrom is the agent credential requireAgent stored.
func agentFrom(c *fiber.Ctx) auth.Agent {
	a, _ := c.Locals(localAgent).(auth.Agent)
	return a
}

// notOwned is the answer for a row the caller does not own or that does
// not exist: the same 404 either way.
func notOwned(what string) error {
	return apperr.New(apperr.NotFound, "not_found", "No such "+what+".")
}

// requireOwner returns notOwned unless the principal owns the row.
func requireOwner(c *fiber.Ctx, ownerID, what string) error {
	if !userFrom(c).Owns(ownerID) {
		return notOwned(what)
	}
	return nil
}

// auditMeta is the request as the audit log records it.
func auditMeta(c *fiber.Ctx) audit.Meta {
	return audit.Meta{IP: c.IP(), UserAgent: string([]byte(c.Get(fiber.HeaderUserAgent))), RequestID: requestID(c)}
}

var errAccountsOff = apperr.New(apperr.Unavailable, "accounts_unavailable", "Accounts are not available on this server.")

// Accounts is what the API needs of internal/auth.
type Accounts interface {
	Authenticate(ctx context.Context, token string) (auth.Principal, error)
	AuthenticateAgent(token string) (auth.Agent, error)
	Register(ctx context.Context, in auth.RegisterInput, meta audit.Meta) error
	Login(ctx context.Context, email, password string, meta audit.Meta) (auth.Session, error)
	Refresh(ctx context.Context, token string, meta audit.Meta) (auth.Session, error)
	VerifyEmail(ctx context.Context, token string, meta audit.Meta) (auth.Session, error)
	ResendVerification(ctx context.Context, email, password string, meta audit.Meta) error
	Logout(ctx context.Context, p auth.Principal, meta audit.Meta) error
	LogoutAll(ctx context.Context, p auth.Principal, meta audit.Meta) error
	Export(ctx context.Context, p auth.Principal, meta audit.Meta) (*auth.ExportDoc, error)
	DeleteAccount(ctx context.Context, p auth.Principal, password string, meta audit.Meta) error
	StartOAuth(ctx context.Context, provider string) (auth.OAuthStart, error)
	FinishOAuth(ctx context.Context, in auth.OAuthCallback, meta audit.Meta) (string, error)
	ExchangeOAuthCode(ctx context.Context, code string, meta audit.Meta) (auth.Session, error)
	ForgotPassword(ctx context.Context, email string, meta audit.Meta) error
	ResetPassword(ctx context.Context, token, newPassword string, meta audit.Meta) error
	ChangePassword(ctx context.Context, p auth.Principal, current, next string, meta audit.Meta) (auth.Session, error)
	ListSessions(ctx context.Context, p auth.Principal) ([]auth.SessionView, error)
	RevokeSession(ctx context.Context, p auth.Principal, sessionID string, meta audit.Meta) error
	Methods() auth.Methods
	Account(ctx context.Context, p auth.Principal) (auth.AccountView, error)
	Rename(ctx context.Context, p auth.Principal, name string, meta audit.Meta) (auth.AccountView, error)
	Unlink(ctx context.Context, p auth.Principal, provider string, meta audit.Meta) (auth.AccountView, error)
}

var _ Accounts = (*auth.Service)(nil)
