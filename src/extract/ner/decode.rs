//! Viterbi decoding over BIO labels: the best label sequence of a sentence given per-token
//! emission scores and label-transition scores. `I-X` may only follow `B-X` or `I-X`, so the
//! output is always a well-formed set of entity spans.

use super::{Label, N_LABELS};

/// Whether `cur` may follow `prev` (`None`: sentence start).
#[inline]
pub fn allowed(prev: Option<Label>, cur: Label) -> bool {
    match cur.entity_type() {
        Some(t) if cur.is_inside() => prev.is_some_and(|p| p.entity_type() == Some(t)),
        _ => true,
    }
}

/// Transition and start scores with the BIO constraints folded in (forbidden moves score
/// `-inf`), so decoding is branch-free arithmetic. Built once per set of weights rather than
/// once per sentence.
#[derive(Debug, Clone)]
pub struct Transitions {
    /// `trans[prev * N_LABELS + cur]`.
    trans: [f32; N_LABELS * N_LABELS],
    start: [f32; N_LABELS],
}

impl Transitions {
    /// Folds the BIO constraints into `trans` and `start`.
    pub fn new(trans: &[f32; N_LABELS * N_LABELS], start: &[f32; N_LABELS]) -> Self {
        let mut t = *trans;
        for prev in 0..N_LABELS {
            for cur in 0..N_LABELS {
                if !allowed(Some(Label(prev as u8)), Label(cur as u8)) {
                    t[prev * N_LABELS + cur] = f32::NEG_INFINITY;
                }
            }
        }
        let mut s = *start;
        for (l, x) in s.iter_mut().enumerate() {
            if !allowed(None, Label(l as u8)) {
                *x = f32::NEG_INFINITY;
            }
        }
        Transitions { trans: t, start: s }
    }
}

/// Reusable buffers, so decoding allocates only while a longer sentence than any before
/// comes along.
#[derive(Debug, Default)]
pub struct Viterbi {
    back: Vec<[u8; N_LABELS]>,
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
        self.back.clear();
        self.back.resize(n, [0; N_LABELS]);
        let t = &tr.trans;
        let mut score = [0f32; N_LABELS];
        for (l, s) in score.iter_mut().enumerate() {
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
        for (k, (em, back)) in emissions
            .iter()
            .zip(self.back.iter_mut())
            .enumerate()
            .skip(1)
        {
            let mut next = [f32::NEG_INFINITY; N_LABELS];
            if only_o(k) {
                // One label: the best way into `O`, first best on a tie.
                let mut best = score[0] + t[0];
                let mut arg = 0;
                for prev in 1..N_LABELS {
                    let s = score[prev] + t[prev * N_LABELS];
                    if s > best {
                        best = s;
                        arg = prev;
                    }
                }
                next[0] = best;
                back[0] = arg as u8;
                score = next;
                continue;
            }
            for (cur, nx) in next.iter_mut().enumerate() {
                let (best, arg) = if Label(cur as u8).is_inside() {
                    // `I-t` follows only `B-t` (cur - 1) or `I-t` (cur).
                    let b = score[cur - 1] + t[(cur - 1) * N_LABELS + cur];
                    let i = score[cur] + t[cur * N_LABELS + cur];
                    if i > b { (i, cur) } else { (b, cur - 1) }
                } else {
                    // Any label may precede: the first best wins a tie.
                    let mut best = score[0] + t[cur];
                    let mut arg = 0;
                    for prev in 1..N_LABELS {
                        let s = score[prev] + t[prev * N_LABELS + cur];
                        if s > best {
                            best = s;
                            arg = prev;
                        }
                    }
                    (best, arg)
                };
                *nx = best + em[cur];
                back[cur] = arg as u8;
            }
            score = next;
        }
        let mut last = 0usize;
        for l in 1..N_LABELS {
            if score[l] > score[last] {
                last = l;
            }
        }
        out.resize(n, Label::O);
        let mut cur = last as u8;
        for t in (0..n).rev() {
            out[t] = Label(cur);
            cur = self.back[t][cur as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_starts_an_entity_with_inside() {
        // The emissions alone would say I-PER I-PER; the constraint forces B-PER I-PER.
        let mut em = [[0f32; N_LABELS]; 2];
        em[0][Label::inside(0).0 as usize] = 5.0;
        em[0][Label::begin(0).0 as usize] = 4.0;
        em[1][Label::inside(0).0 as usize] = 5.0;
        let mut out = Vec::new();
        Viterbi::default().decode(&em, &[0.0; N_LABELS * N_LABELS], &[0.0; N_LABELS], &mut out);
        assert_eq!(out, vec![Label::begin(0), Label::inside(0)]);
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
            if score[l] > score[last] {
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
        em[1][Label::inside(2).0 as usize] = 0.5;
        let mut trans = [0f32; N_LABELS * N_LABELS];
        trans[Label::begin(2).0 as usize * N_LABELS + Label::inside(2).0 as usize] = 1.0;
        let mut out = Vec::new();
        Viterbi::default().decode(&em, &trans, &[0.0; N_LABELS], &mut out);
        assert_eq!(out, vec![Label::begin(2), Label::inside(2)]);
    }
}
