// Package linkedinfake is a local HTTP server that answers LinkedIn's guest
// job-search endpoints with pages shaped like LinkedIn's (hand-written from
// the documented structure), so the real linkedin client runs against a real
// socket in tests. It can page, rate-limit (429 then OK), block (999), serve
// changed markup, and be slow.
package linkedinfake

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed testdata/*.html
var pages embed.FS

var tmpl = template.Must(template.ParseFS(pages, "testdata/*.html"))

// PageSize is how many cards one search page holds.
const PageSize = 10

// Posting is one job the fake serves.
type Posting struct {
	ID, Title, Company, Location string
	Seniority                    string // LinkedIn's text: "Mid-Senior level"
	Posted                       string // "3 hours ago"
	Date                         string // "2025-11-20"
	// DescriptionHTML is served as is inside the description markup, so
	// tests can plant scripts and tracking pixels.
	DescriptionHTML template.HTML
}

// Request is one request the fake received.
type Request struct {
	Path      string
	Query     url.Values
	UserAgent string
	Status    int
}

// Server is the fake. Its behaviour can change while it runs.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	postings []Posting
	requests []Request
	tooMany  int  // next search/detail requests answered 429
	blocked  bool // every request answered 999
	changed  bool // search pages use different markup
	delay    time.Duration
}

// New starts a fake on 127.0.0.1 serving postings.
func New(postings []Posting) *Server {
	s := &Server{postings: postings}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /jobs-guest/jobs/api/seeMoreJobPostings/search", s.search)
	mux.HandleFunc("GET /jobs-guest/jobs/api/jobPosting/{id}", s.posting)
	s.srv = httptest.NewServer(mux)
	return s
}

// URL is the base URL to configure the client with.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// TooManyRequests makes the next n requests answer 429 (Retry-After: 0).
func (s *Server) TooManyRequests(n int) { s.mu.Lock(); s.tooMany = n; s.mu.Unlock() }

// Block makes every request answer LinkedIn's 999 while on.
func (s *Server) Block(on bool) { s.mu.Lock(); s.blocked = on; s.mu.Unlock() }

// ChangeMarkup serves search pages whose cards lost the documented classes.
func (s *Server) ChangeMarkup(on bool) { s.mu.Lock(); s.changed = on; s.mu.Unlock() }

// Delay makes every answer wait d (or until the client gives up).
func (s *Server) Delay(d time.Duration) { s.mu.Lock(); s.delay = d; s.mu.Unlock() }

// Requests returns what the fake received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// gate applies delay, 999 and 429 and records the request; it reports
// whether the handler should go on.
func (s *Server) gate(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	delay, status := s.delay, http.StatusOK
	switch {
	case s.blocked:
		status = 999
	case s.tooMany > 0:
		s.tooMany--
		status = http.StatusTooManyRequests
	}
	s.requests = append(s.requests, Request{Path: r.URL.Path, Query: r.URL.Query(), UserAgent: r.UserAgent(), Status: status})
	s.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return false
		}
	}
	if status != http.StatusOK {
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
		}
		w.WriteHeader(status)
		return false
	}
	return true
}

// levelCodes are LinkedIn's f_E numbers.
var levelCodes = map[string]string{"1": "Internship", "2": "Entry level", "3": "Associate", "4": "Mid-Senior level", "5": "Director", "6": "Executive"}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	if !s.gate(w, r) {
		return
	}
	q := r.URL.Query()
	start, err := strconv.Atoi(q.Get("start"))
	if err != nil || start < 0 {
		http.Error(w, "bad start", http.StatusBadRequest)
		return
	}
	if tpr := q.Get("f_TPR"); tpr != "" && tpr != "r86400" && tpr != "r604800" && tpr != "r2592000" {
		http.Error(w, "bad f_TPR", http.StatusBadRequest)
		return
	}
	levels := map[string]bool{}
	if fe := q.Get("f_E"); fe != "" {
		for _, c := range strings.Split(fe, ",") {
			l, ok := levelCodes[c]
			if !ok {
				http.Error(w, "bad f_E", http.StatusBadRequest)
				return
			}
			levels[l] = true
		}
	}
	match := s.filter(q.Get("keywords"), q.Get("location"), levels)
	s.mu.Lock()
	changed := s.changed
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	for i := start; i < len(match) && i < start+PageSize; i++ {
		name := "card"
		if changed {
			name = "changed"
		}
		if err := tmpl.ExecuteTemplate(w, name, cardData(match[i], i, start/PageSize)); err != nil {
			return
		}
	}
}

func (s *Server) filter(keywords, location string, levels map[string]bool) []Posting {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Posting
	for _, p := range s.postings {
		if keywords != "" && !anyWordIn(keywords, p.Title+" "+p.Company) {
			continue
		}
		if location != "" && !strings.Contains(strings.ToLower(p.Location), strings.ToLower(location)) {
			continue
		}
		if len(levels) > 0 && !levels[p.Seniority] {
			continue
		}
		out = append(out, p)
	}
	return out
}

func anyWordIn(words, text string) bool {
	text = strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(words)) {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

func (s *Server) posting(w http.ResponseWriter, r *http.Request) {
	if !s.gate(w, r) {
		return
	}
	id := r.PathValue("id")
	s.mu.Lock()
	var found *Posting
	for i := range s.postings {
		if s.postings[i].ID == id {
			found = &s.postings[i]
		}
	}
	s.mu.Unlock()
	if found == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = tmpl.ExecuteTemplate(w, "posting", cardData(*found, 0, 0))
}

type card struct {
	Posting
	Position, Page          int
	Link, Logo, CompanySlug string
	RefID, TrackingID       string
	// Note is the card's benefits line, on every third card as on LinkedIn.
	Note string
}

func cardData(p Posting, i, page int) card {
	slug, titleSlug := slugify(p.Company), slugify(p.Title)
	return card{
		Posting: p, Position: i + 1, Page: page, CompanySlug: slug,
		Link:  fmt.Sprintf("https://de.linkedin.com/jobs/view/%s-at-%s-%s", titleSlug, slug, p.ID),
		Logo:  fmt.Sprintf("https://media.licdn.com/dms/image/v2/%s/company-logo_100_100/0/1?e=2147483647&v=beta&t=x", p.ID),
		RefID: "cmVmSWQ", TrackingID: "dHJhY2tpbmc", Note: noteFor(i),
	}
}

func noteFor(i int) string {
	if i%3 == 0 {
		return "Be an early applicant"
	}
	return ""
}

// slugify makes LinkedIn-style URL words: "NTT DATA, Inc." → "ntt-data-inc".
func slugify(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}), "-"))
}

// Postings returns n varied postings with IDs 4300000001…, for tests.
func Postings(n int) []Posting {
	titles := []string{"Backend Engineer (Go)", "Senior Data Engineer", "Frontend Developer", "DevOps Engineer (m/f/d)",
		"Machine Learning Engineer", "Product Manager", "Site Reliability Engineer", "Java Developer", "Data Analyst", "Security Engineer"}
	companies := []string{"Finly", "Retailly", "Mediaflow", "Optimyze Consulting", "TextAI", "CareApp", "StreamCo", "BankSys", "ShopNow", "RedLine"}
	places := []string{"Berlin, Germany", "Paris, Île-de-France, France", "Munich, Bavaria, Germany", "Casablanca, Morocco",
		"Dubai, United Arab Emirates", "Lisbon, Portugal", "Amsterdam, North Holland, Netherlands", "Nairobi, Kenya"}
	levels := []string{"Entry level", "Associate", "Mid-Senior level", "Director", "Internship", "Executive"}
	out := make([]Posting, n)
	for i := range out {
		out[i] = Posting{
			ID: strconv.Itoa(4300000001 + i), Title: titles[i%len(titles)], Company: companies[(i/len(titles)+i)%len(companies)],
			Location: places[i%len(places)], Seniority: levels[i%len(levels)],
			Posted: fmt.Sprintf("%d hours ago", 1+i%23), Date: "2025-11-20",
			DescriptionHTML: template.HTML(fmt.Sprintf("<p>We are hiring a <strong>%s</strong>.</p><ul><li>Go, PostgreSQL, Kubernetes</li></ul>", template.HTMLEscapeString(titles[i%len(titles)]))),
		}
	}
	return out
}
