"""The knowledge base's vocabulary: enough words for each symptom and site, and none wasted."""

from __future__ import annotations

from collections.abc import Iterator

from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import name_key, stem_key


def named(kb: KnowledgeBase) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(id, name, aliases) of every entry and place that has names (a symptom's narrower kinds among them)."""
    for group in (kb.sites, kb.local_areas, kb.symptoms, kb.tests, kb.treatments, kb.drugs, kb.terms):
        for entry in group.values():
            yield entry.id, entry.name, (*entry.aliases, *getattr(entry, "narrower", ()))
    for site in kb.sites.values():
        for place in site.places:
            yield site.id, place.name, place.aliases


def test_every_symptom_has_at_least_three_aliases(real_kb: KnowledgeBase) -> None:
    few = {s.id: s.aliases for s in real_kb.symptoms.values() if len(s.aliases) < 3}
    assert few == {}


def test_every_site_has_lay_or_clinical_words(real_kb: KnowledgeBase) -> None:
    assert all(site.aliases for site in real_kb.sites.values())


def test_no_alias_is_only_an_inflection_of_another_name(real_kb: KnowledgeBase) -> None:
    """Plurals, other endings, case and hyphens are matched anyway: such an alias only hides how it matched."""
    wasted = []
    for entry_id, name, aliases in named(real_kb):
        seen = {stem_key(name_key(name)): name}
        for alias in aliases:
            key = stem_key(name_key(alias))
            if key in seen:
                wasted.append(f"{entry_id}: {alias!r} is {seen[key]!r}")
            seen.setdefault(key, alias)
    assert wasted == []


def test_names_shared_by_two_entries_are_symptoms_meant_both_ways(real_kb: KnowledgeBase) -> None:
    """An alias on two symptoms is deliberate ("sick": nausea or vomiting); across kinds only known pairs."""
    shared = {key: refs for key, refs in real_kb.names.items() if len({(r.kind, r.id) for r in refs}) > 1}
    symptoms_only = {key for key, refs in shared.items() if all(r.kind == "symptom" for r in refs)}
    assert {"sick", name_key("can't poop")} <= symptoms_only
