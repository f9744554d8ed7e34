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

    `snapshots` maps each source id to its snapshot's file name inside `sources_dir`.
    """
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
    except (OSError, UnicodeDecodeError):
        return None
