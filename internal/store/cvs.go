package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/utopiahire/utopiahire/internal/apperr"
	"github.com/utopiahire/utopiahire/internal/cv"
	"github.com/utopiahire/utopiahire/internal/cvjob"
	"github.com/utopiahire/utopiahire/internal/cvservice"
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

// CVs is the repository of CV files, analyses and versions. Every read that a
// user can name takes the user's id, so another user's row is ErrNotFound.
type CVs struct{ pool *pgxpool.Pool }

// NewCVs returns the repository over pool.
func NewCVs(pool *pgxpool.Pool) *CVs { return &CVs{pool: pool} }

var (
	_ cvjob.Store     = (*CVs)(nil)
	_ cvservice.Store = (*CVs)(nil)
)

// InsertFile stores an uploaded file and returns its id; cv.ErrFileQuota
// when the user's quota is full (concurrent uploads may pass it by a few).
func (r *CVs) InsertFile(ctx context.Context, f cv.File) (string, error) {
	return r.insertFile(ctx, r.pool, f)
}

func (r *CVs) insertFile(ctx context.Context, db DBTX, f cv.File) (string, error) {
	var id string
	err := db.QueryRow(ctx, `INSERT INTO cv_files (user_id, filename, kind, size_bytes, sha256, content, extracted)
		SELECT $1, $2, $3, $4::int, $5, $6, $7
		WHERE (SELECT count(*) < $8::int AND coalesce(sum(size_bytes), 0) + $4::int <= $9::bigint FROM cv_files WHERE user_id = $1)
		RETURNING id`,
		f.UserID, f.Filename, f.Kind, f.Size, f.SHA256, f.Content, nullJSON(json.RawMessage(f.Extracted)), cv.MaxFiles, cv.MaxFileBytes).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", cv.ErrFileQuota
	}
	if err != nil {
		return "", fmt.Errorf("insert cv file: %w", err)
	}
	return id, nil
}

