"""Installing completion: a script for the user's shell that runs the very mbc it was installed from.

Typer's own bash script runs whatever `mbc` is on the PATH at each TAB: installed from a virtual
environment, it printed `env: 'mbc': No such file or directory` in every shell outside it. mbc's
script names the program by its absolute path, and is silent when no mbc is left to run. It asks
bash for file names only where mbc says the word is a folder (`complete.FILES`): never for a
question. Zsh, fish and PowerShell get Typer's scripts, installed as Typer installs them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from mbc_cli.complete import FILES

BASH = """\
# mbc's completion for bash (mbc --install-completion wrote it). It runs the mbc it was installed from.
_mbc_completion() {
    local IFS=$'\\n' program=%(program)s reply status
    [[ -x $program ]] || program=$(type -P mbc) || return 0
    reply=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD _MBC_COMPLETE=complete_bash \\
        "$program" 2>/dev/null)
    status=$?
    if (( status == %(files)d )); then
        compopt -o default 2>/dev/null
        COMPREPLY=()
    elif (( status == 0 )); then
        COMPREPLY=( $reply )
    fi
    return 0
}
complete -F _mbc_completion mbc
"""
"""The bash script: %(program)s is mbc's absolute path, %(files)d the code that asks for file names."""

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


class ShellError(Exception):
    """The shell cannot be told apart, or mbc cannot complete in it."""


def program() -> Path | None:
    """The mbc being run, by its absolute path: the script run (a console script on the PATH or not), else the
    mbc beside this Python (a virtual environment's), else the one on the PATH; None if there is none."""
    candidates = [Path(sys.argv[0]), Path(sys.executable).parent / "mbc"]
    found = shutil.which("mbc")
    candidates += [Path(found)] if found else []
    for candidate in candidates:
        if candidate.name.startswith("mbc") and candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate.resolve()
    return None


def shell_named(name: str | None) -> str:
    """The shell to complete in: the one named, else the one mbc runs in (as Typer finds it), else $SHELL."""
    chosen = name or _running() or Path(os.environ.get("SHELL", "")).name
    if chosen not in SHELLS:
        known = ", ".join(SHELLS)
        shown = f'"{chosen}"' if chosen else "a shell mbc cannot tell (SHELL is not set)"
        raise ShellError(f"mbc completes in {known}; this is {shown}.")
    return chosen


def _running() -> str | None:
    """The shell mbc was started from, read from the processes above it (shellingham, which Typer uses)."""
    try:
        import shellingham  # type: ignore[import-untyped]

        found: tuple[str, str] = shellingham.detect_shell()
    except Exception:  # undetectable, or shellingham missing: $SHELL is asked instead
        return None
    return found[0]


def script(shell: str) -> str:
    """The completion script for `shell`."""
    if shell == "bash":
        found = program()
        where = shlex.quote(str(found)) if found else "mbc"
        return BASH % {"program": where, "files": FILES}
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="mbc", complete_var="_MBC_COMPLETE", shell=shell) + "\n"


def install(shell: str, home: Path | None = None) -> Path:
    """Install completion for `shell`; return the script's path. Bash: ~/.bash_completions/mbc.sh, sourced from
    ~/.bashrc (once, however often it is installed); the other shells as Typer installs them."""
    if shell != "bash":
        from typer._completion_shared import install as typer_install

        return typer_install(shell=shell, prog_name="mbc", complete_var="_MBC_COMPLETE")[1]
    home = home or Path.home()
    path = home / ".bash_completions" / "mbc.sh"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script("bash"), encoding="utf-8")
    rc = home / ".bashrc"
    line = f"source {shlex.quote(str(path))}"
    old = rc.read_text(encoding="utf-8") if rc.is_file() else ""
    typers = f"source '{path}'"  # what Typer's installer wrote: the same file, now mbc's script
    if line not in old.splitlines() and typers not in old.splitlines():
        rc.write_text(old + ("" if old.endswith("\n") or not old else "\n") + line + "\n", encoding="utf-8")
    return path
