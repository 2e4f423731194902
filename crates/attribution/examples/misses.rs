//! Lists the gold attributions the analyzer misses at quote match @0.3, grouped by likely cause,
//! for error analysis on PolNeAR train (never dev). Prints counts per cause, the most frequent gold
//! cue words per cause, the cues of unmatched predictions (false positives; "[tagger]" marks cues
//! only the tagger proposed) and, with `--show N`, up to N examples per cause (with `--spurious`,
//! also N false positives; to the terminal only: the texts are not ours to keep).
//!
//! Usage: `misses GOLD.jsonl [--holdout|--not-holdout] [--show N] [--cause NAME] [--spurious]`.

use claimgraph_attribution::Attributor;
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use claimgraph_eval::{predictions_from_quotes, read_polnear, AnnotatorChoice, CharSpan};
use claimgraph_lexicon::Lexicon;
use claimgraph_tagger::{normalize_word, CueTagger, TagInput};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn chars_of(spans: &[CharSpan]) -> BTreeSet<usize> {
    spans.iter().flat_map(|s| s.start..s.end).collect()
}

#[path = "support/args.rs"]
mod args;
#[path = "support/holdout.rs"]
mod holdout;

use args::Args;

/// Flags followed by a value.
const VALUED: &[&str] = &["--show", "--cause"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::from_env();
    let value = |flag: &str| args.value(flag);
    let has = |flag: &str| args.has(flag);
    let Some(gold) = args.positional(VALUED).first().copied() else {
        eprintln!(
            "usage: misses GOLD.jsonl [--holdout|--not-holdout] [--show N] [--cause NAME] [--spurious]"
        );
        std::process::exit(2);
    };
    let show: usize = value("--show").map_or(Ok(0), |v| v.parse())?;
    let only = value("--cause");
    let attributor = Attributor::shipped();
    let recognizer = EntityRecognizer::shipped();
    let lexicon = Lexicon::shipped();
    let tagger = CueTagger::shipped()?;
    let mut docs = AnnotatorChoice::First.select(read_polnear(&PathBuf::from(gold))?);
    holdout::select(&args, &mut docs);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut cue_words: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut spurious: BTreeMap<String, usize> = BTreeMap::new();
    let mut short_matches = 0;
    for doc in &docs {
        let text = &doc.text;
        let mut analysis = Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        analysis.entities = recognizer.recognize(text, &analysis);
        let quotes = attributor.attribute(text, &analysis);
        let predicted = predictions_from_quotes(&quotes, text);
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let slice = |s: &CharSpan| {
            let (a, b) = (
                byte_at.get(s.start).copied().unwrap_or(0),
                byte_at.get(s.end).copied().unwrap_or(0),
            );
            text.get(a..b).unwrap_or("").replace('\n', " ")
        };
        let index = claimgraph_core::CharIndex::new(text);
        let owned: Vec<String> = analysis
            .tokens
            .iter()
            .map(|t| normalize_word(t.span.text(text)))
            .collect();
        let words: Vec<&str> = owned.iter().map(String::as_str).collect();
        let sentences: Vec<(usize, usize)> = analysis.sentences.iter().map(|s| s.tokens).collect();
        let tagged = tagger.tag(
            &TagInput {
                text,
                tokens: &analysis.tokens,
                words: &words,
                sentences: &sentences,
            },
            &lexicon,
        );
        let token_chars: Vec<(usize, usize)> = analysis
            .tokens
            .iter()
            .map(|t| {
                (
                    index.char_offset(t.span.start),
                    index.char_offset(t.span.end),
                )
            })
            .collect();
        let gold_sets: Vec<BTreeSet<usize>> = doc
            .attributions
            .iter()
            .map(|a| chars_of(&a.contents))
            .collect();
        let pred_sets: Vec<BTreeSet<usize>> =
            predicted.iter().map(|p| chars_of(&p.contents)).collect();
        // The scorer's greedy one-to-one matching at 0.3.
        let mut taken = vec![false; predicted.len()];
        let mut matched = vec![false; gold_sets.len()];
        let mut partial: Vec<(usize, usize, f64)> = Vec::new();
        for (g, gold_set) in gold_sets.iter().enumerate() {
            if gold_set.is_empty() {
                matched[g] = true;
                continue;
            }
            let best = pred_sets
                .iter()
                .enumerate()
                .filter(|(p, set)| !taken[*p] && !set.is_empty())
                .map(|(p, set)| (gold_set.intersection(set).count(), set.len(), p))
                .filter(|&(shared, _, _)| shared > 0)
                .min_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            if let Some((shared, _, p)) = best {
                if shared * 10 > gold_set.len() * 3 {
                    taken[p] = true;
                    matched[g] = true;
                    if shared * 10 <= gold_set.len() * 8 {
                        partial.push((g, p, shared as f64 / gold_set.len() as f64));
                    }
                }
            }
        }
        short_matches += partial.len();
        for &(g, p, share) in &partial {
            let n = shown.entry("matched-content-short").or_default();
            if only.is_some_and(|o| o == "matched-content-short") && *n < show {
                *n += 1;
                let gc: Vec<String> = doc.attributions[g].contents.iter().map(&slice).collect();
                let pc: Vec<String> = predicted[p].contents.iter().map(&slice).collect();
                println!(
                    "[matched-content-short] {} share {share:.2} cue {:?}\n  gold {gc:?}\n  pred {pc:?}",
                    doc.id,
                    predicted[p].cue.as_ref().map(&slice)
                );
            }
        }
        for (p, pred) in predicted.iter().enumerate() {
            if taken[p] || pred_sets[p].is_empty() {
                continue;
            }
            let cue = pred
                .cue
                .as_ref()
                .map_or(String::new(), |c| slice(c).to_lowercase());
            let tagged_cue = pred.cue.is_some_and(|c| {
                token_chars
                    .iter()
                    .position(|&(s, _)| s == c.start)
                    .is_some_and(|t| tagged.proposed.iter().any(|&(s, e)| s <= t && t < e))
            });
            let label = if tagged_cue {
                format!("{cue} [tagger]")
            } else {
                cue
            };
            *spurious.entry(label.clone()).or_default() += 1;
            let n = shown.entry("spurious").or_default();
            if has("--spurious") && *n < show {
                *n += 1;
                let pc: Vec<String> = pred.contents.iter().map(&slice).collect();
                println!(
                    "[spurious] {} cue {label:?} src {:?}\n  {pc:?}",
                    doc.id,
                    pred.sources.iter().map(&slice).collect::<Vec<_>>()
                );
            }
        }
        for (g, gold_attribution) in doc.attributions.iter().enumerate() {
            if matched[g] {
                continue;
            }
            let gold_set = &gold_sets[g];
            let cue_tokens: Vec<usize> = (0..token_chars.len())
                .filter(|&t| {
                    let (s, e) = token_chars[t];
                    gold_attribution
                        .cues
                        .iter()
                        .any(|c| c.start < e && s < c.end)
                })
                .collect();
            let cue_hit = predicted.iter().position(|p| {
                p.cue.is_some_and(|c| {
                    gold_attribution
                        .cues
                        .iter()
                        .any(|g| g.start < c.end && c.start < g.end)
                })
            });
            let covering = pred_sets
                .iter()
                .position(|set| gold_set.intersection(set).count() * 10 > gold_set.len() * 3);
            let cue_inside_content = gold_attribution.cues.iter().any(|c| {
                pred_sets
                    .iter()
                    .any(|set| (c.start..c.end).any(|x| set.contains(&x)))
            });
            let known = cue_tokens.iter().any(|&t| {
                let w: Vec<&str> = words
                    .get(t..(t + 6).min(words.len()))
                    .unwrap_or(&[])
                    .to_vec();
                lexicon.cue_at(&w).is_some() || lexicon.noun_cue_at(&w).is_some()
            });
            let proposed = cue_tokens
                .iter()
                .any(|&t| tagged.proposed.iter().any(|&(s, e)| s <= t && t < e));
            let cause = match (cue_hit, covering) {
                (Some(p), _)
                    if pred_sets[p].intersection(gold_set).count() * 10 > gold_set.len() * 3 =>
                {
                    "cue-found-taken"
                }
                (Some(_), _) => "cue-found-content-wrong",
                (None, Some(_)) => "content-covered-by-other",
                (None, None) if gold_attribution.cues.is_empty() => "no-gold-cue",
                (None, None) if known && cue_inside_content => "lexicon-cue-nested",
                (None, None) if known => "lexicon-cue-rule-failed",
                (None, None) if proposed && cue_inside_content => "tagger-cue-nested",
                (None, None) if proposed => "tagger-cue-rule-failed",
                (None, None) => "cue-unknown",
            };
            *counts.entry(cause).or_default() += 1;
            let cue_text = gold_attribution
                .cues
                .iter()
                .map(|c| slice(c).to_lowercase())
                .collect::<Vec<_>>()
                .join(" … ");
            *cue_words
                .entry(cause)
                .or_default()
                .entry(cue_text.clone())
                .or_default() += 1;
            if only.is_some_and(|o| o != cause) {
                continue;
            }
            let n = shown.entry(cause).or_default();
            if *n < show {
                *n += 1;
                let sources: Vec<String> = gold_attribution.sources.iter().map(&slice).collect();
                let contents: Vec<String> = gold_attribution.contents.iter().map(&slice).collect();
                let context: Vec<String> = analysis
                    .sentences
                    .iter()
                    .filter(|s| {
                        let (a, b) = (
                            index.char_offset(s.span.start),
                            index.char_offset(s.span.end),
                        );
                        gold_attribution
                            .cues
                            .iter()
                            .any(|c| c.start < b && a < c.end)
                    })
                    .map(|s| s.span.text(text).replace('\n', " "))
                    .collect();
                println!(
                    "[{cause}] {}\n  cue {cue_text:?} src {sources:?}\n  gold {contents:?}\n  sentence {context:?}",
                    doc.id
                );
                for (p, pred) in predicted.iter().enumerate() {
                    let shared = pred_sets[p].intersection(gold_set).count();
                    let cue_here = Some(p) == cue_hit;
                    if shared > 0 || cue_here {
                        let pc: Vec<String> = pred.contents.iter().map(&slice).collect();
                        println!(
                            "  pred cue {:?} src {:?} share {:.2}{}\n       {pc:?}",
                            pred.cue.as_ref().map(&slice),
                            pred.sources.iter().map(&slice).collect::<Vec<_>>(),
                            shared as f64 / gold_set.len().max(1) as f64,
                            if taken[p] { " (taken)" } else { "" }
                        );
                    }
                }
            }
        }
    }
    let mut top: Vec<(&String, &usize)> = spurious.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let total: usize = spurious.values().sum();
    let top: Vec<String> = top
        .iter()
        .take(40)
        .map(|(w, n)| format!("{w}:{n}"))
        .collect();
    println!("\nspurious predictions {total}: {}", top.join(", "));
    let total: usize = counts.values().sum();
    println!("\nmatched @0.3 but not @0.8 (content too short) {short_matches}");
    println!("\nmissed {total}");
    for (cause, n) in &counts {
        let mut top: Vec<(&String, &usize)> = cue_words[cause].iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top
            .iter()
            .take(25)
            .map(|(w, n)| format!("{w}:{n}"))
            .collect();
        println!("{cause:28} {n:5}  {}", top.join(", "));
    }
    Ok(())
}
