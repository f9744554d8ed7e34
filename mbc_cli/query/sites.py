"""Sites: one site in full, or every site, most common first."""

from __future__ import annotations

from mbc_cli.declare import Record
from mbc_cli.index import ANY
from mbc_cli.model import (
    AreaLink,
    KnowledgeBase,
    LocalArea,
    Place,
    Site,
    SiteLink,
    Statistic,
    Study,
    Symptom,
    SymptomLink,
    Test,
    Treatment,
)
from mbc_cli.understand import recognise
from mbc_cli.understand.recognise import Hit


class Chain(Record):
    """Symptoms a site causes through an intermediate condition (e.g. hypercalcemia)."""

    condition: Symptom
    link: SymptomLink
    """The site's own link to the condition."""
    symptoms: tuple[tuple[Symptom, SymptomLink], ...]


class SiteAnswer(Record):
    """Everything about one site: how common, where, symptoms, tests, treatments, notes."""

    term: str
    """What the user typed."""
    match: Hit
    """How it was understood."""
    site: Site
    place: Place | None
    """The place within the site the user named, if they named one (spine -> bone)."""
    study: Study | None
    direct: tuple[tuple[Symptom, SymptomLink], ...]
    chains: tuple[Chain, ...]
    tests: tuple[tuple[Test, SiteLink | None], ...]
    """Tests that check this site (with the link), then those used wherever cancer may have spread."""
    treatments: tuple[tuple[Treatment, AreaLink], ...]


class LocalAreaAnswer(Record):
    """The user named a place that is not a distant site: what spread there means."""

    term: str
    match: Hit
    area: LocalArea
    treatments: tuple[tuple[Treatment, AreaLink], ...]


def by_site(kb: KnowledgeBase, name: str) -> SiteAnswer | LocalAreaAnswer:
    """Answer `mbc site NAME`: the site (or place within one, or local area) the name means."""
    match = recognise.area_hit(kb, name)
    ref = match.ref
    if ref.kind == "local_area":
        area = kb.local_areas[ref.id]
        return LocalAreaAnswer(name, match, area, _treatments_tied_to(kb, area.id))
    site = kb.sites[ref.id]
    place = next((p for p in site.places if p.name == ref.name), None) if ref.kind == "place" else None
    conditions = {link.via for link in site.symptoms if link.via}
    direct = tuple(
        (kb.symptoms[link.symptom], link)
        for link in site.symptoms
        if link.via is None and link.symptom not in conditions
    )
    chains = tuple(
        Chain(
            condition=kb.symptoms[link.symptom],
            link=link,
            symptoms=tuple((kb.symptoms[s.symptom], s) for s in site.symptoms if s.via == link.symptom),
        )
        for link in site.symptoms
        if link.via is None and link.symptom in conditions
    )
    tied = tuple(
        (kb.tests[test_id], next(s for s in kb.tests[test_id].sites if s.site == site.id))
        for test_id in kb.tests_by_site.get(site.id, ())
    )
    general = tuple((kb.tests[test_id], None) for test_id in kb.tests_by_site.get(ANY, ()))
    study = kb.studies[site.frequency.study] if site.frequency else None
    return SiteAnswer(name, match, site, place, study, direct, chains, tied + general, _treatments_tied_to(kb, site.id))


def _treatments_tied_to(kb: KnowledgeBase, area: str) -> tuple[tuple[Treatment, AreaLink], ...]:
    return tuple(
        (kb.treatments[t], next(s for s in kb.treatments[t].sites if s.site == area))
        for t in kb.treatments_by_site.get(area, ())
    )


_PREVALENCE_ORDER = {"common": 0, "less_common": 1, "not_stated": 2}


def commonness(site: Site) -> tuple[float, int]:
    """Sort key: most common first: by frequency, then by what the sources say of prevalence."""
    return (-(site.frequency.percent if site.frequency else -1.0), _PREVALENCE_ORDER[site.prevalence])


class SitesAnswer(Record):
    """Every site, most common first, and what the sources say about spread to several."""

    sites: tuple[tuple[Site, Study | None], ...]
    spread: tuple[Statistic, ...]
    """Statistics about spread to several sites."""


def all_sites(kb: KnowledgeBase) -> SitesAnswer:
    """Answer `mbc sites`: every site, most common first."""
    ordered = sorted(kb.sites.values(), key=commonness)
    return SitesAnswer(
        sites=tuple((s, kb.studies[s.frequency.study] if s.frequency else None) for s in ordered),
        spread=tuple(s for s in kb.statistics.values() if s.topic == "spread"),
    )
