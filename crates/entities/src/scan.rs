//! The recognizer's pass over a document.
//!
//! Each sentence becomes a row of units: gazetteer names (longest match from a token), unknown
//! capitalised words, connectors ("of", "bin"), possessives and breaks. Runs of name-like units are
//! chunks, classified in order: a title followed by a name is a person ("Foreign Minister Wang
//! Yi"), a chunk holding an organisation head word is an organisation ("Chinese Foreign
//! Ministry"), and otherwise gazetteer names stand alone and unknown runs of two to four
//! capitalised words are people. Single unknown words wait until the whole document is read: a
//! surname of a person named earlier or later becomes that person. Everything is linear in the
//! number of tokens; the only per-token work is one hash lookup of the token's first word.

use crate::gazetteer::{slug, FastMap, Gazetteer, Name};
use crate::learned::{NameClass, NameWords};
use crate::words::{self, TitleWord};
use crate::{Actor, ActorKind};
use claimgraph_core::layers::{Entity, EntityLabel, Paragraph, Token, TokenKind};
use claimgraph_core::{Analysis, Span};
use claimgraph_text::{is_capitalized, lowercase_into};
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// Countries whose people's names put the surname first, so "Lin" refers back to "Lin Jian".
/// Common Chinese, Korean and Vietnamese family names, written first ("Wang Bingqian" … "Wang
/// said"). Those that are also English words or given names ("He", "Ma", "Lee", "Le") are left
/// out.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Xu", "Zhu", "Guo", "Luo",
    "Gao", "Xie", "Deng", "Cao", "Feng", "Zeng", "Peng", "Xiao", "Jiang", "Tang", "Xi", "Qin",
    "Choi", "Jung", "Yoon", "Moon", "Nguyen", "Tran", "Pham", "Hoang", "Vu", "Dang",
];

const SURNAME_FIRST: [&str; 6] = [
    "China",
    "Taiwan",
    "North Korea",
    "South Korea",
    "Vietnam",
    "Hong Kong",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    /// Inside personal names and organisation names: "von der Leyen", "Bank of England".
    Name,
    /// Inside titles and organisation names: "Secretary of State", "Ministry for Foreign Affairs".
    Title,
    /// Only inside organisation names: "Research and Development Agency".
    Org,
}

#[derive(Debug, Clone, Copy)]
struct Cap {
    title: Option<TitleWord>,
    function: bool,
    org: bool,
    ministry: bool,
    all_caps: bool,
    /// The word also occurs in lowercase in the document, so capitalised it may just start a
    /// sentence.
    common: bool,
    /// The kind of name the word mostly belongs to in GUM.
    learned: Option<NameClass>,
    /// An adjective or abstract noun ("National", "Development"): not part of a person's name.
    descriptive: bool,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Gaz(u32),
    Cap(Cap),
    Conn(Conn),
    Possessive,
    Break,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    kind: Kind,
    span: Span,
    /// Index of the unit's first token.
    token: usize,
}

#[derive(Debug)]
struct Found<'a> {
    span: Span,
    label: EntityLabel,
    canonical: Cow<'a, str>,
    country: Option<Cow<'a, str>>,
    /// The actor id, see [`crate::Actor::id`].
    actor: Option<Cow<'a, str>>,
    paragraph: usize,
    /// A ministry-like name whose country the text leaves to context; holds the normalised head
    /// ("Foreign Ministry") to prefix with the demonym once the country is known.
    needs_country: Option<String>,
}

#[derive(Debug)]
struct Pending<'a> {
    span: Span,
    word: &'a str,
    paragraph: usize,
    /// A title or role noun before it already says it is a person.
    person: bool,
    /// The kind of name the word mostly belongs to in GUM.
    learned: Option<NameClass>,
}

/// Per-sentence facts a chunk's classification needs.
#[derive(Debug, Clone, Copy)]
struct Context {
    paragraph: usize,
    /// Token index of the sentence's first word: a capitalised word there may be a common word.
    first_word: usize,
    headline: bool,
}

type FastSet<T> = HashSet<T, BuildHasherDefault<crate::gazetteer::Fnv>>;

pub(crate) fn recognize(
    gaz: &Gazetteer,
    name_words: &NameWords,
    text: &str,
    analysis: &Analysis,
) -> Vec<Entity> {
    let mut scan = Scan {
        gaz,
        name_words,
        text,
        tokens: &analysis.tokens,
        paragraphs: &analysis.paragraphs,
        buf: String::new(),
        seen_lower: FastSet::default(),
        found: Vec::new(),
        pending: Vec::new(),
        units: Vec::new(),
    };
    for token in &analysis.tokens {
        let word = token.span.text(text);
        if token.kind == TokenKind::Word && word.chars().next().is_some_and(char::is_lowercase) {
            scan.seen_lower.insert(word);
        }
    }
    if analysis.sentences.is_empty() {
        scan.sentence(0, analysis.tokens.len(), 0);
    } else {
        for sentence in &analysis.sentences {
            scan.sentence(sentence.tokens.0, sentence.tokens.1, sentence.paragraph);
        }
    }
    scan.finish()
}

struct Scan<'a> {
    gaz: &'a Gazetteer,
    name_words: &'a NameWords,
    text: &'a str,
    tokens: &'a [Token],
    paragraphs: &'a [Paragraph],
    buf: String,
    seen_lower: FastSet<&'a str>,
    found: Vec<Found<'a>>,
    pending: Vec<Pending<'a>>,
    /// Reused between sentences.
    units: Vec<Unit>,
}

