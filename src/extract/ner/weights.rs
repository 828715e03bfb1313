//! The weights of the two tagging stages and their file format: feature keys with one
//! quantised weight per label, plus label-transition scores. At load both stages go into one
//! open-addressing table whose rows hold stage 1's and stage 2's weights side by side, so a
//! feature both stages share (nearly all) is looked up once per token, not twice.
//!
//! Format of one stage (little-endian): `f32 scale`, `N_LABELS² f32` transitions,
//! `N_LABELS f32` start scores, `u32 n`, `n × u64` keys, `n × N_LABELS × i16` emission
//! weights (× scale).

use super::N_LABELS;

/// Why a weights blob does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FormatError(pub String);

/// One stage as stored in the file.
#[derive(Debug, Clone)]
pub struct Stage {
    keys: Vec<u64>,
    /// `keys.len() × N_LABELS` quantised weights.
    emit: Vec<i16>,
    scale: f32,
    /// `trans[prev * N_LABELS + cur]`.
    pub trans: [f32; N_LABELS * N_LABELS],
    pub start: [f32; N_LABELS],
}

/// Weights of both stages in one row: stage 1's labels, then stage 2's.
pub(crate) const ROW: usize = 2 * N_LABELS;

/// One feature in the lookup table: a 32-bit fingerprint of its key (the high half; the
/// low half picks the slot) and the index of its weight row. Eight bytes a slot keep the
/// table within a core's L2 cache; rows are touched only on a hit.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    fp: u32,
    row: u32,
}

/// The fingerprint of a key: never 0, which marks an empty slot.
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32 | 1
}

/// Both stages' emission weights, keyed by feature.
#[derive(Debug, Clone)]
pub struct Joint {
    /// Open-addressing table with linear probing.
    table: Vec<Slot>,
    mask: usize,
    /// Quantised weights, one row per feature.
    emit: Vec<[i16; ROW]>,
    /// What one quantised unit is worth, per stage.
    scale: [f32; 2],
    /// Features with a row.
    len: usize,
}

