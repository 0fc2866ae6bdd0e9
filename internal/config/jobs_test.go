package config

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestJobsDefaults(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	want := JobsConfig{LinkedIn: false, LinkedInBaseURL: "https://www.linkedin.com", LinkedInDetails: 3,
		SourceTimeout: 8 * time.Second, CacheTTL: 15 * time.Minute, Seed: true,
		ImportInterval: 6 * time.Hour, MaxAge: 60 * 24 * time.Hour}
	if diff := cmp.Diff(want, c.Jobs); diff != "" {
		t.Fatalf("jobs defaults (-want +got):\n%s", diff)
	}
}

func TestJobsSettings(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "JOBS_LINKEDIN": "on",
		"LINKEDIN_BASE_URL": "http://127.0.0.1:9999/", "LINKEDIN_DETAILS": "0", "JOBS_SOURCE_TIMEOUT": "2s",
		"JOBS_CACHE_TTL": "1m", "JOBS_SEED": "off", "JOBS_SOURCES": " Remotive, arbeitnow,remotive,",
		"JOBS_BOARDS_BASE_URL": "http://127.0.0.1:9998/", "JOBS_IMPORT_INTERVAL": "2s", "JOBS_MAX_AGE": "720h"}))
	if err != nil {
		t.Fatal(err)
	}
	want := JobsConfig{LinkedIn: true, LinkedInBaseURL: "http://127.0.0.1:9999", LinkedInDetails: 0,
		SourceTimeout: 2 * time.Second, CacheTTL: time.Minute, Seed: false,
		Boards: []string{"remotive", "arbeitnow"}, BoardsBaseURL: "http://127.0.0.1:9998", ImportInterval: 2 * time.Second,
		MaxAge: 30 * 24 * time.Hour}
	if diff := cmp.Diff(want, c.Jobs); diff != "" {
		t.Fatalf("jobs settings (-want +got):\n%s", diff)
	}
}

func TestJobsBadSettings(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ key, value, want string }{
		"switch":      {"JOBS_LINKEDIN", "maybe", "JOBS_LINKEDIN must be on or off"},
		"seed":        {"JOBS_SEED", "sometimes", "JOBS_SEED must be on or off"},
		"scheme":      {"LINKEDIN_BASE_URL", "ftp://example.com", "LINKEDIN_BASE_URL must use one of the schemes"},
		"details":     {"LINKEDIN_DETAILS", "31", "LINKEDIN_DETAILS must be a whole number from 0 to 30"},
		"timeout":     {"JOBS_SOURCE_TIMEOUT", "-1s", "JOBS_SOURCE_TIMEOUT must be a positive duration"},
		"long":        {"JOBS_SOURCE_TIMEOUT", "10m", "JOBS_SOURCE_TIMEOUT must be at most 2m"},
		"ttl garbage": {"JOBS_CACHE_TTL", "soon", "JOBS_CACHE_TTL must be a positive duration"},
		"board":       {"JOBS_SOURCES", "arbeitnow,indeed", `unknown job board "indeed"`},
		"impolite":    {"JOBS_IMPORT_INTERVAL", "1m", "JOBS_IMPORT_INTERVAL must be at least 10m"},
		"boards url":  {"JOBS_BOARDS_BASE_URL", "file:///tmp", "JOBS_BOARDS_BASE_URL must use one of the schemes"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), tc.key: tc.value}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%s=%q: err %v, want %q", tc.key, tc.value, err, tc.want)
			}
		})
	}
}
