//! Whom "he" and "she" can stand for: a person's grammatical gender when the article shows
//! it (a form of address, a gendered title or relation, a common first name), so "she said"
//! after a paragraph about two people goes to the woman. Unknown is the usual answer and
//! rules nobody out.
//!
//! The first-name lists are short, hand-written lists of common given names in English-
//! language news (no corpus text); a name on neither list is simply unknown.

use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::extract::doc::{Doc, EntityDraft};
use crate::extract::roles::lexicon::WordSet;
use crate::record::EntityType;

/// A he or a she.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

const FEMALE_NAMES: &[&str] = &[
    "alexandria",
    "amy",
    "ana",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "betsy",
    "betty",
    "carly",
    "carol",
    "caroline",
    "catherine",
    "chelsea",
    "christine",
    "claire",
    "condoleezza",
    "debbie",
    "diane",
    "donna",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "helen",
    "hillary",
    "huma",
    "ivanka",
    "jane",
    "janet",
    "jennifer",
    "jill",
    "joan",
    "julia",
    "karen",
    "kamala",
    "kate",
    "katherine",
    "kellyanne",
    "kirsten",
    "laura",
    "linda",
    "lisa",
    "margaret",
    "maria",
    "mary",
    "melania",
    "michelle",
    "nancy",
    "nikki",
    "patricia",
    "rachel",
    "sarah",
    "sharon",
    "sonia",
    "susan",
    "tammy",
    "theresa",
    "ursula",
    "valerie",
    "victoria",
    "elena",
    "olga",
    "yulia",
    "irina",
    "natalia",
    "marine",
    "angela",
    "giorgia",
    "sanna",
    "jacinda",
    "liz",
];

const MALE_NAMES: &[&str] = &[
    "al",
    "andrew",
    "antony",
    "barack",
    "ben",
    "benjamin",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brian",
    "carl",
    "charles",
    "chris",
    "dan",
    "daniel",
    "david",
    "dmitry",
    "donald",
    "emmanuel",
    "eric",
    "francis",
    "frank",
    "george",
    "harry",
    "ivan",
    "jack",
    "james",
    "jared",
    "jeb",
    "jeff",
    "jim",
    "joe",
    "john",
    "jonathan",
    "joseph",
    "justin",
    "kevin",
    "lindsey",
    "marco",
    "mark",
    "matthew",
    "michael",
    "mike",
    "mitch",
    "mitt",
    "newt",
    "olaf",
    "paul",
    "peter",
    "rand",
    "richard",
    "rick",
    "robert",
    "ron",
    "rudy",
    "sam",
    "scott",
    "sergei",
    "steve",
    "steven",
    "ted",
    "thomas",
    "tim",
    "tom",
    "viktor",
    "vladimir",
    "volodymyr",
    "william",
    "xi",
    "andrii",
    "rustem",
    "dmytro",
    "keir",
    "rishi",
    "recep",
    "narendra",
    "friedrich",
];

/// Titles and relations that say a person's gender.
const FEMALE_WORDS: &[&str] = &[
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "madam",
    "lady",
    "dame",
    "queen",
    "princess",
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "girlfriend",
    "grandmother",
    "granddaughter",
    "aunt",
    "niece",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "councilwoman",
    "assemblywoman",
    "first lady",
    "daughter-in-law",
    "mother-in-law",
    "sister-in-law",
    "actress",
];

const MALE_WORDS: &[&str] = &[
    "mr",
    "mr.",
    "sir",
    "lord",
    "king",
    "prince",
    "husband",
    "father",
    "son",
    "brother",
    "widower",
    "boyfriend",
    "grandfather",
    "grandson",
    "uncle",
    "nephew",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "councilman",
    "assemblyman",
    "son-in-law",
    "father-in-law",
    "brother-in-law",
];

static FEMALE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FEMALE_NAMES));
static MALE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MALE_NAMES));
static FEMALE_TITLE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FEMALE_WORDS));
static MALE_TITLE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MALE_WORDS));

