//! Fetching URLs from a tiny HTTP server on 127.0.0.1 that each test starts for itself.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use claimgraph_sources::{FetchOptions, InputFormat, Inputs, Item, Options, Source};
use common::*;

/// What the test server answers for one path.
struct Reply {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    delay: Duration,
}

impl Reply {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: "200 OK",
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    fn status(status: &'static str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "text/html".to_owned())],
            body: b"<html><body>nothing here</body></html>".to_vec(),
            delay: Duration::ZERO,
        }
    }

    fn redirect(to: &str) -> Reply {
        Reply {
            status: "302 Found",
            headers: vec![("Location", to.to_owned())],
            body: Vec::new(),
            delay: Duration::ZERO,
        }
    }
}

/// A server that answers at most `limit` connections, one at a time, then stops; returns its base
/// URL and the paths it was asked for.
fn serve(
    limit: usize,
    route: impl Fn(&str) -> Reply + Send + 'static,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    thread::spawn(move || {
        for stream in listener.incoming().take(limit) {
            let Ok(stream) = stream else { continue };
            let _ = answer(stream, &route, &log);
        }
    });
    (base, seen)
}

fn answer(
    mut stream: TcpStream,
    route: &impl Fn(&str) -> Reply,
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("user-agent:") {
            user_agent = value.trim().to_owned();
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    log.lock().unwrap().push(format!("{path} {user_agent}"));
    let reply = route(&path);
    thread::sleep(reply.delay);
    let mut head = format!(
        "HTTP/1.1 {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&reply.body)?;
    stream.flush()
}

fn options() -> Options {
    Options {
        fetch: FetchOptions {
            min_interval: Duration::ZERO,
            timeout: Duration::from_secs(5),
            ..FetchOptions::default()
        },
        ..Options::default()
    }
}

fn fetch_with(url: String, options: Options) -> Vec<Item> {
    Inputs::with_options(
        vec![Source::from_arg(url.as_str())],
        InputFormat::Auto,
        options,
    )
    .collect()
}

fn fetch(url: String) -> Vec<Item> {
    fetch_with(url, options())
}

fn no_robots(path: &str) -> Option<Reply> {
    (path == "/robots.txt").then(|| Reply::status("404 Not Found"))
}

#[test]
fn page_is_fetched_extracted_and_named_by_its_url() {
    let (base, seen) = serve(4, |path| {
        no_robots(path)
            .unwrap_or_else(|| Reply::ok("text/html; charset=utf-8", article_html("Pier")))
    });
    let url = format!("{base}/news/pier");
    let items = fetch(url.clone());
    assert_eq!(describe(&items), [format!("doc {url}")]);
    let doc = docs(&items)[0];
    assert!(doc.extracted);
    assert!(doc.text.contains("steel supports"));
    assert_eq!(doc.metadata.url.as_deref(), Some(url.as_str()));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen[0].starts_with("/robots.txt claimgraph/"), "{seen:?}");
    assert!(seen[1].starts_with("/news/pier claimgraph/"), "{seen:?}");
}

#[test]
fn feed_url_yields_its_items() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply::ok("application/rss+xml", rss("Gazette")))
    });
    let items = fetch(format!("{base}/feed"));
    assert_eq!(docs(&items).len(), 2, "{:?}", describe(&items));
    assert!(docs(&items)[0].id.starts_with(&format!("{base}/feed#")));
    assert_eq!(
        docs(&items)[0].metadata.url.as_deref(),
        Some("https://gazette.example/pier")
    );
}

#[test]
fn not_found_names_the_status() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply::status("404 Not Found"))
    });
    let url = format!("{base}/missing");
    assert_eq!(
        describe(&fetch(url.clone())),
        [format!("failed {url}: HTTP error: status 404 Not Found")]
    );
}

#[test]
fn server_error_names_the_status() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply::status("503 Service Unavailable"))
    });
    let url = format!("{base}/busy");
    assert_eq!(
        describe(&fetch(url.clone())),
        [format!(
            "failed {url}: HTTP error: status 503 Service Unavailable"
        )]
    );
}

