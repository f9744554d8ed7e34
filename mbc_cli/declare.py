"""Frozen records declared once: a class's annotations are its fields, and `key` says how YAML writes each.

`Record` is what `@dataclass(frozen=True, slots=True)` gives (slots, keyword or positional
construction, equality, hashing, a repr, no assignment), at a cost of about 20 microseconds a class
instead of about 600: mbc defines some 40 of them at every start, and a short question is over in
a few tens of milliseconds. Type checkers read it as a dataclass (`dataclass_transform`).

A knowledge-base entry class also says, through `key()`, how its YAML file writes each field: the
key's name where it differs, whether it may be left out, its choices, the entries it names. The
schema that checks the YAML, the assembly of the model and the compiled cache are derived from
these declarations (see mbc_cli.kb).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

if TYPE_CHECKING:  # typing has them from Python 3.11; mbc runs on 3.10 too
    from typing_extensions import Self, dataclass_transform
else:

    def dataclass_transform(**_: object) -> Any:
        """Only for type checkers, which read `Record` as a dataclass."""
        return lambda cls: cls


class Key(NamedTuple):
    """How a YAML file writes one field of an entry (see `key`); a field with none is required, under its name."""

    name: str | None = None
    optional: bool = False
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    non_empty: bool = False
    refers: tuple[str, ...] = ()


def key(
    *,
    name: str | None = None,
    optional: bool = False,
    choices: tuple[str, ...] = (),
    pattern: str | None = None,
    non_empty: bool = False,
    refers: tuple[str, ...] = (),
) -> Any:
    """Declare how YAML writes a field.

    name: the YAML key, where it is not the field's name. optional: the key may be left out (the
    field is then empty, or None). choices: the words it may hold. pattern: "id" or "date".
    non_empty: a list that needs at least one item. refers: the files whose ids it names.
    """
    return Key(name, optional, choices, pattern, non_empty, refers)


class FrozenError(AttributeError):
    """A record's fields cannot be changed."""


class _Declared(type):
    """Makes each field of a record class a slot, and keeps its YAML keys and defaults aside."""

    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **options: Any) -> _Declared:
        annotations: dict[str, Any] = namespace.get("__annotations__", {})
        fields = tuple(field for field, kind in annotations.items() if not str(kind).startswith("ClassVar"))
        keys = {field: namespace.pop(field) for field in fields if isinstance(namespace.get(field), Key)}
        defaults = {field: namespace.pop(field) for field in fields if field in namespace}
        namespace["__slots__"] = fields
        namespace["__match_args__"] = fields
        namespace["FIELDS"] = fields
        namespace["KEYS"] = keys
        namespace["YAML_KEYS"] = tuple((keys[field].name if field in keys else None) or field for field in fields)
        namespace["DEFAULTS"] = defaults
        cls = super().__new__(mcls, name, bases, namespace, **options)
        # Each slot's own setter, called directly: a third of the time of object.__setattr__ by name.
        cls._SETTERS = tuple(cls.__dict__[field].__set__ for field in fields)  # type: ignore[attr-defined]
        cls._POST = getattr(cls, "__post_init__", None)  # type: ignore[attr-defined]
        return cls


@dataclass_transform(frozen_default=True, field_specifiers=(key,))
class Record(metaclass=_Declared):
    """A frozen record: its fields are its annotations, in order."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    KEYS: ClassVar[dict[str, Key]] = {}
    YAML_KEYS: ClassVar[tuple[str, ...]] = ()
    """The key each field has in YAML (and JSON), in FIELDS order."""
    DEFAULTS: ClassVar[dict[str, Any]] = {}

    _SETTERS: ClassVar[tuple[Any, ...]] = ()
    _POST: ClassVar[Any] = None

    def __init_subclass__(cls, kind: Any = None, **options: Any) -> None:
        """`class Site(Record, kind=Kind.SITE)`: the class of a kind's entries, named where it is declared."""
        super().__init_subclass__(**options)
        if kind is not None:
            kind.entry = cls

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs or len(args) != len(self.FIELDS):  # every field, in order, is the usual way
            args = self._in_order(args, kwargs)
        for setter, value in zip(self._SETTERS, args, strict=True):
            setter(self, value)
        if self._POST is not None:
            self._POST()

    @classmethod
    def _in_order(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """Every field's value, in order, from positional and keyword arguments and the defaults."""
        fields = cls.FIELDS
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__} takes {len(fields)} fields, not {len(args)}")
        rest = dict(kwargs)
        values = list(args)
        for field in fields[len(args) :]:
            if field in rest:
                values.append(rest.pop(field))
            elif field in cls.DEFAULTS:
                values.append(cls.DEFAULTS[field])
            else:
                raise TypeError(f"{cls.__name__} needs its field {field}")
        if rest:
            raise TypeError(f"{cls.__name__} has no field {', '.join(rest)}")
        return tuple(values)

    def field_values(self) -> tuple[Any, ...]:
        """The record's field values, in order."""
        return tuple(getattr(self, field) for field in self.FIELDS)

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        return type(self)(**{field: changes.get(field, getattr(self, field)) for field in self.FIELDS})

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.field_values() == other.field_values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.field_values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{field}={getattr(self, field)!r}" for field in self.FIELDS)
        return f"{type(self).__name__}({shown})"
