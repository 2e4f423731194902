//! Snapshot tests of segmentation on short news-like texts written for these tests.

use claimgraph_core::Analysis;
use claimgraph_text::segment;

/// Each sentence as text, with the text of each of its tokens, one per line.
fn render(text: &str) -> Vec<String> {
    let mut analysis = Analysis::default();
    segment(text, &mut analysis);
    analysis
        .sentences
        .iter()
        .map(|s| {
            let tokens: Vec<String> = analysis
                .sentence_tokens(s)
                .iter()
                .map(|t| format!("{}:{:?}", t.span.text(text), t.kind))
                .collect();
            format!(
                "[p{}] {} || {}",
                s.paragraph,
                s.span.text(text),
                tokens.join(" ")
            )
        })
        .collect()
}

#[test]
fn headline_and_paragraphs() {
    insta::assert_debug_snapshot!(render(
        "Ministry Denies Report on Border Clash\n\n\
         The ministry said on Tuesday that no troops had crossed. Officials declined to comment.\n\
         A spokesperson added that talks would resume next week."
    ));
}

#[test]
fn curly_quotes() {
    insta::assert_debug_snapshot!(render(
        "“We will not back down,” the minister said. “Never.” Then she left.\n\
         He called it ‘a provocation’ and the army’s response “measured.”"
    ));
}

#[test]
fn abbreviations() {
    insta::assert_debug_snapshot!(render(
        "Gen. Ana Ruiz met Sen. J. R. Smith in Washington, D.C. on Oct. 7 at 9 a.m. local time. \
         U.S. officials, e.g. the envoy, said No. 2 was next. Talks with the U.K. ended. \
         The U.N. The E.U. etc. It happened."
    ));
}

#[test]
fn nested_quotes() {
    insta::assert_debug_snapshot!(render(
        "“He told me, ‘Leave now.’” She paused. \"They said 'no' twice,\" he recalled. \
         «Nous partons», a-t-il dit."
    ));
}

#[test]
fn crlf_and_numbers() {
    insta::assert_debug_snapshot!(render(
        "Casualties Rise\r\n\r\nAt least 1,000 people, or 3.5% of residents, fled by 2,000th day.\r\n\
         Prices rose 10% to $4.50 — the highest since the 1990s!\r\nWhy? Nobody knows..."
    ));
}
