//! SimHash near-duplicate detection: a syndicated copy with a new headline and a trimmed
//! paragraph lands within a few bits; unrelated articles land about half the bits apart.

use news_enricher::extract::doc::Doc;
use news_enricher::extract::fingerprint::{compute, hamming};

const FLOOD: &str = include_str!("fixtures/html/harbour-flood-barrier.expected.txt");
const FLOOD_TITLE: &str = "Port Alder approves £240m flood barrier after winter storms";

fn ukraine_body() -> String {
    let raw = include_str!("../examples/ukraine-peace-talks.json");
    let v: serde_json::Value = serde_json::from_str(raw).expect("example article is JSON");
    v["body"].as_str().expect("example has a body").to_string()
}

fn simhash(title: &str, body: &str) -> String {
    compute(&Doc::new(Some(title), body, None)).simhash
}

#[test]
fn a_copy_with_a_new_headline_and_a_trimmed_paragraph_is_within_a_few_bits() {
    let original = simhash(FLOOD_TITLE, FLOOD);
    let paragraphs: Vec<&str> = FLOOD.lines().collect();
    let trimmed = paragraphs[..paragraphs.len() - 1].join("\n");
    let copy = simhash("Seaside town backs flood gates in 31-9 vote", &trimmed);
    let d = hamming(&original, &copy).expect("both are 16 hex digits");
    assert!(d <= 12, "near-copy differs in {d} bits");

    let restyled = FLOOD
        .replace(['“', '”'], "\"")
        .replace('’', "'")
        .replace(", ", " , ");
    let d = hamming(&original, &simhash(FLOOD_TITLE, &restyled)).expect("hex");
    assert_eq!(d, 0, "typography alone moved {d} bits");
}

#[test]
fn copies_missing_any_one_paragraph_stay_close() {
    // Short texts are noisy (each bit is a vote of a few hundred shingles), so the bound is
    // on every copy and tighter on the average; unrelated articles sit near 32.
    let original = simhash(FLOOD_TITLE, FLOOD);
    let paragraphs: Vec<&str> = FLOOD.lines().collect();
    let mut total = 0;
    for i in 0..paragraphs.len() {
        let mut copy = paragraphs.clone();
        copy.remove(i);
        let d = hamming(&original, &simhash(FLOOD_TITLE, &copy.join("\n"))).expect("hex");
        assert!(d <= 16, "dropping paragraph {i} moves {d} bits");
        total += d;
    }
    let mean = f64::from(total) / paragraphs.len() as f64;
    assert!(mean <= 10.0, "mean distance {mean}");
}

#[test]
fn unrelated_articles_are_far_apart() {
    let flood = simhash(FLOOD_TITLE, FLOOD);
    let ukraine = simhash("Talks", &ukraine_body());
    let d = hamming(&flood, &ukraine).expect("both are 16 hex digits");
    assert!(d >= 20, "unrelated articles differ in only {d} bits");
}

#[test]
fn the_same_words_in_another_order_are_not_a_copy() {
    // Shingles keep word order: a shuffled text shares the vocabulary, not the text.
    let mut words: Vec<&str> = FLOOD.split_whitespace().collect();
    words.reverse();
    let shuffled = words.join(" ");
    let d = hamming(
        &simhash(FLOOD_TITLE, FLOOD),
        &simhash(FLOOD_TITLE, &shuffled),
    )
    .expect("hex");
    assert!(d >= 16, "reversed text differs in only {d} bits");
}

#[test]
fn sha256_tells_exact_copies_from_near_ones() {
    let a = compute(&Doc::new(Some(FLOOD_TITLE), FLOOD, None));
    let spaced = FLOOD.replace(' ', "  ");
    let b = compute(&Doc::new(Some(FLOOD_TITLE), &spaced, None));
    assert_eq!(a.sha256, b.sha256, "spacing does not change the exact hash");
    let c = compute(&Doc::new(Some("Another headline"), FLOOD, None));
    assert_ne!(a.sha256, c.sha256, "a new headline is not an exact copy");
    assert_eq!(a.simhash, c.simhash, "but it is the same story");
}
