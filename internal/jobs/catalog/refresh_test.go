package catalog_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboard"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboardfake"
)

func boardPostings(prefix string, n int, posted time.Time) []jobboardfake.Posting {
	ps := make([]jobboardfake.Posting, n)
	for i := range ps {
		ps[i] = jobboardfake.Posting{ID: int64(i + 1), Title: fmt.Sprintf("%s Engineer %d", prefix, i), Company: "Acme",
			Location: "Berlin, Germany", Posted: posted,
			Description: "<h2>Requirements</h2><ul><li>Go &amp; PostgreSQL</li></ul><p>We offer a gym.</p>"}
	}
	return ps
}

func boards(t *testing.T, url string) []catalog.Feed {
	t.Helper()
	var feeds []catalog.Feed
	for _, name := range jobboard.Names {
		b, err := jobboard.New(name, jobboard.Config{BaseURL: url, Interval: time.Millisecond, CacheTTL: time.Nanosecond,
			Timeout: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, b)
	}
	return feeds
}

func isDown(err error) bool {
	return errors.Is(err, jobboard.ErrUnreachable) || errors.Is(err, context.DeadlineExceeded)
}

func origins(t *testing.T, c *catalog.Catalog) map[string]int {
	t.Helper()
	os, err := c.Origins(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, o := range os {
		out[o.Origin] = o.Postings
	}
	return out
}

// TestRefreshFromBoards imports the three boards through the real clients:
// postings the boards share are kept once (first board wins), postings
// that left a board are removed, old ones expire, and readable text is
// indexed.
func TestRefreshFromBoards(t *testing.T) {
	c, _ := newCatalog(t)
	fake := jobboardfake.Start(boardPostings("Backend", 3, now.Add(-time.Hour)))
	t.Cleanup(fake.Close)
	// RemoteOK also has its own posting, and a stale one.
	ok := append(boardPostings("Backend", 3, now.Add(-time.Hour)),
		jobboardfake.Posting{ID: 9, Title: "SRE", Company: "Beta", Location: "", Posted: now.Add(-2 * time.Hour)},
		jobboardfake.Posting{ID: 10, Title: "Old job", Company: "Beta", Location: "", Posted: now.Add(-90 * 24 * time.Hour)})
	fake.SetPostings(jobboardfake.PathRemoteOK, ok)
	fake.SetPostings(jobboardfake.PathRemotive, nil)
	r := catalog.NewRefresher(c, boards(t, fake.URL()), 60*24*time.Hour, isDown, nil)
	c.SetLive(r.Sources())
	reps, err := r.Refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := origins(t, c)
	// RemoteOK's copies of Arbeitnow's 3 are duplicates; its old posting expired.
	if got["arbeitnow"] != 3 || got["remoteok"] != 1 || got["remotive"] != 0 || reps[2].Duplicates != 3 {
		t.Fatalf("postings per source = %v (reports %+v)", got, reps)
	}
	found := search(t, c, jobs.Query{Keywords: "postgresql", MaxJobs: 30})
	if len(found) != 3 || !strings.Contains(found[0].Description, "<li>") {
		t.Fatalf("search postgresql: %v", titles(found))
	}
	// Arbeitnow drops one posting: it leaves the catalog.
	fake.SetPostings(jobboardfake.PathArbeitnow, boardPostings("Backend", 2, now.Add(-time.Hour)))
	if _, err := r.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	// RemoteOK still carries it, so it stays, now as RemoteOK's.
	if got := origins(t, c); got["arbeitnow"] != 2 || got["remoteok"] != 2 {
		t.Fatalf("after a posting left arbeitnow: %v", got)
	}
	if n := c.Notice(context.Background()); n != "" {
		t.Fatalf("notice with boards up: %q", n)
	}
}

// TestRefreshOffline: with every board unreachable, the import logs one
// clear line, keeps the catalog, and search notes say only the local
// catalog answered.
func TestRefreshOffline(t *testing.T) {
	c, _ := newCatalog(t)
	importJSON(t, c, posting{"title": "Go developer", "company": "Local", "location": "Paris, France"})
	down := jobboardfake.Start(nil)
	url := down.URL()
	down.Close()
	var logs bytes.Buffer
	r := catalog.NewRefresher(c, boards(t, url), 0, isDown, slog.New(slog.NewTextHandler(&logs, nil)))
	c.SetLive(r.Sources())
	if _, err := r.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "no job board is reachable") {
		t.Fatalf("logs = %q, want one clear line", logs.String())
	}
	agg := jobs.NewAggregator(slog.New(slog.DiscardHandler), time.Second, c)
	res, err := agg.Search(context.Background(), jobs.Query{Keywords: "go developer"})
	if err != nil || len(res.Jobs) != 1 {
		t.Fatalf("search while offline: %+v, %v", res, err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Message, "only the local catalog answered") {
		t.Fatalf("notes = %+v", res.Notes)
	}
	os, err := c.Origins(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var failed int
	for _, o := range os {
		if o.LastError != "" && o.Postings == 0 {
			failed++
		}
	}
	if failed != 3 {
		t.Fatalf("origins = %+v, want the 3 boards with their error", os)
	}
}

// TestRefreshOneBoardDown: a board answering 503 is reported, the others
// import, and the note stays quiet (the catalog is still fed).
func TestRefreshOneBoardDown(t *testing.T) {
	c, st := newCatalog(t)
	fake := jobboardfake.Start(boardPostings("Data", 2, now.Add(-time.Hour)))
	t.Cleanup(fake.Close)
	broken := jobboardfake.Start(nil)
	t.Cleanup(broken.Close)
	broken.SetStatus(503)
	feeds := boards(t, fake.URL())
	b, _ := jobboard.New(jobboard.NameRemotive, jobboard.Config{BaseURL: broken.URL(), Interval: time.Millisecond})
	feeds[1] = b
	r := catalog.NewRefresher(c, feeds, 0, isDown, nil)
	c.SetLive(r.Sources())
	reps, err := r.Refresh(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if reps[1].Err == "" || reps[0].Inserted != 2 {
		t.Fatalf("reports = %+v", reps)
	}
	if down, _, _ := st.LiveDown(context.Background(), r.Sources()); down {
		t.Fatal("LiveDown with two boards up")
	}
	_ = catalog.ImportOutcome{}
}

// TestImportCSV: a spreadsheet export (BOM, header row, quoted HTML with
// commas and newlines) imports like JSON; bad rows are skipped with a
// reason, a bad header refuses the file.
func TestImportCSV(t *testing.T) {
	c, _ := newCatalog(t)
	file := "\xef\xbb\xbftitle,company,location,job_link,description,posted_at\n" +
		`Data Engineer,Atlas,"Casablanca, Morocco",https://example.com/1,"<p>Spark, Airflow</p>` + "\n" + `<ul><li>SQL</li></ul>",2025-11-20` + "\n" +
		`,Nobody,Tunis,,,` + "\n" +
		`Analyst,Atlas,Rabat,https://example.com/2,,not a date` + "\n" +
		`Too,few` + "\n"
	rep, err := c.Import(context.Background(), strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != 4 || rep.Inserted != 1 || len(rep.Skipped) != 3 {
		t.Fatalf("report %+v", rep)
	}
	if !strings.Contains(rep.Skipped[1].Reason, "posted_at") || !strings.Contains(rep.Skipped[2].Reason, "fields") {
		t.Fatalf("reasons %+v", rep.Skipped)
	}
	got := search(t, c, jobs.Query{Keywords: "airflow", Location: "Morocco"})
	if len(got) != 1 || got[0].PostedAt == nil || !strings.Contains(got[0].Description, "<li>SQL</li>") {
		t.Fatalf("imported %+v", got)
	}
	for _, bad := range []string{"name,company\nx,y\n", "company,location\nx,y\n", ""} {
		if _, err := c.Import(context.Background(), strings.NewReader(bad)); err == nil {
			t.Errorf("import of %q succeeded", bad)
		}
	}
}
