//! Feature extraction: turns each token of a document into the hashed keys of its features,
//! in the spirit of Ratinov & Roth (2009): forms, shape, affixes, a ±2 window, capitalisation
//! at sentence start, gazetteer membership and document-level context. The same code serves
//! training and inference, so the two can never disagree.
//!
//! Two document-level signals handle all-caps headlines, title-case titles and sports tables,
//! where capitalisation means nothing:
//! - stage 1 knows how each word is written where its case is informative elsewhere in the
//!   article (mid-sentence in normally cased text);
//! - stage 2 also knows what stage 1 predicted for the same word elsewhere in the article.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::gazetteer::{Gazetteer, KeyMap, LISTS};
use super::hash::{self, key1, key2};
use super::lexicon::{Case, Lex};
use super::{Label, N_LABELS, N_TYPES};
use crate::extract::text::TextLayer;

// Template ids: part of every feature key, so renumbering them invalidates shipped models.
pub(crate) const T_BIAS: u8 = 1;
pub(crate) const T_LOWER: u8 = 2;
pub(crate) const T_EXACT: u8 = 3;
pub(crate) const T_SHAPE: u8 = 4;
pub(crate) const T_PREFIX: u8 = 5; // ..=8
pub(crate) const T_SUFFIX: u8 = 9; // ..=12
pub(crate) const T_LOWER_AT: u8 = 13; // ..=16: offsets -2, -1, +1, +2
pub(crate) const T_SHAPE_L: u8 = 17;
pub(crate) const T_SHAPE_R: u8 = 18;
pub(crate) const T_SHAPE_LC: u8 = 19;
pub(crate) const T_SHAPE_CR: u8 = 20;
pub(crate) const T_SHAPE_LCR: u8 = 21;
pub(crate) const T_BIGRAM_L: u8 = 22;
pub(crate) const T_BIGRAM_R: u8 = 23;
pub(crate) const T_FIRST: u8 = 24;
pub(crate) const T_UNRELIABLE: u8 = 25;
pub(crate) const T_UNRELIABLE_LOWER: u8 = 26;
pub(crate) const T_TABLE: u8 = 27;
pub(crate) const T_TABLE_POS: u8 = 28;
pub(crate) const T_DOC_CASE: u8 = 29;
pub(crate) const T_DOC_CASE_LOWER: u8 = 30;
pub(crate) const T_GAZ: u8 = 31;
pub(crate) const T_GAZ_CASE: u8 = 32;
pub(crate) const T_GAZ_L: u8 = 33;
pub(crate) const T_GAZ_R: u8 = 34;
pub(crate) const T_LEN: u8 = 35;
pub(crate) const T_EXACT_L: u8 = 36;
pub(crate) const T_EXACT_R: u8 = 37;
pub(crate) const T_HYPHEN_HEAD: u8 = 38;
pub(crate) const T_HYPHEN_TAIL: u8 = 39;
pub(crate) const T_HYPHEN_GAZ: u8 = 46;
pub(crate) const T_CONTEXT_L: u8 = 47;
pub(crate) const T_CONTEXT_R: u8 = 48;
pub(crate) const T_TABLE_DOC: u8 = 49;
pub(crate) const T_TABLE_GAZ: u8 = 50;
pub(crate) const T_ACRONYM: u8 = 52;
pub(crate) const T_DOC_PREV: u8 = 53;
pub(crate) const T_DOC_NEXT: u8 = 54;
pub(crate) const T_CLUSTER: u8 = 56; // ..=59: path prefixes of [`super::clusters::PREFIXES`]
pub(crate) const T_CLUSTER_L: u8 = 60;
pub(crate) const T_CLUSTER_R: u8 = 61;
pub(crate) const T_S1: u8 = 40;
pub(crate) const T_S1_L: u8 = 41;
pub(crate) const T_S1_R: u8 = 42;
pub(crate) const T_DOC_ANY: u8 = 43;
pub(crate) const T_DOC_MAJ: u8 = 44;
pub(crate) const T_DOC_MAJ_CASE: u8 = 45;

