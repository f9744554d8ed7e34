"""A real browser for the tests: open a local HTML page in Debian's Chromium, read its accessibility
tree, run axe-core on it, print it to PDF and count the pages, and keep screenshots as artifacts.

Playwright drives the Chromium that Debian installs at /usr/bin/chromium (.ci/run installs it, with
poppler-utils for pdfinfo); it never downloads a browser of its own, so `playwright install` is never
run. Where the browser, Playwright or pdfinfo is missing, the tests that need them are skipped, except
under CI=true, where they fail: CI must run them.

A test module takes the fixtures `browser` and `artifacts` by importing the functions that make them
(pytest finds fixtures among a module's names; the functions are named apart from their fixtures so that
ruff sees no test argument redefining an import)::

    from tests.browser import (
        accessible_names,
        artifacts_fixture,  # noqa: F401 (the fixture `artifacts`)
        browser_fixture,  # noqa: F401 (the fixture `browser`)
        open_file,
        screenshot,
    )

    def test_the_map_is_named(browser: Browser, artifacts: Path) -> None:
        page = open_file(browser, path_of_the_page)
        assert accessible_names(page, "img") == ["Where the cancer has spread"]
        screenshot(page, artifacts / "visit.png")

One browser serves the whole session (about a second to start); each `open_file` is a new page in its
own context (a few milliseconds). Playwright is imported only inside the fixture and the helpers, so
that this module imports, and its tests are skipped, where Playwright is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = [
    "CHROMIUM",
    "PAPERS",
    "VIEWPORT",
    "accessible_descriptions",
    "accessible_names",
    "artifacts_fixture",
    "artifacts_folder",
    "axe_violations",
    "browser_fixture",
    "open_file",
    "pdf_pages",
    "screenshot",
    "unavailable",
]

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (the package `chromium`): the only browser the tests use."""

VIEWPORT = {"width": 1000, "height": 1400}
"""CSS pixels: every page opens at this size, so screenshots and layouts are the same on every run."""

PAPERS = ("Letter", "A4")
"""The paper sizes `pdf_pages` prints on: US Letter and ISO A4, Playwright's names for them."""

_CHROMIUM_ROLES = {"img": "image"}
"""ARIA roles that Chromium's accessibility tree calls by another name (an `<img>` or `role="img"` is
"image" there); every other ARIA role keeps its name. Elements with no ARIA role have Chromium's own
("StaticText", "DescriptionList"), which `accessible_names` takes as they are."""


def unavailable(reason: str) -> NoReturn:
    """Skip the test for want of a tool; under CI=true fail it instead, since CI must run every test."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", name="browser")
def browser_fixture() -> Iterator[Browser]:
    """Headless Chromium from /usr/bin/chromium, launched once for the session and closed at its end.

    Playwright starts Chromium with --no-sandbox unless told otherwise (`chromium_sandbox=False`, its
    default), which Chromium needs when the tests run as root, as they do in CI."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        unavailable(f"Playwright is not importable ({error}): pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, chromium_sandbox=False)
        try:
            yield chromium
        finally:
            chromium.close()


def artifacts_folder(tmp_path: Path) -> Path:
    """$MBC_TEST_ARTIFACTS when set (made if missing), else tmp_path/artifacts: the `artifacts` fixture."""
    folder = os.environ.get("MBC_TEST_ARTIFACTS")
    path = Path(folder).resolve() if folder else tmp_path / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(name="artifacts")
def artifacts_fixture(tmp_path: Path) -> Path:
    """The folder for files a test keeps to look at (screenshots, PDFs): $MBC_TEST_ARTIFACTS when set
    (one folder shared by every test, so name the files after the test), else a folder in the test's own
    tmp_path (pytest keeps the last three runs' under its basetemp). The folder exists."""
    return artifacts_folder(tmp_path)


