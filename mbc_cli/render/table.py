"""Render a Document for the terminal: lines laid out to the width, numbered citations, a references list.

mbc lays its tables out itself instead of with rich.table. It knows every cell before it prints,
so it can give the room to the columns that hold the prose, choose between a table and stacked
rows by which is shorter (a wider terminal never gives a taller answer), and hang the second
line of a bullet under its text. It is also faster: importing and rendering rich.table took about
9 ms of a 70 ms question (#12). Rich still writes the lines: colour, encoding and closed pipes
are the console's (mbc_cli/terminal.py). Widths are measured in terminal cells (`cell_len`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment

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

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

Span = tuple[str, str]
"""Text and the name of its style ("" for none)."""
Line = tuple[Span, ...]

HEADING = 10
"""A column is at least this wide, or as wide as its heading: "tied to the bone" on two lines, not four."""
MARGIN = 2
"""Blank cells before a table's first column."""
GAP = 3
"""Blank cells between two columns."""
_BULLET = "• "


class Lines:
    """Finished lines for Rich to write as they are: each fits the width it was laid out for."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = tuple(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        styles: dict[str, object] = {}
        for line in self.lines:
            for text, style in line:
                if style and style not in styles:
                    styles[style] = console.get_style(style)
                yield Segment(text, styles[style] if style else None)  # type: ignore[arg-type]
            yield Segment.line()

    def plain(self) -> str:
        """The lines as text, without styles."""
        return "".join("".join(text for text, _ in line) + "\n" for line in self.lines)


def render(document: Document, *, width: int = 80) -> Lines:
    """Return the whole answer: title, lead lines, tables, notes, references and the advice.

    A section is a table when every word of every cell fits its column at this `width` and the
    table is no taller than its rows stacked (one field a line); otherwise its rows are stacked.
    No word is ever split, unless it is wider than the terminal itself.
    """
    numbers = numbering(document)
    lines: list[Line] = [*_wrapped(document.title, width, "bold")]
    for row in document.lead:
        lines += _cited(row, numbers, width)
    for section in document.sections:
        lines.append(())
        lines += _section(section, numbers, width)
    if document.notes:
        lines += [(), *_wrapped("What the sources note", width, "bold")]
        for row in document.notes:
            lines += _cited(row, numbers, width, bullet=_BULLET)
    lines.append(())
    lines += _cited(document.advice, numbers, width, style="bold")
    lines += [(), (("References", "bold"),)]
    by_number = {n: document.sources[source] for source, n in numbers.items()}
    for n in sorted(by_number):
        lines += _wrapped(f"[{n}] {reference(by_number[n])}", width, hang=len(f"[{n}] "))
    return Lines(lines)


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words; lines after the first start
    `hang` cells in (two, when `hang` would take more than half the line or leave a word no room).
    A word wider than a line is split (the only way to show it whole)."""
    words = text.split()
    if not words:
        return [""]
    hang = _hanging(hang, width, max(cell_len(word) for word in words))
    lead = len(text) - len(text.lstrip(" "))  # a nested item keeps its indent
    lines: list[str] = []
    current, used = " " * lead, lead
    for word in words:
        size = cell_len(word)
        indent = hang if lines else lead
        if current.strip() and used + 1 + size <= width:
            current, used = f"{current} {word}", used + 1 + size
            continue
        if current.strip():
            lines.append(current)
            indent = hang
        room = max(1, width - indent)
        while size > room:  # only a word wider than the line itself
            head = _fit(word, room)
            lines.append(" " * indent + head)
            word = word[len(head) :]
            size = cell_len(word)
            indent = hang
            room = max(1, width - indent)
        current, used = " " * indent + word, indent + size
    lines.append(current)
    return lines


def _hanging(hang: int, width: int, longest_word: int) -> int:
    """How far later lines start: `hang`, or two when it would take more than half the line or leave the
    longest word no room."""
    return min(hang, 2) if hang > width // 2 or hang + longest_word > width else hang


