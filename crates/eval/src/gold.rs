//! Gold attributions: the derived PolNeAR JSON-lines files and the choice among annotators.
//!
//! Each line is one (article, annotator) annotation with the text inline and every attribution
//! resolved to `source[]`, `cue[]` and `content[]` code-point segments. Fields not scored here
//! (publisher, flags, notes...) are ignored. Every span is checked against the text, and its
//! `text` field when present, so a file written with another offset convention fails loudly
//! instead of scoring near zero.

use crate::predict::PredictedAttribution;
use crate::spans::{cover, CharSpan};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Why gold data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Malformed {
        path: PathBuf,
        /// 1-based line number in the file.
        line: usize,
        message: String,
    },
}

/// One annotator's annotation of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldDoc {
    /// Unique per (article, annotator).
    pub id: String,
    pub article: String,
    pub annotator: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// One gold attribution; every role may be split into discontiguous segments (code points).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GoldAttribution {
    pub sources: Vec<CharSpan>,
    pub cues: Vec<CharSpan>,
    pub contents: Vec<CharSpan>,
}

impl GoldDoc {
    /// The gold attributions restated as predictions, cue = cover of the cue segments.
    ///
    /// Scoring a document against these gives 1.0 on every metric: a check of the scorer and
    /// of the gold file, not of any system.
    pub fn as_predictions(&self) -> Vec<PredictedAttribution> {
        self.attributions
            .iter()
            .map(|a| PredictedAttribution {
                sources: a.sources.clone(),
                cue: cover(&a.cues),
                contents: a.contents.clone(),
            })
            .collect()
    }
}

/// Which annotations to score when an article was annotated more than once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnnotatorChoice {
    /// One annotation per article: the lexicographically first annotator id.
    #[default]
    First,
    /// Every annotation, each scored as its own document.
    All,
}

impl AnnotatorChoice {
    /// Keeps the chosen annotations, in file order.
    pub fn select(self, docs: Vec<GoldDoc>) -> Vec<GoldDoc> {
        match self {
            AnnotatorChoice::All => docs,
            AnnotatorChoice::First => {
                let mut first: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
                for (at, doc) in docs.iter().enumerate() {
                    let candidate = (doc.annotator.as_str(), at);
                    first
                        .entry(doc.article.as_str())
                        .and_modify(|best| *best = (*best).min(candidate))
                        .or_insert(candidate);
                }
                let keep: BTreeSet<usize> = first.values().map(|&(_, at)| at).collect();
                docs.into_iter()
                    .enumerate()
                    .filter(|(at, _)| keep.contains(at))
                    .map(|(_, doc)| doc)
                    .collect()
            }
        }
    }
}

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    article: String,
    annotator: String,
    text: String,
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    source: Vec<RawSpan>,
    #[serde(default)]
    cue: Vec<RawSpan>,
    #[serde(default)]
    content: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
}

/// Reads a derived PolNeAR JSON-lines file (`train.jsonl`, `dev.jsonl`...); blank lines are skipped.
pub fn read_polnear(path: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let data = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_polnear(&data).map_err(|(line, message)| EvalError::Malformed {
        path: path.to_owned(),
        line,
        message,
    })
}

/// Parses JSON lines; an error carries the 1-based line number.
fn parse_polnear(data: &str) -> Result<Vec<GoldDoc>, (usize, String)> {
    data.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(at, line)| parse_line(line).map_err(|message| (at + 1, message)))
        .collect()
}

