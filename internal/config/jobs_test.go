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
		SourceTimeout: 8 * time.Second, CacheTTL: 15 * time.Minute, Seed: true}
	if diff := cmp.Diff(want, c.Jobs); diff != "" {
		t.Fatalf("jobs defaults (-want +got):\n%s", diff)
	}
}

func TestJobsSettings(t *testing.T) {
	t.Parallel()
	c, err := Load(env(map[string]string{"DATA_DIR": t.TempDir(), "JOBS_LINKEDIN": "on",
		"LINKEDIN_BASE_URL": "http://127.0.0.1:9999/", "LINKEDIN_DETAILS": "0", "JOBS_SOURCE_TIMEOUT": "2s",
		"JOBS_CACHE_TTL": "1m", "JOBS_SEED": "off"}))
	if err != nil {
		t.Fatal(err)
	}
	want := JobsConfig{LinkedIn: true, LinkedInBaseURL: "http://127.0.0.1:9999", LinkedInDetails: 0,
		SourceTimeout: 2 * time.Second, CacheTTL: time.Minute, Seed: false}
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
