// Package config reads every setting of the UtopiaHire processes from
// environment variables into typed structs and validates them at start-up.
//
// In development, missing secrets are generated once and kept under the data
// directory so that tokens survive a restart; in production a missing or weak
// secret stops the process.
package config

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Environments the server knows.
const (
	EnvDevelopment = "development"
	EnvProduction  = "production"
	EnvTest        = "test"
)

// MinSecretLen is the shortest secret accepted in production (bytes of text).
const MinSecretLen = 32

// Config is every setting of cmd/server and cmd/agent.
type Config struct {
	Env     string
	Port    int
	DataDir string

	DatabaseURL string // empty: use the local server or start a private one
	RedisURL    string // empty: in-process broker and rate limits
	// Redis is RedisURL read: a single Redis, Sentinel or Cluster.
	Redis RedisTarget
	// RedisWaitReplicas is how many replicas must have a hub publication
	// before it is acknowledged (Redis WAIT), so a failover cannot lose it.
	RedisWaitReplicas int
	// RedisPrefix starts every Redis key and pub/sub channel of this
	// deployment, so two deployments sharing a Redis never see each other's
	// hub channels (agents:dispatch offers) or rate-limit counters.
	RedisPrefix string

	// MetricsAddr, when set, serves /metrics on its own listener (and not
	// on the public port); MetricsToken, when set, is the Bearer token the
	// public port's /metrics asks for. Production serves /metrics publicly
	// only with a token.
	MetricsAddr  string
	MetricsToken string

	JWTSecret     string
	RefreshSecret string
	AgentSecret   string
	BcryptCost    int

	CORSOrigins []string
	PublicURL   string

	SMTPURL  string
	MailFrom string

	GeminiAPIKey  string
	GeminiBaseURL string

	LiveKitURL       string
	LiveKitAPIKey    string
	LiveKitAPISecret string

	// Accounts: previous JWT signing secrets (still verified after a
	// rotation), the web app's base URL for links, OAuth providers, and the
	// per-client rate limits switch (benchmarks only).
	JWTPreviousSecrets []string
	FrontendURL        string
	OAuth              OAuthConfig
	RateLimits         bool

	// Jobs is the job search (internal/config/jobs.go).
	Jobs JobsConfig

	// Interviews: timeouts of voice interviews.
	Interviews InterviewsConfig

	ShutdownTimeout time.Duration
	LogLevel        string
	LogFormat       string

	// GeneratedSecrets names the secrets generated for development, so the
	// caller can say so in the log (never the values).
	GeneratedSecrets []string
}

// OAuthConfig holds the OAuth providers' credentials and, for tests
// against a local fake, their endpoints (empty: the real provider's).
type OAuthConfig struct {
	GoogleClientID, GoogleClientSecret               string
	GoogleAuthURL, GoogleTokenURL, GoogleUserInfoURL string
	GitHubClientID, GitHubClientSecret               string
	GitHubAuthURL, GitHubTokenURL, GitHubAPIURL      string
}

// Getenv looks a variable up; os.Getenv in production, a map in tests.
type Getenv func(string) string

