"""Reference queries: statistics side by side, terms and drugs by any name, and search ranking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings

from mbc_cli import query
from mbc_cli.errors import NotFoundError
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.reference import DRUG_KINDS, TERM_KINDS

from ..fuzzing import (
    EXPANDING,
    assert_hits,
    assert_not_found,
    bounded,
    entry_exists,
    examples,
    hostile_text,
    real_knowledge_base,
)


def test_statistics_keep_every_figure_once(real_kb: KnowledgeBase) -> None:
    answer = query.statistics(real_kb)
    shown = [stat.id for _, found in answer.topics for stat, _ in found]
    assert sorted(shown) == sorted(real_kb.statistics)


def test_both_five_year_figures_sit_side_by_side_and_are_not_averaged(real_kb: KnowledgeBase) -> None:
    topics = dict(query.statistics(real_kb).topics)
    survival = [(stat.id, stat.value) for stat, _ in topics["survival"]]
    assert survival == [("five_year_relative_survival_nci", "31%"), ("five_year_survival_acs", "27%")]
    sources = [{c.source for c in stat.citations} for stat, _ in topics["survival"]]
    assert sources == [{"nci"}, {"news_article"}]


def test_statistics_carry_their_study(real_kb: KnowledgeBase) -> None:
    topics = dict(query.statistics(real_kb).topics)
    studies = {stat.id: study.id if study else None for stat, study in topics["spread"]}
    assert studies == {
        "multiple_organ_metastasis": "scientific_reports_2017",
        "most_common_site_combination": "scientific_reports_2017",
    }


def test_site_frequencies_are_most_common_first(real_kb: KnowledgeBase) -> None:
    sites = query.statistics(real_kb).sites
    assert [site.id for site, _ in sites] == ["bone", "lung", "liver", "brain"]
    assert {study.id for _, study in sites} == {"scientific_reports_2017"}


@pytest.mark.parametrize(
    ("typed", "term_id", "how"),
    [
        ("oligometastatic", "oligometastatic_cancer", "partial"),
        ("what does oligometastatic mean", "oligometastatic_cancer", "partial"),
        ("Oligometastatic Disease", "oligometastatic_cancer", "alias"),
        ("palliative care", "palliative_care", "name"),
        ("hospice", "hospice_care", "alias"),
        ("recurrence", "recurrent_cancer", "alias"),
        ("de novo", "de_novo_metastatic_breast_cancer", "partial"),
        ("locally advanced breast cancers", "locally_advanced_breast_cancer", "plural"),
        ("END-STAGE", "end_stage_breast_cancer", "partial"),
    ],
)
def test_term_by_name_alias_inflection_or_part(real_kb: KnowledgeBase, typed: str, term_id: str, how: str) -> None:
    found = query.term_named(real_kb, typed).found
    assert [(hit.ref.id, hit.how) for hit, _ in found][:1] == [(term_id, how)]
    assert found[0][1] is real_kb.terms[term_id]


def test_a_word_in_several_terms_names_each(real_kb: KnowledgeBase) -> None:
    found = {term.id for _, term in query.term_named(real_kb, "advanced").found}
    assert {"advanced_breast_cancer", "advanced_stage_cancer", "locally_advanced_breast_cancer"} <= found


def test_unknown_term_suggests_close_terms(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.term_named(real_kb, "oligometastatc")
    assert caught.value.kind == "term"
    assert "oligometastatic cancer" in caught.value.suggestions


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("bone", 'No term "bone": it names the site bone. Try: mbc site bone'),
        ("Herceptin", 'No term "Herceptin": it names the drug trastuzumab. Try: mbc drug trastuzumab'),
        ("spine", 'No term "spine": it names the spine, part of the site bone. Try: mbc site spine'),
    ],
)
def test_a_term_naming_something_else_says_what(real_kb: KnowledgeBase, typed: str, message: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.term_named(real_kb, typed)
    assert str(caught.value) == message


def test_a_typo_of_another_kind_suggests_its_command(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.term_named(real_kb, "lvier")
    assert caught.value.suggestions[0] == "mbc site liver"


@pytest.mark.parametrize(
    ("typed", "drug_id", "how"),
    [
        ("Kadcyla", "ado_trastuzumab_emtansine", "alias"),
        ("KADCYLA", "ado_trastuzumab_emtansine", "alias"),
        ("what is Kadcyla", "ado_trastuzumab_emtansine", "phrase"),  # "what" and "is" left aside
        ("ado-trastuzumab emtansine", "ado_trastuzumab_emtansine", "name"),
        ("Ado Trastuzumab Emtansine", "ado_trastuzumab_emtansine", "name"),
        ("trastuzumab emtansine", "ado_trastuzumab_emtansine", "alias"),
        ("Herceptin", "trastuzumab", "alias"),
        ("trastuzumab", "trastuzumab", "name"),
        ("lynparza", "olaparib", "alias"),
        ("aromatase inhibitor", "aromatase_inhibitors", "singular"),
    ],
)
def test_drug_by_generic_or_brand_name(real_kb: KnowledgeBase, typed: str, drug_id: str, how: str) -> None:
    ((hit, (drug, treatment)),) = query.drug_named(real_kb, typed).found
    assert (drug.id, hit.how) == (drug_id, how)
    assert treatment is real_kb.treatments[drug.treatment]


def test_every_drug_has_its_treatment(real_kb: KnowledgeBase) -> None:
    listed = query.all_drugs(real_kb)
    assert [drug.id for drug, _ in listed] == list(real_kb.drugs)
    assert all(treatment.id == drug.treatment for drug, treatment in listed)


def test_every_term_is_listed(real_kb: KnowledgeBase) -> None:
    assert [term.id for term in query.all_terms(real_kb)] == list(real_kb.terms)


def test_unknown_drug_suggests_close_names(real_kb: KnowledgeBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.drug_named(real_kb, "Kadcila")
    assert caught.value.suggestions[0] == "kadcyla"


# --- Fuzzing (pytest -m fuzz) ----------------------------------------------------------------------


@pytest.mark.fuzz
@settings(max_examples=examples(4))  # each is looked up as a term and as a drug, then anywhere else
@given(text=hostile_text())
@example(text=EXPANDING)  # found by fuzzing: over a second; see the regression test below
def test_fuzz_any_word_names_real_terms_and_drugs_or_is_not_found_with_bounded_work(text: str) -> None:
    real_kb = real_knowledge_base()
    terms = bounded(lambda: query.term_named(real_kb, text), text)
    if isinstance(terms, NotFoundError):
        assert_not_found(real_kb, terms)
    else:
        assert terms.found
        conditions = [(hit, term) for hit, term in terms.found if hit.ref.kind == Kind.SYMPTOM]
        assert_hits(real_kb, tuple(hit for hit, _ in terms.found if (hit, _) not in conditions), TERM_KINDS)
        assert all(real_kb.terms[hit.ref.id] == term for hit, term in terms.found if (hit, term) not in conditions)
        for hit, term in conditions:  # a condition the sources explain, as a term: its own words, nothing more
            symptom = real_kb.symptoms[hit.ref.id]
            assert symptom.kind == "condition"
            assert (term.name, term.definitions) == (symptom.name, symptom.description)
    drugs = bounded(lambda: query.drug_named(real_kb, text), text)
    if isinstance(drugs, NotFoundError):
        assert_not_found(real_kb, drugs)
    else:
        assert drugs.found
        assert_hits(real_kb, tuple(hit for hit, _ in drugs.found), DRUG_KINDS)
        for hit, (drug, treatment) in drugs.found:
            assert real_kb.drugs[hit.ref.id] == drug
            assert real_kb.treatments[drug.treatment] == treatment


@pytest.mark.fuzz
@settings(max_examples=examples(4))  # ~40 ms an example: search ranks every entry holding one of the words
@given(text=hostile_text())
@example(text=EXPANDING)
def test_fuzz_any_search_finds_real_entries_or_is_not_found_with_bounded_work(text: str) -> None:
    real_kb = real_knowledge_base()
    answer = bounded(lambda: query.search(real_kb, text), text)
    if isinstance(answer, NotFoundError):
        assert_not_found(real_kb, answer)
        return
    assert answer.groups
    for kind, results in answer.groups:
        assert results
        for result in results:
            assert result.kind == kind
            assert entry_exists(real_kb, kind, result.id), result
            command = result.kind.command_for(result.name)
            assert command is None or command.startswith("mbc "), result
            assert set(result.words) <= set(answer.words)


ASKED_BY_NAME = {"term": query.term_named, "drug": query.drug_named, "search": query.search}


@pytest.mark.parametrize("ask", ASKED_BY_NAME.values(), ids=ASKED_BY_NAME.keys())
def test_text_that_unicode_expands_18_fold_is_answered_with_bounded_work(
    real_kb: KnowledgeBase, ask: Callable[[KnowledgeBase, str], object]
) -> None:
    """Regression (found by fuzzing): NFKC writes each U+FDFA as 18 characters (4 Arabic words), so 10,000 of
    them become a 180,000-character key of 30,001 words, stemmed and compared several times in one question."""
    bounded(lambda: ask(real_kb, EXPANDING), EXPANDING)
