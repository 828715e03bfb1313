//! Who said each quote: the reporting clause next to it (`"…," X said`, `"…," said X`,
//! `X said: "…"`, `according to X`), a pronoun resolved to the person the text is about
//! (`"…," he added`), a description resolved through roles (`the Ukrainian leader`), a
//! paragraph that continues an attributed quote, or a headline's `…: Name`.
//!
//! A wrong speaker is worse than none: every rule returns nothing when the words do not
//! fit, and the quote keeps a null speaker.

use std::cell::OnceCell;

use super::cues::{self, Pronoun};
use super::gender::{Gender, Genders};
use super::marks::Marked;
use crate::extract::doc::EntityDraft;
use crate::extract::entities::credits::is_credit_line;
use crate::extract::entities::index::MentionIndex;
use crate::extract::entities::lists::coordinated;
use crate::extract::entities::words::{self, LazyWords, Word};
use crate::extract::places;
use crate::extract::roles::lexicon;
use crate::extract::text::TextLayer;
use crate::record::{EntityType, Field};

/// The speaker and cue found for one quote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attribution {
    /// Index of the speaker's entity draft.
    pub entity: Option<usize>,
    /// The speaker's name: the entity's name, or a description when no entity fits.
    pub name: Option<String>,
    pub cue: Option<String>,
    pub partial: bool,
}

/// How far an attribution may sit from its quote, in words.
const MAX_SUBJECT_WORDS: usize = 12;

/// Most unattributed phrases a "he" or "she" looks past, back to a described speaker
/// ([`Ctx::described_speaker_before`]): a sentence quotes a handful of phrases at most.
const MAX_WAITING_PHRASES: usize = 8;
const MAX_AFTER_WORDS: usize = 30;
/// Most words of a name signing a quote after a dash ("— Sen. Bernie Sanders").
const MAX_SIGNATURE_WORDS: usize = 6;
/// Most words before the colon of a transcript line ("Former secretary of state Hillary
/// Rodham Clinton: “…”").
const MAX_LABEL_WORDS: usize = 10;
/// Marks that set a signature off from its quote.
const DASHES: &[char] = &['-', '—', '–'];
/// How many paragraphs back a pronoun looks for the person it stands for. This and the next
/// were chosen on the PolNeAR development articles (200 political news stories; the
/// data stays out of the repository): 3 and 2 beat 2/1, 4/1 and 3/3 there.
const PRONOUN_PARAGRAPHS: usize = 3;
/// How many paragraphs back an unattributed whole-paragraph quote looks for its speaker.
const WHOLE_PARAGRAPH_PARAGRAPHS: usize = 2;

/// Words that may stand between a subject and its verb ("he also said").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "further"
            | "once"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "was"
            | "is"
            | "recently"
            | "repeatedly"
            | "often"
            | "earlier"
            | "first"
            | "simply"
            | "just"
            | "flatly"
            | "publicly"
            | "privately"
            | "famously"
            | "bluntly"
            | "reportedly"
            | "allegedly"
            | "even"
            | "still"
            | "never"
            | "ultimately"
            | "finally"
    )
}

/// Words that open a clause with its own subject ("after Clinton argued", "as Smith put
/// it"); most double as prepositions ("after the debate").
fn is_conjunction(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "after"
            | "before"
            | "when"
            | "while"
            | "as"
            | "since"
            | "because"
            | "until"
            | "once"
            | "though"
            | "although"
            | "whereas"
    )
}

/// Nouns that name a kind of body and end (or open) its proper name: "the ministry" is the
/// Foreign Ministry named before, "the bank" Deutsche Bank.
fn is_body_noun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "ministry"
            | "department"
            | "agency"
            | "bank"
            | "party"
            | "court"
            | "commission"
            | "committee"
            | "council"
            | "university"
            | "union"
            | "company"
            | "corporation"
            | "group"
            | "office"
            | "institute"
            | "foundation"
            | "association"
            | "organisation"
            | "organization"
            | "federation"
            | "league"
            | "club"
            | "board"
            | "authority"
            | "service"
            | "bureau"
            | "fund"
            | "airline"
            | "airways"
    )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "to" | "of"
            | "for"
            | "with"
            | "by"
            | "at"
            | "from"
            | "about"
            | "in"
            | "on"
            | "against"
            | "into"
            | "toward"
            | "towards"
            | "than"
            | "like"
            | "between"
            | "among"
            | "under"
            | "over"
            | "after"
            | "before"
            | "during"
            | "without"
            | "via"
            | "per"
    )
}

/// The spans the quotes cover (opening mark to closing mark, or to the end of the quoted
/// text when unclosed), answering "is this position inside any of them?" in O(log n). A scan
/// of every quote for every word was O(words × quotes): minutes for 100,000 quote marks.
///
/// Spans sorted by start, each with the furthest end of it and all before it: a position is
/// covered exactly when the furthest end among the spans starting at or before it lies
/// beyond it, overlapping or nested spans included.
struct Covered {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl Covered {
    fn new(marked: &[Marked]) -> Covered {
        Covered::from_spans(
            marked
                .iter()
                .map(|m| (m.open, m.close_end.unwrap_or(m.end)))
                .collect(),
        )
    }

    /// From `(start, end)` pairs, end exclusive, in any order.
    fn from_spans(mut spans: Vec<(usize, usize)>) -> Covered {
        spans.sort_unstable();
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|&(_, end)| {
                furthest = furthest.max(end);
                furthest
            })
            .collect();
        Covered {
            starts: spans.into_iter().map(|(start, _)| start).collect(),
            reach,
        }
    }

    fn contains(&self, pos: usize) -> bool {
        let n = self.starts.partition_point(|&s| s <= pos);
        n > 0 && self.reach[n - 1] > pos
    }
}

/// An entity a pronoun may stand for: (byte position, paragraph, entity).
type Antecedent = (usize, usize, usize);

/// Speakers or sentence subjects a pronoun may refer back to, one list per kind of pronoun
/// they fit, each sorted by position (then entity): the latest before a quote is one binary
/// search away. Rescanning every earlier speaker for every pronoun was O(quotes²): minutes
/// for an article of 100,000 "“…,” she said".
#[derive(Debug, Clone, Default)]
struct Antecedents {
    /// People, for "he", "she", "they" said of a person.
    persons: Vec<Antecedent>,
    /// The people of `persons` known to be men, and women.
    men: Vec<Antecedent>,
    women: Vec<Antecedent>,
    /// Organisations and places, for "it".
    things: Vec<Antecedent>,
    /// People whose thing opened a sentence no one else was the subject of ("Ban's term
    /// expires"): for "he" or "she" only when `persons` has no one in reach.
    possessors: Vec<Antecedent>,
}

impl Antecedents {
    fn push(&mut self, a: Antecedent, entities: &[EntityDraft], genders: &Genders<'_, '_>) {
        let Some(d) = entities.get(a.2) else {
            return;
        };
        match d.kind {
            EntityType::Misc => {}
            EntityType::Person => {
                insert_sorted(&mut self.persons, a);
                match genders.get(a.2) {
                    Some(Gender::Male) => insert_sorted(&mut self.men, a),
                    Some(Gender::Female) => insert_sorted(&mut self.women, a),
                    None => {}
                }
            }
            EntityType::Organization | EntityType::Location => insert_sorted(&mut self.things, a),
        }
    }

    /// The latest of `list` (by position, then entity) before byte `pos`.
    fn last_before(list: &[Antecedent], pos: usize) -> Option<Antecedent> {
        let n = list.partition_point(|&(p, _, _)| p < pos);
        n.checked_sub(1).map(|i| list[i])
    }
}

/// Inserts keeping `list` sorted; O(1) for the usual append in text order.
fn insert_sorted(list: &mut Vec<Antecedent>, a: Antecedent) {
    let at = list.partition_point(|x| *x <= a);
    list.insert(at, a);
}

/// A possible speaker before it is resolved.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Entity(usize),
    Named(String),
    Pronoun(Pronoun),
    Description(String),
}

struct Ctx<'c, 'a> {
    layer: &'c TextLayer<'a>,
    text: &'a str,
    index: &'c MentionIndex,
    entities: &'c [EntityDraft],
    marked: &'c [Marked],
    /// The text the quotes cover, for [`Ctx::inside_quote`].
    covered: Covered,
    /// The words of each paragraph, scanned when first needed (quotes sit in a few).
    lazy: LazyWords<'c, 'a>,
    /// Positions of attributed speakers, for pronouns: (byte, paragraph, entity).
    events: Antecedents,
    /// Positions of sentence subjects per paragraph, likewise; found only for the
    /// paragraphs a pronoun looks back over.
    subjects: Vec<OnceCell<Antecedents>>,
    /// The gender of each entity where the article shows it.
    genders: &'c Genders<'c, 'a>,
}