impl<'a> Scan<'a> {
    fn word(&self, index: usize) -> &'a str {
        self.tokens
            .get(index)
            .map_or("", |t| t.span.text(self.text))
    }

    fn lower(&mut self, word: &str) -> &str {
        lowercase_into(word, &mut self.buf);
        &self.buf
    }

    fn sentence(&mut self, start: usize, end: usize, paragraph: usize) {
        let end = end.min(self.tokens.len());
        let mut units = std::mem::take(&mut self.units);
        units.clear();
        self.units_of(start, end, paragraph, &mut units);
        possessive_names(&mut units);
        let first_word = (start..end)
            .find(|&i| {
                self.tokens
                    .get(i)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            })
            .unwrap_or(end);
        let context = Context {
            paragraph,
            first_word,
            headline: self.is_headline(&units, start, end, paragraph),
        };
        let mut i = 0;
        while i < units.len() {
            let Some(unit) = units.get(i) else { break };
            if !matches!(unit.kind, Kind::Gaz(_) | Kind::Cap(_)) {
                i += 1;
                continue;
            }
            // A chunk: name units, with connectors only between them.
            let mut j = i + 1;
            let mut last = i + 1;
            while let Some(next) = units.get(j) {
                match next.kind {
                    Kind::Gaz(_) | Kind::Cap(_) => last = j + 1,
                    Kind::Conn(_) => {}
                    _ => break,
                }
                j += 1;
            }
            let owner = self.possessive_owner(&units, i);
            let chunk = units.get(i..last).unwrap_or(&[]);
            self.chunk(chunk, context, owner);
            i = last;
        }
        self.units = units;
    }

    /// Splits tokens `start..end` into units; dates, regions and names inside hyphenated words
    /// are recorded at once and leave a break.
    fn units_of(&mut self, start: usize, end: usize, paragraph: usize, units: &mut Vec<Unit>) {
        let mut i = start;
        while i < end {
            let Some(&token) = self.tokens.get(i) else {
                break;
            };
            let word = token.span.text(self.text);
            if let Some(next) = self.date_at(i, start, end) {
                let span = self.tokens_span(token.span, i, next);
                self.push_as_written(units, span, EntityLabel::Date, i, paragraph);
                i = next;
                continue;
            }
            // "BEIRUT —", "SAN FRANCISCO (Reuters) -": a wire dateline names the place filed from.
            if i == start {
                let shouted = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
                let mut next = i;
                while next < end && shouted(self.word(next)) {
                    next += 1;
                }
                if next > i && matches!(self.word(next), "—" | "–" | "-" | "--" | "(") {
                    let span = self.tokens_span(token.span, i, next);
                    self.push_as_written(units, span, EntityLabel::Gpe, i, paragraph);
                    i = next;
                    continue;
                }
            }
            // "Gulf of Maine", "Bay of Bengal": a feature of the place named after "of", not
            // the gazetteer's "Gulf".
            if matches!(word, "Gulf" | "Bay" | "Sea" | "Strait" | "Straits" | "Lake")
                && self.word(i + 1) == "of"
                && i + 2 < end
            {
                let mut next = i + 2;
                while next < end && is_capitalized(self.word(next)) {
                    next += 1;
                }
                if next > i + 2 {
                    let span = self.tokens_span(token.span, i, next);
                    self.push_as_written(units, span, EntityLabel::Loc, i, paragraph);
                    i = next;
                    continue;
                }
            }
            if matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                if let Some(next) = self.name_in_compound(i, end, paragraph) {
                    let span = self.tokens_span(token.span, i, next);
                    units.push(Unit {
                        kind: Kind::Break,
                        span,
                        token: i,
                    });
                    i = next;
                    continue;
                }
                if let Some((id, next)) = self.name_at(i, end) {
                    let span = self.tokens_span(token.span, i, next);
                    if let Some(after) = self.region_suffix(id, next, end, span, paragraph) {
                        units.push(Unit {
                            kind: Kind::Break,
                            span,
                            token: i,
                        });
                        i = after;
                        continue;
                    }
                    units.push(Unit {
                        kind: Kind::Gaz(id),
                        span,
                        token: i,
                    });
                    i = next;
                    continue;
                }
            }
            let kind = match token.kind {
                TokenKind::Word if word.contains('-') && self.hyphenated(token.span, paragraph) => {
                    Kind::Break
                }
                // "Jose-based", "Sunderland-born": an adjective, whatever name it holds.
                TokenKind::Word if is_compound_adjective(word) => Kind::Break,
                TokenKind::Word if is_possessive(word) => {
                    if units.last().is_some_and(|u| {
                        matches!(u.kind, Kind::Cap(_))
                            && words::is_org_possessor(u.span.text(self.text))
                    }) {
                        // "Lord's Resistance Army", "People's Liberation Army".
                        Kind::Conn(Conn::Title)
                    } else {
                        Kind::Possessive
                    }
                }
                TokenKind::Word if is_capitalized(word) || is_name_particle(word) => {
                    let suffix = self.word(i + 1);
                    if i + 1 < end && words::is_strong_region_suffix(suffix) {
                        let span = self.tokens_span(token.span, i, i + 2);
                        self.push_as_written(units, span, EntityLabel::Gpe, i, paragraph);
                        i += 2;
                        continue;
                    }
                    Kind::Cap(self.cap(word))
                }
                TokenKind::Word | TokenKind::Symbol => match connector(word) {
                    Some(conn) => Kind::Conn(conn),
                    None => Kind::Break,
                },
                TokenKind::Quote if is_possessive(word) => Kind::Possessive,
                _ => Kind::Break,
            };
            units.push(Unit {
                kind,
                span: token.span,
                token: i,
            });
            i += 1;
        }
    }

    fn cap(&mut self, word: &'a str) -> Cap {
        let all_caps = word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let learned = self.name_words.class(word);
        let ministry = words::is_ministry_word(word);
        lowercase_into(word, &mut self.buf);
        let lower = self.buf.as_str();
        let title = words::title_word(lower);
        let function = words::is_function_word(lower);
        let descriptive = self.name_words.is_descriptive(lower);
        // Besides the listed head words, GUM's organisation heads ("Press") and the adjectives
        // and abstract nouns its organisation names are made of ("National") mark organisations.
        let org = words::is_org_keyword(word)
            || self.name_words.is_org_head(word)
            || (descriptive && learned == Some(NameClass::Org));
        // Sentence-initial participles and adverbs ("Suspected", "Speaking", "Separately") are
        // rarely names even when the document never writes them in lowercase.
        let inflected = lower.len() > 5
            && (lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly"));
        let common = inflected || self.seen_lower.contains(lower);
        Cap {
            title,
            function,
            org,
            ministry,
            all_caps,
            common,
            learned,
            descriptive,
        }
    }

    /// The longest gazetteer name from token `i`, ending on a token edge within the sentence: its
    /// id and the index of the token after it.
    fn name_at(&self, i: usize, end: usize) -> Option<(u32, usize)> {
        let start = self.tokens.get(i)?.span.start;
        let (id, byte_end) = self.gaz.longest_at(self.text, start)?;
        let mut j = i;
        while j < end {
            let token_end = self.tokens.get(j)?.span.end;
            if token_end == byte_end {
                return Some((id, j + 1));
            }
            if token_end > byte_end {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A place name followed by "region", "Oblast"...: records the region and returns the token
    /// index after the suffix.
    fn region_suffix(
        &mut self,
        id: u32,
        next: usize,
        end: usize,
        span: Span,
        paragraph: usize,
    ) -> Option<usize> {
        if next >= end {
            return None;
        }
        let suffix_token = *self.tokens.get(next)?;
        let suffix = suffix_token.span.text(self.text);
        if !words::is_region_suffix(suffix) {
            return None;
        }
        let name = self.gaz.name(id)?;
        let actor = self.gaz.actor(name.actor)?;
        if !matches!(actor.kind, ActorKind::City | ActorKind::Region) {
            return None;
        }
        let mut canonical = String::with_capacity(actor.name.len() + suffix.len() + 1);
        canonical.push_str(&actor.name);
        canonical.push(' ');
        let mut chars = suffix.chars();
        if let Some(first) = chars.next() {
            canonical.extend(first.to_uppercase());
            canonical.push_str(chars.as_str());
        }
        // "Kursk Oblast" is a name; in "the Donetsk region" only "Donetsk" is.
        let span = if is_capitalized(suffix) {
            Span::new(span.start, suffix_token.span.end)
        } else {
            span
        };
        // Donetsk the city takes the plain name; with "region" it is Donetsk the region.
        let region = self
            .gaz
            .region(&actor.name, actor.country.as_deref())
            .unwrap_or(actor);
        self.found.push(Found {
            span,
            label: EntityLabel::Gpe,
            canonical: Cow::Owned(canonical),
            country: actor.country.as_deref().map(Cow::Borrowed),
            actor: Some(Cow::Borrowed(&region.id)),
            paragraph,
            needs_country: None,
        });
        Some(next + 1)
    }

    /// A gazetteer name of several words whose last word is the start of a compound adjective
    /// ("San Jose-based", "New York-born"): records the name and returns the token index after
    /// the adjective.
    fn name_in_compound(&mut self, i: usize, end: usize, paragraph: usize) -> Option<usize> {
        let start = self.tokens.get(i)?.span.start;
        let (id, byte_end) = self.gaz.longest_at(self.text, start)?;
        let mut j = i + 1;
        while j < end {
            let token = self.tokens.get(j)?.span;
            if token.end > byte_end {
                let inside = token.start < byte_end
                    && self.text.get(byte_end..byte_end + 1) == Some("-")
                    && is_compound_adjective(token.text(self.text));
                if !inside {
                    return None;
                }
                let found = self.gaz_found(id, Span::new(start, byte_end), paragraph)?;
                self.found.push(found);
                return Some(j + 1);
            }
            j += 1;
        }
        None
    }

    /// Names inside a hyphenated word ("pro-Russian", "Russia-Ukraine", "Kremlin-backed"),
    /// recorded directly; whether any was found.
    fn hyphenated(&mut self, span: Span, paragraph: usize) -> bool {
        let word = span.text(self.text);
        let mut any = false;
        let mut offset = 0;
        for part in word.split('-') {
            let start = span.start + offset;
            offset += part.len() + 1;
            if !is_capitalized(part) {
                continue;
            }
            let Some((id, end)) = self.gaz.longest_at(self.text, start) else {
                continue;
            };
            // The name must be a whole part ("Ukraine" in "Russia-Ukraine", not "Ukrain-"), and
            // a person's name there is half of a double-barrelled surname ("Clare Vance-Hughes").
            if end != start + part.len()
                || end > span.end
                || self
                    .gaz
                    .name(id)
                    .is_some_and(|n| n.label == EntityLabel::Person)
            {
                continue;
            }
            if let Some(found) = self.gaz_found(id, Span::new(start, end), paragraph) {
                self.found.push(found);
                any = true;
            }
        }
        any
    }

    /// Whether a sentence is set in title case (a headline), where capitals say nothing.
    fn is_headline(&mut self, units: &[Unit], start: usize, end: usize, paragraph: usize) -> bool {
        let unknown = |u: &&Unit| matches!(u.kind, Kind::Cap(c) if c.title.is_none() && !c.function && !c.org);
        let unknown_caps = units.iter().filter(unknown).count();
        // A short heading on its own line ("China’s Balancing Act") has too few capitals to tell
        // by count; a common word capitalised in it gives it away.
        let heading_line = unknown_caps == 2
            && self.is_own_line(start, end, paragraph)
            && units
                .iter()
                .filter(unknown)
                .any(|u| matches!(u.kind, Kind::Cap(c) if c.common));
        if unknown_caps < 3 && !heading_line {
            return false;
        }
        // "Tony Blair met Ms Lind on Monday." is names, not title case: a title-case line
        // capitalises some common word too.
        let capitalised_common = units
            .iter()
            .filter(unknown)
            .any(|u| matches!(u.kind, Kind::Cap(c) if c.common));
        if !capitalised_common {
            return false;
        }
        let mut lower_content = 0;
        for i in start..end {
            let word = self.word(i);
            if word.chars().next().is_some_and(char::is_lowercase) {
                let lower = self.lower(word);
                if !words::is_function_word(lower) && connector(word).is_none() {
                    lower_content += 1;
                }
            }
        }
        lower_content * 2 < unknown_caps
    }

    /// Whether tokens `start..end` fill their paragraph and do not end like a sentence.
    fn is_own_line(&self, start: usize, end: usize, paragraph: usize) -> bool {
        let (Some(first), Some(last), Some(par)) = (
            self.tokens.get(start),
            end.checked_sub(1).and_then(|e| self.tokens.get(e)),
            self.paragraphs.get(paragraph),
        ) else {
            return false;
        };
        let line = par.span.text(self.text).trim();
        let sentence = Span::new(first.span.start, last.span.end).text(self.text);
        line == sentence && last.kind == TokenKind::Word
    }

    /// The country a possessive before unit `i` attributes it to ("China’s Foreign Ministry").
    fn possessive_owner(&self, units: &[Unit], i: usize) -> Option<&'a str> {
        let before = i.checked_sub(1).and_then(|k| units.get(k))?;
        if !matches!(before.kind, Kind::Possessive) {
            return None;
        }
        let owner = i.checked_sub(2).and_then(|k| units.get(k))?;
        let Kind::Gaz(id) = owner.kind else {
            return None;
        };
        let actor = self.gaz.actor(self.gaz.name(id)?.actor)?;
        matches!(actor.kind, ActorKind::Country | ActorKind::City)
            .then_some(actor.country.as_deref())
            .flatten()
    }

    fn chunk(&mut self, units: &[Unit], context: Context, owner: Option<&'a str>) {
        // Words capitalised only by position are not names.
        let mut units = units;
        while let Some(first) = units.first() {
            let skip = match first.kind {
                Kind::Cap(c) => {
                    c.function
                        || (first.token == context.first_word
                            && c.common
                            && c.title.is_none()
                            && !c.org)
                }
                Kind::Conn(_) => true,
                _ => false,
            };
            if !skip {
                break;
            }
            units = units.get(1..).unwrap_or(&[]);
        }
        if units.is_empty() {
            return;
        }
        if context.headline {
            self.gazetteer_only(units, context);
            return;
        }
        if self.title_then_name(units, context) {
            return;
        }
        if self.organisation(units, context, owner) {
            return;
        }
        self.names(units, context);
    }

    fn gazetteer_only(&mut self, units: &[Unit], context: Context) {
        for unit in units {
            if let Kind::Gaz(id) = unit.kind {
                if let Some(found) = self.gaz_found(id, unit.span, context.paragraph) {
                    self.found.push(found);
                }
            }
        }
    }

    /// "Foreign Minister Wang Yi", "Lt. Gen. Ivan Petrov", "UN Secretary-General António
    /// Guterres": the title is left out of the person's span, and what comes before it is a chunk
    /// of its own.
    fn title_then_name(&mut self, units: &[Unit], context: Context) -> bool {
        for p in 0..units.len() {
            let Some(Kind::Cap(Cap { title: Some(_), .. })) = units.get(p).map(|u| u.kind) else {
                continue;
            };
            let mut q = p;
            let mut last_core = None;
            while let Some(unit) = units.get(q) {
                match unit.kind {
                    Kind::Cap(Cap {
                        title: Some(t),
                        org: false,
                        ..
                    }) => {
                        if t == TitleWord::Core {
                            last_core = Some(q);
                        }
                    }
                    Kind::Conn(Conn::Title) => {}
                    _ => break,
                }
                q += 1;
            }
            // A title has a core word ("Secretary of State") and does not end on a connector.
            if last_core.is_none()
                || q.checked_sub(1)
                    .and_then(|k| units.get(k))
                    .is_none_or(|u| matches!(u.kind, Kind::Conn(_)))
            {
                continue;
            }
            let name_start = q;
            let Some(first) = units.get(name_start) else {
                continue;
            };
            let person_gaz = matches!(first.kind, Kind::Gaz(id)
                if self.gaz.name(id).is_some_and(|n| n.label == EntityLabel::Person));
            let plain_name = matches!(first.kind, Kind::Cap(c)
                if c.title.is_none() && !c.org && !c.function)
                || self.is_surname_place(first);
            if !person_gaz && !plain_name {
                continue;
            }
            let before = units.get(..p).unwrap_or(&[]);
            if !before.is_empty() {
                let inner = Context {
                    first_word: usize::MAX,
                    ..context
                };
                self.chunk(before, inner, None);
            }
            let rest_start = if person_gaz {
                if let Kind::Gaz(id) = first.kind {
                    if let Some(found) = self.gaz_found(id, first.span, context.paragraph) {
                        self.found.push(found);
                    }
                }
                name_start + 1
            } else {
                let end = self.person_run(units, name_start, true);
                self.person(units, name_start, end, context.paragraph);
                end
            };
            let rest = units.get(rest_start..).unwrap_or(&[]);
            if !rest.is_empty() {
                let inner = Context {
                    first_word: usize::MAX,
                    ..context
                };
                self.chunk(rest, inner, None);
            }
            return true;
        }
        false
    }

    /// End (exclusive) of a run of unknown capitalised name words from `start`, with name
    /// particles inside ("Mohammed bin Salman"). A town's name ends the run as a surname
    /// ("Charles Kennedy", "Denzel Washington"), and may start it after a title
    /// (`after_title`: "Mr Kennedy").
    fn person_run(&self, units: &[Unit], start: usize, after_title: bool) -> usize {
        let mut end = start;
        let mut j = start;
        while let Some(unit) = units.get(j) {
            match unit.kind {
                Kind::Cap(c) if c.title.is_none() && !c.org && !c.function => end = j + 1,
                // "Mervyn King said": a title word ending a name after its given name is the
                // surname (a title before a name, "King Abdullah", starts the run instead).
                Kind::Cap(c)
                    if j > start
                        && c.title.is_some()
                        && !c.org
                        && !c.all_caps
                        && units.get(j + 1).is_none() =>
                {
                    end = j + 1;
                    break;
                }
                Kind::Gaz(_) if (j > start || after_title) && self.is_surname_place(unit) => {
                    end = j + 1;
                    // "Dr. Lara Johnson": right after a title a place may be the given name.
                    let given_name = j == start
                        && units.get(j + 1).is_some_and(|next| {
                            is_surname_word(next, self.text) || self.is_surname_alias(next)
                        });
                    if !given_name {
                        break;
                    }
                }
                // "Peter Vance" is not JD Vance: an unknown given name before a famous person's
                // surname names someone else.
                Kind::Gaz(_) if j > start && self.is_surname_alias(unit) => {
                    end = j + 1;
                    break;
                }
                Kind::Conn(Conn::Name) if j > start => {}
                _ => break,
            }
            j += 1;
        }
        end
    }

    /// A one-word town name, which is also a common surname often enough ("Kennedy",
    /// "Washington", "Lincoln") that a name word before it or a title makes it one.
    fn is_surname_place(&self, unit: &Unit) -> bool {
        self.one_word_name(unit, |name, actor| match actor.kind {
            ActorKind::City | ActorKind::Region => true,
            ActorKind::Country => COUNTRIES_GIVEN_AS_NAMES.contains(&&*name.surface),
            _ => false,
        })
    }

    /// A gazetteer person's one-word alias that is not the whole name ("Trump", "Vance").
    fn is_surname_alias(&self, unit: &Unit) -> bool {
        self.one_word_name(unit, |name, actor| {
            name.label == EntityLabel::Person
                && actor.kind == ActorKind::Person
                && actor.name.contains(' ')
                && *actor.name != *name.surface
        })
    }

    /// Whether `unit` is a one-word gazetteer name whose entry and actor pass `test`.
    fn one_word_name(&self, unit: &Unit, test: impl Fn(&Name, &Actor) -> bool) -> bool {
        let Kind::Gaz(id) = unit.kind else {
            return false;
        };
        self.gaz.name(id).is_some_and(|name| {
            !name.surface.contains(' ')
                && self
                    .gaz
                    .actor(name.actor)
                    .is_some_and(|actor| test(name, actor))
        })
    }

    fn person(&mut self, units: &[Unit], start: usize, end: usize, paragraph: usize) {
        let (Some(first), Some(last)) = (
            units.get(start),
            end.checked_sub(1).and_then(|e| units.get(e)),
        ) else {
            return;
        };
        let span = Span::new(first.span.start, last.span.end);
        let text = span.text(self.text);
        if end.saturating_sub(start) == 1 {
            // A title before it makes a single word a person; which one is decided later.
            self.pending.push(Pending {
                span,
                word: text,
                paragraph,
                person: true,
                learned: None,
            });
            return;
        }
        self.push(
            span,
            EntityLabel::Person,
            collapse_spaces(text),
            None,
            paragraph,
        );
    }

    /// A chunk containing an organisation head word ("Ministry", "Council", "Times").
    fn organisation(&mut self, units: &[Unit], context: Context, owner: Option<&'a str>) -> bool {
        let words = units
            .iter()
            .filter(|u| !matches!(u.kind, Kind::Conn(_)))
            .count();
        let has_head = units
            .iter()
            .any(|u| matches!(u.kind, Kind::Cap(c) if c.org));
        if !has_head || words < 2 {
            return false;
        }
        // "the Foreign Ministry and Human Rights Watch" names two organisations: split at "and"
        // when both sides stand as names, but not in "Research and Development Agency".
        let split = units
            .iter()
            .position(|u| matches!(u.kind, Kind::Conn(Conn::Org)));
        if let Some(x) = split {
            let (before, after) = (
                units.get(..x).unwrap_or(&[]),
                units.get(x + 1..).unwrap_or(&[]),
            );
            let named = |part: &[Unit]| {
                part.iter()
                    .any(|u| matches!(u.kind, Kind::Gaz(_) | Kind::Cap(Cap { org: true, .. })))
            };
            let before_is_org = before
                .iter()
                .any(|u| matches!(u.kind, Kind::Cap(c) if c.org));
            let the_after = after
                .first()
                .is_some_and(|u| u.span.text(self.text) == "the");
            // One capitalised word joined to a name that ends on a head word is a single name:
            // "Securities and Exchange Commission", "Police and Fire Department"; a place may
            // lead it ("U.S. Securities and Exchange Commission").
            let joined = !the_after
                && matches!(
                    before,
                    [Unit {
                        kind: Kind::Cap(_),
                        ..
                    }] | [
                        Unit {
                            kind: Kind::Gaz(_),
                            ..
                        },
                        Unit {
                            kind: Kind::Cap(_),
                            ..
                        }
                    ]
                )
                && after
                    .last()
                    .is_some_and(|u| matches!(u.kind, Kind::Cap(c) if c.org))
                && !after.iter().any(|u| matches!(u.kind, Kind::Gaz(_)));
            if (before_is_org || the_after) && !joined && named(after) && !before.is_empty() {
                let inner = Context {
                    first_word: usize::MAX,
                    ..context
                };
                self.chunk(before, context, owner);
                self.chunk(after, inner, None);
                return true;
            }
        }
        // "Marcus Webb of Redfield Capital": a person's name before "of" and an organisation.
        if let Some(of) = units.iter().position(|u| {
            matches!(u.kind, Kind::Conn(Conn::Title)) && u.span.text(self.text) == "of"
        }) {
            let before = units.get(..of).unwrap_or(&[]);
            let after = units.get(of + 1..).unwrap_or(&[]);
            let person_like = (2..=4).contains(&before.len())
                && before
                    .iter()
                    .all(|u| matches!(u.kind, Kind::Cap(c) if is_plain_name_word(c)));
            let org_after = after
                .iter()
                .any(|u| matches!(u.kind, Kind::Cap(c) if c.org));
            if person_like && org_after {
                self.person(before, 0, before.len(), context.paragraph);
                let inner = Context {
                    first_word: usize::MAX,
                    ..context
                };
                self.chunk(after, inner, None);
                return true;
            }
        }
        // A person named inside the chunk is not part of the organisation.
        let start = units
            .iter()
            .rposition(|u| {
                matches!(u.kind, Kind::Gaz(id)
                if self.gaz.name(id).is_some_and(|n| n.label == EntityLabel::Person))
            })
            .map_or(0, |p| p + 1);
        if start > 0 {
            let before = units.get(..start).unwrap_or(&[]);
            self.names(before, context);
        }
        let mut units = units.get(start..).unwrap_or(&[]);
        // A title after the name belongs to a person not named ("High Court Judge"); words that
        // only qualify a title end the name themselves ("Ministry of Foreign Affairs").
        let mut title_after = false;
        while let Some((last, rest)) = units.split_last() {
            match last.kind {
                Kind::Cap(c) if c.title == Some(TitleWord::Core) && !c.org => {
                    title_after = true;
                    units = rest;
                }
                Kind::Cap(c) if title_after && c.title.is_some() && !c.org => units = rest,
                Kind::Conn(_) => units = rest,
                _ => break,
            }
        }
        // Two or more plain capitalised words right after the last head word are a person
        // ("Transportation Ministry Ahmed Karimi").
        if let Some(head) = units
            .iter()
            .rposition(|u| matches!(u.kind, Kind::Cap(c) if c.org))
        {
            let tail = units.get(head + 1..).unwrap_or(&[]);
            let plain = tail.iter().all(
                |u| matches!(u.kind, Kind::Cap(c) if c.title.is_none() && !c.org && !c.function),
            );
            if tail.len() >= 2 && plain {
                self.person(tail, 0, tail.len(), context.paragraph);
                units = units.get(..=head).unwrap_or(&[]);
            }
        }
        let (Some(first), Some(last)) = (units.first(), units.last()) else {
            return true;
        };
        if !units
            .iter()
            .any(|u| matches!(u.kind, Kind::Cap(c) if c.org))
        {
            self.names(units, context);
            return true;
        }
        let span = Span::new(first.span.start, last.span.end);
        let ministry = units
            .iter()
            .any(|u| matches!(u.kind, Kind::Cap(c) if c.ministry));

        // The country: a leading demonym or country, a possessive before, or "of <Country>".
        let mut country = owner.map(Cow::Borrowed);
        let mut body_start = span.start;
        if let Kind::Gaz(id) = first.kind {
            if let Some(c) = self.country_of_gaz(id) {
                country = Some(Cow::Borrowed(c));
                body_start = units.get(1).map_or(span.end, |u| u.span.start);
            }
        }
        if country.is_none() {
            country = units.iter().rev().find_map(|u| match u.kind {
                Kind::Gaz(id) => self.country_of_gaz(id).map(Cow::Borrowed),
                _ => None,
            });
        }
        let surface = span.text(self.text);
        let body = Span::new(body_start, span.end).text(self.text);
        let head = ministry.then(|| ministry_head(body)).flatten();
        let canonical = match (&head, &country) {
            (Some(head), Some(c)) => Cow::Owned(self.with_demonym(c, head)),
            (Some(head), None) => Cow::Owned(head.clone()),
            _ => collapse_spaces(surface),
        };
        let actor = match (&head, &country) {
            (Some(head), Some(c)) => self.body_id(c, head).map(Cow::Owned),
            _ => None,
        };
        let needs_country = if country.is_none() { head } else { None };
        self.found.push(Found {
            span,
            label: EntityLabel::Org,
            canonical,
            country,
            actor,
            paragraph: context.paragraph,
            needs_country,
        });
        true
    }

    /// The id of a country's body the gazetteer does not list: "org:CN:foreign-ministry".
    fn body_id(&self, country: &str, body: &str) -> Option<String> {
        body_id(self.gaz, country, body)
    }

    /// The country of a gazetteer country name or demonym ("Chinese" -> "China").
    fn country_of_gaz(&self, id: u32) -> Option<&'a str> {
        let name = self.gaz.name(id)?;
        let actor = self.gaz.actor(name.actor)?;
        // Demonyms are names of the country actor, so this covers "Chinese" as well as "China".
        (actor.kind == ActorKind::Country)
            .then_some(actor.country.as_deref())
            .flatten()
    }

    fn with_demonym(&self, country: &str, head: &str) -> String {
        let prefix = self.gaz.demonym(country).unwrap_or(country);
        let mut out = String::with_capacity(prefix.len() + head.len() + 1);
        out.push_str(prefix);
        out.push(' ');
        out.push_str(head);
        out
    }

    /// A chunk without titles or organisation heads: gazetteer names as they are, unknown runs
    /// of two to four capitalised words as people, single unknown words kept for later.
    fn names(&mut self, units: &[Unit], context: Context) {
        let mut i = 0;
        while let Some(unit) = units.get(i) {
            match unit.kind {
                Kind::Gaz(id) => {
                    if let Some(next) = units.get(i + 1) {
                        if let Kind::Gaz(next_id) = next.kind {
                            if self.merge_into_org(id, next_id, unit.span, next.span, context) {
                                i += 2;
                                continue;
                            }
                        }
                        // "Sofia Lind", "Charlotte Evans": a town that is also a given name,
                        // followed by a word that can only be a surname, or a famous one
                        // ("Lara Johnson").
                        if self.is_surname_place(unit)
                            && (is_surname_word(next, self.text) || self.is_surname_alias(next))
                        {
                            let end = self.person_run(units, i + 1, false).max(i + 2);
                            self.person(units, i, end, context.paragraph);
                            i = end;
                            continue;
                        }
                    }
                    if let Some(found) = self.gaz_found(id, unit.span, context.paragraph) {
                        self.found.push(found);
                    }
                    i += 1;
                }
                Kind::Cap(c) if c.title.is_none() && !c.function => {
                    let end = self.person_run(units, i, false).max(i + 1);
                    let run = units.get(i..end).unwrap_or(&[]);
                    let shouting = run
                        .iter()
                        .all(|u| matches!(u.kind, Kind::Cap(c) if c.all_caps));
                    let len = run
                        .iter()
                        .filter(|u| matches!(u.kind, Kind::Cap(_) | Kind::Gaz(_)))
                        .count();
                    let head = run
                        .last()
                        .map(|u| u.span.text(self.text))
                        .and_then(words::head_label)
                        .or_else(|| {
                            let first = run.first().map(|u| u.span.text(self.text));
                            (first == Some("Operation")).then_some(EntityLabel::Event)
                        })
                        .or_else(|| learned_label(run));
                    if let (Some(label), true) = (head, len >= 2) {
                        if let (Some(first), Some(last)) = (run.first(), run.last()) {
                            let span = Span::new(first.span.start, last.span.end);
                            let canonical = collapse_spaces(span.text(self.text));
                            self.push(span, label, canonical, None, context.paragraph);
                        }
                    } else if (2..=4).contains(&len) && !shouting && self.before_facility_noun(run)
                    {
                        // "Kano's Kantin Kwari market", "the Call Lane bar": a place's name.
                        if let (Some(first), Some(last)) = (run.first(), run.last()) {
                            let span = Span::new(first.span.start, last.span.end);
                            let canonical = collapse_spaces(span.text(self.text));
                            self.push(span, EntityLabel::Fac, canonical, None, context.paragraph);
                        }
                    } else if (2..=4).contains(&len)
                        && !shouting
                        && (self.after_lowercase(unit.token, words::is_company_noun)
                            || self.after_role_and_preposition(unit.token))
                    {
                        // "economist at Peel Hunt", "the journal Nature Climate Change".
                        if let (Some(first), Some(last)) = (run.first(), run.last()) {
                            let span = Span::new(first.span.start, last.span.end);
                            let canonical = collapse_spaces(span.text(self.text));
                            self.push(span, EntityLabel::Org, canonical, None, context.paragraph);
                        }
                    } else if (2..=4).contains(&len) && !shouting {
                        self.person(units, i, end, context.paragraph);
                    } else if len == 1 {
                        let word = unit.span.text(self.text);
                        let person = self.after_lowercase(unit.token, words::is_role_noun);
                        // "pharmaceutical firm Phytopharm", "the carmaker Renault".
                        let learned = if self.after_lowercase(unit.token, words::is_company_noun) {
                            Some(NameClass::Org)
                        } else {
                            c.learned
                        };
                        self.pending.push(Pending {
                            span: unit.span,
                            word,
                            paragraph: context.paragraph,
                            person,
                            learned,
                        });
                    }
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    /// "Russian Security Council", "Philippine Senate": a nationality before an organisation
    /// that the gazetteer knows under another (or no) country names that country's body.
    fn merge_into_org(
        &mut self,
        id: u32,
        next_id: u32,
        span: Span,
        next_span: Span,
        context: Context,
    ) -> bool {
        let Some(country) = self.country_of_gaz(id) else {
            return false;
        };
        let Some(next) = self.gaz.name(next_id) else {
            return false;
        };
        let Some(org) = self.gaz.actor(next.actor) else {
            return false;
        };
        if next.label != EntityLabel::Org || org.country.as_deref() == Some(country) {
            return false;
        }
        let actor = self.body_id(country, next_span.text(self.text));
        let span = Span::new(span.start, next_span.end);
        let canonical = collapse_spaces(span.text(self.text));
        self.found.push(Found {
            span,
            label: EntityLabel::Org,
            canonical,
            country: Some(Cow::Borrowed(country)),
            actor: actor.map(Cow::Owned),
            paragraph: context.paragraph,
            needs_country: None,
        });
        true
    }

    /// Whether the word before token `token` is a lowercase noun of the class `is_class`
    /// ("spokesman Ali", "drugmaker Pfizer").
    fn after_lowercase(&mut self, token: usize, is_class: fn(&str) -> bool) -> bool {
        let Some(prev) = token.checked_sub(1) else {
            return false;
        };
        let word = self.word(prev);
        if !word.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        is_class(self.lower(word))
    }

    /// Whether a lowercase noun for a place or building follows the run ("Kantin Kwari
    /// market", "Bramley-Moore dock"): the run names it, not a person.
    fn before_facility_noun(&self, run: &[Unit]) -> bool {
        run.last().is_some_and(|last| {
            matches!(
                self.word(last.token + 1),
                "market"
                    | "hospital"
                    | "school"
                    | "street"
                    | "road"
                    | "bridge"
                    | "station"
                    | "airport"
                    | "stadium"
                    | "park"
                    | "bar"
                    | "pub"
                    | "restaurant"
                    | "hotel"
                    | "mall"
                    | "church"
                    | "mosque"
                    | "temple"
                    | "camp"
                    | "prison"
                    | "dock"
                    | "estate"
                    | "district"
                    | "village"
                    | "farm"
                    | "mine"
                    | "plant"
                    | "factory"
            )
        })
    }

    /// Whether "at" or "with" after a lowercase role noun comes before token `token`: the name
    /// after "chief economist at" is an employer.
    fn after_role_and_preposition(&mut self, token: usize) -> bool {
        let Some(preposition) = token.checked_sub(1) else {
            return false;
        };
        matches!(self.word(preposition), "at" | "with")
            && self.after_lowercase(preposition, words::is_role_noun)
    }

    fn gaz_found(&self, id: u32, span: Span, paragraph: usize) -> Option<Found<'a>> {
        let name = self.gaz.name(id)?;
        let actor = self.gaz.actor(name.actor)?;
        let canonical = name.canonical.as_deref().unwrap_or(&actor.name);
        Some(Found {
            span,
            label: name.label,
            canonical: Cow::Borrowed(canonical),
            country: actor.country.as_deref().map(Cow::Borrowed),
            actor: Some(Cow::Borrowed(&actor.id)),
            paragraph,
            needs_country: None,
        })
    }

    /// The span from `first` (token `start`) through token `end - 1`.
    fn tokens_span(&self, first: Span, start: usize, end: usize) -> Span {
        let last = end
            .checked_sub(1)
            .filter(|&e| e >= start)
            .and_then(|e| self.tokens.get(e))
            .map_or(first.end, |t| t.span.end);
        Span::new(first.start, last)
    }

    /// Records an entity named as written (no canonical form, no country) that ends a name run.
    fn push_as_written(
        &mut self,
        units: &mut Vec<Unit>,
        span: Span,
        label: EntityLabel,
        token: usize,
        paragraph: usize,
    ) {
        self.push(
            span,
            label,
            Cow::Borrowed(span.text(self.text)),
            None,
            paragraph,
        );
        units.push(Unit {
            kind: Kind::Break,
            span,
            token,
        });
    }

    fn push(
        &mut self,
        span: Span,
        label: EntityLabel,
        canonical: Cow<'a, str>,
        country: Option<Cow<'a, str>>,
        paragraph: usize,
    ) {
        self.found.push(Found {
            span,
            label,
            canonical,
            country,
            actor: None,
            paragraph,
            needs_country: None,
        });
    }

    /// Token index after a date starting at token `i`, if one does.
    fn date_at(&mut self, i: usize, start: usize, end: usize) -> Option<usize> {
        let token = *self.tokens.get(i)?;
        let word = token.span.text(self.text);
        let first = word.chars().next()?;
        if token.kind == TokenKind::Number {
            if decade(word) {
                return Some(i + 1);
            }
            // "5 October 2024", "in 2024"
            if day_number(word) && i + 1 < end {
                let next = self.word(i + 1);
                if is_capitalized(next) && words::month(self.lower(next)).is_some() {
                    return Some(self.year_after(i + 2, end));
                }
            }
            if year_number(word) && i > start {
                let prev = self.word(i - 1);
                if words::is_date_preposition(self.lower(prev)) {
                    return Some(i + 1);
                }
            }
            if year_number(word) && self.bare_year(i, start, end) {
                return Some(i + 1);
            }
            return None;
        }
        if token.kind != TokenKind::Word || !first.is_uppercase() {
            return None;
        }
        let lower = self.lower(word);
        if words::is_weekday(lower) {
            return Some(i + 1);
        }
        words::month(lower)?;
        let may = lower == "may";
        let march = lower == "march";
        let abbreviation = words::is_month_abbreviation(lower);
        let mut j = i + 1;
        // "Oct ." when the tokenizer split the period off.
        if abbreviation && !word.ends_with('.') && self.word(j) == "." && j < end {
            j += 1;
        }
        if j < end && day_number(self.word(j)) {
            j += 1;
            if j + 1 < end && self.word(j) == "," && year_number(self.word(j + 1)) {
                return Some(j + 2);
            }
            return Some(self.year_after(j, end));
        }
        if j < end && year_number(self.word(j)) {
            return Some(j + 1);
        }
        if abbreviation || may {
            return None;
        }
        let after_preposition = i > start && {
            let prev = self.word(i - 1);
            words::is_date_preposition(self.lower(prev))
        };
        (after_preposition || (!march && i > start)).then_some(j)
    }

    /// Whether a year-like number with no date word before it is a year: news writes counts of
    /// that size with a separator ("2,000"), so it is one unless money or a hedge comes before it
    /// or a content word after it ("2000 troops"), a determiner before it excepted.
    fn bare_year(&mut self, i: usize, start: usize, end: usize) -> bool {
        if i > start {
            let prev = self.word(i - 1);
            let lower = self.lower(prev);
            if matches!(
                lower,
                "$" | "€"
                    | "£"
                    | "¥"
                    | "than"
                    | "about"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "least"
                    | "over"
                    | "around"
                    | "approximately"
                    | "roughly"
                    | "to"
                    | "and"
                    | "or"
            ) {
                return false;
            }
            // "the 2008 election": after a determiner a bare number this size is a year.
            if matches!(lower, "the" | "a" | "an" | "its" | "his" | "her" | "their") {
                return true;
            }
        }
        if i + 1 >= end {
            return true;
        }
        let Some(next) = self.tokens.get(i + 1) else {
            return true;
        };
        let word = next.span.text(self.text);
        if next.kind != TokenKind::Word || !word.chars().next().is_some_and(char::is_lowercase) {
            return true;
        }
        let lower = self.lower(word);
        words::is_function_word(lower)
    }

    fn year_after(&self, j: usize, end: usize) -> usize {
        if j < end && year_number(self.word(j)) {
            j + 1
        } else {
            j
        }
    }

    /// Resolves single words, fills countries from context, and orders the result.
    fn finish(mut self) -> Vec<Entity> {
        self.resolve_pending();
        self.found
            .sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        // Keep the first of entities that overlap (a person from a title and the same word
        // resolved as a surname).
        let mut kept: Vec<Found<'a>> = Vec::with_capacity(self.found.len());
        for found in self.found {
            if kept.last().is_some_and(|k| k.span.overlaps(found.span)) {
                continue;
            }
            kept.push(found);
        }
        fill_context_countries(self.gaz, &mut kept);
        kept.into_iter()
            .map(|f| {
                // A person the gazetteer does not know is identified by the fullest name the
                // document gives, which its surname mentions share.
                let actor = match f.actor {
                    Some(id) => Some(id.into_owned()),
                    None if f.label == EntityLabel::Person => {
                        Some(format!("person:{}", slug(&f.canonical)))
                    }
                    None => None,
                };
                Entity {
                    span: f.span,
                    label: f.label,
                    canonical: f.canonical.into_owned(),
                    country: f.country.map(Cow::into_owned),
                    actor,
                }
            })
            .collect()
    }

    /// Single capitalised words: the surname (or, for East Asian names, the family name) of a
    /// person the document names in full, or an acronym of an organisation.
    fn resolve_pending(&mut self) {
        // word -> index into found of the person, or None when two people share it.
        let mut people: FastMap<&str, Option<usize>> = FastMap::default();
        // Given name -> the person named in full with it: features and some cultures refer to
        // people by it ("Dimas Pratama … Dimas said"). Surnames take precedence.
        let mut given: FastMap<&str, Option<usize>> = FastMap::default();
        for (index, found) in self.found.iter().enumerate() {
            if found.label != EntityLabel::Person {
                continue;
            }
            if !found.canonical.contains(' ') {
                continue;
            }
            // The canonical names borrow from the text or the gazetteer, both of which outlive
            // the scan; owned names (collapsed spaces) are matched by their written last word.
            let name: &'a str = match &found.canonical {
                Cow::Borrowed(name) => name,
                Cow::Owned(_) => found.span.text(self.text),
            };
            if let Some(first) = name.split_whitespace().next().filter(|f| !f.ends_with('.')) {
                note_unique(&mut given, first, index, &self.found);
            }
            // "Marko Cortés Mendoza … Cortés said": Spanish and Portuguese names put the
            // paternal surname before the last word.
            let words: Vec<&'a str> = name.split_whitespace().collect();
            if let [_, .., paternal, _] = words.as_slice() {
                if words.len() >= 3 && !is_name_particle(paternal) {
                    note_unique(&mut given, paternal, index, &self.found);
                }
            }
            let mut add = |word: &'a str| note_unique(&mut people, word, index, &self.found);
            match &found.canonical {
                Cow::Borrowed(name) => {
                    if let Some(last) = surname_of(name) {
                        add(last);
                    }
                    let surname_first = found
                        .country
                        .as_deref()
                        .is_some_and(|c| SURNAME_FIRST.contains(&c))
                        || name
                            .split_whitespace()
                            .next()
                            .is_some_and(|first| EAST_ASIAN_SURNAMES.contains(&first));
                    if surname_first {
                        if let Some(first) = name.split_whitespace().next() {
                            add(first);
                        }
                    }
                }
                Cow::Owned(_) => {
                    let written = found.span.text(self.text);
                    if let Some(last) = surname_of(written) {
                        add(last);
                    }
                }
            }
        }
        // A lone town name that is the surname of someone the document names in full is that
        // person ("Charles Kennedy ... Kennedy said").
        let surnames: Vec<(usize, usize)> = self
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.actor.as_deref().is_some_and(|a| a.starts_with("city:")))
            .filter_map(|(index, f)| {
                let person = people.get(f.span.text(self.text)).copied().flatten()?;
                Some((index, person))
            })
            .collect();
        for (index, person) in surnames {
            self.take_identity(index, person);
        }
        self.relink_surname_aliases();
        self.relink_name_tails();
        // "Nimbus Technologies … Nimbus said": the first word of an organisation named in full
        // (once only the document's) is that organisation.
        let mut organisations: FastMap<&'a str, Option<usize>> = FastMap::default();
        for (index, found) in self.found.iter().enumerate() {
            if found.label != EntityLabel::Org || found.actor.is_some() {
                continue;
            }
            let text: &'a str = self.text;
            let written = found.span.text(text);
            let mut words = written.split_whitespace();
            if let (Some(first), Some(_)) = (words.next(), words.next()) {
                note_unique(&mut organisations, first, index, &self.found);
            }
        }
        let pending = std::mem::take(&mut self.pending);
        for single in pending {
            let organisation = (!single.person)
                .then(|| organisations.get(single.word).copied().flatten())
                .flatten()
                .and_then(|o| self.found.get(o));
            if let Some(organisation) = organisation {
                let found = Found {
                    span: single.span,
                    label: EntityLabel::Org,
                    canonical: organisation.canonical.clone(),
                    country: organisation.country.clone(),
                    actor: None,
                    paragraph: single.paragraph,
                    needs_country: None,
                };
                self.found.push(found);
                continue;
            }
            let person = match people.get(single.word) {
                Some(person) => *person,
                None => given.get(single.word).copied().flatten(),
            };
            if let Some(person) = person.and_then(|p| self.found.get(p)) {
                if person.span == single.span {
                    continue;
                }
                let found = Found {
                    span: single.span,
                    label: EntityLabel::Person,
                    canonical: person.canonical.clone(),
                    country: person.country.clone(),
                    actor: person.actor.clone(),
                    paragraph: single.paragraph,
                    needs_country: None,
                };
                self.found.push(found);
            } else if single.person {
                self.push(
                    single.span,
                    EntityLabel::Person,
                    Cow::Borrowed(single.word),
                    None,
                    single.paragraph,
                );
            } else if let Some(label) = single_label(single.word, single.learned) {
                self.push(
                    single.span,
                    label,
                    Cow::Borrowed(single.word),
                    None,
                    single.paragraph,
                );
            }
        }
    }

    /// "Norma Lucía Piña Hernández … Piña Hernández said": a name of two or more words that ends
    /// the fuller name of exactly one person of the document is that person.
    fn relink_name_tails(&mut self) {
        let people: Vec<(usize, String)> = self
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.label == EntityLabel::Person)
            .map(|(index, f)| (index, f.canonical.to_string()))
            .collect();
        let mut relinks = Vec::new();
        for (index, name) in &people {
            if name.split_whitespace().count() < 2 {
                continue;
            }
            let tail = format!(" {name}");
            let mut fuller = people
                .iter()
                .filter(|(_, other)| other.ends_with(&tail))
                .map(|(other, full)| (*other, full));
            if let (Some((full, _)), None) = (fuller.next(), fuller.next()) {
                relinks.push((*index, full));
            }
        }
        for (index, full) in relinks {
            self.take_identity(index, full);
        }
    }

    /// Makes the mention at `index` name whom the one at `source` names (label, canonical
    /// name, country, actor).
    fn take_identity(&mut self, index: usize, source: usize) {
        let Some(source) = self.found.get(source) else {
            return;
        };
        let (label, canonical, country, actor) = (
            source.label,
            source.canonical.clone(),
            source.country.clone(),
            source.actor.clone(),
        );
        if let Some(found) = self.found.get_mut(index) {
            found.label = label;
            found.canonical = canonical;
            found.country = country;
            found.actor = actor;
        }
    }

    /// A famous person's surname alone ("Vance said") refers to someone else the document names
    /// in full ("Peter Vance"), unless the famous person is also named in full. When several
    /// people of the document share the surname ("Eleanor Vance", her son "Peter Vance", her
    /// daughter "Clare Vance-Hughes"), it stays a person of that surname, not the famous one.
    fn relink_surname_aliases(&mut self) {
        let text = self.text;
        // Last word -> the one unlisted person of the document with it (None: several).
        let mut unlisted: FastMap<&str, Option<usize>> = FastMap::default();
        for (index, found) in self.found.iter().enumerate() {
            if found.label != EntityLabel::Person || found.actor.is_some() {
                continue;
            }
            let written = found.span.text(text);
            let Some(last) = written.split_whitespace().last() else {
                continue;
            };
            if last.len() == written.len() {
                continue;
            }
            unlisted
                .entry(last)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(index));
            // A double-barrelled surname shares each part with relatives.
            if last.contains('-') {
                for part in last.split('-').filter(|p| p.len() > 1) {
                    unlisted.insert(part, None);
                }
            }
        }
        if unlisted.is_empty() {
            return;
        }
        let named_in_full: FastSet<&str> = self
            .found
            .iter()
            .filter(|f| f.label == EntityLabel::Person && f.span.text(text).contains(' '))
            .filter_map(|f| f.actor.as_deref())
            .collect();
        let relinks: Vec<(usize, Option<usize>)> = self
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.label == EntityLabel::Person
                    && f.actor
                        .as_deref()
                        .is_some_and(|a| !named_in_full.contains(a))
            })
            .filter_map(|(index, f)| {
                let person = unlisted.get(f.span.text(text)).copied()?;
                Some((index, person))
            })
            .collect();
        for (index, person) in relinks {
            let canonical = match person.and_then(|p| self.found.get(p)) {
                Some(person) => person.canonical.clone(),
                None => match self.found.get(index) {
                    Some(found) => Cow::Borrowed(found.span.text(text)),
                    None => continue,
                },
            };
            if let Some(found) = self.found.get_mut(index) {
                found.canonical = canonical;
                found.country = None;
                found.actor = None;
            }
        }
    }
}

