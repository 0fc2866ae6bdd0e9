// Package interview is the voice-interview domain: the persisted lifecycle
// (created → waiting_for_agent → in_progress → completed | terminated |
// failed | abandoned) with its timeline, LiveKit room credentials, the
// dispatch of interviews to agent workers and their scoped credentials,
// transcripts published by the agent, reports, reviewers and their notes,
// LiveKit webhooks, and the sweeper that ends interviews nobody finishes.
//
// Every change is stored (internal/store) and then published on the hub
// channel interview:<id>, so live viewers and later replays read the same
// timeline. docs/interviews.md describes the flow an agent worker follows.
package interview

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	lkproto "github.com/livekit/protocol/livekit"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/utopiahire/utopiahire/hub"
	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/interviewreport"
	"github.com/utopiahire/utopiahire/internal/livekit"
	"github.com/utopiahire/utopiahire/internal/mail"
)

// Hub publishes on channels and cuts subscriptions; *hub.Hub implements it.
type Hub interface {
	Publish(ctx context.Context, channel string, data []byte) (hub.StreamPosition, error)
	Unsubscribe(ctx context.Context, userID, channel string) error
}

// TokenIssuer signs and verifies agent credentials; *auth.Tokens
// implements it.
type TokenIssuer interface {
	IssueAgent(g auth.AgentGrant) (string, time.Time, error)
	Verify(raw string, want ...auth.TokenType) (*auth.Claims, error)
}

// RoomTokens mints LiveKit join tokens; *livekit.Issuer implements it.
type RoomTokens interface {
	JoinToken(identity, name, room string, ttl time.Duration, opts livekit.TokenOptions) (string, error)
}

// Rooms manages LiveKit rooms; *livekit.Rooms implements it.
type Rooms interface {
	Create(ctx context.Context, name string, o livekit.RoomOptions) (*lkproto.Room, error)
	Delete(ctx context.Context, name string) error
	RemoveParticipant(ctx context.Context, room, identity string) error
}

// Mailer queues e-mail in a transaction; *mail.Outbox implements it.
type Mailer interface {
	EnqueueTx(ctx context.Context, tx pgx.Tx, msg mail.Message) error
}

