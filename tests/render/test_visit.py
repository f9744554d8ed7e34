"""The visit page as a Document and as HTML: every statement cited, the references its citations, the linked
sites marked in words and in the drawing, escaped text, and the general sheet when nothing is given."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.visit import visit
from mbc_cli.render import visit as page
from mbc_cli.render.document import Context, Document, numbering


def context(kb: KnowledgeBase) -> Context:
    return Context(kb.sources, query.advice(kb))


def built(kb: KnowledgeBase, terms: list[str], **flags: bool) -> tuple[str, Document]:
    answer = visit(kb, terms, profile=query.profile(**flags))
    document = page.page(answer, context(kb), date="2026-12-04")
    return page.html(answer, document), document


def test_every_statement_of_the_page_carries_its_citations(real_kb: KnowledgeBase) -> None:
    _, document = built(real_kb, ["headache", "nausea"], her2_positive=True)
    uncited = [
        (section.title, row.cells) for section in document.sections for row in section.rows if not row.every_citation()
    ]
    assert uncited == []
    assert all(row.every_citation() for row in document.notes)


def test_the_references_are_the_sources_cited_in_the_order_first_cited(real_kb: KnowledgeBase) -> None:
    html, document = built(real_kb, ["headache"], her2_positive=True)
    references = re.search(r'<ol class="references">(.*?)</ol>', html, flags=re.DOTALL)
    assert references is not None
    listed = re.findall(r"<li>(.*?)</li>", references.group(1))
    assert len(listed) == len(numbering(document)) == len(set(listed))
    assert listed[0].startswith("National Cancer Institute (NCI)")  # the advice at the top cites it first


def test_the_linked_sites_are_marked_in_words_and_in_the_drawing(real_kb: KnowledgeBase) -> None:
    html, document = built(real_kb, ["jaundice"])
    (shares,) = [s for s in document.sections if s.title == page.MAP_SECTION]
    said = {row.cells[0].split(":")[0]: row.cells[0] for row in shares.rows}
    assert said["Liver"].endswith("(linked to your symptoms)")
    assert not said["Brain"].endswith("(linked to your symptoms)")
    assert '<g id="bodymap-liver" fill="url(#bodymap-hatch)"' in html
    assert '<g id="bodymap-brain" fill="url(#bodymap-hatch)"' not in html
    assert f'<title id="bodymap-title">{page.MAP_TITLE}</title>' in html


def test_the_general_sheet_has_no_symptoms_and_every_test(real_kb: KnowledgeBase) -> None:
    html, document = built(real_kb, [])
    assert not any(section.title.startswith("Your symptoms") for section in document.sections)
    for test in real_kb.tests.values():
        if test.only_at is None:
            assert test.name in html
    assert page.SUGGESTED not in html
    assert "★" not in html  # nothing is linked


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)


def test_one_main_landmark_and_headings_in_order(real_kb: KnowledgeBase) -> None:
    html, _ = built(real_kb, ["headache"], her2_positive=True)
    structure = _Structure()
    structure.feed(html)
    assert structure.tags.count("main") == 1 and structure.tags.count("h1") == 1
    headings = [tag for tag in structure.tags if re.fullmatch(r"h[1-6]", tag)]
    assert headings[0] == "h1" and set(headings[1:]) == {"h2"}
    assert 'lang="en"' in html and "<title>" in html


def test_a_pdf_page_fixes_its_paper_and_html_leaves_it_to_the_browser(real_kb: KnowledgeBase) -> None:
    answer = visit(real_kb, [], profile=query.profile())
    document = page.page(answer, context(real_kb), date="2026-12-04")
    assert "size: Letter;" in page.html(answer, document, paper="Letter")
    assert "@page {  margin" in page.html(answer, document)
