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

func TestProductionRefusesMissingOrWeakSecrets(t *testing.T) {
	t.Parallel()
	strong := strings.Repeat("s", MinSecretLen)
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"missing", map[string]string{}, "JWT_SECRET"},
		{"weak refresh", map[string]string{"JWT_SECRET": strong, "REFRESH_SECRET": "short", "AGENT_SECRET": strong + "a"}, "REFRESH_SECRET"},
		{"same secrets", map[string]string{"JWT_SECRET": strong, "REFRESH_SECRET": strong, "AGENT_SECRET": strong + "a"}, "must differ"},
		{"livekit secret", map[string]string{"JWT_SECRET": strong, "REFRESH_SECRET": strong + "r", "AGENT_SECRET": strong + "a", "LIVEKIT_URL": "ws://lk", "LIVEKIT_API_KEY": "k", "LIVEKIT_API_SECRET": "secret"}, "LIVEKIT"},
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
	if _, err := Load(env(map[string]string{"APP_ENV": "production", "DATA_DIR": dir, "JWT_SECRET": strong, "REFRESH_SECRET": strong + "r", "AGENT_SECRET": strong + "a"})); err != nil {
		t.Fatalf("strong secrets refused: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "secrets.json")); err == nil {
		t.Fatal("production wrote generated secrets to disk")
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
