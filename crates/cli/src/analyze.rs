//! `claimgraph analyze`: documents in, reports out, analysed in parallel and written in input order.
//!
//! Items are taken from the input stream in bounded batches (by count and by bytes), analysed and
//! rendered with rayon, then written sequentially, so output order equals input order and memory stays
//! bounded however long the JSONL input is.
//!
//! Each document is fingerprinted beside its analysis, and copies of an earlier document of the
//! run (same words, or the same story edited: see `claimgraph-dedup`) are marked with the id of
//! the first one. That index is the only state that grows with the input: ~0.5 KB per document.

use std::io::{self, Write};

use claimgraph_core::contract::{document_json, DuplicateJson};
use claimgraph_core::{Analysis, Document};
use claimgraph_dedup::{Clusters, Fingerprint, Relation};
use claimgraph_pipeline::Pipeline;
use clap::ValueEnum;
use rayon::prelude::*;

use claimgraph_sources::{Diagnostic, Item};

use crate::intake::{take_batch, Progress};
use crate::pretty::{self, Palette};

/// Documents analysed together before their output is written.
const BATCH_DOCUMENTS: usize = 256;
/// Text bytes held by one batch; keeps a run of huge documents from filling memory.
const BATCH_BYTES: usize = 64 << 20;

/// How documents are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report: who said what, with which stance.
    Pretty,
    /// The JSON contract, pretty-printed; an array when there are several documents.
    Json,
    /// The JSON contract, one compact line per document.
    Jsonl,
}

/// What a run did, for the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    /// Documents that copy an earlier one of the run.
    pub duplicates: usize,
    pub failed: usize,
}

/// Renders one analysed document in `format`, marked as a copy when `duplicate` says so.
pub fn render(
    format: Format,
    palette: Palette,
    document: &Document,
    analysis: &Analysis,
    duplicate: Option<DuplicateJson>,
) -> String {
    let mut json = document_json(document, analysis);
    json.duplicate = duplicate;
    let rendered = match format {
        Format::Pretty => return pretty::report(&json, palette),
        Format::Json => serde_json::to_string_pretty(&json),
        Format::Jsonl => serde_json::to_string(&json),
    };
    // The contract types hold only strings, numbers and options: serialising them cannot fail, but
    // a document must never vanish silently, so a failure still yields a JSON value.
    rendered.unwrap_or_else(|error| {
        serde_json::json!({"id": document.id, "error": error.to_string()}).to_string()
    })
}

enum Analyzed {
    Doc(Box<(Document, Analysis)>, Fingerprint),
    Warning(Diagnostic),
    Failed(Diagnostic),
}

/// A document on its way out (first analysed, then rendered), or a diagnostic kept in its place.
enum Marked<T = Box<(Document, Analysis)>> {
    Doc(T, Option<DuplicateJson>),
    Warning(Diagnostic),
    Failed(Diagnostic),
}

/// Duplicate clusters of one run, named by the id of their first document.
#[derive(Default)]
struct Duplicates {
    clusters: Clusters,
    ids: Vec<String>,
}

impl Duplicates {
    fn assign(&mut self, id: &str, fingerprint: Fingerprint) -> Option<DuplicateJson> {
        let assignment = self.clusters.add(fingerprint);
        self.ids.push(id.to_owned());
        let relation = match assignment.relation {
            Relation::Original => return None,
            Relation::Exact => "exact",
            Relation::Near => "near",
        };
        Some(DuplicateJson {
            of: self.ids.get(assignment.cluster)?.clone(),
            relation,
        })
    }
}

/// Analyses every item, writing reports to `out` and diagnostics to `diagnostics`, in input order.
pub fn run<W: Write, E: Write>(
    items: impl Iterator<Item = Item>,
    pipeline: &Pipeline,
    format: Format,
    palette: Palette,
    out: W,
    mut diagnostics: E,
    progress: &Progress,
) -> io::Result<Summary> {
    let mut items = items.peekable();
    let mut sink = Sink::new(out, format);
    let mut summary = Summary::default();
    let mut duplicates = Duplicates::default();
    while items.peek().is_some() {
        let batch = take_batch(&mut items, BATCH_DOCUMENTS, BATCH_BYTES);
        let documents_in_batch = batch.iter().filter(|i| matches!(i, Item::Doc(_))).count() as u64;
        let analyzed: Vec<Analyzed> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Doc(document) => {
                    let analysis = pipeline.analyze(&document);
                    let fingerprint = Fingerprint::of(&document.text);
                    Analyzed::Doc(Box::new((document, analysis)), fingerprint)
                }
                Item::Warning(d) => Analyzed::Warning(d),
                Item::Failed(d) => Analyzed::Failed(d),
            })
            .collect();
        // Clusters depend on every earlier document, so they are assigned in input order.
        let marked: Vec<Marked> = analyzed
            .into_iter()
            .map(|item| match item {
                Analyzed::Doc(doc, fingerprint) => {
                    let duplicate = duplicates.assign(&doc.0.id, fingerprint);
                    summary.duplicates += usize::from(duplicate.is_some());
                    Marked::Doc(doc, duplicate)
                }
                Analyzed::Warning(d) => Marked::Warning(d),
                Analyzed::Failed(d) => Marked::Failed(d),
            })
            .collect();
        let rendered: Vec<Marked<String>> = marked
            .into_par_iter()
            .map(|item| match item {
                Marked::Doc(doc, duplicate) => {
                    let (document, analysis) = *doc;
                    Marked::Doc(
                        render(format, palette, &document, &analysis, duplicate),
                        None,
                    )
                }
                Marked::Warning(d) => Marked::Warning(d),
                Marked::Failed(d) => Marked::Failed(d),
            })
            .collect();
        for item in rendered {
            match item {
                Marked::Doc(text, _) => {
                    summary.documents += 1;
                    sink.write(text)?;
                }
                // Diagnostics are best effort: a closed stderr must not stop the analysis.
                Marked::Warning(d) => progress.suspend(|| {
                    let _ = writeln!(
                        diagnostics,
                        "claimgraph: {}: warning: {}",
                        d.place, d.message
                    );
                }),
                Marked::Failed(d) => {
                    summary.failed += 1;
                    progress.suspend(|| {
                        let _ = writeln!(diagnostics, "claimgraph: {d}");
                    });
                }
            }
        }
        sink.flush()?;
        progress.advance(
            documents_in_batch,
            format!(
                "{} failed, {} duplicates",
                summary.failed, summary.duplicates
            ),
        );
    }
    sink.finish()?;
    Ok(summary)
}

