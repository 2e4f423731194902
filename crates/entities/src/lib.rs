//! Named entities found with the shipped gazetteer and surface rules.
//!
//! The gazetteer (countries, demonyms, cities, first-level regions, organisations, leaders; see
//! `data/NOTICE.md`) is matched longest-first from every token; capitalised words it does not
//! know become people or organisations by their context (a title before them, an organisation
//! head word in them, a full name earlier in the document). This is a first version aimed at
//! quote speakers and their affiliations, not a general-purpose tagger.

mod gazetteer;
mod scan;
mod words;

use claimgraph_core::layers::Entity;
use claimgraph_core::Analysis;
use gazetteer::Gazetteer;

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Country,
    Region,
    City,
    /// A sea, river, strait or macro-region ("Black Sea", "Middle East").
    Location,
    Organization,
    Person,
    /// A nationality, religious or political group that is not one country's demonym ("Kurds").
    Group,
}

/// Something the gazetteer knows by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name ("United States", "Volodymyr Zelensky", "Kremlin").
    pub name: String,
    pub kind: ActorKind,
    /// Canonical name of the country it belongs to; an organisation's name for its officials
    /// ("United Nations" for António Guterres); the country itself for a country.
    pub country: Option<String>,
    /// A person's office ("Foreign Ministry Spokesperson"), or "capital" for a capital city.
    pub role: Option<String>,
}

/// Finds entities in a segmented text.
#[derive(Debug)]
pub struct EntityRecognizer {
    gazetteer: Gazetteer,
}

impl EntityRecognizer {
    /// The recognizer with the gazetteer compiled into the crate.
    pub fn shipped() -> Self {
        EntityRecognizer {
            gazetteer: Gazetteer::shipped(),
        }
    }

    /// Entities of `text`, ordered by position, never overlapping; `analysis` must hold the
    /// tokens and sentences of `text`.
    pub fn recognize(&self, text: &str, analysis: &Analysis) -> Vec<Entity> {
        scan::recognize(&self.gazetteer, text, analysis)
    }

    /// The actor a name, alias, demonym or capital refers to ("DPRK", "Chinese", "the Kremlin",
    /// "China’s"); exact spelling wins over a case-insensitive match.
    pub fn lookup(&self, surface: &str) -> Option<&Actor> {
        self.gazetteer.lookup(surface)
    }

    /// Every actor the gazetteer knows.
    pub fn actors(&self) -> &[Actor] {
        &self.gazetteer.actors
    }
}

#[cfg(test)]
mod tests;
