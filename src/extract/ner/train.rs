//! Training: an averaged structured perceptron (Collins 2002) for both stages, tuned on a
//! development set (number of epochs), with stage 1's predictions on the training set made
//! by cross-validation (jackknifing) so stage 2 learns from predictions as noisy as the ones
//! it will see at run time. Deterministic for a given seed.

use std::ops::Range;
use std::time::Instant;

use super::conll::{self, GoldDoc};
use super::decode::Viterbi;
use super::features::{self, DocContext, LayerInfo, Predictions, Stage2};
use super::gazetteer::{Gazetteer, KeyMap};
use super::weights::Stage;
use super::{Label, Model, N_LABELS, N_TYPES, TYPE_NAMES};
use crate::extract::text::TextLayer;
use crate::record::Field;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Most epochs per stage; the best on dev is kept.
    pub max_epochs: usize,
    /// Folds for stage 1's predictions on the training set.
    pub folds: usize,
    /// Seed of the sentence order shuffle.
    pub seed: u64,
    /// Perceptrons trained side by side on differently shuffled data; the model is the
    /// mean of their averaged weights (bagging over orders, which lowers the variance a
    /// single shuffle leaves in the weights). 1 trains one.
    pub bag: usize,
    /// Features whose largest absolute weight is below this are dropped from the file.
    pub prune: f32,
    /// Features seen fewer times than this in training get no weight.
    pub min_count: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_epochs: 25,
            folds: 5,
            seed: 7,
            bag: 1,
            prune: 0.05,
            min_count: 2,
        }
    }
}

/// One document ready for training: its analysed tokens and gold labels.
#[derive(Debug)]
pub struct Prepared {
    pub info: LayerInfo,
    pub ctx: DocContext,
    pub gold: Vec<Label>,
}

/// Analyses gold documents; also returns how many gold entities do not align with tokens.
pub fn prepare(docs: &[GoldDoc], gazetteer: &Gazetteer) -> (Vec<Prepared>, usize) {
    let mut misaligned = 0;
    let prepared = docs
        .iter()
        .map(|d| {
            let layer = TextLayer::new(Field::Body, &d.text);
            let (mut gold, m) = conll::align(&layer, &d.entities);
            misaligned += m;
            let info = LayerInfo::new(&layer, gazetteer);
            // The tagger learns BILOU labels, sentence by sentence: a name our splitter cuts
            // in two is two names, as the tagger can only ever find it.
            for sent in &info.sents {
                super::to_bilou(&mut gold, sent.tokens.clone());
            }
            let ctx = DocContext::new([&info]);
            Prepared { info, ctx, gold }
        })
        .collect();
    (prepared, misaligned)
}

/// Feature keys to dense rows.
#[derive(Debug, Default)]
struct Dict {
    map: KeyMap<u32>,
    keys: Vec<u64>,
    counts: Vec<u32>,
}

/// A document's features as dict rows, sentence by sentence.
#[derive(Debug)]
struct Encoded {
    rows: Vec<u32>,
    /// Per token, its rows are `rows[offs[t]..offs[t+1]]`.
    offs: Vec<u32>,
    sents: Vec<Range<usize>>,
    gold: Vec<Label>,
}

