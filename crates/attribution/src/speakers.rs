//! Resolves source mentions to speakers: the fullest name in the document, role and affiliation.
//!
//! Names come from the entity layer (its `canonical` is already the fullest form); roles from the
//! title words around a person's mentions ("Spokesperson Lin Jian", "Ukrainian President …");
//! pronouns and nominal mentions ("the spokesperson", "the ministry") take the most recent
//! compatible speaker, the way a reader follows a news story.

use crate::rules::{Context, Found, SourceHint};
use crate::words::{self, contains, starts_upper};
use claimgraph_core::layers::{Entity, EntityLabel, Quote, QuoteKind, Speaker, Stance, TokenKind};
use claimgraph_core::Span;
use claimgraph_lexicon::Lexicon;
use std::collections::HashMap;

/// How far back (in paragraphs) a pronoun or floating quote looks for its speaker.
const ANTECEDENT_PARAGRAPHS: usize = 3;

#[derive(Debug, Clone)]
struct Resolved {
    speaker: Speaker,
    is_person: bool,
    /// An organisation named in the gazetteer or by its form, which can employ a spokesperson.
    is_organisation: bool,
    paragraph: usize,
    /// Byte offset where the attribution that named this speaker starts.
    anchor: usize,
}

#[derive(Debug, Clone, Default)]
struct Profile {
    role: Option<String>,
    affiliation: Option<String>,
    gender: Option<Gender>,
}

/// What "he" and "she" can refer to; unknown for most names, which then agree with either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

static GIVEN_NAMES: &str = include_str!("../data/given-names.txt");

/// The shipped given-name list, by lowercase name.
#[derive(Debug, Default)]
pub struct GivenNames {
    genders: HashMap<&'static str, Gender>,
}

impl GivenNames {
    pub fn shipped() -> GivenNames {
        let genders = GIVEN_NAMES
            .lines()
            .filter_map(|line| match line.split_once(' ') {
                Some(("f", name)) => Some((name, Gender::Female)),
                Some(("m", name)) => Some((name, Gender::Male)),
                _ => None,
            })
            .collect();
        GivenNames { genders }
    }

    /// The gender the first word of a full name marks, if the list has it.
    fn gender(&self, name: &str) -> Option<Gender> {
        let first = name.split_whitespace().next()?.to_lowercase();
        self.genders.get(first.as_str()).copied()
    }
}

/// The gender a title or relation word right before a name marks ("Mrs", "Sir", "spokeswoman").
fn title_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "madam" | "madame" | "lady" | "dame" | "queen" | "princess"
        | "duchess" | "baroness" | "countess" | "congresswoman" | "spokeswoman" | "chairwoman"
        | "businesswoman" | "councilwoman" | "assemblywoman" | "actress" | "sister" | "mother"
        | "wife" | "daughter" | "grandmother" | "aunt" => Some(Gender::Female),
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "baron" | "congressman"
        | "spokesman" | "chairman" | "businessman" | "councilman" | "assemblyman" | "brother"
        | "father" | "husband" | "son" | "grandfather" | "uncle" | "pope" => Some(Gender::Male),
        _ => None,
    }
}

/// Whether `pronoun` can refer to someone of `gender`.
fn agrees(pronoun: &str, gender: Option<Gender>) -> bool {
    !matches!(
        (pronoun, gender),
        ("she", Some(Gender::Male)) | ("he", Some(Gender::Female))
    )
}

/// What speaker resolution knows of the whole document before resolving any mention.
struct DocumentFacts {
    /// Role, affiliation and gender of each person, by canonical name.
    profiles: HashMap<String, Profile>,
    /// Every reported content, merged into disjoint spans in document order: people named
    /// there are talked about, not talking.
    reported: Vec<Span>,
    /// What sources say of their speaker after a comma ("Matt Gaetz, who led the effort to
    /// oust Kevin McCarthy,"), merged: people named there are not the ones speaking.
    descriptions: Vec<Span>,
    /// Canonical names of the document's places and groups.
    places: std::collections::HashSet<String>,
    /// How often the document names each organisation, by canonical name.
    organisations: HashMap<String, usize>,
}

impl DocumentFacts {
    fn new(context: &Context, found: &[Found]) -> DocumentFacts {
        let reported = crate::spans::reported_spans(found);
        let names = |keep: fn(EntityLabel) -> bool| {
            context
                .analysis
                .entities
                .iter()
                .filter(|e| keep(e.label))
                .map(|e| e.canonical.clone())
                .collect()
        };
        let descriptions = crate::spans::merge_spans(
            found
                .iter()
                .filter_map(|f| {
                    let (start, end) = f.source?;
                    let comma = (start..end).find(|&i| context.words.get(i) == ",")?;
                    let from = context.span_of(comma, comma + 1).start;
                    Some(Span::new(from, context.span_of(start, end).end))
                })
                .collect(),
        );
        DocumentFacts {
            profiles: person_profiles(context),
            reported,
            descriptions,
            places: names(|l| matches!(l, EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Loc)),
            organisations: context
                .analysis
                .entities
                .iter()
                .filter(|e| e.label == EntityLabel::Org)
                .fold(HashMap::new(), |mut counts, e| {
                    *counts.entry(e.canonical.clone()).or_insert(0) += 1;
                    counts
                }),
        }
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        self.profiles.get(name).and_then(|p| p.gender)
    }

    /// Whether the name is a place, group or organisation of the document, never a person.
    fn names_no_person(&self, name: &str) -> bool {
        self.places.contains(name) || self.organisations.contains_key(name)
    }

    fn is_reported(&self, span: Span) -> bool {
        crate::spans::within(&self.reported, span)
    }
}

pub fn resolve(context: &Context, found: Vec<Found>) -> Vec<Quote> {
    let facts = DocumentFacts::new(context, &found);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| anchor(context, &found[i]));
    let mut resolved: Vec<Option<Resolved>> = vec![None; found.len()];
    let mut history: Vec<Resolved> = Vec::new();
    for &index in &order {
        let item = &found[index];
        let speaker = match item.hint {
            SourceHint::Mention => item.source.and_then(|(s, e)| {
                resolve_mention(context, &facts, &history, s, e, item.paragraph)
            }),
            SourceHint::SharedSubject | SourceHint::Floating => {
                recent_speakers(&history, item.paragraph).next().cloned()
            }
        };
        if let Some(speaker) = &speaker {
            history.push(Resolved {
                paragraph: item.paragraph,
                anchor: anchor(context, item),
                ..speaker.clone()
            });
        }
        resolved[index] = speaker;
    }
    let stances = framed_stances(&found, &order, &resolved);
    found
        .into_iter()
        .zip(resolved)
        .zip(stances)
        .map(|((item, speaker), stance)| {
            // "X said A, adding B": the subject both reports share is the source of each.
            let sources = match (item.hint, item.source) {
                (SourceHint::Mention | SourceHint::SharedSubject, Some((s, e))) => {
                    vec![context.span_of(s, e)]
                }
                _ => Vec::new(),
            };
            Quote {
                kind: item.kind,
                cue: item.cue,
                sources,
                speaker: speaker.map(|r| r.speaker),
                contents: item.contents,
                stance,
                confidence: item.confidence,
                negated: item.negated,
            }
        })
        .collect()
}

