//! Titles of works in quotation marks: the film “The Crying Game”, the novel “The Decaying
//! Mansion”. The recogniser sees a capitalised “The” or “On” as the first word of a
//! sentence, not of a name, and tags only “Crying Game”; but a title in quotes is named
//! whole, its article included. A miscellaneous name that, with the capitalised and minor
//! words around it, fills a pair of quotation marks is that whole title.

use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::EntityType;

/// Words a title keeps in lowercase between its capitalised ones.
const MINOR: &[&str] = &[
    "a", "an", "and", "at", "by", "de", "del", "der", "du", "for", "from", "in", "la", "le", "of",
    "on", "or", "the", "to", "with",
];

/// Most words a title in quotes may add to the tagged name on either side.
const MAX_SIDE: usize = 4;

/// Quotation marks that open or close a title.
fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{AB}" | "\u{BB}"
    )
}

fn capitalised(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn minor(s: &str) -> bool {
    MINOR.contains(&s)
}

/// Extends every miscellaneous mention to the title around it, as the module says, and drops
/// the mentions the title now covers.
pub fn titles_in_quotes(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut extended: Vec<Mention> = Vec::new();
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in &mentions {
        match (m.kind == EntityType::Misc)
            .then(|| title_around(doc.layer(m.field), m))
            .flatten()
        {
            Some(t) => extended.push(t),
            None => out.push(m.clone()),
        }
    }
    if extended.is_empty() {
        return mentions;
    }
    out.retain(|m| {
        !extended
            .iter()
            .any(|t| t.field == m.field && t.start < m.end && m.start < t.end)
    });
    out.extend(extended);
    out.sort_by_key(|m| (m.field as u8, m.start));
    out
}

/// The title that mention `m` of `layer` is part of, when it is more than `m`.
fn title_around(layer: &TextLayer<'_>, m: &Mention) -> Option<Mention> {
    let word = |i: usize| layer.token_text(i);
    let title_word = |i: usize| capitalised(word(i)) || minor(word(i));
    let n = layer.tokens.len();
    let mut a = m.tokens.start;
    while a > 0 && m.tokens.start - a < MAX_SIDE && title_word(a - 1) && !is_quote(word(a - 1)) {
        a -= 1;
    }
    let mut b = m.tokens.end;
    while b < n && b - m.tokens.end < MAX_SIDE && title_word(b) && !is_quote(word(b)) {
        b += 1;
    }
    let opened = a > 0 && is_quote(word(a - 1));
    // “A Woman.”: the sentence's full stop or a comma may stand inside the closing mark.
    let closed = (b < n && is_quote(word(b)))
        || (b + 1 < n && matches!(word(b), "," | ".") && is_quote(word(b + 1)));
    let grows = a < m.tokens.start || b > m.tokens.end;
    // A title starts and ends on a capitalised word: “On the Waterfront”, not “the Pope of”.
    let bounds = capitalised(word(a)) && capitalised(word(b - 1));
    (opened && closed && grows && bounds).then(|| Mention {
        start: layer.tokens[a].start,
        end: layer.tokens[b - 1].end,
        tokens: a..b,
        ..m.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::owned;
    use EntityType::{Location as L, Misc as M, Person as P};

    fn titles(text: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, text, None);
        let mentions = crate::extract::entities::mentions_of(&doc, names);
        titles_in_quotes(&doc, mentions)
            .iter()
            .map(|m| (doc.body.text[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_title_in_quotes_is_named_whole_with_its_article() {
        let got = titles(
            "The 1992 film \"The Crying Game\" starred Forest Whitaker.",
            &[("Crying Game", M), ("Forest Whitaker", P)],
        );
        assert_eq!(
            got,
            owned(&[("The Crying Game", M), ("Forest Whitaker", P)])
        );
        let got = titles(
            "His novels include \u{201C}The Decaying Mansion.\u{201D} (1968).",
            &[("Decaying Mansion", M)],
        );
        assert_eq!(got, owned(&[("The Decaying Mansion", M)]));
        let got = titles(
            "She won for \"Gone with the Wind\" in 1940.",
            &[("Wind", M)],
        );
        assert_eq!(got, owned(&[("Gone with the Wind", M)]));
    }

    #[test]
    fn names_in_quoted_speech_and_other_types_stay_as_tagged() {
        // Speech goes on in lowercase: no title.
        let got = titles(
            "\"The Russian side confirmed it,\" he said.",
            &[("Russian", M)],
        );
        assert_eq!(got, owned(&[("Russian", M)]));
        // No closing mark: no title.
        let got = titles("He said \"The Crying Game was great", &[("Crying Game", M)]);
        assert_eq!(got, owned(&[("Crying Game", M)]));
        // Only miscellaneous names are titles; a place stays a place.
        let got = titles(
            "\"The United States\" was all he said.",
            &[("United States", L)],
        );
        assert_eq!(got, owned(&[("United States", L)]));
        // A name already filling its quotes is left alone.
        let got = titles("the \"Ashes\" series", &[("Ashes", M)]);
        assert_eq!(got, owned(&[("Ashes", M)]));
    }

    #[test]
    fn names_the_title_now_covers_are_dropped() {
        let got = titles(
            "the film \"Paris Is Burning\" opened",
            &[("Paris", L), ("Is Burning", M)],
        );
        assert_eq!(got, owned(&[("Paris Is Burning", M)]));
    }
}
