package auth

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/bcrypt"

	"github.com/utopiahire/utopiahire/internal/apperr"
)

func TestPasswordPolicy(t *testing.T) {
	cases := []struct {
		password string
		missing  []string // nil: accepted
		code     string
	}{
		{"Str0ng!pass", nil, ""},
		{"Ünïcödé9€x", nil, ""},
		{"short1!", []string{"at least 8 characters", "an uppercase letter"}, "weak_password"},
		{"alllowercase", []string{"an uppercase letter", "a digit", "a symbol"}, "weak_password"},
		{"ALLUPPER123!", []string{"a lowercase letter"}, "weak_password"},
		{"NoDigits!!x", []string{"a digit"}, "weak_password"},
		{"NoSymbol123x", []string{"a symbol"}, "weak_password"},
		{"", []string{"at least 8 characters", "a lowercase letter", "an uppercase letter", "a digit", "a symbol"}, "weak_password"},
		{"Ab1!" + strings.Repeat("x", 69), nil, "weak_password"},
		{"Ab1!\x00xxxxx", nil, "weak_password"},
		{"Ab1!\xffxxxx", nil, "weak_password"},
	}
	for _, tc := range cases {
		err := CheckPasswordPolicy(tc.password)
		if tc.code == "" {
			if err != nil {
				t.Errorf("%q refused: %v", tc.password, err)
			}
			continue
		}
		ae, ok := apperr.As(err)
		if !ok || ae.Code != tc.code || ae.Kind != apperr.Validation {
			t.Errorf("%q: got %v, want %s", tc.password, err, tc.code)
			continue
		}
		if tc.missing != nil {
			if diff := cmp.Diff(tc.missing, ae.Details["missing"]); diff != "" {
				t.Errorf("%q missing (-want +got):\n%s", tc.password, diff)
			}
			for _, m := range tc.missing {
				if !strings.Contains(ae.Message, m) {
					t.Errorf("%q: message %q does not name %q", tc.password, ae.Message, m)
				}
			}
		}
	}
}

func TestPasswordsCheck(t *testing.T) {
	p, err := NewPasswords(bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	h, err := p.Hash("Str0ng!pass")
	if err != nil {
		t.Fatal(err)
	}
	if ok, rehash := p.Check(h, "Str0ng!pass"); !ok || rehash {
		t.Fatalf("right password: ok=%v rehash=%v", ok, rehash)
	}
	for _, tc := range []struct{ hash, pw string }{
		{h, "Str0ng!pasS"}, {"", "Str0ng!pass"}, {"not a hash", "x"}, {h, strings.Repeat("x", 1000)},
	} {
		if ok, _ := p.Check(tc.hash, tc.pw); ok {
			t.Errorf("Check(%q, %q) matched", tc.hash, tc.pw)
		}
	}
	stronger, _ := NewPasswords(bcrypt.MinCost + 1)
	if ok, rehash := stronger.Check(h, "Str0ng!pass"); !ok || !rehash {
		t.Fatalf("hash at another cost: ok=%v rehash=%v", ok, rehash)
	}
	if _, err := NewPasswords(3); err == nil {
		t.Fatal("cost 3 accepted")
	}
}

func TestNormalizeEmail(t *testing.T) {
	cases := []struct{ in, want, problem string }{
		{"Alice@Example.COM", "Alice@example.com", ""},
		{"  bob.smith+cv@mail.example.org ", "bob.smith+cv@mail.example.org", ""},
		{"user@bücher.de", "user@xn--bcher-kva.de", ""},
		{"josé@example.com", "", "ASCII"},
		{"用户@例子.广告", "", "ASCII"},
		{"", "", "required"},
		{"plainaddress", "", "not an e-mail"},
		{"@example.com", "", "not an e-mail"},
		{"a@", "", "not an e-mail"},
		{"a@localhost", "", "invalid domain"},
		{"a@127.0.0.1", "", "invalid domain"},
		{"a@exa mple.com", "", "invalid domain"},
		{".a@example.com", "", "misplaced dot"},
		{"a..b@example.com", "", "misplaced dot"},
		{"a\"b@example.com", "", "not allowed"},
		{"'; DROP TABLE users; --@example.com", "", "not allowed"},
		{"x' OR '1'='1@example.com", "", "not allowed"},
		{strings.Repeat("a", 65) + "@example.com", "", "64"},
		{"a@" + strings.Repeat("b", 250) + ".com", "", "too long"},
		{strings.Repeat("é", 10000) + "@example.com", "", "too long"},
	}
	for _, tc := range cases {
		got, problem := NormalizeEmail(tc.in)
		if got != tc.want || !strings.Contains(problem, tc.problem) || (tc.problem == "") != (problem == "") {
			t.Errorf("NormalizeEmail(%.40q) = %q, %q; want %q, …%s…", tc.in, got, problem, tc.want, tc.problem)
		}
	}
}

func TestTokenHasherSeparatesKinds(t *testing.T) {
	h, _ := NewTokenHasher([]byte("k1"))
	h2, _ := NewTokenHasher([]byte("k2"))
	tok := newOpaque()
	if len(tok) != 43 {
		t.Fatalf("opaque token of %d chars", len(tok))
	}
	if string(h.Hash(kindRefresh, tok)) == string(h.Hash(kindVerification, tok)) {
		t.Fatal("same hash for two kinds")
	}
	if string(h.Hash(kindRefresh, tok)) == string(h2.Hash(kindRefresh, tok)) {
		t.Fatal("same hash under two keys")
	}
	if v := h.derive(kindPKCE, tok); len(v) != 43 {
		t.Fatalf("PKCE verifier of %d chars, want 43", len(v))
	}
}
