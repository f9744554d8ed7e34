"""The README documents every command and every option: a new one cannot land undocumented."""

from __future__ import annotations

import re

import pytest
import typer

from mbc_cli.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented(name: str) -> None:
    assert f"`mbc {name}" in README, f"mbc {name} is not in README.md"


@pytest.mark.parametrize(
    "option",
    sorted(
        {
            opt
            for command in (GROUP, *GROUP.commands.values())  # type: ignore[attr-defined]
            for param in command.params
            for opt in param.opts
            if opt.startswith("--") and opt != "--help" and not getattr(param, "hidden", False)
        }
    ),
)
def test_every_option_is_documented(option: str) -> None:
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README), f"{option} is not in README.md"
