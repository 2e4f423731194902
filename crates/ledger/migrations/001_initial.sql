-- Schema 1: documents with their analysis, duplicate fingerprints and full-text indexes.
-- Offsets (char_start, char_end) are Unicode code points into documents.text, end exclusive.

CREATE TABLE documents (
    key              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    url              TEXT,
    canonical_url    TEXT,
    content_hash     TEXT NOT NULL,
    title            TEXT,
    byline           TEXT,
    published        TEXT,
    -- published as YYYY-MM-DD when it could be read, for date filters
    published_day    TEXT,
    site             TEXT,
    source           TEXT,
    language         TEXT,
    text             TEXT NOT NULL,
    extracted        INTEGER NOT NULL DEFAULT 0,
    analyzer_version TEXT NOT NULL,
    -- id of the first document of this document's duplicate cluster (its own id when alone)
    cluster_id       TEXT NOT NULL,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_canonical_url ON documents(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_published_day ON documents(published_day);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_analyzer_version ON documents(analyzer_version);

CREATE TABLE sentences (
    doc        INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    PRIMARY KEY (doc, ordinal)
) WITHOUT ROWID;

CREATE TABLE entities (
    key        INTEGER PRIMARY KEY,
    doc        INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    country    TEXT,
    -- stable actor id ("country:UA", "org:nato") when the entity resolves to a known actor
    actor      TEXT
);
CREATE INDEX entities_doc ON entities(doc);
CREATE INDEX entities_canonical ON entities(canonical COLLATE NOCASE);
CREATE INDEX entities_actor ON entities(actor) WHERE actor IS NOT NULL;
CREATE INDEX entities_country ON entities(country COLLATE NOCASE) WHERE country IS NOT NULL;

CREATE TABLE quotes (
    key                 INTEGER PRIMARY KEY,
    doc                 INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    -- 1-based; the contract's quote id is 'q' || ordinal
    ordinal             INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue_text            TEXT,
    stance              TEXT NOT NULL,
    confidence          REAL NOT NULL,
    speaker_name        TEXT,
    speaker_role        TEXT,
    speaker_affiliation TEXT,
    -- person / organization / place / unknown, from the entity the speaker's name resolves to
    speaker_kind        TEXT,
    speaker_country     TEXT,
    speaker_actor       TEXT,
    -- the content segments joined by ' … '
    content             TEXT NOT NULL,
    UNIQUE (doc, ordinal)
);
-- covers the actor listing (GROUP BY speaker, stance) without touching the table
CREATE INDEX quotes_actor
    ON quotes(speaker_name, stance, speaker_kind, speaker_country, speaker_affiliation);
CREATE INDEX quotes_stance ON quotes(stance);
CREATE INDEX quotes_speaker_country ON quotes(speaker_country COLLATE NOCASE);

CREATE TABLE quote_sources (
    quote      INTEGER NOT NULL REFERENCES quotes(key) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (quote, ordinal)
) WITHOUT ROWID;

CREATE TABLE quote_contents (
    quote      INTEGER NOT NULL REFERENCES quotes(key) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (quote, ordinal)
) WITHOUT ROWID;

-- Entities whose span lies inside one of the quote's content spans.
CREATE TABLE quote_mentions (
    quote  INTEGER NOT NULL REFERENCES quotes(key) ON DELETE CASCADE,
    entity INTEGER NOT NULL REFERENCES entities(key) ON DELETE CASCADE,
    PRIMARY KEY (quote, entity)
) WITHOUT ROWID;
CREATE INDEX quote_mentions_entity ON quote_mentions(entity);

CREATE TABLE quantities (
    key           INTEGER PRIMARY KEY,
    doc           INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    -- 1-based; the contract's quantity id is 'n' || ordinal
    ordinal       INTEGER NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value         REAL NOT NULL,
    qualifier     TEXT NOT NULL,
    counted       TEXT,
    counted_start INTEGER,
    counted_end   INTEGER,
    quote         INTEGER REFERENCES quotes(key) ON DELETE CASCADE
);
CREATE INDEX quantities_doc ON quantities(doc);
CREATE INDEX quantities_quote ON quantities(quote);

-- claimgraph-dedup fingerprints (Fingerprint::to_bytes) and their LSH band keys.
CREATE TABLE fingerprints (
    doc  INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
    data BLOB NOT NULL
);
CREATE TABLE bands (
    band INTEGER NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;
CREATE INDEX bands_doc ON bands(doc);

-- Speakers as actors: one row per speaker name.
CREATE VIEW actors AS
SELECT speaker_name          AS name,
       max(speaker_kind)     AS kind,
       max(speaker_country)  AS country,
       max(speaker_actor)    AS actor,
       count(*)              AS quotes
FROM quotes
WHERE speaker_name IS NOT NULL
GROUP BY speaker_name;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content = 'documents', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.key, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.key, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content, speaker_name,
    content = 'quotes', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content, speaker_name) VALUES (new.key, new.content, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_name)
    VALUES ('delete', old.key, old.content, old.speaker_name);
END;
