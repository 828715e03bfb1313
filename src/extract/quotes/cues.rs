//! The words that tie a quote to its speaker: reporting verbs ("said", "told", "added",
//! "according to"), pronouns that stand for a speaker, and the nouns that make a
//! description a speaker ("a spokesman", "officials"). Hand-written and sorted for the
//! reader; the lookup sets are built once.

use std::sync::LazyLock;

use super::gender::Gender;
use crate::extract::roles::lexicon::{self, WordSet};

/// Reporting verbs in every form news text uses them.
const VERBS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "admitting",
    "affirmed",
    "affirms",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "announcing",
    "answered",
    "apologised",
    "apologized",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asking",
    "asks",
    "assailed",
    "asserted",
    "asserts",
    "assured",
    "begged",
    "blamed",
    "blames",
    "blaming",
    "blasted",
    "blasting",
    "boasted",
    "boasting",
    "bragged",
    "branded",
    "bristled",
    "call",
    "called",
    "calling",
    "calls",
    "cautioned",
    "cautions",
    "chanted",
    "characterized",
    "characterizing",
    "charged",
    "chided",
    "cited",
    "claimed",
    "claiming",
    "claims",
    "clarified",
    "clarifies",
    "complained",
    "complaining",
    "complains",
    "conceded",
    "concedes",
    "conceding",
    "concluded",
    "concludes",
    "condemned",
    "condemning",
    "confessed",
    "confirmed",
    "confirms",
    "contended",
    "contends",
    "continued",
    "continues",
    "countered",
    "cracked",
    "criticising",
    "criticized",
    "criticizing",
    "deadpanned",
    "declared",
    "declares",
    "declaring",
    "decried",
    "decrying",
    "deemed",
    "defended",
    "defending",
    "demanded",
    "demanding",
    "demurred",
    "denied",
    "denies",
    "denounced",
    "denouncing",
    "derided",
    "described",
    "describes",
    "describing",
    "disclosed",
    "dismissed",
    "dismissing",
    "dubbed",
    "dubbing",
    "echoed",
    "elaborated",
    "elaborates",
    "emailed",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "exclaimed",
    "exclaims",
    "explained",
    "explaining",
    "explains",
    "expressed",
    "fumed",
    "griped",
    "gushed",
    "hailed",
    "hailing",
    "hinted",
    "implied",
    "implies",
    "implored",
    "indicated",
    "indicates",
    "insisted",
    "insisting",
    "insists",
    "interjected",
    "interjects",
    "joked",
    "joking",
    "labeled",
    "labeling",
    "labelled",
    "lambasted",
    "lambasting",
    "lamented",
    "laments",
    "lauded",
    "likened",
    "maintained",
    "maintains",
    "mocked",
    "mocking",
    "mused",
    "noted",
    "notes",
    "noting",
    "observed",
    "observes",
    "opined",
    "opines",
    "pleaded",
    "pleads",
    "pledged",
    "pledging",
    "pondered",
    "portrayed",
    "posted",
    "posting",
    "praised",
    "praising",
    "preached",
    "predicted",
    "predicting",
    "predicts",
    "pressed",
    "proclaimed",
    "proclaiming",
    "proclaims",
    "promised",
    "promising",
    "pronounced",
    "protested",
    "questioned",
    "quipped",
    "quipping",
    "quips",
    "quoted",
    "raged",
    "ranted",
    "read",
    "reads",
    "reasoned",
    "recalled",
    "recalling",
    "recalls",
    "recounted",
    "recounts",
    "reflected",
    "reflects",
    "reiterated",
    "reiterates",
    "reiterating",
    "remarked",
    "reminded",
    "repeated",
    "repeats",
    "replied",
    "replying",
    "reported",
    "responded",
    "responding",
    "responds",
    "retorted",
    "retorts",
    "revealed",
    "reveals",
    "ridiculed",
    "ripped",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "screamed",
    "screaming",
    "shouted",
    "shouting",
    "signaled",
    "signalled",
    "slammed",
    "slamming",
    "sneered",
    "sniped",
    "speaks",
    "speculated",
    "speculates",
    "spoke",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "stressing",
    "suggested",
    "suggesting",
    "suggests",
    "talked",
    "teased",
    "tell",
    "telling",
    "tells",
    "termed",
    "testified",
    "testifies",
    "texted",
    "thanked",
    "thanking",
    "thundered",
    "told",
    "touted",
    "touting",
    "tweeted",
    "tweeting",
    "tweets",
    "urged",
    "urging",
    "vented",
    "vowed",
    "vowing",
    "warned",
    "warning",
    "warns",
    "whispered",
    "whispers",
    "wondered",
    "wonders",
    "writes",
    "writing",
    "wrote",
    "yelled",
    "yelling",
    "yells",
];

