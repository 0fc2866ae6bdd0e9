-- +goose Up
-- Timelines refer to reviewers' notes by id and name no reviewer's address:
-- a note's author, name and text live only in interview_notes (erased with
-- the author's account), and reviewers never see each other's addresses.
UPDATE interview_events
SET data = jsonb_strip_nulls(jsonb_build_object('note_id', data->'note_id', 'offset_ms', data->'offset_ms'))
WHERE kind = 'note';
UPDATE interview_events SET data = data - 'email' WHERE kind = 'reviewer';

-- +goose Down
SELECT 1;
