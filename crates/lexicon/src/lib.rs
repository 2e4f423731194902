//! Shipped word lists, compiled into the binary (no I/O at run time): reporting cues with their stance,
//! speaker roles and titles, and the head nouns of nominal speaker mentions.
//!
//! Everything is looked up on lowercased token texts. A table maps the first word of each phrase to its
//! candidates, longest first, so a look-up is one hash probe and a few slice comparisons, without allocating.

mod data;
mod inflect;

use claimgraph_core::layers::Stance;
use data::{CueLine, DataError, NounLine, Plural, RoleLine};
use std::collections::{HashMap, HashSet};

/// What kind of attribution a cue signals, which decides where the analyzer looks for source and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// An act of saying: said, claimed, denied, called on.
    Speech,
    /// A mental state or intention: believe, think, expect, fear, hope, want, plan, intend.
    Belief,
    /// What evidence shows: show, find, suggest, indicate, reveal ("polls show").
    Finding,
    /// A source introduced by a preposition: "according to", "in the view of".
    According,
    /// A noun that takes a content clause: "the claim that", "a warning that".
    Noun,
}

/// Which form of a verb cue the text used; nouns and prepositional cues are [`VerbForm::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// The base form, also the non-third-person present: "say", "are".
    Base,
    ThirdPerson,
    /// Past tense or past participle: "said", "written".
    Past,
    Gerund,
    Other,
}

/// A cue found at the start of a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    /// Tokens consumed.
    pub len: usize,
    /// The cue as the data file lists it: "say", "call on", "according to".
    pub lemma: &'static str,
    pub stance: Stance,
    pub class: CueClass,
    pub form: VerbForm,
}

/// A role or title found at the start of a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleMatch {
    /// Tokens consumed.
    pub len: usize,
    /// The canonical, capitalised role: "Foreign Minister", "Spokesperson".
    pub role: &'static str,
    /// A qualifier written before the role that changes who holds it: "Former", "Shadow".
    pub prefix: Option<&'static str>,
}

impl RoleMatch {
    /// The role as the analyzer reports it: "Shadow Chancellor", "Former Foreign Minister".
    pub fn name(&self) -> String {
        match self.prefix {
            Some(prefix) => format!("{prefix} {}", self.role),
            None => self.role.to_string(),
        }
    }
}

/// Words before a role that make it another office: a shadow chancellor is not the chancellor,
/// a former president no longer the president.
const ROLE_PREFIXES: &[(&str, &str)] = &[
    ("former", "Former"),
    ("ex", "Former"),
    ("shadow", "Shadow"),
    ("acting", "Acting"),
    ("interim", "Interim"),
    ("outgoing", "Outgoing"),
    ("incoming", "Incoming"),
];

/// The shipped lexicon: built once, immutable, shareable between threads.
#[derive(Debug, Clone)]
pub struct Lexicon {
    cues: PhraseTable<Cue>,
    noun_cues: PhraseTable<Cue>,
    roles: PhraseTable<&'static str>,
    speaker_nouns: HashSet<String>,
}

/// A cue entry as stored: a [`CueMatch`] without its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cue {
    lemma: &'static str,
    stance: Stance,
    class: CueClass,
    form: VerbForm,
}

impl Lexicon {
    /// The lexicon built from the compiled-in data files. Lines that do not parse are skipped; the data
    /// sanity test guarantees there are none.
    pub fn shipped() -> Lexicon {
        Lexicon::build(&mut Vec::new())
    }

    /// Builds the shipped lexicon, collecting the data lines that did not parse.
    fn build(errors: &mut Vec<DataError>) -> Lexicon {
        let cue_lines = data::parse_all("cues.tsv", data::CUES, data::parse_cue, errors);
        let role_lines = data::parse_all("roles.tsv", data::ROLES, data::parse_role, errors);
        let noun_lines = data::parse_all(
            "speaker_nouns.txt",
            data::SPEAKER_NOUNS,
            data::parse_noun,
            errors,
        );
        let (cues, noun_cues) = cue_tables(&cue_lines);
        Lexicon {
            cues,
            noun_cues,
            roles: role_table(&role_lines),
            speaker_nouns: speaker_noun_set(&noun_lines),
        }
    }

