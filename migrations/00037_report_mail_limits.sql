-- +goose Up
-- The daily limit of report e-mails per address counts interviews and
-- reports by candidate address, across every account.
CREATE INDEX interviews_candidate_email_idx ON interviews (candidate_email, created_at);

-- +goose Down
DROP INDEX interviews_candidate_email_idx;
