// Package audit is the vocabulary of the security audit log: which events
// are recorded, and what each entry holds. Entries never carry passwords or
// tokens; the request metadata (IP, user agent, request id) is the only
// personal data besides the user id, and it is scrubbed when the account is
// deleted. internal/store writes and reads the audit_log table.
package audit

import (
	"net/netip"
	"strings"
	"time"
	"unicode/utf8"
)

// Event names one kind of security event.
type Event string

// The events the accounts area records. Other areas may add their own
// (snake_case, past tense or noun).
const (
	Register           Event = "register"
	LoginSuccess       Event = "login_success"
	LoginFailure       Event = "login_failure"
	Lockout            Event = "lockout"
	EmailVerified      Event = "email_verified"
	VerificationResent Event = "verification_resent"
	RefreshReuse       Event = "refresh_reuse"
	Logout             Event = "logout"
	LogoutAll          Event = "logout_all"
	OAuthLogin         Event = "oauth_login"
	OAuthLinked        Event = "oauth_linked"
	Export             Event = "export"
	AccountDeleted     Event = "account_deleted"

	PasswordResetRequested Event = "password_reset_requested"
	PasswordResetThrottled Event = "password_reset_throttled"
	PasswordReset          Event = "password_reset"
	PasswordChanged        Event = "password_changed"
	SessionRevoked         Event = "session_revoked"
	NameChanged            Event = "name_changed"
	OAuthUnlinked          Event = "oauth_unlinked"
)

// Meta is what is known of the request that caused an event.
type Meta struct {
	IP        string
	UserAgent string
	RequestID string
}

// Entry is one event to record. UserID is empty when no account is known
// (a failed sign-in with an unknown address, a deleted account).
type Entry struct {
	Event   Event
	UserID  string
	Meta    Meta
	Details map[string]any
}

// Record is an entry as stored.
type Record struct {
	ID        int64          `json:"id"`
	At        time.Time      `json:"at"`
	Event     Event          `json:"event"`
	IP        string         `json:"ip,omitempty"`
	UserAgent string         `json:"user_agent,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
	Details   map[string]any `json:"details,omitempty"`
}

// MaxUserAgent is how much of a user agent is kept.
const MaxUserAgent = 512

// Clean returns m fit for storage: a parseable IP or none, the user agent
// cut to MaxUserAgent bytes of valid UTF-8 without control characters.
func (m Meta) Clean() Meta {
	out := Meta{RequestID: m.RequestID}
	if len(out.RequestID) > 64 {
		out.RequestID = out.RequestID[:64]
	}
	if addr, err := netip.ParseAddr(m.IP); err == nil {
		out.IP = addr.Unmap().String()
	}
	ua := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, m.UserAgent)
	for len(ua) > MaxUserAgent {
		_, size := utf8.DecodeLastRuneInString(ua)
		ua = ua[:len(ua)-size]
	}
	out.UserAgent = ua
	return out
}
