package auth

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
)

// PruneArgs is the periodic River job that deletes expired accounts rows
// (refresh and verification tokens, OAuth states and codes, stale lockout
// counters), so those tables stay as large as the live sessions.
type PruneArgs struct{}

// Kind implements river.JobArgs.
func (PruneArgs) Kind() string { return "accounts.prune" }

// Pruner deletes rows expired for longer than keep; internal/store's Accounts is one.
type Pruner interface {
	PruneExpired(ctx context.Context, keep time.Duration) (int64, error)
}

// PruneWorker runs PruneArgs.
type PruneWorker struct {
	river.WorkerDefaults[PruneArgs]
	pruner Pruner
	logger *slog.Logger
	// Keep is how long expired rows stay (to answer "expired" rather than
	// "invalid" for a while). Default 7 days.
	Keep time.Duration
}

// NewPruneWorker returns the pruning worker.
func NewPruneWorker(p Pruner, logger *slog.Logger) *PruneWorker {
	return &PruneWorker{pruner: p, logger: logger, Keep: 7 * 24 * time.Hour}
}

// Work prunes once.
func (w *PruneWorker) Work(ctx context.Context, _ *river.Job[PruneArgs]) error {
	n, err := w.pruner.PruneExpired(ctx, w.Keep)
	if err != nil {
		return fmt.Errorf("prune accounts: %w", err)
	}
	w.logger.Info("pruned expired accounts rows", "rows", n)
	return nil
}

// PrunePeriodically is the periodic job that runs PruneArgs every interval.
func PrunePeriodically(every time.Duration) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return PruneArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
}
