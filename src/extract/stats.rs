//! Article size statistics.

use super::doc::Doc;
use crate::record::Stats;

/// Silent reading speed used for `reading_time_seconds` (words per minute); 238 is the mean
/// found for English non-fiction (Brysbaert 2019).
const WORDS_PER_MINUTE: usize = 238;

pub fn compute(doc: &Doc<'_>) -> Stats {
    let words = doc.body.word_count();
    Stats {
        words,
        sentences: doc.body.sentences.len(),
        paragraphs: doc.body.paragraphs.len(),
        reading_time_seconds: (words * 60).div_ceil(WORDS_PER_MINUTE) as u64,
    }
}
