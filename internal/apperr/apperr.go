// Package apperr defines the application's domain errors: a kind that the
// HTTP layer maps to a status in one table, a stable code clients can match
// on, and a message that is safe to show. The wrapped cause is for logs only.
package apperr

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies an error; internal/httpapi maps each kind to one status.
type Kind int

// Kinds of domain error.
const (
	Internal Kind = iota
	Invalid
	Unauthorized
	Forbidden
	NotFound
	MethodNotAllowed
	Conflict
	TooLarge
	UnsupportedMedia
	Validation
	RateLimited
	Unavailable
	Locked
)

// Error is a domain error.
type Error struct {
	Kind    Kind
	Code    string // stable, snake_case, e.g. "invalid_credentials"
	Message string // safe for clients
	// RetryAfter tells a rate-limited client when to come back.
	RetryAfter time.Duration
	// Details are extra safe fields for the client (e.g. valid values).
	Details map[string]any
	Err     error // cause, for logs only
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an error of kind with a stable code and a safe message.
func New(kind Kind, code, message string) *Error {
	return &Error{Kind: kind, Code: code, Message: message}
}

// Wrap is New with a cause kept for logs.
func Wrap(err error, kind Kind, code, message string) *Error {
	return &Error{Kind: kind, Code: code, Message: message, Err: err}
}

// With returns a copy carrying details for the client.
func (e *Error) With(key string, value any) *Error {
	c := *e
	c.Details = make(map[string]any, len(e.Details)+1)
	for k, v := range e.Details {
		c.Details[k] = v
	}
	c.Details[key] = value
	return &c
}

// As returns the domain error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// KindOf returns the kind of err, Internal when it is not a domain error.
func KindOf(err error) Kind {
	if e, ok := As(err); ok {
		return e.Kind
	}
	return Internal
}

// CodeOf returns the stable code of err, "internal" when it is not a domain error.
func CodeOf(err error) string {
	if e, ok := As(err); ok {
		return e.Code
	}
	return "internal"
}

// ErrNotFound is what a store interface returns for a row that does not exist
// or is not the caller's. Domain packages declare those interfaces and check
// for it with errors.Is; internal/store returns it. It is not an *Error: the
// domain decides what a missing row means to the client.
var ErrNotFound = errors.New("not found")
