//! Trains the quote confidence model on PolNeAR train and writes its weights.
//!
//! Usage: `train_confidence TRAIN.jsonl OUT.bin [--holdout] [--tagger FILE | --fold-taggers DIR]
//! [--tagger-threshold P] [--threshold P] [--cross]`.
//!
//! Every attribution the rules find in a train article is an example; its label is whether the
//! one-to-one quote match at 30% content coverage pairs it with the gold of the article's first
//! annotator (the annotation `eval attribution` scores against). `--fold-taggers DIR` reads
//! `DIR/cue-0.bin` … `cue-4.bin`, cue taggers each trained without one fold of articles
//! (`claimgraph-tagger`'s `train --fold K --folds 5`), and tags every article with the one that
//! never saw it, so the model learns what tagger cues are worth on unseen text. With `--holdout`
//! the model learns from the 90% of articles `is_holdout_article` leaves out and prints
//! quote-match precision/recall/F1 per threshold on the other 10%; with `--cross` it writes
//! nothing and prints the same figures for every train article, each scored by a model trained
//! without its fold. The shipped model and its
//! threshold come from these two runs (commands in `src/confidence.rs`). Deterministic; seconds.

use claimgraph_attribution::{kept, Attributor, Candidate};
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use claimgraph_eval::{
    matched_predictions, predictions_from_quotes, read_polnear, score_attribution, AnnotatorChoice,
    GoldDoc,
};
use claimgraph_tagger::train::{Example, Options};
use claimgraph_tagger::{article_fold, is_holdout_article, Classifier, CueTagger};

/// Folds of the cross-fitted taggers `--fold-taggers` reads.
const FOLDS: u64 = 5;
use std::path::PathBuf;

#[path = "support/args.rs"]
mod args;

use args::Args;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let value = |flag: &str| args.value(flag);
    let positional = args.positional(&[
        "--tagger",
        "--threshold",
        "--tagger-threshold",
        "--fold-taggers",
    ]);
    let (Some(train), Some(out)) = (positional.first(), positional.get(1)) else {
        eprintln!("usage: train_confidence TRAIN.jsonl OUT.bin [--holdout] [--tagger FILE | --fold-taggers DIR] [--tagger-threshold P] [--threshold P]");
        std::process::exit(2);
    };
    let holdout = args.has("--holdout");
    let mut tagger = match value("--tagger") {
        Some(path) => CueTagger::from_bytes(&std::fs::read(path)?)?,
        None => CueTagger::shipped()?,
    };
    if let Some(threshold) = value("--tagger-threshold") {
        tagger = tagger.with_threshold(threshold.parse()?);
    }
    let threshold: f32 = value("--threshold").map_or(Ok(0.5), |t| t.parse())?;
    // Cross-fitted taggers (`DIR/cue-K.bin`, K < FOLDS, each trained without fold K): every
    // article is tagged by a tagger that never saw it, as unseen text will be.
    let attributors: Vec<Attributor> = match value("--fold-taggers") {
        Some(dir) => (0..FOLDS)
            .map(|k| -> Result<Attributor, Box<dyn std::error::Error>> {
                let bytes = std::fs::read(PathBuf::from(dir).join(format!("cue-{k}.bin")))?;
                Ok(Attributor::shipped()
                    .with_tagger(CueTagger::from_bytes(&bytes)?)
                    .with_scorer(None))
            })
            .collect::<Result<_, _>>()?,
        None => vec![Attributor::shipped().with_tagger(tagger).with_scorer(None)],
    };
    let recognizer = EntityRecognizer::shipped();
    let docs = AnnotatorChoice::First.select(read_polnear(&PathBuf::from(train))?);
    let (held, used): (Vec<GoldDoc>, Vec<GoldDoc>) = docs
        .into_iter()
        .partition(|d| holdout && is_holdout_article(&d.article));
    let candidates = |doc: &GoldDoc| {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&doc.text, &mut analysis);
        analysis.entities = recognizer.recognize(&doc.text, &analysis);
        let fold = article_fold(&doc.article, attributors.len() as u64) as usize;
        attributors
            .get(fold)
            .map(|a| a.candidates(&doc.text, &analysis))
            .unwrap_or_default()
    };
    let options = Options {
        epochs: 10,
        learning_rate: 0.05,
        threshold,
        ..Options::default()
    };
    if args.has("--cross") {
        cross_validate(&used, &candidates, &options);
        return Ok(());
    }
    let mut examples = Vec::new();
    for doc in &used {
        let found = candidates(doc);
        let quotes: Vec<_> = found.iter().map(|c| c.quote.clone()).collect();
        let matched = matched_predictions(doc, &predictions_from_quotes(&quotes, &doc.text), 30);
        examples.extend(found.into_iter().zip(matched).map(|(c, cue)| Example {
            features: c.features,
            cue,
        }));
    }
    let positives = examples.iter().filter(|e| e.cue).count();
    eprintln!(
        "{} articles, {} attributions ({positives} matched)",
        used.len(),
        examples.len()
    );
    let model = Classifier::fit(&examples, &options);
    std::fs::write(out, model.to_bytes())?;
    eprintln!("wrote {out}");
    if holdout {
        let found: Vec<Vec<Candidate>> = held.iter().map(candidates).collect();
        let scored: Vec<Vec<(Candidate, f32)>> = found
            .into_iter()
            .map(|found| {
                found
                    .into_iter()
                    .map(|c| {
                        let probability = model.probability(&c.features);
                        (c, probability)
                    })
                    .collect()
            })
            .collect();
        print_thresholds(&held, &scored);
    }
    Ok(())
}

