//! Date expressions in running text ("25 December 2025", "Dec. 25", "on Thursday", "last
//! week", "two days ago") resolved to ISO 8601 values against the article's `published_at`.
//!
//! Values are "YYYY-MM-DD" (day), "YYYY-Www" (ISO week), "YYYY-MM" (month) or "YYYY"
//! (year). An expression that needs the publication date and has none keeps `value: null`
//! rather than borrowing the wall clock: the extractor never reads it.
//!
//! A weekday means the most recent such day on or before publication ("said on Thursday"),
//! unless the clause around it speaks of the future ("will meet on Monday"). Numbers that
//! only look like dates are left alone: "24/7", scores ("3-1"), clock times ("10:30"),
//! counts ("1,200").

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::doc::Doc;
use crate::record::{DateMention, Granularity};

/// Every date expression in the title and body, in text order per field.
pub fn find(doc: &Doc<'_>) -> Vec<DateMention> {
    let anchor = doc.published_at.map(|d| d.date_naive());
    let mut out = Vec::new();
    for layer in doc.layers() {
        for f in find_in(layer.text, anchor) {
            let span = layer.span(f.start, f.end);
            out.push(DateMention {
                text: span.text,
                value: f.value.map(|v| v.format()),
                granularity: f.granularity,
                field: span.field,
                start: span.start,
                end: span.end,
            });
        }
    }
    out
}

/// Byte ranges of the date expressions in `text`, so the amounts stage can leave the numbers
/// inside dates ("25 December 2025", "two days ago") alone.
pub fn spans(text: &str) -> Vec<std::ops::Range<usize>> {
    find_in(text, None)
        .into_iter()
        .map(|f| f.start..f.end)
        .collect()
}

/// One date expression: a byte range and what it resolved to.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    value: Option<Value>,
    granularity: Granularity,
}

/// A resolved value at its granularity.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Day(NaiveDate),
    /// Any day of the week; formatted as its ISO week.
    Week(NaiveDate),
    Month(i32, u32),
    Year(i32),
}

impl Value {
    fn format(self) -> String {
        match self {
            Value::Day(d) => d.format("%Y-%m-%d").to_string(),
            Value::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

/// A word, digit run or punctuation mark; dates are patterns over these.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    /// Whether whitespace separates it from the previous token ("2025-12-25" has none).
    spaced: bool,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let bytes = text.as_bytes();
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
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Num
        } else if b.is_ascii_alphabetic() {
            loop {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                // "he'll", "won't": an apostrophe inside a word keeps it whole.
                let apostrophe = match bytes.get(i) {
                    Some(b'\'') => 1,
                    Some(0xE2) if text[i..].starts_with('’') => 3,
                    _ => 0,
                };
                if apostrophe > 0
                    && bytes
                        .get(i + apostrophe)
                        .is_some_and(u8::is_ascii_alphabetic)
                {
                    i += apostrophe;
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            // One char, whatever its width.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            if text[start..i].chars().all(char::is_alphabetic) {
                while i < bytes.len() && text[i..].starts_with(char::is_alphabetic) {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                }
                Kind::Word
            } else {
                Kind::Punct
            }
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

/// The month a capitalised month name or abbreviation names.
fn month_of(word: &str, allow_abbrev: bool) -> Option<u32> {
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ABBREV: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    if let Some(i) = FULL.iter().position(|m| *m == word) {
        return Some(i as u32 + 1);
    }
    if !allow_abbrev {
        return None;
    }
    if word == "Sept" {
        return Some(9);
    }
    ABBREV.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(word: &str) -> Option<u64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let lower_buf = Lower::new(word);
    let lower = lower_buf.as_str();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as u64 + 1);
    }
    word.parse().ok().filter(|n| (1..=100).contains(n))
}

/// Every word (lower case) that can start a date expression; the filter skips all others.
static DATE_WORDS: LazyLock<WordFilter> = LazyLock::new(|| {
    WordFilter::new(&[
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "a",
        "an",
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
        "last",
        "next",
        "this",
        "past",
        "coming",
        "early",
        "late",
        "mid",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ])
});

/// A cheap "might this word be one of ours?" test: a bit per (first two letters, length) of
/// a keyword list, case-insensitive. The scanners ask it for every word of an article; it
/// answers "no" for almost all of them without hashing or comparing strings. A "yes" still
/// needs an exact comparison.
pub(crate) struct WordFilter {
    /// Indexed by first letter * 27 + second letter (26 when the word has one letter); bit
    /// `len` is set when a keyword of that length has that start.
    bits: Vec<u32>,
}

impl WordFilter {
    pub(crate) fn new(words: &[&str]) -> WordFilter {
        let mut bits = vec![0u32; 27 * 27];
        for w in words {
            if let Some(i) = Self::slot(w) {
                bits[i] |= 1 << w.len();
            }
        }
        WordFilter { bits }
    }

    fn slot(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        if b.is_empty() || b.len() > 31 {
            return None;
        }
        let letter = |c: u8| {
            c.is_ascii_alphabetic()
                .then(|| usize::from(c.to_ascii_lowercase() - b'a'))
        };
        let first = letter(b[0])?;
        let second = match b.get(1) {
            Some(&c) => letter(c)?,
            None => 26,
        };
        Some(first * 27 + second)
    }

    /// False when `word` is certainly not in the list.
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        Self::slot(word).is_some_and(|i| self.bits[i] & (1 << word.len()) != 0)
    }
}

/// Words that, just before a bare month or year, make it a date ("in 2024", "since March").
const TIME_PREPOSITIONS: [&str; 14] = [
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "from",
    "before",
    "after",
    "of",
    "between",
    "and",
];

/// What the clause before an expression says about when it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
    Unknown,
}

