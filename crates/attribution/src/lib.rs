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
//!    fullest name the document gives, with role and affiliation.

mod marks;
mod rules;
mod speakers;
mod words;

use claimgraph_core::layers::Quote;
use claimgraph_core::Analysis;
use claimgraph_lexicon::Lexicon;
use claimgraph_tagger::{CueTagger, TagInput};

pub use marks::{quoted_regions, QuotedRegion};

/// Finds attributions in analyzed text. Built once; read-only and shareable across threads.
#[derive(Debug)]
pub struct Attributor {
    lexicon: Lexicon,
    tagger: CueTagger,
}

impl Default for Attributor {
    fn default() -> Self {
        Attributor::shipped()
    }
}

impl Attributor {
    /// The shipped lexicon and cue tagger. A corrupt tagger model (which the tagger's tests rule
    /// out) leaves the rules working on the lexicon alone.
    pub fn shipped() -> Self {
        Attributor {
            lexicon: Lexicon::shipped(),
            tagger: CueTagger::shipped().unwrap_or_default(),
        }
    }

    /// The same attributor with another cue tagger (to evaluate retrained models).
    pub fn with_tagger(self, tagger: CueTagger) -> Self {
        Attributor { tagger, ..self }
    }

    /// Attributions of `text`, whose paragraphs, tokens, sentences and entities are in `analysis`.
    pub fn attribute(&self, text: &str, analysis: &Analysis) -> Vec<Quote> {
        let words = words::Words::new(text, &analysis.tokens);
        let regions = quoted_regions(text, &analysis.paragraphs, &analysis.tokens);
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
            lexicon: &self.lexicon,
            tagged: &tagged,
        };
        let found = context.find();
        speakers::resolve(&context, found)
    }
}