/// Finds the speaker of every quote in `marked` (the quotes of `layer`, in text order).
pub fn attribute(
    layer: &TextLayer<'_>,
    index: &MentionIndex,
    entities: &[EntityDraft],
    genders: &Genders<'_, '_>,
    marked: &[Marked],
) -> Vec<Attribution> {
    let mut ctx = Ctx {
        layer,
        text: layer.text,
        index,
        entities,
        marked,
        covered: Covered::new(marked),
        lazy: LazyWords::new(layer),
        events: Antecedents::default(),
        subjects: vec![OnceCell::new(); layer.paragraphs.len()],
        genders,
    };
    let headline = (layer.field == Field::Title)
        .then(|| ctx.headline_speaker())
        .flatten();
    let mut out: Vec<Attribution> = Vec::with_capacity(marked.len());
    // Quotes that are transcript lines, each naming its own speaker.
    let mut labelled = vec![false; marked.len()];
    // Quotes that are names of works or slogans, no one's words.
    let mut titled = vec![false; marked.len()];
    for (i, m) in marked.iter().enumerate() {
        let partial = ctx.is_partial(i);
        if partial && layer.field == Field::Body && ctx.looks_like_title(m) {
            // “The Lead with Jake Tapper”, “Make America Great Again”: a name of a work or
            // a slogan, not something anyone said here.
            titled[i] = true;
            out.push(Attribution {
                partial,
                ..Attribution::default()
            });
            continue;
        }
        // "“RAMOS: Secretary Clinton, did you …": a transcript quoted line by line names its
        // speaker itself, whoever the writer's sentences were about.
        if let Some(label) = transcript_label(&ctx.text[m.start..m.end]) {
            labelled[i] = true;
            let mut a = Attribution {
                partial,
                ..Attribution::default()
            };
            if let Some(e) = ctx.entity_by_last_name(&label) {
                a.entity = Some(e);
                a.name = Some(entities[e].name.clone());
                ctx.events.push((m.open, m.para, e), entities, genders);
            }
            out.push(a);
            continue;
        }
        // "“…,” the Spaniard said": decided here, resolved or not; never by the fallbacks
        // below, whose last subject may be the other player.
        let nationality = if partial {
            None
        } else {
            ctx.nationality_after(i)
        };
        let found = if partial {
            ctx.before(i)
                .or_else(|| ctx.after(i))
                .or_else(|| ctx.before_sentence(i))
        } else if let Some(found) = nationality.clone() {
            found
        } else {
            ctx.after(i)
                .or_else(|| ctx.statement_author(i))
                .or_else(|| ctx.before(i))
                .or_else(|| ctx.signed_below(i))
                .or_else(|| ctx.before_sentence(i))
        };
        let mut a = Attribution {
            partial,
            ..Attribution::default()
        };
        if let Some((who, cue)) = found {
            if let Who::Pronoun(Pronoun::Person(_)) = who
                && let Some(prev) = ctx.described_speaker_before(i, &out)
            {
                // "“…,” the Republican candidate said. ¶ “…,” he said.": he is that
                // candidate, whom no name in the text stands for; not an earlier name.
                a.name = out[prev].name.clone();
                a.cue = Some(cue);
            } else if let Some((entity, name)) = ctx.resolve(&who, m) {
                a.entity = entity;
                a.name = Some(name);
                a.cue = Some(cue);
            }
        } else if nationality.is_some() || ctx.unrecognised_speaker_after(i) {
            // "“…,” the narrator says": the quote names its own speaker, one that is
            // neither a person nor a description this module knows; no guess then.
        } else if let Some((entity, name)) = &headline {
            a.entity = *entity;
            a.name = Some(name.clone());
        } else if let Some(prev) = ctx.continued_from(i, partial, &out) {
            a.entity = out[prev].entity;
            a.name = out[prev].name.clone();
            a.cue = out[prev].cue.clone();
        } else if !partial
            && ctx.whole_paragraph(i)
            && let Some(e) = ctx.recent(Pronoun::Person(None), m, WHOLE_PARAGRAPH_PARAGRAPHS)
        {
            // A paragraph that is only a quote, right after one about a person: theirs.
            a.entity = Some(e);
            a.name = Some(entities[e].name.clone());
        } else if !partial
            && ctx.opens_sentence(i)
            && let Some(e) = ctx.recent(Pronoun::Person(None), m, 0)
        {
            // "Clinton touted her record. “We need …”": a quote that is a sentence of its
            // own after one about a person in the same paragraph.
            a.entity = Some(e);
            a.name = Some(entities[e].name.clone());
        }
        // Whoever asks a question is not the "he" of the answer that follows: the one asked
        // is, and the sentence's subject stands for them.
        let asked = matches!(a.cue.as_deref(), Some("asked" | "asks" | "ask"));
        if let Some(e) = a.entity
            && !asked
        {
            ctx.events.push((m.open, m.para, e), entities, genders);
        }
        out.push(a);
    }
    // A quote over several paragraphs is often attributed only at its end; not a
    // transcript's lines.
    for i in (1..marked.len()).rev() {
        if marked[i].continues
            && out[i - 1].name.is_none()
            && out[i].name.is_some()
            && !labelled[i - 1]
            && !labelled[i]
        {
            out[i - 1].entity = out[i].entity;
            out[i - 1].name = out[i].name.clone();
            out[i - 1].cue = out[i].cue.clone();
        }
    }
    // "Guns are “the ultimate public health crisis” and “stunt children’s growth,” Dean
    // said": phrases joined by "and", "or" or a comma in one sentence share their speaker,
    // who is named once, after the last.
    for i in (0..marked.len().saturating_sub(1)).rev() {
        let (a, b) = (&marked[i], &marked[i + 1]);
        let skip = |k: usize| labelled[k] || titled[k];
        if a.para != b.para
            || !out[i].partial
            || !out[i + 1].partial
            || out[i].name.is_some()
            || out[i + 1].name.is_none()
            || skip(i)
            || skip(i + 1)
        {
            continue;
        }
        let Some(close) = a.close_end.filter(|&c| c <= b.open) else {
            continue;
        };
        let between = &ctx.text[close..b.open];
        let joined = coordinated(between)
            || (between.trim().is_empty() && ctx.text[a.start..a.end].ends_with(','))
            || ctx.attributed_after_in_one_sentence(a, b, between, out[i + 1].cue.as_deref());
        if joined {
            out[i].entity = out[i + 1].entity;
            out[i].name = out[i + 1].name.clone();
            out[i].cue = out[i + 1].cue.clone();
        }
    }
    out
}

impl Ctx<'_, '_> {
    /// The words within `start..end`, a range inside one paragraph.
    fn words(&self, start: usize, end: usize) -> &[Word] {
        self.lazy.within(start, end)
    }

    /// Whether `ws[k]` ends a sentence: a full stop, question or exclamation mark (or a
    /// semicolon) not followed by a closing parenthesis or a lower-case word ("(D-Nev.)
    /// told").
    fn ends_sentence(&self, ws: &[Word], k: usize) -> bool {
        match self.t(&ws[k]) {
            ";" => true,
            "." | "?" | "!" => ws.get(k + 1).is_none_or(|n| {
                let t = self.t(n);
                !matches!(t, ")" | "," | "]") && !t.chars().next().is_some_and(char::is_lowercase)
            }),
            _ => false,
        }
    }

