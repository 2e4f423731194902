//! Tokenizer: one pass over the text, tokens as byte spans into it.
//!
//! Words keep internal apostrophes and hyphens (don't, pro-Russian) and abbreviation periods
//! (U.S., Gen.), while the possessive or clitic `'s` becomes its own word so that "Kyiv’s" yields
//! "Kyiv". Numbers keep thousands separators and decimals (1,000 and 3.5) and ordinal or plural
//! suffixes (2,000th, 1990s). Every quotation mark, including an apostrophe at a word edge, is a
//! `Quote` token: which way it faces is the quote analyzer's decision. Combining marks and emoji
//! modifiers stay with the char before them.

use crate::chars::{
    char_at, is_apostrophe, is_hyphen, is_mark, is_punct, is_quote_char, is_regional_indicator, ZWJ,
};
use crate::lists::{lists, AbbrevKind};
use claimgraph_core::layers::{Token, TokenKind};
use claimgraph_core::Span;

/// Tokens of the whole text, in order, never overlapping and never containing whitespace.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News prose averages a little under six bytes per token.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() || b == 0x0B {
                i += 1;
                continue;
            }
            if b.is_ascii_alphabetic() {
                i = scan_word(text, i, &mut tokens);
                continue;
            }
            if b.is_ascii_digit() {
                i = scan_number(text, i, &mut tokens);
                continue;
            }
        }
        let Some((c, len)) = char_at(text, i) else {
            // Unreachable for valid UTF-8 positions; step a byte so the loop always ends.
            i += 1;
            continue;
        };
        if c.is_whitespace() {
            i += len;
        } else if is_quote_char(c) {
            // Some archives write a double quote as two apostrophes (''Like this.''): one mark.
            let end = if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                i + 2
            } else {
                i + len
            };
            i = push(text, &mut tokens, i, end, TokenKind::Quote);
        } else if c.is_numeric() {
            i = scan_number(text, i, &mut tokens);
        } else if c.is_alphabetic() {
            i = scan_word(text, i, &mut tokens);
        } else if c == '.' || is_hyphen(c) {
            // Runs of periods are one ellipsis, runs of hyphens one dash.
            let end = run_of(text, i, c);
            i = push(text, &mut tokens, i, end, TokenKind::Punct);
        } else if is_punct(c) {
            i = push(text, &mut tokens, i, i + len, TokenKind::Punct);
        } else if is_mark(c) {
            // A mark with no base char (after whitespace or at the start) stands alone.
            i = push(text, &mut tokens, i, i, TokenKind::Symbol);
        } else {
            let mut end = i + len;
            if is_regional_indicator(c) {
                if let Some((next, next_len)) = char_at(text, end) {
                    if is_regional_indicator(next) {
                        end += next_len;
                    }
                }
            }
            i = push(text, &mut tokens, i, end, TokenKind::Symbol);
        }
    }
    tokens
}

/// Pushes a token from `start` to `end` extended over trailing marks; returns its end.
#[inline]
fn push(text: &str, tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) -> usize {
    let end = attach_marks(text, end);
    tokens.push(Token {
        span: Span::new(start, end),
        kind,
    });
    end
}

/// Extends `end` over combining marks, and over the char a zero-width joiner joins on.
#[inline]
fn attach_marks(text: &str, mut end: usize) -> usize {
    while let Some((c, len)) = char_at(text, end) {
        if c.is_ascii() || !is_mark(c) {
            break;
        }
        end += len;
        if c == ZWJ {
            match char_at(text, end) {
                Some((joined, joined_len)) if !joined.is_whitespace() => end += joined_len,
                _ => break,
            }
        }
    }
    end
}

/// End of the run of `c` starting at `start`.
fn run_of(text: &str, start: usize, c: char) -> usize {
    let mut end = start;
    while let Some((next, len)) = char_at(text, end) {
        if next != c {
            break;
        }
        end += len;
    }
    end
}

/// End of the letters, digits and marks starting at `start`.
#[inline]
fn skip_alphanumeric(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            break;
        }
        match char_at(text, i) {
            Some((c, len)) if c.is_alphanumeric() || is_mark(c) => i += len,
            _ => break,
        }
    }
    i
}

/// Whether a word character (letter, digit or mark) starts at `i`.
#[inline]
fn word_char_at(text: &str, i: usize) -> bool {
    matches!(char_at(text, i), Some((c, _)) if c.is_alphanumeric() || (!c.is_ascii() && is_mark(c)))
}

