//! Numbers in digits or words, their hedges ("at least", "dozens of") and what they count.
//!
//! [`find_quantities`] reads the token layer sentence by sentence in one left-to-right pass with
//! bounded look-around, so it is linear in the text and allocates only the result.
//!
//! Conventions:
//! - The span covers the hedge, a currency sign or name, a scale word or suffix, a percent word
//!   and a range: "at least 155", "US$40 billion", "$100m", "5 billion euros", "more than 10 per
//!   cent", "between 200 and 300", "3,000 to 5,000", "10-15%".
//! - Hedges map to qualifiers as listed in `data/hedges.txt`; "or more" after the number gives
//!   `at_least`, "or so" and "-odd" give `about`, "-plus" gives `more_than`, "or fewer"/"or less" give `up_to`.
//! - Vague amounts get a nominal value and `approximate` (unless a hedge says more): "dozens of" 24,
//!   "scores of" 40, "hundreds of" 200, "thousands of" 2,000, "tens of thousands of" 20,000,
//!   "hundreds of thousands of" 200,000, "millions of" 2,000,000, "several"/"a few"/"a handful of"
//!   3, "a couple of" 2, "several hundred" 300. The value is a floor-ish reading, not an estimate.
//!   "a dozen" is exact 12. "several" and "a few" count only when a noun phrase follows.
//! - A range ("between 200 and 300", "3,000 to 5,000", "8-10", "two or three") is one quantity
//!   whose span covers both ends (and "between"), whose `value` is the low end and whose `upper`
//!   is the high end; `upper` is `None` for everything else. Its qualifier is `range`, unless a
//!   hedge before or after it says more: "about three to four weeks" is `about` 3 to 4, "10 to 15
//!   or so" is `about` 10 to 15. The low end shares the high end's multiplier: "$3-5 billion",
//!   "two to three hundred". "from 10 to 15" is a change, two quantities, unless a range word
//!   comes before it ("ranging from", "anywhere from", `[range_lead]` in `data/words.txt`): then
//!   it is a range whose span starts at "from". "X to Y" (or "X or Y") is also a change when X
//!   is a percent and Y is not ("fell 22.9 pct to 1,670 tonnes"), or when a change word
//!   (`[change]`: "rose", "fell", "by") precedes it and Y is more than twice X ("rose 141 to
//!   619"). Year spans ("between 1990 and 2000"), scores ("2-1", where the second number is not
//!   larger) and day spans ("5-6 April") are not ranges.
//! - A ratio ("one in five nurses", "3 out of 10 voters") is one quantity read as a share in
//!   percent, like "20 percent of nurses": `value` 20, what follows counted. The whole must be
//!   at least the part and not a year ("five in 2020" is a count and a year).
//! - Not quantities: numbers inside names ("the Six Nations" after a lowercase word, "10 Downing
//!   Street"); years (a bare 19xx/20xx, or any 4-digit year after "in", "since" ...), day
//!   numbers next to a month ("5 March", "Oct. 7"), clock times ("10:30", "11am"), numbers joined
//!   by separators into phone numbers, ids, dates or year spans ("910-432-3383", "24/7",
//!   "2022-23"), labels ("section 119.3", "Resolution 2254", "Radio 4"), ordinals and decades
//!   ("1st", "second", "1990s"), fractions ("two thirds"), footnote marks ("[2]"), coordinates
//!   ("33°47′N"), list numbering, and "one" used as a pronoun ("one of the", "no
//!   one", "the one who") or without a counted noun.
//! - `counted` is the short noun phrase right after the number, cut at a function word, a
//!   verb-like word, a clause boundary or punctuation, at most five tokens: "Chinese citizens" in
//!   "155 Chinese citizens are", "voters" in "10 percent of voters", "civilians" in "hundreds of
//!   civilians", "soldiers" in "three of the soldiers". For a unit it is the unit ("km" in
//!   "30km", "1.5C"); for a compound modifier it is the word after the hyphen ("year-old" in
//!   "14-year-old"). For money it is what the money buys: "$40 billion in aid" -> "aid",
//!   "$300m programme" -> "programme".

mod lists;
mod numbers;

use claimgraph_core::layers::{Qualifier, Quantity, Token, TokenKind};
use claimgraph_core::{Analysis, Span};
use lists::{lists, Class, Classes, Key, Lists};
use numbers::{number_word, parse_digits, plural_scale, scale_of, Decimal, NumberWord, WordNumber};

const MAX_COUNTED_TOKENS: usize = 5;

/// Quantities in a segmented text (paragraphs, tokens and sentences filled), in text order.
pub fn find_quantities(text: &str, analysis: &Analysis) -> Vec<Quantity> {
    let mut found = Vec::new();
    let lists = lists();
    let scan = |tokens: &[Token], found: &mut Vec<Quantity>| {
        Scanner {
            text,
            tokens,
            lists,
        }
        .scan(found);
    };
    if analysis.sentences.is_empty() {
        scan(&analysis.tokens, &mut found);
    } else {
        for sentence in &analysis.sentences {
            scan(analysis.sentence_tokens(sentence), &mut found);
        }
    }
    found
}

