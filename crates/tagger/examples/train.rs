//! Trains the cue tagger on PolNeAR and writes the weights file.
//!
//! Usage: `train TRAIN.jsonl OUT.bin [--holdout] [--fold K --folds N] [--threshold P] [--veto P]`. With
//! `--holdout` the 10% of articles `is_holdout_article` selects are left out of training and scored
//! per threshold. With `--fold K --folds N` the articles of fold K (`article_fold`) are left out,
//! for the cross-fitted taggers the quote confidence model learns from.

use claimgraph_core::layers::Token;
use claimgraph_core::Analysis;
use claimgraph_eval::{read_polnear, AnnotatorChoice, GoldDoc};
use claimgraph_lexicon::Lexicon;
use claimgraph_tagger::train::{examples, fit, Options, VocabularyCounter};
use claimgraph_tagger::{article_fold, is_holdout_article, normalize_word, CueTagger, TagInput};
use std::path::PathBuf;
use std::time::Instant;

struct Prepared {
    text: String,
    analysis: Analysis,
    words: Vec<String>,
    sentences: Vec<(usize, usize)>,
    cue: Vec<bool>,
}

impl Prepared {
    fn new(doc: &GoldDoc) -> Prepared {
        let text = doc.text.clone();
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&text, &mut analysis);
        let words = analysis
            .tokens
            .iter()
            .map(|t| normalize_word(t.span.text(&text)))
            .collect();
        let sentences = analysis.sentences.iter().map(|s| s.tokens).collect();
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
        let cues: Vec<(usize, usize)> = doc
            .attributions
            .iter()
            .flat_map(|a| a.cues.iter().map(|c| (byte(c.start), byte(c.end))))
            .collect();
        let cue = analysis
            .tokens
            .iter()
            .map(|t: &Token| {
                cues.iter()
                    .any(|&(s, e)| t.span.start < e && s < t.span.end)
            })
            .collect();
        Prepared {
            text,
            analysis,
            words,
            sentences,
            cue,
        }
    }

    fn with_input<R>(&self, f: impl FnOnce(&TagInput, &[bool]) -> R) -> R {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let input = TagInput {
            text: &self.text,
            tokens: &self.analysis.tokens,
            words: &words,
            sentences: &self.sentences,
        };
        f(&input, &self.cue)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(train), Some(out)) = (positional.first(), positional.get(1)) else {
        eprintln!("usage: train TRAIN.jsonl OUT.bin [--holdout] [--threshold P] [--veto P]");
        std::process::exit(2);
    };
    let holdout = args.iter().any(|a| a == "--holdout");
    let number = |flag: &str| -> Result<Option<u64>, Box<dyn std::error::Error>> {
        match args.iter().position(|a| a == flag) {
            Some(at) => Ok(Some(args.get(at + 1).ok_or("a value is missing")?.parse()?)),
            None => Ok(None),
        }
    };
    let fold = match (number("--fold")?, number("--folds")?) {
        (Some(k), Some(n)) if k < n => Some((k, n)),
        (None, None) => None,
        _ => return Err("--fold K needs --folds N with K < N".into()),
    };
    let mut options = Options::default();
    if let Some(t) = args.iter().position(|a| a == "--threshold") {
        options.threshold = args
            .get(t + 1)
            .ok_or("--threshold needs a value")?
            .parse()?;
    }
    if let Some(t) = args.iter().position(|a| a == "--veto") {
        options.veto = args.get(t + 1).ok_or("--veto needs a value")?.parse()?;
    }
    if let Some(t) = args.iter().position(|a| a == "--min-positive") {
        options.min_positive = args
            .get(t + 1)
            .ok_or("--min-positive needs a value")?
            .parse()?;
    }
    if let Some(t) = args.iter().position(|a| a == "--min-rate") {
        options.min_rate = args.get(t + 1).ok_or("--min-rate needs a value")?.parse()?;
    }
    let started = Instant::now();
    let docs = AnnotatorChoice::All.select(read_polnear(&PathBuf::from(train))?);
    let (held, used): (Vec<GoldDoc>, Vec<GoldDoc>) = docs.into_iter().partition(|d| {
        holdout && is_holdout_article(&d.article)
            || fold.is_some_and(|(k, n)| article_fold(&d.article, n) == k)
    });
    let used: Vec<Prepared> = used.iter().map(Prepared::new).collect();
    let lexicon = Lexicon::shipped();
    let mut counter = VocabularyCounter::default();
    for doc in &used {
        doc.with_input(|input, cue| counter.add(input, cue));
    }
    let vocabulary = counter.vocabulary(&options);
    let mut all = Vec::new();
    for doc in &used {
        doc.with_input(|input, cue| examples(input, &lexicon, &vocabulary, cue, &mut all));
    }
    let positives = all.iter().filter(|e| e.cue).count();
    eprintln!(
        "{} documents, vocabulary {}, {} examples ({} cue)",
        used.len(),
        vocabulary.len(),
        all.len(),
        positives
    );
    let tagger = fit(&all, vocabulary, &options);
    let bytes = tagger.to_bytes();
    std::fs::write(out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out,
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    if holdout {
        report(&tagger, &held, &lexicon);
    }
    Ok(())
}

/// Token-level precision/recall on the held-out articles, per threshold, and how many gold cue
/// tokens the lexicon misses that the proposals recover.
fn report(tagger: &CueTagger, held: &[GoldDoc], lexicon: &Lexicon) {
    let held: Vec<Prepared> = held.iter().map(Prepared::new).collect();
    eprintln!("held out: {} documents", held.len());
    for threshold in [0.3f32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let tagger = tagger.clone().with_threshold(threshold);
        let (mut tp, mut fp, mut gold) = (0usize, 0usize, 0usize);
        let (mut proposed, mut proposed_hit, mut gold_unknown) = (0usize, 0usize, 0usize);
        for doc in &held {
            doc.with_input(|input, cue| {
                let p = tagger.probabilities(input, lexicon);
                for (i, &is_cue) in cue.iter().enumerate() {
                    let yes = p.get(i).is_some_and(|&p| p >= threshold);
                    gold += usize::from(is_cue);
                    tp += usize::from(yes && is_cue);
                    fp += usize::from(yes && !is_cue);
                    let known = lexicon
                        .cue_at(input.words.get(i..i + 1).unwrap_or(&[]))
                        .is_some();
                    gold_unknown += usize::from(is_cue && !known);
                }
                for (s, e) in tagger.tag(input, lexicon).proposed {
                    proposed += 1;
                    proposed_hit += usize::from((s..e).any(|i| cue.get(i) == Some(&true)));
                }
            });
        }
        eprintln!(
            "threshold {threshold:.1}: token P {:.3} R {:.3} | proposals {proposed}, {proposed_hit} on gold cues ({gold_unknown} gold cue tokens unknown to the lexicon)",
            tp as f64 / (tp + fp).max(1) as f64,
            tp as f64 / gold.max(1) as f64,
        );
    }
}
