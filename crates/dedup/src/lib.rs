//! Duplicate detection for syndicated news: one wire story in forty outlets should count once.
//!
//! A [`Fingerprint`] holds two things computed from a text:
//! - a **content hash** (128-bit FNV-1a over the lower-cased word sequence), so copies that differ
//!   only in whitespace, punctuation or case are exact duplicates;
//! - a **MinHash signature** of the set of overlapping word 5-grams ("shingles"), whose agreement
//!   rate estimates the Jaccard similarity of two texts' shingle sets. Syndicated copies with a
//!   different headline, byline or trailing boilerplate keep most shingles and score high.
//!
//! Candidate pairs are found with locality-sensitive hashing: the signature is cut into
//! [`BANDS`] bands of [`ROWS`] values, and texts sharing any band key are compared. With 32 × 4 a
//! pair at similarity 0.7 becomes a candidate with probability > 0.999 and one at 0.3 with 0.23;
//! candidates are then confirmed with [`NEAR_DUPLICATE_THRESHOLD`].
//!
//! Signatures are stored by the ledger and compared across runs, so every hash here is owned
//! (FNV-1a, the SplitMix64 finaliser with fixed seeds, and `a + i·b` hash families): nothing depends on `std`'s unspecified
//! `DefaultHasher` or on a random-number crate's stream, and [`Fingerprint::to_bytes`] is a fixed
//! little-endian layout. Changing any constant changes every stored signature: don't.

use std::collections::HashMap;

/// Number of MinHash values in a signature.
pub const SIGNATURE_LEN: usize = 128;
/// LSH bands; `BANDS * ROWS == SIGNATURE_LEN`.
pub const BANDS: usize = 32;
/// Signature values per band.
pub const ROWS: usize = 4;
/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Estimated Jaccard similarity of shingle sets from which two texts are the same story.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.7;

const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0000_0100_0000_01b3;
const FNV128_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV128_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
const SEED_A: u64 = 0x636c_6169_6d67_7270; // "claimgrp"
const SEED_B: u64 = 0x6475_706c_6963_6174; // "duplicat"
const ENCODING_VERSION: u8 = 1;

/// What duplicate detection knows about one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    content_hash: u128,
    signature: Vec<u32>,
}

impl Fingerprint {
    /// Fingerprints `text`. Texts without any word get an empty-set signature that is a near
    /// duplicate of nothing.
    pub fn of(text: &str) -> Fingerprint {
        let mut content_hash = FNV128_OFFSET;
        let mut word_hashes = Vec::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !word_hashes.is_empty() {
                content_hash = fnv128_step(content_hash, b' ');
            }
            let mut word_hash = FNV64_OFFSET;
            let mut utf8 = [0u8; 4];
            for c in word.chars().flat_map(char::to_lowercase) {
                for &byte in c.encode_utf8(&mut utf8).as_bytes() {
                    content_hash = fnv128_step(content_hash, byte);
                    word_hash = fnv64_step(word_hash, byte);
                }
            }
            word_hashes.push(word_hash);
        }
        let mut signature = vec![u32::MAX; SIGNATURE_LEN];
        for shingle in shingle_hashes(&word_hashes) {
            // Kirsch–Mitzenmacher: the i-th hash function is `a + i·b` over two independent mixes
            // of the shingle, one multiply-add per slot instead of a full mix per slot.
            let a = splitmix64(shingle ^ SEED_A);
            let b = splitmix64(shingle ^ SEED_B) | 1;
            let mut value = a;
            for slot in signature.iter_mut() {
                // The high half of a 64-bit value is as uniform as the whole and halves storage.
                let high = (value >> 32) as u32;
                if high < *slot {
                    *slot = high;
                }
                value = value.wrapping_add(b);
            }
        }
        Fingerprint {
            content_hash,
            signature,
        }
    }

    /// The content hash as 32 lower-case hex digits.
    pub fn content_hash_hex(&self) -> String {
        format!("{:032x}", self.content_hash)
    }

    /// True when the text had no word at all (nothing to compare).
    pub fn is_empty(&self) -> bool {
        self.signature.iter().all(|&v| v == u32::MAX)
    }

    /// One key per LSH band; texts sharing a key are near-duplicate candidates. Empty texts have none.
    pub fn band_keys(&self) -> Vec<u64> {
        if self.is_empty() {
            return Vec::new();
        }
        self.signature
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut hash = fnv64_step(FNV64_OFFSET, band as u8);
                for value in rows {
                    for byte in value.to_le_bytes() {
                        hash = fnv64_step(hash, byte);
                    }
                }
                hash
            })
            .collect()
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, in `[0, 1]`.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.content_hash == other.content_hash {
            return 1.0;
        }
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let agree = self
            .signature
            .iter()
            .zip(&other.signature)
            .filter(|(a, b)| a == b)
            .count();
        agree as f64 / SIGNATURE_LEN as f64
    }

    /// Same words in the same order.
    pub fn is_exact_duplicate(&self, other: &Fingerprint) -> bool {
        self.content_hash == other.content_hash
    }

    /// The same story: exact duplicates, or estimated similarity at least [`NEAR_DUPLICATE_THRESHOLD`].
    pub fn is_near_duplicate(&self, other: &Fingerprint) -> bool {
        self.similarity(other) >= NEAR_DUPLICATE_THRESHOLD
    }

    /// Stable storage form: a version byte, the content hash, then the signature, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(1 + 16 + 4 * SIGNATURE_LEN);
        bytes.push(ENCODING_VERSION);
        bytes.extend_from_slice(&self.content_hash.to_le_bytes());
        for value in &self.signature {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        bytes
    }

    /// Reads [`Fingerprint::to_bytes`]' output; `None` for any other length or version.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        let (&version, rest) = bytes.split_first()?;
        if version != ENCODING_VERSION || rest.len() != 16 + 4 * SIGNATURE_LEN {
            return None;
        }
        let (hash, values) = rest.split_at(16);
        let content_hash = u128::from_le_bytes(hash.try_into().ok()?);
        let signature = values
            .chunks_exact(4)
            .map(|chunk| chunk.try_into().map(u32::from_le_bytes))
            .collect::<Result<Vec<u32>, _>>()
            .ok()?;
        Some(Fingerprint {
            content_hash,
            signature,
        })
    }
}

