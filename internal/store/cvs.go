package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/utopiahire/utopiahire/internal/apperr"
)

// DBTX is a pool or a transaction: repositories run in either.
type DBTX interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ErrNotFound is returned for a row that does not exist or is not the caller's:
// apperr.ErrNotFound, which the domain packages check for.
var ErrNotFound = apperr.ErrNotFound

// CVFile is an uploaded CV document.
type CVFile struct {
	ID       string
	UserID   string
	Filename string
	Kind     string
	Size     int
	SHA256   []byte
	Content  []byte
	// Extracted is the stored extraction (extract.Document as JSON), nil
	// until the file was first read.
	Extracted []byte
	CreatedAt time.Time
}

// CVAnalysis is one run of the CV pipeline.
type CVAnalysis struct {
	ID             string
	UserID         string
	CVFileID       *string
	InputText      *string
	JobDescription string
	UseGemini      bool
	Status         string
	Stage          string
	Percent        int
	ErrorCode      *string
	Error          *string
	ExtractedText  *string
	StructuredCV   json.RawMessage
	Analysis       json.RawMessage
	FileInfo       json.RawMessage
	Timings        map[string]int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
	FinishedAt     *time.Time
}

// CVVersion is one version of a user's structured CV.
type CVVersion struct {
	Version      int
	AnalysisID   *string
	Source       string
	StructuredCV json.RawMessage
	Suggestion   json.RawMessage
	CreatedAt    time.Time
}

// CVs is the repository of CV files, analyses and versions. Every read that a
// user can name takes the user's id, so another user's row is ErrNotFound.
type CVs struct{ pool *pgxpool.Pool }

// NewCVs returns the repository over pool.
func NewCVs(pool *pgxpool.Pool) *CVs { return &CVs{pool: pool} }

// Pool is the pool, for callers that open their own transaction.
func (r *CVs) Pool() *pgxpool.Pool { return r.pool }

// Per-user quota of stored CV files: how many, and how many bytes in all.
const (
	MaxCVFiles = 200
	MaxCVBytes = 200 << 20
)

// ErrFileQuota means the user already stores MaxCVFiles files or the new
// one would take them past MaxCVBytes.
var ErrFileQuota = errors.New("cv file quota reached")

// InsertFile stores an uploaded file and returns its id; ErrFileQuota when
// the user's quota is full (concurrent uploads may pass it by a few).
func (r *CVs) InsertFile(ctx context.Context, db DBTX, f CVFile) (string, error) {
	var id string
	err := db.QueryRow(ctx, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content, extracted)
		SELECT $1, $2, $3, $4::int, $5, $6, $7
		WHERE (SELECT count(*) < $8::int AND coalesce(sum(size_bytes), 0) + $4::int <= $9::bigint FROM cv_files WHERE user_id = $1)
		RETURNING id`,
		f.UserID, f.Filename, f.Kind, f.Size, f.SHA256, f.Content, nullJSON(json.RawMessage(f.Extracted)), MaxCVFiles, MaxCVBytes).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", ErrFileQuota
	}
	if err != nil {
		return "", fmt.Errorf("insert cv file: %w", err)
	}
	return id, nil
}

// SetExtracted stores the extraction of a file that had none.
func (r *CVs) SetExtracted(ctx context.Context, id string, extracted []byte) error {
	if _, err := r.pool.Exec(ctx, `UPDATE cv_files SET extracted = $2 WHERE id = $1 AND extracted IS NULL`, id, extracted); err != nil {
		return fmt.Errorf("store extraction of cv file %s: %w", id, err)
	}
	return nil
}

// File returns the user's file by id.
func (r *CVs) File(ctx context.Context, userID, id string) (CVFile, error) {
	return r.fileWhere(ctx, "user_id = $1 AND id = $2", userID, id)
}

// LatestFileNamed returns the user's newest file with that display name.
func (r *CVs) LatestFileNamed(ctx context.Context, userID, name string) (CVFile, error) {
	return r.fileWhere(ctx, "user_id = $1 AND filename = $2 ORDER BY created_at DESC LIMIT 1", userID, name)
}

func (r *CVs) fileWhere(ctx context.Context, where string, args ...any) (CVFile, error) {
	var f CVFile
	err := r.pool.QueryRow(ctx, `SELECT id, user_id, filename, kind, size_bytes, sha256, content, extracted, created_at
		FROM cv_files WHERE `+where, args...).
		Scan(&f.ID, &f.UserID, &f.Filename, &f.Kind, &f.Size, &f.SHA256, &f.Content, &f.Extracted, &f.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) || isInvalidUUID(err) {
		return CVFile{}, ErrNotFound
	}
	if err != nil {
		return CVFile{}, fmt.Errorf("load cv file: %w", err)
	}
	return f, nil
}

// CreateAnalysis records a queued analysis and returns its id.
func (r *CVs) CreateAnalysis(ctx context.Context, db DBTX, a CVAnalysis) (string, error) {
	var id string
	err := db.QueryRow(ctx, `INSERT INTO cv_analyses (user_id, cv_file_id, input_text, job_description, use_gemini, file_info)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		a.UserID, a.CVFileID, a.InputText, a.JobDescription, a.UseGemini, nullJSON(a.FileInfo)).Scan(&id)
	if err != nil {
		return "", fmt.Errorf("insert cv analysis: %w", err)
	}
	return id, nil
}

