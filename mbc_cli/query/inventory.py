"""What a knowledge base holds: entries of each kind, and citations per source."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from mbc_cli import kinds, model
from mbc_cli.declare import Record
from mbc_cli.model import Citation, KnowledgeBase, Note, Source


class Summary(Record):
    """What a knowledge base holds: entries of each kind, and claims cited per source."""

    path: str
    counts: tuple[tuple[str, int], ...]
    """(kind, number of entries), in the order the files are listed."""
    citations_by_source: tuple[tuple[Source, int], ...]
    """(source, number of citations of it), in the order of sources.yaml."""


def summary(kb: KnowledgeBase) -> Summary:
    """Count the entries of each kind and the citations of each source."""
    counts = tuple((kind, len(entries)) for kind, entries in entries_by_kind(kb))
    cited = Counter(citation.source for citation in all_citations(kb))
    return Summary(kb.path, counts, tuple((source, cited[source.id]) for source in kb.sources.values()))


def all_citations(kb: KnowledgeBase) -> list[Citation]:
    """Return every citation in the knowledge base's entries, in file order."""
    everything = tuple(entries for _, entries in entries_by_kind(kb))
    return [item for item in model.walk(everything) if isinstance(item, Citation)]


def entries_by_kind(kb: KnowledgeBase) -> tuple[tuple[str, Mapping[str, object]], ...]:
    """Return (kind, entries by id) for each kind of entry, in the order the files are listed."""
    return tuple((kind.plural, kb.entries(kind)) for kind in kinds.FILES)


def advice(kb: KnowledgeBase) -> Note:
    """Return the sources' advice that ends every answer: see the care team."""
    return kb.notes.get("contact_care_team") or next(n for n in kb.notes.values() if n.topic == "advice")
