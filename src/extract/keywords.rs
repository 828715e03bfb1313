//! Key phrases: YAKE (Campos et al., 2020), a statistical single-document method with no
//! training data, scored from each word's casing, position, frequency, spread over the
//! sentences and how varied its neighbours are (a word next to anything is a function word).
//! Candidates are runs of up to [`MAX_WORDS`] words inside one clause that neither start nor
//! end with a stop word nor on a word the article itself shows to be a verb ("could gain",
//! "estimate the") or only ever a modifier. A phrase scores by the geometric mean of its
//! words' scores and its own frequency (YAKE's product breaks down on short texts, where
//! word scores exceed 1 and longer phrases would lose); a lone word pays a penalty, so
//! "security guarantees" beats "security", and a lone sentiment word ("good") never counts.
//! Names weigh less than in YAKE: the record's entities already list them.
//!
//! Words are grouped by a light plural-folding key ("guarantees" = "guarantee"), and a phrase
//! that contains, is contained in, shares half its words or a name with an already chosen
//! one is dropped, so the list has no near-duplicates.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::doc::{Doc, EntityDraft};
use super::lexicon::Entry;
use super::vocab::NOT_A_WORD;
use crate::record::Keyword;

/// Longest word, in bytes, that can be part of a key phrase: longer runs of letters are not
/// words of prose (the longest English dictionary words have under 50 letters), and would
/// make a keyword as large as the article.
const MAX_WORD_BYTES: usize = 64;
/// Longest key phrase, in words (YAKE's default n-gram size).
const MAX_WORDS: usize = 3;
/// Stop words a phrase may have inside it ("Ministry of Defence", "rule of law"); any
/// other stop word ends the phrase ("Kushner on ending" is no phrase).
const INNER_STOPWORDS: &[&str] = &["of"];
/// Weight of YAKE's casing feature. Full weight makes every name outrank every concept;
/// names are already the record's entities, so key phrases lean towards what the article
/// is about ("security guarantees") and keep only the most repeated names.
const CASE_WEIGHT: f64 = 0.25;
/// A lone word's score is multiplied by this (lower scores are better): "peace proposal"
/// tells a reader more than "peace" or "proposal".
const SINGLE_WORD_PENALTY: f64 = 4.0;
/// Words after which the next word is a verb.
const VERB_CUES: &[&str] = &[
    "to", "will", "would", "could", "can", "cannot", "should", "shall", "may", "might", "must",
    "we", "they", "i", "he", "she", "you", "didn't", "don't", "doesn't", "won't",
];
/// Exponent on YAKE's position feature: 1 is YAKE; lower lets a concept from the body
/// compete with the headline's words.
const POSITION_WEIGHT: f64 = 0.25;
/// Words that open a noun phrase; what comes right before them is a verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
];
/// Weight of YAKE's relatedness feature. In a short article nearly every content word has
/// a different neighbour each time, so full weight mostly punishes the words the article
/// repeats, which are its topic.
const RELATEDNESS_WEIGHT: f64 = 0.5;
/// Most distinct words tracked: ids must fit the 21 bits [`pack`] gives each.
const MAX_TERMS: usize = (1 << 21) - 2;
/// Fewest and most phrases returned (when the text has that many candidates).
const MIN_KEYWORDS: usize = 5;
const MAX_KEYWORDS: usize = 15;
/// One more phrase per this many words of text, between the bounds above.
const WORDS_PER_KEYWORD: usize = 40;

/// One word occurrence.
#[derive(Debug, Clone, Copy)]
struct Occ<'a> {
    term: u32,
    sentence: u32,
    /// The word as written (a possessive "'s" cut off).
    surface: &'a str,
    stop: bool,
    /// Punctuation, a number or a possessive stands between this word and the previous
    /// one: no phrase spans the gap.
    break_before: bool,
    /// A quotation mark stands between this word and the previous one (or opens the
    /// sentence before it).
    quote_before: bool,
}

