//! Attribution scoring: quote matching, matched-pair source/cue checks, content characters and cues.
//!
//! The definitions are in the crate documentation; this module counts per document and sums.

use crate::gold::{GoldAttribution, GoldDoc};
use crate::predict::PredictedAttribution;
use crate::spans::{cover, CharSet, CharSpan};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Quote-match thresholds in percent; compared in integers so that a share of exactly 30% is
/// reliably not a match at 0.3.
const THRESHOLDS: [usize; 2] = [30, 80];

/// The threshold whose matched pairs get the source and cue checks.
const PAIR_THRESHOLD: usize = 30;

/// Opening quotation marks: gold content that starts with one is a direct quote.
const OPENING_MARKS: &[char] = &[
    '"', '\'', '“', '”', '„', '‟', '«', '»', '‘', '‚', '‛', '‹', '›', '「', '『',
];

/// Quotation marks that make content with no opening mark "mixed" (a quoted fragment inside).
/// `’` and `'` are left out: inside a sentence they are nearly always apostrophes.
const INNER_MARKS: &[char] = &[
    '"', '“', '”', '„', '‟', '«', '»', '‘', '‚', '‛', '‹', '›', '「', '」', '『', '』',
];

/// How a gold attribution reports speech, judged from its content text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldKind {
    /// The content's first non-space character is a quotation mark.
    Direct,
    /// No quotation mark in the content.
    Indirect,
    /// Not direct, but a quotation mark occurs inside the content.
    Mixed,
}

impl GoldKind {
    const ALL: [GoldKind; 3] = [GoldKind::Direct, GoldKind::Indirect, GoldKind::Mixed];

    fn as_str(self) -> &'static str {
        match self {
            GoldKind::Direct => "direct",
            GoldKind::Indirect => "indirect",
            GoldKind::Mixed => "mixed",
        }
    }

    fn of(chars: &[char], contents: &[CharSpan]) -> GoldKind {
        let mut segments = contents.to_vec();
        segments.sort_unstable();
        let mut content = segments
            .iter()
            .flat_map(|s| chars.get(s.start..s.end).unwrap_or(&[]))
            .copied();
        if content
            .by_ref()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| OPENING_MARKS.contains(&c))
        {
            GoldKind::Direct
        } else if content.any(|c| INNER_MARKS.contains(&c)) {
            GoldKind::Mixed
        } else {
            GoldKind::Indirect
        }
    }
}

/// Precision, recall and F1 with the counts they come from.
///
/// A ratio with a zero denominator is 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub predicted: usize,
    /// Predicted items (or characters) that count as correct.
    pub predicted_correct: usize,
    pub gold: usize,
    /// Gold items (or characters) that count as found.
    pub gold_found: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(predicted: usize, predicted_correct: usize, gold: usize, gold_found: usize) -> Self {
        let precision = ratio(predicted_correct, predicted);
        let recall = ratio(gold_found, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            predicted,
            predicted_correct,
            gold,
            gold_found,
            precision,
            recall,
            f1,
        }
    }
}

/// A share of some total; 0 when the total is 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    pub hits: usize,
    pub total: usize,
    pub rate: f64,
}

