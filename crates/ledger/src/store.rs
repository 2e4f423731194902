//! Writing documents: conversion to rows (parallel, pure) and the single-writer transaction.
//!
//! A document is the same document again when it has the same id and text, the same canonical URL,
//! or the same content hash without a URL that tells them apart; writing it again changes nothing.
//! The same id with other text replaces that document's analysis. Copies of one text published at
//! different URLs are kept as separate documents in one duplicate cluster, as are near duplicates.

use claimgraph_core::contract::{document_json, DocumentJson};
use claimgraph_core::layers::EntityLabel;
use claimgraph_core::{Analysis, Document};
use claimgraph_dedup::Fingerprint;
use claimgraph_lexicon::Lexicon;
use rusqlite::{params, Connection, OptionalExtension, ToSql};

use crate::error::{Error, Result};
use crate::Ledger;

/// Near-duplicate candidates compared per document; band collisions beyond this are noise.
const MAX_CANDIDATES: usize = 64;

/// Separator of a quote's content segments in the `content` column and in exports.
pub(crate) const SEGMENT_SEPARATOR: &str = " … ";

/// One document converted to rows: built in parallel, then written by the single writer.
#[derive(Debug)]
pub struct Prepared {
    json: DocumentJson,
    text: String,
    analyzer_version: String,
    canonical_url: Option<String>,
    published_day: Option<String>,
    fingerprint: Fingerprint,
    speakers: Vec<SpeakerFacts>,
    /// Per quote, indices into `json.entities` of the entities inside its contents.
    mentions: Vec<Vec<usize>>,
}

#[derive(Debug, Default)]
struct SpeakerFacts {
    kind: Option<&'static str>,
    country: Option<String>,
    actor: Option<String>,
}

/// What writing one document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new document; `duplicate_of` names the cluster it joined, if any.
    Stored { duplicate_of: Option<String> },
    /// Same id, new text (or a re-analysis): its analysis was replaced.
    Replaced,
    /// Already stored (as `existing`); nothing changed.
    Unchanged { existing: String },
}

impl Prepared {
    /// Converts a document and its analysis into rows; pure, so callers can run it in parallel.
    pub fn new(document: &Document, analysis: &Analysis, analyzer_version: &str) -> Prepared {
        let json = document_json(document, analysis);
        let speakers = json
            .quotes
            .iter()
            .map(|q| speaker_facts(q.speaker.as_ref(), &json))
            .collect();
        let mentions = json
            .quotes
            .iter()
            .map(|q| {
                json.entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        q.contents
                            .iter()
                            .any(|c| c.start <= e.start && e.end <= c.end)
                    })
                    .map(|(at, _)| at)
                    .collect()
            })
            .collect();
        Prepared {
            canonical_url: document.metadata.url.as_deref().and_then(canonical_url),
            published_day: document.metadata.published.as_deref().and_then(day_of),
            fingerprint: Fingerprint::of(&document.text),
            text: document.text.clone(),
            analyzer_version: analyzer_version.to_owned(),
            json,
            speakers,
            mentions,
        }
    }

    /// The document's id.
    pub fn id(&self) -> &str {
        &self.json.id
    }
}

/// What the document says about a speaker: an entity of the same name gives kind and country.
fn speaker_facts(
    speaker: Option<&claimgraph_core::contract::SpeakerJson>,
    json: &DocumentJson,
) -> SpeakerFacts {
    let Some(speaker) = speaker else {
        return SpeakerFacts::default();
    };
    let named = |name: &str| {
        json.entities
            .iter()
            .find(|e| e.canonical.eq_ignore_ascii_case(name) || e.text.eq_ignore_ascii_case(name))
    };
    let own = named(&speaker.name);
    let kind = match own.map(|e| e.label) {
        None if is_nominal_speaker(&speaker.name) => Some("nominal"),
        Some("PERSON") => Some("person"),
        Some("ORG" | "MILITARY_UNIT") => Some("organization"),
        Some("GPE" | "NORP" | "LOC") => Some("place"),
        _ if speaker.role.is_some() => Some("person"),
        _ => None,
    };
    let affiliation = speaker.affiliation.as_deref().and_then(named);
    let country = own
        .and_then(|e| e.country.clone())
        .or_else(|| affiliation.and_then(|e| e.country.clone()))
        .or_else(|| {
            affiliation
                .filter(|e| e.label == EntityLabel::Gpe.as_str())
                .map(|e| e.canonical.clone())
        })
        .or_else(|| {
            own.filter(|e| e.label == EntityLabel::Gpe.as_str())
                .map(|e| e.canonical.clone())
        });
    let actor = own.and_then(|e| e.actor.clone());
    SpeakerFacts {
        kind,
        country,
        actor,
    }
}

