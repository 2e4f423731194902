//! Reading the ledger: quotes by speaker, actor, topic, stance, date, outlet and phrase; actors
//! with their stances; full-text search; statistics; whole documents back as analyses.
//!
//! Every user value reaches SQL as a bound parameter. `LIKE` patterns escape `%` and `_`, and an
//! FTS5 query that does not parse is retried as plain words before it becomes a clear error.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use claimgraph_core::layers::{Entity, Quantity, Quote, Sentence, Speaker, Stance};
use claimgraph_core::{Analysis, Document, Metadata, Span};
use rusqlite::types::Value;
use rusqlite::vtab::array::Array;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::Ledger;

/// Which quotes to return; empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Part of the speaker's name, any case.
    pub speaker: Option<String>,
    /// A country or organisation: the speaker's affiliation contains it or the speaker's country is it.
    pub actor: Option<String>,
    /// An entity named inside the quoted content: its name (or whole words of it), its text as
    /// written, its country or its actor id.
    pub about: Option<String>,
    /// Stances, any of which matches ("deny", also "denies").
    pub stances: Vec<String>,
    /// First publication day included: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Last publication day included, same forms.
    pub until: Option<String>,
    /// Part of the outlet's site or source name.
    pub source: Option<String>,
    /// An FTS5 query over the quoted content and speaker.
    pub text: Option<String>,
    /// Only quotes holding at least one number.
    pub with_numbers: bool,
    /// Only quotes with a number counting this (part of the counted phrase, any case):
    /// "soldiers" finds "10,000 North Korean soldiers".
    pub counted: Option<String>,
    /// Only quotes of this document.
    pub document: Option<String>,
    pub limit: Option<usize>,
}

/// A span of a document in code points, with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanRow {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A number inside a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityRow {
    pub text: String,
    pub value: f64,
    /// The upper end of a range.
    pub upper: Option<f64>,
    pub qualifier: String,
    pub counted: Option<String>,
    pub start: usize,
    pub end: usize,
}

/// An entity named inside a quote's content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    pub name: String,
    pub label: String,
    pub country: Option<String>,
}

/// One stored quote with its document's metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub doc_id: String,
    /// The contract's quote id within its document (`q1`, `q2`, ...).
    pub quote_id: String,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub cluster_id: String,
    pub kind: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub speaker_kind: Option<String>,
    pub speaker_country: Option<String>,
    pub stance: String,
    pub confidence: f32,
    /// The speaker did not say or hold the content.
    pub negated: bool,
    pub cue: Option<SpanRow>,
    pub sources: Vec<SpanRow>,
    pub contents: Vec<SpanRow>,
    /// The content segments joined by " … ".
    pub content: String,
    pub quantities: Vec<QuantityRow>,
    pub mentions: Vec<MentionRow>,
}

/// Which actors to list.
#[derive(Debug, Clone, Default)]
pub struct ActorFilter {
    /// The actor's country, or part of its affiliation.
    pub country: Option<String>,
    /// Leave out speakers with no name ("The company", "officials"): kind `nominal`.
    pub named_only: bool,
    pub limit: Option<usize>,
}

/// A speaker with quote counts by stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    pub name: String,
    /// `person`, `organization`, `place`, or `nominal` for a common noun that names nobody
    /// ("The company", "officials"); absent when unknown.
    pub kind: Option<String>,
    pub country: Option<String>,
    pub affiliation: Option<String>,
    pub quotes: u64,
    pub stances: BTreeMap<String, u64>,
}

/// A document matching a full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub doc_id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    /// Matching passage with hits between the caller's markers.
    pub snippet: String,
    /// BM25 rank; lower is better.
    pub rank: f64,
}

/// Counts over the whole ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub quotes: u64,
    /// Entity mentions.
    pub entities: u64,
    /// Distinct speaker names.
    pub actors: u64,
    /// Clusters holding more than one document.
    pub duplicate_clusters: u64,
    /// Documents that are not the first of their cluster.
    pub duplicates: u64,
    pub sentences: u64,
    pub quantities: u64,
    pub schema_version: i64,
    /// Documents per analyzer version.
    pub analyzer_versions: BTreeMap<String, u64>,
}

