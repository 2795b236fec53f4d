-- source_lines becomes a rowid table: rows are appended in insertion
-- order, and only the narrow primary-key index of (source_id, line,
-- title) takes the random inserts of paragraph hashes. As a WITHOUT ROWID
-- table, every row, article key and all, was written into the hash-ordered
-- tree, and an ingest batch rewrote pages all over it.
CREATE TABLE source_lines_new (
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    line        INTEGER NOT NULL,
    title       INTEGER NOT NULL,
    article_key TEXT    NOT NULL,
    PRIMARY KEY (source_id, line, title)
);
INSERT INTO source_lines_new (source_id, line, title, article_key)
    SELECT source_id, line, title, article_key FROM source_lines;
DROP TABLE source_lines;
ALTER TABLE source_lines_new RENAME TO source_lines;
