-- +goose Up
-- Security events. Never passwords or tokens. When an account is deleted its
-- entries lose everything personal (user, IP, user agent, details) and keep
-- only what happened and when.
CREATE TABLE audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    event      text NOT NULL,
    user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    ip         inet,
    user_agent text CHECK (char_length(user_agent) <= 512),
    request_id text CHECK (char_length(request_id) <= 64),
    details    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- +goose Down
DROP TABLE audit_log;
