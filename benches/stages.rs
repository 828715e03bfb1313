//! Each extractor stage alone on the example article, in CPU time of the benchmarking
//! thread: where the whole extractor's time goes, so optimisation starts where it pays.
//!
//! `cargo bench --bench stages`

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::extract::{
    amounts, dates, entities, fingerprint, keywords, language, places, quotes, roles, stats,
    summary, tone,
};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let article = common::example_article();
    let body = article.body.clone().unwrap_or_default();
    let title = article.title.clone();
    let model = Model::embedded().expect("the embedded model parses");
    places::preload();
    let doc = Doc::new(title.as_deref(), &body, article.published_at);
    let mentions = model.tag_doc(&doc);
    let mut drafts = entities::cluster(&doc, mentions.clone());
    roles::assign(&doc, &mut drafts);
    places::resolve(&doc, &mut drafts);

    let mut g = c.benchmark_group("stages");
    let mut stage = |name: &str, mut f: Box<dyn FnMut() + '_>| {
        g.bench_function(name, |b| {
            b.iter_custom(|iters| common::cpu_time(iters, &mut f))
        });
    };
    stage(
        "text_layer",
        Box::new(|| {
            black_box(Doc::new(title.as_deref(), &body, article.published_at));
        }),
    );
    stage("ner", Box::new(|| drop(black_box(model.tag_doc(&doc)))));
    stage(
        "entities",
        Box::new(|| drop(black_box(entities::cluster(&doc, mentions.clone())))),
    );
    stage(
        "roles",
        Box::new(|| {
            let mut d = drafts.clone();
            roles::assign(&doc, &mut d);
            black_box(d);
        }),
    );
    stage(
        "places",
        Box::new(|| {
            let mut d = drafts.clone();
            places::resolve(&doc, &mut d);
            black_box(d);
        }),
    );
    stage(
        "quotes",
        Box::new(|| drop(black_box(quotes::find(&doc, &drafts, true)))),
    );
    stage("dates", Box::new(|| drop(black_box(dates::find(&doc)))));
    stage("amounts", Box::new(|| drop(black_box(amounts::find(&doc)))));
    stage(
        "keywords",
        Box::new(|| drop(black_box(keywords::extract(&doc, &drafts)))),
    );
    stage(
        "tone",
        Box::new(|| {
            black_box(tone::score(&doc, &[]));
        }),
    );
    stage("summary", Box::new(|| drop(black_box(summary::pick(&doc)))));
    stage(
        "fingerprint",
        Box::new(|| drop(black_box(fingerprint::compute(&doc)))),
    );
    stage(
        "language",
        Box::new(|| drop(black_box(language::detect(&doc, None)))),
    );
    stage(
        "stats",
        Box::new(|| {
            black_box(stats::compute(&doc));
        }),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
