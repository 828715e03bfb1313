//! The word lists several stages consult — stop words, verbs, VADER's valences,
//! intensifiers and negations — merged into one table, so each distinct word of an article
//! costs one lookup (made when its [`super::vocab::Vocab`] is built) instead of one per
//! list per stage. The lists are separate files under `models/lexicon/` (see its README
//! for where each comes from).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Hand-written stop words.
const STOPWORDS_TXT: &str = include_str!("../../models/lexicon/stopwords_en.txt");
/// Words that are nearly always verbs in news (derived from tagged Reuters text, see
/// `scripts/build_verb_list.py`).
const VERBS_TXT: &str = include_str!("../../models/lexicon/verbs_en.txt");
/// VADER's valences, word-like entries only (see `scripts/gen_vader_lexicon.py`).
const VALENCE_TSV: &str = include_str!("../../models/lexicon/vader_valence.tsv");
/// News-domain overrides, applied on top of [`VALENCE_TSV`] (0 removes a word).
const NEWS_ADJUST_TSV: &str = include_str!("../../models/lexicon/news_adjust.tsv");
/// VADER's intensifiers (+1) and dampeners (-1).
const BOOSTERS_TSV: &str = include_str!("../../models/lexicon/vader_boosters.tsv");
/// VADER's negation words.
const NEGATIONS_TXT: &str = include_str!("../../models/lexicon/vader_negations.txt");

/// What the lists say about one lowercase word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Entry {
    pub stop: bool,
    /// Nearly always a verb in news: no key phrase runs through it ("Kenya launches
    /// drought").
    pub verb: bool,
    /// VADER's valence with the news overrides; 0 for a word without sentiment.
    pub valence: f64,
    /// +1 for an intensifier ("very"), -1 for a dampener ("slightly"), 0 otherwise.
    pub booster: f64,
    /// A negation word ("not", "never"); "n't" contractions count too.
    pub negation: bool,
}

impl Entry {
    /// Whether the word carries sentiment: evaluative words ("good", "brutal") say how the
    /// writer feels, not what the article is about.
    pub fn sentiment(&self) -> bool {
        self.valence != 0.0
    }
}

static TABLE: LazyLock<FxHashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut t: FxHashMap<&'static str, Entry> = FxHashMap::default();
    for w in words(STOPWORDS_TXT) {
        t.entry(w).or_default().stop = true;
    }
    for w in words(VERBS_TXT) {
        t.entry(w).or_default().verb = true;
    }
    for (w, v) in tsv(VALENCE_TSV).chain(tsv(NEWS_ADJUST_TSV)) {
        t.entry(w).or_default().valence = v;
    }
    for (w, v) in tsv(BOOSTERS_TSV) {
        t.entry(w).or_default().booster = v;
    }
    for w in words(NEGATIONS_TXT) {
        t.entry(w).or_default().negation = true;
    }
    t.retain(|_, e| *e != Entry::default());
    t
});

/// What the lists say about `lower` (a lowercase word, straight apostrophes).
pub fn entry(lower: &str) -> Entry {
    let mut e = TABLE.get(lower).copied().unwrap_or_default();
    e.negation |= lower.ends_with("n't");
    e
}

/// Parses the tables now rather than inside the first article.
pub fn preload() {
    LazyLock::force(&TABLE);
}

/// One word per line; blank lines and `#` comments skipped.
fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_completely() {
        assert!(TABLE.values().filter(|e| e.sentiment()).count() > 7000);
        assert!(TABLE.values().filter(|e| e.stop).count() > 100);
        assert!(TABLE.values().filter(|e| e.verb).count() > 100);
        assert_eq!(entry("good").valence, 1.9);
        assert_eq!(entry("security").valence, 0.0, "news override applies");
        assert_eq!(entry("very").booster, 1.0);
        assert_eq!(entry("slightly").booster, -1.0);
        assert!(entry("not").negation && entry("wasn't").negation);
        assert!(entry("the").stop && !entry("the").sentiment());
        assert!(entry("accuses").verb);
        assert_eq!(entry("harbour"), Entry::default());
    }
}
