package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/config"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs/linkedinfake"
)

// twoPageCV is a real two-page PDF CV; backendJob a job description.
const (
	twoPageCV  = "../../internal/cvparse/testdata/bench-2page.pdf"
	backendJob = "../../internal/skills/testdata/job_backend.txt"
)

type jobJSON struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Company         string `json:"company"`
	Location        string `json:"location"`
	JobLink         string `json:"job_link"`
	PostedDate      string `json:"posted_date"`
	Logo            string `json:"logo"`
	LogoTag         string `json:"logo_tag"`
	TimeNote        string `json:"time_note"`
	Description     string `json:"description"`
	ExperienceLevel string `json:"experience_level"`
	Source          string `json:"source"`
}

type searchJSON struct {
	Message string    `json:"message"`
	Jobs    []jobJSON `json:"jobs"`
	Notes   []struct {
		Source, Status, Message string
		Count                   int
	} `json:"notes"`
	Cached bool `json:"cached"`
}

func (c *apiClient) search(q map[string]any) (int, searchJSON, []byte) {
	c.t.Helper()
	code, body := c.json("POST", "/api/jobs/search", q)
	var out searchJSON
	if code == 200 {
		if err := json.Unmarshal(body, &out); err != nil {
			c.t.Fatalf("search answer: %v %s", err, body)
		}
	}
	return code, out, body
}

func (s searchJSON) sources() map[string]int {
	out := map[string]int{}
	for _, j := range s.Jobs {
		out[j.Source]++
	}
	return out
}

// TestJobsAndSkillsGapOffline is the first "done when": a new user,
// no network, no keys, searches the seeded catalog and gets a full skills-gap
// report for their two-page PDF CV.
func TestJobsAndSkillsGapOffline(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, nil))
	alice := signIn(t, m, dbURL, "alice")

	code, res, body := alice.search(map[string]any{"keywords": "engineer", "location": "Germany", "max_jobs": 10, "timeRange": "any", "experience_levels": []string{}})
	if code != 200 {
		t.Fatalf("search: %d %s", code, body)
	}
	if len(res.Jobs) < 3 || res.sources()["catalog"] != len(res.Jobs) || res.Cached || !strings.HasPrefix(res.Message, fmt.Sprintf("Found %d jobs", len(res.Jobs))) {
		t.Fatalf("catalog search: %s", body)
	}
	if len(res.Notes) != 1 || res.Notes[0].Source != "catalog" || res.Notes[0].Status != "ok" {
		t.Fatalf("notes: %+v", res.Notes)
	}
	for _, j := range res.Jobs {
		if j.ID == "" || j.Title == "" || j.JobLink == "" || j.Description == "" || !strings.Contains(j.Location, "Germany") && !strings.Contains(j.Location, "Munich") {
			t.Fatalf("job fields: %+v", j)
		}
	}
	// The contract's keys are all there.
	var raw struct{ Jobs []map[string]any }
	_ = json.Unmarshal(body, &raw)
	for _, k := range []string{"title", "company", "location", "job_link", "posted_date", "logo", "description", "experience_level", "id", "source", "fetched_at"} {
		if _, ok := raw.Jobs[0][k]; !ok {
			t.Errorf("job has no %q: %v", k, raw.Jobs[0])
		}
	}

	// The alias answers the same, from the cache.
	code, aliased := alice.json("POST", "/api/search-jobs", map[string]any{"keywords": "Engineer", "location": "deutschland", "max_jobs": 10})
	var again searchJSON
	_ = json.Unmarshal(aliased, &again)
	if code != 200 || !again.Cached || len(again.Jobs) != len(res.Jobs) {
		t.Fatalf("alias: %d %s", code, aliased)
	}

	// Latest results, then one job in full.
	code, latest, _ := alice.do("GET", "/api/jobs", "", nil)
	var l searchJSON
	_ = json.Unmarshal(latest, &l)
	if code != 200 || len(l.Jobs) != len(res.Jobs) || l.Jobs[0].ID != res.Jobs[0].ID {
		t.Fatalf("latest: %d %s", code, latest)
	}
	code, one, _ := alice.do("GET", "/api/jobs/"+res.Jobs[0].ID, "", nil)
	var j jobJSON
	_ = json.Unmarshal(one, &j)
	if code != 200 || j.ID != res.Jobs[0].ID || len(j.Description) < 500 {
		t.Fatalf("one job: %d %.300s", code, one)
	}

	// The skills gap for the two-page CV against that job and a backend job.
	for name, desc := range map[string]string{"catalog job": j.Description, "backend job": string(readFile(t, backendJob))} {
		code, body := alice.multipart("/api/analyze", map[string]string{"job_description": desc, "job_title": j.Title}, "cv_file", "cv.pdf", readFile(t, twoPageCV))
		if code != 200 {
			t.Fatalf("%s: analyze: %d %s", name, code, body)
		}
		checkGapReport(t, body)
	}

	// Another user has no latest search, but the catalog is everyone's.
	bob := signIn(t, m, dbURL, "bob")
	if code, body, _ := bob.do("GET", "/api/jobs", "", nil); code != 200 || !bytes.Contains(body, []byte(`"jobs":[]`)) || !bytes.Contains(body, []byte("No search yet")) {
		t.Fatalf("bob's latest: %d %s", code, body)
	}
	if code, _, _ := bob.do("GET", "/api/jobs/"+res.Jobs[0].ID, "", nil); code != 200 {
		t.Fatalf("bob reads a catalog job: %d", code)
	}
	// Without a token GET /api/jobs answers (the contract's anonymous use:
	// that client's last search or the latest public results) but never a
	// signed-in user's own search; one job's details still need a token.
	anon := &apiClient{t: t, base: baseURL(m)}
	if code, body, _ := anon.do("GET", "/api/jobs", "", nil); code != 200 || !bytes.Contains(body, []byte(`"jobs":`)) {
		t.Errorf("anonymous GET /api/jobs: %d %s", code, body)
	}
	if code, _, _ := anon.do("GET", "/api/jobs/"+res.Jobs[0].ID, "", nil); code != 401 {
		t.Errorf("anonymous GET /api/jobs/{id}: %d", code)
	}
}

