//! Finding quoted stretches: pairs of straight or curly double quotes in each paragraph
//! (also „…“ and „…” as German and Polish print them, and «…»; and single quotes in a
//! headline, where newsrooms use them, and in a body that has no double quotes at all:
//! British style), including quotes that run over paragraph breaks the way print style
//! writes them: no closing mark at the end of a paragraph, a new opening mark at the start of
//! the next.

use crate::extract::text::TextLayer;

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte just after the closing mark; `None` when the paragraph ends first.
    pub close_end: Option<usize>,
    /// The quoted text without marks, surrounding spaces and a trailing comma.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph in the layer.
    pub para: usize,
    /// Continues the unclosed quote of the previous paragraph.
    pub continues: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Straight,
    Curly,
    /// Opened by a low mark, „ (German, Polish, Czech…): “ or ” closes it.
    Low,
    /// «…» (French, Spanish, Italian, Russian…).
    Guillemet,
    Single,
}

/// Whether single marks can be quotation marks, and how sure a closing one must look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Singles {
    /// Single marks are apostrophes, or quotes within (double) quotes.
    No,
    /// A headline: '…' and ‘…’ are quotes.
    Headline,
    /// A body quoted in single marks (it has no double ones). A quote that opens a sentence
    /// (a whole statement) closes only on a mark after punctuation or before it ("…ready,'
    /// he said", "…ready.'"), so the apostrophe of "the workers' union" inside it does not
    /// end it.
    Body,
}

/// How a body quotes: [`Singles::Body`] when it has no double quotation mark and opens at
/// least one quote with a single mark (‘, or ' after a space and before a letter);
/// [`Singles::No`] otherwise.
pub fn body_style(text: &str) -> Singles {
    if text.contains(['"', '“', '”', '„', '«']) {
        return Singles::No;
    }
    let bytes = text.as_bytes();
    let opens = text.contains('‘')
        || bytes.starts_with(b"'") && bytes.get(1).is_some_and(u8::is_ascii_alphanumeric)
        || bytes
            .windows(3)
            .any(|w| w[0].is_ascii_whitespace() && w[1] == b'\'' && w[2].is_ascii_alphanumeric());
    if opens { Singles::Body } else { Singles::No }
}

/// Every quoted stretch in the layer, in text order; `singles` says whether single marks
/// quote.
pub fn find(layer: &TextLayer<'_>, singles: Singles) -> Vec<Marked> {
    let text = layer.text;
    let mut out = Vec::new();
    let mut previous_unclosed = false;
    let strict = singles == Singles::Body;
    let singles = singles != Singles::No;
    for (pi, para) in layer.paragraphs.iter().enumerate() {
        let ptext = &text[para.start..para.end];
        // (opening mark, its family, continues the previous paragraph's quote, opens a
        // sentence).
        let mut open: Option<(usize, Family, bool, bool)> = None;
        let mut first_open = true;
        // Only quote marks matter: skip to the bytes that can start one (`"`, `'` and the
        // lead byte of the curly marks) instead of walking every char.
        let marks = ptext
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
            .map(|(i, _)| i);
        for i in marks {
            let Some(ch) = ptext[i..].chars().next() else {
                continue;
            };
            let prev = ptext[..i].chars().next_back();
            let next = ptext[i + ch.len_utf8()..].chars().next();
            let at = para.start + i;
            let low_open = open.is_some_and(|(_, f, _, _)| f == Family::Low);
            let (opens, closes, family) = match ch {
                '“' | '”' if low_open => (false, true, Family::Low),
                '“' => (true, false, Family::Curly),
                '„' => (true, false, Family::Low),
                '”' => (false, true, Family::Curly),
                '«' => (true, false, Family::Guillemet),
                '»' => (false, true, Family::Guillemet),
                '"' => (true, true, Family::Straight),
                '‘' if singles => (
                    prev.is_none_or(|c| !c.is_alphanumeric()),
                    false,
                    Family::Single,
                ),
                '’' | '\'' if singles => {
                    let opener = ch == '\''
                        && prev.is_none_or(|c| c.is_whitespace() || "([—–-".contains(c))
                        && next.is_some_and(char::is_alphanumeric);
                    let mut closer = prev.is_some_and(|c| !c.is_whitespace())
                        && next.is_none_or(|c| !c.is_alphanumeric());
                    if strict && open.is_some_and(|(_, _, _, statement)| statement) {
                        closer &= prev.is_some_and(|c| ",.?!…—–-".contains(c))
                            || next.is_none_or(|c| ",.;:?!)—–".contains(c));
                    }
                    (opener, closer, Family::Single)
                }
                _ => continue,
            };
            match open {
                Some((o, f, c, _))
                    if closes && (f == family || mixed_close(f, family, ptext, i)) =>
                {
                    push(&mut out, text, o, at, Some(at + ch.len_utf8()), pi, c);
                    open = None;
                }
                // A new opening mark while one is open: the earlier one had no partner.
                Some((_, f, c, st))
                    if opens
                        && matches!(
                            (f, family),
                            (Family::Curly | Family::Low, Family::Curly | Family::Low)
                                | (Family::Guillemet, Family::Guillemet)
                        ) =>
                {
                    open = Some((at, family, c, st));
                }
                Some(_) => {}
                None if opens => {
                    let continues = previous_unclosed && first_open && ptext[..i].trim().is_empty();
                    open = Some((at, family, continues, opens_statement(ptext, i)));
                    first_open = false;
                }
                None => {}
            }
        }
        previous_unclosed = false;
        if let Some((o, f, c, _)) = open
            && f != Family::Single
        {
            push(&mut out, text, o, para.end, None, pi, c);
            previous_unclosed = true;
        }
    }
    out
}

