//! Document tone from a word lexicon: VADER's valences (MIT, see `models/lexicon/README.md`)
//! with its negation ("not good"), intensifier ("very good", "slightly bad") and contrast
//! ("good, but costly") rules, corrected for news where VADER's social-media ratings
//! mislead ("Security Council", "interest rates").
//!
//! The lexicon is parsed once per process ([`LazyLock`]) into a map with a cheap hash;
//! scoring is one pass over the words of each sentence, with no allocation per word.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::doc::Doc;
use super::text::TextLayer;
use crate::record::Tone;

/// VADER's valences, word-like entries only (see `scripts/gen_vader_lexicon.py`).
const VALENCE_TSV: &str = include_str!("../../models/lexicon/vader_valence.tsv");
/// News-domain overrides, applied on top of [`VALENCE_TSV`].
const NEWS_ADJUST_TSV: &str = include_str!("../../models/lexicon/news_adjust.tsv");
/// VADER's intensifiers (+1) and dampeners (-1).
const BOOSTERS_TSV: &str = include_str!("../../models/lexicon/vader_boosters.tsv");
/// VADER's negation words.
const NEGATIONS_TXT: &str = include_str!("../../models/lexicon/vader_negations.txt");

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

/// Damps the overall score of texts with little sentiment: about two moderate words' worth
/// of valence, so one stray "good" in a long report does not read as glowing.
const SMOOTHING: f64 = 4.0;

/// The parsed lexicons, shared read-only by every thread.
struct Lexicon {
    valence: FxHashMap<&'static str, f64>,
    boosters: FxHashMap<&'static str, f64>,
    negations: FxHashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut valence = FxHashMap::default();
    for (word, value) in tsv(VALENCE_TSV).chain(tsv(NEWS_ADJUST_TSV)) {
        if value == 0.0 {
            valence.remove(word);
        } else {
            valence.insert(word, value);
        }
    }
    Lexicon {
        valence,
        boosters: tsv(BOOSTERS_TSV).collect(),
        negations: NEGATIONS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
    }
});

/// Whether `word` (lowercase) carries sentiment: evaluative words ("good", "brutal") say
/// how the writer feels, not what the article is about, so key phrases do not stand on them
/// alone.
pub(crate) fn is_sentiment_word(word: &str) -> bool {
    LEXICON.valence.contains_key(word)
}

/// `word<TAB>number` rows; `#` comments and malformed rows are skipped (the files are
/// committed and checked by tests, so a skipped row is a bug the tests show).
fn tsv(text: &'static str) -> impl Iterator<Item = (&'static str, f64)> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, value) = l.split_once('\t')?;
            Some((word.trim(), value.trim().parse().ok()?))
        })
}

/// The article's tone: title and body, every sentence, each sentiment word's valence
/// adjusted for negation, intensifiers and contrast.
///
/// `positive` and `negative` are the shares of the sentiment mass (they sum to 1 when the
/// article has any sentiment word, both 0 otherwise); `score` is
/// `(pos - neg) / (pos + neg + SMOOTHING)`, in (-1, 1), near 0 for neutral reporting.
pub fn score(doc: &Doc<'_>) -> Tone {
    let lex = &*LEXICON;
    let mut pos = 0.0;
    let mut neg = 0.0;
    let mut words: Vec<String> = Vec::new();
    for layer in doc.layers() {
        for s in &layer.sentences {
            sentence_words(layer, s.start, s.end, &mut words);
            let (p, n) = sentence_sentiment(lex, &words);
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

/// Lowercased words of `layer.text[start..end]` into `out` (reusing its strings): runs of
/// letters and digits with inner apostrophes or hyphens ("didn't", "well-known"); curly
/// apostrophes become straight ones so "didn’t" finds the lexicon's "didn't".
fn sentence_words(layer: &TextLayer<'_>, start: usize, end: usize, out: &mut Vec<String>) {
    let text = &layer.text[start..end];
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        if n == out.len() {
            out.push(String::new());
        }
        let w = &mut out[n];
        w.clear();
        push_lower(w, c);
        while let Some(&c) = chars.peek() {
            if c.is_alphanumeric() {
                push_lower(w, c);
                chars.next();
            } else if matches!(c, '\'' | '’' | '-') {
                chars.next();
                match chars.peek() {
                    Some(&next) if next.is_alphanumeric() => {
                        w.push(if c == '-' { '-' } else { '\'' });
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        n += 1;
    }
    out.truncate(n);
}

/// Appends `c` lowercased; ASCII (nearly every char of English news) without the general
/// Unicode case tables.
fn push_lower(w: &mut String, c: char) {
    if c.is_ascii() {
        w.push(c.to_ascii_lowercase());
    } else {
        w.extend(c.to_lowercase());
    }
}

/// Positive and negative sentiment mass of one sentence's words.
fn sentence_sentiment(lex: &Lexicon, words: &[String]) -> (f64, f64) {
    let but = words.iter().position(|w| w == "but");
    let mut pos = 0.0;
    let mut neg = 0.0;
    for (i, w) in words.iter().enumerate() {
        let Some(&base) = lex.valence.get(w.as_str()) else {
            continue;
        };
        // "kind of", "sort of": a hedge, not kindness.
        if lex.boosters.contains_key(w.as_str())
            || (w == "kind" && words.get(i + 1).is_some_and(|n| n == "of"))
        {
            continue;
        }
        if let Some(next) = words.get(i + 1)
            && TOPICAL_COMPOUNDS
                .iter()
                .any(|(w2, heads)| w2 == w && heads.contains(&next.as_str()))
        {
            continue;
        }
        let mut v = base;
        let mut negated = false;
        for k in 1..=REACH.min(i) {
            let prev = words[i - k].as_str();
            if let Some(&dir) = lex.boosters.get(prev) {
                let damp = [1.0, 0.95, 0.9][k - 1];
                v += dir * BOOST * damp * v.signum();
            }
            negated |= lex.negations.contains(prev) || prev.ends_with("n't");
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
            neg -= v;
        }
    }
    (pos, neg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(text: &str) -> Tone {
        score(&Doc::new(None, text, None))
    }

    #[test]
    fn lexicons_parse_completely() {
        let lex = &*LEXICON;
        assert!(lex.valence.len() > 7000);
        assert_eq!(lex.valence.get("good"), Some(&1.9));
        assert_eq!(lex.valence.get("security"), None, "news override applies");
        assert_eq!(lex.boosters.get("very"), Some(&1.0));
        assert_eq!(lex.boosters.get("slightly"), Some(&-1.0));
        assert!(lex.negations.contains("not"));
    }

    #[test]
    fn words_split_on_punctuation_and_keep_contractions() {
        let doc = Doc::new(None, "It didn’t work, well-known fact: \"Great!\"", None);
        let mut words = Vec::new();
        sentence_words(&doc.body, 0, doc.body.text.len(), &mut words);
        assert_eq!(
            words,
            ["it", "didn't", "work", "well-known", "fact", "great"]
        );
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
