// Package jobs is the job-search domain: the Job and Query types of the API
// contract, query validation (including the EMEA location list), the Source
// interface every job board or catalog implements, and the Aggregator that
// queries sources concurrently, deduplicates and merges their results.
//
// Adapters live elsewhere: jobs/linkedin (LinkedIn's public guest search),
// jobs/linkedinfake (a local server speaking that HTML for tests), and the
// Postgres catalog, which is just another Source.
package jobs

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/text"
)

// Job is one job posting. The first eight fields are the contract's; the
// rest are additions.
type Job struct {
	Title      string `json:"title"`
	Company    string `json:"company"`
	Location   string `json:"location"`
	JobLink    string `json:"job_link"`
	PostedDate string `json:"posted_date"` // as the source shows it: "3 hours ago", "2025-11-20"
	Logo       string `json:"logo"`
	// LogoTag is the logo's image URL, or empty (the existing frontend's name).
	LogoTag string `json:"logo_tag"`
	// TimeNote is the source's note on timing ("Be an early applicant"), or empty.
	TimeNote        string `json:"time_note"`
	Description     string `json:"description"` // sanitised HTML, may be empty until details are fetched
	ExperienceLevel string `json:"experience_level"`

	ID        string     `json:"id"` // stable: see JobID
	Source    string     `json:"source"`
	FetchedAt time.Time  `json:"fetched_at"`
	PostedAt  *time.Time `json:"posted_at,omitempty"` // parsed date when the source gives one
	// SourceID is the source's own identifier (LinkedIn's posting number).
	SourceID string `json:"source_id,omitempty"`
}

// JobID is a stable identifier derived from the deduplication key, so the
// same posting gets the same ID from any source and on every fetch.
func JobID(company, title, location string) string {
	sum := sha256.Sum256([]byte(DedupKey(company, title, location)))
	return hex.EncodeToString(sum[:8])
}

// WithID returns j with its ID set from its company, title and location.
func (j Job) WithID() Job {
	j.ID = JobID(j.Company, j.Title, j.Location)
	return j
}

// genderMarkers are suffixes job boards add to titles in some countries; the
// same posting appears with and without them.
var genderMarkers = []string{
	"(m/f/d)", "(m/w/d)", "(f/m/d)", "(w/m/d)", "(m/f/x)", "(m/w/x)", "(f/m/x)", "(h/f)", "(f/h)", "(h/f/x)",
	"(all genders)", "(alle geschlechter)", "(m/f)", "(f/m)", "(m/w)", "(x/f/m)", "(d/f/m)", "(d/m/w)",
}

// DedupKey normalises company, title and location: case, accents,
// punctuation, spacing and gender markers do not make two postings differ.
func DedupKey(company, title, location string) string {
	t := strings.ToLower(title)
	for _, m := range genderMarkers {
		t = strings.ReplaceAll(t, m, " ")
	}
	return text.Key(company) + "|" + text.Key(t) + "|" + text.Key(location)
}
