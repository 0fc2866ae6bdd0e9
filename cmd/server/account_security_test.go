package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/auth/oauthfake"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/mail/smtptest"
)

// accountServer is a server with mail delivered over SMTP to a local
// server, its log kept, and (with oauth) both providers on local fakes.
type accountServer struct {
	*client
	smtp   *smtptest.Server
	logs   *lockedLog
	google *oauthfake.Provider
	github *oauthfake.Provider
}

type lockedLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func newAccountServer(t *testing.T, oauth bool) *accountServer {
	t.Helper()
	s := &accountServer{smtp: smtptest.New(t), logs: &lockedLog{}}
	env := map[string]string{"SMTP_URL": s.smtp.URL(), "PUBLIC_URL": "http://uh.test", "FRONTEND_URL": "http://app.test"}
	if oauth {
		s.google, s.github = oauthfake.New(t, oauthfake.Google), oauthfake.New(t, oauthfake.GitHub)
		for _, p := range []*oauthfake.Provider{s.google, s.github} {
			for k, v := range p.Env() {
				env[k] = v
			}
		}
	}
	m := NewMain(testConfig(t, dbtest.New(t), env), slog.New(slog.NewTextHandler(s.logs, &slog.HandlerOptions{Level: slog.LevelInfo})))
	if err := m.Open(context.Background()); err != nil {
		_ = m.Close(context.Background())
		t.Fatalf("open server: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := m.Close(ctx); err != nil {
			t.Errorf("close server: %v", err)
		}
	})
	s.client = newClient(t, m, "uh.test", "app.test")
	return s
}