/// Stand-ins for the words before the first and after the last token of a sentence.
pub(crate) const BOS: u64 = 0x0123_4567_89ab_cdef;
pub(crate) const EOS: u64 = 0xfedc_ba98_7654_3210;

/// How one sentence reads.
#[derive(Debug, Clone)]
pub struct SentInfo {
    pub tokens: Range<usize>,
    /// Capitalisation carries no information: all caps, or title case.
    pub unreliable: bool,
    /// Mostly numbers: a results table or a score line.
    pub table: bool,
}

/// The distinct token strings (word types) of one document, each analysed once, and the
/// distinct lowercase forms among them, numbered. News text repeats its words (`the`, `,`,
/// the names it is about): a word's lexical analysis, and the weights of every feature that
/// depends on the word alone, are the same at each occurrence; and what the document says
/// about a lowercase form is best kept in an array indexed by its number.
#[derive(Debug, Default)]
pub struct Types<'a> {
    ids: FxHashMap<&'a str, u32>,
    lex: Vec<Lex>,
    /// Lowercase-form hash to its number.
    lowers: KeyMap<u32>,
    /// The number of every type's lowercase form.
    low: Vec<u32>,
    /// Per type: a plain lowercase word ([`super::outside::is_plain`]).
    plain: Vec<bool>,
}

impl<'a> Types<'a> {
    /// Room for the types of about `tokens` tokens without growing.
    pub fn with_capacity(tokens: usize) -> Self {
        // Roughly every other token of news text is a new word.
        let n = tokens / 2 + 16;
        Types {
            ids: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            lex: Vec::with_capacity(n),
            lowers: KeyMap::with_capacity_and_hasher(n, Default::default()),
            low: Vec::with_capacity(n),
            plain: Vec::with_capacity(n),
        }
    }

    /// The id of `token`, analysing it on its first occurrence. Ids count up from 0.
    pub fn intern(&mut self, token: &'a str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = self.analyse(token);
        self.ids.insert(token, id);
        id
    }

    /// The types of a document whose distinct token strings are already numbered (an
    /// article's [`crate::extract::vocab::Vocab::surfaces`]): type `i` is `surfaces[i]`.
    /// Tokens are then given by those numbers ([`LayerInfo::with_type_ids`]), not interned.
    pub fn of_surfaces(surfaces: &[&'a str]) -> Self {
        let mut types = Types {
            ids: FxHashMap::default(),
            lex: Vec::with_capacity(surfaces.len()),
            lowers: KeyMap::with_capacity_and_hasher(surfaces.len(), Default::default()),
            low: Vec::with_capacity(surfaces.len()),
            plain: Vec::with_capacity(surfaces.len()),
        };
        for s in surfaces {
            types.analyse(s);
        }
        types
    }

    /// Analyses a new type and returns its id.
    fn analyse(&mut self, token: &str) -> u32 {
        // At most one type (and one lowercase form) per token, and token counts are far
        // below u32::MAX.
        let id = self.lex.len() as u32;
        let lex = Lex::of(token);
        let next = self.lowers.len() as u32;
        self.low.push(*self.lowers.entry(lex.lower).or_insert(next));
        self.plain.push(super::outside::is_plain(token, &lex));
        self.lex.push(lex);
        id
    }

    /// The analysis of every type, by id.
    pub fn lex(&self) -> &[Lex] {
        &self.lex
    }

    /// Whether every type is a plain lowercase word, by type id.
    pub fn plain(&self) -> &[bool] {
        &self.plain
    }

    /// The number of every type's lowercase form, by type id.
    pub fn lower_ids(&self) -> &[u32] {
        &self.low
    }

    /// Number of distinct types.
    pub fn len(&self) -> usize {
        self.lex.len()
    }

    /// True before any token was interned.
    pub fn is_empty(&self) -> bool {
        self.lex.is_empty()
    }
}

/// One field's tokens, analysed for feature extraction.
#[derive(Debug)]
pub struct LayerInfo {
    pub lex: Vec<Lex>,
    /// The word type of every token (ids of the [`Types`] the layer was analysed with).
    pub ty: Vec<u32>,
    /// The number of every token's lowercase form (in the same [`Types`]).
    pub low: Vec<u32>,
    pub gaz: Vec<u32>,
    /// Lists of the parts of hyphenated words: head in bits 0..16, tail in 16..32.
    pub hyphen_gaz: Vec<u32>,
    pub sents: Vec<SentInfo>,
    /// Tokens labelled `O` without being scored ([`super::outside`]).
    pub outside: Vec<bool>,
}

impl LayerInfo {
    /// Analyses every token of `layer`.
    pub fn new(layer: &TextLayer<'_>, gazetteer: &Gazetteer) -> Self {
        Self::with_types(
            layer,
            gazetteer,
            &mut Types::with_capacity(layer.tokens.len()),
        )
    }

