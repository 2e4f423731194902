//! `--holdout` / `--not-holdout` for the examples that score on part of train.

use crate::args::Args;
use claimgraph_eval::GoldDoc;
use claimgraph_tagger::is_holdout_article;

/// Keeps the held-out 10% of train articles with `--holdout`, the other 90% with
/// `--not-holdout`, everything otherwise.
pub fn select(args: &Args, docs: &mut Vec<GoldDoc>) {
    if args.has("--holdout") {
        docs.retain(|d| is_holdout_article(&d.article));
    }
    if args.has("--not-holdout") {
        docs.retain(|d| !is_holdout_article(&d.article));
    }
}
