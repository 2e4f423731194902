//! `claimgraph bench`: analysis throughput in words per CPU-second on news-bench.
//!
//! Every document is loaded first, so the clock measures analysis alone: no reading, no JSON, no
//! output. CPU time is the process's user+system time from `/proc/self/stat` where Linux provides it,
//! else wall time × threads (an upper bound on CPU, so a conservative rate).

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use claimgraph_core::{Analysis, Document};
use claimgraph_pipeline::{Pipeline, ANALYZER_VERSION};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;

use claimgraph_sources::{describe_io, Item, JsonlReader, Source};

/// spaCy `en_core_web_sm` on this machine class, measured by the project (see shared/peers).
pub const SPACY_WORDS_PER_CPU_SECOND: f64 = 3200.0;

/// Options of `claimgraph bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// News-bench JSONL file ({"id", "text", ...} per line).
    #[arg(long, default_value = "../shared/datasets/news-bench/articles.jsonl")]
    pub input: PathBuf,
    /// Analyse only the first N documents.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Worker threads; 1 keeps wall time close to CPU time.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: u16,
    /// Output: a table for people or one JSON object.
    #[arg(long, value_enum, default_value_t = BenchFormat::Table)]
    pub format: BenchFormat,
}

/// How bench results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchFormat {
    Table,
    Json,
}

/// Where the CPU seconds came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CpuSource {
    /// Process user+system time from `/proc/self/stat`.
    Proc,
    /// Not measurable here: wall seconds × threads.
    WallTimesThreads,
}

/// What one benchmark run measured.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub input: String,
    pub analyzer_version: &'static str,
    pub build: &'static str,
    pub threads: usize,
    pub documents: usize,
    pub skipped_lines: usize,
    pub words: usize,
    pub bytes: usize,
    pub setup_seconds: f64,
    pub wall_seconds: f64,
    pub cpu_seconds: f64,
    pub cpu_source: CpuSource,
    pub words_per_cpu_second: f64,
    pub words_per_second: f64,
    pub words_per_second_per_thread: f64,
    pub spacy_words_per_cpu_second: f64,
    pub speedup_over_spacy: f64,
    pub quotes: usize,
    pub quantities: usize,
    pub entities: usize,
}

/// Runs the benchmark and prints its report to `out`.
pub fn run(args: &BenchArgs, out: &mut impl Write) -> Result<()> {
    let (documents, skipped_lines) = load(args)?;
    let report = measure(args, &documents, skipped_lines)?;
    match args.format {
        BenchFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        BenchFormat::Table => write_table(&report, out)?,
    }
    out.flush()?;
    Ok(())
}

fn load(args: &BenchArgs) -> Result<(Vec<Document>, usize)> {
    let source = Source::File(args.input.clone());
    let file = File::open(&args.input).map_err(|error| {
        anyhow::anyhow!(
            "{}: {} (news-bench lives in ../shared/datasets/news-bench; pass --input)",
            source.name(),
            describe_io(&error)
        )
    })?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let mut documents = Vec::new();
    let mut skipped = 0;
    for item in JsonlReader::new(&source, BufReader::with_capacity(1 << 20, file)) {
        if documents.len() >= limit {
            break;
        }
        match item {
            Item::Doc(document) => documents.push(document),
            // Diagnostics are best effort: a closed stderr must not stop the benchmark.
            Item::Warning(d) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "claimgraph: {}: warning: {}",
                    d.place,
                    d.message
                );
            }
            Item::Failed(d) => {
                skipped += 1;
                let _ = writeln!(std::io::stderr(), "claimgraph: {d}");
            }
        }
    }
    Ok((documents, skipped))
}

fn measure(args: &BenchArgs, documents: &[Document], skipped_lines: usize) -> Result<BenchReport> {
    let threads = usize::from(args.threads);
    let setup = Instant::now();
    let pipeline = Pipeline::new();
    let setup_seconds = setup.elapsed().as_secs_f64();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;

    let cpu_before = process_cpu_seconds();
    let clock = Instant::now();
    let counts = if threads == 1 {
        documents
            .iter()
            .map(|d| Counts::of(&pipeline.analyze(d)))
            .fold(Counts::default(), Counts::add)
    } else {
        pool.install(|| {
            documents
                .par_iter()
                .map(|d| Counts::of(&pipeline.analyze(d)))
                .reduce(Counts::default, Counts::add)
        })
    };
    let wall_seconds = clock.elapsed().as_secs_f64();
    let cpu_after = process_cpu_seconds();

    let (cpu_seconds, cpu_source) = match (cpu_before, cpu_after) {
        (Some(before), Some(after)) if after > before => (after - before, CpuSource::Proc),
        _ => (wall_seconds * threads as f64, CpuSource::WallTimesThreads),
    };
    let words: usize = documents
        .iter()
        .map(|d| d.text.split_whitespace().count())
        .sum();
    let rate = |seconds: f64| {
        if seconds > 0.0 {
            words as f64 / seconds
        } else {
            0.0
        }
    };
    let words_per_cpu_second = rate(cpu_seconds);
    let words_per_second = rate(wall_seconds);
    Ok(BenchReport {
        input: args.input.display().to_string(),
        analyzer_version: ANALYZER_VERSION,
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        threads,
        documents: documents.len(),
        skipped_lines,
        words,
        bytes: documents.iter().map(|d| d.text.len()).sum(),
        setup_seconds,
        wall_seconds,
        cpu_seconds,
        cpu_source,
        words_per_cpu_second,
        words_per_second,
        words_per_second_per_thread: words_per_second / threads as f64,
        spacy_words_per_cpu_second: SPACY_WORDS_PER_CPU_SECOND,
        speedup_over_spacy: words_per_cpu_second / SPACY_WORDS_PER_CPU_SECOND,
        quotes: counts.quotes,
        quantities: counts.quantities,
        entities: counts.entities,
    })
}