    /// Analyses every token of `layer`, each word type once across all the layers that share
    /// `types` (the fields of one article).
    pub fn with_types<'a>(
        layer: &TextLayer<'a>,
        gazetteer: &Gazetteer,
        types: &mut Types<'a>,
    ) -> Self {
        let ty: Vec<u32> = (0..layer.tokens.len())
            .map(|i| types.intern(layer.token_text(i)))
            .collect();
        Self::with_type_ids(layer, gazetteer, types, ty)
    }

    /// Analyses every token of `layer`, whose type ids in `types` are `ty` (one per token).
    pub fn with_type_ids(
        layer: &TextLayer<'_>,
        gazetteer: &Gazetteer,
        types: &Types<'_>,
        ty: Vec<u32>,
    ) -> Self {
        let lex: Vec<Lex> = ty.iter().map(|&t| types.lex[t as usize]).collect();
        let low: Vec<u32> = ty.iter().map(|&t| types.low[t as usize]).collect();
        let mut gaz = vec![0u32; lex.len()];
        let mut lower = Vec::new();
        let mut sents = Vec::with_capacity(layer.sentences.len());
        for s in &layer.sentences {
            lower.clear();
            lower.extend(lex[s.tokens.clone()].iter().map(|l| l.lower));
            gazetteer.mark(&lower, &mut gaz[s.tokens.clone()]);
            sents.push(sentence_info(&lex, s.tokens.clone()));
        }
        let hyphen_gaz = lex
            .iter()
            .map(|l| {
                l.hyphen.map_or(0, |(head, tail)| {
                    gazetteer.single(head) | (gazetteer.single(tail) << 16)
                })
            })
            .collect();
        let outside = super::outside::mark(layer, &ty, &types.plain, &lex);
        LayerInfo {
            outside,
            lex,
            ty,
            low,
            gaz,
            hyphen_gaz,
            sents,
        }
    }
}

fn sentence_info(lex: &[Lex], tokens: Range<usize>) -> SentInfo {
    let (mut caps, mut capitalised, mut lower, mut letters) = (0usize, 0usize, 0usize, 0usize);
    let (mut numbers, mut content_cap, mut content_low) = (0usize, 0usize, 0usize);
    for (k, l) in lex[tokens.clone()].iter().enumerate() {
        if l.alpha {
            letters += 1;
            match l.case {
                Case::AllCaps if l.chars > 1 => caps += 1,
                Case::Capitalised | Case::Mixed => capitalised += 1,
                Case::Lower => lower += 1,
                _ => {}
            }
            if k > 0 && l.chars >= 4 {
                match l.case {
                    Case::Capitalised | Case::AllCaps => content_cap += 1,
                    Case::Lower => content_low += 1,
                    _ => {}
                }
            }
        } else if l.digit {
            numbers += 1;
        }
    }
    let all_caps = caps > 0 && capitalised == 0 && lower == 0 && letters > 0;
    let title_case = content_cap >= 3 && content_low * 6 <= content_cap;
    let n = tokens.len();
    SentInfo {
        tokens,
        unreliable: all_caps || title_case,
        table: numbers >= 2 && numbers * 5 >= n * 2,
    }
}

