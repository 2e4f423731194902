//! A small, polite, blocking HTTP fetcher for `http(s)://` inputs.
//!
//! Built on `ureq` 3 (rustls with the `ring` provider, selected by ureq itself, so there is no
//! process-wide provider to install and no path that panics for want of one) rather than `reqwest`
//! blocking: reqwest's blocking client runs a tokio runtime on a background thread and brings hyper,
//! h2 and tower into a build that only ever needs one sequential request at a time, while ureq is
//! synchronous by design and lets redirects be followed by hand, which is where robots.txt is checked
//! for every hop and loops are told apart from long chains.
//!
//! Politeness: a clear User-Agent, robots.txt obeyed (fetched once per origin and cached, its
//! Crawl-delay honoured), at most one request per `min_interval` per host. Safety: connect and total
//! timeouts, at most `max_redirects` hops, bodies cut at the size limit (refused up front when
//! Content-Length says so), and only HTML, feed, JSON and plain-text media types read.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use texting_robots::Robot;
use ureq::Agent;
use url::Url;

use crate::html::{is_html_type, media_type};
use crate::open::too_large;

/// How URLs are fetched.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Sent with every request; also the name robots.txt rules are matched against (up to `/`).
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// Whole request, body included.
    pub timeout: Duration,
    pub max_redirects: u32,
    /// Least time between two requests to one host.
    pub min_interval: Duration,
    /// Obey robots.txt (turn off only for your own servers).
    pub respect_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: format!(
                "claimgraph/{} (+{})",
                env!("CARGO_PKG_VERSION"),
                env!("CARGO_PKG_REPOSITORY")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            min_interval: Duration::from_secs(1),
            respect_robots: true,
        }
    }
}

/// A successful answer.
pub(crate) struct Fetched {
    /// The URL after redirects.
    pub(crate) url: String,
    pub(crate) content_type: Option<String>,
    pub(crate) body: Vec<u8>,
}

/// What robots.txt says for one origin.
enum Robots {
    AllowAll,
    DisallowAll(&'static str),
    /// The host could not be reached for robots.txt, so (RFC 9309) nothing is fetched; the
    /// transport error is what the user needs to hear, not a robots verdict.
    Unreachable(String),
    Rules(Box<Robot>),
}

/// A client with its per-host state: robots rules and the time of the last request.
pub(crate) struct Fetcher {
    agent: Agent,
    options: FetchOptions,
    robots: HashMap<String, Robots>,
    last_request: HashMap<String, Instant>,
}

/// Crawl-delays above this are capped: a page request should not stall a run for minutes.
const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);
/// robots.txt files are small; a huge one is not worth reading.
const MAX_ROBOTS_BYTES: u64 = 512 << 10;

impl Fetcher {
    pub(crate) fn new(options: FetchOptions) -> Fetcher {
        let agent = Agent::config_builder()
            .user_agent(options.user_agent.as_str())
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .build()
            .new_agent();
        Fetcher {
            agent,
            options,
            robots: HashMap::new(),
            last_request: HashMap::new(),
        }
    }

