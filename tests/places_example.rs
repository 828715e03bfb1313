//! The example article end to end through `Extractor::extract`, with the publication time
//! the issue gives (Thursday 25 December 2025, 18:00 UTC): what a reader of the record must
//! find for places, dates and amounts.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, EntityType};

/// The example article as shipped.
fn article() -> Article {
    serde_json::from_str(include_str!("../examples/ukraine-peace-talks.json"))
        .expect("the example article parses")
}

fn example() -> Enrichment {
    let mut article = article();
    article.published_at = Some(
        chrono::DateTime::parse_from_rfc3339("2025-12-25T18:00:00Z").expect("valid timestamp"),
    );
    Extractor::load()
        .expect("embedded models load")
        .extract(&article)
}

/// Country codes of the entities the article mentions as `name` (by mention text, so "US"
/// finds the entity named "United States").
fn codes_of(record: &Enrichment, name: &str) -> Vec<Option<String>> {
    record
        .entities
        .iter()
        .filter(|e| e.name == name || e.mentions.iter().any(|m| m.text == name))
        .map(|e| e.country_code.clone())
        .collect()
}

#[test]
fn countries_capitals_and_regions_resolve_as_a_reader_would() {
    let record = example();
    for (name, code) in [
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("Moscow", "RU"),
        ("US", "US"),
    ] {
        let codes = codes_of(&record, name);
        assert!(!codes.is_empty(), "{name} is an entity");
        assert!(
            codes.iter().all(|c| c.as_deref() == Some(code)),
            "{name}: {codes:?}"
        );
    }
    assert!(codes_of(&record, "Europe").iter().all(Option::is_none));
    let moscow = record
        .entities
        .iter()
        .find(|e| e.name == "Moscow")
        .and_then(|e| e.coordinates)
        .expect("Moscow is a city with coordinates");
    assert!((moscow.lat - 55.75).abs() < 0.1 && (moscow.lon - 37.62).abs() < 0.1);
    assert!(
        record
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .all(|e| e.country_code.is_none()),
        "people get no country code"
    );
}

#[test]
fn on_thursday_is_the_publication_day_and_24_7_is_not_a_date() {
    let record = example();
    let thursday = record
        .dates
        .iter()
        .find(|d| d.text == "Thursday")
        .expect("'on Thursday' is found");
    assert_eq!(thursday.value.as_deref(), Some("2025-12-25"));
    assert!(record.dates.iter().all(|d| !d.text.contains("24")));
}

#[test]
fn the_28_point_plan_is_an_amount_and_nothing_else_is_invented() {
    let record = example();
    let plan = record
        .amounts
        .iter()
        .find(|a| a.text == "28-point plan")
        .expect("the 28-point plan is found");
    assert_eq!(plan.value, 28.0);
    assert_eq!(plan.object.as_deref(), Some("point plan"));
    assert_eq!(record.amounts.len(), 1, "{:?}", record.amounts);
}

/// "talks with US envoy Witkoff": every "US" of the headline and the text is a mention of the
/// one United States entity, including those the recogniser left untagged.
#[test]
fn every_us_of_the_article_is_a_mention_of_the_united_states() {
    let record = example();
    let article = article();
    let whole_words = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| *w == "US")
            .count()
    };
    let expected = whole_words(article.title.as_deref().unwrap_or(""))
        + whole_words(article.body.as_deref().unwrap_or(""));
    let us: Vec<_> = record
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.text == "US"))
        .collect();
    assert_eq!(us.len(), 1, "one entity");
    let mentions = us[0].mentions.iter().filter(|m| m.text == "US").count();
    assert!(expected >= 3, "the article says US {expected} times");
    assert_eq!(mentions, expected);
}
