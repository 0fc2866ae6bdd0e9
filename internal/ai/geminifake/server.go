package geminifake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/genai"
)

// DefaultAPIVersion is the version the genai client uses for the Gemini API
// when none is given.
const DefaultAPIVersion = "v1beta"

// Options configures a Server. The zero value is usable: any non-empty API key
// is accepted and generateContent answers from the response schema
// (SchemaReply).
type Options struct {
	// APIKey, when set, is the only key accepted; others get the real API's
	// 400 API_KEY_INVALID (REST) or a 1008 close (Live). When empty any
	// non-empty key is accepted; a request without a key is always refused.
	APIKey string
	// Generate answers generateContent and streamGenerateContent.
	Generate GenerateHandler
	// Live runs BidiGenerateContent sessions (default: an empty
	// Conversation, which completes setup and listens).
	Live LiveHandler
	// MaxRequestBytes bounds a REST request body (default 20 MiB, the
	// inline-request limit of the real API).
	MaxRequestBytes int64
	// Logger receives the fake's own diagnostics (default: discarded).
	Logger *slog.Logger
}

// Server is a local Gemini API: generateContent over HTTP and
// BidiGenerateContent over WebSocket, on one loopback port.
type Server struct {
	opts   Options
	ln     net.Listener
	http   *http.Server
	log    *slog.Logger
	ctx    context.Context
	cancel context.CancelFunc

	mu        sync.Mutex
	generate  GenerateHandler
	requests  []*GenerateRequest
	serial    int
	live      LiveHandler
	liveStats LiveStats
	handles   map[string]any // session resumption handles
}

// Start listens on 127.0.0.1 on a free port and serves until Close.
func Start(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("geminifake: listen: %w", err)
	}
	if opts.MaxRequestBytes <= 0 {
		opts.MaxRequestBytes = 20 << 20
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		opts:     opts,
		ln:       ln,
		log:      log,
		ctx:      ctx,
		cancel:   cancel,
		generate: opts.Generate,
		live:     opts.Live,
	}
	if s.generate == nil {
		s.generate = SchemaReply()
	}
	s.http = &http.Server{
		Handler:           http.HandlerFunc(s.serveHTTP),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("geminifake serve", "err", err)
		}
	}()
	return s, nil
}

// NewServer starts a Server for a test and closes it when the test ends.
func NewServer(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// URL is the REST base URL, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() }

// ClientConfig is a genai configuration for REST calls to this server.
func (s *Server) ClientConfig(apiKey string) *genai.ClientConfig {
	return &genai.ClientConfig{
		APIKey:      apiKey,
		Backend:     genai.BackendGeminiAPI,
		HTTPOptions: genai.HTTPOptions{BaseURL: s.URL(), APIVersion: DefaultAPIVersion},
	}
}

// SetGenerate replaces the generateContent handler for later requests.
func (s *Server) SetGenerate(h GenerateHandler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.generate = h
}

// Close stops serving and waits for requests in flight.
func (s *Server) Close() {
	s.cancel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.http.Shutdown(ctx)
	_ = s.http.Close()
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, livePathPrefix) {
		s.serveLive(w, r)
		return
	}
	s.serveREST(w, r)
}

// apiKey returns the key the way the real API accepts it: header first,
// then the legacy ?key= query parameter.
func apiKey(r *http.Request) string {
	if k := r.Header.Get("x-goog-api-key"); k != "" {
		return k
	}
	return r.URL.Query().Get("key")
}

// checkKey returns a Google error when the request may not proceed.
func (s *Server) checkKey(key string) *googleError {
	switch {
	case key == "":
		return &googleError{Code: http.StatusForbidden, Status: "PERMISSION_DENIED",
			Message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."}
	case s.opts.APIKey != "" && key != s.opts.APIKey:
		return &googleError{Code: http.StatusBadRequest, Status: "INVALID_ARGUMENT",
			Message: "API key not valid. Please pass a valid API key.",
			Details: []map[string]any{{
				"@type":  "type.googleapis.com/google.rpc.ErrorInfo",
				"reason": "API_KEY_INVALID",
				"domain": "googleapis.com",
			}}}
	}
	return nil
}

// googleError is the body of every error of Google APIs:
// {"error": {"code", "message", "status", "details"}}.
type googleError struct {
	Code    int              `json:"code"`
	Message string           `json:"message"`
	Status  string           `json:"status"`
	Details []map[string]any `json:"details,omitempty"`
}

func writeGoogleError(w http.ResponseWriter, e *googleError) {
	if e.Status == "" {
		e.Status = statusName(e.Code)
	}
	b, _ := json.Marshal(map[string]any{"error": e})
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(e.Code)
	_, _ = w.Write(b)
}

// statusName maps an HTTP status to the google.rpc.Code name the API uses.
func statusName(code int) string {
	switch code {
	case 400:
		return "INVALID_ARGUMENT"
	case 401:
		return "UNAUTHENTICATED"
	case 403:
		return "PERMISSION_DENIED"
	case 404:
		return "NOT_FOUND"
	case 409:
		return "ABORTED"
	case 429:
		return "RESOURCE_EXHAUSTED"
	case 499:
		return "CANCELLED"
	case 501:
		return "NOT_IMPLEMENTED"
	case 503:
		return "UNAVAILABLE"
	case 504:
		return "DEADLINE_EXCEEDED"
	default:
		if code >= 500 {
			return "INTERNAL"
		}
		return "FAILED_PRECONDITION"
	}
}
