//! Emission scores of a whole document, computed with as few weight lookups as the feature
//! templates allow. The scores are exactly those of looking up every key that
//! [`features::extract`] and [`features::extract_stage2`] produce (the reference, which
//! training uses): weights are summed as integers until the end ([`Joint::add`]), so
//! grouping the sums differently cannot change a single bit of a score. What changes is how
//! often the table is probed:
//!
//! - features of a word alone (its forms, shape, affixes, length, how the document writes
//!   it) are summed once per word type, per document;
//! - so are the features a word lends its neighbours (the ±2 window);
//! - features over a small closed set of values (gazetteer bits, case codes, stage 1's
//!   labels, the document's majority labels) are summed once per model, into dense tables;
//! - the neighbours of a capitalised word's other occurrences are summed once per
//!   occurrence;
//! - only features of pairs of words (shape and word bigrams), sentence-initial words and
//!   table rows are looked up token by token.
//!
//! A new or changed template in [`features`] must be mirrored here; the tests compare both
//! paths token by token and fail on any difference.

use super::features::{
    self, BOS, DocContext, EOS, LayerInfo, MAX_CONTEXTS, Predictions, SentInfo, T_ACRONYM, T_BIAS,
    T_BIGRAM_L, T_BIGRAM_R, T_CLUSTER_L, T_CLUSTER_R, T_CONTEXT_L, T_CONTEXT_R, T_DOC_ANY,
    T_DOC_CASE, T_DOC_CASE_LOWER, T_DOC_MAJ, T_DOC_MAJ_CASE, T_DOC_NEXT, T_DOC_PREV, T_EXACT,
    T_EXACT_L, T_EXACT_R, T_FIRST, T_GAZ, T_GAZ_CASE, T_GAZ_L, T_GAZ_R, T_HYPHEN_GAZ,
    T_HYPHEN_HEAD, T_HYPHEN_TAIL, T_LEN, T_LOWER, T_LOWER_AT, T_PREFIX, T_S1, T_S1_L, T_S1_R,
    T_SHAPE, T_SHAPE_CR, T_SHAPE_L, T_SHAPE_LC, T_SHAPE_LCR, T_SHAPE_R, T_SUFFIX, T_TABLE,
    T_TABLE_DOC, T_TABLE_GAZ, T_TABLE_POS, T_UNRELIABLE, T_UNRELIABLE_LOWER, Types,
};
use super::hash::{self, key1, key2};
use super::lexicon::{Case, Lex};
use super::weights::{Joint, ROW};
use super::{Label, N_LABELS, N_TYPES};

/// Summed quantised weights of both stages.
pub type Acc = [i32; ROW];
/// Summed quantised weights of stage 2.
pub type Acc2 = [i32; N_LABELS];

/// Bit positions of a `u32` mask (gazetteer memberships).
const BITS: usize = 32;
/// Values of [`features::case_code`]: 3 bits of case, one of unreliable case, one of
/// sentence start.
const HERE: usize = 32;
/// Values of the document's casing evidence for a word (3 bits).
const DCASE: usize = 8;
/// Stage 1's label of a neighbour: a label, or beyond the sentence (99 in the key).
const LAB: usize = N_LABELS + 1;
/// A neighbour's majority label: a label, an unknown word (97) or not a word (98).
const MAJ: usize = N_LABELS + 2;

#[inline]
fn add<const N: usize>(acc: &mut [i32; N], v: &[i32; N]) {
    for (a, b) in acc.iter_mut().zip(v) {
        *a += b;
    }
}

/// The summed weights of `keys`.
fn sum(joint: &Joint, keys: impl IntoIterator<Item = u64>) -> Acc {
    let mut acc = [0; ROW];
    for k in keys {
        joint.add(k, &mut acc);
    }
    acc
}

/// The summed stage-2 weights of one key.
fn sum2(joint: &Joint, key: u64) -> Acc2 {
    let mut acc = [0; N_LABELS];
    joint.add_stage2_only(key, &mut acc);
    acc
}

