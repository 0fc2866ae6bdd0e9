package httpapi

import (
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// statusOf is the one table from domain error kinds to HTTP statuses.
var statusOf = map[apperr.Kind]int{
	apperr.Internal:         http.StatusInternalServerError,
	apperr.Invalid:          http.StatusBadRequest,
	apperr.Unauthorized:     http.StatusUnauthorized,
	apperr.Forbidden:        http.StatusForbidden,
	apperr.NotFound:         http.StatusNotFound,
	apperr.MethodNotAllowed: http.StatusMethodNotAllowed,
	apperr.Conflict:         http.StatusConflict,
	apperr.TooLarge:         http.StatusRequestEntityTooLarge,
	apperr.UnsupportedMedia: http.StatusUnsupportedMediaType,
	apperr.Validation:       http.StatusUnprocessableEntity,
	apperr.RateLimited:      http.StatusTooManyRequests,
	apperr.Unavailable:      http.StatusServiceUnavailable,
	apperr.Locked:           http.StatusTooManyRequests,
}

// errorBody is the JSON of every error response: the contract's detail plus
// our stable code.
type errorBody struct {
	Detail    string         `json:"detail"`
	Code      string         `json:"code"`
	RequestID string         `json:"request_id,omitempty"`
	Details   map[string]any `json:"details,omitempty"`
}

// fromFiber turns Fiber's own errors (unknown route, wrong method, body too
// large, ...) into domain errors.
func fromFiber(fe *fiber.Error) *apperr.Error {
	switch fe.Code {
	case http.StatusNotFound:
		return apperr.New(apperr.NotFound, "not_found", "No such route.")
	case http.StatusMethodNotAllowed:
		return apperr.New(apperr.MethodNotAllowed, "method_not_allowed", "This method is not allowed on this route.")
	case http.StatusRequestEntityTooLarge:
		return apperr.New(apperr.TooLarge, "body_too_large", "The request body is too large.")
	case http.StatusUnsupportedMediaType:
		return apperr.New(apperr.UnsupportedMedia, "unsupported_media_type", fe.Message)
	case http.StatusBadRequest:
		return apperr.New(apperr.Invalid, "bad_request", fe.Message)
	case http.StatusUnprocessableEntity:
		return apperr.New(apperr.Validation, "validation_failed", fe.Message)
	case http.StatusTooManyRequests:
		return apperr.New(apperr.RateLimited, "rate_limited", "Too many requests.")
	case http.StatusServiceUnavailable:
		return apperr.New(apperr.Unavailable, "unavailable", fe.Message)
	}
	if fe.Code >= 400 && fe.Code < 500 {
		return apperr.New(apperr.Invalid, "bad_request", fe.Message)
	}
	return apperr.Wrap(fe, apperr.Internal, "internal", "Something went wrong on our side.")
}

// errorHandler writes every error as JSON; it is Fiber's ErrorHandler.
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	var ae *apperr.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &ae):
	case errors.As(err, &fe):
		ae = fromFiber(fe)
	default:
		ae = apperr.Wrap(err, apperr.Internal, "internal", "Something went wrong on our side.")
	}
	status := statusOf[ae.Kind]
	rid := requestID(c)
	if status >= 500 {
		s.logger.Error("request failed", "request_id", rid, "method", c.Method(), "route", routeOf(c), "code", ae.Code, "err", err)
	} else if ae.Err != nil {
		s.logger.Debug("request refused", "request_id", rid, "code", ae.Code, "err", ae.Err)
	}
	if ae.RetryAfter > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(ae.RetryAfter.Seconds()))))
	}
	return c.Status(status).JSON(errorBody{Detail: ae.Message, Code: ae.Code, RequestID: rid, Details: ae.Details})
}

// writeJSONError writes an error from the net/http front, before Fiber runs.
func writeJSONError(w http.ResponseWriter, status int, code, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`{"detail":` + strconv.Quote(detail) + `,"code":` + strconv.Quote(code) + `}`))
}

// logPanic is the recover middleware's stack trace handler.
func logPanic(logger *slog.Logger) func(c *fiber.Ctx, e any) {
	return func(c *fiber.Ctx, e any) {
		logger.Error("panic in handler", "request_id", requestID(c), "route", routeOf(c), "panic", e)
	}
}
