//! Finds attributions around reporting cues, sentence by sentence.
//!
//! Each cue the lexicon recognises is tried against the arrangements news prose uses, most
//! specific first: `according to X, …`; content before the cue (`“…,” X said` / `…, said X`);
//! source before the cue (`X said (that) …`, `X said:` + quoted paragraph, `X, who said …`,
//! `X is calling for …`, `…, adding …`); nominal cues (`X made the claim that …`). Quoted regions no cue claims are then attributed as headline
//! quotes (`“…” – X`) or floating quoted paragraphs (speaker carried over from the previous quote).

use crate::marks::QuotedRegion;
use crate::spans::{merge_spans, overlaps_any, reported_spans};
use crate::speakers::GivenNames;
use crate::words::{self, contains, is_quote, is_word, starts_upper, Words};
use claimgraph_core::layers::{Entity, EntityLabel, QuoteKind, Sentence, Stance, Token, TokenKind};
use claimgraph_core::{Analysis, Span};
use claimgraph_lexicon::{CueClass, CueMatch, Lexicon, VerbForm};
use claimgraph_tagger::Tagged;

pub struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    pub words: &'a Words<'a>,
    pub regions: &'a [QuotedRegion],
    /// Per region, the furthest end of it and every region before it: regions may nest (an
    /// unpaired mark can open a long one around others), so their own ends are not ordered, but
    /// these are, and a binary search over them finds the first region that can overlap a span.
    pub region_reach: &'a [usize],
    pub lexicon: &'a Lexicon,
    /// Cues the learned tagger proposes where the lexicon knows none, and lexicon cues it doubts.
    pub tagged: &'a Tagged,
    pub given_names: &'a GivenNames,
}

/// How the source of an attribution was found, so speaker resolution knows what to trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceHint {
    /// The source mention is in `sources`.
    Mention,
    /// Same subject as the previous attribution in the sentence ("acknowledged … but dismissed …").
    SharedSubject,
    /// No source in the text: carried over from the previous attribution nearby.
    Floating,
}

/// An attribution before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// Source mention as token indexes (start, end).
    pub source: Option<(usize, usize)>,
    pub hint: SourceHint,
    pub contents: Vec<Span>,
    pub stance: Stance,
    pub confidence: f32,
    pub paragraph: usize,
    /// "did not say", "do not believe": the source did not report or hold the content.
    pub negated: bool,
}

const MAX_SOURCE_TOKENS: usize = 12;
const MAX_CUE_TOKENS: usize = 6;
/// The prior confidence of an attribution only the fallback found.
const FALLBACK_CONFIDENCE: f32 = 0.4;
const MAX_APPOSITIVE_TOKENS: usize = 40;

impl<'a> Context<'a> {
    fn tokens(&self) -> &[Token] {
        &self.analysis.tokens
    }

    fn token(&self, index: usize) -> Option<&Token> {
        self.analysis.tokens.get(index)
    }

    fn word(&self, index: usize) -> &str {
        self.words.get(index)
    }

    fn is_comma(&self, index: usize) -> bool {
        self.word(index) == ","
    }