    /// Fundraising was “stagnant for a month” as donors waited to see how a “turbulent
    /// cycle” played out, he said: a speaker named after the sentence's last quote said the
    /// whole sentence, so its earlier phrases too. Only when quote `a` does not end its own
    /// sentence, no reporting verb or sentence break stands `between` them, and `b`'s cue
    /// comes after it.
    fn attributed_after_in_one_sentence(
        &self,
        a: &Marked,
        b: &Marked,
        between: &str,
        cue: Option<&str>,
    ) -> bool {
        let Some(cue) = cue else {
            return false;
        };
        if self.text[a.start..a.end].ends_with(['.', '!', '?']) {
            return false;
        }
        let after = &self.text[b.close_end.unwrap_or(b.end).min(self.text.len())..];
        let sentence_rest = after.split(['.', '!', '?', '\n']).next().unwrap_or("");
        let words_of = |s| {
            str::split(s, |c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .collect::<Vec<&str>>()
        };
        let cue_words = words_of(cue);
        !cue_words.is_empty()
            && words_of(sentence_rest)
                .windows(cue_words.len())
                .any(|w| w == cue_words.as_slice())
            && !between.contains(['.', '!', '?', ';', ':', '\n'])
            && !words_of(between).iter().any(|w| cues::is_verb(w))
    }

    /// Whether `ws[k]` is the comma of ", but", where a new clause and subject start.
    fn but_clause_at(&self, ws: &[Word], k: usize) -> bool {
        self.t(&ws[k]) == "," && ws.get(k + 1).is_some_and(|n| self.t(n) == "but")
    }

    /// Whether the noun after the possessive at `end` in `ws` is a thing, not a person the
    /// possessor has ("Trump's campaign manager said" is not Trump speaking): the first word
    /// after the "'s" is no speaker noun and no capitalised name.
    fn possessed_thing(&self, ws: &[Word], end: usize) -> bool {
        let mut after = ws.iter().filter(|w| w.start >= end).skip_while(|w| {
            let t = self.t(w);
            !words::is_wordlike(t) || matches!(t, "s" | "S" | "'s" | "’s")
        });
        after.next().is_some_and(|w| {
            let t = self.t(w);
            t.starts_with(|c: char| c.is_lowercase()) && !cues::is_speaker_noun(t)
        })
    }

    fn t(&self, w: &Word) -> &str {
        w.text(self.text)
    }

    /// Whether `ws[j]` is a reporting verb where it stands: by the word before it (see
    /// [`cues::is_cue`]) and the word after it ("that fact speaks volumes" reports nothing).
    fn is_cue_at(&self, ws: &[Word], j: usize) -> bool {
        let after = ws.get(j + 1).map(|n| self.t(n));
        cues::is_cue(self.t(&ws[j]), j.checked_sub(1).map(|p| self.t(&ws[p])))
            && !cues::is_idiom(self.t(&ws[j]), after)
            && !cues::modifies_title(self.t(&ws[j]), after)
    }

    /// Whether `pos` lies within a quote, its marks included (an unclosed quote runs to its
    /// text's end).
    fn inside_quote(&self, pos: usize) -> bool {
        self.covered.contains(pos)
    }

    fn para_bounds(&self, m: &Marked) -> (usize, usize) {
        let p = &self.layer.paragraphs[m.para];
        (p.start, p.end)
    }

    /// The start of the clause the quote's opening mark sits in: after the last sentence end
    /// before it in the paragraph, or after the previous quote of the paragraph.
    fn clause_before(&self, i: usize) -> (usize, &[Word]) {
        let m = &self.marked[i];
        let (pstart, _) = self.para_bounds(m);
        let mut start = pstart;
        if i > 0 {
            let p = &self.marked[i - 1];
            if p.para == m.para {
                start = p.close_end.unwrap_or(p.end);
            }
        }
        let ws = self.words(start, m.open);
        let cut = (0..ws.len())
            .rev()
            .find(|&k| self.ends_sentence(ws, k))
            .map_or(0, |k| k + 1);
        let clause_start = ws.get(cut).map_or(m.open, |w| w.start);
        (clause_start.min(m.open), &ws[cut..])
    }

    /// The words after the closing mark up to the end of the sentence or the next quote.
    fn clause_after(&self, i: usize) -> &[Word] {
        let m = &self.marked[i];
        let Some(close) = m.close_end else {
            return &[];
        };
        let (_, pend) = self.para_bounds(m);
        let mut end = pend;
        if let Some(n) = self.marked.get(i + 1)
            && n.para == m.para
        {
            end = n.open;
        }
        let ws = self.words(close, end.max(close));
        let stop = (0..ws.len())
            .find(|&k| self.ends_sentence(ws, k))
            .unwrap_or(ws.len());
        &ws[..stop.min(MAX_AFTER_WORDS)]
    }

    /// A quote woven into the writer's sentence ("said he had a “good conversation” with")
    /// rather than one that stands as what someone said.
    fn is_partial(&self, i: usize) -> bool {
        let m = &self.marked[i];
        let (_, clause) = self.clause_before(i);
        let inner = &self.text[m.start..m.end];
        let starts_upper = inner.chars().next().is_some_and(char::is_uppercase);
        let wordlike: Vec<&str> = clause
            .iter()
            .map(|w| self.t(w))
            .filter(|t| words::is_wordlike(t))
            .collect();
        let before_full = if wordlike.is_empty() {
            true
        } else {
            let last_mark = clause.last().map(|w| self.t(w));
            let last_word = wordlike.last().copied().unwrap_or("");
            let cue_before = cues::is_verb(last_word)
                || (last_word == "that" && starts_upper)
                || (wordlike.len() >= 2 && wordlike[wordlike.len() - 2..] == ["according", "to"]);
            last_mark == Some(":") || (cue_before && starts_upper)
        };
        if !before_full {
            return true;
        }
        // A full-looking start, but the sentence goes on in the writer's words
        // ("“Good” talks with …").
        // The comma before the closing mark is not part of `inner` ("“We will,” the mayor
        // said"), so it is read from what lies between the text and the mark; but not in a
        // list of quoted titles ("roles in “Big,” “Apollo 13,” and …").
        let inside_tail = m.close_end.map_or("", |c| &self.text[m.end..c]);
        let listed = || {
            self.text[self.para_bounds(m).0..m.open]
                .trim_end()
                .ends_with(['"', '”', ','])
        };
        let ends_clause = inner.ends_with(['.', '?', '!', ',', '…', '—', '-'])
            || (inside_tail.trim_start().starts_with(',') && !listed())
            || {
                let after_mark = m.close_end.map_or("", |c| &self.text[c..]);
                after_mark
                    .trim_start()
                    .starts_with([',', '.', '?', '!', ':', ';', '—', '–'])
            };
        if ends_clause || m.close_end.is_none() {
            return false;
        }
        let after = self.clause_after(i);
        match after.first() {
            None => false,
            Some(w) => {
                let t = self.t(w);
                words::is_wordlike(t)
                    && !cues::is_verb(t)
                    && cues::pronoun(t).is_none()
                    && !words::is_capitalized(t)
                    && self.index.at(self.layer.field, w.start).is_none()
            }
        }
    }

    /// `"…," X said`, `"…," said X`, `"…," according to X`.
    fn after(&self, i: usize) -> Option<(Who, String)> {
        let m = &self.marked[i];
        let ws = self.words_after(i);
        let inner = &self.text[m.start..m.end];
        let full_stop = inner.ends_with('.');
        let ends_sentence = inner.ends_with(['.', '!', '?']);
        // "according to X"
        if let [a, b, rest @ ..] = ws
            && self.t(a).eq_ignore_ascii_case("according")
            && self.t(b) == "to"
        {
            return self
                .subject_after(rest)
                .map(|who| (who, "according to".to_string()));
        }
        let first = ws.first()?;
        // "… “leading from behind” and Donald Trump says …": another clause, another
        // speaker.
        if matches!(
            self.t(first),
            "and" | "but" | "or" | "while" | "as" | "when" | "because" | "so" | "whereas"
        ) {
            // But a quote that opens its sentence can be attributed at the sentence's end:
            // "“There's a sense of stability now,” and donations began to pick up, Gilbert
            // said."
            let before = self.clause_before(i).1;
            let starts_sentence = !before.iter().any(|w| words::is_wordlike(self.t(w)));
            // Nor does a phrase in a sentence with no one before it to have said it:
            // "Couple global exposure with a “candidate who is a lightning rod” and
            // Clevelanders get nervous, said Christine Link".
            let nobody_before = || {
                !before.iter().any(|w| {
                    cues::pronoun(self.t(w)).is_some()
                        || self.index.at(self.layer.field, w.start).is_some_and(|l| {
                            matches!(l.kind, EntityType::Person | EntityType::Organization)
                        })
                })
            };
            if !(starts_sentence || nobody_before()) || ws.len() < 3 {
                return None;
            }
            // "…, said Christine Link, executive director of …": the speaker after the verb,
            // the last reporting verb of the sentence.
            if let Some(k) = ws.windows(2).rposition(|p| {
                let verb = self.t(&p[1]);
                self.t(&p[0]) == "," && cues::is_verb(verb) && cues::takes_subject_after(verb)
            }) && !ws[k + 2..].iter().any(|w| cues::is_verb(self.t(w)))
                && let Some(who @ (Who::Entity(_) | Who::Named(_))) =
                    self.subject_after(&ws[k + 2..])
            {
                return Some((who, self.t(&ws[k + 1]).to_string()));
            }
            let c = ws.len() - 1;
            let cue = self.t(&ws[c]);
            let comma = ws[..c].iter().rposition(|w| self.t(w) == ",")?;
            if !cues::is_cue(cue, Some(self.t(&ws[c - 1]))) || c - comma - 1 > 4 {
                return None;
            }
            return self
                .subject_before_cue(&ws[comma + 1..c])
                .map(|who| (who, cue.to_string()));
        }
        if cues::is_cue(self.t(first), None) {
            if !cues::takes_subject_after(self.t(first)) {
                return None;
            }
            let who = self.subject_after(&ws[1..])?;
            return Some((who, self.t(first).to_string()));
        }
        if ends_sentence && let Some(found) = self.quote_from(ws) {
            return Some(found);
        }
        // "“…,” he went on.": the one reporting phrase of two words.
        let went_on =
            |j: usize| self.t(&ws[j]) == "went" && ws.get(j + 1).is_some_and(|n| self.t(n) == "on");
        let Some(cue) = (0..ws.len()).position(|j| self.is_cue_at(ws, j) || went_on(j)) else {
            // "“…” — Bernie Sanders": a dash and a name signing the quote.
            let dashed = self.marked[i].close_end.is_some_and(|c| {
                self.text[c..first.start]
                    .trim_start_matches([' ', ','])
                    .starts_with(DASHES)
            });
            return dashed.then(|| self.signature(ws)).flatten();
        };
        // After a full stop a new sentence starts; only a short "X said." belongs to it, and
        // not when the quote's own sentence introduced it ("Ann Ford said: “We waited.” Tom
        // Hale spoke.": Ford's).
        if (full_stop && (cue > 4 || ws.len() > cue + 10)) || (ends_sentence && self.introduced(i))
        {
            return None;
        }
        // "“… for the long run!” She replied to him that it was an “honor …”": a sentence
        // after the quote whose verb reports words of its own ("that …") answers it.
        let own_words = || {
            let rest = &ws[cue + 1..];
            let to = rest.first().is_some_and(|w| self.t(w) == "to");
            rest.iter()
                .take(if to { 4 } else { 1 })
                .any(|w| self.t(w) == "that")
        };
        if ends_sentence && own_words() {
            return None;
        }
        if cue > MAX_SUBJECT_WORDS {
            // "…," Melanne Verveer, who served as …, told CBS News.
            let first = self.index.at(self.layer.field, first.start)?;
            let comma = self.text[first.end..].trim_start().starts_with(',');
            let who_kind = matches!(first.kind, EntityType::Person | EntityType::Organization);
            return (comma && who_kind && first.start == ws[0].start)
                .then(|| (Who::Entity(first.entity), self.t(&ws[cue]).to_string()));
        }
        let cue_text = if went_on(cue) {
            "went on".to_string()
        } else {
            self.t(&ws[cue]).to_string()
        };
        if let Some(who) = self.subject_before_cue(&ws[..cue]) {
            return Some((who, cue_text));
        }
        // "“We’re extremely happy” about the decision, said RoseAnn DeMoro"
        if cue > 0 && self.t(&ws[cue - 1]) == "," && cues::takes_subject_after(&cue_text) {
            let who = self.subject_after(&ws[cue + 1..])?;
            return Some((who, cue_text));
        }
        None
    }

    /// Whether the clause before quote `i` introduces it: words, then a colon, or a reporting
    /// verb right before the opening mark ("Ann Ford said: “…”", "Ann Ford said “…”").
    fn introduced(&self, i: usize) -> bool {
        let (_, ws) = self.clause_before(i);
        let Some(k) = ws.iter().rposition(|w| words::is_wordlike(self.t(w))) else {
            return false;
        };
        let tail = &ws[k + 1..];
        tail.iter().any(|w| self.t(w) == ":")
            || (self.is_cue_at(ws, k) && tail.iter().all(|w| self.t(w) == ","))
    }

    /// "“I'd rather …” That quote from Alabama Securities Commissioner Thomas Krebs appeared
    /// …": the sentence after a quote names its source with no reporting verb.
    fn quote_from(&self, ws: &[Word]) -> Option<(Who, String)> {
        let [det, noun, from, rest @ ..] = ws else {
            return None;
        };
        let noun_text = self.t(noun);
        if !matches!(self.t(det), "That" | "The" | "This" | "Those" | "These")
            || !matches!(
                noun_text,
                "quote" | "quotes" | "remark" | "remarks" | "comment" | "comments" | "words"
            )
            || !matches!(self.t(from), "from" | "by")
        {
            return None;
        }
        let end = rest
            .iter()
            .position(|w| !words::is_wordlike(self.t(w)) || looks_like_verb(self.t(w)))
            .unwrap_or(rest.len());
        match self.subject_after(&rest[..end])? {
            who @ (Who::Entity(_) | Who::Named(_)) => Some((who, noun_text.to_string())),
            _ => None,
        }
    }

    /// The clause after quote `i` past the commas, dashes and brackets that set it off.
    fn words_after(&self, i: usize) -> &[Word] {
        let ws = self.clause_after(i);
        let from = ws
            .iter()
            .position(|w| !matches!(self.t(w), "," | "—" | "–" | "-" | ")"))
            .unwrap_or(ws.len());
        &ws[from..]
    }

    /// Whether the quote is followed by a reporting verb with a short noun phrase of its own
    /// as subject ("“…,” the narrator says", "“…,” a voice over says"), one [`Self::after`]
    /// could not read as a speaker.
    fn unrecognised_speaker_after(&self, i: usize) -> bool {
        let ws = self.words_after(i);
        let Some(first) = ws.first() else {
            return false;
        };
        if !matches!(self.t(first), "the" | "a" | "an" | "The" | "A" | "An") {
            return false;
        }
        (2..ws.len()).take(3).any(|k| {
            self.is_cue_at(ws, k)
                && ws[1..k].iter().all(|v| {
                    words::is_wordlike(self.t(v))
                        && self.index.at(self.layer.field, v.start).is_none()
                })
        })
    }

    /// The speaker a few words after a dash sign a quote with ("— Sanders", "- Sen. Bernie
    /// Sanders, D-Vt."): a name, alone up to the end of its sentence.
    fn signature(&self, ws: &[Word]) -> Option<(Who, String)> {
        let words: Vec<Word> = ws
            .iter()
            .take_while(|w| self.t(w) != ",")
            .copied()
            .collect();
        if words.is_empty()
            || words.len() > MAX_SIGNATURE_WORDS
            || !words.iter().all(|w| words::is_wordlike(self.t(w)))
        {
            return None;
        }
        match self.subject_after(&words)? {
            who @ (Who::Entity(_) | Who::Named(_)) => Some((who, String::new())),
            _ => None,
        }
    }

    /// A quote that is its whole paragraph, signed in the next one: "“…”" ¶ "- Clinton."
    /// (the fact-check and quote-collection layout), or "“…" ¶ "Dean Baker, CEPR.”".
    fn signed_below(&self, i: usize) -> Option<(Who, String)> {
        let m = &self.marked[i];
        if !self.whole_paragraph(i) {
            return None;
        }
        let next = self.layer.paragraphs.get(m.para + 1)?;
        let line = self.text[next.start..next.end].trim();
        let rest = line.trim_start_matches(DASHES);
        let dashed = rest.len() != line.len() && rest.starts_with(' ');
        // "“I worry that …" ¶ "Dean Baker, Center for Economic and Policy Research.”": a
        // quote left open, closed at the end of the signature below it (the pull-quote
        // layout).
        let closed_below =
            m.close_end.is_none() && line.ends_with(['”', '"']) && !line.starts_with(['“', '"']);
        if !dashed && !closed_below {
            return None;
        }
        let end = if closed_below {
            next.start + self.text[next.start..next.end].rfind(['”', '"'])?
        } else {
            next.end
        };
        let ws = self.words(next.start, end);
        let from = ws.iter().position(|w| words::is_wordlike(self.t(w)))?;
        let ws = &ws[from..];
        // Nothing but the name (and a full stop) on the line.
        let body = match ws.last() {
            Some(w) if self.t(w) == "." => &ws[..ws.len() - 1],
            _ => ws,
        };
        if body.len() != ws.iter().take_while(|w| self.t(w) != ".").count() {
            return None;
        }
        self.signature(body)
    }

    /// `X said: "…"`, `X said "…"`, `X said he had a "…"`, `according to X, "…"`.
    fn before(&self, i: usize) -> Option<(Who, String)> {
        let (_, ws) = self.clause_before(i);
        self.before_in(ws)
    }

    /// [`Self::before`] over the whole sentence, past earlier quotes in it (their words left
    /// out): "told ABC's “Good Morning America” that the deal was a “total failure”".
    fn before_sentence(&self, i: usize) -> Option<(Who, String)> {
        let m = &self.marked[i];
        let (pstart, _) = self.para_bounds(m);
        let ws: Vec<Word> = self
            .words(pstart, m.open)
            .iter()
            .filter(|w| !self.inside_quote(w.start))
            .copied()
            .collect();
        let cut = (0..ws.len())
            .rev()
            .find(|&k| self.ends_sentence(&ws, k))
            .map_or(0, |k| k + 1);
        self.before_in(&ws[cut..])
    }

    fn before_in(&self, ws: &[Word]) -> Option<(Who, String)> {
        if let Some(k) = ws
            .windows(2)
            .rposition(|p| self.t(&p[0]).eq_ignore_ascii_case("according") && self.t(&p[1]) == "to")
        {
            let rest = &ws[k + 2..];
            let end = rest
                .iter()
                .position(|w| self.t(w) == ",")
                .unwrap_or(rest.len());
            // "According to Reuters, the minister said the talks were “…”": the source
            // reports a speaker of its own, who said it.
            let reported = (k + 2 + end..ws.len()).any(|j| self.is_cue_at(ws, j));
            if !reported && let Some(who) = self.subject_after(&rest[..end]) {
                return Some((who, "according to".to_string()));
            }
        }
        let cue = (0..ws.len()).rev().find(|&j| {
            self.is_cue_at(ws, j)
                // "as the prosecutor put it, “…”"
                || (matches!(self.t(&ws[j]), "put" | "puts")
                    && ws.get(j + 1).is_some_and(|n| self.t(n) == "it"))
        });
        let Some(cue) = cue else {
            return self.labelled(ws).or_else(|| self.statement(ws));
        };
        let cue_text = match (self.t(&ws[cue]), cue.checked_sub(1)) {
            ("back", Some(p)) => format!("{} back", self.t(&ws[p])),
            (t, _) => t.to_string(),
        };
        // "Sanders was asked by host Bill Maher, “…”": in the passive, the one after "by"
        // speaks; with no one named, not the subject either.
        if cue > 0
            && matches!(
                self.t(&ws[cue - 1]),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            )
            && (cue_text.ends_with("ed") || matches!(cue_text.as_str(), "told" | "said"))
        {
            let by = ws.get(cue + 1).is_some_and(|w| self.t(w) == "by");
            return by
                .then(|| self.subject_after(&ws[cue + 2..]))
                .flatten()
                .filter(|who| matches!(who, Who::Entity(_) | Who::Named(_)))
                .map(|who| (who, cue_text));
        }
        let from = self.previous_cue(ws, cue).map_or(0, |j| j + 1);
        let subject = &ws[from..cue];
        if subject.iter().all(|w| !words::is_wordlike(self.t(w))) && !is_participle(&cue_text) {
            // "Said Smith: “…”" or ", said Smith, “…”" — but "told reporters" names whom.
            if !cues::takes_subject_after(&cue_text) {
                return None;
            }
            let end = ws[cue + 1..]
                .iter()
                .position(|w| !words::is_wordlike(self.t(w)))
                .map_or(ws.len(), |p| cue + 1 + p);
            if let Some(who) = self.subject_after(&ws[cue + 1..end]) {
                return Some((who, cue_text));
            }
            // A second quote of the same sentence: "…," he said, “…” keeps its speaker
            // through `continued_from`; nothing to add here.
            return None;
        }
        // "The paradox of Nancy, says Carl Anthony, historian at …, is that she was “…”": a
        // reporting verb set off by commas, its speaker after it, reports the whole
        // sentence, whatever comes before the verb.
        if cue > 0
            && self.t(&ws[cue - 1]) == ","
            && cues::takes_subject_after(&cue_text)
            && let Some(end) = ws[cue + 1..]
                .iter()
                .position(|w| !words::is_wordlike(self.t(w)))
                .map(|p| cue + 1 + p)
            && self.t(&ws[end]) == ","
            && let Some(who @ Who::Entity(e)) = self.subject_after(&ws[cue + 1..end])
            && self.entities[e].kind == EntityType::Person
        {
            return Some((who, cue_text));
        }
        // The subject of a retort stands before its verb, not before "back".
        let verb = if self.t(&ws[cue]) == "back" {
            cue - 1
        } else {
            cue
        };
        let who = self.subject_of_cue(ws, verb)?;
        Some((who, cue_text))
    }

    /// "Trump: “We will win.”", "Rep. Trey Gowdy (R-S.C.): “…”": a name and a colon, the
    /// clause before the quote. A longer label counts when a person's name ends it.
    fn labelled(&self, ws: &[Word]) -> Option<(Who, String)> {
        let (colon, label) = ws.split_last()?;
        if self.t(colon) != ":" {
            return None;
        }
        let wordlike = label
            .iter()
            .filter(|w| words::is_wordlike(self.t(w)))
            .count();
        if wordlike == 0 || wordlike > MAX_LABEL_WORDS {
            return None;
        }
        if wordlike <= 4 {
            let who = self.subject_before_cue(label)?;
            return matches!(who, Who::Entity(_) | Who::Named(_)).then(|| (who, String::new()));
        }
        // A party-and-state tag after the name: "(R-S.C.)".
        let end = match label.iter().rposition(|w| self.t(w) == "(") {
            Some(k) if label[k..].iter().any(|w| self.t(w) == ")") => k,
            _ => label.len(),
        };
        let last = label[..end].last()?;
        let l = self.index.at(self.layer.field, last.start)?;
        (l.end == last.end && l.kind == EntityType::Person)
            .then(|| (Who::Entity(l.entity), String::new()))
    }

    /// "Trump issued a statement: “…”", "the campaign said in a statement, “…”" (the
    /// second has its verb): the author of a statement, tweet or letter the clause names.
    fn statement(&self, ws: &[Word]) -> Option<(Who, String)> {
        let (mark, clause) = ws.split_last()?;
        if !matches!(self.t(mark), ":" | ",") {
            return None;
        }
        let [.., verb, det, noun] = clause else {
            return None;
        };
        if !is_document(self.t(noun))
            || !matches!(self.t(det), "a" | "an")
            || !matches!(
                self.t(verb),
                // Not "posted", "tweeted" or "wrote": they are cues, found before this.
                "issued" | "released" | "sent" | "penned"
            )
        {
            return None;
        }
        let who = self.subject_before_cue(&clause[..clause.len() - 3])?;
        let cue = self.t(verb).to_string();
        matches!(who, Who::Entity(_) | Who::Named(_) | Who::Pronoun(_)).then_some((who, cue))
    }

    /// "“…,” the Spaniard said", "“…,” the 22-year-old Briton told reporters": a
    /// nationality standing for a person, as sports and foreign news write. `None` when the
    /// quote is not followed so; otherwise the one person of the text with that country
    /// among their affiliations, and `Some(None)` when no person or several have it: the
    /// text does not say who is Spanish, and the writer's last subject may be the other
    /// player.
    fn nationality_after(&self, i: usize) -> Option<Option<(Who, String)>> {
        let ws = self.words_after(i);
        let (det, rest) = ws.split_first()?;
        if !matches!(self.t(det), "the" | "The") {
            return None;
        }
        // Up to two modifiers before the nationality: "22-year-old", "world number one".
        let k = rest.iter().take(3).position(|w| {
            let t = self.t(w);
            t.starts_with(char::is_uppercase) && lexicon::demonym(t).is_some()
        })?;
        if !rest[..k].iter().all(|w| {
            let t = self.t(w);
            words::is_wordlike(t) && !t.starts_with(char::is_uppercase)
        }) {
            return None;
        }
        let country = lexicon::demonym(self.t(&rest[k]))?;
        let verb = rest.get(k + 1)?;
        if !cues::is_cue(self.t(verb), Some(self.t(&rest[k]))) {
            return None;
        }
        let mut people = self.entities.iter().enumerate().filter(|(_, d)| {
            d.kind == EntityType::Person
                && (d.affiliations.iter().any(|a| a == country)
                    || d.mentions.iter().any(|m| {
                        m.field == self.layer.field
                            && self.nationality_before(m.start) == Some(country)
                    }))
        });
        let found = match (people.next(), people.next()) {
            (Some((e, _)), None) => Some((Who::Entity(e), self.t(verb).to_string())),
            _ => None,
        };
        Some(found)
    }

    /// The country of a nationality among the two words right before byte `pos` of the
    /// same clause: "Spanish star Carlos Alcaraz", "lost to Italian Jannik Sinner".
    fn nationality_before(&self, pos: usize) -> Option<&'static str> {
        let before = &self.text[..pos];
        let clause = &before[before
            .rfind(['.', ',', ';', ':', '\n', '(', '"', '“', '”'])
            .map_or(0, |k| k + 1)..];
        clause
            .split_whitespace()
            .rev()
            .take(2)
            .find_map(lexicon::demonym)
    }

