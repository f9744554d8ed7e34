"""Render a Document for the terminal: Rich tables, numbered citations and a references list."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mbc_cli.render.document import Document, Row, Section, markers, numbering, reference
from mbc_cli.render.text import literal

SHORT = 18
"""A column whose every cell fits in this many characters keeps its natural width."""
COLUMN_ROOM = 20
"""Terminal columns a table column needs; with less, rows are stacked instead of laid out as a table."""


def render(document: Document, *, width: int = 80) -> RenderableType:
    """Return the whole answer: title, lead lines, tables, notes, references and the advice."""
    numbers = numbering(document)
    parts: list[RenderableType] = [literal(document.title, style="bold")]
    parts += [_line(row, numbers) for row in document.lead]
    for section in document.sections:
        parts.append(Text())
        narrow = width < COLUMN_ROOM * (len(section.columns) + 1)
        parts.append(_stacked(section, numbers) if narrow else _table(section, numbers))
    if document.notes:
        parts += [Text(), literal("What the sources note", style="bold")]
        parts += [_line(row, numbers, bullet="• ") for row in document.notes]
    parts += [Text(), _line(document.advice, numbers, style="bold")]
    parts += [Text(), literal("References", style="bold")]
    by_number = {n: document.sources[source] for source, n in numbers.items()}
    parts += [literal(f"[{n}] {reference(by_number[n])}") for n in sorted(by_number)]
    return Group(*parts)


def _line(row: Row, numbers: dict[str, int], *, bullet: str = "", style: str = "") -> Text:
    text = literal(bullet + " ".join(row.cells), style=style)
    marks = markers(row.citations, numbers)
    if marks:
        text.append(" " + marks, style="dim")
    return text


def _table(section: Section, numbers: dict[str, int]) -> RenderableType:
    if not section.rows:
        return Group(literal(section.title, style="bold"), literal(section.empty, style="italic"))
    table = Table(title=Text(section.title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD, expand=True)
    for index, column in enumerate(section.columns):
        cells = [row.cells[index] for row in section.rows]
        longest_word = max((len(word) for cell in (column, *cells) for word in cell.split()), default=1)
        longest = max(len(cell) for cell in (column, *cells))
        # Long texts share the room by ratio; short ones keep their natural width, so no word is split.
        table.add_column(
            column,
            overflow="fold",
            ratio=max(1, min(8, longest // 12)) if longest > SHORT else None,
            min_width=min(longest_word, SHORT),
        )
    table.add_column("sources", overflow="fold", style="dim", min_width=7)
    for row in section.rows:
        table.add_row(*(literal(cell) for cell in row.cells), literal(markers(row.citations, numbers)))
    return table


def _stacked(section: Section, numbers: dict[str, int]) -> RenderableType:
    lines: list[RenderableType] = [literal(section.title, style="bold")]
    if not section.rows:
        lines.append(literal(section.empty, style="italic"))
    for row in section.rows:
        first, *rest = row.cells
        lines.append(_line(Row((first,), row.citations), numbers, bullet="• "))
        lines += [
            literal(f"  {column}: {cell}") for column, cell in zip(section.columns[1:], rest, strict=True) if cell
        ]
    return Group(*lines)
