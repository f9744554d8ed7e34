"""Shape each query's answer into a Document: what the tables show, and the JSON results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mbc_cli.model import AreaLink, Citation, Drug, Note, Site, Source, Study, Test, Treatment
from mbc_cli.render.document import (
    Document,
    JsonObject,
    Row,
    Section,
    citations_json,
    claims_citations,
    claims_json,
    claims_text,
)
from mbc_cli.render.matches import describe, match_json

if TYPE_CHECKING:  # each builder needs only its own query's types, imported by the command that runs
    from mbc_cli.query.sites import LocalAreaAnswer, SiteAnswer, SitesAnswer
    from mbc_cli.query.symptoms import SymptomAnswer, SymptomSites
    from mbc_cli.query.treatments import TestsAnswer, TreatmentsAnswer

SUBTYPE_LABELS = {
    "hr_positive": "hormone-receptor-positive (HR+)",
    "hr_negative": "hormone-receptor-negative (HR-)",
    "her2_positive": "HER2-positive",
    "triple_negative": "triple-negative",
    "brca_mutation": "BRCA1 or BRCA2 mutation",
}
BAR_WIDTH = 20


class Context:
    """What every answer needs besides its own content: the sources and the closing advice."""

    def __init__(self, sources: Mapping[str, Source], advice: Note) -> None:
        self.sources = sources
        self.advice = Row((advice.text,), advice.citations)

    def document(self, title: str, query: JsonObject, results: Sequence[JsonObject], **parts: object) -> Document:
        """Assemble a Document with this context's sources and advice."""
        return Document(
            title=title,
            query=query,
            results=tuple(results),
            advice=self.advice,
            sources=self.sources,
            **parts,  # type: ignore[arg-type]
        )


def _ref(entry_id: str, name: str, citations: Sequence[Citation] = ()) -> JsonObject:
    return {"id": entry_id, "name": name, "citations": citations_json(citations)}


def _study_text(study: Study | None) -> str:
    return f" ({study.name})" if study else ""


def frequency_text(site: Site, study: Study | None) -> str:
    """How common a site is, in words: the figure with its study, or what the sources say."""
    if site.frequency:
        return f"{site.frequency.percent:g}% of people with metastatic breast cancer{_study_text(study)}"
    if site.prevalence == "common":
        return "one of the most common sites"
    if site.prevalence == "less_common":
        return "much less common"
    return "the sources give no figure"


def bar(percent: float | None) -> str:
    """Draw a percentage as a bar of BAR_WIDTH blocks."""
    if percent is None:
        return ""
    filled = round(percent / 100 * BAR_WIDTH)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def for_whom(subtypes: Sequence[str]) -> str:
    """Whom a treatment or drug is for, in words."""
    return ", ".join(SUBTYPE_LABELS[s] for s in subtypes) if subtypes else "any subtype"


def drug_name(drug: Drug) -> str:
    return f"{drug.name} ({', '.join(drug.brands)})" if drug.brands else drug.name


# --- mbc site --------------------------------------------------------------------------------


