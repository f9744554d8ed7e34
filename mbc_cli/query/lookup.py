"""Find what the user named, by name or alias, and suggest close names when nothing matches."""

from __future__ import annotations

import difflib

from mbc_cli.errors import NotFoundError
from mbc_cli.model import (
    KnowledgeBase,
    LocalArea,
    NameRef,
    Note,
    Site,
)
from mbc_cli.names import name_key

SITE_KINDS = frozenset({"site", "place", "local_area"})
"""What names a place in the body: a site, a place within one, or a local area."""


ALL_KINDS = frozenset({"site", "place", "local_area", "symptom", "test", "treatment", "drug", "term"})


def suggest(kb: KnowledgeBase, text: str, kinds: frozenset[str], limit: int = 3) -> tuple[str, ...]:
    """Return up to `limit` known names of the given kinds closest to `text`, best first."""
    candidates = {key: refs for key, refs in kb.names.items() if any(ref.kind in kinds for ref in refs)}
    close = difflib.get_close_matches(name_key(text), list(candidates), n=limit, cutoff=0.6)
    return tuple(close)


def refs(kb: KnowledgeBase, text: str, kinds: frozenset[str]) -> tuple[NameRef, ...]:
    """Return what `text` names among entries of the given kinds (by name or alias)."""
    return tuple(ref for ref in kb.names.get(name_key(text), ()) if ref.kind in kinds)


def advice(kb: KnowledgeBase) -> Note:
    """Return the sources' advice that ends every answer: see the care team."""
    return kb.notes.get("contact_care_team") or next(n for n in kb.notes.values() if n.topic == "advice")


def area_ref(kb: KnowledgeBase, name: str) -> NameRef:
    """Return what `name` means as a place in the body; a site wins over a place or local area."""
    found = refs(kb, name, SITE_KINDS)
    if not found:
        raise NotFoundError("site", name, suggest(kb, name, SITE_KINDS))
    return next((r for r in found if r.kind == "site"), found[0])


def area(kb: KnowledgeBase, name: str) -> Site | LocalArea:
    """Return the site or local area `name` means (a place within a site means its site)."""
    ref = area_ref(kb, name)
    return kb.local_areas[ref.id] if ref.kind == "local_area" else kb.sites[ref.id]
