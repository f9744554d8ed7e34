"""Find what the user named, and say how: by name, alias, inflection or phrase; else suggest close names.

Matching runs in order and stops at the first step that finds something:
1. the exact name or alias (after `name_key`: case, width, punctuation, spacing, control characters);
2. the same words with other endings (plural, singular, -ing, -ed);
3. the same content words in any order, small function words aside ("pain in my back" / "back pain");
4. known phrases within the user's words, when the words left over only say how bad or how often
   ("bad back pain"), or name a site ("bone pain"); several phrases may be found ("headache and vomiting").
Typos are never matched: `suggest` offers the closest names instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mbc_cli.errors import NotFoundError
from mbc_cli.model import (
    KnowledgeBase,
    LocalArea,
    NameRef,
    Note,
    Site,
)
from mbc_cli.names import MODIFIERS, NEGATIONS, content, inflection, name_key, phrase_key, stem, stem_key

SITE_KINDS = frozenset({"site", "place", "local_area"})
"""What names a place in the body: a site, a place within one, or a local area."""


ALL_KINDS = frozenset({"site", "place", "local_area", "symptom", "test", "treatment", "drug", "term"})

_MODIFIER_STEMS = frozenset(stem(word) for word in MODIFIERS)


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing the user's text was understood to name, and how."""

    ref: NameRef
    matched: str
    """The name or alias it matched, normalised (its name key)."""
    how: str
    """name, alias, plural, singular, inflection or phrase."""
    ignored: tuple[str, ...] = ()
    """The user's words that were left aside: degree, time or a site's name."""


def find(kb: KnowledgeBase, text: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Return what `text` names among entries of the given kinds, each entry once, best step first."""
    key = name_key(text)
    if not key:
        return ()
    exact = _hits(kb, (key,), kinds, lambda ref, known: "name" if name_key(ref.name) == known else "alias")
    if exact:
        return exact
    inflected = _hits(kb, kb.stems.get(stem_key(key), ()), kinds, lambda ref, known: inflection(key, known))
    if inflected:
        return inflected
    phrased = _hits(kb, kb.phrases.get(phrase_key(key), ()), kinds, lambda ref, known: "phrase")
    if phrased:
        return phrased
    return _within(kb, key, kinds)


def _hits(
    kb: KnowledgeBase, keys: Iterable[str], kinds: frozenset[str], how: Callable[[NameRef, str], str]
) -> tuple[Hit, ...]:
    hits: dict[tuple[str, str], Hit] = {}
    for known in keys:
        for ref in kb.names.get(known, ()):
            if ref.kind in kinds:
                hits.setdefault((ref.kind, ref.id), Hit(ref, known, how(ref, known)))
    return tuple(hits.values())


def _within(kb: KnowledgeBase, key: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Step 4: the longest known phrases inside the user's words, if what is left over is harmless.

    Harmless: words of degree or time ("bad", "constant"), or for a symptom the name of a site
    that the sources link to that symptom ("bone pain" is pain, which bone spread can cause;
    "itchy eyes" is not itchy skin). Nothing is matched when a word like "no" reverses the meaning.
    """
    typed = {stem(word): word for word in key.split(" ")}
    if NEGATIONS & set(key.split(" ")):
        return ()
    wanted = content(key)
    candidates = _phrases_within(kb, wanted, kinds)
    covered = frozenset[str]().union(*candidates.values())
    left = sorted(wanted - covered)
    places = [_site_ids(kb, typed[word]) for word in left if word not in _MODIFIER_STEMS]
    if not candidates or not all(places):
        return ()
    ignored = tuple(typed[word] for word in left)
    hits: dict[tuple[str, str], Hit] = {}
    for known in candidates:
        for ref in kb.names[known]:
            if ref.kind in kinds and (not places or _linked(kb, ref, places)):
                hits.setdefault((ref.kind, ref.id), Hit(ref, known, "phrase", ignored))
    return tuple(hits.values())


def _site_ids(kb: KnowledgeBase, word: str) -> frozenset[str]:
    """The sites and local areas one typed word names (bone, liver, lungs, spine), if any."""
    keys = (word,) if word in kb.names else kb.stems.get(stem_key(word), ())
    return frozenset(ref.id for known in keys for ref in kb.names[known] if ref.kind in SITE_KINDS)


def _linked(kb: KnowledgeBase, ref: NameRef, places: list[frozenset[str]]) -> bool:
    """Whether a symptom is one the sources link to each of the named places."""
    if ref.kind != "symptom":
        return False
    linked = {site_id for site_id, _ in kb.sites_by_symptom.get(ref.id, ())}
    return all(linked & ids for ids in places)


def _phrases_within(kb: KnowledgeBase, wanted: frozenset[str], kinds: frozenset[str]) -> dict[str, frozenset[str]]:
    """Name keys whose content words all occur in `wanted`, keeping only the longest (not inside another)."""
    found: dict[str, frozenset[str]] = {}
    for word in wanted:
        for known in kb.words.get(word, ()):
            if known not in found and any(ref.kind in kinds for ref in kb.names[known]):
                words = content(known)
                if words <= wanted:
                    found[known] = words
    return {known: words for known, words in found.items() if not any(words < other for other in found.values())}


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

    found = close(_starting_with(kb, key[0])) or close(kb.names)
    sharing = [
        known
        for word in content(key)
        for known in kb.words.get(word, ())
        if any(ref.kind in kinds for ref in kb.names[known])
    ]
    chosen: dict[tuple[str, str], str] = {}
    for known in (*found, *sorted(set(sharing), key=lambda k: (len(k), k))):
        ref = next(ref for ref in kb.names[known] if ref.kind in kinds)
        chosen.setdefault((ref.kind, ref.id), known)
    return tuple(chosen.values())[:limit]


def _starting_with(kb: KnowledgeBase, letter: str) -> Iterable[str]:
    """The name keys that begin with `letter`, reading only their shards of a compiled index."""
    by_prefix = getattr(kb.names, "starting_with", None)
    if by_prefix is not None:
        keys: Iterable[str] = by_prefix(letter)
        return keys
    return (known for known in kb.names if known.startswith(letter))


def advice(kb: KnowledgeBase) -> Note:
    """Return the sources' advice that ends every answer: see the care team."""
    return kb.notes.get("contact_care_team") or next(n for n in kb.notes.values() if n.topic == "advice")


def area_hit(kb: KnowledgeBase, name: str) -> Hit:
    """Return what `name` means as a place in the body; a site wins over a place or local area."""
    found = find(kb, name, SITE_KINDS)
    if not found:
        raise NotFoundError("site", name, suggest(kb, name, SITE_KINDS))
    if found[0].how == "phrase" and len({hit.ref.id for hit in found}) > 1:  # "liver and lungs": ask for one
        raise NotFoundError("site", name, tuple(dict.fromkeys(hit.ref.name for hit in found)))
    return next((hit for hit in found if hit.ref.kind == "site"), found[0])


def area(kb: KnowledgeBase, name: str) -> Site | LocalArea:
    """Return the site or local area `name` means (a place within a site means its site)."""
    ref = area_hit(kb, name).ref
    return kb.local_areas[ref.id] if ref.kind == "local_area" else kb.sites[ref.id]
