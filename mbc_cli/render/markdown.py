"""Render a Document as Markdown a caregiver can paste into a letter or notes, or print for an appointment.

It pastes as it reads:
- Only what would otherwise change the Markdown is escaped (a `*` that could open emphasis, a `[` that
  could open a link, a `#` that would start a heading), so no backslash shows where none is needed.
- Citations are footnotes keyed by source (`[^nci]`), not numbers that restart with each answer: two
  answers pasted one after the other cite each source one way, and their definitions agree.
- How mbc read the words typed ("Understood as…", "Answered by…") is bookkeeping: kept in an HTML
  comment, which a Markdown viewer does not show.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from mbc_cli.model import Citation
from mbc_cli.printable import visible
from mbc_cli.render.document import Document, Row, Section, has_row_citations, numbering, reference


def render(document: Document) -> str:
    """Return the answer as a self-contained Markdown document."""
    order = numbering(document)
    out = [f"# {inline(document.title, at_start=False)}", ""]
    for row in document.lead:
        out += [_line(row, order), ""]
    for section in document.sections:
        out += [*_section(section, order), ""]
    if document.notes:
        out += ["## What the sources note", ""]
        out += [_item(row, order) for row in document.notes]
        out.append("")
    out += [f"> **{_cited(document.advice.cells[0], document.advice.citations, order)}**", ""]
    for source in order:  # one footnote per source, in the order first cited
        out.append(f"[^{label(source)}]: {inline(reference(document.sources[source]))}")
    return "\n".join(out).rstrip("\n") + "\n"


def footnotes(citations: Sequence[Citation], order: Mapping[str, int]) -> str:
    """The footnote references of some citations, each source once, in the answer's `order` of its sources (the
    order the table numbers them, which a Markdown viewer's footnote numbers then follow): `[^nci] [^goodrx]`."""
    return " ".join(f"[^{label(source)}]" for source in sorted({c.source for c in citations}, key=order.__getitem__))


def label(source: str) -> str:
    """A source's footnote label: its id, in words a reader can take in (`news-article`), the same in every
    answer, so that answers pasted together cite each source one way."""
    return source.replace("_", "-")


def _cited(text: str, citations: Sequence[Citation], order: Mapping[str, int], *, in_table: bool = False) -> str:
    """Text and the footnotes of its citations, in a line or (`in_table`) a table's cell."""
    marks = footnotes(citations, order)
    said = inline(text, in_table=in_table)
    return f"{said} {marks}" if said and marks else said or marks


def _line(row: Row, order: Mapping[str, int]) -> str:
    """A lead line: a paragraph of its own, or, for bookkeeping, an HTML comment."""
    text = " ".join(cell for cell in row.cells if cell)
    if row.aside:
        return _comment(text)
    return _cited(text, row.every_citation(), order)


def _item(row: Row, order: Mapping[str, int]) -> str:
    text = " ".join(cell for cell in row.cells if cell)
    if row.aside:
        return _comment(text)
    return f"- {_cited(text, row.every_citation(), order)}"


def _comment(text: str) -> str:
    """Bookkeeping, which a Markdown viewer does not show: an HTML comment that nothing in `text` can close."""
    said = _CLOSER.sub("- -", visible(" ".join(text.split())))
    return f"<!-- mbc: {said} -->"


_CLOSER = re.compile(r"--(?=[\s!]*>)")
"""What would end a comment, in one parser or another: "-->", "--!>", "-- >"."""


def _section(section: Section, order: Mapping[str, int]) -> list[str]:
    lines = [f"## {inline(section.title, at_start=False)}", ""]
    if not section.rows:
        return [*lines, inline(section.empty)]
    if len(section.columns) == 1:  # a list: one line each
        return lines + [_item(row, order) for row in section.rows]
    sources = has_row_citations(section)
    header = [*section.columns, section.sources] if sources else list(section.columns)
    lines.append("| " + " | ".join(inline(h, in_table=True) for h in header) + " |")
    lines.append("|" + "---|" * len(header))
    for row in section.rows:
        cells = [
            _cited(cell, row.cell_citations(index) if not row.aside else (), order, in_table=True)
            for index, cell in enumerate(row.cells)
        ]
        if sources:
            cells.append(footnotes(row.citations, order))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


# --- escaping: only what would change the Markdown ------------------------------------------------

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+\s*$|-+\s*$|(?:_\s*){3,}$)")
_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_LINK_CLOSE = re.compile(r"\](?=[(\[:])")


def inline(text: str, *, in_table: bool = False, at_start: bool = True) -> str:
    """`text` as Markdown that renders to exactly `text` (runs of white space as one space): only the
    characters that would otherwise make emphasis, code, a link, a footnote, HTML, an entity, a table cell
    or (`at_start`) a heading, quote or list are escaped."""
    text = visible(" ".join(text.split()))
    at_start = at_start and not in_table  # a table's cell starts no block
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if _needs_escape(char, before, after, text, index, in_table):
            out.append("\\")
        out.append(char)
    escaped = "".join(out)
    escaped = _ENTITY.sub(lambda m: "\\" + m.group(0), escaped)  # "&amp;" stays five characters
    if at_start:
        escaped = _block_safe(escaped)
    return escaped


def _needs_escape(char: str, before: str, after: str, text: str, index: int, in_table: bool) -> bool:
    if char == "\\":  # a backslash escapes only the punctuation after it, and breaks a line at its end
        return after in _ASCII_PUNCTUATION or index + 1 == len(text)
    if char == "`":
        return True
    if char == "*":  # emphasis: a `*` next to a non-space could open or close it
        return not (before.isspace() and after.isspace())
    if char == "_":  # `_` inside a word never makes emphasis
        return not (before.isalnum() and after.isalnum()) and not (before.isspace() and after.isspace())
    if char == "^":  # an inline footnote: ^[…]
        return after == "["
    if char == "~":
        return before == "~" or after == "~"
    if char == "[":  # a footnote `[^…]`, or a link `[…](…)`, `[…][…]`, `[…]:`
        return after == "^" or _LINK_CLOSE.search(text, index) is not None
    if char == "]":
        return _LINK_CLOSE.match(text, index) is not None
    if char == "<":
        return _TAG.match(text, index) is not None
    if char == "|":
        return in_table
    return False


def _block_safe(text: str) -> str:
    """Escape what would make a line a heading, a quote, a list item or a rule."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    marker = match.group(0)
    if marker[0].isdigit():  # "1. …" or "1) …": escape the dot or bracket after the number
        return f"{marker}\\{text[len(marker) :]}"
    return "\\" + text
