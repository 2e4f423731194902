//! The analysis pipeline: one pure function from a [`Document`] to its [`Analysis`].
//!
//! Stages run in a fixed order, each adding one layer: segmentation (paragraphs, tokens,
//! sentences) → entities → attributions (quotes) → quantities. A stage reads only the text and the
//! layers before it, and the shipped resources it was built with; nothing here does I/O.

use claimgraph_attribution::Attributor;
use claimgraph_core::{Analysis, Document};
use claimgraph_entities::EntityRecognizer;

/// Version of the analyzers; stored with results so a ledger knows what to re-analyze.
pub const ANALYZER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The shipped analyzers, built once and shared read-only across threads.
#[derive(Debug)]
pub struct Pipeline {
    entities: EntityRecognizer,
    attributor: Attributor,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline {
            entities: EntityRecognizer::shipped(),
            attributor: Attributor::shipped(),
        }
    }

    /// The shipped analyzers with another entity recognizer (e.g. one extended by a user actor file).
    pub fn with_entities(entities: EntityRecognizer) -> Self {
        Pipeline {
            entities,
            attributor: Attributor::shipped(),
        }
    }

    /// Analyzes one document. Pure: the same text always gives the same analysis.
    pub fn analyze(&self, document: &Document) -> Analysis {
        let text = document.text.as_str();
        let mut analysis = Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        analysis.entities = self.entities.recognize(text, &analysis);
        analysis.quotes = self.attributor.attribute(text, &analysis);
        analysis.quantities = claimgraph_quantities::find_quantities(text, &analysis);
        analysis
    }
}
