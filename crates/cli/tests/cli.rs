//! The `claimgraph` binary on good and bad input: exit codes, diagnostics, formats, odd bytes.

mod support;

use support::{check_offsets, claimgraph, scratch, write};

const ARTICLE: &str =
    "Harbour row deepens\n\nThe minister said the port had handled at least 12 ships.\n";

#[test]
fn all_documents_processed_exits_zero() {
    let dir = scratch("exit_zero");
    let file = write(&dir, "harbour.txt", ARTICLE.as_bytes());
    let run = claimgraph(&["analyze", "--format", "json", &file], None);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.stderr, "");
    let doc = run.json();
    assert_eq!(doc["id"], "harbour");
    check_offsets(ARTICLE, &doc);
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        vec!["analyze", "--format", "xml"],
        vec!["frobnicate"],
        vec![],
        vec!["bench", "--threads", "0"],
        vec!["analyze", "--no-such-flag"],
    ] {
        let run = claimgraph(&args, None);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_zero() {
    let help = claimgraph(&["analyze", "--help"], None);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("--format"), "{}", help.stdout);
    let version = claimgraph(&["--version"], None);
    assert_eq!(version.code, Some(0));
    assert!(version.stdout.starts_with("claimgraph "));
}

#[test]
fn missing_file_is_reported_and_the_other_inputs_still_run() {
    let dir = scratch("missing_file");
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let missing = dir.join("absent.txt").to_str().unwrap().to_owned();
    let run = claimgraph(&["analyze", "--format", "jsonl", &missing, &good], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert_eq!(run.stderr, format!("claimgraph: {missing}: no such file\n"));
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "good");
}

#[test]
fn malformed_jsonl_line_names_file_and_line_and_the_rest_is_analysed() {
    let dir = scratch("malformed_jsonl");
    let jsonl = concat!(
        r#"{"id": "first", "text": "The mayor said the bridge is safe.", "title": "Bridge", "url": "https://example.invalid/b"}"#,
        "\n",
        r#"{"id": "broken", "text": "unterminated"#,
        "\n",
        r#"{"id": "third", "text": "Officials denied the report."}"#,
        "\n",
        r#"{"id": "no-text"}"#,
        "\n",
    );
    let file = write(&dir, "docs.jsonl", jsonl.as_bytes());
    let run = claimgraph(&["analyze", "--format", "jsonl", &file], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(
        errors[0].starts_with(&format!("claimgraph: {file}:2: malformed JSON line")),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with(&format!(
            "claimgraph: {file}:4: malformed JSON line: missing field `text`"
        )),
        "{}",
        errors[1]
    );
    let docs = run.json_lines();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["first", "third"]);
    assert_eq!(docs[0]["document"]["title"], "Bridge");
    assert_eq!(docs[0]["document"]["url"], "https://example.invalid/b");
    assert!(
        docs[1].get("document").is_none(),
        "empty metadata is left out"
    );
}

#[test]
fn non_utf8_bytes_warn_with_offset_and_still_output() {
    let dir = scratch("non_utf8");
    let bytes = b"Caf\xe9 owners said the street was closed.\n";
    let file = write(&dir, "latin1.txt", bytes);
    let run = claimgraph(&["analyze", "--format", "json", &file], None);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        format!("claimgraph: {file}: warning: invalid UTF-8 at byte offset 3; invalid bytes replaced with U+FFFD\n")
    );
    check_offsets(&String::from_utf8_lossy(bytes), &run.json());
}

#[test]
fn binary_input_warns_and_does_not_crash() {
    let dir = scratch("binary");
    let mut bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    bytes.extend_from_slice(b"\xff\xfe\x00\x00said");
    let file = write(&dir, "blob.bin", &bytes);
    let run = claimgraph(&["analyze", "--format", "jsonl", &file], None);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr
            .contains("looks binary (NUL byte at byte offset 0)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("invalid UTF-8 at byte offset 128"),
        "{}",
        run.stderr
    );
    check_offsets(&String::from_utf8_lossy(&bytes), &run.json_lines()[0]);
}

#[test]
fn empty_input_is_an_empty_document() {
    let dir = scratch("empty");
    let file = write(&dir, "empty.txt", b"");
    for format in ["json", "pretty"] {
        let run = claimgraph(&["analyze", "--format", format, &file], None);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert_eq!(run.stderr, "");
        if format == "json" {
            let doc = run.json();
            assert_eq!(doc["text_length"], 0);
            assert_eq!(doc["quotes"], serde_json::json!([]));
        } else {
            assert!(run.stdout.contains("empty"), "{}", run.stdout);
        }
    }
    let stdin = claimgraph(&["analyze", "--format", "json"], Some(b""));
    assert_eq!(stdin.code, Some(0), "{stdin:?}");
    assert_eq!(stdin.json()["text_length"], 0);
    let empty_jsonl = write(&dir, "none.jsonl", b"\n\n");
    let run = claimgraph(&["analyze", "--format", "jsonl", &empty_jsonl], None);
    assert_eq!((run.code, run.stdout.as_str()), (Some(0), ""));
}

