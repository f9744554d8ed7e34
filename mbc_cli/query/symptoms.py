"""Symptoms: which sites explain the symptoms the user names, ranked and explained."""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.errors import NoSymptomMatched
from mbc_cli.kinds import NAMED, Kind
from mbc_cli.model import Citation, KnowledgeBase, NameRef, Site, Symptom, SymptomLink
from mbc_cli.query.sites import commonness
from mbc_cli.understand import recognise, spelling
from mbc_cli.understand.recognise import Hit

SYMPTOM_KINDS = frozenset({Kind.SYMPTOM})


class TermMatch(Record):
    """How one term the user typed was understood."""

    term: str
    hits: tuple[Hit, ...]
    """What it matched and how (see `recognise.find`); empty when nothing did."""
    symptoms: tuple[Symptom, ...]
    """The symptoms of `hits`, in the same order."""
    suggestions: tuple[str, ...] = ()
    names: NameRef | None = None
    """When the term (or its closest suggestion) names something else, such as a site: what it names."""
    misspelled: tuple[tuple[str, str], ...] = ()
    """Words left aside that look like a misspelt symptom's name, with that name (see `spelling.misspelled`)."""

    @property
    def how(self) -> str:
        """How the term matched: name, alias, plural, singular, inflection, phrase; none if it did not."""
        return self.hits[0].how if self.hits else "none"


class Explanation(Record):
    """A site explains one of the user's symptoms, directly or through a condition."""

    term: str
    hit: Hit
    """How the term matched the symptom."""
    symptom: Symptom
    via: Symptom | None
    citations: tuple[Citation, ...]


class RankedSite(Record):
    """A site that can cause some of the user's symptoms, with which and why."""

    site: Site
    explains: tuple[Explanation, ...]
    missing: tuple[str, ...]
    """The names of the user's matched symptoms this site does not explain."""
    named: bool = False
    """The user named this site (or a place in it) beside the symptoms: "rib pain"."""


class SymptomAnswer(Record):
    """Answer to `mbc symptom TERM...`: sites ranked by how many of the symptoms each explains."""

    matches: tuple[TermMatch, ...]
    sites: tuple[RankedSite, ...]
    general: tuple[tuple[str, Symptom], ...]
    """(term, symptom) for matched symptoms the sources call general, not tied to one site."""
    unlinked: tuple[Site, ...] = ()
    """Sites the user named that the sources do not link to any of the matched symptoms."""


def match_symptom(kb: KnowledgeBase, term: str) -> TermMatch:
    """Understand one term as symptoms (see `recognise.find`), else say what it names or suggest names."""
    hits = recognise.find(kb, term, SYMPTOM_KINDS)
    if hits:
        typos = spelling.misspelled(kb, hits[0].ignored, SYMPTOM_KINDS)
        return TermMatch(term, hits, tuple(kb.symptoms[hit.ref.id] for hit in hits), misspelled=typos)
    other = recognise.find(kb, term, NAMED - SYMPTOM_KINDS)
    if other:  # the name of something else, such as a site or a drug: say so, suggest nothing
        return TermMatch(term, (), (), (), other[0].ref)
    suggestions = spelling.suggest(kb, term, SYMPTOM_KINDS)
    named: tuple[NameRef, ...] = ()
    if not suggestions:
        suggestions = spelling.suggest(kb, term, NAMED)
        named = kb.names[suggestions[0]] if suggestions else ()
    return TermMatch(term, (), (), suggestions, named[0] if named else None)


def by_symptoms(kb: KnowledgeBase, terms: Sequence[str]) -> SymptomAnswer:
    """Rank the sites that explain the most of `terms`; ties go to the more common site."""
    matches = tuple(match_symptom(kb, term) for term in terms)
    if not any(m.symptoms for m in matches):
        raise NoSymptomMatched(matches)
    explained: dict[str, list[Explanation]] = {}
    for match in matches:
        for hit, symptom in zip(match.hits, match.symptoms, strict=True):
            for site_id, link in kb.sites_by_symptom.get(symptom.id, ()):
                via = kb.symptoms[link.via] if link.via else None
                found = explained.setdefault(site_id, [])
                if not any(e.term == match.term and e.symptom == symptom and e.via == via for e in found):
                    found.append(Explanation(match.term, hit, symptom, via, link.citations))
    matched = list(dict.fromkeys(s for m in matches for s in m.symptoms))
    named = {place for m in matches for hit in m.hits for place in hit.places}

    def rank(site_id: str) -> tuple[bool, int, tuple[float, int]]:
        """Named sites first, then the site that explains more of the symptoms, then the more common."""
        symptoms = {e.symptom.id for e in explained[site_id]}
        return (site_id not in named, -len(symptoms), commonness(kb.sites[site_id]))

    sites = tuple(
        RankedSite(
            kb.sites[site_id],
            tuple(explained[site_id]),
            tuple(s.name for s in matched if s not in {e.symptom for e in explained[site_id]}),
            site_id in named,
        )
        for site_id in sorted(explained, key=rank)
    )
    general = tuple((m.term, s) for m in matches for s in m.symptoms if s.general)
    unlinked = tuple(kb.sites[place] for place in sorted(named) if place in kb.sites and place not in explained)
    return SymptomAnswer(matches, sites, general, unlinked)


class SymptomSites(Record):
    """One symptom and the sites it points to."""

    symptom: Symptom
    sites: tuple[tuple[Site, SymptomLink], ...]


def all_symptoms(kb: KnowledgeBase) -> tuple[SymptomSites, ...]:
    """Answer `mbc symptoms`: every symptom with the sites that can cause it, in file order."""
    return tuple(
        SymptomSites(s, tuple((kb.sites[site_id], link) for site_id, link in kb.sites_by_symptom.get(s.id, ())))
        for s in kb.symptoms.values()
    )