    /// A word token starting with a capital.
    fn is_capitalised_word(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| is_word(t) && starts_upper(self.text, t))
    }

    /// A word in capitals, as datelines are set ("KYIV", "SAN FRANCISCO").
    fn is_shouted_word(&self, index: usize) -> bool {
        self.token(index).is_some_and(|t| {
            let word = t.span.text(self.text);
            t.kind == TokenKind::Word
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase)
        })
    }

    /// A transcript or dateline label in capitals before a colon ("TAPPER:", "BHOPAL:").
    fn is_shouted_label(&self, index: usize) -> bool {
        self.word(index).len() > 1
            && !self
                .token(index)
                .is_some_and(|t| t.span.text(self.text).chars().any(char::is_lowercase))
    }

    fn region_ending_at(&self, index: usize) -> Option<&'a QuotedRegion> {
        let token = self.token(index)?;
        self.regions_overlapping(token.span)
            .find(|r| r.span().end == token.span.end)
    }

    fn region_starting_at(&self, index: usize) -> Option<&'a QuotedRegion> {
        let token = self.token(index)?;
        self.regions_overlapping(token.span)
            .find(|r| r.span().start == token.span.start)
    }

    /// The quoted regions overlapping `span` (an empty span: those holding its position), in
    /// document order. Every region before the first one whose reach passes `span.start` ends
    /// before it, so the look-up stays logarithmic on documents with thousands of quotes.
    pub(crate) fn regions_overlapping(&self, span: Span) -> impl Iterator<Item = &'a QuotedRegion> {
        let regions: &'a [QuotedRegion] = self.regions;
        let from = self.region_reach.partition_point(|&end| end <= span.start);
        let until = span.end.max(span.start + 1);
        regions
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |r| r.span().start < until)
            .filter(move |r| r.span().end > span.start)
    }

    fn first_token_at_or_after(&self, offset: usize) -> usize {
        self.tokens().partition_point(|t| t.span.start < offset)
    }

    /// The tagger's cue starting at token `at`. Its stance is unknown (`other`); its form is
    /// guessed from the spelling of its last word so the verb rules treat it like a lexicon verb.
    fn tagged_cue_at(&self, at: usize) -> Option<CueMatch> {
        let proposed = &self.tagged.proposed;
        // The run holding `at`: the last one starting at or before it.
        let index = proposed
            .partition_point(|&(start, _)| start <= at)
            .checked_sub(1)?;
        let &(run_start, run_end) = proposed.get(index)?;
        // Auxiliaries, adverbs and prepositions at a run's edges ("were called", "already
        // raised", "frank about") are not the cue; a run of nothing else is none.
        let start = (run_start..run_end).find(|&i| !self.is_function_word(i))?;
        let end = (start..run_end)
            .rev()
            .find(|&i| !self.is_function_word(i))?
            + 1;
        if start != at {
            return None;
        }
        let last = self.word(end.saturating_sub(1));
        let form = if last.ends_with("ed") {
            VerbForm::Past
        } else if last.ends_with("ing") {
            VerbForm::Gerund
        } else if last.ends_with('s') && !last.ends_with("ss") {
            VerbForm::ThirdPerson
        } else {
            VerbForm::Base
        };
        Some(CueMatch {
            len: end - start,
            lemma: "",
            stance: Stance::Other,
            class: CueClass::Belief,
            form,
        })
    }

    /// Every attribution in document order.
    pub fn find(&self) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        for sentence in &self.analysis.sentences {
            let (start, end) = sentence.tokens;
            if let Some(headline) = self.colon_headline(sentence) {
                found.push(headline);
                continue;
            }
            let found_before = found.len();
            // Title-case headlines capitalise verbs, which a name chunk there may swallow.
            let title_case = self.mostly_capitalised(sentence);
            let mut at = start;
            while at < end {
                if self.inside_quote(at) {
                    at += 1;
                    continue;
                }
                let words = self.words.slice(at, (at + MAX_CUE_TOKENS).min(end));
                // The tagger doubts gerunds that open a sentence, which mostly frame ("Speaking
                // to reporters, …"); one with a "that" clause reports ("Denying that A, X said").
                let opening_report = at == start && self.word(at + 1) == "that";
                let doubted = self.tagged.doubted.binary_search(&at).is_ok() && !opening_report;
                // "Grand Slam winner": a capitalised word after another is part of a name.
                let in_name = self.inside_name(at)
                    || at > start
                        && self.token(at).is_some_and(|t| starts_upper(self.text, t))
                        && self.token(at - 1).is_some_and(|t| {
                            t.kind == TokenKind::Word && starts_upper(self.text, t)
                        });
                let candidates = if doubted || !title_case && in_name {
                    [None, None, None]
                } else {
                    [
                        self.lexicon.noun_cue_at(&words),
                        self.lexicon.cue_at(&words),
                        self.tagged_cue_at(at),
                    ]
                };
                let sentence_start = self.span_of(start, start + 1).start;
                let nested = |f: &Found| f.cue.is_some_and(|c| inside_contents(&found, c));
                // "… warned that X would not accept Y and urged Z": the shared subject is the reporter's,
                // not that of a report nested in its content.
                let previous_in_sentence = found
                    .iter()
                    .rev()
                    .take_while(|f| f.cue.is_some_and(|c| c.start >= sentence_start))
                    .find(|f| !nested(f));
                let cue_token = self.token(at).map_or(Span::default(), |t| t.span);
                if inside_contents(&found, cue_token) && at > 0 && self.follows_modal(at, start) {
                    // A modal verb inside reported content is hypothetical ("would not accept"), not a report.
                    at += 1;
                    continue;
                }
                let attribution = candidates
                    .iter()
                    .flatten()
                    .find_map(|cue| {
                        let cue_end = (at + cue.len).min(end);
                        self.attribute_cue(sentence, at, cue_end, cue, previous_in_sentence)
                            .map(|found| (found, cue_end))
                    })
                    .or_else(|| {
                        if inside_contents(&found, cue_token) {
                            return None;
                        }
                        let cue = candidates.iter().flatten().next()?;
                        let cue_end = (at + cue.len).min(end);
                        self.fallback(sentence, at, cue_end, cue)
                            .map(|found| (found, cue_end))
                    });
                match attribution {
                    Some((attribution, cue_end)) => {
                        if let Some(cut) = self.participle_cut(at) {
                            self.end_contents_before(&mut found, cut, cue_token);
                        } else if let Some(cut) = self.contrast_cut(&attribution, at) {
                            self.end_contents_before(&mut found, cut, cue_token);
                        } else if attribution.hint == SourceHint::SharedSubject {
                            self.end_before_conjunction(&mut found, at);
                        }
                        // A source after its cue ("according to a poll released Tuesday") holds no cues.
                        let source_end =
                            attribution
                                .source
                                .map_or(0, |(s, e)| if s >= cue_end { e } else { 0 });
                        found.push(attribution);
                        at = cue_end.max(source_end).max(at + 1);
                    }
                    None => at += 1,
                }
            }
            if found.len() == found_before {
                let colon = (start..end).find(|&i| self.word(i) == ":");
                found.extend(colon.and_then(|colon| self.colon_quote(sentence, colon)));
            }
        }
        self.attach_following_quotes(&mut found);
        self.add_unclaimed_regions(&mut found);
        found.sort_by_key(|f| f.contents.first().map_or(0, |c| c.start));
        found
    }

    /// `Trump: ‘I Am the Establishment’s Worst Nightmare’` — a short name, a colon, and the
    /// rest of a one-sentence paragraph.
    fn colon_headline(&self, sentence: &Sentence) -> Option<Found> {
        let (start, end) = sentence.tokens;
        let paragraph = self.analysis.paragraphs.get(sentence.paragraph)?;
        if paragraph.span.start != sentence.span.start {
            return None;
        }
        let colon = (start..end.min(start + 8)).find(|&i| self.word(i) == ":")?;
        // "Clinton to Planned Parenthood: …", "Mukasey at RNC: …": the speaker is the name before the preposition.
        let source_end = (start..colon)
            .find(|&i| matches!(self.word(i), "on" | "to" | "at" | "in"))
            .unwrap_or(colon);
        let names = source_end > start
            && (start..colon).all(|i| {
                self.token(i).is_some_and(|t| {
                    is_word(t)
                        && (starts_upper(self.text, t)
                            || matches!(self.word(i), "'s" | "on" | "to" | "at" | "in"))
                })
            });
        // Transcripts: "TAPPER: Do you think …", "Rahman: It is …" (a person the document
        // names) and the interviewer's "Q: …" speak for the whole paragraph.
        let shouted = colon == start + 1 && self.is_shouted_label(start);
        let label_span = self.span_of(start, colon);
        let person_label = colon <= start + 3
            && self
                .entities_in(label_span)
                .any(|e| e.label == EntityLabel::Person && e.span == label_span);
        // "BHOPAL: With less than two weeks to go …": a dateline opening one of the first
        // paragraphs, its label used nowhere else as a speaker's.
        let dateline = shouted && sentence.paragraph <= 2 && self.only_shouted_label();
        if dateline {
            return None;
        }
        let question = colon == start + 1 && matches!(self.word(start), "q" | "question");
        let answer = colon == start + 1 && matches!(self.word(start), "a" | "answer");
        let transcript = shouted || person_label || question || answer;
        if paragraph.span != sentence.span && !transcript {
            return None;
        }
        let rest_words = (colon + 1..end)
            .filter(|&i| self.token(i).is_some_and(is_word))
            .count();
        let enough = rest_words >= 3 || transcript && rest_words >= 1;
        let label = EDITORIAL_LABELS.contains(&self.words.slice(start, colon).join(" ").as_str());
        if !names || !enough || label || (start..colon).any(|i| self.is_finite_cue(i)) {
            return None;
        }
        let contents = match self.region_starting_at(colon + 1) {
            Some(region) => region.segments.clone(),
            None if transcript => {
                let from = self.token(colon + 1)?.span.start;
                vec![Span::new(from, paragraph.span.end)]
            }
            None => vec![self.content_after(sentence, colon + 1)?],
        };
        let mut found = self.colon_attribution(sentence, (start, source_end), colon, contents);
        if question {
            // The interviewer, whom the label does not name, asks.
            found.source = None;
            found.stance = Stance::Question;
        }
        if answer {
            // The one interviewed answers: the speaker quoted or named before.
            found.source = None;
            found.hint = SourceHint::Floating;
        }
        Some(found)
    }

    /// The "(" of a short parenthesis closing right before token `verb_at` ("… (OCHA) said").
    fn parenthesis_before(&self, start: usize, verb_at: usize) -> Option<usize> {
        let close = verb_at.checked_sub(1).filter(|&c| self.word(c) == ")")?;
        (close.saturating_sub(5).max(start)..close)
            .rev()
            .find(|&i| self.word(i) == "(")
            .filter(|&open| open > start)
    }

    /// "hit back within hours": a content from token `from` that is a time phrase alone says
    /// when, not what.
    fn only_when(&self, from: usize, content: Span) -> bool {
        let to = self.first_token_at_or_after(content.end);
        matches!(
            self.word(from),
            "within" | "after" | "before" | "during" | "later" | "earlier" | "overnight"
        ) && to <= from + 4
            && !(from..to).any(|i| self.is_auxiliary(i) || self.is_finite_cue(i))
    }

    /// Whether only one paragraph opens with a shouted label and a colon: a dateline, where a
    /// transcript ("HOST: …", "VOS: …") has several.
    fn only_shouted_label(&self) -> bool {
        self.analysis
            .paragraphs
            .iter()
            .filter(|p| {
                let first = self.first_token_at_or_after(p.span.start);
                self.word(first + 1) == ":" && self.is_shouted_label(first)
            })
            .count()
            <= 1
    }

    /// A `NAME: content` attribution whose cue is the colon itself.
    fn colon_attribution(
        &self,
        sentence: &Sentence,
        source: (usize, usize),
        colon: usize,
        contents: Vec<Span>,
    ) -> Found {
        let mut found = self.new_found(Some(source), SourceHint::Mention, contents, 0.6);
        found.cue = Some(self.span_of(colon, colon + 1));
        found.stance = Stance::Assert;
        found.kind = self.kind_of(&found.contents);
        found.paragraph = sentence.paragraph;
        found
    }

    /// `… doesn’t surprise pollster Daron Shaw: “Historically, …”`: a name, a colon and a quote.
    fn colon_quote(&self, sentence: &Sentence, colon: usize) -> Option<Found> {
        let (start, _) = sentence.tokens;
        let region = self.region_starting_at(colon + 1)?;
        let names_someone = colon > start && self.is_capitalised_word(colon - 1);
        if !names_someone {
            // "He continued with an appeal to voters: “…”": the sentence's subject, when it
            // is a pronoun or a name, speaks the quote its clause introduces.
            let subject = self
                .sentence_subject(sentence, colon)
                .filter(|&(s, e)| self.names_speaker(s, e))?;
            return Some(self.colon_attribution(sentence, subject, colon, region.segments.clone()));
        }
        let mut source_start = colon;
        while source_start > start
            && self.token(source_start - 1).is_some_and(|t| {
                let word = self.word(source_start - 1);
                is_word(t)
                    && (starts_upper(self.text, t)
                        || self.lexicon.is_speaker_noun(word)
                        || word == "'s")
            })
        {
            source_start -= 1;
        }
        Some(self.colon_attribution(
            sentence,
            (source_start, colon),
            colon,
            region.segments.clone(),
        ))
    }

    /// Whether token `at` is a capitalised word inside a name ("Finance Minister **Sue** Essex"),
    /// which is never a reporting verb whatever its spelling.
    fn inside_name(&self, at: usize) -> bool {
        let Some(token) = self.token(at) else {
            return false;
        };
        if !starts_upper(self.text, token) {
            return false;
        }
        let entities = &self.analysis.entities;
        let after = entities.partition_point(|e| e.span.start <= token.span.start);
        after
            .checked_sub(1)
            .and_then(|i| entities.get(i))
            .is_some_and(|e| {
                e.span.contains(token.span)
                    && matches!(
                        e.label,
                        EntityLabel::Person | EntityLabel::Org | EntityLabel::Gpe
                    )
            })
    }

    /// Whether tokens `start..end` are a personal pronoun or hold a person or organisation name.
    fn names_speaker(&self, start: usize, end: usize) -> bool {
        if end == start + 1 && matches!(self.word(start), "he" | "she" | "they" | "i" | "we") {
            return true;
        }
        let span = self.span_of(start, end);
        self.entities_in(span)
            .any(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Org))
    }

    /// `“A,” she said. “B.”`: a quote that follows its attributed quote in the same paragraph,
    /// with nothing in between, continues it.
    fn attach_following_quotes(&self, found: &mut [Found]) {
        // A region is taken when a content held it before attaching or it was attached on the
        // way (look-ups by binary search and by region index, not by scanning every
        // attribution, which made long documents quadratic).
        let claimed = reported_spans(found);
        let mut attached = vec![false; self.regions.len()];
        for item in found.iter_mut() {
            let Some(cue) = item.cue else {
                continue;
            };
            if item.kind == QuoteKind::Indirect {
                continue;
            }
            let sentences = &self.analysis.sentences;
            let sentence_end = sentences
                .get(sentences.partition_point(|s| s.span.end < cue.end))
                .filter(|s| s.span.contains(cue))
                .map_or(cue.end, |s| s.span.end);
            let mut tail = item
                .contents
                .iter()
                .map(|c| c.end)
                .max()
                .unwrap_or(0)
                .max(sentence_end);
            loop {
                let next = self.regions.partition_point(|r| r.span().start < tail);
                let Some(region) = self.regions.get(next) else {
                    break;
                };
                let gap = self.text.get(tail..region.span().start).unwrap_or("\n");
                let taken = overlaps_any(&claimed, region.span())
                    || attached.get(next).copied().unwrap_or(false);
                // No-break spaces often separate sentences in web copy.
                let same_paragraph = gap
                    .chars()
                    .all(|c| c.is_whitespace() && c != '\n' && c != '\r');
                if !(same_paragraph || self.is_quoted_paragraph(gap, region))
                    || taken
                    || !self.ends_sentence(region.span().end)
                {
                    break;
                }
                item.contents.extend(region.segments.iter().copied());
                if let Some(flag) = attached.get_mut(next) {
                    *flag = true;
                }
                tail = region.span().end;
            }
        }
    }

    /// `“A,” he continued.` + a paragraph that is one quote: the next paragraph goes on with
    /// the same quote (`gap` is the text between them).
    fn is_quoted_paragraph(&self, gap: &str, region: &QuotedRegion) -> bool {
        let span = region.span();
        gap.trim().is_empty()
            && gap.matches('\n').count() <= 2
            && self
                .analysis
                .paragraphs
                .iter()
                .any(|p| p.span.start == span.start && p.span.end <= span.end + 1)
    }

    fn ends_sentence(&self, offset: usize) -> bool {
        let sentences = &self.analysis.sentences;
        sentences
            .get(sentences.partition_point(|s| s.span.end < offset))
            .is_some_and(|s| s.span.end == offset)
    }

    /// Cuts a gerund's content at ", <finite verb>": the main clause takes over there.
    fn end_before_main_verb(&self, found: &mut Found, from: usize, end: usize) {
        let Some(cut) = (from..end)
            .find(|&i| self.is_comma(i) && self.is_finite_cue(i + 1) && !self.inside_quote(i))
        else {
            return;
        };
        let Some(limit) = self.token(cut).map(|t| t.span.start) else {
            return;
        };
        found.contents.retain(|c| c.start < limit);
        for content in &mut found.contents {
            content.end = content.end.min(limit);
        }
    }

    /// "As Karadsheh spoke about how the consulate was looted, video showed …": a report
    /// inside a clause that opens the sentence with a subordinator ends at the comma that
    /// closes that clause; the main clause after it is the writer's.
    fn end_at_fronted_clause(
        &self,
        contents: &mut [Span],
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
    ) {
        if let Some(limit) = self.fronted_clause_end(sentence, cue_start, cue_end) {
            for content in contents.iter_mut().filter(|c| c.start < limit) {
                content.end = content.end.min(limit);
            }
        }
    }

    /// The byte offset of the comma closing a subordinate clause that opens the sentence,
    /// when the cue at `cue_start` is inside that clause.
    fn fronted_clause_end(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
    ) -> Option<usize> {
        let (start, end) = sentence.tokens;
        if !contains(SUBORDINATORS, self.word(start))
            || (start..cue_start).any(|i| self.is_comma(i))
        {
            return None;
        }
        let mut depth = 0usize;
        let comma = (cue_end..end).find(|&i| {
            match self.word(i) {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && self.is_comma(i) && !self.inside_quote(i)
        })?;
        self.token(comma).map(|t| t.span.start)
    }

    /// Whether token `at` starts a verb phrase of the sentence's subject ("but did not give …",
    /// "and declined to elaborate", "but added that …").
    fn continues_the_subject(&self, at: usize) -> bool {
        matches!(
            self.word(at),
            "did"
                | "didn't"
                | "does"
                | "doesn't"
                | "declined"
                | "refused"
                | "gave"
                | "offered"
                | "provided"
                | "stopped"
        ) || self.is_finite_cue(at)
    }

    /// "but declined to say how many", "but would not give details": the speaker withholding
    /// more is the writer's observation, not part of what was said.
    fn withholds(&self, at: usize) -> bool {
        let verb_after = |i: usize| self.token(i).is_some_and(|t| t.kind == TokenKind::Word);
        matches!(self.word(at), "declined" | "refused")
            || matches!(self.word(at), "did" | "would" | "could")
                && self.word(at + 1) == "not"
                && verb_after(at + 2)
            || matches!(self.word(at), "didn't" | "wouldn't" | "couldn't") && verb_after(at + 1)
    }

    /// After a comma closing a report, the writer's own aside: "…, despite figures showing …"
    /// sets evidence against the claim; "…, as it reported quarterly profit" narrates what the
    /// speaker did meanwhile.
    fn opens_writers_aside(&self, at: usize) -> bool {
        let evidence = matches!(
            self.word(at + 1),
            "reports" | "figures" | "data" | "evidence" | "statistics" | "research" | "studies"
        ) || matches!(self.word(at + 1), "a" | "an")
            && matches!(self.word(at + 2), "report" | "study" | "survey" | "finding");
        let narration = matches!(self.word(at + 1), "it" | "he" | "she" | "they")
            && self
                .token(at + 2)
                .is_some_and(|t| is_word(t) && self.word(at + 2).ends_with("ed"));
        self.word(at) == "despite" && evidence
            || matches!(self.word(at), "as" | "while") && narration && !self.inside_quote(at)
    }

    /// A preposition that opens an adjunct, not "at least"/"at most" before a number.
    fn opens_adjunct(&self, at: usize) -> bool {
        contains(PREPOSITIONS, self.word(at))
            && !(self.word(at) == "at" && matches!(self.word(at + 1), "least" | "most"))
    }

    /// Whether tokens `start..end` hold a pronoun or a person or organisation name.
    fn names_speaker_within(&self, start: usize, end: usize) -> bool {
        (start..end).any(|i| contains(words::PRONOUNS, self.word(i)))
            || self.names_speaker(start, end)
    }

    /// "local media, citing security sources, said …": the comma at `comma` closes a participle
    /// phrase, so the subject came before it and nothing after the verb is its source.
    fn closes_participle_phrase(&self, comma: usize) -> bool {
        let floor = comma.saturating_sub(12);
        (floor..comma)
            .rev()
            .find(|&i| self.is_comma(i))
            .is_some_and(|open| {
                let word = self.word(open + 1);
                word.len() > 4 && word.ends_with("ing")
            })
    }

    fn is_function_word(&self, index: usize) -> bool {
        contains(words::BETWEEN_SOURCE_AND_CUE, self.word(index))
    }

    /// "did not say", "doesn't believe", "has never claimed", "did not immediately respond".
    fn is_negated(&self, cue_start: usize) -> bool {
        (1..=3)
            .filter_map(|back| cue_start.checked_sub(back))
            .take_while(|&i| {
                let word = self.word(i);
                is_negation(word)
                    || word.ends_with("ly")
                    || matches!(word, "yet" | "also" | "still" | "even")
            })
            .any(|i| is_negation(self.word(i)))
    }

    /// The token before `at`, looking past "not"/"n't".
    fn skip_negation_backward(&self, at: usize) -> usize {
        let mut before = at.saturating_sub(1);
        while before > 0 && matches!(self.word(before), "not" | "n't" | "never") {
            before -= 1;
        }
        before
    }

    /// A cue inside quoted words is the quoted speaker's, not the article's.
    fn inside_quote(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| {
            self.regions_overlapping(token.span).any(|r| {
                r.segments
                    .iter()
                    .any(|s| s.start < token.span.start && token.span.end < s.end)
            })
        })
    }

    /// Where a report ends that a participle at token `at` continues: "said A, adding B",
    /// "said “A,” adding B", "defended A by saying B". `None` when `at` is no such participle.
    fn participle_cut(&self, at: usize) -> Option<usize> {
        let before = at.checked_sub(1)?;
        if !self.word(at).ends_with("ing")
            || self.is_progressive(at)
            || before
                .checked_sub(1)
                .is_some_and(|b| self.word(b) == "that")
        {
            return None;
        }
        let token = self.token(before)?;
        if !self.follows_participle_opener(at) {
            None
        } else if is_quote(token) {
            Some(token.span.end)
        } else {
            Some(token.span.start)
        }
    }

    /// Whether the token before `at` can introduce a participle clause: a comma (also behind a
    /// closing quotation mark: `“…,” adding`), a dash, "by", "before", "and" ….
    fn follows_participle_opener(&self, at: usize) -> bool {
        let Some(before) = at.checked_sub(1) else {
            return false;
        };
        contains(PARTICIPLE_OPENERS, self.word(before))
            || before > 0 && self.is_comma(before - 1) && self.region_ending_at(before).is_some()
    }

    /// Whether a modal verb comes before the verb at `at`, past negations and passive or perfect
    /// auxiliaries ("would not accept", "will be blamed", "could have said").
    fn follows_modal(&self, at: usize, start: usize) -> bool {
        let mut before = self.skip_negation_backward(at);
        while before > start && matches!(self.word(before), "be" | "been" | "have") {
            before = self.skip_negation_backward(before);
        }
        contains(MODALS, self.word(before))
    }

    /// "X said A, but Y denied B": a report whose own subject opens a contrasting clause is the
    /// writer's, not part of the content before it, which ends at the conjunction.
    fn contrast_cut(&self, attribution: &Found, cue_start: usize) -> Option<usize> {
        let (source_start, _) = attribution.source.filter(|&(s, _)| s < cue_start)?;
        // "while about 6 in 10 men …": hedges before the source's number are no opener.
        let mut opener = source_start.checked_sub(1)?;
        while opener > 0
            && matches!(
                self.word(opener),
                "about" | "nearly" | "roughly" | "only" | "almost"
            )
        {
            opener -= 1;
        }
        // At the semicolon, or at the comma before the conjunction.
        let after_comma = opener.checked_sub(1).filter(|&comma| self.is_comma(comma));
        let cut_at = match self.word(opener) {
            ";" => opener,
            // "… preferred Clinton while 6 in 10 men supported Sanders": a subordinator opens
            // a clause of its own, comma or not.
            "while" | "whereas" | "although" | "though" => after_comma.unwrap_or(opener),
            word if contains(CONTRAST_CONJUNCTIONS, word) => after_comma?,
            _ => return None,
        };
        self.token(cut_at).map(|t| t.span.start)
    }

    /// Ends every content that holds the cue token `cue` at byte offset `cut`.
    fn end_contents_before(&self, found: &mut [Found], cut: usize, cue: Span) {
        for content in found.iter_mut().flat_map(|f| f.contents.iter_mut()) {
            if content.contains(cue) && content.start < cut {
                content.end = cut;
                *content = self.trim_separators(*content);
            }
        }
    }

    /// `span` without surrounding space and without the commas and dashes left at its end
    /// where a cut fell after them.
    fn trim_separators(&self, span: Span) -> Span {
        let mut span = span.trim(self.text);
        while let Some(last) = span
            .text(self.text)
            .chars()
            .next_back()
            .filter(|c| matches!(c, ',' | '–' | '—'))
        {
            span.end -= last.len_utf8();
        }
        span
    }

    /// "acknowledged that A but denied B": A ends before the conjunction that starts the second report.
    fn end_before_conjunction(&self, found: &mut [Found], cue_start: usize) {
        let verb_at = self.skip_between_backward(0, cue_start);
        let listed = verb_at.checked_sub(1).filter(|&c| self.is_comma(c));
        let Some(conjunction) = listed.or_else(|| {
            (0..cue_start)
                .rev()
                .find(|&i| matches!(self.word(i), "and" | "but"))
        }) else {
            return;
        };
        let Some(cut) = self.token(conjunction).map(|t| t.span.start) else {
            return;
        };
        if let Some(previous) = found.last_mut() {
            for content in previous.contents.iter_mut() {
                if content.start < cut && cut < content.end {
                    content.end = cut;
                    *content = content.trim(self.text);
                    while content.text(self.text).ends_with(',') {
                        content.end -= 1;
                    }
                }
            }
            // The cut may leave out the quote that made the report mixed.
            previous.kind = self.kind_of(&previous.contents);
        }
    }

    /// The entities inside `span`, found by binary search (entities are in document order), so
    /// per-mention look-ups stay linear on long documents.
    pub fn entities_in(&self, span: Span) -> impl Iterator<Item = &'a Entity> {
        let entities = &self.analysis.entities;
        let from = entities.partition_point(|e| e.span.start < span.start);
        entities
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |e| e.span.start < span.end)
            .filter(move |e| span.contains(e.span))
    }

    /// The span from token `start` to token `end` (exclusive).
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        match (
            self.token(start),
            end.checked_sub(1).and_then(|e| self.token(e)),
        ) {
            (Some(first), Some(last)) if end > start => first.span.cover(last.span),
            (Some(first), _) => Span::new(first.span.start, first.span.start),
            _ => Span::default(),
        }
    }

    fn attribute_cue(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
        previous: Option<&Found>,
    ) -> Option<Found> {
        // A tagger cue in the passive ("was supported by …") has its agent after "by", an
        // arrangement the rules below would read backwards.
        if let Some(passive) = self
            .passive_by(sentence, cue_start, cue_end, cue)
            .or_else(|| self.opening_gerund(sentence, cue_start, cue_end, cue))
        {
            return Some(self.finish(sentence, passive, cue_start, cue_end, cue));
        }
        if self.is_not_a_report(cue_start, cue_end, cue) || self.is_nominal_use(cue_start, cue) {
            return None;
        }
        let asked = self.asked_question(sentence, cue_start, cue_end, cue);
        let mut found = match cue.class {
            _ if asked.is_some() => asked,
            CueClass::According => self.according_to(sentence, cue_start, cue_end),
            CueClass::Noun => self.noun_cue(sentence, cue_start, cue_end),
            // Title-case headlines capitalise verbs too: only "Subject Verbs Object" is safe there.
            _ if self.is_title_case(sentence) => self
                .source_before(sentence, cue_start, cue_end, cue, None)
                .filter(|f| f.source.is_some_and(|(s, _)| s == sentence.tokens.0)),
            _ => self
                .as_clause(sentence, cue_start, cue_end)
                .or_else(|| self.content_before(sentence, cue_start, cue_end, cue))
                .or_else(|| self.source_before(sentence, cue_start, cue_end, cue, previous)),
        }?;
        // "The previously announced cuts …": a cue whose source would be a bare determiner is
        // a participle inside a noun phrase, not a report; nor does a number after a
        // preposition speak ("on 14 counts of fraud"; "45 said" is 45 people).
        let bare_number = |(s, e): (usize, usize)| {
            e == s + 1
                && self.token(s).is_some_and(|t| t.kind == TokenKind::Number)
                && s.checked_sub(1).is_some_and(|p| {
                    contains(PREPOSITIONS, self.word(p)) || self.word(p) == "until"
                })
        };
        if found
            .source
            .is_some_and(|s| self.is_bare_determiner(s) || bare_number(s))
        {
            return None;
        }
        // "In a statement posted on its website, …": a prepositional phrase naming nobody is an
        // adjunct, not a source; "For months, Obama …" keeps the name after the comma.
        if let Some((start, end)) = found.source {
            if self.opens_adjunct(start) {
                match (start..end).rev().find(|&i| self.is_comma(i)) {
                    Some(comma) if comma + 1 < end => found.source = Some((comma + 1, end)),
                    _ if !self.names_speaker_within(start, end) => return None,
                    _ => {}
                }
            }
        }
        // "However, Hawkeye, with assets of …, said": a discourse adverb opens the sentence,
        // not the source.
        if let Some((start, end)) = found.source {
            if contains(DISCOURSE_ADVERBS, self.word(start))
                && self.is_comma(start + 1)
                && start + 2 < end
            {
                found.source = Some((start + 2, end));
            }
        }
        // "Even Mr. Peck expects …", "Just recently the Armenians protested": a focusing
        // adverb before the subject, and a time phrase after it, are not the source.
        if let Some((mut start, mut end)) = found.source {
            while end - start > 1 && contains(FOCUS_ADVERBS, self.word(start)) {
                start += 1;
            }
            let time_tail = end - start > 2
                && contains(TIME_NOUNS, self.word(end - 1))
                && matches!(self.word(end - 2), "this" | "last" | "next");
            if time_tail {
                end -= 2;
            }
            found.source = Some((start, end));
        }
        let mut found = self.raise_subject(found, cue_start, cue_end, cue);
        // "Local media, citing security sources, said …": a participle phrase inside the subject
        // ends where the main verb takes over.
        if cue.form == VerbForm::Gerund {
            self.end_before_main_verb(&mut found, cue_end, sentence.tokens.1);
        }
        self.end_at_fronted_clause(&mut found.contents, sentence, cue_start, cue_end);
        // "Charity boss lied to trustees, court told": a headline's "X told" ending the
        // sentence is a passive whose subject heard the report.
        let ends_sentence = (cue_end..sentence.tokens.1)
            .all(|i| self.token(i).is_some_and(|t| t.kind == TokenKind::Punct));
        if cue.lemma == "tell" && cue.form == VerbForm::Past && ends_sentence {
            found.source = None;
        }
        self.agentless_passive(&mut found, cue_start, cue, sentence.tokens.1);
        Some(self.finish(sentence, found, cue_start, cue_end, cue))
    }

    /// Words a cue matched that the rules know are no report here: a noun reading, a falling
    /// price, a request for anonymity, a naming participle, a tagger cue in the passive.
    fn is_not_a_report(&self, cue_start: usize, cue_end: usize, cue: &CueMatch) -> bool {
        // "Texaco declined 3-1/8 to close at 28-1/2", "the pound, which added 6.3 cents": a
        // price that moved.
        if matches!(cue.lemma, "decline" | "add")
            && (self
                .token(cue_end)
                .is_some_and(|t| t.kind == TokenKind::Number)
                || contains(NUMBER_WORDS, self.word(cue_end)))
        {
            return true;
        }
        // "a barman who asked not to be named", "asked to be identified only by her first
        // name", "asked for anonymity": a request for anonymity, not a report.
        let after_not = cue_end + usize::from(self.word(cue_end) == "not");
        let to_be = self.word(after_not) == "to" && self.word(after_not + 1) == "be";
        let withheld_name =
            to_be && matches!(self.word(after_not + 2), "named" | "identified" | "quoted");
        let anonymity = withheld_name
            || to_be && after_not > cue_end
            || self.word(after_not) == "to"
                && self.word(after_not + 1) == "remain"
                && matches!(self.word(after_not + 2), "anonymous" | "unnamed")
            || self.word(cue_end) == "for" && self.word(cue_end + 1) == "anonymity";
        // "The bank declined to comment": nothing was said.
        let passive = cue_start > 0 && contains(BE_FORMS, self.word(cue_start - 1));
        // "whose son was admitted to hospital", "the jury was shown a series of emails": taken
        // in, and shown something, not reports.
        let admitted = cue.lemma == "admit"
            && passive
            && self.word(cue_end) == "to"
            && !matches!(self.word(cue_end + 1), "having" | "being");
        let shown = cue.lemma == "show" && passive && !matches!(self.word(cue_end), "to" | "that");
        if admitted || shown {
            return true;
        }
        // "The deal is expected to close in March": a schedule, with no one expecting.
        let scheduled = cue.lemma == "expect" && passive && self.word(cue_end) == "to";
        if scheduled {
            return true;
        }
        // "before the race was called,": declared, with nothing said.
        let declared = cue.lemma == "call"
            && passive
            && (self.is_comma(cue_end) || matches!(self.word(cue_end), "." | "for" | "off"));
        if declared {
            return true;
        }
        // "a trend of declining deficits": falling, not refusing.
        if cue.lemma == "decline" && cue.form == VerbForm::Gerund && self.word(cue_end) != "to" {
            return true;
        }
        // "Chad recalled its ambassador": withdrawn, not remembered.
        let withdrew = cue.lemma == "recall"
            && matches!(
                self.word(cue_end + usize::from(contains(words::DETERMINERS, self.word(cue_end)))),
                "ambassador"
                    | "ambassadors"
                    | "envoy"
                    | "envoys"
                    | "diplomats"
                    | "products"
                    | "vehicles"
                    | "cars"
                    | "batches"
                    | "units"
            );
        if withdrew {
            return true;
        }
        let no_comment = matches!(cue.lemma, "decline" | "refuse")
            && self.word(cue_end) == "to"
            && matches!(
                self.word(cue_end + 1),
                "comment" | "elaborate" | "discuss" | "say"
            );
        // "declined to say how many jobs would go": the refusal's infinitive is no report either.
        let refused_report = cue_start >= 2
            && self.word(cue_start - 1) == "to"
            && matches!(
                self.word(cue_start - 2),
                "declined"
                    | "declines"
                    | "decline"
                    | "declining"
                    | "refused"
                    | "refuses"
                    | "refuse"
                    | "refusing"
            );
        if no_comment || refused_report {
            return true;
        }
        // "who declined to be named", "did not want to be identified": the same request.
        if matches!(cue.lemma, "ask" | "request") && anonymity
            || matches!(cue.lemma, "decline" | "refuse" | "want" | "wish") && withheld_name
        {
            return true;
        }
        // "said that, assuming rates hold, profit would fall": a participle set off inside a
        // "that" clause is a condition of the report, not one of its own.
        let interposed =
            cue_start >= 2 && self.is_comma(cue_start - 1) && self.word(cue_start - 2) == "that";
        if interposed {
            return true;
        }
        // "said without elaborating": a report that was not made.
        let withheld =
            cue.form == VerbForm::Gerund && cue_start > 0 && self.word(cue_start - 1) == "without";
        if withheld {
            return true;
        }
        let tagged_passive = cue.lemma.is_empty() && self.word(cue_end) == "by";
        tagged_passive
            || self.lacks_reported_clause(cue_end, cue)
            || self.is_naming_participle(cue_start, cue_end, cue)
    }

    /// A cue the rules above could not read: the clause after it as content, the noun phrase
    /// before it as source, at a low confidence the model knows to weigh.
    fn fallback(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Option<Found> {
        // "NOTE: Results include …": an editorial label introduces the writer's own words.
        let label =
            EDITORIAL_LABELS.contains(&self.words.slice(cue_start, cue_end).join(" ").as_str());
        // A preposition the tagger proposed ("remaining silent about …") is too weak a cue
        // without a rule's support.
        let preposition = cue_end == cue_start + 1 && contains(PREPOSITIONS, self.word(cue_start));
        // "told Reuters in an interview": what follows "tell" is first its addressee, which
        // the rules read; without them there is no content to take.
        // "Writing for the majority, …": a gerund opening the sentence frames it, and the rule
        // for opening gerunds has already passed on it.
        let opening_gerund = cue.form == VerbForm::Gerund && cue_start == sentence.tokens.0;
        // "despite reports by rights groups": "by" names the holder of a noun, not a content.
        if matches!(cue.class, CueClass::According)
            || opening_gerund
            || self.word(cue_end) == "by"
            || cue.lemma == "tell"
            || label
            || preposition
            || cue.lemma.is_empty()
            || self.is_not_a_report(cue_start, cue_end, cue)
        {
            return None;
        }
        // "the claims that …", "her criticism of …": a noun cue reports only what its
        // complement holds, not the clause it is the subject of ("the claims were false").
        // A verb the noun test doubted ("he's predicting", "64 percent call him") goes on.
        // "his remarks to the panel": "to" before a noun phrase names the audience.
        let complement = matches!(
            self.word(cue_end),
            "that" | ":" | "of" | "to" | "for" | "about" | "on" | "against" | "not" | "over"
        ) && !(self.word(cue_end) == "to"
            && contains(words::DETERMINERS, self.word(cue_end + 1)));
        if cue.class == CueClass::Noun && !complement {
            return None;
        }
        let (start, _) = sentence.tokens;
        let verb_at = self.skip_between_backward(start, cue_start);
        // A phrase before the cue that cannot name anyone ("In a statement posted …", "The
        // previously announced cuts", "14 counts of", "calling the accusations") makes the
        // cue part of a noun phrase, not a report. A noun cue needs its holder.
        let source = if cue.class == CueClass::Noun {
            Some(self.noun_holder(start, cue_start)?)
        } else {
            self.noun_phrase_backward(start, verb_at)
                .map(|s| (s, verb_at))
        };
        let names_no_one = |(s, e): (usize, usize)| {
            let first = self.word(s);
            let last = self.word(e - 1);
            self.is_bare_determiner((s, e))
                || (first.ends_with("ing") || first.ends_with("ed"))
                    && self.token(s).is_some_and(|t| !starts_upper(self.text, t))
                || last.len() > 4 && last.ends_with("ing")
                || self.opens_adjunct(s)
                || contains(words::DETERMINERS, self.word(e - 1))
                || contains(PREPOSITIONS, self.word(e - 1))
                || !self.token(e - 1).is_some_and(|t| t.kind == TokenKind::Word)
        };
        if cue.class != CueClass::Noun && source.is_some_and(names_no_one) {
            return None;
        }
        // "Talks aimed at averting strikes have ended": a participle and a preposition
        // describe a noun.
        let participle = cue.form == VerbForm::Past && contains(PREPOSITIONS, self.word(cue_end));
        // An object is what a cue with a stance is about ("criticised the plan", "denied the
        // report"); after a neutral verb it is mostly no report ("filed for bankruptcy").
        let stance_on_object = cue.stance != Stance::Other
            && !matches!(cue.class, CueClass::Belief | CueClass::Finding);
        if participle
            || !stance_on_object && !self.opens_reported_clause(cue_end, sentence.tokens.1)
        {
            return None;
        }
        let from = cue_end + usize::from(matches!(self.word(cue_end), "that" | ":"));
        let mut content = self.content_after(sentence, from)?;
        if self.only_when(from, content) {
            return None;
        }
        if let Some(stop) = self.fallback_content_end(from, sentence.tokens.1, cue) {
            content.end = content.end.min(stop);
            content = self.trim_separators(content);
            if content.is_empty() {
                return None;
            }
        }
        let mut contents = vec![content];
        // "The former director was charged on …": in the passive the subject is what the
        // report is about, not who made it.
        let mut be = cue_start;
        while be > start && contains(PASSIVE_ADVERBS, self.word(be - 1)) {
            be -= 1;
        }
        let passive =
            cue.form == VerbForm::Past && be > start && contains(BE_FORMS, self.word(be - 1));
        let source = match source {
            Some((s, e)) if passive => {
                contents.insert(0, self.span_of(s, e));
                None
            }
            source => source,
        };
        self.end_at_fronted_clause(&mut contents, sentence, cue_start, cue_end);
        let found = self.new_found(source, SourceHint::Mention, contents, FALLBACK_CONFIDENCE);
        Some(self.finish(sentence, found, cue_start, cue_end, cue))
    }

    /// Where the content of a fallback attribution stops, as a byte offset: before the next
    /// cue of the sentence (from the comma before its source: "…, dealers said"), so a weak
    /// attribution never swallows a stronger one; and for a noun cue before the verb of which
    /// the noun is the subject ("Reports of his plans | have prompted a complaint").
    fn fallback_content_end(&self, from: usize, end: usize, cue: &CueMatch) -> Option<usize> {
        // After "his claim that …" a clause with its own verbs follows; after "his decision
        // not to stand" or "reports of his plans" the next verb is the noun's own.
        let noun_subject = cue.class == CueClass::Noun
            && !from
                .checked_sub(1)
                .is_some_and(|b| matches!(self.word(b), "that" | ":"));
        let stop = (from..end).find(|&i| {
            let word = self.word(i);
            let verb = self.is_auxiliary(i)
                || contains(words::IRREGULAR_PAST, word)
                || word.len() > 4
                    && word.ends_with("ed")
                    && self.token(i).is_some_and(|t| !starts_upper(self.text, t));
            !self.inside_quote(i) && (self.starts_verb_cue(i, end) || noun_subject && verb)
        })?;
        // "… have been criticised": the auxiliaries go with the verb.
        let stop = self.skip_between_backward(from, stop);
        let comma = (stop.saturating_sub(6).max(from)..stop)
            .rev()
            .find(|&i| self.is_comma(i));
        self.token(comma.unwrap_or(stop)).map(|t| t.span.start)
    }

    /// Whether a lexicon cue read as a verb ("said", "declined to say") starts at token `at`,
    /// looking no further than token `end`.
    fn starts_verb_cue(&self, at: usize, end: usize) -> bool {
        self.lexicon
            .cue_at(&self.words.slice(at, (at + MAX_CUE_TOKENS).min(end)))
            .is_some_and(|c| c.class != CueClass::Noun)
    }

    /// Whether what follows a cue at token `at` reads as something reported, not the object
    /// of an action ("filed for bankruptcy", "introduced a requirement"): a "that" or wh-
    /// clause, an infinitive, a quotation, a colon, or a subject whose verb follows within
    /// the clause ("said the changes were necessary").
    fn opens_reported_clause(&self, at: usize, end: usize) -> bool {
        let word = self.word(at);
        if matches!(
            word,
            "that"
                | ":"
                | "to"
                | "whether"
                | "if"
                | "how"
                | "why"
                | "what"
                | "when"
                | "where"
                | "who"
        ) || self.region_starting_at(at).is_some()
            || word == "not" && self.word(at + 1) == "to"
        {
            return true;
        }
        (at + 1..end.min(at + 12))
            .take_while(|&i| !self.is_comma(i) && !matches!(self.word(i), ";" | "and" | "but"))
            .any(|i| self.is_auxiliary(i) || contains(words::IRREGULAR_PAST, self.word(i)))
    }

    /// Whose a noun cue is: "his decision", "Trump's controversial proposal" (the possessive,
    /// "'s" included, past a few modifiers); `None` for "a fresh desire", "faces charges".
    fn noun_holder(&self, start: usize, cue_start: usize) -> Option<(usize, usize)> {
        let mut at = cue_start;
        for _ in 0..3 {
            let before = at.checked_sub(1).filter(|&b| b >= start)?;
            let word = self.word(before);
            if contains(words::POSSESSIVE_DETERMINERS, word) {
                return Some((before, at));
            }
            if word == "'s" {
                return self.noun_phrase_backward(start, before).map(|s| (s, at));
            }
            if contains(words::DETERMINERS, word)
                || !self
                    .token(before)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                return None;
            }
            at = before;
        }
        None
    }

    /// "The senator seems to favour X", "The president is expected to run": the subject of a
    /// raising verb (or of a passive belief) is part of what is believed, not who believes it,
    /// so it joins the content and the attribution has no source.
    fn raise_subject(
        &self,
        mut found: Found,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Found {
        let Some((start, end)) = found.source else {
            return found;
        };
        let raising = matches!(cue.lemma, "seem" | "appear");
        let passive = matches!(
            cue.lemma,
            "expect" | "know" | "deem" | "consider" | "believe" | "think" | "say" | "report"
        ) && cue.form == VerbForm::Past
            && cue_start
                .checked_sub(1)
                .is_some_and(|b| contains(BE_FORMS, self.word(self.skip_adverbs_backward(b))));
        let subject_first = end <= cue_start && found.hint == SourceHint::Mention;
        if !(raising || passive) || self.word(cue_end) != "to" || !subject_first {
            return found;
        }
        found.contents.insert(0, self.span_of(start, end));
        found.source = None;
        found
    }

    /// The first token at or before `at` that is not an adverb ("is widely expected").
    fn skip_adverbs_backward(&self, at: usize) -> usize {
        let mut at = at;
        while at > 0
            && (self.word(at).ends_with("ly")
                || matches!(self.word(at), "also" | "still" | "not" | "n't" | "now"))
        {
            at -= 1;
        }
        at
    }

    fn is_bare_determiner(&self, (start, end): (usize, usize)) -> bool {
        // Possessives are sources on their own ("her criticism of …").
        // "Yet another said": "another" alone stands for a person.
        let alone = end == start + 1 && self.word(start) == "another";
        let article = contains(words::DETERMINERS, self.word(start))
            && !contains(words::POSSESSIVE_DETERMINERS, self.word(start))
            && !alone;
        article && (start + 1..end).all(|i| self.word(i).ends_with("ly"))
    }

    /// Sets what every attribution takes from its cue: span, stance, kind, paragraph, confidence.
    fn finish(
        &self,
        sentence: &Sentence,
        mut found: Found,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Found {
        found.cue = Some(self.span_of(cue_start, cue_end));
        found.negated = self.is_negated(cue_start);
        found.kind = self.kind_of(&found.contents);
        found.stance = self.stance(cue, &found);
        found.paragraph = sentence.paragraph;
        found.confidence *= match cue.class {
            CueClass::Speech | CueClass::According => 1.0,
            CueClass::Noun => 0.8,
            CueClass::Belief | CueClass::Finding => 0.7,
        };
        found
    }

    /// `Promising that A, Bolton said …`, `Despite challenging A, Cruz said …`: a gerund clause
    /// opening the sentence reports for the subject of the main clause after its comma.
    fn opening_gerund(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Option<Found> {
        let (mut start, end) = sentence.tokens;
        if matches!(self.word(start), "and" | "but" | "so" | "yet") {
            start += 1;
        }
        let opens = cue_start == start
            || cue_start == start + 1 && contains(GERUND_OPENERS, self.word(start))
            || cue_start == start + 3
                && self.words.slice(start, cue_start).join(" ") == "in addition to";
        if cue.form != VerbForm::Gerund || !opens || matches!(cue.lemma, "speak" | "talk" | "") {
            return None;
        }
        let comma = (cue_end..end).find(|&i| self.is_comma(i) && !self.inside_quote(i))?;
        // "Writing for the majority, Marsh said …": a phrase of circumstance is no content.
        if contains(LEADING_PREPOSITIONS, self.word(cue_end)) || self.word(cue_end) == "for" {
            return None;
        }
        let subject = self.clause_subject(comma + 1, end)?;
        let content = self.span_of(cue_end, comma);
        (comma > cue_end + 1)
            .then(|| self.new_found(Some(subject), SourceHint::Mention, vec![content], 0.7))
    }

    /// "Morrison was accused of lying", "He was told he could not leave": with no "by" agent, the
    /// subject of a passive is the one spoken to or about, never the speaker, who goes unnamed.
    /// The subject of a verb of judgement is part of what was said ("Morrison … of lying").
    fn agentless_passive(
        &self,
        found: &mut Found,
        cue_start: usize,
        cue: &CueMatch,
        sentence_end: usize,
    ) {
        let Some((source_start, source_end)) = found.source else {
            return;
        };
        let mut be = cue_start;
        while be > source_end && contains(PASSIVE_ADVERBS, self.word(be - 1)) {
            be -= 1;
        }
        let passive = cue.form == VerbForm::Past
            && source_end < cue_start
            && be > 0
            && contains(BE_FORMS, self.word(be - 1));
        // "A former fund manager accused of defrauding investors told a jury": a participle
        // describing the noun right before it, who is the accused, not the accuser; what the
        // accusation holds ends where the sentence's own verb takes over.
        let cue_end = cue_start + cue.len;
        let reduced_relative = cue.form == VerbForm::Past
            && source_end == cue_start
            && self.word(cue_end) == "of"
            && self.is_nominal_word(cue_start - 1);
        if reduced_relative && contains(JUDGED_IN_PASSIVE, cue.lemma) {
            if let Some(stop) = self.fallback_content_end(cue_end, sentence_end, cue) {
                for content in &mut found.contents {
                    content.end = content.end.min(stop);
                    *content = self.trim_separators(*content);
                }
                found.contents.retain(|c| !c.is_empty());
            }
        } else if !passive {
            return;
        }
        if contains(JUDGED_IN_PASSIVE, cue.lemma) {
            found.source = None;
            found
                .contents
                .insert(0, self.span_of(source_start, source_end));
        } else if contains(ADDRESSED_IN_PASSIVE, cue.lemma) {
            found.source = None;
        }
    }

    /// `The meeting was first reported by Politico.`: in the passive the reported thing is the
    /// subject and the source follows "by".
    fn passive_by(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Option<Found> {
        let (start, end) = sentence.tokens;
        if cue.form != VerbForm::Past || self.word(cue_end) != "by" {
            return None;
        }
        // The tagger's cues may hold the auxiliaries themselves ("has been rebuked").
        let inside =
            (cue_start..cue_end.saturating_sub(1)).any(|i| contains(BE_FORMS, self.word(i)));
        let mut be = cue_start;
        if !inside {
            while be > start && contains(PASSIVE_ADVERBS, self.word(be - 1)) {
                be -= 1;
            }
            be = be.checked_sub(1)?;
            if !contains(BE_FORMS, self.word(be)) {
                return None;
            }
        }
        if be <= start {
            return None;
        }
        let mut subject_end = be;
        while subject_end > start
            && contains(words::BETWEEN_SOURCE_AND_CUE, self.word(subject_end - 1))
        {
            subject_end -= 1;
        }
        let subject_start = self.noun_phrase_backward(start, subject_end)?;
        let mut source_end = self.noun_phrase_forward(cue_end + 1, end);
        // "by commuters and union officials"
        while self.word(source_end) == "and" && self.is_nominal_word(source_end + 1) {
            let more = self.noun_phrase_forward(source_end + 1, end);
            if more <= source_end + 1 {
                break;
            }
            source_end = more;
        }
        // "cited by parents more often than cost": a comparison is no part of the agent.
        if let Some(cut) = (cue_end + 2..source_end).find(|&i| {
            matches!(
                self.word(i),
                "more" | "less" | "most" | "least" | "than" | "often" | "also" | "too" | "again"
            )
        }) {
            source_end = cut;
        }
        if source_end <= cue_end + 1 || subject_start >= subject_end {
            return None;
        }
        let content = self.span_of(subject_start, subject_end);
        Some(self.new_found(
            Some((cue_end + 1, source_end)),
            SourceHint::Mention,
            vec![content],
            0.8,
        ))
    }

    /// `Asked whether A, X said …`, `… he said when asked about A.`: the question is an
    /// attribution of its own whose asker the text leaves out. Its content runs from the question
    /// word (after "about") to the end of the clause.
    fn asked_question(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Option<Found> {
        let end = sentence.tokens.1;
        if cue.lemma != "ask"
            || cue.form != VerbForm::Past
            || self.asked_opener(cue_start).is_none()
        {
            return None;
        }
        let mut from = cue_end;
        if cue.len == 1 {
            // "Asked on Fox News who leads …": a short adjunct may come before the question.
            from = (cue_end..end.min(cue_end + 6))
                .find(|&i| contains(QUESTION_WORDS, self.word(i)))?;
            let direct = from == cue_end;
            if !direct && !contains(LEADING_PREPOSITIONS, self.word(cue_end)) {
                return None;
            }
            if self.word(from) == "about" {
                from += 1;
            }
        }
        let stop = (from..end)
            .find(|&i| self.is_comma(i) || matches!(self.word(i), ";" | "—" | "–" | ":"))
            .unwrap_or(end);
        let content = if stop < end {
            (stop > from).then(|| self.span_of(from, stop))?
        } else {
            self.content_after(sentence, from)?
        };
        let mut found = self.new_found(None, SourceHint::Mention, vec![content], 0.6);
        found.stance = Stance::Question;
        Some(found)
    }

    /// The token that opens an "asked" clause ("Asked …", "when asked …", ", asked …"), if any.
    fn asked_opener(&self, cue_start: usize) -> Option<usize> {
        let sentence_start = self
            .analysis
            .sentences
            .iter()
            .find(|s| s.tokens.0 <= cue_start && cue_start < s.tokens.1)
            .map_or(0, |s| s.tokens.0);
        if cue_start == sentence_start {
            return Some(cue_start);
        }
        let before = cue_start - 1;
        matches!(
            self.word(before),
            "when" | "while" | "after" | "," | "once" | "if"
        )
        .then_some(before)
    }

    fn is_title_case(&self, sentence: &Sentence) -> bool {
        let (_, end) = sentence.tokens;
        self.mostly_capitalised(sentence)
            && !matches!(self.word(end.saturating_sub(1)), "." | "!" | "?")
    }

    /// Whether 70% or more of the sentence's words (3 or more) are capitalised, as in headlines
    /// with or without a final full stop.
    fn mostly_capitalised(&self, sentence: &Sentence) -> bool {
        let (start, end) = sentence.tokens;
        let words =
            (start..end).filter(|&i| self.token(i).is_some_and(|t| t.kind == TokenKind::Word));
        let (mut total, mut upper) = (0, 0);
        for i in words {
            total += 1;
            if self.token(i).is_some_and(|t| starts_upper(self.text, t)) {
                upper += 1;
            }
        }
        total >= 3 && upper * 10 >= total * 7
    }

    /// A finite reporting verb cannot be part of a source noun phrase ("Urges" in a headline).
    fn is_finite_cue(&self, index: usize) -> bool {
        let words = self.words.slice(index, index + 1);
        self.lexicon.cue_at(&words).is_some_and(|c| {
            c.len == 1
                && matches!(c.form, VerbForm::ThirdPerson | VerbForm::Past)
                && c.class != CueClass::Noun
        })
    }

    /// Verbs that report only when a clause, quote or colon follows: "continued: …" but not
    /// "continues to grow", "proved the most devastating", "known as", "pledged to".
    fn lacks_reported_clause(&self, cue_end: usize, cue: &CueMatch) -> bool {
        contains(CLAUSE_ONLY_CUES, cue.lemma)
            && !(matches!(
                self.word(cue_end),
                "that" | ":" | "," | "." | "!" | "?" | "how" | "why" | "what" | "when" | "whether"
            ) || self.token(cue_end).is_some_and(is_quote))
    }

    /// "a program called Sandy Hook Promise": "called" naming something, not reporting.
    fn is_naming_participle(&self, cue_start: usize, cue_end: usize, cue: &CueMatch) -> bool {
        cue.lemma == "call"
            && cue_start > 0
            && self
                .token(cue_start - 1)
                .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(self.text, t))
            && !contains(words::PRONOUNS, self.word(cue_start - 1))
            && !self.lexicon.is_speaker_noun(self.word(cue_start - 1))
            && self
                .token(cue_end)
                .is_some_and(|t| starts_upper(self.text, t))
    }

    /// "the claims", "a report": a determiner before a verb-looking cue makes it a noun.
    fn is_nominal_use(&self, cue_start: usize, cue: &CueMatch) -> bool {
        if cue.class == CueClass::Noun || cue.class == CueClass::According {
            return false;
        }
        let Some(before) = cue_start.checked_sub(1) else {
            return cue.form == VerbForm::Gerund;
        };
        let previous = self.word(before);
        if contains(words::DETERMINERS, previous) || previous == "'s" {
            return true;
        }
        // "on an earnings call whether …": "a"/"an" and a word make the base form a noun.
        if cue.form == VerbForm::Base
            && before > 0
            && matches!(self.word(before - 1), "a" | "an")
            && self
                .token(before)
                .is_some_and(|t| is_word(t) && !starts_upper(self.text, t))
        {
            return true;
        }
        // "of four counts of neglect", "two claims": after a number the "-s" form is a noun.
        if cue.form == VerbForm::ThirdPerson
            && (self
                .token(before)
                .is_some_and(|t| t.kind == TokenKind::Number)
                || contains(NUMBER_WORDS, previous))
        {
            return true;
        }
        // "The outbreak prompted renewed calls for …": after a participle the "-s" form is a
        // plural noun, the participle's object.
        if cue.form == VerbForm::ThirdPerson
            && previous.len() > 4
            && previous.ends_with("ed")
            && self
                .token(before)
                .is_some_and(|t| !starts_upper(self.text, t))
        {
            return true;
        }
        // "…, new reports show": a plural before a verb of its own is that verb's subject.
        let after = cue_start + cue.len;
        if cue.form == VerbForm::ThirdPerson
            && self
                .lexicon
                .cue_at(&self.words.slice(after, after + MAX_CUE_TOKENS))
                .is_some_and(|next| next.form == VerbForm::Base && next.class != CueClass::Noun)
        {
            return true;
        }
        let words = self.words.slice(cue_start, cue_start + cue.len);
        // "The union estimates that …", "the newspaper claims the NRA …": a third-person form
        // before a clause is the verb.
        let verb_before_clause =
            cue.form == VerbForm::ThirdPerson && self.opens_clause(cue_start + cue.len);
        if self.lexicon.noun_cue_at(&words).is_some() && !verb_before_clause {
            let mut at = before;
            for _ in 0..3 {
                let word = self.word(at);
                if contains(words::DETERMINERS, word) || word == "'s" {
                    return true;
                }
                // "Some analysts worry …": a plural noun before a base form is its subject.
                let plural_subject = cue.form == VerbForm::Base
                    && word.len() > 3
                    && word.ends_with('s')
                    && !word.ends_with("ss");
                if !self.token(at).is_some_and(|t| t.kind == TokenKind::Word)
                    || contains(words::CLAUSE_BREAKS, word)
                    || plural_subject
                    || at == 0
                {
                    break;
                }
                at -= 1;
            }
        }
        let noun_like = contains(NOUN_LIKE_BASE_VERBS, cue.lemma)
            || self
                .lexicon
                .noun_cue_at(&self.words.slice(cue_start, cue_start + cue.len))
                .is_some();
        if cue.form == VerbForm::Base && noun_like && !self.can_precede_base_verb(cue_start) {
            return true;
        }
        // A gerund opening a clause ("Speaking to the press, …") frames rather than reports;
        // only ", saying …" after a reported clause continues a report.
        // "… set out the French position saying: “…”": a gerund of speech that opens a quote
        // or a "that" clause reports, comma or not.
        let introduces_report = cue.class == CueClass::Speech && {
            let after = cue_start + cue.len;
            matches!(self.word(after), ":" | "that") || self.region_starting_at(after).is_some()
        };
        cue.form == VerbForm::Gerund
            && !self.follows_participle_opener(cue_start)
            && !self.is_progressive(cue_start)
            && !self.is_reduced_relative(cue_start, cue)
            && !introduces_report
    }

    /// "that", a determiner, a subject pronoun or a capitalised name: what a reported clause
    /// starts with, and what a plural noun is not followed by ("the claims were …").
    fn opens_clause(&self, at: usize) -> bool {
        let word = self.word(at);
        word == "that"
            || (contains(words::DETERMINERS, word) && !matches!(word, "her" | "that"))
            || contains(words::PRONOUNS, word)
            || self.token(at).is_some_and(|t| {
                t.kind == TokenKind::Word && starts_upper(self.text, t) && word != "i"
            })
    }

    /// A base-form verb is a verb after a modal, "to", a pronoun or a plural subject ("officials say");
    /// elsewhere the same spelling is mostly a noun ("press release", "roll call").
    fn can_precede_base_verb(&self, cue_start: usize) -> bool {
        let mut at = cue_start;
        while at > 0
            && matches!(
                self.word(at - 1),
                "also" | "not" | "n't" | "never" | "still" | "often" | "now" | "just"
            )
        {
            at -= 1;
        }
        let Some(before) = at.checked_sub(1) else {
            return false;
        };
        let word = self.word(before);
        matches!(
            word,
            "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "do"
                | "does"
                | "to"
                | "i"
                | "we"
                | "they"
                | "you"
                | "who"
                | "shall"
        ) || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && self
                .token(before)
                .is_some_and(|t| t.kind == TokenKind::Word))
    }

    fn according_to(&self, sentence: &Sentence, cue_start: usize, cue_end: usize) -> Option<Found> {
        let (start, end) = sentence.tokens;
        let mut source_end = (cue_end..end)
            .find(|&i| self.is_comma(i) || self.is_sentence_final(i, end))
            .unwrap_or(end);
        if source_end == cue_end {
            return None;
        }
        // "according to Japan's Ministry of Economy, Trade and Industry, …": a name with commas
        // goes on while capitalised words and "and" run to the next comma.
        while self.is_comma(source_end) && self.is_capitalised_word(source_end - 1) {
            let Some(next_comma) =
                (source_end + 1..end.min(source_end + 6)).find(|&i| self.is_comma(i))
            else {
                break;
            };
            let name_like = (source_end + 1..next_comma)
                .all(|i| self.is_capitalised_word(i) || matches!(self.word(i), "and" | "&"));
            if !name_like || next_comma == source_end + 1 {
                break;
            }
            source_end = next_comma;
        }
        // "according to the Jakarta police chief, Inspector General Karyoto": the name is the
        // source's, not the content's.
        let source_end = self
            .appositive_name_end(source_end, end)
            .filter(|&e| self.is_comma(e) || self.is_sentence_final(e, end))
            .unwrap_or(source_end);
        let content_before_ends_clause =
            cue_start > start + 1 && !matches!(self.word(cue_start - 2), "that" | "and" | "but");
        // "… by 271 delegates according to a count by the AP, but Sanders has vowed …": a
        // contrasting clause after the source is the writer's.
        let source_closes_sentence = source_end >= end
            || self.is_sentence_final(source_end, end)
            || self.is_comma(source_end)
                && contains(CONTRAST_CONJUNCTIONS, self.word(source_end + 1));
        let contents = if cue_start > start
            && self.is_boundary_before(cue_start - 1)
            && content_before_ends_clause
        {
            let mut contents = self.content_span_before(sentence, cue_start - 1)?;
            // "Since November, according to the group, forces have killed …": the report wraps
            // around its attribution.
            // "…, according to government figures, and about 90,000 have fled, the IOM said":
            // a clause joined by "and" is another report.
            if self.is_comma(cue_start - 1)
                && self.is_comma(source_end)
                && self.continues_parenthetical(source_end + 1)
                && !matches!(self.word(source_end + 1), "and" | "but")
            {
                contents.extend(self.content_after(sentence, source_end + 1));
            }
            contents
        } else if cue_start > start + 2 && source_closes_sentence && content_before_ends_clause {
            // "Clinton leads by 271 delegates according to a count by the AP."
            self.content_span_before(sentence, cue_start)?
        } else if self.is_comma(source_end) {
            vec![self.content_after(sentence, source_end + 1)?]
        } else {
            return None;
        };
        Some(self.new_found(
            Some((cue_end, source_end)),
            SourceHint::Mention,
            contents,
            0.9,
        ))
    }

    fn new_found(
        &self,
        source: Option<(usize, usize)>,
        hint: SourceHint,
        contents: Vec<Span>,
        confidence: f32,
    ) -> Found {
        Found {
            kind: QuoteKind::Indirect,
            cue: None,
            source,
            hint,
            contents,
            stance: Stance::Other,
            confidence,
            paragraph: 0,
            negated: false,
        }
    }

    /// `“…,” X said` / `…, said X` / `…, X said, “…”`.
    fn content_before(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
    ) -> Option<Found> {
        let (start, end) = sentence.tokens;
        let inverted = (cue_start > start
            && self.is_boundary_before(cue_start - 1)
            && self.can_invert(start, cue_start, cue)
            && !self.closes_participle_phrase(cue_start - 1))
        .then(|| self.noun_phrase_forward(cue_end, end))
        // "…, Colonel Ivan Petrov, a spokesman, said in a video address": a phrase opening with
        // a preposition is an adjunct, never the source.
        .filter(|&source_end| source_end > cue_end && !contains(PREPOSITIONS, self.word(cue_end)))
        .map(|source_end| {
            let source_end = self
                .appositive_name_end(source_end, end)
                .unwrap_or(source_end);
            self.closing_appositive_end(source_end, end)
                .unwrap_or(source_end)
        })
        .and_then(|source_end| {
            // Inverted: the source follows the cue.
            self.content_before_with(sentence, cue_end, cue_start - 1, (cue_end, source_end))
        })
        // "On Saturday, Senator Sanders of Vermont, a Democratic rival, assailed her": what is
        // reported before an inverted cue is a clause, with a verb; a bare noun phrase is the
        // subject.
        .filter(|found| found.contents.iter().any(|&c| self.holds_verb(c)));
        if inverted.is_some() {
            return inverted;
        }
        let verb_at = self.skip_between_backward(start, cue_start);
        // `“…” Trump said.`: only when nothing follows the cue but the sentence's end.
        let ends_after_cue = self.is_sentence_final(cue_end, end)
            || self.is_time_adjunct(cue_end, end)
            || self.is_final_adjunct(cue_end, end);
        // "“…,” Goldman analysts led by Daan Struyven wrote.": the source starts with the noun
        // the participle describes.
        let simple = self
            .noun_phrase_backward(start, verb_at)
            .map(|s| self.participle_head(start, s).unwrap_or(s))
            .filter(|&s| {
                s > start && self.is_boundary_before(s - 1) && !self.quotes_a_title(s - 1)
                    || s == start && ends_after_cue && self.follows_quote(start)
            });
        // `“…,” Jeff Weaver, the campaign manager, said.`: a source with an appositive.
        let appositive = || {
            (verb_at > start + 1 && self.is_comma(verb_at - 1))
                .then(|| self.source_after_quote(start, verb_at - 1))
                .flatten()
        };
        let name_and_role = || {
            (verb_at > start + 1 && self.is_comma(verb_at - 1))
                .then(|| self.name_and_role_before(start, verb_at - 1))
                .flatten()
        };
        let source_start = simple.or_else(appositive).or_else(name_and_role)?;
        self.content_before_with(sentence, cue_end, source_start - 1, (source_start, verb_at))
    }

    /// "The Kremlin rejected the accusations.", "A Saudi official denied that.": a denial whose
    /// object ends the sentence denies what the object stands for, a claim made before; the
    /// object ("the accusations", in the cue, or "that") is its content.
    fn denied_object(&self, sentence: &Sentence, cue_end: usize, cue: &CueMatch) -> Option<Span> {
        if cue.stance != Stance::Deny {
            return None;
        }
        let end = sentence.tokens.1;
        let object_start = if cue.len > 1 {
            let verb = cue_end - cue.len;
            // "pushed back.": a particle is no object.
            (verb + 1..cue_end).find(|&i| {
                !contains(words::DETERMINERS, self.word(i))
                    && !matches!(
                        self.word(i),
                        "back" | "off" | "down" | "out" | "up" | "away"
                    )
            })?;
            verb + 1
        } else {
            cue_end
        };
        let object_end = if cue.len > 1 {
            cue_end
        } else {
            self.noun_phrase_forward(cue_end, end)
                .max(cue_end + usize::from(matches!(self.word(cue_end), "that" | "it" | "this")))
        };
        // "The man denies the allegations, his lawyer told the agency.": another's report of
        // the denial may close the sentence.
        let reported_after = self.is_comma(object_end)
            && (object_end + 1..end).any(|i| self.starts_verb_cue(i, end));
        (object_end > object_start && (self.is_sentence_final(object_end, end) || reported_after))
            .then(|| self.span_of(object_start, object_end))
    }

    /// `said the chancellor, Rachel Reeves, "…"`: a person's name set off after the role is
    /// part of the source; the token after the name, if it is one.
    fn appositive_name_end(&self, source_end: usize, end: usize) -> Option<usize> {
        if !self.is_comma(source_end) {
            return None;
        }
        // "the police chief, Inspector General Karyoto": a title may precede the name.
        let mut first = source_end + 1;
        while first < end.min(source_end + 4)
            && self.is_capitalised_word(first)
            && !self.inside_name(first)
        {
            first += 1;
        }
        let start = self.token(first)?.span.start;
        let person = self
            .entities_in(Span::new(start, self.token(end.checked_sub(1)?)?.span.end))
            .next()
            .filter(|e| e.span.start == start && e.label == EntityLabel::Person)?;
        let mut after = self.first_token_at_or_after(person.span.end);
        // "the analyst, Tom Gallagher of Jefferies,": the employer goes with the name.
        if matches!(self.word(after), "of" | "at" | "from") && self.is_capitalised_word(after + 1) {
            after += 1;
            while after < end && self.is_capitalised_word(after) {
                after += 1;
            }
        }
        let closes = self.is_comma(after)
            || self.is_sentence_final(after, end)
            || self.token(after).is_some_and(is_quote);
        closes.then_some(after)
    }

    /// `said Rudy Giuliani, the former mayor of New York.`, `said Ed Rendell, a former governor
    /// who is close to the Clintons.`: after an inverted source, a phrase that runs to the end of
    /// the sentence with no verb of its own (outside a relative clause) describes the speaker and
    /// belongs to the source. The token where it ends.
    fn closing_appositive_end(&self, source_end: usize, end: usize) -> Option<usize> {
        if !self.is_comma(source_end) {
            return None;
        }
        let from = source_end + 1;
        let last = (from..end.min(from + 25)).find(|&i| self.is_sentence_final(i, end))?;
        let relative = (from..last).find(|&i| matches!(self.word(i), "who" | "whose" | "which"));
        // A relative clause may describe ("who is close to the Clintons") but not report ("who
        // added that the quay would close").
        let verbless = (from..relative.unwrap_or(last)).all(|i| {
            !self.is_auxiliary(i) && !matches!(self.word(i), "that" | "and" | "but" | ";" | ":")
        }) && (from..last)
            .all(|i| !self.starts_verb_cue(i, end) && self.region_starting_at(i).is_none());
        let participle = self.word(from).len() > 4 && self.word(from).ends_with("ing");
        (last > from && verbless && !participle).then_some(last)
    }

    /// `…, as economists point out.` and `As the mayor noted, …`: an "as" clause holding
    /// source and cue attributes the main clause beside it.
    fn as_clause(&self, sentence: &Sentence, cue_start: usize, cue_end: usize) -> Option<Found> {
        let (start, end) = sentence.tokens;
        let verb_at = self.skip_between_backward(start, cue_start);
        let source_start = self.noun_phrase_backward(start, verb_at)?;
        let opener = source_start.checked_sub(1)?;
        if self.word(opener) != "as" || source_start >= verb_at {
            return None;
        }
        let source = Some((source_start, verb_at));
        if opener == start {
            let comma = self.adjunct_end(cue_end, end).unwrap_or(cue_end);
            // "As Karadsheh spoke about how the consulate was looted, video showed …": a
            // clause of its own between the cue and the comma is what was said.
            let own_clause = (cue_end..comma).any(|i| {
                matches!(self.word(i), "how" | "what" | "why" | "whether" | "where")
                    || self.is_auxiliary(i)
            });
            if !self.is_comma(comma) || own_clause {
                return None;
            }
            let content = self.content_after(sentence, comma + 1)?;
            return Some(self.new_found(source, SourceHint::Mention, vec![content], 0.85));
        }
        let comma = opener.checked_sub(1).filter(|&c| self.is_comma(c))?;
        if !self.clause_ends_at(cue_end, end) && !self.is_time_adjunct(cue_end, end) {
            return None;
        }
        let contents = self.content_span_before(sentence, comma)?;
        Some(self.new_found(source, SourceHint::Mention, contents, 0.85))
    }

    /// Whether `…, said X` can be read with the source after the cue. Gerunds ("…, referring to
    /// X") and auxiliaries ("…, has supported X") never invert, and after a subject with its
    /// appositive ("Mukasey, a former attorney general, criticized X") the noun phrase after the
    /// cue is its object.
    fn can_invert(&self, start: usize, cue_start: usize, cue: &CueMatch) -> bool {
        let comma = cue_start - 1;
        let subject_before = self.is_comma(comma)
            && self
                .appositive_source(start, comma)
                // "On Saturday, Senator Bernie Sanders of Vermont, a Democratic rival, assailed
                // her": the subject may follow an opening phrase.
                .is_some_and(|(s, _)| {
                    s == self.after_dateline(start, comma) || s > start && self.is_comma(s - 1)
                });
        // "…,” Lemetayer, from the union, told the agency": the one told follows "told".
        cue.form != VerbForm::Gerund
            && !contains(FINITE_AUXILIARIES, self.word(cue_start))
            && !subject_before
            && cue.lemma != "tell"
    }

    /// The content before `boundary` (a comma or closing mark) of a cue ending at `cue_end`
    /// whose source is `source`, if the sentence's arrangement allows it.
    fn content_before_with(
        &self,
        sentence: &Sentence,
        cue_end: usize,
        boundary: usize,
        source: (usize, usize),
    ) -> Option<Found> {
        let (start, end) = sentence.tokens;
        // "Asked whether A, most voters said yes": the opening clause is the question, not the answer.
        let asked_first = if self.word(start) == "when" {
            start + 1
        } else {
            start
        };
        if self.word(asked_first) == "asked" {
            return None;
        }
        let after_cue_and_source = source.1.max(cue_end);
        // A title in quotes after an opening phrase ("Sunday on “Meet the Press,” X said …") is
        // no quote of the speaker's; only a quote that opens the sentence, or is split, is.
        let quoted_before = self.closing_mark_at(boundary).is_some_and(|region| {
            region.segments.len() > 1
                || region.span().start <= self.token(start).map_or(0, |t| t.span.start)
        });
        // `“…,” he said in August after …`: a quote right before the cue is the content, whatever follows.
        // "In his tribute, Elliott said: “…”": the quote after the cue is the content, not the opener.
        let quote_follows = matches!(self.word(after_cue_and_source), ":")
            || self.region_starting_at(after_cue_and_source).is_some();
        let clause_ends = quoted_before
            || !quote_follows && self.clause_ends_at(after_cue_and_source, end)
            || self.is_time_adjunct(after_cue_and_source, end)
            || self.is_comma(boundary) && self.is_final_adjunct(after_cue_and_source, end)
            || self.closing_mark_at(boundary).is_some()
                && self.is_short_adjunct(after_cue_and_source, end)
            || self.is_addressee_to_clause_end(cue_end, after_cue_and_source, end)
            || self.is_participle_adjunct(after_cue_and_source, end);
        if !clause_ends {
            return None;
        }
        let mut contents = self.content_span_before(sentence, boundary)?;
        if boundary == start + 1 && contains(words::CONNECTIVES, self.word(start)) {
            contents.clear();
        }
        // "A, according to government figures, and B, the IOM said": the report is B.
        if let [only] = contents.as_mut_slice() {
            let (from, to) = (self.first_token_at_or_after(only.start), boundary);
            let joined = (from..to)
                .find(|&i| self.word(i) == "according" && self.word(i + 1) == "to")
                .and_then(|a| {
                    (a + 2..to)
                        .find(|&i| self.is_comma(i) && matches!(self.word(i + 1), "and" | "but"))
                });
            if let Some(comma) = joined {
                if let Some(next) = self.token(comma + 2) {
                    only.start = next.span.start;
                }
            }
        }
        let resume = self
            .adjunct_end(after_cue_and_source, end)
            .unwrap_or(after_cue_and_source);
        if self.is_comma(resume) || self.word(resume) == ":" {
            if let Some(region) = self.region_starting_at(resume + 1) {
                contents.extend(region.segments.iter().copied());
            } else if self.is_comma(resume)
                && (!quoted_before
                    || self
                        .token(resume + 1)
                        .is_some_and(|t| !starts_upper(self.text, t)))
                && self.continues_parenthetical(resume + 1)
                && !(source.0 >= cue_end && self.opens_appositive(resume + 1))
                && !self.opens_adjunct(resume + 1)
            {
                // `Overall, she said, the party is divided.`: the report wraps around its attribution.
                // But after `said Ingrid Solberg,` a noun phrase is her appositive ("the director"),
                // not more of the report.
                contents.extend(self.content_after(sentence, resume + 1));
            }
        } else if self.word(resume) == ";" {
            // `…, Brafman noted; the government had …`: the clause after the semicolon goes on with the report.
            contents.extend(self.content_after(sentence, resume + 1));
        }
        if contents.is_empty() {
            return None;
        }
        Some(self.new_found(Some(source), SourceHint::Mention, contents, 0.9))
    }

    /// Whether token `at`, after `said Anna Berg,`, describes her: "the director", "54, who …",
    /// "who was evacuated", rather than going on with the report.
    fn opens_appositive(&self, at: usize) -> bool {
        contains(APPOSITIVE_OPENERS, self.word(at))
            || matches!(self.word(at), "who" | "whose" | "which")
            || self.token(at).is_some_and(|t| t.kind == TokenKind::Number)
            // "said Lindsey Bell, chief strategist at Clearnomics": a bare role.
            || self.starts_role(at)
    }

    /// Whether a role from the lexicon starts at token `at` ("chief strategist", "spokesman").
    fn starts_role(&self, at: usize) -> bool {
        let words = self.words.slice(at, at + 4);
        self.lexicon.role_at(&words).is_some() || self.lexicon.is_speaker_noun(self.word(at))
    }

    /// `…, a spokeswoman, Anna White, said` or `…, Anna White, a spokeswoman, said`: after a
    /// clause, a name and a role set off by commas, up to the comma before the verb. Returns
    /// where the source starts.
    fn name_and_role_before(&self, start: usize, comma: usize) -> Option<usize> {
        let inner = (start..comma).rev().find(|&i| self.is_comma(i))?;
        let outer = (start..inner).rev().find(|&i| self.is_comma(i))?;
        let is_name = |from: usize, to: usize| {
            (1..=4).contains(&(to - from))
                && (from..to).all(|i| {
                    self.token(i)
                        .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(self.text, t))
                        || self.word(i) == "."
                })
        };
        let is_role = |from: usize, to: usize| {
            (2..=8).contains(&(to - from))
                && (contains(words::DETERMINERS, self.word(from)) || self.word(from + 1) == "'s")
                && (from..to).any(|i| self.is_role_word(i) || self.starts_role(i))
        };
        let (first, second) = ((outer + 1, inner), (inner + 1, comma));
        let paired = is_name(first.0, first.1) && is_role(second.0, second.1)
            || is_role(first.0, first.1) && is_name(second.0, second.1);
        paired.then_some(outer + 1)
    }

    /// `“…,” the economist Jo Park, a former adviser to the governor, wrote`: between a closing
    /// quotation mark and the comma before the verb, a name with its appositive. Returns where
    /// the source starts.
    fn source_after_quote(&self, start: usize, comma: usize) -> Option<usize> {
        let floor = start.max(comma.saturating_sub(MAX_APPOSITIVE_TOKENS));
        // An apostrophe ("the farmers' union") is a quote token that closes nothing.
        let mark = (floor..comma)
            .rev()
            .find(|&i| self.token(i).is_some_and(is_quote) && self.region_ending_at(i).is_some())?;
        let source = mark + 1;
        // "one of the organisers, who asked not to be named, told …": verbs inside a relative
        // clause describe the source.
        let relative = (source..comma).find(|&i| {
            matches!(self.word(i), "who" | "which") && i > source && self.is_comma(i - 1)
        });
        let plain = (source..comma).all(|i| {
            self.token(i).is_some_and(|t| {
                is_word(t) || matches!(self.word(i), "," | "'s" | "'" | "." | "-" | "(" | ")")
            }) && (!self.is_finite_cue(i) || relative.is_some_and(|r| i > r))
        });
        let names_someone = (source..comma).any(|i| {
            self.token(i).is_some_and(|t| starts_upper(self.text, t))
                || self.lexicon.is_speaker_noun(self.word(i))
        });
        // `"…," shop owner Hayriye Evren, told AP`: a short name needs no appositive.
        let set_off = (source..comma).any(|i| self.is_comma(i)) || comma - source <= 6;
        (source < comma && plain && names_someone && set_off).then_some(source)
    }

    /// After `…, she said,` the sentence goes on with more of the report, not a new clause of
    /// the writer's ("adding …", "who …", "according to …").
    fn continues_parenthetical(&self, at: usize) -> bool {
        let word = self.word(at);
        let words = self.words.slice(at, at + 1);
        let gerund = self
            .lexicon
            .cue_at(&words)
            .is_some_and(|c| c.form == VerbForm::Gerund)
            || word.ends_with("ing");
        // "…, one hand resting on the throttle", "…, her voice hoarse", "…, flanked by players":
        // an absolute or participle phrase describes the speaker.
        let no_verb = !(at..at + 4).any(|i| self.is_auxiliary(i) || self.is_finite_cue(i));
        let absolute = (at + 1..at + 4).any(|i| {
            let next = self.word(i);
            next.len() > 4 && next.ends_with("ing")
        }) && no_verb;
        let described = (matches!(word, "his" | "her" | "their")
            || word.len() > 4 && word.ends_with("ed") && self.word(at + 1) == "by")
            && no_verb;
        let absolute = absolute || described;
        self.token(at).is_some_and(is_word)
            && !gerund
            && !absolute
            && !matches!(
                word,
                "who" | "which" | "according" | "as" | "while" | "when"
            )
    }

    /// `…, officials said Wednesday.` / `…, he said on Tuesday.`: a short time phrase ending the sentence.
    fn is_time_adjunct(&self, from: usize, end: usize) -> bool {
        let short = self.adjunct_end(from, end).is_some_and(|e| {
            // `…, Hollande said Tuesday in Paris, noting …`: a participle or another phrase
            // ("…, up from 1,644") may follow.
            // "…, the budget office reported on Tuesday -- a development that …".
            let closes = e >= end.saturating_sub(1)
                || self.is_comma(e)
                || matches!(self.word(e), "—" | "–" | "--")
                || self.is_spaced_hyphen(e);
            closes && e <= from + 5
        });
        short && contains(TIME_WORDS, self.word(from))
    }

    /// `…, he said after meeting Thursday with Trump aides, because …`: a time conjunction
    /// with a participle, up to the end of its clause, is a circumstance of the saying.
    fn is_participle_adjunct(&self, from: usize, end: usize) -> bool {
        let participle = self.word(from + 1);
        matches!(self.word(from), "after" | "before" | "while" | "when")
            && (participle.len() > 4 && participle.ends_with("ing") || participle == "asked")
            && self.adjunct_end(from, end).is_some()
    }

    /// `…, the spokesman said in a televised statement.`: a prepositional phrase running to the
    /// end of the sentence with no verb of its own, so no reported clause follows the cue.
    fn is_final_adjunct(&self, from: usize, end: usize) -> bool {
        contains(LEADING_PREPOSITIONS, self.word(from))
            && self.adjunct_end(from, end).is_some_and(|e| {
                self.is_sentence_final(e, end)
                    && e <= from + 8
                    && (from..e).all(|i| !self.is_auxiliary(i))
            })
    }

    /// An auxiliary or modal verb; "'s" only after a pronoun ("he's"), elsewhere it is the
    /// possessive ("the House's committee").
    fn is_auxiliary(&self, at: usize) -> bool {
        let word = self.word(at);
        contains(AUXILIARIES_AND_MODALS, word)
            && (word != "'s"
                || at.checked_sub(1).is_some_and(|p| {
                    let before = self.word(p);
                    contains(words::PRONOUNS, before)
                        || matches!(before, "that" | "there" | "what" | "who" | "here")
                }))
    }

    /// `…, Hedge said from his office in Orlando.`: a short prepositional phrase closing the clause.
    fn is_short_adjunct(&self, from: usize, end: usize) -> bool {
        let word = self.word(from);
        (contains(LEADING_PREPOSITIONS, word)
            || matches!(word, "to" | "from" | "for" | "outside" | "of" | "about"))
            && self.adjunct_end(from, end).is_some()
    }

    /// `…, a spokesman told The New York Times.`: after "told", a name that ends the clause is
    /// the addressee, so the content is before.
    fn is_addressee_to_clause_end(&self, cue_end: usize, from: usize, end: usize) -> bool {
        if !matches!(
            self.word(cue_end.saturating_sub(1)),
            "told" | "tells" | "tell" | "telling"
        ) {
            return false;
        }
        let mut at = from;
        while at < end.min(from + 8)
            && self.token(at).is_some_and(|t| {
                (is_word(t) && (starts_upper(self.text, t) || self.word(at) == "the"))
                    || matches!(self.word(at), "'s" | "." | "&" | "-")
            })
            && !self.is_sentence_final(at, end)
        {
            at += 1;
        }
        // "…, his lawyer told the dpa news agency.": a medium named in lowercase.
        let medium = (from..end.min(from + 6)).any(|i| {
            matches!(
                self.word(i),
                "agency"
                    | "newspaper"
                    | "broadcaster"
                    | "radio"
                    | "television"
                    | "channel"
                    | "magazine"
                    | "website"
                    | "outlet"
                    | "station"
            )
        });
        if medium && !(from..end.min(from + 6)).any(|i| self.word(i) == "that") {
            at = (from..end)
                .find(|&i| self.is_comma(i) || self.is_sentence_final(i, end))
                .unwrap_or(end);
        }
        let named = (from..at).any(|i| self.token(i).is_some_and(|t| starts_upper(self.text, t)))
            || contains(ADDRESSEES, self.word(from))
            || medium;
        let at = if at == from && contains(ADDRESSEES, self.word(from)) {
            from + 1
        } else {
            at
        };
        // "… told Reuters on Monday.", "… told POLITICO earlier this week.".
        let ends = self.clause_ends_at(at, end)
            || self.is_time_adjunct(at, end)
            || self.is_final_adjunct(at, end);
        at > from && named && ends
    }

    /// The closing quotation mark at or just before a boundary token (`,”` or `”`).
    fn closing_mark_at(&self, boundary: usize) -> Option<&QuotedRegion> {
        let closing = if self.token(boundary).is_some_and(is_quote) {
            Some(boundary)
        } else {
            boundary
                .checked_sub(1)
                .filter(|&b| self.token(b).is_some_and(is_quote))
        };
        closing.and_then(|c| self.region_ending_at(c))
    }

    /// Where a short trailing adjunct after `he said` ends ("on Tuesday", "in an interview",
    /// "the network"): at a clause end within a few tokens, with no further cue or clause.
    fn adjunct_end(&self, from: usize, end: usize) -> Option<usize> {
        (from..end.min(from + 9))
            .take_while(|&i| {
                !matches!(
                    self.word(i),
                    "that" | "which" | "who" | "because" | "if" | "and" | "but"
                )
            })
            .find(|&i| self.clause_ends_at(i, end))
            .or_else(|| (from + 9 > end).then_some(end))
            .filter(|&i| i >= end || self.clause_ends_at(i, end))
    }

    /// After `X said` the clause must end (or continue with a quote) for the content to be before it.
    fn clause_ends_at(&self, at: usize, end: usize) -> bool {
        at >= end
            || self.is_sentence_final(at, end)
            || self.is_comma(at)
            || self.token(at).is_some_and(is_quote)
            || matches!(self.word(at), ":" | ";" | "—" | "–" | "--")
            || self.is_spaced_hyphen(at)
    }

    /// A hyphen standing alone between spaces is a dash (`… he said - and argued …`).
    fn is_spaced_hyphen(&self, at: usize) -> bool {
        self.word(at) == "-"
            && self.token(at).is_some_and(|t| {
                let before = self.text.get(..t.span.start).unwrap_or("");
                let after = self.text.get(t.span.end..).unwrap_or("");
                before.ends_with(' ') && after.starts_with(' ')
            })
    }

    fn is_sentence_final(&self, at: usize, end: usize) -> bool {
        let last_real = (at..end).all(|i| {
            self.token(i)
                .is_some_and(|t| t.kind != TokenKind::Word && t.kind != TokenKind::Number)
        });
        last_real && matches!(self.word(at), "." | "!" | "?" | "…")
    }

    /// A comma, or a closing quotation mark that ends a quoted region (`“Go,” he said`).
    fn is_boundary_before(&self, index: usize) -> bool {
        if self.is_comma(index) {
            return true;
        }
        self.token(index).is_some_and(is_quote) && self.region_ending_at(index).is_some()
    }

    /// "“Orange Is the New Black” star Dascha Polanco": a quotation right before a lowercase
    /// noun that opens the source names a title; said words end on punctuation.
    fn quotes_a_title(&self, mark: usize) -> bool {
        let said = mark.checked_sub(1).is_some_and(|before| {
            self.token(before)
                .is_some_and(|t| t.kind == TokenKind::Punct)
        });
        let noun_follows = self
            .token(mark + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(self.text, t))
            && !contains(words::PRONOUNS, self.word(mark + 1));
        self.token(mark).is_some_and(is_quote) && !said && noun_follows
    }

    /// `“… the emails.” Trump said.`: a sentence that starts right after a quotation closing
    /// the sentence before, in the same paragraph.
    fn follows_quote(&self, start: usize) -> bool {
        let Some(mark) = start.checked_sub(1) else {
            return false;
        };
        let gap = match (self.token(mark), self.token(start)) {
            (Some(mark), Some(next)) => self.text.get(mark.span.end..next.span.start),
            _ => None,
        };
        self.region_ending_at(mark).is_some() && gap.is_some_and(|g| !g.contains('\n'))
    }

    /// Whether an attribution reports a neutral statement that was not made: negated, and what
    /// follows is an open question ("did not say whether it supported the plan"). Negated
    /// reports of a noun phrase ("did not specify an amount") stay: PolNeAR annotates them, and
    /// dropping them was measured to cost matches.
    pub(crate) fn is_not_made(&self, found: &Found) -> bool {
        let opens_question = found.contents.first().is_some_and(|c| {
            let first = self.first_token_at_or_after(c.start);
            matches!(
                self.word(first),
                "whether" | "if" | "how" | "why" | "when" | "what"
            )
        });
        found.negated
            && matches!(found.stance, Stance::Assert | Stance::Other)
            && found.kind == QuoteKind::Indirect
            && opens_question
    }

    /// Whether `span` is quoted or holds something that reads as a verb: an auxiliary, a cue
    /// verb, an irregular past or a lowercase "-ed"/"-s" word.
    fn holds_verb(&self, span: Span) -> bool {
        if self.regions_overlapping(span).next().is_some() {
            return true;
        }
        let (from, to) = (
            self.first_token_at_or_after(span.start),
            self.first_token_at_or_after(span.end),
        );
        (from..to).any(|i| {
            let word = self.word(i);
            let lowercase = self
                .token(i)
                .is_some_and(|t| is_word(t) && !starts_upper(self.text, t));
            self.is_auxiliary(i)
                || self.is_finite_cue(i)
                || contains(words::IRREGULAR_PAST, word)
                || lowercase && word.len() > 3 && (word.ends_with("ed") || word.ends_with('s'))
        })
    }

    /// The content that ends just before token `boundary` (a comma or closing mark).
    fn content_span_before(&self, sentence: &Sentence, boundary: usize) -> Option<Vec<Span>> {
        let (start, _) = sentence.tokens;
        if let Some(region) = self.closing_mark_at(boundary) {
            // `Teachers are “very pro-Bernie,” Kilfoyle said.`: the quote is part of a longer content.
            let sentence_start = self.token(start).map_or(0, |t| t.span.start);
            // "… posted a message about what he did: “Men, you will not …,” she wrote.": the
            // writer's lead-in ends at the colon.
            let opening = self.first_token_at_or_after(region.span().start);
            let after_colon = opening
                .checked_sub(1)
                .is_some_and(|c| c >= start && self.word(c) == ":");
            if region.segments.len() > 1 || region.span().start <= sentence_start || after_colon {
                return Some(region.segments.clone());
            }
        }
        let start = self.after_dateline(start, boundary);
        if boundary <= start {
            return None;
        }
        let span = self.span_of(start, boundary);
        (!span.is_empty()).then(|| vec![span])
    }

    /// Whether the spaced dash at `dash` closes a dateline: "(Reuters) -", "LONDON -".
    fn ends_dateline(&self, dash: usize) -> bool {
        dash.checked_sub(1)
            .is_some_and(|before| self.word(before) == ")" || self.is_shouted_word(before))
    }

    /// "HARWICK — …", "KYIV, March 4 (Reuters) - …": a wire dateline opening the sentence is
    /// the writer's, not part of the report; returns where the sentence proper starts.
    fn after_dateline(&self, start: usize, limit: usize) -> usize {
        if !self.is_shouted_word(start) {
            return start;
        }
        let window = limit.min(start + 12);
        (start + 1..window)
            .find(|&i| matches!(self.word(i), "—" | "–" | "-" | "--"))
            .filter(|&dash| {
                // Only place words, a date and an agency in brackets come before the dash.
                (start..dash).all(|i| {
                    self.is_shouted_word(i)
                        || matches!(self.word(i), "," | "(" | ")" | ".")
                        || self.token(i).is_some_and(|t| {
                            t.kind == TokenKind::Number || starts_upper(self.text, t)
                        })
                })
            })
            .map_or(start, |dash| dash + 1)
    }

    /// `X said (that) …`, `X told reporters …`, `X said:` + quote in the next paragraph.
    fn source_before(
        &self,
        sentence: &Sentence,
        cue_start: usize,
        cue_end: usize,
        cue: &CueMatch,
        previous: Option<&Found>,
    ) -> Option<Found> {
        let (start, _) = sentence.tokens;
        let verb_at = self.skip_between_backward(start, cue_start);
        let listed = self.continues_verb_list(sentence, verb_at, cue_end, cue, previous);
        let shares_subject = cue.form == VerbForm::Gerund
            && !self.is_progressive(cue_start)
            && !self.is_reduced_relative(cue_start, cue)
            || verb_at > start && matches!(self.word(verb_at - 1), "and" | "but")
            || listed.is_some();
        // "the board, which ruled that …": a non-restrictive "which" reports for its antecedent too.
        let relative = verb_at > start
            && (self.word(verb_at - 1) == "who"
                || self.word(verb_at - 1) == "which"
                    && !cue.lemma.is_empty()
                    && verb_at > start + 1
                    && self.is_comma(verb_at - 2));
        // "Maria Lenz - who has led the union since 2019 - denied": a parenthesis between
        // spaced hyphens describes the subject before it, as one between dashes does (see
        // `appositive_source`).
        let close = verb_at
            .checked_sub(1)
            .filter(|&c| c > start && self.is_spaced_hyphen(c));
        let parenthesis = close
            .and_then(|close| {
                let open = (start + 1..close)
                    .rev()
                    .find(|&i| self.is_spaced_hyphen(i))?;
                let subject = self.noun_phrase_backward(start, open)?;
                Some((subject, close))
            })
            .filter(|&(s, _)| s == start || self.is_boundary_before(s - 1));
        let (source, hint) = if let Some(subject) = parenthesis {
            (Some(subject), SourceHint::Mention)
        } else if relative {
            // "Barkley, who said he votes …": PolNeAR's source is the relative pronoun itself.
            (Some((verb_at - 1, verb_at)), SourceHint::Mention)
        } else if shares_subject && previous.is_some() {
            (previous.and_then(|p| p.source), SourceHint::SharedSubject)
        } else if shares_subject {
            (
                Some(self.sentence_subject(sentence, cue_start)?),
                SourceHint::Mention,
            )
        } else if verb_at > start && matches!(self.word(verb_at - 1), "," | "—" | "–") {
            (
                Some(self.appositive_source(start, verb_at - 1)?),
                SourceHint::Mention,
            )
        } else if let Some(open) = self.parenthesis_before(start, verb_at) {
            // "The UN Office for the Coordination of Humanitarian Affairs (OCHA) said".
            let source_start = self.noun_phrase_backward(start, open)?;
            (Some((source_start, verb_at)), SourceHint::Mention)
        } else {
            let source_start = self.noun_phrase_backward(start, verb_at)?;
            let source_start = self
                .restrictive_relative_head(start, source_start)
                .or_else(|| self.participle_head(start, source_start))
                .unwrap_or(source_start);
            // "It was announced that …": a passive with an empty subject names no source.
            let expletive = source_start + 1 == verb_at
                && self.word(source_start) == "it"
                && cue.form == VerbForm::Past
                && (verb_at..cue_start).any(|i| contains(BE_FORMS, self.word(i)));
            let source = (!expletive).then_some((source_start, verb_at));
            (source, SourceHint::Mention)
        };
        if self.is_comma(cue_end) {
            if let Some(object) = self.denied_object(sentence, cue_end, cue) {
                return Some(self.new_found(source, hint, vec![object], 0.85));
            }
        }
        let content_start = self.skip_object(sentence, cue_end, cue);
        // "denied this." reads like the time phrase "this week" to the adjunct skipper.
        let Some(content_start) = self.skip_leading_adjunct(sentence, content_start) else {
            let object = self
                .denied_object(sentence, cue_end, cue)
                .or_else(|| self.relative_object(source))?;
            return Some(self.new_found(source, hint, vec![object], 0.85));
        };
        // "pushed back.": a particle of the verb, nothing reported.
        let content = self.content_after(sentence, content_start).filter(|c| {
            !matches!(
                c.text(self.text),
                "that" | "saying" | "back" | "out" | "up" | "off" | "down"
            ) && !self.only_when(content_start, *c)
        });
        let content = match content {
            Some(content) if relative => Some(self.end_relative_clause(content_start, content)),
            Some(content) => Some(match listed {
                Some(close) if close > content_start => {
                    Span::new(content.start, self.span_of(content_start, close).end)
                }
                _ => content,
            }),
            content => content,
        };
        let contents = match content {
            Some(content) => {
                let mut contents = vec![content];
                if self.word(sentence.tokens.1.saturating_sub(1)) == ":" {
                    contents.extend(self.next_paragraph_content(sentence).unwrap_or_default());
                }
                contents
            }
            None => self
                .next_paragraph_content(sentence)
                .or_else(|| self.denied_object(sentence, cue_end, cue).map(|c| vec![c]))
                .or_else(|| self.relative_object(source).map(|c| vec![c]))?,
        };
        let mut found = self.new_found(source, hint, contents, 0.85);
        if hint == SourceHint::SharedSubject {
            found.confidence = 0.75;
        }
        Some(found)
    }

    /// "suggested A, called her B and boycotted C": a finite verb right after a comma inside the
    /// previous report's content, in a series closed by "and" + another verb, is the next verb of
    /// the same subject. Returns where its own content ends (before the closing "and").
    fn continues_verb_list(
        &self,
        sentence: &Sentence,
        verb_at: usize,
        cue_end: usize,
        cue: &CueMatch,
        previous: Option<&Found>,
    ) -> Option<usize> {
        let comma = verb_at.checked_sub(1).filter(|&c| self.is_comma(c))?;
        let finite =
            matches!(cue.form, VerbForm::Past | VerbForm::ThirdPerson) && !cue.lemma.is_empty();
        let comma_span = self.token(comma)?.span;
        let inside_previous = previous.is_some_and(|p| {
            let source_first = p.source.zip(p.cue).is_some_and(|((_, e), cue)| {
                self.token(e.saturating_sub(1))
                    .is_some_and(|t| t.span.end <= cue.start)
            });
            source_first && p.contents.iter().any(|c| c.contains(comma_span))
        });
        if !finite || !inside_previous {
            return None;
        }
        let end = sentence.tokens.1;
        let and = (cue_end..end).find(|&i| {
            self.word(i) == "and" && {
                let verb = self.skip_between_forward(i + 1, end);
                let word = self.word(verb);
                self.token(verb)
                    .is_some_and(|t| is_word(t) && !starts_upper(self.text, t))
                    && (word.ends_with("ed") || self.is_finite_cue(verb))
            }
        })?;
        Some(if self.is_comma(and - 1) { and - 1 } else { and })
    }

    /// "Barkley, who said he votes Democratic, said …": the report inside a relative clause ends
    /// at the comma after which the main clause's verb comes.
    fn end_relative_clause(&self, from: usize, content: Span) -> Span {
        let end = self.first_token_at_or_after(content.end);
        let main_verb = (from..end).find(|&i| {
            if !self.is_comma(i) && !matches!(self.word(i), "—" | "–") {
                return false;
            }
            contains(FINITE_AUXILIARIES, self.word(i + 1))
                || self.is_finite_cue(self.skip_between_forward(i + 1, end))
        });
        match main_verb {
            Some(comma) if comma > from => Span::new(content.start, self.span_of(from, comma).end),
            _ => content,
        }
    }

    /// The first token at or after `from` that is not an adverb or auxiliary of the kind that
    /// stands between a subject and its verb.
    fn skip_between_forward(&self, from: usize, end: usize) -> usize {
        let mut at = from;
        while at < end && contains(words::BETWEEN_SOURCE_AND_CUE, self.word(at)) {
            at += 1;
        }
        at
    }

    /// "O’Malley calling Trump a fascist", "a petition calling on him …": a gerund right after
    /// a name or a speaker noun reports for that noun phrase.
    fn is_reduced_relative(&self, cue_start: usize, cue: &CueMatch) -> bool {
        cue.form == VerbForm::Gerund
            && cue_start > 0
            && self.is_nominal_word(cue_start - 1)
            && !self.is_progressive(cue_start)
    }

    /// "is calling for", "are now criticizing": a gerund after a form of "be" is a finite verb.
    fn is_progressive(&self, cue_start: usize) -> bool {
        let mut at = cue_start;
        while at > 0 && contains(PROGRESSIVE_ADVERBS, self.word(at - 1)) {
            at -= 1;
        }
        at > 0
            && matches!(
                self.word(at - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "'s" | "'re" | "am"
            )
    }

    /// `Marley Anderson, 21, a teacher from Reno, said …`: the name with its appositives, ending
    /// at the comma before the verb. The stretch must start the sentence (or follow a clause
    /// break) and name someone: a capitalised word or a speaker noun.
    fn appositive_source(&self, start: usize, comma: usize) -> Option<(usize, usize)> {
        let start = self.after_dateline(start, comma);
        let floor = start.max(comma.saturating_sub(MAX_APPOSITIVE_TOKENS));
        // "The study, which analyzed more than 40 years of data from Norway, Iceland and Canada,
        // found": everything after ", which" up to the comma is the relative clause.
        let relative_start = (floor + 1..comma)
            .find(|&i| matches!(self.word(i), "who" | "which" | "whose") && self.is_comma(i - 1));
        let mut at = comma;
        while at > floor {
            let word = self.word(at - 1);
            let Some(token) = self.token(at - 1) else {
                break;
            };
            let allowed = is_word(token)
                || matches!(
                    word,
                    "," | "'s" | "'" | "." | "-" | "(" | ")" | "—" | "–" | "$" | "€" | "£"
                );
            let relative =
                matches!(word, "who" | "which" | "whose") && at >= 2 && self.is_comma(at - 2);
            let inside_relative = relative_start.is_some_and(|r| at > r)
                || (at..comma).any(|i| matches!(self.word(i), "who" | "which" | "whose"));
            let breaks = contains(words::CLAUSE_BREAKS, word)
                && !matches!(word, "for" | "and")
                && !relative
                && !inside_relative;
            if !allowed || breaks || self.is_finite_cue(at - 1) && !inside_relative {
                break;
            }
            at -= 1;
        }
        if at > start && at == floor {
            return None;
        }
        // "On Saturday, Senator Sanders …, assailed", "based on over 1,500 interviews, Working
        // America, a labor group, found": the walk stopped inside an opening phrase, which ends
        // at its comma.
        if at > start && contains(PREPOSITIONS, self.word(at - 1)) {
            if let Some(opening_end) = (at..comma.min(at + 5)).find(|&i| self.is_comma(i)) {
                at = opening_end + 1;
            }
        }
        while at < comma && matches!(self.word(at), "," | "and" | "for" | "—" | "–") {
            at += 1;
        }
        let names_someone = (at..comma).any(|i| {
            self.token(i).is_some_and(|t| starts_upper(self.text, t))
                || self.lexicon.is_speaker_noun(self.word(i))
        });
        let set_off = (at..comma).any(|i| matches!(self.word(i), "," | ")" | "—" | "–"));
        // "Justice Jackson, in a separate dissent, wrote": a phrase of circumstance after the
        // comma is no part of the source.
        let circumstance = (at..comma).find(|&i| {
            self.is_comma(i)
                && (contains(LEADING_PREPOSITIONS, self.word(i + 1))
                    || contains(PARENTHETICAL_OPENERS, self.word(i + 1)))
        });
        if let Some(first_comma) = circumstance.filter(|&c| c > at && names_someone) {
            return Some((at, first_comma));
        }
        (at < comma && names_someone && set_off)
            .then_some((at, comma))
            .or_else(|| self.subject_with_relative_clause(start, comma))
    }

    /// `McCain, who has tangled with Cruz repeatedly, said …`: a short subject opening the
    /// sentence, then an appositive or relative clause closed by the comma before the verb.
    fn subject_with_relative_clause(&self, start: usize, comma: usize) -> Option<(usize, usize)> {
        let first_comma = (start..comma).find(|&i| self.is_comma(i))?;
        if first_comma == start
            || first_comma - start > 8
            || !self
                .token(start)
                .is_some_and(|t| starts_upper(self.text, t))
        {
            return None;
        }
        let subject_ok = (start..first_comma).all(|i| {
            let word = self.word(i);
            self.token(i)
                .is_some_and(|t| is_word(t) || matches!(word, "." | "-" | "'s" | "'" | "(" | ")"))
                && (!contains(words::CLAUSE_BREAKS, word) || matches!(word, "of" | "for" | "and"))
                && !self.is_finite_cue(i)
        });
        let opener = self.word(first_comma + 1);
        let appositive = matches!(
            opener,
            "who"
                | "whose"
                | "which"
                | "a"
                | "an"
                | "the"
                | "one"
                | "now"
                | "then"
                | "himself"
                | "herself"
        ) || self
            .token(first_comma + 1)
            .is_some_and(|t| starts_upper(self.text, t) || t.kind == TokenKind::Number)
            // "Mary Smith, adviser to Mr. Clinton, said".
            || self.is_role_word(first_comma + 1);
        // "Lewandowski, in a statement released by the campaign, said …": a parenthetical
        // phrase of circumstance is no part of the source.
        // So is a participle phrase ("Tony Adams, working as a pundit for the BBC, said").
        let participle = opener.len() > 4 && opener.ends_with("ing");
        let circumstance = contains(LEADING_PREPOSITIONS, opener)
            || contains(PARENTHETICAL_OPENERS, opener)
            || participle;
        let plain = (first_comma + 1..comma).all(|i| !self.token(i).is_some_and(is_quote));
        // "Currently, an entire project can take months, says X": an adverb and a clause, not
        // a subject and its appositive, which holds no verb outside a relative clause.
        let noun_phrase_end = (first_comma + 1..comma)
            .find(|&i| matches!(self.word(i), "who" | "whose" | "which" | "that" | "whom"))
            .unwrap_or(comma);
        let appositive =
            appositive && (first_comma + 1..noun_phrase_end).all(|i| !self.is_auxiliary(i));
        if subject_ok && circumstance && plain && !appositive {
            return Some((start, first_comma));
        }
        (subject_ok && appositive).then_some((start, comma))
    }

    /// The subject of `Trump toured the plant, saying …`: a name or pronoun opening the sentence.
    fn sentence_subject(&self, sentence: &Sentence, before: usize) -> Option<(usize, usize)> {
        let (start, _) = sentence.tokens;
        // "WASHINGTON - The Justice Department sued …": the dateline is no subject.
        let start = self.after_dateline(start, before);
        // "Speaking last night, Chirac …": an opening participle phrase is no subject.
        let participle_opening = self.word(start).ends_with("ing") && self.word(start).len() > 4;
        // "Another analyst, Tom Gallagher of Jefferies, was more upbeat, saying …": the name
        // set off after a nominal subject is part of it.
        let with_name = |(s, e): (usize, usize)| {
            let named = self
                .appositive_name_end(e, before)
                .filter(|&after| self.is_comma(after) && after < before);
            (s, named.unwrap_or(e))
        };
        let opening = (!participle_opening)
            .then(|| self.clause_subject(start, before))
            .flatten()
            .map(with_name);
        opening.or_else(|| {
            // "But a few days later, Trump reversed himself, telling …": the subject follows an
            // opening phrase.
            let comma = (start..before.min(start + 12)).find(|&i| self.is_comma(i))?;
            let subject = self.clause_subject(comma + 1, before)?;
            (subject.1 < before).then_some(subject)
        })
    }

    /// The subject of a main clause starting at token `from`: a name, pronoun or nominal subject,
    /// or a noun phrase followed by its verb ("the mayor said").
    fn clause_subject(&self, from: usize, end: usize) -> Option<(usize, usize)> {
        self.subject_at(from, end).or_else(|| {
            let greedy_end = self.noun_phrase_forward(from, end);
            // The noun phrase walk knows no verbs: "The pair spent four days" stops at a
            // past-tense verb inside it.
            let phrase_end = (from + 1..greedy_end)
                .find(|&i| contains(words::IRREGULAR_PAST, self.word(i)))
                .unwrap_or(greedy_end);
            let verb = self.skip_between_forward(phrase_end, end);
            let word = self.word(verb);
            // Any lowercase word that cannot go on a noun phrase: "The two men left …".
            let plain_word = self
                .token(verb)
                .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(self.text, t))
                && !contains(words::CLAUSE_BREAKS, word)
                && !contains(words::DETERMINERS, word)
                && !contains(PREPOSITIONS, word);
            let verb_follows = self.is_finite_cue(verb)
                || contains(FINITE_AUXILIARIES, word)
                || word.ends_with("ed")
                || plain_word;
            (phrase_end > from && verb < end && verb_follows).then_some((from, phrase_end))
        })
    }

    /// A name, pronoun or nominal subject starting at token `start`, ending before `before`.
    fn subject_at(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        if contains(words::PRONOUNS, self.word(start)) {
            return Some((start, start + 1));
        }
        if let Some(subject) = self.nominal_subject(start, before) {
            return Some(subject);
        }
        let opening = self.token(start)?.span.start;
        let latest = self.token(start + 2).map_or(opening, |t| t.span.start);
        let entities = &self.analysis.entities;
        let from = entities.partition_point(|e| e.span.start < opening);
        let entity = entities
            .get(from..)?
            .iter()
            .take_while(|e| e.span.start <= latest)
            .find(|e| {
                matches!(
                    e.label,
                    EntityLabel::Person | EntityLabel::Org | EntityLabel::Gpe
                )
            })?;
        let first = self.first_token_at_or_after(opening);
        let last = self.first_token_at_or_after(entity.span.end);
        // "A Nashville songwriter has sued …": a place before a noun only says where from.
        let modifier = entity.label == EntityLabel::Gpe
            && self
                .token(last)
                .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(self.text, t))
            && !self.is_finite_cue(last)
            && !self.is_auxiliary(last);
        if modifier {
            return None;
        }
        (last < before).then_some((first, last))
    }

    /// "His chief aide doubled down …", "The Wisconsin Republican did …": a short phrase opening
    /// the sentence that ends in a speaker noun or a capitalised name.
    fn nominal_subject(&self, start: usize, before: usize) -> Option<(usize, usize)> {
        let limit = before.min(start + 6);
        let mut at = start;
        while at < limit {
            let word = self.word(at);
            let token = self.token(at)?;
            if self.lexicon.is_speaker_noun(word) {
                let mut end = at + 1;
                while end < before && self.lexicon.is_speaker_noun(self.word(end)) {
                    end += 1;
                }
                // "IDC analyst Ryan Reith": the name after the noun is the head.
                while end < before
                    && self
                        .token(end)
                        .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(self.text, t))
                {
                    end += 1;
                }
                return Some((start, self.end_of_name_through(end, before)));
            }
            let capitalised = starts_upper(self.text, token);
            let modifier = contains(words::DETERMINERS, word) || word == "'s" || capitalised;
            if !is_word(token) && word != "'s" || !modifier {
                break;
            }
            at += 1;
        }
        // "The core index rose …": a capitalised determiner opens a phrase, it does not end one.
        let capitalised_end = at > start
            && self
                .token(at - 1)
                .is_some_and(|t| starts_upper(self.text, t))
            && !contains(words::DETERMINERS, self.word(at - 1));
        let at = self.end_of_name_through(at, before);
        let next_is_lower = self
            .token(at)
            .is_some_and(|t| is_word(t) && !starts_upper(self.text, t));
        (capitalised_end && next_is_lower && !self.is_finite_cue(start)).then_some((start, at))
    }

    /// "The Bank of England held …": where a phrase ending at token `end` ends when a name its
    /// last word begins runs on past lowercase words (no further than `before`).
    fn end_of_name_through(&self, end: usize, before: usize) -> usize {
        let entities = &self.analysis.entities;
        end.checked_sub(1)
            .and_then(|last| self.token(last))
            .and_then(|last| {
                let holding = entities.partition_point(|e| e.span.start <= last.span.start);
                holding
                    .checked_sub(1)
                    .and_then(|i| entities.get(i))
                    .filter(|e| e.span.contains(last.span) && e.span.end > last.span.end)
            })
            .map(|name| self.first_token_at_or_after(name.span.end))
            .filter(|&after| after <= before)
            .unwrap_or(end)
    }

    /// `said in an interview that …`: content starts after a leading prepositional phrase, at
    /// "that", a quote or a colon; a bare phrase (`said during a session`) is no content at all.
    fn skip_leading_adjunct(&self, sentence: &Sentence, from: usize) -> Option<usize> {
        let (_, end) = sentence.tokens;
        // "said at least 14 …" starts with a hedge, not an adjunct.
        let hedge = matches!(
            (self.word(from), self.word(from + 1)),
            ("at", "least" | "most") | ("in", "all")
        );
        // "said this provides …", "said early results show …": a determiner or adjective
        // that opens a time phrase only before a word of time ("this week", "late on Monday").
        let time_opener = matches!(self.word(from), "this" | "last" | "late" | "early");
        let next = self.word(from + 1);
        let names_time = contains(TIME_NOUNS, next)
            || contains(WEEKDAYS, next)
            || matches!(next, "on" | "in" | "this" | "last" | "next");
        if !contains(LEADING_PREPOSITIONS, self.word(from)) || hedge || time_opener && !names_time {
            return Some(self.after_manner_adjunct(from, end).unwrap_or(from));
        }
        // "said Tuesday his actions …", "said on Monday the plan …": a bare day before the content.
        let day = match (self.word(from), self.word(from + 1)) {
            ("on", next) if contains(WEEKDAYS, next) => Some(from + 2),
            (word, _) if contains(WEEKDAYS, word) || matches!(word, "yesterday" | "today") => {
                Some(from + 1)
            }
            _ => None,
        };
        // "said on Monday evening that …".
        let day = day.map(|after| {
            after
                + usize::from(matches!(
                    self.word(after),
                    "morning" | "afternoon" | "evening" | "night"
                ))
        });
        if let Some(after) = day.filter(|&a| a < end) {
            let next = self.word(after);
            if next == ":" {
                return Some(after + 1);
            }
            if self.token(after).is_some_and(is_word) && !contains(LEADING_PREPOSITIONS, next) {
                return Some(after);
            }
        }
        let resume = (from..end).find(|&i| {
            matches!(self.word(i), "that" | ":") || self.region_starting_at(i).is_some()
        })?;
        Some(if self.word(resume) == ":" {
            resume + 1
        } else {
            resume
        })
    }

    /// "said privately that …", "said outside court that …", "argued for years that …", "asked
    /// him directly whether …": an object pronoun, adverbs of manner, or a bare prepositional
    /// phrase before the complementizer that opens the content; returns where it is. A noun
    /// before "that" would make it a relative ("to punish schools that violate …").
    fn after_manner_adjunct(&self, from: usize, end: usize) -> Option<usize> {
        let mut at = from;
        if matches!(self.word(at), "him" | "her" | "them" | "me" | "us") {
            at += 1;
        }
        while at < end && self.is_manner_adverb(at) {
            at += 1;
        }
        if matches!(self.word(at), "for" | "outside" | "behind" | "inside")
            && self.token(at + 1).is_some_and(is_word)
            && !contains(words::DETERMINERS, self.word(at + 1))
        {
            at += 2;
        }
        (at > from && matches!(self.word(at), "that" | "whether")).then_some(at)
    }

    fn is_manner_adverb(&self, at: usize) -> bool {
        let word = self.word(at);
        word.len() > 4 && word.ends_with("ly") && !matches!(word, "early" | "only" | "family")
            || matches!(
                word,
                "instead" | "again" | "also" | "still" | "once" | "later"
            )
    }

    /// `X made the claim that …`, `X’s claim that …`.
    fn noun_cue(&self, sentence: &Sentence, cue_start: usize, cue_end: usize) -> Option<Found> {
        let (start, end) = sentence.tokens;
        // "X's claim that …" keeps "that" in the content as verbs do; "her criticism of A" and
        // "their plan to B" do not keep the preposition.
        let content_start = match self.word(cue_end) {
            "that" => cue_end,
            // "his remarks to the panel": "to" before a noun phrase names the audience.
            "to" if contains(words::DETERMINERS, self.word(cue_end + 1)) => return None,
            "of" | "for" | "to" => cue_end + 1,
            _ => return None,
        };
        if content_start >= end {
            return None;
        }
        let mut at = cue_start;
        while at > start && self.is_modifier(at - 1) && !contains(LIGHT_VERBS, self.word(at - 1)) {
            at -= 1;
            if contains(words::DETERMINERS, self.word(at)) {
                break;
            }
        }
        // "The mayor repeated his claim": the subject of a light verb outranks the possessive.
        let light_verb_subject = (at > start && contains(LIGHT_VERBS, self.word(at - 1)))
            .then(|| {
                let verb_at = self.skip_between_backward(start, at - 1);
                self.noun_phrase_backward(start, verb_at)
                    .map(|source_start| (source_start, verb_at))
            })
            .flatten();
        let source = if at > start && self.word(at - 1) == "'s" {
            let owner_end = at - 1;
            let owner_start = self.noun_phrase_backward(start, owner_end)?;
            (owner_start, owner_end)
        } else if let Some(subject) = light_verb_subject {
            subject
        } else if contains(POSSESSIVES, self.word(at)) {
            (at, at + 1)
        } else {
            return None;
        };
        let content = self.content_after(sentence, content_start)?;
        Some(self.new_found(Some(source), SourceHint::Mention, vec![content], 0.8))
    }

    fn is_modifier(&self, index: usize) -> bool {
        let word = self.word(index);
        self.token(index).is_some_and(|t| t.kind == TokenKind::Word)
            && !contains(words::CLAUSE_BREAKS, word)
            && self
                .token(index)
                .is_some_and(|t| !starts_upper(self.text, t))
            || word == "and"
            || word == ","
    }

    /// Skips adverbs and auxiliaries going backwards from `cue_start`; returns the new end.
    fn skip_between_backward(&self, start: usize, cue_start: usize) -> usize {
        let mut at = cue_start;
        loop {
            // "Saab has consistently said": any -ly adverb stands between too.
            while at > start
                && (contains(words::BETWEEN_SOURCE_AND_CUE, self.word(at - 1))
                    || self.is_ly_adverb(at - 1))
            {
                at -= 1;
            }
            // "The ministry on Tuesday denied …": a time phrase between source and verb.
            if at > start + 1 && contains(WEEKDAYS, self.word(at - 1)) && self.word(at - 2) == "on"
            {
                at -= 2;
            } else if at > start && matches!(self.word(at - 1), "yesterday" | "today" | "tonight") {
                at -= 1;
            } else if let Some(phrase) = self.time_phrase_ending_at(start, at) {
                // "Reince Priebus, the GOP chairman, this past week announced …".
                at = phrase;
            } else if at > start + 1
                && self.word(at - 1) == "to"
                && contains(CATENATIVE_VERBS, self.word(at - 2))
            {
                // "Polls continue to show …", "The report goes on to criticise …".
                at -= 2;
            } else if at > start + 2
                && self.word(at - 1) == "to"
                && self.word(at - 2) == "on"
                && matches!(self.word(at - 3), "go" | "goes" | "went" | "going")
            {
                at -= 3;
            } else {
                return at;
            }
        }
    }

    /// "last week", "this past month", "earlier this year" ending just before token `end`:
    /// where the phrase starts.
    fn time_phrase_ending_at(&self, start: usize, end: usize) -> Option<usize> {
        let noun = end.checked_sub(1).filter(|&n| n > start)?;
        if !contains(TIME_NOUNS, self.word(noun)) {
            return None;
        }
        let mut at = noun;
        while at > start
            && matches!(
                self.word(at - 1),
                "this" | "last" | "next" | "past" | "earlier" | "later"
            )
        {
            at -= 1;
        }
        (at < noun).then_some(at)
    }

    /// The noun phrase a relative pronoun at token `who` refers to ("Jeb Bush, who …").
    pub fn relative_antecedent(&self, who: usize) -> Option<(usize, usize)> {
        let end = if who > 0 && self.is_comma(who - 1) {
            who - 1
        } else {
            who
        };
        let sentence_start = self
            .analysis
            .sentences
            .iter()
            .find(|s| s.tokens.0 <= who && who < s.tokens.1)
            .map_or(0, |s| s.tokens.0);
        let mut start = self.noun_phrase_backward(sentence_start, end)?;
        // "The plan angered drivers who …": the antecedent starts after any verb-like cue.
        if let Some(verb) = (start..end).rev().find(|&i| {
            self.lexicon.cue_at(&self.words.slice(i, i + 1)).is_some()
                || self.tagged.proposed.iter().any(|&(s, e)| s <= i && i < e)
        }) {
            start = verb + 1;
        }
        (start < end).then_some((start, end))
    }

    /// "He faces fraud charges, which he denies.": a report whose object is the relative
    /// pronoun before its source is about what the pronoun stands for.
    fn relative_object(&self, source: Option<(usize, usize)>) -> Option<Span> {
        let (source_start, _) = source?;
        let which = source_start.checked_sub(1)?;
        if !matches!(self.word(which), "which" | "that") {
            return None;
        }
        // Where the antecedent cannot be told from the verb before it, the pronoun stands
        // for it, as annotators mark it.
        let (start, end) = self
            .relative_antecedent(which)
            .unwrap_or((which, which + 1));
        Some(self.span_of(start, end))
    }

    /// Start of the noun phrase ending just before `end`, walking back no further than `start`.
    fn noun_phrase_backward(&self, start: usize, end: usize) -> Option<usize> {
        // "On Friday he said": a subject pronoun is the whole phrase.
        if end > start && contains(words::PRONOUNS, self.word(end - 1)) {
            return Some(end - 1);
        }
        let mut at = end;
        let floor = start.max(end.saturating_sub(MAX_SOURCE_TOKENS));
        while at > floor {
            let index = at - 1;
            let Some(token) = self.token(index) else {
                break;
            };
            let word = self.word(index);
            // "Sen. Rand Paul (R-Ky.) said": a parenthetical inside the name is skipped whole.
            if word == ")" {
                if let Some(open) = (index.saturating_sub(8)..index)
                    .rev()
                    .find(|&i| self.word(i) == "(")
                {
                    if open > floor {
                        at = open;
                        continue;
                    }
                }
            }
            // "Ajinomoto Co Inc <AJIN.T> said", "<Magellan Corp> said": wire copy brackets
            // company names and tickers.
            let angle = matches!(word, "<" | ">");
            // "LONDON (Reuters) - Northwind said": a spaced dash ends a dateline.
            let joins = angle
                || matches!(word, "'s" | "." | "&")
                || word == "-" && !(self.is_spaced_hyphen(index) && self.ends_dateline(index))
                || (word == "of" || word == "the" || word == "for") && at < end
                // A plural possessive: "two landlords' groups".
                || word == "'" && at < end && self.word(index.wrapping_sub(1)).ends_with('s')
                // "a spokesman to the prime minister", "adviser to Mr. Clinton".
                || word == "to" && at < end && self.is_role_word(index.wrapping_sub(1))
                // Anonymous sources: "people familiar with the matter", "sources close to him".
                || at < end
                    && matches!(
                        (self.word(index.wrapping_sub(1)), word),
                        ("familiar", "with") | ("close", "to") | ("briefed", "on")
                    )
                || word == "and"
                    && at < end
                    && self.is_nominal_word(index.wrapping_sub(1))
                    && self.is_nominal_word(at)
                // "Traders on social media reported …".
                || matches!(word, "on" | "in")
                    && at < end
                    && self.lexicon.is_speaker_noun(self.word(index.wrapping_sub(1)))
                    && self.word(index.wrapping_sub(1)).ends_with('s');
            let breaks = !is_word(token) || contains(words::CLAUSE_BREAKS, word);
            // "A Marist poll released Tuesday found": a participle and its date stay in.
            let dated_participle = word.ends_with("ed")
                && at < end
                && (at..end)
                    .all(|i| contains(WEEKDAYS, self.word(i)) || self.word(i) == "yesterday");
            // "reports show", "polls suggest": a plural right before the verb is its subject.
            let plural_subject = index + 1 == end && word.ends_with('s') && !word.ends_with("ss");
            // "a study by the council found": the author of a finding stays in its phrase.
            let authored = word == "by" && at < end && {
                let before = self.word(index.wrapping_sub(1));
                contains(FINDING_NOUNS, before) || before.len() > 4 && before.ends_with("ed")
            };
            if !joins && !authored && breaks
                || self.is_finite_cue(index) && !dated_participle && !plural_subject
            {
                break;
            }
            at = index;
        }
        while at < end && matches!(self.word(at), "of" | "for" | "." | "-" | "'s") {
            at += 1;
        }
        if at >= end {
            return None;
        }
        if at == floor && at > start && self.token(at - 1).is_some_and(is_word) {
            // Ran out of room without finding the phrase's start: keep only its head.
            return Some(self.head_of(at, end));
        }
        Some(at)
    }

    /// "A regional manager who worked for Brookhaven until 2023 said": the phrase before the
    /// cue ends a restrictive relative clause; the source starts with the noun the clause
    /// describes. The start of that noun's phrase, if there is one.
    fn restrictive_relative_head(&self, start: usize, phrase_start: usize) -> Option<usize> {
        let floor = start.max(phrase_start.saturating_sub(15));
        let who = (floor..phrase_start)
            .rev()
            .take_while(|&i| !self.is_comma(i) && !self.is_finite_cue(i))
            .find(|&i| matches!(self.word(i), "who" | "that"))?;
        if who == 0 || !self.is_role_word(who - 1) && !self.is_nominal_word(who - 1) {
            return None;
        }
        self.noun_phrase_backward(start, who)
            .filter(|&s| s == start || self.is_boundary_before(s - 1))
    }

    /// A lowercase word ending in "-ly" ("consistently", "publicly"), not one of the few nouns
    /// and adjectives spelled so.
    fn is_ly_adverb(&self, index: usize) -> bool {
        let word = self.word(index);
        word.len() > 4
            && word.ends_with("ly")
            && !contains(LY_NOT_ADVERBS, word)
            && self
                .token(index)
                .is_some_and(|t| t.kind == TokenKind::Word && !starts_upper(self.text, t))
    }

    /// "A letter sent to Martin Mubanga said": the phrase before the cue is the object of a
    /// participle describing the source; the source starts with the noun the participle follows.
    fn participle_head(&self, start: usize, phrase_start: usize) -> Option<usize> {
        let preposition = phrase_start.checked_sub(1)?;
        let participle = preposition.checked_sub(1)?;
        let word = self.word(participle);
        // "A fund manager accused of defrauding investors told": a cue as a participle after
        // the noun it describes.
        let reduced_relative = matches!(self.word(preposition), "of" | "with")
            && participle > 0
            && self.is_nominal_word(participle - 1);
        let is_participle = word.len() > 2
            && (word.ends_with("ed") || word.ends_with("en") || word == "sent")
            && (!self.is_finite_cue(participle) || reduced_relative);
        if participle <= start
            || !(matches!(self.word(preposition), "to" | "by" | "from") || reduced_relative)
            || !is_participle
        {
            return None;
        }
        self.noun_phrase_backward(start, participle)
            .filter(|&s| s < participle)
    }

    /// A noun for a speaker or a one-word role ("spokesman", "adviser", "minister").
    fn is_role_word(&self, index: usize) -> bool {
        let word = self.word(index);
        self.lexicon.is_speaker_noun(word)
            || self
                .lexicon
                .role_at(&[word])
                .is_some_and(|role| role.len == 1)
    }

    /// A name or speaker noun, the kind of word "and" joins inside a source ("teachers and union officials").
    fn is_nominal_word(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| t.kind == TokenKind::Word && starts_upper(self.text, t))
            || self.lexicon.is_speaker_noun(self.word(index))
            // "he and Mr. Allen said".
            || matches!(self.word(index), "he" | "she" | "we" | "they")
    }

    /// The trailing proper name or determiner phrase of an over-long stretch.
    fn head_of(&self, start: usize, end: usize) -> usize {
        let mut at = end;
        while at > start
            && self
                .token(at - 1)
                .is_some_and(|t| starts_upper(self.text, t) || self.word(at - 1) == ".")
        {
            at -= 1;
        }
        if at == end {
            at = end - 1;
        }
        at
    }

    /// End of the noun phrase starting at `start` (the source after an inverted cue).
    fn noun_phrase_forward(&self, start: usize, end: usize) -> usize {
        if contains(words::PRONOUNS, self.word(start)) {
            return if self.clause_ends_at(start + 1, end) {
                start + 1
            } else {
                start
            };
        }
        let mut at = start;
        while at < end && at < start + MAX_SOURCE_TOKENS {
            let Some(token) = self.token(at) else { break };
            let word = self.word(at);
            let joins = matches!(word, "'s" | "." | "-" | "&" | "of" | "the" | "for") && at > start;
            if !joins && (!is_word(token) || contains(words::CLAUSE_BREAKS, word)) {
                break;
            }
            if word == "." && self.is_sentence_final(at, end) {
                break;
            }
            at += 1;
        }
        while at > start && matches!(self.word(at - 1), "of" | "the" | "for" | "-") {
            at -= 1;
        }
        at
    }

    /// Skips the addressee of verbs like "told" ("told reporters that …").
    fn skip_object(&self, sentence: &Sentence, cue_end: usize, cue: &CueMatch) -> usize {
        let (_, end) = sentence.tokens;
        let mut at = cue_end;
        if contains(ADDRESSEE_VERBS, cue.lemma) {
            let object_end = (cue_end..end.min(cue_end + 10))
                .find(|&i| {
                    matches!(self.word(i), "that" | ":" | ",")
                        || self.token(i).is_some_and(is_quote)
                })
                // "told Reuters the concentration was \"low\"": the clause starts at its own
                // subject, before any mark further on.
                .map(|found| {
                    (cue_end + 1..found)
                        .find(|&i| {
                            let word = self.word(i);
                            (contains(words::DETERMINERS, word) || contains(words::PRONOUNS, word))
                                && (self.is_capitalised_word(i - 1)
                                    || contains(ADDRESSEES, self.word(i - 1)))
                        })
                        .unwrap_or(found)
                });
            if let Some(object_end) = object_end {
                at = object_end;
            } else {
                // "told CNN he was …", "told reporters the plan …": a name or a plural addressee.
                let mut object = cue_end;
                while object < end && self.is_capitalised_word(object) {
                    object += 1;
                }
                if object == cue_end && contains(ADDRESSEES, self.word(cue_end)) {
                    object += 1;
                }
                // "told the council her street had …": a determiner and a noun, then the
                // subject of the reported clause.
                if object == cue_end && contains(words::DETERMINERS, self.word(cue_end)) {
                    let mut noun = cue_end + 1;
                    while noun < end.min(cue_end + 4)
                        && self.token(noun).is_some_and(|t| t.kind == TokenKind::Word)
                        && !contains(words::CLAUSE_BREAKS, self.word(noun))
                        && !contains(words::DETERMINERS, self.word(noun))
                        && !contains(words::PRONOUNS, self.word(noun))
                    {
                        noun += 1;
                    }
                    let subject_follows = noun > cue_end + 1
                        && (contains(words::PRONOUNS, self.word(noun))
                            || contains(words::DETERMINERS, self.word(noun)));
                    if subject_follows {
                        object = noun;
                    }
                }
                if object > cue_end && object + 1 < end {
                    at = object;
                }
            }
        }
        while at < end && matches!(self.word(at), ":" | ",") {
            at += 1;
        }
        at
    }

    /// Content from token `from` to the end of the sentence, extended to the end of a quote that
    /// opens inside it and runs on, without the sentence-final punctuation outside quotes.
    fn content_after(&self, sentence: &Sentence, from: usize) -> Option<Span> {
        let (_, end) = sentence.tokens;
        let mut last = end;
        while last > from
            && self
                .token(last - 1)
                .is_some_and(|t| t.kind == TokenKind::Punct)
        {
            last -= 1;
        }
        // "X warned Y, according to a statement": the according-to phrase is its own attribution;
        // "said A, but did not give a figure": the writer goes on about the speaker, not with A.
        // "warned that costs were climbing; the regulator declined to say …": a semicolon
        // before a clause with a report of its own starts the writer's next sentence.
        let next_report = |semicolon: usize| {
            (semicolon + 1..last.min(semicolon + 8)).any(|i| self.starts_verb_cue(i, last))
        };
        if let Some(stop) = (from..last).find(|&i| {
            self.is_comma(i)
                && (self.word(i + 1) == "according" && self.word(i + 2) == "to"
                    || matches!(self.word(i + 1), "but" | "and")
                        && self.continues_the_subject(i + 2)
                    || self.opens_writers_aside(i + 1))
                || self.word(i) == ";" && !self.inside_quote(i) && next_report(i)
                || self.word(i) == "but" && self.withholds(i + 1) && !self.inside_quote(i)
                // "defends rent cap as opposition demands audit": a second report joined by "as".
                || self.word(i) == "as"
                    && i > from
                    && !self.inside_quote(i)
                    && (i + 2..last.min(i + 4)).any(|v| self.starts_verb_cue(v, last))
                    && self.token(i + 1).is_some_and(|t| is_word(t) && !self.is_finite_cue(i + 1))
        }) {
            last = stop;
            while last > from && self.is_comma(last - 1) {
                last -= 1;
            }
        }
        if last <= from {
            return None;
        }
        let mut span = self.span_of(from, last);
        // A closing mark after the final punctuation belongs to the quote: `… wraps.”`.
        if let Some(region) = self
            .regions_overlapping(span)
            .find(|r| r.span().start >= span.start && r.span().end > span.end)
        {
            span.end = region.span().end;
        }
        Some(span)
    }

    /// `X said:` closing a paragraph: the content is the next paragraph (and bullet items after it).
    fn next_paragraph_content(&self, sentence: &Sentence) -> Option<Vec<Span>> {
        let paragraphs = &self.analysis.paragraphs;
        let current = paragraphs.get(sentence.paragraph)?;
        if current.span.end != sentence.span.end || !self.sentence_ends_with_colon_or_cue(sentence)
        {
            return None;
        }
        let next = paragraphs.get(sentence.paragraph + 1)?;
        let first_token = self.first_token_at_or_after(next.span.start);
        if let Some(region) = self.region_starting_at(first_token) {
            return Some(region.segments.clone());
        }
        let mut contents = vec![next.span];
        if is_bullet(next.span.text(self.text)) {
            contents.extend(
                paragraphs
                    .iter()
                    .skip(sentence.paragraph + 2)
                    .take_while(|p| is_bullet(p.span.text(self.text)))
                    .map(|p| p.span),
            );
        }
        Some(contents)
    }

    fn sentence_ends_with_colon_or_cue(&self, sentence: &Sentence) -> bool {
        let (start, end) = sentence.tokens;
        end > start && matches!(self.word(end - 1), ":" | "that" | "saying")
    }

    /// Quoted regions that no cue claimed: headline quotes and floating quoted paragraphs.
    fn add_unclaimed_regions(&self, found: &mut Vec<Found>) {
        let mut extra = Vec::new();
        let claimed = merge_spans(
            found
                .iter()
                .flat_map(|f| {
                    let source = f.source.map(|(s, e)| self.span_of(s, e));
                    f.contents.iter().copied().chain(source)
                })
                .collect(),
        );
        let paragraphs = &self.analysis.paragraphs;
        for region in self.regions {
            let span = region.span();
            if overlaps_any(&claimed, span) {
                continue;
            }
            let paragraph_index = paragraphs
                .partition_point(|p| p.span.end < span.start)
                .min(paragraphs.len().saturating_sub(1));
            let Some(paragraph) = paragraphs.get(paragraph_index).filter(|p| {
                p.span.contains(Span::new(span.start, span.start)) || p.span.start == span.start
            }) else {
                continue;
            };
            let after = self.first_token_at_or_after(span.end);
            let paragraph_end_token = self.first_token_at_or_after(paragraph.span.end);
            let closes_paragraph = span.end >= paragraph.span.end
                || (after < paragraph_end_token
                    && self.is_terminal_punctuation(after, paragraph_end_token));
            // `Ana Ruiz said the team was hiring. "We want bigger worlds."`: a quotation that
            // is the last sentences of a paragraph goes on from the report before it.
            let ends_paragraph_after_report = paragraph.span.start != span.start
                && closes_paragraph
                && self.starts_sentence(span.start)
                && found.iter().any(|f| {
                    f.source.is_some()
                        && f.cue
                            .is_some_and(|c| paragraph.span.start <= c.start && c.end <= span.start)
                });
            if paragraph.span.start != span.start && !ends_paragraph_after_report {
                continue;
            }
            if closes_paragraph {
                let mut floating =
                    self.new_found(None, SourceHint::Floating, region.segments.clone(), 0.5);
                floating.kind = QuoteKind::Direct;
                floating.paragraph = paragraph_index;
                extra.push(floating);
            } else if matches!(self.word(after), "-" | "—" | "–" | ":") {
                let source_end = self.noun_phrase_forward(after + 1, paragraph_end_token);
                if source_end > after + 1 && source_end == paragraph_end_token {
                    let mut headline = self.new_found(
                        Some((after + 1, source_end)),
                        SourceHint::Mention,
                        region.segments.clone(),
                        0.8,
                    );
                    headline.kind = QuoteKind::Direct;
                    headline.stance = Stance::Assert;
                    headline.paragraph = paragraph_index;
                    extra.push(headline);
                }
            }
        }
        found.extend(extra);
    }

    fn starts_sentence(&self, offset: usize) -> bool {
        let sentences = &self.analysis.sentences;
        sentences
            .get(sentences.partition_point(|s| s.span.start < offset))
            .is_some_and(|s| s.span.start == offset)
    }

    fn is_terminal_punctuation(&self, from: usize, end: usize) -> bool {
        (from..end).all(|i| self.token(i).is_some_and(|t| t.kind == TokenKind::Punct))
    }

    fn stance(&self, cue: &CueMatch, found: &Found) -> Stance {
        if cue.lemma == "call" {
            let content: String = found
                .contents
                .iter()
                .map(|c| c.text(self.text))
                .collect::<Vec<_>>()
                .join(" ");
            let lower = content.to_lowercase();
            if CONCERN_WORDS.iter().any(|w| lower.contains(w)) {
                return Stance::Concern;
            }
            // "called the accusations a monstrous lie": calling a claim false denies it.
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let names_a_claim = words.iter().take(4).any(|w| CLAIM_NOUNS.contains(w));
            let dismissed = words
                .iter()
                .any(|w| DISMISSALS.contains(w) || matches!(*w, "lie" | "lies" | "hoax"));
            if names_a_claim && dismissed {
                return Stance::Deny;
            }
        }
        // "did not respond to requests for comment" reports that nothing was said.
        let no_comment = found.contents.first().is_some_and(|c| {
            let content = c.text(self.text).trim_start_matches("to ").to_lowercase();
            [
                "requests for comment",
                "a request for comment",
                "request for comment",
            ]
            .iter()
            .any(|p| content.starts_with(p))
        });
        // "did not comment on reports that …" is no statement either.
        if no_comment || found.negated && cue.lemma == "comment" {
            return Stance::Other;
        }
        let opening = || {
            let first = found.contents.first().map_or("", |c| c.text(self.text));
            let words: Vec<String> = first
                .split_whitespace()
                .take(8)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                        .to_lowercase()
                })
                .collect();
            words
        };
        // "said it was “deeply alarmed”": a plain report of a state of concern.
        if cue.stance == Stance::Assert && cue.class == CueClass::Speech {
            let words = opening();
            // "said the reports were baseless": calling a claim false denies it.
            if dismisses(&words) && !found.negated {
                return Stance::Deny;
            }
            // "said it had never sent troops", "said its forces do not target civilians": the
            // speaker's side saying it did not do something denies it.
            if denies_own_act(&words) && !found.negated {
                return Stance::Deny;
            }
            // "said the budget was a fraud", "said the minister had lied": calling someone a
            // liar or to blame accuses them.
            if accuses(&words) && !found.negated {
                return Stance::Accuse;
            }
            // "'Any incursion will be met with force,' the minister said": a threat warns.
            let content = found
                .contents
                .iter()
                .map(|c| c.text(self.text).to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            if THREATS.iter().any(|t| content.contains(t)) && !found.negated {
                return Stance::Warn;
            }
            let negated = words.iter().any(|w| w == "not" || w.ends_with("n't"));
            let concerned = words.iter().any(|w| {
                CONCERN_STATES.contains(&w.as_str()) || CONCERN_WORDS.contains(&w.as_str())
            });
            if concerned && !negated {
                return Stance::Concern;
            }
        }
        // "“I would urge anyone who saw it to come forward,” she said": a quotation that opens
        // with its own performative verb says what the speech act is.
        if cue.stance == Stance::Assert && cue.class == CueClass::Speech {
            if let Some(stance) = self.performative_stance(found) {
                return stance;
            }
            if found.kind == QuoteKind::Direct && self.demands(&found.contents) {
                return Stance::Urge;
            }
        }
        // "“Are you really asking this jury to believe that?” the prosecutor continued."
        if matches!(cue.stance, Stance::Assert | Stance::Other)
            && found.kind == QuoteKind::Direct
            && self.only_questions(&found.contents)
        {
            return Stance::Question;
        }
        // "asked the judge to consider a shorter term" is a request, not a question.
        if cue.lemma == "ask" && !self.only_questions(&found.contents) {
            let words = opening();
            let question = words.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "where" | "which"
                )
            });
            if !question && words.iter().take(5).any(|w| w == "to") {
                return Stance::Urge;
            }
        }
        // "pleaded not guilty" is a plea in court, not an appeal: it denies or admits the charge.
        if cue.lemma == "plead" {
            let words = opening();
            let plea = words.iter().take(3).map(String::as_str).collect::<Vec<_>>();
            match plea.as_slice() {
                ["not", "guilty", ..] | ["innocent", ..] => return Stance::Deny,
                ["guilty", ..] | ["no", "contest", ..] => return Stance::Acknowledge,
                _ => {}
            }
        }
        // "vowed to retaliate": a promise of harm is a warning.
        if matches!(cue.lemma, "vow" | "pledge" | "promise" | "swear") {
            let words = opening();
            if words.iter().any(|w| THREAT_WORDS.contains(&w.as_str())) {
                return Stance::Warn;
            }
        }
        cue.stance
    }

    /// Whether a quotation demands: it opens with a plea or an imperative ("Please …", "Do not
    /// wait"), or the speaker's side or the addressee must act ("We must act now", "You need to
    /// shelter in place"). Predictions ("prices should fall") are not demands.
    fn demands(&self, contents: &[Span]) -> bool {
        contents.iter().any(|&content| {
            let mut at = self.first_token_at_or_after(content.start);
            let to = self.first_token_at_or_after(content.end);
            while at < to && self.token(at).is_some_and(is_quote) {
                at += 1;
            }
            let plea = matches!(self.word(at), "please" | "stop" | "don't")
                || self.word(at) == "do" && self.word(at + 1) == "not";
            let obligation = (at..to.saturating_sub(2)).any(|i| {
                let negated = (i.saturating_sub(3).max(at)..i).any(|n| {
                    let word = self.word(n);
                    word == "not" || word.ends_with("n't")
                });
                !negated
                    && matches!(self.word(i), "we" | "you")
                    && (matches!(self.word(i + 1), "must" | "should")
                        || self.word(i + 1) == "need" && self.word(i + 2) == "to"
                        || self.word(i + 1) == "have" && self.word(i + 2) == "to")
            });
            plea || obligation
        })
    }

    /// The stance of "I urge …", "We would strongly condemn …", "I deny …" opening the content.
    fn performative_stance(&self, found: &Found) -> Option<Stance> {
        let first = found.contents.first()?;
        let mut at = self.first_token_at_or_after(first.start);
        while self.token(at).is_some_and(is_quote) {
            at += 1;
        }
        if !matches!(self.word(at), "i" | "we") {
            return None;
        }
        at += 1;
        // "We categorically deny …", "I would strongly urge …".
        while matches!(
            self.word(at),
            "would" | "must" | "again" | "also" | "therefore" | "now"
        ) || self.is_manner_adverb(at)
        {
            at += 1;
        }
        let words = self.words.slice(at, at + MAX_CUE_TOKENS);
        let cue = self.lexicon.cue_at(&words)?;
        (cue.form == VerbForm::Base && !matches!(cue.stance, Stance::Assert | Stance::Other))
            .then_some(cue.stance)
    }

    /// Whether quoted `contents` hold questions only: each ends with a question mark.
    fn only_questions(&self, contents: &[Span]) -> bool {
        !contents.is_empty()
            && contents.iter().all(|c| {
                let inner = c.text(self.text).trim_matches(|ch: char| {
                    ch.is_whitespace()
                        || matches!(
                            ch,
                            '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | ','
                        )
                });
                inner.ends_with('?') && !inner.contains(". ") && !inner.contains("! ")
            })
    }

    fn kind_of(&self, contents: &[Span]) -> QuoteKind {
        let direct = !contents.is_empty()
            && contents
                .iter()
                .all(|&c| self.regions_overlapping(c).any(|r| r.segments.contains(&c)));
        if direct {
            return QuoteKind::Direct;
        }
        let has_quote = contents
            .iter()
            .any(|&c| self.regions_overlapping(c).any(|r| c.overlaps(r.span())));
        if has_quote {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        }
    }
}

