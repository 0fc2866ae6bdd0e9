package main

import (
	"encoding/json"
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