/// Cue words that are also common nouns ("his remarks", "the claims"): a cue only when no
/// determiner stands right before them.
const ALSO_NOUNS: &[&str] = &[
    "call", "calls", "claims", "notes", "read", "reads", "states", "tweets", "warning",
];

/// Nouns (singular) that make a description a possible speaker besides title heads
/// ("a spokesman" is a head already): bodies and sources.
const SPEAKER_NOUNS: &[&str] = &[
    "administration",
    "agency",
    "announcer",
    "campaign",
    "committee",
    "company",
    "council",
    "department",
    "doctor",
    "employee",
    "firm",
    "government",
    "group",
    "member",
    "ministry",
    "narrator",
    "neighbor",
    "neighbour",
    "nurse",
    "office",
    "organization",
    "parent",
    "police",
    "protester",
    "resident",
    "source",
    "spokesperson",
    "student",
    "supporter",
    "teacher",
    "team",
    "union",
    "voter",
    "witness",
    "worker",
];

/// Verbs whose object follows them ("told reporters", "called him"): after these the next
/// noun is not the speaker, so "…," told X is no inverted attribution.
const TAKE_OBJECTS: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "begged",
    "blasted",
    "branded",
    "call",
    "called",
    "calling",
    "calls",
    "cited",
    "condemned",
    "criticized",
    "criticizing",
    "decried",
    "defended",
    "denounced",
    "described",
    "describes",
    "describing",
    "dismissed",
    "dubbed",
    "hailed",
    "implored",
    "labeled",
    "labelled",
    "mocked",
    "praised",
    "pressed",
    "questioned",
    "quoted",
    "reminded",
    "ripped",
    "slammed",
    "tell",
    "telling",
    "tells",
    "thanked",
    "told",
    "touted",
    "urged",
    "urging",
];

/// True for the verbs that make a retort with "back" ("fired back", "hit back").
fn is_retort(verb: &str) -> bool {
    matches!(
        verb,
        "shot" | "fired" | "hit" | "snapped" | "pushed" | "punched" | "struck" | "wrote"
    )
}

/// True when the words after `cue` can name its speaker ("said Smith", not "told Smith").
pub fn takes_subject_after(cue: &str) -> bool {
    !TAKE_OBJECTS.contains(&cue)
}

static VERB_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(VERBS));
static SPEAKER_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPEAKER_NOUNS));

/// True for a reporting verb form.
pub fn is_verb(word: &str) -> bool {
    // All entries are lower-case words of 3 to 14 letters: reject the rest without a lookup.
    word.len() >= 3
        && word.len() <= 14
        && word.as_bytes()[0].is_ascii_lowercase()
        && VERB_SET.contains(word)
}

/// True when `word` is a reporting verb in this place: `before` is the word in front of it.
pub fn is_cue(word: &str, before: Option<&str>) -> bool {
    // "Said Comey, “…”": an inverted cue opening its sentence.
    if matches!(word, "Said" | "Says" | "Added" | "Asked" | "Wrote")
        && before.is_none_or(|b| matches!(b, "." | "?" | "!" | ";" | ":" | "\"" | "”"))
    {
        return true;
    }
    // "Hillary shot back, “…”": a retort.
    if word == "back" {
        return before.is_some_and(is_retort);
    }
    if !is_verb(word) {
        return false;
    }
    if ALSO_NOUNS.contains(&word) {
        let determiner = before.is_some_and(|b| {
            matches!(
                b.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "these"
                    | "those"
                    | "this"
                    | "that"
                    | "such"
                    | "recent"
                    | "earlier"
            ) || crate::extract::entities::words::strip_possessive(b).1
        });
        return !determiner;
    }
    true
}

