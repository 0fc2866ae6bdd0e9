-- +goose Up
-- The local job catalog: postings imported from JSON (`server jobs import`)
-- and seeded at first start, searchable with no network. The id is the
-- jobs package's stable id (company + title + location), so a posting
-- imported twice, or seen again from a live source, is one row.
CREATE TABLE job_catalog (
    id               text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
    title            text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    company          text NOT NULL CHECK (char_length(company) <= 200),
    location         text NOT NULL CHECK (char_length(location) <= 200),
    -- Canonical country of jobs.Locations ('' when unknown): the location
    -- filter matches it, so "Germany" finds "Munich, Bavaria, Germany".
    country          text NOT NULL DEFAULT '',
    job_link         text NOT NULL DEFAULT '' CHECK (char_length(job_link) <= 2048),
    posted_date      text NOT NULL DEFAULT '' CHECK (char_length(posted_date) <= 100),
    posted_at        timestamptz,
    logo             text NOT NULL DEFAULT '' CHECK (char_length(logo) <= 2048),
    -- Sanitised HTML as served, and its text for full-text search.
    description      text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200000),
    description_text text NOT NULL DEFAULT '' CHECK (char_length(description_text) <= 200000),
    experience_level text NOT NULL DEFAULT '' CHECK (experience_level IN
        ('', 'internship', 'entry_level', 'associate', 'mid_senior', 'director', 'executive')),
    -- Where the posting came from before it was imported (e.g. linkedin).
    origin           text NOT NULL DEFAULT 'import' CHECK (char_length(origin) BETWEEN 1 AND 50),
    origin_id        text NOT NULL DEFAULT '' CHECK (char_length(origin_id) <= 100),
    fetched_at       timestamptz NOT NULL,
    imported_at      timestamptz NOT NULL DEFAULT now(),
    -- Title weighs most, then company, then the description. English
    -- stemming on both sides; postings in other languages still match on
    -- their words, only without stemming.
    search           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, company), 'B') ||
        setweight(to_tsvector('english'::regconfig, description_text), 'C')
    ) STORED
);
CREATE INDEX job_catalog_search_idx ON job_catalog USING gin (search);
CREATE INDEX job_catalog_country_idx ON job_catalog (country);
CREATE INDEX job_catalog_posted_idx ON job_catalog (posted_at DESC NULLS LAST);

-- Merged search results per normalised query, shared by every user until
-- they expire. The key is a hash of jobs.Query.Key().
CREATE TABLE job_search_cache (
    key        text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
    query      jsonb NOT NULL,
    result     jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX job_search_cache_expiry_idx ON job_search_cache (expires_at);

-- Each user's latest search and its results (GET /api/jobs), kept until
-- the next search; job details fetched later are written back into jobs.
CREATE TABLE job_searches (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    query       jsonb NOT NULL,
    jobs        jsonb NOT NULL CHECK (jsonb_typeof(jobs) = 'array'),
    notes       jsonb NOT NULL CHECK (jsonb_typeof(notes) = 'array'),
    message     text NOT NULL,
    cached      boolean NOT NULL,
    searched_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE job_searches;
DROP TABLE job_search_cache;
DROP TABLE job_catalog;
