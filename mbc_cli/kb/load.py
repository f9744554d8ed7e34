"""Load a knowledge base: read each file safely, check its shapes and references, build the model.

The steps, each its own module, in order: locate, read (YAML to located values), shapes (each
value against its declared shape), check (ids and references across files), assemble (the frozen
model and its indexes). `cache` keeps what this builds.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mbc_cli import model
from mbc_cli.errors import KnowledgeBaseError, Location, Problem
from mbc_cli.kb import assemble, check
from mbc_cli.kb.check import Entries
from mbc_cli.kb.locate import MAX_FILE_BYTES, bundled_path, regular_file_size
from mbc_cli.kb.provenance import check_quotes
from mbc_cli.kb.read import read_yaml
from mbc_cli.kb.schema import FILES
from mbc_cli.kb.shapes import Checked, check_file
from mbc_cli.kinds import Kind


def load(path: Path | None = None, *, sources_dir: Path | None = None) -> model.KnowledgeBase:
    """Load and validate the knowledge base at `path` (default: the bundled one).

    With `sources_dir`, also check every quote against the source snapshots there. Every check runs in one
    pass: a file that cannot be read stops its own checks only (and the references into it), so the problems
    of every other file are found in the same run.
    """
    folder = bundled_path() if path is None else path
    entries, problems, unread = read_folder(folder)
    ids, found = check.references(entries, unread)
    problems += found
    if sources_dir is not None:
        snapshots = {c.text("id"): c.text("snapshot") for c in entries.get(Kind.SOURCE, ()) if _has_snapshot(c)}
        problems += check_quotes(
            ((c.quote_at, c.source, c.quote, c.entry) for c in check.iter_citations(entries)), snapshots, sources_dir
        )
    if problems or unread:
        raise KnowledgeBaseError(_shown(folder), _once(problems), unread=tuple(sorted(unread_files(unread))))
    return assemble.knowledge_base(ids, _shown(folder))


def _has_snapshot(source: Checked) -> bool:
    return isinstance(source.values.get("id"), str) and isinstance(source.values.get("snapshot"), str)


def _once(problems: list[Problem]) -> list[Problem]:
    """Each problem once, file by file in line order (those of no one place first): a value written once and
    used twice (a YAML anchor) is one mistake, at one place."""
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda p: (p.location is not None, p.location.file if p.location else "", _at(p)))


def _at(problem: Problem) -> tuple[int, int]:
    return (problem.location.line, problem.location.column) if problem.location else (0, 0)


def unread_files(unread: Iterable[Kind]) -> list[str]:
    """The files of these kinds, by name."""
    return [f"{kind.file}.yaml" for kind in unread]


def read_folder(folder: Path) -> tuple[Entries, list[Problem], set[Kind]]:
    """Read and shape-check every file of the knowledge base in `folder`: the entries of each file read, every
    problem, and the kinds whose file could not be read (missing, too large, not UTF-8, not YAML)."""
    problems: list[Problem] = []
    entries: Entries = {}
    if not folder.is_dir():
        return (
            entries,
            [
                Problem(
                    None, f"{_shown(folder)} {_why_not_a_folder(folder)}: a knowledge base is a folder of YAML files"
                )
            ],
            set(),
        )
    present = {p.name for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}
    expected = ", ".join(f"{kind.file}.yaml" for kind in FILES)
    problems += [
        Problem(Location(_shown(folder / extra), 1, 1), f"unknown file; a knowledge base has: {expected}")
        for extra in sorted(present - {f"{kind.file}.yaml" for kind in FILES})
    ]
    unread: set[Kind] = set()
    for kind, shape in FILES.items():
        file = folder / f"{kind.file}.yaml"
        shown = _shown(file)
        if file.name not in present:
            problems.append(Problem(None, f"missing file {shown}"))
            unread.add(kind)
            continue
        text = _read_text(file, shown, problems)
        if text is None:
            unread.add(kind)
            continue
        value, found = read_yaml(text, shown)
        problems.extend(found)
        if value is None:
            unread.add(kind)
        entries[kind] = () if value is None else check_file(value, shape, problems)
    return entries, problems, unread


def _read_text(file: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        size = regular_file_size(file)
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 2**20
            message = f"the file is {size / 2**20:,.1f} MB; a knowledge-base file may be at most {limit} MB"
            problems.append(Problem(Location(shown, 1, 1), message))
            return None
        data = file.read_bytes()
    except OSError as error:
        problems.append(Problem(Location(shown, 1, 1), f"cannot read the file: {error.strerror or error}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", errors="replace")) + 1
        problems.append(Problem(Location(shown, line, column), "not UTF-8 text: save the file as UTF-8"))
        return None


def _why_not_a_folder(folder: Path) -> str:
    """Why `folder` cannot be read as a folder: missing, something else, or a path the system refuses."""
    try:
        folder.stat()
    except FileNotFoundError:
        return "does not exist"
    except OSError as error:  # a symlink loop, a path too long, no permission
        return f"cannot be opened ({error.strerror or error})"
    except ValueError:  # a NUL or an unpaired surrogate: no such file can exist
        return "does not exist"
    return "is not a folder"


def _shown(path: Path) -> str:
    """The path as the user wrote it, relative to the working folder when inside it.

    Links are not followed: a linked file keeps its own name, and a symlink loop is only a name.
    """
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except (ValueError, OSError):  # another folder; a NUL; a working folder that was removed
        return str(path)


def build(entries: Entries, path: str) -> tuple[model.KnowledgeBase | None, list[Problem]]:
    """Check ids and references across files; return the model, or None and every problem."""
    ids, problems = check.references(entries)
    if problems:
        return None, problems
    return assemble.knowledge_base(ids, path), []