/// Weights of every feature whose values form a small closed set, looked up once when the
/// model loads. Indexed `[a * width + b]` for features of two values.
#[derive(Debug, Clone)]
pub struct Dense {
    bias: Acc,
    /// What the positions beyond the sentence lend a token as its neighbours at -2, -1, +1
    /// and +2.
    outside: [Acc; 4],
    /// `[dcase][here]`.
    doc_case: Vec<Acc>,
    /// `[bit]`.
    gaz: Vec<Acc>,
    /// `[bit][here]`.
    gaz_case: Vec<Acc>,
    /// `[bit]`, bits of the word before.
    gaz_l: Vec<Acc>,
    /// `[bit]`, bits of the word after.
    gaz_r: Vec<Acc>,
    /// `[bit][table row]`.
    table_gaz: Vec<Acc>,
    /// Stage 2, `[own]`.
    s1: Vec<Acc2>,
    /// `[left lab][own]`.
    s1_l: Vec<Acc2>,
    /// `[own][right lab]`.
    s1_r: Vec<Acc2>,
    /// `[majority of the word before][own]`.
    doc_prev: Vec<Acc2>,
    /// `[majority of the word after][own]`.
    doc_next: Vec<Acc2>,
    /// `[type][here]`.
    doc_any: Vec<Acc2>,
    /// `[type][own]`.
    doc_maj: Vec<Acc2>,
    /// `[type][here]`.
    doc_maj_case: Vec<Acc2>,
}

/// The key value of a neighbour's stage-1 label at index `lab` (see [`LAB`]).
fn lab_value(lab: usize) -> u64 {
    if lab < N_LABELS { lab as u64 } else { 99 }
}

/// The key value of a neighbour's majority label at index `maj` (see [`MAJ`]).
fn maj_value(maj: usize) -> u64 {
    match maj {
        m if m < N_LABELS => m as u64,
        m if m == N_LABELS => 97,
        _ => 98,
    }
}

impl Dense {
    /// Looks up every closed-set feature of the model.
    pub fn new(joint: &Joint) -> Self {
        let one = |k: u64| sum(joint, [k]);
        let grid = |n: usize, m: usize, f: &dyn Fn(usize, usize) -> u64| -> Vec<Acc> {
            (0..n * m).map(|x| one(f(x / m, x % m))).collect()
        };
        let grid2 = |n: usize, m: usize, f: &dyn Fn(usize, usize) -> u64| -> Vec<Acc2> {
            (0..n * m).map(|x| sum2(joint, f(x / m, x % m))).collect()
        };
        let u = |x: usize| x as u64;
        let outside = [
            one(key1(T_LOWER_AT, BOS)),
            sum(
                joint,
                [
                    key1(T_LOWER_AT + 1, BOS),
                    key1(T_EXACT_L, BOS),
                    key1(T_SHAPE_L, BOS),
                ],
            ),
            sum(
                joint,
                [
                    key1(T_LOWER_AT + 2, EOS),
                    key1(T_EXACT_R, EOS),
                    key1(T_SHAPE_R, EOS),
                ],
            ),
            one(key1(T_LOWER_AT + 3, EOS)),
        ];
        Dense {
            bias: one(key1(T_BIAS, 0)),
            outside,
            doc_case: grid(DCASE, HERE, &|d, h| key2(T_DOC_CASE, u(d), u(h))),
            gaz: grid(BITS, 1, &|b, _| key2(T_GAZ, u(b), 0)),
            gaz_case: grid(BITS, HERE, &|b, h| key2(T_GAZ_CASE, u(b), u(h))),
            gaz_l: grid(BITS, 1, &|b, _| key2(T_GAZ_L, u(b), 0)),
            gaz_r: grid(BITS, 1, &|b, _| key2(T_GAZ_R, u(b), 0)),
            table_gaz: grid(BITS, 2, &|b, t| key2(T_TABLE_GAZ, u(b), u(t))),
            s1: grid2(N_LABELS, 1, &|o, _| key1(T_S1, u(o))),
            s1_l: grid2(LAB, N_LABELS, &|l, o| key2(T_S1_L, lab_value(l), u(o))),
            s1_r: grid2(N_LABELS, LAB, &|o, r| key2(T_S1_R, u(o), lab_value(r))),
            doc_prev: grid2(MAJ, N_LABELS, &|m, o| key2(T_DOC_PREV, maj_value(m), u(o))),
            doc_next: grid2(MAJ, N_LABELS, &|m, o| key2(T_DOC_NEXT, maj_value(m), u(o))),
            doc_any: grid2(N_TYPES, HERE, &|t, h| key2(T_DOC_ANY, u(t), u(h))),
            doc_maj: grid2(N_TYPES, N_LABELS, &|t, o| key2(T_DOC_MAJ, u(t), u(o))),
            doc_maj_case: grid2(N_TYPES, HERE, &|t, h| key2(T_DOC_MAJ_CASE, u(t), u(h))),
        }
    }
}

