"""Shape the reference answers into Documents: statistics, terms, drugs and sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mbc_cli.model import Citation, Drug, Source, Statistic, Study, Term, Treatment
from mbc_cli.render.document import (
    Context,
    Document,
    JsonObject,
    Row,
    Section,
    citations_json,
    claims_citations,
    claims_json,
    claims_text,
    declared_json,
    saying,
    source_json,
    with_caveats,
)
from mbc_cli.render.matches import describe, match_json
from mbc_cli.render.sites import bar
from mbc_cli.render.text import a, listed, source_label
from mbc_cli.render.treatments import drug_name, for_whom
from mbc_cli.understand.normalise import name_key

if TYPE_CHECKING:  # imported by the command that runs
    from mbc_cli.query.inventory import Summary
    from mbc_cli.query.reference import Named, Statistics

TOPIC_LABELS = {
    "survival": "Survival",
    "life_expectancy": "Life expectancy",
    "recurrence": "Recurrence",
    "de_novo": "De novo metastatic breast cancer",
    "prevalence": "How many people live with it",
    "spread": "Spread to several sites",
    "incidence": "Breast cancer among all cancers",
}
NOT_GIVEN = "-"


# --- mbc stats -----------------------------------------------------------------------------


def stats(answer: Statistics, context: Context) -> Document:
    """The answer to `mbc stats`."""
    sections = [_topic(topic, found) for topic, found in answer.topics]
    sections.append(
        Section(
            "How often each site is affected",
            ("site", "share", "bar"),
            tuple(
                Row((site.name, f"{site.frequency.percent:g}%", bar(site.frequency.percent)), site.frequency.citations)
                for site, _ in answer.sites
                if site.frequency
            ),
        )
    )
    results: list[JsonObject] = [
        {
            "id": stat.id,
            "name": stat.name,
            "citations": citations_json(stat.citations),
            "kind": "statistic",
            "topic": stat.topic,
            "measures": stat.measures,
            "value": stat.value,
            "low": stat.low,
            "high": stat.high,
            "unit": stat.unit,
            "population": stat.population,
            "year": stat.year,
            "study": _study_json(study),
            "said_by": stat.said_by,
            "caveats": claims_json(stat.caveats),
            "alongside": [other.id for other, _ in found if other is not stat],
        }
        for _, found in answer.topics
        for stat, study in found
    ]
    results += [
        {
            "id": site.id,
            "name": site.name,
            "citations": citations_json(site.frequency.citations),
            "kind": "site_frequency",
            "percent": site.frequency.percent,
            "study": _study_json(study),
        }
        for site, study in answer.sites
        if site.frequency
    ]
    studies = dict.fromkeys(study for _, study in answer.sites)
    return context.document(
        "Statistics the sources give, each with what it measures",
        {"command": "stats"},
        results,
        lead=(
            Row(("Figures on one topic are shown together, each with what it measures; none is averaged.",)),
            *(
                with_caveats(f"Site shares are of people in the {study.name}.", study.citations, study.caveats)
                for study in studies
                if study
            ),
        ),
        sections=tuple(sections),
        notes=(),
    )


def _topic(topic: str, found: Sequence[tuple[Statistic, Study | None]]) -> Section:
    cited = {citation.source for stat, _ in found for citation in stat.citations}
    title = TOPIC_LABELS.get(topic, topic.replace("_", " ").capitalize())
    if len(found) > 1 and len(cited) > 1:
        title += f": {len(found)} figures from different sources, side by side"
    rows = tuple(
        Row(
            (
                f"{stat.value}, from {stat.said_by}, as the source quotes it" if stat.said_by else stat.value,
                stat.measures,
                stat.population or NOT_GIVEN,
                _when(stat, study),
                claims_text(stat.caveats),
            ),
            stat.citations,
            ((), (), (), study.citations if study else (), claims_citations(stat.caveats)),
        )
        for stat, study in found
    )
    return Section(
        title, ("figure", "what it measures", "population", "year or study", "what the sources say beside it"), rows
    )


def _when(stat: Statistic, study: Study | None) -> str:
    year = stat.year or (study.year if study else None)
    parts = [str(year)] if year and not (study and str(year) in study.name) else []
    if study:
        parts.append(study.name)
    return ", ".join(parts)


def _study_json(study: Study | None) -> JsonObject | None:
    if study is None:
        return None
    return {"id": study.id, "name": study.name, "year": study.year, "size": study.size, "population": study.population}


# --- mbc term / terms ----------------------------------------------------------------------


def term(answer: Named[Term], context: Context) -> Document:
    """The answer to `mbc term WORD`."""
    lead = [Row((describe(answer.term, [hit for hit, _ in answer.found]),), aside=True)]
    if all(hit.how == "name" for hit, _ in answer.found):
        lead = []
    lead += [Row((f"{t.name}: also called {', '.join(t.aliases)}.",)) for _, t in answer.found if t.aliases]
    sections = tuple(
        Section(
            f"What the sources say {t.name} means" if len(answer.found) > 1 else "Definitions",
            ("definition",),
            tuple(Row((claim.text,), claim.citations) for claim in t.definitions),
        )
        for _, t in answer.found
    )
    results = [{**_term_json(t), "match": match_json(answer.term, hit)} for hit, t in answer.found]
    return context.document(
        "In the sources' words: " + listed([t.name for _, t in answer.found]),
        {"command": "term", "term": answer.term},
        results,
        lead=tuple(lead),
        sections=sections,
        notes=(),
    )


def terms(answer: Sequence[Term], context: Context) -> Document:
    """The answer to `mbc terms`."""
    rows = tuple(
        Row(
            (f"{t.name} (also: {', '.join(t.aliases)})" if t.aliases else t.name, claims_text(t.definitions)),
            claims_citations(t.definitions),
        )
        for t in answer
    )
    return context.document(
        "Words the sources explain",
        {"command": "terms"},
        [_term_json(t) for t in answer],
        lead=(),
        sections=(Section("Terms", ("term", "what it means"), rows),),
        notes=(),
    )


def _term_json(t: Term) -> JsonObject:
    declared = declared_json(t)
    assert isinstance(declared, dict)
    return {**declared, "citations": citations_json(claims_citations(t.definitions))}


# --- mbc drug / drugs ----------------------------------------------------------------------


def drug(answer: Named[tuple[Drug, Treatment]], context: Context) -> Document:
    """The answer to `mbc drug NAME`."""
    lead: list[Row] = []
    for hit, (d, _) in answer.found:
        brand = next((b for b in d.brands if name_key(b) == hit.matched), None)
        if brand:
            lead.append(Row((f"{brand} is a brand name of {d.name} (its generic name).",), d.citations))
        elif hit.how != "name":
            lead.append(Row((describe(answer.term, (hit,)),), aside=True))
    sections = tuple(
        Section(
            drug_name(d) if len(answer.found) > 1 else "What the sources say",
            ("about", "what they say"),
            _drug_rows(d, t),
        )
        for _, (d, t) in answer.found
    )
    results = [{**_drug_json(d, t), "match": match_json(answer.term, hit)} for hit, (d, t) in answer.found]
    return context.document(
        " and ".join(drug_name(d) for _, (d, _) in answer.found),
        {"command": "drug", "drug": answer.term},
        results,
        lead=tuple(lead),
        sections=sections,
        notes=(),
    )


def drugs(answer: Sequence[tuple[Drug, Treatment]], context: Context) -> Document:
    """The answer to `mbc drugs`."""
    rows = [
        Row(
            (d.name, ", ".join(d.brands), d.drug_class, _for_text(d, t), t.name),
            (),
            ((), (), saying(d.citations, d.drug_class), _for(d, t)[1], saying(d.citations, t.name)),
        )
        for d, t in answer
    ]
    return context.document(
        "Drugs the sources name, generic and brand",
        {"command": "drugs"},
        [_drug_json(d, t) for d, t in answer],
        lead=(),
        sections=(Section("Drugs", ("generic name", "brand names", "what it is", "for", "treatment"), tuple(rows)),),
        notes=tuple(
            Row((f"{t.name}: {claim.text}",), claim.citations)
            for t in dict.fromkeys(t for _, t in answer)
            for claim in t.drug_lists
        ),
    )


def _for(d: Drug, t: Treatment) -> tuple[list[str], tuple[Citation, ...]]:
    """Whom a drug is for: its own subtypes, else its treatment's (then also cited: that it is one of them)."""
    links = d.subtypes or t.subtypes
    citations = tuple(c for link in links for c in link.citations)
    inferred = not d.subtypes and t.subtypes
    return [link.subtype for link in links], (*citations, *saying(d.citations, t.name)) if inferred else citations