/// "Roy accused the leaders of caving. “We were promised real cuts,” Roy said.": a quotation
/// that follows, plainly "said", what its speaker has just been reported accusing, warning,
/// urging, denying or deploring carries that stance. Only from the framing report itself, not
/// from a quotation that carried it.
fn framed_stances(found: &[Found], order: &[usize], resolved: &[Option<Resolved>]) -> Vec<Stance> {
    let mut stances: Vec<Stance> = found.iter().map(|f| f.stance).collect();
    for pair in order.windows(2) {
        let &[before, after] = pair else {
            continue;
        };
        let (Some(framing), Some(quoted)) = (found.get(before), found.get(after)) else {
            continue;
        };
        let same_speaker = match (resolved.get(before), resolved.get(after)) {
            (Some(Some(a)), Some(Some(b))) => a.speaker.name == b.speaker.name,
            _ => false,
        };
        let framed = matches!(
            framing.stance,
            Stance::Accuse | Stance::Warn | Stance::Urge | Stance::Deny | Stance::Concern
        ) && !framing.negated
            && framing.kind != QuoteKind::Direct;
        let plain_quotation =
            quoted.stance == Stance::Assert && quoted.kind == QuoteKind::Direct && !quoted.negated;
        let close = quoted.paragraph <= framing.paragraph + 1;
        if same_speaker && framed && plain_quotation && close {
            if let Some(stance) = stances.get_mut(after) {
                *stance = framing.stance;
            }
        }
    }
    stances
}

fn anchor(context: &Context, found: &Found) -> usize {
    let source = found
        .source
        .and_then(|(s, _)| context.analysis.tokens.get(s))
        .map(|t| t.span.start);
    source
        .or(found.cue.map(|c| c.start))
        .or(found.contents.first().map(|c| c.start))
        .unwrap_or(0)
}

/// Role and affiliation of each person from the words around its mentions.
fn person_profiles(context: &Context) -> HashMap<String, Profile> {
    let mut profiles: HashMap<String, Profile> = HashMap::new();
    for entity in context
        .analysis
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
    {
        let first_token = token_index_at(context, entity.span.start);
        let profile = profiles
            .entry(entity.canonical.clone())
            .or_insert_with(|| Profile {
                gender: context.given_names.gender(&entity.canonical),
                ..Profile::default()
            });
        // A title written before the name ("Mrs Lind") outranks the given-name list.
        if let Some(gender) = first_token
            .checked_sub(1)
            .and_then(|before| title_gender(context.words.get(before)))
        {
            profile.gender = Some(gender);
        }
        if profile.role.is_none() {
            // "Corvane's chief executive, Alicia Brandt, …": the role may stand before a comma.
            let before_comma = first_token
                .checked_sub(1)
                .filter(|&comma| context.words.get(comma) == ",");
            if let Some((role_start, role)) = role_before(context, first_token)
                .or_else(|| before_comma.and_then(|comma| role_before(context, comma)))
            {
                profile.affiliation = affiliation_before(context, role_start, &role);
                profile.role = Some(role);
            } else if let Some((role, affiliation)) =
                role_after(context, token_index_at(context, entity.span.end))
            {
                profile.role = Some(role);
                profile.affiliation = affiliation.or(profile.affiliation.take());
            }
        }
        if profile.affiliation.is_none() {
            profile.affiliation = entity.country.clone();
        }
    }
    profiles
}

fn token_index_at(context: &Context, offset: usize) -> usize {
    context
        .analysis
        .tokens
        .partition_point(|t| t.span.start < offset)
}

/// A role title ending right before token `at`: "Spokesperson", "Foreign Minister".
fn role_before(context: &Context, at: usize) -> Option<(usize, String)> {
    (1..=4)
        .filter_map(|len| at.checked_sub(len))
        .find_map(|start| {
            let words = context.words.slice(start, at);
            let role = context.lexicon.role_at(&words)?;
            (role.len == at - start).then(|| (start, role.name()))
        })
}

/// An appositive role after a name: "Jonas Ekberg, a spokesperson for the Red Cross", "Ana
/// Ruiz, the company's chief executive"; `after` is the token after the name.
fn role_after(context: &Context, after: usize) -> Option<(String, Option<String>)> {
    if context.words.get(after) != "," {
        return None;
    }
    let mut at = after + 1;
    let determiner = matches!(context.words.get(at), "a" | "an" | "the");
    if determiner {
        at += 1;
    }
    // "the company's chief executive": the owner before the role is the affiliation.
    let owner = (context.words.get(at + 1) == "'s")
        .then(|| affiliation_starting_at(context, at))
        .flatten()
        .map(|(_, affiliation)| affiliation);
    if owner.is_some() {
        at += 2;
    } else if determiner {
        // "a public health consultant": up to two words may describe the role.
        let described = (0..=2).find(|&skip| {
            let words = context.words.slice(at + skip, at + skip + 4);
            context.lexicon.role_at(&words).is_some()
        });
        at += described.unwrap_or(0);
    }
    let role = (1..=4).rev().find_map(|len| {
        let words = context.words.slice(at, at + len);
        let role = context.lexicon.role_at(&words)?;
        (role.len == len).then(|| (len, role.name()))
    });
    let (len, role) = role?;
    let next = at + len;
    // "a spokesperson for the Red Cross", "head of research at the Pell Institute".
    let affiliation = owner.or_else(|| {
        (next..next + 5)
            .take_while(|&i| !matches!(context.words.get(i), "," | "." | ""))
            .filter(|&i| matches!(context.words.get(i), "for" | "of" | "at" | "with"))
            .find_map(|i| {
                let from = if context.words.get(i + 1) == "the" {
                    i + 2
                } else {
                    i + 1
                };
                affiliation_starting_at(context, from)
                    .map(|(entity, affiliation)| workplace(context, entity).unwrap_or(affiliation))
            })
    });
    Some((role, affiliation))
}

/// "head of design at Volta": a place someone works at names the employer, not the country
/// it lies in.
fn workplace(context: &Context, entity: &Entity) -> Option<String> {
    let mut before = token_index_at(context, entity.span.start).checked_sub(1)?;
    if context.words.get(before) == "the" {
        before = before.checked_sub(1)?;
    }
    (entity.label == EntityLabel::Gpe && context.words.get(before) == "at")
        .then(|| entity.span.text(context.text).to_string())
}

/// The affiliation named by an organisation, place or group entity starting at token `at`,
/// with that entity.
fn affiliation_starting_at<'c>(context: &Context<'c>, at: usize) -> Option<(&'c Entity, String)> {
    let offset = context.analysis.tokens.get(at)?.span.start;
    let entities = &context.analysis.entities;
    let from = entities.partition_point(|e| e.span.start < offset);
    entities
        .get(from..)?
        .iter()
        .take_while(|e| e.span.start == offset)
        .find(|e| {
            matches!(
                e.label,
                EntityLabel::Norp | EntityLabel::Gpe | EntityLabel::Org
            )
        })
        .map(|e| (e, affiliation_of(e)))
}

/// The country or organisation named right before a role: "Ukrainian President", "China's Foreign Minister".
fn affiliation_before(context: &Context, role_start: usize, role: &str) -> Option<String> {
    let mut end = role_start;
    let possessive = end > 0 && context.words.get(end - 1) == "'s";
    if possessive {
        end -= 1;
    }
    let owner = end.checked_sub(1)?;
    let offset = context.analysis.tokens.get(owner)?.span.end;
    // A headline or the paragraph before ("Court\n\nJustice Sotomayor") owns nothing.
    let role_offset = context.analysis.tokens.get(role_start)?.span.start;
    if context.text.get(offset..role_offset)?.contains('\n') {
        return None;
    }
    // Those ending here start at most a few names before.
    let named = entities_before(context, offset)
        .take(8)
        .find(|e| {
            e.span.end == offset
                && matches!(
                    e.label,
                    EntityLabel::Norp | EntityLabel::Gpe | EntityLabel::Org
                )
        })
        .map(|e| affiliation_for(context, e, Some(role)));
    // "Corvane's chief executive": a capitalised owner names the employer even when the entity
    // layer did not classify it.
    named.or_else(|| {
        let token = context.analysis.tokens.get(owner)?;
        (possessive && starts_upper(context.text, token))
            .then(|| token.span.text(context.text).to_string())
            .filter(|name| !contains(words::DETERMINERS, &name.to_lowercase()))
    })
}

