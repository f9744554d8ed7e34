"""The indexes by what people type (a name key, a stem): one interface, however they are stored."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")

ANY = "*"
"""The key, in an index by site or subtype, of the entries that apply to every one (no id is written so)."""


class Index(Mapping[str, T], Generic[T]):
    """A read-only index keyed by what people type (a name key, a stem), however it is stored."""

    def starting_with(self, start: str) -> Iterator[str]:
        """The keys that start with `start`."""
        return (key for key in self if key.startswith(start))

    def items_starting_with(self, start: str) -> Iterator[tuple[str, T]]:
        """The keys that start with `start`, each with its value."""
        return ((key, self[key]) for key in self.starting_with(start))


class FrozenIndex(Index[T]):
    """An index held in memory, as assembly builds it."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, T]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> T:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items
