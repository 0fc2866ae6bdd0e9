package auth

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/oauth2"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
)

// OAuth providers.
const (
	ProviderGoogle = "google"
	ProviderGitHub = "github"
)

// ProviderConfig is one OAuth provider. Empty endpoints take the real
// provider's; tests point them at a local fake.
type ProviderConfig struct {
	Name         string // ProviderGoogle or ProviderGitHub
	ClientID     string
	ClientSecret string
	AuthURL      string
	TokenURL     string
	// UserInfoURL is Google's OpenID Connect userinfo endpoint, or GitHub's
	// API base (…/user and …/user/emails are read).
	UserInfoURL string
}

// Default endpoints of the real providers.
const (
	GoogleAuthURL     = "https://accounts.google.com/o/oauth2/v2/auth"
	GoogleTokenURL    = "https://oauth2.googleapis.com/token"
	GoogleUserInfoURL = "https://openidconnect.googleapis.com/v1/userinfo"
	GitHubAuthURL     = "https://github.com/login/oauth/authorize"
	GitHubTokenURL    = "https://github.com/login/oauth/access_token"
	GitHubAPIURL      = "https://api.github.com"
)

// providerUser is what a provider says about the signed-in account.
type providerUser struct {
	Subject  string
	Email    string
	Verified bool
	Name     string
}

type provider struct {
	name    string
	enabled bool
	oauth   oauth2.Config
	info    string
	fetch   func(ctx context.Context, c *http.Client, info string) (providerUser, error)
}

