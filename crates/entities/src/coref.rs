//! Nominal mentions of actors the document has named: "the president", "the Ukrainian
//! president", "the ministry", "its spokesperson", and descriptions the gazetteer knows ("the
//! Israeli army", "Ukraine's military intelligence").
//!
//! A nominal mention becomes an entity only when it has an antecedent: for people, the latest
//! person before it whose office (from the gazetteer or a title written before a mention) has the
//! mention's head noun and every modifier ("the foreign minister" needs a foreign minister); for
//! organisations, the latest organisation whose name ends in the head noun and holds every
//! modifier ("the ministry" → "China’s Foreign Ministry"). A demonym or country in the mention
//! must be the antecedent's country. The mention takes the antecedent's canonical name, country
//! and actor. Its span is the noun phrase after the determiner and after a demonym, which stays an
//! entity of its own, so nominal spans hold no name ([`crate::is_nominal`] tells them apart).
//!
//! One pass over the tokens; each mention looks back over at most [`LOOKBACK`] named mentions.

use crate::gazetteer::{FastMap, Gazetteer};
use crate::words::{self, TitleWord};
use claimgraph_core::layers::{Entity, EntityLabel, Token, TokenKind};
use claimgraph_core::Span;
use claimgraph_text::lowercase_into;

/// Named mentions a nominal mention may reach back over.
const LOOKBACK: usize = 64;

/// Most words in a nominal head ("deputy foreign minister").
const HEAD_WORDS: usize = 4;

/// Lowercase head nouns that refer back to an organisation of the same head word.
fn is_org_head(lower: &str) -> bool {
    matches!(
        lower,
        "ministry"
            | "department"
            | "agency"
            | "council"
            | "committee"
            | "commission"
            | "army"
            | "navy"
            | "party"
            | "government"
            | "parliament"
            | "senate"
            | "congress"
            | "court"
            | "tribunal"
            | "bank"
            | "fund"
            | "foundation"
            | "institute"
            | "university"
            | "company"
            | "corporation"
            | "embassy"
            | "consulate"
            | "police"
            | "bureau"
            | "authority"
            | "administration"
            | "alliance"
            | "coalition"
            | "union"
            | "league"
            | "movement"
            | "organization"
            | "organisation"
            | "directorate"
            | "secretariat"
            | "cabinet"
            | "assembly"
            | "militia"
            | "brigade"
            | "battalion"
            | "regiment"
            | "division"
            | "fleet"
    )
}

/// "spokesman", "spokeswoman" and "spokesperson" name one office.
fn office_word(lower: &str) -> &str {
    match lower {
        "spokesman" | "spokeswoman" => "spokesperson",
        "premier" => "prime",
        other => other,
    }
}

/// A named mention a nominal one may refer to.
#[derive(Debug)]
struct Named {
    /// Index into the entities.
    entity: usize,
    /// Lowercase words of the person's office or the organisation's name.
    words: Vec<String>,
}

/// `entities` (ordered, disjoint) with the nominal mentions of `text` added, still ordered and
/// disjoint.
pub(crate) fn add_nominal_mentions(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut entities: Vec<Entity>,
) -> Vec<Entity> {
    let mut pass = Pass {
        gaz,
        text,
        tokens,
        entities: &entities,
        buf: String::new(),
        named: Vec::new(),
        offices: FastMap::default(),
        added: Vec::new(),
    };
    pass.run();
    let added = pass.added;
    if added.is_empty() {
        return entities;
    }
    entities.extend(added);
    entities.sort_by_key(|e| e.span.start);
    entities
}

struct Pass<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    buf: String,
    named: Vec<Named>,
    /// Office words per person actor, from the first mention that shows them.
    offices: FastMap<String, Vec<String>>,
    added: Vec<Entity>,
}