// send is client.do with a User-Agent (the browser a session records).
func (c *client) send(method, path string, body any, token, userAgent string) response {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		if s, ok := body.(string); ok {
			rd = strings.NewReader(s)
		} else {
			b, _ := json.Marshal(body)
			rd = bytes.NewReader(b)
		}
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("User-Agent", userAgent)
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

func (r response) code() string { s, _ := r.body["code"].(string); return s }

var resetLink = regexp.MustCompile(`(http://app\.test/reset-password)#token=([A-Za-z0-9_-]{43})`)

// mailsTo is what the SMTP server received for to with a subject containing subject.
func (s *accountServer) mailsTo(to, subject string) []smtptestMessage {
	var out []smtptestMessage
	for _, m := range s.smtp.Messages() {
		for _, r := range m.To {
			if strings.EqualFold(r, to) && strings.Contains(m.Subject, subject) {
				out = append(out, smtptestMessage{Subject: m.Subject, Text: m.Text, HTML: m.HTML})
			}
		}
	}
	return out
}

type smtptestMessage struct{ Subject, Text, HTML string }

// waitMails waits until n mails to to with subject arrived.
func (s *accountServer) waitMails(to, subject string, n int) []smtptestMessage {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if got := s.mailsTo(to, subject); len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%d mails %q to %s within 20 s, want %d", len(s.mailsTo(to, subject)), subject, to, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// jobsSettled waits until no password reset or mail job is left to run.
func (s *accountServer) jobsSettled() {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var left int
		err := s.m.pool.QueryRow(context.Background(), `SELECT count(*) FROM river_job
			WHERE kind IN ('accounts.password_reset', 'mail.send') AND state NOT IN ('completed', 'discarded', 'cancelled')`).Scan(&left)
		if err != nil {
			s.t.Fatal(err)
		}
		if left == 0 {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%d account jobs still pending after 20 s", left)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// signedUp registers name/email, verifies by the mailed link and returns the session.
func (s *accountServer) signedUp(name, email string) response {
	s.t.Helper()
	s.expect(s.do("POST", "/api/auth/register", map[string]string{"name": name, "email": email, "password": flowPassword}, ""), 201, "register")
	link := verifyLink.FindStringSubmatch(s.smtp.Wait(s.t, email, 20*time.Second).Text)
	if link == nil {
		s.t.Fatalf("no verification link mailed to %s", email)
	}
	return s.expect(s.do("POST", "/api/auth/verify-email", map[string]string{"token": link[2]}, ""), 200, "verify")
}

func (s *accountServer) login(email, password, userAgent string) response {
	s.t.Helper()
	return s.send("POST", "/api/auth/login", map[string]string{"email": email, "password": password}, "", userAgent)
}

func TestPasswordResetByMail(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	s.signedUp("Grace Hopper", "grace@example.com")
	a := s.expect(s.login("grace@example.com", flowPassword, "browser-a"), 200, "login a")
	b := s.expect(s.login("grace@example.com", flowPassword, "browser-b"), 200, "login b")

	known := s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "GRACE@Example.com"}, ""), 202, "forgot")
	unknown := s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "nobody@example.com"}, ""), 202, "forgot unknown")
	if known.raw != unknown.raw || known.str("message") == "" {
		t.Fatalf("answers differ for a known and an unknown address:\n%s\n%s", known.raw, unknown.raw)
	}
	if r := s.send("POST", "/api/auth/password/forgot", `{"email":"`+strings.Repeat("a", 2<<20)+`@example.com"}`, "", "t"); r.status != 413 {
		t.Errorf("2 MB body: %d %s", r.status, r.raw)
	}
	if r := s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "x' OR '1'='1"}, ""); r.status != 422 || r.code() != "validation_failed" {
		t.Errorf("malformed address: %d %s", r.status, r.raw)
	}
	mail := s.waitMails("grace@example.com", "Reset your UtopiaHire password", 1)[0]
	link := resetLink.FindStringSubmatch(mail.Text)
	if link == nil || !strings.Contains(mail.HTML, link[0]) || !strings.Contains(mail.Text, "30 minutes") {
		t.Fatalf("reset mail without its link in both parts:\n%s\n%s", mail.Text, mail.HTML)
	}
	token := link[2]
	// One character changed: the last one, to another letter (a random token
	// ends in "A" once in 64).
	altered := token[:len(token)-1] + "A"
	if altered == token {
		altered = token[:len(token)-1] + "B"
	}

	// Bad input, and a weak password, leave the link usable.
	for _, tc := range []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"missing fields", `{}`, 422, "validation_failed"},
		{"malformed", `{"token":`, 400, "malformed_json"},
		{"wrong type", `{"token":1,"new_password":true}`, 422, "invalid_field_type"},
		{"garbage token", map[string]string{"token": "' OR 1=1 --", "new_password": "N3w!password"}, 400, "invalid_reset_token"},
		{"10 KB token", map[string]string{"token": strings.Repeat("a", 10<<10), "new_password": "N3w!password"}, 400, "invalid_reset_token"},
		{"altered token", map[string]string{"token": altered, "new_password": "N3w!password"}, 400, "invalid_reset_token"},
		{"weak password", map[string]string{"token": token, "new_password": "password"}, 422, "weak_password"},
		{"73-byte password", map[string]string{"token": token, "new_password": "Aa1!" + strings.Repeat("x", 69)}, 422, "weak_password"},
		{"control characters", map[string]string{"token": token, "new_password": "N3w!pass\x00word"}, 422, "weak_password"},
	} {
		r := s.send("POST", "/api/auth/password/reset", tc.body, "", "test")
		if r.status != tc.status || r.code() != tc.code {
			t.Errorf("%s: %d %s, want %d %s", tc.name, r.status, r.raw, tc.status, tc.code)
		}
	}
	s.expect(s.do("POST", "/api/auth/password/reset", map[string]string{"token": token, "new_password": "N3w!password"}, ""), 200, "reset")
	if r := s.do("POST", "/api/auth/password/reset", map[string]string{"token": token, "new_password": "An0ther!password"}, ""); r.status != 400 || r.code() != "reset_token_used" {
		t.Fatalf("second use: %d %s", r.status, r.raw)
	}
	// Every session is over; only the new password signs in.
	for _, sess := range []response{a, b} {
		s.expect(s.do("GET", "/api/auth/me", nil, sess.str("token")), 401, "access token after reset")
		s.expect(s.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": sess.str("refreshToken")}, ""), 401, "refresh token after reset")
	}
	s.expect(s.login("grace@example.com", flowPassword, "x"), 400, "old password")
	s.expect(s.login("grace@example.com", "N3w!password", "x"), 200, "new password")
	notice := s.waitMails("grace@example.com", "password was changed", 1)[0]
	if !strings.Contains(notice.Text, "http://app.test/#/forgot-password") {
		t.Fatalf("change notice:\n%s", notice.Text)
	}
	s.jobsSettled()
	if got := s.mailsTo("nobody@example.com", ""); len(got) != 0 {
		t.Fatalf("mail sent to an address without an account: %v", got)
	}
}

