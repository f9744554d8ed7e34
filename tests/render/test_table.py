"""The terminal renderer: numbered citations, references, literal text, nothing cut off."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from mbc_cli import query
from mbc_cli.model import Citation, KnowledgeBase, Note
from mbc_cli.render import sites, symptoms, table, treatments
from mbc_cli.render.document import Context, Document, Row, Section, numbering


def text_of(document: Document, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(table.render(document, width=width))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def context(kb: KnowledgeBase) -> Context:
    return Context(kb.sources, query.advice(kb))


def test_site_answer_has_markers_and_a_matching_references_list(real_kb: KnowledgeBase) -> None:
    output = text_of(sites.site(query.by_site(real_kb, "liver"), context(real_kb)))
    used = {int(n) for n in re.findall(r"\[(\d+)\]", output)}
    listed = re.findall(r"^\[(\d+)\] ", output, flags=re.MULTILINE)
    assert [int(n) for n in listed] == sorted(used)
    assert "National Cancer Institute (NCI)" in output
    assert "https://www.cancer.gov/types/breast/stages/metastatic-breast-cancer" in output
    assert "jaundice" in output
    assert "health care provider right away" in output


def document(text: str, kb: KnowledgeBase) -> Document:
    """A small answer whose every line carries `text`."""
    return Document(
        title=text,
        query={},
        results=(),
        lead=(Row((text,)),),
        sections=(Section("Rows", ("name", "detail"), (Row((text, text * 3)),)),),
        notes=(),
        advice=Row(("Talk to your care team.",), (Citation("nci", "q"),)),
        sources=kb.sources,
    )


@pytest.mark.parametrize("text", ["[bold]not bold[/bold]", "[/]", ":warning: sign", "[link=x]y[/link]"])
def test_markup_in_text_is_printed_literally(real_kb: KnowledgeBase, text: str) -> None:
    rendered = text_of(document(text, real_kb))
    assert text in rendered
    assert "⚠" not in rendered


def test_control_characters_are_shown_escaped(real_kb: KnowledgeBase) -> None:
    rendered = text_of(document("evil\x1b[31mred\x07", real_kb))
    assert "\x1b" not in rendered
    assert "\x07" not in rendered
    assert "evil\\x1b[31mred\\x07" in rendered


@pytest.mark.parametrize("width", [40, 50, 80, 120, 200])
def test_nothing_is_cut_off_at_any_width(real_kb: KnowledgeBase, width: int) -> None:
    answer = treatments.treatments(
        query.treatments_for(real_kb, profile=query.profile(her2_positive=True)), context(real_kb)
    )
    rendered = text_of(answer, width=width)
    assert "…" not in rendered
    cells = [cell for section in answer.sections for row in section.rows for cell in row.cells]
    # Every letter of every cell is printed (wrapping moves letters, truncation would drop them)...
    assert not Counter(c for cell in cells for c in cell if c.isalnum()) - Counter(c for c in rendered if c.isalnum())
    # ...and every short word stands whole.
    for cell in cells:
        for word in re.findall(r"[A-Za-z0-9]+", cell):
            assert len(word) > 10 or word in rendered, (width, word)


def test_narrow_terminals_stack_rows(real_kb: KnowledgeBase) -> None:
    answer = treatments.tests(query.tests_for(real_kb), context(real_kb))
    narrow = text_of(answer, width=40)
    assert "• biopsy" in narrow
    assert "what it shows:" in narrow


def test_every_answer_ends_with_the_advice_before_references(real_kb: KnowledgeBase) -> None:
    advice: Note = query.advice(real_kb)
    output = text_of(sites.sites(query.all_sites(real_kb), context(real_kb)))
    assert output.index(advice.text[:30]) < output.index("References")


def _answers(kb: KnowledgeBase) -> dict[str, Document]:
    """An answer of each command, as its table shows it."""
    from mbc_cli.render import reference, text_search

    ctx = context(kb)
    return {
        "site bone": sites.site(query.by_site(kb, "bone"), ctx),
        "sites": sites.sites(query.all_sites(kb), ctx),
        "symptom headache": symptoms.symptom(query.by_symptoms(kb, ["headache"]), ctx),
        "symptoms": symptoms.symptoms(query.all_symptoms(kb), ctx),
        "treatments --her2-positive": treatments.treatments(
            query.treatments_for(kb, profile=query.profile(her2_positive=True)), ctx
        ),
        "treatments": treatments.treatments(query.treatments_for(kb, profile=query.profile()), ctx),
        "tests": treatments.tests(query.tests_for(kb), ctx),
        "stats": reference.stats(query.statistics(kb), ctx),
        "terms": reference.terms(query.all_terms(kb), ctx),
        "drugs": reference.drugs(query.all_drugs(kb), ctx),
        "sources": reference.sources(query.summary(kb), ctx),
        "search": text_search.search(query.search(kb, "five year survival"), ctx),
    }


WIDTHS = (80, 100, 120, 140, 160)


def test_a_wider_terminal_never_gives_a_taller_answer(real_kb: KnowledgeBase) -> None:
    for name, answer in _answers(real_kb).items():
        heights = [len(table.render(answer, width=width).lines) for width in WIDTHS]
        assert heights == sorted(heights, reverse=True), (name, dict(zip(WIDTHS, heights, strict=True)))


def test_no_line_is_wider_than_the_terminal(real_kb: KnowledgeBase) -> None:
    for name, answer in _answers(real_kb).items():
        for width in (20, 33, *WIDTHS):
            wide = [line for line in table.render(answer, width=width).plain().splitlines() if len(line) > width]
            assert not wide, (name, width, wide)


def test_prose_gets_the_room_at_100_columns_and_wider(real_kb: KnowledgeBase) -> None:
    """A table's prose column (the one holding the most text) is never squeezed: at 100 columns and
    wider it is at least 20 cells wide, or as wide as its longest text (else the rows are stacked)."""
    for name, answer in _answers(real_kb).items():
        numbers = numbering(answer)
        for width in WIDTHS[1:]:
            shown = table.render(answer, width=width).plain()
            for section in answer.sections:
                if len(section.columns) < 2:  # a list, one line each: nothing to squeeze
                    continue
                widths = table.section_widths(section, numbers, width)
                header = rf"\n  {re.escape(section.columns[0])} +{re.escape(section.columns[1])}"
                if widths is None or not section.rows or not re.search(header, shown):  # stacked
                    continue
                texts = [[row.cells[i] for row in section.rows] for i in range(len(section.columns))]
                prose = max(range(len(texts)), key=lambda i: sum(len(text) for text in set(texts[i])))
                natural = max(len(text) for text in (section.columns[prose], *texts[prose]))
                assert widths[prose] >= min(20, natural), (name, width, section.title, widths)


def test_wrapped_lines_hang_under_their_text(real_kb: KnowledgeBase) -> None:
    """A bullet's later lines start under its text, a field's under its value, a symptom chain's under its words."""
    lines = table.render(_answers(real_kb)["treatments --her2-positive"], width=80).plain().splitlines()
    aims = [i for i, line in enumerate(lines) if line.startswith("  aims: ")]
    assert aims
    assert any(lines[start + 1].startswith(" " * len("  aims: ") + "c") for start in aims)  # a wrapped aim
    for start in aims:
        if lines[start + 1].strip() and not lines[start + 1].startswith(("  drugs", "  notes", "  for", "  also", "•")):
            assert lines[start + 1].startswith(" " * len("  aims: "))
    site = table.render(_answers(real_kb)["site bone"], width=60).plain().splitlines()
    chain = next(i for i, line in enumerate(site) if line.startswith("• spinal cord compression (a condition) → "))
    assert site[chain + 1].startswith("  ") and not site[chain + 1].startswith("   ")  # under the bullet's words
    notes = table.render(_answers(real_kb)["site bone"], width=40).plain().splitlines()
    start = notes.index("What the sources note")
    bullets = notes[start + 1 :]
    assert bullets[0].startswith("• ")
    assert all(line.startswith(("• ", "  ")) for line in bullets[: bullets.index("")])


def test_wrap_never_splits_a_word_that_fits() -> None:
    assert table.wrap("alpha beta gamma", 11) == ["alpha beta", "gamma"]
    assert table.wrap("alpha beta gamma", 11, hang=2) == ["alpha beta", "  gamma"]
    assert table.wrap("  - alpha beta gamma", 12, hang=4) == ["  - alpha", "    beta", "    gamma"]
    assert table.wrap("https://example.org/long", 10) == ["https://ex", "ample.org/", "long"]
    assert table.wrap("", 10) == [""]


@given(
    words=st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=12), max_size=30),
    width=st.integers(min_value=12, max_value=60),
    lead=st.sampled_from(["", "  ", "  - "]),
)
def test_counting_lines_agrees_with_wrapping(words: list[str], width: int, lead: str) -> None:
    """Column widths are chosen by counting the lines each would give, without wrapping: the count must
    be what `wrap` makes (for words that fit a line, as a table's always do)."""
    text = lead + " ".join(words)
    hang = table._hang(text)
    sizes = [len(word) for word in text.split()]  # as column_widths measures a cell
    assert table._count_lines(sizes, width, len(text) - len(text.lstrip(" ")), hang) == len(
        table.wrap(text, width, hang)
    )
