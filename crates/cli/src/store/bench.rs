//! `claimgraph bench-ledger`: ingest a corpus into a fresh ledger, then time the query shapes
//! the ledger commands run.
//!
//! Ingest is measured end to end (reading, analysis, duplicate detection, SQLite writes) as the
//! `ingest` command runs it, in this process, so the peak resident memory (`VmHWM` from
//! `/proc/self/status`) covers it. Queries run in-process on the finished file, each shape
//! `--runs` times; p50/p95 are nearest-rank percentiles of those runs. Process start is not
//! counted (about 3 ms here).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use claimgraph_ledger::{ActorFilter, Ledger, QuoteFilter};
use claimgraph_sources::InputFormat;
use clap::Args;
use serde::Serialize;

use super::{ingest, DbArgs, IngestArgs};
use crate::bench::BenchFormat;
use crate::intake::IntakeArgs;

#[derive(Debug, Args)]
pub struct BenchLedgerArgs {
    /// Corpus to ingest (any input `ingest` reads).
    #[arg(long, default_value = "../shared/datasets/news-bench/articles.jsonl")]
    input: String,
    /// Ledger file to create; it must not exist. Default: a file in the system temp directory,
    /// removed afterwards.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Runs of each query shape.
    #[arg(long, value_name = "N", default_value_t = 15, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
    #[arg(long, value_enum, default_value_t = BenchFormat::Table)]
    format: BenchFormat,
}

#[derive(Debug, Serialize)]
struct QueryTiming {
    shape: String,
    rows: usize,
    p50_ms: f64,
    p95_ms: f64,
}

#[derive(Debug, Serialize)]
struct LedgerBenchReport {
    input: String,
    threads: usize,
    documents: u64,
    quotes: u64,
    ingest_seconds: f64,
    documents_per_second: f64,
    database_bytes: u64,
    peak_memory_bytes: Option<u64>,
    queries: Vec<QueryTiming>,
}