    /// "“…,” the statement said" after "Ryanair said in a statement that …" (or "issued a
    /// statement", "In a statement, Ryanair said") earlier in the paragraph or the one before: the author of that
    /// statement, letter or email, when the sentence that mentions it names one. The most
    /// recent mention decides; a pronoun subject there ("it said in a statement") gives
    /// nothing, so no older author is guessed.
    fn statement_author(&self, i: usize) -> Option<(Who, String)> {
        let [det, noun, verb, ..] = self.words_after(i) else {
            return None;
        };
        let (noun, verb) = (self.t(noun), self.t(verb));
        if !matches!(self.t(det), "the" | "The")
            || !is_document(noun)
            || !cues::is_cue(verb, Some(noun))
        {
            return None;
        }
        let m = &self.marked[i];
        for para in (m.para.saturating_sub(1)..=m.para).rev() {
            let p = &self.layer.paragraphs[para];
            let end = if para == m.para { m.open } else { p.end };
            let ws: Vec<Word> = self
                .words(p.start, end.max(p.start))
                .iter()
                .filter(|w| !self.inside_quote(w.start))
                .copied()
                .collect();
            let Some(k) = (2..ws.len())
                .rev()
                .find(|&k| self.t(&ws[k]) == noun && matches!(self.t(&ws[k - 1]), "a" | "an"))
            else {
                continue;
            };
            // "In a statement, Ryanair said …": the author follows the comma.
            if self.t(&ws[k - 2]).eq_ignore_ascii_case("in")
                && ws.get(k + 1).is_some_and(|w| self.t(w) == ",")
            {
                let rest = &ws[k + 2..];
                let cue = rest
                    .iter()
                    .take(MAX_AFTER_WORDS)
                    .position(|w| cues::is_verb(self.t(w)))?;
                let who = self.subject_before_cue(&rest[..cue])?;
                return matches!(who, Who::Entity(_) | Who::Named(_))
                    .then(|| (who, verb.to_string()));
            }
            // "said in a statement", "issued a statement".
            let v = if self.t(&ws[k - 2]) == "in" {
                k.checked_sub(3)?
            } else {
                k - 2
            };
            let said = self.t(&ws[v]);
            if !cues::is_verb(said) && !matches!(said, "issued" | "released" | "sent") {
                return None;
            }
            let from = (0..v)
                .rev()
                .find(|&j| self.ends_sentence(&ws, j))
                .map_or(0, |j| j + 1);
            let who = self.subject_before_cue(&ws[from..v])?;
            return matches!(who, Who::Entity(_) | Who::Named(_)).then(|| (who, verb.to_string()));
        }
        None
    }

    /// The reporting verb before `ws[cue]` in the same clause, if any.
    fn previous_cue(&self, ws: &[Word], cue: usize) -> Option<usize> {
        (0..cue).rev().find(|&j| {
            let t = self.t(&ws[j]);
            cues::is_verb(t) && !cues::modifies_title(t, ws.get(j + 1).map(|n| self.t(n)))
        })
    }

