//! The weights file: a compact little-endian binary, checked end to end before use.
//!
//! Layout: magic `CGCUE1\n`, threshold `f32`, veto threshold `f32`, vocabulary count `u32` and that many word keys
//! (`u64`), weight count `u32` and that many (feature key `u64`, weight `f32`) pairs sorted by
//! key, then an FNV-1a `u64` checksum of everything before it.

use crate::features::hash_parts;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const MAGIC: &[u8] = b"CGCUE1\n";

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with the expected magic bytes.
    BadMagic,
    /// The file ends before the counts it declares.
    Truncated,
    /// Bytes remain after the declared content.
    TrailingBytes,
    /// The checksum does not match the content.
    Checksum,
    /// A weight or the threshold is NaN or infinite.
    NotFinite,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelError::BadMagic => "not a cue-tagger model (bad magic)",
            ModelError::Truncated => "cue-tagger model is truncated",
            ModelError::TrailingBytes => "cue-tagger model has trailing bytes",
            ModelError::Checksum => "cue-tagger model checksum mismatch",
            ModelError::NotFinite => "cue-tagger model holds a non-finite number",
        })
    }
}

impl std::error::Error for ModelError {}

/// Keys are already FNV hashes: the table uses them as they are.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
pub type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// Trained weights: which words are candidates, and a logistic model over their features.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    pub threshold: f32,
    /// Lexicon cues whose probability is below this are doubted.
    pub veto: f32,
    pub vocabulary: KeySet,
    pub weights: KeyMap<f32>,
}

impl Weights {
    /// The logistic probability of a candidate with these features.
    pub fn probability(&self, features: &[u64]) -> f32 {
        let score: f32 = features.iter().filter_map(|f| self.weights.get(f)).sum();
        1.0 / (1.0 + (-score).exp())
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash_parts(0xff, &[]), |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .bytes
            .split_first_chunk::<N>()
            .ok_or(ModelError::Truncated)?;
        self.bytes = rest;
        Ok(*head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take().map(u64::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        let value = f32::from_le_bytes(self.take()?);
        value
            .is_finite()
            .then_some(value)
            .ok_or(ModelError::NotFinite)
    }

    /// A declared count, refused when the remaining bytes cannot hold it (so a corrupt count
    /// cannot make us reserve gigabytes).
    fn count(&mut self, item_size: usize) -> Result<usize, ModelError> {
        let count = usize::try_from(self.u32()?).map_err(|_| ModelError::Truncated)?;
        if count.saturating_mul(item_size) > self.bytes.len() {
            return Err(ModelError::Truncated);
        }
        Ok(count)
    }
}

impl Weights {
    /// Parses a weights file, checking magic, lengths, checksum and that every number is finite.
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, ModelError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadMagic)?;
        let split = body.len().checked_sub(8).ok_or(ModelError::Truncated)?;
        let (content, sum) = body.split_at(split);
        let mut reader = Reader { bytes: content };
        let threshold = reader.f32()?;
        let veto = reader.f32()?;
        let vocabulary_len = reader.count(8)?;
        let mut vocabulary = KeySet::default();
        vocabulary.reserve(vocabulary_len);
        for _ in 0..vocabulary_len {
            vocabulary.insert(reader.u64()?);
        }
        let weights_len = reader.count(12)?;
        let mut weights = KeyMap::default();
        weights.reserve(weights_len);
        for _ in 0..weights_len {
            let key = reader.u64()?;
            weights.insert(key, reader.f32()?);
        }
        if !reader.bytes.is_empty() {
            return Err(ModelError::TrailingBytes);
        }
        let mut stored = [0u8; 8];
        stored.copy_from_slice(sum);
        let expected = checksum(bytes.get(..MAGIC.len() + split).unwrap_or(&[]));
        if u64::from_le_bytes(stored) != expected {
            return Err(ModelError::Checksum);
        }
        Ok(Weights {
            threshold,
            veto,
            vocabulary,
            weights,
        })
    }

    /// Writes the weights in the format [`Weights::from_bytes`] reads; keys in sorted order so
    /// the same weights always give the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(self.threshold.to_le_bytes());
        out.extend(self.veto.to_le_bytes());
        let mut vocabulary: Vec<u64> = self.vocabulary.iter().copied().collect();
        vocabulary.sort_unstable();
        out.extend((vocabulary.len() as u32).to_le_bytes());
        for key in vocabulary {
            out.extend(key.to_le_bytes());
        }
        let mut weights: Vec<(u64, f32)> = self.weights.iter().map(|(&k, &w)| (k, w)).collect();
        weights.sort_unstable_by_key(|&(k, _)| k);
        out.extend((weights.len() as u32).to_le_bytes());
        for (key, weight) in weights {
            out.extend(key.to_le_bytes());
            out.extend(weight.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend(sum.to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Weights {
        let mut weights = Weights {
            threshold: 0.5,
            ..Weights::default()
        };
        weights.vocabulary.extend([1, 2, 3]);
        weights.weights.extend([(7, 0.25), (9, -1.5)]);
        weights
    }

    #[test]
    fn round_trips() {
        let bytes = sample().to_bytes();
        let back = Weights::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.weights.get(&9), Some(&-1.5));
    }

    #[test]
    fn refuses_corruption() {
        let bytes = sample().to_bytes();
        assert_eq!(
            Weights::from_bytes(b"nope").err(),
            Some(ModelError::BadMagic)
        );
        assert!(Weights::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        let mut flipped = bytes.clone();
        flipped[20] ^= 0x40;
        assert!(Weights::from_bytes(&flipped).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Weights::from_bytes(&longer).is_err());
        assert_eq!(
            Weights::from_bytes(MAGIC).err(),
            Some(ModelError::Truncated)
        );
    }

    proptest! {
        #[test]
        fn never_panics_on_garbage(tail in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut bytes = MAGIC.to_vec();
            bytes.extend(tail);
            let _ = Weights::from_bytes(&bytes);
        }

        #[test]
        fn never_panics_on_truncation(cut in 0usize..80) {
            let bytes = sample().to_bytes();
            let _ = Weights::from_bytes(&bytes[..cut.min(bytes.len())]);
        }
    }
}
