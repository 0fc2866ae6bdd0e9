package httpapi

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

type forgotPasswordRequest struct {
	Email string `json:"email"`
}

type resetPasswordRequest struct {
	Token       string `json:"token"`
	NewPassword string `json:"new_password"`
}

type renameRequest struct {
	Name string `json:"name"`
}

type changePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// forgotPasswordAnswer is the one answer to a well-formed forgot-password
// request, whether or not the address has an account.
const forgotPasswordAnswer = "If an account uses this address, a link to choose a new password is on its way. It works once, for 30 minutes; at most 3 links are sent per hour."

// registerAccount adds the account-management routes (password reset and
// change, sessions, sign-in methods, the account page's profile).
func (s *Server) registerAccount() {
	const tag = "accounts"
	// Per client IP; each address also gets at most 3 links an hour, silently.
	forgot := ratelimit.Limit{Rate: 5, Burst: 5, Period: 15 * time.Minute}
	reset := ratelimit.PerMinute(20)
	change := ratelimit.PerMinute(20)
	s.handle(fiber.MethodPost, "/api/auth/password/forgot", Op{Summary: "Mail a single-use link (30 min) to choose a new password; the same 202 whether or not the address has an account.", Tag: tag, Request: forgotPasswordRequest{}, Response: messageResponse{}, Status: fiber.StatusAccepted, Limit: &forgot, Errors: []int{400, 415, 422, 429}}, s.forgotPassword)
	s.handle(fiber.MethodPost, "/api/auth/password/reset", Op{Summary: "Set a new password with the token of a reset link; signs the account out everywhere.", Tag: tag, Request: resetPasswordRequest{}, Response: messageResponse{}, Limit: &reset, Errors: []int{400, 415, 422, 429}}, s.resetPassword)
	s.handle(fiber.MethodPost, "/api/auth/password/change", Op{Summary: "Change the password (the current one required); returns new tokens for this session and signs out the others.", Tag: tag, Auth: "bearer", Request: changePasswordRequest{}, Response: refreshResponse{}, Limit: &change, Errors: []int{400, 401, 409, 415, 422, 429}}, s.requireUser, s.changePassword)
	s.handle(fiber.MethodGet, "/api/auth/sessions", Op{Summary: "The account's signed-in sessions, most recently seen first: [{id, created_at, last_seen_at, user_agent, method, current}].", Tag: tag, Auth: "bearer", Response: []auth.SessionView{}, Errors: []int{401}}, s.requireUser, s.listSessions)
	s.handle(fiber.MethodDelete, "/api/auth/sessions/:id", Op{Summary: "Sign one of the account's sessions out.", Tag: tag, Auth: "bearer", Response: messageResponse{}, Errors: []int{401, 404}}, s.requireUser, s.revokeSession)
	s.handle(fiber.MethodGet, "/api/auth/methods", Op{Summary: "The sign-in methods this server offers.", Tag: tag, Response: auth.Methods{}}, s.methods)
	profile := ratelimit.PerMinute(20)
	s.handle(fiber.MethodPatch, "/api/auth/account", Op{Summary: "Change the account's display name (1–100 characters, no control characters); returns the profile.", Tag: tag, Auth: "bearer", Request: renameRequest{}, Response: auth.AccountView{}, Limit: &profile, Errors: []int{400, 401, 415, 422, 429}}, s.requireUser, s.rename)
	s.handle(fiber.MethodDelete, "/api/auth/identities/:provider", Op{Summary: "Unlink the google or github sign-in; the last way to sign in (no password, no other provider) is kept with 409 last_sign_in_method. Returns the profile.", Tag: tag, Auth: "bearer", Response: auth.AccountView{}, Limit: &profile, Errors: []int{401, 404, 409, 429}}, s.requireUser, s.unlink)
	s.handle(fiber.MethodGet, "/api/auth/account", Op{Summary: "The account page's profile: user, e-mail verification, whether a password is set, linked Google/GitHub sign-ins.", Tag: tag, Auth: "bearer", Response: auth.AccountView{}, Errors: []int{401}}, s.requireUser, s.account)
}

func (s *Server) forgotPassword(c *fiber.Ctx) error {
	var req forgotPasswordRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.accounts.ForgotPassword(c.UserContext(), req.Email, auditMeta(c)); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(messageResponse{Message: forgotPasswordAnswer})
}

func (s *Server) resetPassword(c *fiber.Ctx) error {
	var req resetPasswordRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.accounts.ResetPassword(c.UserContext(), req.Token, req.NewPassword, auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "Your password has been changed and every session signed out; sign in with the new password."})
}

func (s *Server) changePassword(c *fiber.Ctx) error {
	var req changePasswordRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	sess, err := s.accounts.ChangePassword(c.UserContext(), userFrom(c), req.CurrentPassword, req.NewPassword, auditMeta(c))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(refreshResponse{Token: sess.AccessToken, RefreshToken: sess.RefreshToken, ExpiresIn: expiresIn(sess)})
}

func (s *Server) listSessions(c *fiber.Ctx) error {
	list, err := s.accounts.ListSessions(c.UserContext(), userFrom(c))
	if err != nil {
		return err
	}
	return c.JSON(list)
}

func (s *Server) revokeSession(c *fiber.Ctx) error {
	if err := s.accounts.RevokeSession(c.UserContext(), userFrom(c), c.Params("id"), auditMeta(c)); err != nil {
		return err
	}
	return c.JSON(messageResponse{Message: "The session has been signed out."})
}

func (s *Server) methods(c *fiber.Ctx) error {
	return c.JSON(s.accounts.Methods())
}

func (s *Server) account(c *fiber.Ctx) error {
	v, err := s.accounts.Account(c.UserContext(), userFrom(c))
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (s *Server) rename(c *fiber.Ctx) error {
	var req renameRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	v, err := s.accounts.Rename(c.UserContext(), userFrom(c), req.Name, auditMeta(c))
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (s *Server) unlink(c *fiber.Ctx) error {
	v, err := s.accounts.Unlink(c.UserContext(), userFrom(c), strings.Clone(c.Params("provider")), auditMeta(c))
	if err != nil {
		return err
	}
	return c.JSON(v)
}