/// Words that open a noun phrase set off after a name: its appositive ("…, said Jo Park, the
/// director, …").
const APPOSITIVE_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
];

/// How many of the latest attributions may hold a later span in their content. Contents lie near
/// their cue, so only recent attributions can contain the token being read; bounding the look-back
/// keeps `find` linear on documents with thousands of attributions (it was quadratic).
const CONTENT_LOOKBACK: usize = 64;

/// Whether content opening with `words` dismisses something as false: a copula, then within
/// three words a word of dismissal ("the reports were completely baseless"), with no negation
/// between ("were not false"); or "no truth/basis/foundation".
/// Whether the opening `words` of a report (lowercase) call someone a liar, a fraud or to
/// blame: a copula and, within three words and no negation, an accusation, or "lied".
fn accuses(words: &[String]) -> bool {
    let lied = words
        .iter()
        .any(|w| matches!(w.as_str(), "lied" | "lying" | "cheated"));
    let negated = words.iter().any(|w| is_negation(w));
    let called = words.iter().enumerate().any(|(at, word)| {
        matches!(word.as_str(), "is" | "are" | "was" | "were" | "been")
            && words
                .iter()
                .skip(at + 1)
                .take(3)
                .any(|w| ACCUSATIONS.contains(&w.as_str()))
    });
    (lied || called) && !negated
}

