"""One answer, ready for any output format: its lines, tables, notes, JSON results and sources."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

from mbc_cli.declare import Record
from mbc_cli.model import Citation, Claim, Note, Source
from mbc_cli.render.text import source_label
from mbc_cli.understand.normalise import content, name_key

JsonObject = Mapping[str, object]


class Row(Record):
    """A line of an answer: its cells (one per column, or one for a lead line) and its citations.

    Each cell's words carry their own citations (`cited`), shown beside that cell; `citations` are
    the row's own: those of a one-cell line, or of what ties the row to the answer (a link).
    """

    cells: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    cited: tuple[tuple[Citation, ...], ...] = ()
    """The citations of each cell's words, cell by cell (empty: the cells have none of their own)."""
    evidence: bool = False
    """A quote that --evidence puts under the row it supports, in the column of the words it supports."""
    aside: bool = False
    """How mbc read what was typed ("Understood as…", "Answered by…"): bookkeeping, not what the sources say.
    A terminal shows it; Markdown, meant to be pasted into a letter, keeps it in an HTML comment."""

    def every_citation(self) -> tuple[Citation, ...]:
        """The cells' citations, then the row's own: in reading order (the sources column comes last)."""
        return (*(c for cell in self.cited for c in cell), *self.citations)

    def cell_citations(self, index: int) -> tuple[Citation, ...]:
        """The citations of one cell's words."""
        return self.cited[index] if index < len(self.cited) else ()


class Section(Record):
    """A table of an answer."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    empty: str = "Nothing in the sources."
    """What to say when there are no rows."""
    sources: str = "sources"
    """The heading of the column of the rows' own citations (what ties a row to the answer)."""


class Document(Record):
    """An answer to one command, in the terms every renderer understands."""

    title: str
    query: JsonObject
    """The question as understood, for JSON."""
    results: tuple[JsonObject, ...]
    """The JSON results, in the order the tables show them."""
    lead: tuple[Row, ...]
    """Lines shown above the tables."""
    sections: tuple[Section, ...]
    notes: tuple[Row, ...]
    """What the sources note, shown under the tables."""
    advice: Row
    """The sources' advice to see the care team, which ends every answer."""
    sources: Mapping[str, Source]
    extra: Mapping[str, object] = MappingProxyType({})
    """More top-level JSON keys beside query, results and sources."""

    def rows(self) -> Iterator[Row]:
        """Every row in reading order: lead, tables, notes, advice."""
        yield from self.lead
        for section in self.sections:
            yield from section.rows
        yield from self.notes
        yield self.advice


def numbering(document: Document) -> dict[str, int]:
    """Number the sources an answer cites, in the order it first cites them."""
    numbers: dict[str, int] = {}
    for row in document.rows():
        for citation in row.every_citation():
            numbers.setdefault(citation.source, len(numbers) + 1)
    return numbers


def shown_cells(row: Row, numbers: Mapping[str, int]) -> tuple[str, ...]:
    """A row's cells as shown: each followed by the markers of its own citations."""
    return tuple(
        f"{cell} {marks}" if cell and (marks := markers(row.cell_citations(index), numbers)) else cell
        for index, cell in enumerate(row.cells)
    )


def has_row_citations(section: Section) -> bool:
    """Whether any row of a section has citations of its own: else it needs no sources column."""
    return any(row.citations for row in section.rows) or not any(row.cited for row in section.rows)


def markers(citations: Sequence[Citation], numbers: Mapping[str, int]) -> str:
    """Return the citation markers of a row, e.g. '[1] [3]', each source once, in number order."""
    cited = sorted({numbers[c.source] for c in citations})
    return " ".join(f"[{n}]" for n in cited)


def reference(source: Source) -> str:
    """Describe a source for a references list: publisher, title, URL and dates where known."""
    parts = [source_label(source)]
    if source.url:
        parts.append(source.url)
    for label, date in (
        ("Published", source.published),
        ("Last reviewed", source.last_reviewed),
        ("Last updated", source.last_updated),
    ):
        if date:
            parts.append(f"{label} {date}")
    return " ".join(part if part[-1] in ".?!" else part + "." for part in parts)


def source_json(source: Source) -> JsonObject:
    """The full reference of a source, for JSON."""
    return {
        "id": source.id,
        "publisher": source.publisher,
        "title": source.title,
        "label": source.label,
        "url": source.url,
        "authors": list(source.authors),
        "reviewed_by": list(source.reviewed_by),
        "faq_answered_by": list(source.faq_answered_by),
        "published": source.published,
        "last_reviewed": source.last_reviewed,
        "last_updated": source.last_updated,
        "licence": source.licence,
    }


