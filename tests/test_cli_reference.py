"""The reference commands through the command line: stats, term(s), drug(s), sources, search, --evidence."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from mbc_cli import query
from mbc_cli.cli import app
from mbc_cli.model import Citation, KnowledgeBase
from mbc_cli.render import reference
from mbc_cli.render.document import Context, with_quotes

runner = CliRunner()
WIDE = {"COLUMNS": "2000"}
"""A terminal wide enough that no quote is wrapped."""

COMMANDS = [  # their answer, JSON and Markdown contracts are tested with the others in test_cli_queries.py
    ["stats"],
    ["term", "oligometastatic"],
    ["term", "what", "does", "oligometastatic", "mean"],
    ["term", "hospice"],
    ["terms"],
    ["drug", "Kadcyla"],
    ["drug", "Herceptin"],
    ["drug", "ado-trastuzumab emtansine"],
    ["drugs"],
    ["sources"],
    ["search", "five year survival"],
    ["search", "Kadcyla"],
    ["search", "bone", "pain"],
]


def payload(args: list[str]) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stats_show_both_five_year_figures_side_by_side() -> None:
    result = runner.invoke(app, ["stats", "--format", "markdown"])
    lines = result.stdout.splitlines()
    nci = next(i for i, line in enumerate(lines) if line.startswith("| 31% |"))
    assert lines[nci + 1].startswith("| 27%, from the American Cancer Society, as the source quotes it |")
    assert "alive 5 years after diagnosis" in lines[nci]
    assert "live at least another 5 years" in lines[nci + 1]
    assert "Survival: 2 figures from different sources, side by side" in result.stdout
    assert "29%" not in result.stdout


def test_stats_json_keeps_each_figure_with_what_it_measures() -> None:
    results = {r["id"]: r for r in payload(["stats"])["results"]}
    nci, acs = results["five_year_relative_survival_nci"], results["five_year_survival_acs"]
    assert (nci["value"], acs["value"]) == ("31%", "27%")
    assert nci["measures"] != acs["measures"]
    assert nci["alongside"] == ["five_year_survival_acs"]
    assert {c["source"] for c in acs["citations"]} == {"news_article"}
    assert results["bone"]["kind"] == "site_frequency"
    assert results["bone"]["percent"] == 65.1


def test_stats_draw_site_shares_as_bars() -> None:
    result = runner.invoke(app, ["stats"], env=WIDE)
    bone = next(line for line in result.stdout.splitlines() if " bone " in line and "65.1%" in line)
    assert "█" * 13 + "·" * 7 in bone


@pytest.mark.parametrize("typed", ["Kadcyla", "KADCYLA", "kadcyla", "ado-trastuzumab emtansine"])
def test_drug_by_brand_or_generic_name(typed: str) -> None:
    (drug,) = payload(["drug", typed])["results"]
    assert (drug["id"], drug["brands"], drug["for"]) == ("ado_trastuzumab_emtansine", ["Kadcyla"], ["her2_positive"])
    assert drug["treatment"]["id"] == "targeted_therapy"


def test_a_brand_says_its_generic_name() -> None:
    result = runner.invoke(app, ["drug", "Herceptin"], env=WIDE)
    assert "Herceptin is a brand name of trastuzumab (its generic name)." in result.stdout
    assert "targeted therapy for HER2-positive cancer" in result.stdout


def test_a_generic_name_shows_its_brands() -> None:
    result = runner.invoke(app, ["drug", "trastuzumab"], env=WIDE)
    assert "trastuzumab (Herceptin)" in result.stdout
    assert "brand name of" not in result.stdout


def test_drugs_list_generic_and_brand_names() -> None:
    results = {r["id"]: r for r in payload(["drugs"])["results"]}
    assert results["trastuzumab"]["brands"] == ["Herceptin"]
    assert results["pembrolizumab"]["treatment"]["id"] == "immunotherapy"


def test_term_answers_what_a_word_means() -> None:
    result = runner.invoke(app, ["term", "oligometastatic"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "In the sources' words: oligometastatic cancer" in result.stdout
    assert "only a few small areas of metastatic cancer" in result.stdout
    (term,) = payload(["term", "oligometastatic"])["results"]
    assert term["match"]["how"] == "partial"
    assert all(d["citations"] for d in term["definitions"])


def test_terms_list_every_term(real_kb: KnowledgeBase) -> None:
    assert [r["id"] for r in payload(["terms"])["results"]] == list(real_kb.terms)


def test_sources_list_the_bibliography_with_counts(real_kb: KnowledgeBase) -> None:
    results = {r["id"]: r for r in payload(["sources"])["results"]}
    assert list(results) == list(real_kb.sources)
    counted = {source.id: n for source, n in query.summary(real_kb).citations_by_source}
    assert {i: r["cited"] for i, r in results.items()} == counted
    assert results["nci"]["url"] == "https://www.cancer.gov/types/breast/stages/metastatic-breast-cancer"
    assert results["news_article"]["url"] is None
    result = runner.invoke(app, ["sources"], env=WIDE)
    assert "public domain (U.S. government work)" in result.stdout
    assert "last reviewed 2025-12-30" in result.stdout


def test_search_groups_results_with_their_commands() -> None:
    answer = payload(["search", "Kadcyla"])
    first = answer["results"][0]
    assert (first["kind"], first["id"], first["command"]) == (
        "drug",
        "ado_trastuzumab_emtansine",
        "mbc drug 'ado-trastuzumab emtansine'",
    )
    result = runner.invoke(app, ["search", "five", "year", "survival"], env=WIDE)
    assert "Statistics" in result.stdout
    assert "mbc stats" in result.stdout
    assert "mbc term '5-year relative survival rate'" in result.stdout


# --- --evidence ----------------------------------------------------------------------------


def quoted(citations: tuple[Citation, ...]) -> list[str]:
    return [f"“{c.quote}”" for c in dict.fromkeys(citations)]


@pytest.mark.parametrize(
    "args",
    [
        ["drug", "Kadcyla"],
        ["term", "oligometastatic"],
        ["stats"],
        ["search", "five year survival"],
        ["terms"],
        ["drugs"],
    ],
    ids=" ".join,
)
def test_evidence_shows_each_quote_exactly(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--evidence"], env=WIDE)
    assert result.exit_code == 0, result.output
    shown = payload(args)["shown"]
    rows = [*shown["lead"], *shown["notes"]]
    rows += [cell for section in shown["sections"] for row in section["rows"] for cell in (*row["cells"], row)]
    cited = {c["quote"] for row in rows for c in row["citations"]}
    assert cited
    for quote in cited:
        assert f"“{quote}”" in result.stdout


def test_evidence_quotes_are_the_knowledge_base_citations(real_kb: KnowledgeBase) -> None:
    drug = real_kb.drugs["ado_trastuzumab_emtansine"]
    result = runner.invoke(app, ["drug", "Kadcyla", "--evidence"], env=WIDE)
    for quote in quoted(drug.citations) + quoted(drug.subtypes[0].citations):
        assert quote in result.stdout
    term = real_kb.terms["oligometastatic_cancer"]
    result = runner.invoke(app, ["term", "oligometastatic", "--evidence"], env=WIDE)
    for claim in term.definitions:
        for quote in quoted(claim.citations):
            assert quote in result.stdout


def test_evidence_puts_each_rows_quotes_under_it(real_kb: KnowledgeBase) -> None:
    context = Context(real_kb.sources, query.advice(real_kb))
    plain = reference.stats(query.statistics(real_kb), context)
    shown = with_quotes(reference.stats(query.statistics(real_kb), context))
    for before, after in zip(plain.sections, shown.sections, strict=True):
        rows = iter(after.rows)
        for row in before.rows:
            assert next(rows) == row
            for citation in dict.fromkeys(row.every_citation()):
                under = next(rows)
                assert under.citations == (citation,)
                assert any(f"“{citation.quote}”" in cell for cell in under.cells)
        assert next(rows, None) is None


def test_evidence_leaves_json_unchanged() -> None:
    assert payload(["stats", "--evidence"]) == payload(["stats"])


# --- not found -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["term", "oligometastatc"], 'No term "oligometastatc". Did you mean: oligometastatic cancer'),
        (["term", "Herceptin"], 'No term "Herceptin": it names the drug trastuzumab. Try: mbc drug trastuzumab'),
        (["term", "lvier"], 'No term "lvier". Did you mean: mbc site liver?'),
        (["drug", "Kadcila"], 'No drug "Kadcila". Did you mean: kadcyla?'),
        (["drug", "liver"], 'No drug "liver": it names the site liver. Try: mbc site liver'),
        (["search", "jaundise"], 'Nothing in the knowledge base matches "jaundise". Did you mean: jaundice'),
    ],
)
def test_unknown_names_exit_1_with_suggestions(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["term", "drug", "search"])
def test_missing_argument_is_a_usage_error(command: str) -> None:
    assert runner.invoke(app, [command]).exit_code == 2
