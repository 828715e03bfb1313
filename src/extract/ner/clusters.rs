//! Brown word clusters (Brown et al., 1992): words that occur in similar contexts share a
//! path prefix in a binary tree, so a name the training data never showed ("Zaporizhzhia")
//! can still look like the place names it did. The table is `models/ner/clusters.tsv`,
//! derived by `scripts/build_word_clusters.py` from spacy-lookups-data 1.0.5 (MIT); see
//! `models/ner/README.md`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// `word<TAB>cluster`, one per line.
static TSV: &str = include_str!("../../../models/ner/clusters.tsv");

static TABLE: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut t = FxHashMap::with_capacity_and_hasher(200_000, Default::default());
    for line in TSV.lines() {
        if let Some((w, c)) = line.split_once('\t')
            && let Ok(c) = c.parse::<u32>()
        {
            t.insert(w, c);
        }
    }
    t
});

/// Parses the table now rather than on the first word tagged.
pub fn preload() {
    LazyLock::force(&TABLE);
}

/// The cluster of `word` as written, 0 when it has none.
pub fn of(word: &str) -> u32 {
    TABLE.get(word).copied().unwrap_or(0)
}

/// Path lengths of the cluster-prefix features: coarse to fine, as Ratinov & Roth (2009).
pub const PREFIXES: [u32; 4] = [4, 6, 10, 20];

/// The first `bits` steps of the path of `cluster` (read from its least significant bit),
/// tagged with the length so prefixes of different lengths never collide.
#[inline]
pub fn prefix(cluster: u32, bits: u32) -> u64 {
    let path = if 32 - cluster.leading_zeros() <= bits {
        cluster
    } else {
        cluster & ((1 << bits) - 1)
    };
    u64::from(path) | (u64::from(bits) << 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_words_share_clusters_and_prefixes() {
        assert_ne!(of("Tuesday"), 0);
        assert_eq!(of("Tuesday"), of("Monday"));
        assert_eq!(of("John"), of("David"));
        assert_eq!(prefix(of("France"), 6), prefix(of("Germany"), 6));
        assert_ne!(prefix(of("France"), 6), prefix(of("John"), 6));
        assert_eq!(of("no-such-word-anywhere"), 0);
    }
}
