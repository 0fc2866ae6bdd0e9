-- +goose Up
-- Sessions the account page lists: the browser that signed in and when the
-- session was last used (moved at most every few minutes, not per request).
ALTER TABLE refresh_families
    ADD COLUMN user_agent   text NOT NULL DEFAULT '' CHECK (octet_length(user_agent) <= 512),
    ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();

-- Single-use password reset tokens, stored as keyed hashes only. A newer
-- request expires the older links; rows stay until pruned so that requests
-- per account can be counted (rate limit) and an old link answers "expired".
CREATE TABLE password_resets (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at);

-- +goose Down
DROP TABLE password_resets;
ALTER TABLE refresh_families DROP COLUMN last_seen_at, DROP COLUMN user_agent;
