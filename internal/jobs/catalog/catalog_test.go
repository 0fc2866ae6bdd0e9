package catalog_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/store"
)

var now = time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)

func newCatalog(t *testing.T) (*catalog.Catalog, *store.JobCatalog) {
	t.Helper()
	st := store.NewJobCatalog(dbtest.NewPool(t))
	return catalog.New(st, func() time.Time { return now }), st
}

// posting is an import entry; fields left empty are omitted.
type posting map[string]any

func importJSON(t *testing.T, c *catalog.Catalog, ps ...posting) catalog.Report {
	t.Helper()
	b, err := json.Marshal(ps)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Import(context.Background(), strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return rep
}

func search(t *testing.T, c *catalog.Catalog, q jobs.Query) []jobs.Job {
	t.Helper()
	q, err := q.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return got
}

func titles(js []jobs.Job) []string {
	out := []string{}
	for _, j := range js {
		out = append(out, j.Title)
	}
	return out
}

func TestSeedOnceThenImportIsIdempotent(t *testing.T) {
	c, st := newCatalog(t)
	ctx := context.Background()
	rep, seeded, err := c.Seed(ctx)
	if err != nil || !seeded {
		t.Fatalf("seed: %v, seeded %v", err, seeded)
	}
	want := catalog.Report{Read: 5, UpsertStats: catalog.UpsertStats{Inserted: 5}, Skipped: []catalog.Problem{}}
	if d := cmp.Diff(want, rep); d != "" {
		t.Errorf("seed report (-want +got):\n%s", d)
	}
	if _, seeded, err := c.Seed(ctx); err != nil || seeded {
		t.Errorf("second seed: seeded %v, err %v; want a no-op", seeded, err)
	}
	f, err := os.Open("seed.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Importing the sample as a file moves its provenance from "sample" to
	// "import"; importing it once more changes nothing.
	again, err := c.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if again.Updated != 5 || again.Inserted != 0 {
		t.Errorf("import of the seed file: %+v, want 5 updated (provenance)", again)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	again, err = c.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if again.Unchanged != 5 || again.Inserted+again.Updated != 0 {
		t.Errorf("re-import of the seed: %+v, want 5 unchanged", again)
	}
	if n, _ := st.Count(ctx); n != 5 {
		t.Errorf("catalog holds %d postings, want 5", n)
	}
	// Every seeded posting got a country from its location or its link.
	for _, j := range search(t, c, jobs.Query{Keywords: "engineer", Location: "Germany", MaxJobs: 10}) {
		if j.Source != catalog.Name || j.ID != jobs.JobID(j.Company, j.Title, j.Location) {
			t.Errorf("job %q: source %q id %q", j.Title, j.Source, j.ID)
		}
	}
	if got := search(t, c, jobs.Query{Keywords: "engineer", Location: "Germany", MaxJobs: 10}); len(got) != 5 {
		t.Errorf("engineer in Germany: %d postings %q, want all 5", len(got), titles(got))
	}
}

func TestImportChangedPostingIsUpdated(t *testing.T) {
	c, _ := newCatalog(t)
	p := posting{"title": "Go Developer", "company": "Finly", "location": "Berlin, Germany", "description": "<p>Go</p>"}
	importJSON(t, c, p)
	p["description"] = "<p>Go and Kafka</p>"
	rep := importJSON(t, c, p)
	if rep.Updated != 1 || rep.Inserted != 0 {
		t.Errorf("report %+v, want 1 updated", rep)
	}
	got := search(t, c, jobs.Query{Keywords: "kafka", MaxJobs: 10})
	if len(got) != 1 || got[0].Description != "<p>Go and Kafka</p>" {
		t.Errorf("search kafka = %+v", got)
	}
}

func TestImportSkipsBadPostingsWithReasons(t *testing.T) {
	c, _ := newCatalog(t)
	ok := posting{"title": "Data Engineer", "company": "Retailly", "location": "Paris, France",
		"description": `<p onclick="steal()">Spark <script>alert(1)</script><img src="https://t.example/pixel.gif"></p>`,
		"job_link":    "https://fr.linkedin.com/jobs/view/1?trk=public_jobs&refId=abc"}
	rep := importJSON(t, c,
		ok,
		posting{"title": "", "company": "X"},
		posting{"title": "Hacker", "job_link": "javascript:alert(1)"},
		posting{"title": "Lead", "experience_level": "galactic overlord"},
		posting{"title": "Big", "description": strings.Repeat("x", 200_001)},
		posting{"title": "Nowhere", "country": "Atlantis"},
		posting{"title": 42},
		posting{"title": "Data Engineer", "company": "retailly", "location": "Paris,  France"},
		posting{"title": "Null\x00Byte Engineer", "company": "Nul", "location": "Tunis, Tunisia"},
	)
	wantReasons := map[int]string{
		2: "title is empty",
		3: "job_link must be an http(s) URL of at most 2048 bytes",
		4: `unknown experience_level "galactic overlord"`,
		5: "description is longer than 200000 characters",
		6: `country "Atlantis" is not a country of Europe, the Middle East or Africa`,
		7: `field "title" must be of type string`,
		8: "same company, title and location as entry 1",
	}
	got := map[int]string{}
	for _, p := range rep.Skipped {
		got[p.Index] = p.Reason
	}
	if d := cmp.Diff(wantReasons, got); d != "" {
		t.Errorf("skipped (-want +got):\n%s", d)
	}
	if rep.Read != 9 || rep.Inserted != 2 {
		t.Errorf("report %+v, want 9 read, 2 inserted", rep)
	}
	res := search(t, c, jobs.Query{Keywords: "spark", MaxJobs: 10})
	if len(res) != 1 {
		t.Fatalf("spark: %q", titles(res))
	}
	j := res[0]
	for _, bad := range []string{"script", "onclick", "img", "pixel", "trk=", "refId"} {
		if strings.Contains(j.Description+j.JobLink, bad) {
			t.Errorf("%q survived the import: %q %q", bad, j.Description, j.JobLink)
		}
	}
	if j.JobLink != "https://fr.linkedin.com/jobs/view/1" {
		t.Errorf("job_link = %q, want it without tracking parameters", j.JobLink)
	}
	if res := search(t, c, jobs.Query{Keywords: "null byte", MaxJobs: 10}); len(res) != 1 || res[0].Title != "Null Byte Engineer" {
		t.Errorf("control characters: %q", titles(res))
	}
}

func TestImportRefusesFilesThatAreNotJobLists(t *testing.T) {
	c, _ := newCatalog(t)
	for name, body := range map[string]string{
		"neither JSON nor CSV": "hello world\nGo,Finly",
		"a string":             `"jobs"`,
		"no jobs member":       `{"message": "hi"}`,
		"jobs not array":       `{"jobs": {"title": "x"}}`,
		"truncated":            `[{"title": "Go Developer"}, {"title": `,
	} {
		if _, err := c.Import(context.Background(), strings.NewReader(body)); err == nil {
			t.Errorf("%s: imported, want an error", name)
		}
	}
	// A search response is an import file too.
	rep, err := c.Import(context.Background(), strings.NewReader(`{"message": "Found 1 job", "jobs": [{"title": "SRE", "company": "StreamCo", "location": "Lisbon, Portugal"}], "notes": []}`))
	if err != nil || rep.Inserted != 1 {
		t.Errorf("search response import: %+v, %v", rep, err)
	}
}

func TestSearchRanksAndFilters(t *testing.T) {
	c, _ := newCatalog(t)
	day := func(n int) string { return now.Add(-time.Duration(n) * 24 * time.Hour).Format(time.RFC3339) }
	importJSON(t, c,
		posting{"title": "Backend Engineer (Go)", "company": "Finly", "location": "Berlin, Germany", "experience_level": "mid_senior", "posted_at": day(0),
			"description": "<p>Go, PostgreSQL and Kafka.</p>"},
		posting{"title": "Data Analyst", "company": "ShopNow", "location": "Casablanca, Morocco", "experience_level": "entry_level", "posted_at": day(3),
			"description": "<p>SQL dashboards; some Go scripting is a plus.</p>"},
		posting{"title": "Go Platform Engineer", "company": "BankSys", "location": "Dubai, United Arab Emirates", "experience_level": "director", "posted_at": day(20),
			"description": "<p>Kubernetes platform in Go.</p>"},
		posting{"title": "Java Developer", "company": "Go Travel", "location": "Lisbon, Portugal", "experience_level": "associate", "posted_at": day(90),
			"description": "<p>Spring Boot.</p>"},
		posting{"title": "The Office Manager", "company": "CareApp", "location": "Nairobi, Kenya"},
	)
	tests := []struct {
		name string
		q    jobs.Query
		want []string
	}{
		{"title beats company beats description, equal ranks newest first", jobs.Query{Keywords: "go"},
			[]string{"Backend Engineer (Go)", "Go Platform Engineer", "Java Developer", "Data Analyst"}},
		{"country", jobs.Query{Keywords: "go", Location: "germany"}, []string{"Backend Engineer (Go)"}},
		{"region Middle East", jobs.Query{Keywords: "go", Location: "Middle East"}, []string{"Go Platform Engineer"}},
		{"region Africa", jobs.Query{Keywords: "go", Location: "Africa"}, []string{"Data Analyst"}},
		{"region Europe", jobs.Query{Keywords: "go", Location: "Europe"}, []string{"Backend Engineer (Go)", "Java Developer"}},
		{"EMEA is everywhere", jobs.Query{Keywords: "go", Location: "EMEA"},
			[]string{"Backend Engineer (Go)", "Go Platform Engineer", "Java Developer", "Data Analyst"}},
		{"levels", jobs.Query{Keywords: "go", ExperienceLevels: []jobs.ExperienceLevel{"entry_level", "director"}},
			[]string{"Go Platform Engineer", "Data Analyst"}},
		{"past 24 h", jobs.Query{Keywords: "go", TimeRange: jobs.TimePast24h}, []string{"Backend Engineer (Go)"}},
		{"past week", jobs.Query{Keywords: "go", TimeRange: jobs.TimePastWeek}, []string{"Backend Engineer (Go)", "Data Analyst"}},
		{"past month", jobs.Query{Keywords: "go", TimeRange: jobs.TimePastMonth}, []string{"Backend Engineer (Go)", "Go Platform Engineer", "Data Analyst"}},
		{"websearch exclusion", jobs.Query{Keywords: "go -kubernetes -java"}, []string{"Backend Engineer (Go)", "Data Analyst"}},
		{"phrase", jobs.Query{Keywords: `"platform engineer"`}, []string{"Go Platform Engineer"}},
		{"stemming", jobs.Query{Keywords: "engineers"}, []string{"Backend Engineer (Go)", "Go Platform Engineer"}},
		{"stop words only fall back to the title", jobs.Query{Keywords: "the"}, []string{"The Office Manager"}},
		{"nothing", jobs.Query{Keywords: "cobol"}, []string{}},
		{"SQL in keywords is text", jobs.Query{Keywords: "go'; DROP TABLE job_catalog; --"}, []string{}},
		{"LIKE wildcards are literal", jobs.Query{Keywords: "%"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, titles(search(t, c, tt.q))); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	// The table survived the keywords above.
	if got := search(t, c, jobs.Query{Keywords: "java"}); len(got) != 1 {
		t.Errorf("java after hostile keywords: %q", titles(got))
	}
}

func TestJobByIDAndFreshPostedDate(t *testing.T) {
	c, _ := newCatalog(t)
	importJSON(t, c, posting{"title": "SRE", "company": "StreamCo", "location": "Lisbon, Portugal",
		"posted_date": "3 hours ago", "fetched_at": now.Add(-48 * time.Hour).Format(time.RFC3339), "description": "<p>On call.</p>"})
	id := jobs.JobID("StreamCo", "SRE", "Lisbon, Portugal")
	j, err := c.Job(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	// Fetched two days ago, posted three hours before that.
	if j.PostedDate != "2 days ago" || j.PostedAt == nil || !j.PostedAt.Equal(now.Add(-51*time.Hour)) {
		t.Errorf("posted %q at %v, want 2 days ago at %v", j.PostedDate, j.PostedAt, now.Add(-51*time.Hour))
	}
	if j.Description != "<p>On call.</p>" {
		t.Errorf("description %q", j.Description)
	}
	if _, err := c.Job(context.Background(), "0000000000000000"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown id: %v, want not found", err)
	}
}

func TestImportRefusesTooManyPostings(t *testing.T) {
	c, _ := newCatalog(t)
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i <= catalog.MaxImportJobs; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"title":"t%d"}`, i)
	}
	b.WriteString("]")
	if _, err := c.Import(context.Background(), strings.NewReader(b.String())); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("err = %v, want too many postings", err)
	}
}
