package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// Source is anything that answers a job search: a job board adapter or the
// local catalog. Search receives a normalised query and returns at most
// q.MaxJobs jobs; errors should wrap ErrParse, ErrBlocked or ErrRateLimited
// when they apply, so the aggregator can say what went wrong.
type Source interface {
	Name() string
	Search(ctx context.Context, q Query) ([]Job, error)
}

// Noticer is a Source with something to say in its note even when it
// answered, e.g. the catalog when its live boards are unreachable.
type Noticer interface {
	Notice(ctx context.Context) string
}

// Source failures the aggregator reports in its notes.
var (
	// ErrParse: the source answered but its pages no longer have the
	// expected structure.
	ErrParse = errors.New("parse failure")
	// ErrBlocked: the source refuses us (LinkedIn's HTTP 999).
	ErrBlocked = errors.New("blocked by the source")
	// ErrRateLimited: the source kept answering 429 after back-off.
	ErrRateLimited = errors.New("rate limited by the source")
	// ErrNoSource: every source failed; the caller should answer 503.
	ErrNoSource = errors.New("no job source answered")
)

// Note tells the caller how one source fared.
type Note struct {
	Source  string `json:"source"`
	Status  string `json:"status"` // ok, error, timeout
	Count   int    `json:"count"`
	Message string `json:"message,omitempty"`
}

// Result is a merged search result.
type Result struct {
	Jobs  []Job  `json:"jobs"`
	Notes []Note `json:"notes"`
}

// Aggregator queries sources concurrently, each under its own timeout, and
// merges their results in source order without duplicates.
type Aggregator struct {
	sources []Source
	timeout time.Duration
	log     *slog.Logger
}

// NewAggregator returns an aggregator over sources, in priority order:
// when two sources return the same posting, the first source's copy is kept
// (and completed with fields only the other has).
func NewAggregator(log *slog.Logger, perSourceTimeout time.Duration, sources ...Source) *Aggregator {
	return &Aggregator{sources: sources, timeout: perSourceTimeout, log: log}
}

type outcome struct {
	jobs   []Job
	err    error
	took   time.Duration
	notice string
}

// Search validates q, queries every source and merges. It fails with a
// *ValidationError for a bad query, and with ErrNoSource (plus the notes)
// when no source answered.
func (a *Aggregator) Search(ctx context.Context, q Query) (Result, error) {
	q, err := q.Normalize()
	if err != nil {
		return Result{}, err
	}
	outs := make([]outcome, len(a.sources))
	var wg sync.WaitGroup
	for i, s := range a.sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = a.query(ctx, s, q)
		}()
	}
	wg.Wait()
	var res Result
	var lists [][]Job
	answered := 0
	for i, s := range a.sources {
		n := a.note(s.Name(), outs[i])
		res.Notes = append(res.Notes, n)
		if outs[i].err == nil {
			answered++
			lists = append(lists, outs[i].jobs)
		}
	}
	res.Jobs = Merge(q.MaxJobs, lists...)
	if answered == 0 {
		return res, fmt.Errorf("search %q: %w", q.Keywords, ErrNoSource)
	}
	a.explain(res.Notes)
	return res, nil
}

func (a *Aggregator) query(ctx context.Context, s Source, q Query) (o outcome) {
	ctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	start := time.Now()
	defer func() {
		// A panicking adapter is one failed source, not a failed search.
		if r := recover(); r != nil {
			o = outcome{err: fmt.Errorf("source panicked: %v", r), took: time.Since(start)}
		}
	}()
	jobs, err := s.Search(ctx, q)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	var notice string
	if n, ok := s.(Noticer); ok && err == nil {
		notice = n.Notice(ctx)
	}
	return outcome{jobs: jobs, err: err, took: time.Since(start), notice: notice}
}

func (a *Aggregator) note(name string, o outcome) Note {
	if o.err == nil {
		return Note{Source: name, Status: "ok", Count: len(o.jobs), Message: o.notice}
	}
	n := Note{Source: name, Status: "error"}
	switch {
	case errors.Is(o.err, context.DeadlineExceeded):
		n.Status = "timeout"
		n.Message = fmt.Sprintf("%s: no answer within %s", name, a.timeout)
	case errors.Is(o.err, ErrParse):
		n.Message = name + ": parse failure (the page markup changed)"
	case errors.Is(o.err, ErrBlocked):
		n.Message = name + ": blocked by the source (HTTP 999); try again later"
	case errors.Is(o.err, ErrRateLimited):
		n.Message = name + ": rate limited by the source (HTTP 429) after retries"
	case errors.Is(o.err, context.Canceled):
		n.Message = name + ": search cancelled"
	default:
		n.Message = name + ": unavailable"
	}
	a.log.Warn("job source failed", "source", name, "status", n.Status, "took_ms", o.took.Milliseconds(), "err", o.err)
	return n
}

// explain appends ", results from X only" to failed sources' notes.
func (a *Aggregator) explain(notes []Note) {
	var ok []string
	for _, n := range notes {
		if n.Status == "ok" {
			ok = append(ok, n.Source)
		}
	}
	for i := range notes {
		if notes[i].Status != "ok" {
			notes[i].Message += ", results from " + strings.Join(ok, " and ") + " only"
		}
	}
}

// Merge concatenates lists in order, drops duplicates (same DedupKey), fills
// a kept job's empty fields from its duplicates and returns at most max jobs.
func Merge(max int, lists ...[]Job) []Job {
	out := []Job{}
	at := map[string]int{}
	for _, l := range lists {
		for _, j := range l {
			k := DedupKey(j.Company, j.Title, j.Location)
			if i, dup := at[k]; dup {
				out[i] = complete(out[i], j)
				continue
			}
			if len(out) >= max {
				continue
			}
			at[k] = len(out)
			out = append(out, j.WithID())
		}
	}
	return out
}

func complete(keep, other Job) Job {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&keep.Description, other.Description)
	fill(&keep.Logo, other.Logo)
	fill(&keep.ExperienceLevel, other.ExperienceLevel)
	fill(&keep.PostedDate, other.PostedDate)
	fill(&keep.JobLink, other.JobLink)
	if keep.PostedAt == nil {
		keep.PostedAt = other.PostedAt
	}
	return keep
}
