//! Sentence splitting over tokens, one paragraph at a time.
//!
//! A sentence ends at a terminal (. ! ? … and their other-script forms) together with the closing
//! quotes and brackets glued to it, when whitespace and a plausible sentence start follow: a
//! capitalised or caseless word, a number, an opening quote or bracket, or a symbol. A lowercase
//! word never starts a sentence, and neither does a capitalised speaker followed by a speech verb
//! after a closed quotation (`“Why?” Smith asked.`). After an abbreviation that keeps its period (see
//! `data/abbreviations.txt`), titles never end a sentence and the others end one only before a
//! typical sentence opener.

use crate::chars::{
    char_at, is_closing_bracket, is_opening_bracket, is_terminal, is_unspaced_terminal,
};
use crate::lists::{lists, AbbrevKind};
use claimgraph_core::layers::{Paragraph, Sentence, Token, TokenKind};
use claimgraph_core::Span;

/// Sentences; never cross a paragraph boundary.
///
/// Tokens are assigned to the paragraph that contains them; with the tokens and paragraphs of
/// the same text every token lands in exactly one sentence.
pub fn sentences(text: &str, paragraphs: &[Paragraph], tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut t = 0;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        while tokens
            .get(t)
            .is_some_and(|tok| tok.span.start < paragraph.span.start)
        {
            t += 1;
        }
        let first = t;
        while tokens
            .get(t)
            .is_some_and(|tok| paragraph.span.contains(tok.span))
        {
            t += 1;
        }
        split_paragraph(text, tokens, (first, t), index, &mut out);
    }
    out
}

/// How a token can end a sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A single full stop.
    Dot,
    /// An ellipsis: "..." or "…".
    Ellipsis,
    /// Question and exclamation marks and other-script stops that want a space after them.
    Stop,
    /// Stops of scripts written without spaces (。): a sentence may start right after them.
    Unspaced,
    /// An abbreviation keeping its period.
    Abbreviation(AbbrevKind),
}

/// The tokens of one paragraph being split.
struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

fn split_paragraph(
    text: &str,
    tokens: &[Token],
    (first, last): (usize, usize),
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let Some(paragraph_tokens) = tokens.get(first..last) else {
        return;
    };
    let splitter = Splitter {
        text,
        tokens: paragraph_tokens,
    };
    let mut start = 0;
    for end in splitter.ends() {
        push(tokens, (first + start, first + end), paragraph, out);
        start = end;
    }
    if start < paragraph_tokens.len() {
        push(tokens, (first + start, last), paragraph, out);
    }
}

/// The most tokens a sentence may hold. News sentences stay far below it; text without stops
/// (a list run together, a log line, a 50 MB line of words) is cut into pieces of this size,
/// so no later stage works on one unbounded sentence.
pub const MAX_SENTENCE_TOKENS: usize = 400;

fn push(
    tokens: &[Token],
    (mut first, last): (usize, usize),
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    while last - first > MAX_SENTENCE_TOKENS {
        // Break after the last punctuation of the allowed stretch's final quarter, if any.
        let limit = first + MAX_SENTENCE_TOKENS;
        let cut = (limit - MAX_SENTENCE_TOKENS / 4..limit)
            .rev()
            .find(|&i| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct))
            .map_or(limit, |i| i + 1);
        push_one(tokens, (first, cut), paragraph, out);
        first = cut;
    }
    push_one(tokens, (first, last), paragraph, out);
}

fn push_one(
    tokens: &[Token],
    (first, last): (usize, usize),
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    if let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last.wrapping_sub(1))) {
        out.push(Sentence {
            span: Span::new(a.span.start, b.span.end),
            tokens: (first, last),
            paragraph,
        });
    }
}

