"""How a term was understood, in words: what it matched, how, and what was left aside and why."""

from __future__ import annotations

import pytest

from mbc_cli.model import KnowledgeBase
from mbc_cli.render.matches import describe, why
from mbc_cli.understand import recognise

SYMPTOM = frozenset({"symptom"})


def test_qualifiers_left_aside_say_what_they_are() -> None:
    assert why(("my", "dad", "keeps")) == "my, dad (whose), keeps (how often)"
    assert why(("since", "last", "week")) == "since, last, week (since when)"
    assert why(("rib",)) == "rib"


def test_a_term_is_described_with_its_match_and_what_it_left_aside(real_kb: KnowledgeBase) -> None:
    hits = recognise.find(real_kb, "my dad keeps getting headaches", SYMPTOM)
    assert describe("my dad keeps getting headaches", hits) == (
        '"my dad keeps getting headaches" → headache (phrase; left aside: dad (whose), keeps (how often))'
    )


def test_words_several_matches_share_are_said_once(real_kb: KnowledgeBase) -> None:
    hits = recognise.find(real_kb, "headache, vomiting and confusion since last week", SYMPTOM)
    line = describe("t", hits)
    assert line.count("left aside") == 1
    assert line.endswith("; left aside: since, last, week (since when)")


def test_a_negation_is_said_apart(real_kb: KnowledgeBase) -> None:
    hits = recognise.find(real_kb, "headache but no vomiting", SYMPTOM)
    assert describe("t", hits).endswith("(phrase; not counted, as you said: no vomiting)")


def test_a_narrower_kind_is_said_to_be_one(real_kb: KnowledgeBase) -> None:
    hits = recognise.find(real_kb, "hip fracture", SYMPTOM)
    assert describe("hip fracture", hits) == '"hip fracture" → fractures ("hip fracture" is a kind of fractures)'


@pytest.mark.parametrize(
    ("term", "symptom"), [("migraine", "headache"), ("cluster headache", "headache"), ("hives", "rash")]
)
def test_a_disorder_of_its_own_is_read_as_its_symptom_and_said_not_to_be_in_the_sources(
    real_kb: KnowledgeBase, term: str, symptom: str
) -> None:
    """The sources speak of headache, never of migraine: mbc does not say migraine is what they speak of."""
    [hit] = recognise.find(real_kb, term, SYMPTOM)
    assert (hit.ref.id, hit.how) == (symptom, "disorder")
    assert f'the sources speak of {symptom}, not of "{term}", a disorder of its own' in describe(term, (hit,))
