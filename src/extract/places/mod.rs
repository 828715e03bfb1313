//! Places to ISO 3166-1 alpha-2 country codes, and cities to coordinates.
//!
//! Every LOCATION entity is looked up in an embedded GeoNames gazetteer ([`gazetteer`]); MISC
//! entities that are national adjectives ("Ukrainian") get their country, and ORGANIZATION
//! entities named exactly as a country or its seat of government ("Russia said", "the
//! Kremlin") get theirs. Regions ("Europe") deliberately get no code.
//!
//! A name with several readings ("Paris": France or Texas; "Georgia": the country or the US
//! state) is decided by the article itself: a qualifier right after it ("Paris, Texas",
//! "Flint, Mich."), then how often each candidate's country, state and neighbours come up in
//! the text ([`scan`]), then population; never by which entry happens to come first. The
//! recogniser's slips are guarded against: a town under 300,000 people needs the article to
//! name its country (a US town: its state) before we believe it, and never when the name is
//! a word of a person's name ("Obama", a town in Japan); a short form of a longer place the
//! article names ("Carolina" beside "South Carolina") takes that place.
//!
//! Other stages can use the same data: [`country_of_demonym`], [`country_code`],
//! [`country_name`].

pub mod gazetteer;
pub mod scan;

use std::collections::{HashMap, HashSet};

use gazetteer::{FastHash, GAZETTEER, Gazetteer, Target};

use super::doc::{Doc, EntityDraft};
use crate::record::EntityType;

/// Parses the gazetteer now rather than on the first article, so that article is not the
/// one that pays for it.
pub fn preload() {
    let _ = GAZETTEER.countries.len();
}

/// The ISO 3166-1 alpha-2 code of the country a demonym or national adjective refers to:
/// `country_of_demonym("Ukrainian") == Some("UA")`; plurals ("Israelis") too.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    g.demonym(word).map(|i| g.countries[i as usize].code)
}

/// The code of the country `name` names ("Russia", "the US", "Britain"); `None` for
/// anything else, cities included.
pub fn country_named(name: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    g.candidates(name).iter().find_map(|t| match t {
        Target::Country(i) => Some(g.countries[*i as usize].code),
        _ => None,
    })
}

/// The code of the country a name refers to without any context: a country name or alias
/// ("the United States", "Britain", "the Kremlin"; a country wins over a state or city of
/// the same name), or a city's country when every city of that name lies in one country.
/// `None` for regions ("Europe"), unknown names and cities in several countries.
pub fn country_code(name: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    let targets = g.candidates(name);
    let country = targets
        .iter()
        .find_map(|t| match t {
            Target::Country(i) => Some(*i),
            _ => None,
        })
        .or_else(|| g.single_country(targets))?;
    Some(g.countries[country as usize].code)
}

/// Whether `name` is a place the gazetteer knows: a country, alias, region, state or city.
pub fn is_place_name(name: &str) -> bool {
    !GAZETTEER.candidates(name).is_empty()
}

/// Whether `name` is a place too big to be anything else in news: a country, a US state, a
/// region, or a city of at least 300,000 people. "Obama" (a town of 30,000 in Japan) is not;
/// "Kabul" is.
pub fn is_major_place(name: &str) -> bool {
    let g = &*GAZETTEER;
    g.candidates(name)
        .iter()
        .any(|t| !matches!(t, Target::City(_)) || is_big_city(g, t))
}

/// Whether `name` is a city of at least 300,000 people or a US state. Not a country or a
/// region, nor the names the alias list gives a country ("Pentagon", "Kremlin"): those are
/// national teams, unions and governments too.
pub fn is_big_city_or_state(name: &str) -> bool {
    let g = &*GAZETTEER;
    g.candidates(name)
        .iter()
        .any(|t| matches!(t, Target::State(_)) || is_big_city(g, t))
}

