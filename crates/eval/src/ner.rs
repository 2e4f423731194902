//! Named-entity scoring against CoNLL-style gold (GMB, CoNLL 2003): per-label and micro P/R/F1.
//!
//! ```no_run
//! # use claimgraph_eval::ner::*;
//! # fn recognize(text: &str) -> Vec<claimgraph_core::layers::Entity> { Vec::new() }
//! # fn main() -> Result<(), claimgraph_eval::EvalError> {
//! let scheme = NerScheme::Gmb;
//! let docs = read_conll(std::path::Path::new("test.conll"), scheme)?;
//! let report = score_ner(docs.iter().map(|doc| {
//!     let predicted = scheme.predictions(&doc.text, &recognize(&doc.text));
//!     (doc, predicted)
//! }));
//! print!("{}", report.to_text());
//! # Ok(()) }
//! ```
//!
//! # Reading gold
//!
//! One token per line; the token is the first field and the tag the last, fields separated by a
//! tab when the line has one, else by spaces (GMB: `TOKEN<TAB>POS<TAB>TAG`; CoNLL 2003:
//! `TOKEN POS CHUNK TAG`). A blank line ends a sentence; a line whose token is `-DOCSTART-` ends a
//! document. Files without `-DOCSTART-` (the GMB extract) are cut into documents of
//! [`SENTENCES_PER_DOC`] sentences, so that a recognizer may refer a surname back to a full name
//! as it would in an article. Tags are `O`, `B-TYPE` or `I-TYPE` (`E-`/`S-` are read as `I-`/`B-`);
//! an `I-` tag that does not continue an entity of its type starts one, which reads IOB2 (GMB)
//! and IOB1 (CoNLL 2003) alike. A tag type the scheme does not know is an error naming the file
//! and line, so a file read with the wrong scheme fails loudly.
//!
//! **Text reconstruction.** Tokens of a sentence are joined by one space, except: no space
//! before `, . : ; ? ! % ) ] }` and the clitics `'s 'S n't N'T 're 've 'll 'd 'm '`; no space after
//! `( [ { $ #`; a `"` token alternates between opening (space before, none after) and closing (no
//! space before), starting with opening in each sentence. Sentences of a document are joined by one
//! space, as in a news paragraph. Gold spans run from the first character of an entity's first
//! token to the last character of its last token.
//!
//! # Labels
//!
//! Each scheme scores a fixed set of labels; gold types and claimgraph labels map onto it, and
//! whatever has no counterpart is left out **on that side** (so it counts neither as a miss nor
//! as a false alarm when both sides drop it):
//!
//! | scheme | label | gold types | claimgraph labels |
//! |---|---|---|---|
//! | `gmb` | `GPE` | `geo`, `gpe` | `GPE`, `LOC`, `NORP` |
//! | `gmb` | `PERSON` | `per` | `PERSON` |
//! | `gmb` | `ORG` | `org` | `ORG`, `MILITARY_UNIT` |
//! | `gmb` | `DATE` | `tim` | `DATE`, `TIME` |
//! | `gmb` | `EVENT` | `eve` | `EVENT` |
//! | `conll` | `PER` | `PER` | `PERSON` |
//! | `conll` | `ORG` | `ORG` | `ORG`, `MILITARY_UNIT` |
//! | `conll` | `LOC` | `LOC` | `GPE`, `LOC`, `FAC` |
//! | `conll` | `MISC` | `MISC` | `NORP`, `EVENT` |
//!
//! GMB's `art` (titles, products, prizes) and `nat` (storms, diseases) have no claimgraph label and
//! are dropped from gold; GMB tags nationality adjectives `gpe`, hence NORP → GPE. CoNLL 2003 has no
//! dates or numbers, so claimgraph's are dropped. `FAC`, `WEAPON`, `MONEY`, `PERCENT`, `CARDINAL`
//! and `QUANTITY` count nowhere in `gmb`.
//!
//! # Metric definitions
//!
//! Offsets are Unicode code points. Documents are scored on their own and counts are summed
//! (micro-averages); a ratio with a zero denominator is 0; F1 = 2PR / (P + R). Per label,
//! P = matched predictions of that label / predictions of that label, R = matched gold of that
//! label / gold of that label; *micro* sums the counts over all labels.
//!
//! **Exact**: a prediction matches a gold entity with the same start, end and label; each gold
//! entity matches at most one prediction (duplicated predictions count once as correct).
//!
//! **Overlap**: per document, gold entities in text order each take, among the predictions not yet
//! matched that have the same label and share at least one character with it, the one sharing
//! the most characters (ties: the one with fewer characters outside the gold span, then the
//! earlier). One-to-one and greedy, so overlap counts are never below exact counts.

