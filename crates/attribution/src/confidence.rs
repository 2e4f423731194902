//! The quote confidence model: a logistic classifier over what the rules found (cue, arrangement,
//! source, content shape, resolved speaker) estimates how likely an attribution is one a careful
//! annotator would also mark. Its probability becomes the quote's `confidence`, and attributions
//! below the model's threshold are dropped, quotations excepted.
//!
//! Trained on PolNeAR `train.jsonl` by the `train_confidence` example: the label of a prediction
//! is whether the one-to-one quote match at 30% content coverage pairs it with a gold
//! attribution. The threshold is chosen on the held-out 10% of train articles; dev is never used.
//! The weights (`data/quote-model.bin`) are compiled in; scoring is a few dozen hash look-ups per
//! quote and does no I/O.
//!
//! ```sh
//! # cross-fitted cue taggers: each of 5 folds of train tagged by a tagger that never saw it
//! for k in 0 1 2 3 4; do cargo run --release -p claimgraph-tagger --example train -- \
//!     ../shared/datasets/polnear/train.jsonl /tmp/folds/cue-$k.bin --fold $k --folds 5; done
//! # the shipped model (threshold from the held-out check)
//! cargo run --release -p claimgraph-attribution --example train_confidence -- \
//!     ../shared/datasets/polnear/train.jsonl crates/attribution/data/quote-model.bin \
//!     --fold-taggers /tmp/folds --threshold 0.4
//! # the held-out check: the model learns without the held-out 10% of articles
//! cargo run --release -p claimgraph-attribution --example train_confidence -- \
//!     ../shared/datasets/polnear/train.jsonl /tmp/quote-90.bin --holdout --fold-taggers /tmp/folds
//! # comparing rule changes: every train article scored by a model that never saw it
//! cargo run --release -p claimgraph-attribution --example train_confidence -- \
//!     ../shared/datasets/polnear/train.jsonl /tmp/unused.bin --cross --fold-taggers /tmp/folds
//! ```
//!
//! The model learns from cue-tagger output on articles that tagger never saw, as on unseen text
//! (with the shipped tagger, trained on all of train, it trusted tagger cues too much). Measured
//! that way, threshold 0.40 (quotations and named sources that deny or accuse always kept, see
//! [`crate::kept`]; reporters' questions without a source and reports not made never) moves
//! held-out quote F1 from 0.765 to 0.785 (@0.3) and 0.725 to 0.744 (@0.8); cross-validated over
//! all train articles, 0.775 / 0.731 (retrain after any rule change: it takes a second). What
//! helps most is where an attribution sits among the others — a report
//! nested inside another's content is often not annotated as one of its own — and the prior
//! confidence the rules give, which tells the fallback's guesses from the rules' readings.

use crate::rules::{Context, Found, SourceHint};
use crate::spans::{reported_spans, within};
use crate::words::{self, contains};
use claimgraph_core::layers::{EntityLabel, Quote, QuoteKind};
use claimgraph_core::Span;
use claimgraph_tagger::feature;

/// What the confidence model reads of the other attributions in the document.
pub(crate) struct Neighbours {
    /// Every content, merged into disjoint spans in document order.
    reported: Vec<Span>,
    /// Every cue, in document order.
    cues: Vec<Span>,
}

impl Neighbours {
    pub(crate) fn new(found: &[Found]) -> Neighbours {
        let mut cues: Vec<Span> = found.iter().filter_map(|f| f.cue).collect();
        cues.sort_by_key(|c| c.start);
        Neighbours {
            reported: reported_spans(found),
            cues,
        }
    }

    /// How many cues lie inside `span`.
    fn cues_inside(&self, span: Span) -> usize {
        let from = self.cues.partition_point(|c| c.start < span.start);
        self.cues
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.end <= span.end)
            .count()
    }
}

