"""How every run of mbc ends when something fails: a message on stderr, JSON on stdout for --json, an exit code.

Every failure leaves through `Group`, whatever raised it: a question mbc cannot answer
(MbcError), a command line it cannot read (Click's usage errors), an interrupt, a closed pipe,
or a bug. Each is shown on stderr as literal text, with its exit code; with --json, stdout also
gets a JSON error document. This and the commands are the only code that chooses an exit code.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from mbc_cli import complete, terminal
from mbc_cli.argv import as_typed, asks_for_json
from mbc_cli.errors import ENV_DEBUG, EXIT_BUG, EXIT_CLOSED_PIPE, EXIT_INTERRUPTED, MbcError, OutputError

if TYPE_CHECKING:
    from rich.console import RenderableType


class Run:
    """What one run of mbc has chosen so far: the root context's `obj`, read by the commands and by failures."""

    __slots__ = ("args", "json", "kb")

    def __init__(self, *, json: bool = False, kb: Path | None = None, args: tuple[str, ...] = ()) -> None:
        self.json = json
        """Whether it answers in JSON, so that a failure is also written as JSON on stdout."""
        self.kb = kb
        """The knowledge base chosen with --kb (or $MBC_KB); None for the bundled one."""
        self.args = args
        """The command line, after `mbc`: a failure that asks for another try repeats it."""


_ClickException: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
"""Click's base for the errors it shows the user (inside Typer since 0.28, the click package before)."""


COMMANDS = (
    "ask",
    "symptom",
    "site",
    "treatments",
    "sites",
    "symptoms",
    "tests",
    "stats",
    "term",
    "terms",
    "drug",
    "drugs",
    "search",
    "sources",
    "visit",
    "validate",
)
"""mbc's commands in the order a patient needs them: a question first, then symptoms, a site, treatments, then
the reference commands, and checking a knowledge base last."""


class Command(TyperCommand):
    """A command whose usage line names its arguments as people write them: `mbc site SITE` (Typer 0.28 writes a
    required argument in braces, `{SITE}`, which a newcomer would copy)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces: list[str] = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


class Group(TyperGroup):
    """mbc's command group: reads the command line and runs the command, reporting every failure one way."""

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands in COMMANDS order, for --help; any other after them."""
        known = [name for name in COMMANDS if name in self.commands]
        return [*known, *(name for name in self.commands if name not in known)]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command a command line names; a mistyped one gets the command it is close to, as git says it."""
        if args and self.get_command(ctx, args[0]) is None and not ctx.resilient_parsing:
            from mbc_cli.argv import close_command

            close = close_command(args[0], list(self.commands))
            if close is not None:
                ctx.fail(f"No command '{args[0]}'. Did you mean: {' '.join(['mbc', close, *args[1:]])}?")
        return super().resolve_command(ctx, args)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        run = extra.setdefault("obj", Run(json=asks_for_json(args), args=tuple(args)))
        with _reported(run):
            terminal.prepare_streams()
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _reported(ctx.obj):
            return super().invoke(ctx)

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        """Answer bash's completion requests with values quoted as bash needs them; other shells as Typer does."""
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(var) == "complete_bash":
            answer = complete.for_bash(self, ctx_args, prog_name, var)  # may replace sys.stdout (make_context)
            if answer is None:  # a folder: bash completes file names (mbc's script asks it to, on this code)
                raise SystemExit(complete.FILES)
            with _reported(Run()):
                terminal.show(f"{answer}\n" if answer else "")
            raise SystemExit(0)
        from typer._completion_classes import completion_init  # zsh's, fish's, PowerShell's: as Typer answers

        completion_init()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


@contextmanager
def _reported(run: Run) -> Iterator[None]:
    """Turn whatever a command raises into a message on stderr (and JSON on stdout) and an exit code."""
    try:
        yield
    except MbcError as failure:
        from mbc_cli.render import json, messages

        _fail(run, messages.error(failure, as_typed(run.args)), partial(json.error, failure), failure.exit_code)
    except _ClickException as failure:
        _usage_failed(run, failure)
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
        _fail(run, report, partial(json.failed, EXIT_BUG, "bug", report.plain), EXIT_BUG)


def _usage_failed(run: Run, failure: Any) -> NoReturn:
    """Show a usage error as Click would (usage line, hint, message), every line literal."""
    from mbc_cli.render import json, messages

    shown = io.StringIO()
    failure.show(file=shown)
    code = int(failure.exit_code)
    message = failure.format_message()
    _fail(run, messages.lines(shown.getvalue().splitlines()), partial(json.failed, code, "usage", message), code)


def _fail(run: Run, message: RenderableType, as_json: Callable[..., str], code: int) -> NoReturn:
    """Print `message` on stderr (with JSON answers, also `as_json(ascii_only=...)` on stdout); exit with `code`."""
    terminal.say(message)
    if run.json and sys.stdout is not None:
        try:
            terminal.show(as_json(ascii_only=not terminal.unicode(sys.stdout)) + "\n")
        except BrokenPipeError:
            terminal.silence(sys.stdout)
            raise typer.Exit(EXIT_CLOSED_PIPE) from None
        except OutputError:  # nowhere to write it: the message on stderr says why
            pass
    raise typer.Exit(code)
