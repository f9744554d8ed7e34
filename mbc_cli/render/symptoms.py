"""The answers to mbc symptom and mbc symptoms: which sites explain the symptoms, and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mbc_cli.render.document import (
    Context,
    Document,
    Row,
    Section,
    citations_json,
    entry_ref,
)
from mbc_cli.render.matches import describe, match_json
from mbc_cli.render.text import the

if TYPE_CHECKING:  # each builder needs only its own query's types, imported by the command that runs
    from mbc_cli.query.symptoms import SymptomAnswer, SymptomSites


# --- mbc symptom / symptoms ------------------------------------------------------------------


def symptom(answer: SymptomAnswer, context: Context) -> Document:
    """The answer to `mbc symptom TERM...`."""
    lead = [Row((describe(m.term, m.hits),), aside=True) for m in answer.matches if m.hits]
    these = "this symptom" if sum(len(m.symptoms) for m in answer.matches) == 1 else "these symptoms"
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
                **entry_ref(ranked.site.id, ranked.site.name, tuple(c for e in ranked.explains for c in e.citations)),
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
    titled = [  # a disorder the sources never mention is not what they say a site causes: its symptom is
        ", ".join(hit.ref.name for hit in m.hits) if m.hits and all(h.how == "disorder" for h in m.hits) else m.term
        for m in answer.matches
    ]
    return context.document(
        "Sites that can cause: " + ", ".join(titled),
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
                Row((f"You named {the(site.name)}: the sources do not link it to {these}.",))
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
                f"No site is tied to {these} in the sources.",
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
            **entry_ref(item.symptom.id, item.symptom.name, row.citations),
            "kind": item.symptom.kind,
            "general": bool(item.symptom.general),
            "aliases": list(item.symptom.aliases),
            "sites": [{**entry_ref(site.id, site.name, link.citations), "via": link.via} for site, link in item.sites],
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
