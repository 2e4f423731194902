//! The input of analysis: original text plus optional metadata.

use serde::{Deserialize, Serialize};

/// Descriptive fields a source may know about a document. None of them changes analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication date as given by the source (RFC 3339 where the source provides one).
    pub published: Option<String>,
    /// Where the document came from: an outlet name or feed title as the input gave it.
    pub source: Option<String>,
    /// Author line as the page gives it ("By Jane Doe and John Roe").
    pub byline: Option<String>,
    /// Site name of the publishing outlet ("Reuters").
    pub site: Option<String>,
    /// ISO 639-3 code of the detected language ("eng").
    pub language: Option<String>,
}

/// One article: an identifier, its original text (the coordinate system of every span), metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub metadata: Metadata,
    /// True when `text` was extracted from markup (HTML, a feed item, a WARC record) rather than given
    /// verbatim, so outputs must carry the text that their offsets refer to.
    pub extracted: bool,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            metadata: Metadata::default(),
            extracted: false,
        }
    }
}
