//! Gazetteers: word lists of countries, cities, regions, demonyms, first and last names,
//! organisation suffixes and person titles (built by `scripts/build_ner_gazetteers.py` from
//! openly licensed sources; see `models/ner/README.md`), and month and day names. A token's membership in a matched
//! phrase becomes a feature; the model learns how much to trust each list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::hash;
use super::lexicon::lower_hash;
use crate::extract::text::tokenize;

/// The lists, in the order of their bits in a membership mask.
pub const LISTS: &[&str] = &[
    "country",
    "city",
    "region",
    "demonym",
    "first",
    "last",
    "orgsuffix",
    "title",
    "date",
    "org",
    "team",
    "event",
];

/// Bit set on phrases that start a longer phrase, so matching can stop early.
const PREFIX: u16 = 1 << 15;

/// Longest phrase, in tokens, that is matched.
const MAX_PHRASE: usize = 6;

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by pre-hashed `u64`s.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// The phrases of every list, keyed by the hash of their lowercased tokens.
#[derive(Debug, Default)]
pub struct Gazetteer {
    phrases: KeyMap<u16>,
}

/// The hash of a phrase continuing with one more token.
#[inline]
fn extend(h: u64, token: u64) -> u64 {
    hash::combine(h, token)
}

impl Gazetteer {
    /// Parses `list<TAB>phrase` lines; unknown lists and `#` comments are skipped.
    pub fn parse(tsv: &str) -> Self {
        let mut g = Gazetteer::default();
        g.add(tsv);
        g
    }

    /// Adds the phrases of more `list<TAB>phrase` lines, as [`Gazetteer::parse`] reads them.
    pub fn add(&mut self, tsv: &str) {
        let phrases = &mut self.phrases;
        for line in tsv.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((list, phrase)) = line.split_once('\t') else {
                continue;
            };
            let Some(bit) = LISTS.iter().position(|l| *l == list) else {
                continue;
            };
            let toks = tokenize(phrase);
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let mut h = hash::EMPTY;
            for (k, t) in toks.iter().enumerate() {
                h = extend(h, lower_hash(&phrase[t.start..t.end]));
                let entry = phrases.entry(h).or_insert(0);
                if k + 1 == toks.len() {
                    *entry |= 1 << bit;
                } else {
                    *entry |= PREFIX;
                }
            }
        }
    }

    /// Number of distinct phrase hashes (phrases and their prefixes).
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when no list has any phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The lists a single word (by its lowercase hash) belongs to, as a mask of list bits.
    pub fn single(&self, lower: u64) -> u32 {
        self.phrases
            .get(&extend(hash::EMPTY, lower))
            .map_or(0, |m| u32::from(m & !PREFIX))
    }

    /// Marks the tokens of one sentence (given by their lowercase hashes) with the lists of
    /// the phrases found greedily left to right, longest first: bit `2*list` for a phrase's
    /// first token, `2*list+1` for the others.
    pub fn mark(&self, lower: &[u64], out: &mut [u32]) {
        let mut i = 0;
        while i < lower.len() {
            let mut h = hash::EMPTY;
            let mut best: Option<(usize, u16)> = None;
            for (len, &tok) in lower[i..].iter().take(MAX_PHRASE).enumerate() {
                h = extend(h, tok);
                let Some(&mask) = self.phrases.get(&h) else {
                    break;
                };
                if mask & !PREFIX != 0 {
                    best = Some((len + 1, mask & !PREFIX));
                }
                if mask & PREFIX == 0 {
                    break;
                }
            }
            if let Some((len, mask)) = best {
                for (k, slot) in out[i..i + len].iter_mut().enumerate() {
                    let inside = u32::from(k > 0);
                    for bit in 0..LISTS.len() {
                        if mask & (1 << bit) != 0 {
                            *slot |= 1 << (2 * bit as u32 + inside);
                        }
                    }
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(g: &Gazetteer, words: &[&str]) -> Vec<u32> {
        let lower: Vec<u64> = words.iter().map(|w| lower_hash(w)).collect();
        let mut out = vec![0; words.len()];
        g.mark(&lower, &mut out);
        out
    }

    #[test]
    fn longest_phrase_wins_and_case_does_not_matter() {
        let g = Gazetteer::parse("city\tnew york\ncity\tyork\nfirst\tsteve\n# note\n");
        let city_b = 1 << 2;
        let city_i = 1 << 3;
        assert_eq!(
            marks(&g, &["in", "New", "YORK", "today"]),
            vec![0, city_b, city_i, 0]
        );
        assert_eq!(marks(&g, &["York"]), vec![city_b]);
        assert_eq!(marks(&g, &["Steve", "Witkoff"]), vec![1 << 8, 0]);
    }

    #[test]
    fn run_time_names_are_new_to_the_training_lists_and_known_at_run_time() {
        let trained = Gazetteer::parse(super::super::EMBEDDED_GAZETTEERS);
        let mut runtime = Gazetteer::parse(super::super::EMBEDDED_GAZETTEERS);
        runtime.add(super::super::EMBEDDED_UNSEEN);
        let first = 1 << (2 * LISTS.iter().position(|l| *l == "first").unwrap_or(0));
        let last = 1 << (2 * LISTS.iter().position(|l| *l == "last").unwrap_or(0));
        // A Nigerian and an Indian surname and a Turkish given name no 1996 Reuters story
        // named: unknown to the lists the model trained with, known when it runs.
        for (name, bit) in [("Okonkwo", last), ("Chaudhary", last), ("Emre", first)] {
            assert_eq!(marks(&trained, &[name])[0] & bit, 0, "{name}");
            assert_ne!(marks(&runtime, &[name])[0] & bit, 0, "{name}");
        }
        // What both know stays: a city is still a city.
        assert_eq!(marks(&trained, &["Paris"]), marks(&runtime, &["Paris"]));
    }

    #[test]
    fn the_shipped_lists_know_organisations_teams_and_events_by_name() {
        let g = Gazetteer::parse(super::super::EMBEDDED_GAZETTEERS);
        // The first-word and inside-word bits of a list.
        let bits = |list: &str| {
            let k = LISTS
                .iter()
                .position(|l| *l == list)
                .expect("a shipped list");
            (1 << (2 * k), 1 << (2 * k + 1))
        };
        let (org_b, org_i) = bits("org");
        // An international body, a listed company, a news agency.
        assert_eq!(
            marks(&g, &["the", "International", "Monetary", "Fund", "."]),
            vec![0, org_b, org_i, org_i, 0]
        );
        assert_eq!(marks(&g, &["Siemens"])[0] & org_b, org_b);
        assert_eq!(marks(&g, &["Reuters"])[0] & org_b, org_b);
        // Places stay places.
        assert_eq!(marks(&g, &["Paris"])[0] & (org_b | org_i), 0);
        let bit = |list: &str| bits(list).0;
        assert_eq!(
            marks(&g, &["New", "York", "Yankees"])[0] & bit("team"),
            bit("team")
        );
        assert_eq!(marks(&g, &["World", "Cup"])[0] & bit("event"), bit("event"));
    }
}