// Load reads and validates the configuration.
func Load(getenv Getenv) (Config, error) {
	var errs []error
	c := Config{
		Env:              strings.ToLower(orDefault(getenv("APP_ENV"), EnvDevelopment)),
		DataDir:          orDefault(getenv("DATA_DIR"), ".data"),
		DatabaseURL:      getenv("DATABASE_URL"),
		RedisURL:         getenv("REDIS_URL"),
		RedisPrefix:      orDefault(getenv("REDIS_PREFIX"), "uh"),
		MetricsAddr:      getenv("METRICS_ADDR"),
		MetricsToken:     getenv("METRICS_TOKEN"),
		JWTSecret:        getenv("JWT_SECRET"),
		RefreshSecret:    getenv("REFRESH_SECRET"),
		AgentSecret:      getenv("AGENT_SECRET"),
		PublicURL:        getenv("PUBLIC_URL"),
		SMTPURL:          getenv("SMTP_URL"),
		MailFrom:         orDefault(getenv("MAIL_FROM"), "UtopiaHire <no-reply@utopiahire.local>"),
		GeminiAPIKey:     orDefault(getenv("GEMINI_API_KEY"), getenv("GOOGLE_API_KEY")),
		GeminiBaseURL:    getenv("GEMINI_BASE_URL"),
		LiveKitURL:       getenv("LIVEKIT_URL"),
		LiveKitAPIKey:    getenv("LIVEKIT_API_KEY"),
		LiveKitAPISecret: getenv("LIVEKIT_API_SECRET"),
		LogLevel:         strings.ToLower(orDefault(getenv("LOG_LEVEL"), "info")),
		LogFormat:        strings.ToLower(orDefault(getenv("LOG_FORMAT"), "text")),
	}
	switch c.Env {
	case EnvDevelopment, EnvProduction, EnvTest:
	default:
		errs = append(errs, fmt.Errorf("APP_ENV must be development, production or test, not %q", c.Env))
	}
	c.Port = intVar(getenv, "PORT", 8000, 0, 65535, &errs)
	c.BcryptCost = intVar(getenv, "BCRYPT_COST", 12, 4, 31, &errs)
	c.ShutdownTimeout = durationVar(getenv, "SHUTDOWN_TIMEOUT", 15*time.Second, &errs)
	c.CORSOrigins = splitList(orDefault(getenv("CORS_ORIGINS"), "http://localhost:8000,http://localhost:3000,http://localhost:5173"))
	if c.PublicURL == "" {
		c.PublicURL = fmt.Sprintf("http://localhost:%d", c.Port)
	}
	checkURL("PUBLIC_URL", c.PublicURL, []string{"http", "https"}, &errs)
	c.loadAccounts(getenv, &errs)
	c.loadJobs(getenv, &errs)
	c.loadInterviews(getenv, &errs)
	checkURL("DATABASE_URL", c.DatabaseURL, []string{"postgres", "postgresql"}, &errs)
	c.loadRedis(getenv, &errs)
	checkURL("SMTP_URL", c.SMTPURL, []string{"smtp", "smtps"}, &errs)
	checkURL("GEMINI_BASE_URL", c.GeminiBaseURL, []string{"http", "https", "ws", "wss"}, &errs)
	checkURL("LIVEKIT_URL", c.LiveKitURL, []string{"ws", "wss", "http", "https"}, &errs)
	for _, o := range c.CORSOrigins {
		checkURL("CORS_ORIGINS", o, []string{"http", "https"}, &errs)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL must be debug, info, warn or error, not %q", c.LogLevel))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("LOG_FORMAT must be text or json, not %q", c.LogFormat))
	}
	if !validRedisPrefix(c.RedisPrefix) {
		errs = append(errs, fmt.Errorf("REDIS_PREFIX must be 1 to 64 letters, digits, '.', '_' or '-', not %q", c.RedisPrefix))
	}
	if c.MetricsAddr != "" {
		if _, p, err := splitHostPort(c.MetricsAddr); err != nil || p < 0 {
			errs = append(errs, fmt.Errorf("METRICS_ADDR must be host:port, not %q", c.MetricsAddr))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	if err := c.settleSecrets(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// LiveKitEnabled reports whether interviews can get LiveKit rooms.
func (c Config) LiveKitEnabled() bool {
	return c.LiveKitURL != "" && c.LiveKitAPIKey != "" && c.LiveKitAPISecret != ""
}

// secretSpec names a secret and where it lives in Config.
type secretSpec struct {
	name string
	ptr  *string
}

func (c *Config) secrets() []secretSpec {
	return []secretSpec{
		{name: "JWT_SECRET", ptr: &c.JWTSecret},
		{name: "REFRESH_SECRET", ptr: &c.RefreshSecret},
		{name: "AGENT_SECRET", ptr: &c.AgentSecret},
	}
}

// settleSecrets refuses weak secrets in production and fills missing ones
// in development from (or into) DataDir/secrets.json.
func (c *Config) settleSecrets() error {
	if c.Env == EnvProduction {
		var errs []error
		named := make([]namedSecret, 0, 4+len(c.JWTPreviousSecrets))
		for _, s := range c.secrets() {
			named = append(named, namedSecret{s.name, *s.ptr})
		}
		for i, v := range c.JWTPreviousSecrets {
			named = append(named, namedSecret{fmt.Sprintf("JWT_PREVIOUS_SECRETS[%d]", i+1), v})
		}
		if c.LiveKitURL != "" {
			if c.LiveKitAPIKey == "" {
				errs = append(errs, errors.New("LIVEKIT_API_KEY is required with LIVEKIT_URL in production"))
			}
			named = append(named, namedSecret{"LIVEKIT_API_SECRET", c.LiveKitAPISecret})
		}
		if c.MetricsToken != "" {
			named = append(named, namedSecret{"METRICS_TOKEN", c.MetricsToken})
		}
		errs = append(errs, checkProductionSecrets(named))
		return errors.Join(errs...)
	}
	var missing []secretSpec
	for _, s := range c.secrets() {
		if *s.ptr == "" {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	stored, err := loadSecretFile(c.secretFile())
	if err != nil {
		return err
	}
	changed := false
	for _, s := range missing {
		v, ok := stored[s.name]
		if !ok {
			v, err = randomSecret()
			if err != nil {
				return err
			}
			stored[s.name] = v
			changed = true
			c.GeneratedSecrets = append(c.GeneratedSecrets, s.name)
		}
		*s.ptr = v
	}
	if changed {
		return saveSecretFile(c.secretFile(), stored)
	}
	return nil
}

func (c *Config) secretFile() string { return filepath.Join(c.DataDir, "secrets.json") }

func loadSecretFile(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read development secrets: %w", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("development secrets file %s is corrupt (delete it to regenerate): %w", path, err)
	}
	return m, nil
}

func saveSecretFile(path string, m map[string]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create data dir: %w", err)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("write development secrets: %w", err)
	}
	return os.Rename(tmp, path)
}

func randomSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func orDefault(v, def string) string {
	if strings.TrimSpace(v) == "" {
		return def
	}
	return strings.TrimSpace(v)
}

func intVar(getenv Getenv, name string, def, min, max int, errs *[]error) int {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		*errs = append(*errs, fmt.Errorf("%s must be a whole number from %d to %d, not %q", name, min, max, v))
		return def
	}
	return n
}

func durationVar(getenv Getenv, name string, def time.Duration, errs *[]error) time.Duration {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		*errs = append(*errs, fmt.Errorf("%s must be a positive duration such as 15s, not %q", name, v))
		return def
	}
	return d
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.TrimRight(p, "/"))
		}
	}
	return out
}