/// Words that open a common-noun phrase ("the company", "its board") rather than a name.
const DETERMINERS: [&str; 20] = [
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    "some", "several", "many", "other", "another", "both", "all", "most",
];

/// Whether a speaker "name" names nobody: a common-noun phrase ("The company", "Officials",
/// "a company spokesman", "trade sources") or nothing at all. A capital after the first word
/// ("the State Department") or a single word that is not a speaker noun ("Reagan") is a name.
/// Callers also require that no entity of the document carries the name.
pub(crate) fn is_nominal_speaker(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return true;
    };
    if rest.iter().any(|w| w.chars().any(char::is_uppercase)) {
        return false;
    }
    let first_lower = first.to_lowercase();
    if DETERMINERS.contains(&first_lower.as_str())
        || first.chars().next().is_some_and(char::is_lowercase)
    {
        return true;
    }
    let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    speaker_nouns().is_speaker_noun(head.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The shipped lexicon, built once: building it costs far more than classifying a name.
fn speaker_nouns() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(Lexicon::shipped)
}

/// A URL reduced to what identifies the page: lower-case scheme and host, no fragment, no
/// tracking parameters, no trailing slash. `None` for anything that is not an http(s) URL.
pub(crate) fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let mut host = authority.to_ascii_lowercase();
    for default_port in [":80", ":443"] {
        if let Some(stripped) = host.strip_suffix(default_port) {
            host = stripped.to_owned();
        }
    }
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    if host.is_empty() {
        return None;
    }
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let path = path.trim_end_matches('/');
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default();
            !(name.starts_with("utm_") || matches!(name, "fbclid" | "gclid" | "ocid" | "cmpid"))
        })
        .collect();
    // Both schemes name the same page on news sites; keying on https alone merges them.
    let mut canonical = format!("https://{host}{path}");
    if !kept.is_empty() {
        canonical.push('?');
        canonical.push_str(&kept.join("&"));
    }
    Some(canonical)
}

/// The calendar day of a publication date: ISO 8601 (`2024-03-01T…`) or RFC 2822
/// (`Fri, 1 Mar 2024 …`) as written, without time-zone shifting.
pub(crate) fn day_of(published: &str) -> Option<String> {
    let published = published.trim();
    let iso = published.get(..10).filter(|head| {
        head.bytes().enumerate().all(|(at, b)| match at {
            4 | 7 => b == b'-' || b == b'/',
            _ => b.is_ascii_digit(),
        })
    });
    if let Some(head) = iso {
        return Some(head.replace('/', "-"));
    }
    let words: Vec<&str> = published
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let start = usize::from(words.first().is_some_and(|w| w.parse::<u32>().is_err()));
    let day: u32 = words.get(start)?.parse().ok()?;
    let month = month_number(words.get(start + 1)?)?;
    let year: u32 = words.get(start + 2)?.parse().ok()?;
    if !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let head = name.get(..3)?.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == head)
        .and_then(|at| u32::try_from(at + 1).ok())
}

/// Whether a batch write adds documents or re-analyzes stored ones in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Ingest,
    Reanalyze,
}

impl Ledger {
    /// Writes documents in one transaction, each inside its own savepoint: one document's failure
    /// is reported in its slot and does not undo the others. When this returns `Ok`, every `Ok`
    /// slot is committed.
    pub fn write_batch(&mut self, batch: &[Prepared]) -> Result<Vec<Result<Outcome>>> {
        self.write(batch, Mode::Ingest)
    }

    /// Replaces the stored analysis of documents whose text is unchanged (after an analyzer upgrade).
    pub fn reanalyze_batch(&mut self, batch: &[Prepared]) -> Result<Vec<Result<Outcome>>> {
        self.write(batch, Mode::Reanalyze)
    }

    fn write(&mut self, batch: &[Prepared], mode: Mode) -> Result<Vec<Result<Outcome>>> {
        let path = self.path.clone();
        let map = |e| Error::classify(&path, e);
        let mut tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(map)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for prepared in batch {
            let mut savepoint = tx.savepoint().map_err(map)?;
            let outcome = write_one(&savepoint, prepared, mode);
            match outcome {
                Ok(outcome) => {
                    savepoint.commit().map_err(map)?;
                    outcomes.push(Ok(outcome));
                }
                Err(error) => {
                    savepoint.rollback().map_err(map)?;
                    drop(savepoint);
                    let error = Error::classify(&path, error);
                    // A full disk or a lost file fails every later document too: stop here and
                    // keep nothing of this batch rather than report it partly stored.
                    if matches!(error, Error::DiskFull(_) | Error::ReadOnly(_)) {
                        return Err(error);
                    }
                    outcomes.push(Err(error));
                }
            }
        }
        tx.commit().map_err(map)?;
        Ok(outcomes)
    }
}

