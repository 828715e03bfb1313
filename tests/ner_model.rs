//! The shipped model loads, names itself, and tags a known sentence (no data from outside
//! the repository needed).

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::record::{EntityType, Field};

const HEADLINE: &str = "Apple Shares Jump After Strong iPhone Sales In China";
const BODY: &str = "Apple said on Tuesday that iPhone sales in China rose 20 percent. \
                    Tim Cook, Apple's chief executive, said demand was strong.";

fn tag(body: &str, title: Option<&str>) -> Vec<(String, EntityType)> {
    let model = Model::embedded().expect("the embedded model parses");
    let doc = Doc::new(title, body, None);
    model
        .tag_doc(&doc)
        .into_iter()
        .map(|m| (doc.layer(m.field).text[m.start..m.end].to_string(), m.kind))
        .collect()
}

#[test]
fn the_shipped_model_loads_and_reports_its_name() {
    let model = Model::embedded().expect("the embedded model parses");
    assert!(model.name().starts_with("ner-"), "{}", model.name());
}

#[test]
fn a_plain_news_sentence_is_tagged() {
    let got = tag(
        "German Chancellor Angela Merkel met French officials in Paris on Monday, \
         the European Commission said.",
        None,
    );
    for want in [
        ("German", EntityType::Misc),
        ("Angela Merkel", EntityType::Person),
        ("French", EntityType::Misc),
        ("Paris", EntityType::Location),
        ("European Commission", EntityType::Organization),
    ] {
        assert!(
            got.iter().any(|(t, k)| t == want.0 && *k == want.1),
            "missing {want:?} in {got:?}"
        );
    }
    assert!(
        !got.iter().any(|(t, _)| t == "Monday" || t == "said"),
        "{got:?}"
    );
}

#[test]
fn an_all_caps_headline_is_tagged_with_help_from_the_body() {
    let got = tag(
        "Shares of Microsoft rose on Tuesday after Microsoft said profits in Japan grew.",
        Some("MICROSOFT SHARES RISE ON JAPAN PROFITS"),
    );
    assert!(
        got.iter()
            .filter(|(t, k)| t == "MICROSOFT" && *k == EntityType::Organization)
            .count()
            == 1,
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(t, k)| t == "JAPAN" && *k == EntityType::Location),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(t, _)| t == "SHARES" || t == "RISE"),
        "{got:?}"
    );
}

#[test]
fn empty_and_punctuation_only_text_yields_no_mentions() {
    assert!(tag("", None).is_empty());
    assert!(tag(" ... !!! \n\n", Some("")).is_empty());
}

#[test]
fn a_title_case_headline_is_read_like_an_all_caps_one() {
    let got = tag(BODY, Some(HEADLINE));
    assert!(
        got.iter()
            .any(|(t, k)| t.starts_with("Apple") && *k == EntityType::Organization),
        "{got:?}"
    );
    // The headline's ordinary words are no names of their own. (The model alone may run
    // "Apple" into "Shares"; the record cuts it back, see below.)
    for word in ["Jump", "Strong", "Sales", "In"] {
        assert!(
            !got.iter().any(|(t, _)| t.contains(word)),
            "{word} tagged: {got:?}"
        );
    }
}

#[test]
fn the_record_names_the_company_in_a_title_case_headline_as_the_body_does() {
    let json = serde_json::json!({"id": "h1", "title": HEADLINE, "body": BODY}).to_string();
    let article = Article::from_slice(json.as_bytes(), 1 << 20).expect("a valid article");
    let record = Extractor::load()
        .expect("the model loads")
        .extract(&article);
    let mut in_title: Vec<(&str, EntityType)> = record
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (m, e.kind)))
        .filter(|(m, _)| m.field == Field::Title)
        .map(|(m, k)| (m.text.as_str(), k))
        .collect();
    in_title.sort_by_key(|&(text, _)| text);
    assert_eq!(
        in_title,
        vec![
            ("Apple", EntityType::Organization),
            ("China", EntityType::Location)
        ]
    );
}
