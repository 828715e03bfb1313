//! The weights of one tagging stage and their file format: feature keys with one quantised
//! weight per label, plus label-transition scores. Loaded once into an open-addressing table
//! so scoring a token is a few probes into flat arrays, with no allocation.
//!
//! Format (little-endian): `f32 scale`, `N_LABELS² f32` transitions, `N_LABELS f32` start
//! scores, `u32 n`, `n × u64` keys, `n × N_LABELS × i16` emission weights (× scale).

use super::N_LABELS;

/// Why a weights blob does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct FormatError(pub String);

/// One feature in the lookup table: its key and its quantised weights side by side, so a
/// lookup touches one cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    w: [i16; N_LABELS],
}

/// Scores of one stage.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Open-addressing table; key 0 marks an empty slot.
    table: Vec<Slot>,
    mask: usize,
    len: usize,
    /// What one quantised weight unit is worth.
    scale: f32,
    /// `trans[prev * N_LABELS + cur]`.
    pub trans: [f32; N_LABELS * N_LABELS],
    pub start: [f32; N_LABELS],
}

impl Weights {
    /// Builds the lookup table from keys and their quantised weight rows.
    fn new(
        keys: &[u64],
        emit: &[i16],
        scale: f32,
        trans: [f32; N_LABELS * N_LABELS],
        start: [f32; N_LABELS],
    ) -> Self {
        // Load factor at most 0.7: short probe runs, a table that stays small.
        let cap = (keys.len() * 10 / 7 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut table = vec![Slot::default(); cap];
        for (row, &k) in keys.iter().enumerate() {
            let mut slot = k as usize & mask;
            while table[slot].key != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot].key = k;
            table[slot]
                .w
                .copy_from_slice(&emit[row * N_LABELS..(row + 1) * N_LABELS]);
        }
        Weights {
            table,
            mask,
            len: keys.len(),
            scale,
            trans,
            start,
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the stage has no features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, key: u64) -> Option<&Slot> {
        let mut i = key as usize & self.mask;
        loop {
            let s = &self.table[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The emission scores of a token with features `keys` (one score per label).
    #[inline]
    pub fn score(&self, keys: &[u64], out: &mut [f32; N_LABELS]) {
        *out = [0.0; N_LABELS];
        self.add_scores(keys, out);
    }

    /// Adds the emission weights of `keys` to `out`.
    #[inline]
    pub fn add_scores(&self, keys: &[u64], out: &mut [f32; N_LABELS]) {
        let mut acc = [0i32; N_LABELS];
        for &k in keys {
            if let Some(s) = self.slot(k) {
                for (a, &w) in acc.iter_mut().zip(&s.w) {
                    *a += i32::from(w);
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

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
        Ok(Weights::new(&keys, &emit, scale, trans, start))
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

    #[test]
    fn weights_survive_a_round_trip_through_the_file_format() {
        let keys = [11u64, 12, 1 << 40 | 3];
        let emit: Vec<f32> = (0..keys.len() * N_LABELS).map(|i| i as f32 - 7.0).collect();
        let mut trans = [0f32; N_LABELS * N_LABELS];
        trans[3] = -1.5;
        let start = [0.25f32; N_LABELS];
        let mut blob = Vec::new();
        Weights::write(&mut blob, &keys, &emit, &trans, &start);
        let mut cursor = blob.as_slice();
        let w = Weights::read(&mut cursor).expect("valid blob");
        assert!(cursor.is_empty());
        assert_eq!(w.len(), 3);
        let mut out = [0f32; N_LABELS];
        w.score(&[12, 999], &mut out);
        for (l, o) in out.iter().enumerate() {
            assert!((o - (N_LABELS as f32 + l as f32 - 7.0)).abs() < 0.01);
        }
        assert_eq!(w.trans[3], -1.5);
        let mut short = &blob[..blob.len() - 1];
        assert!(Weights::read(&mut short).is_err());
    }
}