impl Splitter<'_> {
    /// Token indices (exclusive ends) where a sentence ends inside the paragraph.
    fn ends(&self) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut has_content = false;
        let mut i = 0;
        while let Some(token) = self.tokens.get(i) {
            has_content |= matches!(token.kind, TokenKind::Word | TokenKind::Number);
            let Some(mut ending) = self.ending(i) else {
                i += 1;
                continue;
            };
            // Glue further terminals ("?!") and closing quotes or brackets (.” and .) ) on.
            let mut end = i + 1;
            let mut quoted = false;
            while let (Some(prev), Some(next)) = (self.tokens.get(end - 1), self.tokens.get(end)) {
                if prev.span.end != next.span.start || !self.closes(next) {
                    break;
                }
                quoted |= next.kind == TokenKind::Quote;
                if let Some(glued) = self.ending(end) {
                    ending = glued;
                }
                end += 1;
            }
            // A sentence needs a word or number: "..." alone does not make one.
            if has_content
                && end < self.tokens.len()
                && self.starts_sentence(i, end, ending, quoted)
            {
                ends.push(end);
                has_content = false;
            }
            i = end;
        }
        ends
    }

    fn text_of(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map_or("", |token| token.span.text(self.text))
    }

    fn first_char(&self, token: &Token) -> Option<char> {
        char_at(self.text, token.span.start).map(|(c, _)| c)
    }

    /// Whether (and how) token `index` may end a sentence.
    #[inline]
    fn ending(&self, index: usize) -> Option<Ending> {
        let token = self.tokens.get(index)?;
        match token.kind {
            TokenKind::Punct => {
                let c = self.first_char(token)?;
                if !is_terminal(c) {
                    None
                } else if is_unspaced_terminal(c) {
                    Some(Ending::Unspaced)
                } else if c == '\u{2026}' || (c == '.' && token.span.len() > 1) {
                    Some(Ending::Ellipsis)
                } else if c == '.' {
                    Some(Ending::Dot)
                } else {
                    Some(Ending::Stop)
                }
            }
            TokenKind::Word
                if self.text.as_bytes().get(token.span.end.wrapping_sub(1)) == Some(&b'.') =>
            {
                let word = token.span.text(self.text);
                // "said in a post on X.": the platform, not an initial.
                let platform = word == "X."
                    && index
                        .checked_sub(1)
                        .is_some_and(|p| matches!(self.text_of(p), "on" | "via" | "On"));
                let kind = lists().abbreviation(word).unwrap_or_else(|| {
                    // Not listed: an initial ("F.") or an unlisted dotted acronym ("N.Y.").
                    if word.chars().count() == 2 && !platform {
                        AbbrevKind::Title
                    } else {
                        AbbrevKind::Other
                    }
                });
                Some(Ending::Abbreviation(kind))
            }
            _ => None,
        }
    }

    /// Whether `token` may be glued onto a sentence end before it.
    #[inline]
    fn closes(&self, token: &Token) -> bool {
        match token.kind {
            TokenKind::Quote => true,
            TokenKind::Punct => self
                .first_char(token)
                .is_some_and(|c| is_terminal(c) || is_closing_bracket(c)),
            _ => false,
        }
    }

    /// Whether a new sentence starts at token `next`, after the ending at token `terminal` and
    /// the closing marks glued to it.
    fn starts_sentence(&self, terminal: usize, next: usize, ending: Ending, quoted: bool) -> bool {
        let (Some(prev), Some(token)) = (self.tokens.get(next - 1), self.tokens.get(next)) else {
            return false;
        };
        let spaced = prev.span.end < token.span.start;
        match ending {
            Ending::Abbreviation(AbbrevKind::Title) => false,
            Ending::Abbreviation(AbbrevKind::Other | AbbrevKind::Numeric) => {
                spaced
                    && match token.kind {
                        TokenKind::Word => {
                            lists().is_opener(self.text_of(next)) || self.subject_and_verb(next)
                        }
                        TokenKind::Quote => self.opens(next),
                        _ => false,
                    }
            }
            Ending::Unspaced => self.opens(next),
            Ending::Stop if spaced => self.opens(next) && !(quoted && self.speaker_follows(next)),
            Ending::Dot | Ending::Ellipsis if spaced => self.opens(next),
            // Web text often loses the space after a stop ("the region.The EU").
            Ending::Ellipsis => self.title_case_word(next),
            Ending::Dot => self.lowercase_end(terminal) && self.title_case_word(next),
            Ending::Stop => false,
        }
    }

    /// "… with Ferris Hotel Corp. Ferris will get a fee": a capitalised word and then a verb
    /// that a clause goes on with start a sentence after an abbreviation.
    fn subject_and_verb(&self, index: usize) -> bool {
        let verb = self.tokens.get(index + 1).map(|_| self.text_of(index + 1));
        starts_upper_or_caseless(self.text_of(index))
            && verb.is_some_and(|verb| {
                matches!(
                    verb,
                    "will"
                        | "would"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "have"
                        | "said"
                        | "says"
                        | "can"
                        | "could"
                        | "did"
                        | "does"
                        | "also"
                )
            })
    }

    /// Whether token `index` looks like the first token of a sentence.
    fn opens(&self, index: usize) -> bool {
        let Some(token) = self.tokens.get(index) else {
            return false;
        };
        match token.kind {
            TokenKind::Word => starts_upper_or_caseless(self.text_of(index)),
            TokenKind::Number | TokenKind::Symbol => true,
            TokenKind::Quote => match self.tokens.get(index + 1) {
                // A quote ending the paragraph closes; one before lowercase text continues.
                None => false,
                Some(after) if after.kind == TokenKind::Word => {
                    starts_upper_or_caseless(self.text_of(index + 1))
                }
                Some(_) => true,
            },
            TokenKind::Punct => self.first_char(token).is_some_and(is_opening_bracket),
        }
    }

    /// `“Why now?” Smith asked.`: a name then a speech verb continue the sentence. A capitalised
    /// opener (`“Why?” He asked again.`) shows the writer started a new one.
    fn speaker_follows(&self, next: usize) -> bool {
        const MAX_NAME_WORDS: usize = 4;
        if lists().is_opener(self.text_of(next)) {
            return false;
        }
        let mut index = next;
        while index < next + MAX_NAME_WORDS
            && self
                .tokens
                .get(index)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && starts_upper_or_caseless(self.text_of(index))
        {
            index += 1;
        }
        index > next
            && self
                .tokens
                .get(index)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && lists().is_speech_verb(self.text_of(index))
    }

    /// Whether the token before `terminal` ends in lowercase or is a closing bracket, unlike the
    /// parts of "ASP.NET".
    fn lowercase_end(&self, terminal: usize) -> bool {
        let Some(before) = terminal.checked_sub(1).and_then(|b| self.tokens.get(b)) else {
            return false;
        };
        let text = before.span.text(self.text);
        match before.kind {
            TokenKind::Word => text.chars().next_back().is_some_and(char::is_lowercase),
            TokenKind::Punct => text.chars().next().is_some_and(is_closing_bracket),
            _ => false,
        }
    }

    /// Whether token `index` is a word in title case ("The", not "NET" or "com").
    fn title_case_word(&self, index: usize) -> bool {
        if self
            .tokens
            .get(index)
            .is_none_or(|t| t.kind != TokenKind::Word)
        {
            return false;
        }
        let mut chars = self.text_of(index).chars();
        matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
    }
}