def _for_text(d: Drug, t: Treatment) -> str:
    """Whom a drug is for, in words; said to be inferred when the sources say it of its treatment, not of it."""
    subtypes, _ = _for(d, t)
    if d.subtypes or not t.subtypes:
        return for_whom(subtypes)
    return f"{for_whom(subtypes)} (the sources say so of {t.name}, and that {d.name} is {a(t.name)})"


def _drug_rows(d: Drug, t: Treatment) -> tuple[Row, ...]:
    _, subtype_citations = _for(d, t)
    return (
        Row(("generic name", d.name)),
        Row(("brand names", ", ".join(d.brands) or "none named in the sources")),
        Row(("kind", "a class of drugs" if d.kind == "class" else "a drug")),
        Row(("what it is", d.drug_class), saying(d.citations, d.drug_class)),
        Row(("for", _for_text(d, t)), subtype_citations),
        Row(("treatment", t.name), saying(d.citations, t.name)),
        Row((f"aims of {t.name}", claims_text(t.aims)), claims_citations(t.aims)),
        *(Row(("the sources say", claim.text), claim.citations) for claim in d.notes),
        *(
            Row((f"drugs for {t.name}", claim.text), claim.citations)
            for claim in t.drug_lists
            if set(claim.subtypes) <= {link.subtype for link in d.subtypes}
        ),
    )


