//! Arbitrary bytes read as WARC: reading must never panic and must end.
#![no_main]

use claimgraph_sources::{read_stream, InputFormat, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = Options {
        max_bytes: 1 << 20,
        ..Options::default()
    };
    let reader = std::io::Cursor::new(data.to_vec());
    for item in read_stream("fuzz", reader, InputFormat::Warc, &options) {
        drop(item);
    }
});
