//! What the model knows about one token on its own: its forms (exact, lowercase), its shape,
//! its capitalisation and its affixes, all as hashes computed without allocating.

use super::hash::{self, EMPTY, push_char};

/// How a token is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Case {
    /// No uppercase letter: `talks`.
    Lower = 0,
    /// Uppercase first, some lowercase after: `Kyiv`, `McDonald`.
    Capitalised = 1,
    /// Letters, all uppercase: `NATO`, `U.S.`.
    AllCaps = 2,
    /// Lowercase first with an uppercase later: `iPhone`.
    Mixed = 3,
    /// No letters: numbers and punctuation.
    NoLetters = 4,
}

/// Lexical properties of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lex {
    /// Lowercase form, typographic quotes folded, digits as `0`.
    pub lower: u64,
    /// Exact form, typographic quotes folded, digits as `0`.
    pub exact: u64,
    /// Char classes (`X`, `x`, `d`, punctuation itself), runs collapsed: `Xx`, `X.X.`, `d-d`.
    pub shape: u64,
    /// The shape with case erased (`a` for any letter), for text whose case says nothing.
    pub neutral: u64,
    pub case: Case,
    /// Hashes of the lowercase first 1..=4 chars.
    pub prefix: [u64; 4],
    /// Hashes of the lowercase last 1..=4 chars.
    pub suffix: [u64; 4],
    /// Char count, capped at 255.
    pub chars: u8,
    /// Has a digit.
    pub digit: bool,
    /// Has a letter.
    pub alpha: bool,
    /// Lowercase hashes of the parts before the first and after the last hyphen of a
    /// hyphenated word (`Ontario-based`, `pro-Moscow`), whose parts are often names.
    pub hyphen: Option<(u64, u64)>,
    /// For short all-caps words, with or without periods (`US`, `U.S.`, `NATO`): the
    /// letters alone, so `US` shares what was learnt about `U.S.`.
    pub acronym: Option<u64>,
    /// Brown cluster ([`super::clusters`]) of the form as written, else of its lowercase
    /// form; 0 for neither.
    pub cluster: u32,
    /// The same, lowercase form first: for text whose case says nothing.
    pub cluster_caseless: u32,
}

#[inline]
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2014}' | '\u{2212}' => '-',
        c if c.is_numeric() => '0',
        c => c,
    }
}

#[inline]
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The lowercase-form hash of a token (the same value as [`Lex::lower`]); gazetteer phrases
/// are matched with it.
pub fn lower_hash(token: &str) -> u64 {
    token
        .chars()
        .fold(EMPTY, |h, c| push_char(h, lower_char(fold(c))))
}

/// One FNV-1a step over an ASCII byte: [`push_char`] of that char.
#[inline]
fn push_ascii(h: u64, b: u8) -> u64 {
    hash::push_bytes(h, &[b])
}

/// The hash of a token's capitals when it is an acronym ("NATO", "U.S.": two to five ASCII
/// capitals, and periods), the same on the ASCII and the Unicode path.
fn acronym_hash(token: &[u8], capitals: usize) -> Option<u64> {
    ((2..=5).contains(&capitals) && token.iter().all(|&b| b.is_ascii_uppercase() || b == b'.'))
        .then(|| {
            token
                .iter()
                .filter(|b| b.is_ascii_uppercase())
                .fold(hash::push_bytes(EMPTY, b"^"), |h, &b| push_ascii(h, b))
        })
}

/// [`lower_hash`] of an ASCII token.
fn lower_hash_ascii(token: &[u8]) -> u64 {
    token.iter().fold(EMPTY, |h, &b| {
        push_ascii(h, fold_ascii(b).to_ascii_lowercase())
    })
}

/// [`fold`] of an ASCII char: only digits change.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    if b.is_ascii_digit() { b'0' } else { b }
}

impl Lex {
    /// Analyses one token.
    pub fn of(token: &str) -> Self {
        let ascii = token.is_ascii();
        let mut lex = if ascii {
            Self::of_ascii(token.as_bytes())
        } else {
            Self::of_unicode(token)
        };
        // The cluster table is keyed by the hash of the word as written. An ASCII token
        // without digits has that hash already: its exact and lowercase form hashes fold
        // nothing else.
        let plain = ascii && !lex.digit;
        let exact = super::clusters::of_hash(if plain {
            lex.exact
        } else {
            hash::str_hash(token)
        });
        let lower = match lex.case {
            Case::Lower | Case::NoLetters => exact,
            _ if plain => super::clusters::of_hash(lex.lower),
            _ => super::clusters::of(&token.to_lowercase()),
        };
        lex.cluster = if exact != 0 { exact } else { lower };
        lex.cluster_caseless = if lower != 0 { lower } else { exact };
        lex
    }

