// Package oauthfake is a local OAuth 2 provider for tests that speaks the
// real protocol over a real socket, in Google's or GitHub's shape: an
// authorize endpoint that checks the client, redirect URI, state and PKCE
// S256 challenge and redirects back with a code (the user "consents" at
// once); a token endpoint that checks the client secret, the code (single
// use, bound to its redirect URI) and the PKCE verifier; and the profile
// endpoints (Google: OpenID userinfo; GitHub: /user and /user/emails).
package oauthfake

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Shapes of provider.
const (
	Google = "google"
	GitHub = "github"
)

// Account is who signs in at the provider.
type Account struct {
	Subject  string // Google "sub"; GitHub numeric id
	Login    string // GitHub login
	Name     string
	Email    string
	Verified bool
	// Extra GitHub addresses (the primary is Email).
	Others []Email
}

// Email is one GitHub address.
type Email struct {
	Email    string `json:"email"`
	Primary  bool   `json:"primary"`
	Verified bool   `json:"verified"`
}

// Provider is a running fake provider.
type Provider struct {
	Shape        string
	ClientID     string
	ClientSecret string
	URL          string

	mu       sync.Mutex
	account  Account
	codes    map[string]grant
	tokens   map[string]Account
	requests []string // token endpoint outcomes, for assertions
}

type grant struct {
	challenge   string
	redirectURI string
	account     Account
}

// New starts a provider of shape on loopback, closed when t ends.
func New(t testing.TB, shape string) *Provider {
	t.Helper()
	p := &Provider{Shape: shape, ClientID: shape + "-client", ClientSecret: shape + "-secret-" + random(),
		codes: map[string]grant{}, tokens: map[string]Account{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	switch shape {
	case Google:
		mux.HandleFunc("GET /userinfo", p.userinfo)
	case GitHub:
		mux.HandleFunc("GET /api/user", p.githubUser)
		mux.HandleFunc("GET /api/user/emails", p.githubEmails)
	default:
		t.Fatalf("oauthfake: unknown shape %q", shape)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

// SignIn sets the account that signs in next.
func (p *Provider) SignIn(a Account) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.account = a
}

// AuthURL, TokenURL and InfoURL are the endpoints to configure.
func (p *Provider) AuthURL() string  { return p.URL + "/authorize" }
func (p *Provider) TokenURL() string { return p.URL + "/token" }

// InfoURL is Google's userinfo endpoint or GitHub's API base.
func (p *Provider) InfoURL() string {
	if p.Shape == Google {
		return p.URL + "/userinfo"
	}
	return p.URL + "/api"
}

// Env is the server's environment for this provider.
func (p *Provider) Env() map[string]string {
	if p.Shape == Google {
		return map[string]string{"GOOGLE_CLIENT_ID": p.ClientID, "GOOGLE_CLIENT_SECRET": p.ClientSecret,
			"GOOGLE_AUTH_URL": p.AuthURL(), "GOOGLE_TOKEN_URL": p.TokenURL(), "GOOGLE_USERINFO_URL": p.InfoURL()}
	}
	return map[string]string{"GITHUB_CLIENT_ID": p.ClientID, "GITHUB_CLIENT_SECRET": p.ClientSecret,
		"GITHUB_AUTH_URL": p.AuthURL(), "GITHUB_TOKEN_URL": p.TokenURL(), "GITHUB_API_URL": p.InfoURL()}
}

// TokenRequests lists the outcome of each token request ("ok" or the error).
func (p *Provider) TokenRequests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("response_type") != "code":
		http.Error(w, "unsupported response_type", http.StatusBadRequest)
	case q.Get("client_id") != p.ClientID:
		http.Error(w, "unknown client", http.StatusBadRequest)
	case q.Get("redirect_uri") == "":
		http.Error(w, "redirect_uri required", http.StatusBadRequest)
	case q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43:
		http.Error(w, "PKCE S256 required", http.StatusBadRequest)
	case q.Get("state") == "":
		http.Error(w, "state required", http.StatusBadRequest)
	case p.Shape == Google && !strings.Contains(" "+q.Get("scope")+" ", " email "):
		http.Error(w, "scope email required", http.StatusBadRequest)
	case p.Shape == GitHub && !strings.Contains(q.Get("scope"), "user:email"):
		http.Error(w, "scope user:email required", http.StatusBadRequest)
	default:
		code := random()
		p.mu.Lock()
		p.codes[code] = grant{challenge: q.Get("code_challenge"), redirectURI: q.Get("redirect_uri"), account: p.account}
		p.mu.Unlock()
		back, err := url.Parse(q.Get("redirect_uri"))
		if err != nil {
			http.Error(w, "bad redirect_uri", http.StatusBadRequest)
			return
		}
		bq := back.Query()
		bq.Set("code", code)
		bq.Set("state", q.Get("state"))
		back.RawQuery = bq.Encode()
		http.Redirect(w, r, back.String(), http.StatusFound)
	}
}

func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		p.tokenError(w, r, "invalid_request")
		return
	}
	f := r.PostForm
	id, secret := f.Get("client_id"), f.Get("client_secret")
	if u, pw, ok := r.BasicAuth(); ok {
		id, secret = u, pw
	}
	p.mu.Lock()
	g, found := p.codes[f.Get("code")]
	delete(p.codes, f.Get("code")) // single use, even when the request fails
	p.mu.Unlock()
	sum := sha256.Sum256([]byte(f.Get("code_verifier")))
	switch {
	case f.Get("grant_type") != "authorization_code":
		p.tokenError(w, r, "unsupported_grant_type")
	case id != p.ClientID || secret != p.ClientSecret:
		p.tokenError(w, r, "invalid_client")
	case !found || f.Get("redirect_uri") != g.redirectURI:
		p.tokenError(w, r, "bad_verification_code")
	case base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		p.tokenError(w, r, "invalid_grant")
	default:
		tok := random()
		p.mu.Lock()
		p.tokens[tok] = g.account
		p.requests = append(p.requests, "ok")
		p.mu.Unlock()
		p.tokenReply(w, r, http.StatusOK, map[string]string{"access_token": tok, "token_type": "bearer", "scope": "email"})
	}
}

