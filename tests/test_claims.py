"""Attribution (sitrep_claims) on hand-written sentences, with the real spaCy model."""

from __future__ import annotations

import pytest

from sitrep.model import Claim, Mention, Place, Quantity



@pytest.fixture(scope="module")
def nlp(nlp_events_claims):
    return nlp_events_claims


def run(nlp, text, places=None, quantities=None):
    doc = nlp.make_doc(text)
    doc._.sitrep_published = "2025-06-11"
    doc._.sitrep_places = places or []
    doc._.sitrep_quantities = quantities or []
    return nlp(doc)


def claims_of(nlp, text, **kwargs) -> list[Claim]:
    doc = run(nlp, text, **kwargs)
    for claim in doc._.sitrep_claims:
        assert doc.text[claim.evidence.start : claim.evidence.end] == claim.evidence.text == claim.content
    return doc._.sitrep_claims


def only(claims: list[Claim]) -> Claim:
    assert len(claims) == 1, claims
    return claims[0]


def test_parenthetical_cue_after_content(nlp):
    claim = only(claims_of(nlp, "Two civilians were killed in Kostiantynivka on Tuesday, the regional governor said."))
    assert claim.speaker == "the regional governor"
    assert claim.speaker_type == "official"
    assert claim.cue == "said" and claim.stance == "asserts"
    assert claim.content == "Two civilians were killed in Kostiantynivka on Tuesday"
    assert not claim.hedged and not claim.direct_quote


def test_according_to_names_the_speaker_and_country(nlp):
    claim = only(claims_of(nlp, "According to Ukraine's General Staff, Russian forces launched 48 drones overnight."))
    assert claim.speaker == "Ukraine's General Staff"
    assert claim.speaker_type == "military"
    assert claim.affiliation == "Ukraine"
    assert claim.cue == "According to"
    assert claim.content == "Russian forces launched 48 drones overnight"


def test_denial_is_a_claim_with_stance_denies(nlp):
    claim = only(claims_of(nlp, "The Kremlin denied that its forces had struck a hospital in Kharkiv."))
    assert claim.stance == "denies"
    assert claim.affiliation == "Russia"
    assert claim.speaker_type == "government"
    assert claim.content == "its forces had struck a hospital in Kharkiv"


def test_direct_quote_content_excludes_the_quote_marks(nlp):
    claim = only(claims_of(nlp, '"We shot down 40 of the 52 drones," the air force said in a statement.'))
    assert claim.direct_quote
    assert claim.content == "We shot down 40 of the 52 drones"
    assert claim.speaker == "the air force"


def test_claimed_and_following_disclaimer_hedge(nlp):
    claims = claims_of(nlp, "Russia's defence ministry claimed its forces had captured Novoselivka. "
                            "The claim could not be independently verified.")
    claim = only(claims)
    assert claim.hedged and claim.affiliation == "Russia"
    plain = only(claims_of(nlp, "Russia's defence ministry said its forces had captured Novoselivka."))
    assert not plain.hedged
    assert plain.confidence > claim.confidence


def test_disclaimer_in_a_new_paragraph_does_not_hedge(nlp):
    claims = claims_of(nlp, "The mayor said two buildings were damaged.\n\nNeither side's figures could be verified.")
    assert not only(claims).hedged


def test_an_approximate_number_or_the_month_may_is_no_hedge_but_doubt_is(nlp):
    # "about 50" bounds a quantity (bound=approx); it does not doubt the claim.
    for text in ("UKMTO said the tanker was struck about 50 nautical miles west of Aden.",
                 "Officials said some 12,000 people had fled the town.",
                 "The agency said roughly 1.9 million people were displaced.",
                 "The governor said the town had been shelled daily since early May."):
        assert not only(claims_of(nlp, text)).hedged, text
    assert only(claims_of(nlp, "The army said the drone was likely launched from Crimea.")).hedged
    assert only(claims_of(nlp, "The governor said a missile may have hit the depot.")).hedged


