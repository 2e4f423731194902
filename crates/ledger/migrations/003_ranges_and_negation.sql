-- Schema 3: the upper end of a range quantity ("between 8.2 and 8.5"), NULL for single numbers,
-- and negated reports ("did not say whether ...").
ALTER TABLE quantities ADD COLUMN upper REAL;
ALTER TABLE quotes ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
