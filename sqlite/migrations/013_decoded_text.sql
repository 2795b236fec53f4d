-- decoded_text is an article's text as decoded from its input when
-- dropping the paragraphs its outlet repeats changed it; NULL when text is
-- as decoded. Cleaning again, as more of the outlet's articles arrive,
-- starts from it, so that the stored text does not depend on the order
-- the articles came in or on the batches they were stored in.
ALTER TABLE articles ADD COLUMN decoded_text TEXT;