/// What YAKE needs to know about one distinct word.
#[derive(Debug, Default, Clone)]
struct TermStats {
    tf: u32,
    /// Occurrences capitalised away from the start of a sentence (names).
    upper: u32,
    /// Occurrences written in capitals ("US", "NATO").
    acronym: u32,
    /// Occurrences that are not the first word of a sentence or in the title: where case
    /// says something.
    cased: u32,
    /// Occurrences inside a name the recogniser found: how to write a word only ever seen
    /// where case says nothing ("Britain's envoy said" opening a sentence).
    named: u32,
    /// The sentence of the last occurrence seen, and of the median one.
    last_sentence: Option<u32>,
    median_sentence: u32,
    /// Number of distinct sentences the word occurs in.
    spread: u32,
    stop: bool,
    /// What the word is, by its lowercase form: a sentiment word, a verb cue ("to", "could"),
    /// a determiner, or a stop word allowed inside a phrase.
    sentiment: bool,
    verb_cue: bool,
    determiner: bool,
    inner: bool,
    /// Seen right after "to", a modal or a subject pronoun somewhere in the article ("could
    /// gain", "to refine", "we discussed"): a verb there, so no phrase starts or ends on it.
    verb: bool,
    /// A word that is nearly always a verb (the verb list of [`super::lexicon`]): phrases
    /// stop before it.
    finite_verb: bool,
    /// Seen last in a run of content words somewhere (before punctuation, a stop word or
    /// the end of the sentence), where English puts a noun phrase's head. A word only ever
    /// seen before another content word ("international acceptance") is a modifier, and a
    /// phrase ending on it is cut short.
    head: bool,
    /// The first two different content words seen right after this one (term id + 1; 0
    /// until seen), and whether a third one was: a generic modifier ("real", "new",
    /// "other"), which starts no phrase unless it also heads one.
    modified: [u32; 2],
    generic: bool,
}

