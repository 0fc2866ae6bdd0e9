package jobsearch_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/jobsearch"
	"github.com/utopiahire/utopiahire/internal/store"
)

// searcher is a scripted jobs.Aggregator: it counts calls and answers
// with result (or err) after delay.
type searcher struct {
	calls  atomic.Int32
	delay  time.Duration
	result jobs.Result
	err    error
}

func (s *searcher) Search(ctx context.Context, q jobs.Query) (jobs.Result, error) {
	s.calls.Add(1)
	time.Sleep(s.delay)
	return s.result, s.err
}

// details is a live source's detail fetcher that counts calls.
type details struct {
	calls atomic.Int32
	err   error
}

func (d *details) Details(ctx context.Context, id string) (string, string, error) {
	d.calls.Add(1)
	if d.err != nil {
		return "", "", d.err
	}
	return "<p>Full description of " + id + "</p>", "mid_senior", nil
}

type fixture struct {
	svc     *jobsearch.Service
	src     *searcher
	details *details
	pool    *pgxpool.Pool
	cat     *catalog.Catalog
}

func newFixture(t *testing.T, ttl time.Duration, result jobs.Result) fixture {
	t.Helper()
	pool := dbtest.NewPool(t)
	f := fixture{src: &searcher{result: result}, details: &details{}, pool: pool,
		cat: catalog.New(store.NewJobCatalog(pool), nil)}
	f.svc = jobsearch.New(jobsearch.Config{
		Searcher: f.src, Store: store.NewJobSearches(pool), Catalog: f.cat,
		Details: map[string]jobsearch.Details{"linkedin": f.details}, CacheTTL: ttl,
	})
	return f
}

func (f fixture) user(t *testing.T, name string) string {
	t.Helper()
	var id string
	err := f.pool.QueryRow(context.Background(),
		`INSERT INTO users (name, email) VALUES ($1, $1 || '@example.com') RETURNING id`, name).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func liveJob(n int, description string) jobs.Job {
	return jobs.Job{Title: fmt.Sprintf("Go Engineer %d", n), Company: "Acme", Location: "Berlin, Germany",
		JobLink: "https://www.linkedin.com/jobs/view/" + fmt.Sprint(4000+n), Description: description,
		Source: "linkedin", SourceID: fmt.Sprint(4000 + n), FetchedAt: time.Now().UTC()}.WithID()
}

func okResult(js ...jobs.Job) jobs.Result {
	return jobs.Result{Jobs: js, Notes: []jobs.Note{{Source: "catalog", Status: "ok"}, {Source: "linkedin", Status: "ok", Count: len(js)}}}
}

var goQuery = jobs.Query{Keywords: "  go   engineer ", Location: "germany", MaxJobs: 10}

func TestSearchKeepsLatestAndCaches(t *testing.T) {
	t.Parallel()
	f := newFixture(t, time.Hour, okResult(liveJob(1, "<p>x</p>"), liveJob(2, "")))
	alice, bob := f.user(t, "alice"), f.user(t, "bob")
	ctx := context.Background()

	first, err := f.svc.Search(ctx, alice, goQuery)
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached || len(first.Jobs) != 2 || first.Query.Keywords != "go engineer" || first.Query.Location != "Germany" {
		t.Fatalf("first search: %+v", first)
	}
	if want := `Found 2 jobs for "go engineer" in Germany.`; first.Message != want {
		t.Fatalf("message %q, want %q", first.Message, want)
	}
	// Same query, other spelling, other user: served from the cache.
	second, err := f.svc.Search(ctx, bob, jobs.Query{Keywords: "Go Engineer", Location: "Germany", MaxJobs: 10, TimeRange: "any"})
	if err != nil {
		t.Fatal(err)
	}
	if !second.Cached || len(second.Jobs) != 2 || f.src.calls.Load() != 1 {
		t.Fatalf("second search: cached %v, %d jobs, %d source calls", second.Cached, len(second.Jobs), f.src.calls.Load())
	}
	// Another query is not.
	if _, err := f.svc.Search(ctx, bob, jobs.Query{Keywords: "rust"}); err != nil || f.src.calls.Load() != 2 {
		t.Fatalf("other query: err %v, %d calls", err, f.src.calls.Load())
	}

	latest, err := f.svc.Latest(ctx, alice)
	if err != nil {
		t.Fatal(err)
	}
	if latest.Message != first.Message || len(latest.Jobs) != 2 || latest.Jobs[0].ID != first.Jobs[0].ID || latest.SearchedAt == nil {
		t.Fatalf("alice's latest: %+v", latest)
	}
	if latest, _ := f.svc.Latest(ctx, bob); latest.Query.Keywords != "rust" {
		t.Fatalf("bob's latest is his last search, got %+v", latest.Query)
	}
	none, err := f.svc.Latest(ctx, f.user(t, "carol"))
	if err != nil || len(none.Jobs) != 0 || none.Jobs == nil || !strings.Contains(none.Message, "No search yet") {
		t.Fatalf("never searched: %+v %v", none, err)
	}
}

func TestCacheExpires(t *testing.T) {
	t.Parallel()
	f := newFixture(t, 50*time.Millisecond, okResult(liveJob(1, "d")))
	u := f.user(t, "alice")
	for i := 0; i < 2; i++ {
		if _, err := f.svc.Search(context.Background(), u, goQuery); err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if n := f.src.calls.Load(); n != 2 {
		t.Fatalf("%d source calls after the TTL, want 2", n)
	}
}

func TestDegradedResultsAreNotCached(t *testing.T) {
	t.Parallel()
	res := jobs.Result{Jobs: []jobs.Job{liveJob(1, "d")}, Notes: []jobs.Note{
		{Source: "catalog", Status: "ok", Count: 1},
		{Source: "linkedin", Status: "error", Message: "linkedin: parse failure (the page markup changed), results from catalog only"}}}
	f := newFixture(t, time.Hour, res)
	u := f.user(t, "alice")
	for i := 0; i < 2; i++ {
		got, err := f.svc.Search(context.Background(), u, goQuery)
		if err != nil {
			t.Fatal(err)
		}
		if got.Cached || !strings.Contains(got.Message, "Note: linkedin: parse failure") {
			t.Fatalf("degraded search: %+v", got)
		}
	}
	if n := f.src.calls.Load(); n != 2 {
		t.Fatalf("%d source calls, want 2 (degraded results are not cached)", n)
	}
}

func TestSearchErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t, time.Hour, jobs.Result{})
	u := f.user(t, "alice")
	var ve *jobs.ValidationError
	if _, err := f.svc.Search(context.Background(), u, jobs.Query{Keywords: "go", Location: "Atlantis"}); !errors.As(err, &ve) || ve.Field != "location" || len(ve.Valid) < 100 {
		t.Fatalf("unknown location: %v", err)
	}
	if f.src.calls.Load() != 0 {
		t.Fatal("an invalid query reached the sources")
	}
	f.src.err = fmt.Errorf("search: %w", jobs.ErrNoSource)
	f.src.result = jobs.Result{Notes: []jobs.Note{{Source: "catalog", Status: "error", Message: "catalog: unavailable"}}}
	_, err := f.svc.Search(context.Background(), u, goQuery)
	if apperr.KindOf(err) != apperr.Unavailable || apperr.CodeOf(err) != "no_job_source" {
		t.Fatalf("no source: %v", err)
	}
	if l, _ := f.svc.Latest(context.Background(), u); len(l.Jobs) != 0 || l.Query != nil {
		t.Fatalf("a failed search replaced the latest: %+v", l)
	}
}

func TestConcurrentIdenticalSearchesAskOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t, time.Hour, okResult(liveJob(1, "d")))
	f.src.delay = 300 * time.Millisecond
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		u := f.user(t, fmt.Sprintf("user%d", i))
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := f.svc.Search(context.Background(), u, goQuery)
			if err == nil && len(r.Jobs) != 1 {
				err = fmt.Errorf("%d jobs", len(r.Jobs))
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := f.src.calls.Load(); n != 1 {
		t.Fatalf("%d upstream searches for 8 identical concurrent ones, want 1", n)
	}
}

func TestJobFetchesMissingDescriptionOnce(t *testing.T) {
	t.Parallel()
	withDesc, without := liveJob(1, "<p>known</p>"), liveJob(2, "")
	f := newFixture(t, time.Hour, okResult(withDesc, without))
	alice, bob := f.user(t, "alice"), f.user(t, "bob")
	ctx := context.Background()
	if _, err := f.svc.Search(ctx, alice, goQuery); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		j, err := f.svc.Job(ctx, alice, without.ID)
		if err != nil {
			t.Fatal(err)
		}
		if j.Description != "<p>Full description of 4002</p>" || j.ExperienceLevel != "mid_senior" {
			t.Fatalf("job %d: %+v", i, j)
		}
	}
	if n := f.details.calls.Load(); n != 1 {
		t.Fatalf("%d detail fetches, want 1 (the description is kept)", n)
	}
	if j, err := f.svc.Job(ctx, alice, withDesc.ID); err != nil || j.Description != "<p>known</p>" || f.details.calls.Load() != 1 {
		t.Fatalf("job with description: %+v %v", j, err)
	}
	if l, _ := f.svc.Latest(ctx, alice); l.Jobs[1].Description == "" {
		t.Fatal("the fetched description was not written back into the latest results")
	}
	// Bob never saw these live postings, and they are not in the catalog.
	for _, id := range []string{without.ID, "not-an-id", "'; DROP TABLE job_catalog; --", "0123456789abcdef"} {
		if _, err := f.svc.Job(ctx, bob, id); apperr.CodeOf(err) != "job_not_found" {
			t.Fatalf("bob reads %q: %v", id, err)
		}
	}
}

func TestJobDetailFailureKeepsTheJob(t *testing.T) {
	t.Parallel()
	j := liveJob(3, "")
	f := newFixture(t, time.Hour, okResult(j))
	f.details.err = fmt.Errorf("linkedin: %w", jobs.ErrBlocked)
	u := f.user(t, "alice")
	if _, err := f.svc.Search(context.Background(), u, goQuery); err != nil {
		t.Fatal(err)
	}
	got, err := f.svc.Job(context.Background(), u, j.ID)
	if err != nil || got.ID != j.ID || got.Description != "" || got.JobLink == "" {
		t.Fatalf("job while the source blocks us: %+v %v", got, err)
	}
}

func TestJobFromCatalog(t *testing.T) {
	t.Parallel()
	f := newFixture(t, time.Hour, okResult())
	if _, _, err := f.cat.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	q, _ := jobs.Query{Keywords: "DevOps"}.Normalize()
	hits, err := f.cat.Search(context.Background(), q)
	if err != nil || len(hits) == 0 {
		t.Fatalf("catalog search: %d %v", len(hits), err)
	}
	got, err := f.svc.Job(context.Background(), f.user(t, "alice"), hits[0].ID)
	if err != nil || got.Title != hits[0].Title || len(got.Description) < 500 || got.Source != "catalog" {
		t.Fatalf("catalog job: %+v %v", got, err)
	}
}
