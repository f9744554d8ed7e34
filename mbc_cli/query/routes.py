"""Where a question goes: the command that answers it whole, if one does; else the statements (see `ask`).

A question telling of symptoms goes to `mbc symptom`; a site with an idea (its symptoms, tests,
treatments) to that site; a subtype with treatments to `mbc treatments`; a drug, a term or a condition
to its own answer; a question of ideas alone ("where does it spread") to the command that lists them.
Routing reads only what the question was understood to say (`understand.interpret.Reading`).
"""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.ideas import MEANING, concepts_in
from mbc_cli.understand.interpret import SUBJECT, Reading
from mbc_cli.understand.normalise import name_key
from mbc_cli.understand.recognise import Hit
from mbc_cli.understand.spelling import known
from mbc_cli.understand.words import ALONE_NAMES_NOTHING, GENERAL, POLITENESS, word_set

Route = tuple[tuple[str, ...], tuple[str, ...]]
"""A command, as its words (treatments --triple-negative), and what it adds to what the question names."""


class Refused(Record):
    """A question that asks what words mean that the sources do not explain ("what is the meaning of life")."""

    words: tuple[str, ...]


SYMPTOM_IDEAS = frozenset({"symptoms", "cause", "spread", "the doctor", "diagnosis", "coping", "outlook"})
"""Ideas that a question telling of symptoms may name and still be a question about those symptoms ("i have
headaches, what does it mean", "should I see a doctor about my cough")."""
PLACES = (Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA)
SITE_IDEAS = frozenset({"symptoms", "spread", "cause", "how common"})
"""Ideas that one site answers whole: what spread there causes, and how common it is."""


def route(kb: KnowledgeBase, reading: Reading, concepts: set[str]) -> Route | Refused | None:
    """The command that answers the question whole, if one does, with what it adds to what the question names."""
    loose = [word for word in reading.rest if word not in GENERAL and known(kb, word)]  # the others: not_in_sources
    sites = _one_site(kb, reading)
    if len(concepts) > 1 or sites is not None:
        concepts = concepts - {"spread"}  # "that has spread", "mets": the subject, beside what is asked
    if reading.subtypes:
        return _subtype_route(kb, reading, concepts, loose, sites)
    named = [n.hits[0] for n in reading.named]
    kinds = {hit.ref.kind for hit in named}
    tells = bool(reading.symptoms) or Kind.SYMPTOM in kinds
    told = tells and concepts <= SYMPTOM_IDEAS and kinds <= {Kind.SYMPTOM, *PLACES}
    if sites is not None:  # a site beside symptoms says where they are, unless the question asks what spread causes
        told = told and "symptoms" not in concepts
    if told and not (_asks_meaning(reading) and _condition(kb, reading)):
        return ("symptom", _told(reading)), ()
    drugs = {hit.ref.id for hit in named if hit.ref.kind == Kind.DRUG}
    if len(drugs) == 1 and concepts <= {"treatment"} and not loose:
        others = {hit.ref.kind for hit in named if hit.ref.kind != Kind.DRUG}
        if others <= {*PLACES, Kind.TERM, Kind.SYMPTOM}:  # "tamoxifen for her bone mets", "pertuzumab for her2"
            return ("drug", kb.drugs[drugs.pop()].name), ()
    if not named and not reading.symptoms and _asks_meaning(reading) and not concepts:
        if reading.subject:  # "what is stage 4", "is secondary breast cancer the same as metastatic"
            longest = max(reading.subject, key=lambda n: (n.end - n.start, -n.start))
            return _entry_route(kb, reading, concepts, longest.hits[0])
        asked = " ".join(loose) or " ".join(word for word in reading.words if word in SUBJECT)
        weak = any(word in ALONE_NAMES_NOTHING or len(word) < 4 for word in loose)  # "blood" in "my blood type"
        from mbc_cli.query.reference import containing  # only for a word asked the meaning of

        terms = containing(kb, asked, frozenset({Kind.TERM})) if asked and not weak else ()
        if terms:  # "what does metastatic mean": the shortest term that holds the words
            return ("term", terms[0].ref.name), ()
        if loose:  # "what is the meaning of life": a word the sources do not explain
            return Refused(tuple(loose))
    if loose:
        return None
    if sites is not None:
        if "treatment" in concepts and concepts <= {"treatment", "spread"}:
            return ("treatments", "--site", sites), (f"site {sites}",)
        if "diagnosis" in concepts and concepts <= {"diagnosis", "spread"}:
            return ("tests", "--site", sites), (f"site {sites}",)
        if concepts <= SITE_IDEAS and kinds <= {Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA, Kind.SYMPTOM}:
            return ("site", sites), ()
        return None
    if (len(named) == 1 and not reading.symptoms) or (named and all(h.ref.id == named[0].ref.id for h in named)):
        return _entry_route(kb, reading, concepts, named[0])
    condition = _condition(kb, reading)
    if condition is not None and (concepts <= {"symptoms", "cause"} or _asks_meaning(reading)):
        return ("term", condition), ()
    if not named:
        return _idea_route(kb, concepts, reading.words)
    return None


