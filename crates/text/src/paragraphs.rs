//! Paragraphs: news text breaks paragraphs at every line break, blank line or not.

use crate::chars::{char_at, is_line_break};
use claimgraph_core::layers::Paragraph;
use claimgraph_core::Span;

/// Paragraphs: maximal runs of text between line breaks, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Every line break is ASCII or starts with 0xC2 (U+0085) or 0xE2 (U+2028, U+2029).
        let len = match b {
            b'\n' | b'\r' | 0x0B | 0x0C => 1,
            0xC2 | 0xE2 => match char_at(text, i) {
                Some((c, len)) if is_line_break(c) => len,
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        push_trimmed(text, Span::new(start, i), &mut out);
        i += len;
        start = i;
    }
    push_trimmed(text, Span::new(start, bytes.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Paragraph>) {
    let span = span.trim(text);
    if !span.is_empty() {
        out.push(Paragraph { span });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|p| p.span.text(text)).collect()
    }

    #[test]
    fn every_line_break_splits() {
        assert_eq!(
            texts("Head line\n\n  First para. \r\nSecond\u{2029}Third\n \n"),
            ["Head line", "First para.", "Second", "Third"]
        );
        assert!(texts("  \n\r\n ").is_empty());
        assert_eq!(texts("é\u{85}ü"), ["é", "ü"]);
    }
}
