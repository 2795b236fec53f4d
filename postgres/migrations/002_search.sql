-- Full-text search over titles and texts. The 'simple' configuration does
-- no stemming, like SQLite's unicode61, so both stores match alike.
ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