/// What calling someone accuses them of.
const ACCUSATIONS: &[&str] = &[
    "liar",
    "liars",
    "fraud",
    "corrupt",
    "criminal",
    "criminals",
    "guilty",
    "blame",
    "culpable",
    "hypocrite",
    "hypocrites",
    "hypocritical",
    "dishonest",
    "scandal",
    "disgrace",
    "betrayal",
    "cover-up",
    "illegal",
    "unlawful",
    "racist",
];

/// Phrases of threat that make a report a warning.
const THREATS: &[&str] = &[
    "will be met with",
    "would be met with",
    "will face consequences",
    "will face serious consequences",
    "will pay a price",
    "will pay a heavy price",
    "will pay dearly",
    "will not go unpunished",
    "will not be tolerated",
    "will not tolerate",
    "will retaliate",
    "will respond with force",
];

fn dismisses(words: &[String]) -> bool {
    // "that's" and "it's" hold their copula.
    let copula = |word: &str| {
        matches!(word, "is" | "are" | "was" | "were" | "been" | "be")
            || ["that", "it", "this", "which"].iter().any(|stem| {
                word.strip_prefix(stem)
                    .is_some_and(|s| matches!(s, "'s" | "’s"))
            })
    };
    let copula_then_dismissal = words.iter().enumerate().any(|(at, word)| {
        copula(word)
            && words
                .iter()
                .skip(at + 1)
                .take(3)
                .take_while(|w| !is_negation(w))
                .any(|w| DISMISSALS.contains(&w.as_str()))
    });
    // "That's simply not true", "the report was not accurate".
    let not_true = words.iter().enumerate().any(|(at, word)| {
        copula(word)
            && words
                .iter()
                .skip(at + 1)
                .take(3)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|pair| {
                    pair[0] == "not" && matches!(pair[1].as_str(), "true" | "correct" | "accurate")
                })
    });
    let no_grounds = words.windows(2).any(|pair| {
        pair[0] == "no" && matches!(pair[1].as_str(), "truth" | "basis" | "foundation")
    });
    // "There is no side agreement", "there's no evidence of wrongdoing".
    let denied_thing = |word: &str| {
        matches!(
            word,
            "evidence"
                | "agreement"
                | "deal"
                | "plan"
                | "link"
                | "connection"
                | "involvement"
                | "side"
                | "secret"
                | "proof"
                | "record"
                | "cover-up"
        )
    };
    let nothing_there = words.windows(4).any(|four| {
        four[0] == "there"
            && matches!(four[1].as_str(), "is" | "was" | "are" | "were")
            && four[2] == "no"
            && denied_thing(&four[3])
    }) || words.windows(3).any(|three| {
        matches!(three[0].as_str(), "there's" | "there’s")
            && three[1] == "no"
            && denied_thing(&three[2])
    });
    let out_of_context = words
        .windows(3)
        .any(|three| three[0] == "out" && three[1] == "of" && three[2] == "context");
    copula_then_dismissal || not_true || no_grounds || nothing_there || out_of_context
}

