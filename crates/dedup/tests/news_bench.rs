//! Duplicate figures on news-bench (21k articles): how many exact and near duplicates, and how
//! long fingerprinting and clustering take. Ignored by default (release build wanted):
//! `cargo test --release -p claimgraph-dedup --test news_bench -- --ignored --nocapture`.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use claimgraph_dedup::{Clusters, Fingerprint, Relation};

#[test]
#[ignore = "reads ../shared/datasets/news-bench; run with --release"]
fn news_bench_duplicates() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/datasets/news-bench/articles.jsonl");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let texts: Vec<String> = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let started = Instant::now();
    let fingerprints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::of(t)).collect();
    let fingerprinted = started.elapsed();
    let started = Instant::now();
    let mut clusters = Clusters::new();
    let (mut exact, mut near) = (0, 0);
    for fingerprint in fingerprints {
        match clusters.add(fingerprint).relation {
            Relation::Exact => exact += 1,
            Relation::Near => near += 1,
            Relation::Original => {}
        }
    }
    eprintln!(
        "{} texts: {exact} exact and {near} near duplicates; fingerprints {:.2?}, clustering {:.2?}",
        texts.len(),
        fingerprinted,
        started.elapsed()
    );
    assert_eq!(clusters.len(), texts.len());
}
