package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/jobs/catalog"
)

// JobCatalog is the repository of the catalog. Catalog postings are public:
// any signed-in user may read any of them.
type JobCatalog struct{ pool *pgxpool.Pool }

var _ catalog.Store = (*JobCatalog)(nil)

// NewJobCatalog returns the repository over pool.
func NewJobCatalog(pool *pgxpool.Pool) *JobCatalog { return &JobCatalog{pool: pool} }

const catalogColumns = `id, title, company, location, country, job_link, posted_date, posted_at, logo,
	description, description_text, experience_level, origin, origin_id, fetched_at`

// upsertCatalog inserts a posting or updates it when its content changed;
// an identical posting is left alone (no row returned), which keeps imports
// idempotent.
const upsertCatalog = `
INSERT INTO job_catalog (` + catalogColumns + `)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (id) DO UPDATE SET
	title = EXCLUDED.title, company = EXCLUDED.company, location = EXCLUDED.location,
	country = EXCLUDED.country, job_link = EXCLUDED.job_link, posted_date = EXCLUDED.posted_date,
	posted_at = EXCLUDED.posted_at, logo = EXCLUDED.logo, description = EXCLUDED.description,
	description_text = EXCLUDED.description_text, experience_level = EXCLUDED.experience_level,
	origin = EXCLUDED.origin, origin_id = EXCLUDED.origin_id, fetched_at = EXCLUDED.fetched_at,
	imported_at = now()
WHERE (job_catalog.title, job_catalog.company, job_catalog.location, job_catalog.country,
       job_catalog.job_link, job_catalog.posted_date, job_catalog.logo, job_catalog.description,
       job_catalog.experience_level, job_catalog.origin, job_catalog.origin_id)
  IS DISTINCT FROM
      (EXCLUDED.title, EXCLUDED.company, EXCLUDED.location, EXCLUDED.country,
       EXCLUDED.job_link, EXCLUDED.posted_date, EXCLUDED.logo, EXCLUDED.description,
       EXCLUDED.experience_level, EXCLUDED.origin, EXCLUDED.origin_id)
RETURNING (xmax = 0) AS inserted`

// upsertChunk bounds one transaction of an import.
const upsertChunk = 500

// Upsert imports postings, in transactions of upsertChunk rows, and counts
// what changed.
func (r *JobCatalog) Upsert(ctx context.Context, jobs []catalog.Posting) (catalog.UpsertStats, error) {
	var st catalog.UpsertStats
	for start := 0; start < len(jobs); start += upsertChunk {
		chunk := jobs[start:min(start+upsertChunk, len(jobs))]
		err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
			return upsertBatch(ctx, tx, chunk, &st)
		})
		if err != nil {
			return st, fmt.Errorf("import catalog rows %d–%d: %w", start+1, start+len(chunk), err)
		}
	}
	return st, nil
}

func upsertBatch(ctx context.Context, tx pgx.Tx, chunk []catalog.Posting, st *catalog.UpsertStats) error {
	b := &pgx.Batch{}
	for _, j := range chunk {
		b.Queue(upsertCatalog, j.ID, j.Title, j.Company, j.Location, j.Country, j.JobLink, j.PostedDate,
			j.PostedAt, j.Logo, j.Description, j.DescriptionText, j.ExperienceLevel, j.Origin, j.OriginID, j.FetchedAt)
	}
	res := tx.SendBatch(ctx, b)
	for range chunk {
		var inserted bool
		err := res.QueryRow().Scan(&inserted)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			st.Unchanged++
		case err != nil:
			_ = res.Close()
			return err
		case inserted:
			st.Inserted++
		default:
			st.Updated++
		}
	}
	return res.Close()
}

// Catalog search runs in tiers, each bounded so that a keyword matching
// most of the catalog ("engineer" at 100,000 postings) costs a few
// milliseconds (docs/benchmarks.md):
//
//  1. postings whose title or company matches: the newest searchHeadPool
//     such candidates (posted_at index), ranked on the small title+company
//     vector — title beats company — then newest first;
//  2. if the page is not full, postings matching only in the description:
//     the newest searchBodyPool, ranked on the whole vector;
//  3. keywords made only of stop words give an empty tsquery: a
//     case-insensitive title match, newest first.
//
// Each tier repeats the filters. A title match needs no description check
// unless the keywords exclude a word ("go -java"): the exclusion may be in
// the description.
const (
	searchHeadPool = 200
	searchBodyPool = 200
	searchFilters  = `
  AND (cardinality($2::text[]) = 0 OR country = ANY($2::text[]))
  AND (cardinality($3::text[]) = 0 OR experience_level = ANY($3::text[]))
  AND ($4::timestamptz IS NULL OR posted_at >= $4::timestamptz)`
	tsq = `websearch_to_tsquery('english'::regconfig, $1)`
)