/// Frames rendered documents: blank-line separated reports, JSON lines, or one JSON value.
struct Sink<W: Write> {
    out: W,
    format: Format,
    written: usize,
    /// With `--format json` the first document waits until a second shows whether to open an array.
    first: Option<String>,
}

impl<W: Write> Sink<W> {
    fn new(out: W, format: Format) -> Self {
        Sink {
            out,
            format,
            written: 0,
            first: None,
        }
    }

    fn write(&mut self, text: String) -> io::Result<()> {
        self.written += 1;
        match self.format {
            Format::Pretty => {
                if self.written > 1 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(text.as_bytes())
            }
            Format::Jsonl => {
                self.out.write_all(text.as_bytes())?;
                self.out.write_all(b"\n")
            }
            Format::Json => {
                if self.written == 1 {
                    self.first = Some(text);
                    return Ok(());
                }
                if let Some(first) = self.first.take() {
                    self.out.write_all(b"[\n")?;
                    write_indented(&mut self.out, &first)?;
                }
                self.out.write_all(b",\n")?;
                write_indented(&mut self.out, &text)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            if let Some(first) = self.first.take() {
                self.out.write_all(first.as_bytes())?;
                self.out.write_all(b"\n")?;
            } else if self.written > 1 {
                self.out.write_all(b"\n]\n")?;
            }
        }
        self.out.flush()
    }
}

/// Writes pretty JSON one level deeper, as an array element. JSON strings hold no raw newlines, so
/// indenting every line never changes a value.
fn write_indented(out: &mut impl Write, json: &str) -> io::Result<()> {
    for (at, line) in json.split('\n').enumerate() {
        if at > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(b"  ")?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(items: Vec<Item>, format: Format) -> (String, String, Summary) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let summary = run(
            items.into_iter(),
            &Pipeline::new(),
            format,
            Palette::plain(),
            &mut out,
            &mut err,
            &Progress::new(None, "documents"),
        )
        .unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
            summary,
        )
    }

    fn docs(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item::Doc(Document::new(format!("d{i}"), format!("Text number {i}."))))
            .collect()
    }

    #[test]
    fn json_of_one_document_is_an_object() {
        let (out, _, summary) = run_on(docs(1), Format::Json);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["id"], "d0");
        assert_eq!(summary.documents, 1);
    }

    #[test]
    fn json_of_several_documents_is_an_array_in_input_order() {
        let (out, _, _) = run_on(docs(600), Format::Json);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let ids: Vec<&str> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = (0..600).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn jsonl_keeps_order_across_batches() {
        let (out, _, summary) = run_on(docs(700), Format::Jsonl);
        let ids: Vec<String> = out
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        let expected: Vec<String> = (0..700).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, expected);
        assert_eq!(
            summary,
            Summary {
                documents: 700,
                duplicates: 0,
                failed: 0
            }
        );
    }

    #[test]
    fn failures_are_counted_and_reported_in_order() {
        let mut items = docs(1);
        items.push(Item::Failed(Diagnostic {
            place: "x.jsonl:2".into(),
            message: "malformed JSON line".into(),
        }));
        items.push(Item::Warning(Diagnostic {
            place: "y.txt".into(),
            message: "odd".into(),
        }));
        let (_, err, summary) = run_on(items, Format::Jsonl);
        assert_eq!(
            err,
            "claimgraph: x.jsonl:2: malformed JSON line\nclaimgraph: y.txt: warning: odd\n"
        );
        assert_eq!(
            summary,
            Summary {
                documents: 1,
                duplicates: 0,
                failed: 1
            }
        );
    }

    #[test]
    fn copies_name_the_first_document_of_their_story() {
        let story = "The port authority said on Monday that two cranes were damaged in the storm \
and that repairs would take at least three weeks, delaying shipments of grain.";
        let items = vec![
            Item::Doc(Document::new("wire", story)),
            Item::Doc(Document::new(
                "other",
                "A different story about the weather entirely.",
            )),
            Item::Doc(Document::new(
                "copy",
                format!("{story} Reporting by the desk."),
            )),
            Item::Doc(Document::new("same", story.to_uppercase())),
        ];
        let (out, _, summary) = run_on(items, Format::Jsonl);
        let marks: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["duplicate"].clone())
            .collect();
        assert_eq!(marks[0], serde_json::Value::Null);
        assert_eq!(marks[1], serde_json::Value::Null);
        assert_eq!(
            marks[2],
            serde_json::json!({"of": "wire", "relation": "near"})
        );
        assert_eq!(
            marks[3],
            serde_json::json!({"of": "wire", "relation": "exact"})
        );
        assert_eq!(summary.duplicates, 2);
    }

    #[test]
    fn no_documents_print_nothing() {
        let (out, _, _) = run_on(Vec::new(), Format::Json);
        assert_eq!(out, "");
    }
}
