package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// browserTool finds a tool the browser check needs: missing, it fails the
// test under CI=true and skips it elsewhere.
func browserTool(t *testing.T, name string, candidates ...string) string {
	t.Helper()
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required for the browser CORS check under CI=true", name)
	}
	t.Skipf("%s unavailable; skipping the browser CORS check", name)
	return ""
}

// TestFrontendCORSInBrowser: real Chromium on a page of another origin calls
// the API as the React frontend does (X-Request-Time on every call, a
// bearer token on some): from an allowed origin every answer is readable;
// from a foreign origin the browser refuses them all.
func TestFrontendCORSInBrowser(t *testing.T) {
	t.Parallel()
	node := browserTool(t, "node", "node")
	chromium := browserTool(t, "chromium", "/usr/bin/chromium", "chromium")
	script, _ := filepath.Abs("../../web/tests/cors-preflight.mjs")
	if _, err := os.Stat("../../web/node_modules/playwright-core/package.json"); err != nil {
		browserTool(t, "web/node_modules (scripts/web-deps.sh)")
	}
	pageHandler := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><title>frontend</title><p>frontend</p>"))
	})
	allowed, foreign := httptest.NewServer(pageHandler), httptest.NewServer(pageHandler)
	t.Cleanup(allowed.Close)
	t.Cleanup(foreign.Close)

	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"CORS_ORIGINS": allowed.URL}))
	u := signIn(t, m, dbURL, "cors")

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Dir = filepath.Dir(script)
	cmd.Env = append(os.Environ(), "API_URL="+baseURL(m), "ALLOWED_URL="+allowed.URL, "FOREIGN_URL="+foreign.URL,
		"CHROMIUM="+chromium, "TOKEN="+u.token)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("browser check: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	type call struct {
		Status int            `json:"status"`
		Data   map[string]any `json:"data"`
		Error  string         `json:"error"`
	}
	var res struct{ Allowed, Foreign map[string]call }
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("browser output: %v\n%s", err, stdout.String())
	}
	a := res.Allowed
	if c := a["login"]; c.Status != 400 || c.Data["detail"] == nil {
		t.Errorf("login from the allowed origin: %+v", c)
	}
	if c := a["me"]; c.Status != 200 || c.Data["user"] == nil {
		t.Errorf("/me with a token from the allowed origin: %+v", c)
	}
	if c := a["search"]; c.Status != 200 || len(c.Data["jobs"].([]any)) == 0 {
		t.Errorf("job search from the allowed origin: %+v", c)
	}
	if c := a["latex"]; c.Status != 200 || c.Data["latex_code"] == nil {
		t.Errorf("latex from the allowed origin: %+v", c)
	}
	for name, c := range res.Foreign {
		if c.Error == "" {
			t.Errorf("%s from a foreign origin was readable: %+v", name, c)
		}
	}
	if len(res.Foreign) != 4 {
		t.Errorf("foreign origin results: %+v", res.Foreign)
	}
}
