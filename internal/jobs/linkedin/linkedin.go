// Package linkedin is a jobs.Source over LinkedIn's public guest job search,
// the endpoints public scrapers use: jobs-guest/jobs/api/seeMoreJobPostings/
// search for result pages and jobs-guest/jobs/api/jobPosting/<id> for a
// posting's description. It is polite: one shared rate limit, back-off on 429
// and 999, a User-Agent that names us, and a hard cap on pages and bytes.
package linkedin

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// DefaultBaseURL is LinkedIn's public site.
const DefaultBaseURL = "https://www.linkedin.com"

// Config configures the source. Zero values take the defaults noted.
type Config struct {
	BaseURL   string        // DefaultBaseURL
	UserAgent string        // "UtopiaHire/1.0 (+job search for candidates)"
	Rate      rate.Limit    // requests per second, 1
	Burst     int           // 3
	Retries   int           // attempts after the first on 429/999/5xx, 3
	Backoff   time.Duration // first back-off, doubled each retry, 2s
	MaxWait   time.Duration // cap on one back-off or Retry-After, 30s
	// Details is how many postings per search get their description
	// fetched; 0 means all of them (up to max_jobs), -1 none.
	Details    int
	MaxPages   int // 10
	HTTPClient *http.Client
	Logger     *slog.Logger
	Now        func() time.Time
}

// Source searches LinkedIn. Safe for concurrent use; the rate limit is shared
// by every search.
type Source struct {
	cfg      Config
	base     *url.URL
	limiter  *rate.Limiter
	sanitize *jobs.Sanitizer
}

var _ jobs.Source = (*Source)(nil)

// maxPageBytes bounds what one response may make us read.
const maxPageBytes = 4 << 20

// New returns a LinkedIn source.
func New(cfg Config) (*Source, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("linkedin base URL %q: must be an absolute http(s) URL", cfg.BaseURL)
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "UtopiaHire/1.0 (+job search for candidates)"
	}
	if cfg.Rate == 0 {
		cfg.Rate = 1
	}
	if cfg.Burst == 0 {
		cfg.Burst = 3
	}
	if cfg.Retries == 0 {
		cfg.Retries = 3
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = 2 * time.Second
	}
	if cfg.MaxWait == 0 {
		cfg.MaxWait = 30 * time.Second
	}
	if cfg.MaxPages == 0 {
		cfg.MaxPages = 10
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 15 * time.Second}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Source{cfg: cfg, base: base, limiter: rate.NewLimiter(cfg.Rate, cfg.Burst), sanitize: jobs.NewSanitizer()}, nil
}

// Name implements jobs.Source.
func (s *Source) Name() string { return "linkedin" }

// timeParam is LinkedIn's f_TPR value for a range.
var timeParam = map[jobs.TimeRange]string{
	jobs.TimePast24h: "r86400", jobs.TimePastWeek: "r604800", jobs.TimePastMonth: "r2592000",
}

// searchURL builds one result page's URL; f_E numbers levels 1–6 in
// jobs.ExperienceLevels order.
func (s *Source) searchURL(q jobs.Query, start int) string {
	v := url.Values{}
	v.Set("keywords", q.Keywords)
	if q.Location != "" {
		v.Set("location", q.Location)
	}
	v.Set("start", strconv.Itoa(start))
	if p, ok := timeParam[q.TimeRange]; ok {
		v.Set("f_TPR", p)
	}
	if len(q.ExperienceLevels) > 0 {
		var e []string
		for _, l := range q.ExperienceLevels {
			for i, known := range jobs.ExperienceLevels {
				if l == known {
					e = append(e, strconv.Itoa(i+1))
				}
			}
		}
		v.Set("f_E", strings.Join(e, ","))
	}
	return s.base.JoinPath("/jobs-guest/jobs/api/seeMoreJobPostings/search").String() + "?" + v.Encode()
}

