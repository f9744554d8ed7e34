"""Where answers go: the two consoles, the streams made safe for any answer, and what a failed write means.

The only code that writes. It decides no exit code: a reader that left raises BrokenPipeError, and an
output that cannot be written raises OutputError; the command line turns each into its exit code.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import suppress
from functools import cache
from typing import TYPE_CHECKING, Any

from mbc_cli.errors import OutputError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

MIN_WIDTH = 20
"""The narrowest output mbc lays out: below it (COLUMNS=1, or 0, where Rich printed nothing at all)
lines are written 20 wide and the terminal wraps them."""


@cache
def _console(stderr: bool) -> Console:
    """The console for stdout (or stderr), made when first needed: a completion request never imports Rich."""
    from rich.console import Console, ConsoleDimensions

    class _Console(Console):
        """A Rich console that never lays out narrower than MIN_WIDTH, and stops writing on a closed pipe."""

        @property
        def size(self) -> ConsoleDimensions:
            size = super().size
            return ConsoleDimensions(max(MIN_WIDTH, size.width), size.height)

        @size.setter
        def size(self, new_size: tuple[int, int]) -> None:
            Console.size.fset(self, new_size)  # type: ignore[attr-defined]

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _Console(stderr=stderr, highlight=False)


def out() -> Console:
    """The console of the answers: standard output."""
    return _console(False)


def err() -> Console:
    """The console of the messages: standard error."""
    return _console(True)


def unicode(stream: Any) -> bool:
    """Whether `stream` can show any character (UTF-8 or another Unicode encoding)."""
    return str(getattr(stream, "encoding", "") or "").lower().replace("-", "").startswith("utf")


def prepare_streams() -> None:
    """Make stdout and stderr safe for any answer, whatever the environment:

    - Under PYTHONUNBUFFERED (python -u), stdout writes straight to the file, and a write that a
      closing pipe cuts short is no error: the rest of the answer was dropped with exit 0. A
      buffered writer finishes every write, or raises BrokenPipeError (exit 141).
    - On an output that cannot encode every character (PYTHONIOENCODING=ascii, a Latin-1 locale),
      the others are written as escapes (\\u2022) instead of failing halfway through an answer.
    - A closed standard output (`mbc site bone >&-`, where Python has no sys.stdout) is an error,
      as for other tools, not an answer silently dropped.
    """
    stdout = sys.stdout
    if stdout is None:
        raise OutputError("Cannot write the answer: standard output is closed.")
    if isinstance(stdout, io.TextIOWrapper) and isinstance(stdout.buffer, io.RawIOBase):
        encoding, errors = stdout.encoding, stdout.errors
        stdout.flush()
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(stdout.detach()), encoding=encoding, errors=errors)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict" and not unicode(stream):
            with suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def show(answer: RenderableType | str) -> None:
    """Write an answer to stdout: text already rendered (JSON, Markdown) as it is, anything else through Rich.

    BrokenPipeError when the reader has left; OutputError when stdout cannot be written (a full disk).
    """
    try:
        if isinstance(answer, str):
            sys.stdout.write(answer)
            sys.stdout.flush()
        else:
            console = out()
            console.print(answer)
            console.file.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence(sys.stdout)
        raise OutputError(f"Cannot write the answer: {error.strerror or error}.") from None


def say(message: RenderableType) -> None:
    """Write a message to stderr, never cut: on a terminal, wrapped at word boundaries to its width, as the answers
    are; elsewhere (a log, a pipe) one line a line, as it is."""
    console = err()
    console.print(message, soft_wrap=not console.is_terminal)


def silence(stream: Any) -> None:
    """Point an output that can no longer be written at /dev/null, so that nothing more fails at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):  # no file descriptor: a test's capture, which cannot close
        pass
