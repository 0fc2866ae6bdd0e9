package ai

import (
	"fmt"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Stable error codes. Callers (and through them API clients) match on these.
const (
	// CodeInvalidOutput: the model answered twice with output that is not
	// valid JSON, does not satisfy the schema or fails the caller's checks.
	CodeInvalidOutput = "ai_invalid_output"
	// CodeUnavailable: Gemini failed (5xx), timed out or could not be reached,
	// after bounded retries.
	CodeUnavailable = "ai_unavailable"
	// CodeRateLimited: Gemini's quota is exhausted (429) after bounded
	// retries, or it asked for a longer wait than we are willing to hold.
	CodeRateLimited = "ai_rate_limited"
	// CodeBlocked: Gemini refused the prompt or the answer on safety grounds.
	CodeBlocked = "ai_blocked"
	// CodeRejected: Gemini rejected the request itself (400/404): a bug or an
	// unknown model; retrying cannot help.
	CodeRejected = "ai_rejected"
	// CodeAuthFailed: the API key is missing its permission or invalid.
	CodeAuthFailed = "ai_auth_failed"
	// CodeNotConfigured: no API key is configured.
	CodeNotConfigured = "ai_not_configured"
)

// Error is a failure of the Gemini edge with a stable code. Message is safe
// to show to a user; Err is the cause, for logs (it never holds the API key
// or the prompt).
type Error struct {
	Code       string
	Message    string
	Status     int           // HTTP status Gemini answered, 0 when none
	RetryAfter time.Duration // how long Gemini asked us to wait (429)
	Err        error
}

func (e *Error) Error() string {
	s := e.Code + ": " + e.Message
	if e.Status != 0 {
		s += fmt.Sprintf(" (status %d)", e.Status)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

var _ apperr.Coded = (*Error)(nil)

// ErrorKind implements apperr.Coded. A Gemini failure is never the API
// client's doing: the features that use Gemini fall back or fail the job,
// and one that reaches the API is an internal error.
func (e *Error) ErrorKind() apperr.Kind { return apperr.Internal }

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return e.Code }

// SafeMessage implements apperr.Coded.
func (e *Error) SafeMessage() string { return e.Message }

// transient reports whether the same request may succeed later.
func (e *Error) transient() bool {
	return e.Code == CodeUnavailable || e.Code == CodeRateLimited
}

// CodeOf returns the code of the *Error in err's chain, or "" when there is
// none (for instance when the caller's context ended).
func CodeOf(err error) string { return apperr.CodeAs[*Error](err) }
