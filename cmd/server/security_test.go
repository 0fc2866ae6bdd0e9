package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/hub/hubclient"
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
	ch := userChannel(t, user)
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

// watched is a hub connection that reports how it ended.
type watched struct {
	client *hubclient.Client
	closed chan websocket.StatusCode
}

func watch(t *testing.T, m *Main, token, channel string) *watched {
	t.Helper()
	w := &watched{closed: make(chan websocket.StatusCode, 4)}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	wsURL := "ws" + strings.TrimPrefix(baseURL(m), "http") + "/ws"
	c, err := hubclient.Dial(ctx, wsURL, hubclient.Options{
		Token: func(context.Context) (string, error) { return token, nil },
		OnDisconnect: func(err error, _ bool) {
			var ce *hubclient.CloseError
			if errors.As(err, &ce) {
				w.closed <- ce.Code
			}
		},
	})
	if err != nil {
		t.Fatalf("dial hub: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.Subscribe(ctx, channel, hubclient.SubscribeOptions{}); err != nil {
		t.Fatalf("subscribe %s: %v", channel, err)
	}
	w.client = c
	return w
}

// closedWithin waits for the connection to be closed with 4006.
func (w *watched) closedWithin(t *testing.T, what string, d time.Duration) {
	t.Helper()
	select {
	case code := <-w.closed:
		if code != hub.CloseForceDisconnect {
			t.Fatalf("%s: closed with %d, want %d", what, code, hub.CloseForceDisconnect)
		}
	case <-time.After(d):
		t.Fatalf("%s: still open after %s", what, d)
	}
}

func (w *watched) stillOpen(t *testing.T, what string) {
	t.Helper()
	select {
	case code := <-w.closed:
		t.Fatalf("%s: closed with %d, want it open", what, code)
	case <-time.After(300 * time.Millisecond):
	}
}

// login opens another session of an account signIn created.
func login(t *testing.T, m *Main, name, password string) *apiClient {
	t.Helper()
	c := &apiClient{t: t, base: baseURL(m)}
	code, body := c.json("POST", "/api/auth/login", map[string]string{"email": name + "@example.com", "password": password})
	if code != 200 {
		t.Fatalf("login: %d %s", code, body)
	}
	var out struct{ Token string }
	_ = json.Unmarshal(body, &out)
	c.token = out.Token
	return c
}

// Every revocation closes the affected hub connections on both server
// nodes (one Redis) within a second with 4006: logout only that session's,
// a password change the other sessions', account deletion all.
func TestRevocationClosesHubConnectionsOnEveryNode(t *testing.T) {
	t.Parallel()
	url, prefix, db := redisURL(t), uniquePrefix(t), dbtest.New(t)
	env := map[string]string{"REDIS_URL": url, "REDIS_PREFIX": prefix, "JWT_SECRET": testJWTSecret, "REFRESH_SECRET": "test-refresh-secret-0123456789abcdef", "AGENT_SECRET": testAgentSecret}
	a := startMain(t, testConfig(t, db, env))
	b := startMain(t, testConfig(t, db, env))
	const password = "Str0ng!Passw0rd"
	first := signIn(t, a, db, "revoked")
	ch := userChannel(t, first)
	second := login(t, b, "revoked", password)

	firstOnA, firstOnB := watch(t, a, first.token, ch), watch(t, b, first.token, ch)
	secondOnB := watch(t, b, second.token, ch)
	if code, body := first.json("POST", "/api/auth/logout", nil); code != 200 {
		t.Fatalf("logout: %d %s", code, body)
	}
	firstOnA.closedWithin(t, "logged-out session on A", time.Second)
	firstOnB.closedWithin(t, "logged-out session on B", time.Second)
	secondOnB.stillOpen(t, "other session after logout")

	third := login(t, a, "revoked", password)
	thirdOnA := watch(t, a, third.token, ch)
	code, body := second.json("POST", "/api/auth/password/change", map[string]string{"current_password": password, "new_password": "An0ther!Passw0rd"})
	if code != 200 {
		t.Fatalf("password change: %d %s", code, body)
	}
	thirdOnA.closedWithin(t, "other session after a password change, on A", time.Second)

	fourth := login(t, b, "revoked", "An0ther!Passw0rd")
	fourthOnA, fourthOnB := watch(t, a, fourth.token, ch), watch(t, b, fourth.token, ch)
	code, body, _ = fourth.do("DELETE", "/api/auth/account", "application/json", strings.NewReader(`{"password":"An0ther!Passw0rd"}`))
	if code != 200 && code != 204 {
		t.Fatalf("delete account: %d %s", code, body)
	}
	fourthOnA.closedWithin(t, "deleted account on A", time.Second)
	fourthOnB.closedWithin(t, "deleted account on B", time.Second)
}
