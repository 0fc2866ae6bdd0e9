package jobrescue_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobrescue"
)

type probeArgs struct{}

func (probeArgs) Kind() string { return "rescue_probe" }

func TestTakesBackOnlyJobsOfDeadServers(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	logger := slog.New(slog.DiscardHandler)

	live := jobrescue.New(pool, logger, jobrescue.Options{Interval: time.Hour, Grace: 200 * time.Millisecond})
	if err := live.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = live.Stop(context.Background()) })
	// A server that ran and was killed: its lock is gone with its connection.
	dead := jobrescue.New(pool, logger, jobrescue.Options{})
	if err := dead.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := dead.Stop(ctx); err != nil {
		t.Fatal(err)
	}

	inserter, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	running := func(owner string) int64 {
		t.Helper()
		res, err := inserter.Insert(ctx, probeArgs{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// As River's fetch leaves a job it hands to a worker.
		if _, err := pool.Exec(ctx, `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now(),
			attempted_by = ARRAY[$2::text] WHERE id = $1`, res.Job.ID, owner); err != nil {
			t.Fatal(err)
		}
		return res.Job.ID
	}
	orphan := running(dead.ClientID())
	kept := running(live.ClientID())
	state := func(id int64) string {
		t.Helper()
		var s string
		if err := pool.QueryRow(ctx, `SELECT state FROM river_job WHERE id = $1`, id).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}

	// The first scan only notes the orphan: a server whose lock connection
	// broke gets Grace to lock again.
	if n, err := live.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("first scan took back %d (%v), want 0", n, err)
	}
	time.Sleep(300 * time.Millisecond)
	if n, err := live.Scan(ctx); err != nil || n != 1 {
		t.Fatalf("second scan took back %d (%v), want 1", n, err)
	}
	if s := state(orphan); s != "available" {
		t.Errorf("dead server's job is %s, want available", s)
	}
	if s := state(kept); s != "running" {
		t.Errorf("live server's job is %s, want running", s)
	}
	var errs int
	if err := pool.QueryRow(ctx, `SELECT cardinality(errors) FROM river_job WHERE id = $1`, orphan).Scan(&errs); err != nil || errs != 1 {
		t.Errorf("taken-back job records %d errors (%v), want 1 saying why", errs, err)
	}
}

func TestOwnerBackWithinGraceKeepsItsJob(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewPool(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	logger := slog.New(slog.DiscardHandler)
	scanner := jobrescue.New(pool, logger, jobrescue.Options{Interval: time.Hour, Grace: 200 * time.Millisecond})
	owner := jobrescue.New(pool, logger, jobrescue.Options{Interval: time.Hour})
	inserter, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := inserter.Insert(ctx, probeArgs{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now(),
		attempted_by = ARRAY[$2::text] WHERE id = $1`, res.Job.ID, owner.ClientID()); err != nil {
		t.Fatal(err)
	}
	// Owner not locked yet (say its lock connection broke): noted, not taken.
	if n, err := scanner.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("scan took back %d (%v)", n, err)
	}
	if err := owner.Start(ctx); err != nil { // it locks again
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = owner.Stop(context.Background()) })
	time.Sleep(300 * time.Millisecond)
	if n, err := scanner.Scan(ctx); err != nil || n != 0 {
		t.Fatalf("scan after the owner came back took back %d (%v), want 0", n, err)
	}
}
