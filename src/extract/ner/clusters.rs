//! Brown word clusters (Brown et al., 1992): words that occur in similar contexts share a
//! path prefix in a binary tree, so a name the training data never showed ("Zaporizhzhia")
//! can still look like the place names it did. The table is `models/ner/clusters.tsv`,
//! derived by `scripts/build_word_clusters.py` from spacy-lookups-data 1.0.5 (MIT); see
//! `models/ner/README.md`.

use std::sync::LazyLock;

use super::hash::str_hash;

/// `word<TAB>cluster`, one per line.
static TSV: &str = include_str!("../../../models/ner/clusters.tsv");

/// The words' clusters keyed by the FNV-1a hash of the word ([`str_hash`]), which the
/// tagger has already computed for most tokens, so a lookup neither hashes nor compares the
/// word again. Open addressing with linear probing; a slot is the key's high 32 bits (never
/// 0: 0 marks an empty slot) over the cluster. Eight bytes a word, no pointer to chase:
/// the table is a fifth of a string-keyed map's size, and a lookup touches one cache line.
/// Two different words are confused only when 32 bits of their hashes and their slot chain
/// agree, about one lookup in 10¹⁰.
struct Table {
    slots: Vec<u64>,
    mask: usize,
}

impl Table {
    fn parse(tsv: &str) -> Table {
        let n = tsv.lines().count();
        // Load factor at most 0.75; probe runs stay within a cache line or two.
        let cap = (n + n / 3 + 1).next_power_of_two().max(16);
        let mut t = Table {
            slots: vec![0; cap],
            mask: cap - 1,
        };
        for line in tsv.lines() {
            if let Some((w, c)) = line.split_once('\t')
                && let Ok(c) = c.parse::<u32>()
            {
                t.insert(str_hash(w), c);
            }
        }
        t
    }

    #[inline]
    fn fingerprint(hash: u64) -> u64 {
        (hash >> 32 | 1) << 32
    }

    fn insert(&mut self, hash: u64, cluster: u32) {
        let fp = Self::fingerprint(hash);
        let mut i = (hash as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 || s & !0xffff_ffff == fp {
                // A repeated word takes its last cluster, as a map would.
                self.slots[i] = fp | u64::from(cluster);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, hash: u64) -> u32 {
        let fp = Self::fingerprint(hash);
        let mut i = (hash as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s & !0xffff_ffff == fp {
                return s as u32;
            }
            if s == 0 {
                return 0;
            }
            i = (i + 1) & self.mask;
        }
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::parse(TSV));

/// Parses the table now rather than on the first word tagged.
pub fn preload() {
    LazyLock::force(&TABLE);
}

/// The cluster of `word` as written, 0 when it has none.
pub fn of(word: &str) -> u32 {
    of_hash(str_hash(word))
}

/// The cluster of the word whose [`str_hash`] is `hash`, 0 when it has none.
#[inline]
pub fn of_hash(hash: u64) -> u32 {
    TABLE.get(hash)
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
        assert_eq!(of_hash(str_hash("Monday")), of("Tuesday"));
    }
}
