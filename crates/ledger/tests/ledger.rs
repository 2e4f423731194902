//! The ledger end to end on texts written here: storing, idempotence, replacement, duplicates,
//! span round trips, queries, exports, schema versions and damaged files.

use std::path::{Path, PathBuf};

use claimgraph_core::contract::document_json;
use claimgraph_core::{Document, Metadata};
use claimgraph_ledger::{
    export, ActorFilter, Error, Ledger, Outcome, Prepared, QuoteFilter, SCHEMA_VERSION,
};
use claimgraph_pipeline::Pipeline;

const DENIAL: &str = "China\u{2019}s foreign ministry spokesman Lin Jian denied that Beijing had sent \
300 soldiers to Russia. \u{201c}These accusations are groundless \u{1f600},\u{201d} Lin Jian said on Tuesday.\n\n\
The State Department said Chinese fighters had been seen near Taiwan.";

const FRONT: &str = "North Korean soldiers are fighting in Kursk, Ukraine's President Volodymyr \
Zelensky said, adding that at least 10,000 troops had arrived. Russia denied the claim.";

const TROOPS: &str = "Ukraine's military intelligence chief Kyrylo Budanov said that 11,000 North \
Korean soldiers had arrived in Kursk. The company said 40 workers were hired.";

fn doc(id: &str, text: &str, url: Option<&str>, published: &str) -> Document {
    Document {
        id: id.to_owned(),
        text: text.to_owned(),
        metadata: Metadata {
            title: Some(format!("Title of {id}")),
            url: url.map(str::to_owned),
            published: Some(published.to_owned()),
            source: Some("Wire".to_owned()),
            ..Metadata::default()
        },
        extracted: false,
    }
}

fn prepare(documents: &[Document]) -> Vec<Prepared> {
    let pipeline = Pipeline::new();
    documents
        .iter()
        .map(|d| Prepared::new(d, &pipeline.analyze(d), "test-1"))
        .collect()
}

fn write(ledger: &mut Ledger, documents: &[Document]) -> Vec<Outcome> {
    ledger
        .write_batch(&prepare(documents))
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    (dir, path)
}

fn stored() -> Outcome {
    Outcome::Stored { duplicate_of: None }
}

#[test]
fn stored_analysis_round_trips_to_the_same_contract_json() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let original = doc("d1", DENIAL, None, "2024-03-05T10:00:00Z");
    assert_eq!(
        write(&mut ledger, std::slice::from_ref(&original)),
        [stored()]
    );
    let analysis = Pipeline::new().analyze(&original);
    let (loaded, loaded_analysis) = ledger.load("d1").unwrap();
    assert_eq!(loaded, original);
    let expected = serde_json::to_value(document_json(&original, &analysis)).unwrap();
    let mut got = serde_json::to_value(document_json(&loaded, &loaded_analysis)).unwrap();
    // Entity recognisers may add fields the ledger does not keep; compare what it does keep.
    if let (Some(got), Some(want)) = (
        got["entities"].as_array_mut(),
        expected["entities"].as_array(),
    ) {
        assert_eq!(got.len(), want.len());
    }
    got["entities"] = expected["entities"].clone();
    assert_eq!(got, expected);
    assert!(!analysis.quotes.is_empty());
    assert!(matches!(ledger.load("nope"), Err(Error::NoSuchDocument(_))));
}

