//! The input of analysis: original text plus optional metadata.

use serde::{Deserialize, Serialize};

/// Descriptive fields a source may know about a document. None of them changes analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication date as given by the source (RFC 3339 where the source provides one).
    pub published: Option<String>,
    pub source: Option<String>,
}

/// One article: an identifier, its original text (the coordinate system of every span), metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub metadata: Metadata,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            metadata: Metadata::default(),
        }
    }
}
