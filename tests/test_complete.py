"""Shell completion: names and aliases for what the user has started to type, for bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mbc_cli import complete
from mbc_cli.cli import app


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
    assert "herceptin" in values("Herc", "drug")


def test_completions_are_capped() -> None:
    assert len(values("", "symptom")) == complete.LIMIT


def test_bash_gets_spaces_and_quotes_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MBC_COMPLETE", "complete_bash")
    assert "can\\'t\\ catch\\ my\\ breath" in values("can't c", "symptom")


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