#[test]
fn writing_again_changes_nothing_and_new_text_replaces() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let docs = [
        doc("d1", DENIAL, Some("https://example.com/a"), "2024-03-05"),
        doc("d2", FRONT, None, "2024-01-02"),
    ];
    assert_eq!(write(&mut ledger, &docs), [stored(), stored()]);
    let before = ledger.stats().unwrap();
    let again = write(&mut ledger, &docs);
    assert!(
        again.iter().all(|o| matches!(o, Outcome::Unchanged { .. })),
        "{again:?}"
    );
    // Another id at the same canonical URL, or the same text without a URL, is the same document.
    let same_url = doc(
        "other",
        FRONT,
        Some("HTTPS://www.example.com/a/?utm_source=feed"),
        "x",
    );
    let same_text = doc("d2-copy", FRONT, None, "2024-01-02");
    assert_eq!(
        write(&mut ledger, &[same_url, same_text]),
        [
            Outcome::Unchanged {
                existing: "d1".into()
            },
            Outcome::Unchanged {
                existing: "d2".into()
            }
        ]
    );
    assert_eq!(ledger.stats().unwrap(), before);

    let edited = doc(
        "d2",
        "The minister said the harbour was closed.",
        None,
        "2024-01-03",
    );
    assert_eq!(write(&mut ledger, &[edited]), [Outcome::Replaced]);
    let stats = ledger.stats().unwrap();
    assert_eq!(stats.documents, 2);
    assert!(ledger.search("Kursk", 10, "[", "]").unwrap().is_empty());
    assert_eq!(
        ledger.search("harbour", 10, "[", "]").unwrap()[0].doc_id,
        "d2"
    );
    let quotes = ledger
        .quotes(&QuoteFilter {
            document: Some("d2".into()),
            ..QuoteFilter::default()
        })
        .unwrap();
    assert!(quotes.iter().all(|q| !q.content.contains("Kursk")));
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
}

#[test]
fn copies_and_near_copies_join_one_cluster() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let story = format!("{DENIAL} {FRONT}");
    let near = format!("{story} Reporting by the wire desk; editing by the night team.");
    let docs = [
        doc(
            "first",
            &story,
            Some("https://a.example/story"),
            "2024-03-05",
        ),
        doc(
            "copy",
            &story,
            Some("https://b.example/story"),
            "2024-03-05",
        ),
        doc("near", &near, Some("https://c.example/story"), "2024-03-06"),
        doc(
            "other",
            "The harbour reopened on Monday after repairs, officials said.",
            None,
            "2024-03-07",
        ),
    ];
    let outcomes = write(&mut ledger, &docs);
    let first = Some("first".to_owned());
    assert_eq!(
        outcomes,
        [
            stored(),
            Outcome::Stored {
                duplicate_of: first.clone()
            },
            Outcome::Stored {
                duplicate_of: first
            },
            stored()
        ]
    );
    let stats = ledger.stats().unwrap();
    assert_eq!((stats.duplicate_clusters, stats.duplicates), (1, 2));
    assert_eq!(
        ledger.cluster_members("first").unwrap(),
        ["first", "copy", "near"]
    );
}

#[test]
fn quote_filters_select_by_speaker_stance_topic_date_and_phrase() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    write(
        &mut ledger,
        &[
            doc("d1", DENIAL, None, "2024-03-05T10:00:00Z"),
            doc("d2", FRONT, None, "2024-01-02"),
        ],
    );
    let query = |filter: QuoteFilter| -> Vec<String> {
        ledger
            .quotes(&filter)
            .unwrap()
            .into_iter()
            .map(|q| format!("{}#{}", q.doc_id, q.quote_id))
            .collect()
    };
    let all = query(QuoteFilter::default());
    assert!(all.len() >= 3, "{all:?}");
    let denials = query(QuoteFilter {
        stances: vec!["denies".into()],
        ..Default::default()
    });
    assert!(denials.contains(&"d1#q1".to_owned()), "{denials:?}");
    let lin = query(QuoteFilter {
        speaker: Some("lin".into()),
        ..Default::default()
    });
    assert!(
        !lin.is_empty() && lin.iter().all(|q| q.starts_with("d1")),
        "{lin:?}"
    );
    let march = query(QuoteFilter {
        since: Some("2024-03".into()),
        until: Some("2024-03-05".into()),
        ..Default::default()
    });
    assert!(march.iter().all(|q| q.starts_with("d1")) && !march.is_empty());
    let about = query(QuoteFilter {
        about: Some("Kursk".into()),
        ..Default::default()
    });
    assert_eq!(about, ["d2#q1"]);
    let phrase = query(QuoteFilter {
        text: Some("\"300 soldiers\"".into()),
        ..Default::default()
    });
    assert_eq!(phrase, ["d1#q1"]);
    let limited = query(QuoteFilter {
        limit: Some(1),
        ..Default::default()
    });
    assert_eq!(limited.len(), 1);
    // Hostile strings are values, never SQL or broken FTS syntax.
    for text in [
        "it's 50% -- done",
        "'; DROP TABLE quotes; --",
        "a AND",
        "NEAR(",
        "*",
    ] {
        let result = ledger.quotes(&QuoteFilter {
            text: Some(text.into()),
            ..Default::default()
        });
        assert!(
            matches!(result, Ok(_) | Err(Error::BadQuery { .. })),
            "{text}: {result:?}"
        );
        let by_speaker = ledger.quotes(&QuoteFilter {
            speaker: Some(text.into()),
            ..Default::default()
        });
        assert!(by_speaker.unwrap().is_empty());
    }
    let error = ledger
        .quotes(&QuoteFilter {
            text: Some("\"unbalanced".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        error.to_string().starts_with("invalid search query"),
        "{error}"
    );
    assert!(ledger.search("\"unbalanced", 5, "[", "]").is_err());
    assert_eq!(ledger.stats().unwrap().documents, 2);
}

#[test]
fn actors_count_quotes_by_stance() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    write(&mut ledger, &[doc("d1", DENIAL, None, "2024-03-05")]);
    let actors = ledger.actors(&Default::default()).unwrap();
    let lin = actors.iter().find(|a| a.name == "Lin Jian").unwrap();
    // "denied that …" and "“These accusations are groundless,” Lin Jian said".
    assert_eq!(lin.stances.get("deny"), Some(&2));
    assert_eq!(lin.quotes, lin.stances.values().sum::<u64>());
}

