//! Holidays and religious festivals. Names of events are `MISC` (the CoNLL-2003 convention
//! the model follows), but its training data, Reuters news of August to December 1996, has
//! not one of them: the tagger guesses from context, and "kind words and Christmas
//! greetings" made Christmas a person. A mention that is exactly one of these names is
//! `MISC` whatever the tagger said ("Christmas Island" and "Easter Island" are other
//! names, and stay as tagged).

/// Holiday names, compared without regard to case, curly apostrophes read as straight.
const HOLIDAYS: &[&str] = &[
    "advent",
    "all saints' day",
    "armistice day",
    "ash wednesday",
    "bastille day",
    "boxing day",
    "chinese new year",
    "christmas",
    "christmas day",
    "christmas eve",
    "day of the dead",
    "diwali",
    "easter",
    "easter monday",
    "easter sunday",
    "eid",
    "eid al-adha",
    "eid al-fitr",
    "epiphany",
    "good friday",
    "halloween",
    "hanukkah",
    "hogmanay",
    "holi",
    "independence day",
    "kwanzaa",
    "labor day",
    "labour day",
    "lent",
    "lunar new year",
    "mardi gras",
    "martin luther king day",
    "may day",
    "memorial day",
    "new year's day",
    "new year's eve",
    "nowruz",
    "passover",
    "pentecost",
    "ramadan",
    "remembrance day",
    "rosh hashanah",
    "st. patrick's day",
    "thanksgiving",
    "thanksgiving day",
    "valentine's day",
    "vesak",
    "veterans day",
    "whitsun",
    "yom kippur",
];

/// True when `name` (a mention's text) is a holiday or festival.
pub fn is_holiday(name: &str) -> bool {
    if name.len() > 24 {
        return false;
    }
    // Every mention of an article comes through here: the key is built on the stack, and
    // only names with other non-ASCII letters than "’" take the allocating path.
    let mut buf = [0u8; 24];
    let mut len = 0;
    let mut space = false;
    for c in name.trim().chars() {
        let b = match c {
            '’' => b'\'',
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return is_holiday_unicode(name),
        };
        if std::mem::take(&mut space) {
            buf[len] = b' ';
            len += 1;
        }
        // The key is never longer than `name` (at most 24 bytes).
        buf[len] = b;
        len += 1;
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(|key| HOLIDAYS.binary_search(&key).is_ok())
}

/// [`is_holiday`] for names with non-ASCII letters.
fn is_holiday_unicode(name: &str) -> bool {
    let key: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    HOLIDAYS.binary_search(&key.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        assert!(HOLIDAYS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn holidays_match_in_any_case_and_other_names_do_not() {
        for h in [
            "Christmas",
            "RAMADAN",
            "New Year’s Eve",
            "Eid al-Fitr",
            "Thanksgiving",
            "Christmas  Day",
            "Yom\u{a0}Kippur",
        ] {
            assert!(is_holiday(h), "{h}");
        }
        for n in [
            "Christmas Island",
            "Easter Island",
            "Christie",
            "Lenten Street",
            "Trump",
            "Día de Muertos",
            "Christmas Day Parade",
        ] {
            assert!(!is_holiday(n), "{n}");
        }
    }
}
