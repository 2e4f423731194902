//! Recognition on short texts written for these tests, and properties over arbitrary text.

use super::*;
use claimgraph_core::layers::EntityLabel;
use proptest::prelude::*;

fn recognizer() -> &'static EntityRecognizer {
    static SHIPPED: std::sync::OnceLock<EntityRecognizer> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(EntityRecognizer::shipped)
}

fn analyse(text: &str) -> Vec<Entity> {
    let mut analysis = Analysis::default();
    claimgraph_text::segment(text, &mut analysis);
    recognizer().recognize(text, &analysis)
}

/// One line per entity: `text | LABEL | canonical | country | actor`.
fn show(text: &str) -> Vec<String> {
    analyse(text)
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {} | {} | {}",
                e.span.text(text),
                e.label.as_str(),
                e.canonical,
                e.country.as_deref().unwrap_or("-"),
                e.actor.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn countries_aliases_and_demonyms() {
    insta::assert_debug_snapshot!(show(
        "The DPRK fired a missile toward Japan, and South Korean officials said the United States \
         and the UK were consulting. Several Ukrainians and a North Korean defector spoke to U.S. \
         lawmakers."
    ));
}

#[test]
fn possessives_and_metonyms() {
    insta::assert_debug_snapshot!(show(
        "China’s Foreign Ministry rejected the claim. Beijing said Washington and Moscow had \
         misread the talks, while the Kremlin and the White House declined to comment. Kyiv’s \
         position was unchanged."
    ));
}

#[test]
fn regions_with_suffixes() {
    insta::assert_debug_snapshot!(show(
        "Shelling hit the Donetsk region overnight, and drones struck Kursk Oblast and the \
         Belgorod Oblast. Fighting continued near Bakhmut in Donbas and in Zaporizhzhia."
    ));
}

#[test]
fn organisations_by_pattern_and_gazetteer() {
    insta::assert_debug_snapshot!(show(
        "The Russian Defence Ministry said its forces had advanced. NATO and the European Union \
         condemned the strike, and the IAEA asked for access. The Ministry of Foreign Affairs of \
         Ukraine and Human Rights Watch called on the UN Security Council to act. The Kyiv \
         Independent and the New York Times reported it first."
    ));
}

#[test]
fn people_with_titles_and_surnames() {
    insta::assert_debug_snapshot!(show(
        "Ukrainian President Volodymyr Zelensky met Defence Secretary John Hartwell in London. \
         Chinese Foreign Ministry Spokesperson Lin Jian said on Wednesday that Beijing opposed \
         the move. Zelensky said Hartwell had promised more aid. Lin added that talks would \
         resume. Analysts led by Maria Okafor doubted it, and Okafor said so on Oct. 5, 2024."
    ));
}

#[test]
fn given_names_alone_refer_to_the_one_person_named_in_full() {
    insta::assert_debug_snapshot!(show(
        "Dimas Pratama, a student, said police fired tear gas. Dimas said they were singing. \
         Peter Hale and Peter Brandt disagreed; Peter said nothing. Hale Morris and Anna Hale \
         spoke, and Hale left."
    ));
}

#[test]
fn employers_journals_datelines_and_waters() {
    insta::assert_debug_snapshot!(show(
        "BEIRUT — Kallum Pickering, chief economist at Peel Hunt, wrote in the journal Nature \
         Climate Change that waters in the Gulf of Maine are warming."
    ));
}

#[test]
fn a_name_before_a_facility_noun_is_a_place() {
    insta::assert_debug_snapshot!(show(
        "Ibrahim Musa, a trader at the Kantin Kwari market, said prices had doubled."
    ));
}

#[test]
fn spanish_double_surnames_refer_back() {
    insta::assert_debug_snapshot!(show(
        "Norma Lucía Piña Hernández warned of the changes. Piña Hernández said it was wrong. \
         Marko Cortés Mendoza agreed, and Cortés said so."
    ));
}

#[test]
fn hyphenated_east_asian_given_names() {
    insta::assert_debug_snapshot!(show(
        "Chen Wei-ting said talks could resume. Kim Min-jun left. A peace-keeping force arrived."
    ));
}

#[test]
fn surnames_skip_post_nominals() {
    insta::assert_debug_snapshot!(show(
        "Sarah Lindqvist KC questioned him. Lindqvist asked whether he had read the contracts."
    ));
}

#[test]
fn unknown_names_and_context_countries() {
    insta::assert_debug_snapshot!(show(
        "Greta Lindqvist, a researcher at the Baltic Policy Institute, said the Polish \
         government was wrong.\n\nA spokesman for the Foreign Ministry said Lindqvist was \
         mistaken. In March 2024 the Senate voted. Secretary of State Marco Rubio and Gen. \
         Viktor Marsh spoke by phone with Mr. Dubois on Friday."
    ));
}

#[test]
fn headlines_keep_only_gazetteer_names() {
    insta::assert_debug_snapshot!(show(
        "Heavy Fighting Erupts Near Bakhmut As Kyiv Seeks More Help From Allies"
    ));
}

#[test]
fn title_case_heading_lines_are_not_names() {
    let text = "Officials met on Monday.\nFrance’s Waiting Game\nThe talks resumed.";
    let found = show(text);
    assert!(found.iter().all(|e| !e.contains("PERSON")), "{found:?}");
    assert!(found.iter().any(|e| e.starts_with("France |")), "{found:?}");
}

#[test]
fn nominal_mentions_take_their_antecedents() {
    insta::assert_debug_snapshot!(show(
        "Ukrainian President Volodymyr Zelensky met Defence Secretary John Hartwell. The \
         Ukrainian president said the talks went well, and the president thanked Hartwell. The \
         defence secretary promised aid. China’s Foreign Ministry rejected the claim; the \
         ministry said its spokesman would answer. Spokesperson Lin Jian said the spokesman's \
         words stood. The Israeli army and the U.S. military declined to comment, as did \
         Ukraine's military intelligence. The former president, the president of France and \
         the Russian president were not mentioned before."
    ));
}

#[test]
fn nominal_mentions_are_told_apart_from_names() {
    let text = "President Maria Okafor spoke. The president left. The President returned. \
                The Senate Committee met; the committee adjourned.";
    let entities = analyse(text);
    let nominal: Vec<&str> = entities
        .iter()
        .filter(|e| is_nominal(text, e))
        .map(|e| e.span.text(text))
        .collect();
    assert_eq!(nominal, ["president", "President", "committee"]);
    let canonical: Vec<&str> = entities
        .iter()
        .filter(|e| is_nominal(text, e))
        .map(|e| e.canonical.as_str())
        .collect();
    assert_eq!(
        canonical,
        ["Maria Okafor", "Maria Okafor", "Senate Committee"]
    );
}

#[test]
fn hyphenated_words_hold_names() {
    insta::assert_debug_snapshot!(show(
        "The Kremlin-backed forces and pro-Russian groups crossed into the Russia-Ukraine \
         border zone."
    ));
}

#[test]
fn lookup_finds_names_demonyms_and_capitals() {
    let r = recognizer();
    let kind_and_country = |s: &str| {
        r.lookup(s)
            .map(|a| (a.name.clone(), a.kind, a.country.clone(), a.role.clone()))
    };
    insta::assert_debug_snapshot!([
        "DPRK",
        "Chinese",
        "the Kremlin",
        "China’s",
        "Kyiv",
        "Kiev",
        "Washington",
        "ukraine",
        "Lin Jian",
        "Zelenskyy",
        "Donetsk",
        "Hamas",
        "Nowhereland",
    ]
    .map(|s| (s, kind_and_country(s))));
}

#[test]
fn every_data_line_parses() {
    for (file, content, columns) in gazetteer::FILES {
        for (number, line) in content.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), columns, "{file}:{}: {line:?}", number + 1);
            assert!(
                !fields[0].trim().is_empty(),
                "{file}:{}: empty name",
                number + 1
            );
            assert_eq!(
                fields[0],
                fields[0].trim(),
                "{file}:{}: padded name",
                number + 1
            );
            for field in &fields {
                for item in field.split('|') {
                    assert_eq!(item, item.trim(), "{file}:{}: padded {item:?}", number + 1);
                }
            }
        }
    }
}

