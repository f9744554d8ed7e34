"""Check that every quote in the knowledge base stands in its source snapshot, and show what the source says
where a quote is not found: the closest passage, with the words that differ marked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mbc_cli.declare import Record
from mbc_cli.errors import Location, Problem

if TYPE_CHECKING:
    from difflib import SequenceMatcher

_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_SPACE = re.compile(r"\s+")
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_EDGES = ".,;:!?\"'()[]«»"

MARK = ("«", "»")
"""How the closest passage marks the snapshot's words that differ from the quote."""
CLOSE_ENOUGH = 0.6
"""The least share of the quote's words the closest passage must hold in order (difflib's ratio) to be shown."""


def normalise(text: str) -> str:
    """Reduce markdown links to their text, drop * and ** emphasis, straighten quotes, fold spaces."""
    previous = None
    while previous != text:  # links can nest: an image inside a link
        previous = text
        text = _LINK.sub(r"\1", text)
    text = text.replace("*", "").translate(_STRAIGHT)
    return _SPACE.sub(" ", text).strip()


class Closest(Record):
    """The passage of a snapshot closest to a quote that is not in it."""

    text: str
    """The passage, as the snapshot has it."""
    marked: str
    """The same, with the words that differ from the quote between « and »."""
    missing: tuple[str, ...]
    """The quote's words that the passage does not have where the quote has them."""


def check_quotes(
    citations: Iterable[tuple[Location, str, str, str | None]],
    snapshots: dict[str, str],
    sources_dir: Path,
) -> list[Problem]:
    """Return a problem for each (location, source id, quote, entry) whose quote is not in its snapshot, with the
    snapshot's closest passage; one problem for a quote found wanting at one place (an anchor used twice).

    `snapshots` maps each source id to its snapshot's file name inside `sources_dir`. A folder that
    does not exist, or holds none of the snapshots, is one problem, not one for every quote.
    """
    if not sources_dir.is_dir():
        return [Problem(None, f"the source snapshots folder {sources_dir} does not exist")]
    if snapshots and not any((sources_dir / name).is_file() for name in snapshots.values()):
        expected = ", ".join(sorted(snapshots.values()))
        return [Problem(None, f"no source snapshot in {sources_dir}: expected {expected}")]
    texts: dict[str, str | None] = {}
    finders: dict[str, _Finder] = {}
    problems: list[Problem] = []
    reported: set[tuple[Location, str, str]] = set()
    for location, source, quote, entry in citations:
        if (location, source, quote) in reported:
            continue
        if source not in texts:
            texts[source] = _read(sources_dir, snapshots.get(source))
        text = texts[source]
        if text is None:
            problems.append(Problem(location, f'no snapshot of source "{source}" in {sources_dir}', entry))
        elif normalise(quote) not in text:
            finder = finders.setdefault(source, _Finder(text))
            found = finder.closest(normalise(quote))
            message = f'quote not found in source "{source}": "{quote}"'
            if found is None:
                message += "; no passage of the source is close to it"
            else:
                message += f'; the closest passage of the source: "{found.marked}" (« » mark the words that differ'
                message += f"; the quote's own words: {', '.join(found.missing)})" if found.missing else ")"
            problems.append(Problem(location, message, entry, closest=found.text if found else None))
        else:
            continue
        reported.add((location, source, quote))
    return problems


class _Finder:
    """Finds the passage of one snapshot closest to a quote: difflib aligns the quote's words with the snapshot's
    (the snapshot's word list is indexed once, for every quote of that source)."""

    def __init__(self, text: str) -> None:
        from difflib import SequenceMatcher  # only when a quote is not found

        self.words = text.split(" ")
        self.keys = [_key(word) for word in self.words]
        self.matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2(self.keys)

    def closest(self, quote: str) -> Closest | None:
        wanted = [_key(word) for word in quote.split(" ")]
        self.matcher.set_seq1(wanted)
        anchor = self.matcher.find_longest_match(0, len(wanted), 0, len(self.keys))
        if anchor.size == 0:
            return None
        start = max(0, anchor.b - anchor.a)
        end = min(len(self.keys), anchor.b + (len(wanted) - anchor.a))
        window = slice(max(0, start - 3), min(len(self.keys), end + 3))  # room for words added or dropped
        return _aligned(wanted, self.words[window], self.keys[window])


def _aligned(wanted: list[str], words: list[str], keys: list[str]) -> Closest | None:
    """The stretch of `words` that stands where the quote's words would: from the word aligned with the quote's
    first to the one aligned with its last, each that differs marked; None when too few words agree."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, wanted, keys, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or sum(block.size for block in blocks) < CLOSE_ENOUGH * len(wanted):
        return None
    start = max(0, blocks[0].b - blocks[0].a)
    end = min(len(words), blocks[-1].b + blocks[-1].size + len(wanted) - (blocks[-1].a + blocks[-1].size))
    same = {block.b + i for block in blocks for i in range(block.size)}
    held = {block.a + i for block in blocks for i in range(block.size)}
    marked = " ".join(words[i] if i in same else f"{MARK[0]}{words[i]}{MARK[1]}" for i in range(start, end))
    missing = tuple(dict.fromkeys(wanted[i] for i in range(len(wanted)) if i not in held))
    return Closest(" ".join(words[start:end]), marked, missing)


def _key(word: str) -> str:
    """A word as the alignment compares it: its case and the punctuation at its edges aside."""
    return word.strip(_EDGES).casefold()


def _read(sources_dir: Path, name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return normalise((sources_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # ValueError: not UTF-8, or a name the system cannot take
        return None