/// "not", "never", "cannot" and contracted auxiliaries ("didn't", "won't"; one token each).
/// Whether the opening `words` of a report (lowercase) have the speaker's side ("it", "he",
/// "its forces", "our troops") deny an act: a negated verb in the past or present that is no
/// mental state ("did not know", "had no plans" stay statements) or future ("will not").
fn denies_own_act(words: &[String]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "that")
        .collect();
    let subject_len = match words.first() {
        Some(&("he" | "she" | "it" | "they" | "we" | "i")) => 1,
        // An institution's own ("its forces", "our troops"); "her street" is not her act.
        Some(&("its" | "their" | "our")) => 2,
        _ => return false,
    };
    let rest = words.get(subject_len..).unwrap_or(&[]);
    let negation = rest.iter().take(3).position(|w| {
        matches!(
            *w,
            "never"
                | "didn't"
                | "doesn't"
                | "don't"
                | "hasn't"
                | "haven't"
                | "hadn't"
                | "wasn't"
                | "weren't"
                | "isn't"
                | "aren't"
        ) || *w == "not"
    });
    let Some(at) = negation else {
        return false;
    };
    // "said it had not been consulted": done to the speaker, not denied by them; "did not
    // rule out a recall" keeps it possible.
    if rest.get(at + 1) == Some(&"been") || rest.get(at + 1) == Some(&"rule") {
        return false;
    }
    let before = rest.get(at.wrapping_sub(1)).copied().unwrap_or("");
    let modal = rest.get(..at).unwrap_or(&[]).iter().any(|w| {
        matches!(
            *w,
            "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must"
        )
    }) || matches!(before, "cannot");
    let verb = rest
        .get(at + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|w| !matches!(**w, "been" | "be" | "have" | "ever" | "yet" | "once"))
        .copied()
        .unwrap_or("");
    // After "was not", only a state of taking part denies ("was not involved", "were not
    // responsible"); "are not done" or "is not only about" state something else.
    let copula = matches!(
        rest.get(at.wrapping_sub(1)).copied().unwrap_or(""),
        "is" | "are" | "was" | "were"
    ) || matches!(
        rest.get(at).copied().unwrap_or(""),
        "isn't" | "aren't" | "wasn't" | "weren't"
    );
    let takes_part = verb.ends_with("ed") || contains(PARTAKING, verb);
    !modal && !contains(MENTAL_VERBS, verb) && !verb.is_empty() && (!copula || takes_part)
}