/// The article's key phrases, best first, each with a score in (0, 1] relative to the best.
///
/// `entities` are the names the recogniser found: they decide how a word is written when it
/// only ever opens sentences (pass none to judge by the text alone).
pub fn extract(doc: &Doc<'_>, entities: &[EntityDraft]) -> Vec<Keyword> {
    let vocab = &doc.vocab;
    let size: usize = doc.layers().map(|l| l.tokens.len()).sum();
    // Each word form is classified, plural-folded and looked up once, on its first
    // occurrence; later ones read it from this table.
    let mut forms: Vec<FormInfo> = vec![FormInfo::UNSEEN; vocab.len()];
    let mut keys: FxHashMap<Cow<'_, str>, u32> =
        FxHashMap::with_capacity_and_hasher(vocab.len(), Default::default());
    let mut terms: Vec<TermStats> = Vec::with_capacity(vocab.len());
    // The lowercase form each term was first seen as, by term id.
    let mut term_forms: Vec<&str> = Vec::with_capacity(vocab.len());
    let mut occs: Vec<Occ<'_>> = Vec::with_capacity(size);
    // Mirrors `terms[..].verb_cue`, readable while a term is borrowed mutably.
    let mut verb_cues: Vec<bool> = Vec::new();
    let mut sentence = 0u32;
    let mut words = 0usize;
    for layer in doc.layers() {
        let in_title = layer.field == crate::record::Field::Title;
        let ids = vocab.ids(layer.field);
        let mut in_name = vec![false; layer.tokens.len()];
        for m in entities.iter().flat_map(|e| &e.mentions) {
            if m.field == layer.field
                && let Some(flags) = in_name.get_mut(m.tokens.clone())
            {
                flags.fill(true);
            }
        }
        for s in &layer.sentences {
            let first_occ = occs.len();
            // Punctuation, a number or a possessive since the previous word: no phrase
            // spans the gap.
            let mut broken = true;
            let mut quote = false;
            // In a sentence written in capitals ("SOCCER - SCOTLAND IN DRAW") a stop word in
            // capitals is no acronym, unless it is part of a name ("NEW YORK").
            let caps = s
                .tokens
                .clone()
                .all(|t| !layer.token_text(t).contains(char::is_lowercase));
            for tok in s.tokens.clone() {
                let form = ids[tok];
                if form == NOT_A_WORD {
                    broken = true;
                    quote |= is_quote_mark(layer.token_text(tok));
                    continue;
                }
                let surface = layer.token_text(tok);
                let info = &mut forms[form as usize];
                if info.kind == FormKind::Unseen {
                    *info = FormInfo::of(vocab.form(form), vocab.entry(form));
                }
                if info.kind == FormKind::Break || surface.len() > MAX_WORD_BYTES {
                    broken = true;
                    continue;
                }
                let break_before = std::mem::replace(&mut broken, false);
                let quote_before = std::mem::replace(&mut quote, false);
                words += 1;
                let is_acronym = (!caps || in_name[tok])
                    && surface.len() >= 2
                    && surface
                        .chars()
                        .all(|c| c.is_uppercase() || c.is_ascii_digit())
                    && surface.chars().any(char::is_uppercase);
                let is_stop = !is_acronym && info.kind == FormKind::Stop;
                let id = match info.term {
                    Some(id) => id,
                    None => {
                        let lower = vocab.form(form);
                        let folded: Cow<'_, str> = match info.kind {
                            FormKind::Stop => Cow::Borrowed(lower),
                            _ => match plural_fold(lower) {
                                Fold::Keep => Cow::Borrowed(lower),
                                Fold::Cut(n) => Cow::Borrowed(&lower[..n]),
                                fold @ Fold::Ies(_) => {
                                    let mut key = lower.to_string();
                                    apply_fold(&mut key, fold);
                                    Cow::Owned(key)
                                }
                            },
                        };
                        let id = match keys.get(folded.as_ref()) {
                            Some(&id) => id,
                            // Phrase keys hold 21-bit ids; a text with more distinct words
                            // than that is not prose, and its further new words are skipped.
                            None if terms.len() >= MAX_TERMS => continue,
                            None => {
                                let id = u32::try_from(terms.len()).unwrap_or(u32::MAX);
                                terms.push(TermStats {
                                    stop: is_stop,
                                    sentiment: vocab.entry(form).sentiment(),
                                    verb_cue: VERB_CUES.contains(&lower),
                                    finite_verb: !is_stop && vocab.entry(form).verb,
                                    determiner: DETERMINERS.contains(&lower),
                                    inner: INNER_STOPWORDS.contains(&lower),
                                    ..TermStats::default()
                                });
                                keys.insert(folded, id);
                                term_forms.push(lower);
                                id
                            }
                        };
                        info.term = Some(id);
                        id
                    }
                };
                verb_cues.resize(terms.len(), false);
                verb_cues[id as usize] = terms[id as usize].verb_cue;
                let t = &mut terms[id as usize];
                t.tf += 1;
                if t.last_sentence != Some(sentence) {
                    t.spread += 1;
                    t.last_sentence = Some(sentence);
                }
                let cased = !in_title && occs.len() > first_occ;
                if !break_before
                    && occs.len() > first_occ
                    && occs.last().is_some_and(|p| verb_cues[p.term as usize])
                {
                    t.verb = true;
                }
                if is_acronym {
                    t.acronym += 1;
                } else if cased && surface.starts_with(char::is_uppercase) {
                    t.upper += 1;
                }
                t.cased += u32::from(cased || is_acronym);
                t.named += u32::from(in_name[tok]);
                occs.push(Occ {
                    term: id,
                    sentence,
                    surface,
                    stop: is_stop,
                    break_before,
                    quote_before,
                });
            }
            sentence += 1;
        }
    }
    if occs.is_empty() {
        return Vec::new();
    }
    // Occurrences come in sentence order, so the median one is the (tf/2)-th seen.
    let mut seen = vec![0u32; terms.len()];
    for o in &occs {
        let t = &mut terms[o.term as usize];
        if seen[o.term as usize] == t.tf / 2 {
            t.median_sentence = o.sentence;
        }
        seen[o.term as usize] += 1;
    }
    for (i, o) in occs.iter().enumerate() {
        let next = occs.get(i + 1).filter(|n| n.sentence == o.sentence);
        let ends_run = next.is_none_or(|n| n.break_before || n.stop);
        // A word quoted on its own ("'Good' talks") is cited, not used: where it stands
        // says nothing about whether it heads a noun phrase.
        let quoted_alone = o.quote_before && next.is_some_and(|n| n.quote_before);
        if ends_run && !quoted_alone {
            terms[o.term as usize].head = true;
        }
        // A modifier placed before three or more different words ("real security, real
        // recovery, and real peace", "new rules ... new talks ... new sanctions") qualifies
        // whatever comes next and names no topic of its own.
        if let Some(n) = next.filter(|n| !ends_run && !n.stop) {
            let t = &mut terms[o.term as usize];
            let word = n.term + 1;
            match t.modified {
                [a, b] if a == word || b == word => {}
                [0, _] => t.modified[0] = word,
                [_, 0] => t.modified[1] = word,
                _ => t.generic = true,
            }
        }
        // A lowercase word right after a name may be the name's verb.
        if i > 0
            && !o.stop
            && !o.break_before
            && occs[i - 1].sentence == o.sentence
            && !occs[i - 1].stop
            && terms[occs[i - 1].term as usize].is_name()
            && o.surface.starts_with(char::is_lowercase)
        {
            if o.surface.ends_with('s') && !o.surface.ends_with("ss") {
                // "Port Alder approves", "Zelenskyy says": no phrase starts or ends on it.
                terms[o.term as usize].verb = true;
            } else if IRREGULAR_PAST.contains(&o.surface)
                || (is_regular_past(o.surface) && !before_content_word(next))
            {
                // "Scotland drew", "the European Parliament met", "Derbyshire kept": a
                // past tense ends the name's phrase and starts none ("Austria kept
                // possession" is no key phrase).
                terms[o.term as usize].finite_verb = true;
            }
        }
        // A content word right before a determiner is a verb ("estimate the repayments",
        // "argued that"): nouns are followed by prepositions, not determiners.
        if !o.stop
            && occs.get(i + 1).is_some_and(|n| {
                n.sentence == o.sentence && !n.break_before && terms[n.term as usize].determiner
            })
        {
            terms[o.term as usize].verb = true;
        }
    }
    // Ranking works on logarithms: the geometric mean becomes a plain mean, and the order
    // is the same without an `exp` per candidate.
    let log_scores: Vec<f64> = score_terms(&terms, &occs, sentence.max(1))
        .into_iter()
        .map(f64::ln)
        .collect();
    let log_single_penalty = SINGLE_WORD_PENALTY.ln();
    let candidates = candidates(&occs, &terms);
    let mut ranked: Vec<(f64, usize, u64)> = Vec::with_capacity(candidates.len());
    for (&k, &(tf, first)) in &candidates {
        let phrase = unpack(k);
        let ids = phrase.ids();
        let lead = &terms[ids[0] as usize];
        // An evaluative word alone, or only ever modifying ("good conversation", "brutal
        // war"), gives an opinion, not a topic.
        if (ids.len() == 1 || !lead.head) && lead.sentiment {
            continue;
        }
        if lead.generic && !lead.head && !lead.is_name() {
            continue;
        }
        // A name said once is an entity of the record, not a theme of the article.
        if ids.iter().all(|&id| terms[id as usize].is_name())
            && ids.iter().any(|&id| terms[id as usize].tf < 2)
        {
            continue;
        }
        let (log_sum, n) = ids
            .iter()
            .filter(|&&id| !terms[id as usize].stop)
            .fold((0.0, 0.0), |(l, n), &id| {
                (l + log_scores[id as usize], n + 1.0)
            });
        let mut s = log_sum / n;
        if tf > 1 {
            s -= (1.0 + f64::from(tf).ln()).ln();
        }
        if ids.len() == 1 {
            s += log_single_penalty;
        }
        ranked.push((s, first, k));
    }
    let by_rank = |a: &(f64, usize, u64), b: &(f64, usize, u64)| {
        a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    // Only the head of the ranking is read: order a generous prefix, and the rest only if
    // near-duplicates exhaust it.
    let want = (MIN_KEYWORDS + words / WORDS_PER_KEYWORD).min(MAX_KEYWORDS);
    let prefix = (want * 8).min(ranked.len());
    if prefix > 0 && prefix < ranked.len() {
        ranked.select_nth_unstable_by(prefix - 1, by_rank);
    }
    ranked[..prefix].sort_unstable_by(by_rank);
    let best = ranked.first().map_or(0.0, |r| r.0);
    let mut chosen: Vec<(Phrase, Keyword)> = Vec::with_capacity(want);
    let mut countries = Countries {
        known: vec![None; terms.len()],
        forms: &term_forms,
    };
    for i in 0..ranked.len() {
        if chosen.len() == want {
            break;
        }
        if i == prefix {
            ranked[prefix..].sort_unstable_by(by_rank);
        }
        let (s, first, k) = ranked[i];
        let phrase = unpack(k);
        let set = phrase.content(&terms);
        if chosen
            .iter()
            .any(|(other, _)| near_duplicate(set.ids(), other.ids(), &terms, &mut countries))
        {
            continue;
        }
        let text = display(&occs[first..first + phrase.len], &terms);
        chosen.push((
            set,
            Keyword {
                text,
                score: ((best - s).exp() * 1000.0).round() / 1000.0,
            },
        ));
    }
    chosen.into_iter().map(|(_, k)| k).collect()
}

