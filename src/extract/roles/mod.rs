//! Roles and affiliations of people, read from the words around each mention: titles in
//! front of a name ("Foreign Minister Andrii Sybiha", "US envoy Steve Witkoff"), appositions
//! after it ("Tim Cook, Apple's chief executive, said") and relations to another person
//! ("President Donald Trump’s son-in-law Jared Kushner" → "son-in-law of Donald Trump").
//!
//! A role belongs to the person it modifies: the scan stops at the next person's name, so in
//! "President Donald Trump’s son-in-law Jared Kushner" "President" is Trump's alone.

pub mod lexicon;
pub mod party;

use super::doc::{Doc, EntityDraft, Mention};
use super::entities::aliases;
use super::entities::index::MentionIndex;
use super::entities::words::{self, LazyWords, Word};
use super::text::TextLayer;
use crate::record::{EntityType, Field};

/// How far before a name a title may start; longer runs are not titles.
const MAX_TITLE_WORDS: usize = 8;
/// How long an apposition may be before it is more likely a clause than a description.
const MAX_APPOSITION_WORDS: usize = 14;
/// Roles longer than this are clauses that slipped through, not titles.
const MAX_ROLE_CHARS: usize = 80;

/// Fills `roles` and `affiliations` of every person entity from the text around its
/// mentions.
pub fn assign(doc: &Doc<'_>, entities: &mut [EntityDraft]) {
    let index = MentionIndex::new(entities);
    // Paragraphs are scanned once, when a person in them is first looked at.
    let title_words = doc.title.as_ref().map(LazyWords::new);
    let body_words = LazyWords::new(&doc.body);
    let mut found: Vec<(usize, Found)> = Vec::new();
    for (i, d) in entities.iter().enumerate() {
        if d.kind != EntityType::Person {
            continue;
        }
        for m in &d.mentions {
            let layer = doc.layer(m.field);
            let ctx = Context {
                layer,
                words: match (m.field, &title_words) {
                    (Field::Title, Some(t)) => t,
                    _ => &body_words,
                },
                index: &index,
                entities,
                me: i,
            };
            found.extend(ctx.title_before(m).into_iter().map(|f| (i, f)));
            if let Some(f) = ctx.apposition_after(m) {
                found.push((i, f));
            }
            if let Some(f) = ctx.apposition_before(m) {
                found.push((i, f));
            }
            if let Some(party) =
                party::party_after(&layer.text[m.end..]).and_then(party::Party::affiliation)
            {
                found.push((
                    i,
                    Found {
                        role: None,
                        affiliations: vec![party.to_string()],
                    },
                ));
            }
        }
    }
    for (i, f) in found {
        let d = &mut entities[i];
        if let Some(role) = f.role
            && !d.roles.iter().any(|r| r.eq_ignore_ascii_case(&role))
        {
            d.roles.push(role);
        }
        for a in f.affiliations {
            if !d.affiliations.contains(&a) {
                d.affiliations.push(a);
            }
        }
    }
}

/// What one phrase says about a person.
#[derive(Debug, Default, PartialEq)]
struct Found {
    role: Option<String>,
    affiliations: Vec<String>,
}

/// What a word in a title phrase is.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Head,
    Relation,
    Modifier,
    /// A country, organisation or demonym: the person's affiliation.
    Affiliation(String),
    /// A capitalised word of a title ("General Staff").
    Capitalized,
}

struct Context<'d, 'a> {
    layer: &'d TextLayer<'a>,
    /// The words of the layer.
    words: &'d LazyWords<'d, 'a>,
    index: &'d MentionIndex,
    entities: &'d [EntityDraft],
    me: usize,
}

impl Context<'_, '_> {
    fn text(&self) -> &str {
        self.layer.text
    }

    /// The entity of a mention overlapping `word`, other than the person being described.
    fn entity_at(&self, w: &Word) -> Option<(usize, EntityType)> {
        self.index
            .overlapping(self.layer.field, w.start, w.end)
            // Nationalities and events ("Ukrainian", "Christmas") are no affiliation by
            // name; demonyms are mapped to their country by the lexicon instead.
            .find(|l| l.entity != self.me && l.kind != EntityType::Misc)
            .map(|l| (l.entity, l.kind))
    }

    /// The affiliation a word names without being an entity: a demonym or a country alias.
    fn affiliation_word(word: &str) -> Option<String> {
        if let Some(country) = lexicon::demonym(word) {
            return Some(country.to_string());
        }
        aliases::canonical(word).map(|(name, _)| name.to_string())
    }

    /// Where the paragraph holding byte `pos` starts, by binary search (paragraphs are in
    /// text order; a scan per mention was O(mentions × paragraphs)).
    fn para_start(&self, pos: usize) -> usize {
        start_of_enclosing(&self.layer.paragraphs, |p| p.start, pos)
    }

