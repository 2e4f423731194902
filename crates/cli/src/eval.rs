//! `claimgraph eval attribution`: scores the analyzer against PolNeAR gold attributions.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use claimgraph_core::Document;
use claimgraph_eval::{predictions_from_quotes, read_polnear, score_attribution, AnnotatorChoice};
use claimgraph_pipeline::Pipeline;
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Quote/source/cue/content scores against PolNeAR-style gold (JSONL with code-point spans).
    Attribution(AttributionArgs),
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
    }
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
    match args.format {
        ReportFormat::Text => {
            writeln!(out, "gold: {}", args.gold.display())?;
            writeln!(out, "{}", report.to_text())?;
            writeln!(out, "({:.1} s)", started.elapsed().as_secs_f64())?;
        }
        ReportFormat::Json => {
            // Rendered first so a closed pipe surfaces as an io::Error, which main treats as a normal end.
            let json = serde_json::to_string_pretty(&report)?;
            writeln!(out, "{json}")?;
        }
    }
    Ok(())
}
