package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

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
// It holds the whole section; the export uses WriteCVs.
func (e *Export) CVs(ctx context.Context, userID string) (json.RawMessage, error) {
	return e.buffered(ctx, userID, e.WriteCVs)
}

// WriteCVs writes the CVs section to w one row at a time, so a user's many
// versions or large files are never all in memory.
func (e *Export) WriteCVs(ctx context.Context, userID string, w io.Writer) error {
	const files = `
WITH files AS (
	SELECT f.*, sum(f.size_bytes) OVER (ORDER BY f.created_at DESC, f.id) AS running
	FROM cv_files f WHERE f.user_id = $1
)
SELECT jsonb_build_object(
	'id', f.id, 'filename', f.filename, 'kind', f.kind, 'size_bytes', f.size_bytes,
	'sha256', encode(f.sha256, 'hex'), 'created_at', f.created_at,
	'content_base64', CASE WHEN f.running <= $2 THEN translate(encode(f.content, 'base64'), E'\n', '') END,
	'content_omitted', f.running > $2)::text
FROM files f ORDER BY f.created_at, f.id`
	const analyses = `
SELECT (to_jsonb(a) - 'user_id')::text FROM cv_analyses a WHERE a.user_id = $1 ORDER BY a.created_at, a.id`
	const versions = `
SELECT (to_jsonb(v) - 'user_id')::text FROM cv_versions v WHERE v.user_id = $1 ORDER BY v.version`
	if _, err := io.WriteString(w, `{"files":`); err != nil {
		return err
	}
	if err := e.array(ctx, w, "cv files", files, userID, ExportFileBudget); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"analyses":`); err != nil {
		return err
	}
	if err := e.array(ctx, w, "cv analyses", analyses, userID); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `,"versions":`); err != nil {
		return err
	}
	if err := e.array(ctx, w, "cv versions", versions, userID); err != nil {
		return err
	}
	_, err := io.WriteString(w, "}")
	return err
}

// Interviews is every interview the user had, each with its timeline,
// transcript, report, reviewers' notes and invited reviewers. It holds the
// whole section; the export uses WriteInterviews.
func (e *Export) Interviews(ctx context.Context, userID string) (json.RawMessage, error) {
	return e.buffered(ctx, userID, e.WriteInterviews)
}

// WriteInterviews writes the interviews section to w one interview at a time.
func (e *Export) WriteInterviews(ctx context.Context, userID string, w io.Writer) error {
	const q = `
SELECT ((to_jsonb(i) - 'user_id' - 'claim_id') || jsonb_build_object(
		'events', (SELECT coalesce(jsonb_agg(to_jsonb(ev) - 'interview_id' ORDER BY ev.id), '[]'::jsonb)
			FROM interview_events ev WHERE ev.interview_id = i.id),
		'transcript', (SELECT coalesce(jsonb_agg(to_jsonb(s) - 'interview_id' ORDER BY s.seq), '[]'::jsonb)
			FROM interview_segments s WHERE s.interview_id = i.id),
		'report', (SELECT to_jsonb(r) - 'interview_id' - 'claim_id'
			FROM interview_reports r WHERE r.interview_id = i.id),
		'notes', (SELECT coalesce(jsonb_agg(to_jsonb(n) - 'interview_id' - 'author_id' ORDER BY n.created_at, n.id), '[]'::jsonb)
			FROM interview_notes n WHERE n.interview_id = i.id),
		'reviewers', (SELECT coalesce(jsonb_agg(to_jsonb(rv) - 'interview_id' - 'invited_by' ORDER BY rv.created_at, rv.email), '[]'::jsonb)
			FROM interview_reviewers rv WHERE rv.interview_id = i.id)))::text
FROM interviews i WHERE i.user_id = $1 ORDER BY i.created_at, i.id`
	return e.array(ctx, w, "interviews", q, userID)
}

// array writes the query's rows, each one JSON text column, as a JSON
// array, straight from pgx's read buffer.
func (e *Export) array(ctx context.Context, w io.Writer, what, q string, args ...any) error {
	rows, err := e.pool.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("export %s of user %s: %w", what, args[0], err)
	}
	defer rows.Close()
	sep := "["
	for rows.Next() {
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		sep = ","
		if _, err := w.Write(rows.RawValues()[0]); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export %s of user %s: %w", what, args[0], err)
	}
	if sep == "[" {
		_, err = io.WriteString(w, "[]")
	} else {
		_, err = io.WriteString(w, "]")
	}
	return err
}

func (e *Export) buffered(ctx context.Context, userID string, write func(context.Context, string, io.Writer) error) (json.RawMessage, error) {
	var b bytes.Buffer
	if err := write(ctx, userID, &b); err != nil {
		return nil, err
	}
	return json.RawMessage(b.Bytes()), nil
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
