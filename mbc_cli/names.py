"""Normalise names and what people type, so that lookups ignore case, spacing and punctuation."""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"[^\w\s']+")
_SPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """Return the form of `text` that names are compared in: folded, unpunctuated, single-spaced."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("_", " ")
    text = _PUNCTUATION.sub(" ", text)
    return _SPACE.sub(" ", text).strip()
