package httpapi

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/utopiahire/utopiahire/internal/audit"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/store"
)

const (
	testJWTSecret = "jwt-secret-for-tests-0123456789abcdef"
	goodPassword  = "Str0ng!passw0rd"
)

// newTestAccounts is the real accounts service on pool (bcrypt cost 4, mail
// kept in the outbox, jobs inserted but not worked). Other areas' handler
// tests use it with signUp to get a signed-in user.
func newTestAccounts(t testing.TB, pool *pgxpool.Pool, exporters ...auth.Exporter) *auth.Service {
	t.Helper()
	jobs, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ring, err := auth.NewKeyRing(testJWTSecret)
	if err != nil {
		t.Fatal(err)
	}
	hasher, _ := auth.NewTokenHasher([]byte("refresh-secret-for-tests"))
	passwords, err := auth.NewPasswords(4)
	if err != nil {
		t.Fatal(err)
	}
	templates, err := mail.NewTemplates()
	if err != nil {
		t.Fatal(err)
	}
	svc, err := auth.NewService(auth.Config{
		Store: store.NewAccounts(pool), Tokens: auth.NewTokens(ring, auth.TokenConfig{}), Passwords: passwords,
		Hasher: hasher, Mailer: mail.NewOutbox(store.NewOutbox(pool), jobs), Templates: templates, Jobs: jobs,
		PublicURL: "http://127.0.0.1:8000", FrontendURL: "http://app.test",
		OAuth:     []auth.ProviderConfig{{Name: auth.ProviderGoogle}, {Name: auth.ProviderGitHub}},
		Exporters: exporters,
	})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// signUp registers and verifies a user through the service and returns
// their session.
func signUp(t testing.TB, svc *auth.Service, pool *pgxpool.Pool, name, email string) auth.Session {
	t.Helper()
	ctx := context.Background()
	if err := svc.Register(ctx, auth.RegisterInput{Name: name, Email: email, Password: goodPassword}, auditMetaForTest); err != nil {
		t.Fatalf("register %s: %v", email, err)
	}
	sess, err := svc.VerifyEmail(ctx, outboxToken(t, pool, email), auditMetaForTest)
	if err != nil {
		t.Fatalf("verify %s: %v", email, err)
	}
	return sess
}

var auditMetaForTest = audit.Meta{IP: "127.0.0.1", UserAgent: "go test", RequestID: "test"}

var tokenInLink = regexp.MustCompile(`/verify-email\?token=([A-Za-z0-9_-]{43})`)

// outboxToken reads the verification token of the latest e-mail to email.
func outboxToken(t testing.TB, pool *pgxpool.Pool, email string) string {
	t.Helper()
	var body string
	err := pool.QueryRow(context.Background(), `SELECT text_body FROM mail_outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1`, email).Scan(&body)
	if err != nil {
		t.Fatalf("no mail to %s in the outbox: %v", email, err)
	}
	m := tokenInLink.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no verification link in the mail to %s:\n%s", email, body)
	}
	return m[1]
}

type authEnv struct {
	t    *testing.T
	url  string
	pool *pgxpool.Pool
	svc  *auth.Service
	api  *Server
}

func newAuthEnv(t *testing.T) *authEnv {
	t.Helper()
	pool := dbtest.NewPool(t)
	svc := newTestAccounts(t, pool)
	api, err := New(Deps{Logger: slog.New(slog.DiscardHandler), CORSOrigins: []string{"http://app.test"}, Accounts: svc})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	return &authEnv{t: t, url: srv.URL, pool: pool, svc: svc, api: api}
}

type reply struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func (r reply) code() string        { s, _ := r.body["code"].(string); return s }
func (r reply) str(k string) string { s, _ := r.body[k].(string); return s }

