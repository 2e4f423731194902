//! Every way documents come in: plain text, JSONL, HTML pages, RSS/Atom/JSON feeds, WARC archives
//! (plain or gzipped per record), directories of any mix of these, standard input and `http(s)://`
//! URLs of pages and feeds.
//!
//! Reading never stops at the first bad input: a missing file, a malformed JSONL line, a corrupt WARC
//! record or a 404 becomes an [`Item::Failed`] in the stream and the next input is read, so the caller
//! can report it in order and still process everything else. Memory does not grow with the corpus:
//! JSONL is read one line at a time, WARC one record at a time, and whole-document inputs (a page, a
//! feed, a text file) are capped at [`Options::max_bytes`].
//!
//! The library prints nothing; callers show progress from [`Inputs::total_hint`] and [`Tally`].

mod feed;
mod fetch;
mod html;
mod jsonl;
mod open;
mod sniff;
mod text;
mod walk;
mod warc;

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

pub use fetch::FetchOptions;
pub use jsonl::JsonlReader;
pub use open::read_stream;
pub use sniff::{sniff, Kind};
pub use text::{decode, describe_io};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// Decide per input from its content (and extension where content is not decisive).
    Auto,
    /// The whole input is one document, taken verbatim.
    Text,
    /// One JSON object per line: `{"id", "text"}` plus optional `title`, `url`, `published`, `source`.
    Jsonl,
    /// An HTML page: main article text and metadata are extracted.
    Html,
    /// An RSS, Atom or JSON feed: each item is one document.
    Feed,
    /// A WARC archive (optionally gzipped): each HTML response record is one document.
    Warc,
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "html" | "htm" => Ok(InputFormat::Html),
            "feed" | "rss" | "atom" => Ok(InputFormat::Feed),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(format!(
                "unknown input format {name:?} (expected auto, text, jsonl, html, feed or warc)"
            )),
        }
    }
}

/// One input named by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input, sniffed like a file.
    Stdin,
    /// A file or a directory (read recursively).
    File(PathBuf),
    /// An `http://` or `https://` URL of a page or a feed.
    Url(String),
}

impl Source {
    /// `-` means standard input, `http://`/`https://` a URL, anything else a path.
    pub fn from_arg(arg: impl Into<PathBuf>) -> Source {
        let path: PathBuf = arg.into();
        if path.as_os_str() == "-" {
            return Source::Stdin;
        }
        if let Some(text) = path.to_str() {
            let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                return Source::Url(text.to_owned());
            }
        }
        Source::File(path)
    }

    /// The name diagnostics use for this input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
            Source::Url(url) => url.clone(),
        }
    }
}

/// A message about one place in the input: `file`, `file:line`, `file#record 17` or a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub place: String,
    pub message: String,
}

impl Diagnostic {
    /// The kind of problem, for summaries: the message up to its first `:` ("malformed JSON line").
    pub fn reason(&self) -> &str {
        self.message
            .split_once(':')
            .map_or(self.message.as_str(), |(reason, _)| reason)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What reading yields, in input order.
#[derive(Debug)]
pub enum Item {
    /// A document ready for analysis.
    Doc(claimgraph_core::Document),
    /// The input was read, but not as written (lossy decoding, binary content), or was skipped.
    Warning(Diagnostic),
    /// A file, line, record, item or URL that could not become a document.
    Failed(Diagnostic),
}

pub(crate) fn failed(place: impl Into<String>, message: impl Into<String>) -> Item {
    Item::Failed(Diagnostic {
        place: place.into(),
        message: message.into(),
    })
}

pub(crate) fn warning(place: impl Into<String>, message: impl Into<String>) -> Item {
    Item::Warning(Diagnostic {
        place: place.into(),
        message: message.into(),
    })
}

/// Limits and network behaviour of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest input read as one document (a page, a feed file, a text file, a WARC record, an HTTP
    /// body), in bytes; larger ones fail without being read further.
    pub max_bytes: u64,
    /// How URLs are fetched.
    pub fetch: FetchOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 16 << 20,
            fetch: FetchOptions::default(),
        }
    }
}

/// Counts of one run so far, for progress bars and the final summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Inputs found: files (directories expanded), URLs and standard input.
    pub inputs_total: usize,
    /// Inputs read to their end.
    pub inputs_done: usize,
    /// Documents yielded.
    pub documents: usize,
    /// Documents whose text was extracted from markup (HTML, feed items, WARC records).
    pub extracted: usize,
    /// Warnings yielded (lossy decoding, skipped binaries and empty feed items).
    pub warnings: usize,
    /// Failures yielded: inputs, lines, records, items or URLs that gave no document.
    pub failed: usize,
    /// Failures by [`Diagnostic::reason`].
    pub failures: BTreeMap<String, usize>,
}

