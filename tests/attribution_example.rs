//! The example article through the who-said-what stages with its names marked by hand:
//! the same expectations as the golden test, independent of the recogniser's quality.

mod attribution_support;

use attribution_support::run;
use news_enricher::record::EntityType::{Location as L, Person as P};

fn example() -> (String, String) {
    let raw = include_str!("../examples/ukraine-peace-talks.json");
    let v: serde_json::Value = serde_json::from_str(raw).expect("the example is valid JSON");
    (
        v["title"].as_str().unwrap_or_default().to_string(),
        v["body"].as_str().unwrap_or_default().to_string(),
    )
}

const NAMES: &[(&str, news_enricher::record::EntityType)] = &[
    ("Zelenskyy", P),
    ("Volodymyr Zelenskyy", P),
    ("Witkoff", P),
    ("Steve Witkoff", P),
    ("Kushner", P),
    ("Jared Kushner", P),
    ("Donald Trump", P),
    ("Trump", P),
    ("Rustem Umerov", P),
    ("Andrii Sybiha", P),
    ("Andrii Hnatov", P),
    ("Ukraine", L),
    ("US", L),
    ("United States", L),
    ("Russia", L),
    ("Europe", L),
    ("Moscow", L),
];

#[test]
fn every_quote_of_the_example_goes_to_zelenskyy() {
    let (title, body) = example();
    let found = run(Some(&title), &body, NAMES);
    for (q, e) in &found.quotes {
        eprintln!(
            "{:?} {:?} {:?} {} {:?}",
            q.text, q.speaker, q.cue, q.partial, e
        );
    }
    for e in &found.entities {
        eprintln!(
            "{} {:?} {:?} {}",
            e.name, e.roles, e.affiliations, e.salience
        );
    }
    let pairs = found.pairs();
    let zel = Some("Volodymyr Zelenskyy".to_string());
    assert_eq!(pairs.len(), 5, "{pairs:?}");
    assert!(pairs.iter().all(|(_, s)| *s == zel), "{pairs:?}");
}
