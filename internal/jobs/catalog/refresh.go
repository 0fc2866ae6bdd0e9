package catalog

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Feed is a live job board the catalog imports from (*jobboard.Board).
type Feed interface {
	Name() string
	Fetch(ctx context.Context) ([]jobs.Job, error)
}

// Refresher imports every enabled board into the catalog: the catalog then
// answers searches in milliseconds and keeps answering when a board is
// down. Postings are deduplicated across boards (the first board in the
// list keeps a posting several carry), postings that left their board are
// removed, and postings older than MaxAge expire.
type Refresher struct {
	cat    *Catalog
	feeds  []Feed
	maxAge time.Duration
	isDown func(error) bool
	log    *slog.Logger
}

// NewRefresher returns the refresher of cat from feeds, in priority order.
// maxAge (default 60 days) expires old postings; isDown tells a network
// failure (the server is offline) from a board's own failure.
func NewRefresher(cat *Catalog, feeds []Feed, maxAge time.Duration, isDown func(error) bool, log *slog.Logger) *Refresher {
	if maxAge <= 0 {
		maxAge = 60 * 24 * time.Hour
	}
	if isDown == nil {
		isDown = func(error) bool { return false }
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Refresher{cat: cat, feeds: feeds, maxAge: maxAge, isDown: isDown, log: log}
}

// Sources are the names of the feeds, in priority order.
func (r *Refresher) Sources() []string {
	out := make([]string, len(r.feeds))
	for i, f := range r.feeds {
		out[i] = f.Name()
	}
	return out
}

// FeedReport is what one refresh did with one board.
type FeedReport struct {
	Source  string `json:"source"`
	Fetched int    `json:"fetched"`
	UpsertStats
	// Duplicates are postings an earlier board of the list already gave.
	Duplicates int    `json:"duplicates"`
	Skipped    int    `json:"skipped"`
	Removed    int    `json:"removed"`
	Err        string `json:"error,omitempty"`
}

// Refresh imports once from every feed. A failing board is reported and
// recorded, never fatal; the error is only for the database.
func (r *Refresher) Refresh(ctx context.Context) ([]FeedReport, error) {
	now := r.cat.now().UTC()
	claimed := map[string]bool{}
	var reports []FeedReport
	down := 0
	for _, f := range r.feeds {
		rep, unreachable, err := r.one(ctx, f, now, claimed)
		if err != nil {
			return reports, err
		}
		if unreachable {
			down++
		}
		reports = append(reports, rep)
	}
	expired, err := r.cat.st.Expire(ctx, r.Sources(), now.Add(-r.maxAge))
	if err != nil {
		return reports, err
	}
	r.summarise(reports, down, expired)
	return reports, nil
}

// one imports from f; unreachable reports a network failure.
func (r *Refresher) one(ctx context.Context, f Feed, now time.Time, claimed map[string]bool) (rep FeedReport, unreachable bool, err error) {
	rep = FeedReport{Source: f.Name()}
	postings, err := f.Fetch(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return rep, false, ctx.Err()
		}
		rep.Err = err.Error()
		return rep, r.isDown(err), r.cat.st.RecordImport(ctx, ImportOutcome{Source: f.Name(), At: now, Err: rep.Err})
	}
	rep.Fetched = len(postings)
	rows := make([]Posting, 0, len(postings))
	ids := make([]string, 0, len(postings))
	for _, j := range postings {
		row, reason := r.cat.checkEntry(entryOf(f.Name(), j), now)
		switch {
		case reason != "":
			rep.Skipped++
			continue
		case claimed[row.ID]:
			rep.Duplicates++
			continue
		}
		claimed[row.ID] = true
		rows = append(rows, row)
		ids = append(ids, row.ID)
	}
	st, err := r.cat.st.Upsert(ctx, rows)
	if err != nil {
		return rep, false, err
	}
	rep.UpsertStats = st
	if rep.Removed, err = r.cat.st.Prune(ctx, f.Name(), ids); err != nil {
		return rep, false, err
	}
	return rep, false, r.cat.st.RecordImport(ctx, ImportOutcome{Source: f.Name(), At: now, Fetched: rep.Fetched, Removed: rep.Removed})
}

// summarise logs the refresh: without network, one clear line.
func (r *Refresher) summarise(reports []FeedReport, down, expired int) {
	if len(reports) > 0 && down == len(reports) {
		r.log.Warn("job import: no job board is reachable (no network?); searches answer from the local catalog only",
			"sources", strings.Join(r.Sources(), ","))
		return
	}
	for _, rep := range reports {
		if rep.Err != "" {
			r.log.Warn("job import: board failed; its postings stay until the next import", "source", rep.Source, "err", rep.Err)
			continue
		}
		r.log.Info("job import", "source", rep.Source, "fetched", rep.Fetched, "inserted", rep.Inserted,
			"updated", rep.Updated, "duplicates", rep.Duplicates, "skipped", rep.Skipped, "removed", rep.Removed)
	}
	if expired > 0 {
		r.log.Info("job import: expired old postings", "removed", expired, "older_than", r.maxAge.String())
	}
}

// entryOf is a board's posting as an import entry.
func entryOf(source string, j jobs.Job) entry {
	e := entry{
		Title: j.Title, Company: j.Company, Location: j.Location, JobLink: j.JobLink, PostedDate: j.PostedDate,
		Logo: j.Logo, Description: j.Description, ExperienceLevel: j.ExperienceLevel, Source: source,
		SourceID: j.SourceID, PostedAt: j.PostedAt,
	}
	if !j.FetchedAt.IsZero() {
		t := j.FetchedAt
		e.FetchedAt = &t
	}
	return e
}

// RefreshArgs is the periodic River job that imports from the live boards.
type RefreshArgs struct{}

// Kind implements river.JobArgs.
func (RefreshArgs) Kind() string { return "jobs.catalog_refresh" }

// InsertOpts: one refresh queued or running at a time, and no retry storm
// against the boards when one fails (the next period tries again).
func (RefreshArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateScheduled,
	}}}
}

// RefreshWorker runs RefreshArgs.
type RefreshWorker struct {
	river.WorkerDefaults[RefreshArgs]
	r *Refresher
}

// NewRefreshWorker returns the worker of r.
func NewRefreshWorker(r *Refresher) *RefreshWorker { return &RefreshWorker{r: r} }

// refreshTimeout bounds one refresh: below River's rescue of stuck jobs
// (5 min in cmd/server), above the boards' page timeouts and politeness.
const refreshTimeout = 4 * time.Minute

// Timeout implements river.Worker.
func (w *RefreshWorker) Timeout(*river.Job[RefreshArgs]) time.Duration { return refreshTimeout }

// Work refreshes once.
func (w *RefreshWorker) Work(ctx context.Context, _ *river.Job[RefreshArgs]) error {
	if _, err := w.r.Refresh(ctx); err != nil {
		return fmt.Errorf("refresh job catalog: %w", err)
	}
	return nil
}

// RefreshPeriodically is the periodic job that refreshes every interval,
// first at start-up.
func RefreshPeriodically(every time.Duration) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(every), func() (river.JobArgs, *river.InsertOpts) {
		return RefreshArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})
}
