"""The Markdown renderer, read back by a Markdown renderer (markdown-it-py): what renders is what the table
shows, with no stray backslash and no bookkeeping, and answers pasted together cite each source one way."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from mbc_cli.render import markdown, sites, symptoms
from mbc_cli.render.document import Context, Document, Row, markers, numbering

from .test_statements import answers

READER = MarkdownIt("commonmark").enable("table").enable("strikethrough").use(footnote_plugin)
"""CommonMark with GitHub's tables, strikethrough and footnotes: what a letter's editor or GitHub shows."""


class _Text(HTMLParser):
    """The text an HTML page shows (comments are not shown), one space between blocks."""

    BLOCKS = frozenset({"p", "li", "td", "th", "h1", "h2", "blockquote", "tr", "section", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append(" ")


def shown(source: str) -> str:
    """What a Markdown viewer shows of `source`, white space folded; a repeated footnote's "[1:2]" as "[1]"."""
    reader = _Text()
    reader.feed(READER.render(source))
    text = " ".join("".join(reader.parts).replace("↩︎", " ").split())
    return re.sub(r"\[(\d+):\d+\]", r"[\1]", text)


def context(kb: KnowledgeBase) -> Context:
    return Context(kb.sources, query.advice(kb))


@pytest.fixture(scope="module")
def every_answer(real_kb: KnowledgeBase) -> list[tuple[str, Document]]:
    return list(answers(real_kb))


def _said(row: Row, numbers: dict[str, int]) -> str:
    """A row as the table shows its words: each cell then the markers of its words' citations, then the row's."""
    cells = []
    for index, cell in enumerate(row.cells):
        marks = markers(row.cell_citations(index), numbers)
        cells.append(" ".join(part for part in (" ".join(cell.split()), marks) if part))
    return " ".join(part for part in (*cells, markers(row.citations, numbers)) if part)


def test_what_renders_is_what_the_table_shows(every_answer: list[tuple[str, Document]]) -> None:
    """Every line of every answer renders to its own words with the table's numbers beside them; no
    bookkeeping line shows; no backslash shows that the answer does not hold."""
    wrong = []
    for command, document in every_answer:
        numbers = numbering(document)
        page = shown(markdown.render(document))
        for row in document.rows():
            said = _said(row, numbers)
            if row.aside:
                if said in page:
                    wrong.append(f"{command}: bookkeeping shown: {said!r}")
            elif said and said not in page:
                wrong.append(f"{command}: {said!r} does not render as it is")
        if page.count("\\") != sum(" ".join(r.cells).count("\\") for r in document.rows()):
            wrong.append(f"{command}: a stray backslash")
    assert not wrong, "\n".join(wrong[:20])


def test_the_footnotes_are_the_references(real_kb: KnowledgeBase) -> None:
    document = sites.site(query.by_site(real_kb, "bone"), context(real_kb))
    page = shown(markdown.render(document))
    for source, number in numbering(document).items():
        assert f"{number}. " not in page  # the list is the footnotes', not numbered text
        assert markdown.inline(markdown.reference(real_kb.sources[source])) in markdown.render(document)
    assert page.startswith("What spread to the bone can cause")


def test_two_answers_pasted_together_cite_each_source_one_way(real_kb: KnowledgeBase) -> None:
    one = markdown.render(sites.site(query.by_site(real_kb, "bone"), context(real_kb)))
    two = markdown.render(symptoms.symptom(query.by_symptoms(real_kb, ["jaundice"]), context(real_kb)))
    definitions: dict[str, set[str]] = {}
    for line in (one + "\n" + two).splitlines():
        if match := re.match(r"\[\^([^\]]+)\]: (.*)", line):
            definitions.setdefault(match.group(1), set()).add(match.group(2))
    assert definitions and all(len(texts) == 1 for texts in definitions.values())  # each source one way
    both = READER.render(one + "\n" + two)
    listed = re.findall(r'<li id="fn(\d+)" class="footnote-item">', both)
    assert len(listed) == len(definitions)  # one footnote per source, however many answers cite it


def test_a_site_page_needs_no_escape(real_kb: KnowledgeBase) -> None:
    text = markdown.render(sites.site(query.by_site(real_kb, "bone"), context(real_kb)))
    assert "\\" not in text
    assert "[^nci]" in text and "[^news-article]" in text
    assert "## Symptoms" in text and "> **" in text


def test_bookkeeping_is_an_html_comment(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["my skin is yellow"])
    text = markdown.render(symptoms.symptom(answer, context(real_kb)))
    assert re.search(r"^<!-- mbc: .*jaundice.* -->$", text, flags=re.MULTILINE)
    assert "jaundice (phrase" not in shown(text)


def test_a_comment_holds_whatever_was_typed() -> None:
    comment = markdown._comment("a --> b --!> c: mbc ask --all 'q'")
    assert comment.startswith("<!-- ") and comment.endswith(" -->")
    assert not re.search(r"--[\s!]*>", comment[4:-3])
    assert "mbc ask --all 'q'" in comment
    assert shown(comment) == ""


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("pain [1] and swelling", "pain [1] and swelling"),
        ("see [this](http://x)", "see \\[this\\](http://x)"),
        ("a footnote [^nci] lookalike", "a footnote \\[^nci] lookalike"),
        ("an inline one ^[like this]", "an inline one \\^[like this]"),
        ("a|b*c", "a|b\\*c"),
        ("health_site and _emphasis_", "health_site and \\_emphasis\\_"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("<b>bold</b> &amp; <3", "\\<b>bold\\</b> \\&amp; <3"),
        ("5 * 3 = 15", "5 * 3 = 15"),
    ],
)
def test_only_what_would_change_the_markdown_is_escaped(text: str, written: str) -> None:
    assert markdown.inline(text) == written
    assert shown(written) == text


def test_a_table_cell_escapes_its_bars_and_starts_no_block() -> None:
    assert markdown.inline("a|b", in_table=True) == "a\\|b"
    assert markdown.inline("1. liver", in_table=True) == "1. liver"


MARKDOWN_CHARACTERS = st.text(alphabet="ab1 .#*_-+>|[]()^!<>&;`~\\:=/", min_size=1, max_size=40)


@given(text=MARKDOWN_CHARACTERS)
def test_any_text_renders_as_itself(text: str) -> None:
    """As a paragraph, a list item or a table cell, escaped text renders to exactly its words."""
    words = " ".join(text.split())
    if not words:
        return
    assert shown(markdown.inline(text)) == words
    assert shown("- " + markdown.inline(text)) == words
    table = f"| h |\n|---|\n| {markdown.inline(text, in_table=True)} |\n"
    assert shown(table) == f"h {words}"