def test_pronoun_speaker_takes_the_earlier_named_speaker(nlp):
    claims = claims_of(nlp, "The mayor of Kharkiv said four blocks were damaged. "
                            "Two people were killed, he said in a video statement.")
    assert [c.speaker for c in claims] == ["The mayor of Kharkiv", "The mayor of Kharkiv"]
    assert claims[1].content == "Two people were killed"


def test_participle_cue_shares_the_subject_and_splits_the_content(nlp):
    claims = claims_of(nlp, "Ukraine's General Staff denied that the village had fallen, "
                            "saying its units still held positions on the western edge.")
    denial, saying = claims
    assert denial.stance == "denies" and denial.content == "the village had fallen"
    assert saying.speaker == "Ukraine's General Staff"
    assert saying.content == "its units still held positions on the western edge"


def test_statement_possessor_is_the_speaker(nlp):
    claim = only(claims_of(nlp, "The ministry's statement said 11 settlements had been evacuated."))
    assert claim.speaker == "The ministry"


def test_anonymous_source_is_unnamed(nlp):
    claim = only(claims_of(nlp, "An official who spoke on condition of anonymity said reinforcements were arriving."))
    assert claim.speaker_type == "unnamed"


def test_negated_cue_and_plain_narration_make_no_claim(nlp):
    assert claims_of(nlp, "The bridge over the Oskil river was destroyed on Monday.") == []
    assert claims_of(nlp, "The governor did not say how many people were evacuated.") == []


def test_affiliation_from_a_resolved_place_in_the_speaker(nlp):
    text = "Kharkiv regional governor Oleh Petrenko told reporters that 20 buildings were damaged."
    kharkiv = Place("Kharkiv", 706483, "Kharkiv", 49.98, 36.25, "UA", "07", "populated_place",
                    [Mention(0, 7)], 0.9)
    claim = only(claims_of(nlp, text, places=[kharkiv]))
    assert claim.affiliation == "Ukraine"
    assert claim.speaker_type == "official"


def test_quantities_inside_the_content_only(nlp):
    text = "Sixty-one drones were downed over Kharkiv, the air force said in its update at 9 a.m."
    def q(word, value):
        start = text.index(word)
        return Quantity(word, start, start + len(word), value, None, None, None, None, "exact", None, 0.9)
    inside, outside = q("Sixty-one", 61.0), q("9", 9.0)
    claim = only(claims_of(nlp, text, quantities=[inside, outside]))
    assert claim.quantities == [inside]


def test_tolerates_missing_quantities_and_places(nlp):
    doc = nlp.make_doc("Police said two men were detained.")
    doc = nlp(doc)  # no sitrep_* attributes set at all
    assert only(doc._.sitrep_claims).quantities == []


def test_cue_after_a_coordinated_speaker_takes_the_whole_speaker(nlp):
    # The parser makes "said" a conjunct of "advanced"; the speaker is the phrase after the last comma.
    claim = only(claims_of(nlp, "Russian units have advanced about 3 km north of Lyman over the past month and are "
                                "fighting for the last streets of Siversk, Ukrainian commanders and military bloggers "
                                "said on Sunday."))
    assert claim.speaker == "Ukrainian commanders and military bloggers"
    assert claim.content == ("Russian units have advanced about 3 km north of Lyman over the past month and are "
                             "fighting for the last streets of Siversk")


def test_headline_cue_takes_the_clause_after_it(nlp):
    claim = only(claims_of(nlp, "Russia claims town near Kupiansk; Ukraine says attack repulsed"))
    assert claim.speaker == "Ukraine"
    assert claim.content == "attack repulsed"


def test_disclaimer_two_sentences_later_hedges_every_claim_of_the_paragraph(nlp):
    text = ("The General Staff said its units had destroyed 9 tanks. Pro-Russian bloggers said the village fell. "
            "Both accounts could not be independently verified.\n\nThe mayor said the school reopened.")
    claims = claims_of(nlp, text)
    assert [c.hedged for c in claims] == [True, True, False]


