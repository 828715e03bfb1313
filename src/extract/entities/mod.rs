//! Mention clustering: one entity per real-world thing.
//!
//! The recogniser tags stretches of text; readers want people and organisations. So
//! "Zelenskyy" joins "Volodymyr Zelenskyy", "U.S." joins "the United States", "NATO" joins
//! "North Atlantic Treaty Organization", and "Donald Trump’s" is the mention "Donald Trump".
//! The entity's name is its fullest form and its salience says how central it is to the
//! article (headline, lead, frequency).

pub mod acronyms;
pub mod aliases;
pub mod based;
pub mod cases;
pub mod companies;
pub mod credits;
pub mod diseases;
pub mod facilities;
pub mod headlines;
pub mod holidays;
pub mod index;
pub mod institutions;
pub mod lists;
pub mod lone_names;
pub mod propagate;
pub mod publications;
pub mod regnal;
pub mod sentence_starts;
pub mod settlements;
pub mod short_names;
pub mod surnames;
pub mod teams;
pub mod titled;
pub mod vessels;
pub mod words;
pub mod works;

use rustc_hash::FxHashMap;

use super::doc::{Doc, EntityDraft, Mention};
use super::places;
use super::roles::{lexicon, party};
use crate::record::{EntityType, Field};
use words::Word;

/// Groups mentions into entities, trimming possessives, a leading "the" and titles the
/// recogniser took into a name ("President Donald Trump’s" → "Donald Trump").
pub fn cluster(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<EntityDraft> {
    let mentions = sentence_starts::drop_common_words(doc, mentions);
    let mentions = regnal::join_numerals(doc, mentions);
    let mentions = vessels::join(doc, mentions);
    let mentions = works::titles_in_quotes(doc, headlines::trim_run_ons(doc, mentions));
    let (mentions, definitions) = acronyms::defined(doc, mentions);
    let mut mentions = based::compounds(doc, mentions);
    companies::retype(doc, &mut mentions);
    credits::retype(doc, &mut mentions);
    cases::retype(doc, &mut mentions);
    diseases::retype(doc, &mut mentions);
    titled::retype(doc, &mut mentions);
    institutions::retype(doc, &mut mentions);
    surnames::retype(doc, &mut mentions);
    publications::retype(doc, &mut mentions);
    settlements::retype(doc, &mut mentions);
    teams::retype(doc, &mut mentions);
    lone_names::retype(doc, &mut mentions);
    short_names::retype(doc, &mut mentions);
    facilities::retype(doc, &mut mentions);
    lists::people_in_lists(doc, &mut mentions);
    lists::places_in_lists(doc, &mut mentions);
    let mut buf = Vec::new();
    let prepared: Vec<Prepared> = split_place_pairs(doc, mentions)
        .into_iter()
        .filter_map(|m| Prepared::new(doc, m, &mut buf))
        .collect();

    // Entities are seeded by the forms that say most (full names, known aliases), then the
    // short forms join them, so "Trump" before "Donald Trump" in the text still joins.
    let mut groups: Vec<Group> = Vec::new();
    let mut owner: Vec<Option<usize>> = vec![None; prepared.len()];
    for (i, p) in prepared.iter().enumerate() {
        if p.alias.is_none() && p.words.len() < 2 {
            continue;
        }
        let found = groups.iter_mut().position(|g| g.takes_full(p));
        owner[i] = Some(match found {
            Some(g) => g,
            None => {
                groups.push(Group::seed(p));
                groups.len() - 1
            }
        });
    }
    // "UNIFIL" joins "U.N. Interim Force in Lebanon", which the text defined it as, though
    // the name's initials are "UIFL".
    for d in &definitions {
        let words = d.words(doc);
        if let Some(g) = groups.iter_mut().find(|g| g.words == words) {
            g.acronym = d.letters(doc);
        }
    }
    // How the recogniser typed each one-word form on its own: a word it calls a place seven
    // times is a place, whatever one person's name in a headline ends with.
    let mut tagged: FxHashMap<String, [u32; 2]> = FxHashMap::default();
    for p in prepared
        .iter()
        .filter(|p| p.alias.is_none() && p.words.len() == 1)
    {
        let counts = tagged.entry(p.last_word().to_lowercase()).or_default();
        counts[usize::from(p.mention.kind != EntityType::Person)] += 1;
    }
    let tags_of = |p: &Prepared| tagged.get(&p.last_word().to_lowercase()).copied();
    for (i, p) in prepared.iter().enumerate() {
        if owner[i].is_some() {
            continue;
        }
        let tags = tags_of(p).unwrap_or_default();
        let matches: Vec<(usize, Short)> = (0..groups.len())
            .map(|g| (g, groups[g].takes_short(p, tags)))
            .filter(|&(_, m)| m != Short::No)
            .collect();
        // "Lebed" with "Alexander Lebed" and a headline's "Lebed Chechnya": a surname match
        // says more than a first-name one.
        let best = matches.iter().map(|&(_, m)| m).max();
        let candidates: Vec<usize> = matches
            .iter()
            .filter(|&&(_, m)| Some(m) == best)
            .map(|&(g, _)| g)
            .collect();
        let chosen = match candidates.as_slice() {
            [] => None,
            [one] => Some(*one),
            _ if best == Some(Short::OrgTail) => None,
            // "Clinton" with both Hillary and Bill Clinton around: see `shared_surname`.
            many => shared_surname(doc, &prepared, &owner, many, p),
        };
        owner[i] = Some(match chosen {
            Some(g) => g,
            None => {
                groups.push(Group::seed(p));
                groups.len() - 1
            }
        });
    }

    let mut drafts: Vec<EntityDraft> = groups
        .into_iter()
        .map(|g| EntityDraft::new(g.kind, g.name, Vec::new()))
        .collect();
    for (p, g) in prepared.into_iter().zip(owner) {
        if let Some(g) = g {
            drafts[g].mentions.push(p.mention);
        }
    }
    for d in &mut drafts {
        d.mentions.sort_by_key(|m| (m.field, m.start));
        d.mentions.dedup_by_key(|m| (m.field, m.start, m.end));
    }
    drafts.retain(|d| !d.mentions.is_empty());
    propagate::propagate(doc, &mut drafts);
    score_salience(doc, &mut drafts);
    drafts
}

/// "Paris, Marseille and Nice airports": the recogniser sometimes takes two places joined by
/// "and" for one organisation's name. A mention that is two known places either side of one
/// "and", and not itself a place ("Bosnia and Herzegovina"), becomes those two places.
fn split_place_pairs(doc: &Doc<'_>, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let layer = doc.layer(m.field);
        let mut and = m.tokens.clone().filter(|&i| layer.token_text(i) == "and");
        let split = match (and.next(), and.next()) {
            (Some(i), None)
                if m.kind != EntityType::Person && i > m.tokens.start && i + 1 < m.tokens.end =>
            {
                let left = layer.tokens[m.tokens.start].start..layer.tokens[i - 1].end;
                let right = layer.tokens[i + 1].start..layer.tokens[m.tokens.end - 1].end;
                let known =
                    |r: &std::ops::Range<usize>| places::is_place_name(&layer.text[r.clone()]);
                (known(&left)
                    && known(&right)
                    && !places::is_place_name(&layer.text[m.start..m.end]))
                .then_some((i, left, right))
            }
            _ => None,
        };
        match split {
            Some((i, left, right)) => {
                out.push(Mention {
                    start: left.start,
                    end: left.end,
                    tokens: m.tokens.start..i,
                    kind: EntityType::Location,
                    ..m.clone()
                });
                out.push(Mention {
                    start: right.start,
                    end: right.end,
                    tokens: i + 1..m.tokens.end,
                    kind: EntityType::Location,
                    ..m
                });
            }
            None => out.push(m),
        }
    }
    out
}

