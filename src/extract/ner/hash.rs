//! Allocation-free hashing of token forms into the 64-bit feature keys the model is indexed
//! by. Keys are stable across platforms and runs (the model file stores them), so only fixed
//! arithmetic is used here, never `std`'s randomly seeded hasher.

/// FNV-1a offset basis: the hash of the empty string.
pub const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds one char's UTF-8 bytes into a running FNV-1a hash.
#[inline]
pub fn push_char(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return (h ^ c as u64).wrapping_mul(PRIME);
    }
    let mut buf = [0u8; 4];
    push_bytes(h, c.encode_utf8(&mut buf).as_bytes())
}

/// Feeds bytes into a running FNV-1a hash.
#[inline]
pub fn push_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    h
}

/// Hash of a whole string.
#[inline]
pub fn str_hash(s: &str) -> u64 {
    push_bytes(EMPTY, s.as_bytes())
}

/// SplitMix64 finaliser: spreads every input bit over the key, so the low bits can index an
/// open-addressing table directly.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes, order-sensitively.
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The key of a feature: a template id and one value. Never 0 (0 marks an empty slot).
#[inline]
pub fn key1(template: u8, a: u64) -> u64 {
    mix(a ^ (u64::from(template) << 56) ^ 0x5851_f42d_4c95_7f2d) | 1
}

/// The key of a feature: a template id and two values.
#[inline]
pub fn key2(template: u8, a: u64, b: u64) -> u64 {
    key1(template, combine(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_order_sensitive() {
        // Model files store these keys: a change here silently breaks every shipped model.
        assert_eq!(str_hash(""), EMPTY);
        assert_eq!(str_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(key2(1, 2, 3), key2(1, 3, 2));
        assert_ne!(key1(1, 5), key1(2, 5));
        assert_eq!(push_char(EMPTY, 'é'), str_hash("é"));
    }
}