func checkURL(name, v string, schemes []string, errs *[]error) {
	if v == "" {
		return
	}
	u, err := url.Parse(v)
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s is not a valid URL", name))
		return
	}
	for _, s := range schemes {
		if strings.EqualFold(u.Scheme, s) {
			return
		}
	}
	*errs = append(*errs, fmt.Errorf("%s must use one of the schemes %s, not %q", name, strings.Join(schemes, ", "), u.Scheme))
}

// loadAccounts reads and checks the accounts settings.
func (c *Config) loadAccounts(getenv Getenv, errs *[]error) {
	c.JWTPreviousSecrets = splitList(getenv("JWT_PREVIOUS_SECRETS"))
	c.FrontendURL = strings.TrimRight(orDefault(getenv("FRONTEND_URL"), c.PublicURL), "/")
	checkURL("FRONTEND_URL", c.FrontendURL, []string{"http", "https"}, errs)
	c.OAuth = OAuthConfig{
		GoogleClientID: getenv("GOOGLE_CLIENT_ID"), GoogleClientSecret: getenv("GOOGLE_CLIENT_SECRET"),
		GoogleAuthURL: getenv("GOOGLE_AUTH_URL"), GoogleTokenURL: getenv("GOOGLE_TOKEN_URL"), GoogleUserInfoURL: getenv("GOOGLE_USERINFO_URL"),
		GitHubClientID: getenv("GITHUB_CLIENT_ID"), GitHubClientSecret: getenv("GITHUB_CLIENT_SECRET"),
		GitHubAuthURL: getenv("GITHUB_AUTH_URL"), GitHubTokenURL: getenv("GITHUB_TOKEN_URL"), GitHubAPIURL: getenv("GITHUB_API_URL"),
	}
	for _, name := range []string{"GOOGLE_AUTH_URL", "GOOGLE_TOKEN_URL", "GOOGLE_USERINFO_URL", "GITHUB_AUTH_URL", "GITHUB_TOKEN_URL", "GITHUB_API_URL"} {
		checkURL(name, getenv(name), []string{"http", "https"}, errs)
	}
	if (c.OAuth.GoogleClientID == "") != (c.OAuth.GoogleClientSecret == "") {
		*errs = append(*errs, errors.New("GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together"))
	}
	if (c.OAuth.GitHubClientID == "") != (c.OAuth.GitHubClientSecret == "") {
		*errs = append(*errs, errors.New("GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET must be set together"))
	}
	switch v := strings.ToLower(strings.TrimSpace(getenv("RATE_LIMITS"))); v {
	case "", "on":
		c.RateLimits = true
	case "off":
		if c.Env == EnvProduction {
			*errs = append(*errs, errors.New("RATE_LIMITS=off is refused in production"))
		}
	default:
		*errs = append(*errs, fmt.Errorf("RATE_LIMITS must be on or off, not %q", v))
	}
}

// validRedisPrefix accepts short names that cannot contain Redis's key
// separator (':') or hash-tag braces.
func validRedisPrefix(p string) bool {
	if p == "" || len(p) > 64 {
		return false
	}
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// PublicMetrics reports whether the public port serves /metrics (behind
// MetricsToken when set): never with METRICS_ADDR, and in production only
// with a token.
func (c Config) PublicMetrics() bool {
	return c.MetricsAddr == "" && (c.Env != EnvProduction || c.MetricsToken != "")
}
