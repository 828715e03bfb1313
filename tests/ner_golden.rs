//! Golden test: the shipped NER model on the example article, through the same entry points
//! the service uses (`Extractor::load` + `extract`).

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, EntityType, Field};

fn enrich() -> (Article, Enrichment) {
    let bytes = include_bytes!("../examples/ukraine-peace-talks.json");
    let article = Article::from_slice(bytes, 1 << 20).expect("the example is a valid article");
    let extractor = Extractor::load().expect("the embedded model loads");
    let record = extractor.extract(&article);
    (article, record)
}

/// Every (type, mention text) the record holds, body and title.
fn mentions(record: &Enrichment) -> Vec<(EntityType, Field, String)> {
    record
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (e.kind, m.field, m.text.clone()))
        })
        .collect()
}

#[test]
fn people_places_and_nationalities_of_the_example_are_found_with_their_types() {
    let (_, record) = enrich();
    let found = mentions(&record);
    let expect = [
        (EntityType::Person, "Volodymyr Zelenskyy"),
        (EntityType::Person, "Steve Witkoff"),
        (EntityType::Person, "Jared Kushner"),
        (EntityType::Person, "Donald Trump"),
        (EntityType::Person, "Rustem Umerov"),
        (EntityType::Person, "Andrii Sybiha"),
        (EntityType::Person, "Andrii Hnatov"),
        (EntityType::Location, "Ukraine"),
        (EntityType::Location, "Russia"),
        (EntityType::Location, "US"),
        (EntityType::Location, "Moscow"),
        (EntityType::Location, "Europe"),
        (EntityType::Misc, "Ukrainian"),
        (EntityType::Misc, "Russian"),
    ];
    let mut missing = Vec::new();
    for (kind, text) in expect {
        let hit = found
            .iter()
            .any(|(k, f, t)| *k == kind && *f == Field::Body && t == text);
        if !hit {
            missing.push(format!("{kind:?} {text}"));
        }
    }
    assert!(missing.is_empty(), "missing {missing:?}; found {found:?}");
}

#[test]
fn a_name_gets_the_same_type_at_every_mention() {
    let (_, record) = enrich();
    let found = mentions(&record);
    for (text, kind) in [
        ("Ukraine", EntityType::Location),
        ("Zelenskyy", EntityType::Person),
        ("Russia", EntityType::Location),
    ] {
        let wrong: Vec<_> = found
            .iter()
            .filter(|(k, _, t)| t == text && *k != kind)
            .collect();
        assert!(wrong.is_empty(), "{text} mistyped: {wrong:?}");
        let n = found
            .iter()
            .filter(|(_, f, t)| t == text && *f == Field::Body)
            .count();
        assert!(n >= 2, "{text} found only {n} times in the body");
    }
}

#[test]
fn mention_offsets_are_char_offsets_into_their_field() {
    let (article, record) = enrich();
    let body: Vec<char> = article.body.as_deref().unwrap_or("").chars().collect();
    let title: Vec<char> = article.title.as_deref().unwrap_or("").chars().collect();
    let mut checked = 0;
    for e in &record.entities {
        for m in &e.mentions {
            let field = if m.field == Field::Body {
                &body
            } else {
                &title
            };
            let text: String = field[m.start..m.end].iter().collect();
            assert_eq!(text, m.text);
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} mentions");
}

#[test]
fn the_people_of_the_example_are_its_seven_people_and_a_holiday_is_no_one() {
    // "the kind words and Christmas greetings": the training data has no holidays, and the
    // tagger alone calls Christmas a person.
    let (_, record) = enrich();
    let mut people: Vec<&str> = record
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| e.name.as_str())
        .collect();
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Andrii Hnatov",
            "Andrii Sybiha",
            "Donald Trump",
            "Jared Kushner",
            "Rustem Umerov",
            "Steve Witkoff",
            "Volodymyr Zelenskyy",
        ]
    );
    let christmas = record.entities.iter().find(|e| e.name == "Christmas");
    assert!(
        christmas.is_none_or(|e| e.kind == EntityType::Misc),
        "{christmas:?}"
    );
}
