//! The acceptance checks on the shared sample article (skipped when the shared folder is
//! absent: the article is not ours to copy into the repository).

use claimgraph_core::layers::{Entity, EntityLabel};
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;

const SAMPLE: &str = "../../../shared/samples/chinese-fighters-claim.txt";

fn sample() -> Option<(String, Vec<Entity>)> {
    let path = format!("{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).ok()?;
    let mut analysis = Analysis::default();
    claimgraph_text::segment(&text, &mut analysis);
    let entities = EntityRecognizer::shipped().recognize(&text, &analysis);
    Some((text, entities))
}

/// Every entity written `surface`, as (label, country, actor).
fn mentions<'e>(
    text: &str,
    entities: &'e [Entity],
    surface: &str,
) -> Vec<(EntityLabel, Option<&'e str>, Option<&'e str>)> {
    entities
        .iter()
        .filter(|e| e.span.text(text) == surface)
        .map(|e| (e.label, e.country.as_deref(), e.actor.as_deref()))
        .collect()
}

#[test]
fn places_people_and_groups_resolve_to_their_countries() {
    let Some((text, entities)) = sample() else {
        eprintln!("sample not found; skipped");
        return;
    };
    let all = |surface: &str, want: (EntityLabel, Option<&str>, Option<&str>)| {
        let found = mentions(&text, &entities, surface);
        assert!(!found.is_empty(), "{surface} not found");
        assert!(found.iter().all(|m| *m == want), "{surface}: {found:?}");
    };
    let gpe = EntityLabel::Gpe;
    all("Kyiv", (gpe, Some("Ukraine"), Some("city:UA:kyiv")));
    all("Donetsk", (gpe, Some("Ukraine"), Some("region:UA:donetsk")));
    all(
        "Kursk Oblast",
        (gpe, Some("Russia"), Some("region:RU:kursk")),
    );
    all("Beijing", (gpe, Some("China"), Some("city:CN:beijing")));
    let zelensky = (
        EntityLabel::Person,
        Some("Ukraine"),
        Some("person:volodymyr-zelensky"),
    );
    all("Volodymyr Zelensky", zelensky);
    all("Zelensky", zelensky);
    all(
        "Lin Jian",
        (EntityLabel::Person, Some("China"), Some("person:lin-jian")),
    );
    all(
        "Foreign Ministry",
        (
            EntityLabel::Org,
            Some("China"),
            Some("org:CN:foreign-ministry"),
        ),
    );
    let norp = EntityLabel::Norp;
    all("Chinese", (norp, Some("China"), Some("country:CN")));
    all(
        "North Korean",
        (norp, Some("North Korea"), Some("country:KP")),
    );
    all("Ukrainian", (norp, Some("Ukraine"), Some("country:UA")));
}

#[test]
fn headings_are_not_people_and_the_title_names_zelensky() {
    let Some((text, entities)) = sample() else {
        eprintln!("sample not found; skipped");
        return;
    };
    // A title-case subheading on its own line is no one's name.
    assert!(
        entities
            .iter()
            .all(|e| e.label != EntityLabel::Person || !e.span.text(&text).contains("Balancing")),
        "a heading became a person"
    );
    // "Ukrainian President" names Zelensky: the title's country is Ukraine and the name after
    // it is his.
    let title = text.find("Ukrainian President").unwrap();
    let after: Vec<_> = entities
        .iter()
        .filter(|e| e.span.start >= title)
        .take(2)
        .map(|e| (e.label, e.actor.as_deref()))
        .collect();
    assert_eq!(
        after,
        [
            (EntityLabel::Norp, Some("country:UA")),
            (EntityLabel::Person, Some("person:volodymyr-zelensky"))
        ]
    );
    // Every nominal mention the article has resolves to an actor it names elsewhere.
    for e in entities
        .iter()
        .filter(|e| claimgraph_entities::is_nominal(&text, e))
    {
        assert!(
            entities
                .iter()
                .any(|n| n.actor == e.actor && !claimgraph_entities::is_nominal(&text, n)),
            "{}",
            e.span.text(&text)
        );
    }
}
