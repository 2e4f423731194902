//! Sets of byte spans kept sorted and disjoint, so "is this inside a report?" and "does this
//! overlap anything claimed?" are binary searches, not scans over every attribution.

use crate::rules::Found;
use claimgraph_core::Span;

/// Spans sorted by start with overlapping ones merged.
pub(crate) fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.start);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Every attribution's content, merged.
pub(crate) fn reported_spans(found: &[Found]) -> Vec<Span> {
    merge_spans(
        found
            .iter()
            .flat_map(|f| f.contents.iter().copied())
            .collect(),
    )
}

/// Whether `span` overlaps one of the `merged` spans.
pub(crate) fn overlaps_any(merged: &[Span], span: Span) -> bool {
    let at = merged.partition_point(|m| m.end <= span.start);
    merged.get(at).is_some_and(|m| m.overlaps(span))
}

/// Whether `span` lies inside one of the `merged` spans.
pub(crate) fn within(merged: &[Span], span: Span) -> bool {
    let after = merged.partition_point(|r| r.start <= span.start);
    after
        .checked_sub(1)
        .and_then(|i| merged.get(i))
        .is_some_and(|r| r.contains(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn look_ups_agree_with_scans(
            raw in proptest::collection::vec((0usize..200, 0usize..20), 0..30),
            probe in (0usize..220, 0usize..20),
        ) {
            let spans: Vec<Span> = raw.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
            let merged = merge_spans(spans.clone());
            let probe = Span::new(probe.0, probe.0 + probe.1);
            let overlapped = merged.iter().any(|m| m.overlaps(probe));
            prop_assert_eq!(overlaps_any(&merged, probe), overlapped);
            let held = merged.iter().any(|m| m.contains(probe));
            prop_assert_eq!(within(&merged, probe), held);
            for pair in merged.windows(2) {
                prop_assert!(pair[0].end < pair[1].start);
            }
        }
    }
}
