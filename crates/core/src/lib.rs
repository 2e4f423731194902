//! The document model every claimgraph stage shares.
//!
//! A [`Document`] owns the original text. Analyzers add [`layers`] to an [`Analysis`]; every
//! element of a layer carries [`Span`]s of **byte** offsets into that original text, never copies
//! of strings found again later. [`contract`] turns a document and its analysis into the public
//! JSON shape, where offsets become Unicode code points via [`CharIndex`].

pub mod contract;
mod document;
pub mod layers;
mod offsets;
mod span;

pub use document::{Document, Metadata};
pub use layers::Analysis;
pub use offsets::CharIndex;
pub use span::Span;
