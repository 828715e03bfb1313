//! Business copy through the whole extractor (trained recogniser included): listed
//! companies whose names are also words, names or places ("Meta", "Alphabet", "Amazon",
//! "Apple") are organisations where the text treats them as companies, and stay what the
//! recogniser said elsewhere.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, EntityType};

fn enrich(body: &str) -> Enrichment {
    let article = Article {
        id: "markets".into(),
        body: Some(body.into()),
        ..Article::default()
    };
    Extractor::load()
        .expect("the embedded models load")
        .extract(&article)
}

fn kind_of(record: &Enrichment, name: &str) -> Option<EntityType> {
    record
        .entities
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.kind)
}

#[test]
fn companies_in_a_list_of_companies_are_organisations() {
    let record = enrich(
        "Shares of Microsoft, Meta and Alphabet rose on Tuesday after Nvidia reported \
         record sales. Amazon and Apple were flat. Meta said it would spend more on data \
         centres.",
    );
    for name in ["Microsoft", "Meta", "Alphabet", "Nvidia", "Amazon", "Apple"] {
        assert_eq!(
            kind_of(&record, name),
            Some(EntityType::Organization),
            "{name}: {:?}",
            record.entities
        );
    }
}

#[test]
fn a_company_name_outside_business_context_keeps_its_type() {
    let record = enrich("The Amazon flooded villages in Brazil and Peru this week.");
    assert_eq!(kind_of(&record, "Amazon"), Some(EntityType::Location));
}
