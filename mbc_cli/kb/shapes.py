"""Check located YAML values against declared shapes, collecting every problem at once.

Checking turns located YAML values into `Checked` records of plain Python values, and reports
unknown or missing keys, wrong types and YAML 1.1 surprises, each with its location.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from mbc_cli.declare import Record
from mbc_cli.errors import Location, Problem
from mbc_cli.kb.read import ListNode, MappingNode, Scalar, Value

_TYPE_NAMES = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "null": "null",
    "timestamp": "a date",
}


class Checked(Record):
    """A checked mapping: its values, and where each was written."""

    at: Location
    values: Mapping[str, object]
    where: Mapping[str, Location]

    def text(self, key: str) -> str:
        """Return the text field `key` (checked to be text)."""
        value = self.values[key]
        assert isinstance(value, str)
        return value

    def maybe_text(self, key: str) -> str | None:
        """Return the optional text field `key`."""
        value = self.values.get(key)
        assert value is None or isinstance(value, str)
        return value

    def number(self, key: str) -> float | None:
        """Return the optional number field `key`."""
        value = self.values.get(key)
        assert value is None or isinstance(value, (int, float))
        return None if value is None else float(value)

    def integer(self, key: str) -> int | None:
        """Return the optional whole-number field `key`."""
        value = self.values.get(key)
        assert value is None or isinstance(value, int)
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        """Return the list-of-text field `key` (empty if absent)."""
        value = self.values.get(key, ())
        assert isinstance(value, tuple)
        return tuple(str(item) for item in value)

    def entries(self, key: str) -> tuple[Checked, ...]:
        """Return the list-of-records field `key` (empty if absent)."""
        value = self.values.get(key, ())
        assert isinstance(value, tuple)
        return tuple(item for item in value if isinstance(item, Checked))

    def entry(self, key: str) -> Checked | None:
        """Return the optional record field `key`."""
        value = self.values.get(key)
        assert value is None or isinstance(value, Checked)
        return value


class Type:
    """What a field may hold."""

    name = "a value"

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        """Return the plain value, or None after adding a problem."""
        raise NotImplementedError


class Text(Type):
    """Non-empty text; `pattern` narrows it (ids, dates)."""

    def __init__(
        self, name: str = "text", pattern: str | None = None, hint: str = "", *, allows_dates: bool = False
    ) -> None:
        self.name = name
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint
        self.allows_dates = allows_dates
        """Accept an unquoted date (YAML reads it as a timestamp; we keep it as written)."""

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        if not isinstance(value, Scalar):
            problems.append(Problem(value.at, f"expected {self.name}, got {_describe(value)}", entry))
            return None
        if value.type not in ("str", "timestamp"):
            problems.append(Problem(value.at, _surprise(value, self.name), entry))
            return None
        text = str(value.value)
        if not text.strip():
            problems.append(Problem(value.at, f"expected {self.name}, got empty text", entry))
            return None
        if self.pattern and not self.pattern.match(text):
            problems.append(Problem(value.at, f'"{text}" is not {self.name}{self.hint}', entry))
            return None
        if value.type == "timestamp" and not self.allows_dates:
            problems.append(Problem(value.at, _surprise(value, self.name), entry))
            return None
        return text


class Number(Type):
    """A number; `whole` asks for an integer."""

    def __init__(self, whole: bool = False) -> None:
        self.whole = whole
        self.name = "a whole number" if whole else "a number"

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        allowed = ("int",) if self.whole else ("int", "float")
        if isinstance(value, Scalar) and value.type in allowed:
            return value.value
        problems.append(Problem(value.at, f"expected {self.name}, got {_describe(value)}", entry))
        return None


class OneOf(Type):
    """One word from a fixed list."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self.name = "one of: " + ", ".join(choices)

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        if isinstance(value, Scalar) and value.type == "str" and value.value in self.choices:
            return value.value
        shown = f'"{value.text}"' if isinstance(value, Scalar) else _describe(value)
        problems.append(Problem(value.at, f"{shown} is not {self.name}", entry))
        return None


class ListOf(Type):
    """A list of items of one type; `non_empty` requires at least one."""

    def __init__(self, item: Type, non_empty: bool = False) -> None:
        self.item = item
        self.non_empty = non_empty
        self.name = f"a list of {item.name}"

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        if not isinstance(value, ListNode):
            problems.append(Problem(value.at, f"expected {self.name}, got {_describe(value)}", entry))
            return None
        if self.non_empty and not value.items:
            problems.append(Problem(value.at, f"expected {self.name}, got an empty list", entry))
        checked = (self.item.check(item, problems, entry) for item in value.items)
        return tuple(item for item in checked if item is not None)


class Slot(Record):
    """One key of a record."""

    type: Type
    required: bool = True
    nullable: bool = False


class Shape(Type):
    """A mapping with known keys; `label` names entries in messages, e.g. 'site'."""

    def __init__(self, name: str, fields: dict[str, Slot], label: str | None = None) -> None:
        self.name = name
        self.fields = fields
        self.label = label

    def check(self, value: Value, problems: list[Problem], entry: str | None) -> object:
        if not isinstance(value, MappingNode):
            problems.append(Problem(value.at, f"expected {self.name}, got {_describe(value)}", entry))
            return None
        if self.label:
            entry = _entry_label(self.label, value)
        values: dict[str, object] = {}
        where: dict[str, Location] = {}
        for key, (key_at, item) in value.items.items():
            spec = self.fields.get(key)
            if spec is None:
                problems.append(Problem(key_at, _unknown_key(key, self.fields), entry))
                continue
            where[key] = item.at
            if spec.nullable and isinstance(item, Scalar) and item.type == "null":
                values[key] = None
                continue
            checked = spec.type.check(item, problems, entry)
            if checked is not None:
                values[key] = checked
        for key, spec in self.fields.items():
            if spec.required and key not in value.items:
                problems.append(Problem(value.at, f'missing key "{key}"', entry))
        return Checked(value.at, values, where)


def check_file(value: Value, kind: Shape, problems: list[Problem]) -> tuple[Checked, ...]:
    """Check that a file holds a list of `kind` records; return the records that parsed."""
    checked = ListOf(kind).check(value, problems, None)
    if not isinstance(checked, tuple):
        return ()
    return tuple(item for item in checked if isinstance(item, Checked))


def _entry_label(label: str, value: MappingNode) -> str:
    item = value.items.get("id")
    if item and isinstance(item[1], Scalar):
        return f'{label} "{item[1].text}"'
    return label


def _unknown_key(key: str, fields: dict[str, Slot]) -> str:
    close = difflib.get_close_matches(key, list(fields), n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return f'unknown key "{key}"{hint}; allowed: {", ".join(fields)}'


def _describe(value: Value) -> str:
    if isinstance(value, MappingNode):
        return "a mapping"
    if isinstance(value, ListNode):
        return "a list"
    return f"{_TYPE_NAMES.get(value.type, value.type)} ({value.text})"


def _surprise(value: Scalar, expected: str) -> str:
    reading = _TYPE_NAMES.get(value.type, value.type)
    return (
        f'expected {expected}, but YAML reads the unquoted {value.text} as {reading}; put it in quotes: "{value.text}"'
    )
