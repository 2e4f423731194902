//! Reading files of every format, good and bad, through the public API.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use claimgraph_sources::{read_stream, InputFormat, Inputs, Item, Options, Source};
use common::*;

fn read_all(paths: Vec<PathBuf>) -> Vec<Item> {
    Inputs::new(
        paths.into_iter().map(Source::File).collect(),
        InputFormat::Auto,
    )
    .collect()
}

fn only_doc(items: &[Item]) -> &claimgraph_core::Document {
    let found = docs(items);
    assert_eq!(found.len(), 1, "{:?}", describe(items));
    found[0]
}

#[test]
fn text_file_is_one_verbatim_document() {
    let dir = scratch("text");
    let file = write(&dir, "note.txt", b"{not json} just words.\n");
    let items = read_all(vec![file]);
    let doc = only_doc(&items);
    assert_eq!(doc.id, "note");
    assert_eq!(doc.text, "{not json} just words.\n");
    assert!(!doc.extracted);
}

#[test]
fn html_page_is_extracted_with_metadata() {
    let dir = scratch("html");
    let file = write(
        &dir,
        "pier.html",
        article_html("Northern pier to close").as_bytes(),
    );
    let items = read_all(vec![file]);
    let doc = only_doc(&items);
    assert_eq!(doc.id, "pier");
    assert!(doc.extracted);
    assert!(
        doc.text
            .contains("corrosion in several of its steel supports"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains("Copyright Westmere"), "{}", doc.text);
    assert_eq!(
        doc.metadata.title.as_deref(),
        Some("Northern pier to close")
    );
}

#[test]
fn gzipped_html_page_is_read_like_a_plain_one() {
    let dir = scratch("html_gz");
    let file = write(&dir, "pier.html.gz", &gzip(article_html("Pier").as_bytes()));
    let items = read_all(vec![file]);
    let doc = only_doc(&items);
    assert_eq!(doc.id, "pier");
    assert!(doc.text.contains("temporary waiting hall"));
}

#[test]
fn windows_1252_page_without_charset_header_decodes() {
    let dir = scratch("cp1252");
    let page = article_html("Caf\u{e9} plans").replace("<meta charset=\"utf-8\">", "");
    // Every character of the page is in windows-1252; encode it byte by byte.
    let bytes: Vec<u8> = page
        .chars()
        .map(|c| match c {
            '\u{e9}' => 0xe9,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let file = write(&dir, "cafe.htm", &bytes);
    let items = read_all(vec![file]);
    let doc = only_doc(&items);
    assert!(
        doc.text.contains("small caf\u{e9} is being built"),
        "{}",
        doc.text
    );
    assert!(!doc.text.contains('\u{fffd}'));
}

#[test]
fn html_without_body_fails_with_a_reason() {
    let dir = scratch("nobody");
    let file = write(
        &dir,
        "empty.html",
        b"<!DOCTYPE html><html><head><title>x</title></head></html>",
    );
    let items = read_all(vec![file.clone()]);
    let described = describe(&items);
    assert_eq!(described.len(), 1);
    assert!(
        described[0].starts_with(&format!("failed {}: no article: ", file.display())),
        "{described:?}"
    );
}

#[test]
fn huge_page_is_refused_without_reading_it() {
    let dir = scratch("huge");
    let mut page = b"<!DOCTYPE html><html><body><p>".to_vec();
    page.resize(40 << 20, b'a');
    let file = write(&dir, "huge.html", &page);
    let started = Instant::now();
    let items = read_all(vec![file.clone()]);
    assert!(
        started.elapsed().as_millis() < 500,
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        describe(&items),
        [format!(
            "failed {}: too large: 41943040 bytes, over the 16777216-byte limit",
            file.display()
        )]
    );
    // Streams of unknown length are cut at the limit instead.
    let options = Options {
        max_bytes: 1 << 20,
        ..Options::default()
    };
    let items: Vec<Item> = read_stream(
        "huge.html.gz",
        std::io::Cursor::new(gzip(&page)),
        InputFormat::Auto,
        &options,
    )
    .collect();
    assert_eq!(
        describe(&items),
        ["failed huge.html.gz: too large: over the 1048576-byte limit"]
    );
}

#[test]
fn rss_items_become_documents_with_stable_ids() {
    let dir = scratch("rss");
    let file = write(&dir, "gazette.xml", rss("Westmere Gazette").as_bytes());
    let items = read_all(vec![file.clone()]);
    assert_eq!(
        describe(&items)[2],
        format!(
            "warning {}#item 3: skipped: feed item has no text",
            file.display()
        )
    );
    let found = docs(&items);
    assert_eq!(found.len(), 2);
    let first = found[0];
    assert!(first.id.starts_with("gazette#"), "{}", first.id);
    assert!(first.extracted);
    assert!(
        first.text.contains("steel supports"),
        "content:encoded wins: {}",
        first.text
    );
    assert!(first.text.contains("Ana Ribeiro"));
    assert!(!first.text.contains("Short summary"));
    assert!(!first.text.contains("<p>"));
    assert_eq!(first.metadata.title.as_deref(), Some("Pier to close"));
    assert_eq!(
        first.metadata.url.as_deref(),
        Some("https://gazette.example/pier")
    );
    assert_eq!(
        first.metadata.published.as_deref(),
        Some("2024-03-05T09:30:00+00:00")
    );
    assert_eq!(first.metadata.source.as_deref(), Some("Westmere Gazette"));
    assert_eq!(first.metadata.language.as_deref(), Some("eng"));
    assert!(
        found[1].text.starts_with("Fishermen who use the pier"),
        "{}",
        found[1].text
    );
    // Same input, same ids.
    let again = read_all(vec![file]);
    assert_eq!(docs(&again)[1].id, found[1].id);
    assert_ne!(found[0].id, found[1].id);
}

#[test]
fn atom_and_json_feeds_are_read() {
    let dir = scratch("atom_json");
    let atom_file = write(&dir, "a.atom", atom().as_bytes());
    let json_file = write(&dir, "j.json", json_feed().as_bytes());
    let items = read_all(vec![atom_file, json_file]);
    let found = docs(&items);
    assert_eq!(found.len(), 3, "{:?}", describe(&items));
    assert_eq!(found[0].metadata.byline.as_deref(), Some("Tom Ellery"));
    assert_eq!(
        found[0].metadata.published.as_deref(),
        Some("2024-03-06T09:00:00+00:00")
    );
    assert!(found[0].text.starts_with("Ferry operators"));
    assert_eq!(found[1].metadata.source.as_deref(), Some("Gazette JSON"));
    assert!(found[2].text.starts_with("\"We cannot let ferries"));
}

#[test]
fn invalid_feed_xml_fails_alone() {
    let dir = scratch("bad_feed");
    let bad = write(
        &dir,
        "bad.rss",
        b"<?xml version=\"1.0\"?><rss><channel><item><title>x</ti",
    );
    let good = write(&dir, "good.txt", b"fine");
    let items = read_all(vec![bad.clone(), good]);
    let described = describe(&items);
    assert_eq!(described.len(), 2, "{described:?}");
    assert!(
        described[0].starts_with(&format!("failed {}: invalid feed:", bad.display())),
        "{described:?}"
    );
    assert_eq!(described[1], "doc good");
}

fn sample_warc() -> Vec<Vec<u8>> {
    vec![
        warc_record(
            "warcinfo",
            "info-0",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        warc_record(
            "request",
            "req-1",
            "https://gazette.example/pier",
            "application/http; msgtype=request",
            b"GET /pier HTTP/1.1\r\nHost: gazette.example\r\n\r\n",
        ),
        page_record("aaaa-1111", "https://gazette.example/pier", "Pier to close"),
        warc_record(
            "response",
            "nf-2",
            "https://gazette.example/gone",
            "application/http; msgtype=response",
            &http_response(
                "404 Not Found",
                "text/html",
                b"<html><body>gone</body></html>",
            ),
        ),
        warc_record(
            "response",
            "img-3",
            "https://gazette.example/a.png",
            "application/http; msgtype=response",
            &http_response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ),
        page_record(
            "bbbb-2222",
            "https://gazette.example/ferries",
            "Ferries move",
        ),
    ]
}

#[test]
fn warc_keeps_only_html_200_responses() {
    let dir = scratch("warc");
    let file = write(&dir, "crawl.warc", &sample_warc().concat());
    let items = read_all(vec![file]);
    assert_eq!(describe(&items), ["doc aaaa-1111", "doc bbbb-2222"]);
    let doc = docs(&items)[0];
    assert!(doc.extracted);
    assert_eq!(
        doc.metadata.url.as_deref(),
        Some("https://gazette.example/pier")
    );
    assert!(doc.text.contains("steel supports"));
    assert_ne!(
        doc.metadata.published.as_deref(),
        Some("2020-01-01T00:00:00Z")
    );
}

#[test]
fn warc_gzipped_per_record_reads_every_member() {
    let dir = scratch("warc_gz");
    let members: Vec<u8> = sample_warc()
        .iter()
        .flat_map(|record| gzip(record))
        .collect();
    let file = write(&dir, "CC-NEWS-1.warc.gz", &members);
    let items = read_all(vec![file]);
    assert_eq!(describe(&items), ["doc aaaa-1111", "doc bbbb-2222"]);
}

#[test]
fn warc_corrupt_record_in_the_middle_is_reported_and_reading_resumes() {
    let dir = scratch("warc_corrupt");
    let http = http_response("200 OK", "text/html", article_html("Middle").as_bytes());
    let records = [
        page_record("r1", "https://gazette.example/1", "One"),
        // Claims fewer bytes than it holds: the reader lands mid-body and must find the next record.
        warc_record_claiming(
            "response",
            "r2",
            "https://gazette.example/2",
            "application/http",
            &http,
            100,
        ),
        page_record("r3", "https://gazette.example/3", "Three"),
        b"garbage that is no record at all\r\n\r\n".to_vec(),
        page_record("r4", "https://gazette.example/4", "Four"),
    ];
    let file = write(&dir, "bad.warc", &records.concat());
    let name = file.display();
    let items = read_all(vec![file.clone()]);
    assert_eq!(
        describe(&items),
        [
            "doc r1".to_owned(),
            format!("failed {name}#record 2: corrupt WARC record: Content-Length does not match the record's end; skipping to the next record"),
            "doc r3".to_owned(),
            format!("failed {name}#record 4: corrupt WARC record: expected a WARC/1.x header line; skipping to the next record"),
            "doc r4".to_owned(),
        ]
    );
}

#[test]
fn truncated_gzip_keeps_earlier_documents_and_says_why() {
    let dir = scratch("truncated");
    let first = gzip(&page_record("t1", "https://gazette.example/1", "One"));
    let second = gzip(&page_record("t2", "https://gazette.example/2", "Two"));
    let mut bytes = first;
    bytes.extend_from_slice(&second[..second.len() / 2]);
    let file = write(&dir, "cut.warc.gz", &bytes);
    let items = read_all(vec![file.clone()]);
    let described = describe(&items);
    assert_eq!(described.len(), 2, "{described:?}");
    assert_eq!(described[0], "doc t1");
    assert_eq!(
        described[1],
        format!(
            "failed {}#record 2: read error: truncated gzip: the input ends inside a compressed block",
            file.display()
        )
    );

    let jsonl = gzip(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
    let file = write(&dir, "cut.jsonl.gz", &jsonl[..jsonl.len() - 6]);
    let items = read_all(vec![file]);
    let described = describe(&items);
    assert!(
        described.last().unwrap().contains("truncated gzip"),
        "{described:?}"
    );
}

#[test]
fn jsonl_malformed_line_fails_alone() {
    let dir = scratch("jsonl");
    let file = write(
        &dir,
        "d.ndjson",
        b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\n{\"text\":\"y\"}\n",
    );
    let items = read_all(vec![file.clone()]);
    assert_eq!(
        describe(&items),
        [
            "doc a".to_owned(),
            format!(
                "failed {}:2: malformed JSON line: EOF while parsing a value (column 6)",
                file.display()
            ),
            "doc d:3".to_owned(),
        ]
    );
}

#[test]
fn directory_of_every_format_reads_in_sorted_order() {
    let dir = scratch("mixed");
    write(&dir, "a-note.txt", b"Plain words.");
    write(&dir, "b-page.html", article_html("B").as_bytes());
    write(&dir, "c-page.html.gz", &gzip(article_html("C").as_bytes()));
    write(
        &dir,
        "d.jsonl",
        b"{\"id\":\"d1\",\"text\":\"x\"}\nnot json\n{\"id\":\"d2\",\"text\":\"y\"}\n",
    );
    write(&dir, "e-feed", rss("Gazette").as_bytes()); // no extension: sniffed
    write(&dir, "f.json", json_feed().as_bytes());
    let warc: Vec<u8> = sample_warc()
        .iter()
        .flat_map(|record| gzip(record))
        .collect();
    write(&dir, "g.warc.gz", &warc);
    write(&dir, "h.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(&dir, ".hidden.txt", b"never read");
    write(&dir, "sub/i.atom", atom().as_bytes());
    std::fs::create_dir_all(dir.join("sub/empty")).unwrap();
    let inputs = Inputs::new(vec![Source::File(dir.clone())], InputFormat::Auto);
    assert_eq!(inputs.total_hint(), Some(9));
    let tally = inputs.tally();
    let items: Vec<Item> = inputs.collect();
    let place = |name: &str| dir.join(name).display().to_string();
    let described = describe(&items);
    let e_ids: Vec<&str> = docs(&items)
        .iter()
        .filter(|d| d.id.starts_with("e-feed#"))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(e_ids.len(), 2);
    assert_eq!(
        described,
        [
            "doc a-note".to_owned(),
            "doc b-page".to_owned(),
            "doc c-page".to_owned(),
            "doc d1".to_owned(),
            format!(
                "failed {}:2: malformed JSON line: expected ident (column 2)",
                place("d.jsonl")
            ),
            "doc d2".to_owned(),
            format!("doc {}", e_ids[0]),
            format!("doc {}", e_ids[1]),
            format!(
                "warning {}#item 3: skipped: feed item has no text",
                place("e-feed")
            ),
            format!("doc {}", docs(&items)[7].id),
            format!("doc {}", docs(&items)[8].id),
            "doc aaaa-1111".to_owned(),
            "doc bbbb-2222".to_owned(),
            format!(
                "warning {}: skipped: looks binary (NUL byte at byte offset 8)",
                place("h.png")
            ),
            format!("doc {}", docs(&items)[11].id),
        ]
    );
    assert!(docs(&items)[11].id.starts_with("sub/i#"));
    let counts = tally.counts();
    assert_eq!(counts.inputs_total, 9);
    assert_eq!(counts.inputs_done, 9);
    assert_eq!(counts.documents, 12);
    assert_eq!(counts.extracted, 9);
    assert_eq!(counts.failed, 1);
    assert_eq!(counts.warnings, 2);
    assert_eq!(counts.failures.get("malformed JSON line"), Some(&1));
}

#[test]
fn missing_file_fails_and_reading_goes_on() {
    let dir = scratch("missing");
    let good = write(&dir, "ok.txt", b"ok");
    let missing = dir.join("absent.txt");
    let items = read_all(vec![missing.clone(), good]);
    assert_eq!(
        describe(&items),
        [
            format!("failed {}: no such file", missing.display()),
            "doc ok".to_owned()
        ]
    );
}

#[test]
fn explicit_binary_file_is_still_analyzed_as_text_with_a_warning() {
    let dir = scratch("binary");
    let file = write(&dir, "blob.bin", b"\0\x01said");
    let items = read_all(vec![file.clone()]);
    assert_eq!(
        describe(&items)[0],
        format!(
            "warning {}: looks binary (NUL byte at byte offset 0); analyzing it as text",
            file.display()
        )
    );
    assert_eq!(docs(&items).len(), 1);
}

#[test]
fn forced_format_overrides_sniffing() {
    let page = article_html("Forced");
    let items: Vec<Item> = read_stream(
        "x.html",
        std::io::Cursor::new(page.clone()),
        InputFormat::Text,
        &Options::default(),
    )
    .collect();
    assert_eq!(docs(&items)[0].text, page);
}

#[test]
fn oversized_warc_records_fail_only_when_they_are_pages() {
    let big = vec![b'x'; 200_000];
    let records = [
        warc_record(
            "response",
            "big-image",
            "https://gazette.example/a.jpg",
            "application/http; msgtype=response",
            &http_response("200 OK", "image/jpeg", &big),
        ),
        warc_record(
            "response",
            "big-page",
            "https://gazette.example/big",
            "application/http; msgtype=response",
            &http_response("200 OK", "text/html", &big),
        ),
        page_record("small", "https://gazette.example/small", "Small"),
    ];
    let options = Options {
        max_bytes: 100_000,
        ..Options::default()
    };
    let items: Vec<Item> = read_stream(
        "big.warc",
        std::io::Cursor::new(records.concat()),
        InputFormat::Auto,
        &options,
    )
    .collect();
    assert_eq!(
        describe(&items),
        [
            "failed big.warc#record 2: too large: 200068 bytes, over the 100000-byte limit",
            "doc small"
        ]
    );
}
