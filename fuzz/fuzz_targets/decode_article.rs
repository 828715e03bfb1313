//! The decoder on arbitrary bytes: it either returns an article that passed validation or an
//! error with a known kind, and never panics or overflows the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use news_enricher::article::{Article, MAX_ID_CHARS};

const KINDS: &[&str] = &[
    "too_large",
    "invalid_utf8",
    "invalid_json",
    "not_object",
    "schema",
];

fuzz_target!(|data: &[u8]| {
    match Article::from_slice(data, 64 * 1024) {
        Ok(a) => {
            assert!(!a.id.trim().is_empty() && a.id.chars().count() <= MAX_ID_CHARS);
            assert!(
                a.body.as_deref().is_some_and(|b| !b.trim().is_empty())
                    || a.html.as_deref().is_some_and(|h| !h.trim().is_empty())
            );
        }
        Err(e) => assert!(KINDS.contains(&e.kind()), "unknown kind {}", e.kind()),
    }
});