impl Rate {
    fn new(hits: usize, total: usize) -> Self {
        Rate {
            hits,
            total,
            rate: ratio(hits, total),
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Quote-match recall of the gold attributions of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KindRecall {
    pub kind: GoldKind,
    pub recall: Rate,
}

/// Quote matching at one threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMatch {
    pub threshold: f64,
    /// `predicted_correct == gold_found ==` the number of matched pairs.
    pub scores: Prf,
    pub recall_by_kind: Vec<KindRecall>,
}

/// Source and cue agreement on the pairs matched at threshold 0.3.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedPairs {
    pub threshold: f64,
    pub pairs: usize,
    /// Over pairs whose gold has a source: a predicted source overlaps a gold source segment.
    pub source_overlap: Rate,
    /// Over pairs whose gold has a source: a predicted source equals a gold source segment or their cover.
    pub source_exact: Rate,
    /// Pairs whose gold has no source (left out of the source rates).
    pub gold_without_source: usize,
    /// Of those, pairs whose prediction has no source either.
    pub gold_without_source_predicted_none: usize,
    /// Over pairs whose gold has a cue: the predicted cue overlaps a gold cue segment.
    pub cue_overlap: Rate,
    /// Over pairs whose gold has a cue: the predicted cue equals a gold cue segment or their cover.
    pub cue_exact: Rate,
    /// Pairs whose gold has no cue (left out of the cue rates).
    pub gold_without_cue: usize,
}

/// Every attribution metric over a set of gold documents (see the crate documentation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttributionReport {
    pub documents: usize,
    /// Gold attributions with content: the ones quote matching scores.
    pub gold_attributions: usize,
    pub gold_skipped_empty_content: usize,
    /// Scored gold attributions without a source.
    pub gold_without_source: usize,
    /// Predicted attributions with content: the ones quote matching scores.
    pub predicted_attributions: usize,
    pub predicted_skipped_empty_content: usize,
    /// One entry per threshold: 0.3, then 0.8.
    pub quote_match: Vec<QuoteMatch>,
    pub matched_pairs: MatchedPairs,
    /// Counts are characters.
    pub content_chars: Prf,
    pub cue_exact: Prf,
    pub cue_overlap: Prf,
}

/// Sums over documents, turned into the report at the end.
#[derive(Default)]
struct Tally {
    documents: usize,
    gold: usize,
    gold_empty: usize,
    gold_without_source: usize,
    predicted: usize,
    predicted_empty: usize,
    /// Per threshold, matched pairs.
    matched: [usize; THRESHOLDS.len()],
    /// Per kind, gold count; per threshold and kind, matched count.
    kind_gold: [usize; 3],
    kind_matched: [[usize; 3]; THRESHOLDS.len()],
    pairs: usize,
    pair_with_source: usize,
    pair_source_overlap: usize,
    pair_source_exact: usize,
    pair_no_source: usize,
    pair_no_source_predicted_none: usize,
    pair_with_cue: usize,
    pair_cue_overlap: usize,
    pair_cue_exact: usize,
    pair_no_cue: usize,
    content_shared: usize,
    content_predicted: usize,
    content_gold: usize,
    cue_predicted: usize,
    cue_gold: usize,
    cue_exact_matched: usize,
    cue_predicted_overlapping: usize,
    cue_gold_overlapped: usize,
}

fn kind_slot(kind: GoldKind) -> usize {
    match kind {
        GoldKind::Direct => 0,
        GoldKind::Indirect => 1,
        GoldKind::Mixed => 2,
    }
}

/// The spans a predicted span may equal to count as exact: each segment, and their cover.
fn exact_targets(segments: &[CharSpan]) -> impl Iterator<Item = CharSpan> + '_ {
    segments.iter().copied().chain(cover(segments))
}

fn overlaps_any(span: CharSpan, segments: &[CharSpan]) -> bool {
    segments.iter().any(|s| s.overlaps(span))
}

/// Greedy one-to-one matching at one threshold: `(gold index, predicted index)` pairs.
///
/// Gold in order picks the unmatched prediction covering most of its content characters; ties go to
/// the smaller predicted content, then to the earlier prediction.
fn match_quotes(
    gold: &[(usize, CharSet)],
    predicted: &[(usize, CharSet)],
    percent: usize,
) -> Vec<(usize, usize)> {
    let mut taken = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (gold_at, gold_set) in gold {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(slot, _)| !taken.get(*slot).copied().unwrap_or(true))
            .map(|(slot, (_, set))| (gold_set.intersection_len(set), set.len(), slot))
            .filter(|&(shared, _, _)| shared > 0)
            .min_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        if let Some((shared, _, slot)) = best {
            if shared * 100 > gold_set.len() * percent {
                if let (Some(flag), Some((pred_at, _))) = (taken.get_mut(slot), predicted.get(slot))
                {
                    *flag = true;
                    pairs.push((*gold_at, *pred_at));
                }
            }
        }
    }
    pairs
}

