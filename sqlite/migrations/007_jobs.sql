-- The job queue of workers sharing a database: ingest jobs carry their
-- input, annotate jobs the keys of assigned articles. A claimed job is
-- leased to a worker until lease_until (Unix milliseconds); an expired lease
-- lets another worker take it.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    key         TEXT    UNIQUE,
    payload     BLOB    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'queued',
    attempts    INTEGER NOT NULL DEFAULT 0,
    worker      TEXT    NOT NULL DEFAULT '',
    lease_until INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX jobs_state ON jobs (state, id);
