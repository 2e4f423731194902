//! Scores attribution against PolNeAR gold, optionally with another cue-tagger model, and times
//! the analysis over a JSONL corpus: for choosing tagger thresholds on held-out train articles.
//!
//! Usage: `score GOLD.jsonl [--model FILE] [--threshold P] [--veto P] [--no-tagger] [--no-scorer]
//! [--holdout|--not-holdout] [--bench ARTICLES.jsonl]`.

use claimgraph_attribution::Attributor;
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use claimgraph_eval::{predictions_from_quotes, read_polnear, score_attribution, AnnotatorChoice};
use claimgraph_tagger::CueTagger;
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

#[path = "support/args.rs"]
mod args;
#[path = "support/holdout.rs"]
mod holdout;

use args::Args;

/// Flags followed by a value.
const VALUED: &[&str] = &["--model", "--threshold", "--veto", "--bench"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let value = |flag: &str| args.value(flag);
    let has = |flag: &str| args.has(flag);
    let Some(gold) = args.positional(VALUED).first().copied() else {
        eprintln!("usage: score GOLD.jsonl [--model FILE] [--threshold P] [--veto P] [--no-tagger] [--no-scorer] [--holdout|--not-holdout] [--bench FILE]");
        std::process::exit(2);
    };
    let mut tagger = match value("--model") {
        Some(path) => CueTagger::from_bytes(&std::fs::read(path)?)?,
        None if has("--no-tagger") => CueTagger::default(),
        None => CueTagger::shipped()?,
    };
    if let Some(threshold) = value("--threshold") {
        tagger = tagger.with_threshold(threshold.parse()?);
    }
    if let Some(veto) = value("--veto") {
        tagger = tagger.with_veto(veto.parse()?);
    }
    if has("--no-tagger") {
        tagger = CueTagger::default().with_threshold(2.0);
    }
    let mut attributor = Attributor::shipped().with_tagger(tagger);
    if has("--no-scorer") {
        attributor = attributor.with_scorer(None);
    }
    let recognizer = EntityRecognizer::shipped();
    let analyze = |text: &str| {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        analysis.entities = recognizer.recognize(text, &analysis);
        let quotes = attributor.attribute(text, &analysis);
        (analysis, quotes)
    };
    let mut docs = AnnotatorChoice::First.select(read_polnear(&PathBuf::from(gold))?);
    holdout::select(&args, &mut docs);
    let predictions: Vec<_> = docs
        .iter()
        .map(|d| predictions_from_quotes(&analyze(&d.text).1, &d.text))
        .collect();
    let report = score_attribution(docs.iter().zip(predictions));
    println!("{}", report.to_text());
    if let Some(bench) = value("--bench") {
        let texts: Vec<String> = std::io::BufReader::new(std::fs::File::open(bench)?)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect();
        let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        let started = Instant::now();
        let quotes: usize = texts.iter().map(|t| analyze(t).1.len()).sum();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "bench: {} texts, {words} words, {quotes} quotes, {seconds:.2} s, {:.0} words/s (segment + entities + attribution)",
            texts.len(),
            words as f64 / seconds
        );
    }
    Ok(())
}
