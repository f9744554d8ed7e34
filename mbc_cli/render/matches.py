"""Say how what the user typed was understood: `"headaches" → headache (plural)`, in words and JSON."""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.names import name_key
from mbc_cli.query.lookup import Hit
from mbc_cli.render.document import JsonObject


def how(hit: Hit) -> str:
    """How one hit matched, in words: 'alias', 'plural of "skin rash"', 'phrase "back pain"; left aside: bad'."""
    words = hit.how
    if hit.how in ("plural", "singular", "inflection") and hit.matched != name_key(hit.ref.name):
        words += f' of "{hit.matched}"'
    elif hit.how == "phrase" and hit.matched != name_key(hit.ref.name):
        words += f' "{hit.matched}"'
    elif hit.how == "narrower":
        words = f'"{hit.matched}" is a kind of {hit.ref.name}'
    elif hit.how == "word":
        words = f'a word of "{hit.matched}"'
    if hit.ignored:
        words += "; left aside: " + ", ".join(hit.ignored)
    if hit.negated:
        words += "; not counted, as you said: " + " ".join(hit.negated)
    return words


def describe(term: str, hits: Sequence[Hit]) -> str:
    """One line for one term: `"yellow skin" → jaundice (alias)`; several hits are listed together."""
    return f'"{term}" → ' + ", ".join(f"{hit.ref.name} ({how(hit)})" for hit in hits)


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