def open_file(browser: Browser, path: Path) -> Page:
    """A new page (in a context of its own) at VIEWPORT showing the local HTML file, once it has loaded
    and its web fonts are ready. Close it with `page.close()`, which closes its context too."""
    page = browser.new_page(viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]})
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def _ax_nodes(page: Page, role: str) -> list[dict[str, Any]]:
    """The nodes of Chromium's own accessibility tree (CDP Accessibility.getFullAXTree) with this ARIA
    role, in document order, leaving out the nodes Chromium ignores (hidden, aria-hidden, presentational)."""
    roles = {role, _CHROMIUM_ROLES.get(role, role)}
    session = page.context.new_cdp_session(page)
    try:
        nodes: list[dict[str, Any]] = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    return [node for node in nodes if not node.get("ignored") and node.get("role", {}).get("value") in roles]


def accessible_names(page: Page, role: str) -> list[str]:
    """The accessible names of the page's nodes of an ARIA role (e.g. "img", "heading", "link") as
    Chromium computes them for assistive technology, in document order; "" for a node with no name.

    They are read from Chromium's accessibility tree, not from Playwright's own ARIA engine: for
    `<svg role="img" aria-labelledby="t d">` the name is the text of #t and #d joined by a space
    (accname 1.2), so a title alone as the name wants aria-labelledby="t" and aria-describedby="d"."""
    return [str(node.get("name", {}).get("value", "")) for node in _ax_nodes(page, role)]


def accessible_descriptions(page: Page, role: str) -> list[str]:
    """The accessible descriptions (aria-describedby, an SVG's `<desc>`, a title attribute not used as
    the name) of the page's nodes of an ARIA role, as Chromium computes them; "" for none. An SVG's
    `<desc>` is its description even where aria-labelledby also puts the same text in its name."""
    return [str(node.get("description", {}).get("value", "")) for node in _ax_nodes(page, role)]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """What axe-core (every rule it runs by default: WCAG 2.x A and AA, and best practices) finds wrong
    on the page as it is now, one dict per rule broken: {"id", "impact", "help", "helpUrl", "nodes"},
    each node {"target": [CSS selectors], "html": the element's opening markup, "summary": what to fix}.

    Compact, so that `assert axe_violations(page) == []` prints what is wrong when it fails."""
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        unavailable(f"axe-playwright-python is not importable ({error}): pip install -e '.[test]'")
    results = Axe().run(page)
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "helpUrl": violation["helpUrl"],
            "nodes": [
                {"target": node["target"], "html": node["html"], "summary": node.get("failureSummary", "")}
                for node in violation["nodes"]
            ],
        }
        for violation in results.response["violations"]
    ]


def pdf_pages(page: Page, paper: str, path: Path) -> int:
    """Print the page to PDF as a reader would (print media, backgrounds printed, the paper size given
    here rather than any CSS @page size), write it to `path`, and return its number of pages (pdfinfo).

    Margins are the page's CSS @page margins, none without them (Playwright asks for zero). A CSS @page
    size still sets the layout, shrunk onto the paper (an A5 page: 4 Letter sheets where a page with no
    @page size fills 3), so a page printed on both papers leaves the size alone. The page stays in print
    media afterwards; `page.emulate_media(media="null")` returns it to screen."""
    if paper not in PAPERS:
        raise ValueError(f"paper {paper!r}: one of {', '.join(PAPERS)}")
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        unavailable("no pdfinfo to count a PDF's pages: apt-get install poppler-utils")
    page.emulate_media(media="print")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=path, format=paper, print_background=True, prefer_css_page_size=False)
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)\s*$", info, re.MULTILINE)
    if found is None:
        raise AssertionError(f"pdfinfo gave no page count for {path}:\n{info}")
    return int(found[1])


def screenshot(page: Page, path: Path, *, full_page: bool = False) -> Path:
    """A PNG of the page as a reader first sees it (VIEWPORT), or of the whole page with full_page=True,
    written to `path` (put it in the `artifacts` folder to keep it); returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=full_page, type="png", animations="disabled")
    return path
