//! A learned cue tagger: for each word that was an attribution cue often enough in PolNeAR
//! `train.jsonl`, a logistic model over its context says whether this occurrence is a cue
//! ("Republicans **choose** to not believe …", "**endorsed**", "**opposed**"). The attribution
//! rules treat confident proposals the lexicon does not know as extra cues.
//!
//! The weights are compiled in (`data/cue-model.bin`, read with `include_bytes!`); tagging does
//! no I/O and is deterministic. Only words in the model's candidate vocabulary are scored, so
//! the cost is one hash probe per token plus ~23 feature look-ups per candidate.
//!
//! # Retraining
//!
//! ```sh
//! cargo run --release -p claimgraph-tagger --example train -- \
//!     ../shared/datasets/polnear/train.jsonl crates/tagger/data/cue-model.bin
//! ```
//!
//! Training is deterministic (file order, fixed-seed shuffle) and takes a few seconds. With
//! `--holdout` it trains on the 90% of train articles that [`is_holdout_article`] leaves out
//! and prints token-level precision/recall per threshold on the other 10%, which is where the
//! thresholds (`--threshold` for proposals, 0.5; `--veto` for doubting lexicon cues, 0.05; both
//! stored in the model) were chosen. `dev.jsonl` is never used. Training reads every annotator's
//! annotation of an article.

mod classifier;
mod features;
mod model;
pub mod train;

pub use classifier::{feature, Classifier};
pub use features::{normalize_word, TagInput};
pub use model::ModelError;

use claimgraph_core::layers::TokenKind;
use claimgraph_lexicon::Lexicon;
use features::{features, word_key};
use model::Weights;

static SHIPPED: &[u8] = include_bytes!("../data/cue-model.bin");

/// What [`CueTagger::tag`] found in a document, as token indexes in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Cues the lexicon misses: maximal runs of tokens (start, end) at or above the threshold in
    /// which no token starts a lexicon cue.
    pub proposed: Vec<(usize, usize)>,
    /// Tokens that start lexicon cues but whose probability is below the veto threshold.
    pub doubted: Vec<usize>,
}

/// The cue tagger: read-only after loading, shareable across threads.
#[derive(Debug, Clone, Default)]
pub struct CueTagger {
    weights: Weights,
}

/// Whether a PolNeAR article belongs to the 10% of `train.jsonl` held out for choosing
/// thresholds (a hash of its name, so the split is stable).
pub fn is_holdout_article(article: &str) -> bool {
    features::hash_parts(0x40, &[article]).is_multiple_of(10)
}

/// Which of `folds` cross-fitting folds a PolNeAR article belongs to (a hash of its name,
/// independent of the hold-out split): models that learn from the cue tagger's output use
/// taggers that never saw the article.
pub fn article_fold(article: &str, folds: u64) -> u64 {
    features::hash_parts(0x41, &[article]) % folds.max(1)
}

impl CueTagger {
    /// The compiled-in model. An error means the shipped file is corrupt (a test guards it).
    pub fn shipped() -> Result<CueTagger, ModelError> {
        CueTagger::from_bytes(SHIPPED)
    }

