//! Name words learned from GUM (`data/name_words.tsv`, built by `scripts/learn_name_words.py`):
//! capitalised words that, across GUM's openly licensed documents, mostly occur in one kind of
//! name ("Democratic", "Press" in organisations; "Olympics" in events). They decide runs of
//! unknown capitalised words that no head word classifies, which would otherwise be people.
//! `data/descriptive_words.txt` (from UD English EWT, same script) lists adjectives and abstract
//! nouns ("national", "islamic", "development") that describe organisations and are not names of
//! people.

use crate::gazetteer::FastMap;

const NAME_WORDS: &str = include_str!("../data/name_words.tsv");
const DESCRIPTIVE_WORDS: &str = include_str!("../data/descriptive_words.txt");

/// Documents a word must occur in before its counts are trusted.
const MIN_DOCUMENTS: u32 = 2;

/// The kind of name a word mostly occurs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameClass {
    Person,
    Org,
    Place,
    Event,
}

/// Word -> the kind of name it marks, for words with a clear majority.
#[derive(Debug, Default)]
pub(crate) struct NameWords {
    classes: FastMap<&'static str, NameClass>,
    /// Organisation words that end organisation names in at least two documents ("Press").
    org_heads: FastMap<&'static str, ()>,
    /// Lowercase adjectives and abstract nouns.
    descriptive: FastMap<&'static str, ()>,
}

impl NameWords {
    /// The list compiled into the crate.
    pub fn shipped() -> Self {
        let mut classes = FastMap::default();
        let mut org_heads = FastMap::default();
        for line in NAME_WORDS.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let Some(word) = fields.next() else { continue };
            let counts: Vec<u32> = fields.filter_map(|f| f.parse().ok()).collect();
            let (kinds, heads) = counts.split_at(counts.len().min(4));
            if let Some(class) = majority(kinds) {
                classes.insert(word, class);
                if class == NameClass::Org && heads.first().is_some_and(|&h| h >= MIN_DOCUMENTS) {
                    org_heads.insert(word, ());
                }
            }
        }
        let descriptive = DESCRIPTIVE_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| (l, ()))
            .collect();
        NameWords {
            classes,
            org_heads,
            descriptive,
        }
    }

    /// The kind of name `word` (as written) marks, if its counts say so clearly.
    pub fn class(&self, word: &str) -> Option<NameClass> {
        self.classes.get(word).copied()
    }
}

impl NameWords {
    /// Whether `word` (as written) is an organisation word that ends organisation names.
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains_key(word)
    }

    /// Whether `lower` (lowercased) is an adjective or abstract noun, not part of a person's name.
    pub fn is_descriptive(&self, lower: &str) -> bool {
        self.descriptive.contains_key(lower)
    }
}

/// The class holding at least two thirds of the documents of `counts` (person, organisation,
/// place, event), when it has enough of them.
fn majority(counts: &[u32]) -> Option<NameClass> {
    let total: u32 = counts.iter().sum();
    let (index, &best) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
    if best < MIN_DOCUMENTS || best * 3 < total * 2 {
        return None;
    }
    match index {
        0 => Some(NameClass::Person),
        1 => Some(NameClass::Org),
        2 => Some(NameClass::Place),
        3 => Some(NameClass::Event),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_majorities_only() {
        assert_eq!(majority(&[0, 5, 1, 0]), Some(NameClass::Org));
        assert_eq!(majority(&[0, 3, 2, 0]), None);
        assert_eq!(majority(&[0, 1, 0, 0]), None);
        assert_eq!(majority(&[0, 0, 0, 2]), Some(NameClass::Event));
    }

    #[test]
    fn shipped_list_has_organisation_and_event_words() {
        let words = NameWords::shipped();
        assert_eq!(words.class("University"), Some(NameClass::Org));
        assert_eq!(words.class("Olympics"), Some(NameClass::Event));
        assert_eq!(words.class("university"), None);
        assert!(words.is_org_head("Press"));
        assert!(!words.is_org_head("Democratic"));
        assert!(words.is_descriptive("international"));
        assert!(!words.is_descriptive("International"));
    }
}
