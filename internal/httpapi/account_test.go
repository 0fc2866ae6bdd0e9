package httpapi

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"regexp"
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