/// How a text relates to the texts added before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The first text of its cluster.
    Original,
    /// Same words as an earlier text.
    Exact,
    /// The same story as an earlier text, with differences.
    Near,
}

/// Where [`Clusters::add`] put a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assignment {
    /// Index (in order of addition) of the cluster's first text.
    pub cluster: usize,
    pub relation: Relation,
}

/// In-memory clustering of one batch: each text joins the cluster of the most similar earlier
/// text that is a near duplicate, else starts its own.
#[derive(Debug, Default)]
pub struct Clusters {
    fingerprints: Vec<Fingerprint>,
    cluster_of: Vec<usize>,
    by_hash: HashMap<u128, usize>,
    by_band: HashMap<u64, Vec<usize>>,
}

impl Clusters {
    pub fn new() -> Clusters {
        Clusters::default()
    }

    /// Adds the next text's fingerprint and says which cluster it joined.
    pub fn add(&mut self, fingerprint: Fingerprint) -> Assignment {
        let index = self.fingerprints.len();
        let keys = fingerprint.band_keys();
        let assignment = if let Some(&earlier) = self.by_hash.get(&fingerprint.content_hash) {
            Assignment {
                cluster: self.cluster_of.get(earlier).copied().unwrap_or(earlier),
                relation: Relation::Exact,
            }
        } else {
            let mut best: Option<(f64, usize)> = None;
            for key in &keys {
                for &candidate in self.by_band.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                    let Some(other) = self.fingerprints.get(candidate) else {
                        continue;
                    };
                    let similarity = fingerprint.similarity(other);
                    let better = best.is_none_or(|(s, at)| {
                        similarity > s || (similarity == s && candidate < at)
                    });
                    if similarity >= NEAR_DUPLICATE_THRESHOLD && better {
                        best = Some((similarity, candidate));
                    }
                }
            }
            match best {
                Some((_, earlier)) => Assignment {
                    cluster: self.cluster_of.get(earlier).copied().unwrap_or(earlier),
                    relation: Relation::Near,
                },
                None => Assignment {
                    cluster: index,
                    relation: Relation::Original,
                },
            }
        };
        self.by_hash
            .entry(fingerprint.content_hash)
            .or_insert(index);
        for key in keys {
            self.by_band.entry(key).or_default().push(index);
        }
        self.fingerprints.push(fingerprint);
        self.cluster_of.push(assignment.cluster);
        assignment
    }

    /// Number of texts added.
    pub fn len(&self) -> usize {
        self.fingerprints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fingerprints.is_empty()
    }
}

/// One hash per window of [`SHINGLE_WORDS`] word hashes (the whole text when it is shorter).
fn shingle_hashes(word_hashes: &[u64]) -> Vec<u64> {
    let hash_window = |window: &[u64]| {
        window
            .iter()
            .fold(FNV64_OFFSET, |acc, &word| splitmix64(acc ^ word))
    };
    if word_hashes.is_empty() {
        Vec::new()
    } else if word_hashes.len() < SHINGLE_WORDS {
        vec![hash_window(word_hashes)]
    } else {
        word_hashes
            .windows(SHINGLE_WORDS)
            .map(hash_window)
            .collect()
    }
}

fn splitmix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn fnv64_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV64_PRIME)
}

fn fnv128_step(hash: u128, byte: u8) -> u128 {
    (hash ^ u128::from(byte)).wrapping_mul(FNV128_PRIME)
}

#[cfg(test)]
mod tests;
