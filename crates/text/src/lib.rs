//! Segmentation: paragraphs, tokens and sentences, each as byte spans into the original text.
//!
//! [`segment`] fills the first three layers of an [`Analysis`]; the helpers below let later
//! analyzers look at token text without allocating.

mod chars;
mod lists;
mod paragraphs;
mod sentences;
mod tokens;
mod words;

pub use chars::is_quote_char;
pub use paragraphs::paragraphs;
pub use sentences::sentences;
pub use tokens::tokenize;
pub use words::{
    eq_lower, is_capitalized, lowercase_into, sentence_of_token, token_text, tokens_within,
};

use claimgraph_core::Analysis;

/// Fills the paragraph, token and sentence layers of `analysis`.
pub fn segment(text: &str, analysis: &mut Analysis) {
    analysis.paragraphs = paragraphs(text);
    analysis.tokens = tokenize(text);
    analysis.sentences = sentences(text, &analysis.paragraphs, &analysis.tokens);
}
