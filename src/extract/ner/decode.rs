//! Viterbi decoding over BILOU labels: the best label sequence of a sentence given per-token
//! emission scores and label-transition scores. `I-X` and `L-X` may only follow `B-X` or
//! `I-X`, which nothing else may follow, and a sentence may not end inside a name, so the
//! output is always a well-formed set of entity spans.

use super::{Label, N_LABELS};

/// Whether `cur` may follow `prev` (`None`: sentence start).
#[inline]
pub fn allowed(prev: Option<Label>, cur: Label) -> bool {
    match cur.entity_type() {
        Some(t) if cur.is_inside() => {
            prev.is_some_and(|p| p.is_open() && p.entity_type() == Some(t))
        }
        _ => !prev.is_some_and(Label::is_open),
    }
}

/// Whether a sentence may end on `last`: not inside a name that goes on.
#[inline]
pub fn may_end(last: Label) -> bool {
    !last.is_open()
}

/// Lanes of a score vector: [`N_LABELS`] padded to a multiple of 4, so a step of the
/// forward pass is whole SSE vectors. Padding lanes score `-inf` and are never chosen.
const W: usize = N_LABELS.div_ceil(4) * 4;

/// Transition and start scores with the BILOU constraints folded in (forbidden moves score
/// `-inf`), so decoding is branch-free arithmetic. Built once per set of weights rather than
/// once per sentence.
#[derive(Debug, Clone)]
pub struct Transitions {
    /// `trans[prev * N_LABELS + cur]`.
    trans: [f32; N_LABELS * N_LABELS],
    /// The same by row, padded to [`W`] lanes with `-inf`.
    rows: [[f32; W]; N_LABELS],
    start: [f32; N_LABELS],
    /// 0 for the labels a sentence may end on, `-inf` for the others.
    end: [f32; N_LABELS],
}

impl Transitions {
    /// Folds the BILOU constraints into `trans` and `start`.
    pub fn new(trans: &[f32; N_LABELS * N_LABELS], start: &[f32; N_LABELS]) -> Self {
        let mut t = *trans;
        let mut rows = [[f32::NEG_INFINITY; W]; N_LABELS];
        for prev in 0..N_LABELS {
            for cur in 0..N_LABELS {
                if !allowed(Some(Label(prev as u8)), Label(cur as u8)) {
                    t[prev * N_LABELS + cur] = f32::NEG_INFINITY;
                }
                rows[prev][cur] = t[prev * N_LABELS + cur];
            }
        }
        let mut s = *start;
        for (l, x) in s.iter_mut().enumerate() {
            if !allowed(None, Label(l as u8)) {
                *x = f32::NEG_INFINITY;
            }
        }
        let end = std::array::from_fn(|l| {
            if may_end(Label(l as u8)) {
                0.0
            } else {
                f32::NEG_INFINITY
            }
        });
        Transitions {
            trans: t,
            rows,
            start: s,
            end,
        }
    }

    /// The best predecessor of `cur` given the scores `prev` of the token before: the
    /// first best on a tie, as a label-by-label scan finds it.
    #[inline]
    fn best_prev(&self, prev: &[f32; W], cur: usize) -> usize {
        let mut best = prev[0] + self.trans[cur];
        let mut arg = 0;
        for (p, &sp) in prev.iter().enumerate().take(N_LABELS).skip(1) {
            let s = sp + self.trans[p * N_LABELS + cur];
            if s > best {
                best = s;
                arg = p;
            }
        }
        arg
    }
}

/// Reusable buffers, so decoding allocates only while a longer sentence than any before
/// comes along.
#[derive(Debug, Default)]
pub struct Viterbi {
    /// The forward pass's scores after each token. Only the best path's predecessors are
    /// ever read, so they are found on the way back from these rather than stored for
    /// every label of every token: the forward pass is then a plain maximum.
    scores: Vec<[f32; W]>,
}

impl Viterbi {
    /// Best labels for `emissions` (one score row per token) into `out` (cleared first).
    pub fn decode(
        &mut self,
        emissions: &[[f32; N_LABELS]],
        trans: &[f32; N_LABELS * N_LABELS],
        start: &[f32; N_LABELS],
        out: &mut Vec<Label>,
    ) {
        self.decode_with(emissions, &Transitions::new(trans, start), out);
    }

    /// [`Viterbi::decode`] with the constraints already folded into the scores.
    pub fn decode_with(
        &mut self,
        emissions: &[[f32; N_LABELS]],
        tr: &Transitions,
        out: &mut Vec<Label>,
    ) {
        self.decode_outside(emissions, &[], tr, out);
    }

