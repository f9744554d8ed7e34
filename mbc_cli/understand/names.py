"""Step 3, for questions: the names a question holds, wherever they stand in it ("what is a bone scan used for").

`recognise` reads a term or a sentence as a whole, clause by clause, as `mbc symptom` does; a question
asks about its names in words of its own, so here each stretch of its words is looked up as a name (as
written, with other endings, in another order), the longest first.
"""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import content, family, phrase_key, stem_key
from mbc_cli.understand.recognise import Hit, ending, hits_of, named_how
from mbc_cli.understand.words import ALONE_NAMES_NOTHING, FUNCTION_WORDS, MODIFIERS

LONGEST_NAME = 6
"""The most words a name a question holds is looked for in (ado-trastuzumab emtansine is three)."""


class Named(Record):
    """A name found within a question's words: where it stands, and what it names."""

    start: int
    end: int
    """The words it spans: words[start:end]."""
    hits: tuple[Hit, ...]


def names_in(kb: KnowledgeBase, words: Sequence[str], kinds: frozenset[str]) -> tuple[Named, ...]:
    """The names of entries of the given kinds that stand within `words` (a question's, as name keys), the
    longest first at each place, none inside another: "what is a bone scan used for" holds bone scan.

    A name is found as written, with other endings ("scans"), or in another order of its words; one word
    that names nothing alone ("head", "loss": see `ALONE_NAMES_NOTHING`) names nothing here either.
    """
    found: list[Named] = []
    looked_up: dict[str, tuple[Hit, ...]] = {}  # a stretch repeated in the question is looked up once
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + LONGEST_NAME), start, -1):
            window = words[start:end]
            if "" in window or window[0] in FUNCTION_WORDS or window[-1] in FUNCTION_WORDS:
                continue  # an empty word stands for one already read
            if end - start == 1 and (window[0] in _WEAK_WORDS or len(window[0]) < 2):
                continue
            key = " ".join(window)
            if key not in looked_up:
                looked_up[key] = _named_as(kb, key, kinds)
            hits = looked_up[key]
            if hits:
                found.append(Named(start, end, hits))
                start = end - 1
                break
        start += 1
    return tuple(found)


_WEAK_WORDS = ALONE_NAMES_NOTHING | MODIFIERS


def _named_as(kb: KnowledgeBase, key: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """What `key` names whole: as a name or alias, with other endings, or its words in another order."""
    exact = hits_of(kb, (key,), kinds, lambda ref, known: named_how(kb, ref, known))
    if exact:
        return exact
    inflected = hits_of(
        kb, kb.stems.get(stem_key(key), ()), kinds, lambda ref, known: named_how(kb, ref, known, ending(key, known))
    )
    if inflected:
        return inflected
    words = [word for word in key.split() if word not in FUNCTION_WORDS]
    if " " in key and len(content(key)) == len(words):  # "bones bone" is not the name bone in other words
        phrased = hits_of(kb, kb.phrases.get(phrase_key(key), ()), kinds, lambda r, k: named_how(kb, r, k, "phrase"))
        if phrased:
            return phrased
    return _part_of_one(kb, key, kinds)


def _part_of_one(kb: KnowledgeBase, key: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """The one entry whose names alone hold these words, none of them an everyday one: "oligometastatic" is part of
    oligometastatic cancer's names, "de novo" of de novo metastatic breast cancer's. Said to be a part."""
    words = [word for word in key.split() if word not in FUNCTION_WORDS]
    if not words or len(words) > 2 or len(set(words)) < len(words):
        return ()
    if any(len(word) < 4 or word in _WEAK_WORDS for word in words):
        return ()
    held = [set(kb.words.get(family(word), ())) for word in words]
    if any(len(names) > DISTINCT for names in held):  # a word in many names ("pain") names no one part
        return ()
    wanted = kinds & _PARTS_OF
    keys = {k for k in set.intersection(*held) if any(ref.kind in wanted for ref in kb.names[k])} if held else set()
    entries = {(ref.kind, ref.id) for known in keys for ref in kb.names[known] if ref.kind in wanted}
    if len(entries) != 1:
        return ()
    known = min(keys, key=lambda k: (len(k), k))
    ref = next(ref for ref in kb.names[known] if ref.kind in wanted)
    return (Hit(ref, known, "partial"),)


DISTINCT = 12
"""A word in more names than this is too common to name a part of one entry's."""
_PARTS_OF = frozenset({Kind.TERM})
"""The kinds whose names a word may name a part of: a term's ("oligometastatic", "de novo"). Not a symptom's,
whose words are everyday ("disability" is not walking disability), nor a drug class's ("inhibitor")."""
