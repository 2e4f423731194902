//! Character classes shared by the tokenizer and the sentence splitter.
//!
//! The standard library has no Unicode general-category tables, and the crate takes no
//! dependencies, so combining marks and punctuation are recognised by the blocks where news text
//! meets them. Anything not classified falls back to a symbol, which is always safe.

/// Zero-width joiner: glues emoji sequences and some scripts' letters together.
pub(crate) const ZWJ: char = '\u{200D}';

/// Decodes the char starting at byte `i` of `text`, with its UTF-8 length.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// A quotation mark of any script or style; straight apostrophes count, they often quote.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}' // “
            | '\u{201D}' // ”
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{201E}' // „
            | '\u{201A}' // ‚
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{201F}' // ‟
            | '\u{201B}' // ‛
            | '\u{2E42}' // ⹂
            | '\u{300C}' // 「
            | '\u{300D}' // 」
            | '\u{300E}' // 『
            | '\u{300F}' // 』
            | '\u{FF02}' // ＂
    )
}

/// Apostrophes that may join the parts of a word (don't, Kyiv’s, O'Brien).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Hyphens that may join the parts of a word (pro-Russian, COVID-19); dashes never do.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters that belong to the character before them: combining marks, joiners, variation
/// selectors, emoji modifiers and tags.
pub(crate) fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x300 {
        return u == 0xAD;
    }
    if (0x900..=0xDFF).contains(&u) {
        // Indic blocks: their vowel signs are mostly alphabetic already; what is left apart from
        // digits and the danda punctuation is combining.
        return !c.is_alphanumeric() && !matches!(u, 0x964 | 0x965 | 0x970 | 0xDF4);
    }
    matches!(
        u,
        0x300..=0x36F
            | 0x483..=0x489
            | 0x591..=0x5BD
            | 0x5BF
            | 0x5C1..=0x5C2
            | 0x5C4..=0x5C5
            | 0x5C7
            | 0x610..=0x61A
            | 0x64B..=0x65F
            | 0x670
            | 0x6D6..=0x6DC
            | 0x6DF..=0x6E4
            | 0x6E7..=0x6E8
            | 0x6EA..=0x6ED
            | 0x711
            | 0x730..=0x74A
            | 0x7A6..=0x7B0
            | 0x7EB..=0x7F3
            | 0x816..=0x82D
            | 0x859..=0x85B
            | 0x898..=0x89F
            | 0x8CA..=0x8FF
            | 0xE31
            | 0xE34..=0xE3A
            | 0xE47..=0xE4E
            | 0xEB1
            | 0xEB4..=0xEBC
            | 0xEC8..=0xECE
            | 0xF18..=0xF19
            | 0xF35
            | 0xF37
            | 0xF39
            | 0xF71..=0xF84
            | 0x1AB0..=0x1AFF
            | 0x1DC0..=0x1DFF
            | 0x200C..=0x200D
            | 0x20D0..=0x20FF
            | 0x302A..=0x302F
            | 0x3099..=0x309A
            | 0xFE00..=0xFE0F
            | 0xFE20..=0xFE2F
            | 0x1F3FB..=0x1F3FF
            | 0xE0020..=0xE007F
            | 0xE0100..=0xE01EF
    )
}

/// Regional indicator letters; two of them make a flag.
#[inline]
pub(crate) fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Punctuation (as opposed to symbols such as `$ % + @`), for chars that are not quotes.
pub(crate) fn is_punct(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return matches!(
            c,
            '!' | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '_'
                | '\\'
                | '`'
        );
    }
    matches!(
        u,
        0xA1 | 0xA7
            | 0xB6
            | 0xB7
            | 0xBF
            | 0x37E
            | 0x387
            | 0x55A..=0x55F
            | 0x589..=0x58A
            | 0x5BE
            | 0x5C0
            | 0x5C3
            | 0x5C6
            | 0x5F3..=0x5F4
            | 0x609..=0x60A
            | 0x60C..=0x60D
            | 0x61B
            | 0x61D..=0x61F
            | 0x66A..=0x66D
            | 0x6D4
            | 0x964..=0x965
            | 0x970
            | 0xE4F
            | 0xE5A..=0xE5B
            | 0x104A..=0x104F
            | 0x10FB
            | 0x1360..=0x1368
            | 0x166E
            | 0x1800..=0x180A
            | 0x2010..=0x2027
            | 0x2032..=0x2043
            | 0x2045..=0x2051
            | 0x2053..=0x205E
            | 0x2E00..=0x2E7F
            | 0x3001..=0x3003
            | 0x3008..=0x3011
            | 0x3014..=0x301F
            | 0x30FB
            | 0xFE10..=0xFE19
            | 0xFE30..=0xFE52
            | 0xFE54..=0xFE61
            | 0xFF01..=0xFF03
            | 0xFF06..=0xFF0A
            | 0xFF0C..=0xFF0F
            | 0xFF1A..=0xFF1B
            | 0xFF1F..=0xFF20
            | 0xFF3B..=0xFF3D
            | 0xFF3F
            | 0xFF5B
            | 0xFF5D
            | 0xFF5F..=0xFF65
    )
}

/// Chars that end a sentence: full stops, question and exclamation marks of several scripts.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}' // …
            | '\u{203C}' // ‼
            | '\u{2047}'..='\u{2049}'
            | '\u{061F}' // Arabic question mark
            | '\u{06D4}' // Urdu full stop
            | '\u{0964}'..='\u{0965}' // danda
            | '\u{3002}' // 。
            | '\u{FF01}' // ！
            | '\u{FF0E}' // ．
            | '\u{FF1F}' // ？
    )
}

/// Terminals of scripts written without spaces: a sentence may end there with no space after.
#[inline]
pub(crate) fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF0E}')
}

/// Closing brackets that stay with the sentence they close, like closing quotes do.
#[inline]
pub(crate) fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '\u{FF09}' | '\u{3011}' | '\u{300B}')
}

/// Opening brackets that may start a sentence.
#[inline]
pub(crate) fn is_opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '\u{FF08}' | '\u{3010}' | '\u{300A}')
}

/// Paragraph-breaking chars: all line and paragraph separators.
#[inline]
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_quotes() {
        assert!(is_mark('\u{301}'));
        assert!(is_mark(ZWJ));
        assert!(is_mark('\u{FE0F}'));
        assert!(!is_mark('a'));
        assert!(is_quote_char('“'));
        assert!(is_quote_char('\''));
        assert!(!is_quote_char('-'));
    }

    #[test]
    fn decoding_never_splits_chars() {
        let text = "aé😀";
        assert_eq!(char_at(text, 1), Some(('é', 2)));
        assert_eq!(char_at(text, 2), None);
        assert_eq!(char_at(text, 3), Some(('😀', 4)));
    }
}
