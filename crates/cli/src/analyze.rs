//! `claimgraph analyze`: documents in, reports out, analysed in parallel and written in input order.
//!
//! Items are taken from the input stream in bounded batches (by count and by bytes), analysed and
//! rendered with rayon, then written sequentially, so output order equals input order and memory stays
//! bounded however long the JSONL input is.

use std::io::{self, Write};

use claimgraph_core::contract::document_json;
use claimgraph_core::{Analysis, Document};
use claimgraph_pipeline::Pipeline;
use clap::ValueEnum;
use rayon::prelude::*;

use crate::input::{Diagnostic, Item};
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
    pub failed: usize,
}

/// Renders one analysed document in `format`.
pub fn render(
    format: Format,
    palette: Palette,
    document: &Document,
    analysis: &Analysis,
) -> String {
    let json = document_json(document, analysis);
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

enum Rendered {
    Doc(String),
    Warning(Diagnostic),
    Failed(Diagnostic),
}

/// Analyses every item, writing reports to `out` and diagnostics to `diagnostics`, in input order.
pub fn run<W: Write, E: Write>(
    items: impl Iterator<Item = Item>,
    pipeline: &Pipeline,
    format: Format,
    palette: Palette,
    out: W,
    mut diagnostics: E,
) -> io::Result<Summary> {
    let mut items = items.peekable();
    let mut sink = Sink::new(out, format);
    let mut summary = Summary::default();
    while items.peek().is_some() {
        let batch = take_batch(&mut items);
        let rendered: Vec<Rendered> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Doc(document) => {
                    let analysis = pipeline.analyze(&document);
                    Rendered::Doc(render(format, palette, &document, &analysis))
                }
                Item::Warning(d) => Rendered::Warning(d),
                Item::Failed(d) => Rendered::Failed(d),
            })
            .collect();
        for item in rendered {
            match item {
                Rendered::Doc(text) => {
                    summary.documents += 1;
                    sink.write(text)?;
                }
                Rendered::Warning(d) => {
                    // Diagnostics are best effort: a closed stderr must not stop the analysis.
                    let _ = writeln!(
                        diagnostics,
                        "claimgraph: {}: warning: {}",
                        d.place, d.message
                    );
                }
                Rendered::Failed(d) => {
                    summary.failed += 1;
                    let _ = writeln!(diagnostics, "claimgraph: {d}");
                }
            }
        }
        sink.flush()?;
    }
    sink.finish()?;
    Ok(summary)
}

fn take_batch(items: &mut impl Iterator<Item = Item>) -> Vec<Item> {
    let mut batch = Vec::new();
    let mut documents = 0;
    let mut bytes = 0;
    for item in items.by_ref() {
        if let Item::Doc(document) = &item {
            documents += 1;
            bytes += document.text.len();
        }
        batch.push(item);
        if documents >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
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
                failed: 1
            }
        );
    }

    #[test]
    fn no_documents_print_nothing() {
        let (out, _, _) = run_on(Vec::new(), Format::Json);
        assert_eq!(out, "");
    }
}
