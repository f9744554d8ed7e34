"""The knowledge base as immutable data: what the YAML says, validated, with its indexes.

Each class of entry is declared here once: its fields, their types, and through `key()` how its
YAML file writes them. The checks, the assembly and the compiled cache in mbc_cli.kb are derived
from these declarations; mbc_cli.kinds names every kind of entry once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from mbc_cli.declare import Record, key
from mbc_cli.index import Index
from mbc_cli.kinds import Kind

SUBTYPES = ("hr_positive", "hr_negative", "her2_positive", "triple_negative", "brca_mutation")
"""The subtypes of breast cancer a treatment or drug can be for."""
ANY_SUBTYPE = "any"
"""What a source says a treatment or drug is for when it names it for metastatic breast cancer with no subtype
("an example of immunotherapy for metastatic breast cancer"): no filter hides what one source says this of."""


class Citation(Record):
    """Where a claim comes from: exact words from one source snapshot."""

    source: str = key(refers=("sources",))
    """The id of a `Source`."""
    quote: str


class Claim(Record):
    """Our plain restatement of what the quotes say, with the quotes."""

    text: str
    citations: tuple[Citation, ...]
    subtypes: tuple[str, ...] = key(optional=True, choices=SUBTYPES)
    """When it is said only of some cancers: of those with each of these subtypes. An answer about a cancer
    not known to have them all leaves it out."""
    site: str | None = key(optional=True, refers=("sites",))
    """When it is said only of spread to one site ("may first find spread to the lungs on a follow-up scan"): an
    answer about another site leaves it out."""


class Source(Record, kind=Kind.SOURCE):
    """One source snapshot; None where the snapshot does not say."""

    id: str
    publisher: str | None
    title: str | None
    label: str | None = key(optional=True)
    """How to name it to a reader when it shows neither publisher nor title (never a file name)."""
    url: str | None
    authors: tuple[str, ...] = key(optional=True)
    reviewed_by: tuple[str, ...] = key(optional=True)
    faq_answered_by: tuple[str, ...] = key(optional=True)
    """Who signed the answers of the source's closing questions and answers: not its author nor its reviewer."""
    published: str | None = key(optional=True, pattern="date")
    last_reviewed: str | None = key(optional=True, pattern="date")
    last_updated: str | None = key(optional=True, pattern="date")
    licence: str
    notes: str | None = key(optional=True)
    snapshot: str
    """The snapshot's file name in shared/sources."""


class Frequency(Record):
    """How often a site is affected, in one study."""

    percent: float
    study: str = key(refers=("studies",))
    citations: tuple[Citation, ...]


class Place(Record):
    """A part of a site, e.g. the spine in bone."""

    name: str
    aliases: tuple[str, ...] = key(optional=True)
    citations: tuple[Citation, ...]


class SymptomLink(Record):
    """A site can cause a symptom, directly or through an intermediate condition."""

    symptom: str = key(refers=("symptoms",))
    via: str | None = key(optional=True, refers=("symptoms",))
    """The id of the intermediate condition (a symptom of kind 'condition'), if any."""
    citations: tuple[Citation, ...]


class SiteLink(Record):
    """A test checks a site."""

    site: str = key(refers=("sites",))
    citations: tuple[Citation, ...]


class AreaLink(Record):
    """A treatment is tied to a site or a local area."""

    site: str = key(refers=("sites", "local_areas"))
    """The id of a site or of a local area."""
    citations: tuple[Citation, ...]


class SubtypeLink(Record):
    """Whom a treatment or drug is for, as some sources say: one subtype, or metastatic breast cancer with no
    subtype named (ANY_SUBTYPE)."""

    subtype: str = key(choices=(*SUBTYPES, ANY_SUBTYPE))
    citations: tuple[Citation, ...]