/// Runs the benchmark; `Ok(false)` when some input item failed during ingest.
pub fn run(args: &BenchLedgerArgs, out: &mut impl Write) -> anyhow::Result<bool> {
    let (path, temporary) = match &args.db {
        Some(path) => (path.clone(), false),
        None => (
            std::env::temp_dir().join(format!("claimgraph-bench-{}.db", std::process::id())),
            true,
        ),
    };
    if path.exists() {
        anyhow::bail!(
            "{} exists: bench-ledger measures ingest into a new ledger",
            path.display()
        );
    }
    let result = measure(args, &path);
    if temporary {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let (report, clean) = result?;
    match args.format {
        BenchFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        BenchFormat::Table => write_table(&report, out)?,
    }
    Ok(clean)
}

fn measure(args: &BenchLedgerArgs, path: &Path) -> anyhow::Result<(LedgerBenchReport, bool)> {
    let ingest_args = IngestArgs {
        db: DbArgs {
            db: Some(path.to_owned()),
        },
        list: false,
        intake: IntakeArgs {
            input_format: InputFormat::Auto,
            actors: None,
            all_languages: false,
            inputs: vec![args.input.clone()],
        },
    };
    let started = Instant::now();
    let clean = ingest::ingest(&ingest_args)?;
    let ingest_seconds = started.elapsed().as_secs_f64();
    let ledger = Ledger::open_existing(path)?;
    let stats = ledger.stats()?;
    let database_bytes = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    let queries = time_queries(&ledger, usize::from(args.runs))?;
    let report = LedgerBenchReport {
        input: args.input.clone(),
        threads: rayon::current_num_threads(),
        documents: stats.documents,
        quotes: stats.quotes,
        ingest_seconds,
        documents_per_second: stats.documents as f64 / ingest_seconds.max(f64::EPSILON),
        database_bytes,
        peak_memory_bytes: peak_memory(),
        queries,
    };
    Ok((report, clean))
}

/// The shapes of the first paragraph of the ledger issue, with values taken from the ledger
/// itself (its busiest speaker, a document) so every shape returns rows on any corpus.
fn time_queries(ledger: &Ledger, runs: usize) -> anyhow::Result<Vec<QueryTiming>> {
    // Unnamed speakers included: "The company" is the largest result on news-bench.
    let top = ledger.actors(&ActorFilter {
        limit: Some(1),
        ..ActorFilter::default()
    })?;
    let speaker = top.first().map(|a| a.name.clone()).unwrap_or_default();
    let sample = ledger.quotes(&QuoteFilter {
        limit: Some(1),
        ..QuoteFilter::default()
    })?;
    let document = sample.first().map(|q| q.doc_id.clone()).unwrap_or_default();
    let source = sample.first().and_then(|q| q.source.clone());
    let quotes = |shape: &str, filter: QuoteFilter| -> anyhow::Result<QueryTiming> {
        time(shape, runs, || Ok(ledger.quotes(&filter)?.len()))
    };
    Ok(vec![
        quotes(
            "quotes --stance deny --actor \"United States\" --since 1987",
            QuoteFilter {
                stances: vec!["deny".into()],
                actor: Some("United States".into()),
                since: Some("1987".into()),
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            &format!("quotes --speaker {speaker:?} --limit 100"),
            QuoteFilter {
                speaker: Some(speaker.clone()),
                limit: Some(100),
                ..QuoteFilter::default()
            },
        )?,
        // Every quote of the busiest speaker: thousands of full rows, the worst case.
        quotes(
            &format!("quotes --speaker {speaker:?}"),
            QuoteFilter {
                speaker: Some(speaker.clone()),
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --about \"North Korea\"",
            QuoteFilter {
                about: Some("North Korea".into()),
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --about \"North Korea\" --with-numbers",
            QuoteFilter {
                about: Some("North Korea".into()),
                with_numbers: true,
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --with-numbers --counted shares",
            QuoteFilter {
                with_numbers: true,
                counted: Some("shares".into()),
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --text soldiers",
            QuoteFilter {
                text: Some("soldiers".into()),
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --source S --stance accuse",
            QuoteFilter {
                source: source.clone(),
                stances: vec!["accuse".into()],
                ..QuoteFilter::default()
            },
        )?,
        quotes(
            "quotes --limit 50",
            QuoteFilter {
                limit: Some(50),
                ..QuoteFilter::default()
            },
        )?,
        time("actors --limit 50", runs, || {
            Ok(ledger
                .actors(&ActorFilter {
                    named_only: true,
                    limit: Some(50),
                    ..ActorFilter::default()
                })?
                .len())
        })?,
        time("actors --country \"United States\"", runs, || {
            Ok(ledger
                .actors(&ActorFilter {
                    country: Some("United States".into()),
                    named_only: true,
                    limit: None,
                })?
                .len())
        })?,
        time("search \"foreign minister\"", runs, || {
            Ok(ledger.search("\"foreign minister\"", 20, "[[", "]]")?.len())
        })?,
        time("show DOC", runs, || {
            let (_, analysis) = ledger.load(&document)?;
            Ok(analysis.quotes.len())
        })?,
        time("stats", runs, || Ok(ledger.stats().map(|_| 1)?))?,
    ])
}

fn time(
    shape: &str,
    runs: usize,
    mut query: impl FnMut() -> anyhow::Result<usize>,
) -> anyhow::Result<QueryTiming> {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut rows = 0;
    for _ in 0..runs {
        let started = Instant::now();
        rows = query().with_context(|| format!("query {shape}"))?;
        times.push(started.elapsed());
    }
    times.sort();
    let rank = |p: f64| {
        let at = ((p * times.len() as f64).ceil() as usize).clamp(1, times.len()) - 1;
        times.get(at).map_or(0.0, |t| t.as_secs_f64() * 1000.0)
    };
    Ok(QueryTiming {
        shape: shape.to_owned(),
        rows,
        p50_ms: rank(0.50),
        p95_ms: rank(0.95),
    })
}

/// Peak resident set size of this process, where Linux reports it.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn write_table(report: &LedgerBenchReport, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "input                 {}", report.input)?;
    writeln!(out, "threads               {}", report.threads)?;
    writeln!(
        out,
        "ingested              {} documents, {} quotes",
        report.documents, report.quotes
    )?;
    writeln!(out, "ingest wall s         {:.1}", report.ingest_seconds)?;
    writeln!(
        out,
        "documents / s         {:.0}",
        report.documents_per_second
    )?;
    writeln!(
        out,
        "database              {:.1} MB",
        report.database_bytes as f64 / 1e6
    )?;
    if let Some(peak) = report.peak_memory_bytes {
        writeln!(out, "peak memory           {:.0} MB", peak as f64 / 1e6)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<52} {:>7} {:>9} {:>9}",
        "query", "rows", "p50 ms", "p95 ms"
    )?;
    for q in &report.queries {
        writeln!(
            out,
            "{:<52} {:>7} {:>9.1} {:>9.1}",
            q.shape, q.rows, q.p50_ms, q.p95_ms
        )?;
    }
    Ok(())
}