/// The affiliation `entity` gives a holder of `role`: "Liverpool manager", "England coach" work
/// for a team that sport names by its town or country, not for the country.
fn affiliation_for(context: &Context, entity: &Entity, role: Option<&str>) -> String {
    if entity.label == EntityLabel::Gpe && role.is_some_and(|r| contains(TEAM_ROLES, r)) {
        entity.span.text(context.text).to_string()
    } else {
        affiliation_of(entity)
    }
}

fn affiliation_of(entity: &Entity) -> String {
    match entity.label {
        EntityLabel::Org => entity.canonical.clone(),
        _ => entity
            .country
            .clone()
            .unwrap_or_else(|| entity.canonical.clone()),
    }
}

fn resolve_mention(
    context: &Context,
    facts: &DocumentFacts,
    history: &[Resolved],
    start: usize,
    end: usize,
    paragraph: usize,
) -> Option<Resolved> {
    // "The company, which was fined under EU rules, added": the relative clause describes the
    // speaker and names others.
    // So does a restrictive one ("a manager who worked for Brookhaven").
    let relative = |at: usize| matches!(context.words.get(at), "which" | "who" | "whose" | "where");
    let end = (start + 1..end)
        .find(|&at| context.words.get(at) == "," && relative(at + 1) || relative(at))
        .unwrap_or(end);
    // "Mr. Okafor's decision": the holder of a noun cue is named without the possessive.
    let end = if end > start + 1 && context.words.get(end - 1) == "'s" {
        end - 1
    } else {
        end
    };
    // "The Ohio senator, a Yale-educated lawyer": with nobody named, the phrase before the
    // appositive is the head that refers.
    let appositive = (start + 1..end).find(|&i| context.words.get(i) == ",");
    if let Some(comma) = appositive {
        // "Darnell's younger sister, Tanya,": a given name alone after a relation is the speaker.
        if end == comma + 2 {
            let name = context.words.get(comma + 1);
            let capitalised = context
                .analysis
                .tokens
                .get(comma + 1)
                .is_some_and(|t| starts_upper(context.text, t));
            if capitalised && context.given_names.gender(name).is_some() {
                let written = context.span_of(comma + 1, end).text(context.text);
                return Some(unlisted_person(written.to_string(), None, None, paragraph));
            }
        }
        // "Her sponsor, the sportswear brand Adidas,": a name in the appositive is the speaker.
        let names_someone = context.entities_in(context.span_of(start, end)).any(|e| {
            e.label == EntityLabel::Person
                || e.label == EntityLabel::Org
                    && e.span.start > context.span_of(comma, comma + 1).start
        });
        if !names_someone {
            return resolve_mention(context, facts, history, start, comma, paragraph);
        }
    }
    if end == start + 1 && matches!(context.words.get(start), "who" | "which") {
        let (antecedent_start, antecedent_end) = context.relative_antecedent(start)?;
        let (antecedent_start, antecedent_end) =
            appositive_head(context, antecedent_start, antecedent_end)
                .unwrap_or((antecedent_start, antecedent_end));
        return resolve_mention(
            context,
            facts,
            history,
            antecedent_start,
            antecedent_end,
            paragraph,
        );
    }
    // "The Italian added …", "the 38-year-old said …": an epithet for the person last quoted.
    if is_epithet(context, start, end) {
        let offset = context.span_of(start, end).start;
        let floor = offset.saturating_sub(IT_LOOKBACK);
        let named_last = || {
            person_before(context, facts, offset, floor, "he", paragraph)
                .or_else(|| person_before(context, facts, offset, floor, "she", paragraph))
        };
        // "McConnell, R-Ky., struck a similar note. The Kentucky Republican said": a politician
        // by state and party is the one just named, not whoever spoke last.
        if is_party_epithet(context, start, end) {
            if let Some(person) = named_last() {
                return Some(person);
            }
        }
        // "The 78-year-old": someone whose age the text gave ("Kofi Mbeki, 19,").
        if let Some(person) = person_of_age(context, facts, start, end, floor, paragraph) {
            return Some(person);
        }
        if let Some(person) = recent_speakers(history, paragraph).find(|r| r.is_person) {
            return Some(Resolved {
                paragraph,
                ..person.clone()
            });
        }
        // "Trippier scored twice. '…,' the England full-back said": the person named last (a
        // position or an age narrows it enough; a nationality does not).
        let by_description =
            is_playing_position(context, start, end) || epithet_age(context, start, end).is_some();
        if let Some(person) = by_description.then(named_last).flatten() {
            return Some(person);
        }
    }
    let span = context.span_of(start, end);
    let inside: Vec<&Entity> = context.entities_in(span).collect();
    // "The US Justice Department": a role word inside an organisation's name is no role.
    let role_in_mention = (start..end)
        .filter(|&at| entity_at(context, at).is_none_or(|e| e.label != EntityLabel::Org))
        .find_map(|at| {
            let words = context.words.slice(at, end);
            context.lexicon.role_at(&words).map(|r| r.name())
        });
    // "Klaus Weber, a representative of the Harbour union": a person after "of", "at" or "for"
    // inside the mention is where the speaker works, not the speaker.
    // "The Harris campaign", "one Trump adviser", "Trump allies": a name before the head noun
    // says whose they are; the speaker is the one the noun names.
    let premodifier =
        |e: &Entity| {
            let after = token_index_at(context, e.span.end);
            // "Harris herself" is Harris.
            let reflexive = matches!(
                context.words.get(after),
                "himself" | "herself" | "itself" | "themselves"
            );
            after < end
                && !reflexive
                && (after..end).all(|i| {
                    context.analysis.tokens.get(i).is_some_and(|t| {
                        t.kind == TokenKind::Word && !starts_upper(context.text, t)
                    }) || context.words.get(i) == "'s" && i + 1 < end
                })
        };
    if let Some(unnamed) = unnamed_insider(context, &inside, start, end, paragraph) {
        return Some(unnamed);
    }
    let inside: Vec<&Entity> = inside
        .into_iter()
        .filter(|e| e.label != EntityLabel::Person || !premodifier(e))
        .collect();
    let person = inside
        .iter()
        .rev()
        .find(|e| {
            e.label == EntityLabel::Person && !after_affiliation_word(context, start, e.span.start)
        })
        // "A spokesman to Boris Johnson" is not Johnson: a described speaker stays unnamed.
        .or_else(|| {
            let first = context.words.get(start);
            let described =
                matches!(first, "a" | "an" | "the") || context.lexicon.is_speaker_noun(first);
            inside
                .iter()
                .find(|e| e.label == EntityLabel::Person)
                .filter(|_| !described)
        });
    if let Some(person) = person {
        let profile = facts
            .profiles
            .get(&person.canonical)
            .cloned()
            .unwrap_or_default();
        // "a Denver-based buyer for Alpine Metals": the employer outranks a place.
        let affiliation = inside
            .iter()
            .find(|e| e.label == EntityLabel::Org)
            .or_else(|| {
                inside
                    .iter()
                    .find(|e| matches!(e.label, EntityLabel::Norp | EntityLabel::Gpe))
            })
            .map(|e| {
                workplace(context, e)
                    .unwrap_or_else(|| affiliation_for(context, e, role_in_mention.as_deref()))
            })
            .or_else(|| {
                nearby_organisation(
                    history,
                    paragraph,
                    role_in_mention.as_deref(),
                    person.country.as_deref(),
                )
            })
            .or(profile.affiliation)
            .or_else(|| person.country.clone());
        return Some(Resolved {
            speaker: Speaker {
                name: person.canonical.clone(),
                role: role_in_mention.or(profile.role),
                affiliation,
            },
            is_person: true,
            is_organisation: false,
            paragraph,
            anchor: 0,
        });
    }
    let mention = context.words.slice(start, end);
    // "The bank" the entity layer already took back to the Bank of England named before.
    let names_an_organisation = inside.iter().any(|e| e.label == EntityLabel::Org);
    // "The U.S. company added …": a place before the company noun only says where it is from.
    if let Some(company) = (!names_an_organisation)
        .then(|| company_antecedent(context, facts, &mention, span.start, history, paragraph))
        .flatten()
        .or_else(|| {
            // "Veltrix said … The company did not comment": the organisation quoted last, when the
            // entity layer did not classify it.
            (!names_an_organisation && is_company_mention(&mention))
                .then(|| {
                    let known_person = |name: &str| {
                        history
                            .iter()
                            .any(|h| h.is_person && h.speaker.name == name)
                    };
                    // A headline's subject ("Whistleblower says firm hid risks") is no company.
                    let headline_subject =
                        |r: &Resolved| r.paragraph == 0 && opens_with_headline(context);
                    history.iter().rev().find(|r| {
                        // The scan of the history for the same name as a person comes last.
                        !r.is_person
                            && !headline_subject(r)
                            && looks_like_a_name(&r.speaker.name)
                            && !facts.places.contains(&r.speaker.name)
                            && !is_plural_nominal(context.lexicon, &r.speaker.name)
                            && !known_person(&r.speaker.name)
                    })
                })
                .flatten()
                .cloned()
        })
    {
        return Some(Resolved {
            paragraph,
            ..company
        });
    }
    if let Some(group) = group_antecedent(context, &mention, span.start, history, paragraph) {
        return Some(Resolved { paragraph, ..group });
    }
    // "the spokeswoman" refers back to one already quoted; "a company spokeswoman" is someone new.
    let indefinite = matches!(mention.first(), Some(&("a" | "an" | "another" | "one")));
    // "Justice Jackson" names someone after the role: not a back-reference to another justice
    // (a place before it, "the Newcastle manager", only says which manager).
    let role_end = (start..end)
        .find_map(|at| {
            let words = context.words.slice(at, end);
            context.lexicon.role_at(&words).map(|r| at + r.len)
        })
        .unwrap_or(end);
    let names_someone = (role_end..end).any(|i| {
        context
            .analysis
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(context.text, t))
            && context.lexicon.role_at(&[context.words.get(i)]).is_none()
    });
    if let Some(role) = role_in_mention
        .as_ref()
        .filter(|_| !indefinite && !names_someone)
    {
        if let Some(earlier) = history
            .iter()
            .rev()
            .find(|r| r.speaker.role.as_deref() == Some(role.as_str()))
        {
            return Some(Resolved {
                paragraph,
                ..earlier.clone()
            });
        }
        // "Newcastle manager Eddie Howe was furious. … the Newcastle manager added": a person
        // the text gave that role, not yet quoted.
        if let Some(person) = role_holder_before(context, facts, span.start, role) {
            return Some(Resolved {
                paragraph,
                ..person
            });
        }
    }
    // "a statement released in Vienna": a place inside a prepositional phrase is not the
    // speaker; nor is one that only says where the speaker is ("the San Jose-based company").
    // "A resident of Mandalay", "a witness in Gaza": one person described by a place.
    let described_person =
        (start..end.min(start + 3)).any(|i| contains(words::PERSON_NOUNS, context.words.get(i)));
    // "A Nashville songwriter": someone described by where they are from.
    let indefinite_start = matches!(context.words.get(start), "a" | "an");
    let describes_someone = |e: &Entity| {
        let after = token_index_at(context, e.span.end);
        indefinite_start
            && matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp)
            && after < end
            && context
                .analysis
                .tokens
                .get(after)
                .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(context.text, t))
    };
    let inside: Vec<&Entity> = inside
        .into_iter()
        .filter(|e| {
            e.label == EntityLabel::Person
                || !follows_preposition(context, start, e.span.start)
                    && !is_place_modifier(context.text, e.span)
                    && !describes_someone(e)
                || described_person
        })
        .collect();
    if let Some(group) = inside
        .iter()
        .find(|e| e.label == EntityLabel::Org)
        .or_else(|| {
            inside
                .iter()
                .find(|e| matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp))
        })
    {
        // "two senior GOP aides": several people of an organisation are not the organisation
        // (one "Pentagon spokesman" speaks for it).
        let head = context.words.get(end.saturating_sub(1));
        let members = group.span.end < span.end
            && head.ends_with('s')
            && (context.lexicon.is_speaker_noun(head) || contains(GROUP_HEADS, head));
        // "a senior U.S. official": a country modifying a speaker noun says where they are from;
        // the speaker is the one described, as for "a resident of Mandalay".
        let from_place = group.label == EntityLabel::Gpe
            && group.span.end < span.end
            && context.lexicon.is_speaker_noun(head);
        let described = described_person || members || from_place;
        // "Ukrainian officials": a nationality word qualifies the speakers, it does not name them;
        // "Democrats" name a group of people, not the singular demonym.
        let name = if group.label == EntityLabel::Norp || described {
            strip_determiner(span.text(context.text)).to_string()
        } else {
            group.canonical.clone()
        };
        let affiliation = if members && group.label == EntityLabel::Org {
            Some(group.canonical.clone())
        } else {
            group
                .country
                .clone()
                .filter(|c| *c != group.canonical)
                .or_else(|| {
                    (group.label == EntityLabel::Norp || described).then(|| group.canonical.clone())
                })
        };
        return Some(Resolved {
            speaker: Speaker {
                name,
                role: role_in_mention,
                affiliation,
            },
            is_person: false,
            is_organisation: group.label == EntityLabel::Org && !described,
            paragraph,
            anchor: 0,
        });
    }
    // "His statement follows …", "their letter says …": what a speaker wrote or said speaks for
    // its author.
    let written = match mention.as_slice() {
        [holder, artefact] if contains(SPEECH_ARTEFACTS, artefact) => Some(*holder),
        [written] => Some(*written),
        _ => None,
    };
    if let Some(written) = written {
        // A possessive holder ("her criticism of …") refers as its subject form does.
        let pronoun = &match written {
            "his" => "he",
            "her" => "she",
            "their" => "they",
            "its" => "it",
            "our" => "we",
            "my" => "i",
            other => other,
        };
        if contains(words::PRONOUNS, pronoun) {
            // "Goldman Sachs kept its forecast …": "it" is the organisation its own clause opened
            // with, whoever was quoted before.
            if *pronoun == "it" {
                if let Some(subject) = organisation_opening_sentence(context, span.start) {
                    return Some(Resolved {
                        paragraph,
                        ..organisation_speaker(subject)
                    });
                }
            }
            // A person named after the last speaker is the likelier antecedent ("…'s chairwoman,
            // Lena Osk, was blunter. She wrote …").
            let from_history = resolve_pronoun(context.lexicon, facts, history, pronoun, paragraph);
            let last_paragraph = history
                .iter()
                .rev()
                .find(|r| {
                    from_history
                        .as_ref()
                        .is_some_and(|f| f.speaker == r.speaker)
                })
                .map_or(paragraph, |r| r.paragraph);
            let named_after = from_history.as_ref().map_or(0, |r| r.anchor);
            let named = person_before(context, facts, span.start, named_after, pronoun, paragraph);
            return match (named, from_history) {
                (Some(named), Some(last)) if named.speaker.name == last.speaker.name => Some(last),
                // Organisations are named in passing far more often than people ("shares on
                // the London Stock Exchange"): "it" keeps the organisation last quoted.
                // One quoted paragraphs ago gives way to one named just before.
                (Some(named), Some(_)) if *pronoun == "it" && last_paragraph + 1 < paragraph => {
                    Some(named)
                }
                (named, last) if *pronoun == "it" => last.or(named),
                (named, last) => named.or(last),
            };
        }
    }
    let head = mention.last().copied().unwrap_or("");
    if starts_with_definite(&mention) && !head.is_empty() {
        // "the foreign ministry" is not "the defence ministry": every word must be in the name.
        let earlier = history.iter().rev().find(|r| {
            let name = r.speaker.name.to_lowercase();
            !r.is_person && mention.iter().skip(1).all(|w| name.contains(w))
        });
        if let Some(earlier) = earlier {
            return Some(Resolved {
                paragraph,
                ..earlier.clone()
            });
        }
    }
    // "was upbeat about …", "has resisted calls …": a lone lowercase word that names no one
    // (not a noun for speakers, not a plural) is a misread source, not a speaker.
    if let [word] = mention.as_slice() {
        let lowercase = context
            .analysis
            .tokens
            .get(start)
            .is_some_and(|t| !starts_upper(context.text, t));
        let names_someone = context.lexicon.is_speaker_noun(word)
            || word.ends_with('s')
            || contains(words::PERSON_NOUNS, word);
        if lowercase && !names_someone {
            return None;
        }
    }
    // "Ortiz, who has led the port for a decade": the name is the part before the appositive.
    let written = span.text(context.text);
    let name = written.split(',').next().unwrap_or(written).trim();
    // "The company said" and "the company said" are one unresolved speaker.
    let name = match name.split_once(' ') {
        Some((first, rest)) if matches!(first, "The" | "A" | "An") => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => name.to_string(),
    };
    // "The Royal College of Nursing called for funding. Its chief executive said …": the
    // organisation a possessive refers to employs the one in the role.
    let affiliation = (role_in_mention.is_some()
        && matches!(context.words.get(start), "its" | "their"))
    .then(|| organisation_before(context, span.start, span.start.saturating_sub(IT_LOOKBACK)))
    .flatten()
    .map(|organisation| organisation.speaker.name);
    (!name.is_empty()).then_some(Resolved {
        speaker: Speaker {
            name,
            role: role_in_mention,
            affiliation,
        },
        is_person: false,
        is_organisation: false,
        paragraph,
        anchor: 0,
    })
}

