package hub

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Frame operations. Client→server: connect, refresh, subscribe, unsubscribe,
// publish, presence, ping, pong. Server→client: connected, refreshed,
// subscribed, unsubscribed, published, presence, message, error, ping, pong,
// disconnect.
const (
	OpConnect      = "connect"
	OpConnected    = "connected"
	OpRefresh      = "refresh"
	OpRefreshed    = "refreshed"
	OpSubscribe    = "subscribe"
	OpSubscribed   = "subscribed"
	OpUnsubscribe  = "unsubscribe"
	OpUnsubscribed = "unsubscribed"
	OpPublish      = "publish"
	OpPublished    = "published"
	OpPresence     = "presence"
	OpMessage      = "message"
	OpError        = "error"
	OpPing         = "ping"
	OpPong         = "pong"
	OpDisconnect   = "disconnect"
)

// Presence event names carried in Frame.Event.
const (
	EventJoined = "joined"
	EventLeft   = "left"
)

// Frame is one protocol message. The same struct serves both directions;
// fields that do not apply to an op are omitted from the JSON.
// Server→client WebSocket messages carry one or more frames separated by '\n'.
type Frame struct {
	Op        string          `json:"op"`
	ID        uint64          `json:"id,omitempty"`
	Token     string          `json:"token,omitempty"`
	Channel   string          `json:"channel,omitempty"`
	Since     *StreamPosition `json:"since,omitempty"`
	Key       string          `json:"key,omitempty"`
	Data      json.RawMessage `json:"data,omitempty"`
	Epoch     string          `json:"epoch,omitempty"`
	Offset    uint64          `json:"offset,omitempty"`
	Recovered *bool           `json:"recovered,omitempty"`
	Code      string          `json:"code,omitempty"`
	Message   string          `json:"message,omitempty"`
	Client    string          `json:"client,omitempty"`
	User      string          `json:"user,omitempty"`
	Event     string          `json:"event,omitempty"`
	Who       *ClientInfo     `json:"who,omitempty"`
	Clients   []ClientInfo    `json:"clients,omitempty"`
	Ping      int             `json:"ping,omitempty"`
	ExpiresAt int64           `json:"expires_at,omitempty"`
	Reconnect *bool           `json:"reconnect,omitempty"`
	RetryMS   int64           `json:"retry_ms,omitempty"`
}

// StreamPosition identifies a place in a channel's stream. Offset is the
// offset of the last message (0 before the first); a different Epoch means the
// stream was reset and earlier offsets are meaningless.
type StreamPosition struct {
	Epoch  string `json:"epoch"`
	Offset uint64 `json:"offset"`
}

// ClientInfo describes one subscriber for presence.
type ClientInfo struct {
	Client string    `json:"client"`
	User   string    `json:"user"`
	Role   string    `json:"role,omitempty"`
	Since  time.Time `json:"since"`
}

// Close codes sent in the WebSocket close frame. 1000–1011 are the standard
// codes; 4000–4999 are the hub's own. Reasons are short stable strings.
const (
	CloseNormal          = 1000
	CloseGoingAway       = 1001 // server shutting down: reconnect (after retry_ms)
	CloseUnsupportedData = 1003 // binary frame
	CloseMessageTooBig   = 1009 // frame larger than the limit
	CloseInternalError   = 1011
	CloseBadRequest      = 4000 // malformed frame: a client bug, do not reconnect blindly
	CloseUnauthorized    = 4001 // token refused or connect missing/late: get a new token first
	CloseTokenExpired    = 4002 // token expired while connected: refresh, then reconnect
	CloseSlowConsumer    = 4003 // outbound queue overflowed: reconnect and recover with since
	CloseNoPong          = 4004 // a ping went unanswered: reconnect
	CloseConnectionLimit = 4005 // too many connections for this user: back off
	CloseForceDisconnect = 4006 // the server ended the session (logout): do not reconnect
)

// Error codes carried in error frames and in *Error. They are stable: clients
// switch on them.
const (
	CodeBadRequest        = "bad_request"
	CodeUnauthorized      = "unauthorized"
	CodeTokenExpired      = "token_expired"
	CodeForbidden         = "forbidden"
	CodeUnknownChannel    = "unknown_channel"
	CodeAlreadySubscribed = "already_subscribed"
	CodeNotSubscribed     = "not_subscribed"
	CodeLimitExceeded     = "limit_exceeded"
	CodeUnavailable       = "unavailable"
	CodePublishRejected   = "publish_rejected"
	CodeUnknownOp         = "unknown_op"
	CodeInternal          = "internal"
	CodeRevoked           = "revoked"
	CodeSessionRevoked    = "session_revoked"
)

// encodeMessage renders a message frame by hand: it is the hot path (once per
// publication per node) and its layout is fixed.
func encodeMessage(channel string, pub Publication) []byte {
	b := make([]byte, 0, len(channel)+len(pub.Epoch)+len(pub.Data)+64)
	b = append(b, `{"op":"message","channel":`...)
	b = appendJSONString(b, channel)
	b = append(b, `,"epoch":`...)
	b = appendJSONString(b, pub.Epoch)
	b = append(b, `,"offset":`...)
	b = strconv.AppendUint(b, pub.Offset, 10)
	b = append(b, `,"data":`...)
	b = append(b, pub.Data...)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string. Channel names and epochs are
// validated ASCII, so the escape set only has to be correct, not fast.
func appendJSONString(b []byte, s string) []byte {
	q, err := json.Marshal(s)
	if err != nil {
		// json.Marshal of a string cannot fail; keep the output valid anyway.
		return append(b, `""`...)
	}
	return append(b, q...)
}

// encodeFrame marshals a control frame. Every field is marshalable and Data is
// validated before it gets here, so failure means a bug: the client then gets
// an internal error frame instead of a broken one.
func encodeFrame(f Frame) []byte {
	b, err := json.Marshal(f)
	if err != nil {
		return []byte(fmt.Sprintf(`{"op":"error","id":%d,"code":"internal","message":"encode failed"}`, f.ID))
	}
	return b
}

func boolPtr(v bool) *bool { return &v }