var (
	searchHead = fmt.Sprintf(`
SELECT * FROM (
	SELECT `+catalogColumns+`, ts_rank_cd(head, `+tsq+`, 32) AS rank
	FROM job_catalog
	WHERE head @@ `+tsq+` AND ($6 OR search @@ `+tsq+`)`+searchFilters+`
	ORDER BY posted_at DESC NULLS LAST, id
	LIMIT %d) t
ORDER BY rank DESC, posted_at DESC NULLS LAST, id
LIMIT $5`, searchHeadPool)
	searchBody = fmt.Sprintf(`
SELECT * FROM (
	SELECT `+catalogColumns+`, ts_rank_cd(search, `+tsq+`, 32) AS rank
	FROM job_catalog
	WHERE search @@ `+tsq+` AND NOT head @@ `+tsq+searchFilters+`
	ORDER BY posted_at DESC NULLS LAST, id
	LIMIT %d) t
ORDER BY rank DESC, posted_at DESC NULLS LAST, id
LIMIT $5`, searchBodyPool)
	searchStopWords = `
SELECT ` + catalogColumns + `, 0::real
FROM job_catalog
WHERE numnode(` + tsq + `) = 0 AND title ILIKE '%' || $6 || '%' ESCAPE '\'` + searchFilters + `
ORDER BY posted_at DESC NULLS LAST, id
LIMIT $5`
)

// excludes reports websearch syntax excluding a word: "-java".
var excludes = regexp.MustCompile(`(^|\s)-\S`)

// Search returns the postings matching f, best first.
func (r *JobCatalog) Search(ctx context.Context, f catalog.Filter) ([]catalog.Posting, error) {
	if f.Limit <= 0 {
		f.Limit = 10
	}
	countries, levels := f.Countries, f.Levels
	if countries == nil {
		countries = []string{}
	}
	if levels == nil {
		levels = []string{}
	}
	args := []any{f.Terms, countries, levels, f.PostedSince, f.Limit}
	var out []catalog.Posting
	for _, tier := range []struct {
		sql   string
		extra any
	}{
		{searchHead, !excludes.MatchString(f.Terms)},
		{searchBody, nil},
		{searchStopWords, likeEscape(f.Terms)},
	} {
		a := append(append([]any(nil), args...), tier.extra)
		if tier.extra == nil {
			a = args
		}
		a[4] = f.Limit - len(out)
		rows, err := r.pool.Query(ctx, tier.sql, a...)
		if err != nil {
			return nil, fmt.Errorf("search catalog: %w", err)
		}
		got, err := pgx.CollectRows(rows, scanCatalogJob)
		if err != nil {
			return nil, fmt.Errorf("search catalog: %w", err)
		}
		out = append(out, got...)
		if len(out) >= f.Limit {
			break
		}
	}
	return out, nil
}

// Job returns one posting by id, or ErrNotFound.
func (r *JobCatalog) Job(ctx context.Context, id string) (catalog.Posting, error) {
	rows, err := r.pool.Query(ctx, `SELECT `+catalogColumns+`, 0::real FROM job_catalog WHERE id = $1`, id)
	if err != nil {
		return catalog.Posting{}, fmt.Errorf("load catalog job %s: %w", id, err)
	}
	j, err := pgx.CollectExactlyOneRow(rows, scanCatalogJob)
	if errors.Is(err, pgx.ErrNoRows) {
		return catalog.Posting{}, ErrNotFound
	}
	if err != nil {
		return catalog.Posting{}, fmt.Errorf("load catalog job %s: %w", id, err)
	}
	return j, nil
}

// Count is the number of postings in the catalog.
func (r *JobCatalog) Count(ctx context.Context) (int, error) {
	var n int
	if err := r.pool.QueryRow(ctx, `SELECT count(*) FROM job_catalog`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count catalog: %w", err)
	}
	return n, nil
}

