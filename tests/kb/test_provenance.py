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
    entries, problems, _ = load.read_folder(ROOT / "data")
    assert problems == []
    citations = [(c.quote_at, c.source, c.quote, c.entry) for c in check.iter_citations(entries)]
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
    entries, _, _ = load.read_folder(ROOT / "data")
    snapshots = {e.text("id"): e.text("snapshot") for e in entries[Kind.SOURCE]}
    cited = next(iter(check.iter_citations(entries)))
    problems = provenance.check_quotes(
        [(cited.quote_at, cited.source, cited.quote + " and more", cited.entry)], snapshots, sources_dir
    )
    assert [p.location for p in problems] == [cited.quote_at]
    assert "quote not found" in problems[0].message
    assert problems[0].entry == cited.entry


def test_a_misquote_shows_the_closest_passage_with_the_words_that_differ_marked(sources_dir: Path) -> None:
    entries, _, _ = load.read_folder(ROOT / "data")
    snapshots = {e.text("id"): e.text("snapshot") for e in entries[Kind.SOURCE]}
    real = "pain and fractures, if cancer has spread to the bone"
    cited = next(c for c in check.iter_citations(entries) if c.quote == real)
    wrong = "pain and broken bones, if cancer has spread to the bone"
    twice = [(cited.quote_at, cited.source, wrong, cited.entry)] * 2  # an anchor's quote, used twice
    problems = provenance.check_quotes(twice, snapshots, sources_dir)
    assert len(problems) == 1  # one mistake, reported once
    assert problems[0].closest == real
    assert '"pain and «fractures,» if cancer has spread to the bone"' in problems[0].message
    assert "the quote's own words: broken, bones" in problems[0].message


def test_a_quote_like_nothing_in_the_source_says_so(sources_dir: Path) -> None:
    entries, _, _ = load.read_folder(ROOT / "data")
    snapshots = {e.text("id"): e.text("snapshot") for e in entries[Kind.SOURCE]}
    cited = next(iter(check.iter_citations(entries)))
    made_up = "purple elephants compose sonatas beneath the quiet harbour at dawn"
    problems = provenance.check_quotes([(cited.quote_at, cited.source, made_up, None)], snapshots, sources_dir)
    assert problems[0].closest is None
    assert "no passage of the source is close to it" in problems[0].message


@pytest.mark.parametrize(
    ("quote", "passage", "marked"),
    [
        ("a b c d e", "x y a b Q d e z", "a b «Q» d e"),  # a word changed
        ("a b c d e", "a b c d e", "a b c d e"),
        ("a b extra c d", "w a b c d w", "a b c d"),  # a word the source does not have
        ("A, B c d", "q a b C d q", "a b C d"),  # case and punctuation aside
    ],
)
def test_the_alignment_marks_only_the_words_that_differ(quote: str, passage: str, marked: str) -> None:
    found = provenance._Finder(passage).closest(quote)
    assert found is not None
    assert found.marked == marked


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