use crate::gold::EvalError;
use crate::score::Prf;
use claimgraph_core::layers::{Entity, EntityLabel};
use claimgraph_core::CharIndex;
use claimgraph_lexicon::Lexicon;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// Sentences per pseudo-document when a file has no `-DOCSTART-` lines.
pub const SENTENCES_PER_DOC: usize = 10;

/// The tag set of a gold file and the labels it is scored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NerScheme {
    /// Groningen Meaning Bank (Kaggle extract): `geo gpe per org tim art eve nat`, IOB2.
    Gmb,
    /// CoNLL 2003: `PER ORG LOC MISC`, IOB1 or IOB2.
    Conll,
}

impl NerScheme {
    /// Reads `gmb` or `conll`.
    pub fn parse(name: &str) -> Option<NerScheme> {
        match name {
            "gmb" => Some(NerScheme::Gmb),
            "conll" => Some(NerScheme::Conll),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NerScheme::Gmb => "gmb",
            NerScheme::Conll => "conll",
        }
    }

    /// The labels this scheme scores, in report order.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            NerScheme::Gmb => &["PERSON", "ORG", "GPE", "DATE", "EVENT"],
            NerScheme::Conll => &["PER", "ORG", "LOC", "MISC"],
        }
    }

    /// The scored label of a gold tag type: `Ok(None)` for a known type that is not scored,
    /// `Err` for a type the scheme does not have.
    fn gold_label(self, kind: &str) -> Result<Option<&'static str>, ()> {
        match (self, kind) {
            (NerScheme::Gmb, "geo" | "gpe") => Ok(Some("GPE")),
            (NerScheme::Gmb, "per") => Ok(Some("PERSON")),
            (NerScheme::Gmb, "org") => Ok(Some("ORG")),
            (NerScheme::Gmb, "tim") => Ok(Some("DATE")),
            (NerScheme::Gmb, "eve") => Ok(Some("EVENT")),
            (NerScheme::Gmb, "art" | "nat") => Ok(None),
            (NerScheme::Conll, "PER") => Ok(Some("PER")),
            (NerScheme::Conll, "ORG") => Ok(Some("ORG")),
            (NerScheme::Conll, "LOC") => Ok(Some("LOC")),
            (NerScheme::Conll, "MISC") => Ok(Some("MISC")),
            _ => Err(()),
        }
    }

    /// The scored label of a claimgraph entity label, `None` when the scheme has no counterpart.
    pub fn label_of(self, label: EntityLabel) -> Option<&'static str> {
        use EntityLabel as L;
        match self {
            NerScheme::Gmb => match label {
                L::Gpe | L::Loc | L::Norp => Some("GPE"),
                L::Person => Some("PERSON"),
                L::Org | L::MilitaryUnit => Some("ORG"),
                L::Date | L::Time => Some("DATE"),
                L::Event => Some("EVENT"),
                L::Fac | L::Money | L::Percent | L::Cardinal | L::Quantity | L::Weapon => None,
            },
            NerScheme::Conll => match label {
                L::Person => Some("PER"),
                L::Org | L::MilitaryUnit => Some("ORG"),
                L::Gpe | L::Loc | L::Fac => Some("LOC"),
                L::Norp | L::Event => Some("MISC"),
                L::Date
                | L::Time
                | L::Money
                | L::Percent
                | L::Cardinal
                | L::Quantity
                | L::Weapon => None,
            },
        }
    }

    /// claimgraph's entities of `text` (byte spans) as scored predictions in code points, those
    /// without a counterpart in the scheme left out.
    pub fn predictions(self, text: &str, entities: &[Entity]) -> Vec<NerSpan> {
        let index = CharIndex::new(text);
        entities
            .iter()
            .filter_map(|e| {
                Some(NerSpan {
                    start: index.char_offset(e.span.start),
                    end: index.char_offset(e.span.end),
                    label: self.label_of(e.label)?,
                })
            })
            .collect()
    }
}