/// Whether a word starts with an uppercase letter or a letter of a script without case.
#[inline]
fn starts_upper_or_caseless(word: &str) -> bool {
    word.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::{paragraphs, tokenize};

    fn split(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        let tokens = tokenize(text);
        super::sentences(text, &paragraphs, &tokens)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn text_without_stops_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(350) + "and, more " + &"word ".repeat(900);
        let paragraphs = paragraphs(&text);
        let tokens = tokenize(&text);
        let sentences = super::sentences(&text, &paragraphs, &tokens);
        assert!(sentences.len() >= 3);
        assert!(sentences
            .iter()
            .all(|s| s.tokens.1 - s.tokens.0 <= super::MAX_SENTENCE_TOKENS));
        // Every token is in exactly one piece, in order.
        assert!(sentences.windows(2).all(|w| w[0].tokens.1 == w[1].tokens.0));
        assert_eq!(sentences.first().map(|s| s.tokens.0), Some(0));
        assert_eq!(sentences.last().map(|s| s.tokens.1), Some(tokens.len()));
        // The piece holding the comma ends right after it.
        assert!(sentences
            .iter()
            .any(|s| s.span.text(&text).ends_with("and,")));
    }

    #[test]
    fn a_company_abbreviation_ends_a_sentence_before_a_new_clause() {
        assert_eq!(
            split("It signed with Ferris Hotel Corp. Ferris will get a fee."),
            [
                "It signed with Ferris Hotel Corp.",
                "Ferris will get a fee."
            ]
        );
        assert_eq!(
            split("Smith Corp. Chairman John Lee said so."),
            ["Smith Corp. Chairman John Lee said so."]
        );
    }

    #[test]
    fn splits_at_terminals_before_capitals() {
        assert_eq!(
            split("He left. She stayed! Why? 155 died."),
            ["He left.", "She stayed!", "Why?", "155 died."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            split("He said: “Go.” Then he left."),
            ["He said: “Go.”", "Then he left."]
        );
        assert_eq!(split("“Why?” he asked."), ["“Why?” he asked."]);
        assert_eq!(
            split("She said “he told me ‘leave.’” Then"),
            ["She said “he told me ‘leave.’”", "Then"]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Gen. Mark Milley met Mr. Smith. U.S. officials said so."),
            ["Gen. Mark Milley met Mr. Smith.", "U.S. officials said so."]
        );
        assert_eq!(
            split("John F. Kennedy spoke at 5 p.m. Monday on Oct. 7 in the U.S. The talks ended."),
            [
                "John F. Kennedy spoke at 5 p.m. Monday on Oct. 7 in the U.S.",
                "The talks ended."
            ]
        );
        assert_eq!(
            split("U.S. President Joe Biden left."),
            ["U.S. President Joe Biden left."]
        );
    }

    #[test]
    fn lowercase_never_starts_a_sentence() {
        assert_eq!(
            split("It was 3 p.m. and the U.S. army came."),
            ["It was 3 p.m. and the U.S. army came."]
        );
        assert_eq!(split("Wait... and see."), ["Wait... and see."]);
    }

    #[test]
    fn paragraphs_bound_sentences() {
        assert_eq!(
            split("Headline Without Stop\nFirst sentence. Second one"),
            ["Headline Without Stop", "First sentence.", "Second one"]
        );
    }

    #[test]
    fn speaker_after_quoted_question_continues() {
        assert_eq!(
            split("“Why now?” Ana Ruiz asked. “Go!” He said. “Stop.” Ruiz added that it was over."),
            [
                "“Why now?” Ana Ruiz asked.",
                "“Go!”",
                "He said.",
                "“Stop.”",
                "Ruiz added that it was over."
            ]
        );
    }

    #[test]
    fn quote_ending_a_paragraph_closes() {
        assert_eq!(split("It ended. \""), ["It ended. \""]);
    }

    #[test]
    fn missing_space_after_stop() {
        assert_eq!(
            split("talks in the region.The EU agreed...They left. See ASP.NET and example.com."),
            [
                "talks in the region.",
                "The EU agreed...",
                "They left.",
                "See ASP.NET and example.com."
            ]
        );
    }

    #[test]
    fn unspaced_scripts() {
        assert_eq!(split("我们来了。他走了。"), ["我们来了。", "他走了。"]);
    }
}