/// "Alzheimer's Research UK", "Moody's Investors Service": an unknown name's possessive right
/// before an organisation word is part of one organisation name, so the possessive becomes a
/// connector and the word after it a head.
fn possessive_names(units: &mut [Unit]) {
    for k in 1..units.len() {
        let (Some(prev), Some(at), Some(next)) = (units.get(k - 1), units.get(k), units.get(k + 1))
        else {
            continue;
        };
        let possessor = matches!(prev.kind, Kind::Cap(c) if c.title.is_none()
            && !c.function
            && !c.all_caps
            && c.learned != Some(NameClass::Person));
        let Kind::Cap(mut head) = next.kind else {
            continue;
        };
        // "Veloria's Ministry of Maritime Affairs" is a country's ministry, which the owner logic
        // of `chunk` names; only other organisations take the possessive into their name.
        if !possessor
            || !matches!(at.kind, Kind::Possessive)
            || !(head.org || head.learned == Some(NameClass::Org))
            || head.ministry
        {
            continue;
        }
        head.org = true;
        if let Some(at) = units.get_mut(k) {
            at.kind = Kind::Conn(Conn::Title);
        }
        if let Some(next) = units.get_mut(k + 1) {
            next.kind = Kind::Cap(head);
        }
    }
}

/// Maps `word` to the entity at `index` in `found`, or to `None` once it names two different
/// entities.
/// The last word of a full name that is no post-nominal ("Sarah Lindqvist KC" → "Lindqvist").
fn surname_of(name: &str) -> Option<&str> {
    name.split_whitespace().rev().find(|word| {
        !matches!(
            *word,
            "KC" | "QC"
                | "MP"
                | "MEP"
                | "MSP"
                | "OBE"
                | "MBE"
                | "CBE"
                | "Jr."
                | "Jr"
                | "Sr."
                | "Sr"
                | "II"
                | "III"
                | "IV"
                | "PhD"
                | "MD"
        )
    })
}

