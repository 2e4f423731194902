//! The terminal report: who said what, with which stance, the numbers they used, and who is named.
//!
//! It renders the same contract value the JSON formats print, so the report can never show something
//! the JSON does not contain.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use claimgraph_core::contract::{DocumentJson, QuantityJson, QuoteJson, TextSpan};

/// Longest content shown per quote, in characters; the JSON has the full text.
const CONTENT_CHARS: usize = 320;
/// Lines are wrapped to this many characters.
const WIDTH: usize = 96;
/// Names listed per entity label before "+N more".
const NAMES_PER_LABEL: usize = 10;
/// Labels in the order a reader looks for them: actors first, numbers last.
const LABEL_ORDER: [&str; 15] = [
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "MILITARY_UNIT",
    "WEAPON",
    "EVENT",
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
];

/// ANSI styling, switched off when output is not a terminal or NO_COLOR is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    enabled: bool,
}

impl Palette {
    /// No escape codes at all.
    #[cfg(test)]
    pub fn plain() -> Palette {
        Palette { enabled: false }
    }

    /// Colour when `terminal` is true and the NO_COLOR convention (no-color.org) does not forbid it.
    pub fn detect(terminal: bool) -> Palette {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette {
            enabled: terminal && !no_color,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    fn stance(&self, stance: &str) -> String {
        let code = match stance {
            "assert" | "confirm" => "32",
            "accuse" => "1;31",
            "deny" => "1;35",
            "concern" | "warn" => "33",
            "urge" | "acknowledge" => "36",
            "question" => "34",
            _ => "0",
        };
        self.paint(code, stance)
    }
}

/// The report of one document.
pub fn report(doc: &DocumentJson, palette: Palette) -> String {
    let mut out = String::new();
    let heading = doc.document.title.as_deref().unwrap_or(&doc.id);
    let _ = writeln!(
        out,
        "{}",
        palette.bold(&format!("━━ {} ━━", one_line(heading)))
    );
    let mut facts = vec![format!("id {}", doc.id)];
    facts.extend(
        doc.document
            .site
            .clone()
            .or_else(|| doc.document.source.clone()),
    );
    facts.extend(doc.document.byline.clone());
    facts.extend(doc.document.published.clone());
    facts.extend(doc.document.url.clone());
    if let Some(duplicate) = &doc.duplicate {
        facts.push(format!("{} copy of {}", duplicate.relation, duplicate.of));
    }
    facts.push(format!(
        "{} chars, {} sentences, {} quotes, {} numbers, {} entities",
        doc.text_length,
        doc.sentences.len(),
        doc.quotes.len(),
        doc.quantities.len(),
        doc.entities.len()
    ));
    let _ = writeln!(out, "{}", palette.dim(&facts.join(" · ")));

    let _ = writeln!(out);
    let _ = writeln!(out, "{}", palette.bold("Quotes"));
    if doc.quotes.is_empty() {
        let _ = writeln!(out, "  {}", palette.dim("(none found)"));
    }
    for (at, quote) in doc.quotes.iter().enumerate() {
        write_quote(&mut out, at + 1, quote, &doc.quantities, palette);
    }

    let loose: Vec<String> = doc
        .quantities
        .iter()
        .filter(|q| q.quote.is_none())
        .map(quantity_phrase)
        .collect();
    if !loose.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", palette.bold("Numbers outside quotes"));
        wrap_into(&mut out, &loose.join("; "), "  ", "  ");
    }

    let _ = writeln!(out);
    let _ = writeln!(out, "{}", palette.bold("Entities"));
    write_entities(&mut out, doc, palette);
    out
}

fn write_quote(
    out: &mut String,
    number: usize,
    quote: &QuoteJson,
    quantities: &[QuantityJson],
    palette: Palette,
) {
    let who = match &quote.speaker {
        Some(speaker) => {
            let details: Vec<&str> = [speaker.role.as_deref(), speaker.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let name = palette.bold(&one_line(&speaker.name));
            if details.is_empty() {
                name
            } else {
                format!("{name} ({})", one_line(&details.join(", ")))
            }
        }
        None => palette.dim("(speaker not found)"),
    };
    let _ = writeln!(out);
    let _ = writeln!(out, "{number:>3}. {who}");

    let mut line = format!("{} · {}", palette.stance(quote.stance), quote.kind);
    if quote.negated {
        // "did not say whether …": what follows is what the speaker did not say.
        line.push_str(" · NEGATED");
    }
    if let Some(cue) = &quote.cue {
        let _ = write!(line, " · cue “{}”", one_line(&cue.text));
    }
    let _ = write!(line, " · confidence {:.2}", quote.confidence);
    let _ = writeln!(out, "     {line}");

    let content = content_text(quote);
    if !content.is_empty() {
        wrap_into(out, &content, "     │ ", "     │ ");
    }
    if !quote.sources.is_empty() {
        let written: Vec<String> = quote.sources.iter().map(|s| one_line(&s.text)).collect();
        let _ = writeln!(
            out,
            "     {} {}",
            palette.dim("source as written:"),
            written.join("; ")
        );
    }
    let numbers: Vec<String> = quote
        .quantities
        .iter()
        .filter_map(|id| quantities.iter().find(|q| &q.id == id))
        .map(quantity_phrase)
        .collect();
    if !numbers.is_empty() {
        let _ = writeln!(
            out,
            "     {} {}",
            palette.dim("numbers:"),
            numbers.join("; ")
        );
    }
}

/// The content segments joined, whitespace collapsed, cut at a word boundary near [`CONTENT_CHARS`].
fn content_text(quote: &QuoteJson) -> String {
    let joined = quote
        .contents
        .iter()
        .map(|c: &TextSpan| one_line(&c.text))
        .collect::<Vec<_>>()
        .join(" … ");
    let text = truncate(&joined, CONTENT_CHARS);
    let marked = text.starts_with(['"', '“', '”', '„', '«', '»', '‹', '›', '\'', '‘', '’']);
    if quote.kind == "direct" && !text.is_empty() && !marked {
        format!("“{text}”")
    } else {
        text
    }
}

fn truncate(text: &str, limit: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(limit) else {
        return text.to_owned();
    };
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(' ') {
        Some(space) if space > cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{} …", head.trim_end())
}

/// "at least 155 Chinese citizens (at_least 155)", "8 to 10 people (range 8–10)".
fn quantity_phrase(quantity: &QuantityJson) -> String {
    let mut phrase = one_line(&quantity.text);
    if let Some(counted) = &quantity.counted {
        phrase.push(' ');
        phrase.push_str(&one_line(counted));
    }
    let number = |value: f64| {
        if value.fract() == 0.0 && value.abs() < 1e15 {
            format!("{}", value as i64)
        } else {
            format!("{value}")
        }
    };
    let value = match quantity.upper {
        Some(upper) => format!("{}–{}", number(quantity.value), number(upper)),
        None => number(quantity.value),
    };
    format!("{phrase} ({} {value})", quantity.qualifier)
}

fn write_entities(out: &mut String, doc: &DocumentJson, palette: Palette) {
    let mut by_label: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    for entity in &doc.entities {
        let rank = LABEL_ORDER
            .iter()
            .position(|&l| l == entity.label)
            .unwrap_or(LABEL_ORDER.len());
        let name = if entity.canonical.is_empty() {
            one_line(&entity.text)
        } else {
            one_line(&entity.canonical)
        };
        *by_label.entry(rank).or_default().entry(name).or_default() += 1;
    }
    if by_label.is_empty() {
        let _ = writeln!(out, "  {}", palette.dim("(none found)"));
    }
    for (rank, names) in by_label {
        let label = LABEL_ORDER.get(rank).copied().unwrap_or("OTHER");
        let mut names: Vec<(String, usize)> = names.into_iter().collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut listed: Vec<String> = names
            .iter()
            .take(NAMES_PER_LABEL)
            .map(|(name, count)| {
                if *count > 1 {
                    format!("{name} ×{count}")
                } else {
                    name.clone()
                }
            })
            .collect();
        if names.len() > NAMES_PER_LABEL {
            listed.push(format!("+{} more", names.len() - NAMES_PER_LABEL));
        }
        let first = format!("  {} ", palette.dim(&format!("{label:<14}")));
        wrap_into(out, &listed.join(", "), &first, &" ".repeat(17));
    }
}

/// Collapses every run of whitespace (newlines included) to one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Word-wraps `text` to [`WIDTH`], starting with `first` and continuing with `rest`.
fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut line_chars = visible_len(first);
    let mut empty = true;
    for word in text.split_whitespace() {
        let word_chars = word.chars().count();
        if !empty && line_chars + 1 + word_chars > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(rest);
            line_chars = visible_len(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_chars += 1;
        }
        line.push_str(word);
        line_chars += word_chars;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Characters a terminal shows, not counting ANSI escape sequences.
fn visible_len(text: &str) -> usize {
    let mut count = 0;
    let mut in_escape = false;
    for ch in text.chars() {
        match (in_escape, ch) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => count += 1,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimgraph_core::contract::{EntityJson, SpeakerJson};
    use claimgraph_core::Metadata;

    fn span(text: &str) -> TextSpan {
        TextSpan {
            start: 0,
            end: text.chars().count(),
            text: text.to_owned(),
        }
    }

    fn sample() -> DocumentJson {
        DocumentJson {
            id: "harbour".into(),
            text_length: 120,
            text: None,
            document: Metadata {
                title: Some("Harbour dispute".into()),
                ..Metadata::default()
            },
            sentences: Vec::new(),
            quotes: vec![QuoteJson {
                id: "q1".into(),
                kind: "direct",
                cue: Some(span("said")),
                sources: vec![span("she")],
                speaker: Some(SpeakerJson {
                    name: "Mara Lind".into(),
                    role: Some("Minister".into()),
                    affiliation: Some("Ministry of Ports".into()),
                    actor: None,
                    country: None,
                }),
                contents: vec![span("We counted\nat least 12 ships")],
                stance: "assert",
                confidence: 0.9,
                negated: false,
                quantities: vec!["n1".into()],
            }],
            quantities: vec![QuantityJson {
                id: "n1".into(),
                start: 11,
                end: 22,
                text: "at least 12".into(),
                value: 12.0,
                upper: None,
                qualifier: "at_least",
                counted: Some("ships".into()),
                counted_span: None,
                quote: Some("q1".into()),
            }],
            entities: vec![
                EntityJson {
                    start: 0,
                    end: 4,
                    text: "Lind".into(),
                    label: "PERSON",
                    canonical: "Mara Lind".into(),
                    country: None,
                    actor: None,
                },
                EntityJson {
                    start: 5,
                    end: 14,
                    text: "Mara Lind".into(),
                    label: "PERSON",
                    canonical: "Mara Lind".into(),
                    country: None,
                    actor: None,
                },
            ],
            duplicate: None,
        }
    }

    #[test]
    fn report_shows_speaker_stance_content_and_numbers() {
        let report = report(&sample(), Palette::plain());
        let expected = "\
━━ Harbour dispute ━━
id harbour · 120 chars, 0 sentences, 1 quotes, 1 numbers, 2 entities

Quotes

  1. Mara Lind (Minister, Ministry of Ports)
     assert · direct · cue “said” · confidence 0.90
     │ “We counted at least 12 ships”
     source as written: she
     numbers: at least 12 ships (at_least 12)

Entities
  PERSON         Mara Lind ×2
";
        assert_eq!(report, expected);
    }

    #[test]
    fn plain_palette_has_no_escapes_and_colour_has_them() {
        assert!(!report(&sample(), Palette::plain()).contains('\x1b'));
        assert!(report(&sample(), Palette { enabled: true }).contains("\x1b[32massert"));
    }

    #[test]
    fn truncation_cuts_at_a_word() {
        let text = "alpha beta gamma delta";
        assert_eq!(truncate(text, 13), "alpha beta …");
        assert_eq!(truncate(text, 100), text);
        assert_eq!(truncate("ééééé", 2), "éé …");
    }

    #[test]
    fn direct_content_gets_marks_only_when_it_has_none() {
        let mut doc = sample();
        let Some(quote) = doc.quotes.first_mut() else {
            panic!("sample has a quote");
        };
        assert_eq!(content_text(quote), "“We counted at least 12 ships”");
        quote.contents = vec![span("«Nous partons»")];
        assert_eq!(content_text(quote), "«Nous partons»");
    }

    #[test]
    fn wrapping_respects_width() {
        let mut out = String::new();
        wrap_into(&mut out, &"word ".repeat(60), "  ", "  ");
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH));
        assert_eq!(out.lines().count(), 4);
    }
}
