// Package ai is UtopiaHire's edge to Google Gemini: a client built from the
// configuration, structured JSON generation whose output is checked against
// the response schema and the caller's rules (retried once, never passed
// through when invalid), and failures mapped to errors with stable codes
// (ai_unavailable, ai_rate_limited, ai_invalid_output…) after a bounded
// retry with back-off. It never logs the API key or prompt content.
//
// The voice agent talks to Gemini Live through google.golang.org/genai
// directly; Config.LiveClientConfig gives it the right client settings.
package ai

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"google.golang.org/genai"
)

// Defaults used when Config leaves a field empty.
const (
	DefaultAPIVersion   = "v1beta"
	DefaultModel        = "gemini-2.5-flash"
	DefaultLiveModel    = "gemini-2.5-flash-native-audio-preview-09-2025"
	DefaultTimeout      = 90 * time.Second
	DefaultMaxAttempts  = 3
	DefaultRetryBase    = time.Second
	DefaultMaxRetryWait = 20 * time.Second
)

// Config is how to reach Gemini. cmd/* fills it from internal/config
// (GEMINI_API_KEY or GOOGLE_API_KEY, GEMINI_BASE_URL).
type Config struct {
	APIKey     string
	BaseURL    string // empty: Google's endpoint; http(s) or ws(s)
	APIVersion string
	Model      string // text model for GenerateJSON
	LiveModel  string // model for Gemini Live sessions
	// Timeout bounds one attempt; the caller's context bounds the whole call.
	Timeout time.Duration
	// MaxAttempts bounds attempts on transient failures (429, 5xx, timeouts,
	// connection errors).
	MaxAttempts int
	// RetryBase is the first back-off; it doubles per attempt, with jitter.
	RetryBase time.Duration
	// MaxRetryWait caps one wait. When Gemini asks for a longer one (429
	// RetryInfo) the call fails at once with ai_rate_limited and RetryAfter.
	MaxRetryWait    time.Duration
	Temperature     *float32
	MaxOutputTokens int32
	HTTPClient      *http.Client
	Logger          *slog.Logger
}

func (c Config) withDefaults() Config {
	c.APIVersion = orDefault(c.APIVersion, DefaultAPIVersion)
	c.Model = orDefault(c.Model, DefaultModel)
	c.LiveModel = orDefault(c.LiveModel, DefaultLiveModel)
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.RetryBase <= 0 {
		c.RetryBase = DefaultRetryBase
	}
	if c.MaxRetryWait <= 0 {
		c.MaxRetryWait = DefaultMaxRetryWait
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// RESTClientConfig is the genai configuration for REST calls. A ws(s) base
// URL is turned into http(s), so one GEMINI_BASE_URL serves both.
func (c Config) RESTClientConfig() *genai.ClientConfig {
	return c.genaiConfig(map[string]string{"ws": "http", "wss": "https"})
}

// LiveClientConfig is the genai configuration for Gemini Live sessions
// (client.Live.Connect). The genai client turns every base-URL scheme but
// ws/wss into wss, so an http(s) base URL is turned into ws(s) here; that is
// what lets a local fake at http://127.0.0.1:PORT serve Live too.
func (c Config) LiveClientConfig() *genai.ClientConfig {
	return c.genaiConfig(map[string]string{"http": "ws", "https": "wss"})
}

func (c Config) genaiConfig(schemes map[string]string) *genai.ClientConfig {
	c = c.withDefaults()
	base := c.BaseURL
	if u, err := url.Parse(base); err == nil && base != "" {
		if s, ok := schemes[strings.ToLower(u.Scheme)]; ok {
			u.Scheme = s
			base = u.String()
		}
	}
	return &genai.ClientConfig{
		APIKey:      c.APIKey,
		Backend:     genai.BackendGeminiAPI,
		HTTPClient:  c.HTTPClient,
		HTTPOptions: genai.HTTPOptions{BaseURL: base, APIVersion: c.APIVersion},
	}
}

// Client calls Gemini. It is safe for concurrent use.
type Client struct {
	cfg Config
	gc  *genai.Client
	log *slog.Logger
}

// NewClient checks cfg and builds a client. It fails with ai_not_configured
// when there is no API key.
func NewClient(ctx context.Context, cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if strings.TrimSpace(cfg.APIKey) == "" {
		return nil, &Error{Code: CodeNotConfigured, Message: "no Gemini API key is configured (set GEMINI_API_KEY)"}
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("gemini base URL %q is not an absolute URL", cfg.BaseURL)
		}
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "ws", "wss":
		default:
			return nil, fmt.Errorf("gemini base URL must use http, https, ws or wss, not %q", u.Scheme)
		}
	}
	gc, err := genai.NewClient(ctx, cfg.RESTClientConfig())
	if err != nil {
		// genai prints its whole config, key included, in some errors.
		return nil, fmt.Errorf("create gemini client: %s", redact(err.Error(), cfg.APIKey))
	}
	return &Client{cfg: cfg, gc: gc, log: cfg.Logger}, nil
}

// Model is the text model GenerateJSON uses unless told otherwise.
func (c *Client) Model() string { return c.cfg.Model }

// LiveModel is the configured Gemini Live model.
func (c *Client) LiveModel() string { return c.cfg.LiveModel }

// Config returns the effective configuration (defaults filled in).
func (c *Client) Config() Config { return c.cfg }

func redact(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}
