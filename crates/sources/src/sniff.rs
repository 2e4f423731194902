//! Telling formats apart by their first bytes, with the file extension as a tie-breaker.
//!
//! Content decides first when it is unambiguous (gzip magic, a `WARC/` header, a feed root element, an
//! HTML document start), because crawls and downloads often carry wrong or no extensions. Where content
//! is weak evidence (a line starting with `{` could be JSONL or prose), the extension decides.

use crate::InputFormat;

/// How many leading bytes sniffing looks at.
pub(crate) const PREFIX_LEN: usize = 8192;

/// What an input's leading bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// gzip-compressed; what is inside is sniffed again after decompression.
    Gzip,
    Warc,
    /// RSS, Atom, RDF or JSON Feed.
    Feed,
    Html,
    Jsonl,
    Text,
    /// A NUL byte or the magic number of an image, archive, PDF or executable.
    Binary,
}

/// Classifies an input from its first bytes (up to 8 KiB are looked at).
pub fn sniff(prefix: &[u8]) -> Kind {
    let prefix = prefix.get(..PREFIX_LEN).unwrap_or(prefix);
    if prefix.starts_with(&[0x1f, 0x8b]) {
        return Kind::Gzip;
    }
    if let Some(rest) = prefix
        .strip_prefix(&[0xff, 0xfe])
        .or_else(|| prefix.strip_prefix(&[0xfe, 0xff]))
    {
        // UTF-16 markup: its ASCII shows through every other byte.
        let narrow: Vec<u8> = rest.iter().copied().filter(|&b| b != 0).collect();
        return match sniff_markup(trim_start(&narrow)) {
            Some(kind) => kind,
            None => Kind::Text,
        };
    }
    let body = trim_start(prefix.strip_prefix(b"\xef\xbb\xbf").unwrap_or(prefix));
    if body.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    if let Some(kind) = sniff_markup(body) {
        return kind;
    }
    if body.starts_with(b"{") {
        return if contains(&lowercase(body), b"jsonfeed.org/version") {
            Kind::Feed
        } else {
            Kind::Jsonl
        };
    }
    if is_binary(prefix) {
        return Kind::Binary;
    }
    Kind::Text
}

/// The kind to read an input as, given the requested format, its sniffed kind (after any
/// decompression) and its lower-case extension.
pub(crate) fn decide(format: InputFormat, sniffed: Kind, extension: Option<&str>) -> Kind {
    match format {
        InputFormat::Text => return Kind::Text,
        InputFormat::Jsonl => return Kind::Jsonl,
        InputFormat::Html => return Kind::Html,
        InputFormat::Feed => return Kind::Feed,
        InputFormat::Warc => return Kind::Warc,
        InputFormat::Auto => {}
    }
    if matches!(sniffed, Kind::Warc | Kind::Feed | Kind::Html | Kind::Binary) {
        return sniffed;
    }
    match extension {
        Some("jsonl" | "ndjson" | "json") => Kind::Jsonl,
        Some("txt" | "text" | "md") => Kind::Text,
        Some("html" | "htm" | "xhtml") => Kind::Html,
        Some("warc") => Kind::Warc,
        // XML that is not recognisably a feed is still more likely a broken feed than prose.
        Some("rss" | "atom" | "xml") => Kind::Feed,
        _ => sniffed,
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

fn lowercase(bytes: &[u8]) -> Vec<u8> {
    bytes.to_ascii_lowercase()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Feed or HTML for input that starts with `<`: whichever root marker comes first wins, so HTML inside
/// a feed's CDATA does not make the feed a page.
fn sniff_markup(body: &[u8]) -> Option<Kind> {
    if !body.starts_with(b"<") {
        return None;
    }
    let lower = lowercase(body);
    let first = |markers: &[&[u8]]| {
        markers
            .iter()
            .filter_map(|marker| find(&lower, marker))
            .min()
    };
    let feed = first(&[b"<rss", b"<feed", b"<rdf:rdf"]);
    let html = first(&[b"<!doctype html", b"<html", b"<head", b"<body"]);
    match (feed, html) {
        (Some(feed), Some(html)) if feed < html => Some(Kind::Feed),
        (Some(_), None) => Some(Kind::Feed),
        (_, Some(_)) => Some(Kind::Html),
        (None, None) => [&b"<p>"[..], b"<p ", b"<div", b"<title", b"<article"]
            .iter()
            .any(|tag| contains(&lower, tag))
            .then_some(Kind::Html),
    }
}

fn is_binary(prefix: &[u8]) -> bool {
    const MAGIC: [&[u8]; 10] = [
        b"%PDF-",
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"PK\x03\x04",
        b"\x7fELF",
        b"\x28\xb5\x2f\xfd",
        b"BZh",
        b"\xfd7zXZ",
        b"Rar!",
    ];
    prefix.contains(&0) || MAGIC.iter().any(|magic| prefix.starts_with(magic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strong_signatures() {
        assert_eq!(sniff(b"\x1f\x8b\x08\0"), Kind::Gzip);
        assert_eq!(sniff(b"\r\nWARC/1.1\r\nWARC-Type: warcinfo"), Kind::Warc);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"),
            Kind::Feed
        );
        assert_eq!(
            sniff(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"),
            Kind::Feed
        );
        assert_eq!(
            sniff(b"<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\">"),
            Kind::Feed
        );
        assert_eq!(sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(sniff(b"<!-- x --><HTML><BODY>"), Kind::Html);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"),
            Kind::Html
        );
        assert_eq!(
            sniff(br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#),
            Kind::Feed
        );
    }

    #[test]
    fn feed_with_html_in_cdata_is_a_feed() {
        assert_eq!(
            sniff(b"<rss><channel><item><description><![CDATA[<html><body>x]]>"),
            Kind::Feed
        );
    }

    #[test]
    fn weak_signatures_and_extensions() {
        assert_eq!(sniff(br#"{"id": 1, "text": "x"}"#), Kind::Jsonl);
        assert_eq!(sniff(b"Plain words."), Kind::Text);
        assert_eq!(sniff(b"%PDF-1.7"), Kind::Binary);
        assert_eq!(sniff(b"ab\0cd"), Kind::Binary);
        assert_eq!(sniff(b"\xff\xfe<\0h\0t\0m\0l\0>\0"), Kind::Html);
        assert_eq!(
            decide(InputFormat::Auto, Kind::Jsonl, Some("txt")),
            Kind::Text
        );
        assert_eq!(
            decide(InputFormat::Auto, Kind::Text, Some("jsonl")),
            Kind::Jsonl
        );
        assert_eq!(
            decide(InputFormat::Auto, Kind::Html, Some("txt")),
            Kind::Html
        );
        assert_eq!(
            decide(InputFormat::Auto, Kind::Text, Some("htm")),
            Kind::Html
        );
        assert_eq!(decide(InputFormat::Text, Kind::Html, None), Kind::Text);
        assert_eq!(decide(InputFormat::Feed, Kind::Text, None), Kind::Feed);
    }

    proptest! {
        #[test]
        fn sniffing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let kind = sniff(&bytes);
            let _ = decide(InputFormat::Auto, kind, Some("txt"));
        }

        #[test]
        fn sniffing_markup_like_text_never_panics(text in "[<>a-z!?{}\" \\n\u{feff}]{0,200}") {
            let _ = sniff(text.as_bytes());
        }
    }
}