    /// Fetches `url`, following redirects by hand; the error is the diagnostic message.
    pub(crate) fn fetch(&mut self, url: &str, max_bytes: u64) -> Result<Fetched, String> {
        let mut current = Url::parse(url).map_err(|error| format!("invalid URL: {error}"))?;
        let mut visited = vec![current.clone()];
        loop {
            if !matches!(current.scheme(), "http" | "https") {
                return Err(format!(
                    "unsupported URL: only http and https are fetched, not {}",
                    current.scheme()
                ));
            }
            if self.options.respect_robots {
                self.check_robots(&current)?;
            }
            self.wait_turn(&current);
            let mut response = self
                .agent
                .get(current.as_str())
                .call()
                .map_err(|error| describe_error(&error, &self.options))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|value| value.to_str().ok())
                    .ok_or_else(|| format!("HTTP error: status {status} without a Location"))?;
                let next = current.join(location).map_err(|error| {
                    format!("HTTP error: bad redirect target {location:?}: {error}")
                })?;
                if visited.contains(&next) {
                    return Err(format!("redirect loop: {current} leads back to {next}"));
                }
                if visited.len() > self.options.max_redirects as usize {
                    return Err(format!(
                        "too many redirects: more than {}",
                        self.options.max_redirects
                    ));
                }
                visited.push(next.clone());
                current = next;
                continue;
            }
            if !status.is_success() {
                return Err(format!("HTTP error: status {status}"));
            }
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            if let Some(content_type) = &content_type {
                let (essence, _) = media_type(content_type);
                if !is_readable_type(&essence) {
                    return Err(format!("not a page or feed: serves {essence}"));
                }
            }
            let declared = response
                .headers()
                .get("content-length")
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.trim().parse::<u64>().ok());
            if let Some(length) = declared.filter(|&length| length > max_bytes) {
                return Err(too_large(length, max_bytes));
            }
            let mut body = Vec::new();
            response
                .body_mut()
                .as_reader()
                .take(max_bytes.saturating_add(1))
                .read_to_end(&mut body)
                .map_err(|error| match error.kind() {
                    std::io::ErrorKind::TimedOut => self.timed_out(),
                    _ => format!("read error: {error}"),
                })?;
            if body.len() as u64 > max_bytes {
                return Err(format!("too large: over the {max_bytes}-byte limit"));
            }
            return Ok(Fetched {
                url: current.to_string(),
                content_type,
                body,
            });
        }
    }

    fn timed_out(&self) -> String {
        format!(
            "timed out: no complete answer within {} s",
            self.options.timeout.as_secs_f32()
        )
    }

    /// Sleeps until this host may be asked again.
    fn wait_turn(&mut self, url: &Url) {
        let host = url.host_str().unwrap_or_default().to_owned();
        let mut interval = self.options.min_interval;
        if let Some(Robots::Rules(robot)) = self.robots.get(&origin(url)) {
            if let Some(delay) = robot.delay.filter(|d| d.is_finite() && *d > 0.0) {
                interval = interval.max(Duration::from_secs_f32(delay).min(MAX_CRAWL_DELAY));
            }
        }
        if let Some(last) = self.last_request.get(&host) {
            let since = last.elapsed();
            if since < interval {
                std::thread::sleep(interval - since);
            }
        }
        self.last_request.insert(host, Instant::now());
    }

    /// Refuses URLs robots.txt disallows, fetching the origin's robots.txt the first time.
    fn check_robots(&mut self, url: &Url) -> Result<(), String> {
        let key = origin(url);
        if !self.robots.contains_key(&key) {
            let rules = self.fetch_robots(url);
            self.robots.insert(key.clone(), rules);
        }
        match self.robots.get(&key) {
            Some(Robots::Rules(robot)) if !robot.allowed(url.as_str()) => Err(format!(
                "blocked by robots.txt: {key}/robots.txt disallows {}",
                url.path()
            )),
            Some(Robots::DisallowAll(why)) => Err(format!("blocked by robots.txt: {why}")),
            Some(Robots::Unreachable(why)) => Err(why.clone()),
            _ => Ok(()),
        }
    }

    /// RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx, network
    /// failure) means the site cannot say, so nothing is fetched.
    fn fetch_robots(&mut self, url: &Url) -> Robots {
        let Ok(robots_url) = url.join("/robots.txt") else {
            return Robots::AllowAll;
        };
        self.wait_turn(url);
        let mut response = match self.agent.get(robots_url.as_str()).call() {
            Ok(response) => response,
            Err(error) => return Robots::Unreachable(describe_error(&error, &self.options)),
        };
        let status = response.status();
        if status.is_client_error() || status.is_redirection() {
            return Robots::AllowAll;
        }
        if !status.is_success() {
            return Robots::DisallowAll("robots.txt answered with a server error");
        }
        let mut body = Vec::new();
        if response
            .body_mut()
            .as_reader()
            .take(MAX_ROBOTS_BYTES)
            .read_to_end(&mut body)
            .is_err()
        {
            return Robots::DisallowAll("robots.txt could not be read");
        }
        let token = robots_token(&self.options.user_agent);
        match Robot::new(&token, &body) {
            Ok(robot) => Robots::Rules(Box::new(robot)),
            Err(_) => Robots::AllowAll,
        }
    }
}

/// The product token robots.txt groups are matched against: `claimgraph/0.1 (+…)` → `claimgraph`.
fn robots_token(user_agent: &str) -> String {
    user_agent
        .split(['/', ' '])
        .next()
        .unwrap_or(user_agent)
        .to_owned()
}

fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// Pages, feeds and the text types servers use for them; everything else is not an article.
fn is_readable_type(essence: &str) -> bool {
    is_html_type(essence)
        || essence.is_empty()
        || matches!(
            essence,
            "text/plain" | "application/json" | "application/feed+json" | "text/xml"
        )
        || essence.ends_with("+xml")
        || essence == "application/xml"
}

fn describe_error(error: &ureq::Error, options: &FetchOptions) -> String {
    match error {
        ureq::Error::Timeout(_) => format!(
            "timed out: no complete answer within {} s",
            options.timeout.as_secs_f32()
        ),
        ureq::Error::HostNotFound => "connection failed: host not found".to_owned(),
        ureq::Error::ConnectionFailed => "connection failed: could not connect".to_owned(),
        ureq::Error::Io(io) => format!("connection failed: {io}"),
        other => format!("request failed: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agent_names_the_project_and_token_is_its_product() {
        let options = FetchOptions::default();
        assert!(options.user_agent.starts_with("claimgraph/"));
        assert_eq!(robots_token(&options.user_agent), "claimgraph");
    }

    #[test]
    fn readable_types() {
        assert!(is_readable_type("text/html"));
        assert!(is_readable_type("application/atom+xml"));
        assert!(!is_readable_type("application/octet-stream"));
        assert!(!is_readable_type("image/png"));
    }
}
