"""The mbc command line: parse options, ask a query, render the answer, and choose every exit code.

What is written goes through `terminal`, the only module that writes.

Every failure leaves through `_Group`, whatever raised it: a question mbc cannot answer
(MbcError), a command line it cannot read (Click's usage errors), or a bug. Each is shown on
stderr as literal text, with its exit code; with --json, stdout also gets a JSON error document.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from mbc_cli import __version__, complete, terminal
from mbc_cli.errors import ENV_DEBUG, EXIT_BUG, EXIT_CLOSED_PIPE, EXIT_INTERRUPTED, MbcError, OutputError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mbc_cli.model import KnowledgeBase
    from mbc_cli.render.answers import Context
    from mbc_cli.render.document import Document

_ClickException: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
"""Click's base for the errors it shows the user (inside Typer since 0.28, the click package before)."""
_chosen: dict[str, Path | None] = {"kb": None}
"""The knowledge base chosen with --kb (or $MBC_KB), for the command that runs."""
_wants_json = {"json": False}
"""Whether this run answers in JSON, so that a failure is also written as JSON on stdout."""


class _Group(TyperGroup):
    """mbc's command group: reads the command line and runs the command, reporting every failure one way."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        _wants_json["json"] = _asks_for_json(args)
        with _reported():
            terminal.prepare_streams()
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _reported():
            return super().invoke(ctx)

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        """Answer bash's completion requests with values quoted as bash needs them; other shells as Typer does."""
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(var) == "complete_bash":
            answer = complete.for_bash(self, ctx_args, prog_name, var)  # may replace sys.stdout (make_context)
            with _reported():
                terminal.show(answer + "\n")
            raise SystemExit(0)
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


@contextmanager
def _reported() -> Iterator[None]:
    """Turn whatever a command raises into a message on stderr (and JSON on stdout) and an exit code."""
    try:
        yield
    except MbcError as failure:
        from mbc_cli.render import json, messages

        _fail(messages.error(failure), partial(json.error, failure), failure.exit_code)
    except _ClickException as failure:
        _usage_failed(failure)
    except KeyboardInterrupt:  # Click would print "Aborted!" and exit 1
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except (typer.Exit, typer.Abort, EOFError):
        raise
    except BrokenPipeError:  # whoever read the answer has left: end quietly, as the shell reports it
        terminal.silence(sys.stdout)
        raise typer.Exit(EXIT_CLOSED_PIPE) from None
    except Exception as bug:
        if os.environ.get(ENV_DEBUG):
            raise
        from mbc_cli.render import json, messages

        report = messages.bug(bug)
        _fail(report, partial(json.failed, EXIT_BUG, "bug", report.plain), EXIT_BUG)


def _usage_failed(failure: Any) -> NoReturn:
    """Show a usage error as Click would (usage line, hint, message), every line literal."""
    from mbc_cli.render import json, messages

    shown = io.StringIO()
    failure.show(file=shown)
    code = int(failure.exit_code)
    message = failure.format_message()
    _fail(messages.lines(shown.getvalue().splitlines()), partial(json.failed, code, "usage", message), code)


def _fail(message: RenderableType, as_json: Callable[..., str], code: int) -> NoReturn:
    """Print `message` on stderr (with JSON answers, also `as_json(ascii_only=...)` on stdout); exit with `code`."""
    terminal.say(message)
    if _wants_json["json"] and sys.stdout is not None:
        try:
            terminal.show(as_json(ascii_only=not terminal.unicode(sys.stdout)) + "\n")
        except BrokenPipeError:
            terminal.silence(sys.stdout)
            raise typer.Exit(EXIT_CLOSED_PIPE) from None
        except OutputError:  # nowhere to write it: the message on stderr says why
            pass
    raise typer.Exit(code)


