//! The gazetteer: countries, US states, cities of 15,000+ people, aliases and demonyms,
//! compiled into the binary from `models/gazetteer/` and parsed once into lookup tables.
//!
//! The data is GeoNames (CC BY 4.0) via `scripts/gen_gazetteer.py`, plus two hand-written
//! lists (aliases, demonyms); `models/gazetteer/README.md` says where each file comes from.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::record::Coordinates;

const COUNTRIES: &str = include_str!("../../../models/gazetteer/countries.tsv");
const US_STATES: &str = include_str!("../../../models/gazetteer/us_states.tsv");
const CITIES: &str = include_str!("../../../models/gazetteer/cities.tsv");
const ALIASES: &str = include_str!("../../../models/gazetteer/aliases.tsv");
const DEMONYMS: &str = include_str!("../../../models/gazetteer/demonyms.tsv");

/// The gazetteer, parsed on first use (a few milliseconds) and shared read-only afterwards.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::parse);

/// A sovereign state or territory with an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    pub capital: &'static str,
    /// Codes of the countries it borders: an article about its neighbours is likely about it.
    pub neighbours: Vec<&'static str>,
    pub population: u64,
}

/// A US state (or DC), which shares names with countries ("Georgia") and qualifies cities
/// ("Paris, Texas").
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub code: &'static str,
    pub name: &'static str,
}

/// A populated place of at least 15,000 people.
#[derive(Debug, Clone, PartialEq)]
pub struct City {
    pub name: &'static str,
    pub country: &'static str,
    /// The US state code for US cities, so "Paris, Texas" and a Texan context can pick it.
    pub state: Option<&'static str>,
    pub coordinates: Coordinates,
    pub population: u64,
}

/// What a place name can refer to: an index into one of the gazetteer's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Country(u16),
    State(u8),
    City(u32),
    /// A region spanning countries ("Europe", "the Middle East"): deliberately no code.
    Region,
}

/// The parsed gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub states: Vec<State>,
    pub cities: Vec<City>,
    by_code: HashMap<&'static str, u16, FastHash>,
    /// Normalised name (see [`normalise`]) → every place it can name, from GeoNames.
    names: HashMap<Box<str>, Vec<Target>, FastHash>,
    /// Normalised hand-written alias → what it names. An alias overrides `names`: it records
    /// how news text uses the name ("Washington" is the US capital, not the state).
    aliases: HashMap<Box<str>, Vec<Target>, FastHash>,
    /// Normalised demonym or adjective ("ukrainian", "ukrainians") → country index.
    demonyms: HashMap<Box<str>, u16, FastHash>,
    /// Exact surface forms the text scan looks for (names, aliases, demonyms, states),
    /// case-sensitive so that "US" never matches the pronoun "us".
    pub(super) surface: HashMap<Box<str>, Target, FastHash>,
    /// The leading run of letters of every surface form ("U" for "U.S.", "Bosnia" for
    /// "Bosnia and Herzegovina"): one cheap probe rules out most capitalised words.
    pub(super) surface_heads: HashSet<Box<str>, FastHash>,
    /// Most words in any surface form, bounding how far the scan looks ahead.
    pub(super) max_surface_words: usize,
}

/// The lookup key of a name: lower case, curly apostrophes straightened, whitespace collapsed,
/// a leading "the " and a trailing possessive dropped ("the Kremlin's" → "kremlin").
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            // Most names: lower-case bytes, no per-char Unicode tables.
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        for ch in word.chars() {
            match ch {
                '’' | '‘' => out.push('\''),
                _ => out.extend(ch.to_lowercase()),
            }
        }
    }
    let mut end = out.len();
    if out.ends_with("'s") {
        end -= 2;
    } else if out.ends_with("s'") {
        end -= 1;
    }
    out.truncate(end);
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