fn encode(
    docs: &[Prepared],
    stage1: Option<&[Vec<Label>]>,
    dict: &mut Dict,
    grow: bool,
) -> Vec<Encoded> {
    let mut keys = Vec::with_capacity(64);
    docs.iter()
        .enumerate()
        .map(|(d, p)| {
            let preds = stage1.map(|s1| Predictions::new([(&p.info, s1[d].as_slice())]));
            let mut rows = Vec::new();
            let mut offs = vec![0u32];
            for sent in &p.info.sents {
                for i in sent.tokens.clone() {
                    keys.clear();
                    features::extract(&p.info, &p.ctx, sent, i, &mut keys);
                    if let Some((s1, pr)) = stage1.zip(preds.as_ref()) {
                        let s2 = Stage2 {
                            labels: &s1[d],
                            predictions: pr,
                        };
                        features::extract_stage2(&p.info, s2, sent, i, &mut keys);
                    }
                    for &k in &keys {
                        let row = match dict.map.get(&k) {
                            Some(&r) => Some(r),
                            None if grow => {
                                let r = dict.keys.len() as u32;
                                dict.map.insert(k, r);
                                dict.keys.push(k);
                                dict.counts.push(0);
                                Some(r)
                            }
                            None => None,
                        };
                        if let Some(r) = row {
                            if grow {
                                dict.counts[r as usize] += 1;
                            }
                            rows.push(r);
                        }
                    }
                    offs.push(rows.len() as u32);
                }
            }
            Encoded {
                rows,
                offs,
                sents: p.info.sents.iter().map(|s| s.tokens.clone()).collect(),
                gold: p.gold.clone(),
            }
        })
        .collect()
}

/// Emission and transition weights, plain or averaged.
#[derive(Debug, Clone)]
struct Params {
    emit: Vec<f32>,
    trans: [f32; N_LABELS * N_LABELS],
    start: [f32; N_LABELS],
}

impl Params {
    fn zeros(rows: usize) -> Self {
        Params {
            emit: vec![0.0; rows * N_LABELS],
            trans: [0.0; N_LABELS * N_LABELS],
            start: [0.0; N_LABELS],
        }
    }

    fn add(&mut self, other: &Params) {
        let pairs = (self.emit.iter_mut().zip(&other.emit))
            .chain(self.trans.iter_mut().zip(&other.trans))
            .chain(self.start.iter_mut().zip(&other.start));
        for (a, b) in pairs {
            *a += b;
        }
    }

    fn scale(&mut self, f: f32) {
        let all = self
            .emit
            .iter_mut()
            .chain(&mut self.trans)
            .chain(&mut self.start);
        for a in all {
            *a *= f;
        }
    }

    fn emissions(&self, e: &Encoded, sent: &Range<usize>, out: &mut Vec<[f32; N_LABELS]>) {
        out.clear();
        for t in sent.clone() {
            let mut row = [0f32; N_LABELS];
            for &r in &e.rows[e.offs[t] as usize..e.offs[t + 1] as usize] {
                let w = &self.emit[r as usize * N_LABELS..(r as usize + 1) * N_LABELS];
                for (o, x) in row.iter_mut().zip(w) {
                    *o += x;
                }
            }
            out.push(row);
        }
    }
}

/// The averaged perceptron: current weights plus the running sums that yield the average.
struct Perceptron {
    w: Params,
    /// Sum of `step × update`, so that the average is `w - u / step`.
    u: Params,
    step: f32,
    /// Feature rows allowed to get weights (seen often enough).
    active: Vec<bool>,
}

impl Perceptron {
    fn new(dict: &Dict, min_count: u32) -> Self {
        let rows = dict.keys.len();
        Perceptron {
            w: Params::zeros(rows),
            u: Params::zeros(rows),
            step: 1.0,
            active: dict.counts.iter().map(|&c| c >= min_count).collect(),
        }
    }

    fn averaged(&self) -> Params {
        let avg = |w: f32, u: f32| w - u / self.step;
        let mut p = self.w.clone();
        for (a, u) in p.emit.iter_mut().zip(&self.u.emit) {
            *a = avg(*a, *u);
        }
        for (a, u) in p.trans.iter_mut().zip(&self.u.trans) {
            *a = avg(*a, *u);
        }
        for (a, u) in p.start.iter_mut().zip(&self.u.start) {
            *a = avg(*a, *u);
        }
        p
    }

    fn update_emit(&mut self, e: &Encoded, t: usize, label: Label, delta: f32) {
        let c = self.step * delta;
        for &r in &e.rows[e.offs[t] as usize..e.offs[t + 1] as usize] {
            if self.active[r as usize] {
                let k = r as usize * N_LABELS + label.0 as usize;
                self.w.emit[k] += delta;
                self.u.emit[k] += c;
            }
        }
    }