/// One sentence's tokens and the lists; token indices are local to the sentence.
struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lists: &'static Lists,
}

/// Words that end a street name after a house number.
const STREET_WORDS: &[&str] = &[
    "Street",
    "Road",
    "Avenue",
    "Lane",
    "Boulevard",
    "Square",
    "Drive",
    "Place",
    "Terrace",
];

/// A number read from one or more tokens, before hedges, currency and percent.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// Token range `[start, end)`.
    start: usize,
    end: usize,
    value: Decimal,
    /// Written in digits: only digits can be years, dates, times or ids.
    digits: bool,
    /// The scale word or suffix that multiplied the number ("million", "bn").
    scale: Option<f64>,
    vague: bool,
    /// "several", "a few": a quantity only when a counted noun follows.
    needs_counted: bool,
    /// A glued "m", "b" or "k" that scales the number only if it turns out to be money.
    money_scale: Option<f64>,
}

/// What reading at one token gave.
enum Step {
    Found(Quantity, usize),
    /// Not a quantity, and neither is anything before this token index.
    Skip(usize),
    Nothing,
}

impl<'a> Scanner<'a> {
    fn scan(&self, found: &mut Vec<Quantity>) {
        let mut at = 0;
        // Hedges and currency signs are looked for back to here, never inside the last quantity.
        let mut floor = 0;
        while at < self.tokens.len() {
            match self.quantity_at(at, floor) {
                Step::Found(quantity, next) => {
                    found.push(quantity);
                    at = next.max(at + 1);
                    floor = at;
                }
                Step::Skip(next) => {
                    at = next.max(at + 1);
                    floor = at;
                }
                Step::Nothing => at += 1,
            }
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn key(&self, i: usize) -> Key {
        Key::new(self.word(i))
    }

    fn classes(&self, i: usize) -> Classes {
        if self.kind(i) != Some(TokenKind::Word) {
            return Classes::default();
        }
        self.lists.classes(self.key(i).as_str())
    }

    fn has(&self, i: usize, class: Class) -> bool {
        self.classes(i).has(class)
    }

    fn is(&self, i: usize, lower: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(lower)
    }

    /// Token `i - 1`, if it exists and is not below `floor`.
    fn before(&self, i: usize, floor: usize) -> Option<usize> {
        i.checked_sub(1).filter(|&p| p >= floor)
    }

    /// Whether token `i` ends where token `i + 1` starts.
    fn glued(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "-" | "\u{2013}" | "\u{2011}")
    }

    /// "in the Six Nations", "at 10 Downing Street": a number that is part of a name. A
    /// capitalised number word counts only after a lowercase word, so title-case headlines
    /// ("Says Two Fighters Captured") keep their numbers.
    fn is_inside_name(&self, core: &Core) -> bool {
        let capitalised_after =
            |i: usize| self.kind(i) == Some(TokenKind::Word) && self.is_capitalized(i);
        if !capitalised_after(core.end) {
            return false;
        }
        if core.digits {
            return (core.end..core.end + 3)
                .take_while(|&i| capitalised_after(i))
                .any(|i| STREET_WORDS.contains(&self.word(i)));
        }
        self.is_capitalized(core.start)
            && core
                .start
                .checked_sub(1)
                .is_some_and(|p| self.kind(p) == Some(TokenKind::Word) && !self.is_capitalized(p))
    }

    /// Whether token `i` is the sentence's first word (only quotes or punctuation before it).
    fn is_first_word(&self, i: usize) -> bool {
        // Looking back a few tokens keeps this constant-time; a longer lead-in is not an opening.
        i <= 3
            && self.tokens.get(..i).is_some_and(|before| {
                before
                    .iter()
                    .all(|t| !matches!(t.kind, TokenKind::Word | TokenKind::Number))
            })
    }

    fn quantity_at(&self, at: usize, floor: usize) -> Step {
        let Some(lower) = self.read_core(at) else {
            return Step::Nothing;
        };
        if lower.digits {
            if let Some(next) = self.joined_digits(at).or_else(|| self.digit_run(at)) {
                return Step::Skip(next);
            }
        }
        if self.is_inside_name(&lower) {
            return Step::Skip(lower.end);
        }
        let (start, mut money) = self.currency_before(lower.start, floor);
        let between = self.before(start, floor).filter(|&p| self.is(p, "between"));
        let from = self.before(start, floor).filter(|&p| self.is(p, "from"));
        // "ranging from 10 to 15" is a range; "rose from 10 to 15" is a change, two quantities.
        let from_range = from.filter(|&p| {
            self.before(p, floor)
                .is_some_and(|w| self.has(w, Class::RangeLead))
        });
        let mut upper = None;
        if !lower.vague && (from.is_none() || from_range.is_some()) {
            let after_change = self
                .before(start, floor)
                .is_some_and(|p| self.has(p, Class::Change));
            match self.range_upper(&lower, money, between.is_some(), after_change) {
                Ok(found) => upper = found,
                Err(next) => return Step::Skip(next),
            }
        }
        let ratio = upper
            .is_none()
            .then(|| self.ratio_denominator(&lower))
            .flatten();
        let mut factor = upper.map_or(1.0, |up| self.shared_scale(&lower, &up));
        let last = ratio.or(upper).unwrap_or(lower);
        let mut end = last.end;
        // A glued "m" after the upper end scales both ends: "$3-5m".
        let mut money_factor = 1.0;
        if let Some(scale) = last.money_scale {
            if money || self.is_currency_after(end + 1) || self.is_million_m(end) {
                money_factor = scale;
                end += 1;
            }
        }
        factor *= money_factor;
        let value = match ratio {
            Some(of) => 100.0 * lower.value.scaled(1.0) / of.value.scaled(1.0),
            None => lower.value.scaled(factor),
        };
        let upper_value = upper.map(|up| up.value.scaled(money_factor));
        if self.is_currency_after(end) {
            money = true;
            end += 1;
        }
        let percent_len = if money || ratio.is_some() {
            0
        } else {
            self.percent_len(end)
        };
        end += percent_len;
        let percent = percent_len > 0 || ratio.is_some();

        // A "between" or "from" range starts at that word, and its hedge comes before it.
        let hedged = between
            .or(from_range)
            .filter(|_| upper.is_some())
            .unwrap_or(start);
        let (first, mut qualifier) = self.hedge_before(hedged, floor);
        let plain = !money && !percent && last.scale.is_none() && !lower.vague;
        if plain && self.is_date_or_label(&lower, start, end, floor)
            || plain && lower.digits && self.is_not_a_count(&lower, start, end, qualifier, floor)
        {
            // "November 18 -19": the day after the dash goes with it.
            let day_span = self.is_dash(end) && self.kind(end + 1) == Some(TokenKind::Number);
            return Step::Skip(if day_span { end + 2 } else { end });
        }
        // "two thirds of", "one half": a share, not a count; "two quarters" alone is a time.
        let fraction = self.has(end, Class::Fraction)
            && (!self.key(end).as_str().ends_with('s') || self.is(end + 1, "of"));
        if !lower.digits && fraction {
            return Step::Skip(end + 1);
        }
        if qualifier == Qualifier::Exact {
            if let Some((post, len)) = self.post_hedge(end) {
                qualifier = post;
                end += len;
            }
        }
        if qualifier == Qualifier::Exact {
            if upper.is_some() {
                qualifier = Qualifier::Range;
            } else if lower.vague {
                qualifier = Qualifier::Approximate;
            }
        }
        let counted = if money {
            self.money_counted(end)
        } else {
            self.counted_after(end, lower.vague || percent)
        };
        if (lower.needs_counted && counted.is_none())
            || (upper.is_none()
                && ratio.is_none()
                && self.is_pronoun_one(&lower, counted, qualifier, floor))
        {
            return Step::Nothing;
        }
        let (Some(first_token), Some(last_token)) = (
            self.tokens.get(first),
            end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) else {
            return Step::Nothing;
        };
        Step::Found(
            Quantity {
                span: first_token.span.cover(last_token.span),
                value,
                upper: upper_value,
                qualifier,
                counted,
            },
            end,
        )
    }

    /// "one in five", "3 out of 10": the whole after "in"/"out of", when it is at least the part.
    fn ratio_denominator(&self, part: &Core) -> Option<Core> {
        if part.vague || part.scale.is_some() {
            return None;
        }
        let after = if self.is(part.end, "in") {
            part.end + 1
        } else if self.is(part.end, "out") && self.is(part.end + 1, "of") {
            part.end + 2
        } else {
            return None;
        };
        let whole = self.read_core(after)?;
        let (part_value, whole_value) = (part.value.scaled(1.0), whole.value.scaled(1.0));
        let is_share = !whole.vague
            && whole.scale.is_none()
            && whole_value >= part_value
            && whole_value > 0.0
            && !self.is_year_shaped(&whole);
        is_share.then_some(whole)
    }

    fn read_core(&self, at: usize) -> Option<Core> {
        match self.kind(at)? {
            TokenKind::Number => self.read_digits(at),
            TokenKind::Word => self.read_vague(at).or_else(|| self.read_words(at)),
            _ => None,
        }
    }

    /// "155", "2.5 million", "40bn", and "100m" (whose "m" waits to see if it is money).
    fn read_digits(&self, at: usize) -> Option<Core> {
        let mut core = Core {
            start: at,
            end: at + 1,
            value: parse_digits(self.word(at))?,
            digits: true,
            scale: None,
            vague: false,
            needs_counted: false,
            money_scale: None,
        };
        if self.kind(at + 1) != Some(TokenKind::Word) {
            return Some(core);
        }
        match scale_of(self.key(at + 1).as_str()) {
            Some((scale, false)) => {
                core.value.numerator *= scale;
                core.scale = Some(scale);
                core.end += 1;
            }
            Some((scale, true)) if self.glued(at) => core.money_scale = Some(scale),
            _ => {}
        }
        Some(core)
    }

    /// "two", "twenty-five", "a dozen", "two hundred and fifty thousand", "half a million".
    fn read_words(&self, at: usize) -> Option<Core> {
        let first = self.key(at);
        let mut number = WordNumber::default();
        let mut end = at;
        let mut halved = false;
        match first.as_str() {
            "a" | "an" => {
                number = WordNumber::article();
                end += 1;
            }
            "half" if self.is(at + 1, "a") => {
                number = WordNumber::article();
                halved = true;
                end += 2;
            }
            _ => {}
        }
        while let Some(word) = number_word(self.key(end).as_str()) {
            if self.kind(end) != Some(TokenKind::Word) || !number.push(word) {
                break;
            }
            end += 1;
            let and_continues = number.takes_and()
                && self.is(end, "and")
                && matches!(
                    number_word(self.key(end + 1).as_str()),
                    Some(NumberWord::Unit(_) | NumberWord::Tens(_) | NumberWord::Compound(_))
                );
            if and_continues {
                end += 1;
            }
        }
        let mut value = Decimal::whole(number.value()?);
        // "three and a half years".
        let and_a_half =
            !halved && self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half");
        if and_a_half {
            value = Decimal {
                numerator: value.numerator * 2.0 + 1.0,
                divisor: 2.0,
            };
            end += 3;
        }
        if halved {
            // "half a dozen" is 6; "half a million" is 500,000.
            value.divisor = 2.0;
        }
        let mut scale = number.scale();
        if scale.is_none() {
            // Wire copy writes "six mln dlrs".
            if let Some((abbreviated, false)) = scale_of(self.key(end).as_str()) {
                value.numerator *= abbreviated;
                scale = Some(abbreviated);
                end += 1;
            }
        }
        Some(Core {
            start: at,
            end,
            value,
            digits: false,
            scale,
            vague: false,
            needs_counted: false,
            money_scale: None,
        })
    }

    /// "dozens of", "tens of thousands of", "several hundred", "a few", "a handful of".
    fn read_vague(&self, at: usize) -> Option<Core> {
        let vague = |end: usize, value: f64, needs_counted: bool| Core {
            start: at,
            end,
            value: Decimal::whole(value),
            digits: false,
            scale: None,
            vague: true,
            needs_counted,
            money_scale: None,
        };
        let first = self.key(at);
        let base = match first.as_str() {
            "dozens" => 24.0,
            "scores" => 40.0,
            "tens" => 20.0,
            "hundreds" => 200.0,
            "thousands" => 2e3,
            "millions" => 2e6,
            "billions" => 2e9,
            "several" => return Some(self.few(at + 1, &vague)),
            "a" => {
                return match self.key(at + 1).as_str() {
                    "few" => Some(self.few(at + 2, &vague)),
                    "couple" if self.is(at + 2, "of") => Some(vague(at + 2, 2.0, false)),
                    "couple" => self
                        .multiplier(at + 2)
                        .map(|scale| vague(at + 3, 2.0 * scale, false)),
                    "handful" if self.is(at + 2, "of") => Some(vague(at + 2, 3.0, false)),
                    _ => None,
                };
            }
            _ => return None,
        };
        if self.is(at + 1, "of") {
            if let Some(scale) = plural_scale(self.key(at + 2).as_str()) {
                return Some(vague(at + 3, base * scale, false));
            }
            return (first.as_str() != "tens").then(|| vague(at + 1, base, false));
        }
        // "hundreds were killed" counts; "scores" and "tens" alone are other words, and "by the
        // thousands" is a manner, not an amount.
        let after_determiner = at
            .checked_sub(1)
            .is_some_and(|p| matches!(self.key(p).as_str(), "the" | "their" | "its" | "in"));
        (!matches!(first.as_str(), "scores" | "tens") && !after_determiner)
            .then(|| vague(at + 1, base, false))
    }

    /// "several"/"a few" (3) ending before `end`, optionally times a multiplier: "a few
    /// hundred" is 300.
    fn few(&self, end: usize, vague: &dyn Fn(usize, f64, bool) -> Core) -> Core {
        match self.multiplier(end) {
            Some(scale) => vague(end + 1, 3.0 * scale, false),
            None => vague(end, 3.0, true),
        }
    }

    /// The value of "dozen", "hundred", "thousand", "million", "billion" at token `i`.
    fn multiplier(&self, i: usize) -> Option<f64> {
        match number_word(self.key(i).as_str())? {
            NumberWord::Dozen => Some(12.0),
            NumberWord::Hundred => Some(100.0),
            NumberWord::Scale(scale) => Some(scale),
            _ => None,
        }
    }

    /// Where a number joined by separators without spaces is not a count: phone numbers and ids
    /// ("910-432-3383"), times ("10:30"), dates and fractions ("5/3/2024", "24/7"), year spans
    /// ("2022-23"), numbers after a glued "+" or "#". Returns the token index after the chain.
    fn joined_digits(&self, at: usize) -> Option<usize> {
        let mut groups = 1;
        let mut end = at + 1;
        let mut other_separator = false;
        while self.glued(end - 1)
            && self.glued(end)
            && self.kind(end + 1) == Some(TokenKind::Number)
        {
            if !self.is_dash(end) {
                if !matches!(self.word(end), "/" | ":" | ".") {
                    break;
                }
                other_separator = true;
            }
            groups += 1;
            end += 2;
        }
        let signed = at
            .checked_sub(1)
            .is_some_and(|p| self.glued(p) && matches!(self.word(p), "+" | "#" | ":" | "/"));
        let first = self.word(at);
        let year_span = groups == 2 && first.len() == 4 && !first.contains([',', '.']);
        (groups >= 3 || other_separator || signed || year_span).then_some(end)
    }

    /// Where a run of numbers with nothing but spaces between them ends, if `at` starts one:
    /// phone numbers ("20 7946 0018") and table rows are not counts.
    fn digit_run(&self, at: usize) -> Option<usize> {
        let mut end = at + 1;
        while self.kind(end) == Some(TokenKind::Number) {
            end += 1;
        }
        (end > at + 1).then_some(end)
    }

    /// The token a quantity starts at after a currency sign or code before the number ("$",
    /// "US$", "USD"), and whether there was one.
    fn currency_before(&self, start: usize, floor: usize) -> (usize, bool) {
        let Some(sign) = self.before(start, floor) else {
            return (start, false);
        };
        if self.kind(sign) == Some(TokenKind::Symbol) && is_currency_sign(self.word(sign)) {
            let prefixed = self
                .before(sign, floor)
                .filter(|&p| self.glued(p) && self.has(p, Class::CurrencyPrefix));
            return (prefixed.unwrap_or(sign), true);
        }
        if self.has(sign, Class::CurrencyCode) {
            return (sign, true);
        }
        (start, false)
    }

    /// Whether a currency sign glued after the number ("40€") or a currency name or code
    /// ("dollars", "EUR") is at token `i`.
    fn is_currency_after(&self, i: usize) -> bool {
        let sign = self.kind(i) == Some(TokenKind::Symbol)
            && i.checked_sub(1).is_some_and(|p| self.glued(p))
            && is_currency_sign(self.word(i));
        sign || self.has(i, Class::Currency)
    }

    /// Whether a glued "m" at `i` means million, as in "1m barrels", rather than metres, as in
    /// "50m apart" or "300m (984ft)": a lowercase content word follows it.
    fn is_million_m(&self, i: usize) -> bool {
        let next = i + 1;
        self.is(i, "m")
            && self.kind(next) == Some(TokenKind::Word)
            && !self.is_capitalized(next)
            && !self.has(next, Class::Stop)
            && !matches!(
                self.key(next).as_str(),
                "high"
                    | "long"
                    | "wide"
                    | "deep"
                    | "tall"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    // Races in metres: "200m gold", "the 100m final".
                    | "gold"
                    | "silver"
                    | "bronze"
                    | "final"
                    | "heat"
                    | "heats"
                    | "race"
                    | "record"
                    | "title"
                    | "freestyle"
                    | "backstroke"
                    | "breaststroke"
                    | "butterfly"
                    | "medley"
                    | "hurdles"
                    | "relay"
                    | "sprint"
                    | "champion"
            )
    }

    /// Tokens of a percent sign or word at `i`: "%", "percent", "pct", "per cent",
    /// "percentage points".
    fn percent_len(&self, i: usize) -> usize {
        if self.word(i) == "%" || self.is(i, "percent") || self.is(i, "pct") {
            1
        } else if (self.is(i, "per") && self.is(i + 1, "cent"))
            || (self.is(i, "percentage") && (self.is(i + 1, "points") || self.is(i + 1, "point")))
        {
            2
        } else {
            0
        }
    }

    /// The upper end of a range after `lower`: "3,000 to 5,000", "10-15", "six or seven", and
    /// "200 and 300" after "between". `Err` with the index to skip to when a glued pair of numbers
    /// is not a range (a score "3-1"). `after_change` says a change word ("rose", "fell", "by")
    /// comes right before the lower end.
    fn range_upper(
        &self,
        lower: &Core,
        money: bool,
        between: bool,
        after_change: bool,
    ) -> Result<Option<Core>, usize> {
        // "20% to 30%", "150 euros and 300 euros": the lower end may repeat the unit.
        let lower_percent = self.percent_len(lower.end);
        let unit_len = if self.has(lower.end, Class::Currency) {
            1
        } else {
            lower_percent
        };
        let connector = lower.end + unit_len;
        let glued_dash =
            self.is_dash(connector) && self.glued(connector - 1) && self.glued(connector);
        let worded = (self.is(connector, "to") || self.is(connector, "or"))
            && !self.is(connector + 1, "more")
            && !self.is(connector + 1, "so");
        if !(glued_dash || worded || (between && self.is(connector, "and"))) {
            return Ok(None);
        }
        let mut at = connector + 1;
        if money && self.kind(at) == Some(TokenKind::Symbol) && is_currency_sign(self.word(at)) {
            at += 1;
        }
        let upper = match self.kind(at) {
            Some(TokenKind::Number) => self.read_digits(at),
            Some(TokenKind::Word) if !lower.digits => self.read_words(at),
            _ => None,
        };
        let Some(upper) = upper else {
            return Ok(None);
        };
        let low = lower.value.scaled(self.shared_scale(lower, &upper));
        let high = upper.value.value();
        // "rose 22.9 pct to 1,670 tonnes", "up 5% or 40 million": a change and where it led.
        let percent_then_other = lower_percent > 0 && self.percent_len(upper.end) == 0;
        // "shares rose 141 to 619": a change word and a far higher end make it a change too,
        // while "prices rose 10 to 15 percent" stays a range.
        let far_after_change = after_change && high > 2.0 * low;
        if worded && !between && (percent_then_other || far_after_change) {
            return Ok(None);
        }
        if low < high {
            Ok(Some(upper))
        } else if glued_dash && lower.digits {
            Err(upper.end)
        } else {
            Ok(None)
        }
    }

    /// The multiplier a range's low end takes from its high end: a million in "3 to 5 million",
    /// a hundred in "two to three hundred", a thousand in "twenty to thirty thousand".
    fn shared_scale(&self, lower: &Core, upper: &Core) -> f64 {
        if lower.scale.is_some() {
            return 1.0;
        }
        if upper.digits {
            return upper.scale.unwrap_or(1.0);
        }
        // Spelled out, the high end is its first number times the multiplier; the low end shares
        // it only when it is smaller than that first number ("ninety to a hundred" shares none).
        let lead = match number_word(self.key(upper.start).as_str()) {
            Some(NumberWord::Unit(v) | NumberWord::Tens(v) | NumberWord::Compound(v)) => v,
            _ => return upper.scale.unwrap_or(1.0),
        };
        let multiplier = upper.value.value() / lead;
        if lower.value.value() < lead && is_round_multiplier(multiplier) {
            multiplier
        } else {
            1.0
        }
    }

    /// Four plain digits from 1000 to 2099: "2019", not "2,019".
    fn is_year_shaped(&self, core: &Core) -> bool {
        let word = self.word(core.start);
        word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (1000.0..=2100.0).contains(&core.value.value())
    }

    /// Whether plain digits from `start` to `end` are a year, a clock time, a name or an id
    /// rather than a count.
    fn is_not_a_count(
        &self,
        lower: &Core,
        start: usize,
        end: usize,
        qualifier: Qualifier,
        floor: usize,
    ) -> bool {
        let word = self.word(lower.start);
        let previous = self.before(start, floor);
        let year_shaped = self.is_year_shaped(lower);
        let year_context = previous.is_some_and(|p| {
            matches!(
                self.key(p).as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "year"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "circa"
            )
        });
        // "about 2000 troops" counts; "around 2015" is a year.
        let modern = lower.value.value() >= 1900.0
            && (qualifier == Qualifier::Exact || self.noun_phrase(end).is_none());
        let year = year_shaped && (modern || year_context);
        let time = self.has(end, Class::TimeMark);
        // "Radio 4", "1Xtra".
        // "45C", "1.5C": degrees, not a label like "1Xtra".
        let temperature = matches!(self.word(lower.start + 1), "C" | "F");
        let label = previous.is_some_and(|p| self.is_name_before_number(p))
            || (self.glued(lower.start) && self.is_capitalized(lower.start + 1) && !temperature);
        let numbering = self.is_first_word(lower.start)
            && self.glued(lower.start)
            && matches!(self.word(lower.start + 1), "." | ")");
        let id = word.len() > 1 && word.starts_with('0') && !word.starts_with("0.")
            || word.len() >= 7 && word.bytes().all(|b| b.is_ascii_digit());
        // Footnote marks ("[2]") and coordinates ("33°47′N").
        let glued_before = |marks: &[&str]| {
            lower
                .start
                .checked_sub(1)
                .is_some_and(|p| self.glued(p) && marks.contains(&self.word(p)))
        };
        let glued_after = |marks: &[&str]| self.glued(end - 1) && marks.contains(&self.word(end));
        let footnote = glued_before(&["["]) && glued_after(&["]"]);
        let coordinate = glued_before(&["°", "′"])
            || glued_after(&["′", "″"])
            || (glued_after(&["°"])
                && self.glued(end)
                && (matches!(self.word(end + 1), "N" | "S" | "E" | "W")
                    || self.kind(end + 1) == Some(TokenKind::Number)));
        year || time || label || numbering || id || footnote || coordinate
    }

    /// Whether the number from `start` to `end` is a day next to a month ("5 March", "Oct. 7",
    /// "April three") or a label ("number three", "top 10", "BBC Three").
    fn is_date_or_label(&self, lower: &Core, start: usize, end: usize, floor: usize) -> bool {
        let month = |i: usize| self.has(i, Class::Month) && self.is_capitalized(i);
        let previous = self.before(start, floor);
        // "5-6 April" after "from", where no range was read.
        let day_span = self.is_dash(end) && self.kind(end + 1) == Some(TokenKind::Number);
        let date = previous.is_some_and(month) || month(end) || (day_span && month(end + 2));
        // Names spell small numbers as capitalised words: "Channel Four", "the Jackson Five".
        let name = !lower.digits
            && self.is_capitalized(lower.start)
            && previous.is_some_and(|p| self.is_name_before_number(p));
        date || name || previous.is_some_and(|p| self.has(p, Class::Reference))
    }

    /// Whether word `p` right before a number names something the number labels ("Radio 4",
    /// "World War 2"): capitalised, not a function word or hedge, not opening the sentence.
    fn is_name_before_number(&self, p: usize) -> bool {
        let classes = self.classes(p);
        self.kind(p) == Some(TokenKind::Word)
            && self.is_capitalized(p)
            && !classes.has(Class::Stop)
            && !classes.has(Class::Hedge)
            && !classes.has(Class::CurrencyCode)
            && !self.is_first_word(p)
    }

    /// The longest hedge ending right before token `start`, not reaching below `floor`, with
    /// a degree word before it ("well over"); its first token and qualifier.
    fn hedge_before(&self, start: usize, floor: usize) -> (usize, Qualifier) {
        for hedge in &self.lists.hedges {
            let Some(first) = start.checked_sub(hedge.words.len()).filter(|&f| f >= floor) else {
                continue;
            };
            let matches = hedge
                .words
                .iter()
                .enumerate()
                .all(|(i, w)| self.is(first + i, w));
            // "edged up to 4.55%": after a change word "up to" says where it went, not a bound.
            let movement = hedge.qualifier == Qualifier::UpTo
                && self.is(first, "up")
                && self
                    .before(first, floor)
                    .is_some_and(|p| self.has(p, Class::Change));
            // "talks over a £45m move", "a row over 300 jobs": "over" says what about.
            let topic = self.is(first, "over")
                && self.before(first, floor).is_some_and(|p| {
                    matches!(
                        self.key(p).as_str(),
                        "talks"
                            | "row"
                            | "dispute"
                            | "concerns"
                            | "concern"
                            | "fight"
                            | "clash"
                            | "battle"
                            | "deal"
                            | "negotiations"
                            | "tensions"
                            | "anger"
                            | "protests"
                            | "questions"
                            | "fears"
                            | "worries"
                            | "standoff"
                    )
                });
            if matches && !movement && !topic {
                let comparative = matches!(
                    Key::new(self.word(first)).as_str(),
                    "over" | "under" | "more" | "less" | "fewer" | "above" | "below"
                );
                let degree = self.before(first, floor).filter(|&p| {
                    comparative
                        && matches!(
                            self.key(p).as_str(),
                            "just" | "well" | "slightly" | "far" | "much"
                        )
                });
                return (degree.unwrap_or(first), hedge.qualifier);
            }
        }
        // "roughly a 60 percent chance": the hedge stands before the article.
        if start > floor && matches!(self.key(start - 1).as_str(), "a" | "an") {
            let (first, qualifier) = self.hedge_before(start - 1, floor);
            if qualifier != Qualifier::Exact {
                return (first, qualifier);
            }
        }
        (start, Qualifier::Exact)
    }

    /// A hedge after the number: "or more", "or so", "-plus", "-odd"; its qualifier and length.
    fn post_hedge(&self, end: usize) -> Option<(Qualifier, usize)> {
        if self.is(end, "or") {
            if self.is(end + 1, "more") {
                return Some((Qualifier::AtLeast, 2));
            }
            if self.is(end + 1, "so") {
                return Some((Qualifier::About, 2));
            }
            if self.is(end + 1, "fewer") || self.is(end + 1, "less") {
                return Some((Qualifier::UpTo, 2));
            }
        }
        let glued_on = self.is_dash(end) && self.glued(end - 1) && self.glued(end);
        if glued_on && self.is(end + 1, "plus") {
            return Some((Qualifier::MoreThan, 2));
        }
        if glued_on && self.is(end + 1, "odd") {
            return Some((Qualifier::About, 2));
        }
        None
    }

    /// What a number (ending before token `end`) counts.
    fn counted_after(&self, end: usize, partitive_of: bool) -> Option<Span> {
        // "a 14-year-old boy", "a 10-day truce": the word after the hyphen is the unit.
        if self.is_dash(end)
            && self.glued(end - 1)
            && self.glued(end)
            && self.kind(end + 1) == Some(TokenKind::Word)
        {
            return self.tokens.get(end + 1).map(|t| t.span);
        }
        if self.is(end, "of") {
            if partitive_of {
                let from = end + 1;
                let from = if self.is_partitive_determiner(from) {
                    from + 1
                } else {
                    from
                };
                return self.noun_phrase(from);
            }
            // "three of the soldiers"; "three of them" counts nothing named.
            return self
                .is_partitive_determiner(end + 1)
                .then(|| self.noun_phrase(end + 2))
                .flatten();
        }
        self.noun_phrase(end)
    }

    /// What money pays for: "$40 billion in aid", "$5m of weapons", "$300m programme".
    fn money_counted(&self, end: usize) -> Option<Span> {
        let from = if self.is(end, "worth") && self.is(end + 1, "of") {
            end + 2
        } else if self.is(end, "in") || self.is(end, "of") {
            // "in Kyiv", "in the region" say where, not what.
            if self.is_capitalized(end + 1) || self.has(end + 1, Class::Stop) {
                return None;
            }
            end + 1
        } else {
            end
        };
        self.noun_phrase(from)
    }

    fn is_partitive_determiner(&self, i: usize) -> bool {
        matches!(
            self.key(i).as_str(),
            "the" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
        )
    }

    /// The short noun phrase starting at token `from`, cut at a function word, a verb-like
    /// word, a clause boundary, punctuation or [`MAX_COUNTED_TOKENS`].
    fn noun_phrase(&self, from: usize) -> Option<Span> {
        let mut end = from;
        // A plural is the head noun: "two weeks Syrian forces", "19 banks operate" end after it.
        let mut after_plural = false;
        // "two wounded soldiers", "two more men": fine at the start, but not a phrase alone.
        let mut weak_start = false;
        while end < from + MAX_COUNTED_TOKENS && self.kind(end) == Some(TokenKind::Word) {
            let key = self.key(end);
            let key = key.as_str();
            let classes = self.classes(end);
            if classes.has(Class::Stop) || number_word(key).is_some() {
                break;
            }
            let capitalized = self.is_capitalized(end);
            let compound = self.word(end).contains(['-', '\u{2011}']);
            let verb_like = classes.has(Class::Verb)
                || (!capitalized && !compound && key.len() > 4 && key.ends_with("ed"))
                || (!capitalized
                    && !compound
                    && key.ends_with("ing")
                    && !classes.has(Class::IngNoun))
                || is_adverb(key);
            if end == from {
                if classes.has(Class::Unit) {
                    return self.tokens.get(end).map(|t| t.span);
                }
                if classes.has(Class::UnitPrefix) && self.has(end + 1, Class::Unit) {
                    let first = self.tokens.get(end)?;
                    return self.tokens.get(end + 1).map(|t| first.span.cover(t.span));
                }
                weak_start = verb_like || classes.has(Class::Lead);
                // "five million left homeless": a verb right after the number counts nothing.
                if is_adverb(key) || classes.has(Class::Verb) {
                    break;
                }
            } else if after_plural
                || classes.has(Class::Lead)
                || (verb_like && !self.is_modifier(end))
            {
                break;
            }
            after_plural = is_plural(key) && !classes.has(Class::NotPlural);
            end += 1;
        }
        if end == from || (weak_start && end == from + 1) {
            return None;
        }
        let first = self.tokens.get(from)?;
        let last = self.tokens.get(end - 1)?;
        Some(first.span.cover(last.span))
    }

    /// Whether the -ed or -ing word at `i`, inside a counted phrase, modifies a noun after it
    /// ("seven leading industrialised nations") rather than being a verb ("the two men agreed to").
    fn is_modifier(&self, i: usize) -> bool {
        let classes = self.classes(i);
        let next = i + 1;
        !classes.has(Class::Verb)
            && !is_adverb(self.key(i).as_str())
            && self.kind(next) == Some(TokenKind::Word)
            && !self.is_capitalized(next)
            && !self.has(next, Class::Stop)
    }

    /// Whether a lone "one" is a pronoun or idiom rather than a count: "one of the", "no one",
    /// "the one who", "one another", "at one point", or "one" counting nothing named.
    fn is_pronoun_one(
        &self,
        core: &Core,
        counted: Option<Span>,
        qualifier: Qualifier,
        floor: usize,
    ) -> bool {
        if core.end != core.start + 1 || !self.is(core.start, "one") {
            return false;
        }
        let determiner = self.before(core.start, floor).is_some_and(|p| {
            matches!(
                self.key(p).as_str(),
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "any"
                    | "every"
                    | "each"
                    | "no"
                    | "only"
                    | "another"
                    | "not"
            )
        });
        let idiom = matches!(
            self.key(core.end).as_str(),
            "of" | "another" | "way" | "point" | "hand" | "thing"
        );
        // "one gray morning in October": an indefinite time, not a count of one.
        let sometime = counted.is_some_and(|c| {
            let last = c.text(self.text).rsplit(' ').next().unwrap_or("");
            matches!(
                last.to_lowercase().as_str(),
                "morning" | "afternoon" | "evening" | "night"
            )
        });
        determiner || idiom || sometime || (counted.is_none() && qualifier == Qualifier::Exact)
    }
}

fn is_currency_sign(word: &str) -> bool {
    matches!(
        word,
        "$" | "€" | "£" | "¥" | "₹" | "₽" | "₴" | "₩" | "₪" | "₺" | "₦"
    )
}

/// A dozen or a power of ten from a hundred up: what "two to three hundred" multiplies by, unlike
/// the 650 / 6 of "five to six hundred and fifty".
fn is_round_multiplier(multiplier: f64) -> bool {
    if multiplier == 12.0 {
        return true;
    }
    let mut power = 100.0;
    while power < multiplier {
        power *= 10.0;
    }
    power == multiplier
}

/// Whether a lowercase word looks like a plural noun ("weeks", "Syrians"), not "press" or "bus".
fn is_plural(key: &str) -> bool {
    key.len() > 2
        && key.ends_with('s')
        && !["ss", "us", "is", "'s"].iter().any(|e| key.ends_with(e))
}

/// Adverbs by their ending ("reportedly", "currently", "seriously", "totally", "widely"); the
/// endings are chosen so that nouns such as "family" or "supply" keep going.
fn is_adverb(key: &str) -> bool {
    key.len() > 5
        && ["edly", "ntly", "ously", "ally", "ely", "ily"]
            .iter()
            .any(|ending| key.ends_with(ending))
        && !matches!(key, "family" | "rally" | "tally")
}

#[cfg(test)]
mod tests;
