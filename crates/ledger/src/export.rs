//! Exports of stored quotes: JSONL, CSV, schema.org JSON-LD, the Citron annotation format, and a
//! GraphML actor network.
//!
//! Every export streams rows from [`Ledger::for_each_quote`], so the filters of `quotes` apply and
//! memory stays bounded except for the graph, which is aggregated before it is written.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Value};

use crate::error::Result;
use crate::query::{QuoteFilter, QuoteRow, SpanRow};
use crate::Ledger;

/// Columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 19] = [
    "doc_id",
    "quote_id",
    "published",
    "source",
    "url",
    "title",
    "speaker",
    "role",
    "affiliation",
    "speaker_country",
    "stance",
    "kind",
    "confidence",
    "cue",
    "content",
    "content_start",
    "content_end",
    "quantities",
    "entities",
];

/// Writes one quote per line as JSON.
pub fn jsonl(ledger: &Ledger, filter: &QuoteFilter, out: &mut impl Write) -> Result<u64> {
    let mut written = 0;
    ledger.for_each_quote(filter, |row| {
        serde_json::to_writer(&mut *out, &row).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        written += 1;
        Ok(())
    })?;
    Ok(written)
}

/// Quotes a CSV field when it holds a separator, quote or line break (RFC 4180). A field that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading `'`,
/// as OWASP advises: quoted text from the web must not execute when an analyst opens the file.
pub fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The CSV cells of one quote, in [`CSV_COLUMNS`] order.
pub fn csv_cells(row: &QuoteRow) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        row.doc_id.clone(),
        row.quote_id.clone(),
        text(&row.published),
        text(&row.source),
        text(&row.url),
        text(&row.title),
        text(&row.speaker),
        text(&row.role),
        text(&row.affiliation),
        text(&row.speaker_country),
        row.stance.clone(),
        row.kind.clone(),
        format!("{:.3}", row.confidence),
        row.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
        row.content.clone(),
        row.contents
            .first()
            .map(|c| c.start.to_string())
            .unwrap_or_default(),
        row.contents
            .last()
            .map(|c| c.end.to_string())
            .unwrap_or_default(),
        row.quantities
            .iter()
            .map(|q| q.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        row.mentions
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// Writes a header and one CSV record per quote.
pub fn csv(ledger: &Ledger, filter: &QuoteFilter, out: &mut impl Write) -> Result<u64> {
    writeln!(out, "{}", CSV_COLUMNS.join(","))?;
    let mut written = 0;
    ledger.for_each_quote(filter, |row| {
        let cells: Vec<String> = csv_cells(&row).iter().map(|c| csv_field(c)).collect();
        // CRLF is what RFC 4180 and spreadsheet programs expect between records.
        write!(out, "{}\r\n", cells.join(","))?;
        written += 1;
        Ok(())
    })?;
    Ok(written)
}

/// The schema.org node of one quote: a `Claim` (direct quotes are also a `Quotation`).
pub fn jsonld_node(row: &QuoteRow) -> Value {
    let mut node = serde_json::Map::new();
    node.insert(
        "@id".into(),
        json!(format!("urn:claimgraph:{}#{}", row.doc_id, row.quote_id)),
    );
    let types = if row.kind == "indirect" {
        json!("Claim")
    } else {
        json!(["Claim", "Quotation"])
    };
    node.insert("@type".into(), types);
    node.insert("text".into(), json!(row.content));
    if let Some(name) = &row.speaker {
        let person = row.speaker_kind.as_deref() != Some("organization")
            && row.speaker_kind.as_deref() != Some("place");
        let mut author = serde_json::Map::new();
        author.insert(
            "@type".into(),
            json!(if person { "Person" } else { "Organization" }),
        );
        author.insert("name".into(), json!(name));
        if person {
            if let Some(role) = &row.role {
                author.insert("jobTitle".into(), json!(role));
            }
            if let Some(affiliation) = &row.affiliation {
                author.insert(
                    "affiliation".into(),
                    json!({"@type": "Organization", "name": affiliation}),
                );
            }
        }
        if let Some(country) = &row.speaker_country {
            author.insert(
                "nationality".into(),
                json!({"@type": "Country", "name": country}),
            );
        }
        node.insert("author".into(), Value::Object(author));
    }
    let mut appearance = serde_json::Map::new();
    appearance.insert("@type".into(), json!("NewsArticle"));
    appearance.insert("identifier".into(), json!(row.doc_id));
    if let Some(url) = &row.url {
        appearance.insert("url".into(), json!(url));
    }
    if let Some(title) = &row.title {
        appearance.insert("headline".into(), json!(title));
    }
    if let Some(published) = &row.published {
        appearance.insert("datePublished".into(), json!(published));
        node.insert("datePublished".into(), json!(published));
    }
    if let Some(source) = &row.source {
        appearance.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": source}),
        );
    }
    node.insert("appearance".into(), Value::Object(appearance));
    node.insert("keywords".into(), json!([format!("stance:{}", row.stance)]));
    if !row.mentions.is_empty() {
        let about: Vec<Value> = row
            .mentions
            .iter()
            .map(|m| json!({"@type": "Thing", "name": m.name, "additionalType": m.label}))
            .collect();
        node.insert("about".into(), Value::Array(about));
    }
    Value::Object(node)
}

