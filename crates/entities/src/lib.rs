//! Named entities found with the shipped gazetteer and surface rules.
//!
//! The gazetteer (countries, demonyms, cities, first-level regions, organisations, leaders; see
//! `data/NOTICE.md`) is matched longest-first from every token; capitalised words it does not
//! know become people or organisations by their context (a title before them, an organisation
//! head word in them, a full name earlier in the document, words that GUM's names show to belong to
//! organisations or events; see `data/name_words.tsv`). This is a first version aimed at
//! quote speakers and their affiliations, not a general-purpose tagger.
//!
//! # Actor ids
//!
//! Every entity that resolves to a known actor carries its stable id ([`Actor::id`]):
//! `country:<ISO 3166 alpha-2>` (countries, their names, demonyms and plural demonyms:
//! "Chinese citizens" → `country:CN`), `region:<CC>:<slug>` and `city:<CC>:<slug>` (with the
//! country's alpha-2 code), `location:<slug>`, `org:<acronym or slug>` (`org:nato`, `org:unsc`),
//! `person:<slug>` (`person:volodymyr-zelensky`) and `group:<slug>`. A government body the
//! gazetteer does not list but whose country the text gives gets `org:<CC>:<slug>`
//! ("China’s Foreign Ministry" → `org:CN:foreign-ministry`). A person the gazetteer does not know
//! gets `person:<slug of the fullest name in the document>`, so that "Maria Okafor" and a later
//! "Okafor" share it; such ids are only meaningful within one document.
//!
//! # Nominal mentions
//!
//! "The president", "the Ukrainian president", "the ministry", "the spokesman" become PERSON or
//! ORG entities with the canonical name, country and actor of the latest compatible actor named
//! before them (office or name head word, modifiers and country must fit; see `coref.rs`), and
//! gazetteer descriptions such as "the Israeli army" become the organisation they describe. Their
//! spans hold no name ("president", "army"); [`is_nominal`] identifies them so that name-only
//! NER scoring can leave them out.
//!
//! # User actor files
//!
//! [`EntityRecognizer::with_user_actors`] reads a TOML file of `[[actor]]` tables (example:
//! `examples/actors.toml`):
//!
//! ```toml
//! [[actor]]
//! name = "Lin Jian"                       # required: the canonical name, also matched in text
//! kind = "person"                         # required: person, organization (org), country,
//!                                         #   region, city, location or group
//! aliases = ["Spokesperson Lin"]          # other spellings matched in text (exact case)
//! country = "CN"                          # ISO 3166 alpha-2/alpha-3 code, or a country or
//!                                         #   organisation name the gazetteer knows
//! role = "Foreign Ministry Spokesperson"  # a person's office
//! affiliation = "Ministry of Foreign Affairs"
//! id = "person:lin-jian"                  # default: derived from kind, name and country as above
//! ```
//!
//! Unknown fields are errors (to catch typos). A user entry's names and aliases take over any
//! shipped actor spelled the same; an entry whose id (given or derived) is a shipped actor's
//! updates that actor instead of adding one. A malformed file is rejected whole, with an
//! [`ActorFileError`] naming the file, the line and the field.

mod actors;
mod coref;
mod gazetteer;
mod learned;
mod scan;
mod words;

pub use actors::ActorFileError;
use claimgraph_core::layers::{Entity, EntityLabel};
use claimgraph_core::Analysis;
use gazetteer::Gazetteer;
use learned::NameWords;
use std::path::Path;

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
    /// Stable id: `country:UA`, `region:UA:donetsk`, `city:UA:kyiv`, `location:black-sea`,
    /// `org:nato`, `person:volodymyr-zelensky`, `group:kurdish`.
    pub id: String,
    /// Canonical name ("United States", "Volodymyr Zelensky", "Kremlin").
    pub name: String,
    pub kind: ActorKind,
    /// Canonical name of the country it belongs to; an organisation's name for its officials
    /// ("United Nations" for António Guterres); the country itself for a country.
    pub country: Option<String>,
    /// A person's office ("Foreign Ministry Spokesperson"), or "capital" for a capital city.
    pub role: Option<String>,
    /// The organisation a person works for, when a user file names it ("Ministry of Foreign
    /// Affairs").
    pub affiliation: Option<String>,
}

/// Finds entities in a segmented text.
#[derive(Debug)]
pub struct EntityRecognizer {
    gazetteer: Gazetteer,
    name_words: NameWords,
}

impl EntityRecognizer {
    /// The recognizer with the gazetteer compiled into the crate.
    pub fn shipped() -> Self {
        EntityRecognizer {
            gazetteer: Gazetteer::shipped(),
            name_words: NameWords::shipped(),
        }
    }

    /// Adds the actors of a user file (see the crate doc for its format). Their names take
    /// precedence over shipped ones; an entry with a shipped actor's id updates that actor. On
    /// error nothing is added.
    pub fn with_user_actors(mut self, path: &Path) -> Result<Self, ActorFileError> {
        actors::load(&mut self.gazetteer, path)?;
        Ok(self)
    }

    /// Entities of `text`, ordered by position, never overlapping; `analysis` must hold the
    /// tokens and sentences of `text`.
    /// Nominal mentions of named actors ("the president", "the ministry") are included with
    /// their antecedent's canonical name and actor; [`is_nominal`] tells them apart.
    pub fn recognize(&self, text: &str, analysis: &Analysis) -> Vec<Entity> {
        let names = scan::recognize(&self.gazetteer, &self.name_words, text, analysis);
        coref::add_nominal_mentions(&self.gazetteer, text, &analysis.tokens, names)
    }

    /// The actor a name, alias, demonym or capital refers to ("DPRK", "Chinese", "the Kremlin",
    /// "China’s"); exact spelling wins over a case-insensitive match.
    pub fn lookup(&self, surface: &str) -> Option<&Actor> {
        self.gazetteer.lookup(surface)
    }

    /// The actor with this id ("country:UA", "org:nato").
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.gazetteer.actor_by_id(id)
    }

    /// Every actor the gazetteer knows.
    pub fn actors(&self) -> &[Actor] {
        &self.gazetteer.actors
    }
}

/// Whether an entity of `text` is a nominal mention ("president" in "the president", "army" in
/// "the Israeli army") rather than a name: a person or organisation whose span has no capital
/// letter, or a person whose span is only title words ("the President"). Name-only NER gold (GMB,
/// CoNLL) does not tag these, so scorers leave them out.
pub fn is_nominal(text: &str, entity: &Entity) -> bool {
    if !matches!(entity.label, EntityLabel::Person | EntityLabel::Org) {
        return false;
    }
    let surface = entity.span.text(text);
    if !surface.chars().any(char::is_uppercase) {
        return true;
    }
    let mut buf = String::new();
    entity.label == EntityLabel::Person
        && surface.split_whitespace().all(|w| {
            claimgraph_text::lowercase_into(w, &mut buf);
            words::title_word(&buf).is_some()
        })
}

#[cfg(test)]
mod tests;
