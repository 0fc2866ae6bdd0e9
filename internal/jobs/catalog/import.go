package catalog

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Limits of an import. A posting over a field limit is skipped with a
// reason; a file over MaxImportBytes or MaxImportJobs is refused whole.
const (
	MaxImportBytes       = 512 << 20
	MaxImportJobs        = 100_000
	maxTitleRunes        = 300
	maxCompanyRunes      = 200
	maxLocationRunes     = 200
	maxURLBytes          = 2048
	maxPostedDateRunes   = 100
	maxDescriptionRunes  = 200_000
	maxOriginRunes       = 50
	maxOriginIDRunes     = 100
	defaultImportOrigin  = "import"
	duplicateEntryReason = "same company, title and location as entry %d"
)

// Problem is a posting an import skipped, and why.
type Problem struct {
	Index  int    `json:"index"` // 1-based position in the file
	Title  string `json:"title,omitempty"`
	Reason string `json:"reason"`
}

// Report says what an import did.
type Report struct {
	Read int `json:"read"`
	UpsertStats
	Skipped []Problem `json:"skipped"`
}

// entry is one posting of an import file: the contract's job fields (an
// API search response can be imported as is) plus optional provenance.
type entry struct {
	Title           string     `json:"title"`
	Company         string     `json:"company"`
	Location        string     `json:"location"`
	JobLink         string     `json:"job_link"`
	PostedDate      string     `json:"posted_date"`
	Logo            string     `json:"logo"`
	Description     string     `json:"description"`
	ExperienceLevel string     `json:"experience_level"`
	Country         string     `json:"country"`
	Source          string     `json:"source"`
	SourceID        string     `json:"source_id"`
	FetchedAt       *time.Time `json:"fetched_at"`
	PostedAt        *time.Time `json:"posted_at"`
}

// Import reads postings from r — a JSON array of jobs, an object with a
// "jobs" array such as a search response, or CSV with a header row naming
// the same fields — and upserts the valid ones: importing the same file
// twice changes nothing the second time.
func (c *Catalog) Import(ctx context.Context, r io.Reader) (Report, error) {
	return c.importFrom(ctx, r, defaultImportOrigin)
}

func (c *Catalog) importFrom(ctx context.Context, r io.Reader, origin string) (Report, error) {
	rows, skipped, err := c.parse(r, origin)
	rep := Report{Read: len(rows) + len(skipped), Skipped: skipped}
	if err != nil {
		return rep, err
	}
	if rep.Skipped == nil {
		rep.Skipped = []Problem{}
	}
	st, err := c.st.Upsert(ctx, rows)
	rep.UpsertStats = st
	return rep, err
}

// Parse reads and checks an import file without touching the database: the
// rows to upsert and the postings skipped. Relative posting dates ("3 hours
// ago") count back from each posting's fetched_at, else from now.
func (c *Catalog) Parse(r io.Reader) ([]Posting, []Problem, error) {
	return c.parse(r, defaultImportOrigin)
}

// entries yields the postings of a file one by one: ok false at the end;
// reason set for a posting that is not a job object.
type entries func() (e entry, reason string, ok bool, err error)

func (c *Catalog) parse(r io.Reader, origin string) ([]Posting, []Problem, error) {
	lr := &io.LimitedReader{R: r, N: MaxImportBytes + 1}
	br := bufio.NewReaderSize(lr, 64<<10)
	next, err := openEntries(br)
	if err != nil {
		return nil, nil, tooLarge(lr, err)
	}
	now := c.now().UTC()
	var rows []Posting
	var skipped []Problem
	seen := map[string]int{}
	for i := 1; ; i++ {
		e, reason, ok, err := next()
		if err != nil {
			return nil, nil, tooLarge(lr, fmt.Errorf("posting %d: %w", i, err))
		}
		if !ok {
			break
		}
		if i > MaxImportJobs {
			return nil, nil, fmt.Errorf("the file holds more than %d postings; split it", MaxImportJobs)
		}
		if e.Source == "" {
			e.Source = origin
		}
		var row Posting
		if reason == "" {
			row, reason = c.checkEntry(e, now)
		}
		if reason == "" {
			if first, dup := seen[row.ID]; dup {
				reason = fmt.Sprintf(duplicateEntryReason, first)
			}
		}
		if reason != "" {
			skipped = append(skipped, Problem{Index: i, Title: truncate(row.Title, 80), Reason: reason})
			continue
		}
		seen[row.ID] = i
		rows = append(rows, row)
	}
	return rows, skipped, nil
}

