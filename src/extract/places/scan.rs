//! Finds country names, aliases, demonyms and US state names in running text, whole words
//! only and case-sensitive, so the places stage can tell which countries an article is about
//! even where the entity recogniser missed a mention.

use super::gazetteer::{GAZETTEER, Target, head};

/// One place name found in a text: a byte range and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// Lower-case words that may sit inside a multi-word name ("Bosnia and Herzegovina",
/// "Republic of the Congo"); any other lower-case word ends the name.
const CONNECTORS: [&str; 4] = ["and", "of", "the", "de"];

/// Every place name in `text`, left to right, longest match first, never overlapping.
pub fn find(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        if (b.is_ascii_uppercase() || (b >= 0x80 && starts_upper(text, i)))
            && let Some(hit) = match_at(text, i)
        {
            i = hit.end;
            hits.push(hit);
            continue;
        }
        // Skip the rest of this word: a name never starts inside one ("ambassador").
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
    }
    hits
}

/// The longest place name starting exactly at byte `start` (which must start a word).
pub fn match_at(text: &str, start: usize) -> Option<Hit> {
    let g = &*GAZETTEER;
    if !g.surface_heads.contains(head(&text[start..])) {
        return None;
    }
    let bytes = text.as_bytes();
    // Ends of successive whitespace-separated words: "Bosnia", "Bosnia and", ...
    let mut ends = [0usize; 8];
    let mut n = 0;
    let mut j = start;
    while n < g.max_surface_words.min(ends.len()) {
        while j < bytes.len() && !bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        ends[n] = j;
        n += 1;
        if j + 1 >= bytes.len() || bytes[j] != b' ' {
            break;
        }
        let next = j + 1;
        let mut k = next;
        while k < bytes.len() && !bytes[k].is_ascii_whitespace() {
            k += 1;
        }
        let word = &text[next..k];
        let word_core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !(starts_upper(text, next) || CONNECTORS.contains(&word_core)) {
            break;
        }
        j = next;
    }
    for &end in ends[..n].iter().rev() {
        if let Some(hit) = lookup_trimmed(text, start, end) {
            return Some(hit);
        }
    }
    // "Russian-backed", "U.S.-led", "Ukraine/Russia": the part before a joiner.
    let first = &text[start..ends[0]];
    if let Some(cut) = first.find(['-', '/', '–']) {
        return lookup_trimmed(text, start, start + cut);
    }
    None
}

/// Looks `text[start..end]` up, then again without trailing punctuation, a possessive and a
/// full stop, in that order, so "U.S." keeps its dots but "Russia's," becomes "Russia".
fn lookup_trimmed(text: &str, start: usize, end: usize) -> Option<Hit> {
    let surface = &GAZETTEER.surface;
    let mut s = &text[start..end];
    let hit = |s: &str| {
        surface.get(s).map(|&target| Hit {
            start,
            end: start + s.len(),
            target,
        })
    };
    s = s.trim_end_matches([',', ';', ':', '!', '?', '"', ')', ']', '”', '»']);
    if let Some(h) = hit(s) {
        return Some(h);
    }
    for possessive in ["'s", "’s", "'", "’"] {
        if let Some(rest) = s.strip_suffix(possessive) {
            s = rest;
            if let Some(h) = hit(s) {
                return Some(h);
            }
            break;
        }
    }
    if let Some(rest) = s.strip_suffix('.') {
        return hit(rest);
    }
    None
}

/// Bytes that continue a word: letters, digits and any byte of a non-ASCII char.
fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

/// [`is_word_byte`] as a table: the scan asks it for every byte of an article.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    t
};

fn starts_upper(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn finds_whole_words_with_possessives_and_dots() {
        assert_eq!(
            names(
                "Russia's war on Ukraine, the U.S. said. Ukrainian troops; Bosnia and Herzegovina."
            ),
            [
                "Russia",
                "Ukraine",
                "U.S.",
                "Ukrainian",
                "Bosnia and Herzegovina"
            ]
        );
    }

    #[test]
    fn never_matches_inside_a_word_or_lowercase_pronoun() {
        assert!(names("the ambassador told us to leave Chadwick").is_empty());
    }

    #[test]
    fn splits_hyphenated_compounds() {
        assert_eq!(
            names("a Russian-backed plan and U.S.-led talks"),
            ["Russian", "U.S."]
        );
    }
}
