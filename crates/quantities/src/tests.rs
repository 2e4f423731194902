use super::find_quantities;
use claimgraph_core::Analysis;
use proptest::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct Seen {
    text: String,
    value: f64,
    /// Left out for single numbers, so their snapshots read as before ranges had an upper end.
    #[serde(skip_serializing_if = "Option::is_none")]
    upper: Option<f64>,
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
            upper: q.upper,
            qualifier: format!("{:?}", q.qualifier),
            counted: q.counted.map(|c| c.text(text).to_string()),
        })
        .collect()
}

/// The quantity texts only, for the tests that check what is found rather than how.
fn texts(text: &str) -> Vec<String> {
    quantities(text).into_iter().map(|q| q.text).collect()
}

#[test]
fn hedges_are_kept_in_the_span() {
    insta::assert_json_snapshot!(quantities(
        "At least 155 foreign volunteers joined. More than 40 ships waited. About 300 people left. \
         Up to 2,000 troops may move. No more than 12 boats sailed. Nearly 3.5 million residents fled. \
         No fewer than 20 towns voted. A minimum of 8 judges sit. Over 90 drones flew. \
         Upwards of 600 families moved. In excess of 70 tanks burned. Around 15 reporters came. \
         Roughly 25 buses arrived. Approximately 80 prisoners escaped. Some 500 workers struck. \
         Almost 40 villages flooded. Close to 200 volunteers helped. An estimated 9,000 migrants crossed. \
         As many as 30 planes landed. At most 6 ministers resigned. Fewer than 50 protesters gathered. \
         Less than 10 doctors stayed. Under 30 guards remained. Well over 100 officials attended. \
         A hundred or more sailors left. Fifty or so houses burned. The 20-plus months passed."
    ));
}

#[test]
fn word_numbers_and_vague_amounts() {
    insta::assert_json_snapshot!(quantities(
        "Two injured border guards were found. Twenty-five reporters attended. \
         One hundred and fifty delegates voted. Two dozen drones fell. A dozen drones fell. \
         Half a million people fled. Three million voters stayed home. \
         Dozens of villages burned and hundreds of families left; tens of thousands of people marched. \
         Hundreds of thousands of refugees crossed. Scores of civilians died. Thousands fled. \
         Several hundred soldiers surrendered. Several journalists were detained. \
         A few ships docked. A handful of senators objected. A couple of envoys left."
    ));
}

#[test]
fn money_and_percent() {
    insta::assert_json_snapshot!(quantities(
        "The fund pledged $40 billion in aid. Donors gave US$5m to the hospital and €3.5bn of weapons. \
         The bank lent 5 billion euros. The firm earned 30 mln dlrs. Kyiv asked for a $300m programme. \
         The loan of £8.2bn was signed. Turnout rose 10 percent among voters; 12% of farmers agreed, \
         and 10 per cent of the vote went to him. Support fell 2 percentage points."
    ));
}

#[test]
fn ranges_give_both_ends() {
    insta::assert_json_snapshot!(quantities(
        "Between 200 and 300 people were killed. It faces 3,000 to 5,000 militants. \
         Prices rose 10-15% this year. He waited six or seven hours. Aid of $3-5 billion was promised. \
         Support went from 10 to 15 percent."
    ));
}

#[test]
fn ranges_with_money_words_hedges_and_range_leads() {
    insta::assert_json_snapshot!(quantities(
        "The refit will cost between $4.1bn and $4.6bn. Volunteers aged 30 to 65 took part. \
         The repairs took about three to four weeks. Estimates ranging from 20 to 25 percent circulated. \
         Turnout rose from 20 to 25 percent. The raid left 6-9 people injured. \
         Four or five sailors were rescued. The plan costs $3-5m. Some 3 to 5 million refugees fled. \
         Roughly 10 to 12 ships sailed. They met 10 to 15 or so envoys. \
         Anywhere from two to three hundred guards stood by."
    ));
}

