//! Golden test: the example article through the whole extractor (trained recogniser
//! included) must say who said what, and who is who, the way a reader of it would.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, Entity, Field};

fn enrich() -> (Article, Enrichment) {
    let raw = include_bytes!("../examples/ukraine-peace-talks.json");
    let article = Article::from_slice(raw, usize::MAX).expect("the example article is valid");
    let extractor = Extractor::load().expect("the embedded models load");
    let record = extractor.extract(&article);
    (article, record)
}

fn entity<'r>(record: &'r Enrichment, last_name: &str) -> &'r Entity {
    record
        .entities
        .iter()
        .find(|e| e.name.split_whitespace().last() == Some(last_name))
        .unwrap_or_else(|| panic!("no entity named …{last_name} in {:?}", names(record)))
}

fn names(record: &Enrichment) -> Vec<&str> {
    record.entities.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn every_quote_including_the_headline_goes_to_zelenskyy() {
    let (_, record) = enrich();
    let zelenskyy = entity(&record, "Zelenskyy");
    assert_eq!(zelenskyy.name, "Volodymyr Zelenskyy");
    let expected = [
        ("Good", Field::Title, true),
        ("good conversation", Field::Body, true),
        ("We are truly working 24/7", Field::Body, false),
        (
            "We discussed certain substantive details",
            Field::Body,
            false,
        ),
        ("kind words and Christmas greetings", Field::Body, true),
    ];
    for (start, field, partial) in expected {
        let q = record
            .quotes
            .iter()
            .find(|q| q.field == field && q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {:?}", record.quotes));
        let speaker = q.speaker.as_ref().expect("the quote has a speaker");
        assert_eq!(speaker.name, zelenskyy.name, "{start}");
        assert_eq!(
            speaker.entity.as_deref(),
            Some(zelenskyy.id.as_str()),
            "{start}"
        );
        assert_eq!(q.partial, partial, "{start}");
    }
    let added = record
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We discussed"))
        .and_then(|q| q.cue.as_deref());
    assert_eq!(added, Some("added"));
}

#[test]
fn quote_offsets_give_back_the_quoted_text_without_marks() {
    let (article, record) = enrich();
    for q in &record.quotes {
        let field = match q.field {
            Field::Title => article.title.as_deref().unwrap_or_default(),
            Field::Body => article.body.as_deref().unwrap_or_default(),
        };
        let text: String = field.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(text, q.text);
        assert!(!text.starts_with(['"', '“', '\'']) && !text.ends_with(['"', '”', '\'']));
    }
}

#[test]
fn roles_and_affiliations_land_on_the_person_they_describe() {
    let (_, record) = enrich();
    let has = |e: &Entity, role: &str| e.roles.iter().any(|r| r.contains(role));

    let witkoff = entity(&record, "Witkoff");
    assert!(has(witkoff, "envoy"), "{witkoff:?}");
    assert!(
        witkoff.affiliations.iter().any(|a| a == "United States"),
        "{witkoff:?}"
    );
    assert!(has(entity(&record, "Sybiha"), "Foreign Minister"));
    assert!(has(entity(&record, "Umerov"), "senior negotiator"));
    assert!(has(entity(&record, "Hnatov"), "Chief of the General Staff"));

    let kushner = entity(&record, "Kushner");
    assert!(
        kushner
            .roles
            .iter()
            .any(|r| r == "son-in-law of Donald Trump"),
        "{kushner:?}"
    );
    assert!(!has(kushner, "President"), "{kushner:?}");
    let trump = entity(&record, "Trump");
    assert!(!has(trump, "son-in-law"), "{trump:?}");

    let zelenskyy = entity(&record, "Zelenskyy");
    assert!(has(zelenskyy, "President"));
    assert!(zelenskyy.affiliations.iter().any(|a| a == "Ukraine"));
    // Nobody else's title leaks onto a neighbour in the list of delegates.
    assert!(!has(entity(&record, "Umerov"), "Minister"));
    assert!(!has(entity(&record, "Sybiha"), "Chief"));
    assert!(!has(entity(&record, "Sybiha"), "negotiator"));
}

#[test]
fn the_main_speaker_is_the_most_salient_entity() {
    let (_, record) = enrich();
    assert_eq!(
        record.entities[0].name,
        "Volodymyr Zelenskyy",
        "{:?}",
        names(&record)
    );
    assert!(
        record
            .entities
            .iter()
            .all(|e| (0.0..=1.0).contains(&e.salience))
    );
    let us: Vec<&Entity> = record
        .entities
        .iter()
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| m.text == "US" || m.text == "United States")
        })
        .collect();
    assert_eq!(
        us.len(),
        1,
        "US and the United States are one entity: {:?}",
        names(&record)
    );
}
