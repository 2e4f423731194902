//! The public JSON shape of an analyzed document (see `schema/analysis.schema.json`).
//!
//! Offsets here are Unicode code points, end exclusive, so `text[start:end]` in Python gives the
//! covered text. Field names are a contract: add fields, never rename.

use std::collections::HashMap;

use crate::layers::{ContentIndex, Entity, Quantity, Quote};
use crate::{Analysis, CharIndex, Document, Metadata, Span};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct PlainSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct SpeakerJson {
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// Actor id of the entity the speaker's name resolves to (see `EntityJson::actor`).
    pub actor: Option<String>,
    /// Country the speaker belongs to, from that entity.
    pub country: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuoteJson {
    pub id: String,
    pub kind: &'static str,
    pub cue: Option<TextSpan>,
    pub sources: Vec<TextSpan>,
    pub speaker: Option<SpeakerJson>,
    pub contents: Vec<TextSpan>,
    pub stance: &'static str,
    pub confidence: f32,
    /// The speaker did not say or hold the content ("did not say whether …").
    pub negated: bool,
    /// Ids of the quantities inside this quote's contents.
    pub quantities: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct QuantityJson {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The number, or the low end of a range.
    pub value: f64,
    /// The high end of a range; `None` for a single number.
    pub upper: Option<f64>,
    pub qualifier: &'static str,
    pub counted: Option<String>,
    pub counted_span: Option<PlainSpan>,
    /// Id of the quote whose contents hold this quantity.
    pub quote: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct EntityJson {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: &'static str,
    pub canonical: String,
    pub country: Option<String>,
    /// Stable actor id ("country:UA", "org:nato", "person:volodymyr-zelensky") when resolved.
    pub actor: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DocumentJson {
    pub id: String,
    pub text_length: usize,
    /// The analysed text, present when it was extracted from markup and so differs from the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "is_empty_metadata")]
    pub document: Metadata,
    pub sentences: Vec<PlainSpan>,
    pub quotes: Vec<QuoteJson>,
    pub quantities: Vec<QuantityJson>,
    pub entities: Vec<EntityJson>,
    /// Set when an earlier document of the same run is the same story (exact or near copy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<DuplicateJson>,
}

/// The earlier document a copy duplicates.
#[derive(Debug, Serialize)]
pub struct DuplicateJson {
    /// Id of the first document of the cluster.
    pub of: String,
    /// `exact` (same words) or `near` (same story, edited).
    pub relation: &'static str,
}

fn is_empty_metadata(metadata: &Metadata) -> bool {
    *metadata == Metadata::default()
}

struct Converter<'a> {
    text: &'a str,
    index: CharIndex,
    /// Per canonical name, the first entity that resolves to an actor, else the first one.
    entities_by_name: HashMap<&'a str, &'a Entity>,
}

impl<'a> Converter<'a> {
    fn new(text: &'a str, entities: &'a [Entity]) -> Converter<'a> {
        let mut entities_by_name: HashMap<&str, &Entity> = HashMap::new();
        for entity in entities {
            entities_by_name
                .entry(entity.canonical.as_str())
                .and_modify(|kept| {
                    if kept.actor.is_none() && entity.actor.is_some() {
                        *kept = entity;
                    }
                })
                .or_insert(entity);
        }
        Converter {
            text,
            index: CharIndex::new(text),
            entities_by_name,
        }
    }

    /// The entity a speaker's name resolves to: speakers are named by the fullest mention, as
    /// entities are.
    fn entity_named(&self, name: &str) -> Option<&'a Entity> {
        self.entities_by_name.get(name).copied()
    }

    fn plain(&self, span: Span) -> PlainSpan {
        PlainSpan {
            start: self.index.char_offset(span.start),
            end: self.index.char_offset(span.end),
        }
    }

    fn text_span(&self, span: Span) -> TextSpan {
        TextSpan {
            start: self.index.char_offset(span.start),
            end: self.index.char_offset(span.end),
            text: span.text(self.text).to_owned(),
        }
    }

    fn quote(&self, at: usize, quote: &Quote, quantity_ids: Vec<String>) -> QuoteJson {
        QuoteJson {
            id: quote_id(at),
            kind: match quote.kind {
                crate::layers::QuoteKind::Direct => "direct",
                crate::layers::QuoteKind::Indirect => "indirect",
                crate::layers::QuoteKind::Mixed => "mixed",
            },
            cue: quote.cue.map(|cue| self.text_span(cue)),
            sources: quote.sources.iter().map(|&s| self.text_span(s)).collect(),
            speaker: quote.speaker.as_ref().map(|s| {
                let entity = self.entity_named(&s.name);
                SpeakerJson {
                    name: s.name.clone(),
                    role: s.role.clone(),
                    affiliation: s.affiliation.clone(),
                    actor: entity.and_then(|e| e.actor.clone()),
                    country: entity.and_then(|e| e.country.clone()),
                }
            }),
            contents: quote.contents.iter().map(|&c| self.text_span(c)).collect(),
            stance: quote.stance.as_str(),
            confidence: quote.confidence,
            negated: quote.negated,
            quantities: quantity_ids,
        }
    }

    fn quantity(&self, at: usize, quantity: &Quantity, quote: Option<usize>) -> QuantityJson {
        QuantityJson {
            id: quantity_id(at),
            start: self.index.char_offset(quantity.span.start),
            end: self.index.char_offset(quantity.span.end),
            text: quantity.span.text(self.text).to_owned(),
            value: quantity.value,
            upper: quantity.upper,
            qualifier: match quantity.qualifier {
                crate::layers::Qualifier::Exact => "exact",
                crate::layers::Qualifier::AtLeast => "at_least",
                crate::layers::Qualifier::MoreThan => "more_than",
                crate::layers::Qualifier::About => "about",
                crate::layers::Qualifier::UpTo => "up_to",
                crate::layers::Qualifier::LessThan => "less_than",
                crate::layers::Qualifier::Approximate => "approximate",
                crate::layers::Qualifier::Range => "range",
            },
            counted: quantity.counted.map(|c| c.text(self.text).to_owned()),
            counted_span: quantity.counted.map(|c| self.plain(c)),
            quote: quote.map(quote_id),
        }
    }

    fn entity(&self, entity: &Entity) -> EntityJson {
        EntityJson {
            start: self.index.char_offset(entity.span.start),
            end: self.index.char_offset(entity.span.end),
            text: entity.span.text(self.text).to_owned(),
            label: entity.label.as_str(),
            canonical: entity.canonical.clone(),
            country: entity.country.clone(),
            actor: entity.actor.clone(),
        }
    }
}

fn quote_id(at: usize) -> String {
    format!("q{}", at + 1)
}

fn quantity_id(at: usize) -> String {
    format!("n{}", at + 1)
}

/// Builds the contract JSON of one analyzed document.
pub fn document_json(document: &Document, analysis: &Analysis) -> DocumentJson {
    let converter = Converter::new(&document.text, &analysis.entities);
    let contents = ContentIndex::new(&analysis.quotes);
    let quantity_quotes: Vec<Option<usize>> = analysis
        .quantities
        .iter()
        .map(|q| contents.quote_containing(q.span))
        .collect();
    let mut quantities_of_quote: Vec<Vec<String>> = vec![Vec::new(); analysis.quotes.len()];
    for (n, quote) in quantity_quotes.iter().enumerate() {
        if let Some(ids) = quote.and_then(|at| quantities_of_quote.get_mut(at)) {
            ids.push(quantity_id(n));
        }
    }
    DocumentJson {
        id: document.id.clone(),
        text_length: converter.index.char_len(),
        text: document.extracted.then(|| document.text.clone()),
        document: document.metadata.clone(),
        sentences: analysis
            .sentences
            .iter()
            .map(|s| converter.plain(s.span))
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(at, quote)| {
                let ids = quantities_of_quote.get_mut(at).map(std::mem::take);
                converter.quote(at, quote, ids.unwrap_or_default())
            })
            .collect(),
        quantities: analysis
            .quantities
            .iter()
            .zip(&quantity_quotes)
            .enumerate()
            .map(|(at, (quantity, quote))| converter.quantity(at, quantity, *quote))
            .collect(),
        entities: analysis
            .entities
            .iter()
            .map(|e| converter.entity(e))
            .collect(),
        duplicate: None,
    }
}