    /// Longest cue starting at `words[0]`. `words` are the lowercased texts of consecutive tokens,
    /// punctuation included. Where a verb form and a noun cue are spelled alike ("claims", "warning"),
    /// the verb is returned; [`Lexicon::noun_cue_at`] gives the noun.
    pub fn cue_at(&self, words: &[&str]) -> Option<CueMatch> {
        self.cues.longest(words).map(|(len, cue)| cue.with_len(len))
    }

    /// The noun cue at `words[0]` ("claim", "claims", "warning"), ignoring verb readings: for the analyzer
    /// to use once it knows the word is nominal ("the claims that ...").
    pub fn noun_cue_at(&self, words: &[&str]) -> Option<CueMatch> {
        self.noun_cues
            .longest(words)
            .map(|(len, cue)| cue.with_len(len))
    }

    /// Longest role or title starting at `words[0]`: "president", "foreign minister", "gen.",
    /// "secretary of state".
    pub fn role_at(&self, words: &[&str]) -> Option<RoleMatch> {
        let listed = self.roles.longest(words).map(|(len, role)| RoleMatch {
            len,
            role,
            prefix: None,
        });
        let prefixed = words.split_first().and_then(|(first, rest)| {
            let (_, prefix) = ROLE_PREFIXES.iter().find(|(w, _)| w == first)?;
            // "ex-minister" arrives as "ex", "-", "minister".
            let rest = rest.strip_prefix(&["-"][..]).unwrap_or(rest);
            let skipped = words.len() - rest.len();
            self.roles.longest(rest).map(|(len, role)| RoleMatch {
                len: len + skipped,
                role,
                prefix: Some(prefix),
            })
        });
        match (listed, prefixed) {
            (Some(listed), Some(prefixed)) if prefixed.len > listed.len => Some(prefixed),
            (listed, prefixed) => listed.or(prefixed),
        }
    }

    /// Whether a lowercase word heads a nominal speaker mention: "officials", "spokesperson", "ministry",
    /// "report", "polls".
    pub fn is_speaker_noun(&self, word: &str) -> bool {
        self.speaker_nouns.contains(word)
    }
}

impl Cue {
    fn with_len(self, len: usize) -> CueMatch {
        CueMatch {
            len,
            lemma: self.lemma,
            stance: self.stance,
            class: self.class,
            form: self.form,
        }
    }
}

/// Builds the table of all cues and the table of noun cues. Verb readings go in first, so they win over a
/// noun spelled the same, and within each kind the earlier data line wins.
fn cue_tables(lines: &[CueLine]) -> (PhraseTable<Cue>, PhraseTable<Cue>) {
    let mut cues = PhraseTable::default();
    let mut nouns = PhraseTable::default();
    for line in lines.iter().filter(|l| l.class != CueClass::Noun) {
        let mut words = line.lemma.split(' ');
        let (Some(first), rest) = (words.next(), words.collect::<Vec<_>>()) else {
            continue;
        };
        let cue = |form| Cue {
            lemma: line.lemma,
            stance: line.stance,
            class: line.class,
            form,
        };
        if line.class == CueClass::According {
            cues.insert(first.to_string(), rest, cue(VerbForm::Other));
            continue;
        }
        for (surface, form) in inflect::verb_forms(first) {
            if !line.skips(&surface) {
                cues.insert(surface, rest.clone(), cue(form));
            }
        }
    }
    for line in lines.iter().filter(|l| l.class == CueClass::Noun) {
        let cue = Cue {
            lemma: line.lemma,
            stance: line.stance,
            class: line.class,
            form: VerbForm::Other,
        };
        for surface in [line.lemma.to_string(), inflect::plural(line.lemma)] {
            nouns.insert(surface.clone(), Vec::new(), cue);
            cues.insert(surface, Vec::new(), cue);
        }
    }
    (cues, nouns)
}