// JobInserter inserts River jobs in a transaction; *river.Client[pgx.Tx] is one.
type JobInserter interface {
	InsertTx(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
}

// CVTexts gives the text of one of a user's stored CV files from the
// extraction kept with it, reading the file only when none was kept;
// *cvjob.Service implements it.
type CVTexts interface {
	FileText(ctx context.Context, userID, fileID string) (string, error)
}

// Config configures a Service. Zero durations and limits take the defaults
// shown.
type Config struct {
	Store  Store
	Hub    Hub
	Tokens TokenIssuer
	Mailer Mailer
	// CVs gives a stored CV file's text when the interview store has none.
	CVs CVTexts
	// LiveKit mints room tokens; nil means LiveKit is not configured and
	// start-session answers 503.
	LiveKit    RoomTokens
	LiveKitURL string
	// Rooms creates each room ahead of its participants (with our timeouts)
	// and removes revoked listeners; nil leaves room creation to LiveKit.
	Rooms Rooms
	// Webhooks verifies LiveKit webhook deliveries; nil answers 503.
	Webhooks WebhookReceiver
	// AgentSecret authenticates agent workers (AGENT_SECRET).
	AgentSecret string
	// Jobs queues the server's report-writing jobs in a transaction
	// (*river.Client[pgx.Tx]); ReportWorker runs them.
	Jobs JobInserter
	// Reports scores the reports the server writes itself (the report
	// model, when GEMINI_API_KEY is set); nil writes them unscored.
	Reports interviewreport.Model
	// FrontendURL is the web app's base, for links in e-mails.
	FrontendURL string
	Logger      *slog.Logger
	Metrics     prometheus.Registerer

	ClaimTimeout  time.Duration // offer → claim and claim → agent joined; 60s
	AbandonGrace  time.Duration // candidate (or agent) out of the room; 60s
	ReportTimeout time.Duration // agent ending → report saved; 10m
	MaxDuration   time.Duration // longest interview; 2h
	ReofferEvery  time.Duration // re-offer unclaimed interviews; 10s
	SweepEvery    time.Duration // sweeper period; 1s
	// AgentSilence: an agent without a heartbeat this long is gone, and the
	// server finishes its interview (counted from the server's start for
	// heartbeats missed while it was down); 30s.
	AgentSilence time.Duration
	// AgentReportWait: after a candidate walked out, how long the agent has
	// to report before the server writes the report; 2m.
	AgentReportWait time.Duration

	WorkerTTL     time.Duration // dispatch credential; 1h
	CredentialTTL time.Duration // interview credential; MaxDuration + ReportTimeout + 30m
	JoinTTL       time.Duration // candidate's and agent's LiveKit tokens; 1h
	ListenTTL     time.Duration // reviewer's listener token; 5m

	MaxLivePerUser int // interviews not yet ended per user; 3
	MaxReviewers   int // invitations per interview, revoked ones included; 20
	// Invitation e-mails a day per inviting account (30) and per invited
	// address across all accounts (5).
	MaxInvitesPerOwnerPerDay     int
	MaxInvitesPerRecipientPerDay int
	// Report e-mails a day per account and per address across all
	// accounts (10): every interview started mails one report, so starts
	// beyond it are refused, and a report past it is stored unmailed.
	MaxReportMailsPerDay int
	MaxNotes             int // notes per interview; 1000
	MaxEvents            int // stored agent events per interview; 5000
}

func (c *Config) defaults() error {
	if c.Store == nil || c.Hub == nil || c.Tokens == nil || c.Mailer == nil || c.CVs == nil || c.Jobs == nil {
		return errors.New("interview: Store, Hub, Tokens, Mailer, Jobs and CVs are required")
	}
	if len(c.AgentSecret) < 16 {
		return errors.New("interview: AgentSecret must be at least 16 characters")
	}
	if c.LiveKit != nil && c.LiveKitURL == "" {
		return errors.New("interview: LiveKitURL is required with LiveKit")
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.ClaimTimeout, 60*time.Second)
	def(&c.AbandonGrace, 60*time.Second)
	def(&c.ReportTimeout, 10*time.Minute)
	def(&c.MaxDuration, 2*time.Hour)
	def(&c.ReofferEvery, 10*time.Second)
	def(&c.SweepEvery, time.Second)
	def(&c.AgentSilence, 30*time.Second)
	def(&c.AgentReportWait, 2*time.Minute)
	def(&c.WorkerTTL, time.Hour)
	def(&c.CredentialTTL, c.MaxDuration+c.ReportTimeout+30*time.Minute)
	def(&c.JoinTTL, time.Hour)
	def(&c.ListenTTL, 5*time.Minute)
	defInt := func(n *int, v int) {
		if *n <= 0 {
			*n = v
		}
	}
	defInt(&c.MaxLivePerUser, 3)
	defInt(&c.MaxReviewers, 20)
	defInt(&c.MaxInvitesPerOwnerPerDay, 30)
	defInt(&c.MaxInvitesPerRecipientPerDay, 5)
	defInt(&c.MaxReportMailsPerDay, 10)
	defInt(&c.MaxNotes, 1000)
	defInt(&c.MaxEvents, 5000)
	return nil
}

// Service is the interviews domain.
type Service struct {
	cfg       Config
	st        Store
	log       *slog.Logger
	secret    [32]byte
	templates *templates
	metrics   metrics
	reports   *interviewreport.Writer
	// started is when this service began: heartbeats missed before it
	// (while no server ran) do not count against an agent.
	started time.Time
}

// New checks cfg and returns the service.
func New(cfg Config) (*Service, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(cfg.Metrics)
	if err != nil {
		return nil, err
	}
	return &Service{
		cfg: cfg, st: cfg.Store, log: cfg.Logger, secret: sha256.Sum256([]byte(cfg.AgentSecret)), templates: t, metrics: m,
		reports: interviewreport.New(cfg.Reports, interviewreport.AuthorServer, cfg.Logger), started: time.Now(),
	}, nil
}

// LiveKitEnabled reports whether interviews get LiveKit rooms.
func (s *Service) LiveKitEnabled() bool { return s.cfg.LiveKit != nil }

// outbox collects what to publish once a transaction has committed.
type outbox struct {
	msgs []outMsg
}

type outMsg struct {
	channel string
	data    []byte
}

func (o *outbox) add(channel string, typ string, eventID int64, at time.Time, data map[string]any) error {
	b, err := channelMessage(typ, eventID, at, data)
	if err != nil {
		return err
	}
	o.msgs = append(o.msgs, outMsg{channel: channel, data: b})
	return nil
}

// flush publishes what was collected, in order. A failure is logged, not
// returned: the change is stored, and a viewer who missed the message reads
// it from GET /api/interviews/{id}.
func (s *Service) flush(ctx context.Context, o *outbox) {
	for _, m := range o.msgs {
		if _, err := s.cfg.Hub.Publish(context.WithoutCancel(ctx), m.channel, m.data); err != nil {
			s.log.Warn("hub publish failed", "channel", m.channel, "err", err)
		}
	}
	o.msgs = nil
}

// event stores a timeline entry and queues its message for the channel.
func (s *Service) event(ctx context.Context, tx Queries, o *outbox, id, kind string, data map[string]any) (InterviewEvent, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return InterviewEvent{}, fmt.Errorf("encode %s event: %w", kind, err)
	}
	ev, err := tx.AddEvent(ctx, id, kind, b)
	if err != nil {
		return InterviewEvent{}, err
	}
	return ev, o.add(Channel(id), kind, ev.ID, ev.CreatedAt, data)
}

