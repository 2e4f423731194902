//! Byte ranges into a document's original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
///
/// Both ends always lie on UTF-8 character boundaries of the text the span was made from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `""` when the span does not fit `text` (a span from another text).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span past leading and trailing whitespace of `text`.
    pub fn trim(&self, text: &str) -> Span {
        let inner = self.text(text);
        let start = self.start + (inner.len() - inner.trim_start().len());
        let end = self.end - (inner.len() - inner.trim_end().len());
        if start >= end {
            Span::new(self.start, self.start)
        } else {
            Span::new(start, end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_inner_text() {
        let text = "  «a b»  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.text(text), "«a b»");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        assert!(Span::new(0, 3).trim("   ").is_empty());
    }

    #[test]
    fn foreign_span_gives_empty_text() {
        assert_eq!(Span::new(2, 40).text("short"), "");
    }
}
