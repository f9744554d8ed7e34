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
