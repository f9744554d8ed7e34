"""The command line read before Typer parses it: which command, and whether JSON."""

from __future__ import annotations

import pytest

from mbc_cli import argv


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["site", "bone"], "site"),
        (["--kb", "data", "symptom", "x"], "symptom"),
        (["--kb=data", "treatments", "--her2-positive"], "treatments"),
        (["--help"], None),
        (["--version"], None),
        ([], None),
        (["--kb", "site"], None),
    ],
)
def test_the_command_asked_for_is_read_before_parsing(args: list[str], named: str | None) -> None:
    """Only that command is built (the others cost 5 ms); --help and the like need them all."""
    assert argv.command_named(args) == named


@pytest.mark.parametrize(
    ("args", "json"),
    [
        (["site", "bone", "--json"], True),
        (["site", "bone", "--format", "json"], True),
        (["site", "bone", "-fjson"], True),
        (["--format", "--format=json"], False),
        (["site", "--", "--json"], False),
        (["--kb", "--json", "site", "bone"], False),
        (["site", "bone"], False),
    ],
)
def test_a_request_for_json_is_read_before_parsing(args: list[str], json: bool) -> None:
    """A usage error found while parsing is written as JSON too, when the command line asks for it."""
    assert argv.asks_for_json(args) is json
