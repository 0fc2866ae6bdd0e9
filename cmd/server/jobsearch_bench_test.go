package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/config"
	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
	"github.com/utopiahire/utopiahire/internal/store"
)

// jobsBenchServer starts Main for a benchmark with rate limits off and returns
// its base URL and a signed-in user's token.
func jobsBenchServer(b *testing.B, extra map[string]string) (string, string, string) {
	b.Helper()
	dbURL := dbtest.New(b)
	env := map[string]string{"APP_ENV": "test", "PORT": "0", "DATA_DIR": b.TempDir(), "DATABASE_URL": dbURL, "BCRYPT_COST": "4", "RATE_LIMITS": "off"}
	for k, v := range extra {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		b.Fatal(err)
	}
	m := NewMain(cfg, slog.New(slog.DiscardHandler))
	if err := m.Open(context.Background()); err != nil {
		_ = m.Close(context.Background())
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = m.Close(context.Background()) })
	base := baseURL(m)
	post := func(path string, v any) []byte {
		body, _ := json.Marshal(v)
		resp, err := http.Post(base+path, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		return out
	}
	post("/api/auth/register", map[string]string{"name": "bench", "email": "bench@example.com", "password": "Str0ng!Passw0rd"})
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	_, err = conn.Exec(context.Background(), `UPDATE users SET email_verified = true`)
	conn.Close(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var login struct{ Token string }
	_ = json.Unmarshal(post("/api/auth/login", map[string]string{"email": "bench@example.com", "password": "Str0ng!Passw0rd"}), &login)
	if login.Token == "" {
		b.Fatal("no token")
	}
	return base, login.Token, dbURL
}

func jobsBenchDo(b *testing.B, base, token, method, path, contentType string, body []byte) []byte {
	req, _ := http.NewRequest(method, base+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("%s %s: %d %.300s", method, path, resp.StatusCode, out)
	}
	return out
}

// jobsPercentiles adds p50 and p95 (milliseconds) to the benchmark.
func jobsPercentiles(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	ms := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

// BenchmarkAnalyzeAPI2PageCV is POST /api/analyze through the whole server.
// pdf: multipart upload of a real two-page PDF CV, text extraction
// (pdftotext), skills extraction, scoring and the offline narrative. text:
// the same request with a two-page CV sent as cv_text (no extraction), to
// show what extraction costs.
func BenchmarkAnalyzeAPI2PageCV(b *testing.B) {
	base, token, _ := jobsBenchServer(b, nil)
	pdf, err := os.ReadFile(twoPageCV)
	if err != nil {
		b.Fatal(err)
	}
	job, err := os.ReadFile(backendJob)
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../../internal/skills/testdata/cv_2page.txt")
	if err != nil {
		b.Fatal(err)
	}
	form := func(withPDF bool) ([]byte, string) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		_ = w.WriteField("job_description", string(job))
		_ = w.WriteField("job_title", "Senior Backend Engineer")
		if withPDF {
			fw, _ := w.CreateFormFile("cv_file", "cv.pdf")
			_, _ = fw.Write(pdf)
		} else {
			_ = w.WriteField("cv_text", string(text))
		}
		_ = w.Close()
		return buf.Bytes(), w.FormDataContentType()
	}
	for _, withPDF := range []bool{true, false} {
		name := map[bool]string{true: "pdf", false: "text"}[withPDF]
		b.Run(name, func(b *testing.B) {
			body, ct := form(withPDF)
			jobsBenchDo(b, base, token, "POST", "/api/analyze", ct, body) // warm up
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				jobsBenchDo(b, base, token, "POST", "/api/analyze", ct, body)
				lat = append(lat, time.Since(start))
			}
			jobsPercentiles(b, lat)
		})
	}
}

// jobsBenchCatalog imports n postings built from the seeded sample's five
// real descriptions, with varied titles, companies and countries, so the
// full-text search has a realistic amount of text to rank.
func jobsBenchCatalog(b *testing.B, dbURL string, n int) {
	b.Helper()
	var sample []map[string]any
	raw, err := os.ReadFile("../../internal/jobs/catalog/seed.json")
	if err != nil || json.Unmarshal(raw, &sample) != nil {
		b.Fatalf("read sample: %v", err)
	}
	titles := []string{"Backend Engineer", "Data Engineer", "DevOps Engineer", "Frontend Developer", "Product Manager",
		"Machine Learning Engineer", "Site Reliability Engineer", "Security Analyst", "Java Developer", "Data Scientist"}
	places := []string{"Berlin, Germany", "Paris, France", "Casablanca, Morocco", "Dubai, United Arab Emirates", "Lagos, Nigeria",
		"Lisbon, Portugal", "Nairobi, Kenya", "Cairo, Egypt", "Warsaw, Poland", "Tunis, Tunisia"}
	levels := []string{"internship", "entry_level", "associate", "mid_senior", "director", "executive"}
	postings := make([]map[string]any, n)
	for i := range postings {
		s := sample[i%len(sample)]
		postings[i] = map[string]any{
			"title": fmt.Sprintf("%s %d", titles[i%len(titles)], i), "company": fmt.Sprintf("Company %d", i/7),
			"location": places[(i/3)%len(places)], "job_link": fmt.Sprintf("https://example.com/jobs/%d", i),
			"description": s["description"], "experience_level": levels[i%len(levels)],
			"posted_at": time.Now().Add(-time.Duration(i%720) * time.Hour).UTC().Format(time.RFC3339),
		}
	}
	data, _ := json.Marshal(postings)
	pool, err := pgxpool.New(context.Background(), dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	if _, err := catalog.New(store.NewJobCatalog(pool), nil).Import(context.Background(), bytes.NewReader(data)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCatalogSearchAPI is POST /api/jobs/search answered by the
// catalog alone (10,005 postings) through the whole server, with the cache
// defeated (JOBS_CACHE_TTL=1ns) and served from the cache.
func BenchmarkCatalogSearchAPI(b *testing.B) {
	queries := []map[string]any{
		{"keywords": "engineer", "max_jobs": 30},
		{"keywords": "kubernetes terraform", "location": "Germany", "max_jobs": 10},
		{"keywords": "machine learning", "location": "Africa", "max_jobs": 20, "timeRange": "past_week"},
		{"keywords": "data", "experience_levels": []string{"entry_level", "associate"}, "max_jobs": 10},
	}
	for _, tc := range []struct{ name, ttl string }{{"uncached", "1ns"}, {"cached", "1h"}} {
		b.Run(tc.name, func(b *testing.B) {
			base, token, dbURL := jobsBenchServer(b, map[string]string{"JOBS_CACHE_TTL": tc.ttl})
			jobsBenchCatalog(b, dbURL, 10000)
			bodies := make([][]byte, len(queries))
			for i, q := range queries {
				bodies[i], _ = json.Marshal(q)
				if out := jobsBenchDo(b, base, token, "POST", "/api/jobs/search", "application/json", bodies[i]); !strings.Contains(string(out), `"jobs":[{`) {
					b.Fatalf("query %v found nothing: %.200s", q, out)
				}
			}
			lat := make([]time.Duration, 0, b.N)
			i := 0
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				jobsBenchDo(b, base, token, "POST", "/api/jobs/search", "application/json", bodies[i%len(bodies)])
				lat = append(lat, time.Since(start))
				i++
			}
			jobsPercentiles(b, lat)
		})
	}
}