#[test]
fn exports_are_well_formed() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    write(
        &mut ledger,
        &[
            doc(
                "d1",
                DENIAL,
                Some("https://example.com/a?x=<&>"),
                "2024-03-05",
            ),
            doc("d2", FRONT, None, "2024-01-02"),
        ],
    );
    let filter = QuoteFilter::default();
    let quotes = ledger.quotes(&filter).unwrap();

    let mut jsonld = Vec::new();
    export::jsonld(&ledger, &filter, &mut jsonld).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&jsonld).unwrap();
    let graph = value["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), quotes.len());
    assert!(graph
        .iter()
        .all(|n| n["appearance"]["datePublished"].is_string()));
    assert!(graph.iter().any(|n| n["author"]["name"] == "Lin Jian"));

    let mut citron = Vec::new();
    export::citron(&ledger, &filter, &mut citron).unwrap();
    for line in String::from_utf8(citron).unwrap().lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        for quote in doc["quotes"].as_array().unwrap() {
            for span in quote["contents"]
                .as_array()
                .unwrap()
                .iter()
                .chain(quote["sources"].as_array().unwrap())
            {
                let (s, e) = (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                );
                let text: String = chars[s..e].iter().collect();
                assert_eq!(text, span["text"].as_str().unwrap());
            }
        }
    }

    let mut csv = Vec::new();
    export::csv(&ledger, &filter, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("doc_id,quote_id,"));

    let mut graphml = Vec::new();
    export::graphml(&ledger, &filter, &mut graphml).unwrap();
    let graphml = String::from_utf8(graphml).unwrap();
    let (nodes, edges) = check_graphml(&graphml);
    assert!(nodes >= 2 && edges >= 1, "{graphml}");
}

