//! Properties of segmentation that must hold for any input string.

use claimgraph_core::layers::TokenKind;
use claimgraph_core::Analysis;
use claimgraph_text::segment;
use proptest::prelude::*;

/// Strings built from the pieces that stress segmentation: quotes of every style, abbreviations,
/// line breaks, combining marks, emoji sequences, other scripts and arbitrary chars.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("No.".to_string()),
        Just("J.".to_string()),
        Just("e.g.".to_string()),
        Just("...".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("!".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{2029}".to_string()),
        Just("\u{85}".to_string()),
        Just(" ".to_string()),
        Just("\u{A0}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’s".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("«»„‚‹›".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{200D}".to_string()),
        Just("\u{FE0F}".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("👍🏽".to_string()),
        Just("🇺🇦".to_string()),
        Just("北京。".to_string()),
        Just("مرحبا".to_string()),
        Just("שלום".to_string()),
        Just("नमस्ते।".to_string()),
        Just("1,000.5".to_string()),
        Just("10%".to_string()),
        Just("-".to_string()),
        Just("—".to_string()),
        Just("$".to_string()),
        "[A-Za-z]{1,6}",
        "[0-9]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check(text: &str) {
    let mut analysis = Analysis::default();
    segment(text, &mut analysis);

    let mut previous_end = 0;
    for p in &analysis.paragraphs {
        assert!(p.span.start < p.span.end && p.span.end <= text.len());
        assert!(previous_end <= p.span.start, "paragraphs overlap");
        let inner = p.span.text(text);
        assert_eq!(inner, inner.trim(), "paragraph not trimmed");
        assert!(
            !inner.contains(['\n', '\r']),
            "paragraph spans a line break"
        );
        previous_end = p.span.end;
    }

    let mut previous_end = 0;
    for t in &analysis.tokens {
        assert!(t.span.start < t.span.end && t.span.end <= text.len());
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            previous_end <= t.span.start,
            "tokens overlap or are out of order"
        );
        let token = t.span.text(text);
        assert!(
            !token.chars().any(char::is_whitespace),
            "whitespace in {token:?}"
        );
        previous_end = t.span.end;
    }
    // Every non-whitespace char is in some token.
    let covered: usize = analysis.tokens.iter().map(|t| t.span.len()).sum();
    let non_space: usize = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, non_space, "tokens miss text");

    // Sentences partition the tokens in order.
    let mut next_token = 0;
    let mut previous_end = 0;
    for s in &analysis.sentences {
        assert_eq!(s.tokens.0, next_token, "sentences skip or repeat tokens");
        assert!(s.tokens.0 < s.tokens.1);
        next_token = s.tokens.1;
        let paragraph = analysis.paragraphs[s.paragraph];
        assert!(
            paragraph.span.contains(s.span),
            "sentence leaves its paragraph"
        );
        assert!(previous_end <= s.span.start, "sentences overlap");
        previous_end = s.span.end;
        let inner = s.span.text(text);
        assert_eq!(inner, inner.trim(), "sentence not trimmed");
        for t in analysis.sentence_tokens(s) {
            assert!(s.span.contains(t.span), "token outside its sentence");
        }
    }
    assert_eq!(
        next_token,
        analysis.tokens.len(),
        "tokens without a sentence"
    );

    // Combining marks never start a token unless nothing precedes them.
    for t in &analysis.tokens {
        let before = text[..t.span.start].chars().next_back();
        let first = text[t.span.start..].chars().next();
        if let (Some(before), Some('\u{300}'..='\u{36F}')) = (before, first) {
            assert!(
                before.is_whitespace(),
                "mark split from its base in {text:?}"
            );
        }
    }
    // Quote marks are their own tokens.
    for t in &analysis.tokens {
        if t.kind == TokenKind::Quote {
            let mut chars = t.span.text(text).chars();
            assert!(chars.next().is_some_and(claimgraph_text::is_quote_char));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn tricky_strings_segment_consistently(text in tricky_text()) {
        check(&text);
    }

    #[test]
    fn arbitrary_strings_segment_consistently(text in any::<String>()) {
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\r\n",
        "\u{301}",
        "a\u{200D}",
        "\u{200D}\n",
        "U.S",
        "U.S.",
        "'s",
        "a's",
        "No.",
        "No. ",
        "1,",
        "1.",
        ". . .",
        "“”",
        "x.\u{301} Y",
        "\u{FEFF}Title\n",
    ] {
        check(text);
    }
}

/// Long degenerate inputs; a quadratic path would make this test hang rather than fail.
#[test]
fn long_degenerate_inputs() {
    const N: usize = 200_000;
    for text in [
        "a.".repeat(N),
        "ab.cd.efg ".repeat(N / 4),
        format!("a.b{}", "x".repeat(N)),
        format!("No.{}5", " ".repeat(N)),
        "\u{301}".repeat(N),
        "\u{200D}x".repeat(N),
        "“".repeat(N),
        ". ".repeat(N),
        "Mr. ".repeat(N),
        "-".repeat(N),
        "1,".repeat(N),
        "Why?” ".repeat(N / 2),
        "🇺".repeat(N),
    ] {
        check(&text);
    }
}
