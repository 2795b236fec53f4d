-- Paragraphs each source prints in several differently titled articles:
-- the evidence for site boilerplate that no single article reveals. At
-- most a few titles are kept per paragraph (parallax.LineTitleCap).
-- Hashes are 64-bit, stored as signed integers.
CREATE TABLE source_lines (
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    line        INTEGER NOT NULL,
    title       INTEGER NOT NULL,
    article_key TEXT    NOT NULL,
    PRIMARY KEY (source_id, line, title)
) WITHOUT ROWID;