def _asks_for_json(args: Sequence[str]) -> bool:
    """Whether a command line asks for JSON, read before (or without) parsing it: for its usage errors."""
    value_next = False
    for index, arg in enumerate(args):
        if value_next:  # the value of an option, whatever it looks like: `--format --format=json` is no JSON
            value_next = False
        elif arg == "--":
            return False
        elif arg in ("--json", "--format=json", "-fjson") or (
            arg in ("--format", "-f") and args[index + 1 : index + 2] == ["json"]
        ):
            return True
        elif arg in _TAKES_A_VALUE:
            value_next = True
    return False


_TAKES_A_VALUE = frozenset({"--format", "-f", "--kb", "--site", "--sources"})
"""mbc's options that take the next word as their value."""


app = typer.Typer(
    name="mbc",
    cls=_Group,
    help=(
        "Answers about metastatic breast cancer, every line cited to a trusted source. "
        "mbc informs; it does not diagnose or advise: talk to your care team."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
)


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
EvidenceOption = Annotated[
    bool, typer.Option("--evidence", help="Under each line, the exact words of each source it cites.")
]


def _words_given(value: Any) -> Any:
    """Refuse a name with no words in it ("", "  ", "!!") as a usage error: there is nothing to look up.

    Of several terms, one with words is enough: `mbc symptom headache ""` answers for headache.
    """
    from mbc_cli.names import name_key
    from mbc_cli.printable import visible

    given = [value] if isinstance(value, str) else list(value or ())
    if given and not any(name_key(text) for text in given):
        shown = " ".join(f'"{visible(text)}"' for text in given)
        raise typer.BadParameter(f"{shown} has no words to look up.")
    return value


SiteOption = Annotated[
    str | None,
    typer.Option(
        "--site",
        help="Only what applies to this site, e.g. bone.",
        show_default=False,
        autocompletion=complete.SITES,
        callback=_words_given,
    ),
]


def _ask(
    build: Callable[[KnowledgeBase, Context], Document], fmt: Format, as_json: bool, *, evidence: bool = False
) -> None:
    """Load the knowledge base, build the answer's document and render it in the chosen format.

    With `evidence`, each line is followed by the quotes it cites (JSON always carries them).
    """

    from mbc_cli import query
    from mbc_cli.kb import cache
    from mbc_cli.render.answers import Context

    chosen = Format.json if as_json else fmt
    _wants_json["json"] = chosen is Format.json
    knowledge = cache.open_kb(_chosen["kb"])
    document = build(knowledge, Context(knowledge.sources, query.advice(knowledge)))
    if evidence and chosen is not Format.json:
        from mbc_cli.render.document import with_quotes

        document = with_quotes(document)
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


def _version(value: bool) -> None:
    if value:
        terminal.show(f"mbc {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    kb: Annotated[
        str | None,
        typer.Option(
            "--kb",
            envvar="MBC_KB",
            metavar="FOLDER",
            help="Use the knowledge base in this folder (laid out like mbc's data/) instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show mbc's version and stop."),
    ] = False,
) -> None:
    """Answers about metastatic breast cancer, every line cited to a trusted source."""
    # Paths are taken as text and checked by mbc, which reports any it cannot use as a knowledge-base problem.
    _chosen["kb"] = None if kb is None else Path(kb)


@app.command()
def validate(
    path: Annotated[
        str | None,
        typer.Argument(
            help="A knowledge-base folder laid out like mbc's data/. Default: the one mbc ships with.",
            metavar="[FOLDER]",
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources", metavar="FOLDER", help="Also check every quote against the source snapshots in this folder."
        ),
    ] = None,
) -> None:
    """Check a knowledge base: its files, ids and references, and with --sources every quote."""
    from mbc_cli import query
    from mbc_cli.kb import load, locate
    from mbc_cli.render import validation

    folder = locate.folder(Path(path) if path is not None else _chosen["kb"])
    snapshots = None if sources is None else Path(sources)
    terminal.show(
        validation.summary(query.summary(load.load(folder, sources_dir=snapshots)), quotes_checked=bool(sources))
    )


