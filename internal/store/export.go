package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// ExportFileBudget bounds the bytes of uploaded CV files carried in one data
// export: the newest files up to this total are included (base64), older
// ones are listed with their metadata and hash and content_omitted true.
const ExportFileBudget = 64 << 20

// Export reads everything the CV, interview and job areas keep about one
// user, as JSON sections of the account's data export (GET
// /api/auth/export). It reads the tables directly, row by row as stored
// (to_jsonb), so a column added later is exported without a change here;
// only internal bookkeeping that is not the user's data is left out (the
// owner id repeated on every row, agent claim ids).
type Export struct{ pool *pgxpool.Pool }

// NewExport returns the export reader.
func NewExport(pool *pgxpool.Pool) *Export { return &Export{pool: pool} }

// CVs is the user's uploaded files, every analysis run and every version of
// their structured CV: {"files": [...], "analyses": [...], "versions": [...]}.
func (e *Export) CVs(ctx context.Context, userID string) (json.RawMessage, error) {
	const q = `
WITH files AS (
	SELECT f.*, sum(f.size_bytes) OVER (ORDER BY f.created_at DESC, f.id) AS running
	FROM cv_files f WHERE f.user_id = $1
)
SELECT jsonb_build_object(
	'files', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			'id', f.id, 'filename', f.filename, 'kind', f.kind, 'size_bytes', f.size_bytes,
			'sha256', encode(f.sha256, 'hex'), 'created_at', f.created_at,
			'content_base64', CASE WHEN f.running <= $2 THEN translate(encode(f.content, 'base64'), E'\n', '') END,
			'content_omitted', f.running > $2)
		ORDER BY f.created_at, f.id), '[]'::jsonb) FROM files f),
	'analyses', (SELECT coalesce(jsonb_agg(to_jsonb(a) - 'user_id' ORDER BY a.created_at, a.id), '[]'::jsonb)
		FROM cv_analyses a WHERE a.user_id = $1),
	'versions', (SELECT coalesce(jsonb_agg(to_jsonb(v) - 'user_id' ORDER BY v.version), '[]'::jsonb)
		FROM cv_versions v WHERE v.user_id = $1))`
	return e.one(ctx, "cvs", q, userID, ExportFileBudget)
}

// Interviews is every interview the user had, each with its timeline,
// transcript, report, reviewers' notes and invited reviewers.
func (e *Export) Interviews(ctx context.Context, userID string) (json.RawMessage, error) {
	const q = `
SELECT coalesce(jsonb_agg(
	(to_jsonb(i) - 'user_id' - 'claim_id') || jsonb_build_object(
		'events', (SELECT coalesce(jsonb_agg(to_jsonb(ev) - 'interview_id' ORDER BY ev.id), '[]'::jsonb)
			FROM interview_events ev WHERE ev.interview_id = i.id),
		'transcript', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'interview_id' ORDER BY s.seq), '[]'::jsonb)
			FROM interview_segments s WHERE s.interview_id = i.id),
		'report', (SELECT to_jsonb(r) - 'interview_id' - 'claim_id'
			FROM interview_reports r WHERE r.interview_id = i.id),
		'notes', (SELECT coalesce(jsonb_agg(to_jsonb(n) - 'interview_id' - 'author_id' ORDER BY n.created_at, n.id), '[]'::jsonb)
			FROM interview_notes n WHERE n.interview_id = i.id),
		'reviewers', (SELECT coalesce(jsonb_agg(to_jsonb(rv) - 'interview_id' - 'invited_by' ORDER BY rv.created_at, rv.email), '[]'::jsonb)
			FROM interview_reviewers rv WHERE rv.interview_id = i.id))
	ORDER BY i.created_at, i.id), '[]'::jsonb)
FROM interviews i WHERE i.user_id = $1`
	return e.one(ctx, "interviews", q, userID)
}

// ReviewerNotes is the notes the user wrote as a reviewer of other people's
// interviews (their own interviews' notes are under Interviews).
func (e *Export) ReviewerNotes(ctx context.Context, userID string) (json.RawMessage, error) {
	const q = `
SELECT coalesce(jsonb_agg(to_jsonb(n) - 'author_id' ORDER BY n.created_at, n.id), '[]'::jsonb)
FROM interview_notes n JOIN interviews i ON i.id = n.interview_id
WHERE n.author_id = $1 AND i.user_id <> $1`
	return e.one(ctx, "reviewer notes", q, userID)
}

// JobSearch is the user's saved latest job search and its results, or
// null when they never searched.
func (e *Export) JobSearch(ctx context.Context, userID string) (json.RawMessage, error) {
	const q = `
SELECT coalesce((SELECT to_jsonb(j) - 'user_id' FROM job_searches j WHERE j.user_id = $1), 'null'::jsonb)`
	return e.one(ctx, "job search", q, userID)
}

func (e *Export) one(ctx context.Context, what, q string, args ...any) (json.RawMessage, error) {
	var out []byte
	if err := e.pool.QueryRow(ctx, q, args...).Scan(&out); err != nil {
		return nil, fmt.Errorf("export %s of user %s: %w", what, args[0], err)
	}
	return json.RawMessage(out), nil
}
