"""Treatment and test queries: subtype flags, their contradictions, and --site."""

from __future__ import annotations

import pytest

from mbc_cli import query
from mbc_cli.errors import UsageError
from mbc_cli.model import KnowledgeBase


def fitting(kb: KnowledgeBase, site: str | None = None, **flags: bool) -> dict[str, set[str]]:
    answer = query.treatments_for(kb, profile=query.profile(**flags), site=site)
    return {fit.treatment.id: {d.id for d in fit.drugs} for fit in answer.treatments}


def test_no_flags_shows_every_treatment(real_kb: KnowledgeBase) -> None:
    assert set(fitting(real_kb)) == set(real_kb.treatments)


def test_her2_positive_shows_her2_drugs_not_other_subtypes(real_kb: KnowledgeBase) -> None:
    shown = fitting(real_kb, her2_positive=True)
    assert shown["targeted_therapy"] == {
        "trastuzumab",
        "pertuzumab",
        "lapatinib",
        "tucatinib",
        "ado_trastuzumab_emtansine",
    }
    assert "hormone_therapy" not in shown
    assert {"chemotherapy", "radiation_therapy", "palliative_care"} <= set(shown)


@pytest.mark.parametrize("flags", [{"her2_positive": True}, {"hr_positive": True}, {"brca": True}])
def test_immunotherapy_shows_for_every_subtype_as_two_sources_name_it_for_any(
    real_kb: KnowledgeBase, flags: dict[str, bool]
) -> None:
    """NCI names it for triple-negative cancer; GoodRx and another source, for metastatic breast cancer with no
    subtype: a filter hides only what every source that says whom it is for ties to another subtype."""
    assert fitting(real_kb, **flags)["immunotherapy"] == {"pembrolizumab"}
    said = {link.subtype: {c.source for c in link.citations} for link in real_kb.treatments["immunotherapy"].subtypes}
    assert said == {"any": {"goodrx", "health_site"}, "triple_negative": {"nci"}}


def test_hormone_therapy_is_hidden_only_as_every_source_saying_whom_it_is_for_says_hr_positive(
    real_kb: KnowledgeBase,
) -> None:
    links = real_kb.treatments["hormone_therapy"].subtypes
    assert {link.subtype for link in links} == {"hr_positive"}
    assert "hormone_therapy" not in fitting(real_kb, her2_positive=True)


def test_hr_positive_shows_hormone_therapy(real_kb: KnowledgeBase) -> None:
    shown = fitting(real_kb, hr_positive=True)
    assert shown["hormone_therapy"] == {"tamoxifen", "aromatase_inhibitors"}
    assert shown["targeted_therapy"] == set()


def test_triple_negative_shows_its_treatments_only(real_kb: KnowledgeBase) -> None:
    shown = fitting(real_kb, triple_negative=True)
    assert shown["immunotherapy"] == {"pembrolizumab"}
    assert shown["targeted_therapy"] == {"sacituzumab_govitecan"}
    assert "hormone_therapy" not in shown


def test_hr_and_her2_negative_is_triple_negative(real_kb: KnowledgeBase) -> None:
    assert fitting(real_kb, hr_positive=False, her2_positive=False) == fitting(real_kb, triple_negative=True)


def test_brca_shows_the_brca_drugs(real_kb: KnowledgeBase) -> None:
    assert fitting(real_kb, brca=True)["targeted_therapy"] == {"olaparib", "talazoparib"}


@pytest.mark.parametrize("flags", [{"hr_positive": True}, {"her2_positive": True}])
def test_triple_negative_contradicts_a_positive_receptor(flags: dict[str, bool]) -> None:
    with pytest.raises(UsageError, match="hormone-receptor-negative and HER2-negative"):
        query.profile(triple_negative=True, **flags)


def test_a_site_keeps_every_treatment_and_marks_those_tied_to_it(real_kb: KnowledgeBase) -> None:
    """Someone with bone pain needs pain relief, palliative care and trials too: a site hides nothing."""
    answer = query.treatments_for(real_kb, profile=query.profile(), site="bones")
    assert sorted(fit.treatment.id for fit in answer.treatments) == sorted(fitting(real_kb))
    tied = {fit.treatment.id for fit in answer.treatments if fit.site_link}
    assert {fit.treatment.id for fit in answer.treatments[: len(tied)]} == tied  # those tied to it first
    assert {"radiation_therapy", "surgery", "bone_strengthening"} <= tied
    assert not tied & {"chemotherapy", "pain_relief", "palliative_care", "clinical_trials"}
    assert "bone_strengthening" not in {
        f.treatment.id
        for f in query.treatments_for(real_kb, profile=query.profile(), site="liver").treatments
        if f.site_link
    }


def test_site_may_be_a_local_area(real_kb: KnowledgeBase) -> None:
    answer = query.treatments_for(real_kb, profile=query.profile(), site="chest wall")
    tied = {fit.treatment.id for fit in answer.treatments if fit.site_link}
    assert tied == {"radiation_therapy", "surgery"}


def test_tests_for_a_site_are_its_own_and_the_general_ones(real_kb: KnowledgeBase) -> None:
    answer = query.tests_for(real_kb, site="bone")
    assert {test.id for test, _ in answer.tests} == {"bone_scan", "biopsy", "ct_scan", "imaging_tests"}
    assert len(query.tests_for(real_kb).tests) == len(real_kb.tests)


def test_a_check_named_only_at_follow_up_is_no_test_to_find_spread(real_kb: KnowledgeBase) -> None:
    """The one source that names a physical examination speaks of follow-up visits: it is listed apart."""
    assert real_kb.tests["physical_exam"].only_at == "follow_up"
    assert all(test.id != "physical_exam" for test, _ in query.tests_for(real_kb, site="brain").tests)
    assert "physical_exam" not in {test.id for test, _ in query.by_site(real_kb, "bone").tests}
