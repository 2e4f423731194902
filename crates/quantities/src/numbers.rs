//! Number values from token text: digit strings with separators, and number words.

/// A decimal number as an exact numerator over a power of ten, so that scaling it ("8.2bn") and
/// dividing once gives the nearest `f64` instead of 8199999999.999999.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Decimal {
    pub(crate) numerator: f64,
    pub(crate) divisor: f64,
}

impl Decimal {
    pub(crate) fn whole(value: f64) -> Decimal {
        Decimal {
            numerator: value,
            divisor: 1.0,
        }
    }

    pub(crate) fn value(self) -> f64 {
        self.numerator / self.divisor
    }

    /// The value times `scale`, rounded once.
    pub(crate) fn scaled(self, scale: f64) -> f64 {
        self.numerator * scale / self.divisor
    }
}

/// The value of a digit string with optional thousands commas and one decimal point ("1,000",
/// "3.5"); `None` for anything else: ordinals and decades ("2nd", "1990s"), odd grouping ("1,00"),
/// non-ASCII digits, or more digits than an `f64` holds exactly.
pub(crate) fn parse_digits(word: &str) -> Option<Decimal> {
    let (whole, fraction) = match word.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (word, None),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    let mut push = |group: &str| -> Option<()> {
        for b in group.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            digits += 1;
        }
        (digits <= 15).then_some(())
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    if first.is_empty() || (grouped && first.len() > 3) {
        return None;
    }
    push(first)?;
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        push(group)?;
    }
    let mut decimals = 0;
    if let Some(fraction) = fraction {
        if fraction.is_empty() {
            return None;
        }
        push(fraction)?;
        decimals = i32::try_from(fraction.len()).ok()?;
    }
    Some(Decimal {
        numerator: mantissa as f64,
        divisor: 10f64.powi(decimals),
    })
}

/// The multiplier a scale word or abbreviation stands for, and whether it only scales money: a
/// glued "m" is metres in "50m apart" but millions in "$100m".
pub(crate) fn scale_of(key: &str) -> Option<(f64, bool)> {
    Some(match key {
        "thousand" => (1e3, false),
        "million" | "mn" | "mln" => (1e6, false),
        "billion" | "bn" | "bln" => (1e9, false),
        "trillion" | "tn" | "trn" => (1e12, false),
        // Indian English: a lakh is 100,000, a crore 10 million.
        "lakh" | "lakhs" => (1e5, false),
        "crore" | "crores" => (1e7, false),
        "k" => (1e3, true),
        "m" => (1e6, true),
        "b" => (1e9, true),
        _ => return None,
    })
}

