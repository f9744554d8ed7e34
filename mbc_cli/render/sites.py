"""The answers to mbc site and mbc sites: what spread to a site can cause, and where cancer spreads."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from mbc_cli.model import AreaLink, Citation, Site, Study, Treatment
from mbc_cli.render.document import (
    Context,
    Document,
    Row,
    Section,
    citations_json,
    claims_citations,
    claims_json,
    claims_text,
    entry_ref,
    saying,
    with_caveats,
)
from mbc_cli.render.matches import describe, match_json
from mbc_cli.render.text import the

if TYPE_CHECKING:  # each builder needs only its own query's types, imported by the command that runs
    from mbc_cli.query.sites import LocalAreaAnswer, SiteAnswer, SitesAnswer


BAR_WIDTH = 20


def _study_text(study: Study | None) -> str:
    return f" ({study.name})" if study else ""


def frequency_text(site: Site, study: Study | None) -> str:
    """How common a site is, in words: the figure with its study, or what the sources say."""
    if site.frequency:
        return f"{site.frequency.percent:g}% of people with metastatic breast cancer{_study_text(study)}"
    if site.prevalence == "common":
        return "one of the most common sites"
    if site.prevalence == "less_common":
        return "much less common"
    return "the sources give no figure"


def bar(percent: float | None) -> str:
    """Draw a percentage as a bar of BAR_WIDTH blocks."""
    if percent is None:
        return ""
    filled = round(percent / 100 * BAR_WIDTH)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


# --- mbc site --------------------------------------------------------------------------------


def site(answer: SiteAnswer | LocalAreaAnswer, context: Context) -> Document:
    """The answer to `mbc site NAME`."""
    from mbc_cli.query.sites import LocalAreaAnswer

    if isinstance(answer, LocalAreaAnswer):
        return _local_area(answer, context)
    s = answer.site
    lead = [] if answer.match.how == "name" else [Row((describe(answer.term, (answer.match,)),), aside=True)]
    if answer.place:
        named = f'"{answer.term}" names {the(answer.place.name)}, part of the site {s.name}.'
        lead.append(Row((named,), answer.place.citations))
    lead.append(_how_common(s, answer.study))
    if s.places:
        places = ", ".join(p.name for p in s.places)
        lead.append(Row((f"Places within it: {places}.",), tuple(c for p in s.places for c in p.citations)))
    symptoms = [Row((symptom.name,), link.citations) for symptom, link in answer.direct]
    for chain in answer.chains:  # the condition, then what it leads to: "hypercalcemia (a condition) → fatigue..."
        led = ", ".join(symptom.name for symptom, _ in chain.symptoms)
        cited = (*chain.link.citations, *(c for _, link in chain.symptoms for c in link.citations))
        symptoms.append(Row((f"{chain.condition.name} (a condition)" + (f" → {led}" if led else ""),), cited))
    tests = [
        Row((test.name, claims_text(test.purpose)), link.citations, ((), claims_citations(test.purpose)))
        for test, link in answer.tests
        if link
    ]
    anywhere = [  # one line each: what each shows is the same for every site (mbc tests)
        Row((test.name,), (), (saying(claims_citations(test.purpose), test.name),))
        for test, link in answer.tests
        if not link
    ]
    treatments = [_tied(treatment, link) for treatment, link in answer.treatments]
    result = {
        **entry_ref(s.id, s.name, s.named_by),
        "kind": "site",
        "match": match_json(answer.term, answer.match),
        "place": answer.place.name if answer.place else None,
        "prevalence": s.prevalence,
        "frequency": None
        if s.frequency is None
        else {
            "percent": s.frequency.percent,
            "study": answer.study.name if answer.study else None,
            "citations": citations_json(s.frequency.citations),
        },
        "places": [{"name": p.name, "citations": citations_json(p.citations)} for p in s.places],
        "symptoms": [
            {**entry_ref(symptom.id, symptom.name, link.citations), "kind": symptom.kind, "via": link.via}
            for symptom, link in (*answer.direct, *((c.condition, c.link) for c in answer.chains))
        ]
        + [
            {**entry_ref(symptom.id, symptom.name, link.citations), "kind": symptom.kind, "via": link.via}
            for chain in answer.chains
            for symptom, link in chain.symptoms
        ],
        "tests": [
            {
                **entry_ref(test.id, test.name, link.citations if link else ()),
                "general": not link,
                "purpose": claims_json(test.purpose),
            }
            for test, link in answer.tests
        ],
        "treatments": [
            {**entry_ref(t.id, t.name, link.citations), "aims": claims_json(t.aims)} for t, link in answer.treatments
        ],
        "notes": claims_json(s.notes),
    }
    return context.document(
        f"What spread to {the(s.name)} can cause, how it is found, and how it is treated",
        {"command": "site", "site": answer.term},
        [result],
        lead=tuple(lead),
        sections=(
            Section("Symptoms (a condition → the symptoms it leads to)", ("symptom",), tuple(symptoms)),
            Section(
                "Tests that check it",
                ("test", "what it shows"),
                tuple(tests),
                "No test the sources tie to it alone; those below are used wherever cancer may have spread.",
                sources="tied to it by",
            ),
            Section(
                f"Tests used wherever it may have spread (what each shows: mbc tests --site {shlex.quote(s.name)})",
                ("test",),
                tuple(anywhere),
            ),
            Section(
                "Treatments the sources tie to it (for every treatment, see mbc treatments)",
                ("treatment", "aims"),
                tuple(treatments),
                "No treatment tied to it in the sources: see mbc treatments for every treatment.",
                sources="tied to it by",
            ),
        ),
        notes=tuple(Row((claim.text,), claim.citations) for claim in s.notes),
    )


def _local_area(answer: LocalAreaAnswer, context: Context) -> Document:
    area = answer.area
    meaning = tuple(Row((claim.text,), claim.citations) for claim in area.meaning)
    treatments = tuple(_tied(treatment, link) for treatment, link in answer.treatments)
    result = {
        **entry_ref(area.id, area.name, claims_citations(area.meaning)),
        "kind": "local_area",
        "match": match_json(answer.term, answer.match),
        "meaning": claims_json(area.meaning),
        "treatments": [
            {**entry_ref(t.id, t.name, link.citations), "aims": claims_json(t.aims)} for t, link in answer.treatments
        ],
    }
    sections = (
        (
            Section(
                "Treatments the sources tie to it",
                ("treatment", "aims"),
                treatments,
                sources="tied to it by",
            ),
        )
        if treatments
        else ()
    )
    return context.document(
        f"What the sources say about {area.name}",
        {"command": "site", "site": answer.term},
        [result],
        lead=(
            *(() if answer.match.how == "name" else (Row((describe(answer.term, (answer.match,)),), aside=True),)),
            *meaning,
        ),
        sections=sections,
        notes=(),
    )


def _how_common(site: Site, study: Study | None) -> Row:
    """How common a site is: its figure with its study and what the sources say beside it, or what they say
    instead (each cited); or that they give no figure, which no quote can say."""
    text = f"How common: {frequency_text(site, study)}."
    if site.frequency is None:
        return Row((text,), _prevalence_citations(site))
    if study is None:
        return Row((text,), site.frequency.citations)
    return with_caveats(text, (*site.frequency.citations, *study.citations), study.caveats)


def _prevalence_citations(site: Site) -> tuple[Citation, ...]:
    """The quotes that say how common a site is without a figure: those of its prevalence, else those that
    name it among the most common sites; none when the sources do not say."""
    if site.prevalence == "not_stated":
        return ()
    return site.prevalence_said or site.named_by


def _tied(treatment: Treatment, link: AreaLink) -> Row:
    """A treatment tied to a site: its aims with their citations, and the citations that tie it."""
    return Row((treatment.name, claims_text(treatment.aims)), link.citations, ((), claims_citations(treatment.aims)))


NOT_TIED = "not tied to one site"
"""What a test the sources tie to no site checks, in words."""


# --- mbc sites -------------------------------------------------------------------------------


def sites(answer: SitesAnswer, context: Context) -> Document:
    """The answer to `mbc sites`."""
    rows = tuple(
        Row(
            (
                s.name,
                f"{s.frequency.percent:g}%" if s.frequency else frequency_text(s, None),
                bar(s.frequency.percent if s.frequency else None),
            ),
            s.frequency.citations if s.frequency else _prevalence_citations(s),
        )
        for s, study in answer.sites
    )
    results = [
        {
            **entry_ref(s.id, s.name, s.frequency.citations if s.frequency else _prevalence_citations(s)),
            "prevalence": s.prevalence,
            "frequency_percent": s.frequency.percent if s.frequency else None,
            "study": study.name if study else None,
        }
        for s, study in answer.sites
    ]
    spread = tuple(
        with_caveats(f"{stat.name[:1].upper()}{stat.name[1:]}: {stat.value}.", stat.citations, stat.caveats)
        for stat in answer.spread
    )
    return context.document(
        "Where metastatic breast cancer spreads, most common first",
        {"command": "sites"},
        results,
        lead=tuple(
            with_caveats(
                f"Shares of people with metastatic breast cancer in the {study.name}.", study.citations, study.caveats
            )
            for study in dict.fromkeys(study for _, study in answer.sites if study)
        ),
        sections=(Section("Sites", ("site", "how common", "share"), rows),),
        notes=spread,
        extra={
            "spread": [
                {"id": s.id, "name": s.name, "value": s.value, "citations": citations_json(s.citations)}
                for s in answer.spread
            ]
        },
    )