// openEntries reads JSON when the file starts with [ or {, else CSV.
func openEntries(br *bufio.Reader) (entries, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return nil, errors.New("the file is empty")
		}
		switch {
		case b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n':
			_, _ = br.ReadByte()
			continue
		case b[0] == '[' || b[0] == '{':
			return jsonEntries(br)
		}
		// A UTF-8 byte-order mark from a spreadsheet export.
		if bom, _ := br.Peek(3); string(bom) == "\xef\xbb\xbf" {
			_, _ = br.Discard(3)
		}
		return csvEntries(br)
	}
}

func jsonEntries(r io.Reader) (entries, error) {
	dec := json.NewDecoder(r)
	if err := openJobsArray(dec); err != nil {
		return nil, err
	}
	return func() (entry, string, bool, error) {
		if !dec.More() {
			return entry{}, "", false, nil
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return entry{}, "", false, err
		}
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				return e, fmt.Sprintf("field %q must be of type %s", te.Field, te.Type), true, nil
			}
			return e, "not a JSON object of job fields", true, nil
		}
		return e, "", true, nil
	}, nil
}

// csvColumns are the columns a CSV import may have (the JSON field names).
var csvColumns = map[string]func(e *entry, v string) string{
	"title":            func(e *entry, v string) string { e.Title = v; return "" },
	"company":          func(e *entry, v string) string { e.Company = v; return "" },
	"location":         func(e *entry, v string) string { e.Location = v; return "" },
	"job_link":         func(e *entry, v string) string { e.JobLink = v; return "" },
	"posted_date":      func(e *entry, v string) string { e.PostedDate = v; return "" },
	"logo":             func(e *entry, v string) string { e.Logo = v; return "" },
	"description":      func(e *entry, v string) string { e.Description = v; return "" },
	"experience_level": func(e *entry, v string) string { e.ExperienceLevel = v; return "" },
	"country":          func(e *entry, v string) string { e.Country = v; return "" },
	"source":           func(e *entry, v string) string { e.Source = v; return "" },
	"source_id":        func(e *entry, v string) string { e.SourceID = v; return "" },
	"posted_at":        func(e *entry, v string) string { return csvTime(&e.PostedAt, "posted_at", v) },
	"fetched_at":       func(e *entry, v string) string { return csvTime(&e.FetchedAt, "fetched_at", v) },
}

func csvTime(dst **time.Time, field, v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			*dst = &t
			return ""
		}
	}
	return fmt.Sprintf("%s must be an RFC 3339 time or a date (YYYY-MM-DD)", field)
}

func csvEntries(r io.Reader) (entries, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("not JSON, and not CSV with a header row: %w", err)
	}
	cols := make([]func(*entry, string) string, len(head))
	hasTitle := false
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(h))
		set, ok := csvColumns[h]
		if !ok {
			return nil, fmt.Errorf("CSV column %q is not a job field (want some of title, company, location, job_link, description, …)", truncate(h, 40))
		}
		cols[i] = set
		hasTitle = hasTitle || h == "title"
	}
	if !hasTitle {
		return nil, errors.New(`the CSV header has no "title" column`)
	}
	return func() (entry, string, bool, error) {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return entry{}, "", false, nil
		}
		if err != nil {
			return entry{}, "", false, err
		}
		var e entry
		if len(rec) != len(cols) {
			return e, fmt.Sprintf("the row has %d fields, the header %d", len(rec), len(cols)), true, nil
		}
		for i, v := range rec {
			if reason := cols[i](&e, v); reason != "" {
				return e, reason, true, nil
			}
		}
		return e, "", true, nil
	}, nil
}

// openJobsArray positions dec inside the postings array: the top-level
// array, or the "jobs" member of a top-level object.
func openJobsArray(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if tok == json.Delim('[') {
		return nil
	}
	if tok != json.Delim('{') {
		return errors.New(`want a JSON array of jobs or an object with a "jobs" array`)
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return fmt.Errorf("not JSON: %w", err)
		}
		if key == "jobs" {
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return errors.New(`"jobs" must be an array`)
			}
			return nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return fmt.Errorf("not JSON: %w", err)
		}
	}
	return errors.New(`the object has no "jobs" array`)
}

