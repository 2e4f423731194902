//! Code-point spans and sets of code-point positions.
//!
//! Gold files speak code points (Python's `text[start:end]`), so scoring does too; byte spans from
//! the analyzers are converted once, on the way in.

use claimgraph_core::{CharIndex, Span};
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of Unicode code-point offsets.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

impl CharSpan {
    pub const fn new(start: usize, end: usize) -> Self {
        CharSpan { start, end }
    }

    /// Converts a byte span of the text `index` was built from.
    pub fn from_bytes(span: Span, index: &CharIndex) -> Self {
        CharSpan::new(index.char_offset(span.start), index.char_offset(span.end))
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the spans share at least one code point.
    pub const fn overlaps(&self, other: CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The smallest span covering all of `spans`, or `None` when there are none.
pub(crate) fn cover(spans: &[CharSpan]) -> Option<CharSpan> {
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    Some(CharSpan::new(start, end))
}

/// A set of code-point positions, kept as sorted, disjoint, non-touching ranges.
///
/// Contents are unions of segments, and overlap is counted in characters, so a set (not a list
/// of spans) is the thing measured: segments that overlap each other are not counted twice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CharSet {
    ranges: Vec<(usize, usize)>,
}

impl CharSet {
    pub(crate) fn from_spans<'a>(spans: impl IntoIterator<Item = &'a CharSpan>) -> Self {
        let mut ranges: Vec<(usize, usize)> = spans
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|s| (s.start, s.end))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        CharSet { ranges: merged }
    }

    pub(crate) fn len(&self) -> usize {
        self.ranges.iter().map(|(s, e)| e - s).sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The number of positions in both sets.
    pub(crate) fn intersection_len(&self, other: &CharSet) -> usize {
        let (mut a, mut b) = (
            self.ranges.iter().peekable(),
            other.ranges.iter().peekable(),
        );
        let mut shared = 0;
        while let (Some(&&(a_start, a_end)), Some(&&(b_start, b_end))) = (a.peek(), b.peek()) {
            let (start, end) = (a_start.max(b_start), a_end.min(b_end));
            if start < end {
                shared += end - start;
            }
            // The range that ends first cannot meet anything further on in the other set.
            if a_end <= b_end {
                a.next();
            } else {
                b.next();
            }
        }
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn naive(spans: &[CharSpan]) -> BTreeSet<usize> {
        spans.iter().flat_map(|s| s.start..s.end).collect()
    }

    fn spans() -> impl Strategy<Value = Vec<CharSpan>> {
        prop::collection::vec((0usize..60, 0usize..15), 0..6).prop_map(|v| {
            v.into_iter()
                .map(|(s, l)| CharSpan::new(s, s + l))
                .collect()
        })
    }

    #[test]
    fn touching_segments_merge() {
        let set = CharSet::from_spans(&[CharSpan::new(5, 8), CharSpan::new(0, 5)]);
        assert_eq!(set.ranges, vec![(0, 8)]);
        assert_eq!(set.len(), 8);
    }

    #[test]
    fn cover_of_segments() {
        let segments = [CharSpan::new(10, 12), CharSpan::new(3, 5)];
        assert_eq!(cover(&segments), Some(CharSpan::new(3, 12)));
        assert_eq!(cover(&[]), None);
    }

    #[test]
    fn byte_spans_become_code_points() {
        let text = "“Já,” he said";
        let index = CharIndex::new(text);
        let said = text.find("said").unwrap();
        let span = CharSpan::from_bytes(Span::new(said, said + 4), &index);
        assert_eq!(span, CharSpan::new(9, 13));
    }

    proptest! {
        #[test]
        fn set_sizes_match_naive(a in spans(), b in spans()) {
            let (set_a, set_b) = (CharSet::from_spans(&a), CharSet::from_spans(&b));
            let (naive_a, naive_b) = (naive(&a), naive(&b));
            prop_assert_eq!(set_a.len(), naive_a.len());
            prop_assert_eq!(set_a.is_empty(), naive_a.is_empty());
            prop_assert_eq!(set_a.intersection_len(&set_b), naive_a.intersection(&naive_b).count());
            prop_assert_eq!(set_b.intersection_len(&set_a), naive_a.intersection(&naive_b).count());
        }
    }
}
