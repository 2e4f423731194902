//! Parsers for the shipped data files, one line at a time, so a bad line can be skipped and reported.

use crate::{inflect, CueClass};
use claimgraph_core::layers::Stance;
use std::fmt;

pub(crate) const CUES: &str = include_str!("../data/cues.tsv");
pub(crate) const ROLES: &str = include_str!("../data/roles.tsv");
pub(crate) const SPEAKER_NOUNS: &str = include_str!("../data/speaker_nouns.txt");

/// A line of a data file that did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataError {
    pub file: &'static str,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One line of `cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueLine {
    pub lemma: &'static str,
    pub stance: Stance,
    pub class: CueClass,
    /// Comma-separated inflected forms not to generate, usually because they are far more often nouns.
    pub skip: &'static str,
}

impl CueLine {
    /// Whether `surface` is one of the forms this line leaves out.
    pub fn skips(&self, surface: &str) -> bool {
        self.skip.split(',').any(|form| form == surface)
    }
}

/// One line of `roles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleLine {
    pub surface: &'static str,
    pub role: &'static str,
}

/// How a speaker noun forms its plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plural {
    Regular,
    Irregular(&'static str),
    None,
}

/// One line of `speaker_nouns.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NounLine {
    pub singular: &'static str,
    pub plural: Plural,
}

/// The content lines of a data file with their 1-based numbers; `#` comments and blank lines are skipped.
pub(crate) fn content_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

/// Parses every content line of `text`, keeping the good ones and reporting the rest.
pub(crate) fn parse_all<T>(
    file: &'static str,
    text: &'static str,
    parse: fn(&'static str) -> Result<T, String>,
    errors: &mut Vec<DataError>,
) -> Vec<T> {
    let mut parsed = Vec::new();
    for (line, content) in content_lines(text) {
        match parse(content) {
            Ok(item) => parsed.push(item),
            Err(message) => errors.push(DataError {
                file,
                line,
                message,
            }),
        }
    }
    parsed
}

pub(crate) fn parse_cue(line: &'static str) -> Result<CueLine, String> {
    let fields: Vec<&'static str> = line.split('\t').collect();
    let (lemma, stance, class, skip) = match fields.as_slice() {
        [lemma, stance, class] => (*lemma, *stance, *class, ""),
        [lemma, stance, class, skip] => {
            let skip = skip
                .strip_prefix("skip=")
                .ok_or_else(|| format!("fourth field {skip:?} is not skip=..."))?;
            (*lemma, *stance, *class, skip)
        }
        _ => {
            return Err(format!(
                "expected 3 or 4 tab-separated fields, found {}",
                fields.len()
            ))
        }
    };
    check_phrase(lemma)?;
    let stance = Stance::parse(stance).ok_or_else(|| format!("unknown stance {stance:?}"))?;
    let class = match class {
        "speech" => CueClass::Speech,
        "belief" => CueClass::Belief,
        "finding" => CueClass::Finding,
        "according" => CueClass::According,
        "noun" => CueClass::Noun,
        other => return Err(format!("unknown class {other:?}")),
    };
    if class == CueClass::Noun && lemma.contains(' ') {
        return Err("noun cues are single words".to_string());
    }
    if !skip.is_empty() {
        let first = lemma.split(' ').next().unwrap_or(lemma);
        let forms = inflect::verb_forms(first);
        if matches!(class, CueClass::According | CueClass::Noun) {
            return Err("only verb cues can skip forms".to_string());
        }
        if let Some(unknown) = skip
            .split(',')
            .find(|s| !forms.iter().any(|(form, _)| form == s))
        {
            return Err(format!(
                "skipped form {unknown:?} is not a form of {first:?}"
            ));
        }
    }
    Ok(CueLine {
        lemma,
        stance,
        class,
        skip,
    })
}

pub(crate) fn parse_role(line: &'static str) -> Result<RoleLine, String> {
    let fields: Vec<&'static str> = line.split('\t').collect();
    let [surface, role] = fields.as_slice() else {
        return Err(format!(
            "expected 2 tab-separated fields, found {}",
            fields.len()
        ));
    };
    check_phrase(surface)?;
    if role.trim() != *role || role.is_empty() {
        return Err(format!("canonical role {role:?} is empty or padded"));
    }
    if !role.chars().next().is_some_and(char::is_uppercase) {
        return Err(format!("canonical role {role:?} is not capitalised"));
    }
    Ok(RoleLine { surface, role })
}

pub(crate) fn parse_noun(line: &'static str) -> Result<NounLine, String> {
    let fields: Vec<&'static str> = line.split('\t').collect();
    let (singular, plural) = match fields.as_slice() {
        [singular] => (*singular, Plural::Regular),
        [singular, "-"] => (*singular, Plural::None),
        [singular, plural] => {
            check_word(plural)?;
            (*singular, Plural::Irregular(plural))
        }
        _ => {
            return Err(format!(
                "expected 1 or 2 tab-separated fields, found {}",
                fields.len()
            ))
        }
    };
    check_word(singular)?;
    Ok(NounLine { singular, plural })
}

/// Lowercase words separated by single spaces, so they line up with lowercased token texts.
fn check_phrase(phrase: &str) -> Result<(), String> {
    if phrase.is_empty() {
        return Err("empty phrase".to_string());
    }
    phrase.split(' ').try_for_each(check_word)
}

fn check_word(word: &str) -> Result<(), String> {
    if word.is_empty() {
        return Err("empty word (doubled or padding space?)".to_string());
    }
    if word.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
        return Err(format!(
            "word {word:?} is not lowercase or holds whitespace"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_good_lines() {
        assert_eq!(
            parse_cue("call on\turge\tspeech"),
            Ok(CueLine {
                lemma: "call on",
                stance: Stance::Urge,
                class: CueClass::Speech,
                skip: ""
            })
        );
        let state = parse_cue("state\tassert\tspeech\tskip=state,states");
        assert_eq!(
            state.map(|s| (s.skips("states"), s.skips("stated"))),
            Ok((true, false))
        );
        assert_eq!(
            parse_role("gen.\tGeneral"),
            Ok(RoleLine {
                surface: "gen.",
                role: "General"
            })
        );
        assert_eq!(
            parse_noun("police\t-"),
            Ok(NounLine {
                singular: "police",
                plural: Plural::None
            })
        );
        assert_eq!(
            parse_noun("spokesman\tspokesmen"),
            Ok(NounLine {
                singular: "spokesman",
                plural: Plural::Irregular("spokesmen")
            })
        );
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse_cue("say\tassert").is_err());
        assert!(parse_cue("say\tshout\tspeech").is_err());
        assert!(parse_cue("say\tassert\tverb").is_err());
        assert!(parse_cue("Say\tassert\tspeech").is_err());
        assert!(parse_cue("call  on\turge\tspeech").is_err());
        assert!(parse_cue("the claim\tassert\tnoun").is_err());
        assert!(parse_cue("state\tassert\tspeech\tskip=stats").is_err());
        assert!(parse_cue("state\tassert\tspeech\tstates").is_err());
        assert!(parse_cue("claim\tassert\tnoun\tskip=claims").is_err());
        assert!(parse_role("president\tpresident").is_err());
        assert!(parse_noun("a\tb\tc").is_err());
    }

    #[test]
    fn skips_comments_and_blank_lines() {
        let lines: Vec<_> =
            content_lines("# note\n\nsay\tassert\tspeech\r\n  # indented\n").collect();
        assert_eq!(lines, [(3, "say\tassert\tspeech")]);
    }
}