/// A mention, trimmed, with the words and alias clustering compares (borrowed from the
/// article text: clustering allocates only for the entities it builds).
struct Prepared<'a> {
    mention: Mention,
    surface: &'a str,
    words: Vec<&'a str>,
    alias: Option<(&'static str, bool)>,
}

impl<'a> Prepared<'a> {
    fn new(doc: &Doc<'a>, mut m: Mention, buf: &mut Vec<Word>) -> Option<Self> {
        let layer = doc.layer(m.field);
        let text: &'a str = layer.text;
        words::scan_into(text, m.start, m.end, buf);
        // A period ends its sentence when no word follows it in the sentence (only closing
        // quotes or brackets may).
        let full_stop = |pos: usize| {
            let si = layer.sentences.partition_point(|s| s.end <= pos);
            layer.sentences.get(si).is_none_or(|s| {
                !layer.tokens[s.tokens.clone()]
                    .iter()
                    .any(|t| t.start > pos && words::is_wordlike(&text[t.start..t.end]))
            })
        };
        let (a, b, start, end) = trim_span(text, buf, m.kind, &full_stop)?;
        if (start, end) != (m.start, m.end) {
            m.start = start;
            m.end = end;
            // The token the span starts in: "Donald" starts inside "Anti-Donald".
            let first = layer.tokens.partition_point(|t| t.end <= start);
            let last = layer.tokens.partition_point(|t| t.end <= end);
            m.tokens = first..last.max(first);
        }
        let surface = &text[m.start..m.end];
        // "D-N.Y." after a senator's name is their party, not an entity of its own.
        if party::party_of(surface).is_some() {
            return None;
        }
        // "the Taoiseach said", "the Pope": a title after "the" describes a person the text
        // names elsewhere; as an entity of its own it would take that person's quotes.
        if m.kind == EntityType::Person
            && lexicon::is_head(surface)
            && text[..m.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            return None;
        }
        if holidays::is_holiday(surface) {
            m.kind = EntityType::Misc;
        }
        let alias = aliases::canonical(surface);
        let mut words: Vec<&'a str> = buf[a..b]
            .iter()
            .map(|w| &text[w.start.max(start)..w.end.min(end)])
            .filter(|w| words::is_wordlike(w))
            .collect();
        // "The Hague" keeps its article in the text, but "Hague" alone is the same place.
        if words.len() >= 2 && words[0].eq_ignore_ascii_case("the") {
            words.remove(0);
        }
        Some(Prepared {
            mention: m,
            surface,
            words,
            alias,
        })
    }

