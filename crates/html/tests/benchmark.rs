//! Shingle-F1 of [`claimgraph_html::extract`] on the article-extraction benchmark (181 pages).
//!
//! The data lives outside the repository (`../shared/datasets`); run with
//! `cargo test --release -p claimgraph-html --test benchmark -- --ignored --nocapture`.

use std::path::Path;
use std::time::Instant;

use claimgraph_eval::extraction::{read_extraction_benchmark, score_extraction};
use claimgraph_html::{extract, PageHint};

const BENCHMARK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/datasets/article-extraction-benchmark"
);

#[test]
#[ignore = "needs the shared datasets; slow in debug builds"]
fn article_extraction_benchmark() {
    let dir = Path::new(BENCHMARK);
    if !dir.exists() {
        eprintln!("skipping: {BENCHMARK} not found");
        return;
    }
    let pages = read_extraction_benchmark(dir).unwrap();
    assert_eq!(pages.len(), 181);
    let started = Instant::now();
    let report = score_extraction(&pages, |page| {
        let hint = PageHint {
            url: Some(&page.url),
            charset: None,
        };
        extract(&page.html, &hint)
            .map(|page| page.text)
            .unwrap_or_default()
    });
    let per_page_ms = started.elapsed().as_secs_f64() * 1000.0 / pages.len() as f64;
    println!("{}", report.to_text());
    println!("{per_page_ms:.1} ms/page (extraction and scoring)");
    assert!(report.f1 > 0.9, "{}", report.to_text());
}
