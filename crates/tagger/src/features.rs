//! Feature extraction: each feature is a 64-bit key mixed from a template id and the FNV-1a hashes
//! of the strings it reads. Word hashes are computed once per token, so a feature costs a few
//! multiplications; training and tagging share this code path.

use claimgraph_core::layers::{Token, TokenKind};
use claimgraph_lexicon::{CueClass, Lexicon};

/// What the tagger reads of a segmented document.
#[derive(Debug, Clone, Copy)]
pub struct TagInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Lowercased token texts with curly apostrophes made straight (`’s` → `'s`), one per token.
    pub words: &'a [&'a str],
    /// Sentences as token index ranges (start, end), in order.
    pub sentences: &'a [(usize, usize)],
}

impl<'a> TagInput<'a> {
    fn word(&self, index: usize) -> &'a str {
        self.words.get(index).copied().unwrap_or("")
    }

    fn token(&self, index: usize) -> Option<&'a Token> {
        self.tokens.get(index)
    }

    fn is_capitalised(&self, index: usize) -> bool {
        self.token(index)
            .and_then(|t| self.text.get(t.span.start..t.span.end))
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// Lowercases a token text the way [`TagInput::words`] expects.
pub fn normalize_word(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over the parts, with a separator byte between them so ("ab","c") ≠ ("a","bc").
pub fn hash_parts(template: u8, parts: &[&str]) -> u64 {
    let mut hash = FNV_OFFSET;
    let mut eat = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    };
    eat(template);
    for part in parts {
        eat(0x1f);
        for &byte in part.as_bytes() {
            eat(byte);
        }
    }
    hash
}

/// The hash a word has in the candidate vocabulary and in features.
pub fn word_key(word: &str) -> u64 {
    hash_parts(0, &[word])
}

/// A feature key from a template and already-hashed parts.
fn mix(template: u8, parts: &[u64]) -> u64 {
    let mut hash = (u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &part in parts {
        hash = (hash ^ part).wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 32;
    }
    hash
}

/// A coarse class of the token at `index`, for the next/previous-token templates.
fn kind_of(input: &TagInput, index: usize, sentence: (usize, usize)) -> &'static str {
    if index < sentence.0 {
        return "<s>";
    }
    if index >= sentence.1 {
        return "</s>";
    }
    let Some(token) = input.token(index) else {
        return "</s>";
    };
    match (token.kind, input.word(index)) {
        (TokenKind::Quote, _) => "quote",
        (_, "that") => "that",
        (_, ":") => "colon",
        (_, ",") => "comma",
        (_, "to") => "to",
        (_, "." | "!" | "?") => "stop",
        (TokenKind::Word, _) if input.is_capitalised(index) => "Word",
        (TokenKind::Word, _) => "word",
        (TokenKind::Number, _) => "number",
        _ => "punct",
    }
}

/// The word hash of token `index`, or a marker outside the sentence.
fn neighbour(keys: &[u64], index: isize, sentence: (usize, usize)) -> u64 {
    match usize::try_from(index) {
        Ok(i) if i >= sentence.0 && i < sentence.1 => keys.get(i).copied().unwrap_or(0),
        Ok(i) if i >= sentence.1 => word_key("</s>"),
        _ => word_key("<s>"),
    }
}

fn lexicon_class(lexicon: &Lexicon, words: &[&str]) -> &'static str {
    match lexicon.cue_at(words).map(|c| c.class) {
        None => "none",
        Some(CueClass::Speech) => "speech",
        Some(CueClass::Belief) => "belief",
        Some(CueClass::Finding) => "finding",
        Some(CueClass::According) => "according",
        Some(CueClass::Noun) => "noun",
    }
}

fn position_bucket(offset: usize) -> &'static str {
    match offset {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// Pushes the feature keys of token `index`, which lies in `sentence`, into `out`; `keys` are
/// the [`word_key`]s of all tokens and `in_quote` says whether an odd number of quotation marks
/// precede the token in the sentence. Returns whether a lexicon cue starts at the token.
pub fn features(
    input: &TagInput,
    keys: &[u64],
    lexicon: &Lexicon,
    sentence: (usize, usize),
    index: usize,
    in_quote: bool,
    out: &mut Vec<u64>,
) -> bool {
    out.clear();
    let at = index as isize;
    let w = input.word(index);
    let key = keys.get(index).copied().unwrap_or(0);
    let prev = neighbour(keys, at - 1, sentence);
    let prev2 = neighbour(keys, at - 2, sentence);
    let next = neighbour(keys, at + 1, sentence);
    let next2 = neighbour(keys, at + 2, sentence);
    let next_kind = word_key(kind_of(input, index + 1, sentence));
    let prev_kind = word_key(kind_of(input, index.wrapping_sub(1), sentence));
    let suffix_start = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let suffix = word_key(w.get(suffix_start..).unwrap_or(""));
    let shape = u64::from(input.is_capitalised(index));
    let lookahead = input
        .words
        .get(index..sentence.1.min(index + 6))
        .unwrap_or(&[]);
    let lexicon_here = lexicon_class(lexicon, lookahead);
    let known = lexicon_here != "none";
    let lexicon_here = word_key(lexicon_here);
    let quote_soon = (index + 1..sentence.1.min(index + 5))
        .any(|i| input.token(i).is_some_and(|t| t.kind == TokenKind::Quote));
    let that_soon = (index + 1..sentence.1.min(index + 6)).any(|i| input.word(i) == "that");
    let position = word_key(position_bucket(index.saturating_sub(sentence.0)));
    let to_end = word_key(position_bucket(sentence.1.saturating_sub(index + 1)));
    let in_quote = u64::from(in_quote);
    out.extend([
        mix(1, &[]),
        mix(2, &[key]),
        mix(3, &[prev]),
        mix(4, &[next]),
        mix(5, &[prev2]),
        mix(6, &[next2]),
        mix(7, &[prev, key]),
        mix(8, &[key, next]),
        mix(9, &[suffix]),
        mix(10, &[shape, prev_kind]),
        mix(11, &[lexicon_here]),
        mix(12, &[key, lexicon_here]),
        mix(13, &[next_kind]),
        mix(14, &[key, next_kind]),
        mix(15, &[prev_kind]),
        mix(16, &[key, prev_kind]),
        mix(17, &[position]),
        mix(18, &[to_end]),
        mix(19, &[in_quote]),
        mix(20, &[key, u64::from(quote_soon)]),
        mix(21, &[key, u64::from(that_soon)]),
        mix(22, &[key, in_quote]),
        mix(23, &[key, shape]),
    ]);
    known
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_keep_parts_apart() {
        assert_ne!(hash_parts(2, &["ab", "c"]), hash_parts(2, &["a", "bc"]));
        assert_ne!(hash_parts(2, &["a"]), hash_parts(3, &["a"]));
        assert_ne!(mix(7, &[1, 2]), mix(7, &[2, 1]));
    }

    #[test]
    fn normalizes_case_and_apostrophes() {
        assert_eq!(normalize_word("Trump’s"), "trump's");
    }
}
