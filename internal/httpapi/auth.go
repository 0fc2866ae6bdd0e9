package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

type registerRequest struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

type credentialsRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type refreshRequest struct {
	RefreshToken string `json:"refreshToken"`
}

type tokenRequest struct {
	Token string `json:"token"`
}

type codeRequest struct {
	Code string `json:"code"`
}

type deleteAccountRequest struct {
	Password string `json:"password,omitempty"`
}

type messageResponse struct {
	Message string `json:"message"`
}

type sessionResponse struct {
	Token        string          `json:"token"`
	RefreshToken string          `json:"refreshToken"`
	User         auth.PublicUser `json:"user"`
	// ExpiresIn is the access token's lifetime in seconds (new).
	ExpiresIn int `json:"expiresIn"`
}

type refreshResponse struct {
	Token        string `json:"token"`
	RefreshToken string `json:"refreshToken"`
	ExpiresIn    int    `json:"expiresIn"`
}

type meResponse struct {
	User auth.PublicUser `json:"user"`
}

// oauthStateCookie binds an OAuth state to the browser that started it.
const oauthStateCookie = "uh_oauth_state"

// registerAuth adds the accounts routes of the contract (/api/auth/...).
func (s *Server) registerAuth() {
	register, login, resend := ratelimit.PerMinute(5), ratelimit.PerMinute(10), ratelimit.PerMinute(3)
	const tag = "accounts"
	s.handle(fiber.MethodPost, "/api/auth/register", Op{Summary: "Create an account and send its verification e-mail.", Tag: tag, Request: registerRequest{}, Response: messageResponse{}, Status: fiber.StatusCreated, Limit: &register, Errors: []int{400, 415, 422}}, s.register)
	s.handle(fiber.MethodPost, "/api/auth/login", Op{Summary: "Sign in with e-mail and password (locked for 15 min after 5 failures in 15 min).", Tag: tag, Request: credentialsRequest{}, Response: sessionResponse{}, Limit: &login, Errors: []int{400, 403, 415, 422}}, s.login)
	s.handle(fiber.MethodPost, "/api/auth/refresh", Op{Summary: "Rotate a refresh token; reusing one revokes its session.", Tag: tag, Request: refreshRequest{}, Response: refreshResponse{}, Errors: []int{401, 415, 422}}, s.refresh)
	s.handle(fiber.MethodPost, "/api/auth/verify-email", Op{Summary: "Confirm the e-mail address with the token of the link, and sign in.", Tag: tag, Request: tokenRequest{}, Response: sessionResponse{}, Errors: []int{400, 415, 422}}, s.verifyEmail)
	s.handle(fiber.MethodPost, "/api/auth/resend-verification", Op{Summary: "Send a new verification e-mail (older links stop working).", Tag: tag, Request: credentialsRequest{}, Response: messageResponse{}, Limit: &resend, Errors: []int{400, 415, 422}}, s.resendVerification)
	s.handle(fiber.MethodGet, "/api/auth/me", Op{Summary: "The signed-in user.", Tag: tag, Auth: "bearer", Response: meResponse{}, Errors: []int{401}}, s.requireUser, s.me)
	s.handle(fiber.MethodPost, "/api/auth/logout", Op{Summary: "Sign this session out (its refresh and access tokens).", Tag: tag, Auth: "bearer", Response: messageResponse{}, Errors: []int{401}}, s.requireUser, s.logout)
	s.handle(fiber.MethodPost, "/api/auth/logout-all", Op{Summary: "Sign out everywhere: every token of the account stops working.", Tag: tag, Auth: "bearer", Response: messageResponse{}, Errors: []int{401}}, s.requireUser, s.logoutAll)
	s.handle(fiber.MethodGet, "/api/auth/export", Op{Summary: "All of the account's data as one JSON document.", Tag: tag, Auth: "bearer", Produces: fiber.MIMEApplicationJSON, Errors: []int{401}}, s.requireUser, s.export)
	exportForm := ratelimit.PerMinute(6)
	s.handle(fiber.MethodPost, "/api/auth/export", Op{Summary: "The same export as GET, for a browser form that saves it to disk: application/x-www-form-urlencoded body with access_token (at most 4 KB; the token never goes in the URL and no cookie is involved), answered as an attachment. A foreign Origin is refused.", Tag: tag, Produces: fiber.MIMEApplicationJSON, Limit: &exportForm, Errors: []int{401, 403, 413, 415, 429}}, s.exportForm)
	s.handle(fiber.MethodDelete, "/api/auth/account", Op{Summary: "Erase the account and everything it owns; needs the password or a sign-in within 10 minutes.", Tag: tag, Auth: "bearer", Request: deleteAccountRequest{}, Response: messageResponse{}, Errors: []int{400, 401, 403, 415}}, s.requireUser, s.deleteAccount)
	s.handle(fiber.MethodGet, "/api/auth/oauth/:provider", Op{Summary: "Start signing in with google or github: 302 to the provider (state + PKCE); an unconfigured provider 302s to the frontend's /oauth/callback#error=oauth_not_configured.", Tag: tag, Status: fiber.StatusFound, Errors: []int{404}}, s.oauthStart)
	s.handle(fiber.MethodGet, "/api/auth/oauth/:provider/callback", Op{Summary: "The provider's return: 302 to the frontend's /oauth/callback with #code=<one-time code> or #error=<reason>&provider=<name>.", Tag: tag, Status: fiber.StatusFound, Errors: []int{404}}, s.oauthCallback)
	s.handle(fiber.MethodPost, "/api/auth/oauth/exchange", Op{Summary: "Turn the one-time code of the OAuth return into tokens.", Tag: tag, Request: codeRequest{}, Response: sessionResponse{}, Errors: []int{400, 415, 422}}, s.oauthExchange)
	s.registerAccount()
}

