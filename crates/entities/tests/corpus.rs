//! Measurements on the shared development data (ignored by default: the data lives outside the
//! repository). Run with
//! `cargo test --release -p claimgraph-entities --test corpus -- --ignored --nocapture`.

use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use std::collections::HashSet;
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

/// Rough micro-F1 on the GMB sample: exact span and type, geo+gpe merged (our GPE, LOC and NORP
/// all count as geo), per, org and tim; art, eve and nat are left out on both sides.
#[test]
#[ignore = "needs /work/shared/datasets/gmb-ner-sample"]
fn micro_f1_on_gmb_sample() {
    let Some(conll) = dataset("gmb-ner-sample/test.conll") else {
        eprintln!("gmb-ner-sample not found; skipped");
        return;
    };
    let sentences: Vec<Vec<(&str, &str)>> = conll
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter_map(|line| {
                    let mut f = line.split('\t');
                    let word = f.next()?;
                    let tag = f.nth(1)?;
                    Some((word, tag))
                })
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect();
    let recognizer = EntityRecognizer::shipped();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut titled_per = 0usize;
    let mut per_type: std::collections::BTreeMap<&str, (usize, usize, usize)> = Default::default();
    // Ten sentences make a pseudo-document, so that surnames can refer back.
    for group in sentences.chunks(10) {
        let mut text = String::new();
        let mut gold: HashSet<(usize, usize, &str)> = HashSet::new();
        for sentence in group {
            let mut open: Option<(usize, &str)> = None;
            let mut last_end = text.len();
            for (word, tag) in sentence {
                let glue = matches!(
                    *word,
                    "," | "." | ":" | ";" | "'s" | "?" | "!" | ")" | "%" | "n't"
                );
                if !text.is_empty() && !glue && !text.ends_with(['(', '$', ' ']) {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(word);
                let kind = match tag.get(2..) {
                    Some("geo" | "gpe") => Some("GEO"),
                    Some("per") => Some("PER"),
                    Some("org") => Some("ORG"),
                    Some("tim") => Some("TIM"),
                    _ => None,
                };
                let begins = tag.starts_with("B-");
                let inside = tag.starts_with("I-") && open.is_some_and(|(_, k)| Some(k) == kind);
                if !inside {
                    if let Some((s, k)) = open.take() {
                        gold.insert((s, last_end, k));
                    }
                    if begins {
                        open = kind.map(|k| (start, k));
                    }
                }
                last_end = text.len();
            }
            if let Some((s, k)) = open.take() {
                gold.insert((s, last_end, k));
            }
            text.push(' ');
        }
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&text, &mut analysis);
        let predicted: HashSet<(usize, usize, &str)> = recognizer
            .recognize(&text, &analysis)
            .iter()
            .filter_map(|e| {
                let kind = match e.label.as_str() {
                    "GPE" | "LOC" | "NORP" => "GEO",
                    "PERSON" => "PER",
                    "ORG" => "ORG",
                    "DATE" => "TIM",
                    _ => return None,
                };
                Some((e.span.start, e.span.end, kind))
            })
            .collect();
        for p in &predicted {
            let entry = per_type.entry(p.2).or_default();
            // GMB puts titles inside person spans ("President Mahmoud Abbas"); we leave them out.
            let titled =
                p.2 == "PER" && gold.iter().any(|g| g.2 == "PER" && g.1 == p.1 && g.0 < p.0);
            if titled {
                titled_per += 1;
            }
            if gold.contains(p) {
                tp += 1;
                entry.0 += 1;
            } else {
                fp += 1;
                entry.1 += 1;
            }
        }
        if std::env::var("GMB_DUMP").is_ok() {
            for p in predicted.difference(&gold) {
                eprintln!("FP {} {:?}", p.2, text.get(p.0..p.1));
            }
            for g in gold.difference(&predicted) {
                eprintln!("FN {} {:?}", g.2, text.get(g.0..g.1));
            }
        }
        for g in gold.difference(&predicted) {
            fn_ += 1;
            per_type.entry(g.2).or_default().2 += 1;
        }
    }
    let f1 = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    eprintln!(
        "micro-F1 {:.3} (tp {tp}, fp {fp}, fn {fn_})",
        f1(tp, fp, fn_)
    );
    eprintln!(
        "micro-F1 {:.3} counting {titled_per} persons that match but for GMB's titles",
        f1(tp + titled_per, fp - titled_per, fn_ - titled_per)
    );
    for (kind, (tp, fp, fn_)) in per_type {
        eprintln!(
            "  {kind}: F1 {:.3} (tp {tp}, fp {fp}, fn {fn_})",
            f1(tp, fp, fn_)
        );
    }
}
