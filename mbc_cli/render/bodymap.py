"""A body map for a printed page: a person seen from the front, four places cancer may reach, their labels.

`body_map` returns one inline <svg> element. It holds no medical facts: the caller passes every word.
Colours are SVG attributes, never CSS (WeasyPrint ignores fills set by stylesheets, Kozea/WeasyPrint#1761),
and colour never carries meaning alone: a highlighted place also has a thick dark outline and a hatch,
and its label a marker that the legend under the figure explains.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence

from mbc_cli.declare import Record

PLACES = ("brain", "lungs", "liver", "bone")


class Spot(Record):
    """One place on the map and its label."""

    place: str
    """One of PLACES."""
    lines: tuple[str, ...]
    """The label's lines, as the reader sees them (a line over WRAP characters wraps at its spaces)."""
    highlighted: bool
    """The caller marks this place as linked to the reader's symptoms."""


TITLE_ID, DESC_ID, HATCH_ID = "bodymap-title", "bodymap-desc", "bodymap-hatch"  # stable ids

WIDTH = 600  # viewBox width; the height follows the labels and the legend
CX = 494  # the figure's midline; the labels sit to its left, on the person's right side, where the liver is
BOTTOM = 536  # below the feet
LABEL_X, ELBOW_X = 12, 382  # the labels' left edge; where each label's underline turns towards its place
FONT, LINE, GAP = 17, 21, 12  # label font size (by default), line spacing, space between two labels
EM = 0.6  # a character's width, as a share of the font size: how wide a label's longest row is
WRAP, BOLD_WRAP, LEGEND_WRAP = 45, 40, 66  # characters a label line, its bold first line, a legend line hold
MARKER = "\u2605"  # ★ before a highlighted place's label, explained by the legend

INK = "#1a1a1a"  # text, leader lines, a highlighted outline: contrast 17:1 on white
SKIN, SKIN_EDGE = "#fbf7f2", "#6b6b6b"  # the body's fill and outline
PLAIN, PLAIN_EDGE = "#e2e2e2", "#8c8c8c"  # a place not highlighted: light neutral fill, mid-grey outline
HATCH_BACK, HATCH_LINE = "#f6c4a8", "#7a2e0e"  # a highlighted place: warm fill under dark diagonal lines
PLAIN_WIDTH, HIGHLIGHT_WIDTH = 1.25, 3  # place outline widths

