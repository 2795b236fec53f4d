-- New articles are indexed for search by PutArticles, one statement per
-- batch, instead of by a trigger per row: FTS5 flushes its pending terms
-- at every statement's savepoint, so a trigger per insert wrote a small
-- segment per article and merged them back. Updates and deletes keep their
-- triggers.
DROP TRIGGER articles_fts_insert;
