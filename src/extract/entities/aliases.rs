//! Other names of a few countries and bodies that no string rule can join ("US" and "the
//! United States", "Britain" and "United Kingdom"). Everything else is joined by rules in
//! [`super`] (last names, acronyms). Hand-written; the full gazetteer lives in `places`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::extract::roles::lexicon::Fnv;

/// (alias, canonical name, is a country). Aliases are compared after dots, a leading "the"
/// and case are dropped, so "U.S.", "US" and "us" written in capitals all match "US".
const ALIASES: &[(&str, &str, bool)] = &[
    ("US", "United States", true),
    ("USA", "United States", true),
    ("UNITED STATES", "United States", true),
    ("UNITED STATES OF AMERICA", "United States", true),
    ("AMERICA", "United States", true),
    ("UK", "United Kingdom", true),
    ("UNITED KINGDOM", "United Kingdom", true),
    ("BRITAIN", "United Kingdom", true),
    ("GREAT BRITAIN", "United Kingdom", true),
    ("EU", "European Union", false),
    ("EUROPEAN UNION", "European Union", false),
    ("UN", "United Nations", false),
    ("UNITED NATIONS", "United Nations", false),
    ("UAE", "United Arab Emirates", true),
    ("UNITED ARAB EMIRATES", "United Arab Emirates", true),
    ("RUSSIAN FEDERATION", "Russia", true),
    ("RUSSIA", "Russia", true),
    ("DPRK", "North Korea", true),
    ("NORTH KOREA", "North Korea", true),
    ("PRC", "China", true),
    ("CHINA", "China", true),
    ("PEOPLE'S REPUBLIC OF CHINA", "China", true),
    ("UKRAINE", "Ukraine", true),
    ("THE UKRAINE", "Ukraine", true),
    ("NATO", "NATO", false),
    ("NORTH ATLANTIC TREATY ORGANIZATION", "NATO", false),
    ("GOP", "Republican Party", false),
    ("REPUBLICAN PARTY", "Republican Party", false),
    ("DEMOCRATIC PARTY", "Democratic Party", false),
];

/// The alias table keyed by alias, built once.
static INDEX: LazyLock<HashMap<&'static str, (&'static str, bool), BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| ALIASES.iter().map(|&(a, n, c)| (a, (n, c))).collect());

/// The canonical name of a known alias and whether it names a country:
/// `canonical("U.S.") == Some(("United States", true))`.
pub fn canonical(name: &str) -> Option<(&'static str, bool)> {
    let trimmed = name.trim();
    let trimmed = trimmed
        .strip_prefix("the ")
        .or_else(|| trimmed.strip_prefix("The "))
        .unwrap_or(trimmed);
    // Every alias starts with a capital: most words are rejected before any allocation.
    if trimmed.len() > 40 || !trimmed.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // The key: upper case without dots, on the stack (every alias is ASCII).
    let mut buf = [0u8; 40];
    let mut n = 0;
    for ch in trimmed.chars().filter(|&c| c != '.') {
        let ch = if ch == '’' { '\'' } else { ch };
        if !ch.is_ascii() {
            return None;
        }
        buf[n] = (ch as u8).to_ascii_uppercase();
        n += 1;
    }
    // Only ASCII bytes were written.
    let key = std::str::from_utf8(&buf[..n]).ok()?;
    // "US" and "UK" only as written in capitals: "us" is a pronoun.
    if matches!(key, "US" | "UK" | "UN" | "EU") && trimmed.chars().any(char::is_lowercase) {
        return None;
    }
    INDEX.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_plain_forms_of_a_country_share_one_name() {
        for form in ["US", "U.S.", "USA", "the United States", "United States"] {
            assert_eq!(canonical(form), Some(("United States", true)), "{form}");
        }
        assert_eq!(canonical("Britain"), Some(("United Kingdom", true)));
    }

    #[test]
    fn the_pronoun_us_is_not_a_country() {
        assert_eq!(canonical("us"), None);
        assert_eq!(canonical("Us"), None);
        assert_eq!(canonical("Apple"), None);
    }
}