    fn last_word(&self) -> &'a str {
        self.words.last().copied().unwrap_or("")
    }

    /// The mention's text with runs of whitespace (line breaks inside a name) made single
    /// spaces: the form an entity name takes.
    fn name(&self) -> String {
        self.surface
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Whether `short` is the last words of `long`: "Von der Leyen" (or a headline's "VON DER
/// LEYEN") of "Ursula von der Leyen", "Wasserman Schultz" of "Debbie Wasserman Schultz".
/// Two words at least: a bare surname joins by its own rule ([`Group::takes_short`]).
fn ends_name(short: &[impl AsRef<str>], long: &[impl AsRef<str>]) -> bool {
    short.len() >= 2
        && short.len() < long.len()
        && short
            .iter()
            .zip(&long[long.len() - short.len()..])
            .all(|(a, b)| same_word(a.as_ref(), b.as_ref()))
}

/// A surname without the Arabic article news copy writes or drops at will: "al-Assad" is
/// "Assad", "el-Sisi" "Sisi". A word that is only the article stays.
fn without_article(word: &str) -> &str {
    let b = word.as_bytes();
    let prefixed = b.len() > 3 && matches!(&b[..3], [b'a' | b'A' | b'e' | b'E', b'l' | b'L', b'-']);
    if prefixed { &word[3..] } else { word }
}

/// Case-insensitive equality of a mention word and a lower-case entity word.
fn same_word(word: &str, lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower)
}

/// The span a mention should have: without a trailing possessive, punctuation or handle
/// ("@NolteNC"), without a leading lowercase "the", and without titles and forms of address
/// in front of a person's name, nor a headline's "Anti-" ("Anti-Donald Trump"). `None` when
/// nothing is left.
/// Returns the kept words `ws[a..b]` and the byte span.
///
/// What stays is what belongs to the name as the article writes it: a currency sign or an
/// abbreviation's period glued to it ("C$", "Fla."), a bracketed part whose opening bracket
/// the mention holds ("Mladost (L)"), a capitalised "The" ("The Hague", "The Oval"; the
/// recogniser leaves out the article of "the United States" and takes in the one that is
/// part of a name), and a given name that is also a title ("Dean Jones").
fn trim_span(
    text: &str,
    ws: &[Word],
    kind: EntityType,
    full_stop: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize, usize, usize)> {
    let mut a = 0;
    let mut b = ws.len();
    while a < b && !words::is_wordlike(ws[a].text(text)) {
        a += 1;
    }
    // Trailing punctuation: a stray comma, colon or quote mark the recogniser took in.
    while b > a
        && !words::is_wordlike(ws[b - 1].text(text))
        && !belongs_to_name(text, &ws[a..b], full_stop)
    {
        b -= 1;
    }
    // "Follow him on Twitter @NolteNC": a handle or a hashtag after a name is an address,
    // not part of the name.
    // Words split the sign from the handle: "@", "NolteNC".
    while b > a + 2 && matches!(ws[b - 2].text(text), "@" | "#") && ws[b - 2].end == ws[b - 1].start
    {
        b -= 2;
    }
    if a >= b {
        return None;
    }
    let mut end_byte = ws[b - 1].end;
    let (base, possessive) = words::strip_possessive(ws[b - 1].text(text));
    if possessive {
        end_byte = ws[b - 1].start + base.len();
    }
    // "the United States" (but "The Hague")
    if kind != EntityType::Person && b - a >= 2 && ws[a].text(text) == "the" {
        a += 1;
    }
    // "President Donald Trump", "Mr. Smith", "Staff Andrii Hnatov": the title is a role,
    // not part of the name.
    if kind != EntityType::Person {
        let before = b;
        (a, b) = trim_titles(text, ws, kind, a, b)?;
        // "Senate Majority Leader Mitch McConnell", "State Department Inspector General
        // Steve Linick": the recogniser took the first word of the title into the body's
        // name; "House Majority PAC" keeps it.
        let title_starts = || {
            let Some(next) = text[ws[b - 1].end..].split_whitespace().next() else {
                return false;
            };
            let next = words::strip_possessive(next).0;
            TWO_WORD_TITLES.iter().any(|(first, second)| {
                in_list(first, ws[b - 1].text(text)) && in_list(second, next)
            })
        };
        if b == ws.len() && b - a >= 2 && title_starts() {
            b -= 1;
        }
        if b != before {
            end_byte = ws[b - 1].end;
        }
    }
    if kind == EntityType::Person {
        // "To Sexton, who …", "(See Sexton's full timeline": a capitalised word that opens
        // a sentence but no name.
        while b - a >= 2 && in_list(NOT_NAME_STARTS, ws[a].text(text)) {
            a += 1;
        }
        while b - a >= 2 {
            let w = ws[a].text(text);
            let title = lexicon::is_honorific(w)
                || lexicon::is_head(w)
                || lexicon::is_modifier(w)
                || lexicon::is_institution(w);
            if title && !(b - a == 2 && is_given_name_title(w)) {
                a += 1;
            } else {
                break;
            }
        }
    }
    let mut start_byte = ws[a].start;
    // "Anti-Donald Trump Skywriting Campaign": a headline's capitalised "anti-" or "pro-"
    // makes the name an adjective's stem; the person is the name without it.
    if kind == EntityType::Person {
        let first = ws[a].text(text);
        let stem = ["anti-", "pro-"].iter().find_map(|p| {
            first
                .get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| &first[p.len()..])
        });
        if stem.is_some_and(words::is_capitalized) {
            start_byte += first.len() - stem.map_or(0, str::len);
        }
    }
    (end_byte > start_byte).then_some((a, b, start_byte, end_byte))
}

/// Words that open a sentence, never a person's name: prepositions, conjunctions and the
/// imperatives of captions ("See", "Ask"). Not "Will" or "May", which are names too.
const NOT_NAME_STARTS: &[&str] = &[
    "after", "against", "and", "as", "ask", "at", "before", "but", "by", "for", "from", "if", "in",
    "meet", "of", "on", "or", "see", "since", "than", "thank", "thanks", "to", "under", "when",
    "while", "with", "without",
];

/// Whether `word` is one of `list` (lowercase words), in any case.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Titles of two words whose first word the recogniser takes into the name of the body
/// before them: a word of the first list followed by one of the second.
const TWO_WORD_TITLES: &[(&[&str], &[&str])] = &[
    (&["Majority", "Minority"], &["Leader", "Whip"]),
    (
        &[
            "Inspector",
            "Attorney",
            "Solicitor",
            "Surgeon",
            "Postmaster",
        ],
        &["General"],
    ),
];