/// Parses a GraphML export as XML and checks what Gephi needs: a `graphml` root in the GraphML
/// namespace, a `key` declared for every `data` used (for the right element), a `graph` with
/// `edgedefault`, unique node ids, and edges between declared nodes. Returns (nodes, edges).
fn check_graphml(xml: &str) -> (usize, usize) {
    use quick_xml::events::Event;
    use std::collections::{HashMap, HashSet};

    let attributes = |e: &quick_xml::events::BytesStart<'_>| -> HashMap<String, String> {
        e.attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect()
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut nodes: HashSet<String> = HashSet::new();
    let mut edges: Vec<(String, String)> = Vec::new();
    let mut graphs = 0;
    let mut saw_root = false;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not XML: {e}"));
        let (element, empty) = match &event {
            Event::Start(e) => (e.clone().into_owned(), false),
            Event::Empty(e) => (e.clone().into_owned(), true),
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                assert!(
                    ["amp", "lt", "gt", "quot", "apos"].contains(&name.as_str())
                        || name.starts_with('#'),
                    "undeclared entity &{name};"
                );
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let name = String::from_utf8(element.name().as_ref().to_vec()).unwrap();
        let attrs = attributes(&element);
        let parent = stack.last().cloned();
        match name.as_str() {
            "graphml" => {
                assert!(parent.is_none(), "graphml must be the root");
                assert_eq!(
                    attrs.get("xmlns").map(String::as_str),
                    Some("http://graphml.graphdrawing.org/xmlns")
                );
                saw_root = true;
            }
            "key" => {
                assert_eq!(parent.as_deref(), Some("graphml"));
                for required in ["id", "for", "attr.name", "attr.type"] {
                    assert!(attrs.contains_key(required), "key without {required}");
                }
                let id = attrs["id"].clone();
                assert!(
                    keys.insert(id.clone(), attrs["for"].clone()).is_none(),
                    "key {id} declared twice"
                );
            }
            "graph" => {
                assert_eq!(parent.as_deref(), Some("graphml"));
                assert!(
                    matches!(
                        attrs.get("edgedefault").map(String::as_str),
                        Some("directed" | "undirected")
                    ),
                    "graph without edgedefault"
                );
                graphs += 1;
            }
            "node" => {
                assert_eq!(parent.as_deref(), Some("graph"));
                let id = attrs.get("id").expect("node without id").clone();
                assert!(nodes.insert(id.clone()), "duplicate node id {id}");
            }
            "edge" => {
                assert_eq!(parent.as_deref(), Some("graph"));
                edges.push((attrs["source"].clone(), attrs["target"].clone()));
            }
            "data" => {
                let key = attrs.get("key").expect("data without key");
                let target = keys
                    .get(key)
                    .unwrap_or_else(|| panic!("data key {key} is not declared"));
                assert_eq!(Some(target.as_str()), parent.as_deref(), "key {key}");
            }
            other => panic!("unexpected element {other}"),
        }
        if !empty {
            stack.push(name);
        }
    }
    assert!(saw_root && stack.is_empty());
    assert_eq!(graphs, 1);
    for (source, target) in &edges {
        assert!(
            nodes.contains(source) && nodes.contains(target),
            "edge {source} -> {target} names a missing node"
        );
    }
    (nodes.len(), edges.len())
}

#[test]
fn reanalysis_replaces_stale_versions_in_place() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    write(&mut ledger, &[doc("d1", DENIAL, None, "2024-03-05")]);
    assert_eq!(
        ledger.stale_documents("test-1", false).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(ledger.stale_documents("test-2", false).unwrap(), ["d1"]);
    let before = ledger.stats().unwrap();
    let (document, _) = ledger.load("d1").unwrap();
    let pipeline = Pipeline::new();
    let prepared = Prepared::new(&document, &pipeline.analyze(&document), "test-2");
    let outcome = ledger.reanalyze_batch(&[prepared]).unwrap();
    assert!(matches!(outcome.as_slice(), [Ok(Outcome::Replaced)]));
    let after = ledger.stats().unwrap();
    assert_eq!(
        (after.quotes, after.documents),
        (before.quotes, before.documents)
    );
    assert_eq!(after.analyzer_versions.get("test-2"), Some(&1));
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
}

#[test]
fn newer_schema_is_refused() {
    let (_dir, path) = temp();
    drop(Ledger::open(&path).unwrap());
    set_version(&path, SCHEMA_VERSION + 7);
    for error in [
        Ledger::open(&path).unwrap_err(),
        Ledger::open_existing(&path).unwrap_err(),
    ] {
        assert_eq!(
            error.to_string(),
            format!(
                "database schema version {} is newer than this claimgraph supports ({SCHEMA_VERSION}); upgrade claimgraph",
                SCHEMA_VERSION + 7
            )
        );
    }
}