// tokenError answers like the provider does: Google with a 400 JSON body,
// GitHub with 200 and the error in the (form or JSON) body.
func (p *Provider) tokenError(w http.ResponseWriter, r *http.Request, code string) {
	p.mu.Lock()
	p.requests = append(p.requests, code)
	p.mu.Unlock()
	status := http.StatusBadRequest
	if p.Shape == GitHub {
		status = http.StatusOK
	}
	p.tokenReply(w, r, status, map[string]string{"error": code, "error_description": "refused by the fake provider"})
}

func (p *Provider) tokenReply(w http.ResponseWriter, r *http.Request, status int, v map[string]string) {
	if p.Shape == GitHub && !strings.Contains(r.Header.Get("Accept"), "json") {
		// GitHub's default answer is form-encoded.
		form := url.Values{}
		for k, s := range v {
			form.Set(k, s)
		}
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprint(w, form.Encode())
		return
	}
	writeJSON(w, status, v)
}

func (p *Provider) bearer(w http.ResponseWriter, r *http.Request) (Account, bool) {
	h := r.Header.Get("Authorization")
	tok := strings.TrimPrefix(strings.TrimPrefix(h, "Bearer "), "token ")
	p.mu.Lock()
	a, ok := p.tokens[tok]
	p.mu.Unlock()
	if !ok || tok == h {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials"})
		return Account{}, false
	}
	return a, true
}

func (p *Provider) userinfo(w http.ResponseWriter, r *http.Request) {
	a, ok := p.bearer(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"sub": a.Subject, "email": a.Email, "email_verified": a.Verified, "name": a.Name, "picture": "https://example.com/p.png"})
}

func (p *Provider) githubUser(w http.ResponseWriter, r *http.Request) {
	a, ok := p.bearer(w, r)
	if !ok {
		return
	}
	var name any
	if a.Name != "" {
		name = a.Name
	}
	// GitHub shows the public e-mail here, often null: the verified one is
	// only in /user/emails.
	writeJSON(w, http.StatusOK, map[string]any{"id": json.Number(a.Subject), "login": a.Login, "name": name, "email": nil})
}

func (p *Provider) githubEmails(w http.ResponseWriter, r *http.Request) {
	a, ok := p.bearer(w, r)
	if !ok {
		return
	}
	list := append([]Email{}, a.Others...)
	if a.Email != "" {
		list = append(list, Email{Email: a.Email, Primary: true, Verified: a.Verified})
	}
	writeJSON(w, http.StatusOK, list)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func random() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
