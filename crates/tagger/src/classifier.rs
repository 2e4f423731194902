//! A general binary classifier over hashed features, in the cue tagger's file format and
//! trained by the same averaged logistic regression: other analyzers (the quote confidence
//! model) describe their candidates as feature keys made with [`feature`] and ask for a
//! probability.

use crate::features::hash_parts;
use crate::model::{KeySet, ModelError, Weights};
use crate::train::{fit_weights, Example, Options};

/// A feature key: a template number and the strings it reads.
pub fn feature(template: u8, parts: &[&str]) -> u64 {
    hash_parts(template, parts)
}

/// A trained classifier: read-only, shareable across threads.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    weights: Weights,
}

impl Classifier {
    /// A model from bytes written by [`Classifier::to_bytes`]; never panics on bad input.
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ModelError> {
        Weights::from_bytes(bytes).map(|weights| Classifier { weights })
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.weights.to_bytes()
    }

    /// Fits a classifier to labelled examples; `options.threshold` becomes its decision
    /// threshold (the vocabulary options do not apply).
    pub fn fit(examples: &[Example], options: &Options) -> Classifier {
        Classifier {
            weights: Weights {
                threshold: options.threshold,
                veto: 0.0,
                vocabulary: KeySet::default(),
                weights: fit_weights(examples, options),
            },
        }
    }

    /// The probability that a candidate with these features is a positive.
    pub fn probability(&self, features: &[u64]) -> f32 {
        self.weights.probability(features)
    }

    /// The probability below which a candidate is rejected.
    pub fn threshold(&self) -> f32 {
        self.weights.threshold
    }

    /// The same model with another decision threshold.
    pub fn with_threshold(mut self, threshold: f32) -> Classifier {
        self.weights.threshold = threshold;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_feature_and_round_trips() {
        let yes = feature(1, &["yes"]);
        let no = feature(1, &["no"]);
        let bias = feature(0, &[]);
        let examples: Vec<Example> = (0..200)
            .map(|i| Example {
                features: vec![bias, if i % 2 == 0 { yes } else { no }],
                cue: i % 2 == 0,
            })
            .collect();
        let options = Options {
            min_feature_count: 1,
            ..Options::default()
        };
        let model = Classifier::fit(&examples, &options);
        assert!(model.probability(&[bias, yes]) > 0.9);
        assert!(model.probability(&[bias, no]) < 0.1);
        let back = Classifier::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back.to_bytes(), model.to_bytes());
        assert!(Classifier::from_bytes(b"garbage").is_err());
    }
}
