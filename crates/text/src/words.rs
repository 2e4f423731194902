//! Allocation-free helpers for reading tokens: their text, case, and where they sit.

use claimgraph_core::layers::{Sentence, Token};
use claimgraph_core::Span;

/// The text of a token (`""` if the token does not belong to `text`).
#[inline]
pub fn token_text<'t>(text: &'t str, token: &Token) -> &'t str {
    token.span.text(text)
}

/// Whether the word starts with an uppercase letter ("Kyiv", "NATO", "U.S.").
#[inline]
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Folds a char for comparison: lowercase, with the typographic apostrophe as a straight one.
#[inline]
fn fold(c: char) -> impl Iterator<Item = char> {
    let c = if c == '\u{2019}' { '\'' } else { c };
    c.to_lowercase()
}

/// Whether `word` equals `lower` ignoring case, with `’` matching `'`; `lower` must be written in
/// lowercase with straight apostrophes ("don't", "said").
pub fn eq_lower(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    word.chars().flat_map(fold).eq(lower.chars())
}

/// Writes the lowercase form of `word` (with `’` as `'`) into `buf`, replacing its content; reuse
/// one buffer to look many words up in lowercase lists without allocating per word.
pub fn lowercase_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(fold));
    }
}

/// Index range of the tokens lying entirely inside `span`, for tokens sorted by position.
pub fn tokens_within(tokens: &[Token], span: Span) -> (usize, usize) {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let last = first
        + tokens
            .get(first..)
            .unwrap_or(&[])
            .partition_point(|t| t.span.end <= span.end);
    (first, last)
}

/// Index of the sentence containing token `token`, for sentences in order.
pub fn sentence_of_token(sentences: &[Sentence], token: usize) -> Option<usize> {
    let index = sentences.partition_point(|s| s.tokens.1 <= token);
    let sentence = sentences.get(index)?;
    (sentence.tokens.0 <= token && token < sentence.tokens.1).then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;
    use claimgraph_core::Analysis;

    #[test]
    fn case_helpers() {
        assert!(is_capitalized("Kyiv"));
        assert!(is_capitalized("Élysée"));
        assert!(!is_capitalized("said"));
        assert!(!is_capitalized(""));
        assert!(eq_lower("Don’t", "don't"));
        assert!(eq_lower("SAID", "said"));
        assert!(!eq_lower("said", "says"));
        let mut buf = String::new();
        lowercase_into("Kyiv’S", &mut buf);
        assert_eq!(buf, "kyiv's");
        lowercase_into("ABC", &mut buf);
        assert_eq!(buf, "abc");
    }

    #[test]
    fn positions() {
        let text = "One two. Three four.";
        let mut analysis = Analysis::default();
        segment(text, &mut analysis);
        let (a, b) = tokens_within(&analysis.tokens, Span::new(4, 14));
        let words: Vec<_> = analysis.tokens[a..b]
            .iter()
            .map(|t| token_text(text, t))
            .collect();
        assert_eq!(words, ["two", ".", "Three"]);
        assert_eq!(sentence_of_token(&analysis.sentences, 0), Some(0));
        assert_eq!(sentence_of_token(&analysis.sentences, 3), Some(1));
        assert_eq!(sentence_of_token(&analysis.sentences, 99), None);
    }
}
