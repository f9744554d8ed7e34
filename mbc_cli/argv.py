"""A command line read before Typer parses it: the command it asks for, and whether it asks for JSON.

Both are needed before parsing: only the command asked for is built (Typer builds all of them),
and a usage error found while parsing is also written as JSON when the command line asks for it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence


def asks_for_json(args: Sequence[str]) -> bool:
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


def command_named(args: Sequence[str]) -> str | None:
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


HELP_FLAGS = frozenset({"-h", "--help"})


def front_door(args: Sequence[str], commands: Sequence[str]) -> list[str]:
    """A command line as mbc runs it: `mbc help [COMMAND]` as `mbc [COMMAND] --help`, and a sentence typed straight
    after `mbc` (`mbc i have headaches and feel sick`) as the question it is: `mbc ask --answered-as ...`.

    A first word that is no command but close to one (`sit`, `symtom`) is left as it is: the command line then
    says which command it is close to. mbc's own options before it (`--kb`, `--json`) stay where they are.
    """
    words = list(args)
    first = _first_word(words)
    if first is None or os.environ.get("_MBC_COMPLETE"):
        return words
    name = words[first]
    if name == "help":
        return [*words[:first], *words[first + 1 : first + 2], "--help"]
    if name in commands or close_command(name, commands) is not None:
        return words
    return [*words[:first], "ask", "--answered-as", *words[first:]]


def _first_word(words: Sequence[str]) -> int | None:
    """Where the first word that is not one of mbc's own options stands, if there is one."""
    value_next = False
    for index, arg in enumerate(words):
        if value_next:
            value_next = False
        elif arg == "--kb":
            value_next = True
        elif arg == "--" or arg in HELP_FLAGS or arg in ("--version", "--install-completion", "--show-completion"):
            return None
        elif not arg.startswith("-"):
            return index
    return None


def close_command(name: str, commands: Sequence[str]) -> str | None:
    """The command a mistyped name is one slip from (two for a long one), as git suggests: `sit` is site."""
    from mbc_cli.understand.spelling import edits

    word = name.casefold()
    allowed = 1 if len(word) < 6 else 2
    found = sorted((edits(word, command, allowed), command) for command in commands if command[:1] == word[:1])
    return found[0][1] if found and found[0][0] <= allowed else None


def as_typed(args: Sequence[str]) -> str:
    """The command line as the user typed it (a question asked from the front door without its `ask
    --answered-as`), quoted for a shell: `mbc validate my-kb --sources ../shared/sources`."""
    import shlex

    words = list(args)
    first = _first_word(words)
    if first is not None and words[first : first + 2] == ["ask", "--answered-as"]:  # as front_door wrote it
        del words[first : first + 2]
    return shlex.join(["mbc", *words])
