// Package livekit is UtopiaHire's adapter to a LiveKit deployment: it mints
// room-scoped access tokens, verifies LiveKit webhooks (signature, body hash,
// freshness and replay) and manages rooms through LiveKit's room service.
//
// Tokens and webhooks use livekit/protocol; the room service uses
// livekit/server-sdk-go. Nothing here knows about interviews: callers decide
// which identity gets which role in which room.
package livekit

import (
	"net/http"
	"strings"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// Stable error codes. API handlers return them to clients and logs carry them,
// so they never change once published.
const (
	CodeTokenInvalid           = "livekit_token_invalid"
	CodeWebhookMissingAuth     = "webhook_missing_auth"
	CodeWebhookBadSignature    = "webhook_bad_signature"
	CodeWebhookBadBodyHash     = "webhook_bad_body_hash"
	CodeWebhookMalformed       = "webhook_malformed"
	CodeWebhookTooLarge        = "webhook_too_large"
	CodeWebhookStale           = "webhook_stale"
	CodeWebhookReplayed        = "webhook_replayed"
	CodeWebhookStoreFailed     = "webhook_store_failed"
	CodeRoomNotFound           = "livekit_room_not_found"
	CodeRoomServiceUnavailable = "livekit_unavailable"
)

// Error is a failure with a stable Code. Message is safe to show to the
// caller of our API; Err (when set) is the underlying cause for logs.
type Error struct {
	Code    string
	Message string
	Err     error
}

var _ apperr.Coded = (*Error)(nil)

func (e *Error) Error() string { return apperr.Format(e.Code, e.Message, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// HTTPStatus is the response status that fits the code. For webhooks it also
// steers LiveKit's retries: its notifier retries on 5xx only, so refusals are
// 4xx and only a failure on our side asks for a retry.
func (e *Error) HTTPStatus() int {
	switch e.Code {
	case CodeWebhookMissingAuth, CodeWebhookBadSignature, CodeWebhookBadBodyHash:
		return http.StatusUnauthorized
	case CodeWebhookTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeWebhookReplayed:
		return http.StatusConflict
	case CodeRoomNotFound:
		return http.StatusNotFound
	case CodeWebhookStoreFailed, CodeRoomServiceUnavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusBadRequest
	}
}

// ErrorKind implements apperr.Coded, after HTTPStatus. An invalid token
// request is a bug on our side (we choose every field), so it is Internal
// and never shown.
func (e *Error) ErrorKind() apperr.Kind {
	if e.Code == CodeTokenInvalid {
		return apperr.Internal
	}
	switch e.HTTPStatus() {
	case http.StatusUnauthorized:
		return apperr.Unauthorized
	case http.StatusRequestEntityTooLarge:
		return apperr.TooLarge
	case http.StatusConflict:
		return apperr.Conflict
	case http.StatusNotFound:
		return apperr.NotFound
	case http.StatusServiceUnavailable:
		return apperr.Unavailable
	}
	return apperr.Invalid
}

// ErrorCode implements apperr.Coded.
func (e *Error) ErrorCode() string { return e.Code }

// SafeMessage implements apperr.Coded: a webhook refusal says so.
func (e *Error) SafeMessage() string {
	if strings.HasPrefix(e.Code, "webhook_") {
		return "Webhook refused: " + e.Message + "."
	}
	return e.Message
}

// ErrorCode returns the stable code of err when it is (or wraps) an *Error,
// and "" otherwise.
func ErrorCode(err error) string { return apperr.CodeAs[*Error](err) }

func newError(code, msg string, cause error) *Error {
	return &Error{Code: code, Message: msg, Err: cause}
}
