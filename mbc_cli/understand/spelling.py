"""Names close to what the user typed: suggestions for a name mbc does not know, and misspellings said aloud.

Typos are never matched (see `recognise`): these only offer "Did you mean".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import content, family, name_key, normal
from mbc_cli.understand.sentences import harmless

CUTOFF = 0.6
"""How alike (difflib's ratio) a name must be to what was typed to be suggested."""


def suggest(kb: KnowledgeBase, text: str, kinds: frozenset[str], limit: int = 3) -> tuple[str, ...]:
    """Return up to `limit` known names of the given kinds closest to `text`, best first, one per entry.

    Close spellings first (difflib's ratio, at least CUTOFF), then names that share a word with `text`.
    Spellings are compared first with the names that begin with the same letter (a typo rarely
    changes the first one, and a large knowledge base need not be read whole), then with all.
    """
    key = name_key(text)
    if not content(key):  # only small words ("the of and"): any name would be a random guess
        return ()

    def close(keys: Iterable[str]) -> list[str]:
        # difflib's ratio is at most 2 * shorter / (both lengths): names too short or too long to
        # reach the cutoff are left out first, so a 10,000-character term costs nothing here.
        candidates = [
            known
            for known in keys
            if 2 * min(len(key), len(known)) >= CUTOFF * (len(key) + len(known))
            and any(ref.kind in kinds for ref in kb.names[known])
        ]
        return difflib.get_close_matches(key, candidates, n=limit * 3, cutoff=CUTOFF) if candidates else []

    found = close(kb.names.starting_with(key[0])) or close(kb.names)
    sharing = [
        known
        for word in content(" ".join(word for word in key.split() if len(word) >= 4))  # not "de", "mal"
        for known in kb.words.get(word, ())
        if any(ref.kind in kinds for ref in kb.names[known])
    ]
    chosen: dict[tuple[str, str], str] = {}
    for known in (*found, *sorted(set(sharing), key=lambda k: (len(k), k))):
        ref = next(ref for ref in kb.names[known] if ref.kind in kinds)
        chosen.setdefault((ref.kind, ref.id), known)
    return tuple(chosen.values())[:limit]


SPELLING_CUTOFF = 0.85
"""How close a word left aside must be to a one-word name to be taken for its misspelling ("nausious":
nauseous): stricter than CUTOFF, because the word stands in a sentence mbc understood otherwise."""


def misspelled(kb: KnowledgeBase, words: Iterable[str], kinds: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The words left aside that look like a misspelt one-word name of the given kinds, each with that name:
    (("nausious", "nauseous"),). Never matched, only said, as suggestions are: "did you mean"."""
    found: list[tuple[str, str]] = []
    for word in dict.fromkeys(words):
        if len(word) < 5 or harmless(word) or normal(word) in kb.text_words or family(word) in kb.words:
            continue
        names = [
            known
            for known in kb.names.starting_with(word[0])
            if " " not in known and any(ref.kind in kinds for ref in kb.names[known])
        ]
        close = difflib.get_close_matches(word, names, n=1, cutoff=SPELLING_CUTOFF)
        if close:
            found.append((word, close[0]))
    return tuple(found)
