//! Pairs quotation marks into quoted regions.
//!
//! News uses straight and curly double marks, guillemets, German „…“ and single marks for quotes in
//! headlines or nested quotes. A quote may run over several paragraphs: by convention each continued
//! paragraph opens with a mark and only the last one closes it. Regions are found over the whole text
//! so that such quotes come out as one region with one segment per paragraph.

use claimgraph_core::layers::{Paragraph, Token, TokenKind};
use claimgraph_core::Span;

/// Quoted text: one segment per paragraph it spans, each including its quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedRegion {
    pub segments: Vec<Span>,
}

impl QuotedRegion {
    pub fn span(&self) -> Span {
        match (self.segments.first(), self.segments.last()) {
            (Some(first), Some(last)) => first.cover(*last),
            _ => Span::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    facing: Facing,
    family: Family,
    paragraph: usize,
    /// German-style low opener („), which “ closes.
    low: bool,
}

fn classify(text: &str, span: Span) -> Option<(Facing, Family)> {
    let ch = span.text(text).chars().next()?;
    let before = text.get(..span.start).and_then(|s| s.chars().next_back());
    let after = text.get(span.end..).and_then(|s| s.chars().next());
    let opens_context =
        before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c) || is_mark(c));
    let closes_context = after.is_none_or(|c| {
        c.is_whitespace() || c.is_ascii_punctuation() || "—–…".contains(c) || is_mark(c)
    });
    let by_context = match (opens_context, closes_context) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        _ => Facing::Either,
    };
    Some(match ch {
        '“' | '«' | '„' => (Facing::Open, Family::Double),
        '”' | '»' => (
            if by_context == Facing::Open {
                Facing::Either
            } else {
                Facing::Close
            },
            Family::Double,
        ),
        '"' => (by_context, Family::Double),
        '‘' | '‹' | '‚' => (Facing::Open, Family::Single),
        '’' | '›' => (Facing::Close, Family::Single),
        '\'' if span.len() == 2 => (by_context, Family::Double),
        '\'' => (by_context, Family::Single),
        _ => return None,
    })
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›'
    )
}

/// Finds quoted regions among the quote-mark tokens.
pub fn quoted_regions(text: &str, paragraphs: &[Paragraph], tokens: &[Token]) -> Vec<QuotedRegion> {
    let mut marks: Vec<Mark> = Vec::new();
    let mut paragraph = 0;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Quote) {
        while paragraphs
            .get(paragraph)
            .is_some_and(|p| p.span.end <= token.span.start)
        {
            paragraph += 1;
        }
        if let Some(last) = marks.last_mut() {
            // `'old-school,'''`: a single mark closing a nested quote, then the double closer.
            if last.span.end == token.span.start
                && last.span.text(text) == "''"
                && token.span.text(text) == "'"
            {
                let single = Span::new(last.span.start, last.span.start + 1);
                let double = Span::new(last.span.start + 1, token.span.end);
                if let (Some((single_facing, _)), Some((facing, _))) =
                    (classify(text, single), classify(text, double))
                {
                    *last = Mark {
                        span: single,
                        facing: single_facing,
                        family: Family::Single,
                        paragraph,
                        low: false,
                    };
                    marks.push(Mark {
                        span: double,
                        facing,
                        family: Family::Double,
                        paragraph,
                        low: false,
                    });
                }
                continue;
            }
        }
        if let Some((facing, family)) = classify(text, token.span) {
            let low = matches!(token.span.text(text), "„" | "‚");
            marks.push(Mark {
                span: token.span,
                facing,
                family,
                paragraph,
                low,
            });
        }
    }
    let mut regions = pair_doubles(text, paragraphs, &marks);
    regions.extend(pair_singles(text, &marks, &regions));
    regions.sort_by_key(|r| r.span().start);
    regions
}

/// Per region, the furthest end of it and every region before it (see `Context::region_reach`).
pub(crate) fn region_reach(regions: &[QuotedRegion]) -> Vec<usize> {
    regions
        .iter()
        .scan(0, |reach, r| {
            *reach = r.span().end.max(*reach);
            Some(*reach)
        })
        .collect()
}

fn paragraph_end(paragraphs: &[Paragraph], index: usize, fallback: usize) -> usize {
    paragraphs.get(index).map_or(fallback, |p| p.span.end)
}

fn paragraph_start(paragraphs: &[Paragraph], index: usize) -> Option<usize> {
    paragraphs.get(index).map(|p| p.span.start)
}