impl Gazetteer {
    fn parse() -> Gazetteer {
        let mut g = Gazetteer {
            countries: Vec::new(),
            states: Vec::new(),
            cities: Vec::new(),
            by_code: HashMap::default(),
            names: HashMap::default(),
            aliases: HashMap::default(),
            demonyms: HashMap::default(),
            surface: HashMap::default(),
            surface_heads: HashSet::default(),
            max_surface_words: 1,
        };
        for cols in rows(COUNTRIES) {
            if let [code, name, capital, _continent, neighbours, population] = cols[..] {
                let i = g.countries.len() as u16;
                g.countries.push(Country {
                    code,
                    name,
                    capital,
                    neighbours: neighbours.split(',').filter(|s| !s.is_empty()).collect(),
                    population: population.parse().unwrap_or(0),
                });
                g.by_code.insert(code, i);
                g.add_name(name, Target::Country(i));
                g.add_surface(name, Target::Country(i));
            }
        }
        for cols in rows(US_STATES) {
            if let [code, name] = cols[..] {
                let i = g.states.len() as u8;
                g.states.push(State { code, name });
                g.add_name(name, Target::State(i));
                g.add_surface(name, Target::State(i));
            }
        }
        for cols in rows(CITIES) {
            if let [name, ascii, country, state, lat, lon, population] = cols[..] {
                let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) else {
                    continue;
                };
                let i = g.cities.len() as u32;
                g.cities.push(City {
                    name,
                    country,
                    state: (!state.is_empty()).then_some(state),
                    coordinates: Coordinates { lat, lon },
                    population: population.parse().unwrap_or(0),
                });
                g.add_name(name, Target::City(i));
                if !ascii.is_empty() {
                    g.add_name(ascii, Target::City(i));
                }
            }
        }
        for cols in rows(ALIASES) {
            if let [alias, target] = cols[..] {
                let targets = g.alias_targets(target);
                if targets.is_empty() {
                    continue;
                }
                // Abbreviated states ("Miss.", "Ind.") double as ordinary words in running
                // text, so they resolve entities and qualifiers but do not feed the scan.
                if target.starts_with("US-") {
                } else if let [t] = targets[..] {
                    g.add_surface(alias, t);
                } else if let Some(c) = g.single_country(&targets) {
                    g.add_surface(alias, Target::Country(c));
                }
                let entry = g.aliases.entry(normalise(alias).into()).or_default();
                for t in targets {
                    if !entry.contains(&t) {
                        entry.push(t);
                    }
                }
            }
        }
        for cols in rows(DEMONYMS) {
            if let [word, code] = cols[..]
                && let Some(&c) = g.by_code.get(code)
            {
                let mut forms = vec![word.to_string()];
                if word.ends_with('n') || word.ends_with('i') {
                    forms.push(format!("{word}s"));
                }
                for form in forms {
                    g.demonyms.insert(normalise(&form).into(), c);
                    g.add_surface(&form, Target::Country(c));
                }
            }
        }
        // A name that is both a country and a state ("Georgia") must not count as either when
        // the scan gathers context: that is exactly what the context has to decide.
        for s in &g.states {
            let shared = g
                .names
                .get(normalise(s.name).as_str())
                .is_some_and(|ts| ts.iter().any(|t| matches!(t, Target::Country(_))));
            if shared {
                g.surface.insert(s.name.into(), Target::Region);
            }
        }
        g
    }

    fn add_name(&mut self, name: &str, t: Target) {
        let entry = self.names.entry(normalise(name).into()).or_default();
        if !entry.contains(&t) {
            entry.push(t);
        }
    }

    fn add_surface(&mut self, form: &str, t: Target) {
        let form = form.replace('’', "'");
        let words = form.split_whitespace().count();
        self.max_surface_words = self.max_surface_words.max(words);
        // "the US": the scan matches "US" and need not know about the article.
        let form = form.strip_prefix("the ").unwrap_or(&form);
        self.surface_heads.insert(head(form).into());
        self.surface.entry(form.into()).or_insert(t);
    }

    /// The targets of an alias's second column: a code, "-", "=City", "=City/CC" or "US-XX".
    fn alias_targets(&self, target: &str) -> Vec<Target> {
        if target == "-" {
            return vec![Target::Region];
        }
        if let Some(code) = target.strip_prefix("US-") {
            return self
                .states
                .iter()
                .position(|s| s.code == code)
                .map(|i| vec![Target::State(i as u8)])
                .unwrap_or_default();
        }
        if let Some(city) = target.strip_prefix('=') {
            let (city, only) = match city.split_once('/') {
                Some((c, cc)) => (c, Some(cc)),
                None => (city, None),
            };
            return self
                .names
                .get(normalise(city).as_str())
                .into_iter()
                .flatten()
                .filter(|t| match t {
                    Target::City(i) => {
                        let c = &self.cities[*i as usize];
                        c.name == city && only.is_none_or(|cc| c.country == cc)
                    }
                    _ => false,
                })
                .copied()
                .collect();
        }
        self.by_code
            .get(target)
            .map(|&i| vec![Target::Country(i)])
            .unwrap_or_default()
    }

    /// The country all `targets` lie in, when they agree on one.
    pub fn single_country(&self, targets: &[Target]) -> Option<u16> {
        let mut found = None;
        for t in targets {
            let c = self.country_index(*t)?;
            if found.is_some_and(|f| f != c) {
                return None;
            }
            found = Some(c);
        }
        found
    }

    /// The country a target lies in (none for a region).
    pub fn country_index(&self, t: Target) -> Option<u16> {
        match t {
            Target::Country(i) => Some(i),
            Target::State(_) => self.by_code.get("US").copied(),
            Target::City(i) => self.by_code.get(self.cities[i as usize].country).copied(),
            Target::Region => None,
        }
    }

    /// Index of the country with ISO code `code`.
    pub fn country_by_code(&self, code: &str) -> Option<u16> {
        self.by_code.get(code).copied()
    }

    /// Everything `name` can refer to: a hand-written alias when there is one (it says how
    /// the news uses the name), else every GeoNames place of that name.
    pub fn candidates(&self, name: &str) -> &[Target] {
        let key = normalise(name);
        self.aliases
            .get(key.as_str())
            .or_else(|| self.names.get(key.as_str()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The country a demonym or national adjective refers to ("Ukrainian" → Ukraine).
    pub fn demonym(&self, word: &str) -> Option<u16> {
        self.demonyms.get(normalise(word).as_str()).copied()
    }
}

/// The leading run of letters of a word or name: what [`Gazetteer::surface_heads`] holds.
pub(super) fn head(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() && b[end].is_ascii_alphabetic() {
        end += 1;
    }
    // Only a name with a non-ASCII letter ("Côte") pays for decoding chars.
    if b.get(end).is_some_and(|c| *c >= 0x80) {
        end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    }
    &s[..end]
}

/// FxHash-style multiply-rotate hashing for the gazetteer's tables. The keys are our own
/// data, so an article cannot make their buckets collide; SipHash's protection against that
/// buys nothing here and cost most of the lookups' time.
pub type FastHash = BuildHasherDefault<FxHasher>;

/// See [`FastHash`].
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The tab-separated rows of an embedded table, comments and blank lines skipped.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_row_parses() {
        let g = &*GAZETTEER;
        let data_rows = |d: &'static str| rows(d).count();
        assert_eq!(g.countries.len(), data_rows(COUNTRIES));
        assert_eq!(g.states.len(), data_rows(US_STATES));
        assert_eq!(g.cities.len(), data_rows(CITIES));
        assert!(g.countries.len() > 240 && g.cities.len() > 30_000);
        for cols in rows(ALIASES) {
            assert_eq!(cols.len(), 2, "alias row {cols:?}");
            assert!(!g.alias_targets(cols[1]).is_empty(), "alias row {cols:?}");
        }
        for cols in rows(DEMONYMS) {
            assert!(g.country_by_code(cols[1]).is_some(), "demonym row {cols:?}");
        }
    }

    #[test]
    fn normalise_drops_article_and_possessive() {
        assert_eq!(normalise("the  Kremlin’s"), "kremlin");
        assert_eq!(normalise("United States"), "united states");
    }
}
