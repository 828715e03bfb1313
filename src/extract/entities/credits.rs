//! Photo credits standing as their own paragraphs ("Getty.", "Scott Olson via Getty
//! Images.", "(FABRICE COFFRINI/AFP/Getty Images.)"). The recogniser, seeing a lone
//! capitalised word, takes "Getty" for a person: one HuffPost list article had 17 such
//! lines, which made "Getty" its most mentioned person. In a credit line the agency is an
//! organisation; the photographer's name stays a person.

use crate::extract::doc::{Doc, Mention};
use crate::record::EntityType;

/// Picture agencies and wire services that credit photographs.
const AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "AP Photo",
    "Associated Press",
    "EPA",
    "Getty",
    "Getty Images",
    "Reuters",
    "Shutterstock",
];

/// A photo credit standing as its own paragraph ("Getty.", "Scott Olson via Getty Images.",
/// "(FABRICE COFFRINI/AFP/Getty Images.)"): the name in it is no one the next paragraph's
/// "he" or "she" can be.
pub fn is_credit_line(paragraph: &str) -> bool {
    const MARKS: &[&str] = &[
        "Getty",
        "Photo",
        "Photos",
        "Photograph",
        "Image",
        "Images",
        "Shutterstock",
        "Credit",
        "AP",
        "AFP",
        "EPA",
    ];
    // Credits are short: a long paragraph is rejected before it is split.
    if paragraph.len() > 160 {
        return false;
    }
    let mut words = paragraph
        .split(|c: char| c.is_whitespace() || "/()[]:.,".contains(c))
        .filter(|w| !w.is_empty());
    let mut marked = false;
    for _ in 0..8 {
        match words.next() {
            Some(w) => marked |= MARKS.contains(&w),
            None => return marked,
        }
    }
    marked && words.next().is_none()
}

/// Retypes as organisations the agencies named in credit lines.
pub fn retype(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let layer = doc.layer(m.field);
        if m.kind == EntityType::Organization || !AGENCIES.contains(&&layer.text[m.start..m.end]) {
            continue;
        }
        // Paragraphs are in text order: a binary search keeps an article of many credits
        // linear.
        let at = layer.paragraphs.partition_point(|p| p.end < m.end);
        let para = layer
            .paragraphs
            .get(at)
            .filter(|p| p.start <= m.start && m.end <= p.end);
        if para.is_some_and(|p| is_credit_line(&layer.text[p.start..p.end])) {
            m.kind = EntityType::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::retyped_by;
    use EntityType::{Organization as O, Person as P};

    #[test]
    fn photo_credits_are_credit_lines_and_short_sentences_are_not() {
        for credit in [
            "Getty.",
            "Scott Olson via Getty Images.",
            "(FABRICE COFFRINI/AFP/Getty Images.)",
            "Photo: Jane Doe/AP",
        ] {
            assert!(is_credit_line(credit), "{credit}");
        }
        for line in [
            "Clinton smiled.",
            "Apple declined to comment.",
            "The latest Reuters/Ipsos poll showed Trump leading the field by ten points.",
        ] {
            assert!(!is_credit_line(line), "{line}");
        }
    }

    #[test]
    fn the_agency_of_a_credit_line_is_an_organisation_and_the_photographer_a_person() {
        let got = retyped_by(
            retype,
            "Ann Ford won.\n\nGetty.\n\nScott Olson via Getty Images.\n\nGetty said on Monday \
             that it had sold the photographs to dozens of newspapers.",
            &[
                ("Ann Ford", P),
                ("Getty", P),
                ("Scott Olson", P),
                ("Getty Images", P),
            ],
        );
        assert_eq!(
            got,
            vec![
                ("Ann Ford".to_string(), P),
                ("Getty".to_string(), O),
                ("Scott Olson".to_string(), P),
                ("Getty Images".to_string(), O),
                ("Getty".to_string(), P),
            ]
        );
    }
}
