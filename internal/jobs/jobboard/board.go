// Package jobboard reads the public job-board APIs whose terms allow
// keyless programmatic use — Arbeitnow, Remotive and RemoteOK — as
// jobs.Sources. Each board is read politely (one request at a time, a
// minimum interval between requests, a User-Agent that names us, a timeout
// and a byte cap per response) and its whole feed is cached, so the
// periodic catalog import and any live search share one fetch.
package jobboard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
	"golang.org/x/time/rate"

	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Names of the boards, as JOBS_SOURCES lists them.
const (
	NameArbeitnow = "arbeitnow"
	NameRemotive  = "remotive"
	NameRemoteOK  = "remoteok"
)

// Names is every board this package reads, in the order they are merged.
var Names = []string{NameArbeitnow, NameRemotive, NameRemoteOK}

// DefaultBaseURL is each board's public site.
var DefaultBaseURL = map[string]string{
	NameArbeitnow: "https://www.arbeitnow.com",
	NameRemotive:  "https://remotive.com",
	NameRemoteOK:  "https://remoteok.com",
}

// Config configures one board. Zero values take the defaults noted.
type Config struct {
	BaseURL   string // DefaultBaseURL[name]
	UserAgent string // "UtopiaHire/1.0 (+job search for candidates)"
	// Interval is the least time between two requests to the board, 2s.
	Interval time.Duration
	// CacheTTL is how long a fetched feed is reused, 1h.
	CacheTTL time.Duration
	// Timeout bounds one request, 20s.
	Timeout time.Duration
	// MaxPages bounds a paged feed (Arbeitnow), 5.
	MaxPages   int
	HTTPClient *http.Client
	Logger     *slog.Logger
	Now        func() time.Time
}

// maxResponseBytes bounds one response; RemoteOK's whole board is ~3 MB.
const maxResponseBytes = 32 << 20

// ErrUnreachable wraps network failures: the board could not be reached
// at all (no network, DNS, refused), as opposed to a bad answer.
var ErrUnreachable = errors.New("unreachable")

// decoder turns one response body into postings and says which page to
// fetch next ("" for none).
type decoder func(body []byte, now time.Time, s *jobs.Sanitizer) (postings []jobs.Job, next string, err error)

// Board is one job board. Safe for concurrent use.
type Board struct {
	name     string
	cfg      Config
	first    string // URL of the first page
	decode   decoder
	limiter  *rate.Limiter
	sanitize *jobs.Sanitizer
	group    singleflight.Group

	mu       sync.Mutex
	feed     []jobs.Job
	feedTime time.Time
}

var _ jobs.Source = (*Board)(nil)