    /// [`Viterbi::decode_with`] where the tokens marked in `outside` (all of them when it
    /// is as long as `emissions`, none when empty) may only be `O`, and their emission rows
    /// are ignored. The best path among those that pass through `O` there: the same path
    /// as without the marks whenever that one has `O` at every marked token.
    pub fn decode_outside(
        &mut self,
        emissions: &[[f32; N_LABELS]],
        outside: &[bool],
        tr: &Transitions,
        out: &mut Vec<Label>,
    ) {
        let only_o = |i: usize| outside.get(i).copied().unwrap_or(false);
        out.clear();
        let n = emissions.len();
        if n == 0 {
            return;
        }
        self.scores.clear();
        self.scores.reserve(n);
        let mut score = [f32::NEG_INFINITY; W];
        for (l, s) in score.iter_mut().enumerate().take(N_LABELS) {
            *s = if only_o(0) {
                if l == 0 {
                    tr.start[0]
                } else {
                    f32::NEG_INFINITY
                }
            } else {
                tr.start[l] + emissions[0][l]
            };
        }
        self.scores.push(score);
        for (k, em) in emissions.iter().enumerate().skip(1) {
            let mut next = [f32::NEG_INFINITY; W];
            if only_o(k) {
                // One label: the best way into `O`.
                let mut best = score[0] + tr.trans[0];
                for (prev, &sp) in score.iter().enumerate().take(N_LABELS).skip(1) {
                    let s = sp + tr.trans[prev * N_LABELS];
                    if s > best {
                        best = s;
                    }
                }
                next[0] = best;
            } else {
                // Every label at once, one predecessor at a time; forbidden moves score
                // `-inf` and never win.
                for (&sp, row) in score.iter().zip(&tr.rows) {
                    for (nx, &t) in next.iter_mut().zip(row) {
                        let s = sp + t;
                        *nx = if s > *nx { s } else { *nx };
                    }
                }
                for (nx, &e) in next.iter_mut().zip(em) {
                    *nx += e;
                }
            }
            score = next;
            self.scores.push(score);
        }
        let mut last = 0usize;
        for l in 1..N_LABELS {
            if score[l] + tr.end[l] > score[last] + tr.end[last] {
                last = l;
            }
        }
        out.resize(n, Label::O);
        let mut cur = last;
        for t in (0..n).rev() {
            out[t] = Label(cur as u8);
            if t > 0 {
                cur = tr.best_prev(&self.scores[t - 1], cur);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_starts_or_ends_a_sentence_inside_a_name() {
        // The emissions alone would say I-PER I-PER; the constraints force B-PER L-PER.
        let mut em = [[0f32; N_LABELS]; 2];
        em[0][Label::inside(0).0 as usize] = 5.0;
        em[0][Label::begin(0).0 as usize] = 4.0;
        em[1][Label::inside(0).0 as usize] = 5.0;
        em[1][Label::last(0).0 as usize] = 4.0;
        let mut out = Vec::new();
        Viterbi::default().decode(&em, &[0.0; N_LABELS * N_LABELS], &[0.0; N_LABELS], &mut out);
        assert_eq!(out, vec![Label::begin(0), Label::last(0)]);
    }

    /// Viterbi as first written: one label at a time, constraints checked in the loop.
    fn reference(
        emissions: &[[f32; N_LABELS]],
        trans: &[f32; N_LABELS * N_LABELS],
        start: &[f32; N_LABELS],
    ) -> Vec<Label> {
        let n = emissions.len();
        let mut back = vec![[0u8; N_LABELS]; n];
        let mut score = [f32::NEG_INFINITY; N_LABELS];
        for (l, s) in score.iter_mut().enumerate() {
            if allowed(None, Label(l as u8)) {
                *s = start[l] + emissions[0][l];
            }
        }
        for (em, back) in emissions.iter().zip(back.iter_mut()).skip(1) {
            let mut next = [f32::NEG_INFINITY; N_LABELS];
            for (cur, nx) in next.iter_mut().enumerate() {
                let mut best = f32::NEG_INFINITY;
                let mut arg = None;
                for prev in 0..N_LABELS {
                    if !allowed(Some(Label(prev as u8)), Label(cur as u8)) {
                        continue;
                    }
                    let s = score[prev] + trans[prev * N_LABELS + cur];
                    if arg.is_none() || s > best {
                        best = s;
                        arg = Some(prev);
                    }
                }
                *nx = best + em[cur];
                back[cur] = arg.unwrap_or(0) as u8;
            }
            score = next;
        }
        let mut last = 0usize;
        for l in 1..N_LABELS {
            if may_end(Label(l as u8)) && score[l] > score[last] {
                last = l;
            }
        }
        let mut out = vec![Label::O; n];
        let mut cur = last as u8;
        for t in (0..n).rev() {
            out[t] = Label(cur);
            cur = back[t][cur as usize];
        }
        out
    }

    #[test]
    fn decoding_finds_the_same_path_as_the_label_by_label_rule_ties_included() {
        // xorshift: deterministic pseudo-random scores; small integers make many ties.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as f32 - (m / 2) as f32
        };
        let mut viterbi = Viterbi::default();
        let mut out = Vec::new();
        for case in 0..400 {
            let m = if case % 2 == 0 { 5 } else { 1000 };
            let n = 1 + case % 13;
            let em: Vec<[f32; N_LABELS]> =
                (0..n).map(|_| std::array::from_fn(|_| next(m))).collect();
            let trans: [f32; N_LABELS * N_LABELS] = std::array::from_fn(|_| next(m) / 2.0);
            let start: [f32; N_LABELS] = std::array::from_fn(|_| next(m));
            viterbi.decode(&em, &trans, &start, &mut out);
            assert_eq!(out, reference(&em, &trans, &start), "case {case}");
        }
    }

    #[test]
    fn transitions_can_overrule_a_weak_emission() {
        let mut em = [[0f32; N_LABELS]; 2];
        em[0][Label::begin(2).0 as usize] = 3.0;
        em[1][Label::O.0 as usize] = 1.0;
        em[1][Label::last(2).0 as usize] = 0.5;
        let mut trans = [0f32; N_LABELS * N_LABELS];
        trans[Label::begin(2).0 as usize * N_LABELS + Label::last(2).0 as usize] = 1.0;
        let mut out = Vec::new();
        Viterbi::default().decode(&em, &trans, &[0.0; N_LABELS], &mut out);
        assert_eq!(out, vec![Label::begin(2), Label::last(2)]);
    }
}