/// Whether `t` is a city of at least 300,000 people.
fn is_big_city(g: &Gazetteer, t: &Target) -> bool {
    matches!(t, Target::City(i) if g.cities[*i as usize].population >= SMALL_CITY)
}

/// The postal code of the US state `name` names: a postal code ("NY"), a name ("Texas") or
/// an AP abbreviation ("N.Y.", "Calif."); `None` for anything else.
pub fn us_state(name: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    if let Some(s) = g.states.iter().find(|s| s.code == name) {
        return Some(s.code);
    }
    g.candidates(name).iter().find_map(|t| match t {
        Target::State(i) => Some(g.states[*i as usize].code),
        _ => None,
    })
}

/// The English short name of a country: `country_name("UA") == Some("Ukraine")`.
pub fn country_name(code: &str) -> Option<&'static str> {
    let g = &*GAZETTEER;
    g.country_by_code(code)
        .map(|i| g.countries[i as usize].name)
}

/// Fills `country_code` (and `coordinates` for cities) on the entities that name places.
pub fn resolve(doc: &Doc<'_>, entities: &mut [EntityDraft]) {
    let g = &*GAZETTEER;
    let mut ctx = Context::default();
    for layer in doc.layers() {
        for hit in scan::find(layer.text) {
            ctx.add(g, hit.target, 1.0);
        }
    }
    // What the text itself says, before the recogniser's cities are added: the evidence a
    // small town needs before we believe it ("Obama", Japan, is a surname far more often).
    let text_ctx = ctx.clone();
    // Cities the recogniser found and that can only be one place also tell where the article
    // is (country names and states were already counted by the scan).
    // Each entity's own name is looked up once; the stages below reuse the answer.
    let own: Vec<&'static [Target]> = entities
        .iter()
        .map(|e| match e.kind {
            EntityType::Location | EntityType::Organization => g.candidates(&e.name),
            EntityType::Person | EntityType::Misc => &[],
        })
        .collect();
    for (e, own) in entities.iter().zip(&own) {
        if e.kind != EntityType::Location {
            continue;
        }
        if let [t @ Target::City(_)] = own {
            ctx.add(g, *t, e.mentions.len() as f64);
        }
    }
    let article = Article {
        ctx,
        text_ctx,
        person_words: entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .flat_map(|e| e.name.split_whitespace().map(str::to_string))
            .collect(),
        locations: entities
            .iter()
            .filter(|e| e.kind == EntityType::Location)
            .map(|e| e.name.clone())
            .collect(),
    };
    for (e, own) in entities.iter_mut().zip(own) {
        let (choice, coordinates) = match e.kind {
            EntityType::Location => match pick_location(g, doc, e, own, &article) {
                Some((t, exact)) => (Some(t), exact),
                None => (None, false),
            },
            EntityType::Misc => (g.demonym(&e.name).map(Target::Country), false),
            EntityType::Organization => match own {
                // A country acting ("Russia said", a national team) or a seat of government
                // ("the Kremlin", "the White House") stands for the country; an organisation
                // merely named after a city ("Chelsea") does not.
                [t @ Target::Country(_)] => (Some(*t), false),
                _ => (None, false),
            },
            EntityType::Person => (None, false),
        };
        let Some(t) = choice else { continue };
        if let Some(c) = g.country_index(t) {
            e.country_code = Some(g.countries[c as usize].code.to_string());
        }
        if let Target::City(i) = t
            && coordinates
        {
            e.coordinates = Some(g.cities[i as usize].coordinates);
        }
    }
}

/// What the whole article says that bears on any one of its place names.
struct Article {
    ctx: Context,
    text_ctx: Context,
    /// Words of the people's names: a "LOCATION" that is one of them is most likely the
    /// recogniser mistaking a surname ("Bush", "Obama") for a town.
    person_words: HashSet<String>,
    /// The names of all LOCATION entities: "Carolina" in an article about "South Carolina"
    /// is short for it.
    locations: Vec<String>,
}