fn note_unique<'w>(
    map: &mut FastMap<&'w str, Option<usize>>,
    word: &'w str,
    index: usize,
    found: &[Found],
) {
    let canonical = found.get(index).map(|f| &f.canonical);
    map.entry(word)
        .and_modify(|seen| {
            if seen
                .and_then(|s| found.get(s))
                .is_some_and(|s| Some(&s.canonical) != canonical)
            {
                *seen = None;
            }
        })
        .or_insert(Some(index));
}

/// Countries whose names are also common given names ("Jordan Smith", "Georgia Lee").
const COUNTRIES_GIVEN_AS_NAMES: &[&str] = &["Jordan", "Georgia", "Chad", "India", "Kenya"];

/// A capitalised word that can only be a surname after a given name: unknown, not a title,
/// organisation, place, descriptive or event word, not a plural ("Dallas Cowboys") and not
/// hyphenated ("Paris Saint-Germain").
fn is_surname_word(unit: &Unit, text: &str) -> bool {
    let Kind::Cap(c) = unit.kind else {
        return false;
    };
    let word = unit.span.text(text);
    // "Georgia Democrats", "Chad Republicans" are groups; "Jordan Ellis", "Chad Harris" people.
    let plural = ["ans", "ers", "ats", "ists", "ics", "ites", "ese"]
        .iter()
        .any(|ending| word.ends_with(ending));
    is_plain_name_word(c) && !c.common && !plural && !word.contains('-')
}

