-- +goose Up
-- Every e-mail, written in the transaction that caused it and sent by a River
-- job. Without SMTP_URL the message stays here (status 'logged') so it can be
-- read locally (`server mail outbox`). Once sent over SMTP the bodies are
-- cleared: they may hold single-use tokens.
CREATE TABLE mail_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    uuid REFERENCES users (id) ON DELETE CASCADE,
    recipient  text NOT NULL,
    subject    text NOT NULL,
    text_body  text,
    html_body  text,
    status     text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'logged', 'failed')),
    attempts   integer NOT NULL DEFAULT 0,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    sent_at    timestamptz
);
CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);

-- +goose Down
DROP TABLE mail_outbox;
