//! Conventions of US wire copy through the whole extractor (trained recogniser included):
//! the party-and-state designation after a politician's name ("Chuck Schumer, D-N.Y.,")
//! is that person's party, not an entity of its own, and never takes their quotes.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::Enrichment;

const TEXT: &str = "WASHINGTON (AP) — The Senate on Wednesday passed the aid package.\n\
“History is watching,” Senate Majority Leader Chuck Schumer, D-N.Y., said on the floor. \
“Failure would be a gift to our adversaries.”\n\
Sen. Susan Collins, R-Maine, told reporters the vote was “a relief.” \
Rep. Alexandria Ocasio-Cortez (D-NY) called it “a start.”\n\
Speaker Mike Johnson, R-La., said in a statement that the House “will work its own will.”";

fn enrich() -> Enrichment {
    let article = Article {
        id: "wire".into(),
        body: Some(TEXT.into()),
        ..Article::default()
    };
    Extractor::load()
        .expect("the embedded models load")
        .extract(&article)
}

#[test]
fn designations_are_not_entities() {
    let record = enrich();
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
    let record = enrich();
    let speaker = |start: &str| {
        let q = record
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start:?} in {:?}", record.quotes));
        q.speaker.as_ref().map(|s| s.name.clone())
    };
    assert_eq!(
        speaker("History is watching").as_deref(),
        Some("Chuck Schumer")
    );
    assert_eq!(
        speaker("Failure would be").as_deref(),
        Some("Chuck Schumer")
    );
    assert_eq!(speaker("a relief").as_deref(), Some("Susan Collins"));
    assert_eq!(
        speaker("a start").as_deref(),
        Some("Alexandria Ocasio-Cortez")
    );
    assert_eq!(
        speaker("will work its own will").as_deref(),
        Some("Mike Johnson")
    );
}

#[test]
fn a_designation_gives_the_party_as_an_affiliation() {
    let record = enrich();
    let affiliations = |name: &str| {
        record
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .affiliations
            .clone()
    };
    assert!(affiliations("Chuck Schumer").contains(&"Democratic Party".to_string()));
    assert!(affiliations("Susan Collins").contains(&"Republican Party".to_string()));
    assert!(affiliations("Alexandria Ocasio-Cortez").contains(&"Democratic Party".to_string()));
    assert!(affiliations("Mike Johnson").contains(&"Republican Party".to_string()));
}
