//! Byte ↔ code-point offset conversion.
//!
//! Inside claimgraph every offset is a byte offset (cheap slicing); the JSON contract speaks Unicode
//! code points, as Python's `text[start:end]` does. `CharIndex` converts in O(log n) per offset.

/// A lookup from byte offsets of one text to code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `(byte start, extra bytes before it)` of every non-ASCII character, in text order.
    /// Empty for ASCII text, where bytes are code points.
    wide: Vec<(usize, usize)>,
    total_extra: usize,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut total_extra = 0;
        if !text.is_ascii() {
            for (at, ch) in text.char_indices() {
                let width = ch.len_utf8();
                if width > 1 {
                    wide.push((at, total_extra));
                    total_extra += width - 1;
                }
            }
        }
        CharIndex {
            wide,
            total_extra,
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text's length).
    ///
    /// A byte offset inside a multi-byte character maps to the code point that contains it.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let before = self.wide.partition_point(|&(start, _)| start < byte);
        let Some(&(last_start, extra_before_last)) =
            before.checked_sub(1).and_then(|i| self.wide.get(i))
        else {
            return byte;
        };
        let last_char = last_start - extra_before_last;
        let extra_through_last = self
            .wide
            .get(before)
            .map_or(self.total_extra, |&(_, extra)| extra);
        let last_end = last_start + (extra_through_last - extra_before_last) + 1;
        if byte < last_end {
            last_char
        } else {
            byte - extra_through_last
        }
    }

    /// The text's length in code points.
    pub fn char_len(&self) -> usize {
        self.char_offset(self.len_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|(at, _)| *at < byte).count()
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("hello");
        assert_eq!(idx.char_offset(3), 3);
        assert_eq!(idx.char_len(), 5);
    }

    #[test]
    fn curly_quotes_and_emoji() {
        let text = "“Hi” 👋🏽 e\u{301}!";
        let idx = CharIndex::new(text);
        for (at, _) in text.char_indices() {
            assert_eq!(idx.char_offset(at), naive(text, at), "at byte {at}");
        }
        assert_eq!(idx.char_len(), text.chars().count());
    }

    proptest! {
        #[test]
        fn matches_naive_count(text in "\\PC{0,40}[\r\n“”«»😀é\u{301}a ]{0,10}") {
            let idx = CharIndex::new(&text);
            for (at, _) in text.char_indices() {
                prop_assert_eq!(idx.char_offset(at), naive(&text, at));
            }
            prop_assert_eq!(idx.char_len(), text.chars().count());
        }
    }
}