/// The gender of every entity draft, where the article shows it (`None` otherwise and for
/// anything that is not a person).
pub fn of_entities(doc: &Doc<'_>, entities: &[EntityDraft]) -> Vec<Option<Gender>> {
    entities.iter().map(|d| of_entity(doc, d)).collect()
}

/// Genders worked out only for the entities a "he" or "she" is weighed against.
pub struct Genders<'d, 'a> {
    doc: &'d Doc<'a>,
    entities: &'d [EntityDraft],
    cells: Vec<OnceCell<Option<Gender>>>,
}

impl<'d, 'a> Genders<'d, 'a> {
    /// Nothing is worked out yet.
    pub fn new(doc: &'d Doc<'a>, entities: &'d [EntityDraft]) -> Self {
        Genders {
            doc,
            entities,
            cells: vec![OnceCell::new(); entities.len()],
        }
    }

    /// The gender of entity `e`, if the article shows it.
    pub fn get(&self, e: usize) -> Option<Gender> {
        let d = self.entities.get(e)?;
        *self.cells.get(e)?.get_or_init(|| of_entity(self.doc, d))
    }
}

fn of_entity(doc: &Doc<'_>, d: &EntityDraft) -> Option<Gender> {
    if d.kind != EntityType::Person {
        return None;
    }
    let mut votes = (0u32, 0u32);
    let mut vote = |g: Option<Gender>| match g {
        Some(Gender::Male) => votes.0 += 1,
        Some(Gender::Female) => votes.1 += 1,
        None => {}
    };
    // Roles: "spokeswoman", "wife of …".
    for r in &d.roles {
        for w in r.split_whitespace() {
            vote(title_word(w));
        }
    }
    // A form of address right before a mention: "Mrs. Clinton".
    for m in &d.mentions {
        let before = &doc.layer(m.field).text[..m.start];
        vote(before.split_whitespace().next_back().and_then(title_word));
    }
    // A common first name.
    if let Some(first) = d.name.split_whitespace().next()
        && d.name.split_whitespace().count() >= 2
    {
        vote(first_name(first));
    }
    match votes {
        (m, 0) if m > 0 => Some(Gender::Male),
        (0, f) if f > 0 => Some(Gender::Female),
        _ => None,
    }
}

fn title_word(w: &str) -> Option<Gender> {
    if FEMALE_TITLE.contains_lower(w) {
        Some(Gender::Female)
    } else if MALE_TITLE.contains_lower(w) {
        Some(Gender::Male)
    } else {
        None
    }
}

fn first_name(w: &str) -> Option<Gender> {
    if FEMALE.contains_lower(w) {
        Some(Gender::Female)
    } else if MALE.contains_lower(w) {
        Some(Gender::Male)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{cluster, mentions_of};
    use crate::record::EntityType::Person as P;

    #[test]
    fn address_first_name_and_title_tell_gender_and_the_rest_is_unknown() {
        let body = "Hillary Clinton met Mr. Ortiz and spokeswoman Dana Lee. Mrs. Quill and \
                    Alex Kim came too.";
        let doc = Doc::new(None, body, None);
        let mut drafts = cluster(
            &doc,
            mentions_of(
                &doc,
                &[
                    ("Hillary Clinton", P),
                    ("Ortiz", P),
                    ("Dana Lee", P),
                    ("Quill", P),
                    ("Alex Kim", P),
                ],
            ),
        );
        crate::extract::roles::assign(&doc, &mut drafts);
        let g: Vec<(String, Option<Gender>)> = drafts
            .iter()
            .map(|d| d.name.clone())
            .zip(of_entities(&doc, &drafts))
            .collect();
        let get = |n: &str| g.iter().find(|(name, _)| name == n).and_then(|(_, g)| *g);
        assert_eq!(get("Hillary Clinton"), Some(Gender::Female));
        assert_eq!(get("Ortiz"), Some(Gender::Male));
        assert_eq!(get("Dana Lee"), Some(Gender::Female));
        assert_eq!(get("Quill"), Some(Gender::Female));
        assert_eq!(get("Alex Kim"), None);
    }
}
