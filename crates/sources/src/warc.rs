//! WARC archives, one record at a time: each `response` record holding an HTTP 200 HTML page becomes
//! one extracted document; other records (requests, metadata, robots.txt, images, redirects) are
//! passed over silently.
//!
//! The framing is read here rather than with the `warc` crate because its readers buffer a header
//! block without bound, read bodies line by line into memory, and cannot carry on after a corrupt
//! record. Here a record whose `Content-Length` does not match its framing, or whose header is
//! garbage, becomes one [`Item::Failed`] and reading resynchronises on the next `WARC/` line. A body
//! over [`Options::max_bytes`] is skipped without being held in memory. gzip (whole-file or per-record
//! as CC-NEWS writes it) is undone before this reader by `MultiGzDecoder`; damage inside the
//! compression stops the file with a diagnostic, keeping the documents already read.
//!
//! `WARC-Date` is the crawl time, not the publication time, so it never becomes `published`.

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;

use crate::html::{is_html_type, media_type, page_document};
use crate::open::too_large;
use crate::sniff::{sniff, Kind};
use crate::text::{describe_io, read_line_capped};
use crate::{failed, Item, Options};

/// Longest header line kept; longer lines mean the stream is not where a header should be.
const MAX_HEADER_LINE: usize = 64 << 10;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1000;
/// How much of an oversized response is read to see whether it is a page at all.
const HEAD_PEEK: u64 = 16 << 10;

/// Streams documents out of a WARC file.
pub(crate) struct WarcReader<R> {
    reader: R,
    name: String,
    stem: String,
    max_bytes: u64,
    /// Records started so far; the current one's number.
    records: usize,
    /// After a corrupt record: skipping lines until the next `WARC/` header, reporting nothing more.
    resyncing: bool,
    done: bool,
    line: Vec<u8>,
}

/// What reading one step of the stream gave.
enum Step {
    /// Boxed: a document is large and most steps carry none.
    Yield(Box<Item>),
    Skip,
    End,
}

impl Step {
    fn item(item: Item) -> Step {
        Step::Yield(Box::new(item))
    }
}

/// The WARC header fields this reader looks at.
#[derive(Default)]
struct Header {
    warc_type: Option<String>,
    content_type: Option<String>,
    content_length: Option<String>,
    record_id: Option<String>,
    target_uri: Option<String>,
}

impl<R: BufRead> WarcReader<R> {
    pub(crate) fn new(name: String, stem: String, reader: R, options: &Options) -> Self {
        WarcReader {
            reader,
            name,
            stem,
            max_bytes: options.max_bytes,
            records: 0,
            resyncing: false,
            done: false,
            line: Vec::new(),
        }
    }

    fn place(&self, record: usize) -> String {
        format!("{}#record {record}", self.name)
    }

    /// Stops the file on a read error (truncated or corrupt compression, I/O).
    fn read_failure(&mut self, record: usize, error: &io::Error) -> Step {
        self.done = true;
        Step::item(failed(
            self.place(record),
            format!("read error: {}", describe_io(error)),
        ))
    }

    /// Marks the stream as out of step and reports the record once.
    fn corrupt(&mut self, record: usize, what: &str) -> Step {
        self.resyncing = true;
        Step::item(failed(
            self.place(record),
            format!("corrupt WARC record: {what}; skipping to the next record"),
        ))
    }