#[test]
fn year_spans_scores_and_day_spans_are_not_ranges() {
    let none: &[&str] = &[
        "Prices doubled between 1980 and 1990.",
        "He ruled from 1990 to 2000 and again from 2004 to 2008.",
        "The dispute ranged from 1990 to 2000.",
        "The 1914-1918 war ended.",
        "They won 2-1 and then drew 0-0 before a 3-1 defeat.",
        "Talks ran 5-6 April and then March 7-9.",
    ];
    for text in none {
        assert_eq!(texts(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn a_range_has_an_upper_end_above_its_value() {
    for text in [
        "Between 200 and 300 people were killed.",
        "It took 3 to 5 million dollars.",
        "About 8-10 people came.",
        "Two or three soldiers fell.",
    ] {
        let found = quantities(text);
        assert_eq!(found.len(), 1, "{text}");
        let upper = found[0].upper.unwrap();
        assert!(upper > found[0].value, "{text}");
    }
    assert_eq!(quantities("At least 155 people came.")[0].upper, None);
}

#[test]
fn a_change_and_where_it_led_is_not_a_range() {
    assert_eq!(
        texts(
            "Shares rose 141 to 619. Output fell 22.9 pct to 1,670 tonnes. \
             Sales grew 12% or 40 million. Prices rose 10 to 15 percent."
        ),
        [
            "141",
            "619",
            "22.9 pct",
            "1,670",
            "12%",
            "40 million",
            "10 to 15 percent"
        ]
    );
}

#[test]
fn spelled_out_ranges_share_the_multiplier() {
    let ends = |text: &str| {
        let found = quantities(text);
        assert_eq!(found.len(), 1, "{text}");
        (found[0].value, found[0].upper)
    };
    assert_eq!(ends("Two to three hundred men came."), (200.0, Some(300.0)));
    assert_eq!(ends("Two or three dozen men came."), (24.0, Some(36.0)));
    assert_eq!(
        ends("Twenty to thirty thousand men came."),
        (20_000.0, Some(30_000.0))
    );
    assert_eq!(
        ends("Two to three hundred thousand men came."),
        (200_000.0, Some(300_000.0))
    );
    assert_eq!(ends("Ninety to a hundred men came."), (90.0, Some(100.0)));
    assert_eq!(
        ends("Five to six hundred and fifty men came."),
        (5.0, Some(650.0))
    );
}

#[test]
fn counted_noun_phrases() {
    insta::assert_json_snapshot!(quantities(
        "At least 155 Chinese citizens are fighting for Russia. Three of the soldiers were freed. \
         A 14-year-old boy was hurt. The town lies 30km south of the border. Output fell by 1m barrels. \
         The posts stand 50m apart. Here 19 banks operate. The seven leading industrialised nations met. \
         Officials said 40 people died. Two more soldiers were wounded. 20 dead were counted."
    ));
}

#[test]
fn years_times_and_pronoun_one_are_not_quantities() {
    insta::assert_json_snapshot!(quantities(
        "In 2024 the talks began at 10:30 in the morning. One of the envoys left, and one said nothing."
    ));
}

#[test]
fn dates_labels_and_ids_are_not_quantities() {
    let none: &[&str] = &[
        "The war began in 2022 and the 2014 annexation preceded it.",
        "Fighting resumed on 5 March and again on Oct. 7 and March 5-6.",
        "The meeting ends at 11am or at 5 p.m. local time.",
        "Call 910-432-3383 or +44 20 7946 0018 for details.",
        "The 2022-23 season and the 1914-1918 war are over.",
        "Under section 119.3 and Resolution 2254, Radio 4 reported it.",
        "He came first, then second, in the 1990s and the 2,000th race.",
        "No one came. The one who spoke left. At one point it stopped.",
        "Two thirds of voters agreed.",
        "The claim was disputed.[2] It was 24/7 coverage.",
        "It ranked number three in the top 10 list.",
    ];
    for text in none {
        assert_eq!(texts(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn years_count_when_hedged_and_counting_something() {
    assert_eq!(
        texts("About 2000 troops moved around 2015."),
        ["About 2000"]
    );
}

#[test]
fn works_without_sentences() {
    let text = "At least 155 Chinese citizens are fighting.";
    let mut analysis = Analysis::default();
    claimgraph_text::segment(text, &mut analysis);
    analysis.sentences.clear();
    let found = find_quantities(text, &analysis);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.text(text), "At least 155");
}

proptest! {
    #[test]
    fn any_text_gives_valid_spans(
        text in "\\PC{0,60}|[0-9a-zA-Z ,.$%£:/()-]{0,80}|((at least|about|up to|one|two|hundred|of|dozens|a|\\$|[0-9]{1,5}|,|-|to|and|between|from|ranging|or|m|bn|percent|March|people|the) ){0,14}"
    ) {
        let mut analysis = Analysis::default();
        claimgraph_text::segment(&text, &mut analysis);
        let mut previous_end = 0;
        for quantity in find_quantities(&text, &analysis) {
            let span = quantity.span;
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(span.start >= previous_end, "quantities overlap");
            previous_end = span.end;
            prop_assert!(quantity.value.is_finite());
            if let Some(upper) = quantity.upper {
                prop_assert!(upper.is_finite() && upper > quantity.value);
            }
            if let Some(counted) = quantity.counted {
                prop_assert!(counted.start < counted.end && counted.end <= text.len());
                prop_assert!(text.is_char_boundary(counted.start) && text.is_char_boundary(counted.end));
                prop_assert!(counted.start >= span.end);
            }
        }
    }
}

#[test]
fn ratios_are_shares_in_percent() {
    insta::assert_json_snapshot!(quantities(
        "The poll found that one in five nurses plans to quit. Nearly 3 out of 10 voters agreed. \
         Only one in four. Five in 2020 died. One in 100,000 people has the gene. Fewer than 200 came. \
         Ten in the morning is early. 40 or fewer seats changed."
    ));
}

#[test]
fn numbers_in_names_races_and_movements() {
    insta::assert_json_snapshot!(quantities(
        "England play in the Six Nations. He left 10 Downing Street. She won 200m gold. \
         Yields edged up to 4.55%. Up to 40 people died. Two Chinese fighters were captured."
    ));
}

#[test]
fn indian_scales_and_loose_hedges() {
    insta::assert_json_snapshot!(quantities(
        "The scheme costs Rs 2,500 crore and covers 14 lakh farmers. Activists put the figure \
         closer to 40. A girl of maybe 14 was hurt."
    ));
}

#[test]
fn halves_and_verbs_of_exceeding() {
    insta::assert_json_snapshot!(quantities(
        "He served three and a half years. Two and a half million people voted. Losses could \
         exceed $4 billion. The toll surpassed 1,000 people."
    ));
}

#[test]
fn temperatures_glued_to_their_scale() {
    insta::assert_json_snapshot!(quantities(
        "Warming of 1.5C is the goal. Temperatures reached 45C on Monday. He plays 1Xtra songs."
    ));
}

#[test]
fn a_hedge_before_an_article_and_one_morning() {
    insta::assert_json_snapshot!(quantities(
        "Forecasters gave roughly a 60 percent chance of rain. He said it one gray morning in \
         October. He waited one day."
    ));
}

#[test]
fn over_a_topic_and_not_one_are_no_hedges() {
    insta::assert_json_snapshot!(quantities(
        "Everton are in talks over a 45 million pound move. Not one new unit has been built. \
         Over 300 jobs will go."
    ));
}
