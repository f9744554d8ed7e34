"""Turn checked knowledge-base entries into the frozen model and the indexes queries use.

Each entry is built from its class's declaration (mbc_cli.model): nothing here is written per kind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, TypeVar

from mbc_cli import index, kinds, model, searchable
from mbc_cli.declare import Record
from mbc_cli.kb import schema
from mbc_cli.kb.shapes import Checked
from mbc_cli.understand.normalise import content, name_key, phrase_key, stem, stem_key

T = TypeVar("T")
R = TypeVar("R", bound=Record)


def build(record: type[R], checked: Checked) -> R:
    """The model object a checked YAML mapping declares."""
    values = checked.values
    return record(*(convert(values.get(name)) for name, convert in _builders(record)))


@cache
def _builders(record: type[Record]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """For each field of `record`: its YAML key, and how to turn the checked value into the model's."""
    builders = []
    for field, name in zip(record.FIELDS, record.YAML_KEYS, strict=True):
        nested = schema.item_class(record, field)
        item, listed, _ = schema.declared(record, field)
        convert: Callable[[Any], Any]
        if nested is not None and listed:
            convert = _list_of(nested)
        elif nested is not None:
            convert = _maybe(nested)
        elif listed:
            convert = _texts
        elif item == "float":
            convert = _number
        else:
            convert = _same
        builders.append((name, convert))
    return tuple(builders)


def _list_of(record: type[Record]) -> Callable[[Any], tuple[Record, ...]]:
    return lambda value: tuple(build(record, item) for item in value or ())


def _maybe(record: type[Record]) -> Callable[[Any], Record | None]:
    return lambda value: None if value is None else build(record, value)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value or ())


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _same(value: Any) -> Any:
    return value


def _frozen(mapping: Mapping[str, T]) -> Mapping[str, T]:
    return MappingProxyType(dict(mapping))


def _tuples(lists: Mapping[str, list[T]]) -> Mapping[str, tuple[T, ...]]:
    """An index built as lists, frozen: each list a tuple."""
    return _frozen({key: tuple(items) for key, items in lists.items()})


def knowledge_base(ids: Mapping[kinds.Kind, Mapping[str, Checked]], path: str) -> model.KnowledgeBase:
    """Build the model from entries by kind and id, already checked for shape and references."""
    entries: dict[str, Mapping[str, Any]] = {
        str(kind.file): _frozen({k: build(kind.entry, e) for k, e in ids[kind].items()})
        for kind in kinds.FILES
        if kind.entry is not None
    }
    sites: Mapping[str, model.Site] = entries["sites"]
    sites_by_symptom: defaultdict[str, list[tuple[str, model.SymptomLink]]] = defaultdict(list)
    for site in sites.values():
        for link in site.symptoms:
            sites_by_symptom[link.symptom].append((site.id, link))
    tests_by_site: defaultdict[str, list[str]] = defaultdict(list)
    for test in entries["tests"].values():
        for site_link in test.sites:
            tests_by_site[site_link.site].append(test.id)
        if not test.sites and test.only_at is None:  # a check at follow-up finds no spread anywhere
            tests_by_site[index.ANY].append(test.id)
    treatments_by_site: defaultdict[str, list[str]] = defaultdict(list)
    treatments_by_subtype: defaultdict[str, list[str]] = defaultdict(list)
    for treatment in entries["treatments"].values():
        for area_link in treatment.sites:
            treatments_by_site[area_link.site].append(treatment.id)
        for subtype in treatment.subtypes:
            if subtype.subtype != model.ANY_SUBTYPE:
                treatments_by_subtype[subtype.subtype].append(treatment.id)
        if not treatment.subtypes or any(s.subtype == model.ANY_SUBTYPE for s in treatment.subtypes):
            treatments_by_subtype[index.ANY].append(treatment.id)
    drugs_by_treatment: defaultdict[str, list[str]] = defaultdict(list)
    for drug in entries["drugs"].values():
        drugs_by_treatment[drug.treatment].append(drug.id)
    names = _name_index(entries)

    built = model.KnowledgeBase(
        path=path,
        **entries,
        names=names,
        # A name's stems, and for a name of several words also the stem of them written joined
        # ("head ache" finds headache, "lightheaded" finds light headed): see lookup._whole.
        stems=_key_index(names, lambda key: tuple(dict.fromkeys((stem_key(key), stem(key.replace(" ", "")))))),
        phrases=_key_index(names, lambda key: (phrase_key(key),)),
        words=_key_index(names, lambda key: tuple(sorted(content(key)))),
        text_words=_frozen({}),
        text_weights=_frozen({}),
        spellings=index.FrozenIndex({}),
        sites_by_symptom=_tuples(sites_by_symptom),
        tests_by_site=_tuples(tests_by_site),
        treatments_by_site=_tuples(treatments_by_site),
        treatments_by_subtype=_tuples(treatments_by_subtype),
        drugs_by_treatment=_tuples(drugs_by_treatment),
    )
    # The search index reads entries as search does, so it is built from the model itself.
    words, weights, written = searchable.index(built)
    for key in names:  # narrower kinds and disorders are written nowhere else
        for word in key.split(" "):
            if len(word) >= 3 and word.isalpha():
                written[word] = written.get(word, 0) + 1
    return built.replace(
        text_words=_frozen(words),
        text_weights=_frozen(weights),
        spellings=index.FrozenIndex(dict(sorted(written.items()))),
    )


_NAMING_FIELDS = ("name", "brands", "aliases", "narrower", "disorders")
"""The fields of an entry that name it, in the order the index takes them."""


def _name_index(entries: Mapping[str, Mapping[str, Any]]) -> index.FrozenIndex[tuple[model.NameRef, ...]]:
    found: defaultdict[str, list[model.NameRef]] = defaultdict(list)
    seen: set[tuple[str, str, str, str]] = set()

    def add(kind: kinds.Kind, entry_id: str, named: Any) -> None:
        ref = model.NameRef(kind, entry_id, named.name)
        for field in _NAMING_FIELDS:
            words = getattr(named, field, ())
            for word in (words,) if isinstance(words, str) else words:
                key = name_key(word)
                if key and (key, kind.value, entry_id, named.name) not in seen:
                    seen.add((key, kind.value, entry_id, named.name))
                    found[key].append(ref)

    for kind in kinds.FILES:
        if kind not in kinds.NAMED or kind.file is None:
            continue
        for entry in entries[kind.file].values():
            add(kind, entry.id, entry)
            for place in getattr(entry, "places", ()):  # a site's places, each right after it
                add(kinds.Kind.PLACE, entry.id, place)
    return index.FrozenIndex({key: tuple(refs) for key, refs in found.items()})


def _key_index(names: Mapping[str, object], keys_of: Callable[[str], tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    """Index the name keys under other keys derived from them (stems, phrases, words)."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        for key in keys_of(name):
            if key:
                found[key].append(name)
    return _tuples(found)
