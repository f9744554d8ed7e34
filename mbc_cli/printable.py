"""The one rule for showing text from users and from data: every character that is not printable
(a line break, a terminal escape, a direction mark, a lone surrogate) is written as its escape."""

from __future__ import annotations


def visible(text: str) -> str:
    """Return `text` with unprintable characters written as escapes (\\x1b, \\u202e), on one line."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
