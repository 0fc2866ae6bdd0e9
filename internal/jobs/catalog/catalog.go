// Package catalog is the local job catalog: a jobs.Source over postings kept
// in PostgreSQL (full-text search ranked by relevance, with the query's
// location, experience-level and date filters), the JSON importer behind
// `server jobs import`, and the sample it is seeded with at first start.
// It needs no network, so a search always has an answer.
package catalog

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Name is the catalog's source name in results and notes.
const Name = "catalog"

// Catalog searches and fills the local catalog. Safe for concurrent use.
type Catalog struct {
	st       Store
	now      func() time.Time
	sanitize *jobs.Sanitizer
	// live are the boards the catalog is refreshed from (JOBS_SOURCES).
	live []string
}

var _ jobs.Source = (*Catalog)(nil)

// New returns the catalog over st; now dates relative postings at import
// and anchors the time-range filters.
func New(st Store, now func() time.Time) *Catalog {
	if now == nil {
		now = time.Now
	}
	return &Catalog{st: st, now: now, sanitize: jobs.NewSanitizer()}
}

// SetLive names the live boards the catalog is refreshed from, so that
// search notes can say when none of them could be reached. Call before use.
func (c *Catalog) SetLive(sources []string) { c.live = append([]string(nil), sources...) }

// Notice implements jobs.Noticer: when every live board failed at its last
// import, the search says that only the local catalog answered.
func (c *Catalog) Notice(ctx context.Context) string {
	if len(c.live) == 0 {
		return ""
	}
	down, at, err := c.st.LiveDown(ctx, c.live)
	if err != nil || !down {
		return ""
	}
	return fmt.Sprintf("live job boards (%s) were unreachable at the last import (%s); only the local catalog answered",
		strings.Join(c.live, ", "), at.UTC().Format("2006-01-02 15:04 UTC"))
}

// Origins counts the catalog's postings per source, with each live
// board's last import.
func (c *Catalog) Origins(ctx context.Context) ([]OriginCount, error) { return c.st.Origins(ctx) }

// Name implements jobs.Source.
func (c *Catalog) Name() string { return Name }

// sinceOf is how far back a time range reaches.
var sinceOf = map[jobs.TimeRange]time.Duration{
	jobs.TimePast24h: 24 * time.Hour, jobs.TimePastWeek: 7 * 24 * time.Hour, jobs.TimePastMonth: 30 * 24 * time.Hour,
}

// Search implements jobs.Source. q must be normalised (the aggregator does
// it); the keywords use web-search syntax: words, "quoted phrases", -not, or.
func (c *Catalog) Search(ctx context.Context, q jobs.Query) ([]jobs.Job, error) {
	f := Filter{Terms: q.Keywords, Countries: countriesFor(q.Location), Limit: q.MaxJobs}
	for _, l := range q.ExperienceLevels {
		f.Levels = append(f.Levels, string(l))
	}
	now := c.now()
	if d, ok := sinceOf[q.TimeRange]; ok {
		since := now.Add(-d)
		f.PostedSince = &since
	}
	rows, err := c.st.Search(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("catalog search: %w", err)
	}
	out := make([]jobs.Job, len(rows))
	for i, r := range rows {
		out[i] = toJob(r, now)
	}
	return out, nil
}

// Job returns one catalog posting with its full description; the error
// wraps apperr.ErrNotFound when there is none with that id.
func (c *Catalog) Job(ctx context.Context, id string) (jobs.Job, error) {
	r, err := c.st.Job(ctx, id)
	if err != nil {
		return jobs.Job{}, fmt.Errorf("catalog job %s: %w", id, err)
	}
	return toJob(r, c.now()), nil
}

// Count is the number of postings in the catalog.
func (c *Catalog) Count(ctx context.Context) (int, error) { return c.st.Count(ctx) }

func toJob(r Posting, now time.Time) jobs.Job {
	j := jobs.Job{
		Title: r.Title, Company: r.Company, Location: r.Location, JobLink: r.JobLink,
		PostedDate: r.PostedDate, Logo: r.Logo, Description: r.Description, ExperienceLevel: r.ExperienceLevel,
		ID: r.ID, Source: Name, FetchedAt: r.FetchedAt.UTC(), PostedAt: r.PostedAt,
	}
	if r.PostedAt != nil {
		// "3 hours ago" as imported would stay 3 hours ago forever.
		t := r.PostedAt.UTC()
		j.PostedAt = &t
		j.PostedDate = ago(now.Sub(t))
	}
	return j
}

// ago says how long ago a posting appeared, the way job boards do.
func ago(d time.Duration) string {
	unit := func(n int, name string) string {
		if n == 1 {
			return "1 " + name + " ago"
		}
		return fmt.Sprintf("%d %ss ago", n, name)
	}
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return unit(int(d/time.Minute), "minute")
	case d < 24*time.Hour:
		return unit(int(d/time.Hour), "hour")
	case d < 7*24*time.Hour:
		return unit(int(d/(24*time.Hour)), "day")
	case d < 30*24*time.Hour:
		return unit(int(d/(7*24*time.Hour)), "week")
	case d < 365*24*time.Hour:
		return unit(int(d/(30*24*time.Hour)), "month")
	}
	return unit(int(d/(365*24*time.Hour)), "year")
}