func newProvider(pc ProviderConfig, publicURL string) (*provider, error) {
	p := &provider{name: pc.Name, enabled: pc.ClientID != "" && pc.ClientSecret != ""}
	var auth, token string
	var scopes []string
	switch pc.Name {
	case ProviderGoogle:
		auth, token, p.info = GoogleAuthURL, GoogleTokenURL, GoogleUserInfoURL
		scopes, p.fetch = []string{"openid", "email", "profile"}, fetchGoogle
	case ProviderGitHub:
		auth, token, p.info = GitHubAuthURL, GitHubTokenURL, GitHubAPIURL
		scopes, p.fetch = []string{"read:user", "user:email"}, fetchGitHub
	default:
		return nil, fmt.Errorf("auth: unknown OAuth provider %q", pc.Name)
	}
	p.oauth = oauth2.Config{
		ClientID: pc.ClientID, ClientSecret: pc.ClientSecret, Scopes: scopes,
		RedirectURL: publicURL + "/api/auth/oauth/" + pc.Name + "/callback",
		Endpoint: oauth2.Endpoint{
			AuthURL: orDefault(pc.AuthURL, auth), TokenURL: orDefault(pc.TokenURL, token),
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}
	p.info = strings.TrimRight(orDefault(pc.UserInfoURL, p.info), "/")
	return p, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func (s *Service) provider(name string) (*provider, error) {
	p, ok := s.providers[name]
	if !ok {
		return nil, apperr.New(apperr.NotFound, "unknown_provider", "Unknown sign-in provider; use google or github.")
	}
	return p, nil
}

// failureURL is the frontend's OAuth return page with the reason sign-in
// failed (the web app shows it on its sign-in page).
func (s *Service) failureURL(reason, provider string) string {
	return s.cfg.FrontendURL + "/oauth/callback#error=" + reason + "&provider=" + provider
}

// providerNames are the providers' names as people know them.
var providerNames = map[string]string{ProviderGoogle: "Google", ProviderGitHub: "GitHub"}

// OAuthStart is where to send the browser, and the state to bind to it (in
// a cookie) so the callback can check it came back to the same browser.
// State is empty when the provider is not configured: URL then leads back
// to the frontend with the reason.
type OAuthStart struct {
	URL   string
	State string
}

// StartOAuth begins a sign-in with provider: a single-use state and a PKCE
// (S256) challenge whose verifier is derived from the state with a server
// key, so nothing secret is stored.
func (s *Service) StartOAuth(ctx context.Context, name string) (OAuthStart, error) {
	p, err := s.provider(name)
	if err != nil {
		return OAuthStart{}, err
	}
	if !p.enabled {
		// A browser followed a sign-in button: send it back to sign in with
		// a reason it can show, not a JSON error page. Not an error of ours.
		s.logger.Info("oauth sign-in asked for an unconfigured provider", "provider", name)
		return OAuthStart{URL: s.failureURL("oauth_not_configured", name)}, nil
	}
	state := newOpaque()
	if err := s.store.AddOAuthState(ctx, s.hasher.Hash(kindOAuthState, state), name, s.cfg.Now().Add(s.cfg.OAuthStateTTL)); err != nil {
		return OAuthStart{}, fmt.Errorf("store oauth state: %w", err)
	}
	u := p.oauth.AuthCodeURL(state, oauth2.S256ChallengeOption(s.hasher.derive(kindPKCE, state)))
	return OAuthStart{URL: u, State: state}, nil
}

// OAuthCallback is the provider's redirect back, with the state cookie.
type OAuthCallback struct {
	Provider    string
	Code        string
	State       string
	CookieState string
	// Error is the provider's error parameter (the user refused, ...).
	Error string
}

// FinishOAuth completes a sign-in: it checks the state, exchanges the code
// (with the PKCE verifier), reads the provider's verified e-mail, links the
// identity to the account with that address or creates one, and returns
// the frontend URL to redirect to, carrying a one-time code in its fragment
// (#code=…) for ExchangeOAuthCode, or #error=<code> when sign-in failed.
// Only an unknown provider is returned as an error.
func (s *Service) FinishOAuth(ctx context.Context, in OAuthCallback, meta audit.Meta) (string, error) {
	p, err := s.provider(in.Provider)
	if err != nil {
		return "", err
	}
	if !p.enabled {
		return s.failureURL("oauth_not_configured", p.name), nil
	}
	code, reason, err := s.finishOAuth(ctx, p, in, meta)
	if reason != "" {
		if err != nil {
			s.logger.Warn("oauth sign-in failed", "provider", p.name, "reason", reason, "request_id", meta.RequestID, "err", err)
		}
		return s.failureURL(reason, p.name), nil
	}
	return s.cfg.FrontendURL + "/oauth/callback#code=" + code, nil
}

// finishOAuth returns the one-time code, or the reason it failed.
func (s *Service) finishOAuth(ctx context.Context, p *provider, in OAuthCallback, meta audit.Meta) (string, string, error) {
	if in.Error != "" {
		return "", "provider_refused", nil
	}
	if in.State == "" || len(in.State) > maxOpaqueLen || subtle.ConstantTimeCompare([]byte(in.State), []byte(in.CookieState)) != 1 {
		return "", "invalid_state", nil
	}
	name, err := s.store.ConsumeOAuthState(ctx, s.hasher.Hash(kindOAuthState, in.State))
	if errors.Is(err, ErrNotFound) || err == nil && name != p.name {
		return "", "invalid_state", nil
	}
	if err != nil {
		return "", "server_error", err
	}
	if in.Code == "" || len(in.Code) > 2048 {
		return "", "missing_code", nil
	}
	hctx := context.WithValue(ctx, oauth2.HTTPClient, s.cfg.HTTPClient)
	tok, err := p.oauth.Exchange(hctx, in.Code, oauth2.VerifierOption(s.hasher.derive(kindPKCE, in.State)))
	if err != nil {
		return "", "exchange_failed", err
	}
	pu, err := p.fetch(ctx, p.oauth.Client(hctx, tok), p.info)
	if err != nil {
		return "", "profile_failed", err
	}
	if !pu.Verified || pu.Email == "" {
		return "", "email_not_verified", nil
	}
	email, msg := NormalizeEmail(pu.Email)
	if msg != "" {
		return "", "email_unusable", nil
	}
	pu.Email = email
	code := newOpaque()
	var claimed Revocation
	err = s.store.InTx(ctx, func(tx Tx) error {
		u, revoked, err := s.oauthUser(ctx, tx, p.name, pu, meta)
		if err != nil {
			return err
		}
		claimed = revoked
		if err := tx.AddOAuthCode(ctx, s.hasher.Hash(kindOAuthCode, code), u.ID, p.name, s.cfg.Now().Add(s.cfg.OAuthCodeTTL)); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.OAuthLogin, UserID: u.ID, Meta: meta, Details: map[string]any{"provider": p.name}})
	})
	if err != nil {
		return "", "server_error", err
	}
	s.revoked(ctx, claimed)
	return code, "", nil
}

