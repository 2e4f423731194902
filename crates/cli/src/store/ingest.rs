//! `claimgraph ingest` and `claimgraph reanalyze`: analysis in parallel, writes from one thread.
//!
//! The reading thread takes inputs in batches, analyses and converts them with rayon, and hands each
//! batch (in input order) to a single writer thread that commits it as one transaction. A document
//! is reported stored only after its batch committed, so a killed run never claims more than the
//! file holds, and the next run skips what is already there.

use std::io::{self, Write};
use std::sync::mpsc;
use std::thread;

use anyhow::anyhow;
use claimgraph_ledger::{Ledger, Outcome, Prepared};
use claimgraph_pipeline::{Pipeline, ANALYZER_VERSION};
use rayon::prelude::*;

use super::{IngestArgs, ReanalyzeArgs};
use claimgraph_sources::{Diagnostic, Item};

use crate::intake::{reading_summary, take_batch, Progress};

/// Documents per transaction: large enough to amortise the commit, small enough that a kill loses
/// little work.
const BATCH_DOCUMENTS: usize = 200;
/// Text bytes per batch, so a run of huge documents does not fill memory.
const BATCH_BYTES: usize = 32 << 20;
/// Batches analysed ahead of the writer.
const QUEUE_BATCHES: usize = 2;

enum Slot {
    Doc(Box<Prepared>),
    Warning(Diagnostic),
    Failed(Diagnostic),
}

/// What an ingest did, for the summary and the exit code.
#[derive(Debug, Default)]
struct Tally {
    read: u64,
    stored: u64,
    duplicates: u64,
    replaced: u64,
    unchanged: u64,
    failed: u64,
}

/// Ingests every input; `Ok(false)` when some item failed.
pub fn ingest(args: &IngestArgs) -> anyhow::Result<bool> {
    let path = args.db.path();
    let ledger = Ledger::open(&path)?;
    let pipeline = args.intake.pipeline()?;
    let mut intake = args.intake.open();
    let reading = intake.tally();
    let mut items = intake.by_ref().peekable();
    let (send, receive) = mpsc::sync_channel::<Vec<Slot>>(QUEUE_BATCHES);
    let list = args.list;
    let writer = thread::spawn(move || write_all(ledger, receive, list));
    while items.peek().is_some() {
        let batch = take_batch(&mut items, BATCH_DOCUMENTS, BATCH_BYTES);
        let slots: Vec<Slot> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Doc(document) => {
                    let analysis = pipeline.analyze(&document);
                    Slot::Doc(Box::new(Prepared::new(
                        &document,
                        &analysis,
                        ANALYZER_VERSION,
                    )))
                }
                Item::Warning(d) => Slot::Warning(d),
                Item::Failed(d) => Slot::Failed(d),
            })
            .collect();
        // A closed channel means the writer stopped on an error it reports below.
        if send.send(slots).is_err() {
            break;
        }
    }
    drop(send);
    let (tally, error) = writer
        .join()
        .map_err(|_| anyhow!("the writer thread stopped unexpectedly"))?;
    let _ = writeln!(
        io::stderr(),
        "claimgraph: {}",
        reading_summary(&reading.counts(), intake.skipped_language())
    );
    let _ = writeln!(
        io::stderr(),
        "claimgraph: {} documents: {} stored ({} duplicates of stored stories), {} replaced, {} unchanged, {} failed → {}",
        tally.read,
        tally.stored,
        tally.duplicates,
        tally.replaced,
        tally.unchanged,
        tally.failed,
        path.display()
    );
    match error {
        Some(error) => Err(error),
        None => Ok(tally.failed == 0),
    }
}

