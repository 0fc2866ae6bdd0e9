package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func env(m map[string]string) Getenv { return func(k string) string { return m[k] } }

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	got := struct {
		Env, PublicURL string
		Port, Cost     int
		CORS           []string
	}{c.Env, c.PublicURL, c.Port, c.BcryptCost, c.CORSOrigins}
	want := struct {
		Env, PublicURL string
		Port, Cost     int
		CORS           []string
	}{"development", "http://localhost:8000", 8000, 12, []string{"http://localhost:8000", "http://localhost:3000", "http://localhost:5173"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("defaults (-want +got):\n%s", diff)
	}
}

func TestGeminiKeyFallsBackToGoogleKey(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "GOOGLE_API_KEY": "g"}))
	if err != nil || c.GeminiAPIKey != "g" {
		t.Fatalf("key %q err %v", c.GeminiAPIKey, err)
	}
}

func TestInvalidValuesAreNamed(t *testing.T) {
	t.Parallel()
	tests := map[string]map[string]string{
		"PORT":             {"PORT": "eighty"},
		"BCRYPT_COST":      {"BCRYPT_COST": "99"},
		"APP_ENV":          {"APP_ENV": "staging"},
		"DATABASE_URL":     {"DATABASE_URL": "mysql://x"},
		"REDIS_URL":        {"REDIS_URL": "http://x"},
		"SMTP_URL":         {"SMTP_URL": "ftp://x"},
		"CORS_ORIGINS":     {"CORS_ORIGINS": "localhost:3000"},
		"SHUTDOWN_TIMEOUT": {"SHUTDOWN_TIMEOUT": "-1s"},
		"LOG_LEVEL":        {"LOG_LEVEL": "loud"},
	}
	for name, vars := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			vars["DATA_DIR"] = t.TempDir()
			_, err := Load(env(vars))
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Fatalf("error %v does not name %s", err, name)
			}
		})
	}
}

// Random-looking secrets (fixed so the test is repeatable).
const (
	jwtSecret     = "q8Zr3VfK1pLx7NwT0bYc5HdJ2mGs9EuA"
	refreshSecret = "Wm4tP0zQe7Lk2XvB9sRj6YcN1fHa8DgU"
	agentSecret   = "c3JtV9pX0kQ7bN2wL5zF8yR1hM4dG6sE"
)

