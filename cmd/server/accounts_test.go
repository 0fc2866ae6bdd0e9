package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/auth/oauthfake"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/mail/smtptest"
)

const flowPassword = "Str0ng!passw0rd"

// client talks to one server as a browser would: cookies kept, redirects
// followed except to the frontend (whose URL the test reads), and the
// server's public host name resolved to its real loopback address.
type client struct {
	t    *testing.T
	m    *Main
	base string
	http *http.Client
}

func newClient(t *testing.T, m *Main, publicHost, frontendHost string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	addr := "127.0.0.1" + m.Addr()[strings.LastIndex(m.Addr(), ":"):]
	tr := &http.Transport{DialContext: func(ctx context.Context, network, a string) (net.Conn, error) {
		if publicHost != "" && a == publicHost+":80" {
			a = addr
		}
		return (&net.Dialer{}).DialContext(ctx, network, a)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	c := &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second,
		CheckRedirect: func(req *http.Request, _ []*http.Request) error {
			if req.URL.Host == frontendHost {
				return http.ErrUseLastResponse
			}
			return nil
		}}
	return &client{t: t, m: m, base: "http://" + addr, http: c}
}

type response struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func (r response) str(k string) string { s, _ := r.body[k].(string); return s }

func (c *client) do(method, path string, body any, token string) response {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	u := path
	if strings.HasPrefix(path, "/") {
		u = c.base + path
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := response{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

func (c *client) expect(r response, status int, what string) response {
	c.t.Helper()
	if r.status != status {
		c.t.Fatalf("%s: %d %s, want %d", what, r.status, r.raw, status)
	}
	return r
}

var verifyLink = regexp.MustCompile(`(http://app\.test/verify-email)\?token=([A-Za-z0-9_-]{43})`)

// TestAccountLifecycle is the "done when": register, receive the
// verification mail over SMTP, verify, log in, refresh, /me, export and
// delete, against a real server on real Postgres.
func TestAccountLifecycle(t *testing.T) {
	t.Parallel()
	smtp := smtptest.New(t)
	smtp.RequireAuth("mailer", "mail-pass")
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"SMTP_URL": smtp.URL(), "FRONTEND_URL": "http://app.test", "MAIL_FROM": "UtopiaHire <hello@utopiahire.test>"}))
	c := newClient(t, m, "", "app.test")

	c.expect(c.do("POST", "/api/auth/register", map[string]string{"name": "Grace Hopper", "email": "grace@example.com", "password": flowPassword}, ""), 201, "register")
	c.expect(c.do("POST", "/api/auth/login", map[string]string{"email": "grace@example.com", "password": flowPassword}, ""), 403, "login before verification")

	mail := smtp.Wait(t, "grace@example.com", 20*time.Second)
	if mail.From != "hello@utopiahire.test" || mail.Subject != "Confirm your e-mail address" || !strings.Contains(mail.Text, "Grace Hopper") {
		t.Fatalf("verification mail: from %q subject %q\n%s", mail.From, mail.Subject, mail.Text)
	}
	link := verifyLink.FindStringSubmatch(mail.Text)
	if link == nil || !strings.Contains(mail.HTML, link[0]) {
		t.Fatalf("no verification link in both parts:\n%s\n%s", mail.Text, mail.HTML)
	}

	v := c.expect(c.do("POST", "/api/auth/verify-email", map[string]string{"token": link[2]}, ""), 200, "verify")
	c.expect(c.do("POST", "/api/auth/verify-email", map[string]string{"token": link[2]}, ""), 400, "verify twice")
	if v.str("token") == "" || v.body["user"].(map[string]any)["email"] != "grace@example.com" {
		t.Fatalf("verify logs in: %s", v.raw)
	}
	l := c.expect(c.do("POST", "/api/auth/login", map[string]string{"email": "grace@example.com", "password": flowPassword}, ""), 200, "login")
	r := c.expect(c.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": l.str("refreshToken")}, ""), 200, "refresh")
	me := c.expect(c.do("GET", "/api/auth/me", nil, r.str("token")), 200, "me")
	if me.body["user"].(map[string]any)["name"] != "Grace Hopper" {
		t.Fatalf("me: %s", me.raw)
	}
	// Some data of another area to export and erase: a CV analysis.
	cvUser := &apiClient{t: t, base: baseURL(m), token: r.str("token")}
	if code, body := cvUser.multipart("/api/analyze-structured", map[string]string{"cv_text": cvText}, "", "", nil); code != 200 {
		t.Fatalf("analyze: %d %s", code, body)
	}
	ex := c.expect(c.do("GET", "/api/auth/export", nil, r.str("token")), 200, "export")
	cvs, _ := ex.body["cvs"].(map[string]any)
	if analyses, _ := cvs["analyses"].([]any); len(analyses) != 1 || !strings.Contains(ex.raw, "Jane Doe") {
		t.Fatalf("export's cvs section: %v", ex.body["cvs"])
	}
	for _, section := range []string{"user", "interviews", "reviewer_notes", "job_search", "sessions", "oauth_identities"} {
		if _, ok := ex.body[section]; !ok {
			t.Errorf("export has no %q section: %s", section, ex.raw)
		}
	}
	emails, _ := ex.body["emails"].([]any)
	if len(emails) != 1 || emails[0].(map[string]any)["status"] != "sent" || strings.Contains(ex.raw, link[2]) {
		t.Fatalf("export's e-mails section: %v", ex.body["emails"])
	}
	audit, _ := ex.body["audit"].([]any)
	var events []string
	for _, a := range audit {
		events = append(events, a.(map[string]any)["event"].(string))
	}
	if strings.Join(events, ",") != "register,email_verified,login_success" {
		t.Fatalf("export's audit section: %v", ex.body["audit"])
	}
	c.expect(c.do("DELETE", "/api/auth/account", map[string]string{"password": flowPassword}, r.str("token")), 200, "delete")
	// Erased, and the audit trail kept without anything personal.
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for _, q := range []string{`SELECT count(*) FROM users`, `SELECT count(*) FROM cv_analyses`, `SELECT count(*) FROM cv_versions`,
		`SELECT count(*) FROM audit_log WHERE user_id IS NOT NULL OR ip IS NOT NULL OR user_agent IS NOT NULL OR details <> '{}'`} {
		var left int
		if err := conn.QueryRow(context.Background(), q).Scan(&left); err != nil || left != 0 {
			t.Errorf("after deletion, %s = %d (%v)", q, left, err)
		}
	}
	c.expect(c.do("POST", "/api/auth/login", map[string]string{"email": "grace@example.com", "password": flowPassword}, ""), 400, "login after deletion")
	c.expect(c.do("GET", "/api/auth/me", nil, r.str("token")), 401, "token after deletion")
}

func TestMailWithoutSMTPIsReadableLocally(t *testing.T) {
	t.Parallel()
	db := dbtest.New(t)
	cfg := testConfig(t, db, map[string]string{"FRONTEND_URL": "http://app.test"})
	m := startMain(t, cfg)
	c := newClient(t, m, "", "app.test")
	c.expect(c.do("POST", "/api/auth/register", map[string]string{"name": "Local Dev", "email": "dev@example.com", "password": flowPassword}, ""), 201, "register")
	deadline := time.Now().Add(20 * time.Second)
	for {
		var out bytes.Buffer
		if err := mailCommand(context.Background(), cfg, m.logger, []string{"outbox", "5"}, &out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "logged") {
			link := verifyLink.FindStringSubmatch(out.String())
			if link == nil || !strings.Contains(out.String(), "To: dev@example.com") {
				t.Fatalf("outbox listing:\n%s", out.String())
			}
			c.expect(c.do("POST", "/api/auth/verify-email", map[string]string{"token": link[2]}, ""), 200, "verify from the outbox")
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("mail never handled by the job:\n%s", out.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, args := range [][]string{{}, {"inbox"}, {"outbox", "x"}, {"outbox", "0"}} {
		if err := mailCommand(context.Background(), cfg, m.logger, args, io.Discard); err == nil {
			t.Errorf("mail %v accepted", args)
		}
	}
}

// oauthServer runs a server whose public URL is http://uh.test with both
// providers pointed at local fakes.
func oauthServer(t *testing.T) (*client, *oauthfake.Provider, *oauthfake.Provider) {
	t.Helper()
	google, github := oauthfake.New(t, oauthfake.Google), oauthfake.New(t, oauthfake.GitHub)
	env := map[string]string{"PUBLIC_URL": "http://uh.test", "FRONTEND_URL": "http://app.test"}
	for k, v := range google.Env() {
		env[k] = v
	}
	for k, v := range github.Env() {
		env[k] = v
	}
	m := startMain(t, testConfig(t, dbtest.New(t), env))
	return newClient(t, m, "uh.test", "app.test"), google, github
}

// signInWith runs the browser side of an OAuth sign-in and returns the
// frontend URL the server sent it to.
func (c *client) signInWith(provider string) *url.URL {
	c.t.Helper()
	r := c.do("GET", "http://uh.test/api/auth/oauth/"+provider, nil, "")
	if r.status != 302 {
		c.t.Fatalf("oauth %s: %d %s", provider, r.status, r.raw)
	}
	to, err := url.Parse(r.header.Get("Location"))
	if err != nil || to.Host != "app.test" || to.Path != "/oauth/callback" {
		c.t.Fatalf("oauth %s ended at %q", provider, r.header.Get("Location"))
	}
	if to.RawQuery != "" {
		c.t.Fatalf("the frontend URL carries a query: %s", to)
	}
	return to
}

func (c *client) exchange(to *url.URL) response {
	c.t.Helper()
	frag, _ := url.ParseQuery(to.Fragment)
	if frag.Get("code") == "" {
		c.t.Fatalf("no one-time code in %s", to)
	}
	return c.expect(c.do("POST", "/api/auth/oauth/exchange", map[string]string{"code": frag.Get("code")}, ""), 200, "exchange")
}

func failure(to *url.URL) string {
	frag, _ := url.ParseQuery(to.Fragment)
	return frag.Get("error")
}

func TestOAuthRedirectCarriesStateAndPKCE(t *testing.T) {
	t.Parallel()
	c, google, github := oauthServer(t)
	for _, p := range []*oauthfake.Provider{google, github} {
		c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		r := c.expect(c.do("GET", "http://uh.test/api/auth/oauth/"+p.Shape, nil, ""), 302, "start")
		loc, _ := url.Parse(r.header.Get("Location"))
		q := loc.Query()
		if !strings.HasPrefix(loc.String(), p.AuthURL()) || q.Get("client_id") != p.ClientID || q.Get("code_challenge_method") != "S256" ||
			len(q.Get("code_challenge")) != 43 || len(q.Get("state")) != 43 || q.Get("redirect_uri") != "http://uh.test/api/auth/oauth/"+p.Shape+"/callback" {
			t.Fatalf("%s authorize URL: %s", p.Shape, loc)
		}
		cookie := r.header.Get("Set-Cookie")
		if !strings.Contains(cookie, "uh_oauth_state="+q.Get("state")) || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
			t.Fatalf("state cookie: %q", cookie)
		}
	}
}

func TestOAuthGoogleEndToEnd(t *testing.T) {
	t.Parallel()
	c, google, _ := oauthServer(t)
	google.SignIn(oauthfake.Account{Subject: "g-1001", Name: "Katherine Johnson", Email: "Katherine@Example.com", Verified: true})
	s := c.exchange(c.signInWith("google"))
	u := s.body["user"].(map[string]any)
	if u["email"] != "Katherine@example.com" || u["name"] != "Katherine Johnson" {
		t.Fatalf("new OAuth user: %v", u)
	}
	me := c.expect(c.do("GET", "/api/auth/me", nil, s.str("token")), 200, "me")
	if me.body["user"].(map[string]any)["id"] != u["id"] {
		t.Fatalf("me: %s", me.raw)
	}
	c.expect(c.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": s.str("refreshToken")}, ""), 200, "refresh")

	// The same Google account signs in to the same user; the code is single-use.
	to := c.signInWith("google")
	again := c.exchange(to)
	if again.body["user"].(map[string]any)["id"] != u["id"] {
		t.Fatal("second sign-in made another user")
	}
	frag, _ := url.ParseQuery(to.Fragment)
	c.expect(c.do("POST", "/api/auth/oauth/exchange", map[string]string{"code": frag.Get("code")}, ""), 400, "code reuse")

	// An unverified Google address is refused.
	google.SignIn(oauthfake.Account{Subject: "g-1002", Email: "unverified@example.com", Verified: false})
	if got := failure(c.signInWith("google")); got != "email_not_verified" {
		t.Fatalf("unverified address: %q", got)
	}
	ok := 0
	for _, o := range google.TokenRequests() {
		if o == "ok" {
			ok++
		}
	}
	if ok != 3 {
		t.Fatalf("token endpoint outcomes %v: the PKCE verifier or client secret was refused", google.TokenRequests())
	}
}

func TestOAuthGitHubLinksVerifiedAccount(t *testing.T) {
	t.Parallel()
	c, _, github := oauthServer(t)
	// An existing, verified password account.
	c.expect(c.do("POST", "/api/auth/register", map[string]string{"name": "Linus", "email": "linus@example.com", "password": flowPassword}, ""), 201, "register")
	verifyFromOutbox(t, c, "linus@example.com")
	l := c.expect(c.do("POST", "/api/auth/login", map[string]string{"email": "linus@example.com", "password": flowPassword}, ""), 200, "login")

	github.SignIn(oauthfake.Account{Subject: "583231", Login: "linus", Email: "LINUS@example.com", Verified: true,
		Others: []oauthfake.Email{{Email: "other@example.com", Verified: true}}})
	s := c.exchange(c.signInWith("github"))
	if s.body["user"].(map[string]any)["id"] != l.body["user"].(map[string]any)["id"] {
		t.Fatalf("GitHub sign-in did not link to the verified account: %s", s.raw)
	}
	// Linking keeps the password and the other sessions.
	c.expect(c.do("POST", "/api/auth/login", map[string]string{"email": "linus@example.com", "password": flowPassword}, ""), 200, "password after linking")
	c.expect(c.do("GET", "/api/auth/me", nil, l.str("token")), 200, "earlier session after linking")
	ex := c.expect(c.do("GET", "/api/auth/export", nil, s.str("token")), 200, "export")
	ids, _ := ex.body["oauth_identities"].([]any)
	if len(ids) != 1 || ids[0].(map[string]any)["provider"] != "github" {
		t.Fatalf("linked identities: %v", ex.body["oauth_identities"])
	}

	// Only GitHub's primary address counts, and only when verified.
	github.SignIn(oauthfake.Account{Subject: "999", Login: "x", Email: "primary@example.com", Verified: false,
		Others: []oauthfake.Email{{Email: "secondary@example.com", Verified: true}}})
	if got := failure(c.signInWith("github")); got != "email_not_verified" {
		t.Fatalf("unverified primary address: %q", got)
	}
	// A user without a display name gets their login.
	github.SignIn(oauthfake.Account{Subject: "1000", Login: "octocat", Email: "octo@example.com", Verified: true})
	if u := c.exchange(c.signInWith("github")).body["user"].(map[string]any); u["name"] != "octocat" {
		t.Fatalf("name of a GitHub user without one: %v", u)
	}
}

func TestOAuthClaimsUnverifiedAddress(t *testing.T) {
	t.Parallel()
	c, google, _ := oauthServer(t)
	// A squatter registers the victim's address and never verifies it.
	c.expect(c.do("POST", "/api/auth/register", map[string]string{"name": "Squatter", "email": "victim@example.com", "password": flowPassword}, ""), 201, "register")
	google.SignIn(oauthfake.Account{Subject: "g-victim", Name: "Victim", Email: "victim@example.com", Verified: true})
	s := c.exchange(c.signInWith("google"))
	c.expect(c.do("GET", "/api/auth/me", nil, s.str("token")), 200, "victim signed in")
	if r := c.do("POST", "/api/auth/login", map[string]string{"email": "victim@example.com", "password": flowPassword}, ""); r.status != 400 {
		t.Fatalf("the squatter's password still works: %d %s", r.status, r.raw)
	}
}

func TestOAuthCallbackRefusesForgedOrReplayedState(t *testing.T) {
	t.Parallel()
	c, google, _ := oauthServer(t)
	google.SignIn(oauthfake.Account{Subject: "g-1", Email: "s@example.com", Verified: true})
	// Stop at the callback to replay it.
	var callback string
	c.http.CheckRedirect = func(req *http.Request, _ []*http.Request) error {
		if strings.Contains(req.URL.Path, "/callback") {
			callback = req.URL.String()
			return http.ErrUseLastResponse
		}
		return nil
	}
	c.do("GET", "http://uh.test/api/auth/oauth/google", nil, "")
	if callback == "" {
		t.Fatal("never reached the callback")
	}
	c.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	first := c.expect(c.do("GET", callback, nil, ""), 302, "callback")
	if !strings.Contains(first.header.Get("Location"), "#code=") {
		t.Fatalf("callback: %s", first.header.Get("Location"))
	}
	cases := []struct{ name, url, want string }{
		{"replayed callback", callback, "invalid_state"},
		{"provider refused", "http://uh.test/api/auth/oauth/google/callback?error=access_denied&state=x", "provider_refused"},
		{"no state", "http://uh.test/api/auth/oauth/google/callback?code=abc", "invalid_state"},
		{"sql in code and state", "http://uh.test/api/auth/oauth/google/callback?code=%27%3B+DROP+TABLE+users%3B--&state=%27+OR+1%3D1", "invalid_state"},
	}
	for _, tc := range cases {
		r := c.expect(c.do("GET", tc.url, nil, ""), 302, tc.name)
		loc, _ := url.Parse(r.header.Get("Location"))
		if failure(loc) != tc.want {
			t.Errorf("%s: redirected to %s, want error %s", tc.name, loc, tc.want)
		}
	}
	// A state started in another browser (no cookie here) is refused.
	other := newClientLike(c)
	other.http.CheckRedirect = func(req *http.Request, _ []*http.Request) error {
		if strings.Contains(req.URL.Path, "/callback") {
			callback = req.URL.String()
			return http.ErrUseLastResponse
		}
		return nil
	}
	other.do("GET", "http://uh.test/api/auth/oauth/google", nil, "")
	r := c.expect(c.do("GET", callback, nil, ""), 302, "callback in another browser")
	loc, _ := url.Parse(r.header.Get("Location"))
	if failure(loc) != "invalid_state" {
		t.Fatalf("login CSRF: callback of another browser's state went to %s", loc)
	}
}

// newClientLike is another browser (empty cookie jar) on the same server.
func newClientLike(c *client) *client {
	jar, _ := cookiejar.New(nil)
	h := *c.http
	h.Jar = jar
	return &client{t: c.t, m: c.m, base: c.base, http: &h}
}

// verifyFromOutbox verifies an address with the token of its latest mail
// in the outbox (written with the registration, before any job runs).
func verifyFromOutbox(t *testing.T, c *client, email string) {
	t.Helper()
	var body string
	err := c.m.pool.QueryRow(context.Background(), `SELECT text_body FROM mail_outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1`, email).Scan(&body)
	if err != nil {
		t.Fatalf("no mail to %s: %v", email, err)
	}
	link := verifyLink.FindStringSubmatch(body)
	if link == nil {
		t.Fatalf("no link in:\n%s", body)
	}
	c.expect(c.do("POST", "/api/auth/verify-email", map[string]string{"token": link[2]}, ""), 200, "verify "+email)
}
