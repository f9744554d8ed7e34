"""The page of `mbc visit`: one Document built from the other answers (so Markdown and JSON come for free), and
that Document as a printable HTML page with a body map.

The HTML is written with the standard library: `html.escape` on every text from the knowledge base or the
user, and the body map drawn by `bodymap`. Every statement on the page carries the numbers of the sources
whose words say it, and the references list them, as on the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from mbc_cli.model import Citation
from mbc_cli.render import bodymap
from mbc_cli.render.document import (
    Context,
    Document,
    Row,
    Section,
    citations_json,
    has_row_citations,
    markers,
    numbering,
    reference,
)
from mbc_cli.render.sites import NOT_TIED, frequency_text
from mbc_cli.render.symptoms import symptom as symptom_document
from mbc_cli.render.text import listed, the
from mbc_cli.render.treatments import tests as tests_document
from mbc_cli.render.treatments import treatments as treatments_document

if TYPE_CHECKING:
    from mbc_cli.query.visit import VisitAnswer

MAP_TITLE = "Where breast cancer spreads most often: bone, lungs, liver and brain"
"""The body map's accessible name (its SVG title)."""
MAP_SECTION = "Where breast cancer spreads most often"
NOT_A_DIAGNOSIS = "This page informs; it does not diagnose or advise. Bring it to your care team and ask them."
"""mbc's own words about the page itself (not a medical fact: no source is cited)."""
LINKED_NOTE = "linked to your symptoms"
MAP_FONT = 30
"""The body map's label size, in its drawing's units: its labels are short (a name, a share), and the map prints
small, so they are drawn large enough to read on paper (about 10 pt)."""
NOTE_LINES = 2
NAME_ONLY = 60
"""A list whose every line is at most this long (names, with their drugs) is printed as one paragraph."""
"""Blank lines left for notes under the questions."""
TREATMENT_COLUMNS = ("treatment", "aims", "drugs")
"""The columns of `mbc treatments` the page keeps: a printed page has room for what fits, not every note."""
_PLACE = {"bone": "bone", "lung": "lungs", "liver": "liver", "brain": "brain"}