    /// The person or organisation right before a participle in a phrase of its own ("with
    /// Gorka noting", "of Carson privately saying", "– Ryan saying"): the participle's own
    /// subject. The region is the words before the cue.
    fn absolute_subject(&self, region: &[Word]) -> Option<usize> {
        let mut j = region.len();
        while j > 0 && is_adverb(self.t(&region[j - 1])) {
            j -= 1;
        }
        let last = region.get(j.checked_sub(1)?)?;
        let l = self.index.at(self.layer.field, last.start)?;
        if l.end != last.end || !matches!(l.kind, EntityType::Person | EntityType::Organization) {
            return None;
        }
        // The word before the name: "with" or "of" ("of Carson privately saying"), or the
        // mark that opens an absolute phrase ("– Ryan saying he was “…”").
        match region[..j].iter().rev().find(|w| w.end <= l.start) {
            Some(w) => matches!(
                self.t(w),
                "with" | "With" | "of" | "," | "–" | "—" | "-" | "--" | ":" | ";"
            )
            .then_some(l.entity),
            None => None,
        }
    }

    /// The subject of the reporting verb `ws[cue]`. A participle ("…, saying") and a verb
    /// coordinated with an earlier one ("joked that …, but went on to say") take the
    /// subject of the main clause.
    fn subject_of_cue(&self, ws: &[Word], cue: usize) -> Option<Who> {
        let prev = self.previous_cue(ws, cue);
        let from = prev.map_or(0, |j| j + 1);
        let region = &ws[from..cue];
        let coordinated = region
            .iter()
            .rposition(|w| matches!(self.t(w), "but" | "and" | "then"))
            .is_some_and(|k| {
                // "… and went on to say" is a verb phrase; "… and former secretary of state
                // said" a second noun phrase of the subject.
                let piece = &region[k + 1..];
                let noun_phrase = piece.first().is_some_and(|w| {
                    let t = self.t(w);
                    is_determiner(t) || lexicon::is_modifier(t) || cues::is_speaker_noun(t)
                });
                !noun_phrase
                    && !piece.iter().any(|w| {
                        cues::pronoun(self.t(w)).is_some()
                            || self.index.at(self.layer.field, w.start).is_some()
                            || words::is_capitalized(self.t(w))
                    })
            });
        // "…, with Gorka noting the absurdity of “…”": the participle's own subject.
        if is_participle(self.t(&ws[cue]))
            && let Some(e) = self.absolute_subject(region)
        {
            return Some(Who::Entity(e));
        }
        if is_participle(self.t(&ws[cue])) || coordinated {
            return match prev {
                Some(p) => self.subject_of_cue(ws, p),
                None => self.main_subject(&ws[..cue]),
            };
        }
        // ", said a former official who … and described it as “…”": inverted subject.
        if !region.iter().any(|w| words::is_wordlike(self.t(w)))
            && cues::takes_subject_after(self.t(&ws[cue]))
        {
            let end = ws[cue + 1..]
                .iter()
                .position(|w| !words::is_wordlike(self.t(w)))
                .map_or(ws.len(), |p| cue + 1 + p);
            return self.subject_after(&ws[cue + 1..end]);
        }
        self.subject_before_cue(region)
    }

