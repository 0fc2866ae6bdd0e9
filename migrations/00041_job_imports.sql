-- +goose Up
-- How the periodic import from each live job board went (internal/jobs/
-- catalog Refresher): search notes say when only the local catalog
-- answered, and GET /api/jobs/catalog says where the postings come from.
CREATE TABLE job_catalog_imports (
    source       text PRIMARY KEY CHECK (char_length(source) BETWEEN 1 AND 50),
    attempted_at timestamptz NOT NULL,
    succeeded_at timestamptz,
    -- Safe summary of the last failure ('' after a success).
    last_error   text NOT NULL DEFAULT '' CHECK (char_length(last_error) <= 500),
    fetched      integer NOT NULL DEFAULT 0,
    removed      integer NOT NULL DEFAULT 0
);
-- Pruning a board's postings that left it scans by origin.
CREATE INDEX job_catalog_origin_idx ON job_catalog (origin);

-- +goose Down
DROP INDEX job_catalog_origin_idx;
DROP TABLE job_catalog_imports;
