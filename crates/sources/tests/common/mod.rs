//! Inputs the integration tests generate: pages, feeds and WARC records written for these tests.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use claimgraph_sources::{Diagnostic, Item};

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("claimgraph-sources-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Sentences of an invented local news story, long enough for main-content extraction.
pub const PARAGRAPHS: [&str; 4] = [
    "The harbour authority of Westmere said on Tuesday that the northern pier would close for repairs \
     until the end of the summer, after inspectors found corrosion in several of its steel supports.",
    "\"We cannot let ferries dock there while the supports are weak,\" said Ana Ribeiro, the authority's \
     chief engineer, adding that the work would cost about 4.2 million euros and employ forty people.",
    "Ferry operators told the council that passengers would be moved to the southern terminal, where a \
     temporary waiting hall with heating and a small café is being built by a local contractor.",
    "Fishermen who use the pier at dawn said they had not been consulted. The council promised a public \
     meeting next week in the town library, where residents can ask questions about the schedule.",
];

/// A complete HTML article page.
pub fn article_html(title: &str) -> String {
    let paragraphs: String = PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Westmere Gazette\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">\
         </head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1><p class=\"byline\">By Tom Ellery</p>\n{paragraphs}</article>\
         <footer>Copyright Westmere Gazette</footer></body></html>\n"
    )
}

pub fn rss(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{title}</title><link>https://gazette.example/</link><language>en-gb</language>
<item><title>Pier to close</title><link>https://gazette.example/pier</link>
<guid>https://gazette.example/pier</guid><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>{p0}</p><p>{p1}</p>]]></content:encoded></item>
<item><title>Library meeting</title><link>https://gazette.example/meeting</link>
<description>&lt;p&gt;{p3}&lt;/p&gt;</description></item>
<item><title>Title only</title><link>https://gazette.example/empty</link></item>
</channel></rss>
"#,
        p0 = PARAGRAPHS[0],
        p1 = PARAGRAPHS[1],
        p3 = PARAGRAPHS[3],
    )
}

pub fn atom() -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette Atom</title><id>urn:x:gazette</id>
<updated>2024-03-06T10:00:00Z</updated>
<entry><title>Ferries move</title><id>urn:x:ferries</id><link href="https://gazette.example/ferries"/>
<updated>2024-03-06T10:00:00+01:00</updated><author><name>Tom Ellery</name></author>
<content type="html">&lt;p&gt;{p2}&lt;/p&gt;</content></entry>
</feed>
"#,
        p2 = PARAGRAPHS[2]
    )
}

pub fn json_feed() -> String {
    serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Gazette JSON",
        "items": [
            {"id": "j1", "url": "https://gazette.example/j1", "content_html": format!("<p>{}</p>", PARAGRAPHS[0]),
             "date_published": "2024-03-07T08:00:00Z"},
            {"id": "j2", "content_text": PARAGRAPHS[1]}
        ]
    })
    .to_string()
}

/// An HTTP response as a WARC response record stores it.
pub fn http_response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut message = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    message.extend_from_slice(body);
    message
}

/// One WARC record with a correct Content-Length.
pub fn warc_record(
    warc_type: &str,
    id: &str,
    target: &str,
    content_type: &str,
    block: &[u8],
) -> Vec<u8> {
    warc_record_claiming(warc_type, id, target, content_type, block, block.len())
}

/// One WARC record whose Content-Length says `claimed` whatever the block's real length.
pub fn warc_record_claiming(
    warc_type: &str,
    id: &str,
    target: &str,
    content_type: &str,
    block: &[u8],
    claimed: usize,
) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2020-01-01T00:00:00Z\r\nWARC-Target-URI: {target}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {claimed}\r\n\r\n"
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

/// A page response record for `url`.
pub fn page_record(id: &str, url: &str, title: &str) -> Vec<u8> {
    let http = http_response(
        "200 OK",
        "text/html; charset=utf-8",
        article_html(title).as_bytes(),
    );
    warc_record(
        "response",
        id,
        url,
        "application/http; msgtype=response",
        &http,
    )
}

/// Items as one line each, for readable assertions.
pub fn describe(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Doc(doc) => format!("doc {}", doc.id),
            Item::Warning(Diagnostic { place, message }) => format!("warning {place}: {message}"),
            Item::Failed(Diagnostic { place, message }) => format!("failed {place}: {message}"),
        })
        .collect()
}

pub fn docs(items: &[Item]) -> Vec<&claimgraph_core::Document> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Doc(doc) => Some(doc),
            _ => None,
        })
        .collect()
}
