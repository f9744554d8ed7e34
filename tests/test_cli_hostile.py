"""Any input, every command: a calm answer or message, the right exit code, never a traceback.

Hypothesis drives each command through CliRunner with hostile text as names, terms and option
values: control characters and terminal escape sequences, Rich markup and emoji codes,
right-to-left and zero-width marks, lone surrogates (what Python makes of arguments that are not
UTF-8), empty and blank strings, and real names mixed with all of these. Whatever comes in:

- the exit code is 0, 1 or 2 (and the run raised nothing but its exit);
- nothing unprintable reaches stdout or stderr: no escape code, no raw control character;
- with --json, stdout is one JSON document: the answer, or {"error": ...} with the exit code;
- a name that is not found is echoed back literally: markup as typed, controls as escapes (\\x1b).

Ten-thousand-character inputs are checked by name in `test_very_long_input_is_answered_with_bounded_work`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from mbc_cli.cli import app
from mbc_cli.printable import visible

from .fuzzing import work_budget
from .work import within

runner = CliRunner()

SHARE = 5
"""Each test gets 1/SHARE of the profile's examples per command: 20 in the suite, 200 when fuzzing."""
EXAMPLES = max(10, settings.default.max_examples // SHARE)
FEW = max(5, EXAMPLES // 3)
"""For the costly runs: a search renders every entry holding a word; a run without -- tries five commands."""
HOSTILE = (
    "",
    " ",
    "   ",
    "\t",
    "\n",
    "[bold]",
    "[/]",
    "[/bold]",
    "[bold red]bone[/]",
    "[link=https://example.org]x[/link]",
    ":warning:",
    ":smile:",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x07",
    "\x00",
    "\x7f",
    "\r",
    "\u202e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\udcff",
    "e\u0301",
    "\uff42\uff4f\uff4e\uff45",  # full-width "bone"
    "İ",
    "ß",
    "\U0001f600",
    "%s",
    "{}",
    "\\",
    "'",
    '"',
    "--",
    "-",
    "bone",
    "Bones",
    "headache",
    "yellow skin",
    "Kadcyla",
    "metastatic",
)
"""Pieces that have broken terminal programs before, and real names for them to hide in."""

piece = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8), st.characters(categories=["Cc", "Cf", "Cs", "Zl"]))
hostile = st.one_of(st.lists(piece, max_size=6).map("".join), st.text(max_size=60))
"""Arbitrary Unicode, mostly built from the hostile pieces."""
terms = st.lists(hostile, min_size=1, max_size=4)


@dataclass(frozen=True)
class Command:
    """A command with one place for the user's text."""

    name: str
    args: Callable[[str], list[str]]


COMMANDS = (
    Command("site", lambda text: ["site", "--", text]),
    Command("term", lambda text: ["term", "--", text]),
    Command("drug", lambda text: ["drug", "--", text]),
    Command("ask", lambda text: ["ask", "--", text]),
    Command("treatments --site", lambda text: ["treatments", f"--site={text}"]),
    Command("tests --site", lambda text: ["tests", "--site", text]),
)
LISTINGS = ("sites", "symptoms", "stats", "terms", "drugs", "sources", "treatments", "tests")
"""Commands without a name to look up: their option values are still the user's text."""


def check(result: Result, *, as_json: bool | None, allowed: frozenset[int] = frozenset({0, 1, 2})) -> None:
    """What every run must satisfy, whatever it was given. `as_json` None: JSON or not, either may be right."""
    shown = f"exit {result.exit_code}\nstdout: {result.stdout[:500]!r}\nstderr: {result.stderr[:500]!r}"
    assert result.exit_code in allowed, shown
    assert result.exception is None or isinstance(result.exception, SystemExit), shown
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, shown
        unprintable = {char for char in stream if not char.isprintable() and char != "\n"}
        assert not unprintable, f"{unprintable!r} reached the output\n{shown}"
    if as_json is None:
        as_json = result.stdout.startswith("{")
    if as_json:
        document = json.loads(result.stdout_bytes.decode("utf-8"))
        if result.exit_code == 0:
            assert {"query", "results", "advice", "sources"} <= set(document), shown
        else:
            assert document["error"]["code"] == result.exit_code, shown
    elif result.exit_code != 0:
        assert result.stdout == "", shown
        assert result.stderr, shown