    /// [`Lex::of`] for ASCII tokens (nearly all of English news), byte by byte: the same
    /// values without Unicode case tables. The tests check the two paths agree.
    fn of_ascii(token: &[u8]) -> Self {
        let mut lower = EMPTY;
        let mut exact = EMPTY;
        let mut shape = EMPTY;
        let mut neutral = EMPTY;
        let mut last_class = 0u8;
        let mut last_neutral = 0u8;
        let mut prefix = [EMPTY; 4];
        let (mut upper, mut lowercase, mut digit) = (0usize, 0usize, false);
        // The class of the first letter: b'X', b'x' or 0 before any.
        let mut first_letter = 0u8;
        for (n, &c) in token.iter().enumerate() {
            let f = fold_ascii(c);
            let l = f.to_ascii_lowercase();
            lower = push_ascii(lower, l);
            exact = push_ascii(exact, f);
            let class = match c {
                b'A'..=b'Z' => {
                    upper += 1;
                    b'X'
                }
                b'a'..=b'z' => {
                    lowercase += 1;
                    b'x'
                }
                b'0'..=b'9' => {
                    digit = true;
                    b'd'
                }
                _ => f,
            };
            let letter = class == b'X' || class == b'x';
            if letter && first_letter == 0 {
                first_letter = class;
            }
            if class != last_class {
                shape = push_ascii(shape, class);
                last_class = class;
            }
            let nclass = if letter { b'a' } else { class };
            if nclass != last_neutral {
                neutral = push_ascii(neutral, nclass);
                last_neutral = nclass;
            }
            if n < 4 {
                prefix[n] = push_ascii(if n == 0 { EMPTY } else { prefix[n - 1] }, l);
            }
        }
        let n = token.len();
        for k in n.min(4)..4 {
            prefix[k] = prefix[k.saturating_sub(1)];
        }
        let tail = &token[n.saturating_sub(4)..];
        let mut suffix = [EMPTY; 4];
        for (len, s) in suffix.iter_mut().enumerate() {
            let len = (len + 1).min(tail.len());
            *s = tail[tail.len() - len..]
                .iter()
                .fold(hash::push_bytes(EMPTY, b"~"), |h, &c| {
                    push_ascii(h, fold_ascii(c).to_ascii_lowercase())
                });
        }
        let case = if upper == 0 && lowercase == 0 {
            Case::NoLetters
        } else if upper == 0 {
            Case::Lower
        } else if lowercase == 0 {
            Case::AllCaps
        } else if first_letter == b'x' {
            Case::Mixed
        } else {
            Case::Capitalised
        };
        let hyphen = match (
            token.iter().position(|&b| b == b'-'),
            token.iter().rposition(|&b| b == b'-'),
        ) {
            (Some(a), Some(b)) if a > 0 && b + 1 < n => Some((
                lower_hash_ascii(&token[..a]),
                lower_hash_ascii(&token[b + 1..]),
            )),
            _ => None,
        };
        let acronym = acronym_hash(token, upper);
        Lex {
            acronym,
            cluster: 0,
            cluster_caseless: 0,
            hyphen,
            lower,
            exact,
            shape,
            neutral,
            case,
            prefix,
            suffix,
            chars: u8::try_from(n).unwrap_or(u8::MAX),
            digit,
            alpha: upper + lowercase > 0,
        }
    }

