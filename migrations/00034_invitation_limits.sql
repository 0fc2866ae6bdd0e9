-- +goose Up
-- When an invitation was last mailed: re-inviting the same address within a
-- day re-activates it without mailing again, and the per-owner and
-- per-recipient daily mail limits count these.
ALTER TABLE interview_reviewers ADD COLUMN mailed_at timestamptz;
UPDATE interview_reviewers SET mailed_at = created_at;
CREATE INDEX interview_reviewers_owner_mailed_idx ON interview_reviewers (invited_by, mailed_at);
CREATE INDEX interview_reviewers_email_mailed_idx ON interview_reviewers (email, mailed_at);

-- +goose Down
DROP INDEX interview_reviewers_email_mailed_idx;
DROP INDEX interview_reviewers_owner_mailed_idx;
ALTER TABLE interview_reviewers DROP COLUMN mailed_at;