/// A capitalised word that can be part of a person's name: no title, organisation, function,
/// descriptive or shouted word, and not one GUM's names mark as another kind.
fn is_plain_name_word(c: Cap) -> bool {
    c.title.is_none()
        && !c.org
        && !c.function
        && !c.descriptive
        && !c.all_caps
        && matches!(c.learned, None | Some(NameClass::Person))
}

/// The label of a run of two or more unknown capitalised words that GUM's names classify: an
/// event when its last word marks events ("Winter Paralympics"), an organisation when a word
/// marks organisations ("Democratic Alliance") or is an adjective or abstract noun ("Popular
/// Resistance"), and none marks people.
fn learned_label(run: &[Unit]) -> Option<EntityLabel> {
    let class = |u: &Unit| match u.kind {
        Kind::Cap(c) => c.learned,
        _ => None,
    };
    if run.iter().any(|u| class(u) == Some(NameClass::Person)) {
        return None;
    }
    if run.last().and_then(class) == Some(NameClass::Event) {
        return Some(EntityLabel::Event);
    }
    run.iter()
        .any(|u| {
            class(u) == Some(NameClass::Org) || matches!(u.kind, Kind::Cap(c) if c.descriptive)
        })
        .then_some(EntityLabel::Org)
}

/// The label of a single unknown capitalised word that names no person of the document: an
/// acronym or a word GUM shows to name organisations ("Wikipedia") is an organisation, one that
/// names events ("Olympics") an event.
fn single_label(word: &str, learned: Option<NameClass>) -> Option<EntityLabel> {
    if is_acronym(word) || is_camel_case(word) {
        return Some(EntityLabel::Org);
    }
    match learned {
        Some(NameClass::Org) => Some(EntityLabel::Org),
        Some(NameClass::Event) => Some(EntityLabel::Event),
        _ => None,
    }
}

