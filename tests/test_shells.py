"""Installing completion: the bash script runs the mbc it was installed from, in real bash, or stays silent."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbc_cli import shells
from mbc_cli.cli import app

BASH = shutil.which("bash")
needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")


def _complete(script: Path, words: list[str], path: str) -> subprocess.CompletedProcess[str]:
    """Source the script in a fresh bash whose PATH is `path`, and complete the last of `words` as TAB would."""
    line = " ".join(shlex.quote(word) for word in words)
    code = (
        f"source {shlex.quote(str(script))}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
        '_mbc_completion; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {"PATH": path, "HOME": str(script.parent)}
    assert BASH is not None
    return subprocess.run([BASH, "--norc", "-c", code], env=env, capture_output=True, text=True, timeout=60)


def _written(tmp_path: Path, program: str | None = None) -> Path:
    text = shells.script("bash")
    if program is not None:
        found = shells.program()
        assert found is not None
        text = text.replace(shlex.quote(str(found)), shlex.quote(program))
    script = tmp_path / "mbc.sh"
    script.write_text(text, encoding="utf-8")
    return script


def test_the_script_names_the_mbc_it_was_written_by() -> None:
    found = shells.program()
    assert found is not None and found.is_absolute() and os.access(found, os.X_OK)
    assert f"program={shlex.quote(str(found))} " in shells.script("bash")


@needs_bash
def test_completion_works_from_a_shell_where_mbc_is_not_on_the_path(tmp_path: Path) -> None:
    done = _complete(_written(tmp_path), ["mbc", "symptom", "Head"], "/usr/bin:/bin")
    assert done.stderr == ""
    assert "Headache" in done.stdout.splitlines()


@needs_bash
def test_a_script_whose_mbc_is_gone_is_silent(tmp_path: Path) -> None:
    done = _complete(_written(tmp_path, "/nowhere/bin/mbc"), ["mbc", "symptom", "head"], "/usr/bin:/bin")
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "", "")


@needs_bash
def test_a_script_whose_mbc_is_gone_uses_the_one_on_the_path(tmp_path: Path) -> None:
    bin_folder = str(Path(sys.executable).parent)
    done = _complete(_written(tmp_path, "/nowhere/bin/mbc"), ["mbc", "treatments", "her"], f"{bin_folder}:/usr/bin")
    assert done.stdout.splitlines()[:2] == ["her2-positive", "her2-negative"]


@needs_bash
def test_a_question_gets_neither_names_nor_file_names(tmp_path: Path) -> None:
    (tmp_path / "a-file-here").write_text("", encoding="utf-8")
    done = _complete(_written(tmp_path), ["mbc", "ask", ""], "/usr/bin:/bin")
    assert (done.stdout.strip(), done.stderr) == ("", "")


def test_installing_twice_sources_the_script_once(tmp_path: Path) -> None:
    (tmp_path / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")
    for _ in range(2):
        path = shells.install("bash", home=tmp_path)
    assert path == tmp_path / ".bash_completions" / "mbc.sh"
    rc = (tmp_path / ".bashrc").read_text(encoding="utf-8").splitlines()
    assert rc == ["alias ll='ls -l'", f"source {shlex.quote(str(path))}"]
    assert path.read_text(encoding="utf-8") == shells.script("bash")


def test_a_shell_mbc_cannot_complete_in_is_named() -> None:
    with pytest.raises(shells.ShellError, match='this is "tcsh"'):
        shells.shell_named("tcsh")
    assert shells.shell_named("zsh") == "zsh"


def test_show_completion_prints_the_script_for_the_shell_it_runs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shells, "_running", lambda: None)
    monkeypatch.setenv("SHELL", "/bin/bash")
    result = CliRunner().invoke(app, ["--show-completion"])
    assert result.exit_code == 0
    assert result.stdout == shells.script("bash")
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    result = CliRunner().invoke(app, ["--show-completion"])
    assert result.exit_code == 2
    assert "mbc completes in bash, zsh, fish" in result.stderr
