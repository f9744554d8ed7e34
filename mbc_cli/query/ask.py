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
from mbc_cli.errors import NotFoundError, Unanswered
from mbc_cli.kinds import Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.query import inventory
from mbc_cli.query.routes import Refused, route
from mbc_cli.query.statements import LIMIT, Statement, answers
from mbc_cli.understand.ideas import Subtype
from mbc_cli.understand.interpret import Reading, read_question
from mbc_cli.understand.normalise import normal
from mbc_cli.understand.spelling import Correction, known

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
    routed = route(kb, reading, {c.name for c in reading.concepts})
    if isinstance(routed, Refused):
        raise _unanswered(kb, reading, routed.words)
    if routed is not None:  # the words it routes past are those the knowledge base does not know at all
        words, extra = routed
        read = read.replace(not_in_sources=_not_in_sources(reading, frozenset(w for w in reading.rest if known(kb, w))))
        if words[0] in ("test", "treatment"):  # no command shows one: its own statements answer
            return read.replace(statements=_entry_statements(kb, words[0], words[1]), see_also=(f"{words[0]}s",))
        try:
            answer = _answer_of(kb, words)
        except NotFoundError:  # its words are not read as symptoms alone: the symptoms it named are
            words = (
                "symptom",
                ", ".join(dict.fromkeys(h.ref.name for h in reading.symptoms or reading.named_kinds(Kind.SYMPTOM))),
            )
            answer = _answer_of(kb, words)
        return read.replace(
            named=tuple(dict.fromkeys((*read.named, *extra))),
            command=words,
            answer=answer,
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
    """The words that carry meaning, understood as no idea and no name, that are not `said` (by the answering
    statements, as compared; or by the knowledge base, as written): as typed (a word read as another is said as
    typed, since its reading was a guess)."""
    typed = {c.read_as: c.typed for c in reading.corrected}
    return tuple(typed.get(word, word) for word in reading.rest if normal(word) not in said and word not in said)


def _named_words(kb: KnowledgeBase, reading: Reading) -> tuple[str, ...]:
    """What the question names, in words: "site liver", "drug trastuzumab", "subtype her2 positive"."""
    named = [_subtype_named(subtype, phrase, narrower) for subtype, phrase, narrower in reading.subtypes]
    for found in reading.named:
        hit = found.hits[0]
        condition = hit.ref.kind == Kind.SYMPTOM and kb.symptoms[hit.ref.id].kind == "condition"
        named.append(f"{'condition' if condition else hit.ref.kind.label} {hit.ref.name}")
    return tuple(dict.fromkeys(named))


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
    from mbc_cli.query import reference, sites, symptoms, treatments

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
