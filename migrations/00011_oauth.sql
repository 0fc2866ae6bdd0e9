-- +goose Up
-- A provider account (Google, GitHub) linked to a user.
CREATE TABLE oauth_identities (
    provider   text NOT NULL,
    subject    text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      citext NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);
CREATE INDEX oauth_identities_user_idx ON oauth_identities (user_id);

-- Pending authorisation requests: the state value (hashed), single use. The
-- PKCE verifier is derived from the state with a server key, so no secret
-- is stored.
CREATE TABLE oauth_states (
    state_hash bytea PRIMARY KEY,
    provider   text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_states_expires_idx ON oauth_states (expires_at);

-- One-time codes the frontend exchanges for tokens after the callback, so
-- tokens never travel in a URL.
CREATE TABLE oauth_codes (
    code_hash  bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider   text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX oauth_codes_user_idx ON oauth_codes (user_id);

-- +goose Down
DROP TABLE oauth_codes;
DROP TABLE oauth_states;
DROP TABLE oauth_identities;
