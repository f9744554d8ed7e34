"""Finding what the user named, step by step, and suggesting names when nothing matches."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mbc_cli.errors import NotFoundError
from mbc_cli.kinds import NAMED, SITE_KINDS
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand import recognise, spelling

from ..fuzzing import (
    DISGUISES,
    EXPANDING,
    REAL_NAME,
    assert_hits,
    assert_not_found,
    assert_suggestions,
    bounded,
    disguise,
    examples,
    hostile_text,
    real_knowledge_base,
)

SYMPTOM = frozenset({"symptom"})


def found(kb: KnowledgeBase, text: str, kinds: frozenset[str] = SYMPTOM) -> list[tuple[str, str]]:
    return [(hit.ref.id, hit.how) for hit in recognise.find(kb, text, kinds)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("headache", [("headache", "name")]),
        ("yellow skin", [("jaundice", "alias")]),
        ("Dyspnea", [("shortness_of_breath", "alias")]),
        ("coughed up blood", [("coughing_up_blood", "inflection")]),
        ("fractured", [("fractures", "inflection")]),
        ("my skin is yellow", [("jaundice", "phrase")]),
        ("pain in the back", [("back_neck_pain", "phrase")]),
        ("skin that is itchy", [("itchy_skin", "phrase")]),
    ],
)
def test_each_step_says_how_it_matched(real_kb: KnowledgeBase, typed: str, expected: list[tuple[str, str]]) -> None:
    assert found(real_kb, typed) == expected


def test_an_earlier_step_wins(real_kb: KnowledgeBase) -> None:
    """An exact alias is not also searched as a phrase: "feeling sick" is nausea, not nausea or vomiting."""
    assert found(real_kb, "feeling sick") == [("nausea", "alias")]


def test_words_of_degree_or_time_are_left_aside_and_said(real_kb: KnowledgeBase) -> None:
    (hit,) = recognise.find(real_kb, "constant terrible headaches at night", SYMPTOM)
    assert (hit.ref.id, hit.how, hit.ignored) == ("headache", "phrase", ("constant", "terrible", "night"))


def test_a_site_word_is_left_aside_only_if_that_site_causes_the_symptom(real_kb: KnowledgeBase) -> None:
    (hit,) = recognise.find(real_kb, "bone pain", SYMPTOM)
    assert (hit.ref.id, hit.ignored) == ("pain", ("bone",))
    assert found(real_kb, "liver pain") == [("pain", "phrase")]
    assert found(real_kb, "itchy eyes") == []  # the sources do not link itchy skin to the eye
    assert found(real_kb, "lung pain") == []


def test_several_symptoms_in_one_term_are_all_found(real_kb: KnowledgeBase) -> None:
    assert sorted(found(real_kb, "headache and vomiting")) == [("headache", "phrase"), ("vomiting", "phrase")]
    assert sorted(found(real_kb, "chest and back pain")) == [("back_neck_pain", "phrase"), ("chest_pain", "phrase")]


def test_a_negation_is_never_matched_away(real_kb: KnowledgeBase) -> None:
    assert found(real_kb, "no headache") == []
    assert found(real_kb, "not dizzy") == []


def test_an_ambiguous_alias_names_both(real_kb: KnowledgeBase) -> None:
    assert sorted(found(real_kb, "sick")) == [("nausea", "alias"), ("vomiting", "alias")]


@pytest.mark.parametrize(
    ("typed", "symptom"),
    [
        ("cant catch my breath", "shortness_of_breath"),
        ("can't catch my breath", "shortness_of_breath"),
        ("dont feel like eating", "loss_of_appetite"),
        ("head ache", "headache"),
        ("head-ache", "headache"),
        ("light headed", "dizziness"),
        ("lightheaded", "dizziness"),
    ],
)
def test_apostrophes_hyphens_and_joined_words_are_the_same_word(
    real_kb: KnowledgeBase, typed: str, symptom: str
) -> None:
    assert [hit.ref.id for hit in recognise.find(real_kb, typed, SYMPTOM)] == [symptom]


@pytest.mark.parametrize(
    ("typed", "symptom", "aside"),
    [
        ("neck pain that keeps coming back", "back_neck_pain", ("keeps coming back",)),
        ("exhausted every single day", "fatigue", ("every", "single", "day")),
        ("headache since last week", "headache", ("since", "last", "week")),
        ("my dad keeps getting headaches", "headache", ("dad", "keeps")),
        ("my mum has been feeling tired all the time", "fatigue", ("all the time", "mum")),
    ],
)
def test_how_bad_how_often_since_when_and_whose_are_left_aside_and_said(
    real_kb: KnowledgeBase, typed: str, symptom: str, aside: tuple[str, ...]
) -> None:
    (hit,) = recognise.find(real_kb, typed, SYMPTOM)
    assert hit.ref.id == symptom
    assert hit.ignored == aside


def test_a_negation_takes_out_only_what_follows_it_in_its_clause(real_kb: KnowledgeBase) -> None:
    (hit,) = recognise.find(real_kb, "headache but no vomiting", SYMPTOM)
    assert (hit.ref.id, hit.negated) == ("headache", ("no", "vomiting"))
    (hit,) = recognise.find(real_kb, "pain without swelling", SYMPTOM)
    assert (hit.ref.id, hit.negated) == ("pain", ("without", "swelling"))
    assert found(real_kb, "no headache and no vomiting") == []
    assert found(real_kb, "i can not catch my breath") == [("shortness_of_breath", "phrase")]  # inability, no negation
    assert found(real_kb, "i really do not feel like eating") == [("loss_of_appetite", "phrase")]  # its own "not"


@pytest.mark.parametrize(
    ("word", "symptom"),
    [("appetite", "loss_of_appetite"), ("speech", "speech_changes"), ("breathing", "shortness_of_breath")],
)
def test_the_core_word_of_one_symptom_names_it(real_kb: KnowledgeBase, word: str, symptom: str) -> None:
    assert found(real_kb, word) == [(symptom, "word")]


@pytest.mark.parametrize("word", ["loss", "low", "high", "changes", "feeling", "head", "skin", "blood", "problems"])
def test_a_word_shared_by_many_symptoms_or_a_body_part_alone_names_none(real_kb: KnowledgeBase, word: str) -> None:
    assert found(real_kb, word) == []


def test_loss_of_feeling_is_not_loss(real_kb: KnowledgeBase) -> None:
    """ "feeling" is not a small word: "loss of feeling" keeps it, so "loss" alone does not mean numbness."""
    assert found(real_kb, "loss") == []
    assert [hit.ref.id for hit in recognise.find(real_kb, "loss of feeling", SYMPTOM)] == ["weakness_numbness"]


def test_a_place_named_beside_a_symptom_is_kept_for_the_ranking(real_kb: KnowledgeBase) -> None:
    (hit,) = recognise.find(real_kb, "rib pain", SYMPTOM)
    assert (hit.ref.id, hit.places) == ("pain", ("bone",))
    (hit,) = recognise.find(real_kb, "pain in the liver area", SYMPTOM)
    assert (hit.ref.id, hit.places) == ("pain", ("liver",))


@given(
    name=st.sampled_from(["headache", "nausea", "jaundice", "seizures", "fatigue", "shortness of breath"]),
    before=st.lists(st.sampled_from(["my", "dad", "really", "bad", "constant", "new", "sudden"]), max_size=3),
    after=st.lists(st.sampled_from(["every", "day", "since", "last", "week", "at", "night", "lately"]), max_size=3),
)
def test_qualifiers_around_a_symptom_never_change_what_it_names(name: str, before: list[str], after: list[str]) -> None:
    real_kb = real_knowledge_base()
    plain = {hit.ref.id for hit in recognise.find(real_kb, name, SYMPTOM)}
    qualified = {hit.ref.id for hit in recognise.find(real_kb, " ".join([*before, name, *after]), SYMPTOM)}
    assert qualified == plain


@given(
    name=st.sampled_from(["headache", "nausea", "jaundice", "seizures", "fatigue", "back pain", "vomiting"]),
    negation=st.sampled_from(["no", "not", "without", "never", "don't have", "dont have", "haven't got"]),
)
def test_a_negated_symptom_is_never_matched(name: str, negation: str) -> None:
    real_kb = real_knowledge_base()
    assert recognise.find(real_kb, f"{negation} {name}", SYMPTOM) == ()


@pytest.mark.parametrize("text", ["", "   ", "?!", "\x1b[0m", "\u200f"])
def test_nothing_typed_finds_nothing(real_kb: KnowledgeBase, text: str) -> None:
    assert recognise.find(real_kb, text, NAMED) == ()
    assert spelling.suggest(real_kb, text, NAMED) == ()


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("lvier", "liver"),
        ("brian", "brain"),
        ("headahce", "headache"),
        ("jaundise", "jaundice"),
        ("siezure", "seizures"),
        ("shortnes of breath", "shortness_of_breath"),
    ],
)
def test_typos_are_suggested_never_matched(real_kb: KnowledgeBase, typo: str, meant: str) -> None:
    assert recognise.find(real_kb, typo, NAMED) == ()
    first = spelling.suggest(real_kb, typo, NAMED)[0]
    assert real_kb.names[first][0].id == meant


def test_suggestions_name_each_entry_once(real_kb: KnowledgeBase) -> None:
    suggestions = spelling.suggest(real_kb, "headahces", SYMPTOM)
    ids = [real_kb.names[key][0].id for key in suggestions]
    assert ids[0] == "headache"
    assert len(ids) == len(set(ids))


def test_suggestions_include_names_sharing_a_word(real_kb: KnowledgeBase) -> None:
    """When no spelling is close, names that share a word with the text are offered."""
    assert "headache" in spelling.suggest(real_kb, "no headache", SYMPTOM)


def test_sites_are_found_the_same_way(real_kb: KnowledgeBase) -> None:
    assert recognise.area_hit(real_kb, "the liver").ref.id == "liver"
    assert recognise.area_hit(real_kb, "my bones").how == "phrase"
    assert recognise.area(real_kb, "Lungs").id == "lung"


def test_two_sites_at_once_ask_for_one(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as raised:
        recognise.area_hit(real_kb, "liver and lungs")
    assert set(raised.value.suggestions) == {"liver", "lung"}


# --- Fuzzing (pytest -m fuzz): hostile text never crashes or slows the matcher ---------------------

KIND_SETS = (NAMED, SITE_KINDS, SYMPTOM, frozenset({"term"}), frozenset({"drug", "treatment"}))


@pytest.mark.fuzz
@settings(max_examples=examples(2))  # find and suggest: up to ~30 ms an example on 10,000 characters
@given(text=hostile_text(), kinds=st.sampled_from(KIND_SETS))
@example(text=EXPANDING, kinds=NAMED)  # 0.3-0.6 s: see test_reference.py's regression
def test_fuzz_any_text_finds_real_entries_or_suggests_real_names_within_a_budget(
    text: str, kinds: frozenset[str]
) -> None:
    real_kb = real_knowledge_base()
    hits = bounded(lambda: recognise.find(real_kb, text, kinds), text)
    if isinstance(hits, NotFoundError):
        assert_not_found(real_kb, hits)
    else:
        assert_hits(real_kb, hits, kinds)
    suggestions = bounded(lambda: spelling.suggest(real_kb, text, kinds), text)
    if isinstance(suggestions, NotFoundError):
        assert_not_found(real_kb, suggestions)
    else:
        assert_suggestions(real_kb, suggestions, kinds)


@pytest.mark.fuzz
@settings(max_examples=examples(2))
@given(text=hostile_text())
@example(text=EXPANDING)
def test_fuzz_any_text_names_a_real_place_or_is_not_found_with_bounded_work(text: str) -> None:
    real_kb = real_knowledge_base()
    hit = bounded(lambda: recognise.area_hit(real_kb, text), text)
    if isinstance(hit, NotFoundError):
        assert_not_found(real_kb, hit)
    else:
        assert_hits(real_kb, (hit,), SITE_KINDS)


@pytest.mark.fuzz
@given(name=REAL_NAME, how=st.sampled_from(DISGUISES))
def test_fuzz_a_real_name_in_disguise_finds_what_the_name_finds(name: str, how: str) -> None:
    """Full-width letters, capitals, zero-width and direction marks, terminal escapes, punctuation: read through."""
    real_kb = real_knowledge_base()
    assert recognise.find(real_kb, disguise(name, how), NAMED) == recognise.find(real_kb, name, NAMED)


def test_a_paragraph_is_read_sentence_by_sentence_and_what_names_nothing_is_left_aside(real_kb: KnowledgeBase) -> None:
    text = (
        "My mother was diagnosed five years ago and now she has terrible headaches in the mornings, "
        "she throws up sometimes and she seems confused. The doctors want to do scans. We are scared."
    )
    hits = recognise.find(real_kb, text, SYMPTOM)
    assert {hit.ref.id for hit in hits} == {"headache", "vomiting", "confusion"}
    assert {"diagnosed", "doctors", "scared"} <= set(hits[0].ignored)


def test_a_short_term_must_be_understood_whole(real_kb: KnowledgeBase) -> None:
    """Up to STRICT_WORDS words, a clause that names nothing means the term says something else."""
    assert found(real_kb, "fits and starts") == []
    assert found(real_kb, "rash decision") == []
    assert found(real_kb, "sick and tired of my job") == []  # an idiom
    (hit,) = recognise.find(real_kb, "headache and bone china", SYMPTOM)  # longer: what names nothing is aside
    assert (hit.ref.id, hit.ignored) == ("headache", ("bone", "china"))


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("a red blotchy rash on my stomach", "rash"),
        ("maculopapular rash on trunk", "rash"),
        ("localized swelling over the left clavicle", "swelling"),
        ("hives across my chest and arms", "rash"),
    ],
)
def test_a_body_part_a_symptom_is_on_is_where_not_a_site_it_must_be_linked_to(
    real_kb: KnowledgeBase, text: str, symptom: str
) -> None:
    assert [ref_id for ref_id, _ in found(real_kb, text)] == [symptom]


def test_a_word_after_in_at_or_since_is_where_or_when_not_beside_the_phrase(real_kb: KnowledgeBase) -> None:
    text = "had a convulsion in the shower this morning and my daughter found me"
    assert [ref_id for ref_id, _ in found(real_kb, text)] == ["seizures"]
    assert found(real_kb, "seizure of assets by the bank") == []  # "of" binds: what was seized


@pytest.mark.parametrize(
    ("text", "symptoms"),
    [
        ("R04.2 Haemoptysis", ["coughing_up_blood"]),  # a classification's code is a word the report adds
        ("Urinary retention, catheterised", ["urination_bowel_trouble"]),  # a comma lists a note's findings
        ("?MSCC - urgent MRI whole spine requested", ["spinal_cord_compression"]),  # so does a dash
        ("c/o N/V post cycle 3", ["nausea", "vomiting"]),
        ("BNO 5/7, abdo soft", ["constipation"]),
        ("SOBOE, sats 93% on RA", ["shortness_of_breath"]),
    ],
)
def test_a_notes_codes_lists_and_abbreviations_are_read(real_kb: KnowledgeBase, text: str, symptoms: list[str]) -> None:
    assert sorted(ref_id for ref_id, _ in found(real_kb, text)) == symptoms


@pytest.mark.parametrize(
    "text", ["itching to get back to work", "my phone battery is completely exhausted", "I sob every night"]
)
def test_a_desire_a_machine_and_crying_are_no_symptoms(real_kb: KnowledgeBase, text: str) -> None:
    assert found(real_kb, text) == []


@pytest.mark.parametrize("text", ["a red herring", "across the board", "a raised voice", "red in the face"])
def test_words_of_how_it_looks_or_where_name_nothing_alone(real_kb: KnowledgeBase, text: str) -> None:
    assert found(real_kb, text) == []


@pytest.mark.parametrize("text", ["bringing everything back up", "brought her food back up"])
def test_bringing_food_back_up_is_vomiting_not_being_backed_up(real_kb: KnowledgeBase, text: str) -> None:
    assert [ref_id for ref_id, _ in found(real_kb, text)] == ["vomiting"]


@pytest.mark.parametrize("text", ["j'ai mal à la tête", "dolor de cabeza", "Kopfschmerzen"])
def test_words_of_another_language_get_no_random_suggestion(real_kb: KnowledgeBase, text: str) -> None:
    assert recognise.find(real_kb, text, SYMPTOM) == ()
    assert spelling.suggest(real_kb, text, SYMPTOM) == ()


def test_commas_part_clauses_and_markup_letters_are_left_aside(real_kb: KnowledgeBase) -> None:
    assert sorted(found(real_kb, "headache, nausea, vomiting")) == [
        ("headache", "phrase"),
        ("nausea", "phrase"),
        ("vomiting", "phrase"),
    ]
    assert found(real_kb, "<b>headache</b>") == [("headache", "phrase")]


@pytest.mark.parametrize(
    ("typed", "site"),
    [
        ("cancer in my bones", "bone"),
        ("spread to the liver", "liver"),
        ("my left lung", "lung"),
        ("mets in the brain", "brain"),
    ],
)
def test_a_site_is_found_in_the_words_people_use_for_spread(real_kb: KnowledgeBase, typed: str, site: str) -> None:
    assert recognise.area(real_kb, typed).id == site


@pytest.mark.parametrize(
    ("typed", "symptom"),
    [
        ("Headache (finding)", "headache"),
        ("Speech Disorders", "speech_changes"),
        ("Fractures, Spontaneous", "fractures"),
        ("Nausea with vomiting, unspecified", "nausea"),
    ],
)
def test_the_way_clinical_terminologies_write_is_read(real_kb: KnowledgeBase, typed: str, symptom: str) -> None:
    assert symptom in {hit.ref.id for hit in recognise.find(real_kb, typed, SYMPTOM)}


@pytest.mark.parametrize(
    ("note", "symptom"),
    [
        ("pt reports nausea since starting cycle 2", "nausea"),
        ("c/o constipation, last BM 5 days ago", "constipation"),
        ("anaemia, Hb 8.1 g/dL", "low_blood_counts"),
        ("delirium noted overnight by nursing staff", "confusion"),
        ("neutropenic following chemotherapy", "low_blood_counts"),  # following: a circumstance, like after
        ("serum calcium elevated at 12.4 mg/dL", "hypercalcemia"),  # serum: a word the report adds
        ("pt reports lumbar back pain radiating to legs", "back_neck_pain"),
        ("focal weakness of left upper extremity", "weakness_numbness"),
    ],
)
def test_clinical_notes_are_read(real_kb: KnowledgeBase, note: str, symptom: str) -> None:
    assert [ref_id for ref_id, _ in found(real_kb, note)] == [symptom]


@pytest.mark.parametrize(
    "text",
    [
        "seizure of assets at the border",
        "calcium 9.4 mg/dL (normal)",
        "my dog has a rash",
        "this paperwork is a real headache",
        "frequent urination",
        "sick and tired of waiting",
        "she works at the pain clinic",
    ],
)
def test_words_beside_a_symptom_that_change_what_it_means(real_kb: KnowledgeBase, text: str) -> None:
    assert recognise.find(real_kb, text, SYMPTOM) == ()


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("he's not himself lately", "behavior_changes"),  # a negation that is itself the name
        ("my right hand went numb and I can't feel my fingers", "weakness_numbness"),
    ],
)
def test_everyday_ways_of_saying_it(real_kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert [ref_id for ref_id, _ in found(real_kb, text)] == [symptom]


@pytest.mark.parametrize("text", ["vomiting blood", "threw up blood twice", "blood in my vomit"])
def test_vomiting_blood_is_another_symptom_not_vomiting(real_kb: KnowledgeBase, text: str) -> None:
    assert found(real_kb, text) == []
