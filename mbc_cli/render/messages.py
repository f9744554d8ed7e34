"""Render what goes to stderr when a command cannot answer."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.text import Text

from mbc_cli.errors import (
    ENV_DEBUG,
    KnowledgeBaseError,
    MbcError,
    NoSymptomMatched,
    NotFoundError,
    Unanswered,
    UnmatchedTerm,
)
from mbc_cli.render.text import literal


def error(failure: MbcError, command: str = "mbc validate") -> RenderableType:
    """Return the message for `failure`: what went wrong and what to try next (for a broken knowledge base, the
    `command` that was run, to run again)."""
    if isinstance(failure, KnowledgeBaseError):
        lines: list[Text] = [literal(str(failure), style="bold red")]
        lines += [literal(f"  {problem}") for problem in failure.problems]
        if failure.unread:
            files = ", ".join(failure.unread)
            lines.append(literal(f"Not read, so not checked further (their problems may be more): {files}"))
        lines.append(literal(f"Fix these, then run: {command}"))
        return Group(*lines)
    if isinstance(failure, NoSymptomMatched):
        return Group(*(unmatched(match) for match in failure.matches))
    if isinstance(failure, Unanswered):
        said = [literal(str(failure), style="red")]
        if failure.not_in_sources:
            said.append(literal("The sources say nothing about: " + ", ".join(failure.not_in_sources) + "."))
        said += [
            literal("It can answer questions about: " + "; ".join(failure.about) + "."),
            literal(failure.advice),
        ]
        return Group(*said)
    if isinstance(failure, NotFoundError) and failure.suggestions:
        suggestions = ", ".join(failure.suggestions)
        return literal(f"{failure} Did you mean: {suggestions}?", style="red")
    return literal(str(failure), style="red")


def unmatched(match: UnmatchedTerm) -> RenderableType:
    """Return the warning for a symptom term that matched nothing, while the others are answered."""
    message = f'No symptom "{match.term}".'
    if match.suggestions:
        message += f" Did you mean: {', '.join(match.suggestions)}?"
    if match.names:
        ref = match.names
        command = ref.kind.command_for(ref.name)
        message += f" (It names the {ref.kind.label} {ref.name}" + (f": try {command}.)" if command else ".)")
    return literal(message, style="yellow")


def lines(text: Iterable[str]) -> RenderableType:
    """Return lines written elsewhere (Click's usage errors) to be shown literally."""
    return Group(*(literal(line) for line in text))


def bug(failure: Exception) -> Text:
    """Return the short report of a failure that is mbc's own fault, never the user's."""
    detail = f"{type(failure).__name__}: {failure}" if str(failure) else type(failure).__name__
    return literal(
        f"mbc failed: this is a bug in mbc, not something you did ({detail}). "
        f"Please report it with the command you ran; set {ENV_DEBUG}=1 to see where it happened.",
        style="red",
    )
