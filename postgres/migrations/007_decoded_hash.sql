-- decoded_hash is the content hash of an article as decoded from its input,
-- before the paragraphs its outlet repeats were dropped. Ingesting the
-- same input again leaves the article alone even when the outlet's
-- paragraphs, counted since, would now clean it otherwise. NULL for
-- articles stored before this column, and for texts never cleaned that
-- way: their content_hash decides.
ALTER TABLE articles ADD COLUMN decoded_hash TEXT;
