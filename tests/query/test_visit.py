"""mbc visit's parts: the symptoms read as mbc symptom reads them, the sites they point to, the tests for those
sites, the treatments for the subtype, the sources' own questions and suggestions resting on cited ties."""

from __future__ import annotations

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.visit import MAPPED, TIPS, visit


def test_symptoms_point_to_sites_and_their_tests(real_kb: KnowledgeBase) -> None:
    answer = visit(real_kb, ["headache", "nausea"], profile=query.profile(her2_positive=True))
    assert answer.symptoms is not None
    assert [s.id for s in answer.linked][:1] == ["brain"]
    assert {"brain", "liver"} <= {s.id for s in answer.linked}
    tests = {test.id for test, _ in answer.tests.tests}
    assert "head_mri" in tests and "blood_tests" in tests
    assert "bronchoscopy" not in tests  # the lungs are linked to neither symptom
    assert answer.treatments.profile.her2_positive is True


def test_the_map_draws_the_four_most_common_sites_with_their_figures(real_kb: KnowledgeBase) -> None:
    answer = visit(real_kb, [], profile=query.profile())
    assert [site.id for site, _ in answer.mapped] == list(MAPPED)
    assert [site.frequency.percent for site, _ in answer.mapped if site.frequency] == [65.1, 31.4, 26, 8.8]
    assert all(study is not None and study.caveats for _, study in answer.mapped)


def test_with_nothing_given_it_is_the_general_sheet(real_kb: KnowledgeBase) -> None:
    answer = visit(real_kb, [], profile=query.profile())
    assert answer.symptoms is None and answer.linked == ()
    assert len(answer.tests.tests) == len(real_kb.tests)  # every test
    assert answer.suggestions == ()
    assert [note.id for note in answer.questions] == list(TIPS)


def test_a_known_site_lists_its_tests_and_a_suggestion_resting_on_its_cited_tie(real_kb: KnowledgeBase) -> None:
    answer = visit(real_kb, [], profile=query.profile(), site="bones")
    assert [s.id for s in answer.linked] == ["bone"]
    (suggestion,) = answer.suggestions
    bone_scan = real_kb.tests["bone_scan"]
    assert (suggestion.test, suggestion.site) == (bone_scan, real_kb.sites["bone"])
    assert suggestion.citations == next(link.citations for link in bone_scan.sites if link.site == "bone")


def test_subtype_words_are_told_from_symptoms() -> None:
    assert query.is_subtype("her2+") and query.is_subtype("triple negative")
    assert not query.is_subtype("headache") and not query.is_subtype("her2+ headache")