/// Writes one JSON-LD document whose `@graph` holds every quote.
pub fn jsonld(ledger: &Ledger, filter: &QuoteFilter, out: &mut impl Write) -> Result<u64> {
    out.write_all(b"{\"@context\": \"https://schema.org\", \"@graph\": [\n")?;
    let mut written = 0;
    ledger.for_each_quote(filter, |row| {
        if written > 0 {
            out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *out, &jsonld_node(&row)).map_err(std::io::Error::from)?;
        written += 1;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    Ok(written)
}

fn citron_span(span: &SpanRow) -> Value {
    json!({"start": span.start, "end": span.end, "text": span.text})
}

/// Writes one Citron annotation object (`{"text", "quotes"}`, character offsets) per line for every
/// document with a matching quote; `id` and `url` are added for reference.
pub fn citron(ledger: &Ledger, filter: &QuoteFilter, out: &mut impl Write) -> Result<u64> {
    let mut current: Option<(String, Vec<Value>)> = None;
    let mut written = 0;
    let mut flush = |doc: Option<(String, Vec<Value>)>, out: &mut dyn Write| -> Result<()> {
        let Some((id, quotes)) = doc else {
            return Ok(());
        };
        let document = ledger.document(&id)?;
        let value = json!({
            "id": document.id,
            "url": document.url,
            "text": document.text,
            "quotes": quotes,
        });
        serde_json::to_writer(&mut *out, &value).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        written += 1;
        Ok(())
    };
    ledger.for_each_quote(filter, |row| {
        if current.as_ref().is_some_and(|(id, _)| *id != row.doc_id) {
            flush(current.take(), out)?;
        }
        let quote = json!({
            "id": row.quote_id,
            "cue": row.cue.as_ref().map(citron_span),
            "sources": row.sources.iter().map(citron_span).collect::<Vec<_>>(),
            "contents": row.contents.iter().map(citron_span).collect::<Vec<_>>(),
            "confidence": row.confidence,
        });
        current
            .get_or_insert_with(|| (row.doc_id.clone(), Vec::new()))
            .1
            .push(quote);
        Ok(())
    })?;
    flush(current.take(), out)?;
    Ok(written)
}

/// Escapes text for XML character data and attribute values; drops characters XML 1.0 forbids.
pub fn xml_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// The label of a stance edge, read as "speaker <label> entity".
fn edge_label(stance: &str) -> &'static str {
    match stance {
        "accuse" => "accuses",
        "deny" => "denies",
        "confirm" => "confirms",
        "acknowledge" => "acknowledges",
        "concern" => "is concerned about",
        "urge" => "urges",
        "warn" => "warns about",
        "question" => "questions",
        "assert" => "says about",
        _ => "mentions",
    }
}

/// Entity labels that can be actors or the subject of a claim; numbers and dates are not.
const GRAPH_LABELS: [&str; 8] = [
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "MILITARY_UNIT",
    "WEAPON",
];

#[derive(Default)]
struct Node {
    label: String,
    kind: String,
    country: Option<String>,
    quotes: u64,
    mentioned: u64,
}

struct Edge {
    weight: u64,
    first: Option<String>,
    last: Option<String>,
}

/// Writes the actor network as GraphML: speakers and the entities their quotes name are nodes; an
/// edge speaker → entity per stance, weighted by the number of quotes, with first and last dates.
pub fn graphml(ledger: &Ledger, filter: &QuoteFilter, out: &mut impl Write) -> Result<u64> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String, String), Edge> = BTreeMap::new();
    let node_id = |name: &str| name.trim().to_lowercase();
    ledger.for_each_quote(filter, |row| {
        let Some(speaker) = &row.speaker else {
            return Ok(());
        };
        let from = node_id(speaker);
        let node = nodes.entry(from.clone()).or_default();
        if node.label.is_empty() {
            node.label = speaker.clone();
            node.kind = row
                .speaker_kind
                .clone()
                .unwrap_or_else(|| "speaker".to_owned());
        }
        node.country = node.country.take().or_else(|| row.speaker_country.clone());
        node.quotes += 1;
        let day = row
            .published
            .as_ref()
            .map(|p| p.chars().take(10).collect::<String>());
        let mut seen = Vec::new();
        for mention in &row.mentions {
            if !GRAPH_LABELS.contains(&mention.label.as_str()) {
                continue;
            }
            // "Chinese" names a country's side in a claim; the network is about that country.
            let name = match (mention.label.as_str(), &mention.country) {
                ("NORP", Some(country)) => country.clone(),
                _ => mention.name.clone(),
            };
            let to = node_id(&name);
            if to == from || to.is_empty() || seen.contains(&to) {
                continue;
            }
            seen.push(to.clone());
            let target = nodes.entry(to.clone()).or_default();
            if target.label.is_empty() {
                target.label = name;
                target.kind = mention.label.to_lowercase();
                target.country = mention.country.clone();
            }
            target.mentioned += 1;
            let edge = edges
                .entry((from.clone(), to, row.stance.clone()))
                .or_insert(Edge {
                    weight: 0,
                    first: None,
                    last: None,
                });
            edge.weight += 1;
            if let Some(day) = &day {
                if edge.first.as_ref().is_none_or(|f| day < f) {
                    edge.first = Some(day.clone());
                }
                if edge.last.as_ref().is_none_or(|l| day > l) {
                    edge.last = Some(day.clone());
                }
            }
        }
        Ok(())
    })?;
    let ids: BTreeMap<&String, usize> = nodes.keys().enumerate().map(|(n, k)| (k, n)).collect();
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (id, target, name, kind) in [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("country", "node", "country", "string"),
        ("quotes", "node", "quotes", "int"),
        ("mentioned", "node", "mentioned", "int"),
        ("elabel", "edge", "label", "string"),
        ("stance", "edge", "stance", "string"),
        ("weight", "edge", "weight", "double"),
        ("first", "edge", "first", "string"),
        ("last", "edge", "last", "string"),
    ] {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        )?;
    }
    writeln!(out, "  <graph id=\"claimgraph\" edgedefault=\"directed\">")?;
    for (n, node) in nodes.values().enumerate() {
        writeln!(out, "    <node id=\"n{n}\">")?;
        writeln!(
            out,
            "      <data key=\"label\">{}</data>",
            xml_escape(&node.label)
        )?;
        writeln!(
            out,
            "      <data key=\"kind\">{}</data>",
            xml_escape(&node.kind)
        )?;
        if let Some(country) = &node.country {
            writeln!(
                out,
                "      <data key=\"country\">{}</data>",
                xml_escape(country)
            )?;
        }
        writeln!(out, "      <data key=\"quotes\">{}</data>", node.quotes)?;
        writeln!(
            out,
            "      <data key=\"mentioned\">{}</data>",
            node.mentioned
        )?;
        writeln!(out, "    </node>")?;
    }
    for (n, ((from, to, stance), edge)) in edges.iter().enumerate() {
        let (Some(source), Some(target)) = (ids.get(from), ids.get(to)) else {
            continue;
        };
        writeln!(
            out,
            "    <edge id=\"e{n}\" source=\"n{source}\" target=\"n{target}\">"
        )?;
        writeln!(
            out,
            "      <data key=\"elabel\">{}</data>",
            xml_escape(edge_label(stance))
        )?;
        writeln!(
            out,
            "      <data key=\"stance\">{}</data>",
            xml_escape(stance)
        )?;
        writeln!(out, "      <data key=\"weight\">{}</data>", edge.weight)?;
        if let Some(first) = &edge.first {
            writeln!(
                out,
                "      <data key=\"first\">{}</data>",
                xml_escape(first)
            )?;
        }
        if let Some(last) = &edge.last {
            writeln!(out, "      <data key=\"last\">{}</data>", xml_escape(last))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(edges.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn xml_escapes_markup_and_drops_control_characters() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'\u{1}</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
