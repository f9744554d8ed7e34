"""The terminal renderer: numbered citations, references, literal text, nothing cut off."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from rich.console import Console

from mbc_cli import query
from mbc_cli.model import Citation, KnowledgeBase, Note
from mbc_cli.render import answers, table
from mbc_cli.render.document import Document, Row, Section


def text_of(document: Document, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(table.render(document, width=width))
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def context(kb: KnowledgeBase) -> answers.Context:
    return answers.Context(kb.sources, query.advice(kb))


def test_site_answer_has_markers_and_a_matching_references_list(real_kb: KnowledgeBase) -> None:
    output = text_of(answers.site(query.by_site(real_kb, "liver"), context(real_kb)))
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
    answer = answers.treatments(
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
    answer = answers.tests(query.tests_for(real_kb), context(real_kb))
    narrow = text_of(answer, width=40)
    assert "• biopsy" in narrow
    assert "what it shows:" in narrow


def test_every_answer_ends_with_the_advice_before_references(real_kb: KnowledgeBase) -> None:
    advice: Note = query.advice(real_kb)
    output = text_of(answers.sites(query.all_sites(real_kb), context(real_kb)))
    assert output.index(advice.text[:30]) < output.index("References")
