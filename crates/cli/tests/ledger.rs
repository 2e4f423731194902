//! The ledger commands as a user runs them: idempotent ingest, queries and their errors, a SIGKILL
//! in the middle of a large ingest, and a second process querying while one ingests.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use support::{claimgraph, scratch, write};

fn corpus(n: usize) -> String {
    let mut jsonl = String::new();
    for i in 0..n {
        let text = format!(
            "Officials in Harbourtown said on day {i} that {} boats had left. \
             \"We deny any blockade of pier {i},\" the port authority spokesman Arlo Venn said.",
            i * 3 + 1
        );
        let line = serde_json::json!({
            "id": format!("doc-{i}"),
            "text": text,
            "date": format!("2024-03-{:02}", i % 28 + 1),
            "source": "Harbour Wire",
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    jsonl
}

fn db_arg(dir: &Path) -> String {
    dir.join("ledger.db").display().to_string()
}

#[test]
fn ingest_is_idempotent_and_stats_are_integers() {
    let dir = scratch("ledger_idempotent");
    let input = write(
        &dir,
        "docs.jsonl",
        format!("{}{{oops\n", corpus(20)).as_bytes(),
    );
    let db = db_arg(&dir);
    let first = claimgraph(&["ingest", "--db", &db, &input], None);
    assert_eq!(
        first.code,
        Some(1),
        "a malformed line fails the run: {first:?}"
    );
    assert!(first.stderr.contains("20 stored"), "{}", first.stderr);
    assert!(first.stderr.contains("docs.jsonl:21: malformed JSON line"));
    let second = claimgraph(&["ingest", "--db", &db, &input], None);
    assert!(second.stderr.contains("0 stored"), "{}", second.stderr);
    assert!(second.stderr.contains("20 unchanged"), "{}", second.stderr);
    let stats = claimgraph(&["stats", "--db", &db, "--format", "json"], None).json();
    for key in [
        "documents",
        "quotes",
        "entities",
        "actors",
        "duplicate_clusters",
    ] {
        assert!(stats[key].is_u64(), "{key}: {stats}");
    }
    assert_eq!(stats["documents"], 20);
    let quotes = claimgraph(
        &[
            "quotes",
            "--db",
            &db,
            "--speaker",
            "venn",
            "--format",
            "jsonl",
        ],
        None,
    );
    assert_eq!(quotes.code, Some(0), "{quotes:?}");
    assert!(!quotes.json_lines().is_empty());
    let show = claimgraph(&["show", "--db", &db, "doc-3"], None);
    assert!(show.stdout.contains("【q"), "{}", show.stdout);
    let graph = claimgraph(&["export", "--db", &db, "--format", "graphml"], None);
    assert!(graph.stdout.starts_with("<?xml"), "{graph:?}");
}

#[test]
fn bad_queries_and_bad_files_get_clear_errors() {
    let dir = scratch("ledger_errors");
    let db = db_arg(&dir);
    let missing = claimgraph(&["stats", "--db", &db], None);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing.stderr.contains("no ledger at"),
        "{}",
        missing.stderr
    );
    let input = write(&dir, "docs.jsonl", corpus(3).as_bytes());
    claimgraph(&["ingest", "--db", &db, &input], None);
    let fts = claimgraph(&["quotes", "--db", &db, "--text", "\"unbalanced"], None);
    assert_eq!(fts.code, Some(1));
    assert!(
        fts.stderr.contains("invalid search query"),
        "{}",
        fts.stderr
    );
    for hostile in ["it's 50% -- done", "'; DROP TABLE quotes; --"] {
        let run = claimgraph(&["quotes", "--db", &db, "--speaker", hostile], None);
        assert_eq!(run.code, Some(0), "{run:?}");
    }
    let corrupt = write(&dir, "corrupt.db", &[0x5a; 4096]);
    let run = claimgraph(&["ingest", "--db", &corrupt, &input], None);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("is not a claimgraph database or is corrupt"),
        "{}",
        run.stderr
    );
}

#[test]
fn sigkill_mid_ingest_loses_nothing_reported_and_resumes() {
    let dir = scratch("ledger_sigkill");
    let input = write(&dir, "big.jsonl", corpus(4000).as_bytes());
    let db = db_arg(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["ingest", "--list", "--db", &db, &input])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reported = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        let id = line
            .strip_prefix("stored\t")
            .or_else(|| line.strip_prefix("duplicate\t"));
        if let Some(id) = id {
            reported.push(id.to_owned());
        }
        if reported.len() >= 600 {
            break;
        }
    }
    // SIGKILL: no destructor, no checkpoint, no final commit.
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        reported.len() >= 600,
        "ingest finished before it could be killed"
    );

    let ledger = claimgraph_ledger::Ledger::open(Path::new(&db)).unwrap();
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
    for id in &reported {
        ledger.document(id).unwrap();
    }
    let kept = ledger.stats().unwrap().documents;
    drop(ledger);
    assert!(kept < 4000, "the kill came too late to test anything");

    let resumed = claimgraph(&["ingest", "--db", &db, &input], None);
    assert_eq!(resumed.code, Some(0), "{resumed:?}");
    assert!(
        resumed.stderr.contains(&format!("{} stored", 4000 - kept)),
        "{}",
        resumed.stderr
    );
    let stats = claimgraph(&["stats", "--db", &db, "--format", "json"], None).json();
    assert_eq!(stats["documents"], 4000);
}

#[test]
fn queries_run_while_another_process_ingests() {
    let dir = scratch("ledger_concurrent");
    let input = write(&dir, "big.jsonl", corpus(3000).as_bytes());
    let db = db_arg(&dir);
    // Create the file first so the queries never race its creation.
    let seed = write(&dir, "seed.jsonl", corpus(1).as_bytes());
    claimgraph(&["ingest", "--db", &db, &seed], None);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["ingest", "--db", &db, &input])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut last = 0;
    let mut rounds = 0;
    while child.try_wait().unwrap().is_none() {
        let stats = claimgraph(&["stats", "--db", &db, "--format", "json"], None);
        assert_eq!(stats.code, Some(0), "{stats:?}");
        let documents = stats.json()["documents"].as_u64().unwrap();
        assert!(
            documents >= last,
            "documents went from {last} to {documents}"
        );
        last = documents;
        let quotes = claimgraph(
            &["quotes", "--db", &db, "--limit", "5", "--format", "json"],
            None,
        );
        assert_eq!(quotes.code, Some(0), "{quotes:?}");
        rounds += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(rounds > 0);
    let stats = claimgraph(&["stats", "--db", &db, "--format", "json"], None).json();
    assert_eq!(stats["documents"], 3000);
}
