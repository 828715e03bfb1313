//! US party-and-state designations after a politician's name, as wire copy writes them:
//! "Sen. Chuck Schumer, D-N.Y., said", "Rep. Alexandria Ocasio-Cortez (D-NY)", "Sen. Susan
//! Collins, R-Maine". They say the person's party; they are never a person, a place or an
//! organisation of their own, and a quote after them belongs to the name before them.
//!
//! The states are the places gazetteer's: postal codes (some papers write "D-NY"), names,
//! and the AP abbreviations of `models/gazetteer/aliases.tsv`.

use crate::extract::places;

/// The party a designation's letter stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Democratic,
    Republican,
    /// "I-Vt.": no party, so no affiliation.
    Independent,
}

impl Party {
    /// The organisation a member of the party is affiliated with.
    pub fn affiliation(self) -> Option<&'static str> {
        match self {
            Party::Democratic => Some("Democratic Party"),
            Party::Republican => Some("Republican Party"),
            Party::Independent => None,
        }
    }
}

const PARTIES: &[(char, Party)] = &[
    ('D', Party::Democratic),
    ('R', Party::Republican),
    ('I', Party::Independent),
];

/// The party of a designation such as "D-N.Y." or "R-Maine" (a trailing period of an
/// abbreviation may be missing, as a tokenizer that split it off leaves it).
pub fn party_of(designation: &str) -> Option<Party> {
    read(designation).map(|(party, _)| party)
}

/// The party of a designation, and whether its last character is a full stop rather than
/// part of the state ("R-Maine." against "D-N.Y."). States are the places gazetteer's: postal
/// codes, names and AP abbreviations.
fn read(designation: &str) -> Option<(Party, bool)> {
    let mut chars = designation.chars();
    let letter = chars.next()?;
    let party = PARTIES.iter().find(|(c, _)| *c == letter)?.1;
    let state = chars.as_str().strip_prefix('-')?;
    if places::us_state(state).is_some() {
        return Some((party, false));
    }
    if let Some(bare) = state.strip_suffix('.') {
        return places::us_state(bare).map(|_| (party, true));
    }
    // "R-La" before a period the tokenizer split off.
    places::us_state(&format!("{state}.")).map(|_| (party, false))
}

/// The party of a designation that follows a name in `rest` (the text right after it):
/// ", D-N.Y.," or " (R-Texas)". The designation must be closed off by punctuation, so
/// "Smith, D-N.Y. native" is not one.
pub fn party_after(rest: &str) -> Option<Party> {
    let rest = rest.trim_start();
    let inner = rest
        .strip_prefix(',')
        .or_else(|| rest.strip_prefix('('))?
        .trim_start();
    let end = inner
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ')' | ';'))
        .unwrap_or(inner.len());
    let (designation, after) = inner.split_at(end);
    // A full stop after a state written out ("R-Maine.") ends the sentence; after an
    // abbreviation ("D-N.Y. native") it is the abbreviation's own.
    let (party, full_stop) = read(designation)?;
    let closed = after.starts_with([',', ')', ';']) || after.trim().is_empty() || full_stop;
    closed.then_some(party)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_name_the_party() {
        for (text, party) in [
            ("D-N.Y.", Some(Party::Democratic)),
            ("R-La", Some(Party::Republican)),
            ("R-Maine", Some(Party::Republican)),
            ("D-NY", Some(Party::Democratic)),
            ("I-Vt.", Some(Party::Independent)),
            ("R-Texas", Some(Party::Republican)),
            ("D-Day", None),
            ("X-Men", None),
            ("R-Maines", None),
            ("D-", None),
        ] {
            assert_eq!(party_of(text), party, "{text}");
        }
    }

    #[test]
    fn a_designation_after_a_name_must_be_set_off() {
        assert_eq!(party_after(", D-N.Y., said"), Some(Party::Democratic));
        assert_eq!(party_after(" (D-NY) said"), Some(Party::Democratic));
        assert_eq!(party_after(", R-Maine."), Some(Party::Republican));
        assert_eq!(party_after(", R-Maine"), Some(Party::Republican));
        assert_eq!(party_after(" D-N.Y., said"), None);
        assert_eq!(party_after(", D-N.Y. native, said"), None);
        assert_eq!(party_after(", R-Maine. She said"), Some(Party::Republican));
        assert_eq!(party_after(", a Democrat, said"), None);
    }
}
