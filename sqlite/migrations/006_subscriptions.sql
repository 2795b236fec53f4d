-- URLs collected from on a schedule (feeds, sitemaps, URL lists, pages),
-- with their fetch record, and the article URLs already collected so a
-- feed's items are fetched once. Times are Unix seconds.
CREATE TABLE subscriptions (
    id               INTEGER PRIMARY KEY,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL DEFAULT '',
    kind             TEXT    NOT NULL DEFAULT '',
    interval_seconds INTEGER NOT NULL,
    added_at         INTEGER NOT NULL,
    etag             TEXT    NOT NULL DEFAULT '',
    last_modified    TEXT    NOT NULL DEFAULT '',
    last_fetch       INTEGER,
    last_success     INTEGER,
    last_error       TEXT    NOT NULL DEFAULT '',
    failures         INTEGER NOT NULL DEFAULT 0,
    collected        INTEGER NOT NULL DEFAULT 0,
    next_fetch       INTEGER NOT NULL
);
CREATE INDEX subscriptions_next_fetch ON subscriptions (next_fetch);

CREATE TABLE collected_urls (
    url          TEXT    PRIMARY KEY,
    collected_at INTEGER NOT NULL
) WITHOUT ROWID;