class Site(Record, kind=Kind.SITE):
    """A distant site breast cancer can spread to."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    prevalence: str = key(choices=("common", "less_common", "not_stated"))
    named_by: tuple[Citation, ...]
    prevalence_said: tuple[Citation, ...] = key(optional=True)
    """The quotes that say how common it is, where they give no figure ("much less common")."""
    frequency: Frequency | None = key(optional=True)
    places: tuple[Place, ...] = key(optional=True)
    symptoms: tuple[SymptomLink, ...] = key(optional=True)
    notes: tuple[Claim, ...] = key(optional=True)


class LocalArea(Record, kind=Kind.LOCAL_AREA):
    """A word that is not a distant site: spread there is local or regional."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    narrower: tuple[str, ...] = key(optional=True)
    """Words for narrower kinds of it (axillary lymph nodes, of lymph nodes): matched as it, said to be a kind of it."""
    meaning: tuple[Claim, ...] = key(non_empty=True)


class Symptom(Record, kind=Kind.SYMPTOM):
    """A symptom, or an intermediate condition with symptoms of its own."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    narrower: tuple[str, ...] = key(optional=True)
    """Words for narrower kinds of it (hip fracture, of fractures): matched as it, and said to be a kind of it."""
    disorders: tuple[str, ...] = key(optional=True)
    """Names of disorders of their own that have this symptom (migraine, of headache), which the sources never
    mention: read as it, and the answer says that the sources speak of it, not of that disorder."""
    kind: str = key(choices=("symptom", "condition"))
    description: tuple[Claim, ...] = key(optional=True)
    general: tuple[Citation, ...] = key(optional=True)
    """Non-empty when the sources call it general, not tied to one site."""
    notes: tuple[Claim, ...] = key(optional=True)


class Test(Record, kind=Kind.TEST):
    """A test used to find spread."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    purpose: tuple[Claim, ...] = key(non_empty=True)
    sites: tuple[SiteLink, ...] = key(optional=True)
    """Empty when it is used wherever the cancer may have spread."""
    notes: tuple[Claim, ...] = key(optional=True)
    only_at: str | None = key(optional=True, choices=("follow_up",))
    """follow_up: a check the sources name only at follow-up visits, not as a test to find spread."""


class Treatment(Record, kind=Kind.TREATMENT):
    """A kind of treatment."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    kind: str = key(choices=("systemic", "local", "supportive", "trial", "emerging"))
    aims: tuple[Claim, ...] = key(non_empty=True)
    subtypes: tuple[SubtypeLink, ...] = key(optional=True)
    """Whom each source says it is for, side by side; empty when no source names whom."""
    sites: tuple[AreaLink, ...] = key(optional=True)
    notes: tuple[Claim, ...] = key(optional=True)
    drug_lists: tuple[Claim, ...] = key(optional=True)
    """What the sources say of their lists of its drugs: that a list gives examples, not every drug there is."""


class Drug(Record, kind=Kind.DRUG):
    """A drug or class of drugs the sources name."""

    id: str
    name: str
    """The generic name."""
    brands: tuple[str, ...] = key(optional=True)
    aliases: tuple[str, ...] = key(optional=True)
    kind: str = key(choices=("drug", "class"))
    """drug, or class for a group such as aromatase inhibitors."""
    treatment: str = key(refers=("treatments",))
    drug_class: str = key(name="class")
    citations: tuple[Citation, ...]
    subtypes: tuple[SubtypeLink, ...] = key(optional=True)
    notes: tuple[Claim, ...] = key(optional=True)


class Study(Record, kind=Kind.STUDY):
    """A study a source mentions."""

    id: str
    name: str
    year: int | None
    size: int | None
    population: str | None
    citations: tuple[Citation, ...]
    caveats: tuple[Claim, ...] = key(optional=True)
    """What the sources say beside its figures about how far they can be taken."""


class Statistic(Record, kind=Kind.STATISTIC):
    """A figure the sources give, with what it measures."""

    id: str
    name: str
    topic: str = key(
        choices=("survival", "life_expectancy", "recurrence", "de_novo", "prevalence", "spread", "incidence")
    )
    measures: str
    value: str
    """The figure as the source states it."""
    low: float | None
    high: float | None
    unit: str | None = key(choices=("percent", "months", "women", "people"))
    population: str | None
    year: int | None
    study: str | None = key(refers=("studies",))
    citations: tuple[Citation, ...]
    said_by: str | None = key(optional=True)
    """Who gave the figure, when the source quotes someone else's (its quotes say so)."""
    caveats: tuple[Claim, ...] = key(optional=True)
    """What the sources say beside the figure about how far it can be taken (it varies, it is old)."""


