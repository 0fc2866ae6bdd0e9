package catalog

import (
	"context"
	"time"
)

// Store is what the catalog needs from the database; internal/store
// implements it. Job returns apperr.ErrNotFound when there is no such posting.
type Store interface {
	Search(ctx context.Context, f Filter) ([]Posting, error)
	Job(ctx context.Context, id string) (Posting, error)
	Upsert(ctx context.Context, jobs []Posting) (UpsertStats, error)
	Count(ctx context.Context) (int, error)
	Prune(ctx context.Context, origin string, keep []string) (int, error)
	Expire(ctx context.Context, origins []string, before time.Time) (int, error)
	RecordImport(ctx context.Context, o ImportOutcome) error
	LiveDown(ctx context.Context, sources []string) (bool, time.Time, error)
	Origins(ctx context.Context) ([]OriginCount, error)
}

// Posting is one posting of the local job catalog, as stored.
type Posting struct {
	ID              string
	Title           string
	Company         string
	Location        string
	Country         string // canonical country name, "" when unknown
	JobLink         string
	PostedDate      string
	PostedAt        *time.Time
	Logo            string
	Description     string // sanitised HTML
	DescriptionText string // its text, for full-text search
	ExperienceLevel string
	Origin          string // where it came from before import, e.g. "linkedin"
	OriginID        string
	FetchedAt       time.Time
	// Rank is the full-text rank of a search hit (0 outside searches).
	Rank float64
}

// Filter is a catalog search.
type Filter struct {
	// Terms are the keywords in websearch syntax ("go -java", quoted phrases).
	Terms string
	// Countries restricts to postings in any of them; empty: anywhere.
	Countries []string
	// Levels restricts to any of the experience levels; empty: any.
	Levels []string
	// PostedSince drops postings older than it (and undated ones); nil: any age.
	PostedSince *time.Time
	Limit       int
}

// UpsertStats counts what an import did.
type UpsertStats struct {
	Inserted, Updated, Unchanged int
}

// OriginCount is how many catalog postings came from one origin, and how
// that origin's last import went (zero times for origins never imported
// from a live board, such as a file).
type OriginCount struct {
	Origin      string     `json:"source"`
	Postings    int        `json:"postings"`
	AttemptedAt *time.Time `json:"last_import_at,omitempty"`
	SucceededAt *time.Time `json:"last_success_at,omitempty"`
	LastError   string     `json:"last_error,omitempty"`
}

// ImportOutcome is one board's import, as RecordImport keeps it.
type ImportOutcome struct {
	Source           string
	At               time.Time
	Err              string // "" on success
	Fetched, Removed int
}
