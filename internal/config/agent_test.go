package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/config"
)

func envOf(m map[string]string) config.Getenv { return func(k string) string { return m[k] } }

func TestLoadAgentDefaultsAndSecretFile(t *testing.T) {
	dir := t.TempDir()
	a, err := config.LoadAgent(envOf(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	if a.APIURL != "http://127.0.0.1:8000" || a.HubURL != "ws://127.0.0.1:8000/ws" || a.Concurrency != 4 || a.AgentSecret != "" || !a.SecretFromFile {
		t.Fatalf("defaults: %+v", a)
	}
	if err := a.ResolveSecret(); err != config.ErrNoAgentSecret {
		t.Fatalf("resolve without file: %v", err)
	}
	// The server generates the secret on its first start; the agent reads it.
	srv, err := config.Load(envOf(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.ResolveSecret(); err != nil || a.AgentSecret != srv.AgentSecret {
		t.Fatalf("resolve after server start: %v", err)
	}
	again, err := config.LoadAgent(envOf(map[string]string{"DATA_DIR": dir, "API_URL": "https://api.example.com/base/"}))
	if err != nil || again.AgentSecret != srv.AgentSecret || again.HubURL != "wss://api.example.com/base/ws" {
		t.Fatalf("reload: %+v %v", again, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "secrets.json")); err != nil {
		t.Fatal(err)
	}
}

func TestLoadAgentRejects(t *testing.T) {
	cases := map[string]map[string]string{
		"AGENT_CONCURRENCY":   {"AGENT_CONCURRENCY": "0"},
		"API_URL":             {"API_URL": "ftp://x"},
		"HUB_URL":             {"HUB_URL": "http://x/ws"},
		"AGENT_SECRET":        {"APP_ENV": "production", "AGENT_SECRET": "short"},
		"AGENT_SECRET is one": {"APP_ENV": "production", "AGENT_SECRET": strings.Repeat("a", 32)},
		"AGENT_STOP_GRACE":    {"AGENT_STOP_GRACE": "soon"},
		"AGENT_METRICS_ADDR":  {"AGENT_METRICS_ADDR": "nope"},
		"LOG_LEVEL":           {"LOG_LEVEL": "loud"},
	}
	for want, env := range cases {
		env["DATA_DIR"] = t.TempDir()
		if _, err := config.LoadAgent(envOf(env)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v", want, err)
		}
	}
	a, err := config.LoadAgent(envOf(map[string]string{"DATA_DIR": t.TempDir(), "AGENT_SECRET": "s", "AGENT_CONCURRENCY": "20", "AGENT_MAX_DURATION": "45m"}))
	if err != nil || a.Concurrency != 20 || a.MaxDuration != 45*time.Minute || a.SecretFromFile {
		t.Fatalf("%+v %v", a, err)
	}
}
