//! Per-record caps: a pathological article yields a record of bounded size that says what
//! was cut (`truncated`), keeps the most salient entities and the first quotes, and still
//! validates against the published schema.

mod common;

use std::sync::OnceLock;

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::extract::limits::Limits;
use news_enricher::record::{Cut, Enrichment};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::load().expect("embedded model loads"))
}

fn article(body: &str) -> Article {
    Article {
        id: "caps".into(),
        body: Some(body.into()),
        ..Article::default()
    }
}

fn example() -> Article {
    serde_json::from_str(include_str!("../examples/ukraine-peace-talks.json"))
        .expect("the example article parses")
}

fn assert_schema_valid(record: &Enrichment) {
    let json = serde_json::to_value(record).expect("serialises");
    let schema = common::record_schema();
    let errors: Vec<String> = schema.iter_errors(&json).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_documented_defaults_are_500_quotes_200_entities_200_mentions() {
    let l = Limits::default();
    assert_eq!(
        (l.max_quotes, l.max_entities, l.max_mentions_per_entity),
        (500, 200, 200)
    );
    assert_eq!(Extractor::load().expect("loads").limits(), l);
}

#[test]
fn six_hundred_quotes_keep_the_first_five_hundred_in_article_order() {
    let body: String = (0..600)
        .map(|n| format!("“Point {n} stands,” the spokesman said. "))
        .collect();
    let record = extractor().extract(&article(&body));
    assert_eq!(record.quotes.len(), 500);
    assert!(record.quotes[0].text.starts_with("Point 0 "));
    assert!(record.quotes[499].text.starts_with("Point 499 "));
    assert!(record.quotes.windows(2).all(|w| w[0].start < w[1].start));
    let t = record
        .truncated
        .as_ref()
        .expect("the record says it was cut");
    assert_eq!(
        t.quotes,
        Some(Cut {
            kept: 500,
            total: 600
        })
    );
    assert_schema_valid(&record);
}

#[test]
fn an_ordinary_article_is_not_truncated_and_has_no_truncated_field() {
    let record = extractor().extract(&example());
    assert!(record.truncated.is_none());
    let json = serde_json::to_value(&record).expect("serialises");
    assert!(json.get("truncated").is_none(), "{json}");
}

#[test]
fn a_name_repeated_two_thousand_times_lists_200_mentions_and_counts_them_all() {
    let body = "President Volodymyr Zelensky spoke in Kyiv. ".repeat(2_000);
    let record = extractor().extract(&article(&body));
    let e = record
        .entities
        .iter()
        .find(|e| e.name == "Volodymyr Zelensky")
        .expect("the entity is found");
    assert_eq!(e.mentions.len(), 200);
    assert_eq!(e.count, 2_000, "count is the real number");
    // The first mentions in the text are the ones kept.
    assert_eq!(e.mentions[0].start, "President ".len());
    assert!(e.mentions.windows(2).all(|w| w[0].start < w[1].start));
    let t = record.truncated.as_ref().expect("cut");
    assert_eq!(
        t.mentions.get(&e.id),
        Some(&Cut {
            kept: 200,
            total: e.count
        })
    );
    let json = serde_json::to_string(&record).expect("serialises");
    assert!(json.len() < 200_000, "record of {} bytes", json.len());
    assert_schema_valid(&record);
}

#[test]
fn capped_entities_are_the_most_salient_and_no_quote_points_at_a_dropped_one() {
    let full = extractor().extract(&example());
    assert!(full.entities.len() > 3, "the example has many entities");
    let limits = Limits {
        max_entities: 3,
        max_mentions_per_entity: 2,
        max_quotes: 2,
        ..Limits::default()
    };
    let capped = Extractor::load()
        .expect("loads")
        .with_limits(limits)
        .extract(&example());
    // The top three by salience, with the same ids.
    let top: Vec<(&str, &str)> = full.entities[..3]
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let kept: Vec<(&str, &str)> = capped
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    assert_eq!(kept, top);
    for e in &capped.entities {
        assert!(e.mentions.len() <= 2);
    }
    assert_eq!(capped.quotes, {
        // Same first two quotes, except speakers that are no longer entities keep their
        // name and lose the id.
        let ids: Vec<&str> = kept.iter().map(|k| k.0).collect();
        let mut q = full.quotes[..2].to_vec();
        for s in q.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            if s.entity.as_deref().is_some_and(|id| !ids.contains(&id)) {
                s.entity = None;
            }
        }
        q
    });
    let t = capped.truncated.as_ref().expect("cut");
    assert_eq!(
        t.entities,
        Some(Cut {
            kept: 3,
            total: full.entities.len()
        })
    );
    assert_eq!(
        t.quotes,
        Some(Cut {
            kept: 2,
            total: full.quotes.len()
        })
    );
    assert_schema_valid(&capped);
}