impl Pass<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.span.text(self.text))
    }

    fn lower(&mut self, i: usize) -> String {
        let word = self.tokens.get(i).map_or("", |t| t.span.text(self.text));
        lowercase_into(word, &mut self.buf);
        self.buf.replace('\u{2019}', "'")
    }

    /// Index of the entity starting where token `i` starts.
    fn entity_at(&self, i: usize) -> Option<usize> {
        let start = self.tokens.get(i)?.span.start;
        let at = self.entities.partition_point(|e| e.span.start < start);
        self.entities
            .get(at)
            .is_some_and(|e| e.span.start == start)
            .then_some(at)
    }

    /// Index of the first token at or after byte `offset`.
    fn token_at(&self, offset: usize, from: usize) -> usize {
        let mut i = from;
        while self.tokens.get(i).is_some_and(|t| t.span.start < offset) {
            i += 1;
        }
        i
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some(e) = self.entity_at(i) {
                let end = self.entities.get(e).map_or(0, |x| x.span.end);
                let next = self.token_at(end, i + 1);
                self.remember(e, i);
                // "Israeli army", "Ukraine's military intelligence".
                let after = if is_possessive(self.word(next)) {
                    next + 1
                } else {
                    next
                };
                let skip = self.description(e, after).unwrap_or(next);
                i = skip.max(i + 1);
                continue;
            }
            let word = self.word(i);
            if matches!(word, "the" | "The") {
                if let Some(next) = self.nominal(i + 1) {
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Records a named person or organisation as a possible antecedent.
    fn remember(&mut self, e: usize, first_token: usize) {
        let Some(entity) = self.entities.get(e) else {
            return;
        };
        let words = match entity.label {
            EntityLabel::Person => {
                let Some(actor) = entity.actor.clone() else {
                    return;
                };
                match self.offices.get(&actor) {
                    Some(words) => words.clone(),
                    None => {
                        let office = self.office_of(&actor, first_token);
                        if office.is_empty() {
                            return;
                        }
                        self.offices.insert(actor, office.clone());
                        office
                    }
                }
            }
            EntityLabel::Org => entity
                .canonical
                .split_whitespace()
                .map(str::to_lowercase)
                .collect(),
            _ => return,
        };
        self.named.push(Named { entity: e, words });
    }

    /// A person's office words: the gazetteer's role, else the title written before the name
    /// ("Defence Secretary John Hartwell", "spokesman Ivan Petrov").
    fn office_of(&mut self, actor: &str, first_token: usize) -> Vec<String> {
        if let Some(role) = self.gaz.actor_by_id(actor).and_then(|a| a.role.as_deref()) {
            return role
                .split_whitespace()
                .map(|w| office_word(&w.to_lowercase()).to_string())
                .collect();
        }
        let mut office = Vec::new();
        let mut at = first_token;
        while office.len() < HEAD_WORDS {
            let Some(prev) = at.checked_sub(1) else { break };
            let lower = self.lower(prev);
            if words::title_word(&lower).is_none() && !words::is_role_noun(&lower) {
                break;
            }
            office.push(office_word(&lower).to_string());
            at = prev;
        }
        office
    }

    /// An organisation described by the owner entity `e` and the lowercase words from token
    /// `from`; the token after it.
    fn description(&mut self, e: usize, from: usize) -> Option<usize> {
        let owner = self.entities.get(e)?.actor.clone()?;
        let mut phrase = String::new();
        let mut found = None;
        for k in 0..HEAD_WORDS {
            let Some(token) = self.tokens.get(from + k) else {
                break;
            };
            if token.kind != TokenKind::Word || !self.word(from + k).starts_with(char::is_lowercase)
            {
                break;
            }
            if k > 0 {
                phrase.push(' ');
            }
            let lower = self.lower(from + k);
            phrase.push_str(&lower);
            if let Some(org) = self.gaz.description(&owner, &phrase) {
                found = Some((org, from + k + 1));
            }
        }
        let (org, next) = found?;
        let span = self.span(from, next)?;
        self.added.push(Entity {
            span,
            label: EntityLabel::Org,
            canonical: org.name.clone(),
            country: org.country.clone(),
            actor: Some(org.id.clone()),
        });
        Some(next)
    }

    /// A nominal mention from token `from` (after a determiner): an optional demonym or
    /// country, then a head of title or organisation words. Returns the token after it when one
    /// was added.
    fn nominal(&mut self, from: usize) -> Option<usize> {
        let mut start = from;
        let mut country = None;
        if let Some(e) = self.entity_at(from) {
            let entity = self.entities.get(e)?;
            if !matches!(entity.label, EntityLabel::Norp | EntityLabel::Gpe) {
                return None;
            }
            country = Some(entity.country.clone()?);
            start = self.token_at(entity.span.end, from + 1);
        }
        let mut heads: Vec<String> = Vec::new();
        let mut person_end = None;
        let mut org_end = None;
        let capitalised = self.word(start).starts_with(char::is_uppercase);
        for k in 0..HEAD_WORDS {
            let at = start + k;
            let Some(token) = self.tokens.get(at) else {
                break;
            };
            let word = self.word(at);
            if token.kind != TokenKind::Word
                || word.starts_with(char::is_uppercase) != capitalised
                || self.entity_at(at).is_some()
            {
                break;
            }
            let lower = self.lower(at);
            let title = words::title_word(&lower);
            let org = !capitalised && is_org_head(&lower);
            if title.is_none() && !org {
                break;
            }
            if title == Some(TitleWord::Core) {
                person_end = Some(at + 1);
            }
            if org {
                org_end = Some(at + 1);
            }
            heads.push(office_word(&lower).to_string());
        }
        // A capitalised word after the head makes it a title before a name.
        // The longer reading wins: "the ministry spokesman" is a person.
        let (end, label) = match (person_end, org_end) {
            (Some(p), Some(o)) if p > o => (p, EntityLabel::Person),
            (_, Some(end)) => (end, EntityLabel::Org),
            (Some(end), None) => (end, EntityLabel::Person),
            (None, None) => return None,
        };
        let next = self.word(end);
        if next.starts_with(char::is_uppercase)
            || next == "of"
            || next.starts_with(char::is_numeric)
        {
            return None;
        }
        heads.truncate(end - start);
        let antecedent = self.antecedent(label, &heads, country.as_deref())?;
        let span = self.span(start, end)?;
        self.added.push(Entity {
            span,
            label,
            canonical: antecedent.canonical.clone(),
            country: antecedent.country.clone(),
            actor: antecedent.actor.clone(),
        });
        Some(end)
    }

    /// The latest named mention of `label` whose office or name ends in the head's last word and
    /// holds its other words, in `country` when given.
    fn antecedent(
        &self,
        label: EntityLabel,
        heads: &[String],
        country: Option<&str>,
    ) -> Option<&Entity> {
        let (head, modifiers) = heads.split_last()?;
        self.named.iter().rev().take(LOOKBACK).find_map(|named| {
            let entity = self.entities.get(named.entity)?;
            if entity.label != label {
                return None;
            }
            if country.is_some() && entity.country.as_deref() != country {
                return None;
            }
            // "the bank" for "Bank of England", "the ministry" for "Ministry of Defence": the
            // head before "of" is the head too.
            let head_before_of = named
                .words
                .iter()
                .position(|w| w == "of")
                .and_then(|of| of.checked_sub(1))
                .and_then(|h| named.words.get(h));
            let fits = match label {
                EntityLabel::Org => {
                    named.words.last() == Some(head) || head_before_of == Some(head)
                }
                _ => named.words.contains(head),
            } && modifiers.iter().all(|m| named.words.contains(m));
            fits.then_some(entity)
        })
    }

    /// The span of tokens `start..end`.
    fn span(&self, start: usize, end: usize) -> Option<Span> {
        let first = self.tokens.get(start)?;
        let last = self.tokens.get(end.checked_sub(1)?)?;
        Some(Span::new(first.span.start, last.span.end))
    }
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_normalise_spokes_words() {
        assert_eq!(office_word("spokesman"), "spokesperson");
        assert_eq!(office_word("minister"), "minister");
        assert!(is_org_head("ministry"));
        assert!(!is_org_head("times"));
    }
}
