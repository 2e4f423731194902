//! Analysis is a pure function of the text: same input, same layers, whatever ran before.

use claimgraph_core::Document;
use claimgraph_pipeline::Pipeline;

const ARTICLE: &str = "Harbour Talks Stall\nPort Minister Ana Ortiz said on Monday that at least 40 ships were waiting.\n“We will not reopen before Friday,” she told reporters.\nThe shipping union denied the figures.";

#[test]
fn same_text_gives_same_analysis() {
    let pipeline = Pipeline::new();
    let first = pipeline.analyze(&Document::new("a", ARTICLE));
    pipeline.analyze(&Document::new(
        "other",
        "Something else entirely, officials said.",
    ));
    let second = pipeline.analyze(&Document::new("b", ARTICLE));
    assert_eq!(first, second);
    assert!(!first.quotes.is_empty());
}

#[test]
fn every_span_lies_on_char_boundaries_of_the_text() {
    let text =
        "«Ça va», dit-il. 👋 The mayor said that “two bridges” would close.\r\nShe added: “Soon.”";
    let analysis = Pipeline::new().analyze(&Document::new("u", text));
    let spans = analysis
        .quotes
        .iter()
        .flat_map(|q| {
            q.contents
                .iter()
                .chain(&q.sources)
                .chain(q.cue.iter())
                .copied()
        })
        .chain(analysis.entities.iter().map(|e| e.span))
        .chain(analysis.quantities.iter().map(|q| q.span))
        .chain(analysis.sentences.iter().map(|s| s.span));
    for span in spans {
        assert!(span.start <= span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
}
