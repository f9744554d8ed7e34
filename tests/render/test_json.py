"""The JSON renderer: one self-contained document with the same content as the tables."""

from __future__ import annotations

import json

from mbc_cli import query
from mbc_cli.model import KnowledgeBase
from mbc_cli.render import json as json_render
from mbc_cli.render import markdown, reference, sites, symptoms
from mbc_cli.render.document import Context


def context(kb: KnowledgeBase) -> Context:
    return Context(kb.sources, query.advice(kb))


def test_json_contract(real_kb: KnowledgeBase) -> None:
    payload = json.loads(json_render.render(sites.sites(query.all_sites(real_kb), context(real_kb))))
    assert list(payload)[:2] == ["query", "results"]
    assert {"advice", "sources"} <= set(payload)
    assert [r["id"] for r in payload["results"]][:4] == ["bone", "lung", "liver", "brain"]
    for result in payload["results"]:
        assert {"id", "name", "citations"} <= set(result)
        assert all(set(c) == {"source", "quote"} for c in result["citations"])
    cited = {c["source"] for r in payload["results"] for c in r["citations"]}
    cited |= {c["source"] for c in payload["advice"]["citations"]}
    assert cited <= {s["id"] for s in payload["sources"]}
    assert [s["number"] for s in payload["sources"]] == list(range(1, len(payload["sources"]) + 1))


def test_json_sources_cover_nested_citations(real_kb: KnowledgeBase) -> None:
    payload = json.loads(json_render.render(sites.site(query.by_site(real_kb, "bone"), context(real_kb))))
    nested = {c["source"] for n in payload["results"][0]["notes"] for c in n["citations"]}
    assert nested <= {s["id"] for s in payload["sources"]}


def test_a_misspelt_word_left_aside_is_said_in_every_format(real_kb: KnowledgeBase) -> None:
    answer = query.by_symptoms(real_kb, ["feel nausious and lightheaded"])
    document = symptoms.symptom(answer, context(real_kb))
    payload = json.loads(json_render.render(document))
    assert payload["query"]["matches"][0]["misspelled"] == [{"word": "nausious", "did_you_mean": "nauseous"}]
    assert '"nausious" was left aside. Did you mean: nauseous?' in markdown.render(document)  # in its comment


def test_an_entrys_json_follows_its_declaration(real_kb: KnowledgeBase) -> None:
    """A drug's or a term's JSON is read from its class's declaration, under its YAML keys: a field
    declared in the model appears in JSON with no line written for it."""
    from mbc_cli.declare import Record, key
    from mbc_cli.model import Citation, Drug
    from mbc_cli.render.document import declared_json

    class Sample(Record):
        name: str
        spelled: str = key(name="spelled_as")
        citations: tuple[Citation, ...]

    assert declared_json(Sample("a", "b", (Citation("nci", "q"),))) == {
        "name": "a",
        "spelled_as": "b",
        "citations": [{"source": "nci", "quote": "q"}],
    }
    drug = next(iter(real_kb.drugs.values()))
    context = Context(real_kb.sources, query.advice(real_kb))
    answer = reference.drug(query.drug_named(real_kb, drug.name), context)
    shown = json.loads(json_render.render(answer))["results"][0]
    assert set(Drug.YAML_KEYS) <= set(shown)
    assert "class" in Drug.YAML_KEYS  # drug_class, as drugs.yaml writes it
