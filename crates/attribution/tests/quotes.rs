//! Snapshot tests: every kind of quote news uses, on short texts written for these tests.

use claimgraph_attribution::Attributor;
use claimgraph_core::Analysis;
use claimgraph_entities::EntityRecognizer;
use serde::Serialize;

#[derive(Serialize)]
struct Seen {
    kind: String,
    stance: &'static str,
    cue: Option<String>,
    sources: Vec<String>,
    speaker: Option<String>,
    contents: Vec<String>,
    /// Shown only when set, so snapshots of plain reports stay as they were.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    negated: bool,
}

fn attribute(text: &str) -> Vec<Seen> {
    let mut analysis = Analysis::default();
    claimgraph_text::segment(text, &mut analysis);
    analysis.entities = EntityRecognizer::shipped().recognize(text, &analysis);
    // The rules' findings, before the confidence model (tested in the crate) drops any: a
    // retrained model must not churn these snapshots.
    Attributor::shipped()
        .with_scorer(None)
        .attribute(text, &analysis)
        .into_iter()
        .map(|q| Seen {
            kind: format!("{:?}", q.kind),
            stance: q.stance.as_str(),
            cue: q.cue.map(|c| c.text(text).to_string()),
            sources: q.sources.iter().map(|s| s.text(text).to_string()).collect(),
            speaker: q.speaker.map(|s| {
                let mut out = s.name;
                if let Some(role) = s.role {
                    out.push_str(&format!(" [{role}]"));
                }
                if let Some(affiliation) = s.affiliation {
                    out.push_str(&format!(" ({affiliation})"));
                }
                out
            }),
            contents: q
                .contents
                .iter()
                .map(|c| c.text(text).to_string())
                .collect(),
            negated: q.negated,
        })
        .collect()
}