/// Two phrases say the same thing when one's words contain the other's, when they share
/// at least half of their distinct words ("Ukrainian President Volodymyr" and "President
/// Volodymyr Zelenskyy"), or when they share a name ("US envoy Witkoff", "Steve Witkoff"),
/// counting a country and its adjective as one name ("Russia war", "Russian war").
fn near_duplicate(a: &[u32], b: &[u32], terms: &[TermStats], countries: &mut Countries) -> bool {
    let mut shared = 0;
    for id in a {
        if b.contains(id) {
            shared += 1;
            if terms[*id as usize].is_name() {
                return true;
            }
        }
    }
    if shared == a.len() || shared == b.len() || 2 * shared >= a.len() + b.len() - shared {
        return true;
    }
    // Names of each phrase the other lacks: a country on one side, its adjective on the other.
    let own_name = |id: u32, other: &[u32]| terms[id as usize].is_name() && !other.contains(&id);
    if !b.iter().any(|&y| own_name(y, a)) {
        return false;
    }
    for &x in a.iter().filter(|&&x| own_name(x, b)) {
        if let Some(c) = countries.of(x) {
            for &y in b.iter().filter(|&&y| own_name(y, a)) {
                if countries.of(y) == Some(c) {
                    return true;
                }
            }
        }
    }
    false
}

