//! The whole extractor on arbitrary text as the body (lossily decoded, as any valid UTF-8
//! body could be): never panics, and every offset slices the body to the mention's text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use news_enricher::article::Article;
use news_enricher::extract::Extractor;
use news_enricher::record::Field;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::load().expect("embedded model loads"))
}

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "fuzz".into(),
        body: Some(body.clone()),
        ..Article::default()
    };
    let record = extractor().extract(&article);
    let chars: Vec<char> = if body.trim().is_empty() {
        Vec::new()
    } else {
        body.chars().collect()
    };
    let check = |field: Field, start: usize, end: usize, text: &str| {
        assert_eq!(field, Field::Body);
        assert!(
            start <= end && end <= chars.len(),
            "{start}..{end} of {}",
            chars.len()
        );
        assert_eq!(chars[start..end].iter().collect::<String>(), text);
    };
    for e in &record.entities {
        for m in &e.mentions {
            check(m.field, m.start, m.end, &m.text);
        }
    }
    for q in &record.quotes {
        check(q.field, q.start, q.end, &q.text);
    }
    for d in &record.dates {
        check(d.field, d.start, d.end, &d.text);
    }
    for a in &record.amounts {
        check(a.field, a.start, a.end, &a.text);
    }
    serde_json::to_vec(&record).expect("record serialises");
});