    /// The subject of a clause: its first person or organisation that is not a possessive
    /// or the object of a preposition, or a pronoun opening it.
    fn main_subject(&self, ws: &[Word]) -> Option<Who> {
        // "WASHINGTON, Dec. 8 (UPI) — …": a dateline (no lower-case word, and a place in
        // capitals, a day or a credit) names no subject.
        let dash = ws
            .iter()
            .take(12)
            .position(|w| matches!(self.t(w), "-" | "—" | "–" | "--"));
        let ws = match dash {
            Some(d)
                if ws[..d]
                    .iter()
                    .all(|w| !self.t(w).chars().next().is_some_and(char::is_lowercase))
                    && ws[..d].iter().any(|w| {
                        let t = self.t(w);
                        t.chars().all(|c| c.is_ascii_digit())
                            || t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase())
                    }) =>
            {
                &ws[d + 1..]
            }
            _ => ws,
        };
        // "In response to Trump's plan to bar Muslims from entering the United States,
        // Clinton's aide rallied supporters, saying": an opening prepositional phrase is
        // skipped to its comma; what it names is no subject.
        let ws = match ws.first() {
            Some(w) if is_preposition(self.t(w)) => ws
                .iter()
                .position(|w| self.t(w) == ",")
                .map_or(ws, |c| &ws[c + 1..]),
            _ => ws,
        };
        let candidates = self.candidates(ws, ws.len());
        let best = candidates
            .iter()
            .find(|c| c.2 != EntityType::Location)
            .or(candidates.first());
        // "Eight years ago, he supported Barack Obama … and said": a pronoun before the
        // first name is the subject.
        let pronoun = ws
            .iter()
            .take_while(|w| best.is_none_or(|b| w.start < b.0))
            .find_map(|w| cues::pronoun(self.t(w)));
        if let Some(p) = pronoun {
            return Some(Who::Pronoun(p));
        }
        Some(Who::Entity(best?.1))
    }

    /// The last word of `ws`, or the word before the bracketed group or the adverb in commas
    /// that `ws` ends with ("Sen. Claire McCaskill (D-Mo.)" and "Sanders, meanwhile" give the
    /// name).
    fn name_word_before_aside<'w>(&self, ws: &'w [Word]) -> Option<&'w Word> {
        let (last, rest) = ws.split_last()?;
        // "Sanders, meanwhile, who …": past a sentence adverb in commas.
        if let [.., name, comma, adverb] = ws
            && self.t(comma) == ","
            && matches!(
                self.t(adverb),
                "meanwhile" | "however" | "though" | "too" | "instead" | "meantime"
            )
        {
            return Some(name);
        }
        if self.t(last) != ")" {
            return Some(last);
        }
        let open = rest.iter().rposition(|w| self.t(w) == "(")?;
        open.checked_sub(1).map(|i| &rest[i])
    }

    /// Speaker candidates in `ws` (the words before a reporting verb): the mention nearest
    /// the verb that is not a possessive, not the object of a preposition and not set off
    /// by commas; else a pronoun, a description or capitalised words.
    fn subject_before_cue(&self, ws: &[Word]) -> Option<Who> {
        // "Hillary Clinton, who served as …, conceded": the name before ", who" (past a
        // party tag or an adverb: "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton,
        // said", "Sanders, meanwhile, who sits at zero endorsements, said").
        if let Some(k) = ws
            .iter()
            .position(|w| matches!(self.t(w), "who" | "whose"))
            .filter(|&k| k >= 2 && self.t(&ws[k - 1]) == ",")
            && let Some(name) = self.name_word_before_aside(&ws[..k - 1])
            && let Some(l) = self.index.at(self.layer.field, name.start)
            && l.end == name.end
            && matches!(l.kind, EntityType::Person | EntityType::Organization)
        {
            return Some(Who::Entity(l.entity));
        }
        // "NAFTA, which Trump had called": the subject is inside the relative clause.
        let ws = match ws
            .iter()
            .rposition(|w| matches!(self.t(w), "which" | "whom" | "who" | "that"))
        {
            Some(k) if k + 1 < ws.len() => &ws[k + 1..],
            _ => ws,
        };
        // The subject stands near its verb; what lies further back is another clause.
        let ws = &ws[ws.len().saturating_sub(MAX_SUBJECT_WORDS + 4)..];
        if ws.is_empty() {
            return None;
        }
        // The word right before the verb, past adverbs ("he also said").
        let mut j = ws.len();
        while j > 0 && is_adverb(self.t(&ws[j - 1])) {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        let last = &ws[j - 1];
        if let Some(p) = cues::pronoun(self.t(last)) {
            return Some(Who::Pronoun(p));
        }
        let mut candidates = self.candidates(ws, j);
        // "Smith and Jones said": two speakers, not one.
        if candidates.len() >= 2 {
            let (a, b) = (
                candidates[candidates.len() - 2],
                candidates[candidates.len() - 1],
            );
            // But in "NATO and other world partners, Clinton said" the "and" joins NATO to
            // words of its own, set off by a comma from the speaker.
            let joined = self.text[a.3..b.0]
                .rsplit_once(" and ")
                .is_some_and(|(_, rest)| !rest.contains(','));
            if a.1 != b.1 && joined {
                return None;
            }
        }
        // Places name a speaker only when nobody else is there ("Russia said").
        if candidates.iter().any(|c| c.2 != EntityType::Location) {
            candidates.retain(|c| c.2 != EntityType::Location);
        } else if let Some(&(_, _, _, end)) = candidates.last()
            && ws[..j]
                .iter()
                .any(|w| w.start >= end && lexicon::is_head(self.t(w)))
        {
            // "the New Jersey governor said": the place is inside a description of the
            // person, who is the speaker ("the Kremlin" or "Russia" alone still speaks).
            return self.description_or_name(&ws[..j]);
        }
        // "Clinton, during a town hall in Columbus, Ohio, said": a subject followed by a
        // comma is the subject of the whole aside.
        // But "Cruz, Blackwell wrote": a person right before the verb is its subject.
        let next_to_verb = candidates
            .last()
            .is_some_and(|c| c.2 == EntityType::Person && c.3 == ws[j - 1].end);
        if let Some(&(start, e, _, end)) = candidates.first()
            && self.text[end..].trim_start().starts_with(',')
            && !ws
                .iter()
                .take_while(|w| w.start < start)
                .any(|w| self.t(w).chars().next().is_some_and(char::is_lowercase))
            && !(next_to_verb && candidates.len() > 1)
        {
            return Some(Who::Entity(e));
        }
        if let Some(&(_, e, _, _)) = candidates.last() {
            return Some(Who::Entity(e));
        }
        // "He went on to say …": a pronoun opening the clause is its subject.
        if let Some(p) = ws[..j]
            .iter()
            .find(|w| words::is_wordlike(self.t(w)))
            .and_then(|w| cues::pronoun(self.t(w)))
        {
            return Some(Who::Pronoun(p));
        }
        self.description_or_name(&ws[..j])
    }

    /// Mentions in `ws[..j]` that can be a subject: (start, entity, kind, end), in text
    /// order, without possessives, objects of prepositions and names inside an aside.
    fn candidates(&self, ws: &[Word], j: usize) -> Vec<(usize, usize, EntityType, usize)> {
        let mut candidates = Vec::new();
        if j == 0 {
            return candidates;
        }
        let last = &ws[j - 1];
        let field = self.layer.field;
        let region_start = ws[0].start;
        let region_end = last.end;
        let commas: Vec<usize> = ws[..j]
            .iter()
            .filter(|w| self.t(w) == ",")
            .map(|w| w.start)
            .collect();
        for l in self.index.overlapping(field, region_start, region_end) {
            if l.kind == EntityType::Misc || self.inside_quote(l.start) {
                continue;
            }
            if possessive_after(self.text, l.end) {
                continue;
            }
            // "a Clinton aide said", "the Trump campaign said": a name modifying the noun
            // after it; the aide speaks, not Clinton.
            if self.modifies_noun(&ws[..j], l.end) {
                continue;
            }
            // The word before the noun phrase: "for the EU", "on his Facebook page" and
            // "before the influential American Israel Public Affairs Committee" are objects
            // like "for Smith". Up to two lower-case adjectives are part of the noun phrase.
            let mut adjectives = 0;
            let before_word = ws
                .iter()
                .rev()
                .filter(|w| w.end <= l.start)
                .map(|w| self.t(w))
                .find(|t| {
                    if matches!(
                        *t,
                        "the" | "a" | "an" | "The" | "his" | "her" | "its" | "their" | "our"
                    ) {
                        return false;
                    }
                    let adjective = adjectives < 2
                        && t.chars().all(|c| c.is_lowercase())
                        && !looks_like_verb(t)
                        && !is_adverb(t)
                        && {
                            let e = crate::extract::lexicon::entry(t);
                            !e.stop && !e.verb
                        };
                    adjectives += usize::from(adjective);
                    !adjective
                });
            // "with Trump reportedly yelling: “…”": the subject of the participle after it.
            let absolute = before_word == Some("with")
                && ws[..j]
                    .iter()
                    .all(|w| w.end <= l.end || is_adverb(self.t(w)))
                && self.text[region_end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|v| v.trim_end_matches([':', ',']).ends_with("ing"));
            // "… tweeted after Clinton argued that “…”": a conjunction, not a preposition,
            // when the name right after it is the subject of the verb.
            let clause_subject = before_word.is_some_and(is_conjunction) && l.end == region_end;
            if before_word.is_some_and(is_preposition) && !absolute && !clause_subject {
                continue;
            }
            // A credit in brackets, "WASHINGTON (AFP) —", names no subject.
            if self.text[..l.start].trim_end().ends_with('(')
                && self.text[l.end..].trim_start().starts_with(')')
            {
                continue;
            }
            // ", a lawyer for Smith," — set off by commas after a description; but not
            // ", Dr. Amir Haddad, an epidemiologist," where the name opens the piece.
            let comma_before = commas.iter().rev().find(|&&c| c < l.start);
            let comma_after = commas.iter().any(|&c| c > l.end);
            let aside = comma_before.is_some_and(|&c| {
                comma_after
                    && ws.iter().any(|w| {
                        w.start > c
                            && w.end <= l.start
                            && self.t(w).chars().next().is_some_and(char::is_lowercase)
                    })
            });
            if aside {
                continue;
            }
            candidates.push((l.start, l.entity, l.kind, l.end));
        }
        candidates
    }

    /// The speaker named after a reporting verb: `said Smith, the …`, `according to the
    /// company`.
    fn subject_after(&self, ws: &[Word]) -> Option<Who> {
        let end = ws
            .iter()
            .position(|w| {
                let t = self.t(w);
                !words::is_wordlike(t)
                    || matches!(
                        t,
                        "who"
                            | "in"
                            | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "when"
                            | "that"
                            | "as"
                            | "while"
                            | "before"
                            | "because"
                            | "about"
                    )
            })
            .unwrap_or(ws.len());
        let ws = &ws[..end];
        let first = ws.first()?;
        let first_text = self.t(first);
        if let Some(p) = cues::pronoun(first_text) {
            return Some(Who::Pronoun(p));
        }
        if is_preposition(first_text) {
            return None;
        }
        let field = self.layer.field;
        let end = ws[ws.len() - 1].end;
        // "said the head of the agency": a description, whatever it names inside; but "said
        // the Green Party" is the party's name with its article.
        if matches!(
            first_text.to_lowercase().as_str(),
            "the" | "a" | "an" | "another" | "one"
        ) {
            let named = ws.get(1).and_then(|w| self.index.at(field, w.start));
            if first_text.eq_ignore_ascii_case("the")
                && let Some(l) = named
                && l.end >= end
                && l.kind != EntityType::Misc
            {
                return Some(Who::Entity(l.entity));
            }
            return self.description_or_name(ws);
        }
        let mut last = None;
        let mut person: Option<(usize, usize)> = None;
        for l in self.index.overlapping(field, first.start, end) {
            if l.kind == EntityType::Misc || possessive_after(self.text, l.end) {
                continue;
            }
            if l.kind == EntityType::Person {
                // "said Trump adviser Stephen Miller", "said Drewry analyst Maria Jensen":
                // a name before a title qualifies the person after it, who speaks; but
                // "said Maria Jensen of Drewry" is Jensen.
                match person {
                    Some((_, prev_end)) if self.titles_between(ws, prev_end, l.start) => {
                        person = Some((l.entity, l.end));
                    }
                    Some(_) => {}
                    None => person = Some((l.entity, l.end)),
                }
                continue;
            }
            if let Some((e, _)) = person {
                return Some(Who::Entity(e));
            }
            // "said Atlantic City Mayor Don Guardian", "said former Pennsylvania Gov. and
            // DNC Chairman Ed Rendell": a place or body qualifies the person the phrase
            // ends with; only one that ends the phrase is the speaker ("said the Kremlin").
            if l.end >= end {
                last = Some(l.entity);
            }
        }
        if let Some((e, _)) = person {
            return Some(Who::Entity(e));
        }
        if let Some(e) = last {
            return Some(Who::Entity(e));
        }
        self.description_or_name(ws)
    }

    /// Whether the name ending at `end` modifies the speaker noun after it in `ws` ("a Clinton
    /// aide", "Clinton ally James Carville", "a Labour MP"): then the name is not who the
    /// clause is about. A capitalised word after a name is more name ("Clinton Foundation"),
    /// but a title written in capitals ("MP", "CEO") is a noun.
    fn modifies_noun(&self, ws: &[Word], end: usize) -> bool {
        ws.iter().find(|w| w.start >= end).is_some_and(|next| {
            let t = self.t(next);
            let lower = t.chars().next().is_some_and(char::is_lowercase);
            let acronym = t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase());
            (lower || acronym) && cues::is_speaker_noun(t)
        })
    }

    /// Whether the words between `from` and `to` are a title and nothing else ("adviser",
    /// "chief economist"): what joins a name qualifying a person to that person.
    fn titles_between(&self, ws: &[Word], from: usize, to: usize) -> bool {
        let mut noun = false;
        for w in ws.iter().filter(|w| w.start >= from && w.end <= to) {
            let t = self.t(w);
            if cues::is_speaker_noun(t) {
                noun = true;
            } else if !lexicon::is_modifier(t) && !words::is_capitalized(t) {
                return false;
            }
        }
        noun
    }

    /// "the Ukrainian leader", "a spokesman for the company", or capitalised words the
    /// recogniser missed ("Carly Fiorina").
    fn description_or_name(&self, ws: &[Word]) -> Option<Who> {
        // A trailing comma closes an apposition: "Sexton, a creative writing professor,".
        let ws = match ws.last() {
            Some(w) if self.t(w) == "," => &ws[..ws.len() - 1],
            _ => ws,
        };
        let texts: Vec<&str> = ws.iter().map(|w| self.t(w)).collect();
        // "the bank said": a body, named before or not.
        if let [the, noun] = texts.as_slice()
            && the.eq_ignore_ascii_case("the")
            && is_body_noun(noun)
        {
            return Some(Who::Description(format!("{the} {noun}")));
        }
        // "Sexton, a creative writing professor": the name the recogniser missed.
        if texts.len() >= 3
            && texts[1] == ","
            && words::is_capitalized(texts[0])
            && words::is_wordlike(texts[0])
            && texts[2..].iter().any(|t| cues::is_speaker_noun(t))
            && texts[2..].iter().all(|t| !matches!(*t, "," | "and"))
        {
            return Some(match self.entity_by_last_name(texts[0]) {
                Some(e) => Who::Entity(e),
                None => Who::Named(texts[0].to_string()),
            });
        }
        // The last clause-level piece: after a comma, "and", "but".
        let from = texts
            .iter()
            .rposition(|t| matches!(*t, "," | "and" | "but" | "And" | "But" | "—" | ":"))
            .map_or(0, |k| k + 1);
        let piece = &ws[from..];
        let texts = &texts[from..];
        if piece.is_empty() || piece.len() > 8 {
            return None;
        }
        if let Some(head) = texts.iter().rposition(|t| cues::is_speaker_noun(t)) {
            // "Ryan issued a statement": a name followed by the writer's words is no
            // description.
            let name_then_verb = texts[..head].windows(2).any(|p| {
                words::is_capitalized(p[0])
                    && looks_like_verb(p[1])
                    && !lexicon::is_modifier(p[1])
                    && !lexicon::is_head(p[1])
            });
            if name_then_verb {
                return None;
            }
            // "Gov. Terry Branstad": a title before a name the recogniser missed.
            let name: Vec<&str> = texts[head + 1..]
                .iter()
                .take_while(|t| words::is_capitalized(t) && words::is_wordlike(t))
                .copied()
                .collect();
            if !name.is_empty() && name.len() <= 3 {
                let last = name[name.len() - 1];
                return Some(match self.entity_by_last_name(last) {
                    Some(e) => Who::Entity(e),
                    None => Who::Named(name.join(" ")),
                });
            }
            // The noun phrase up to its head, with a short "for the ministry" after it.
            let mut end = head + 1;
            if texts
                .get(end)
                .is_some_and(|t| matches!(*t, "for" | "of" | "at" | "from" | "with"))
            {
                end = (end + 4).min(texts.len());
            }
            let text = self.text[piece[0].start..piece[end - 1].end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            return Some(Who::Description(text));
        }
        let all_caps = texts
            .iter()
            .all(|t| words::is_capitalized(t) && words::is_wordlike(t));
        let skip_first = matches!(
            texts.first().copied(),
            Some(
                "The"
                    | "In"
                    | "On"
                    | "At"
                    | "But"
                    | "And"
                    | "As"
                    | "When"
                    | "After"
                    | "This"
                    | "That"
                    | "It"
                    | "A"
                    | "Now"
                    | "Then"
                    | "So"
                    | "Yet"
                    | "Still"
            )
        );
        // A lone capitalised word opening the clause is more often "Critics" than a name.
        let clause_initial = from == 0 && texts.len() == 1 && ws.len() == 1;
        if all_caps && !skip_first && !clause_initial && texts.len() <= 4 {
            let name = texts.join(" ");
            // A surname the recogniser missed here but found elsewhere.
            let last = texts[texts.len() - 1];
            if let Some(e) = self.entity_by_last_name(last) {
                return Some(Who::Entity(e));
            }
            return Some(Who::Named(name));
        }
        None
    }

    fn entity_by_last_name(&self, word: &str) -> Option<usize> {
        let mut found = None;
        for (i, d) in self.entities.iter().enumerate() {
            if d.kind == EntityType::Person && d.name.split_whitespace().last() == Some(word) {
                if found.is_some() {
                    return None;
                }
                found = Some(i);
            }
        }
        found
    }

    /// Turns a speaker candidate into an entity and a name; pronouns go to the person the
    /// text was last about, descriptions to the one person whose role fits.
    fn resolve(&self, who: &Who, m: &Marked) -> Option<(Option<usize>, String)> {
        match who {
            Who::Entity(e) => Some((Some(*e), self.entities[*e].name.clone())),
            Who::Named(n) => Some((None, n.clone())),
            Who::Pronoun(p) => {
                let e = self.recent(*p, m, PRONOUN_PARAGRAPHS)?;
                Some((Some(e), self.entities[e].name.clone()))
            }
            Who::Description(d) => match self.resolve_description(d, m) {
                Some(e) => Some((Some(e), self.entities[e].name.clone())),
                None => Some((None, d.clone())),
            },
        }
    }

    /// The entity a pronoun before `m` stands for: the last sentence subject or speaker of
    /// the right kind, at most `window` paragraphs back.
    fn recent(&self, p: Pronoun, m: &Marked, window: usize) -> Option<usize> {
        let first = m.para.saturating_sub(window);
        // The latest antecedent before the quote, within the window, from one of the lists:
        // speakers so far, then the subjects of each paragraph in the window.
        let latest = |list: fn(&Antecedents) -> &[Antecedent]| {
            let mut best = Antecedents::last_before(list(&self.events), m.open)
                .filter(|&(_, para, _)| para + window >= m.para);
            for pi in first..=m.para {
                if let Some(cell) = self.subjects.get(pi) {
                    let subjects = cell.get_or_init(|| {
                        let mut a = Antecedents::default();
                        for (s, possessor) in self.subject_events(pi) {
                            if possessor {
                                insert_sorted(&mut a.possessors, s);
                            } else {
                                a.push(s, self.entities, self.genders);
                            }
                        }
                        a
                    });
                    best = best.max(Antecedents::last_before(list(subjects), m.open));
                }
            }
            best
        };
        let (_, _, nearest) = match p {
            Pronoun::Person(_) => latest(|a| &a.persons).or_else(|| latest(|a| &a.possessors)),
            Pronoun::Thing => latest(|a| &a.things),
            Pronoun::Other => None,
        }?;
        // "she" after a paragraph about a known man goes to the nearest known woman, and
        // "he" likewise; with none in reach, to nobody: the man is surely not "she".
        // Unknown genders never move the answer.
        if let Pronoun::Person(Some(g)) = p
            && self.genders.get(nearest).is_some_and(|n| n != g)
        {
            let same = match g {
                Gender::Male => latest(|a| &a.men),
                Gender::Female => latest(|a| &a.women),
            };
            return same.map(|(_, _, e)| e);
        }
        Some(nearest)
    }

    /// Every word of the quote capitalised (small function words aside), two words or more,
    /// no closing punctuation, and introduced as a work: a title or a slogan.
    fn looks_like_title(&self, m: &Marked) -> bool {
        let inner = &self.text[m.start..m.end];
        if inner.ends_with(['.', '!', '?', ',']) {
            return false;
        }
        // Named as a work: "CNN’s “The Lead”", "on “The View”", "titled “Broken Promises”";
        // "called her “Crooked Hillary”" stays the caller's words.
        let (pstart, _) = self.para_bounds(m);
        let before = self.words(pstart, m.open);
        let introduced = before.last().is_some_and(|w| {
            let t = self.t(w);
            words::strip_possessive(t).1
                || matches!(
                    t.to_lowercase().as_str(),
                    "on" | "in"
                        | "of"
                        | "titled"
                        | "entitled"
                        | "the"
                        | "a"
                        | "an"
                        | "show"
                        | "film"
                        | "book"
                        | "program"
                        | "programme"
                        | "series"
                        | "song"
                        | "album"
                        | "movie"
                        | "slogan"
                        | "hashtag"
                        | "headline"
                        | "column"
                        | "ad"
                )
        });
        if !introduced {
            return false;
        }
        let mut count = 0;
        for w in inner.split_whitespace() {
            count += 1;
            let small = matches!(
                w,
                "a" | "an"
                    | "the"
                    | "of"
                    | "and"
                    | "or"
                    | "with"
                    | "for"
                    | "in"
                    | "on"
                    | "to"
                    | "at"
                    | "by"
                    | "from"
                    | "is"
                    | "&"
            );
            if !small && !words::is_capitalized(w) {
                return false;
            }
        }
        count >= 2
    }

    /// The quote opens a sentence after another sentence of its paragraph.
    fn opens_sentence(&self, i: usize) -> bool {
        let m = &self.marked[i];
        let (pstart, _) = self.para_bounds(m);
        let (_, clause) = self.clause_before(i);
        !self.text[pstart..m.open].trim().is_empty()
            && !clause.iter().any(|w| words::is_wordlike(self.t(w)))
            && !clause.iter().any(|w| matches!(self.t(w), ":" | "," | "—"))
    }

    /// The quote is its paragraph: it opens it and nothing but punctuation follows it.
    fn whole_paragraph(&self, i: usize) -> bool {
        let m = &self.marked[i];
        let (pstart, pend) = self.para_bounds(m);
        let after = m.close_end.unwrap_or(pend).min(pend);
        self.text[pstart..m.open].trim().is_empty()
            && !self.text[after..pend].chars().any(char::is_alphanumeric)
    }

    /// "the Ukrainian leader" → the person with a leader's role and Ukraine among their
    /// affiliations, mentioned last before the quote. Only definite descriptions refer back.
    fn resolve_description(&self, d: &str, m: &Marked) -> Option<usize> {
        let ws: Vec<&str> = d.split_whitespace().collect();
        let definite = ws.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !definite {
            return None;
        }
        if let [_, noun] = ws.as_slice()
            && is_body_noun(noun)
        {
            return self.body_named(noun, m);
        }
        let head_at = ws.iter().rposition(|w| lexicon::is_head(w))?;
        let head = ws[head_at].to_lowercase();
        let country = ws.iter().find_map(|w| lexicon::demonym(w));
        // "the New Jersey governor": a place named before the head must be one of the
        // person's affiliations ("New Jersey Gov. Chris Christie").
        let named: Vec<&str> = ws[1..head_at]
            .iter()
            .copied()
            .skip_while(|w| !words::is_capitalized(w))
            .take_while(|w| words::is_capitalized(w))
            .collect();
        let place = (!named.is_empty())
            .then(|| named.join(" "))
            .filter(|p| places::is_place_name(p) && lexicon::demonym(p).is_none());
        let generic = matches!(head.as_str(), "leader" | "official" | "politician");
        let leaderly = |r: &str| {
            let r = r.to_lowercase();
            [
                "president",
                "prime minister",
                "premier",
                "leader",
                "king",
                "queen",
                "chancellor",
                "chief",
                "head",
                "emir",
            ]
            .iter()
            .any(|h| r.contains(h))
        };
        let fits = |d: &EntityDraft| {
            if d.kind != EntityType::Person {
                return false;
            }
            if let Some(c) = country
                && !d.affiliations.iter().any(|a| a == c)
            {
                return false;
            }
            if let Some(p) = &place
                && !d.affiliations.iter().any(|a| a.eq_ignore_ascii_case(p))
            {
                return false;
            }
            if generic {
                head != "leader" || d.roles.iter().any(|r| leaderly(r))
            } else {
                d.roles.iter().any(|r| {
                    r.to_lowercase()
                        .split_whitespace()
                        .any(|w| w == head || title_abbreviation(w).contains(&head.as_str()))
                })
            }
        };
        let field = self.layer.field;
        let mut best: Option<(usize, usize)> = None;
        for l in self.index.all() {
            if l.field != field || l.start >= m.open || !fits(&self.entities[l.entity]) {
                continue;
            }
            if best.is_none_or(|(pos, _)| l.start > pos) {
                best = Some((l.start, l.entity));
            }
        }
        let (_, e) = best?;
        // "Cruz defends … in a commercial: “…,” the senator says", with only Sen. John
        // McCain's title on record: a bare title goes to the one who fits it only when the
        // text is about that person right then. A place or nationality in the description
        // ("the New Jersey governor") is evidence enough.
        if place.is_none()
            && country.is_none()
            && self
                .recent(Pronoun::Person(None), m, PRONOUN_PARAGRAPHS)
                .is_some_and(|r| r != e)
        {
            return None;
        }
        Some(e)
    }

    /// "the ministry said" after "Germany's Foreign Ministry condemned …": the organisation
    /// named last before quote `m`, at most [`PRONOUN_PARAGRAPHS`] paragraphs back, whose
    /// name has the noun in it. None when no such body is that close: the noun alone does not
    /// say which ministry.
    fn body_named(&self, noun: &str, m: &Marked) -> Option<usize> {
        let from = self
            .layer
            .paragraphs
            .get(m.para.saturating_sub(PRONOUN_PARAGRAPHS))
            .map_or(0, |p| p.start);
        let field = self.layer.field;
        self.index
            .all()
            .iter()
            .filter(|l| l.field == field && l.start >= from && l.start < m.open)
            .filter(|l| l.kind == EntityType::Organization)
            .filter(|l| {
                self.entities[l.entity]
                    .name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(noun))
            })
            .max_by_key(|l| l.start)
            .map(|l| l.entity)
    }

    /// The subject of each sentence of paragraph `pi` outside quotes: the first person or
    /// organisation named in its opening words, unless a pronoun comes first (then the
    /// subject is older).
    fn subject_events(&self, pi: usize) -> Vec<(Antecedent, bool)> {
        let mut out = Vec::new();
        let field = self.layer.field;
        if let Some(p) = self.layer.paragraphs.get(pi) {
            if is_credit_line(&self.text[p.start..p.end]) {
                return out;
            }
            let ws = self.words(p.start, p.end);
            let mut k = 0;
            while k < ws.len() {
                // A clause after ", but" has its own subject: "It's a big if, but Sanders was
                // in San Diego".
                let end = (k..ws.len())
                    .find(|&e| self.ends_sentence(ws, e) || self.but_clause_at(ws, e))
                    .map_or(ws.len(), |e| e + 1);
                // "In an interview with ABC News, Clinton laughed": an opening prepositional
                // phrase is skipped to its comma.
                let mut from = k;
                if ws.get(k).is_some_and(|w| is_preposition(self.t(w)))
                    && let Some(c) = ws[k..end].iter().position(|w| self.t(w) == ",")
                {
                    from = k + c + 1;
                }
                let mut seen = 0;
                let mut previous: Option<&str> = None;
                // "Ban's term as U.N. chief expires": a person whose thing opens the sentence
                // is what a "he" after it means, when nobody else is its subject.
                let mut possessor: Option<(usize, usize)> = None;
                let mut subject = false;
                for (j, w) in ws[from..end].iter().enumerate() {
                    if self.inside_quote(w.start) {
                        continue;
                    }
                    let t = self.t(w);
                    if !words::is_wordlike(t) {
                        previous = Some(t);
                        continue;
                    }
                    seen += 1;
                    if seen > MAX_SUBJECT_WORDS || cues::pronoun(t).is_some() {
                        break;
                    }
                    if let Some(l) = self.index.at(field, w.start)
                        && l.start == w.start
                        && possessor.is_none()
                        && l.kind == EntityType::Person
                        && possessive_after(self.text, l.end)
                        && !previous.is_some_and(is_preposition)
                        && self.possessed_thing(&ws[from + j..end], l.end)
                    {
                        possessor = Some((l.start, l.entity));
                    }
                    if let Some(l) = self.index.at(field, w.start)
                        && l.start == w.start
                        && !possessive_after(self.text, l.end)
                        && !previous.is_some_and(is_preposition)
                        && l.kind != EntityType::Misc
                        && !self.modifies_noun(&ws[from..end], l.end)
                    {
                        // "House Majority Leader Kevin McCarthy revealed": a body before a
                        // title qualifies the person after it, who is the subject.
                        let sentence_end = ws[end - 1].end;
                        let person = (l.kind != EntityType::Person)
                            .then(|| {
                                self.index
                                    .overlapping(field, l.end, sentence_end)
                                    .find(|p| p.start >= l.end && p.kind == EntityType::Person)
                            })
                            .flatten()
                            .filter(|p| self.titles_between(&ws[from..end], l.end, p.start));
                        match person {
                            Some(p) => out.push(((p.start, pi, p.entity), false)),
                            None => out.push(((l.start, pi, l.entity), false)),
                        }
                        subject = true;
                        break;
                    }
                    previous = Some(t);
                }
                if !subject && let Some((start, e)) = possessor {
                    out.push(((start, pi, e), true));
                }
                // Anyone a reporting verb follows is a subject too ("…, Ban demurred").
                for (j, w) in ws[k..end].iter().enumerate() {
                    // Finite verbs only: in "results in Kasich claiming" Kasich is no subject.
                    let t = self.t(w);
                    if !cues::is_verb(t) || is_participle(t) || self.inside_quote(w.start) {
                        continue;
                    }
                    let mut b = k + j;
                    while b > k && is_adverb(self.t(&ws[b - 1])) {
                        b -= 1;
                    }
                    if b > k
                        && let Some(l) = self.index.at(field, ws[b - 1].start)
                        && l.end == ws[b - 1].end
                        && l.kind != EntityType::Misc
                    {
                        out.push(((l.start, pi, l.entity), false));
                    }
                }
                k = end;
            }
        }
        out
    }

    /// A headline "'Good' talks …: Zelenskyy" names its speaker after the last colon (or
    /// "Zelenskyy: '…'" before the first, or "…, says Merkel" after the last comma).
    fn headline_speaker(&self) -> Option<(Option<usize>, String)> {
        let text = self.text;
        let mut parts: Vec<&[Word]> = Vec::new();
        if let (Some(first), Some(last)) = (text.find(':'), text.rfind(':')) {
            parts.push(self.words(last + 1, text.len()));
            parts.push(self.words(0, first));
        }
        // "'Very productive' talks, says Merkel": a reporting verb after the last comma.
        if let Some(comma) = text.rfind(',') {
            let tail = self.words(comma + 1, text.len());
            if tail.iter().any(|w| cues::is_verb(self.t(w))) {
                parts.push(tail);
            }
        }
        for part in parts {
            let wordlike = part
                .iter()
                .filter(|w| words::is_wordlike(self.t(w)))
                .count();
            if wordlike == 0 || wordlike > 5 || part.iter().any(|w| self.inside_quote(w.start)) {
                continue;
            }
            if let Some(l) = self
                .index
                .overlapping(self.layer.field, part[0].start, part[part.len() - 1].end)
                .find(|l| matches!(l.kind, EntityType::Person | EntityType::Organization))
            {
                return Some((Some(l.entity), self.entities[l.entity].name.clone()));
            }
        }
        None
    }

    /// The quote just before `i` (past unattributed ones of its paragraph), in its
    /// paragraph or the one before, when it was attributed to a description that names
    /// nobody ("the Republican candidate") and no
    /// person is mentioned between the two: whom a "he" or "she" of quote `i` stands for.
    fn described_speaker_before(&self, i: usize, done: &[Attribution]) -> Option<usize> {
        let m = &self.marked[i];
        let mut prev = i.checked_sub(1)?;
        // Past phrases of this paragraph that wait for this quote's speaker: "The program
        // was a “good thing” that yielded “frankly good information,” he remarked." A few
        // at most: a paragraph of unattributed quotes would make the walk quadratic.
        let mut waiting = 0;
        while done[prev].name.is_none() && self.marked[prev].para == m.para {
            waiting += 1;
            if waiting > MAX_WAITING_PHRASES {
                return None;
            }
            prev = prev.checked_sub(1)?;
        }
        let p = &self.marked[prev];
        let attribution = &done[prev];
        if attribution.entity.is_some() || attribution.name.is_none() || p.para + 1 < m.para {
            return None;
        }
        let from = p.close_end.unwrap_or(p.end);
        let person_between = self
            .index
            .overlapping(self.layer.field, from, m.open)
            .any(|l| l.start >= from && l.kind == EntityType::Person);
        (!person_between).then_some(prev)
    }

    /// Whether a sentence that starts between quotes `prev` and `i` names a person other
    /// than `speaker` before quote `i` opens: "“I love Hispanics!” Former candidate Jeb
    /// Bush told a Dutch paper: “What Trump did …”" is Bush's, not a second quote of the
    /// tweet before. "“…,” Smith said of Jones. “…”" names Jones in the sentence that
    /// ends before the quote, which is Smith's still.
    fn new_subject_between(&self, prev: usize, i: usize, speaker: Option<usize>) -> bool {
        let p = &self.marked[prev];
        let from = p.close_end.unwrap_or(p.end);
        let to = self.marked[i].open;
        if from >= to {
            return false;
        }
        let between = &self.text[from..to];
        let start = match between.rfind(['.', '?', '!']) {
            Some(k) => from + k + 1,
            // No sentence ends between the quotes: a new one starts right after the
            // previous quote only if that quote ended one and a capital follows.
            None => {
                let ended = self.text[p.open..from]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && !".?!".contains(c))
                    .ends_with(['.', '?', '!']);
                let capital = between.trim_start().starts_with(|c: char| c.is_uppercase());
                if !(ended && capital) {
                    return false;
                }
                from
            }
        };
        self.index
            .overlapping(self.layer.field, start, to)
            .any(|l| l.start >= start && l.kind == EntityType::Person && Some(l.entity) != speaker)
    }

    /// A quote with no attribution of its own that carries on an attributed one: the next
    /// paragraph of a multi-paragraph quote, a paragraph that is all quote right after an
    /// attributed one, or a second quote of the same paragraph. `partial` says whether quote
    /// `i` is a phrase in the writer's sentence ([`Self::is_partial`], which the caller has
    /// already computed).
    fn continued_from(&self, i: usize, partial: bool, done: &[Attribution]) -> Option<usize> {
        let prev = i.checked_sub(1)?;
        let m = &self.marked[i];
        let p = &self.marked[prev];
        done[prev].name.as_ref()?;
        if m.continues {
            return Some(prev);
        }
        if partial {
            // A phrase in the writer's own sentence: only when the previous quote is in the
            // same sentence.
            let between = &self.text[p.close_end.unwrap_or(p.end)..m.open];
            return (p.para == m.para && !between.contains(['.', '?', '!'])).then_some(prev);
        }
        if p.para == m.para {
            return (!self.new_subject_between(prev, i, done[prev].entity)).then_some(prev);
        }
        // A phrase woven into the writer's sentence ("speculated about its “explosive
        // yield”") is not the start of a quote the next paragraph carries on.
        if done[prev].partial {
            return None;
        }
        // The paragraph opens with this quote and the previous paragraph ended in a quote.
        let (pstart, _) = self.para_bounds(m);
        let opens_paragraph = self.text[pstart..m.open].trim().is_empty();
        let prev_last_in_para =
            self.marked.get(prev + 1).is_none_or(|n| n.para != p.para) || prev + 1 == i;
        (opens_paragraph && prev_last_in_para && p.para + 1 == m.para).then_some(prev)
    }
}

