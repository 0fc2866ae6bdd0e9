// Package jobsearch serves job searches to users: it validates a query, answers
// it from the per-query cache or from the job sources (through the
// jobs.Aggregator, one upstream search for concurrent identical queries),
// keeps each user's latest results, and returns one job with its full
// description, fetching it from the live source when the search did not.
package jobsearch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/jobs"
)

// Searcher answers a normalised query from every source (*jobs.Aggregator).
type Searcher interface {
	Search(ctx context.Context, q jobs.Query) (jobs.Result, error)
}

// CachedSearch is a merged search result kept for a normalised query.
type CachedSearch struct {
	Query     json.RawMessage // set by NewestCached only
	Result    json.RawMessage
	CreatedAt time.Time
	ExpiresAt time.Time
}

// LatestSearch is a user's latest job search and its results.
type LatestSearch struct {
	Query      json.RawMessage
	Jobs       json.RawMessage // JSON array
	Notes      json.RawMessage // JSON array
	Message    string
	Cached     bool
	SearchedAt time.Time
}

// Store keeps the per-query cache and each user's latest search
// (internal/store implements it). Lookups return apperr.ErrNotFound.
type Store interface {
	Cached(ctx context.Context, key string) (CachedSearch, error)
	PutCached(ctx context.Context, key string, query, result json.RawMessage, ttl time.Duration) error
	SaveLatest(ctx context.Context, userID string, s LatestSearch) error
	Latest(ctx context.Context, userID string) (LatestSearch, error)
	PatchLatestJob(ctx context.Context, userID, jobID string, patch json.RawMessage) error
	NewestCached(ctx context.Context) (CachedSearch, error)
}

// Catalog returns one catalog posting (*catalog.Catalog); the error wraps
// apperr.ErrNotFound when there is none.
type Catalog interface {
	Job(ctx context.Context, id string) (jobs.Job, error)
}

// Details fetches a live posting's description by the source's own id
// (*linkedin.Source).
type Details interface {
	Details(ctx context.Context, id string) (description, experienceLevel string, err error)
}

// Config wires a Service. Details maps a source name to its detail fetcher
// (empty when no live source runs).
type Config struct {
	Searcher Searcher
	Store    Store
	Catalog  Catalog
	Details  map[string]Details
	// CacheTTL is how long a merged result is reused for the same query.
	CacheTTL time.Duration
	// DetailTimeout bounds fetching one description on GET /api/jobs/{id}.
	DetailTimeout time.Duration
	Logger        *slog.Logger
}

// Service is the job search of the API. Safe for concurrent use.
type Service struct {
	cfg   Config
	group singleflight.Group
	anon  anonSearches
}

// New returns the service.
func New(cfg Config) *Service {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.DetailTimeout <= 0 {
		cfg.DetailTimeout = 10 * time.Second
	}
	if cfg.Details == nil {
		cfg.Details = map[string]Details{}
	}
	return &Service{cfg: cfg, anon: anonSearches{clients: map[string]string{}, queries: map[string]jobs.Query{}}}
}

// maxAnonClients bounds the memory of anonymous clients' last searches
// (an IP and a cache key each, about 100 bytes).
const maxAnonClients = 10000

// anonSearches remembers, in memory only, each anonymous client's last
// query key and the queries behind recent keys. When full, arbitrary
// entries make room: forgetting one only means that client sees the newest
// public results instead of its own.
type anonSearches struct {
	mu      sync.Mutex
	clients map[string]string     // client → cache key
	queries map[string]jobs.Query // cache key → normalised query
}

func (a *anonSearches) put(client, key string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.clients[client]; !ok && len(a.clients) >= maxAnonClients {
		for k := range a.clients {
			delete(a.clients, k)
			break
		}
	}
	a.clients[client] = key
}

func (a *anonSearches) get(client string) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	k, ok := a.clients[client]
	return k, ok
}

func (a *anonSearches) remember(key string, q jobs.Query) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.queries[key]; !ok && len(a.queries) >= maxAnonClients {
		for k := range a.queries {
			delete(a.queries, k)
			break
		}
	}
	a.queries[key] = q
}

