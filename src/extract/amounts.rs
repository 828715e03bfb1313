//! Amounts: numbers with what they count, like GDELT's Amounts ("28-point plan" → 28, "point
//! plan"; "$5 billion" → 5e9 USD; "3.5%"; "1,200 soldiers"; "two-thirds of the territory";
//! "tens of thousands of people", an order of magnitude marked `approximate`).
//!
//! A number is reported only when something says what it is: a currency, a percent sign, a
//! scale word ("million") or a counted noun. Bare numbers, dates and years, clock times,
//! scores ("3-1"), "24/7", ordinals and model numbers ("F-16", "G7") are left alone.

use std::ops::Range;
use std::sync::LazyLock;

use super::dates::{self, Lower, WordFilter};
use super::doc::Doc;
use crate::record::Amount;

/// Every amount in the title and body, in text order per field.
pub fn find(doc: &Doc<'_>) -> Vec<Amount> {
    let mut out = Vec::new();
    for layer in doc.layers() {
        for f in find_in(layer.text) {
            let span = layer.span(f.start, f.end);
            out.push(Amount {
                text: span.text,
                value: f.value,
                object: f.object,
                unit: f.unit.map(str::to_string),
                approximate: f.approximate,
                field: span.field,
                start: span.start,
                end: span.end,
            });
        }
    }
    out
}

/// The value as the text writes it: scaling in binary floating point leaves noise in the
/// last digits ("$33.2 billion" is 33.2 × 1e9 = 33200000000.000004), which a reader of the
/// record would see. Rounding to 12 significant digits, far more than any article writes,
/// gives back the nearest double to the written number.
fn as_written(value: f64) -> f64 {
    // Whole numbers below 2^53 are exact already (most amounts: "28", "3,000").
    if value.fract() == 0.0 && value.abs() < 9e15 {
        return value;
    }
    format!("{value:.11e}").parse().unwrap_or(value)
}

#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    value: f64,
    object: Option<String>,
    unit: Option<&'static str>,
    approximate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word,
    /// Digits with optional thousands separators and decimals, and the value they spell.
    Num {
        value: f64,
        plain_digits: bool,
    },
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    /// Whether whitespace separates it from the previous token.
    spaced: bool,
}

impl Tok<'_> {
    fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    fn is_num(&self) -> bool {
        matches!(self.kind, Kind::Num { .. })
    }
    fn lower_is(&self, words: &[&str]) -> bool {
        self.is_word() && words.iter().any(|w| self.s.eq_ignore_ascii_case(w))
    }
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
    let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut spaced = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while digit_at(i) {
                i += 1;
            }
            let mut plain_digits = true;
            // Thousands groups: exactly three digits after each comma ("1,200", not "3,45").
            while bytes.get(i) == Some(&b',')
                && (1..=3).all(|k| digit_at(i + k))
                && !digit_at(i + 4)
            {
                i += 4;
                plain_digits = false;
            }
            if bytes.get(i) == Some(&b'.') && digit_at(i + 1) {
                i += 1;
                while digit_at(i) {
                    i += 1;
                }
                plain_digits = false;
            }
            // Most numbers have no thousands separator and parse in place.
            let raw = &text[start..i];
            let parsed = if raw.contains(',') {
                raw.replace(',', "").parse()
            } else {
                raw.parse()
            };
            match parsed {
                Ok(value) => Kind::Num {
                    value,
                    plain_digits,
                },
                Err(_) => Kind::Punct,
            }
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && letter_at(text, i).is_some()) {
            // ASCII letters byte by byte; only non-ASCII bytes pay for decoding a char.
            loop {
                if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    i += 1;
                } else if let Some(len) = bytes
                    .get(i)
                    .filter(|b| **b >= 0x80)
                    .and_then(|_| letter_at(text, i))
                {
                    i += len;
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            Kind::Punct
        };
        toks.push(Tok {
            s: &text[start..i],
            start,
            end: i,
            kind,
            spaced,
        });
        spaced = false;
    }
    toks
}

/// The byte length of the letter starting at byte `i`, if a letter starts there.
fn letter_at(text: &str, i: usize) -> Option<usize> {
    text.get(i..)?
        .chars()
        .next()
        .filter(|c| c.is_alphabetic())
        .map(char::len_utf8)
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₴" => "UAH",
        "₽" => "RUB",
        "₹" => "INR",
        _ => return None,
    })
}