/// Document-wide facts both stages use.
#[derive(Debug, Default)]
pub struct DocContext {
    /// How each lowercase form (by its number, see [`Types`]) is written mid-sentence in
    /// normally cased text: bit 0 lowercase, bit 1 capitalised, bit 2 all caps.
    case: Vec<u8>,
    /// For capitalised words: (lowercase form, word before, word after) at every
    /// occurrence, sorted, so all contexts of a word are one binary search away.
    pub(crate) contexts: Vec<(u64, u64, u64)>,
    /// A fifth or more of the sentences are tables: a results or market report, where
    /// place names usually stand for teams and companies.
    pub(crate) tabular: bool,
}

/// At most this many other occurrences of a word lend it their contexts.
pub(crate) const MAX_CONTEXTS: usize = 6;

/// One more than the largest lowercase-form number in `layers`.
fn lower_count<'a>(layers: impl IntoIterator<Item = &'a LayerInfo>) -> usize {
    layers
        .into_iter()
        .flat_map(|info| info.low.iter().max())
        .max()
        .map_or(0, |&m| m as usize + 1)
}

impl DocContext {
    /// Collects the casing evidence of the layers whose case is trustworthy (the body).
    pub fn new<'a>(layers: impl IntoIterator<Item = &'a LayerInfo> + Clone) -> Self {
        let mut case = vec![0u8; lower_count(layers.clone())];
        let mut contexts = Vec::new();
        let (mut tables, mut sentences) = (0usize, 0usize);
        for info in layers {
            sentences += info.sents.len();
            tables += info.sents.iter().filter(|s| s.table).count();
            for s in &info.sents {
                let r = s.tokens.clone();
                for i in r.clone() {
                    let l = &info.lex[i];
                    if l.alpha && matches!(l.case, Case::Capitalised | Case::AllCaps) {
                        let left = if i > r.start {
                            info.lex[i - 1].lower
                        } else {
                            BOS
                        };
                        let right = if i + 1 < r.end {
                            info.lex[i + 1].lower
                        } else {
                            EOS
                        };
                        contexts.push((l.lower, left, right));
                    }
                }
            }
            for s in info.sents.iter().filter(|s| !s.unreliable) {
                let r = s.tokens.start + 1..s.tokens.end;
                for (l, &low) in info.lex[r.clone()].iter().zip(&info.low[r]) {
                    let bit = match l.case {
                        Case::Lower => 1,
                        Case::Capitalised | Case::Mixed => 2,
                        Case::AllCaps if l.chars > 1 => 4,
                        _ => continue,
                    };
                    case[low as usize] |= bit;
                }
            }
        }
        contexts.sort_unstable();
        DocContext {
            case,
            contexts,
            tabular: tables * 5 >= sentences.max(1),
        }
    }

    /// How the lowercase form numbered `low` is written mid-sentence in normally cased text
    /// (0: nowhere).
    #[inline]
    pub fn case_of(&self, low: u32) -> u8 {
        self.case.get(low as usize).copied().unwrap_or(0)
    }
}

/// What stage 1 predicted across the document: per lowercase form (by its number, see
/// [`Types`]), how often each entity type was assigned to it.
#[derive(Debug, Default)]
pub struct Predictions {
    types: Vec<[u16; N_TYPES]>,
    /// Per lowercase form, its most frequent stage-1 label (`O` included); `None` for
    /// forms that are not words.
    majority: Vec<Option<Label>>,
}

