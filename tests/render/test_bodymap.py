"""The body map: one accessible SVG element, painted by attributes, every word escaped, highlights shown three ways."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbc_cli.render.bodymap import HIGHLIGHT_WIDTH, MARKER, PLACES, WRAP, Spot, body_map, wrap

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = ("<script>alert(1)</script>", "\"quotes\" & 'apostrophes'")
SPOTS = (
    Spot("bone", ("Bone", "65.1% [1]", "varies with the population studied [2]"), False),
    Spot("lungs", ("Lungs", "31.4% [1]"), False),
    Spot("liver", ("Liver", "26.0% [1]"), True),
    Spot("brain", ("Brain", "8.8% [1]"), True),
)
NOTE = "Marked places may be linked to the symptoms you gave."


def drawn(spots: tuple[Spot, ...] = SPOTS, note: str = NOTE, title: str = "Title", description: str = "Desc") -> str:
    return body_map(spots, title=title, description=description, highlight_note=note)


def rows(svg: str) -> list[str]:
    """Every row of text drawn, in order."""
    return [tspan.text or "" for tspan in ET.fromstring(svg).iter(f"{NS}tspan")]


def place(svg: str, name: str) -> ET.Element:
    group = ET.fromstring(svg).find(f".//{NS}g[@id='bodymap-{name}']")
    assert group is not None
    return group


def test_one_accessible_svg_element_that_scales() -> None:
    svg = drawn()
    root = ET.fromstring(svg)
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert root.tag == f"{NS}svg" and root.get("role") == "img"
    left, top, width, _ = (float(v) for v in root.get("viewBox", "").split())
    assert top == 0 and left >= 0 and left + width == 600  # the empty margin left of short labels is cropped
    assert root.get("width") == "100%" and root.get("height") is None
    title, desc = list(root)[:2]
    assert (title.tag, title.text, desc.tag, desc.text) == (f"{NS}title", "Title", f"{NS}desc", "Desc")
    assert (root.get("aria-labelledby"), root.get("aria-describedby")) == (title.get("id"), desc.get("id"))
    assert len({element.get("id") for element in root.iter() if element.get("id")}) == len(
        [element for element in root.iter() if element.get("id")]
    )


def test_every_label_line_is_drawn_as_text() -> None:
    shown = rows(drawn())
    for spot in SPOTS:
        first = f"{MARKER} {spot.lines[0]}" if spot.highlighted else spot.lines[0]
        assert first in shown
        assert all(line in shown for line in spot.lines[1:])


def test_hostile_text_stays_text() -> None:
    spots = tuple(Spot(place, HOSTILE, index % 2 == 0) for index, place in enumerate(PLACES))
    svg = drawn(spots, note=HOSTILE[1] + HOSTILE[0], title=HOSTILE[0], description=HOSTILE[1])
    assert "<script" not in svg and "&lt;script&gt;" in svg and "&quot;quotes&quot; &amp; &#x27;" in svg
    root = ET.fromstring(svg)
    assert not [element for element in root.iter() if "script" in element.tag]
    assert root.findtext(f"{NS}title") == HOSTILE[0] and root.findtext(f"{NS}desc") == HOSTILE[1]
    assert rows(svg).count(HOSTILE[1]) == 4 and HOSTILE[0] in rows(svg)


def test_text_xml_cannot_hold_does_not_break_the_svg() -> None:
    svg = drawn((Spot("bone", ("Bone\x00\x1b[31m",), False),), title="a\x07b")
    assert ET.fromstring(svg).findtext(f"{NS}title") == "a\ufffdb"


def test_a_highlighted_place_is_hatched_outlined_and_marked() -> None:
    svg = drawn()
    root = ET.fromstring(svg)
    pattern = root.find(f"{NS}defs/{NS}pattern")
    assert pattern is not None and pattern.get("id") == "bodymap-hatch"
    for spot in SPOTS:
        group = place(svg, spot.place)
        if spot.highlighted:
            assert (group.get("fill"), group.get("stroke-width")) == ("url(#bodymap-hatch)", str(HIGHLIGHT_WIDTH))
            assert f"{MARKER} {spot.lines[0]}" in rows(svg)
        else:
            assert group.get("fill", "").startswith("#") and float(group.get("stroke-width", "")) < HIGHLIGHT_WIDTH
            assert f"{MARKER} {spot.lines[0]}" not in rows(svg)
    assert f"{MARKER} {NOTE}" in " ".join(rows(svg))  # the legend, wrapped to the room beside its swatch
    assert svg.count("url(#bodymap-hatch)") == 3  # brain, liver, and the legend's swatch


def test_nothing_highlighted_shows_no_hatch_marker_or_legend() -> None:
    svg = drawn(tuple(spot.replace(highlighted=False) for spot in SPOTS))
    assert "url(#" not in svg and MARKER not in svg and NOTE not in svg


def test_colours_are_attributes_and_there_is_no_css() -> None:
    root = ET.fromstring(drawn())
    assert not list(root.iter(f"{NS}style"))
    assert not [element for element in root.iter() if "style" in element.attrib or "class" in element.attrib]
    paint = re.compile(r"#[0-9a-f]{6}|none|url\(#bodymap-hatch\)")
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            assert paint.fullmatch(element.get(attribute, "none")), element.attrib

    def filled(element: ET.Element, inherited: bool) -> None:  # no shape left to the default black, or to CSS
        inherited = inherited or "fill" in element.attrib
        shape = element.tag[len(NS) :] in {"path", "rect", "circle", "ellipse", "text", "tspan"}
        assert inherited or not shape or element.get("stroke"), element.attrib
        for child in element:
            filled(child, inherited)

    filled(root, False)


def test_text_is_dark_sans_serif_and_large_enough() -> None:
    root = ET.fromstring(drawn())
    group = next(g for g in root.iter(f"{NS}g") if g.find(f"{NS}text") is not None)
    assert group.get("font-family") == "sans-serif" and group.get("fill") == "#1a1a1a"
    assert 13 <= float(group.get("font-size", "0")) <= 18  # read when printed about 8 cm wide


def test_long_lines_wrap_at_spaces_and_no_word_is_cut() -> None:
    line = "a long line of text about what the studies found " * 3 + "Supercalifragilisticexpialidocious" * 2
    shown = rows(drawn((Spot("bone", ("Bone", line), False),)))
    wrapped = shown[1:]
    assert len(wrapped) > 1
    assert " ".join(wrapped).split() == line.split()
    assert all(len(row) <= WRAP for row in wrapped[:-1]) and wrapped[-1] == "Supercalifragilisticexpialidocious" * 2


@given(st.lists(st.text(alphabet="abcdé[]%.1", min_size=1, max_size=60), max_size=30), st.integers(5, 60))
def test_wrap_keeps_every_word_whole_and_in_order(words: list[str], width: int) -> None:
    wrapped = wrap(" ".join(words), width)
    assert " ".join(wrapped).split() == words
    assert all(len(row) <= width or " " not in row for row in wrapped)


def test_labels_are_stacked_without_overlap() -> None:
    many = ("Heading", "a fairly long line that takes some room here [1]", "another line", "and a last one [2]")
    svg = drawn(tuple(Spot(place, many, True) for place in PLACES))
    ys = [float(tspan.get("y", "")) for tspan in ET.fromstring(svg).iter(f"{NS}tspan")]
    assert all(later - earlier >= 16 for earlier, later in itertools.pairwise(ys))


def test_places_not_given_are_drawn_plain_and_unlabelled() -> None:
    spots = (Spot("bone", ("Bone",), True), Spot("lungs", ("Lungs",), False))
    svg = drawn(spots)
    assert all(place(svg, name) is not None for name in PLACES)
    assert place(svg, "liver").get("fill") == place(svg, "lungs").get("fill")
    shown = rows(svg)
    assert shown[:2] == ["Lungs", f"{MARKER} Bone"] and " ".join(shown[2:]) == f"{MARKER} {NOTE}"


def test_the_same_spots_draw_the_same_bytes_in_any_order() -> None:
    assert drawn() == drawn() == drawn(tuple(reversed(SPOTS)))


def test_an_unknown_or_repeated_place_is_refused() -> None:
    with pytest.raises(ValueError, match="heart"):
        drawn((Spot("heart", ("Heart",), False),))
    with pytest.raises(ValueError, match="twice"):
        drawn((Spot("bone", ("Bone",), False), Spot("bone", ("Bones",), True)))
