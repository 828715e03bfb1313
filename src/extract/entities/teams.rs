//! A city's name is its team only on the sports pages. The recogniser learnt English from
//! Reuters' 1996 sports pages too, where "Cleveland", "Oakland" and "Philadelphia" are
//! mostly baseball teams: in a report on a political convention it calls every "Cleveland"
//! an organisation, and the clustering then joins them all to "Cleveland Browns". In an
//! article that reports no sport, a mention typed an organisation whose whole name is a big
//! city or a US state ([`places::is_big_city_or_state`]: 300,000 people or more) is that
//! place. Not a listed company's name ("Toyota" is a city of 420,000 too), nor a country's
//! (national teams, and "Jordan" is a motor-racing team), nor the names that stand for a
//! government ("Pentagon", "Kremlin"): organisations as often as places.
//!
//! An article reports sport when it gives a score ("beat Chicago 5-3", "a 2–1 win"), a line
//! of a results table ("Karlsruhe 2 Hansa Rostock 0": two numbers, the last ending the line,
//! no word in lower case) or three words only the game uses ("coach", "league", "playoffs")
//! in one field. On CoNLL-2003 dev, sports pages nearly all, the rule changes one mention
//! ("Boston", a place); a vote ("a 52-48 vote") also reads as a score, which only keeps the
//! recogniser's reading.

use std::ops::Range;
use std::sync::LazyLock;

use crate::extract::doc::{Doc, Mention};
use crate::extract::entities::companies;
use crate::extract::places;
use crate::extract::roles::lexicon::WordSet;
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Words of sport reports that other news rarely uses (lowercase).
const SPORT_WORDS: &[&str] = &[
    "baseball",
    "basketball",
    "batsman",
    "batsmen",
    "bowler",
    "championship",
    "coach",
    "cricket",
    "goalkeeper",
    "goalless",
    "goalscorers",
    "hockey",
    "inning",
    "innings",
    "league",
    "midfielder",
    "mlb",
    "motocross",
    "nba",
    "nfl",
    "nhl",
    "olympic",
    "olympics",
    "pitcher",
    "playoff",
    "playoffs",
    "prix",
    "quarter-final",
    "quarterback",
    "quarterfinal",
    "rebounds",
    "rugby",
    "scored",
    "scorers",
    "semi-final",
    "semifinal",
    "soccer",
    "squad",
    "striker",
    "tennis",
    "touchdown",
    "tournament",
    "uefa",
    "unbeaten",
    "wicket",
    "wickets",
];

/// Words of the game a field needs to report sport without a score: fewer are asides ("the
/// same week that basketball legend LeBron James", "the Cavaliers are in the NBA Finals" in
/// a report on a convention).
const MIN_SPORT_WORDS: usize = 3;

static SPORT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPORT_WORDS));

/// Retypes as places the organisations named like big places, as the module says, unless
/// the article reports sport. Looks at the text only when such a mention is there.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let named_like_places: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let name = &doc.layer(m.field).text[m.start..m.end];
            m.kind == EntityType::Organization
                && places::is_big_city_or_state(name)
                && !companies::is_company(name)
        })
        .map(|(i, _)| i)
        .collect();
    if named_like_places.is_empty() || reports_sport(doc) {
        return;
    }
    for i in named_like_places {
        mentions[i].kind = EntityType::Location;
    }
}

/// Whether any field of the article gives a score, a table of results or
/// [`MIN_SPORT_WORDS`] words of the game.
fn reports_sport(doc: &Doc<'_>) -> bool {
    doc.layers().any(|layer| {
        has_score(layer.text)
            || (0..layer.tokens.len())
                .filter(|&i| SPORT_SET.contains_lower(layer.token_text(i)))
                .nth(MIN_SPORT_WORDS - 1)
                .is_some()
            || layer
                .sentences
                .iter()
                .any(|s| is_result_line(layer, s.tokens.clone()))
    })
}

/// Whether the tokens `r` are a line of a results table: two numbers or more, the last
/// token a number, no word in lower case ("Hapoel Tel Aviv 1 Maccabi Haifa 3", "Karlsruhe 2
/// Hansa Rostock 0").
fn is_result_line(layer: &TextLayer<'_>, r: Range<usize>) -> bool {
    let number = |i: usize| {
        layer
            .token_text(i)
            .starts_with(|c: char| c.is_ascii_digit())
    };
    r.len() >= 3
        && r.clone().filter(|&i| number(i)).nth(1).is_some()
        && number(r.end - 1)
        && r.clone()
            .all(|i| !layer.token_text(i).starts_with(char::is_lowercase))
}

