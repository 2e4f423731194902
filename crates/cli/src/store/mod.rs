//! The ledger commands: `ingest` and `reanalyze` write a SQLite ledger; `quotes`, `actors`,
//! `search`, `show`, `stats` and `export` read it.
//!
//! Every command takes `--db PATH`; without it the ledger is `$CLAIMGRAPH_DB`, else
//! `./claimgraph.db`.

mod bench;
mod ingest;
mod render;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use claimgraph_ledger::{export, ActorFilter, Ledger, QuoteFilter};
use clap::{Args, Subcommand, ValueEnum};

use crate::intake::IntakeArgs;

/// Help text shared by every `--db`.
const DB_HELP: &str =
    "Ledger file (SQLite). Default: $CLAIMGRAPH_DB when set, else ./claimgraph.db";

/// Worked questions, shown under `claimgraph quotes --help`.
const QUOTES_RECIPES: &str = "\
Filters combine with AND. Recipes:
  What has China denied since March?
    claimgraph quotes --actor China --stance deny --since 2024-03
  Who quoted the State Department on Chinese fighters?
    claimgraph quotes --speaker \"State Department\" --text fighters --about China
  Every claim with a number about North Korean soldiers:
    claimgraph quotes --about \"North Korea\" --with-numbers --counted soldiers
--actor matches the speaker's country, affiliation, name or actor id; --speaker matches part of
the name as written. --about matches an entity named inside the quote by its name, its text, its
actor id or its country, so \"North Korea\" also finds \"North Korean soldiers\" (a group of that
country). --counted matches what a number counts (\"10,000 troops\" counts \"troops\").";

/// How the actor listing treats speakers with no name, shown under `claimgraph actors --help`.
const ACTORS_NOTE: &str = "\
Speakers that name nobody, such as \"The company\", \"officials\" or \"a spokesman\" with no
organisation resolved, are left out unless --include-unnamed is given; they are then listed with
kind \"nominal\". Their quotes are always in `claimgraph quotes`.";

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Analyse articles and store them, their quotes, entities and numbers in the ledger.
    Ingest(Box<IngestArgs>),
    /// Re-run analysis in place for documents stored by another analyzer version.
    Reanalyze(Box<ReanalyzeArgs>),
    /// Stored quotes by speaker, actor, topic, stance, date, outlet, phrase or number.
    #[command(after_help = QUOTES_RECIPES)]
    Quotes(Box<QuotesArgs>),
    /// Named speakers (people, organisations, places) with their quote counts by stance.
    #[command(after_help = ACTORS_NOTE)]
    Actors(Box<ActorsArgs>),
    /// Full-text search over stored articles, with highlighted snippets.
    Search(Box<SearchArgs>),
    /// One stored article with its quotes, stances and speakers marked.
    Show(Box<ShowArgs>),
    /// Counts of documents, quotes, entities, actors and duplicate clusters.
    Stats(Box<StatsArgs>),
    /// Export quotes as JSONL, CSV, schema.org JSON-LD, Citron annotations, or a GraphML network.
    Export(Box<ExportArgs>),
    /// Measure ingest (wall time, documents/s, database size, peak memory) and query latency
    /// (p50/p95) on a fresh ledger built from news-bench.
    BenchLedger(Box<bench::BenchLedgerArgs>),
}

#[derive(Debug, Args)]
pub struct DbArgs {
    #[arg(long, value_name = "PATH", help = DB_HELP)]
    db: Option<PathBuf>,
}

impl DbArgs {
    fn path(&self) -> PathBuf {
        claimgraph_ledger::resolve_path(self.db.as_deref())
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Print `stored|replaced|unchanged|duplicate|failed<TAB>id` to stdout once each document is committed.
    #[arg(long)]
    list: bool,
    #[command(flatten)]
    intake: IntakeArgs,
}

#[derive(Debug, Args)]
pub struct ReanalyzeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Re-analyze every document, not only those from another analyzer version.
    #[arg(long)]
    all: bool,
}

/// How query results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Pretty,
    /// One JSON value.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Speaker name (part of it, any case).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Country or organisation: the speaker's affiliation contains it or the speaker's country is it.
    #[arg(long, value_name = "COUNTRY_OR_ORG")]
    actor: Option<String>,
    /// An entity named inside the quoted content ("North Korea", "Pentagon").
    #[arg(long, value_name = "ENTITY")]
    about: Option<String>,
    /// Stances, comma-separated: assert, accuse, deny, confirm, acknowledge, concern, urge, warn, question, other.
    #[arg(long, value_name = "STANCES", value_delimiter = ',')]
    stance: Vec<String>,
    /// Published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Published on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Outlet (part of its site or source name).
    #[arg(long, value_name = "OUTLET")]
    source: Option<String>,
    /// Full-text query over quoted content (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,
    /// Only quotes holding at least one number.
    #[arg(long)]
    with_numbers: bool,
    /// Only quotes with a number counting this (part of the counted phrase: "soldiers").
    #[arg(long, value_name = "TEXT")]
    counted: Option<String>,
    /// At most this many quotes.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
}