/// The country a name term refers to, as a country name or national adjective in the place
/// gazetteer ("Russia", "Russian"), looked up when first asked, once per term.
struct Countries<'f> {
    /// By term id: `None` until looked up.
    known: Vec<Option<Option<&'static str>>>,
    /// The lowercase form of every term.
    forms: &'f [&'f str],
}

impl Countries<'_> {
    fn of(&mut self, id: u32) -> Option<&'static str> {
        let w = self.forms[id as usize];
        *self.known[id as usize].get_or_insert_with(|| {
            super::places::country_of_demonym(w).or_else(|| super::places::country_named(w))
        })
    }
}

/// A quotation mark token, straight or curly, single or double.
/// Whether `next` is a lowercase content word: a participle before one is as likely an
/// adjective ("Republican registered voters", "Obama's continued backlash") as a verb.
fn before_content_word(next: Option<&Occ<'_>>) -> bool {
    next.is_some_and(|n| !n.stop && !n.break_before && n.surface.starts_with(char::is_lowercase))
}

/// Irregular past tenses that are seldom anything else ("won", the currency, and "held",
/// as in "privately held", are left out).
const IRREGULAR_PAST: &[&str] = &[
    "met", "said", "told", "took", "made", "went", "came", "gave", "ran", "saw", "began", "became",
    "brought", "bought", "built", "sent", "spent", "grew", "drew", "thought", "sought", "fought",
    "caught", "taught", "wrote", "spoke", "broke", "chose", "drove", "flew", "knew", "struck",
    "sold", "paid", "led", "rose", "fell", "stood", "heard", "meant", "kept", "lost", "left",
];