/// The value of a plural scale word after "hundreds of", "tens of".
pub(crate) fn plural_scale(key: &str) -> Option<f64> {
    Some(match key {
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// One number word, by the role it plays in a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    /// one to nineteen.
    Unit(f64),
    /// twenty, thirty ... ninety.
    Tens(f64),
    /// twenty-one ... ninety-nine.
    Compound(f64),
    Hundred,
    Dozen,
    /// thousand, million, billion, trillion.
    Scale(f64),
}

/// The number word a lowercase word is, if any.
pub(crate) fn number_word(key: &str) -> Option<NumberWord> {
    if let Some((tens, unit)) = key.split_once('-') {
        let (Some(NumberWord::Tens(t)), Some(NumberWord::Unit(u))) =
            (number_word(tens), number_word(unit))
        else {
            return None;
        };
        return (u < 10.0).then_some(NumberWord::Compound(t + u));
    }
    let unit = match key {
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
        "twenty" => return Some(NumberWord::Tens(20.0)),
        "thirty" => return Some(NumberWord::Tens(30.0)),
        "forty" => return Some(NumberWord::Tens(40.0)),
        "fifty" => return Some(NumberWord::Tens(50.0)),
        "sixty" => return Some(NumberWord::Tens(60.0)),
        "seventy" => return Some(NumberWord::Tens(70.0)),
        "eighty" => return Some(NumberWord::Tens(80.0)),
        "ninety" => return Some(NumberWord::Tens(90.0)),
        "hundred" => return Some(NumberWord::Hundred),
        "dozen" => return Some(NumberWord::Dozen),
        other => {
            return match scale_of(other) {
                Some((scale, false)) if other.len() > 3 => Some(NumberWord::Scale(scale)),
                _ => None,
            }
        }
    };
    Some(NumberWord::Unit(unit))
}

/// What the last accepted word of a spelled-out number was.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Nothing,
    /// The article in "a hundred", "a dozen": only a multiplier may follow.
    Article,
    Unit,
    Tens,
    Compound,
    Hundred,
    Dozen,
    Scale(f64),
}

/// Reads a spelled-out number word by word: "two hundred and fifty thousand".
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordNumber {
    total: f64,
    current: f64,
    last: Last,
    /// The smallest scale used so far; a later scale must be smaller ("million ... thousand").
    last_scale: f64,
}

impl Default for WordNumber {
    fn default() -> Self {
        WordNumber {
            total: 0.0,
            current: 0.0,
            last: Last::Nothing,
            last_scale: f64::INFINITY,
        }
    }
}

impl WordNumber {
    /// Starts with "a"/"an", which counts as one before a multiplier.
    pub(crate) fn article() -> Self {
        WordNumber {
            current: 1.0,
            last: Last::Article,
            ..WordNumber::default()
        }
    }

    /// Adds the next word; `false` (and no change) when it cannot continue the number.
    pub(crate) fn push(&mut self, word: NumberWord) -> bool {
        let counted = matches!(self.last, Last::Unit | Last::Tens | Last::Compound);
        let after_scale = matches!(self.last, Last::Nothing | Last::Hundred | Last::Scale(_));
        match word {
            NumberWord::Unit(u) => {
                let after_tens = self.last == Last::Tens && u < 10.0;
                if !(after_scale || after_tens) {
                    return false;
                }
                self.current += u;
                self.last = Last::Unit;
            }
            NumberWord::Tens(t) | NumberWord::Compound(t) => {
                if !after_scale {
                    return false;
                }
                self.current += t;
                self.last = if matches!(word, NumberWord::Tens(_)) {
                    Last::Tens
                } else {
                    Last::Compound
                };
            }
            NumberWord::Hundred => {
                if !(counted || self.last == Last::Article) || self.current >= 100.0 {
                    return false;
                }
                self.current *= 100.0;
                self.last = Last::Hundred;
            }
            NumberWord::Dozen => {
                if !(counted || self.last == Last::Article) || self.current >= 100.0 {
                    return false;
                }
                self.current *= 12.0;
                self.last = Last::Dozen;
            }
            NumberWord::Scale(scale) => {
                let multiplies =
                    counted || matches!(self.last, Last::Article | Last::Hundred | Last::Dozen);
                if !multiplies || scale >= self.last_scale {
                    return false;
                }
                self.total += self.current * scale;
                self.current = 0.0;
                self.last_scale = scale;
                self.last = Last::Scale(scale);
            }
        }
        true
    }

    /// Whether "and" may come next: "two hundred and fifty", "a thousand and one".
    pub(crate) fn takes_and(&self) -> bool {
        matches!(self.last, Last::Hundred | Last::Scale(_))
    }

    /// Whether the number used a scale word ("two million").
    pub(crate) fn scale(&self) -> Option<f64> {
        (self.last_scale.is_finite()).then_some(self.last_scale)
    }

    /// The value so far, once at least one number word was read.
    pub(crate) fn value(&self) -> Option<f64> {
        match self.last {
            Last::Nothing | Last::Article => None,
            _ => Some(self.total + self.current),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(phrase: &str) -> Option<f64> {
        let mut words = phrase.split(' ').peekable();
        let mut number = if words.peek() == Some(&"a") {
            words.next();
            WordNumber::article()
        } else {
            WordNumber::default()
        };
        for word in words {
            if word == "and" && number.takes_and() {
                continue;
            }
            if !number.push(number_word(word)?) {
                return None;
            }
        }
        number.value()
    }

    fn digits(word: &str) -> Option<f64> {
        parse_digits(word).map(Decimal::value)
    }

    #[test]
    fn digit_strings() {
        assert_eq!(digits("155"), Some(155.0));
        assert_eq!(digits("1,000"), Some(1000.0));
        assert_eq!(digits("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(digits("0.3"), Some(0.3));
        assert_eq!(digits("3.5"), Some(3.5));
        assert_eq!(parse_digits("8.2").map(|d| d.scaled(1e9)), Some(8.2e9));
        assert_eq!(parse_digits("1.2").map(|d| d.scaled(1e6)), Some(1.2e6));
        for bad in [
            "1st", "1990s", "1,00", "1234,567", "1.", ",5", "", "١٢", "1.2.3",
        ] {
            assert_eq!(digits(bad), None, "{bad}");
        }
    }

    #[test]
    fn spelled_out() {
        assert_eq!(words("two"), Some(2.0));
        assert_eq!(words("twenty-five"), Some(25.0));
        assert_eq!(words("twenty five"), Some(25.0));
        assert_eq!(words("two hundred and fifty"), Some(250.0));
        assert_eq!(words("two hundred fifty thousand"), Some(250_000.0));
        assert_eq!(words("a hundred"), Some(100.0));
        assert_eq!(words("a dozen"), Some(12.0));
        assert_eq!(words("two dozen"), Some(24.0));
        assert_eq!(
            words("three million two hundred thousand"),
            Some(3_200_000.0)
        );
        assert_eq!(words("a"), None);
        assert_eq!(words("hundred"), None);
        assert_eq!(words("two three"), None);
        assert_eq!(words("thousand million"), None);
        assert_eq!(words("two thousand million"), None);
        assert_eq!(words("twenty-twelve"), None);
    }

    proptest! {
        #[test]
        fn digit_strings_parse_to_finite_values(word in "[0-9,.]{0,30}") {
            if let Some(value) = digits(&word) {
                prop_assert!(value.is_finite() && value >= 0.0);
            }
        }

        #[test]
        fn grouped_integers_round_trip(n in 0u64..1_000_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(digits(&grouped), Some(n as f64));
            prop_assert_eq!(digits(&plain), Some(n as f64));
        }
    }
}
