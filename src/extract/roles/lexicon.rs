//! The words roles are made of: title heads ("minister", "envoy"), the modifiers that may
//! stand with them ("foreign", "senior"), family and working relations ("son-in-law"), and a
//! short demonym → country table for affiliations ("Ukrainian" → Ukraine).
//!
//! Hand-written for this project (general English news vocabulary, no corpus text). Each list
//! is lowercase and sorted, so a lookup is a binary search without allocation; a test keeps
//! them sorted.

use std::cmp::Ordering;

/// Nouns that make a phrase a role: a title must contain one of these.
const HEADS: &[&str] = &[
    "activist",
    "adm.",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ally",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "author",
    "ayatollah",
    "billionaire",
    "bishop",
    "boss",
    "businessman",
    "businesswoman",
    "candidate",
    "capt.",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "co-chair",
    "co-founder",
    "coach",
    "col.",
    "colonel",
    "columnist",
    "commander",
    "commander-in-chief",
    "commissioner",
    "comptroller",
    "congressman",
    "congresswoman",
    "consultant",
    "contender",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "counsel",
    "cto",
    "dean",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "dr.",
    "economist",
    "editor",
    "emir",
    "emissary",
    "envoy",
    "executive",
    "expert",
    "founder",
    "front-runner",
    "frontrunner",
    "gen.",
    "general",
    "gov.",
    "governor",
    "head",
    "hopeful",
    "investigator",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "lobbyist",
    "lt.",
    "manager",
    "marshal",
    "mayor",
    "mediator",
    "minister",
    "negotiator",
    "nominee",
    "officer",
    "official",
    "operative",
    "owner",
    "politician",
    "pollster",
    "pope",
    "premier",
    "president",
    "president-elect",
    "press secretary",
    "prime minister",
    "prince",
    "princess",
    "prof.",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "regulator",
    "rep.",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "secretary-general",
    "sen.",
    "senator",
    "sgt.",
    "sheikh",
    "sheriff",
    "solicitor",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staffer",
    "strategist",
    "superintendent",
    "treasurer",
    "trustee",
    "vice-president",
    "whip",
];

/// Words that may stand inside a title but do not make one on their own ("senior" in
/// "senior negotiator", "of" in "Chief of the General Staff").
const MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "attorney",
    "campaign",
    "communications",
    "conservative",
    "defence",
    "defense",
    "democratic",
    "economic",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "health",
    "home",
    "interim",
    "interior",
    "junior",
    "justice",
    "labor",
    "labour",
    "lead",
    "liberal",
    "longtime",
    "managing",
    "military",
    "national",
    "of",
    "policy",
    "political",
    "presidential",
    "press",
    "prime",
    "principal",
    "republican",
    "security",
    "senior",
    "special",
    "state",
    "the",
    "then",
    "then-president",
    "top",
    "trade",
    "vice",
];

/// Relations between two people: "Trump’s son-in-law Jared Kushner" makes Kushner the
/// "son-in-law of Donald Trump". Any head also works as a relation ("Trump’s lawyer").
const RELATIONS: &[&str] = &[
    "aunt",
    "boyfriend",
    "brother",
    "brother-in-law",
    "cousin",
    "daughter",
    "daughter-in-law",
    "father",
    "father-in-law",
    "fiance",
    "fiancee",
    "fiancé",
    "fiancée",
    "friend",
    "girlfriend",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "husband",
    "mother",
    "mother-in-law",
    "nephew",
    "niece",
    "partner",
    "predecessor",
    "rival",
    "running mate",
    "sister",
    "sister-in-law",
    "son",
    "son-in-law",
    "spouse",
    "stepdaughter",
    "stepson",
    "successor",
    "uncle",
    "widow",
    "widower",
    "wife",
];

/// Capitalised nouns of institutions ("Chief of the General Staff", "House Speaker"): they
/// belong to a title, never to a person's name, so a recogniser that takes "Staff" into
/// "Staff Andrii Hnatov" can be corrected.
const INSTITUTIONS: &[&str] = &[
    "affairs",
    "agency",
    "army",
    "assembly",
    "bank",
    "board",
    "command",
    "commission",
    "committee",
    "congress",
    "council",
    "court",
    "department",
    "federation",
    "forces",
    "foundation",
    "guard",
    "house",
    "institute",
    "intelligence",
    "ministry",
    "navy",
    "office",
    "parliament",
    "party",
    "police",
    "senate",
    "service",
    "staff",
    "university",
];

/// Forms of address, not roles: "Mr. Smith" has no role.
const HONORIFICS: &[&str] = &[
    "dame", "lady", "lord", "madam", "miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir",
];

