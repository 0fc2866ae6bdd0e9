-- +goose Up
-- Every ending of an interview produces a report (docs/interviews.md):
--   ended_by          who ended it: the candidate (End interview, or walking
--                     out), the interviewer (its script or model closed it),
--                     or the server (its agent was gone, a deadline passed);
--   end_requested_at  the candidate asked to end early; the agent closes
--                     politely and reports on what was said;
--   agent_seen_at     the agent's last heartbeat: an interview whose agent
--                     has gone quiet is finished by the server, also after
--                     a restart, since the deadline lives here.
-- A report is the agent's or, when its agent is gone, the server's.
ALTER TABLE interviews
    ADD COLUMN ended_by text CHECK (ended_by IN ('candidate', 'interviewer', 'server')),
    ADD COLUMN end_requested_at timestamptz,
    ADD COLUMN end_request_reason text CHECK (char_length(end_request_reason) <= 500),
    ADD COLUMN agent_seen_at timestamptz;

ALTER TABLE interview_reports
    ADD COLUMN written_by text NOT NULL DEFAULT 'agent' CHECK (written_by IN ('agent', 'server')),
    ALTER COLUMN claim_id DROP NOT NULL;

-- +goose Down
ALTER TABLE interview_reports DROP COLUMN written_by;
DELETE FROM interview_reports WHERE claim_id IS NULL;
ALTER TABLE interview_reports ALTER COLUMN claim_id SET NOT NULL;
ALTER TABLE interviews DROP COLUMN agent_seen_at, DROP COLUMN end_request_reason,
    DROP COLUMN end_requested_at, DROP COLUMN ended_by;