// oauthUser finds the user of a provider identity, or links it to the
// account with the same address, or creates that account. The revocation
// is what claiming an unverified address signed out (to announce once the
// transaction commits).
func (s *Service) oauthUser(ctx context.Context, tx Tx, prov string, pu providerUser, meta audit.Meta) (User, Revocation, error) {
	var claimed Revocation
	uid, err := tx.IdentityUser(ctx, prov, pu.Subject)
	if err == nil {
		u, err := tx.UserByID(ctx, uid)
		return u, claimed, err
	}
	if !errors.Is(err, ErrNotFound) {
		return User{}, claimed, err
	}
	u, err := tx.UserByEmail(ctx, pu.Email)
	switch {
	case err == nil:
		if u, err = tx.LockUser(ctx, u.ID); err != nil {
			return User{}, claimed, err
		}
		if !u.EmailVerified {
			// Whoever registered this address never proved it; the provider
			// just did. Drop the unproven password and its sessions, so a
			// squatter who pre-registered the victim's address loses access.
			if err := s.claimUnverified(ctx, tx, u.ID); err != nil {
				return User{}, claimed, err
			}
			claimed = Revocation{UserID: u.ID, All: true, Reason: ReasonOAuthClaimed}
		}
		if err := tx.Audit(ctx, audit.Entry{Event: audit.OAuthLinked, UserID: u.ID, Meta: meta, Details: map[string]any{"provider": prov, "was_verified": u.EmailVerified}}); err != nil {
			return User{}, claimed, err
		}
		if err := s.mailLinked(ctx, tx, u, prov, pu.Email); err != nil {
			return User{}, claimed, err
		}
	case errors.Is(err, ErrNotFound):
		name, msg := cleanName(pu.Name)
		if msg != "" {
			name = truncateRunes(strings.TrimSpace(pu.Email[:strings.IndexByte(pu.Email, '@')]), MaxNameLen)
		}
		if u, err = tx.CreateUser(ctx, NewUser{Name: name, Email: pu.Email, EmailVerified: true}); err != nil {
			return User{}, claimed, err
		}
		if err := tx.Audit(ctx, audit.Entry{Event: audit.Register, UserID: u.ID, Meta: meta, Details: map[string]any{"method": "oauth", "provider": prov}}); err != nil {
			return User{}, claimed, err
		}
	default:
		return User{}, claimed, err
	}
	if err := tx.LinkIdentity(ctx, ProviderIdentity{Provider: prov, Subject: pu.Subject, UserID: u.ID, Email: pu.Email}); err != nil {
		return User{}, claimed, err
	}
	u, err = tx.UserByID(ctx, u.ID)
	return u, claimed, err
}

// mailLinked tells the owner of an existing account that a provider
// account now signs in to it, in tx: a link nobody asked for must not go
// unnoticed.
func (s *Service) mailLinked(ctx context.Context, tx Tx, u User, prov, providerEmail string) error {
	msg, err := s.cfg.Templates.Render("oauth_linked", u.Email, map[string]any{
		"Name":          u.Name,
		"Provider":      providerNames[prov],
		"ProviderEmail": providerEmail,
		"When":          s.cfg.Now().UTC().Format("2 January 2006 at 15:04 UTC"),
		"AccountLink":   s.cfg.FrontendURL + "/#/account",
	})
	if err != nil {
		return err
	}
	msg.UserID = u.ID
	return s.cfg.Mailer.EnqueueTx(ctx, tx.Pgx(), msg)
}

