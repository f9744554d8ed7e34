"""Render a Document for the terminal: Rich tables, numbered citations and a references list."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mbc_cli.printable import visible
from mbc_cli.render.document import Document, Row, Section, markers, numbering, reference
from mbc_cli.render.text import literal

PADDING = 2
"""Blank columns around each cell (Rich's default padding of 1 on each side)."""


def render(document: Document, *, width: int = 80) -> RenderableType:
    """Return the whole answer: title, lead lines, tables, notes, references and the advice.

    A section is a table when every word of every cell fits in its column at this `width`;
    otherwise its rows are stacked, one field a line, so that no word is ever split.
    """
    numbers = numbering(document)
    parts: list[RenderableType] = [literal(document.title, style="bold")]
    parts += [_line(row, numbers) for row in document.lead]
    for section in document.sections:
        parts.append(Text())
        columns = _columns(section, numbers)
        widths = column_widths(columns, width)
        parts.append(_table(section, numbers, widths) if widths else _stacked(section, numbers))
    if document.notes:
        parts += [Text(), literal("What the sources note", style="bold")]
        parts += [_line(row, numbers, bullet="• ") for row in document.notes]
    parts += [Text(), _line(document.advice, numbers, style="bold")]
    parts += [Text(), literal("References", style="bold")]
    by_number = {n: document.sources[source] for source, n in numbers.items()}
    parts += [literal(f"[{n}] {reference(by_number[n])}") for n in sorted(by_number)]
    return Group(*parts)


def column_widths(columns: Sequence[Sequence[str]], width: int) -> list[int] | None:
    """Widths for columns of text (each its header, then its cells) in `width` terminal cells.

    Each column gets at least its longest word and at most its longest text. The room left goes
    first to the columns that lack least, so short columns keep their natural width and long
    ones share the rest equally. None when the longest words alone do not fit.
    """
    room = width - _frame(len(columns))
    longest = [max(cell_len(visible(cell)) for cell in column) for column in columns]
    words = [max((cell_len(w) for cell in column for w in visible(cell).split()), default=1) for column in columns]
    if sum(words) > room:
        return None
    widths = list(words)
    spare = room - sum(words)
    pending = sorted(range(len(columns)), key=lambda i: longest[i] - words[i])
    while pending and spare > 0:
        share, extra = divmod(spare, len(pending))
        first = pending[0]
        if longest[first] - widths[first] <= share:
            spare -= longest[first] - widths[first]
            widths[first] = longest[first]
            pending.pop(0)
            continue
        for rank, index in enumerate(pending):
            widths[index] += share + (1 if rank >= len(pending) - extra else 0)
        break
    return widths


def _frame(count: int) -> int:
    """Terminal cells a SIMPLE_HEAD table of `count` columns uses besides its text: edges, rules, padding."""
    return 2 + (count - 1) + PADDING * count


def _columns(section: Section, numbers: dict[str, int]) -> list[list[str]]:
    """The section's text by column, header first, with its sources column last."""
    columns = [[name, *(row.cells[index] for row in section.rows)] for index, name in enumerate(section.columns)]
    columns.append(["sources", *(markers(row.citations, numbers) for row in section.rows)])
    return columns


def _line(row: Row, numbers: dict[str, int], *, bullet: str = "", style: str = "") -> Text:
    text = literal(bullet + " ".join(row.cells), style=style)
    marks = markers(row.citations, numbers)
    if marks:
        text.append(" " + marks, style="dim")
    return text


def _table(section: Section, numbers: dict[str, int], widths: Sequence[int]) -> RenderableType:
    if not section.rows:
        return Group(literal(section.title, style="bold"), literal(section.empty, style="italic"))
    table = Table(title=literal(section.title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD)
    for column, column_width in zip((*section.columns, "sources"), widths, strict=True):
        style = "dim" if column == "sources" else ""
        table.add_column(literal(column), width=column_width, overflow="fold", style=style)
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
