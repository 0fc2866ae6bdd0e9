-- +goose Up
-- Accounts. Every table that holds a user's data references users(id) with
-- ON DELETE CASCADE, so that deleting the user row erases the account and
-- everything it owns (audit_log is the one exception: SET NULL, scrubbed).
CREATE TABLE users (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    -- citext: unique regardless of case.
    email          citext NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    -- bcrypt; NULL for accounts that only ever signed in with OAuth.
    password_hash  text CHECK (password_hash IS NULL OR password_hash LIKE '$2%'),
    email_verified boolean NOT NULL DEFAULT false,
    -- Bumped to invalidate every access token at once (tv claim).
    token_version  integer NOT NULL DEFAULT 1,
    role           text NOT NULL DEFAULT 'candidate' CHECK (role IN ('candidate', 'reviewer', 'admin')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email)
);

-- A session: one sign-in (password, e-mail verification or OAuth) and the
-- chain of refresh tokens rotated from it. Reusing a rotated token revokes it.
CREATE TABLE refresh_families (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method         text NOT NULL,
    auth_time      timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);

-- Opaque refresh tokens, stored as keyed hashes only.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    family_id  uuid NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Single-use e-mail verification tokens, stored as keyed hashes only.
CREATE TABLE email_verifications (
    token_hash bytea PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);

-- Failed sign-ins per e-mail address (whether or not an account exists, so
-- the lockout does not reveal which addresses have one).
CREATE TABLE login_throttle (
    email        citext PRIMARY KEY,
    failures     integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz
);

-- +goose Down
DROP TABLE login_throttle;
DROP TABLE email_verifications;
DROP TABLE refresh_tokens;
DROP TABLE refresh_families;
DROP TABLE users;