/// The speaker label opening a quoted transcript line, "RAMOS:" or "MR. TRUMP:", as a
/// surname ("Ramos", "Trump"): one or two upper-case words and a colon.
fn transcript_label(quote: &str) -> Option<String> {
    // A label is short: look for its colon near the start only.
    let head = quote
        .char_indices()
        .nth(32)
        .map_or(quote, |(i, _)| &quote[..i]);
    let colon = head.find(':')?;
    let (label, rest) = (&quote[..colon], &quote[colon + 1..]);
    let words: Vec<&str> = label.split_whitespace().collect();
    let upper = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '-')
    };
    if words.is_empty() || words.len() > 2 || !words.iter().all(upper) || rest.trim().is_empty() {
        return None;
    }
    let last = words[words.len() - 1];
    let mut chars = last.chars();
    let first = chars.next()?;
    Some(first.to_string() + &chars.as_str().to_lowercase())
}

/// The words a title abbreviation stands for, so "the governor" finds "Gov. Chris Christie".
fn title_abbreviation(word: &str) -> &'static [&'static str] {
    match word.trim_end_matches('.') {
        "gov" => &["governor"],
        "sen" => &["senator", "lawmaker"],
        "rep" => &["representative", "congressman", "congresswoman", "lawmaker"],
        "gen" => &["general"],
        "lt" => &["lieutenant"],
        "col" => &["colonel"],
        "capt" => &["captain"],
        "sgt" => &["sergeant"],
        "adm" => &["admiral"],
        "amb" => &["ambassador"],
        "supt" => &["superintendent"],
        "atty" => &["attorney"],
        "sec" | "secy" => &["secretary"],
        "pres" => &["president"],
        _ => &[],
    }
}

