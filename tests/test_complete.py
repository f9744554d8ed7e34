"""Shell completion: names and aliases for what the user has started to type, for bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mbc_cli import complete
from mbc_cli.cli import app

from .conftest import FIXTURES


def values(incomplete: str, *kinds: str) -> list[str]:
    return [value for value, _ in complete.names(incomplete, frozenset(kinds))]


def labels(incomplete: str, *kinds: str) -> dict[str, str]:
    return dict(complete.names(incomplete, frozenset(kinds)))


def test_site_names_come_before_aliases() -> None:
    found = values("bo", "site", "place", "local_area")
    assert found[0] == "bone"
    assert "bone mets" in found


def test_symptoms_complete_from_any_case_and_spacing() -> None:
    assert "yellow skin" in values("YELLOW  s", "symptom")
    assert "headache" in values("head", "symptom")
    assert values("zzz", "symptom") == []


def test_each_completion_says_what_it_names() -> None:
    assert labels("yellow sk", "symptom")["yellow skin"] == "symptom: jaundice"
    assert labels("spi", "site", "place")["spine"] == "part of bone"
    assert labels("backb", "site", "place")["backbone"] == "spine, part of bone"


def test_tests_and_drugs_complete_with_brands() -> None:
    assert "bone scan" in values("bone s", "test")
    assert "Herceptin" in values("Herc", "drug")


@pytest.mark.parametrize(
    ("typed", "value", "shown"),
    [("Head", "headache", "Headache"), ("HEAD", "head ache", "HEAD ache"), ("head", "headache", "headache")],
)
def test_a_completion_keeps_the_case_it_was_typed_in(typed: str, value: str, shown: str) -> None:
    """The shells keep only the values that start with the very letters typed: "Head" completes to "Headache"."""
    assert complete.as_typed(value, typed) == shown
    assert shown in values(typed, "symptom")


def test_a_value_typed_otherwise_than_its_case_is_left_as_it_is() -> None:
    assert complete.as_typed("yellow skin", "yellow  s") == "yellow skin"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("her", ["her2-positive", "her2-negative"]), ("HR", ["HR-positive", "HR-negative"]), ("tr", ["triple-negative"])],
)
def test_subtype_words_complete_in_any_case(typed: str, expected: list[str]) -> None:
    assert [value for value, _ in complete.subtypes(None, typed)] == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("word", sorted(complete.SUBTYPE_WORDS))
def test_every_subtype_word_completed_is_understood_as_a_subtype(word: str) -> None:
    from mbc_cli import query

    assert len(query.subtype_flags(word)) == 1


@pytest.mark.parametrize(
    ("args", "incomplete", "folder"),
    [
        (["--kb"], "", True),
        (["validate"], "da", True),
        (["validate", "--sources"], "", True),
        (["--kb", "data", "validate"], "", True),
        (["validate"], "--so", False),
        (["ask"], "", False),
        (["site"], "bo", False),
        (["--kb", "validate"], "", False),  # a folder named validate: the word is the command
    ],
)
def test_only_a_folder_is_completed_as_a_file_name(args: list[str], incomplete: str, folder: bool) -> None:
    assert complete.wants_a_folder(args, incomplete) is folder


def test_completions_are_capped() -> None:
    assert len(values("", "symptom")) == complete.LIMIT


@pytest.mark.parametrize(
    ("word", "quote"),
    [
        ("shortn", None),
        ('"shortn', '"'),
        ("'yellow s", "'"),
        ("yellow\\ s", None),
        ('"a b" c', None),
        ("can\\'t", None),
    ],
)
def test_the_open_quote_of_a_word_is_read_as_bash_reads_it(word: str, quote: str | None) -> None:
    assert complete.open_quote(word) == quote


@pytest.mark.parametrize(
    ("quote", "written"),
    [
        (None, "can\\'t\\ catch\\ my\\ breath"),
        ('"', "can't catch my breath"),
        ("'", "can'\\''t catch my breath"),
    ],
)
def test_bash_gets_each_value_as_its_own_file_name_completion_would(quote: str | None, written: str) -> None:
    assert complete.bash_word("can't catch my breath", quote) == written


def _request(words: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """A real bash completion request, for the words typed so far (the last one incomplete)."""
    typed = [*extra, *words.split("\n")]
    env = {**os.environ, "_MBC_COMPLETE": "complete_bash", "COMP_WORDS": "\n".join(["mbc", *typed])}
    env["COMP_CWORD"] = str(len(typed))
    code = "import sys; sys.argv[0] = 'mbc'; from mbc_cli.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)


def _bash(words: str, *extra: str) -> list[str]:
    """What a real bash completion request prints."""
    done = _request(words, *extra)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout.splitlines()


def test_a_question_completes_to_nothing_and_a_folder_asks_bash_for_file_names() -> None:
    assert _bash("ask\n") == []
    assert _bash("ask\nwhat\ni") == []
    assert _bash("treatments\nher")[:2] == ["her2-positive", "her2-negative"]
    folder = _request("validate\n")
    assert (folder.returncode, folder.stdout, folder.stderr) == (complete.FILES, "", "")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ('symptom\n"shortn', "shortness of breath"),  # bash completes inside the quote, then closes it
        ("symptom\nyellow\\ s", "yellow\\ skin"),  # after an escaped space
        ("symptom\nshortn", "shortness\\ of\\ breath"),
        ("symptom\n'shortn", "shortness of breath"),
    ],
    ids=["open double quote", "escaped space", "unquoted", "open single quote"],
)
def test_bash_completion_works_inside_quotes_and_after_escapes(words: str, expected: str) -> None:
    assert expected in _bash(words)


def test_completion_follows_kb_given_on_the_command_line() -> None:
    bundled = _bash("site\nli")
    assert "liver" in bundled
    minimal = _bash("site\nli", "--kb", str(FIXTURES / "minimal"))
    assert "liver" not in minimal
    assert _bash("site\nbo", "--kb", str(FIXTURES / "minimal"))[0] == "bone"


runner = CliRunner()


@pytest.mark.parametrize(
    ("shell", "env", "expected"),
    [
        ("bash", {"COMP_WORDS": "mbc site liv", "COMP_CWORD": "2"}, "liver"),
        ("bash", {"COMP_WORDS": "mbc tests --site lu", "COMP_CWORD": "3"}, "lung"),
        ("zsh", {"_TYPER_COMPLETE_ARGS": "mbc symptom jaund"}, '"jaundice":"symptom"'),
        ("fish", {"_TYPER_COMPLETE_ARGS": "mbc symptom dysp", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}, "dyspnea"),
    ],
)
def test_typers_completion_protocol_answers(shell: str, env: dict[str, str], expected: str) -> None:
    result = runner.invoke(app, [], env={"_MBC_COMPLETE": f"complete_{shell}", **env}, prog_name="mbc")
    assert result.exit_code == 0
    assert expected in result.output


def test_a_real_completion_request_prints_only_names() -> None:
    env = {**os.environ, "_MBC_COMPLETE": "complete_bash", "COMP_WORDS": "mbc symptom head", "COMP_CWORD": "2"}
    code = "import sys; sys.argv[0] = 'mbc'; from mbc_cli.cli import main; main()"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.splitlines()[0] == "headache"