impl Predictions {
    /// Counts the entity types stage 1 gave each word in the layers.
    pub fn new<'a>(layers: impl IntoIterator<Item = (&'a LayerInfo, &'a [Label])> + Clone) -> Self {
        let n = lower_count(layers.clone().into_iter().map(|(info, _)| info));
        let mut types = vec![[0u16; N_TYPES]; n];
        let mut labels = vec![[0u16; N_LABELS]; n];
        for (info, labs) in layers {
            for ((l, &low), &label) in info.lex.iter().zip(&info.low).zip(labs) {
                if !l.alpha {
                    continue;
                }
                let c = &mut labels[low as usize][label.0 as usize];
                *c = c.saturating_add(1);
                if let Some(t) = label.entity_type() {
                    let c = &mut types[low as usize][t];
                    *c = c.saturating_add(1);
                }
            }
        }
        let majority = labels
            .iter()
            .map(|counts| {
                // A word is counted at least once; a form with no count is not a word.
                if counts.iter().all(|&n| n == 0) {
                    return None;
                }
                let mut best = 0;
                for (l, &n) in counts.iter().enumerate() {
                    if n > counts[best] {
                        best = l;
                    }
                }
                Some(Label(best as u8))
            })
            .collect();
        Predictions { types, majority }
    }

    /// How often stage 1 gave each entity type to the lowercase form numbered `low`.
    #[inline]
    pub fn types_of(&self, low: u32) -> [u16; N_TYPES] {
        self.types.get(low as usize).copied().unwrap_or_default()
    }

    /// The most frequent stage-1 label of the lowercase form numbered `low`, if it is a
    /// word the layers contain.
    #[inline]
    pub fn majority_of(&self, low: u32) -> Option<Label> {
        self.majority.get(low as usize).copied().flatten()
    }
}

/// Stage 2's view of one layer: stage 1's labels and the document's predictions.
#[derive(Debug, Clone, Copy)]
pub struct Stage2<'a> {
    pub labels: &'a [Label],
    pub predictions: &'a Predictions,
}

/// The capitalisation the model sees: in a sentence whose case means nothing (all caps or
/// title case), every capitalised form looks the same, so a title-case headline reads like
/// the all-caps headlines of the training data.
#[inline]
pub(crate) fn effective_case(l: &Lex, unreliable: bool) -> Case {
    match l.case {
        Case::Capitalised | Case::Mixed if unreliable => Case::AllCaps,
        c => c,
    }
}

/// How a token is capitalised where it stands: its effective case, whether its sentence's
/// case is unreliable and whether it opens the sentence (5 bits).
#[inline]
pub(crate) fn case_code(l: &Lex, sent: &SentInfo, first: bool) -> u64 {
    effective_case(l, sent.unreliable) as u64
        | (u64::from(sent.unreliable) << 3)
        | (u64::from(first) << 4)
}

/// The word cluster a token shows in a sentence whose case is (un)reliable; 0 for none.
#[inline]
pub(crate) fn cluster_in(l: &Lex, unreliable: bool) -> u32 {
    if unreliable {
        l.cluster_caseless
    } else {
        l.cluster
    }
}

/// The path-prefix features of word cluster `c` (none for 0).
#[inline]
pub(crate) fn push_cluster_prefixes(c: u32, out: &mut Vec<u64>) {
    if c != 0 {
        for (k, bits) in super::clusters::PREFIXES.into_iter().enumerate() {
            out.push(key1(T_CLUSTER + k as u8, super::clusters::prefix(c, bits)));
        }
    }
}