func scanCatalogJob(row pgx.CollectableRow) (catalog.Posting, error) {
	var j catalog.Posting
	var rank float32
	err := row.Scan(&j.ID, &j.Title, &j.Company, &j.Location, &j.Country, &j.JobLink, &j.PostedDate, &j.PostedAt,
		&j.Logo, &j.Description, &j.DescriptionText, &j.ExperienceLevel, &j.Origin, &j.OriginID, &j.FetchedAt, &rank)
	j.Rank = float64(rank)
	return j, err
}

// likeEscape makes s a literal for LIKE with ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Prune deletes the postings of origin whose id is not in keep: they left
// the board since the last import.
func (r *JobCatalog) Prune(ctx context.Context, origin string, keep []string) (int, error) {
	if keep == nil {
		keep = []string{}
	}
	tag, err := r.pool.Exec(ctx, `DELETE FROM job_catalog WHERE origin = $1 AND NOT (id = ANY($2::text[]))`, origin, keep)
	if err != nil {
		return 0, fmt.Errorf("prune catalog %s: %w", origin, err)
	}
	return int(tag.RowsAffected()), nil
}

// Expire deletes the postings of the origins posted before before.
func (r *JobCatalog) Expire(ctx context.Context, origins []string, before time.Time) (int, error) {
	tag, err := r.pool.Exec(ctx, `DELETE FROM job_catalog WHERE origin = ANY($1::text[]) AND posted_at < $2`, origins, before)
	if err != nil {
		return 0, fmt.Errorf("expire catalog postings: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Origins counts the postings per origin, with each live board's import
// status (a board that failed before importing anything has 0 postings).
func (r *JobCatalog) Origins(ctx context.Context) ([]catalog.OriginCount, error) {
	rows, err := r.pool.Query(ctx, `
SELECT coalesce(c.origin, i.source), coalesce(c.n, 0), i.attempted_at, i.succeeded_at, coalesce(i.last_error, '')
FROM (SELECT origin, count(*) AS n FROM job_catalog GROUP BY origin) c
FULL JOIN job_catalog_imports i ON i.source = c.origin
ORDER BY 2 DESC, 1`)
	if err != nil {
		return nil, fmt.Errorf("count catalog origins: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (catalog.OriginCount, error) {
		var o catalog.OriginCount
		err := row.Scan(&o.Origin, &o.Postings, &o.AttemptedAt, &o.SucceededAt, &o.LastError)
		return o, err
	})
	if err != nil {
		return nil, fmt.Errorf("count catalog origins: %w", err)
	}
	return out, nil
}

// RecordImport keeps how the last import from a board went.
func (r *JobCatalog) RecordImport(ctx context.Context, o catalog.ImportOutcome) error {
	var succeeded *time.Time
	if o.Err == "" {
		succeeded = &o.At
	}
	_, err := r.pool.Exec(ctx, `
INSERT INTO job_catalog_imports (source, attempted_at, succeeded_at, last_error, fetched, removed)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (source) DO UPDATE SET attempted_at = EXCLUDED.attempted_at,
	succeeded_at = coalesce(EXCLUDED.succeeded_at, job_catalog_imports.succeeded_at),
	last_error = EXCLUDED.last_error, fetched = EXCLUDED.fetched, removed = EXCLUDED.removed`,
		o.Source, o.At, succeeded, truncateRunes(o.Err, 500), o.Fetched, o.Removed)
	if err != nil {
		return fmt.Errorf("record import from %s: %w", o.Source, err)
	}
	return nil
}

// LiveDown reports whether the last import of every one of sources failed,
// and when the latest attempt was; false when none was ever attempted.
func (r *JobCatalog) LiveDown(ctx context.Context, sources []string) (bool, time.Time, error) {
	var failed, total int
	var at *time.Time
	err := r.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE last_error <> ''), count(*), max(attempted_at) FROM job_catalog_imports WHERE source = ANY($1::text[])`, sources).
		Scan(&failed, &total, &at)
	if err != nil {
		return false, time.Time{}, fmt.Errorf("import status: %w", err)
	}
	if total == 0 || failed < total || at == nil {
		return false, time.Time{}, nil
	}
	return true, *at, nil
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