/// Nouns for a written statement: made by someone ("issued a statement: “…”") and standing
/// for its author as subject of a reporting verb ("“…,” the statement said").
fn is_document(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "tweet"
            | "message"
            | "letter"
            | "email"
            | "post"
            | "note"
            | "memo"
            | "release"
            | "filing"
    )
}

/// "saying", "adding": a reporting participle whose subject is the main clause's.
fn is_participle(cue: &str) -> bool {
    cue.ends_with("ing")
}

/// A lower-case word shaped like a finite verb ("issued", "says"): tells "Ryan issued a
/// statement" (no description) from "GOP leadership aide" (one).
fn looks_like_verb(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && (w.ends_with("ed") || cues::is_verb(w) || (w.ends_with('s') && !w.ends_with("ss")))
        && !is_determiner(w)
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "another"
            | "one"
            | "two"
            | "three"
            | "some"
            | "several"
            | "many"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "other"
            | "top"
            | "senior"
    )
}

/// True when a possessive follows byte `end` ("Trump’s", "Democrats’"): the name owns
/// something and is not the subject.
fn possessive_after(text: &str, end: usize) -> bool {
    let after = &text[end..];
    for mark in ['\'', '’'] {
        if let Some(rest) = after.strip_prefix(mark) {
            let next = rest.chars().next();
            let plural = text[..end].ends_with('s') && next.is_none_or(|c| !c.is_alphanumeric());
            return plural
                || (matches!(next, Some('s' | 'S'))
                    && rest[1..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric()));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{Covered, transcript_label};

    /// The scan `inside_quote` used to do, as the reference.
    fn scan(spans: &[(usize, usize)], pos: usize) -> bool {
        spans.iter().any(|&(s, e)| s <= pos && pos < e)
    }

    #[test]
    fn transcript_labels_are_upper_case_names_before_a_colon() {
        assert_eq!(
            transcript_label("RAMOS:  Secretary Clinton, did you lie to them?").as_deref(),
            Some("Ramos")
        );
        assert_eq!(
            transcript_label("MR. TRUMP: We will win.").as_deref(),
            Some("Trump")
        );
        for not in [
            "Note: this is not a label",
            "We need three things: jobs, jobs, jobs",
            "A: yes",
            "RAMOS:",
        ] {
            assert_eq!(transcript_label(not), None, "{not}");
        }
    }

    #[test]
    fn covered_answers_as_the_scan_over_every_quote_did() {
        // Deterministic pseudo-random spans: disjoint, nested, overlapping, empty, unsorted.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            usize::try_from(x % n).unwrap_or(0)
        };
        for round in 0..300 {
            let count = next(12);
            let spans: Vec<(usize, usize)> = (0..count)
                .map(|_| {
                    let start = next(60);
                    (start, start + next(if round % 3 == 0 { 40 } else { 8 }))
                })
                .collect();
            let covered = Covered::from_spans(spans.clone());
            for pos in 0..110 {
                assert_eq!(
                    covered.contains(pos),
                    scan(&spans, pos),
                    "{spans:?} at {pos}"
                );
            }
        }
    }
}