    /// The words of the mention's paragraph in the `max_bytes` before it, and whether they
    /// reach back to the paragraph's start. The paragraph is found by binary search
    /// (paragraphs are in text order), as a scan per mention was O(mentions × paragraphs).
    fn words_before(&self, m: &Mention, max_bytes: usize) -> (&[Word], bool) {
        let text = self.text();
        let para_start = self.para_start(m.start);
        let mut from = m.start.saturating_sub(max_bytes).max(para_start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        (self.words.within(from, m.start), from == para_start)
    }

    /// The titles in front of a name: walks left from the mention over title words and
    /// stops at anything else (a verb, a comma, another person). Usually one; two when a
    /// title that ends on what it serves is followed by another ("Speaker of the House
    /// Rep. Paul Ryan": "Speaker of the House" and "Rep.").
    fn title_before(&self, m: &Mention) -> Vec<Found> {
        let text = self.text();
        let (ws, _) = self.words_before(m, 160);
        let mut parts: Vec<(Word, Part)> = Vec::new();
        let mut owner: Option<(String, bool)> = None;
        for (n, w) in ws.iter().rev().enumerate() {
            if n >= MAX_TITLE_WORDS {
                return Vec::new();
            }
            let t = w.text(text);
            if !words::is_wordlike(t) {
                break;
            }
            let (base, possessive) = words::strip_possessive(t);
            let entity = self.entity_at(w);
            if possessive {
                owner = match entity {
                    Some((e, kind)) => {
                        Some((self.entities[e].name.clone(), kind == EntityType::Person))
                    }
                    None if words::is_capitalized(base) => Some((
                        Self::affiliation_word(base).unwrap_or_else(|| base.to_string()),
                        false,
                    )),
                    None => None,
                };
                break;
            }
            if let Some((e, kind)) = entity {
                if kind == EntityType::Person {
                    break;
                }
                // The words of one name are one part, so a title keeps or drops the name
                // whole ("Chairman of the Joint Chiefs of Staff").
                let name = &self.entities[e].name;
                match parts.last_mut() {
                    Some((next, Part::Affiliation(a))) if a == name => next.start = w.start,
                    _ => parts.push((*w, Part::Affiliation(name.clone()))),
                }
                continue;
            }
            let part = if lexicon::is_head(t) {
                Part::Head
            } else if lexicon::is_relation(t) {
                Part::Relation
            } else if let Some(a) = Self::affiliation_word(t) {
                Part::Affiliation(a)
            } else if lexicon::is_modifier(t) {
                Part::Modifier
            } else if words::is_capitalized(t) && !lexicon::is_honorific(t) {
                Part::Capitalized
            } else {
                break;
            };
            parts.push((*w, part));
        }
        parts.reverse();
        // A title whose last word is what it serves ("of the House", "of Ukraine") ends
        // there; a title after that is a second one of the same person.
        let text = self.text();
        let split = (1..parts.len()).find(|&k| {
            matches!(parts[k].1, Part::Affiliation(_))
                && parts[..k]
                    .iter()
                    .rev()
                    .find(|(w, _)| w.text(text) != "the")
                    .is_some_and(|(w, _)| ties_title(w.text(text)))
                && parts[..k].iter().any(|(_, p)| matches!(p, Part::Head))
                && parts[k + 1..].iter().any(|(_, p)| matches!(p, Part::Head))
        });
        match split {
            Some(k) => {
                let (first, second) = parts.split_at(k + 1);
                self.phrase_role(first, owner)
                    .into_iter()
                    .chain(self.phrase_role(second, None))
                    .collect()
            }
            None => self.phrase_role(&parts, owner).into_iter().collect(),
        }
    }

    /// Builds the role from the words of a title phrase (in reading order) and the
    /// possessive owner in front of it, if any ("Ukraine’s", "Trump’s").
    fn phrase_role(&self, parts: &[(Word, Part)], owner: Option<(String, bool)>) -> Option<Found> {
        let text = self.text();
        // Words before the first title-like word are not part of the title ("Meanwhile
        // President X"), except an institution that opens one ("Senate Majority Leader",
        // "House Speaker"); nor is a modifier that a preposition follows ("the lead of Rep.
        // X": "lead" is no title there).
        let opens_title = |k: usize| {
            parts
                .get(k)
                .is_some_and(|(_, n)| matches!(n, Part::Head | Part::Modifier))
        };
        let first = parts.iter().enumerate().position(|(k, (w, p))| match p {
            // "Veterans Affairs Secretary": a word before the institution too.
            Part::Capitalized => {
                (lexicon::is_institution(w.text(text)) && opens_title(k + 1))
                    || parts.get(k + 1).is_some_and(|(n, p)| {
                        *p == Part::Capitalized && lexicon::is_institution(n.text(text))
                    }) && opens_title(k + 2)
            }
            Part::Modifier => {
                let lower = w.text(text).to_lowercase();
                !matches!(lower.as_str(), "of" | "the")
                    && !parts
                        .get(k + 1)
                        .is_some_and(|(n, _)| ties_title(n.text(text)))
            }
            _ => true,
        })?;
        let mut parts = &parts[first..];
        // "the presidential campaign of Sen. Ted Cruz", "a friend of Israeli Prime Minister
        // Benjamin Netanyahu": words before a preposition with no title among them are what
        // the title belongs to, or someone else's relation to its holder, not part of it
        // ("Secretary of State" keeps its "of").
        let is_title = |p: &Part| matches!(p, Part::Head | Part::Relation);
        if let Some(k) = parts.iter().position(|(w, _)| ties_title(w.text(text)))
            && !parts[..k].iter().any(|(_, p)| matches!(p, Part::Head))
        {
            parts = &parts[k + 1..];
            if parts.first().is_some_and(|(w, _)| w.text(text) == "the") {
                parts = &parts[1..];
            }
        }
        // "his wife Democratic presidential front-runner Hillary Clinton": a relation with a
        // title after it relates her to someone the phrase does not name; the title is hers.
        if let [(_, Part::Relation), rest @ ..] = parts
            && rest.iter().any(|(_, p)| matches!(p, Part::Head))
        {
            parts = rest;
        }
        if !parts.iter().any(|(_, p)| is_title(p)) {
            return None;
        }
        let mut found = Found::default();
        let mut role = String::new();
        // Right after "of", "for", ... (and a "the" after one).
        let mut tied = false;
        for (w, p) in parts {
            let t = w.text(text);
            if let Part::Affiliation(a) = p {
                if !found.affiliations.contains(a) {
                    found.affiliations.push(a.clone());
                }
                // "President of Ukraine" and "Speaker of the House" keep what they serve;
                // "US envoy" becomes "envoy".
                if !tied {
                    continue;
                }
            }
            if !role.is_empty() {
                role.push(' ');
            }
            role.push_str(t);
            tied = ties_title(t) || (tied && t == "the");
        }
        if role.is_empty() {
            return None;
        }
        match owner {
            Some((person, true)) => role = format!("{role} of {person}"),
            Some((org, false)) if !found.affiliations.contains(&org) => {
                found.affiliations.insert(0, org);
            }
            _ => {}
        }
        if role.chars().count() > MAX_ROLE_CHARS {
            return None;
        }
        found.role = Some(role);
        Some(found)
    }

    /// The apposition after a name: ", Apple's chief executive," or ", a spokesman for the
    /// Pentagon." — a description set off by commas, not a list of further names.
    fn apposition_after(&self, m: &Mention) -> Option<Found> {
        let text = self.text();
        let rest = &text[m.end..];
        let after_ws = rest.len() - rest.trim_start().len();
        if !rest.trim_start().starts_with(',') {
            return None;
        }
        // The first paragraph ending at or after the mention, by binary search.
        let paras = &self.layer.paragraphs;
        let para_end = paras
            .get(paras.partition_point(|p| p.end < m.end))
            .map_or(text.len(), |p| p.end);
        let mut to = (m.end + 300).min(para_end);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        // The comma must sit in the mention's own paragraph: a comma opening the next line
        // starts other text, not an apposition (and would put the scan's start past its end).
        let after_comma = m.end + after_ws + 1;
        if after_comma > to {
            return None;
        }
        let mut phrase: &[Word] = self.words.within(after_comma, to);
        // "Smith, 45, a lawyer, said": skip the age.
        if let [age, comma, rest @ ..] = phrase
            && age.text(text).chars().all(|c| c.is_ascii_digit())
            && comma.text(text) == ","
        {
            phrase = rest;
        }
        let end = phrase
            .iter()
            .position(|w| {
                let t = w.text(text);
                !words::is_wordlike(t) || is_reporting_word(t)
            })
            .unwrap_or(phrase.len());
        if end == phrase.len() || end == 0 || end > MAX_APPOSITION_WORDS {
            return None;
        }
        let closing = phrase[end].text(text);
        let punctuated = matches!(closing, "," | "." | ";" | ")" | "—" | "–");
        if !punctuated && !is_reporting_word(closing) {
            return None;
        }
        // "Tim Cook, Apple's chief executive said": a verb may close an apposition of the
        // sentence's subject; after "… is President Barack Obama, the GOP nominee had …" the
        // comma closes a clause, and "the GOP nominee" is someone else.
        if !punctuated && !matches!(closing, "who" | "which" | "and") && !self.opens_sentence(m) {
            return None;
        }
        let phrase = &phrase[..end];
        let first = phrase[0].text(text);
        let starts_well = matches!(first.to_lowercase().as_str(), "the" | "a" | "an")
            || words::strip_possessive(first).1
            || Self::affiliation_word(first).is_some()
            || self
                .entity_at(&phrase[0])
                .is_some_and(|(_, k)| k != EntityType::Person)
            || first.chars().next().is_some_and(char::is_lowercase);
        if !starts_well || matches!(first, "who" | "whose" | "which" | "and" | "but" | "or") {
            return None;
        }
        // "… approve of Obama, according to HuffPost Pollster.", "Obama, like every
        // president, …", "King, you are the queen": a phrase that opens with a preposition or
        // a pronoun says where a claim comes from or addresses someone; it names no role.
        if matches!(
            first,
            "according"
                | "including"
                | "citing"
                | "like"
                | "unlike"
                | "as"
                | "such"
                | "from"
                | "to"
                | "with"
                | "without"
                | "in"
                | "at"
                | "on"
                | "by"
                | "for"
                | "after"
                | "before"
                | "during"
                | "i"
                | "you"
                | "we"
                | "he"
                | "she"
                | "they"
                | "it"
        ) {
            return None;
        }
        // "Scott Goodstein, its chief executive officer": the pronoun says whose, not what;
        // "its" is the organisation the paragraph named before the person, when it named
        // only one ("Apple sued Samsung. Tim Cook, its chief executive" could be either).
        if is_possessive_pronoun(first) {
            let mut found = self.apposition_role(phrase.get(1..)?)?;
            if first.eq_ignore_ascii_case("its")
                && let Some(org) = self.organisation_before(m)
                && !found.affiliations.contains(&org)
            {
                found.affiliations.insert(0, org);
            }
            return Some(found);
        }
        self.apposition_role(phrase)
    }

    /// Whether mention `m` opens its sentence, past capitalised words (a title: "President
    /// Barack Obama").
    fn opens_sentence(&self, m: &Mention) -> bool {
        let start = start_of_enclosing(&self.layer.sentences, |s| s.start, m.start);
        self.words
            .within(start, m.start)
            .iter()
            .all(|w| words::is_capitalized(w.text(self.text())))
    }

    /// The one organisation named before mention `m` in its paragraph; `None` when there
    /// are none or several.
    fn organisation_before(&self, m: &Mention) -> Option<String> {
        let mut named = self
            .index
            .overlapping(self.layer.field, self.para_start(m.start), m.start)
            .filter(|l| l.kind == EntityType::Organization && l.end <= m.start)
            .map(|l| l.entity);
        let first = named.next()?;
        if named.any(|e| e != first) {
            return None;
        }
        Some(self.entities[first].name.clone())
    }

    /// The description a name stands in apposition to, before it: "The mayor, Eric Adams,
    /// urged calm", "Apple's chief executive, Tim Cook, said". The description runs from the
    /// last punctuation before it (so "Besides the mayor, John Smith" is none), opens with a
    /// determiner or a possessive, ends on a title or relation noun, and the name is closed
    /// off by a comma.
    fn apposition_before(&self, m: &Mention) -> Option<Found> {
        let text = self.text();
        let rest = &text[m.end..];
        // The name closes the apposition with a comma ("The mayor, Eric Adams, urged").
        if !rest.trim_start().starts_with(',') {
            return None;
        }
        let (ws, whole_paragraph) = self.words_before(m, 120);
        let (comma, before) = ws.split_last()?;
        if comma.text(text) != "," {
            return None;
        }
        let start = before
            .iter()
            .rposition(|w| !words::is_wordlike(w.text(text)))
            .map_or(0, |k| k + 1);
        // A phrase cut by the window's edge is not known to open its clause.
        if start == 0 && !whole_paragraph {
            return None;
        }
        // "the president, the vice president, Susan Rice, we": a list of people, not an
        // apposition, when a title or a name stands before the comma that opens the phrase.
        if let [.., prev, sep] = &before[..start]
            && sep.text(text) == ","
            && (lexicon::is_head(prev.text(text))
                || self
                    .entity_at(prev)
                    .is_some_and(|(_, k)| k == EntityType::Person))
        {
            return None;
        }
        let mut phrase = &before[start..];
        // "The president, Joe Biden, and the prime minister, Keir Starmer, met."
        if phrase.first().is_some_and(|w| w.text(text) == "and") {
            phrase = &phrase[1..];
        }
        let (first, last) = (phrase.first()?, phrase.last()?);
        let opener = first.text(text);
        let determined = matches!(opener.to_lowercase().as_str(), "the" | "a" | "an")
            || is_possessive_pronoun(opener)
            || words::strip_possessive(opener).1;
        let last = last.text(text);
        if phrase.len() > MAX_TITLE_WORDS
            || !determined
            || !(lexicon::is_head(last) || lexicon::is_relation(last))
            // A person may only own the description ("Trump's son-in-law, Jared Kushner").
            || phrase[1..].iter().any(|w| {
                self.entity_at(w)
                    .is_some_and(|(_, k)| k == EntityType::Person)
            })
        {
            return None;
        }
        // "His lawyer, Michael Cohen": the pronoun says whose, not what.
        let phrase = if is_possessive_pronoun(opener) {
            &phrase[1..]
        } else {
            phrase
        };
        self.apposition_role(phrase)
    }

    fn apposition_role(&self, phrase: &[Word]) -> Option<Found> {
        let text = self.text();
        let mut found = Found::default();
        let mut i = 0;
        // "Tim Cook, its ,chief executive": a phrase can be empty after its pronoun.
        if matches!(
            phrase.first()?.text(text).to_lowercase().as_str(),
            "the" | "a" | "an"
        ) {
            i = 1;
        }
        let mut owner_person: Option<String> = None;
        // A leading possessive or affiliation: "Apple's chief executive", "the company's
        // chief executive", "Ukrainian diplomat".
        if let Some(w) = phrase.get(i) {
            let (base, possessive) = words::strip_possessive(w.text(text));
            let entity = self.entity_at(w);
            if possessive {
                match entity {
                    Some((e, EntityType::Person)) => {
                        owner_person = Some(self.entities[e].name.clone());
                    }
                    Some((e, _)) => found.affiliations.push(self.entities[e].name.clone()),
                    None if words::is_capitalized(base) => found
                        .affiliations
                        .push(Self::affiliation_word(base).unwrap_or_else(|| base.to_string())),
                    None => {}
                }
                i += 1;
            } else if let Some(a) = entity
                .filter(|(_, k)| *k != EntityType::Person)
                .map(|(e, _)| self.entities[e].name.clone())
                .or_else(|| Self::affiliation_word(w.text(text)))
            {
                found.affiliations.push(a);
                i += 1;
                // Skip the rest of a multi-word organisation name.
                while phrase
                    .get(i)
                    .and_then(|w| self.entity_at(w))
                    .is_some_and(|(_, k)| k != EntityType::Person)
                {
                    i += 1;
                }
            }
        }
        let body = phrase.get(i..)?;
        let first = body.first()?.text(text).to_lowercase();
        // "Trump, having completed his photo op with the Mexican president, …", "Dulles,
        // who criticized President Truman's strategy": a verb phrase, not a description.
        if matches!(first.as_str(), "having" | "being")
            || crate::extract::lexicon::entry(&first).verb
        {
            return None;
        }
        let mut has_head = false;
        // The last word before the current run of capitalised words.
        let mut previous = "";
        for w in body {
            let t = w.text(text);
            if lexicon::is_head(t) || lexicon::is_relation(t) {
                has_head = true;
            }
            match self.entity_at(w) {
                // Another person inside: only as the object of a relation ("adviser to
                // Barack Obama", "aide to President Barack Obama"), never a list of names
                // ("Cruz, New Jersey Gov. Chris Christie and Donald Trump").
                Some((_, EntityType::Person))
                    if !matches!(previous, "to" | "of" | "for" | "under") =>
                {
                    return None;
                }
                Some((_, EntityType::Person)) => {}
                Some((e, _)) => {
                    let name = &self.entities[e].name;
                    if self.entities[e].kind != EntityType::Person
                        && !found.affiliations.contains(name)
                    {
                        found.affiliations.push(name.clone());
                    }
                }
                None => {}
            }
            if !words::is_capitalized(t) {
                previous = t;
            }
        }
        if !has_head {
            return None;
        }
        let start = body[0].start;
        let end = body[body.len() - 1].end;
        let mut role = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(person) = owner_person {
            role = format!("{role} of {person}");
        }
        if role.chars().count() > MAX_ROLE_CHARS {
            return None;
        }
        found.role = Some(role);
        Some(found)
    }
}

/// "its", "his", "her", "their", "our": says whose the title is, not what it is.
fn is_possessive_pronoun(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "its" | "their" | "his" | "her" | "our"
    )
}

