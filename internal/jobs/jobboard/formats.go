package jobboard

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// arbeitnowPage is a page of GET /api/job-board-api
// (https://www.arbeitnow.com/blog/job-board-api): postings from applicant
// tracking systems, mostly in Germany and Europe, 100 a page.
type arbeitnowPage struct {
	Data []struct {
		Slug        string   `json:"slug"`
		CompanyName string   `json:"company_name"`
		Title       string   `json:"title"`
		Description string   `json:"description"`
		Remote      bool     `json:"remote"`
		URL         string   `json:"url"`
		Tags        []string `json:"tags"`
		JobTypes    []string `json:"job_types"`
		Location    string   `json:"location"`
		CreatedAt   int64    `json:"created_at"` // Unix seconds
	} `json:"data"`
	Links struct {
		Next *string `json:"next"`
	} `json:"links"`
}

func decodeArbeitnow(body []byte, now time.Time, s *jobs.Sanitizer) ([]jobs.Job, string, error) {
	var p arbeitnowPage
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, "", err
	}
	if p.Data == nil {
		return nil, "", errors.New(`no "data" array`)
	}
	out := make([]jobs.Job, 0, len(p.Data))
	for _, d := range p.Data {
		// Locations stay as the board writes them: the same posting on two
		// boards must get the same deduplication key.
		loc := strings.TrimSpace(d.Location)
		if loc == "" && d.Remote {
			loc = "Remote"
		}
		j := jobs.Job{
			Title: strings.TrimSpace(d.Title), Company: strings.TrimSpace(d.CompanyName), Location: loc,
			JobLink: d.URL, Description: s.Sanitize(d.Description), SourceID: d.Slug, FetchedAt: now,
			ExperienceLevel: levelOf(append(d.JobTypes, d.Title)...),
		}
		if d.CreatedAt > 0 {
			t := time.Unix(d.CreatedAt, 0).UTC()
			j.PostedAt, j.PostedDate = &t, t.Format(time.DateOnly)
		}
		out = append(out, j)
	}
	next := ""
	if p.Links.Next != nil {
		next = *p.Links.Next
	}
	return out, next, nil
}

// remotiveFeed is GET /api/remote-jobs (https://remotive.com/api/remote-jobs):
// every live remote job, with a legal notice asking to link back to
// Remotive and name it as the source.
type remotiveFeed struct {
	Jobs []struct {
		ID                        int64    `json:"id"`
		URL                       string   `json:"url"`
		Title                     string   `json:"title"`
		CompanyName               string   `json:"company_name"`
		CompanyLogo               string   `json:"company_logo"`
		Category                  string   `json:"category"`
		Tags                      []string `json:"tags"`
		JobType                   string   `json:"job_type"`
		PublicationDate           string   `json:"publication_date"` // "2025-11-20T08:41:06", UTC
		CandidateRequiredLocation string   `json:"candidate_required_location"`
		Description               string   `json:"description"`
	} `json:"jobs"`
}

func decodeRemotive(body []byte, now time.Time, s *jobs.Sanitizer) ([]jobs.Job, string, error) {
	var f remotiveFeed
	if err := json.Unmarshal(body, &f); err != nil {
		return nil, "", err
	}
	if f.Jobs == nil {
		return nil, "", errors.New(`no "jobs" array`)
	}
	out := make([]jobs.Job, 0, len(f.Jobs))
	for _, d := range f.Jobs {
		loc := strings.TrimSpace(d.CandidateRequiredLocation)
		if loc == "" {
			loc = "Remote"
		}
		j := jobs.Job{
			Title: strings.TrimSpace(d.Title), Company: strings.TrimSpace(d.CompanyName), Location: loc,
			JobLink: d.URL, Logo: d.CompanyLogo, Description: s.Sanitize(d.Description),
			SourceID: fmt.Sprint(d.ID), FetchedAt: now, ExperienceLevel: levelOf(d.Title, d.JobType),
		}
		for _, layout := range []string{"2006-01-02T15:04:05", time.RFC3339} {
			if t, err := time.Parse(layout, d.PublicationDate); err == nil {
				t = t.UTC()
				j.PostedAt, j.PostedDate = &t, t.Format(time.DateOnly)
				break
			}
		}
		out = append(out, j)
	}
	return out, "", nil
}

// remoteOKPosting is one element of GET /api (https://remoteok.com/api): a
// JSON array whose first element is the legal notice (link back, name
// Remote OK as the source), the rest the live postings.
type remoteOKPosting struct {
	Legal       string   `json:"legal"`
	ID          flexID   `json:"id"`
	Slug        string   `json:"slug"`
	Epoch       int64    `json:"epoch"`
	Date        string   `json:"date"`
	Company     string   `json:"company"`
	CompanyLogo string   `json:"company_logo"`
	Position    string   `json:"position"`
	Tags        []string `json:"tags"`
	Logo        string   `json:"logo"`
	Description string   `json:"description"`
	Location    string   `json:"location"`
	ApplyURL    string   `json:"apply_url"`
	URL         string   `json:"url"`
}

func decodeRemoteOK(body []byte, now time.Time, s *jobs.Sanitizer) ([]jobs.Job, string, error) {
	var all []json.RawMessage
	if err := json.Unmarshal(body, &all); err != nil {
		return nil, "", err
	}
	out := make([]jobs.Job, 0, len(all))
	for _, raw := range all {
		var d remoteOKPosting
		if err := json.Unmarshal(raw, &d); err != nil {
			return nil, "", err
		}
		if d.Position == "" {
			continue // the legal notice
		}
		loc := strings.TrimSpace(d.Location)
		if loc == "" {
			loc = "Remote"
		}
		logo := d.CompanyLogo
		if logo == "" {
			logo = d.Logo
		}
		j := jobs.Job{
			Title: strings.TrimSpace(d.Position), Company: strings.TrimSpace(d.Company), Location: loc,
			JobLink: d.URL, Logo: logo, Description: s.Sanitize(d.Description), SourceID: string(d.ID),
			FetchedAt: now, ExperienceLevel: levelOf(append(d.Tags, d.Position)...),
		}
		switch {
		case d.Epoch > 0:
			t := time.Unix(d.Epoch, 0).UTC()
			j.PostedAt, j.PostedDate = &t, t.Format(time.DateOnly)
		case d.Date != "":
			if t, err := time.Parse(time.RFC3339, d.Date); err == nil {
				t = t.UTC()
				j.PostedAt, j.PostedDate = &t, t.Format(time.DateOnly)
			}
		}
		out = append(out, j)
	}
	return out, "", nil
}

// flexID is an id that RemoteOK sends as a string in some rows and as a
// number in others.
type flexID string

func (f *flexID) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*f = flexID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("id: %w", err)
	}
	*f = flexID(n.String())
	return nil
}

// levelOf reads an experience level from a board's job types, tags or the
// title; "" when none says.
func levelOf(words ...string) string {
	for _, w := range words {
		l := " " + strings.ToLower(w) + " "
		switch {
		case strings.Contains(l, "intern") || strings.Contains(l, "praktik") || strings.Contains(l, " stage "):
			return "internship"
		case strings.Contains(l, "junior") || strings.Contains(l, "entry") || strings.Contains(l, "berufseinsteiger") || strings.Contains(l, "graduate"):
			return "entry_level"
		case strings.Contains(l, "director") || strings.Contains(l, "head of"):
			return "director"
		case strings.Contains(l, "senior") || strings.Contains(l, "lead") || strings.Contains(l, "principal") || strings.Contains(l, "staff"):
			return "mid_senior"
		}
	}
	return ""
}