    fn update_trans(&mut self, prev: Option<Label>, cur: Label, delta: f32) {
        let c = self.step * delta;
        match prev {
            None => {
                self.w.start[cur.0 as usize] += delta;
                self.u.start[cur.0 as usize] += c;
            }
            Some(p) => {
                let k = p.0 as usize * N_LABELS + cur.0 as usize;
                self.w.trans[k] += delta;
                self.u.trans[k] += c;
            }
        }
    }

    /// One epoch over `sents` (document, sentence) in the given order.
    fn epoch(&mut self, data: &[Encoded], order: &[(usize, usize)], scratch: &mut DecodeScratch) {
        for &(d, s) in order {
            let e = &data[d];
            let range = e.sents[s].clone();
            self.w.emissions(e, &range, &mut scratch.emissions);
            scratch.viterbi.decode(
                &scratch.emissions,
                &self.w.trans,
                &self.w.start,
                &mut scratch.pred,
            );
            let gold = &e.gold[range.clone()];
            if scratch.pred.as_slice() != gold {
                let pred = std::mem::take(&mut scratch.pred);
                for (k, t) in range.clone().enumerate() {
                    if pred[k] != gold[k] {
                        self.update_emit(e, t, gold[k], 1.0);
                        self.update_emit(e, t, pred[k], -1.0);
                    }
                    let pg = k.checked_sub(1).map(|j| gold[j]);
                    let pp = k.checked_sub(1).map(|j| pred[j]);
                    if (pg, gold[k]) != (pp, pred[k]) {
                        self.update_trans(pg, gold[k], 1.0);
                        self.update_trans(pp, pred[k], -1.0);
                    }
                }
                scratch.pred = pred;
            }
            self.step += 1.0;
        }
    }
}

#[derive(Default)]
struct DecodeScratch {
    emissions: Vec<[f32; N_LABELS]>,
    pred: Vec<Label>,
    viterbi: Viterbi,
}

fn predict(p: &Params, data: &[Encoded], scratch: &mut DecodeScratch) -> Vec<Vec<Label>> {
    data.iter()
        .map(|e| {
            let mut out = vec![Label::O; e.gold.len()];
            for range in &e.sents {
                p.emissions(e, range, &mut scratch.emissions);
                scratch
                    .viterbi
                    .decode(&scratch.emissions, &p.trans, &p.start, &mut scratch.pred);
                out[range.clone()].copy_from_slice(&scratch.pred);
            }
            out
        })
        .collect()
}

/// Entity-level counts per type: true positives, false positives, false negatives.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub tp: [usize; N_TYPES],
    pub fp: [usize; N_TYPES],
    pub fn_: [usize; N_TYPES],
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Score {
    /// Micro-averaged F1 over all types.
    pub fn f1(&self) -> f64 {
        prf(
            self.tp.iter().sum(),
            self.fp.iter().sum(),
            self.fn_.iter().sum(),
        )
        .2
    }

    /// One line per type plus the overall line.
    pub fn report(&self) -> String {
        let mut s = String::new();
        for (t, name) in TYPE_NAMES.iter().enumerate() {
            let (p, r, f) = prf(self.tp[t], self.fp[t], self.fn_[t]);
            s.push_str(&format!("  {name:5} P {p:.4} R {r:.4} F1 {f:.4}\n"));
        }
        let (p, r, f) = prf(
            self.tp.iter().sum(),
            self.fp.iter().sum(),
            self.fn_.iter().sum(),
        );
        s.push_str(&format!("  all   P {p:.4} R {r:.4} F1 {f:.4}"));
        s
    }

    fn add(&mut self, gold: &[Label], pred: &[Label], sents: &[Range<usize>]) {
        self.add_where(gold, pred, sents, |_, _| true);
    }

    /// [`Score::add`] counting only the mentions (token ranges) `keep` accepts.
    fn add_where(
        &mut self,
        gold: &[Label],
        pred: &[Label],
        sents: &[Range<usize>],
        keep: impl Fn(usize, usize) -> bool,
    ) {
        let spans = |labels: &[Label]| {
            let mut out = Vec::new();
            for r in sents {
                let mut open: Option<(usize, usize)> = None;
                for i in r.clone() {
                    let l = labels[i];
                    let cont =
                        l.is_inside() && open.is_some_and(|(_, t)| Some(t) == l.entity_type());
                    if !cont {
                        if let Some((b, t)) = open.take() {
                            out.push((b, i, t));
                        }
                        if let Some(t) = l.entity_type() {
                            open = Some((i, t));
                        }
                    }
                }
                if let Some((b, t)) = open {
                    out.push((b, r.end, t));
                }
            }
            out.retain(|&(b, e, _)| keep(b, e));
            out
        };
        let g = spans(gold);
        let p = spans(pred);
        for x in &p {
            if g.contains(x) {
                self.tp[x.2] += 1;
            } else {
                self.fp[x.2] += 1;
            }
        }
        for x in &g {
            if !p.contains(x) {
                self.fn_[x.2] += 1;
            }
        }
    }
}