fn write_one(tx: &Connection, p: &Prepared, mode: Mode) -> rusqlite::Result<Outcome> {
    let hash = p.fingerprint.content_hash_hex();
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT key, content_hash FROM documents WHERE id = ?1")?
        .query_row([&p.json.id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if mode == Mode::Reanalyze {
        let Some((key, _)) = existing else {
            return Err(rusqlite::Error::QueryReturnedNoRows);
        };
        tx.prepare_cached("UPDATE documents SET analyzer_version = ?2 WHERE key = ?1")?
            .execute(params![key, p.analyzer_version])?;
        clear_analysis(tx, key)?;
        insert_analysis(tx, key, p)?;
        return Ok(Outcome::Replaced);
    }
    if let Some((key, stored_hash)) = existing {
        if stored_hash == hash {
            return Ok(Outcome::Unchanged {
                existing: p.json.id.clone(),
            });
        }
        tx.prepare_cached("DELETE FROM bands WHERE doc = ?1")?
            .execute([key])?;
        tx.prepare_cached("DELETE FROM fingerprints WHERE doc = ?1")?
            .execute([key])?;
        let cluster = find_cluster(tx, p, &hash)?
            .map(|(cluster, _)| cluster)
            .unwrap_or_else(|| p.json.id.clone());
        update_document(tx, key, p, &hash, &cluster)?;
        insert_fingerprint(tx, key, p)?;
        clear_analysis(tx, key)?;
        insert_analysis(tx, key, p)?;
        return Ok(Outcome::Replaced);
    }
    if let Some(url) = &p.canonical_url {
        let same_url: Option<String> = tx
            .prepare_cached("SELECT id FROM documents WHERE canonical_url = ?1 LIMIT 1")?
            .query_row([url], |row| row.get(0))
            .optional()?;
        if let Some(existing) = same_url {
            return Ok(Outcome::Unchanged { existing });
        }
    }
    let same_text: Option<(String, Option<String>)> = tx
        .prepare_cached("SELECT id, canonical_url FROM documents WHERE content_hash = ?1 LIMIT 1")?
        .query_row([&hash], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some((existing, existing_url)) = same_text {
        // Without two different URLs nothing says these are two publications of the text.
        if existing_url.is_none() || p.canonical_url.is_none() {
            return Ok(Outcome::Unchanged { existing });
        }
    }
    let found = find_cluster(tx, p, &hash)?;
    let (cluster, duplicate_of) = match found {
        Some((cluster, _)) => (cluster.clone(), Some(cluster)),
        None => (p.json.id.clone(), None),
    };
    let key = insert_document(tx, p, &hash, &cluster)?;
    insert_fingerprint(tx, key, p)?;
    insert_analysis(tx, key, p)?;
    Ok(Outcome::Stored { duplicate_of })
}

/// The cluster of a stored exact or near duplicate of `p`, with that duplicate's id.
fn find_cluster(
    tx: &Connection,
    p: &Prepared,
    hash: &str,
) -> rusqlite::Result<Option<(String, String)>> {
    let exact: Option<(String, String)> = tx
        .prepare_cached("SELECT cluster_id, id FROM documents WHERE content_hash = ?1 LIMIT 1")?
        .query_row([hash], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if exact.is_some() {
        return Ok(exact);
    }
    let keys = p.fingerprint.band_keys();
    if keys.is_empty() {
        return Ok(None);
    }
    let placeholders = vec!["?"; keys.len()].join(",");
    let sql = format!(
        "SELECT DISTINCT f.data, d.cluster_id, d.id FROM bands b \
         JOIN fingerprints f ON f.doc = b.doc JOIN documents d ON d.key = b.doc \
         WHERE b.band IN ({placeholders}) LIMIT {MAX_CANDIDATES}"
    );
    let mut statement = tx.prepare_cached(&sql)?;
    let keys: Vec<i64> = keys.into_iter().map(|k| k as i64).collect();
    let mut rows = statement.query(rusqlite::params_from_iter(keys))?;
    let mut best: Option<(f64, String, String)> = None;
    while let Some(row) = rows.next()? {
        let data: Vec<u8> = row.get(0)?;
        let Some(other) = Fingerprint::from_bytes(&data) else {
            continue;
        };
        if !p.fingerprint.is_near_duplicate(&other) {
            continue;
        }
        let similarity = p.fingerprint.similarity(&other);
        if best.as_ref().is_none_or(|(s, _, _)| similarity > *s) {
            best = Some((similarity, row.get(1)?, row.get(2)?));
        }
    }
    Ok(best.map(|(_, cluster, id)| (cluster, id)))
}

fn insert_document(
    tx: &Connection,
    p: &Prepared,
    hash: &str,
    cluster: &str,
) -> rusqlite::Result<i64> {
    let columns = DocumentColumns::new(p, hash, cluster);
    tx.prepare_cached(
        "INSERT INTO documents (id, url, canonical_url, content_hash, title, byline, published, \
         published_day, site, source, language, text, extracted, analyzer_version, cluster_id, \
         ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(columns.params(&p.json.id))?;
    Ok(tx.last_insert_rowid())
}

fn update_document(
    tx: &Connection,
    key: i64,
    p: &Prepared,
    hash: &str,
    cluster: &str,
) -> rusqlite::Result<()> {
    let columns = DocumentColumns::new(p, hash, cluster);
    tx.prepare_cached(
        "UPDATE documents SET url = ?2, canonical_url = ?3, content_hash = ?4, title = ?5, \
         byline = ?6, published = ?7, published_day = ?8, site = ?9, source = ?10, language = ?11, \
         text = ?12, extracted = ?13, analyzer_version = ?14, cluster_id = ?15, \
         ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE key = ?1",
    )?
    .execute(columns.params(&key))?;
    Ok(())
}

/// The values of a `documents` row that insert and update both write, bound as ?2..?15 so the
/// two statements cannot disagree on what goes where.
struct DocumentColumns<'a> {
    p: &'a Prepared,
    hash: &'a str,
    cluster: &'a str,
    extracted: bool,
}

impl<'a> DocumentColumns<'a> {
    fn new(p: &'a Prepared, hash: &'a str, cluster: &'a str) -> Self {
        let extracted = p.json.text.is_some();
        DocumentColumns {
            p,
            hash,
            cluster,
            extracted,
        }
    }

    /// `first` is ?1: the new row's id on insert, the existing row's key on update.
    fn params<'b>(&'b self, first: &'b dyn ToSql) -> [&'b dyn ToSql; 15] {
        let p = self.p;
        let m = &p.json.document;
        [
            first,
            &m.url,
            &p.canonical_url,
            &self.hash,
            &m.title,
            &m.byline,
            &m.published,
            &p.published_day,
            &m.site,
            &m.source,
            &m.language,
            &p.text,
            &self.extracted,
            &p.analyzer_version,
            &self.cluster,
        ]
    }
}

fn insert_fingerprint(tx: &Connection, key: i64, p: &Prepared) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO fingerprints (doc, data) VALUES (?1, ?2)")?
        .execute(params![key, p.fingerprint.to_bytes()])?;
    let mut band = tx.prepare_cached("INSERT OR IGNORE INTO bands (band, doc) VALUES (?1, ?2)")?;
    for value in p.fingerprint.band_keys() {
        band.execute(params![value as i64, key])?;
    }
    Ok(())
}

fn clear_analysis(tx: &Connection, key: i64) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM quantities WHERE doc = ?1",
        "DELETE FROM quotes WHERE doc = ?1",
        "DELETE FROM entities WHERE doc = ?1",
        "DELETE FROM sentences WHERE doc = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([key])?;
    }
    Ok(())
}

