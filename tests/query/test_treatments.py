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
    assert "immunotherapy" not in shown
    assert {"chemotherapy", "radiation_therapy", "palliative_care"} <= set(shown)


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
    assert [fit.treatment.id for fit in answer.treatments] == list(fitting(real_kb))
    tied = {fit.treatment.id for fit in answer.treatments if fit.site_link}
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
    assert {test.id for test, _ in answer.tests} == {"bone_scan", "biopsy", "ct_scan", "imaging_tests", "physical_exam"}
    assert len(query.tests_for(real_kb).tests) == len(real_kb.tests)