impl NerScheme {
    /// Whether the scheme's person names include a title before the name, as GMB's do
    /// ("President Mahmoud Ahmadinejad"); claimgraph keeps titles out of names, so such gold is
    /// scored against [`with_titles`] of the predictions.
    pub fn titles_in_names(self) -> bool {
        self == NerScheme::Gmb
    }
}

/// Most words in a title before a name ("Deputy Foreign Minister").
const TITLE_WORDS: usize = 4;

/// `entities` with each PERSON span widened over a capitalised title that directly precedes it,
/// as far as the lexicon's roles and titles reach ("Prime Minister" + "Ehud Olmert").
pub fn with_titles(text: &str, entities: &[Entity], lexicon: &Lexicon) -> Vec<Entity> {
    entities
        .iter()
        .map(|entity| {
            let mut entity = entity.clone();
            if entity.label == EntityLabel::Person {
                if let Some(start) = title_start(text, entity.span.start, lexicon) {
                    entity.span.start = start;
                }
            }
            entity
        })
        .collect()
}

/// Forms of address that such schemes also count as part of a name ("Mr. Bush").
const HONORIFICS: [&str; 12] = [
    "mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr", "sir", "dame", "lady",
];

/// Start of the form of address, or of the longest title of capitalised words, ending one space
/// before `name_start`.
fn title_start(text: &str, name_start: usize, lexicon: &Lexicon) -> Option<usize> {
    let before = text.get(..name_start)?.strip_suffix(' ')?;
    // (start, word) of up to TITLE_WORDS words before the name, nearest first.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut rest = before;
    while words.len() < TITLE_WORDS {
        let start = rest.rfind(' ').map_or(0, |space| space + 1);
        let word = rest.get(start..)?;
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push((start, word));
        if start == 0 {
            break;
        }
        rest = rest.get(..start - 1)?;
    }
    if let Some((start, word)) = words.first() {
        if HONORIFICS.contains(&word.to_lowercase().as_str()) {
            return Some(*start);
        }
    }
    (1..=words.len()).rev().find_map(|count| {
        let title: Vec<(usize, &str)> = words.iter().take(count).rev().copied().collect();
        let lower: Vec<String> = title.iter().map(|(_, w)| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let matched = lexicon.role_at(&lower)?;
        (matched.len == count).then(|| title.first().map(|(start, _)| *start))?
    })
}

/// An entity span with its scored label, in code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct NerSpan {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

impl NerSpan {
    fn shared(&self, other: &NerSpan) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// One gold document rebuilt from its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NerDoc {
    /// `FILE:LINE` of the document's first token.
    pub id: String,
    pub text: String,
    /// Each sentence's `(start, end)` in code points.
    pub sentences: Vec<(usize, usize)>,
    /// Gold entities with scored labels, in text order.
    pub entities: Vec<NerSpan>,
}

/// Reads a CoNLL-style gold file (see the module doc).
pub fn read_conll(path: &Path, scheme: NerScheme) -> Result<Vec<NerDoc>, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_conll(&content, path, scheme)
}

/// Parses CoNLL-style gold held in memory; `path` only names it in errors and document ids.
pub fn parse_conll(
    content: &str,
    path: &Path,
    scheme: NerScheme,
) -> Result<Vec<NerDoc>, EvalError> {
    let mut reader = Reader {
        path,
        docs: Vec::new(),
        doc: DocBuilder::default(),
        sentence: Vec::new(),
        explicit_docs: false,
    };
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            reader.end_sentence();
            continue;
        }
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').map(str::trim).collect()
        } else {
            line.split_whitespace().collect()
        };
        let (Some(&token), Some(&tag)) = (fields.first(), fields.last()) else {
            continue;
        };
        if token == "-DOCSTART-" {
            reader.explicit_docs = true;
            reader.end_sentence();
            reader.end_doc();
            continue;
        }
        if fields.len() < 2 || token.is_empty() {
            return Err(malformed(path, number, "expected a token and a tag".into()));
        }
        let tag = parse_tag(tag, scheme).map_err(|message| malformed(path, number, message))?;
        reader.sentence.push(GoldToken {
            token,
            tag,
            line: number,
        });
    }
    reader.end_sentence();
    reader.end_doc();
    Ok(reader.docs)
}