fn currency_code(s: &str) -> Option<&'static str> {
    const CODES: [&str; 10] = [
        "USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY", "INR", "CHF", "CAD",
    ];
    CODES.iter().find(|c| **c == s).copied()
}

fn currency_word(s: &str) -> Option<&'static str> {
    Some(match Lower::new(s).as_str() {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "rupee" | "rupees" => "INR",
        _ => return None,
    })
}

/// Verbs after which "pounds" weigh: "weighs 200 pounds", "lost 50 pounds".
const WEIGHING: &[&str] = &[
    "weigh", "weighs", "weighed", "weighing", "lost", "lose", "losing", "gained", "gain",
    "gaining", "lifted", "lifts", "lift",
];

/// Whether "pound(s)" at token `k`, after the number starting at token `i`, is the unit of
/// weight: "5 pounds of sugar" (a sum of money is "£5 of", rarely "5 pounds of"), "weighs
/// 200 pounds". "Sterling", a scale word ("2 million pounds of aid") or "£" keep it money.
fn pound_of_weight(toks: &[Tok<'_>], i: usize, k: usize, scaled: bool) -> bool {
    if !toks[k].lower_is(&["pound", "pounds"]) {
        return false;
    }
    let of_follows = !scaled && toks.get(k + 1).is_some_and(|t| t.lower_is(&["of"]));
    let weighed = i >= 1 && toks[i - 1].lower_is(WEIGHING);
    of_follows || weighed
}

fn scale_word(s: &str) -> Option<f64> {
    Some(match Lower::new(s).as_str() {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Scale suffixes glued to a money amount: "$5bn", "£3m".
fn scale_suffix(s: &str) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "m" | "mn" | "M" => 1e6,
        "bn" | "b" | "B" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn number_word(s: &str) -> Option<f64> {
    const ONES: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower_buf = Lower::new(s);
    let lower = lower_buf.as_str();
    if let Some(i) = ONES.iter().position(|w| *w == lower) {
        return Some(i as f64 + 1.0);
    }
    if let Some(i) = TENS.iter().position(|w| *w == lower) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    (lower == "dozen").then_some(12.0)
}

/// Denominators of spelt fractions: "two-thirds", "a quarter".
fn fraction_word(s: &str) -> Option<f64> {
    Some(match Lower::new(s).as_str() {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Plurals that name an order of magnitude, not a count: "thousands of", "dozens of".
fn vague_word(s: &str) -> Option<f64> {
    Some(match Lower::new(s).as_str() {
        "dozens" => 24.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// Every word (lower case) that can start an amount; the filter skips all others.
static AMOUNT_WORDS: LazyLock<WordFilter> = LazyLock::new(|| {
    WordFilter::new(&[
        "c",
        "ca",
        "au",
        "nz",
        "hk",
        "s",
        "us",
        "usd",
        "eur",
        "gbp",
        "rub",
        "uah",
        "cny",
        "jpy",
        "inr",
        "chf",
        "cad",
        "a",
        "an",
        "half",
        "tens",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
    ])
});

/// Words that end the noun phrase after a number: function words, auxiliaries, time words.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "nor", "to", "in", "on", "at", "for", "from", "by",
    "with", "of", "as", "than", "that", "which", "who", "whom", "whose", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "can", "must", "do", "does", "did", "not", "no", "per", "percent", "more", "less",
    "most", "this", "these", "those", "its", "their", "his", "her", "our", "it", "they", "he",
    "she", "we", "after", "before", "since", "during", "over", "under", "about", "into", "so",
    "if", "when", "while", "said", "ago", "among", "between", "across", "around", "within",
    "without", "against", "toward", "towards", "through", "via", "like", "up", "down", "out",
    "off", "near", "amid", "despite", "each", "every", "all", "both", "either", "neither",
];

/// Words that may start a sentence right before a count ("Some 300 troops"), unlike a name
/// the number belongs to ("Article 5").
const CAPITALISED_QUANTIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "some",
    "about",
    "around",
    "nearly",
    "almost",
    "more",
    "over",
    "only",
    "just",
    "at",
    "in",
    "on",
    "of",
    "by",
    "for",
    "with",
    "roughly",
    "up",
    "all",
    "and",
    "but",
    "another",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "fewer",
    "less",
    "least",
    "approximately",
    "exactly",
];

/// Units that may be glued to a number and start its object: "10km convoy", "5kg".
const GLUED_UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "mi", "ft", "kg", "g", "lb", "lbs", "t", "mph", "kph", "kw", "mw", "gw",
    "kwh", "mwh", "gb", "tb", "mb", "ha", "sq",
];

/// Words after a number that make it a time of day: "9 a.m.", "10pm", "6 o'clock".
const CLOCK: [&str; 9] = ["am", "pm", "a", "p", "o", "GMT", "UTC", "CET", "EST"];

fn find_in(text: &str) -> Vec<Found> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((found, next)) = amount_at(&toks, i)
            && !inside_date(text, found.start..found.end)
        {
            out.push(found);
            i = next;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the candidate at `r` is part of a date ("25 December 2025", "two days ago").
/// Date expressions are short and local, so only a window of text around the candidate is
/// searched, cut at spaces so no word is split: a whole-text pass per candidate cost more
/// than the rest of this stage.
fn inside_date(text: &str, r: Range<usize>) -> bool {
    const REACH: usize = 48;
    let bytes = text.as_bytes();
    let mut from = r.start.saturating_sub(REACH);
    while from > 0 && !bytes[from - 1].is_ascii_whitespace() {
        from -= 1;
    }
    let mut to = (r.end + REACH).min(text.len());
    while to < text.len() && !bytes[to].is_ascii_whitespace() {
        to += 1;
    }
    dates::spans(&text[from..to])
        .iter()
        .any(|s| s.start + from < r.end && r.start < s.end + from)
}

/// The amount starting at token `i`, and the token after it.
fn amount_at(toks: &[Tok<'_>], i: usize) -> Option<(Found, usize)> {
    let first = toks[i];
    match first.kind {
        Kind::Num { .. } => {}
        Kind::Word if AMOUNT_WORDS.may_contain(first.s) => {}
        Kind::Punct if currency_symbol(first.s).is_some() => {}
        _ => return None,
    }
    let mut j = i;
    let mut unit: Option<&'static str> = None;
    // Currency before the number: "$5", "US$5", "C$ 0.28", "EUR 5".
    let mut dollar_prefix = None;
    if toks.get(j + 1).is_some_and(|t| t.s == "$" && !t.spaced) {
        dollar_prefix = match toks[j].s {
            "US" => Some("USD"),
            "C" | "CA" => Some("CAD"),
            "A" | "AU" => Some("AUD"),
            "NZ" => Some("NZD"),
            "HK" => Some("HKD"),
            "S" => Some("SGD"),
            _ => None,
        };
        if dollar_prefix.is_some() {
            j += 1;
        }
    }
    if let Some(c) = currency_symbol(toks[j].s).or_else(|| currency_code(toks[j].s)) {
        // "$5" and "$ 5" (as some wires space it) alike.
        if !toks.get(j + 1)?.is_num() {
            return None;
        }
        unit = Some(dollar_prefix.unwrap_or(c));
        j += 1;
    }
    let (mut value, mut approximate, mut k, plain_year_like, fraction) = quantity(toks, j)?;
    let mut scaled = false;
    // Glued suffix: "$5bn", "10km", but not "5th" or "5G".
    if let Some(t) = toks.get(k)
        && !t.spaced
        && t.is_word()
        && toks[k - 1].is_num()
    {
        if matches!(t.s, "st" | "nd" | "rd" | "th")
            || t.s.starts_with(|c: char| c.is_uppercase()) && scale_suffix(t.s).is_none()
        {
            return None;
        }
        if unit.is_some()
            && let Some(s) = scale_suffix(t.s)
        {
            value *= s;
            scaled = true;
            k += 1;
        } else if !t.lower_is(GLUED_UNITS) && scale_word(t.s).is_none() {
            // "4len", "3am", "9pm": not a measure.
            return None;
        }
    }
    // Scale words: "5 million", "two hundred thousand".
    while let Some(s) = toks.get(k).and_then(|t| scale_word(t.s)) {
        value *= s;
        scaled = true;
        k += 1;
    }
    // Percent.
    if toks
        .get(k)
        .is_some_and(|t| t.s == "%" || t.lower_is(&["percent"]))
    {
        unit = Some("%");
        k += 1;
    } else if toks.get(k).is_some_and(|t| t.lower_is(&["per"]))
        && toks.get(k + 1).is_some_and(|t| t.lower_is(&["cent"]))
    {
        unit = Some("%");
        k += 2;
    }
    // Currency after: "5 billion dollars", "5 million USD".
    if unit.is_none()
        && let Some(c) = toks
            .get(k)
            .and_then(|t| currency_word(t.s).or_else(|| currency_code(t.s)))
    {
        unit = Some(if c == "GBP" && pound_of_weight(toks, i, k, scaled) {
            "lb"
        } else {
            c
        });
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.lower_is(&CLOCK)) && unit.is_none() && !scaled {
        return None;
    }
    // What is counted.
    let mut object_start = k;
    let glued_hyphen = toks.get(k).is_some_and(|t| t.s == "-" && !t.spaced)
        && toks.get(k + 1).is_some_and(|t| t.is_word() && !t.spaced);
    if glued_hyphen {
        // "28-point plan": the hyphenated word starts the object.
        object_start = k + 1;
    } else if (fraction || approximate || unit.is_some_and(|u| u != "%"))
        && toks.get(k).is_some_and(|t| t.lower_is(&["of", "in"]))
    {
        // "two-thirds of the territory", "tens of thousands of people", "$5bn in aid".
        object_start = k + 1;
        if toks
            .get(object_start)
            .is_some_and(|t| t.lower_is(&["the", "a", "an", "its", "their"]))
        {
            object_start += 1;
        }
    }
    let (object, object_end) = object_words(toks, object_start, glued_hyphen);
    if object.is_some() {
        k = object_end;
    }
    let counted = object.is_some() || unit.is_some() || scaled || approximate || fraction;
    if !counted {
        return None;
    }
    // "Article 5", "Boeing 737", "Resolution 2231": a number naming a thing, not counting.
    if unit.is_none()
        && !scaled
        && i >= 1
        && toks[i - 1].is_word()
        && toks[i - 1].s.starts_with(|c: char| c.is_uppercase())
        && !toks[i - 1].lower_is(CAPITALISED_QUANTIFIERS)
    {
        return None;
    }
    if plain_year_like && unit.is_none() && !scaled {
        // "2025 employees" counts; "the 2024 election", "in 2024 sales" are years.
        let prev_is_time = i >= 1
            && toks[i - 1].lower_is(&[
                "the", "in", "since", "by", "until", "from", "of", "during", "before", "after",
                "early", "late", "mid", "between", "and",
            ]);
        let plural_object = object.as_deref().is_some_and(|o| o.ends_with('s'));
        if prev_is_time || !plural_object {
            return None;
        }
    }
    if approximate && value == 0.0 {
        approximate = false;
    }
    // A run of hundreds of digits overflows to infinity, which JSON cannot carry.
    if !value.is_finite() {
        return None;
    }
    Some((
        Found {
            start: toks[i].start,
            end: toks[k - 1].end,
            value: as_written(value),
            object,
            unit,
            approximate,
        },
        k,
    ))
}

/// The number at token `j`, in digits or words: (value, approximate, next token,
/// looks like a year, is a fraction).
fn quantity(toks: &[Tok<'_>], j: usize) -> Option<(f64, bool, usize, bool, bool)> {
    let t = toks.get(j)?;
    if let Kind::Num {
        value,
        plain_digits,
    } = t.kind
    {
        if glued_to_word_or_number(toks, j) {
            return None;
        }
        let year_like = plain_digits && t.s.len() == 4 && (1000.0..=2999.0).contains(&value);
        return Some((value, false, j + 1, year_like, false));
    }
    if !t.is_word() {
        return None;
    }
    // "tens of thousands", "hundreds of millions", "thousands": orders of magnitude.
    if t.lower_is(&["tens"])
        && toks.get(j + 1).is_some_and(|n| n.lower_is(&["of"]))
        && let Some(v) = toks.get(j + 2).and_then(|n| vague_word(n.s))
    {
        return Some((10.0 * v, true, j + 3, false, false));
    }
    if let Some(v) = vague_word(t.s) {
        if toks.get(j + 1).is_some_and(|n| n.lower_is(&["of"]))
            && let Some(v2) = toks.get(j + 2).and_then(|n| vague_word(n.s))
        {
            return Some((v * v2, true, j + 3, false, false));
        }
        // Only "thousands of ...": a bare "thousands" is too vague to count anything.
        return toks
            .get(j + 1)
            .is_some_and(|n| n.lower_is(&["of"]))
            .then_some((v, true, j + 1, false, false));
    }
    // "a dozen", "a million", "a third", "half".
    if t.lower_is(&["a", "an"]) {
        let n = toks.get(j + 1)?;
        if let Some(s) = scale_word(n.s) {
            return Some((s, false, j + 2, false, false));
        }
        if n.lower_is(&["dozen"]) {
            return Some((12.0, false, j + 2, false, false));
        }
        if let Some(d) = fraction_word(n.s)
            && !n.lower_is(&["half"])
            && toks.get(j + 2).is_some_and(|o| o.lower_is(&["of"]))
        {
            return Some((1.0 / d, false, j + 2, false, true));
        }
        return None;
    }
    if t.lower_is(&["half"])
        && toks.get(j + 1).is_some_and(|o| o.lower_is(&["a", "an"]))
        && let Some(s) = toks.get(j + 2).and_then(|n| scale_word(n.s))
    {
        return Some((0.5 * s, false, j + 3, false, false));
    }
    if t.lower_is(&["half"]) && toks.get(j + 1).is_some_and(|o| o.lower_is(&["of"])) {
        return Some((0.5, false, j + 1, false, true));
    }
    let mut value = number_word(t.s)?;
    // "par-five", "Formula-One": part of a compound, not a count.
    if !t.spaced && j >= 2 && toks[j - 1].s == "-" && toks[j - 2].is_word() {
        return None;
    }
    // "one" alone is a pronoun far more often than a count.
    let mut k = j + 1;
    // "twenty-five", "two-thirds".
    if toks.get(k).is_some_and(|h| h.s == "-" && !h.spaced)
        && let Some(n) = toks.get(k + 1)
    {
        if let Some(d) = fraction_word(n.s) {
            return Some((value / d, false, k + 2, false, true));
        }
        if let Some(v) = number_word(n.s)
            && value >= 20.0
            && v < 10.0
        {
            value += v;
            k += 2;
        }
    }
    if value == 1.0 && toks.get(k).is_none_or(|n| scale_word(n.s).is_none()) {
        return None;
    }
    Some((value, false, k, false, false))
}

/// True when digits at `j` are part of a code, score, time or ratio: "G7", "F-16", "3-1",
/// "10:30", "24/7", "No.5".
fn glued_to_word_or_number(toks: &[Tok<'_>], j: usize) -> bool {
    let t = toks[j];
    if !t.spaced && j >= 1 {
        let p = toks[j - 1];
        if p.is_word() || p.is_num() {
            return true;
        }
        // Any mark gluing it to a word or number before ("F-16", "64%-27%", "1⁄4"), except
        // an opening bracket or quote.
        if j >= 2
            && !p.spaced
            && !matches!(p.s, "(" | "[" | "\"" | "“" | "'" | "‘")
            && currency_symbol(p.s).is_none()
            && (toks[j - 2].is_word() || toks[j - 2].is_num() || toks[j - 2].s == "%")
        {
            return true;
        }
    }
    if let (Some(p), Some(n)) = (toks.get(j + 1), toks.get(j + 2))
        && !p.spaced
        && !n.spaced
        && matches!(p.s, "-" | "–" | "/" | ":")
        && n.is_num()
    {
        return true;
    }
    false
}

/// Up to four words naming what is counted, starting at token `k`; (object, token after).
/// `hyphenated` accepts the first word even when it is a stop word ("5-year-old" aside).
fn object_words(toks: &[Tok<'_>], k: usize, hyphenated: bool) -> (Option<String>, usize) {
    let mut words: Vec<&str> = Vec::new();
    let mut j = k;
    while words.len() < 4 {
        let Some(t) = toks.get(j) else { break };
        if !t.is_word() {
            // Hyphenated compounds inside the object: "long-range missiles".
            if t.s == "-"
                && !t.spaced
                && !words.is_empty()
                && toks.get(j + 1).is_some_and(|n| n.is_word() && !n.spaced)
            {
                j += 1;
                continue;
            }
            break;
        }
        let lower_buf = Lower::new(t.s);
        let lower = lower_buf.as_str();
        let first = words.is_empty();
        let capitalised = t.s.starts_with(|c: char| c.is_uppercase());
        if capitalised {
            // "1,200 Ukrainian soldiers": a capitalised modifier only before a common noun.
            let next_is_noun = toks.get(j + 1).is_some_and(|n| {
                n.is_word()
                    && n.spaced
                    && n.s.starts_with(|c: char| c.is_lowercase())
                    && !STOP.contains(&Lower::new(n.s).as_str())
            });
            // "three other Americans", "two prominent Washington lobbying firms": a name
            // after a lower-case modifier still belongs to the phrase.
            if !(next_is_noun || (!first && t.spaced)) {
                break;
            }
        } else if (STOP.contains(&lower) && !(first && hyphenated))
            || (!first && toks[j - 1].s != "-" && looks_like_verb(lower))
            // "19 support Sanders": a verb right after the number means nothing is counted.
            || (first && !hyphenated && is_verb_after_count(toks, j, lower))
            || t.s.len() == 1
        {
            break;
        }
        if scale_word(t.s).is_some() || vague_word(t.s).is_some() {
            break;
        }
        words.push(t.s);
        j += 1;
        // A plural noun ends the phrase: "1,200 soldiers [were]", "drones [hit]".
        if is_plural(lower) && !toks.get(j).is_some_and(|n| n.s == "-" && !n.spaced) {
            break;
        }
    }
    if words.is_empty() {
        return (None, k);
    }
    let text = object_text(toks, k, j);
    (Some(text), j)
}

fn is_plural(lower: &str) -> bool {
    (lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is"))
        || matches!(
            lower,
            "people" | "police" | "children" | "men" | "women" | "personnel"
        )
}

/// A word after a noun that is more likely its verb than more of the noun phrase: "-ed",
/// "-ing", "-ly", an irregular past, or a common verb's bare or third-person form
/// ("goes", "applies", "serve").
fn looks_like_verb(lower: &str) -> bool {
    if lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly") {
        return true;
    }
    is_verb_form(lower)
}

/// True when the word right after a count is its verb, so nothing is counted: "19 support
/// Sanders", "the two squabbled over". A count's verb is plural, so "-s" forms ("votes") are
/// nouns here; an "-ed" or "-ly" word is a verb or adverb unless a noun follows ("armed
/// soldiers").
fn is_verb_after_count(toks: &[Tok<'_>], j: usize, lower: &str) -> bool {
    if lower.ends_with('s') && !lower.ends_with("ss") {
        return false;
    }
    if lower.ends_with("ly") {
        return true;
    }
    if lower.ends_with("ed") {
        let noun_follows = toks
            .get(j + 1)
            .is_some_and(|n| n.is_word() && n.spaced && !STOP.contains(&Lower::new(n.s).as_str()));
        return !noun_follows;
    }
    is_verb_form(lower)
}

/// A common verb's irregular past, bare or third-person form ("hit", "serve", "goes").
fn is_verb_form(lower: &str) -> bool {
    const PAST: &[&str] = &[
        "hit", "left", "fled", "went", "came", "met", "made", "took", "gave", "got", "saw", "told",
        "became", "fell", "rose", "won", "lost", "ran", "kept", "held", "paid", "sent", "spent",
        "set", "put", "cut", "stood", "began", "grew", "flew", "fought", "brought", "bought",
        "sold", "built", "shot", "struck", "led", "meant", "knew", "thought", "found",
    ];
    const BARE: &[&str] = &[
        "go",
        "say",
        "apply",
        "remain",
        "serve",
        "make",
        "take",
        "need",
        "want",
        "face",
        "live",
        "work",
        "come",
        "stand",
        "cost",
        "mean",
        "show",
        "seem",
        "look",
        "run",
        "fall",
        "rise",
        "hold",
        "get",
        "give",
        "keep",
        "include",
        "continue",
        "appear",
        "begin",
        "become",
        "help",
        "allow",
        "return",
        "die",
        "flee",
        "leave",
        "arrive",
        "fight",
        "support",
        "expect",
        "receive",
        "reach",
        "join",
        "attend",
        "lose",
        "win",
        "hit",
        "meet",
        "pay",
        "send",
        "spend",
        "vote",
        "remain",
        "require",
        "account",
        "belong",
        "represent",
        "wait",
    ];
    if PAST.contains(&lower) || BARE.contains(&lower) {
        return true;
    }
    let stem_y = lower.strip_suffix("ies").map(|s| format!("{s}y"));
    [
        lower.strip_suffix("es").map(str::to_string),
        lower.strip_suffix('s').map(str::to_string),
        stem_y,
    ]
    .into_iter()
    .flatten()
    .any(|stem| BARE.contains(&stem.as_str()))
}

/// The object's words as written, hyphens kept: "long-range missiles".
fn object_text(toks: &[Tok<'_>], from: usize, to: usize) -> String {
    let mut s = String::new();
    for t in &toks[from..to] {
        if t.spaced && !s.is_empty() {
            s.push(' ');
        }
        s.push_str(t.s);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_thousands_groups_and_decimals_only_when_well_formed() {
        let vals: Vec<f64> = tokenize("1,200 3.5 3,45 7.")
            .iter()
            .filter_map(|t| match t.kind {
                Kind::Num { value, .. } => Some(value),
                _ => None,
            })
            .collect();
        assert_eq!(vals, [1200.0, 3.5, 3.0, 45.0, 7.0]);
    }
}