/// End of a possessive or clitic `'s` / `’s` starting at `i`, if one does.
#[inline]
fn clitic_s_end(text: &str, i: usize) -> Option<usize> {
    let (apostrophe, len) = char_at(text, i)?;
    if !is_apostrophe(apostrophe) {
        return None;
    }
    let s = text.as_bytes().get(i + len)?;
    let end = i + len + 1;
    (matches!(s, b's' | b'S') && !word_char_at(text, end)).then_some(end)
}

/// Scans a word starting at `start`, pushes it (and a split-off `'s`), and returns the end.
fn scan_word(text: &str, start: usize, tokens: &mut Vec<Token>) -> usize {
    // Start of the current part of the word, after the last hyphen or apostrophe.
    let mut part = start;
    let mut i = start;
    loop {
        i = skip_alphanumeric(text, i);
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        if is_apostrophe(c) {
            if let Some(end) = clitic_s_end(text, i) {
                push(text, tokens, start, i, TokenKind::Word);
                return push(text, tokens, i, end, TokenKind::Word);
            }
            // Other apostrophes inside a word join it (don't, O'Brien); at its edge they quote.
            if !matches!(char_at(text, i + len), Some((next, _)) if next.is_alphabetic()) {
                break;
            }
            i += len;
            part = i;
        } else if is_hyphen(c) {
            if !word_char_at(text, i + len) {
                break;
            }
            i += len;
            part = i;
        } else if c == '.' {
            let Some(end) = abbreviation_end(text, start, part, i) else {
                break;
            };
            i = end;
            match char_at(text, i) {
                // "U.S.-led" goes on as one word.
                Some((h, h_len)) if is_hyphen(h) && word_char_at(text, i + h_len) => {
                    i += h_len;
                    part = i;
                }
                // "U.S.’s"
                Some((a, _)) if is_apostrophe(a) => {
                    if let Some(end) = clitic_s_end(text, i) {
                        push(text, tokens, start, i, TokenKind::Word);
                        return push(text, tokens, i, end, TokenKind::Word);
                    }
                    break;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    push(text, tokens, start, i, TokenKind::Word)
}

/// If the word part `part..dot` followed by the period at `dot` is an abbreviation, the end of
/// the abbreviation including its last period.
fn abbreviation_end(text: &str, start: usize, part: usize, dot: usize) -> Option<usize> {
    if let Some(end) = dotted_end(text, part) {
        return Some(end);
    }
    let with_dot = text.get(part..dot + 1)?;
    match lists().abbreviation(with_dot) {
        Some(AbbrevKind::Title | AbbrevKind::Other) => return Some(dot + 1),
        Some(AbbrevKind::Numeric) => {
            let rest = text.get(dot + 1..)?;
            let after_space = rest.trim_start_matches([' ', '\u{A0}']);
            let spaced = after_space.len() < rest.len();
            return match after_space.as_bytes().first() {
                Some(b) if spaced && b.is_ascii_digit() => Some(dot + 1),
                _ => None,
            };
        }
        None => {}
    }
    // A single capital letter is an initial ("John F. Kennedy"); "I" is far more often the
    // pronoun or a Roman numeral ending a sentence.
    let mut chars = text.get(start..dot)?.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() && c != 'I' => Some(dot + 1),
        _ => None,
    }
}

/// End of a dotted acronym starting at `start` ("U.S.", "e.g.", "Ph.D."): at least two parts of
/// one or two letters, each followed by a period.
fn dotted_end(text: &str, start: usize) -> Option<usize> {
    let mut parts = 0;
    let mut i = start;
    let mut end = start;
    loop {
        let mut letters = 0;
        // Give up on long runs early so a long word after a period is not read twice.
        while let Some((c, len)) = char_at(text, i) {
            if !c.is_alphabetic() || letters == 2 {
                break;
            }
            letters += 1;
            i += len;
        }
        if letters == 0 || text.as_bytes().get(i) != Some(&b'.') {
            break;
        }
        i += 1;
        end = i;
        parts += 1;
    }
    (parts >= 2).then_some(end)
}

/// Scans a number starting at `start`, pushes it and returns its end.
fn scan_number(text: &str, start: usize, tokens: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_digit() {
                i += 1;
                continue;
            }
            if b < 0x80 {
                break;
            }
            match char_at(text, i) {
                Some((c, len)) if c.is_numeric() || is_mark(c) => i += len,
                _ => break,
            }
        }
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b',' | b'.'), Some(d)) if d.is_ascii_digit() => i += 1,
            _ => break,
        }
    }
    // Keep ordinal and plural suffixes ("2,000th", "1990s"); other letters are a separate word
    // ("155mm" -> "155" "mm") so quantities see the bare number.
    if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        let end = skip_alphanumeric(text, i);
        let suffix = text.get(i..end).unwrap_or("");
        if ["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
        {
            i = end;
        }
    }
    push(text, tokens, start, i, TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> Vec<(String, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.span.text(text).to_string(), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        show(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            texts("don’t O'Brien pro-Russian COVID-19 we're"),
            ["don’t", "O'Brien", "pro-Russian", "COVID-19", "we're"]
        );
    }

    #[test]
    fn possessive_is_split() {
        assert_eq!(texts("Kyiv’s army"), ["Kyiv", "’s", "army"]);
        assert_eq!(texts("Russia's."), ["Russia", "'s", "."]);
        assert_eq!(texts("the U.S.’s role"), ["the", "U.S.", "’s", "role"]);
        assert_eq!(texts("it’sy"), ["it’sy"]);
        assert_eq!(show("soldiers' ")[1].1, TokenKind::Quote);
    }

    #[test]
    fn two_apostrophes_are_one_double_quote_mark() {
        assert_eq!(
            texts("''A man,'' he said"),
            ["''", "A", "man", ",", "''", "he", "said"]
        );
        assert_eq!(texts("school,'''"), ["school", ",", "''", "'"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            texts("U.S. Gen. Smith, e.g. 5 a.m. on Oct. 7 John F. Kennedy"),
            [
                "U.S.", "Gen.", "Smith", ",", "e.g.", "5", "a.m.", "on", "Oct.", "7", "John", "F.",
                "Kennedy"
            ]
        );
        assert_eq!(texts("U.S.-led"), ["U.S.-led"]);
        assert_eq!(texts("No. 5 and no."), ["No.", "5", "and", "no", "."]);
        assert_eq!(texts("said No. The"), ["said", "No", ".", "The"]);
        assert_eq!(texts("World War I."), ["World", "War", "I", "."]);
        assert_eq!(texts("the end.The"), ["the", "end", ".", "The"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            show("155 1,000 3.5 10% 2,000th 1990s 155mm"),
            [
                ("155".into(), TokenKind::Number),
                ("1,000".into(), TokenKind::Number),
                ("3.5".into(), TokenKind::Number),
                ("10".into(), TokenKind::Number),
                ("%".into(), TokenKind::Symbol),
                ("2,000th".into(), TokenKind::Number),
                ("1990s".into(), TokenKind::Number),
                ("155".into(), TokenKind::Number),
                ("mm".into(), TokenKind::Word),
            ]
        );
        assert_eq!(texts("in 2020."), ["in", "2020", "."]);
    }

    #[test]
    fn quotes_dashes_and_symbols() {
        let kinds: Vec<_> = show("«a» “b” ‘c’ — $5 ... –").into_iter().collect();
        let expect = [
            ("«", TokenKind::Quote),
            ("a", TokenKind::Word),
            ("»", TokenKind::Quote),
            ("“", TokenKind::Quote),
            ("b", TokenKind::Word),
            ("”", TokenKind::Quote),
            ("‘", TokenKind::Quote),
            ("c", TokenKind::Word),
            ("’", TokenKind::Quote),
            ("—", TokenKind::Punct),
            ("$", TokenKind::Symbol),
            ("5", TokenKind::Number),
            ("...", TokenKind::Punct),
            ("–", TokenKind::Punct),
        ];
        assert_eq!(kinds.len(), expect.len());
        for ((text, kind), (want_text, want_kind)) in kinds.iter().zip(expect) {
            assert_eq!((text.as_str(), *kind), (want_text, want_kind));
        }
    }

    #[test]
    fn marks_and_emoji_stay_whole() {
        assert_eq!(texts("cafe\u{301} ok"), ["cafe\u{301}", "ok"]);
        assert_eq!(texts("\u{301}x"), ["\u{301}", "x"]);
        assert_eq!(texts("👨‍👩‍👧 👍🏽 🇺🇦🇺🇸"), ["👨‍👩‍👧", "👍🏽", "🇺🇦", "🇺🇸"]);
        assert_eq!(texts("北京。"), ["北京", "。"]);
        assert_eq!(texts("नमस्ते।"), ["नमस्ते", "।"]);
    }
}
