-- Times are Unix seconds (UTC). articles.published keeps the input's own
-- RFC 3339 text so that its UTC offset survives.

CREATE TABLE sources (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    domain     TEXT    NOT NULL DEFAULT '',
    country    TEXT    NOT NULL DEFAULT '',
    language   TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE storylines (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    storyline_id    INTEGER NOT NULL REFERENCES storylines (id),
    title           TEXT    NOT NULL DEFAULT '',
    first_published INTEGER,
    last_published  INTEGER,
    article_count   INTEGER NOT NULL DEFAULT 0,
    source_count    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX stories_storyline ON stories (storyline_id);
CREATE INDEX stories_updated ON stories (updated_at);

-- A story merged into another keeps its ID as an alias.
CREATE TABLE story_aliases (
    alias_id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories (id)
);

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    key              TEXT    NOT NULL UNIQUE,
    external_id      TEXT    NOT NULL DEFAULT '',
    url              TEXT    NOT NULL DEFAULT '',
    canonical_url    TEXT    NOT NULL DEFAULT '',
    source_id        INTEGER NOT NULL REFERENCES sources (id),
    title            TEXT    NOT NULL DEFAULT '',
    byline           TEXT    NOT NULL DEFAULT '',
    published        TEXT,
    published_at     INTEGER,
    published_method TEXT    NOT NULL DEFAULT '',
    language         TEXT    NOT NULL DEFAULT '',
    text             TEXT    NOT NULL,
    content_hash     TEXT    NOT NULL,
    story_id         INTEGER REFERENCES stories (id),
    duplicate_of     INTEGER REFERENCES articles (id),
    ingested_at      INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_unassigned ON articles (id) WHERE story_id IS NULL;
CREATE INDEX articles_source ON articles (source_id);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published_at);
