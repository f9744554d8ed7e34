"""Render a Document as Markdown a caregiver can paste into notes or print for an appointment."""

from __future__ import annotations

from mbc_cli.printable import visible
from mbc_cli.render.document import (
    Document,
    Row,
    Section,
    has_row_citations,
    markers,
    numbering,
    reference,
    shown_cells,
)


def render(document: Document) -> str:
    """Return the answer as a self-contained Markdown document."""
    numbers = numbering(document)
    out = [f"# {_inline(document.title)}", ""]
    out += [_line(row, numbers) + "  " for row in document.lead]
    for section in document.sections:
        out += ["", *_table(section, numbers)]
    if document.notes:
        out += ["", "## What the sources note", ""]
        out += [f"- {_line(row, numbers)}" for row in document.notes]
    out += ["", f"> **{_line(document.advice, numbers)}**", "", "## References", ""]
    by_number = {n: document.sources[source] for source, n in numbers.items()}
    out += [f"{n}. {_inline(reference(by_number[n]))}" for n in sorted(by_number)]
    return "\n".join(out) + "\n"


def _inline(text: str) -> str:
    """Make text safe inside a Markdown line or table cell: no raw controls, pipes or markup."""
    text = visible(" ".join(text.split()))
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _line(row: Row, numbers: dict[str, int]) -> str:
    marks = markers(row.citations, numbers)
    return _inline(" ".join(row.cells)) + (f" {_inline(marks)}" if marks else "")


def _table(section: Section, numbers: dict[str, int]) -> list[str]:
    lines = [f"## {_inline(section.title)}", ""]
    if not section.rows:
        return [*lines, f"_{_inline(section.empty)}_"]
    sources = has_row_citations(section)
    header = [*section.columns, section.sources] if sources else list(section.columns)
    lines.append("| " + " | ".join(_inline(h) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    for row in section.rows:
        cells = [_inline(cell) for cell in shown_cells(row, numbers)]
        if sources:
            cells.append(_inline(markers(row.citations, numbers)))
        lines.append("| " + " | ".join(cells) + " |")
    return lines