/// `--cross`: five models, each trained without one fold of articles (the folds of the
/// cross-fitted taggers) and scoring that fold, so every article is scored by a model that
/// never saw it: ten times the held-out text, for comparing rule changes.
fn cross_validate(
    docs: &[GoldDoc],
    candidates: &dyn Fn(&GoldDoc) -> Vec<Candidate>,
    options: &Options,
) {
    let found: Vec<Vec<Candidate>> = docs.iter().map(candidates).collect();
    let labels: Vec<Vec<bool>> = docs
        .iter()
        .zip(&found)
        .map(|(doc, found)| {
            let quotes: Vec<_> = found.iter().map(|c| c.quote.clone()).collect();
            matched_predictions(doc, &predictions_from_quotes(&quotes, &doc.text), 30)
        })
        .collect();
    let folds: Vec<u64> = docs
        .iter()
        .map(|d| article_fold(&d.article, FOLDS))
        .collect();
    let mut scored: Vec<Vec<(Candidate, f32)>> = vec![Vec::new(); docs.len()];
    for k in 0..FOLDS {
        let examples: Vec<Example> = (0..docs.len())
            .filter(|&i| folds[i] != k)
            .flat_map(|i| {
                found[i].iter().zip(&labels[i]).map(|(c, &cue)| Example {
                    features: c.features.clone(),
                    cue,
                })
            })
            .collect();
        let model = Classifier::fit(&examples, options);
        for i in (0..docs.len()).filter(|&i| folds[i] == k) {
            scored[i] = found[i]
                .iter()
                .map(|c| (c.clone(), model.probability(&c.features)))
                .collect();
        }
    }
    print_thresholds(docs, &scored);
}

/// Quote-match precision/recall/F1 of the scored candidates of `docs` at several thresholds.
fn print_thresholds(docs: &[GoldDoc], scored: &[Vec<(Candidate, f32)>]) {
    for threshold in [0.0f32, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5] {
        let predictions = docs.iter().zip(scored).map(|(doc, scored)| {
            let kept: Vec<_> = scored
                .iter()
                .filter(|(c, p)| kept(c, *p, threshold))
                .map(|(c, _)| c.quote.clone())
                .collect();
            (doc, predictions_from_quotes(&kept, &doc.text))
        });
        let report = score_attribution(predictions);
        let f1 = |i: usize| report.quote_match.get(i).map_or(0.0, |m| m.scores.f1);
        let low = report.quote_match.first().map(|m| &m.scores);
        println!(
            "threshold {threshold:.2}: @0.3 P {:.3} R {:.3} F1 {:.3} | @0.8 F1 {:.3}",
            low.map_or(0.0, |s| s.precision),
            low.map_or(0.0, |s| s.recall),
            f1(0),
            f1(1)
        );
    }
}
