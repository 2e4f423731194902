//! Running the built `claimgraph` binary from integration tests.

#![allow(dead_code)] // each test binary uses a different part of this module

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout lines parsed as JSON values.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }

    /// The whole stdout parsed as one JSON value.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// Runs `claimgraph args...`, feeding `stdin` when given (an empty stdin otherwise).
pub fn claimgraph(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_vec();
    // Writing from another thread keeps a large stdin from deadlocking against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A fresh directory for one test's files.
pub fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("claimgraph-cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to `dir/name` and returns the path as a string.
pub fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

/// `text[start..end]` in code points, as the JSON contract counts them.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Checks every span of a contract document against the text it was made from.
pub fn check_offsets(text: &str, doc: &serde_json::Value) {
    let length = text.chars().count();
    assert_eq!(doc["text_length"], length, "text_length");
    let mut text_spans: Vec<&serde_json::Value> = Vec::new();
    for quote in doc["quotes"].as_array().unwrap() {
        text_spans.extend(quote["cue"].as_object().map(|_| &quote["cue"]));
        text_spans.extend(quote["sources"].as_array().unwrap());
        text_spans.extend(quote["contents"].as_array().unwrap());
    }
    text_spans.extend(doc["quantities"].as_array().unwrap());
    text_spans.extend(doc["entities"].as_array().unwrap());
    for span in text_spans {
        let (start, end) = bounds(span);
        assert_eq!(
            slice_chars(text, start, end),
            span["text"].as_str().unwrap(),
            "span {span}"
        );
    }
    for sentence in doc["sentences"].as_array().unwrap() {
        let (_, end) = bounds(sentence);
        assert!(end <= length, "sentence {sentence} past the end ({length})");
    }
}

fn bounds(span: &serde_json::Value) -> (usize, usize) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert!(start <= end, "span {span} ends before it starts");
    (start, end)
}
