//! Listed companies the recogniser took for a person or a place ("Microsoft, Meta and
//! Alphabet": Meta a person, Alphabet a place; "Amazon and Apple were flat"). A name from
//! the list of index constituents (`models/gazetteer/companies.txt`, see its generator
//! `scripts/gen_companies.py`) becomes an organisation only where the text treats it as a
//! company: in a list with another company, or next to a word of the stock market ("Meta
//! shares", "shares of Apple"). Alone, "Amazon" may be the river and "Ford" a man.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::lists::coordinated;
use super::words;
use crate::extract::doc::{Doc, Mention};
use crate::extract::places;
use crate::record::EntityType;

static NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../models/gazetteer/companies.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Parses the list now rather than on the first article, so that article is not the one
/// that pays for it.
pub fn preload() {
    let _ = NAMES.len();
}

/// True for the name of a listed company as news text writes it ("Alphabet", "Shell").
pub fn is_company(name: &str) -> bool {
    NAMES.contains(name)
}

/// Retypes as organisations the listed companies among `mentions` that the text treats as
/// companies, and then every other mention of the same name in the article.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    run_by_executives(doc, mentions);
    employs_analysts(doc, mentions);
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let listed: Vec<bool> = mentions
        .iter()
        .map(|m| m.kind != EntityType::Organization && is_company(text_of(m)))
        .collect();
    if !listed.contains(&true) {
        return;
    }
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].field as u8, mentions[i].start));
    let org = |m: &Mention| m.kind == EntityType::Organization;
    // A list grows one neighbour at a time: "Microsoft, Meta and Alphabet".
    let mut changed = true;
    while changed {
        changed = false;
        for w in order.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (ma, mb) = (&mentions[a], &mentions[b]);
            if ma.field != mb.field || ma.end > mb.start {
                continue;
            }
            if !coordinated(&doc.layer(ma.field).text[ma.end..mb.start]) {
                continue;
            }
            for (x, y) in [(a, b), (b, a)] {
                if listed[x] && !org(&mentions[x]) && (org(&mentions[y]) || listed[y]) {
                    mentions[x].kind = EntityType::Organization;
                    changed = true;
                }
            }
        }
    }
    for (i, m) in mentions.iter_mut().enumerate() {
        if listed[i] && m.kind != EntityType::Organization && market(doc.layer(m.field).text, m) {
            m.kind = EntityType::Organization;
        }
    }
    // A listed company typed a place that no gazetteer knows as one ("a job at Uber") is
    // the company: unless "the" stands before it ("the Amazon", the river).
    for (i, m) in mentions.iter_mut().enumerate() {
        let text = doc.layer(m.field).text;
        if listed[i]
            && m.kind == EntityType::Location
            && !places::is_place_name(&text[m.start..m.end])
            && !words::word_before(text, m.start).is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            m.kind = EntityType::Organization;
        }
    }
    let companies: FxHashSet<&str> = mentions
        .iter()
        .zip(&listed)
        .filter(|(m, listed)| **listed && org(m))
        .map(|(m, _)| text_of(m))
        .collect();
    for (i, m) in mentions.iter_mut().enumerate() {
        if listed[i] && companies.contains(&doc.layer(m.field).text[m.start..m.end]) {
            m.kind = EntityType::Organization;
        }
    }
}

/// "Ryanair chief executive Michael O'Leary": a name that no gazetteer knows as a place,
/// tagged a place or an organisation, with a company's officer or its shares after it is a
/// company; so is every mention of it tagged a place, before or after ("Ryanair cancelled 400
/// flights", tagged a place, in the sentence before). Places have no chief executive; people
/// have spokesmen ("Trump spokeswoman Hope Hicks"), so a person stays a person.
fn run_by_executives(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let companies: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Location | EntityType::Organization))
        .filter(|m| {
            let mut words = after_name(doc.layer(m.field).text, m)
                .split(|c: char| !c.is_alphanumeric() && c != '-');
            let officer = match (words.next(), words.next()) {
                (Some("chief"), Some("executive" | "executives")) => true,
                (Some(w), _) => matches!(
                    w.to_lowercase().as_str(),
                    "ceo" | "chairman" | "chairwoman" | "shares" | "shareholders" | "stock"
                ),
                _ => false,
            };
            officer && !places::is_place_name(text_of(m))
        })
        .map(&text_of)
        .collect();
    make_organisations(doc, mentions, &companies, &[EntityType::Location]);
}