/// What a speaker denies being after "was not": "responsible", "behind", "guilty" …
const PARTAKING: &[&str] = &[
    "responsible",
    "behind",
    "guilty",
    "present",
    "there",
    "part",
    "party",
];

/// Verbs of knowing, wanting and planning: negated, they state a mind, not deny an act.
const MENTAL_VERBS: &[&str] = &[
    "know",
    "knew",
    "known",
    "think",
    "thought",
    "believe",
    "believed",
    "expect",
    "expected",
    "want",
    "wanted",
    "plan",
    "planned",
    "intend",
    "intended",
    "recall",
    "recalled",
    "remember",
    "remembered",
    "see",
    "saw",
    "seen",
    "understand",
    "understood",
    "like",
    "liked",
    "need",
    "needed",
    "wish",
    "hope",
    "hoped",
    "sure",
    "aware",
    "able",
    "yet",
    "going",
    "decide",
    "decided",
];

fn is_negation(word: &str) -> bool {
    matches!(word, "not" | "never" | "cannot") || word.ends_with("n't")
}

/// Whether `span` lies inside the reported content of any attribution found so far.
fn inside_contents(found: &[Found], span: Span) -> bool {
    found
        .iter()
        .rev()
        .take(CONTENT_LOOKBACK)
        .any(|f| f.contents.iter().any(|c| c.contains(span)))
}

