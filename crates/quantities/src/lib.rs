//! Numbers in digits or words, their hedges ("at least", "dozens of") and what they count.
//!
//! Conventions:
//! - The quantity's span covers the hedge, a currency sign and a scale or percent word:
//!   "at least 155", "$40 billion", "more than 10 percent".
//! - Vague plurals get a nominal value and the `approximate` qualifier: "dozens of" 24, "hundreds
//!   of" 200, "thousands of" 2,000, "tens of thousands of" 20,000, "hundreds of thousands of"
//!   200,000, "millions of" 2,000,000. The value is a floor-ish reading, not an estimate.
//! - Years (a bare 1900–2099 without a currency or scale), clock times (10:30) and ordinals are not
//!   quantities.
//! - `counted` is the short noun phrase right after the number ("Chinese citizens" in "155 Chinese
//!   citizens"; "voters" in "10 percent of voters"), cut at a function word, verb-like word or
//!   punctuation, at most five tokens.

use claimgraph_core::layers::{Qualifier, Quantity, Token, TokenKind};
use claimgraph_core::{Analysis, Span};

const MAX_COUNTED_TOKENS: usize = 5;

/// Finds quantities in a segmented text.
pub fn find_quantities(text: &str, analysis: &Analysis) -> Vec<Quantity> {
    let scanner = Scanner {
        text,
        tokens: &analysis.tokens,
    };
    let mut quantities = Vec::new();
    let mut at = 0;
    while at < scanner.tokens.len() {
        match scanner.quantity_at(at) {
            Some((quantity, next)) => {
                quantities.push(quantity);
                at = next.max(at + 1);
            }
            None => at += 1,
        }
    }
    quantities
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

/// A number read from one or more tokens: `[start, end)` token range and value.
struct Number {
    start: usize,
    end: usize,
    value: f64,
    vague: bool,
}

impl Scanner<'_> {
    fn word(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map_or("", |t| t.span.text(self.text))
    }

    fn lower_is(&self, index: usize, expected: &str) -> bool {
        self.word(index).eq_ignore_ascii_case(expected)
    }

    fn quantity_at(&self, at: usize) -> Option<(Quantity, usize)> {
        let number = self.vague_at(at).or_else(|| self.number_at(at))?;
        let mut start = number.start;
        let mut end = number.end;
        let mut value = number.value;
        let mut is_money = false;
        if let Some(scale) = scale_of(&self.word(end).to_ascii_lowercase()) {
            if !number.vague {
                value *= scale;
                end += 1;
            }
        }
        if start > 0 && matches!(self.word(start - 1), "$" | "€" | "£" | "¥") {
            start -= 1;
            is_money = true;
        }
        let percent_len = if self.word(end) == "%" || self.lower_is(end, "percent") {
            1
        } else if self.lower_is(end, "per") && self.lower_is(end + 1, "cent") {
            2
        } else {
            0
        };
        let is_percent = percent_len > 0;
        end += percent_len;
        if !number.vague && !is_money && !is_percent && self.is_year_or_time(&number) {
            return None;
        }
        let (hedge_start, hedge) = self.hedge_before(start);
        let qualifier = if number.vague {
            Qualifier::Approximate
        } else {
            hedge
        };
        let counted_from = if (number.vague || is_percent) && self.lower_is(end, "of") {
            end + 1
        } else {
            end
        };
        let counted = if is_money {
            None
        } else {
            self.counted_at(counted_from)
        };
        if self.lower_is(number.start, "one")
            && number.end == number.start + 1
            && counted.is_none()
            && hedge == Qualifier::Exact
        {
            return None;
        }
        let first = self.tokens.get(hedge_start)?;
        let last = self.tokens.get(end.checked_sub(1)?)?;
        Some((
            Quantity {
                span: first.span.cover(last.span),
                value,
                qualifier,
                counted,
            },
            end,
        ))
    }

    fn is_year_or_time(&self, number: &Number) -> bool {
        let word = self.word(number.start);
        let year_like = number.end == number.start + 1
            && word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (1900.0..=2099.0).contains(&number.value);
        let time_like =
            self.word(number.end) == ":" || number.start > 0 && self.word(number.start - 1) == ":";
        year_like || time_like
    }

    /// "dozens of", "hundreds of thousands of", "a dozen".
    fn vague_at(&self, at: usize) -> Option<Number> {
        let first = self.word(at).to_ascii_lowercase();
        let (value, len) = match first.as_str() {
            "dozens" => (24.0, 1),
            "hundreds" if self.lower_is(at + 1, "of") && self.lower_is(at + 2, "thousands") => {
                (200_000.0, 3)
            }
            "hundreds" => (200.0, 1),
            "tens" if self.lower_is(at + 1, "of") && self.lower_is(at + 2, "thousands") => {
                (20_000.0, 3)
            }
            "thousands" => (2_000.0, 1),
            "millions" => (2_000_000.0, 1),
            _ => return None,
        };
        self.lower_is(at + len, "of").then_some(Number {
            start: at,
            end: at + len,
            value,
            vague: true,
        })
    }

    /// Digits ("1,000", "3.5") or number words ("twenty-five", "two hundred", "a dozen").
    fn number_at(&self, at: usize) -> Option<Number> {
        let token = self.tokens.get(at)?;
        if token.kind == TokenKind::Number {
            let word = self.word(at);
            let value: f64 = word.replace(',', "").parse().ok()?;
            return value.is_finite().then_some(Number {
                start: at,
                end: at + 1,
                value,
                vague: false,
            });
        }
        if token.kind != TokenKind::Word {
            return None;
        }
        if self.lower_is(at, "a") || self.lower_is(at, "an") {
            let next = self.word(at + 1).to_ascii_lowercase();
            let value = match next.as_str() {
                "dozen" => 12.0,
                "hundred" => 100.0,
                "thousand" => 1_000.0,
                "million" => 1_000_000.0,
                "billion" => 1_000_000_000.0,
                _ => return None,
            };
            return Some(Number {
                start: at,
                end: at + 2,
                value,
                vague: false,
            });
        }
        let mut total = 0.0;
        let mut current = 0.0;
        let mut end = at;
        while let Some(value) = word_value(&self.word(end).to_ascii_lowercase()) {
            match value {
                WordValue::Unit(v) => current += v,
                WordValue::Hundred => current = current.max(1.0) * 100.0,
                WordValue::Scale(s) => {
                    total += current.max(1.0) * s;
                    current = 0.0;
                }
            }
            end += 1;
            if self.lower_is(end, "and")
                && word_value(&self.word(end + 1).to_ascii_lowercase()).is_some()
                && end > at
            {
                end += 1;
            }
        }
        if end == at
            || matches!(
                word_value(&self.word(at).to_ascii_lowercase()),
                Some(WordValue::Hundred | WordValue::Scale(_))
            )
        {
            return None;
        }
        Some(Number {
            start: at,
            end,
            value: total + current,
            vague: false,
        })
    }

    /// The longest hedge ending right before token `start`; returns its first token and qualifier.
    fn hedge_before(&self, start: usize) -> (usize, Qualifier) {
        for (hedge, qualifier) in HEDGES {
            let words: Vec<&str> = hedge.split(' ').collect();
            let Some(first) = start.checked_sub(words.len()) else {
                continue;
            };
            if words
                .iter()
                .enumerate()
                .all(|(i, w)| self.lower_is(first + i, w))
            {
                return (first, *qualifier);
            }
        }
        (start, Qualifier::Exact)
    }

    /// The noun phrase right after a number.
    fn counted_at(&self, from: usize) -> Option<Span> {
        let mut end = from;
        while end < self.tokens.len() && end < from + MAX_COUNTED_TOKENS {
            let token = self.tokens.get(end)?;
            let lower = self.word(end).to_ascii_lowercase();
            let joins = matches!(lower.as_str(), "-" | "'s" | "’s");
            // "two injured soldiers": a participle right after the number describes, later it reports.
            let describes = end == from
                && matches!(
                    lower.as_str(),
                    "injured" | "wounded" | "captured" | "killed"
                );
            // Past-tense verbs after the noun ("155 volunteers joined") end the phrase.
            let reports = end > from && lower.len() > 4 && lower.ends_with("ed");
            if !(token.kind == TokenKind::Word || joins)
                || (STOP_WORDS.contains(&lower.as_str()) || reports) && !describes
            {
                break;
            }
            end += 1;
        }
        let first = self.tokens.get(from)?;
        let last = self.tokens.get(end.checked_sub(1)?)?;
        (end > from).then(|| first.span.cover(last.span))
    }
}

