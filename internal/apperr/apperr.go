// Package apperr defines the application's one error model: a kind that the
// HTTP layer maps to a status in one table, a stable code clients can match
// on, and a message that is safe to show. The wrapped cause is for logs only.
//
// Every package's error type implements Coded (as *Error does), so the HTTP
// layer finds any of them with a single errors.As and no package-specific
// translation. A package whose refusals carry more (a richer type, typed
// codes) keeps its own type and maps it to a kind in its own methods.
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

func (e *Error) Error() string { return Format(e.Code, e.Message, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// Coded is the one interface of the application's errors: a kind, a stable
// code and a message safe to show. A leaf package's error type implements it
// (with ErrorDetails and RetryAfterHint when it has them), so no caller has
// to translate it.
type Coded interface {
	error
	ErrorKind() Kind
	ErrorCode() string
	SafeMessage() string
}

// ErrorKind implements Coded.
func (e *Error) ErrorKind() Kind { return e.Kind }

// ErrorCode implements Coded.
func (e *Error) ErrorCode() string { return e.Code }

// SafeMessage implements Coded.
func (e *Error) SafeMessage() string { return e.Message }

// From returns the first Coded error in err's chain as an *Error: itself when
// it is one, else its kind, code, message, details and retry hint with the
// leaf error as the cause. A leaf error of kind Internal is a failure on our
// side whose words are not for clients: it becomes the generic internal error.
func From(err error) (*Error, bool) {
	var c Coded
	if !errors.As(err, &c) {
		return nil, false
	}
	if e, ok := c.(*Error); ok {
		return e, true
	}
	if c.ErrorKind() == Internal {
		return Wrap(c, Internal, "internal", InternalMessage), true
	}
	e := Wrap(c, c.ErrorKind(), c.ErrorCode(), c.SafeMessage())
	if d, ok := c.(interface{ ErrorDetails() map[string]any }); ok {
		e.Details = d.ErrorDetails()
	}
	if r, ok := c.(interface{ RetryAfterHint() time.Duration }); ok {
		e.RetryAfter = r.RetryAfterHint()
	}
	return e, true
}

// InternalMessage is what a client is told about a failure on our side.
const InternalMessage = "Something went wrong on our side."

// Format is the Error() text of a leaf error: code, message and, when there
// is one, the cause.
func Format(code, message string, cause error) string {
	if cause != nil {
		return fmt.Sprintf("%s: %s: %v", code, message, cause)
	}
	return code + ": " + message
}

// CodeAs returns the code of the first E in err's chain, "" when there is none.
func CodeAs[E Coded](err error) string {
	var e E
	if errors.As(err, &e) {
		return e.ErrorCode()
	}
	return ""
}

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
