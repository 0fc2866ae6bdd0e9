package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// uniquePrefix is a REDIS_PREFIX no other test uses.
func uniquePrefix(t *testing.T) string {
	t.Helper()
	return fmt.Sprintf("t%d", time.Now().UnixNano())
}

func getWithToken(t *testing.T, url, token string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestMetricsNeedTokenOrSeparateAddress(t *testing.T) {
	t.Parallel()
	const token = "Mt7Qx2Lr9Vb4Kw1Zp6Hc3Nf8Jd5Gs0Ya"
	withToken := startMain(t, testConfig(t, dbtest.New(t), map[string]string{"METRICS_TOKEN": token}))
	if code := getWithToken(t, baseURL(withToken)+"/metrics", ""); code != 401 {
		t.Fatalf("/metrics without the token: %d, want 401", code)
	}
	if code := getWithToken(t, baseURL(withToken)+"/metrics", "wrong"); code != 401 {
		t.Fatalf("/metrics with a wrong token: %d, want 401", code)
	}
	if code := getWithToken(t, baseURL(withToken)+"/metrics", token); code != 200 {
		t.Fatalf("/metrics with the token: %d, want 200", code)
	}

	separate := startMain(t, testConfig(t, dbtest.New(t), map[string]string{"METRICS_ADDR": "127.0.0.1:0"}))
	if code := getWithToken(t, baseURL(separate)+"/metrics", ""); code != 404 {
		t.Fatalf("public /metrics with METRICS_ADDR: %d, want 404", code)
	}
	code, body := get(t, "http://"+separate.MetricsAddr()+"/metrics")
	if code != 200 || !strings.Contains(body, "go_goroutines") {
		t.Fatalf("metrics address: %d", code)
	}
}

func TestCSPConnectsOnlyToOwnOriginAndLiveKit(t *testing.T) {
	t.Parallel()
	m := startMain(t, testConfig(t, dbtest.New(t), map[string]string{
		"PUBLIC_URL":  "https://app.example.com",
		"LIVEKIT_URL": "wss://lk.example.com", "LIVEKIT_API_KEY": "devkey", "LIVEKIT_API_SECRET": "secret",
	}))
	resp, err := http.Get(baseURL(m) + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	var connect string
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == "connect-src" {
			connect = strings.Join(f[1:], " ")
		}
	}
	want := "'self' wss://app.example.com https://app.example.com wss://lk.example.com https://lk.example.com"
	if connect != want {
		t.Fatalf("connect-src %q, want %q", connect, want)
	}
}

// Two deployments sharing one Redis with different REDIS_PREFIX values do
// not see each other's hub channels.
func TestRedisPrefixSeparatesDeployments(t *testing.T) {
	t.Parallel()
	url := redisURL(t)
	p1, p2 := uniquePrefix(t)+"a", uniquePrefix(t)+"b"
	first := startMain(t, testConfig(t, dbtest.New(t), map[string]string{"REDIS_URL": url, "REDIS_PREFIX": p1}))
	db := dbtest.New(t)
	second := startMain(t, testConfig(t, db, map[string]string{"REDIS_URL": url, "REDIS_PREFIX": p2}))
	user := signIn(t, second, db, "prefixed")
	code, body := user.json("GET", "/api/auth/me", nil)
	var me struct{ User struct{ ID string } }
	if err := json.Unmarshal(body, &me); code != 200 || err != nil {
		t.Fatalf("me: %d %s", code, body)
	}
	ch := "user:" + me.User.ID
	f, err := follow(t, dialHub(t, second, user.token), ch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := first.hub.Publish(ctx, ch, []byte(`{"from":"other deployment"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := second.hub.Publish(ctx, ch, []byte(`{"from":"own deployment"}`)); err != nil {
		t.Fatal(err)
	}
	f.waitFor(t, "own publication", 5*time.Second, func(m map[string]any) bool { return m["from"] == "own deployment" })
	time.Sleep(200 * time.Millisecond)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range f.msgs {
		if m["from"] == "other deployment" {
			t.Fatalf("a deployment with another REDIS_PREFIX reached this one: %v", f.msgs)
		}
	}
}
