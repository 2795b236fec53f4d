-- What the analyze stage found in each article's text, as JSON. A row is
-- current while content_hash matches the article's and version the
-- analyzer's; ingest re-annotates the others.
CREATE TABLE annotations (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id),
    content_hash TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    data         TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
);
