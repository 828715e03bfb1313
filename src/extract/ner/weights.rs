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

/// Scores of one stage.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Open-addressing table of (key, row); key 0 marks an empty slot.
    table: Vec<(u64, u32)>,
    mask: usize,
    /// `rows × N_LABELS` emission weights.
    emit: Vec<f32>,
    /// `trans[prev * N_LABELS + cur]`.
    pub trans: [f32; N_LABELS * N_LABELS],
    pub start: [f32; N_LABELS],
}

impl Weights {
    /// Builds the lookup table from parallel keys and weight rows.
    pub fn new(
        keys: &[u64],
        emit: Vec<f32>,
        trans: [f32; N_LABELS * N_LABELS],
        start: [f32; N_LABELS],
    ) -> Self {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut table = vec![(0u64, 0u32); cap];
        for (row, &k) in keys.iter().enumerate() {
            let mut slot = k as usize & mask;
            while table[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            // Row counts come from a u32 in the file format, so they fit.
            table[slot] = (k, row as u32);
        }
        Weights {
            table,
            mask,
            emit,
            trans,
            start,
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.emit.len() / N_LABELS
    }

    /// True when the stage has no features.
    pub fn is_empty(&self) -> bool {
        self.emit.is_empty()
    }

    #[inline]
    fn row(&self, key: u64) -> Option<usize> {
        let mut slot = key as usize & self.mask;
        loop {
            let (k, r) = self.table[slot];
            if k == key {
                return Some(r as usize);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Sums the emission weights of `keys` into `out` (one score per label).
    #[inline]
    pub fn score(&self, keys: &[u64], out: &mut [f32; N_LABELS]) {
        *out = [0.0; N_LABELS];
        for &k in keys {
            if let Some(r) = self.row(k) {
                let w = &self.emit[r * N_LABELS..r * N_LABELS + N_LABELS];
                for (o, x) in out.iter_mut().zip(w) {
                    *o += x;
                }
            }
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
        let emit: Vec<f32> = w_bytes
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect();
        Ok(Weights::new(&keys, emit, trans, start))
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