def site(answer: SiteAnswer | LocalAreaAnswer, context: Context) -> Document:
    """The answer to `mbc site NAME`."""
    from mbc_cli.query.sites import LocalAreaAnswer

    if isinstance(answer, LocalAreaAnswer):
        return _local_area(answer, context)
    s = answer.site
    lead = [] if answer.match.how == "name" else [Row((describe(answer.term, (answer.match,)),))]
    if answer.place:
        lead.append(Row((f'"{answer.term}": the {answer.place.name} is part of {s.name}.',), answer.place.citations))
    how_common = frequency_text(s, answer.study)
    lead.append(Row((f"How common: {how_common}.",), s.frequency.citations if s.frequency else s.named_by))
    if s.places:
        places = ", ".join(p.name for p in s.places)
        lead.append(Row((f"Places within it: {places}.",), tuple(c for p in s.places for c in p.citations)))
    symptoms = [Row((symptom.name, "directly"), link.citations) for symptom, link in answer.direct]
    for chain in answer.chains:
        symptoms.append(Row((chain.condition.name, "directly (a condition)"), chain.link.citations))
        symptoms += [
            Row((f"  - {symptom.name}", f"through {chain.condition.name}"), link.citations)
            for symptom, link in chain.symptoms
        ]
    tests = [
        Row(
            (test.name, claims_text(test.purpose), "this site" if link else "wherever cancer may have spread"),
            link.citations if link else claims_citations(test.purpose),
        )
        for test, link in answer.tests
    ]
    treatments = [
        Row((treatment.name, claims_text(treatment.aims)), link.citations) for treatment, link in answer.treatments
    ]
    result = {
        **_ref(s.id, s.name, s.named_by),
        "kind": "site",
        "match": match_json(answer.term, answer.match),
        "place": answer.place.name if answer.place else None,
        "prevalence": s.prevalence,
        "frequency": None
        if s.frequency is None
        else {
            "percent": s.frequency.percent,
            "study": answer.study.name if answer.study else None,
            "citations": citations_json(s.frequency.citations),
        },
        "places": [{"name": p.name, "citations": citations_json(p.citations)} for p in s.places],
        "symptoms": [
            {**_ref(symptom.id, symptom.name, link.citations), "kind": symptom.kind, "via": link.via}
            for symptom, link in (*answer.direct, *((c.condition, c.link) for c in answer.chains))
        ]
        + [
            {**_ref(symptom.id, symptom.name, link.citations), "kind": symptom.kind, "via": link.via}
            for chain in answer.chains
            for symptom, link in chain.symptoms
        ],
        "tests": [
            {
                **_ref(test.id, test.name, link.citations if link else claims_citations(test.purpose)),
                "general": not link,
            }
            for test, link in answer.tests
        ],
        "treatments": [_ref(t.id, t.name, link.citations) for t, link in answer.treatments],
        "notes": claims_json(s.notes),
    }
    return context.document(
        f"What spread to {s.name} can cause, how it is found, and how it is treated",
        {"command": "site", "site": answer.term},
        [result],
        lead=tuple(lead),
        sections=(
            Section("Symptoms", ("symptom", "how"), tuple(symptoms)),
            Section("Tests used to find it", ("test", "what it shows", "checks"), tuple(tests)),
            Section(
                "Treatments tied to it (systemic treatments reach every site: see mbc treatments)",
                ("treatment", "what it aims to do"),
                tuple(treatments),
                "No treatment tied to it in the sources; systemic treatments reach every site.",
            ),
        ),
        notes=tuple(Row((claim.text,), claim.citations) for claim in s.notes),
    )


def _local_area(answer: LocalAreaAnswer, context: Context) -> Document:
    area = answer.area
    meaning = tuple(Row((claim.text,), claim.citations) for claim in area.meaning)
    treatments = tuple(
        Row((treatment.name, claims_text(treatment.aims)), link.citations) for treatment, link in answer.treatments
    )
    result = {
        **_ref(area.id, area.name, claims_citations(area.meaning)),
        "kind": "local_area",
        "match": match_json(answer.term, answer.match),
        "meaning": claims_json(area.meaning),
        "treatments": [_ref(t.id, t.name, link.citations) for t, link in answer.treatments],
    }
    sections = (
        (Section("Treatments tied to it", ("treatment", "what it aims to do"), treatments),) if treatments else ()
    )
    return context.document(
        f"{area.name}: not a distant site",
        {"command": "site", "site": answer.term},
        [result],
        lead=(
            *(() if answer.match.how == "name" else (Row((describe(answer.term, (answer.match,)),)),)),
            Row((f"Spread to the {area.name} is local or regional, not metastatic (distant) spread.",)),
            *meaning,
        ),
        sections=sections,
        notes=(),
    )


# --- mbc sites -------------------------------------------------------------------------------


def sites(answer: SitesAnswer, context: Context) -> Document:
    """The answer to `mbc sites`."""
    rows = tuple(
        Row(
            (
                s.name,
                f"{s.frequency.percent:g}%" if s.frequency else frequency_text(s, None),
                bar(s.frequency.percent if s.frequency else None),
            ),
            s.frequency.citations if s.frequency else s.named_by,
        )
        for s, study in answer.sites
    )
    results = [
        {
            **_ref(s.id, s.name, s.frequency.citations if s.frequency else s.named_by),
            "prevalence": s.prevalence,
            "frequency_percent": s.frequency.percent if s.frequency else None,
            "study": study.name if study else None,
        }
        for s, study in answer.sites
    ]
    spread = tuple(Row((f"{stat.name}: {stat.value}.",), stat.citations) for stat in answer.spread)
    return context.document(
        "Where metastatic breast cancer spreads, most common first",
        {"command": "sites"},
        results,
        lead=tuple(
            Row((f"Shares of people with metastatic breast cancer in the {study.name}.",), study.citations)
            for study in dict.fromkeys(study for _, study in answer.sites if study)
        ),
        sections=(Section("Sites", ("site", "how common", "share"), rows),),
        notes=spread,
        extra={
            "spread": [
                {"id": s.id, "name": s.name, "value": s.value, "citations": citations_json(s.citations)}
                for s in answer.spread
            ]
        },
    )


