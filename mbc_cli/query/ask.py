"""Questions in plain words: `mbc ask "is it curable?"`, routed first, then answered from the sources.

A question is read once, through every step of understanding (`understand.interpret.read_question`):
shorthand and misspellings, its ideas (cure, survival, side effects...), the subtype it names, the
things it names (sites, symptoms, drugs, tests, treatments, terms), and the words left over.

Then it is routed: a question telling of symptoms is answered as `mbc symptom` answers them; a site
with an idea (its symptoms, its tests, its treatments) from that site; a subtype with treatments, a
drug or a term by its command. Anything else is answered by the statements that speak to it
(`statements.answers`, ranked with BM25). Every word that carries meaning is either understood or said
to be beyond the sources (`not_in_sources`); a question is refused (exit 1) only when nothing in it
that carries meaning was understood, or when it is about another illness or asks for a dose.
"""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.errors import Unanswered
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.query import inventory, reference
from mbc_cli.query.statements import LIMIT, Statement, answers
from mbc_cli.understand import recognise
from mbc_cli.understand.ideas import MEANING, QUESTION_WORDS, Subtype
from mbc_cli.understand.interpret import SUBJECT, SYMPTOM_KINDS, Reading, read_question
from mbc_cli.understand.normalise import normal
from mbc_cli.understand.recognise import Hit
from mbc_cli.understand.spelling import Correction
from mbc_cli.understand.words import GENERAL, POLITENESS

ABOUT = (
    "whether it can be cured",
    "how long people live with it (survival figures)",
    "whether it comes back",
    "side effects",
    "how spread is found (tests)",
    "symptoms and the sites they point to",
    "treatments for a subtype (HER2, hormone receptors, triple-negative, BRCA)",
    "palliative and hospice care",
    "coping and support",
    "what to ask the doctor",
    "lowering the risk",
    "what a word means",
)
"""What `mbc ask` can answer, for a question it cannot."""


class AskAnswer(Record):
    """Answer to `mbc ask QUESTION`: how it was understood, and either a command's answer or statements."""

    question: str
    concepts: tuple[str, ...]
    """The ideas understood, by name (cure, survival...)."""
    named: tuple[str, ...]
    """What else the question names, in words: "site liver", "subtype triple-negative"."""
    left_aside: tuple[str, ...]
    """The question's own words, left aside: what, how, is, it..."""
    command: tuple[str, ...] | None
    """The command whose answer answers the question (as its words: treatments --triple-negative)."""
    answer: object | None
    """That command's answer (a SiteAnswer, a TreatmentsAnswer...), when there is one."""
    statements: tuple[Statement, ...]
    see_also: tuple[str, ...] | None = None
    """A command that says more, beside the statements (the treatments for a subtype asked about)."""
    not_in_sources: tuple[str, ...] = ()
    """The question's words that carry meaning the sources do not cover ("hair", "loss")."""
    corrected: tuple[Correction, ...] = ()
    """The words read as others ("curible" as "curable")."""
    shorthand: tuple[tuple[str, str], ...] = ()


SYMPTOM_IDEAS = frozenset({"symptoms", "cause", "spread", "the doctor", "diagnosis", "coping", "outlook"})
"""Ideas that a question telling of symptoms may name and still be a question about those symptoms ("i have
headaches, what does it mean", "should I see a doctor about my cough")."""
_PLACES = (Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA)
SITE_IDEAS = frozenset({"symptoms", "spread", "cause", "how common"})
"""Ideas that one site answers whole: what spread there causes, and how common it is."""
NEW_SYMPTOMS = "symptoms_may_be_other_conditions"
"""The note a question about symptoms is answered with beside `mbc symptom`'s answer (the closing advice says the
rest: tell the care team right away)."""


def ask(kb: KnowledgeBase, question: str) -> AskAnswer:
    """Answer a question in plain words: with a command's answer when one answers it, else statements."""
    reading = read_question(kb, question)
    if reading.another_illness or reading.dose:
        raise _unanswered(kb, reading, ())
    read = AskAnswer(
        question=question,
        concepts=tuple(c.name for c in reading.concepts),
        named=_named_words(kb, reading),
        left_aside=reading.aside,
        command=None,
        answer=None,
        statements=(),
        corrected=reading.corrected,
        shorthand=reading.shorthand,
    )
    routed = _route(kb, reading, {c.name for c in reading.concepts})
    if routed is not None:
        words, extra = routed
        if words[0] in ("test", "treatment"):  # no command shows one: its own statements answer
            return read.replace(statements=_entry_statements(kb, words[0], words[1]), see_also=(f"{words[0]}s",))
        return read.replace(
            named=tuple(dict.fromkeys((*read.named, *extra))),
            command=words,
            answer=_answer_of(kb, words),
            statements=_with_new_symptoms(kb, words),
        )
    found = answers(kb, reading)
    uncovered = _not_in_sources(reading, found.said)
    if not found.statements:
        raise _unanswered(kb, reading, uncovered)
    flags = tuple(dict.fromkeys(subtype.flag for subtype, _, _ in reading.subtypes))
    return read.replace(
        statements=found.statements,
        see_also=("treatments", *flags) if flags else None,
        not_in_sources=uncovered,
    )


