"""The answer to mbc search: the entries that hold the words, best first, with the command that shows each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mbc_cli.model import Citation
from mbc_cli.render.document import (
    Context,
    Document,
    Row,
    Section,
    citations_json,
)

if TYPE_CHECKING:  # imported by the command that runs
    from mbc_cli.query.text_search import Found, SearchAnswer


# --- mbc search ----------------------------------------------------------------------------


def search(answer: SearchAnswer, context: Context) -> Document:
    """The answer to `mbc search TEXT`."""
    words = ", ".join(answer.words)
    aside = f" (question words left aside: {', '.join(answer.ignored)})" if answer.ignored else ""
    sections = tuple(
        Section(
            kind.heading,
            ("found → the command that shows it", "where your words are"),
            tuple(Row((_found(r), _where(r)), (), _cited(r)) for r in found),
        )
        for kind, found in answer.groups
    )
    results = [
        {
            "id": r.id,
            "name": r.name,
            "citations": citations_json(r.citations),
            "kind": r.kind,
            "command": r.kind.command_for(r.name),
            "named": r.named,
            "words": list(r.words),
            "weight": r.weight,
            "where": r.where,
            "text": r.text,
        }
        for _, found in answer.groups
        for r in found
    ]
    shown = sum(len(found) for _, found in answer.groups)
    more = (
        (
            Row(
                (f"Showing the {shown} best of the {answer.total} entries that hold your words: add words to narrow.",),
                aside=True,
            ),
        )
        if answer.total > shown
        else ()
    )
    return context.document(
        f'Search: "{answer.text}"',
        {
            "command": "search",
            "text": answer.text,
            "words": list(answer.words),
            "ignored": list(answer.ignored),
            "total": answer.total,
        },
        results,
        lead=(
            Row((f"Searched for: {words}{aside}.",), aside=True),
            *more,
            Row(
                (
                    "Best first: what your words name, then what holds more of them, "
                    "then where they are (a name, an alias, a text).",
                ),
                aside=True,
            ),
        ),
        sections=sections,
        notes=(),
    )


def _cited(r: Found) -> tuple[tuple[Citation, ...], tuple[Citation, ...]]:
    """The citations of the words shown: a note's beside its text, which is also its name; another
    passage's beside it; none for a name, an alias or a brand, which are vocabulary."""
    if r.text == r.name:
        return (r.citations if r.kind == "note" else ()), ()
    return (), (() if r.where in ("name", "alias", "brand") else r.citations)


def _where(r: Found) -> str:
    if r.text == r.name:
        return "its text" if r.kind == "note" else "its name"
    if r.where in ("alias", "brand", "place"):
        return f"{r.where}: {r.text}"
    return f"“{r.text}”" if r.where == "quote" else r.text


def _found(result: Found) -> str:
    """An entry found, with the command that shows it in full."""
    command = result.kind.command_for(result.name)
    return f"{result.name} → {command}" if command else result.name
