//! Token texts prepared for lexicon look-ups and the small closed word classes the rules need.

use claimgraph_core::layers::{Token, TokenKind};
use std::borrow::Cow;

/// Lowercased text of every token, borrowed from the document where it is already lowercase.
pub struct Words<'t> {
    lower: Vec<Cow<'t, str>>,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str, tokens: &[Token]) -> Self {
        let all_caps = |at: Option<&Token>| {
            at.is_some_and(|t| {
                let word = t.span.text(text);
                word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
            })
        };
        let lower = tokens
            .iter()
            .enumerate()
            .map(|(at, token)| {
                let word = token.span.text(text);
                let neighbours_in_caps = all_caps(at.checked_sub(1).and_then(|p| tokens.get(p)))
                    || all_caps(tokens.get(at + 1));
                if ACRONYMS_LIKE_WORDS.contains(&word) && !neighbours_in_caps {
                    // "a WHO official", "the US said": a name, not the pronoun (outside
                    // headlines set in capitals).
                    Cow::Borrowed(word)
                } else if word.chars().any(char::is_uppercase) {
                    Cow::Owned(normalize(&word.to_lowercase()))
                } else if word.contains('’') {
                    Cow::Owned(normalize(word))
                } else {
                    Cow::Borrowed(word)
                }
            })
            .collect();
        Words { lower }
    }

    pub fn get(&self, index: usize) -> &str {
        self.lower.get(index).map_or("", |w| w.as_ref())
    }

    /// Lowercased words from `start` to `end` (clamped), for multi-word look-ups.
    pub fn slice(&self, start: usize, end: usize) -> Vec<&str> {
        let end = end.min(self.lower.len());
        self.lower
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .map(|w| w.as_ref())
            .collect()
    }
}

/// Acronyms spelled like function words, which lowercasing would turn into those words.
const ACRONYMS_LIKE_WORDS: &[&str] = &["WHO", "US", "IT"];

/// Curly apostrophes become straight ones so `’s` and `'s` look the same to the word lists.
fn normalize(word: &str) -> String {
    word.replace('’', "'")
}

pub fn is_quote(token: &Token) -> bool {
    token.kind == TokenKind::Quote
}

pub fn is_word(token: &Token) -> bool {
    matches!(token.kind, TokenKind::Word | TokenKind::Number)
}

pub fn starts_upper(text: &str, token: &Token) -> bool {
    token
        .span
        .text(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "any", "no", "such", "some", "every", "each", "another",
];

/// Nouns for one person that are not offices: "a witness", "one resident", "the barman".
pub const PERSON_NOUNS: &[&str] = &[
    "witness",
    "resident",
    "man",
    "woman",
    "neighbour",
    "neighbor",
    "survivor",
    "victim",
    "relative",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "friend",
    "colleague",
    "lawyer",
    "attorney",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "officer",
    "soldier",
    "analyst",
    "economist",
    "expert",
    "researcher",
    "scientist",
    "diplomat",
    "aide",
    "adviser",
    "advisor",
    "official",
    "executive",
    "source",
    "farmer",
    "worker",
    "driver",
    "owner",
    "shopkeeper",
    "barman",
    "waiter",
    "pilot",
    "passenger",
    "journalist",
    "reporter",
    "activist",
    "protester",
    "voter",
    "candidate",
    "player",
    "fan",
    "pensioner",
    "patient",
    "parent",
    "bystander",
    "eyewitness",
    "engineer",
    "guard",
    "employee",
    "insider",
    "trader",
    "dealer",
    "broker",
    "banker",
    "strategist",
];

/// Determiners that are also their noun phrase's holder ("her criticism of …").
pub const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Auxiliaries and adverbs that may stand between a source and its verb ("has long maintained").
pub const BETWEEN_SOURCE_AND_CUE: &[&str] = &[
    "here",
    "has",
    "have",
    "had",
    "also",
    "previously",
    "repeatedly",
    "later",
    "then",
    "again",
    "long",
    "already",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "shouldn't",
    "never",
    "once",
    "often",
    "publicly",
    "privately",
    "reportedly",
    "allegedly",
    "recently",
    "earlier",
    "originally",
    "initially",
    "first",
    "still",
    "yet",
    "just",
    "since",
    "further",
    "separately",
    "clearly",
    "explicitly",
    "flatly",
    "strongly",
    "firmly",
    "openly",
    "quickly",
    "immediately",
    "is",
    "was",
    "are",
    "were",
    "been",
    "be",
    "being",
    "reported",
    "widely",
    "even",
    "only",
    "always",
    "ever",
    "now",
    "today",
    "yesterday",
    "similarly",
    "likewise",
    "however",
    "in",
    "turn",
    "too",
];

/// Words that end a noun phrase when walking backwards from a verb: clause starters and conjunctions.
pub const CLAUSE_BREAKS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "what", "when", "while", "because", "if", "but", "as",
    "although", "though", "where", "whether", "since", "so", "than", "after", "before", "until",
    "unless", "once", "how", "why", "said", "says", "say", "told", "is", "was", "are", "were",
    "has", "have", "had", "will", "would", "can", "could", "might", "must", "should", "shall",
    "to", "not", "and", "or", "nor", "yet", "for", "with", "by", "on", "about", "into", "over",
    "against", "during", "without", "amid", "despite", "being", "like", "per", "there", "here",
    "also", "it's",
];

/// Sentence connectives the writer puts before an attribution ("Still, Devine said, …"): they
/// link to the story, not to what was said, so they are no content of their own.
pub const CONNECTIVES: &[&str] = &[
    "however",
    "still",
    "instead",
    "meanwhile",
    "now",
    "indeed",
    "overall",
    "so",
    "ultimately",
    "also",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "besides",
    "likewise",
    "similarly",
    "separately",
    "additionally",
];

/// Common irregular past-tense verbs, which tell where a subject ends without a tagger.
pub const IRREGULAR_PAST: &[&str] = &[
    "became",
    "began",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "fought",
    "found",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hit",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "ran",
    "rose",
    "sank",
    "sat",
    "saw",
    "sent",
    "shot",
    "shut",
    "slept",
    "sold",
    "spent",
    "spoke",
    "stood",
    "stole",
    "struck",
    "swore",
    "took",
    "taught",
    "threw",
    "told",
    "understood",
    "went",
    "won",
    "wore",
    "wrote",
];

pub fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