# --- mbc symptom / symptoms ------------------------------------------------------------------


def symptom(answer: SymptomAnswer, context: Context) -> Document:
    """The answer to `mbc symptom TERM...`."""
    lead = [Row((describe(m.term, m.hits),)) for m in answer.matches if m.hits]
    lead += [
        Row((f'"{word}" was left aside. Did you mean: {name}?',)) for m in answer.matches for word, name in m.misspelled
    ]
    rows = []
    results = []
    for rank, ranked in enumerate(answer.sites, start=1):
        explains = "; ".join(
            f"{e.symptom.name} ({'through ' + e.via.name if e.via else 'directly'})" for e in ranked.explains
        )
        rows.append(
            Row(
                (f"{rank}. {ranked.site.name}", explains, ", ".join(ranked.missing) or "-"),
                tuple(c for e in ranked.explains for c in e.citations),
            )
        )
        results.append(
            {
                **_ref(ranked.site.id, ranked.site.name, tuple(c for e in ranked.explains for c in e.citations)),
                "rank": rank,
                "explains": [
                    {
                        "term": e.term,
                        "match": match_json(e.term, e.hit),
                        "symptom": {"id": e.symptom.id, "name": e.symptom.name},
                        "via": None if e.via is None else {"id": e.via.id, "name": e.via.name},
                        "citations": citations_json(e.citations),
                    }
                    for e in ranked.explains
                ],
                "does_not_explain": list(ranked.missing),
                "named": ranked.named,
            }
        )
    general = tuple(
        Row((f"{s.name} (you said “{term}”) is a general symptom, not tied to one site.",), s.general)
        for term, s in answer.general
    )
    notes = tuple(
        Row((claim.text,), claim.citations)
        for m in answer.matches
        for s in m.symptoms
        for claim in (*s.description, *s.notes)
    )
    terms = [m.term for m in answer.matches]
    return context.document(
        "Sites that can cause: " + ", ".join(terms),
        {
            "command": "symptom",
            "terms": terms,
            "matches": [
                {
                    "term": m.term,
                    "matched": [{"id": hit.ref.id, "name": hit.ref.name} for hit in m.hits],
                    "how": m.how,
                    "match": [match_json(m.term, hit) for hit in m.hits],
                    "suggestions": list(m.suggestions),
                    "misspelled": [{"word": word, "did_you_mean": name} for word, name in m.misspelled],
                }
                for m in answer.matches
            ],
        },
        results,
        lead=(
            *lead,
            *(
                Row((f"You named the {site.name}: the sources do not link it to these symptoms.",), site.named_by)
                for site in answer.unlinked
            ),
            Row(
                (
                    f"Ranked with what you named first ({', '.join(r.site.name for r in answer.sites if r.named)}), "
                    "then by how many of your symptoms each site explains, then by how common the site is.",
                )
                if any(ranked.named for ranked in answer.sites)
                else ("Ranked by how many of your symptoms each site explains, then by how common the site is.",)
            ),
            Row(("This is not a likelihood: only a doctor can tell what causes a symptom.",)),
            *general,
        ),
        sections=(
            Section(
                "Sites",
                ("site", "explains", "does not explain"),
                tuple(rows),
                "No site is tied to these symptoms in the sources.",
            ),
        ),
        notes=notes,
        extra={
            "general": [
                {"term": term, "id": s.id, "name": s.name, "citations": citations_json(s.general)}
                for term, s in answer.general
            ]
        },
    )


def symptoms(answer: Sequence[SymptomSites], context: Context) -> Document:
    """The answer to `mbc symptoms`."""
    rows = []
    for item in answer:
        where = [
            f"{site.name}" + (f" (through {link.via.replace('_', ' ')})" if link.via else "")
            for site, link in item.sites
        ]
        if item.symptom.general:
            where.append("general: not tied to one site")
        citations = tuple(c for _, link in item.sites for c in link.citations) + item.symptom.general
        rows.append(Row((item.symptom.name, ", ".join(where) or "-"), citations))
    results = [
        {
            **_ref(item.symptom.id, item.symptom.name, row.citations),
            "kind": item.symptom.kind,
            "general": bool(item.symptom.general),
            "aliases": list(item.symptom.aliases),
            "sites": [{**_ref(site.id, site.name, link.citations), "via": link.via} for site, link in item.sites],
        }
        for item, row in zip(answer, rows, strict=True)
    ]
    return context.document(
        "Every symptom, and the sites it points to",
        {"command": "symptoms"},
        results,
        lead=(),
        sections=(Section("Symptoms", ("symptom", "sites"), tuple(rows)),),
        notes=(),
    )