/// What one word type lends the tokens 2 and 1 after it and 1 and 2 before it, in
/// sentences of one kind of casing: as the neighbour at offset -2, -1, +1, +2 of the token
/// being scored.
type Lent = [Acc; 4];

/// What stage 1 predicted for a word type elsewhere in the document.
#[derive(Debug, Clone, Copy, Default)]
struct TypeStage2 {
    /// Index into [`Dense::doc_prev`]'s first dimension.
    maj: usize,
    /// Entity types stage 1 gave the word's lowercase form, when it is a word.
    counts: Option<[u16; N_TYPES]>,
}

/// Scores the tokens of one document (all its fields), caching per word type.
pub struct DocScorer<'m> {
    joint: &'m Joint,
    dense: &'m Dense,
    tabular: bool,
    lex: &'m [Lex],
    /// Per type: the number of its lowercase form.
    low: &'m [u32],
    contexts: &'m [(u64, u64, u64)],
    /// Per type: how the document writes its lowercase form (see [`DocContext`]).
    dcase: Vec<u8>,
    /// Per type: the entries of `contexts` that lend it their neighbours (empty unless the
    /// type is a capitalised or all-caps word).
    context_range: Vec<(u32, u32)>,
    /// Per context entry: the summed weights of its neighbours, once computed.
    context_sums: Vec<Option<Acc>>,
    /// Per type and casing reliability (`2 * type + unreliable`): index into `words`, and
    /// into `lent`. Each is computed on first use: a type whose every occurrence is left
    /// unscored ([`LayerInfo::outside`]) needs no sums of its own, and what it lends only
    /// when a scored token is near.
    word_slot: Vec<u32>,
    lent_slot: Vec<u32>,
    /// A type's own features, with the bias.
    words: Vec<Acc>,
    lent: Vec<Lent>,
    stage2: Vec<TypeStage2>,
    /// Scratch of [`DocScorer::sentence1`]: per gap the combined hashes of the shapes and
    /// lowercase forms either side.
    gaps: Vec<(u64, u64)>,
    /// Scratch of feature keys.
    keys: Vec<u64>,
}

impl<'m> DocScorer<'m> {
    /// Prepares to score the tokens of the layers analysed with `types`.
    pub fn new(
        joint: &'m Joint,
        dense: &'m Dense,
        ctx: &'m DocContext,
        types: &'m Types<'_>,
    ) -> Self {
        let lex = types.lex();
        let low = types.lower_ids();
        let contexts = ctx.contexts.as_slice();
        let dcase = low.iter().map(|&n| ctx.case_of(n)).collect();
        let context_range = lex
            .iter()
            .map(|l| {
                if !(l.alpha && matches!(l.case, Case::Capitalised | Case::AllCaps)) {
                    return (0, 0);
                }
                let from = contexts.partition_point(|c| c.0 < l.lower);
                let len = contexts[from..]
                    .iter()
                    .take_while(|c| c.0 == l.lower)
                    .take(MAX_CONTEXTS + 1)
                    .count();
                // Context entries are one per token: they fit in u32 like token indices.
                (from as u32, len as u32)
            })
            .collect();
        DocScorer {
            joint,
            dense,
            tabular: ctx.tabular,
            lex,
            low,
            contexts,
            dcase,
            context_range,
            context_sums: vec![None; contexts.len()],
            word_slot: vec![u32::MAX; 2 * lex.len()],
            lent_slot: vec![u32::MAX; 2 * lex.len()],
            words: Vec::with_capacity(lex.len()),
            lent: Vec::with_capacity(lex.len()),
            stage2: Vec::new(),
            gaps: Vec::new(),
            keys: Vec::with_capacity(64),
        }
    }

    /// The own features of type `t` in sentences of reliability `unrel`, computed on first
    /// use. `hyphen_gaz` is the type's [`LayerInfo::hyphen_gaz`] entry.
    fn word_sums(&mut self, t: usize, unrel: bool, hyphen_gaz: u32) -> &Acc {
        let s = 2 * t + usize::from(unrel);
        if self.word_slot[s] == u32::MAX {
            let sums = self.type_word(t, unrel, hyphen_gaz);
            // At most two entries per type: indices fit u32 like token indices.
            self.word_slot[s] = self.words.len() as u32;
            self.words.push(sums);
        }
        &self.words[self.word_slot[s] as usize]
    }

    /// What type `t` lends its neighbours in sentences of reliability `unrel`, computed on
    /// first use.
    fn lent_sums(&mut self, t: usize, unrel: bool) -> &Lent {
        let s = 2 * t + usize::from(unrel);
        if self.lent_slot[s] == u32::MAX {
            let sums = self.type_lent(t, unrel);
            self.lent_slot[s] = self.lent.len() as u32;
            self.lent.push(sums);
        }
        &self.lent[self.lent_slot[s] as usize]
    }

