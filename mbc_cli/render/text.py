"""Text from users and from data, made safe to show: literal, never markup, never raw controls.

`visible` (from mbc_cli.printable) is the escaping rule; `literal` applies it for Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mbc_cli.model import Source
from mbc_cli.printable import visible

if TYPE_CHECKING:  # Rich is imported by what shows an answer on a terminal, not by what builds one
    from rich.text import Text


def literal(text: str, style: str = "") -> Text:
    """Return `text` as Rich Text: shown exactly, with no markup or emoji codes interpreted."""
    from rich.text import Text

    return Text(visible(text), style=style)


def the(name: str) -> str:
    """A name with its article, once: "the liver", and "the breast and nearby skin" as it is."""
    return name if name.lower().startswith("the ") else f"the {name}"


def a(name: str) -> str:
    """A name with its indefinite article: "a drug", "an immunotherapy"."""
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def listed(names: list[str]) -> str:
    """Names in a sentence: "a", "a and b", "a, b and c"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def source_label(source: Source) -> str:
    """Name a source for a reader: publisher and title, or its label when it shows neither (never a file name)."""
    parts = [part for part in (source.publisher, source.title) if part]
    if parts:
        return ", ".join(parts)
    label = source.label or "A source that shows neither publisher nor title"  # load.build requires a label here
    return label[:1].upper() + label[1:]
