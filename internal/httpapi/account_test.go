package httpapi

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/dbtest"
)

// revocations records what the accounts service announced.
type revocations struct {
	mu  sync.Mutex
	got []auth.Revocation
}

func (r *revocations) Revoked(_ context.Context, rev auth.Revocation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, rev)
}

func (r *revocations) take() []auth.Revocation {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.got
	r.got = nil
	return out
}

var resetTokenInLink = regexp.MustCompile(`/reset-password#token=([A-Za-z0-9_-]{43})`)

// TestEveryRevocationIsAnnounced: each way a session or an account's
// tokens end reaches the revocation listeners (the hub closes sockets on
// them), once, after it committed, with the sessions it ended.
func TestEveryRevocationIsAnnounced(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	svc := newTestAccounts(t, pool)
	rec := &revocations{}
	svc.OnRevoke(rec) // before the server serves
	api, err := New(Deps{Logger: slog.New(slog.DiscardHandler), CORSOrigins: []string{"http://app.test"}, Accounts: svc})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	e := &authEnv{t: t, url: srv.URL, pool: pool, svc: svc, api: api}

	first := e.signedUp("Rev Oked", "rev@example.com")
	uid := first.body["user"].(map[string]any)["id"].(string)
	sid := func(token string) string {
		p, err := svc.Authenticate(context.Background(), token)
		if err != nil {
			t.Fatal(err)
		}
		return p.SessionID
	}
	expect := func(what string, want ...auth.Revocation) {
		t.Helper()
		if diff := cmp.Diff(want, rec.take()); diff != "" {
			t.Errorf("%s: revocations (-want +got):\n%s", what, diff)
		}
	}
	expect("sign-up")

	// Logout: that session.
	s1 := sid(first.str("token"))
	e.call("POST", "/api/auth/logout", nil, first.str("token"))
	expect("logout", auth.Revocation{UserID: uid, SessionIDs: []string{s1}, Reason: auth.ReasonLogout})

	// Revoking one session from another.
	a, b := e.login("rev@example.com", goodPassword), e.login("rev@example.com", goodPassword)
	sb := sid(b.str("token"))
	if r := e.call("DELETE", "/api/auth/sessions/"+sb, nil, a.str("token")); r.status != 200 {
		t.Fatalf("revoke: %d %s", r.status, r.raw)
	}
	expect("session revoke", auth.Revocation{UserID: uid, SessionIDs: []string{sb}, Reason: auth.ReasonSessionRevoked})
	// A refused revoke announces nothing.
	e.call("DELETE", "/api/auth/sessions/00000000-0000-4000-8000-000000000000", nil, a.str("token"))
	expect("revoke of an unknown session")

	// Refresh-token reuse: the stolen session.
	sa := sid(a.str("token"))
	e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": a.str("refreshToken")}, "")
	e.call("POST", "/api/auth/refresh", map[string]string{"refreshToken": a.str("refreshToken")}, "")
	expect("refresh reuse", auth.Revocation{UserID: uid, SessionIDs: []string{sa}, Reason: auth.ReasonRefreshReuse})

	// Password change: every token before it.
	c := e.login("rev@example.com", goodPassword)
	if r := e.call("POST", "/api/auth/password/change", map[string]string{"current_password": goodPassword, "new_password": "N3w!password"}, c.str("token")); r.status != 200 {
		t.Fatalf("change: %d %s", r.status, r.raw)
	}
	expect("password change", auth.Revocation{UserID: uid, All: true, Reason: auth.ReasonPasswordChange})
	// A refused change announces nothing.
	d := e.login("rev@example.com", "N3w!password")
	e.call("POST", "/api/auth/password/change", map[string]string{"current_password": "Wr0ng!password", "new_password": "An0ther!password"}, d.str("token"))
	expect("wrong current password")

	// Password reset, from the link the job mails.
	if r := e.call("POST", "/api/auth/password/forgot", map[string]string{"email": "rev@example.com"}, ""); r.status != 202 {
		t.Fatalf("forgot: %d %s", r.status, r.raw)
	}
	if err := svc.SendPasswordReset(context.Background(), auth.PasswordResetArgs{UserID: uid}); err != nil {
		t.Fatal(err)
	}
	var body string
	if err := pool.QueryRow(context.Background(), `SELECT text_body FROM mail_outbox WHERE subject LIKE 'Reset%' ORDER BY id DESC LIMIT 1`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	token := resetTokenInLink.FindStringSubmatch(body)[1]
	if r := e.call("POST", "/api/auth/password/reset", map[string]string{"token": token, "new_password": "Res3t!password"}, ""); r.status != 200 {
		t.Fatalf("reset: %d %s", r.status, r.raw)
	}
	expect("password reset", auth.Revocation{UserID: uid, All: true, Reason: auth.ReasonPasswordReset})

	// Logout everywhere, then deletion.
	f := e.login("rev@example.com", "Res3t!password")
	e.call("POST", "/api/auth/logout-all", nil, f.str("token"))
	expect("logout-all", auth.Revocation{UserID: uid, All: true, Reason: auth.ReasonLogoutAll})
	g := e.login("rev@example.com", "Res3t!password")
	if r := e.call("DELETE", "/api/auth/account", map[string]string{"password": "Res3t!password"}, g.str("token")); r.status != 200 {
		t.Fatalf("delete: %d %s", r.status, r.raw)
	}
	expect("deletion", auth.Revocation{UserID: uid, All: true, Reason: auth.ReasonAccountDeleted})
}

// The account page's profile edits: the display name (checked like at
// sign-up) and unlinking a provider, never the last way to sign in.
func TestProfileRenameAndUnlink(t *testing.T) {
	t.Parallel()
	e := newAuthEnv(t)
	r := e.signedUp("Lina Profile", "lina@example.com")
	token := r.str("token")
	uid := r.body["user"].(map[string]any)["id"].(string)

	long := strings.Repeat("é", 101)
	for _, tc := range []struct {
		name   string
		body   any
		token  string
		status int
		code   string
	}{
		{"no token", map[string]string{"name": "X"}, "", 401, ""},
		{"empty", map[string]string{"name": "  "}, token, 422, "validation_failed"},
		{"too long", map[string]string{"name": long}, token, 422, "validation_failed"},
		{"NUL", map[string]string{"name": "Lina\u0000"}, token, 422, "validation_failed"},
		{"escape codes", map[string]string{"name": "\u001b[31mLina"}, token, 422, "validation_failed"},
		{"not JSON", "name=Lina", token, 400, ""},
	} {
		got := e.call("PATCH", "/api/auth/account", tc.body, tc.token)
		if got.status != tc.status || (tc.code != "" && got.code() != tc.code) {
			t.Errorf("%s: %d %s, want %d %s", tc.name, got.status, got.raw, tc.status, tc.code)
		}
	}
	if got := e.call("PATCH", "/api/auth/account", map[string]string{"name": "  Lina Renamed  "}, token); got.status != 200 ||
		got.body["user"].(map[string]any)["name"] != "Lina Renamed" {
		t.Fatalf("rename: %d %s", got.status, got.raw)
	}
	if got := e.call("GET", "/api/auth/me", nil, token); got.body["user"].(map[string]any)["name"] != "Lina Renamed" {
		t.Fatalf("me after rename: %s", got.raw)
	}

	link := func(user, provider string) {
		t.Helper()
		if _, err := e.pool.Exec(context.Background(), `INSERT INTO oauth_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, 'lina@example.com')`,
			provider, provider+"-"+user, user); err != nil {
			t.Fatal(err)
		}
	}
	providers := func(r reply) []string {
		var out []string
		ids, _ := r.body["identities"].([]any)
		for _, id := range ids {
			out = append(out, id.(map[string]any)["provider"].(string))
		}
		return out
	}
	// With a password, the only provider can go.
	link(uid, "google")
	if got := e.call("DELETE", "/api/auth/identities/google", nil, token); got.status != 200 || len(providers(got)) != 0 {
		t.Fatalf("unlink google with a password: %d %s", got.status, got.raw)
	}
	for _, p := range []string{"google", "myspace", "%27%20OR%201=1"} {
		if got := e.call("DELETE", "/api/auth/identities/"+p, nil, token); got.status != 404 || got.code() != "identity_not_found" {
			t.Errorf("unlink %s (not linked): %d %s", p, got.status, got.raw)
		}
	}
	// Without a password: one of two providers can go, not the last.
	if _, err := e.pool.Exec(context.Background(), `UPDATE users SET password_hash = NULL WHERE id = $1`, uid); err != nil {
		t.Fatal(err)
	}
	link(uid, "google")
	link(uid, "github")
	if got := e.call("DELETE", "/api/auth/identities/github", nil, token); got.status != 200 || !cmp.Equal(providers(got), []string{"google"}) {
		t.Fatalf("unlink github of two: %d %s", got.status, got.raw)
	}
	got := e.call("DELETE", "/api/auth/identities/google", nil, token)
	if got.status != 409 || got.code() != "last_sign_in_method" {
		t.Fatalf("unlink the last sign-in method: %d %s, want 409 last_sign_in_method", got.status, got.raw)
	}
	if n := e.scalar(`SELECT count(*) FROM oauth_identities WHERE user_id = $1`, uid); n != 1 {
		t.Fatalf("%d identities left, want the last one", n)
	}
	if n := e.scalar(`SELECT count(*) FROM audit_log WHERE user_id = $1 AND event IN ('name_changed', 'oauth_unlinked')`, uid); n != 3 {
		t.Errorf("%d audit entries for rename and unlinks, want 3", n)
	}
}
