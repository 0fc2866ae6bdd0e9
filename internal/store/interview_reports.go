package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/interview"
)

// SaveReport stores the report; interview.ErrReportExists when there is one.
func (r *Interviews) SaveReport(ctx context.Context, rep interview.InterviewReport) error {
	_, err := r.q.Exec(ctx, `INSERT INTO interview_reports (interview_id, score, unscored_reason, strengths,
			development_areas, communication, role_fit, conclusion, terminated, termination_reason, claim_id, written_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE(NULLIF($12, ''), 'agent'))`,
		rep.InterviewID, rep.Score, rep.UnscoredReason, nonNilStrings(rep.Strengths), nonNilStrings(rep.DevelopmentAreas),
		rep.Communication, rep.RoleFit, rep.Conclusion, rep.Terminated, rep.TerminationReason, rep.ClaimID, rep.WrittenBy)
	if IsUniqueViolation(err) {
		return interview.ErrReportExists
	}
	if err != nil {
		return fmt.Errorf("save report of interview %s: %w", rep.InterviewID, err)
	}
	return nil
}

// Report returns the interview's report, ErrNotFound when there is none.
func (r *Interviews) Report(ctx context.Context, id string) (interview.InterviewReport, error) {
	rows, err := r.q.Query(ctx, `SELECT interview_id, score::float8 AS score, unscored_reason, strengths,
			development_areas, communication, role_fit, conclusion, terminated, termination_reason, claim_id, written_by, created_at
		FROM interview_reports WHERE interview_id = $1`, id)
	if err != nil {
		return interview.InterviewReport{}, fmt.Errorf("load report of interview %s: %w", id, err)
	}
	rep, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.InterviewReport])
	if errors.Is(err, pgx.ErrNoRows) || badInput(err) {
		return interview.InterviewReport{}, ErrNotFound
	}
	if err != nil {
		return interview.InterviewReport{}, fmt.Errorf("load report of interview %s: %w", id, err)
	}
	return rep, nil
}

const summaryCols = `i.id, i.user_id, u.name AS owner_name, i.job_title, i.state, rp.score::float8 AS score,
	rp.conclusion, i.created_at, i.started_at, i.ended_at`

// ListForOwner lists the user's interviews, newest first.
func (r *Interviews) ListForOwner(ctx context.Context, userID string, limit int) ([]interview.InterviewSummary, error) {
	rows, err := r.q.Query(ctx, `SELECT `+summaryCols+` FROM interviews i
		JOIN users u ON u.id = i.user_id
		LEFT JOIN interview_reports rp ON rp.interview_id = i.id
		WHERE i.user_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list interviews: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewSummary], "interviews")
}

// SharedWith lists the interviews shared with the user's (verified)
// address and not revoked, newest first.
func (r *Interviews) SharedWith(ctx context.Context, userID string, limit int) ([]interview.InterviewSummary, error) {
	rows, err := r.q.Query(ctx, `SELECT `+summaryCols+` FROM interview_reviewers rv
		JOIN users me ON me.email = rv.email AND me.id = $1 AND me.email_verified
		JOIN interviews i ON i.id = rv.interview_id
		JOIN users u ON u.id = i.user_id
		LEFT JOIN interview_reports rp ON rp.interview_id = i.id
		WHERE rv.revoked_at IS NULL AND i.user_id <> $1
		ORDER BY i.created_at DESC, i.id LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("list shared interviews: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewSummary], "shared interviews")
}
