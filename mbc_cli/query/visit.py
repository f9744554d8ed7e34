"""mbc visit: what a page for an appointment holds, drawn from the other answers and understood as they are.

The symptoms are read as `mbc symptom` reads them, the subtype as `mbc treatments` reads it; the tests are
those the sources name for the sites the symptoms (or the site given) point to; the body map shows the
four most common sites with their figures; the questions to bring are the sources' own advice, each cited,
and suggestions built from this person's items, each resting on a cited statement and marked as such.
"""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.model import Citation, KnowledgeBase, LocalArea, Note, Site, Study, Test
from mbc_cli.query.sites import commonness
from mbc_cli.query.symptoms import SymptomAnswer, by_symptoms
from mbc_cli.query.treatments import Profile, TestsAnswer, TreatmentsAnswer, tests_for, treatments_for
from mbc_cli.understand import recognise

MAPPED = ("bone", "lung", "liver", "brain")
"""The sites the body map draws: the four most common, each with its figure."""
TIPS = (
    "decision_tip_ask_questions",
    "decision_tip_dont_rush",
    "decision_tip_bring_someone",
    "decision_tip_consider_clinical_trial",
)
"""The sources' own advice for a visit, in the order a page lists it (each a cited note); their advice to report
new symptoms right away heads the page, as it ends every answer."""


class Suggestion(Record):
    """A question built from this person's items: a test the sources tie to a site their symptoms point to."""

    test: Test
    site: Site
    citations: tuple[Citation, ...]
    """The words that tie the test to the site, which the question rests on."""


class VisitAnswer(Record):
    """Answer to `mbc visit`: every part of the page, each an answer of its own."""

    symptoms: SymptomAnswer | None
    """The symptoms typed, understood and ranked as `mbc symptom` does; None when none were given."""
    site: Site | LocalArea | None
    """The site the user knows of (`--site`), if given."""
    linked: tuple[Site, ...]
    """The sites the symptoms (and the site given) point to: those the map highlights and the tests are for."""
    mapped: tuple[tuple[Site, Study | None], ...]
    """The sites the body map draws, most common first, with the study that gives their figures."""
    tests: TestsAnswer
    """The tests that check the linked sites, and those used wherever cancer may have spread (with no site
    linked: every test, for the general sheet)."""
    treatments: TreatmentsAnswer
    questions: tuple[Note, ...]
    suggestions: tuple[Suggestion, ...]


def visit(kb: KnowledgeBase, terms: Sequence[str], *, profile: Profile, site: str | None = None) -> VisitAnswer:
    """Build the page's parts: the general sheet with nothing given, else one about these symptoms, this subtype
    and this site."""
    symptoms = by_symptoms(kb, terms) if terms else None
    area = recognise.area(kb, site) if site is not None else None
    linked = [ranked.site for ranked in symptoms.sites] if symptoms else []
    if isinstance(area, Site) and area not in linked:
        linked.insert(0, area)
    tests = _tests(kb, linked)
    mapped = tuple(
        (s, kb.studies[s.frequency.study] if s.frequency else None)
        for s in sorted((kb.sites[i] for i in MAPPED if i in kb.sites), key=commonness)
    )
    questions = tuple(kb.notes[tip] for tip in TIPS if tip in kb.notes)
    return VisitAnswer(
        symptoms,
        area,
        tuple(linked),
        mapped,
        tests,
        treatments_for(kb, profile=profile, site=area.name if isinstance(area, Site) else None),
        questions,
        _suggestions(tests, linked),
    )


def _tests(kb: KnowledgeBase, linked: Sequence[Site]) -> TestsAnswer:
    """The tests that check the linked sites, then those used wherever cancer may have spread; every test
    when no site is linked (the general sheet)."""
    if not linked:
        return tests_for(kb)
    ids = {s.id for s in linked}
    chosen = [
        (test, tuple(kb.sites[link.site] for link in test.sites))
        for test in kb.tests.values()
        if any(link.site in ids for link in test.sites)
    ]
    chosen += [(test, ()) for test in kb.tests.values() if not test.sites and test.only_at is None]
    return TestsAnswer(None, tuple(chosen))


def _suggestions(tests: TestsAnswer, linked: Sequence[Site]) -> tuple[Suggestion, ...]:
    """For each test the sources tie to a site this person's symptoms point to: the tie, cited, and a question."""
    found = []
    for test, checks in tests.tests:
        for checked in checks:
            if checked not in linked:
                continue
            link = next(link for link in test.sites if link.site == checked.id)
            found.append(Suggestion(test, checked, link.citations))
    return tuple(found)
