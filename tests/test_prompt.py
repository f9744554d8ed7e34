"""`mbc` alone on a terminal: a prompt that answers question after question, and leaves as a shell does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mbc_cli import prompt
from mbc_cli.cli import app

COMMANDS = {"site", "symptom", "treatments", "ask"}


def typed(*lines: str | type[BaseException]) -> Callable[[str], str]:
    """A reader that gives these lines one by one (an exception class is raised, as readline raises it)."""
    queue: Iterator[str | type[BaseException]] = iter(lines)

    def read(_: str) -> str:
        line = next(queue, EOFError)
        if isinstance(line, str):
            return line
        raise line

    return read


@pytest.fixture(autouse=True)
def history_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The history file goes to the test's own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("line", "args"),
    [
        ("site bone", ["site", "bone"]),
        ('symptom "yellow skin" nausea', ["symptom", "yellow skin", "nausea"]),
        ("is it curable?", ["ask", "is it curable?"]),
        ("sites near the bone", ["ask", "sites near the bone"]),  # "sites" is no command of this set
        ("what's it mean", ["ask", "what's it mean"]),  # an unmatched quote: a question, as typed
    ],
)
def test_a_line_is_a_command_when_it_starts_with_one_and_otherwise_a_question(line: str, args: list[str]) -> None:
    assert prompt._arguments(line, COMMANDS) == args


def test_questions_and_commands_are_answered_one_after_another(capsys: pytest.CaptureFixture[str]) -> None:
    prompt.run(app, typed("is it curable?", "", "site bone", "help", "quit", "never read"))
    out = capsys.readouterr().out
    assert out.startswith("mbc: ask about metastatic breast cancer")
    assert "What the sources say: is it curable?" in out
    assert "What spread to the bone can cause" in out
    assert "Type a question in your own words" in out  # help
    assert out.count("Tell your doctor or health care provider") == 2  # two answers, each with the advice


def test_a_failure_is_said_and_the_prompt_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    prompt.run(app, typed("site lvierr", "site liver", EOFError))
    captured = capsys.readouterr()
    assert 'No site "lvierr". Did you mean: liver?' in captured.err
    assert "What spread to the liver can cause" in captured.out


def test_ctrl_c_clears_the_line_and_ctrl_d_leaves(capsys: pytest.CaptureFixture[str]) -> None:
    prompt.run(app, typed(KeyboardInterrupt, "site lung", EOFError))
    assert "What spread to the lung can cause" in capsys.readouterr().out


def test_the_history_is_kept_between_sessions(history_in: Path) -> None:
    readline = pytest.importorskip("readline")
    readline.clear_history()
    readline.add_history("is it curable?")
    prompt.run(app, typed("quit"))
    saved = history_in / "mbc" / "history"
    assert "is it curable?" in saved.read_text(encoding="utf-8")
    readline.clear_history()
    prompt._open_history()
    assert readline.get_history_item(readline.get_current_history_length()) == "is it curable?"


def test_not_on_a_terminal_there_is_no_prompt() -> None:
    assert not prompt.interactive()  # pytest captures stdin and stdout