// Search implements jobs.Source: pages through results until q.MaxJobs
// cards, then fetches descriptions.
func (s *Source) Search(ctx context.Context, q jobs.Query) ([]jobs.Job, error) {
	var cards []card
	seen := map[string]bool{}
	for page, start := 0, 0; len(cards) < q.MaxJobs && page < s.cfg.MaxPages; page++ {
		body, err := s.get(ctx, s.searchURL(q, start))
		if err != nil {
			return nil, fmt.Errorf("linkedin search page %d: %w", page, err)
		}
		got, err := parseSearch(strings.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("linkedin search page %d: %w", page, err)
		}
		if len(got) == 0 {
			break
		}
		start += len(got)
		for _, c := range got {
			if key := c.id + "|" + c.link; !seen[key] && len(cards) < q.MaxJobs {
				seen[key] = true
				cards = append(cards, c)
			}
		}
	}
	now := s.cfg.Now().UTC()
	out := make([]jobs.Job, 0, len(cards))
	for i, c := range cards {
		j := jobs.Job{
			Title: c.title, Company: c.company, Location: c.location, JobLink: c.link,
			PostedDate: c.posted, PostedAt: c.postedAt, Logo: jobs.CleanURL(c.logo), TimeNote: c.note,
			Source: s.Name(), FetchedAt: now, SourceID: c.id,
		}
		if len(q.ExperienceLevels) == 1 {
			j.ExperienceLevel = string(q.ExperienceLevels[0])
		}
		if s.wantDetails(i) && c.id != "" {
			if err := s.fill(ctx, &j); err != nil {
				// A missing description is not a failed search; the
				// posting can be fetched again later with Details.
				if ctx.Err() != nil || errors.Is(err, jobs.ErrBlocked) {
					return nil, fmt.Errorf("linkedin job %s: %w", c.id, err)
				}
				s.cfg.Logger.Warn("linkedin job details failed", "job_id", c.id, "err", err)
			}
		}
		out = append(out, j.WithID())
	}
	return out, nil
}

func (s *Source) wantDetails(i int) bool {
	switch {
	case s.cfg.Details < 0:
		return false
	case s.cfg.Details == 0:
		return true
	}
	return i < s.cfg.Details
}

// Details fetches one posting's description and seniority by LinkedIn id.
func (s *Source) Details(ctx context.Context, id string) (description, experienceLevel string, err error) {
	if !digits(id) {
		return "", "", fmt.Errorf("linkedin job id %q: not a number", id)
	}
	body, err := s.get(ctx, s.base.JoinPath("/jobs-guest/jobs/api/jobPosting", id).String())
	if err != nil {
		return "", "", err
	}
	d, err := parseDetail(strings.NewReader(body))
	if err != nil {
		return "", "", err
	}
	return s.sanitize.Sanitize(d.descriptionHTML), seniorityLevel(d.seniority), nil
}

func (s *Source) fill(ctx context.Context, j *jobs.Job) error {
	desc, level, err := s.Details(ctx, j.SourceID)
	if err != nil {
		return err
	}
	j.Description = desc
	if level != "" {
		j.ExperienceLevel = level
	}
	return nil
}

// statusError is an unexpected HTTP status.
type statusError struct{ code int }

func (e statusError) Error() string { return fmt.Sprintf("HTTP %d", e.code) }

// get fetches url under the rate limit, retrying 429, 999 and 5xx with
// exponential back-off (or Retry-After), and reads at most maxPageBytes.
func (s *Source) get(ctx context.Context, u string) (string, error) {
	wait := s.cfg.Backoff
	var last error
	for attempt := 0; attempt <= s.cfg.Retries; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, min(wait, s.cfg.MaxWait)); err != nil {
				return "", err
			}
			wait *= 2
		}
		if err := s.limiter.Wait(ctx); err != nil {
			return "", err
		}
		body, retryAfter, err := s.once(ctx, u)
		if err == nil {
			return body, nil
		}
		last = err
		var se statusError
		if !errors.As(err, &se) || !(se.code == http.StatusTooManyRequests || se.code == 999 || se.code >= 500) {
			return "", err
		}
		if retryAfter > wait {
			wait = retryAfter
		}
		s.cfg.Logger.Info("linkedin backing off", "status", se.code, "attempt", attempt+1, "wait_ms", min(wait, s.cfg.MaxWait).Milliseconds())
	}
	var se statusError
	if errors.As(last, &se) {
		switch {
		case se.code == 999:
			return "", fmt.Errorf("HTTP 999 after %d attempts: %w", s.cfg.Retries+1, jobs.ErrBlocked)
		case se.code == http.StatusTooManyRequests:
			return "", fmt.Errorf("HTTP 429 after %d attempts: %w", s.cfg.Retries+1, jobs.ErrRateLimited)
		}
	}
	return "", last
}

func (s *Source) once(ctx context.Context, u string) (string, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", 0, err
	}
	req.Header.Set("User-Agent", s.cfg.UserAgent)
	req.Header.Set("Accept", "text/html")
	req.Header.Set("Accept-Language", "en-US,en;q=0.8")
	resp, err := s.cfg.HTTPClient.Do(req)
	if err != nil {
		return "", 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return "", retryAfter(resp.Header.Get("Retry-After")), statusError{resp.StatusCode}
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes+1))
	if err != nil {
		return "", 0, fmt.Errorf("read body: %w", err)
	}
	if len(b) > maxPageBytes {
		return "", 0, fmt.Errorf("page larger than %d bytes: %w", maxPageBytes, jobs.ErrParse)
	}
	return string(b), 0, nil
}

func retryAfter(h string) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