fn pair_doubles(text: &str, paragraphs: &[Paragraph], marks: &[Mark]) -> Vec<QuotedRegion> {
    let mut regions = Vec::new();
    // The open region: its finished segments and the start of the current one.
    let mut open: Option<(Vec<Span>, Mark)> = None;
    for mark in marks.iter().filter(|m| m.family == Family::Double) {
        let facing = match &open {
            Some((_, start)) if start.low && mark.facing == Facing::Open => Facing::Close,
            _ => mark.facing,
        };
        open = match (open.take(), facing) {
            (None, Facing::Open | Facing::Either) => Some((Vec::new(), *mark)),
            (None, Facing::Close) => None,
            (Some((mut done, start)), facing) => {
                if mark.paragraph == start.paragraph {
                    if facing == Facing::Open {
                        // Two openers in one paragraph: the first was a stray mark, unless
                        // paragraphs were run together and the quote went on in a new one.
                        let next = if reopens_after_sentence(text, mark) {
                            start
                        } else {
                            *mark
                        };
                        Some((done, next))
                    } else {
                        done.push(start.span.cover(mark.span));
                        regions.push(QuotedRegion { segments: done });
                        None
                    }
                } else if continues(paragraphs, &start, mark) && facing != Facing::Close {
                    done.push(Span::new(
                        start.span.start,
                        paragraph_end(paragraphs, start.paragraph, start.span.end),
                    ));
                    Some((done, *mark))
                } else if facing == Facing::Close
                    && continues_without_mark(paragraphs, &start, mark)
                {
                    done.push(Span::new(
                        start.span.start,
                        paragraph_end(paragraphs, start.paragraph, start.span.end),
                    ));
                    let next_start =
                        paragraph_start(paragraphs, mark.paragraph).unwrap_or(mark.span.start);
                    done.push(Span::new(next_start, mark.span.end));
                    regions.push(QuotedRegion { segments: done });
                    None
                } else if facing == Facing::Close {
                    None
                } else {
                    Some((Vec::new(), *mark))
                }
            }
        };
    }
    regions
}

/// `… in this court case. "It is our right …`: archives that join paragraphs with a space keep
/// the continuation mark, so an opener right after a finished sentence continues the open quote
/// (in one segment: it is one paragraph here).
fn reopens_after_sentence(text: &str, mark: &Mark) -> bool {
    let before = text.get(..mark.span.start).unwrap_or("");
    let sentence = before.trim_end_matches([' ', '\t']);
    sentence.len() < before.len() && sentence.ends_with(['.', '?', '!'])
}

/// A quote left open at the end of its paragraph continues when the next paragraph opens with a mark.
fn continues(paragraphs: &[Paragraph], start: &Mark, next: &Mark) -> bool {
    next.paragraph == start.paragraph + 1
        && paragraph_start(paragraphs, next.paragraph) == Some(next.span.start)
}

/// Some outlets omit the continuation mark: an opener at a paragraph start closed in the next paragraph.
fn continues_without_mark(paragraphs: &[Paragraph], start: &Mark, close: &Mark) -> bool {
    close.paragraph == start.paragraph + 1
        && paragraph_start(paragraphs, start.paragraph) == Some(start.span.start)
}

/// Single marks count as quotes only outside double-quoted text and within one paragraph, since
/// the same characters serve as apostrophes.
fn pair_singles(text: &str, marks: &[Mark], doubles: &[QuotedRegion]) -> Vec<QuotedRegion> {
    let inside_double = |span: Span| {
        doubles
            .iter()
            .any(|r| r.segments.iter().any(|s| s.contains(span)))
    };
    let mut regions = Vec::new();
    let mut open: Option<Mark> = None;
    for mark in marks
        .iter()
        .filter(|m| m.family == Family::Single && !inside_double(m.span))
    {
        match (open, mark.facing) {
            (None, Facing::Open | Facing::Either) => open = Some(*mark),
            (Some(start), Facing::Close | Facing::Either) if start.paragraph == mark.paragraph => {
                let span = start.span.cover(mark.span);
                let words = span.text(text).split_whitespace().count();
                if words >= 2 {
                    regions.push(QuotedRegion {
                        segments: vec![span],
                    });
                }
                open = None;
            }
            (Some(start), Facing::Open) if start.paragraph != mark.paragraph => open = Some(*mark),
            (Some(_), _) => {}
            (None, Facing::Close) => {}
        }
    }
    regions
}