func (s *Service) claimUnverified(ctx context.Context, tx Tx, userID string) error {
	if err := tx.SetPasswordHash(ctx, userID, ""); err != nil {
		return err
	}
	if err := tx.SetEmailVerified(ctx, userID); err != nil {
		return err
	}
	if err := tx.DeleteUnusedVerifications(ctx, userID); err != nil {
		return err
	}
	if _, err := tx.BumpTokenVersion(ctx, userID); err != nil {
		return err
	}
	return tx.RevokeUserSessions(ctx, userID, ReasonOAuthClaimed)
}

// ExchangeOAuthCode turns the one-time code of FinishOAuth into a session.
func (s *Service) ExchangeOAuthCode(ctx context.Context, code string, meta audit.Meta) (Session, error) {
	if code == "" {
		return Session{}, fieldErrors{"code": "is required"}.err()
	}
	invalid := apperr.New(apperr.Invalid, "invalid_oauth_code", "This sign-in code is invalid, used or expired; sign in again.")
	if len(code) > maxOpaqueLen {
		return Session{}, invalid
	}
	var sess Session
	err := s.store.InTx(ctx, func(tx Tx) error {
		uid, prov, err := tx.ConsumeOAuthCode(ctx, s.hasher.Hash(kindOAuthCode, code))
		if err != nil {
			return err
		}
		u, err := tx.UserByID(ctx, uid)
		if err != nil {
			return err
		}
		sess, err = s.startSession(ctx, tx, u, "oauth:"+prov, meta)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return Session{}, invalid
	}
	if err != nil {
		return Session{}, fmt.Errorf("exchange oauth code: %w", err)
	}
	return sess, nil
}

// maxProviderBody bounds a provider's JSON answer.
const maxProviderBody = 1 << 20

func getJSON(ctx context.Context, c *http.Client, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %d", redactURL(u), resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxProviderBody)).Decode(v); err != nil {
		return fmt.Errorf("GET %s: %w", redactURL(u), err)
	}
	return nil
}

func redactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "provider"
	}
	p.RawQuery, p.User = "", nil
	return p.String()
}

// flexBool reads a JSON boolean that some providers send as a string.
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	s := strings.Trim(string(data), `"`)
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("not a boolean: %s", data)
	}
	*b = flexBool(v)
	return nil
}

func fetchGoogle(ctx context.Context, c *http.Client, info string) (providerUser, error) {
	var v struct {
		Sub           string   `json:"sub"`
		Email         string   `json:"email"`
		EmailVerified flexBool `json:"email_verified"`
		Name          string   `json:"name"`
	}
	if err := getJSON(ctx, c, info, &v); err != nil {
		return providerUser{}, err
	}
	if v.Sub == "" || len(v.Sub) > 255 {
		return providerUser{}, errors.New("google userinfo without a valid sub")
	}
	return providerUser{Subject: v.Sub, Email: v.Email, Verified: bool(v.EmailVerified), Name: v.Name}, nil
}

func fetchGitHub(ctx context.Context, c *http.Client, api string) (providerUser, error) {
	var user struct {
		ID    int64  `json:"id"`
		Login string `json:"login"`
		Name  string `json:"name"`
	}
	if err := getJSON(ctx, c, api+"/user", &user); err != nil {
		return providerUser{}, err
	}
	if user.ID <= 0 {
		return providerUser{}, errors.New("github user without an id")
	}
	var emails []struct {
		Email    string `json:"email"`
		Primary  bool   `json:"primary"`
		Verified bool   `json:"verified"`
	}
	if err := getJSON(ctx, c, api+"/user/emails", &emails); err != nil {
		return providerUser{}, err
	}
	pu := providerUser{Subject: strconv.FormatInt(user.ID, 10), Name: orDefault(user.Name, user.Login)}
	// Only the primary address, and only when GitHub has verified it.
	for _, e := range emails {
		if e.Primary {
			pu.Email, pu.Verified = e.Email, e.Verified
		}
	}
	return pu, nil
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
