package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

const (
	headerRequestID = "X-Request-ID"
	localRequestID  = "request_id"
)

// withRequestID keeps a sane incoming X-Request-ID or makes one, and echoes it.
func withRequestID(c *fiber.Ctx) error {
	id := c.Get(headerRequestID)
	if !validRequestID(id) {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	} else {
		id = string([]byte(id)) // Fiber reuses the header buffer
	}
	c.Locals(localRequestID, id)
	c.Set(headerRequestID, id)
	return c.Next()
}

func validRequestID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(localRequestID).(string)
	return id
}

// routeOf is the matched route pattern, never the raw path: paths can hold
// e-mail addresses and ids that do not belong in logs or metric labels.
func routeOf(c *fiber.Ctx) string {
	r := c.Route()
	if r == nil || r.Path == "/" && c.Path() != "/" || r.Path == "" {
		return "unmatched"
	}
	return r.Path
}

// accessLog logs one line per request and records metrics. It runs the
// error handler itself so the logged status is the one sent.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := s.errorHandler(c, err); herr != nil {
			return herr
		}
	}
	d := time.Since(start)
	bytesOut := -1 // a streamed body is still being written: reading it here would buffer it
	if !c.Response().IsBodyStream() {
		bytesOut = len(c.Response().Body())
	}
	status := c.Response().StatusCode()
	route := routeOf(c)
	s.metrics.requests.WithLabelValues(c.Method(), route, strconv.Itoa(status)).Inc()
	s.metrics.duration.WithLabelValues(c.Method(), route).Observe(d.Seconds())
	s.logger.Info("http request",
		"method", c.Method(), "route", route, "status", status,
		"duration_ms", float64(d.Microseconds())/1000, "request_id", requestID(c),
		"ip", c.IP(), "bytes_out", bytesOut)
	return nil
}

// securityHeaders sets the browser hardening headers on every response.
func securityHeaders(csp string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set("X-Content-Type-Options", "nosniff")
		c.Set("X-Frame-Options", "DENY")
		c.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		// Pages can carry single-use tokens in their address (the
		// verification link's ?token=); no Referer may ever repeat it.
		c.Set("Referrer-Policy", "no-referrer")
		c.Set("Permissions-Policy", "camera=(), geolocation=(), payment=(), microphone=(self)")
		c.Set("Cross-Origin-Opener-Policy", "same-origin")
		c.Set("Content-Security-Policy", csp)
		return c.Next()
	}
}

// contentSecurityPolicy lets the pages reach their own origin and the
// origins given (this server's WebSocket form, the LiveKit server's http and
// ws forms), and nothing else: injected script cannot ship data to any host.
func contentSecurityPolicy(connect []string) string {
	src := "'self'"
	for _, o := range connect {
		src += " " + o
	}
	return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
		"img-src 'self' data: blob:; font-src 'self' data:; connect-src " + src + "; media-src 'self' blob:; " +
		"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
}

// docsCSP lets the embedded Swagger UI run its inline bootstrap script.
const docsCSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; frame-ancestors 'none'; object-src 'none'"

// rateLimited limits one route per client (IP) under bucket.
func (s *Server) rateLimited(bucket string, lim ratelimit.Limit) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if s.limiter == nil {
			return c.Next()
		}
		res, err := s.limiter.Allow(c.UserContext(), "http:"+bucket+":"+c.IP(), lim)
		if err != nil {
			// Failing open: a Redis outage must not take the API down with it.
			s.logger.Warn("rate limiter unavailable", "request_id", requestID(c), "err", err)
			return c.Next()
		}
		c.Set("X-RateLimit-Limit", strconv.Itoa(lim.Rate))
		c.Set("X-RateLimit-Remaining", strconv.Itoa(max(res.Remaining, 0)))
		if !res.Allowed {
			e := apperr.New(apperr.RateLimited, "rate_limited", "Too many requests; try again later.")
			e.RetryAfter = res.RetryAfter
			return e
		}
		return c.Next()
	}
}

type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) httpMetrics {
	m := httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "HTTP request latency by method and route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"method", "route"}),
	}
	if reg != nil {
		reg.MustRegister(m.requests, m.duration)
	}
	return m
}