/// Towns below this population need the article to mention their country or state first.
const SMALL_CITY: u64 = 300_000;

/// A city outside the US this large whose name no other city in the gazetteer bears
/// ("Strasbourg", "Bordeaux") is believed without its country: there is nothing to confuse
/// it with, and news names such cities without their country.
const UNIQUE_CITY: u64 = 100_000;

/// Words that can precede a known place without changing its country: "North Philadelphia".
const COMPASS: [&str; 13] = [
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Greater", "Downtown", "Upper", "Lower",
];

/// How often the article mentions each country and US state: the evidence that decides
/// between the readings of an ambiguous name.
#[derive(Debug, Default, Clone)]
struct Context {
    countries: HashMap<&'static str, f64, FastHash>,
    states: HashMap<&'static str, f64, FastHash>,
    /// Mentions of US states and cities: "Georgia" next to "Ohio" is the state.
    us_domestic: f64,
}

impl Context {
    fn add(&mut self, g: &Gazetteer, t: Target, weight: f64) {
        let state = match t {
            Target::State(s) => Some(g.states[s as usize].code),
            Target::City(i) => g.cities[i as usize].state,
            _ => None,
        };
        if let Some(s) = state {
            *self.states.entry(s).or_default() += weight;
            self.us_domestic += weight;
        }
        if let Some(c) = g.country_index(t) {
            *self
                .countries
                .entry(g.countries[c as usize].code)
                .or_default() += weight;
        }
    }

    fn country(&self, code: &str) -> f64 {
        self.countries.get(code).copied().unwrap_or(0.0)
    }

    fn neighbours(&self, g: &Gazetteer, code: &str) -> f64 {
        g.country_by_code(code)
            .map(|i| {
                g.countries[i as usize]
                    .neighbours
                    .iter()
                    .map(|n| self.country(n))
                    .sum()
            })
            .unwrap_or(0.0)
    }
}

/// What a qualifier right after a mention pins down: "Paris, Texas", "London, Ontario" (no),
/// "Georgia, US", "Moscow, Idaho".
#[derive(Debug, Default)]
struct Qualifier {
    country: Option<&'static str>,
    state: Option<&'static str>,
}

/// The place a LOCATION entity names, and whether its coordinates are the entity's own
/// (not those of a city it merely contains, as "North Philadelphia" contains Philadelphia).
fn pick_location(
    g: &Gazetteer,
    doc: &Doc<'_>,
    e: &EntityDraft,
    own: &'static [Target],
    article: &Article,
) -> Option<(Target, bool)> {
    let name = e.name.as_str();
    let (name, mut qualifier) = split_qualified(g, name);
    let mut exact = true;
    let mut targets = if name == e.name {
        own
    } else {
        g.candidates(name)
    };
    if targets.is_empty() {
        // The canonical name may carry words no mention needs: try the mentions.
        targets = e
            .mentions
            .iter()
            .map(|m| g.candidates(&doc.layer(m.field).text[m.start..m.end]))
            .find(|t| !t.is_empty())
            .unwrap_or(&[]);
    }
    if targets.is_empty()
        && let Some((first, rest)) = name.split_once(' ')
        && COMPASS.contains(&first)
    {
        targets = g.candidates(rest);
        exact = false;
    }
    // "Ohio-based", "Kyiv-born": the place the adjective is made from.
    if targets.is_empty()
        && let Some((place, _)) = name.rsplit_once('-').filter(|(_, suffix)| {
            matches!(
                *suffix,
                "based" | "born" | "bred" | "made" | "headquartered"
            )
        })
    {
        targets = g.candidates(place);
    }
    if targets.is_empty() {
        // "Ukrainian" tagged as a place rather than MISC: still its country.
        if let Some(c) = g.demonym(name) {
            return Some((Target::Country(c), false));
        }
        return short_form(g, e.name.as_str(), own, article);
    }
    if qualifier.country.is_none() && qualifier.state.is_none() {
        qualifier = e
            .mentions
            .iter()
            .map(|m| qualifier_after(g, doc.layer(m.field).text, m.end))
            .find(|q| q.country.is_some() || q.state.is_some())
            .unwrap_or_default();
    }
    if let Some(t) = pick_among(g, targets, &qualifier, article, name) {
        return Some((t, exact));
    }
    short_form(g, e.name.as_str(), own, article)
}

