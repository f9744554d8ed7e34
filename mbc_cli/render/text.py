"""Text from users and from data, made safe to show: literal, never markup, never raw controls."""

from __future__ import annotations

from rich.text import Text

from mbc_cli.model import Source


def visible(text: str) -> str:
    """Return `text` with control characters written as escapes (\\x1b), so none reach the terminal."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def literal(text: str, style: str = "") -> Text:
    """Return `text` as Rich Text: shown exactly, with no markup or emoji codes interpreted."""
    return Text(visible(text), style=style)


def source_label(source: Source) -> str:
    """Name a source for a reader: publisher and title, or what the snapshot is when it names neither."""
    parts = [part for part in (source.publisher, source.title) if part]
    if parts:
        return ", ".join(parts)
    return f"Publisher and title not named (snapshot {source.snapshot})"
