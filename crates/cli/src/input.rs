//! Sources of documents: plain-text files, JSONL files and standard input.
//!
//! Reading never stops at the first bad input: a missing file or a malformed JSONL line becomes an
//! [`Item::Failed`] in the stream and the next input is read, so the caller can report it in order and
//! still process everything else. Bytes that are not UTF-8 are decoded lossily with a warning.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use claimgraph_core::{Document, Metadata};
use clap::ValueEnum;
use serde::Deserialize;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// JSONL for `.jsonl`/`.ndjson` files, plain text otherwise (standard input included).
    Auto,
    /// The whole input is one document.
    Text,
    /// One JSON object per line: `{"id", "text"}` plus optional `title`, `url`, `published`, `source`.
    Jsonl,
}

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// `-` means standard input, anything else a file path.
    pub fn from_arg(arg: PathBuf) -> Source {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg)
        }
    }

    /// The name diagnostics use for this input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// The document id of a plain-text input: the file name without its extension.
    fn stem(&self) -> String {
        match self {
            Source::Stdin => "stdin".to_owned(),
            Source::File(path) => path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
        }
    }

    fn is_jsonl(&self, format: InputFormat) -> bool {
        match (format, self) {
            (InputFormat::Jsonl, _) => true,
            (InputFormat::Text, _) | (InputFormat::Auto, Source::Stdin) => false,
            (InputFormat::Auto, Source::File(path)) => has_jsonl_extension(path),
        }
    }
}

fn has_jsonl_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// A message about one place in the input: `file` or `file:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub place: String,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What reading yields, in input order.
#[derive(Debug)]
pub enum Item {
    Doc(Document),
    /// The input was read, but not as written (lossy decoding, binary content).
    Warning(Diagnostic),
    /// A file or line that could not become a document.
    Failed(Diagnostic),
}

/// All inputs of one run as one stream of items, opening each input only when it is reached.
pub struct Inputs {
    queue: VecDeque<Source>,
    format: InputFormat,
    current: Option<Box<dyn Iterator<Item = Item>>>,
}

impl Inputs {
    /// Reads `sources` in order; no sources means standard input.
    pub fn new(sources: Vec<Source>, format: InputFormat) -> Inputs {
        let mut queue: VecDeque<Source> = sources.into();
        if queue.is_empty() {
            queue.push_back(Source::Stdin);
        }
        Inputs {
            queue,
            format,
            current: None,
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let source = self.queue.pop_front()?;
            self.current = Some(open(source, self.format));
        }
    }
}

fn open(source: Source, format: InputFormat) -> Box<dyn Iterator<Item = Item>> {
    if !source.is_jsonl(format) {
        return Box::new(read_text(&source).into_iter());
    }
    match &source {
        Source::Stdin => Box::new(JsonlReader::new(&source, io::stdin().lock())),
        Source::File(path) => match File::open(path) {
            Ok(file) => Box::new(JsonlReader::new(
                &source,
                BufReader::with_capacity(1 << 16, file),
            )),
            Err(error) => Box::new(std::iter::once(Item::Failed(Diagnostic {
                place: source.name(),
                message: describe_io(&error),
            }))),
        },
    }
}

/// A short, lower-case description of an I/O error, without the OS error number.
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
        _ => error.to_string(),
    }
}

/// Reads a whole input as one plain-text document.
fn read_text(source: &Source) -> Vec<Item> {
    let read = match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
        }
        Source::File(path) => std::fs::read(path),
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(error) => {
            return vec![Item::Failed(Diagnostic {
                place: source.name(),
                message: describe_io(&error),
            })]
        }
    };
    let mut items = Vec::new();
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        items.push(Item::Warning(Diagnostic {
            place: source.name(),
            message: format!("looks binary (NUL byte at byte offset {at}); analyzing it as text"),
        }));
    }
    let (text, invalid_at) = decode(bytes);
    if let Some(at) = invalid_at {
        items.push(Item::Warning(Diagnostic {
            place: source.name(),
            message: invalid_utf8_message(at),
        }));
    }
    items.push(Item::Doc(Document::new(source.stem(), text)));
    items
}

fn invalid_utf8_message(at: u64) -> String {
    format!("invalid UTF-8 at byte offset {at}; invalid bytes replaced with U+FFFD")
}

/// Decodes UTF-8, replacing invalid sequences; also returns the byte offset of the first invalid one.
pub fn decode(bytes: Vec<u8>) -> (String, Option<u64>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to() as u64;
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(at),
            )
        }
    }
}

/// One JSONL input line. Unknown fields are ignored so datasets with extra fields read as they are.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<RecordId>,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    /// news-bench and several crawls call the publication date `date`.
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// Ids are strings by contract; integer ids, common in datasets, are accepted as their decimal form.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RecordId {
    Text(String),
    Number(serde_json::Number),
}

