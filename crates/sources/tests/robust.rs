//! No input makes a reader panic: arbitrary bytes through every format, and WARC/JSONL shapes
//! mutated around valid records.

mod common;

use std::io::Cursor;

use claimgraph_sources::{read_stream, InputFormat, Item, Options};
use common::*;
use proptest::prelude::*;

fn read(name: &str, bytes: Vec<u8>, format: InputFormat) -> Vec<Item> {
    let options = Options {
        max_bytes: 1 << 16,
        ..Options::default()
    };
    read_stream(name, Cursor::new(bytes), format, &options).collect()
}

const FORMATS: [InputFormat; 6] = [
    InputFormat::Auto,
    InputFormat::Text,
    InputFormat::Jsonl,
    InputFormat::Html,
    InputFormat::Feed,
    InputFormat::Warc,
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), format in 0usize..6) {
        let _ = read("x", bytes, FORMATS[format]);
    }

    #[test]
    fn jsonl_shaped_lines_never_panic(lines in proptest::collection::vec("[{}\":,a-z0-9 \\[\\]\u{e9}]{0,40}", 0..20)) {
        let bytes = lines.join("\n").into_bytes();
        let items = read("x.jsonl", bytes, InputFormat::Auto);
        prop_assert!(items.len() <= 20);
    }

    #[test]
    fn damaged_warc_never_panics(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = [
            page_record("p1", "https://gazette.example/1", "One"),
            page_record("p2", "https://gazette.example/2", "Two"),
        ].concat();
        if let Some(b) = bytes.get_mut(flip) {
            *b = byte;
        }
        bytes.truncate(cut.max(1) * 2);
        let _ = read("x.warc", bytes.clone(), InputFormat::Auto);
        let _ = read("x.warc.gz", gzip(&bytes), InputFormat::Auto);
    }

    #[test]
    fn damaged_gzip_never_panics(cut in 0usize..2000, flip in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = gzip(rss("Gazette").as_bytes());
        if let Some(b) = bytes.get_mut(flip) {
            *b = byte;
        }
        bytes.truncate(cut);
        let _ = read("x.rss.gz", bytes, InputFormat::Auto);
    }
}