fn is_bullet(paragraph: &str) -> bool {
    paragraph.starts_with(['-', '•', '*', '–', '—', '·'])
}

/// Base verbs spelled like common nouns ("a press release", "a roll call").
const NOUN_LIKE_BASE_VERBS: &[&str] = &[
    "release", "call", "present", "view", "object", "plan", "report", "comment", "charge", "claim",
    "warning", "promise", "demand", "request", "order", "hope", "fear", "doubt", "estimate",
    "reply", "answer", "question", "guess", "vow", "pledge", "add", "note", "notice", "protest",
    "signal", "review", "talk",
];

/// Possessive determiners that name the holder of a nominal cue ("her criticism of …").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// Words that open the question after "asked"; "about" opens its topic.
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "what", "who", "whom", "which", "how", "why", "when", "where", "about",
];

/// Cues that report only with a clause, quote or colon after them (see `lacks_reported_clause`).
const CLAUSE_ONLY_CUES: &[&str] = &["continue", "prove", "release", "go on", "laugh"];

/// Headline labels that introduce a story, not a speaker ("The Latest: …").
const EDITORIAL_LABELS: &[&str] = &[
    "the latest",
    "breaking",
    "breaking news",
    "exclusive",
    "watch",
    "update",
    "live",
    "analysis",
    "opinion",
    "editorial",
    "video",
    "photos",
    "listen",
    "read",
    "factbox",
    "explainer",
    "timeline",
    "news guide",
    "note",
    "notes",
    "editor 's note",
    "correction",
    "clarification",
    "disclosure",
    "disclaimer",
    "related",
    "see also",
    "also read",
    "background",
    "interview",
    "q&a",
    "profile",
    "review",
    "obituary",
    "comment",
    "in pictures",
    "in depth",
    "summary",
    "source",
    "sources",
    "photo",
    "credit",
    "warning",
    "advertisement",
];