/// "CoinVault", "PayPal": a capital inside a word marks a brand, unless it follows a
/// surname prefix ("McDonald", "MacArthur", "DiCaprio", "LeBron", "DeSantis").
fn is_camel_case(word: &str) -> bool {
    let surname = [
        "Mc", "Mac", "Di", "De", "Le", "La", "Du", "Van", "Von", "Fitz", "O'",
    ]
    .iter()
    .any(|prefix| word.starts_with(prefix));
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    !surname && inner_capital && lower >= 2 && word.chars().all(char::is_alphanumeric)
}

/// Gives ministries without a written country the country of the nearest entity before them
/// in the same or the previous paragraph.
fn fill_context_countries(gaz: &Gazetteer, found: &mut [Found<'_>]) {
    let mut last: Option<(usize, String)> = None;
    for f in found.iter_mut() {
        if let Some(head) = f.needs_country.take() {
            if let Some((paragraph, country)) = &last {
                if f.paragraph <= paragraph + 1 {
                    let prefix = gaz.demonym(country).unwrap_or(country);
                    f.canonical = Cow::Owned(format!("{prefix} {head}"));
                    f.actor = body_id(gaz, country, &head).map(Cow::Owned);
                    f.country = Some(Cow::Owned(country.clone()));
                }
            }
            continue;
        }
        if let Some(country) = &f.country {
            last = Some((f.paragraph, country.to_string()));
        }
    }
}

/// The id of a body of `country` the gazetteer does not list ("org:CN:foreign-ministry");
/// `None` when `country` is not a country (an organisation's own body).
fn body_id(gaz: &Gazetteer, country: &str, body: &str) -> Option<String> {
    let iso2 = gaz.iso2(country)?;
    Some(format!("org:{iso2}:{}", slug(body)))
}

/// "Ministry of Foreign Affairs" and "Foreign Affairs Ministry" are both "Foreign Ministry";
/// `None` for names that are not a ministry of something.
fn ministry_head(body: &str) -> Option<String> {
    let words: Vec<&str> = body.split_whitespace().collect();
    let subject: Vec<&str> = match words.as_slice() {
        ["Ministry", "of" | "for", rest @ ..] => rest
            .iter()
            .take_while(|w| **w != "of")
            .copied()
            .filter(|w| *w != "the" && *w != "Affairs")
            .collect(),
        [rest @ .., "Ministry"] => rest.iter().copied().filter(|w| *w != "Affairs").collect(),
        _ => return None,
    };
    if subject.is_empty() || subject.len() > 3 {
        return None;
    }
    let mut head = subject.join(" ");
    head.push_str(" Ministry");
    Some(head)
}

fn collapse_spaces(text: &str) -> Cow<'_, str> {
    if text.contains(|c: char| c.is_whitespace() && c != ' ') || text.contains("  ") {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    }
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'" | "\u{2019}" | "’S" | "'S")
}

