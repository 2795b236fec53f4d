-- Each story's comparison (compare.Analysis as JSON), cached under a
-- fingerprint of the articles, annotations and code it was computed
-- from; a story is compared again only when the fingerprint changes.
CREATE TABLE analyses (
    story_id    BIGINT  PRIMARY KEY,
    fingerprint TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL
);