fn scale_of(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

enum WordValue {
    Unit(f64),
    Hundred,
    Scale(f64),
}

fn word_value(word: &str) -> Option<WordValue> {
    if let Some((tens, unit)) = word.split_once('-') {
        let (Some(WordValue::Unit(t)), Some(WordValue::Unit(u))) =
            (word_value(tens), word_value(unit))
        else {
            return None;
        };
        return (t >= 20.0 && u < 10.0).then_some(WordValue::Unit(t + u));
    }
    let unit = match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => return Some(WordValue::Hundred),
        other => return scale_of(other).map(WordValue::Scale),
    };
    Some(WordValue::Unit(unit))
}

/// Hedges, longest first so "no more than" wins over "more than".
const HEDGES: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("no more than", Qualifier::UpTo),
    ("in excess of", Qualifier::MoreThan),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("an estimated", Qualifier::About),
    ("at least", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("close to", Qualifier::About),
    ("up to", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("fewer than", Qualifier::UpTo),
    ("less than", Qualifier::UpTo),
    ("over", Qualifier::MoreThan),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("some", Qualifier::About),
    ("under", Qualifier::UpTo),
];

/// Words that end a counted noun phrase: function words and common verbs.
const STOP_WORDS: &[&str] = &[
    "are",
    "were",
    "is",
    "was",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "do",
    "does",
    "did",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "from",
    "by",
    "of",
    "who",
    "which",
    "that",
    "and",
    "or",
    "but",
    "said",
    "says",
    "say",
    "than",
    "as",
    "into",
    "over",
    "after",
    "before",
    "since",
    "during",
    "against",
    "across",
    "per",
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
    "they",
    "he",
    "she",
    "it",
    "we",
    "i",
    "you",
    "their",
    "his",
    "her",
    "its",
    "our",
    "not",
    "also",
    "more",
    "less",
    "each",
    "about",
    "up",
    "out",
    "off",
    "between",
    "among",
    "while",
    "when",
    "where",
    "if",
    "killed",
    "died",
    "injured",
    "wounded",
    "fighting",
    "arrested",
    "captured",
    "fled",
    "left",
    "remain",
    "remained",
    "according",
    "such",
];

#[cfg(test)]
mod tests;
