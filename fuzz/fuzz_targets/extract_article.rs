//! The whole extractor on arbitrary structured articles (title, body, html, dates, language
//! hint): never panics and always yields a record that serialises.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use news_enricher::article::Article;
use news_enricher::extract::Extractor;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::load().expect("embedded model loads"))
}

#[derive(Debug, Arbitrary)]
struct Input {
    id: String,
    title: Option<String>,
    body: Option<String>,
    html: Option<String>,
    /// Seconds since the epoch and a UTC offset in minutes, bounded to what chrono accepts.
    published_at: Option<(i32, i16)>,
    language: Option<String>,
}

fuzz_target!(|input: Input| {
    let published_at = input.published_at.and_then(|(secs, offset_min)| {
        let offset = chrono::FixedOffset::east_opt(i32::from(offset_min % 1440) * 60)?;
        chrono::DateTime::from_timestamp(i64::from(secs), 0).map(|d| d.with_timezone(&offset))
    });
    let article = Article {
        id: input.id,
        title: input.title,
        body: input.body,
        html: input.html,
        published_at,
        language: input.language,
        ..Article::default()
    };
    let record = extractor().extract(&article);
    serde_json::to_vec(&record).expect("record serialises");
});