def surrogates_escaped(text: str) -> str:
    """What JSON gives back for text: the same, but a lone surrogate written as its escape (not UTF-8)."""
    return "".join(visible(char) if "\ud800" <= char <= "\udfff" else char for char in text)


def echoed(text: str, result: Result) -> None:
    """A name not found is in the message exactly as typed, controls shown as escapes."""
    if result.exit_code == 1:
        assert f'"{visible(text)}"' in result.stderr, result.stderr[:500]


@pytest.mark.fuzz
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
@settings(max_examples=EXAMPLES)
@given(text=hostile, as_json=st.booleans())
@example(text="[bold]bone[/bold]", as_json=False)
@example(text="\x1b[31mliver", as_json=False)
@example(text="\udcff", as_json=True)  # found: invalid UTF-8 on stdout
@example(text="\x7f", as_json=True)  # found: DEL (and C1 controls such as \x9b) raw inside JSON strings
@example(text="", as_json=True)
def test_any_name_gets_an_answer_or_a_message(command: Command, text: str, as_json: bool) -> None:
    name, *rest = command.args(text)
    result = runner.invoke(app, [name, *(["--json"] if as_json else []), *rest])
    check(result, as_json=as_json)
    echoed(text, result)


@pytest.mark.fuzz
@settings(max_examples=FEW)
@given(text=hostile, as_json=st.booleans())
@example(text="[bold]pain[/] :warning:", as_json=False)
@example(text="\x1b[31mKadcyla", as_json=True)
def test_any_search_finds_entries_or_says_nothing_matches(text: str, as_json: bool) -> None:
    result = runner.invoke(app, ["search", *(["--json"] if as_json else []), "--", text])
    check(result, as_json=as_json)
    echoed(text, result)


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES)
@given(given_terms=terms, as_json=st.booleans())
@example(given_terms=["headache", "\x1b[31m"], as_json=True)
@example(given_terms=["[bold]", ":warning:"], as_json=False)
@example(given_terms=["headache", "\udcff"], as_json=True)
def test_any_symptoms_get_sites_or_a_message(given_terms: list[str], as_json: bool) -> None:
    result = runner.invoke(app, ["symptom", *(["--json"] if as_json else []), "--", *given_terms])
    check(result, as_json=as_json)
    if as_json and result.exit_code == 0:
        assert json.loads(result.stdout)["query"]["terms"] == [surrogates_escaped(term) for term in given_terms]
    if result.exit_code == 1:
        for term in given_terms:
            assert f'No symptom "{visible(term)}".' in result.stderr


@pytest.mark.fuzz
@pytest.mark.parametrize("listing", LISTINGS)
@settings(max_examples=FEW)
@given(value=hostile)
@example(value="json")
@example(value="[bold]json[/]")
@example(value="--format=json")  # found by fuzzing: the value was read as the option, and JSON was written
def test_any_format_value_is_used_or_refused(listing: str, value: str) -> None:
    result = runner.invoke(app, [listing, "--format", value])
    known = value in ("table", "json", "markdown")
    check(result, as_json=value == "json", allowed=frozenset({0} if known else {2}))
    if not known:
        assert "Invalid value for '--format'" in result.stderr


