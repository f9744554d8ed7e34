"""The knowledge base as immutable data: what the YAML says, validated, with its indexes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a claim comes from: exact words from one source snapshot."""

    source: str
    """The id of a `Source`."""
    quote: str


@dataclass(frozen=True, slots=True)
class Claim:
    """Our plain restatement of what the quotes say, with the quotes."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """One source snapshot; None where the snapshot does not say."""

    id: str
    publisher: str | None
    title: str | None
    label: str | None
    """How to name it to a reader when it shows neither publisher nor title (never a file name)."""
    url: str | None
    authors: tuple[str, ...]
    reviewed_by: tuple[str, ...]
    published: str | None
    last_reviewed: str | None
    last_updated: str | None
    licence: str
    notes: str | None
    snapshot: str
    """The snapshot's file name in shared/sources."""


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often a site is affected, in one study."""

    percent: float
    study: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A part of a site, e.g. the spine in bone."""

    name: str
    aliases: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SymptomLink:
    """A site can cause a symptom, directly or through an intermediate condition."""

    symptom: str
    via: str | None
    """The id of the intermediate condition (a symptom of kind 'condition'), if any."""
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SiteLink:
    """A test checks, or a treatment is tied to, a site or local area."""

    site: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SubtypeLink:
    """A treatment or drug is for one subtype of breast cancer."""

    subtype: str
    """One of schema.SUBTYPES."""
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """A distant site breast cancer can spread to."""

    id: str
    name: str
    aliases: tuple[str, ...]
    prevalence: str
    """common, less_common or not_stated."""
    named_by: tuple[Citation, ...]
    frequency: Frequency | None
    places: tuple[Place, ...]
    symptoms: tuple[SymptomLink, ...]
    notes: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class LocalArea:
    """A word that is not a distant site: spread there is local or regional."""

    id: str
    name: str
    aliases: tuple[str, ...]
    meaning: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Symptom:
    """A symptom, or an intermediate condition with symptoms of its own."""

    id: str
    name: str
    aliases: tuple[str, ...]
    narrower: tuple[str, ...]
    """Words for narrower kinds of it (hip fracture, of fractures): matched as it, and said to be a kind of it."""
    kind: str
    """symptom or condition."""
    description: tuple[Claim, ...]
    general: tuple[Citation, ...]
    """Non-empty when the sources call it general, not tied to one site."""
    notes: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Test:
    """A test used to find spread."""

    id: str
    name: str
    aliases: tuple[str, ...]
    purpose: tuple[Claim, ...]
    sites: tuple[SiteLink, ...]
    """Empty when it is used wherever the cancer may have spread."""
    notes: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Treatment:
    """A kind of treatment."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    """systemic, local, supportive, trial or emerging."""
    aims: tuple[Claim, ...]
    subtypes: tuple[SubtypeLink, ...]
    """Empty when it is for any subtype."""
    sites: tuple[SiteLink, ...]
    notes: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Drug:
    """A drug or class of drugs the sources name."""

    id: str
    name: str
    """The generic name."""
    brands: tuple[str, ...]
    aliases: tuple[str, ...]
    kind: str
    """drug, or class for a group such as aromatase inhibitors."""
    treatment: str
    drug_class: str
    citations: tuple[Citation, ...]
    subtypes: tuple[SubtypeLink, ...]
    notes: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Study:
    """A study a source mentions."""

    id: str
    name: str
    year: int | None
    size: int | None
    population: str | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Statistic:
    """A figure the sources give, with what it measures."""

    id: str
    name: str
    topic: str
    measures: str
    value: str
    """The figure as the source states it."""
    low: float | None
    high: float | None
    unit: str | None
    population: str | None
    year: int | None
    study: str | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Term:
    """A word explained."""

    id: str
    name: str
    aliases: tuple[str, ...]
    definitions: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """Something the sources say that belongs to no single entry."""

    id: str
    topic: str
    text: str
    study: str | None
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class NameRef:
    """What a name or alias refers to: an entry of one kind, or a place within a site."""

    kind: str
    """site, place, local_area, symptom, test, treatment, drug or term."""
    id: str
    """The entry's id; for a place, the id of its site."""
    name: str
    """The name as the knowledge base spells it."""


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every entry by id, in file order, and the indexes the queries use."""

    path: str
    sources: Mapping[str, Source]
    sites: Mapping[str, Site]
    local_areas: Mapping[str, LocalArea]
    symptoms: Mapping[str, Symptom]
    tests: Mapping[str, Test]
    treatments: Mapping[str, Treatment]
    drugs: Mapping[str, Drug]
    studies: Mapping[str, Study]
    statistics: Mapping[str, Statistic]
    terms: Mapping[str, Term]
    notes: Mapping[str, Note]
    names: Mapping[str, tuple[NameRef, ...]]
    """Normalised name or alias (its `name_key`) -> what it names."""
    stems: Mapping[str, tuple[str, ...]]
    """`stem_key` -> the name keys with those stems: finds plurals and inflections."""
    phrases: Mapping[str, tuple[str, ...]]
    """`phrase_key` -> the name keys with those content words in any order."""
    words: Mapping[str, tuple[str, ...]]
    """A content word's stem -> the name keys that contain it: finds phrases within longer ones."""
    text_words: Mapping[str, tuple[str, ...]]
    """A word as search compares it -> the entries ('kind id') whose names, texts or quotes hold it."""
    sites_by_symptom: Mapping[str, tuple[tuple[str, SymptomLink], ...]]
    """Symptom id -> (site id, link) for each site that can cause it."""
    tests_by_site: Mapping[str, tuple[str, ...]]
    """Site id -> ids of the tests that check it."""
    treatments_by_site: Mapping[str, tuple[str, ...]]
    """Site or local-area id -> ids of the treatments tied to it."""
    treatments_by_subtype: Mapping[str, tuple[str, ...]]
    """Subtype -> ids of the treatments for it."""
    drugs_by_treatment: Mapping[str, tuple[str, ...]]
    """Treatment id -> ids of its drugs."""


def walk(value: object) -> Iterator[object]:
    """Yield every model object in `value` (entries, claims, citations...), each before what it holds, in order."""
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, tuple):
            stack.extend(reversed(item))
        elif is_dataclass(item):
            yield item
            stack.extend(reversed([getattr(item, f.name) for f in fields(item)]))
