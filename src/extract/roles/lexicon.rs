//! The words roles are made of: title heads ("minister", "envoy"), the modifiers that may
//! stand with them ("foreign", "senior"), family and working relations ("son-in-law"), and a
//! short demonym → country table for affiliations ("Ukrainian" → Ukraine).
//!
//! Hand-written for this project (general English news vocabulary, no corpus text). Each list
//! is lowercase and sorted for the reader; lookups go through hash sets built once
//! ([`WordSet`]), lower-casing ASCII words on the stack, because the stages look up nearly
//! every word of an article.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Nouns that make a phrase a role: a title must contain one of these.
const HEADS: &[&str] = &[
    "activist",
    "adm.",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ally",
    "amb.",
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
    "cmdr.",
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
    "constable",
    "consultant",
    "contender",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "counsel",
    "cpl.",
    "cto",
    "dci",
    "dean",
    "delegate",
    "deputy",
    "detective",
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
    "insp",
    "insp.",
    "inspector",
    "investigator",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "lobbyist",
    "lt.",
    "maj.",
    "manager",
    "marshal",
    "mayor",
    "mediator",
    "mep",
    "minister",
    "mla",
    "mp",
    "msp",
    "negotiator",
    "nominee",
    "officer",
    "official",
    "operative",
    "owner",
    "pc",
    "politician",
    "pollster",
    "pope",
    "premier",
    "pres.",
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
    "sec.",
    "secretary",
    "secretary-general",
    "sen.",
    "senator",
    "sergeant",
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
    "supt",
    "supt.",
    "taoiseach",
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
    "ch",
    "communications",
    "conservative",
    "defence",
    "defense",
    "democratic",
    "det",
    "det.",
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
    "majority",
    "managing",
    "military",
    "minority",
    "national",
    "of",
    "opposition",
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
    "homeland",
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

/// Demonym → country, for affiliations ("Ukrainian President" → Ukraine) and for a
/// nationality standing for a person ("the Spaniard said"). Sorted by demonym.
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
    ("briton", "United Kingdom"),
    ("bulgarian", "Bulgaria"),
    ("cambodian", "Cambodia"),
    ("canadian", "Canada"),
    ("chilean", "Chile"),
    ("chinese", "China"),
    ("colombian", "Colombia"),
    ("croatian", "Croatia"),
    ("cuban", "Cuba"),
    ("czech", "Czech Republic"),
    ("dane", "Denmark"),
    ("danish", "Denmark"),
    ("dutch", "Netherlands"),
    ("dutchman", "Netherlands"),
    ("dutchwoman", "Netherlands"),
    ("ecuadorian", "Ecuador"),
    ("egyptian", "Egypt"),
    ("emirati", "United Arab Emirates"),
    ("english", "United Kingdom"),
    ("englishman", "United Kingdom"),
    ("englishwoman", "United Kingdom"),
    ("estonian", "Estonia"),
    ("ethiopian", "Ethiopia"),
    ("european", "European Union"),
    ("filipino", "Philippines"),
    ("finnish", "Finland"),
    ("french", "France"),
    ("frenchman", "France"),
    ("frenchwoman", "France"),
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
    ("irishman", "Ireland"),
    ("irishwoman", "Ireland"),
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
    ("scotsman", "United Kingdom"),
    ("scotswoman", "United Kingdom"),
    ("scottish", "United Kingdom"),
    ("serbian", "Serbia"),
    ("singaporean", "Singapore"),
    ("slovak", "Slovakia"),
    ("slovenian", "Slovenia"),
    ("somali", "Somalia"),
    ("spaniard", "Spain"),
    ("spanish", "Spain"),
    ("sudanese", "Sudan"),
    ("swede", "Sweden"),
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
    ("welshman", "United Kingdom"),
    ("welshwoman", "United Kingdom"),
    ("yemeni", "Yemen"),
];

/// FNV-1a: a fast hash for short words (the default SipHash costs more than the lookup).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Build = BuildHasherDefault<Fnv>;

/// A set of lower-case words, looked up case-insensitively without allocating for ASCII.
pub struct WordSet(HashSet<&'static str, Build>);

impl WordSet {
    /// Builds the set from a list of lower-case entries.
    pub fn new(list: &[&'static str]) -> Self {
        WordSet(list.iter().copied().collect())
    }

    /// Exact lookup (the word is already lower case, or case matters).
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// Case-insensitive lookup.
    pub fn contains_lower(&self, word: &str) -> bool {
        with_lower(word, |w| self.0.contains(w))
    }
}

/// Runs `f` on the lower-case form of `word`: on a stack buffer for short ASCII words (all
/// list entries are), with an allocation otherwise.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII bytes are always valid UTF-8.
        if let Ok(w) = std::str::from_utf8(&buf[..word.len()]) {
            return f(w);
        }
    }
    f(&word.to_lowercase())
}

static HEAD_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEADS));
static MODIFIER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MODIFIERS));
static RELATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(RELATIONS));
static HONORIFIC_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HONORIFICS));
static INSTITUTION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(INSTITUTIONS));
static DEMONYM_MAP: LazyLock<HashMap<&'static str, &'static str, Build>> =
    LazyLock::new(|| DEMONYMS.iter().copied().collect());

/// True for a word that makes a phrase a title ("envoy", "Minister", "Sen.").
pub fn is_head(word: &str) -> bool {
    HEAD_SET.contains_lower(word)
}

/// True for a word that may stand inside a title ("senior", "Foreign", "of").
pub fn is_modifier(word: &str) -> bool {
    MODIFIER_SET.contains_lower(word)
}

/// True for a relation between people ("son-in-law", "wife").
pub fn is_relation(word: &str) -> bool {
    RELATION_SET.contains_lower(word)
}

/// True for a capitalised institution noun that belongs to a title ("Staff", "Ministry").
pub fn is_institution(word: &str) -> bool {
    INSTITUTION_SET.contains_lower(word)
}

/// True for a form of address that is no role ("Mr.", "Mrs").
pub fn is_honorific(word: &str) -> bool {
    HONORIFIC_SET.contains_lower(word)
}

/// The country a demonym names: `demonym("Ukrainian") == Some("Ukraine")`.
pub fn demonym(word: &str) -> Option<&'static str> {
    // Demonyms are capitalised words; skip the lookup for the rest.
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    with_lower(word, |w| DEMONYM_MAP.get(w).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_sorted_for_the_reader() {
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
