//! Measurements on the shared development data (ignored by default: the data lives outside the
//! repository). Run with
//! `cargo test --release -p claimgraph-entities --test corpus -- --ignored --nocapture`.

use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use claimgraph_eval::ner::{read_conll, score_ner, NerScheme};
use std::time::Instant;

const DATASETS: &str = "../../../shared/datasets";

fn dataset(path: &str) -> Option<String> {
    let dir = std::env::var("CLAIMGRAPH_DATASETS")
        .unwrap_or_else(|_| format!("{}/{DATASETS}", env!("CARGO_MANIFEST_DIR")));
    std::fs::read_to_string(format!("{dir}/{path}")).ok()
}

/// Words per CPU-second of segmentation plus recognition over news-bench articles.
#[test]
#[ignore = "needs /work/shared/datasets/news-bench"]
fn throughput_on_news_bench() {
    let Some(jsonl) = dataset("news-bench/articles.jsonl") else {
        eprintln!("news-bench not found; skipped");
        return;
    };
    let texts: Vec<String> = jsonl
        .lines()
        .take(5000)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let t = Instant::now();
    let recognizer = EntityRecognizer::shipped();
    eprintln!(
        "gazetteer loaded in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let (mut segment_s, mut recognize_s, mut entities) = (0.0, 0.0, 0);
    for text in &texts {
        let mut analysis = Analysis::default();
        let t0 = Instant::now();
        claimgraph_text::segment(text, &mut analysis);
        let t1 = Instant::now();
        entities += recognizer.recognize(text, &analysis).len();
        segment_s += (t1 - t0).as_secs_f64();
        recognize_s += t1.elapsed().as_secs_f64();
    }
    eprintln!(
        "{} articles, {words} words, {entities} entities: segment {:.0} words/s, recognize {:.0} \
         words/s, both {:.0} words/s",
        texts.len(),
        words as f64 / segment_s,
        words as f64 / recognize_s,
        words as f64 / (segment_s + recognize_s)
    );
}

/// Micro-F1 on the GMB sample with the `claimgraph eval ner --scheme gmb` scorer (see
/// `claimgraph_eval::ner` for the text reconstruction, label mapping and metrics).
#[test]
#[ignore = "needs /work/shared/datasets/gmb-ner-sample"]
fn micro_f1_on_gmb_sample() {
    let dir = std::env::var("CLAIMGRAPH_DATASETS")
        .unwrap_or_else(|_| format!("{}/{DATASETS}", env!("CARGO_MANIFEST_DIR")));
    let path = std::path::PathBuf::from(format!("{dir}/gmb-ner-sample/test.conll"));
    if !path.exists() {
        eprintln!("gmb-ner-sample not found; skipped");
        return;
    }
    let scheme = NerScheme::Gmb;
    let docs = read_conll(&path, scheme).unwrap();
    let recognizer = EntityRecognizer::shipped();
    let t = Instant::now();
    let report = score_ner(docs.iter().map(|doc| {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&doc.text, &mut analysis);
        let mut entities = recognizer.recognize(&doc.text, &analysis);
        // GMB tags names only.
        entities.retain(|e| !claimgraph_entities::is_nominal(&doc.text, e));
        (doc, scheme.predictions(&doc.text, &entities))
    }));
    eprintln!("{}", report.to_text());
    eprintln!("({:.2} s)", t.elapsed().as_secs_f64());
}
