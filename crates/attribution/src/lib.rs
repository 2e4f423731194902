//! Quotes and attributions: who said what, with which cue and stance.
//!
//! The analyzer works in three passes over a segmented document:
//! 1. [`marks`] pairs quotation marks into quoted regions (across paragraphs where news style does so);
//! 2. [`rules`] finds reporting cues with the shipped lexicon and, around each, the source mention
//!    and the content, by the arrangements news sentences use (`X said that …`, `“…,” X said`,
//!    `according to X, …`, `X said:` followed by a quoted paragraph, `“…” – X` headlines, floating
//!    quoted paragraphs); words the learned cue tagger ([`claimgraph_tagger`]) proposes
//!    confidently and the lexicon does not know ("choose to believe", "endorsed") are tried as cues too;
//! 3. [`speakers`] resolves each source mention (a name, a pronoun, "the spokesperson") to the
//!    fullest name the document gives, with role and affiliation;
//! 4. [`confidence`] scores each attribution with a learned model; the probability becomes its
//!    confidence, and attributions the model rejects are dropped.

mod confidence;
mod marks;
mod rules;
mod spans;
mod speakers;
mod words;

use claimgraph_core::layers::Quote;
use claimgraph_core::Analysis;
use claimgraph_lexicon::Lexicon;
use claimgraph_tagger::{Classifier, CueTagger, TagInput};

static QUOTE_MODEL: &[u8] = include_bytes!("../data/quote-model.bin");

pub use marks::{quoted_regions, QuotedRegion};

/// Finds attributions in analyzed text. Built once; read-only and shareable across threads.
#[derive(Debug)]
pub struct Attributor {
    lexicon: Lexicon,
    tagger: CueTagger,
    /// The quote confidence model; `None` keeps every attribution with the rules' own confidence.
    scorer: Option<Classifier>,
    given_names: speakers::GivenNames,
}

/// An attribution before the confidence model has judged it, with the features it judges by.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub quote: Quote,
    pub features: Vec<u64>,
    /// A neutral report not made ("did not say whether …"): it records no claim, though speaker
    /// resolution still counts its source.
    pub not_made: bool,
}

impl Default for Attributor {
    fn default() -> Self {
        Attributor::shipped()
    }
}

impl Attributor {
    /// The shipped lexicon, cue tagger and confidence model. A corrupt model file (which the
    /// tests rule out) leaves the rules working without it.
    pub fn shipped() -> Self {
        Attributor {
            lexicon: Lexicon::shipped(),
            tagger: CueTagger::shipped().unwrap_or_default(),
            scorer: shipped_scorer().ok(),
            given_names: speakers::GivenNames::shipped(),
        }
    }

    /// The same attributor with another cue tagger (to evaluate retrained models).
    pub fn with_tagger(self, tagger: CueTagger) -> Self {
        Attributor { tagger, ..self }
    }

    /// The same attributor with another confidence model, or none.
    pub fn with_scorer(self, scorer: Option<Classifier>) -> Self {
        Attributor { scorer, ..self }
    }

    /// Attributions of `text`, whose paragraphs, tokens, sentences and entities are in `analysis`.
    pub fn attribute(&self, text: &str, analysis: &Analysis) -> Vec<Quote> {
        let candidates = self.candidates(text, analysis);
        let Some(scorer) = &self.scorer else {
            return candidates.into_iter().map(|c| c.quote).collect();
        };
        candidates
            .into_iter()
            .filter_map(|mut candidate| {
                let probability = scorer.probability(&candidate.features);
                candidate.quote.confidence = probability;
                kept(&candidate, probability, scorer.threshold()).then_some(candidate.quote)
            })
            .collect()
    }

    /// Every attribution the rules find, with the rules' own confidence and the confidence
    /// model's features (for training and measuring that model).
    pub fn candidates(&self, text: &str, analysis: &Analysis) -> Vec<Candidate> {
        let words = words::Words::new(text, &analysis.tokens);
        let regions = quoted_regions(text, &analysis.paragraphs, &analysis.tokens);
        let region_reach = marks::region_reach(&regions);
        let all_words = words.slice(0, analysis.tokens.len());
        let sentences: Vec<(usize, usize)> = analysis.sentences.iter().map(|s| s.tokens).collect();
        let tagged = self.tagger.tag(
            &TagInput {
                text,
                tokens: &analysis.tokens,
                words: &all_words,
                sentences: &sentences,
            },
            &self.lexicon,
        );
        let context = rules::Context {
            text,
            analysis,
            words: &words,
            regions: &regions,
            region_reach: &region_reach,
            lexicon: &self.lexicon,
            tagged: &tagged,
            given_names: &self.given_names,
        };
        let found = context.find();
        let neighbours = confidence::Neighbours::new(&found);
        let features: Vec<Vec<u64>> = found
            .iter()
            .map(|f| confidence::found_features(&context, &neighbours, f))
            .collect();
        let not_made: Vec<bool> = found.iter().map(|f| context.is_not_made(f)).collect();
        speakers::resolve(&context, found)
            .into_iter()
            .zip(features)
            .zip(not_made)
            .map(|((quote, mut features), not_made)| {
                confidence::add_speaker_features(&context, &quote, &mut features);
                Candidate {
                    quote,
                    features,
                    not_made,
                }
            })
            .collect()
    }
}

