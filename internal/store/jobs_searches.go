package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/jobsearch"
)

// JobSearches is the repository of the search cache (shared by every user)
// and of each user's latest search (theirs alone).
type JobSearches struct{ pool *pgxpool.Pool }

var _ jobsearch.Store = (*JobSearches)(nil)

// NewJobSearches returns the repository over pool.
func NewJobSearches(pool *pgxpool.Pool) *JobSearches { return &JobSearches{pool: pool} }

// Cached returns the unexpired result for key, or ErrNotFound.
func (r *JobSearches) Cached(ctx context.Context, key string) (jobsearch.CachedSearch, error) {
	var c jobsearch.CachedSearch
	err := r.pool.QueryRow(ctx,
		`SELECT result, created_at, expires_at FROM job_search_cache WHERE key = $1 AND expires_at > now()`, key).
		Scan(&c.Result, &c.CreatedAt, &c.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return jobsearch.CachedSearch{}, ErrNotFound
	}
	if err != nil {
		return jobsearch.CachedSearch{}, fmt.Errorf("read search cache: %w", err)
	}
	return c, nil
}

// NewestCached returns the most recent unexpired result and its query, or
// ErrNotFound: the latest public results, for clients without an account.
func (r *JobSearches) NewestCached(ctx context.Context) (jobsearch.CachedSearch, error) {
	var c jobsearch.CachedSearch
	err := r.pool.QueryRow(ctx,
		`SELECT query, result, created_at, expires_at FROM job_search_cache WHERE expires_at > now() ORDER BY created_at DESC LIMIT 1`).
		Scan(&c.Query, &c.Result, &c.CreatedAt, &c.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return jobsearch.CachedSearch{}, ErrNotFound
	}
	if err != nil {
		return jobsearch.CachedSearch{}, fmt.Errorf("read newest cached search: %w", err)
	}
	return c, nil
}

// PutCached keeps result for key during ttl (measured by the database's
// clock) and drops expired entries, so the table holds live entries only.
func (r *JobSearches) PutCached(ctx context.Context, key string, query, result json.RawMessage, ttl time.Duration) error {
	_, err := r.pool.Exec(ctx, `
INSERT INTO job_search_cache (key, query, result, created_at, expires_at)
VALUES ($1, $2, $3, now(), now() + $4::interval)
ON CONFLICT (key) DO UPDATE SET query = EXCLUDED.query, result = EXCLUDED.result,
	created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at`, key, query, result, ttl)
	if err != nil {
		return fmt.Errorf("write search cache: %w", err)
	}
	if _, err := r.pool.Exec(ctx, `DELETE FROM job_search_cache WHERE expires_at <= now()`); err != nil {
		return fmt.Errorf("prune search cache: %w", err)
	}
	return nil
}

// SaveLatest replaces the user's latest search.
func (r *JobSearches) SaveLatest(ctx context.Context, userID string, s jobsearch.LatestSearch) error {
	_, err := r.pool.Exec(ctx, `
INSERT INTO job_searches (user_id, query, jobs, notes, message, cached, searched_at)
VALUES ($1, $2, $3, $4, $5, $6, now())
ON CONFLICT (user_id) DO UPDATE SET query = EXCLUDED.query, jobs = EXCLUDED.jobs, notes = EXCLUDED.notes,
	message = EXCLUDED.message, cached = EXCLUDED.cached, searched_at = EXCLUDED.searched_at`,
		userID, s.Query, s.Jobs, s.Notes, s.Message, s.Cached)
	if err != nil {
		return fmt.Errorf("save latest search of user %s: %w", userID, err)
	}
	return nil
}

// Latest returns the user's latest search, or ErrNotFound.
func (r *JobSearches) Latest(ctx context.Context, userID string) (jobsearch.LatestSearch, error) {
	var s jobsearch.LatestSearch
	err := r.pool.QueryRow(ctx,
		`SELECT query, jobs, notes, message, cached, searched_at FROM job_searches WHERE user_id = $1`, userID).
		Scan(&s.Query, &s.Jobs, &s.Notes, &s.Message, &s.Cached, &s.SearchedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return jobsearch.LatestSearch{}, ErrNotFound
	}
	if err != nil {
		return jobsearch.LatestSearch{}, fmt.Errorf("load latest search of user %s: %w", userID, err)
	}
	return s, nil
}

// PatchLatestJob merges patch (a JSON object) into the job with id jobID of
// the user's latest search, in place; ErrNotFound when the user's latest
// search does not hold that job (any more).
func (r *JobSearches) PatchLatestJob(ctx context.Context, userID, jobID string, patch json.RawMessage) error {
	tag, err := r.pool.Exec(ctx, `
UPDATE job_searches SET jobs = (
	SELECT jsonb_agg(CASE WHEN e->>'id' = $2 THEN e || $3::jsonb ELSE e END ORDER BY ord)
	FROM jsonb_array_elements(jobs) WITH ORDINALITY AS t(e, ord))
WHERE user_id = $1 AND jobs @> jsonb_build_array(jsonb_build_object('id', $2::text))`, userID, jobID, patch)
	if err != nil {
		return fmt.Errorf("update job %s of user %s: %w", jobID, userID, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}