func TestPasswordResetLimitsAndRaces(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	s.signedUp("Ada Lovelace", "ada@example.com")
	// Four requests at once for one address: three links an hour, whoever asks.
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "ada@example.com"}, "").status
		}()
	}
	wg.Wait()
	for _, st := range statuses {
		if st != 202 {
			t.Fatalf("forgot statuses %v", statuses)
		}
	}
	// The fifth request from this IP is allowed, the sixth refused.
	s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "other@example.com"}, ""), 202, "fifth")
	limited := s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "ada@example.com"}, ""), 429, "sixth")
	if limited.header.Get("Retry-After") == "" {
		t.Fatal("429 without Retry-After")
	}
	s.jobsSettled()
	mails := s.mailsTo("ada@example.com", "Reset your UtopiaHire password")
	if len(mails) != 3 {
		t.Fatalf("%d reset mails for 4 requests, want 3", len(mails))
	}
	// Only the newest link works, once: twelve concurrent uses of the three
	// links give exactly one success.
	var tokens []string
	for _, m := range mails {
		tokens = append(tokens, resetLink.FindStringSubmatch(m.Text)[2])
	}
	var mu sync.Mutex
	codes := map[string]int{}
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := s.do("POST", "/api/auth/password/reset", map[string]string{"token": tokens[i%3], "new_password": fmt.Sprintf("N3w!password%d", i)}, "")
			mu.Lock()
			codes[fmt.Sprint(r.status, r.code())]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if codes["200"] != 1 || codes["400reset_token_used"]+codes["400reset_token_expired"] != 11 {
		t.Fatalf("outcomes of 12 concurrent resets: %v", codes)
	}
	if n := s.mailsTo("other@example.com", ""); len(n) != 0 {
		t.Fatalf("mail to an address without an account")
	}
}

