//! Names that run on in a headline. In "Apple Shares Jump After Strong iPhone Sales" every
//! word is capitalised, so the recogniser has only the words themselves to tell where a name
//! ends, and sometimes takes the next one in ("Apple Shares", "Toyota Motor Recalls"). The
//! body, written in sentence case, says where the name ends: when it names only a shorter
//! form ("Apple", "Toyota Motor", or a person's surname) and the words left over are
//! ordinary words there (never capitalised inside a sentence), the headline's name is that
//! shorter form, with the body's type. The same holds for an ordinary word the name starts
//! with ("Clinton Says Russians Hacked DNC, Calls Trump's Putin Remarks ..."), and for the
//! headline repeated as the body's first line, as scraped pages often have it.

use rustc_hash::FxHashSet;

use crate::extract::doc::{Doc, Mention};
use crate::extract::text::TextLayer;
use crate::record::{EntityType, Field};

fn lower_words(layer: &TextLayer<'_>, m: &Mention) -> Vec<String> {
    m.tokens
        .clone()
        .map(|i| layer.token_text(i).to_lowercase())
        .collect()
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Cuts every headline mention that runs on past the name the body gives, as the module
/// says; other mentions are returned unchanged.
pub fn trim_run_ons(doc: &Doc<'_>, mut mentions: Vec<Mention>) -> Vec<Mention> {
    let Some(title) = doc.title.as_ref() else {
        return mentions;
    };
    let body = &doc.body;
    // The body's first line when it repeats the headline, give or take punctuation: headline
    // case, not the body's.
    let first_line = body.text.split('\n').next().unwrap_or("");
    let letters = |t: &str| {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    // Only a line about the title's length is compared: a body that is one long line is not
    // copied for nothing.
    let echo = !first_line.is_empty()
        && first_line.len() <= 2 * title.text.len() + 16
        && letters(first_line) == letters(title.text);
    let echo_end = if echo { first_line.len() } else { 0 };
    let in_headline = |m: &Mention| m.field == Field::Title || m.end <= echo_end;
    let in_body: Vec<(Vec<String>, EntityType)> = mentions
        .iter()
        .filter(|m| !in_headline(m))
        .map(|m| (lower_words(body, m), m.kind))
        .collect();
    // Words the body capitalises where a sentence does not start: names' words.
    let mut named: FxHashSet<String> = FxHashSet::default();
    for s in &body.sentences {
        if s.start < echo_end {
            continue;
        }
        for i in s.tokens.clone().skip(1) {
            let w = body.token_text(i);
            if capitalised(w) {
                named.insert(w.to_lowercase());
            }
        }
    }
    for m in mentions.iter_mut().filter(|m| in_headline(m)) {
        let layer = doc.layer(m.field);
        let words = lower_words(layer, m);
        if words.len() < 2 || in_body.iter().any(|(b, _)| *b == words) {
            continue;
        }
        let body_kind = |name: &[String]| {
            in_body
                .iter()
                .find(|(b, _)| b.as_slice() == name)
                .or_else(|| {
                    // "Merkel" for the body's "Angela Merkel".
                    in_body.iter().find(|(b, k)| {
                        *k == EntityType::Person
                            && name.len() == 1
                            && b.len() > 1
                            && b.last() == name.first()
                    })
                })
                .map(|&(_, k)| k)
        };
        let ordinary = |w: &[String]| w.iter().all(|w| !named.contains(w));
        // The longest name the body gives, after ordinary words ("Calls Trump") or before
        // them ("Apple Shares").
        let cut = (1..words.len())
            .rev()
            .find_map(|k| {
                let kind = ordinary(&words[k..]).then(|| body_kind(&words[..k]))??;
                Some((0, k, kind))
            })
            .or_else(|| {
                (1..words.len()).find_map(|k| {
                    let kind = ordinary(&words[..k]).then(|| body_kind(&words[k..]))??;
                    Some((k, words.len(), kind))
                })
            });
        if let Some((a, b, kind)) = cut {
            let (first, last) = (m.tokens.start + a, m.tokens.start + b - 1);
            m.start = layer.tokens[first].start;
            m.end = layer.tokens[last].end;
            m.tokens = first..last + 1;
            m.kind = kind;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::owned;
    use EntityType::{Location as L, Organization as O, Person as P};

    /// The headline's mentions after the rule, `title_names` tagged in the title and
    /// `body_names` in the body.
    fn headline(
        title: &str,
        body: &str,
        title_names: &[(&str, EntityType)],
        body_names: &[(&str, EntityType)],
    ) -> Vec<(String, EntityType)> {
        let doc = Doc::new(Some(title), body, None);
        let mut mentions = Vec::new();
        for (field, names) in [(Field::Title, title_names), (Field::Body, body_names)] {
            let l = doc.layer(field);
            for &(name, kind) in names {
                let start = l.text.find(name).expect("name in text");
                let end = start + name.len();
                let first = l.tokens.iter().position(|t| t.start == start).unwrap();
                let last = l.tokens.iter().position(|t| t.end == end).unwrap();
                mentions.push(Mention {
                    field,
                    start,
                    end,
                    tokens: first..last + 1,
                    kind,
                });
            }
        }
        trim_run_ons(&doc, mentions)
            .iter()
            .filter(|m| m.field == Field::Title)
            .map(|m| (title[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_headline_name_that_runs_into_an_ordinary_word_is_cut_to_the_bodys_name() {
        let got = headline(
            "Apple Shares Jump In China",
            "Apple said its shares rose in China.",
            &[("Apple Shares", O), ("China", L)],
            &[("Apple", O), ("China", L)],
        );
        assert_eq!(got, owned(&[("Apple", O), ("China", L)]));
        let got = headline(
            "Toyota Motor Recalls Cars",
            "Toyota Motor said it recalls one million cars.",
            &[("Toyota Motor Recalls", O)],
            &[("Toyota Motor", O)],
        );
        assert_eq!(got, owned(&[("Toyota Motor", O)]));
        // A surname, with the body's type.
        let got = headline(
            "Merkel Allies Win Vote",
            "Allies of Angela Merkel won a vote.",
            &[("Merkel Allies", O)],
            &[("Angela Merkel", P)],
        );
        assert_eq!(got, owned(&[("Merkel", P)]));
    }

    #[test]
    fn an_ordinary_word_before_the_name_is_cut_and_the_headlines_echo_in_the_body_too() {
        let got = headline(
            "Clinton Says Russians Hacked DNC, Calls Trump Remarks Troubling",
            "Hillary Clinton said Donald Trump was wrong. She calls it troubling, and Trump \
             disagreed.",
            &[("Calls Trump", P), ("Clinton", P)],
            &[("Hillary Clinton", P), ("Donald Trump", P), ("Trump", P)],
        );
        assert_eq!(got, owned(&[("Trump", P), ("Clinton", P)]));
        // The body opens with the headline: its copy there is cut the same way.
        let title = "Apple Shares Jump";
        let body = "Apple Shares Jump!\nApple said its shares rose.";
        let doc = Doc::new(Some(title), body, None);
        let mentions =
            crate::extract::entities::mentions_of(&doc, &[("Apple Shares", O), ("Apple", O)]);
        let got: Vec<String> = trim_run_ons(&doc, mentions)
            .iter()
            .map(|m| doc.layer(m.field).text[m.start..m.end].to_string())
            .collect();
        assert_eq!(got, ["Apple", "Apple", "Apple"]);
    }

    #[test]
    fn a_headline_name_the_body_gives_whole_or_with_its_own_capitals_stays() {
        // The body names it whole.
        let got = headline(
            "Barclays Bank Fined",
            "Barclays Bank was fined. Barclays said it would pay.",
            &[("Barclays Bank", O)],
            &[("Barclays Bank", O), ("Barclays", O)],
        );
        assert_eq!(got, owned(&[("Barclays Bank", O)]));
        // "Times" is capitalised inside a body sentence: a name's word, not an ordinary one.
        let got = headline(
            "New York Times Sues",
            "In New York, the Times filed a suit.",
            &[("New York Times", O)],
            &[("New York", L)],
        );
        assert_eq!(got, owned(&[("New York Times", O)]));
        // The body does not name the shorter form.
        let got = headline(
            "Morgan Stanley Hires",
            "The bank hired ten traders.",
            &[("Morgan Stanley", O)],
            &[],
        );
        assert_eq!(got, owned(&[("Morgan Stanley", O)]));
    }
}