    /// A model from bytes written by [`CueTagger::to_bytes`]; never panics on bad input.
    pub fn from_bytes(bytes: &[u8]) -> Result<CueTagger, ModelError> {
        Weights::from_bytes(bytes).map(|weights| CueTagger { weights })
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// The probability above which a token is proposed as (part of) a cue.
    pub fn threshold(&self) -> f32 {
        self.weights.threshold
    }

    /// The same model with another decision threshold.
    pub fn with_threshold(mut self, threshold: f32) -> CueTagger {
        self.weights.threshold = threshold;
        self
    }

    /// Per token, the probability that it belongs to a cue; 0 for words outside the vocabulary.
    pub fn probabilities(&self, input: &TagInput, lexicon: &Lexicon) -> Vec<f32> {
        let mut out = vec![0.0; input.tokens.len()];
        let mut buffer = Vec::with_capacity(32);
        let keys = word_keys(input);
        for_each_candidate(input, &keys, &self.weights, |sentence, index, in_quote| {
            features(
                input,
                &keys,
                lexicon,
                sentence,
                index,
                in_quote,
                &mut buffer,
            );
            if let Some(slot) = out.get_mut(index) {
                *slot = self.probability(&buffer);
            }
        });
        out
    }

    /// The same model with another veto threshold (0 vetoes nothing).
    pub fn with_veto(mut self, veto: f32) -> CueTagger {
        self.weights.veto = veto;
        self
    }

    /// Proposed cues the lexicon misses, and lexicon cues the model doubts.
    pub fn tag(&self, input: &TagInput, lexicon: &Lexicon) -> Tagged {
        let mut tagged = Tagged::default();
        let mut buffer = Vec::with_capacity(32);
        let mut spoiled = Vec::new();
        let keys = word_keys(input);
        for_each_candidate(input, &keys, &self.weights, |sentence, index, in_quote| {
            let known = features(
                input,
                &keys,
                lexicon,
                sentence,
                index,
                in_quote,
                &mut buffer,
            );
            let probability = self.probability(&buffer);
            if known && probability < self.weights.veto {
                tagged.doubted.push(index);
            }
            if probability < self.weights.threshold {
                return;
            }
            let runs = &mut tagged.proposed;
            match runs.last_mut() {
                Some(run) if run.1 == index => run.1 = index + 1,
                _ => runs.push((index, index + 1)),
            }
            if known {
                spoiled.push(runs.len() - 1);
            }
        });
        // `spoiled` was filled in run order, so it is sorted: a binary search keeps this linear
        // overall where `contains` made long documents quadratic.
        let mut run = 0;
        tagged.proposed.retain(|_| {
            run += 1;
            spoiled.binary_search(&(run - 1)).is_err()
        });
        tagged
    }

    fn probability(&self, features: &[u64]) -> f32 {
        self.weights.probability(features)
    }
}

/// The [`word_key`] of every token.
fn word_keys(input: &TagInput) -> Vec<u64> {
    (0..input.tokens.len())
        .map(|i| word_key(input.words.get(i).copied().unwrap_or("")))
        .collect()
}

/// Calls `visit(sentence, index, in_quote)` for every word token whose word is in the
/// vocabulary, in document order; `keys` are the tokens' [`word_key`]s.
fn for_each_candidate(
    input: &TagInput,
    keys: &[u64],
    weights: &Weights,
    mut visit: impl FnMut((usize, usize), usize, bool),
) {
    for &(start, end) in input.sentences {
        let mut in_quote = false;
        for index in start..end.min(input.tokens.len()) {
            let Some(token) = input.tokens.get(index) else {
                break;
            };
            match token.kind {
                TokenKind::Quote => in_quote = !in_quote,
                TokenKind::Word
                    if keys
                        .get(index)
                        .is_some_and(|k| weights.vocabulary.contains(k)) =>
                {
                    visit((start, end), index, in_quote);
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_loads() {
        let tagger = CueTagger::shipped().unwrap();
        assert!(tagger.threshold() > 0.0 && tagger.threshold() < 1.0);
    }

    #[test]
    fn corrupt_model_is_an_error() {
        let mut bytes = CueTagger::shipped().unwrap().to_bytes();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x01;
        assert!(CueTagger::from_bytes(&bytes).is_err());
        assert!(CueTagger::from_bytes(&[]).is_err());
    }

    #[test]
    fn proposes_a_cue_the_lexicon_lacks_and_stays_small() {
        assert!(SHIPPED.len() < 3 << 20);
        let text = "The mayor touted the new bus lanes as a success.";
        let mut analysis = claimgraph_core::Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        let owned: Vec<String> = analysis
            .tokens
            .iter()
            .map(|t| normalize_word(t.span.text(text)))
            .collect();
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let sentences: Vec<(usize, usize)> = analysis.sentences.iter().map(|s| s.tokens).collect();
        let input = TagInput {
            text,
            tokens: &analysis.tokens,
            words: &words,
            sentences: &sentences,
        };
        let tagged = CueTagger::shipped()
            .unwrap()
            .tag(&input, &Lexicon::shipped());
        assert_eq!(tagged.proposed, vec![(2, 3)]);
    }

    #[test]
    fn holdout_is_about_a_tenth() {
        let held = (0..1000)
            .filter(|i| is_holdout_article(&format!("article-{i}")))
            .count();
        assert!((60..140).contains(&held), "{held}");
    }
}
