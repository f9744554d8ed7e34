"""The visit page in a real browser (Debian's Chromium, driven by Playwright), read as a reader would: the body
map named by its title, no axe violations, at most two printed pages on Letter and on A4, and a screenshot of
page one kept as a test artifact. Under CI=true these must run; elsewhere they skip without Chromium."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from mbc_cli.cli import app
from mbc_cli.render.visit import MAP_TITLE
from tests.browser import (
    PAPERS,
    accessible_names,
    axe_violations,
    open_file,
    pdf_pages,
    screenshot,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ASKED = ["visit", "headache", "nausea", "--her2-positive"]
"""The page of the issue's example: a patient with HER2-positive cancer, headaches and nausea."""


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("visit") / "visit.html"
    result = CliRunner().invoke(app, [*ASKED, "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


@pytest.fixture
def page(browser: Browser, written: Path) -> Iterator[Page]:
    opened = open_file(browser, written)
    yield opened
    opened.close()


def test_the_page_reads_as_the_example_asks(page: Page) -> None:
    text = page.inner_text("main")
    for words in ("headache", "nausea", "brain", "liver", "65.1%", "31.4%", "26%", "8.8%"):
        assert words in text
    for words in ("trastuzumab (Herceptin)", "Questions to bring", "Do I need the head MRI?", "References"):
        assert words in text
    assert page.locator("main").count() == 1
    levels = page.eval_on_selector_all("h1, h2", "nodes => nodes.map(n => Number(n.tagName[1]))")
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_body_map_is_named_by_its_title(page: Page) -> None:
    assert MAP_TITLE in accessible_names(page, "img")


def test_axe_finds_nothing(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']} {v['nodes']}" for v in violations)


@pytest.mark.parametrize("paper", PAPERS)
def test_it_prints_on_at_most_two_pages(page: Page, paper: str, tmp_path: Path, artifacts: Path) -> None:
    assert pdf_pages(page, paper, artifacts / f"visit-{paper}.pdf") <= 2


def test_a_screenshot_of_page_one_is_kept(page: Page, artifacts: Path) -> None:
    shot = screenshot(page, artifacts / "visit-page-one.png")
    assert shot.stat().st_size > 10_000