fn malformed(path: &Path, line: usize, message: String) -> EvalError {
    EvalError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Outside,
    /// Begins an entity; `None` for a type the scheme reads but does not score.
    Begin(Option<&'static str>),
    Inside(Option<&'static str>),
}

fn parse_tag(tag: &str, scheme: NerScheme) -> Result<Tag, String> {
    if tag == "O" {
        return Ok(Tag::Outside);
    }
    let (prefix, kind) = tag
        .split_once('-')
        .ok_or_else(|| format!("tag {tag:?} is neither O nor PREFIX-TYPE"))?;
    let label = scheme.gold_label(kind).map_err(|()| {
        format!(
            "tag type {kind:?} is not in scheme {} (types: {})",
            scheme.as_str(),
            match scheme {
                NerScheme::Gmb => "geo gpe per org tim art eve nat",
                NerScheme::Conll => "PER ORG LOC MISC",
            }
        )
    })?;
    match prefix {
        "B" | "S" => Ok(Tag::Begin(label)),
        "I" | "E" => Ok(Tag::Inside(label)),
        _ => Err(format!(
            "tag {tag:?} has prefix {prefix:?}, not B, I, E or S"
        )),
    }
}

#[derive(Debug)]
struct GoldToken<'a> {
    token: &'a str,
    tag: Tag,
    line: usize,
}

#[derive(Debug, Default)]
struct DocBuilder {
    first_line: Option<usize>,
    text: String,
    /// `text` length in code points.
    chars: usize,
    sentences: Vec<(usize, usize)>,
    entities: Vec<NerSpan>,
}

impl DocBuilder {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
}

struct Reader<'p, 'a> {
    path: &'p Path,
    docs: Vec<NerDoc>,
    doc: DocBuilder,
    sentence: Vec<GoldToken<'a>>,
    explicit_docs: bool,
}

impl Reader<'_, '_> {
    fn end_sentence(&mut self) {
        if self.sentence.is_empty() {
            return;
        }
        let sentence = std::mem::take(&mut self.sentence);
        let doc = &mut self.doc;
        if doc.first_line.is_none() {
            doc.first_line = sentence.first().map(|t| t.line);
        }
        if !doc.text.is_empty() {
            doc.push(" ");
        }
        let sentence_start = doc.chars;
        // (start, label, end of its last token) of the entity being read.
        let mut open: Option<(usize, Option<&'static str>, usize)> = None;
        let mut previous: Option<&str> = None;
        let mut quote_open = false;
        for token in &sentence {
            let word = token.token;
            let space = match previous {
                None => false,
                Some(prev) => {
                    let after_opener =
                        matches!(prev, "(" | "[" | "{" | "$" | "#") || (prev == "\"" && quote_open);
                    let closing_quote = word == "\"" && quote_open;
                    !(after_opener || closing_quote || glues_left(word))
                }
            };
            if word == "\"" {
                quote_open = !quote_open;
            }
            if space {
                doc.push(" ");
            }
            let start = doc.chars;
            doc.push(word);
            let end = doc.chars;
            let continues = match (token.tag, open) {
                (Tag::Inside(label), Some((_, open_label, _))) => label == open_label,
                _ => false,
            };
            if continues {
                if let Some(entity) = open.as_mut() {
                    entity.2 = end;
                }
            } else {
                close(&mut doc.entities, open.take());
                open = match token.tag {
                    Tag::Begin(label) | Tag::Inside(label) => Some((start, label, end)),
                    Tag::Outside => None,
                };
            }
            previous = Some(word);
        }
        close(&mut doc.entities, open);
        doc.sentences.push((sentence_start, doc.chars));
        if !self.explicit_docs && doc.sentences.len() >= SENTENCES_PER_DOC {
            self.end_doc();
        }
    }

    fn end_doc(&mut self) {
        let doc = std::mem::take(&mut self.doc);
        if doc.sentences.is_empty() {
            return;
        }
        self.docs.push(NerDoc {
            id: format!(
                "{}:{}",
                self.path.display(),
                doc.first_line.unwrap_or_default()
            ),
            text: doc.text,
            sentences: doc.sentences,
            entities: doc.entities,
        });
    }
}

fn close(entities: &mut Vec<NerSpan>, open: Option<(usize, Option<&'static str>, usize)>) {
    if let Some((start, Some(label), end)) = open {
        entities.push(NerSpan { start, end, label });
    }
}

/// Tokens written without a space before them.
fn glues_left(word: &str) -> bool {
    matches!(
        word,
        "," | "."
            | ":"
            | ";"
            | "?"
            | "!"
            | "%"
            | ")"
            | "]"
            | "}"
            | "'s"
            | "'S"
            | "n't"
            | "N'T"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
            | "'"
    )
}

/// Scores under one matching rule: micro and per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerScores {
    pub micro: Prf,
    /// The scheme's labels in report order, then any other label seen.
    pub per_label: Vec<LabelScores>,
}

/// One label's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelScores {
    pub label: &'static str,
    pub scores: Prf,
}

/// Everything [`score_ner`] measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NerReport {
    pub documents: usize,
    pub gold_entities: usize,
    pub predicted_entities: usize,
    pub exact: NerScores,
    pub overlap: NerScores,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    exact: usize,
    overlap: usize,
}