fn insert_analysis(tx: &Connection, key: i64, p: &Prepared) -> rusqlite::Result<()> {
    let json = &p.json;
    let mut sentence = tx.prepare_cached(
        "INSERT INTO sentences (doc, ordinal, char_start, char_end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (at, s) in json.sentences.iter().enumerate() {
        sentence.execute(params![key, at + 1, s.start, s.end])?;
    }
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (doc, char_start, char_end, text, label, canonical, country, actor) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut entity_keys = Vec::with_capacity(json.entities.len());
    for e in &json.entities {
        entity.execute(params![
            key,
            e.start,
            e.end,
            e.text,
            e.label,
            e.canonical,
            e.country,
            e.actor
        ])?;
        entity_keys.push(tx.last_insert_rowid());
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (doc, ordinal, kind, cue_start, cue_end, cue_text, stance, confidence, \
         speaker_name, speaker_role, speaker_affiliation, speaker_kind, speaker_country, \
         speaker_actor, content, quantities, negated) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let mut source = tx.prepare_cached(
        "INSERT INTO quote_sources (quote, ordinal, char_start, char_end, text) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut content = tx.prepare_cached(
        "INSERT INTO quote_contents (quote, ordinal, char_start, char_end, text) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut mention =
        tx.prepare_cached("INSERT OR IGNORE INTO quote_mentions (quote, entity) VALUES (?1, ?2)")?;
    let mut quote_keys = Vec::with_capacity(json.quotes.len());
    for (at, q) in json.quotes.iter().enumerate() {
        let facts = p.speakers.get(at);
        let id = format!("q{}", at + 1);
        let numbers = json
            .quantities
            .iter()
            .filter(|n| n.quote.as_deref() == Some(id.as_str()))
            .count();
        let joined: Vec<&str> = q.contents.iter().map(|c| c.text.as_str()).collect();
        quote.execute(params![
            key,
            at + 1,
            q.kind,
            q.cue.as_ref().map(|c| c.start),
            q.cue.as_ref().map(|c| c.end),
            q.cue.as_ref().map(|c| c.text.as_str()),
            q.stance,
            f64::from(q.confidence),
            q.speaker.as_ref().map(|s| s.name.as_str()),
            q.speaker.as_ref().and_then(|s| s.role.as_deref()),
            q.speaker.as_ref().and_then(|s| s.affiliation.as_deref()),
            facts.and_then(|f| f.kind),
            facts.and_then(|f| f.country.as_deref()),
            facts.and_then(|f| f.actor.as_deref()),
            joined.join(SEGMENT_SEPARATOR),
            numbers,
            q.negated,
        ])?;
        let quote_key = tx.last_insert_rowid();
        quote_keys.push(quote_key);
        for (n, s) in q.sources.iter().enumerate() {
            source.execute(params![quote_key, n + 1, s.start, s.end, s.text])?;
        }
        for (n, c) in q.contents.iter().enumerate() {
            content.execute(params![quote_key, n + 1, c.start, c.end, c.text])?;
        }
        for &entity_at in p.mentions.get(at).map(Vec::as_slice).unwrap_or_default() {
            if let Some(entity_key) = entity_keys.get(entity_at) {
                mention.execute(params![quote_key, entity_key])?;
            }
        }
    }
    let mut quantity = tx.prepare_cached(
        "INSERT INTO quantities (doc, ordinal, char_start, char_end, text, value, qualifier, \
         counted, counted_start, counted_end, quote, upper) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (at, n) in json.quantities.iter().enumerate() {
        let quote_key = n
            .quote
            .as_deref()
            .and_then(|id| id.strip_prefix('q'))
            .and_then(|ordinal| ordinal.parse::<usize>().ok())
            .and_then(|ordinal| quote_keys.get(ordinal.wrapping_sub(1)));
        quantity.execute(params![
            key,
            at + 1,
            n.start,
            n.end,
            n.text,
            n.value,
            n.qualifier,
            n.counted,
            n.counted_span.as_ref().map(|s| s.start),
            n.counted_span.as_ref().map(|s| s.end),
            quote_key,
            n.upper,
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_drop_tracking_and_case() {
        assert_eq!(
            canonical_url("HTTP://WWW.Example.com:80/a/b/?utm_source=x&id=3#top").as_deref(),
            Some("https://example.com/a/b?id=3")
        );
        assert_eq!(
            canonical_url("https://example.com").as_deref(),
            Some("https://example.com")
        );
        assert_eq!(canonical_url("mailto:x@example.com"), None);
        assert_eq!(canonical_url("https:///nohost"), None);
    }

    #[test]
    fn nominal_speakers_are_common_nouns() {
        for name in [
            "The company",
            "the ministry",
            "Officials",
            "analysts",
            "its board",
            "a company spokesman",
            "Trade sources",
            "",
        ] {
            assert!(is_nominal_speaker(name), "{name:?}");
        }
        for name in [
            "Reagan",
            "Lin Jian",
            "the State Department",
            "The Kremlin",
            "S and P",
        ] {
            assert!(!is_nominal_speaker(name), "{name:?}");
        }
    }

    #[test]
    fn publication_days() {
        assert_eq!(
            day_of("2024-03-01T10:00:00Z").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(day_of("2024/03/01").as_deref(), Some("2024-03-01"));
        assert_eq!(
            day_of("Fri, 1 Mar 2024 10:00:00 +0000").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(day_of("1 March 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(day_of("yesterday"), None);
        assert_eq!(day_of("2024"), None);
    }
}
