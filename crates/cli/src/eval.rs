//! `claimgraph eval attribution|ner`: scores the analyzer against gold annotations.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use claimgraph_core::Document;
use claimgraph_entities::is_nominal;
use claimgraph_eval::extraction::{read_extraction_benchmark, score_extraction};
use claimgraph_eval::ner::{read_conll, score_ner, with_titles, NerScheme};
use claimgraph_eval::{predictions_from_quotes, read_polnear, score_attribution, AnnotatorChoice};
use claimgraph_html::PageHint;
use claimgraph_lexicon::Lexicon;
use claimgraph_pipeline::Pipeline;
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Quote/source/cue/content scores against PolNeAR-style gold (JSONL with code-point spans).
    Attribution(AttributionArgs),
    /// Named-entity scores (per label and micro P/R/F1, exact and overlap) against CoNLL-style gold.
    Ner(NerArgs),
    /// Main-content extraction from HTML against the article-extraction-benchmark (shingle P/R/F1).
    Extraction(ExtractionArgs),
}

#[derive(Debug, Args)]
pub struct ExtractionArgs {
    /// Benchmark folder with `ground-truth.json` and `html/`, e.g.
    /// ../shared/datasets/article-extraction-benchmark.
    #[arg(long)]
    bench: PathBuf,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scheme {
    /// Groningen Meaning Bank tags (geo, gpe, per, org, tim, eve); geo and gpe are merged.
    Gmb,
    /// CoNLL 2003 tags (PER, ORG, LOC, MISC).
    Conll,
}

#[derive(Debug, Args)]
pub struct NerArgs {
    /// Gold file in CoNLL layout, e.g. ../shared/datasets/gmb-ner-sample/test.conll.
    #[arg(long)]
    gold: PathBuf,
    #[arg(long, value_enum)]
    scheme: Scheme,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Annotators {
    /// One annotation per article: the lexicographically first annotator.
    First,
    /// Every annotation, each scored as its own document.
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct AttributionArgs {
    /// Gold file, e.g. ../shared/datasets/polnear/dev.jsonl.
    #[arg(long)]
    gold: PathBuf,
    #[arg(long, value_enum, default_value_t = Annotators::First)]
    annotators: Annotators,
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// Score only the first N documents.
    #[arg(long)]
    limit: Option<usize>,
}

pub fn run(command: &EvalCommand, out: &mut impl Write) -> anyhow::Result<()> {
    match command {
        EvalCommand::Attribution(args) => attribution(args, out),
        EvalCommand::Ner(args) => ner(args, out),
        EvalCommand::Extraction(args) => extraction(args, out),
    }
}

fn extraction(args: &ExtractionArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let pages = read_extraction_benchmark(&args.bench)
        .with_context(|| format!("reading benchmark {}", args.bench.display()))?;
    // A page that cannot be extracted scores as an empty prediction, as in the benchmark.
    let texts: Vec<String> = pages
        .par_iter()
        .map(|page| {
            let hint = PageHint {
                url: Some(page.url.as_str()),
                charset: None,
            };
            claimgraph_html::extract(&page.html, &hint)
                .map(|extracted| extracted.text)
                .unwrap_or_default()
        })
        .collect();
    let mut texts = texts.into_iter();
    let report = score_extraction(&pages, |_| texts.next().unwrap_or_default());
    let elapsed = started.elapsed();
    write_report(
        out,
        args.format,
        &args.bench,
        &report.to_text(),
        &report,
        elapsed,
    )
}

fn ner(args: &NerArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let scheme = match args.scheme {
        Scheme::Gmb => NerScheme::Gmb,
        Scheme::Conll => NerScheme::Conll,
    };
    let gold = read_conll(&args.gold, scheme)
        .with_context(|| format!("reading gold {}", args.gold.display()))?;
    let pipeline = Pipeline::new();
    let lexicon = Lexicon::shipped();
    let predictions: Vec<_> = gold
        .par_iter()
        .map(|doc| {
            let analysis = pipeline.analyze(&Document::new(doc.id.clone(), doc.text.clone()));
            // Gold corpora tag names, not descriptions: "the ministry" resolved to its antecedent
            // is an entity mention for the ledger, but not a named entity to score.
            let named: Vec<_> = analysis
                .entities
                .into_iter()
                .filter(|e| !is_nominal(&doc.text, e))
                .collect();
            let entities = if scheme.titles_in_names() {
                with_titles(&doc.text, &named, &lexicon)
            } else {
                named
            };
            scheme.predictions(&doc.text, &entities)
        })
        .collect();
    let report = score_ner(gold.iter().zip(predictions));
    let elapsed = started.elapsed();
    write_report(
        out,
        args.format,
        &args.gold,
        &report.to_text(),
        &report,
        elapsed,
    )
}

/// Prints a report as text (with the gold path and the time taken) or as JSON.
fn write_report(
    out: &mut impl Write,
    format: ReportFormat,
    gold: &std::path::Path,
    text: &str,
    report: &impl serde::Serialize,
    elapsed: std::time::Duration,
) -> anyhow::Result<()> {
    match format {
        ReportFormat::Text => {
            writeln!(out, "gold: {}", gold.display())?;
            writeln!(out, "{text}")?;
            writeln!(out, "({:.1} s)", elapsed.as_secs_f64())?;
        }
        ReportFormat::Json => {
            // Rendered first so a closed pipe surfaces as an io::Error, which main treats as a normal end.
            let json = serde_json::to_string_pretty(report)?;
            writeln!(out, "{json}")?;
        }
    }
    Ok(())
}

fn attribution(args: &AttributionArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let started = Instant::now();
    let choice = match args.annotators {
        Annotators::First => AnnotatorChoice::First,
        Annotators::All => AnnotatorChoice::All,
    };
    let gold = read_polnear(&args.gold)
        .with_context(|| format!("reading gold {}", args.gold.display()))?;
    let mut gold = choice.select(gold);
    gold.truncate(args.limit.unwrap_or(usize::MAX));
    let pipeline = Pipeline::new();
    let predictions: Vec<_> = gold
        .par_iter()
        .map(|doc| {
            let analysis = pipeline.analyze(&Document::new(doc.id.clone(), doc.text.clone()));
            predictions_from_quotes(&analysis.quotes, &doc.text)
        })
        .collect();
    let report = score_attribution(gold.iter().zip(predictions));
    let elapsed = started.elapsed();
    write_report(
        out,
        args.format,
        &args.gold,
        &report.to_text(),
        &report,
        elapsed,
    )
}