func TestProductionRefusesMissingOrWeakSecrets(t *testing.T) {
	t.Parallel()
	ok := func(extra map[string]string) map[string]string {
		m := map[string]string{"JWT_SECRET": jwtSecret, "REFRESH_SECRET": refreshSecret, "AGENT_SECRET": agentSecret}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"missing", map[string]string{}, "JWT_SECRET"},
		{"weak refresh", ok(map[string]string{"REFRESH_SECRET": "short"}), "REFRESH_SECRET"},
		{"same secrets", ok(map[string]string{"REFRESH_SECRET": jwtSecret}), "must differ"},
		{"agent repeats jwt", ok(map[string]string{"AGENT_SECRET": jwtSecret}), "JWT_SECRET and AGENT_SECRET must differ"},
		{"agent contains jwt", ok(map[string]string{"AGENT_SECRET": jwtSecret + "x"}), "JWT_SECRET and AGENT_SECRET must differ"},
		{"32 times a", ok(map[string]string{"JWT_SECRET": strings.Repeat("a", 32)}), "JWT_SECRET is one short sequence repeated"},
		{"all 32 times a", map[string]string{"JWT_SECRET": strings.Repeat("a", 32), "REFRESH_SECRET": strings.Repeat("a", 32), "AGENT_SECRET": strings.Repeat("a", 32)}, "AGENT_SECRET is one short sequence"},
		{"repeated word", ok(map[string]string{"AGENT_SECRET": strings.Repeat("hunter2!", 5)}), "AGENT_SECRET is one short sequence repeated"},
		{"few characters", ok(map[string]string{"REFRESH_SECRET": "abababababababababababababababbaabab"}), "REFRESH_SECRET uses only 2 different characters"},
		{"low entropy", ok(map[string]string{"REFRESH_SECRET": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghijk"}), "REFRESH_SECRET has about"},
		{"short previous", ok(map[string]string{"JWT_PREVIOUS_SECRETS": "Yx3kP9mQ2wZ7vB4n"}), "JWT_PREVIOUS_SECRETS[1] is shorter than 32"},
		{"previous repeats current", ok(map[string]string{"JWT_PREVIOUS_SECRETS": "T1rV8bN3qK6xZ0cM5hJ2wP9sL4yD7fGa," + jwtSecret}), "JWT_SECRET and JWT_PREVIOUS_SECRETS[2] must differ"},
		{"livekit secret", ok(map[string]string{"LIVEKIT_URL": "ws://lk", "LIVEKIT_API_KEY": "k", "LIVEKIT_API_SECRET": "secret"}), "LIVEKIT_API_SECRET"},
		{"livekit key", ok(map[string]string{"LIVEKIT_URL": "ws://lk", "LIVEKIT_API_SECRET": "T1rV8bN3qK6xZ0cM5hJ2wP9sL4yD7fGa"}), "LIVEKIT_API_KEY"},
		{"weak metrics token", ok(map[string]string{"METRICS_TOKEN": "metrics"}), "METRICS_TOKEN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.vars["APP_ENV"] = "production"
			tc.vars["DATA_DIR"] = t.TempDir()
			_, err := Load(env(tc.vars))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	dir := t.TempDir()
	good := ok(map[string]string{"APP_ENV": "production", "DATA_DIR": dir, "JWT_PREVIOUS_SECRETS": "T1rV8bN3qK6xZ0cM5hJ2wP9sL4yD7fGa",
		"LIVEKIT_URL": "wss://lk.example", "LIVEKIT_API_KEY": "APIkey", "LIVEKIT_API_SECRET": "n5Bq2Lx8Rk0Tw3Yz6Pc9Hv1Mf4Js7DgE"})
	if _, err := Load(env(good)); err != nil {
		t.Fatalf("strong secrets refused: %v", err)
	}
	// 64 random hex characters (`openssl rand -hex 32`) pass too.
	good["JWT_SECRET"] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	if _, err := Load(env(good)); err != nil {
		t.Fatalf("hex secret refused: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "secrets.json")); err == nil {
		t.Fatal("production wrote generated secrets to disk")
	}
}

func TestMetricsExposure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		vars   map[string]string
		public bool
	}{
		{"development", map[string]string{}, true},
		{"development with address", map[string]string{"METRICS_ADDR": "127.0.0.1:9100"}, false},
		{"production", map[string]string{"APP_ENV": "production"}, false},
		{"production with token", map[string]string{"APP_ENV": "production", "METRICS_TOKEN": "Zp4Kw9Qm2Xr7Tb1Nc6Vh3Jy8Ld5Fs0Ga"}, true},
		{"production with address", map[string]string{"APP_ENV": "production", "METRICS_ADDR": "127.0.0.1:9100"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.vars["DATA_DIR"] = t.TempDir()
			tc.vars["JWT_SECRET"], tc.vars["REFRESH_SECRET"], tc.vars["AGENT_SECRET"] = jwtSecret, refreshSecret, agentSecret
			c, err := Load(env(tc.vars))
			if err != nil {
				t.Fatal(err)
			}
			if c.PublicMetrics() != tc.public {
				t.Fatalf("public /metrics = %v, want %v", c.PublicMetrics(), tc.public)
			}
		})
	}
	if _, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "METRICS_ADDR": "nowhere"})); err == nil || !strings.Contains(err.Error(), "METRICS_ADDR") {
		t.Fatalf("bad METRICS_ADDR: %v", err)
	}
}

func TestRedisPrefix(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir()}))
	if err != nil || c.RedisPrefix != "uh" {
		t.Fatalf("default prefix %q, %v", c.RedisPrefix, err)
	}
	c, err = Load(env(map[string]string{"DATA_DIR": t.TempDir(), "REDIS_PREFIX": "staging-2"}))
	if err != nil || c.RedisPrefix != "staging-2" {
		t.Fatalf("prefix %q, %v", c.RedisPrefix, err)
	}
	for _, bad := range []string{"a:b", "{tag}", strings.Repeat("p", 65), "sp ace"} {
		if _, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "REDIS_PREFIX": bad})); err == nil || !strings.Contains(err.Error(), "REDIS_PREFIX") {
			t.Fatalf("prefix %q: %v", bad, err)
		}
	}
}

func TestDevelopmentSecretsAreGeneratedOnceAndKept(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := Load(env(map[string]string{"DATA_DIR": dir}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"JWT_SECRET", "REFRESH_SECRET", "AGENT_SECRET"}, first.GeneratedSecrets); diff != "" {
		t.Fatalf("generated (-want +got):\n%s", diff)
	}
	if len(first.JWTSecret) < MinSecretLen || first.JWTSecret == first.RefreshSecret {
		t.Fatal("generated secrets are weak or equal")
	}
	st, err := os.Stat(filepath.Join(dir, "secrets.json"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("secrets file: %v %v", st, err)
	}
	second, err := Load(env(map[string]string{"DATA_DIR": dir, "AGENT_SECRET": "from-env"}))
	if err != nil {
		t.Fatal(err)
	}
	if second.JWTSecret != first.JWTSecret || second.RefreshSecret != first.RefreshSecret {
		t.Fatal("secrets changed across restarts")
	}
	if second.AgentSecret != "from-env" || len(second.GeneratedSecrets) != 0 {
		t.Fatalf("environment did not win: %q %v", second.AgentSecret, second.GeneratedSecrets)
	}
	if err := os.WriteFile(filepath.Join(dir, "secrets.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(env(map[string]string{"DATA_DIR": dir})); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("corrupt secrets file: %v", err)
	}
}