/// A stored document's text and metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub cluster_id: String,
    pub analyzer_version: String,
}

/// User text as a literal inside a `LIKE ... ESCAPE '\'` pattern.
fn like_literal(value: &str) -> String {
    let mut literal = String::with_capacity(value.len());
    for ch in value.trim().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            literal.push('\\');
        }
        literal.push(ch);
    }
    literal
}

/// A `LIKE` pattern matching values that contain `value` literally.
fn contains_pattern(value: &str) -> String {
    format!("%{}%", like_literal(value))
}

/// A stance name or its third-person form ("denies") to the stored name.
fn parse_stance(name: &str) -> Result<&'static str> {
    let name = name.trim().to_ascii_lowercase();
    let candidates = [
        Some(name.clone()),
        name.strip_suffix("ies").map(|stem| format!("{stem}y")),
        name.strip_suffix('s').map(str::to_owned),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| Stance::parse(&c))
        .map(Stance::as_str)
        .ok_or_else(|| Error::BadArgument {
            what: "stance",
            value: name,
            reason: format!(
                "expected one of {}",
                Stance::ALL.map(Stance::as_str).join(", ")
            ),
        })
}

/// Checks a date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn parse_day(what: &'static str, value: &str) -> Result<String> {
    let value = value.trim();
    let shape_ok = matches!(value.len(), 4 | 7 | 10)
        && value.bytes().enumerate().all(|(at, b)| match at {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(Error::BadArgument {
            what,
            value: value.to_owned(),
            reason: "expected YYYY, YYYY-MM or YYYY-MM-DD".to_owned(),
        });
    }
    Ok(value.to_owned())
}

/// FTS5 reports a query it cannot parse ("syntax error", "unterminated string", "unknown special
/// query") as a generic SQL error; the statements around it are fixed, so that code means the query.
fn is_fts_syntax_error(error: &rusqlite::Error) -> bool {
    error.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown)
}