#[test]
fn said_that_indirect_speech() {
    let text = "Mayor Ana Ortiz said that the new bridge would open in May.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn curly_direct_quote_with_postposed_speaker() {
    let text = "“The river has never been this low,” the farmer said.\n“We cannot wait for rain,” said Ortiz.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn straight_quotes_and_split_quote() {
    let text = "\"We will rebuild,\" Ortiz said, \"and we will do it together.\"";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn guillemets_and_german_marks() {
    let text =
        "«We will stay», the minister said.\nThe minister said „the talks failed“ on Monday.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn partial_quote_inside_reported_speech() {
    let text =
        "Ortiz stated that the delays were \"entirely avoidable\" and blamed the contractor.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn according_to_both_orders() {
    let text = "According to the harbour authority, two ships ran aground.\nThe port will reopen on Friday, according to officials.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn colon_then_quoted_paragraph() {
    let text = "Finance Minister Tomas Reyes told reporters:\n“The budget is balanced for the first time in a decade.”";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn quote_over_several_paragraphs() {
    let text = "Reyes said:\n“We inherited a deficit.\n“We closed it without raising taxes.”\nThe opposition disagreed.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn floating_quote_takes_previous_speaker() {
    let text = "Reyes defended the plan on Tuesday, saying it was fair.\nReyes said the plan was fair.\n“Nobody will pay more.”";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn headline_quote_with_dash() {
    let text = "“We Will Not Back Down” – Reyes\nThe minister spoke in the capital.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn pronoun_resolves_to_earlier_person() {
    let text = "Senator Maria Lopez criticised the deal.\nLopez said the vote was rushed. She added that she would appeal.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn denial_and_shared_subject() {
    let text =
        "The ministry acknowledged that talks took place but denied that any deal was signed.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn stance_from_cue() {
    let text = "The agency warned that prices would rise.\nActivists urged the council to act.\nThe company confirmed the layoffs.\nCritics accused the mayor of lying.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn called_something_disturbing_is_concern() {
    let text = "The embassy called the arrests “deeply troubling,” and asked for access.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn beliefs_and_findings() {
    let text = "Officials believe the fire was set deliberately.\nA new poll shows that most voters back the plan.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn determiner_makes_cue_a_noun() {
    let text = "The claims were never tested in court.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn parenthetical_attribution_wraps_the_report() {
    let text = "The harbour, the mayor said, will reopen before winter.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn gerund_report_takes_the_sentence_subject() {
    let text = "The union walked out on Monday, saying the offer was an insult.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn subject_with_relative_clause() {
    let text = "Ortiz, who has led the port for a decade, said the delays were avoidable.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn name_colon_quote_and_transcript_lines() {
    let text = "The result did not surprise analyst Lena Vos: “Turnout decides everything.”\nHOST: Do you expect a recount? Many people do.\nVOS: No. The margin is too wide.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn wire_story_speakers_time_phrases_and_according_to() {
    let text = "Russia's Defence Ministry on Tuesday denied that its forces had struck a power plant, calling the accusations \"a provocation\".\nUkrainian officials said at least 14 civilians were killed. \"This was a deliberate strike,\" Interior Minister Ihor Klymenko wrote.\nThe agency warned that fighting posed \"serious risks\", according to a statement released in Vienna.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn pronoun_prefers_a_person_named_after_the_last_speaker() {
    let text = "Spokesman Tomas Reller warned that the port would not accept threats and urged talks.\nThe union's chairwoman, Lena Osk, was blunter. She said the strike would go on.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn cues_only_the_learned_tagger_knows() {
    // "touted" and "are confident" are in no lexicon list; the tagger proposes them in context.
    let text = "The mayor touted the new bus lanes as a success for commuters.\n\
                Local officials are confident the bridge will reopen in May.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn relative_pronoun_is_the_source() {
    let text = "Mayor Ana Ortiz, who said the bridge would open in May, has not set a date.\n\
                The plan angered drivers who say the tolls are too high.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn progressive_and_participle_cues() {
    let text = "Senator Tom Reyes is calling for a new vote on the budget.\n\
                Lopez said that the bridge is “the best in the state,” adding that it would open soon.\n\
                The council defended the plan by saying it would cut traffic.\n\
                The union walked out, with its leader Ann Cole calling the deal a betrayal.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn quote_before_a_source_with_appositive() {
    let text = "“We have to move on,” the economist Jo Park, a former adviser to the governor, wrote on his blog.\n\
                ''I told him, 'The law is clear,''' Park recalled.\n\
                “Nobody listened,” he continued.\n\
                “It is a fair deal,” Ruth Diaz, 61, told the radio station on Monday, when the vote was held.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn asked_question_is_its_own_attribution() {
    let text = "Asked whether the dam would hold, most farmers said yes.\n\
                “We will see,” Mayor Lena Brook said when asked about the flood barriers.\n\
                Asked on local radio who would pay, she said the county.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn content_before_a_named_addressee_and_a_bare_day() {
    let text = "The school will reopen next week, a district spokesman told The Valley Herald.\n\
                The governor said Tuesday her budget would cut school fees.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn nominal_cues_with_possessive_holders() {
    let text = "Senator Ruth Ames renewed her criticism of the water plan on Friday.\n\
                The mayor repeated his claim that the budget was balanced.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn sources_set_off_by_dashes_and_quoted_titles() {
    let text = "Tom Hale — a baker from Dover — says the new rules came too late.\n\
                Sunday on the program “Morning Desk,” Governor Ann Lee said the roads would be fixed by June.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn passive_report_has_its_source_after_by() {
    let text = "The closure of the harbour was first reported by the Valley Herald.\n\
                The new ferry schedule has been criticised by commuters and union officials.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn subject_with_appositive_reports_its_object() {
    let text = "Ortiz, a former harbour pilot, criticised the port budget last week.\n\
                The mayor defended the budget, referring to the new ferry.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn quote_continues_in_the_next_paragraph_and_around_the_speaker() {
    let text = "“We are not done,” Reyes continued.\n\
                “The port needs a second crane and a new pier.”\n\
                “Only the council,” Reyes said, could approve the money.\n\
                The plan was never tested, Reyes noted; the engineers had skipped the trials.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn source_after_a_parenthetical_or_an_opening_phrase() {
    let text = "Lena Osk, in a statement released by the union on Friday, said the strike would go on.\n\
                But a day later, Reyes changed course, telling reporters the port would stay open.\n\
                Promising that the port would reopen, the mayor said the repairs were on schedule.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn which_clause_reports_for_its_antecedent() {
    let text = "The harbour board, which warned that the pier was unsafe, has closed it.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn adjuncts_and_dashes_after_the_speaker() {
    let text = "The ferries are “simply too old,” Ortiz said from her office in Dover.\n\
                The port is safe, Reyes said Tuesday in Dover, noting that inspectors had approved it.\n\
                “It is a fair deal,” Ortiz said - and urged the council to approve it.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn according_to_in_the_middle_wraps_the_report() {
    let text = "Since last spring, according to the harbour authority, two ships have run aground.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn appositive_after_an_inverted_speaker_is_not_more_of_the_quote() {
    let text =
        "“The river has never been this high,” said Marta Lind, the harbour master, who added \
                that the quay would stay closed.\n\
                “Prices will rise,” she said, the board will meet on Friday.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn verbs_in_a_series_share_the_subject() {
    let text = "The mayor praised the new ferry, called the old one “a disgrace” and promised \
                cheaper tickets.\n\
                It was announced that the quay would close in March.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_company_is_the_organisation_named_before() {
    let text = "Norvale Systems said profits rose by a third.\nThe company said it would hire 200 engineers.\nThe previously announced cuts took effect in May.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn editorial_labels_are_not_speakers() {
    let text =
        "Revenue rose 4% to 12 mln dlrs.\n\nNOTE: Results include a one-time gain of two mln dlrs.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn pronouns_agree_in_gender_with_their_antecedent() {
    let text = "Mrs Okafor met Governor Daniel Reyes in the capital on Monday.\nShe said the talks had gone well. He said nothing.\nHis statement followed a week of protests.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn names_are_not_cues_and_it_is_an_organisation() {
    let text = "Finance Minister Sue Harlow said the budget was fair.\nShares in drugmaker Corvane fell 9% after it said a trial had failed.\n“The data were disappointing,” said Ian Marsh at Tallow Stockbrokers in Leeds.\nAnalysts said the shares would recover. It said nothing more.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn people_named_in_a_report_are_not_its_speakers() {
    let text = "Coach Ellen Marsh confirmed that striker Danny Reeves would miss the game. She said the club would appeal.\nPress secretary Karen Doyle said Governor Paul Hines was disappointed. “The door is open,” she said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn appositive_roles_after_the_name() {
    let text = "“Every hour matters,” said Jonas Ekberg, a spokesperson for the Norvale Relief Agency.\n“My house is gone,” said Anna Berg, 54, who was evacuated with her children.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn stance_from_reported_states_and_threats() {
    let text = "The agency said it was “deeply alarmed” by the reports.\nThe rebels vowed to retaliate.\nThe mayor did not respond to requests for comment.\nCharity boss lied to trustees, court told";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn negated_reports_are_marked() {
    let text = "The minister did not say whether troops would be withdrawn.\nPolice don't believe the fire was arson.\nThe mayor has never claimed the plan was cheap.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn datelines_adjuncts_and_participle_phrases_stay_out() {
    let text = "HARWICK — A man was stabbed outside a pub on Friday, police said.\n“He has no shame,” Caldwell said, to jeers from the opposition benches.\nIn a statement posted on its website, the embassy said the move was “a provocation.”\nLocal media, citing security sources, said the case involved Norland.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn stance_from_a_performative_opening_and_going_on() {
    let text = "“I would urge anyone who saw the attack to come forward,” she said.\nHe went on: “We will not give up.”\nThe talks went on for hours.\n“We deny any involvement,” the ministry said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn epithets_roles_before_commas_and_new_spokespeople() {
    let text = "Rovers manager Paolo Ferrante said talks were advanced. The Italian added that he expected a deal soon.\nCorvane's chief executive, Alicia Brandt, said screens were a gimmick. The 52-year-old said sales would recover.\nThe group's spokesman, Derek Holt, said the school was full. A company spokeswoman said the firm had listened.\nThe barrister, Priya Ramanathan, asked the judge to consider a shorter term.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_company_is_the_one_quoted_not_an_analysts_employer() {
    let text = "Veltrix said revenue would fall. Tom Adeyemi of Crestline Securities said he still rated the shares a buy. The company did not comment on reports that it was in talks to buy a rival.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_contrasting_report_ends_the_content_before_it() {
    let text =
        "The treasurer said rents would ease next year, but two landlords' groups warned that \
                costs were still climbing; the regulator declined to say when it would act.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn calling_a_claim_false_is_a_denial() {
    let text = "The ministry said the reports were completely baseless. A spokesman said the figures \
                were not false. \"These claims are fabricated,\" the embassy said. Police said there \
                was no truth in the rumours. The Kremlin called the accusations \"a monstrous lie\".";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn quote_continued_in_a_paragraph_joined_with_a_space() {
    // Archives that flatten paragraphs keep the mark that reopens a continued quote.
    let text = "A spokesman for the fans said: \"We see no difference in this offer. \"He is not \
                bringing any money into the club.\" The club declined to comment.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn trailing_speakers_with_adjuncts_and_anonymous_sources() {
    let text = "The outbreak is under control, a WHO official said.\n\n\
                A decision is expected early next year, two people familiar with the matter said.\n\n\
                More than 3,900 people were injured, spokesman Zaw Min Tun said in a televised statement.\n\n\
                The toll has risen to 2,056, the government said on Sunday, up from 1,644.\n\n\
                LONDON, Feb 12 (Reuters) - Northwind said profits rose.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn passive_subjects_are_spoken_to_or_about_never_the_speaker() {
    let text = "Morrison was accused of lying to investigators. Residents were warned that the \
                river could burst its banks. \"I am afraid,\" Jean-Michel Lemetayer, from the \
                farmers' union, told the Associated Press. Kessler has pleaded not guilty.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_place_before_the_company_noun_keeps_the_company() {
    let text =
        "Acme Corp reported a loss on Monday. The U.S. company, which has already been fined \
                under EU privacy rules, added that it would appeal.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn team_roles_place_given_names_and_names_after_a_role() {
    let text =
        "Vaccines and football\n\nHealth officials met on Monday. Dr. Lara Johnson said the \
                vaccine was safe. Georgia Lee, a nurse, agreed.\n\n\
                Liverpool manager Arne Slot said the team was tired. General secretary Brendan \
                Barber said the strike would go ahead.\n\n\
                \"It is,\" said the chancellor, Rachel Reeves, \"a difficult budget.\"";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn denials_of_an_earlier_claim_and_subjects_before_irregular_verbs() {
    let text = "Story\n\nThe Kremlin rejected the accusations. A Saudi official denied that.\n\n\
                The pair spent four days in a hospital, claiming they had been injured by police.\n\n\
                Currently, an entire project can take up to three months, says Mr Dean.\n\n\
                Anyone with information is asked to contact police.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn capitalised_words_inside_a_name_are_not_cues() {
    let text = "Sport\n\nIreland are going for their first Grand Slam since 1948, the coach said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn discourse_adverbs_countries_as_modifiers_and_title_surnames() {
    let text = "Markets\n\nHowever, Hawkeye, with assets of 10 mln dlrs, said it expects profits to rise.\n\n\
                A senior U.S. official yesterday dismissed the report.\n\n\
                Lawyers for Mr Fawcett and Mr McDonald denied the charges.\n\n\
                Bank of England governor Mervyn King said rates would stay on hold.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn subjects_with_relative_clauses_pronouns_and_addressees() {
    let text = "Business\n\nA regional manager who worked for Brookhaven until 2023 said the plant was unsafe.\n\n\
                On Friday he said he was satisfied.\n\n\
                IDC analyst Ryan Reith was more sceptical, noting that sales had slowed.\n\n\
                The former director was charged on 14 counts of fraud. The director denied this.\n\n\
                Linda Parr told the council her street had not been repaved.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn players_by_position_and_holders_of_a_stated_role() {
    let text =
        "Football\n\nNewcastle manager Eddie Howe was furious. Kieran Trippier scored twice. \
                \"The noise was unbelievable,\" the England full-back said.\n\n\
                \"We deserved more,\" the Newcastle manager added.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn interview_transcripts_and_gerunds_that_open_a_quote() {
    let text = "Interview: the envoy speaks\n\nAmina Rahman is the UN envoy to the region.\n\n\
                Q: What is the situation on the ground?\n\n\
                Rahman: It is very difficult. Thousands of families have no shelter.\n\n\
                Q: Will the talks resume?\n\nA: Not this month.\n\n\
                Speaking last night, Chirac set out the French position saying: \"Any agreement must \
                protect farmers.\"\n\nOaten has branded the ID scheme a waste of money.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn adverbs_between_the_source_and_its_verb() {
    let text =
        "Cars\n\nFor years, Saab has consistently said it is competing with BMW. He has publicly \
                denied suggestions that the brand is for sale.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn names_before_a_head_noun_and_described_people() {
    let text = "Campaign\n\nKamala Harris spoke in Ohio. The Harris campaign says it has opened more \
                than 50 field offices. \"He is going to be who he is,\" one Trump adviser said. Two \
                senior GOP aides told Politico the bill was dead.\n\n\
                The company's head of hardware, Marco Bellini, said the device was ready. A resident \
                of Mandalay said the town was flattened. Mayor Jane Doe said roads were closed. Winds \
                are rising, according to the National Hurricane Center.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn us_politics_epithets_polls_and_some_holders() {
    let text = "Court\n\nJustice Sonia Sotomayor wrote a dissent. Justice Jackson, in a separate \
                dissent, wrote that the ruling was wrong.\n\n\
                A Marist poll released Tuesday found that 52 percent of voters back the plan.\n\n\
                Sen. John Kennedy criticised the bill. The Louisiana Republican told reporters it \
                would fail.\n\nSome Republicans fear the party will be blamed for the shutdown.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn estimates_that_put_a_figure_at() {
    let text =
        "Story\n\nOfficials said at least 23 farmers had died. Activists put the figure at 40. \
         Republicans believe the border issue helps them, while Democrats are betting that abortion \
         will drive turnout.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn epithets_with_states_ages_and_appositives() {
    let text = "Politics\n\nJD Vance spoke first. The Ohio senator, a Yale-educated lawyer, said \
                inflation was the issue.\n\nSenate Minority Leader Mitch McConnell, R-Ky., struck a \
                similar note. The Kentucky Republican said a shutdown is always a loser.\n\n\
                Kofi Mbeki, 19, came on late. He met Kieran Trippier's corner. \"It was great,\" the \
                19-year-old said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn world_news_datelines_representatives_and_addressees() {
    let text = "WASHINGTON - The US Justice Department on Thursday sued Apple, accusing the company \
                of illegally monopolising the smartphone market.\n\n\
                Kimani Ichung'wah spoke in Nairobi. \"We cannot continue borrowing,\" the Kikuyu MP \
                told journalists.\n\n\
                His lawyer, Paul Greene, told Reuters the concentration detected was \"extraordinarily \
                low\" and posed no risk.\n\n\
                \"The market had priced in a cut,\" said Lindsey Bell, chief strategist at Clearnomics. \
                \"I'd expect a rally.\"";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn wire_tickers_prices_and_traders() {
    let text = "Markets\n\nAjinomoto Co Inc <AJIN.T> said it will sign a deal. <Magellan Corp> said \
                profits rose. Texaco declined 3-1/8 to close at 28-1/2. One Bombay trader said prices \
                were firm.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_participle_phrase_inside_the_source() {
    let text =
        "Story\n\nThe Home Office acted on Monday. A letter sent to Martin Mubanga said his \
                British passport would not be issued.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn fallback_reads_cues_the_rules_cannot() {
    let text =
        "Story\n\nThe newspaper claims the levy is a tax on jobs. Mr. Okafor's decision not \
                to stand again surprised his party. Meanwhile, the union is hoping the talks will \
                resume. Plans to close the library have been condemned by residents.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn clauses_that_bound_a_report() {
    let text =
        "Story\n\nAs Karadsheh spoke about how the consulate was looted, video showed fighters \
                in the street. Victory is vital, he said after meeting party leaders, because the \
                race is close. The bank said that, assuming rates hold, profit would fall 5%. More \
                than half of women preferred Clinton while about 6 in 10 men supported Sanders.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn sources_with_possessives_roles_and_places() {
    let text =
        "Story\n\nPaul Begala, an adviser to Clinton and a friend of the couple's, said the \
                president was strong. Voltera created the tool to help in a crisis, a spokeswoman, \
                Anna White, said on Saturday, and it has been used five times. Some brokers here \
                said the market was weak. In his remarks to the panel, Smith stressed that rates \
                would rise. The dollar, which added two cents this week, hit a high.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn follow_on_quotes_and_subject_antecedents() {
    let text = "Story\n\nAna Ruiz, head of design at Volta, said the team was hiring. \"We want \
                bigger worlds. We want richer stories.\"\n\nCoach Tom Hart praised Jake Miller \
                after the game. Hart thanked Miller. He said the team had played well.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn findings_with_trailing_sources_and_this() {
    let text = "Story\n\nPrices rose in February, new reports show. Rents fell, a study by the \
                housing council found. The union will sit out the vote, its director Phil Smith \
                told Reuters on Monday. Economists believe this provides an incentive.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn sources_after_a_closed_quote_and_joined_speakers() {
    let text = "Story\n\n“We will find the emails.” Trump said. “We never lost them.” He said \
                the server was safe.\n\nIt is not only about big audiences, he and Mr. Allen \
                said. Pate gave nothing, election records compiled by the commission show.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_company_is_no_regulator_and_dashes_hold_a_parenthesis() {
    let text = "Story\n\nThe U.S. Securities and Exchange Commission sued CoinVault on Monday. \
                \"We will fight these baseless claims,\" the company said.\n\nMaria Lenz - who \
                has led the union since 2019 - denied the claims. He faces fraud charges, which \
                he denies. Exports will shrink next year, the agency said without elaborating.\n\n\
                Minister Paul Ruiz spoke at a forum chaired by council leader Mark Bell. He said \
                waiting lists would fall.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn participle_asides_openers_and_plural_sources_with_places() {
    let text = "Story\n\nFormer Arsenal captain Tony Adams, working as a pundit for the BBC, said \
                the title race was wide open. Writing for the majority, Justice Marsh said the \
                state had offered no evidence. Traders on social media reported delays.\n\nNate \
                Ambler, who runs the firm Ambler Analytics, noted that turnout was low. \"People \
                like to tell pollsters they'll vote,\" he said. Moscow denied responsibility.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn closing_appositives_belong_to_an_inverted_source() {
    let text =
        "Story\n\n“We will win,” said Rudy Giuliani, the former Republican mayor of New York. \
                The party is united, said Brad Komar, Clinton's Colorado state director. “It is \
                over,” said Ed Rendell, a former governor who is close to the Clintons, adding \
                that the race was lost.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_speakers_side_denying_an_act_is_a_denial() {
    let text =
        "Story\n\nThe ministry said it had never sent troops to the region. Peskov said its \
                forces do not target civilian infrastructure. He said he did not know when the \
                talks would resume. She said she would not run again. They said they have not \
                decided yet. He said the economy was not growing.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn no_quote_in_events_and_noun_phrases() {
    let text =
        "Story\n\nTalks aimed at averting national strikes have ended without agreement. The \
                firm filed for bankruptcy in Houston. A tablet that folds in half has gone on \
                sale. The dollar, which added two cents this week, hit a high.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_company_is_the_one_quoted_after_a_company_abbreviation() {
    let text = "Story\n\nNorthgate Inc said it filed a merger plan with Ferris Hotel Corp. Ferris \
                will get a fee, the company said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn quoted_titles_and_sources_before_a_contrast() {
    let text = "Story\n\n“Orange Is the New Black” star Dascha Polanco opened up about her \
                insecurities. Clinton leads Sanders by 271 delegates according to a count by The \
                Associated Press, but Sanders has vowed to fight on.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_time_phrase_between_subject_and_verb() {
    let text = "Story\n\nReince Priebus, the party chairman, this past week announced that the \
                debate would go ahead. The company earlier this year said it would cut jobs.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn roles_and_employers_in_appositives() {
    let text =
        "Story\n\nMaria Lopez, general counsel at Brightwater Foods, said the deal was fair. \
                Tom Reed, a Denver-based buyer for Alpine Metals, said prices were firm. Jim Hart, \
                general manager of the club, said the coach would stay.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn withheld_names_comments_and_ages_before_relative_clauses() {
    let text =
        "Story\n\nMary Jones, 67, who lives on the street, said the noise was unbearable. A \
                source, who declined to be named, told reporters that the talks had collapsed. A \
                neighbour who did not want to be identified claimed the driver had been speeding. \
                The bank declined to comment.\n\n\"The numbers look good,\" said Marte Evensen, an \
                analyst at DNB Markets. But she warned that the order book remained weak.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn threats_warn_and_calling_someone_a_liar_accuses() {
    let text = "Story\n\n“Any incursion will be met with force,” the minister said. Opposition MP \
                Kwame Mensah said the budget was \"a fraud on the public\". Smith said the \
                minister had lied to parliament. She said the team was responsible for its own \
                training. He said the fraud was discovered in May.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_possessive_role_works_for_the_organisation_before() {
    let text =
        "Story\n\nThe Royal College of Nursing called for more funding. Its chief executive \
                said wards were unsafe.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_connective_before_a_wrapped_attribution_is_no_content() {
    let text = "Story\n\nStill, Mr. Okafor acknowledged, \"we will need some big wins.\" However, \
                the minister said, the plan would go ahead. In the long run, he added, the party \
                will recover.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn two_apostrophes_quote_as_archives_write_them() {
    let text = "Story\n\n''There is no doubt that he is a very bright man,'' the Russian leader \
                said. ''It is not our business.''\n\nShe called it ''a 'rigged' vote.''";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_dateline_before_a_subject_with_its_appositive() {
    let text = "Story\n\nSAN FRANCISCO — Lumora, the photo-editing startup valued at about $3.4 \
                billion, said on Thursday that it would pause the feature.\n\nLONDON (Reuters) - \
                Barclays, Britain's second-biggest lender, said profits rose.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn manner_and_place_before_that_are_no_content() {
    let text = "Story\n\nMaria Lopez said outside court that she had lost everything. Party \
                strategists said privately that losing Ohio would be fatal. He argued for years \
                that the tax was unfair. The judge told jurors they should expect a long \
                deliberation. The agency refused to punish schools that violate the rules.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_writers_asides_after_a_report_are_no_content() {
    let text = "Story\n\nThe army denied targeting civilians, despite reports by rights groups \
                documenting strikes on markets. Halvorsen said it would cut 2,000 jobs, as it \
                reported quarterly profit well ahead of expectations. The company said some \
                plants would close but declined to say how many jobs could be cut. The minister \
                said the scheme was working, despite figures showing hotel use rose.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_name_set_off_after_a_nominal_source_is_the_speaker() {
    let text = "Story\n\nAnother analyst, Tom Gallagher of Jefferies, was more upbeat, saying the \
                deal made sense. The protest was peaceful, according to the Jakarta police chief, \
                Inspector General Karyoto.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn what_a_quotation_says_can_deny_or_ask() {
    let text =
        "Story\n\n\"We categorically deny any involvement,\" said Ali Youssef, a spokesman. \
                \"That's simply not true,\" he said. The minister said the remarks had been taken \
                out of context. \"Are you asking this jury to believe that?\" the prosecutor \
                continued. \"We will rebuild. Why would we leave?\" she said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn schedules_admissions_withdrawals_and_displays_are_no_reports() {
    let text = "Story\n\nChad recalled its ambassador on Monday. The deal is expected to close in \
                March. Amina Hussain, whose son was admitted to hospital in May, said she had \
                tried for weeks to get an appointment. The jury was shown a series of emails. \
                Difficulty booking appointments was cited by parents more often than cost. The \
                outbreak prompted renewed calls for parents to vaccinate their children.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn collective_nouns_and_unnamed_insiders() {
    let text =
        "Story\n\nBEIRUT — Hezbollah denied firing the rocket. In a statement, the group said \
                it had \"no connection\" to the attack. The Millbrook Police Patrolmen's \
                Association opposed the cap. The union said 11 officers had left. A senior \
                Pentagon official said troops would stay. The study, which analyzed 40 years of \
                data from Norway, Iceland and Canada, found that cod stocks were shrinking.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn the_accused_joined_reports_names_with_of_and_absolute_phrases() {
    let text =
        "Story\n\nA former fund manager accused of defrauding investors told a jury that he \
                had been misled. More than 60,000 Israelis remain displaced, according to \
                government figures, and about 90,000 people have fled southern Lebanon, the \
                International Organization for Migration said. The Bank of England held rates on \
                Thursday, saying that inflation remained too high. \"You get maybe thirty \
                seconds,\" he said one gray morning, one hand resting on the throttle.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn inverted_readings_need_a_clause_before_the_cue() {
    let text = "Story\n\nOn Saturday, Senator Bernie Sanders of Vermont, a Democratic rival, \
                assailed her for supporting the war. A six-year trend of declining deficits will \
                end this year, the Congressional Budget Office reported on Tuesday -- a \
                development that raises new questions. After the news spread, she posted a \
                message about what he did: \"Men, you will not cease to exist,\" she wrote.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_quotation_after_a_framing_report_carries_its_stance() {
    let text = "Story\n\nRep. Chip Roy accused party leaders of caving. \"We were promised real \
                spending cuts,\" Roy said. Hezbollah denied firing the rocket. \"We have no \
                connection to this attack,\" the group said. Ms. Adeyemi praised the decision. \
                \"This is a great day,\" she said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_lawyer_telling_an_agency_and_a_coach_for_a_manager() {
    let text = "Story\n\nThe man denies the allegations, his lawyer told the dpa news agency. \
                Everton manager Graham Hartley confirmed that talks were under way. \"Jonah is not \
                for sale,\" the coach said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn companies_banks_and_their_possessives() {
    let text = "Story\n\nU.S. crude stockpiles fell, the Energy Information Administration said. \
                Goldman Sachs kept its forecast for Brent, saying in a note that it expected a \
                deficit. The bank acknowledged that its forecast was vulnerable. The Bank of \
                England held rates. The bank said inflation was falling.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn datelines_counts_and_times_are_no_reports() {
    let text = "Story\n\nBHOPAL: With less than two weeks to go before voting, the parties have \
                sharpened their attacks.\n\nSenior Congress leader Kamal Nath hit back within \
                hours. Margaret Hollis, 58, was convicted in September of four counts of wilful \
                neglect.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn pronouns_skip_people_in_a_speakers_description() {
    let text = "Story\n\nRep. Matt Gaetz of Florida, who led the effort to oust Johnson's \
                predecessor, Kevin McCarthy, denied that he was plotting a similar move. \"That's \
                not happening,\" he said.\n\nA council spokesperson acknowledged that mistakes \
                were made. A former care worker at the home told the BBC she had raised \
                concerns.\n\n\"I rang them three times,\" she said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_source_with_a_participle_phrase_after_a_quotation() {
    let text = "Story\n\n\"We see upside risks to prices,\" Goldman analysts led by Daan Struyven \
                wrote.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_second_report_joined_by_as_in_a_headline() {
    let text = "B.C. premier defends rent cap as opposition demands housing audit\n\nThe premier \
                spoke on Monday.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn agencies_acronyms_particles_questions_and_passives() {
    let text =
        "Story\n\nAccording to UNICEF, at least 12 cases have been confirmed. The agency said \
                it was shipping tablets. The United Nations Office for the Coordination of \
                Humanitarian Affairs (OCHA) said 600,000 people needed help. Helen Marsh, chief \
                executive of Aldrin Pharmaceuticals, pushed back. \"Do we really want to punish \
                Scottish distillers?\" he asked. The Mapleton Education Association said it had \
                not been consulted.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_quotation_that_demands_urges() {
    let text =
        "Story\n\n\"Please listen to emergency services and do not wait,\" the commissioner \
                said. \"We must act now,\" she said. \"I do not think we need to cut,\" he said. \
                \"Prices should fall next year,\" an analyst said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn saying_there_is_no_such_thing_denies_it() {
    let text =
        "Story\n\n\"There is no side agreement,\" spokeswoman Kang Yu-jung said. \"There's no \
                evidence of that,\" she added. \"There is no time to lose,\" the mayor said.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_day_and_its_part_before_that() {
    let text = "Story\n\nThe city said on Monday evening that supply had been partly restored.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn people_named_like_countries_and_brands_in_appositives() {
    let text =
        "Story\n\nJordan Ellis, a 29-year-old from Ohio, said he skipped doses. Her sponsor, \
                the sportswear brand Adidas, said it had suspended its contract.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn an_earnings_call_and_a_race_called_are_no_reports() {
    let text =
        "Story\n\nAsked on an earnings call whether more layoffs were coming, Raman said the \
                company had no plans. Earlier in the evening, before the race was called, \
                Whitaker's campaign had raised concerns about long lines.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn according_to_a_name_with_commas() {
    let text =
        "Story\n\nAccording to Japan's Ministry of Economy, Trade and Industry, bilateral trade \
                reached $70 billion. According to police, Smith was arrested on Monday.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn places_describing_people_agencies_filing_and_headline_subjects() {
    let text = "Whistleblower says firm hid risks\n\nA Nashville songwriter has sued Velvet \
                Records, alleging that the label cut her out of royalties. Kessler said it did not \
                rule out a recall.\n\nNEW YORK (AP) — The league imposed a rule. The union said the \
                rule amounted to a salary cap. The company said the allegations were \
                \"baseless.\"";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn worries_and_unlawful_acts_in_what_was_said() {
    let text = "Story\n\n\"What worries us most is the next week,\" Pang said. \"The strike is \
                illegal,\" the minister said. The union said it had nothing to hide.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_speaker_inside_anothers_report_is_no_antecedent() {
    let text =
        "Story\n\nTaiwan's Ministry of National Defense said 45 aircraft crossed the median \
                line, an unofficial buffer that Beijing does not recognise. It described the \
                activity as \"provocative.\"";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn a_given_name_after_a_relation_is_the_speaker() {
    let text =
        "Story\n\nDarnell's younger sister, Tanya, posted a photograph on Instagram. \"They \
                took my big brother,\" she wrote.";
    insta::assert_json_snapshot!(attribute(text));
}

#[test]
fn narration_about_the_speaker_between_quotations() {
    let text =
        "Story\n\n\"Tonight is not a victory for one party,\" she said, her voice hoarse after \
                a long day. \"It is a victory for all of us.\" \"We will not negotiate,\" Iguodala \
                said at a news conference, flanked by players. \"The league is making record \
                money.\" Overall, she said, her party had done well.";
    insta::assert_json_snapshot!(attribute(text));
}
