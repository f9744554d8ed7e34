"""The mbc command line: parse options, ask a query, render the answer; the only place that prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, RenderableType

from mbc_cli import __version__
from mbc_cli.errors import MbcError

app = typer.Typer(
    name="mbc",
    help=(
        "Answers about metastatic breast cancer, every line cited to a trusted source. "
        "mbc informs; it does not diagnose or advise: talk to your care team."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
)

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


def _answer(produce: Callable[[], RenderableType]) -> None:
    """Print what `produce` returns, or the message of the MbcError it raises, with its exit code."""
    from mbc_cli.render import messages

    try:
        renderable = produce()
    except MbcError as failure:
        _err.print(messages.error(failure), soft_wrap=True)
        raise typer.Exit(failure.exit_code) from None
    _out.print(renderable)


def _version(value: bool) -> None:
    if value:
        _out.print(f"mbc {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show mbc's version and stop."),
    ] = False,
) -> None:
    """Answers about metastatic breast cancer, every line cited to a trusted source."""


@app.command()
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(help="A knowledge-base folder laid out like mbc's data/. Default: the one mbc ships with."),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="Also check every quote against the source snapshots in this folder."),
    ] = None,
) -> None:
    """Check a knowledge base: its files, ids and references, and with --sources every quote."""
    from mbc_cli import kb, query
    from mbc_cli.render import validation

    _answer(lambda: validation.summary(query.summary(kb.load(path, sources_dir=sources)), quotes_checked=bool(sources)))


def main() -> None:
    """Run the mbc command line."""
    app()
