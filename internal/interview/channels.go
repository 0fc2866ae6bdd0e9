package interview

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/channels"
)

// InterviewChannel authorizes interview:<id>: the owner and invited
// reviewers subscribe; the agent whose claim holds the interview
// subscribes and publishes; only the server publishes anything else.
// Every check reads the database, so a revoked invitation or a released
// claim is refused at the next subscribe (and cut at once by the service).
type InterviewChannel struct{ St Lifecycle }

var (
	_ hub.Authorizer = InterviewChannel{}
	_ hub.Authorizer = DispatchChannelAuth{}
)

var errNoSuchInterview = hub.NewError(hub.CodeForbidden, "No such interview of yours.")

// CanSubscribe implements hub.Authorizer.
func (c InterviewChannel) CanSubscribe(ctx context.Context, p hub.Principal, channel string) error {
	id, err := interviewIDOf(channel)
	if err != nil {
		return errNoSuchInterview
	}
	ident := channels.IdentityOf(p)
	switch ident.Type {
	case auth.TypeAgent:
		return c.agentHolds(ctx, ident, id, channel)
	case auth.TypeAccess:
		if _, _, err := c.St.Access(ctx, ident.UserID, id); err != nil {
			// Unknown, foreign and revoked answer alike.
			return errNoSuchInterview
		}
		return nil
	}
	return errNoSuchInterview
}

// CanPublish implements hub.Authorizer.
func (c InterviewChannel) CanPublish(ctx context.Context, p hub.Principal, channel string) error {
	id, err := interviewIDOf(channel)
	if err != nil {
		return errNoSuchInterview
	}
	ident := channels.IdentityOf(p)
	if ident.Type != auth.TypeAgent {
		return hub.NewError(hub.CodeForbidden, "Only the interviewer and the server publish here; add notes with POST /api/interviews/{id}/notes.")
	}
	return c.agentHolds(ctx, ident, id, channel)
}

// agentHolds checks an interview credential: scoped to this channel, and
// its claim still holds the interview.
func (c InterviewChannel) agentHolds(ctx context.Context, ident auth.Identity, id, channel string) error {
	claimID, ok := strings.CutPrefix(ident.Subject, ClaimSubjectPrefix)
	if !ok || ident.Scope != channel {
		return hub.NewError(hub.CodeForbidden, "This credential is for another interview.")
	}
	iv, err := c.St.Get(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) || (err == nil && (iv.ClaimID == nil || *iv.ClaimID != claimID)) {
		return hub.NewError(hub.CodeForbidden, "This credential's claim was released; claim an interview again.")
	}
	if err != nil {
		return err
	}
	return nil
}

// DispatchChannelAuth authorizes agents:dispatch: dispatch credentials
// subscribe; only the server publishes.
type DispatchChannelAuth struct{}

// CanSubscribe implements hub.Authorizer.
func (DispatchChannelAuth) CanSubscribe(_ context.Context, p hub.Principal, channel string) error {
	ident := channels.IdentityOf(p)
	if ident.Type == auth.TypeAgent && ident.Scope == DispatchScope && channel == DispatchChannel &&
		strings.HasPrefix(ident.Subject, WorkerSubjectPrefix) {
		return nil
	}
	return hub.NewError(hub.CodeForbidden, "Only agent workers with a dispatch credential follow this channel.")
}

// CanPublish implements hub.Authorizer.
func (DispatchChannelAuth) CanPublish(context.Context, hub.Principal, string) error {
	return hub.NewError(hub.CodeForbidden, "Only the server publishes on this channel.")
}

// Namespaces returns the hub namespaces of the interviews area.
func Namespaces(st Lifecycle) map[string]hub.NamespaceConfig {
	return map[string]hub.NamespaceConfig{
		ChannelNamespace: {Authorizer: InterviewChannel{St: st}, HistorySize: 512, HistoryTTL: 3 * time.Hour, Presence: true, JoinLeave: true},
		// Presence on the dispatch channel tells /ready whether any agent worker is connected.
		DispatchNamespace: {Authorizer: DispatchChannelAuth{}, HistorySize: 64, HistoryTTL: 5 * time.Minute, Presence: true},
	}
}