fn score(data: &[Encoded], preds: &[Vec<Label>]) -> Score {
    let mut s = Score::default();
    for (e, p) in data.iter().zip(preds) {
        s.add(&e.gold, p, &e.sents);
    }
    s
}

/// A small deterministic generator for the shuffle (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn sentence_order(data: &[Encoded], docs: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    docs.flat_map(|d| (0..data[d].sents.len()).map(move |s| (d, s)))
        .collect()
}

/// One perceptron of a bag, with its shuffle generator and sentence order.
type Member = (Perceptron, Rng, Vec<(usize, usize)>);

/// Trains one stage, choosing the epoch count on dev (or using `fixed_epochs`). Returns the
/// averaged weights, the epochs used and the dev score.
fn train_stage(
    label: &str,
    dict: &Dict,
    train: &[Encoded],
    train_docs: &[usize],
    dev: Option<&[Encoded]>,
    epochs: usize,
    cfg: &Config,
) -> (Params, usize, Option<Score>) {
    let members = cfg.bag.max(1);
    let base = sentence_order(train, train_docs.iter().copied());
    let mut bag: Vec<Member> = (0..members as u64)
        .map(|m| {
            // Member 0 shuffles exactly as a single perceptron with this seed would.
            let seed = cfg.seed.wrapping_add(m.wrapping_mul(0x9e37_79b9)).max(1);
            (
                Perceptron::new(dict, cfg.min_count),
                Rng(seed),
                base.clone(),
            )
        })
        .collect();
    let mut scratch = DecodeScratch::default();
    let mut best: Option<(Params, usize, Score)> = None;
    for ep in 1..=epochs {
        let started = Instant::now();
        for (p, rng, order) in &mut bag {
            rng.shuffle(order);
            p.epoch(train, order, &mut scratch);
        }
        if let Some(dev) = dev {
            let avg = mean_averaged(&bag);
            let s = score(dev, &predict(&avg, dev, &mut scratch));
            eprintln!(
                "{label} epoch {ep}: dev F1 {:.4} ({:.1} s)",
                s.f1(),
                started.elapsed().as_secs_f64()
            );
            if best.as_ref().is_none_or(|(_, _, b)| s.f1() > b.f1()) {
                best = Some((avg, ep, s));
            }
        }
    }
    match best {
        Some((params, ep, s)) => (params, ep, Some(s)),
        None => (mean_averaged(&bag), epochs, None),
    }
}

/// The mean of the bag members' averaged weights.
fn mean_averaged(bag: &[Member]) -> Params {
    let mut members = bag.iter().map(|(p, _, _)| p.averaged());
    let Some(mut sum) = members.next() else {
        return Params::zeros(0);
    };
    for m in members {
        sum.add(&m);
    }
    sum.scale(1.0 / bag.len() as f32);
    sum
}

