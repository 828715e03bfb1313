//! Content fingerprints for duplicate detection.

use sha2::{Digest, Sha256};

use super::doc::Doc;
use crate::record::Fingerprint;

/// SHA-256 over the normalised text (title and body, lowercased, whitespace collapsed), so
/// copies that differ only in spacing or case hash equal. (SimHash: the places/dates issue.)
pub fn compute(doc: &Doc<'_>) -> Fingerprint {
    let mut h = Sha256::new();
    for layer in doc.layers() {
        for word in layer.text.split_whitespace() {
            for ch in word.chars().flat_map(char::to_lowercase) {
                let mut buf = [0u8; 4];
                h.update(ch.encode_utf8(&mut buf).as_bytes());
            }
            h.update(b" ");
        }
        h.update(b"\n");
    }
    Fingerprint {
        sha256: h.finalize().iter().map(|b| format!("{b:02x}")).collect(),
        simhash: String::new(),
    }
}