    /// Looks up the eight keys type `t` lends its neighbours in sentences of reliability
    /// `unrel`: offset -2; -1 three; +1 three; +2.
    fn type_lent(&self, t: usize, unrel: bool) -> Lent {
        let l = &self.lex[t];
        let exact = if unrel { l.lower } else { l.exact };
        let shape = if unrel { l.neutral } else { l.shape };
        let j = self.joint;
        // A word's cluster is lent to both neighbours when it has one.
        let cluster = features::cluster_in(l, unrel);
        let lent_cluster = |t: u8| (cluster != 0).then(|| key1(t, u64::from(cluster)));
        [
            sum(j, [key1(T_LOWER_AT, l.lower)]),
            sum(
                j,
                [
                    key1(T_LOWER_AT + 1, l.lower),
                    key1(T_EXACT_L, exact),
                    key1(T_SHAPE_L, shape),
                ]
                .into_iter()
                .chain(lent_cluster(T_CLUSTER_L)),
            ),
            sum(
                j,
                [
                    key1(T_LOWER_AT + 2, l.lower),
                    key1(T_EXACT_R, exact),
                    key1(T_SHAPE_R, shape),
                ]
                .into_iter()
                .chain(lent_cluster(T_CLUSTER_R)),
            ),
            sum(j, [key1(T_LOWER_AT + 3, l.lower)]),
        ]
    }

    /// Looks up the features of type `t` alone in sentences of reliability `unrel`, with the
    /// bias.
    fn type_word(&mut self, t: usize, unrel: bool, hyphen_gaz: u32) -> Acc {
        let l = &self.lex[t];
        let exact = if unrel { l.lower } else { l.exact };
        let shape = if unrel { l.neutral } else { l.shape };
        let keys = &mut self.keys;
        keys.clear();
        keys.push(key1(T_LOWER, l.lower));
        keys.push(key1(T_EXACT, exact));
        keys.push(key1(T_SHAPE, shape));
        for k in 0..4 {
            if usize::from(l.chars) > k {
                keys.push(key1(T_PREFIX + k as u8, l.prefix[k]));
                keys.push(key1(T_SUFFIX + k as u8, l.suffix[k]));
            }
        }
        let case = features::effective_case(l, unrel);
        keys.push(key1(
            T_LEN,
            u64::from(l.chars.min(12)) | (u64::from(case as u8) << 8),
        ));
        if unrel {
            keys.push(key1(T_UNRELIABLE, l.neutral));
            keys.push(key1(T_UNRELIABLE_LOWER, l.lower));
        }
        if l.alpha {
            keys.push(key2(T_DOC_CASE_LOWER, u64::from(self.dcase[t]), l.lower));
        }
        if self.tabular {
            keys.push(key1(T_TABLE_DOC, shape));
        }
        if let Some(a) = l.acronym {
            keys.push(key1(T_ACRONYM, a));
        }
        features::push_cluster_prefixes(features::cluster_in(l, unrel), keys);
        if let Some((head, tail)) = l.hyphen {
            keys.push(key1(T_HYPHEN_HEAD, head));
            keys.push(key1(T_HYPHEN_TAIL, tail));
            keys.extend(bits(hyphen_gaz).map(|b| key2(T_HYPHEN_GAZ, b, 0)));
        }
        let j = self.joint;
        let mut word = self.dense.bias;
        for &k in keys.iter() {
            j.add(k, &mut word);
        }
        word
    }

    /// The summed weights of the neighbours of context entry `k`.
    fn context_sum(&mut self, k: usize) -> &Acc {
        let (_, left, right) = self.contexts[k];
        let j = self.joint;
        self.context_sums[k]
            .get_or_insert_with(|| sum(j, [key1(T_CONTEXT_L, left), key1(T_CONTEXT_R, right)]))
    }

