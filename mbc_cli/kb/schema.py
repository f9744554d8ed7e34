"""The shape of each file of the knowledge base, derived from the model's declarations.

A field's type says what YAML may hold there (text, a number, a list, a nested record), `| None`
that it may be null, and its `key()` the rest: the key's name, whether it may be left out, its
choices, its pattern and the entries it names. Nothing here is written per kind of entry.
"""

from __future__ import annotations

import re
from functools import cache

from mbc_cli import kinds, model
from mbc_cli.declare import Key, Record
from mbc_cli.kb.shapes import ListOf, Number, OneOf, Shape, Slot, Text, Type

TEXT = Text()
PATTERNS = {
    "id": Text("an id", r"[a-z][a-z0-9_]*\Z", " (lower-case letters, digits and _, starting with a letter)"),
    "date": Text("a date", r"\d{4}-\d{2}-\d{2}\Z", " (YYYY-MM-DD)", allows_dates=True),
}
_SCALARS: dict[str, Type] = {"str": TEXT, "float": Number(), "int": Number(whole=True)}
_NO_KEY = Key(None, optional=False, choices=(), pattern=None, non_empty=False, refers=())
_LIST = re.compile(r"tuple\[(\w+), \.\.\.\]\Z")


def key_of(record: type[Record], field: str) -> Key:
    """How YAML writes `field` of `record` (a field with no `key()` is required, under its own name)."""
    return record.KEYS.get(field, _NO_KEY)


def item_class(record: type[Record], field: str) -> type[Record] | None:
    """The record class a field holds (itself, one of a list, or maybe none), or None for plain values."""
    written = _written(record, field).removesuffix(" | None")
    listed = _LIST.match(written)
    found = getattr(model, listed.group(1) if listed else written, None)
    return found if isinstance(found, type) and issubclass(found, Record) else None


def is_list(record: type[Record], field: str) -> bool:
    """Whether a field holds a list (a tuple in the model)."""
    return _LIST.match(_written(record, field)) is not None


def is_nullable(record: type[Record], field: str) -> bool:
    """Whether a field may be None in the model."""
    return _written(record, field).endswith(" | None")


@cache
def shape(record: type[Record], label: str | None = None) -> Shape:
    """The shape of a record's YAML mapping; `label` names an entry of a file in messages, e.g. 'site'."""
    slots: dict[str, Slot] = {}
    for field in record.FIELDS:
        spec = key_of(record, field)
        slots[spec.name or field] = Slot(
            _type(record, field, spec), required=not spec.optional, nullable=is_nullable(record, field)
        )
    return Shape(_described(label or _words(record.__name__)), slots, label=label)


def _type(record: type[Record], field: str, spec: Key) -> Type:
    nested = item_class(record, field)
    written = _written(record, field).removesuffix(" | None")
    listed = _LIST.match(written)
    item = listed.group(1) if listed else written
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


def _written(record: type[Record], field: str) -> str:
    return str(record.__annotations__[field])


def _words(name: str) -> str:
    """A class name in words: SymptomLink -> symptom link."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _described(words: str) -> str:
    return ("an " if words[0] in "aeiou" else "a ") + words


FILES: dict[kinds.Kind, Shape] = {kind: shape(kind.entry, kind.label) for kind in kinds.FILES if kind.entry is not None}
"""Each file of the knowledge base (`<kind.file>.yaml`) and the shape of the entries it lists."""
