//! Acronyms the article defines: "the Islamic State of Iraq and the Levant (ISIL)", "the
//! U.N. Interim Force in Lebanon (UNIFIL)", "Human Rights Watch (HRW)". The recogniser sees
//! such a long name as several shorter ones ("Islamic State" and "Iraq" places, "Levant" a
//! person), and may leave the acronym untagged or give it another type than the name.
//! The letters in the brackets say where the name starts; the writer has named one thing
//! twice, so both forms get one type and one entity.

use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::{EntityType, Field};

/// Lowercase words inside names that an acronym may take a letter from or skip ("Committee
/// to Protect Journalists" is CPJ, "U.N. Interim Force in Lebanon" UNIFIL).
const SMALL: &[&str] = &[
    "a", "an", "and", "at", "de", "del", "der", "des", "du", "for", "in", "la", "le", "of", "on",
    "the", "to", "von",
];

/// Longest acronym read, in letters.
const MAX_LETTERS: usize = 10;

/// Steps the search for one acronym's name may take: real names need a few dozen.
const SPELL_BUDGET: u32 = 256;

/// Definitions applied per article: a real one has a handful, and each rescans the
/// mentions, so a crafted article of thousands stays linear.
const MAX_DEFINITIONS: usize = 64;

/// One definition: the name's tokens and the acronym's token, in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub field: Field,
    /// Token range of the long form.
    pub name: std::ops::Range<usize>,
    /// Token index of the acronym.
    pub acronym: usize,
}

impl Definition {
    /// The acronym's letters, upper case, without dots or a plural "s".
    pub fn letters(&self, doc: &Doc<'_>) -> String {
        letters(doc.layer(self.field).token_text(self.acronym)).unwrap_or_default()
    }

    /// The long form's words in lower case, as [`super`] keys entities.
    pub fn words(&self, doc: &Doc<'_>) -> Vec<String> {
        let layer = doc.layer(self.field);
        self.name
            .clone()
            .map(|i| layer.token_text(i).to_lowercase())
            .collect()
    }
}

/// An acronym's letters: two to [`MAX_LETTERS`] letters, at least two of them capitals, all
/// capitals but for a plural "s" ("GDRs"); dots allowed ("U.N.").
fn letters(token: &str) -> Option<String> {
    let mut t = token.trim_end_matches('.');
    if let Some(stem) = t.strip_suffix('s')
        && stem.chars().last().is_some_and(char::is_uppercase)
    {
        t = stem;
    }
    let out: String = t.chars().filter(|&c| c != '.').collect();
    let n = out.chars().count();
    ((2..=MAX_LETTERS).contains(&n) && out.chars().all(|c| c.is_ascii_uppercase())).then_some(out)
}

fn is_small(w: &str) -> bool {
    SMALL.contains(&w)
}

/// The capitals of a word that brings several letters ("U.N.", "PetroChina", "Anti-Doping").
fn capitals(w: &str) -> Vec<char> {
    w.chars().filter(char::is_ascii_uppercase).collect()
}

/// Where the name ending at token `end - 1` starts, if its words spell `letters`: every
/// capitalised word gives its initial (or all its capitals), a small word gives its initial
/// or nothing, and any other word or punctuation ends the search.
fn spell(layer: &TextLayer<'_>, letters: &[char], lowest: usize, end: usize) -> Option<usize> {
    fn go(
        layer: &TextLayer<'_>,
        letters: &[char],
        lowest: usize,
        j: usize,
        budget: &mut u32,
    ) -> Option<usize> {
        // `j` tokens remain before the name's current start. Small words branch (a letter
        // or none), so a run of them could take exponential time: the budget bounds it.
        *budget = budget.checked_sub(1)?;
        if letters.is_empty() {
            // The name starts with a capitalised word, not a small one.
            let w = layer.token_text(j);
            return (!is_small(w) && w.starts_with(|c: char| c.is_uppercase())).then_some(j);
        }
        if j == lowest {
            return None;
        }
        let w = layer.token_text(j - 1);
        let first = w.chars().next()?;
        let want = *letters.last()?;
        if w == "&" {
            return go(layer, letters, lowest, j - 1, budget);
        }
        if is_small(w) {
            if first.to_ascii_uppercase() == want
                && let Some(s) = go(layer, &letters[..letters.len() - 1], lowest, j - 1, budget)
            {
                return Some(s);
            }
            return go(layer, letters, lowest, j - 1, budget);
        }
        let caps = capitals(w);
        if caps.len() >= 2
            && letters.ends_with(&caps)
            && let Some(s) = go(
                layer,
                &letters[..letters.len() - caps.len()],
                lowest,
                j - 1,
                budget,
            )
        {
            return Some(s);
        }
        if first == want {
            return go(layer, &letters[..letters.len() - 1], lowest, j - 1, budget);
        }
        None
    }
    go(layer, letters, lowest, end, &mut { SPELL_BUDGET })
}