#[test]
fn crlf_text_keeps_offsets_right() {
    let text = "Port strike ends\r\n\r\nThe union said: \u{201c}We are going back to work.\u{201d}\r\nThe ministry denied that 40 workers were fired.\r\n";
    let run = claimgraph(&["analyze", "--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(run.code, Some(0), "{run:?}");
    let doc = run.json();
    assert_eq!(doc["id"], "stdin");
    check_offsets(text, &doc);
}

#[test]
fn stdin_dash_and_several_inputs_keep_order() {
    let dir = scratch("stdin_order");
    let a = write(&dir, "a.txt", b"First text.");
    let c = write(&dir, "c.txt", b"Third text.");
    let run = claimgraph(
        &["analyze", "--format", "json", &a, "-", &c],
        Some(b"Second text."),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let ids: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "stdin", "c"]);
}

#[test]
fn jsonl_from_stdin_with_input_format() {
    let input = b"{\"id\": \"x\", \"text\": \"A.\"}\n{\"id\": \"y\", \"text\": \"B.\"}\n";
    let run = claimgraph(
        &["analyze", "--input-format", "jsonl", "--format", "jsonl"],
        Some(input),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let ids: Vec<String> = run
        .json_lines()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn long_single_line_is_analysed() {
    let sentence =
        "The spokesperson said that more than 40 boats had left the harbour without permits. ";
    let text = sentence.repeat((2 << 20) / sentence.len());
    let dir = scratch("long_line");
    let plain = write(&dir, "long.txt", text.as_bytes());
    let record = serde_json::json!({"id": "long", "text": text}).to_string();
    let jsonl = write(&dir, "long.jsonl", record.as_bytes());
    let run = claimgraph(&["analyze", "--format", "jsonl", &plain, &jsonl], None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 2);
    for doc in &docs {
        assert_eq!(doc["text_length"], text.chars().count());
    }
}

#[test]
fn pretty_report_has_no_colour_when_piped() {
    let run = claimgraph(&["analyze"], Some(ARTICLE.as_bytes()));
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("━━ stdin ━━\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\nQuotes\n"));
    assert!(run.stdout.contains("\nEntities\n"));
    assert!(!run.stdout.contains('\x1b'));
}

#[test]
fn bench_reports_rates_as_json() {
    let dir = scratch("bench");
    let line = r#"{"id": "b", "text": "Officials said at least 12 ships were seized.", "date": null, "dataset": "x", "tags": {}}"#;
    let file = write(
        &dir,
        "bench.jsonl",
        format!("{line}\n{line}\n{line}\n").as_bytes(),
    );
    let run = claimgraph(
        &[
            "bench", "--input", &file, "--limit", "2", "--format", "json",
        ],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let report = run.json();
    assert_eq!(report["documents"], 2);
    assert_eq!(report["words"], 16);
    assert_eq!(report["threads"], 1);
    assert_eq!(report["spacy_words_per_cpu_second"], 3200.0);
    let table = claimgraph(&["bench", "--input", &file, "--threads", "2"], None);
    assert_eq!(table.code, Some(0), "{table:?}");
    assert!(table.stdout.contains("words / CPU-s"), "{}", table.stdout);
    let missing = claimgraph(&["bench", "--input", "/nonexistent/articles.jsonl"], None);
    assert_eq!(missing.code, Some(1));
    assert!(
        missing
            .stderr
            .starts_with("claimgraph: /nonexistent/articles.jsonl: no such file"),
        "{}",
        missing.stderr
    );
}

#[test]
fn user_actor_files_add_actors_and_bad_ones_name_file_line_and_field() {
    let dir = scratch("user_actors");
    let article = write(
        &dir,
        "article.txt",
        "Mara Quill of Harbourwatch said the port had handled at least 12 ships.\n".as_bytes(),
    );
    let actors = write(
        &dir,
        "actors.toml",
        b"[[actor]]\nname = \"Harbourwatch\"\nkind = \"organization\"\ncountry = \"NO\"\n",
    );
    let run = claimgraph(
        &["analyze", "--format", "json", "--actors", &actors, &article],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let doc = run.json();
    let harbourwatch = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "Harbourwatch")
        .expect("the user's organisation is recognised");
    assert_eq!(harbourwatch["label"], "ORG");
    assert!(harbourwatch["actor"].as_str().is_some(), "{harbourwatch}");

    let bad = write(
        &dir,
        "bad.toml",
        b"[[actor]]\nname = \"Harbourwatch\"\nkind = \"robot\"\n",
    );
    let run = claimgraph(&["analyze", "--actors", &bad, &article], None);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("bad.toml:3"), "{}", run.stderr);
    assert!(run.stderr.contains("kind"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
