"""The browser harness (tests/browser.py) against small pages written here: what it reads of the
accessibility tree, what axe-core finds, how many pages a PDF has, and that screenshots are PNGs."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import (
    PAPERS,
    VIEWPORT,
    accessible_descriptions,
    accessible_names,
    artifacts_folder,
    axe_violations,
    open_file,
    pdf_pages,
    screenshot,
    unavailable,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

MAP = """<svg role="img" aria-labelledby="map-title map-desc" viewBox="0 0 100 50" width="300" height="150">
  <title id="map-title">A test map</title>
  <desc id="map-desc">Two places marked</desc>
  <circle cx="25" cy="25" r="10" fill="#333"/><circle cx="75" cy="25" r="10" fill="#333"/>
</svg>"""
"""An inline SVG named by its <title> and <desc> together, as the brief for the visit page writes it."""

TITLED_MAP = """<svg role="img" aria-labelledby="second-title" aria-describedby="second-desc" viewBox="0 0 10 10"
     width="100" height="100">
  <title id="second-title">A second map</title>
  <desc id="second-desc">One place marked</desc>
  <circle cx="5" cy="5" r="3" fill="#333"/>
</svg>"""
"""An inline SVG named by its <title> alone and described by its <desc>."""

DOT = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'%3E"
    "%3Ccircle cx='5' cy='5' r='4'/%3E%3C/svg%3E"
)
"""A tiny image that loads without a file or the network."""


def html(body: str, *, head: str = "") -> str:
    """A complete, valid page around `body`, in English, with a title."""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A harness page</title>\n'
        f"{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


@pytest.fixture
def page_of(browser: Browser, tmp_path: Path) -> Iterator[Callable[[str], Page]]:
    """Writes a page's HTML to a file in tmp_path and opens it; closes every page opened at the end."""
    opened: list[Page] = []

    def page_of(text: str) -> Page:
        path = tmp_path / f"page-{len(opened)}.html"
        path.write_text(text, encoding="utf-8")
        opened.append(open_file(browser, path))
        return opened[-1]

    yield page_of
    for page in opened:
        page.close()


def test_open_file_loads_the_page_at_the_fixed_viewport(page_of: Callable[[str], Page]) -> None:
    page = page_of(html("<main><h1>Hello</h1></main>"))
    assert page.url.startswith("file:///")
    assert page.title() == "A harness page"
    assert page.viewport_size == VIEWPORT
    assert page.evaluate("[innerWidth, innerHeight, document.readyState]") == [1000, 1400, "complete"]


def test_accessible_names_are_chromiums(page_of: Callable[[str], Page]) -> None:
    page = page_of(
        html(
            "<main><h1>Maps</h1>"
            f"{MAP}\n{TITLED_MAP}\n"
            f'<img src="{DOT}" alt="A dot">\n'
            f'<img src="{DOT}" alt="">\n'  # decorative: no image to assistive technology
            '<svg aria-hidden="true" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>\n'
            f'<span role="img">\N{WORLD MAP}</span>\n'  # an image with no name at all
            "</main>"
        )
    )
    names = accessible_names(page, "img")
    assert "A test map Two places marked" in names  # aria-labelledby="t d": both texts, joined (accname)
    assert names == ["A test map Two places marked", "A second map", "A dot", ""]
    # An SVG's <desc> is its description (SVG-AAM) even where aria-labelledby also puts it in the name.
    assert accessible_descriptions(page, "img") == ["Two places marked", "One place marked", "", ""]
    assert accessible_names(page, "heading") == ["Maps"]
    for name in filter(None, names):  # Playwright's own ARIA engine agrees with Chromium's tree
        assert page.get_by_role("img", name=name, exact=True).count() == 1


def test_a_clean_page_has_no_axe_violations(page_of: Callable[[str], Page]) -> None:
    page = page_of(html(f"<main><h1>A clean page</h1><p>Text.</p>{MAP}{TITLED_MAP}</main>"))
    assert axe_violations(page) == []


def test_an_image_without_alt_is_an_axe_violation(page_of: Callable[[str], Page]) -> None:
    page = page_of(html(f'<main><h1>An image</h1><img src="{DOT}"></main>'))
    violations = axe_violations(page)
    assert [violation["id"] for violation in violations] == ["image-alt"]
    (image_alt,) = violations
    assert image_alt["impact"] == "critical"
    assert image_alt["help"]
    assert [node["target"] for node in image_alt["nodes"]] == [["img"]]
    assert image_alt["nodes"][0]["html"].startswith("<img")


@pytest.mark.parametrize("paper", PAPERS)
def test_pdf_pages_counts_printed_pages(page_of: Callable[[str], Page], artifacts: Path, paper: str) -> None:
    # A heading and 29 paragraphs of 100 px each (1 in = 96 px; page.pdf prints without margins): 3,000 px,
    # 2.8 Letter pages of 1,056 px or 2.7 A4 pages of 1,123 px, so 3 pages on either paper whatever the fonts.
    blocks = "\n".join(f"<p>Paragraph {n}: words to print.</p>" for n in range(29))
    long = page_of(
        html(f"<main><h1>Long</h1>{blocks}</main>", head="<style>p, h1 { height: 100px; margin: 0 }</style>")
    )
    assert pdf_pages(long, paper, artifacts / f"long-{paper}.pdf") == 3
    assert (artifacts / f"long-{paper}.pdf").read_bytes().startswith(b"%PDF-")
    short = page_of(html("<main><h1>Short</h1><p>One paragraph.</p></main>"))
    assert pdf_pages(short, paper, artifacts / f"short-{paper}.pdf") == 1


def test_pdf_pages_knows_two_papers(page_of: Callable[[str], Page], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Letter, A4"):
        pdf_pages(page_of(html("<main><h1>x</h1></main>")), "Legal", tmp_path / "legal.pdf")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (IHDR, right after the signature)."""
    header = path.read_bytes()[:24]
    assert header.startswith(PNG_SIGNATURE), f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_screenshot_writes_a_png(page_of: Callable[[str], Page], artifacts: Path) -> None:
    page = page_of(html(f"<main><h1>Tall</h1><div style='height: 3000px'>{MAP}</div></main>"))
    first = screenshot(page, artifacts / "first-screen.png")
    assert first == artifacts / "first-screen.png"
    assert first.stat().st_size > 0
    assert png_size(first) == (1000, 1400)
    whole = screenshot(page, artifacts / "nested" / "full-page.png", full_page=True)
    width, height = png_size(whole)
    assert width == 1000
    assert height > 3000


def test_artifacts_go_where_mbc_test_artifacts_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MBC_TEST_ARTIFACTS", raising=False)
    assert artifacts_folder(tmp_path) == tmp_path / "artifacts"
    assert (tmp_path / "artifacts").is_dir()
    monkeypatch.setenv("MBC_TEST_ARTIFACTS", str(tmp_path / "kept" / "here"))
    assert artifacts_folder(tmp_path) == tmp_path / "kept" / "here"
    assert (tmp_path / "kept" / "here").is_dir()


def test_a_missing_tool_skips_except_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no pdfinfo"):
        unavailable("no pdfinfo")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no pdfinfo"):
        unavailable("no pdfinfo")