/// Demonym → country, for affiliations ("Ukrainian President" → Ukraine). Sorted by demonym.
const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"),
    ("albanian", "Albania"),
    ("algerian", "Algeria"),
    ("american", "United States"),
    ("argentine", "Argentina"),
    ("argentinian", "Argentina"),
    ("armenian", "Armenia"),
    ("australian", "Australia"),
    ("austrian", "Austria"),
    ("azerbaijani", "Azerbaijan"),
    ("bangladeshi", "Bangladesh"),
    ("belarusian", "Belarus"),
    ("belgian", "Belgium"),
    ("bolivian", "Bolivia"),
    ("bosnian", "Bosnia and Herzegovina"),
    ("brazilian", "Brazil"),
    ("british", "United Kingdom"),
    ("bulgarian", "Bulgaria"),
    ("cambodian", "Cambodia"),
    ("canadian", "Canada"),
    ("chilean", "Chile"),
    ("chinese", "China"),
    ("colombian", "Colombia"),
    ("croatian", "Croatia"),
    ("cuban", "Cuba"),
    ("czech", "Czech Republic"),
    ("danish", "Denmark"),
    ("dutch", "Netherlands"),
    ("ecuadorian", "Ecuador"),
    ("egyptian", "Egypt"),
    ("emirati", "United Arab Emirates"),
    ("english", "United Kingdom"),
    ("estonian", "Estonia"),
    ("ethiopian", "Ethiopia"),
    ("european", "European Union"),
    ("filipino", "Philippines"),
    ("finnish", "Finland"),
    ("french", "France"),
    ("georgian", "Georgia"),
    ("german", "Germany"),
    ("ghanaian", "Ghana"),
    ("greek", "Greece"),
    ("haitian", "Haiti"),
    ("hungarian", "Hungary"),
    ("icelandic", "Iceland"),
    ("indian", "India"),
    ("indonesian", "Indonesia"),
    ("iranian", "Iran"),
    ("iraqi", "Iraq"),
    ("irish", "Ireland"),
    ("israeli", "Israel"),
    ("italian", "Italy"),
    ("japanese", "Japan"),
    ("jordanian", "Jordan"),
    ("kazakh", "Kazakhstan"),
    ("kenyan", "Kenya"),
    ("kosovar", "Kosovo"),
    ("kuwaiti", "Kuwait"),
    ("latvian", "Latvia"),
    ("lebanese", "Lebanon"),
    ("libyan", "Libya"),
    ("lithuanian", "Lithuania"),
    ("malaysian", "Malaysia"),
    ("mexican", "Mexico"),
    ("moldovan", "Moldova"),
    ("moroccan", "Morocco"),
    ("nepali", "Nepal"),
    ("nigerian", "Nigeria"),
    ("norwegian", "Norway"),
    ("pakistani", "Pakistan"),
    ("palestinian", "Palestine"),
    ("peruvian", "Peru"),
    ("philippine", "Philippines"),
    ("polish", "Poland"),
    ("portuguese", "Portugal"),
    ("qatari", "Qatar"),
    ("romanian", "Romania"),
    ("russian", "Russia"),
    ("rwandan", "Rwanda"),
    ("saudi", "Saudi Arabia"),
    ("scottish", "United Kingdom"),
    ("serbian", "Serbia"),
    ("singaporean", "Singapore"),
    ("slovak", "Slovakia"),
    ("slovenian", "Slovenia"),
    ("somali", "Somalia"),
    ("spanish", "Spain"),
    ("sudanese", "Sudan"),
    ("swedish", "Sweden"),
    ("swiss", "Switzerland"),
    ("syrian", "Syria"),
    ("taiwanese", "Taiwan"),
    ("thai", "Thailand"),
    ("tunisian", "Tunisia"),
    ("turkish", "Turkey"),
    ("ugandan", "Uganda"),
    ("ukrainian", "Ukraine"),
    ("uzbek", "Uzbekistan"),
    ("venezuelan", "Venezuela"),
    ("vietnamese", "Vietnam"),
    ("welsh", "United Kingdom"),
    ("yemeni", "Yemen"),
];

/// Compares `word` case-insensitively with a lowercase list entry, without allocating.
fn cmp_lower(entry: &str, word: &str) -> Ordering {
    entry.chars().cmp(word.chars().flat_map(char::to_lowercase))
}

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search_by(|e| cmp_lower(e, word)).is_ok()
}

/// True for a word that makes a phrase a title ("envoy", "Minister", "Sen.").
pub fn is_head(word: &str) -> bool {
    contains(HEADS, word)
}

/// True for a word that may stand inside a title ("senior", "Foreign", "of").
pub fn is_modifier(word: &str) -> bool {
    contains(MODIFIERS, word)
}

/// True for a relation between people ("son-in-law", "wife").
pub fn is_relation(word: &str) -> bool {
    contains(RELATIONS, word)
}

/// True for a capitalised institution noun that belongs to a title ("Staff", "Ministry").
pub fn is_institution(word: &str) -> bool {
    contains(INSTITUTIONS, word)
}

/// True for a form of address that is no role ("Mr.", "Mrs").
pub fn is_honorific(word: &str) -> bool {
    contains(HONORIFICS, word)
}

/// The country a demonym names: `demonym("Ukrainian") == Some("Ukraine")`.
pub fn demonym(word: &str) -> Option<&'static str> {
    DEMONYMS
        .binary_search_by(|(d, _)| cmp_lower(d, word))
        .ok()
        .map(|i| DEMONYMS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_sorted_so_binary_search_finds_every_entry() {
        for list in [HEADS, MODIFIERS, RELATIONS, HONORIFICS, INSTITUTIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
        }
        assert!(DEMONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_head("Minister"));
        assert!(is_head("SEN."));
        assert!(is_modifier("Foreign"));
        assert!(is_relation("son-in-law"));
        assert!(!is_head("said"));
        assert_eq!(demonym("Ukrainian"), Some("Ukraine"));
        assert_eq!(demonym("Ukraine"), None);
    }
}
