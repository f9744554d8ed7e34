"""Turn checked knowledge-base entries into the frozen model and the indexes queries use."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

from mbc_cli import model, searchable
from mbc_cli.names import content, name_key, phrase_key, stem, stem_key
from mbc_cli.records import Entry

T = TypeVar("T")


def _citations(entries: tuple[Entry, ...]) -> tuple[model.Citation, ...]:
    return tuple(model.Citation(e.text("source"), e.text("quote")) for e in entries)


def _claims(entries: tuple[Entry, ...]) -> tuple[model.Claim, ...]:
    return tuple(model.Claim(e.text("text"), _citations(e.entries("citations"))) for e in entries)


def _subtypes(entry: Entry) -> tuple[model.SubtypeLink, ...]:
    return tuple(
        model.SubtypeLink(link.text("subtype"), _citations(link.entries("citations")))
        for link in entry.entries("subtypes")
    )


def _site_links(entry: Entry) -> tuple[model.SiteLink, ...]:
    return tuple(
        model.SiteLink(link.text("site"), _citations(link.entries("citations"))) for link in entry.entries("sites")
    )


def _frozen(mapping: Mapping[str, T]) -> Mapping[str, T]:
    return MappingProxyType(dict(mapping))


def _source(e: Entry) -> model.Source:
    return model.Source(
        id=e.text("id"),
        publisher=e.maybe_text("publisher"),
        title=e.maybe_text("title"),
        label=e.maybe_text("label"),
        url=e.maybe_text("url"),
        authors=e.texts("authors"),
        reviewed_by=e.texts("reviewed_by"),
        published=e.maybe_text("published"),
        last_reviewed=e.maybe_text("last_reviewed"),
        last_updated=e.maybe_text("last_updated"),
        licence=e.text("licence"),
        notes=e.maybe_text("notes"),
        snapshot=e.text("snapshot"),
    )


def _site(e: Entry) -> model.Site:
    frequency = e.entry("frequency")
    return model.Site(
        id=e.text("id"),
        name=e.text("name"),
        aliases=e.texts("aliases"),
        prevalence=e.text("prevalence"),
        named_by=_citations(e.entries("named_by")),
        frequency=None
        if frequency is None
        else model.Frequency(
            percent=frequency.number("percent") or 0.0,
            study=frequency.text("study"),
            citations=_citations(frequency.entries("citations")),
        ),
        places=tuple(
            model.Place(p.text("name"), p.texts("aliases"), _citations(p.entries("citations")))
            for p in e.entries("places")
        ),
        symptoms=tuple(
            model.SymptomLink(link.text("symptom"), link.maybe_text("via"), _citations(link.entries("citations")))
            for link in e.entries("symptoms")
        ),
        notes=_claims(e.entries("notes")),
    )


def _local_area(e: Entry) -> model.LocalArea:
    return model.LocalArea(e.text("id"), e.text("name"), e.texts("aliases"), _claims(e.entries("meaning")))


def _symptom(e: Entry) -> model.Symptom:
    return model.Symptom(
        id=e.text("id"),
        name=e.text("name"),
        aliases=e.texts("aliases"),
        narrower=e.texts("narrower"),
        kind=e.text("kind"),
        description=_claims(e.entries("description")),
        general=_citations(e.entries("general")),
        notes=_claims(e.entries("notes")),
    )


def _test(e: Entry) -> model.Test:
    return model.Test(
        id=e.text("id"),
        name=e.text("name"),
        aliases=e.texts("aliases"),
        purpose=_claims(e.entries("purpose")),
        sites=_site_links(e),
        notes=_claims(e.entries("notes")),
    )


def _treatment(e: Entry) -> model.Treatment:
    return model.Treatment(
        id=e.text("id"),
        name=e.text("name"),
        aliases=e.texts("aliases"),
        kind=e.text("kind"),
        aims=_claims(e.entries("aims")),
        subtypes=_subtypes(e),
        sites=_site_links(e),
        notes=_claims(e.entries("notes")),
    )


def _drug(e: Entry) -> model.Drug:
    return model.Drug(
        id=e.text("id"),
        name=e.text("name"),
        brands=e.texts("brands"),
        aliases=e.texts("aliases"),
        kind=e.text("kind"),
        treatment=e.text("treatment"),
        drug_class=e.text("class"),
        citations=_citations(e.entries("citations")),
        subtypes=_subtypes(e),
        notes=_claims(e.entries("notes")),
    )


def _study(e: Entry) -> model.Study:
    return model.Study(
        id=e.text("id"),
        name=e.text("name"),
        year=e.integer("year"),
        size=e.integer("size"),
        population=e.maybe_text("population"),
        citations=_citations(e.entries("citations")),
    )


def _statistic(e: Entry) -> model.Statistic:
    return model.Statistic(
        id=e.text("id"),
        name=e.text("name"),
        topic=e.text("topic"),
        measures=e.text("measures"),
        value=e.text("value"),
        low=e.number("low"),
        high=e.number("high"),
        unit=e.maybe_text("unit"),
        population=e.maybe_text("population"),
        year=e.integer("year"),
        study=e.maybe_text("study"),
        citations=_citations(e.entries("citations")),
    )


def _term(e: Entry) -> model.Term:
    return model.Term(e.text("id"), e.text("name"), e.texts("aliases"), _claims(e.entries("definitions")))


def _note(e: Entry) -> model.Note:
    return model.Note(
        e.text("id"), e.text("topic"), e.text("text"), e.maybe_text("study"), _citations(e.entries("citations"))
    )


def knowledge_base(ids: dict[str, dict[str, Entry]], path: str) -> model.KnowledgeBase:
    """Build the model from entries by kind and id, already checked for shape and references."""
    sites = {k: _site(e) for k, e in ids["sites"].items()}
    local_areas = {k: _local_area(e) for k, e in ids["local_areas"].items()}
    symptoms = {k: _symptom(e) for k, e in ids["symptoms"].items()}
    tests = {k: _test(e) for k, e in ids["tests"].items()}
    treatments = {k: _treatment(e) for k, e in ids["treatments"].items()}
    drugs = {k: _drug(e) for k, e in ids["drugs"].items()}
    terms = {k: _term(e) for k, e in ids["terms"].items()}

    sites_by_symptom: defaultdict[str, list[tuple[str, model.SymptomLink]]] = defaultdict(list)
    for site in sites.values():
        for link in site.symptoms:
            sites_by_symptom[link.symptom].append((site.id, link))
    tests_by_site: defaultdict[str, list[str]] = defaultdict(list)
    for test in tests.values():
        for site_link in test.sites:
            tests_by_site[site_link.site].append(test.id)
    treatments_by_site: defaultdict[str, list[str]] = defaultdict(list)
    treatments_by_subtype: defaultdict[str, list[str]] = defaultdict(list)
    for treatment in treatments.values():
        for site_link in treatment.sites:
            treatments_by_site[site_link.site].append(treatment.id)
        for subtype in treatment.subtypes:
            treatments_by_subtype[subtype.subtype].append(treatment.id)
    drugs_by_treatment: defaultdict[str, list[str]] = defaultdict(list)
    for drug in drugs.values():
        drugs_by_treatment[drug.treatment].append(drug.id)
    names = _name_index(sites, local_areas, symptoms, tests, treatments, drugs, terms)

    built = model.KnowledgeBase(
        path=path,
        sources=_frozen({k: _source(e) for k, e in ids["sources"].items()}),
        sites=_frozen(sites),
        local_areas=_frozen(local_areas),
        symptoms=_frozen(symptoms),
        tests=_frozen(tests),
        treatments=_frozen(treatments),
        drugs=_frozen(drugs),
        studies=_frozen({k: _study(e) for k, e in ids["studies"].items()}),
        statistics=_frozen({k: _statistic(e) for k, e in ids["statistics"].items()}),
        terms=_frozen(terms),
        notes=_frozen({k: _note(e) for k, e in ids["notes"].items()}),
        names=names,
        # A name's stems, and for a name of several words also the stem of them written joined
        # ("head ache" finds headache, "lightheaded" finds light headed): see lookup._whole.
        stems=_key_index(names, lambda key: tuple(dict.fromkeys((stem_key(key), stem(key.replace(" ", "")))))),
        phrases=_key_index(names, lambda key: (phrase_key(key),)),
        words=_key_index(names, lambda key: tuple(sorted(content(key)))),
        text_words=_frozen({}),
        sites_by_symptom=_frozen({k: tuple(v) for k, v in sites_by_symptom.items()}),
        tests_by_site=_frozen({k: tuple(v) for k, v in tests_by_site.items()}),
        treatments_by_site=_frozen({k: tuple(v) for k, v in treatments_by_site.items()}),
        treatments_by_subtype=_frozen({k: tuple(v) for k, v in treatments_by_subtype.items()}),
        drugs_by_treatment=_frozen({k: tuple(v) for k, v in drugs_by_treatment.items()}),
    )
    # The search index reads entries as search does, so it is built from the model itself.
    return dataclasses.replace(built, text_words=_frozen(searchable.index(built)))


def _name_index(
    sites: dict[str, model.Site],
    local_areas: dict[str, model.LocalArea],
    symptoms: dict[str, model.Symptom],
    tests: dict[str, model.Test],
    treatments: dict[str, model.Treatment],
    drugs: dict[str, model.Drug],
    terms: dict[str, model.Term],
) -> Mapping[str, tuple[model.NameRef, ...]]:
    index: defaultdict[str, list[model.NameRef]] = defaultdict(list)

    def add(kind: str, entry_id: str, name: str, words: tuple[str, ...]) -> None:
        ref = model.NameRef(kind, entry_id, name)
        for word in (name, *words):
            key = name_key(word)
            if key and ref not in index[key]:
                index[key].append(ref)

    for site in sites.values():
        add("site", site.id, site.name, site.aliases)
        for place in site.places:
            add("place", site.id, place.name, place.aliases)
    for area in local_areas.values():
        add("local_area", area.id, area.name, area.aliases)
    for symptom in symptoms.values():
        add("symptom", symptom.id, symptom.name, (*symptom.aliases, *symptom.narrower))
    for test in tests.values():
        add("test", test.id, test.name, test.aliases)
    for treatment in treatments.values():
        add("treatment", treatment.id, treatment.name, treatment.aliases)
    for drug in drugs.values():
        add("drug", drug.id, drug.name, (*drug.brands, *drug.aliases))
    for term in terms.values():
        add("term", term.id, term.name, term.aliases)
    return _frozen({k: tuple(v) for k, v in index.items()})


def _key_index(names: Mapping[str, object], keys_of: Callable[[str], tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """Index the name keys under other keys derived from them (stems, phrases, words)."""
    index: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        for key in keys_of(name):
            if key:
                index[key].append(name)
    return _frozen({k: tuple(v) for k, v in index.items()})
