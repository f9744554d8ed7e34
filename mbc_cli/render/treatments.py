"""The answers to mbc treatments and mbc tests: what fits the cancer, and how spread is found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mbc_cli.model import ANY_SUBTYPE, Drug, Site, Test
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
    saying,
)
from mbc_cli.render.sites import NOT_TIED
from mbc_cli.render.text import the

if TYPE_CHECKING:  # each builder needs only its own query's types, imported by the command that runs
    from mbc_cli.query.treatments import Profile, TestsAnswer, TreatmentFit, TreatmentsAnswer


SUBTYPE_LABELS = {
    "hr_positive": "hormone-receptor-positive (HR+)",
    "hr_negative": "hormone-receptor-negative (HR-)",
    "her2_positive": "HER2-positive",
    "her2_negative": "HER2-negative",  # a status the user may give, though no entry is for it alone
    "triple_negative": "triple-negative",
    "brca_mutation": "BRCA1 or BRCA2 mutation",
    ANY_SUBTYPE: "metastatic breast cancer, no subtype named",
}


NO_SUBTYPE = "no subtype named"
"""What a treatment the sources tie to no subtype is for, in words: mbc does not say it is for everyone."""


def for_whom(subtypes: Sequence[str]) -> str:
    """Whom a treatment or drug is for, in words."""
    return ", ".join(SUBTYPE_LABELS[s] for s in subtypes) if subtypes else NO_SUBTYPE


def drug_name(drug: Drug) -> str:
    return f"{drug.name} ({', '.join(drug.brands)})" if drug.brands else drug.name


# --- mbc treatments / tests ------------------------------------------------------------------


def _treatment_row(fit: TreatmentFit, profile: Profile, area: str | None) -> Row:
    """A treatment as it fits what the user said: the aims and subtypes said of their cancer, each cell with
    the citations of its own words, and where else it applies."""
    treatment = fit.treatment
    aims = [claim for claim in treatment.aims if _said_of(claim.subtypes, profile)]
    mine = [link for link in treatment.subtypes if not profile.given or link.subtype in profile.wanted]
    also = [link for link in treatment.subtypes if link not in mine]
    cells = [treatment.name, claims_text(aims), ", ".join(drug_name(d) for d in fit.drugs) or "-"]
    cited = [(), claims_citations(aims), tuple(c for d in fit.drugs for c in saying(d.citations, drug_name(d)))]
    cells.append(for_whom([link.subtype for link in mine]))
    cited.append(tuple(c for link in mine for c in link.citations))
    if profile.given:
        cells.append(for_whom([link.subtype for link in also]) if also else "")
        cited.append(tuple(c for link in also for c in link.citations))
    if area is not None:
        cells.append("yes" if fit.site_link else "")
        cited.append(fit.site_link.citations if fit.site_link else ())
    return Row(tuple(cells), (), tuple(cited))


def _said_of(subtypes: Sequence[str], profile: Profile) -> bool:
    """Whether a claim said of cancers with each of `subtypes` (none: of every cancer) speaks to the cancer the
    user described; with no subtype given, every claim does."""
    return not subtypes or not profile.given or set(subtypes) <= profile.subtypes


def _receptors(profile: Profile) -> list[tuple[str, str]]:
    """What the user said of the receptors: (the flag, its words) for each status given."""
    if "triple_negative" in profile.subtypes:
        statuses = ["triple_negative"]
    else:
        given = (("hr", profile.hr_positive), ("her2", profile.her2_positive))
        statuses = [
            f"{receptor}_{'positive' if positive else 'negative'}"
            for receptor, positive in given
            if positive is not None
        ]
    return [("--" + status.replace("_", "-"), SUBTYPE_LABELS[status]) for status in statuses]


def described(profile: Profile) -> str:
    """The cancer the user described, with every flag given: "hormone-receptor-positive (HR+), HER2-negative
    metastatic breast cancer", "metastatic breast cancer with a BRCA1 or BRCA2 mutation"."""
    cancer = " ".join([", ".join(words for _, words in _receptors(profile)), "metastatic breast cancer"]).strip()
    return f"{cancer} with a BRCA1 or BRCA2 mutation" if profile.brca_mutation else cancer


def flags(profile: Profile) -> list[str]:
    """The flags that say what the user said: the command line's words for the profile."""
    given = [flag for flag, _ in _receptors(profile)]
    return [*given, "--brca"] if profile.brca_mutation else given