// checkGapReport checks a /api/analyze answer has the contract's shape
// and a consistent, offline-written content.
func checkGapReport(t *testing.T, body []byte) {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// The contract's keys plus learn_first and resources_version (additions).
	want := []string{"ai_scores", "ai_summary", "generator", "job_skill_profile", "learn_first", "learning_paths", "priority_actions", "quantitative_summary", "resources_version", "resume_edits"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Fatalf("report keys (-want +got):\n%s", diff)
	}
	var rep struct {
		Profile []struct {
			Skill          string  `json:"skill"`
			ProficiencyYou float64 `json:"proficiency_you"`
			ProficiencyReq float64 `json:"proficiency_req"`
			Gap            float64 `json:"gap"`
			IsMustHave     *bool   `json:"is_must_have"`
		} `json:"job_skill_profile"`
		Summary string `json:"ai_summary"`
		Scores  struct {
			Coverage, Depth, Alignment *int
		} `json:"ai_scores"`
		Quant struct {
			OverallScore  int `json:"overall_score"`
			SkillsMatched int `json:"skills_matched"`
			SkillsMissing int `json:"skills_missing"`
			TotalRequired int `json:"total_required"`
		} `json:"quantitative_summary"`
		Actions []struct{ Action, TimeEstimate, Why string } `json:"priority_actions"`
		Paths   []struct {
			Skill     string `json:"skill"`
			PathTitle string `json:"path_title"`
			Platform  string `json:"platform"`
		} `json:"learning_paths"`
		Generator  string `json:"generator"`
		LearnFirst []struct {
			Skill      string `json:"skill"`
			IsMustHave bool   `json:"is_must_have"`
			Why        string `json:"why"`
			Resources  []struct {
				Title, URL string
			} `json:"resources"`
		} `json:"learn_first"`
	}
	if err := json.Unmarshal(body, &rep); err != nil {
		t.Fatal(err)
	}
	q := rep.Quant
	if len(rep.Profile) == 0 || q.TotalRequired != len(rep.Profile) || q.SkillsMatched+q.SkillsMissing != q.TotalRequired || q.SkillsMatched == 0 {
		t.Fatalf("profile and summary disagree: %d rows, %+v", len(rep.Profile), q)
	}
	for _, r := range rep.Profile {
		if r.Skill == "" || r.IsMustHave == nil || r.Gap < 0 || r.ProficiencyReq <= 0 || r.Gap > r.ProficiencyReq {
			t.Fatalf("profile row %+v", r)
		}
	}
	if rep.Scores.Coverage == nil || rep.Scores.Depth == nil || rep.Scores.Alignment == nil || rep.Summary == "" || rep.Generator != "offline" {
		t.Fatalf("scores/summary/generator: %s", body)
	}
	if q.SkillsMissing > 0 && (len(rep.Actions) == 0 || len(rep.Paths) == 0 || len(rep.LearnFirst) == 0) {
		t.Fatalf("gaps without actions, paths or skills to learn first: %s", body)
	}
	if len(rep.LearnFirst) > 5 {
		t.Fatalf("learn_first has %d items, want at most 5", len(rep.LearnFirst))
	}
	for _, l := range rep.LearnFirst {
		if l.Skill == "" || l.Why == "" || len(l.Resources) == 0 || !strings.HasPrefix(l.Resources[0].URL, "https://") {
			t.Fatalf("learn_first item without reason or https link: %+v", l)
		}
	}
}