/// A lowercase word that reads as a regular past tense or participle: "stayed", "launched";
/// not "need", "speed" or a short "bed".
fn is_regular_past(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
}

fn is_quote_mark(token: &str) -> bool {
    matches!(token, "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»")
}

/// What a word form is, for key phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormKind {
    Unseen,
    /// No letters ("2025", "1,000", "24/7"), or other marks than inner hyphens and
    /// apostrophes ("U.S.", "Sen.", "@handle"): breaks phrases like punctuation.
    Break,
    /// A stop word (or a single char), unless written as an acronym ("US").
    Stop,
    Content,
}

/// A word form's kind and, once met, its term.
#[derive(Debug, Clone, Copy)]
struct FormInfo {
    kind: FormKind,
    term: Option<u32>,
}

impl FormInfo {
    const UNSEEN: FormInfo = FormInfo {
        kind: FormKind::Unseen,
        term: None,
    };

    fn of(lower: &str, entry: &Entry) -> FormInfo {
        let word_like = lower
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'');
        let kind = if !word_like || !lower.chars().any(char::is_alphabetic) {
            FormKind::Break
        } else if lower.chars().nth(1).is_none() || entry.stop {
            FormKind::Stop
        } else {
            FormKind::Content
        };
        FormInfo { kind, term: None }
    }
}

/// How to fold a plural: keep the word, cut it to a length, or cut it and add "y".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Keep,
    Cut(usize),
    Ies(usize),
}

/// Regular English plurals folded so "guarantees" and "guarantee" are one word; short
/// words and Latin/Greek "-us"/"-is" singulars are left alone.
fn plural_fold(w: &str) -> Fold {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        Fold::Ies(n - 3)
    } else if n > 4 && w.ends_with("sses") {
        Fold::Cut(n - 2)
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        Fold::Cut(n - 1)
    } else {
        Fold::Keep
    }
}

fn apply_fold(key: &mut String, fold: Fold) {
    match fold {
        Fold::Keep => {}
        Fold::Cut(n) => key.truncate(n),
        Fold::Ies(n) => {
            key.truncate(n);
            key.push('y');
        }
    }
}

#[cfg(test)]
fn fold_plural(key: &mut String) {
    let fold = plural_fold(key);
    apply_fold(key, fold);
}