impl Joint {
    /// Merges two stages into one table. Two keys that share slot chain and fingerprint
    /// (about one pair in a billion) share a row: their weights add up.
    pub fn new(s1: &Stage, s2: &Stage) -> Self {
        let n = s1.keys.len() + s2.keys.len();
        // Load factor at most 0.5: short probe runs for the many keys that are absent.
        let cap = (n * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut j = Joint {
            table: vec![Slot::default(); cap],
            mask,
            emit: Vec::with_capacity(n),
            scale: [s1.scale, s2.scale],
            len: 0,
        };
        for (stage, s) in [s1, s2].into_iter().enumerate() {
            for (r, &k) in s.keys.iter().enumerate() {
                j.insert(k, stage, &s.emit[r * N_LABELS..(r + 1) * N_LABELS]);
            }
        }
        j.len = j.emit.len();
        j
    }

    fn insert(&mut self, key: u64, stage: usize, w: &[i16]) {
        let fp = fingerprint(key);
        let mut slot = key as usize & self.mask;
        loop {
            let s = self.table[slot];
            if s.fp == 0 {
                // Row counts come from u32s in the file format, so they fit.
                self.table[slot] = Slot {
                    fp,
                    row: self.emit.len() as u32,
                };
                let mut row = [0; ROW];
                row[stage * N_LABELS..(stage + 1) * N_LABELS].copy_from_slice(w);
                self.emit.push(row);
                return;
            }
            if s.fp == fp {
                let at = stage * N_LABELS;
                if let Some(row) = self.emit.get_mut(s.row as usize) {
                    for (a, b) in row[at..at + N_LABELS].iter_mut().zip(w) {
                        *a = a.saturating_add(*b);
                    }
                }
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Number of distinct features with weights in either stage.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when neither stage has features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn row(&self, key: u64) -> Option<&[i16; ROW]> {
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = self.table[i];
            if s.fp == fp {
                return self.emit.get(s.row as usize);
            }
            if s.fp == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds both stages' quantised weights of feature `key` (if it has any) to `acc`.
    /// Sums stay integers until [`Joint::scale_both`], so the order in which a token's
    /// features are added, or grouped ahead of time, cannot change a score.
    #[inline]
    pub fn add(&self, key: u64, acc: &mut [i32; ROW]) {
        if let Some(w) = self.row(key) {
            for (a, &w) in acc.iter_mut().zip(w) {
                *a += i32::from(w);
            }
        }
    }

    /// Adds stage 2's quantised weights of feature `key` (if it has any) to `acc`.
    #[inline]
    pub fn add_stage2_only(&self, key: u64, acc: &mut [i32; N_LABELS]) {
        if let Some(w) = self.row(key) {
            for (a, &w) in acc.iter_mut().zip(&w[N_LABELS..]) {
                *a += i32::from(w);
            }
        }
    }

    /// Stage 1's and stage 2's emission scores from summed quantised weights.
    #[inline]
    pub fn scale_both(&self, acc: &[i32; ROW]) -> ([f32; N_LABELS], [f32; N_LABELS]) {
        let mut one = [0f32; N_LABELS];
        let mut two = [0f32; N_LABELS];
        for l in 0..N_LABELS {
            one[l] = acc[l] as f32 * self.scale[0];
            two[l] = acc[N_LABELS + l] as f32 * self.scale[1];
        }
        (one, two)
    }

    /// Adds summed quantised stage-2 weights to stage-2 scores `out`.
    #[inline]
    pub fn add_scaled_stage2(&self, acc: &[i32; N_LABELS], out: &mut [f32; N_LABELS]) {
        for (o, &a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale[1];
        }
    }

    /// Emission scores of a token with features `keys` under both stages at once.
    #[inline]
    pub fn score_both(&self, keys: &[u64]) -> ([f32; N_LABELS], [f32; N_LABELS]) {
        let mut acc = [0i32; ROW];
        for &k in keys {
            self.add(k, &mut acc);
        }
        self.scale_both(&acc)
    }

    /// Adds stage 2's weights of `keys` to `out`.
    #[inline]
    pub fn add_stage2(&self, keys: &[u64], out: &mut [f32; N_LABELS]) {
        let mut acc = [0i32; N_LABELS];
        for &k in keys {
            self.add_stage2_only(k, &mut acc);
        }
        self.add_scaled_stage2(&acc, out);
    }
}

impl Stage {
    /// Serialises `keys`/`emit` (pruned by the caller) with weights quantised to i16.
    pub fn write(
        out: &mut Vec<u8>,
        keys: &[u64],
        emit: &[f32],
        trans: &[f32; N_LABELS * N_LABELS],
        start: &[f32; N_LABELS],
    ) {
        let max = emit.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        out.extend_from_slice(&scale.to_le_bytes());
        for x in trans.iter().chain(start.iter()) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in emit {
            // In range by construction of `scale`; `as` saturates anyway.
            let q = (w / scale).round() as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }

    /// Parses one stage from the front of `bytes`, advancing it.
    ///
    /// # Errors
    /// [`FormatError`] when the blob is truncated or holds a zero key.
    pub fn read(bytes: &mut &[u8]) -> Result<Self, FormatError> {
        let scale = f32::from_le_bytes(take(bytes)?);
        let mut trans = [0f32; N_LABELS * N_LABELS];
        for t in &mut trans {
            *t = f32::from_le_bytes(take(bytes)?);
        }
        let mut start = [0f32; N_LABELS];
        for s in &mut start {
            *s = f32::from_le_bytes(take(bytes)?);
        }
        let n = u32::from_le_bytes(take(bytes)?) as usize;
        let key_bytes = split(bytes, n * 8)?;
        let keys: Vec<u64> = key_bytes
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect();
        if keys.contains(&0) {
            return Err(FormatError("a feature key is 0".into()));
        }
        let w_bytes = split(bytes, n * N_LABELS * 2)?;
        let emit: Vec<i16> = w_bytes
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Stage {
            keys,
            emit,
            scale,
            trans,
            start,
        })
    }
}

fn split<'a>(bytes: &mut &'a [u8], n: usize) -> Result<&'a [u8], FormatError> {
    if bytes.len() < n {
        return Err(FormatError(format!(
            "truncated: wanted {n} bytes, {} left",
            bytes.len()
        )));
    }
    let (head, tail) = bytes.split_at(n);
    *bytes = tail;
    Ok(head)
}

/// Reads a fixed-size array from the front of `bytes`.
pub fn take<const N: usize>(bytes: &mut &[u8]) -> Result<[u8; N], FormatError> {
    let head = split(bytes, N)?;
    let mut out = [0u8; N];
    out.copy_from_slice(head);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(keys: &[u64], emit: &[f32]) -> Vec<u8> {
        let mut trans = [0f32; N_LABELS * N_LABELS];
        trans[3] = -1.5;
        let mut out = Vec::new();
        Stage::write(&mut out, keys, emit, &trans, &[0.25; N_LABELS]);
        out
    }

    #[test]
    fn weights_survive_a_round_trip_through_the_file_format() {
        let keys = [11u64, 12, 1 << 40 | 3];
        let emit: Vec<f32> = (0..keys.len() * N_LABELS).map(|i| i as f32 - 7.0).collect();
        let b1 = blob(&keys, &emit);
        let b2 = blob(&[12, 99], &[1.0; 2 * N_LABELS]);
        let mut cursor = b1.as_slice();
        let s1 = Stage::read(&mut cursor).expect("valid blob");
        assert!(cursor.is_empty());
        assert_eq!(s1.trans[3], -1.5);
        let s2 = Stage::read(&mut b2.as_slice()).expect("valid blob");
        let joint = Joint::new(&s1, &s2);
        assert_eq!(joint.len(), 4, "key 12 is shared by both stages");
        let (one, two) = joint.score_both(&[12, 999]);
        for l in 0..N_LABELS {
            assert!((one[l] - (N_LABELS as f32 + l as f32 - 7.0)).abs() < 0.01);
            assert!((two[l] - 1.0).abs() < 0.01);
        }
        let mut extra = [0f32; N_LABELS];
        joint.add_stage2(&[99, 11], &mut extra);
        assert!(
            (extra[0] - 1.0).abs() < 0.01,
            "only stage 2's part of key 11 (zero)"
        );
        let mut short = &b1[..b1.len() - 1];
        assert!(Stage::read(&mut short).is_err());
    }
}