// SubmitAnalysis stores file (when not nil) and the queued analysis a, and
// calls enqueue with the analysis id, in one transaction.
func (r *CVs) SubmitAnalysis(ctx context.Context, file *cv.File, a cvjob.Analysis, enqueue func(ctx context.Context, tx pgx.Tx, analysisID string) error) (string, error) {
	var id string
	err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		if file != nil {
			fileID, err := r.insertFile(ctx, tx, *file)
			if err != nil {
				return err
			}
			a.CVFileID = &fileID
		}
		var err error
		if id, err = r.createAnalysis(ctx, tx, a); err != nil {
			return err
		}
		return enqueue(ctx, tx, id)
	})
	if err != nil {
		return "", err
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
func (r *CVs) File(ctx context.Context, userID, id string) (cv.File, error) {
	return r.fileWhere(ctx, "user_id = $1 AND id = $2", userID, id)
}

// LatestFileNamed returns the user's newest file with that display name.
func (r *CVs) LatestFileNamed(ctx context.Context, userID, name string) (cv.File, error) {
	return r.fileWhere(ctx, "user_id = $1 AND filename = $2 ORDER BY created_at DESC LIMIT 1", userID, name)
}

func (r *CVs) fileWhere(ctx context.Context, where string, args ...any) (cv.File, error) {
	var f cv.File
	err := r.pool.QueryRow(ctx, `SELECT id, user_id, filename, kind, size_bytes, sha256, content, extracted, created_at
		FROM cv_files WHERE `+where, args...).
		Scan(&f.ID, &f.UserID, &f.Filename, &f.Kind, &f.Size, &f.SHA256, &f.Content, &f.Extracted, &f.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) || isInvalidUUID(err) {
		return cv.File{}, ErrNotFound
	}
	if err != nil {
		return cv.File{}, fmt.Errorf("load cv file: %w", err)
	}
	return f, nil
}

// createAnalysis records a queued analysis and returns its id.
func (r *CVs) createAnalysis(ctx context.Context, db DBTX, a cvjob.Analysis) (string, error) {
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
func (r *CVs) Complete(ctx context.Context, a cvjob.Analysis) error {
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

func scanAnalysis(row pgx.Row) (cvjob.Analysis, error) {
	var a cvjob.Analysis
	err := row.Scan(&a.ID, &a.UserID, &a.CVFileID, &a.InputText, &a.JobDescription, &a.UseGemini, &a.Status,
		&a.Stage, &a.Percent, &a.ErrorCode, &a.Error, &a.ExtractedText, &a.StructuredCV, &a.Analysis,
		&a.FileInfo, &a.Timings, &a.CreatedAt, &a.UpdatedAt, &a.FinishedAt)
	return a, err
}

// Analysis returns the user's analysis by id.
func (r *CVs) Analysis(ctx context.Context, userID, id string) (cvjob.Analysis, error) {
	a, err := scanAnalysis(r.pool.QueryRow(ctx, `SELECT `+analysisColumns+` FROM cv_analyses WHERE user_id = $1 AND id = $2`, userID, id))
	if errors.Is(err, pgx.ErrNoRows) || isInvalidUUID(err) {
		return cvjob.Analysis{}, ErrNotFound
	}
	if err != nil {
		return cvjob.Analysis{}, fmt.Errorf("load analysis %s: %w", id, err)
	}
	return a, nil
}

// AnalysisForJob returns an analysis by id for the worker that runs it.
func (r *CVs) AnalysisForJob(ctx context.Context, id string) (cvjob.Analysis, error) {
	a, err := scanAnalysis(r.pool.QueryRow(ctx, `SELECT `+analysisColumns+` FROM cv_analyses WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return cvjob.Analysis{}, ErrNotFound
	}
	if err != nil {
		return cvjob.Analysis{}, fmt.Errorf("load analysis %s: %w", id, err)
	}
	return a, nil
}

// Analyses lists the user's analyses, newest first, without the large columns.
func (r *CVs) Analyses(ctx context.Context, userID string, limit int) ([]cvjob.Analysis, error) {
	rows, err := r.pool.Query(ctx, `SELECT id, user_id, cv_file_id, NULL::text, job_description, use_gemini, status, stage,
		percent, error_code, error, NULL::text, NULL::jsonb, NULL::jsonb, file_info, timings, created_at, updated_at, finished_at
		FROM cv_analyses WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list analyses: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (cvjob.Analysis, error) { return scanAnalysis(row) })
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
	// A quota: only the last cv.MaxVersions are kept (20 apply-suggestion
	// calls on a 1 MB CV once added 17 MB, without end).
	if _, err := tx.Exec(ctx, `DELETE FROM cv_versions WHERE user_id = $1 AND version <= $2`, userID, v-cv.MaxVersions); err != nil {
		return 0, fmt.Errorf("prune cv versions: %w", err)
	}
	return v, nil
}

// LatestVersion returns the user's current structured CV.
func (r *CVs) LatestVersion(ctx context.Context, userID string) (cv.Version, error) {
	return r.versionWhere(ctx, "user_id = $1 ORDER BY version DESC LIMIT 1", userID)
}

// Version returns one version of the user's structured CV.
func (r *CVs) Version(ctx context.Context, userID string, version int) (cv.Version, error) {
	return r.versionWhere(ctx, "user_id = $1 AND version = $2", userID, version)
}

func (r *CVs) versionWhere(ctx context.Context, where string, args ...any) (cv.Version, error) {
	var v cv.Version
	err := r.pool.QueryRow(ctx, `SELECT version, analysis_id, source, structured_cv, suggestion, created_at
		FROM cv_versions WHERE `+where, args...).
		Scan(&v.Version, &v.AnalysisID, &v.Source, &v.StructuredCV, &v.Suggestion, &v.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return cv.Version{}, ErrNotFound
	}
	if err != nil {
		return cv.Version{}, fmt.Errorf("load cv version: %w", err)
	}
	return v, nil
}

// Versions lists the user's versions, newest first, without their content.
func (r *CVs) Versions(ctx context.Context, userID string, limit int) ([]cv.Version, error) {
	rows, err := r.pool.Query(ctx, `SELECT version, analysis_id, source, NULL::jsonb, suggestion, created_at
		FROM cv_versions WHERE user_id = $1 ORDER BY version DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list cv versions: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (cv.Version, error) {
		var v cv.Version
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