/// True when `word` followed by `next` is an idiom that reports nothing: "that fact speaks
/// volumes about …". Its subject is a thing, so the sentence's reporting verb is another one
/// ("Sanders said that fact speaks volumes about who is “…”").
pub fn is_idiom(word: &str, next: Option<&str>) -> bool {
    matches!(word, "speak" | "speaks" | "spoke" | "speaking") && next == Some("volumes")
}

/// True when `word` is a participle that names a trade before the title after it ("a
/// creative writing professor", "his speaking coach"): part of a description, not a verb,
/// so the speaker of the clause's real verb is the name before the description.
pub fn modifies_title(word: &str, next: Option<&str>) -> bool {
    word.ends_with("ing")
        && next.is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()) && lexicon::is_head(n))
}

/// A noun that makes a description a speaker: "the campaign", "officials", "a source".
pub fn is_speaker_noun(word: &str) -> bool {
    let singular = word
        .strip_suffix('s')
        .filter(|s| !s.is_empty())
        .unwrap_or(word);
    SPEAKER_NOUN_SET.contains_lower(word)
        || SPEAKER_NOUN_SET.contains_lower(singular)
        || lexicon::is_head(word)
        || lexicon::is_head(singular)
}

/// Pronouns that can stand for a speaker, and what they can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, she: a person, of this gender when the pronoun says it.
    Person(Option<Gender>),
    /// it: an organisation or a country.
    Thing,
    /// they, we, I, you: a group or the writer; never resolved to one entity.
    Other,
}

/// The kind of a subject pronoun, if `word` is one.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    // "She's", "he’d": the clitic does not change who the pronoun is.
    let word = word.split(['\'', '’']).next().unwrap_or(word);
    match word {
        "he" | "He" => Some(Pronoun::Person(Some(Gender::Male))),
        "she" | "She" => Some(Pronoun::Person(Some(Gender::Female))),
        "it" | "It" => Some(Pronoun::Thing),
        "they" | "They" | "we" | "We" | "I" | "you" | "You" => Some(Pronoun::Other),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_the_reader() {
        for list in [VERBS, SPEAKER_NOUNS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(ALSO_NOUNS.iter().all(|w| is_verb(w)));
        assert!(
            VERBS.iter().all(|w| is_verb(w)),
            "the length prefilter drops none"
        );
    }

    #[test]
    fn a_cue_that_is_also_a_noun_needs_no_determiner_before_it() {
        assert!(is_cue("said", Some("the")));
        assert!(is_cue("claims", Some("Trump")));
        assert!(!is_cue("claims", Some("his")));
        assert!(!is_cue("claims", Some("Trump’s")));
        assert!(!is_cue("walked", None));
        assert!(is_cue("Said", None), "opening its sentence");
        assert!(!is_cue("Said", Some("Mr")));
    }

    #[test]
    fn speaker_nouns_include_plurals_and_titles() {
        assert!(is_speaker_noun("officials"));
        assert!(is_speaker_noun("spokesman"));
        assert!(is_speaker_noun("campaign"));
        assert!(!is_speaker_noun("report"));
    }

    #[test]
    fn speaks_volumes_reports_nothing() {
        assert!(is_idiom("speaks", Some("volumes")));
        assert!(!is_idiom("speaks", Some("to")));
        assert!(!is_idiom("said", Some("volumes")));
    }

    #[test]
    fn a_participle_before_a_title_names_a_trade() {
        assert!(modifies_title("writing", Some("professor")));
        assert!(modifies_title("speaking", Some("coach")));
        assert!(!modifies_title("writing", Some("that")));
        assert!(!modifies_title("saying", Some("Professor")));
        assert!(!modifies_title("said", Some("professor")));
    }
}