func (a *anonSearches) query(key string) (jobs.Query, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	q, ok := a.queries[key]
	return q, ok
}

// Response is a search result as the API serves it: the contract's message
// and jobs, plus how each source fared, the normalised query, whether the
// result came from the cache, and when the search ran.
type Response struct {
	Message    string      `json:"message"`
	Jobs       []jobs.Job  `json:"jobs"`
	Notes      []jobs.Note `json:"notes"`
	Query      *jobs.Query `json:"query,omitempty"`
	Cached     bool        `json:"cached"`
	SearchedAt *time.Time  `json:"searched_at,omitempty"`
}

// cacheKey is the cache table's key for a normalised query.
func cacheKey(q jobs.Query) string {
	sum := sha256.Sum256([]byte(q.Key()))
	return hex.EncodeToString(sum[:])
}

// Search answers q for the user and makes it their latest search. A bad
// query is a *jobs.ValidationError; no source answering is an
// apperr.Unavailable.
func (s *Service) Search(ctx context.Context, userID string, q jobs.Query) (Response, error) {
	out, err := s.answer(ctx, q)
	if err != nil {
		return Response{}, err
	}
	if err := s.saveLatest(ctx, userID, out); err != nil {
		return Response{}, err
	}
	return out, nil
}

// SearchAnonymous answers q for a client without an account (contract,
// "Anonymous use"): no user row is written. The results are the shared,
// public per-query cache's, and the client (its IP) is remembered in memory
// with the query's cache key, so LatestAnonymous can show them again.
func (s *Service) SearchAnonymous(ctx context.Context, client string, q jobs.Query) (Response, error) {
	out, err := s.answer(ctx, q)
	if err != nil {
		return Response{}, err
	}
	s.anon.put(client, cacheKey(*out.Query))
	return out, nil
}

// LatestAnonymous is GET /api/jobs without a token: the client's last
// anonymous search while it is cached, else the newest public results.
func (s *Service) LatestAnonymous(ctx context.Context, client string) (Response, error) {
	if key, ok := s.anon.get(client); ok {
		if res, found, err := s.cached(ctx, key); err != nil {
			return Response{}, err
		} else if found {
			return s.fromCache(res, key), nil
		}
	}
	c, err := s.cfg.Store.NewestCached(ctx)
	if errors.Is(err, apperr.ErrNotFound) {
		return Response{Message: "No search yet: search jobs with POST /api/jobs/search.", Jobs: []jobs.Job{}, Notes: []jobs.Note{}}, nil
	}
	if err != nil {
		return Response{}, err
	}
	var res jobs.Result
	if err := json.Unmarshal(c.Result, &res); err != nil {
		return Response{}, fmt.Errorf("decode cached search: %w", err)
	}
	out := Response{Jobs: decorate(res.Jobs), Notes: res.Notes, Cached: true}
	var q jobs.Query
	if json.Unmarshal(c.Query, &q) == nil {
		out.Query = &q
		out.Message = "Latest public results: " + message(q, res)
	}
	at := c.CreatedAt.UTC()
	out.SearchedAt = &at
	if out.Notes == nil {
		out.Notes = []jobs.Note{}
	}
	return out, nil
}

func (s *Service) fromCache(res jobs.Result, key string) Response {
	out := Response{Jobs: decorate(res.Jobs), Notes: res.Notes, Cached: true}
	if q, ok := s.anon.query(key); ok {
		out.Query = &q
		out.Message = message(q, res)
	}
	if out.Notes == nil {
		out.Notes = []jobs.Note{}
	}
	return out
}

// answer normalises q and answers it from the cache or the sources.
func (s *Service) answer(ctx context.Context, q jobs.Query) (Response, error) {
	q, err := q.Normalize()
	if err != nil {
		return Response{}, err
	}
	key := cacheKey(q)
	res, cached, err := s.cached(ctx, key)
	if err != nil {
		return Response{}, err
	}
	if !cached {
		v, err, _ := s.group.Do(key, func() (any, error) { return s.search(ctx, key, q) })
		if err != nil {
			return Response{}, err
		}
		res = v.(jobs.Result)
	}
	now := time.Now().UTC()
	out := Response{Message: message(q, res), Jobs: decorate(res.Jobs), Notes: res.Notes, Query: &q, Cached: cached, SearchedAt: &now}
	if out.Notes == nil {
		out.Notes = []jobs.Note{}
	}
	s.anon.remember(cacheKey(q), q)
	return out, nil
}

