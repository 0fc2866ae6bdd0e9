package store

import (
	"context"
	"fmt"
	"time"
)

// InvitationMailsSince counts invitation mails sent since by owner and to
// email, across every interview.
func (r *Interviews) InvitationMailsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error) {
	err = r.q.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM interview_reviewers WHERE invited_by = $1 AND mailed_at > $3),
			(SELECT count(*) FROM interview_reviewers WHERE email = $2 AND mailed_at > $3)`, owner, email, since).Scan(&byOwner, &toEmail)
	if err != nil {
		return 0, 0, fmt.Errorf("count invitation mails: %w", err)
	}
	return byOwner, toEmail, nil
}

// InterviewsSince counts the interviews created since by owner and for
// candidate address email (across every account): each one mails a report.
func (r *Interviews) InterviewsSince(ctx context.Context, owner, email string, since time.Time) (byOwner, toEmail int, err error) {
	err = r.q.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM interviews WHERE user_id = $1 AND created_at > $3),
			(SELECT count(*) FROM interviews WHERE candidate_email = $2 AND created_at > $3)`, owner, email, since).Scan(&byOwner, &toEmail)
	if err != nil {
		return 0, 0, fmt.Errorf("count interviews since: %w", err)
	}
	return byOwner, toEmail, nil
}

// ReportsSince counts the reports saved since for interviews whose
// candidate address is email, across every account.
func (r *Interviews) ReportsSince(ctx context.Context, email string, since time.Time) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reports rp JOIN interviews iv ON iv.id = rp.interview_id
		WHERE iv.candidate_email = $1 AND rp.created_at > $2`, email, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count reports since: %w", err)
	}
	return n, nil
}
