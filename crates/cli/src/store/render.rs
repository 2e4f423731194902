//! Printing ledger query results as readable text, JSON, JSON lines or CSV.

use std::io::Write;

use claimgraph_core::contract::document_json;
use claimgraph_ledger::{export, ActorRow, Ledger, QuoteRow, SearchHit, Stats};
use serde::Serialize;

use super::Format;
use crate::pretty::{self, Palette};

/// Longest content shown per quote in the readable listing; the other formats have it all.
const CONTENT_CHARS: usize = 400;

fn json_lines<T: Serialize>(rows: &[T], out: &mut dyn Write) -> anyhow::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn json_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn csv_rows(header: &[&str], rows: &[Vec<String>], out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(out, "{}", header.join(","))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| export::csv_field(c)).collect();
        write!(out, "{}\r\n", cells.join(","))?;
    }
    Ok(())
}

fn shorten(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(max).collect();
    cut.push('…');
    cut
}

fn bold(terminal: bool, text: &str) -> String {
    if terminal {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// Prints quotes.
pub fn quotes(
    rows: &[QuoteRow],
    format: Format,
    terminal: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        Format::Json => json_value(rows, out),
        Format::Jsonl => json_lines(rows, out),
        Format::Csv => {
            let cells: Vec<Vec<String>> = rows.iter().map(export::csv_cells).collect();
            csv_rows(&export::CSV_COLUMNS, &cells, out)
        }
        Format::Pretty => {
            if rows.is_empty() {
                writeln!(out, "no quotes match")?;
            }
            for row in rows {
                let mut place = vec![format!("{}#{}", row.doc_id, row.quote_id)];
                place.extend(row.published.clone());
                place.extend(row.source.clone());
                writeln!(out, "{}", place.join(" · "))?;
                let mut who = row
                    .speaker
                    .clone()
                    .unwrap_or_else(|| "(unattributed)".into());
                let details: Vec<&str> = [row.role.as_deref(), row.affiliation.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if !details.is_empty() {
                    who.push_str(&format!(" ({})", details.join(", ")));
                }
                let cue = row
                    .cue
                    .as_ref()
                    .map(|c| format!(" — {:?}", c.text))
                    .unwrap_or_default();
                let negated = if row.negated { " (NEGATED)" } else { "" };
                writeln!(
                    out,
                    "  {} {}{}{}",
                    bold(terminal, &who),
                    row.stance.to_uppercase(),
                    negated,
                    cue
                )?;
                writeln!(out, "  “{}”", shorten(&row.content, CONTENT_CHARS))?;
                if !row.quantities.is_empty() {
                    let numbers: Vec<String> = row
                        .quantities
                        .iter()
                        .map(|q| match &q.counted {
                            Some(counted) => format!("{} ({counted})", q.text),
                            None => q.text.clone(),
                        })
                        .collect();
                    writeln!(out, "  numbers: {}", numbers.join("; "))?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// Prints actors with their stance counts.
pub fn actors(rows: &[ActorRow], format: Format, out: &mut dyn Write) -> anyhow::Result<()> {
    let stances = |row: &ActorRow| {
        row.stances
            .iter()
            .map(|(stance, n)| format!("{stance} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match format {
        Format::Json => json_value(rows, out),
        Format::Jsonl => json_lines(rows, out),
        Format::Csv => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        r.kind.clone().unwrap_or_default(),
                        r.country.clone().unwrap_or_default(),
                        r.affiliation.clone().unwrap_or_default(),
                        r.quotes.to_string(),
                        stances(r),
                    ]
                })
                .collect();
            csv_rows(
                &[
                    "name",
                    "kind",
                    "country",
                    "affiliation",
                    "quotes",
                    "stances",
                ],
                &cells,
                out,
            )
        }
        Format::Pretty => {
            if rows.is_empty() {
                writeln!(out, "no actors match")?;
            }
            for row in rows {
                let mut facts: Vec<String> = Vec::new();
                facts.extend(row.kind.clone());
                facts.extend(row.country.clone());
                facts.extend(row.affiliation.clone());
                writeln!(
                    out,
                    "{:>6}  {}{}  [{}]",
                    row.quotes,
                    row.name,
                    if facts.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", facts.join(", "))
                    },
                    stances(row)
                )?;
            }
            Ok(())
        }
    }
}

/// Prints full-text search hits.
pub fn search(hits: &[SearchHit], format: Format, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        Format::Json => json_value(hits, out),
        Format::Jsonl => json_lines(hits, out),
        Format::Csv => {
            let cells: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    vec![
                        h.doc_id.clone(),
                        h.title.clone().unwrap_or_default(),
                        h.published.clone().unwrap_or_default(),
                        h.source.clone().unwrap_or_default(),
                        h.snippet.clone(),
                    ]
                })
                .collect();
            csv_rows(
                &["doc_id", "title", "published", "source", "snippet"],
                &cells,
                out,
            )
        }
        Format::Pretty => {
            if hits.is_empty() {
                writeln!(out, "no documents match")?;
            }
            for hit in hits {
                let mut head = vec![hit.doc_id.clone()];
                head.extend(hit.title.clone());
                head.extend(hit.published.clone());
                head.extend(hit.source.clone());
                writeln!(out, "{}", head.join(" · "))?;
                writeln!(out, "  {}", shorten(&hit.snippet, 600))?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// Prints ledger statistics.
pub fn stats(stats: &Stats, format: Format, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        Format::Json => json_value(stats, out),
        Format::Jsonl => json_lines(std::slice::from_ref(stats), out),
        Format::Csv | Format::Pretty => {
            let rows = [
                ("documents", stats.documents),
                ("quotes", stats.quotes),
                ("entities", stats.entities),
                ("actors", stats.actors),
                ("duplicate_clusters", stats.duplicate_clusters),
                ("duplicates", stats.duplicates),
                ("sentences", stats.sentences),
                ("quantities", stats.quantities),
            ];
            if format == Format::Csv {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(k, v)| vec![(*k).to_owned(), v.to_string()])
                    .collect();
                return csv_rows(&["name", "count"], &cells, out);
            }
            for (name, value) in rows {
                writeln!(out, "{name:<20}{value}")?;
            }
            writeln!(out, "{:<20}{}", "schema_version", stats.schema_version)?;
            for (version, n) in &stats.analyzer_versions {
                writeln!(out, "{:<20}{n} documents", format!("analyzer {version}"))?;
            }
            Ok(())
        }
    }
}

/// Prints one stored document: the analysis report, duplicates, then its text with every quote's
/// content marked `【q1 …】`.
pub fn show(
    ledger: &Ledger,
    id: &str,
    format: Format,
    terminal: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (document, analysis) = ledger.load(id)?;
    let json = document_json(&document, &analysis);
    match format {
        Format::Json => return json_value(&json, out),
        Format::Jsonl | Format::Csv => {
            serde_json::to_writer(&mut *out, &json)?;
            out.write_all(b"\n")?;
            return Ok(());
        }
        Format::Pretty => {}
    }
    out.write_all(pretty::report(&json, Palette::detect(terminal)).as_bytes())?;
    let row = ledger.document(id)?;
    let members = ledger.cluster_members(&row.cluster_id)?;
    if members.len() > 1 {
        writeln!(out)?;
        writeln!(out, "{}", bold(terminal, "Same story"))?;
        for member in members.iter().filter(|m| *m != id) {
            writeln!(out, "  {member}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", bold(terminal, "Text"))?;
    let mut marks: Vec<(usize, u8, String)> = Vec::new();
    for (at, quote) in analysis.quotes.iter().enumerate() {
        let label = format!(
            "q{} {} {}: ",
            at + 1,
            quote
                .speaker
                .as_ref()
                .map_or("(unattributed)", |s| s.name.as_str()),
            quote.stance.as_str()
        );
        for (n, content) in quote.contents.iter().enumerate() {
            let open = if n == 0 { label.clone() } else { String::new() };
            marks.push((content.start, 1, format!("【{open}")));
            marks.push((content.end, 0, "】".to_owned()));
        }
    }
    // Closing marks sort before opening ones at the same offset, so adjacent quotes do not nest.
    marks.sort_by_key(|m| (m.0, m.1));
    let text = &document.text;
    let mut marked = String::with_capacity(text.len() + marks.len() * 16);
    let mut at = 0;
    for (offset, _, mark) in marks {
        if let Some(piece) = text.get(at..offset) {
            marked.push_str(piece);
            at = offset;
        }
        marked.push_str(&bold(terminal, &mark));
    }
    marked.push_str(text.get(at..).unwrap_or_default());
    writeln!(out, "{marked}")?;
    Ok(())
}
