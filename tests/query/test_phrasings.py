"""What people type, from tests/query/phrasings.py: each phrasing finds its symptoms and a site for them."""

from __future__ import annotations

import pytest

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from tests.query.phrasings import PHRASINGS


def test_the_table_is_large_and_covers_every_symptom(real_kb: KnowledgeBase) -> None:
    assert len(PHRASINGS) >= 80
    covered = {symptom for _, symptoms, _ in PHRASINGS for symptom in symptoms}
    assert covered == set(real_kb.symptoms)


@pytest.mark.parametrize(("typed", "symptoms", "site"), PHRASINGS, ids=[typed for typed, _, _ in PHRASINGS])
def test_a_phrasing_finds_its_symptoms_and_sites(
    real_kb: KnowledgeBase, typed: str, symptoms: frozenset[str], site: str | None
) -> None:
    answer = query.by_symptoms(real_kb, [typed])
    (match,) = answer.matches
    assert {s.id for s in match.symptoms} == symptoms
    if site is None:
        assert all(s.general for s in match.symptoms)
    else:
        assert site in [ranked.site.id for ranked in answer.sites]
