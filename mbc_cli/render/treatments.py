"""The answers to mbc treatments and mbc tests: what fits the cancer, and how spread is found."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mbc_cli.model import ANY_SUBTYPE, Claim, Drug, Site, Test
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
    ANY_SUBTYPE: "metastatic breast cancer (the sources name no subtype)",
}


ANY = "metastatic breast cancer (the sources name no subtype)"
"""Whom a treatment the sources tie to no subtype is for, in their words: they name it for metastatic breast cancer
and name no subtype (mbc does not widen that to "every subtype")."""
SUBTYPE_LABELS[ANY_SUBTYPE] = ANY


SHORT_LABELS = {
    "hr_positive": "HR-positive",
    "hr_negative": "HR-negative",
    "her2_positive": "HER2-positive",
    "triple_negative": "triple-negative",
    "brca_mutation": "BRCA1/2 mutation",
    ANY_SUBTYPE: ANY,
}
"""The subtypes as a row's "for" and "also for" name them: the title says them in full."""


def for_whom(subtypes: Sequence[str], *, short: bool = False) -> str:
    """Whom a treatment or drug is for, in words (`short`: as a row of mbc treatments names them)."""
    labels = SHORT_LABELS if short else SUBTYPE_LABELS
    return ", ".join(labels[s] for s in subtypes) if subtypes else ANY


def drug_name(drug: Drug) -> str:
    return f"{drug.name} ({', '.join(drug.brands)})" if drug.brands else drug.name


# --- mbc treatments / tests ------------------------------------------------------------------

SUPPORTIVE = ("supportive", "trial")
"""The kinds of treatment shown one line each, after those that treat the cancer."""
STATUS_WORDS = {
    "hr_positive": ("HR status", "for HR-positive cancer"),
    "her2_positive": ("HER2 status", "for HER2-positive cancer"),
    "brca_mutation": ("BRCA not given", "for a BRCA1/2 mutation"),
}
"""How a status not given is said: "Hormone-receptor status not given: hormone therapy is for HR-positive cancer"."""


def _said_of(subtypes: Sequence[str], profile: Profile) -> bool:
    """Whether a claim said of cancers with each of `subtypes` (none: of every cancer) speaks to the cancer the user
    described: with no subtype given, every claim does; else the cancer has one of them, and none of the others is
    known to be otherwise ("for HR-negative, HER2-positive cancer" speaks to a cancer said to be HER2-positive)."""
    if not subtypes or not profile.given:
        return True
    return bool(set(subtypes) & profile.subtypes) and all(_may_have(profile, subtype) for subtype in subtypes)


def _may_have(profile: Profile, subtype: str) -> bool:
    """Whether the cancer described has the subtype, or may have it (its status was not given)."""
    if subtype in profile.subtypes:
        return True
    unknown = {
        "hr_positive": profile.hr_positive is None,
        "hr_negative": profile.hr_positive is None,
        "her2_positive": profile.her2_positive is None,
        "triple_negative": profile.hr_positive is not True and profile.her2_positive is not True,
        "brca_mutation": profile.brca_mutation is None,
    }
    return unknown.get(subtype, False)


