//! The word lists shipped in `data/`: abbreviations and typical sentence openers.

use std::collections::HashMap;
use std::collections::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const SENTENCE_OPENERS: &str = include_str!("../data/sentence_openers.txt");
const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.txt");

/// How an abbreviation behaves at a possible sentence end; see `data/abbreviations.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Precedes a name; never ends a sentence.
    Title,
    /// May end a sentence, but only before a typical sentence opener.
    Other,
    /// An abbreviation only when a number follows.
    Numeric,
}

pub(crate) struct Lists {
    abbreviations: HashMap<&'static str, AbbrevKind>,
    openers: HashSet<&'static str>,
    speech_verbs: HashSet<&'static str>,
}

impl Lists {
    /// The kind of a listed abbreviation, written with its final period.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        self.abbreviations.get(word).copied()
    }

    /// Whether `word` typically opens a sentence (exact case: "The", not "the").
    pub(crate) fn is_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    /// Whether `word` is a speech verb that may follow a quotation and its speaker ("said").
    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.contains(word)
    }
}

/// The parsed lists; built once because lookups happen inside the tokenizer's hot loop.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        abbreviations: data_lines(ABBREVIATIONS)
            .filter_map(|line| {
                let (kind, word) = line.split_once(' ')?;
                let kind = match kind {
                    "title" => AbbrevKind::Title,
                    "other" => AbbrevKind::Other,
                    "numeric" => AbbrevKind::Numeric,
                    _ => return None,
                };
                Some((word.trim(), kind))
            })
            .collect(),
        openers: data_lines(SENTENCE_OPENERS).collect(),
        speech_verbs: data_lines(SPEECH_VERBS).collect(),
    })
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        let parsed = data_lines(ABBREVIATIONS).count();
        assert_eq!(lists().abbreviations.len(), parsed);
        for line in data_lines(ABBREVIATIONS) {
            let word = line.split_once(' ').map(|(_, w)| w).unwrap_or("");
            assert!(word.ends_with('.'), "{line}");
        }
        assert_eq!(lists().abbreviation("Gen."), Some(AbbrevKind::Title));
        assert_eq!(lists().abbreviation("No."), Some(AbbrevKind::Numeric));
        assert!(lists().is_opener("The"));
        assert!(lists().is_speech_verb("said"));
    }
}
