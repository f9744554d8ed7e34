"""mbc visit on the command line: the page written whole to a file or to stdout, user text escaped, a file
that cannot be written said with exit 74, PDF with the extra and a clear message without it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mbc_cli.cli import app

runner = CliRunner()
HOSTILE = "<script>alert('x')</script> & \"quotes\""


def test_the_page_is_written_to_a_file_replacing_the_old_one_whole(tmp_path: Path) -> None:
    page = tmp_path / "visit.html"
    page.write_text("an old page", encoding="utf-8")
    result = runner.invoke(app, ["visit", "headache", "nausea", "--her2-positive", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "an old page" not in html
    assert [p.name for p in tmp_path.iterdir()] == ["visit.html"]  # no temporary file left beside it
    for words in ("headache", "brain", "liver", "trastuzumab (Herceptin)", "Questions to bring", "References"):
        assert words in html
    assert f"Wrote {page}." in result.stderr


def test_user_text_is_data_never_markup(tmp_path: Path) -> None:
    page = tmp_path / "visit.html"
    result = runner.invoke(app, ["visit", "headache", HOSTILE, "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html


def test_a_file_that_cannot_be_written_is_exit_74_with_the_reason(tmp_path: Path) -> None:
    result = runner.invoke(app, ["visit", "headache", "-o", str(tmp_path / "no" / "such" / "folder" / "v.html")])
    assert result.exit_code == 74
    assert "Cannot write" in result.stderr and "No such file or directory" in result.stderr


def test_markdown_and_json_say_the_same_page(tmp_path: Path) -> None:
    markdown = runner.invoke(app, ["visit", "headache", "--format", "markdown"])
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# For my appointment")
    assert "[^nci]" in markdown.stdout
    written = tmp_path / "visit.md"
    assert runner.invoke(app, ["visit", "headache", "-o", str(written)]).exit_code == 0
    assert written.read_text(encoding="utf-8") == markdown.stdout  # FILE.md is Markdown
    payload = json.loads(runner.invoke(app, ["visit", "headache", "--format", "json"]).stdout)
    assert payload["query"]["command"] == "visit" and payload["query"]["linked"][0] == "brain"
    assert [spot["site"] for spot in payload["map"]] == ["bone", "lung", "liver", "brain"]


def test_subtype_words_beside_symptoms_are_read_as_the_subtype() -> None:
    result = runner.invoke(app, ["visit", "headache", "her2+", "--format", "json"])
    payload = json.loads(result.stdout)
    assert payload["query"]["flags"] == ["--her2-positive"]
    assert payload["query"]["symptoms"] == ["headache"]


def test_pdf_without_the_extra_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if WeasyPrint were not installed
    result = runner.invoke(app, ["visit", "headache", "-o", str(tmp_path / "visit.pdf")])
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert "pip install 'mbc[pdf]'" in said and "print it from a browser" in said
    assert not (tmp_path / "visit.pdf").exists()


def test_pdf_with_the_extra_is_at_most_two_pages(tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None or not _has("weasyprint"):
        if os.environ.get("CI") == "true":
            pytest.fail("WeasyPrint (mbc[pdf]) and pdfinfo (poppler-utils) must be installed under CI")
        pytest.skip("WeasyPrint or pdfinfo is not installed")
    for paper in ("a4", "letter"):
        pdf = tmp_path / f"visit-{paper}.pdf"
        result = runner.invoke(
            app, ["visit", "headache", "nausea", "--her2-positive", "--paper", paper, "-o", str(pdf)]
        )
        assert result.exit_code == 0, result.output
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        size = next(line for line in info.splitlines() if line.startswith("Page size:"))
        assert pages <= 2, (paper, pages)
        assert ("A4" in size) if paper == "a4" else ("letter" in size), size


def test_no_other_command_imports_the_page() -> None:
    """mbc site bone does not pay for the visit page: none of its modules is imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mbc_cli", "site", "bone"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    imported = done.stderr
    for module in ("mbc_cli.query.visit", "mbc_cli.render.visit", "mbc_cli.render.bodymap", "weasyprint"):
        assert module not in imported


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