/// Features of an attribution as the rules found it, before its speaker is resolved, among the
/// document's other attributions.
pub(crate) fn found_features(
    context: &Context,
    neighbours: &Neighbours,
    found: &Found,
) -> Vec<u64> {
    let mut out = Vec::with_capacity(32);
    out.push(feature(0, &[]));
    let kind = kind_name(found.kind);
    out.push(feature(1, &[kind]));
    out.push(feature(2, &[found.stance.as_str()]));
    let heuristic = format!("{:.2}", found.confidence);
    out.push(feature(3, &[&heuristic]));
    out.push(feature(
        4,
        &[match found.hint {
            SourceHint::Mention => "mention",
            SourceHint::SharedSubject => "shared",
            SourceHint::Floating => "floating",
        }],
    ));
    let source = source_shape(context, found);
    out.push(feature(5, &[source]));
    out.push(feature(6, &[source, kind]));

    let cue_tokens = found.cue.map(|cue| token_range(context, cue));
    match cue_tokens {
        Some((start, end)) => {
            let cue_words = context.words.slice(start, end).join(" ");
            let first = context.words.get(start);
            out.push(feature(7, &[&cue_words]));
            out.push(feature(8, &[first]));
            out.push(feature(9, &[first, kind]));
            out.push(feature(10, &[first, source]));
            let before = start.checked_sub(1).map_or("<s>", |b| context.words.get(b));
            out.push(feature(11, &[before]));
            out.push(feature(12, &[context.words.get(end)]));
            out.push(feature(13, &[first, context.words.get(end)]));
            let tagged = context
                .tagged
                .proposed
                .binary_search_by(|&(s, _)| s.cmp(&start))
                .is_ok();
            out.push(feature(14, &[if tagged { "tagger" } else { "lexicon" }]));
            let quoted = found.cue.is_some_and(|cue| inside_region(context, cue));
            out.push(feature(15, &[if quoted { "quoted" } else { "plain" }]));
            // A report inside another's content ("denied reports that she had threatened …").
            let nested = found
                .cue
                .is_some_and(|cue| within(&neighbours.reported, cue));
            out.push(feature(31, &[if nested { "nested" } else { "top" }, kind]));
        }
        None => out.push(feature(7, &["<none>"])),
    }

    let first_content = found.contents.first().copied().unwrap_or_default();
    let (content_start, _) = token_range(context, first_content);
    let content_tokens: usize = found
        .contents
        .iter()
        .map(|&c| {
            let (s, e) = token_range(context, c);
            e.saturating_sub(s)
        })
        .sum();
    // A report that holds other reports ("said that officials denied …").
    let holds: usize = found
        .contents
        .iter()
        .map(|&c| neighbours.cues_inside(c))
        .sum();
    out.push(feature(32, &[bucket(holds), kind]));
    let size = bucket(content_tokens);
    out.push(feature(16, &[size]));
    out.push(feature(17, &[size, kind]));
    out.push(feature(18, &[bucket(found.contents.len())]));
    out.push(feature(19, &[context.words.get(content_start)]));
    let position = match found.cue {
        None => "none",
        Some(cue) if cue.end <= first_content.start => "cue-first",
        Some(cue) if found.contents.iter().all(|c| c.end <= cue.start) => "content-first",
        Some(_) => "between",
    };
    out.push(feature(20, &[position, kind]));
    let last = found.contents.last().copied().unwrap_or_default();
    let question = last.text(context.text).trim_end().ends_with('?');
    out.push(feature(21, &[if question { "question" } else { "plain" }]));
    out.push(feature(
        22,
        &[if found.paragraph == 0 {
            "first"
        } else {
            "later"
        }],
    ));
    out.push(feature(
        25,
        &[
            context.words.get(content_start),
            context.words.get(content_start + 1),
        ],
    ));
    if let Some((start, end)) = found.source {
        out.push(feature(26, &[context.words.get(start)]));
        out.push(feature(27, &[context.words.get(end.saturating_sub(1))]));
    }
    let sentence = context
        .analysis
        .sentences
        .partition_point(|s| s.span.end <= first_content.start);
    if let Some(sentence) = context.analysis.sentences.get(sentence) {
        let (start, end) = sentence.tokens;
        out.push(feature(28, &[bucket(end.saturating_sub(start))]));
        out.push(feature(29, &[context.words.get(start)]));
        let opens = if first_content.start <= sentence.span.start + 3 {
            "opens"
        } else {
            "inside"
        };
        out.push(feature(30, &[opens, kind]));
    }
    out
}

/// Adds what speaker resolution learned: whether the source resolved, and to what kind.
pub(crate) fn add_speaker_features(context: &Context, quote: &Quote, out: &mut Vec<u64>) {
    let speaker = match &quote.speaker {
        None => "unresolved",
        Some(speaker) => {
            let entity = quote
                .sources
                .iter()
                .find_map(|&s| context.entities_in(s).find(|e| e.canonical == speaker.name));
            match (entity.map(|e| e.label), speaker.role.is_some()) {
                (Some(EntityLabel::Person), _) => "person",
                (Some(EntityLabel::Org), _) => "org",
                (Some(EntityLabel::Gpe | EntityLabel::Norp), _) => "place",
                (Some(_), _) => "entity",
                (None, true) => "role",
                (None, false) => "other",
            }
        }
    };
    out.push(feature(23, &[speaker]));
    out.push(feature(24, &[speaker, kind_name(quote.kind)]));
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

/// The source mention's shape: none, which pronoun, a name, or a common-noun phrase.
fn source_shape(context: &Context, found: &Found) -> &'static str {
    let Some((start, end)) = found.source else {
        return "none";
    };
    let first = context.words.get(start);
    if end == start + 1 {
        match first {
            "i" | "we" | "you" => return "first-second-person",
            "he" | "she" => return "he-she",
            "they" => return "they",
            "it" => return "it",
            _ => {}
        }
    }
    let span = context.span_of(start, end);
    let named = context
        .entities_in(span)
        .any(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Org));
    if named {
        return "name";
    }
    if contains(words::DETERMINERS, first) {
        return "nominal";
    }
    if end - start > 6 {
        return "long";
    }
    "other"
}

/// Token indexes `(start, end)` covering `span`.
fn token_range(context: &Context, span: Span) -> (usize, usize) {
    let tokens = &context.analysis.tokens;
    let start = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    (start, end.max(start))
}

fn inside_region(context: &Context, span: Span) -> bool {
    let after = context
        .regions
        .partition_point(|r| r.span().start <= span.start);
    after
        .checked_sub(1)
        .and_then(|i| context.regions.get(i))
        .is_some_and(|r| r.segments.iter().any(|s| s.contains(span)))
}

fn bucket(count: usize) -> &'static str {
    match count {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}