/// Streams documents out of JSONL, one line at a time, so memory stays bounded by the longest line.
pub struct JsonlReader<R> {
    name: String,
    stem: String,
    reader: R,
    line: Vec<u8>,
    line_number: usize,
    /// Byte offset of the next line's start in the input.
    offset: u64,
    pending: VecDeque<Item>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(source: &Source, reader: R) -> JsonlReader<R> {
        JsonlReader {
            name: source.name(),
            stem: source.stem(),
            reader,
            line: Vec::new(),
            line_number: 0,
            offset: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    fn place(&self) -> String {
        format!("{}:{}", self.name, self.line_number)
    }

    fn read_line(&mut self) {
        self.line.clear();
        match self.reader.read_until(b'\n', &mut self.line) {
            Ok(0) => self.done = true,
            Ok(read) => {
                self.line_number += 1;
                let start = self.offset;
                self.offset += read as u64;
                self.parse_line(start);
            }
            Err(error) => {
                self.done = true;
                self.pending.push_back(Item::Failed(Diagnostic {
                    place: format!("{}:{}", self.name, self.line_number + 1),
                    message: format!("read error: {}", describe_io(&error)),
                }));
            }
        }
    }

    fn parse_line(&mut self, start: u64) {
        let mut bytes = self.line.as_slice();
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let mut skipped = 0;
        if self.line_number == 1 {
            if let Some(rest) = bytes.strip_prefix("\u{feff}".as_bytes()) {
                bytes = rest;
                skipped = 3;
            }
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let json = match std::str::from_utf8(bytes) {
            Ok(json) => std::borrow::Cow::Borrowed(json),
            Err(error) => {
                let at = start + skipped + error.valid_up_to() as u64;
                self.pending.push_back(Item::Warning(Diagnostic {
                    place: self.place(),
                    message: invalid_utf8_message(at),
                }));
                String::from_utf8_lossy(bytes)
            }
        };
        let item = match serde_json::from_str::<Record>(&json) {
            Ok(record) => Item::Doc(self.document(record)),
            Err(error) => Item::Failed(Diagnostic {
                place: self.place(),
                message: format!("malformed JSON line: {}", describe_json(&error)),
            }),
        };
        self.pending.push_back(item);
    }

    fn document(&self, record: Record) -> Document {
        let id = match record.id {
            Some(RecordId::Text(id)) => id,
            Some(RecordId::Number(id)) => id.to_string(),
            None => format!("{}:{}", self.stem, self.line_number),
        };
        Document {
            id,
            text: record.text,
            metadata: Metadata {
                title: record.title,
                url: record.url,
                published: record.published.or(record.date),
                source: record.source,
                ..Metadata::default()
            },
            extracted: false,
        }
    }
}

/// serde_json's message with its position given as a column (every input line is JSON line 1).
fn describe_json(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(what) => format!("{what} (column {})", error.column()),
        None => message,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.read_line();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(jsonl: &[u8]) -> Vec<Item> {
        let source = Source::File(PathBuf::from("docs.jsonl"));
        JsonlReader::new(&source, jsonl).collect()
    }

    fn describe(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Item::Doc(doc) => format!("doc {} {:?}", doc.id, doc.text),
                Item::Warning(d) => format!("warning {d}"),
                Item::Failed(d) => format!("failed {d}"),
            })
            .collect()
    }

    #[test]
    fn jsonl_keeps_ids_and_metadata() {
        let items = read(
            b"{\"id\": \"a\", \"text\": \"One.\", \"title\": \"T\", \"date\": \"2024-01-02\"}\n",
        );
        let Some(Item::Doc(doc)) = items.first() else {
            panic!("expected a document, got {items:?}");
        };
        assert_eq!(doc.id, "a");
        assert_eq!(doc.metadata.title.as_deref(), Some("T"));
        assert_eq!(doc.metadata.published.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn malformed_line_is_reported_with_its_number_and_reading_goes_on() {
        let items = read(b"{\"id\":\"a\",\"text\":\"x\"}\r\n{oops\n\n{\"id\":7,\"text\":\"y\"}");
        assert_eq!(
            describe(&items),
            [
                "doc a \"x\"",
                "failed docs.jsonl:2: malformed JSON line: key must be a string (column 2)",
                "doc 7 \"y\"",
            ]
        );
    }

    #[test]
    fn missing_text_field_is_malformed() {
        let items = read(b"{\"id\":\"a\"}\n");
        assert_eq!(
            describe(&items),
            ["failed docs.jsonl:1: malformed JSON line: missing field `text` (column 10)"]
        );
    }

    #[test]
    fn invalid_utf8_names_the_file_offset() {
        let items = read(b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n");
        assert_eq!(
            describe(&items),
            [
                "doc a \"x\"",
                "warning docs.jsonl:2: invalid UTF-8 at byte offset 43; invalid bytes replaced with U+FFFD",
                "doc b \"caf\u{fffd}\"",
            ]
        );
    }

    #[test]
    fn missing_id_gets_file_and_line() {
        let items = read("\u{feff}{\"text\":\"x\"}".as_bytes());
        assert_eq!(describe(&items), ["doc docs:1 \"x\""]);
    }

    #[test]
    fn decode_reports_first_invalid_byte() {
        assert_eq!(
            decode(b"ab\xffc\xfe".to_vec()),
            ("ab\u{fffd}c\u{fffd}".to_owned(), Some(2))
        );
        assert_eq!(decode(b"ok".to_vec()), ("ok".to_owned(), None));
    }

    #[test]
    fn extension_decides_auto_format() {
        let jsonl = Source::File(PathBuf::from("a/b.JSONL"));
        let text = Source::File(PathBuf::from("a/b.txt"));
        assert!(jsonl.is_jsonl(InputFormat::Auto));
        assert!(!text.is_jsonl(InputFormat::Auto));
        assert!(text.is_jsonl(InputFormat::Jsonl));
        assert!(!Source::Stdin.is_jsonl(InputFormat::Auto));
        assert_eq!(text.stem(), "b");
    }
}