func TestJobSearchRefusesBadInput(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "erin")
	for _, tc := range []struct {
		name   string
		q      map[string]any
		status int
		code   string
	}{
		{"empty keywords", map[string]any{"keywords": "   "}, 422, "keywords_required"},
		{"html keywords", map[string]any{"keywords": `<script>alert(1)</script>`}, 422, "invalid_keywords"},
		{"control characters", map[string]any{"keywords": "go\x00lang"}, 422, "invalid_keywords"},
		{"long keywords", map[string]any{"keywords": strings.Repeat("go ", 60)}, 422, "keywords_too_long"},
		{"unknown location", map[string]any{"keywords": "go", "location": "Atlantis"}, 422, "invalid_location"},
		{"max_jobs 1000", map[string]any{"keywords": "go", "max_jobs": 1000}, 422, "invalid_max_jobs"},
		{"max_jobs -10", map[string]any{"keywords": "go", "max_jobs": -10}, 422, "invalid_max_jobs"},
		{"max_jobs word", map[string]any{"keywords": "go", "max_jobs": "ten"}, 422, "invalid_max_jobs"},
		{"max_jobs numeric string 1000", map[string]any{"keywords": "go", "max_jobs": "1000"}, 422, "invalid_max_jobs"},
		{"max_jobs object", map[string]any{"keywords": "go", "max_jobs": map[string]any{"n": 10}}, 422, "invalid_max_jobs"},
		{"time range zero seconds", map[string]any{"keywords": "go", "timeRange": "0"}, 422, "invalid_time_range"},
		{"time range list", map[string]any{"keywords": "go", "timeRange": []string{"-1"}}, 422, "invalid_time_range"},
		{"time range", map[string]any{"keywords": "go", "timeRange": "since the dawn of time"}, 422, "invalid_time_range"},
		{"level", map[string]any{"keywords": "go", "experience_levels": []string{"god"}}, 422, "invalid_experience_level"},
		{"too many levels", map[string]any{"keywords": "go", "experience_levels": strings.Split("internship,entry_level,associate,mid_senior,director,executive,intern", ",")}, 422, "invalid_experience_level"},
		{"levels not a list", map[string]any{"keywords": "go", "experience_levels": "director"}, 422, "invalid_field_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := u.json("POST", "/api/jobs/search", tc.q)
			if code != tc.status || errCode(body) != tc.code {
				t.Fatalf("%d %s, want %d %s", code, body, tc.status, tc.code)
			}
		})
	}
	// An unknown location lists the valid ones.
	_, body := u.json("POST", "/api/jobs/search", map[string]any{"keywords": "go", "location": "Atlantis"})
	if !bytes.Contains(body, []byte(`"Morocco"`)) || !bytes.Contains(body, []byte(`"United Arab Emirates"`)) {
		t.Fatalf("valid locations not listed: %.300s", body)
	}
	// SQL is just words: the search answers and the catalog survives.
	for _, kw := range []string{`'; DROP TABLE job_catalog; --`, `engineer" OR 1=1 --`, `%_\`, `!!! & | :*`} {
		if code, res, body := u.search(map[string]any{"keywords": kw}); code != 200 || res.Jobs == nil {
			t.Fatalf("keywords %q: %d %s", kw, code, body)
		}
	}
	if code, res, _ := u.search(map[string]any{"keywords": "engineer"}); code != 200 || len(res.Jobs) == 0 {
		t.Fatalf("catalog gone after hostile keywords: %d %+v", code, res)
	}
	// Malformed bodies.
	if code, body, _ := u.do("POST", "/api/jobs/search", "application/json", strings.NewReader(`{"keywords":`)); code != 400 || errCode(body) != "malformed_json" {
		t.Fatalf("truncated JSON: %d %s", code, body)
	}
	if code, _, _ := u.do("POST", "/api/jobs/search", "text/plain", strings.NewReader(`keywords=go`)); code != 415 {
		t.Fatalf("text body: %d", code)
	}
	big := `{"keywords":"go","pad":"` + strings.Repeat("x", 2<<20) + `"}`
	if code, _, _ := u.do("POST", "/api/jobs/search", "application/json", strings.NewReader(big)); code != 413 {
		t.Fatalf("2 MB body: %d", code)
	}
	for _, id := range []string{"0123456789abcdef", "nope", "..%2F..%2Fetc%2Fpasswd", "0123456789ABCDEF"} {
		if code, body, _ := u.do("GET", "/api/jobs/"+id, "", nil); code != 404 {
			t.Fatalf("GET /api/jobs/%s: %d %s", id, code, body)
		}
	}
	// Anonymous use is allowed (compat_test.go); a bad token is not.
	forged := &apiClient{t: t, base: baseURL(m), token: "not-a-token"}
	if code, _ := forged.json("POST", "/api/jobs/search", map[string]any{"keywords": "go"}); code != 401 {
		t.Fatalf("search with a bad token: %d", code)
	}
}

func TestSkillsGapRefusesBadInput(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	u := signIn(t, m, dbURL, "frank")
	job := string(readFile(t, backendJob))
	pdf := readFile(t, twoPageCV)
	docx := readFile(t, "../../internal/extract/testdata/sample.docx")
	for _, tc := range []struct {
		name     string
		fields   map[string]string
		file     []byte
		status   int
		code     string
		filename string
	}{
		{"empty job", map[string]string{"job_description": "  \n "}, pdf, 422, "job_description_empty", ""},
		{"1 MB job", map[string]string{"job_description": strings.Repeat("Go and PostgreSQL. ", 1<<20/19+1)}, pdf, 413, "job_description_too_large", ""},
		{"job without skills", map[string]string{"job_description": "We are a friendly team and we like lunch."}, pdf, 422, "job_no_skills", ""},
		{"long title", map[string]string{"job_description": job, "job_title": strings.Repeat("Senior ", 60)}, pdf, 413, "job_title_too_large", ""},
		{"docx", map[string]string{"job_description": job}, docx, 415, "cv_not_pdf", ""},
		{"gif", map[string]string{"job_description": job}, append([]byte("GIF89a"), make([]byte, 100)...), 415, "unsupported_type", ""},
		{"executable", map[string]string{"job_description": job}, append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1}, make([]byte, 300)...), 415, "executable", ""},
		{"text named .pdf", map[string]string{"job_description": job}, []byte("Jane Doe\nGo developer\n"), 415, "cv_not_pdf", "cv.pdf"},
		{"truncated pdf", map[string]string{"job_description": job}, pdf[:len(pdf)/3], 422, "", ""},
		{"encrypted pdf", map[string]string{"job_description": job}, readFile(t, "../../internal/extract/testdata/encrypted.pdf"), 422, "encrypted_pdf", ""},
		{"over 10 MB", map[string]string{"job_description": job}, append([]byte("%PDF-1.7\n"), make([]byte, 10<<20)...), 413, "", ""},
		{"no cv", map[string]string{"job_description": job}, nil, 422, "cv_missing", ""},
		{"invalid utf-8 text", map[string]string{"job_description": job, "cv_text": "Go \xff\xfe developer"}, nil, 422, "text_not_utf8", ""},
		{"unknown file id", map[string]string{"job_description": job, "cv_file_id": "00000000-0000-0000-0000-000000000000"}, nil, 404, "cv_file_not_found", ""},
		{"garbage file id", map[string]string{"job_description": job, "cv_file_id": "'; DROP TABLE cv_files; --"}, nil, 404, "cv_file_not_found", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			field, name := "", tc.filename
			if tc.file != nil {
				field = "cv_file"
				if name == "" {
					name = "cv.bin"
				}
			}
			code, body := u.multipart("/api/analyze", tc.fields, field, name, tc.file)
			if code != tc.status || (tc.code != "" && errCode(body) != tc.code) {
				t.Fatalf("%d %.300s, want %d %s", code, body, tc.status, tc.code)
			}
		})
	}
	if code, body := u.json("POST", "/api/analyze", map[string]string{"job_description": job}); code != 415 {
		t.Fatalf("JSON body: %d %s", code, body)
	}
	// A CV uploaded earlier can be named by id, by its owner only.
	code, body := u.multipart("/api/upload-cv", nil, "cv", "cv.docx", docx)
	if code != 201 {
		t.Fatalf("upload: %d %s", code, body)
	}
	var up struct {
		FileID string `json:"file_id"`
	}
	_ = json.Unmarshal(body, &up)
	desc := "Requirements: Microsoft Word, English, communication skills, project management."
	if code, body := u.multipart("/api/analyze", map[string]string{"job_description": desc, "cv_file_id": up.FileID}, "", "", nil); code != 200 {
		t.Fatalf("analyze by file id: %d %s", code, body)
	}
	// The text comes from the extraction stored at upload: the file is
	// not read again (its bytes, made unreadable here, would fail), and a
	// file stored without one (before extractions were kept) is read once
	// and its extraction kept.
	conn, err := pgx.Connect(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `UPDATE cv_files SET content = '\x504b0304'::bytea WHERE id = $1`, up.FileID); err != nil {
		t.Fatal(err)
	}
	if code, body := u.multipart("/api/analyze", map[string]string{"job_description": desc, "cv_file_id": up.FileID}, "", "", nil); code != 200 {
		t.Fatalf("analyze by file id re-read the file: %d %s", code, body)
	}
	code, body = u.multipart("/api/upload-cv", nil, "cv", "old.docx", docx)
	if code != 201 {
		t.Fatalf("upload: %d %s", code, body)
	}
	var old struct {
		FileID string `json:"file_id"`
	}
	_ = json.Unmarshal(body, &old)
	if _, err := conn.Exec(context.Background(), `UPDATE cv_files SET extracted = NULL WHERE id = $1`, old.FileID); err != nil {
		t.Fatal(err)
	}
	if code, body := u.multipart("/api/analyze", map[string]string{"job_description": desc, "cv_file_id": old.FileID}, "", "", nil); code != 200 {
		t.Fatalf("analyze a file stored without extraction: %d %s", code, body)
	}
	var kept bool
	if err := conn.QueryRow(context.Background(), `SELECT extracted IS NOT NULL FROM cv_files WHERE id = $1`, old.FileID).Scan(&kept); err != nil || !kept {
		t.Fatalf("extraction of a file stored without one was not kept (%v)", err)
	}
	other := signIn(t, m, dbURL, "grace")
	if code, body := other.multipart("/api/analyze", map[string]string{"job_description": desc, "cv_file_id": up.FileID}, "", "", nil); code != 404 {
		t.Fatalf("another user's file id: %d %s", code, body)
	}
	// Plain text works too.
	if code, body := u.multipart("/api/analyze", map[string]string{"job_description": job, "cv_text": cvText}, "", "", nil); code != 200 {
		t.Fatalf("cv_text: %d %s", code, body)
	}
}

func TestConcurrentSearchesAndAnalyses(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{"RATE_LIMITS": "off"}))
	users := make([]*apiClient, 6)
	for i := range users {
		users[i] = signIn(t, m, dbURL, fmt.Sprintf("user%d", i))
	}
	pdf, job := readFile(t, twoPageCV), string(readFile(t, backendJob))
	var wg sync.WaitGroup
	errs := make(chan string, 24)
	for i, u := range users {
		wg.Add(2)
		go func() {
			defer wg.Done()
			kw := []string{"engineer", "devops"}[i%2]
			code, body := u.json("POST", "/api/jobs/search", map[string]any{"keywords": kw, "max_jobs": 20})
			if code != 200 {
				errs <- fmt.Sprintf("search %d: %d %s", i, code, body)
				return
			}
			// Each user's latest is their own search.
			code, latest, _ := u.do("GET", "/api/jobs", "", nil)
			if code != 200 || !bytes.Contains(latest, []byte(`"keywords":"`+kw+`"`)) {
				errs <- fmt.Sprintf("latest %d: %d %.200s", i, code, latest)
			}
		}()
		go func() {
			defer wg.Done()
			code, body := u.multipart("/api/analyze", map[string]string{"job_description": job}, "cv_file", "cv.pdf", pdf)
			if code != 200 {
				errs <- fmt.Sprintf("analyze %d: %d %.300s", i, code, body)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestAnalyzeIsRateLimited(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, nil))
	u := signIn(t, m, dbURL, "heidi")
	limited := 0
	for range 12 {
		if code, _ := u.multipart("/api/analyze", map[string]string{"job_description": "Go"}, "", "", nil); code == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited != 2 {
		t.Fatalf("%d of 12 analyses refused, want 2 (10 per minute)", limited)
	}
}

// TestLiveLinkedInMergesWithCatalog is the second "done when":
// with the fake LinkedIn, live results merge with the catalog; when
// LinkedIn's markup changes the search still answers from the catalog.
func TestLiveLinkedInMergesWithCatalog(t *testing.T) {
	t.Parallel()
	fake := linkedinfake.New([]linkedinfake.Posting{
		// The same posting as one of the seeded catalog's.
		{ID: "4300000001", Title: "DevOps Engineer (All genders)", Company: "Optimyze Consulting", Location: "Greater Munich Metropolitan Area",
			Seniority: "Mid-Senior level", Posted: "1 hour ago", Date: "2026-11-25",
			DescriptionHTML: `<p>Live copy: Kubernetes and Terraform.</p><script>alert(1)</script><img src="https://track.example/p.gif">`},
		{ID: "4300000002", Title: "Go Backend Engineer", Company: "Finly", Location: "Berlin, Germany", Seniority: "Associate",
			Posted: "2 hours ago", Date: "2026-11-25", DescriptionHTML: `<p>Go, PostgreSQL and Kafka.</p><a href="https://finly.example/apply?utm_source=li&amp;x=1">Apply</a>`},
		{ID: "4300000003", Title: "Site Reliability Engineer", Company: "StreamCo", Location: "Casablanca, Morocco", Seniority: "Entry level",
			Posted: "5 hours ago", Date: "2026-11-25", DescriptionHTML: `<p>Linux, Prometheus.</p>`},
	})
	t.Cleanup(fake.Close)
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{
		"JOBS_LINKEDIN": "on", "LINKEDIN_BASE_URL": fake.URL(), "LINKEDIN_DETAILS": "1", "JOBS_SOURCE_TIMEOUT": "5s",
	}))
	u := signIn(t, m, dbURL, "ivan")

	code, res, body := u.search(map[string]any{"keywords": "engineer", "max_jobs": 30})
	if code != 200 {
		t.Fatalf("search: %d %s", code, body)
	}
	if got := res.sources(); got["linkedin"] != 3 || got["catalog"] != 4 {
		t.Fatalf("sources %v, want 3 live + 4 catalog (5 seeded, 1 duplicate): %s", got, body)
	}
	notes := map[string]string{}
	for _, n := range res.Notes {
		notes[n.Source] = n.Status
	}
	if notes["linkedin"] != "ok" || notes["catalog"] != "ok" {
		t.Fatalf("notes %+v", res.Notes)
	}
	byTitle := map[string]jobJSON{}
	for _, j := range res.Jobs {
		if _, dup := byTitle[j.Title+"|"+j.Company]; dup {
			t.Fatalf("duplicate %q in %s", j.Title, body)
		}
		byTitle[j.Title+"|"+j.Company] = j
	}
	devops := byTitle["DevOps Engineer (All genders)|Optimyze Consulting"]
	if devops.Source != "linkedin" || !strings.Contains(devops.Description, "Live copy") || strings.Contains(devops.Description, "<script") ||
		strings.Contains(devops.Description, "track.example") || devops.ExperienceLevel != "mid_senior" {
		t.Fatalf("merged duplicate: %+v", devops)
	}
	// The frontend's logo_tag (the logo's URL) and time_note (LinkedIn's
	// card note, on every third card of the fake as on LinkedIn).
	notesSeen := 0
	for _, j := range res.Jobs {
		if j.Source == "linkedin" && (j.Logo == "" || j.LogoTag != j.Logo) {
			t.Errorf("%s: logo %q, logo_tag %q", j.Title, j.Logo, j.LogoTag)
		}
		if j.TimeNote == "Be an early applicant" {
			notesSeen++
		}
	}
	if notesSeen != 1 {
		t.Errorf("%d jobs with LinkedIn's time note, want 1: %s", notesSeen, body)
	}
	goJob := byTitle["Go Backend Engineer|Finly"]
	if goJob.Description != "" || goJob.ID == "" {
		t.Fatalf("LINKEDIN_DETAILS=1 fetched more than one description: %+v", goJob)
	}
	// Its description comes on demand, sanitised, and is kept.
	for range 2 {
		code, one, _ := u.do("GET", "/api/jobs/"+goJob.ID, "", nil)
		var j jobJSON
		_ = json.Unmarshal(one, &j)
		if code != 200 || !strings.Contains(j.Description, "Go, PostgreSQL and Kafka") || strings.Contains(j.Description, "utm_source") || j.ExperienceLevel != "associate" {
			t.Fatalf("job details: %d %s", code, one)
		}
	}
	details := 0
	for _, r := range fake.Requests() {
		if strings.HasSuffix(r.Path, "/4300000002") {
			details++
		}
		if !strings.HasPrefix(r.UserAgent, "UtopiaHire/") {
			t.Fatalf("user agent %q", r.UserAgent)
		}
	}
	if details != 1 {
		t.Fatalf("%d detail fetches for one job read twice, want 1", details)
	}

	// LinkedIn changes its markup: the search answers from the catalog and says why.
	fake.ChangeMarkup(true)
	code, res, body = u.search(map[string]any{"keywords": "devops"})
	if code != 200 || len(res.Jobs) == 0 || res.sources()["catalog"] != len(res.Jobs) || !strings.Contains(res.Message, "parse failure") {
		t.Fatalf("changed markup: %d %s", code, body)
	}
	// That degraded answer was not cached: once LinkedIn is back, it is asked again.
	fake.ChangeMarkup(false)
	code, res, body = u.search(map[string]any{"keywords": "devops"})
	if code != 200 || res.Cached || res.sources()["linkedin"] != 1 || strings.Contains(res.Message, "Note:") {
		t.Fatalf("after recovery: %d %s", code, body)
	}
}

func TestJobsImportCommand(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "jobs.json")
	jobsFile := `{"message":"x","jobs":[
		{"title":"Data Engineer","company":"Atlas","location":"Casablanca, Morocco","job_link":"https://example.com/1","description":"<p>Spark and Airflow</p><script>x()</script>","experience_level":"Mid-Senior level"},
		{"title":"","company":"Nobody","location":"Tunis"}]}`
	if err := os.WriteFile(file, []byte(jobsFile), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"APP_ENV": "test", "DATA_DIR": dir, "DATABASE_URL": dbURL, "JOBS_SEED": "off"}
	var out, stderr bytes.Buffer
	args := []string{"jobs", "import", file}
	if err := runWith(t, args, env, &out, &stderr); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr.String())
	}
	var rep struct {
		Read, Inserted int
		Skipped        []struct{ Index int }
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Read != 2 || rep.Inserted != 1 || len(rep.Skipped) != 1 || rep.Skipped[0].Index != 2 {
		t.Fatalf("report %+v %v: %s", rep, err, out.String())
	}
	out.Reset()
	if err := runWith(t, args, env, &out, &stderr); err != nil || !strings.Contains(out.String(), `"Unchanged": 1`) {
		t.Fatalf("second import: %v %s", err, out.String())
	}
	for _, bad := range [][]string{{"jobs"}, {"jobs", "export", file}, {"jobs", "import", filepath.Join(dir, "missing.json")}, {"jobs", "import", "-"}} {
		if err := runWith(t, bad, env, &out, &stderr); err == nil {
			t.Errorf("%v succeeded", bad)
		}
	}
	if err := run(context.Background(), []string{"jobs", "import"}, func(k string) string { return env[k] }, io.Discard); err == nil || !strings.Contains(err.Error(), "usage: server jobs import FILE") {
		t.Errorf("server jobs import without FILE: %v", err)
	}

	// The imported posting is searchable by a user, with JOBS_SEED off.
	m := startMain(t, testConfig(t, dbURL, map[string]string{"JOBS_SEED": "off"}))
	u := signIn(t, m, dbURL, "judy")
	code, res, body := u.search(map[string]any{"keywords": "airflow", "location": "Morocco"})
	if code != 200 || len(res.Jobs) != 1 || res.Jobs[0].Title != "Data Engineer" || strings.Contains(res.Jobs[0].Description, "script") || res.Jobs[0].ExperienceLevel != "mid_senior" {
		t.Fatalf("imported job: %d %s", code, body)
	}
	if code, res, _ := u.search(map[string]any{"keywords": "devops"}); code != 200 || len(res.Jobs) != 0 || !strings.HasPrefix(res.Message, "No jobs found") {
		t.Fatalf("JOBS_SEED=off still seeded: %+v", res)
	}
}

// runWith runs `server jobs …` with env, as main does, capturing its output.
func runWith(t *testing.T, args []string, env map[string]string, out, stderr io.Writer) error {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if args[0] != "jobs" {
		t.Fatalf("runWith runs jobs commands, not %v", args)
	}
	return jobsCommand(context.Background(), cfg, slog.New(slog.NewTextHandler(stderr, nil)), args[1:], strings.NewReader(""), out)
}
