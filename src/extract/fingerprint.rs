//! Content fingerprints for duplicate detection: an exact one (SHA-256 of the normalised
//! text) and a near-duplicate one (64-bit SimHash over word shingles), so consumers can
//! spot the same wire story republished with a new headline or a trimmed paragraph.
//!
//! ```
//! use news_enricher::extract::{doc::Doc, fingerprint};
//! let a = fingerprint::compute(&Doc::new(Some("Old title"), "Talks resumed in Geneva on Monday after a pause of two weeks.", None));
//! let b = fingerprint::compute(&Doc::new(Some("New title"), "Talks resumed in Geneva on Monday after a pause of two weeks.", None));
//! assert_eq!(fingerprint::hamming(&a.simhash, &b.simhash), Some(0));
//! ```

use sha2::{Digest, Sha256};

use super::doc::Doc;
use crate::record::Fingerprint;

/// Words per shingle: three keeps word order (two articles with the same vocabulary are not
/// copies) while one edited word disturbs only three shingles.
const SHINGLE: usize = 3;

/// Both fingerprints of an article.
///
/// `sha256` covers title and body, lowercased, whitespace collapsed, so copies that differ
/// only in spacing or case hash equal. `simhash` covers the body only (the title when there
/// is no body): syndication rewrites headlines far more often than stories.
pub fn compute(doc: &Doc<'_>) -> Fingerprint {
    // One buffer, one hash update: feeding the hasher char by char costs more than the
    // rest of the fingerprint.
    let mut normalised = String::with_capacity(doc.layers().map(|l| l.text.len() + 1).sum());
    for layer in doc.layers() {
        for word in layer.text.split_whitespace() {
            if word.is_ascii() {
                normalised.push_str(word);
            } else {
                normalised.extend(word.chars().flat_map(char::to_lowercase));
            }
            normalised.push(' ');
        }
        normalised.push('\n');
    }
    // ASCII words were copied as they are: lowercase them in one pass (it leaves the
    // already lowercased non-ASCII words alone).
    normalised.make_ascii_lowercase();
    let digest = Sha256::digest(normalised.as_bytes());
    Fingerprint {
        sha256: hex(&digest),
        simhash: format!("{:016x}", simhash(doc)),
    }
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

/// The 64-bit SimHash of the article's body (its title when the body has no words).
pub fn simhash(doc: &Doc<'_>) -> u64 {
    let body = simhash_text(doc.body.text);
    match (&doc.title, body) {
        (Some(title), None) => simhash_text(title.text).unwrap_or(0),
        (_, body) => body.unwrap_or(0),
    }
}

/// SimHash of `text` over shingles of [`SHINGLE`] lowercased words (single words when the
/// text is shorter); `None` when the text has no words.
///
/// Every shingle hashes to 64 bits; each bit votes +1 or -1; the sign of the sum is the
/// fingerprint's bit. Texts sharing most shingles share most votes and so most bits: the
/// expected share of differing bits is the angle between the shingle vectors over pi.
pub fn simhash_text(text: &str) -> Option<u64> {
    let words: Vec<u64> = normalised_words(text).collect();
    if words.is_empty() {
        return None;
    }
    let width = SHINGLE.min(words.len());
    // Counting set bits per position is the same vote as +1/-1: a bit wins when it is set
    // in more than half of the shingles. Eight byte-wide counters per u64 count eight bit
    // positions at once (lane j, byte k counts bit 8k + j), flushed before a byte can
    // overflow.
    let mut ones = [0u32; 64];
    let mut lanes = [0u64; 8];
    let mut pending = 0u32;
    let mut shingles = 0u32;
    let flush = |lanes: &mut [u64; 8], ones: &mut [u32; 64]| {
        for (j, lane) in lanes.iter_mut().enumerate() {
            for k in 0..8 {
                ones[8 * k + j] += u32::from((*lane >> (8 * k)) as u8);
            }
            *lane = 0;
        }
    };
    for window in words.windows(width) {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for w in window {
            h = mix(h ^ w);
        }
        for (j, lane) in lanes.iter_mut().enumerate() {
            *lane += (h >> j) & 0x0101_0101_0101_0101;
        }
        shingles += 1;
        pending += 1;
        if pending == 255 {
            flush(&mut lanes, &mut ones);
            pending = 0;
        }
    }
    flush(&mut lanes, &mut ones);
    Some(
        ones.iter()
            .enumerate()
            .filter(|(_, c)| **c * 2 > shingles)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

/// Number of differing bits between two SimHashes as the record writes them (16 hex
/// digits): 0 for copies, a few for near-copies, about 32 for unrelated articles.
/// `None` when either is not a 64-bit hex number.
pub fn hamming(a: &str, b: &str) -> Option<u32> {
    let a = u64::from_str_radix(a, 16).ok()?;
    let b = u64::from_str_radix(b, 16).ok()?;
    Some((a ^ b).count_ones())
}

/// Each word of `text` (a run of letters and digits), lowercased, hashed to 64 bits with
/// FNV-1a: a fixed function, so fingerprints stay comparable across builds and releases
/// (std's hasher makes no such promise).
fn normalised_words(text: &str) -> impl Iterator<Item = u64> + '_ {
    // ASCII text (most English news) is split and lowercased byte by byte; other text goes
    // through the Unicode tables. Both give the same hashes for the same words.
    let ascii = text.is_ascii();
    text.split(move |c: char| {
        if ascii {
            !c.is_ascii_alphanumeric()
        } else {
            !c.is_alphanumeric()
        }
    })
    .filter(|w| !w.is_empty())
    .map(|w| {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        let mut eat = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        if w.is_ascii() {
            w.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
        } else {
            for ch in w.chars().flat_map(char::to_lowercase) {
                let mut buf = [0u8; 4];
                ch.encode_utf8(&mut buf).bytes().for_each(&mut eat);
            }
        }
        h
    })
}

/// splitmix64's finaliser: spreads every input bit over all output bits, so shingle hashes
/// vote independently on each SimHash bit.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simhash_is_sixteen_hex_digits_and_stable() {
        let doc = Doc::new(None, "One two three four five.", None);
        let fp = compute(&doc);
        assert_eq!(fp.simhash.len(), 16);
        assert_eq!(fp.simhash, compute(&doc).simhash);
        assert_eq!(fp.sha256.len(), 64);
    }

    #[test]
    fn case_spacing_and_punctuation_do_not_change_the_simhash() {
        let a = simhash_text("The talks resumed, on Monday.");
        let b = simhash_text("the   TALKS resumed on monday");
        assert_eq!(a, b);
    }

    #[test]
    fn empty_text_has_no_simhash_and_falls_back_to_the_title() {
        assert_eq!(simhash_text("  ...  "), None);
        let doc = Doc::new(Some("Only a headline here"), "", None);
        assert_eq!(Some(simhash(&doc)), simhash_text("Only a headline here"));
    }

    #[test]
    fn votes_survive_more_shingles_than_a_byte_counts() {
        // 600 distinct shingles: the packed counters flush twice; the result must match a
        // plain per-bit count.
        let text: String = (0..602).map(|i| format!("w{i} ")).collect();
        let words: Vec<u64> = normalised_words(&text).collect();
        let mut ones = [0u32; 64];
        let mut n = 0;
        for window in words.windows(SHINGLE) {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for w in window {
                h = mix(h ^ w);
            }
            for (bit, c) in ones.iter_mut().enumerate() {
                *c += u32::from(h >> bit & 1 == 1);
            }
            n += 1;
        }
        let want = ones
            .iter()
            .enumerate()
            .filter(|(_, c)| **c * 2 > n)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit);
        assert_eq!(simhash_text(&text), Some(want));
    }

    #[test]
    fn hamming_counts_differing_bits_and_rejects_non_hex() {
        assert_eq!(hamming("0000000000000000", "000000000000000f"), Some(4));
        assert_eq!(hamming("ffffffffffffffff", "0000000000000000"), Some(64));
        assert_eq!(hamming("xyz", "0000000000000000"), None);
    }
}