/// Content character sets, each with the index of its attribution.
type IndexedSets = Vec<(usize, CharSet)>;

/// The content character sets of gold attributions and of predictions, leaving out those with
/// empty content (which the metric skips).
fn content_sets(doc: &GoldDoc, predicted: &[PredictedAttribution]) -> (IndexedSets, IndexedSets) {
    let gold = doc
        .attributions
        .iter()
        .map(|a| CharSet::from_spans(&a.contents))
        .enumerate()
        .filter(|(_, set)| !set.is_empty())
        .collect();
    let scored = predicted
        .iter()
        .map(|p| CharSet::from_spans(&p.contents))
        .enumerate()
        .filter(|(_, set)| !set.is_empty())
        .collect();
    (gold, scored)
}

/// Per prediction, whether the one-to-one quote match at `percent`% of gold content pairs it
/// with a gold attribution: the labels a model of prediction quality learns from.
pub fn matched_predictions(
    doc: &GoldDoc,
    predicted: &[PredictedAttribution],
    percent: usize,
) -> Vec<bool> {
    let (gold, scored) = content_sets(doc, predicted);
    let mut matched = vec![false; predicted.len()];
    for (_, pred_at) in match_quotes(&gold, &scored, percent) {
        if let Some(flag) = matched.get_mut(pred_at) {
            *flag = true;
        }
    }
    matched
}

impl Tally {
    fn add(&mut self, doc: &GoldDoc, predicted: &[PredictedAttribution]) {
        self.documents += 1;
        let chars: Vec<char> = doc.text.chars().collect();

        let (gold, scored) = content_sets(doc, predicted);
        self.gold += gold.len();
        self.gold_empty += doc.attributions.len() - gold.len();
        self.predicted += scored.len();
        self.predicted_empty += predicted.len() - scored.len();

        let kinds: Vec<GoldKind> = doc
            .attributions
            .iter()
            .map(|a| GoldKind::of(&chars, &a.contents))
            .collect();
        for &(at, _) in &gold {
            if let Some(&kind) = kinds.get(at) {
                self.kind_gold[kind_slot(kind)] += 1;
            }
            if doc
                .attributions
                .get(at)
                .is_some_and(|a| a.sources.is_empty())
            {
                self.gold_without_source += 1;
            }
        }

        for (t, &percent) in THRESHOLDS.iter().enumerate() {
            let pairs = match_quotes(&gold, &scored, percent);
            self.matched[t] += pairs.len();
            for &(gold_at, _) in &pairs {
                if let Some(&kind) = kinds.get(gold_at) {
                    self.kind_matched[t][kind_slot(kind)] += 1;
                }
            }
            if percent == PAIR_THRESHOLD {
                for (gold_at, pred_at) in pairs {
                    if let (Some(g), Some(p)) =
                        (doc.attributions.get(gold_at), predicted.get(pred_at))
                    {
                        self.add_pair(g, p);
                    }
                }
            }
        }

        let gold_content = CharSet::from_spans(doc.attributions.iter().flat_map(|a| &a.contents));
        let predicted_content = CharSet::from_spans(predicted.iter().flat_map(|p| &p.contents));
        self.content_shared += gold_content.intersection_len(&predicted_content);
        self.content_gold += gold_content.len();
        self.content_predicted += predicted_content.len();

        self.add_cues(&doc.attributions, predicted);
    }

