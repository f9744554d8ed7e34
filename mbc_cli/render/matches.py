"""Say how what the user typed was understood: `"headaches" → headache (plural)`, in words and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.render.document import JsonObject
from mbc_cli.understand.normalise import name_key, qualifier_kind
from mbc_cli.understand.recognise import Hit


def how(hit: Hit) -> str:
    """How one hit matched, in words: 'alias', 'plural of "skin rash"', 'phrase "back pain"; left aside: bad'."""
    words = hit.how
    if hit.how in ("plural", "singular", "inflection") and hit.matched != name_key(hit.ref.name):
        words += f' of "{hit.matched}"'
    elif hit.how == "phrase" and hit.matched != name_key(hit.ref.name):
        words += f' "{hit.matched}"'
    elif hit.how == "narrower":
        words = f'"{hit.matched}" is a kind of {hit.ref.name}'
    elif hit.how == "disorder":
        words = f"read as {hit.ref.name}: the sources speak of {hit.ref.name}, "
        words += f'not of "{hit.matched}", a disorder of its own'
    elif hit.how == "word":
        words = f'a word of "{hit.matched}"'
    aside = _aside(hit)
    return f"{words}; {aside}" if aside else words


def _aside(hit: Hit) -> str:
    """The words a hit left aside (with what the qualifiers among them say) and those a negation took out,
    in words; empty when there are none: 'left aside: since, last, week (since when), rib'."""
    parts = []
    if hit.ignored:
        parts.append("left aside: " + why(hit.ignored))
    if hit.negated:
        parts.append("not counted, as you said: " + " ".join(hit.negated))
    return "; ".join(parts)


def why(words: Sequence[str]) -> str:
    """Words left aside, each run of one kind of qualifier followed by what it says: 'dad (whose), lately
    (how often)'; other words (a place, a clause that names nothing) as they are."""
    shown: list[str] = []
    run: list[str] = []
    kind: str | None = None
    for word in (*words, None):
        this = qualifier_kind(word) if word is not None else None
        if run and (word is None or this != kind or kind is None):
            shown.append(", ".join(run) + (f" ({kind})" if kind else ""))
            run = []
        if word is not None:
            run.append(word)
            kind = this
    return ", ".join(shown)


def describe(term: str, hits: Sequence[Hit]) -> str:
    """One line for one term: `"yellow skin" → jaundice (alias)`; several hits are listed together, and the
    words they all left aside (or that a negation took out) are said once, at the end."""
    shared = (
        len(hits) > 1
        and len({(hit.ignored, hit.negated) for hit in hits}) == 1
        and (hits[0].ignored or hits[0].negated)
    )
    if not shared:
        return f'"{term}" → ' + ", ".join(f"{hit.ref.name} ({how(hit)})" for hit in hits)
    bare = [Hit(hit.ref, hit.matched, hit.how) for hit in hits]
    return f'"{term}" → ' + ", ".join(f"{hit.ref.name} ({how(hit)})" for hit in bare) + f"; {_aside(hits[0])}"


def match_json(term: str, hit: Hit) -> JsonObject:
    """How one term matched one entry, for JSON: {"term", "matched", "how", "as", "ignored", "negated", "places"}."""
    return {
        "term": term,
        "matched": hit.ref.name,
        "how": hit.how,
        "as": hit.matched,
        "ignored": list(hit.ignored),
        "negated": list(hit.negated),
        "places": list(hit.places),
    }
