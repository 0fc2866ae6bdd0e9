package httpapi

import (
	"errors"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/redis/go-redis/v9"

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
	return apperr.Wrap(fe, apperr.Internal, "internal", apperr.InternalMessage)
}

// errorHandler writes every error as JSON; it is Fiber's ErrorHandler.
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	ae, ok := apperr.From(err)
	if !ok {
		var fe *fiber.Error
		if errors.As(err, &fe) {
			ae = fromFiber(fe)
		} else {
			ae = apperr.Wrap(err, apperr.Internal, "internal", apperr.InternalMessage)
		}
	}
	if ae.Kind == apperr.Internal && storeUnavailable(err) {
		ae = apperr.Wrap(err, apperr.Unavailable, "database_unavailable",
			"A database this request needs is unreachable right now; retry shortly.")
		ae.RetryAfter = storeRetryAfter
	}
	status := statusOf[ae.Kind]
	rid := requestID(c)
	switch {
	case ae.Kind == apperr.Internal || status >= 500 && ae.Kind != apperr.Unavailable:
		s.logger.Error("request failed", "request_id", rid, "method", c.Method(), "route", routeOf(c), "code", ae.Code, "err", err)
	case ae.Kind == apperr.Unavailable && ae.Err != nil:
		// An outage, not a bug: the readiness check and the store's own
		// logs say more; one line per refused request is enough.
		s.logger.Warn("request refused: dependency unavailable", "request_id", rid, "method", c.Method(), "route", routeOf(c), "code", ae.Code, "err", err)
	case ae.Kind == apperr.Unavailable:
		// An expected refusal (e.g. oauth_not_configured): the server works as configured.
		s.logger.Info("request refused", "request_id", rid, "route", routeOf(c), "code", ae.Code)
	case ae.Err != nil:
		s.logger.Debug("request refused", "request_id", rid, "code", ae.Code, "err", ae.Err)
	}
	if ae.RetryAfter > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(ae.RetryAfter.Seconds()))))
	}
	return c.Status(status).JSON(errorBody{Detail: ae.Message, Code: ae.Code, RequestID: rid, Details: ae.Details})
}

// storeRetryAfter is what a client refused during a database or Redis
// outage is told to wait: a restart or failover takes seconds.
const storeRetryAfter = 5 * time.Second

// storeUnavailable reports whether err is a connection-class failure of
// Postgres or Redis (unreachable, starting up or shutting down, out of
// disk or connections) rather than a bug or a bad query: the request may
// succeed unchanged once the store is back.
func storeUnavailable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		code := pgErr.Code
		return strings.HasPrefix(code, "08") || // connection exception
			strings.HasPrefix(code, "57P") || // shutting down, cannot connect now
			code == "53100" || // disk full
			code == "53300" // too many connections
	}
	var connectErr *pgconn.ConnectError
	var netErr *net.OpError
	return errors.As(err, &connectErr) ||
		errors.As(err, &netErr) ||
		errors.Is(err, pgconn.ErrConnClosed) ||
		errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, redis.ErrClosed) || errors.Is(err, redis.ErrPoolTimeout) ||
		redis.IsLoadingError(err) || redis.IsMasterDownError(err) || redis.IsReadOnlyError(err)
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