// Progress moves an analysis to a stage and records how long it took.
func (r *CVs) Progress(ctx context.Context, id, stage string, percent int, stageMillis int64) error {
	_, err := r.pool.Exec(ctx, `UPDATE cv_analyses SET status = 'running', stage = $2, percent = $3,
		timings = timings || jsonb_build_object($2::text, $4::bigint), updated_at = now()
		WHERE id = $1 AND status IN ('queued', 'running')`, id, stage, percent, stageMillis)
	if err != nil {
		return fmt.Errorf("record analysis %s progress: %w", id, err)
	}
	return nil
}

// Complete stores the results of a finished analysis and adds the structured
// CV as the user's newest version, in one transaction.
func (r *CVs) Complete(ctx context.Context, a CVAnalysis) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE cv_analyses SET status = 'done', stage = 'done', percent = 100,
			extracted_text = $2, structured_cv = $3, analysis = $4, file_info = COALESCE($5, file_info),
			timings = timings || $6, updated_at = now(), finished_at = now()
			WHERE id = $1 AND status IN ('queued', 'running')`,
			a.ID, a.ExtractedText, a.StructuredCV, a.Analysis, nullJSON(a.FileInfo), a.Timings)
		if err != nil {
			return fmt.Errorf("complete analysis %s: %w", a.ID, err)
		}
		if tag.RowsAffected() == 0 {
			return nil // finished already (a retried job after a crash)
		}
		_, err = r.addVersion(ctx, tx, a.UserID, &a.ID, "analysis", a.StructuredCV, nil)
		return err
	})
}

// Fail marks an analysis failed with a stable code and a safe message.
func (r *CVs) Fail(ctx context.Context, id, code, message string) error {
	_, err := r.pool.Exec(ctx, `UPDATE cv_analyses SET status = 'failed', stage = 'failed',
		error_code = $2, error = $3, updated_at = now(), finished_at = now()
		WHERE id = $1 AND status IN ('queued', 'running')`, id, code, message)
	if err != nil {
		return fmt.Errorf("fail analysis %s: %w", id, err)
	}
	return nil
}

const analysisColumns = `id, user_id, cv_file_id, input_text, job_description, use_gemini, status, stage, percent,
	error_code, error, extracted_text, structured_cv, analysis, file_info, timings, created_at, updated_at, finished_at`

func scanAnalysis(row pgx.Row) (CVAnalysis, error) {
	var a CVAnalysis
	err := row.Scan(&a.ID, &a.UserID, &a.CVFileID, &a.InputText, &a.JobDescription, &a.UseGemini, &a.Status,
		&a.Stage, &a.Percent, &a.ErrorCode, &a.Error, &a.ExtractedText, &a.StructuredCV, &a.Analysis,
		&a.FileInfo, &a.Timings, &a.CreatedAt, &a.UpdatedAt, &a.FinishedAt)
	return a, err
}

// Analysis returns the user's analysis by id.
func (r *CVs) Analysis(ctx context.Context, userID, id string) (CVAnalysis, error) {
	a, err := scanAnalysis(r.pool.QueryRow(ctx, `SELECT `+analysisColumns+` FROM cv_analyses WHERE user_id = $1 AND id = $2`, userID, id))
	if errors.Is(err, pgx.ErrNoRows) || isInvalidUUID(err) {
		return CVAnalysis{}, ErrNotFound
	}
	if err != nil {
		return CVAnalysis{}, fmt.Errorf("load analysis %s: %w", id, err)
	}
	return a, nil
}

// AnalysisForJob returns an analysis by id for the worker that runs it.
func (r *CVs) AnalysisForJob(ctx context.Context, id string) (CVAnalysis, error) {
	a, err := scanAnalysis(r.pool.QueryRow(ctx, `SELECT `+analysisColumns+` FROM cv_analyses WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return CVAnalysis{}, ErrNotFound
	}
	if err != nil {
		return CVAnalysis{}, fmt.Errorf("load analysis %s: %w", id, err)
	}
	return a, nil
}