/// Titles of office that follow the place, people or body they serve ("Texas Congressman",
/// "Ukrainian President", "Fed Chairman"). Only these: a name may end in another title
/// word ("Hilton Head", "Hugo Boss", "Burger King", "HuffPost Pollster").
const TITLE_TAILS: &[&str] = &[
    "ambassador",
    "ceo",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "congressman",
    "congresswoman",
    "director",
    "envoy",
    "governor",
    "leader",
    "mayor",
    "mep",
    "meps",
    "minister",
    "mla",
    "mp",
    "mps",
    "msp",
    "official",
    "premier",
    "president",
    "prosecutor",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Modifiers of a title that go with it when the title is cut from a name ("Ukrainian
/// Foreign Minister"); the others may end a name themselves ("Homeland Security").
const TITLE_TAIL_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "deputy",
    "foreign",
    "former",
    "interim",
    "junior",
    "prime",
    "senior",
    "top",
    "vice",
];

/// The words `ws[a..b]` of a place, organisation or other name without the title the
/// recogniser took in with it: "Texas Congressman" is the place Texas, "Ukrainian Foreign
/// Minister" the adjective Ukrainian, "National Director of The Remembrance Project" the
/// organisation. A lone title ("Co-founder" tagged as a name) is no name: `None`.
fn trim_titles(
    text: &str,
    ws: &[Word],
    kind: EntityType,
    mut a: usize,
    mut b: usize,
) -> Option<(usize, usize)> {
    let w = |i: usize| ws[i].text(text);
    if b - a == 1 && kind != EntityType::Organization && lexicon::is_head(w(a)) {
        return None;
    }
    // "Director of the FBI", "National Director of The Remembrance Project".
    let mut i = a;
    let mut head = false;
    while i < b && !in_list(&["of", "the"], w(i)) {
        let is_head = lexicon::is_head(w(i));
        if !is_head && !lexicon::is_modifier(w(i)) {
            break;
        }
        head |= is_head;
        i += 1;
    }
    if head && i + 1 < b && w(i) == "of" {
        let j = if w(i + 1) == "the" { i + 2 } else { i + 1 };
        let rest = &ws[j.min(b)..b];
        let acronym = rest.len() == 1
            && rest[0].text(text).len() >= 2
            && rest[0].text(text).chars().all(|c| c.is_ascii_uppercase());
        if (rest.len() >= 2 || acronym) && rest[0].text(text).starts_with(char::is_uppercase) {
            a = j;
        }
    }
    // "Texas Congressman", "Fed Chairman".
    let mut e = b;
    while e > a + 1 && in_list(TITLE_TAILS, w(e - 1)) {
        e -= 1;
    }
    if e < b {
        while e > a + 1 && in_list(TITLE_TAIL_MODIFIERS, w(e - 1)) {
            e -= 1;
        }
        let last = w(e - 1);
        if last.starts_with(char::is_uppercase) && !in_list(&["of", "the", "and"], last) {
            b = e;
        }
    }
    Some((a, b))
}

/// Whether the last of `ws` (a punctuation mark) is part of the name the words before it
/// form: a closing bracket whose opening bracket is among them, a currency sign written
/// right after the last word ("C$", "HK$"), or a period written right after it that does
/// not end the sentence ("Jacksonville, Fla., said"; `full_stop` tells). A separate comma,
/// quote mark or full stop is not.
fn belongs_to_name(text: &str, ws: &[Word], full_stop: &dyn Fn(usize) -> bool) -> bool {
    let Some((last, rest)) = ws.split_last() else {
        return false;
    };
    let mark = last.text(text);
    let opener = match mark {
        ")" => Some("("),
        "]" => Some("["),
        _ => None,
    };
    if let Some(open) = opener {
        let opened = rest.iter().filter(|w| w.text(text) == open).count();
        let closed = rest.iter().filter(|w| w.text(text) == mark).count();
        return opened > closed;
    }
    let glued = rest
        .last()
        .is_some_and(|w| w.end == last.start && words::is_wordlike(w.text(text)));
    match mark {
        "$" | "€" | "£" | "¥" => glued,
        "." => glued && !full_stop(last.start),
        _ => false,
    }
}

/// Titles that stand before a surname more often as a given name: "Dean Jones" is a man
/// called Dean (news style writes "John Smith, dean of ..."), where "King Abdullah" is a king.
fn is_given_name_title(word: &str) -> bool {
    word.eq_ignore_ascii_case("dean")
}

/// An entity being formed.
struct Group {
    kind: EntityType,
    name: String,
    /// Lowercase words of the fullest form so far.
    words: Vec<String>,
    alias: Option<&'static str>,
    /// Initials of the capitalised words of a multi-word organisation name ("FBI").
    acronym: String,
    /// Mentions of the full forms (several words or an alias) that joined so far.
    full: u32,
    /// Whether one of them is in the body (not only in the headline).
    full_in_body: bool,
}

/// How a one-word mention matches a group ([`Group::takes_short`]); stronger is greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Short {
    No,
    /// The last word of a two-word organisation ("City" for "Manchester City"): taken only
    /// when no other organisation of the article ends the same way ("Department" with the
    /// State and the Justice Department is neither).
    OrgTail,
    /// A person's first name, or an organisation's first word or acronym.
    First,
    /// A person's last name.
    Last,
}

impl Group {
    fn seed(p: &Prepared) -> Self {
        let (kind, name) = match p.alias {
            Some((canonical, true)) => (EntityType::Location, canonical.to_string()),
            // Every other alias names an organisation (the EU, NATO, a party), whatever the
            // recogniser called the mention that came first ("a Nato official" as MISC).
            Some((canonical, false)) => (EntityType::Organization, canonical.to_string()),
            None => (p.mention.kind, p.name()),
        };
        let mut g = Group {
            kind,
            name,
            words: Vec::new(),
            alias: p.alias.map(|a| a.0),
            acronym: String::new(),
            full: 1,
            full_in_body: p.mention.field == Field::Body,
        };
        g.set_words(&p.words);
        g
    }

    /// The last word of a person's name, before a generation: "Luther Stan Pate IV" and "Al
    /// Unser Jr" are called "Pate" and "Unser" (while "Jr." and "III" keep father and son
    /// apart as full names).
    fn surname(&self) -> Option<&String> {
        match self.words.as_slice() {
            [.., name, last] if self.words.len() >= 3 && regnal::is_generation(last) => Some(name),
            _ => self.words.last(),
        }
    }

    fn set_words(&mut self, words: &[&str]) {
        self.words = words.iter().map(|w| w.to_lowercase()).collect();
        self.acronym = if words.len() >= 2 {
            words
                .iter()
                .filter(|w| words::is_capitalized(w))
                .filter_map(|w| w.chars().next())
                .collect()
        } else {
            String::new()
        };
    }

    /// Whether a full-form mention (several words or an alias) is this entity.
    fn takes_full(&mut self, p: &Prepared) -> bool {
        if let Some((canonical, _)) = p.alias {
            return self.alias == Some(canonical);
        }
        if self.alias.is_some() || !compatible(self.kind, p.mention.kind) {
            return false;
        }
        let words = &p.words;
        let pair = |a: Option<&&str>, b: Option<&String>| match (a, b) {
            (Some(a), Some(b)) => same_word(a, b),
            _ => false,
        };
        let same = if self.kind == EntityType::Person {
            // "Donald J. Trump" and "Donald Trump": same first and last name; "Von der
            // Leyen" and "Ursula von der Leyen": one ends the other.
            ends_name(words, &self.words)
                || ends_name(&self.words, words)
                || (pair(words.first(), self.words.first())
                    && pair(words.last(), self.words.last()))
        } else {
            words.len() == self.words.len()
                && words.iter().zip(&self.words).all(|(a, b)| same_word(a, b))
        };
        // The fullest form names the entity; of two as long, the one not in capitals (a
        // headline's "JOE BIDEN" gives way to the body's "Joe Biden").
        let shouts = |n: &str| !n.chars().any(char::is_lowercase);
        let fuller = p.surface.len() > self.name.len()
            || (p.surface.len() == self.name.len() && shouts(&self.name) && !shouts(p.surface));
        if same && fuller {
            self.name = p.name();
            self.set_words(&p.words);
        }
        if same {
            self.full += 1;
            self.full_in_body |= p.mention.field == Field::Body;
        }
        same
    }

