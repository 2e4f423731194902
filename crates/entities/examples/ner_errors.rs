//! Aggregate error categories of the recognizer on a CoNLL-style gold file (counts only, no
//! words): `cargo run --release -p claimgraph-entities --example ner_errors -- GOLD [gmb|conll]`.
//! With `NER_CLASSES=1`, mislabelled and missed gold names also show which classes of the learned
//! lists (`data/name_words.tsv`, `data/descriptive_words.txt`) and which shapes their words have.

use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use claimgraph_eval::ner::{read_conll, score_ner, with_titles, NerScheme, NerSpan};
use claimgraph_lexicon::Lexicon;
use std::collections::BTreeMap;

/// Word classes of a gold span's words (never the words): whether any is in the shipped
/// descriptive list, or a GUM name word of each class.
fn word_classes(span: &str) -> String {
    let descriptive: std::collections::HashSet<&str> =
        include_str!("../data/descriptive_words.txt")
            .lines()
            .collect();
    let mut classes: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
    for line in include_str!("../data/name_words.tsv").lines().skip(1) {
        let mut f = line.split('\t');
        if let Some(word) = f.next() {
            let mut c = [0u32; 4];
            for (slot, v) in c.iter_mut().zip(f) {
                *slot = v.parse().unwrap_or(0);
            }
            classes.insert(word, c);
        }
    }
    let mut flags = Vec::new();
    for word in span.split_whitespace() {
        if descriptive.contains(word.to_lowercase().as_str()) {
            flags.push("desc");
        }
        if let Some(c) = classes.get(word) {
            let best = c
                .iter()
                .enumerate()
                .max_by_key(|(_, v)| **v)
                .map_or(0, |(i, _)| i);
            flags.push(["gper", "gorg", "gplace", "gevent"][best]);
        }
        if word.contains('-') {
            flags.push("hyph");
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            flags.push("lower");
        } else if word.len() > 1 && word.chars().all(|c| !c.is_lowercase()) {
            flags.push("caps");
        }
        if word.ends_with('s') {
            flags.push("s");
        }
        if !word.is_ascii() {
            flags.push("nonascii");
        }
    }
    flags.sort_unstable();
    flags.dedup();
    flags.join(",")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: ner_errors GOLD [gmb|conll]");
        return;
    };
    let scheme = args
        .next()
        .and_then(|s| NerScheme::parse(&s))
        .unwrap_or(NerScheme::Gmb);
    let docs = match read_conll(std::path::Path::new(&path), scheme) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let recognizer = EntityRecognizer::shipped();
    let lexicon = Lexicon::shipped();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut scored = Vec::new();
    let mut add = |key: String| *counts.entry(key).or_default() += 1;
    for doc in &docs {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&doc.text, &mut analysis);
        let mut entities = recognizer.recognize(&doc.text, &analysis);
        if std::env::var("NER_KEEP_NOMINAL").is_err() {
            entities.retain(|e| !claimgraph_entities::is_nominal(&doc.text, e));
        }
        let entities = if scheme.titles_in_names() {
            with_titles(&doc.text, &entities, &lexicon)
        } else {
            entities
        };
        let mut entities = entities;
        if std::env::var("NER_HONORIFICS").is_ok() {
            // What the scorer would give if its title widening knew honorifics.
            for e in &mut entities {
                let before = doc.text.get(..e.span.start).unwrap_or("");
                for h in ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr "] {
                    if e.label == claimgraph_core::layers::EntityLabel::Person
                        && before.ends_with(h)
                    {
                        e.span.start -= h.len();
                        break;
                    }
                }
            }
        }
        let predicted = scheme.predictions(&doc.text, &entities);
        scored.push((doc, predicted.clone()));
        // Which claimgraph label and actor kind each prediction came from.
        let origin: Vec<String> = entities
            .iter()
            .filter(|e| scheme.label_of(e.label).is_some())
            .map(|e| {
                let kind = e
                    .actor
                    .as_deref()
                    .and_then(|a| a.split(':').next())
                    .unwrap_or("-");
                if std::env::var("NER_IDS").is_ok() {
                    format!("{}/{}", e.label.as_str(), e.actor.as_deref().unwrap_or("-"))
                } else {
                    format!("{}/{kind}", e.label.as_str())
                }
            })
            .collect();
        let chars: Vec<char> = doc.text.chars().collect();
        let words = |s: &NerSpan| {
            chars
                .get(s.start..s.end)
                .map_or(0, |c| c.iter().filter(|c| **c == ' ').count() + 1)
        };
        let initial = |s: &NerSpan| doc.sentences.iter().any(|(start, _)| *start == s.start);
        let text_of = |s: &NerSpan| -> String {
            chars
                .get(s.start..s.end)
                .map_or(String::new(), |c| c.iter().collect())
        };
        // A surface's shape, never the surface itself.
        let shape = |s: &NerSpan| {
            let t = text_of(s);
            if t.contains('.') {
                "dotted"
            } else if t
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                "acronym"
            } else {
                "word"
            }
        };
        for (at, p) in predicted.iter().enumerate() {
            if doc.entities.contains(p) {
                add(format!(
                    "TP {} from {}",
                    p.label,
                    origin.get(at).map_or("?", String::as_str)
                ));
            }
        }
        for g in &doc.entities {
            if predicted.contains(g) {
                continue;
            }
            let same = predicted
                .iter()
                .find(|p| p.label == g.label && p.start < g.end && g.start < p.end);
            let other = predicted
                .iter()
                .find(|p| p.label != g.label && p.start < g.end && g.start < p.end);
            let kind = match (same, other) {
                (Some(p), _) => {
                    // Words the gold adds before the prediction, by shape.
                    let gap = if g.start < p.start {
                        let before: String = chars
                            .get(g.start..p.start)
                            .map_or(String::new(), |c| c.iter().collect());
                        let n = before.split_whitespace().count();
                        let caps = before
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                        let dot = before.contains('.');
                        format!(" gap={n} caps={caps} dot={dot}")
                    } else {
                        String::new()
                    };
                    format!(
                        "span start{} end{}{gap}",
                        cmp(p.start, g.start),
                        cmp(p.end, g.end)
                    )
                }
                (None, Some(p)) => {
                    let at = predicted.iter().position(|q| q == p).unwrap_or(0);
                    let classes = if std::env::var("NER_CLASSES").is_ok() {
                        word_classes(&text_of(g))
                    } else {
                        String::new()
                    };
                    format!(
                        "labelled {} from {} shape={} inside={} gwords={} {classes}",
                        p.label,
                        shape(p),
                        origin.get(at).map_or("?", String::as_str),
                        p.start >= g.start && p.end <= g.end,
                        words(g).min(4)
                    )
                }
                (None, None) => {
                    let classes = if std::env::var("NER_CLASSES").is_ok() {
                        word_classes(&text_of(g))
                    } else {
                        String::new()
                    };
                    format!(
                        "missed words={} initial={} {classes}",
                        words(g).min(4),
                        initial(g)
                    )
                }
            };
            add(format!("FN {} {kind}", g.label));
        }
        for (at, p) in predicted.iter().enumerate() {
            if doc.entities.contains(p) {
                continue;
            }
            let overlaps = doc
                .entities
                .iter()
                .any(|g| p.start < g.end && g.start < p.end);
            if overlaps {
                continue;
            }
            add(format!(
                "FP {} spurious from {} words={} initial={}",
                p.label,
                origin.get(at).map_or("?", String::as_str),
                words(p).min(4),
                initial(p)
            ));
        }
    }
    for (key, n) in counts {
        println!("{n:6} {key}");
    }
    print!("{}", score_ner(scored).to_text());
}

fn cmp(p: usize, g: usize) -> &'static str {
    match p.cmp(&g) {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Equal => "=",
        std::cmp::Ordering::Greater => ">",
    }
}
