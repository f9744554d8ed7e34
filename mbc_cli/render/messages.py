"""Render what goes to stderr when a command cannot answer."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from mbc_cli.errors import KnowledgeBaseError, MbcError, NotFoundError
from mbc_cli.render.text import literal


def error(failure: MbcError) -> RenderableType:
    """Return the message for `failure`: what went wrong and what to try next."""
    if isinstance(failure, KnowledgeBaseError):
        lines: list[Text] = [literal(str(failure), style="bold red")]
        lines += [literal(f"  {problem}") for problem in failure.problems]
        lines.append(literal("Fix these, then run: mbc validate"))
        return Group(*lines)
    if isinstance(failure, NotFoundError) and failure.suggestions:
        suggestions = ", ".join(failure.suggestions)
        return literal(f"{failure} Did you mean: {suggestions}?", style="red")
    return literal(str(failure), style="red")