func (s *Server) sessionJSON(c *fiber.Ctx, sess auth.Session) error {
	return c.JSON(sessionResponse{Token: sess.AccessToken, RefreshToken: sess.RefreshToken, User: sess.User, ExpiresIn: expiresIn(sess)})
}

func expiresIn(sess auth.Session) int {
	return int(time.Until(sess.ExpiresAt).Round(time.Second).Seconds())
}

func (s *Server) register(c *fiber.Ctx) error {
	var req registerRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.accounts.Register(c.UserContext(), auth.RegisterInput(req), auditMeta(c)); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(messageResponse{Message: "Account created. Check your e-mail for the link that confirms your address."})
}

func (s *Server) login(c *fiber.Ctx) error {
	var req credentialsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.accounts.Login(c.UserContext(), req.Email, req.Password, auditMeta(c))
	if err != nil {
		return err
	}
	return s.sessionJSON(c, sess)
}

func (s *Server) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.accounts.Refresh(c.UserContext(), req.RefreshToken, auditMeta(c))
	if err != nil {
		return err
	}
	return c.JSON(refreshResponse{Token: sess.AccessToken, RefreshToken: sess.RefreshToken, ExpiresIn: expiresIn(sess)})
}

func (s *Server) verifyEmail(c *fiber.Ctx) error {
	var req tokenRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.accounts.VerifyEmail(c.UserContext(), req.Token, auditMeta(c))
	if err != nil {
		return err
	}
	return s.sessionJSON(c, sess)
}

func (s *Server) resendVerification(c *fiber.Ctx) error {
	var req credentialsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.accounts.ResendVerification(c.UserContext(), req.Email, req.Password, auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "A new verification e-mail is on its way; earlier links no longer work."})
}

func (s *Server) me(c *fiber.Ctx) error {
	return c.JSON(meResponse{User: userFrom(c).User()})
}

func (s *Server) logout(c *fiber.Ctx) error {
	if err := s.accounts.Logout(c.UserContext(), userFrom(c), auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "Signed out."})
}

func (s *Server) logoutAll(c *fiber.Ctx) error {
	if err := s.accounts.LogoutAll(c.UserContext(), userFrom(c), auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "Signed out everywhere."})
}