def treatments(answer: TreatmentsAnswer, context: Context) -> Document:
    """The answer to `mbc treatments`: what fits, and apart from it what the sources only call emerging."""
    area = answer.site.name if answer.site else None
    profile = answer.profile
    rows = [(f, _treatment_row(f, profile, area)) for f in answer.treatments]
    results = [
        {
            **entry_ref(f.treatment.id, f.treatment.name, row.every_citation()),
            "kind": f.treatment.kind,
            "aims": claims_json([claim for claim in f.treatment.aims if _said_of(claim.subtypes, profile)]),
            "for": [s.subtype for s in f.treatment.subtypes] or ["any"],
            "for_citations": [
                {"subtype": s.subtype, "citations": citations_json(s.citations)} for s in f.treatment.subtypes
            ],
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
            "tied_to_site": None if area is None else f.site_link is not None,
            "site_citations": citations_json(f.site_link.citations) if f.site_link else [],
            "notes": claims_json(f.treatment.notes),
        }
        for f, row in rows
    ]
    title = f"Treatments for {described(profile)}" if profile.given else "Treatments"
    if area:
        title = f"{title}, with those tied to {the(area)} marked"
    lead = [
        Row(("Showing treatments for any subtype, and those for what you said the cancer has.",))
        if profile.given
        else Row(("No subtype given: every treatment, each with whom the sources say it is for.",))
    ]
    if area:
        lead.append(Row((f"Every treatment is shown; those the sources tie to {the(area)} are marked.",)))
    columns = ["treatment", "what it aims to do", "drugs", "for your cancer" if profile.given else "for"]
    if profile.given:
        columns.append("also for")
    if area:
        columns.append(f"tied to {the(area)}")
    fitting = tuple(row for f, row in rows if f.treatment.kind != "emerging")
    emerging = tuple(
        row.replace(cells=row.cells[:2], cited=row.cited[:2]) for f, row in rows if f.treatment.kind == "emerging"
    )
    sections = [Section("Treatments", tuple(columns), fitting)]
    if emerging:
        sections.append(
            Section(
                "Emerging, as the sources call them (not described as treatments for metastatic breast cancer)",
                ("treatment", "what the sources say"),
                emerging,
            )
        )
    notes = tuple(
        Row((f"{f.treatment.name}: {claim.text}",), claim.citations)
        for f in answer.treatments
        for claim in (*f.treatment.notes, *(f.treatment.drug_lists if f.drugs else ()))
        if _said_of(claim.subtypes, profile)
    )
    return context.document(
        title,
        {
            "command": "treatments",
            "flags": flags(profile),
            "subtypes": sorted(profile.subtypes),
            "hr_positive": profile.hr_positive,
            "her2_positive": profile.her2_positive,
            "triple_negative": "triple_negative" in profile.subtypes,
            "brca_mutation": profile.brca_mutation,
            "site": answer.site.id if answer.site else None,
        },
        results,
        lead=tuple(lead),
        sections=tuple(sections),
        notes=notes,
    )


def tests(answer: TestsAnswer, context: Context) -> Document:
    """The answer to `mbc tests`."""

    def row(test: Test, checks: Sequence[Site]) -> Row:
        where = ", ".join(s.name for s in checks) or NOT_TIED
        site_citations = tuple(c for link in test.sites for c in link.citations)
        return Row(
            (test.name, claims_text(test.purpose), where), (), ((), claims_citations(test.purpose), site_citations)
        )

    finding = [(test, checks) for test, checks in answer.tests if test.only_at is None]
    follow_up = [(test, checks) for test, checks in answer.tests if test.only_at == "follow_up"]
    rows = tuple(row(test, checks) for test, checks in finding)
    later = tuple(
        Row((test.name, claims_text(test.purpose)), (), ((), claims_citations(test.purpose))) for test, _ in follow_up
    )
    results = [
        {
            **entry_ref(test.id, test.name, r.every_citation()),
            "purpose": claims_json(test.purpose),
            "sites": [s.id for s in checks],
            "only_at": test.only_at,
            "notes": claims_json(test.notes),
        }
        for (test, checks), r in zip((*finding, *follow_up), (*rows, *later), strict=True)
    ]
    where = f" to {the(answer.site.name)}" if answer.site else ""
    sections = [Section("Tests", ("test", "what it shows", "sites it checks"), rows)]
    if later:
        sections.append(
            Section(
                "Checks at follow-up visits (not named as tests to find spread)",
                ("check", "what the sources say"),
                later,
            )
        )
    return context.document(
        f"Tests used to find spread{where}",
        {"command": "tests", "site": answer.site.id if answer.site else None},
        results,
        lead=(),
        sections=tuple(sections),
        notes=tuple(
            Row((f"{test.name}: {claim.text}",), claim.citations) for test, _ in answer.tests for claim in test.notes
        ),
    )
