"""The real knowledge base: it validates, its ids are unique, every reference resolves."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from mbc_cli import query
from mbc_cli.declare import FrozenError
from mbc_cli.errors import KnowledgeBaseError
from mbc_cli.kb import check, load, locate
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import name_key

from ..conftest import FIXTURES, ROOT


def test_real_knowledge_base_reads_without_problems() -> None:
    entries, problems, _ = load.read_folder(ROOT / "data")
    assert problems == []
    built, problems = load.build(entries, "data")
    assert problems == []
    assert built is not None


def test_ids_are_unique_across_sites_and_local_areas(real_kb: KnowledgeBase) -> None:
    assert not set(real_kb.sites) & set(real_kb.local_areas)


def test_every_source_is_cited(real_kb: KnowledgeBase) -> None:
    cited = Counter(citation.source for citation in query.all_citations(real_kb))
    assert set(cited) == set(real_kb.sources)
    assert all(cited[source] >= 10 for source in real_kb.sources), cited


def test_every_reference_resolves(real_kb: KnowledgeBase) -> None:
    for site in real_kb.sites.values():
        for link in site.symptoms:
            assert link.symptom in real_kb.symptoms
            assert link.via is None or real_kb.symptoms[link.via].kind == "condition"
        if site.frequency:
            assert site.frequency.study in real_kb.studies
    for test in real_kb.tests.values():
        assert all(link.site in real_kb.sites for link in test.sites)
    for treatment in real_kb.treatments.values():
        assert all(link.site in real_kb.sites or link.site in real_kb.local_areas for link in treatment.sites)
    for drug in real_kb.drugs.values():
        assert drug.treatment in real_kb.treatments
    for statistic in real_kb.statistics.values():
        assert statistic.study is None or statistic.study in real_kb.studies
    assert all(citation.source in real_kb.sources for citation in query.all_citations(real_kb))


def test_every_claim_has_a_short_quote(real_kb: KnowledgeBase) -> None:
    citations = query.all_citations(real_kb)
    assert all(0 < len(citation.quote) <= check.MAX_QUOTE for citation in citations)


def test_the_model_is_immutable(real_kb: KnowledgeBase) -> None:
    with pytest.raises(FrozenError):
        real_kb.sites["bone"].name = "liver"  # type: ignore[misc]
    with pytest.raises(TypeError):
        real_kb.sites["liver"] = real_kb.sites["bone"]  # type: ignore[index]


def test_names_index_finds_names_aliases_places_and_brands(real_kb: KnowledgeBase) -> None:
    def kinds(word: str) -> set[tuple[str, str]]:
        return {(ref.kind, ref.id) for ref in real_kb.names[name_key(word)]}

    assert ("site", "bone") in kinds("Skeletal")
    assert ("place", "bone") in kinds("spine")
    assert ("place", "reproductive_tract") in kinds("ovaries")
    assert ("local_area", "lymph_nodes") in kinds("lymph nodes")
    assert ("symptom", "jaundice") in kinds("yellow skin")
    assert ("symptom", "shortness_of_breath") in kinds("dyspnea")
    assert ("drug", "trastuzumab") in kinds("HERCEPTIN")
    assert ("drug", "ado_trastuzumab_emtansine") in kinds("Kadcyla")
    assert ("term", "oligometastatic_cancer") in kinds("oligometastatic cancer")


def test_reverse_indexes_agree_with_the_entries(real_kb: KnowledgeBase) -> None:
    assert {site for site, _ in real_kb.sites_by_symptom["headache"]} == {"brain"}
    assert {site for site, _ in real_kb.sites_by_symptom["nausea"]} == {"bone", "brain", "liver"}
    assert real_kb.tests_by_site["bone"] == ("bone_scan",)
    assert set(real_kb.treatments_by_site["chest_wall"]) == {"radiation_therapy", "surgery"}
    assert set(real_kb.treatments_by_subtype["her2_positive"]) == {"targeted_therapy"}
    assert set(real_kb.drugs_by_treatment["hormone_therapy"]) == {"tamoxifen", "aromatase_inhibitors"}


def test_advice_for_every_answer_is_present(real_kb: KnowledgeBase) -> None:
    advice = real_kb.notes["contact_care_team"]
    assert advice.topic == "advice"
    assert {citation.source for citation in advice.citations} >= {"nci"}


def test_both_five_year_survival_figures_are_kept(real_kb: KnowledgeBase) -> None:
    survival = {s.value for s in real_kb.statistics.values() if s.topic == "survival"}
    assert {"31%", "27%"} <= survival


def test_bundled_path_points_at_the_checkout_data_when_not_installed() -> None:
    assert locate.bundled_path() == ROOT / "data"


def test_a_source_that_names_neither_publisher_nor_title_needs_a_label(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(FIXTURES / "minimal", folder)
    sources = folder / "sources.yaml"
    text = sources.read_text()
    label = next(line for line in text.splitlines() if line.strip().startswith("label:"))
    sources.write_text(text.replace(label + "\n", "", 1))
    with pytest.raises(KnowledgeBaseError) as raised:
        load.load(folder)
    [problem] = raised.value.problems
    assert problem.entry == 'source "news_article"'
    assert "needs a label" in problem.message
    assert problem.location is not None
    assert (problem.location.file.endswith("sources.yaml"), problem.location.line) == (True, 2)
