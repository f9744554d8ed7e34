"""Check that every quote in the knowledge base stands in its source snapshot."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mbc_cli.errors import Location, Problem

_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_SPACE = re.compile(r"\s+")
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Reduce markdown links to their text, drop * and ** emphasis, straighten quotes, fold spaces."""
    previous = None
    while previous != text:  # links can nest: an image inside a link
        previous = text
        text = _LINK.sub(r"\1", text)
    text = text.replace("*", "").translate(_STRAIGHT)
    return _SPACE.sub(" ", text).strip()


def check_quotes(
    citations: Iterable[tuple[Location, str, str]],
    snapshots: dict[str, str],
    sources_dir: Path,
) -> list[Problem]:
    """Return a problem for each (location, source id, quote) whose quote is not in its snapshot.

    `snapshots` maps each source id to its snapshot's file name inside `sources_dir`. A folder that
    does not exist, or holds none of the snapshots, is one problem, not one for every quote.
    """
    if not sources_dir.is_dir():
        return [Problem(None, f"the source snapshots folder {sources_dir} does not exist")]
    if snapshots and not any((sources_dir / name).is_file() for name in snapshots.values()):
        expected = ", ".join(sorted(snapshots.values()))
        return [Problem(None, f"no source snapshot in {sources_dir}: expected {expected}")]
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    for location, source, quote in citations:
        if source not in texts:
            texts[source] = _read(sources_dir, snapshots.get(source))
        text = texts[source]
        if text is None:
            problems.append(Problem(location, f'no snapshot of source "{source}" in {sources_dir}'))
        elif normalise(quote) not in text:
            problems.append(Problem(location, f'quote not found in source "{source}": "{quote}"'))
    return problems


def _read(sources_dir: Path, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return normalise((sources_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # ValueError: not UTF-8, or a name the system cannot take
        return None