/// Whether a quote opening at byte `i` of `ptext` opens a sentence (or follows a colon): a
/// whole statement rather than a phrase inside the writer's sentence.
fn opens_statement(ptext: &str, i: usize) -> bool {
    let before = ptext[..i].trim_end();
    before.is_empty() || before.ends_with(['.', ':', '?', '!', '—', '–'])
}

/// Mixed typography (“…" or "…”): a double mark of the other family closes an open quote
/// when it sits where a closing mark sits, after text and before a space or punctuation.
fn mixed_close(open: Family, close: Family, ptext: &str, i: usize) -> bool {
    if !matches!(open, Family::Straight | Family::Curly)
        || !matches!(close, Family::Straight | Family::Curly)
    {
        return false;
    }
    let prev = ptext[..i].chars().next_back();
    let next = ptext[i..].chars().nth(1);
    prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(|c| !c.is_alphanumeric())
}

fn push(
    out: &mut Vec<Marked>,
    text: &str,
    open: usize,
    inner_end: usize,
    close_end: Option<usize>,
    para: usize,
    continues: bool,
) {
    let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let inner_start = open + mark_len;
    let inner = &text[inner_start..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let mut trimmed = inner.trim();
    if let Some(t) = trimmed.strip_suffix(',') {
        trimmed = t.trim_end();
    }
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let start = inner_start + lead;
    out.push(Marked {
        open,
        close_end,
        start,
        end: start + trimmed.len(),
        para,
        continues,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    fn quoted(text: &str, headline: bool) -> Vec<(String, bool, bool)> {
        let layer = TextLayer::new(Field::Body, text);
        let singles = if headline {
            Singles::Headline
        } else {
            body_style(text)
        };
        find(&layer, singles)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.close_end.is_some(),
                    m.continues,
                )
            })
            .collect()
    }

    fn q(s: &str, closed: bool, continues: bool) -> (String, bool, bool) {
        (s.to_string(), closed, continues)
    }

    #[test]
    fn straight_and_curly_pairs_without_marks_and_trailing_comma() {
        assert_eq!(
            quoted(
                "“We are working,” he said. She said \"fine\" and ok.",
                false
            ),
            [q("We are working", true, false), q("fine", true, false)]
        );
    }

    #[test]
    fn low_opening_marks_close_on_a_high_one_and_guillemets_pair() {
        // German „…“ (the closing mark is the English opening one), Polish „…”, and «…».
        assert_eq!(
            quoted(
                "„Die Wärmewende entscheidet sich in den Städten“, sagte Bieberbach.",
                false
            ),
            [q(
                "Die Wärmewende entscheidet sich in den Städten",
                true,
                false
            )]
        );
        assert_eq!(
            quoted("Powiedział: „Nie”. Potem „tak”.", false),
            [q("Nie", true, false), q("tak", true, false)]
        );
        assert_eq!(
            quoted(
                "«Queremos que ir en bicicleta sea la opción más fácil», afirmó García.",
                false
            ),
            [q(
                "Queremos que ir en bicicleta sea la opción más fácil",
                true,
                false
            )]
        );
    }

    #[test]
    fn a_quote_runs_over_a_paragraph_break_without_a_closing_mark() {
        assert_eq!(
            quoted("He said: “First part.\n“Second part,” he added.", false),
            [q("First part.", false, false), q("Second part", true, true)]
        );
    }

    #[test]
    fn headline_single_quotes_but_not_apostrophes() {
        assert_eq!(
            quoted("'Good' talks on Russia's war: Zelenskyy", true),
            [q("Good", true, false)]
        );
        assert_eq!(
            quoted("‘Good’ talks, Trump’s men", true),
            [q("Good", true, false)]
        );
        assert!(quoted("Russia's war", false).is_empty());
    }

    #[test]
    fn a_body_without_double_quotes_quotes_in_single_marks() {
        assert_eq!(
            quoted(
                "'We are ready for talks,' the minister said. He called the plan \
                 'unworkable' and left.",
                false
            ),
            [
                q("We are ready for talks", true, false),
                q("unworkable", true, false)
            ]
        );
        assert_eq!(
            quoted(
                "Ms Reeves said: ‘The workers’ union will not strike. We’ve agreed.’ Then",
                false
            ),
            [q(
                "The workers’ union will not strike. We’ve agreed.",
                true,
                false
            )]
        );
        // Apostrophes alone quote nothing.
        assert!(quoted("The workers' union said it's the leaders' call.", false).is_empty());
        // With double quotes in the body, single marks stay apostrophes.
        assert_eq!(
            quoted(
                "\"Fine,\" he said of the 'plan' and the workers' union.",
                false
            ),
            [q("Fine", true, false)]
        );
    }

    #[test]
    fn mixed_curly_and_straight_marks_pair_up_by_position() {
        assert_eq!(
            quoted(
                "“At this point, no,\" said Al. \"We’ve made mistakes.” Then",
                false
            ),
            [
                q("At this point, no", true, false),
                q("We’ve made mistakes.", true, false)
            ]
        );
    }

    #[test]
    fn single_quotes_inside_a_body_quote_stay_in_it() {
        assert_eq!(
            quoted(
                "“He told me, ‘We will win,’ and I believed him,” Smith said.",
                false
            ),
            [q(
                "He told me, ‘We will win,’ and I believed him",
                true,
                false
            )]
        );
    }
}
