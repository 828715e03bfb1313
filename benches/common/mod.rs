//! What every bench shares: the service's allocator, and timing in CPU time of the
//! benchmarking thread, so a busy machine does not inflate the figures.

use std::time::Duration;

use cpu_time::ThreadTime;

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
