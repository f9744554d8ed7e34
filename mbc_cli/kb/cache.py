"""The compiled knowledge base: the validated model saved so that later runs need not parse YAML.

`open_kb` is how every question loads its knowledge base. It hashes the folder's YAML files and
looks for a compiled model under that hash: first the one shipped in the wheel (bundled knowledge
base only), then the user's cache folder. Only when neither matches does it parse and validate the
YAML (`load.load`), and then it saves the result to the cache for the next run.

The compiled form holds only `marshal` values (no pickle: reading it can construct nothing but
the model's own classes): a small header, then blobs. Each entry, each shard of an index and each
index of ids is a blob of its own, read (one pread) and turned back into model objects only when
a query reads it: a lookup in a knowledge base 100 times larger reads about as much as in the
bundled one. The hash covers the YAML, mbc's version, the Python version and the modules that
shape the model, so a changed source or a new mbc is never served a stale model; a folder whose
files have not changed since the last run is known by its stamp (sizes, inodes and times) without
hashing. A cache that cannot be read or written is skipped: mbc then works, only slower.
"""

from __future__ import annotations

import marshal
import os
import struct
import sys
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from mbc_cli import __version__, kinds, model
from mbc_cli.declare import Record
from mbc_cli.kb.locate import MAX_FILE_BYTES, bundled_path, folder, regular_file_size
from mbc_cli.kb.stored import PREFIX, Blobs, Lazy, Sharded, Whole

_sha256: Callable[[bytes], Any]
try:  # the one hash mbc needs, without importing OpenSSL (hashlib: 2-7 ms) on every question
    _sha256 = __import__("_sha256").sha256  # Python 3.10 and 3.11 (no type stubs)
except ImportError:  # Python 3.12 and later name it _sha2; hashlib has it everywhere
    from hashlib import sha256 as _sha256

FORMAT = 2
"""Bumped when the layout of the compiled file changes."""
MAGIC = b"mbc-kb2\n"
"""The first bytes of a compiled file."""
_START = struct.Struct("<8sQQ")
"""A compiled file starts with MAGIC, then the sizes of its header and of its blob region."""
SHIPPED = "compiled.marshal"
"""The compiled bundled knowledge base, beside its data/ folder in the wheel."""
_ENTRIES = (*(str(kind.file) for kind in kinds.FILES), "sites_by_symptom")
"""Fields whose values are model objects: each encoded on its own, decoded on first use."""
_INDEXES = ("names", "stems", "phrases", "words", "text_words", "text_weights", "spellings")
"""Fields keyed by what the user types: stored in shards by the keys' first characters."""
_KEYS = ("tests_by_site", "treatments_by_site", "treatments_by_subtype", "drugs_by_treatment")
"""Fields whose values are tuples of ids: stored as they are."""
_SHAPERS: tuple[str, ...] = ("declare.py", "kinds.py", "model.py", "kb/assemble.py")
_SHAPERS += ("understand/normalise.py", "understand/words.py")
_SHAPERS += ("searchable.py", "kb/cache.py")
"""mbc's modules whose code decides what the compiled model holds: part of the hash."""
_CLASSES: tuple[type[Record], ...] = tuple(
    cls
    for _, cls in sorted(vars(model).items())
    if isinstance(cls, type) and issubclass(cls, Record) and cls not in (Record, model.KnowledgeBase)
)
"""The model's classes; an encoded object is a list: [index in _CLASSES, *field values]."""
_INDEX = {cls: number for number, cls in enumerate(_CLASSES)}
_KIND = len(_CLASSES)
"""An encoded Kind is the list [_KIND, its value]."""


