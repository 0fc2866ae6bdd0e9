package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// JobsConfig is the job search: which live sources run, how long each may
// take, and how long merged results are cached. The local catalog always
// runs, so a search answers with no network.
type JobsConfig struct {
	// LinkedIn enables LinkedIn's public guest job search as a live source
	// (JOBS_LINKEDIN=on). Off by default: it is an outbound dependency with
	// its own terms and rate limits that an operator opts into.
	LinkedIn        bool
	LinkedInBaseURL string
	// LinkedInDetails is how many postings per search get their description
	// fetched during the search (the rest on GET /api/jobs/{id}).
	LinkedInDetails int
	// SourceTimeout bounds each source of one search.
	SourceTimeout time.Duration
	// CacheTTL is how long a merged result is reused for the same query.
	CacheTTL time.Duration
	// Seed imports the shipped sample into an empty catalog at start.
	Seed bool
	// Boards are the keyless public job boards the catalog is refreshed
	// from (JOBS_SOURCES, comma-separated: arbeitnow, remotive, remoteok;
	// empty: none). `make run` enables all three.
	Boards []string
	// BoardsBaseURL replaces every board's base URL (a local mirror, or the
	// fake in tests); empty: the boards' own sites.
	BoardsBaseURL string
	// ImportInterval is how often the catalog is refreshed from Boards.
	ImportInterval time.Duration
	// MaxAge expires board postings older than it.
	MaxAge time.Duration
}

// JobBoards are the boards JOBS_SOURCES may name (internal/jobs/jobboard).
var JobBoards = []string{"arbeitnow", "remotive", "remoteok"}

// loadJobs reads and checks the job-search settings.
func (c *Config) loadJobs(getenv Getenv, errs *[]error) {
	c.Jobs = JobsConfig{
		LinkedIn:        jobsSwitch(getenv, "JOBS_LINKEDIN", false, errs),
		LinkedInBaseURL: strings.TrimRight(orDefault(getenv("LINKEDIN_BASE_URL"), "https://www.linkedin.com"), "/"),
		LinkedInDetails: intVar(getenv, "LINKEDIN_DETAILS", 3, 0, 30, errs),
		SourceTimeout:   durationVar(getenv, "JOBS_SOURCE_TIMEOUT", 8*time.Second, errs),
		CacheTTL:        durationVar(getenv, "JOBS_CACHE_TTL", 15*time.Minute, errs),
		Seed:            jobsSwitch(getenv, "JOBS_SEED", true, errs),
		Boards:          jobBoards(getenv("JOBS_SOURCES"), errs),
		BoardsBaseURL:   strings.TrimRight(getenv("JOBS_BOARDS_BASE_URL"), "/"),
		ImportInterval:  durationVar(getenv, "JOBS_IMPORT_INTERVAL", 6*time.Hour, errs),
		MaxAge:          durationVar(getenv, "JOBS_MAX_AGE", 60*24*time.Hour, errs),
	}
	if c.Jobs.BoardsBaseURL != "" {
		checkURL("JOBS_BOARDS_BASE_URL", c.Jobs.BoardsBaseURL, []string{"http", "https"}, errs)
	}
	if c.Jobs.ImportInterval < 10*time.Minute && c.Jobs.BoardsBaseURL == "" {
		// The boards ask not to be fetched too often; only a mirror or a fake may be polled faster.
		*errs = append(*errs, errors.New("JOBS_IMPORT_INTERVAL must be at least 10m against the real job boards"))
	}
	if c.Jobs.ImportInterval < time.Second || c.Jobs.MaxAge < time.Hour {
		*errs = append(*errs, errors.New("JOBS_IMPORT_INTERVAL must be at least 1s and JOBS_MAX_AGE at least 1h"))
	}
	checkURL("LINKEDIN_BASE_URL", c.Jobs.LinkedInBaseURL, []string{"http", "https"}, errs)
	if c.Jobs.SourceTimeout > 2*time.Minute {
		*errs = append(*errs, errors.New("JOBS_SOURCE_TIMEOUT must be at most 2m (a search waits for its slowest source)"))
	}
}

// jobBoards reads JOBS_SOURCES: known board names, each once.
func jobBoards(v string, errs *[]error) []string {
	var out []string
	for _, name := range strings.Split(v, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		switch {
		case name == "":
		case !slices.Contains(JobBoards, name):
			*errs = append(*errs, fmt.Errorf("JOBS_SOURCES: unknown job board %q (want some of %s)", name, strings.Join(JobBoards, ", ")))
		case !slices.Contains(out, name):
			out = append(out, name)
		}
	}
	return out
}

// jobsSwitch reads an on/off switch.
func jobsSwitch(getenv Getenv, name string, def bool, errs *[]error) bool {
	switch v := strings.ToLower(strings.TrimSpace(getenv(name))); v {
	case "":
		return def
	case "on", "true", "1", "yes":
		return true
	case "off", "false", "0", "no":
		return false
	default:
		*errs = append(*errs, fmt.Errorf("%s must be on or off, not %q", name, v))
		return def
	}
}