/// A shared, cheap-to-clone view of the counts of one [`Inputs`], readable from any thread.
#[derive(Debug, Clone, Default)]
pub struct Tally(Arc<Mutex<Counts>>);

impl Tally {
    /// The counts as they are now.
    pub fn counts(&self) -> Counts {
        self.with(|counts| counts.clone())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Counts) -> T) -> T {
        // A panic elsewhere while counting leaves plain numbers behind, still worth reading.
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut counts)
    }

    fn record(&self, item: &Item) {
        self.with(|counts| match item {
            Item::Doc(document) => {
                counts.documents += 1;
                counts.extracted += usize::from(document.extracted);
            }
            Item::Warning(_) => counts.warnings += 1,
            Item::Failed(diagnostic) => {
                counts.failed += 1;
                *counts
                    .failures
                    .entry(diagnostic.reason().to_owned())
                    .or_default() += 1;
            }
        });
    }
}

/// What is waiting to be read: an input, or a diagnostic found while listing directories.
enum Entry {
    Input(open::Input),
    Report(Item),
}

/// All inputs of one run as one stream of items, opening each input only when it is reached.
pub struct Inputs {
    queue: VecDeque<Entry>,
    format: InputFormat,
    options: Options,
    current: Option<Box<dyn Iterator<Item = Item>>>,
    fetcher: Option<fetch::Fetcher>,
    tally: Tally,
}

impl Inputs {
    /// Reads `sources` in order with default [`Options`]; no sources means standard input.
    pub fn new(sources: Vec<Source>, format: InputFormat) -> Inputs {
        Inputs::with_options(sources, format, Options::default())
    }

    /// Reads `sources` in order; directories are listed now (recursively, sorted) so that
    /// [`Inputs::total_hint`] is known before the first item.
    pub fn with_options(sources: Vec<Source>, format: InputFormat, options: Options) -> Inputs {
        let mut queue = VecDeque::new();
        let sources = if sources.is_empty() {
            vec![Source::Stdin]
        } else {
            sources
        };
        for source in sources {
            match source {
                Source::File(path) if path.is_dir() => walk::expand(&path, &mut queue),
                other => queue.push_back(Entry::Input(open::Input::from_source(other))),
            }
        }
        let tally = Tally::default();
        let total = queue
            .iter()
            .filter(|entry| matches!(entry, Entry::Input(_)))
            .count();
        tally.with(|counts| counts.inputs_total = total);
        Inputs {
            queue,
            format,
            options,
            current: None,
            fetcher: None,
            tally,
        }
    }

    /// Number of inputs (files, URLs, standard input) this run will read.
    pub fn total_hint(&self) -> Option<usize> {
        Some(self.tally.counts().inputs_total)
    }

    /// A handle on the counts, to read while another thread consumes the items.
    pub fn tally(&self) -> Tally {
        self.tally.clone()
    }

    /// The counts as they are now.
    pub fn counts(&self) -> Counts {
        self.tally.counts()
    }

    fn open(&mut self, input: open::Input) -> Box<dyn Iterator<Item = Item>> {
        match &input.origin {
            open::Origin::Url(url) => {
                let url = url.clone();
                let fetcher = self
                    .fetcher
                    .get_or_insert_with(|| fetch::Fetcher::new(self.options.fetch.clone()));
                Box::new(open::read_url(&url, fetcher, self.format, &self.options).into_iter())
            }
            _ => open::open(input, self.format, &self.options),
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    self.tally.record(&item);
                    return Some(item);
                }
                self.current = None;
                self.tally.with(|counts| counts.inputs_done += 1);
            }
            match self.queue.pop_front()? {
                Entry::Report(item) => {
                    self.tally.record(&item);
                    return Some(item);
                }
                Entry::Input(input) => self.current = Some(self.open(input)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_arg_tells_stdin_urls_and_paths_apart() {
        assert_eq!(Source::from_arg("-"), Source::Stdin);
        assert_eq!(
            Source::from_arg("HTTPS://example.com/a"),
            Source::Url("HTTPS://example.com/a".to_owned())
        );
        assert_eq!(
            Source::from_arg(PathBuf::from("http.txt")),
            Source::File(PathBuf::from("http.txt"))
        );
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("WARC".parse::<InputFormat>(), Ok(InputFormat::Warc));
        assert_eq!("rss".parse::<InputFormat>(), Ok(InputFormat::Feed));
        assert!("pdf".parse::<InputFormat>().is_err());
    }

    #[test]
    fn reason_is_the_message_head() {
        let d = Diagnostic {
            place: "x".into(),
            message: "malformed JSON line: oops".into(),
        };
        assert_eq!(d.reason(), "malformed JSON line");
    }
}