/// YAKE's word score for every term (lower is more important); stop words get infinity.
fn score_terms(terms: &[TermStats], occs: &[Occ<'_>], sentences: u32) -> Vec<f64> {
    let content: Vec<f64> = terms
        .iter()
        .filter(|t| !t.stop)
        .map(|t| f64::from(t.tf))
        .collect();
    let n = content.len().max(1) as f64;
    let mean = content.iter().sum::<f64>() / n;
    let std = (content.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
    let max_tf = content.iter().copied().fold(1.0, f64::max);

    // Neighbours on each side, as (term, neighbour) pairs; distinct / total is how freely a
    // word combines, which is high for function-like words.
    // Pairs as u64 (term << 32 | neighbour). A word seen once has as many distinct
    // neighbours as neighbours, so only repeated content words need the sort.
    let mut left: Vec<u64> = Vec::with_capacity(occs.len());
    let mut right: Vec<u64> = Vec::with_capacity(occs.len());
    let mut left_total = vec![0u32; terms.len()];
    let mut right_total = vec![0u32; terms.len()];
    let repeated = |id: u32| {
        let t = &terms[id as usize];
        t.tf >= 2 && !t.stop
    };
    for w in occs.windows(2) {
        if w[0].sentence == w[1].sentence && !w[1].break_before {
            let (a, b) = (w[0].term, w[1].term);
            left_total[b as usize] += 1;
            right_total[a as usize] += 1;
            if repeated(b) {
                left.push(u64::from(b) << 32 | u64::from(a));
            }
            if repeated(a) {
                right.push(u64::from(a) << 32 | u64::from(b));
            }
        }
    }
    let spread = |pairs: &mut Vec<u64>, total: &[u32]| {
        pairs.sort_unstable();
        let mut distinct = vec![0u32; terms.len()];
        for (i, p) in pairs.iter().enumerate() {
            if i == 0 || pairs[i - 1] != *p {
                distinct[(p >> 32) as usize] += 1;
            }
        }
        total
            .iter()
            .enumerate()
            .map(|(id, &t)| match t {
                0 => 0.0,
                t if repeated(id as u32) => f64::from(distinct[id]) / f64::from(t),
                _ => 1.0,
            })
            .collect::<Vec<f64>>()
    };
    let wl = spread(&mut left, &left_total);
    let wr = spread(&mut right, &right_total);
    // Position depends only on the median sentence: computed once per sentence index.
    let mut position = vec![f64::NAN; sentences as usize];

    terms
        .iter()
        .enumerate()
        .map(move |(i, t)| {
            if t.stop {
                return f64::INFINITY;
            }
            let tf = f64::from(t.tf);
            let case = CASE_WEIGHT * f64::from(t.upper.max(t.acronym)) / (1.0 + tf.ln());
            let m = t.median_sentence as usize;
            if position[m].is_nan() {
                position[m] = (3.0 + m as f64).ln().ln().powf(POSITION_WEIGHT);
            }
            let position = position[m];
            let freq = tf / (mean + std);
            let rel = 1.0 + RELATEDNESS_WEIGHT * (wl[i] + wr[i]) * tf / max_tf;
            let diff = f64::from(t.spread) / f64::from(sentences);
            rel * position / (case + freq / rel + diff / rel)
        })
        .collect()
}

/// Term ids packed into a phrase key: 21 bits each, id + 1 so that 0 means "no word".
fn pack(ids: &[u32]) -> u64 {
    ids.iter()
        .fold(0u64, |k, &id| k << 21 | (u64::from(id) + 1) & 0x1f_ffff)
}

/// A phrase's term ids, without allocating.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    buf: [u32; MAX_WORDS],
    len: usize,
}

impl Phrase {
    fn ids(&self) -> &[u32] {
        &self.buf[..self.len]
    }

    /// The phrase's distinct content words (stop words inside it dropped).
    fn content(&self, terms: &[TermStats]) -> Phrase {
        let mut out = Phrase {
            buf: [0; MAX_WORDS],
            len: 0,
        };
        for &id in self.ids() {
            if !terms[id as usize].stop && !out.ids().contains(&id) {
                out.buf[out.len] = id;
                out.len += 1;
            }
        }
        out
    }
}

fn unpack(k: u64) -> Phrase {
    let mut p = Phrase {
        buf: [0; MAX_WORDS],
        len: 0,
    };
    let mut rest = k;
    while rest != 0 && p.len < MAX_WORDS {
        p.len += 1;
        rest >>= 21;
    }
    let mut rest = k;
    for slot in p.buf[..p.len].iter_mut().rev() {
        *slot = ((rest & 0x1f_ffff) - 1) as u32;
        rest >>= 21;
    }
    p
}

/// Every candidate phrase: its frequency and the index of its first occurrence.
fn candidates(occs: &[Occ<'_>], terms: &[TermStats]) -> FxHashMap<u64, (u32, usize)> {
    let mut out: FxHashMap<u64, (u32, usize)> = FxHashMap::default();
    let mut ids = Vec::with_capacity(MAX_WORDS);
    for i in 0..occs.len() {
        if occs[i].stop {
            continue;
        }
        ids.clear();
        for j in i..(i + MAX_WORDS).min(occs.len()) {
            let o = &occs[j];
            if j > i && (o.break_before || o.sentence != occs[i].sentence) {
                break;
            }
            if o.stop && !terms[o.term as usize].inner {
                break;
            }
            ids.push(o.term);
            if o.stop {
                continue;
            }
            let t = &terms[o.term as usize];
            if t.finite_verb {
                break;
            }
            if t.verb || o.surface.ends_with("ly") {
                if j == i {
                    break;
                }
                continue;
            }
            // Past tenses end clauses, not names of things ("the scheme passed"); "-eed"
            // words ("need", "speed") are nouns.
            let past =
                o.surface.len() > 4 && o.surface.ends_with("ed") && !o.surface.ends_with("eed");
            if !t.head || past {
                continue;
            }
            let e = out.entry(pack(&ids)).or_insert((0, i));
            e.0 += 1;
        }
    }
    out
}

impl TermStats {
    /// Written capitalised (away from sentence starts) at least half the time it could
    /// show, or in capitals: a name.
    fn is_name(&self) -> bool {
        self.acronym > 0 || (self.upper > 0 && self.upper * 2 >= self.cased)
    }
}

/// The phrase as a reader would write it: names keep their capitals, other words are
/// lowercased (a sentence-initial "Ongoing" is not a name).
fn display(words: &[Occ<'_>], terms: &[TermStats]) -> String {
    let mut out = String::new();
    for (i, o) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let t = &terms[o.term as usize];
        // Seen only where case says nothing, but inside a name: "Britain", not "britain".
        if t.is_name() || (t.cased == 0 && t.named > 0) {
            out.push_str(o.surface);
        } else {
            out.extend(o.surface.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Doc<'_>) -> Vec<String> {
        extract(doc, &[]).into_iter().map(|k| k.text).collect()
    }

    #[test]
    fn phrases_keep_hyphens_and_stop_at_possessives_numbers_and_punctuation() {
        let doc = Doc::new(
            None,
            "The 28-point plan was discussed on Monday. The 28-point plan was revised on \
             Tuesday. Ukraine’s security guarantees matter, 2025 guarantees aside.",
            None,
        );
        let k = texts(&doc);
        assert!(k.contains(&"28-point plan".to_string()), "{k:?}");
        assert!(
            k.iter().any(|p| p.starts_with("security guarantees")),
            "{k:?}"
        );
        assert!(
            k.iter()
                .all(|p| !p.contains("Ukraine’s") && !p.contains("2025")),
            "{k:?}"
        );
    }

    #[test]
    fn plurals_fold_but_short_and_latin_words_do_not() {
        for (w, want) in [
            ("guarantees", "guarantee"),
            ("talks", "talk"),
            ("policies", "policy"),
            ("bus", "bus"),
            ("crisis", "crisis"),
            ("glass", "glass"),
            ("gas", "gas"),
        ] {
            let mut k = w.to_string();
            fold_plural(&mut k);
            assert_eq!(k, want);
        }
    }

    #[test]
    fn phrase_keys_round_trip() {
        for ids in [vec![0], vec![5, 0, 7], vec![2_000_000, 1]] {
            assert_eq!(unpack(pack(&ids)).ids(), ids);
        }
    }

    #[test]
    fn empty_text_has_no_keywords() {
        assert!(extract(&Doc::new(None, "", None), &[]).is_empty());
        assert!(extract(&Doc::new(None, "the of and, 42.", None), &[]).is_empty());
    }
}