@app.command()
def site(
    name: Annotated[
        str,
        typer.Argument(
            help="A site, or a place within one: bone, lungs, liver, brain, spine...",
            autocompletion=complete.SITES,
            callback=_words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What spread to a site can cause, how it is found, and how it is treated."""
    from mbc_cli import query
    from mbc_cli.render import answers

    _ask(lambda kb, context: answers.site(query.by_site(kb, name), context), fmt, as_json, evidence=evidence)


@app.command()
def sites(fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """Where metastatic breast cancer spreads, most common first, with how often."""
    from mbc_cli import query
    from mbc_cli.render import answers

    _ask(lambda kb, context: answers.sites(query.all_sites(kb), context), fmt, as_json)


@app.command()
def symptom(
    terms: Annotated[
        list[str],
        typer.Argument(
            help='One or more symptoms in your own words; quote several words: "yellow skin".',
            autocompletion=complete.SYMPTOMS,
            callback=_words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Which sites of spread can cause these symptoms, ranked, and why."""
    from mbc_cli import query
    from mbc_cli.render import answers, messages

    def build(kb: KnowledgeBase, context: Context) -> Document:
        answer = query.by_symptoms(kb, terms)
        for match in answer.matches:
            if not match.symptoms:
                terminal.say(messages.unmatched(match))
        return answers.symptom(answer, context)

    _ask(build, fmt, as_json, evidence=evidence)


@app.command()
def symptoms(fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """Every symptom the sources name, and the sites it points to."""
    from mbc_cli import query
    from mbc_cli.render import answers

    _ask(lambda kb, context: answers.symptoms(query.all_symptoms(kb), context), fmt, as_json)


@app.command()
def treatments(
    subtype: Annotated[
        list[str] | None,
        typer.Argument(
            help='The subtype in words, instead of or beside the flags: her2+, "triple negative", er-positive.',
            metavar="[SUBTYPE]...",
            show_default=False,
        ),
    ] = None,
    her2_positive: Annotated[bool, typer.Option("--her2-positive", help="The cancer is HER2-positive.")] = False,
    her2_negative: Annotated[bool, typer.Option("--her2-negative", help="The cancer is HER2-negative.")] = False,
    hr_positive: Annotated[
        bool, typer.Option("--hr-positive", help="The cancer is hormone-receptor (ER/PR) positive.")
    ] = False,
    hr_negative: Annotated[
        bool, typer.Option("--hr-negative", help="The cancer is hormone-receptor (ER/PR) negative.")
    ] = False,
    triple_negative: Annotated[
        bool, typer.Option("--triple-negative", help="The cancer is triple-negative (HR-negative and HER2-negative).")
    ] = False,
    brca: Annotated[bool, typer.Option("--brca", help="The cancer has a BRCA1 or BRCA2 mutation.")] = False,
    site: SiteOption = None,
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Treatments that fit the cancer's subtype (and site), each with what it aims to do and its drugs."""
    from mbc_cli import query
    from mbc_cli.render import answers

    def build(kb: KnowledgeBase, context: Context) -> Document:
        said = query.subtype_flags(" ".join(subtype or ()))
        hr = query.status(
            "hr", positive=hr_positive or "hr_positive" in said, negative=hr_negative or "hr_negative" in said
        )
        her2 = query.status(
            "her2", positive=her2_positive or "her2_positive" in said, negative=her2_negative or "her2_negative" in said
        )
        fit = query.profile(
            hr_positive=hr,
            her2_positive=her2,
            triple_negative=triple_negative or "triple_negative" in said,
            brca=brca or "brca" in said,
        )
        return answers.treatments(query.treatments_for(kb, profile=fit, site=site), context)

    _ask(build, fmt, as_json, evidence=evidence)


@app.command()
def tests(
    site: SiteOption = None,
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Tests used to find where breast cancer has spread, what each shows, and which sites."""
    from mbc_cli import query
    from mbc_cli.render import answers

    _ask(lambda kb, context: answers.tests(query.tests_for(kb, site=site), context), fmt, as_json, evidence=evidence)


@app.command()
def stats(evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """How many people live how long, how often cancer comes back or spreads: every figure, with its source."""
    from mbc_cli import query
    from mbc_cli.render import reference

    _ask(lambda kb, context: reference.stats(query.statistics(kb), context), fmt, as_json, evidence=evidence)


@app.command()
def term(
    words: Annotated[
        list[str],
        typer.Argument(
            help="A word or phrase, e.g. oligometastatic, de novo, palliative care.",
            autocompletion=complete.TERMS,
            callback=_words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What a word means, in the sources' own words: metastatic, oligometastatic, hospice..."""
    from mbc_cli import query
    from mbc_cli.render import reference

    word = " ".join(words)
    _ask(lambda kb, context: reference.term(query.term_named(kb, word), context), fmt, as_json, evidence=evidence)


@app.command()
def terms(evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """Every word the sources explain, with what it means."""
    from mbc_cli import query
    from mbc_cli.render import reference

    _ask(lambda kb, context: reference.terms(query.all_terms(kb), context), fmt, as_json, evidence=evidence)


@app.command()
def drug(
    names: Annotated[
        list[str],
        typer.Argument(
            help="A drug's generic or brand name, e.g. trastuzumab or Herceptin.",
            autocompletion=complete.DRUGS,
            callback=_words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What a drug is, whom it is for and the treatment it belongs to, by generic or brand name."""
    from mbc_cli import query
    from mbc_cli.render import reference

    name = " ".join(names)
    _ask(lambda kb, context: reference.drug(query.drug_named(kb, name), context), fmt, as_json, evidence=evidence)


@app.command()
def drugs(evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """Every drug the sources name: generic and brand names, what it is, whom it is for."""
    from mbc_cli import query
    from mbc_cli.render import reference

    _ask(lambda kb, context: reference.drugs(query.all_drugs(kb), context), fmt, as_json, evidence=evidence)


@app.command()
def sources(fmt: FormatOption = Format.table, as_json: JsonOption = False) -> None:
    """Where mbc's answers come from: each source, its dates and licence, and how much of mbc it supports."""
    from mbc_cli import query
    from mbc_cli.render import reference

    _ask(lambda kb, context: reference.sources(query.summary(kb), context), fmt, as_json)


@app.command()
def search(
    words: Annotated[
        list[str],
        typer.Argument(help='Words to look for, e.g. "five year survival" or Kadcyla.', callback=_words_given),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Look for words in everything mbc knows, best match first, with the command that shows each in full."""
    from mbc_cli import query
    from mbc_cli.render import reference

    text = " ".join(words)
    _ask(lambda kb, context: reference.search(query.search(kb, text), context), fmt, as_json, evidence=evidence)


@app.command()
def ask(
    words: Annotated[
        list[str],
        typer.Argument(
            help='A question in your own words, e.g. "is it curable?" or "how is spread found".', callback=_words_given
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Ask a question in your own words: the answer in the sources' words, or the command that answers it."""
    from mbc_cli.query.ask import ask as answer_question
    from mbc_cli.render.ask import ask as render_answer

    question = " ".join(words)
    _ask(lambda kb, context: render_answer(answer_question(kb, question), context), fmt, as_json, evidence=evidence)


def main() -> None:
    """Run the mbc command line."""
    named = _command_named(sys.argv[1:])
    chosen = [info for info in app.registered_commands if _name_of(info) == named]
    if chosen:  # Typer builds every command it holds: only the one asked for need be built (5 ms of 15)
        app.registered_commands = chosen
    app()


def _name_of(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _command_named(args: Sequence[str]) -> str | None:
    """The command a command line asks for, read before it is parsed: its first word that is not one of
    mbc's own options. None for a completion request, or --help and the like, which need every command."""
    if os.environ.get("_MBC_COMPLETE"):
        return None
    value_next = False
    for arg in args:
        if value_next:
            value_next = False
        elif arg == "--kb":
            value_next = True
        elif arg in ("--help", "--version", "--install-completion", "--show-completion", "--"):
            return None
        elif not arg.startswith("-"):
            return arg
    return None
