//! Throughput measurement on the news benchmark; run with
//! `cargo test --release -p claimgraph-text --test speed -- --ignored --nocapture`.
//! It prints numbers and asserts nothing about time.

use claimgraph_core::Analysis;
use claimgraph_text::segment;
use std::path::PathBuf;
use std::time::Instant;

fn datasets() -> PathBuf {
    std::env::var_os("CLAIMGRAPH_DATASETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets")
        })
}

fn measure(label: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let mut tokens = 0;
    let mut sentences = 0;
    let started = Instant::now();
    for text in texts {
        let mut analysis = Analysis::default();
        segment(text, &mut analysis);
        tokens += analysis.tokens.len();
        sentences += analysis.sentences.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{label}: {:.1} MB, {words} words, {tokens} tokens, {sentences} sentences in {seconds:.3} s: \
         {:.2} M words/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        words as f64 / seconds / 1e6,
        bytes as f64 / seconds / 1e6,
    );
}

#[test]
#[ignore = "measurement; needs the shared datasets and a release build"]
fn news_bench_throughput() {
    let path = datasets().join("news-bench/articles.jsonl");
    let data = std::fs::read_to_string(&path).unwrap();
    let texts: Vec<String> = data
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["text"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    measure("news-bench", &texts);
    // The same text as one 50 MB line: no paragraph breaks, one huge paragraph.
    let mut line = String::with_capacity(50_000_000);
    'fill: loop {
        for text in &texts {
            for part in text.split(['\n', '\r']) {
                line.push_str(part);
                line.push(' ');
                if line.len() >= 50_000_000 {
                    break 'fill;
                }
            }
        }
    }
    measure("one 50 MB line", &[line]);
}