/// The writer thread: commits batches in order and reports each document after its commit.
fn write_all(
    mut ledger: Ledger,
    receive: mpsc::Receiver<Vec<Slot>>,
    list: bool,
) -> (Tally, Option<anyhow::Error>) {
    let progress = Progress::new(None, "documents");
    let mut tally = Tally::default();
    for slots in receive {
        let mut prepared: Vec<Prepared> = Vec::new();
        // Diagnostics keep their place among the documents so `--list` follows input order.
        let mut order: Vec<Option<Slot>> = Vec::with_capacity(slots.len());
        for slot in slots {
            match slot {
                Slot::Doc(p) => {
                    prepared.push(*p);
                    order.push(None);
                }
                other => order.push(Some(other)),
            }
        }
        let outcomes = match ledger.write_batch(&prepared) {
            Ok(outcomes) => outcomes,
            Err(error) => {
                progress.finish();
                return (tally, Some(error.into()));
            }
        };
        let mut documents = prepared.iter().zip(outcomes);
        let mut lines = String::new();
        for slot in order {
            let status = match slot {
                Some(Slot::Warning(d)) => {
                    progress.note(&format!("claimgraph: {}: warning: {}", d.place, d.message));
                    continue;
                }
                Some(Slot::Failed(d)) => {
                    tally.failed += 1;
                    progress.note(&format!("claimgraph: {d}"));
                    if list {
                        lines.push_str(&format!("failed\t{}\n", d.place));
                    }
                    continue;
                }
                Some(Slot::Doc(_)) => continue,
                None => {
                    let Some((document, outcome)) = documents.next() else {
                        continue;
                    };
                    tally.read += 1;
                    let status = match outcome {
                        Ok(Outcome::Stored { duplicate_of: None }) => {
                            tally.stored += 1;
                            "stored"
                        }
                        Ok(Outcome::Stored {
                            duplicate_of: Some(_),
                        }) => {
                            tally.stored += 1;
                            tally.duplicates += 1;
                            "duplicate"
                        }
                        Ok(Outcome::Replaced) => {
                            tally.replaced += 1;
                            "replaced"
                        }
                        Ok(Outcome::Unchanged { .. }) => {
                            tally.unchanged += 1;
                            "unchanged"
                        }
                        Err(error) => {
                            tally.failed += 1;
                            progress.note(&format!("claimgraph: {}: {error}", document.id()));
                            "failed"
                        }
                    };
                    (status, document.id())
                }
            };
            if list {
                lines.push_str(&format!("{}\t{}\n", status.0, status.1));
            }
        }
        if list {
            let mut stdout = io::stdout().lock();
            let _ = stdout.write_all(lines.as_bytes());
            let _ = stdout.flush();
        }
        progress.advance(
            prepared.len() as u64,
            format!("{} stored, {} unchanged", tally.stored, tally.unchanged),
        );
    }
    progress.finish();
    (tally, None)
}

/// Re-analyzes stored documents of another analyzer version (all with `--all`), in place.
pub fn reanalyze(args: &ReanalyzeArgs) -> anyhow::Result<bool> {
    let path = args.db.path();
    let mut ledger = Ledger::open(&path)?;
    let ids = ledger.stale_documents(ANALYZER_VERSION, args.all)?;
    let pipeline = Pipeline::new();
    let progress = Progress::new(Some(ids.len() as u64), "documents");
    let mut done = 0u64;
    let mut failed = 0u64;
    for chunk in ids.chunks(BATCH_DOCUMENTS) {
        let mut documents = Vec::with_capacity(chunk.len());
        for id in chunk {
            documents.push(ledger.load_document(id)?);
        }
        let prepared: Vec<Prepared> = documents
            .par_iter()
            .map(|document| Prepared::new(document, &pipeline.analyze(document), ANALYZER_VERSION))
            .collect();
        for (document, outcome) in prepared.iter().zip(ledger.reanalyze_batch(&prepared)?) {
            match outcome {
                Ok(_) => done += 1,
                Err(error) => {
                    failed += 1;
                    progress.note(&format!("claimgraph: {}: {error}", document.id()));
                }
            }
        }
        progress.advance(chunk.len() as u64, String::new());
    }
    progress.finish();
    let _ = writeln!(
        io::stderr(),
        "claimgraph: re-analyzed {done} documents with analyzer {ANALYZER_VERSION}, {failed} failed → {}",
        path.display()
    );
    Ok(failed == 0)
}
