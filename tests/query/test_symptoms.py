"""Symptom queries: which sites explain the user's symptoms, ranked and explained."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mbc_cli import query
from mbc_cli.errors import NoSymptomMatched, NotFoundError
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.symptoms import SYMPTOM_KINDS

from ..fuzzing import (
    EXPANDING,
    assert_hits,
    assert_not_found,
    bounded,
    examples,
    hostile_text,
    is_real_suggestion,
    real_knowledge_base,
)


def ranking(kb: KnowledgeBase, *terms: str) -> list[str]:
    return [ranked.site.id for ranked in query.by_symptoms(kb, terms).sites]


def test_a_site_explaining_more_symptoms_ranks_first(real_kb: KnowledgeBase) -> None:
    assert ranking(real_kb, "headache", "vomiting")[0] == "brain"
    assert ranking(real_kb, "yellow skin", "nausea")[0] == "liver"
    assert ranking(real_kb, "shortness of breath")[0] == "lung"


def test_ties_go_to_the_more_common_site(real_kb: KnowledgeBase) -> None:
    assert ranking(real_kb, "nausea") == ["bone", "liver", "brain"]


def test_each_site_says_which_terms_it_explains_and_which_not(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["headache", "jaundice"])
    by_site = {ranked.site.id: ranked for ranked in answer.sites}
    assert [e.term for e in by_site["brain"].explains] == ["headache"]
    assert by_site["brain"].missing == ("jaundice",)
    assert by_site["liver"].missing == ("headache",)


def test_explanations_through_a_condition_name_it(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["increased thirst"])
    (bone,) = answer.sites
    (explanation,) = bone.explains
    assert explanation.via is not None
    assert explanation.via.id == "hypercalcemia"
    assert explanation.citations


def test_general_symptoms_are_shown_as_such(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["unusual fatigue"])
    assert [s.id for _, s in answer.general] == ["fatigue"]
    answer = query.by_symptoms(real_kb, ["depression"])
    assert answer.sites == ()
    assert [s.id for _, s in answer.general] == ["depression"]


def test_unmatched_terms_are_reported_while_others_are_answered(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["headache", "headahce", "lvier"])
    matches = {m.term: m for m in answer.matches}
    assert matches["headache"].how == "name"
    assert matches["headahce"].symptoms == ()
    assert "headache" in matches["headahce"].suggestions
    named = matches["lvier"].names
    assert named is not None
    assert (named.kind, named.id) == ("site", "liver")
    assert answer.sites[0].site.id == "brain"


def test_nothing_matched_is_not_found(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.by_symptoms(real_kb, ["siezure"])
    assert "seizures" in caught.value.suggestions


def test_alias_and_name_are_told_apart(real_kb: KnowledgeBase) -> None:
    assert query.match_symptom(real_kb, "dyspnea").how == "alias"
    assert query.match_symptom(real_kb, "Shortness of Breath").how == "name"


def test_every_symptom_lists_its_sites(real_kb: KnowledgeBase) -> None:
    listing = {item.symptom.id: {site.id for site, _ in item.sites} for item in query.all_symptoms(real_kb)}
    assert listing["vomiting"] == {"brain", "liver"}
    assert listing["anxiety"] == set()
    assert len(listing) == len(real_kb.symptoms)


@pytest.mark.fuzz
@settings(max_examples=examples(8))  # 1-5 terms, each looked up as symptoms, then anything (~60 ms an example)
@given(terms=st.lists(hostile_text(), min_size=1, max_size=5))
@example(terms=[EXPANDING] * 5)  # found by fuzzing: ~8 s; see the regression test below
def test_fuzz_any_terms_rank_real_sites_or_are_not_found_with_bounded_work(terms: list[str]) -> None:
    real_kb = real_knowledge_base()
    answer = bounded(lambda: query.by_symptoms(real_kb, terms), *terms)
    if isinstance(answer, NotFoundError):
        assert_not_found(real_kb, answer)
        assert isinstance(answer, NoSymptomMatched)
        matches = answer.matches
    else:
        matches = answer.matches
        for ranked in answer.sites:
            assert real_kb.sites[ranked.site.id] == ranked.site
            assert set(ranked.missing) <= {s.name for m in answer.matches for s in m.symptoms}
            for explanation in ranked.explains:
                assert explanation.term in terms
                assert real_kb.symptoms[explanation.symptom.id] == explanation.symptom
                assert explanation.via is None or real_kb.symptoms[explanation.via.id] == explanation.via
        assert all(term in terms and real_kb.symptoms[symptom.id] == symptom for term, symptom in answer.general)
    assert [match.term for match in matches] == terms
    for match in matches:
        assert_hits(real_kb, match.hits, SYMPTOM_KINDS)
        assert [real_kb.symptoms[hit.ref.id] for hit in match.hits] == list(match.symptoms)
        assert all(is_real_suggestion(real_kb, suggestion) for suggestion in match.suggestions), match.suggestions


def test_five_terms_that_unicode_expands_18_fold_are_answered_with_bounded_work(real_kb: KnowledgeBase) -> None:
    """Regression (found by fuzzing): NFKC writes each U+FDFA as 18 characters (4 Arabic words), so 10,000 of
    them become a 180,000-character key of 30,001 words, stemmed and compared several times for each term."""
    bounded(lambda: query.by_symptoms(real_kb, [EXPANDING]), EXPANDING)
    bounded(lambda: query.by_symptoms(real_kb, [EXPANDING] * 5), *[EXPANDING] * 5)


@pytest.mark.parametrize(
    ("term", "typos"),
    [
        ("feel nausious and lightheaded most mornings", (("nausious", "nauseous"),)),
        ("been vommiting and dizzy all day", (("vommiting", "vomiting"),)),
        ("had a convulsion in the shower this morning", ()),  # a real word, not a misspelling
        ("so breathles walking to the car and my chest hurts", (("breathles", "breathless"),)),
    ],
)
def test_a_misspelt_symptom_left_aside_in_a_sentence_is_said_never_matched(
    real_kb: KnowledgeBase, term: str, typos: tuple[tuple[str, str], ...]
) -> None:
    match = query.symptoms.match_symptom(real_kb, term)
    assert match.hits
    assert match.misspelled == typos
    assert not {name for _, name in typos} & {hit.matched for hit in match.hits}


@pytest.mark.parametrize("term", ["head spinning", "my head is spinning"])
def test_a_verb_names_no_place(real_kb: KnowledgeBase, term: str) -> None:
    """ "spinning" shares its light stem with "spine", but names no place: nothing is said to be unlinked."""
    answer = query.by_symptoms(real_kb, [term])
    assert [s.id for m in answer.matches for s in m.symptoms] == ["dizziness"]
    assert answer.unlinked == ()
