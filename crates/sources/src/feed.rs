//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files: each item with text becomes one document.
//!
//! A feed file gives what it contains: item links are not fetched. Item text is the full content
//! (`content:encoded`, Atom `content`) when there is some, else the summary/description.

use claimgraph_core::{Document, Metadata};
use feed_rs::model::{Entry, Text};

use crate::{failed, warning, Item};

/// Every item of one feed, in feed order, as documents or diagnostics.
pub(crate) fn feed_items(name: &str, id_base: &str, bytes: &[u8]) -> Vec<Item> {
    // feed-rs falls back to a random UUID for items without guid or link; ids must be stable.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|links, title, _| {
            let mut key = String::new();
            for link in links {
                key.push_str(&link.href);
            }
            if let Some(title) = title {
                key.push_str(&title.content);
            }
            key
        })
        .build();
    let feed = match parser.parse(bytes) {
        Ok(feed) => feed,
        Err(error) => return vec![failed(name, format!("invalid feed: {error}"))],
    };
    let source = feed.title.as_ref().map(plain).filter(|t| !t.is_empty());
    let language = feed.language.as_deref().and_then(iso639_3);
    let mut items = Vec::with_capacity(feed.entries.len());
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let place = format!("{name}#item {}", index + 1);
        let key = if entry.id.is_empty() {
            index.to_string()
        } else {
            entry.id.clone()
        };
        let id = format!("{id_base}#{:016x}", fnv1a(key.as_bytes()));
        match document(entry, id, source.clone(), language.clone()) {
            Some(document) => items.push(Item::Doc(document)),
            None => items.push(warning(place, "skipped: feed item has no text")),
        }
    }
    if items.is_empty() {
        items.push(warning(name, "skipped: feed has no items"));
    }
    items
}

fn document(
    entry: Entry,
    id: String,
    source: Option<String>,
    language: Option<String>,
) -> Option<Document> {
    let content = entry
        .content
        .and_then(|content| content.body)
        .filter(|body| !body.trim().is_empty());
    let markup = content.or_else(|| entry.summary.map(|summary| summary.content))?;
    let text = claimgraph_html::fragment_text(&markup).trim().to_owned();
    if text.is_empty() {
        return None;
    }
    let authors: Vec<&str> = entry
        .authors
        .iter()
        .map(|person| person.name.trim())
        .filter(|name| !name.is_empty())
        .collect();
    Some(Document {
        id,
        text,
        metadata: Metadata {
            title: entry.title.as_ref().map(plain).filter(|t| !t.is_empty()),
            url: entry.links.first().map(|link| link.href.clone()),
            published: entry.published.or(entry.updated).map(|at| at.to_rfc3339()),
            source,
            byline: (!authors.is_empty()).then(|| authors.join(", ")),
            site: None,
            language,
        },
        extracted: true,
    })
}

/// A feed text field without markup: titles may be typed `html`.
fn plain(text: &Text) -> String {
    if text.content_type.to_string().contains("html") {
        claimgraph_html::fragment_text(&text.content)
            .trim()
            .to_owned()
    } else {
        text.content.trim().to_owned()
    }
}

/// The ISO 639-3 code of a feed's declared language (`en-us` → `eng`), for the common news languages.
fn iso639_3(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    let code = match primary.as_str() {
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "nl" => "nld",
        "ru" => "rus",
        "uk" => "ukr",
        "pl" => "pol",
        "tr" => "tur",
        "ar" => "ara",
        "zh" => "cmn",
        "ja" => "jpn",
        "ko" => "kor",
        "hi" => "hin",
        "sv" => "swe",
        code if code.len() == 3 => return Some(code.to_owned()),
        _ => return None,
    };
    Some(code.to_owned())
}

/// 64-bit FNV-1a: a fixed, dependency-free hash so ids stay the same across runs and versions.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_map_to_iso639_3() {
        assert_eq!(iso639_3("en-US").as_deref(), Some("eng"));
        assert_eq!(iso639_3("deu").as_deref(), Some("deu"));
        assert_eq!(iso639_3("x"), None);
    }

    #[test]
    fn fnv_is_fixed() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
