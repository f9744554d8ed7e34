"""What the commands share: their common options, and how each answers (load, build, render, show).

A format is chosen from a registry, `RENDERERS`; each renderer is imported only when its format is asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mbc_cli import complete, terminal
from mbc_cli.failures import Run

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mbc_cli.model import KnowledgeBase
    from mbc_cli.render.document import Context, Document


class Format(str, Enum):
    """How an answer is written."""

    table = "table"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table (for reading), json (for programs) or markdown (for notes)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
Her2PositiveOption = Annotated[bool, typer.Option("--her2-positive", help="The cancer is HER2-positive.")]
Her2NegativeOption = Annotated[bool, typer.Option("--her2-negative", help="The cancer is HER2-negative.")]
HrPositiveOption = Annotated[
    bool, typer.Option("--hr-positive", help="The cancer is hormone-receptor (ER/PR) positive.")
]
HrNegativeOption = Annotated[
    bool, typer.Option("--hr-negative", help="The cancer is hormone-receptor (ER/PR) negative.")
]
TripleNegativeOption = Annotated[
    bool, typer.Option("--triple-negative", help="The cancer is triple-negative (HR-negative and HER2-negative).")
]
BrcaOption = Annotated[bool, typer.Option("--brca", help="The cancer has a BRCA1 or BRCA2 mutation.")]
EvidenceOption = Annotated[
    bool, typer.Option("--evidence", help="Under each line, the exact words of each source it cites.")
]


def words_given(value: Any) -> Any:
    """Refuse a name with no words in it ("", "  ", "!!") as a usage error: there is nothing to look up.

    Of several terms, one with words is enough: `mbc symptom headache ""` answers for headache.
    """
    from mbc_cli.printable import visible
    from mbc_cli.understand.normalise import name_key

    given = [value] if isinstance(value, str) else list(value or ())
    if given and not any(name_key(text) for text in given):
        shown = " ".join(f'"{visible(text)}"' for text in given)
        raise typer.BadParameter(f"{shown} has no words to look up.")
    return value


def _site_option(help_text: str) -> Any:  # typer.Option is typed Any; it is an OptionInfo
    """The --site option, with what it does for its command."""
    return typer.Option(
        "--site", help=help_text, show_default=False, autocompletion=complete.SITES, callback=words_given
    )


TreatmentSiteOption = Annotated[
    str | None,
    _site_option("Put first, and mark, the treatments the sources tie to this site, e.g. bone (none is hidden)."),
]
TestSiteOption = Annotated[
    str | None,
    _site_option("Only the tests that check this site, e.g. bone, and those used wherever cancer may have spread."),
]


def show_answer(
    ctx: typer.Context,
    build: Callable[[KnowledgeBase, Context], Document],
    fmt: Format,
    as_json: bool,
    *,
    evidence: bool = False,
) -> None:
    """Load the knowledge base, build the answer's document and render it in the chosen format.

    With `evidence`, each line is followed by the quotes it cites (JSON always carries them).
    """

    from mbc_cli import query
    from mbc_cli.kb import cache
    from mbc_cli.render.document import Context

    chosen = Format.json if as_json else fmt
    run: Run = ctx.find_root().obj
    run.json = chosen is Format.json
    knowledge = cache.open_kb(run.kb)
    document = build(knowledge, Context(knowledge.sources, query.advice(knowledge)))
    if evidence and chosen is not Format.json:
        from mbc_cli.kb import locate
        from mbc_cli.render.document import with_quotes

        where = locate.folder(run.kb)
        document = with_quotes(document, unchecked=None if cache.checked(where) else knowledge.path)
    terminal.show(RENDERERS[chosen](document))


def _as_table(document: Document) -> RenderableType:
    from mbc_cli.render import table

    return table.render(document, width=terminal.out().width)


def _as_json(document: Document) -> str:
    from mbc_cli.render import json

    return json.render(document, ascii_only=not terminal.unicode(sys.stdout)) + "\n"


def _as_markdown(document: Document) -> str:
    from mbc_cli.render import markdown

    return markdown.render(document)


RENDERERS: dict[Format, Callable[[Document], RenderableType | str]] = {
    Format.table: _as_table,
    Format.json: _as_json,
    Format.markdown: _as_markdown,
}
"""How each format writes a document (each renderer is imported only when its format is asked for)."""