/// Verbs that take the reporting verb as their infinitive without reporting anything of their
/// own: "continue to show", "tried to portray".
const CATENATIVE_VERBS: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "try",
    "tries",
    "tried",
    "attempt",
    "attempts",
    "attempted",
    "seek",
    "seeks",
    "sought",
    "began",
    "begins",
    "begin",
    "started",
    "starts",
    "appear",
    "appears",
    "appeared",
    "seem",
    "seems",
    "seemed",
    "used",
    "moved",
    "rushed",
    "hastened",
];

/// Words after which a gerund continues the sentence subject's action: ", saying …",
/// "by saying …", "before adding …".
const PARTICIPLE_OPENERS: &[&str] = &[",", "–", "—", "by", "before", "after", "while", "and"];

/// Conjunctions after a comma that open a clause set against the one before.
/// Numbers written out, as prices move by them ("added two cents").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half",
];

/// Documents that find or show things, and name their authors after "by".
const FINDING_NOUNS: &[&str] = &[
    "study",
    "report",
    "poll",
    "survey",
    "analysis",
    "investigation",
    "review",
    "audit",
    "paper",
    "count",
    "tally",
    "estimate",
    "assessment",
    "inquiry",
    "probe",
];

/// Adverbs that focus or place a subject without being part of it ("Even Mr. Peck", "Just
/// recently the Armenians", "Alongside BLM").
const FOCUS_ADVERBS: &[&str] = &[
    "even",
    "just",
    "only",
    "also",
    "now",
    "still",
    "recently",
    "alongside",
    "then",
    "indeed",
    "meanwhile",
    "instead",
    "already",
    "lately",
    "separately",
];

/// Nouns of time that "this", "last", "late" and "early" open adjuncts with.
const TIME_NOUNS: &[&str] = &[
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "season",
    "quarter",
    "decade",
    "century",
    "time",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that open a subordinate clause at the start of a sentence.
const SUBORDINATORS: &[&str] = &[
    "as", "while", "if", "although", "though", "when", "whenever", "because", "since", "after",
    "before", "once", "unless", "whereas", "having", "until",
];

const CONTRAST_CONJUNCTIONS: &[&str] = &["but", "while", "whereas", "yet", "although", "though"];

/// Adverbs between "is" and the gerund of a progressive verb ("is now calling").
const PROGRESSIVE_ADVERBS: &[&str] = &[
    "also",
    "now",
    "still",
    "already",
    "not",
    "n't",
    "openly",
    "publicly",
    "increasingly",
    "repeatedly",
    "again",
    "even",
    "actively",
    "quietly",
];

/// Prepositions that can open a sentence with a gerund clause ("After denying that …, X said").
const GERUND_OPENERS: &[&str] = &[
    "after", "before", "despite", "while", "by", "besides", "since",
];

/// Forms of "be" that make a participle passive.
/// Prepositions that open adjuncts ("said in a video address", "In a statement, …") and never a
/// speaker's noun phrase ("about" and "over" are left out: "about 40% of voters say").
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "from", "to", "with", "for", "by", "after", "before", "through",
    "via", "into", "outside", "inside", "under", "since",
];

/// Verbs of judgement whose passive subject is the one judged: "was accused of", "was praised for".
const JUDGED_IN_PASSIVE: &[&str] = &[
    "accuse",
    "criticise",
    "criticize",
    "blame",
    "condemn",
    "praise",
    "charge",
    "attack",
    "slam",
    "fault",
    "rebuke",
    "denounce",
    "hail",
    "applaud",
    "mock",
    "ridicule",
    "chastise",
    "castigate",
    "lambast",
    "suspect",
    "confirm",
    "report",
    "announce",
    "reveal",
];

/// Verbs whose passive subject is the one spoken to: "was told", "were warned", "was urged".
const ADDRESSED_IN_PASSIVE: &[&str] = &[
    "ask", "tell", "inform", "advise", "assure", "reassure", "remind", "warn", "urge", "order",
    "instruct", "notify", "caution",
];

const BE_FORMS: &[&str] = &["is", "was", "are", "were", "be", "been", "being", "'s"];

/// Adverbs between "was" and a passive participle ("was first reported", "have been widely praised").
const PASSIVE_ADVERBS: &[&str] = &[
    "first",
    "also",
    "not",
    "n't",
    "never",
    "widely",
    "previously",
    "initially",
    "originally",
    "already",
    "later",
    "recently",
    "publicly",
    "repeatedly",
    "roundly",
    "heavily",
    "strongly",
    "sharply",
    "quickly",
    "since",
    "long",
    "ultimately",
    "again",
];

/// Finite auxiliaries and copulas that can follow a subject with a relative clause.
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "did",
    "does", "do", "may", "might", "should", "must",
];

const MODALS: &[&str] = &[
    "would", "could", "will", "might", "may", "should", "must", "can", "shall", "to",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that open a time phrase after "said".
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "on",
    "last",
    "this",
    "earlier",
    "later",
    "recently",
    "late",
    "early",
    "afterward",
    "afterwards",
];

/// Words ending in "-ly" that are nouns, adjectives or verbs.
const LY_NOT_ADVERBS: &[&str] = &[
    "family",
    "italy",
    "ally",
    "rally",
    "supply",
    "assembly",
    "only",
    "early",
    "likely",
    "unlikely",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "quarterly",
    "elderly",
    "friendly",
    "costly",
    "deadly",
    "lonely",
    "lovely",
    "holy",
    "ugly",
    "silly",
    "orderly",
    "scholarly",
    "timely",
    "lively",
    "july",
    "reply",
    "apply",
    "rely",
    "comply",
    "imply",
    "multiply",
    "anomaly",
    "monopoly",
    "bully",
    "belly",
    "jelly",
    "fly",
    "sly",
    "wily",
    "burly",
    "hourly",
    "nightly",
    "manly",
    "womanly",
    "motherly",
    "fatherly",
    "brotherly",
    "sisterly",
    "kindly",
    "curly",
    "surly",
];

/// Sentence adverbs set off by a comma at the start of a sentence.
const DISCOURSE_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "still",
    "again",
    "instead",
    "separately",
    "nevertheless",
    "nonetheless",
    "furthermore",
    "indeed",
    "overall",
    "finally",
    "similarly",
    "likewise",
    "elsewhere",
    "currently",
    "now",
    "then",
    "later",
    "earlier",
    "also",
    "yet",
    "thus",
];

/// Words that make a verb phrase: a phrase holding one is a clause, not an adjunct.
const AUXILIARIES_AND_MODALS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
    "would", "can", "could", "may", "might", "must", "should", "shall", "'s", "'re", "'ll", "'d",
];

/// Prepositions that open an adjunct rather than the content right after a cue.
const LEADING_PREPOSITIONS: &[&str] = &[
    "without",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "in",
    "during",
    "at",
    "on",
    "before",
    "after",
    "with",
    "from",
    "via",
    "through",
    "while",
    "earlier",
    "last",
    "this",
    "late",
    "early",
];

/// Words that open a parenthetical of circumstance between a subject and its verb
/// ("X, for his part, said", "X, speaking to reporters, said").
const PARENTHETICAL_OPENERS: &[&str] = &[
    "for",
    "as",
    "like",
    "unlike",
    "along",
    "alongside",
    "under",
    "among",
    "despite",
    "speaking",
    "writing",
    "appearing",
    "standing",
    "flanked",
    "clad",
    "dressed",
    "wearing",
    "meanwhile",
    "however",
    "too",
    "in",
    "though",
    "instead",
];

/// Verbs whose first object is the addressee, not the content.
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "inform", "assure", "remind", "advise", "notify", "brief", "promise", "warn",
];

/// Common nouns that are the addressee of "told" rather than its content.
const ADDRESSEES: &[&str] = &[
    "reporters",
    "journalists",
    "supporters",
    "lawmakers",
    "voters",
    "students",
    "him",
    "her",
    "them",
    "us",
    "me",
    "police",
    "officials",
    "delegates",
    "parliament",
    "jurors",
    "investors",
    "analysts",
    "senators",
    "mps",
    "legislators",
    "residents",
    "parents",
    "staff",
    "employees",
    "workers",
    "troops",
    "followers",
    "viewers",
    "listeners",
    "donors",
    "colleagues",
    "shareholders",
    "diplomats",
    "members",
];

/// Verbs that carry a nominal cue: "made the claim that".
const LIGHT_VERBS: &[&str] = &[
    "made",
    "make",
    "makes",
    "making",
    "issued",
    "issue",
    "issues",
    "gave",
    "give",
    "gives",
    "repeated",
    "voiced",
    "expressed",
    "raised",
    "reiterated",
    "echoed",
    "offered",
    "put",
];

/// Evaluative words that make "called X …" an expression of concern.
/// Words for a speaker's own state of concern ("said it was deeply alarmed").
const CONCERN_STATES: &[&str] = &[
    "alarmed",
    "concerned",
    "worried",
    "troubled",
    "disturbed",
    "dismayed",
    "appalled",
    "shocked",
    "saddened",
    "worries",
    "fear",
    "fears",
];

/// Verbs of harm that turn a vow into a warning ("vowed to retaliate").
const THREAT_WORDS: &[&str] = &[
    "retaliate",
    "retaliation",
    "avenge",
    "revenge",
    "punish",
    "crush",
    "destroy",
    "annihilate",
    "eliminate",
    "strike",
    "attack",
];

/// Nouns for what someone said, which "called … a lie" denies.
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "report",
    "reports",
    "charge",
    "charges",
    "story",
    "stories",
    "suggestion",
    "suggestions",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
];

/// Words that call a claim false: "said the allegations were groundless".
const DISMISSALS: &[&str] = &[
    "false",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "fabrication",
    "fabrications",
    "nonsense",
    "lies",
    "fake",
    "inaccurate",
    "incorrect",
    "rubbish",
    "slander",
    "disinformation",
    "misinformation",
];

const CONCERN_WORDS: &[&str] = &[
    "disturbing",
    "alarming",
    "troubling",
    "concerning",
    "worrying",
    "worrisome",
    "unacceptable",
    "deplorable",
    "outrageous",
    "irresponsible",
    "dangerous",
    "appalling",
    "shocking",
    "regrettable",
    "provocative",
    "reckless",
    "unjustified",
    "a violation",
    "a threat",
    "deeply",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::quoted_regions;
    use proptest::prelude::*;

    /// Runs `check` on the rules' context for `text`, segmented, with no entities or tagger.
    fn with_context<R>(text: &str, check: impl FnOnce(&Context) -> R) -> R {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(text, &mut analysis);
        let words = Words::new(text, &analysis.tokens);
        let regions = quoted_regions(text, &analysis.paragraphs, &analysis.tokens);
        let region_reach = crate::marks::region_reach(&regions);
        let lexicon = Lexicon::shipped();
        let tagged = Tagged::default();
        let given_names = GivenNames::shipped();
        check(&Context {
            text,
            analysis: &analysis,
            words: &words,
            regions: &regions,
            region_reach: &region_reach,
            lexicon: &lexicon,
            tagged: &tagged,
            given_names: &given_names,
        })
    }

    #[test]
    fn separators_left_by_a_cut_are_trimmed_whole() {
        let text = "the levy is a tax on jobs —, ";
        with_context(text, |context| {
            let trimmed = context.trim_separators(Span::new(0, text.len()));
            assert_eq!(trimmed.text(text), "the levy is a tax on jobs ");
        });
        let text = "prices rose – ";
        with_context(text, |context| {
            let trimmed = context.trim_separators(Span::new(0, text.len()));
            assert_eq!(trimmed.text(text), "prices rose ");
        });
    }

    proptest! {
        /// The binary-searched look-up finds exactly the regions a scan finds, also when an
        /// unpaired mark opens a region around others.
        #[test]
        fn regions_overlapping_agrees_with_a_scan(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("word"), Just("\""), Just("“"), Just("”"), Just("'"), Just("‘"),
                    Just("’"), Just(","), Just("."), Just("\n\n"), Just("Said")
                ],
                0..60,
            ),
        ) {
            let text = pieces.join(" ");
            with_context(&text, |context| {
                let probes = context
                    .analysis
                    .tokens
                    .iter()
                    .map(|t| t.span)
                    .chain((0..text.len()).step_by(7).map(|at| Span::new(at, at)));
                for probe in probes {
                    let found: Vec<Span> =
                        context.regions_overlapping(probe).map(|r| r.span()).collect();
                    let scanned: Vec<Span> = context
                        .regions
                        .iter()
                        .filter(|r| {
                            let span = r.span();
                            span.start < probe.end.max(probe.start + 1) && span.end > probe.start
                        })
                        .map(|r| r.span())
                        .collect();
                    prop_assert_eq!(found, scanned);
                }
                Ok(())
            })?;
        }
    }
}
