//! Training: averaged logistic regression by SGD over the candidate tokens of gold documents.
//! Pure computation; the `train` example reads the data and writes the weights.

use crate::features::{features, word_key};
use crate::model::{KeyMap, KeySet, Weights};
use crate::{for_each_candidate, word_keys, CueTagger, TagInput};
use claimgraph_core::layers::TokenKind;
use claimgraph_lexicon::Lexicon;
use std::collections::BTreeMap;

/// Training settings; [`Options::default`] is what the shipped model used.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub epochs: usize,
    /// A word joins the vocabulary after this many cue occurrences...
    pub min_positive: u32,
    /// ...and when at least this share of its occurrences are cues.
    pub min_rate: f32,
    /// Features seen fewer times are dropped from the model.
    pub min_feature_count: u32,
    pub learning_rate: f32,
    pub threshold: f32,
    pub veto: f32,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs: 8,
            min_positive: 3,
            min_rate: 0.03,
            min_feature_count: 2,
            learning_rate: 0.1,
            threshold: 0.5,
            veto: 0.05,
            seed: 0x5eed,
        }
    }
}

/// One candidate: its features and whether gold marks it positive (for the cue tagger: the
/// token is (part of) a cue).
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<u64>,
    pub cue: bool,
}

/// Counts, per word, how often it occurs and how often it is a cue.
#[derive(Debug, Default)]
pub struct VocabularyCounter {
    counts: BTreeMap<String, (u32, u32)>,
}

impl VocabularyCounter {
    /// Adds a document; `cue[i]` says whether token `i` is in a gold cue.
    pub fn add(&mut self, input: &TagInput, cue: &[bool]) {
        for (index, token) in input.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = input.words.get(index).copied().unwrap_or("");
            let entry = self.counts.entry(word.to_string()).or_default();
            entry.0 += 1;
            if cue.get(index).copied().unwrap_or(false) {
                entry.1 += 1;
            }
        }
    }

    /// The candidate vocabulary under `options`.
    pub fn vocabulary(&self, options: &Options) -> KeySet {
        self.counts
            .iter()
            .filter(|(_, &(total, cue))| {
                cue >= options.min_positive && cue as f32 >= options.min_rate * total as f32
            })
            .map(|(word, _)| word_key(word))
            .collect()
    }
}

/// The training examples of one document under `vocabulary`.
pub fn examples(
    input: &TagInput,
    lexicon: &Lexicon,
    vocabulary: &KeySet,
    cue: &[bool],
    out: &mut Vec<Example>,
) {
    let weights = Weights {
        vocabulary: vocabulary.clone(),
        ..Weights::default()
    };
    let mut buffer = Vec::new();
    let keys = word_keys(input);
    for_each_candidate(input, &keys, &weights, |sentence, index, in_quote| {
        features(
            input,
            &keys,
            lexicon,
            sentence,
            index,
            in_quote,
            &mut buffer,
        );
        out.push(Example {
            features: buffer.clone(),
            cue: cue.get(index).copied().unwrap_or(false),
        });
    });
}

/// A small deterministic generator for the per-epoch shuffle.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Fits the cue model on examples of the candidate `vocabulary`.
pub fn fit(examples: &[Example], vocabulary: KeySet, options: &Options) -> CueTagger {
    CueTagger {
        weights: Weights {
            threshold: options.threshold,
            veto: options.veto,
            vocabulary,
            weights: fit_weights(examples, options),
        },
    }
}

/// Averaged SGD on the logistic loss, then drops rare and near-zero features.
pub(crate) fn fit_weights(examples: &[Example], options: &Options) -> KeyMap<f32> {
    let mut counts: KeyMap<u32> = KeyMap::default();
    for example in examples {
        for &f in &example.features {
            *counts.entry(f).or_default() += 1;
        }
    }
    let mut weights: KeyMap<f64> = KeyMap::default();
    let mut averaged: KeyMap<f64> = KeyMap::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut random = SplitMix(options.seed);
    let mut step = 1.0f64;
    let rate = f64::from(options.learning_rate);
    for _ in 0..options.epochs {
        for i in (1..order.len()).rev() {
            let j = (random.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &index in &order {
            let Some(example) = examples.get(index) else {
                continue;
            };
            let score: f64 = example.features.iter().filter_map(|f| weights.get(f)).sum();
            let probability = 1.0 / (1.0 + (-score).exp());
            let gradient = f64::from(u8::from(example.cue)) - probability;
            if gradient.abs() > 1e-6 {
                for &f in &example.features {
                    *weights.entry(f).or_default() += rate * gradient;
                    *averaged.entry(f).or_default() += step * rate * gradient;
                }
            }
            step += 1.0;
        }
    }
    let mut kept = KeyMap::default();
    for (&feature, &weight) in &weights {
        let mean = weight - averaged.get(&feature).copied().unwrap_or(0.0) / step;
        let frequent = counts.get(&feature).copied().unwrap_or(0) >= options.min_feature_count;
        if frequent && mean.abs() >= 1e-3 {
            kept.insert(feature, mean as f32);
        }
    }
    kept
}
