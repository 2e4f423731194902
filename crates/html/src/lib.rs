//! HTML pages to article text and metadata.
//!
//! [`extract`] decodes the bytes ([`decode`]: BOM, declared charset, `<meta>`, then Firefox's
//! detector `chardetng`), finds the main content with `trafilatura` and renders it as plain text
//! with paragraphs separated by blank lines (the text of its cleaned HTML, which keeps the
//! paragraph structure its own plain-text output flattens).
//!
//! Trafilatura runs with its readability/justext comparison on (its default outside "fast" mode):
//! on the 181-page article-extraction benchmark that scores shingle-F1 0.962 at ~11 ms/page,
//! against 0.959 at ~5.5 ms/page without it. When trafilatura still finds no text, `dom_smoothie`
//! (a Readability.js port with its own candidate scoring, F1 0.951 alone) is tried; running it on
//! every page and preferring it when its text is twice as long scored 0.961, no better than
//! trafilatura's own comparison, so it stays a fallback only.
//!
//! Metadata comes from trafilatura (title, author, site name, canonical URL, date), with a
//! declared `<meta>`/JSON-LD timestamp on the same day supplying the time and offset, and the
//! language from `whatlang` on the extracted text.
//!
//! Pages over 32 MiB are refused before parsing, and pages nesting elements deeper than 256
//! before extraction: both would otherwise tie a worker up for minutes.

mod charset;
mod dates;
mod fragment;

use dates::Stamp;

/// Largest page [`extract`] parses; real articles are far smaller, and parsing cost grows with size.
const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Deepest element nesting [`extract`] accepts. Trafilatura's tree walks grow much faster than
/// linearly with depth (5,000 nested `<div>`s take seconds, 20,000 minutes); the 181 benchmark
/// pages nest at most 51 deep.
const MAX_DEPTH: usize = 256;

/// Characters of text given to language identification (its accuracy saturates long before).
const LANGUAGE_SAMPLE_CHARS: usize = 4000;

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct PageHint<'a> {
    pub url: Option<&'a str>,
    /// Charset from an HTTP Content-Type header or feed/WARC header, if any.
    pub charset: Option<&'a str>,
}

/// An extracted article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// RFC 3339 (e.g. "2024-03-05T00:00:00Z" or with offset), None when unknown or implausible.
    pub published: Option<String>,
    pub site: Option<String>,
    /// Canonical URL (link rel=canonical / og:url), else the hint url.
    pub url: Option<String>,
    /// ISO 639-3 code from whatlang ("eng"), None when unreliable.
    pub language: Option<String>,
}

/// Why a page yields no article.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("no article text found in the page")]
    NoContent,
    #[error("page of {bytes} bytes is over the {limit}-byte limit; not parsed")]
    TooLarge { bytes: usize, limit: usize },
    #[error("page markup nests deeper than {limit} elements; not extracted")]
    TooDeep { limit: usize },
}

/// Extracts the main article text and metadata of an HTML page.
pub fn extract(bytes: &[u8], hint: &PageHint) -> Result<Page, HtmlError> {
    if bytes.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let (html, _) = decode(bytes, hint.charset);
    let html = separate_blocks(&html);
    let base = hint
        .url
        .and_then(|url| url::Url::parse(url.trim()).ok())
        .filter(|url| matches!(url.scheme(), "http" | "https"));

    let document = trafilatura::dom::Document::parse(&html);
    if nests_deeper_than(&document, MAX_DEPTH) {
        return Err(HtmlError::TooDeep { limit: MAX_DEPTH });
    }
    let stamps = published_stamps(&document);
    let mut options = trafilatura::Options::default();
    options.exclude_comments = true;
    options.enable_fallback = true;
    // The default (extensive) date search ends in a scan of the whole source that returns
    // copyright years and other loose patterns as January 1st; `Fast` still reads URL paths,
    // meta tags, JSON-LD, `<time>` and date-classed elements.
    options.html_date_mode = trafilatura::HtmlDateMode::Fast;
    options.original_url = base.clone();
    let mut page = Page::default();
    if let Ok(result) = trafilatura::extract_document(document, &options) {
        let meta = result.metadata;
        page.text = fragment::fragment_text(&result.content_html);
        page.title = non_empty(meta.title);
        page.byline = non_empty(meta.author);
        page.site = non_empty(meta.sitename);
        page.url = non_empty(meta.url);
        page.published = published(meta.date.map(Stamp::Day), &stamps);
    }
    if !has_words(&page.text) {
        fallback(&html, base.as_ref(), &mut page);
    }
    if !has_words(&page.text) {
        return Err(HtmlError::NoContent);
    }
    if page.published.is_none() {
        page.published = published(None, &stamps);
    }
    if page.url.is_none() {
        page.url = base.map(String::from);
    }
    drop_leading_title(&mut page);
    page.language = language(&page.text);
    Ok(page)
}