    /// How a one-word mention is a short form of this entity: a last name, a first name
    /// of a person, the acronym or first word of an organisation. `tags` counts the
    /// one-word mentions of the same word the recogniser typed as a person and as
    /// anything else.
    fn takes_short(&self, p: &Prepared, tags: [u32; 2]) -> Short {
        let w = p.last_word();
        if self.alias.is_some() {
            return Short::No;
        }
        let is = |lower: Option<&String>| lower.is_some_and(|l| same_word(w, l));
        let person = p.mention.kind == EntityType::Person;
        if self.kind == EntityType::Person {
            // A recogniser often tags a bare surname as an organisation or place; the full
            // name in the same article is the stronger evidence. Not a name seen only in
            // the headline, where words run together ("Yeltsin backs Lebed Chechnya plan"),
            // when the body tags the word otherwise more often.
            let [as_person, otherwise] = tags;
            let outvoted = !person && !self.full_in_body && otherwise > as_person + self.full;
            let surname = self
                .surname()
                .is_some_and(|l| same_word(without_article(w), without_article(l)));
            if self.words.len() >= 2 && surname && !outvoted {
                return Short::Last;
            }
            let first = self.words.len() >= 2 && person && is(self.words.first());
            // A one-word person ("Nice" mis-tagged once in a headline) is no such evidence: it
            // takes only mentions tagged as people.
            let alone = self.words.len() == 1 && person && is(self.words.first());
            return if first || alone {
                Short::First
            } else {
                Short::No
            };
        }
        if !compatible(self.kind, p.mention.kind) {
            return Short::No;
        }
        let acronym =
            self.acronym.len() >= 2 && w.chars().filter(|&c| c != '.').eq(self.acronym.chars());
        // "Fox" is "Fox News", but "Democratic" is not the Democratic National Committee.
        // "Mercantile" for "Mercantile Bancorp Inc.": a word and legal forms only.
        let short_name = self.words.len() >= 2
            && self.words[1..]
                .iter()
                .all(|w| short_names::is_legal_form(w))
            && is(self.words.first());
        if acronym || short_name || (self.words.len() <= 2 && is(self.words.first())) {
            Short::First
        } else if self.words.len() == 2 && is(self.words.last()) && !places::is_place_name(w) {
            Short::OrgTail
        } else {
            Short::No
        }
    }
}

/// Kinds that may name the same thing. Only the same kind: a city's name is a place in a
/// dateline and an organisation when it is the city's team ("PITTSBURGH" / "Pittsburgh beat
/// Chicago"), and merging the two gives every mention one wrong type (on CoNLL-2003 dev,
/// merging organisations with places cost 1.5 F1). Aliases ("the Kremlin") are handled
/// before this, and a bare surname joins a person by its own rule.
fn compatible(a: EntityType, b: EntityType) -> bool {
    a == b
}

/// Which of several people sharing a surname a bare surname means. Newsrooms name the
/// secondary one in full ("Bill Clinton", "Ivanka Trump") and leave the bare surname to the
/// story's main one, so: one named in full earlier in the same sentence ("Bill Clinton
/// thanked the crowd, and Clinton …"), else the one mentioned most so far, the first
/// introduced on a tie.
fn shared_surname(
    doc: &Doc<'_>,
    prepared: &[Prepared],
    owner: &[Option<usize>],
    candidates: &[usize],
    p: &Prepared,
) -> Option<usize> {
    let at = (p.mention.field, p.mention.start);
    let sentences = &doc.layer(p.mention.field).sentences;
    let k = sentences.partition_point(|s| s.end <= p.mention.start);
    let sentence_start = sentences.get(k).map_or(0, |s| s.start);
    let before = || {
        prepared.iter().zip(owner).filter_map(|(q, g)| {
            let g = (*g)?;
            let pos = (q.mention.field, q.mention.start);
            (candidates.contains(&g) && pos < at).then_some((q, pos, g))
        })
    };
    let local = before()
        .filter(|(q, pos, _)| {
            q.words.len() >= 2 && pos.0 == at.0 && q.mention.start >= sentence_start
        })
        .max_by_key(|&(_, pos, _)| pos);
    if let Some((_, _, g)) = local {
        return Some(g);
    }
    // (mentions so far, earliest mention reversed) per candidate.
    let mut tally: Vec<(usize, usize, (Field, usize))> = Vec::new();
    for (_, pos, g) in before() {
        match tally.iter_mut().find(|t| t.0 == g) {
            Some(t) => {
                t.1 += 1;
                t.2 = t.2.min(pos);
            }
            None => tally.push((g, 1, pos)),
        }
    }
    tally
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(&a.2)))
        .map(|(g, _, _)| g)
}

/// Salience in [0, 1]: how often the article names the entity (relative to the most named
/// one), whether the headline names it, whether the lead paragraph does, and how early;
/// places weigh less than people and organisations.
fn score_salience(doc: &Doc<'_>, drafts: &mut [EntityDraft]) {
    let most = drafts.iter().map(|d| d.mentions.len()).max().unwrap_or(1) as f64;
    let body_len = doc.body.text.len().max(1) as f64;
    let lead_end = doc.body.paragraphs.first().map_or(0, |p| p.end);
    for d in drafts.iter_mut() {
        let frequency = d.mentions.len() as f64 / most;
        let headline = d.mentions.iter().any(|m| m.field == Field::Title);
        let first_body = d
            .mentions
            .iter()
            .find(|m| m.field == Field::Body)
            .map(|m| m.start);
        let lead = first_body.is_some_and(|s| s < lead_end);
        let early = first_body.map_or(0.0, |s| 1.0 - s as f64 / body_len);
        let mut score = 0.45 * frequency
            + 0.25 * f64::from(u8::from(headline))
            + 0.15 * f64::from(u8::from(lead))
            + 0.15 * early;
        // Places mostly set the scene ("talks between Ukraine and the US"); at equal
        // frequency readers take the people and organisations as what the story is about.
        if d.kind == EntityType::Location {
            score *= 0.8;
        }
        d.salience = (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    }
}

/// Marks every whole-word occurrence of the given names as a mention of the given kind.
///
/// For callers that already know whom an article is about (a watch-list, a curated set of
/// names) and for tests that need mentions without a trained recogniser. Longer names win
/// over names inside them ("Donald Trump" before "Trump").
pub fn mentions_of(doc: &Doc<'_>, names: &[(&str, EntityType)]) -> Vec<Mention> {
    let mut sorted: Vec<&(&str, EntityType)> = names.iter().collect();
    sorted.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out: Vec<Mention> = Vec::new();
    for layer in doc.layers() {
        let text = layer.text;
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for &&(name, kind) in &sorted {
            if name.is_empty() {
                continue;
            }
            for (start, _) in text.match_indices(name) {
                let end = start + name.len();
                let boundary_before = text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let boundary_after = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if !boundary_before
                    || !boundary_after
                    || taken.iter().any(|&(s, e)| s < end && start < e)
                {
                    continue;
                }
                taken.push((start, end));
                let first = layer.tokens.partition_point(|t| t.start < start);
                let last = layer.tokens.partition_point(|t| t.end <= end);
                out.push(Mention {
                    field: layer.field,
                    start,
                    end,
                    tokens: first..last.max(first),
                    kind,
                });
            }
        }
    }
    out.sort_by_key(|m| (m.field, m.start));
    out
}

/// For the tests of the rules: the expected (text, type) pairs as the rules' output.
#[cfg(test)]
pub(crate) fn owned(v: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
    v.iter().map(|(s, k)| (s.to_string(), *k)).collect()
}

/// For the tests of the joining rules: runs `rule`, which may merge and re-span mentions,
/// over the mentions of `names` in a body `text` and returns each mention's text and type.
#[cfg(test)]
pub(crate) fn joined_by(
    rule: fn(&Doc<'_>, Vec<Mention>) -> Vec<Mention>,
    text: &str,
    names: &[(&str, EntityType)],
) -> Vec<(String, EntityType)> {
    let doc = Doc::new(None, text, None);
    rule(&doc, mentions_of(&doc, names))
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind))
        .collect()
}

