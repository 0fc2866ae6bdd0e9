package catalog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/store"
)

// benchFile is an import file of n postings built from the shipped
// sample's five real descriptions, with varied titles, companies,
// countries, levels and dates.
func benchFile(b *testing.B, n int) []byte {
	b.Helper()
	var sample []map[string]any
	raw, err := os.ReadFile("seed.json")
	if err != nil || json.Unmarshal(raw, &sample) != nil {
		b.Fatalf("read sample: %v", err)
	}
	titles := []string{"Backend Engineer", "Data Engineer", "DevOps Engineer", "Frontend Developer", "Product Manager",
		"Machine Learning Engineer", "Site Reliability Engineer", "Security Analyst", "Java Developer", "Data Scientist"}
	places := []string{"Berlin, Germany", "Paris, France", "Casablanca, Morocco", "Dubai, United Arab Emirates", "Lagos, Nigeria",
		"Lisbon, Portugal", "Nairobi, Kenya", "Cairo, Egypt", "Warsaw, Poland", "Tunis, Tunisia"}
	levels := []string{"internship", "entry_level", "associate", "mid_senior", "director", "executive"}
	ps := make([]map[string]any, n)
	for i := range ps {
		ps[i] = map[string]any{
			"title": fmt.Sprintf("%s %d", titles[i%len(titles)], i), "company": fmt.Sprintf("Company %d", i/7),
			"location": places[(i/3)%len(places)], "job_link": fmt.Sprintf("https://example.com/jobs/%d", i),
			"description": sample[i%len(sample)]["description"], "experience_level": levels[i%len(levels)],
			"posted_at": now.Add(-time.Duration(i%720) * time.Hour).Format(time.RFC3339),
		}
	}
	data, err := json.Marshal(ps)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkImportFile10k imports a 10,000-posting JSON file into an empty
// catalog (target ≤ 30 s): parsing, sanitising, readable text, upsert.
func BenchmarkImportFile10k(b *testing.B) {
	data := benchFile(b, 10_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		c := catalog.New(store.NewJobCatalog(dbtest.NewPool(b)), func() time.Time { return now })
		b.StartTimer()
		rep, err := c.Import(context.Background(), bytes.NewReader(data))
		if err != nil || rep.Inserted != 10_000 {
			b.Fatalf("import: %+v %v", rep.UpsertStats, err)
		}
	}
}

// BenchmarkCatalogSearch100k searches a catalog of 100,000 postings
// (target p50 ≤ 20 ms), rotating four queries of different breadth.
//
// Setup: 1,000 postings go through the real importer (sanitising, readable
// text, upsert); the other 99,000 are copies made by one INSERT … SELECT
// over generate_series, each with its own id, title number, place, level
// and date, so the GIN index and the planner see 100,000 distinct rows.
// Importing all of them row by row took 24 min under load.
func BenchmarkCatalogSearch100k(b *testing.B) {
	pool := dbtest.NewPool(b)
	c := catalog.New(store.NewJobCatalog(pool), func() time.Time { return now })
	ctx := context.Background()
	start := time.Now()
	if _, err := c.Import(ctx, bytes.NewReader(benchFile(b, 1_000))); err != nil {
		b.Fatal(err)
	}
	if _, err := pool.Exec(ctx, copyCatalog, 99, 1_000); err != nil {
		b.Fatalf("copy postings: %v", err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE job_catalog`); err != nil {
		b.Fatal(err)
	}
	if n, err := c.Count(ctx); err != nil || n != 100_000 {
		b.Fatalf("catalog holds %d postings (%v), want 100,000", n, err)
	}
	b.Logf("built 100,000 postings in %s", time.Since(start).Round(time.Second))
	queries := []jobs.Query{
		{Keywords: "engineer", MaxJobs: 30},
		{Keywords: "engineer", Location: "Germany", MaxJobs: 10},
		{Keywords: "machine learning", Location: "Africa", MaxJobs: 20, TimeRange: jobs.TimePastWeek},
		{Keywords: "data", ExperienceLevels: []jobs.ExperienceLevel{"entry_level", "associate"}, MaxJobs: 10},
	}
	for i := range queries {
		q, err := queries[i].Normalize()
		if err != nil {
			b.Fatal(err)
		}
		queries[i] = q
		if got, err := c.Search(context.Background(), q); err != nil || len(got) == 0 {
			b.Fatalf("query %+v: %d results, %v", q, len(got), err)
		}
	}
	var lat []time.Duration
	per := make([][]time.Duration, len(queries))
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if _, err := c.Search(context.Background(), queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		d := time.Since(t0)
		lat = append(lat, d)
		per[i%len(queries)] = append(per[i%len(queries)], d)
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	// Each query's own p50 says where a tail comes from.
	for q, ds := range per {
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, fmt.Sprintf("q%d-p50-ms", q+1))
	}
}

// copyCatalog adds $1 copies of every posting (numbered n + k·$2 like
// benchFile would number them): own id, title number, place, level and
// posting date; the description and its search vector are the original's.
const copyCatalog = `
WITH places(k, location, country) AS (VALUES
	(0, 'Berlin, Germany', 'Germany'), (1, 'Paris, France', 'France'), (2, 'Casablanca, Morocco', 'Morocco'),
	(3, 'Dubai, United Arab Emirates', 'United Arab Emirates'), (4, 'Lagos, Nigeria', 'Nigeria'),
	(5, 'Lisbon, Portugal', 'Portugal'), (6, 'Nairobi, Kenya', 'Kenya'), (7, 'Cairo, Egypt', 'Egypt'),
	(8, 'Warsaw, Poland', 'Poland'), (9, 'Tunis, Tunisia', 'Tunisia')),
src AS (
	SELECT j.*, substring(j.title FROM '[0-9]+$')::int + g * $2::int AS n
	FROM job_catalog j CROSS JOIN generate_series(1, $1::int) g)
INSERT INTO job_catalog (id, title, company, location, country, job_link, posted_date, posted_at, logo,
	description, description_text, experience_level, origin, origin_id, fetched_at)
SELECT substr(md5(src.id || ':' || src.n), 1, 16),
	regexp_replace(src.title, '[0-9]+$', src.n::text), 'Company ' || (src.n / 7),
	p.location, p.country, 'https://example.com/jobs/' || src.n, '', src.fetched_at - make_interval(hours => src.n % 720),
	src.logo, src.description, src.description_text,
	(ARRAY['internship', 'entry_level', 'associate', 'mid_senior', 'director', 'executive'])[src.n % 6 + 1],
	src.origin, '', src.fetched_at
FROM src JOIN places p ON p.k = (src.n / 3) % 10`
