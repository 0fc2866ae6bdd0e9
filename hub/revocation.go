package hub

import (
	"context"
	"errors"
	"slices"
	"time"
)

// Revocation: the embedding server tells the hub when sign-in sessions end
// (logout, logout everywhere, password change, account deletion), and the
// hub closes their connections on every node with CloseForceDisconnect.
// Between those calls, every subscribe presents the connection's token to
// the Authenticator again, so a session revoked while its socket is open
// cannot follow new channels even if the notice were lost.

// DisconnectSessions closes, on every node, user's connections opened with
// a token of one of sessionIDs (with none, every connection of user) with
// CloseForceDisconnect. It applies here at once and is sent to the other
// nodes through the broker; the error reports whether that send failed.
func (h *Hub) DisconnectSessions(ctx context.Context, userID string, sessionIDs []string) error {
	cmd := control{Op: "disconnect", User: userID, Sessions: sessionIDs, Node: h.cfg.NodeID}
	h.applyControl(cmd)
	return h.sendControl(ctx, cmd)
}

// disconnects reports whether a disconnect command covers c.
func (cmd control) disconnects(c *client) bool {
	if len(cmd.Sessions) == 0 {
		return true
	}
	p := c.principal.Load()
	return p != nil && p.SessionID != "" && slices.Contains(cmd.Sessions, p.SessionID)
}

func forceDisconnect(c *client) {
	c.closeWith(CloseForceDisconnect, "session_revoked", encodeFrame(Frame{
		Op: OpDisconnect, Code: CodeSessionRevoked, Message: "signed out: this session has ended", Reconnect: boolPtr(false),
	}))
}

type admission int

const (
	admitOK      admission = iota
	admitRefused           // answered with an error frame; the connection stays
	admitClosed            // the session is gone; the connection is closing
)

// admitSubscribe applies the per-connection subscribe rate and then
// re-authenticates the connection's token, returning the principal as of
// now (a role change applies too).
func (c *client) admitSubscribe(ctx context.Context, f *Frame) (Principal, admission) {
	if !c.subscribes.Allow() {
		r := c.subscribes.Reserve()
		wait := max(r.Delay(), time.Millisecond)
		r.Cancel()
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: f.Channel, Code: CodeLimitExceeded,
			Message: "too many subscribes on this connection; slow down", RetryMS: wait.Milliseconds()})
		return Principal{}, admitRefused
	}
	old := c.principal.Load()
	actx, cancel := context.WithTimeout(ctx, c.h.cfg.BrokerTimeout)
	p, err := c.h.auth.Authenticate(actx, old.token)
	timedOut := actx.Err() != nil
	cancel()
	switch {
	case errors.Is(err, ErrTokenExpired) || (err == nil && p.expired(time.Now())):
		c.reply(errorFrame(f.ID, f.Channel, ErrTokenExpired, CodeTokenExpired))
		return Principal{}, admitRefused
	case err != nil && timedOut:
		c.reply(Frame{Op: OpError, ID: f.ID, Channel: f.Channel, Code: CodeUnavailable, Message: "could not check the session in time, retry"})
		return Principal{}, admitRefused
	case err != nil || p.UserID != old.UserID:
		forceDisconnect(c)
		return Principal{}, admitClosed
	}
	p.token = old.token
	return p, admitOK
}
