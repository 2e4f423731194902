//! English verb inflection and noun plurals for the lemmas the data files list.
//!
//! Regular rules plus a small irregular table cover the reporting vocabulary; the rules are not a general
//! morphology engine (stress-dependent consonant doubling, for instance, is a closed list).

use crate::VerbForm;

/// Past forms (preterite and participle) of the irregular verbs reporting cues use.
/// Compounds ("retell", "foresee") are listed in full so lookup stays a plain table scan.
const IRREGULAR_PAST: &[(&str, &[&str])] = &[
    ("be", &["was", "were", "been"]),
    ("have", &["had"]),
    ("do", &["did", "done"]),
    ("say", &["said"]),
    ("tell", &["told"]),
    ("retell", &["retold"]),
    ("foretell", &["foretold"]),
    ("write", &["wrote", "written"]),
    ("rewrite", &["rewrote", "rewritten"]),
    ("think", &["thought"]),
    ("find", &["found"]),
    ("speak", &["spoke", "spoken"]),
    ("feel", &["felt"]),
    ("hold", &["held"]),
    ("uphold", &["upheld"]),
    ("withhold", &["withheld"]),
    ("mean", &["meant"]),
    ("know", &["knew", "known"]),
    ("see", &["saw", "seen"]),
    ("foresee", &["foresaw", "foreseen"]),
    ("give", &["gave", "given"]),
    ("take", &["took", "taken"]),
    ("begin", &["began", "begun"]),
    ("forbid", &["forbade", "forbad", "forbidden"]),
    ("bid", &["bid", "bade", "bidden"]),
    ("go", &["went", "gone"]),
    ("make", &["made"]),
    ("put", &["put"]),
    ("set", &["set"]),
    ("let", &["let"]),
    ("hit", &["hit"]),
    ("cast", &["cast"]),
    ("read", &["read"]),
    ("lead", &["led"]),
    ("bring", &["brought"]),
    ("seek", &["sought"]),
    ("teach", &["taught"]),
    ("hear", &["heard"]),
    ("swear", &["swore", "sworn"]),
    ("understand", &["understood"]),
    ("stand", &["stood"]),
    ("keep", &["kept"]),
    ("get", &["got", "gotten"]),
    ("come", &["came", "come"]),
    ("send", &["sent"]),
    ("lay", &["laid"]),
    ("strike", &["struck", "stricken"]),
    ("stick", &["stuck"]),
    ("show", &["showed", "shown"]),
    ("prove", &["proved", "proven"]),
    ("learn", &["learned", "learnt"]),
    ("spell", &["spelled", "spelt"]),
    ("plead", &["pleaded", "pled"]),
    ("forecast", &["forecast", "forecasted"]),
    ("broadcast", &["broadcast", "broadcasted"]),
];

/// Present and gerund forms that replace the rules' (the rules would give "bes", "bing", "haves").
const IRREGULAR_PRESENT: &[(&str, &[(&str, VerbForm)])] = &[
    (
        "be",
        &[
            ("is", VerbForm::ThirdPerson),
            ("are", VerbForm::Base),
            ("am", VerbForm::Base),
            ("being", VerbForm::Gerund),
        ],
    ),
    (
        "have",
        &[("has", VerbForm::ThirdPerson), ("having", VerbForm::Gerund)],
    ),
];

/// Verbs of two or more syllables stressed on the last one, which double their final consonant
/// (admit → admitted); stress cannot be read off the spelling.
const DOUBLING: &[&str] = &[
    "admit", "commit", "omit", "permit", "submit", "transmit", "acquit", "outwit", "regret",
    "forget", "abet", "beget", "refer", "prefer", "confer", "infer", "defer", "deter", "occur",
    "concur", "incur", "recur", "rebut", "compel", "expel", "dispel", "propel", "repel", "excel",
    "control", "patrol", "extol", "allot", "equip", "forbid", "outbid",
];

