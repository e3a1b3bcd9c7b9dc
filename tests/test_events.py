"""The dependency extractor on sentences written for these tests: each checks one piece of linguistics."""

import pytest

from conftest import dyads, extract_text


def test_subject_verb_object(pipeline):
    events = extract_text(pipeline, "Turkey accused Sweden of harbouring militants.")
    assert ("TUR", "11", "SWE") in dyads(events)
    (event,) = [e for e in events if e.source.id == "TUR"]
    assert event.verb == "accuse" and event.event_type.plover == "ACCUSE" and event.event_type.quad_class == 3
    assert event.mode == "asserted" and not event.negated


def test_compound_actors_on_both_sides(pipeline):
    events = extract_text(pipeline, "The United States and Britain imposed sanctions on Russia and Belarus.")
    found = dyads(events)
    for source in ("USA", "GBR"):
        for target in ("RUS", "BLR"):
            assert (source, "16", target) in found


def test_symmetric_meeting_both_ways(pipeline):
    events = extract_text(pipeline, "Japan and South Korea held talks in Tokyo on Monday.")
    roots = {(e.source.id, e.target.id) for e in events if e.event_type.root == "04"}
    assert {("JPN", "KOR"), ("KOR", "JPN")} <= roots


def test_passive_with_agent(pipeline):
    events = extract_text(pipeline, "The Ukrainian capital was attacked by Russian forces on Thursday.", date="2022-02-25")
    (event,) = [e for e in events if e.target.country == "UKR"]
    assert event.source.country == "RUS" and event.source_code == "RUSMIL"
    assert event.event_type.root in {"18", "19"}
    assert event.date == "2022-02-24"


def test_negation(pipeline):
    (event,) = extract_text(pipeline, "China did not condemn Russia.")
    assert (event.source.id, event.target.id) == ("CHN", "RUS") and event.negated


def test_neither_nor_negates(pipeline):
    events = extract_text(pipeline, "Neither Chile nor Peru boycotted the talks with Bolivia.")
    assert {e.source.id for e in events} == {"CHL", "PER"} and all(e.negated for e in events)
    events = extract_text(pipeline, "Russia attacked neither Poland nor Lithuania.")
    assert {e.target.id for e in events} == {"POL", "LTU"} and all(e.negated for e in events)


def test_intent_is_a_mode_not_a_fact(pipeline):
    events = extract_text(pipeline, "Iran and the United States plan to meet in Oman next month.", date="2021-03-10")
    assert events and all(e.mode == "intended" for e in events)
    assert {e.event_type.code for e in events} == {"036"}
    assert {e.date for e in events} == {"2021-04"}


def test_an_arranged_event_keeps_its_code_a_stated_intent_takes_the_intent_code(pipeline):
    # a schedule reports the meeting to come; an offer is the actor's own statement of intent (CAMEO 036)
    for text in ("Japan's prime minister is scheduled to meet Indian officials in Delhi on Friday.",
                 "Japan's prime minister is due to hold talks with Indian officials on Friday.",
                 "Japan's prime minister prepared to attend a summit in India."):
        events = [e for e in extract_text(pipeline, text) if e.source.country == "JPN"]
        assert events and all(e.mode == "intended" and e.event_type.root == "04" for e in events), text
    events = [e for e in extract_text(pipeline, "Japan offered to meet Indian officials in Delhi.")
              if e.source.country == "JPN"]
    assert events and {e.event_type.code for e in events} == {"036"}


def test_hypothetical(pipeline):
    events = extract_text(pipeline, "NATO would defend Estonia if Russia attacked it.")
    hypothetical = [e for e in events if e.source.id == "NATO"]
    assert hypothetical and all(e.mode == "hypothetical" for e in hypothetical)


def test_reported_speech_is_attributed(pipeline):
    events = extract_text(pipeline, "The Kremlin said that Ukraine had shelled Russian border villages.")
    (event,) = [e for e in events if e.source.id == "UKR"]
    assert event.target.country == "RUS"
    assert event.attributed_to is not None and event.attributed_to.id == "RUS"


def test_agents_compose_cameo_codes(pipeline):
    events = extract_text(pipeline, "Russian troops attacked Ukrainian soldiers near Kharkiv.")
    (event,) = events
    assert (event.source_code, event.target_code) == ("RUSMIL", "UKRMIL")
    assert event.source.id == "RUS_MIL" and event.source.part_of == "RUS"


def test_leaders_by_dated_role(pipeline):
    text = "Barack Obama criticized Vladimir Putin."
    (in_office,) = extract_text(pipeline, text, date="2014-03-05")
    (former,) = extract_text(pipeline, text, date="2019-03-05")
    assert in_office.source_code == "USAGOV"
    assert former.source_code != "USAGOV" and former.source_code.startswith("USA")


def test_dates_resolve_against_publication(pipeline):
    (event,) = extract_text(pipeline, "France will host Germany on January 10.", date="2021-12-28")
    assert event.date == "2022-01-10" and event.date_from_text


def test_historical_reference_is_not_a_new_event(pipeline):
    events = extract_text(pipeline, "Rwanda remembered how Hutu militias attacked Tutsis in 1994.", date="2024-04-07")
    assert not [e for e in events if e.date and e.date.startswith("1994")]


def test_pronouns_and_unknown_actors_give_no_event(pipeline):
    assert extract_text(pipeline, "They warned him about it.") == []
    assert extract_text(pipeline, "The company warned its investors.") == []


def test_a_wish_for_another_is_hypothetical_an_intent_is_the_subjects_own(pipeline):
    events = extract_text(pipeline, "Germany wants Poland to impose sanctions on Belarus.")
    (wish,) = [e for e in events if e.source.id == "POL"]
    assert wish.target.id == "BLR" and wish.mode == "hypothetical"
    (intent,) = extract_text(pipeline, "Germany wants to impose sanctions on Belarus.")
    assert (intent.source.id, intent.target.id, intent.mode) == ("DEU", "BLR", "intended")


def test_durations_are_not_dates(pipeline):
    events = extract_text(pipeline, "Chile restored diplomatic ties with Peru after a nine-year freeze.", date="2022-03-01")
    (event,) = events
    assert (event.source.id, event.target.id, event.date, event.date_from_text) == ("CHL", "PER", "2022-03-01", False)


def test_particles_the_parser_reads_as_prepositions(pipeline):
    found = dyads(extract_text(pipeline, "Russia pulled out of Syria in March. Japan walked away from Iran."))
    assert ("RUS", "08", "SYR") in found and ("JPN", "16", "IRN") in found


def test_place_is_the_target_of_an_action_without_one(pipeline):
    events = extract_text(pipeline, "Ethiopian troops shelled villages in Eritrea on Tuesday.")
    assert {(e.source_code, e.event_type.root, e.target.id) for e in events} == {("ETHMIL", "19", "ERI")}
    # in its own country, an actor's action is a domestic event
    (event,) = extract_text(pipeline, "Kenyan police arrested dozens of students in Nairobi.")
    assert (event.source_code, event.event_type.root, event.target_code) == ("KENCOP", "17", "KENEDU")
    # a signing or a meeting is not about its venue
    events = extract_text(pipeline, "France and Germany signed a trade deal in Geneva.")
    assert {(e.source.id, e.target.id) for e in events} == {("FRA", "DEU"), ("DEU", "FRA")}


def test_pronoun_of_a_reported_clause_is_the_speaker(pipeline):
    events = extract_text(pipeline, "Brazil and Argentina said they would impose tariffs on China.")
    assert {(e.source.id, e.target.id) for e in events} == {("BRA", "CHN"), ("ARG", "CHN")}
    # a backshifted "would" in reported speech announces an intention; it is not a hypothetical
    assert {(e.mode, e.event_type.code) for e in events} == {("intended", "1312")}
    (event,) = extract_text(pipeline, "The Saudi foreign minister said he would visit Iran next week.")
    assert (event.source_code, event.target.id, event.mode) == ("SAUGOV", "IRN", "intended")