def page(answer: VisitAnswer, context: Context, *, date: str) -> Document:
    """The whole page as one Document: heading lines, the symptoms, the body map's figures, tests, treatments,
    questions to bring; every line cited. What only lists names (the care there is, the tests used anywhere) is
    one line each, so that the page prints on two sheets."""
    lead = [
        Row((f"Prepared on {date} with mbc, from the sources listed at the end. {NOT_A_DIAGNOSIS}",)),
        context.advice,
    ]
    sections: list[Section] = []
    notes: list[Row] = []
    symptoms = symptom_document(answer.symptoms, context) if answer.symptoms else None
    if symptoms is not None and answer.symptoms is not None:
        typed = ", ".join(f'"{m.term}"' for m in answer.symptoms.matches)
        read = "; ".join(row.cells[0] for row in symptoms.lead if row.aside)
        lead.append(Row((f"You wrote: {typed}. Read as: {read}.",), aside=True))
        lead += [row for row in symptoms.lead if not row.aside and not row.cells[0].startswith("Ranked by")]
        if symptoms.sections:
            title = "Your symptoms: the sites the sources link to them"
            sections.append(symptoms.sections[0].replace(title=title))
        notes += list(symptoms.notes)
    sections.append(_map_section(answer))
    sections += _tests(answer, context)
    treatments = treatments_document(answer.treatments, context)
    opened = Section("Treatments: what the subtype given leaves open", ("status",), treatments.lead)
    for index, section in enumerate(treatments.sections):
        if index == 0 and len(section.columns) > 1:  # the subtype's own: in full
            keep = [i for i, column in enumerate(section.columns) if column in TREATMENT_COLUMNS]
            rows = tuple(
                row.replace(cells=tuple(row.cells[i] for i in keep), cited=tuple(row.cell_citations(i) for i in keep))
                for row in section.rows
            )
            columns = tuple(section.columns[i] for i in keep)
            sections.append(section.replace(title=f"Treatments: {section.title}", columns=columns, rows=rows))
            if opened.rows:  # what the subtype given leaves open, under its own treatments
                sections.append(opened)
        elif len(section.columns) > 1:  # the others: named, with their drugs (what each does: mbc treatments)
            rows = tuple(_named(row, section.columns) for row in section.rows)
            sections.append(Section(SHORT_TITLES.get(section.title, section.title), ("treatment",), rows))
        else:
            title = section.title.split(" (")[0]
            sections.append(section.replace(title=SHORT_TITLES.get(title, title)))
    questions = tuple(Row((note.text,), note.citations) for note in answer.questions)
    sections.append(Section(QUESTIONS, ("question",), questions))
    if answer.suggestions:
        suggested = tuple(
            Row(
                (f"Do I need the {s.test.name}? The sources name it for finding spread to {the(s.site.name)}.",),
                s.citations,
            )
            for s in answer.suggestions
        )
        sections.append(Section(SUGGESTED, ("question",), suggested))
    return context.document(
        "For my appointment: metastatic breast cancer",
        {
            "command": "visit",
            "symptoms": [match.term for match in answer.symptoms.matches] if answer.symptoms else [],
            "site": answer.site.id if answer.site else None,
            "linked": [s.id for s in answer.linked],
            "flags": treatments.query.get("flags", []),
        },
        [*(symptoms.results if symptoms else ()), *treatments.results],
        lead=tuple(lead),
        sections=tuple(sections),
        notes=tuple(notes),
        extra={
            "map": [
                {
                    "site": site.id,
                    "percent": site.frequency.percent if site.frequency else None,
                    "linked": site in answer.linked,
                    "citations": citations_json(site.frequency.citations if site.frequency else ()),
                }
                for site, _ in answer.mapped
            ]
        },
    )


QUESTIONS = "Questions to bring"
SUGGESTED = "Questions mbc suggests, from the sources"
EMERGING = "What the sources call emerging"
SHORT_TITLES = {
    "For metastatic breast cancer: the sources name no subtype": "Treatments the sources name with no subtype",
    "Emerging, as the sources call them": EMERGING,
}
"""The titles of `mbc treatments` as a printed page words them, one line each."""


def _tests(answer: VisitAnswer, context: Context) -> list[Section]:
    """The tests that check the linked sites in full; those used wherever cancer may have spread by name."""
    document = tests_document(answer.tests, context)
    table = document.sections[0]
    where = table.columns.index("sites it checks")
    tied = tuple(row for row in table.rows if row.cells[where] != NOT_TIED)
    anywhere = tuple(
        Row((row.cells[0],), (), (row.cell_citations(1),)) for row in table.rows if row.cells[where] == NOT_TIED
    )
    named = listed([s.name for s in answer.linked]) if answer.linked else ""
    sections = [
        table.replace(title=f"Tests the sources name for {named}" if named else "Tests the sources name", rows=tied),
        Section("Tests used wherever cancer may have spread", ("test",), anywhere),
    ]
    return sections  # a check at follow-up visits is not a test to find spread (mbc tests lists it apart)


def _named(row: Row, columns: Sequence[str]) -> Row:
    """A treatment by name, with its drugs: cited to the words that say what it does and what its drugs are."""
    drugs = row.cells[columns.index("drugs")] if "drugs" in columns else ""
    text = f"{row.cells[0]} ({drugs.split('. ')[0]})" if drugs else row.cells[0]
    cited = (*row.cell_citations(columns.index("aims")), *(row.cell_citations(columns.index("drugs")) if drugs else ()))
    return Row((text,), (), (cited,))