    /// [`Lex::of`] for any token.
    fn of_unicode(token: &str) -> Self {
        let mut lower = EMPTY;
        let mut exact = EMPTY;
        let mut shape = EMPTY;
        let mut neutral = EMPTY;
        let mut last_class = '\0';
        let mut last_neutral = '\0';
        let mut prefix = [EMPTY; 4];
        let mut n = 0usize;
        let (mut upper, mut lowercase, mut digit) = (0usize, 0usize, false);
        let mut first_upper = false;
        let mut first_letter_seen = false;
        let mut first_lower = false;
        for c in token.chars() {
            let f = fold(c);
            let l = lower_char(f);
            lower = push_char(lower, l);
            exact = push_char(exact, f);
            let class = if c.is_uppercase() {
                upper += 1;
                'X'
            } else if c.is_lowercase() || c.is_alphabetic() {
                lowercase += 1;
                'x'
            } else if c.is_numeric() {
                digit = true;
                'd'
            } else {
                f
            };
            if (class == 'X' || class == 'x') && !first_letter_seen {
                first_upper = class == 'X';
                first_lower = class == 'x';
                first_letter_seen = true;
            }
            if class != last_class {
                shape = push_char(shape, class);
                last_class = class;
            }
            let nclass = if class == 'X' || class == 'x' {
                'a'
            } else {
                class
            };
            if nclass != last_neutral {
                neutral = push_char(neutral, nclass);
                last_neutral = nclass;
            }
            if n < 4 {
                prefix[n] = push_char(if n == 0 { EMPTY } else { prefix[n - 1] }, l);
            }
            n += 1;
        }
        for k in n.min(4)..4 {
            prefix[k] = prefix[k.saturating_sub(1)];
        }
        // Suffixes: the last up-to-4 chars, hashed in reading order.
        let mut tail = ['\0'; 4];
        let mut t = 0;
        for c in token.chars().rev().take(4) {
            tail[t] = lower_char(fold(c));
            t += 1;
        }
        let mut suffix = [EMPTY; 4];
        for (len, s) in suffix.iter_mut().enumerate() {
            let len = (len + 1).min(t);
            *s = tail[..len]
                .iter()
                .rev()
                .fold(hash::push_bytes(EMPTY, b"~"), |h, &c| push_char(h, c));
        }
        let case = if upper == 0 && lowercase == 0 {
            Case::NoLetters
        } else if upper == 0 {
            Case::Lower
        } else if lowercase == 0 {
            Case::AllCaps
        } else if first_upper {
            Case::Capitalised
        } else if first_lower {
            Case::Mixed
        } else {
            Case::Capitalised
        };
        let hyphen = match (token.find('-'), token.rfind('-')) {
            (Some(a), Some(b)) if a > 0 && b + 1 < token.len() => {
                Some((lower_hash(&token[..a]), lower_hash(&token[b + 1..])))
            }
            _ => None,
        };
        let letters = token.bytes().filter(u8::is_ascii_uppercase).count();
        let acronym = acronym_hash(token.as_bytes(), letters);
        Lex {
            acronym,
            cluster: 0,
            cluster_caseless: 0,
            hyphen,
            lower,
            exact,
            shape,
            neutral,
            case,
            prefix,
            suffix,
            chars: u8::try_from(n).unwrap_or(u8::MAX),
            digit,
            alpha: upper + lowercase > 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_fold_case_digits_and_typographic_quotes() {
        assert_eq!(Lex::of("Kyiv").lower, Lex::of("KYIV").lower);
        assert_ne!(Lex::of("Kyiv").exact, Lex::of("KYIV").exact);
        assert_eq!(Lex::of("1996").lower, Lex::of("2025").lower);
        assert_eq!(Lex::of("\u{2019}s").lower, Lex::of("'s").lower);
        assert_eq!(lower_hash("Ukraine"), Lex::of("ukraine").lower);
    }

    #[test]
    fn shapes_and_case_classes() {
        assert_eq!(Lex::of("Witkoff").shape, Lex::of("Kyiv").shape);
        assert_ne!(Lex::of("Witkoff").shape, Lex::of("NATO").shape);
        assert_eq!(Lex::of("U.S.").shape, Lex::of("E.U.").shape);
        assert_eq!(Lex::of("NATO").neutral, Lex::of("talks").neutral);
        assert_eq!(Lex::of("Kyiv").case, Case::Capitalised);
        assert_eq!(Lex::of("U.S.").case, Case::AllCaps);
        assert_eq!(Lex::of("iPhone").case, Case::Mixed);
        assert_eq!(Lex::of("talks").case, Case::Lower);
        assert_eq!(Lex::of("1-0").case, Case::NoLetters);
        assert_eq!(Lex::of("US").acronym, Lex::of("U.S.").acronym);
        assert!(Lex::of("us").acronym.is_none() && Lex::of("Us").acronym.is_none());
    }

    #[test]
    fn the_ascii_path_analyses_tokens_as_the_general_one_does() {
        for t in [
            "",
            "a",
            "A",
            "Kyiv",
            "KYIV",
            "U.S.",
            "NATO",
            "24/7",
            "1,200-strong",
            "-",
            "--",
            "pro-Moscow",
            "Donetsk-Luhansk",
            "'s",
            "iPhone",
            "McDonald",
            "X-",
            "-x",
            "ABCDEF",
            "A.B.C.D.E.F.",
            "\"",
            "10:30",
            "e-mail",
            "3-2",
            "aB9-z",
            "\0a",
            "x\u{7f}",
        ] {
            assert_eq!(Lex::of_ascii(t.as_bytes()), Lex::of_unicode(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_ascii_token_gets_the_same_analysis_on_both_paths(t in "[\\x00-\\x7f]{0,14}") {
            proptest::prop_assert_eq!(Lex::of_ascii(t.as_bytes()), Lex::of_unicode(&t));
        }
    }

    #[test]
    fn affixes_of_short_words_repeat_the_whole_word() {
        let a = Lex::of("Ab");
        assert_eq!(a.prefix[1], a.prefix[3]);
        assert_eq!(a.suffix[1], a.suffix[3]);
        assert_ne!(a.suffix[0], a.suffix[1]);
        assert_eq!(Lex::of("Ukrainian").suffix[2], Lex::of("Russian").suffix[2]);
    }

    #[test]
    fn a_word_finds_its_cluster_as_written_and_in_lowercase() {
        use super::super::clusters::of;
        // The hashes the analysis reuses must be the table's: as written, lowercase, and
        // for tokens with digits or beyond ASCII, whose form hashes fold those.
        for w in [
            "Monday", "KREMLIN", "France", "1990s", "2025", "Zürich", "Café",
        ] {
            let lex = Lex::of(w);
            let exact = of(w);
            let lower = of(&w.to_lowercase());
            assert_eq!(lex.cluster, if exact != 0 { exact } else { lower }, "{w}");
            assert_eq!(
                lex.cluster_caseless,
                if lower != 0 { lower } else { exact },
                "{w}"
            );
        }
        assert_eq!(
            Lex::of("KREMLIN").cluster,
            of("kremlin"),
            "through its lowercase form"
        );
        assert_ne!(of("kremlin"), 0);
        assert_ne!(
            Lex::of("1990s").cluster,
            0,
            "a word with digits is found as written"
        );
    }
}
