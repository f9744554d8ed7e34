"""mbc search: every entry that holds the words, or that they name, ranked."""

from __future__ import annotations

import math

from mbc_cli import searchable
from mbc_cli.declare import Record
from mbc_cli.errors import NotNamed
from mbc_cli.kinds import NAMED, Kind
from mbc_cli.model import Citation, KnowledgeBase, NameRef
from mbc_cli.query.reference import QUESTION_WORDS
from mbc_cli.understand import recognise, spelling
from mbc_cli.understand.names import names_in
from mbc_cli.understand.normalise import name_key, normal, normal_set
from mbc_cli.understand.words import FUNCTION_WORDS

# --- mbc search ----------------------------------------------------------------------------


class Found(Record):
    """One entry the search found, and why it ranks where it does."""

    kind: Kind
    """One of searchable.KINDS."""
    id: str
    name: str
    named: bool
    """The words name it, as `mbc site` or `mbc drug` would find it."""
    words: tuple[str, ...]
    """The searched words it contains, as typed."""
    weight: int
    """For each of those words, where it is found best (name 3, alias 2, text 1), added up."""
    where: str
    """Where the best-matching passage is: name, alias, brand, place, text or quote."""
    text: str
    """That passage: the name, the alias, or the text or quote that holds most of the words."""
    citations: tuple[Citation, ...]
    """That passage's citations (for a name or alias, the entry's own)."""


class SearchAnswer(Record):
    """Answer to `mbc search TEXT`: what was searched for, and the entries found, grouped by kind."""

    text: str
    words: tuple[str, ...]
    """The words searched for, as typed (question and small words aside)."""
    ignored: tuple[str, ...]
    groups: tuple[tuple[Kind, tuple[Found, ...]], ...]
    """(kind, entries best first); the group with the best entry first."""
    total: int
    """How many entries hold the words: more than are shown when over SHOWN."""


SHOWN = 20
"""At most this many entries are shown, best first; the answer says how many more hold the words."""


def search(kb: KnowledgeBase, text: str) -> SearchAnswer:
    """Answer `mbc search TEXT`: entries holding at least half of the words (or named by them), best first.

    The entries are ranked from the word index alone (which entries hold which words, and how much
    each counts there), and only the SHOWN best are read, for the passage that holds the words.
    """
    typed = name_key(text).split(" ") if name_key(text) else []
    words = {normal(word): word for word in typed if word not in FUNCTION_WORDS and word not in QUESTION_WORDS}
    needed = math.ceil(len(words) / 2)
    named = {f"{_kind(hit.ref)} {hit.ref.id}" for hit in _named(kb, text, typed)} if words else set()
    best: dict[str, dict[str, int]] = {}
    for word in words:
        for ref, weight in zip(kb.text_words.get(word, ()), kb.text_weights.get(word, ()), strict=True):
            best.setdefault(ref, {})[word] = weight
    places: dict[str, dict[str, int]] = {}
    ranked = sorted(
        (
            (-(ref in named), -len(held), -sum(held.values()), _order(kb, ref, places)),
            ref,
        )
        for ref, held in best.items()
        if len(held) >= needed or ref in named
    )
    if not ranked:
        suggestions = spelling.suggest(kb, text, NAMED)
        raise NotNamed("entry", text, f'Nothing in the knowledge base matches "{text}".', suggestions)
    groups: dict[Kind, list[Found]] = {}
    for _, ref in ranked[:SHOWN]:
        result = _found(kb, ref, words, best[ref], ref in named)
        groups.setdefault(result.kind, []).append(result)
    ignored = tuple(word for word in typed if word in QUESTION_WORDS)
    return SearchAnswer(
        text, tuple(words.values()), ignored, tuple((k, tuple(v)) for k, v in groups.items()), len(ranked)
    )


def _found(kb: KnowledgeBase, ref: str, words: dict[str, str], held: dict[str, int], named: bool) -> Found:
    """One entry the search shows, with the passage that holds most of the words (the best place first)."""
    kind, entry_id = ref.split(" ", 1)
    _, _, name, entry_fields = searchable.entry(kb, kind, entry_id)
    passage: tuple[int, int, searchable.Field] | None = None
    for field in entry_fields:
        present = words.keys() & normal_set(field[2])
        if present and (passage is None or (len(present), field[0]) > passage[:2]):
            passage = (len(present), field[0], field)
    assert passage is not None  # the index says the entry holds the words
    _, where, shown, citations = passage[2]
    return Found(
        Kind.of(kind),
        entry_id,
        name,
        named,
        tuple(words[word] for word in words if word in held),
        sum(held.values()),
        where,
        shown,
        citations,
    )


def _order(kb: KnowledgeBase, ref: str, places: dict[str, dict[str, int]]) -> tuple[int, int]:
    """Where an entry ('kind id') comes in the knowledge base: its kind's place, then its place in its file.

    `places` keeps each kind's numbering once made, so ordering reads each kind's ids at most once.
    """
    kind, entry_id = ref.split(" ", 1)
    if kind not in places:
        places[kind] = {key: number for number, key in enumerate(searchable.ids(kb, kind))}
    return searchable.KINDS.index(kind), places[kind][entry_id]


def _named(kb: KnowledgeBase, text: str, typed: list[str]) -> tuple[recognise.Hit, ...]:
    """What the words name: all of them together, or else the names that stand within them ("herceptin side
    effects" names trastuzumab, by its brand)."""
    whole = recognise.find(kb, text, NAMED)
    return whole or tuple(hit for named in names_in(kb, typed, NAMED) for hit in named.hits)


def _kind(ref: NameRef) -> Kind:
    """A place is shown as its site."""
    return Kind.SITE if ref.kind == Kind.PLACE else ref.kind
