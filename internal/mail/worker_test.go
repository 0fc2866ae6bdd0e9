package mail_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	mailpkg "github.com/utopiahire/utopiahire/internal/mail"
	"github.com/utopiahire/utopiahire/internal/mail/smtptest"
	"github.com/utopiahire/utopiahire/internal/store"
)

// startJobs runs River with the mail worker (sender nil: no SMTP) and
// returns an outbox queueing into it.
func startJobs(t *testing.T, pool *pgxpool.Pool, sender mailpkg.Sender) (*mailpkg.Outbox, *store.Outbox) {
	t.Helper()
	outbox := store.NewOutbox(pool)
	w := mailpkg.NewWorker(outbox, sender, slog.New(slog.DiscardHandler))
	w.Backoff = 20 * time.Millisecond
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:            map[string]river.QueueConfig{mailpkg.Queue: {MaxWorkers: 2}},
		Workers:           workers,
		FetchPollInterval: 20 * time.Millisecond,
		FetchCooldown:     10 * time.Millisecond,
		Logger:            slog.New(slog.DiscardHandler),
		TestOnly:          true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = client.Stop(ctx)
	})
	return mailpkg.NewOutbox(outbox, client), outbox
}

// workOnce queues m and works its send job once with rivertest's worker:
// no client runs and nothing polls. River's own state changes are made in a
// transaction rolled back at cleanup; the outbox is changed for real.
func workOnce(t *testing.T, pool *pgxpool.Pool, sender mailpkg.Sender, m mailpkg.Message) (*rivertest.WorkResult, *store.Outbox) {
	t.Helper()
	ctx := context.Background()
	outbox := store.NewOutbox(pool)
	driver := riverpgxv5.New(pool)
	inserter, err := river.NewClient(driver, &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	enqueue(t, pool, mailpkg.NewOutbox(outbox, inserter), m)
	job := rivertest.RequireInserted(ctx, t, driver, mailpkg.SendArgs{},
		&rivertest.RequireInsertedOpts{Queue: mailpkg.Queue, MaxAttempts: mailpkg.MaxAttempts})
	w := mailpkg.NewWorker(outbox, sender, slog.New(slog.DiscardHandler))
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tx.Rollback(context.Background()) })
	res, err := rivertest.NewWorker(t, driver, &river.Config{}, w).WorkJob(ctx, t, tx, job.JobRow)
	if err != nil {
		t.Fatal(err)
	}
	return res, outbox
}

func enqueue(t *testing.T, pool *pgxpool.Pool, o *mailpkg.Outbox, m mailpkg.Message) {
	t.Helper()
	err := pgx.BeginFunc(context.Background(), pool, func(tx pgx.Tx) error { return o.EnqueueTx(context.Background(), tx, m) })
	if err != nil {
		t.Fatal(err)
	}
}

// waitStatus waits for the only outbox message to reach status.
func waitStatus(t *testing.T, store *store.Outbox, status string) mailpkg.Stored {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		msgs, err := store.Recent(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) == 1 && msgs[0].Status == status {
			return msgs[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("outbox: %+v, want status %s", msgs, status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWorkerRetriesUntilDeliveredThenClearsBodies(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	srv := smtptest.New(t)
	srv.FailNext(2, 421)
	sender, err := mailpkg.NewSMTPSender(srv.URL(), "UtopiaHire <no-reply@utopiahire.test>")
	if err != nil {
		t.Fatal(err)
	}
	o, st := startJobs(t, pool, sender)
	enqueue(t, pool, o, renderVerify(t, "Retry"))
	got := srv.Wait(t, "to@example.com", 15*time.Second)
	if got.Subject != "Confirm your e-mail address" {
		t.Fatalf("received %+v", got)
	}
	m := waitStatus(t, st, mailpkg.StatusSent)
	if m.Attempts != 3 || m.Text != "" || m.HTML != "" || m.SentAt == nil {
		t.Fatalf("after delivery: %+v (want 3 attempts, bodies cleared)", m)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d messages delivered, want 1", n)
	}
}

func TestWorkerStopsOnPermanentFailure(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	srv := smtptest.New(t)
	srv.FailNext(100, 550)
	sender, _ := mailpkg.NewSMTPSender(srv.URL(), "a@utopiahire.test")
	res, st := workOnce(t, pool, sender, renderVerify(t, "Refused"))
	if res.EventKind != river.EventKindJobCancelled {
		t.Errorf("job after a 550: %s, want cancelled (no retry)", res.EventKind)
	}
	m := waitStatus(t, st, mailpkg.StatusFailed)
	if m.Attempts != 1 || m.LastError == "" {
		t.Fatalf("after a 550: %+v (want one attempt and the error kept)", m)
	}
}

func TestWorkerWithoutSMTPKeepsMessageInOutbox(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	res, st := workOnce(t, pool, nil, renderVerify(t, "Local"))
	if res.EventKind != river.EventKindJobCompleted {
		t.Errorf("job without SMTP: %s, want completed", res.EventKind)
	}
	m := waitStatus(t, st, mailpkg.StatusLogged)
	if m.Text == "" || m.HTML == "" || m.To != "to@example.com" {
		t.Fatalf("logged message: %+v (want bodies kept for local reading)", m)
	}
}

func TestEnqueueRollsBackWithTheTransaction(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	o, st := startJobs(t, pool, nil)
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.EnqueueTx(ctx, tx, renderVerify(t, "Rolled back")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	msgs, err := st.Recent(ctx, 10)
	if err != nil || len(msgs) != 0 {
		t.Fatalf("outbox after rollback: %v %v", msgs, err)
	}
	var jobs int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM river_job`).Scan(&jobs); err != nil || jobs != 0 {
		t.Fatalf("%d jobs after rollback (%v)", jobs, err)
	}
}