/// "Marta Lind, the harbour master, who …": a relative clause after an appositive describes
/// the person the appositive follows, so the antecedent is the name before its comma.
fn appositive_head(
    context: &Context,
    antecedent_start: usize,
    antecedent_end: usize,
) -> Option<(usize, usize)> {
    let comma = antecedent_start.checked_sub(1)?;
    if context.words.get(comma) != "," {
        return None;
    }
    let name_end = context.analysis.tokens.get(comma.checked_sub(1)?)?.span.end;
    let appositive = context.span_of(antecedent_start, antecedent_end);
    let names_a_person = context
        .entities_in(appositive)
        .any(|e| e.label == EntityLabel::Person);
    let person = entities_before(context, name_end)
        .take(8)
        .find(|e| e.label == EntityLabel::Person && e.span.end == name_end)?;
    let opens_nominal = matches!(context.words.get(antecedent_start), "the" | "a" | "an")
        || contains(
            words::POSSESSIVE_DETERMINERS,
            context.words.get(antecedent_start),
        );
    (opens_nominal && !names_a_person).then(|| {
        let first = token_index_at(context, person.span.start);
        (first, comma)
    })
}

/// Nouns for what a speaker said or wrote, which report for their holder ("his statement").
const SPEECH_ARTEFACTS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "comments",
    "speech",
    "letter",
    "tweet",
    "tweets",
    "post",
    "message",
    "announcement",
    "testimony",
    "op-ed",
    "memo",
];

