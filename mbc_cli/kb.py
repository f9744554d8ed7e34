"""Find the knowledge base, load it safely, validate it, and build the model and its indexes."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from mbc_cli import assemble, model
from mbc_cli.errors import KnowledgeBaseError, Location, Problem
from mbc_cli.locate import MAX_FILE_BYTES, bundled_path, regular_file_size
from mbc_cli.provenance import check_quotes
from mbc_cli.records import Entry, check_file
from mbc_cli.schema import FILES
from mbc_cli.yaml_reader import read_yaml

MAX_QUOTE = 250
"""Longest quote accepted, in characters: cite the shortest passage that supports a claim."""
"""Longest quote accepted, in characters: cite the shortest passage that supports a claim."""

Entries = dict[str, tuple[Entry, ...]]


def load(path: Path | None = None, *, sources_dir: Path | None = None) -> model.KnowledgeBase:
    """Load and validate the knowledge base at `path` (default: the bundled one).

    With `sources_dir`, also check every quote against the source snapshots there.
    """
    folder = bundled_path() if path is None else path
    entries, problems = read_folder(folder)
    kb = None
    if not problems:
        kb, problems = build(entries, _shown(folder))
    if kb is not None and sources_dir is not None:
        snapshots = {source.id: source.snapshot for source in kb.sources.values()}
        problems = check_quotes(
            ((c.quote_at, c.source, c.quote) for c in iter_citations(entries)), snapshots, sources_dir
        )
    if kb is None or problems:
        raise KnowledgeBaseError(_shown(folder), problems)
    return kb


def read_folder(folder: Path) -> tuple[Entries, list[Problem]]:
    """Read and shape-check every file of the knowledge base in `folder`."""
    problems: list[Problem] = []
    entries: Entries = {}
    if not folder.is_dir():
        return entries, [
            Problem(None, f"{_shown(folder)} {_why_not_a_folder(folder)}: a knowledge base is a folder of YAML files")
        ]
    present = {p.name for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}
    expected = ", ".join(f"{name}.yaml" for name in FILES)
    problems += [
        Problem(Location(_shown(folder / extra), 1, 1), f"unknown file; a knowledge base has: {expected}")
        for extra in sorted(present - {f"{name}.yaml" for name in FILES})
    ]
    for name, kind in FILES.items():
        file = folder / f"{name}.yaml"
        shown = _shown(file)
        if file.name not in present:
            problems.append(Problem(None, f"missing file {shown}"))
            continue
        text = _read_text(file, shown, problems)
        if text is None:
            continue
        value, found = read_yaml(text, shown)
        problems.extend(found)
        entries[name] = () if value is None else check_file(value, kind, problems)
    return entries, problems


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


@dataclass(frozen=True, slots=True)
class CitationAt:
    """A citation as written: its source id and quote, where each stands, and the entry it is in."""

    source: str
    quote: str
    source_at: Location
    quote_at: Location
    entry: str


def iter_citations(entries: Entries) -> Iterator[CitationAt]:
    """Yield every citation in the knowledge base, with its location and entry."""
    for name, items in entries.items():
        kind = FILES[name].label or name
        for top in items:
            label = _label(kind, top)
            stack: list[object] = [top]
            while stack:
                item = stack.pop()
                if isinstance(item, tuple):
                    stack.extend(reversed(item))
                elif isinstance(item, Entry):
                    source, quote = item.values.get("source"), item.values.get("quote")
                    if isinstance(source, str) and isinstance(quote, str):
                        yield CitationAt(source, quote, item.where["source"], item.where["quote"], label)
                    stack.extend(reversed(list(item.values.values())))


def build(entries: Entries, path: str) -> tuple[model.KnowledgeBase | None, list[Problem]]:
    """Check ids and references across files; return the model, or None and every problem."""
    problems: list[Problem] = []
    ids = {name: _unique_ids(name, entries.get(name, ()), problems) for name in FILES}
    areas = {**ids["sites"], **ids["local_areas"]}
    for clash in ids["sites"].keys() & ids["local_areas"].keys():
        entry = ids["local_areas"][clash]
        problems.append(Problem(entry.where["id"], f'id "{clash}" is also a site id', _label("local area", entry)))
    refs = _References(problems)
    for cited in iter_citations(entries):
        refs.check(cited.source_at, "source", cited.source, ids["sources"], cited.entry)
        if len(cited.quote) > MAX_QUOTE:
            size = len(cited.quote)
            problems.append(
                Problem(
                    cited.quote_at,
                    f"quote of {size} characters: cite at most {MAX_QUOTE} (the shortest passage)",
                    cited.entry,
                )
            )
    problems.extend(
        Problem(
            source.at,
            "a source that names neither publisher nor title needs a label to name it to a reader",
            _label("source", source),
        )
        for source in ids["sources"].values()
        if not any(source.maybe_text(field) for field in ("publisher", "title", "label"))
    )
    for site in ids["sites"].values():
        _check_site(site, ids, refs)
    for test in ids["tests"].values():
        for link in test.entries("sites"):
            refs.check(link.where["site"], "site", link.text("site"), ids["sites"], _label("test", test))
    for treatment in ids["treatments"].values():
        for link in treatment.entries("sites"):
            refs.check(
                link.where["site"], "site or local area", link.text("site"), areas, _label("treatment", treatment)
            )
    for drug in ids["drugs"].values():
        refs.check(
            drug.where["treatment"], "treatment", drug.text("treatment"), ids["treatments"], _label("drug", drug)
        )
    for kind, label in (("statistics", "statistic"), ("notes", "note")):
        for entry in ids[kind].values():
            study = entry.maybe_text("study")
            if study is not None:
                refs.check(entry.where["study"], "study", study, ids["studies"], _label(label, entry))
    if not any(note.text("topic") == "advice" for note in ids["notes"].values()):
        problems.append(
            Problem(None, "no note with topic advice: every answer ends with the sources' advice to see the care team")
        )
    if problems:
        return None, problems
    return assemble.knowledge_base(ids, path), []


def _check_site(site: Entry, ids: dict[str, dict[str, Entry]], refs: _References) -> None:
    label = _label("site", site)
    symptoms = ids["symptoms"]
    frequency = site.entry("frequency")
    if frequency is not None:
        refs.check(frequency.where["study"], "study", frequency.text("study"), ids["studies"], label)
    direct = {link.text("symptom") for link in site.entries("symptoms") if "via" not in link.values}
    seen: set[tuple[str, str | None]] = set()
    for link in site.entries("symptoms"):
        symptom, via = link.text("symptom"), link.maybe_text("via")
        refs.check(link.where["symptom"], "symptom", symptom, symptoms, label)
        if (symptom, via) in seen:
            refs.problems.append(Problem(link.at, f'symptom "{symptom}" is linked twice', label))
        seen.add((symptom, via))
        if via is None or not refs.check(link.where["via"], "symptom", via, symptoms, label):
            continue
        if symptoms[via].text("kind") != "condition":
            refs.problems.append(
                Problem(link.where["via"], f'"{via}" is not a condition, so nothing comes via it', label)
            )
        elif via not in direct:
            refs.problems.append(
                Problem(
                    link.where["via"], f'"{via}" must also be linked to this site directly, with its citations', label
                )
            )


class _References:
    """Checks that ids point at entries, suggesting the closest id when one does not."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def check(self, at: Location, kind: str, value: str, known: Mapping[str, object], entry: str | None = None) -> bool:
        if value in known:
            return True
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        self.problems.append(Problem(at, f'unknown {kind} "{value}"{hint}', entry))
        return False


def _label(kind: str, entry: Entry) -> str:
    return f'{kind} "{entry.values.get("id", "?")}"'


def _unique_ids(name: str, entries: tuple[Entry, ...], problems: list[Problem]) -> dict[str, Entry]:
    kind = FILES[name].label or name
    by_id: dict[str, Entry] = {}
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