def _map_section(answer: VisitAnswer) -> Section:
    """The body map's figures as rows: each site's share, with its study and caveats, cited; the sites linked to
    the symptoms marked in words, not by colour alone."""
    rows = []
    for site, study in answer.mapped:
        share = f"{site.frequency.percent:g}%" if site.frequency else frequency_text(site, study)
        linked = " (linked to your symptoms)" if site in answer.linked else ""
        citations = site.frequency.citations if site.frequency else site.named_by
        rows.append(Row((f"{site.name.capitalize()}: {share}{linked}",), citations))
    studies = {study.id: study for _, study in answer.mapped if study is not None}
    for study in studies.values():
        caveats = " ".join(claim.text for claim in study.caveats)
        cited = (*study.citations, *(c for claim in study.caveats for c in claim.citations))
        said = "Each share: of people with metastatic breast cancer"
        rows.append(Row((f"{said}, in the {study.name}. {caveats}".strip(),), cited))
    return Section(MAP_SECTION, ("site",), tuple(rows))


# --- HTML ---------------------------------------------------------------------------------------------------

CSS = """
@page { PAPER margin: 10mm 12mm 11mm 12mm; }
html { color: #1a1a1a; background: #ffffff; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.2;
       margin: 0 auto; max-width: 52rem; padding: 1rem; }
h1 { font-size: 18pt; margin: 0 0 3pt; }
h2 { font-size: 16pt; margin: 5pt 0 1pt; border-bottom: 1px solid #595959; break-after: avoid; }
p, ul, ol, table { margin: 1pt 0 3pt; }
ul, ol { padding-left: 15pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 1pt 3pt; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
sup { font-size: 8.5pt; line-height: 0; white-space: nowrap; }
.advice { border: 2px solid #1a1a1a; padding: 3pt 5pt; font-weight: bold; }
.map { display: flex; gap: 12pt; align-items: center; margin: 0; }
.map svg { flex: 0 0 auto; width: 40%; max-height: 72mm; }
.map figcaption { flex: 1; }
.notes div { border-bottom: 1px solid #595959; height: 17pt; }
tr, li, p, figure { break-inside: avoid; }
.references li { overflow-wrap: anywhere; font-size: 10.5pt; }
@media print { body { padding: 0; max-width: none; } }
"""
"""Print first: 12 pt text and 16-18 pt headings, dark on white (well above 4.5:1), margins that fit A4 and
Letter alike, and no cited block split across pages."""


