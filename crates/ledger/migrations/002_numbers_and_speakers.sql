-- Schema 2: numbers per quote and nominal speakers, for `quotes --with-numbers/--counted` and
-- `actors` without the generic speakers ("The company", "officials").

-- How many quantities lie inside the quote, so "claims with a number" is a column test.
ALTER TABLE quotes ADD COLUMN quantities INTEGER NOT NULL DEFAULT 0;
UPDATE quotes SET quantities = (SELECT count(*) FROM quantities n WHERE n.quote = quotes.key);

-- What the numbers count ("North Korean soldiers"): a small covering index scanned by `--counted`
-- instead of the quantities table.
CREATE INDEX quantities_counted ON quantities(counted COLLATE NOCASE, quote)
    WHERE counted IS NOT NULL AND quote IS NOT NULL;

-- speaker_kind gains the value 'nominal' for speakers with no name; the rows of schema 1 are
-- reclassified by the Rust step of this migration (`schema::mark_nominal_speakers`).
