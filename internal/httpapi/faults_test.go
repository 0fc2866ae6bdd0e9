package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/redis/go-redis/v9"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

// syncBuffer is a log destination tests read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestStoreOutagesAnswer503WithRetryAfter(t *testing.T) {
	t.Parallel()
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	cases := []struct {
		name       string
		err        error
		wantStatus int
		wantCode   string
	}{
		{"postgres connection failure 08006", &pgconn.PgError{Code: "08006"}, 503, "database_unavailable"},
		{"postgres shutting down 57P01", &pgconn.PgError{Code: "57P01"}, 503, "database_unavailable"},
		{"postgres starting up 57P03", &pgconn.PgError{Code: "57P03"}, 503, "database_unavailable"},
		{"postgres disk full 53100", &pgconn.PgError{Code: "53100"}, 503, "database_unavailable"},
		{"postgres too many connections 53300", &pgconn.PgError{Code: "53300"}, 503, "database_unavailable"},
		{"connection refused", fmt.Errorf("load user: %w", refused), 503, "database_unavailable"},
		{"connection closed under a query", fmt.Errorf("list cvs: %w", pgconn.ErrConnClosed), 503, "database_unavailable"},
		{"server gone mid-reply", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), 503, "database_unavailable"},
		{"redis client closed", redis.ErrClosed, 503, "database_unavailable"},
		{"redis pool exhausted", redis.ErrPoolTimeout, 503, "database_unavailable"},
		{"wrapped as internal by a handler", apperr.Wrap(refused, apperr.Internal, "internal", "x"), 503, "database_unavailable"},
		{"unique violation is not an outage", &pgconn.PgError{Code: "23505"}, 500, "internal"},
		{"syntax error is a bug", &pgconn.PgError{Code: "42601"}, 500, "internal"},
		{"plain error", errors.New("boom"), 500, "internal"},
		{"domain refusal keeps its kind", apperr.Wrap(refused, apperr.NotFound, "not_found", "gone"), 404, "not_found"},
	}
	s, srv := newTestServer(t, Deps{})
	var mu sync.Mutex
	var current error
	s.handle(fiber.MethodGet, "/test/fail", Op{Unlimited: true}, func(c *fiber.Ctx) error {
		mu.Lock()
		defer mu.Unlock()
		return current
	})
	for _, tc := range cases {
		mu.Lock()
		current = tc.err
		mu.Unlock()
		resp, got := do(t, newReq(t, "GET", srv.URL+"/test/fail", "", nil))
		if resp.StatusCode != tc.wantStatus || got["code"] != tc.wantCode {
			t.Errorf("%s: %d %v, want %d %s", tc.name, resp.StatusCode, got, tc.wantStatus, tc.wantCode)
			continue
		}
		if ra := resp.Header.Get("Retry-After"); (tc.wantStatus == 503) != (ra != "") {
			t.Errorf("%s: Retry-After = %q", tc.name, ra)
		}
	}
}

func TestExpectedRefusalsAreNotLoggedAsErrors(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	s, srv := newTestServer(t, Deps{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	s.handle(fiber.MethodGet, "/test/unconfigured", Op{Unlimited: true}, func(c *fiber.Ctx) error {
		return apperr.New(apperr.Unavailable, "oauth_not_configured", "Sign-in with this provider is not set up.")
	})
	s.handle(fiber.MethodGet, "/test/outage", Op{Unlimited: true}, func(c *fiber.Ctx) error {
		return &pgconn.PgError{Code: "57P01"}
	})
	s.handle(fiber.MethodGet, "/test/bug", Op{Unlimited: true}, func(c *fiber.Ctx) error {
		return errors.New("nil map")
	})
	for _, p := range []string{"/test/unconfigured", "/test/outage", "/test/bug"} {
		do(t, newReq(t, "GET", srv.URL+p, "", nil))
	}
	levelOf := func(code string) string {
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, "code="+code) {
				_, rest, _ := strings.Cut(line, "level=")
				lvl, _, _ := strings.Cut(rest, " ")
				return lvl
			}
		}
		return "none"
	}
	for code, want := range map[string]string{"oauth_not_configured": "INFO", "database_unavailable": "WARN", "internal": "ERROR"} {
		if got := levelOf(code); got != want {
			t.Errorf("%s logged at %s, want %s\n%s", code, got, want, logs.String())
		}
	}
}

func TestHeadAnswersGetRoutesWithoutBody(t *testing.T) {
	t.Parallel()
	s, srv := newTestServer(t, Deps{Ready: []ReadyCheck{{Name: "postgres", Check: func(context.Context) error { return nil }}}})
	for _, r := range s.App().GetRoutes(true) {
		if r.Method != fiber.MethodGet {
			continue
		}
		head := false
		for _, h := range s.App().GetRoutes(true) {
			head = head || h.Method == fiber.MethodHead && h.Path == r.Path
		}
		if !head {
			t.Errorf("GET %s has no HEAD route", r.Path)
		}
	}
	for _, p := range []string{"/health", "/ready", "/docs/openapi.json", "/test/limited"} {
		get, _ := do(t, newReq(t, "GET", srv.URL+p, "", nil))
		req := newReq(t, "HEAD", srv.URL+p, "", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != get.StatusCode || len(body) != 0 || resp.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q (%d body bytes), GET: %d %q", p, resp.StatusCode, resp.Header.Get("Content-Type"), len(body), get.StatusCode, get.Header.Get("Content-Type"))
		}
	}
}

func TestReadyReportsOptionalDependenciesAsDegraded(t *testing.T) {
	t.Parallel()
	ok := func(context.Context) error { return nil }
	cases := []struct {
		name       string
		checks     []ReadyCheck
		wantStatus int
		wantBody   string
		wantChecks map[string]string
	}{
		{"all present", []ReadyCheck{{Name: "postgres", Check: ok}, {Name: "livekit", Optional: true, Check: ok}}, 200, "ok",
			map[string]string{"postgres": "ok", "livekit": "ok"}},
		{"agent missing", []ReadyCheck{
			{Name: "postgres", Check: ok},
			{Name: "livekit", Optional: true, Check: ok},
			{Name: "agent", Optional: true, Check: func(context.Context) error { return errors.New("no interview agent connected") }},
		}, 200, "degraded", map[string]string{"postgres": "ok", "livekit": "ok", "agent": "degraded"}},
		{"livekit not configured", []ReadyCheck{
			{Name: "postgres", Check: ok},
			{Name: "livekit", Optional: true, Check: func(context.Context) error { return ErrNotConfigured }},
		}, 200, "ok", map[string]string{"postgres": "ok", "livekit": "not_configured"}},
		{"database down fails readiness", []ReadyCheck{
			{Name: "postgres", Check: func(context.Context) error { return errors.New("refused") }},
			{Name: "agent", Optional: true, Check: func(context.Context) error { return errors.New("none") }},
		}, 503, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, srv := newTestServer(t, Deps{Ready: tc.checks})
			resp, got := do(t, newReq(t, "GET", srv.URL+"/ready", "", nil))
			if resp.StatusCode != tc.wantStatus {
				t.Fatalf("status %d, want %d: %v", resp.StatusCode, tc.wantStatus, got)
			}
			if tc.wantStatus != 200 {
				return
			}
			if got["status"] != tc.wantBody {
				t.Errorf("status %v, want %s", got["status"], tc.wantBody)
			}
			checks, _ := got["checks"].(map[string]any)
			for k, v := range tc.wantChecks {
				if checks[k] != v {
					t.Errorf("checks[%s] = %v, want %s (%v)", k, checks[k], v, got)
				}
			}
		})
	}
}