/// A capitalised word with a lowercase participle or noun after its last hyphen ("Paris-based",
/// "Saudi-led", "Soviet-era"): an adjective, never part of a name. Particles ("Al-") excepted.
fn is_compound_adjective(word: &str) -> bool {
    let Some((head, tail)) = word.rsplit_once('-') else {
        return false;
    };
    let particle = matches!(
        head.to_ascii_lowercase().as_str(),
        "al" | "el" | "ad" | "as" | "ash" | "ar" | "at" | "an" | "az" | "bin" | "ibn" | "abu"
    );
    !particle
        && is_capitalized(head)
        && tail.len() >= 2
        && tail.chars().all(|c| c.is_ascii_lowercase())
        // "Wei-ting", "Mei-ling", "Pei-ying" are given names: a participle is longer.
        && (tail.ends_with("ed") && (tail.len() > 4 || matches!(tail, "led" | "fed"))
            || tail.len() > 4 && tail.ends_with("ing")
            || matches!(
                tail,
                "born"
                    | "run"
                    | "made"
                    | "held"
                    | "built"
                    | "bred"
                    | "era"
                    | "style"
                    | "bound"
                    | "wide"
                    | "owned"
                    | "grown"
                    | "sown"
                    | "torn"
                    | "struck"
                    | "free"
                    | "friendly"
            ))
}