// New returns the board called name (one of Names).
func New(name string, cfg Config) (*Board, error) {
	var path string
	var dec decoder
	switch name {
	case NameArbeitnow:
		path, dec = "/api/job-board-api", decodeArbeitnow
	case NameRemotive:
		path, dec = "/api/remote-jobs", decodeRemotive
	case NameRemoteOK:
		path, dec = "/api", decodeRemoteOK
	default:
		return nil, fmt.Errorf("unknown job board %q (want one of %s)", name, strings.Join(Names, ", "))
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL[name]
	}
	base, err := url.Parse(cfg.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("%s base URL %q: must be an absolute http(s) URL", name, cfg.BaseURL)
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "UtopiaHire/1.0 (+job search for candidates)"
	}
	if cfg.Interval == 0 {
		cfg.Interval = 2 * time.Second
	}
	if cfg.CacheTTL == 0 {
		cfg.CacheTTL = time.Hour
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 20 * time.Second
	}
	if cfg.MaxPages == 0 {
		cfg.MaxPages = 5
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Board{
		name: name, cfg: cfg, first: strings.TrimRight(base.String(), "/") + path, decode: dec,
		limiter: rate.NewLimiter(rate.Every(cfg.Interval), 1), sanitize: jobs.NewSanitizer(),
	}, nil
}

// Name implements jobs.Source.
func (b *Board) Name() string { return b.name }

// Fetch returns the board's current postings: the cached feed while it is
// fresh, else one fetch shared by every concurrent caller.
func (b *Board) Fetch(ctx context.Context) ([]jobs.Job, error) {
	b.mu.Lock()
	if b.feed != nil && b.cfg.Now().Sub(b.feedTime) < b.cfg.CacheTTL {
		feed := b.feed
		b.mu.Unlock()
		return feed, nil
	}
	b.mu.Unlock()
	ch := b.group.DoChan("feed", func() (any, error) {
		// The fetch belongs to every waiter, not to the first one's context.
		ctx := context.WithoutCancel(ctx)
		feed, err := b.fetch(ctx)
		if err != nil {
			return nil, err
		}
		b.mu.Lock()
		b.feed, b.feedTime = feed, b.cfg.Now()
		b.mu.Unlock()
		return feed, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		if r.Err != nil {
			return nil, r.Err
		}
		return r.Val.([]jobs.Job), nil
	}
}

func (b *Board) fetch(ctx context.Context) ([]jobs.Job, error) {
	var all []jobs.Job
	next := b.first
	for page := 0; next != "" && page < b.cfg.MaxPages; page++ {
		body, err := b.get(ctx, next)
		if err != nil {
			if page > 0 {
				// Later pages failing still leaves a useful feed.
				b.cfg.Logger.Warn("job board page failed", "source", b.name, "page", page+1, "err", err)
				break
			}
			return nil, err
		}
		postings, n, err := b.decode(body, b.cfg.Now().UTC(), b.sanitize)
		if err != nil {
			return nil, fmt.Errorf("%s page %d: %w: %v", b.name, page+1, jobs.ErrParse, err)
		}
		for _, p := range postings {
			p.Source = b.name
			all = append(all, p.WithID())
		}
		next = n
	}
	return all, nil
}

type statusError struct{ code int }

func (e statusError) Error() string { return fmt.Sprintf("HTTP %d", e.code) }

// get waits its turn, then reads one response of at most maxResponseBytes.
func (b *Board) get(ctx context.Context, u string) ([]byte, error) {
	if err := b.limiter.Wait(ctx); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", b.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := b.cfg.HTTPClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: no answer within %s: %w", b.name, b.cfg.Timeout, context.DeadlineExceeded)
		}
		return nil, fmt.Errorf("%s: %w: %v", b.name, ErrUnreachable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return nil, fmt.Errorf("%s: %w", b.name, jobs.ErrRateLimited)
	case resp.StatusCode == http.StatusForbidden:
		return nil, fmt.Errorf("%s: HTTP 403: %w", b.name, jobs.ErrBlocked)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%s: %w", b.name, statusError{resp.StatusCode})
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", b.name, err)
	}
	if len(body) > maxResponseBytes {
		return nil, fmt.Errorf("%s: response larger than %d MB", b.name, maxResponseBytes>>20)
	}
	return body, nil
}

// Search implements jobs.Source over the cached feed: every keyword (or
// quoted phrase) must appear in the title, company, tags or description,
// and the location filter matches the posting's country or "remote".
func (b *Board) Search(ctx context.Context, q jobs.Query) ([]jobs.Job, error) {
	feed, err := b.Fetch(ctx)
	if err != nil {
		return nil, err
	}
	terms := searchTerms(q.Keywords)
	out := []jobs.Job{}
	for _, j := range feed {
		if len(out) >= q.MaxJobs && q.MaxJobs > 0 {
			break
		}
		if matches(j, terms) && inLocation(j, q.Location) {
			out = append(out, j)
		}
	}
	return out, nil
}

func searchTerms(keywords string) []string {
	var terms []string
	for i, part := range strings.Split(keywords, `"`) {
		if i%2 == 1 {
			if p := strings.ToLower(strings.TrimSpace(part)); p != "" {
				terms = append(terms, p)
			}
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(part)) {
			terms = append(terms, w)
		}
	}
	return terms
}

func matches(j jobs.Job, terms []string) bool {
	hay := strings.ToLower(j.Title + " " + j.Company + " " + jobs.Text(j.Description))
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}

func inLocation(j jobs.Job, location string) bool {
	if location == "" {
		return true
	}
	l := strings.ToLower(j.Location)
	return strings.Contains(l, strings.ToLower(location)) || strings.Contains(l, "remote") ||
		slices.Contains([]string{"worldwide", "anywhere"}, l)
}
