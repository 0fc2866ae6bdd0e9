package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Agent is every setting of cmd/agent, the voice interviewer worker.
type Agent struct {
	Env     string
	DataDir string

	// APIURL is the UtopiaHire server (http://host:port); HubURL its hub
	// WebSocket (default: APIURL's host, path /ws).
	APIURL string
	HubURL string
	// AgentSecret authenticates the worker to the server. In development,
	// when unset, it is read from DataDir/secrets.json, which the server
	// writes on its first start (SecretFromFile is then true and
	// ResolveSecret reads the file again).
	AgentSecret    string
	SecretFromFile bool
	WorkerID       string
	Concurrency    int

	GeminiAPIKey    string
	GeminiBaseURL   string
	GeminiLiveModel string
	GeminiModel     string // report model
	Voice           string // Gemini prebuilt voice

	// TTSCommand is the local text-to-speech engine of rehearsal mode.
	TTSCommand string
	// MaxDuration caps an interview when the session data does not.
	MaxDuration time.Duration
	// StopGrace is how long an interview in progress may take to close
	// politely when the worker is told to stop.
	StopGrace time.Duration
	// MetricsAddr serves Prometheus /metrics (empty: off).
	MetricsAddr string

	ShutdownTimeout time.Duration
	LogLevel        string
	LogFormat       string
}

// LoadAgent reads and validates the agent's configuration.
func LoadAgent(getenv Getenv) (Agent, error) {
	var errs []error
	port := intVar(getenv, "PORT", 8000, 1, 65535, &errs)
	a := Agent{
		Env:             strings.ToLower(orDefault(getenv("APP_ENV"), EnvDevelopment)),
		DataDir:         orDefault(getenv("DATA_DIR"), ".data"),
		APIURL:          strings.TrimRight(orDefault(getenv("API_URL"), fmt.Sprintf("http://127.0.0.1:%d", port)), "/"),
		HubURL:          getenv("HUB_URL"),
		AgentSecret:     getenv("AGENT_SECRET"),
		WorkerID:        getenv("AGENT_WORKER_ID"),
		GeminiAPIKey:    orDefault(getenv("GEMINI_API_KEY"), getenv("GOOGLE_API_KEY")),
		GeminiBaseURL:   getenv("GEMINI_BASE_URL"),
		GeminiLiveModel: getenv("GEMINI_LIVE_MODEL"),
		GeminiModel:     getenv("GEMINI_MODEL"),
		Voice:           orDefault(getenv("AGENT_VOICE"), "Charon"),
		TTSCommand:      orDefault(getenv("AGENT_TTS"), "espeak-ng"),
		MetricsAddr:     getenv("AGENT_METRICS_ADDR"),
		LogLevel:        strings.ToLower(orDefault(getenv("LOG_LEVEL"), "info")),
		LogFormat:       strings.ToLower(orDefault(getenv("LOG_FORMAT"), "text")),
	}
	switch a.Env {
	case EnvDevelopment, EnvProduction, EnvTest:
	default:
		errs = append(errs, fmt.Errorf("APP_ENV must be development, production or test, not %q", a.Env))
	}
	a.Concurrency = intVar(getenv, "AGENT_CONCURRENCY", 4, 1, 256, &errs)
	a.MaxDuration = durationVar(getenv, "AGENT_MAX_DURATION", 30*time.Minute, &errs)
	a.StopGrace = durationVar(getenv, "AGENT_STOP_GRACE", 20*time.Second, &errs)
	a.ShutdownTimeout = durationVar(getenv, "SHUTDOWN_TIMEOUT", 30*time.Second, &errs)
	checkURL("API_URL", a.APIURL, []string{"http", "https"}, &errs)
	if a.HubURL == "" {
		if u, err := url.Parse(a.APIURL); err == nil {
			u.Scheme = map[string]string{"http": "ws", "https": "wss"}[strings.ToLower(u.Scheme)]
			u.Path = strings.TrimRight(u.Path, "/") + "/ws"
			a.HubURL = u.String()
		}
	}
	checkURL("HUB_URL", a.HubURL, []string{"ws", "wss"}, &errs)
	checkURL("GEMINI_BASE_URL", a.GeminiBaseURL, []string{"http", "https", "ws", "wss"}, &errs)
	if a.WorkerID == "" {
		host, _ := os.Hostname()
		a.WorkerID = fmt.Sprintf("%s-%d", orDefault(host, "agent"), os.Getpid())
	}
	if len(a.WorkerID) > 128 {
		errs = append(errs, errors.New("AGENT_WORKER_ID must be at most 128 characters"))
	}
	if a.MetricsAddr != "" {
		if _, p, err := splitHostPort(a.MetricsAddr); err != nil || p < 0 {
			errs = append(errs, fmt.Errorf("AGENT_METRICS_ADDR must be host:port, not %q", a.MetricsAddr))
		}
	}
	switch a.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL must be debug, info, warn or error, not %q", a.LogLevel))
	}
	switch a.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("LOG_FORMAT must be text or json, not %q", a.LogFormat))
	}
	if a.Env == EnvProduction {
		errs = append(errs, checkProductionSecrets([]namedSecret{{"AGENT_SECRET", a.AgentSecret}}))
	}
	if err := errors.Join(errs...); err != nil {
		return Agent{}, err
	}
	if a.AgentSecret == "" {
		a.SecretFromFile = true
		if err := a.ResolveSecret(); err != nil && !errors.Is(err, ErrNoAgentSecret) {
			return Agent{}, err
		}
	}
	return a, nil
}

// ErrNoAgentSecret means the development secrets file has no AGENT_SECRET
// yet: the server has not started once.
var ErrNoAgentSecret = errors.New("AGENT_SECRET is not set and the server has not generated it yet")

// ResolveSecret reads AGENT_SECRET from the development secrets file when it
// did not come from the environment.
func (a *Agent) ResolveSecret() error {
	if !a.SecretFromFile {
		return nil
	}
	m, err := loadSecretFile(fmtSecretFile(a.DataDir))
	if err != nil {
		return err
	}
	if v := m["AGENT_SECRET"]; v != "" {
		a.AgentSecret = v
		return nil
	}
	return ErrNoAgentSecret
}

// GeminiEnabled reports whether interviews use Gemini (else rehearsal mode).
func (a Agent) GeminiEnabled() bool { return strings.TrimSpace(a.GeminiAPIKey) != "" }

func fmtSecretFile(dataDir string) string {
	c := Config{DataDir: dataDir}
	return c.secretFile()
}

func splitHostPort(addr string) (string, int, error) {
	i := strings.LastIndexByte(addr, ':')
	if i < 0 {
		return "", 0, errors.New("missing port")
	}
	p, err := strconv.Atoi(addr[i+1:])
	if err != nil || p < 0 || p > 65535 {
		return "", 0, errors.New("bad port")
	}
	return addr[:i], p, nil
}
