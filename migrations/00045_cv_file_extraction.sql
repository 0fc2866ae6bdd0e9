-- +goose Up
-- The extraction of an uploaded CV (lines with their layout cues, as JSON),
-- stored when the file is first read, so later analyses never extract (or
-- OCR) the same file again.
ALTER TABLE cv_files ADD COLUMN extracted jsonb;

-- +goose Down
ALTER TABLE cv_files DROP COLUMN extracted;
