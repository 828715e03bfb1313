//! What every bench shares: the service's allocator, timing in CPU time of the
//! benchmarking thread (so a busy machine does not inflate the figures), and the example
//! article the issues' 0.3 ms bar is about.

use std::time::Duration;

use cpu_time::ThreadTime;
use news_enricher::article::Article;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs `f` `iters` times and returns the CPU time this thread spent.
pub fn cpu_time(iters: u64, mut f: impl FnMut()) -> Duration {
    let start = ThreadTime::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed()
}

/// The example article, with the `published_at` the issues measure it with. Not every
/// bench that shares this module runs it.
#[allow(dead_code)]
pub fn example_article() -> Article {
    let bytes = include_bytes!("../../examples/ukraine-peace-talks.json");
    let mut article = Article::from_slice(bytes, 1 << 20).expect("the example is valid");
    article.published_at = "2025-12-25T18:00:00Z".parse().ok();
    article
}
