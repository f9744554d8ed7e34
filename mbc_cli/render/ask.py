"""The answer to `mbc ask`: the command's answer that answers the question, or the statements that do."""

from __future__ import annotations

import shlex
from collections.abc import Callable

from mbc_cli.query.ask import AskAnswer
from mbc_cli.query.reference import Named
from mbc_cli.query.sites import LocalAreaAnswer, SiteAnswer, SitesAnswer
from mbc_cli.query.symptoms import SymptomAnswer
from mbc_cli.query.treatments import TestsAnswer, TreatmentsAnswer
from mbc_cli.render import reference, sites, symptoms, treatments
from mbc_cli.render.document import Context, Document, JsonObject, Row, Section, citations_json

_KIND_SHOWN = {
    "note": "what the sources note",
    "statistic": "a figure",
    "term": "what a word means",
    "test": "a test",
    "treatment": "a treatment",
}


def command_line(words: tuple[str, ...]) -> str:
    """A command as the user would type it: mbc treatments --triple-negative."""
    return " ".join(["mbc", *(shlex.quote(word) for word in words)])


def ask(answer: AskAnswer, context: Context) -> Document:
    """The answer to `mbc ask QUESTION`."""
    understood = _understood(answer)
    if answer.command is not None and answer.answer is not None:
        inner = _inner(answer.answer, context)
        shown = command_line(answer.command)
        return inner.replace(
            query={**_query(answer), "answered_by": shown, "answer": inner.query},
            lead=(Row((f"Answered by: {shown}",)), *understood, *inner.lead),
        )
    rows = tuple(
        Row(
            (statement.text, _KIND_SHOWN[statement.kind], ", ".join(statement.concepts) or "your words"),
            statement.citations,
        )
        for statement in answer.statements
    )
    results = [
        {
            "kind": statement.kind,
            "id": statement.id,
            "name": statement.name,
            "text": statement.text,
            "about": list(statement.concepts),
            "citations": citations_json(statement.citations),
        }
        for statement in answer.statements
    ]
    more = () if answer.see_also is None else (Row((f"See also: {command_line(answer.see_also)}",)),)
    return context.document(
        f"What the sources say: {answer.question}",
        {
            **_query(answer),
            "answered_by": None,
            "see_also": None if answer.see_also is None else command_line(answer.see_also),
        },
        results,
        lead=(*understood, Row(("Best first: what speaks to more of your question, in the sources' own words.",))),
        sections=(Section("Answers", ("what the sources say", "what it is", "about"), rows),),
        notes=more,
    )


def _query(answer: AskAnswer) -> JsonObject:
    return {
        "command": "ask",
        "question": answer.question,
        "understood": list(answer.concepts),
        "named": list(answer.named),
        "left_aside": list(answer.left_aside),
    }


def _understood(answer: AskAnswer) -> tuple[Row, ...]:
    """How the question was understood, in one line: its ideas, what it names, and the words left aside."""
    parts = []
    if answer.concepts:
        parts.append("about " + ", ".join(answer.concepts))
    if answer.named:
        parts.append("naming " + ", ".join(answer.named))
    if not parts:
        return ()
    aside = f"; left aside: {', '.join(dict.fromkeys(answer.left_aside))}" if answer.left_aside else ""
    return (Row((f"Understood as a question {'; '.join(parts)}{aside}.",)),)


_INNER: tuple[tuple[type, Callable[..., Document]], ...] = (
    (SiteAnswer, sites.site),
    (LocalAreaAnswer, sites.site),
    (SitesAnswer, sites.sites),
    (SymptomAnswer, symptoms.symptom),
    (TreatmentsAnswer, treatments.treatments),
    (TestsAnswer, treatments.tests),
)
"""Which renderer shows each command's answer."""


def _inner(inner: object, context: Context) -> Document:
    """The document of the command that answers the question."""
    for kind, render in _INNER:
        if isinstance(inner, kind):
            return render(inner, context)
    if isinstance(inner, Named):
        found = inner.found[0][1] if inner.found else None
        return reference.drug(inner, context) if isinstance(found, tuple) else reference.term(inner, context)
    raise TypeError(f"no renderer for {type(inner).__name__}")
