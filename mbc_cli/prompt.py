"""`mbc` typed alone on a terminal: a prompt where questions are asked one after another.

Each line is answered as `mbc ask` answers it; a line that begins with a command (`site bone`,
`treatments her2+`) runs that command. Line editing and history come from the standard library's
readline; the history is kept in mbc's cache folder between sessions. `help` shows what can be
typed, `quit`, `exit` or Ctrl-D leave, and Ctrl-C clears the line being typed.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from mbc_cli import terminal

GREETING = """mbc: ask about metastatic breast cancer, in your own words. Every answer is cited to its source.
mbc informs; it does not diagnose or advise: talk to your care team.
Type a question (is it curable?), a command (site bone, treatments her2+), help, or quit (or Ctrl-D).
"""
HELP = """Type a question in your own words, and press Enter:
  is it curable?
  i have headaches and feel sick, what does it mean
  what tests find spread to the liver
Or a command, as after mbc on the command line:
  symptom yellow skin        site bone        treatments her2+        term de novo
  sites   symptoms   tests   stats   terms   drugs   sources   search WORDS
quit, exit or Ctrl-D leave; Ctrl-C clears the line.
"""
LEAVE = frozenset({"quit", "exit", "q", "bye"})
HISTORY = 1000
"""Lines of history kept between sessions."""


def interactive() -> bool:
    """Whether mbc runs on a terminal, reading and writing: then, typed alone, it opens a prompt."""
    return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()


def run(app: Any, read: Callable[[str], str] = input) -> None:
    """Ask for questions until the person leaves, answering each as `mbc ask` (or the command typed) would."""
    history = _open_history()
    terminal.show(_lines(GREETING))
    commands = {str(info.name or info.callback.__name__) for info in app.registered_commands}
    try:
        while True:
            try:
                line = read("mbc> ").strip()
            except KeyboardInterrupt:  # clears the line, as a shell does
                terminal.show("\n")
                continue
            except EOFError:
                terminal.show("\n")
                return
            if not line:
                continue
            if line.casefold() in LEAVE:
                return
            if line.casefold() in ("help", "?"):
                terminal.show(_lines(HELP))
                continue
            _answer(app, _arguments(line, commands))
    finally:
        _save_history(history)


def _lines(text: str) -> Any:
    """mbc's own text, line by line, wrapped at word boundaries to the terminal's width."""
    from rich.console import Group
    from rich.text import Text

    return Group(*(Text(line) for line in text.splitlines()))


def _arguments(line: str, commands: set[str]) -> list[str]:
    """A line as a command line: a command with its words (quotes group words, as in a shell), else a question."""
    try:
        words = shlex.split(line)
    except ValueError:  # an unmatched quote: the line is a question, whatever it holds
        words = []
    if words and words[0] in commands:
        return words
    return ["ask", line]


def _answer(app: Any, args: list[str]) -> None:
    """Run one command line as mbc would, and come back to the prompt whatever it ends with."""
    try:
        app(args=args, prog_name="mbc", standalone_mode=True)
    except SystemExit:  # every answer and every failure ends with one: the prompt goes on
        pass
    except KeyboardInterrupt:
        terminal.show("\n")


def _open_history() -> Path | None:
    """Turn on line editing and load the history, if readline can be had (not on every platform)."""
    try:
        import readline
    except ImportError:
        return None
    from mbc_cli.kb.cache import cache_folder

    path = cache_folder() / "history"
    with suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(HISTORY)
    return path


def _save_history(path: Path | None) -> None:
    if path is None:
        return
    import readline

    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(path)