impl FilterArgs {
    fn filter(&self) -> QuoteFilter {
        QuoteFilter {
            speaker: self.speaker.clone(),
            actor: self.actor.clone(),
            about: self.about.clone(),
            stances: self.stance.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            source: self.source.clone(),
            text: self.text.clone(),
            with_numbers: self.with_numbers,
            counted: self.counted.clone(),
            document: None,
            limit: self.limit,
        }
    }
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Only actors of this country, or whose affiliation contains it.
    #[arg(long)]
    country: Option<String>,
    /// Also list speakers that name nobody ("The company", "officials"), as kind `nominal`.
    #[arg(long)]
    include_unnamed: bool,
    /// At most this many actors.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Full-text query (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).
    query: String,
    /// At most this many documents.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Id of a stored document.
    id: String,
    /// `pretty`, or the JSON contract with `json`/`jsonl`.
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, value_enum, default_value_t = Format::Pretty)]
    format: Format,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One quote per line as JSON.
    Jsonl,
    /// One quote per row.
    Csv,
    /// schema.org Claim/Quotation nodes in one JSON-LD document.
    Jsonld,
    /// One Citron annotation object (text, quotes with cue/sources/contents spans) per line.
    Citron,
    /// The actor network (speaker → entity edges by stance) for Gephi.
    Graphml,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write here instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Runs a ledger command; `Ok(false)` when some input failed but the rest was stored.
pub fn run(command: StoreCommand) -> anyhow::Result<bool> {
    match command {
        StoreCommand::Ingest(args) => ingest::ingest(&args),
        StoreCommand::Reanalyze(args) => ingest::reanalyze(&args),
        StoreCommand::Quotes(args) => {
            let ledger = Ledger::open_existing(&args.db.path())?;
            let rows = ledger.quotes(&args.filter.filter())?;
            with_stdout(|out, terminal| render::quotes(&rows, args.format, terminal, out))
        }
        StoreCommand::Actors(args) => {
            let ledger = Ledger::open_existing(&args.db.path())?;
            let rows = ledger.actors(&ActorFilter {
                country: args.country.clone(),
                named_only: !args.include_unnamed,
                limit: args.limit,
            })?;
            with_stdout(|out, _| render::actors(&rows, args.format, out))
        }
        StoreCommand::Search(args) => {
            let ledger = Ledger::open_existing(&args.db.path())?;
            let terminal = io::stdout().is_terminal() && args.format == Format::Pretty;
            let (open, close) = if terminal {
                ("\x1b[1;33m", "\x1b[0m")
            } else {
                ("[[", "]]")
            };
            let hits = ledger.search(&args.query, args.limit, open, close)?;
            with_stdout(|out, _| render::search(&hits, args.format, out))
        }
        StoreCommand::Show(args) => {
            let ledger = Ledger::open_existing(&args.db.path())?;
            with_stdout(|out, terminal| render::show(&ledger, &args.id, args.format, terminal, out))
        }
        StoreCommand::Stats(args) => {
            let ledger = Ledger::open_existing(&args.db.path())?;
            let stats = ledger.stats()?;
            with_stdout(|out, _| render::stats(&stats, args.format, out))
        }
        StoreCommand::Export(args) => run_export(&args),
        StoreCommand::BenchLedger(args) => bench::run(&args, &mut io::stdout().lock()),
    }
}

fn with_stdout(
    write: impl FnOnce(&mut dyn Write, bool) -> anyhow::Result<()>,
) -> anyhow::Result<bool> {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    write(&mut out, terminal)?;
    out.flush()?;
    Ok(true)
}

fn run_export(args: &ExportArgs) -> anyhow::Result<bool> {
    let ledger = Ledger::open_existing(&args.db.path())?;
    let filter = args.filter.filter();
    let mut out: BufWriter<Box<dyn Write>> = match &args.out {
        Some(path) => BufWriter::with_capacity(
            1 << 16,
            Box::new(
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
            ),
        ),
        None => BufWriter::with_capacity(1 << 16, Box::new(io::stdout().lock())),
    };
    let (written, what) = match args.format {
        ExportFormat::Jsonl => (export::jsonl(&ledger, &filter, &mut out)?, "quotes"),
        ExportFormat::Csv => (export::csv(&ledger, &filter, &mut out)?, "quotes"),
        ExportFormat::Jsonld => (export::jsonld(&ledger, &filter, &mut out)?, "quotes"),
        ExportFormat::Citron => (export::citron(&ledger, &filter, &mut out)?, "documents"),
        ExportFormat::Graphml => (export::graphml(&ledger, &filter, &mut out)?, "edges"),
    };
    out.flush()?;
    if let Some(path) = &args.out {
        let _ = writeln!(
            io::stderr(),
            "claimgraph: exported {written} {what} to {}",
            path.display()
        );
    }
    Ok(true)
}
