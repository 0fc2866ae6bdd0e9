package httpapi

import (
	"bytes"
	"errors"
	"io"
	"math"
	"mime"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// Large-body admission. A multipart body above the JSON limit is buffered
// whole before Fiber runs, so only a few may be in memory at once (slots).
// A slot is scarce, so it is given out last, and only to requests that
// could use it: the route takes uploads, the caller is signed in (when the
// route wants that), this address is within its upload rate and its share
// of the slots. The body must then keep arriving at a minimum rate, so a
// client trickling bytes gives its slot back within seconds, not at the
// read timeout.

// uploadRoute is a route that accepts large multipart bodies.
type uploadRoute struct {
	auth bool // the route needs a signed-in user
}

// admission holds the large-body admission settings and per-address counts.
type admission struct {
	slots slots
	wait  time.Duration
	// perIP is the most slots one address may hold at once.
	perIP int
	// minRate (bytes/s) is the slowest a large body may arrive once grace
	// has passed since its first byte was awaited.
	minRate float64
	grace   time.Duration
	// limit is each address's rate of large uploads admitted.
	limit ratelimit.Limit

	mu   sync.Mutex
	held map[string]int
}

func newAdmission() *admission {
	n := largeBodySlots()
	return &admission{
		slots:   make(slots, n),
		wait:    largeBodyWait,
		perIP:   max(1, n/4),
		minRate: 16 << 10, // 128 kbit/s: a slow mobile link still makes it
		grace:   5 * time.Second,
		limit:   ratelimit.PerMinute(20),
		held:    map[string]int{},
	}
}

// claim counts one more slot held by ip, unless it already holds its share.
func (a *admission) claim(ip string) (release func(), ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.held[ip] >= a.perIP {
		return nil, false
	}
	a.held[ip]++
	var once sync.Once
	return func() {
		once.Do(func() {
			a.mu.Lock()
			defer a.mu.Unlock()
			if a.held[ip]--; a.held[ip] <= 0 {
				delete(a.held, ip)
			}
		})
	}, true
}

// isLargeMultipart reports whether r may carry a body above the JSON limit
// (a multipart body with no or a large Content-Length).
func isLargeMultipart(r *http.Request) bool {
	if r.Body == nil || r.Body == http.NoBody || (r.ContentLength >= 0 && r.ContentLength <= MaxJSONBody) {
		return false
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// clientIP is the address the rate limits count: the peer's (the server
// trusts no forwarding header, as Fiber's c.IP() does not).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// admitLargeBody lets a large multipart request through to have its body
// read, after the checks above, and holds its slot until the request is
// answered (Fiber keeps its copy of the body that long). Other requests pass
// at once; readBody refuses large bodies of routes that take no uploads.
func (s *Server) admitLargeBody(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	noop := func() {}
	if !isLargeMultipart(r) || r.ContentLength > MaxMultipartBody {
		return noop, true // readBody answers these
	}
	route, upload := s.uploadRoutes[r.Method+" "+r.URL.Path]
	if !upload {
		return noop, true
	}
	if route.auth {
		if s.accounts == nil {
			writeJSONError(w, http.StatusServiceUnavailable, "accounts_unavailable", "Accounts are not available on this server.")
			return nil, false
		}
		if _, err := s.accounts.Authenticate(r.Context(), bearerHeader(r)); err != nil {
			writeFrontError(w, err)
			return nil, false
		}
	}
	ip := clientIP(r)
	if s.limiter != nil {
		res, err := s.limiter.Allow(r.Context(), "http:large_upload:"+ip, s.admit.limit)
		switch {
		case err != nil:
			s.logger.Warn("rate limiter unavailable", "err", err)
		case !res.Allowed:
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(res.RetryAfter.Seconds()))))
			writeJSONError(w, http.StatusTooManyRequests, "rate_limited", "Too many uploads from your address; try again later.")
			return nil, false
		}
	}
	unclaim, ok := s.admit.claim(ip)
	if !ok {
		w.Header().Set("Retry-After", "10")
		writeJSONError(w, http.StatusTooManyRequests, "uploads_busy_for_client", "Your address already has uploads in progress; wait for them to finish.")
		return nil, false
	}
	freeSlot, ok := s.admit.slots.take(r.Context(), s.admit.wait)
	if !ok {
		unclaim()
		if r.Context().Err() == nil {
			w.Header().Set("Retry-After", "30")
			writeJSONError(w, http.StatusServiceUnavailable, "uploads_busy", "Too many large uploads are being processed right now; try again in a minute.")
		}
		return nil, false
	}
	return func() { freeSlot(); unclaim() }, true
}

// bearerHeader is the token of "Authorization: Bearer <token>", or "".
func bearerHeader(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !(h[:7] == "Bearer " || h[:7] == "bearer ") {
		return ""
	}
	return h[7:]
}

// writeFrontError writes a domain error from the net/http front.
func writeFrontError(w http.ResponseWriter, err error) {
	ae, ok := apperr.From(err)
	if !ok {
		writeJSONError(w, http.StatusServiceUnavailable, "unavailable", "Could not check your sign-in; try again.")
		return
	}
	writeJSONError(w, statusOf[ae.Kind], ae.Code, ae.Message)
}

// bodyLimit is how large r's body may be: uploads on upload routes, the
// JSON limit for everything else.
func (s *Server) bodyLimit(r *http.Request) int64 {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		if _, ok := s.uploadRoutes[r.Method+" "+r.URL.Path]; ok {
			return MaxMultipartBody
		}
	}
	return MaxJSONBody
}

// readAtMinRate reads the body into buf up to limit+1 bytes. Before each
// read it sets the connection's deadline to when the bytes so far plus one
// more chunk are due at the minimum rate (after the grace period), capped by
// the overall read timeout: a trickling client is cut off within seconds.
func (s *Server) readAtMinRate(w http.ResponseWriter, r *http.Request, buf *bytes.Buffer, limit int64) (int64, error) {
	rc := http.NewResponseController(w)
	start := time.Now()
	overall := start.Add(s.readTimeout)
	chunk := make([]byte, 32<<10)
	var n int64
	for n <= limit {
		due := start.Add(s.admit.grace + time.Duration(float64(n+int64(len(chunk)))/s.admit.minRate*float64(time.Second)))
		_ = rc.SetReadDeadline(minTime(due, overall))
		m, err := r.Body.Read(chunk[:min(int64(len(chunk)), limit+1-n)])
		buf.Write(chunk[:m])
		n += int64(m)
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) && time.Now().Before(overall) {
				return n, errTooSlow
			}
			return n, err
		}
	}
	return n, nil
}

var errTooSlow = errors.New("body arrived below the minimum rate")

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