# Where each place's leader line ends: on the side of the figure nearest the labels.
ANCHORS = {"brain": (CX - 13, 56), "lungs": (CX - 30, 184), "liver": (CX - 32, 246), "bone": (CX - 34, 372)}

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _esc(text: str) -> str:
    """Text as character data, never markup; a character XML cannot hold becomes U+FFFD."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


def _n(value: float) -> str:
    return f"{round(value, 2):g}"


def wrap(line: str, width: int = WRAP) -> list[str]:
    """`line` in rows of at most `width` characters, broken at spaces; a longer word keeps a row of its own, whole."""
    rows: list[str] = []
    for word in line.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return rows or [""]


# --- the drawing: x is measured from the midline (CX), positive to the viewer's right ----------------

Curve = tuple[float, float, float, float, float, float]  # a cubic Bézier: two control points, its end

TORSO: list[Curve] = [(22, 112, 50, 116, 60, 134), (66, 146, 58, 200, 52, 244), (48, 268, 58, 292, 56, 322)]
TORSO += [(50, 336, 20, 338, 0, 338)]  # right half, from the neck (0, 112): shoulder, side, hip, crotch
BRAIN: list[Curve] = [(13, 31, 26, 39, 26, 54), (27, 67, 18, 76, 8, 74), (5, 74, 2, 72, 0, 70)]  # from (0, 35)
PELVIS: list[Curve] = [(14, 282, 40, 274, 50, 284), (56, 292, 50, 308, 40, 318), (32, 326, 22, 336, 12, 338)]
PELVIS += [(6, 338, 4, 332, 0, 332)]  # right half, from the sacrum (0, 290): crest, hip, ischium, pubis
FOLDS = "M0 38 L0 70 M7 45 C14 42 19 48 15 53 M8 60 C14 56 21 60 19 66"  # the brain's midline and two folds
LUNG = "M7 142 C20 130 42 150 44 196 L44 214 C44 222 36 224 28 220 L9 212 C6 200 5 160 7 142 Z"  # the left lung
LIVER = "M-46 236 C-40 224 -6 226 20 232 C16 244 -8 260 -30 266 C-42 268 -48 252 -46 236 Z"  # wide on the right


def _mirrored(start: tuple[float, float], half: Sequence[Curve]) -> str:
    """A closed outline symmetric about the midline: `half` (the right half's curves, from `start`) both ways."""
    ends = [start, *((c[4], c[5]) for c in half)]
    d = [f"M{_n(CX - start[0])} {_n(start[1])}"]
    d += [f"C{_n(CX - a)} {_n(b)} {_n(CX - c)} {_n(e)} {_n(CX - f)} {_n(g)}" for a, b, c, e, f, g in half]
    for (a, b, c, e, _, _), (x, y) in zip(reversed(half), reversed(ends[:-1]), strict=True):
        d.append(f"C{_n(CX + c)} {_n(e)} {_n(CX + a)} {_n(b)} {_n(CX + x)} {_n(y)}")
    return " ".join(d) + " Z"


def _shape(d: str, side: int = 1) -> str:
    """Path data of M, L and C commands with x from the midline, placed on `side` (1 as written, -1 mirrored)."""
    tokens = iter(re.split(r"([MLCZ])", d))
    out = []
    for token in tokens:
        if token.isalpha():
            values = [float(v) for v in next(tokens).split()]
            out.append(token + " ".join(_n(CX + side * v if i % 2 == 0 else v) for i, v in enumerate(values)))
    return " ".join(out)


def _bone(x1: float, y1: float, x2: float, y2: float, shaft: float, knob: float) -> str:
    """A long bone from (x1, y1) to (x2, y2), x from the midline: a shaft, two round knobs at each end."""
    x1, x2 = CX + x1, CX + x2
    s, r, end = shaft / 2, knob, y1 + math.hypot(x2 - x1, y2 - y1)  # drawn straight down, then turned
    d = (
        f"M{_n(x1 - s)} {_n(y1 + r)} A{r} {r} 0 1 1 {_n(x1)} {_n(y1 - r / 5)} A{r} {r} 0 1 1 {_n(x1 + s)} "
        f"{_n(y1 + r)} L{_n(x1 + s)} {_n(end - r)} A{r} {r} 0 1 1 {_n(x1)} {_n(end + r / 5)} "
        f"A{r} {r} 0 1 1 {_n(x1 - s)} {_n(end - r)} Z"
    )
    angle = -math.degrees(math.atan2(x2 - x1, y2 - y1))
    return f'<path d="{d}" transform="rotate({_n(angle)} {_n(x1)} {_n(y1)})"/>'


def _body(colour: str, edge: float) -> str:
    """The silhouette in one colour, grown by `edge` all round: drawn twice, it is a body with one outline."""
    parts = [f'<ellipse cx="{CX}" cy="62" rx="31" ry="37"/>', f'<rect x="{CX - 13}" y="90" width="26" height="32"/>']
    parts.append(f'<path d="{_mirrored((0, 112), TORSO)}"/>')
    for side in (-1, 1):
        for (x1, y1), (x2, y2), width in (((58, 136), (80, 312), 24), ((28, 314), (32, 506), 44)):  # arm, leg
            parts.append(
                f'<line x1="{CX + side * x1}" y1="{y1}" x2="{CX + side * x2}" y2="{y2}" '
                f'stroke-width="{_n(width + 2 * edge)}" stroke-linecap="round"/>'
            )
        parts.append(f'<circle cx="{CX + side * 82}" cy="326" r="13"/>')  # hand
        parts.append(f'<ellipse cx="{CX + side * 40}" cy="522" rx="19" ry="9"/>')  # foot
    return f'<g fill="{colour}" stroke="{colour}" stroke-width="{_n(2 * edge)}">{"".join(parts)}</g>'


def _places() -> dict[str, str]:
    """Each place's shapes, unpainted: the group around them says how the place is drawn."""
    sides = (-1, 1)
    spine = "".join(f'<rect x="{CX - 6}" y="{_n(112 + i * 11.6)}" width="12" height="9" rx="2.5"/>' for i in range(15))
    holes = " ".join(f"M{CX + x - 6} 318 a6 6 0 1 0 12 0 a6 6 0 1 0 -12 0 Z" for x in (-17, 17))
    femurs = "".join(_bone(side * 37, 336, side * 33, 414, 9, 6) for side in sides)
    arms = "".join(_bone(side * 60, 152, side * 69, 226, 5, 4.5) for side in sides)
    folds = " ".join(_shape(FOLDS, side) for side in sides)
    return {
        "bone": f'{spine}<path d="{_mirrored((0, 290), PELVIS)} {holes}" fill-rule="evenodd"/>{femurs}{arms}',
        "lungs": "".join(f'<path d="{_shape(LUNG, side)}"/>' for side in sides),
        "liver": f'<path d="{_shape(LIVER)}"/>',
        "brain": f'<path d="{_mirrored((0, 35), BRAIN)}"/><path d="{folds}" fill="none" stroke-width="1"/>',
    }


_SHAPES = _places()


def _place(place: str, highlighted: bool) -> str:
    """A place's shapes in a group that paints them: hatched with a thick dark outline, or plain."""
    if highlighted:
        paint = f'fill="url(#{HATCH_ID})" stroke="{INK}" stroke-width="{HIGHLIGHT_WIDTH}"'
    else:
        paint = f'fill="{PLAIN}" stroke="{PLAIN_EDGE}" stroke-width="{PLAIN_WIDTH}"'
    return f'<g id="bodymap-{place}" {paint} stroke-linejoin="round">{_SHAPES[place]}</g>'


def _hatch() -> str:
    """Diagonal lines on a warm ground, coloured by attributes; the tile repeats seamlessly."""
    return (
        f'<pattern id="{HATCH_ID}" width="7" height="7" patternUnits="userSpaceOnUse">'
        f'<rect width="7" height="7" fill="{HATCH_BACK}"/>'
        f'<path d="M-1 1 L1 -1 M0 7 L7 0 M6 8 L8 6" stroke="{HATCH_LINE}" stroke-width="1.6"/></pattern>'
    )


class Type(Record):
    """The labels' type: its size, the spacing of its lines, and how many characters a row holds at it."""

    font: float
    line: float
    wrap: int
    bold_wrap: int

    @classmethod
    def of(cls, font: float) -> Type:
        return cls(font, font * LINE / FONT, max(12, int(WRAP * FONT / font)), max(10, int(BOLD_WRAP * FONT / font)))


def _tspans(rows: Sequence[str], y: float, left: float, line: float, bold: bool = False) -> str:
    """Rows of a label, one under another from the baseline `y`, escaped."""
    weight = ' font-weight="bold"' if bold else ""
    return "".join(
        f'<tspan x="{_n(left)}" y="{_n(y + i * line)}"{weight}>{_esc(row)}</tspan>' for i, row in enumerate(rows)
    )


def _rows(spot: Spot, kind: Type) -> tuple[list[str], list[str]]:
    """A label's bold first rows (with the marker of a highlighted place) and its other rows, wrapped."""
    first = wrap((MARKER + " " if spot.highlighted else "") + spot.lines[0], kind.bold_wrap)
    return first, [row for line in spot.lines[1:] for row in wrap(line, kind.wrap)]


def _left(spots: Sequence[Spot], kind: Type) -> float:
    """Where the labels start: as far right as their longest row allows (short labels leave no empty margin,
    so the figure and its text print larger), never left of LABEL_X."""
    rows = [row for spot in spots if spot.lines for part in _rows(spot, kind) for row in part]
    widest = max((len(row) for row in rows), default=0)
    return max(LABEL_X, ELBOW_X - 24 - widest * kind.font * EM)


def _labels(spots: Sequence[Spot], left: float, kind: Type) -> tuple[str, float]:
    """Each spot's label on the left, level with its place where there is room, a leader to it; and their foot."""
    out, foot = [], 0.0
    for spot in sorted(spots, key=lambda s: ANCHORS[s.place][1]):
        if not spot.lines:
            continue
        ax, ay = ANCHORS[spot.place]
        first, rest = _rows(spot, kind)
        line = kind.line
        y = max(
            ay - 5 - (len(first) - 1) * line, foot + GAP + kind.font
        )  # the first baseline: the rule meets the leader
        rule = y + (len(first) - 1) * line + 5  # under the first line, then on to the place
        below = _tspans(rest, rule + kind.font + 2, left, line)
        out.append(f"<text>{_tspans(first, y, left, line, bold=True)}{below}</text>")
        out.append(
            f'<path d="M{_n(left)} {_n(rule)} H{ELBOW_X} L{ax} {ay}" fill="none" stroke="{INK}" stroke-width="1"/>'
            f'<circle cx="{ax}" cy="{ay}" r="2.5" fill="{INK}"/>'
        )
        foot = rule + 6 + len(rest) * line  # a little below the last baseline
    return "".join(out), foot


def _legend(note: str, top: float, left: float, kind: Type) -> tuple[str, float]:
    """A swatch of a highlighted place, the marker and the note, under everything; and its foot."""
    room = int((WIDTH - left - 52) / (kind.font * EM))  # characters a row holds beside the swatch
    rows = wrap(f"{MARKER} {note}", min(LEGEND_WRAP, max(room, 12)))
    swatch = (
        f'<rect x="{_n(left + 2)}" y="{_n(top)}" width="30" height="18" rx="3" '
        f'fill="url(#{HATCH_ID})" stroke="{INK}" stroke-width="{HIGHLIGHT_WIDTH}"/>'
    )
    text = "".join(
        f'<tspan x="{_n(left + 44)}" y="{_n(top + 14 + i * kind.line)}">{_esc(row)}</tspan>'
        for i, row in enumerate(rows)
    )
    return f"{swatch}<text>{text}</text>", top + 18 + (len(rows) - 1) * kind.line


def body_map(
    spots: Sequence[Spot], *, title: str, description: str, highlight_note: str = "", font: float = FONT
) -> str:
    """Return an inline <svg> element (a string): the figure, every spot's label, and a legend if one is highlighted.

    The places not among `spots` are drawn plain and unlabelled, so the figure is whole. `title` and
    `description` are its accessible name and description; `highlight_note` explains the marker
    (★) and the hatch of a highlighted place, under the figure. All text is escaped: none becomes markup.
    `font`: the labels' size in the drawing's units (larger for short labels on a small printed map).
    Raises ValueError for a place not in PLACES, or one given twice.
    """
    given = [spot.place for spot in spots]
    for place in given:
        if place not in PLACES:
            raise ValueError(f"no place {place!r} on the body map: it has {', '.join(PLACES)}")
        if given.count(place) > 1:
            raise ValueError(f"the place {place!r} is given twice")
    marked = {spot.place for spot in spots if spot.highlighted}
    kind = Type.of(font)
    left = _left(spots, kind)
    labels, foot = _labels(spots, left, kind)
    legend = ""
    if marked and highlight_note:
        legend, foot = _legend(highlight_note, max(foot, BOTTOM) + 16, left, kind)
    height = max(foot, BOTTOM) + 10
    origin = left - LABEL_X  # the empty margin left of the labels is cropped away
    places = "".join(_place(place, place in marked) for place in ("bone", "lungs", "liver", "brain"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{TITLE_ID}" aria-describedby="{DESC_ID}" '
        f'viewBox="{_n(origin)} 0 {_n(WIDTH - origin)} {_n(height)}" width="100%">'
        f'<title id="{TITLE_ID}">{_esc(title)}</title><desc id="{DESC_ID}">{_esc(description)}</desc>'
        f"<defs>{_hatch()}</defs>{_body(SKIN_EDGE, 1.5)}{_body(SKIN, 0)}{places}"
        f'<g font-family="sans-serif" font-size="{_n(font)}" fill="{INK}">{labels}{legend}</g></svg>'
    )