# --- mbc treatments / tests ------------------------------------------------------------------


def _treatment_row(treatment: Treatment, drugs: Sequence[Drug], link: AreaLink | None) -> Row:
    subtypes = [s.subtype for s in treatment.subtypes]
    citations = (
        *claims_citations(treatment.aims),
        *(c for s in treatment.subtypes for c in s.citations),
        *(c for d in drugs for c in d.citations),
        *(link.citations if link else ()),
    )
    return Row(
        (
            treatment.name,
            claims_text(treatment.aims),
            ", ".join(drug_name(d) for d in drugs) or "-",
            for_whom(subtypes),
        ),
        citations,
    )


def treatments(answer: TreatmentsAnswer, context: Context) -> Document:
    """The answer to `mbc treatments`."""
    rows = tuple(_treatment_row(f.treatment, f.drugs, f.site_link) for f in answer.treatments)
    results = [
        {
            **_ref(f.treatment.id, f.treatment.name, row.citations),
            "kind": f.treatment.kind,
            "aims": claims_json(f.treatment.aims),
            "for": [s.subtype for s in f.treatment.subtypes] or ["any"],
            "drugs": [
                {
                    "id": d.id,
                    "name": d.name,
                    "brands": list(d.brands),
                    "class": d.drug_class,
                    "for": [s.subtype for s in d.subtypes] or ["any"],
                    "citations": citations_json(d.citations),
                }
                for d in f.drugs
            ],
            "notes": claims_json(f.treatment.notes),
        }
        for f, row in zip(answer.treatments, rows, strict=True)
    ]
    has = sorted(answer.profile.subtypes)
    described = " and ".join(SUBTYPE_LABELS[s] for s in has) if has else ""
    where = f" tied to {answer.site.name}, and systemic ones" if answer.site else ""
    title = f"Treatments for {described} metastatic breast cancer{where}" if has else f"Treatments{where}"
    lead = (
        Row(("Showing treatments for any subtype, and those for what you said the cancer has.",))
        if answer.profile.given
        else Row(("No subtype given: every treatment, each with whom it is for.",)),
    )
    notes = tuple(
        Row((f"{f.treatment.name}: {claim.text}",), claim.citations)
        for f in answer.treatments
        for claim in f.treatment.notes
    )
    return context.document(
        title,
        {
            "command": "treatments",
            "subtypes": has,
            "hr_positive": answer.profile.hr_positive,
            "her2_positive": answer.profile.her2_positive,
            "brca_mutation": answer.profile.brca_mutation,
            "site": answer.site.id if answer.site else None,
        },
        results,
        lead=lead,
        sections=(Section("Treatments", ("treatment", "what it aims to do", "drugs", "for"), rows),),
        notes=notes,
    )


def tests(answer: TestsAnswer, context: Context) -> Document:
    """The answer to `mbc tests`."""

    def row(test: Test, checks: Sequence[Site]) -> Row:
        where = ", ".join(s.name for s in checks) or "wherever cancer may have spread"
        site_citations = tuple(c for link in test.sites for c in link.citations)
        return Row((test.name, claims_text(test.purpose), where), claims_citations(test.purpose) + site_citations)

    rows = tuple(row(test, checks) for test, checks in answer.tests)
    results = [
        {
            **_ref(test.id, test.name, r.citations),
            "purpose": claims_json(test.purpose),
            "sites": [s.id for s in checks],
            "notes": claims_json(test.notes),
        }
        for (test, checks), r in zip(answer.tests, rows, strict=True)
    ]
    where = f" for {answer.site.name}" if answer.site else ""
    return context.document(
        f"Tests used to find spread{where}",
        {"command": "tests", "site": answer.site.id if answer.site else None},
        results,
        lead=(),
        sections=(Section("Tests", ("test", "what it shows", "sites it checks"), rows),),
        notes=tuple(
            Row((f"{test.name}: {claim.text}",), claim.citations) for test, _ in answer.tests for claim in test.notes
        ),
    )