/// Words that put a clause in the past.
const PAST_WORDS: &[&str] = &[
    "was", "were", "had", "did", "ago", "since", "went", "came", "met", "made", "took", "gave",
    "got", "saw", "told", "became", "fell", "rose", "won", "lost", "ran", "kept", "held", "paid",
    "sent", "spent", "began", "grew", "flew", "fought", "brought", "bought", "sold", "built",
    "shot", "struck", "led", "said", "spoke", "wrote", "left", "hit", "broke", "chose", "drew",
    "found", "heard", "knew", "meant", "read", "sat", "stood", "thought", "tried",
];

/// The tense word `j` signals, if any: "will", "he'll", "is expected to" say future; "was",
/// "said", "-ed" say past.
fn tense_of_word(toks: &[Tok<'_>], j: usize) -> Option<Tense> {
    let w_buf = Lower::new(toks[j].s);
    let w = w_buf.as_str();
    if matches!(
        w,
        "will" | "shall" | "won't" | "scheduled" | "upcoming" | "due" | "planned" | "plans"
    ) || w.ends_with("'ll")
        || w.ends_with("’ll")
    {
        return Some(Tense::Future);
    }
    if (w == "to" || w == "expected" || w == "set")
        && j > 0
        && matches!(
            Lower::new(toks[j - 1].s).as_str(),
            "going" | "set" | "expected" | "due" | "plans" | "is" | "are"
        )
    {
        return Some(Tense::Future);
    }
    (PAST_WORDS.contains(&w) || (w.len() > 4 && w.ends_with("ed"))).then_some(Tense::Past)
}

fn ends_clause(t: &Tok<'_>) -> bool {
    t.kind == Kind::Punct && matches!(t.s, "," | ";" | ":" | "." | "!" | "?" | "\"" | "“" | "”")
}

/// The tense of an expression spanning tokens `start..end`, read from its clause: first the
/// words before it (up to ten, back to a comma or sentence end; a future word anywhere wins:
/// "will be held in March"), then, when it opens its clause ("On Thursday, he'll speak"),
/// the words after it.
fn tense_around(toks: &[Tok<'_>], start: usize, end: usize) -> Tense {
    let mut words = 0;
    let mut past = false;
    let mut j = start;
    while j > 0 && words < 10 {
        j -= 1;
        if ends_clause(&toks[j]) {
            break;
        }
        if toks[j].kind != Kind::Word {
            continue;
        }
        words += 1;
        match tense_of_word(toks, j) {
            Some(Tense::Future) => return Tense::Future,
            Some(Tense::Past) => past = true,
            _ => {}
        }
    }
    if past {
        return Tense::Past;
    }
    if words > 1 {
        return Tense::Unknown;
    }
    let mut j = end;
    if toks.get(j).is_some_and(|t| t.s == ",") {
        j += 1;
    }
    let mut words = 0;
    while j < toks.len() && words < 6 && !ends_clause(&toks[j]) {
        if toks[j].kind == Kind::Word {
            words += 1;
            if let Some(t) = tense_of_word(toks, j) {
                return t;
            }
        }
        j += 1;
    }
    Tense::Unknown
}

fn lower_is(t: Option<&Tok<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == Kind::Word && words.iter().any(|w| t.s.eq_ignore_ascii_case(w)))
}

/// The number a token holds when it could be a day of the month: "25", "25th".
fn day_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num || t.s.len() > 2 {
        return None;
    }
    let d: u32 = t.s.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    // "25th": the suffix is glued to the digits.
    if let Some(n) = toks.get(i + 1)
        && !n.spaced
        && n.kind == Kind::Word
        && matches!(n.s, "st" | "nd" | "rd" | "th")
    {
        return Some((d, i + 2));
    }
    Some((d, i + 1))
}

