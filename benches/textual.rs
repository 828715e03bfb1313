//! Speed of the textual stages (keywords, tone, summary, fingerprint), of HTML main-text
//! extraction and of the whole extractor, on the example article and the HTML fixture.
//!
//! `cargo bench --bench textual`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use news_enricher::article::Article;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::{Extractor, fingerprint, html, keywords, summary, tone};

const EXAMPLE: &str = include_str!("../examples/ukraine-peace-talks.json");
const PAGE: &str = include_str!("../tests/fixtures/html/harbour-flood-barrier.html");

fn textual(c: &mut Criterion) {
    let v: serde_json::Value = serde_json::from_str(EXAMPLE).expect("example article is JSON");
    let title = v["title"].as_str();
    let body = v["body"].as_str().unwrap_or_default();
    let doc = Doc::new(title, body, None);

    c.bench_function("keywords", |b| {
        b.iter(|| keywords::extract(black_box(&doc), &[]))
    });
    c.bench_function("tone", |b| b.iter(|| tone::score(black_box(&doc), &[])));
    c.bench_function("summary", |b| b.iter(|| summary::pick(black_box(&doc))));
    c.bench_function("fingerprint", |b| {
        b.iter(|| fingerprint::compute(black_box(&doc)))
    });
    c.bench_function("textual_all", |b| {
        b.iter(|| {
            let d = black_box(&doc);
            (
                keywords::extract(d, &[]),
                tone::score(d, &[]),
                summary::pick(d),
                fingerprint::compute(d),
            )
        })
    });
    c.bench_function("html_main_text", |b| {
        b.iter(|| html::main_text(black_box(PAGE)))
    });

    let extractor = Extractor::load().expect("embedded models load");
    let article: Article =
        Article::from_slice(EXAMPLE.as_bytes(), 1 << 20).expect("example article is valid");
    c.bench_function("extract_example", |b| {
        b.iter(|| extractor.extract(black_box(&article)))
    });
}

criterion_group!(benches, textual);
criterion_main!(benches);
