"""mbc search: ranking, question words, and what each result says."""

from __future__ import annotations

import pytest

from mbc_cli import query
from mbc_cli.errors import NotFoundError
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.text_search import SearchAnswer

# --- search --------------------------------------------------------------------------------


def ranked(answer: SearchAnswer) -> list[tuple[str, str]]:
    return [(found.kind, found.id) for _, group in answer.groups for found in group]


def test_search_for_a_brand_finds_the_drug_first(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "Kadcyla")
    first = answer.groups[0][1][0]
    assert (first.kind, first.id, first.named, first.where) == ("drug", "ado_trastuzumab_emtansine", True, "brand")
    assert first.kind.command_for(first.name) == "mbc drug 'ado-trastuzumab emtansine'"


@pytest.mark.parametrize(
    ("words", "first"),
    [
        ("herceptin side effects", ("drug", "trastuzumab")),
        ("side effects of Keytruda", ("drug", "pembrolizumab")),
        ("jaundice and tiredness", ("symptom", "jaundice")),
    ],
)
def test_a_name_among_other_words_is_found_first(real_kb: KnowledgeBase, words: str, first: tuple[str, str]) -> None:
    """A name needs no other word beside it: the brand in "herceptin side effects" names trastuzumab."""
    answer = query.search(real_kb, words)
    assert ranked(answer)[0] == first
    assert answer.groups[0][1][0].named


def test_search_five_year_survival_finds_both_figures_and_the_term(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "five year survival")
    groups = dict(answer.groups)
    assert groups["term"][0].id == "five_year_relative_survival_rate"
    assert [found.id for found in groups["statistic"]] == ["five_year_relative_survival_nci", "five_year_survival_acs"]
    assert groups["statistic"][0].kind.command_for(groups["statistic"][0].name) == "mbc stats"


def test_search_in_a_question_leaves_question_words_aside(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "what does oligometastatic mean")
    assert (answer.words, answer.ignored) == (("oligometastatic",), ("what", "mean"))
    assert ranked(answer)[0] == ("term", "oligometastatic_cancer")


def test_search_how_many_live_five_years_finds_the_survival_figure(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "how many people live five years")
    assert ranked(answer)[0] == ("statistic", "five_year_survival_acs")


def test_search_bone_pain_puts_what_the_words_name_first(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "bone pain")
    groups = dict(answer.groups)
    assert ranked(answer)[0] == ("site", "bone")
    assert groups["symptom"][0].id == "pain"
    assert groups["treatment"][0].id == "bone_strengthening"


def test_search_ranks_more_words_then_better_places_first(real_kb: KnowledgeBase) -> None:
    for _, group in query.search(real_kb, "bone pain").groups:
        keys = [(-found.named, -len(found.words), -found.weight) for found in group]
        assert keys == sorted(keys)


def test_search_results_say_how_to_see_them(real_kb: KnowledgeBase) -> None:
    answer = query.search(real_kb, "pain")
    for kind, group in answer.groups:
        for found in group:
            assert (found.kind.command_for(found.name) is None) == (kind == "note")


def test_search_with_no_match_suggests_names(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.search(real_kb, "jaundise")
    assert str(caught.value) == 'Nothing in the knowledge base matches "jaundise".'
    assert "jaundice" in caught.value.suggestions


def test_search_of_question_words_only_finds_nothing(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError):
        query.search(real_kb, "what is it")


def test_a_search_shows_the_best_and_counts_the_rest(real_kb: KnowledgeBase) -> None:
    """Words most entries hold ("breast cancer") find many: the SHOWN best are read and shown, and the
    answer says how many hold them, so that a larger knowledge base costs no more to answer."""
    from mbc_cli.query.text_search import SHOWN

    answer = query.search(real_kb, "breast cancer")
    shown = [found for _, group in answer.groups for found in group]
    assert len(shown) == SHOWN < answer.total
    assert all(found.words for found in shown)