def _drug_json(d: Drug, t: Treatment) -> JsonObject:
    """A drug as its declaration has it, with its treatment in brief and whom it is for."""
    subtypes, _ = _for(d, t)
    declared = declared_json(d)
    assert isinstance(declared, dict)
    return {
        **declared,
        "for": subtypes or ["any"],
        "for_inferred_from_treatment": not d.subtypes and bool(t.subtypes),
        "treatment": {"id": t.id, "name": t.name, "kind": t.kind, "aims": claims_json(t.aims)},
    }


# --- mbc sources ---------------------------------------------------------------------------


def sources(answer: Summary, context: Context) -> Document:
    """The answer to `mbc sources`."""
    rows = tuple(
        Row((_who(source), source.url or "not given", _dates(source), source.licence, str(count)))
        for source, count in answer.citations_by_source
    )
    results = [
        {
            **source_json(source),
            "name": source_label(source),
            "citations": [],
            "cited": count,
            "notes": source.notes,
            "snapshot": source.snapshot,
        }
        for source, count in answer.citations_by_source
    ]
    return context.document(
        "Where mbc's answers come from",
        {"command": "sources"},
        results,
        lead=(Row(("Every line mbc shows is cited to one of these sources, quoting its exact words.",)),),
        sections=(Section("Sources", ("source", "URL", "dates", "licence", "quotes cited"), rows),),
        notes=tuple(
            Row((f"{source_label(source)}: {source.notes}",))
            for source, _ in answer.citations_by_source
            if source.notes
        ),
    )


def _who(source: Source) -> str:
    parts = [source_label(source)]
    if source.authors:
        parts.append("By " + ", ".join(source.authors))
    if source.reviewed_by:
        parts.append("Reviewed by " + ", ".join(source.reviewed_by))
    if source.faq_answered_by:
        parts.append("Closing FAQ answer signed by " + ", ".join(source.faq_answered_by))
    return " ".join(part if part[-1] in ".?!" else part + "." for part in parts)


def _dates(source: Source) -> str:
    dates = (
        ("published", source.published),
        ("last reviewed", source.last_reviewed),
        ("last updated", source.last_updated),
    )
    return "; ".join(f"{label} {date}" for label, date in dates if date) or "not given"
