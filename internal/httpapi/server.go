// Package httpapi is the REST API of UtopiaHire (Fiber handlers) and the
// net/http front that owns the listener: it sends /ws to the real-time hub
// and everything else, with body limits enforced, to the Fiber app.
package httpapi

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/swaggest/swgui/v5emb"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// Body limits: JSON and other small bodies, and multipart uploads (a 10 MB
// file plus the form's other fields and boundaries).
const (
	MaxJSONBody      = 1 << 20
	MaxMultipartBody = 10<<20 + 256<<10
)

// Limiter counts events per key; internal/ratelimit implements it.
type Limiter interface {
	Allow(ctx context.Context, key string, lim ratelimit.Limit) (ratelimit.Result, error)
}

// ReadyCheck is one dependency /ready checks.
type ReadyCheck struct {
	Name  string
	Check func(ctx context.Context) error
	// Optional dependencies (LiveKit, the agent) serve some features only:
	// their failure reports the server degraded but still ready, and the
	// features that need them refuse with 503 on their own.
	Optional bool
}

// ErrNotConfigured from a check says the dependency is deliberately absent.
var ErrNotConfigured = errors.New("not configured")

// Deps is what the API needs from the composition root.
type Deps struct {
	Logger      *slog.Logger
	Version     string
	CORSOrigins []string
	Limiter     Limiter // nil: no rate limits
	// Registry collects metrics and serves /metrics.
	Registry *prometheus.Registry
	Ready    []ReadyCheck
	// WS serves the hub at /ws; nil answers 503.
	WS http.Handler
	// ReadTimeout bounds reading one request body.
	ReadTimeout time.Duration
	// Accounts serves /api/auth and authenticates every protected route;
	// nil leaves the accounts routes out (protected routes answer 503).
	Accounts Accounts
	// SecureCookies marks cookies Secure (PUBLIC_URL is https).
	SecureCookies bool
	// CV serves the CV routes (*cvservice.Service); nil leaves them out.
	CV CVs
	// Jobs serves job search and the skills gap; nil leaves their routes out.
	Jobs *JobsDeps
	// Interviews serves voice interviews, agent dispatch and LiveKit
	// webhooks; nil leaves their routes out.
	Interviews Interviews
	// Web serves the dashboards at / (index.html, assets); nil leaves them out.
	Web http.Handler
	// ConnectSources are the origins besides 'self' the pages may connect
	// to (this server's WebSocket origin, the LiveKit server), the whole
	// connect-src of the Content-Security-Policy.
	ConnectSources []string
	// MetricsOff leaves /metrics out of this port (served on a separate
	// address, or production without a token); MetricsToken, when set, is
	// the Bearer token /metrics asks for.
	MetricsOff   bool
	MetricsToken string
}

// Server is the API.
type Server struct {
	app          *fiber.App
	logger       *slog.Logger
	version      string
	limiter      Limiter
	defaultLimit ratelimit.Limit
	registry     *prometheus.Registry
	metrics      httpMetrics
	ready        []ReadyCheck
	ws           http.Handler
	readTimeout  time.Duration
	// admit decides which large multipart bodies are read, and when (see
	// admitLargeBody); uploadRoutes are the routes that take them.
	admit        *admission
	uploadRoutes map[string]uploadRoute
	docs         []routeDoc
	openAPI      []byte

	// accounts authenticates requests and serves /api/auth.
	accounts      Accounts
	secureCookies bool
	// corsOrigins are the web app's origins (forms may be posted from them).
	corsOrigins []string
}

// New builds the API and its routes.
func New(d Deps) (*Server, error) {
	if d.Registry == nil {
		d.Registry = prometheus.NewRegistry()
	}
	if d.Version == "" {
		d.Version = "dev"
	}
	if d.ReadTimeout == 0 {
		d.ReadTimeout = 60 * time.Second
	}
	s := &Server{
		logger: d.Logger, version: d.Version, limiter: d.Limiter,
		defaultLimit: ratelimit.PerMinute(100), registry: d.Registry,
		metrics: newHTTPMetrics(d.Registry), ready: d.Ready, ws: d.WS,
		readTimeout:  d.ReadTimeout,
		admit:        newAdmission(),
		uploadRoutes: map[string]uploadRoute{},
		accounts:     d.Accounts, secureCookies: d.SecureCookies,
		corsOrigins: d.CORSOrigins,
	}
	s.app = fiber.New(fiber.Config{
		AppName:               "utopiahire",
		BodyLimit:             MaxMultipartBody,
		DisableStartupMessage: true,
		ErrorHandler:          s.errorHandler,
		ReadBufferSize:        16 << 10,
	})
	csp := contentSecurityPolicy(d.ConnectSources)
	s.app.Use(clientContext, withRequestID, securityHeaders(csp), s.accessLog,
		recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: logPanic(d.Logger)}),
		cors.New(cors.Config{
			AllowOrigins:     strings.Join(d.CORSOrigins, ","),
			AllowCredentials: true,
			// Empty: the preflight allows whatever headers an allowed origin
			// asks for (the existing frontend adds X-Request-Time to every
			// call); a disallowed origin never gets Access-Control-Allow-Origin,
			// so its browser refuses the call whatever the headers.
			AllowHeaders:  "",
			ExposeHeaders: "X-Request-ID, Retry-After",
			MaxAge:        600,
		}))
	s.opsRoutes(d.MetricsOff, d.MetricsToken)
	if d.Accounts != nil {
		s.registerAuth()
	}
	if d.CV != nil {
		s.cvRoutes(d.CV)
	}
	if d.Jobs != nil {
		s.jobsRoutes(*d.Jobs)
	}
	if d.Interviews != nil {
		s.interviewRoutes(d.Interviews)
	}
	if d.Web != nil {
		s.webRoutes(d.Web)
	}
	doc, err := s.buildOpenAPI()
	if err != nil {
		return nil, err
	}
	if s.openAPI, err = json.Marshal(doc); err != nil {
		return nil, err
	}
	return s, nil
}

