//! Any text, however odd, goes through the places, dates and amounts stages without a panic,
//! and every span they report gives its own text back at its char offsets (what a consumer
//! doing `text[start:end]` in Python relies on). Texts are stitched from tricky fragments by
//! a fixed-seed generator, so a failure replays exactly.

use chrono::DateTime;
use news_enricher::extract::doc::{Doc, EntityDraft, Mention};
use news_enricher::extract::{amounts, dates, places};
use news_enricher::record::{EntityType, Field};

const FRAGMENTS: &[&str] = &[
    "Dec. 25",
    "25th",
    " of ",
    "March",
    "May",
    "2025-12-25",
    "24/7",
    "3-1",
    "10:30",
    "$",
    "€5bn",
    "£",
    "1,200",
    "3.5",
    "%",
    " per cent",
    "two-thirds",
    "tens of thousands of",
    "Thursday",
    "last",
    " week",
    "ago",
    "in 2024",
    "U.S.",
    "Côte d’Ivoire",
    "Kraków",
    "Ukraine’s",
    "’",
    "—",
    "–",
    "-",
    "“",
    "”",
    "\"",
    "'",
    ",",
    ".",
    "\n",
    "  ",
    "é",
    "日本",
    "🇺🇦",
    "Paris, Texas",
    "Georgia",
    "the Kremlin",
    "ambassador",
    "Russian-backed",
    "US$",
    "0",
    "9",
    "99999999999999",
    "a",
    "an",
    "half",
    "dozen",
    "million",
    "soldiers",
    "will",
    "on",
    "Monday",
    "\u{301}",
    "ß",
    "USA TODAY",
    "Mich.",
    "Sept",
    "1990s",
    ":",
    "/",
    "(",
    ")",
];

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn assert_span(text: &str, start: usize, end: usize, found: &str, what: &str) {
    let chars: Vec<char> = text.chars().collect();
    assert!(
        start <= end && end <= chars.len(),
        "{what} {start}..{end} out of {text:?}"
    );
    let back: String = chars[start..end].iter().collect();
    assert_eq!(back, found, "{what} offsets in {text:?}");
}

#[test]
fn odd_texts_never_panic_and_spans_give_their_text_back() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let anchor = Some(DateTime::parse_from_rfc3339("2025-12-25T18:00:00Z").expect("valid"));
    for round in 0..1500 {
        let mut body = String::new();
        for _ in 0..rng.below(30) {
            body.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            if rng.below(3) == 0 {
                body.push(' ');
            }
        }
        let doc = Doc::new(
            Some("Title: Dec. 25, €5bn"),
            &body,
            anchor.filter(|_| round % 2 == 0),
        );
        for d in dates::find(&doc) {
            let text = if d.field == Field::Title {
                "Title: Dec. 25, €5bn"
            } else {
                &body
            };
            assert_span(text, d.start, d.end, &d.text, "date");
        }
        for a in amounts::find(&doc) {
            let text = if a.field == Field::Title {
                "Title: Dec. 25, €5bn"
            } else {
                &body
            };
            assert_span(text, a.start, a.end, &a.text, "amount");
            assert!(a.value.is_finite(), "{a:?}");
        }
        // Every word-ish stretch tagged as a place, to push odd names through the resolver.
        let mut drafts: Vec<EntityDraft> = body
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(8)
            .filter_map(|w| {
                let start = body.find(w)?;
                Some(EntityDraft::new(
                    EntityType::Location,
                    w.to_string(),
                    vec![Mention {
                        field: Field::Body,
                        start,
                        end: start + w.len(),
                        tokens: 0..0,
                        kind: EntityType::Location,
                    }],
                ))
            })
            .collect();
        places::resolve(&doc, &mut drafts);
    }
}