/// Scores predictions (already mapped to the scheme, see [`NerScheme::predictions`]) against gold
/// documents; see the module doc for the definitions.
pub fn score_ner<'a>(docs: impl IntoIterator<Item = (&'a NerDoc, Vec<NerSpan>)>) -> NerReport {
    let mut counts: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut documents = 0;
    for (doc, predicted) in docs {
        documents += 1;
        score_doc(&doc.entities, &predicted, &mut counts);
    }
    let mut labels: Vec<&'static str> = counts.keys().copied().collect();
    let order = |label: &str| {
        [NerScheme::Gmb, NerScheme::Conll]
            .iter()
            .flat_map(|s| s.labels().iter())
            .position(|l| *l == label)
            .unwrap_or(usize::MAX)
    };
    labels.sort_by_key(|l| (order(l), *l));
    let total = counts.values().fold(Counts::default(), |t, c| Counts {
        gold: t.gold + c.gold,
        predicted: t.predicted + c.predicted,
        exact: t.exact + c.exact,
        overlap: t.overlap + c.overlap,
    });
    let scores = |matched: fn(&Counts) -> usize| NerScores {
        micro: prf(total.predicted, total.gold, matched(&total)),
        per_label: labels
            .iter()
            .filter_map(|label| {
                let c = counts.get(label)?;
                Some(LabelScores {
                    label,
                    scores: prf(c.predicted, c.gold, matched(c)),
                })
            })
            .collect(),
    };
    NerReport {
        documents,
        gold_entities: total.gold,
        predicted_entities: total.predicted,
        exact: scores(|c| c.exact),
        overlap: scores(|c| c.overlap),
    }
}

fn score_doc(gold: &[NerSpan], predicted: &[NerSpan], counts: &mut BTreeMap<&'static str, Counts>) {
    for g in gold {
        counts.entry(g.label).or_default().gold += 1;
    }
    for p in predicted {
        counts.entry(p.label).or_default().predicted += 1;
    }
    // Exact: a multiset of gold spans, each consumed once.
    let mut remaining: HashMap<&NerSpan, usize> = HashMap::new();
    for g in gold {
        *remaining.entry(g).or_default() += 1;
    }
    for p in predicted {
        if let Some(left) = remaining.get_mut(p).filter(|n| **n > 0) {
            *left -= 1;
            counts.entry(p.label).or_default().exact += 1;
        }
    }
    // Overlap: gold in text order takes its best unmatched overlapping prediction.
    let mut gold_order: Vec<&NerSpan> = gold.iter().collect();
    gold_order.sort();
    let mut by_start: Vec<(usize, &NerSpan)> = predicted.iter().enumerate().collect();
    by_start.sort_by_key(|(at, p)| (p.start, *at));
    let mut used = vec![false; predicted.len()];
    for g in gold_order {
        let mut best: Option<(usize, usize, usize)> = None; // (shared, outside, position)
        for (position, (at, p)) in by_start.iter().enumerate() {
            if p.start >= g.end {
                break;
            }
            if p.label != g.label || used.get(*at).copied().unwrap_or(true) {
                continue;
            }
            let shared = g.shared(p);
            if shared == 0 {
                continue;
            }
            let outside = (p.end - p.start) - shared;
            let better = best.is_none_or(|(s, o, _)| shared > s || (shared == s && outside < o));
            if better {
                best = Some((shared, outside, position));
            }
        }
        if let Some((_, _, position)) = best {
            if let Some((at, _)) = by_start.get(position) {
                if let Some(flag) = used.get_mut(*at) {
                    *flag = true;
                }
            }
            counts.entry(g.label).or_default().overlap += 1;
        }
    }
}

