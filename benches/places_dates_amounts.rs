//! The places, dates and amounts stages on the example article (with the issue's
//! publication time, so relative dates resolve), each alone and the three together, with the
//! entities the shipped NER model finds. The budget: well under 60 µs together.
//!
//! `cargo bench --bench places_dates_amounts`

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use news_enricher::article::Article;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::extract::{amounts, dates, entities, places};

fn bench(c: &mut Criterion) {
    let bytes = include_bytes!("../examples/ukraine-peace-talks.json");
    let mut article = Article::from_slice(bytes, 1 << 20).expect("the example is a valid article");
    article.published_at =
        Some(chrono::DateTime::parse_from_rfc3339("2025-12-25T18:00:00Z").expect("valid time"));
    let body = article.body.clone().unwrap_or_default();
    let doc = Doc::new(article.title.as_deref(), &body, article.published_at);
    let model = Model::embedded().expect("the embedded model parses");
    let drafts = entities::cluster(&doc, model.tag_doc(&doc));
    places::preload();

    let mut g = c.benchmark_group("example_article");
    g.bench_function("places_resolve", |b| {
        b.iter_batched_ref(
            || drafts.clone(),
            |d| places::resolve(black_box(&doc), d),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("dates_find", |b| b.iter(|| dates::find(black_box(&doc))));
    g.bench_function("amounts_find", |b| {
        b.iter(|| amounts::find(black_box(&doc)))
    });
    g.bench_function("all_three", |b| {
        b.iter_batched_ref(
            || drafts.clone(),
            |d| {
                places::resolve(black_box(&doc), d);
                (dates::find(&doc), amounts::find(&doc))
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