def test_segments_cut_at_headline_and_dateline_but_not_at_a_wrapped_line(nlp):
    from sitrep.segments import segments

    text = ("Drones hit Odesa\n\nODESA, June 9, 2025 — Drones struck the port overnight, officials said.\n"
            "Three people were hurt\n"
            "Firefighters put out the blaze by morning.")
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "sitrep_paragraphs" or not name.startswith("sitrep_"):  # the sentences only
            doc = component(doc)
    assert [s.text for s in segments(doc)] == [
        "Drones hit Odesa", "Drones struck the port overnight, officials said.",
        "Three people were hurt\nFirefighters put out the blaze by morning."]


def test_every_disclaimer_of_a_paragraph_hedges_the_claims_before_it(nlp):
    text = ("The army said 4 tanks were destroyed. This could not be independently verified. "
            "Local officials said the bridge was hit. That could not be verified either.")
    claims = claims_of(nlp, text)
    assert [(c.speaker, c.hedged) for c in claims] == [("The army", True), ("Local officials", True)]


def test_hedge_words_count_only_inside_their_own_claims_content(nlp):
    # One run-on sentence without full stops: each claim looks at its own content only.
    text = ("The mayor said the school reopened, the governor said 3 shells reportedly hit the "
            "market, and police said the road was clear")
    claims = claims_of(nlp, text)
    assert [(c.speaker, c.hedged) for c in claims] == [
        ("The mayor", False), ("the governor", True), ("police", False)]


def test_a_headline_without_full_stop_is_its_own_sentence_for_the_parser(nlp):
    # Parsed as one sentence with the paragraph below, the headline's "says" took the
    # governor of the first paragraph as its speaker.
    text = ("Drones strike Odesa port as Ukraine says it retook 12 square kilometres near Robotyne\n\n"
            "KYIV, Aug 23 (Wire) - Drones struck grain silos overnight, injuring two workers, "
            "regional governor Oleh Kiper said.")
    doc = run(nlp, text)
    assert next(s.text.strip() for s in doc.sents) == text.split("\n\n")[0]
    headline = next(c for c in doc._.sitrep_claims if c.cue == "says")
    assert headline.speaker == "Ukraine"
    assert headline.content == "it retook 12 square kilometres near Robotyne"


@pytest.mark.parametrize("text, speaker", [
    # A finite cue without subject: the parser makes "Ukraine" the object of "as" and "says"
    # a clause of "strike"; a participle's speaker is the main clause's subject.
    ("Russian drones strike Odesa port as Ukraine says it retook 12 square kilometres near "
     "Robotyne.", "Ukraine"),
    ("Russia attacked the town, saying it had destroyed three tanks.", "Russia"),
    # A passive cue's speaker is only its agent.
    ("It was reported by TASS that two soldiers died.", "TASS"),
    # A name ending in a bracketed acronym keeps its bracket.
    ("The UN Office for the Coordination of Humanitarian Affairs (OCHA) said aid convoys were "
     "blocked.", "The UN Office for the Coordination of Humanitarian Affairs (OCHA)"),
    ("US Central Command (CENTCOM) said it struck three Houthi radar sites.",
     "US Central Command (CENTCOM)"),
    # A dateline the parser makes a second subject of the cue does not speak.
    ("Arakan Army seizes town\n\nYANGON, Nov 20 (Dispatch) - The Arakan Army (AA) said it had "
     "captured the town of Kyaukpyu.", "The Arakan Army (AA)"),
])
def test_who_speaks(nlp, text, speaker):
    assert only(claims_of(nlp, text)).speaker == speaker


def test_a_people_s_word_before_a_title_gives_the_affiliation(nlp):
    claim = only(claims_of(nlp, "Israeli Prime Minister Benjamin Netanyahu said the strikes "
                                "would continue."))
    assert claim.affiliation == "Israel"


def test_a_passive_cue_takes_no_speaker_from_its_subject(nlp):
    # "no injuries were reported": the subject is what is reported, not who reports it.
    claims = claims_of(nlp, "The tanker was hit, UKMTO said, adding that no injuries were reported.")
    assert [(c.speaker, c.cue, c.content) for c in claims] == [
        ("UKMTO", "said", "The tanker was hit"), ("UKMTO", "adding", "no injuries were reported")]


