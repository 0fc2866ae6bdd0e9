package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/mail"
)

// Background jobs run on River over the same Postgres pool. Each area adds
// its workers to the *river.Workers in Main.Open before openJobs, its
// queue to jobQueues, and enqueues with m.jobs.InsertTx in the transaction
// that causes the job (a worker that enqueues follow-ups uses
// river.ClientFromContext). The client starts once the API is built and
// Close drains it before the pool closes.

// jobQueues is every River queue this server works, with its concurrency.
func jobQueues() map[string]river.QueueConfig {
	return map[string]river.QueueConfig{
		river.QueueDefault: {MaxWorkers: 10},
		mail.Queue:         {MaxWorkers: 4},
	}
}

// openJobs makes the River client (not started yet) with workers.
func (m *Main) openJobs(workers *river.Workers) error {
	client, err := river.NewClient(riverpgxv5.New(m.pool), &river.Config{
		Queues:       jobQueues(),
		Workers:      workers,
		Logger:       m.logger.With("component", "river"),
		PeriodicJobs: append([]*river.PeriodicJob{auth.PrunePeriodically(time.Hour)}, m.periodic...),
		// Jobs of a kind this build has no worker for stay queued for one that does.
		FetchOnlyKnownKinds: true,
		// A user waits on some jobs (a CV analysis answers its HTTP request),
		// so pickup latency is user-facing. River drops an insert
		// notification sent within FetchCooldown of the previous one, and
		// such a job then waits for the next poll: with the defaults
		// (100 ms, 1 s) one analysis in twenty took a second longer
		// (cmd/server BenchmarkAnalyzePDFOffline, docs/benchmarks.md). A
		// fetch is one indexed query per queue; five polls a second cost
		// nothing next to that.
		FetchCooldown:     20 * time.Millisecond,
		FetchPollInterval: 200 * time.Millisecond,
		// A job whose server died mid-run stays "running" until the leader
		// rescues it; River's default (1 h) would leave a killed server's CV
		// analysis pending for an hour. Five minutes is above every worker's
		// timeout (CV analysis 90 s, mail and the rest 1 min); a worker with
		// a longer one must raise this, or it would be run twice.
		RescueStuckJobsAfter: 5 * time.Minute,
	})
	if err != nil {
		return fmt.Errorf("create job client: %w", err)
	}
	m.jobs = client
	return nil
}

// startJobs starts working jobs. River runs until stopJobs, not until the
// context of Open ends (a signal must let Close drain jobs, not cut them).
func (m *Main) startJobs(ctx context.Context) error {
	if err := m.jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start jobs: %w", err)
	}
	return nil
}

// stopJobs lets running jobs finish within ctx, then cancels the rest
// (they are retried later, by this server or another).
func (m *Main) stopJobs(ctx context.Context) error {
	if m.jobs == nil {
		return nil
	}
	err := m.jobs.Stop(ctx)
	if err == nil {
		return nil
	}
	hard, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := m.jobs.StopAndCancel(hard); err != nil {
		return fmt.Errorf("stop jobs: %w", err)
	}
	return fmt.Errorf("jobs did not finish before the shutdown deadline (cancelled): %w", err)
}

// Jobs is the River client, for tests.
func (m *Main) Jobs() *river.Client[pgx.Tx] { return m.jobs }