/// Sets `PRAGMA user_version` by editing the file header, as a newer claimgraph would have left it.
fn set_version(path: &Path, version: i64) {
    // user_version lives at byte offset 60 of the database header, big-endian.
    let mut bytes = std::fs::read(path).unwrap();
    let be = (version as u32).to_be_bytes();
    bytes[60..64].copy_from_slice(&be);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn an_empty_file_of_schema_zero_is_migrated() {
    let (_dir, path) = temp();
    std::fs::write(&path, b"").unwrap();
    let ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.stats().unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn corrupt_file_gets_a_clear_error_and_is_left_alone() {
    let (_dir, path) = temp();
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    for error in [
        Ledger::open(&path).unwrap_err(),
        Ledger::open_existing(&path).unwrap_err(),
    ] {
        assert!(matches!(error, Error::Corrupt(..)), "{error:?}");
        assert!(error
            .to_string()
            .contains("is not a claimgraph database or is corrupt"));
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn missing_file_is_not_created_by_queries() {
    let (_dir, path) = temp();
    let error = Ledger::open_existing(&path).unwrap_err();
    assert!(matches!(error, Error::Missing(_)));
    assert!(!path.exists());
}

#[test]
fn read_only_file_refuses_writes_but_answers_queries() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = temp();
    {
        let mut ledger = Ledger::open(&path).unwrap();
        write(&mut ledger, &[doc("d1", DENIAL, None, "2024-03-05")]);
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::OpenOptions::new().append(true).open(&path).is_ok() {
        eprintln!("skipped: running with permission to write read-only files (root)");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let error = Ledger::open(&path).unwrap_err();
    assert!(matches!(error, Error::ReadOnly(_)), "{error:?}");
    let ledger = Ledger::open_existing(&path).unwrap();
    assert_eq!(ledger.stats().unwrap().documents, 1);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_reader_sees_whole_batches_while_a_writer_commits() {
    let (_dir, path) = temp();
    drop(Ledger::open(&path).unwrap());
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut ledger = Ledger::open(&writer_path).unwrap();
        for batch in 0..20 {
            let docs: Vec<Document> = (0..10)
                .map(|i| {
                    doc(
                        &format!("b{batch}-{i}"),
                        &format!(
                            "Officials said batch {batch} item {i} was {} boats.",
                            batch * 10 + i
                        ),
                        None,
                        "2024-03-05",
                    )
                })
                .collect();
            write(&mut ledger, &docs);
        }
    });
    let reader = Ledger::open_existing(&path).unwrap();
    let mut last = 0;
    while !writer.is_finished() {
        let documents = reader.stats().unwrap().documents;
        assert!(
            documents >= last && documents.is_multiple_of(10),
            "torn read: {documents}"
        );
        last = documents;
    }
    writer.join().unwrap();
    assert_eq!(reader.stats().unwrap().documents, 200);
}

#[test]
fn numbers_and_countries_answer_the_questions() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    write(
        &mut ledger,
        &[
            doc("d1", DENIAL, None, "2024-03-05"),
            doc("d2", FRONT, None, "2024-01-02"),
            doc("d3", TROOPS, None, "2024-02-01"),
        ],
    );
    let ids = |filter: QuoteFilter| -> Vec<String> {
        ledger
            .quotes(&filter)
            .unwrap()
            .into_iter()
            .map(|q| format!("{}#{}", q.doc_id, q.quote_id))
            .collect()
    };
    // "North Korean soldiers" is a group (NORP) of North Korea: the country finds it.
    let korea = ids(QuoteFilter {
        about: Some("North Korea".into()),
        ..Default::default()
    });
    assert_eq!(korea, ["d3#q1", "d2#q1"]);
    let numbers = ledger
        .quotes(&QuoteFilter {
            about: Some("North Korea".into()),
            with_numbers: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(numbers.len(), 1);
    assert_eq!(numbers[0].quantities[0].value, 11_000.0);
    assert_eq!(
        numbers[0].quantities[0].counted.as_deref(),
        Some("North Korean soldiers")
    );
    let counted = ids(QuoteFilter {
        counted: Some("SOLDIERS".into()),
        ..Default::default()
    });
    assert_eq!(counted, ["d1#q1", "d3#q1"]);
    let korean_soldiers = ids(QuoteFilter {
        counted: Some("soldiers".into()),
        about: Some("North Korea".into()),
        ..Default::default()
    });
    assert_eq!(korean_soldiers, ["d3#q1"]);
    assert!(ids(QuoteFilter {
        counted: Some("tanks".into()),
        ..Default::default()
    })
    .is_empty());
    let with_numbers = ids(QuoteFilter {
        with_numbers: true,
        ..Default::default()
    });
    let all = ledger.quotes(&QuoteFilter::default()).unwrap();
    let expected: Vec<String> = all
        .iter()
        .filter(|q| !q.quantities.is_empty())
        .map(|q| format!("{}#{}", q.doc_id, q.quote_id))
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(with_numbers, expected);
}

#[test]
fn assembled_rows_match_the_stored_analysis() {
    // Many documents, so rows come from several chunks of the set-based assembly.
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let documents: Vec<Document> = (0..40)
        .map(|i| {
            doc(
                &format!("m{i:02}"),
                &format!(
                    "\u{201c}We counted {} boats at pier {i},\u{201d} the harbour master Ona Vale said. \
                     Officials in Norway denied that {} ships had left.",
                    i + 2,
                    i * 3 + 5
                ),
                None,
                &format!("2024-02-{:02}", i % 28 + 1),
            )
        })
        .collect();
    write(&mut ledger, &documents);
    let rows = ledger.quotes(&QuoteFilter::default()).unwrap();
    assert!(rows.len() >= 40);
    for row in &rows {
        let (document, analysis) = ledger.load(&row.doc_id).unwrap();
        let json = document_json(&document, &analysis);
        let quote = json.quotes.iter().find(|q| q.id == row.quote_id).unwrap();
        let spans = |spans: &[claimgraph_ledger::SpanRow]| -> Vec<(usize, usize, String)> {
            spans
                .iter()
                .map(|s| (s.start, s.end, s.text.clone()))
                .collect()
        };
        let want_contents: Vec<(usize, usize, String)> = quote
            .contents
            .iter()
            .map(|s| (s.start, s.end, s.text.clone()))
            .collect();
        assert_eq!(spans(&row.contents), want_contents, "{}", row.quote_id);
        let want_sources: Vec<(usize, usize, String)> = quote
            .sources
            .iter()
            .map(|s| (s.start, s.end, s.text.clone()))
            .collect();
        assert_eq!(spans(&row.sources), want_sources);
        let want_numbers: Vec<String> = json
            .quantities
            .iter()
            .filter(|n| n.quote.as_deref() == Some(quote.id.as_str()))
            .map(|n| n.text.clone())
            .collect();
        let numbers: Vec<String> = row.quantities.iter().map(|n| n.text.clone()).collect();
        assert_eq!(numbers, want_numbers);
    }
}

#[test]
fn unnamed_speakers_are_nominal_and_can_be_left_out() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let text = "The company said it had cut 300 jobs. Officials said the plant would close. \
                Maria Lind, the mayor of Harbourtown, said the town would help.";
    write(&mut ledger, &[doc("n1", text, None, "2024-03-05")]);
    let all = ledger.actors(&ActorFilter::default()).unwrap();
    let kind = |name: &str| {
        all.iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} missing from {all:?}"))
            .kind
            .clone()
    };
    assert_eq!(kind("the company").as_deref(), Some("nominal"));
    assert_eq!(kind("Officials").as_deref(), Some("nominal"));
    assert_eq!(kind("Maria Lind").as_deref(), Some("person"));
    let named = ledger
        .actors(&ActorFilter {
            named_only: true,
            ..Default::default()
        })
        .unwrap();
    let names: Vec<&str> = named.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Maria Lind"]);
}

#[test]
fn reanalysis_reads_only_text_and_metadata() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let original = doc("d1", DENIAL, Some("https://example.com/d1"), "2024-03-05");
    write(&mut ledger, std::slice::from_ref(&original));
    assert_eq!(ledger.load_document("d1").unwrap(), original);
    assert!(matches!(
        ledger.load_document("nope"),
        Err(Error::NoSuchDocument(_))
    ));
}

/// A schema-1 file as the first release wrote it: the shipped v1 SQL, then one document with a
/// quote, its spans, an entity mention and a number, inserted as the v1 writer inserted them.
fn schema_1_file(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../migrations/001_initial.sql"))
        .unwrap();
    conn.execute_batch("PRAGMA user_version = 1").unwrap();
    let text = "The company said 300 North Korean soldiers had crossed the river.";
    conn.execute(
        "INSERT INTO documents (id, url, canonical_url, content_hash, title, published, \
         published_day, source, text, analyzer_version, cluster_id, ingested_at) \
         VALUES ('old1', 'https://example.com/old', 'https://example.com/old', 'h1', 'Old', \
         '2024-04-02', '2024-04-02', 'Wire', ?1, 'v1', 'old1', '2024-04-03T00:00:00Z')",
        [text],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO sentences VALUES (1, 1, 0, 65);
         INSERT INTO entities (doc, char_start, char_end, text, label, canonical, country, actor)
             VALUES (1, 21, 33, 'North Korean', 'NORP', 'North Korean', 'North Korea', 'country:KP');
         INSERT INTO quotes (doc, ordinal, kind, cue_start, cue_end, cue_text, stance, confidence,
             speaker_name, content)
             VALUES (1, 1, 'indirect', 12, 16, 'said', 'assert', 0.8, 'The company',
             '300 North Korean soldiers had crossed the river');
         INSERT INTO quote_sources VALUES (1, 1, 0, 11, 'The company');
         INSERT INTO quote_contents VALUES (1, 1, 17, 64, '300 North Korean soldiers had crossed the river');
         INSERT INTO quote_mentions VALUES (1, 1);
         INSERT INTO quantities (doc, ordinal, char_start, char_end, text, value, qualifier,
             counted, counted_start, counted_end, quote)
             VALUES (1, 1, 17, 20, '300', 300, 'exact', 'North Korean soldiers', 21, 42, 1);",
    )
    .unwrap();
}

#[test]
fn a_schema_1_file_is_migrated_in_place_and_keeps_its_data() {
    let (_dir, path) = temp();
    schema_1_file(&path);
    let ledger = Ledger::open_existing(&path).unwrap();
    let stats = ledger.stats().unwrap();
    assert_eq!(stats.schema_version, SCHEMA_VERSION);
    assert_eq!((stats.documents, stats.quotes, stats.quantities), (1, 1, 1));
    assert_eq!(ledger.integrity_check().unwrap(), "ok");
    let quotes = ledger
        .quotes(&QuoteFilter {
            about: Some("North Korea".into()),
            with_numbers: true,
            counted: Some("soldiers".into()),
            since: Some("2024-04".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(quotes.len(), 1);
    let quote = &quotes[0];
    assert_eq!(quote.speaker.as_deref(), Some("The company"));
    assert_eq!(quote.speaker_kind.as_deref(), Some("nominal"));
    assert_eq!(
        quote.contents[0].text,
        "300 North Korean soldiers had crossed the river"
    );
    assert_eq!(
        quote.quantities[0].counted.as_deref(),
        Some("North Korean soldiers")
    );
    assert_eq!(quote.mentions[0].country.as_deref(), Some("North Korea"));
    let named = ledger
        .actors(&ActorFilter {
            named_only: true,
            ..Default::default()
        })
        .unwrap();
    assert!(named.is_empty(), "{named:?}");
    let (document, analysis) = ledger.load("old1").unwrap();
    assert_eq!(document.metadata.title.as_deref(), Some("Old"));
    assert_eq!(analysis.quotes.len(), 1);
    drop(ledger);
    // Opening again finds nothing left to migrate.
    let mut ledger = Ledger::open(&path).unwrap();
    assert_eq!(ledger.stats().unwrap().quotes, 1);
    write(&mut ledger, &[doc("d2", FRONT, None, "2024-01-02")]);
    assert_eq!(ledger.stats().unwrap().documents, 2);
}

#[test]
fn ranges_keep_their_upper_end() {
    let (_dir, path) = temp();
    let mut ledger = Ledger::open(&path).unwrap();
    let text = "Officials said between 8 and 10 people were hurt.";
    write(&mut ledger, &[doc("r1", text, None, "2024-03-05")]);
    let (_, analysis) = ledger.load("r1").unwrap();
    let range = analysis
        .quantities
        .iter()
        .find(|q| q.span.text(text).starts_with("between"))
        .unwrap();
    assert_eq!((range.value, range.upper), (8.0, Some(10.0)));
    let quotes = ledger.quotes(&QuoteFilter::default()).unwrap();
    let numbers: Vec<_> = quotes
        .iter()
        .flat_map(|q| q.quantities.iter().map(|n| (n.value, n.upper)))
        .collect();
    assert_eq!(numbers, [(8.0, Some(10.0))]);
}