// move applies one transition of the machine inside tx: a conditional
// update (so concurrent movers cannot both win), a timeline event and the
// channel message. An interview not in a state that can reach to gets
// IllegalTransition.
func (s *Service) move(ctx context.Context, tx Queries, o *outbox, id string, to State, why *Reason, extra map[string]any) (Interview, error) {
	var code, msg string
	if why != nil {
		code, msg = why.Code, why.Message
	}
	iv, from, err := tx.Transition(ctx, id, sourcesOf(to), string(to), code, msg)
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		return Interview{}, errNotFound
	case errors.Is(err, ErrStateChanged):
		return iv, IllegalTransition(State(from), to)
	case err != nil:
		return Interview{}, err
	}
	data := map[string]any{"from": from, "to": string(to), "state": string(to)}
	for k, v := range extra {
		data[k] = v
	}
	if why != nil {
		data["reason"] = why
	}
	if _, err := s.event(ctx, tx, o, id, TypeState, data); err != nil {
		return Interview{}, err
	}
	s.metrics.transitions.WithLabelValues(string(to)).Inc()
	return iv, nil
}

// Transition moves an interview to state to in its own transaction and
// publishes the change.
func (s *Service) Transition(ctx context.Context, id string, to State, why *Reason) (Interview, error) {
	return s.transition(ctx, id, to, why, nil)
}

func (s *Service) transition(ctx context.Context, id string, to State, why *Reason, extra map[string]any) (Interview, error) {
	if !validID(id) {
		return Interview{}, errNotFound
	}
	var o outbox
	var iv Interview
	err := s.st.InTx(ctx, func(tx Tx) error {
		var err error
		iv, err = s.move(ctx, tx, &o, id, to, why, extra)
		return err
	})
	if err != nil {
		return iv, err
	}
	s.flush(ctx, &o)
	if State(iv.State).Terminal() {
		s.ended(ctx, iv)
	}
	return iv, nil
}

// ended tidies up after an interview reached a final state: agents stop
// seeing its offer, and its room is closed.
func (s *Service) ended(ctx context.Context, iv Interview) {
	s.withdraw(ctx, iv.ID, "ended")
	if s.cfg.Rooms == nil || iv.State == string(Completed) || iv.State == string(Terminated) {
		// A completed interview's room closes by itself once empty.
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := s.cfg.Rooms.Delete(ctx, iv.Room); err != nil && livekit.ErrorCode(err) != livekit.CodeRoomNotFound {
		s.log.Warn("close interview room", "interview_id", iv.ID, "err", err)
	}
}

func mustJSON(v map[string]any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("{}")
	}
	return b
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// validID reports whether id can name an interview (a UUID); a malformed
// one would abort the transaction it is used in.
func validID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil
}

// notFoundAs maps the store's ErrNotFound to errNotFound.
func notFoundAs(err error) error {
	if errors.Is(err, apperr.ErrNotFound) {
		return errNotFound
	}
	return err
}
