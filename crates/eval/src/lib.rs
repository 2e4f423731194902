//! Scoring claimgraph's attributions against gold data (PolNeAR).
//!
//! The crate reads gold, scores predictions and reports; it never runs an analyzer. The caller
//! analyzes each [`GoldDoc::text`] and passes the result in:
//!
//! ```no_run
//! # use claimgraph_eval::*;
//! # fn analyze(text: &str) -> Vec<PredictedAttribution> { Vec::new() }
//! # fn main() -> Result<(), EvalError> {
//! let gold = AnnotatorChoice::First.select(read_polnear(std::path::Path::new("dev.jsonl"))?);
//! let report = score_attribution(gold.iter().map(|doc| (doc, analyze(&doc.text))));
//! print!("{}", report.to_text());
//! # Ok(()) }
//! ```
//!
//! # Metric definitions
//!
//! All offsets are Unicode code points. A *content* (gold or predicted) is the **set of
//! characters** covered by the union of its segments. Every document is scored on its own and
//! counts are summed over documents (micro-averages). A ratio with a zero denominator is 0.
//! F1 = 2PR / (P + R).
//!
//! **Annotations.** An article annotated by several annotators is scored once, against the
//! lexicographically first annotator id ([`AnnotatorChoice::First`], default), or once per
//! annotation, each as its own document ([`AnnotatorChoice::All`]).
//!
//! **Quote matching** (as the Gender Gap Tracker scores quotes). Gold attributions with empty
//! content are skipped (reported as `gold_skipped_empty_content`), and so are predictions with
//! empty content (`predicted_skipped_empty_content`). Per document, for each gold attribution in
//! file order, among the predictions not yet matched choose the one with the largest share
//! `|gold chars ∩ predicted chars| / |gold chars|` (ties: the prediction with fewer content
//! characters, then the earlier one). It matches if the share is **strictly greater** than the
//! threshold; a matched prediction cannot match again (one-to-one, greedy). Matching runs
//! separately at thresholds 0.3 and 0.8. P = matched / predicted, R = matched / gold.
//!
//! **Recall by gold kind** (per threshold). *Direct*: the content's first non-space character (in
//! text order) is a quotation mark (`" ' “ ” „ ‟ « » ‘ ‚ ‛ ‹ › 「 『`). *Mixed*: not direct, but the
//! content contains a quotation mark (the same marks less `'`, plus closing `」 』`; `’` is never
//! counted since it is the apostrophe). *Indirect*: the rest. Recall = matched gold of that kind /
//! gold of that kind.
//!
//! **Matched pairs** (the pairs matched at 0.3). *Source overlap*: some predicted source span
//! shares a character with some gold source segment. *Source exact*: some predicted source span
//! equals a gold source segment or the cover of all gold source segments. Both are rates over
//! pairs whose gold has a source; pairs whose gold has no source are counted apart
//! (`gold_without_source`, and how many of those predictions have no source either). *Cue
//! overlap / exact*: the same tests for the predicted cue against the gold cue segments, over
//! pairs whose gold has a cue. Gold spans are token-aligned, so sharing a character means
//! sharing a token.
//!
//! **Content characters.** Per document, G = union of all gold contents, S = union of all
//! predicted contents. P = Σ|G ∩ S| / Σ|S|, R = Σ|G ∩ S| / Σ|G|.
//!
//! **Cue exact.** Per document, gold cues are the distinct non-empty cue segment lists of the
//! gold attributions (any content, even empty); predicted cues are the distinct predicted cue
//! spans (quotes sharing a cue found it once). A gold cue accepts a predicted cue equal to one of
//! its segments or to their cover (PolNeAR cues may be discontiguous: "according to ... sources").
//! Gold cues in order take the first unused accepted predicted cue (one-to-one).
//! P = matched / predicted cues, R = matched / gold cues.
//!
//! **Cue token overlap** (as Citron reports cues). Not one-to-one: P = predicted cues sharing a
//! character with any gold cue segment / predicted cues; R = gold cues with a segment sharing a
//! character with any predicted cue / gold cues.

pub mod extraction;
mod gold;
pub mod ner;
mod predict;
mod score;
mod spans;

pub use gold::{read_polnear, AnnotatorChoice, EvalError, GoldAttribution, GoldDoc};
pub use predict::{predictions_from_quotes, PredictedAttribution};
pub use score::{
    matched_predictions, score_attribution, AttributionReport, GoldKind, KindRecall, MatchedPairs,
    Prf, QuoteMatch, Rate,
};
pub use spans::CharSpan;

#[cfg(test)]
mod dev_set {
    //! Checks against the real dev split when it is present (it is not shipped with the repo).

    use super::*;
    use std::path::Path;

    const DEV: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/polnear/dev.jsonl"
    );

    fn all_ones(report: &AttributionReport) -> Vec<(String, f64)> {
        let mut values = Vec::new();
        for quote_match in &report.quote_match {
            let t = quote_match.threshold;
            let s = quote_match.scores;
            values.extend([
                (format!("P@{t}"), s.precision),
                (format!("R@{t}"), s.recall),
                (format!("F1@{t}"), s.f1),
            ]);
            for kind in &quote_match.recall_by_kind {
                values.push((format!("{:?} recall@{t}", kind.kind), kind.recall.rate));
            }
        }
        let pairs = &report.matched_pairs;
        for (name, rate) in [
            ("source overlap", pairs.source_overlap),
            ("source exact", pairs.source_exact),
            ("cue overlap", pairs.cue_overlap),
            ("cue exact", pairs.cue_exact),
        ] {
            values.push((name.to_owned(), rate.rate));
        }
        for (name, prf) in [
            ("content chars", report.content_chars),
            ("cue exact", report.cue_exact),
            ("cue overlap", report.cue_overlap),
        ] {
            values.extend([
                (format!("{name} P"), prf.precision),
                (format!("{name} R"), prf.recall),
                (format!("{name} F1"), prf.f1),
            ]);
        }
        values.into_iter().filter(|(_, v)| *v != 1.0).collect()
    }

    #[test]
    fn dev_counts_and_self_score() {
        let path = Path::new(DEV);
        if !path.exists() {
            eprintln!("skipping: {DEV} not found");
            return;
        }
        let docs = read_polnear(path).unwrap();
        assert_eq!(AnnotatorChoice::All.select(docs.clone()).len(), 94);
        let first = AnnotatorChoice::First.select(docs.clone());
        assert_eq!(first.len(), 84);

        for chosen in [first, docs] {
            let report = score_attribution(chosen.iter().map(|d| (d, d.as_predictions())));
            assert_eq!(all_ones(&report), Vec::new(), "{}", report.to_text());
            assert_eq!(report.documents, chosen.len());
            assert_eq!(
                report.matched_pairs.gold_without_source,
                report.gold_without_source
            );
        }
    }
}
