"""The shape of each file of the knowledge base, derived from the model's declarations.

A field's type says what YAML may hold there (text, a number, a list, a nested record), `| None`
that it may be null, and its `key()` the rest: the key's name, whether it may be left out, its
choices, its pattern and the entries it names. Nothing here is written per kind of entry.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from mbc_cli import kinds, model
from mbc_cli.declare import Key, Record
from mbc_cli.kb.shapes import ListOf, Number, OneOf, Shape, Slot, Text, Type

TEXT = Text()
PATTERNS = {
    "id": Text("an id", r"[a-z][a-z0-9_]*\Z", " (lower-case letters, digits and _, starting with a letter)"),
    "date": Text("a date", r"\d{4}-\d{2}-\d{2}\Z", " (YYYY-MM-DD)", allows_dates=True),
}
_SCALARS: dict[str, Type] = {"str": TEXT, "float": Number(), "int": Number(whole=True)}
_NO_KEY = Key()
_LIST = re.compile(r"tuple\[(\w+), \.\.\.\]\Z")


class Declared(NamedTuple):
    """What a field's type annotation says: the type of one item, whether a list of them, whether None."""

    item: str
    """"str", "int", "float", or the name of a model class."""
    listed: bool
    nullable: bool


@cache
def declared(record: type[Record], field: str) -> Declared:
    """Read a field's annotation ("tuple[Claim, ...]", "str | None"), written as strings in mbc_cli.model."""
    written = str(record.__annotations__[field])
    one = written.removesuffix(" | None")
    listed = _LIST.match(one)
    return Declared(listed.group(1) if listed else one, listed is not None, one != written)


def key_of(record: type[Record], field: str) -> Key:
    """How YAML writes `field` of `record` (a field with no `key()` is required, under its own name)."""
    return record.KEYS.get(field, _NO_KEY)


def item_class(record: type[Record], field: str) -> type[Record] | None:
    """The record class a field holds (itself, one of a list, or maybe none), or None for plain values."""
    found = getattr(model, declared(record, field).item, None)
    return found if isinstance(found, type) and issubclass(found, Record) else None


@cache
def shape(record: type[Record], label: str | None = None) -> Shape:
    """The shape of a record's YAML mapping; `label` names an entry of a file in messages, e.g. 'site'."""
    slots: dict[str, Slot] = {}
    for field, name in zip(record.FIELDS, record.YAML_KEYS, strict=True):
        spec = key_of(record, field)
        slots[name] = Slot(
            _type(record, field, spec), required=not spec.optional, nullable=declared(record, field).nullable
        )
    return Shape(_described(label or _words(record.__name__)), slots, label=label)


def _type(record: type[Record], field: str, spec: Key) -> Type:
    nested = item_class(record, field)
    item, listed, _ = declared(record, field)
    one: Type
    if nested is not None:
        one = shape(nested)
    elif spec.choices:
        one = OneOf(*spec.choices)
    elif spec.pattern or field == "id" or spec.refers:
        one = PATTERNS[spec.pattern or "id"]
    else:
        one = _SCALARS[item]
    if not listed:
        return one
    return ListOf(one, non_empty=spec.non_empty or nested is model.Citation)


def _words(name: str) -> str:
    """A class name in words: SymptomLink -> symptom link."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _described(words: str) -> str:
    return ("an " if words[0] in "aeiou" else "a ") + words


FILES: dict[kinds.Kind, Shape] = {kind: shape(kind.entry, kind.label) for kind in kinds.FILES if kind.entry is not None}
"""Each file of the knowledge base (`<kind.file>.yaml`) and the shape of the entries it lists."""