// Analyses lists the user's analyses, newest first, without the large columns.
func (r *CVs) Analyses(ctx context.Context, userID string, limit int) ([]CVAnalysis, error) {
	rows, err := r.pool.Query(ctx, `SELECT id, user_id, cv_file_id, NULL::text, job_description, use_gemini, status, stage,
		percent, error_code, error, NULL::text, NULL::jsonb, NULL::jsonb, file_info, timings, created_at, updated_at, finished_at
		FROM cv_analyses WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list analyses: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (CVAnalysis, error) { return scanAnalysis(row) })
}

// AddVersion stores a new version of the user's structured CV.
func (r *CVs) AddVersion(ctx context.Context, userID, source string, structured, suggestion json.RawMessage) (int, error) {
	var v int
	err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		var err error
		v, err = r.addVersion(ctx, tx, userID, nil, source, structured, suggestion)
		return err
	})
	return v, err
}

func (r *CVs) addVersion(ctx context.Context, tx pgx.Tx, userID string, analysisID *string, source string, structured, suggestion json.RawMessage) (int, error) {
	// Serialise version numbering per user; concurrent applies get 1, 2, 3…
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 20))`, userID); err != nil {
		return 0, fmt.Errorf("lock cv versions: %w", err)
	}
	var v int
	err := tx.QueryRow(ctx, `INSERT INTO cv_versions (user_id, version, analysis_id, source, structured_cv, suggestion)
		SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5 FROM cv_versions WHERE user_id = $1
		RETURNING version`, userID, analysisID, source, structured, nullJSON(suggestion)).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("insert cv version: %w", err)
	}
	// A quota: only the last MaxCVVersions are kept (20 apply-suggestion
	// calls on a 1 MB CV once added 17 MB, without end).
	if _, err := tx.Exec(ctx, `DELETE FROM cv_versions WHERE user_id = $1 AND version <= $2`, userID, v-MaxCVVersions); err != nil {
		return 0, fmt.Errorf("prune cv versions: %w", err)
	}
	return v, nil
}

// MaxCVVersions is how many versions of a user's structured CV are kept;
// older ones are deleted as new ones are added.
const MaxCVVersions = 50

// LatestVersion returns the user's current structured CV.
func (r *CVs) LatestVersion(ctx context.Context, userID string) (CVVersion, error) {
	return r.versionWhere(ctx, "user_id = $1 ORDER BY version DESC LIMIT 1", userID)
}

// Version returns one version of the user's structured CV.
func (r *CVs) Version(ctx context.Context, userID string, version int) (CVVersion, error) {
	return r.versionWhere(ctx, "user_id = $1 AND version = $2", userID, version)
}

func (r *CVs) versionWhere(ctx context.Context, where string, args ...any) (CVVersion, error) {
	var v CVVersion
	err := r.pool.QueryRow(ctx, `SELECT version, analysis_id, source, structured_cv, suggestion, created_at
		FROM cv_versions WHERE `+where, args...).
		Scan(&v.Version, &v.AnalysisID, &v.Source, &v.StructuredCV, &v.Suggestion, &v.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return CVVersion{}, ErrNotFound
	}
	if err != nil {
		return CVVersion{}, fmt.Errorf("load cv version: %w", err)
	}
	return v, nil
}

// Versions lists the user's versions, newest first, without their content.
func (r *CVs) Versions(ctx context.Context, userID string, limit int) ([]CVVersion, error) {
	rows, err := r.pool.Query(ctx, `SELECT version, analysis_id, source, NULL::jsonb, suggestion, created_at
		FROM cv_versions WHERE user_id = $1 ORDER BY version DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list cv versions: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (CVVersion, error) {
		var v CVVersion
		err := row.Scan(&v.Version, &v.AnalysisID, &v.Source, &v.StructuredCV, &v.Suggestion, &v.CreatedAt)
		return v, err
	})
}

func nullJSON(b json.RawMessage) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// isInvalidUUID reports a malformed uuid parameter: an id no row can have.
func isInvalidUUID(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "22P02"
}