def _not_in_sources(reading: Reading, said: frozenset[str]) -> tuple[str, ...]:
    """The words that carry meaning, understood as no idea and no name, that no answering statement holds: as
    typed (a word read as another is said as typed, since its reading was a guess)."""
    typed = {c.read_as: c.typed for c in reading.corrected}
    return tuple(typed.get(word, word) for word in reading.rest if normal(word) not in said)


def _named_words(kb: KnowledgeBase, reading: Reading) -> tuple[str, ...]:
    """What the question names, in words: "site liver", "drug trastuzumab", "subtype her2 positive"."""
    named = [_subtype_named(subtype, phrase, narrower) for subtype, phrase, narrower in reading.subtypes]
    for found in reading.named:
        hit = found.hits[0]
        condition = hit.ref.kind == Kind.SYMPTOM and kb.symptoms[hit.ref.id].kind == "condition"
        named.append(f"{'condition' if condition else hit.ref.kind.label} {hit.ref.name}")
    return tuple(dict.fromkeys(named))


def _route(kb: KnowledgeBase, reading: Reading, concepts: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The command that answers the question whole, if one does, with what it adds to what the question names."""
    loose = [word for word in reading.rest if word not in GENERAL]
    sites = _one_site(kb, reading)
    if len(concepts) > 1 or sites is not None:
        concepts = concepts - {"spread"}  # "that has spread", "mets": the subject, beside what is asked
    if reading.subtypes:
        return _subtype_route(kb, reading, concepts, loose, sites)
    named = [n.hits[0] for n in reading.named]
    kinds = {hit.ref.kind for hit in named}
    tells = bool(reading.symptoms) or Kind.SYMPTOM in kinds
    told = tells and concepts <= SYMPTOM_IDEAS and kinds <= {Kind.SYMPTOM, *_PLACES}
    if sites is not None:  # a site beside symptoms says where they are, unless the question asks what spread causes
        told = told and "symptoms" not in concepts
    if told and not (_asks_meaning(reading) and _condition(kb, reading)):
        return ("symptom", _told(kb, reading)), ()
    drugs = {hit.ref.id for hit in named if hit.ref.kind == Kind.DRUG}
    if len(drugs) == 1 and concepts <= {"treatment"} and not loose:
        others = {hit.ref.kind for hit in named if hit.ref.kind != Kind.DRUG}
        if others <= {*_PLACES, Kind.TERM, Kind.SYMPTOM}:  # "tamoxifen for her bone mets", "pertuzumab for her2"
            return ("drug", kb.drugs[drugs.pop()].name), ()
    if not named and not reading.symptoms and _asks_meaning(reading) and not concepts:
        if reading.subject:  # "what is stage 4", "is secondary breast cancer the same as metastatic"
            longest = max(reading.subject, key=lambda n: (n.end - n.start, -n.start))
            return _entry_route(kb, reading, concepts, longest.hits[0])
        asked = " ".join(loose) or " ".join(word for word in reading.words if word in SUBJECT)
        terms = reference.containing(kb, asked, frozenset({Kind.TERM})) if asked else ()
        if terms:  # "what does metastatic mean": the shortest term that holds the words
            return ("term", terms[0].ref.name), ()
        if loose:  # "what is the meaning of life": a word the sources do not explain
            raise _unanswered(kb, reading, loose)
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


def _entry_route(
    kb: KnowledgeBase, reading: Reading, concepts: set[str], hit: Hit
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
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
    if kind == Kind.TERM and (not concepts or _asks_meaning(reading)):
        return ("term", hit.ref.name), ()
    if kind == Kind.SYMPTOM and kb.symptoms[hit.ref.id].kind == "condition" and concepts <= {"symptoms", "cause"}:
        return ("term", hit.ref.name), ()
    return None


def _idea_route(
    kb: KnowledgeBase, concepts: set[str], words: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
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
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Treatments for the subtype named ("treatments for triple negative"), or the term that explains it."""
    flags = tuple(dict.fromkeys(subtype.flag for subtype, _, _ in reading.subtypes))
    names = {n.hits[0].ref.kind for n in reading.named}
    if names & {Kind.TREATMENT, Kind.DRUG}:
        concepts = concepts | {"treatment"}
    if loose:
        return None
    for_treatment = "treatment" in concepts or not _asks_meaning(reading)
    if concepts <= {"treatment"} and for_treatment and names <= {Kind.TREATMENT, Kind.DRUG, *_PLACES}:
        return ("treatments", *flags, *(("--site", site) if site else ())), (f"site {site}",) if site else ()
    if not concepts and not names:
        terms = {subtype.term for subtype, _, _ in reading.subtypes if subtype.term}
        if len(terms) == 1:
            return ("term", terms.pop()), ()
    return None


def _told(kb: KnowledgeBase, reading: Reading) -> str:
    """The words of a question that tell of symptoms, for `mbc symptom`: its question words, politeness, the
    subject (breast cancer) and the words of its ideas aside ("i have headaches and feel sick what does it mean":
    headaches and feel sick); or, if those are not read as symptoms alone, the symptoms it named."""
    said = set(reading.concept_words)
    aside = QUESTION_WORDS | POLITENESS | SUBJECT
    kept = " ".join(w for w in reading.words if w not in aside and w not in said)
    if kept and recognise.find(kb, kept, SYMPTOM_KINDS):
        return kept
    hits = reading.symptoms or reading.named_kinds(Kind.SYMPTOM)
    return ", ".join(dict.fromkeys(hit.ref.name for hit in hits))


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
    return bool(words & (MEANING - {"is", "what"}) or words & SAMENESS) or " ".join(reading.words).startswith(
        ("what is ", "what are ", "whats ")
    )


SAMENESS = frozenset({"same", "difference", "different", "differ", "versus", "vs"})
"""Words that ask whether two things are one: answered, like a meaning, by what each is."""


def _with_new_symptoms(kb: KnowledgeBase, command: tuple[str, ...]) -> tuple[Statement, ...]:
    """Beside `mbc symptom`'s answer, what the sources say of new symptoms; nothing beside another command's."""
    note = kb.notes.get(NEW_SYMPTOMS) if command[0] == "symptom" else None
    if note is None:
        return ()
    return (Statement("note", note.id, note.text, note.text, note.citations, ("symptoms",)),)


def _entry_statements(kb: KnowledgeBase, kind: str, entry_id: str) -> tuple[Statement, ...]:
    """What the sources say of one test or treatment (its purpose or aims, then its notes), claim by claim."""
    entry = kb.tests[entry_id] if kind == "test" else kb.treatments[entry_id]
    claims = (*(entry.purpose if kind == "test" else entry.aims), *entry.notes)  # type: ignore[union-attr]
    return tuple(Statement(kind, entry_id, entry.name, claim.text, claim.citations, ()) for claim in claims[:LIMIT])


def _unanswered(kb: KnowledgeBase, reading: Reading, uncovered: Sequence[str]) -> Unanswered:
    """The failure for a question the sources cannot answer: what mbc can answer instead, and the advice."""
    return Unanswered(reading.question, ABOUT, inventory.advice(kb).text, tuple(uncovered), reading.corrected)


def _answer_of(kb: KnowledgeBase, command: tuple[str, ...]) -> object:
    """The answer of the command that answers the question, as that command gives it."""
    from mbc_cli.query import sites, symptoms, treatments

    name, *args = command
    site = args[args.index("--site") + 1] if "--site" in args else None
    if name == "site":
        return sites.by_site(kb, args[0])
    if name == "symptom":
        return symptoms.by_symptoms(kb, args)
    if name == "term":
        return reference.term_named(kb, args[0])
    if name == "drug":
        return reference.drug_named(kb, args[0])
    if name == "tests":
        return treatments.tests_for(kb, site=site)
    if name == "sites":
        return sites.all_sites(kb)
    fit = treatments.profile(
        hr_positive=treatments.status("hr", positive="--hr-positive" in args, negative="--hr-negative" in args),
        her2_positive=treatments.status("her2", positive="--her2-positive" in args, negative="--her2-negative" in args),
        triple_negative="--triple-negative" in args,
        brca="--brca" in args,
    )
    return treatments.treatments_for(kb, profile=fit, site=site)


def _subtype_named(subtype: Subtype, phrase: str, narrower: bool) -> str:
    """The subtype a question names, in words: "her2 positive", "er positive (a kind of hr positive)"."""
    if narrower:
        return f"subtype {phrase} (a kind of {subtype.phrases[0]})"
    if subtype.term_is_broader and subtype.term:
        return f"subtype {phrase} (a kind of {subtype.term})"
    return f"subtype {phrase}"