#[test]
fn leaders_and_orgs_name_known_countries() {
    let r = recognizer();
    for actor in r.actors() {
        if matches!(actor.kind, ActorKind::Person | ActorKind::Organization) {
            if let Some(country) = &actor.country {
                assert!(
                    r.lookup(country).is_some(),
                    "{} belongs to unknown {country}",
                    actor.name
                );
            }
        }
    }
}

#[test]
fn data_is_small() {
    let total: usize = gazetteer::FILES.iter().map(|(_, c, _)| c.len()).sum();
    assert!(total < 1_500_000, "{total} bytes of data");
}

#[test]
fn empty_and_unsegmented_input() {
    let r = recognizer();
    assert!(r.recognize("", &Analysis::default()).is_empty());
    // No tokens: nothing to match against.
    assert!(r.recognize("China", &Analysis::default()).is_empty());
}

#[test]
fn labels_cover_the_main_types() {
    let labels: Vec<EntityLabel> = analyse(
        "Russian President Vladimir Putin spoke in Moscow on Monday about the Black Sea and NATO.",
    )
    .iter()
    .map(|e| e.label)
    .collect();
    for label in [
        EntityLabel::Norp,
        EntityLabel::Person,
        EntityLabel::Gpe,
        EntityLabel::Date,
        EntityLabel::Loc,
        EntityLabel::Org,
    ] {
        assert!(labels.contains(&label), "{label:?} missing from {labels:?}");
    }
}

