"""Render a Document as one JSON document: {"query", "results", "sources", "advice", ...}."""

from __future__ import annotations

import json

from mbc_cli.render.document import Document, citations_json, numbering, source_json


def render(document: Document) -> str:
    """Return the answer as JSON text; sources are those cited, in citation-number order."""
    numbers = numbering(document)
    for source in _cited(document.results):
        numbers.setdefault(source, len(numbers) + 1)
    payload = {
        "query": document.query,
        "results": list(document.results),
        **dict(document.extra),
        "advice": {"text": " ".join(document.advice.cells), "citations": citations_json(document.advice.citations)},
        "sources": [{"number": n, **source_json(document.sources[s])} for s, n in numbers.items()],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _cited(value: object) -> list[str]:
    """Source ids cited anywhere inside JSON results, in order."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("source"), str) and "quote" in item:
                found.append(item["source"])
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
    return found
