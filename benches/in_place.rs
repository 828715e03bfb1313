//! Each stage's time inside the whole extractor, not alone: the stages run in order on the
//! example article, as `Extractor::extract` runs them, and each one's share is timed in
//! place. Alone (`cargo bench --bench stages`) a stage keeps its tables and branches warm
//! from one iteration to the next; in place, the other stages have evicted them, so most
//! stages take 1.5–2× their solo time, and the sum of solo times understates the whole.
//! This shows where the whole extractor's time actually goes.
//!
//! `cargo bench --bench in_place` (prints microseconds per stage; no criterion statistics:
//! one run of 3,000 articles after 500 of warm-up, wall time on an otherwise idle machine).
//! `cargo bench --bench in_place -- --after-other-news` runs the other shipped articles
//! through the whole extractor (untimed) before each run of the example, as
//! `example_article_after_other_news` in `cargo bench --bench extract` does, to show which
//! stages pay for the state that other news leaves in the core.
//! `cargo bench --bench in_place -- --flush-caches` instead writes 8 MiB of other memory
//! (more than the core's L1 and L2 caches hold) before each run: the stages' data and code
//! come back from L3, but the branch predictors keep the example's history. The two runs
//! together tell cache misses from mispredicted branches.

// The allocator and the example article; this bench times laps, not whole iterations, so
// it has no use for the CPU-time helper.
#[allow(dead_code)]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use news_enricher::article::Article;
use news_enricher::extract::doc::Doc;
use news_enricher::extract::ner::Model;
use news_enricher::extract::{
    Extractor, amounts, dates, entities, fingerprint, keywords, language, places, quotes,
    record_id, roles, stats, summary, tone,
};

const WARM_UP: usize = 500;
const RUNS: usize = 3_000;
const STAGES: [&str; 15] = [
    "text layer",
    "ner",
    "entities",
    "roles",
    "places",
    "language",
    "quotes",
    "dates",
    "amounts",
    "keywords",
    "tone",
    "summary",
    "fingerprint",
    "stats",
    "record id",
];

fn main() {
    let article = common::example_article();
    let body = article.body.clone().unwrap_or_default();
    let title = article.title.clone();
    let model = Model::embedded().expect("the embedded model parses");
    places::preload();
    let after_others = std::env::args().any(|a| a == "--after-other-news");
    let extractor = Extractor::load().expect("embedded models load");
    let others: Vec<Article> = if after_others {
        include_str!("../examples/articles.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("examples/articles.jsonl is valid"))
            .filter(|a: &Article| a.title != article.title)
            .collect()
    } else {
        Vec::new()
    };

    // Written one byte a cache line before each run with `--flush-caches`.
    let mut flush = std::env::args()
        .any(|a| a == "--flush-caches")
        .then(|| vec![0u8; 8 << 20]);
    let mut spent = [Duration::ZERO; STAGES.len()];
    for run in 0..WARM_UP + RUNS {
        for other in &others {
            black_box(extractor.extract(black_box(other)));
        }
        if let Some(junk) = flush.as_mut() {
            for (i, b) in junk.iter_mut().enumerate().step_by(64) {
                *b = b.wrapping_add(i as u8);
            }
            black_box(&junk);
        }
        let mut lap = Lap {
            at: Instant::now(),
            stage: 0,
            spent: (run >= WARM_UP).then_some(&mut spent),
        };
        let doc = Doc::new(title.as_deref(), &body, article.published_at);
        lap.next();
        let mentions = model.tag_doc(&doc);
        lap.next();
        let mut drafts = entities::cluster(&doc, mentions);
        lap.next();
        roles::assign(&doc, &mut drafts);
        lap.next();
        places::resolve(&doc, &mut drafts);
        lap.next();
        let language = language::detect(&doc, None);
        lap.next();
        let quotes = quotes::find(&doc, &drafts, true);
        lap.next();
        let dates = dates::find(&doc);
        lap.next();
        let amounts = amounts::find(&doc);
        lap.next();
        let keywords = keywords::extract(&doc, &drafts);
        lap.next();
        let tone = tone::score(&doc, quotes.iter().map(|(q, _)| q));
        lap.next();
        let summary = summary::pick(&doc);
        lap.next();
        let fingerprint = fingerprint::compute(&doc);
        lap.next();
        let stats = stats::compute(&doc);
        lap.next();
        let id = record_id(&article);
        lap.next();
        black_box((
            language,
            quotes,
            dates,
            amounts,
            keywords,
            tone,
            summary,
            fingerprint,
            stats,
            id,
            drafts,
        ));
    }
    let per_run = |d: Duration| d.as_secs_f64() * 1e6 / RUNS as f64;
    for (name, d) in STAGES.iter().zip(spent) {
        println!("{name:<12} {:7.1} µs", per_run(d));
    }
    let total: Duration = spent.iter().sum();
    println!("{:<12} {:7.1} µs", "all stages", per_run(total));
}

/// Charges the time since the previous lap to the next stage.
struct Lap<'a> {
    at: Instant,
    stage: usize,
    /// `None` during warm-up.
    spent: Option<&'a mut [Duration; STAGES.len()]>,
}

impl Lap<'_> {
    fn next(&mut self) {
        let now = Instant::now();
        if let Some(spent) = self.spent.as_deref_mut() {
            spent[self.stage] += now - self.at;
        }
        self.stage += 1;
        self.at = now;
    }
}