/// Every mention of one of `names`, typed one of `kinds`, becomes an organisation: what the
/// text shows of one mention holds for the name throughout the article.
fn make_organisations(
    doc: &Doc<'_>,
    mentions: &mut [Mention],
    names: &FxHashSet<&str>,
    kinds: &[EntityType],
) {
    if names.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if kinds.contains(&m.kind) && names.contains(&doc.layer(m.field).text[m.start..m.end]) {
            m.kind = EntityType::Organization;
        }
    }
}

/// Whose economists, analysts and strategists a market story quotes: firms.
const ANALYSTS: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
];

/// "Economists at Santander had forecast …", "shipping analysts at Drewry": a name that
/// employs economists or analysts is a firm, even one the recogniser took for a place or a
/// person, or one that is also a town; so is every other mention of it. "Drewry analyst
/// Maria Jensen" says the same of a name no gazetteer knows as a place (not of "US
/// economist", a nationality).
fn employs_analysts(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let text_of = |m: &Mention| &doc.layer(m.field).text[m.start..m.end];
    let firms: FxHashSet<&str> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Location | EntityType::Person))
        .filter(|m| {
            let text = doc.layer(m.field).text;
            let mut before = text[..m.start].split_whitespace().rev();
            let at = before.next() == Some("at")
                && before
                    .next()
                    .is_some_and(|w| ANALYSTS.iter().any(|a| a.eq_ignore_ascii_case(w)));
            at || (m.kind == EntityType::Location
                && ANALYSTS.contains(
                    &after_name(text, m)
                        .split(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or(""),
                )
                && !places::is_place_name(text_of(m)))
        })
        .map(&text_of)
        .collect();
    make_organisations(
        doc,
        mentions,
        &firms,
        &[EntityType::Location, EntityType::Person],
    );
}

/// The text after mention `m`, past a possessive ("Apple's stock" gives "stock").
fn after_name<'t>(text: &'t str, m: &Mention) -> &'t str {
    let after = text[m.end..].trim_start();
    after
        .strip_prefix("’s")
        .or_else(|| after.strip_prefix("'s"))
        .unwrap_or(after)
        .trim_start()
}