/// Roles whose holder works for a team, which news names by its town or country.
const TEAM_ROLES: &[&str] = &[
    "Manager",
    "Coach",
    "Head Coach",
    "Captain",
    "Assistant Manager",
    "Goalkeeper",
    "Striker",
    "Midfielder",
    "Defender",
];

/// Head nouns by which business news refers back to the company it is about.
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "carrier",
    "airline",
    "retailer",
    "lender",
    "insurer",
    "maker",
    "manufacturer",
    "giant",
    "operator",
    "broadcaster",
    "publisher",
    "chain",
    "conglomerate",
    "corporation",
    "bank",
    "carmaker",
    "automaker",
    "drugmaker",
    "chipmaker",
    "startup",
    "miner",
    "producer",
    "developer",
];

/// "the company", "the US software firm".
fn is_company_mention(mention: &[&str]) -> bool {
    starts_with_definite(mention)
        && mention.len() <= 4
        && mention
            .last()
            .is_some_and(|head| COMPANY_NOUNS.contains(head))
}

/// "the company", "the US software firm": the latest organisation named before the mention.
fn company_antecedent(
    context: &Context,
    facts: &DocumentFacts,
    mention: &[&str],
    before: usize,
    history: &[Resolved],
    paragraph: usize,
) -> Option<Resolved> {
    if !is_company_mention(mention) {
        return None;
    }
    // The gazetteer's organisations are public bodies, parties and agencies, not companies,
    // except those it lists as companies; one named as someone's employer ("Tom Adeyemi of
    // Crestline Securities") is not the story's.
    // Among the last few named, the one the article names most is the one it is about ("the
    // company" is rarely the analyst's firm named in passing); the nearest breaks ties.
    // One quoted lately outranks one named more often ("Northgate said it filed a plan with
    // Ferris Hotel Corp. Ferris will get a fee, the company said" is Northgate).
    let count = |e: &Entity| {
        let spoke = recent_speakers(history, paragraph)
            .any(|r| !r.is_person && r.speaker.name == e.canonical);
        (
            spoke,
            facts.organisations.get(&e.canonical).copied().unwrap_or(0),
        )
    };
    let named = entities_before(context, before)
        .filter(|e| {
            e.label == EntityLabel::Org
                && e.actor.as_deref().is_none_or(|a| a.starts_with("company:"))
                && e.span.end <= before
                && !is_employer_mention(context, e)
                && !is_public_body(&e.canonical)
        })
        .take(COMPANY_CANDIDATES)
        .fold(None::<&Entity>, |best, e| match best {
            Some(best) if count(best) >= count(e) => Some(best),
            _ => Some(e),
        })?;
    Some(organisation_speaker(named))
}

/// "Securities and Exchange Commission", "New England Journal of Medicine": an organisation
/// named as a public body, a publication or an institution, which "the company" is not.
fn is_public_body(name: &str) -> bool {
    name.split_whitespace()
        .any(|word| PUBLIC_BODY_WORDS.contains(&word.trim_end_matches(['.', ','])))
}

const PUBLIC_BODY_WORDS: &[&str] = &[
    // Laws the entity layer may take for organisations ("the Digital Services Act").
    "Act",
    "Directive",
    "Regulation",
    "Treaty",
    "Convention",
    "Commission",
    "Agency",
    "Department",
    "Ministry",
    "Court",
    "Journal",
    "University",
    "Council",
    "Committee",
    "Bureau",
    "Office",
    "Administration",
    "Authority",
    "Board",
    "Institute",
    "Foundation",
    "Association",
    "Union",
    "Party",
    "Police",
    "Parliament",
    "Senate",
    "Congress",
    "Tribunal",
    "Regulator",
    "Federation",
    "Government",
    "Times",
    "Post",
    "News",
    "Review",
];

/// How many of the organisations named last "the company" may refer to.
const COMPANY_CANDIDATES: usize = 6;

