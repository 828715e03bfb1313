//! The shipped model loads, names itself, and tags a known sentence (no data from outside
//! the repository needed).

use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::record::EntityType;

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
    let body = "Apple said on Tuesday that iPhone sales in China rose 20 percent. \
                Tim Cook, Apple's chief executive, said demand was strong.";
    let got = tag(
        body,
        Some("Apple Shares Jump After Strong iPhone Sales In China"),
    );
    assert!(
        got.iter()
            .any(|(t, k)| t == "Apple" && *k == EntityType::Organization),
        "{got:?}"
    );
    for word in ["Shares", "Jump", "Strong", "Sales", "In"] {
        assert!(
            !got.iter().any(|(t, _)| t.contains(word)),
            "{word} tagged: {got:?}"
        );
    }
}

/// Every mention of `doc` as (field, start, end, type).
fn mentions(model: &Model, doc: &Doc<'_>) -> Vec<(u8, usize, usize, EntityType)> {
    model
        .tag_doc(doc)
        .into_iter()
        .map(|m| (m.field as u8, m.start, m.end, m.kind))
        .collect()
}

#[test]
fn what_a_thread_tagged_before_changes_no_tag_of_the_next_article() {
    // The model keeps a per-thread memo of word types; an article must come out the same
    // whether its words are new to the thread, known from other articles (cased
    // differently, in tables, in all-caps headlines) or known from itself.
    let feed: Vec<news_enricher::article::Article> = include_str!("../examples/articles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("examples/articles.jsonl is valid"))
        .collect();
    let others = [
        (
            Some("UKRAINE TALKS: ZELENSKYY MEETS WITKOFF IN BERLIN"),
            "Soccer results:\nArsenal 2 Chelsea 1\nLeeds 0 Everton 3\nZelenskyy and Witkoff met in Berlin on Monday.",
        ),
        (
            None,
            "ukraine and russia said nothing. UKRAINE SAID NOTHING EITHER.",
        ),
    ];
    let first_sight = Model::embedded().expect("the embedded model parses");
    let warm = Model::embedded().expect("the embedded model parses");
    for (title, body) in others {
        mentions(&warm, &Doc::new(title, body, None));
    }
    let mut tagged = 0;
    for a in &feed {
        let Some(body) = a.body.as_deref() else {
            continue;
        };
        let doc = Doc::new(a.title.as_deref(), body, None);
        first_sight.forget_words();
        let want = mentions(&first_sight, &doc);
        assert_eq!(mentions(&warm, &doc), want, "article {}", a.id);
        assert_eq!(mentions(&warm, &doc), want, "article {} again", a.id);
        tagged += usize::from(!want.is_empty());
    }
    assert!(tagged >= 5, "the feed has entities");
}
