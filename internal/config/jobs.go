package config

import (
	"errors"
	"fmt"
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
}

// loadJobs reads and checks the job-search settings.
func (c *Config) loadJobs(getenv Getenv, errs *[]error) {
	c.Jobs = JobsConfig{
		LinkedIn:        jobsSwitch(getenv, "JOBS_LINKEDIN", false, errs),
		LinkedInBaseURL: strings.TrimRight(orDefault(getenv("LINKEDIN_BASE_URL"), "https://www.linkedin.com"), "/"),
		LinkedInDetails: intVar(getenv, "LINKEDIN_DETAILS", 3, 0, 30, errs),
		SourceTimeout:   durationVar(getenv, "JOBS_SOURCE_TIMEOUT", 8*time.Second, errs),
		CacheTTL:        durationVar(getenv, "JOBS_CACHE_TTL", 15*time.Minute, errs),
		Seed:            jobsSwitch(getenv, "JOBS_SEED", true, errs),
	}
	checkURL("LINKEDIN_BASE_URL", c.Jobs.LinkedInBaseURL, []string{"http", "https"}, errs)
	if c.Jobs.SourceTimeout > 2*time.Minute {
		*errs = append(*errs, errors.New("JOBS_SOURCE_TIMEOUT must be at most 2m (a search waits for its slowest source)"))
	}
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