def open_kb(path: Path | None = None) -> model.KnowledgeBase:
    """Load the knowledge base for a question: compiled if its YAML is unchanged, else validated and cached.

    An installed mbc's own knowledge base is read from the model its wheel ships. Another folder whose
    files have not changed since mbc last read it (the same size, times and inode: its `stamp`) is not
    even hashed: its stamp file names the compiled model to read.
    """
    where = folder(path)
    shipped = Path(__file__).parent.parent / SHIPPED
    if where == bundled_path() and shipped.is_file():  # the wheel's own: nothing is written to the user's cache
        digest = fingerprint(where)
        if digest is not None and (digest, _file_key(shipped)) in _OPENED:
            return _OPENED[digest, _file_key(shipped)]
        knowledge = read(shipped, digest, where) if digest is not None else None
        if knowledge is not None and digest is not None:
            return _opened((digest, _file_key(shipped)), knowledge)
    stamp = stamp_of(where)
    if stamp is not None:
        known = _remembered(stamp)
        if known is not None:
            compiled = cache_file(known)
            if (stamp, _file_key(compiled)) in _OPENED:  # a second question in one run (mbc's prompt)
                return _OPENED[stamp, _file_key(compiled)]
            knowledge = read(compiled, known, where)
            if knowledge is not None:
                _used(compiled, _stamp_file(stamp))
                return _opened((stamp, _file_key(compiled)), knowledge)
    digest = fingerprint(where)
    if digest is not None:
        knowledge = read(cache_file(digest), digest, where)
        if knowledge is not None:
            _used(cache_file(digest))
            _remember(stamp, digest)
            return knowledge
    from mbc_cli.kb import load

    knowledge = load.load(where)
    if digest is not None:
        write(cache_file(digest), pack(digest, knowledge))
        _remember(stamp, digest)
        prune(cache_folder())
    return knowledge


_OPENED: dict[tuple[str, tuple[int, int, int]], model.KnowledgeBase] = {}
"""The knowledge bases this process has read, by folder stamp (or digest) and the compiled file's identity: the
prompt answers question after question, and each reads the model once, its decoded entries kept. A changed
folder or compiled file is another key."""
_KEEP = 4


def _opened(key: tuple[str, tuple[int, int, int]], knowledge: model.KnowledgeBase) -> model.KnowledgeBase:
    while len(_OPENED) >= _KEEP:
        del _OPENED[next(iter(_OPENED))]
    _OPENED[key] = knowledge
    return knowledge


def _file_key(file: Path) -> tuple[int, int, int]:
    """A file's identity: inode, size and modification time (none when it cannot be read)."""
    try:
        info = file.stat()
    except OSError:
        return (0, 0, 0)
    return (info.st_ino, info.st_size, info.st_mtime_ns)


UNUSED_FOR = 30 * 24 * 3600
"""Seconds a cache file may go unused before the next compile removes it: each edit of a knowledge base
leaves the compiled model of the one before, which no question will read again."""


def _used(*files: Path) -> None:
    """Mark cache files as just used (their mtime), so that pruning keeps them."""
    with suppress(OSError):  # a read-only cache: it is only never pruned
        for file in files:
            os.utime(file)


def prune(cache: Path, now: float | None = None) -> None:
    """Remove the cache files (compiled models and stamps) unused for UNUSED_FOR seconds: only mbc's own."""
    limit = (time.time() if now is None else now) - UNUSED_FOR
    try:
        for file in cache.glob("kb-*"):
            if file.suffix in (".marshal", ".stamp", ".checked") and file.stat().st_mtime < limit:
                file.unlink(missing_ok=True)
    except OSError:  # another process pruned it first, or the folder cannot be read: a later compile will
        return


def record_checked(where: Path, sources: Path) -> None:
    """Remember that the knowledge base in `where`, as it is now, passed `mbc validate --sources`: keyed like its
    compiled model, so that any change to its files (or to mbc) forgets it. A cache that cannot be written
    remembers nothing, and its quotes are then said to be unchecked."""
    digest = fingerprint(where)
    if digest is None:
        return
    with suppress(OSError):
        cache_folder().mkdir(parents=True, exist_ok=True)
        _checked_file(digest).write_text(f"{os.path.abspath(sources)}\n", encoding="utf-8")


def checked(where: Path) -> bool:
    """Whether the knowledge base in `where`, as it is now, passed `mbc validate --sources` (mbc's own always
    has: its quotes are checked before it ships)."""
    if where == bundled_path():
        return True
    stamp = stamp_of(where)
    digest = (_remembered(stamp) if stamp is not None else None) or fingerprint(where)
    return digest is not None and _checked_file(digest).is_file()


