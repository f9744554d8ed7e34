"""Render an answer, or the failure to give one, as one JSON document.

An answer is {"query", "results", "advice", "sources", ...}; a failure is {"error": {...}}.
The text is always valid UTF-8 JSON and safe to print: every character that is not printable is
written as a JSON escape, and a lone surrogate (from an argument that was not valid UTF-8) as the
text "\\udcff", the way the tables show it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from mbc_cli.errors import KnowledgeBaseError, MbcError, NoSymptomMatched, NotFoundError, Problem, Unanswered
from mbc_cli.render.document import Document, JsonObject, Row, citations_json, numbering, source_json


def render(document: Document, *, ascii_only: bool = False) -> str:
    """Return the answer as JSON text; sources are those cited, in citation-number order.

    With `ascii_only`, every other character is escaped (\\u2022): for an output that is not UTF-8.
    """
    numbers = numbering(document)
    for source in _cited(document.results):
        numbers.setdefault(source, len(numbers) + 1)
    payload = {
        "query": document.query,
        "results": list(document.results),
        "shown": shown(document),
        **dict(document.extra),
        "advice": {"text": " ".join(document.advice.cells), "citations": citations_json(document.advice.citations)},
        "sources": [{"number": n, **source_json(document.sources[s])} for s, n in numbers.items()],
    }
    return dumps(payload, ascii_only)


def shown(document: Document) -> JsonObject:
    """Every text the table and Markdown show, each with the citations of its own words: the lead lines,
    each section's cells by column (and each row's own citations, of what ties it to the answer), the
    notes. The same words and citations as the other formats, for a program to check or show."""

    def line(row: Row) -> JsonObject:
        return {"text": " ".join(row.cells), "citations": citations_json(row.every_citation())}

    return {
        "title": document.title,
        "lead": [line(row) for row in document.lead],
        "sections": [
            {
                "title": section.title,
                "rows": [
                    {
                        "cells": [
                            {"column": column, "text": cell, "citations": citations_json(row.cell_citations(index))}
                            for index, (column, cell) in enumerate(zip(section.columns, row.cells, strict=True))
                        ],
                        "citations": citations_json(row.citations),
                    }
                    for row in section.rows
                ],
            }
            for section in document.sections
        ],
        "notes": [line(row) for row in document.notes],
    }


def error(failure: MbcError, *, ascii_only: bool = False) -> str:
    """Return the JSON document for a failure: {"error": {"code", "reason", "message", ...}}.

    A name not found adds "looked_for", "name" and "suggestions" (and "terms" for symptoms);
    a broken knowledge base adds "path" and "problems", each with file, line, column and entry.
    """
    details: dict[str, object] = {}
    if isinstance(failure, NotFoundError):
        details = {"looked_for": failure.kind, "name": failure.name, "suggestions": list(failure.suggestions)}
        if isinstance(failure, NoSymptomMatched):
            details["terms"] = [
                {
                    "term": match.term,
                    "suggestions": list(match.suggestions),
                    "names_a": match.names.kind if match.names else None,
                }
                for match in failure.matches
            ]
    if isinstance(failure, Unanswered):
        details["not_in_sources"] = list(failure.not_in_sources)
        details["corrected"] = [
            {"typed": getattr(c, "typed", ""), "read_as": getattr(c, "read_as", "")} for c in failure.corrected
        ]
    if isinstance(failure, KnowledgeBaseError):
        details = {
            "path": failure.path,
            "problems": [_problem(problem) for problem in failure.problems],
            "unread": list(failure.unread),
        }
    return failed(failure.exit_code, failure.reason, str(failure), details, ascii_only=ascii_only)


def failed(
    code: int, reason: str, message: str, details: Mapping[str, object] | None = None, *, ascii_only: bool = False
) -> str:
    """Return the JSON document for any failure, such as a usage error found while reading the command."""
    return dumps({"error": {"code": code, "reason": reason, "message": message, **(details or {})}}, ascii_only)


def _problem(problem: Problem) -> dict[str, object]:
    where = problem.location
    return {
        "file": where.file if where else None,
        "line": where.line if where else None,
        "column": where.column if where else None,
        "entry": problem.entry,
        "message": problem.message,
        **({"closest": problem.closest} if problem.closest is not None else {}),
    }


def dumps(payload: object, ascii_only: bool = False) -> str:
    """JSON text that is safe to print: json.dumps leaves DEL, C1 controls such as CSI (\x9b), format
    characters and lone surrogates raw; each is written as an escape here (the JSON value is the same)."""
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    if (text.isascii() or not ascii_only) and all(line.isprintable() for line in text.split("\n")):
        return text
    return "".join(_escaped(char) if _unsafe(char, ascii_only) else char for char in text)


def _unsafe(char: str, ascii_only: bool) -> bool:
    # Outside strings JSON text holds only ASCII punctuation, digits, spaces and newlines.
    return (not char.isprintable() and char != "\n") or (ascii_only and not char.isascii())


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        # A lone surrogate is not a character, and strict JSON readers refuse its \u escape:
        # write it as text, an escaped backslash and its code, as the tables show it.
        return f"\\\\u{code:04x}"
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


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
