//! Article-extraction scoring: the article-extraction-benchmark metric (4-gram word shingles).
//!
//! The benchmark (scrapinghub/article-extraction-benchmark, 181 pages) ships `ground-truth.json`
//! (`{ key: { "articleBody", "url" } }`) and `html/<key>.html.gz`. This module loads it and scores
//! extracted texts with the benchmark's own `evaluate.py`, reproduced here exactly:
//!
//! - **Tokens**: maximal runs of word characters (`\w+`): Unicode alphanumerics and `_`. Python's
//!   `re.IGNORECASE` flag in `evaluate.py` does not change what `findall` returns, so tokens keep
//!   their case ("The" ≠ "the"), as in every published number.
//! - **Shingles**: the 4-grams of consecutive tokens, kept as a multiset (with counts). A text with
//!   1–3 tokens has a single shingle made of all of them; a text without tokens has none.
//! - **Per page**: TP = Σ min(true count, predicted count), FP = Σ max(0, predicted − true),
//!   FN = Σ max(0, true − predicted) over the union of shingles; the three are divided by their
//!   sum so that long pages weigh no more than short ones. Page precision = TP / (TP + FP),
//!   page recall = TP / (TP + FN), both 1 when FP = FN = 0.
//! - **Over pages**: precision is the mean page precision over pages whose prediction has shingles;
//!   recall is the mean page recall over pages whose truth has shingles (so a page where both are
//!   empty counts in neither, and an empty prediction counts only against recall). F1 is the
//!   harmonic mean of these two means, 2PR / (P + R) (0 when both are 0).
//!
//! [`ExtractionReport::mean_page_f1`] is an extra figure, the plain mean of per-page F1 (a page
//! where both texts are empty scores 1), which the benchmark does not report.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::EvalError;

/// One benchmark page: its raw HTML and the true article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchPage {
    /// The page's key (sha256 of the page) in `ground-truth.json`.
    pub key: String,
    pub url: String,
    /// The page as crawled, gunzipped but not decoded.
    pub html: Vec<u8>,
    /// The true article body.
    pub truth: String,
}

#[derive(Deserialize)]
struct TruthEntry {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: String,
}

/// Reads the benchmark from `dir` (`ground-truth.json` + `html/<key>.html.gz`), sorted by key.
pub fn read_extraction_benchmark(dir: &Path) -> Result<Vec<BenchPage>, EvalError> {
    let truth_path = dir.join("ground-truth.json");
    let data = std::fs::read_to_string(&truth_path).map_err(|source| EvalError::Io {
        path: truth_path.clone(),
        source,
    })?;
    let entries: HashMap<String, TruthEntry> =
        serde_json::from_str(&data).map_err(|error| EvalError::Malformed {
            path: truth_path.clone(),
            line: error.line(),
            message: error.to_string(),
        })?;
    let mut pages = entries
        .into_iter()
        .map(|(key, entry)| {
            let html_path = dir.join("html").join(format!("{key}.html.gz"));
            let html = gunzip_file(&html_path).map_err(|source| EvalError::Io {
                path: html_path,
                source,
            })?;
            Ok(BenchPage {
                key,
                url: entry.url,
                html,
                truth: entry.article_body,
            })
        })
        .collect::<Result<Vec<_>, EvalError>>()?;
    pages.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(pages)
}

fn gunzip_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut html = Vec::new();
    flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file)).read_to_end(&mut html)?;
    Ok(html)
}

/// Shingle counts of one page, normalised by their sum (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShingleMatch {
    pub tp: f64,
    pub fp: f64,
    #[serde(rename = "fn")]
    pub fn_: f64,
}

impl ShingleMatch {
    /// Page precision, or None when the prediction has no shingles (the page does not count).
    pub fn precision(&self) -> Option<f64> {
        (self.tp + self.fp > 0.0).then(|| ratio(self.tp, self.fp, self.fn_))
    }