proptest! {
    #[test]
    fn spans_are_ordered_disjoint_and_on_char_boundaries(text in "\\PC{0,200}") {
        let entities = analyse(&text);
        let mut end = 0;
        for e in &entities {
            prop_assert!(e.span.start >= end);
            prop_assert!(e.span.start < e.span.end);
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            end = e.span.end;
        }
    }

    #[test]
    fn name_like_text_never_panics(
        words in proptest::collection::vec(
            prop_oneof![
                Just("China"), Just("’s"), Just("Foreign"), Just("Ministry"), Just("of"),
                Just("President"), Just("Kyiv"), Just("region"), Just("Oct."), Just("5"),
                Just("2024"), Just("-"), Just("Mr."), Just("Lin"), Just("\n\n"), Just("."),
                Just("al-Sharaa"), Just("Russia-Ukraine"), Just("May"), Just("the"), Just("NATO"),
                Just("Smith"), Just("\u{2019}"), Just(","), Just("Oblast"),
            ],
            0..40,
        )
    ) {
        let text = words.join(" ");
        let _ = analyse(&text);
    }
}

#[test]
fn user_actors_are_recognized_with_their_ids() {
    let path = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/actors.toml"));
    let r = EntityRecognizer::shipped().with_user_actors(path).unwrap();
    let text = "Ambassador Zhu met the KHPG in Pokrovsk. Lin Jian said Zhu Qingqiao was right.";
    let mut analysis = Analysis::default();
    claimgraph_text::segment(text, &mut analysis);
    let found: Vec<String> = r
        .recognize(text, &analysis)
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {} | {}",
                e.span.text(text),
                e.label.as_str(),
                e.country.as_deref().unwrap_or("-"),
                e.actor.as_deref().unwrap_or("-")
            )
        })
        .collect();
    insta::assert_debug_snapshot!(found);
    let lin = r.actor("person:lin-jian").unwrap();
    assert_eq!(
        lin.affiliation.as_deref(),
        Some("Ministry of Foreign Affairs")
    );
    let err = EntityRecognizer::shipped()
        .with_user_actors(std::path::Path::new("/nonexistent.toml"))
        .unwrap_err();
    assert!(err.to_string().contains("/nonexistent.toml"));
}

#[test]
fn actor_ids_are_unique_and_well_formed() {
    let r = recognizer();
    let mut seen = std::collections::HashSet::new();
    for actor in r.actors() {
        assert!(seen.insert(actor.id.as_str()), "duplicate id {}", actor.id);
        let (kind, rest) = actor.id.split_once(':').unwrap();
        assert!(
            !kind.is_empty() && !rest.is_empty() && !rest.contains(' '),
            "{}",
            actor.id
        );
        assert_eq!(r.actor(&actor.id), Some(actor));
    }
    assert_eq!(r.lookup("NATO").unwrap().id, "org:nato");
    assert_eq!(r.lookup("Ukraine").unwrap().id, "country:UA");
}