/// Where the span holding byte `pos` starts, among spans in text order (paragraphs,
/// sentences), by binary search; 0 before the first.
fn start_of_enclosing<T>(spans: &[T], start: impl Fn(&T) -> usize, pos: usize) -> usize {
    spans
        .partition_point(|s| start(s) <= pos)
        .checked_sub(1)
        .map_or(0, |i| start(&spans[i]))
}

/// The prepositions that tie a title to what it serves ("Secretary of State", "adviser to
/// Barack Obama", "spokesman for the Pentagon", "professor at Yale").
fn ties_title(word: &str) -> bool {
    matches!(word, "of" | "for" | "to" | "at")
}

/// Words that end an apposition because the sentence's verb follows ("Smith, a lawyer,
/// said").
fn is_reporting_word(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "added"
            | "wrote"
            | "writes"
            | "tells"
            | "is"
            | "was"
            | "has"
            | "had"
            | "will"
            | "would"
            | "who"
            | "which"
            | "and"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::{cluster, mentions_of};
    use crate::record::EntityType::{Location as L, Organization as O, Person as P};

    fn roles_of(
        text: &str,
        names: &[(&str, EntityType)],
    ) -> Vec<(String, Vec<String>, Vec<String>)> {
        let doc = Doc::new(None, text, None);
        let mut drafts = cluster(&doc, mentions_of(&doc, names));
        assign(&doc, &mut drafts);
        drafts
            .into_iter()
            .filter(|d| d.kind == P)
            .map(|d| (d.name, d.roles, d.affiliations))
            .collect()
    }

    fn one(
        name: &str,
        roles: &[&str],
        affiliations: &[&str],
    ) -> (String, Vec<String>, Vec<String>) {
        (
            name.to_string(),
            roles.iter().map(|s| s.to_string()).collect(),
            affiliations.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn titles_before_names_give_role_and_country() {
        let got = roles_of(
            "Ukrainian President Volodymyr Zelenskyy spoke with US envoy Steve Witkoff. \
             He was joined by Ukraine’s senior negotiator Rustem Umerov, Foreign Minister \
             Andrii Sybiha, and Chief of the General Staff Andrii Hnatov.",
            &[
                ("Volodymyr Zelenskyy", P),
                ("Steve Witkoff", P),
                ("Rustem Umerov", P),
                ("Andrii Sybiha", P),
                ("Andrii Hnatov", P),
                ("US", L),
                ("Ukraine", L),
            ],
        );
        assert_eq!(
            got,
            [
                one("Volodymyr Zelenskyy", &["President"], &["Ukraine"]),
                one("Steve Witkoff", &["envoy"], &["United States"]),
                one("Rustem Umerov", &["senior negotiator"], &["Ukraine"]),
                one("Andrii Sybiha", &["Foreign Minister"], &[]),
                one("Andrii Hnatov", &["Chief of the General Staff"], &[]),
            ]
        );
    }

    #[test]
    fn opposition_belongs_to_the_title() {
        let got = roles_of(
            "Opposition leader Raila Odinga dismissed the remarks.",
            &[("Raila Odinga", P)],
        );
        assert_eq!(got, [one("Raila Odinga", &["Opposition leader"], &[])]);
    }

    #[test]
    fn british_police_ranks_are_titles() {
        let got = roles_of(
            "Det Insp Sarah Whitfield said so. PC Andrew Harper and Ch Supt Mark Lee agreed, \
             as did Detective Sergeant Tom Hale.",
            &[
                ("Sarah Whitfield", P),
                ("Andrew Harper", P),
                ("Mark Lee", P),
                ("Tom Hale", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Sarah Whitfield", &["Det Insp"], &[]),
                one("Andrew Harper", &["PC"], &[]),
                one("Mark Lee", &["Ch Supt"], &[]),
                one("Tom Hale", &["Detective Sergeant"], &[]),
            ]
        );
    }

    #[test]
    fn parliamentary_titles_in_capitals_are_titles() {
        let got = roles_of(
            "Labour MP Diane Abbott and Green MEP Molly Scott Cato spoke.",
            &[
                ("Labour", O),
                ("Diane Abbott", P),
                ("Green", O),
                ("Molly Scott Cato", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Diane Abbott", &["MP"], &["Labour"]),
                one("Molly Scott Cato", &["MEP"], &["Green"]),
            ]
        );
    }

    #[test]
    fn a_relation_goes_to_the_person_it_modifies_and_the_title_to_the_other() {
        let got = roles_of(
            "He met President Donald Trump’s son-in-law Jared Kushner.",
            &[("Donald Trump", P), ("Jared Kushner", P)],
        );
        assert_eq!(
            got,
            [
                one("Donald Trump", &["President"], &[]),
                one("Jared Kushner", &["son-in-law of Donald Trump"], &[]),
            ]
        );
    }

    #[test]
    fn appositions_give_role_and_organisation() {
        let got = roles_of(
            "Tim Cook, Apple's chief executive, said so. Jane Roe, a spokeswoman for the \
             Pentagon, declined. John Doe, 45, a former adviser to Tim Cook, agreed.",
            &[
                ("Tim Cook", P),
                ("Jane Roe", P),
                ("John Doe", P),
                ("Apple", O),
                ("Pentagon", O),
            ],
        );
        assert_eq!(
            got,
            [
                one("Tim Cook", &["chief executive"], &["Apple"]),
                one("Jane Roe", &["spokeswoman for the Pentagon"], &["Pentagon"]),
                one("John Doe", &["former adviser to Tim Cook"], &[]),
            ]
        );
    }

    #[test]
    fn a_source_or_an_address_after_a_name_is_no_role() {
        let got = roles_of(
            "Most Democrats approve of Barack Obama, according to HuffPost Pollster. Anna Lee, \
             like every spokeswoman, declined. Billie King, you are the queen.",
            &[("Barack Obama", P), ("Anna Lee", P), ("Billie King", P)],
        );
        assert_eq!(
            got,
            [
                one("Barack Obama", &[], &[]),
                one("Anna Lee", &[], &[]),
                one("Billie King", &[], &[]),
            ]
        );
    }

    #[test]
    fn its_in_an_apposition_is_the_one_organisation_named_before() {
        let got = roles_of(
            "Both campaigns hired the firm Revolution Messaging. Scott Goodstein, its chief \
             executive officer, said so.\nApple sued Samsung. Tim Cook, its chief executive, \
             said so.",
            &[
                ("Revolution Messaging", O),
                ("Scott Goodstein", P),
                ("Apple", O),
                ("Samsung", O),
                ("Tim Cook", P),
            ],
        );
        assert_eq!(
            got,
            [
                one(
                    "Scott Goodstein",
                    &["chief executive officer"],
                    &["Revolution Messaging"]
                ),
                one("Tim Cook", &["chief executive"], &[]),
            ]
        );
    }

    #[test]
    fn a_title_and_a_name_after_a_name_are_another_person_not_a_role() {
        let got = roles_of(
            "Each of them, say, Ted Cruz, New Jersey Gov. Chris Christie and Donald Trump, has \
             delegates. Mia Cole, aide to President Barack Obama, spoke.",
            &[
                ("Ted Cruz", P),
                ("New Jersey", L),
                ("Chris Christie", P),
                ("Donald Trump", P),
                ("Mia Cole", P),
                ("Barack Obama", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Ted Cruz", &[], &[]),
                one("Chris Christie", &["Gov."], &["New Jersey"]),
                one("Donald Trump", &[], &[]),
                one("Mia Cole", &["aide to President Barack Obama"], &[]),
                one("Barack Obama", &["President"], &[]),
            ]
        );
    }

    #[test]
    fn a_verb_closes_an_apposition_only_of_a_name_that_opens_its_sentence() {
        let got = roles_of(
            "Trump claimed the founder of the group is President Barack Obama, the GOP nominee \
             had some explaining to do. Tim Cook, Apple's chief executive said so.",
            &[("Barack Obama", P), ("Apple", O), ("Tim Cook", P)],
        );
        assert_eq!(
            got,
            [
                one("Barack Obama", &["President"], &[]),
                one("Tim Cook", &["chief executive"], &["Apple"]),
            ]
        );
    }

    #[test]
    fn a_department_of_two_words_opens_the_title() {
        let got = roles_of(
            "Homeland Security Secretary Jeh Johnson and Veterans Affairs Secretary Denis \
             McDonough met. Meanwhile President Joe Biden slept.",
            &[("Jeh Johnson", P), ("Denis McDonough", P), ("Joe Biden", P)],
        );
        assert_eq!(
            got,
            [
                one("Jeh Johnson", &["Homeland Security Secretary"], &[]),
                one("Denis McDonough", &["Veterans Affairs Secretary"], &[]),
                one("Joe Biden", &["President"], &[]),
            ]
        );
    }

    #[test]
    fn a_verb_phrase_after_a_name_is_no_role() {
        let got = roles_of(
            "Anna Lee, having completed her visit with the Mexican president, flew home. Then \
             Tom Hale criticized the president's strategy, and his aide, Mia Cole, criticized \
             the president's strategy of containment. Ann Ford, a senior adviser, \
             stayed.",
            &[
                ("Anna Lee", P),
                ("Tom Hale", P),
                ("Mia Cole", P),
                ("Ann Ford", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Anna Lee", &[], &[]),
                one("Tom Hale", &[], &[]),
                one("Mia Cole", &["aide"], &[]),
                one("Ann Ford", &["senior adviser"], &[]),
            ]
        );
    }

    #[test]
    fn a_title_keeps_the_body_it_serves_and_a_second_title_stands_apart() {
        let got = roles_of(
            "Speaker of the House Rep. Paul Ryan spoke. President of Ukraine Volodymyr \
             Zelenskyy listened.",
            &[
                ("House", O),
                ("Paul Ryan", P),
                ("Ukraine", L),
                ("Volodymyr Zelenskyy", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Paul Ryan", &["Speaker of the House", "Rep."], &["House"]),
                one(
                    "Volodymyr Zelenskyy",
                    &["President of Ukraine"],
                    &["Ukraine"]
                ),
            ]
        );
    }

    #[test]
    fn a_title_keeps_the_whole_name_it_serves() {
        let got = roles_of(
            "Chairman of the Joint Chiefs of Staff Gen. Mark Milley spoke.",
            &[("Joint Chiefs of Staff", O), ("Mark Milley", P)],
        );
        assert_eq!(
            got,
            [one(
                "Mark Milley",
                &["Chairman of the Joint Chiefs of Staff", "Gen."],
                &["Joint Chiefs of Staff"]
            )]
        );
    }

    #[test]
    fn what_a_title_belongs_to_is_not_part_of_it() {
        let got = roles_of(
            "They back the presidential campaign of Sen. Ted Cruz. The Secretary of State \
             John Kerry came. He campaigned for his wife Democratic presidential front-runner \
             Hillary Clinton. Adelson, a friend of Israeli Prime Minister Benjamin Netanyahu, \
             agreed.",
            &[
                ("Ted Cruz", P),
                ("John Kerry", P),
                ("Hillary Clinton", P),
                ("Adelson", P),
                ("Benjamin Netanyahu", P),
            ],
        );
        assert_eq!(
            got,
            [
                one("Ted Cruz", &["Sen."], &[]),
                one("John Kerry", &["Secretary of State"], &[]),
                one(
                    "Hillary Clinton",
                    &["Democratic presidential front-runner"],
                    &[]
                ),
                one("Benjamin Netanyahu", &["Prime Minister"], &["Israel"]),
                one(
                    "Adelson",
                    &["friend of Israeli Prime Minister Benjamin Netanyahu"],
                    &[],
                ),
            ]
        );
    }

    #[test]
    fn lists_of_names_and_clauses_are_not_appositions() {
        let got = roles_of(
            "They met Anna Lee, Bob Marsh, and Carl Diaz. Dana Fox, who runs the firm, left.",
            &[
                ("Anna Lee", P),
                ("Bob Marsh", P),
                ("Carl Diaz", P),
                ("Dana Fox", P),
            ],
        );
        assert!(
            got.iter().all(|(_, r, a)| r.is_empty() && a.is_empty()),
            "{got:?}"
        );
    }

    #[test]
    fn sentence_openers_and_forms_of_address_are_not_titles() {
        let got = roles_of(
            "Meanwhile President Joe Biden spoke. Mr. Sam Hill left. Later, Sen. Ted Cruz \
             arrived.",
            &[("Joe Biden", P), ("Sam Hill", P), ("Ted Cruz", P)],
        );
        assert_eq!(
            got,
            [
                one("Joe Biden", &["President"], &[]),
                one("Sam Hill", &[], &[]),
                one("Ted Cruz", &["Sen."], &[]),
            ]
        );
    }

    #[test]
    fn a_description_before_a_name_in_commas_is_its_role() {
        let got = roles_of(
            "The mayor, Eric Adams, urged calm. Apple's chief executive, Tim Cook, agreed. \
             His lawyer, Michael Cohen, declined. Trump's son-in-law, Jared Kushner, left. \
             Besides the mayor, John Smith, came.",
            &[
                ("Eric Adams", P),
                ("Tim Cook", P),
                ("Michael Cohen", P),
                ("Trump", P),
                ("Jared Kushner", P),
                ("John Smith", P),
                ("Apple", O),
            ],
        );
        assert_eq!(
            got,
            [
                one("Eric Adams", &["mayor"], &[]),
                one("Tim Cook", &["chief executive"], &["Apple"]),
                one("Michael Cohen", &["lawyer"], &[]),
                one("Jared Kushner", &["son-in-law of Trump"], &[]),
                one("John Smith", &[], &[]),
                one("Trump", &[], &[]),
            ]
        );
    }

    #[test]
    fn a_list_of_titles_and_names_gives_no_apposition() {
        let got = roles_of(
            "All the people she named, the president, the vice president, Susan Rice, were \
             there.",
            &[("Susan Rice", P)],
        );
        assert_eq!(got, [one("Susan Rice", &[], &[])]);
    }

    #[test]
    fn institutions_open_a_title_and_a_modifier_before_of_does_not() {
        let got = roles_of(
            "Senate Majority Leader Mitch McConnell spoke. Democrats follow the lead of Rep. \
             Ann Kirkpatrick.",
            &[("Mitch McConnell", P), ("Ann Kirkpatrick", P)],
        );
        assert_eq!(
            got,
            [
                one("Mitch McConnell", &["Senate Majority Leader"], &[]),
                one("Ann Kirkpatrick", &["Rep."], &[]),
            ]
        );
    }
}