// decorate fills the fields the existing frontend reads beside ours:
// logo_tag is the logo when it is an image URL. time_note stays as the
// source wrote it (LinkedIn's "Be an early applicant"), or empty.
func decorate(list []jobs.Job) []jobs.Job {
	out := make([]jobs.Job, len(list))
	for i, j := range list {
		if j.LogoTag == "" && (strings.HasPrefix(j.Logo, "https://") || strings.HasPrefix(j.Logo, "http://")) {
			j.LogoTag = j.Logo
		}
		out[i] = j
	}
	return out
}

// cached reads the cache; a cache that cannot be read is a miss (logged),
// not a failed search.
func (s *Service) cached(ctx context.Context, key string) (jobs.Result, bool, error) {
	c, err := s.cfg.Store.Cached(ctx, key)
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		return jobs.Result{}, false, nil
	case ctx.Err() != nil:
		return jobs.Result{}, false, ctx.Err()
	case err != nil:
		s.cfg.Logger.Warn("job search cache unreadable", "err", err)
		return jobs.Result{}, false, nil
	}
	var res jobs.Result
	if err := json.Unmarshal(c.Result, &res); err != nil {
		s.cfg.Logger.Warn("job search cache entry undecodable", "err", err)
		return jobs.Result{}, false, nil
	}
	return res, true, nil
}

// search asks the sources. It runs once for concurrent identical queries,
// so it does not stop when the first caller goes away: the sources' own
// timeouts bound it.
func (s *Service) search(ctx context.Context, key string, q jobs.Query) (jobs.Result, error) {
	ctx = context.WithoutCancel(ctx)
	res, err := s.cfg.Searcher.Search(ctx, q)
	if errors.Is(err, jobs.ErrNoSource) {
		return res, apperr.Wrap(err, apperr.Unavailable, "no_job_source",
			"No job source answered; try again in a moment.").With("notes", res.Notes)
	}
	if err != nil {
		return res, fmt.Errorf("search jobs: %w", err)
	}
	// Only complete results are cached: a source that failed now should be
	// asked again by the next search, not hidden for the TTL.
	for _, n := range res.Notes {
		if n.Status != "ok" {
			return res, nil
		}
	}
	qj, _ := json.Marshal(q)
	rj, err := json.Marshal(res)
	if err != nil {
		return res, fmt.Errorf("encode search result: %w", err)
	}
	if err := s.cfg.Store.PutCached(ctx, key, qj, rj, s.cfg.CacheTTL); err != nil {
		s.cfg.Logger.Warn("job search cache not written", "err", err)
	}
	return res, nil
}

func (s *Service) saveLatest(ctx context.Context, userID string, r Response) error {
	qj, _ := json.Marshal(r.Query)
	jj, err := json.Marshal(r.Jobs)
	if err != nil {
		return fmt.Errorf("encode jobs: %w", err)
	}
	nj, _ := json.Marshal(r.Notes)
	return s.cfg.Store.SaveLatest(ctx, userID, LatestSearch{Query: qj, Jobs: jj, Notes: nj, Message: r.Message, Cached: r.Cached})
}

// message is the contract's message: how many jobs, for what, and which
// sources could not answer.
func message(q jobs.Query, r jobs.Result) string {
	var b strings.Builder
	where := ""
	if q.Location != "" {
		where = " in " + q.Location
	}
	switch len(r.Jobs) {
	case 0:
		fmt.Fprintf(&b, "No jobs found for %q%s; try broader keywords, another location or a longer time range.", q.Keywords, where)
	case 1:
		fmt.Fprintf(&b, "Found 1 job for %q%s.", q.Keywords, where)
	default:
		fmt.Fprintf(&b, "Found %d jobs for %q%s.", len(r.Jobs), q.Keywords, where)
	}
	for _, n := range r.Notes {
		if n.Status != "ok" && n.Message != "" {
			b.WriteString(" Note: " + n.Message + ".")
		}
	}
	return b.String()
}

