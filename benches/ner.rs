//! NER throughput in tokens per second on one core: the example article's body repeated as
//! separate paragraphs (a long article), tagged by the shipped model. Also the text layer
//! alone, since every stage pays for it.
//!
//! `cargo bench --bench ner`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use news_enricher::article::Article;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::extract::text::TextLayer;
use news_enricher::record::Field;

fn long_body() -> (String, String) {
    let bytes = include_bytes!("../examples/ukraine-peace-talks.json");
    let article = Article::from_slice(bytes, 1 << 20).expect("the example is a valid article");
    let body = article.body.unwrap_or_default();
    let title = article.title.unwrap_or_default();
    (title, vec![body; 20].join("\n"))
}

fn bench(c: &mut Criterion) {
    let model = Model::embedded().expect("the embedded model parses");
    let (title, body) = long_body();
    let doc = Doc::new(Some(&title), &body, None);
    let tokens = doc.layers().map(|l| l.tokens.len()).sum::<usize>() as u64;

    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("tag_doc", |b| b.iter(|| model.tag_doc(black_box(&doc))));
    g.bench_function("text_layer", |b| {
        b.iter(|| TextLayer::new(Field::Body, black_box(&body)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
