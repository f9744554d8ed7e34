"""The command line: exit codes, help texts, where output goes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from mbc_cli import __version__, cli, query
from mbc_cli.cli import app
from mbc_cli.errors import ENV_DEBUG, EXIT_BUG

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


def _three_mistakes(folder: Path) -> Path:
    """A copy of data/ with three mistakes in three files: a misquote (an anchor's, used twice), a bad indent,
    and a reference to a site that does not exist."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", folder)
    edits = {
        "sites.yaml": (
            '"pain and fractures, if cancer has spread to the bone"',
            '"pain and broken bones, if cancer has spread to the bone"',
        ),
        "tests.yaml": ("    - site: lung\n", "    - site: lungz\n"),
        "terms.yaml": ("\n  name: ", "\n   name: "),
    }
    for name, (old, new) in edits.items():
        text = (folder / name).read_text(encoding="utf-8")
        assert old in text
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_three_mistakes_in_three_files_are_reported_in_one_run_each_once(tmp_path: Path, sources_dir: Path) -> None:
    kb = str(_three_mistakes(tmp_path / "kb"))
    result = runner.invoke(app, ["validate", kb, "--sources", str(sources_dir)])
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert lines[0] == f"The knowledge base at {kb} has 3 problems."
    assert sum("terms.yaml:" in line and 'a "key: value" where YAML cannot take one' in line for line in lines) == 1
    assert sum("tests.yaml:" in line and 'unknown site "lungz" (did you mean "lung"?)' in line for line in lines) == 1
    assert sum("sites.yaml:" in line and "quote not found" in line for line in lines) == 1
    assert '"pain and «fractures,» if cancer has spread to the bone"' in result.stderr
    assert "Not read, so not checked further (their problems may be more): terms.yaml" in lines
    assert lines[-1] == f"Fix these, then run: mbc validate {kb} --sources {sources_dir}"


def test_validate_json_gives_every_problem_located_and_the_closest_passage(tmp_path: Path, sources_dir: Path) -> None:
    kb = str(_three_mistakes(tmp_path / "kb"))
    result = runner.invoke(app, ["validate", kb, "--sources", str(sources_dir), "--json"])
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["unread"] == ["terms.yaml"]
    assert [Path(p["file"]).name for p in error["problems"]] == ["sites.yaml", "terms.yaml", "tests.yaml"]
    assert all({"file", "line", "column", "entry", "message"} <= set(p) for p in error["problems"])
    misquote = next(p for p in error["problems"] if "closest" in p)
    assert misquote["closest"] == "pain and fractures, if cancer has spread to the bone"
    assert misquote["entry"] == 'site "bone"'
    ok = json.loads(runner.invoke(app, ["validate", "--json"]).stdout)
    assert ok["ok"] is True and ok["problems"] == [] and ok["quotes_checked"] is False
    assert ok["counts"]["sites"] > 0 and ok["citations_by_source"]["nci"] > 0


def test_a_sources_folder_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no such folder" in result.stderr
    as_json = runner.invoke(app, ["validate", "--sources", str(tmp_path / "nowhere"), "--json"])
    assert json.loads(as_json.stdout)["error"]["code"] == 2


