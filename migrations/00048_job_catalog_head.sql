-- +goose Up
-- Catalog search at 100,000 postings (issue 17): ranking every match by
-- the full search vector detoasted ~100,000 vectors for a broad keyword
-- ("engineer": 2.2 s). head is the title and company alone, small enough to
-- stay in the row: title and company matches are found and ranked on it,
-- newest candidates first, without touching the descriptions.
ALTER TABLE job_catalog ADD COLUMN head tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, company), 'B')
) STORED;
CREATE INDEX job_catalog_head_idx ON job_catalog USING gin (head);

-- +goose Down
DROP INDEX job_catalog_head_idx;
ALTER TABLE job_catalog DROP COLUMN head;
