"""The answer to `mbc ask`: the answer first (a command's, or the best statements), then how to see more."""

from __future__ import annotations

import shlex
from collections.abc import Callable

from mbc_cli.query.ask import AskAnswer
from mbc_cli.render.document import Context, Document, JsonObject, Row, Section, citations_json

FIRST = 3
"""The statements a table or Markdown answer shows; `--all` shows them all, and JSON always has them all."""


def command_line(words: tuple[str, ...]) -> str:
    """A command as the user would type it: mbc treatments --triple-negative."""
    return " ".join(["mbc", *(shlex.quote(word) for word in words)])


def ask(answer: AskAnswer, context: Context, *, every: bool = False, typed: bool = False) -> Document:
    """The answer to `mbc ask QUESTION`; with `every`, every statement found, not the best three; `typed` when the
    question was typed straight after `mbc`, which the answer says it answered as a question."""
    document = _ask(answer, context, every=every)
    if not typed:
        return document
    asked = command_line(("ask", answer.question))
    return document.replace(
        query={**document.query, "answered_as": asked},
        lead=(Row((f"Answered as: {asked}",), aside=True), *document.lead),
    )


def _ask(answer: AskAnswer, context: Context, *, every: bool) -> Document:
    understood = _understood(answer)
    beside = _statement_rows(answer)
    if answer.command is not None and answer.answer is not None:
        inner = _inner(answer.answer, context)
        shown = command_line(answer.command)
        return inner.replace(
            query={**_query(answer), "answered_by": shown, "answer": inner.query},
            lead=(Row((f"Answered by: {shown}",), aside=True), *understood, *inner.lead),
            notes=(*inner.notes, *beside),
        )
    rows = beside if every else beside[:FIRST]
    notes: list[Row] = []
    hidden = len(beside) - len(rows)
    if hidden:
        more = command_line(("ask", "--all", answer.question))
        said = f"{hidden} more {'statement speaks' if hidden == 1 else 'statements speak'} to it: {more}"
        notes.append(Row((said,), aside=True))
    if answer.see_also is not None:
        notes.append(Row((f"See also: {command_line(answer.see_also)}",), aside=True))
    results = [
        {
            "kind": statement.kind,
            "id": statement.id,
            "name": statement.name,
            "text": statement.text,
            "about": list(statement.concepts),
            "score": statement.score,
            "citations": citations_json(statement.citations),
        }
        for statement in answer.statements
    ]
    return context.document(
        f"What the sources say: {answer.question}",
        {
            **_query(answer),
            "answered_by": None,
            "see_also": None if answer.see_also is None else command_line(answer.see_also),
        },
        results,
        lead=(*_beyond(answer), *understood),
        sections=(Section("Answers", ("what the sources say",), rows),),
        notes=tuple(notes),
    )


def _statement_rows(answer: AskAnswer) -> tuple[Row, ...]:
    return tuple(Row((statement.text,), (), (statement.citations,)) for statement in answer.statements)


def _beyond(answer: AskAnswer) -> tuple[Row, ...]:
    """What the question asks that the sources do not cover, said first: "The sources say nothing about hair loss"."""
    if not answer.not_in_sources:
        return ()
    words = " ".join(answer.not_in_sources)
    return (Row((f"The sources say nothing about {words}. What they say that comes closest:",)),)


def _query(answer: AskAnswer) -> JsonObject:
    return {
        "command": "ask",
        "question": answer.question,
        "understood": list(answer.concepts),
        "named": list(answer.named),
        "left_aside": list(answer.left_aside),
        "not_in_sources": list(answer.not_in_sources),
        "corrected": [{"typed": c.typed, "read_as": c.read_as} for c in answer.corrected],
        "shorthand": [{"typed": typed, "read_as": read_as} for typed, read_as in answer.shorthand],
    }


def _understood(answer: AskAnswer) -> tuple[Row, ...]:
    """How the question was understood, in one line: words read as others, its ideas and what it names."""
    parts = []
    spelled = [f'"{c.typed}" read as "{c.read_as}"' for c in answer.corrected]
    spelled += [f'"{typed}" as "{read_as}"' for typed, read_as in answer.shorthand]
    if answer.concepts:
        parts.append("about " + ", ".join(answer.concepts))
    if answer.named:
        parts.append("naming " + ", ".join(answer.named))
    if not parts and not spelled:
        return ()
    line = f"Understood as a question {'; '.join(parts)}" if parts else "Understood"
    if spelled:
        line += (" (" if parts else ": ") + "; ".join(spelled) + (")" if parts else "")
    return (Row((line + ".",), aside=True),)


_INNER = {
    "SiteAnswer": ("sites", "site"),
    "LocalAreaAnswer": ("sites", "site"),
    "SitesAnswer": ("sites", "sites"),
    "SymptomAnswer": ("symptoms", "symptom"),
    "TreatmentsAnswer": ("treatments", "treatments"),
    "TestsAnswer": ("treatments", "tests"),
}
"""Which renderer shows each command's answer (module of mbc_cli.render, function): imported only when that
command answers, so that a question answered by statements pays for none of them."""


def _inner(inner: object, context: Context) -> Document:
    """The document of the command that answers the question."""
    import importlib

    kind = type(inner).__name__
    if kind in _INNER:
        module, name = _INNER[kind]
        render: Callable[..., Document] = getattr(importlib.import_module(f"mbc_cli.render.{module}"), name)
        return render(inner, context)
    from mbc_cli.query.reference import Named
    from mbc_cli.render import reference

    if isinstance(inner, Named):
        found = inner.found[0][1] if inner.found else None
        return reference.drug(inner, context) if isinstance(found, tuple) else reference.term(inner, context)
    raise TypeError(f"no renderer for {kind}")