def test_a_relative_pronoun_speaker_is_its_antecedent(nlp):
    claim = only(claims_of(nlp, "The government blamed the SDF, which denied any involvement."))
    assert (claim.speaker, claim.stance, claim.content) == ("the SDF", "denies", "any involvement")
    claim = only(claims_of(nlp, "The strike was condemned by UNICEF, which said 12 children were among the dead."))
    assert claim.speaker == "UNICEF" and claim.speaker_type == "organisation"


def test_content_runs_on_over_a_conjunct_the_parser_hung_on_the_cue(nlp):
    # With the line break a text file ends in, the parser makes "nine" a conjunct of "said".
    claim = only(claims_of(nlp, "The Houthi-run health ministry said four people were killed and nine wounded "
                                "in US strikes on Sanaa on Tuesday.\n"))
    assert claim.content == "four people were killed and nine wounded in US strikes on Sanaa on Tuesday"


def test_source_said_after_a_clause_the_parser_did_not_make_its_complement(nlp):
    # "Fighting" is parsed as an adverbial clause of the root "said", with no complement.
    claim = only(claims_of(nlp, "Fighting flared on Wednesday, killing nine people, "
                                "the Syrian Observatory for Human Rights said."))
    assert claim.speaker == "the Syrian Observatory for Human Rights"
    assert claim.content == "Fighting flared on Wednesday, killing nine people"
    assert claims_of(nlp, "Speaking to reporters on Monday, the governor said.") == []


def test_adding_to_a_number_is_no_cue(nlp):
    claim = only(claims_of(nlp, "UNHCR said 350,000 people had fled, adding to the 6.9 million people "
                                "already displaced.\n"))
    assert (claim.cue, claim.speaker) == ("said", "UNHCR")
    adding = claims_of(nlp, "The mayor said the bridge was hit, adding that two people were hurt.")
    assert [c.cue for c in adding] == ["said", "adding"]


def test_a_leader_or_a_local_office_speaks_for_its_country(nlp):
    claim = only(claims_of(nlp, "President Volodymyr Zelenskiy said Russia launched 40 missiles overnight."))
    assert claim.affiliation == "Ukraine"
    # The governor's region is named before him, not in his phrase.
    text = "In the Kharkiv region, Governor Oleh Syniehubov said two people were injured."
    region = Place("Kharkiv", 706482, "Kharkiv Oblast", 49.61, 36.48, "UA", "07", "admin_region",
                   [Mention(text.index("Kharkiv"), text.index("Kharkiv") + 7)], 0.75)
    claim = only(claims_of(nlp, text, places=[region]))
    assert claim.affiliation == "Ukraine"
    # An unrelated place framing a national figure's words is not their state.
    claim = only(claims_of(nlp, "In Kharkiv, the envoy said talks would resume.", places=[
        Place("Kharkiv", 706483, "Kharkiv", 49.98, 36.25, "UA", "07", "populated_place", [Mention(3, 10)], 0.9)]))
    assert claim.affiliation is None


def test_dismissing_what_is_said_is_a_denial_and_an_assessment_is_a_claim(nlp):
    claim = only(claims_of(nlp, "The RSF adviser said the allegations were fabrications by the "
                                "Port Sudan authorities."))
    assert claim.stance == "denies"
    claim = only(claims_of(nlp, "ISW assessed that Moscow was probably exaggerating its gains."))
    assert (claim.speaker, claim.stance, claim.hedged) == ("ISW", "asserts", True)


@pytest.mark.parametrize("text, speaker_type", [
    ("The UN refugee agency UNHCR said 20,000 people had fled.", "organisation"),
    ("The Sudan Doctors Network said 12 people were killed.", "organisation"),
    ("The state news agency said two people were wounded.", "media"),
])
def test_un_bodies_and_networks_are_organisations_and_a_news_agency_is_media(nlp, text, speaker_type):
    assert only(claims_of(nlp, text)).speaker_type == speaker_type