// export streams the document: the account's own records are read first
// (an error there is a normal JSON error), then each section is written as
// it is read. A failure after the first byte aborts the response (see
// fiberHandler) so a client never takes a truncated export for a whole one.
func (s *Server) export(c *fiber.Ctx) error {
	doc, err := s.accounts.Export(c.UserContext(), userFrom(c), auditMeta(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="utopiahire-export.json"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	// The fiber context is reused once the handler returns: the writer
	// keeps only copies.
	ctx, rid := context.WithoutCancel(c.UserContext()), strings.Clone(requestID(c))
	pr, pw := io.Pipe()
	go func() {
		ctx, cancel := context.WithTimeout(ctx, exportTimeout)
		defer cancel()
		err := doc.Write(ctx, pw)
		switch {
		case errors.Is(err, io.ErrClosedPipe):
			s.logger.Info("export abandoned by the client", "request_id", rid)
		case err != nil:
			s.logger.Error("export failed mid-stream", "request_id", rid, "error", err)
		}
		// A nil error ends the stream; any other makes the reader fail.
		_ = pw.CloseWithError(err)
	}()
	return c.SendStream(pr)
}

// exportTimeout bounds the time one export may take to be written.
const exportTimeout = 10 * time.Minute

// maxExportForm bounds the export form's body: an access token and its name.
const maxExportForm = 4 << 10

// exportForm serves the web app's "download my data": the browser posts a
// form (so it writes the streamed answer to disk instead of holding it in
// page memory) with the access token in the body. The token authenticates
// like a bearer token; a post from another site's page is refused.
func (s *Server) exportForm(c *fiber.Ctx) error {
	if s.accounts == nil {
		return errAccountsOff
	}
	if !s.fromOwnPage(c) {
		return apperr.New(apperr.Forbidden, "forbidden_origin", "Download your data from the UtopiaHire web app.")
	}
	if err := requireMediaType(c, fiber.MIMEApplicationForm); err != nil {
		return err
	}
	if len(c.Body()) > maxExportForm {
		return apperr.New(apperr.TooLarge, "body_too_large", tooLargeMessage(maxExportForm))
	}
	p, err := s.accounts.Authenticate(c.UserContext(), strings.TrimSpace(c.FormValue("access_token")))
	if err != nil {
		return err
	}
	c.Locals(localPrincipal, p)
	return s.export(c)
}

// fromOwnPage reports whether a form post comes from this server's pages
// or the web app's origins. Browsers send Origin "null" on form posts from a
// page with Referrer-Policy no-referrer (ours), so Sec-Fetch-Site decides
// then; a post from another site's page is refused either way.
func (s *Server) fromOwnPage(c *fiber.Ctx) bool {
	o := c.Get(fiber.HeaderOrigin)
	if o != "" && o != "null" {
		return s.ownOrigin(c, o)
	}
	return c.Get("Sec-Fetch-Site") != "cross-site"
}

// ownOrigin reports whether origin is this server's or an allowed CORS
// origin (the web app's).
func (s *Server) ownOrigin(c *fiber.Ctx, origin string) bool {
	if strings.EqualFold(origin, c.BaseURL()) {
		return true
	}
	for _, o := range s.corsOrigins {
		if strings.EqualFold(origin, o) {
			return true
		}
	}
	return false
}

func (s *Server) deleteAccount(c *fiber.Ctx) error {
	var req deleteAccountRequest
	if len(bytes.TrimSpace(c.Body())) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
	}
	if err := s.accounts.DeleteAccount(c.UserContext(), userFrom(c), req.Password, auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "Your account and everything it held have been erased."})
}

func (s *Server) oauthStart(c *fiber.Ctx) error {
	start, err := s.accounts.StartOAuth(c.UserContext(), c.Params("provider"))
	if err != nil {
		return err
	}
	if start.State != "" {
		c.Cookie(&fiber.Cookie{
			Name: oauthStateCookie, Value: start.State, Path: "/api/auth/oauth",
			MaxAge: 600, HTTPOnly: true, Secure: s.secureCookies, SameSite: fiber.CookieSameSiteLaxMode,
		})
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Redirect(start.URL, fiber.StatusFound)
}

func (s *Server) oauthCallback(c *fiber.Ctx) error {
	in := auth.OAuthCallback{
		Provider:    c.Params("provider"),
		Code:        c.Query("code"),
		State:       c.Query("state"),
		CookieState: c.Cookies(oauthStateCookie),
		Error:       c.Query("error"),
	}
	to, err := s.accounts.FinishOAuth(c.UserContext(), in, auditMeta(c))
	if err != nil {
		return err
	}
	// The state is single-use: forget it in the browser too.
	c.Cookie(&fiber.Cookie{
		Name: oauthStateCookie, Value: "", Path: "/api/auth/oauth", MaxAge: -1,
		Expires: time.Unix(0, 0), HTTPOnly: true, Secure: s.secureCookies, SameSite: fiber.CookieSameSiteLaxMode,
	})
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	return c.Redirect(to, fiber.StatusFound)
}

func (s *Server) oauthExchange(c *fiber.Ctx) error {
	var req codeRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.accounts.ExchangeOAuthCode(c.UserContext(), req.Code, auditMeta(c))
	if err != nil {
		return err
	}
	return s.sessionJSON(c, sess)
}
