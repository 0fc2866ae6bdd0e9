-- +goose Up
-- Uploaded CV files. The bytes live here, owned by the user; the client's file
-- name is display text only and never becomes a path.
CREATE TABLE cv_files (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    filename   text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 255),
    kind       text NOT NULL,
    size_bytes integer NOT NULL CHECK (size_bytes > 0),
    sha256     bytea NOT NULL,
    content    bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cv_files_user_idx ON cv_files (user_id, created_at DESC);

-- One run of the pipeline (extract → structure → analyze). Progress is kept
-- here as well as published on hub channel cv:<id>, for clients that poll.
CREATE TABLE cv_analyses (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cv_file_id      uuid REFERENCES cv_files (id) ON DELETE SET NULL,
    input_text      text,
    job_description text NOT NULL DEFAULT '',
    use_gemini      boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    stage           text NOT NULL DEFAULT 'received',
    percent         integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    error_code      text,
    error           text,
    extracted_text  text,
    structured_cv   jsonb,
    analysis        jsonb,
    file_info       jsonb,
    timings         jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK (cv_file_id IS NOT NULL OR input_text IS NOT NULL OR status = 'failed')
);
CREATE INDEX cv_analyses_user_idx ON cv_analyses (user_id, created_at DESC);

-- Every structured CV a user has had, newest last: from an analysis, an
-- applied suggestion or a restore. The latest is their current CV.
CREATE TABLE cv_versions (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version       integer NOT NULL,
    analysis_id   uuid REFERENCES cv_analyses (id) ON DELETE SET NULL,
    source        text NOT NULL CHECK (source IN ('analysis', 'suggestion', 'restore')),
    structured_cv jsonb NOT NULL,
    suggestion    jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, version)
);

-- +goose Down
DROP TABLE cv_versions;
DROP TABLE cv_analyses;
DROP TABLE cv_files;