/// Whether `text` has a score: one to three digits, a hyphen or an en dash, one to three
/// digits, with no digit either side ("5-3", "118–110"; not "2015-16" or "1-800-555").
fn has_score(text: &str) -> bool {
    let b = text.as_bytes();
    // The digits a run of bytes starts with, counted up to four: more are no score either.
    fn digits<'a>(run: impl Iterator<Item = &'a u8>) -> usize {
        run.take(4).take_while(|c| c.is_ascii_digit()).count()
    }
    let mut i = 0;
    while i < b.len() {
        // A hyphen is one byte; an en dash (U+2013) is three: E2 80 93.
        let dash = match b[i] {
            b'-' => 1,
            0xE2 if b.get(i + 1..i + 3) == Some(&[0x80, 0x93]) => 3,
            _ => 0,
        };
        if dash > 0 && i > 0 {
            let left = digits(b[..i].iter().rev());
            let right = digits(b[i + dash..].iter());
            let after = i + dash + right;
            let separated = b.get(after).is_none_or(|&c| c != b'-');
            let before_ok = i - left == 0 || b[i - left - 1] != b'-';
            if (1..=3).contains(&left) && (1..=3).contains(&right) && separated && before_ok {
                return true;
            }
        }
        i += dash.max(1);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{cluster, mentions_of};
    use crate::record::EntityType::{Location as L, Organization as O};

    fn kinds(body: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, body, None);
        let mut out: Vec<(String, EntityType)> = cluster(&doc, mentions_of(&doc, names))
            .into_iter()
            .map(|d| (d.name, d.kind))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_big_city_is_a_place_outside_the_sports_pages() {
        let body = "Cleveland sought the convention for years, while the Cavaliers and \
                    basketball star LeBron James played in the NBA Finals. Cleveland police are ready, \
                    and fans of the Cleveland Browns came too. Economists at Santander agreed. \
                    A Pentagon spokesman said 2 or 3 ships would go, and Toyota and Jordan \
                    sent none. Kiev agreed.";
        assert_eq!(
            kinds(
                body,
                &[
                    ("Cleveland", O),
                    ("Cleveland Browns", O),
                    ("Santander", O),
                    ("Pentagon", O),
                    ("Toyota", O),
                    ("Jordan", O),
                    ("Kiev", O)
                ]
            ),
            [
                ("Cleveland".to_string(), L),
                ("Cleveland Browns".to_string(), O),
                // A country: its team, its government or its people.
                ("Jordan".to_string(), O),
                // The old spelling of Kyiv, a city of 2.9 million.
                ("Kiev".to_string(), L),
                // The Department of Defense, by its building.
                ("Pentagon".to_string(), O),
                // A city of 170,000 people: a bank as often as a place.
                ("Santander".to_string(), O),
                // A listed company, and a city of 420,000.
                ("Toyota".to_string(), O),
            ]
        );
    }

    #[test]
    fn on_the_sports_pages_a_city_stays_its_team() {
        for body in [
            "Cleveland beat Chicago 5-3 on Sunday.",
            "Cleveland beat Chicago 5–3 on Sunday.",
            "Cleveland fired its coach after losing to Chicago in the league's playoffs.",
            "Results on Saturday:\nCleveland 5 Chicago 3\nDetroit 2 Boston 1",
        ] {
            assert_eq!(
                kinds(body, &[("Cleveland", O), ("Chicago", O)]),
                [("Chicago".to_string(), O), ("Cleveland".to_string(), O)],
                "{body}"
            );
        }
    }

    #[test]
    fn a_score_is_two_short_numbers_joined_by_a_dash() {
        for yes in ["won 5-3", "118–110.", "(2-1)", "3-0"] {
            assert!(has_score(yes), "{yes}");
        }
        for no in [
            "the 2015-16 season",
            "call 1-800-555-0100",
            "a 24/7 line",
            "-5",
            "5-",
        ] {
            assert!(!has_score(no), "{no}");
        }
    }
}
