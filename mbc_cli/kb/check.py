"""Check what no single file can: ids unique, every reference resolving, the rules between entries.

Which fields name other entries is read from the model's declarations (`key(refers=...)`); the few
rules that are not references (a condition that symptoms come via, the advice every answer ends
with) are written here.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator, Mapping

from mbc_cli import kinds, model
from mbc_cli.declare import Record
from mbc_cli.errors import Location, Problem
from mbc_cli.kb import schema
from mbc_cli.kb.shapes import Checked

MAX_QUOTE = 250
"""Longest quote accepted, in characters: cite the shortest passage that supports a claim."""

Entries = dict[kinds.Kind, tuple[Checked, ...]]
"""The checked entries of each file."""
Ids = dict[kinds.Kind, dict[str, Checked]]
"""The checked entries of each file, by id."""


class CitationAt(Record):
    """A citation as written: its source id and quote, where each stands, and the entry it is in."""

    source: str
    quote: str
    source_at: Location
    quote_at: Location
    entry: str


def iter_citations(entries: Entries) -> Iterator[CitationAt]:
    """Yield every citation in the knowledge base, with its location and entry."""
    for record, checked, label in _walk(entries):
        source, quote = checked.maybe_text("source"), checked.maybe_text("quote")
        if record is model.Citation and source is not None and quote is not None:  # else: a problem of its shape
            yield CitationAt(source, quote, checked.where["source"], checked.where["quote"], label)


def references(entries: Entries, unread: Collection[kinds.Kind] = ()) -> tuple[Ids, list[Problem]]:
    """The entries by id, and every problem across files: duplicate ids, references that resolve to nothing.

    A reference into a file that could not be read (`unread`) is not checked: what it names is unknown, not
    missing; nor is a rule that needs such a file's entries.
    """
    problems: list[Problem] = []
    unread_files = {str(kind.file) for kind in unread}
    ids = {kind: _unique_ids(kind, entries.get(kind, ()), problems) for kind in kinds.FILES}
    sites, areas = ids[kinds.Kind.SITE], ids[kinds.Kind.LOCAL_AREA]
    for clash in sites.keys() & areas.keys():
        entry = areas[clash]
        problems.append(
            Problem(entry.where["id"], f'id "{clash}" is also a site id', _label(kinds.Kind.LOCAL_AREA, entry))
        )
    by_file: dict[str, Mapping[str, Checked]] = {str(kind.file): ids[kind] for kind in kinds.FILES}
    union: dict[tuple[str, ...], Mapping[str, Checked]] = {}  # the ids a field may name, made once per field kind
    for record, checked, label in _walk(entries):
        for field, name in zip(record.FIELDS, record.YAML_KEYS, strict=True):
            spec = schema.key_of(record, field)
            value = checked.values.get(name)
            if spec.refers and isinstance(value, str) and not unread_files.intersection(spec.refers):
                if spec.refers not in union:
                    union[spec.refers] = {key: entry for file in spec.refers for key, entry in by_file[file].items()}
                known = union[spec.refers]
                what = " or ".join(_KIND_OF_FILE[file].label for file in spec.refers)
                _refer(problems, checked.where[name], what, value, known, label)
        if record is model.Citation and len(quote := checked.maybe_text("quote") or "") > MAX_QUOTE:
            problems.append(
                Problem(
                    checked.where["quote"],
                    f"quote of {len(quote)} characters: cite at most {MAX_QUOTE} (the shortest passage)",
                    label,
                )
            )
        if record is model.Source and not any(checked.maybe_text(f) for f in ("publisher", "title", "label")):
            problems.append(
                Problem(
                    checked.at,
                    "a source that names neither publisher nor title needs a label to name it to a reader",
                    label,
                )
            )
        if record is model.Site and kinds.Kind.SYMPTOM not in unread:
            _check_symptoms(checked, ids[kinds.Kind.SYMPTOM], problems, label)
    advice = any(note.maybe_text("topic") == "advice" for note in ids[kinds.Kind.NOTE].values())
    if kinds.Kind.NOTE not in unread and not advice:
        problems.append(
            Problem(None, "no note with topic advice: every answer ends with the sources' advice to see the care team")
        )
    return ids, problems


_KIND_OF_FILE = {str(kind.file): kind for kind in kinds.FILES}


def _walk(entries: Entries) -> Iterator[tuple[type[Record], Checked, str]]:
    """Every checked mapping, entry by entry in file order, each before what it holds: its record class,
    and the label of the entry it is in."""
    for kind, items in entries.items():
        assert kind.entry is not None
        for top in items:
            label = _label(kind, top)
            stack: list[tuple[type[Record], Checked]] = [(kind.entry, top)]
            while stack:
                record, checked = stack.pop()
                yield record, checked, label
                inner: list[tuple[type[Record], Checked]] = []
                for field, name in zip(record.FIELDS, record.YAML_KEYS, strict=True):
                    nested = schema.item_class(record, field)
                    value = checked.values.get(name)
                    if nested is None or value is None:
                        continue
                    items_of = value if isinstance(value, tuple) else (value,)
                    inner.extend((nested, item) for item in items_of if isinstance(item, Checked))
                stack.extend(reversed(inner))


def _check_symptoms(site: Checked, symptoms: Mapping[str, Checked], problems: list[Problem], label: str) -> None:
    """A symptom is linked once; what it comes via is a condition, itself linked to the site directly."""
    links = [link for link in site.entries("symptoms") if link.maybe_text("symptom") is not None]
    direct = {link.text("symptom") for link in links if "via" not in link.values}
    seen: set[tuple[str, str | None]] = set()
    for link in links:
        symptom, via = link.text("symptom"), link.maybe_text("via")
        if (symptom, via) in seen:
            problems.append(Problem(link.at, f'symptom "{symptom}" is linked twice', label))
        seen.add((symptom, via))
        kind = symptoms[via].maybe_text("kind") if via is not None and via in symptoms else None
        if via is None or kind is None:  # no via; an unknown one; or one whose kind is itself a problem, said
            continue
        if kind != "condition":
            problems.append(Problem(link.where["via"], f'"{via}" is not a condition, so nothing comes via it', label))
        elif via not in direct:
            problems.append(
                Problem(
                    link.where["via"], f'"{via}" must also be linked to this site directly, with its citations', label
                )
            )


def _refer(
    problems: list[Problem], at: Location, kind: str, value: str, known: Mapping[str, object], entry: str
) -> None:
    """Report an id that points at no entry, suggesting the closest id."""
    if value in known:
        return
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    problems.append(Problem(at, f'unknown {kind} "{value}"{hint}', entry))


def _label(kind: kinds.Kind, entry: Checked) -> str:
    return f'{kind.label} "{entry.values.get("id", "?")}"'


def _unique_ids(kind: kinds.Kind, entries: tuple[Checked, ...], problems: list[Problem]) -> dict[str, Checked]:
    by_id: dict[str, Checked] = {}
    for entry in entries:
        entry_id = entry.values.get("id")
        if not isinstance(entry_id, str):
            continue
        if entry_id in by_id:
            first = by_id[entry_id].at.line
            problems.append(
                Problem(entry.where["id"], f'duplicate id "{entry_id}" (first at line {first})', _label(kind, entry))
            )
            continue
        by_id[entry_id] = entry
    return by_id
