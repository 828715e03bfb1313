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
    let partial: Vec<bool> = found.quotes.iter().map(|(q, _)| q.partial).collect();
    assert_eq!(partial, [true, true, false, false, true]);
}

#[test]
fn roles_of_the_example_go_to_the_people_they_describe() {
    let (title, body) = example();
    let found = run(Some(&title), &body, NAMES);
    let roles = |name: &str| {
        found
            .entity(name)
            .map(|e| e.roles.clone())
            .unwrap_or_default()
    };
    assert_eq!(roles("Volodymyr Zelenskyy"), ["President"]);
    assert_eq!(roles("Steve Witkoff"), ["envoy"]);
    assert_eq!(roles("Donald Trump"), ["President"]);
    assert_eq!(roles("Jared Kushner"), ["son-in-law of Donald Trump"]);
    assert_eq!(roles("Rustem Umerov"), ["senior negotiator"]);
    assert_eq!(roles("Andrii Sybiha"), ["Foreign Minister"]);
    assert_eq!(roles("Andrii Hnatov"), ["Chief of the General Staff"]);
    let witkoff = found
        .entity("Steve Witkoff")
        .map(|e| e.affiliations.clone());
    assert_eq!(witkoff.unwrap_or_default(), ["United States"]);
}
