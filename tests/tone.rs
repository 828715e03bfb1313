//! Tone: lexicon valences with negation, intensifiers and contrast, on sentences a reader
//! can judge.

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::tone::score;
use news_enricher::record::{Field, Quote, Tone};

fn tone(text: &str) -> Tone {
    score(&Doc::new(None, text, None), &[])
}

#[test]
fn negation_turns_praise_into_criticism() {
    // Row: (sentence, sign of its tone).
    for (text, positive) in [
        ("The results were good.", true),
        ("The results were not good.", false),
        ("The results weren't good.", false),
        ("The results weren’t good.", false),
        ("The results were never good.", false),
        ("The talks were not a failure.", true),
        ("The talks failed.", false),
    ] {
        let t = tone(text);
        assert_eq!(t.score > 0.0, positive, "{text}: {t:?}");
        assert_ne!(t.score, 0.0, "{text}");
    }
}

#[test]
fn negated_praise_is_milder_than_outright_criticism() {
    assert!(tone("The plan is not good.").score > tone("The plan is bad.").score);
}

#[test]
fn intensifiers_strengthen_and_dampeners_weaken() {
    let plain = tone("The response was good.").score;
    assert!(tone("The response was very good.").score > plain);
    assert!(tone("The response was extremely good.").score > plain);
    assert!(tone("The response was slightly good.").score < plain);
    let bad = tone("The response was bad.").score;
    assert!(tone("The response was very bad.").score < bad);
}

#[test]
fn a_report_of_deaths_is_negative_and_a_celebration_positive() {
    let attack = tone(
        "Three people were killed and dozens injured when missiles struck a crowded market.\n\
         Rescuers searched the rubble for survivors as the city mourned the dead.",
    );
    assert!(attack.score < -0.5, "{attack:?}");
    assert!(attack.negative > 0.9, "{attack:?}");
    let festival = tone(
        "The festival was a joyful success, and visitors praised the friendly, welcoming town.",
    );
    assert!(festival.score > 0.5, "{festival:?}");
}

#[test]
fn institutional_words_carry_no_tone() {
    // VADER rates these as pleasant; in news they name things.
    let t = tone(
        "The Security Council and the United Nations discussed interest rates and health care.",
    );
    assert_eq!(t, Tone::default());
}

#[test]
fn shares_sum_to_one_and_the_score_stays_in_range() {
    let raw = include_str!("../examples/ukraine-peace-talks.json");
    let v: serde_json::Value = serde_json::from_str(raw).expect("example article is JSON");
    let t = score(
        &Doc::new(
            v["title"].as_str(),
            v["body"].as_str().unwrap_or_default(),
            None,
        ),
        &[],
    );
    assert!((t.positive + t.negative - 1.0).abs() < 0.002, "{t:?}");
    assert!((-1.0..=1.0).contains(&t.score), "{t:?}");
    // Mixed: talk of war next to talk of good conversations; not an extreme either way.
    assert!(t.score.abs() < 0.6, "{t:?}");
    assert!(t.negative > 0.2, "the war is noticed: {t:?}");
}

#[test]
fn hypothetical_praise_does_not_count() {
    assert_eq!(
        tone("The plan could gain broad acceptance."),
        Tone::default(),
        "a modal makes the rest of the clause hypothetical"
    );
    assert_eq!(
        tone("If the talks succeed, prices would fall."),
        Tone::default()
    );
    // The clause ends at the comma: what follows is reported as fact.
    assert!(tone("It could happen, and the talks failed.").score < 0.0);
}

#[test]
fn quoted_words_are_the_source_s_not_the_article_s() {
    let text = "\"We had a wonderful, truly excellent meeting,\" the minister said after \
                the attack.";
    let doc = Doc::new(None, text, None);
    let open = text.find('"').expect("quote") + 1;
    let close = text[open..].find('"').expect("quote") + open;
    let quote = Quote {
        text: text[open..close].to_string(),
        speaker: None,
        cue: Some("said".into()),
        partial: false,
        field: Field::Body,
        start: open,
        end: close,
    };
    assert!(
        score(&doc, &[]).score > 0.0,
        "the praise outweighs the attack"
    );
    let t = score(&doc, &[quote]);
    assert!(t.score < 0.0 && t.positive == 0.0, "{t:?}");
}

#[test]
fn quotes_after_non_ascii_text_are_still_left_out() {
    // Record offsets count chars; the dashes and curly marks before the quote take more
    // bytes than chars, so a byte offset would miss it.
    let article = Article {
        id: "t".into(),
        body: Some(
            "Kyiv’s mayor — “lead” — spoke — briefly — again — today — after the attack.\n\
             “We had a wonderful, truly excellent meeting,” Mayor Anna Koval said."
                .into(),
        ),
        ..Article::default()
    };
    let record = Extractor::load()
        .expect("embedded models load")
        .extract(&article);
    assert!(
        record
            .quotes
            .iter()
            .any(|q| q.text.starts_with("We had a wonderful")),
        "{:?}",
        record.quotes
    );
    let t = record.tone;
    assert!(t.score < 0.0 && t.positive == 0.0, "{t:?}");
}

#[test]
fn the_example_article_leans_negative_without_being_extreme() {
    let raw = include_str!("../examples/ukraine-peace-talks.json");
    let article: Article = serde_json::from_str(raw).expect("example article parses");
    let extractor = Extractor::load().expect("embedded models load");
    let t = extractor.extract(&article).tone;
    assert!((-0.5..0.0).contains(&t.score), "{t:?}");
}