/// A short form of a longer place the article names: "Carolina" → "South Carolina", when
/// the short name is no believable place of its own. Not for names that are places of their
/// own rank ("Sudan" beside "South Sudan"), and only when every longer name agrees ("Korea"
/// beside North and South Korea is neither).
fn short_form(
    g: &Gazetteer,
    name: &str,
    own: &[Target],
    article: &Article,
) -> Option<(Target, bool)> {
    let own_rank = own
        .iter()
        .any(|t| matches!(t, Target::Country(_) | Target::State(_) | Target::Region));
    if own_rank {
        return None;
    }
    let mut from_longer: Option<Target> = None;
    for longer in article
        .locations
        .iter()
        .filter(|l| l.len() > name.len() && contains_words(l, name))
    {
        let (longer, q) = split_qualified(g, longer);
        let Some(t) = pick_among(g, g.candidates(longer), &q, article, longer) else {
            continue;
        };
        match from_longer {
            Some(prev) if g.country_index(prev) != g.country_index(t) => return None,
            Some(_) => {}
            None => from_longer = Some(t),
        }
    }
    let t = from_longer?;
    let same_city = matches!(t, Target::City(i) if g.cities[i as usize].name == name);
    Some((t, same_city))
}

/// The best of `targets` for this article, or none when the best is a small town the article
/// gives no reason to believe in.
fn pick_among(
    g: &Gazetteer,
    targets: &[Target],
    qualifier: &Qualifier,
    article: &Article,
    name: &str,
) -> Option<Target> {
    let best = targets
        .iter()
        .map(|&t| (t, score(g, t, &article.ctx, qualifier)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t)?;
    let Target::City(i) = best else {
        return Some(best);
    };
    let city = &g.cities[i as usize];
    if city.population >= SMALL_CITY {
        return Some(best);
    }
    let surname = name
        .split_whitespace()
        .all(|w| article.person_words.contains(w));
    let qualified = qualifier.country == Some(city.country)
        || (qualifier.state.is_some() && qualifier.state == city.state);
    // Nearly every article mentions the US, so a small American town needs its state.
    let supported = match city.state {
        Some(s) => article.text_ctx.states.contains_key(s),
        None => {
            article.text_ctx.country(city.country) > 0.0
                || (targets.len() == 1 && city.population >= UNIQUE_CITY)
        }
    };
    (qualified || (supported && !surname)).then_some(best)
}

/// True when `hay` contains `needle` as whole words: "South Carolina" contains "Carolina".
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Splits "Paris, Texas" into the name and what its qualifier pins down.
fn split_qualified<'n>(g: &Gazetteer, name: &'n str) -> (&'n str, Qualifier) {
    if let Some((head, tail)) = name.split_once(',') {
        let q = qualifier_of(g, tail.trim());
        if q.country.is_some() || q.state.is_some() {
            return (head.trim(), q);
        }
    }
    (name, Qualifier::default())
}

