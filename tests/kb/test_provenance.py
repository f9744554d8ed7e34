"""Every quote in the knowledge base stands, word for word, in its source snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mbc_cli.kb import check, load, provenance
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase

from ..conftest import ROOT


def test_every_quote_is_found_in_its_snapshot(sources_dir: Path) -> None:
    entries, problems = load.read_folder(ROOT / "data")
    assert problems == []
    citations = [(c.quote_at, c.source, c.quote) for c in check.iter_citations(entries)]
    snapshots = {e.text("id"): e.text("snapshot") for e in entries[Kind.SOURCE]}
    assert len(citations) > 400
    assert provenance.check_quotes(citations, snapshots, sources_dir) == []


def test_sources_match_the_manifest(real_kb: KnowledgeBase, sources_dir: Path) -> None:
    manifest = {item["file"]: item for item in yaml.safe_load((sources_dir / "manifest.yaml").read_text())}
    assert {source.snapshot for source in real_kb.sources.values()} == set(manifest)
    for source in real_kb.sources.values():
        described = manifest[source.snapshot]
        assert source.publisher == described["publisher"]
        assert source.title == described["title"]
        assert source.label == described.get("label")
        assert source.url == described["url"]
        for field in ("published", "last_reviewed", "last_updated"):
            expected = described.get(field)
            assert getattr(source, field) == (None if expected is None else str(expected))
        assert source.authors == tuple(described.get("authors", ()))
        assert source.reviewed_by == tuple(described.get("reviewed_by", ()))
        assert source.faq_answered_by == tuple(described.get("faq_answered_by", ()))
        assert source.licence == described["licence"]


def test_a_changed_quote_is_caught(sources_dir: Path) -> None:
    entries, _ = load.read_folder(ROOT / "data")
    snapshots = {e.text("id"): e.text("snapshot") for e in entries[Kind.SOURCE]}
    cited = next(iter(check.iter_citations(entries)))
    problems = provenance.check_quotes(
        [(cited.quote_at, cited.source, cited.quote + " and more")], snapshots, sources_dir
    )
    assert [p.location for p in problems] == [cited.quote_at]
    assert "quote not found" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("[**chemotherapy**](/def/45214) to damage", "chemotherapy to damage"),
        ("![alt text](/img.jpg) caption", "alt text caption"),
        ("doesn\u2019t \u201cquoted\u201d", 'doesn\'t "quoted"'),
        ("*de novo*  metastatic\n\n  breast", "de novo metastatic breast"),
    ],
)
def test_normalise_applies_exactly_the_agreed_rules(raw: str, normalised: str) -> None:
    assert provenance.normalise(raw) == normalised


def test_every_person_is_one_name_with_their_credential(real_kb: KnowledgeBase) -> None:
    people = [
        name
        for source in real_kb.sources.values()
        for name in (*source.authors, *source.reviewed_by, *source.faq_answered_by)
    ]
    assert sorted(people) == ["Christina Chun, MPH", "Dr. Ananya Mandal", "Katie E. Golden, MD", "Sophie Vergnaud, MD"]