/// Lowercase particles that begin a name part: "al-Sharaa", "el-Sisi".
fn is_name_particle(word: &str) -> bool {
    [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "an-", "az-",
    ]
    .iter()
    .any(|p| word.strip_prefix(p).is_some_and(is_capitalized))
}

fn connector(word: &str) -> Option<Conn> {
    match word {
        "of" | "for" | "the" => Some(Conn::Title),
        "von" | "van" | "der" | "den" | "de" | "del" | "della" | "da" | "dos" | "du" | "la"
        | "le" | "bin" | "ibn" | "binti" | "bint" => Some(Conn::Name),
        "and" | "&" | "on" => Some(Conn::Org),
        _ => None,
    }
}

fn day_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = word.get(digits.len()..).unwrap_or("");
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=2).contains(&digits.len())
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// "1990s", "1880s".
fn decade(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|y| {
        y.len() == 4 && y.ends_with('0') && (y.starts_with('1') || y.starts_with("20"))
    }) && word.bytes().take(4).all(|b| b.is_ascii_digit())
}

fn year_number(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u16>()
            .is_ok_and(|y| (1900..=2099).contains(&y))
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !words::is_acronym_stop(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministry_heads_normalise() {
        assert_eq!(
            ministry_head("Ministry of Foreign Affairs").as_deref(),
            Some("Foreign Ministry")
        );
        assert_eq!(
            ministry_head("Foreign Ministry").as_deref(),
            Some("Foreign Ministry")
        );
        assert_eq!(
            ministry_head("Foreign Affairs Ministry").as_deref(),
            Some("Foreign Ministry")
        );
        assert_eq!(
            ministry_head("Ministry of the Interior of Ukraine").as_deref(),
            Some("Interior Ministry")
        );
        assert_eq!(ministry_head("Ministry"), None);
        assert_eq!(ministry_head("Health Department"), None);
    }

    #[test]
    fn day_and_year_numbers() {
        assert!(day_number("5"));
        assert!(day_number("31st"));
        assert!(!day_number("32"));
        assert!(!day_number("5km"));
        assert!(year_number("2024"));
        assert!(!year_number("1,000"));
    }

    #[test]
    fn compound_adjectives() {
        for word in [
            "Jose-based",
            "Leeds-born",
            "Saudi-led",
            "Soviet-era",
            "Al-Qaeda-linked",
        ] {
            assert!(is_compound_adjective(word), "{word}");
        }
        for word in [
            "Coca-Cola",
            "al-Sharaa",
            "Al-based",
            "Jean-Pierre",
            "pro-Russian",
            "Ex-",
        ] {
            assert!(!is_compound_adjective(word), "{word}");
        }
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("ISW"));
        assert!(!is_acronym("GDP"));
        assert!(!is_acronym("Kyiv"));
    }
}
