//! The shipped gazetteer: actors read from the TSV files in `data/`, and an index from the first
//! word of every name to the names that start with it, so that matching at a text position costs
//! one hash lookup and a few byte comparisons.

use crate::{Actor, ActorKind};
use claimgraph_core::layers::EntityLabel;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const CITIES: &str = include_str!("../data/cities.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");
const ORGS: &str = include_str!("../data/orgs.tsv");
const COMPANIES: &str = include_str!("../data/companies.tsv");
const LEADERS: &str = include_str!("../data/leaders.tsv");
const LOCATIONS: &str = include_str!("../data/locations.tsv");
const GROUPS: &str = include_str!("../data/groups.tsv");

/// Every shipped data file with its name, for the sanity test.
#[cfg(test)]
pub(crate) const FILES: [(&str, &str, usize); 8] = [
    ("countries.tsv", COUNTRIES, 7),
    ("cities.tsv", CITIES, 4),
    ("regions.tsv", REGIONS, 3),
    ("orgs.tsv", ORGS, 3),
    ("companies.tsv", COMPANIES, 3),
    ("leaders.tsv", LEADERS, 6),
    ("locations.tsv", LOCATIONS, 3),
    ("groups.tsv", GROUPS, 3),
];

/// FNV-1a: the keys are short words, for which it beats SipHash, and nothing here is attacker-keyed
/// in a way that matters (a slow lookup is the worst case).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// One way of writing an actor's name.
#[derive(Debug)]
pub(crate) struct Name {
    pub surface: Box<str>,
    pub actor: u32,
    pub label: EntityLabel,
    /// The canonical form when it is not the actor's name: the singular demonym of a NORP name.
    pub canonical: Option<Box<str>>,
}

/// Actors and the names they go by.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    pub actors: Vec<Actor>,
    pub names: Vec<Name>,
    /// First word of a name -> indices into `names`, longest surface first, then in load order.
    by_first: FastMap<Box<str>, Vec<u32>>,
    /// Lowercase surface -> index into `names`, for [`Gazetteer::lookup`].
    by_lower: FastMap<Box<str>, u32>,
    /// Canonical country name -> its first demonym ("China" -> "Chinese").
    demonyms: FastMap<Box<str>, Box<str>>,
    /// Canonical country name -> its ISO 3166 alpha-2 code.
    iso2: FastMap<Box<str>, Box<str>>,
    /// ISO 3166 alpha-2 and alpha-3 code -> canonical country name.
    by_code: FastMap<Box<str>, Box<str>>,
    /// Region name -> region actors of that name (a region is often named like its capital city,
    /// which takes the plain name).
    regions: FastMap<Box<str>, Vec<u32>>,
    /// Actor ids handed out, to keep them unique.
    ids: FastMap<Box<str>, u32>,
    /// Descriptions that name an organisation by its owner and a common noun ("Israeli army",
    /// "UN refugee agency"): `owner actor id<TAB>lowercase noun phrase` -> the organisation.
    descriptions: FastMap<Box<str>, u32>,
}

/// The leading run of letters and digits of `s` (the whole first char when it is neither).
pub(crate) fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        let first = s.chars().next().map_or(0, char::len_utf8);
        return s.get(..first).unwrap_or("");
    }
    s.get(..end).unwrap_or("")
}

/// Where `surface` ends if the text at `start` spells it: a space in the name matches any run of
/// spaces or tabs, a straight apostrophe matches a curly one; everything else must be equal.
fn spell_at(text: &str, start: usize, surface: &str) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut text_chars = rest.char_indices().peekable();
    let mut name_chars = surface.chars();
    for want in name_chars.by_ref() {
        let (_, got) = text_chars.next()?;
        if want == ' ' {
            if !(got == ' ' || got == '\t' || got == '\u{a0}') {
                return None;
            }
            while let Some(&(_, c)) = text_chars.peek() {
                if c == ' ' || c == '\t' || c == '\u{a0}' {
                    text_chars.next();
                } else {
                    break;
                }
            }
        } else if want != got && !(want == '\'' && got == '\u{2019}') {
            return None;
        }
    }
    let end = text_chars.peek().map_or(rest.len(), |&(i, _)| i);
    Some(start + end)
}

