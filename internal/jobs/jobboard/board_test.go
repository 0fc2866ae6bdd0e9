package jobboard_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboard"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboardfake"
)

var posted = time.Date(2026, 11, 30, 9, 30, 0, 0, time.UTC)

func postings(n int) []jobboardfake.Posting {
	ps := make([]jobboardfake.Posting, n)
	for i := range ps {
		ps[i] = jobboardfake.Posting{
			ID: int64(1000 + i), Title: fmt.Sprintf("Backend Engineer %d", i), Company: "Acme",
			Location: "Berlin, Germany", Tags: []string{"go"}, Posted: posted,
			Description: "<h2>Requirements</h2><ul><li>Go &amp; SQL</li></ul><script>alert(1)</script>",
		}
	}
	return ps
}

func board(t *testing.T, name string, fake *jobboardfake.Server, cfg jobboard.Config) *jobboard.Board {
	t.Helper()
	cfg.BaseURL = fake.URL()
	if cfg.Interval == 0 {
		cfg.Interval = time.Millisecond
	}
	cfg.Now = func() time.Time { return posted.Add(24 * time.Hour) }
	b, err := jobboard.New(name, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pathOf(name string) string {
	return map[string]string{jobboard.NameArbeitnow: jobboardfake.PathArbeitnow,
		jobboard.NameRemotive: jobboardfake.PathRemotive, jobboard.NameRemoteOK: jobboardfake.PathRemoteOK}[name]
}

// TestFetchEachBoard: each board's real response format becomes postings
// with the contract's fields, sanitised descriptions, dates and the board
// named as the source.
func TestFetchEachBoard(t *testing.T) {
	fake := jobboardfake.Start(postings(3))
	t.Cleanup(fake.Close)
	wantLoc := map[string]string{
		jobboard.NameArbeitnow: "Berlin, Germany",
		jobboard.NameRemotive:  "Berlin, Germany",
		jobboard.NameRemoteOK:  "Berlin, Germany",
	}
	for _, name := range jobboard.Names {
		t.Run(name, func(t *testing.T) {
			got, err := board(t, name, fake, jobboard.Config{}).Fetch(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 3 {
				t.Fatalf("got %d postings, want 3", len(got))
			}
			j := got[1]
			if j.Title != "Backend Engineer 1" || j.Company != "Acme" || j.Location != wantLoc[name] || j.Source != name {
				t.Errorf("posting = %+v", j)
			}
			wantSourceID := "1001"
			if name == jobboard.NameArbeitnow {
				wantSourceID = "backend-engineer-1-1001" // Arbeitnow's slug
			}
			if j.ID != jobs.JobID(j.Company, j.Title, j.Location) || j.SourceID != wantSourceID {
				t.Errorf("id %q source id %q", j.ID, j.SourceID)
			}
			if j.PostedAt == nil || !j.PostedAt.Equal(posted) {
				t.Errorf("posted_at = %v, want %v", j.PostedAt, posted)
			}
			if !strings.HasPrefix(j.JobLink, "https://") || strings.Contains(j.Description, "script") ||
				!strings.Contains(j.Description, "<li>Go &amp; SQL</li>") {
				t.Errorf("link %q description %q", j.JobLink, j.Description)
			}
			if ua := fake.UserAgents(); len(ua) == 0 || !strings.HasPrefix(ua[len(ua)-1], "UtopiaHire/") {
				t.Errorf("user agents %q", ua)
			}
		})
	}
}

// TestArbeitnowPages follows links.next, up to MaxPages, one request per
// Interval.
func TestArbeitnowPages(t *testing.T) {
	fake := jobboardfake.Start(postings(250))
	t.Cleanup(fake.Close)
	start := time.Now()
	got, err := board(t, jobboard.NameArbeitnow, fake, jobboard.Config{Interval: 100 * time.Millisecond}).Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 || fake.Requests(jobboardfake.PathArbeitnow) != 3 {
		t.Fatalf("got %d postings in %d requests, want 250 in 3", len(got), fake.Requests(jobboardfake.PathArbeitnow))
	}
	if took := time.Since(start); took < 200*time.Millisecond {
		t.Errorf("3 pages took %s, want ≥ 2 intervals (politeness)", took)
	}
	capped, err := board(t, jobboard.NameArbeitnow, fake, jobboard.Config{MaxPages: 2}).Fetch(context.Background())
	if err != nil || len(capped) != 200 {
		t.Fatalf("MaxPages 2: %d postings, %v", len(capped), err)
	}
}

// TestFeedCached: concurrent and repeated fetches within CacheTTL cost one
// request; a stale feed is fetched again.
func TestFeedCached(t *testing.T) {
	fake := jobboardfake.Start(postings(2))
	t.Cleanup(fake.Close)
	now := posted
	var mu sync.Mutex
	b, err := jobboard.New(jobboard.NameRemoteOK, jobboard.Config{BaseURL: fake.URL(), Interval: time.Millisecond, CacheTTL: time.Hour,
		Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return now }})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := b.Fetch(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := fake.Requests(jobboardfake.PathRemoteOK); n != 1 {
		t.Fatalf("%d requests for 8 fetches, want 1", n)
	}
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	if _, err := b.Fetch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := fake.Requests(jobboardfake.PathRemoteOK); n != 2 {
		t.Fatalf("%d requests after the TTL, want 2", n)
	}
}

// TestFailures: a slow board times out, a 429 is rate limiting, a closed
// port is unreachable, a changed format is a parse failure.
func TestFailures(t *testing.T) {
	fake := jobboardfake.Start(postings(1))
	t.Cleanup(fake.Close)
	t.Run("timeout", func(t *testing.T) {
		fake.SetDelay(2 * time.Second)
		t.Cleanup(func() { fake.SetDelay(0) })
		start := time.Now()
		_, err := board(t, jobboard.NameRemotive, fake, jobboard.Config{Timeout: 200 * time.Millisecond}).Fetch(context.Background())
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
			t.Fatalf("err = %v after %s, want a deadline within the timeout", err, time.Since(start))
		}
	})
	t.Run("rate limited", func(t *testing.T) {
		fake.SetStatus(http.StatusTooManyRequests)
		t.Cleanup(func() { fake.SetStatus(0) })
		if _, err := board(t, jobboard.NameArbeitnow, fake, jobboard.Config{}).Fetch(context.Background()); !errors.Is(err, jobs.ErrRateLimited) {
			t.Fatalf("err = %v, want ErrRateLimited", err)
		}
	})
	t.Run("parse", func(t *testing.T) {
		fake.SetStatus(0)
		// Remotive's path answered by RemoteOK's array: not the expected object.
		b, _ := jobboard.New(jobboard.NameRemotive, jobboard.Config{BaseURL: fake.URL() + "/api/remote-jobs/..", Interval: time.Millisecond})
		if _, err := b.Fetch(context.Background()); err == nil {
			t.Fatal("no error for a changed format")
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		down := jobboardfake.Start(nil)
		url := down.URL()
		down.Close()
		b, _ := jobboard.New(jobboard.NameRemoteOK, jobboard.Config{BaseURL: url, Interval: time.Millisecond})
		if _, err := b.Fetch(context.Background()); !errors.Is(err, jobboard.ErrUnreachable) {
			t.Fatalf("err = %v, want ErrUnreachable", err)
		}
	})
}

// TestSearch filters the cached feed by keywords and location.
func TestSearch(t *testing.T) {
	ps := postings(3)
	ps[2].Title, ps[2].Location = "Data Engineer", "Casablanca, Morocco"
	fake := jobboardfake.Start(ps)
	t.Cleanup(fake.Close)
	b := board(t, jobboard.NameArbeitnow, fake, jobboard.Config{})
	got, err := b.Search(context.Background(), jobs.Query{Keywords: `"data engineer"`, Location: "Morocco", MaxJobs: 10})
	if err != nil || len(got) != 1 || got[0].Title != "Data Engineer" {
		t.Fatalf("search = %v, %v", got, err)
	}
	got, _ = b.Search(context.Background(), jobs.Query{Keywords: "backend", MaxJobs: 1})
	if len(got) != 1 {
		t.Fatalf("max_jobs 1: %d results", len(got))
	}
}

func TestUnknownBoard(t *testing.T) {
	if _, err := jobboard.New("indeed", jobboard.Config{}); err == nil {
		t.Fatal("no error for an unknown board")
	}
}
