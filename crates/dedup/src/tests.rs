use proptest::prelude::*;

use super::*;

const WIRE: &str =
    "KYIV, March 3 - Ukrainian forces repelled a night attack on the eastern town of \
Pokrovsk, the regional governor said on Monday, adding that two civilians were wounded and a power \
line was damaged. Officials said repair crews would restore electricity by Tuesday. The governor \
urged residents to stay in shelters while the shelling continued, and the army said it had shot \
down eleven drones over the region overnight.";

#[test]
fn signatures_are_stable_across_versions() {
    // Stored signatures are compared with new ones: these values must never change.
    let fingerprint = Fingerprint::of("The quick brown fox jumps over the lazy dog.");
    assert_eq!(
        fingerprint.content_hash_hex(),
        "577ea59947cc87c26ffa73dd35a3f550"
    );
    assert_eq!(fingerprint.band_keys()[0], GOLDEN_BAND);
    assert_eq!(fingerprint.signature[0], GOLDEN_MIN);
}

#[test]
fn punctuation_case_and_spacing_do_not_matter_for_exact_duplicates() {
    let a = Fingerprint::of("Officials said: \"Repairs end Tuesday.\"");
    let b = Fingerprint::of("officials   said repairs end tuesday");
    assert!(a.is_exact_duplicate(&b));
    assert_eq!(a.similarity(&b), 1.0);
}

#[test]
fn a_syndicated_copy_with_new_headline_and_footer_is_a_near_duplicate() {
    let copy = format!(
        "Ukraine says it repelled attack on Pokrovsk\n\nBy Staff Reporter\n\n{WIRE}\n\nReporting by the wire desk; editing by the night editor."
    );
    let a = Fingerprint::of(WIRE);
    let b = Fingerprint::of(&copy);
    assert!(!a.is_exact_duplicate(&b));
    assert!(a.is_near_duplicate(&b), "similarity {}", a.similarity(&b));
    let shared_band = a.band_keys().iter().any(|k| b.band_keys().contains(k));
    assert!(shared_band);
}

#[test]
fn a_different_story_on_the_same_topic_is_not_a_duplicate() {
    let other = "KYIV, March 3 - Ukraine's parliament approved a new budget for air defence on \
Monday after a long debate, with lawmakers saying the money would pay for drones, radar and the \
repair of power lines damaged in recent attacks on eastern towns.";
    let a = Fingerprint::of(WIRE);
    let b = Fingerprint::of(other);
    assert!(!a.is_near_duplicate(&b), "similarity {}", a.similarity(&b));
}

#[test]
fn texts_without_words_are_duplicates_of_nothing_but_themselves() {
    let empty = Fingerprint::of(" ... ");
    assert!(empty.is_empty());
    assert!(empty.band_keys().is_empty());
    assert_eq!(empty.similarity(&Fingerprint::of(WIRE)), 0.0);
}

#[test]
fn storage_form_round_trips_and_rejects_other_bytes() {
    let fingerprint = Fingerprint::of(WIRE);
    let bytes = fingerprint.to_bytes();
    assert_eq!(Fingerprint::from_bytes(&bytes), Some(fingerprint));
    assert_eq!(Fingerprint::from_bytes(&bytes[1..]), None);
    let mut other_version = bytes.clone();
    other_version[0] = 2;
    assert_eq!(Fingerprint::from_bytes(&other_version), None);
}

#[test]
fn clusters_group_copies_under_the_first_text() {
    let mut clusters = Clusters::new();
    let copy = format!("{WIRE} Reporting by the wire desk.");
    let unrelated = "Parliament approved the budget for schools and hospitals after a vote on \
Tuesday evening, the speaker said, calling it a compromise that nobody liked but everyone could accept.";
    assert_eq!(
        clusters.add(Fingerprint::of(WIRE)),
        Assignment {
            cluster: 0,
            relation: Relation::Original
        }
    );
    assert_eq!(
        clusters.add(Fingerprint::of(unrelated)),
        Assignment {
            cluster: 1,
            relation: Relation::Original
        }
    );
    assert_eq!(
        clusters.add(Fingerprint::of(&copy)),
        Assignment {
            cluster: 0,
            relation: Relation::Near
        }
    );
    assert_eq!(
        clusters.add(Fingerprint::of(&WIRE.to_uppercase())),
        Assignment {
            cluster: 0,
            relation: Relation::Exact
        }
    );
    assert_eq!(clusters.len(), 4);
}

proptest! {
    #[test]
    fn from_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Fingerprint::from_bytes(&bytes);
    }

    #[test]
    fn similarity_is_symmetric_and_bounded(a in "[a-c ]{0,60}", b in "[a-c ]{0,60}") {
        let (fa, fb) = (Fingerprint::of(&a), Fingerprint::of(&b));
        let s = fa.similarity(&fb);
        prop_assert!((0.0..=1.0).contains(&s));
        prop_assert_eq!(s, fb.similarity(&fa));
        prop_assert_eq!(fa.similarity(&fa), 1.0);
    }
}

const GOLDEN_BAND: u64 = 16_643_208_752_599_558_958;
const GOLDEN_MIN: u32 = 1_073_154_910;
