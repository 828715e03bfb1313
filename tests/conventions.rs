//! Conventions of news copy through the whole extractor (trained recogniser included):
//!
//! - US wire copy: the party-and-state designation after a politician's name ("Chuck
//!   Schumer, D-N.Y.,") is that person's party, not an entity of its own, and never takes
//!   their quotes.
//! - Sports and foreign copy: a nationality stands for a player ("“…,” the Spaniard
//!   said"). The quote goes to the player the text shows to be of that nationality, and to
//!   nobody when it does not say: the writer's last subject is often the other player.
//! - Business copy: listed companies whose names are also words, names or places ("Meta",
//!   "Alphabet", "Amazon", "Apple") are organisations where the text treats them as
//!   companies, and stay what the recogniser said elsewhere.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, Entity, EntityType};

fn enrich(body: &str) -> Enrichment {
    let article = Article {
        id: "conventions".into(),
        body: Some(body.into()),
        ..Article::default()
    };
    Extractor::load()
        .expect("the embedded models load")
        .extract(&article)
}

/// The speaker name of the quote that starts with `text`.
fn speaker_of(record: &Enrichment, text: &str) -> Option<String> {
    let q = record
        .quotes
        .iter()
        .find(|q| q.text.starts_with(text))
        .unwrap_or_else(|| panic!("no quote {text:?} in {:?}", record.quotes));
    q.speaker.as_ref().map(|s| s.name.clone())
}

fn entity<'r>(record: &'r Enrichment, name: &str) -> Option<&'r Entity> {
    record.entities.iter().find(|e| e.name == name)
}

// US wire copy.

const WIRE: &str = "WASHINGTON (AP) — The Senate on Wednesday passed the aid package.\n\
“History is watching,” Senate Majority Leader Chuck Schumer, D-N.Y., said on the floor. \
“Failure would be a gift to our adversaries.”\n\
Sen. Susan Collins, R-Maine, told reporters the vote was “a relief.” \
Rep. Alexandria Ocasio-Cortez (D-NY) called it “a start.”\n\
Speaker Mike Johnson, R-La., said in a statement that the House “will work its own will.”";

#[test]
fn designations_are_not_entities() {
    let record = enrich(WIRE);
    for e in &record.entities {
        assert!(
            !["D-", "R-", "I-"].iter().any(|p| e.name.starts_with(p)),
            "{} is a party designation, not an entity",
            e.name
        );
    }
}

#[test]
fn quotes_go_to_the_name_before_the_designation() {
    let record = enrich(WIRE);
    for (quote, speaker) in [
        ("History is watching", "Chuck Schumer"),
        ("Failure would be", "Chuck Schumer"),
        ("a relief", "Susan Collins"),
        ("a start", "Alexandria Ocasio-Cortez"),
        ("will work its own will", "Mike Johnson"),
    ] {
        assert_eq!(speaker_of(&record, quote).as_deref(), Some(speaker));
    }
}

#[test]
fn a_designation_gives_the_party_as_an_affiliation() {
    let record = enrich(WIRE);
    for (name, party) in [
        ("Chuck Schumer", "Democratic Party"),
        ("Susan Collins", "Republican Party"),
        ("Alexandria Ocasio-Cortez", "Democratic Party"),
        ("Mike Johnson", "Republican Party"),
    ] {
        let e = entity(&record, name).unwrap_or_else(|| panic!("no entity {name}"));
        assert!(e.affiliations.iter().any(|a| a == party), "{name}: {e:?}");
    }
}

// Sports and foreign copy.

#[test]
fn a_nationality_nobody_is_shown_to_have_names_no_speaker() {
    let record = enrich(
        "Jannik Sinner beat Carlos Alcaraz in four sets to win the US Open on Sunday. \
         \"It was a tough match,\" the Spaniard said.",
    );
    assert_eq!(speaker_of(&record, "It was a tough match"), None);
    let spaniard = entity(&record, "Spaniard");
    assert_eq!(
        spaniard.and_then(|e| e.country_code.as_deref()),
        Some("ES"),
        "{:?}",
        record.entities
    );
}

#[test]
fn a_nationality_given_before_a_name_is_that_player() {
    let record = enrich(
        "Spanish star Carlos Alcaraz lost to Italian Jannik Sinner on Sunday. \
         \"It was a tough match,\" the 22-year-old Spaniard told reporters. \
         \"He played better,\" the Italian said of his rival.",
    );
    assert_eq!(
        speaker_of(&record, "It was a tough match").as_deref(),
        Some("Carlos Alcaraz")
    );
    assert_eq!(
        speaker_of(&record, "He played better").as_deref(),
        Some("Jannik Sinner")
    );
}

// Business copy.

#[test]
fn companies_in_a_list_of_companies_are_organisations() {
    let record = enrich(
        "Shares of Microsoft, Meta and Alphabet rose on Tuesday after Nvidia reported \
         record sales. Amazon and Apple were flat. Meta said it would spend more on data \
         centres.",
    );
    for name in ["Microsoft", "Meta", "Alphabet", "Nvidia", "Amazon", "Apple"] {
        assert_eq!(
            entity(&record, name).map(|e| e.kind),
            Some(EntityType::Organization),
            "{name}: {:?}",
            record.entities
        );
    }
}

#[test]
fn a_company_name_outside_business_context_keeps_its_type() {
    let record = enrich("The Amazon flooded villages in Brazil and Peru this week.");
    assert_eq!(
        entity(&record, "Amazon").map(|e| e.kind),
        Some(EntityType::Location)
    );
}