/// For the tests of the retyping rules: runs `rule` over the mentions of `names` in a body
/// `text` and returns each mention's text and type, in order.
#[cfg(test)]
pub(crate) fn retyped_by(
    rule: fn(&Doc<'_>, &mut [Mention]),
    text: &str,
    names: &[(&str, EntityType)],
) -> Vec<(String, EntityType)> {
    let doc = Doc::new(None, text, None);
    let mut mentions = mentions_of(&doc, names);
    rule(&doc, &mut mentions);
    mentions
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    fn entities(title: Option<&str>, body: &str, names: &[(&str, EntityType)]) -> Vec<EntityDraft> {
        let doc = Doc::new(title, body, None);
        let mentions = mentions_of(&doc, names);
        cluster(&doc, mentions)
    }

    /// Name, type and mention count of every entity.
    fn kinds(drafts: &[EntityDraft]) -> Vec<(&str, EntityType, usize)> {
        drafts
            .iter()
            .map(|d| (d.name.as_str(), d.kind, d.mentions.len()))
            .collect()
    }

    fn names(drafts: &[EntityDraft]) -> Vec<(&str, usize)> {
        drafts
            .iter()
            .map(|d| (d.name.as_str(), d.mentions.len()))
            .collect()
    }

    #[test]
    fn the_last_word_of_a_two_word_organisation_is_that_organisation_when_only_one_ends_so() {
        let d = entities(
            None,
            "Manchester City beat Arsenal. City are top. The Washington Post reported it; \
             the Post said so.",
            &[
                ("Manchester City", O),
                ("City", O),
                ("Arsenal", O),
                ("The Washington Post", O),
                ("Post", O),
            ],
        );
        assert_eq!(
            names(&d),
            [
                ("Manchester City", 2),
                ("The Washington Post", 2),
                ("Arsenal", 1)
            ]
        );
        // Two departments: "the Department" alone is neither.
        let d = entities(
            None,
            "The State Department and the Justice Department met. The Department declined.",
            &[
                ("State Department", O),
                ("Justice Department", O),
                ("Department", O),
            ],
        );
        assert_eq!(d.len(), 3, "{:?}", names(&d));
    }

    #[test]
    fn a_name_that_ends_a_longer_one_is_that_person_and_capitals_give_way() {
        let d = entities(
            Some("VON DER LEYEN AND JOE BIDEN MEET"),
            "Ursula von der Leyen met Joe Biden. Von der Leyen said more, and Debbie \
             Wasserman Schultz agreed. Wasserman Schultz left.",
            &[
                ("VON DER LEYEN", P),
                ("JOE BIDEN", P),
                ("Ursula von der Leyen", P),
                ("Von der Leyen", P),
                ("Joe Biden", P),
                ("Debbie Wasserman Schultz", P),
                ("Wasserman Schultz", P),
            ],
        );
        assert_eq!(
            names(&d),
            [
                ("Ursula von der Leyen", 3),
                ("Joe Biden", 2),
                ("Debbie Wasserman Schultz", 2)
            ]
        );
    }

    #[test]
    fn a_title_after_the_is_a_description_not_a_person() {
        let d = entities(
            None,
            "Micheál Martin spoke first. The Taoiseach said more. Julie Bishop agreed, and \
             Bishop said so.",
            &[
                ("Micheál Martin", P),
                ("Taoiseach", P),
                ("Julie Bishop", P),
                ("Bishop", P),
            ],
        );
        assert_eq!(names(&d), [("Micheál Martin", 1), ("Julie Bishop", 2)]);
    }

    #[test]
    fn two_places_joined_by_and_in_one_mention_become_two_places() {
        let d = entities(
            None,
            "Cuts at Marseille and Nice airports. Bosnia and Herzegovina voted. \
             Procter and Gamble rose.",
            &[
                ("Marseille and Nice", O),
                ("Bosnia and Herzegovina", L),
                ("Procter and Gamble", O),
            ],
        );
        let mut got = kinds(&d);
        got.sort();
        assert_eq!(
            got,
            [
                ("Bosnia and Herzegovina", L, 1),
                ("Marseille", L, 1),
                ("Nice", L, 1),
                ("Procter and Gamble", O, 1)
            ]
        );
        let nice = d.iter().find(|e| e.name == "Nice").expect("Nice");
        assert_eq!(nice.mentions[0].tokens.len(), 1, "\"Nice\" is one token");
    }

    #[test]
    fn a_surname_joins_with_or_without_its_arabic_article() {
        let drafts = entities(
            None,
            "Bashar al-Assad met Abdel Fattah el-Sisi. Assad spoke, then Sisi and al-Assad left.",
            &[
                ("Bashar al-Assad", EntityType::Person),
                ("Abdel Fattah el-Sisi", EntityType::Person),
                ("Assad", EntityType::Person),
                ("Sisi", EntityType::Person),
                ("al-Assad", EntityType::Person),
            ],
        );
        assert_eq!(
            names(&drafts),
            vec![("Bashar al-Assad", 3), ("Abdel Fattah el-Sisi", 2)]
        );
        // The article alone is no surname; a name merely starting "al" keeps its letters.
        assert_eq!(without_article("al-"), "al-");
        assert_eq!(without_article("Alvarez"), "Alvarez");
        assert_eq!(without_article("El-Erian"), "Erian");
    }

    #[test]
    fn last_names_join_the_full_name_even_when_they_come_first() {
        let d = entities(
            Some("Zelenskyy hails talks"),
            "Volodymyr Zelenskyy spoke. Later Zelenskyy left. Donald Trump agreed; Trump said so.",
            &[
                ("Zelenskyy", P),
                ("Volodymyr Zelenskyy", P),
                ("Donald Trump", P),
                ("Trump", P),
            ],
        );
        assert_eq!(names(&d), [("Volodymyr Zelenskyy", 3), ("Donald Trump", 2)]);
    }

    #[test]
    fn anti_before_a_persons_name_is_cut_from_it() {
        let body = "Donor's Anti-Donald Trump Campaign rose. Donald Trump spoke. Trump left.";
        let doc = Doc::new(None, body, None);
        let mentions = mentions_of(
            &doc,
            &[("Anti-Donald Trump", P), ("Donald Trump", P), ("Trump", P)],
        );
        let d = cluster(&doc, mentions);
        assert_eq!(names(&d), [("Donald Trump", 3)]);
        let first = &d[0].mentions[0];
        assert_eq!(&body[first.start..first.end], "Donald Trump");
    }

    #[test]
    fn a_handle_after_a_name_is_cut_from_it() {
        let body = "Follow him on Twitter @NolteNC. Twitter said so.";
        let doc = Doc::new(None, body, None);
        let mentions = mentions_of(&doc, &[("Twitter @NolteNC", O), ("Twitter", O)]);
        let d = cluster(&doc, mentions);
        assert_eq!(names(&d), [("Twitter", 2)]);
    }

    #[test]
    fn possessive_is_trimmed_from_the_mention() {
        let body = "President Donald Trump’s son-in-law and Trump's aides";
        let doc = Doc::new(None, body, None);
        let mut mentions = mentions_of(&doc, &[("Trump's", P)]);
        // A recogniser that includes the possessive and the title:
        let start = body.find("President").unwrap_or(0);
        let end = body.find(" son").unwrap_or(0);
        mentions.push(Mention {
            field: Field::Body,
            start,
            end,
            tokens: 0..0,
            kind: P,
        });
        let d = cluster(&doc, mentions);
        assert_eq!(names(&d), [("Donald Trump", 2)]);
        let m = &d[0].mentions;
        assert_eq!(&body[m[0].start..m[0].end], "Donald Trump");
        assert_eq!(&body[m[1].start..m[1].end], "Trump");
    }

    /// The mention texts of every entity, from mentions given as (text, kind) spans.
    fn mention_texts(body: &str, names: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let doc = Doc::new(None, body, None);
        let mut out: Vec<(String, EntityType)> = cluster(&doc, mentions_of(&doc, names))
            .iter()
            .flat_map(|d| {
                d.mentions
                    .iter()
                    .map(|m| (body[m.start..m.end].to_string(), d.kind))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn marks_that_belong_to_the_name_stay_and_stray_ones_go() {
        let body = "It fell C$ 0.45 in Jacksonville, Fla. and rose at Rad (B) as the Sun: \"yes\"\n\
                    Trump said on \"Good Morning America.\" Then he left.";
        let found = mention_texts(
            body,
            &[
                ("C$", M),
                ("Fla.", L),
                ("Rad (B)", O),
                ("Sun:", O),
                ("Good Morning America.", M),
            ],
        );
        assert_eq!(
            found,
            [
                ("C$".to_string(), M),
                ("Fla.".to_string(), L),
                ("Good Morning America".to_string(), M),
                ("Rad (B)".to_string(), O),
                ("Sun".to_string(), O),
            ]
        );
    }

    #[test]
    fn a_title_the_recogniser_took_in_with_a_name_is_cut_and_a_lone_title_is_no_name() {
        let body = "The Texas Congressman met the Ukrainian Foreign Minister and Fed Chairman \
                    Powell. Espinoza is Co-founder and National Director of The Remembrance \
                    Project, near Hilton Head, with Hugo Boss and the Director of the FBI.";
        let found = mention_texts(
            body,
            &[
                ("Texas Congressman", L),
                ("Ukrainian Foreign Minister", M),
                ("Fed Chairman", O),
                ("Co-founder", M),
                ("National Director of The Remembrance Project", O),
                ("Hilton Head", L),
                ("Hugo Boss", O),
                ("Director of the FBI", O),
            ],
        );
        assert_eq!(
            found,
            [
                ("FBI".to_string(), O),
                ("Fed".to_string(), O),
                ("Hilton Head".to_string(), L),
                ("Hugo Boss".to_string(), O),
                ("Texas".to_string(), L),
                ("The Remembrance Project".to_string(), O),
                ("Ukrainian".to_string(), M),
            ]
        );
    }

    #[test]
    fn a_title_written_in_capitals_is_cut_from_the_party_before_it() {
        let body = "A senior Labour MP and two Tory MPs met a Green MEP.";
        let found = mention_texts(body, &[("Labour MP", O), ("Tory MPs", O), ("Green MEP", O)]);
        assert_eq!(
            found,
            [
                ("Green".to_string(), O),
                ("Labour".to_string(), O),
                ("Tory".to_string(), O),
            ]
        );
    }

    #[test]
    fn the_first_word_of_a_two_word_title_belongs_to_the_title_not_the_body() {
        let body = "Senate Majority Leader Mitch McConnell and House Minority Whip Steny Hoyer \
                    met donors of the House Majority PAC and State Department Inspector \
                    General Steve Linick.";
        let found = mention_texts(
            body,
            &[
                ("Senate Majority", O),
                ("House Minority", O),
                ("House Majority PAC", O),
                ("State Department Inspector", O),
            ],
        );
        assert_eq!(
            found,
            [
                ("House".to_string(), O),
                ("House Majority PAC".to_string(), O),
                ("Senate".to_string(), O),
                ("State Department".to_string(), O),
            ]
        );
    }

    #[test]
    fn a_word_that_opens_a_sentence_but_no_name_is_cut_from_a_person() {
        let body = "To Sexton, who drove there, it was loud. (See Jared Sexton's timeline.) \
                    Will Smith and With Smith came.";
        let found = mention_texts(
            body,
            &[("To Sexton", P), ("See Jared Sexton", P), ("Will Smith", P)],
        );
        assert_eq!(
            found,
            [
                ("Jared Sexton".to_string(), P),
                ("Sexton".to_string(), P),
                ("Will Smith".to_string(), P),
            ]
        );
    }

    #[test]
    fn a_capitalised_the_is_part_of_the_name_and_a_lowercase_one_is_not() {
        let body = "Talks in The Hague and the Netherlands; Hague officials said.";
        let doc = Doc::new(None, body, None);
        let d = cluster(
            &doc,
            mentions_of(
                &doc,
                &[("The Hague", L), ("the Netherlands", L), ("Hague", L)],
            ),
        );
        let texts: Vec<Vec<&str>> = d
            .iter()
            .map(|d| d.mentions.iter().map(|m| &body[m.start..m.end]).collect())
            .collect();
        assert_eq!(texts, [vec!["The Hague", "Hague"], vec!["Netherlands"]]);
    }

    #[test]
    fn titles_go_but_a_given_name_that_is_also_a_title_stays() {
        let found = mention_texts(
            "President Bill Clinton met Dean Jones, Dean Mary Smith and Amb. Katherine Tai.",
            &[
                ("President Bill Clinton", P),
                ("Dean Jones", P),
                ("Dean Mary Smith", P),
                ("Amb. Katherine Tai", P),
            ],
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Bill Clinton", "Dean Jones", "Katherine Tai", "Mary Smith"]
        );
    }

    #[test]
    fn a_one_word_person_does_not_take_the_same_word_tagged_otherwise() {
        let body = "Baratelli to coach Rennes.\nRennes said so. The coach of Rennes said so.";
        let doc = Doc::new(None, body, None);
        let mut mentions = mentions_of(&doc, &[("Rennes", O), ("Baratelli", P)]);
        // The recogniser called the word a person twice and an organisation once (as often
        // as the person reading, `lone_names` would make all three the organisation).
        mentions[1].kind = P;
        mentions[2].kind = P;
        let d = cluster(&doc, mentions);
        let kinds = kinds(&d);
        assert!(kinds.contains(&("Rennes", O, 1)), "{kinds:?}");
        assert!(kinds.contains(&("Rennes", P, 2)), "{kinds:?}");
    }

    #[test]
    fn a_word_tagged_a_place_throughout_stays_a_place_when_a_headline_name_ends_with_it() {
        // The recogniser ran two names together in the headline and called them a person.
        let title = "Yeltsin backs Lebed Chechnya peace plan";
        let body = "Alexander Lebed flew to Chechnya. Lebed said Chechnya needs peace. Rebels in \
                    Chechnya agreed.";
        let doc = Doc::new(Some(title), body, None);
        let mentions = mentions_of(
            &doc,
            &[
                ("Lebed Chechnya", P),
                ("Alexander Lebed", P),
                ("Lebed", P),
                ("Chechnya", L),
            ],
        );
        let d = cluster(&doc, mentions);
        let got = kinds(&d);
        assert!(got.contains(&("Chechnya", L, 3)), "{got:?}");
        assert!(got.contains(&("Alexander Lebed", P, 2)), "{got:?}");
    }

    #[test]
    fn a_bare_surname_joins_the_person_before_an_organisation_named_after_them() {
        let body = "Donald Trump spoke about Trump University. Trump said it was fine.";
        let doc = Doc::new(None, body, None);
        // The recogniser tagged the bare surname as an organisation.
        let mentions = mentions_of(
            &doc,
            &[("Donald Trump", P), ("Trump University", O), ("Trump", O)],
        );
        let d = cluster(&doc, mentions);
        assert_eq!(names(&d), [("Donald Trump", 2), ("Trump University", 1)]);
    }

    #[test]
    fn a_non_country_alias_is_an_organisation_whatever_its_first_mention_was_tagged() {
        let d = entities(
            None,
            "A Nato official and NATO troops.",
            &[("Nato", M), ("NATO", O)],
        );
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].name.as_str(), d[0].kind), ("NATO", O));
    }

    #[test]
    fn country_aliases_and_acronyms_join_one_entity() {
        let d = entities(
            None,
            "Talks between the US and the United States of America. U.S. officials, NATO and \
             the North Atlantic Treaty Organization, the Federal Bureau of Investigation (FBI).",
            &[
                ("US", L),
                ("United States of America", L),
                ("U.S.", L),
                ("NATO", O),
                ("North Atlantic Treaty Organization", O),
                ("Federal Bureau of Investigation", O),
                ("FBI", O),
            ],
        );
        assert_eq!(
            names(&d),
            [
                ("United States", 3),
                ("NATO", 2),
                ("Federal Bureau of Investigation", 2)
            ]
        );
    }

    #[test]
    fn an_acronym_the_text_defines_joins_its_name_though_the_initials_differ() {
        let d = entities(
            None,
            "the U.N. Interim Force in Lebanon (UNIFIL) said so. UNIFIL patrols the border.",
            &[("U.N. Interim Force", O), ("Lebanon", L), ("UNIFIL", O)],
        );
        assert_eq!(
            kinds(&d),
            [("U.N. Interim Force in Lebanon", O, 3)],
            "one entity, as the text defined it"
        );
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart_and_the_bare_surname_goes_to_the_main_one() {
        // The one mentioned most so far; on a tie, the first introduced.
        let d = entities(
            None,
            "Hillary Clinton spoke. Clinton won. Bill Clinton arrived. Clinton smiled.",
            &[("Hillary Clinton", P), ("Bill Clinton", P), ("Clinton", P)],
        );
        assert_eq!(names(&d), [("Hillary Clinton", 3), ("Bill Clinton", 1)]);
        let d = entities(
            None,
            "Donald Trump spoke. Ivanka Trump arrived. Trump smiled.",
            &[("Donald Trump", P), ("Ivanka Trump", P), ("Trump", P)],
        );
        assert_eq!(names(&d), [("Donald Trump", 2), ("Ivanka Trump", 1)]);
        // Unless the other is named in full earlier in the same sentence.
        let d = entities(
            None,
            "Donald Trump spoke. Ivanka Trump arrived, and Trump smiled.",
            &[("Donald Trump", P), ("Ivanka Trump", P), ("Trump", P)],
        );
        assert_eq!(names(&d), [("Donald Trump", 1), ("Ivanka Trump", 2)]);
    }

    #[test]
    fn headline_and_frequent_entities_are_more_salient() {
        let d = entities(
            Some("Zelenskyy hails talks"),
            "Volodymyr Zelenskyy met aides. Zelenskyy spoke.\nLater, Kyiv was quiet.",
            &[("Zelenskyy", P), ("Volodymyr Zelenskyy", P), ("Kyiv", L)],
        );
        assert_eq!(d[0].name, "Volodymyr Zelenskyy");
        assert!(d[0].salience > d[1].salience);
        assert!(d.iter().all(|e| (0.0..=1.0).contains(&e.salience)));
    }
}
