package main

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/riverqueue/river"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/ai"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/httpapi"
	"github.com/utopiahire/utopiahire/internal/interview"
	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/store"
)

// interviewsArea is the running interviews service and its sweeper.
type interviewsArea struct {
	svc    *interview.Service
	cancel context.CancelFunc
	done   sync.WaitGroup
}

// openInterviews builds the interviews service (LiveKit rooms, tokens and
// webhooks when LIVEKIT_* are set) and starts its sweeper. It needs the
// hub and River, so it runs after both exist.
func (m *Main) openInterviews(cvs *cvParts) (httpapi.Interviews, error) {
	keys, err := auth.NewKeyRing(m.cfg.JWTSecret, m.cfg.JWTPreviousSecrets...)
	if err != nil {
		return nil, fmt.Errorf("JWT_SECRET / JWT_PREVIOUS_SECRETS: %w", err)
	}
	ic := m.cfg.Interviews
	cfg := interview.Config{
		Store:           store.NewInterviews(m.pool),
		Hub:             m.hub,
		Tokens:          auth.NewTokens(keys, auth.TokenConfig{}),
		Mailer:          mail.NewOutbox(store.NewOutbox(m.pool), m.jobs),
		CVs:             cvs.pipeline,
		AgentSecret:     m.cfg.AgentSecret,
		FrontendURL:     m.cfg.FrontendURL,
		Logger:          m.logger.With("component", "interview"),
		Metrics:         m.registry,
		ClaimTimeout:    ic.ClaimTimeout,
		AbandonGrace:    ic.AbandonGrace,
		ReportTimeout:   ic.ReportTimeout,
		MaxDuration:     ic.MaxDuration,
		ReofferEvery:    ic.ReofferEvery,
		SweepEvery:      ic.SweepEvery,
		AgentSilence:    ic.AgentSilence,
		AgentReportWait: ic.AgentReportWait,
		Jobs:            m.jobs,
	}
	if m.cfg.GeminiAPIKey != "" {
		// The report model scores the reports the server writes itself
		// (an interview whose agent is gone), like the agent's.
		reports, err := ai.NewClient(context.Background(), ai.Config{
			APIKey: m.cfg.GeminiAPIKey, BaseURL: m.cfg.GeminiBaseURL, Logger: m.logger.With("component", "interview_gemini"),
		})
		if err != nil {
			return nil, fmt.Errorf("gemini client for interview reports (GEMINI_API_KEY, GEMINI_BASE_URL): %w", err)
		}
		cfg.Reports = reports
	}
	if m.cfg.LiveKitEnabled() {
		issuer, err := livekit.NewIssuer(m.cfg.LiveKitAPIKey, m.cfg.LiveKitAPISecret)
		if err != nil {
			return nil, err
		}
		rooms, err := livekit.NewRooms(m.cfg.LiveKitURL, m.cfg.LiveKitAPIKey, m.cfg.LiveKitAPISecret)
		if err != nil {
			return nil, err
		}
		hooks, err := livekit.NewWebhookReceiver(livekit.WebhookConfig{
			APIKey: m.cfg.LiveKitAPIKey, APISecret: m.cfg.LiveKitAPISecret, Seen: store.NewWebhookSeen(m.pool),
		})
		if err != nil {
			return nil, err
		}
		cfg.LiveKit, cfg.LiveKitURL, cfg.Rooms, cfg.Webhooks = issuer, m.cfg.LiveKitURL, rooms, hooks
	} else {
		m.logger.Info("LIVEKIT_URL unset: voice interviews answer 503 (scripts/livekit.sh start runs a local livekit-server; then set LIVEKIT_URL=ws://127.0.0.1:7880 LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret)")
	}
	svc, err := interview.New(cfg)
	if err != nil {
		return nil, err
	}
	svc.Attach(m.interviewReports)
	ctx, cancel := context.WithCancel(context.Background())
	a := &interviewsArea{svc: svc, cancel: cancel}
	a.done.Add(1)
	go func() {
		defer a.done.Done()
		svc.Run(ctx)
	}()
	m.interviews = a
	return svc, nil
}

// addInterviewWorkers registers the job that writes a report on the
// server when an interview's agent is gone; openInterviews attaches the
// service to it.
func (m *Main) addInterviewWorkers(workers *river.Workers) {
	m.interviewReports = interview.NewReportWorker()
	river.AddWorker(workers, m.interviewReports)
}

// closeInterviews stops the sweeper and waits for it.
func (m *Main) closeInterviews() {
	if m.interviews == nil {
		return
	}
	m.interviews.cancel()
	m.interviews.done.Wait()
}

// hubNamespaces are every area's hub namespaces.
func (m *Main) hubNamespaces(base map[string]hub.NamespaceConfig) map[string]hub.NamespaceConfig {
	for k, v := range interview.Namespaces(store.NewInterviews(m.pool)) {
		base[k] = v
	}
	return base
}

var errInterviewsNotReady = hub.NewError(hub.CodeUnavailable, "The server is starting; publish again.")

// onHubPublish hands client publications to the area that owns the
// channel: agents' transcript and events on interview:<id>.
func (m *Main) onHubPublish(ctx context.Context, p hub.Principal, channel string, data []byte, key string) error {
	ns, _, _ := strings.Cut(channel, ":")
	if ns != interview.ChannelNamespace {
		return nil
	}
	if m.interviews == nil {
		return errInterviewsNotReady
	}
	return m.interviews.svc.HandlePublish(ctx, p, channel, data, key)
}