func TestPasswordResetLinkExpires(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	s.signedUp("Hedy Lamarr", "hedy@example.com")
	s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "hedy@example.com"}, ""), 202, "forgot")
	token := resetLink.FindStringSubmatch(s.waitMails("hedy@example.com", "Reset", 1)[0].Text)[2]
	if _, err := s.m.pool.Exec(context.Background(), `UPDATE password_resets SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	if r := s.do("POST", "/api/auth/password/reset", map[string]string{"token": token, "new_password": "N3w!password"}, ""); r.status != 400 || r.code() != "reset_token_expired" {
		t.Fatalf("expired link: %d %s", r.status, r.raw)
	}
	s.expect(s.login("hedy@example.com", flowPassword, "x"), 200, "password unchanged")
}

func TestChangePassword(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	s.signedUp("Alan Turing", "alan@example.com")
	a := s.expect(s.login("alan@example.com", flowPassword, "browser-a"), 200, "login a")
	b := s.expect(s.login("alan@example.com", flowPassword, "browser-b"), 200, "login b")
	change := func(token, current, next string) response {
		return s.send("POST", "/api/auth/password/change", map[string]string{"current_password": current, "new_password": next}, token, "browser-a")
	}
	for _, tc := range []struct {
		name, token, current, next string
		status                     int
		code                       string
	}{
		{"no token", "", flowPassword, "N3w!password", 401, "missing_token"},
		{"refresh token as bearer", a.str("refreshToken"), flowPassword, "N3w!password", 401, "invalid_token"},
		{"missing fields", a.str("token"), "", "", 422, "validation_failed"},
		{"wrong current password", a.str("token"), "Wr0ng!password", "N3w!password", 400, "wrong_password"},
		{"sql current password", a.str("token"), "' OR '1'='1", "N3w!password", 400, "wrong_password"},
		{"weak new password", a.str("token"), flowPassword, "short", 422, "weak_password"},
		{"unchanged", a.str("token"), flowPassword, flowPassword, 422, "password_unchanged"},
	} {
		if r := change(tc.token, tc.current, tc.next); r.status != tc.status || r.code() != tc.code {
			t.Errorf("%s: %d %s, want %d %s", tc.name, r.status, r.raw, tc.status, tc.code)
		}
	}
	if r := s.send("POST", "/api/auth/password/change", `{"current_password":`, a.str("token"), "browser-a"); r.status != 400 {
		t.Errorf("malformed body: %d %s", r.status, r.raw)
	}
	// Four changes at once with the right current password: one wins, the
	// others learn the password moved under them (or no longer matches).
	var wg sync.WaitGroup
	results := make([]response, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = change(a.str("token"), flowPassword, fmt.Sprintf("N3w!password%d", i))
		}()
	}
	wg.Wait()
	var won response
	winner := -1
	for i, r := range results {
		switch {
		case r.status == 200:
			if winner >= 0 {
				t.Fatalf("two concurrent changes succeeded: %d and %d", winner, i)
			}
			winner, won = i, r
		case r.code() == "password_changed_meanwhile" || r.code() == "wrong_password" || r.code() == "token_revoked":
		default:
			t.Fatalf("concurrent change %d: %d %s", i, r.status, r.raw)
		}
	}
	if winner < 0 || won.str("token") == "" || won.str("refreshToken") == "" {
		t.Fatalf("no change succeeded: %+v", results)
	}
	// The other session is over; this one's old tokens too, its new ones work.
	s.expect(s.do("GET", "/api/auth/me", nil, b.str("token")), 401, "other session's access token")
	s.expect(s.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": b.str("refreshToken")}, ""), 401, "other session's refresh token")
	s.expect(s.do("GET", "/api/auth/me", nil, a.str("token")), 401, "this session's old access token")
	s.expect(s.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": a.str("refreshToken")}, ""), 401, "this session's old refresh token")
	s.expect(s.do("GET", "/api/auth/me", nil, won.str("token")), 200, "new access token")
	list := s.expect(s.do("GET", "/api/auth/sessions", nil, won.str("token")), 200, "sessions")
	var sessions []map[string]any
	_ = json.Unmarshal([]byte(list.raw), &sessions)
	if len(sessions) != 1 || sessions[0]["current"] != true || sessions[0]["user_agent"] != "browser-a" {
		t.Fatalf("sessions after the change: %s", list.raw)
	}
	s.expect(s.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": won.str("refreshToken")}, ""), 200, "new refresh token")
	s.expect(s.login("alan@example.com", flowPassword, "x"), 400, "old password")
	s.expect(s.login("alan@example.com", fmt.Sprintf("N3w!password%d", winner), "x"), 200, "new password")
	s.waitMails("alan@example.com", "password was changed", 1)
}

func TestSessionsListAndRevoke(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	s.signedUp("Katherine Johnson", "kj@example.com")
	const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
	a := s.expect(s.login("kj@example.com", flowPassword, chrome), 200, "login a")
	phone := "phone <b>" + strings.Repeat("x", 2000)
	b := s.expect(s.login("kj@example.com", flowPassword, phone), 200, "login b")
	other := s.signedUp("Someone Else", "else@example.com")

	list := func(token string) []map[string]any {
		t.Helper()
		r := s.expect(s.do("GET", "/api/auth/sessions", nil, token), 200, "sessions")
		var out []map[string]any
		if err := json.Unmarshal([]byte(r.raw), &out); err != nil {
			t.Fatalf("sessions is not an array: %s", r.raw)
		}
		return out
	}
	sessions := list(a.str("token"))
	if len(sessions) != 3 { // verification, a, b
		t.Fatalf("%d sessions, want 3: %v", len(sessions), sessions)
	}
	var bID string
	current := 0
	for _, ss := range sessions {
		for _, k := range []string{"id", "created_at", "last_seen_at", "user_agent", "method", "current"} {
			if _, ok := ss[k]; !ok {
				t.Fatalf("session without %s: %v", k, ss)
			}
		}
		if ss["current"] == true {
			current++
			if ss["user_agent"] != chrome {
				t.Fatalf("current session's user agent: %v", ss["user_agent"])
			}
		}
		if ss["user_agent"] == phone[:512] { // cut to 512 bytes
			bID = ss["id"].(string)
		}
	}
	if current != 1 || bID == "" {
		t.Fatalf("sessions: %v", sessions)
	}
	otherID := list(other.str("token"))[0]["id"].(string)

	for _, tc := range []struct{ name, id string }{
		{"malformed id", "not-a-uuid"},
		{"sql id", url.PathEscape("' OR 1=1 --")},
		{"another user's session", otherID},
		{"upper-case uuid of another user", strings.ToUpper(otherID)},
		{"unknown uuid", "00000000-0000-4000-8000-000000000000"},
		{"long id", strings.Repeat("a", 2000)},
	} {
		if r := s.do("DELETE", "/api/auth/sessions/"+tc.id, nil, a.str("token")); r.status != 404 || r.code() != "not_found" {
			t.Errorf("%s: %d %s", tc.name, r.status, r.raw)
		}
	}
	s.expect(s.do("GET", "/api/auth/me", nil, other.str("token")), 200, "the other user's session survives")
	s.expect(s.do("DELETE", "/api/auth/sessions/"+bID, nil, ""), 401, "revoke without a token")

	// Five revocations of one session at once: one succeeds.
	var wg sync.WaitGroup
	statuses := make([]int, 5)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = s.do("DELETE", "/api/auth/sessions/"+bID, nil, a.str("token")).status
		}()
	}
	wg.Wait()
	ok := 0
	for _, st := range statuses {
		if st == 200 {
			ok++
		} else if st != 404 {
			t.Fatalf("concurrent revokes: %v", statuses)
		}
	}
	if ok != 1 {
		t.Fatalf("concurrent revokes: %v", statuses)
	}
	s.expect(s.do("GET", "/api/auth/me", nil, b.str("token")), 401, "revoked session's access token")
	s.expect(s.do("POST", "/api/auth/refresh", map[string]string{"refreshToken": b.str("refreshToken")}, ""), 401, "revoked session's refresh token")
	s.expect(s.do("GET", "/api/auth/me", nil, a.str("token")), 200, "the caller's session survives")
	if got := list(a.str("token")); len(got) != 2 {
		t.Fatalf("%d sessions after revoking one, want 2", len(got))
	}
	// Revoking one's own session is signing out.
	self := list(a.str("token"))
	for _, ss := range self {
		if ss["current"] == true {
			s.expect(s.do("DELETE", "/api/auth/sessions/"+ss["id"].(string), nil, a.str("token")), 200, "revoke own session")
		}
	}
	s.expect(s.do("GET", "/api/auth/me", nil, a.str("token")), 401, "own session after revoking it")
}

func TestSignInMethodsAndUnconfiguredProvider(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, false)
	m := s.expect(s.do("GET", "/api/auth/methods", nil, ""), 200, "methods")
	if m.raw != `{"password":true,"google":false,"github":false}` {
		t.Fatalf("methods without OAuth: %s", m.raw)
	}
	s.http.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, p := range []string{"google", "github"} {
		for _, path := range []string{"/api/auth/oauth/" + p, "/api/auth/oauth/" + p + "/callback?code=x&state=y"} {
			r := s.expect(s.do("GET", path, nil, ""), 302, path)
			if loc := r.header.Get("Location"); loc != "http://app.test/oauth/callback#error=oauth_not_configured&provider="+p {
				t.Errorf("%s redirects to %q", path, loc)
			}
			if c := r.header.Get("Set-Cookie"); strings.Contains(c, "uh_oauth_state=") && !strings.Contains(c, "uh_oauth_state=;") {
				t.Errorf("%s sets a state cookie: %s", path, c)
			}
		}
	}
	s.expect(s.do("GET", "/api/auth/oauth/myspace", nil, ""), 404, "unknown provider")
	if strings.Contains(s.logs.String(), "level=ERROR") {
		t.Fatalf("an unconfigured provider was logged as an error:\n%s", s.logs.String())
	}
	withOAuth := newAccountServer(t, true)
	if r := withOAuth.expect(withOAuth.do("GET", "/api/auth/methods", nil, ""), 200, "methods"); r.raw != `{"password":true,"google":true,"github":true}` {
		t.Fatalf("methods with both providers: %s", r.raw)
	}
}

func TestOAuthLinkMailsOwnerAndAccountListsIt(t *testing.T) {
	t.Parallel()
	s := newAccountServer(t, true)
	l := s.signedUp("Linus", "linus@example.com")
	s.github.SignIn(oauthfake.Account{Subject: "583231", Login: "linus", Email: "LINUS@example.com", Verified: true})
	s.exchange(s.signInWith("github"))
	notice := s.waitMails("linus@example.com", "GitHub sign-in was added", 1)[0]
	if !strings.Contains(notice.Text, "http://app.test/#/account") || !strings.Contains(notice.Text, "LINUS@example.com") {
		t.Fatalf("link notice:\n%s", notice.Text)
	}
	acc := s.expect(s.do("GET", "/api/auth/account", nil, l.str("token")), 200, "account")
	ids, _ := acc.body["identities"].([]any)
	if acc.body["email_verified"] != true || acc.body["has_password"] != true || len(ids) != 1 || ids[0].(map[string]any)["provider"] != "github" {
		t.Fatalf("account: %s", acc.raw)
	}
	if strings.Contains(acc.raw, "583231") {
		t.Fatalf("the account view shows the provider's subject: %s", acc.raw)
	}
	// Signing in again with the linked account mails nothing more.
	s.exchange(s.signInWith("github"))
	s.jobsSettled()
	if n := len(s.mailsTo("linus@example.com", "sign-in was added")); n != 1 {
		t.Fatalf("%d link notices, want 1", n)
	}

	// A new account made by OAuth is not "linked": no notice. It has no
	// password to change, and can set one through the reset link.
	s.google.SignIn(oauthfake.Account{Subject: "g-1", Name: "Mary", Email: "mary@example.com", Verified: true})
	mary := s.exchange(s.signInWith("google"))
	if r := s.do("POST", "/api/auth/password/change", map[string]string{"current_password": "x", "new_password": "N3w!password"}, mary.str("token")); r.status != 400 || r.code() != "no_password" {
		t.Fatalf("change without a password: %d %s", r.status, r.raw)
	}
	s.expect(s.do("POST", "/api/auth/password/forgot", map[string]string{"email": "mary@example.com"}, ""), 202, "forgot")
	token := resetLink.FindStringSubmatch(s.waitMails("mary@example.com", "Reset", 1)[0].Text)[2]
	s.expect(s.do("POST", "/api/auth/password/reset", map[string]string{"token": token, "new_password": "N3w!password"}, ""), 200, "set a password")
	s.expect(s.login("mary@example.com", "N3w!password", "x"), 200, "sign in with the new password")
	s.jobsSettled()
	if n := len(s.mailsTo("mary@example.com", "sign-in was added")); n != 0 {
		t.Fatalf("a new OAuth account got %d link notices", n)
	}
}
