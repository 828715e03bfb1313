//! Regnal numbers. "Pope John Paul II", "King Leopold III", "Louis XIV": the numeral is part
//! of the name, yet the recogniser may leave it out ("John Paul") or tag it a name of its own
//! ("III", an organisation). A Roman numeral right after a mention joins it; after a
//! monarch's or pope's title, or after a person, the whole is a person. So is a name whose
//! word before the numeral the article calls a person on its own ("Brent Bozell III", then
//! "Bozell": the recogniser had typed the whole MISC). Other names keep their type with the
//! numeral ("World War II", "Super Bowl XXX").

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Titles of monarchs and popes, lowercase.
const REGAL: &[&str] = &[
    "czar", "duke", "emperor", "empress", "king", "pope", "prince", "princess", "queen", "shah",
    "sultan", "tsar",
];

/// Whether `w` is a Roman numeral of 1 to 39 ("II", "XIV").
fn is_roman(w: &str) -> bool {
    if w.is_empty() || w.len() > 6 || !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return false;
    }
    let tens = w.len() - w.trim_start_matches('X').len();
    tens <= 3
        && matches!(
            &w[tens..],
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// Whether the last word of a person's name says which of a family's namesakes it is
/// ("Jr.", "Sr", "III"), not who: "Al Unser Jr" is called "Unser".
pub fn is_generation(word: &str) -> bool {
    // Any case: the clustering compares lowercased words.
    let w = word.strip_suffix('.').unwrap_or(word).to_ascii_uppercase();
    matches!(w.as_str(), "JR" | "SR") || (w.len() >= 2 && is_roman(&w))
}

/// A Roman numeral token. "I", "V" and "X" alone count only after a monarch's title
/// (`titled`: "Queen Elizabeth I born") or before punctuation or the end of the text, where
/// they cannot be a pronoun or a letter in a name ("Elizabeth I,", not "Elizabeth I think").
fn is_numeral(layer: &TextLayer<'_>, i: usize, titled: bool) -> bool {
    let w = layer.token_text(i);
    if !is_roman(w) {
        return false;
    }
    if w.len() > 1 || titled {
        return true;
    }
    layer
        .tokens
        .get(i + 1)
        .is_none_or(|_| !layer.token_text(i + 1).chars().any(char::is_alphanumeric))
}

fn is_regal(word: &str) -> bool {
    REGAL.contains(&word.to_lowercase().as_str())
}

/// Joins regnal numerals to the names before them, as the module says. Mentions must come
/// sorted by field and start, as the recogniser gives them; they stay so.
pub fn join_numerals(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let titled = |layer: &TextLayer<'_>, m: &Mention| {
        !m.tokens.is_empty()
            && (is_regal(layer.token_text(m.tokens.start))
                || (m.tokens.start > 0 && is_regal(layer.token_text(m.tokens.start - 1))))
    };
    for m in mentions {
        let layer = doc.layer(m.field);
        // A numeral the recogniser tagged alone, right after the previous mention: merged.
        if let Some(prev) = out.last_mut() {
            let adjacent = prev.field == m.field && prev.tokens.end == m.tokens.start;
            let numeral = || is_numeral(layer, m.tokens.start, titled(layer, prev));
            if adjacent && m.tokens.len() == 1 && numeral() {
                prev.end = m.end;
                prev.tokens.end = m.tokens.end;
                continue;
            }
        }
        out.push(m);
    }
    // Words the article tags a person on their own ("Bozell"), lowercased.
    let people: FxHashSet<String> = out
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.tokens.len() == 1)
        .map(|m| doc.layer(m.field).token_text(m.tokens.start).to_lowercase())
        .collect();
    for m in &mut out {
        if m.tokens.is_empty() {
            continue;
        }
        let layer = doc.layer(m.field);
        let titled = titled(layer, m);
        // After a name's word: "Duke of Norfolk's XI" is a cricket team.
        let ends_in_numeral = m.tokens.len() >= 2
            && is_numeral(layer, m.tokens.end - 1, titled)
            && layer
                .token_text(m.tokens.end - 2)
                .starts_with(char::is_uppercase);
        let numeral_next = m.tokens.end < layer.tokens.len()
            && layer
                .token_text(m.tokens.end - 1)
                .starts_with(char::is_uppercase)
            && is_numeral(layer, m.tokens.end, titled);
        if numeral_next {
            m.tokens.end += 1;
            m.end = layer.tokens[m.tokens.end - 1].end;
        } else if !ends_in_numeral {
            continue;
        }
        // The name's word before the numeral, a person elsewhere: "Bozell" for "Brent
        // Bozell III". One word alone ("Rocky IV") is not enough to say whose namesake.
        let surname = m.tokens.len() >= 3
            && people.contains(&layer.token_text(m.tokens.end - 2).to_lowercase());
        if titled || surname {
            m.kind = EntityType::Person;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::joined_by;
    use EntityType::{Misc as M, Organization as O, Person as P};

    fn joined(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        joined_by(join_numerals, text, names)
    }

    #[test]
    fn a_numeral_after_a_monarchs_name_joins_it_and_makes_a_person() {
        let got = joined(
            "Pope John Paul II met King Leopold III and Queen Elizabeth II.",
            &[
                ("John Paul", P),
                ("Leopold", P),
                ("III", O),
                ("Queen Elizabeth", O),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("John Paul II".to_string(), P),
                ("Leopold III".to_string(), P),
                ("Queen Elizabeth II".to_string(), P),
            ]
        );
        // "I" before punctuation is a numeral.
        let got = joined("It was Elizabeth I, the queen.", &[("Elizabeth", P)]);
        assert_eq!(got, vec![("Elizabeth I".to_string(), P)]);
        // And before a word, after a monarch's title.
        let got = joined("1930 - Belgian King Baudouin I born .", &[("Baudouin", O)]);
        assert_eq!(got, vec![("Baudouin I".to_string(), P)]);
    }

    #[test]
    fn generations_are_jr_sr_and_numerals_of_two_letters_or_more() {
        for w in ["Jr", "Jr.", "Sr", "III", "IV", "XIV", "iv", "jr."] {
            assert!(is_generation(w), "{w}");
        }
        for w in ["I", "V", "Junior", "Ivy", "IIII"] {
            assert!(!is_generation(w), "{w}");
        }
    }

    #[test]
    fn a_namesake_whose_surname_is_a_person_elsewhere_is_a_person() {
        let got = joined(
            "Brent Bozell III spoke. Bozell said so. World War II ended and Rocky IV ran.",
            &[
                ("Brent Bozell III", M),
                ("Bozell", P),
                ("World War II", M),
                ("Rocky IV", M),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Brent Bozell III".to_string(), P),
                ("Bozell".to_string(), P),
                ("World War II".to_string(), M),
                ("Rocky IV".to_string(), M),
            ]
        );
        // Without the surname alone elsewhere, the tagger's type stays.
        let got = joined("Brent Bozell III spoke.", &[("Brent Bozell III", M)]);
        assert_eq!(got, vec![("Brent Bozell III".to_string(), M)]);
    }

    #[test]
    fn other_names_keep_their_type_and_pronouns_stay_out() {
        let got = joined("After World War II ended", &[("World War", M)]);
        assert_eq!(got, vec![("World War II".to_string(), M)]);
        // A cricket team's eleven after a duke's name is still the team.
        let got = joined(
            "for the Duke of Norfolk 's XI .",
            &[("Duke of Norfolk 's XI", O)],
        );
        assert_eq!(got, vec![("Duke of Norfolk 's XI".to_string(), O)]);
        // "I" before a word is the pronoun.
        let got = joined("said Smith I think", &[("Smith", P)]);
        assert_eq!(got, vec![("Smith".to_string(), P)]);
        // Not a numeral: "XIIII", "IIV".
        let got = joined("Louis XIIII and Henry IIV", &[("Louis", P), ("Henry", P)]);
        assert_eq!(
            got,
            vec![("Louis".to_string(), P), ("Henry".to_string(), P)]
        );
    }
}
