"""Every statement of every answer: backed by the quotes it cites, in plain English, with no internal id.

The answers are those of every command, for every site, place, local area, symptom, term and drug,
every subtype flag and several searches and questions, built as the commands build them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from mbc_cli.query.ask import ask
from mbc_cli.render import ask as ask_render
from mbc_cli.render import markdown, reference, sites, symptoms, table, text_search, treatments
from mbc_cli.render.document import Context, Document, Row, with_quotes
from mbc_cli.understand.normalise import content, name_key

FLAGS = (
    {},
    {"her2_positive": True},
    {"her2_positive": False},
    {"hr_positive": True},
    {"hr_positive": False},
    {"hr_positive": True, "her2_positive": False},
    {"hr_positive": False, "her2_positive": True},
    {"triple_negative": True},
    {"brca": True},
    {"brca": True, "hr_positive": True, "her2_positive": False},
)
SEARCHES = ("five year survival", "Kadcyla", "bone pain", "hospice", "curable")
QUESTIONS = ("is it curable?", "how long do people live", "what is hospice", "treatments for triple negative")


def answers(kb: KnowledgeBase) -> Iterator[tuple[str, Document]]:
    """(the command, its answer) for every command and every entry it can show."""
    context = Context(kb.sources, query.advice(kb))
    for site in kb.sites.values():
        yield f"site {site.name}", sites.site(query.by_site(kb, site.name), context)
        for place in site.places:
            yield f"site {place.name}", sites.site(query.by_site(kb, place.name), context)
        yield f"tests --site {site.name}", treatments.tests(query.tests_for(kb, site=site.name), context)
        yield (
            f"treatments --site {site.name}",
            treatments.treatments(query.treatments_for(kb, profile=query.profile(), site=site.name), context),
        )
    for area in kb.local_areas.values():
        yield f"site {area.name}", sites.site(query.by_site(kb, area.name), context)
    yield "sites", sites.sites(query.all_sites(kb), context)
    for symptom in kb.symptoms.values():
        yield f"symptom {symptom.name}", symptoms.symptom(query.by_symptoms(kb, [symptom.name]), context)
    yield "symptom headache nausea", symptoms.symptom(query.by_symptoms(kb, ["headache", "nausea"]), context)
    yield "symptoms", symptoms.symptoms(query.all_symptoms(kb), context)
    for flags in FLAGS:
        said = " ".join(f"{k}={v}" for k, v in flags.items())
        yield (
            f"treatments {said}",
            treatments.treatments(query.treatments_for(kb, profile=query.profile(**flags)), context),
        )
    yield "tests", treatments.tests(query.tests_for(kb), context)
    yield "stats", reference.stats(query.statistics(kb), context)
    for term in kb.terms.values():
        yield f"term {term.name}", reference.term(query.term_named(kb, term.name), context)
    yield "terms", reference.terms(query.all_terms(kb), context)
    for drug in kb.drugs.values():
        yield f"drug {drug.name}", reference.drug(query.drug_named(kb, drug.name), context)
    yield "drugs", reference.drugs(query.all_drugs(kb), context)
    yield "sources", reference.sources(query.summary(kb), context)
    for words in SEARCHES:
        yield f"search {words}", text_search.search(query.search(kb, words), context)
    for question in QUESTIONS:
        yield f"ask {question}", ask_render.ask(ask(kb, question), context)


@pytest.fixture(scope="module")
def every_answer(real_kb: KnowledgeBase) -> list[tuple[str, Document]]:
    return list(answers(real_kb))


def _statements(document: Document) -> Iterator[tuple[str, Row, str, tuple[str, ...]]]:
    """(where, row, the text a row's or a cell's citations support, their quotes)."""
    for where, rows in (("lead", document.lead), ("notes", document.notes)):
        for row in rows:
            yield where, row, " ".join(row.cells), tuple(c.quote for c in row.citations)
    for section in document.sections:
        for row in section.rows:
            for index, cell in enumerate(row.cells):
                if row.cell_citations(index):  # a cell's words are read with its column's: "tied to the bone: yes"
                    said = f"{section.columns[index]}: {cell}"
                    yield section.title, row, said, tuple(c.quote for c in row.cell_citations(index))
            if row.citations:
                # A row's own citations tie the row to the answer (a site's symptom, a treatment tied to
                # it): they support the row's words together with what the answer is about.
                context = " ".join((*row.cells, section.title, document.title))
                yield section.title, row, context, tuple(c.quote for c in row.citations)


SHORTHAND = {r"\bHR-": "hormone-receptor-"}
"""The short subtype labels of a treatment's rows, read as a reader reads them ("HR-positive": hormone-receptor)."""


def _key_words(text: str) -> frozenset[str]:
    for short, said in SHORTHAND.items():
        text = re.sub(short, said, text)
    return frozenset(word for word in content(name_key(text)) if len(word) >= 3 and not word.isdigit())


def test_every_cited_quote_shares_the_key_words_of_the_words_it_supports(
    every_answer: list[tuple[str, Document]],
) -> None:
    """A citation stands beside the words it supports: each of its quotes says some of them."""
    unsupported = []
    for command, document in every_answer:
        for where, _, text, quotes in _statements(document):
            words = _key_words(text)
            unsupported += [
                f"{command} / {where}: {text!r} cites {quote!r}"
                for quote in quotes
                if words and not words & _key_words(quote)
            ]
    assert not unsupported, f"{len(unsupported)} quotes say none of their words:\n" + "\n".join(unsupported[:40])


_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)  # within a cell: columns stand 3 apart
_INTERNAL_ID = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:_[a-z0-9]+)+(?![\w/.-])")


@pytest.mark.parametrize("renderer", ["table", "markdown"])
def test_no_page_has_a_doubled_word_or_an_internal_id(every_answer: list[tuple[str, Document]], renderer: str) -> None:
    found = []
    for command, document in every_answer:
        for shown in (document, with_quotes(document)):
            page = table.render(shown, width=100).plain() if renderer == "table" else markdown.render(shown)
            for line in page.splitlines():
                if "“" in line:  # a quote is the source's own words, as written
                    continue
                found += [f"{command}: doubled {m.group(0)!r} in {line!r}" for m in _DOUBLED.finditer(line)]
                found += [f"{command}: id {m.group(0)!r} in {line!r}" for m in _INTERNAL_ID.finditer(line)]
    assert not found, "\n".join(found[:40])


def test_every_answer_was_built(every_answer: list[tuple[str, Document]], real_kb: KnowledgeBase) -> None:
    """The sweep reads every command's answers: at least one a site, place, symptom, term and drug."""
    commands = {command.split()[0] for command, _ in every_answer}
    assert commands >= {"site", "sites", "symptom", "symptoms", "treatments", "tests", "stats", "term", "terms"}
    assert commands >= {"drug", "drugs", "sources", "search", "ask"}
    assert len(every_answer) > len(real_kb.symptoms) + len(real_kb.terms) + len(real_kb.drugs)