/// Block elements whose end closes a paragraph of text.
const BLOCK_ENDS: [&str; 16] = [
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
];

/// `html` with a line break after every closing block tag that is not followed by whitespace.
/// trafilatura joins the text of adjacent paragraphs when minified markup has no whitespace
/// between them (`…confirmed.</p><p>Residents…` became `confirmed.Residents`), which runs two
/// sentences and two paragraphs into one; whitespace between blocks renders the same in a browser.
fn separate_blocks(html: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = html.get(search..).and_then(|rest| rest.find("</")) {
        let tag_start = search + found + 2;
        let Some(tag_len) = html.get(tag_start..).and_then(|rest| rest.find('>')) else {
            break;
        };
        let close = tag_start + tag_len + 1;
        let name = html
            .get(tag_start..tag_start + tag_len)
            .unwrap_or("")
            .trim();
        let is_block = BLOCK_ENDS.iter().any(|b| b.eq_ignore_ascii_case(name));
        let followed_by_space = html
            .get(close..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(char::is_whitespace);
        if is_block && !followed_by_space {
            out.push_str(html.get(copied..close).unwrap_or(""));
            out.push('\n');
            copied = close;
        }
        search = close;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or(""));
    std::borrow::Cow::Owned(out)
}

fn nests_deeper_than(document: &trafilatura::dom::Document, limit: usize) -> bool {
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((id, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            document
                .children(id)
                .into_iter()
                .map(|child| (child, depth + 1)),
        );
    }
    false
}

/// Fills `page` from `dom_smoothie`, keeping any metadata trafilatura already found.
fn fallback(html: &str, base: Option<&url::Url>, page: &mut Page) {
    let Ok(mut readability) =
        dom_smoothie::Readability::new(html, base.map(url::Url::as_str), None)
    else {
        return;
    };
    let Ok(article) = readability.parse() else {
        return;
    };
    page.text = fragment::fragment_text(&article.content);
    page.title = page.title.take().or_else(|| non_empty(article.title));
    page.byline = page.byline.take().or(article.byline.and_then(non_empty));
    page.site = page.site.take().or(article.site_name.and_then(non_empty));
    page.url = page.url.take().or(article
        .url
        .filter(|url| url.starts_with("http://") || url.starts_with("https://")));
    if page.published.is_none() {
        let stamp = article.published_time.as_deref().and_then(dates::parse);
        page.published = published(stamp, &[]);
    }
}

/// Timestamps the page declares for its publication, in order of trust.
fn published_stamps(document: &trafilatura::dom::Document) -> Vec<Stamp> {
    const META: &str = "meta[property='article:published_time'], \
        meta[name='article:published_time'], meta[property='og:article:published_time'], \
        meta[itemprop='datePublished'], meta[name='pubdate'], meta[name='publishdate'], \
        meta[name='parsely-pub-date'], meta[name='sailthru.date'], meta[name='dc.date.issued'], \
        meta[name='DC.date.issued'], time[itemprop='datePublished']";
    let root = document.root();
    let mut stamps: Vec<Stamp> = document
        .query_selector_all(root, META)
        .into_iter()
        .filter_map(|id| {
            document
                .get_attribute(id, "content")
                .or_else(|| document.get_attribute(id, "datetime"))
        })
        .filter_map(|raw| dates::parse(&raw))
        .collect();
    for script in document.scripts_with_type(&["application/ld+json"]) {
        if let Ok(json) = serde_json::from_str(&document.text_content(script)) {
            json_ld_dates(&json, &mut stamps);
        }
    }
    stamps
}

/// `datePublished` values anywhere in a JSON-LD block (`@graph`, arrays, nested objects).
fn json_ld_dates(json: &serde_json::Value, out: &mut Vec<Stamp>) {
    // JSON-LD is shallow; an explicit stack keeps hostile nesting from overflowing anyway.
    let mut stack = vec![json];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(object) => {
                if let Some(stamp) = object
                    .get("datePublished")
                    .and_then(serde_json::Value::as_str)
                    .and_then(dates::parse)
                {
                    out.push(stamp);
                }
                stack.extend(object.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

/// The publication date as RFC 3339: trafilatura's day (well validated, but a day only) made
/// precise by a declared timestamp on the same day; else the first plausible declared one.
fn published(day: Option<Stamp>, declared: &[Stamp]) -> Option<String> {
    let now = dates::now();
    let plausible = |stamp: &Stamp| stamp.is_plausible(now);
    let stamp = match day.filter(plausible) {
        Some(day) => declared
            .iter()
            .copied()
            .find(|stamp| matches!(stamp, Stamp::Instant(_)) && stamp.day() == day.day())
            .unwrap_or(day),
        None => declared.iter().copied().find(plausible)?,
    };
    Some(stamp.to_rfc3339())
}

/// Removes a first paragraph that repeats the title (extractors often keep the `<h1>`).
fn drop_leading_title(page: &mut Page) {
    let Some(title) = page.title.as_deref() else {
        return;
    };
    let (first, rest) = page.text.split_once("\n\n").unwrap_or((&page.text, ""));
    if !rest.is_empty() && same_words(first, title) {
        page.text = rest.to_owned();
    }
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

fn language(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .nth(LANGUAGE_SAMPLE_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let info = whatlang::detect(text.get(..end)?)?;
    info.is_reliable().then(|| info.lang().code().to_owned())
}

fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn non_empty(value: String) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_owned())
    }
}

/// Decodes bytes to text: BOM, then hint charset, then `<meta charset>`/http-equiv in the first
/// 4 KB, then chardetng; returns the text and the encoding name used.
///
/// A declared single-byte charset yields to UTF-8 when the bytes are valid non-ASCII UTF-8
/// (mislabelled servers are common; the reverse coincidence is not).
pub fn decode(bytes: &[u8], charset_hint: Option<&str>) -> (String, &'static str) {
    charset::decode(bytes, charset_hint)
}

/// Plain text of an HTML fragment (feed item descriptions/content:encoded): tags stripped,
/// entities decoded, block elements become paragraph breaks.
pub fn fragment_text(html: &str) -> String {
    fragment::fragment_text(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minified_paragraphs_do_not_run_together() {
        assert_eq!(
            separate_blocks("<p>One.</p><p>Two.</p>\n<DIV>x</DIV><span>y</span></b>"),
            "<p>One.</p>\n<p>Two.</p>\n<DIV>x</DIV>\n<span>y</span></b>"
        );
        assert!(matches!(
            separate_blocks("<p>a</p> <p>b</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(separate_blocks("</p"), "</p");
        let page = b"<html><body><article><p>The minister said on Monday that the bridge would reopen \
next week after repairs, officials confirmed.</p><p>Residents welcomed the news.</p></article></body></html>";
        let text = extract(page, &PageHint::default()).unwrap().text;
        assert!(!text.contains("confirmed.Residents"), "{text}");
    }
    use proptest::prelude::*;

    const BODY: &str = "<p>The harbour council voted on Tuesday to close the old ferry pier for \
        repairs, ending weeks of debate among residents and shop owners.</p>\
        <p>\"We cannot keep patching a structure that was built for lighter boats,\" said Mara \
        Ellison, who chairs the council's transport committee. She added that the work would \
        take about nine months.</p>\
        <p>Shop owners near the pier said the closure would cut their summer trade. \"Half of our \
        customers come off that ferry,\" said Tomas Reyes, who runs a bakery on Quay Street.</p>\
        <p>The council said a temporary landing stage would open at the north beach in May and \
        that buses would link it to the town centre every twenty minutes.</p>";

    fn page(head: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head>{head}</head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
             <article><h1>Council votes to close ferry pier</h1>\
             <p class=\"byline\">By Jane Whitcombe</p>{BODY}</article>\
             <footer>Copyright 2024 Harbour Gazette. All rights reserved.</footer></body></html>"
        )
    }

    fn standard_head() -> String {
        "<meta charset=\"utf-8\"><title>Council votes to close ferry pier | Harbour Gazette</title>\
         <meta property=\"og:title\" content=\"Council votes to close ferry pier\">\
         <meta property=\"og:site_name\" content=\"Harbour Gazette\">\
         <meta name=\"author\" content=\"Jane Whitcombe\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+01:00\">\
         <link rel=\"canonical\" href=\"/news/2024/03/05/ferry-pier\">"
            .to_owned()
    }

    fn hint(url: &str) -> PageHint<'_> {
        PageHint {
            url: Some(url),
            charset: None,
        }
    }

    #[test]
    fn snapshot_of_a_small_article() {
        let html = page(&standard_head());
        let page = extract(html.as_bytes(), &hint("https://gazette.example/p?id=7")).unwrap();
        insta::assert_debug_snapshot!(page);
    }

    #[test]
    fn paragraphs_are_blank_line_separated_and_title_not_repeated() {
        let html = page(&standard_head());
        let page = extract(html.as_bytes(), &PageHint::default()).unwrap();
        assert!(page.text.contains("committee. She added"));
        assert!(
            page.text.contains("nine months.\n\nShop owners"),
            "{}",
            page.text
        );
        assert!(!page.text.starts_with("Council votes"), "{}", page.text);
        assert!(!page.text.contains("Copyright"));
    }

    #[test]
    fn relative_canonical_url_is_resolved_against_the_hint() {
        let html = page(&standard_head());
        let page = extract(html.as_bytes(), &hint("https://gazette.example/p?id=7")).unwrap();
        assert_eq!(
            page.url.as_deref(),
            Some("https://gazette.example/news/2024/03/05/ferry-pier")
        );
    }

    #[test]
    fn og_url_or_hint_url_when_no_canonical() {
        let head = "<meta property=\"og:url\" content=\"https://gazette.example/a/1\">";
        let page = extract(page(head).as_bytes(), &hint("https://mirror.example/x")).unwrap();
        assert_eq!(page.url.as_deref(), Some("https://gazette.example/a/1"));
        let page = extract(
            page_without_meta().as_bytes(),
            &hint("https://mirror.example/x"),
        )
        .unwrap();
        assert_eq!(page.url.as_deref(), Some("https://mirror.example/x"));
    }

    fn page_without_meta() -> String {
        page("<title>Ferry pier</title>")
    }

    #[test]
    fn published_keeps_the_declared_time_and_offset() {
        let html = page(&standard_head());
        let page = extract(html.as_bytes(), &PageHint::default()).unwrap();
        assert_eq!(page.published.as_deref(), Some("2024-03-05T09:30:00+01:00"));
    }

    #[test]
    fn published_from_json_ld_and_date_only() {
        let head = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\
            \"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-11-20\"}]}</script>";
        let page = extract(page(head).as_bytes(), &PageHint::default()).unwrap();
        assert_eq!(page.published.as_deref(), Some("2023-11-20T00:00:00Z"));
    }

    #[test]
    fn junk_dates_are_dropped() {
        for junk in ["0001-01-01T00:00:00Z", "2999-01-01T00:00:00Z"] {
            let head = format!("<meta property=\"article:published_time\" content=\"{junk}\">");
            let page = extract(page(&head).as_bytes(), &PageHint::default()).unwrap();
            assert_eq!(page.published, None, "{junk}");
        }
    }

    #[test]
    fn metadata_fields() {
        let html = page(&standard_head());
        let page = extract(html.as_bytes(), &PageHint::default()).unwrap();
        assert_eq!(
            page.title.as_deref(),
            Some("Council votes to close ferry pier")
        );
        assert_eq!(page.site.as_deref(), Some("Harbour Gazette"));
        assert_eq!(page.byline.as_deref(), Some("Jane Whitcombe"));
        assert_eq!(page.language.as_deref(), Some("eng"));
    }

    #[test]
    fn windows_1252_page_without_any_declaration() {
        let body = "<p>Le conseil municipal a vot\u{e9} mardi la fermeture de l'ancien quai des \
            ferries. \u{ab} Nous ne pouvons plus r\u{e9}parer une structure con\u{e7}ue pour des \
            bateaux plus l\u{e9}gers \u{bb}, a d\u{e9}clar\u{e9} la pr\u{e9}sidente de la \
            commission des transports.</p><p>Les commer\u{e7}ants du quartier craignent une \
            baisse de leur chiffre d'affaires pendant les neuf mois de travaux pr\u{e9}vus, et \
            demandent \u{e0} la mairie une aide financi\u{e8}re rapide.</p>";
        let html = format!("<html><body><article>{body}</article></body></html>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
        assert!(std::str::from_utf8(&bytes).is_err());
        let page = extract(&bytes, &PageHint::default()).unwrap();
        assert!(page.text.contains("a voté mardi"), "{}", page.text);
        assert!(page.text.contains("« Nous ne pouvons"), "{}", page.text);
        assert_eq!(page.language.as_deref(), Some("fra"));
    }

    #[test]
    fn meta_charset_is_honoured() {
        let html = format!(
            "<html><head><meta charset=\"iso-8859-15\"></head><body><article>{BODY}\
             <p>Ticket prices rise to 5 \u{20ac} from June.</p></article></body></html>"
        );
        let (bytes, _, _) = encoding_rs::ISO_8859_15.encode(&html);
        let page = extract(&bytes, &PageHint::default()).unwrap();
        assert!(page.text.contains("5 € from June"), "{}", page.text);
    }

    #[test]
    fn header_charset_is_honoured() {
        let html = format!("<html><body><article>{BODY}<p>Кошка.</p></article></body></html>");
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(&html);
        let hinted = PageHint {
            url: None,
            charset: Some("koi8-r"),
        };
        assert!(extract(&bytes, &hinted).unwrap().text.contains("Кошка."));
    }

    #[test]
    fn pages_without_article_text() {
        for html in [
            "",
            "<html><head><title>Only a title</title></head></html>",
            "<html><head><title>x</title></head><body></body></html>",
            "<html><body><script>var x = 1;</script><img src=a.png></body></html>",
        ] {
            let result = extract(html.as_bytes(), &PageHint::default());
            assert!(
                matches!(result, Err(HtmlError::NoContent)),
                "{html}: {result:?}"
            );
        }
    }

    #[test]
    fn oversized_pages_are_refused_before_parsing() {
        // Bytes that would take long to parse if the size were not checked first.
        let bytes = b"<div>".repeat(MAX_BYTES / 5 + 1);
        let error = extract(&bytes, &PageHint::default()).unwrap_err();
        assert!(matches!(
            error,
            HtmlError::TooLarge { bytes, limit } if bytes > MAX_BYTES && limit == MAX_BYTES
        ));
        assert!(error.to_string().contains("over the"));
    }

    #[test]
    fn deeply_nested_pages_are_refused() {
        let html = "<div>".repeat(3000) + BODY + &"</div>".repeat(3000);
        let result = extract(html.as_bytes(), &PageHint::default());
        assert!(matches!(
            result,
            Err(HtmlError::TooDeep { limit: MAX_DEPTH })
        ));
        let html = "<div>".repeat(MAX_DEPTH - 5) + BODY + &"</div>".repeat(MAX_DEPTH - 5);
        assert!(extract(html.as_bytes(), &PageHint::default()).is_ok());
    }

    #[test]
    fn short_text_is_kept() {
        let html = "<html><body><p>Short note: the pier is closed.</p></body></html>";
        let page = extract(html.as_bytes(), &PageHint::default()).unwrap();
        assert_eq!(page.text, "Short note: the pier is closed.");
    }

    proptest! {
        // Extraction is slow in debug builds; few cases still cover the decode paths.
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn never_panics_on_arbitrary_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..600),
            hint_charset in proptest::option::of("(utf-8|utf-16|windows-1252|shift_jis|x)"),
        ) {
            let _ = extract(&bytes, &PageHint { url: None, charset: hint_charset.as_deref() });
            let (text, _) = decode(&bytes, hint_charset.as_deref());
            let _ = fragment_text(&text);
        }

        #[test]
        fn never_panics_on_tag_soup(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("<p>".to_owned()), Just("</p>".to_owned()), Just("<div>".to_owned()),
                    Just("<article>".to_owned()), Just("<br>".to_owned()), Just("<pre>".to_owned()),
                    Just("<script>".to_owned()), Just("&amp;".to_owned()), Just("&#x0;".to_owned()),
                    Just("<meta charset=".to_owned()), Just("\u{feff}".to_owned()),
                    "[a-zA-Zé“” .,\n]{0,40}",
                ],
                0..60,
            ),
            hint_charset in proptest::option::of("[a-z0-9-]{0,12}"),
        ) {
            let html = parts.concat();
            let hint = PageHint { url: Some("not a url"), charset: hint_charset.as_deref() };
            if let Ok(page) = extract(html.as_bytes(), &hint) {
                prop_assert!(has_words(&page.text));
                prop_assert!(!page.text.contains("\n\n\n"));
            }
            let text = fragment_text(&html);
            prop_assert!(!text.contains("\n\n\n") && text.trim() == text);
        }
    }
}
