"""The answers of mbc treatments and mbc tests: ordered by what fits, short enough for one screen, every row cited."""

from __future__ import annotations

import pytest

from mbc_cli import query
from mbc_cli.model import ANY_SUBTYPE, KnowledgeBase
from mbc_cli.render import table, treatments
from mbc_cli.render.document import Context, Document


def context(kb: KnowledgeBase) -> Context:
    return Context(kb.sources, query.advice(kb))


def answer(kb: KnowledgeBase, site: str | None = None, **flags: bool) -> Document:
    return treatments.treatments(query.treatments_for(kb, profile=query.profile(**flags), site=site), context(kb))


def lines(document: Document, width: int = 80) -> list[str]:
    return table.render(document, width=width).plain().splitlines()


def titles(document: Document) -> list[str]:
    return [section.title for section in document.sections]


def test_her2_positive_fits_one_screen_with_its_drugs_near_the_top(real_kb: KnowledgeBase) -> None:
    shown = lines(answer(real_kb, her2_positive=True))
    assert len(shown) <= 70
    first = "\n".join(shown[:25])
    for drug in ("trastuzumab", "pertuzumab", "tucatinib", "ado-trastuzumab emtansine"):
        assert drug in first


def test_sections_go_from_the_subtype_given_to_what_is_emerging(real_kb: KnowledgeBase) -> None:
    document = answer(real_kb, her2_positive=True)
    assert titles(document) == [
        "For HER2-positive cancer",
        "For metastatic breast cancer: the sources name no subtype",
        "Supportive and palliative care, clinical trials (what each does: mbc ask NAME)",
        "Emerging, as the sources call them (not described as treatments for it)",
    ]
    assert [row.cells[0] for row in document.sections[0].rows] == ["targeted therapy"]
    assert "chemotherapy" in [row.cells[0] for row in document.sections[1].rows]
    care = [row.cells[0] for row in document.sections[2].rows]
    assert "palliative care" in care and all(len(row.cells) == 1 for row in document.sections[2].rows)


def test_the_statuses_not_given_are_said_with_what_they_would_add(real_kb: KnowledgeBase) -> None:
    lead = [" ".join(row.cells) for row in answer(real_kb, her2_positive=True).lead]
    assert lead[0] == "HR status not given: hormone therapy is for HR-positive cancer (--hr-positive)."
    assert any("--brca" in line and "olaparib" in line for line in lead)
    # Given every status, nothing is unknown; given none, the lead says every treatment is shown.
    assert answer(real_kb, hr_positive=True, her2_positive=False, brca=True).lead == ()
    assert "No subtype given" in answer(real_kb).lead[0].cells[0]


def test_no_row_reads_as_if_no_subtype_was_given(real_kb: KnowledgeBase) -> None:
    for flags in ({}, {"her2_positive": True}, {"triple_negative": True}, {"hr_positive": True}):
        page = "\n".join(lines(answer(real_kb, **flags)))
        assert "no subtype named" not in page
        assert "for your cancer" not in page


def test_a_treatment_the_sources_name_for_no_subtype_says_so_in_their_words(real_kb: KnowledgeBase) -> None:
    index = treatments.COLUMNS.index("for")
    everything = answer(real_kb)
    rows = [row for section in everything.sections for row in section.rows]
    immunotherapy = next(row for row in rows if row.cells[0] == "immunotherapy")
    assert immunotherapy.cells[index].startswith(treatments.SUBTYPE_LABELS[ANY_SUBTYPE])
    assert immunotherapy.cell_citations(index)  # the sources that name it for metastatic breast cancer
    her2 = answer(real_kb, her2_positive=True)  # there the section's title says it, and no row repeats it
    assert her2.sections[1].title == "For metastatic breast cancer: the sources name no subtype"
    assert all(treatments.SUBTYPE_LABELS[ANY_SUBTYPE] not in " ".join(row.cells) for row in her2.sections[1].rows)


def test_a_note_on_the_subtype_given_stays_with_it(real_kb: KnowledgeBase) -> None:
    """The note on HER2-targeted drugs with chemotherapy shows with no flags, and with her2+ too."""
    for flags in ({}, {"her2_positive": True}):
        assert "target the HER2 protein" in "\n".join(lines(answer(real_kb, **flags)))
    assert "target the HER2 protein" not in "\n".join(lines(answer(real_kb, her2_positive=False)))


def test_every_result_in_json_is_a_row_shown(real_kb: KnowledgeBase) -> None:
    document = answer(real_kb, "bone", her2_positive=True)
    shown = [row.cells[0].split(" (")[0].split(":")[0] for section in document.sections for row in section.rows]
    assert [result["name"] for result in document.results] == shown


def test_with_a_site_those_tied_to_it_come_first_and_none_is_hidden(real_kb: KnowledgeBase) -> None:
    everything = answer(real_kb)
    bone = answer(real_kb, "bone")
    assert len(bone.results) == len(everything.results)
    first = bone.sections[0]
    assert first.columns[-1] == "tied to the bone"


@pytest.mark.parametrize("site", ["brain", "liver", "bone"])
def test_a_test_note_about_the_lungs_shows_only_for_the_lungs(real_kb: KnowledgeBase, site: str) -> None:
    def notes(site: str | None) -> str:
        tests = treatments.tests(query.tests_for(real_kb, site=site), context(real_kb))
        return " ".join(" ".join(row.cells) for row in tests.notes)

    assert "spread to the lungs" not in notes(site)
    assert "spread to the lungs" in notes("lung")
    assert "spread to the lungs" in notes(None)