func tooLarge(lr *io.LimitedReader, err error) error {
	if lr.N <= 0 {
		return fmt.Errorf("the file is larger than %d MB", MaxImportBytes>>20)
	}
	return err
}

// checkEntry checks one posting and turns it into a row; reason is empty
// when the posting is fit to import.
func (c *Catalog) checkEntry(e entry, now time.Time) (Posting, string) {
	row := Posting{
		Title: oneLine(e.Title), Company: oneLine(e.Company), Location: oneLine(e.Location),
		PostedDate: oneLine(e.PostedDate), Origin: oneLine(e.Source), OriginID: oneLine(e.SourceID),
		FetchedAt: now,
	}
	if e.FetchedAt != nil && !e.FetchedAt.IsZero() {
		row.FetchedAt = e.FetchedAt.UTC()
	}
	if row.Origin == "" || row.Origin == Name {
		row.Origin = defaultImportOrigin
	}
	if reason := checkLengths(row); reason != "" {
		return row, reason
	}
	var reason string
	if row.JobLink, reason = webURL("job_link", e.JobLink); reason != "" {
		return row, reason
	}
	if row.Logo, reason = webURL("logo", e.Logo); reason != "" {
		return row, reason
	}
	if e.ExperienceLevel != "" {
		l, err := jobs.ParseExperienceLevel(e.ExperienceLevel)
		if err != nil {
			return row, fmt.Sprintf("unknown experience_level %q", truncate(e.ExperienceLevel, 40))
		}
		row.ExperienceLevel = string(l)
	}
	if row.Country, reason = country(e.Country, row.Location, row.JobLink); reason != "" {
		return row, reason
	}
	row.Description = c.sanitize.Sanitize(strings.ReplaceAll(e.Description, "\x00", ""))
	row.DescriptionText = jobs.Text(row.Description)
	if utf8.RuneCountInString(row.Description) > maxDescriptionRunes {
		return row, fmt.Sprintf("description is longer than %d characters", maxDescriptionRunes)
	}
	row.PostedAt = e.PostedAt
	if row.PostedAt == nil {
		row.PostedAt = postedAt(row.PostedDate, row.FetchedAt)
	}
	row.ID = jobs.JobID(row.Company, row.Title, row.Location)
	return row, ""
}

func checkLengths(row Posting) string {
	switch {
	case row.Title == "":
		return "title is empty"
	case utf8.RuneCountInString(row.Title) > maxTitleRunes:
		return fmt.Sprintf("title is longer than %d characters", maxTitleRunes)
	case utf8.RuneCountInString(row.Company) > maxCompanyRunes:
		return fmt.Sprintf("company is longer than %d characters", maxCompanyRunes)
	case utf8.RuneCountInString(row.Location) > maxLocationRunes:
		return fmt.Sprintf("location is longer than %d characters", maxLocationRunes)
	case utf8.RuneCountInString(row.PostedDate) > maxPostedDateRunes:
		return fmt.Sprintf("posted_date is longer than %d characters", maxPostedDateRunes)
	case utf8.RuneCountInString(row.Origin) > maxOriginRunes:
		return fmt.Sprintf("source is longer than %d characters", maxOriginRunes)
	case utf8.RuneCountInString(row.OriginID) > maxOriginIDRunes:
		return fmt.Sprintf("source_id is longer than %d characters", maxOriginIDRunes)
	}
	return ""
}

// webURL accepts an empty value or an absolute http(s) URL, without its
// tracking parameters.
func webURL(field, v string) (string, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", ""
	}
	clean := jobs.CleanURL(v)
	if clean == "" || strings.HasPrefix(clean, "mailto:") || len(clean) > maxURLBytes || !strings.Contains(clean, "://") {
		return "", field + " must be an http(s) URL of at most 2048 bytes"
	}
	return clean, ""
}

// country is the explicit country when given (it must be one of
// jobs.Locations' countries), else the one the location or link names.
func country(explicit, location, link string) (string, string) {
	if strings.TrimSpace(explicit) == "" {
		return countryOf(location, link), ""
	}
	if c := asCountry(explicit); c != "" {
		return c, ""
	}
	return "", fmt.Sprintf("country %q is not a country of Europe, the Middle East or Africa", truncate(explicit, 40))
}

// oneLine trims s, folds its whitespace and drops control characters
// (PostgreSQL text cannot hold NUL).
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
