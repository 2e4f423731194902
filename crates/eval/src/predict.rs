//! Predicted attributions in code points, and their conversion from claimgraph quotes.

use crate::spans::CharSpan;
use claimgraph_core::layers::Quote;
use claimgraph_core::CharIndex;
use serde::Serialize;

/// One predicted attribution (code points), the shape every system output is reduced to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PredictedAttribution {
    pub sources: Vec<CharSpan>,
    pub cue: Option<CharSpan>,
    pub contents: Vec<CharSpan>,
}

impl PredictedAttribution {
    /// Converts a claimgraph quote; `index` must be built from the text the quote's byte spans point into.
    pub fn from_quote(quote: &Quote, index: &CharIndex) -> Self {
        let convert = |spans: &[claimgraph_core::Span]| {
            spans
                .iter()
                .map(|&s| CharSpan::from_bytes(s, index))
                .collect()
        };
        PredictedAttribution {
            sources: convert(&quote.sources),
            cue: quote.cue.map(|c| CharSpan::from_bytes(c, index)),
            contents: convert(&quote.contents),
        }
    }
}

/// Converts all quotes of one analysis of `text`.
pub fn predictions_from_quotes(quotes: &[Quote], text: &str) -> Vec<PredictedAttribution> {
    let index = CharIndex::new(text);
    quotes
        .iter()
        .map(|q| PredictedAttribution::from_quote(q, &index))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_core::layers::{QuoteKind, Stance};
    use claimgraph_core::Span;

    #[test]
    fn quote_byte_spans_become_code_points() {
        let text = "“Ça va,” dit Zoë.";
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let quote = Quote {
            kind: QuoteKind::Direct,
            cue: Some(at("dit")),
            sources: vec![at("Zoë")],
            speaker: None,
            contents: vec![at("“Ça va,”")],
            stance: Stance::Assert,
            confidence: 0.9,
            negated: false,
        };
        let predicted = predictions_from_quotes(&[quote], text);
        assert_eq!(
            predicted,
            vec![PredictedAttribution {
                sources: vec![CharSpan::new(13, 16)],
                cue: Some(CharSpan::new(9, 12)),
                contents: vec![CharSpan::new(0, 8)],
            }]
        );
    }
}