def _treatment_row(fit: TreatmentFit, profile: Profile, area: str | None, *, own: bool) -> Row:
    """A treatment as it fits what the user said: what it aims to do, its drugs, whom the sources say it is for
    beside the section's subtype ("for", "also for"), and what they note of it (all of it for the subtype's own
    treatments; for the others, what they say of the subtype), each cell with the citations of its own words."""
    treatment = fit.treatment
    aims = [claim for claim in treatment.aims if _said_of(claim.subtypes, profile)]
    lists = [claim for claim in treatment.drug_lists if fit.drugs and _said_of(claim.subtypes, profile)]
    lists = [claim for claim in lists if claim.subtypes] or lists  # the list of the subtype's drugs, if one is said
    notes = [claim for claim in treatment.notes if _said_of(claim.subtypes, profile)]
    notes = [claim for claim in notes if own or not profile.given or claim.subtypes]
    links = treatment.subtypes
    if profile.given:  # the subtype given is the section's, and so is metastatic breast cancer with no subtype
        whom = [link for link in links if link.subtype == ANY_SUBTYPE] if own else []
        also = [link for link in links if link.subtype not in (*profile.subtypes, ANY_SUBTYPE)]
    else:
        whom, also = list(links), []
    cells = [
        treatment.name,
        claims_text(aims),
        " ".join([", ".join(drug_name(d) for d in fit.drugs) + ("." if lists else ""), claims_text(lists)]).strip(),
        for_whom([link.subtype for link in whom], short=True) if whom else "",
        for_whom([link.subtype for link in also], short=True) if also else "",
        claims_text(notes),
    ]
    cited = [
        (),
        claims_citations(aims),
        (*(c for d in fit.drugs for c in saying(d.citations, drug_name(d))), *claims_citations(lists)),
        tuple(c for link in whom for c in link.citations),
        tuple(c for link in also for c in link.citations),
        claims_citations(notes),
    ]
    if area is not None:
        cells.append("yes" if fit.site_link else "")
        cited.append(fit.site_link.citations if fit.site_link else ())
    return Row(tuple(cells), (), tuple(cited))


def _notes(fit: TreatmentFit, profile: Profile) -> list[Claim]:
    """What the sources note of a treatment that speaks to the cancer described, and of its lists of drugs."""
    claims = (*fit.treatment.notes, *(fit.treatment.drug_lists if fit.drugs else ()))
    return [claim for claim in claims if _said_of(claim.subtypes, profile)]


def _brief(fit: TreatmentFit) -> Row:
    """A supportive treatment in one line: its name and drugs, cited to the words of the sources that name it (what
    it aims to do is one question away: mbc ask palliative care)."""
    drugs = f" ({', '.join(drug_name(d) for d in fit.drugs)})" if fit.drugs else ""
    named = saying(claims_citations(fit.treatment.aims), fit.treatment.name)
    cited = (*named, *(c for d in fit.drugs for c in saying(d.citations, drug_name(d))))
    return Row((f"{fit.treatment.name}{drugs}",), (), (cited,))


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


def _unknown_rows(answer: TreatmentsAnswer) -> list[Row]:
    """For each status not given, what it would add: "Hormone-receptor status not given: hormone therapy is for
    HR-positive cancer (--hr-positive)"."""
    rows = []
    for unknown in answer.unknown:
        status, whom = STATUS_WORDS[unknown.status]
        more = len(unknown.treatment_ids) - len(unknown.treatments)
        named = [t.name for t in unknown.treatments] + ([f"{more} more treatments"] if more else [])
        named += [d.name for d in unknown.drugs]
        verb = "is" if len(named) == 1 else "are"
        said = status if status.endswith("given") else f"{status} not given"
        links = [link for t in unknown.treatments for link in t.subtypes]
        links += [link for d in unknown.drugs for link in d.subtypes]
        cited = [c for link in links if link.subtype == unknown.status for c in link.citations]
        rows.append(Row((f"{said}: {_and(named)} {verb} {whom} ({unknown.flag}).",), tuple(dict.fromkeys(cited))))
    return rows


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


COLUMNS = ("treatment", "aims", "drugs", "for", "also for", "notes")
"""A treatment's fields: short names, so that a row stacked on a narrow terminal hangs little."""


