"""The question commands through the command line: exit codes, JSON contract, Markdown, pipes."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from mbc_cli.cli import app

from .test_cli_reference import COMMANDS as REFERENCE_COMMANDS

runner = CliRunner()

COMMANDS = [
    ["site", "bone"],
    ["site", "Lungs"],
    ["site", "spine"],
    ["site", "lymph nodes"],
    ["sites"],
    ["symptom", "headache"],
    ["symptom", "yellow skin", "nausea"],
    ["symptoms"],
    ["treatments"],
    ["treatments", "--her2-positive"],
    ["treatments", "--triple-negative", "--site", "brain"],
    ["tests"],
    ["tests", "--site", "liver"],
    ["treatments", "triple", "negative"],
    ["treatments", "her2+", "--site", "bone"],
    ["ask", "is it curable?"],
    ["ask", "how long do people live with it"],
    ["ask", "what treatments are there for her2+"],
    ["ask", "what does spread to the liver cause"],
]


EVERY = [*COMMANDS, *REFERENCE_COMMANDS]
"""Every question command, with the reference ones (stats, term, drug, sources, search)."""


@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_command_answers_with_references_and_advice(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "References" in result.stdout
    assert "[1]" in result.stdout
    assert "health care provider right away" in result.stdout
    assert "\x1b" not in result.stdout  # not a terminal: no escape codes
    assert result.stderr == ""


@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_json_is_one_document_with_the_contract(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert list(payload)[:2] == ["query", "results"]
    assert payload["query"]["command"] == args[0]
    assert payload["results"]
    for item in payload["results"]:
        assert isinstance(item["id"], str)
        assert isinstance(item["name"], str)
        assert isinstance(item["citations"], list)
    sources = {s["id"]: s for s in payload["sources"]}
    assert all({"publisher", "title", "url"} <= set(s) for s in sources.values())
    assert payload["advice"]["citations"]
    assert "[bold" not in result.stdout


@pytest.mark.parametrize("args", EVERY, ids=" ".join)
def test_markdown_is_a_document(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert re.search(r"^\[\^[a-z-]+\]: ", result.stdout, flags=re.MULTILINE)  # a footnote for each source cited


def test_site_json_has_symptoms_tests_and_treatments() -> None:
    payload = json.loads(runner.invoke(app, ["site", "bone", "--json"]).stdout)
    (bone,) = payload["results"]
    assert bone["frequency"]["percent"] == 65.1
    symptoms = {s["id"]: s for s in bone["symptoms"]}
    assert symptoms["increased_thirst"]["via"] == "hypercalcemia"
    assert "bone_scan" in {t["id"] for t in bone["tests"]}
    assert "bone_strengthening" in {t["id"] for t in bone["treatments"]}


def test_symptom_json_explains_the_ranking() -> None:
    payload = json.loads(runner.invoke(app, ["symptom", "headache", "vomiting", "--json"]).stdout)
    first = payload["results"][0]
    assert (first["id"], first["rank"]) == ("brain", 1)
    assert [e["term"] for e in first["explains"]] == ["headache", "vomiting"]
    assert payload["query"]["matches"][0]["how"] == "name"


def test_treatments_json_filters_by_subtype() -> None:
    payload = json.loads(runner.invoke(app, ["treatments", "--her2-positive", "--json"]).stdout)
    ids = {r["id"] for r in payload["results"]}
    assert "hormone_therapy" not in ids
    drugs = {d["name"] for r in payload["results"] for d in r["drugs"]}
    assert "trastuzumab" in drugs
    assert not drugs & {"tamoxifen", "olaparib", "talazoparib", "sacituzumab govitecan"}


def test_unknown_site_exits_1_with_a_suggestion() -> None:
    result = runner.invoke(app, ["site", "lvier"])
    assert result.exit_code == 1
    assert 'No site "lvier". Did you mean: liver?' in result.stderr
    assert result.stdout == ""


def test_unmatched_symptom_is_reported_while_others_are_answered() -> None:
    result = runner.invoke(app, ["symptom", "headache", "headahce"])
    assert result.exit_code == 0
    assert 'No symptom "headahce". Did you mean: headache' in result.stderr
    assert "brain" in result.stdout


def test_no_symptom_matched_exits_1() -> None:
    result = runner.invoke(app, ["symptom", "jaundise"])
    assert result.exit_code == 1
    assert "Did you mean: jaundice" in result.stderr


@pytest.mark.parametrize("flag", ["--hr-positive", "--her2-positive"])
def test_triple_negative_with_a_positive_flag_is_a_usage_error(flag: str) -> None:
    result = runner.invoke(app, ["treatments", "--triple-negative", flag])
    assert result.exit_code == 2
    assert "hormone-receptor-negative and HER2-negative" in result.stderr


def test_missing_argument_is_a_usage_error() -> None:
    result = runner.invoke(app, ["site"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("term", "code", "said"),
    [
        ("[bold]x[/bold]", 1, "No site"),
        ("[/]", 2, "has no words to look up"),  # markup only: no words, so a usage error
        (":warning:", 1, "No site"),
        ("evil\x1b[2Jterm", 1, "No site"),
    ],
)
def test_user_text_is_echoed_literally_and_safely(term: str, code: int, said: str) -> None:
    result = runner.invoke(app, ["site", term])
    assert result.exit_code == code
    shown = term.replace("\x1b", "\\x1b")
    assert f'"{shown}"' in result.stderr
    assert said in result.stderr
    assert "\x1b" not in result.stderr
    assert "⚠" not in result.stderr


def test_a_term_naming_something_else_says_what_it_names() -> None:
    result = runner.invoke(app, ["symptom", "Herceptin", "lvier"])
    assert result.exit_code == 1
    assert 'No symptom "Herceptin". (It names the drug trastuzumab: try mbc drug trastuzumab.)' in result.stderr
    assert 'No symptom "lvier". Did you mean: liver? (It names the site liver: try mbc site liver.)' in result.stderr


def _cited_quotes(args: list[str]) -> set[str]:
    """Every quote the lines of this command's answer cite (the closing advice aside), built as the command does."""
    from mbc_cli import query
    from mbc_cli.kb import cache
    from mbc_cli.render import sites, symptoms, treatments
    from mbc_cli.render.document import Context

    kb = cache.open_kb()
    context = Context(kb.sources, query.advice(kb))
    build = {
        "site": lambda: sites.site(query.by_site(kb, args[1]), context),
        "symptom": lambda: symptoms.symptom(query.by_symptoms(kb, args[1:]), context),
        "treatments": lambda: treatments.treatments(
            query.treatments_for(kb, profile=query.profile(her2_positive=True)), context
        ),
        "tests": lambda: treatments.tests(query.tests_for(kb, site=args[-1]), context),
    }[args[0]]
    document = build()
    rows = (*document.lead, *(row for section in document.sections for row in section.rows), *document.notes)
    return {c.quote for row in rows for c in row.every_citation()}


