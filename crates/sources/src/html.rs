//! HTML pages (files, WARC records, fetched URLs) to documents through `claimgraph_html`.

use claimgraph_core::{Document, Metadata};
use claimgraph_html::{HtmlError, PageHint};

use crate::{failed, Item};

/// One page as one extracted document, or the reason it yields none.
pub(crate) fn page_document(
    place: &str,
    id: String,
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
) -> Item {
    match claimgraph_html::extract(bytes, &PageHint { url, charset }) {
        Ok(page) if page.text.trim().is_empty() => {
            failed(place, "no article: page has no article text")
        }
        Ok(page) => Item::Doc(Document {
            id,
            text: page.text,
            metadata: Metadata {
                title: page.title,
                url: page.url.or_else(|| url.map(str::to_owned)),
                published: page.published,
                source: page.site.clone(),
                byline: page.byline,
                site: page.site,
                language: page.language,
            },
            extracted: true,
        }),
        Err(error @ HtmlError::TooLarge { .. }) => failed(place, format!("too large: {error}")),
        Err(error) => failed(place, format!("no article: {error}")),
    }
}

/// The lower-case media type of a `Content-Type` value and its charset parameter, if any.
pub(crate) fn media_type(content_type: &str) -> (String, Option<String>) {
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|part| {
        let (name, value) = part.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|value| !value.is_empty())
    });
    (essence, charset)
}

/// Whether a media type is an HTML page.
pub(crate) fn is_html_type(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_type_splits_charset() {
        assert_eq!(
            media_type("Text/HTML; Charset=\"windows-1252\""),
            ("text/html".to_owned(), Some("windows-1252".to_owned()))
        );
        assert_eq!(
            media_type("application/rss+xml"),
            ("application/rss+xml".to_owned(), None)
        );
        assert_eq!(media_type(""), (String::new(), None));
    }
}