// App is the Fiber app, for tests that compare routes with the document.
func (s *Server) App() *fiber.App { return s.app }

// OpenAPI returns the parsed OpenAPI document.
func (s *Server) OpenAPI() (*openapi3.T, error) {
	return openapi3.NewLoader().LoadFromData(s.openAPI)
}

// Handler is the net/http front: /ws to the hub, the rest to Fiber with
// body limits enforced before Fiber buffers anything.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", s.serveWS)
	fiberApp := fiberHandler(s.app)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		release, ok := s.admitLargeBody(w, r)
		if !ok {
			return
		}
		defer release()
		if !s.readBody(w, r) {
			return
		}
		fiberApp(w, r)
	})
	return mux
}

func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	if s.ws == nil {
		writeJSONError(w, http.StatusServiceUnavailable, "hub_unavailable", "The real-time hub is not running.")
		return
	}
	s.ws.ServeHTTP(w, r)
}

// largeBodyWait bounds how long a large upload waits for a slot before it
// is refused as busy; its bytes stay in the client's socket meanwhile.
const largeBodyWait = 30 * time.Second

// largeBodySlots is how many large multipart bodies may be in memory at
// once. Each costs several copies of itself until its request ends (ours,
// Fiber's, the parsed form, the handler's), so 20 concurrent 10 MB uploads
// would need over a gigabyte; two per core keeps every core busy.
func largeBodySlots() int { return 2 * runtime.GOMAXPROCS(0) }

// readBody reads the whole body within its limit and deadline, so an
// oversized or slow body gets a JSON error instead of reaching Fiber.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) bool {
	if r.Body == nil || r.Body == http.NoBody {
		return true
	}
	limit := s.bodyLimit(r)
	if r.ContentLength > limit {
		writeJSONError(w, http.StatusRequestEntityTooLarge, "body_too_large", tooLargeMessage(limit))
		return false
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	var (
		n   int64
		err error
	)
	if limit > MaxJSONBody {
		n, err = s.readAtMinRate(w, r, &buf, limit)
	} else {
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.readTimeout))
		n, err = buf.ReadFrom(io.LimitReader(r.Body, limit+1))
	}
	switch {
	case errors.Is(err, errTooSlow):
		writeJSONError(w, http.StatusRequestTimeout, "body_too_slow", fmt.Sprintf("The upload arrived slower than %d KB/s; try again on a faster connection.", int(s.admit.minRate)>>10))
		return false
	case err != nil:
		writeJSONError(w, http.StatusBadRequest, "body_unreadable", "The request body could not be read in time.")
		return false
	}
	if n > limit {
		writeJSONError(w, http.StatusRequestEntityTooLarge, "body_too_large", tooLargeMessage(limit))
		return false
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Time{})
	r.Body = &bufferedBody{b: &buf}
	return true
}

// bufferedBody hands the buffered body to Fiber, which copies it, and then
// lets go of the buffer: without this both copies of every upload stay
// alive for the whole request (20 concurrent 10 MB uploads: 200 MB more).
type bufferedBody struct{ b *bytes.Buffer }

func (r *bufferedBody) Read(p []byte) (int, error) {
	if r.b == nil {
		return 0, io.EOF
	}
	n, err := r.b.Read(p)
	if errors.Is(err, io.EOF) {
		r.b = nil
	}
	return n, err
}

// WriteTo keeps io.Copy's single write of the whole body.
func (r *bufferedBody) WriteTo(w io.Writer) (int64, error) {
	if r.b == nil {
		return 0, nil
	}
	n, err := r.b.WriteTo(w)
	r.b = nil
	return n, err
}

func (r *bufferedBody) Close() error {
	r.b = nil
	return nil
}

func tooLargeMessage(limit int64) string {
	if limit >= MaxMultipartBody {
		return "The upload is larger than 10 MB."
	}
	return "The request body is larger than 1 MB."
}

