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


COMMANDS = ["ask", "symptom", "site", "treatments", "sites", "tests", "term", "validate"]


@pytest.mark.parametrize(
    ("args", "run"),
    [
        (["i", "have", "headaches"], ["ask", "--answered-as", "i", "have", "headaches"]),
        (["is it curable?"], ["ask", "--answered-as", "is it curable?"]),
        (["--kb", "data", "what", "is", "hospice"], ["--kb", "data", "ask", "--answered-as", "what", "is", "hospice"]),
        (["--json", "how", "long"], ["--json", "ask", "--answered-as", "how", "long"]),
        (["help"], ["--help"]),
        (["help", "site"], ["site", "--help"]),
        (["site", "bone"], ["site", "bone"]),
        (["sit", "bone"], ["sit", "bone"]),  # one slip from a command: the command line suggests it
        (["--help"], ["--help"]),
        ([], []),
    ],
)
def test_a_sentence_after_mbc_is_asked_and_help_is_a_command(args: list[str], run: list[str]) -> None:
    assert argv.front_door(args, COMMANDS) == run


def test_a_completion_request_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MBC_COMPLETE", "complete_bash")
    assert argv.front_door(["i", "have"], COMMANDS) == ["i", "have"]


@pytest.mark.parametrize(
    ("name", "close"),
    [("sit", "site"), ("symtom", "symptom"), ("treatmnets", "treatments"), ("Site", "site"), ("i", None)],
)
def test_a_mistyped_command_is_one_slip_from_one(name: str, close: str | None) -> None:
    assert argv.close_command(name, COMMANDS) == close


@pytest.mark.parametrize("word", ["what", "is", "my", "can", "how", "does", "tired", "pain", "scan"])
def test_the_first_word_of_a_question_is_never_taken_for_a_command(word: str) -> None:
    assert argv.close_command(word, COMMANDS) is None


@pytest.mark.parametrize(
    ("args", "typed"),
    [
        (["ask", "--answered-as", "is", "it", "curable"], "mbc is it curable"),
        (["--kb", "my kb", "ask", "--answered-as", "what"], "mbc --kb 'my kb' what"),
        (["validate", "kb", "--sources", "../shared/sources"], "mbc validate kb --sources ../shared/sources"),
        (["drug", "--", "--answered-as"], "mbc drug -- --answered-as"),  # found by fuzzing: a name, not the flag
        (["ask", "--", "--answered-as"], "mbc ask -- --answered-as"),
    ],
)
def test_a_command_line_is_repeated_as_it_was_typed(args: list[str], typed: str) -> None:
    assert argv.as_typed(args) == typed