/// A four-digit year in a plausible range at token `i`.
fn year_at(toks: &[Tok<'_>], i: usize, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num || t.s.len() != 4 {
        return None;
    }
    // "1990s", "2020th": a decade or an ordinal, not a year.
    if toks
        .get(i + 1)
        .is_some_and(|n| !n.spaced && n.kind == Kind::Word)
    {
        return None;
    }
    let y: i32 = t.s.parse().ok()?;
    range.contains(&y).then_some(y)
}

/// True when token `i` continues the number before it: "2024-25", "3.5", "1,200", "10:30",
/// "24/7", "2024%".
fn glued_number_follows(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(p) = toks.get(i) else {
        return false;
    };
    if p.spaced {
        return false;
    }
    if p.s == "%" {
        return true;
    }
    p.kind == Kind::Punct
        && matches!(p.s, "-" | "." | "," | ":" | "/" | "–")
        && toks
            .get(i + 1)
            .is_some_and(|n| !n.spaced && n.kind == Kind::Num)
}

/// True when token `i - 1` glues a number onto token `i` from the left ("3-1", "1,200").
fn glued_number_precedes(toks: &[Tok<'_>], i: usize) -> bool {
    i >= 2
        && !toks[i].spaced
        && toks[i - 1].kind == Kind::Punct
        && !toks[i - 1].spaced
        && toks[i - 2].kind == Kind::Num
        || i >= 1 && !toks[i].spaced && matches!(toks[i - 1].s, "$" | "€" | "£" | "#")
}

fn find_in(text: &str, anchor: Option<NaiveDate>) -> Vec<Found> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&toks, i, anchor) {
            Some((end_tok, value, granularity)) => {
                out.push(Found {
                    start: toks[i].start,
                    end: toks[end_tok - 1].end,
                    value,
                    granularity,
                });
                i = end_tok;
            }
            None => i += 1,
        }
    }
    out
}

type Match = (usize, Option<Value>, Granularity);

fn resolved(end: usize, value: Option<Value>, granularity: Granularity) -> Option<Match> {
    Some((end, value, granularity))
}