/// Appends the stage-1 feature keys of token `i` (in sentence `sent` of `info`) to `out`.
pub fn extract(info: &LayerInfo, doc: &DocContext, sent: &SentInfo, i: usize, out: &mut Vec<u64>) {
    let lex = &info.lex;
    let l = &lex[i];
    let first = i == sent.tokens.start;
    let at = |d: isize| -> Option<&Lex> {
        let j = i.checked_add_signed(d)?;
        sent.tokens.contains(&j).then(|| &lex[j])
    };
    let unrel = sent.unreliable;
    // In text whose case means nothing, exact forms and shapes would mislead: use the
    // case-free variants and let the document tell the case.
    let exact_of = |x: &Lex| if unrel { x.lower } else { x.exact };
    let shape_of = |x: &Lex| if unrel { x.neutral } else { x.shape };
    let lower_at = |d| at(d).map_or(if d < 0 { BOS } else { EOS }, |x| x.lower);
    let shape_at = |d| at(d).map_or(if d < 0 { BOS } else { EOS }, shape_of);
    let exact_at = |d| at(d).map_or(if d < 0 { BOS } else { EOS }, exact_of);

    let shape = shape_of(l);
    out.push(key1(T_BIAS, 0));
    out.push(key1(T_LOWER, l.lower));
    out.push(key1(T_EXACT, exact_of(l)));
    out.push(key1(T_SHAPE, shape));
    for k in 0..4 {
        if usize::from(l.chars) > k {
            out.push(key1(T_PREFIX + k as u8, l.prefix[k]));
            out.push(key1(T_SUFFIX + k as u8, l.suffix[k]));
        }
    }
    for (k, d) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        out.push(key1(T_LOWER_AT + k as u8, lower_at(d)));
    }
    out.push(key1(T_EXACT_L, exact_at(-1)));
    out.push(key1(T_EXACT_R, exact_at(1)));
    let (sl, sr) = (shape_at(-1), shape_at(1));
    out.push(key1(T_SHAPE_L, sl));
    out.push(key1(T_SHAPE_R, sr));
    out.push(key2(T_SHAPE_LC, sl, shape));
    out.push(key2(T_SHAPE_CR, shape, sr));
    out.push(key2(T_SHAPE_LCR, hash::combine(sl, shape), sr));
    out.push(key2(T_BIGRAM_L, lower_at(-1), l.lower));
    out.push(key2(T_BIGRAM_R, l.lower, lower_at(1)));
    out.push(key1(
        T_LEN,
        u64::from(l.chars.min(12)) | (u64::from(effective_case(l, sent.unreliable) as u8) << 8),
    ));
    if first {
        out.push(key2(
            T_FIRST,
            shape,
            u64::from(effective_case(l, sent.unreliable) as u8),
        ));
    }
    if unrel {
        out.push(key1(T_UNRELIABLE, l.neutral));
        out.push(key1(T_UNRELIABLE_LOWER, l.lower));
    }
    if sent.table {
        out.push(key1(T_TABLE, shape));
        let pos = (i - sent.tokens.start).min(4) as u64;
        out.push(key2(T_TABLE_POS, pos, shape));
    }
    let here = case_code(l, sent, first);
    let dcase = doc.case_of(info.low[i]);
    if l.alpha {
        out.push(key2(T_DOC_CASE, u64::from(dcase), here));
        out.push(key2(T_DOC_CASE_LOWER, u64::from(dcase), l.lower));
    }
    let gaz_bits = |g: u32, t: u8, extra: u64, out: &mut Vec<u64>| {
        let mut g = g;
        while g != 0 {
            let b = g.trailing_zeros();
            g &= g - 1;
            out.push(key2(t, u64::from(b), extra));
        }
    };
    let g = info.gaz[i];
    gaz_bits(g, T_GAZ, 0, out);
    if doc.tabular {
        out.push(key1(T_TABLE_DOC, shape));
        gaz_bits(g, T_TABLE_GAZ, u64::from(sent.table), out);
    }
    gaz_bits(g, T_GAZ_CASE, here, out);
    if let Some(j) = i.checked_sub(1).filter(|j| sent.tokens.contains(j)) {
        gaz_bits(info.gaz[j], T_GAZ_L, 0, out);
    }
    if sent.tokens.contains(&(i + 1)) {
        gaz_bits(info.gaz[i + 1], T_GAZ_R, 0, out);
    }
    debug_assert!(LISTS.len() * 2 <= 32);
    if let Some(a) = l.acronym {
        out.push(key1(T_ACRONYM, a));
    }
    let cluster_of = |x: &Lex| cluster_in(x, unrel);
    push_cluster_prefixes(cluster_of(l), out);
    if let Some(c) = at(-1).map(cluster_of).filter(|&c| c != 0) {
        out.push(key1(T_CLUSTER_L, u64::from(c)));
    }
    if let Some(c) = at(1).map(cluster_of).filter(|&c| c != 0) {
        out.push(key1(T_CLUSTER_R, u64::from(c)));
    }
    if let Some((head, tail)) = l.hyphen {
        out.push(key1(T_HYPHEN_HEAD, head));
        out.push(key1(T_HYPHEN_TAIL, tail));
        gaz_bits(info.hyphen_gaz[i], T_HYPHEN_GAZ, 0, out);
    }
    // Context aggregation (Ratinov & Roth): the neighbours of the same capitalised word
    // elsewhere in the document, skipping the occurrence that matches this one.
    if l.alpha && matches!(l.case, Case::Capitalised | Case::AllCaps) {
        let from = doc.contexts.partition_point(|c| c.0 < l.lower);
        let occurrences = doc.contexts[from..]
            .iter()
            .take_while(|c| c.0 == l.lower)
            .take(MAX_CONTEXTS + 1);
        let (own_l, own_r) = (lower_at(-1), lower_at(1));
        let mut skipped = false;
        for &(_, left, right) in occurrences {
            if !skipped && left == own_l && right == own_r {
                skipped = true;
                continue;
            }
            out.push(key1(T_CONTEXT_L, left));
            out.push(key1(T_CONTEXT_R, right));
        }
    }
}