    /// Stage 1's features of every token of sentence `sent` of `info`, summed over both
    /// stages' weights, appended to `out` in token order: what [`features::extract`] and
    /// [`Joint::add`] give, token by token. Tokens of [`LayerInfo::outside`] get a row of
    /// zeros: they are not scored.
    pub fn sentence1(&mut self, info: &LayerInfo, sent: &SentInfo, out: &mut Vec<Acc>) {
        let r = sent.tokens.clone();
        let unrel = sent.unreliable;
        let shape_of = |x: &Lex| if unrel { x.neutral } else { x.shape };
        // Per token: its sums; per gap between tokens (sentence edges included): the
        // combined hashes of the shapes and of the lowercase forms on either side, which
        // the pair features of both neighbours share (`key2(t, a, b)` is
        // `key1(t, combine(a, b))`).
        let mut shapes = std::mem::take(&mut self.gaps);
        shapes.clear();
        let n_tok = r.len();
        let (mut sl, mut ll) = (BOS, BOS);
        for i in r.clone() {
            let x = &self.lex[info.ty[i] as usize];
            let s = shape_of(x);
            shapes.push((hash::combine(sl, s), hash::combine(ll, x.lower)));
            (sl, ll) = (s, x.lower);
        }
        shapes.push((hash::combine(sl, EOS), hash::combine(ll, EOS)));
        let j = self.joint;

        let d = self.dense;
        for (k, i) in r.clone().enumerate() {
            if info.outside[i] {
                // Labelled `O` unscored (see `super::outside`); the row keeps positions.
                out.push([0; ROW]);
                continue;
            }
            let t = info.ty[i] as usize;
            let l = &self.lex[t];
            let first = k == 0;
            let mut acc = *self.word_sums(t, unrel, info.hyphen_gaz[i]);
            for (n, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                match k.checked_add_signed(off).filter(|&m| m < n_tok) {
                    Some(m) => {
                        let lent = &self.lent_sums(info.ty[r.start + m] as usize, unrel)[n];
                        add(&mut acc, lent);
                    }
                    None => add(&mut acc, &d.outside[n]),
                }
            }
            let shape = shape_of(l);
            let (left, right) = (shapes[k], shapes[k + 1]);
            let sr = if k + 1 < n_tok {
                shape_of(&self.lex[info.ty[i + 1] as usize])
            } else {
                EOS
            };
            j.add(key1(T_SHAPE_LC, left.0), &mut acc);
            j.add(key1(T_SHAPE_CR, right.0), &mut acc);
            j.add(key1(T_SHAPE_LCR, hash::combine(left.0, sr)), &mut acc);
            j.add(key1(T_BIGRAM_L, left.1), &mut acc);
            j.add(key1(T_BIGRAM_R, right.1), &mut acc);
            if first {
                let case = features::effective_case(l, unrel);
                j.add(key2(T_FIRST, shape, u64::from(case as u8)), &mut acc);
            }
            if sent.table {
                j.add(key1(T_TABLE, shape), &mut acc);
                let pos = k.min(4) as u64;
                j.add(key2(T_TABLE_POS, pos, shape), &mut acc);
            }
            let here = features::case_code(l, sent, first) as usize;
            if l.alpha {
                add(
                    &mut acc,
                    &d.doc_case[usize::from(self.dcase[t]) * HERE + here],
                );
            }
            for b in bits(info.gaz[i]) {
                let b = b as usize;
                add(&mut acc, &d.gaz[b]);
                if self.tabular {
                    add(&mut acc, &d.table_gaz[b * 2 + usize::from(sent.table)]);
                }
                add(&mut acc, &d.gaz_case[b * HERE + here]);
            }
            if !first {
                for b in bits(info.gaz[i - 1]) {
                    add(&mut acc, &d.gaz_l[b as usize]);
                }
            }
            if k + 1 < n_tok {
                for b in bits(info.gaz[i + 1]) {
                    add(&mut acc, &d.gaz_r[b as usize]);
                }
            }
            // The neighbours of the word's other occurrences, skipping the first occurrence
            // in the same context as this one (normally this very token).
            let (from, len) = self.context_range[t];
            if len > 0 {
                let ll = if first {
                    BOS
                } else {
                    self.lex[info.ty[i - 1] as usize].lower
                };
                let lr = if k + 1 < n_tok {
                    self.lex[info.ty[i + 1] as usize].lower
                } else {
                    EOS
                };
                let mut skipped = false;
                for c in from as usize..(from + len) as usize {
                    let (_, cl, cr) = self.contexts[c];
                    if !skipped && cl == ll && cr == lr {
                        skipped = true;
                        continue;
                    }
                    let s = *self.context_sum(c);
                    add(&mut acc, &s);
                }
            }
            out.push(acc);
        }
        self.gaps = shapes;
    }

