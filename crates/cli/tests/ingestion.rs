//! A folder mixing every input format goes through `analyze` and `ingest` in one command:
//! documents extracted with their metadata, syndicated copies clustered, other languages skipped,
//! broken items reported while the rest goes on.

mod support;

use std::io::Write;

use support::{check_offsets, claimgraph, scratch, write};

const STORY: [&str; 3] = [
    "The harbour authority of Vestby said on Tuesday that at least 40 fishing boats had been \
damaged by the storm that swept the coast overnight, and that repairs would take several weeks.",
    "\u{201c}We have never seen waves like these in thirty years,\u{201d} said Ingrid Solberg, the \
authority's director, who added that no one had been hurt and that the port would reopen on Friday.",
    "Fishermen's associations urged the government to release emergency funds, warning that many \
small crews could not afford to wait for insurance payments before the winter season begins.",
];

fn page(title: &str, site: &str, url: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {site}</title>\
<meta property=\"og:site_name\" content=\"{site}\"><link rel=\"canonical\" href=\"{url}\">\
<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+01:00\"></head>\
<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>\n{body}</article>\
<footer>Copyright {site}. All rights reserved.</footer></body></html>"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn warc_record(uri: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:3f7a0c1e-0000-4000-8000-000000000001>\r\n\
WARC-Date: 2024-03-06T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n\
Content-Length: {}\r\n\r\n",
        http.len()
    );
    gzip(format!("{head}{http}\r\n\r\n").as_bytes())
}

/// Builds the mixed folder and returns its path.
fn mixed_folder(test: &str) -> std::path::PathBuf {
    let dir = scratch(test);
    let story = STORY.join("\n\n");
    write(
        &dir,
        "notes.txt",
        format!("Storm damages boats\n\n{story}\n").as_bytes(),
    );
    write(
        &dir,
        "wire.html",
        page(
            "Storm damages 40 boats in Vestby",
            "Coast Wire",
            "https://wire.example/storm",
            &STORY,
        )
        .as_bytes(),
    );
    let mut edited = STORY.to_vec();
    edited.push("This story was updated with comments from fishermen's associations.");
    let copy = page(
        "Vestby storm: boats damaged",
        "Daily Fjord",
        "https://fjord.example/a/1",
        &edited,
    );
    write(&dir, "copy.html.gz", &gzip(copy.as_bytes()));
    let french = page(
        "Tempête sur la côte",
        "Le Quotidien",
        "https://quotidien.example/tempete",
        &[
            "Les autorités portuaires ont déclaré mardi qu'au moins quarante bateaux de pêche avaient été endommagés par la tempête qui a balayé la côte pendant la nuit.",
            "Selon la directrice, personne n'a été blessé et le port rouvrira vendredi, mais les réparations prendront plusieurs semaines et coûteront cher aux pêcheurs.",
            "Les associations de pêcheurs ont demandé au gouvernement de débloquer des fonds d'urgence avant le début de la saison d'hiver, qui s'annonce difficile.",
        ],
    );
    write(&dir, "french.html", french.as_bytes());
    let item = |guid: &str, title: &str, paragraphs: &[&str]| {
        let html: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<item><guid>{guid}</guid><title>{title}</title><link>https://feed.example/{guid}</link>\
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[{html}]]></description></item>"
        )
    };
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed Example</title><language>en</language>{}{}</channel></rss>",
        item("storm", "Storm damages boats", &STORY),
        item(
            "budget",
            "Council passes budget",
            &["The town council of Vestby passed its budget on Monday after a long debate, the mayor said, \
calling it a fair compromise between schools, roads and the harbour."],
        ),
    );
    write(&dir, "feed.rss", feed.as_bytes());
    write(
        &dir,
        "broken-feed.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>cut off",
    );
    write(
        &dir,
        "lines.jsonl",
        concat!(
            "{\"id\": \"j1\", \"text\": \"The mayor said the harbour would reopen on Friday.\", \"source\": \"Town Hall\"}\n",
            "{\"id\": \"j2\", \"text\": \n"
        )
        .as_bytes(),
    );
    let crawled = page("Mayor praises rescue crews", "Vestby Post", "https://post.example/crews", &[
        "The mayor of Vestby praised the rescue crews on Wednesday, saying they had worked through the night to secure boats and clear the roads after the storm.",
        "Officials said the cost of the damage was still being counted, but that early estimates ran to more than 2 million kroner for the harbour alone.",
    ]);
    std::fs::create_dir_all(dir.join("crawl")).unwrap();
    write(
        &dir.join("crawl"),
        "part-0.warc.gz",
        &warc_record("https://post.example/crews", &crawled),
    );
    // No extension: the content says it is a page.
    write(
        &dir,
        "saved-page",
        page(
            "Storm damages 40 boats in Vestby",
            "Coast Wire",
            "https://wire.example/storm",
            &STORY,
        )
        .as_bytes(),
    );
    dir
}

