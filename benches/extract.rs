//! The whole extractor on real articles: the example article (the issue's ≤ 0.3 ms bar) and
//! articles of about 300, 1,000 and 5,000 words built from the shipped examples.
//!
//! `example_article` runs the one article over and over, so every cache and branch
//! predictor of the core is trained on it; `example_article_after_other_news` runs the
//! other shipped articles (untimed) before each timed run of the example, as a worker
//! meets it in a stream. The second is the figure a stream of real news gets closer to.
//!
//! Times are CPU time of the benchmarking thread (so a busy machine does not inflate them),
//! with the allocator the service binary uses (mimalloc).
//!
//! `cargo bench --bench extract`

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use news_enricher::article::Article;
use news_enricher::extract::Extractor;

const FEED: &str = include_str!("../examples/articles.jsonl");

/// Paragraphs of every shipped article with a plain-text body, in file order.
fn paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for line in FEED.lines().filter(|l| !l.trim().is_empty()) {
        let a: Article = serde_json::from_str(line).expect("examples/articles.jsonl is valid");
        if let Some(body) = a.body {
            out.extend(
                body.lines()
                    .filter(|p| !p.trim().is_empty())
                    .map(str::to_string),
            );
        }
    }
    out
}

/// An article of at least `words` words, cycling through the example paragraphs.
fn article_of(words: usize, paras: &[String]) -> Article {
    let mut body = String::new();
    let mut n = 0;
    for p in paras.iter().cycle() {
        if n >= words {
            break;
        }
        body.push_str(p);
        body.push('\n');
        n += p.split_whitespace().count();
    }
    Article {
        id: format!("bench-{words}"),
        title: Some("Talks resume as envoys meet in Geneva".into()),
        body: Some(body),
        ..Article::default()
    }
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::load().expect("embedded models load");
    let example = common::example_article();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Elements(1));
    g.bench_function("example_article", |b| {
        b.iter_custom(|iters| {
            common::cpu_time(iters, || {
                black_box(extractor.extract(black_box(&example)));
            })
        })
    });
    // The example as a worker meets it, in a stream of other news: the other shipped
    // articles go through the extractor first (untimed), so the caches and branch history
    // are theirs, not the example's.
    let others: Vec<Article> = FEED
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("examples/articles.jsonl is valid"))
        .filter(|a: &Article| a.title != example.title)
        .collect();
    g.bench_function("example_article_after_other_news", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                for other in &others {
                    black_box(extractor.extract(other));
                }
                spent += common::cpu_time(1, || {
                    black_box(extractor.extract(black_box(&example)));
                });
            }
            spent
        })
    });
    let paras = paragraphs();
    for words in [300, 1_000, 5_000] {
        let a = article_of(words, &paras);
        g.bench_function(format!("{words}_words"), |b| {
            b.iter_custom(|iters| {
                common::cpu_time(iters, || {
                    black_box(extractor.extract(black_box(&a)));
                })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
