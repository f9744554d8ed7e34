"""The shape of each file of the knowledge base: its keys, their types, what is required."""

from __future__ import annotations

from mbc_cli.records import Field, ListOf, Number, OneOf, Record, Text

SUBTYPES = ("hr_positive", "hr_negative", "her2_positive", "triple_negative", "brca_mutation")


TEXT = Text()
ID = Text("an id", r"[a-z][a-z0-9_]*\Z", " (lower-case letters, digits and _, starting with a letter)")
DATE = Text("a date", r"\d{4}-\d{2}-\d{2}\Z", " (YYYY-MM-DD)", allows_dates=True)
NAMES = ListOf(TEXT)

CITATION = Record(
    "a citation",
    {"source": Field(ID), "quote": Field(TEXT)},
)
CITATIONS = ListOf(CITATION, non_empty=True)
CLAIM = Record("a claim", {"text": Field(TEXT), "citations": Field(CITATIONS)})
CLAIMS = ListOf(CLAIM)


def _link(target: str, **extra: Field) -> Record:
    """A record pointing at one entry of another file, with its citations."""
    return Record(f"a {target} link", {target: Field(ID), **extra, "citations": Field(CITATIONS)})


SUBTYPE_LINKS = ListOf(Record("a subtype", {"subtype": Field(OneOf(*SUBTYPES)), "citations": Field(CITATIONS)}))
SITE_LINKS = ListOf(_link("site"))

FILES: dict[str, Record] = {
    "sources": Record(
        "a source",
        {
            "id": Field(ID),
            "publisher": Field(TEXT, nullable=True),
            "title": Field(TEXT, nullable=True),
            "label": Field(TEXT, required=False, nullable=True),
            "url": Field(TEXT, nullable=True),
            "authors": Field(NAMES, required=False),
            "reviewed_by": Field(NAMES, required=False),
            "published": Field(DATE, required=False, nullable=True),
            "last_reviewed": Field(DATE, required=False, nullable=True),
            "last_updated": Field(DATE, required=False, nullable=True),
            "licence": Field(TEXT),
            "notes": Field(TEXT, required=False, nullable=True),
            "snapshot": Field(TEXT),
        },
        label="source",
    ),
    "sites": Record(
        "a site",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "prevalence": Field(OneOf("common", "less_common", "not_stated")),
            "named_by": Field(CITATIONS),
            "frequency": Field(
                Record(
                    "a frequency",
                    {
                        "percent": Field(Number()),
                        "study": Field(ID),
                        "citations": Field(CITATIONS),
                    },
                ),
                required=False,
            ),
            "places": Field(
                ListOf(
                    Record(
                        "a place",
                        {
                            "name": Field(TEXT),
                            "aliases": Field(NAMES, required=False),
                            "citations": Field(CITATIONS),
                        },
                    )
                ),
                required=False,
            ),
            "symptoms": Field(ListOf(_link("symptom", via=Field(ID, required=False))), required=False),
            "notes": Field(CLAIMS, required=False),
        },
        label="site",
    ),
    "local_areas": Record(
        "a local area",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "meaning": Field(ListOf(CLAIM, non_empty=True)),
        },
        label="local area",
    ),
    "symptoms": Record(
        "a symptom",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "narrower": Field(NAMES, required=False),
            "kind": Field(OneOf("symptom", "condition")),
            "description": Field(CLAIMS, required=False),
            "general": Field(CITATIONS, required=False),
            "notes": Field(CLAIMS, required=False),
        },
        label="symptom",
    ),
    "tests": Record(
        "a test",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "purpose": Field(ListOf(CLAIM, non_empty=True)),
            "sites": Field(SITE_LINKS, required=False),
            "notes": Field(CLAIMS, required=False),
        },
        label="test",
    ),
    "treatments": Record(
        "a treatment",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "kind": Field(OneOf("systemic", "local", "supportive", "trial", "emerging")),
            "aims": Field(ListOf(CLAIM, non_empty=True)),
            "subtypes": Field(SUBTYPE_LINKS, required=False),
            "sites": Field(SITE_LINKS, required=False),
            "notes": Field(CLAIMS, required=False),
        },
        label="treatment",
    ),
    "drugs": Record(
        "a drug",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "brands": Field(NAMES, required=False),
            "aliases": Field(NAMES, required=False),
            "kind": Field(OneOf("drug", "class")),
            "treatment": Field(ID),
            "class": Field(TEXT),
            "citations": Field(CITATIONS),
            "subtypes": Field(SUBTYPE_LINKS, required=False),
            "notes": Field(CLAIMS, required=False),
        },
        label="drug",
    ),
    "studies": Record(
        "a study",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "year": Field(Number(whole=True), nullable=True),
            "size": Field(Number(whole=True), nullable=True),
            "population": Field(TEXT, nullable=True),
            "citations": Field(CITATIONS),
        },
        label="study",
    ),
    "statistics": Record(
        "a statistic",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "topic": Field(
                OneOf(
                    "survival",
                    "life_expectancy",
                    "recurrence",
                    "de_novo",
                    "prevalence",
                    "spread",
                    "incidence",
                )
            ),
            "measures": Field(TEXT),
            "value": Field(TEXT),
            "low": Field(Number(), nullable=True),
            "high": Field(Number(), nullable=True),
            "unit": Field(OneOf("percent", "months", "women", "people"), nullable=True),
            "population": Field(TEXT, nullable=True),
            "year": Field(Number(whole=True), nullable=True),
            "study": Field(ID, nullable=True),
            "citations": Field(CITATIONS),
        },
        label="statistic",
    ),
    "terms": Record(
        "a term",
        {
            "id": Field(ID),
            "name": Field(TEXT),
            "aliases": Field(NAMES, required=False),
            "definitions": Field(ListOf(CLAIM, non_empty=True)),
        },
        label="term",
    ),
    "notes": Record(
        "a note",
        {
            "id": Field(ID),
            "topic": Field(
                OneOf(
                    "advice",
                    "spread",
                    "symptoms",
                    "diagnosis",
                    "treatment",
                    "outlook",
                    "coping",
                    "prevention",
                    "risk",
                    "follow_up",
                    "research",
                )
            ),
            "text": Field(TEXT),
            "study": Field(ID, required=False, nullable=True),
            "citations": Field(CITATIONS),
        },
        label="note",
    ),
}
"""Each file of the knowledge base (`<name>.yaml`) and the record it lists."""