    /// Page recall, or None when the truth has no shingles (the page does not count).
    pub fn recall(&self) -> Option<f64> {
        (self.tp + self.fn_ > 0.0).then(|| ratio(self.tp, self.fn_, self.fp))
    }

    /// Page F1; 1 when both texts are empty, 0 when only one is.
    pub fn f1(&self) -> f64 {
        let p = self.precision().unwrap_or(0.0);
        let r = self.recall().unwrap_or(0.0);
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            harmonic(p, r)
        }
    }
}

/// `tp / (tp + wrong)`, 1 when nothing is wrong on either side (as `evaluate.py`).
fn ratio(tp: f64, wrong: f64, other_wrong: f64) -> f64 {
    if wrong == 0.0 && other_wrong == 0.0 {
        1.0
    } else if tp + wrong == 0.0 {
        0.0
    } else {
        tp / (tp + wrong)
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Word tokens: maximal runs of Unicode alphanumerics and `_`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|token| !token.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    const N: usize = 4;
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < N {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(N) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Matches the shingles of `truth` and `predicted` for one page.
pub fn shingle_match(truth: &str, predicted: &str) -> ShingleMatch {
    let truth = shingles(truth);
    let predicted = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &t) in &truth {
        let p = predicted.get(shingle).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += t.saturating_sub(p);
    }
    for (shingle, &p) in &predicted {
        let t = truth.get(shingle).copied().unwrap_or(0);
        fp += p.saturating_sub(t);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return ShingleMatch {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    ShingleMatch {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Score of one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageScore {
    pub key: String,
    pub url: String,
    pub shingles: ShingleMatch,
    pub f1: f64,
    /// Characters of the extracted text.
    pub predicted_chars: usize,
}

/// Benchmark scores over all pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractionReport {
    pub pages: usize,
    /// Mean page precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean page recall over pages with a non-empty truth.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`: the benchmark's F1.
    pub f1: f64,
    /// Mean of per-page F1 (not a benchmark figure).
    pub mean_page_f1: f64,
    /// Pages whose prediction has no words.
    pub empty_predictions: usize,
    /// Per page, in input order.
    pub page_scores: Vec<PageScore>,
}

/// Runs `extract` on every page and scores the texts it returns.
pub fn score_extraction<'a>(
    pages: impl IntoIterator<Item = &'a BenchPage>,
    mut extract: impl FnMut(&BenchPage) -> String,
) -> ExtractionReport {
    let page_scores: Vec<PageScore> = pages
        .into_iter()
        .map(|page| {
            let predicted = extract(page);
            let shingles = shingle_match(&page.truth, &predicted);
            PageScore {
                key: page.key.clone(),
                url: page.url.clone(),
                shingles,
                f1: shingles.f1(),
                predicted_chars: predicted.chars().count(),
            }
        })
        .collect();
    let precision = mean(page_scores.iter().filter_map(|s| s.shingles.precision()));
    let recall = mean(page_scores.iter().filter_map(|s| s.shingles.recall()));
    ExtractionReport {
        pages: page_scores.len(),
        precision,
        recall,
        f1: harmonic(precision, recall),
        mean_page_f1: mean(page_scores.iter().map(|s| s.f1)),
        empty_predictions: page_scores
            .iter()
            .filter(|s| s.shingles.precision().is_none())
            .count(),
        page_scores,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

impl ExtractionReport {
    /// A short human-readable summary with the worst pages.
    pub fn to_text(&self) -> String {
        const WORST: usize = 10;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "pages {}; empty predictions {}\nprecision {:.3}  recall {:.3}  F1 {:.3}  (mean page F1 {:.3})",
            self.pages,
            self.empty_predictions,
            self.precision,
            self.recall,
            self.f1,
            self.mean_page_f1
        );
        let mut worst: Vec<&PageScore> = self.page_scores.iter().collect();
        worst.sort_by(|a, b| a.f1.total_cmp(&b.f1).then_with(|| a.key.cmp(&b.key)));
        if !worst.is_empty() {
            let _ = writeln!(out, "worst pages:");
        }
        for score in worst.iter().take(WORST) {
            let _ = writeln!(
                out,
                "  F1 {:.3}  P {:.3}  R {:.3}  {} chars  {}",
                score.f1,
                score.shingles.precision().unwrap_or(0.0),
                score.shingles.recall().unwrap_or(0.0),
                score.predicted_chars,
                score.url
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(truth: &str) -> BenchPage {
        BenchPage {
            key: truth.chars().take(8).collect(),
            url: String::new(),
            html: Vec::new(),
            truth: truth.to_owned(),
        }
    }

    #[test]
    fn tokens_are_unicode_words_with_case_kept() {
        assert_eq!(
            tokens("Grüße, snake_case 42-x! Ünïcode"),
            vec!["Grüße", "snake_case", "42", "x", "Ünïcode"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let m = shingle_match("a b c d e", "a, b; c d e.");
        assert_eq!((m.tp, m.fp, m.fn_), (1.0, 0.0, 0.0));
        assert_eq!(m.f1(), 1.0);
    }

    #[test]
    fn counts_are_a_multiset() {
        let m = shingle_match("a b c d", "a b c d a b c d");
        // truth: [abcd]; prediction: abcd, bcda, cdab, dabc, abcd → tp 1, fp 4, fn 0.
        assert!((m.tp - 0.2).abs() < 1e-12);
        assert!((m.fp - 0.8).abs() < 1e-12);
        assert_eq!(m.fn_, 0.0);
        assert_eq!(m.precision(), Some(0.2));
        assert_eq!(m.recall(), Some(1.0));
    }

    #[test]
    fn short_texts_form_one_shingle() {
        assert_eq!(shingle_match("two words", "two words").f1(), 1.0);
        let m = shingle_match("two words", "two words more");
        assert_eq!(m.precision(), Some(0.0));
        assert_eq!(m.recall(), Some(0.0));
    }

    #[test]
    fn case_matters() {
        assert_eq!(
            shingle_match("The cat sat down", "the cat sat down").f1(),
            0.0
        );
    }

    #[test]
    fn empty_pages_follow_evaluate_py() {
        let both = shingle_match("", "...");
        assert_eq!(
            (both.precision(), both.recall(), both.f1()),
            (None, None, 1.0)
        );
        let missed = shingle_match("a b c d", "");
        assert_eq!(missed.precision(), None);
        assert_eq!(missed.recall(), Some(0.0));
        assert_eq!(missed.f1(), 0.0);
    }

    #[test]
    fn report_averages_pages_then_takes_harmonic_mean() {
        let pages = [page("a b c d e"), page("p q r s"), page("x y z w")];
        // Page 1 exact; page 2 nothing predicted; page 3 half right (one of two shingles).
        let report = score_extraction(&pages, |p| match p.truth.as_str() {
            "a b c d e" => "a b c d e".to_owned(),
            "p q r s" => String::new(),
            _ => "x y z w v".to_owned(),
        });
        assert_eq!(report.pages, 3);
        assert_eq!(report.empty_predictions, 1);
        // Precision over pages 1 and 3: (1 + 0.5) / 2; recall over all three: (1 + 0 + 1) / 3.
        assert!((report.precision - 0.75).abs() < 1e-12);
        assert!((report.recall - 2.0 / 3.0).abs() < 1e-12);
        let f1 = 2.0 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0);
        assert!((report.f1 - f1).abs() < 1e-12);
        assert!(
            report.to_text().contains("F1 0.706"),
            "{}",
            report.to_text()
        );
        assert!(serde_json::to_string(&report).is_ok());
    }

    #[test]
    fn missing_directory_is_an_io_error() {
        let error = read_extraction_benchmark(Path::new("/nonexistent/benchmark")).unwrap_err();
        assert!(matches!(error, EvalError::Io { .. }));
    }
}
