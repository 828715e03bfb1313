//! Property: for any article text, every offset in the record slices its field (as chars)
//! back to the mention's own text. A consumer does `body[start:end]` in Python; one wrong
//! offset on one odd article (emoji, RTL, NUL, combining marks, curly quotes) silently
//! highlights the wrong words for them, so the whole record is checked, not a sample.

use std::sync::OnceLock;

use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::{Enrichment, Field};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::load().expect("embedded model loads"))
}

/// One piece of article text: the kinds of tokens that move byte and char offsets apart
/// or that the stages react to (names, cues, quotes, dates, amounts).
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,9}",
        3 => "[A-Z][a-z]{1,8}",
        1 => Just("said".to_string()),
        1 => Just("President".to_string()),
        1 => Just("Volodymyr Zelensky".to_string()),
        1 => Just("Kyiv".to_string()),
        1 => Just("the European Union".to_string()),
        2 => prop::sample::select(vec![
            "“", "”", "\"", "'", "’", "‘", "«", "»", "—", "-", ".", ",", ":", ";", "?", "!",
            "(", ")",
        ])
        .prop_map(str::to_string),
        1 => "[0-9]{1,6}",
        1 => prop::sample::select(vec![
            "$5 million", "€1.2bn", "40%", "12,000 soldiers", "tens of thousands",
            "28-point plan", "1.5 trillion",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "on Thursday", "November 20, 2025", "2025-11-20", "last week", "in March",
            "20 Nov 2025", "yesterday", "1999",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\t"]).prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "🇺🇦", "😀", "👩‍👩‍👧", "שלום", "مرحبا", "\u{200F}", "\u{202E}", "\0", "e\u{301}",
            "Zelens\u{301}kyi", "Ωμέγα", "日本", "\u{FEFF}", "\u{00A0}",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop::sample::select(vec!["", " ", " ", " ", "  "])),
        0..max_pieces,
    )
    .prop_map(|v| v.into_iter().map(|(p, sep)| p + sep).collect())
}

/// A quoted passage the quote finder should pick up, so quote offsets get exercised often.
fn quoted_sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’")]),
        text(12),
        prop::sample::select(vec![
            " said Volodymyr Zelensky.",
            ", the President said.",
            " said Emmanuel Macron on Thursday.",
            ".",
        ]),
    )
        .prop_map(|((open, close), inner, tail)| format!("{open}{inner}{close}{tail} "))
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => text(25), 1 => quoted_sentence()], 1..6)
        .prop_map(|parts| parts.concat())
}

/// Asserts every offset of `record` against the field texts it claims to point into.
fn check_offsets(
    record: &Enrichment,
    title: Option<&str>,
    body: &str,
) -> Result<(), TestCaseError> {
    let title_chars: Vec<char> = title.unwrap_or("").chars().collect();
    let body_chars: Vec<char> = body.chars().collect();
    let check = |what: &str, field: Field, start: usize, end: usize, text: &str| {
        let chars = match field {
            Field::Title => {
                prop_assert!(title.is_some(), "{what} points into a missing title");
                &title_chars
            }
            Field::Body => &body_chars,
        };
        prop_assert!(
            start <= end && end <= chars.len(),
            "{what} {start}..{end} out of a {:?} of {} chars",
            field,
            chars.len()
        );
        let slice: String = chars[start..end].iter().collect();
        prop_assert_eq!(&slice, text, "{} {}..{} in {:?}", what, start, end, field);
        Ok(())
    };
    for e in &record.entities {
        prop_assert_eq!(e.count, e.mentions.len());
        for m in &e.mentions {
            check("entity mention", m.field, m.start, m.end, &m.text)?;
        }
    }
    for q in &record.quotes {
        check("quote", q.field, q.start, q.end, &q.text)?;
    }
    for d in &record.dates {
        check("date", d.field, d.start, d.end, &d.text)?;
    }
    for a in &record.amounts {
        check("amount", a.field, a.start, a.end, &a.text)?;
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(256),
        // Shrinking a failure re-runs the whole extractor many times; keep it bounded.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_offset_slices_its_field_to_the_mention_text(
        title in prop::option::of(text(12)),
        body in body(),
    ) {
        let article = Article {
            id: "prop".into(),
            title: title.clone(),
            body: Some(body.clone()),
            published_at: chrono::DateTime::parse_from_rfc3339("2025-11-20T09:00:00+01:00").ok(),
            ..Article::default()
        };
        let record = extractor().extract(&article);
        // A blank body falls back to the (absent) html: the body field is then empty.
        let field_body = if body.trim().is_empty() { "" } else { body.as_str() };
        // A blank title is not a title field.
        let field_title = title.as_deref().filter(|t| !t.trim().is_empty());
        check_offsets(&record, field_title, field_body)?;
        prop_assert!(serde_json::to_string(&record).is_ok());
    }

    #[test]
    fn arbitrary_unicode_never_breaks_an_offset(
        title in prop::option::of(".{0,40}"),
        body in ".{0,400}",
    ) {
        let article = Article {
            id: "prop-any".into(),
            title: title.clone(),
            body: Some(body.clone()),
            ..Article::default()
        };
        let record = extractor().extract(&article);
        let field_body = if body.trim().is_empty() { "" } else { body.as_str() };
        let field_title = title.as_deref().filter(|t| !t.trim().is_empty());
        check_offsets(&record, field_title, field_body)?;
    }
}