fn role_table(lines: &[RoleLine]) -> PhraseTable<&'static str> {
    let mut roles = PhraseTable::default();
    for line in lines {
        for words in token_variants(line.surface) {
            if let Some((first, rest)) = words.split_first() {
                roles.insert((*first).to_string(), rest.to_vec(), line.role);
            }
        }
    }
    roles
}

/// The token sequences a written phrase may come out of a tokenizer as: as written, and with hyphens and
/// abbreviation periods split off ("secretary-general" → "secretary - general", "gen." → "gen .").
fn token_variants(phrase: &'static str) -> Vec<Vec<&'static str>> {
    let written: Vec<&'static str> = phrase.split(' ').collect();
    let mut split = Vec::new();
    for word in &written {
        let (body, period) = match word.strip_suffix('.') {
            Some(body) if !body.is_empty() => (body, true),
            _ => (*word, false),
        };
        for (i, part) in body.split('-').enumerate() {
            if i > 0 {
                split.push("-");
            }
            if !part.is_empty() {
                split.push(part);
            }
        }
        if period {
            split.push(".");
        }
    }
    if split == written {
        vec![written]
    } else {
        vec![written, split]
    }
}

fn speaker_noun_set(lines: &[NounLine]) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in lines {
        set.insert(line.singular.to_string());
        match line.plural {
            Plural::Regular => set.insert(inflect::plural(line.singular)),
            Plural::Irregular(plural) => set.insert(plural.to_string()),
            Plural::None => false,
        };
    }
    set
}

/// Phrases keyed on their first word; each key's candidates are kept longest first.
#[derive(Debug, Clone)]
struct PhraseTable<V> {
    by_first: HashMap<String, Vec<Candidate<V>>>,
}

#[derive(Debug, Clone)]
struct Candidate<V> {
    /// The words after the first.
    rest: Vec<&'static str>,
    value: V,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: HashMap::new(),
        }
    }
}

impl<V: Copy> PhraseTable<V> {
    /// Adds a phrase unless the same word sequence is already there (the first entry wins).
    fn insert(&mut self, first: String, rest: Vec<&'static str>, value: V) {
        let candidates = self.by_first.entry(first).or_default();
        if candidates.iter().any(|c| c.rest == rest) {
            return;
        }
        let at = candidates.partition_point(|c| c.rest.len() >= rest.len());
        candidates.insert(at, Candidate { rest, value });
    }