def _checked_file(digest: str) -> Path:
    return cache_folder() / f"kb-{digest[:32]}.checked"


def compile_to(where: Path, compiled: Path) -> None:
    """Validate the knowledge base in `where` and write its compiled model to `compiled` (for the wheel).

    Raises KnowledgeBaseError if it is broken, and OSError if the file cannot be written.
    """
    from mbc_cli.kb import load

    digest = fingerprint(where)
    if digest is None:
        raise OSError(f"cannot read the knowledge base in {where}")
    compiled.write_bytes(pack(digest, load.load(where)))


def fingerprint(where: Path) -> str | None:
    """Hash the knowledge base's YAML files with what shapes the model; None if they cannot be read."""
    digest = _sha256(_VERSIONS.encode())
    try:
        code, files = _inputs(where)
        for file in code:
            digest.update(file.read_bytes())
        for file in files:
            if regular_file_size(file) > MAX_FILE_BYTES:
                return None  # never cached: validating reports it without reading it
            content = file.read_bytes()
            digest.update(f"\0{file.name}\0{len(content)}\0".encode())
            digest.update(content)
    except (OSError, ValueError):  # ValueError: a path the system cannot take (a NUL, an unpaired surrogate)
        return None
    hexdigest: str = digest.hexdigest()
    return hexdigest


def stamp_of(where: Path) -> str | None:
    """What the folder's files look like from outside: each one's name, size, inode and times, with
    mbc's code. None if they cannot be read, or if one changed in the last seconds: a file written
    twice within the clock's granularity can keep its times, so only its contents can tell."""
    recent = time.time_ns() - _SETTLED_NS
    seen = [f"{_VERSIONS} {os.path.abspath(where)}"]
    try:
        code, files = _inputs(where)
        for file in (*code, *files):
            info = file.stat()
            if max(info.st_mtime_ns, info.st_ctime_ns) > recent:
                return None
            seen.append(f"{file.name}\0{info.st_size}\0{info.st_ino}\0{info.st_mtime_ns}\0{info.st_ctime_ns}")
    except (OSError, ValueError):
        return None
    stamp: str = _sha256("\n".join(seen).encode()).hexdigest()
    return stamp


def _inputs(where: Path) -> tuple[list[Path], list[Path]]:
    """What a compiled model is made from: mbc's modules that shape it, and the folder's YAML files."""
    code = Path(__file__).parent.parent
    return [code / name for name in _SHAPERS], sorted(p for p in where.iterdir() if p.suffix in (".yaml", ".yml"))


_VERSIONS = f"mbc {__version__} format {FORMAT} python {sys.version_info[:2]}"
"""What else a compiled model depends on: a new mbc, layout or Python compiles anew."""
_SETTLED_NS = 2 * 10**9
"""How long ago a file must have last changed for its size and times to vouch for its contents."""


def _remembered(stamp: str) -> str | None:
    """The fingerprint mbc found for the folder when it last had this stamp, if it wrote it down."""
    try:
        stored = marshal.loads(_stamp_file(stamp).read_bytes())
    except Exception:  # missing, truncated or foreign: only a miss
        return None
    if isinstance(stored, dict) and stored.get("stamp") == stamp and isinstance(stored.get("digest"), str):
        return str(stored["digest"])
    return None


def _remember(stamp: str | None, digest: str) -> None:
    """Write down that the folder with this stamp has this fingerprint, for the next run."""
    if stamp is not None:
        write(_stamp_file(stamp), marshal.dumps({"stamp": stamp, "digest": digest}))


def _stamp_file(stamp: str) -> Path:
    return cache_folder() / f"kb-{stamp[:32]}.stamp"


def cache_folder() -> Path:
    """Where compiled knowledge bases are cached: the user's cache folder, as the system names it.

    macOS and Windows ask platformdirs (~/Library/Caches/mbc, %LOCALAPPDATA%\\mbc\\Cache). On Linux and
    other Unix systems it is $XDG_CACHE_HOME/mbc, else ~/.cache/mbc, as platformdirs says there too:
    written out, so that a question does not pay platformdirs' import.
    """
    if sys.platform in ("darwin", "win32"):
        import platformdirs

        return platformdirs.user_cache_path("mbc", appauthor=False)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mbc"