/// The qualifier that follows a mention ending at byte `end`: ", Texas", ", TX", ", France".
fn qualifier_after(g: &Gazetteer, text: &str, end: usize) -> Qualifier {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(',') else {
        return Qualifier::default();
    };
    let trimmed = rest.trim_start_matches(' ');
    let start = text.len() - trimmed.len();
    if let Some(hit) = scan::match_at(text, start) {
        return qualifier_of(g, &text[hit.start..hit.end]);
    }
    // AP-style state abbreviations, which the scan leaves alone: "Flint, Mich.".
    let word_end = trimmed
        .find(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .unwrap_or(trimmed.len());
    let word = &trimmed[..word_end];
    if let [Target::State(s)] = g.candidates(word) {
        return Qualifier {
            country: Some("US"),
            state: Some(g.states[*s as usize].code),
        };
    }
    // Two-letter postal codes: "Moscow, ID".
    let code: String = trimmed
        .chars()
        .take_while(char::is_ascii_uppercase)
        .collect();
    if code.len() == 2 && !trimmed[2..].starts_with(|c: char| c.is_alphanumeric()) {
        return qualifier_of(g, &code);
    }
    Qualifier::default()
}

fn qualifier_of(g: &Gazetteer, word: &str) -> Qualifier {
    if word.len() == 2
        && let Some(s) = g.states.iter().find(|s| s.code == word)
    {
        return Qualifier {
            country: Some("US"),
            state: Some(s.code),
        };
    }
    match g.candidates(word) {
        [Target::State(s)] => Qualifier {
            country: Some("US"),
            state: Some(g.states[*s as usize].code),
        },
        targets => {
            let country = targets.iter().find_map(|t| match t {
                Target::Country(i) => Some(g.countries[*i as usize].code),
                _ => None,
            });
            let state = targets.iter().find_map(|t| match t {
                Target::State(s) => Some(g.states[*s as usize].code),
                _ => None,
            });
            Qualifier { country, state }
        }
    }
}

/// How well reading `t` fits the article. A country outranks any city of the same name,
/// a state any city; the article's own mentions can overturn the population prior.
fn score(g: &Gazetteer, t: Target, ctx: &Context, q: &Qualifier) -> f64 {
    let ln1p = |x: f64| x.ln_1p();
    let (code, state, base) = match t {
        Target::Region => return 0.0,
        // Above any city's population prior (a city of 20 million scores about 7.7), so
        // "Armenia" is the country, not the Colombian city.
        Target::Country(i) => (g.countries[i as usize].code, None, 9.0),
        Target::State(s) => {
            let state = g.states[s as usize].code;
            let domestic = ctx.us_domestic - ctx.states.get(state).copied().unwrap_or(0.0);
            (
                "US",
                Some(state),
                8.0 + 1.5 * ln1p(domestic) + 0.3 * ln1p(ctx.country("US")),
            )
        }
        Target::City(i) => {
            let c = &g.cities[i as usize];
            // Strong enough that a few mentions of Canada do not move London there.
            let prior = 1.0 + 0.4 * (c.population.max(1) as f64).ln();
            // A US town is placed by its state: "the US" is in nearly every article, so it
            // would move "Paris" to Texas in any story on American politics.
            let evidence = match c.state {
                Some(s) => 1.5 * ln1p(ctx.states.get(s).copied().unwrap_or(0.0)),
                None => 0.4 * ln1p(ctx.country(c.country)),
            };
            (c.country, c.state, prior + evidence)
        }
    };
    let mut s = base + 0.5 * ln1p(ctx.neighbours(g, code));
    if matches!(t, Target::Country(_)) {
        s += 0.5 * ln1p(ctx.country(code));
    }
    if q.state.is_some() && q.state == state {
        s += 100.0;
    } else if q.country == Some(code) && (q.state.is_none() || !matches!(t, Target::State(_))) {
        s += 50.0;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_lookups_answer_without_context() {
        assert_eq!(country_of_demonym("Ukrainian"), Some("UA"));
        assert_eq!(country_of_demonym("Israelis"), Some("IL"));
        assert_eq!(country_of_demonym("Europe"), None);
        assert_eq!(country_name("UA"), Some("Ukraine"));
        assert_eq!(country_code("the United States"), Some("US"));
        assert_eq!(country_code("Kremlin"), Some("RU"));
        assert_eq!(country_code("Europe"), None);
        assert_eq!(country_code("Kharkiv"), Some("UA"));
    }
}
