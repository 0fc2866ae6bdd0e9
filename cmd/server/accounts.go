package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/store"
)

// addAccountWorkers registers the mail delivery and accounts pruning jobs.
func (m *Main) addAccountWorkers(workers *river.Workers) error {
	var sender mail.Sender
	if m.cfg.SMTPURL != "" {
		s, err := mail.NewSMTPSender(m.cfg.SMTPURL, m.cfg.MailFrom)
		if err != nil {
			return err
		}
		sender = s
	} else {
		m.logger.Info("SMTP_URL unset: e-mails are logged and kept in the outbox (server mail outbox)")
	}
	river.AddWorker(workers, mail.NewWorker(store.NewOutbox(m.pool), sender, m.logger))
	river.AddWorker(workers, auth.NewPruneWorker(store.NewAccounts(m.pool), m.logger))
	// The accounts service is built after the job client it queues with;
	// Open attaches it to the reset worker before starting the client.
	m.resetWorker = auth.NewPasswordResetWorker()
	river.AddWorker(workers, m.resetWorker)
	return nil
}

// openAccounts builds the accounts service. exporters are the other areas'
// sections of the data export.
func (m *Main) openAccounts(exporters ...auth.Exporter) (*auth.Service, error) {
	keys, err := auth.NewKeyRing(m.cfg.JWTSecret, m.cfg.JWTPreviousSecrets...)
	if err != nil {
		return nil, fmt.Errorf("JWT_SECRET / JWT_PREVIOUS_SECRETS: %w", err)
	}
	hasher, err := auth.NewTokenHasher([]byte(m.cfg.RefreshSecret))
	if err != nil {
		return nil, fmt.Errorf("REFRESH_SECRET: %w", err)
	}
	passwords, err := auth.NewPasswords(m.cfg.BcryptCost)
	if err != nil {
		return nil, fmt.Errorf("BCRYPT_COST: %w", err)
	}
	templates, err := mail.NewTemplates()
	if err != nil {
		return nil, err
	}
	outbox := store.NewOutbox(m.pool)
	o := m.cfg.OAuth
	return auth.NewService(auth.Config{
		Store:       store.NewAccounts(m.pool),
		Tokens:      auth.NewTokens(keys, auth.TokenConfig{}),
		Passwords:   passwords,
		Hasher:      hasher,
		Mailer:      mail.NewOutbox(outbox, m.jobs),
		Templates:   templates,
		Jobs:        m.jobs,
		Logger:      m.logger,
		PublicURL:   m.cfg.PublicURL,
		FrontendURL: m.cfg.FrontendURL,
		OAuth: []auth.ProviderConfig{
			{Name: auth.ProviderGoogle, ClientID: o.GoogleClientID, ClientSecret: o.GoogleClientSecret,
				AuthURL: o.GoogleAuthURL, TokenURL: o.GoogleTokenURL, UserInfoURL: o.GoogleUserInfoURL},
			{Name: auth.ProviderGitHub, ClientID: o.GitHubClientID, ClientSecret: o.GitHubClientSecret,
				AuthURL: o.GitHubAuthURL, TokenURL: o.GitHubTokenURL, UserInfoURL: o.GitHubAPIURL},
		},
		Exporters: append(append([]auth.Exporter{mail.NewExporter(outbox)}, m.dataExporters()...), exporters...),
	})
}

// dataExporters are the export sections of the other areas' data (CVs and
// analyses, interviews with their reports, reviewer notes, job search),
// read straight from their tables so the export does not depend on the
// areas' services.
func (m *Main) dataExporters() []auth.Exporter {
	ex := store.NewExport(m.pool)
	raw := func(section string, f func(context.Context, string) (json.RawMessage, error)) auth.Exporter {
		return auth.ExporterFunc{Section: section, Func: func(ctx context.Context, userID string) (any, error) { return f(ctx, userID) }}
	}
	return []auth.Exporter{
		auth.SectionWriterFunc{Section: "cvs", Func: ex.WriteCVs},
		auth.SectionWriterFunc{Section: "interviews", Func: ex.WriteInterviews},
		raw("reviewer_notes", ex.ReviewerNotes),
		raw("job_search", ex.JobSearch),
	}
}

// mailCommand is `server mail outbox [N]`: the latest N (default 10)
// messages of the outbox with their text, to read mail locally without SMTP.
func mailCommand(ctx context.Context, cfg config.Config, logger *slog.Logger, args []string, w io.Writer) error {
	if len(args) < 1 || args[0] != "outbox" || len(args) > 2 {
		return fmt.Errorf("usage: server mail outbox [N]")
	}
	n := 10
	if len(args) == 2 {
		v, err := strconv.Atoi(args[1])
		if err != nil || v < 1 || v > 1000 {
			return fmt.Errorf("N must be a number from 1 to 1000, not %q", args[1])
		}
		n = v
	}
	m := NewMain(cfg, logger)
	defer func() { _ = m.Close(context.WithoutCancel(ctx)) }()
	if err := m.openDatabase(ctx); err != nil {
		return err
	}
	msgs, err := store.NewOutbox(m.pool).Recent(ctx, n)
	if err != nil {
		return err
	}
	if len(msgs) == 0 {
		fmt.Fprintln(w, "The outbox is empty.")
	}
	for _, s := range msgs {
		fmt.Fprintf(w, "#%d  %s  %s\nTo: %s\nSubject: %s\n\n", s.ID, s.CreatedAt.Format("2006-01-02 15:04:05"), s.Status, s.To, s.Subject)
		body := s.Text
		if body == "" {
			body = "(body cleared after delivery over SMTP)\n"
		}
		fmt.Fprintf(w, "%s\n%s\n", strings.TrimRight(body, "\n"), strings.Repeat("-", 72))
	}
	return nil
}