/// Stage 1 labels on every training document, each predicted by a model that did not see it.
fn jackknife(dict: &Dict, train: &[Encoded], epochs: usize, cfg: &Config) -> Vec<Vec<Label>> {
    let mut out = vec![Vec::new(); train.len()];
    let folds = cfg.folds.max(2);
    let mut scratch = DecodeScratch::default();
    for k in 0..folds {
        let started = Instant::now();
        let held: Vec<usize> = (0..train.len()).filter(|d| d % folds == k).collect();
        let rest: Vec<usize> = (0..train.len()).filter(|d| d % folds != k).collect();
        let (params, _, _) = train_stage("fold", dict, train, &rest, None, epochs, cfg);
        for &d in &held {
            out[d] = predict(&params, std::slice::from_ref(&train[d]), &mut scratch)
                .pop()
                .unwrap_or_default();
        }
        eprintln!(
            "jackknife fold {}/{folds} ({:.1} s)",
            k + 1,
            started.elapsed().as_secs_f64()
        );
    }
    out
}

/// Serialises averaged weights, dropping features whose weights are all near zero.
fn export(dict: &Dict, p: &Params, prune: f32) -> (Vec<u8>, usize) {
    let mut keys = Vec::new();
    let mut emit = Vec::new();
    for (r, &k) in dict.keys.iter().enumerate() {
        let row = &p.emit[r * N_LABELS..(r + 1) * N_LABELS];
        if row.iter().any(|w| w.abs() >= prune) {
            keys.push(k);
            emit.extend_from_slice(row);
        }
    }
    let mut out = Vec::new();
    Stage::write(&mut out, &keys, &emit, &p.trans, &p.start);
    (out, keys.len())
}

/// What a training run produced.
#[derive(Debug)]
pub struct Trained {
    pub model: Vec<u8>,
    pub stage1_dev: Option<Score>,
    pub stage2_dev: Option<Score>,
    pub epochs: (usize, usize),
    pub features: (usize, usize),
}

/// Trains both stages on `train`, tuning epochs on `dev`.
pub fn train(name: &str, train: &[Prepared], dev: &[Prepared], cfg: &Config) -> Trained {
    let started = Instant::now();
    let mut dict1 = Dict::default();
    let enc_train = encode(train, None, &mut dict1, true);
    let enc_dev = encode(dev, None, &mut dict1, false);
    eprintln!(
        "stage 1: {} features ({:.1} s)",
        dict1.keys.len(),
        started.elapsed().as_secs_f64()
    );
    let all: Vec<usize> = (0..train.len()).collect();
    let (p1, e1, s1) = train_stage(
        "stage 1",
        &dict1,
        &enc_train,
        &all,
        Some(&enc_dev),
        cfg.max_epochs,
        cfg,
    );
    if let Some(s) = &s1 {
        eprintln!("stage 1 best: epoch {e1}\n{}", s.report());
    }
    let jk = jackknife(&dict1, &enc_train, e1, cfg);
    let mut scratch = DecodeScratch::default();
    let dev1 = predict(&p1, &enc_dev, &mut scratch);

    let mut dict2 = Dict::default();
    let enc_train2 = encode(train, Some(&jk), &mut dict2, true);
    let enc_dev2 = encode(dev, Some(&dev1), &mut dict2, false);
    eprintln!("stage 2: {} features", dict2.keys.len());
    let (p2, e2, s2) = train_stage(
        "stage 2",
        &dict2,
        &enc_train2,
        &all,
        Some(&enc_dev2),
        cfg.max_epochs,
        cfg,
    );
    if let Some(s) = &s2 {
        eprintln!("stage 2 best: epoch {e2}\n{}", s.report());
    }
    let (b1, n1) = export(&dict1, &p1, cfg.prune);
    let (b2, n2) = export(&dict2, &p2, cfg.prune);
    eprintln!(
        "kept {n1} + {n2} features; total {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Trained {
        model: Model::to_bytes(name, &b1, &b2),
        stage1_dev: s1,
        stage2_dev: s2,
        epochs: (e1, e2),
        features: (n1, n2),
    }
}

