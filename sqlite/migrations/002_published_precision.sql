-- How precisely the publication time is known: 'day' when only the date
-- is, 'time' otherwise. Rows from before this column read as unknown ('').
ALTER TABLE articles ADD COLUMN published_precision TEXT NOT NULL DEFAULT '';
