//! JSONL: one JSON object per line, streamed so memory stays bounded by the longest line (itself
//! capped).

use std::collections::VecDeque;
use std::io::BufRead;

use claimgraph_core::{Document, Metadata};
use serde::Deserialize;

use crate::text::{describe_io, invalid_utf8_message, read_line_capped};
use crate::{failed, warning, Item, Options, Source};

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

/// Streams documents out of JSONL, one line at a time.
pub struct JsonlReader<R> {
    name: String,
    stem: String,
    reader: R,
    max_line: usize,
    line: Vec<u8>,
    line_number: usize,
    /// Byte offset of the next line's start in the input.
    offset: u64,
    pending: VecDeque<Item>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads `reader` as the JSONL content of `source`, with the default line limit.
    pub fn new(source: &Source, reader: R) -> JsonlReader<R> {
        let stem = match source {
            Source::Stdin => "stdin".to_owned(),
            Source::File(path) => crate::open::path_stem(path),
            Source::Url(url) => url.clone(),
        };
        JsonlReader::named(source.name(), stem, reader, &Options::default())
    }

    pub(crate) fn named(name: String, stem: String, reader: R, options: &Options) -> Self {
        JsonlReader {
            name,
            stem,
            reader,
            max_line: usize::try_from(options.max_bytes).unwrap_or(usize::MAX),
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
        match read_line_capped(&mut self.reader, &mut self.line, self.max_line) {
            Ok((0, _)) => self.done = true,
            Ok((read, cut)) => {
                self.line_number += 1;
                let start = self.offset;
                self.offset += read as u64;
                if cut {
                    self.pending.push_back(failed(
                        self.place(),
                        format!(
                            "too large: line is {read} bytes, over the {}-byte limit",
                            self.max_line
                        ),
                    ));
                } else {
                    self.parse_line(start);
                }
            }
            Err(error) => {
                self.done = true;
                self.pending.push_back(failed(
                    format!("{}:{}", self.name, self.line_number + 1),
                    format!("read error: {}", describe_io(&error)),
                ));
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
                self.pending
                    .push_back(warning(self.place(), invalid_utf8_message(at)));
                String::from_utf8_lossy(bytes)
            }
        };
        let item = match serde_json::from_str::<Record>(&json) {
            Ok(record) => Item::Doc(self.document(record)),
            Err(error) => failed(
                self.place(),
                format!("malformed JSON line: {}", describe_json(&error)),
            ),
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
    use std::path::PathBuf;

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
    fn overlong_line_fails_alone() {
        let options = Options {
            max_bytes: 30,
            ..Options::default()
        };
        let input: &[u8] = b"{\"text\":\"0123456789012345678901234567890\"}\n{\"text\":\"ok\"}\n";
        let items: Vec<Item> =
            JsonlReader::named("d".into(), "d".into(), input, &options).collect();
        assert_eq!(
            describe(&items),
            [
                "failed d:1: too large: line is 43 bytes, over the 30-byte limit",
                "doc d:2 \"ok\""
            ]
        );
    }
}