fn prf(predicted: usize, gold: usize, matched: usize) -> Prf {
    let ratio = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    };
    let precision = ratio(matched, predicted);
    let recall = ratio(matched, gold);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        predicted,
        predicted_correct: matched,
        gold,
        gold_found: matched,
        precision,
        recall,
        f1,
    }
}

impl NerReport {
    /// A plain-text table: micro and per-label P/R/F1, exact and overlap.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "documents {}; gold entities {}; predicted {}",
            self.documents, self.gold_entities, self.predicted_entities
        );
        let _ = writeln!(
            out,
            "\n{:<10}{:>7}{:>7}  {:>7}{:>7}{:>7}  {:>7}{:>7}{:>7}",
            "", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~"
        );
        let line = |out: &mut String, label: &str, exact: &Prf, overlap: &Prf| {
            let _ = writeln!(
                out,
                "{label:<10}{:>7}{:>7}  {:>7.3}{:>7.3}{:>7.3}  {:>7.3}{:>7.3}{:>7.3}",
                exact.gold,
                exact.predicted,
                exact.precision,
                exact.recall,
                exact.f1,
                overlap.precision,
                overlap.recall,
                overlap.f1
            );
        };
        line(&mut out, "micro", &self.exact.micro, &self.overlap.micro);
        for exact in &self.exact.per_label {
            if let Some(overlap) = self
                .overlap
                .per_label
                .iter()
                .find(|o| o.label == exact.label)
            {
                line(&mut out, exact.label, &exact.scores, &overlap.scores);
            }
        }
        let _ = writeln!(
            out,
            "\nP R F1: exact span and label; P~ R~ F1~: same label, overlapping span (one-to-one)"
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_widen_person_spans_only_when_capitalised_and_adjacent() {
        let text = "Prime Minister Ehud Olmert met the new president Lula and Iran's Ali Larijani.";
        let person = |name: &str| {
            let start = text.find(name).unwrap();
            Entity {
                span: claimgraph_core::Span::new(start, start + name.len()),
                label: EntityLabel::Person,
                canonical: name.into(),
                country: None,
                actor: None,
            }
        };
        let entities = [
            person("Ehud Olmert"),
            person("Lula"),
            person("Ali Larijani"),
        ];
        let widened = with_titles(text, &entities, &Lexicon::shipped());
        let texts: Vec<&str> = widened.iter().map(|e| e.span.text(text)).collect();
        assert_eq!(
            texts,
            ["Prime Minister Ehud Olmert", "Lula", "Ali Larijani"]
        );
    }
    use claimgraph_core::Span;
    use proptest::prelude::*;

    fn parse(content: &str, scheme: NerScheme) -> Vec<NerDoc> {
        parse_conll(content, Path::new("gold.conll"), scheme).unwrap()
    }

    /// `LABEL text` per gold entity.
    fn texts(doc: &NerDoc) -> Vec<String> {
        doc.entities
            .iter()
            .map(|e| {
                let text: String = doc
                    .text
                    .chars()
                    .skip(e.start)
                    .take(e.end - e.start)
                    .collect();
                format!("{} {text}", e.label)
            })
            .collect()
    }

    const GMB: &str = "President\tNNP\tB-per\nGeorge\tNNP\tI-per\nBush\tNNP\tI-per\n\
        said\tVBD\tO\n\"\t\"\tO\nIran\tNNP\tB-gpe\n's\tPOS\tO\n(\t(\tO\nnew\tJJ\tO\n)\t)\tO\n\
        talks\tNNS\tO\n\"\t\"\tO\ncost\tVBD\tO\n$\t$\tO\n5\tCD\tO\n%\tNN\tO\nin\tIN\tO\n\
        Paris\tNNP\tB-geo\nlast\tJJ\tB-tim\nweek\tNN\tI-tim\n.\t.\tO\n\n\
        Nobel\tNNP\tB-art\nPrize\tNNP\tI-art\nwinners\tNNS\tO\ndid\tVBD\tO\nn't\tRB\tO\ngo\tVB\tO\n";

    #[test]
    fn gmb_text_and_spans() {
        let docs = parse(GMB, NerScheme::Gmb);
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(
            doc.text,
            "President George Bush said \"Iran's (new) talks\" cost $5% in Paris last week. \
             Nobel Prize winners didn't go"
        );
        assert_eq!(
            texts(doc),
            [
                "PERSON President George Bush",
                "GPE Iran",
                "GPE Paris",
                "DATE last week"
            ]
        );
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.id, "gold.conll:1");
    }

    #[test]
    fn conll_iob1_documents_and_adjacent_entities() {
        let content = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\
            German JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n-DOCSTART- -X- -X- O\n\n\
            Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nMary NNP I-NP B-PER\n\
            to TO O O\nLondon NNP I-NP I-LOC\n";
        let docs = parse(content, NerScheme::Conll);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects German call.");
        assert_eq!(texts(&docs[0]), ["ORG EU", "MISC German"]);
        assert_eq!(
            texts(&docs[1]),
            ["PER Peter Blackburn", "PER Mary", "LOC London"]
        );
        assert_eq!(docs[1].id, "gold.conll:11");
    }

    #[test]
    fn files_without_docstart_are_cut_every_ten_sentences() {
        let content = "Hi\tUH\tO\n\n".repeat(25);
        let docs = parse(&content, NerScheme::Gmb);
        assert_eq!(
            docs.iter().map(|d| d.sentences.len()).collect::<Vec<_>>(),
            [10, 10, 5]
        );
        assert_eq!(docs[2].id, "gold.conll:41");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_conll(
            "Paris\tNNP\tB-geo\nBush\tNNP\tB-PER\n",
            Path::new("g.conll"),
            NerScheme::Gmb,
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("g.conll:2: tag type \"PER\""),
            "{err}"
        );
        let err = parse_conll("x\n", Path::new("g.conll"), NerScheme::Gmb).unwrap_err();
        assert_eq!(err.to_string(), "g.conll:1: expected a token and a tag");
        let err = parse_conll("x X-geo\n", Path::new("g.conll"), NerScheme::Gmb).unwrap_err();
        assert!(err.to_string().contains("prefix \"X\""), "{err}");
        let err = read_conll(Path::new("/nonexistent/g.conll"), NerScheme::Gmb).unwrap_err();
        assert!(err.to_string().contains("cannot read"), "{err}");
    }

    fn span(start: usize, end: usize, label: &'static str) -> NerSpan {
        NerSpan { start, end, label }
    }

    fn doc(entities: Vec<NerSpan>) -> NerDoc {
        NerDoc {
            id: "d".into(),
            text: "x".repeat(100),
            sentences: vec![(0, 100)],
            entities,
        }
    }

    #[test]
    fn exact_and_overlap_scores() {
        let gold = doc(vec![
            span(0, 10, "PERSON"),
            span(20, 25, "GPE"),
            span(30, 35, "ORG"),
            span(40, 45, "GPE"),
        ]);
        let predicted = vec![
            span(4, 10, "PERSON"), // overlap only
            span(20, 25, "GPE"),   // exact
            span(20, 25, "GPE"),   // duplicate: wrong
            span(30, 35, "GPE"),   // wrong label
            span(60, 65, "DATE"),  // spurious
        ];
        let report = score_ner([(&gold, predicted)]);
        assert_eq!(report.gold_entities, 4);
        assert_eq!(report.predicted_entities, 5);
        assert_eq!(report.exact.micro.predicted_correct, 1);
        assert_eq!(report.overlap.micro.predicted_correct, 2);
        assert!((report.exact.micro.precision - 0.2).abs() < 1e-9);
        assert!((report.exact.micro.recall - 0.25).abs() < 1e-9);
        let labels: Vec<&str> = report.exact.per_label.iter().map(|l| l.label).collect();
        assert_eq!(labels, ["PERSON", "ORG", "GPE", "DATE"]);
        let gpe = &report.exact.per_label[2].scores;
        assert_eq!((gpe.gold, gpe.predicted, gpe.gold_found), (2, 3, 1));
        insta::assert_snapshot!(report.to_text());
    }

    #[test]
    fn overlap_prefers_the_tighter_prediction() {
        let gold = doc(vec![span(10, 20, "ORG"), span(22, 30, "ORG")]);
        // The wide one overlaps both; the exact one should go to the first gold.
        let predicted = vec![span(5, 30, "ORG"), span(10, 20, "ORG")];
        let report = score_ner([(&gold, predicted)]);
        assert_eq!(report.overlap.micro.predicted_correct, 2);
        assert_eq!(report.exact.micro.predicted_correct, 1);
    }

    #[test]
    fn predictions_map_labels_and_offsets() {
        use EntityLabel as L;
        let text = "Kyiv’s Zelensky on Monday";
        let entity = |start: usize, end: usize, label| Entity {
            span: Span::new(start, end),
            label,
            canonical: String::new(),
            country: None,
            actor: None,
        };
        let zelensky = text.find("Zelensky").unwrap();
        let monday = text.find("Monday").unwrap();
        let entities = [
            entity(0, 4, L::Gpe),
            entity(zelensky, zelensky + 8, L::Person),
            entity(monday, monday + 6, L::Date),
        ];
        assert_eq!(
            NerScheme::Gmb.predictions(text, &entities),
            [
                span(0, 4, "GPE"),
                span(7, 15, "PERSON"),
                span(19, 25, "DATE")
            ]
        );
        assert_eq!(
            NerScheme::Conll.predictions(text, &entities),
            [span(0, 4, "LOC"), span(7, 15, "PER")]
        );
        assert_eq!(NerScheme::parse("gmb"), Some(NerScheme::Gmb));
        assert_eq!(NerScheme::parse("GMB"), None);
    }

    #[test]
    fn gold_scored_against_itself_is_perfect() {
        let docs = parse(GMB, NerScheme::Gmb);
        let report = score_ner(docs.iter().map(|d| (d, d.entities.clone())));
        assert_eq!(report.exact.micro.f1, 1.0);
        assert_eq!(report.overlap.micro.f1, 1.0);
    }

    proptest! {
        #[test]
        fn overlap_never_below_exact(
            gold in proptest::collection::vec((0usize..50, 1usize..8, 0usize..2), 0..12),
            predicted in proptest::collection::vec((0usize..50, 1usize..8, 0usize..2), 0..12),
        ) {
            let labels = ["ORG", "GPE"];
            let to_spans = |v: &[(usize, usize, usize)]| -> Vec<NerSpan> {
                v.iter().map(|&(s, l, k)| span(s, s + l, labels[k])).collect()
            };
            let report = score_ner([(&doc(to_spans(&gold)), to_spans(&predicted))]);
            prop_assert!(report.overlap.micro.predicted_correct >= report.exact.micro.predicted_correct);
            prop_assert!(report.overlap.micro.predicted_correct <= gold.len().min(predicted.len()));
        }

        #[test]
        fn reader_spans_cover_their_tokens(
            tokens in proptest::collection::vec(
                (prop_oneof![Just("Kyiv"), Just("\""), Just(","), Just("("), Just("'s"), Just("é"),
                    Just("$"), Just("n't"), Just("Москва")],
                 prop_oneof![Just("O"), Just("B-geo"), Just("I-geo"), Just("B-per"), Just("I-tim")]),
                1..30,
            )
        ) {
            let content: String = tokens.iter().map(|(w, t)| format!("{w}\tX\t{t}\n")).collect();
            let docs = parse(&content, NerScheme::Gmb);
            let doc = &docs[0];
            let chars = doc.text.chars().count();
            for e in &doc.entities {
                prop_assert!(e.start < e.end && e.end <= chars);
            }
        }
    }
}