    /// Takes stage 1's predictions for the whole document into account (before
    /// [`DocScorer::stage2`]).
    pub fn set_predictions(&mut self, preds: &Predictions) {
        self.stage2 = self
            .lex
            .iter()
            .zip(self.low)
            .map(|(l, &low)| {
                if !l.alpha {
                    return TypeStage2 {
                        maj: N_LABELS + 1,
                        counts: None,
                    };
                }
                TypeStage2 {
                    maj: preds
                        .majority_of(low)
                        .map_or(N_LABELS, |m| usize::from(m.0)),
                    counts: Some(preds.types_of(low)),
                }
            })
            .collect();
    }

    /// The features stage 2 adds for token `i` of `info` given stage 1's `labels` of the
    /// layer, summed over stage 2's weights: what [`features::extract_stage2`] and
    /// [`Joint::add_stage2_only`] give.
    ///
    /// # Panics
    /// When [`DocScorer::set_predictions`] was not called first, or a label is not one of
    /// the model's.
    pub fn stage2(&self, info: &LayerInfo, labels: &[Label], sent: &SentInfo, i: usize) -> Acc2 {
        let d = self.dense;
        let r = &sent.tokens;
        let t = info.ty[i] as usize;
        let l = &self.lex[t];
        let own = labels[i];
        let o = usize::from(own.0);
        let lab = |n: Option<usize>| n.map_or(N_LABELS, |n| usize::from(labels[n].0));
        let before = i.checked_sub(1).filter(|n| r.contains(n));
        let after = Some(i + 1).filter(|n| r.contains(n));
        let mut acc = d.s1[o];
        add(&mut acc, &d.s1_l[lab(before) * N_LABELS + o]);
        add(&mut acc, &d.s1_r[o * LAB + lab(after)]);
        if let Some(n) = before {
            let m = self.stage2[info.ty[n] as usize].maj;
            add(&mut acc, &d.doc_prev[m * N_LABELS + o]);
        }
        if let Some(n) = after {
            let m = self.stage2[info.ty[n] as usize].maj;
            add(&mut acc, &d.doc_next[m * N_LABELS + o]);
        }
        if let Some(mut c) = self.stage2[t].counts {
            let here = features::case_code(l, sent, i == r.start) as usize;
            if let Some(ty) = own.entity_type() {
                c[ty] = c[ty].saturating_sub(1);
            }
            let mut best: Option<(usize, u16)> = None;
            for (ty, &n) in c.iter().enumerate() {
                if n > 0 {
                    add(&mut acc, &d.doc_any[ty * HERE + here]);
                    if best.is_none_or(|(_, m)| n > m) {
                        best = Some((ty, n));
                    }
                }
            }
            if let Some((ty, _)) = best {
                add(&mut acc, &d.doc_maj[ty * N_LABELS + o]);
                add(&mut acc, &d.doc_maj_case[ty * HERE + here]);
            }
        }
        acc
    }
}

