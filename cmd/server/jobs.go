package main

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/utopiahire/utopiahire/internal/auth"
	"github.com/utopiahire/utopiahire/internal/jobrescue"
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
	m.rescuer = jobrescue.New(m.pool, m.logger.With("component", "job_rescue"), jobrescue.Options{})
	client, err := river.NewClient(riverpgxv5.New(m.pool), &river.Config{
		// The rescuer knows this server's jobs by this ID.
		ID:           m.rescuer.ClientID(),
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
		// A job whose server died mid-run is taken back within seconds by
		// jobrescue (the dead server's liveness lock is gone). River's
		// stuck-job rescue stays as the backstop for a server that lives but
		// hangs; five minutes is above every worker's timeout (CV analysis
		// 90 s, mail and the rest 1 min); a worker with a longer one must
		// raise this, or it would be run twice.
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
	// The liveness lock first: from River's first fetch on, other servers
	// must see this one alive.
	if err := m.rescuer.Start(ctx); err != nil {
		return fmt.Errorf("start job rescue: %w", err)
	}
	if err := m.jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start jobs: %w", err)
	}
	return nil
}

// stopJobs lets running jobs finish until soft ends, then cancels the rest
// until hard ends (they are retried later, by this server or another; one
// still marked running when the process exits is taken back by jobrescue).
func (m *Main) stopJobs(soft, hard context.Context) error {
	if m.jobs == nil {
		return nil
	}
	// The liveness lock goes last: until River has stopped, a job it still
	// runs must not look orphaned.
	defer func() {
		if m.rescuer != nil {
			c, cancel := context.WithTimeout(context.WithoutCancel(hard), time.Second)
			defer cancel()
			_ = m.rescuer.Stop(c)
		}
	}()
	err := m.jobs.Stop(soft)
	if err == nil {
		return nil
	}
	if err := m.jobs.StopAndCancel(hard); err != nil {
		return fmt.Errorf("stop jobs: %w", err)
	}
	return fmt.Errorf("jobs did not finish before their share of the shutdown time (cancelled): %w", err)
}

// Jobs is the River client, for tests.
func (m *Main) Jobs() *river.Client[pgx.Tx] { return m.jobs }
