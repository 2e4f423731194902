//! Segmentation: paragraphs, tokens and sentences, each as byte spans into the original text.

use claimgraph_core::layers::{Paragraph, Sentence, Token};
use claimgraph_core::Analysis;

/// Paragraphs: maximal runs of text between line breaks, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let _ = text;
    Vec::new()
}

/// Tokens of the whole text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let _ = text;
    Vec::new()
}

/// Sentences; never cross a paragraph boundary.
pub fn sentences(text: &str, paragraphs: &[Paragraph], tokens: &[Token]) -> Vec<Sentence> {
    let _ = (text, paragraphs, tokens);
    Vec::new()
}

/// Fills the paragraph, token and sentence layers of `analysis`.
pub fn segment(text: &str, analysis: &mut Analysis) {
    analysis.paragraphs = paragraphs(text);
    analysis.tokens = tokenize(text);
    analysis.sentences = sentences(text, &analysis.paragraphs, &analysis.tokens);
}
