//! Document tone from a word lexicon: VADER's valences (MIT, see `models/lexicon/README.md`)
//! with its negation ("not good"), intensifier ("very good", "slightly bad") and contrast
//! ("good, but costly") rules, corrected for news where VADER's social-media ratings
//! mislead ("Security Council", "interest rates").
//!
//! Sentiment that is not the article's own is left out, as SO-CAL's irrealis blocking does
//! (Taboada et al., 2011, "Lexicon-based methods for sentiment analysis", §2.5): words inside
//! quotations (a source's words, not the reporting: "a 'good conversation'", a minister
//! calling talks "truly effective"), and words in the rest of a clause after a modal or "if"
//! ("could gain broader acceptance" reports no gain). They still negate and intensify what
//! follows them. Negative words weigh one and a half times as much as positive ones, SO-CAL's
//! correction for the positive lean of language.
//!
//! The lexicons are looked up once per distinct word, when the article's vocabulary is
//! built ([`super::lexicon`]); scoring is one pass over the words of each sentence.

use super::doc::Doc;
use super::lexicon::Entry;
use super::vocab::NOT_A_WORD;
use crate::record::{Field, Quote, Tone};

/// How much an intensifier adds to (a dampener takes from) the next sentiment word's
/// magnitude: VADER's empirically derived 0.293.
const BOOST: f64 = 0.293;
/// A negated word's valence is multiplied by this: VADER's -0.74 ("not good" is mildly
/// negative, not as negative as "bad").
const NEGATION: f64 = -0.74;
/// How far back (in words) a negation or intensifier reaches, as in VADER.
const REACH: usize = 3;
/// Sentiment before "but" counts half, after it one and a half times (VADER's rule: the
/// clause after the contrast carries the writer's point).
const BEFORE_BUT: f64 = 0.5;
const AFTER_BUT: f64 = 1.5;
/// Sentiment words that, before one of these nouns, name a topic rather than judge it:
/// "peace talks" and "relief programme" are what a story is about, whatever the news; "a
/// lasting peace" still counts.
const TOPICAL_COMPOUNDS: &[(&str, &[&str])] = &[
    (
        "peace",
        &[
            "accord",
            "agreement",
            "conference",
            "deal",
            "effort",
            "efforts",
            "envoy",
            "framework",
            "initiative",
            "negotiations",
            "negotiator",
            "negotiators",
            "plan",
            "process",
            "proposal",
            "summit",
            "talks",
            "treaty",
        ],
    ),
    (
        "relief",
        &[
            "agency",
            "effort",
            "efforts",
            "fund",
            "funds",
            "programme",
            "program",
            "supplies",
        ],
    ),
];

/// Negative sentiment weighs this much more than positive: SO-CAL's negative weighting
/// (Taboada et al., 2011, §2.6). Language leans positive (people use positive words more, and
/// lexicons rate them higher), so without it an even-handed report reads as mildly upbeat.
const NEGATIVE_WEIGHT: f64 = 1.5;
/// Words after which, to the end of the clause, sentiment is hypothetical.
const IRREALIS: &[&str] = &["could", "would", "should", "might", "may", "if"];
/// Punctuation that ends the clause an irrealis marker governs.
const CLAUSE_ENDS: &[&str] = &[",", ";", ":", "—", "–", "(", ")"];

/// Damps the overall score of texts with little sentiment: about two moderate words' worth
/// of valence, so one stray "good" in a long report does not read as glowing.
const SMOOTHING: f64 = 4.0;

/// The article's tone: title and body, every sentence, each sentiment word's valence
/// adjusted for negation, intensifiers and contrast; words inside `quotes` (the quotations
/// the record lists, with its char offsets) and hypothetical clauses do not count.
///
/// `positive` and `negative` are the shares of the sentiment mass (they sum to 1 when the
/// article has any sentiment word, both 0 otherwise); `score` is
/// `(pos - neg) / (pos + neg + SMOOTHING)`, in (-1, 1), near 0 for neutral reporting.
pub fn score<'q>(doc: &Doc<'_>, quotes: impl IntoIterator<Item = &'q Quote>) -> Tone {
    let quoted: Vec<(Field, usize, usize)> = quotes
        .into_iter()
        .map(|q| (q.field, q.start, q.end))
        .collect();
    // Each distinct word is classified once, not at every occurrence.
    let forms: Vec<Form> = (0..doc.vocab.len() as u32)
        .map(|id| Form::of(doc.vocab.form(id), doc.vocab.entry(id)))
        .collect();
    let mut pos = 0.0;
    let mut neg = 0.0;
    let mut words: Vec<u32> = Vec::new();
    let mut blocked: Vec<bool> = Vec::new();
    for layer in doc.layers() {
        let ids = doc.vocab.ids(layer.field);
        let mut spans: Vec<(usize, usize)> = quoted
            .iter()
            .filter(|q| q.0 == layer.field)
            .map(|q| (q.1, q.2))
            .collect();
        spans.sort_unstable();
        let mut span = 0;
        for s in &layer.sentences {
            words.clear();
            blocked.clear();
            let mut irrealis = false;
            for t in s.tokens.clone() {
                // Quote offsets count chars, as the record does; tokens count bytes.
                let at = layer.char_offset(layer.tokens[t].start);
                while span < spans.len() && spans[span].1 <= at {
                    span += 1;
                }
                let quoted = spans.get(span).is_some_and(|&(a, _)| a <= at);
                let id = ids[t];
                if id == NOT_A_WORD {
                    irrealis &= !CLAUSE_ENDS.contains(&layer.token_text(t));
                    continue;
                }
                words.push(id);
                blocked.push(quoted || irrealis);
                irrealis |= forms[id as usize].irrealis;
            }
            let (p, n) = sentence_sentiment(doc, &forms, &words, &blocked);
            pos += p;
            neg += n;
        }
    }
    let mass = pos + neg;
    if mass <= 0.0 {
        return Tone::default();
    }
    Tone {
        score: round3((pos - neg) / (mass + SMOOTHING)),
        positive: round3(pos / mass),
        negative: round3(neg / mass),
    }
}