#[test]
fn bare_years_are_dates_but_counts_are_not() {
    let dates: Vec<String> = show(
        "The 2008 election was held. About 1500 troops came, paid $2000 each, and 1999 saw more.",
    )
    .into_iter()
    .filter(|line| line.contains("| DATE |"))
    .collect();
    assert_eq!(
        dates,
        ["2008 | DATE | 2008 | - | -", "1999 | DATE | 1999 | - | -"]
    );
}

#[test]
fn words_learned_from_gum_name_organisations_and_events() {
    insta::assert_debug_snapshot!(show(
        "Maria Okafor addressed National Voters before the Winter Paralympics, in a clip posted \
         on YouTube. Kelmar Magazine reported that the small party Democratic Renewal had split over \
         its leadership."
    ));
}

#[test]
fn armed_groups_parties_and_companies_are_organisations() {
    let r = recognizer();
    for (alias, name, country) in [
        (
            "Tamil Tigers",
            "Liberation Tigers of Tamil Eelam",
            Some("Sri Lanka"),
        ),
        ("PKK", "Kurdistan Workers' Party", Some("Turkey")),
        ("Interpol", "Interpol", None),
        ("Aramco", "Saudi Aramco", Some("Saudi Arabia")),
    ] {
        let actor = r.lookup(alias).unwrap();
        assert_eq!(actor.kind, ActorKind::Organization, "{alias}");
        assert_eq!(actor.name, name);
        assert_eq!(actor.country.as_deref(), country, "{alias}");
    }
}

#[test]
fn town_names_as_surnames() {
    insta::assert_debug_snapshot!(show(
        "Opposition leader Harriet Lincoln met Mr Preston in Leeds. Lincoln said the talks went \
         well, and the Liberal Democrats and Labour agreed."
    ));
}

#[test]
fn a_first_sentence_of_names_is_not_a_headline() {
    insta::assert_debug_snapshot!(show(
        "Tony Blair met Ms Lind on Monday in London.\nThey talked about trade."
    ));
}

#[test]
fn org_names_with_and_possessives_and_business_heads() {
    insta::assert_debug_snapshot!(show(
        "The Securities and Exchange Commission said the Food and Drug Administration agreed. \
         The Bureau of Alcohol, Tobacco and Firearms declined to comment. Alzheimer's Research \
         UK said funding fell. The San Jose-based company said sales rose, and a Leeds-born \
         artist agreed. Heliotrope Semiconductor said prices rose. Sky Sports reported the \
         deal, as did Corvane Bancorp and Tessaly Airways."
    ));
}

#[test]
fn other_people_sharing_a_leaders_surname() {
    insta::assert_debug_snapshot!(show(
        "Club chairman Peter Vance said the vote was fair. Mary Trump wrote a book. Donald Trump \
         said it was false, and President Trump repeated it. Trump said so twice. Vance agreed."
    ));
}

#[test]
fn a_person_of_an_organisation_is_two_entities() {
    insta::assert_debug_snapshot!(show(
        "Marcus Webb of Redfield Capital warned of losses. The Bank of England and the \
         University of Michigan disagreed."
    ));
}

#[test]
fn ministries_keep_their_whole_name() {
    insta::assert_debug_snapshot!(show(
        "Officials at the Ministry of Foreign Affairs met the High Court Judge. Veloria's Ministry \
         of Maritime Affairs said the Kessel Port Authority had agreed."
    ));
}

#[test]
fn short_forms_of_organisations_and_names_with_places_and_titles() {
    insta::assert_debug_snapshot!(show(
        "Tech news\n\nNimbus Technologies unveiled a laptop on Monday. Nimbus said sales would rise. \
         Acme Corp shares fell. Dr. Lara Johnson and Georgia Lee spoke. Bank of England governor \
         Mervyn King said rates would stay on hold."
    ));
}

#[test]
fn brands_and_bodies_joined_by_and() {
    insta::assert_debug_snapshot!(show(
        "The U.S. Securities and Exchange Commission sued CoinVault and PayPal on Monday. \
         McDonald and DiCaprio were not named."
    ));
}

#[test]
fn surname_first_names_link_their_family_name() {
    insta::assert_debug_snapshot!(show(
        "Finance Minister Wang Bingqian said the deficit would shrink. Wang added that prices \
         were stable. Dr Lee Park disagreed, and Park said so."
    ));
}
