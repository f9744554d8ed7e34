"""The command line: exit codes, help texts, where output goes."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer
from typer.testing import CliRunner

from mbc_cli import __version__
from mbc_cli.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"mbc {__version__}"


def test_every_command_has_help_text_for_people() -> None:
    command = typer.main.get_command(app)
    assert command.help
    for name in command.commands:  # type: ignore[attr-defined]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        sub = command.commands[name]  # type: ignore[attr-defined]
        assert sub.help and len(sub.help) > 20, name


def test_validate_summarises_the_bundled_knowledge_base() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "Knowledge base OK" in result.stdout
    for kind in ("sites", "symptoms", "tests", "treatments", "drugs"):
        assert kind in result.stdout
    assert "National Cancer Institute (NCI)" in result.stdout
    assert result.stderr == ""


def test_validate_checks_quotes_against_sources(sources_dir: Path) -> None:
    result = runner.invoke(app, ["validate", "--sources", str(sources_dir)])
    assert result.exit_code == 0, result.output
    assert "every quote found in its source snapshot" in result.stdout


def test_validate_reports_a_quote_missing_from_its_source(tmp_path: Path, sources_dir: Path) -> None:
    copy = tmp_path / "kb"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", copy)
    tests = copy / "tests.yaml"
    tests.write_text(tests.read_text().replace("to confirm metastatic breast cancer", "to cure cancer", 1))
    result = runner.invoke(app, ["validate", str(copy), "--sources", str(sources_dir)])
    assert result.exit_code == 3
    assert "tests.yaml:" in result.stderr
    assert 'quote not found in source "nci": "biopsy of the tumor to cure cancer"' in result.stderr
    assert result.stdout == ""


def test_validate_of_a_missing_folder_is_a_knowledge_base_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nowhere")])
    assert result.exit_code == 3
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_option_is_a_usage_error() -> None:
    result = runner.invoke(app, ["validate", "--bogus"])
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "Usage" in result.output
    assert "validate" in result.output


def test_the_query_package_names_exactly_what_it_can_import() -> None:
    from mbc_cli import query

    assert sorted(query.__all__) == sorted(query._HOME)
    for name in query.__all__:
        assert getattr(query, name) is not None