def cache_file(digest: str) -> Path:
    """The cache file for the knowledge base with this fingerprint."""
    return cache_folder() / f"kb-{digest[:32]}.marshal"


def read(compiled: Path, digest: str, where: Path) -> model.KnowledgeBase | None:
    """The model in `compiled` if it exists, is whole, and was compiled from exactly this fingerprint; else None.

    Only its header is read here; the file stays open for the blobs that queries read.
    """
    try:
        fd = os.open(compiled, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    blobs = None  # once made, it owns the file: it closes it when the model is gone
    try:
        start = os.pread(fd, _START.size, 0)
        magic, header_size, blob_size = _START.unpack(start)
        if magic != MAGIC or os.fstat(fd).st_size != _START.size + header_size + blob_size:
            raise ValueError("not a whole compiled model")  # truncated, grown, or another format
        header = marshal.loads(os.pread(fd, header_size, _START.size))
        if not isinstance(header, dict) or header.get("digest") != digest:
            raise ValueError("compiled from another knowledge base")
        blobs = Blobs(fd, _START.size + header_size, compiled)
        return thaw(header["fields"], blobs, str(where))
    except Exception:  # a truncated, corrupt or foreign file is only a cache miss
        if blobs is None:
            os.close(fd)
        return None


def write(compiled: Path, data: bytes) -> None:
    """Save `data` to `compiled` atomically (a whole file or none); skip quietly if that fails."""
    import tempfile  # only when a cache is written

    try:
        compiled.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=compiled.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, compiled)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return


def pack(digest: str, knowledge: model.KnowledgeBase) -> bytes:
    """The compiled file: its start (magic and sizes), a header naming where each blob is, the blobs."""
    blobs = bytearray()

    def put(value: Any) -> tuple[int, int]:
        data = marshal.dumps(value)
        blobs.extend(data)
        return len(blobs) - len(data), len(data)

    fields: dict[str, Any] = {
        name: put({key: put(encode(value)) for key, value in getattr(knowledge, name).items()}) for name in _ENTRIES
    }
    for name in _INDEXES:
        index: Mapping[str, Any] = getattr(knowledge, name)
        shards: dict[str, dict[str, Any]] = {}
        for key, value in index.items():
            shards.setdefault(key[:PREFIX], {})[key] = encode(value)
        fields[name] = {"count": len(index), "shards": {p: put(shard) for p, shard in shards.items()}}
    fields.update({name: put(dict(getattr(knowledge, name))) for name in _KEYS})
    header = marshal.dumps({"digest": digest, "fields": fields})
    return _START.pack(MAGIC, len(header), len(blobs)) + header + bytes(blobs)


def thaw(fields: dict[str, Any], blobs: Blobs, where: str) -> model.KnowledgeBase:
    """The model from its header's fields; entries, index shards and id indexes are read when first used."""
    values: dict[str, Any] = {name: Lazy(blobs, fields[name], decode) for name in _ENTRIES}
    for name in _INDEXES:
        values[name] = Sharded(blobs, fields[name]["shards"], fields[name]["count"], decode)
    values.update({name: Whole(blobs, fields[name]) for name in _KEYS})
    return model.KnowledgeBase(path=where, **values)


def encode(value: object) -> Any:
    """A model value as plain values: an object as [class number, *fields], a tuple as a tuple."""
    if type(value) in _INDEX:
        assert isinstance(value, Record)
        return [_INDEX[type(value)], *(encode(item) for item in value.field_values())]
    if type(value) is kinds.Kind:
        return [_KIND, str(value)]
    if type(value) is tuple:
        return tuple(encode(item) for item in value)
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"cannot compile a {type(value).__name__}")


def decode(value: Any) -> Any:
    """The model value that `encode` stored."""
    kind = type(value)
    if kind is list:
        if value[0] == _KIND:
            return kinds.Kind.of(value[1])
        return _CLASSES[value[0]](*(decode(item) for item in value[1:]))
    if kind is tuple:
        return tuple(decode(item) for item in value)
    return value