def _entry_route(kb: KnowledgeBase, reading: Reading, concepts: set[str], hit: Hit) -> Route | None:
    """The command that shows the one entry the question names, when its ideas ask for nothing more; asked what
    it means, a name that is also a term's is answered by the term ("what is palliative care")."""
    if _asks_meaning(reading) and hit.ref.kind != Kind.TERM:
        term = next((n for n in reading.named[0].hits if n.ref.kind == Kind.TERM), None) if reading.named else None
        hit = term or hit
    kind = hit.ref.kind
    if kind in (Kind.TEST, Kind.TREATMENT) and concepts <= {"treatment", "diagnosis", "research"}:
        return (str(kind), hit.ref.id), ()
    if kind == Kind.DRUG and concepts <= {"treatment"}:
        return ("drug", hit.ref.name), ()
    if kind == Kind.TERM and (_asks_meaning(reading) or _only_names(reading)) and not _names_an_idea(hit):
        return ("term", hit.ref.name), ()
    if kind == Kind.SYMPTOM and kb.symptoms[hit.ref.id].kind == "condition" and concepts <= {"symptoms", "cause"}:
        return ("term", hit.ref.name), ()
    return None


def _only_names(reading: Reading) -> bool:
    """Whether the question is only a name (and question words): "hospice care?", "tnbc"; not "how do I find a
    clinical trial", which asks something of it."""
    return (
        not reading.concepts
        and not reading.rest
        and reading.words[:1] != ("how",)
        and not set(reading.words) & ASKING_SOMETHING
    )


ASKING_SOMETHING = frozenset({"how", "why", "can", "could", "should", "where", "when", "will", "would", "does", "do"})
"""Words that ask something of what a question names, not what it is."""


def _names_an_idea(hit: Hit) -> bool:
    """Whether a term's name holds a question's idea ("5-year relative survival rate": survival): a question naming
    it asks for what the sources say of the idea (the figures), which the statements answer, not only the term."""
    ideas, _ = concepts_in(name_key(hit.ref.name).split())
    return bool(ideas)


def _idea_route(kb: KnowledgeBase, concepts: set[str], words: Sequence[str]) -> Route | None:
    """The command that answers a question of ideas alone: "what treatments are there", "where does it spread"."""
    if concepts == {"spread"} and "where" in words:  # "where does it spread to"
        return ("sites",), ()
    for wanted, command in (
        ({"treatment"}, ("treatments",)),
        ({"diagnosis"}, ("tests",)),
        ({"diagnosis", "spread"}, ("tests",)),
        ({"spread", "how common"}, ("sites",)),
    ):
        if concepts == wanted:
            return command, ()
    for concept, term in (("hospice", "hospice care"), ("palliative care", "palliative care")):
        if concepts == {concept} and term in kb.names:
            return ("term", term), ()
    return None


def _subtype_route(
    kb: KnowledgeBase, reading: Reading, concepts: set[str], loose: Sequence[str], site: str | None
) -> Route | None:
    """Treatments for the subtype named ("treatments for triple negative"), or the term that explains it."""
    flags = tuple(dict.fromkeys(subtype.flag for subtype, _, _ in reading.subtypes))
    names = {n.hits[0].ref.kind for n in reading.named}
    if names & {Kind.TREATMENT, Kind.DRUG}:
        concepts = concepts | {"treatment"}
    if loose:
        return None
    for_treatment = "treatment" in concepts or not _asks_meaning(reading)
    if concepts <= {"treatment"} and for_treatment and names <= {Kind.TREATMENT, Kind.DRUG, *PLACES}:
        return ("treatments", *flags, *(("--site", site) if site else ())), (f"site {site}",) if site else ()
    if not concepts and not names:
        terms = {subtype.term for subtype, _, _ in reading.subtypes if subtype.term}
        if len(terms) == 1:
            return ("term", terms.pop()), ()
    return None


def _told(reading: Reading) -> str:
    """What to give `mbc symptom` for a question telling of symptoms: its words, with the words that ask, politeness,
    the subject (breast cancer) and the words of its ideas aside ("i have headaches and feel sick what does it
    mean": i have headaches and feel sick)."""
    said = set(reading.concept_words)
    aside = ASKING | POLITENESS | SUBJECT
    return " ".join(w for w in reading.words if w not in aside and w not in said) or " ".join(reading.words)


ASKING = word_set(
    "what whats how why when where who which does do did can could should would will is are mean means meaning tell "
    "explain know it"
)
"""The words that ask, in a question telling of symptoms: what is left tells of them."""


def _one_site(kb: KnowledgeBase, reading: Reading) -> str | None:
    """The one site (or local area) the question names, by its name; None if it names none or several."""
    ids = {
        (hit.ref.kind, hit.ref.id)
        for n in reading.named
        for hit in n.hits[:1]
        if hit.ref.kind in (Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA)
    }
    if len({entry_id for _, entry_id in ids}) != 1:
        return None
    kind, entry_id = ids.pop()
    return kb.local_areas[entry_id].name if kind == Kind.LOCAL_AREA else kb.sites[entry_id].name


def _condition(kb: KnowledgeBase, reading: Reading) -> str | None:
    """The condition (hypercalcemia, spinal cord compression) the question names, whose term explains it."""
    for n in reading.named:
        hit = n.hits[0]
        if hit.ref.kind == Kind.SYMPTOM and kb.symptoms[hit.ref.id].kind == "condition":
            return hit.ref.name
    return None


def _asks_meaning(reading: Reading) -> bool:
    """Whether the question asks what something means: "what does ... mean", "what is ...", "define ...", or
    whether two things are the same ("is stage 4 the same as metastatic")."""
    words = set(reading.words)
    said = f" {' '.join(reading.words)} "
    return (
        bool(words & (MEANING - {"is", "what"}) or words & SAMENESS)
        or any(f" {phrase} " in said for phrase in SAMENESS_PHRASES)
        or said.startswith((" what is ", " what are ", " whats "))
    )


SAMENESS = frozenset({"same", "versus", "vs"})
SAMENESS_PHRASES = ("difference between", "different from", "differ from")
"""Words that ask whether two things are one: answered, like a meaning, by what each is ("make a difference" does
not ask it)."""