/// Appends the keys stage 2 adds to stage 1's for token `i`: stage 1's labels around it and
/// its predictions for the same word elsewhere in the document.
pub fn extract_stage2(
    info: &LayerInfo,
    s2: Stage2<'_>,
    sent: &SentInfo,
    i: usize,
    out: &mut Vec<u64>,
) {
    let l = &info.lex[i];
    let first = i == sent.tokens.start;
    let here = case_code(l, sent, first);
    let lab = |d: isize| -> u64 {
        i.checked_add_signed(d)
            .filter(|j| sent.tokens.contains(j))
            .map_or(99, |j| u64::from(s2.labels[j].0))
    };
    let own = s2.labels[i];
    out.push(key1(T_S1, u64::from(own.0)));
    out.push(key2(T_S1_L, lab(-1), u64::from(own.0)));
    out.push(key2(T_S1_R, u64::from(own.0), lab(1)));
    // What the neighbours usually are elsewhere: a word that normally begins a name
    // suggests the capitalised word before it is not part of that name.
    let majority_at = |j: usize| -> u64 {
        let x = &info.lex[j];
        if !x.alpha {
            return 98;
        }
        s2.predictions
            .majority_of(info.low[j])
            .map_or(97, |m| u64::from(m.0))
    };
    if i > sent.tokens.start {
        out.push(key2(T_DOC_PREV, majority_at(i - 1), u64::from(own.0)));
    }
    if i + 1 < sent.tokens.end {
        out.push(key2(T_DOC_NEXT, majority_at(i + 1), u64::from(own.0)));
    }
    if l.alpha {
        // A form stage 1 never called an entity has all counts 0 and adds nothing.
        let mut c = s2.predictions.types_of(info.low[i]);
        if let Some(t) = own.entity_type() {
            c[t] = c[t].saturating_sub(1);
        }
        let mut best = None;
        for (t, &n) in c.iter().enumerate() {
            if n > 0 {
                out.push(key2(T_DOC_ANY, t as u64, here));
                if best.is_none_or(|(_, m)| n > m) {
                    best = Some((t, n));
                }
            }
        }
        if let Some((t, _)) = best {
            out.push(key2(T_DOC_MAJ, t as u64, u64::from(own.0)));
            out.push(key2(T_DOC_MAJ_CASE, t as u64, here));
        }
    }
}
