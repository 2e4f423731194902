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

/// Invented articles for the questions of the ledger issue.
fn newsroom() -> String {
    let articles = [
        (
            "a1",
            "2024-02-10",
            "Harbour Wire",
            "Lin Jian, a spokesman for China's foreign ministry, denied that Beijing had sent drones to Russia.",
        ),
        (
            "a2",
            "2024-03-12",
            "Harbour Wire",
            "China denied on Tuesday that its warships had entered Japanese waters. \"These reports \
             are false,\" said Mao Ning, a spokeswoman for China's foreign ministry.",
        ),
        (
            "a3",
            "2024-04-05",
            "Capital Post",
            "The State Department said on Friday that Chinese fighters had flown dangerously close \
             to a US patrol plane over the South China Sea.",
        ),
        (
            "a4",
            "2024-04-06",
            "Harbour Wire",
            "Ukraine's military intelligence chief Kyrylo Budanov said that 11,000 North Korean \
             soldiers had arrived in Kursk. The company said 40 workers were hired.",
        ),
        (
            "a5",
            "2024-04-07",
            "Capital Post",
            "Officials said North Korean soldiers had been seen near the border.",
        ),
    ];
    articles
        .iter()
        .map(|(id, date, source, text)| {
            serde_json::json!({"id": id, "text": text, "date": date, "source": source}).to_string()
                + "\n"
        })
        .collect()
}

fn quote_ids(db: &str, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["quotes", "--db", db, "--format", "jsonl"];
    args.extend_from_slice(filters);
    let run = claimgraph(&args, None);
    assert_eq!(run.code, Some(0), "{run:?}");
    run.json_lines()
        .iter()
        .map(|q| {
            format!(
                "{}#{}",
                q["doc_id"].as_str().unwrap(),
                q["quote_id"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_issue_questions_are_answered_by_query_commands() {
    let dir = scratch("ledger_questions");
    let input = write(&dir, "news.jsonl", newsroom().as_bytes());
    let db = db_arg(&dir);
    let ingest = claimgraph(&["ingest", "--db", &db, &input], None);
    assert_eq!(ingest.code, Some(0), "{ingest:?}");

    // What has China denied since March? (Lin Jian's February denial is older.)
    let denied = quote_ids(
        &db,
        &["--actor", "China", "--stance", "deny", "--since", "2024-03"],
    );
    // "These reports are false," said the spokeswoman: calling a claim false denies it too.
    assert_eq!(denied, ["a2#q1", "a2#q2"]);
    let all_denials = quote_ids(&db, &["--actor", "China", "--stance", "deny"]);
    assert_eq!(all_denials, ["a2#q1", "a2#q2", "a1#q1"]);

    // Who quoted the State Department on Chinese fighters?
    let run = claimgraph(
        &[
            "quotes",
            "--db",
            &db,
            "--speaker",
            "State Department",
            "--about",
            "China",
            "--text",
            "fighters",
            "--format",
            "jsonl",
        ],
        None,
    );
    let rows = run.json_lines();
    assert_eq!(rows.len(), 1, "{run:?}");
    assert_eq!(rows[0]["source"], "Capital Post");
    assert_eq!(rows[0]["doc_id"], "a3");

    // Every claim with a number about North Korean soldiers (a5 has no number).
    let numbers = quote_ids(&db, &["--about", "North Korea", "--with-numbers"]);
    assert_eq!(numbers, ["a4#q1"]);
    let soldiers = quote_ids(
        &db,
        &[
            "--about",
            "North Korea",
            "--with-numbers",
            "--counted",
            "soldiers",
        ],
    );
    assert_eq!(soldiers, ["a4#q1"]);
    let about = quote_ids(&db, &["--about", "North Korea"]);
    assert_eq!(about, ["a5#q1", "a4#q1"]);

    // Generic speakers are left out of the actor listing unless asked for.
    let named = claimgraph(&["actors", "--db", &db, "--format", "json"], None).json();
    let names: Vec<&str> = named
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"State Department"), "{names:?}");
    assert!(
        !names.contains(&"the company") && !names.contains(&"Officials"),
        "{names:?}"
    );
    let everyone = claimgraph(
        &[
            "actors",
            "--db",
            &db,
            "--include-unnamed",
            "--format",
            "json",
        ],
        None,
    )
    .json();
    let company = everyone
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "the company")
        .unwrap();
    assert_eq!(company["kind"], "nominal");

    // The recipes are in the help.
    let help = claimgraph(&["quotes", "--help"], None);
    for recipe in [
        "quotes --actor China --stance deny --since 2024-03",
        "--with-numbers --counted soldiers",
    ] {
        assert!(help.stdout.contains(recipe), "{}", help.stdout);
    }
}