/// A word of the stock market right after the name ("Meta shares", "Apple's stock") or
/// before it ("shares of Apple", "a stake in Shell").
fn market(text: &str, m: &Mention) -> bool {
    let next = after_name(text, m)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if matches!(
        next,
        "shares" | "stock" | "Inc" | "Corp" | "plc" | "shareholders" | "stockholders"
    ) {
        return true;
    }
    let before: Vec<&str> = text[..m.start].split_whitespace().rev().take(2).collect();
    matches!(
        before.as_slice(),
        ["of" | "in", "shares" | "stake" | "stock"]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        crate::extract::entities::retyped_by(retype, text, names)
    }

    #[test]
    fn a_company_in_a_list_of_companies_is_one_and_alone_it_stays_as_tagged() {
        use EntityType::{Location as L, Organization as O, Person as P};
        let got = kinds(
            "Shares of Microsoft, Meta and Alphabet rose. Amazon and Apple were flat. \
             Meta said it would hire.",
            &[
                ("Microsoft", O),
                ("Meta", P),
                ("Alphabet", L),
                ("Amazon", L),
                ("Apple", P),
            ],
        );
        assert!(got.iter().all(|(_, k)| *k == O), "{got:?}");
        let got = kinds(
            "Ford met Smith. The Amazon floods every year, and Apple was late.",
            &[("Ford", P), ("Smith", P), ("Amazon", L), ("Apple", P)],
        );
        for (name, kind) in [("Ford", P), ("Smith", P), ("Amazon", L), ("Apple", P)] {
            assert!(got.contains(&(name.to_string(), kind)), "{name}: {got:?}");
        }
        let got = kinds("Investors sold shares of Shell.", &[("Shell", P)]);
        assert_eq!(got[0].1, O);
    }

    #[test]
    fn a_company_taken_for_an_unknown_place_is_the_company() {
        use EntityType::{Location as L, Organization as O};
        // No gazetteer knows Uber as a place; Orange (a listed telecom) is a town in France.
        let got = kinds(
            "He took a job at Uber. She moved to Orange.",
            &[("Uber", L), ("Orange", L)],
        );
        assert_eq!(
            got,
            vec![("Uber".to_string(), O), ("Orange".to_string(), L)]
        );
    }

    #[test]
    fn an_unknown_place_with_a_chief_executive_is_a_company_and_a_known_one_is_not() {
        use EntityType::{Location as L, Organization as O, Person as P};
        let got = kinds(
            "Ryanair cancelled 400 flights. Ryanair chief executive Michael O'Leary called it \
             a ritual. France chairman Jean Dupont and Trump spokeswoman Hope Hicks agreed.",
            &[
                ("Ryanair", L),
                ("Michael O'Leary", P),
                ("France", L),
                ("Jean Dupont", P),
                ("Trump", P),
                ("Hope Hicks", P),
            ],
        );
        assert_eq!(
            got,
            [
                ("Ryanair".to_string(), O),
                ("Ryanair".to_string(), O),
                ("Michael O'Leary".to_string(), P),
                ("France".to_string(), L),
                ("Jean Dupont".to_string(), P),
                ("Trump".to_string(), P),
                ("Hope Hicks".to_string(), P),
            ]
        );
    }

    #[test]
    fn a_company_the_recogniser_named_once_with_its_chief_executive_is_one_throughout() {
        use EntityType::{Location as L, Organization as O, Person as P};
        // The recogniser got the second "Ryanair" right and took the first for a place.
        let text = "Ryanair cancelled 400 flights. Ryanair chief executive Michael O'Leary \
                    called it a ritual.";
        let doc = Doc::new(None, text, None);
        let mut mentions = crate::extract::entities::mentions_of(&doc, &[("Michael O'Leary", P)]);
        for (start, kind) in [(0, L), (31, O)] {
            mentions.push(Mention {
                field: crate::record::Field::Body,
                start,
                end: start + "Ryanair".len(),
                tokens: 0..0,
                kind,
            });
        }
        mentions.sort_by_key(|m| m.start);
        retype(&doc, &mut mentions);
        let kinds: Vec<EntityType> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [O, O, P]);
    }

    #[test]
    fn a_name_that_employs_analysts_is_a_firm() {
        use EntityType::{Location as L, Organization as O, Person as P};
        let got = kinds(
            "Economists at Santander had forecast it. Shipping analysts at Drewry cautioned, \
             said Drewry analyst Maria Jensen. Moody analyst Ann Lee and US economist Paul \
             Smith agreed; analysts in London and Paris Hilton did not.",
            &[
                ("Santander", L),
                ("Drewry", P),
                ("Drewry", P),
                ("Maria Jensen", P),
                ("Moody", L),
                ("Ann Lee", P),
                ("US", L),
                ("Paul Smith", P),
                ("London", L),
                ("Paris Hilton", P),
            ],
        );
        assert_eq!(
            got,
            [
                ("Santander".to_string(), O),
                ("Drewry".to_string(), O),
                ("Drewry".to_string(), O),
                ("Maria Jensen".to_string(), P),
                ("Moody".to_string(), O),
                ("Ann Lee".to_string(), P),
                ("US".to_string(), L),
                ("Paul Smith".to_string(), P),
                ("London".to_string(), L),
                ("Paris Hilton".to_string(), P),
            ]
        );
    }
}
