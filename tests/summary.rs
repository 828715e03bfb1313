//! Summary: the most central sentences, in article order, never a section heading, never
//! two sentences that say the same thing.

use news_enricher::extract::doc::Doc;
use news_enricher::extract::summary::pick;

const FLOOD: &str = include_str!("fixtures/html/harbour-flood-barrier.expected.txt");

fn ukraine() -> (String, String) {
    let raw = include_str!("../examples/ukraine-peace-talks.json");
    let v: serde_json::Value = serde_json::from_str(raw).expect("example article is JSON");
    (
        v["title"].as_str().unwrap_or_default().to_string(),
        v["body"].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn the_example_summary_is_three_sentences_in_article_order_led_by_the_lead() {
    let (title, body) = ukraine();
    let summary = pick(&Doc::new(Some(&title), &body, None));
    assert_eq!(summary.len(), 3, "{summary:#?}");
    assert!(summary[0].starts_with("Ongoing talks between Ukraine and the US"));
    let positions: Vec<usize> = summary
        .iter()
        .map(|s| {
            body.find(s.as_str())
                .expect("summary sentences are verbatim")
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn a_restated_lead_is_not_picked_twice() {
    // The example's last paragraph restates its first almost word for word.
    let (title, body) = ukraine();
    let summary = pick(&Doc::new(Some(&title), &body, None));
    let restatements = summary
        .iter()
        .filter(|s| s.contains("more balanced framework"))
        .count();
    assert_eq!(restatements, 1, "{summary:#?}");
}

#[test]
fn section_headings_are_never_summary_sentences() {
    let summary = pick(&Doc::new(None, FLOOD, None));
    assert!(!summary.iter().any(|s| s == "Who pays for the gates"));
    assert!(
        summary[0].starts_with("Councillors in Port Alder voted"),
        "{summary:#?}"
    );
}

#[test]
fn a_short_article_gets_two_sentences_and_a_one_liner_one() {
    let two = "The bridge reopened to traffic on Monday after repairs.\n\
               Engineers replaced the worn bearings under the main span.\n\
               Traffic was light in the first hours after the bridge reopened.";
    assert_eq!(pick(&Doc::new(None, two, None)).len(), 2);
    let one = "The bridge reopened to traffic on Monday after repairs.";
    assert_eq!(pick(&Doc::new(None, one, None)), [one]);
}