@pytest.mark.fuzz
@settings(max_examples=FEW)
@given(words=st.lists(hostile, max_size=4), as_json=st.booleans())
@example(words=["--json"], as_json=False)
@example(words=["-f", "[bold]"], as_json=True)
@example(words=["--kb"], as_json=True)
def test_any_arguments_without_a_separator_are_read_or_refused(words: list[str], as_json: bool) -> None:
    """Text that looks like options (-x, --json, --kb) is taken as options: a usage error at worst."""
    for command in ("site", "symptom", "term", "search", "treatments"):
        args = [command, *words, *(["--json"] if as_json else [])]
        if "--help" in args or "--version" in args:
            continue
        result = runner.invoke(app, args)
        check(result, as_json=None, allowed=frozenset({0, 1, 2, 3}))
        if result.exit_code == 3:  # only an option value can name a knowledge base
            assert "--kb" in words and "The knowledge base at" in result.stderr


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES)
@given(path=hostile)
@example(path="\ud800")  # found: Typer's Path type raised UnicodeEncodeError from os.stat
@example(path="a\x00b")  # found: ValueError (embedded null byte) from os.stat
@example(path="")
def test_any_kb_path_is_checked_and_reported(path: str) -> None:
    result = runner.invoke(app, [f"--kb={path}", "site", "bone", "--json"])
    check(result, as_json=True, allowed=frozenset({0, 3}))
    if result.exit_code == 3:
        error = json.loads(result.stdout)["error"]
        assert error["reason"] == "knowledge_base"
        assert error["problems"]
    check(runner.invoke(app, ["validate", "--", path]), as_json=False, allowed=frozenset({0, 3}))


@pytest.mark.parametrize("path", ["\ud800", "a\x00b", "", "[bold]x", "\x1b[31m", "/nonexistent"], ids=repr)
def test_any_sources_path_is_checked_and_reported(path: str) -> None:
    """A --sources folder that is not there is a usage error, said in one line (with the path shown literally);
    a folder that holds no snapshot (the working folder, for "") is one problem, not one per quote."""
    result = runner.invoke(app, ["validate", f"--sources={path}"])
    check(result, as_json=False, allowed=frozenset({2, 3}))
    assert len(result.stderr.splitlines()) == (1 if result.exit_code == 2 else 3), result.stderr


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES)
@given(incomplete=hostile.filter(lambda text: "\x00" not in text and "\udcff" not in text), word=st.integers(1, 3))
def test_completion_of_any_text_prints_only_plain_lines(incomplete: str, word: int) -> None:
    """What the shell sends at each TAB: never a traceback, only printable lines."""
    words = ["mbc", "site", incomplete] if word == 2 else ["mbc", "symptom", "headache", incomplete]
    environment = {"_MBC_COMPLETE": "bash_complete", "COMP_WORDS": " ".join(words), "COMP_CWORD": str(len(words) - 1)}
    try:
        environment["COMP_WORDS"].encode("utf-8")
    except UnicodeEncodeError:
        return
    result = runner.invoke(app, [], env=environment, prog_name="mbc")
    check(result, as_json=False, allowed=frozenset({0, 1}))


LONG = 10_000


@pytest.mark.parametrize("unit", ["x", "pain ", "[bold]", "\x1b[31m", "\u202e"], ids=repr)
@pytest.mark.parametrize("command", ["site", "symptom", "term", "drug", "search", "ask"])
def test_very_long_input_is_answered_with_bounded_work(command: str, unit: str) -> None:
    text = (unit * LONG)[:LONG]
    result = within(work_budget(text), lambda: runner.invoke(app, [command, "--json", "--", text]))
    check(result, as_json=True)
    if result.exit_code == 1:
        error = json.loads(result.stdout)["error"]
        assert error["name"] == text
        assert f'"{visible(text)}"' in result.stderr


@pytest.mark.parametrize("columns", ["1", "7", "-3", "abc", ""])
def test_any_columns_value_still_prints_the_whole_answer(columns: str) -> None:
    """Below 20 columns mbc lays out 20 wide; a COLUMNS that is not a number is ignored (Rich's 80, as
    this is not a terminal). COLUMNS=0 is read when Python starts: see test_cli_process.py."""
    result = runner.invoke(app, ["tests"], env={"COLUMNS": columns})
    check(result, as_json=False, allowed=frozenset({0}))
    as_if = runner.invoke(app, ["tests"], env={"COLUMNS": "20" if columns.isdigit() else None})
    assert result.stdout == as_if.stdout
    assert "bone scan" in " ".join(result.stdout.split())