/// Three decimals: more precision than a lexicon score has, and stable JSON.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// What the lexicons say about one lowercase word.
#[derive(Debug, Clone, Copy, Default)]
struct Form {
    /// Its valence; 0 for a word without sentiment.
    valence: f64,
    /// +1 for an intensifier, -1 for a dampener, 0 otherwise.
    booster: f64,
    negation: bool,
    but: bool,
    /// "kind" (before "of": a hedge, not kindness) and "of".
    kind: bool,
    of: bool,
    /// Names a topic before some nouns ("peace talks"): see [`TOPICAL_COMPOUNDS`].
    topical: Option<&'static [&'static str]>,
    /// Makes the rest of its clause hypothetical: see [`IRREALIS`].
    irrealis: bool,
}

impl Form {
    fn of(w: &str, entry: &Entry) -> Form {
        Form {
            valence: entry.valence,
            booster: entry.booster,
            negation: entry.negation,
            but: w == "but",
            kind: w == "kind",
            of: w == "of",
            irrealis: IRREALIS.contains(&w),
            topical: TOPICAL_COMPOUNDS
                .iter()
                .find(|(head, _)| *head == w)
                .map(|(_, nouns)| *nouns),
        }
    }
}

/// Positive and negative sentiment mass of one sentence's words (word ids of `doc`), leaving
/// out the valence of the `blocked` ones.
fn sentence_sentiment(
    doc: &Doc<'_>,
    forms: &[Form],
    words: &[u32],
    blocked: &[bool],
) -> (f64, f64) {
    let form = |id: u32| &forms[id as usize];
    let but = words.iter().position(|&w| form(w).but);
    let mut pos = 0.0;
    let mut neg = 0.0;
    for (i, &w) in words.iter().enumerate() {
        let f = form(w);
        if f.valence == 0.0 || blocked[i] {
            continue;
        }
        // "kind of", "sort of": a hedge, not kindness.
        if f.booster != 0.0 || (f.kind && words.get(i + 1).is_some_and(|&n| form(n).of)) {
            continue;
        }
        if let (Some(nouns), Some(&next)) = (f.topical, words.get(i + 1))
            && nouns.contains(&doc.vocab.form(next))
        {
            continue;
        }
        let mut v = f.valence;
        let mut negated = false;
        for k in 1..=REACH.min(i) {
            let prev = form(words[i - k]);
            if prev.booster != 0.0 {
                let damp = [1.0, 0.95, 0.9][k - 1];
                v += prev.booster * BOOST * damp * v.signum();
            }
            negated |= prev.negation;
        }
        if negated {
            v *= NEGATION;
        }
        match but {
            Some(b) if i < b => v *= BEFORE_BUT,
            Some(b) if i > b => v *= AFTER_BUT,
            _ => {}
        }
        if v > 0.0 {
            pos += v;
        } else {
            neg -= v * NEGATIVE_WEIGHT;
        }
    }
    (pos, neg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(text: &str) -> Tone {
        score(&Doc::new(None, text, None), &[])
    }

    #[test]
    fn contractions_negate_with_either_apostrophe() {
        for text in ["The talks weren't good.", "The talks weren’t good."] {
            assert!(tone(text).score < 0.0, "{text}");
        }
        assert!(tone("The talks were good.").score > 0.0);
    }

    #[test]
    fn text_without_sentiment_is_neutral() {
        assert_eq!(
            tone("The committee met on Tuesday in the capital."),
            Tone::default()
        );
    }

    #[test]
    fn a_topic_named_by_a_sentiment_word_carries_no_tone() {
        assert_eq!(
            tone("The peace talks resumed in Geneva on Tuesday."),
            Tone::default()
        );
        assert!(tone("Both sides want a lasting peace.").score > 0.0);
        assert_eq!(
            tone("The Supreme Court heard the case; his supporters gathered outside."),
            Tone::default()
        );
    }

    #[test]
    fn but_shifts_weight_to_the_second_clause() {
        let t = tone("The plan is good but the cost is terrible.");
        assert!(t.score < 0.0, "{t:?}");
    }
}