/// The positions of the set bits of `mask`, lowest first.
#[inline]
fn bits(mut mask: u32) -> impl Iterator<Item = u64> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let b = mask.trailing_zeros();
            mask &= mask - 1;
            u64::from(b)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::Model;
    use crate::extract::ner::decode::{Transitions, Viterbi};
    use crate::extract::ner::weights::{Stage, take};
    use crate::extract::text::TextLayer;
    use crate::record::Field;

    /// A news story: a title-case headline, an all-caps line, hyphenated and possessive
    /// names, acronyms with and without periods, non-ASCII words, numbers, and a name
    /// repeated often enough that only some of its occurrences lend it their contexts.
    const NEWS_TITLE: &str = "'Good' Talks With US Envoy Witkoff On Ending Russia War: Zelenskyy";
    const NEWS_BODY: &str = "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskyy said on Thursday he had a \"good conversation\" with U.S. envoy Steve Witkoff and Jared Kushner.\n\
UKRAINE AND RUSSIA TALKS RESUME IN GENEVA\n\
Zelenskyy's team, led by Rustem Umerov, met Witkoff in Miami; the Kremlin-backed plan has 28 points.\n\
Zelenskyy told reporters the Moscow-based negotiators and NATO's Mark Rutte would meet in São Paulo and Zürich.\n\
\"We are truly working 24/7,\" Zelenskyy said. Zelenskyy thanked Trump. Zelenskyy, Sybiha and Hnatov left.\n\
Later Zelenskyy spoke again; Zelenskyy met the E.U. delegation and Zelenskyy's aides met EU officials at 10:30.\n\
Ukraine's senior negotiator Umerov said the pro-Moscow groups in Donetsk-Luhansk rejected a 1,200-strong force.";

    /// A results table: most sentences are numbers, so the document counts as tabular.
    const TABLE_BODY: &str = "SOCCER - DUTCH FIRST DIVISION RESULTS.\n\
AMSTERDAM 1996-08-25\n\
Results of Dutch first division matches on Sunday:\n\
Ajax Amsterdam 3 PSV Eindhoven 1\n\
Feyenoord 2 Vitesse Arnhem 2\n\
Twente 0 Roda JC 1\n\
Standings: Ajax 3 3 0 0 9 2 9 , PSV 3 2 1 0 7 3 7 .";

    /// Stage 1's summed weights of every token the reference way: every key of
    /// `features::extract` looked up.
    fn reference1(
        model: &Model,
        info: &LayerInfo,
        ctx: &DocContext,
        sent: &SentInfo,
        i: usize,
    ) -> Acc {
        let mut keys = Vec::new();
        features::extract(info, ctx, sent, i, &mut keys);
        let mut acc = [0; ROW];
        for k in keys {
            model.emit.add(k, &mut acc);
        }
        acc
    }

    /// Both layers' analyses, the document context and the scorer, as `tag_layers` builds them.
    fn check_document(model: &Model, title: Option<&str>, body: &str) -> (usize, usize, bool) {
        let mut layers = Vec::new();
        if let Some(t) = title {
            layers.push(TextLayer::new(Field::Title, t));
        }
        layers.push(TextLayer::new(Field::Body, body));
        let mut types = Types::default();
        let infos: Vec<LayerInfo> = layers
            .iter()
            .map(|l| LayerInfo::with_types(l, &model.gazetteer, &mut types))
            .collect();
        let ctx = DocContext::new(infos.last());
        let mut scorer = DocScorer::new(&model.emit, &model.dense, &ctx, &types);
        let (mut unreliable, mut tables) = (0, 0);
        let mut stage1_labels = Vec::new();
        for (layer, info) in layers.iter().zip(&infos) {
            let mut labels = Vec::new();
            for sent in &info.sents {
                unreliable += usize::from(sent.unreliable);
                tables += usize::from(sent.table);
                let mut got = Vec::new();
                scorer.sentence1(info, sent, &mut got);
                assert_eq!(got.len(), sent.tokens.len());
                for (acc, i) in got.iter().zip(sent.tokens.clone()) {
                    if info.outside[i] {
                        assert_eq!(*acc, [0; ROW], "unscored token {:?}", layer.token_text(i));
                        labels.push(Label::O);
                        continue;
                    }
                    let want = reference1(model, info, &ctx, sent, i);
                    assert_eq!(*acc, want, "stage 1, token {:?}", layer.token_text(i));
                    // Labels that visit every label value and neighbour combination.
                    labels.push(Label(
                        ((i * 7 + acc[0].unsigned_abs() as usize) % N_LABELS) as u8,
                    ));
                }
            }
            stage1_labels.push(labels);
        }
        let preds = Predictions::new(infos.iter().zip(stage1_labels.iter().map(Vec::as_slice)));
        scorer.set_predictions(&preds);
        for ((layer, info), labels) in layers.iter().zip(&infos).zip(&stage1_labels) {
            let s2 = features::Stage2 {
                labels,
                predictions: &preds,
            };
            for sent in &info.sents {
                for i in sent.tokens.clone().filter(|&i| !info.outside[i]) {
                    let mut keys = Vec::new();
                    features::extract_stage2(info, s2, sent, i, &mut keys);
                    let mut want = [0; N_LABELS];
                    for k in keys {
                        model.emit.add_stage2_only(k, &mut want);
                    }
                    let got = scorer.stage2(info, labels, sent, i);
                    assert_eq!(got, want, "stage 2, token {:?}", layer.token_text(i));
                }
            }
        }
        (unreliable, tables, ctx.tabular)
    }

    #[test]
    fn summing_per_word_type_gives_exactly_the_scores_of_every_feature_looked_up() {
        let model = Model::embedded().expect("the embedded model loads");
        let (unreliable, _, tabular) = check_document(&model, Some(NEWS_TITLE), NEWS_BODY);
        assert!(unreliable >= 2, "the headline and the all-caps line");
        assert!(!tabular);
        let (_, tables, tabular) = check_document(&model, None, TABLE_BODY);
        assert!(tables >= 3 && tabular, "{tables} table rows");
    }

    /// Both stages of the embedded model as the file stores them.
    fn stored_stages() -> (Stage, Stage) {
        let mut b = &crate::extract::ner::EMBEDDED_MODEL[8..];
        let name_len = u32::from_le_bytes(take(&mut b).expect("name length")) as usize;
        b = &b[name_len..];
        let s1 = Stage::read(&mut b).expect("stage 1");
        let s2 = Stage::read(&mut b).expect("stage 2");
        (s1, s2)
    }

    /// The tagger as it was before word-type caching: every key of every token looked up,
    /// scores decoded with the transitions as stored; with `gate`, the tokens of
    /// [`LayerInfo::outside`] can only be `O`.
    fn reference_tags(model: &Model, layers: &[&TextLayer<'_>], gate: bool) -> Vec<Vec<Label>> {
        let (s1, s2) = stored_stages();
        let mut types = Types::default();
        let (infos, ctx) = model.analyse(layers, &mut types);
        let mut viterbi = Viterbi::default();
        let mut keys = Vec::new();
        let mut first = Vec::new();
        let mut rest = Vec::new();
        for info in &infos {
            let mut labels = vec![Label::O; info.lex.len()];
            let mut two = vec![[0f32; N_LABELS]; info.lex.len()];
            for sent in &info.sents {
                let mut em = Vec::new();
                for i in sent.tokens.clone() {
                    keys.clear();
                    features::extract(info, &ctx, sent, i, &mut keys);
                    let (a, b) = model.emit.score_both(&keys);
                    em.push(a);
                    two[i] = b;
                }
                let mut out = Vec::new();
                let outside = if gate {
                    &info.outside[sent.tokens.clone()]
                } else {
                    &[]
                };
                let tr = Transitions::new(&s1.trans, &s1.start);
                viterbi.decode_outside(&em, outside, &tr, &mut out);
                labels[sent.tokens.clone()].copy_from_slice(&out);
            }
            first.push(labels);
            rest.push(two);
        }
        let preds = Predictions::new(infos.iter().zip(first.iter().map(Vec::as_slice)));
        let mut all = Vec::new();
        for ((info, labels1), two) in infos.iter().zip(&first).zip(&rest) {
            let s2v = features::Stage2 {
                labels: labels1,
                predictions: &preds,
            };
            let mut labels = vec![Label::O; info.lex.len()];
            for sent in &info.sents {
                let mut em = Vec::new();
                for i in sent.tokens.clone() {
                    keys.clear();
                    features::extract_stage2(info, s2v, sent, i, &mut keys);
                    let mut row = two[i];
                    model.emit.add_stage2(&keys, &mut row);
                    em.push(row);
                }
                let mut out = Vec::new();
                let outside = if gate {
                    &info.outside[sent.tokens.clone()]
                } else {
                    &[]
                };
                let tr = Transitions::new(&s2.trans, &s2.start);
                viterbi.decode_outside(&em, outside, &tr, &mut out);
                labels[sent.tokens.clone()].copy_from_slice(&out);
            }
            all.push(labels);
        }
        all
    }

    #[test]
    fn the_tagger_labels_exactly_as_the_feature_by_feature_reference_does() {
        let model = Model::embedded().expect("the embedded model loads");
        for (title, body) in [(Some(NEWS_TITLE), NEWS_BODY), (None, TABLE_BODY)] {
            let t = title.map(|t| TextLayer::new(Field::Title, t));
            let b = TextLayer::new(Field::Body, body);
            let layers: Vec<&TextLayer<'_>> = t.iter().chain([&b]).collect();
            let got = model.tag_layers(&layers);
            assert_eq!(got, reference_tags(&model, &layers, true));
            assert!(
                got.iter().flatten().any(|l| *l != Label::O),
                "the fixture has entities"
            );
        }
    }

    #[test]
    fn leaving_plain_lowercase_words_unscored_changes_no_label_of_news_text() {
        let model = Model::embedded().expect("the embedded model loads");
        let fixtures = [(Some(NEWS_TITLE), NEWS_BODY, 25), (None, TABLE_BODY, 3)];
        for (title, body, at_least) in fixtures {
            let t = title.map(|t| TextLayer::new(Field::Title, t));
            let b = TextLayer::new(Field::Body, body);
            let layers: Vec<&TextLayer<'_>> = t.iter().chain([&b]).collect();
            let mut types = Types::default();
            let (infos, _) = model.analyse(&layers, &mut types);
            let unscored = infos
                .iter()
                .flat_map(|i| &i.outside)
                .filter(|&&o| o)
                .count();
            assert!(unscored >= at_least, "{unscored} tokens left unscored");
            assert_eq!(
                reference_tags(&model, &layers, true),
                reference_tags(&model, &layers, false)
            );
        }
    }
}