// call sends body (a string is sent as is, anything else as JSON) with an
// optional bearer token.
func (e *authEnv) call(method, path string, body any, token string) reply {
	e.t.Helper()
	var rd io.Reader
	ct := ""
	switch b := body.(type) {
	case nil:
	case string:
		rd, ct = strings.NewReader(b), "application/json"
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd, ct = bytes.NewReader(j), "application/json"
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("User-Agent", "auth-test")
	resp, err := noRedirect.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := reply{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func (e *authEnv) register(name, email string) {
	e.t.Helper()
	if r := e.call("POST", "/api/auth/register", map[string]string{"name": name, "email": email, "password": goodPassword}, ""); r.status != 201 {
		e.t.Fatalf("register %s: %d %s", email, r.status, r.raw)
	}
}

// signedUp registers and verifies over HTTP, returning the verify reply.
func (e *authEnv) signedUp(name, email string) reply {
	e.t.Helper()
	e.register(name, email)
	r := e.call("POST", "/api/auth/verify-email", map[string]string{"token": outboxToken(e.t, e.pool, email)}, "")
	if r.status != 200 {
		e.t.Fatalf("verify %s: %d %s", email, r.status, r.raw)
	}
	return r
}

func (e *authEnv) login(email, password string) reply {
	e.t.Helper()
	return e.call("POST", "/api/auth/login", map[string]string{"email": email, "password": password}, "")
}

func (e *authEnv) scalar(sql string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func TestRegisterVerifyLoginMe(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	r := e.call("POST", "/api/auth/register", map[string]string{"name": "Ada Lovelace", "email": "Ada@Example.com", "password": goodPassword}, "")
	if r.status != 201 || r.str("message") == "" {
		t.Fatalf("register: %d %s", r.status, r.raw)
	}
	if got := e.login("ada@example.com", goodPassword); got.status != 403 || got.code() != "email_not_verified" {
		t.Fatalf("login before verification: %d %s", got.status, got.raw)
	}
	v := e.call("POST", "/api/auth/verify-email", map[string]string{"token": outboxToken(t, e.pool, "Ada@example.com")}, "")
	if v.status != 200 || v.str("token") == "" || v.str("refreshToken") == "" {
		t.Fatalf("verify: %d %s", v.status, v.raw)
	}
	l := e.login("ADA@EXAMPLE.COM", goodPassword)
	if l.status != 200 {
		t.Fatalf("login: %d %s", l.status, l.raw)
	}
	user := l.body["user"].(map[string]any)
	if user["name"] != "Ada Lovelace" || user["email"] != "Ada@example.com" || user["id"] == "" {
		t.Fatalf("login user: %v", user)
	}
	me := e.call("GET", "/api/auth/me", nil, l.str("token"))
	if me.status != 200 || me.body["user"].(map[string]any)["id"] != user["id"] {
		t.Fatalf("me: %d %s", me.status, me.raw)
	}
	if e.scalar(`SELECT count(*) FROM users WHERE password_hash LIKE '$2a$04$%'`) != 1 {
		t.Fatal("password not stored as a bcrypt hash at BCRYPT_COST")
	}
	if e.scalar(`SELECT count(*) FROM audit_log WHERE event IN ('register','email_verified','login_success') AND user_id IS NOT NULL AND ip IS NOT NULL AND user_agent = 'auth-test' AND request_id IS NOT NULL`) != 3 {
		t.Fatal("register, verification and login not audited with ip, user agent and request id")
	}
}

func TestAuthBadInputGetsClear4xx(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	session := e.signedUp("Bad Input", "bad@example.com")
	access, refresh := session.str("token"), session.str("refreshToken")
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(access, claims); err != nil {
		t.Fatal(err)
	}
	kid := jwtHeader(t, access)["kid"]
	forge := func(method jwt.SigningMethod, key any, change map[string]any) string {
		c := jwt.MapClaims{}
		for k, v := range claims {
			c[k] = v
		}
		for k, v := range change {
			c[k] = v
		}
		tok := jwt.NewWithClaims(method, c)
		tok.Header["kid"] = kid
		s, err := tok.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	key := []byte(testJWTSecret)
	agent, _, err := e.svc.Tokens().IssueAgent(auth.AgentGrant{Subject: "worker", Scope: auth.InterviewScope("1"), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(access, ".")
	tampered := parts[0] + "." + strings.TrimRight(base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"`+claims["sub"].(string)+`","role":"admin","typ":"access"}`)), "=") + "." + parts[2]
	none := forge(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, nil)
	name10k := strings.Repeat("n", 10*1024)
	sqlish := "Robert'); DROP TABLE users;--"

	cases := []struct {
		name, method, path string
		body               any
		token              string
		status             int
		code               string
	}{
		{"malformed json", "POST", "/api/auth/register", `{"name":"a",`, "", 400, "malformed_json"},
		{"not json", "POST", "/api/auth/login", `email=a&password=b`, "", 400, "malformed_json"},
		{"empty body", "POST", "/api/auth/login", "", "", 400, "empty_body"},
		{"missing fields", "POST", "/api/auth/register", `{}`, "", 422, "validation_failed"},
		{"wrong field type", "POST", "/api/auth/login", `{"email":5,"password":true}`, "", 422, "invalid_field_type"},
		{"10 KB name", "POST", "/api/auth/register", map[string]string{"name": name10k, "email": "n@example.com", "password": goodPassword}, "", 422, "validation_failed"},
		{"name of control characters", "POST", "/api/auth/register", map[string]string{"name": "a\x00b", "email": "n@example.com", "password": goodPassword}, "", 422, "validation_failed"},
		{"invalid email", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "not-an-email", "password": goodPassword}, "", 422, "validation_failed"},
		{"unicode local part", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "josé@example.com", "password": goodPassword}, "", 422, "validation_failed"},
		{"sql email at register", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "x' OR '1'='1@example.com", "password": goodPassword}, "", 422, "validation_failed"},
		{"weak password", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "w@example.com", "password": "password"}, "", 422, "weak_password"},
		{"10 KB password", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "w@example.com", "password": "Aa1!" + name10k}, "", 422, "weak_password"},
		{"duplicate email, other case", "POST", "/api/auth/register", map[string]string{"name": "x", "email": "BAD@example.com", "password": goodPassword}, "", 400, "email_unavailable"},
		{"sql email at login", "POST", "/api/auth/login", map[string]string{"email": "' OR 1=1 --", "password": "x"}, "", 422, "validation_failed"},
		{"sql password", "POST", "/api/auth/login", map[string]string{"email": "bad@example.com", "password": "' OR '1'='1"}, "", 400, "invalid_credentials"},
		{"10 KB password at login", "POST", "/api/auth/login", map[string]string{"email": "bad@example.com", "password": name10k}, "", 400, "invalid_credentials"},
		{"refresh missing", "POST", "/api/auth/refresh", `{}`, "", 422, "validation_failed"},
		{"refresh garbage", "POST", "/api/auth/refresh", map[string]string{"refreshToken": "garbage"}, "", 401, "invalid_refresh_token"},
		{"access token as refresh token", "POST", "/api/auth/refresh", map[string]string{"refreshToken": access}, "", 401, "invalid_refresh_token"},
		{"verification garbage", "POST", "/api/auth/verify-email", map[string]string{"token": sqlish}, "", 400, "invalid_verification_token"},
		{"verification token 10 KB", "POST", "/api/auth/verify-email", map[string]string{"token": name10k}, "", 400, "invalid_verification_token"},
		{"me without token", "GET", "/api/auth/me", nil, "", 401, "missing_token"},
		{"refresh token where access expected", "GET", "/api/auth/me", nil, refresh, 401, "invalid_token"},
		{"agent token where access expected", "GET", "/api/auth/me", nil, agent, 401, "wrong_token_type"},
		{"expired", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"exp": time.Now().Add(-time.Minute).Unix(), "iat": time.Now().Add(-3 * time.Hour).Unix()}), 401, "token_expired"},
		{"tampered", "GET", "/api/auth/me", nil, tampered, 401, "invalid_token"},
		{"alg none", "GET", "/api/auth/me", nil, none, 401, "invalid_token"},
		{"HS384", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS384, key, nil), 401, "invalid_token"},
		{"foreign issuer", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"iss": "https://evil.example"}), 401, "invalid_token"},
		{"foreign audience", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"aud": "another-api"}), 401, "invalid_token"},
		{"old token version", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"tv": 0}), 401, "token_revoked"},
		{"unknown user", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"sub": "00000000-0000-4000-8000-000000000000"}), 401, "invalid_token"},
		{"sql subject", "GET", "/api/auth/me", nil, forge(jwt.SigningMethodHS256, key, map[string]any{"sub": sqlish}), 401, "invalid_token"},
		{"unknown oauth provider", "GET", "/api/auth/oauth/myspace", nil, "", 404, "unknown_provider"},
		{"oauth code garbage", "POST", "/api/auth/oauth/exchange", map[string]string{"code": sqlish}, "", 400, "invalid_oauth_code"},
		{"delete with wrong password", "DELETE", "/api/auth/account", map[string]string{"password": "Wr0ng!password"}, access, 400, "invalid_credentials"},
		{"delete with malformed body", "DELETE", "/api/auth/account", `{"password":`, access, 400, "malformed_json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := e.call(tc.method, tc.path, tc.body, tc.token)
			if r.status != tc.status || r.code() != tc.code || r.str("detail") == "" {
				t.Fatalf("got %d %s, want %d %s", r.status, r.raw, tc.status, tc.code)
			}
		})
	}
	t.Run("basic auth header", func(t *testing.T) {
		req, _ := http.NewRequest("GET", e.url+"/api/auth/me", nil)
		req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("a:b")))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Fatalf("basic auth: %d", resp.StatusCode)
		}
	})
	if n := e.scalar(`SELECT count(*) FROM users`); n != 1 {
		t.Fatalf("%d users after bad input, want 1", n)
	}
}

func jwtHeader(t *testing.T, raw string) map[string]any {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[0])
	if err != nil {
		t.Fatal(err)
	}
	h := map[string]any{}
	_ = json.Unmarshal(b, &h)
	return h
}

func TestHostileButValidInputRoundTrips(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	names := []string{"Robert'); DROP TABLE users;--", "<script>alert(1)</script>", "李小龙 \u202eevil", "Zoë O'Brien-Ñúñez"}
	emails := []string{"bobby.tables+x@example.com", "user@bücher.de", "o'brien@example.ie", "UPPER@EXAMPLE.ORG"}
	want := []string{"bobby.tables+x@example.com", "user@xn--bcher-kva.de", "o'brien@example.ie", "UPPER@example.org"}
	for i := range names {
		e.register(names[i], emails[i])
		v := e.call("POST", "/api/auth/verify-email", map[string]string{"token": outboxToken(t, e.pool, want[i])}, "")
		me := e.call("GET", "/api/auth/me", nil, v.str("token"))
		u := me.body["user"].(map[string]any)
		if u["name"] != names[i] || u["email"] != want[i] {
			t.Errorf("round trip of %q <%s>: got %v", names[i], emails[i], u)
		}
	}
	if n := e.scalar(`SELECT count(*) FROM users`); n != len(names) {
		t.Fatalf("%d users, want %d", n, len(names))
	}
}

// parallel runs fn n times at once and returns the replies.
func parallel(n int, fn func(i int) reply) []reply {
	out := make([]reply, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			out[i] = fn(i)
		}()
	}
	close(start)
	wg.Wait()
	return out
}

func countStatus(rs []reply) map[string]int {
	m := map[string]int{}
	for _, r := range rs {
		m[fmt.Sprintf("%d %s", r.status, r.code())]++
	}
	return m
}

func TestConcurrentDuplicateRegistrationsOneWins(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	variants := []string{"race@example.com", "RACE@example.com", "Race@Example.com", "race@EXAMPLE.COM"}
	rs := parallel(12, func(i int) reply {
		return e.call("POST", "/api/auth/register", map[string]string{"name": "Racer", "email": variants[i%len(variants)], "password": goodPassword}, "")
	})
	got := countStatus(rs)
	if got["201 "] != 1 || got["400 email_unavailable"] != 11 {
		t.Fatalf("outcomes %v, want one 201 and 11 × 400 email_unavailable", got)
	}
	if n := e.scalar(`SELECT count(*) FROM users WHERE email = 'race@example.com'`); n != 1 {
		t.Fatalf("%d users, want 1", n)
	}
	if n := e.scalar(`SELECT count(*) FROM mail_outbox`); n != 1 {
		t.Fatalf("%d e-mails queued, want 1 (losers' transactions roll back)", n)
	}
}

func TestConcurrentRefreshesOneRotatesFamilyRevoked(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	s := e.signedUp("Refresher", "refresh@example.com")
	other := e.login("refresh@example.com", goodPassword) // another session, must survive
	rs := parallel(20, func(int) reply {
		return e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": s.str("refreshToken")}, "")
	})
	got := countStatus(rs)
	if got["200 "] != 1 || got["401 refresh_token_reused"] != 19 {
		t.Fatalf("outcomes %v, want one 200 and 19 × 401 refresh_token_reused", got)
	}
	var winner reply
	for _, r := range rs {
		if r.status == 200 {
			winner = r
		}
	}
	if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": winner.str("refreshToken")}, ""); r.status != 401 || r.code() != "session_revoked" {
		t.Fatalf("rotated token of a revoked family: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/api/auth/me", nil, winner.str("token")); r.status != 401 || r.code() != "session_revoked" {
		t.Fatalf("access token of a revoked family: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/api/auth/me", nil, other.str("token")); r.status != 200 {
		t.Fatalf("another session was revoked too: %d %s", r.status, r.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'refresh_reuse'`); n != 1 {
		t.Fatalf("%d refresh_reuse audit entries, want 1", n)
	}
}

func TestRefreshRotates(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	s := e.signedUp("Rotor", "rotor@example.com")
	r1 := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": s.str("refreshToken")}, "")
	if r1.status != 200 || r1.str("refreshToken") == s.str("refreshToken") || r1.str("token") == "" {
		t.Fatalf("refresh: %d %s", r1.status, r1.raw)
	}
	r2 := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": r1.str("refreshToken")}, "")
	if r2.status != 200 {
		t.Fatalf("second rotation: %d %s", r2.status, r2.raw)
	}
	if me := e.call("GET", "/api/auth/me", nil, r2.str("token")); me.status != 200 {
		t.Fatalf("me with a refreshed token: %d %s", me.status, me.raw)
	}
	// Replaying the first token (stolen earlier) kills the session.
	if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": s.str("refreshToken")}, ""); r.code() != "refresh_token_reused" {
		t.Fatalf("replayed token: %d %s", r.status, r.raw)
	}
	if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": r2.str("refreshToken")}, ""); r.code() != "session_revoked" {
		t.Fatalf("latest token after theft detection: %d %s", r.status, r.raw)
	}
	if _, err := e.pool.Exec(context.Background(), `UPDATE refresh_tokens SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	l := e.login("rotor@example.com", goodPassword)
	if _, err := e.pool.Exec(context.Background(), `UPDATE refresh_tokens SET expires_at = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": l.str("refreshToken")}, ""); r.code() != "refresh_token_expired" {
		t.Fatalf("expired refresh token: %d %s", r.status, r.raw)
	}
}

func TestVerificationTokenSingleUse(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	e.register("Verifier", "verify@example.com")
	tok := outboxToken(t, e.pool, "verify@example.com")
	rs := parallel(10, func(int) reply {
		return e.call("POST", "/api/auth/verify-email", map[string]string{"token": tok}, "")
	})
	if got := countStatus(rs); got["200 "] != 1 || got["400 verification_token_used"] != 9 {
		t.Fatalf("concurrent verification: %v", got)
	}
	if r := e.call("POST", "/api/auth/verify-email", map[string]string{"token": tok}, ""); r.code() != "verification_token_used" {
		t.Fatalf("reuse: %d %s", r.status, r.raw)
	}
	if r := e.call("POST", "/api/auth/resend-verification", map[string]string{"email": "verify@example.com", "password": goodPassword}, ""); r.code() != "already_verified" {
		t.Fatalf("resend after verification: %d %s", r.status, r.raw)
	}
}

func TestResendInvalidatesOlderLinksAndExpiry(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	e.register("Resender", "resend@example.com")
	first := outboxToken(t, e.pool, "resend@example.com")
	if r := e.call("POST", "/api/auth/resend-verification", map[string]string{"email": "resend@example.com", "password": "Wr0ng!pass"}, ""); r.status != 400 || r.code() != "invalid_credentials" {
		t.Fatalf("resend with a wrong password: %d %s", r.status, r.raw)
	}
	if r := e.call("POST", "/api/auth/resend-verification", map[string]string{"email": "resend@example.com", "password": goodPassword}, ""); r.status != 200 {
		t.Fatalf("resend: %d %s", r.status, r.raw)
	}
	second := outboxToken(t, e.pool, "resend@example.com")
	if second == first {
		t.Fatal("resend sent the same token")
	}
	if r := e.call("POST", "/api/auth/verify-email", map[string]string{"token": first}, ""); r.code() != "invalid_verification_token" {
		t.Fatalf("older link after resend: %d %s", r.status, r.raw)
	}
	if _, err := e.pool.Exec(context.Background(), `UPDATE email_verifications SET expires_at = now() - interval '1 minute'`); err != nil {
		t.Fatal(err)
	}
	if r := e.call("POST", "/api/auth/verify-email", map[string]string{"token": second}, ""); r.code() != "verification_token_expired" {
		t.Fatalf("expired link: %d %s", r.status, r.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM email_verifications WHERE octet_length(token_hash) = 32`); n != 1 {
		t.Fatalf("%d stored verification hashes, want 1 (the older one deleted)", n)
	}
}

func TestLockoutPerAccount(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	e.signedUp("Locked", "locked@example.com")
	for i := range 5 {
		if r := e.login("locked@example.com", fmt.Sprintf("Wr0ng!%d", i)); r.status != 400 || r.str("detail") != "Invalid credentials" {
			t.Fatalf("failure %d: %d %s", i+1, r.status, r.raw)
		}
	}
	r := e.login("LOCKED@example.com", goodPassword)
	if r.status != 429 || r.code() != "account_locked" {
		t.Fatalf("6th attempt with the right password: %d %s", r.status, r.raw)
	}
	if ra := r.header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("no Retry-After on lockout: %q", ra)
	}
	// An address without an account locks the same way.
	for range 5 {
		e.login("nobody@example.com", goodPassword)
	}
	if r := e.login("nobody@example.com", goodPassword); r.status != 429 {
		t.Fatalf("unknown address after 5 failures: %d %s", r.status, r.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'lockout'`); n != 2 {
		t.Fatalf("%d lockout audit entries, want 2", n)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'login_failure' AND user_id IS NOT NULL`); n != 5 {
		t.Fatalf("%d login failures audited with the account, want 5", n)
	}
	// 15 minutes later the account opens again.
	if _, err := e.pool.Exec(context.Background(), `UPDATE login_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '16 minutes'`); err != nil {
		t.Fatal(err)
	}
	if r := e.login("locked@example.com", goodPassword); r.status != 200 {
		t.Fatalf("after the lockout: %d %s", r.status, r.raw)
	}
}

func TestConcurrentGuessesAreCounted(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	e.signedUp("Guessed", "guessed@example.com")
	rs := parallel(15, func(i int) reply { return e.login("guessed@example.com", fmt.Sprintf("Wr0ng!%d", i)) })
	if got := countStatus(rs); got["400 invalid_credentials"] != 5 || got["429 account_locked"] != 10 {
		t.Fatalf("15 parallel guesses: %v, want 5 checked and 10 locked out", got)
	}
}

func TestLogoutAndLogoutAll(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	a := e.signedUp("Leaver", "leaver@example.com")
	b := e.login("leaver@example.com", goodPassword)
	c := e.login("leaver@example.com", goodPassword)
	if r := e.call("POST", "/api/auth/logout", nil, a.str("token")); r.status != 200 {
		t.Fatalf("logout: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/api/auth/me", nil, a.str("token")); r.code() != "session_revoked" {
		t.Fatalf("access token after logout: %d %s", r.status, r.raw)
	}
	if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": a.str("refreshToken")}, ""); r.code() != "session_revoked" {
		t.Fatalf("refresh after logout: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/api/auth/me", nil, b.str("token")); r.status != 200 {
		t.Fatalf("other session after logout: %d %s", r.status, r.raw)
	}
	if r := e.call("POST", "/api/auth/logout-all", nil, b.str("token")); r.status != 200 {
		t.Fatalf("logout-all: %d %s", r.status, r.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'logout_all' AND user_id IS NOT NULL`); n != 1 {
		t.Fatalf("%d logout_all audit entries, want 1", n)
	}
	for _, s := range []reply{b, c} {
		if r := e.call("GET", "/api/auth/me", nil, s.str("token")); r.code() != "token_revoked" {
			t.Fatalf("access token after logout-all: %d %s", r.status, r.raw)
		}
		if r := e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": s.str("refreshToken")}, ""); r.status != 401 {
			t.Fatalf("refresh after logout-all: %d %s", r.status, r.raw)
		}
	}
	if r := e.login("leaver@example.com", goodPassword); r.status != 200 || e.call("GET", "/api/auth/me", nil, r.str("token")).status != 200 {
		t.Fatal("cannot sign in again after logout-all")
	}
}

func TestExportAndDeleteAccount(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	s := e.signedUp("Exporter", "export@example.com")
	keep := e.signedUp("Keeper", "keep@example.com")
	ex := e.call("GET", "/api/auth/export", nil, s.str("token"))
	if ex.status != 200 || !strings.Contains(ex.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %s", ex.status, ex.raw)
	}
	for _, k := range []string{"exported_at", "user", "sessions", "audit", "oauth_identities"} {
		if _, ok := ex.body[k]; !ok {
			t.Errorf("export lacks %q: %s", k, ex.raw)
		}
	}
	if u := ex.body["user"].(map[string]any); u["email"] != "export@example.com" || u["email_verified"] != true || u["has_password"] != true {
		t.Errorf("exported profile: %v", u)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'export' AND user_id IS NOT NULL`); n != 1 {
		t.Fatalf("%d export audit entries before deletion, want 1", n)
	}
	if strings.Contains(ex.raw, "$2a$") || strings.Contains(ex.raw, s.str("refreshToken")) || strings.Contains(ex.raw, "keep@example.com") {
		t.Fatal("export holds a secret or another user's data")
	}

	old := accessWithAuthTime(t, e, s.str("token"), time.Now().Add(-time.Hour))
	if r := e.call("DELETE", "/api/auth/account", nil, old); r.status != 403 || r.code() != "reauthentication_required" {
		t.Fatalf("delete on an old sign-in without password: %d %s", r.status, r.raw)
	}
	if r := e.call("DELETE", "/api/auth/account", map[string]string{"password": goodPassword}, old); r.status != 200 {
		t.Fatalf("delete with password: %d %s", r.status, r.raw)
	}
	if r := e.login("export@example.com", goodPassword); r.status != 400 {
		t.Fatalf("login after deletion: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/api/auth/me", nil, s.str("token")); r.status != 401 {
		t.Fatalf("token after deletion: %d %s", r.status, r.raw)
	}
	for _, table := range []string{"refresh_families", "email_verifications", "mail_outbox", "oauth_codes"} {
		if n := e.scalar(`SELECT count(*) FROM ` + table + ` WHERE user_id NOT IN (SELECT id FROM users)`); n != 0 {
			t.Errorf("%d orphan rows in %s", n, table)
		}
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE user_id IS NULL AND (ip IS NOT NULL OR user_agent IS NOT NULL OR details <> '{}') AND event <> 'login_failure'`); n != 0 {
		t.Fatalf("%d audit entries of the deleted user still hold personal data", n)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE event = 'account_deleted' AND user_id IS NULL AND ip IS NULL`); n != 1 {
		t.Fatal("deletion not audited anonymously")
	}
	if r := e.call("GET", "/api/auth/me", nil, keep.str("token")); r.status != 200 {
		t.Fatalf("another user affected: %d %s", r.status, r.raw)
	}
	// A fresh sign-in may delete without the password.
	if r := e.call("DELETE", "/api/auth/account", nil, keep.str("token")); r.status != 200 {
		t.Fatalf("delete right after sign-in: %d %s", r.status, r.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM users`); n != 0 {
		t.Fatalf("%d users left", n)
	}
}

// accessWithAuthTime signs an access token like tok but with another
// sign-in time, as if the user had signed in then.
func accessWithAuthTime(t *testing.T, e *authEnv, tok string, at time.Time) string {
	t.Helper()
	c := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok, c); err != nil {
		t.Fatal(err)
	}
	s, _, err := e.svc.Tokens().IssueAccess(auth.AccessGrant{UserID: c["sub"].(string), TokenVersion: int(c["tv"].(float64)), Role: auth.Role(c["role"].(string)), SessionID: c["sid"].(string), AuthTime: at})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRoleAndOwnershipHelpers(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	owner := e.signedUp("Owner", "owner@example.com")
	other := e.signedUp("Other", "other@example.com")
	ownerID := owner.body["user"].(map[string]any)["id"].(string)
	e.api.app.Get("/test/reviewers", e.api.requireUser, e.api.requireRole(auth.RoleReviewer), func(c *fiber.Ctx) error { return c.SendString(userID(c)) })
	e.api.app.Get("/test/rows/:owner", e.api.requireUser, func(c *fiber.Ctx) error {
		if err := requireOwner(c, c.Params("owner"), "row"); err != nil {
			return err
		}
		return c.SendString("mine")
	})
	if r := e.call("GET", "/test/reviewers", nil, owner.str("token")); r.status != 403 || r.code() != "forbidden" {
		t.Fatalf("candidate on a reviewer route: %d %s", r.status, r.raw)
	}
	if _, err := e.pool.Exec(context.Background(), `UPDATE users SET role = 'reviewer' WHERE id = $1`, ownerID); err != nil {
		t.Fatal(err)
	}
	if r := e.call("GET", "/test/reviewers", nil, owner.str("token")); r.status != 200 || r.raw != ownerID {
		t.Fatalf("reviewer (role read from the database): %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/test/rows/"+ownerID, nil, owner.str("token")); r.status != 200 {
		t.Fatalf("owner: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/test/rows/"+ownerID, nil, other.str("token")); r.status != 404 || r.code() != "not_found" {
		t.Fatalf("another user's row: %d %s", r.status, r.raw)
	}
}

func TestAgentCredentialRoutes(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	user := e.signedUp("User", "user@example.com")
	e.api.app.Get("/test/agent", e.api.requireAgent, func(c *fiber.Ctx) error { return c.SendString(agentFrom(c).Scope) })
	agent, _, err := e.svc.Tokens().IssueAgent(auth.AgentGrant{Subject: "worker-7", Scope: auth.InterviewScope("abc"), TTL: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.call("GET", "/test/agent", nil, agent); r.status != 200 || r.raw != "interview:abc" {
		t.Fatalf("agent: %d %s", r.status, r.raw)
	}
	if r := e.call("GET", "/test/agent", nil, user.str("token")); r.status != 401 || r.code() != "wrong_token_type" {
		t.Fatalf("user token on an agent route: %d %s", r.status, r.raw)
	}
	id, err := e.svc.AuthenticateToken(context.Background(), agent)
	if err != nil || id.Type != auth.TypeAgent || id.Scope != "interview:abc" || id.Role != auth.RoleAgent {
		t.Fatalf("hub authentication of an agent: %+v %v", id, err)
	}
	id, err = e.svc.AuthenticateToken(context.Background(), user.str("token"))
	if err != nil || id.Type != auth.TypeAccess || id.UserID == "" || id.ExpiresAt.IsZero() {
		t.Fatalf("hub authentication of a user: %+v %v", id, err)
	}
}

func TestNoToken(t *testing.T) {
	for h, want := range map[string]bool{
		"": true, "Bearer": true, "Bearer ": true, "bearer null": true, "Bearer undefined": true,
		"Bearer abc.def.ghi": false, "Basic dXNlcjpwYXNz": false, "Bearer nullx": false, "null": false,
	} {
		if got := noToken(h); got != want {
			t.Errorf("noToken(%q) = %v, want %v", h, got, want)
		}
	}
}
