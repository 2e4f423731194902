//! The JSON the binary prints follows `schema/analysis.schema.json`, its spans cut the text they name,
//! and on the shipped sample article it finds the quotes a reader finds.

#[path = "support/schema.rs"]
mod schema;
mod support;

use std::path::Path;

use schema::Schema;
use serde_json::Value;
use support::{check_offsets, claimgraph, scratch, write};

fn schema() -> Schema {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/analysis.schema.json");
    let text = std::fs::read_to_string(&path).unwrap();
    Schema::new(serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(schema: &Schema, doc: &Value) {
    let errors = schema.validate(doc);
    assert!(
        errors.is_empty(),
        "{} violations:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Texts written for this test, one per quote construction news uses, plus awkward Unicode.
const TEXTS: [(&str, &str); 6] = [
    (
        "direct",
        "Dock strike spreads\n\n\u{201c}We will not unload a single ship,\u{201d} union leader Ana Ruiz said on Monday.\n",
    ),
    (
        "indirect",
        "The Ministry of Transport said that about 300 trucks were waiting at the border. According to police, at least 12 drivers were detained.\n",
    ),
    (
        "colon",
        "Mayor Tom Hale told reporters:\n\n\"The bridge is safe and will reopen in two weeks.\"\n",
    ),
    (
        "denial-warning",
        "A spokesperson for the Foreign Ministry denied the claims. Officials warned that more than 40 vessels could be affected.\n",
    ),
    (
        "unicode",
        "Zo\u{eb} Kr\u{e1}l \u{1f4f0} said \u{ab}the vote was fair\u{bb}. Le ministre a d\u{e9}clar\u{e9} \u{201e}nichts\u{201c} \u{2014} e\u{301}l dijo.\r\n",
    ),
    ("blank", "   \n\n\t\n"),
];

#[test]
fn output_matches_the_schema_and_spans_cut_the_text() {
    let schema = schema();
    let dir = scratch("schema");
    let mut files = Vec::new();
    for (name, text) in TEXTS {
        files.push((
            write(&dir, &format!("{name}.txt"), text.as_bytes()),
            text.to_owned(),
        ));
    }
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/article.txt");
    let example_text = std::fs::read_to_string(&example).unwrap();
    files.push((example.to_str().unwrap().to_owned(), example_text));

    let args: Vec<&str> = ["analyze", "--format", "jsonl"]
        .into_iter()
        .chain(files.iter().map(|(path, _)| path.as_str()))
        .collect();
    let run = claimgraph(&args, None);
    assert_eq!(run.code, Some(0), "{run:?}");
    let docs = run.json_lines();
    assert_eq!(docs.len(), files.len());
    for (doc, (_, text)) in docs.iter().zip(&files) {
        assert_valid(&schema, doc);
        check_offsets(text, doc);
    }
}

#[test]
fn jsonl_input_with_metadata_matches_the_schema() {
    let schema = schema();
    let dir = scratch("schema_jsonl");
    let line = serde_json::json!({
        "id": "m1",
        "text": TEXTS[1].1,
        "title": "Border queue",
        "published": "2031-04-02T09:00:00Z",
        "source": "Example Wire",
    });
    let file = write(&dir, "meta.jsonl", format!("{line}\n").as_bytes());
    let run = claimgraph(&["analyze", "--format", "json", &file], None);
    assert_eq!(run.code, Some(0), "{run:?}");
    let doc = run.json();
    assert_valid(&schema, &doc);
    assert_eq!(doc["document"]["source"], "Example Wire");
}

#[test]
fn schema_rejects_what_the_contract_forbids() {
    let schema = schema();
    let mut doc = serde_json::json!({
        "id": "x", "text_length": 3, "sentences": [{"start": 0, "end": 3}],
        "quotes": [{"id": "q1", "kind": "direct", "cue": null, "sources": [], "speaker": null,
                    "contents": [{"start": 0, "end": 3, "text": "abc"}], "stance": "assert",
                    "confidence": 0.5, "negated": false, "quantities": []}],
        "quantities": [], "entities": []
    });
    assert_valid(&schema, &doc);
    doc["quotes"][0]["stance"] = "shout".into();
    doc["quotes"][0]["kind"] = "reported".into();
    doc["sentences"][0]["start"] = (-1).into();
    doc["extra"] = true.into();
    assert_eq!(
        schema.validate(&doc).len(),
        4,
        "{:?}",
        schema.validate(&doc)
    );
}

fn speaker_name(quote: &Value) -> &str {
    quote["speaker"]["name"].as_str().unwrap_or("")
}

#[test]
fn sample_article_attributes_the_three_parties() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/samples/chinese-fighters-claim.txt");
    if !sample.exists() {
        eprintln!("skipped: {} is not here", sample.display());
        return;
    }
    let run = claimgraph(
        &["analyze", "--format", "json", sample.to_str().unwrap()],
        None,
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let doc = run.json();
    assert_valid(&schema(), &doc);
    check_offsets(&std::fs::read_to_string(&sample).unwrap(), &doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let described: Vec<String> = quotes
        .iter()
        .map(|q| format!("{} [{}]: {}", speaker_name(q), q["stance"], q["contents"]))
        .collect();
    let described = described.join("\n");

    assert!(
        quotes
            .iter()
            .any(|q| speaker_name(q) == "Volodymyr Zelensky"
                && matches!(q["stance"].as_str(), Some("assert" | "accuse"))),
        "no Zelensky assert/accuse quote in\n{described}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| speaker_name(q) == "Volodymyr Zelensky"
                && q["speaker"]["role"] == "President"
                && q["speaker"]["affiliation"] == "Ukraine"
                && q["sources"][0]["text"] == "He"),
        "the pronoun 'He' does not resolve to President Zelensky of Ukraine in\n{described}"
    );
    assert!(
        quotes.iter().any(|q| speaker_name(q) == "Lin Jian"
            && q["speaker"]["role"] == "Spokesperson"
            && q["speaker"]["affiliation"]
                .as_str()
                .is_some_and(|a| a.contains("Chin"))
            && q["kind"] == "direct"),
        "no direct Lin Jian quote for China in\n{described}"
    );
    assert!(
        quotes.iter().any(|q| q["stance"] == "deny"
            && (speaker_name(q).contains("Chin")
                || q["speaker"]["affiliation"]
                    .as_str()
                    .is_some_and(|a| a.contains("Chin")))),
        "no denial by China in\n{described}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| speaker_name(q) == "Lin Jian" && q["stance"] == "urge"),
        "no urge by Lin Jian in\n{described}"
    );
    assert!(
        quotes
            .iter()
            .any(|q| speaker_name(q).contains("State Department") && q["stance"] == "concern"),
        "no State Department concern quote in\n{described}"
    );
    let quantities = doc["quantities"].as_array().unwrap();
    assert!(
        quantities.iter().any(|n| n["text"] == "at least 155"
            && n["qualifier"] == "at_least"
            && n["value"] == 155.0
            && n["counted"] == "Chinese citizens"),
        "no 'at least 155 Chinese citizens' in {quantities:?}"
    );
}