#[test]
fn redirects_are_followed_and_loops_stopped() {
    let (base, _) = serve(20, |path| {
        no_robots(path).unwrap_or_else(|| match path {
            "/old" => Reply::redirect("/new"),
            "/new" => Reply::ok("text/html", article_html("Moved")),
            "/a" => Reply::redirect("/b"),
            "/b" => Reply::redirect("/a"),
            other => {
                let n: u32 = other.trim_start_matches("/chain").parse().unwrap_or(0);
                Reply::redirect(&format!("/chain{}", n + 1))
            }
        })
    });
    let items = fetch(format!("{base}/old"));
    assert_eq!(
        docs(&items)[0].metadata.url.as_deref(),
        Some(format!("{base}/new").as_str())
    );

    let url = format!("{base}/a");
    assert_eq!(
        describe(&fetch(url.clone())),
        [format!(
            "failed {url}: redirect loop: {base}/b leads back to {base}/a"
        )]
    );
    let url = format!("{base}/chain0");
    assert_eq!(
        describe(&fetch(url.clone())),
        [format!("failed {url}: too many redirects: more than 5")]
    );
}

#[test]
fn slow_server_times_out() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply {
            delay: Duration::from_secs(3),
            ..Reply::ok("text/html", article_html("Slow"))
        })
    });
    let mut options = options();
    options.fetch.timeout = Duration::from_millis(300);
    let url = format!("{base}/slow");
    let started = Instant::now();
    let items = fetch_with(url.clone(), options);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        describe(&items),
        [format!(
            "failed {url}: timed out: no complete answer within 0.3 s"
        )]
    );
}

#[test]
fn binary_content_is_refused() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply::ok("application/octet-stream", vec![0u8; 64]))
    });
    let url = format!("{base}/blob");
    assert_eq!(
        describe(&fetch(url.clone())),
        [format!(
            "failed {url}: not a page or feed: serves application/octet-stream"
        )]
    );
}

#[test]
fn oversized_body_is_refused_from_its_length() {
    let (base, _) = serve(4, |path| {
        no_robots(path).unwrap_or_else(|| Reply::ok("text/html", vec![b'a'; 5000]))
    });
    let mut options = options();
    options.max_bytes = 1000;
    let url = format!("{base}/big");
    assert_eq!(
        describe(&fetch_with(url.clone(), options)),
        [format!(
            "failed {url}: too large: 5000 bytes, over the 1000-byte limit"
        )]
    );
}

#[test]
fn robots_txt_disallow_is_obeyed_and_cached() {
    let (base, seen) = serve(6, |path| match path {
        "/robots.txt" => Reply::ok(
            "text/plain",
            "User-agent: *\nAllow: /\n\nUser-agent: claimgraph\nDisallow: /private\n",
        ),
        _ => Reply::ok("text/html", article_html("Open")),
    });
    let private = format!("{base}/private/report");
    let open = format!("{base}/public");
    let items: Vec<Item> = Inputs::with_options(
        vec![Source::Url(private.clone()), Source::Url(open.clone())],
        InputFormat::Auto,
        options(),
    )
    .collect();
    assert_eq!(
        describe(&items),
        [
            format!("failed {private}: blocked by robots.txt: {base}/robots.txt disallows /private/report"),
            format!("doc {open}"),
        ]
    );
    let seen = seen.lock().unwrap();
    let paths: Vec<&str> = seen.iter().map(|s| s.split(' ').next().unwrap()).collect();
    assert_eq!(paths, ["/robots.txt", "/public"]);
}

#[test]
fn requests_to_one_host_are_spaced() {
    let (base, _) = serve(6, |path| {
        no_robots(path).unwrap_or_else(|| Reply::ok("text/plain", "Words."))
    });
    let mut options = options();
    options.fetch.min_interval = Duration::from_millis(200);
    let started = Instant::now();
    let items: Vec<Item> = Inputs::with_options(
        vec![
            Source::Url(format!("{base}/1")),
            Source::Url(format!("{base}/2")),
        ],
        InputFormat::Auto,
        options,
    )
    .collect();
    // robots.txt, /1, /2: two waits.
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(docs(&items).len(), 2, "{:?}", describe(&items));
    assert_eq!(docs(&items)[0].text, "Words.");
    assert!(!docs(&items)[0].extracted);
}

#[test]
fn unreachable_host_fails_quickly() {
    // Bind then drop a listener so the port is very likely closed.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let mut options = options();
    options.fetch.respect_robots = false;
    let described = describe(&fetch_with(url.clone(), options));
    assert_eq!(described.len(), 1);
    assert!(
        described[0].starts_with(&format!("failed {url}: connection failed")),
        "{described:?}"
    );
}