// opsRoutes are the operational endpoints.
func (s *Server) opsRoutes(metricsOff bool, metricsToken string) {
	s.handle(fiber.MethodGet, "/health", Op{Summary: "Liveness: the process answers.", Tag: "ops", Response: healthResponse{}, Unlimited: true}, s.health)
	s.handle(fiber.MethodGet, "/ready", Op{Summary: "Readiness: the database and (when configured) Redis answer; LiveKit and the interview agent, when missing, report degraded without failing.", Tag: "ops", Response: readyResponse{}, Unlimited: true, Errors: []int{503}}, s.readiness)
	if !metricsOff {
		s.handle(fiber.MethodGet, "/metrics", Op{Summary: "Prometheus metrics (Bearer METRICS_TOKEN when configured).", Tag: "ops", Produces: "text/plain", Unlimited: true, Errors: []int{401}},
			metricsAuth(metricsToken, adaptor.HTTPHandler(promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))))
	}
	s.handle(fiber.MethodGet, "/docs/openapi.json", Op{Summary: "This OpenAPI 3 document.", Tag: "ops", Produces: "application/json", Unlimited: true}, s.openAPIDoc)
	viewer := adaptor.HTTPHandler(v5emb.New("UtopiaHire API", "/docs/openapi.json", "/docs/"))
	docsUI := func(c *fiber.Ctx) error {
		c.Set("Content-Security-Policy", docsCSP)
		if c.Path() == "/docs" {
			return c.Redirect("/docs/", fiber.StatusMovedPermanently)
		}
		return viewer(c)
	}
	s.handle(fiber.MethodGet, "/docs", Op{Summary: "API documentation viewer (Swagger UI).", Tag: "ops", Produces: "text/html", Unlimited: true}, docsUI)
	s.handle(fiber.MethodGet, "/docs/*", Op{Summary: "Assets of the documentation viewer.", Tag: "ops", Produces: "text/html", Unlimited: true}, docsUI)
}

// webRoutes serve the embedded dashboards. The app routes in the URL
// fragment, so only its entry pages and assets have paths.
func (s *Server) webRoutes(web http.Handler) {
	h := adaptor.HTTPHandler(web)
	for _, p := range []string{"/", "/index.html", "/verify-email", "/oauth/callback", "/reset-password", "/favicon.svg"} {
		s.handle(fiber.MethodGet, p, Op{Summary: "Dashboard page.", Tag: "web", Produces: "text/html", Unlimited: true}, h)
	}
	s.handle(fiber.MethodGet, "/assets/*", Op{Summary: "Dashboard assets (hashed names, cached for a year).", Tag: "web", Produces: "application/octet-stream", Unlimited: true}, h)
}

// metricsAuth asks for the Bearer token when one is configured; the
// comparison takes the same time whatever the token's prefix.
func metricsAuth(token string, next fiber.Handler) fiber.Handler {
	if token == "" {
		return next
	}
	want := []byte("Bearer " + token)
	return func(c *fiber.Ctx) error {
		if subtle.ConstantTimeCompare([]byte(c.Get(fiber.HeaderAuthorization)), want) != 1 {
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
			return apperr.New(apperr.Unauthorized, "metrics_token_required", "Metrics need the Bearer token set in METRICS_TOKEN.")
		}
		return next(c)
	}
}

type healthResponse struct {
	Status  string `json:"status"`
	Version string `json:"version"`
}

func (s *Server) health(c *fiber.Ctx) error {
	return c.JSON(healthResponse{Status: "ok", Version: s.version})
}

type readyResponse struct {
	// Status is "ok", or "degraded" when an optional dependency is missing.
	Status string `json:"status"`
	// Checks maps each dependency to "ok", "down", "degraded" or "not_configured".
	Checks map[string]string `json:"checks"`
	// Degraded says, for each optional dependency not ok, what is missing.
	Degraded map[string]string `json:"degraded,omitempty"`
}

func (s *Server) readiness(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	res := readyResponse{Status: "ok", Checks: map[string]string{}}
	var down []string
	for _, rc := range s.ready {
		err := rc.Check(ctx)
		switch {
		case err == nil:
			res.Checks[rc.Name] = "ok"
		case errors.Is(err, ErrNotConfigured):
			res.Checks[rc.Name] = "not_configured"
		case rc.Optional:
			res.Checks[rc.Name] = "degraded"
			if res.Degraded == nil {
				res.Degraded = map[string]string{}
			}
			res.Degraded[rc.Name] = err.Error()
			res.Status = "degraded"
		default:
			s.logger.Warn("readiness check failed", "check", rc.Name, "err", err)
			res.Checks[rc.Name] = "down"
			down = append(down, rc.Name)
		}
	}
	if len(down) > 0 {
		e := apperr.New(apperr.Unavailable, "dependency_down", "Not ready: "+strings.Join(down, ", ")+" unreachable.")
		return e.With("checks", res.Checks)
	}
	return c.JSON(res)
}

func (s *Server) openAPIDoc(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(s.openAPI)
}