    fn add_pair(&mut self, gold: &GoldAttribution, predicted: &PredictedAttribution) {
        self.pairs += 1;
        if gold.sources.is_empty() {
            self.pair_no_source += 1;
            self.pair_no_source_predicted_none += usize::from(predicted.sources.is_empty());
        } else {
            self.pair_with_source += 1;
            self.pair_source_overlap += usize::from(
                predicted
                    .sources
                    .iter()
                    .any(|&s| overlaps_any(s, &gold.sources)),
            );
            self.pair_source_exact += usize::from(
                predicted
                    .sources
                    .iter()
                    .any(|s| exact_targets(&gold.sources).any(|t| t == *s)),
            );
        }
        if gold.cues.is_empty() {
            self.pair_no_cue += 1;
        } else {
            self.pair_with_cue += 1;
            self.pair_cue_overlap +=
                usize::from(predicted.cue.is_some_and(|c| overlaps_any(c, &gold.cues)));
            self.pair_cue_exact += usize::from(
                predicted
                    .cue
                    .is_some_and(|c| exact_targets(&gold.cues).any(|t| t == c)),
            );
        }
    }

    fn add_cues(&mut self, gold: &[GoldAttribution], predicted: &[PredictedAttribution]) {
        // Distinct on both sides: several quotes sharing one cue found that cue once.
        let gold_cues: BTreeSet<&[CharSpan]> = gold
            .iter()
            .map(|a| a.cues.as_slice())
            .filter(|c| !c.is_empty())
            .collect();
        let predicted_cues: BTreeSet<CharSpan> = predicted.iter().filter_map(|p| p.cue).collect();
        self.cue_gold += gold_cues.len();
        self.cue_predicted += predicted_cues.len();

        let mut taken: BTreeSet<CharSpan> = BTreeSet::new();
        for segments in &gold_cues {
            let hit =
                exact_targets(segments).find(|t| predicted_cues.contains(t) && !taken.contains(t));
            if let Some(hit) = hit {
                taken.insert(hit);
                self.cue_exact_matched += 1;
            }
        }
        self.cue_predicted_overlapping += predicted_cues
            .iter()
            .filter(|&&c| gold_cues.iter().any(|g| overlaps_any(c, g)))
            .count();
        self.cue_gold_overlapped += gold_cues
            .iter()
            .filter(|g| predicted_cues.iter().any(|&c| overlaps_any(c, g)))
            .count();
    }

    fn report(&self) -> AttributionReport {
        let quote_match = THRESHOLDS
            .iter()
            .zip(self.matched.iter().zip(&self.kind_matched))
            .map(|(&percent, (&matched, kind_matched))| QuoteMatch {
                threshold: percent as f64 / 100.0,
                scores: Prf::new(self.predicted, matched, self.gold, matched),
                recall_by_kind: GoldKind::ALL
                    .iter()
                    .map(|&kind| KindRecall {
                        kind,
                        recall: Rate::new(
                            kind_matched[kind_slot(kind)],
                            self.kind_gold[kind_slot(kind)],
                        ),
                    })
                    .collect(),
            })
            .collect();
        AttributionReport {
            documents: self.documents,
            gold_attributions: self.gold,
            gold_skipped_empty_content: self.gold_empty,
            gold_without_source: self.gold_without_source,
            predicted_attributions: self.predicted,
            predicted_skipped_empty_content: self.predicted_empty,
            quote_match,
            matched_pairs: MatchedPairs {
                threshold: PAIR_THRESHOLD as f64 / 100.0,
                pairs: self.pairs,
                source_overlap: Rate::new(self.pair_source_overlap, self.pair_with_source),
                source_exact: Rate::new(self.pair_source_exact, self.pair_with_source),
                gold_without_source: self.pair_no_source,
                gold_without_source_predicted_none: self.pair_no_source_predicted_none,
                cue_overlap: Rate::new(self.pair_cue_overlap, self.pair_with_cue),
                cue_exact: Rate::new(self.pair_cue_exact, self.pair_with_cue),
                gold_without_cue: self.pair_no_cue,
            },
            content_chars: Prf::new(
                self.content_predicted,
                self.content_shared,
                self.content_gold,
                self.content_shared,
            ),
            cue_exact: Prf::new(
                self.cue_predicted,
                self.cue_exact_matched,
                self.cue_gold,
                self.cue_exact_matched,
            ),
            cue_overlap: Prf::new(
                self.cue_predicted,
                self.cue_predicted_overlapping,
                self.cue_gold,
                self.cue_gold_overlapped,
            ),
        }
    }
}

