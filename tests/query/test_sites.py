"""Site queries: one site by name, alias or place; local areas; every site by commonness."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings

from mbc_cli import query
from mbc_cli.errors import NotFoundError
from mbc_cli.kinds import SITE_KINDS
from mbc_cli.model import KnowledgeBase

from ..fuzzing import EXPANDING, assert_hits, assert_not_found, bounded, examples, hostile_text, real_knowledge_base


@pytest.mark.parametrize("name", ["bone", "bones", "Bones", "  BONE  ", "skeleton"])
def test_site_by_name_or_alias(real_kb: KnowledgeBase, name: str) -> None:
    answer = query.by_site(real_kb, name)
    assert isinstance(answer, query.SiteAnswer)
    assert answer.site.id == "bone"
    assert answer.place is None


def test_place_answers_with_its_site_and_says_so(real_kb: KnowledgeBase) -> None:
    answer = query.by_site(real_kb, "spine")
    assert isinstance(answer, query.SiteAnswer)
    assert (answer.site.id, answer.place and answer.place.name) == ("bone", "spine")
    answer = query.by_site(real_kb, "ovaries")
    assert isinstance(answer, query.SiteAnswer)
    assert answer.site.id == "reproductive_tract"


def test_symptoms_through_a_condition_are_grouped_under_it(real_kb: KnowledgeBase) -> None:
    answer = query.by_site(real_kb, "bone")
    assert isinstance(answer, query.SiteAnswer)
    chains = {chain.condition.id: {s.id for s, _ in chain.symptoms} for chain in answer.chains}
    assert chains["spinal_cord_compression"] == {"back_neck_pain", "weakness_numbness", "urination_bowel_trouble"}
    assert "fatigue" in chains["hypercalcemia"]
    direct = {s.id for s, _ in answer.direct}
    assert {"pain", "fractures", "low_blood_counts"} <= direct
    assert not direct & {"spinal_cord_compression", "hypercalcemia", "fatigue"}


def test_site_tests_are_its_own_then_the_general_ones(real_kb: KnowledgeBase) -> None:
    answer = query.by_site(real_kb, "brain")
    assert isinstance(answer, query.SiteAnswer)
    tied = [test.id for test, link in answer.tests if link]
    general = [test.id for test, link in answer.tests if link is None]
    assert tied == ["head_mri"]
    assert {"biopsy", "ct_scan", "imaging_tests"} <= set(general)
    assert answer.tests[0][1] is not None


def test_site_frequency_and_study(real_kb: KnowledgeBase) -> None:
    answer = query.by_site(real_kb, "lung")
    assert isinstance(answer, query.SiteAnswer)
    assert answer.site.frequency is not None
    assert answer.site.frequency.percent == 31.4
    assert answer.study is not None
    assert answer.study.size == 4932


@pytest.mark.parametrize("name", ["lymph nodes", "armpit", "chest wall"])
def test_local_words_explain_local_spread(real_kb: KnowledgeBase, name: str) -> None:
    answer = query.by_site(real_kb, name)
    assert isinstance(answer, query.LocalAreaAnswer)
    text = " ".join(claim.text for claim in answer.area.meaning)
    assert "local" in text or "regional" in text


def test_unknown_site_suggests_close_names(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.by_site(real_kb, "lvier")
    assert caught.value.suggestions[0] == "liver"
    assert caught.value.exit_code == 1


def test_sites_most_common_first(real_kb: KnowledgeBase) -> None:
    answer = query.all_sites(real_kb)
    order = [site.id for site, _ in answer.sites]
    assert order[:4] == ["bone", "lung", "liver", "brain"]
    assert set(order[4:]) >= {"pancreas", "kidneys", "thyroid", "eye"}
    assert {s.value for s in answer.spread} == {"33.5 percent", "bones and lungs"}


@pytest.mark.fuzz
@settings(max_examples=examples(2))  # up to ~30 ms an example on 10,000 characters
@given(text=hostile_text())
@example(text=EXPANDING)
def test_fuzz_any_site_name_answers_with_real_entries_or_is_not_found_with_bounded_work(text: str) -> None:
    real_kb = real_knowledge_base()
    answer = bounded(lambda: query.by_site(real_kb, text), text)
    if isinstance(answer, NotFoundError):
        assert_not_found(real_kb, answer)
        return
    assert_hits(real_kb, (answer.match,), SITE_KINDS)
    assert answer.term == text
    if isinstance(answer, query.LocalAreaAnswer):
        assert real_kb.local_areas[answer.area.id] == answer.area
    else:
        assert real_kb.sites[answer.site.id] == answer.site
        assert all(real_kb.symptoms[symptom.id] == symptom for symptom, _ in answer.direct)
        assert all(real_kb.symptoms[chain.condition.id] == chain.condition for chain in answer.chains)
        assert all(real_kb.tests[test.id] == test for test, _ in answer.tests)
    assert all(real_kb.treatments[treatment.id] == treatment for treatment, _ in answer.treatments)


@pytest.mark.parametrize("name", ["axillary lymph nodes", "lymph nodes near the breast", "supraclavicular lymph nodes"])
def test_a_narrower_kind_of_lymph_nodes_is_said_to_be_one(real_kb: KnowledgeBase, name: str) -> None:
    """Nodes in one place are a kind of lymph nodes, not their name: the answer says so."""
    answer = query.by_site(real_kb, name)
    assert isinstance(answer, query.LocalAreaAnswer)
    assert (answer.area.id, answer.match.how) == ("lymph_nodes", "narrower")