def html(answer: VisitAnswer, document: Document, *, paper: str | None = None) -> str:
    """The page as one HTML document: a `<main>` landmark, headings in order, the body map as inline SVG.

    `paper` ("A4", "Letter") fixes the printed page's size, for a PDF; without it the page prints on whatever
    paper the browser is set to (its margins fit both)."""
    numbers = numbering(document)
    style = CSS.replace("PAPER", f"size: {paper};" if paper else "")
    body = [f"<header><h1>{escape(document.title)}</h1>"]
    for row in document.lead:
        css = ' class="advice"' if row == document.advice else ' class="aside"' if row.aside else ""
        body.append(f"<p{css}>{_text(row, numbers)}</p>")
    body.append("</header>\n<main>")
    for section in document.sections:
        heading = (
            "" if section.columns == ("status",) or section.title == EMERGING else f"<h2>{escape(section.title)}</h2>"
        )
        body.append(f"<section>{heading}")
        if section.title == MAP_SECTION:
            body.append(_figure(answer, section, numbers))
        elif section.title in (QUESTIONS, SUGGESTED):
            body.append(_list(section.rows, numbers))
            if section is document.sections[-1]:
                body.append('<div class="notes" aria-hidden="true">' + "<div></div>" * NOTE_LINES + "</div>")
        elif section.title.startswith("Your symptoms"):
            body.append(_table(section, numbers))
            body += [f"<p>{_text(row, numbers)}</p>" for row in document.notes]
        elif section.title == EMERGING:  # one line under the care, its title in words
            body.append(
                f"<p>{escape(section.title)}: "
                + "; ".join(_text(r, numbers, end=False) for r in section.rows)
                + ".</p>"
            )
        elif not section.rows:
            body.append(f"<p>{escape(section.empty)}</p>")
        elif len(section.columns) == 1 and (
            section.columns == ("status",) or all(len(" ".join(row.cells)) <= NAME_ONLY for row in section.rows)
        ):
            body.append("<p>" + "; ".join(_text(row, numbers, end=False) for row in section.rows) + ".</p>")
        elif len(section.columns) == 1:
            body.append(_list(section.rows, numbers))
        else:
            body.append(_table(section, numbers))
        body.append("</section>")
    if document.notes and not any(section.title.startswith("Your symptoms") for section in document.sections):
        body.append("<section><h2>What the sources note</h2>")
        body.append(_list(document.notes, numbers))
        body.append("</section>")
    body.append('<section><h2>References</h2><ol class="references">')
    body += [f"<li>{escape(reference(document.sources[source]))}</li>" for source in numbers]
    body.append("</ol></section>\n</main>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _marks(citations: Sequence[Citation], numbers: dict[str, int]) -> str:
    said = markers(citations, numbers)
    return f" <sup>{escape(said)}</sup>" if said else ""


def _text(row: Row, numbers: dict[str, int], *, end: bool = True) -> str:
    """A row's words and its citation numbers (`end`=False: without its closing full stop, for a list in a line)."""
    words = " ".join(cell for cell in row.cells if cell)
    return escape(words if end else words.rstrip(".")) + _marks(row.every_citation(), numbers)


def _list(rows: Sequence[Row], numbers: dict[str, int]) -> str:
    return "<ul>" + "".join(f"<li>{_text(row, numbers)}</li>" for row in rows) + "</ul>"


def _table(section: Section, numbers: dict[str, int]) -> str:
    sources = has_row_citations(section)
    header = [*section.columns, section.sources] if sources else list(section.columns)
    out = ["<table><thead><tr>", *(f'<th scope="col">{escape(h)}</th>' for h in header), "</tr></thead><tbody>"]
    for row in section.rows:
        cells = [escape(cell) for cell in row.cells]
        marked = [
            cell + _marks(row.cell_citations(index), numbers) if cell else cell for index, cell in enumerate(cells)
        ]
        if sources:
            marked.append(escape(markers(row.citations, numbers)))
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in marked) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _figure(answer: VisitAnswer, section: Section, numbers: dict[str, int]) -> str:
    """The body map beside its figures: each site's name and share as text (in the drawing and in the list),
    the sites linked to the symptoms marked by a star and a hatch as well as by colour."""
    spots = []
    for (site, _), row in zip(answer.mapped, section.rows, strict=False):
        linked = site in answer.linked
        share = row.cells[0].split(": ", 1)[1].replace(" (linked to your symptoms)", "")
        figure = f"{share} {markers(row.citations, numbers)}".strip()
        spots.append(bodymap.Spot(_PLACE.get(site.id, site.id), (site.name.capitalize(), figure), linked))
    shares = ", ".join(f"{row.cells[0]}" for row in section.rows[: len(answer.mapped)])
    description = f"A drawing of a body marking the bones, lungs, liver and brain, with each share: {shares}."
    svg = bodymap.body_map(
        spots,
        title=MAP_TITLE,
        description=description,
        highlight_note=LINKED_NOTE if answer.linked else "",
        font=MAP_FONT,
    )
    caption = "".join(f"<p>{_text(row, numbers)}</p>" for row in section.rows[len(answer.mapped) :])
    return f'<figure class="map">{svg}<figcaption>{caption}</figcaption></figure>'


class PdfUnavailable(Exception):
    """WeasyPrint, which writes the PDF, is not installed (it is the optional extra mbc[pdf])."""


def pdf(page_html: str) -> bytes:
    """The page as PDF, through WeasyPrint (imported here only: the extra mbc[pdf])."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise PdfUnavailable from None
    data: bytes = HTML(string=page_html).write_pdf()
    return data