/// Every "Long Name (ACR)" of a layer whose long name spells the acronym.
fn definitions(layer: &TextLayer<'_>) -> Vec<Definition> {
    let mut out = Vec::new();
    let n = layer.tokens.len();
    for i in 1..n.saturating_sub(2) {
        if layer.token_text(i) != "(" || layer.token_text(i + 2) != ")" {
            continue;
        }
        let Some(acr) = letters(layer.token_text(i + 1)) else {
            continue;
        };
        let letters: Vec<char> = acr.chars().collect();
        // Small words may be skipped, so the name may have more words than letters.
        let lowest = i.saturating_sub(2 * letters.len() + 2);
        let Some(start) = spell(layer, &letters, lowest, i) else {
            continue;
        };
        let capitalised = (start..i)
            .filter(|&t| layer.token_text(t).starts_with(|c: char| c.is_uppercase()))
            .count();
        // One word giving all the letters ("PetroChina (PC)") defines nothing to join.
        if capitalised >= 2 && !is_small(layer.token_text(i - 1)) {
            out.push(Definition {
                field: layer.field,
                name: start..i,
                acronym: i + 1,
            });
        }
    }
    out
}

/// Gives each defined acronym and its long name one mention each and one type, and the
/// acronym's other mentions that type too. The type is the long name's when it was tagged
/// whole; else an organisation's when a part of it or the acronym was tagged one (most
/// acronyms name bodies); else what the acronym or the longest part was tagged. Definitions
/// of which nothing was tagged, or only people, are left alone. Returns the definitions
/// applied, for joining the two forms.
pub fn defined(doc: &Doc<'_>, mut mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Definition>) {
    let mut applied = Vec::new();
    for def in doc.layers().flat_map(definitions).take(MAX_DEFINITIONS) {
        let layer = doc.layer(def.field);
        let (start, end) = (
            layer.tokens[def.name.start].start,
            layer.tokens[def.name.end - 1].end,
        );
        let acr = &layer.tokens[def.acronym];
        let inside = |m: &Mention| m.field == def.field && m.start < end && start < m.end;
        let at_acronym = |m: &Mention| m.field == def.field && m.start == acr.start;
        let parts: Vec<&Mention> = mentions.iter().filter(|m| inside(m)).collect();
        let tagged_acronym = mentions.iter().find(|m| at_acronym(m)).map(|m| m.kind);
        let longest = parts.iter().max_by_key(|m| m.tokens.len()).map(|m| m.kind);
        let org = parts
            .iter()
            .map(|m| m.kind)
            .chain(tagged_acronym)
            .any(|k| k == EntityType::Organization);
        // The recogniser saw the whole name: its type says more than the acronym's, which
        // it types an organisation's by default ("Affordable Care Act (ACA)" is a law).
        let whole = parts
            .iter()
            .find(|m| m.start == start && m.end == end)
            .map(|m| m.kind);
        let kind = if let Some(k) = whole {
            k
        } else if org {
            EntityType::Organization
        } else {
            match tagged_acronym.or(longest) {
                Some(k) => k,
                None => continue,
            }
        };
        if kind == EntityType::Person {
            continue;
        }
        // A two-letter acronym nobody tagged may be a word ("IN", "IT"): left untagged.
        if tagged_acronym.is_none() && def.letters(doc).len() < 3 {
            continue;
        }
        // A name tagged longer than the acronym spells, ending where it ends, keeps its
        // words: "the Rally for the Return of Refugees and Democracy in Rwanda (RDR)"
        // spells its acronym from a translation.
        let (start, tokens) = match parts.iter().find(|m| m.start < start && m.end == end) {
            Some(m) => (m.start, m.tokens.start..def.name.end),
            None => (start, def.name.clone()),
        };
        mentions.retain(|m| !inside(m) && !at_acronym(m));
        mentions.push(Mention {
            field: def.field,
            start,
            end,
            tokens,
            kind,
        });
        mentions.push(Mention {
            field: def.field,
            start: acr.start,
            end: acr.end,
            tokens: def.acronym..def.acronym + 1,
            kind,
        });
        // The acronym elsewhere in the article names the same thing.
        let text = &layer.text[acr.start..acr.end];
        for m in &mut mentions {
            if m.tokens.len() == 1 && &doc.layer(m.field).text[m.start..m.end] == text {
                m.kind = kind;
            }
        }
        applied.push(def);
    }
    if !applied.is_empty() {
        mentions.sort_by_key(|m| (m.field as u8, m.start));
    }
    (mentions, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::mentions_of;
    use crate::extract::entities::owned;
    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    fn run(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, text, None);
        let (out, _) = defined(&doc, mentions_of(&doc, names));
        out.iter()
            .map(|m| (doc.body.text[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_long_name_split_in_parts_is_joined_by_the_acronym_after_it() {
        let got = run(
            "Fighters of the Islamic State of Iraq and the Levant (ISIL) left.",
            &[
                ("Islamic State", L),
                ("Iraq", L),
                ("Levant", P),
                ("ISIL", O),
            ],
        );
        assert_eq!(
            got,
            owned(&[("Islamic State of Iraq and the Levant", O), ("ISIL", O)])
        );
        let got = run(
            "at the U.N. Interim Force in Lebanon (UNIFIL) base",
            &[("U.N. Interim Force", O), ("Lebanon", L), ("UNIFIL", O)],
        );
        assert_eq!(
            got,
            owned(&[("U.N. Interim Force in Lebanon", O), ("UNIFIL", O)])
        );
    }

    #[test]
    fn an_untagged_acronym_is_added_and_a_longer_tagged_name_kept() {
        let got = run(
            "a rise in the National Association of Purchasing Management (NAPM) index",
            &[("National Association of Purchasing Management", O)],
        );
        assert_eq!(
            got,
            owned(&[
                ("National Association of Purchasing Management", O),
                ("NAPM", O)
            ])
        );
        let got = run(
            "the Rally for the Return of Refugees and Democracy in Rwanda (RDR) said",
            &[
                (
                    "Rally for the Return of Refugees and Democracy in Rwanda",
                    O,
                ),
                ("RDR", O),
            ],
        );
        assert_eq!(
            got,
            owned(&[
                (
                    "Rally for the Return of Refugees and Democracy in Rwanda",
                    O
                ),
                ("RDR", O)
            ])
        );
        // Two letters nobody tagged may be a word.
        let got = run(
            "Intelligent Network (IN) products",
            &[("Intelligent Network", O)],
        );
        assert_eq!(got, owned(&[("Intelligent Network", O)]));
    }

    #[test]
    fn the_acronym_elsewhere_takes_the_names_type() {
        let got = run(
            "Shares fell on the Budapest Stock Exchange (BSE). The BSE index fell.",
            &[("Budapest Stock Exchange", O), ("BSE", M)],
        );
        assert_eq!(
            got,
            owned(&[("Budapest Stock Exchange", O), ("BSE", O), ("BSE", O)])
        );
    }

    #[test]
    fn brackets_that_do_not_spell_the_name_or_name_people_change_nothing() {
        let names = [("Ramon Manzanares", P), ("Panama", L)];
        let text = "Ramon Manzanares (Panama) won.";
        assert_eq!(run(text, &names), owned(&names));
        let names = [("John Fitzgerald Kennedy", P)];
        let text = "John Fitzgerald Kennedy (JFK) spoke.";
        assert_eq!(run(text, &names), owned(&names));
        // A lowercase word inside breaks the name: no definition.
        let names = [("Office", O), ("Management", O)];
        let text = "the Office said Management (OM) was late.";
        assert_eq!(run(text, &names), owned(&names));
        // A law tagged whole stays a law, and so does its acronym.
        let got = run(
            "the Affordable Care Act (ACA) passed",
            &[("Affordable Care Act", M), ("ACA", O)],
        );
        assert_eq!(got, owned(&[("Affordable Care Act", M), ("ACA", M)]));
        // One word giving every letter defines nothing to join.
        let names = [("PetroChina", O), ("PC", M)];
        assert_eq!(run("shares of PetroChina (PC) rose", &names), owned(&names));
        // Nothing tagged: nothing invented.
        assert_eq!(run("Global Depositary Receipts (GDRs) rose.", &[]), vec![]);
    }
}
