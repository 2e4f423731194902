//! The layers analyzers add to a document. Every element points into the original text by [`Span`].

use crate::Span;
use serde::{Deserialize, Serialize};

/// What kind of token a token is; analyzers mostly care about words, numbers and quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    Word,
    Number,
    /// A quotation mark; which way it faces is decided by the quote analyzer, not the tokenizer.
    Quote,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A paragraph: text between blank lines or line breaks, as news text marks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index range into [`Analysis::tokens`].
    pub tokens: (usize, usize),
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// Entity types (OntoNotes names plus conflict-news additions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityLabel {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Fac,
    Event,
    Date,
    Time,
    Money,
    Percent,
    Cardinal,
    Quantity,
    Weapon,
    MilitaryUnit,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Event => "EVENT",
            EntityLabel::Date => "DATE",
            EntityLabel::Time => "TIME",
            EntityLabel::Money => "MONEY",
            EntityLabel::Percent => "PERCENT",
            EntityLabel::Cardinal => "CARDINAL",
            EntityLabel::Quantity => "QUANTITY",
            EntityLabel::Weapon => "WEAPON",
            EntityLabel::MilitaryUnit => "MILITARY_UNIT",
        }
    }
}

/// A named thing mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// The fullest name of the thing known in the document or the shipped gazetteer.
    pub canonical: String,
    /// The country (or organisation) the entity belongs to, when known: "Ukraine" for "Kyiv".
    pub country: Option<String>,
    /// Stable id of the actor the entity resolves to: "country:UA", "org:nato",
    /// "person:volodymyr-zelensky"; `None` when it resolves to no known actor.
    pub actor: Option<String>,
}

/// How a quote reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The content is entirely inside quotation marks.
    Direct,
    /// Reported speech, belief or finding without quotation marks.
    Indirect,
    /// Reported speech that contains a quoted fragment.
    Mixed,
}

/// The speech act a cue performs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Assert,
    Accuse,
    Deny,
    Confirm,
    Acknowledge,
    Concern,
    Urge,
    Warn,
    Question,
    Other,
}

impl Stance {
    pub const ALL: [Stance; 10] = [
        Stance::Assert,
        Stance::Accuse,
        Stance::Deny,
        Stance::Confirm,
        Stance::Acknowledge,
        Stance::Concern,
        Stance::Urge,
        Stance::Warn,
        Stance::Question,
        Stance::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Accuse => "accuse",
            Stance::Deny => "deny",
            Stance::Confirm => "confirm",
            Stance::Acknowledge => "acknowledge",
            Stance::Concern => "concern",
            Stance::Urge => "urge",
            Stance::Warn => "warn",
            Stance::Question => "question",
            Stance::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// Who a quote is attributed to, resolved to the fullest form the document gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// One attribution: a source said (believed, found, denied...) some content, signalled by a cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// Mentions of the source as written ("He", "the spokesperson", "Lin Jian").
    pub sources: Vec<Span>,
    pub speaker: Option<Speaker>,
    /// The reported content; several segments when a quote is interrupted by its attribution.
    pub contents: Vec<Span>,
    pub stance: Stance,
    pub confidence: f32,
    /// The report is negated ("did not say whether …", "do not believe the fire was arson"):
    /// the speaker did not say or hold the content.
    #[serde(default)]
    pub negated: bool,
}

/// How a number is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
    /// "fewer than 200", "under 30": strictly below the number.
    LessThan,
    Approximate,
    /// An unhedged range ("between 200 and 300", "8-10"); a hedged one keeps its hedge.
    Range,
}

/// A number in digits or words, with its hedge and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole expression including the hedge: "at least 155".
    pub span: Span,
    /// The number, or the low end of a range.
    pub value: f64,
    /// The high end of a range ("300" in "between 200 and 300"); `None` for a single number.
    #[serde(default)]
    pub upper: Option<f64>,
    pub qualifier: Qualifier,
    /// What is counted: "Chinese citizens" in "155 Chinese citizens".
    pub counted: Option<Span>,
}

/// Everything analysis found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub paragraphs: Vec<Paragraph>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
}

impl Analysis {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens
            .get(sentence.tokens.0..sentence.tokens.1)
            .unwrap_or(&[])
    }

    /// Index of the first quote whose contents contain `span`, if any. For many lookups build a
    /// [`ContentIndex`] once instead.
    pub fn quote_containing(&self, span: Span) -> Option<usize> {
        ContentIndex::new(&self.quotes).quote_containing(span)
    }
}

/// The content segments of a document's quotes, sorted for lookups in O(log n + k) instead of a
/// scan of every quote: a document of thousands of quotes must not make output quadratic.
#[derive(Debug, Clone, Default)]
pub struct ContentIndex {
    /// (segment, quote index), sorted by segment start.
    segments: Vec<(Span, usize)>,
    /// `reach[i]`: the largest segment end among `segments[..=i]`.
    reach: Vec<usize>,
}

impl ContentIndex {
    pub fn new(quotes: &[Quote]) -> ContentIndex {
        let mut segments: Vec<(Span, usize)> = quotes
            .iter()
            .enumerate()
            .flat_map(|(at, q)| q.contents.iter().map(move |&c| (c, at)))
            .collect();
        segments.sort_by_key(|(span, at)| (span.start, *at));
        let reach = segments
            .iter()
            .scan(0, |reach, (span, _)| {
                *reach = (*reach).max(span.end);
                Some(*reach)
            })
            .collect();
        ContentIndex { segments, reach }
    }

    /// Index of the first quote (in quote order) whose contents contain `span`.
    pub fn quote_containing(&self, span: Span) -> Option<usize> {
        let upto = self
            .segments
            .partition_point(|(s, _)| s.start <= span.start);
        let mut best: Option<usize> = None;
        for i in (0..upto).rev() {
            // No segment at or before `i` reaches the end of `span`: none can contain it.
            if self.reach.get(i).is_none_or(|&reach| reach < span.end) {
                break;
            }
            if let Some(&(segment, at)) = self.segments.get(i) {
                if segment.contains(span) && best.is_none_or(|b| at < b) {
                    best = Some(at);
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn quote(contents: Vec<Span>) -> Quote {
        Quote {
            kind: QuoteKind::Indirect,
            cue: None,
            sources: Vec::new(),
            speaker: None,
            contents,
            stance: Stance::Assert,
            confidence: 1.0,
            negated: false,
        }
    }

    fn span() -> impl Strategy<Value = Span> {
        (0usize..200, 0usize..60).prop_map(|(start, len)| Span::new(start, start + len))
    }

    proptest! {
        #[test]
        fn content_index_finds_the_first_quote_a_scan_finds(
            contents in proptest::collection::vec(proptest::collection::vec(span(), 0..3), 0..12),
            probes in proptest::collection::vec(span(), 1..20),
        ) {
            let quotes: Vec<Quote> = contents.into_iter().map(quote).collect();
            let index = ContentIndex::new(&quotes);
            for probe in probes {
                let scanned = quotes
                    .iter()
                    .position(|q| q.contents.iter().any(|c| c.contains(probe)));
                prop_assert_eq!(index.quote_containing(probe), scanned);
            }
        }
    }
}
