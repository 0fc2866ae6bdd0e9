package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/audit"
)

// JobInserter inserts River jobs in a transaction; *river.Client[pgx.Tx] is one.
type JobInserter interface {
	InsertTx(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
}

// PasswordResetArgs is the job that mails a reset link. ForgotPassword
// queues one for every well-formed request, with UserID empty when no
// account has the address, so the request costs the same either way and
// its timing does not tell whether the address has an account.
type PasswordResetArgs struct {
	UserID    string `json:"user_id"`
	IP        string `json:"ip,omitempty"`
	UserAgent string `json:"user_agent,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// Kind implements river.JobArgs.
func (PasswordResetArgs) Kind() string { return "accounts.password_reset" }

// InsertOpts implements river.JobArgsWithInsertOpts: a few attempts, then
// the user asks again.
func (PasswordResetArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{MaxAttempts: 5} }

// ForgotPassword queues a reset link for the account with this address, if
// there is one. It answers the same whether or not there is; a malformed
// address is refused.
func (s *Service) ForgotPassword(ctx context.Context, rawEmail string, meta audit.Meta) error {
	email, msg := NormalizeEmail(rawEmail)
	if msg != "" {
		return fieldErrors{"email": msg}.err()
	}
	if s.cfg.Jobs == nil {
		return apperr.New(apperr.Unavailable, "password_reset_unavailable", "Password reset is not available on this server.")
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("forgot password: %w", err)
	}
	m := meta.Clean()
	args := PasswordResetArgs{UserID: u.ID, IP: m.IP, UserAgent: m.UserAgent, RequestID: m.RequestID}
	err = s.store.InTx(ctx, func(tx Tx) error {
		_, err := s.cfg.Jobs.InsertTx(ctx, tx.Pgx(), args, nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("queue password reset: %w", err)
	}
	return nil
}

// PasswordResetWorker runs PasswordResetArgs jobs with the Service's
// SendPasswordReset.
type PasswordResetWorker struct {
	river.WorkerDefaults[PasswordResetArgs]
	svc *Service
}

// NewPasswordResetWorker returns the worker of PasswordResetArgs jobs.
// Service.Attach connects it to the service once both exist (River needs its
// workers before the service that queues jobs can be built).
func NewPasswordResetWorker() *PasswordResetWorker { return &PasswordResetWorker{} }

// Attach gives w the service whose reset links it sends.
func (s *Service) Attach(w *PasswordResetWorker) { w.svc = s }

// Work implements river.Worker.
func (w *PasswordResetWorker) Work(ctx context.Context, job *river.Job[PasswordResetArgs]) error {
	if w.svc == nil {
		return errors.New("password reset worker: service not attached yet")
	}
	return w.svc.SendPasswordReset(ctx, job.Args)
}

// SendPasswordReset is the job's work: it makes a reset token and mails its
// link, unless the account already got MaxResetsPerHour links in the last
// hour (the request then ends silently: the answer was sent long ago, and
// it must not differ from an unknown address's).
func (s *Service) SendPasswordReset(ctx context.Context, args PasswordResetArgs) error {
	if args.UserID == "" {
		return nil
	}
	meta := audit.Meta{IP: args.IP, UserAgent: args.UserAgent, RequestID: args.RequestID}
	err := s.store.InTx(ctx, func(tx Tx) error {
		// Locked: concurrent requests for one account count one after the other.
		u, err := tx.LockUser(ctx, args.UserID)
		if err != nil {
			return err
		}
		n, err := tx.CountPasswordResets(ctx, u.ID, s.cfg.Now().Add(-time.Hour))
		if err != nil {
			return err
		}
		if n >= s.cfg.MaxResetsPerHour {
			return tx.Audit(ctx, audit.Entry{Event: audit.PasswordResetThrottled, UserID: u.ID, Meta: meta})
		}
		token := newOpaque()
		if err := tx.AddPasswordReset(ctx, u.ID, s.hasher.Hash(kindPasswordReset, token), s.cfg.Now().Add(s.cfg.ResetTTL)); err != nil {
			return err
		}
		msg, err := s.cfg.Templates.Render("password_reset", u.Email, map[string]any{
			"Name": u.Name,
			// A fragment, as for verification: never in a server log or Referer.
			"Link":      s.cfg.FrontendURL + "/reset-password#token=" + token,
			"ExpiresIn": humanDuration(s.cfg.ResetTTL),
		})
		if err != nil {
			return err
		}
		msg.UserID = u.ID
		if err := s.cfg.Mailer.EnqueueTx(ctx, tx.Pgx(), msg); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.PasswordResetRequested, UserID: u.ID, Meta: meta})
	})
	if errors.Is(err, ErrNotFound) {
		return nil // the account was deleted meanwhile
	}
	if err != nil {
		return fmt.Errorf("send password reset: %w", err)
	}
	return nil
}

// ResetPassword sets a new password with the token of a reset link. The
// link proves the address, so the address counts as verified and its
// sign-in lock is lifted; every session and token of the account is
// revoked, and the owner is told by mail.
func (s *Service) ResetPassword(ctx context.Context, token, newPassword string, meta audit.Meta) error {
	fe := fieldErrors{}
	if token == "" {
		fe.add("token", "is required")
	}
	if newPassword == "" {
		fe.add("new_password", "is required")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if len(token) > maxOpaqueLen {
		return errResetInvalid
	}
	// Checked before the token is spent: a weak password leaves the link usable.
	if err := checkNewPassword(newPassword); err != nil {
		return err
	}
	hash, err := s.passwords.Hash(newPassword)
	if err != nil {
		return err
	}
	var uid string
	err = s.store.InTx(ctx, func(tx Tx) error {
		if uid, err = tx.ConsumePasswordReset(ctx, s.hasher.Hash(kindPasswordReset, token)); err != nil {
			return err
		}
		u, err := tx.LockUser(ctx, uid)
		if err != nil {
			return err
		}
		if err := s.replacePassword(ctx, tx, u, hash, "", ReasonPasswordReset); err != nil {
			return err
		}
		if err := tx.SetEmailVerified(ctx, u.ID); err != nil {
			return err
		}
		if err := tx.UnlockLogin(ctx, u.Email); err != nil {
			return err
		}
		if err := s.mailPasswordChanged(ctx, tx, u, meta); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.PasswordReset, UserID: u.ID, Meta: meta})
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return errResetInvalid
	case errors.Is(err, ErrAlreadyUsed):
		return apperr.New(apperr.Invalid, "reset_token_used", "This reset link has already been used. Ask for a new one if you need to.")
	case errors.Is(err, ErrPastExpiry):
		return apperr.New(apperr.Invalid, "reset_token_expired", "This reset link has expired or was replaced by a newer one; ask for a new one.")
	case err != nil:
		return fmt.Errorf("reset password: %w", err)
	}
	s.revoked(ctx, Revocation{UserID: uid, All: true, Reason: ReasonPasswordReset})
	return nil
}

var errResetInvalid = apperr.New(apperr.Invalid, "invalid_reset_token", "This reset link is invalid; ask for a new one.")

// ChangePassword replaces the password of the signed-in user, who proves it
// with the current one (counted by the sign-in lockout). Every other
// session is revoked and every earlier token stops working; the caller's
// session goes on with the tokens returned.
func (s *Service) ChangePassword(ctx context.Context, p Principal, current, next string, meta audit.Meta) (Session, error) {
	fe := fieldErrors{}
	if current == "" {
		fe.add("current_password", "is required")
	}
	if next == "" {
		fe.add("new_password", "is required")
	}
	if err := fe.err(); err != nil {
		return Session{}, err
	}
	u, err := s.store.UserByID(ctx, p.UserID)
	if errors.Is(err, ErrNotFound) {
		return Session{}, apperr.New(apperr.Unauthorized, "invalid_token", "The account no longer exists.")
	}
	if err != nil {
		return Session{}, fmt.Errorf("change password: %w", err)
	}
	if u.PasswordHash == "" {
		return Session{}, apperr.New(apperr.Invalid, "no_password",
			"This account signs in with Google or GitHub and has no password yet; use \"Forgot password\" to set one by e-mail.")
	}
	if err := s.checkCurrentPassword(ctx, u, current, meta); err != nil {
		return Session{}, err
	}
	if err := checkNewPassword(next); err != nil {
		return Session{}, err
	}
	if current == next {
		return Session{}, apperr.New(apperr.Validation, "password_unchanged", "The new password must differ from the current one.").
			With("fields", map[string]string{"new_password": "must differ from the current password"})
	}
	hash, err := s.passwords.Hash(next)
	if err != nil {
		return Session{}, err
	}
	var sess Session
	err = s.store.InTx(ctx, func(tx Tx) error {
		locked, err := tx.LockUser(ctx, u.ID)
		if err != nil {
			return err
		}
		if locked.PasswordHash != u.PasswordHash {
			return errPasswordRaced
		}
		if err := s.replacePassword(ctx, tx, locked, hash, p.SessionID, ReasonPasswordChange); err != nil {
			return err
		}
		fresh, err := tx.UserByID(ctx, u.ID)
		if err != nil {
			return err
		}
		now := s.cfg.Now()
		if p.SessionID == "" {
			sess, err = s.startSession(ctx, tx, fresh, "password", meta)
		} else if err = tx.RenewSession(ctx, p.SessionID, now); err == nil {
			sess, err = s.rotate(ctx, tx, fresh, p.SessionID, now)
		}
		if err != nil {
			return err
		}
		if err := s.mailPasswordChanged(ctx, tx, fresh, meta); err != nil {
			return err
		}
		return tx.Audit(ctx, audit.Entry{Event: audit.PasswordChanged, UserID: u.ID, Meta: meta})
	})
	if err != nil {
		if errors.Is(err, errPasswordRaced) {
			return Session{}, err
		}
		return Session{}, fmt.Errorf("change password: %w", err)
	}
	// Every token issued before carries the old token version: the caller's
	// own connections must come back with the tokens returned here.
	s.revoked(ctx, Revocation{UserID: u.ID, All: true, Reason: ReasonPasswordChange})
	return sess, nil
}

var errPasswordRaced = apperr.New(apperr.Conflict, "password_changed_meanwhile", "The password was changed by another request meanwhile; sign in again with the new one.")

// checkCurrentPassword checks the password of a signed-in user under the
// sign-in lockout, so it cannot be used to guess at leisure.
func (s *Service) checkCurrentPassword(ctx context.Context, u User, password string, meta audit.Meta) error {
	att, err := s.store.CountLoginAttempt(ctx, u.Email, s.cfg.Throttle)
	if err != nil {
		return fmt.Errorf("count login attempt: %w", err)
	}
	if !att.Allowed {
		if att.JustLocked {
			s.audit(ctx, audit.Entry{Event: audit.Lockout, UserID: u.ID, Meta: meta})
		}
		e := apperr.New(apperr.Locked, "account_locked", "Too many wrong passwords for this account; try again later.")
		e.RetryAfter = att.RetryAfter
		return e
	}
	if ok, _ := s.passwords.Check(u.PasswordHash, password); !ok {
		s.audit(ctx, audit.Entry{Event: audit.LoginFailure, UserID: u.ID, Meta: meta, Details: map[string]any{"during": "password_change"}})
		return apperr.New(apperr.Invalid, "wrong_password", "The current password is incorrect.").
			With("fields", map[string]string{"current_password": "is incorrect"})
	}
	if err := s.store.ClearLoginFailures(ctx, u.Email); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

// replacePassword stores the new hash, moves the token version on (every
// access token dies), revokes every session but keep and voids pending
// reset links, in tx.
func (s *Service) replacePassword(ctx context.Context, tx Tx, u User, hash, keep, reason string) error {
	if err := tx.SetPasswordHash(ctx, u.ID, hash); err != nil {
		return err
	}
	if _, err := tx.BumpTokenVersion(ctx, u.ID); err != nil {
		return err
	}
	if err := tx.RevokeOtherSessions(ctx, u.ID, keep, reason); err != nil {
		return err
	}
	return tx.ExpirePasswordResets(ctx, u.ID)
}

// mailPasswordChanged tells the owner their password changed, in tx, so
// that a change they did not make does not go unnoticed.
func (s *Service) mailPasswordChanged(ctx context.Context, tx Tx, u User, meta audit.Meta) error {
	msg, err := s.cfg.Templates.Render("password_changed", u.Email, map[string]any{
		"Name":      u.Name,
		"When":      s.cfg.Now().UTC().Format("2 January 2006 at 15:04 UTC"),
		"ResetLink": s.cfg.FrontendURL + "/#/forgot-password",
	})
	if err != nil {
		return err
	}
	msg.UserID = u.ID
	return s.cfg.Mailer.EnqueueTx(ctx, tx.Pgx(), msg)
}

// checkNewPassword applies the password policy, naming the new_password field.
func checkNewPassword(pw string) error {
	err := CheckPasswordPolicy(pw)
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.With("fields", map[string]string{"new_password": ae.Message})
	}
	return err
}
