package linkedin

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/linkedinfake"
)

func TestParseSearchPage(t *testing.T) {
	f, err := os.Open("testdata/search_page.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cards, err := parseSearch(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != 3 {
		t.Fatalf("got %d cards, want 3", len(cards))
	}
	c := cards[0]
	want := card{
		id: "4341190409", title: "AI Founding Engineer | Ready for Execution", company: "Clinero",
		location: "Munich, Bavaria, Germany", posted: "3 hours ago", note: "Actively Hiring",
		link: "https://de.linkedin.com/jobs/view/ai-founding-engineer-ready-for-execution-at-clinero-4341190409",
		logo: "https://media.licdn.com/dms/image/v2/D4E0BAQG5MZB0sYpNTA/company-logo_100_100/company-logo_100_100/0/1739384065943?e=2147483647&v=beta&t=qoF",
	}
	got := c
	got.postedAt = nil
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(card{})); diff != "" {
		t.Errorf("first card (-want +got):\n%s", diff)
	}
	if c.postedAt == nil || c.postedAt.Format("2006-01-02") != "2025-11-20" {
		t.Errorf("postedAt = %v", c.postedAt)
	}
	// Entities decode to text; nothing is interpreted as markup.
	if cards[2].title != "Platform Engineer - AI & Data <Cloud>" {
		t.Errorf("third title = %q", cards[2].title)
	}
}

func TestParseChangedMarkup(t *testing.T) {
	f, err := os.Open("testdata/search_changed.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := parseSearch(f); !errors.Is(err, jobs.ErrParse) {
		t.Fatalf("err = %v, want ErrParse", err)
	}
	for _, empty := range []string{"", "  \n ", "<html><body></body></html>"} {
		cards, err := parseSearch(strings.NewReader(empty))
		if err != nil || len(cards) != 0 {
			t.Errorf("%q: cards %v err %v, want end of results", empty, cards, err)
		}
	}
	if _, err := parseSearch(strings.NewReader("<html><body><h1>Sign in to continue</h1></body></html>")); !errors.Is(err, jobs.ErrParse) {
		t.Errorf("login wall: err = %v, want ErrParse", err)
	}
}