/// "… of Crestline Securities", "an analyst at Baird": an organisation after "of", "at", "from"
/// or "with".
fn is_employer_mention(context: &Context, entity: &Entity) -> bool {
    let first = token_index_at(context, entity.span.start);
    // "NEW YORK (AP) —": the agency filing the story is no party to it.
    let filed_by = first
        .checked_sub(1)
        .is_some_and(|before| context.words.get(before) == "(")
        && context.words.get(token_index_at(context, entity.span.end)) == ")";
    filed_by
        || first.checked_sub(1).is_some_and(|before| {
            matches!(context.words.get(before), "of" | "at" | "from" | "with")
        })
}

/// The document's entities starting before byte `offset`, nearest first. Entities are in
/// document order, so the walk starts at `offset` and long documents stay linear.
fn entities_before<'c>(context: &Context<'c>, offset: usize) -> impl Iterator<Item = &'c Entity> {
    let entities = &context.analysis.entities;
    let before = entities.partition_point(|e| e.span.start < offset);
    entities.get(..before).unwrap_or(&[]).iter().rev()
}

/// "A White House official", "a senior Pentagon official", "a Home Office source": someone
/// unnamed inside an organisation speaks for no one but themselves; the organisation is their
/// affiliation, not the speaker.
fn unnamed_insider(
    context: &Context,
    inside: &[&Entity],
    start: usize,
    end: usize,
    paragraph: usize,
) -> Option<Resolved> {
    if !matches!(context.words.get(start), "a" | "an" | "another" | "one") || end <= start + 2 {
        return None;
    }
    let head = context.words.get(end - 1);
    if !INSIDER_NOUNS.contains(&head) {
        return None;
    }
    let organisation = inside.iter().find(|e| {
        matches!(e.label, EntityLabel::Org | EntityLabel::Gpe)
            && token_index_at(context, e.span.end) == end - 1
    })?;
    let name = context
        .span_of(start + 1, end)
        .text(context.text)
        .to_string();
    let mut role = head.to_string();
    if let Some(first) = role.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let affiliation = Some(organisation.canonical.clone());
    Some(unlisted_person(name, Some(role), affiliation, paragraph))
}

/// A person the entity layer does not list, as the text describes them.
fn unlisted_person(
    name: String,
    role: Option<String>,
    affiliation: Option<String>,
    paragraph: usize,
) -> Resolved {
    Resolved {
        speaker: Speaker {
            name,
            role,
            affiliation,
        },
        is_person: true,
        is_organisation: false,
        paragraph,
        anchor: 0,
    }
}

/// People inside an organisation who are quoted without a name.
const INSIDER_NOUNS: &[&str] = &[
    "official",
    "source",
    "aide",
    "diplomat",
    "insider",
    "officer",
    "employee",
    "staffer",
    "adviser",
    "advisor",
    "executive",
    "lawmaker",
    "member",
    "commander",
];

/// The organisation that opens the sentence holding byte `offset`, before it ("Goldman Sachs
/// kept its forecast", "The Bank of England, which …, said its").
fn organisation_opening_sentence<'c>(context: &Context<'c>, offset: usize) -> Option<&'c Entity> {
    let sentences = &context.analysis.sentences;
    let sentence = sentences.get(sentences.partition_point(|s| s.span.end <= offset))?;
    let opening = context.analysis.tokens.get(sentence.tokens.0)?;
    let first = entities_before(context, offset)
        .take_while(|e| e.span.start >= sentence.span.start)
        .last()?;
    let starts = first.span.start == opening.span.start
        || context
            .analysis
            .tokens
            .get(sentence.tokens.0 + 1)
            .is_some_and(|t| t.span.start == first.span.start)
            && context.words.get(sentence.tokens.0) == "the";
    (starts && first.label == EntityLabel::Org).then_some(first)
}

/// Whether the first paragraph is a headline: a line without closing punctuation followed by
/// more text.
fn opens_with_headline(context: &Context) -> bool {
    let paragraphs = &context.analysis.paragraphs;
    paragraphs.len() > 1
        && paragraphs.first().is_some_and(|p| {
            !p.span
                .text(context.text)
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '\''])
        })
}

/// "Hezbollah denied … the group said", "The Patrolmen's Association … the union said": a
/// collective noun refers back to the organisation quoted last, else to the one named last
/// (not one named as someone's employer).
fn group_antecedent(
    context: &Context,
    mention: &[&str],
    before: usize,
    history: &[Resolved],
    paragraph: usize,
) -> Option<Resolved> {
    let collective = starts_with_definite(mention)
        && mention.len() <= 3
        && mention
            .last()
            .is_some_and(|head| GROUP_NOUNS.contains(head));
    if !collective {
        return None;
    }
    if let Some(quoted) = recent_speakers(history, paragraph).find(|r| r.is_organisation) {
        return Some(quoted.clone());
    }
    // Only one named in this paragraph or the one before: "the union" of a league story is
    // not the record label sued three paragraphs up.
    let paragraphs = &context.analysis.paragraphs;
    let current = paragraphs.partition_point(|p| p.span.end <= before);
    let floor = current
        .checked_sub(1)
        .and_then(|p| paragraphs.get(p))
        .map_or(0, |p| p.span.start);
    let named = entities_before(context, before)
        .take(COMPANY_CANDIDATES)
        .take_while(|e| e.span.start >= floor)
        .find(|e| e.label == EntityLabel::Org && !is_employer_mention(context, e))?;
    Some(organisation_speaker(named))
}

/// Collective nouns for organisations that are no companies (see `COMPANY_NOUNS`).
const GROUP_NOUNS: &[&str] = &[
    "group",
    "union",
    "organisation",
    "organization",
    "association",
    "militia",
    "movement",
    "charity",
    "coalition",
    "alliance",
    "federation",
    "campaign",
    "network",
    "regulator",
    "watchdog",
    "mission",
];

/// An organisation entity as the speaker it names.
fn organisation_speaker(named: &Entity) -> Resolved {
    Resolved {
        speaker: Speaker {
            name: named.canonical.clone(),
            role: None,
            affiliation: named.country.clone().filter(|c| *c != named.canonical),
        },
        is_person: false,
        is_organisation: true,
        paragraph: 0,
        anchor: 0,
    }
}

fn starts_with_definite(mention: &[&str]) -> bool {
    matches!(mention.first(), Some(&"the"))
}

/// A spokesperson named without an organisation speaks for the organisation of their country
/// quoted just before ("the Foreign Ministry said … Spokesperson Lin Jian …"). Other offices
/// do not: a shadow chancellor quoted after Downing Street does not work there.
fn nearby_organisation(
    history: &[Resolved],
    paragraph: usize,
    role: Option<&str>,
    country: Option<&str>,
) -> Option<String> {
    if !role.is_some_and(|r| r.contains("Spokesperson")) {
        return None;
    }
    history
        .iter()
        .rev()
        .take_while(|r| paragraph.saturating_sub(r.paragraph) <= 1)
        .find(|r| !r.is_person)
        .filter(|r| {
            r.is_organisation
                && r.speaker.affiliation.is_some()
                && (country.is_none() || r.speaker.affiliation.as_deref() == country)
        })
        .map(|r| r.speaker.name.clone())
}

/// Speakers quoted within [`ANTECEDENT_PARAGRAPHS`] of `paragraph`, latest first.
fn recent_speakers(history: &[Resolved], paragraph: usize) -> impl Iterator<Item = &Resolved> {
    history
        .iter()
        .rev()
        .take_while(move |r| paragraph.saturating_sub(r.paragraph) <= ANTECEDENT_PARAGRAPHS)
}