@pytest.mark.parametrize(
    "args",
    [["site", "liver"], ["symptom", "jaundice"], ["treatments", "--her2-positive"], ["tests", "--site", "liver"]],
)
def test_evidence_prints_every_cited_quote_of_the_query_commands(args: list[str]) -> None:
    shown = runner.invoke(app, [*args, "--evidence", "--format", "markdown"])
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.output.split())
    quotes = _cited_quotes(args)
    assert quotes
    assert [q for q in quotes if " ".join(q.split()) not in flat] == []


def test_ask_says_which_command_answered_it() -> None:
    result = runner.invoke(app, ["ask", "what treatments are there for triple negative", "--json"])
    assert result.exit_code == 0, result.output
    query = json.loads(result.stdout)["query"]
    assert (query["command"], query["answered_by"]) == ("ask", "mbc treatments --triple-negative")
    assert query["answer"]["command"] == "treatments"
    table = runner.invoke(app, ["ask", "what treatments are there for triple negative"]).stdout
    assert "Answered by: mbc treatments --triple-negative" in table


def test_ask_answers_in_the_sources_words_with_their_citations() -> None:
    payload = json.loads(runner.invoke(app, ["ask", "is it curable", "--json"]).stdout)
    first = payload["results"][0]
    assert (first["kind"], first["id"]) == ("note", "no_cure")
    assert first["citations"] and first["about"] == ["cure"]
    assert payload["query"]["understood"] == ["cure"]


@pytest.mark.parametrize("question", ["what is the weather tomorrow", "how do I make pancakes"])
def test_ask_says_plainly_what_it_cannot_answer(question: str) -> None:
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f'mbc cannot answer "{question}" from its sources.' in result.stderr
    assert "It can answer questions about:" in result.stderr
    assert "health care provider" in result.stderr
    assert "Did you mean" not in result.stderr
    error = json.loads(runner.invoke(app, ["ask", question, "--json"]).stdout)["error"]
    assert (error["code"], error["reason"], error["suggestions"]) == (1, "not_found", [])


@pytest.mark.parametrize(
    ("words", "title"),
    [
        (["her2+"], "HER2-positive"),
        (["triple", "negative"], "triple-negative"),
        (["ER-positive"], "hormone-receptor-positive"),
    ],
)
def test_treatments_take_the_subtype_in_words(words: list[str], title: str) -> None:
    result = runner.invoke(app, ["treatments", *words])
    assert result.exit_code == 0, result.output
    assert title in result.stdout.splitlines()[0]


def test_treatments_refuse_words_that_are_no_subtype_and_contradictions() -> None:
    assert runner.invoke(app, ["treatments", "bogus"]).exit_code == 2
    result = runner.invoke(app, ["treatments", "her2+", "--her2-negative"])
    assert result.exit_code == 2
    assert "--her2-positive cannot go with --her2-negative" in result.stderr


@pytest.mark.parametrize(
    ("words", "named"), [("her2 positive", "HER2"), ("her2+", "HER2"), ("hr+", "hormone receptor-positive")]
)
def test_term_takes_subtype_words(words: str, named: str) -> None:
    result = runner.invoke(app, ["term", words])
    assert result.exit_code == 0, result.output
    assert f"In the sources' words: {named}" in result.stdout


def test_a_subtype_is_explained_by_the_broader_term_and_marked_as_a_kind_of_it() -> None:
    result = runner.invoke(app, ["term", "triple negative"])
    assert result.exit_code == 0, result.output
    assert '"triple negative" is a kind of hormone receptor-negative' in " ".join(result.stdout.split())