/// Every inflected form of a verb with what kind of form it is, base first. The list may hold one spelling
/// twice when two rules agree (put/put); callers keep the first.
pub fn verb_forms(lemma: &str) -> Vec<(String, VerbForm)> {
    let mut forms = vec![(lemma.to_string(), VerbForm::Base)];
    let present = IRREGULAR_PRESENT
        .iter()
        .find(|(verb, _)| *verb == lemma)
        .map(|(_, forms)| *forms);
    match present {
        Some(extra) => forms.extend(
            extra
                .iter()
                .map(|(form, kind)| ((*form).to_string(), *kind)),
        ),
        None => {
            forms.push((third_person(lemma), VerbForm::ThirdPerson));
            forms.extend(gerunds(lemma).into_iter().map(|g| (g, VerbForm::Gerund)));
        }
    }
    match IRREGULAR_PAST.iter().find(|(verb, _)| *verb == lemma) {
        Some((_, past)) => forms.extend(past.iter().map(|p| ((*p).to_string(), VerbForm::Past))),
        None => forms.extend(pasts(lemma).into_iter().map(|p| (p, VerbForm::Past))),
    }
    forms
}

/// The plural of a regular noun: claim → claims, testimony → testimonies, witness → witnesses.
pub fn plural(noun: &str) -> String {
    if let Some(stem) = consonant_y_stem(noun) {
        format!("{stem}ies")
    } else if takes_es(noun) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn third_person(lemma: &str) -> String {
    if let Some(stem) = consonant_y_stem(lemma) {
        format!("{stem}ies")
    } else if takes_es(lemma) || lemma.ends_with('o') {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn pasts(lemma: &str) -> Vec<String> {
    if let Some(stem) = consonant_y_stem(lemma) {
        return vec![format!("{stem}ied")];
    }
    if lemma.ends_with('e') {
        return vec![format!("{lemma}d")];
    }
    with_doubling(lemma)
        .into_iter()
        .map(|stem| format!("{stem}ed"))
        .collect()
}

fn gerunds(lemma: &str) -> Vec<String> {
    if let Some(stem) = lemma.strip_suffix("ie") {
        return vec![format!("{stem}ying")];
    }
    if let Some(stem) = lemma.strip_suffix('e') {
        // "agree", "see", "eye", "toe" keep their e; a bare "e" after a consonant or "u" is silent.
        let keeps_e = stem.ends_with(['e', 'y', 'o']) || stem.is_empty();
        return vec![if keeps_e {
            format!("{lemma}ing")
        } else {
            format!("{stem}ing")
        }];
    }
    with_doubling(lemma)
        .into_iter()
        .map(|stem| format!("{stem}ing"))
        .collect()
}

/// The stems a consonant-initial suffix attaches to: doubled, plain, or both (British and American
/// spellings of "signalled"/"signaled").
fn with_doubling(lemma: &str) -> Vec<String> {
    let Some(last) = lemma.chars().last() else {
        return vec![lemma.to_string()];
    };
    let doubled = format!("{lemma}{last}");
    if DOUBLING.contains(&lemma) || (vowel_groups(lemma) == 1 && ends_cvc(lemma)) {
        vec![doubled]
    } else if last == 'l' && ends_cvc(lemma) {
        vec![doubled, lemma.to_string()]
    } else {
        vec![lemma.to_string()]
    }
}

/// The stem before a final "y" that follows a consonant (deny → den), which turns into "ie".
fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().last()?;
    (!is_vowel_letter(before)).then_some(stem)
}

fn takes_es(word: &str) -> bool {
    ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| word.ends_with(end))
}

fn is_vowel_letter(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Which letters act as vowels: "u" after "q" is part of the consonant ("quip").
fn vowel_flags(word: &str) -> Vec<bool> {
    let mut flags = Vec::with_capacity(word.len());
    let mut previous = None;
    for c in word.chars() {
        flags.push(is_vowel_letter(c) && !(c == 'u' && previous == Some('q')));
        previous = Some(c);
    }
    flags
}

fn vowel_groups(word: &str) -> usize {
    let flags = vowel_flags(word);
    let starts = flags
        .iter()
        .zip(std::iter::once(&false).chain(flags.iter()))
        .filter(|(v, before)| **v && !**before);
    starts.count()
}

/// Ends consonant-vowel-consonant, the final consonant one that can double (not w, x or y).
fn ends_cvc(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let flags = vowel_flags(word);
    let n = chars.len();
    if n < 3 {
        return false;
    }
    let (c1, v, c2) = (n - 3, n - 2, n - 1);
    let doublable = chars
        .get(c2)
        .is_some_and(|c| c.is_ascii_alphabetic() && !matches!(c, 'w' | 'x' | 'y'));
    let flag = |i: usize| flags.get(i).copied().unwrap_or(false);
    doublable && !flag(c1) && flag(v) && !flag(c2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(lemma: &str, kind: VerbForm) -> Vec<String> {
        verb_forms(lemma)
            .into_iter()
            .filter(|(_, k)| *k == kind)
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn regular_verbs() {
        assert_eq!(forms("claim", VerbForm::ThirdPerson), ["claims"]);
        assert_eq!(forms("claim", VerbForm::Past), ["claimed"]);
        assert_eq!(forms("claim", VerbForm::Gerund), ["claiming"]);
    }

    #[test]
    fn e_drop() {
        assert_eq!(forms("argue", VerbForm::Gerund), ["arguing"]);
        assert_eq!(forms("argue", VerbForm::Past), ["argued"]);
        assert_eq!(forms("urge", VerbForm::ThirdPerson), ["urges"]);
        assert_eq!(forms("agree", VerbForm::Gerund), ["agreeing"]);
        assert_eq!(forms("agree", VerbForm::Past), ["agreed"]);
    }

    #[test]
    fn y_to_ie() {
        assert_eq!(forms("deny", VerbForm::Past), ["denied"]);
        assert_eq!(forms("deny", VerbForm::ThirdPerson), ["denies"]);
        assert_eq!(forms("deny", VerbForm::Gerund), ["denying"]);
        assert_eq!(forms("convey", VerbForm::Past), ["conveyed"]);
        assert_eq!(forms("convey", VerbForm::ThirdPerson), ["conveys"]);
    }

    #[test]
    fn es_endings() {
        assert_eq!(forms("stress", VerbForm::ThirdPerson), ["stresses"]);
        assert_eq!(forms("preach", VerbForm::ThirdPerson), ["preaches"]);
        assert_eq!(forms("echo", VerbForm::ThirdPerson), ["echoes"]);
        assert_eq!(forms("go", VerbForm::ThirdPerson), ["goes"]);
    }

    #[test]
    fn doubling() {
        assert_eq!(forms("admit", VerbForm::Past), ["admitted"]);
        assert_eq!(forms("admit", VerbForm::Gerund), ["admitting"]);
        assert_eq!(forms("regret", VerbForm::Past), ["regretted"]);
        assert_eq!(forms("slam", VerbForm::Past), ["slammed"]);
        assert_eq!(forms("quip", VerbForm::Past), ["quipped"]);
        assert_eq!(forms("plan", VerbForm::Gerund), ["planning"]);
        assert_eq!(forms("signal", VerbForm::Past), ["signalled", "signaled"]);
        // Unstressed final syllables and vowel pairs do not double.
        assert_eq!(forms("threaten", VerbForm::Past), ["threatened"]);
        assert_eq!(forms("appeal", VerbForm::Past), ["appealed"]);
        assert_eq!(forms("vow", VerbForm::Past), ["vowed"]);
        assert_eq!(forms("tweet", VerbForm::Past), ["tweeted"]);
        assert_eq!(forms("question", VerbForm::Past), ["questioned"]);
    }

    #[test]
    fn irregular_verbs() {
        assert_eq!(forms("say", VerbForm::Past), ["said"]);
        assert_eq!(forms("say", VerbForm::ThirdPerson), ["says"]);
        assert_eq!(forms("tell", VerbForm::Past), ["told"]);
        assert_eq!(forms("write", VerbForm::Past), ["wrote", "written"]);
        assert_eq!(forms("write", VerbForm::Gerund), ["writing"]);
        assert_eq!(forms("speak", VerbForm::Past), ["spoke", "spoken"]);
        assert_eq!(
            forms("forbid", VerbForm::Past),
            ["forbade", "forbad", "forbidden"]
        );
        assert_eq!(forms("forbid", VerbForm::Gerund), ["forbidding"]);
        assert_eq!(forms("lie", VerbForm::Gerund), ["lying"]);
        assert_eq!(forms("be", VerbForm::ThirdPerson), ["is"]);
        assert_eq!(forms("be", VerbForm::Gerund), ["being"]);
        assert_eq!(forms("have", VerbForm::ThirdPerson), ["has"]);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("claim"), "claims");
        assert_eq!(plural("witness"), "witnesses");
        assert_eq!(plural("testimony"), "testimonies");
        assert_eq!(plural("survey"), "surveys");
    }
}
