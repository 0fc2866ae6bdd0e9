package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

const (
	secretA = "test-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	secretB = "test-secret-bbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	userID  = "5b0c4a7e-3f1e-4d8a-9c7b-2a1f0e9d8c7b"
	sessID  = "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
)

func newTestTokens(t *testing.T, now func() time.Time, current string, previous ...string) *Tokens {
	t.Helper()
	ring, err := NewKeyRing(current, previous...)
	if err != nil {
		t.Fatal(err)
	}
	return NewTokens(ring, TokenConfig{Now: now})
}

func issueAccess(t *testing.T, tk *Tokens) string {
	t.Helper()
	s, _, err := tk.IssueAccess(AccessGrant{UserID: userID, TokenVersion: 3, Role: RoleCandidate, SessionID: sessID, AuthTime: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAccessTokenClaims(t *testing.T) {
	tk := newTestTokens(t, time.Now, secretA)
	raw := issueAccess(t, tk)
	c, err := tk.Verify(raw, TypeAccess)
	if err != nil {
		t.Fatal(err)
	}
	if c.Subject != userID || c.TokenVersion != 3 || c.Role != RoleCandidate || c.SessionID != sessID || c.Type != TypeAccess {
		t.Fatalf("claims: %+v", c)
	}
	if c.Issuer != "utopiahire" || len(c.Audience) != 1 || c.Audience[0] != "utopiahire-api" || c.ID == "" || c.AuthTime == 0 {
		t.Fatalf("registered claims: %+v", c.RegisteredClaims)
	}
	if d := c.ExpiresAt.Sub(c.IssuedAt.Time); d != 2*time.Hour {
		t.Fatalf("lifetime %s, want 2h", d)
	}
	header := decodeSegment(t, raw, 0)
	if header["alg"] != "HS256" || header["kid"] == "" {
		t.Fatalf("header: %v", header)
	}
}

func decodeSegment(t *testing.T, raw string, i int) map[string]any {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[i])
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// forge signs arbitrary claims and header with key.
func forge(t *testing.T, method jwt.SigningMethod, key any, header map[string]any, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, claims)
	for k, v := range header {
		tok.Header[k] = v
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVerifyRefusesHostileTokens(t *testing.T) {
	tk := newTestTokens(t, time.Now, secretA)
	kid, _ := NewKey(secretA)
	good := issueAccess(t, tk)
	now := time.Now()
	base := func() jwt.MapClaims {
		return jwt.MapClaims{"sub": userID, "typ": "access", "tv": 1, "iss": "utopiahire", "aud": "utopiahire-api",
			"exp": now.Add(time.Hour).Unix(), "iat": now.Unix(), "jti": "x"}
	}
	with := func(k string, v any) jwt.MapClaims { c := base(); c[k] = v; return c }
	without := func(k string) jwt.MapClaims { c := base(); delete(c, k); return c }
	parts := strings.Split(good, ".")
	payload := decodeSegment(t, good, 1)
	payload["role"] = "admin"
	tamperedJSON, _ := json.Marshal(payload)
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(tamperedJSON) + "." + parts[2]
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT","kid":"` + kid.ID + `"}`))
	hdr := map[string]any{"kid": kid.ID}
	key := []byte(secretA)

	cases := []struct {
		name, raw, code string
	}{
		{"empty", "", "missing_token"},
		{"garbage", "not-a-jwt", "invalid_token"},
		{"opaque refresh token", newOpaque(), "invalid_token"},
		{"tampered payload", tampered, "invalid_token"},
		{"alg none", noneHeader + "." + parts[1] + ".", "invalid_token"},
		{"alg none via library", forge(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, hdr, base()), "invalid_token"},
		{"HS512 with the right key", forge(t, jwt.SigningMethodHS512, key, hdr, base()), "invalid_token"},
		{"foreign key", forge(t, jwt.SigningMethodHS256, []byte(secretB), hdr, base()), "invalid_token"},
		{"unknown kid", forge(t, jwt.SigningMethodHS256, key, map[string]any{"kid": "nope"}, base()), "invalid_token"},
		{"no kid", forge(t, jwt.SigningMethodHS256, key, nil, base()), "invalid_token"},
		{"foreign issuer", forge(t, jwt.SigningMethodHS256, key, hdr, with("iss", "evil")), "invalid_token"},
		{"foreign audience", forge(t, jwt.SigningMethodHS256, key, hdr, with("aud", "other-api")), "invalid_token"},
		{"no expiry", forge(t, jwt.SigningMethodHS256, key, hdr, without("exp")), "invalid_token"},
		{"expired", forge(t, jwt.SigningMethodHS256, key, hdr, with("exp", now.Add(-time.Hour).Unix())), "token_expired"},
		{"issued in the future", forge(t, jwt.SigningMethodHS256, key, hdr, with("iat", now.Add(time.Hour).Unix())), "invalid_token"},
		{"agent token where access expected", forge(t, jwt.SigningMethodHS256, key, hdr, with("typ", "agent")), "wrong_token_type"},
		{"untyped", forge(t, jwt.SigningMethodHS256, key, hdr, without("typ")), "wrong_token_type"},
		{"subject not a user id", forge(t, jwt.SigningMethodHS256, key, hdr, with("sub", "'; DROP TABLE users; --")), "invalid_token"},
		{"oversized", strings.Repeat("a", 5000), "invalid_token"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tk.Verify(tc.raw, TypeAccess)
			ae, ok := apperr.As(err)
			if !ok || ae.Kind != apperr.Unauthorized || ae.Code != tc.code {
				t.Fatalf("got %v, want 401 %s", err, tc.code)
			}
		})
	}
}

func TestExpiredTokenWrapsErrTokenExpired(t *testing.T) {
	past := time.Now().Add(-3 * time.Hour)
	raw := issueAccess(t, newTestTokens(t, func() time.Time { return past }, secretA))
	_, err := newTestTokens(t, time.Now, secretA).Verify(raw, TypeAccess)
	if !errors.Is(err, ErrTokenExpired) {
		t.Fatalf("got %v, want ErrTokenExpired", err)
	}
}

func TestKeyRotation(t *testing.T) {
	old := newTestTokens(t, time.Now, secretA)
	raw := issueAccess(t, old)
	rotated := newTestTokens(t, time.Now, secretB, secretA)
	if _, err := rotated.Verify(raw, TypeAccess); err != nil {
		t.Fatalf("token of the previous key refused after rotation: %v", err)
	}
	fresh := issueAccess(t, rotated)
	if decodeSegment(t, fresh, 0)["kid"] == decodeSegment(t, raw, 0)["kid"] {
		t.Fatal("new tokens still signed with the previous key")
	}
	if _, err := newTestTokens(t, time.Now, secretB).Verify(raw, TypeAccess); err == nil {
		t.Fatal("token of a retired key accepted")
	}
	if _, err := old.Verify(fresh, TypeAccess); err == nil {
		t.Fatal("token of an unknown newer key accepted")
	}
}

func TestAgentTokens(t *testing.T) {
	tk := newTestTokens(t, time.Now, secretA)
	raw, exp, err := tk.IssueAgent(AgentGrant{Subject: "worker-1", Scope: InterviewScope("42"), TTL: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	c, err := tk.Verify(raw, TypeAgent)
	if err != nil {
		t.Fatal(err)
	}
	if c.Scope != "interview:42" || c.Subject != "worker-1" || c.Role != RoleAgent || !c.ExpiresAt.Time.Equal(exp.Truncate(time.Second)) {
		t.Fatalf("agent claims: %+v", c)
	}
	if _, err := tk.Verify(raw, TypeAccess); apperr.CodeOf(err) != "wrong_token_type" {
		t.Fatalf("agent token where access expected: %v", err)
	}
	if _, err := tk.Verify(issueAccess(t, tk), TypeAgent); apperr.CodeOf(err) != "wrong_token_type" {
		t.Fatalf("access token where agent expected: %v", err)
	}
	if _, _, err := tk.IssueAgent(AgentGrant{Subject: "w"}); err == nil {
		t.Fatal("agent grant without scope accepted")
	}
}

func TestNewKeyRefusesShortSecrets(t *testing.T) {
	if _, err := NewKeyRing("short"); err == nil {
		t.Fatal("short secret accepted")
	}
	if _, err := NewKeyRing(secretA, "short"); err == nil {
		t.Fatal("short previous secret accepted")
	}
}
