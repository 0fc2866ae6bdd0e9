-- +goose Up
-- An agent event published with an idempotency key is stored once per key,
-- however often the agent resends it (after "unavailable", a reconnect or a
-- server restart): the hub runs the store before the broker and again on
-- every resend.
ALTER TABLE interview_events ADD COLUMN idem_key text CHECK (char_length(idem_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX interview_events_idem_key_idx ON interview_events (interview_id, idem_key)
    WHERE idem_key IS NOT NULL;

-- +goose Down
DROP INDEX interview_events_idem_key_idx;
ALTER TABLE interview_events DROP COLUMN idem_key;
