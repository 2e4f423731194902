//! The `claimgraph` command: reads articles, runs the analysis pipeline, prints who said what.
//!
//! Exit status: 0 when every document was processed, 1 when some input failed (missing file,
//! malformed JSONL line, unreadable output), 2 on usage errors (clap's convention).

mod analyze;
mod bench;
mod eval;
mod intake;
mod pretty;
mod store;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::analyze::Format;
use crate::bench::BenchArgs;
use crate::intake::{reading_summary, IntakeArgs, Progress};
use crate::pretty::Palette;

/// claimgraph: who claimed what in the news, with exact character spans.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the quotes of articles: speaker, stance, cue, content, numbers, named entities.
    Analyze(AnalyzeArgs),
    /// Measure analysis speed in words per CPU-second on news-bench.
    Bench(BenchArgs),
    /// Score extraction against gold annotations (precision, recall, F1).
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    #[command(flatten)]
    Store(store::StoreCommand),
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
    /// Print what was read, extracted, skipped, duplicated and failed to standard error at the end
    /// (always on when standard error is a terminal).
    #[arg(long)]
    summary: bool,
    #[command(flatten)]
    intake: IntakeArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => run_analyze(args),
        Command::Bench(args) => bench::run(&args, &mut io::stdout().lock()).map(|()| true),
        Command::Eval(command) => eval::run(&command, &mut io::stdout().lock()).map(|()| true),
        Command::Store(command) => store::run(command),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "claimgraph: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// Analyses every input; `Ok(false)` when some input failed but the rest was processed.
fn run_analyze(args: AnalyzeArgs) -> anyhow::Result<bool> {
    let pipeline = args.intake.pipeline()?;
    let mut items = args.intake.open();
    let tally = items.tally();
    let stdout = io::stdout();
    let palette = Palette::detect(stdout.is_terminal());
    let out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let progress = Progress::new(None, "documents");
    let summary = analyze::run(
        &mut items,
        &pipeline,
        args.format,
        palette,
        out,
        io::stderr().lock(),
        &progress,
    );
    progress.finish();
    let summary = summary?;
    if args.summary || io::stderr().is_terminal() {
        let _ = writeln!(
            io::stderr(),
            "claimgraph: {}; {} analysed, {} duplicates of earlier documents",
            reading_summary(&tally.counts(), items.skipped_language()),
            summary.documents,
            summary.duplicates,
        );
    }
    Ok(summary.failed == 0)
}

/// A reader that closed our stdout (`claimgraph analyze ... | head`) is not an error worth reporting.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
