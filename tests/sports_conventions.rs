//! Conventions of sports and foreign copy through the whole extractor (trained recogniser
//! included): a nationality stands for a player ("“…,” the Spaniard said"). The quote goes
//! to the player the text shows to be of that nationality, and to nobody when it does not
//! say: the writer's last subject is often the other player.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::Enrichment;

fn enrich(body: &str) -> Enrichment {
    let article = Article {
        id: "sport".into(),
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

#[test]
fn a_nationality_nobody_is_shown_to_have_names_no_speaker() {
    let record = enrich(
        "Jannik Sinner beat Carlos Alcaraz in four sets to win the US Open on Sunday. \
         \"It was a tough match,\" the Spaniard said.",
    );
    assert_eq!(speaker_of(&record, "It was a tough match"), None);
    let spaniard = record.entities.iter().find(|e| e.name == "Spaniard");
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