def declared_json(value: object) -> object:
    """An entry (or any part of one) as JSON, field by field as its class declares them, under the keys
    its YAML file uses: a field added to the model appears here with no line written for it."""
    if isinstance(value, Record):
        return {name: declared_json(item) for name, item in zip(value.YAML_KEYS, value.field_values(), strict=True)}
    if isinstance(value, tuple):
        return [declared_json(item) for item in value]
    if isinstance(value, str):
        return str(value)  # a Kind as its value
    return value


def citations_json(citations: Sequence[Citation]) -> list[JsonObject]:
    """Citations as JSON: [{"source", "quote"}]."""
    return [{"source": c.source, "quote": c.quote} for c in citations]


def claims_json(claims: Sequence[Claim]) -> list[JsonObject]:
    """Claims as JSON: [{"text", "citations"}]."""
    return [{"text": c.text, "citations": citations_json(c.citations)} for c in claims]


def saying(citations: Sequence[Citation], text: str) -> tuple[Citation, ...]:
    """Of an entry's citations, those whose quotes say some of the words of `text` (a drug's class, its
    treatment); all of them when none do."""
    words = content(name_key(text))
    said = tuple(c for c in citations if words & content(name_key(c.quote)))
    return said or tuple(citations)


def claims_citations(claims: Sequence[Claim]) -> tuple[Citation, ...]:
    """All citations of some claims, in order."""
    return tuple(c for claim in claims for c in claim.citations)


def with_caveats(text: str, citations: Sequence[Citation], caveats: Sequence[Claim]) -> Row:
    """A line with the caveats the sources put beside it after it, its citations and theirs."""
    return Row((" ".join([text, *(claim.text for claim in caveats)]),), (*citations, *claims_citations(caveats)))


def claims_text(claims: Sequence[Claim]) -> str:
    """The texts of some claims, as one paragraph."""
    return " ".join(claim.text for claim in claims)


def with_quotes(document: Document, *, unchecked: str | None = None) -> Document:
    """Put under each row the exact words of each source it cites, each quote once, under the words it
    supports: a cell's quotes in its column, the row's own in the first. For --evidence.

    `unchecked`: the folder of a knowledge base whose quotes were never checked against the snapshots (it has
    not passed `mbc validate --sources` as it is now); the answer then says so, once, first.
    """
    warning = (
        Row(
            (
                f"The quotes below come from the knowledge base in {unchecked}, and were not checked against the "
                f"source snapshots: they may not be the sources' words. mbc validate {unchecked} --sources FOLDER "
                "checks them.",
            ),
        ),
    )
    return document.replace(
        lead=(*(warning if unchecked else ()), *_quoted(document.lead)),
        sections=tuple(section.replace(rows=_quoted(section.rows)) for section in document.sections),
        notes=_quoted(document.notes),
    )


def _quoted(rows: Sequence[Row]) -> tuple[Row, ...]:
    out: list[Row] = []
    for row in rows:
        out.append(row)
        seen: set[Citation] = set()
        placed = [(index, c) for index in range(len(row.cells)) for c in row.cell_citations(index)]
        for column, citation in [*placed, *((0, c) for c in row.citations)]:
            if citation in seen:
                continue
            seen.add(citation)
            cells = [""] * len(row.cells)
            cells[column] = f"“{citation.quote}”"
            cells[0] = f"  quote: {cells[0]}" if cells[0] else "  quote"
            out.append(Row(tuple(cells), (citation,), evidence=True))
    return tuple(out)


class Context:
    """What every answer needs besides its own content: the sources and the closing advice."""

    def __init__(self, sources: Mapping[str, Source], advice: Note) -> None:
        self.sources = sources
        self.advice = Row((advice.text,), advice.citations)

    def document(self, title: str, query: JsonObject, results: Sequence[JsonObject], **parts: object) -> Document:
        """Assemble a Document with this context's sources and advice."""
        return Document(
            title=title,
            query=query,
            results=tuple(results),
            advice=self.advice,
            sources=self.sources,
            **parts,  # type: ignore[arg-type]
        )


def entry_ref(entry_id: str, name: str, citations: Sequence[Citation] = ()) -> JsonObject:
    """An entry as JSON results name it: its id, name and citations."""
    return {"id": entry_id, "name": name, "citations": citations_json(citations)}
