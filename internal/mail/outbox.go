package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Outbox statuses.
const (
	StatusQueued = "queued"
	StatusSent   = "sent"
	StatusLogged = "logged"
	StatusFailed = "failed"
)

// Stored is a message as kept in the outbox.
type Stored struct {
	ID        int64      `json:"id"`
	UserID    string     `json:"-"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Text      string     `json:"-"`
	HTML      string     `json:"-"`
	Status    string     `json:"status"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at,omitempty"`
}

// OutboxStore keeps messages; internal/store implements it.
type OutboxStore interface {
	InsertOutbox(ctx context.Context, tx pgx.Tx, m Message) (int64, error)
	OutboxMessage(ctx context.Context, id int64) (Stored, error)
	// MarkOutbox records a delivery attempt's outcome; StatusSent also
	// clears the bodies.
	MarkOutbox(ctx context.Context, id int64, status, lastError string) error
	// UserOutbox lists a user's messages without bodies, newest first.
	UserOutbox(ctx context.Context, userID string) ([]Stored, error)
}

// JobInserter inserts River jobs in a transaction; *river.Client[pgx.Tx] is one.
type JobInserter interface {
	InsertTx(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
}

// Outbox queues messages: a row in mail_outbox and a send job, both in the
// caller's transaction, so a message exists exactly when what caused it
// committed.
type Outbox struct {
	store OutboxStore
	jobs  JobInserter
}

// NewOutbox returns an outbox writing to store and queueing jobs with jobs.
func NewOutbox(store OutboxStore, jobs JobInserter) *Outbox {
	return &Outbox{store: store, jobs: jobs}
}

// EnqueueTx queues msg in tx.
func (o *Outbox) EnqueueTx(ctx context.Context, tx pgx.Tx, msg Message) error {
	id, err := o.store.InsertOutbox(ctx, tx, msg)
	if err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	if _, err := o.jobs.InsertTx(ctx, tx, SendArgs{OutboxID: id}, nil); err != nil {
		return fmt.Errorf("queue mail job: %w", err)
	}
	return nil
}

// Queue is the River queue mail jobs run on.
const Queue = "mail"

// MaxAttempts is how many times delivery is tried: with the default backoff
// (30s doubling to an hour) the last try is about 13 hours after the first.
const MaxAttempts = 20

// SendArgs is the River job that delivers one outbox message.
type SendArgs struct {
	OutboxID int64 `json:"outbox_id"`
}

// Kind implements river.JobArgs.
func (SendArgs) Kind() string { return "mail.send" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Queue, MaxAttempts: MaxAttempts}
}

// Worker delivers outbox messages. With a nil Sender it only logs them.
type Worker struct {
	river.WorkerDefaults[SendArgs]
	store  OutboxStore
	sender Sender
	logger *slog.Logger
	// Backoff is the first retry delay, doubled each attempt up to an hour.
	// Default 30s.
	Backoff time.Duration
}

// NewWorker returns the mail job's worker; sender nil means no SMTP.
func NewWorker(store OutboxStore, sender Sender, logger *slog.Logger) *Worker {
	return &Worker{store: store, sender: sender, logger: logger, Backoff: 30 * time.Second}
}

// Work delivers one message.
func (w *Worker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	m, err := w.store.OutboxMessage(ctx, job.Args.OutboxID)
	if err != nil {
		if errors.Is(err, ErrNoMessage) {
			// Erased with its account before it went out.
			return nil
		}
		return fmt.Errorf("load outbox message %d: %w", job.Args.OutboxID, err)
	}
	if m.Status != StatusQueued {
		return nil // already delivered by an earlier attempt
	}
	if w.sender == nil {
		w.logger.Info("mail not sent (no SMTP_URL); kept in the outbox", "outbox_id", m.ID, "subject", m.Subject)
		return w.store.MarkOutbox(ctx, m.ID, StatusLogged, "")
	}
	err = w.sender.Send(ctx, Message{UserID: m.UserID, To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML})
	if err == nil {
		w.logger.Info("mail sent", "outbox_id", m.ID, "subject", m.Subject)
		return w.store.MarkOutbox(ctx, m.ID, StatusSent, "")
	}
	last := job.Attempt >= job.MaxAttempts
	status := StatusQueued
	if IsPermanent(err) || last {
		status = StatusFailed
	}
	if merr := w.store.MarkOutbox(ctx, m.ID, status, err.Error()); merr != nil {
		w.logger.Error("record mail failure", "outbox_id", m.ID, "err", merr)
	}
	if status == StatusFailed {
		w.logger.Error("mail delivery failed for good", "outbox_id", m.ID, "attempt", job.Attempt, "err", err)
		return river.JobCancel(err)
	}
	w.logger.Warn("mail delivery failed; will retry", "outbox_id", m.ID, "attempt", job.Attempt, "err", err)
	return err
}

// NextRetry backs off exponentially from Backoff, capped at an hour.
func (w *Worker) NextRetry(job *river.Job[SendArgs]) time.Time {
	d := time.Duration(float64(w.Backoff) * math.Pow(2, float64(max(job.Attempt-1, 0))))
	return time.Now().Add(min(d, time.Hour))
}

// Timeout bounds one delivery attempt.
func (w *Worker) Timeout(*river.Job[SendArgs]) time.Duration { return time.Minute }

// ErrNoMessage is returned by OutboxStore.OutboxMessage for a missing id.
var ErrNoMessage = errors.New("no such outbox message")

// Exporter contributes a user's e-mails (without bodies) to the account
// data export, under "emails".
type Exporter struct{ store OutboxStore }

// NewExporter returns the e-mails section of the data export.
func NewExporter(store OutboxStore) Exporter { return Exporter{store: store} }

// ExportSection implements auth.Exporter.
func (Exporter) ExportSection() string { return "emails" }

// ExportUserData implements auth.Exporter.
func (e Exporter) ExportUserData(ctx context.Context, userID string) (any, error) {
	return e.store.UserOutbox(ctx, userID)
}