#[test]
fn a_mixed_folder_is_analysed_in_one_command() {
    let dir = mixed_folder("mixed_analyze");
    let run = claimgraph(
        &[
            "analyze",
            "--format",
            "jsonl",
            "--summary",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        run.code,
        Some(1),
        "two broken items must fail the run: {}",
        run.stderr
    );
    let docs = run.json_lines();
    // Files are named by their path, feed items and WARC records by stable ids: find them by the
    // name, title or URL they carry.
    let by_id = |key: &str| {
        docs.iter()
            .find(|d| {
                [&d["id"], &d["document"]["title"], &d["document"]["url"]]
                    .iter()
                    .any(|v| v.as_str().is_some_and(|s| s.contains(key)))
            })
            .unwrap_or_else(|| panic!("no document {key}: {}", run.stdout))
    };
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(docs.len(), 8, "{ids:?}\n{}", run.stderr);

    let wire = by_id("wire");
    let text = wire["text"]
        .as_str()
        .expect("extracted pages carry their text");
    assert!(text.contains("at least 40 fishing boats"), "{text}");
    assert!(
        !text.contains("All rights reserved"),
        "boilerplate left in: {text}"
    );
    check_offsets(text, wire);
    assert_eq!(wire["document"]["site"], "Coast Wire");
    assert_eq!(wire["document"]["url"], "https://wire.example/storm");
    assert_eq!(wire["document"]["language"], "eng");
    assert!(wire["document"]["published"]
        .as_str()
        .unwrap()
        .starts_with("2024-03-05"));
    let director = wire["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["speaker"]["name"] == "Ingrid Solberg")
        .expect("the director's quote is attributed");
    assert_eq!(director["kind"], "direct");

    // The first copy of the story in reading order (sorted paths) heads the cluster.
    let head = by_id("copy");
    assert!(head.get("duplicate").is_none());
    for copy in ["notes", "wire", "saved-page", "feed.example/storm"] {
        let doc = by_id(copy);
        assert_eq!(doc["duplicate"]["of"], head["id"], "{copy}: {doc}");
    }
    assert!(by_id("feed.example/budget").get("duplicate").is_none());
    assert_eq!(by_id("j1")["document"]["source"], "Town Hall");
    assert!(by_id("post.example/crews")["text"]
        .as_str()
        .unwrap()
        .contains("rescue crews"));

    assert!(run.stderr.contains("broken-feed.xml"), "{}", run.stderr);
    assert!(run.stderr.contains("lines.jsonl:2"), "{}", run.stderr);
    assert!(run.stderr.contains("language fra"), "{}", run.stderr);
    let summary = run.stderr.lines().last().unwrap_or_default();
    assert!(summary.contains("1 skipped as not English"), "{summary}");
    assert!(summary.contains("2 failed"), "{summary}");
    assert!(summary.contains("4 duplicates"), "{summary}");
}

#[test]
fn a_mixed_folder_is_ingested_with_one_cluster_per_story() {
    let dir = mixed_folder("mixed_ingest");
    let db = scratch("mixed_ingest_ledger").join("ledger.db");
    let db = db.to_str().unwrap();
    let source = dir.to_str().unwrap();
    let run = claimgraph(&["ingest", "--db", db, source], None);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let stats = claimgraph(&["stats", "--db", db, "--format", "json"], None).json();
    // `saved-page` is `wire.html` saved again: same canonical URL, so the same document.
    assert_eq!(stats["documents"], 7, "{stats}");
    assert_eq!(stats["duplicate_clusters"], 1, "{stats}");
    let again = claimgraph(&["ingest", "--db", db, source], None);
    assert!(again.stderr.contains("0 stored"), "{}", again.stderr);
    let quotes = claimgraph(
        &[
            "quotes",
            "--db",
            db,
            "--speaker",
            "Solberg",
            "--format",
            "json",
        ],
        None,
    )
    .json();
    assert!(!quotes.as_array().unwrap().is_empty(), "{quotes}");
}