/// The date expression starting at token `i`: (token after it, value, granularity).
fn match_at(toks: &[Tok<'_>], i: usize, anchor: Option<NaiveDate>) -> Option<Match> {
    let t = toks[i];
    match t.kind {
        Kind::Num => numeric_date(toks, i, anchor),
        Kind::Word => word_date(toks, i, anchor),
        Kind::Punct => None,
    }
}

/// Dates that start with digits: "2025-12-25", "12/25/2025", "25 December 2025", "two days
/// ago" spelt with digits ("3 weeks ago"), and years after a preposition ("in 2024").
fn numeric_date(toks: &[Tok<'_>], i: usize, anchor: Option<NaiveDate>) -> Option<Match> {
    if glued_number_precedes(toks, i) {
        return None;
    }
    let t = toks[i];
    // ISO 8601: 2025-12-25.
    if t.s.len() == 4
        && let Some([dash1, m, dash2, d]) = toks
            .get(i + 1..i + 5)
            .and_then(|s| <[Tok<'_>; 4]>::try_from(s).ok())
        && dash1.s == "-"
        && dash2.s == "-"
        && [dash1, m, dash2, d].iter().all(|x| !x.spaced)
        && m.kind == Kind::Num
        && d.kind == Kind::Num
        && !glued_number_follows(toks, i + 5)
        && let Some(date) = ymd(t.s, m.s, d.s)
    {
        return resolved(i + 5, Some(Value::Day(date)), Granularity::Day);
    }
    // 12/25/2025 or 25/12/2025 (four-digit year only: "24/7" and "3/4" are not dates).
    if t.s.len() <= 2
        && let Some([s1, b, s2, y]) = toks
            .get(i + 1..i + 5)
            .and_then(|s| <[Tok; 4]>::try_from(s).ok())
        && s1.s == "/"
        && s2.s == "/"
        && [s1, b, s2, y].iter().all(|x| !x.spaced)
        && y.s.len() == 4
        && !glued_number_follows(toks, i + 5)
    {
        let (a, bn): (u32, u32) = (t.s.parse().ok()?, b.s.parse().ok()?);
        let (month, day) = if a > 12 { (bn, a) } else { (a, bn) };
        let date = NaiveDate::from_ymd_opt(y.s.parse().ok()?, month, day)?;
        return resolved(i + 5, Some(Value::Day(date)), Granularity::Day);
    }
    // 25 December [2025] / 25th of December, 2025.
    if let Some((day, mut j)) = day_at(toks, i)
        && !glued_number_follows(toks, i + 1)
    {
        if lower_is(toks.get(j), &["of"]) {
            j += 1;
        }
        if let Some(month) = toks.get(j).and_then(|m| month_of(m.s, true)) {
            j += 1;
            if toks.get(j).is_some_and(|p| p.s == "." && !p.spaced) {
                j += 1;
            }
            let mut k = j;
            if toks.get(k).is_some_and(|p| p.s == ",") {
                k += 1;
            }
            if let Some(year) = year_at(toks, k, 1000..=2999)
                && !glued_number_follows(toks, k + 1)
            {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return resolved(k + 1, Some(Value::Day(date)), Granularity::Day);
            }
            let value = anchor
                .and_then(|a| nearest_day(a, month, day))
                .map(Value::Day);
            return resolved(j, value, Granularity::Day);
        }
    }
    // 3 days ago.
    if let Some(m) = ago(toks, i, anchor) {
        return Some(m);
    }
    // in 2024 / since 1991 / between 2020 and 2024.
    if i >= 1
        && lower_is(toks.get(i - 1), &TIME_PREPOSITIONS)
        && let Some(year) = year_at(toks, i, 1900..=2100)
        && !glued_number_follows(toks, i + 1)
        && !toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && matches!(
                    Lower::new(n.s).as_str(),
                    "people" | "soldiers" | "troops" | "cases" | "votes" | "times" | "points"
                )
        })
    {
        return resolved(i + 1, Some(Value::Year(year)), Granularity::Year);
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// "two days ago", "a week ago", "3 months ago", "a year ago".
fn ago(toks: &[Tok<'_>], i: usize, anchor: Option<NaiveDate>) -> Option<Match> {
    let n = small_number(toks[i].s)?;
    let unit = toks.get(i + 1)?;
    if !lower_is(toks.get(i + 2), &["ago"]) || unit.kind != Kind::Word {
        return None;
    }
    let unit_buf = Lower::new(unit.s);
    let unit = unit_buf.as_str();
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let (granularity, value) = match unit {
        "day" => (
            Granularity::Day,
            anchor
                .and_then(|a| a.checked_sub_days(Days::new(n)))
                .map(Value::Day),
        ),
        "week" => (
            Granularity::Week,
            anchor
                .and_then(|a| a.checked_sub_days(Days::new(7 * n)))
                .map(Value::Week),
        ),
        "month" => (
            Granularity::Month,
            anchor
                .and_then(|a| a.checked_sub_months(Months::new(u32::try_from(n).ok()?)))
                .map(|d| Value::Month(d.year(), d.month())),
        ),
        "year" => (
            Granularity::Year,
            anchor.map(|a| Value::Year(a.year() - i32::try_from(n).unwrap_or(0))),
        ),
        _ => return None,
    };
    resolved(i + 3, value, granularity)
}

/// Dates that start with a word: month names, weekdays, "yesterday", "last week", "a week
/// ago".
fn word_date(toks: &[Tok<'_>], i: usize, anchor: Option<NaiveDate>) -> Option<Match> {
    let t = toks[i];
    if HOLIDAY_STARTS.may_contain(t.s)
        && let Some(m) = holiday(toks, i, anchor)
    {
        return Some(m);
    }
    if !DATE_WORDS.may_contain(t.s) {
        return None;
    }
    let lower_buf = Lower::new(t.s);
    let lower = lower_buf.as_str();
    if lower.is_empty() {
        return None;
    }
    // "USA Today", "Russia Today": a name, not a date.
    let after_name = i >= 1
        && toks[i - 1].kind == Kind::Word
        && toks[i - 1].s.starts_with(|c: char| c.is_ascii_uppercase())
        && (!is_sentence_start(toks, i - 1)
            || (toks[i - 1].s.len() > 1 && toks[i - 1].s.bytes().all(|b| b.is_ascii_uppercase())));
    if after_name && matches!(lower, "today" | "tonight" | "yesterday" | "tomorrow") {
        return None;
    }
    match lower {
        "today" | "tonight" => return resolved(i + 1, anchor.map(Value::Day), Granularity::Day),
        "yesterday" => {
            let v = anchor.and_then(|a| a.pred_opt()).map(Value::Day);
            return resolved(i + 1, v, Granularity::Day);
        }
        "tomorrow" => {
            let v = anchor.and_then(|a| a.succ_opt()).map(Value::Day);
            return resolved(i + 1, v, Granularity::Day);
        }
        "a" | "an" | "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight"
        | "nine" | "ten" | "eleven" | "twelve" => return ago(toks, i, anchor),
        "last" | "next" | "this" | "past" | "coming" => {
            if let Some(m) = modified(toks, i, lower, anchor) {
                return Some(m);
            }
        }
        "early" | "late" | "mid" => {
            // "early 2026", "mid-December", "late March".
            let mut j = i + 1;
            if toks.get(j).is_some_and(|p| p.s == "-" && !p.spaced) {
                j += 1;
            }
            if let Some(year) = year_at(toks, j, 1900..=2100)
                && !glued_number_follows(toks, j + 1)
            {
                return resolved(j + 1, Some(Value::Year(year)), Granularity::Year);
            }
            if let Some(month) = toks.get(j).and_then(|m| month_of(m.s, false)) {
                return month_expression(toks, i, j, month, anchor);
            }
        }
        _ => {}
    }
    if let Some(month) = month_of(t.s, true) {
        return month_first(toks, i, month, anchor);
    }
    if let Some(wd) = weekday_of(t.s) {
        // "Good Friday", "Black Friday", "Super Tuesday", "Sunday Times": names, not dates.
        let named_before = i >= 1
            && toks[i - 1].kind == Kind::Word
            && toks[i - 1].s.starts_with(|c: char| c.is_ascii_uppercase())
            && !is_sentence_start(toks, i - 1);
        let named_after = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && n.s.starts_with(|c: char| c.is_ascii_uppercase())
        });
        if named_before || named_after {
            return None;
        }
        let end = after_part_of_day(toks, i + 1);
        let future = tense_around(toks, i, end) == Tense::Future;
        let value = anchor.map(|a| {
            Value::Day(if future {
                weekday_on_or_after(a, wd)
            } else {
                weekday_on_or_before(a, wd)
            })
        });
        return resolved(end, value, Granularity::Day);
    }
    None
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy)]
enum Feast {
    /// Month and day.
    Fixed(u32, u32),
    /// The `n`th given weekday of a month (Thanksgiving: the fourth Thursday of November).
    Nth(u32, Weekday, u8),
    /// The last given weekday of a month (Memorial Day).
    Last(u32, Weekday),
    /// Days from Easter Sunday (Good Friday is -2).
    Easter(i64),
}

/// Holidays with a date, as words (compared without regard to case, "’" as "'"), when they
/// fall, and whether the name alone is a date only after a time preposition ("on Christmas",
/// but not "Christmas greetings"). Holidays whose date depends on the country or on a lunar
/// calendar (Independence Day, Eid, Diwali) are left out.
const HOLIDAYS: &[(&[&str], Feast, bool)] = &[
    (&["christmas", "day"], Feast::Fixed(12, 25), false),
    (&["christmas", "eve"], Feast::Fixed(12, 24), false),
    (&["christmas"], Feast::Fixed(12, 25), true),
    (&["new", "year's", "day"], Feast::Fixed(1, 1), false),
    (&["new", "year's", "eve"], Feast::Fixed(12, 31), false),
    (&["boxing", "day"], Feast::Fixed(12, 26), false),
    (&["valentine's", "day"], Feast::Fixed(2, 14), false),
    (&["halloween"], Feast::Fixed(10, 31), true),
    (&["st", ".", "patrick's", "day"], Feast::Fixed(3, 17), false),
    (&["st", "patrick's", "day"], Feast::Fixed(3, 17), false),
    (&["bastille", "day"], Feast::Fixed(7, 14), false),
    (&["veterans", "day"], Feast::Fixed(11, 11), false),
    (&["armistice", "day"], Feast::Fixed(11, 11), false),
    (&["remembrance", "day"], Feast::Fixed(11, 11), false),
    (
        &["thanksgiving", "day"],
        Feast::Nth(11, Weekday::Thu, 4),
        false,
    ),
    (&["thanksgiving"], Feast::Nth(11, Weekday::Thu, 4), true),
    (&["labor", "day"], Feast::Nth(9, Weekday::Mon, 1), false),
    (&["memorial", "day"], Feast::Last(5, Weekday::Mon), false),
    (
        &["martin", "luther", "king", "day"],
        Feast::Nth(1, Weekday::Mon, 3),
        false,
    ),
    (&["good", "friday"], Feast::Easter(-2), false),
    (&["easter", "sunday"], Feast::Easter(0), false),
    (&["easter", "monday"], Feast::Easter(1), false),
    (&["easter"], Feast::Easter(0), true),
];

/// First words of [`HOLIDAYS`].
static HOLIDAY_STARTS: LazyLock<WordFilter> = LazyLock::new(|| {
    let firsts: Vec<&str> = HOLIDAYS.iter().map(|(words, _, _)| words[0]).collect();
    WordFilter::new(&firsts)
});

/// Words before a bare holiday name that make it a date ("on Christmas", "over Easter").
const HOLIDAY_PREPOSITIONS: &[&str] = &[
    "on",
    "at",
    "over",
    "by",
    "until",
    "till",
    "since",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "around",
    "from",
    "for",
    "this",
    "last",
    "next",
];

/// Whether token `t` is the word `w` (lowercase ASCII), ignoring case, "’" read as "'".
fn word_is(t: &Tok<'_>, w: &str) -> bool {
    let mut a = t.s.chars().map(|c| if c == '’' { '\'' } else { c });
    let mut b = w.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_ascii_lowercase() == y => {}
            _ => return false,
        }
    }
}

/// A holiday with a date, capitalised as a name: "Christmas Day", "on Thanksgiving", "Good
/// Friday". Not part of a longer name ("Good Friday Agreement", "Christmas Island", "Orthodox
/// Christmas", which is in January).
fn holiday(toks: &[Tok<'_>], i: usize, anchor: Option<NaiveDate>) -> Option<Match> {
    if !toks[i].s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let named_before = i >= 1
        && toks[i - 1].kind == Kind::Word
        && toks[i - 1].s.starts_with(|c: char| c.is_ascii_uppercase())
        && !is_sentence_start(toks, i - 1);
    if named_before {
        return None;
    }
    let (words, feast, needs_preposition) = HOLIDAYS.iter().find(|(words, _, _)| {
        words.iter().enumerate().all(|(k, w)| {
            // Words may be spaced; the dot of "St." is written against its word.
            toks.get(i + k)
                .is_some_and(|t| word_is(t, w) && (t.kind == Kind::Word || !t.spaced))
        })
    })?;
    let end = i + words.len();
    let named_after = toks
        .get(end)
        .is_some_and(|n| n.kind == Kind::Word && n.s.starts_with(|c: char| c.is_ascii_uppercase()));
    if named_after {
        return None;
    }
    if *needs_preposition && !(i >= 1 && lower_is(toks.get(i - 1), HOLIDAY_PREPOSITIONS)) {
        return None;
    }
    let value = anchor.and_then(|a| {
        [a.year() - 1, a.year(), a.year() + 1]
            .into_iter()
            .filter_map(|y| feast_in(*feast, y))
            .min_by_key(|d| (*d - a).num_days().abs())
    });
    resolved(end, value.map(Value::Day), Granularity::Day)
}

/// The day `feast` falls on in `year`.
fn feast_in(feast: Feast, year: i32) -> Option<NaiveDate> {
    match feast {
        Feast::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Feast::Nth(m, wd, n) => NaiveDate::from_weekday_of_month_opt(year, m, wd, n),
        Feast::Last(m, wd) => {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            }?;
            next.pred_opt().map(|last| weekday_on_or_before(last, wd))
        }
        Feast::Easter(offset) => shift_days(easter_sunday(year)?, offset),
    }
}

/// Easter Sunday of the Gregorian calendar (the "anonymous Gregorian" computus).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = year;
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn is_sentence_start(toks: &[Tok<'_>], i: usize) -> bool {
    i == 0 || matches!(toks[i - 1].s, "." | "!" | "?" | "\"" | "“" | "\n")
}

/// Skips "morning", "night"... after a weekday: "Thursday night" is still Thursday.
fn after_part_of_day(toks: &[Tok<'_>], j: usize) -> usize {
    if lower_is(toks.get(j), &["morning", "afternoon", "evening", "night"]) {
        j + 1
    } else {
        j
    }
}

/// "last week", "next month", "this year", "last Thursday", "last December".
fn modified(
    toks: &[Tok<'_>],
    i: usize,
    modifier: &str,
    anchor: Option<NaiveDate>,
) -> Option<Match> {
    let next = toks.get(i + 1)?;
    if next.kind != Kind::Word {
        return None;
    }
    let step: i32 = match modifier {
        "last" | "past" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let unit_buf = Lower::new(next.s);
    let unit = unit_buf.as_str();
    let end = i + 2;
    match unit {
        // An ISO week runs Monday to Sunday, so a weekend lies in its week.
        "week" | "weekend" => {
            let v = anchor
                .and_then(|a| shift_days(a, 7 * i64::from(step)))
                .map(Value::Week);
            return resolved(end, v, Granularity::Week);
        }
        "month" => {
            let v = anchor
                .and_then(|a| shift_months(a, step))
                .map(|d| Value::Month(d.year(), d.month()));
            return resolved(end, v, Granularity::Month);
        }
        "year" => {
            let v = anchor.map(|a| Value::Year(a.year() + step));
            return resolved(end, v, Granularity::Year);
        }
        "morning" | "afternoon" | "evening" if step == 0 => {
            return resolved(end, anchor.map(Value::Day), Granularity::Day);
        }
        "night" if step == -1 => {
            let v = anchor.and_then(|a| a.pred_opt()).map(Value::Day);
            return resolved(end, v, Granularity::Day);
        }
        _ => {}
    }
    if let Some(wd) = weekday_of(next.s) {
        let value = anchor.map(|a| {
            Value::Day(match step {
                -1 => weekday_on_or_before(a.pred_opt().unwrap_or(a), wd),
                1 => weekday_on_or_after(a.succ_opt().unwrap_or(a), wd),
                _ if tense_around(toks, i, end) == Tense::Future => weekday_on_or_after(a, wd),
                _ => weekday_on_or_before(a, wd),
            })
        });
        return resolved(after_part_of_day(toks, end), value, Granularity::Day);
    }
    if let Some(month) = month_of(next.s, false) {
        let value = anchor.map(|a| {
            let (ay, am) = (a.year(), a.month());
            let year = match step {
                -1 if month >= am => ay - 1,
                1 if month <= am => ay + 1,
                _ => ay,
            };
            Value::Month(year, month)
        });
        return resolved(end, value, Granularity::Month);
    }
    None
}

/// "December 25, 2025", "Dec. 25", "December 2025", and a bare month after a preposition.
fn month_first(toks: &[Tok<'_>], i: usize, month: u32, anchor: Option<NaiveDate>) -> Option<Match> {
    let mut j = i + 1;
    let abbreviated = toks[i].s.len() <= 4 && month_of(toks[i].s, false).is_none();
    if toks.get(j).is_some_and(|p| p.s == "." && !p.spaced) {
        j += 1;
    }
    if let Some(year) = year_at(toks, j, 1000..=2999)
        && !glued_number_follows(toks, j + 1)
    {
        return resolved(j + 1, Some(Value::Month(year, month)), Granularity::Month);
    }
    if let Some((day, k)) = day_at(toks, j)
        && !glued_number_follows(toks, j + 1)
        && !toks
            .get(k)
            .is_some_and(|n| n.kind == Kind::Word && !n.spaced)
    {
        let mut y = k;
        if toks.get(y).is_some_and(|p| p.s == ",") {
            y += 1;
        }
        if let Some(year) = year_at(toks, y, 1000..=2999)
            && !glued_number_follows(toks, y + 1)
        {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            return resolved(y + 1, Some(Value::Day(date)), Granularity::Day);
        }
        let value = anchor
            .and_then(|a| nearest_day(a, month, day))
            .map(Value::Day);
        return resolved(k, value, Granularity::Day);
    }
    // A bare month is a date only after a time preposition: "in March", not "May said".
    if abbreviated || i == 0 || !lower_is(toks.get(i - 1), &TIME_PREPOSITIONS) {
        return None;
    }
    month_expression(toks, i, i, month, anchor)
}

/// A month with no year ("in March", "mid-December"), placed by tense: the coming one in a
/// future clause, the latest one up to publication in a past one, else the nearer one.
fn month_expression(
    toks: &[Tok<'_>],
    start: usize,
    month_tok: usize,
    month: u32,
    anchor: Option<NaiveDate>,
) -> Option<Match> {
    let tense = tense_around(toks, start, month_tok + 1);
    let value = anchor.map(|a| {
        let (y, m) = (a.year(), a.month());
        let year = match tense {
            Tense::Future if month < m => y + 1,
            Tense::Past if month > m => y - 1,
            Tense::Future | Tense::Past => y,
            // No tense: the nearer of this year's and the neighbouring year's month.
            Tense::Unknown if month > m && month - m > 6 => y - 1,
            Tense::Unknown if month < m && m - month > 6 => y + 1,
            Tense::Unknown => y,
        };
        Value::Month(year, month)
    });
    resolved(month_tok + 1, value, Granularity::Month)
}

/// The date with this month and day nearest to the anchor ("Dec. 28" read on 3 January is
/// last year's).
fn nearest_day(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [anchor.year() - 1, anchor.year(), anchor.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

fn weekday_on_or_before(a: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + a.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    a - Days::new(u64::from(back))
}

fn weekday_on_or_after(a: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (7 + wd.num_days_from_monday() - a.weekday().num_days_from_monday()) % 7;
    a + Days::new(u64::from(ahead))
}

fn shift_days(a: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        a.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        a.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn shift_months(a: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        a.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        a.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// A word lower-cased on the stack. The scanner looks at every word of an article, and a
/// heap allocation per word was most of its time. Longer or non-ASCII words become "",
/// which matches no keyword.
pub(crate) struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    pub(crate) fn new(s: &str) -> Lower {
        let mut buf = [0u8; 24];
        if s.len() > buf.len() || !s.is_ascii() {
            return Lower { buf, len: 0 };
        }
        for (d, b) in buf.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        Lower { buf, len: s.len() }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes were copied in, so this cannot fail; "" is a safe fallback anyway.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_contractions_and_split_digits_from_suffixes() {
        let toks = tokenize("he'll meet 25th Dec. 2025-12-25");
        let texts: Vec<_> = toks.iter().map(|t| t.s).collect();
        assert_eq!(
            texts,
            [
                "he'll", "meet", "25", "th", "Dec", ".", "2025", "-", "12", "-", "25"
            ]
        );
        assert!(!toks[3].spaced && toks[2].spaced);
    }

    #[test]
    fn movable_feasts_fall_on_their_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (year, easter) in [
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
        ] {
            assert_eq!(easter_sunday(year), easter);
        }
        assert_eq!(
            feast_in(Feast::Nth(11, Weekday::Thu, 4), 2025),
            d(2025, 11, 27)
        );
        assert_eq!(feast_in(Feast::Last(5, Weekday::Mon), 2025), d(2025, 5, 26));
        assert_eq!(feast_in(Feast::Easter(-2), 2025), d(2025, 4, 18));
    }

    #[test]
    fn weekday_arithmetic_counts_the_day_itself() {
        let thu = NaiveDate::from_ymd_opt(2025, 12, 25).expect("valid date");
        assert_eq!(weekday_on_or_before(thu, Weekday::Thu), thu);
        assert_eq!(weekday_on_or_after(thu, Weekday::Mon).day(), 29);
        assert_eq!(weekday_on_or_before(thu, Weekday::Fri).day(), 19);
    }
}