def test_evidence_says_once_when_a_knowledge_bases_quotes_were_never_checked(tmp_path: Path, sources_dir: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", kb)
    notes = kb / "notes.yaml"  # unlike data/, whose quotes another test may have checked: a pass is keyed by content
    notes.write_text(notes.read_text(encoding="utf-8") + "# a clinic's copy\n", encoding="utf-8")
    unchecked = " ".join(runner.invoke(app, ["--kb", str(kb), "site", "liver", "--evidence"]).stdout.split())
    assert unchecked.count("were not checked against the source snapshots") == 1
    assert runner.invoke(app, ["validate", str(kb), "--sources", str(sources_dir)]).exit_code == 0
    checked = runner.invoke(app, ["--kb", str(kb), "site", "liver", "--evidence"]).stdout
    assert "not checked" not in checked and "“" in checked
    notes.write_text(notes.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    changed = " ".join(runner.invoke(app, ["--kb", str(kb), "site", "liver", "--evidence"]).stdout.split())
    assert "were not checked" in changed  # a change since the check forgets it
    bundled = runner.invoke(app, ["site", "liver", "--evidence"]).stdout
    assert "not checked" not in bundled  # mbc's own quotes are checked before it ships


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


def test_json_asks_get_a_json_error_when_a_name_is_not_found() -> None:
    result = runner.invoke(app, ["site", "bnoe", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "error": {
            "code": 1,
            "reason": "not_found",
            "message": 'No site "bnoe".',
            "looked_for": "site",
            "name": "bnoe",
            "suggestions": ["bone"],
        }
    }
    assert result.stderr == 'No site "bnoe". Did you mean: bone?\n'


def test_json_asks_get_a_json_error_for_each_unmatched_symptom() -> None:
    result = runner.invoke(app, ["symptom", "--json", "headake", "bone"])
    error = json.loads(result.stdout)["error"]
    assert (result.exit_code, error["reason"]) == (1, "not_found")
    assert error["terms"] == [
        {"term": "headake", "suggestions": ["headache"], "names_a": None},
        {"term": "bone", "suggestions": [], "names_a": "site"},
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # Click's own words, which differ a little between the vendored Click of Typer 0.28 and Click 8.5.
        (["site", "--json"], r"Missing argument 'SITE'\."),
        (["site", "bone", "--json", "--bogus"], r"No such option:? '?--bogus"),
        (["sites", "--format", "json", "--format", "yaml"], r"Invalid value for '--format' / '-f': 'yaml'"),
        (["treatments", "--json", "--triple-negative", "--her2-positive"], r"triple-negative"),
    ],
    ids=["missing", "unknown option", "bad value", "contradiction"],
)
def test_json_asks_get_a_json_error_for_a_usage_error(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    error = json.loads(result.stdout)["error"]
    assert (result.exit_code, error["code"], error["reason"]) == (2, 2, "usage")
    assert re.search(message, error["message"])
    assert re.search(message, result.stderr)


def test_without_json_a_failure_leaves_stdout_empty() -> None:
    result = runner.invoke(app, ["site", "--format", "yaml", "bone"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Usage: mbc site")


def test_a_bug_is_a_one_line_report_with_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(query, "by_site", broken)
    result = runner.invoke(app, ["site", "bone", "--json"])
    assert result.exit_code == EXIT_BUG
    assert "Traceback" not in result.output
    assert result.stderr.startswith("mbc failed: this is a bug in mbc, not something you did (ZeroDivisionError")
    assert len(result.stderr.splitlines()) == 1
    assert json.loads(result.stdout)["error"]["reason"] == "bug"
    monkeypatch.setenv(ENV_DEBUG, "1")
    debugged = runner.invoke(app, ["site", "bone"])
    assert isinstance(debugged.exception, ZeroDivisionError)


def test_markup_in_a_name_is_echoed_as_typed() -> None:
    result = runner.invoke(app, ["site", "[bold red]bone[/] :warning:\x1b[2J"])
    assert result.exit_code == 1
    assert result.stderr.startswith('No site "[bold red]bone[/] :warning:\\x1b[2J".')


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--her2-positive", "--her2-negative"], ("--her2-positive", "--her2-negative")),
        (["--hr-negative", "--hr-positive"], ("--hr-positive", "--hr-negative")),
        (["--hr-positive", "--her2-negative", "--her2-positive"], ("--her2-positive", "--her2-negative")),
    ],
)
def test_contradictory_status_flags_are_a_usage_error_naming_both(flags: list[str], named: tuple[str, str]) -> None:
    for extra in ([], ["--json"]):
        result = runner.invoke(app, ["treatments", *flags, *extra])
        assert result.exit_code == 2, result.output
        assert all(flag in result.stderr for flag in named)
        if extra:
            assert json.loads(result.stdout)["error"]["reason"] == "usage"
        else:
            assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ["site", ""],
        ["site", "   "],
        ["site", "?!"],
        ["symptom", ""],
        ["symptom", "", " "],
        ["term", ""],
        ["drug", ""],
        ["search", ""],
        ["treatments", "--site", ""],
        ["tests", "--site", ""],
    ],
)
def test_a_name_with_no_words_is_a_usage_error(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "has no words to look up" in result.stderr
    assert "No site" not in result.stderr


def test_one_blank_term_among_others_still_answers_for_the_others() -> None:
    result = runner.invoke(app, ["symptom", "headache", ""])
    assert result.exit_code == 0, result.output
    assert "brain" in result.stdout


@pytest.mark.parametrize("words", ["the of and", "my the", "is it a"])
def test_only_small_words_get_no_random_suggestion(words: str) -> None:
    result = runner.invoke(app, ["symptom", words])
    assert result.exit_code == 1
    assert "Did you mean" not in result.stderr


def test_no_answer_names_a_source_by_its_file_name() -> None:
    snapshot = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
    for args in (["sources"], ["site", "bone"], ["stats"], ["search", "survival"], ["symptom", "jaundice"]):
        for fmt in ("table", "markdown"):
            result = runner.invoke(app, [*args, "--format", fmt])
            assert result.exit_code == 0, result.output
            assert not snapshot.search(result.stdout), (args, fmt)
        document = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
        for source in document["sources"]:
            assert not snapshot.search(source.get("label") or ""), source
            assert source["publisher"] or source["title"] or source["label"]
    table = runner.invoke(app, ["sources"]).stdout
    assert "A consumer health-news article on metastatic breast cancer" in table


def test_every_command_has_a_name_main_can_find() -> None:
    assert sorted(cli._name_of(info) for info in app.registered_commands) == sorted(
        typer.main.get_command(app).commands  # type: ignore[attr-defined]
    )


def test_help_lists_every_command_unabridged_in_a_patients_order_with_examples() -> None:
    from mbc_cli.failures import COMMANDS

    shown = runner.invoke(app, ["--help"], terminal_width=120).stdout
    listed = re.findall(r"^  ([a-z]+)  +\S", shown.split("Commands:")[1], flags=re.MULTILINE)
    assert listed == [name for name in COMMANDS if name in listed]
    assert listed[:4] == ["ask", "symptom", "site", "treatments"] and listed[-1] == "validate"
    assert len(listed) == len(app.registered_commands)
    block = shown.split("Commands:")[1].split("Examples:")[0]
    assert "…" not in block and "..." not in block
    assert "Examples:" in shown and 'mbc ask "is it curable?"' in shown
    assert runner.invoke(app, ["-h"]).stdout == runner.invoke(app, ["--help"]).stdout


def test_a_command_one_slip_away_is_suggested_with_the_words_typed() -> None:
    result = runner.invoke(app, ["sit", "bone"])
    assert result.exit_code == 2
    assert "No command 'sit'. Did you mean: mbc site bone?" in result.stderr


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (["treatments", "her2", "postive"], "mbc treatments her2 positive"),
        (["treatments", "tripple", "negative"], None),
    ],
)
def test_a_mistyped_subtype_gets_a_did_you_mean(args: list[str], suggested: str | None) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "is not a subtype mbc knows" in result.stderr
    if suggested:
        assert f"Did you mean: {suggested}?" in " ".join(result.stderr.split())


def test_a_question_answered_from_the_front_door_says_so() -> None:
    result = runner.invoke(app, ["ask", "--answered-as", "i", "have", "headaches"])
    assert result.exit_code == 0
    assert "Answered as: mbc ask 'i have headaches'" in result.stdout
    payload = json.loads(runner.invoke(app, ["ask", "--answered-as", "is", "it", "curable", "--json"]).stdout)
    assert payload["query"]["answered_as"] == "mbc ask 'is it curable'"
