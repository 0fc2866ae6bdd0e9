package hub

import (
	"errors"
	"fmt"
)

// Error is a refusal with a stable code that is sent to the client in an
// error frame. Authorizers and OnPublish may return one to choose the code;
// any other error becomes CodeForbidden or CodePublishRejected.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewError returns an *Error with the given stable code and message.
func NewError(code, message string) *Error { return &Error{Code: code, Message: message} }

// Sentinel errors. Broker errors caused by the backing store being out of reach
// wrap ErrUnavailable, so callers can tell "try again later" from a bug.
var (
	ErrUnavailable    = errors.New("hub: broker unavailable")
	ErrUnknownChannel = errors.New("hub: unknown channel")
	ErrInvalidData    = errors.New("hub: data is not valid JSON")
	ErrTokenExpired   = errors.New("hub: token expired")
	ErrClosed         = errors.New("hub: closed")
)

// errorFrame maps err to the error frame sent to a client. fallback is the
// code used for errors that carry none.
func errorFrame(id uint64, channel string, err error, fallback string) Frame {
	var he *Error
	switch {
	case errors.As(err, &he):
		return Frame{Op: OpError, ID: id, Channel: channel, Code: he.Code, Message: he.Message}
	case errors.Is(err, ErrUnavailable):
		return Frame{Op: OpError, ID: id, Channel: channel, Code: CodeUnavailable, Message: "broker unavailable, retry later"}
	case errors.Is(err, ErrUnknownChannel):
		return Frame{Op: OpError, ID: id, Channel: channel, Code: CodeUnknownChannel, Message: err.Error()}
	case errors.Is(err, ErrInvalidData):
		return Frame{Op: OpError, ID: id, Channel: channel, Code: CodeBadRequest, Message: "data must be a JSON value"}
	case errors.Is(err, ErrTokenExpired):
		return Frame{Op: OpError, ID: id, Channel: channel, Code: CodeTokenExpired, Message: "token expired"}
	}
	msg := "refused"
	if fallback == CodeInternal {
		msg = "internal error"
	}
	return Frame{Op: OpError, ID: id, Channel: channel, Code: fallback, Message: msg}
}

// errLate is why a publish that reached the broker after its deadline was
// not done.
var errLate = errors.New("reached the broker after the publisher's deadline; nothing was published")

func unavailable(op string, err error) error {
	return fmt.Errorf("%s: %w: %w", op, ErrUnavailable, err)
}