/// What analysis found; summing it also keeps the optimiser from discarding the work.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    quotes: usize,
    quantities: usize,
    entities: usize,
}

impl Counts {
    fn of(analysis: &Analysis) -> Counts {
        Counts {
            quotes: analysis.quotes.len(),
            quantities: analysis.quantities.len(),
            entities: analysis.entities.len(),
        }
    }

    fn add(self, other: Counts) -> Counts {
        Counts {
            quotes: self.quotes + other.quotes,
            quantities: self.quantities + other.quantities,
            entities: self.entities + other.entities,
        }
    }
}

/// User+system CPU seconds of this process (all threads), from `/proc/self/stat`.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    parse_cpu_seconds(&stat)
}

/// Fields 14 and 15 (utime, stime) of a `/proc/<pid>/stat` line, counted after the command name,
/// which may itself contain spaces and parentheses. Linux reports them in USER_HZ, fixed at 100.
fn parse_cpu_seconds(stat: &str) -> Option<f64> {
    let (_, after_name) = stat.rsplit_once(')')?;
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) as f64 / 100.0)
}

fn write_table(r: &BenchReport, out: &mut impl Write) -> std::io::Result<()> {
    let cpu_note = match r.cpu_source {
        CpuSource::Proc => "process user+sys",
        CpuSource::WallTimesThreads => "estimated: wall × threads",
    };
    let rows: Vec<(&str, String)> = vec![
        ("input", r.input.clone()),
        (
            "analyzer",
            format!("{} ({} build)", r.analyzer_version, r.build),
        ),
        ("threads", r.threads.to_string()),
        ("documents", group(r.documents as f64)),
        ("words (whitespace)", group(r.words as f64)),
        ("text bytes", group(r.bytes as f64)),
        ("pipeline setup s", format!("{:.3}", r.setup_seconds)),
        ("wall s", format!("{:.3}", r.wall_seconds)),
        ("CPU s", format!("{:.3} ({cpu_note})", r.cpu_seconds)),
        ("words / CPU-s", group(r.words_per_cpu_second)),
        ("words / s (wall)", group(r.words_per_second)),
        ("words / s per thread", group(r.words_per_second_per_thread)),
        (
            "spaCy sm baseline",
            format!("{} words / CPU-s", group(r.spacy_words_per_cpu_second)),
        ),
        (
            "vs spaCy",
            format!("{:.1}× (target ≥ 100×)", r.speedup_over_spacy),
        ),
        (
            "found",
            format!(
                "{} quotes, {} quantities, {} entities",
                group(r.quotes as f64),
                group(r.quantities as f64),
                group(r.entities as f64)
            ),
        ),
    ];
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, value) in rows {
        writeln!(out, "{key:<width$}  {value}")?;
    }
    if r.skipped_lines > 0 {
        writeln!(out, "{} malformed lines skipped", r.skipped_lines)?;
    }
    if r.build == "debug" {
        writeln!(
            out,
            "note: debug build; measure with `cargo run --release -p claimgraph -- bench`"
        )?;
    }
    Ok(())
}

/// A rounded number with thousands separators: 3412497 -> "3,412,497".
fn group(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut grouped = String::new();
    for (at, ch) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_stat_fields_after_a_tricky_name() {
        let stat = "4242 (my (odd) prog) R 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0";
        assert_eq!(parse_cpu_seconds(stat), Some(3.0));
        assert_eq!(parse_cpu_seconds("garbage"), None);
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(3_412_497.0), "3,412,497");
        assert_eq!(group(999.4), "999");
        assert_eq!(group(1000.0), "1,000");
        assert_eq!(group(0.0), "0");
    }

    #[test]
    fn process_cpu_time_is_readable_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(process_cpu_seconds().is_some());
        }
    }
}
