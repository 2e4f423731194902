//! What `analyze` and `ingest` share on the way in: the input arguments, the language filter,
//! batching, the progress bar and the closing summary.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use claimgraph_entities::EntityRecognizer;
use claimgraph_pipeline::Pipeline;
use claimgraph_sources::{Counts, Diagnostic, InputFormat, Inputs, Item, Source, Tally};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

/// The analyzers' language (ISO 639-3): documents detected as another language are skipped.
const ANALYZED_LANGUAGE: &str = "eng";

/// Inputs and the analysis options of `analyze` and `ingest`.
#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// How to read inputs; `auto` sniffs each file's content (text, JSONL, HTML, feed, WARC, gzip).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Extra actors (people, organisations) in a TOML file: see `crates/entities/examples/actors.toml`.
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Analyse documents detected as another language than English too (skipped by default).
    #[arg(long)]
    pub all_languages: bool,
    /// Articles: files (.txt, .html, .html.gz, .jsonl, RSS/Atom/JSON feeds, .warc, .warc.gz),
    /// directories (recursive), http(s):// URLs of pages or feeds; `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
}

impl IntakeArgs {
    /// Opens the inputs, in order, as one stream.
    pub fn open(&self) -> Intake {
        let sources = self.inputs.iter().map(Source::from_arg).collect();
        let inputs = Inputs::new(sources, self.input_format);
        Intake {
            tally: inputs.tally(),
            inputs,
            all_languages: self.all_languages,
            skipped_language: 0,
        }
    }

    /// The shipped pipeline, with the actors of the user's file when one is given.
    pub fn pipeline(&self) -> anyhow::Result<Pipeline> {
        Ok(match &self.actors {
            Some(path) => {
                Pipeline::with_entities(EntityRecognizer::shipped().with_user_actors(path)?)
            }
            None => Pipeline::new(),
        })
    }
}

/// The input stream, less documents in a language the analyzers do not read (each one becomes a
/// warning, so the summary can count it and the user sees what was left out).
pub struct Intake {
    inputs: Inputs,
    tally: Tally,
    all_languages: bool,
    skipped_language: usize,
}

impl Intake {
    /// A handle on the reading counts, readable from another thread.
    pub fn tally(&self) -> Tally {
        self.tally.clone()
    }

    /// Documents skipped because they are not in English.
    pub fn skipped_language(&self) -> usize {
        self.skipped_language
    }
}

impl Iterator for Intake {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let item = self.inputs.next()?;
        let Item::Doc(document) = &item else {
            return Some(item);
        };
        match document.metadata.language.as_deref() {
            Some(language) if !self.all_languages && language != ANALYZED_LANGUAGE => {
                self.skipped_language += 1;
                Some(Item::Warning(Diagnostic {
                    place: document.id.clone(),
                    message: format!(
                        "skipped: language {language}, not English (--all-languages analyses it)"
                    ),
                }))
            }
            _ => Some(item),
        }
    }
}

/// Takes the next batch: at most `documents` documents or `bytes` bytes of text, diagnostics
/// kept in their place.
pub fn take_batch(
    items: &mut impl Iterator<Item = Item>,
    documents: usize,
    bytes: usize,
) -> Vec<Item> {
    let mut batch = Vec::new();
    let (mut taken, mut held) = (0, 0);
    for item in items.by_ref() {
        if let Item::Doc(document) = &item {
            taken += 1;
            held += document.text.len();
        }
        batch.push(item);
        if taken >= documents || held >= bytes {
            break;
        }
    }
    batch
}

/// Progress on standard error: a live bar on a terminal, nothing otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` items when known, else a counting spinner.
    pub fn new(total: Option<u64>, what: &str) -> Progress {
        if !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(total) => ProgressBar::new(total),
            None => ProgressBar::new_spinner(),
        };
        let template = match total {
            Some(_) => {
                format!("{{bar:40}} {{pos}}/{{len}} {what} [{{elapsed}}, {{per_sec}}] {{msg}}")
            }
            None => format!("{{spinner}} {{pos}} {what} [{{elapsed}}, {{per_sec}}] {{msg}}"),
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    pub fn advance(&self, by: u64, message: String) {
        if let Some(bar) = &self.bar {
            bar.inc(by);
            bar.set_message(message);
        }
    }

    /// Runs `f` (which writes to the terminal) with the bar hidden, so lines do not tear it.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Prints a diagnostic line without tearing the bar. Best effort: a closed stderr must not stop
    /// the run.
    pub fn note(&self, line: &str) {
        self.suspend(|| {
            let _ = writeln!(io::stderr(), "{line}");
        });
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The closing account of a run: what was read, extracted, skipped and why things failed.
pub fn reading_summary(counts: &Counts, skipped_language: usize) -> String {
    let mut line = format!(
        "read {} input{}: {} document{} ({} extracted from HTML, feeds or WARC), {} skipped as not English, {} failed",
        counts.inputs_total,
        plural(counts.inputs_total),
        counts.documents,
        plural(counts.documents),
        counts.extracted,
        skipped_language,
        counts.failed,
    );
    if !counts.failures.is_empty() {
        let reasons: Vec<String> = counts
            .failures
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        line.push_str(&format!(" ({})", reasons.join(", ")));
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