    fn step(&mut self) -> Step {
        loop {
            self.line.clear();
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(error) => return self.read_failure(self.records + 1, &error),
                Ok((0, _)) => return Step::End,
                Ok(_) => {}
            }
            let line = trim_line_end(&self.line);
            if line.is_empty() {
                continue;
            }
            if line.starts_with(b"WARC/") {
                self.resyncing = false;
                break;
            }
            if !self.resyncing {
                return self.corrupt(self.records + 1, "expected a WARC/1.x header line");
            }
        }
        self.records += 1;
        let record = self.records;
        let header = match self.read_header(record) {
            Ok(header) => header,
            Err(step) => return step,
        };
        let Some(length) = header
            .content_length
            .as_deref()
            .and_then(|value| value.trim().parse::<u64>().ok())
        else {
            return self.corrupt(record, "no valid Content-Length");
        };
        let is_response = header
            .warc_type
            .as_deref()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("response"))
            && header.content_type.as_deref().is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/http")
            });
        if !is_response {
            return match self.skip_body(record, length) {
                Err(step) => step,
                Ok(()) => Step::Skip,
            };
        }
        if length > self.max_bytes {
            return self.oversized_response(record, length);
        }
        let mut body = Vec::new();
        match self.reader.by_ref().take(length).read_to_end(&mut body) {
            Err(error) => return self.read_failure(record, &error),
            Ok(read) if (read as u64) < length => {
                self.done = true;
                return Step::item(failed(
                    self.place(record),
                    format!(
                        "truncated WARC record: the input ends after {read} of {length} body bytes"
                    ),
                ));
            }
            Ok(_) => {}
        }
        match self.end_of_record() {
            Err(error) => return self.read_failure(record, &error),
            Ok(false) => {
                return self.corrupt(record, "Content-Length does not match the record's end")
            }
            Ok(true) => {}
        }
        self.response_document(record, &header, &body)
    }

    /// Reads header lines up to the blank line that ends them.
    fn read_header(&mut self, record: usize) -> Result<Header, Step> {
        let mut header = Header::default();
        for _ in 0..MAX_HEADER_LINES {
            self.line.clear();
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(error) => return Err(self.read_failure(record, &error)),
                Ok((0, _)) => {
                    self.done = true;
                    return Err(Step::item(failed(
                        self.place(record),
                        "truncated WARC record: the input ends inside its header",
                    )));
                }
                Ok((_, true)) => return Err(self.corrupt(record, "header line over 64 KiB")),
                Ok(_) => {}
            }
            let line = trim_line_end(&self.line);
            if line.is_empty() {
                return Ok(header);
            }
            let Some((name, value)) = split_field(line) else {
                continue;
            };
            let slot = match name.to_ascii_lowercase().as_str() {
                "warc-type" => &mut header.warc_type,
                "content-type" => &mut header.content_type,
                "content-length" => &mut header.content_length,
                "warc-record-id" => &mut header.record_id,
                "warc-target-uri" => &mut header.target_uri,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        Err(self.corrupt(record, "more than 1000 header lines"))
    }

    /// A response too large to read: a failure if its head says it is an HTML page, passed over
    /// silently otherwise (large images and archives are common in crawls).
    fn oversized_response(&mut self, record: usize, length: u64) -> Step {
        let mut head = Vec::new();
        let peeked = self
            .reader
            .by_ref()
            .take(length.min(HEAD_PEEK))
            .read_to_end(&mut head);
        let read = match peeked {
            Ok(read) => read as u64,
            Err(error) => return self.read_failure(record, &error),
        };
        if let Err(step) = self.skip_body(record, length - read) {
            return step;
        }
        let page = split_http(&head)
            .map(|(head, payload)| (HttpHead::parse(head), payload))
            .is_some_and(|(head, payload)| head.status == Some(200) && head.is_html(payload));
        if page {
            Step::item(failed(
                self.place(record),
                too_large(length, self.max_bytes),
            ))
        } else {
            Step::Skip
        }
    }

    /// Passes over the rest of a body without keeping it, then checks the record's end.
    fn skip_body(&mut self, record: usize, length: u64) -> Result<(), Step> {
        match io::copy(&mut self.reader.by_ref().take(length), &mut io::sink()) {
            Err(error) => return Err(self.read_failure(record, &error)),
            Ok(read) if read < length => {
                self.done = true;
                return Err(Step::item(failed(
                    self.place(record),
                    format!(
                        "truncated WARC record: the input ends after {read} of {length} body bytes"
                    ),
                )));
            }
            Ok(_) => {}
        }
        match self.end_of_record() {
            Err(error) => Err(self.read_failure(record, &error)),
            Ok(false) => {
                Err(self.corrupt(record, "Content-Length does not match the record's end"))
            }
            Ok(true) => Ok(()),
        }
    }

    /// Consumes the two line ends after a body; false when something else is there, which means the
    /// Content-Length was wrong. The end of the input is accepted in their place.
    fn end_of_record(&mut self) -> io::Result<bool> {
        for _ in 0..2 {
            match self.peek()? {
                None => return Ok(true),
                Some(b'\n') => self.reader.consume(1),
                Some(b'\r') => {
                    self.reader.consume(1);
                    if self.peek()? != Some(b'\n') {
                        return Ok(false);
                    }
                    self.reader.consume(1);
                }
                Some(_) => return Ok(false),
            }
        }
        Ok(true)
    }

    fn peek(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.reader.fill_buf() {
                Ok(buffer) => return Ok(buffer.first().copied()),
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// The page in an HTTP response record, if it is a successful HTML one.
    fn response_document(&self, record: usize, header: &Header, body: &[u8]) -> Step {
        let place = self.place(record);
        let Some((head, payload)) = split_http(body) else {
            return Step::item(failed(
                place,
                "corrupt WARC record: no HTTP header block in the response",
            ));
        };
        let head = HttpHead::parse(head);
        if head.status != Some(200) || !head.is_html(payload) {
            return Step::Skip;
        }
        let HttpHead {
            content_type,
            content_encoding,
            transfer_encoding,
            ..
        } = head;
        let charset = content_type.as_deref().and_then(|t| media_type(t).1);
        let mut payload = std::borrow::Cow::Borrowed(payload);
        if transfer_encoding
            .as_deref()
            .is_some_and(|t| t.contains("chunked"))
        {
            if let Some(joined) = dechunk(&payload) {
                payload = joined.into();
            }
        }
        if content_encoding
            .as_deref()
            .is_some_and(|e| e.contains("gzip"))
            && payload.starts_with(&[0x1f, 0x8b])
        {
            let mut inflated = Vec::new();
            let read = MultiGzDecoder::new(payload.as_ref())
                .take(self.max_bytes.saturating_add(1))
                .read_to_end(&mut inflated);
            match read {
                Ok(read) if read as u64 > self.max_bytes => {
                    return Step::item(failed(
                        place,
                        format!(
                            "too large: page inflates past the {}-byte limit",
                            self.max_bytes
                        ),
                    ))
                }
                Ok(_) => payload = inflated.into(),
                Err(error) => {
                    return Step::item(failed(place, format!("corrupt gzip: page body: {error}")))
                }
            }
        }
        let id = header
            .record_id
            .as_deref()
            .and_then(clean_record_id)
            .unwrap_or_else(|| format!("{}#{record}", self.stem));
        Step::item(page_document(
            &place,
            id,
            &payload,
            header.target_uri.as_deref().map(str::trim),
            charset.as_deref(),
        ))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.step() {
                Step::Yield(item) => return Some(*item),
                Step::Skip => {}
                Step::End => self.done = true,
            }
        }
        None
    }
}

/// The parts of an HTTP response head that decide whether and how its payload is read.
struct HttpHead {
    status: Option<u16>,
    content_type: Option<String>,
    content_encoding: Option<String>,
    transfer_encoding: Option<String>,
}

impl HttpHead {
    fn parse(head: &[u8]) -> HttpHead {
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|status_line| status_line.split_whitespace().nth(1))
            .and_then(|code| code.parse::<u16>().ok());
        let mut parsed = HttpHead {
            status,
            content_type: None,
            content_encoding: None,
            transfer_encoding: None,
        };
        for line in lines {
            if let Some((name, value)) = split_field(line.as_bytes()) {
                let slot = match name.to_ascii_lowercase().as_str() {
                    "content-type" => &mut parsed.content_type,
                    "content-encoding" => &mut parsed.content_encoding,
                    "transfer-encoding" => &mut parsed.transfer_encoding,
                    _ => continue,
                };
                slot.get_or_insert(value.to_ascii_lowercase());
            }
        }
        parsed
    }

    /// An HTML page by its declared type, or by its first bytes when it declares none.
    fn is_html(&self, payload: &[u8]) -> bool {
        match &self.content_type {
            Some(content_type) => is_html_type(&media_type(content_type).0),
            None => sniff(payload) == Kind::Html,
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `Name: value` of one header line.
fn split_field(line: &[u8]) -> Option<(String, String)> {
    let at = line.iter().position(|&b| b == b':')?;
    let (name, value) = line.split_at(at);
    let value = value.get(1..).unwrap_or_default();
    Some((
        String::from_utf8_lossy(name).trim().to_owned(),
        String::from_utf8_lossy(value).trim().to_owned(),
    ))
}

/// Splits an HTTP message at the blank line after its header block.
fn split_http(message: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = message.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = message.windows(2).position(|w| w == b"\n\n");
    let (at, gap) = match (crlf, lf) {
        (Some(c), Some(l)) if l < c => (l, 2),
        (Some(c), _) => (c, 4),
        (None, Some(l)) => (l, 2),
        (None, None) => return None,
    };
    let (head, rest) = message.split_at(at);
    Some((head, rest.get(gap..).unwrap_or_default()))
}

/// `<urn:uuid:0a1b…>` → `0a1b…`; None when nothing id-like is left.
fn clean_record_id(raw: &str) -> Option<String> {
    let id = raw.trim().trim_start_matches('<').trim_end_matches('>');
    let id = id.strip_prefix("urn:uuid:").unwrap_or(id);
    let clean = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '.' | '_' | '/'));
    clean.then(|| id.to_owned())
}

/// Undoes HTTP chunked transfer coding; None when the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(body.len());
    loop {
        let line_end = body.iter().position(|&b| b == b'\n')?;
        let (size_line, rest) = body.split_at(line_end);
        let size_text = String::from_utf8_lossy(size_line);
        let size_hex = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        let rest = rest.get(1..)?;
        if size == 0 {
            return Some(joined);
        }
        joined.extend_from_slice(rest.get(..size)?);
        let after = rest.get(size..)?;
        body = after
            .strip_prefix(b"\r\n")
            .or_else(|| after.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ids_are_cleaned() {
        assert_eq!(
            clean_record_id("<urn:uuid:1b4c-77aa>").as_deref(),
            Some("1b4c-77aa")
        );
        assert_eq!(clean_record_id("<>"), None);
        assert_eq!(clean_record_id("<a b>"), None);
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn http_head_split() {
        let (head, body) = split_http(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\n<p>x").unwrap();
        assert_eq!(head, b"HTTP/1.1 200 OK\r\nA: b");
        assert_eq!(body, b"<p>x");
    }
}