// Latest returns the user's latest search; a user who never searched gets
// an empty result saying so.
func (s *Service) Latest(ctx context.Context, userID string) (Response, error) {
	l, err := s.cfg.Store.Latest(ctx, userID)
	if errors.Is(err, apperr.ErrNotFound) {
		return Response{Message: "No search yet: search jobs with POST /api/jobs/search.", Jobs: []jobs.Job{}, Notes: []jobs.Note{}}, nil
	}
	if err != nil {
		return Response{}, err
	}
	out := Response{Message: l.Message, Cached: l.Cached}
	at := l.SearchedAt.UTC()
	out.SearchedAt = &at
	var q jobs.Query
	if err := json.Unmarshal(l.Query, &q); err != nil {
		return Response{}, fmt.Errorf("decode latest query: %w", err)
	}
	out.Query = &q
	if err := json.Unmarshal(l.Jobs, &out.Jobs); err != nil {
		return Response{}, fmt.Errorf("decode latest jobs: %w", err)
	}
	out.Jobs = decorate(out.Jobs)
	if err := json.Unmarshal(l.Notes, &out.Notes); err != nil {
		return Response{}, fmt.Errorf("decode latest notes: %w", err)
	}
	return out, nil
}

var jobIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// ErrJobNotFound is the answer for a job that is neither in the user's
// latest results nor in the catalog.
var ErrJobNotFound = apperr.New(apperr.NotFound, "job_not_found", "No such job in your latest search or the catalog.")

// Job returns one job with its full description: from the user's latest
// results (fetching a live posting's description when the search did not,
// and keeping it), else from the catalog.
func (s *Service) Job(ctx context.Context, userID, id string) (jobs.Job, error) {
	if !jobIDPattern.MatchString(id) {
		return jobs.Job{}, ErrJobNotFound
	}
	if j, ok, err := s.latestJob(ctx, userID, id); err != nil || ok {
		return j, err
	}
	j, err := s.cfg.Catalog.Job(ctx, id)
	if errors.Is(err, apperr.ErrNotFound) {
		return jobs.Job{}, ErrJobNotFound
	}
	return j, err
}

func (s *Service) latestJob(ctx context.Context, userID, id string) (jobs.Job, bool, error) {
	l, err := s.cfg.Store.Latest(ctx, userID)
	if errors.Is(err, apperr.ErrNotFound) {
		return jobs.Job{}, false, nil
	}
	if err != nil {
		return jobs.Job{}, false, err
	}
	var list []jobs.Job
	if err := json.Unmarshal(l.Jobs, &list); err != nil {
		return jobs.Job{}, false, fmt.Errorf("decode latest jobs: %w", err)
	}
	for _, j := range list {
		if j.ID == id {
			return s.complete(ctx, userID, j), true, nil
		}
	}
	return jobs.Job{}, false, nil
}

// complete fetches a missing description from the job's live source and
// writes it back into the user's latest results. When the source fails the
// job is returned as it is (its link still leads to the posting).
func (s *Service) complete(ctx context.Context, userID string, j jobs.Job) jobs.Job {
	d, ok := s.cfg.Details[j.Source]
	if j.Description != "" || !ok || j.SourceID == "" {
		return j
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.DetailTimeout)
	defer cancel()
	desc, level, err := d.Details(ctx, j.SourceID)
	if err != nil {
		s.cfg.Logger.Warn("job description unavailable", "source", j.Source, "job_id", j.ID, "err", err)
		return j
	}
	j.Description = desc
	if level != "" {
		j.ExperienceLevel = level
	}
	patch, _ := json.Marshal(map[string]string{"description": j.Description, "experience_level": j.ExperienceLevel})
	if err := s.cfg.Store.PatchLatestJob(ctx, userID, j.ID, patch); err != nil && !errors.Is(err, apperr.ErrNotFound) {
		s.cfg.Logger.Warn("job description not kept", "job_id", j.ID, "err", err)
	}
	return j
}