/// Whether a name may end at byte `end`: not inside a word ("China" in "Chinatown").
fn ends_word(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// An id slug: lowercase, Latin diacritics folded, apostrophes and dots dropped, any other run
/// of non-alphanumerics one `-` ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan", "U.S. Army" ->
/// "us-army"); letters of other scripts are kept.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '\u{2019}' | '.') {
            continue;
        }
        let folded = fold_latin(c);
        if folded.is_none() && !c.is_alphanumeric() {
            dash = true;
            continue;
        }
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        match folded {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// The ASCII letters of a lowercase Latin letter with a diacritic.
fn fold_latin(c: char) -> Option<&'static str> {
    const TABLE: [(&str, &str); 18] = [
        ("àáâãäåāăą", "a"),
        ("çćčĉċ", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ğĝġģ", "g"),
        ("ìíîïīĭįı", "i"),
        ("ķ", "k"),
        ("łĺļľ", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕřŗ", "r"),
        ("śšşŝș", "s"),
        ("ťţț", "t"),
        ("ùúûüūŭůűų", "u"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
    ];
    if c.is_ascii() {
        return None;
    }
    TABLE
        .iter()
        .find(|(from, _)| from.contains(c))
        .map(|(_, to)| *to)
}

/// An all-capitals alias fit to be an id ("NATO", "IAEA", "MI6"), not "U.N." or "Nato".
fn is_acronym_id(alias: &str) -> bool {
    (2..=8).contains(&alias.len())
        && alias.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && alias
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A name made of proper words and a trailing common noun ("Israeli army"), as opposed to a
/// name ("Hayat Tahrir al-Sham").
fn is_description(surface: &str) -> bool {
    let mut words = surface.split(' ');
    let first = words.next().unwrap_or("");
    let last = surface.rsplit(' ').next().unwrap_or("");
    first != last
        && first.chars().next().is_some_and(char::is_uppercase)
        && last.chars().all(|c| c.is_lowercase() || c == '-')
}

fn fields(line: &str) -> impl Iterator<Item = &str> {
    line.split('\t').map(str::trim)
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
}

fn nonempty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Gazetteer {
    /// Reads the shipped files; a malformed line is skipped (the data test checks there is none).
    pub fn shipped() -> Self {
        let mut gaz = Gazetteer::default();
        let mut country_by_code: FastMap<&str, String> = FastMap::default();
        let mut capitals: FastMap<&str, &str> = FastMap::default();
        // Organisation aliases ending in a common noun, kept until their owners are loaded.
        let mut described: Vec<(&str, u32)> = Vec::new();

        // Load order is priority: a surface already taken keeps its first owner, so a leader's
        // name beats an organisation's alias, a country beats a city, and a city beats a region.
        for line in data_lines(LEADERS) {
            let mut f = fields(line);
            let (Some(name), Some(role), Some(country)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let aliases = f.nth(2).unwrap_or("");
            let id = format!("person:{}", slug(name));
            let actor = gaz.add_actor(
                id,
                name,
                ActorKind::Person,
                nonempty(country),
                nonempty(role),
            );
            gaz.add_names(actor, name, aliases, EntityLabel::Person);
        }
        let organisations = data_lines(ORGS)
            .map(|line| ("org", line))
            .chain(data_lines(COMPANIES).map(|line| ("company", line)));
        for (prefix, line) in organisations {
            let mut f = fields(line);
            let (Some(name), Some(country)) = (f.next(), f.next()) else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            // The acronym is the name people know an organisation by ("org:nato").
            let short = list(aliases)
                .find(|a| is_acronym_id(a))
                .filter(|a| {
                    !gaz.ids
                        .contains_key(format!("{prefix}:{}", slug(a)).as_str())
                })
                .unwrap_or(name);
            let id = format!("{prefix}:{}", slug(short));
            let actor = gaz.add_actor(id, name, ActorKind::Organization, nonempty(country), None);
            for surface in std::iter::once(name).chain(list(aliases)) {
                if is_description(surface) {
                    described.push((surface, actor));
                } else {
                    gaz.add_name(surface, actor, EntityLabel::Org, None);
                }
            }
        }
        for line in data_lines(COUNTRIES) {
            let mut f = fields(line);
            let (Some(name), Some(iso2), Some(iso3), Some(aliases)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                continue;
            };
            let (demonyms, plurals, capital) = (
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
                f.next().unwrap_or(""),
            );
            country_by_code.insert(iso2, name.to_string());
            gaz.iso2.insert(name.into(), iso2.into());
            gaz.by_code.insert(iso2.into(), name.into());
            gaz.by_code.insert(iso3.into(), name.into());
            if !capital.is_empty() {
                capitals.insert(iso2, capital);
            }
            let id = format!("country:{iso2}");
            let actor = gaz.add_actor(id, name, ActorKind::Country, Some(name.to_string()), None);
            gaz.add_names(actor, name, aliases, EntityLabel::Gpe);
            let Some(singular) = list(demonyms).next() else {
                continue;
            };
            gaz.demonyms.insert(name.into(), singular.into());
            for demonym in list(demonyms).chain(list(plurals)) {
                gaz.add_name(demonym, actor, EntityLabel::Norp, Some(singular));
            }
        }
        for line in data_lines(LOCATIONS) {
            let mut f = fields(line);
            let (Some(name), Some(country)) = (f.next(), f.next()) else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            let id = format!("location:{}", slug(name));
            let actor = gaz.add_actor(id, name, ActorKind::Location, nonempty(country), None);
            gaz.add_names(actor, name, aliases, EntityLabel::Loc);
        }
        for line in data_lines(CITIES) {
            let mut f = fields(line);
            let (Some(name), Some(iso2), Some(_population)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            let capital = capitals
                .get(iso2)
                .is_some_and(|c| *c == name || list(aliases).any(|a| a == *c));
            let role = capital.then(|| "capital".to_string());
            let country = country_by_code.get(iso2).cloned();
            let id = format!("city:{iso2}:{}", slug(name));
            let actor = gaz.add_actor(id, name, ActorKind::City, country, role);
            gaz.add_names(actor, name, aliases, EntityLabel::Gpe);
        }
        for line in data_lines(REGIONS) {
            let mut f = fields(line);
            let (Some(name), Some(iso2)) = (f.next(), f.next()) else {
                continue;
            };
            let aliases = f.next().unwrap_or("");
            let country = country_by_code.get(iso2).cloned();
            let id = format!("region:{iso2}:{}", slug(name));
            let actor = gaz.add_actor(id, name, ActorKind::Region, country, None);
            gaz.regions.entry(name.into()).or_default().push(actor);
            gaz.add_names(actor, name, aliases, EntityLabel::Gpe);
        }
        for line in data_lines(GROUPS) {
            let mut f = fields(line);
            let (Some(name), Some(plural)) = (f.next(), f.next()) else {
                continue;
            };
            let country = f.next().unwrap_or("");
            let id = format!("group:{}", slug(name));
            let actor = gaz.add_actor(id, name, ActorKind::Group, nonempty(country), None);
            gaz.add_names(actor, name, plural, EntityLabel::Norp);
        }

        for (surface, actor) in described {
            if !gaz.add_description(surface, actor) {
                gaz.add_name(surface, actor, EntityLabel::Org, None);
            }
        }

        for ids in gaz.by_first.values_mut() {
            // Stable: equal lengths keep load order, so priority survives.
            let names = &gaz.names;
            ids.sort_by_key(|&id| {
                std::cmp::Reverse(names.get(id as usize).map_or(0, |n| n.surface.len()))
            });
        }
        gaz
    }

    /// Files "Israeli army" under the actor "Israeli" names, so that the owner is recognised as
    /// itself and the common noun after it as the organisation; false when no known name
    /// starts the description.
    fn add_description(&mut self, surface: &str, actor: u32) -> bool {
        let words: Vec<&str> = surface.split(' ').collect();
        for split in (1..words.len()).rev() {
            let (owner, noun) = words.split_at(split);
            let owner = owner.join(" ");
            let owner = owner
                .strip_suffix("'s")
                .or_else(|| owner.strip_suffix("\u{2019}s"))
                .unwrap_or(&owner);
            let Some(owner_id) = self
                .owner(owner)
                .and_then(|id| self.name(id))
                .and_then(|n| self.actor(n.actor))
                .map(|a| a.id.clone())
            else {
                continue;
            };
            let key = format!("{owner_id}\t{}", noun.join(" "));
            self.descriptions.entry(key.into()).or_insert(actor);
            return true;
        }
        false
    }

    /// The organisation an owner's actor id and a lowercase noun phrase describe ("country:IL",
    /// "army").
    pub fn description(&self, owner: &str, noun: &str) -> Option<&Actor> {
        let key = format!("{owner}\t{noun}");
        self.actor(*self.descriptions.get(key.as_str())?)
    }

    /// Adds an actor under `id`, made unique with a numeric suffix when taken (two towns of one
    /// name in one country).
    pub(crate) fn add_actor(
        &mut self,
        mut id: String,
        name: &str,
        kind: ActorKind,
        country: Option<String>,
        role: Option<String>,
    ) -> u32 {
        if self.ids.contains_key(id.as_str()) {
            let base = id.clone();
            let mut n = 2;
            while self.ids.contains_key(id.as_str()) {
                id = format!("{base}-{n}");
                n += 1;
            }
        }
        let index = u32::try_from(self.actors.len()).unwrap_or(u32::MAX);
        self.ids.insert(id.as_str().into(), index);
        self.actors.push(Actor {
            id,
            name: name.to_string(),
            kind,
            country,
            role,
            affiliation: None,
        });
        index
    }

    /// Adds an actor from a user file, or updates the actor that already has its id; its name
    /// and aliases take over any shipped owner of the same spelling.
    pub(crate) fn add_user_actor(&mut self, actor: Actor, aliases: &[String]) {
        let label = match actor.kind {
            ActorKind::Person => EntityLabel::Person,
            ActorKind::Organization => EntityLabel::Org,
            ActorKind::Country | ActorKind::Region | ActorKind::City => EntityLabel::Gpe,
            ActorKind::Location => EntityLabel::Loc,
            ActorKind::Group => EntityLabel::Norp,
        };
        let name = actor.name.clone();
        let index = match self.ids.get(actor.id.as_str()).copied() {
            Some(index) => {
                if let Some(slot) = self.actors.get_mut(index as usize) {
                    *slot = actor;
                }
                index
            }
            None => {
                let index = u32::try_from(self.actors.len()).unwrap_or(u32::MAX);
                self.ids.insert(actor.id.as_str().into(), index);
                self.actors.push(actor);
                index
            }
        };
        for surface in std::iter::once(&name).chain(aliases) {
            match self.owner(surface) {
                Some(id) => {
                    if let Some(entry) = self.names.get_mut(id as usize) {
                        entry.actor = index;
                        entry.label = label;
                        entry.canonical = None;
                    }
                    self.by_lower.insert(surface.to_lowercase().into(), id);
                }
                None => {
                    let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                    self.add_name(surface, index, label, None);
                    self.by_lower.insert(surface.to_lowercase().into(), id);
                    self.sort_bucket(first_word(surface));
                }
            }
        }
    }

    /// Restores longest-first order in the names starting with `word`.
    fn sort_bucket(&mut self, word: &str) {
        if let Some(ids) = self.by_first.get_mut(word) {
            let names = &self.names;
            ids.sort_by_key(|&id| {
                std::cmp::Reverse(names.get(id as usize).map_or(0, |n| n.surface.len()))
            });
        }
    }

    /// The canonical name of the country with ISO 3166 alpha-2 or alpha-3 code `code`.
    pub fn country_by_code(&self, code: &str) -> Option<&str> {
        self.by_code
            .get(code.to_ascii_uppercase().as_str())
            .map(|c| &**c)
    }

    fn add_names(&mut self, actor: u32, name: &str, aliases: &str, label: EntityLabel) {
        self.add_name(name, actor, label, None);
        for alias in list(aliases) {
            self.add_name(alias, actor, label, None);
        }
    }

    fn add_name(&mut self, surface: &str, actor: u32, label: EntityLabel, canonical: Option<&str>) {
        if surface.is_empty() || self.owner(surface).is_some() {
            return;
        }
        let lower: Box<str> = surface.to_lowercase().into();
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(Name {
            surface: surface.into(),
            actor,
            label,
            canonical: canonical.map(Into::into),
        });
        self.by_lower.entry(lower).or_insert(id);
        self.by_first
            .entry(first_word(surface).into())
            .or_default()
            .push(id);
    }

    /// The name entry spelled exactly `surface`.
    fn owner(&self, surface: &str) -> Option<u32> {
        self.by_first
            .get(first_word(surface))?
            .iter()
            .copied()
            .find(|&id| {
                self.names
                    .get(id as usize)
                    .is_some_and(|n| &*n.surface == surface)
            })
    }

    pub fn name(&self, id: u32) -> Option<&Name> {
        self.names.get(id as usize)
    }

    pub fn actor(&self, id: u32) -> Option<&Actor> {
        self.actors.get(id as usize)
    }

    /// The ISO 3166 alpha-2 code of a canonical country name.
    pub fn iso2(&self, country: &str) -> Option<&str> {
        self.iso2.get(country).map(|c| &**c)
    }

    /// The actor with this id.
    pub fn actor_by_id(&self, id: &str) -> Option<&Actor> {
        self.actor(*self.ids.get(id)?)
    }

    /// The region named `name` in `country` (canonical country name).
    pub fn region(&self, name: &str, country: Option<&str>) -> Option<&Actor> {
        self.regions
            .get(name)?
            .iter()
            .filter_map(|&id| self.actor(id))
            .find(|a| a.country.as_deref() == country)
    }

    /// The singular demonym of a canonical country name.
    pub fn demonym(&self, country: &str) -> Option<&str> {
        self.demonyms.get(country).map(|d| &**d)
    }

    /// The longest name spelled in `text` from byte `start` and ending at a word edge: its id and
    /// end byte.
    pub fn longest_at(&self, text: &str, start: usize) -> Option<(u32, usize)> {
        let rest = text.get(start..)?;
        let ids = self.by_first.get(first_word(rest))?;
        ids.iter().find_map(|&id| {
            let name = self.names.get(id as usize)?;
            let end = spell_at(text, start, &name.surface)?;
            ends_word(text, end).then_some((id, end))
        })
    }

    /// The actor a surface form names: exact spelling first, then ignoring case, then without a
    /// leading "the" or a trailing possessive.
    pub fn lookup(&self, surface: &str) -> Option<&Actor> {
        let surface = surface.trim();
        let id = self.owner(surface).or_else(|| {
            let stripped = surface
                .strip_prefix("the ")
                .or_else(|| surface.strip_prefix("The "))
                .unwrap_or(surface);
            let stripped = stripped
                .strip_suffix("'s")
                .or_else(|| stripped.strip_suffix("\u{2019}s"))
                .unwrap_or(stripped);
            self.owner(stripped)
                .or_else(|| self.by_lower.get(stripped.to_lowercase().as_str()).copied())
        })?;
        self.actor(self.name(id)?.actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_stops_at_punctuation() {
        assert_eq!(first_word("U.S. State Department"), "U");
        assert_eq!(first_word("al-Qaeda"), "al");
        assert_eq!(first_word("Kyiv"), "Kyiv");
        assert_eq!(first_word("’s"), "’");
        assert_eq!(first_word(""), "");
    }

    #[test]
    fn spelling_allows_spacing_and_curly_apostrophes() {
        let text = "the People’s  Republic of China said";
        let start = text.find("People").unwrap();
        let end = spell_at(text, start, "People's Republic of China").unwrap();
        assert_eq!(&text[start..end], "People’s  Republic of China");
        assert!(spell_at(text, start, "People's Republic of Chinas").is_none());
    }

    #[test]
    fn slugs_fold_and_join() {
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("U.S. Army"), "us-army");
        assert_eq!(slug("People's Liberation Army"), "peoples-liberation-army");
        assert_eq!(slug("  Kim -- Jong Un "), "kim-jong-un");
        assert_eq!(slug("Москва"), "москва");
        assert!(is_acronym_id("NATO") && is_acronym_id("MI6"));
        assert!(!is_acronym_id("U.N.") && !is_acronym_id("Nato"));
    }

    #[test]
    fn names_end_at_word_edges() {
        assert!(ends_word("China’s", 5));
        assert!(!ends_word("Chinatown", 5));
        assert!(ends_word("China", 5));
    }
}