fn parse_line(line: &str) -> Result<GoldDoc, String> {
    let raw: RawDoc = serde_json::from_str(line).map_err(|e| {
        // serde_json reports "at line 1 column N" of the one-line record; only the column helps.
        let text = e.to_string();
        let what = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(m, _)| m);
        format!("invalid record: {what} (column {})", e.column())
    })?;
    let chars: Vec<char> = raw.text.chars().collect();
    let attributions = raw
        .attributions
        .iter()
        .enumerate()
        .map(|(at, a)| {
            let name = a.id.clone().unwrap_or_else(|| format!("#{}", at + 1));
            Ok(GoldAttribution {
                sources: spans(&a.source, &chars, &name, "source")?,
                cues: spans(&a.cue, &chars, &name, "cue")?,
                contents: spans(&a.content, &chars, &name, "content")?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(GoldDoc {
        id: raw.id,
        article: raw.article,
        annotator: raw.annotator,
        text: raw.text,
        attributions,
    })
}

fn spans(
    raw: &[RawSpan],
    chars: &[char],
    attribution: &str,
    role: &str,
) -> Result<Vec<CharSpan>, String> {
    raw.iter()
        .map(|s| {
            let covered = chars.get(s.start..s.end).ok_or_else(|| {
                format!(
                    "attribution {attribution}: {role} span {}..{} is outside the text ({} code points)",
                    s.start,
                    s.end,
                    chars.len()
                )
            })?;
            if let Some(expected) = &s.text {
                if !covered.iter().copied().eq(expected.chars()) {
                    return Err(format!(
                        "attribution {attribution}: {role} span {}..{} does not cover its text {expected:?} \
                         (offsets must be code points)",
                        s.start, s.end
                    ));
                }
            }
            Ok(CharSpan::new(s.start, s.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(article: &str, annotator: &str) -> GoldDoc {
        GoldDoc {
            id: format!("{article}_{annotator}"),
            article: article.to_owned(),
            annotator: annotator.to_owned(),
            text: String::new(),
            attributions: Vec::new(),
        }
    }

    const LINE: &str = r#"{"id": "a_x1", "article": "a", "annotator": "x1", "split": "dev", "text": "“Ja,” Émile said.", "attributions": [{"id": "E1", "type": "Attribution", "source": [{"start": 6, "end": 11, "text": "Émile"}], "cue": [{"start": 12, "end": 16, "text": "said"}], "content": [{"start": 0, "end": 5, "text": "“Ja,”"}]}], "flags": []}"#;

    #[test]
    fn reads_code_point_spans() {
        let docs = parse_polnear(&format!("\n{LINE}\n\n")).unwrap();
        assert_eq!(docs.len(), 1);
        let gold = &docs[0].attributions[0];
        assert_eq!(gold.sources, vec![CharSpan::new(6, 11)]);
        assert_eq!(gold.cues, vec![CharSpan::new(12, 16)]);
        assert_eq!(gold.contents, vec![CharSpan::new(0, 5)]);
    }

    #[test]
    fn byte_offsets_are_rejected() {
        // "said" at byte offsets: the check against the span's text catches the convention mix-up.
        let line = LINE.replace(r#""start": 12, "end": 16"#, r#""start": 17, "end": 21"#);
        let (line_no, message) = parse_polnear(&format!("{LINE}\n{line}")).unwrap_err();
        assert_eq!(line_no, 2);
        assert!(message.contains("E1: cue span 17..21"), "{message}");
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("claimgraph-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.jsonl");
        std::fs::write(&path, format!("{LINE}\n{{\"id\": 3}}\n")).unwrap();
        let error = read_polnear(&path).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            error.starts_with(&format!("{}:2: invalid record", path.display())),
            "{error}"
        );
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let error = read_polnear(Path::new("/nonexistent/gold.jsonl")).unwrap_err();
        assert!(matches!(error, EvalError::Io { .. }));
        assert_eq!(error.to_string(), "cannot read /nonexistent/gold.jsonl");
    }

    #[test]
    fn first_annotator_per_article_in_file_order() {
        let docs = vec![
            doc("b", "z9"),
            doc("a", "k2"),
            doc("b", "c3"),
            doc("a", "k1"),
            doc("c", "q"),
        ];
        let ids: Vec<String> = AnnotatorChoice::First
            .select(docs.clone())
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["b_c3", "a_k1", "c_q"]);
        assert_eq!(AnnotatorChoice::All.select(docs).len(), 5);
    }

    #[test]
    fn gold_as_predictions_uses_cue_cover() {
        let mut gold = doc("a", "x");
        gold.attributions.push(GoldAttribution {
            sources: vec![CharSpan::new(0, 2)],
            cues: vec![CharSpan::new(3, 5), CharSpan::new(9, 12)],
            contents: vec![CharSpan::new(13, 20)],
        });
        let predicted = gold.as_predictions();
        assert_eq!(predicted[0].cue, Some(CharSpan::new(3, 12)));
        assert_eq!(predicted[0].contents, gold.attributions[0].contents);
    }
}
