package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Sender delivers one composed message.
type Sender interface {
	Send(ctx context.Context, msg Message) error
}

// SMTPSender delivers over SMTP. SMTP_URL forms:
//
//	smtps://user:pass@host:465          implicit TLS
//	smtp://user:pass@host:587           STARTTLS, required
//	smtp://127.0.0.1:1025               plain, allowed on loopback only
//	smtp://host:25?tls=none             plain, explicitly (not with credentials)
//
// Credentials, when present, are sent with SASL PLAIN, only over TLS or loopback.
type SMTPSender struct {
	addr     string
	host     string
	mode     tlsMode
	user     string
	password string
	from     *mail.Address
	// TLSConfig overrides the TLS settings (tests trust their own CA).
	TLSConfig *tls.Config
	// Timeout bounds one delivery. Default 30s.
	Timeout time.Duration
	now     func() time.Time
}

type tlsMode int

const (
	tlsImplicit tlsMode = iota
	tlsStartTLS
	tlsNone
)

var _ Sender = (*SMTPSender)(nil)

// NewSMTPSender parses rawURL (SMTP_URL) and the sender address (MAIL_FROM).
func NewSMTPSender(rawURL, from string) (*SMTPSender, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, errors.New("SMTP_URL is not a valid URL")
	}
	fromAddr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("MAIL_FROM: %w", err)
	}
	s := &SMTPSender{host: u.Hostname(), from: fromAddr, Timeout: 30 * time.Second, now: time.Now}
	port := u.Port()
	loopback := isLoopback(s.host)
	switch {
	case u.Scheme == "smtps":
		s.mode, port = tlsImplicit, orDefault(port, "465")
	case u.Query().Get("tls") == "none" || loopback:
		s.mode, port = tlsNone, orDefault(port, "25")
	default:
		s.mode, port = tlsStartTLS, orDefault(port, "587")
	}
	if u.User != nil {
		s.user = u.User.Username()
		s.password, _ = u.User.Password()
		if s.mode == tlsNone && !loopback {
			return nil, errors.New("SMTP_URL: refusing to send credentials without TLS (drop tls=none)")
		}
	}
	if s.host == "" {
		return nil, errors.New("SMTP_URL has no host")
	}
	s.addr = net.JoinHostPort(s.host, port)
	return s, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Send delivers msg. An *smtp.SMTPError with a 5xx code is permanent.
func (s *SMTPSender) Send(ctx context.Context, msg Message) error {
	body, err := msg.Compose(s.from, s.now())
	if err != nil {
		return Permanent(fmt.Errorf("compose: %w", err))
	}
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	// The client has no context: bound the whole exchange by the deadline,
	// and abort it when ctx ends first (shutdown).
	stop := context.AfterFunc(ctx, func() { _ = c.Close() })
	defer stop()
	if s.user != "" {
		if err := c.Auth(sasl.NewPlainClient("", s.user, s.password)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	to, _ := mail.ParseAddress(msg.To) // Compose checked it
	if err := c.SendMail(s.from.Address, []string{to.Address}, bytes.NewReader(body)); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return c.Quit()
}

func (s *SMTPSender) dial(ctx context.Context) (*smtp.Client, error) {
	d := net.Dialer{}
	conn, err := d.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return nil, fmt.Errorf("smtp connect %s: %w", s.addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	cfg := s.TLSConfig
	if cfg == nil {
		cfg = &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
	}
	switch s.mode {
	case tlsImplicit:
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, fmt.Errorf("smtp tls %s: %w", s.addr, err)
		}
		return smtp.NewClient(tc), nil
	case tlsStartTLS:
		c, err := smtp.NewClientStartTLS(conn, cfg)
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("smtp starttls %s: %w", s.addr, err)
		}
		return c, nil
	}
	return smtp.NewClient(conn), nil
}

// permanentError marks a delivery that retrying cannot fix.
type permanentError struct{ err error }

func (p permanentError) Error() string { return p.err.Error() }
func (p permanentError) Unwrap() error { return p.err }

// Permanent marks err as not worth retrying.
func Permanent(err error) error { return permanentError{err} }

// IsPermanent reports whether a delivery error will not go away by
// retrying: marked so, or an SMTP 5xx reply.
func IsPermanent(err error) bool {
	var p permanentError
	if errors.As(err, &p) {
		return true
	}
	var se *smtp.SMTPError
	return errors.As(err, &se) && se.Code >= 500 && se.Code < 600
}
