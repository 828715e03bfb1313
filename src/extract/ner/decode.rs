//! Viterbi decoding over BIO labels: the best label sequence of a sentence given per-token
//! emission scores and label-transition scores. `I-X` may only follow `B-X` or `I-X`, so the
//! output is always a well-formed set of entity spans.

use super::{Label, N_LABELS, N_TYPES};

/// `O` and every `B-t`: labels any label may precede.
const OPEN: [usize; 1 + N_TYPES] = {
    let mut a = [0; 1 + N_TYPES];
    let mut t = 0;
    while t < N_TYPES {
        a[1 + t] = 1 + 2 * t;
        t += 1;
    }
    a
};

/// Every `I-t`, preceded only by `B-t` or `I-t`.
const INSIDE: [usize; N_TYPES] = {
    let mut a = [0; N_TYPES];
    let mut t = 0;
    while t < N_TYPES {
        a[t] = 2 + 2 * t;
        t += 1;
    }
    a
};

/// Whether `cur` may follow `prev` (`None`: sentence start).
#[inline]
pub fn allowed(prev: Option<Label>, cur: Label) -> bool {
    match cur.entity_type() {
        Some(t) if cur.is_inside() => prev.is_some_and(|p| p.entity_type() == Some(t)),
        _ => true,
    }
}

/// Transition and start scores with the BIO constraints folded in (forbidden moves score
/// `-inf`), so decoding is branch-free arithmetic. Built once per set of weights.
#[derive(Debug, Clone)]
pub struct Transitions {
    /// `into[cur][prev]`: the score of moving from `prev` to `cur`, each label's
    /// predecessors side by side.
    into: [[f32; N_LABELS]; N_LABELS],
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
        let mut into = [[0f32; N_LABELS]; N_LABELS];
        for (cur, col) in into.iter_mut().enumerate() {
            for (prev, x) in col.iter_mut().enumerate() {
                *x = t[prev * N_LABELS + cur];
            }
        }
        let mut s = *start;
        for (l, x) in s.iter_mut().enumerate() {
            if !allowed(None, Label(l as u8)) {
                *x = f32::NEG_INFINITY;
            }
        }
        Transitions { into, start: s }
    }
}

/// The best score of reaching a label from each previous label (`score[prev] + col[prev]`)
/// and the previous label giving it; the first best wins a tie.
#[inline(always)]
fn best_predecessor(score: &[f32; N_LABELS], col: &[f32; N_LABELS]) -> (f32, u8) {
    let mut best = score[0] + col[0];
    let mut arg = 0;
    for prev in 1..N_LABELS {
        let s = score[prev] + col[prev];
        if s > best {
            best = s;
            arg = prev as u8;
        }
    }
    (best, arg)
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
        out.clear();
        let n = emissions.len();
        if n == 0 {
            return;
        }
        self.back.clear();
        self.back.resize(n, [0; N_LABELS]);
        let into = &tr.into;
        let mut score = [0f32; N_LABELS];
        for (l, s) in score.iter_mut().enumerate() {
            *s = tr.start[l] + emissions[0][l];
        }
        for (em, back) in emissions.iter().zip(self.back.iter_mut()).skip(1) {
            let mut next = [0f32; N_LABELS];
            // `O` and `B-t` may follow any label.
            for cur in OPEN {
                let (best, arg) = best_predecessor(&score, &into[cur]);
                next[cur] = best + em[cur];
                back[cur] = arg;
            }
            // `I-t` follows only `B-t` (cur - 1) or `I-t` (cur).
            for cur in INSIDE {
                let b = score[cur - 1] + into[cur][cur - 1];
                let i = score[cur] + into[cur][cur];
                let (best, arg) = if i > b { (i, cur) } else { (b, cur - 1) };
                next[cur] = best + em[cur];
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
