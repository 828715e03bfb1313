//! NER throughput in tokens per CPU-second of one thread (so the figure means "per core"
//! even on a busy machine): the example article, title and body, tagged by the shipped
//! model. Also the text layer alone, since every stage pays for it.
//!
//! `cargo bench --bench ner`; criterion's `thrpt` line is tokens per CPU-second.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use news_enricher::article::Article;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::extract::text::TextLayer;
use news_enricher::record::Field;

fn bench(c: &mut Criterion) {
    let model = Model::embedded().expect("the embedded model parses");
    let bytes = include_bytes!("../examples/ukraine-peace-talks.json");
    let article = Article::from_slice(bytes, 1 << 20).expect("the example is a valid article");
    let body = article.body.clone().unwrap_or_default();
    let doc = Doc::new(article.title.as_deref(), &body, None);
    let tokens = doc.layers().map(|l| l.tokens.len()).sum::<usize>() as u64;

    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("tag_doc", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                black_box(model.tag_doc(black_box(&doc)));
            })
        })
    });
    g.bench_function("text_layer", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                black_box(TextLayer::new(Field::Body, black_box(&body)));
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