/// Scores predicted attributions against gold documents, one `(gold, predictions)` pair per document.
pub fn score_attribution<'g>(
    pairs: impl IntoIterator<Item = (&'g GoldDoc, Vec<PredictedAttribution>)>,
) -> AttributionReport {
    let mut tally = Tally::default();
    for (doc, predicted) in pairs {
        tally.add(doc, &predicted);
    }
    tally.report()
}

impl AttributionReport {
    /// A plain-text table of the report for terminals.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "documents {}; gold attributions {} (skipped {} with empty content; {} without source); \
             predicted {} (skipped {} with empty content)",
            self.documents,
            self.gold_attributions,
            self.gold_skipped_empty_content,
            self.gold_without_source,
            self.predicted_attributions,
            self.predicted_skipped_empty_content,
        );
        let _ = writeln!(out, "\n{:<26}{:>8}{:>8}{:>8}   counts", "", "P", "R", "F1");
        for quote_match in &self.quote_match {
            let label = format!("quote match @{}", quote_match.threshold);
            prf_line(&mut out, &label, &quote_match.scores);
        }
        prf_line(&mut out, "content characters", &self.content_chars);
        prf_line(&mut out, "cue exact", &self.cue_exact);
        prf_line(&mut out, "cue token overlap", &self.cue_overlap);

        let _ = write!(out, "\nquote-match recall by gold kind");
        for quote_match in &self.quote_match {
            let _ = write!(out, "{:>20}", format!("@{}", quote_match.threshold));
        }
        let _ = writeln!(out);
        for kind in GoldKind::ALL {
            let _ = write!(out, "  {:<29}", kind.as_str());
            for quote_match in &self.quote_match {
                if let Some(k) = quote_match.recall_by_kind.iter().find(|k| k.kind == kind) {
                    let _ = write!(out, "{:>20}", rate_cell(&k.recall));
                }
            }
            let _ = writeln!(out);
        }

        let pairs = &self.matched_pairs;
        let _ = writeln!(out, "\nmatched pairs @{}: {}", pairs.threshold, pairs.pairs);
        let _ = writeln!(
            out,
            "  source overlap {}   exact {}   (gold without source: {}, prediction also without: {})",
            rate_cell(&pairs.source_overlap),
            rate_cell(&pairs.source_exact),
            pairs.gold_without_source,
            pairs.gold_without_source_predicted_none,
        );
        let _ = writeln!(
            out,
            "  cue overlap    {}   exact {}   (gold without cue: {})",
            rate_cell(&pairs.cue_overlap),
            rate_cell(&pairs.cue_exact),
            pairs.gold_without_cue,
        );
        out
    }
}

fn prf_line(out: &mut String, label: &str, prf: &Prf) {
    let _ = writeln!(
        out,
        "{label:<26}{:>8.3}{:>8.3}{:>8.3}   {}/{} predicted, {}/{} gold",
        prf.precision,
        prf.recall,
        prf.f1,
        prf.predicted_correct,
        prf.predicted,
        prf.gold_found,
        prf.gold,
    );
}