fn resolve_pronoun(
    lexicon: &Lexicon,
    facts: &DocumentFacts,
    history: &[Resolved],
    pronoun: &str,
    paragraph: usize,
) -> Option<Resolved> {
    let wants_person = matches!(pronoun, "he" | "she" | "i");
    let wants_group = pronoun == "it";
    // "They said …" after "Peskov said …" is not Peskov: news keeps "they" for groups and
    // organisations.
    let wants_plural = pronoun == "they";
    // "…, a buffer that Beijing does not recognise. It described …": one whose report sits
    // inside another's is talked about there, and no antecedent.
    let recent = || {
        recent_speakers(history, paragraph)
            .filter(|r| !facts.is_reported(Span::new(r.anchor, r.anchor + 1)))
    };
    let found = recent().find(|r| {
        (!wants_person || r.is_person || is_person_description(lexicon, &r.speaker.name))
            && (!wants_plural || !r.is_person && !is_person_description(lexicon, &r.speaker.name))
            && (!wants_group
                || !r.is_person
                    && !is_plural_nominal(lexicon, &r.speaker.name)
                    && (r.is_organisation
                        || looks_like_a_name(&r.speaker.name)
                        || !r.speaker.name.ends_with('s')))
            && agrees(pronoun, facts.gender_of(&r.speaker.name))
    });
    // "Holt confirmed … He said …": a capitalised name the entity layer did not classify is
    // most likely a person when nobody else fits "he" or "she".
    let found = found.or_else(|| {
        wants_person
            .then(|| {
                recent().find(|r| {
                    !r.is_organisation
                        && looks_like_a_name(&r.speaker.name)
                        && agrees(pronoun, facts.gender_of(&r.speaker.name))
                        && !facts.names_no_person(&r.speaker.name)
                        && !is_plural_nominal(lexicon, &r.speaker.name)
                })
            })
            .flatten()
    });
    // Whoever "he" or "she" takes up is a person from here on ("The bank said" after "As
    // Karadsheh spoke … he said" is not Karadsheh).
    found.map(|r| Resolved {
        paragraph,
        is_person: r.is_person || wants_person && pronoun != "i",
        ..r.clone()
    })
}

/// "One witness", "a barman", "the spokeswoman": one person described, whom "he" or "she"
/// can take up.
fn is_person_description(lexicon: &Lexicon, name: &str) -> bool {
    // "a former care worker at the home": the head comes before the prepositional phrase.
    let words: Vec<String> = name
        .split_whitespace()
        .map(str::to_lowercase)
        .take_while(|w| {
            !matches!(
                w.as_str(),
                "at" | "of" | "in" | "from" | "for" | "with" | "on"
            )
        })
        .collect();
    let Some(head) = words.last() else {
        return false;
    };
    let opener = words.first().map(String::as_str);
    let singular = matches!(opener, Some("a" | "an" | "one" | "the" | "another"));
    let role = (0..words.len()).any(|from| {
        let rest: Vec<&str> = words.iter().skip(from).map(String::as_str).collect();
        lexicon.role_at(&rest).is_some_and(|r| r.len == rest.len())
    });
    // "a soldier reached by phone": the noun right after the opener, or the head.
    let noun = words.get(1).map(String::as_str).unwrap_or("");
    singular
        && (role
            || words::PERSON_NOUNS.contains(&head.as_str())
            || words::PERSON_NOUNS.contains(&noun))
}

/// Capitalised words only ("Holt", "Anthony Blake KC"), not a common-noun phrase; a single
/// word ending in "s" is more often a team or company ("Rovers", "Reuters") than a surname.
fn looks_like_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let plural_looking = matches!(words.as_slice(), [single] if single.ends_with('s'));
    !words.is_empty() && capitalised && !plural_looking
}

/// "the Italian", "the 38-year-old", "the Frenchman": "the" and one word describing a person by
/// nationality or age.
fn is_epithet(context: &Context, start: usize, end: usize) -> bool {
    if end <= start + 1 || end > start + 6 || context.words.get(start) != "the" {
        return false;
    }
    // "38-year-old" may arrive as one token or as "38", "-", "year", "-", "old".
    let rest = context.words.slice(start + 1, end).concat();
    let age = rest.ends_with("-year-old")
        && rest
            .split('-')
            .next()
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let span = context.span_of(start + 1, end);
    let nationality = end == start + 2
        && !rest.ends_with('s')
        && context
            .entities_in(span)
            .any(|e| e.label == EntityLabel::Norp && e.span == span);
    let man = matches!(
        rest.as_str(),
        "frenchman" | "englishman" | "dutchman" | "irishman" | "scotsman" | "welshman"
    );
    age || nationality
        || man
        || is_playing_position(context, start, end)
        || is_party_epithet(context, start, end)
}

/// The age in "the 78-year-old", if the mention is one.
fn epithet_age(context: &Context, start: usize, end: usize) -> Option<String> {
    let rest = context.words.slice(start + 1, end).concat();
    let age = rest.strip_suffix("-year-old")?;
    (!age.is_empty() && age.chars().all(|c| c.is_ascii_digit())).then(|| age.to_string())
}

/// The person named before `start` (back to byte `floor`) with ", AGE," after the name.
fn person_of_age(
    context: &Context,
    facts: &DocumentFacts,
    start: usize,
    end: usize,
    floor: usize,
    paragraph: usize,
) -> Option<Resolved> {
    let age = epithet_age(context, start, end)?;
    let offset = context.span_of(start, end).start;
    let person = entities_before(context, offset)
        .take_while(|e| e.span.start > floor)
        .filter(|e| e.label == EntityLabel::Person && e.span.end <= offset)
        .find(|e| {
            let after = token_index_at(context, e.span.end);
            context.words.get(after) == "," && context.words.get(after + 1) == age
        })?;
    Some(person_speaker(facts, person, paragraph))
}

/// "The Louisiana Republican" (a politician by state and party), "the Kikuyu MP", "the ODM
/// legislator" (a representative by place or party).
fn is_party_epithet(context: &Context, start: usize, end: usize) -> bool {
    if end != start + 3 || context.words.get(start) != "the" {
        return false;
    }
    let modifier_capitalised = context
        .analysis
        .tokens
        .get(start + 1)
        .is_some_and(|t| starts_upper(context.text, t));
    match context.words.get(end - 1) {
        "republican" | "democrat" | "independent" | "conservative" | "liberal" => context
            .entities_in(context.span_of(start + 1, start + 2))
            .any(|e| e.label == EntityLabel::Gpe),
        "senator" | "governor" | "congressman" | "congresswoman" | "lawmaker" | "legislator"
        | "mp" => modifier_capitalised,
        _ => false,
    }
}

/// "the striker", "the England full-back": a player by position (written in lowercase, so "the
/// National Guard" is not one), after an optional team.
fn is_playing_position(context: &Context, start: usize, end: usize) -> bool {
    let last = end - 1;
    end <= start + 4
        && context.words.get(start) == "the"
        && context
            .analysis
            .tokens
            .get(last)
            .is_some_and(|t| !starts_upper(context.text, t))
        && context
            .words
            .get(last)
            .split('-')
            .next_back()
            .is_some_and(|word| PLAYING_POSITIONS.contains(&word))
}

/// Plural nouns for people who belong to or side with someone: "Trump allies", "GOP aides".
const GROUP_HEADS: &[&str] = &[
    "aides",
    "allies",
    "advisers",
    "advisors",
    "staffers",
    "supporters",
    "members",
    "lawmakers",
    "insiders",
    "loyalists",
    "donors",
    "voters",
];

