"""The answers to mbc treatments and mbc tests: what fits the cancer, and how spread is found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mbc_cli.model import AreaLink, Drug, Site, Test, Treatment
from mbc_cli.render.document import (
    Context,
    Document,
    Row,
    Section,
    citations_json,
    claims_citations,
    claims_json,
    claims_text,
    entry_ref,
)

if TYPE_CHECKING:  # each builder needs only its own query's types, imported by the command that runs
    from mbc_cli.query.treatments import TestsAnswer, TreatmentsAnswer


SUBTYPE_LABELS = {
    "hr_positive": "hormone-receptor-positive (HR+)",
    "hr_negative": "hormone-receptor-negative (HR-)",
    "her2_positive": "HER2-positive",
    "triple_negative": "triple-negative",
    "brca_mutation": "BRCA1 or BRCA2 mutation",
}


def for_whom(subtypes: Sequence[str]) -> str:
    """Whom a treatment or drug is for, in words."""
    return ", ".join(SUBTYPE_LABELS[s] for s in subtypes) if subtypes else "any subtype"


def drug_name(drug: Drug) -> str:
    return f"{drug.name} ({', '.join(drug.brands)})" if drug.brands else drug.name


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
            **entry_ref(f.treatment.id, f.treatment.name, row.citations),
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
            **entry_ref(test.id, test.name, r.citations),
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