fn rate_cell(rate: &Rate) -> String {
    if rate.total == 0 {
        "-    (0/0)".to_owned()
    } else {
        format!("{:.3} ({}/{})", rate.rate, rate.hits, rate.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> CharSpan {
        CharSpan::new(start, end)
    }

    fn gold_doc(text: &str, attributions: Vec<GoldAttribution>) -> GoldDoc {
        GoldDoc {
            id: "doc_a".to_owned(),
            article: "doc".to_owned(),
            annotator: "a".to_owned(),
            text: text.to_owned(),
            attributions,
        }
    }

    fn gold(sources: &[CharSpan], cues: &[CharSpan], contents: &[CharSpan]) -> GoldAttribution {
        GoldAttribution {
            sources: sources.to_vec(),
            cues: cues.to_vec(),
            contents: contents.to_vec(),
        }
    }

    fn pred(
        sources: &[CharSpan],
        cue: Option<CharSpan>,
        contents: &[CharSpan],
    ) -> PredictedAttribution {
        PredictedAttribution {
            sources: sources.to_vec(),
            cue,
            contents: contents.to_vec(),
        }
    }

    fn content_only(contents: &[CharSpan]) -> PredictedAttribution {
        pred(&[], None, contents)
    }

    fn text(len: usize) -> String {
        "x".repeat(len)
    }

    #[test]
    fn greedy_one_to_one_in_gold_order() {
        // Gold A = 0..10, gold B = 10..20. X covers both; Y covers half of B.
        // A takes X (its only overlap); B then cannot reuse X and gets Y at 50%: a match at 0.3,
        // not at 0.8. Without one-to-one, B would have matched X fully.
        let doc = gold_doc(
            &text(30),
            vec![
                gold(&[], &[], &[span(0, 10)]),
                gold(&[], &[], &[span(10, 20)]),
            ],
        );
        let predicted = vec![content_only(&[span(0, 20)]), content_only(&[span(15, 20)])];
        let report = score_attribution([(&doc, predicted)]);
        let at_03 = &report.quote_match[0].scores;
        let at_08 = &report.quote_match[1].scores;
        assert_eq!(
            (at_03.predicted_correct, at_03.predicted, at_03.gold),
            (2, 2, 2)
        );
        assert_eq!(
            (at_08.predicted_correct, at_08.precision, at_08.recall),
            (1, 0.5, 0.5)
        );
    }

    #[test]
    fn each_threshold_matches_on_its_own() {
        // At 0.3, A takes X (50%) and B is left with nothing. At 0.8, A's best (X, 50%) fails and
        // X stays free for B, which it covers fully: filtering the 0.3 pairs would have given 0.
        let doc = gold_doc(
            &text(30),
            vec![
                gold(&[], &[], &[span(0, 10)]),
                gold(&[], &[], &[span(5, 10)]),
            ],
        );
        let predicted = vec![content_only(&[span(5, 10)])];
        let report = score_attribution([(&doc, predicted)]);
        assert_eq!(report.quote_match[0].scores.gold_found, 1);
        assert_eq!(report.quote_match[1].scores.gold_found, 1);
    }

    #[test]
    fn threshold_is_strictly_greater() {
        // Exactly 3 of 10 gold characters: no match at 0.3; 4 of 10 matches.
        let doc = gold_doc(&text(20), vec![gold(&[], &[], &[span(0, 10)])]);
        let exactly = score_attribution([(&doc, vec![content_only(&[span(7, 12)])])]);
        assert_eq!(exactly.quote_match[0].scores.gold_found, 0);
        let above = score_attribution([(&doc, vec![content_only(&[span(6, 12)])])]);
        assert_eq!(above.quote_match[0].scores.gold_found, 1);
        // 8 of 10 is not above 0.8 either; 9 of 10 is.
        let eight = score_attribution([(&doc, vec![content_only(&[span(2, 10)])])]);
        assert_eq!(eight.quote_match[1].scores.gold_found, 0);
        let nine = score_attribution([(&doc, vec![content_only(&[span(1, 10)])])]);
        assert_eq!(nine.quote_match[1].scores.gold_found, 1);
    }

    #[test]
    fn discontiguous_contents_are_unions() {
        // Gold 0..4 + 10..14 (8 chars); the prediction covers 2..12 (4 gold chars + 6 others).
        let doc = gold_doc(&text(20), vec![gold(&[], &[], &[span(0, 4), span(10, 14)])]);
        let report = score_attribution([(&doc, vec![content_only(&[span(2, 12), span(3, 5)])])]);
        assert_eq!(report.quote_match[0].scores.gold_found, 1);
        assert_eq!(report.quote_match[1].scores.gold_found, 0);
        let chars = report.content_chars;
        assert_eq!(
            (chars.predicted_correct, chars.predicted, chars.gold),
            (4, 10, 8)
        );
        assert_eq!((chars.precision, chars.recall), (0.4, 0.5));
    }

    #[test]
    fn ties_prefer_the_tighter_prediction() {
        let doc = gold_doc(&text(40), vec![gold(&[], &[], &[span(10, 20)])]);
        let loose = content_only(&[span(0, 30)]);
        let tight = pred(&[span(30, 33)], None, &[span(10, 20)]);
        let predicted = vec![loose, tight];
        let report = score_attribution([(&doc, predicted)]);
        // The tight prediction has the source; if the loose one had been taken the pair would have none.
        assert_eq!(report.matched_pairs.gold_without_source, 1);
        assert_eq!(report.matched_pairs.gold_without_source_predicted_none, 0);
    }

    #[test]
    fn matched_pair_source_and_cue() {
        // "Sen. Ann Lee said ..." style: gold source 0..12, cue 13..17, content 18..40.
        let doc = gold_doc(
            &text(100),
            vec![
                gold(&[span(0, 12)], &[span(13, 17)], &[span(18, 40)]),
                gold(
                    &[span(50, 53)],
                    &[span(54, 58), span(62, 64)],
                    &[span(65, 90)],
                ),
                gold(&[], &[span(91, 95)], &[span(95, 99)]),
            ],
        );
        let predicted = vec![
            // Source overlaps, not exact; cue exact.
            pred(&[span(5, 12)], Some(span(13, 17)), &[span(18, 40)]),
            // Source exact (among several mentions); cue = cover of the two gold cue segments.
            pred(
                &[span(0, 3), span(50, 53)],
                Some(span(54, 64)),
                &[span(65, 90)],
            ),
            // Gold has no source; the prediction names one anyway; no cue.
            pred(&[span(0, 3)], None, &[span(95, 99)]),
        ];
        let pairs = score_attribution([(&doc, predicted)]).matched_pairs;
        assert_eq!(pairs.pairs, 3);
        assert_eq!(
            (pairs.source_overlap.hits, pairs.source_overlap.total),
            (2, 2)
        );
        assert_eq!((pairs.source_exact.hits, pairs.source_exact.total), (1, 2));
        assert_eq!(
            (
                pairs.gold_without_source,
                pairs.gold_without_source_predicted_none
            ),
            (1, 0)
        );
        assert_eq!((pairs.cue_overlap.hits, pairs.cue_overlap.total), (2, 3));
        assert_eq!((pairs.cue_exact.hits, pairs.cue_exact.total), (2, 3));
    }

    #[test]
    fn cue_exact_and_overlap() {
        let doc = gold_doc(
            &text(100),
            vec![
                gold(&[], &[span(10, 14)], &[span(20, 30)]),
                gold(&[], &[span(40, 44), span(50, 52)], &[span(60, 70)]),
                gold(&[], &[span(80, 85)], &[span(86, 90)]),
                gold(&[], &[], &[span(91, 95)]),
            ],
        );
        let predicted = vec![
            pred(&[], Some(span(10, 14)), &[]),
            // A second quote on the same cue: counted once.
            pred(&[], Some(span(10, 14)), &[]),
            // Equals one segment of a discontiguous gold cue: exact.
            pred(&[], Some(span(50, 52)), &[]),
            // Overlaps a gold cue without equalling it.
            pred(&[], Some(span(80, 83)), &[]),
            // Found nothing.
            pred(&[], Some(span(0, 3)), &[]),
        ];
        let report = score_attribution([(&doc, predicted)]);
        let exact = report.cue_exact;
        assert_eq!(
            (
                exact.predicted_correct,
                exact.predicted,
                exact.gold_found,
                exact.gold
            ),
            (2, 4, 2, 3)
        );
        let overlap = report.cue_overlap;
        assert_eq!(
            (
                overlap.predicted_correct,
                overlap.predicted,
                overlap.gold_found,
                overlap.gold
            ),
            (3, 4, 3, 3)
        );
        assert_eq!(report.predicted_skipped_empty_content, 5);
        assert_eq!(report.quote_match[0].scores.predicted, 0);
    }

    #[test]
    fn empty_gold_content_is_skipped_and_counted() {
        let doc = gold_doc(
            &text(20),
            vec![
                gold(&[span(0, 2)], &[span(3, 5)], &[]),
                gold(&[], &[], &[span(6, 10)]),
            ],
        );
        let report = score_attribution([(&doc, vec![content_only(&[span(6, 10)])])]);
        assert_eq!(report.gold_attributions, 1);
        assert_eq!(report.gold_skipped_empty_content, 1);
        assert_eq!(report.gold_without_source, 1);
        assert_eq!(report.quote_match[0].scores.f1, 1.0);
    }

    #[test]
    fn kinds_from_content_text() {
        let text = "“We won,” she said. He said they had “won big” and left. She said no.";
        let chars: Vec<char> = text.chars().collect();
        let find = |needle: &str| {
            let start = text.find(needle).unwrap();
            let start = text[..start].chars().count();
            span(start, start + needle.chars().count())
        };
        assert_eq!(GoldKind::of(&chars, &[find("“We won,”")]), GoldKind::Direct);
        assert_eq!(
            GoldKind::of(&chars, &[find("they had “won big”")]),
            GoldKind::Mixed
        );
        assert_eq!(GoldKind::of(&chars, &[find("no")]), GoldKind::Indirect);
        // Segments are read in text order whatever order the file lists them in.
        assert_eq!(
            GoldKind::of(&chars, &[find("won,”"), find("“We ")]),
            GoldKind::Direct
        );
    }

    #[test]
    fn recall_by_kind() {
        let text = "“Yes,” A said. B said no.";
        let doc = gold_doc(
            text,
            vec![
                gold(&[], &[], &[span(0, 6)]),
                gold(&[], &[], &[span(22, 24)]),
            ],
        );
        let report = score_attribution([(&doc, vec![content_only(&[span(0, 6)])])]);
        let by_kind = &report.quote_match[0].recall_by_kind;
        let get = |kind| by_kind.iter().find(|k| k.kind == kind).unwrap().recall;
        assert_eq!(
            (get(GoldKind::Direct).hits, get(GoldKind::Direct).total),
            (1, 1)
        );
        assert_eq!(
            (get(GoldKind::Indirect).hits, get(GoldKind::Indirect).total),
            (0, 1)
        );
        assert_eq!(get(GoldKind::Mixed).total, 0);
    }

    #[test]
    fn no_predictions_scores_zero_not_nan() {
        let doc = gold_doc(
            &text(20),
            vec![gold(&[span(0, 2)], &[span(3, 5)], &[span(6, 10)])],
        );
        let report = score_attribution([(&doc, Vec::new())]);
        for prf in [
            report.quote_match[0].scores,
            report.content_chars,
            report.cue_exact,
            report.cue_overlap,
        ] {
            assert_eq!((prf.precision, prf.recall, prf.f1), (0.0, 0.0, 0.0));
        }
        assert_eq!(report.matched_pairs.source_overlap.rate, 0.0);
    }

    #[test]
    fn text_report() {
        let doc = gold_doc(
            "“Yes,” A said. B said no.",
            vec![
                gold(&[], &[span(9, 13)], &[span(0, 6)]),
                gold(&[span(15, 16)], &[span(17, 21)], &[span(22, 24)]),
            ],
        );
        let predicted = vec![
            pred(&[span(7, 8)], Some(span(9, 13)), &[span(0, 5)]),
            pred(&[span(15, 16)], Some(span(17, 21)), &[span(20, 25)]),
        ];
        insta::assert_snapshot!(score_attribution([(&doc, predicted)]).to_text());
    }
}
