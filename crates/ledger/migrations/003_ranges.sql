-- Schema 3: the upper end of a range quantity ("between 8.2 and 8.5"), NULL for single numbers.
ALTER TABLE quantities ADD COLUMN upper REAL;
