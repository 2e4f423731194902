use super::find_quantities;
use claimgraph_core::Analysis;
use proptest::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct Seen {
    text: String,
    value: f64,
    qualifier: String,
    counted: Option<String>,
}

fn quantities(text: &str) -> Vec<Seen> {
    let mut analysis = Analysis::default();
    claimgraph_text::segment(text, &mut analysis);
    find_quantities(text, &analysis)
        .into_iter()
        .map(|q| Seen {
            text: q.span.text(text).to_string(),
            value: q.value,
            qualifier: format!("{:?}", q.qualifier),
            counted: q.counted.map(|c| c.text(text).to_string()),
        })
        .collect()
}

#[test]
fn hedges_are_kept_in_the_span() {
    insta::assert_json_snapshot!(quantities(
        "At least 155 foreign volunteers joined. More than 40 ships waited. About 300 people left. \
         Up to 2,000 troops may move. No more than 12 boats sailed. Nearly 3.5 million residents fled."
    ));
}

#[test]
fn word_numbers_and_vague_plurals() {
    insta::assert_json_snapshot!(quantities(
        "Two injured border guards were found. Twenty-five reporters attended. \
         Dozens of villages burned and hundreds of families left; tens of thousands of people marched. A dozen drones fell."
    ));
}

#[test]
fn money_and_percent() {
    insta::assert_json_snapshot!(quantities(
        "The fund pledged $40 billion in loans. Turnout rose 10 percent among voters; 12% of farmers agreed."
    ));
}

#[test]
fn years_times_and_pronoun_one_are_not_quantities() {
    insta::assert_json_snapshot!(quantities(
        "In 2024 the talks began at 10:30 in the morning. One of the envoys left, and one said nothing."
    ));
}

proptest! {
    #[test]
    fn any_text_gives_valid_spans(text in "\\PC{0,60}|[0-9a-z ,.$%-]{0,60}") {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&text, &mut analysis);
        for quantity in find_quantities(&text, &analysis) {
            prop_assert!(quantity.span.end <= text.len());
            prop_assert!(text.is_char_boundary(quantity.span.start) && text.is_char_boundary(quantity.span.end));
            prop_assert!(quantity.value.is_finite());
            if let Some(counted) = quantity.counted {
                prop_assert!(text.is_char_boundary(counted.start) && text.is_char_boundary(counted.end));
            }
        }
    }
}
