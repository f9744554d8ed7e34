"""The compiled model as it is read: mappings whose values are read from the file's blobs when first used.

A compiled file is a header (where each blob is) and blobs: each entry, each shard of an index
by name, and each index of ids is a blob of its own (see cache.pack). These mappings read a blob
with one pread when a query first needs it, and decode it into the model's objects.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from mbc_cli import index
from mbc_cli.errors import EXIT_BAD_DATA, MbcError

T = TypeVar("T")
PREFIX = 2
"""Characters of a key that choose its shard."""


class Blobs:
    """The compiled file's blob region, open for the whole run: each blob is read when first needed.

    Only the header is read to open a compiled model; an entry or a shard is read with one pread.
    The file's size was checked against its header when it was opened, and mbc only ever replaces
    a compiled file whole (a new inode), so a short read means another program cut it meanwhile.
    """

    __slots__ = ("_base", "_fd", "_path")

    def __init__(self, fd: int, base: int, path: Path) -> None:
        self._fd = fd
        self._base = base
        self._path = path

    def __del__(self) -> None:
        os.close(self._fd)

    def load(self, ref: tuple[int, int]) -> Any:
        """The value stored at `ref`: (offset, length) in the blob region."""
        offset, length = ref
        data = os.pread(self._fd, length, self._base + offset)
        if len(data) != length:
            raise CacheChanged(self._path)
        return marshal.loads(data)


class CacheChanged(MbcError):
    """A compiled model was cut short by another program while mbc was reading it."""

    exit_code = EXIT_BAD_DATA
    reason = "cache_changed"

    def __init__(self, path: Path) -> None:
        super().__init__(f"The compiled knowledge base {path} changed while mbc read it: run the command again.")


class Lazy(Mapping[str, T], Generic[T]):
    """A read-only mapping whose values are decoded from their stored blobs when first read.

    The directory of its keys is itself a blob, read when the mapping is first used.
    """

    __slots__ = ("_blobs", "_decode", "_directory", "_raw", "_ready")

    def __init__(self, blobs: Blobs, directory: tuple[int, int], decode: Callable[[Any], T]) -> None:
        self._blobs = blobs
        self._directory = directory
        self._raw: dict[str, tuple[int, int]] | None = None
        self._decode = decode
        self._ready: dict[str, T] = {}

    def _keys(self) -> dict[str, tuple[int, int]]:
        if self._raw is None:
            self._raw = self._blobs.load(self._directory)
        return self._raw

    def __getitem__(self, key: str) -> T:
        try:
            return self._ready[key]
        except KeyError:
            value = self._ready[key] = self._decode(self._blobs.load(self._keys()[key]))
            return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __contains__(self, key: object) -> bool:
        return key in self._keys()

    def __repr__(self) -> str:
        return f"Lazy({len(self)} entries)"


class Whole(Mapping[str, Any]):
    """A read-only mapping stored as one blob, read when first used (an index of ids)."""

    __slots__ = ("_blobs", "_items", "_ref")

    def __init__(self, blobs: Blobs, ref: tuple[int, int]) -> None:
        self._blobs = blobs
        self._ref = ref
        self._items: dict[str, Any] | None = None

    def _all(self) -> dict[str, Any]:
        if self._items is None:
            self._items = self._blobs.load(self._ref)
        return self._items

    def __getitem__(self, key: str) -> Any:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, key: object) -> bool:
        return key in self._all()


class Sharded(index.Index[T]):
    """A read-only index split by the first two characters of its keys; a shard is read when first needed.

    A lookup reads one shard, and so does completing a prefix of two or more characters.
    """

    __slots__ = ("_blobs", "_count", "_decode", "_decoded", "_raw", "_ready")

    def __init__(
        self, blobs: Blobs, raw: Mapping[str, tuple[int, int]], count: int, decode: Callable[[Any], T]
    ) -> None:
        self._blobs = blobs
        self._raw = raw
        self._count = count
        self._decode = decode
        self._ready: dict[str, dict[str, Any]] = {}
        self._decoded: dict[str, T] = {}
        """Values already decoded: a question looks the same name up many times (each word, each step)."""

    def shard(self, prefix: str) -> Mapping[str, Any]:
        """The stored values of the keys that start with `prefix` (its first two characters)."""
        prefix = prefix[:PREFIX]
        try:
            return self._ready[prefix]
        except KeyError:
            stored = self._raw.get(prefix)
            found = self._ready[prefix] = self._blobs.load(stored) if stored is not None else {}
            return found

    def starting_with(self, start: str) -> Iterator[str]:
        """The keys that start with `start`, reading only the shards they can be in."""
        for prefix in self._raw:
            if prefix.startswith(start[:PREFIX]) or start.startswith(prefix):
                yield from (key for key in self.shard(prefix) if key.startswith(start))

    def __getitem__(self, key: str) -> T:
        try:
            return self._decoded[key]
        except KeyError:
            value = self._decoded[key] = self._decode(self.shard(key)[key])
            return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.shard(key)

    def __iter__(self) -> Iterator[str]:
        for prefix in self._raw:
            yield from self.shard(prefix)

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"Sharded({self._count} keys in {len(self._raw)} shards)"