func TestParseDetail(t *testing.T) {
	f, err := os.Open("testdata/jobposting.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := parseDetail(f)
	if err != nil {
		t.Fatal(err)
	}
	if seniorityLevel(d.seniority) != "mid_senior" {
		t.Errorf("seniority %q", d.seniority)
	}
	out := jobs.NewSanitizer().Sanitize(d.descriptionHTML)
	for _, bad := range []string{"<script", "document.cookie", "px.ads.linkedin.com", "<img", "javascript:", "onclick", "onmouseover", "utm_"} {
		if strings.Contains(out, bad) {
			t.Errorf("description keeps %q:\n%s", bad, out)
		}
	}
	for _, good := range []string{"<strong>Clinero befreit Zahnarztpraxen von der Verwaltung.</strong>", "<li>Cloud-Erfahrung (AWS/Azure) und CI/CD</li>", "https://clinero.de/jobs?ref=abc"} {
		if !strings.Contains(out, good) {
			t.Errorf("description lost %q:\n%s", good, out)
		}
	}
}

func newSource(t *testing.T, fake *linkedinfake.Server, details int) *Source {
	t.Helper()
	s, err := New(Config{BaseURL: fake.URL(), Rate: 1000, Burst: 100, Backoff: 5 * time.Millisecond, Details: details,
		Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fakeServer(t *testing.T, n int) *linkedinfake.Server {
	t.Helper()
	f := linkedinfake.New(linkedinfake.Postings(n))
	t.Cleanup(f.Close)
	return f
}

func normalized(t *testing.T, q jobs.Query) jobs.Query {
	t.Helper()
	q, err := q.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func TestSearchPagesUntilMaxJobs(t *testing.T) {
	fake := fakeServer(t, 45)
	src := newSource(t, fake, 0)
	got, err := src.Search(context.Background(), normalized(t, jobs.Query{Keywords: "engineer developer manager analyst", MaxJobs: 30}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 30 {
		t.Fatalf("got %d jobs, want 30", len(got))
	}
	var searches, details int
	for _, r := range fake.Requests() {
		if strings.Contains(r.Path, "seeMoreJobPostings") {
			searches++
		} else {
			details++
		}
		if !strings.HasPrefix(r.UserAgent, "UtopiaHire/") {
			t.Errorf("request without our User-Agent: %q", r.UserAgent)
		}
	}
	if searches != 3 || details != 30 {
		t.Errorf("%d search pages and %d detail pages, want 3 and 30", searches, details)
	}
	j := got[0]
	if j.Source != "linkedin" || j.ID == "" || j.SourceID == "" || j.Description == "" || j.ExperienceLevel == "" ||
		strings.Contains(j.JobLink, "?") || j.FetchedAt.IsZero() || j.PostedDate == "" {
		t.Errorf("incomplete job %+v", j)
	}
}

func TestSearchSendsFilters(t *testing.T) {
	fake := fakeServer(t, 30)
	src := newSource(t, fake, -1)
	q := normalized(t, jobs.Query{Keywords: "engineer", Location: "germany", TimeRange: "past_week",
		ExperienceLevels: []jobs.ExperienceLevel{"mid_senior", "internship"}})
	got, err := src.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	r := fake.Requests()[0]
	if r.Query.Get("f_TPR") != "r604800" || r.Query.Get("f_E") != "1,4" || r.Query.Get("location") != "Germany" || r.Query.Get("start") != "0" {
		t.Errorf("query sent %v", r.Query)
	}
	for _, j := range got {
		if !strings.Contains(j.Location, "Germany") {
			t.Errorf("job outside the location filter: %+v", j)
		}
	}
}

func TestSearchHostileKeywords(t *testing.T) {
	fake := fakeServer(t, 10)
	src := newSource(t, fake, -1)
	kw := `'; DROP TABLE jobs; -- " OR 1=1 &start=999`
	if _, err := src.Search(context.Background(), normalized(t, jobs.Query{Keywords: kw})); err != nil {
		t.Fatal(err)
	}
	r := fake.Requests()[0]
	if r.Query.Get("keywords") != kw || r.Query.Get("start") != "0" {
		t.Errorf("keywords not passed as one encoded value: %v", r.Query)
	}
}

func TestBackoffOn429(t *testing.T) {
	fake := fakeServer(t, 10)
	fake.TooManyRequests(2)
	src := newSource(t, fake, -1)
	got, err := src.Search(context.Background(), normalized(t, jobs.Query{Keywords: "engineer"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no jobs after the 429s")
	}
	var statuses []int
	for _, r := range fake.Requests() {
		statuses = append(statuses, r.Status)
	}
	if diff := cmp.Diff([]int{429, 429, 200}, statuses[:3]); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

func TestPersistent429(t *testing.T) {
	fake := fakeServer(t, 10)
	fake.TooManyRequests(100)
	src := newSource(t, fake, -1)
	_, err := src.Search(context.Background(), normalized(t, jobs.Query{Keywords: "engineer"}))
	if !errors.Is(err, jobs.ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	if n := len(fake.Requests()); n != 4 {
		t.Errorf("%d attempts, want 1 + 3 retries", n)
	}
}

func TestBlocked999(t *testing.T) {
	fake := fakeServer(t, 10)
	fake.Block(true)
	src := newSource(t, fake, -1)
	_, err := src.Search(context.Background(), normalized(t, jobs.Query{Keywords: "engineer"}))
	if !errors.Is(err, jobs.ErrBlocked) || !strings.Contains(err.Error(), "999") {
		t.Fatalf("err = %v, want ErrBlocked mentioning 999", err)
	}
}

func TestChangedMarkupReportedWhileCatalogAnswers(t *testing.T) {
	fake := fakeServer(t, 10)
	fake.ChangeMarkup(true)
	src := newSource(t, fake, -1)
	catalog := staticSource{jobs: []jobs.Job{{Title: "Go Developer", Company: "Finly", Location: "Berlin, Germany", Source: "catalog"}}}
	agg := jobs.NewAggregator(slog.New(slog.DiscardHandler), 5*time.Second, src, catalog)
	res, err := agg.Search(context.Background(), jobs.Query{Keywords: "engineer developer"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Jobs) != 1 || res.Jobs[0].Source != "catalog" {
		t.Errorf("jobs %+v, want the catalog's", res.Jobs)
	}
	want := "linkedin: parse failure (the page markup changed), results from catalog only"
	if res.Notes[0].Message != want {
		t.Errorf("note %q, want %q", res.Notes[0].Message, want)
	}
}

func TestLiveResultsMergeWithCatalog(t *testing.T) {
	fake := fakeServer(t, 10)
	src := newSource(t, fake, -1)
	first := linkedinfake.Postings(1)[0]
	dup := jobs.Job{Title: first.Title, Company: first.Company, Location: first.Location, Source: "catalog", Description: "<p>catalog copy</p>"}
	other := jobs.Job{Title: "Catalog Only Engineer", Company: "Local", Location: "Tunis, Tunisia", Source: "catalog"}
	agg := jobs.NewAggregator(slog.New(slog.DiscardHandler), 5*time.Second, src, staticSource{jobs: []jobs.Job{dup, other}})
	res, err := agg.Search(context.Background(), jobs.Query{Keywords: "engineer", MaxJobs: 20})
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]int{}
	for _, j := range res.Jobs {
		bySource[j.Source]++
		if j.Title == first.Title && j.Company == first.Company && (j.Source != "linkedin" || j.Description != "<p>catalog copy</p>") {
			t.Errorf("duplicate not merged into the live copy: %+v", j)
		}
	}
	if bySource["catalog"] != 1 || bySource["linkedin"] == 0 {
		t.Errorf("sources %v", bySource)
	}
}

func TestSlowSourceTimesOut(t *testing.T) {
	fake := fakeServer(t, 10)
	fake.Delay(10 * time.Second)
	src := newSource(t, fake, -1)
	agg := jobs.NewAggregator(slog.New(slog.DiscardHandler), 100*time.Millisecond, src, staticSource{})
	start := time.Now()
	res, err := agg.Search(context.Background(), jobs.Query{Keywords: "engineer"})
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 3*time.Second || res.Notes[0].Status != "timeout" {
		t.Errorf("took %v, notes %+v", time.Since(start), res.Notes)
	}
}

func TestBadBaseURL(t *testing.T) {
	for _, u := range []string{"ftp://x", "not a url", "/relative"} {
		if _, err := New(Config{BaseURL: u}); err == nil {
			t.Errorf("New accepted base URL %q", u)
		}
	}
}

type staticSource struct{ jobs []jobs.Job }

func (staticSource) Name() string { return "catalog" }
func (s staticSource) Search(context.Context, jobs.Query) ([]jobs.Job, error) {
	return s.jobs, nil
}

// BenchmarkSearch30 is one 30-job search against the local fake: three
// result pages and thirty detail pages parsed and sanitised, over loopback,
// with the rate limit lifted.
func BenchmarkSearch30(b *testing.B) {
	fake := linkedinfake.New(linkedinfake.Postings(45))
	defer fake.Close()
	src, err := New(Config{BaseURL: fake.URL(), Rate: 1e6, Burst: 1000, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	q, _ := jobs.Query{Keywords: "engineer developer manager analyst", MaxJobs: 30}.Normalize()
	b.ReportAllocs()
	for b.Loop() {
		got, err := src.Search(context.Background(), q)
		if err != nil || len(got) != 30 {
			b.Fatalf("%d jobs, %v", len(got), err)
		}
	}
}
