//! The word lists shipped in `data/`: word classes and hedges, parsed once.

use claimgraph_core::layers::Qualifier;
use std::collections::HashMap;
use std::sync::OnceLock;

const WORDS: &str = include_str!("../data/words.txt");
const HEDGES: &str = include_str!("../data/hedges.txt");

/// Longest word the lists hold ("approximately" is 13 bytes); longer words are in no list.
const KEY_CAPACITY: usize = 16;

/// A word class from `data/words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Stop = 1,
    Lead = 1 << 1,
    Verb = 1 << 2,
    IngNoun = 1 << 3,
    Unit = 1 << 4,
    UnitPrefix = 1 << 5,
    Month = 1 << 6,
    TimeMark = 1 << 7,
    Reference = 1 << 8,
    Currency = 1 << 9,
    CurrencyCode = 1 << 10,
    CurrencyPrefix = 1 << 11,
    NotPlural = 1 << 13,
    Fraction = 1 << 14,
    RangeLead = 1 << 15,
    Change = 1 << 16,
    /// Any word of a hedge; filled from `data/hedges.txt`, not from a `[class]` section.
    Hedge = 1 << 12,
}

impl Class {
    fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "stop" => Class::Stop,
            "lead" => Class::Lead,
            "verb" => Class::Verb,
            "ing_noun" => Class::IngNoun,
            "unit" => Class::Unit,
            "unit_prefix" => Class::UnitPrefix,
            "month" => Class::Month,
            "time_mark" => Class::TimeMark,
            "reference" => Class::Reference,
            "currency" => Class::Currency,
            "currency_code" => Class::CurrencyCode,
            "currency_prefix" => Class::CurrencyPrefix,
            "not_plural" => Class::NotPlural,
            "fraction" => Class::Fraction,
            "range_lead" => Class::RangeLead,
            "change" => Class::Change,
            _ => return None,
        })
    }
}

/// The set of classes a word belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes(u32);

impl Classes {
    pub(crate) fn has(self, class: Class) -> bool {
        self.0 & class as u32 != 0
    }
}

/// A hedge: its words in order and the qualifier it gives.
pub(crate) struct Hedge {
    pub(crate) words: Vec<&'static str>,
    pub(crate) qualifier: Qualifier,
}

pub(crate) struct Lists {
    words: HashMap<&'static str, Classes>,
    /// Longest first, so the first match is the longest.
    pub(crate) hedges: Vec<Hedge>,
}

impl Lists {
    /// The classes of a lowercase word.
    pub(crate) fn classes(&self, key: &str) -> Classes {
        self.words.get(key).copied().unwrap_or_default()
    }
}

/// The parsed lists; built once because lookups happen for every word near a number.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut words: HashMap<&'static str, Classes> = HashMap::new();
        let mut class = None;
        for line in data_lines(WORDS) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                class = Class::from_name(name);
                continue;
            }
            let Some(class) = class else { continue };
            for word in line.split_whitespace() {
                words.entry(word).or_default().0 |= class as u32;
            }
        }
        let mut hedges: Vec<Hedge> = data_lines(HEDGES)
            .filter_map(|line| {
                let (name, phrase) = line.split_once(':')?;
                Some(Hedge {
                    words: phrase.split_whitespace().collect(),
                    qualifier: qualifier_named(name.trim())?,
                })
            })
            .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        for hedge in &hedges {
            for word in &hedge.words {
                words.entry(word).or_default().0 |= Class::Hedge as u32;
            }
        }
        Lists { words, hedges }
    })
}

fn qualifier_named(name: &str) -> Option<Qualifier> {
    Some(match name {
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "about" => Qualifier::About,
        "up_to" => Qualifier::UpTo,
        "less_than" => Qualifier::LessThan,
        _ => return None,
    })
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A word in lowercase on the stack, with `’` read as `'`; empty for words no list can hold, so
/// looking a word up never allocates.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    buf: [u8; KEY_CAPACITY],
    len: usize,
}

impl Key {
    pub(crate) fn new(word: &str) -> Key {
        let mut key = Key {
            buf: [0; KEY_CAPACITY],
            len: 0,
        };
        for c in word.chars() {
            let byte = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => c.to_ascii_lowercase() as u8,
                _ => return Key { len: 0, ..key },
            };
            let Some(slot) = key.buf.get_mut(key.len) else {
                return Key { len: 0, ..key };
            };
            *slot = byte;
            key.len += 1;
        }
        key
    }

    pub(crate) fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        let lists = lists();
        assert_eq!(lists.hedges.len(), data_lines(HEDGES).count());
        assert!(lists
            .hedges
            .windows(2)
            .all(|w| w[0].words.len() >= w[1].words.len()));
        for line in data_lines(WORDS) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                assert!(Class::from_name(name).is_some(), "{name}");
                continue;
            }
            for word in line.split_whitespace() {
                assert!(word.len() <= KEY_CAPACITY, "{word} is too long for a key");
                assert_eq!(word, word.to_lowercase(), "{word}");
            }
        }
        assert!(lists.classes("the").has(Class::Stop));
        assert!(lists.classes("oct.").has(Class::Month));
        assert!(lists.classes("more").has(Class::Hedge));
        assert!(!lists.classes("soldiers").has(Class::Stop));
    }

    #[test]
    fn keys_fold_case_and_apostrophe() {
        assert_eq!(Key::new("O’Clock").as_str(), "o'clock");
        assert_eq!(Key::new("Kyiv").as_str(), "kyiv");
        assert_eq!(Key::new("Київ").as_str(), "");
        assert_eq!(Key::new("internationalisation").as_str(), "");
    }
}