/// Whether an attribution with this model probability stays. Words in quotation marks that the
/// rules attribute are kept whatever the model says (with its low confidence): a reader looking
/// for what someone said must find every quotation, and PolNeAR annotators skip some that are
/// plainly quotes (a quoted paragraph continuing the one before).
pub fn kept(candidate: &Candidate, probability: f32, threshold: f32) -> bool {
    use claimgraph_core::layers::{QuoteKind, Stance};
    let quote = &candidate.quote;
    if candidate.not_made {
        return false;
    }
    // A reporter's question ("Asked whether he would resign, …", "Q: …") has no source in the
    // text: it frames the answer, and the ledger has no one to credit it to.
    if quote.stance == Stance::Question && quote.sources.is_empty() {
        return false;
    }
    // A named source denying, accusing, warning or urging is what the ledger is for, however
    // short the object ("Moscow denied responsibility").
    let taking_a_side = matches!(quote.stance, Stance::Deny | Stance::Accuse)
        && quote
            .speaker
            .as_ref()
            .is_some_and(|s| s.name.starts_with(char::is_uppercase))
        && !quote.sources.is_empty();
    probability >= threshold || quote.kind == QuoteKind::Direct || taking_a_side
}

/// The compiled-in confidence model.
pub fn shipped_scorer() -> Result<Classifier, claimgraph_tagger::ModelError> {
    Classifier::from_bytes(QUOTE_MODEL)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_core::layers::QuoteKind;

    fn analysed(text: &str) -> Analysis {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        analysis
    }

    #[test]
    fn shipped_confidence_model_loads_and_stays_small() {
        let scorer = shipped_scorer().unwrap();
        assert!(scorer.threshold() > 0.0 && scorer.threshold() < 1.0);
        assert!(QUOTE_MODEL.len() < 1 << 20);
    }

    #[test]
    fn confidence_is_the_model_probability_and_rejects_are_dropped() {
        let text =
            "The mayor said the bridge would reopen in May.\n“We are not done yet,” she added.";
        let analysis = analysed(text);
        let attributor = Attributor::shipped();
        let scorer = shipped_scorer().unwrap();
        let candidates = attributor.candidates(text, &analysis);
        let kept = attributor.attribute(text, &analysis);
        let expected: Vec<f32> = candidates
            .iter()
            .map(|c| scorer.probability(&c.features))
            .filter(|&p| p >= scorer.threshold())
            .collect();
        let got: Vec<f32> = kept.iter().map(|q| q.confidence).collect();
        assert_eq!(got, expected);
        assert_eq!(kept.len(), 2, "{kept:?}");
        // Nothing passes a threshold of 1 but the quotation, which is always kept.
        let strict = Attributor::shipped().with_scorer(Some(scorer.with_threshold(1.0)));
        let left: Vec<QuoteKind> = strict
            .attribute(text, &analysis)
            .iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(left, [QuoteKind::Direct]);
    }

    #[test]
    fn a_neutral_report_not_made_is_dropped() {
        let text =
            "The HSE did not say whether it supported the plan. The firm did not specify an \
                    amount. The minister did not deny the report.";
        let analysis = analysed(text);
        let attributor = Attributor::shipped();
        let candidates = attributor.candidates(text, &analysis);
        let not_made: Vec<bool> = candidates.iter().map(|c| c.not_made).collect();
        assert_eq!(not_made, [true, false, false], "{candidates:?}");
        let kept = attributor.attribute(text, &analysis);
        let opens_whether = |q: &Quote| {
            q.contents
                .iter()
                .any(|c| c.text(text).starts_with("whether"))
        };
        assert!(!kept.iter().any(opens_whether), "{kept:?}");
    }

    #[test]
    fn a_reporters_question_without_a_source_is_dropped() {
        let text = "Asked whether he would resign, the minister said he had done nothing wrong.";
        let analysis = analysed(text);
        let attributor = Attributor::shipped();
        let questions = |quotes: &[Quote]| {
            quotes
                .iter()
                .filter(|q| q.stance == claimgraph_core::layers::Stance::Question)
                .count()
        };
        let candidates: Vec<Quote> = attributor
            .candidates(text, &analysis)
            .into_iter()
            .map(|c| c.quote)
            .collect();
        assert_eq!(questions(&candidates), 1, "{candidates:?}");
        let kept = attributor.attribute(text, &analysis);
        assert_eq!(questions(&kept), 0, "{kept:?}");
        assert_eq!(kept.len(), 1, "{kept:?}");
    }
}