/// Positions by which sports reports refer back to a player.
const PLAYING_POSITIONS: &[&str] = &[
    "striker",
    "forward",
    "winger",
    "midfielder",
    "defender",
    "back",
    "goalkeeper",
    "keeper",
    "playmaker",
    "flanker",
    "batsman",
    "bowler",
    "spinner",
    "seamer",
    "quarterback",
    "pitcher",
    "sprinter",
    "athlete",
    "runner",
    "swimmer",
    "cyclist",
    "boxer",
    "footballer",
    "cricketer",
    "golfer",
];

/// "St. Columba", "Saint Anselm": in news a school, church or hospital named after a saint,
/// not someone who speaks.
fn is_saint(name: &str) -> bool {
    ["St. ", "St ", "Saint ", "Ste. ", "San ", "Santa "]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// "Analysts", "the companies": a common-noun plural, which "it" cannot refer to.
fn is_plural_nominal(lexicon: &Lexicon, name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let last = words.last().unwrap_or(first);
    let lower = last.to_lowercase();
    let common =
        first.chars().next().is_some_and(char::is_lowercase) || lexicon.is_speaker_noun(&lower);
    common && lower.ends_with('s') && !lower.ends_with("ss")
}

/// How far back (bytes) "it" looks for an organisation named in the text.
const IT_LOOKBACK: usize = 400;

/// With no earlier speaker, "he" or "she" is the last person named before it, and "it" an
/// organisation named shortly before ("shares in Phytopharm fell after it said …").
fn person_before(
    context: &Context,
    facts: &DocumentFacts,
    offset: usize,
    after: usize,
    pronoun: &str,
    paragraph: usize,
) -> Option<Resolved> {
    if pronoun == "it" {
        return organisation_before(
            context,
            offset,
            after.max(offset.saturating_sub(IT_LOOKBACK)),
        )
        .map(|found| Resolved { paragraph, ..found });
    }
    if !matches!(pronoun, "he" | "she") {
        return None;
    }
    // Walk back from the pronoun only as far as `after`, so long documents stay linear.
    let mut candidates = entities_before(context, offset)
        .take_while(|e| e.span.start > after)
        .filter(|e| {
            e.label == EntityLabel::Person
                && e.span.end <= offset
                && agrees(pronoun, facts.gender_of(&e.canonical))
                && !facts.is_reported(e.span)
                && !crate::spans::within(&facts.descriptions, e.span)
                && !is_saint(&e.canonical)
        })
        .take(3);
    let nearest = candidates.next()?;
    // "Park beat Ode in 2019. But he believes …": a subject is the likelier antecedent than
    // the object of a verb just before it.
    let person = if is_object(context, nearest) {
        candidates
            .find(|e| !is_object(context, e))
            .unwrap_or(nearest)
    } else {
        nearest
    };
    Some(person_speaker(facts, person, paragraph))
}

/// Whether a name (with its title) stands right after a verb or preposition ("beat Ode",
/// "with Ode"): a lowercase word before it that is no determiner or title.
fn is_object(context: &Context, entity: &Entity) -> bool {
    // "a forum chaired by council leader Mark Bell": past the title to the verb.
    let mut at = token_index_at(context, entity.span.start);
    while let Some(title) = at.checked_sub(1).filter(|&b| {
        let word = context.words.get(b);
        context.lexicon.is_speaker_noun(word) || context.lexicon.role_at(&[word]).is_some()
    }) {
        at = title;
    }
    let Some(before) = at.checked_sub(1) else {
        return false;
    };
    let word = context.words.get(before);
    context.analysis.tokens.get(before).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !starts_upper(context.text, t)
            && !contains(words::DETERMINERS, word)
            && !context.lexicon.is_speaker_noun(word)
            && context.lexicon.role_at(&[word]).is_none()
    })
}

/// The nearest person named before byte `offset` (within the pronoun look-back) whose stated
/// role is `role`.
fn role_holder_before(
    context: &Context,
    facts: &DocumentFacts,
    offset: usize,
    role: &str,
) -> Option<Resolved> {
    let floor = offset.saturating_sub(IT_LOOKBACK);
    let person = entities_before(context, offset)
        .take_while(|e| e.span.start > floor)
        .filter(|e| e.label == EntityLabel::Person && e.span.end <= offset)
        .find(|e| {
            facts
                .profiles
                .get(&e.canonical)
                .is_some_and(|p| p.role.as_deref().is_some_and(|r| same_office(r, role)))
        })?;
    Some(person_speaker(facts, person, 0))
}

/// Whether two role names are one office: equal, or words news uses for the same post ("the
/// coach" for a football manager).
fn same_office(a: &str, b: &str) -> bool {
    const TEAM_LEADERS: &[&str] = &["Manager", "Coach", "Head Coach", "Boss"];
    a == b || TEAM_LEADERS.contains(&a) && TEAM_LEADERS.contains(&b)
}

/// A person entity as the speaker it names, with the role and affiliation the text gives them.
fn person_speaker(facts: &DocumentFacts, person: &Entity, paragraph: usize) -> Resolved {
    let profile = facts
        .profiles
        .get(&person.canonical)
        .cloned()
        .unwrap_or_default();
    Resolved {
        speaker: Speaker {
            name: person.canonical.clone(),
            role: profile.role,
            affiliation: profile.affiliation.or_else(|| person.country.clone()),
        },
        is_person: true,
        is_organisation: false,
        paragraph,
        anchor: 0,
    }
}

/// The latest organisation named between byte `after` and `offset`.
fn organisation_before(context: &Context, offset: usize, after: usize) -> Option<Resolved> {
    entities_before(context, offset)
        .take_while(|e| e.span.start > after)
        .find(|e| {
            e.label == EntityLabel::Org && e.span.end <= offset && !is_employer_mention(context, e)
        })
        .map(organisation_speaker)
}

/// "San Jose-based", "London-born", "Kyiv-led": a name joined to a participle describes
/// something else.
fn is_place_modifier(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    [
        "-based",
        "-born",
        "-led",
        "-backed",
        "-headquartered",
        "-registered",
        "-listed",
    ]
    .iter()
    .any(|suffix| after.starts_with(suffix))
}

/// Whether "of", "at", "for", "with" or "from" stands between the start of a mention and `offset`.
fn after_affiliation_word(context: &Context, start: usize, offset: usize) -> bool {
    let end = token_index_at(context, offset);
    // "The company's head of hardware, Marco Bellini": a name set off after the role is its
    // holder, whatever came before the comma.
    let start = (start..end)
        .rev()
        .find(|&i| context.words.get(i) == ",")
        .map_or(start, |comma| comma + 1);
    (start..end).any(|i| {
        matches!(
            context.words.get(i),
            "of" | "at" | "for" | "with" | "from" | "to"
        ) && !inside_entity(context, i)
    })
}

/// Whether token `at` lies inside a name ("of" in "Bank of England").
fn inside_entity(context: &Context, at: usize) -> bool {
    entity_at(context, at).is_some()
}

/// The entity whose span holds token `at`.
fn entity_at<'c>(context: &Context<'c>, at: usize) -> Option<&'c Entity> {
    let token = context.analysis.tokens.get(at)?;
    let entities = &context.analysis.entities;
    let after = entities.partition_point(|e| e.span.start <= token.span.start);
    after
        .checked_sub(1)
        .and_then(|i| entities.get(i))
        .filter(|e| e.span.contains(token.span))
}

/// Whether a preposition stands between the start of a mention and `offset`.
fn follows_preposition(context: &Context, start: usize, offset: usize) -> bool {
    let end = token_index_at(context, offset);
    (start..end).any(|i| {
        matches!(
            context.words.get(i),
            "in" | "from" | "at" | "by" | "near" | "on" | "to"
        )
    })
}

fn strip_determiner(mention: &str) -> &str {
    ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find_map(|d| mention.strip_prefix(d))
        .unwrap_or(mention)
}
