// Package jobboardfake is a local HTTP server speaking the public APIs of
// Arbeitnow (/api/job-board-api, paged), Remotive (/api/remote-jobs) and
// RemoteOK (/api, legal notice first) with their documented JSON shapes, so
// the real jobboard client runs against a real socket in tests. It can be
// slow, fail with a status, and count requests.
package jobboardfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// Posting is one job the fake serves, on every board.
type Posting struct {
	ID          int64
	Title       string
	Company     string
	Location    string
	Remote      bool
	Description string // HTML, served as is
	Tags        []string
	Posted      time.Time
}

// ArbeitnowPageSize is how many postings one Arbeitnow page holds.
const ArbeitnowPageSize = 100

// Server is the fake. Its behaviour can change while it runs.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	postings map[string][]Posting // per board path
	status   int                  // non-zero: every request answers it
	delay    time.Duration
	requests map[string]int
	agents   []string
}

// Board paths.
const (
	PathArbeitnow = "/api/job-board-api"
	PathRemotive  = "/api/remote-jobs"
	PathRemoteOK  = "/api"
)

// Start starts a fake serving ps on every board; Close stops it.
func Start(ps []Posting) *Server {
	s := &Server{postings: map[string][]Posting{PathArbeitnow: ps, PathRemotive: ps, PathRemoteOK: ps}, requests: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+PathArbeitnow, s.arbeitnow)
	mux.HandleFunc("GET "+PathRemotive, s.remotive)
	mux.HandleFunc("GET "+PathRemoteOK, s.remoteOK)
	s.srv = httptest.NewServer(s.gate(mux))
	return s
}

// URL is the base URL of every board.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// SetPostings replaces what the board at path serves.
func (s *Server) SetPostings(path string, ps []Posting) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.postings[path] = ps
}

// SetStatus makes every request answer code (0: normal service).
func (s *Server) SetStatus(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status = code
}

// SetDelay delays every answer by d.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// Requests is how many requests the board at path received.
func (s *Server) Requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// UserAgents are the User-Agent headers received, in order.
func (s *Server) UserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.agents...)
}

func (s *Server) gate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests[r.URL.Path]++
		s.agents = append(s.agents, r.UserAgent())
		status, delay := s.status, s.delay
		s.mu.Unlock()
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		if status != 0 {
			http.Error(w, http.StatusText(status), status)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) list(path string) []Posting {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Posting(nil), s.postings[path]...)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// arbeitnow answers like https://www.arbeitnow.com/api/job-board-api.
func (s *Server) arbeitnow(w http.ResponseWriter, r *http.Request) {
	ps := s.list(PathArbeitnow)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	from := (page - 1) * ArbeitnowPageSize
	to := min(from+ArbeitnowPageSize, len(ps))
	data := []map[string]any{}
	for i := from; i < to; i++ {
		p := ps[i]
		data = append(data, map[string]any{
			"slug": fmt.Sprintf("%s-%d", slug(p.Title), p.ID), "company_name": p.Company, "title": p.Title,
			"description": p.Description, "remote": p.Remote,
			"url":  fmt.Sprintf("https://www.arbeitnow.com/jobs/companies/%s/%s-%d", slug(p.Company), slug(p.Title), p.ID),
			"tags": nonNil(p.Tags), "job_types": []string{"Berufserfahren", "full time"}, "location": p.Location,
			"created_at": p.Posted.Unix(),
		})
	}
	base := s.srv.URL + PathArbeitnow
	var next any
	if to < len(ps) {
		next = fmt.Sprintf("%s?page=%d", base, page+1)
	}
	var prev any
	if page > 1 {
		prev = fmt.Sprintf("%s?page=%d", base, page-1)
	}
	writeJSON(w, map[string]any{
		"data":  data,
		"links": map[string]any{"first": base + "?page=1", "last": nil, "prev": prev, "next": next},
		"meta": map[string]any{
			"current_page": page, "from": from + 1, "path": base, "per_page": ArbeitnowPageSize, "to": to,
			"terms": "This is a free public API for jobs, please do not abuse. By using the API, you agree to the terms of service: https://www.arbeitnow.com/terms",
			"info":  "Jobs are updated every hour and order by the `created_at` timestamp. Use `?page=` to paginate. Read more information here: https://www.arbeitnow.com/blog/job-board-api",
		},
	})
}

// remotive answers like https://remotive.com/api/remote-jobs.
func (s *Server) remotive(w http.ResponseWriter, r *http.Request) {
	ps := s.list(PathRemotive)
	out := []map[string]any{}
	for _, p := range ps {
		out = append(out, map[string]any{
			"id": p.ID, "url": fmt.Sprintf("https://remotive.com/remote-jobs/software-dev/%s-%d", slug(p.Title), p.ID),
			"title": p.Title, "company_name": p.Company, "company_logo": fmt.Sprintf("https://remotive.com/job/%d/logo", p.ID),
			"category": "Software Development", "tags": nonNil(p.Tags), "job_type": "full_time",
			"publication_date": p.Posted.UTC().Format("2006-01-02T15:04:05"), "candidate_required_location": p.Location,
			"salary": "", "description": p.Description,
		})
	}
	writeJSON(w, map[string]any{
		"00-warning":      "Remotive API Legal Notice",
		"0-legal-notice":  "Remotive API Legal Notice: please link back to the URL found on Remotive and mention Remotive as a source.",
		"job-count":       len(out),
		"total-job-count": len(out),
		"jobs":            out,
	})
}

// remoteOK answers like https://remoteok.com/api: the legal notice, then
// the postings. Ids alternate between strings and numbers, as the real
// feed's do.
func (s *Server) remoteOK(w http.ResponseWriter, r *http.Request) {
	ps := s.list(PathRemoteOK)
	out := []any{map[string]any{
		"last_updated": time.Now().Unix(),
		"legal":        "API Terms of Service: Please link back to the URL on Remote OK and mention Remote OK as a source, so we get traffic back from your site. If you do not we'll have to suspend API access.",
	}}
	for i, p := range ps {
		var id any = strconv.FormatInt(p.ID, 10)
		if i%2 == 1 {
			id = p.ID
		}
		out = append(out, map[string]any{
			"slug": fmt.Sprintf("remote-%s-%s-%d", slug(p.Title), slug(p.Company), p.ID), "id": id,
			"epoch": p.Posted.Unix(), "date": p.Posted.UTC().Format(time.RFC3339), "company": p.Company,
			"company_logo": "", "position": p.Title, "tags": nonNil(p.Tags), "logo": "", "description": p.Description,
			"location": p.Location, "salary_min": 0, "salary_max": 0,
			"apply_url": fmt.Sprintf("https://remoteOK.com/remote-jobs/%d", p.ID),
			"url":       fmt.Sprintf("https://remoteOK.com/remote-jobs/%d", p.ID),
		})
	}
	writeJSON(w, out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func slug(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, r)
		case r >= 'A' && r <= 'Z':
			b = append(b, r+'a'-'A')
		default:
			if len(b) > 0 && b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	return string(b)
}