def column_widths(columns: Sequence[Sequence[str]], room: int) -> list[int] | None:
    """Widths for columns of text (each its header, then its cells) that share `room` cells.

    Each column gets at least its longest word (and enough of its heading to read it: HEADING cells)
    and at most its longest text. Of the ways tried to
    share the rest, the one that makes the table shortest wins; ties go to the first:
    - in proportion to how much text each column holds (each different text counted once), after
      the columns that lack no more than an equal share get their whole text: prose gets the
      room, and a column that is mostly empty or says the same on every row does not;
    - for each column, all the others whole (shortest first, as far as the room goes) and the rest
      to it.
    None when the longest words alone do not fit.
    """
    longest = [max(cell_len(cell) for cell in column) for column in columns]
    sizes = [[[cell_len(word) for word in cell.split()] for cell in column] for column in columns]
    indents = [[(len(cell) - len(cell.lstrip(" ")), _hang(cell)) for cell in column] for column in columns]
    words = [
        max(
            min(HEADING, cell_len(texts[0])),
            *(max(lead + cell[0], *cell) for cell, (lead, _) in zip(column, indent, strict=True) if cell),
        )
        for texts, column, indent in zip(columns, sizes, indents, strict=True)
    ]
    if sum(words) > room:
        return None
    tried = [_shared(columns, longest, words, room)]
    by_lack = sorted(range(len(columns)), key=lambda i: longest[i] - words[i])
    for taker in by_lack:
        widths = list(words)
        spare = room - sum(words)
        for other in by_lack:
            if other != taker and longest[other] - widths[other] <= spare:
                spare -= longest[other] - widths[other]
                widths[other] = longest[other]
        widths[taker] += min(spare, longest[taker] - widths[taker])
        tried.append(widths)
    heights: dict[tuple[int, int], list[int]] = {}

    def height(widths: list[int]) -> int:
        per_column = []
        for index, width in enumerate(widths):
            if (index, width) not in heights:
                heights[index, width] = [
                    _count_lines(cell, width, *indent)
                    for cell, indent in zip(sizes[index], indents[index], strict=True)
                ]
            per_column.append(heights[index, width])
        return sum(max(row) for row in zip(*per_column, strict=True))

    return min(tried, key=height)


