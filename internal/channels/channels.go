// Package channels holds the product's rules for hub channels: who a token
// makes a connection (Authenticator), and, per namespace, who may subscribe
// and publish. The hub itself knows nothing of users, CVs or interviews.
//
//	cv:<analysis-id>   the analysis' owner subscribes; only the server publishes
//	user:<user-id>     that user subscribes; only the server publishes
package channels

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/auth"
)

// Identities verifies the token of a connect frame; auth.Service implements
// it, checking access tokens against the user as stored now (token version,
// session), so logout-everywhere cuts hub connections too.
type Identities interface {
	AuthenticateToken(ctx context.Context, raw string) (auth.Identity, error)
}

// Authenticator adapts Identities to the hub.
type Authenticator struct{ ids Identities }

var _ hub.Authenticator = (*Authenticator)(nil)

// NewAuthenticator returns the hub authenticator.
func NewAuthenticator(ids Identities) *Authenticator { return &Authenticator{ids: ids} }

// Authenticate implements hub.Authenticator.
func (a *Authenticator) Authenticate(ctx context.Context, token string) (hub.Principal, error) {
	id, err := a.ids.AuthenticateToken(ctx, token)
	if err != nil {
		if errors.Is(err, auth.ErrTokenExpired) {
			return hub.Principal{}, fmt.Errorf("%w: %v", hub.ErrTokenExpired, err)
		}
		return hub.Principal{}, err
	}
	return hub.Principal{UserID: id.Subject, Role: string(id.Role), ExpiresAt: id.ExpiresAt, SessionID: id.SessionID, Claims: id}, nil
}

// IdentityOf returns the verified identity behind a principal.
func IdentityOf(p hub.Principal) auth.Identity {
	id, _ := p.Claims.(auth.Identity)
	return id
}

// IsUser reports whether p is a signed-in user (not a service).
func IsUser(p hub.Principal) bool { return IdentityOf(p).Type == auth.TypeAccess }

// name returns the part of a channel after "namespace:".
func name(channel string) string {
	_, n, _ := strings.Cut(channel, ":")
	return n
}

var errServerOnly = hub.NewError(hub.CodeForbidden, "Only the server publishes on this channel.")

// UserChannel lets a user subscribe to user:<their id>.
type UserChannel struct{}

// CanSubscribe implements hub.Authorizer.
func (UserChannel) CanSubscribe(_ context.Context, p hub.Principal, channel string) error {
	if IsUser(p) && name(channel) == p.UserID {
		return nil
	}
	return hub.NewError(hub.CodeForbidden, "You can only follow your own notifications.")
}

// CanPublish implements hub.Authorizer.
func (UserChannel) CanPublish(context.Context, hub.Principal, string) error { return errServerOnly }

// CVChannel lets the owner of an analysis follow cv:<analysis id>.
type CVChannel struct{ Pool *pgxpool.Pool }

// CanSubscribe implements hub.Authorizer.
func (c CVChannel) CanSubscribe(ctx context.Context, p hub.Principal, channel string) error {
	if !IsUser(p) {
		return hub.NewError(hub.CodeForbidden, "Sign in to follow an analysis.")
	}
	var owner string
	err := c.Pool.QueryRow(ctx, `SELECT user_id FROM cv_analyses WHERE id = $1`, name(channel)).Scan(&owner)
	if err != nil || owner != p.UserID {
		// Unknown and foreign analyses answer alike, so ids cannot be probed.
		return hub.NewError(hub.CodeForbidden, "No such analysis of yours.")
	}
	return nil
}

// CanPublish implements hub.Authorizer.
func (CVChannel) CanPublish(context.Context, hub.Principal, string) error { return errServerOnly }

// Namespaces returns the hub configuration of the namespaces defined here.
func Namespaces(pool *pgxpool.Pool) map[string]hub.NamespaceConfig {
	return map[string]hub.NamespaceConfig{
		"cv":   {Authorizer: CVChannel{Pool: pool}, HistorySize: 32, HistoryTTL: time.Hour},
		"user": {Authorizer: UserChannel{}, HistorySize: 64, HistoryTTL: 24 * time.Hour},
	}
}
