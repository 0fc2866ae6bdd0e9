package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/interview"
)

// AddEvent appends an entry to the interview's timeline; data is JSON.
func (r *Interviews) AddEvent(ctx context.Context, id, kind string, data []byte) (interview.InterviewEvent, error) {
	if len(data) == 0 {
		data = []byte("{}")
	}
	rows, err := r.q.Query(ctx, `INSERT INTO interview_events (interview_id, kind, data) VALUES ($1, $2, $3)
		RETURNING id, interview_id, kind, data, created_at`, id, kind, data)
	if err != nil {
		return interview.InterviewEvent{}, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	ev, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.InterviewEvent])
	if err != nil {
		return interview.InterviewEvent{}, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	return ev, nil
}

// AddEventOnce appends an entry to the interview's timeline unless one with
// the same idempotency key is there already; added says which. An empty key
// always appends.
func (r *Interviews) AddEventOnce(ctx context.Context, id, kind, key string, data []byte) (added bool, err error) {
	if key == "" {
		_, err := r.AddEvent(ctx, id, kind, data)
		return err == nil, err
	}
	if len(data) == 0 {
		data = []byte("{}")
	}
	tag, err := r.q.Exec(ctx, `INSERT INTO interview_events (interview_id, kind, data, idem_key) VALUES ($1, $2, $3, $4)
		ON CONFLICT (interview_id, idem_key) WHERE idem_key IS NOT NULL DO NOTHING`, id, kind, data, key)
	if err != nil {
		return false, fmt.Errorf("add %s event to interview %s: %w", kind, id, err)
	}
	return tag.RowsAffected() == 1, nil
}

// CountEvents counts the interview's timeline entries.
func (r *Interviews) CountEvents(ctx context.Context, id string) (int, error) {
	var n int
	if err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_events WHERE interview_id = $1`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("count events of interview %s: %w", id, err)
	}
	return n, nil
}

// Events returns the interview's timeline in order.
func (r *Interviews) Events(ctx context.Context, id string) ([]interview.InterviewEvent, error) {
	rows, err := r.q.Query(ctx, `SELECT id, interview_id, kind, data, created_at FROM interview_events
		WHERE interview_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("load events of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewEvent], "events of interview "+id)
}

// UpsertSegment stores a transcript segment idempotently: a new seq is
// inserted, a partial is replaced by a newer partial or its final version,
// the same final again changes nothing, and a final segment is never
// replaced.
func (r *Interviews) UpsertSegment(ctx context.Context, id string, s interview.InterviewSegment) (interview.SegmentOutcome, error) {
	var stored bool
	err := r.q.QueryRow(ctx, `INSERT INTO interview_segments AS g
			(interview_id, seq, speaker, text, lang, start_ms, end_ms, final)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (interview_id, seq) DO UPDATE SET speaker = EXCLUDED.speaker, text = EXCLUDED.text,
			lang = EXCLUDED.lang, start_ms = EXCLUDED.start_ms, end_ms = EXCLUDED.end_ms,
			final = EXCLUDED.final, updated_at = now()
		WHERE NOT g.final
		RETURNING true`, id, s.Seq, s.Speaker, s.Text, s.Lang, s.StartMS, s.EndMS, s.Final).Scan(&stored)
	if err == nil {
		return interview.SegmentStored, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("store segment %d of interview %s: %w", s.Seq, id, err)
	}
	var cur interview.InterviewSegment
	err = r.q.QueryRow(ctx, `SELECT speaker, text, lang, start_ms, end_ms, final FROM interview_segments
		WHERE interview_id = $1 AND seq = $2`, id, s.Seq).
		Scan(&cur.Speaker, &cur.Text, &cur.Lang, &cur.StartMS, &cur.EndMS, &cur.Final)
	if err != nil {
		return 0, fmt.Errorf("load segment %d of interview %s: %w", s.Seq, id, err)
	}
	cur.Seq = s.Seq
	if cur == s {
		return interview.SegmentUnchanged, nil
	}
	return interview.SegmentFinalized, nil
}

// Segments returns the transcript in seq order.
func (r *Interviews) Segments(ctx context.Context, id string) ([]interview.InterviewSegment, error) {
	rows, err := r.q.Query(ctx, `SELECT seq, speaker, text, lang, start_ms, end_ms, final FROM interview_segments
		WHERE interview_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("load transcript of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewSegment], "transcript of interview "+id)
}
