package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/utopiahire/utopiahire/internal/dbtest"
	"github.com/utopiahire/utopiahire/internal/jobs/jobboardfake"
)

type catalogJSON struct {
	Total   int `json:"total"`
	Sources []struct {
		Source       string     `json:"source"`
		Postings     int        `json:"postings"`
		LastImportAt *time.Time `json:"last_import_at"`
		LastError    string     `json:"last_error"`
	} `json:"sources"`
}

func (c *apiClient) catalog() catalogJSON {
	c.t.Helper()
	code, body := c.json("GET", "/api/jobs/catalog", nil)
	var out catalogJSON
	if code != 200 || json.Unmarshal(body, &out) != nil {
		c.t.Fatalf("GET /api/jobs/catalog: %d %s", code, body)
	}
	return out
}

// waitCatalog polls GET /api/jobs/catalog until ok accepts it.
func waitCatalog(t *testing.T, u *apiClient, ok func(catalogJSON) bool) catalogJSON {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c := u.catalog()
		if ok(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("catalog never got there: %+v", c)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBoardsImportIntoCatalog: with JOBS_SOURCES set, the periodic River
// job imports the three boards (fakes speaking their APIs) at start-up;
// searches answer from the catalog; GET /api/jobs/catalog says how many
// postings come from where.
func TestBoardsImportIntoCatalog(t *testing.T) {
	t.Parallel()
	posted := time.Now().Add(-time.Hour)
	fake := jobboardfake.Start([]jobboardfake.Posting{
		{ID: 1, Title: "Data Engineer", Company: "Atlas", Location: "Casablanca, Morocco", Posted: posted,
			Description: "<h2>Requirements</h2><ul><li>Spark &amp; Airflow</li></ul>"},
		{ID: 2, Title: "Backend Engineer", Company: "Finly", Location: "Paris, France", Posted: posted,
			Description: "<p>Go and PostgreSQL.</p>"},
	})
	t.Cleanup(fake.Close)
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, map[string]string{
		"JOBS_SOURCES": "arbeitnow,remotive,remoteok", "JOBS_BOARDS_BASE_URL": fake.URL(), "JOBS_IMPORT_INTERVAL": "1h",
	}))
	u := signIn(t, m, dbURL, "karl")
	c := waitCatalog(t, u, func(c catalogJSON) bool {
		imported := 0
		for _, s := range c.Sources {
			if s.LastImportAt != nil {
				imported++
			}
		}
		return imported == 3
	})
	per := map[string]int{}
	for _, s := range c.Sources {
		per[s.Source] = s.Postings
	}
	// The same two postings on three boards are two rows, Arbeitnow's.
	if per["arbeitnow"] != 2 || per["remotive"] != 0 || per["remoteok"] != 0 || per["sample"] != 5 || c.Total != 7 {
		t.Fatalf("catalog %+v", c)
	}
	for _, q := range []map[string]any{{"keywords": "data engineer", "location": "Morocco"}, {"keywords": "backend engineer", "location": "France"}} {
		code, res, body := u.search(q)
		if code != 200 || len(res.Jobs) != 1 || res.Jobs[0].Source != "catalog" || !strings.Contains(res.Jobs[0].JobLink, "arbeitnow.com") {
			t.Fatalf("search %v: %d %s", q, code, body)
		}
	}
	if fake.Requests(jobboardfake.PathRemoteOK) != 1 {
		t.Fatalf("%d RemoteOK requests for one import", fake.Requests(jobboardfake.PathRemoteOK))
	}
}

// TestSkillsGapWithUploadedCV: the skills-gap page's CV picker lists the
// caller's uploaded CVs (one per identical file, nobody else's) and the
// analysis reads the picked one by cv_file_id; a job description sent as
// HTML is read as its text.
func TestSkillsGapWithUploadedCV(t *testing.T) {
	t.Parallel()
	dbURL := dbtest.New(t)
	m := startMain(t, testConfig(t, dbURL, nil))
	u := signIn(t, m, dbURL, "lena")
	other := signIn(t, m, dbURL, "omar")
	pdf, err := os.ReadFile(twoPageCV)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if code, body := u.multipart("/api/upload-cv", nil, "cv", "lena-cv.pdf", pdf); code != 201 {
			t.Fatalf("upload-cv: %d %s", code, body)
		}
	}
	var files struct {
		Files []struct {
			FileID   string `json:"file_id"`
			Filename string `json:"filename"`
		} `json:"files"`
	}
	code, body := u.json("GET", "/api/cv/files", nil)
	if code != 200 || json.Unmarshal(body, &files) != nil || len(files.Files) != 1 || files.Files[0].Filename != "lena-cv.pdf" {
		t.Fatalf("GET /api/cv/files: %d %s", code, body)
	}
	if code, body := other.json("GET", "/api/cv/files", nil); code != 200 || !strings.Contains(string(body), `"files":[]`) {
		t.Fatalf("another user's list: %d %s", code, body)
	}
	job := "<h2>Requirements</h2><ul><li>5+ years of Go &amp; PostgreSQL</li><li>Kubernetes</li></ul><p>Nice to have: Kafka</p>"
	fields := map[string]string{"cv_file_id": files.Files[0].FileID, "job_description": job, "job_title": "Backend Engineer"}
	code, body = u.multipart("/api/analyze", fields, "", "", nil)
	if code != 200 || !strings.Contains(string(body), `"skill_id":"postgresql"`) {
		t.Fatalf("analyze with cv_file_id: %d %s", code, body)
	}
	if code, body := other.multipart("/api/analyze", fields, "", "", nil); code != 404 {
		t.Fatalf("another user's cv_file_id: %d %s", code, body)
	}
}