    /// The longest phrase that `words` starts with, as (tokens consumed, value).
    fn longest(&self, words: &[&str]) -> Option<(usize, V)> {
        let (first, following) = words.split_first()?;
        self.by_first
            .get(*first)?
            .iter()
            .find(|c| {
                following.len() >= c.rest.len() && c.rest.iter().zip(following).all(|(a, b)| a == b)
            })
            .map(|c| (c.rest.len() + 1, c.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built once for all tests: building is the slow part.
    fn lexicon() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(Lexicon::shipped)
    }

    fn cue(words: &str) -> Option<CueMatch> {
        let words: Vec<&str> = words.split(' ').collect();
        lexicon().cue_at(&words)
    }

    fn role(words: &str) -> Option<(usize, &'static str)> {
        let words: Vec<&str> = words.split(' ').collect();
        lexicon().role_at(&words).map(|r| (r.len, r.role))
    }

    #[test]
    fn lexicon_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Lexicon>();
    }

    #[test]
    fn every_data_line_parses() {
        let mut errors = Vec::new();
        let lexicon = Lexicon::build(&mut errors);
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(listed.is_empty(), "bad data lines:\n{}", listed.join("\n"));
        assert!(lexicon.cues.by_first.len() > 500);
        assert!(lexicon.roles.by_first.len() > 100);
        assert!(lexicon.speaker_nouns.len() > 200);
    }

    #[test]
    fn no_duplicate_data_lines() {
        let mut errors = Vec::new();
        let mut seen = HashSet::new();
        for line in data::parse_all("cues.tsv", data::CUES, data::parse_cue, &mut errors) {
            assert!(
                seen.insert((line.lemma, line.class == CueClass::Noun)),
                "cue {:?} listed twice",
                line.lemma
            );
        }
        let mut seen = HashSet::new();
        for line in data::parse_all("roles.tsv", data::ROLES, data::parse_role, &mut errors) {
            assert!(
                seen.insert(line.surface),
                "role {:?} listed twice",
                line.surface
            );
        }
        let mut seen = HashSet::new();
        for line in data::parse_all(
            "speaker_nouns.txt",
            data::SPEAKER_NOUNS,
            data::parse_noun,
            &mut errors,
        ) {
            assert!(
                seen.insert(line.singular),
                "speaker noun {:?} listed twice",
                line.singular
            );
        }
        assert!(errors.is_empty());
    }

    /// Two verb cues that inflect to the same spelling shadow each other silently; that is harmless for
    /// spelling variants (lambast/lambaste) but not when their stance or class differ.
    #[test]
    fn no_verb_forms_collide_across_lemmas() {
        let mut errors = Vec::new();
        let mut owner: HashMap<(String, Vec<&str>), CueLine> = HashMap::new();
        let mut collisions = Vec::new();
        for line in data::parse_all("cues.tsv", data::CUES, data::parse_cue, &mut errors) {
            if matches!(line.class, CueClass::Noun | CueClass::According) {
                continue;
            }
            let mut words = line.lemma.split(' ');
            let first = words.next().unwrap_or_default();
            let rest: Vec<&str> = words.collect();
            for (surface, _) in inflect::verb_forms(first) {
                let previous = owner.entry((surface.clone(), rest.clone())).or_insert(line);
                if (previous.stance, previous.class) != (line.stance, line.class) {
                    collisions.push(format!(
                        "{surface} {rest:?}: {} / {}",
                        previous.lemma, line.lemma
                    ));
                }
            }
        }
        assert!(collisions.is_empty(), "colliding forms: {collisions:?}");
    }

    #[test]
    fn inflected_forms_are_found() {
        for (text, lemma, form) in [
            ("said", "say", VerbForm::Past),
            ("says", "say", VerbForm::ThirdPerson),
            ("saying", "say", VerbForm::Gerund),
            ("say", "say", VerbForm::Base),
            ("told", "tell", VerbForm::Past),
            ("denied", "deny", VerbForm::Past),
            ("denies", "deny", VerbForm::ThirdPerson),
            ("admitted", "admit", VerbForm::Past),
            ("admitting", "admit", VerbForm::Gerund),
            ("regretted", "regret", VerbForm::Past),
            ("arguing", "argue", VerbForm::Gerund),
            ("stresses", "stress", VerbForm::ThirdPerson),
            ("urges", "urge", VerbForm::ThirdPerson),
            ("wrote", "write", VerbForm::Past),
            ("written", "write", VerbForm::Past),
            ("thought", "think", VerbForm::Past),
            ("found", "find", VerbForm::Past),
        ] {
            let found = cue(text).unwrap_or_else(|| panic!("{text} not found"));
            assert_eq!(
                (found.len, found.lemma, found.form),
                (1, lemma, form),
                "{text}"
            );
        }
    }

    #[test]
    fn longest_match_wins() {
        let called_on = cue("called on the government to act").unwrap();
        assert_eq!(
            (called_on.len, called_on.lemma, called_on.stance),
            (2, "call on", Stance::Urge)
        );
        let calls_for = cue("calls for calm").unwrap();
        assert_eq!(
            (calls_for.len, calls_for.lemma, calls_for.form),
            (2, "call for", VerbForm::ThirdPerson)
        );
        let called = cue("called the attack").unwrap();
        assert_eq!((called.len, called.lemma), (1, "call"));
        let according = cue("according to officials").unwrap();
        assert_eq!(
            (according.len, according.class, according.form),
            (2, CueClass::According, VerbForm::Other)
        );
        assert_eq!(cue("according"), None);
        let statement = cue("said in a statement that").unwrap();
        assert_eq!((statement.len, statement.lemma), (4, "say in a statement"));
        assert_eq!(cue("said in a").unwrap().len, 1);
        assert_eq!(cue("was quoted as saying").unwrap().len, 4);
        assert_eq!(cue("went on to say").unwrap().len, 4);
        assert_eq!(cue("made it clear").unwrap().len, 3);
        assert_eq!(cue("has learned that").unwrap().len, 2);
        let dismissed = cue("dismissed the idea that").unwrap();
        assert_eq!((dismissed.len, dismissed.stance), (3, Stance::Deny));
        assert_eq!(cue("pointed out").unwrap().len, 2);
        assert_eq!(cue("pointed to").unwrap().class, CueClass::Finding);
    }

    #[test]
    fn typical_stances() {
        for (text, stance) in [
            ("said", Stance::Assert),
            ("claimed", Stance::Assert),
            ("insisted", Stance::Assert),
            ("told", Stance::Assert),
            ("accused", Stance::Accuse),
            ("blamed", Stance::Accuse),
            ("alleged", Stance::Accuse),
            ("denied", Stance::Deny),
            ("rejected", Stance::Deny),
            ("dismissed", Stance::Deny),
            ("confirmed", Stance::Confirm),
            ("acknowledged", Stance::Acknowledge),
            ("conceded", Stance::Acknowledge),
            ("condemned", Stance::Concern),
            ("criticized", Stance::Concern),
            ("criticised", Stance::Concern),
            ("expressed concern", Stance::Concern),
            ("urged", Stance::Urge),
            ("demanded", Stance::Urge),
            ("called for", Stance::Urge),
            ("warned", Stance::Warn),
            ("threatened", Stance::Warn),
            ("questioned", Stance::Question),
            ("asked", Stance::Question),
            ("asked for", Stance::Urge),
            ("believes", Stance::Assert),
            ("according to", Stance::Assert),
            ("showed", Stance::Assert),
            ("hopes", Stance::Other),
        ] {
            assert_eq!(cue(text).map(|c| c.stance), Some(stance), "{text}");
        }
    }

    #[test]
    fn classes() {
        assert_eq!(cue("believes").unwrap().class, CueClass::Belief);
        assert_eq!(cue("shows").unwrap().class, CueClass::Finding);
        assert_eq!(cue("denial").unwrap().class, CueClass::Noun);
        assert_eq!(cue("accusations").unwrap().class, CueClass::Noun);
    }

    #[test]
    fn verbs_shadow_nouns_but_nouns_stay_reachable() {
        let claims = cue("claims").unwrap();
        assert_eq!(
            (claims.class, claims.form),
            (CueClass::Speech, VerbForm::ThirdPerson)
        );
        let noun = lexicon().noun_cue_at(&["claims", "that"]).unwrap();
        assert_eq!(
            (noun.len, noun.lemma, noun.class, noun.stance),
            (1, "claim", CueClass::Noun, Stance::Assert)
        );
        assert_eq!(
            lexicon().noun_cue_at(&["warning"]).map(|c| c.stance),
            Some(Stance::Warn)
        );
        assert_eq!(lexicon().noun_cue_at(&["said"]), None);
    }

    #[test]
    fn non_cues() {
        for text in ["the", "government", ",", "", "sayings", "tellings"] {
            assert_eq!(cue(text), None, "{text}");
        }
        assert_eq!(lexicon().cue_at(&[]), None);
    }

    #[test]
    fn roles() {
        assert_eq!(role("president"), Some((1, "President")));
        assert_eq!(
            role("foreign minister wang yi"),
            Some((2, "Foreign Minister"))
        );
        assert_eq!(role("prime minister"), Some((2, "Prime Minister")));
        assert_eq!(role("spokesperson"), Some((1, "Spokesperson")));
        assert_eq!(role("spokeswoman"), Some((1, "Spokesperson")));
        assert_eq!(role("secretary of state"), Some((3, "Secretary of State")));
        assert_eq!(role("chief executive"), Some((2, "Chief Executive")));
        assert_eq!(role("gen."), Some((1, "General")));
        assert_eq!(role("gen . mark milley"), Some((2, "General")));
        assert_eq!(role("sen."), Some((1, "Senator")));
        assert_eq!(role("lt. gen."), Some((2, "Lieutenant General")));
        assert_eq!(role("lt . gen ."), Some((4, "Lieutenant General")));
        assert_eq!(role("secretary-general"), Some((1, "Secretary-General")));
        assert_eq!(role("secretary - general"), Some((3, "Secretary-General")));
        assert_eq!(role("secretary general"), Some((2, "Secretary-General")));
        assert_eq!(role("defence minister"), Some((2, "Defense Minister")));
        assert_eq!(
            role("foreign ministry spokesperson lin jian"),
            Some((3, "Foreign Ministry Spokesperson"))
        );
        assert_eq!(role("foreign"), None);
        assert_eq!(role("officials"), None);
    }

    #[test]
    fn speaker_nouns() {
        let lexicon = lexicon();
        for word in [
            "official",
            "officials",
            "spokesperson",
            "spokeswoman",
            "spokesmen",
            "source",
            "sources",
            "analyst",
            "analysts",
            "expert",
            "experts",
            "ministry",
            "ministries",
            "department",
            "government",
            "police",
            "report",
            "poll",
            "polls",
            "survey",
            "study",
            "studies",
            "statement",
            "agency",
            "campaign",
            "aides",
            "critics",
            "lawmakers",
            "people",
            "residents",
            "witnesses",
            "authorities",
        ] {
            assert!(lexicon.is_speaker_noun(word), "{word}");
        }
        for word in ["said", "the", "polices", "peoples", "Officials"] {
            assert!(!lexicon.is_speaker_noun(word), "{word}");
        }
    }

    #[test]
    fn token_variants_split_hyphens_and_periods() {
        assert_eq!(token_variants("president"), [vec!["president"]]);
        assert_eq!(
            token_variants("lt. gen."),
            [vec!["lt.", "gen."], vec!["lt", ".", "gen", "."]]
        );
        assert_eq!(
            token_variants("editor-in-chief"),
            [
                vec!["editor-in-chief"],
                vec!["editor", "-", "in", "-", "chief"]
            ]
        );
    }

    /// Every form in the Gender Gap Tracker's quote-verb list (MIT) must be recognised as a cue.
    #[test]
    fn recognises_every_gender_gap_tracker_verb() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/datasets/lexicons/quote_verb_list.en.txt"
        );
        let Ok(list) = std::fs::read_to_string(path) else {
            eprintln!("skipping: {path} not found");
            return;
        };
        let lexicon = lexicon();
        let mut errors = Vec::new();
        let cues = data::parse_all("cues.tsv", data::CUES, data::parse_cue, &mut errors);
        let skipped = |w: &str| cues.iter().any(|line| line.skips(w));
        let words = list.lines().map(str::trim).filter(|w| !w.is_empty());
        let (left_out, missing): (Vec<&str>, Vec<&str>) = words
            .filter(|w| lexicon.cue_at(&[w]).is_none())
            .partition(|w| skipped(w));
        assert!(missing.is_empty(), "not recognised: {missing:?}");
        // Forms cues.tsv leaves out on purpose because news uses them mostly as nouns; keep the list short.
        assert!(
            left_out.len() <= 10,
            "too many forms left out: {left_out:?}"
        );
        assert!(list.lines().count() > 200);
    }

    proptest::proptest! {
        /// Matches never claim more tokens than they were given, whatever the input.
        #[test]
        fn matches_stay_within_input(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "said", "called", "on", "for", "according", "to", "in", "a", "statement", "made", "it", "clear",
                "secretary", "-", "general", "of", "state", "lt", ".", "gen.", "", ",", "claims", "é", "was",
                "quoted", "as", "saying",
            ]),
            0..7,
        )) {
            let lexicon = lexicon();
            for found in [lexicon.cue_at(&words).map(|c| c.len), lexicon.noun_cue_at(&words).map(|c| c.len),
                lexicon.role_at(&words).map(|r| r.len)].into_iter().flatten() {
                proptest::prop_assert!(found >= 1 && found <= words.len());
            }
        }
    }
}