/// The words of a query as quoted FTS5 strings, so punctuation is never syntax.
fn quoted_words(query: &str) -> String {
    query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Quotes assembled per round of child-table queries.
const CHUNK: usize = 2048;

/// A quote row read from the main query, waiting for its spans, numbers and mentions.
struct Pending {
    key: i64,
    /// Whether it holds any number, so quotes without one skip the quantities lookup.
    numbers: bool,
    row: QuoteRow,
}

/// Why streaming quotes stopped: SQLite, or the caller's visitor.
enum Stop {
    Sql(rusqlite::Error),
    Visit(Error),
}

impl From<rusqlite::Error> for Stop {
    fn from(error: rusqlite::Error) -> Stop {
        Stop::Sql(error)
    }
}

/// The clear error for an FTS5 query that does not parse.
fn bad_fts_query(query: &str, error: &rusqlite::Error) -> Error {
    Error::BadQuery {
        query: query.to_owned(),
        reason: error.to_string().trim_start_matches("fts5: ").to_owned()
            + "; quote phrases with double quotes and balance them",
    }
}

/// The SQL and bound values selecting `filter`'s quotes, and the index of the value that holds
/// the FTS query (a placeholder for the caller to fill), if any.
fn quote_query(filter: &QuoteFilter) -> Result<(String, Vec<Value>, Option<usize>)> {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let bind = |values: &mut Vec<Value>, value: String| {
        values.push(Value::Text(value));
        format!("?{}", values.len())
    };
    if let Some(speaker) = &filter.speaker {
        let p = bind(&mut values, contains_pattern(speaker));
        clauses.push(format!("q.speaker_name LIKE {p} ESCAPE '\\'"));
    }
    if let Some(actor) = &filter.actor {
        let pattern = bind(&mut values, contains_pattern(actor));
        let exact = bind(&mut values, actor.trim().to_owned());
        clauses.push(format!(
            "(q.speaker_affiliation LIKE {pattern} ESCAPE '\\' \
             OR q.speaker_country = {exact} COLLATE NOCASE \
             OR q.speaker_name = {exact} COLLATE NOCASE OR q.speaker_actor = {exact})"
        ));
    }
    if let Some(about) = &filter.about {
        // Whole words only: "US" must not match "Russia". The country matches the groups and
        // places of that country too: "North Korea" finds "North Korean soldiers" (NORP).
        let exact = bind(&mut values, about.trim().to_owned());
        let suffix = bind(&mut values, format!("% {}", like_literal(about)));
        let prefix = bind(&mut values, format!("{} %", like_literal(about)));
        clauses.push(format!(
            "q.key IN (SELECT m.quote FROM entities e JOIN quote_mentions m ON m.entity = e.key \
             WHERE e.canonical = {exact} COLLATE NOCASE OR e.text = {exact} COLLATE NOCASE \
             OR e.country = {exact} COLLATE NOCASE OR e.actor = {exact} \
             OR e.canonical LIKE {suffix} ESCAPE '\\' OR e.canonical LIKE {prefix} ESCAPE '\\')"
        ));
    }
    if filter.with_numbers {
        clauses.push("q.quantities > 0".to_owned());
    }
    if let Some(counted) = &filter.counted {
        let p = bind(&mut values, contains_pattern(counted));
        clauses.push(format!(
            "q.key IN (SELECT quote FROM quantities WHERE counted IS NOT NULL \
             AND quote IS NOT NULL AND counted LIKE {p} ESCAPE '\\')"
        ));
    }
    if !filter.stances.is_empty() {
        let mut names = Vec::new();
        for stance in &filter.stances {
            names.push(bind(&mut values, parse_stance(stance)?.to_owned()));
        }
        clauses.push(format!("q.stance IN ({})", names.join(", ")));
    }
    if let Some(since) = &filter.since {
        let p = bind(&mut values, parse_day("--since date", since)?);
        clauses.push(format!("d.published_day >= {p}"));
    }
    if let Some(until) = &filter.until {
        let p = bind(&mut values, parse_day("--until date", until)?);
        clauses.push(format!("substr(d.published_day, 1, length({p})) <= {p}"));
    }
    if let Some(source) = &filter.source {
        let p = bind(&mut values, contains_pattern(source));
        clauses.push(format!(
            "(d.source LIKE {p} ESCAPE '\\' OR d.site LIKE {p} ESCAPE '\\')"
        ));
    }
    if let Some(document) = &filter.document {
        let p = bind(&mut values, document.clone());
        clauses.push(format!("d.id = {p}"));
    }
    let fts_slot = filter.text.as_ref().map(|_| {
        values.push(Value::Null);
        let slot = values.len();
        clauses.push(format!(
            "q.key IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?{slot})"
        ));
        slot - 1
    });
    let where_clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    // No LIMIT clause at all without a limit: with one, SQLite keeps the top rows in a B-tree,
    // which costs far more than its sorter when every row is wanted.
    let limit = filter.limit.map_or(String::new(), |n| {
        format!("LIMIT {}", i64::try_from(n).unwrap_or(i64::MAX))
    });
    let sql = format!(
        "SELECT q.key, d.id, q.ordinal, d.published, coalesce(d.site, d.source), d.url, \
         d.title, d.cluster_id, q.kind, q.speaker_name, q.speaker_role, q.speaker_affiliation, \
         q.speaker_kind, q.speaker_country, q.stance, q.confidence, q.cue_start, q.cue_end, \
         q.cue_text, q.content, q.quantities, q.negated \
         FROM quotes q JOIN documents d ON d.key = q.doc {where_clause} \
         ORDER BY d.published_day DESC NULLS LAST, d.id, q.ordinal {limit}"
    );
    Ok((sql, values, fts_slot))
}

impl Ledger {
    fn sql_error(&self, error: rusqlite::Error) -> Error {
        Error::classify(&self.path, error)
    }

    /// Runs `run` with an FTS query as given and, when it does not parse and has no explicit
    /// FTS quoting, once more with every word quoted; a query that still fails is a clear error.
    fn with_fts<T>(
        &self,
        query: &str,
        mut run: impl FnMut(&str) -> rusqlite::Result<T>,
    ) -> Result<T> {
        match run(query) {
            Ok(value) => Ok(value),
            Err(error) if is_fts_syntax_error(&error) => {
                if !query.contains('"') {
                    if let Ok(value) = run(&quoted_words(query)) {
                        return Ok(value);
                    }
                }
                Err(bad_fts_query(query, &error))
            }
            Err(error) => Err(self.sql_error(error)),
        }
    }

    /// Quotes matching `filter`, newest first.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let mut rows = Vec::new();
        self.for_each_quote(filter, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// Streams the quotes matching `filter`, newest first (then by document id and position), to `visit`.
    ///
    /// Rows are assembled [`CHUNK`] at a time: one query per child table (sources, contents,
    /// numbers, mentions) for the whole chunk, so thousands of quotes cost a few statements, not
    /// four per quote, and memory stays bounded on a full export.
    pub fn for_each_quote(
        &self,
        filter: &QuoteFilter,
        mut visit: impl FnMut(QuoteRow) -> Result<()>,
    ) -> Result<()> {
        let (sql, mut values, fts_slot) = quote_query(filter)?;
        let mut visited = 0;
        let (Some(text), Some(slot)) = (&filter.text, fts_slot) else {
            return self
                .stream_quotes(&sql, &values, &mut visit, &mut visited)
                .map_err(|stop| self.stop_error(stop));
        };
        let mut attempt = |fts: String, visited: &mut usize| {
            if let Some(value) = values.get_mut(slot) {
                *value = Value::Text(fts);
            }
            self.stream_quotes(&sql, &values, &mut visit, visited)
        };
        // FTS5 rejects a query on the first step, before any row: a retry never repeats rows.
        match attempt(text.clone(), &mut visited) {
            Err(Stop::Sql(error)) if is_fts_syntax_error(&error) && visited == 0 => {
                if !text.contains('"') && attempt(quoted_words(text), &mut visited).is_ok() {
                    return Ok(());
                }
                Err(bad_fts_query(text, &error))
            }
            other => other.map_err(|stop| self.stop_error(stop)),
        }
    }

    fn stop_error(&self, stop: Stop) -> Error {
        match stop {
            Stop::Sql(error) => self.sql_error(error),
            Stop::Visit(error) => error,
        }
    }

    /// Runs the quote query, assembling and visiting rows chunk by chunk.
    fn stream_quotes(
        &self,
        sql: &str,
        values: &[Value],
        visit: &mut impl FnMut(QuoteRow) -> Result<()>,
        visited: &mut usize,
    ) -> std::result::Result<(), Stop> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values.iter()))?;
        let mut chunk: Vec<Pending> = Vec::new();
        let mut flush = |chunk: &mut Vec<Pending>, visited: &mut usize| {
            self.fill_quotes(chunk)?;
            for pending in chunk.drain(..) {
                *visited += 1;
                visit(pending.row).map_err(Stop::Visit)?;
            }
            Ok::<(), Stop>(())
        };
        while let Some(row) = rows.next()? {
            chunk.push(Pending {
                key: row.get(0)?,
                numbers: row.get::<_, i64>(20)? > 0,
                row: quote_row(row)?,
            });
            if chunk.len() >= CHUNK {
                flush(&mut chunk, visited)?;
            }
        }
        flush(&mut chunk, visited)
    }

    /// Fills the spans, numbers and mentions of a chunk of quotes: one query per table over the
    /// chunk's keys, each returning rows in key order.
    fn fill_quotes(&self, chunk: &mut [Pending]) -> rusqlite::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        let at: HashMap<i64, usize> = chunk
            .iter()
            .enumerate()
            .map(|(n, pending)| (pending.key, n))
            .collect();
        // Ascending keys walk each table's B-tree forward.
        let mut sorted: Vec<i64> = chunk.iter().map(|p| p.key).collect();
        sorted.sort_unstable();
        let keys: Array = Rc::new(sorted.iter().map(|&k| Value::Integer(k)).collect());
        let target = |key: i64| at.get(&key).copied();
        let span = |r: &Row<'_>| -> rusqlite::Result<SpanRow> {
            Ok(SpanRow {
                start: r.get(1)?,
                end: r.get(2)?,
                text: r.get(3)?,
            })
        };
        for (table, contents) in [("quote_sources", false), ("quote_contents", true)] {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT s.quote, s.char_start, s.char_end, s.text FROM rarray(?1) k \
                 CROSS JOIN {table} s ON s.quote = k.value"
            ))?;
            let mut rows = statement.query([&keys])?;
            while let Some(r) = rows.next()? {
                if let Some(pending) = target(r.get(0)?).and_then(|n| chunk.get_mut(n)) {
                    let spans = if contents {
                        &mut pending.row.contents
                    } else {
                        &mut pending.row.sources
                    };
                    spans.push(span(r)?);
                }
            }
        }
        // Most quotes hold no number: only those that do are looked up.
        let counted: Array = Rc::new(
            sorted
                .iter()
                .filter(|k| {
                    target(**k)
                        .and_then(|n| chunk.get(n))
                        .is_some_and(|p| p.numbers)
                })
                .map(|&k| Value::Integer(k))
                .collect(),
        );
        if !counted.is_empty() {
            let mut statement = self.conn.prepare_cached(
                "SELECT n.quote, n.text, n.value, n.qualifier, n.counted, n.char_start, n.char_end, \
                 n.upper FROM rarray(?1) k CROSS JOIN quantities n ON n.quote = k.value \
                 ORDER BY n.quote, n.ordinal",
            )?;
            let mut rows = statement.query([&counted])?;
            while let Some(r) = rows.next()? {
                if let Some(pending) = target(r.get(0)?).and_then(|n| chunk.get_mut(n)) {
                    pending.row.quantities.push(QuantityRow {
                        text: r.get(1)?,
                        value: r.get(2)?,
                        qualifier: r.get(3)?,
                        counted: r.get(4)?,
                        start: r.get(5)?,
                        end: r.get(6)?,
                        upper: r.get(7)?,
                    });
                }
            }
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT m.quote, e.canonical, e.label, e.country FROM rarray(?1) k \
             CROSS JOIN quote_mentions m ON m.quote = k.value \
             CROSS JOIN entities e ON e.key = m.entity ORDER BY m.quote, e.char_start",
        )?;
        let mut rows = statement.query([&keys])?;
        while let Some(r) = rows.next()? {
            if let Some(pending) = target(r.get(0)?).and_then(|n| chunk.get_mut(n)) {
                pending.row.mentions.push(MentionRow {
                    name: r.get(1)?,
                    label: r.get(2)?,
                    country: r.get(3)?,
                });
            }
        }
        Ok(())
    }

    /// Speakers with their quote counts by stance, most quoted first.
    pub fn actors(&self, filter: &ActorFilter) -> Result<Vec<ActorRow>> {
        let mut sql = String::from(
            "SELECT speaker_name, stance, count(*), max(speaker_kind), max(speaker_country), \
             max(speaker_affiliation) FROM quotes WHERE speaker_name IS NOT NULL",
        );
        let mut values: Vec<String> = Vec::new();
        let mut condition = String::new();
        if let Some(country) = &filter.country {
            values.push(country.trim().to_owned());
            values.push(contains_pattern(country));
            condition.push_str(
                " AND (speaker_country = ?1 COLLATE NOCASE OR speaker_affiliation LIKE ?2 ESCAPE '\\')",
            );
        }
        if filter.named_only {
            condition.push_str(" AND speaker_kind IS NOT 'nominal'");
        }
        sql.push_str(&condition);
        if let Some(limit) = filter.limit {
            // Ranking in SQL keeps a short listing from materialising every speaker in Rust.
            sql.push_str(&format!(
                " AND speaker_name IN (SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL\
                 {condition} GROUP BY speaker_name ORDER BY count(*) DESC, speaker_name LIMIT {limit})"
            ));
        }
        sql.push_str(" GROUP BY speaker_name, stance");
        let mut by_name: BTreeMap<String, ActorRow> = BTreeMap::new();
        let mut statement = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| self.sql_error(e))?;
        let mut rows = statement
            .query(rusqlite::params_from_iter(values.iter()))
            .map_err(|e| self.sql_error(e))?;
        while let Some(row) = rows.next().map_err(|e| Error::classify(&self.path, e))? {
            let read = || -> rusqlite::Result<_> {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, u64>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                ))
            };
            let (name, stance, count, kind, country, affiliation) =
                read().map_err(|e| self.sql_error(e))?;
            let actor = by_name.entry(name.clone()).or_insert_with(|| ActorRow {
                name,
                kind: None,
                country: None,
                affiliation: None,
                quotes: 0,
                stances: BTreeMap::new(),
            });
            actor.quotes += count;
            *actor.stances.entry(stance).or_default() += count;
            actor.kind = actor.kind.take().or(kind);
            actor.country = actor.country.take().or(country);
            actor.affiliation = actor.affiliation.take().or(affiliation);
        }
        let mut actors: Vec<ActorRow> = by_name.into_values().collect();
        actors.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        if let Some(limit) = filter.limit {
            actors.truncate(limit);
        }
        Ok(actors)
    }

    /// Documents matching an FTS5 query, best first, with `open`/`close` around each hit in the snippet.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        open: &str,
        close: &str,
    ) -> Result<Vec<SearchHit>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.with_fts(query, |fts| {
            self.conn
                .prepare_cached(
                    "SELECT d.id, d.title, d.published, coalesce(d.site, d.source), \
                     snippet(documents_fts, 1, ?2, ?3, '…', 16), rank \
                     FROM documents_fts JOIN documents d ON d.key = documents_fts.rowid \
                     WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?4",
                )?
                .query_map(params![fts, open, close, limit], |r| {
                    Ok(SearchHit {
                        doc_id: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        source: r.get(3)?,
                        snippet: r.get(4)?,
                        rank: r.get(5)?,
                    })
                })?
                .collect()
        })
    }

    /// Counts over the whole ledger.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(|e| self.sql_error(e))
        };
        let mut analyzer_versions = BTreeMap::new();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT analyzer_version, count(*) FROM documents GROUP BY analyzer_version",
            )
            .map_err(|e| self.sql_error(e))?;
        let versions = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)))
            .map_err(|e| self.sql_error(e))?;
        for version in versions {
            let (name, n) = version.map_err(|e| self.sql_error(e))?;
            analyzer_versions.insert(name, n);
        }
        let documents = count("SELECT count(*) FROM documents")?;
        let clusters = count("SELECT count(DISTINCT cluster_id) FROM documents")?;
        Ok(Stats {
            documents,
            quotes: count("SELECT count(*) FROM quotes")?,
            entities: count("SELECT count(*) FROM entities")?,
            actors: count("SELECT count(DISTINCT speaker_name) FROM quotes")?,
            duplicate_clusters: count(
                "SELECT count(*) FROM (SELECT 1 FROM documents GROUP BY cluster_id HAVING count(*) > 1)",
            )?,
            duplicates: documents.saturating_sub(clusters),
            sentences: count("SELECT count(*) FROM sentences")?,
            quantities: count("SELECT count(*) FROM quantities")?,
            schema_version: self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(|e| self.sql_error(e))?,
            analyzer_versions,
        })
    }

    /// A stored document's text and metadata.
    pub fn document(&self, id: &str) -> Result<DocumentRow> {
        self.conn
            .prepare_cached(
                "SELECT id, text, title, url, published, coalesce(site, source), cluster_id, \
                 analyzer_version FROM documents WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok(DocumentRow {
                        id: r.get(0)?,
                        text: r.get(1)?,
                        title: r.get(2)?,
                        url: r.get(3)?,
                        published: r.get(4)?,
                        source: r.get(5)?,
                        cluster_id: r.get(6)?,
                        analyzer_version: r.get(7)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.sql_error(e))?
            .ok_or_else(|| Error::NoSuchDocument(id.to_owned()))
    }

    /// Ids of the documents in `cluster`, oldest stored first.
    pub fn cluster_members(&self, cluster: &str) -> Result<Vec<String>> {
        self.conn
            .prepare_cached("SELECT id FROM documents WHERE cluster_id = ?1 ORDER BY key")
            .and_then(|mut s| s.query_map([cluster], |r| r.get(0))?.collect())
            .map_err(|e| self.sql_error(e))
    }

    /// Ids of documents analysed by another analyzer version than `version` (all with `all`).
    pub fn stale_documents(&self, version: &str, all: bool) -> Result<Vec<String>> {
        self.conn
            .prepare_cached(
                "SELECT id FROM documents WHERE ?2 OR analyzer_version <> ?1 ORDER BY key",
            )
            .and_then(|mut s| s.query_map(params![version, all], |r| r.get(0))?.collect())
            .map_err(|e| self.sql_error(e))
    }

    /// A stored document's text and metadata alone, as ingestion gave it to analysis: what
    /// re-analysis needs, without reading the stored analysis.
    pub fn load_document(&self, id: &str) -> Result<Document> {
        self.document_inner(id)
            .map(|(_, document)| document)
            .map_err(|e| self.load_error(id, e))
    }

    /// A stored document with its stored analysis, spans back in bytes, as analysis produced it.
    pub fn load(&self, id: &str) -> Result<(Document, Analysis)> {
        self.load_inner(id).map_err(|e| self.load_error(id, e))
    }

    fn load_error(&self, id: &str, error: rusqlite::Error) -> Error {
        match error {
            rusqlite::Error::QueryReturnedNoRows => Error::NoSuchDocument(id.to_owned()),
            e => self.sql_error(e),
        }
    }

    fn document_inner(&self, id: &str) -> rusqlite::Result<(i64, Document)> {
        self.conn
            .prepare_cached(
                "SELECT key, id, text, title, url, published, source, byline, site, language, \
                 extracted FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Document {
                        id: r.get(1)?,
                        text: r.get(2)?,
                        metadata: Metadata {
                            title: r.get(3)?,
                            url: r.get(4)?,
                            published: r.get(5)?,
                            source: r.get(6)?,
                            byline: r.get(7)?,
                            site: r.get(8)?,
                            language: r.get(9)?,
                        },
                        extracted: r.get(10)?,
                    },
                ))
            })
    }

    fn load_inner(&self, id: &str) -> rusqlite::Result<(Document, Analysis)> {
        let (key, document) = self.document_inner(id)?;
        let bytes: Vec<usize> = document
            .text
            .char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(document.text.len()))
            .collect();
        let byte = |char_offset: usize| {
            bytes
                .get(char_offset)
                .copied()
                .unwrap_or(document.text.len())
        };
        let span = |start: usize, end: usize| Span::new(byte(start), byte(end));
        let mut analysis = Analysis {
            sentences: self
                .conn
                .prepare_cached(
                    "SELECT char_start, char_end FROM sentences WHERE doc = ?1 ORDER BY ordinal",
                )?
                .query_map([key], |r| {
                    Ok(Sentence {
                        span: span(r.get(0)?, r.get(1)?),
                        tokens: (0, 0),
                        paragraph: 0,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?,
            ..Analysis::default()
        };
        analysis.entities = self
            .conn
            .prepare_cached(
                "SELECT char_start, char_end, label, canonical, country, actor FROM entities \
                 WHERE doc = ?1 ORDER BY key",
            )?
            .query_map([key], |r| {
                let label: String = r.get(2)?;
                Ok((
                    span(r.get(0)?, r.get(1)?),
                    label,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .filter_map(|row| match row {
                Ok((span, label, canonical, country, actor)) => from_name(&label).map(|label| {
                    Ok(Entity {
                        span,
                        label,
                        canonical,
                        country,
                        actor,
                    })
                }),
                Err(e) => Some(Err(e)),
            })
            .collect::<rusqlite::Result<_>>()?;
        let stored_quotes: Vec<(i64, Quote)> = self
            .conn
            .prepare_cached(
                "SELECT key, kind, cue_start, cue_end, stance, confidence, speaker_name, \
                 speaker_role, speaker_affiliation, negated FROM quotes WHERE doc = ?1 \
                 ORDER BY ordinal",
            )?
            .query_map([key], |r| {
                let kind: String = r.get(1)?;
                let cue: Option<(usize, usize)> = match (r.get(2)?, r.get(3)?) {
                    (Some(s), Some(e)) => Some((s, e)),
                    _ => None,
                };
                let stance: String = r.get(4)?;
                let name: Option<String> = r.get(6)?;
                let role: Option<String> = r.get(7)?;
                let affiliation: Option<String> = r.get(8)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    Quote {
                        kind: from_name(&kind)
                            .unwrap_or(claimgraph_core::layers::QuoteKind::Indirect),
                        cue: cue.map(|(s, e)| span(s, e)),
                        sources: Vec::new(),
                        speaker: name.map(|name| Speaker {
                            name,
                            role,
                            affiliation,
                        }),
                        contents: Vec::new(),
                        stance: Stance::parse(&stance).unwrap_or(Stance::Other),
                        confidence: r.get::<_, f64>(5)? as f32,
                        negated: r.get(9)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (quote_key, mut quote) in stored_quotes {
            for (table, into) in [("quote_sources", 0), ("quote_contents", 1)] {
                let spans: Vec<Span> = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT char_start, char_end FROM {table} WHERE quote = ?1 ORDER BY ordinal"
                    ))?
                    .query_map([quote_key], |r| Ok(span(r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                if into == 0 {
                    quote.sources = spans;
                } else {
                    quote.contents = spans;
                }
            }
            analysis.quotes.push(quote);
        }
        analysis.quantities = self
            .conn
            .prepare_cached(
                "SELECT char_start, char_end, value, qualifier, counted_start, counted_end, upper \
                 FROM quantities WHERE doc = ?1 ORDER BY ordinal",
            )?
            .query_map([key], |r| {
                let qualifier: String = r.get(3)?;
                let counted: Option<(usize, usize)> = match (r.get(4)?, r.get(5)?) {
                    (Some(s), Some(e)) => Some((s, e)),
                    _ => None,
                };
                Ok(Quantity {
                    span: span(r.get(0)?, r.get(1)?),
                    value: r.get(2)?,
                    qualifier: from_name(&qualifier)
                        .unwrap_or(claimgraph_core::layers::Qualifier::Exact),
                    counted: counted.map(|(s, e)| span(s, e)),
                    upper: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok((document, analysis))
    }
}

/// A core enum from the name its serde form uses (what the contract and the ledger store).
fn from_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

fn quote_row(r: &Row<'_>) -> rusqlite::Result<QuoteRow> {
    let ordinal: i64 = r.get(2)?;
    let cue = match (r.get(16)?, r.get(17)?, r.get(18)?) {
        (Some(start), Some(end), Some(text)) => Some(SpanRow { start, end, text }),
        _ => None,
    };
    Ok(QuoteRow {
        doc_id: r.get(1)?,
        quote_id: format!("q{ordinal}"),
        published: r.get(3)?,
        source: r.get(4)?,
        url: r.get(5)?,
        title: r.get(6)?,
        cluster_id: r.get(7)?,
        kind: r.get(8)?,
        speaker: r.get(9)?,
        role: r.get(10)?,
        affiliation: r.get(11)?,
        speaker_kind: r.get(12)?,
        speaker_country: r.get(13)?,
        stance: r.get(14)?,
        confidence: r.get::<_, f64>(15)? as f32,
        negated: r.get(21)?,
        cue,
        sources: Vec::new(),
        contents: Vec::new(),
        content: r.get(19)?,
        quantities: Vec::new(),
        mentions: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }

    #[test]
    fn stances_accept_third_person() {
        assert_eq!(parse_stance("denies").ok(), Some("deny"));
        assert_eq!(parse_stance("Accuses").ok(), Some("accuse"));
        assert_eq!(parse_stance("warn").ok(), Some("warn"));
        assert!(parse_stance("shouts").is_err());
    }

    #[test]
    fn days_are_checked() {
        assert!(parse_day("since", "2024-03").is_ok());
        assert!(parse_day("since", "2024-3-1").is_err());
        assert!(parse_day("since", "'; DROP TABLE quotes; --").is_err());
    }

    #[test]
    fn quoted_words_escape_quotes() {
        assert_eq!(quoted_words("it's 50% --"), "\"it's\" \"50%\" \"--\"");
    }
}