def treatments(answer: TreatmentsAnswer, context: Context) -> Document:
    """The answer to `mbc treatments`: first what the sources say of the subtype given, with its drugs; then the
    treatments named for metastatic breast cancer with no subtype; then supportive and palliative care, one line
    each; then what is emerging."""
    area = answer.site.name if answer.site else None
    profile = answer.profile
    own = [f for f in answer.treatments if _for_subtype(f, profile)]
    rest = [f for f in answer.treatments if f not in own and f.treatment.kind not in (*SUPPORTIVE, "emerging")]
    care = [f for f in answer.treatments if f.treatment.kind in SUPPORTIVE]
    emerging = [f for f in answer.treatments if f.treatment.kind == "emerging"]
    columns = (*COLUMNS, f"tied to {the(area)}") if area else COLUMNS
    sections = []
    if own:
        title = f"For {described(profile).removesuffix(' metastatic breast cancer')} cancer"
        rows = tuple(_treatment_row(f, profile, area, own=True) for f in own)
        sections.append(Section(title if profile.given else "For the subtypes the sources name", columns, rows))
    if rest:
        rows = tuple(_treatment_row(f, profile, area, own=False) for f in rest)
        sections.append(Section("For metastatic breast cancer: the sources name no subtype", columns, rows))
    if care:
        rows = tuple(_brief(f) for f in care)
        title = "Supportive and palliative care, clinical trials (what each does: mbc ask NAME)"
        sections.append(Section(title, ("care",), rows))
    if emerging:
        rows = tuple(
            Row((f"{f.treatment.name}: {claims_text(f.treatment.aims)}",), (), (claims_citations(f.treatment.aims),))
            for f in emerging
        )
        title = "Emerging, as the sources call them (not described as treatments for it)"
        sections.append(Section(title, ("treatment",), rows))
    fits = (*own, *rest, *care, *emerging)
    rows_shown = [row for section in sections for row in section.rows]
    results = [_result(f, row, profile, area) for f, row in zip(fits, rows_shown, strict=True)]
    title = f"Treatments for {described(profile)}" if profile.given else "Treatments for metastatic breast cancer"
    if area:
        title = f"{title}, those tied to {the(area)} first"
    lead = _unknown_rows(answer) if profile.given else [Row(("No subtype given: every treatment, whom each is for.",))]
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
            "not_given": [
                {
                    "status": u.status,
                    "flag": u.flag,
                    "treatments": list(u.treatment_ids),
                    "drugs": [d.id for d in u.drugs],
                }
                for u in answer.unknown
            ],
        },
        results,
        lead=tuple(lead),
        sections=tuple(sections),
        notes=(),
    )


def _for_subtype(fit: TreatmentFit, profile: Profile) -> bool:
    """Whether a treatment is one the sources name for a subtype the cancer is said to have (with no subtype given,
    for some subtype), and none names it for any subtype."""
    links = [link.subtype for link in fit.treatment.subtypes]
    if not links or ANY_SUBTYPE in links or fit.treatment.kind in (*SUPPORTIVE, "emerging"):
        return False
    return not profile.given or bool(set(links) & profile.subtypes)


def _result(fit: TreatmentFit, row: Row, profile: Profile, area: str | None) -> JsonObject:
    return {
        **entry_ref(fit.treatment.id, fit.treatment.name, row.every_citation()),
        "kind": fit.treatment.kind,
        "aims": claims_json([claim for claim in fit.treatment.aims if _said_of(claim.subtypes, profile)]),
        "for": [s.subtype for s in fit.treatment.subtypes] or ["any"],
        "for_citations": [
            {"subtype": s.subtype, "citations": citations_json(s.citations)} for s in fit.treatment.subtypes
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
            for d in fit.drugs
        ],
        "tied_to_site": None if area is None else fit.site_link is not None,
        "site_citations": citations_json(fit.site_link.citations) if fit.site_link else [],
        "notes": claims_json(_notes(fit, profile)),
    }


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
            "notes": claims_json([c for c in test.notes if answer.site is None or c.site in (None, answer.site.id)]),
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
            Row((f"{test.name}: {claim.text}",), claim.citations)
            for test, _ in answer.tests
            for claim in test.notes
            if answer.site is None or claim.site in (None, answer.site.id)
        ),
    )