def test_demand_of_a_clause_subject(pipeline):
    (event,) = extract_text(pipeline, "Japan demanded that China release the detained fishermen.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("JPN", "10", "CHN")
    # "must" in reported speech: a demand of the clause's subject, whose own act is not a fact
    events = extract_text(pipeline, "The German chancellor said Hungary must respect the ruling.")
    assert {(e.source.country, e.event_type.code, e.target.id) for e in events} == {("DEU", "100", "HUN")}


def test_refusal_is_a_rejection(pipeline):
    (event,) = extract_text(pipeline, "Poland refused to meet Belarusian officials.")
    assert (event.source.id, event.event_type.code, event.target.country) == ("POL", "125", "BLR")
    assert event.mode == "asserted" and not event.negated and event.relation == "refuseMeet"
    (event,) = extract_text(pipeline, "Chile said it would not provide support to Bolivia.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("CHL", "12", "BOL")
    # a conflict that did not happen stays a negated event, not a rejection
    (event,) = extract_text(pipeline, "China did not attack Taiwan.")
    assert event.negated and event.event_type.root != "12"


def test_planned_attack_is_a_threat(pipeline):
    (event,) = extract_text(pipeline, "Iran plans to attack Israeli ships.")
    assert (event.source.id, event.event_type.code, event.target.id, event.mode) == ("IRN", "138", "ISR", "intended")


def test_people_belong_where_they_are(pipeline):
    (event,) = extract_text(pipeline, "Opposition lawmakers in Georgia denounced Russia.")
    assert (event.source.country, event.target.id) == ("GEO", "RUS")
    # an event noun with a place is not that place's actor
    assert extract_text(pipeline, "Hamas condemned an attack in Gaza.") == []


def test_name_apposed_to_a_description_is_the_subject(pipeline):
    events = extract_text(pipeline, "Longtime rivals India and Pakistan resumed talks on Monday.")
    assert {(e.source.id, e.target.id) for e in events} == {("IND", "PAK"), ("PAK", "IND")}


def test_coordinated_subjects_acting_on_each_other(pipeline):
    for text in ("Egypt and Sudan postponed their meeting on the dam.",
                 "Armenia and Azerbaijan accused each other of violating the ceasefire.",
                 "Serbia and Kosovo accused one another of provocations."):
        events = extract_text(pipeline, text)
        assert len({(e.source.id, e.target.id) for e in events}) == 2, text
        assert {e.source.id for e in events} == {e.target.id for e in events}, text


def test_who_does_an_infinitive(pipeline):
    # the object of urge, ask, press … is the one asked to act, and that act is not a fact
    events = extract_text(pipeline, "The EU urged Serbia to recognise Kosovo.")
    assert {(e.source.country or e.source.id, e.target.id, e.mode) for e in events} >= {("SRB", "XKX", "hypothetical")}
    assert not [e for e in events if e.target.id == "XKX" and e.source.id != "SRB"]
    # a purpose clause shares the subject of its verb
    (event,) = extract_text(pipeline, "Canada signed an agreement on Friday to supply Ukraine with artillery shells.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("CAN", "07", "UKR")


def test_target_hung_on_the_object_or_its_event_noun(pipeline):
    (event,) = extract_text(pipeline, "Norway contributed a million euros to Somalia.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("NOR", "07", "SOM")
    (event,) = extract_text(pipeline, "Lithuania called for a boycott of Belarus.")
    assert (event.source.id, event.target.id) == ("LTU", "BLR")


def test_participle_modifier_is_passive(pipeline):
    # the soldiers were killed; they did not kill anyone at the border
    assert extract_text(pipeline, "Twelve Malian soldiers killed near the border were buried on Sunday.") == []


def test_passive_without_agent_takes_the_event_owner(pipeline):
    events = extract_text(pipeline, "Three civilians were killed in a Russian missile attack on Kharkiv on Monday.")
    assert {(e.source.id, e.event_type.root, e.target.id) for e in events} == {("RUS", "19", "UKR")}
    (event,) = extract_text(pipeline, "A rocket was fired at Israel from Lebanon on Tuesday.")
    assert (event.source.id, event.target.id) == ("LBN", "ISR")


def test_conditional_threat_is_aimed_at_the_condition(pipeline):
    (event,) = extract_text(pipeline, "Venezuela threatened to close its embassy unless Guyana withdrew the claim.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("VEN", "13", "GUY")
    (event,) = extract_text(pipeline, "Iran threatened to cut off gas supplies to Turkey.")
    assert (event.source.id, event.target.id, event.mode) == ("IRN", "TUR", "threatened")


def test_domestic_action_in_a_region(pipeline):
    (event,) = extract_text(pipeline, "The Ethiopian government lifted the state of emergency in Tigray.")
    assert (event.source_code, event.target.id) == ("ETHGOV", "ETH")


def test_title_and_surname_name_the_office_holder(pipeline):
    (event,) = extract_text(pipeline, "President Bush criticized Iraq.", date="1990-09-01")
    assert (event.source.id, event.source_code) == ("George_H._W._Bush", "USAGOV")
    (event,) = extract_text(pipeline, "President Bush criticized Iraq.", date="2003-09-01")
    assert (event.source.id, event.source_code) == ("George_W._Bush", "USAGOV")
    (event,) = extract_text(pipeline, "Foreign Minister Lavrov criticized NATO.", date="2020-01-10")
    assert (event.source.id, event.source_code) == ("Sergei_Lavrov", "RUSGOV")
    # a surname that is someone's first name here is not that person
    events = extract_text(pipeline, "President Michel Temer criticized Venezuela.", date="2017-05-01")
    assert all(e.source.country != "BEL" for e in events)


def test_armed_group_the_text_ties_to_no_country(pipeline):
    (event,) = extract_text(pipeline, "Rebels ambushed a Nigerian army convoy.")
    assert (event.source.id, event.source_code, event.target_code) == ("unattributed_REB", "---REB", "NGAMIL")
    assert event.source.country is None and "unattributed" in event.source.label
    # with no known actor on either side there is no event
    assert extract_text(pipeline, "Police arrested dozens of protesters.") == []


def test_coordinated_places_of_located_people(pipeline):
    events = extract_text(pipeline, "Lawmakers in Estonia and Latvia condemned Belarus.")
    assert {(e.source_code, e.target.id) for e in events} == {("ESTLEG", "BLR"), ("LVALEG", "BLR")}


def test_praise_by_coordinated_subjects_is_not_mutual(pipeline):
    events = extract_text(pipeline, "Ghana and Mali welcomed the deal.")
    assert not [e for e in events if {e.source.id, e.target.id} == {"GHA", "MLI"}]


def test_targets_nested_in_phrases(pipeline):
    (event,) = extract_text(pipeline, "Israeli tanks fired shells at targets in Jericho.")
    assert (event.source_code, event.event_type.root, event.target.id) == ("ISRMIL", "19", "PSE")
    (event,) = extract_text(pipeline, "Afghan rebels kidnapped up to 16 Russian advisers.")
    assert (event.source_code, event.target.country) == ("AFGREB", "RUS")
    # a threat aimed through an act that is no event of its own
    (event,) = extract_text(pipeline, "Al-Shabaab threatened to deliver devastating blows to Kenya.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("al_Shabaab", "13", "KEN")


def test_a_date_inside_the_object_is_not_the_events(pipeline):
    # the condemnation is news; the bombing it is about is history
    (event,) = extract_text(pipeline, "Kenya condemned the 1998 bombing by al-Qaeda on Monday.", date="2022-03-01")
    assert (event.source.id, event.event_type.root, event.date) == ("KEN", "11", "2022-02-28")
    (event,) = extract_text(pipeline, "Argentina signed a trade protocol for 2019 with Chile.", date="2022-03-01")
    assert (event.source.id, event.target.id) == ("ARG", "CHL")
    # a historical event noun stays out
    assert extract_text(pipeline, "The 1994 invasion of Haiti by the United States was a turning point.") == []


def test_anti_and_pro_modifiers(pipeline):
    (event,) = extract_text(pipeline, "Egyptian students staged anti-American protests in Cairo.")
    assert (event.source_code, event.event_type.root, event.target.id) == ("EGYEDU", "14", "USA")
    # pro-Russian separatists are not Russia's
    (event,) = extract_text(pipeline, "Pro-Russian separatists attacked Ukrainian troops.")
    assert event.source.country is None and event.source_code == "---SEP"


def test_an_ethnic_group_is_not_its_namesake_state(pipeline):
    events = extract_text(pipeline, "Serb forces killed three ethnic Albanians near Pristina.")
    assert not [e for e in events if "ALB" in {e.source.country, e.target.country}]
    events = extract_text(pipeline, "Albanian troops killed three Serbian soldiers.")
    assert {(e.source.country, e.target.country) for e in events} == {("ALB", "SRB")}


def test_both_sides_are_the_last_two_actors(pipeline):
    events = extract_text(pipeline, "Russia and Ukraine held talks in Istanbul on Tuesday. "
                                    "The two countries agreed to meet again next week.")
    assert {(e.source.id, e.target.id) for e in events if e.sentence_index == 1} == {("RUS", "UKR"), ("UKR", "RUS")}
    events = extract_text(pipeline, "India and Pakistan exchanged fire on Monday. "
                                    "Both sides accused each other of violating the ceasefire.")
    assert {(e.source.id, e.event_type.root, e.target.id) for e in events} == {
        ("IND", "19", "PAK"), ("PAK", "19", "IND"), ("IND", "11", "PAK"), ("PAK", "11", "IND")}


def test_a_collective_name_stands_for_each_member(pipeline):
    events = extract_text(pipeline, "Russia threatened the Baltic states with retaliation.")
    assert {(e.source.id, e.event_type.root, e.target.id) for e in events} == {
        ("RUS", "13", "EST"), ("RUS", "13", "LVA"), ("RUS", "13", "LTU")}
    events = extract_text(pipeline, "Leaders of the three Baltic states condemned Russia.")
    assert {(e.source_code, e.target.id) for e in events} == {("ESTGOV", "RUS"), ("LVAGOV", "RUS"), ("LTUGOV", "RUS")}
    # two of the five Nordic countries are the two just named, not the collective
    events = extract_text(pipeline, "Sweden and Finland met in Oslo on Monday. The two Nordic countries criticised Russia.")
    assert {(e.source.id, e.target.id) for e in events if e.sentence_index == 1} == {("SWE", "RUS"), ("FIN", "RUS")}
    assert extract_text(pipeline, "Russia threatened some Nordic countries.") == []


def test_a_list_hung_on_its_last_name_is_still_a_list(pipeline):
    # the parser hangs "France, Italy" on "Germany" when an adjective comes before the last name
    events = extract_text(pipeline, "France, Italy and the mighty Germany condemned Russia.")
    assert {(e.source.id, e.target.id) for e in events} == {("FRA", "RUS"), ("ITA", "RUS"), ("DEU", "RUS")}


def test_an_event_in_the_complement_of_another_is_one_event(pipeline):
    # the agreement is to hold exercises: one pair of events, the more telling one
    events = extract_text(pipeline, "Chile and Peru agreed to hold joint naval exercises next year.")
    assert len(events) == 2 and {e.relation for e in events} == {"holdExerciseWith"}
    assert all(e.mode == "intended" for e in events)
    # a deal signed to expand trade is the signing
    events = extract_text(pipeline, "Chile and Peru signed a deal to expand trade.")
    assert {(e.source.id, e.event_type.code, e.target.id) for e in events} == {("CHL", "057", "PER"), ("PER", "057", "CHL")}
    # a time clause is another event, between the same countries or not
    events = extract_text(pipeline, "Russian missiles struck Odesa a day after Moscow and Kyiv signed a deal on grain exports.")
    assert {(e.source.id, e.event_type.root, e.target.id) for e in events} == {
        ("RUS", "19", "UKR"), ("RUS", "05", "UKR"), ("UKR", "05", "RUS")}


def test_an_officer_of_an_organisation_acts_as_it(pipeline):
    (event,) = extract_text(pipeline, "UN Secretary-General Antonio Guterres criticised Israel on Monday.")
    assert (event.source_code, event.target.id) == ("IGOUNO", "ISR")


def test_police_act_on_their_own_country(pipeline):
    (event,) = extract_text(pipeline, "Kenyan police dispersed protesters with tear gas.")
    assert (event.source_code, event.target.country, event.target_code) == ("KENCOP", "KEN", "KENCVL")
    # a state's own soldiers are its instrument, not a target
    assert extract_text(pipeline, "Britain mobilised army reservists on Tuesday.") == []


def test_a_protest_with_no_target_is_against_the_home_government(pipeline):
    (event,) = extract_text(pipeline, "Thousands of Kenyan students rioted on Friday.")
    assert (event.source_code, event.event_type.root, event.target_code) == ("KENEDU", "14", "KENGOV")
    # calling it off yields to the same government (CAMEO 082)
    (event,) = extract_text(pipeline, "Kenyan doctors called off their strike.")
    assert (event.source_code, event.event_type.code, event.target_code) == ("KENHLH", "082", "KENGOV")


def test_being_opposed_to_something_is_the_subject_s_stance_not_a_passive(pipeline):
    (event,) = extract_text(pipeline, "Israel is opposed to the French proposal.")
    assert (event.source.id, event.target.id, event.event_type.code) == ("ISR", "FRA", "110")
    # with a by-phrase it is a passive still
    (event,) = extract_text(pipeline, "Kenya is opposed by Uganda.")
    assert (event.source.id, event.target.id) == ("UGA", "KEN")


def test_a_by_phrase_on_an_active_verb_is_its_event_noun_s_agent(pipeline):
    events = extract_text(pipeline, "North Korea condemned the joint drills by South Korea and the United States.")
    assert {(e.source.id, e.target.id) for e in events} == {("PRK", "KOR"), ("PRK", "USA")}
    events = extract_text(pipeline, "Iran threatened to retaliate against the naval drills by Britain.")
    assert {(e.source.id, e.target.id) for e in events} == {("IRN", "GBR")}


def test_a_sea_named_after_a_country_is_not_that_country(pipeline):
    events = extract_text(pipeline, "Japan and Australia held naval drills in the South China Sea.")
    assert {(e.source.id, e.target.id) for e in events} == {("JPN", "AUS"), ("AUS", "JPN")}
    events = extract_text(pipeline, "Iranian boats seized a Greek tanker in the Gulf of Oman.")
    assert {(e.source.id, e.target.id) for e in events} == {("IRN", "GRC")}
    # the country itself is still found beside it
    events = extract_text(pipeline, "China sent warships to the South China Sea and warned the Philippines.")
    assert {(e.source.id, e.target.id) for e in events} == {("CHN", "PHL")}


def test_who_brokered_a_deal_is_no_party_to_it(pipeline):
    events = extract_text(pipeline, "Serbia and Kosovo signed a trade deal brokered by the European Union.")
    assert {(e.source.id, e.target.id) for e in events} == {("SRB", "XKX"), ("XKX", "SRB")}
    # an author of what is rejected is still its target
    (event,) = extract_text(pipeline, "Venezuela rejected the proposal made by Colombia.")
    assert event.target.id == "COL"


def test_a_city_a_pact_is_named_after_is_no_party_to_it(pipeline):
    assert extract_text(pipeline, "Russia violated the Minsk agreements.") == []
    # the parties named are
    (event,) = extract_text(pipeline, "Russia abandoned the Minsk agreements with Ukraine.")
    assert (event.source.id, event.target.id) == ("RUS", "UKR")


def test_leaving_an_organisation_reduces_relations_with_it(pipeline):
    for text in ("Mali withdrew from ECOWAS.", "Mali announced its withdrawal from ECOWAS.",
                 "The US pulled out of the WHO."):
        (event,) = extract_text(pipeline, text)
        assert (event.target.kind, event.event_type.code) == ("organisation", "160")
    # from a country, a retreat still
    (event,) = extract_text(pipeline, "Russia withdrew its troops from Syria.")
    assert event.event_type.code == "0874"


def test_the_agent_of_a_thing_done_is_its_source(pipeline):
    (event,) = extract_text(pipeline, "Venezuela rejected the proposal made by Colombia.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("VEN", "12", "COL")


def test_a_place_reached_by_what_the_act_is_on(pipeline):
    (event,) = extract_text(pipeline, "Israeli troops sealed off the roads leading into Jenin.")
    assert (event.source_code, event.event_type.code, event.target.id) == ("ISRMIL", "191", "PSE")


def test_warning_about_someone_is_aimed_at_them(pipeline):
    (event,) = extract_text(pipeline, "Japan warned its citizens about North Korea.")
    assert (event.source.id, event.target.id) == ("JPN", "PRK")
    (event,) = extract_text(pipeline, "Japan warned China of serious consequences.")
    assert (event.source.id, event.target.id) == ("JPN", "CHN")
    # "their" before people is each side's own: no event between the two
    assert extract_text(pipeline, "France and Germany warned their citizens on Friday.") == []


def test_a_complaint_is_about_its_cause_not_its_addressee(pipeline):
    (event,) = extract_text(pipeline, "Lebanon complained to the United Nations about Israeli air strikes.")
    assert (event.source.id, event.event_type.code, event.target.id) == ("LBN", "114", "ISR")


def test_money_received_is_money_given(pipeline):
    (event,) = extract_text(pipeline, "Egypt received money from Qatar.")
    assert (event.source.id, event.event_type.code, event.target.id) == ("QAT", "071", "EGY")


def test_an_acronym_in_brackets_names_the_phrase_before_it(pipeline):
    # "AKK" is also a German politician's nickname
    events = extract_text(pipeline, "The Association of Kenyan Kitchens (AKK) criticised Uganda.")
    assert events and all(e.source.country == "KEN" for e in events)
    # after a place it is a credit: "WASHINGTON (AP)" is the news agency, not the US government
    doc = pipeline.nlp("WASHINGTON (AP) - The United States warned Iran on Monday.")
    ap = next(m for m in pipeline.finder.find(doc, None) if doc[m.start:m.end].text == "AP")
    assert ap.cameo == "USAMED"


def test_a_part_of_a_group_is_that_groups_agent(pipeline):
    (event,) = extract_text(pipeline, "A member of the Syrian parliament criticised Turkey.")
    assert event.source_code == "SYRLEG"
    (event,) = extract_text(pipeline, "Hundreds of Iraqi protesters attacked the Turkish embassy.")
    assert (event.source_code, event.target_code) == ("IRQCVL", "TURGOV")


def test_the_owner_of_a_noun_acts_its_infinitive(pipeline):
    (event,) = extract_text(pipeline, "Iran's refusal to talk to the United States angered Washington.")
    assert (event.source.id, event.event_type.root, event.target.id) == ("IRN", "12", "USA")
    (event,) = extract_text(pipeline, "Russia announced its decision to withdraw troops from Syria.")
    assert (event.source.id, event.target.id, event.mode) == ("RUS", "SYR", "intended")


def test_nominalised_verbs_carry_the_verbs_vocabulary(pipeline):
    (event,) = extract_text(pipeline, "Bahrain announced the suspension of ties with Qatar.")
    assert (event.source.id, event.event_type.code, event.relation, event.target.id) == (
        "BHR", "161", "suspendTieWith", "QAT")
    (event,) = extract_text(pipeline, "Japan's resumption of aid to Myanmar surprised observers.")
    assert (event.source.id, event.event_type.code, event.target.id) == ("JPN", "070", "MMR")


def test_a_countrys_institution_of_a_bundled_name_is_that_countrys(pipeline):
    # "Defense Department" alone is the Pentagon; Chile's is Chile's
    (event,) = extract_text(pipeline, "Chile's Defense Department criticised Peru.")
    assert (event.source_code, event.target.id) == ("CHLMIL", "PER")
    (event,) = extract_text(pipeline, "The Defense Department criticised Peru.")
    assert event.source_code == "USAMIL"


def test_the_head_of_an_of_phrase_owns_before_its_modifiers(pipeline):
    (event,) = extract_text(pipeline, "Saudi Arabia banned leaders of Egypt's Muslim Brotherhood.")
    assert (event.source.id, event.target.id) == ("SAU", "Muslim_Brotherhood")


def test_a_conjunct_is_no_agent_of_the_name_before_it(pipeline):
    events = extract_text(pipeline, "Saudi Arabia, Bahrain and other neighbours imposed a blockade on Qatar.")
    assert {(e.source_code, e.target.id) for e in events} == {("SAU", "QAT"), ("BHR", "QAT")}


def test_a_plan_is_an_intention_and_a_dropped_plan_none(pipeline):
    (event,) = extract_text(pipeline, "Russia announced a plan to invade Ukraine.")
    assert (event.source.id, event.target.id, event.mode, event.event_type.root) == ("RUS", "UKR", "intended", "13")
    (event,) = extract_text(pipeline, "Russia abandoned its plan to invade Ukraine.")
    assert (event.source.id, event.target.id, event.mode) == ("RUS", "UKR", "denied")


def test_saying_one_was_attacked_accuses_the_attacker(pipeline):
    events = extract_text(pipeline, "Israel said a rocket was fired at it from Gaza on Tuesday.")
    assert {(e.source.id, e.event_type.code, e.target.id) for e in events if e.event_type.root == "11"} == {
        ("ISR", "112", "PSE")}
    events = extract_text(pipeline, "The United States claimed that Iran had attacked Iraq.")
    assert {(e.source.id, e.event_type.root, e.target.id) for e in events} == {("IRN", "19", "IRQ"), ("USA", "11", "IRN")}
    # a monitor's report is not an accusation
    events = extract_text(pipeline, "Human Rights Watch said Guinean police tortured Liberian refugees.")
    assert [e.event_type.root for e in events] == ["18"]
    assert events[0].attributed_to is not None and events[0].attributed_to.id == "Human_Rights_Watch"


def test_we_in_a_quote_is_the_speakers_side(pipeline):
    (event,) = extract_text(pipeline, 'A Kremlin spokesman said: "We warned the United States about the consequences."')
    assert (event.source.id, event.source_code, event.target.id) == ("RUS", "RUSGOV", "USA")
    # the speaker's own "we" is no one we know
    assert extract_text(pipeline, "We warned the United States, the minister said.") == []
    # "our" forces are the speaker's country's
    (event,) = extract_text(pipeline, '"Our forces will strike Israel," the Iranian foreign minister said.')
    assert (event.source_code, event.target.id, event.mode) == ("IRNMIL", "ISR", "intended")


def test_a_capital_named_as_the_place_is_the_country_at_home(pipeline):
    # Algiers stands for Algeria's government when it acts, for the country when something happens there
    text = "President Abdelaziz Bouteflika threatened to introduce a curfew in Algiers after the riots."
    (event,) = extract_text(pipeline, text, date="2005-03-01")
    assert (event.source_code, event.target_code, event.mode, event.event_type.root) == ("DZAGOV", "DZA", "threatened", "13")
    (event,) = extract_text(pipeline, "Algeria instituted a curfew in Algiers.")
    assert (event.source.id, event.event_type.code, event.target_code) == ("DZA", "1723", "DZA")


def test_a_permission_given_is_the_recipients_to_use(pipeline):
    events = extract_text(pipeline, "The United States gave Israel permission to strike Iran.")
    (strike,) = [e for e in events if e.target.id == "IRN"]
    assert (strike.source.id, strike.event_type.root, strike.mode) == ("ISR", "19", "hypothetical")
    # without a recipient the signer does it
    (event,) = extract_text(pipeline, "Russia signed an accord to supply Syria with arms.")
    assert (event.source.id, event.target.id) == ("RUS", "SYR")


def test_attending_an_occasion_abroad_is_a_visit(pipeline):
    (event,) = extract_text(pipeline, "Macron attended the inauguration of Brazilian President Lula.", date="2023-01-01")
    assert (event.source_code, event.event_type.code, event.target.country) == ("FRAGOV", "042", "BRA")
    (event,) = extract_text(pipeline, "The US leader attended the Beijing Olympics.")
    assert (event.source.id, event.event_type.code, event.target.id) == ("USA", "042", "CHN")


def test_an_agentless_attack_on_foreigners_is_the_countrys_where_it_happened(pipeline):
    # as event coders record it, and with less confidence than a named agent
    (event,) = extract_text(pipeline, "Ten Russian soldiers were killed in Ukraine on Monday.")
    assert (event.source.id, event.event_type.root, event.target_code) == ("UKR", "19", "RUSMIL")
    assert event.confidence < 0.7
    (event,) = extract_text(pipeline, "A US journalist was arrested in Iran on Monday.")
    assert (event.source.id, event.event_type.code, event.target.country) == ("IRN", "173", "USA")
    # a country's own people killed at home name no second actor
    assert extract_text(pipeline, "Ten Iraqis were killed in Baghdad on Monday.") == []


def test_both_sides_are_a_subject_and_its_counterpart(pipeline):
    # not the last two names (Ukraine and the alliance): the sides of the sentence before
    events = extract_text(pipeline, "Russia demanded security guarantees from the United States and NATO, including "
                                    "a pledge that the alliance will not admit Ukraine. "
                                    "Both sides are expected to meet in Geneva next month.")
    assert {(e.source.id, e.target.id) for e in events if e.sentence_index == 1} == {("RUS", "USA"), ("USA", "RUS")}


def _collective_names() -> list[tuple[str, list[str]]]:
    import json

    from conftest import ROOT

    path = ROOT / "ontology" / "actors" / "collectives.jsonl"
    entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    return [(name, entry["members"]) for entry in entries for name in entry["names"]]


@pytest.mark.parametrize("name,members", _collective_names())
def test_every_collective_name_stands_for_its_members(pipeline, name, members):
    events = extract_text(pipeline, f"Australia warned {name} on Monday.")
    assert {e.target.id for e in events} == set(members)


def test_the_actor_named_in_what_is_condemned_is_the_target(pipeline):
    # "condemned the killing of protesters in Iran": the first actor of the object phrase, a weaker guess
    for text, target in (("The EU condemned the killing of protesters in Iran.", "IRN"),
                         ("Canada criticised the arrest of journalists in Turkey on Monday.", "TUR")):
        events = extract_text(pipeline, text)
        assert [(e.target.country, e.event_type.root) for e in events] == [(target, "11")], text
        assert events[0].confidence < 0.9
    # a discussion is not an act on its topic: the two sides still meet each other
    assert dyads(extract_text(pipeline, "Russia and the US discussed the situation in Syria.")) == {
        ("RUS", "04", "USA"), ("USA", "04", "RUS")}


def test_coordinated_agent_words_share_the_country(pipeline):
    events = extract_text(pipeline, "Norwegian media and government criticised Russia.")
    assert {e.source_code for e in events} == {"NORMED", "NORGOV"}
    events = extract_text(pipeline, "Lawmakers and officials in France and Germany welcomed the agreement with Iran.")
    assert {e.source_code for e in events} == {"FRALEG", "DEULEG", "FRAGOV", "DEUGOV"}
    assert {e.target.country for e in events} == {"IRN"}
    # each side named with its own country keeps it
    events = extract_text(pipeline, "Israeli troops and Palestinian militants exchanged fire.")
    assert {e.source_code[:3] for e in events} == {"ISR", "PSE"}


def test_a_part_of_a_group_is_that_group(pipeline):
    (event,) = extract_text(pipeline, "Tens of thousands of teachers across Nigeria staged a strike.")
    assert (event.source_code, event.event_type.root) == ("NGAEDU", "14")
    (event,) = extract_text(pipeline, "A group of Iranian students attacked the British embassy.")
    assert (event.source_code, event.target.country) == ("IRNEDU", "GBR")


def test_a_compound_event_noun_is_its_own_event(pipeline):
    # a hunger strike is a protest (CAMEO 142), not the air strike that "strike" alone is
    (event,) = extract_text(pipeline, "Hundreds of Palestinian prisoners began a hunger strike.")
    assert (event.source.country, event.event_type.code) == ("PSE", "142")
    (event,) = extract_text(pipeline, "Israeli jets carried out a strike on Gaza.")
    assert (event.source_code, event.event_type.root, event.target.country) == ("ISRMIL", "19", "PSE")


def test_lists_the_parser_breaks_keep_every_item(pipeline):
    # a name between commas in a list is an item; a description there is not
    events = extract_text(pipeline, "Syria, the awful Iraq, and Jordan condemned Israel.")
    assert {e.source.id for e in events} == {"SYR", "IRQ", "JOR"}
    # the last item parsed as a second subject
    events = extract_text(pipeline, "Russia, the largest country, and China condemned Israel.")
    assert {e.source.id for e in events} == {"RUS", "CHN"}
    events = extract_text(pipeline, "Sergei Lavrov, Russia's foreign minister, and Antony Blinken met in Geneva.")
    assert {(e.source_code, e.target_code) for e in events} == {("RUSGOV", "USAGOV"), ("USAGOV", "RUSGOV")}


def test_a_country_acting_at_home_acts_through_its_government(pipeline):
    (event,) = extract_text(pipeline, "Sri Lanka eased the curfew in Colombo.")
    assert (event.source_code, event.target_code, event.event_type.root) == ("LKAGOV", "LKA", "08")


def test_protesters_and_whom_the_police_hold(pipeline):
    # a people named by its plural demonym is its civilians; the police hold their compatriots
    (event,) = extract_text(pipeline, "Tens of thousands of Israelis protested against the judicial overhaul.")
    assert (event.source_code, event.target_code) == ("ISRCVL", "ISRGOV")
    (event,) = extract_text(pipeline, "Police in Moscow detained dozens of protesters.")
    assert (event.source_code, event.target_code, event.event_type.root) == ("RUSCOP", "RUSCVL", "17")
    (event,) = extract_text(pipeline, "Georgian protesters rallied outside parliament in Tbilisi.")
    assert (event.source_code, event.target_code, event.event_type.root) == ("GEOCVL", "GEOLEG", "14")


def test_a_counterpart_is_the_other_government(pipeline):
    events = extract_text(pipeline, "The Chinese foreign minister held talks with his Russian counterpart.")
    assert {(e.source_code, e.target_code) for e in events} == {("CHNGOV", "RUSGOV"), ("RUSGOV", "CHNGOV")}


def test_targets_one_phrase_further_in(pipeline):
    (event,) = extract_text(pipeline, "Germany pledged 500 million euros in aid to Ukraine.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("DEU", "UKR", "03")
    (event,) = extract_text(pipeline, "Germany expressed sympathy for the victims of the flood in Pakistan.")
    assert (event.source.id, event.target.country, event.event_type.code) == ("DEU", "PAK", "018")
    # sympathy for one's own people is about them; a condemnation of what happened at home is not aimed at home
    (event,) = extract_text(pipeline, "Obama expressed condolences over the shooting in Texas.", date="2015-06-20")
    assert (event.source_code, event.target.id, event.event_type.code) == ("USAGOV", "USA", "018")
    # where a statement was made is not what it is about
    assert extract_text(pipeline, "The UN chief made brief remarks in Vienna.") == []
    # nor is where an agreement was reached
    events = extract_text(pipeline, "Iran and six world powers reached a landmark agreement in Vienna on Tuesday.")
    assert "AUT" not in {e.target.country for e in events}


def test_people_as_the_object_of_a_light_verb(pipeline):
    (event,) = extract_text(pipeline, "Iraq's prime minister received the Iranian foreign minister.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("IRQGOV", "IRNGOV", "043")


def test_an_army_is_it_and_an_expulsion_comes_from_the_country(pipeline):
    (event,) = extract_text(pipeline, "The Nigerian army said it had killed 50 Boko Haram fighters.")
    assert (event.source_code, event.target.country, event.event_type.root) == ("NGAMIL", "NGA", "19")
    (event,) = extract_text(pipeline, "The French ambassador was expelled from Niger.")
    assert (event.source.id, event.target_code, event.event_type.root) == ("NER", "FRAGOV", "16")


def test_the_user_of_an_instrument_acts_and_an_accident_has_no_actor(pipeline):
    for text in ("A Ukrainian plane was shot down by a missile fired by Russian troops.",
                 "A Ukrainian helicopter was shot down by a drone thought to have been launched by Russian troops."):
        (event,) = extract_text(pipeline, text)
        assert (event.source_code, event.target.id) == ("RUSMIL", "UKR"), text
    assert extract_text(pipeline, "Ukrainian soldiers were killed by the helicopter crash.") == []
    assert extract_text(pipeline, "Two Turkish soldiers were killed in a plane crash in Syria.") == []


def test_a_measure_at_home_names_the_country_it_falls_on(pipeline):
    (event,) = extract_text(pipeline, "Egypt declared a state of emergency.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("EGYGOV", "EGY", "1724")
    (event,) = extract_text(pipeline, "Algeria's president shortened the curfew.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("DZAGOV", "DZA", "0813")
    (event,) = extract_text(pipeline, "Israel imposed a curfew on Hebron.")  # a place named stays the target
    assert (event.target.id, event.confidence) == ("PSE", 0.9)


def test_a_meeting_to_come_is_both_ways_an_offer_is_one(pipeline):
    events = extract_text(pipeline, "Japan's prime minister will meet Indian officials on Friday.")
    assert {(e.source_code, e.target_code) for e in events} == {("JPNGOV", "INDGOV"), ("INDGOV", "JPNGOV")}
    events = extract_text(pipeline, "Japan offered to meet Indian officials.")
    assert {(e.source.id, e.target.country) for e in events} == {("JPN", "IND")}


def test_a_country_name_misspelt_by_a_letter_is_still_the_country(pipeline):
    for text, source, target in (("Pakistan rejected an offer from Afganistan.", "PAK", "AFG"),
                                 ("The Phillippines military attacked Chinese vessels.", "PHLMIL", "CHN")):
        (event,) = extract_text(pipeline, text)
        assert (event.source_code, event.target.country) == (source, target), text
    # a short name is a letter from too many words; a first name is a person's
    assert extract_text(pipeline, "Omar criticised Iraq.") == []
    assert extract_text(pipeline, "Indira Gandhi criticised Pakistan.") == []
    # a common word of its own is no misspelling: Columbia is not Colombia
    assert extract_text(pipeline, "Students at Columbia protested against Israel.") == []


def test_a_relative_clause_on_an_actor_is_background(pipeline):
    # what the clause says the group once did is not the news; what the sentence says it did is
    text = "The United States bombed the Islamic State group, which controls towns in Syria."
    events = extract_text(pipeline, text)
    assert {(e.source.id, e.target_code, e.event_type.root) for e in events} == {("USA", "IMGMOSISI", "19")}
    events = extract_text(pipeline, "Hamas, which attacked Israel in October, rejected the Egyptian proposal.")
    assert {(e.source.country, e.target.country, e.event_type.root) for e in events} == {("PSE", "EGY", "12")}
    # a relative clause on something else may be the news
    (event,) = extract_text(pipeline, "It was the first time France had recalled its ambassador to Washington.")
    assert (event.source.id, event.target.id) == ("FRA", "USA")


def test_an_intent_takes_the_intent_code_of_its_kind_of_act(pipeline):
    # intent to yield is CAMEO 035, and its kind: to ease sanctions 0354, to release people 0353
    for text, code in (("Egypt agreed to lift its embargo on Libya.", "0354"),
                       ("Israel will release 150 Palestinian prisoners.", "0353"),
                       ("Russia will withdraw its troops from Syria.", "0356"),
                       ("Germany will send tanks to Ukraine.", "0332"),
                       ("Lithuania threatened to break off relations with Belarus.", "1313")):
        (event,) = extract_text(pipeline, text)
        assert (event.mode in {"intended", "threatened"}, event.event_type.code) == (True, code), text


def test_a_condition_laid_down_is_a_threat(pipeline):
    (event,) = extract_text(pipeline, "Russia will attack Ukraine unless NATO stops expanding.")
    assert (event.mode, event.event_type.code) == ("threatened", "138")
    (event,) = extract_text(pipeline, "Iran said it would boycott all trade with the United States.")
    assert (event.source.id, event.target.id, event.event_type.code) == ("IRN", "USA", "133")


def test_whom_a_verb_helps_do_something_is_its_target(pipeline):
    # the parser makes the helped one the subject of a bare infinitive; an intent to help is no mutual act
    events = extract_text(pipeline, "The United States and Britain will help Australia build a fleet of submarines.")
    assert {(e.source.id, e.target.id) for e in events} == {("USA", "AUS"), ("GBR", "AUS")}
    (event,) = extract_text(pipeline, "Germany helped Ukraine rebuild its power grid.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("DEU", "UKR", "07")


def test_groups_no_one_names_belong_where_it_happened(pipeline):
    (event,) = extract_text(pipeline, "Turkish troops killed ten militants in clashes in northern Iraq.")
    assert (event.source_code, event.target_code) == ("TURMIL", "IRQINS")
    # whose armed men attack is not said by where: event coders leave them of no country
    (event,) = extract_text(pipeline, "Insurgents shelled Kandahar.")
    assert (event.source_code, event.target.id) == ("---INS", "AFG")
    # people are of where they act, and police act on their own people
    (event,) = extract_text(pipeline, "Thousands of people protested in Moscow.")
    assert (event.source_code, event.target.id, event.event_type.root) == ("RUSCVL", "RUS", "14")
    (event,) = extract_text(pipeline, "Police detained protesters in Moscow.")
    assert (event.source_code, event.target_code) == ("RUSCOP", "RUSCVL")
    assert extract_text(pipeline, "People protested against the decision.") == []
    (event,) = extract_text(pipeline, "Cameroonian authorities jailed 40 members of a separatist group.")
    assert (event.source_code, event.target_code) == ("CMRGOV", "CMRSEP")
    # an ethnic people is of the country it lives in, when the text says where
    text = "Ukrainian troops killed two ethnic Russians in a firefight in eastern Ukraine."
    (event,) = extract_text(pipeline, text)
    assert (event.source_code, event.target_code) == ("UKRMIL", "UKRCVL")
    assert extract_text(pipeline, "Ukrainian troops detained ethnic Russians.") == []


def test_rebels_with_no_group_named_before_are_still_rebels(pipeline):
    # "the rebels" may refer back to a named rebel group; with none before, it is a group of no country
    (event,) = extract_text(pipeline, "The rebels attacked the town of Goma in Congo.")
    assert (event.source_code, event.target.id) == ("---REB", "COD")


def test_what_exploded_and_who_issued_the_statement(pipeline):
    for text, source in (("A car bombing near the city of Kandahar killed two British soldiers.", "AFGUAF"),
                         ("Two British soldiers were killed by a roadside bomb in Afghanistan.", "AFGUAF"),
                         ("Two British soldiers were killed by a roadside bomb outside of Kandahar.", "AFGUAF")):
        (event,) = extract_text(pipeline, text)
        assert (event.source_code, event.target_code, event.confidence < 0.9) == (source, "GBRMIL", True)
    (event,) = extract_text(pipeline, "Hamas issued a statement calling on Egypt to open the border.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("Hamas", "EGY", "02")


def test_a_people_named_with_its_country_is_that_country_s(pipeline):
    text = "The Hungarians of southern Slovakia are demanding autonomy from Slovak authorities."
    (event,) = extract_text(pipeline, text)
    assert (event.source_code, event.target_code) == ("SVKCVL", "SVKGOV")
    (event,) = extract_text(pipeline, "Armenia mobilised its reservists for a war against Azerbaijan.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("ARM", "AZE", "15")


def test_the_pope_speaks_for_the_holy_see(pipeline):
    (event,) = extract_text(pipeline, "The Pope visited Iraq.")
    assert (event.source_code, event.target.id, event.event_type.code) == ("VATGOV", "IRQ", "042")


def test_a_target_that_is_one_of_the_sources_makes_them_act_on_each_other(pipeline):
    events = extract_text(pipeline, "France and Germany discussed France's proposal.")
    assert {(e.source.id, e.target.id) for e in events} == {("FRA", "DEU"), ("DEU", "FRA")}


def test_its_in_a_reported_attack_is_the_speaker_s(pipeline):
    # force against "its" towns is not what the attacker does to itself: "its" is the speaker's
    events = extract_text(pipeline, "Israel said Hezbollah had fired rockets at its northern towns.")
    assert {(e.source.id, e.target.id, e.event_type.root) for e in events} == {
        ("Hezbollah", "ISR", "19"), ("ISR", "Hezbollah", "11")}
    # outside reported speech, or for an act on one's own, no guess
    assert extract_text(pipeline, "Hezbollah fired rockets at its northern towns.") == []
    # so for coercion: what is seized or hosed down is another's
    (event,) = extract_text(pipeline, "Japan said China seized its fishing boats.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("CHN", "JPN", "17")
    # but not "its" in a clause of time inside what is said: that one's antecedent is the story's subject
    events = extract_text(pipeline, "Chad will restore ties with Sudan years after Libyan crowds burned its "
                                    "embassy, a senior Niger official said on Saturday.")
    assert all(e.target.id != "NER" for e in events)


def test_wanting_another_to_act_is_an_appeal_wanting_a_thing_is_not(pipeline):
    events = extract_text(pipeline, "The US wants Russia to withdraw its troops from Ukraine.")
    assert ("USA", "RUS", "02") in {(e.source.id, e.target.id, e.event_type.root) for e in events}
    assert extract_text(pipeline, "China wants Taiwan.") == []


def test_a_definite_event_noun_refers_back_to_the_last_event(pipeline):
    # the coreference evidence that an event across sentences needs: "the move", "the attack"
    events = extract_text(pipeline, "Bahrain recalled its ambassador from Iran. Iran criticised the move.")
    assert ("IRN", "BHR", "11") in {(e.source.id, e.target.id, e.event_type.root) for e in events}
    # a reaction to a reaction is to the same thing
    events = extract_text(pipeline, "Israel praised Turkey's decision. Egypt also welcomed the move.")
    assert ("EGY", "TUR") in {(e.source.id, e.target.id) for e in events}
    # "the strike" is an attack told before, not any event
    events = extract_text(pipeline, "Turkey and the UN brokered the deal. Zelensky condemned the strike.")
    assert all(e.source.country != "UKR" for e in events)
    # an agreement to act is a move made, though the act is still to come
    events = extract_text(pipeline, "NATO agreed to open membership talks with Georgia. Tbilisi hailed the move.")
    assert ("GEO", "NATO", "05") in {(e.source.id, e.target.id, e.event_type.root) for e in events}
    # nothing told before: nothing to refer to
    assert extract_text(pipeline, "Japan praised the decision.") == []


def test_an_accusation_a_demand_or_a_threat_referred_back_to_is_its_maker_s(pipeline):
    # the noun names the event itself: rejecting "the allegations" is aimed at who made them
    events = extract_text(pipeline, "Peru accused Bolivia of arming the rebels. Bolivia rejected the allegations.")
    assert ("BOL", "PER", "016") in {(e.source.id, e.target.id, e.event_type.code) for e in events}
    events = extract_text(pipeline, "Kenya demanded that Somalia free the sailors. Somalia rejected the demand.")
    assert ("SOM", "KEN", "12") in {(e.source.id, e.target.id, e.event_type.root) for e in events}
    # a threat was made, though what it threatens was not done
    events = extract_text(pipeline, "Iran threatened to attack Israel. Egypt condemned the threat.")
    assert ("EGY", "IRN", "11") in {(e.source.id, e.target.id, e.event_type.root) for e in events}
    # a deployment condemned is the deployer's
    events = extract_text(pipeline, "Russia deployed troops near the border. Finland condemned the deployment.")
    assert ("FIN", "RUS", "11") in {(e.source.id, e.target.id, e.event_type.root) for e in events}


def test_the_police_a_country_s_people_face_are_that_country_s(pipeline):
    (event,) = extract_text(pipeline, "Protesters in Lima clashed with police on Sunday.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("PERCVL", "PERCOP", "145")
    # refugees and armed groups may be anywhere: no guess
    assert extract_text(pipeline, "Syrian refugees clashed with police.") == []
    assert extract_text(pipeline, "Syrian rebels attacked soldiers.") == []


def test_a_definite_group_word_is_the_group_named_just_before(pipeline):
    events = extract_text(pipeline, "Chilean students marched in Santiago. The students demanded the resignation "
                                    "of President Boric.")
    assert ("CHLEDU", "10") in {(e.source_code, e.event_type.root) for e in events if e.sentence_index == 1}
    # only a definite one, and only if that group had a country
    events = extract_text(pipeline, "Chilean students marched in Santiago. Students elsewhere demanded reforms.")
    assert all(e.sentence_index == 0 for e in events)


def test_a_crowd_rallying_demonstrates_rallying_behind_someone_supports_them(pipeline):
    (event,) = extract_text(pipeline, "Thousands of Serbians rallied in Belgrade on Saturday.")
    assert (event.source_code, event.event_type.root) == ("SRBCVL", "14")
    (event,) = extract_text(pipeline, "France rallied to Ukraine's defence.")
    assert (event.target.id, event.event_type.code) == ("UKR", "053")


def test_a_second_verb_that_names_no_one_acts_on_whom_the_first_did(pipeline):
    events = extract_text(pipeline, "Canada warned Iran and threatened new sanctions.")
    assert {(e.source.id, e.target.id, e.event_type.code) for e in events} == {
        ("CAN", "IRN", "130"), ("CAN", "IRN", "1312")}
    # not a verb that says a clause of its own
    events = extract_text(pipeline, "Canada praised Chile and insisted the dispute was over.")
    assert {(e.source.id, e.target.id) for e in events} == {("CAN", "CHL")}


def test_coordinated_acts_share_their_time(pipeline):
    events = extract_text(pipeline, "On Monday, Japan suspended imports from Russia and halted exports to "
                                    "Belarus.", date="2024-05-15")
    assert {(e.target.id, e.date) for e in events} == {("RUS", "2024-05-13"), ("BLR", "2024-05-13")}
    # unless the second is told as later
    events = extract_text(pipeline, "Japan recalled its ambassador to Russia on Monday and later expelled "
                                    "two Russian diplomats.", date="2024-05-15")
    assert sorted(e.date for e in events) == ["2024-05-13", "2024-05-15"]


def test_ties_cut_by_coordinated_sides_are_between_them(pipeline):
    events = extract_text(pipeline, "Morocco and Algeria have cut diplomatic ties.")
    assert {(e.source.id, e.target.id, e.event_type.code) for e in events} == {
        ("MAR", "DZA", "161"), ("DZA", "MAR", "161")}


def test_a_crowd_storming_an_embassy_riots_police_storming_it_seize_it(pipeline):
    (event,) = extract_text(pipeline, "Protesters stormed the French embassy in Niamey.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("NERCVL", "FRAGOV", "145")
    (event,) = extract_text(pipeline, "Ecuadorian police stormed the Mexican embassy in Quito.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("ECUCOP", "MEXGOV", "171")


def test_a_participle_of_what_was_said_shares_the_subject(pipeline):
    events = extract_text(pipeline, "Iran condemned the strike, accusing Israel of violating its sovereignty.")
    assert ("IRN", "ISR", "112") in {(e.source.id, e.target.id, e.event_type.code) for e in events}
    # a participle that retells the act is no second event
    (event,) = extract_text(pipeline, "Israel struck Gaza overnight, killing 20 people.")
    assert event.verb == "strike"


def test_coordinated_sides_of_a_clash_fight_each_other_not_the_place(pipeline):
    events = extract_text(pipeline, "Sudan's army and the Rapid Support Forces clashed in Khartoum.")
    assert {(e.source_code, e.target_code) for e in events} == {
        ("SDNMIL", "SDNREBRSF"), ("SDNREBRSF", "SDNMIL")}
    # one side alone still acts where it fought
    (event,) = extract_text(pipeline, "Protesters clashed in Nairobi.")
    assert event.target.id == "KEN"


def test_the_country_a_text_gives_an_office_wins_over_the_one_a_name_has(pipeline):
    # a namesake, or an entry out of date: "Israel's ambassador" is Israel's whoever the name is
    (event, _) = extract_text(pipeline, "Israel's ambassador Vladimir Putin met Biden.")
    assert event.source_code == "ISRGOV"
    # where they agree, the person stays
    (event,) = extract_text(pipeline, "Russia's foreign minister Sergei Lavrov warned Ukraine.")
    assert (event.source.kind, event.source_code) == ("person", "RUSGOV")


def test_an_office_the_text_says_is_held_no_more_is_a_former_official_s(pipeline):
    (event,) = extract_text(pipeline, "Mexico granted asylum to the former Bolivian president.")
    assert event.target_code == "BOLELI"
    # named, whatever the story's date or the dictionary says of the office
    (event,) = extract_text(pipeline, "Former US President Barack Obama criticized Russia.", date=None)
    assert event.source_code == "USAELI"
    # a past told in an apposition is not the office the person holds
    (event,) = extract_text(pipeline, "President Putin, a former KGB officer, criticized Ukraine.")
    assert event.source_code == "RUSGOV"


def test_an_undated_story_takes_the_office_held_last(pipeline):
    # still held: the office taken last (Xi's presidency, not the military commission he chaired first)
    (event,) = extract_text(pipeline, "Xi Jinping visited Moscow.", date=None)
    assert event.source_code == "CHNGOV"
    # none held: the office left last (the presidency, not the Senate seat before it)
    (event,) = extract_text(pipeline, "Obama criticized Russia.", date=None)
    assert event.source_code == "USAGOV"
    # a dated story still knows a former president from a president
    (event,) = extract_text(pipeline, "Obama criticized Russia.", date="2022-03-01")
    assert event.source_code == "USAELI"


def test_the_emirates_is_a_name_of_the_uae(pipeline):
    events = extract_text(pipeline, "Kuwait mediated between the Emirates and Oman.")
    assert {(e.source.id, e.target.id) for e in events} == {("KWT", "ARE"), ("KWT", "OMN")}


def test_welcoming_what_another_did_praises_it(pipeline):
    (event,) = extract_text(pipeline, "France welcomed the deal with Iran.")
    assert (event.target.id, event.event_type.code) == ("IRN", "051")
    (event,) = extract_text(pipeline, "The Iraqi government welcomed the withdrawal of US troops.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("IRQGOV", "USAMIL", "051")
    # a visitor is still welcomed as a host does
    (event,) = extract_text(pipeline, "Kenya welcomed the Chinese delegation.")
    assert (event.target_code, event.event_type.code) == ("CHNGOV", "043")


def test_a_phone_call_is_a_conversation_both_ways_and_a_date_is_no_preposition_of_the_verb(pipeline):
    events = extract_text(pipeline, "Macron called Putin on Friday.")
    assert {(e.source_code, e.target_code, e.event_type.code) for e in events} == {
        ("FRAGOV", "RUSGOV", "041"), ("RUSGOV", "FRAGOV", "041")}
    (event,) = extract_text(pipeline, "Macron called on Putin to end the war.")
    assert (event.source_code, event.target_code, event.event_type.root) == ("FRAGOV", "RUSGOV", "02")


def test_a_document_speaks_for_its_author_or_where_it_was_issued(pipeline):
    text = "A report by Human Rights Watch accused Ethiopian troops of killing civilians."
    (event,) = extract_text(pipeline, text)
    assert (event.source.kind, event.target_code, event.event_type.code) == ("organisation", "ETHMIL", "112")
    (event,) = extract_text(pipeline, "A statement issued in the Chinese capital accused Japan of provoking tensions.")
    assert (event.source.id, event.target.id) == ("CHN", "JPN")
    # a place that is not where the document was issued says nothing about its author, nor does a city that
    # is no seat of government
    assert extract_text(pipeline, "A report about Beijing accused Japan of provoking tensions.") == []
    assert extract_text(pipeline, "A report published in Kandahar accused Pakistan of arming the rebels.") == []


def test_the_weapon_says_which_force_was_used(pipeline):
    (event,) = extract_text(pipeline, "The Malaysian airliner was blown up by a missile fired by pro-Russian rebels.")
    assert (event.source_code, event.target.id, event.event_type.code) == ("---REB", "MYS", "194")
    (event,) = extract_text(pipeline, "Five civilians were killed in an Israeli air strike in Gaza.")
    assert (event.source.id, event.target_code, event.event_type.code) == ("ISR", "PSECVL", "195")
    (event,) = extract_text(pipeline, "Russian forces attacked Kharkiv with rockets.")
    assert event.event_type.code == "194"
    # or what a quantity is of
    for text, code in (("Iran launched hundreds of drones at Israel.", "1952"),
                       ("Hamas fired a barrage of rockets at Israel.", "194")):
        (event,) = extract_text(pipeline, text)
        assert (event.target.id, event.event_type.code) == ("ISR", code)
    # the weapon may be the event noun's own modifier
    for text, source in (("Israel launched a rocket attack on Gaza.", "ISR"),
                         ("Turkish forces launched rocket fire against Syrian army positions.", "TURMIL")):
        (event,) = extract_text(pipeline, text)
        assert (event.source_code, event.event_type.code) == (source, "194")
    # a bombing with no military weapon stays a bombing, and a suicide bomber is no aircraft
    (event,) = extract_text(pipeline, "Russian forces blew up a dam in Kherson.")
    assert event.event_type.code == "183"
    (event,) = extract_text(pipeline, "A suicide bomber killed twelve people at a market in Mogadishu.")
    assert (event.target_code, event.event_type.root, event.event_type.code != "195") == ("SOMCVL", "19", True)


def test_an_army_no_one_names_is_the_army_of_where_it_was_attacked(pipeline):
    (event,) = extract_text(pipeline, "Militants killed five soldiers in northern Mali.")
    assert (event.source_code, event.target_code) == ("---INS", "MLIMIL")
    # troops sent are no troops attacked
    for text in ("Ghana will contribute troops to a mission in Liberia.", "Ghana deployed troops in Liberia."):
        (event,) = extract_text(pipeline, text)
        assert event.target_code == "LBR"


def test_meeting_with_someone_is_the_subject_s_act_talks_are_both_sides(pipeline):
    def pairs(text):
        return {(e.source.id, e.target.id) for e in extract_text(pipeline, text)}

    assert pairs("The Indian foreign minister met with the Chinese ambassador.") == {("IND", "CHN")}
    assert pairs("The Indian foreign minister held a meeting with the Chinese ambassador.") == {("IND", "CHN")}
    assert pairs("The Indian foreign minister held talks with the Chinese ambassador.") == {
        ("IND", "CHN"), ("CHN", "IND")}
    assert pairs("The Indian foreign minister met the Chinese ambassador.") == {("IND", "CHN"), ("CHN", "IND")}
    # a day the parser makes the object of "with" leaves it a meeting with the person named before it
    events = extract_text(
        pipeline, "The Turkish envoy met with Iranian President Masoud Pezeshkian Sunday to discuss trade.")
    assert {(e.source_code[:3], e.target_code[:3]) for e in events} == {("TUR", "IRN")}


def test_whom_a_permission_is_given_to_would_act_whichever_way_the_parser_hangs_it(pipeline):
    for text, licensed in (("Brazil gave permission to Peru to help Chile.", "PER"),
                           ("The UN gave a mandate to France to protect Mali.", "FRA")):
        events = [e for e in extract_text(pipeline, text) if e.event_type.root == "07"]
        assert [(e.source.id, e.mode) for e in events] == [(licensed, "hypothetical")]
    # withholding a permission is no refusal to help
    events = extract_text(pipeline, "Brazil will not give permission to Peru to help Chile.")
    assert [(e.source.id, e.target.id, e.mode) for e in events if e.target.id == "CHL"] == [
        ("PER", "CHL", "hypothetical")]


def test_a_crowd_s_violence_is_a_riot_a_state_s_violence_against_a_crowd_is_repression(pipeline):
    def coded(text):
        return {(e.source_code, e.target_code, e.event_type.code) for e in extract_text(pipeline, text)}

    assert coded("The Russian embassy was demolished by Ukrainian protesters.") == {("UKRCVL", "RUSGOV", "145")}
    # protesters of no country named are of where their target is
    assert coded("Protesters set fire to the French embassy in Tehran.") == {("IRNCVL", "FRAGOV", "145")}
    assert coded("Iranian police attacked demonstrators.") == {("IRNCOP", "IRNCVL", "175")}
    # an arrest stays an arrest, and sides that fight each other stay a clash
    assert coded("Iranian police arrested demonstrators.") == {("IRNCOP", "IRNCVL", "173")}
    assert {c for _, _, c in coded("Police and protesters clashed in Nairobi.")} == {"190"}


def test_a_preposition_with_its_own_object_away_from_the_verb_is_no_particle(pipeline):
    assert extract_text(pipeline, "The UN chief gave a speech in Vienna.") == []  # no "give in"
    (event,) = extract_text(pipeline, "Serbia gave in to demands from the EU.")
    assert (event.source.id, event.event_type.root) == ("SRB", "08")


def test_what_an_attack_targeted_goes_on_through_its_participle(pipeline):
    text = "The Islamic State claimed responsibility for an attack targeting tourists at a hotel in Mali's capital."
    (event,) = extract_text(pipeline, text)
    assert (event.target.id, event.event_type.code) == ("MLI", "015")
    (event,) = extract_text(pipeline, "France condemned the attack targeting a mall in Nairobi.")
    assert (event.source.id, event.target.id, event.event_type.root) == ("FRA", "KEN", "11")


def test_a_surname_that_lost_its_capital_is_still_a_name_after_a_title(pipeline):
    (event,) = extract_text(pipeline, "President macron criticized Russia.")
    assert (event.source_code, event.target.id) == ("FRAGOV", "RUS")
    # without a title a lower-case word stays a word
    assert extract_text(pipeline, "The macron criticized Russia.") == []


def test_a_crowd_firing_missiles_uses_military_force(pipeline):
    (event,) = extract_text(pipeline, "Georgian protesters fired missiles at the Georgian parliament.")
    assert (event.source_code, event.target_code, event.event_type.code) == ("GEOCVL", "GEOLEG", "194")


def test_calling_something_a_name_is_no_call(pipeline):
    assert extract_text(pipeline, "Iran called the United States the Great Satan.") == []
    text = "Kenya cancelled the visit, citing what it called the hostility of a recent Somali statement."
    assert all(e.event_type.code != "041" for e in extract_text(pipeline, text))


def test_an_organisation_of_no_country_named_is_an_ngo_people_of_no_country_are_of_where_they_act(pipeline):
    (event,) = extract_text(pipeline, "Aid agencies accused the Sudanese army of blocking convoys.")
    assert (event.source_code, event.target_code) == ("NGO", "SDNMIL")
    (event,) = extract_text(pipeline, "A human rights group accused Croatian authorities of failing refugees.")
    assert (event.source_code, event.target_code, event.event_type.root) == ("NGOHRI", "HRVGOV", "11")
    (event,) = extract_text(pipeline, "Police arrested rights activists in Moscow.")
    assert event.target_code == "RUSHRI"
    # the speaker the parser took for an object is no target
    text = "Egyptian police abused Sudanese refugees in detention, a rights organization charged on Monday."
    assert all(e.target.id != "NGOHRI" for e in extract_text(pipeline, text))


def test_a_title_names_an_arab_leader_with_or_without_the_article(pipeline):
    for text in ("President Bashir met Putin.", "President al-Bashir met Putin.", "Omar El Bashir met Putin.",
                 "Omar Al-Bashir met Putin."):
        assert ("SDNGOV", "RUSGOV") in {(e.source_code, e.target_code) for e in extract_text(pipeline, text, date=None)}


def test_its_forces_in_a_reported_clause_are_the_speaker_s(pipeline):
    (event,) = extract_text(pipeline, "Turkey said its troops had killed 20 PKK militants in northern Iraq.")
    assert (event.source_code, event.event_type.root) == ("TURMIL", "19")
    (event,) = extract_text(pipeline, "The Israeli army said its aircraft struck a Hamas weapons depot in Gaza.")
    assert (event.source_code, event.target.id) == ("ISRMIL", "Hamas")
    # "their countries" are each their own, not the speakers' shared
    events = extract_text(pipeline, "Polish and Czech officials agreed their countries would cooperate more closely.")
    assert {(e.source.id, e.target.id, e.event_type.root) for e in events} >= {("POL", "CZE", "03"),
                                                                              ("CZE", "POL", "03")}


def test_a_region_a_country_owns_places_the_people_in_it(pipeline):
    (event,) = extract_text(pipeline, "A Saudi air strike killed 20 civilians in Yemen's Saada province.")
    assert (event.source.id, event.target_code) == ("SAU", "YEMCVL")
    (event,) = extract_text(pipeline, "Police arrested 30 protesters in Kenya's capital.")
    assert (event.source_code, event.target_code) == ("KENCOP", "KENCVL")


def test_what_is_used_to_do_something_does_not_do_it(pipeline):
    # "used water cannon to disperse": the user disperses; "urged Serbia to recognise": Serbia would recognise
    events = extract_text(pipeline, "Thai police used water cannon to disperse protesters in Bangkok.")
    assert ("THACOP", "THACVL") in {(e.source_code, e.target_code) for e in events}
    events = extract_text(pipeline, "The US urged Serbia to recognise Kosovo.")
    assert ("SRB", "XKX", "hypothetical") in {(e.source.id, e.target.id, e.mode) for e in events}


def test_sides_that_swap_prisoners_release_them_to_each_other(pipeline):
    events = extract_text(pipeline, "Armenia and Azerbaijan swapped prisoners of war.")
    assert {(e.source.id, e.target.id, e.event_type.code) for e in events} == {
        ("ARM", "AZE", "0841"), ("AZE", "ARM", "0841")}


def test_agreeing_to_a_ceasefire_commits_to_one_declaring_it_is_the_act(pipeline):
    events = extract_text(pipeline, "Armenia and Azerbaijan agreed to a ceasefire on Monday.")
    assert {(e.source.id, e.target.id, e.event_type.code, e.mode) for e in events} == {
        ("ARM", "AZE", "0356", "intended"), ("AZE", "ARM", "0356", "intended")}
    (event,) = extract_text(pipeline, "Russia declared a ceasefire in Ukraine.")
    assert (event.event_type.code, event.mode) == ("0871", "asserted")


def test_both_sides_are_never_the_subject_that_acts_on_them(pipeline):
    assert extract_text(pipeline, "Egypt and Qatar, which mediated the truce, urged both sides to respect it.") == []
    events = extract_text(pipeline, "Israel and Hamas agreed to a truce. Egypt urged both sides to respect it.")
    assert {(e.source.id, e.target.id) for e in events if e.source.id == "EGY"} == {("EGY", "ISR"), ("EGY", "Hamas")}


def test_an_act_with_no_target_is_still_what_the_next_sentence_may_refer_back_to(pipeline):
    text = "North Korea fired a ballistic missile into the sea. Japan and South Korea condemned the launch."
    events = extract_text(pipeline, text)
    assert {(e.source.id, e.target.id, e.event_type.root) for e in events} == {("JPN", "PRK", "11"),
                                                                              ("KOR", "PRK", "11")}
    # the nearer of an act and an event is the antecedent
    events = extract_text(pipeline, "North Korea fired a missile. Russia shelled Kyiv. Japan condemned the attack.")
    assert ("JPN", "RUS") in {(e.source.id, e.target.id) for e in events}
    assert ("JPN", "PRK") not in {(e.source.id, e.target.id) for e in events}
    # one's own act is not what one reacts to, nor is a passive's side note ("were shot down by") an act told
    assert extract_text(pipeline, "Iran tested a missile. Iran praised the test.") == []
    text = "Two missiles were shot down by Ukrainian air defences. The UN chief condemned the strikes."
    assert extract_text(pipeline, text) == []