/// Scores a shipped model on prepared gold documents, through the same code path the
/// service uses ([`Model::tag_layers`] on the body).
pub fn evaluate(model: &Model, docs: &[GoldDoc]) -> Score {
    let mut s = Score::default();
    for d in docs {
        let layer = TextLayer::new(Field::Body, &d.text);
        let (gold, _) = conll::align(&layer, &d.entities);
        let pred = model.tag_layers(&[&layer]).pop().unwrap_or_default();
        let sents: Vec<Range<usize>> = layer.sentences.iter().map(|s| s.tokens.clone()).collect();
        s.add(&gold, &pred, &sents);
    }
    s
}

/// Scores a shipped model on the mentions of `docs` whose text (in lowercase) is not the
/// text of any entity of `seen` (the training documents): how well it tags names it has to
/// recognise from their shape, word lists and context, which is what a later period's news
/// is full of.
pub fn evaluate_unseen(model: &Model, docs: &[GoldDoc], seen: &[GoldDoc]) -> Score {
    let known: std::collections::HashSet<String> = seen
        .iter()
        .flat_map(|d| {
            d.entities
                .iter()
                .map(|&(b, e, _)| d.text[b..e].to_lowercase())
        })
        .collect();
    let mut s = Score::default();
    for d in docs {
        let layer = TextLayer::new(Field::Body, &d.text);
        let (gold, _) = conll::align(&layer, &d.entities);
        let pred = model.tag_layers(&[&layer]).pop().unwrap_or_default();
        let sents: Vec<Range<usize>> = layer.sentences.iter().map(|s| s.tokens.clone()).collect();
        let tokens = &layer.tokens;
        s.add_where(&gold, &pred, &sents, |b, e| {
            !known.contains(&d.text[tokens[b].start..tokens[e - 1].end].to_lowercase())
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_training_run_learns_its_data_and_is_deterministic() {
        let text = "-DOCSTART- -X- -X- O\n\n\
Smith NNP x B-PER\nvisited VBD x O\nParis NNP x B-LOC\n. . x O\n\n\
Jones NNP x B-PER\nleft VBD x O\nBerlin NNP x B-LOC\n. . x O\n\n\
Reuters NNP x B-ORG\nreported VBD x O\nit PRP x O\n. . x O\n";
        let docs = conll::read(text);
        let gaz = Gazetteer::default();
        let (prepared, misaligned) = prepare(&docs, &gaz);
        assert_eq!(misaligned, 0);
        for bag in [1, 3] {
            let cfg = Config {
                max_epochs: 5,
                folds: 2,
                min_count: 1,
                bag,
                ..Config::default()
            };
            let a = train("tiny", &prepared, &prepared, &cfg);
            let b = train("tiny", &prepared, &prepared, &cfg);
            assert_eq!(a.model, b.model, "bag {bag}: same seed, same bytes");
            let model = Model::from_bytes(&a.model, Gazetteer::default()).expect("parses");
            let s = evaluate(&model, &docs);
            assert!(s.f1() > 0.99, "bag {bag}: {}", s.report());
            // Every mention of the data was seen in training; none of it without.
            let unseen = evaluate_unseen(&model, &docs, &docs);
            let all_unseen = evaluate_unseen(&model, &docs, &[]);
            let count = |s: &Score| s.tp.iter().chain(&s.fp).chain(&s.fn_).sum::<usize>();
            assert_eq!(count(&unseen), 0, "bag {bag}: {}", unseen.report());
            assert_eq!(count(&all_unseen), count(&s), "bag {bag}");
            assert!(all_unseen.f1() > 0.99, "bag {bag}: {}", all_unseen.report());
        }
    }
}