def _shared(columns: Sequence[Sequence[str]], longest: list[int], words: list[int], room: int) -> list[int]:
    """Short columns whole, then the room shared by how much text each column holds."""
    weights = [sum(cell_len(cell) for cell in set(column[1:])) or 1 for column in columns]
    widths = list(words)
    spare = room - sum(words)
    pending = sorted(range(len(columns)), key=lambda i: longest[i] - words[i])
    while pending and longest[pending[0]] - widths[pending[0]] <= spare // len(pending):
        first = pending.pop(0)
        spare -= longest[first] - widths[first]
        widths[first] = longest[first]
    while spare > 0:
        open_ = [i for i in range(len(columns)) if widths[i] < longest[i]]
        if not open_:
            break
        total = sum(weights[i] for i in open_)
        shares = {i: min(longest[i] - widths[i], spare * weights[i] // total) for i in open_}
        if not any(shares.values()):
            shares = {max(open_, key=lambda i: weights[i]): 1}
        for i, share in shares.items():
            widths[i] += share
            spare -= share
    return widths


def _count_lines(sizes: Sequence[int], width: int, lead: int = 0, hang: int = 0) -> int:
    """How many lines `wrap` makes of words of these sizes (in cells) at `width`, after `lead` cells
    on the first line and `hang` on the others, without making them (a word wider than a line counts
    as one line): choosing column widths tries several, and this is the hot part of it."""
    hang = _hanging(hang, width, max(sizes, default=0))
    lines, used = 1, -1
    for size in sizes:
        if used < 0:
            used = lead + size
        elif used + 1 + size <= width:
            used += 1 + size
        else:
            lines, used = lines + 1, hang + size
    return lines


def _fit(word: str, room: int) -> str:
    """The longest start of `word` that fits in `room` cells (at least one character)."""
    end = 1
    while end < len(word) and cell_len(word[: end + 1]) <= room:
        end += 1
    return word[:end]


def _wrapped(text: str, width: int, style: str = "", hang: int = 0) -> list[Line]:
    return [((line, style),) for line in wrap(visible(text), width, hang)]


def _cited(row: Row, numbers: dict[str, int], width: int, *, bullet: str = "", style: str = "") -> list[Line]:
    """A line of text with its citation markers after it, wrapped under its bullet (a quote under its text)."""
    text = visible(" ".join(row.cells))
    hang = len(text) - len(text.lstrip()) + len("quote: ") if row.evidence else len(bullet)
    return _marked(("" if row.evidence else bullet) + text, markers(row.citations, numbers), width, hang, style)


def _marked(text: str, marks: str, width: int, hang: int, style: str = "") -> list[Line]:
    """`text` wrapped, then its markers (dimmed): they end its last line, or take lines of their own."""
    lines = wrap(f"{text} {marks}" if marks else text, width, hang)
    if not marks:
        return [((line, style),) for line in lines]
    *body, last = lines
    done: list[Line] = [((line, style),) for line in body]
    cut = len(last) - len(marks)
    done.append(((last[:cut], style), (marks, "dim")) if cut >= 0 and last[cut:] == marks else ((last, "dim"),))
    return done


def _section(section: Section, numbers: dict[str, int], width: int) -> list[Line]:
    title = _wrapped(section.title, width, "bold")
    if not section.rows:
        return [*title, *_wrapped(section.empty, width, "italic")]
    names, rows = _cells(section, numbers)
    marks = [markers(row.citations, numbers) for row in section.rows]
    stacked = _stacked(section, [row[: len(section.columns)] for row in rows], marks, width)  # rows: as shown
    widths = section_widths(section, numbers, width)
    if widths is not None:
        table = _table(names, rows, widths, sources=len(names) > len(section.columns))
        if len(table) <= len(stacked):
            return [*title, *table]
    return [*title, *stacked]


def section_widths(section: Section, numbers: dict[str, int], width: int) -> list[int] | None:
    """The widths of a section's columns (its sources last, if it has one) as a table at `width`; None if it
    cannot be one."""
    names, rows = _cells(section, numbers)
    room = width - MARGIN - GAP * (len(names) - 1)
    return column_widths([[name, *cells] for name, *cells in zip(names, *rows, strict=True)], room)


def _cells(section: Section, numbers: dict[str, int]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A section's column names and rows as shown: its text made visible, each cell with the markers of its
    own citations, and the rows' own markers last, in a sources column (none when no row has citations of
    its own: every citation then stands beside the words it supports)."""
    rows = [tuple(visible(cell) for cell in shown_cells(row, numbers)) for row in section.rows]
    if not has_row_citations(section):
        return section.columns, rows
    names = (*section.columns, section.sources)
    return names, [(*cells, markers(row.citations, numbers)) for cells, row in zip(rows, section.rows, strict=True)]


def _table(names: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int], *, sources: bool) -> list[Line]:
    header = _table_row(names, widths, ("bold",) * len(names))
    rule: Line = ((" " * (MARGIN - 1) + "─" * (sum(widths) + GAP * (len(widths) - 1) + 1), "dim"),)
    styles = ("",) * (len(widths) - 1) + ("dim" if sources else "",)
    body = [line for row in rows for line in _table_row(row, widths, styles)]
    return [*header, rule, *body]


def _table_row(cells: Sequence[str], widths: Sequence[int], styles: Sequence[str]) -> Iterator[Line]:
    """One row of a table: each cell wrapped in its column, the row as tall as its tallest cell."""
    wrapped = [wrap(cell, width, _hang(cell)) for cell, width in zip(cells, widths, strict=True)]
    for index in range(max(len(lines) for lines in wrapped)):
        spans: list[Span] = [(" " * MARGIN, "")]
        last = len(wrapped) - 1
        for column, (lines, width, style) in enumerate(zip(wrapped, widths, styles, strict=True)):
            text = lines[index] if index < len(lines) else ""
            if column < last:
                spans.append((text, style))
                spans.append((" " * (width - cell_len(text) + GAP), ""))
            else:
                spans.append((text, style))
        yield _trimmed(spans)


def _hang(cell: str) -> int:
    """How far a cell's later lines start: under the text of a nested item ("  - back pain")."""
    stripped = cell.lstrip(" ")
    indent = len(cell) - len(stripped)
    return indent + 2 if stripped[:2] in ("- ", _BULLET) else indent


def _stacked(section: Section, rows: Iterable[Sequence[str]], marks_of: Sequence[str], width: int) -> list[Line]:
    """Rows one field a line: the first cell as a bullet, then each other field. The row's own markers
    follow the bullet, or have a field of their own when the section names what they are ("tied to it by")."""
    lines: list[Line] = []
    own = section.sources != "sources"
    for row, cells, marks in zip(section.rows, rows, marks_of, strict=True):
        if row.evidence:  # "quote (what it aims to do): “…” [1]", under the fields it supports
            at = next((i for i, cell in enumerate(cells) if "“" in cell), 0)
            quote = cells[at].strip().removeprefix("quote: ").removeprefix("quote")
            label = "    quote: " if at == 0 else f"    quote ({section.columns[at]}): "
            lines += _marked(label + quote.strip(), marks, width, len(label))
            continue
        first, *rest = cells
        lines += _marked(_BULLET + first.strip(), "" if own else marks, width, len(_BULLET))
        fields = [*zip(section.columns[1:], rest, strict=True), *([(section.sources, marks)] if own else [])]
        for column, cell in fields:
            if cell:
                label = f"  {column}: "
                lines += _wrapped(label + cell.strip(), width, hang=len(label))
    return lines


def _trimmed(spans: list[Span]) -> Line:
    """A line without the blanks at its end."""
    while spans and not spans[-1][0].strip():
        spans.pop()
    if spans:
        text, style = spans[-1]
        spans[-1] = (text.rstrip(), style)
    return tuple(spans)