class Term(Record, kind=Kind.TERM):
    """A word explained."""

    id: str
    name: str
    aliases: tuple[str, ...] = key(optional=True)
    definitions: tuple[Claim, ...] = key(non_empty=True)


class Note(Record, kind=Kind.NOTE):
    """Something the sources say that belongs to no single entry."""

    id: str
    topic: str = key(
        choices=(
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
    )
    text: str
    study: str | None = key(optional=True, refers=("studies",))
    citations: tuple[Citation, ...]


class NameRef(Record):
    """What a name or alias refers to: an entry of one kind, or a place within a site."""

    kind: Kind
    """One of NAMED."""
    id: str
    """The entry's id; for a place, the id of its site."""
    name: str
    """The name as the knowledge base spells it."""


class KnowledgeBase(Record):
    """Every entry by id, in file order, and the indexes the queries use."""

    path: str
    sources: Mapping[str, Source]
    sites: Mapping[str, Site]
    local_areas: Mapping[str, LocalArea]
    symptoms: Mapping[str, Symptom]
    tests: Mapping[str, Test]
    treatments: Mapping[str, Treatment]
    drugs: Mapping[str, Drug]
    studies: Mapping[str, Study]
    statistics: Mapping[str, Statistic]
    terms: Mapping[str, Term]
    notes: Mapping[str, Note]
    names: Index[tuple[NameRef, ...]]
    """Normalised name or alias (its `name_key`) -> what it names."""
    stems: Mapping[str, tuple[str, ...]]
    """`stem_key` -> the name keys with those stems: finds plurals and inflections."""
    phrases: Mapping[str, tuple[str, ...]]
    """`phrase_key` -> the name keys with those content words in any order."""
    words: Mapping[str, tuple[str, ...]]
    """A content word's stem -> the name keys that contain it: finds phrases within longer ones."""
    text_words: Mapping[str, tuple[str, ...]]
    """A word as search compares it -> the entries ('kind id') whose names, texts or quotes hold it."""
    text_weights: Mapping[str, tuple[int, ...]]
    """For each word of text_words, how much it counts in each of those entries (3 a name, 2 an alias, 1 a text)."""
    spellings: Index[int]
    """Each word of the names and aliases as written (a name key's word) -> how many times: the words that a word
    mbc does not know may be a misspelling of."""
    sites_by_symptom: Mapping[str, tuple[tuple[str, SymptomLink], ...]]
    """Symptom id -> (site id, link) for each site that can cause it."""
    tests_by_site: Mapping[str, tuple[str, ...]]
    """Site id -> ids of the tests that check it; ANY -> those used wherever cancer may have spread."""
    treatments_by_site: Mapping[str, tuple[str, ...]]
    """Site or local-area id -> ids of the treatments tied to it."""
    treatments_by_subtype: Mapping[str, tuple[str, ...]]
    """Subtype -> ids of the treatments for it; ANY -> those for any subtype."""
    drugs_by_treatment: Mapping[str, tuple[str, ...]]
    """Treatment id -> ids of its drugs."""

    def entries(self, kind: Kind) -> Mapping[str, Record]:
        """The entries of a kind with a file of its own, by id."""
        assert kind.file is not None, kind
        entries: Mapping[str, Record] = getattr(self, kind.file)
        return entries


def walk(value: object) -> Iterator[object]:
    """Yield every model object in `value` (entries, claims, citations...), each before what it holds, in order."""
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, tuple):
            stack.extend(reversed(item))
        elif isinstance(item, Record):
            yield item
            stack.extend(reversed(item.field_values()))
