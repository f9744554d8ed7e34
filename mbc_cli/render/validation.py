"""Render the summary `mbc validate` prints for a knowledge base that passed its checks."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table

from mbc_cli.query import Summary
from mbc_cli.render.text import literal, source_label


def summary(result: Summary, *, quotes_checked: bool) -> RenderableType:
    """Return the counts of entries and citations, under a line saying the check passed."""
    checked = "every quote found in its source snapshot" if quotes_checked else "quotes not checked (use --sources)"
    headline = literal(f"Knowledge base OK: {result.path} ({checked})", style="bold green")
    entries = Table(title="Entries", title_justify="left")
    entries.add_column("kind")
    entries.add_column("entries", justify="right")
    for kind, count in result.counts:
        entries.add_row(literal(kind), str(count))
    cited = Table(title="Citations per source", title_justify="left")
    cited.add_column("source", overflow="fold")
    cited.add_column("citations", justify="right")
    for source, count in result.citations_by_source:
        cited.add_row(literal(f"{source_label(source)} [{source.id}]"), str(count))
    return Group(headline, entries, cited)


def as_json(result: Summary, *, sources: str | None, ascii_only: bool = False) -> str:
    """The summary as one JSON document, for editors and CI (a failure is the error document instead)."""
    from mbc_cli.render.json import dumps

    return (
        dumps(
            {
                "query": {"command": "validate", "path": result.path, "sources": sources},
                "ok": True,
                "quotes_checked": sources is not None,
                "counts": dict(result.counts),
                "citations_by_source": {source.id: count for source, count in result.citations_by_source},
                "problems": [],
            },
            ascii_only,
        )
        + "\n"
    )
