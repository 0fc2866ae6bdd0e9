package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/utopiahire/utopiahire/internal/interview"
)

// Invite records (or renews) an invitation. fresh reports that the
// address was not already an active reviewer; mail that it should be mailed
// now: a new invitation, or one renewed more than a day after it was last
// mailed (invite–revoke loops mail a victim at most once a day).
func (r *Interviews) Invite(ctx context.Context, id, email, invitedBy string) (fresh, mail bool, err error) {
	err = r.q.QueryRow(ctx, `INSERT INTO interview_reviewers AS rv (interview_id, email, invited_by, mailed_at) VALUES ($1, $2, $3, now())
		ON CONFLICT (interview_id, email) DO UPDATE SET revoked_at = NULL, invited_by = EXCLUDED.invited_by,
			created_at = CASE WHEN rv.revoked_at IS NULL THEN rv.created_at ELSE now() END,
			mailed_at = CASE WHEN rv.revoked_at IS NOT NULL AND (rv.mailed_at IS NULL OR rv.mailed_at < now() - interval '1 day')
				THEN now() ELSE rv.mailed_at END
		RETURNING (xmax = 0 OR created_at = now()), mailed_at = now()`, id, email, invitedBy).Scan(&fresh, &mail)
	if err != nil {
		return false, false, fmt.Errorf("invite reviewer to interview %s: %w", id, err)
	}
	return fresh, mail, nil
}

// CountInvitations counts the interview's invitations, revoked ones too,
// other than to email (renewing that one adds none).
func (r *Interviews) CountInvitations(ctx context.Context, id, email string) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reviewers WHERE interview_id = $1 AND email <> $2`, id, email).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count invitations of interview %s: %w", id, err)
	}
	return n, nil
}

// CountReviewers counts the interview's active invitations.
func (r *Interviews) CountReviewers(ctx context.Context, id string) (int, error) {
	var n int
	err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_reviewers WHERE interview_id = $1 AND revoked_at IS NULL`, id).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count reviewers of interview %s: %w", id, err)
	}
	return n, nil
}

// Revoke ends an invitation; ErrNotFound when there is no active one.
func (r *Interviews) Revoke(ctx context.Context, id, email string) error {
	tag, err := r.q.Exec(ctx, `UPDATE interview_reviewers SET revoked_at = now()
		WHERE interview_id = $1 AND email = $2 AND revoked_at IS NULL`, id, email)
	if err != nil {
		return fmt.Errorf("revoke reviewer of interview %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// Reviewers lists the interview's invitations, active and revoked.
func (r *Interviews) Reviewers(ctx context.Context, id string) ([]interview.InterviewReviewer, error) {
	rows, err := r.q.Query(ctx, `SELECT email, created_at, revoked_at FROM interview_reviewers
		WHERE interview_id = $1 ORDER BY created_at, email`, id)
	if err != nil {
		return nil, fmt.Errorf("list reviewers of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewReviewer], "reviewers of interview "+id)
}

// UserIDsByEmail returns the account with that address, if any (at most one).
func (r *Interviews) UserIDsByEmail(ctx context.Context, email string) ([]string, error) {
	rows, err := r.q.Query(ctx, `SELECT id::text FROM users WHERE email = $1`, email)
	if err != nil {
		return nil, fmt.Errorf("find account by email: %w", err)
	}
	return collect(rows, pgx.RowTo[string], "accounts by email")
}

// IsReviewer reports whether userID holds an active invitation.
func (r *Interviews) IsReviewer(ctx context.Context, id, userID string) (bool, error) {
	var ok bool
	err := r.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM interview_reviewers rv JOIN users u ON u.email = rv.email
		WHERE rv.interview_id = $1 AND rv.revoked_at IS NULL AND u.id = $2 AND u.email_verified)`, id, userID).Scan(&ok)
	if badInput(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("check reviewer of interview %s: %w", id, err)
	}
	return ok, nil
}

// AddNote stores a note and returns it with its author's name.
func (r *Interviews) AddNote(ctx context.Context, id, authorID, text string, offsetMS int64) (interview.InterviewNote, error) {
	rows, err := r.q.Query(ctx, `WITH n AS (INSERT INTO interview_notes (interview_id, author_id, text, offset_ms)
			VALUES ($1, $2, $3, $4) RETURNING *)
		SELECT n.id, n.interview_id, n.author_id, u.name AS author_name, n.text, n.offset_ms, n.created_at
		FROM n JOIN users u ON u.id = n.author_id`, id, authorID, text, offsetMS)
	if err != nil {
		return interview.InterviewNote{}, fmt.Errorf("add note to interview %s: %w", id, err)
	}
	n, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.InterviewNote])
	if err != nil {
		return interview.InterviewNote{}, fmt.Errorf("add note to interview %s: %w", id, err)
	}
	return n, nil
}

// CountNotes counts the interview's notes.
func (r *Interviews) CountNotes(ctx context.Context, id string) (int, error) {
	var n int
	if err := r.q.QueryRow(ctx, `SELECT count(*) FROM interview_notes WHERE interview_id = $1`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("count notes of interview %s: %w", id, err)
	}
	return n, nil
}

const noteCols = `n.id, n.interview_id, n.author_id, u.name AS author_name, n.text, n.offset_ms, n.created_at`

// Notes returns the interview's notes in the order written.
func (r *Interviews) Notes(ctx context.Context, id string) ([]interview.InterviewNote, error) {
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.interview_id = $1 ORDER BY n.created_at, n.id`, id)
	if err != nil {
		return nil, fmt.Errorf("load notes of interview %s: %w", id, err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewNote], "notes of interview "+id)
}

// Note returns one note of interview id; ErrNotFound when there is none
// (noteID need not be a valid id).
func (r *Interviews) Note(ctx context.Context, id, noteID string) (interview.InterviewNote, error) {
	if _, err := uuid.Parse(noteID); err != nil {
		return interview.InterviewNote{}, ErrNotFound
	}
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.interview_id = $1 AND n.id = $2`, id, noteID)
	if err != nil {
		return interview.InterviewNote{}, fmt.Errorf("load note of interview %s: %w", id, err)
	}
	n, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[interview.InterviewNote])
	if errors.Is(err, pgx.ErrNoRows) {
		return interview.InterviewNote{}, ErrNotFound
	}
	if err != nil {
		return interview.InterviewNote{}, fmt.Errorf("load note of interview %s: %w", id, err)
	}
	return n, nil
}

// NotesByAuthor returns every note the user wrote, on any interview.
func (r *Interviews) NotesByAuthor(ctx context.Context, userID string) ([]interview.InterviewNote, error) {
	rows, err := r.q.Query(ctx, `SELECT `+noteCols+` FROM interview_notes n JOIN users u ON u.id = n.author_id
		WHERE n.author_id = $1 ORDER BY n.created_at, n.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("load notes by author: %w", err)
	}
	return collect(rows, pgx.RowToStructByName[interview.InterviewNote], "notes by author")
}
