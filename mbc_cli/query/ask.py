"""Questions in plain words: `mbc ask "is it curable?"`, answered with what the sources say, best first.

A question is read as the ideas it names (`questions.CONCEPTS`: cure, survival, side effects...),
a subtype of the cancer if it names one (her2+, triple negative), and what else its words name (a
site, a symptom, a term), all through the same understanding as `mbc symptom` and `mbc search`:
stems, word families (curable: cure), synonyms (life expectancy, how long: survival), question words
and qualifiers left aside. When one command answers the question fully ("treatments for triple
negative", "what does spread to the liver cause"), the answer is that command's. Otherwise it is the
statements of the knowledge base (notes, figures, definitions) that speak to most of the question's
ideas, in the sources' words. A question the sources cannot answer is said to be one.
"""

from __future__ import annotations

from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.errors import Unanswered
from mbc_cli.kinds import NAMED, SITE_KINDS
from mbc_cli.model import KnowledgeBase
from mbc_cli.query import inventory, reference
from mbc_cli.query.statements import LIMIT, Statement, normal_words, statements
from mbc_cli.understand import recognise
from mbc_cli.understand.ideas import CONCEPTS, MEANING, QUESTION_WORDS, Concept, Subtype, subtypes_in, without_subtypes
from mbc_cli.understand.interpret import about_another_cancer, advice_asked, unknown
from mbc_cli.understand.normalise import content, normal
from mbc_cli.understand.words import FUNCTION_WORDS, QUALIFIERS

LONG_QUESTION = 20
"""A question of more words than this is a story rather than a question: a word mbc does not know in it
does not make it unanswerable, as it does in a shorter one ("how much ibuprofen can I take")."""

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


_WHOSE = QUALIFIERS["whose"]
"""Whose cancer it is (my wife's, she): the question is the same, so these words are left aside."""


def ask(kb: KnowledgeBase, question: str) -> AskAnswer:
    """Answer a question in plain words: with a command's answer when one answers it, else statements."""
    subtypes = subtypes_in(question)
    key = without_subtypes(question)
    concepts, rest, spoken = _concepts(key)
    words = [word for word in rest if word not in QUESTION_WORDS and word not in _WHOSE and content(word)]
    aside = tuple(dict.fromkeys(word for word in rest if word not in words))
    named = [_subtype_named(subtype, phrase, narrower) for subtype, phrase, narrower in subtypes]
    if about_another_cancer(key):
        raise _unanswered(kb, question)
    command, what = _command(kb, subtypes, {c.name for c in concepts}, words, key)
    named += what
    found: tuple[Statement, ...] = ()
    see_also: tuple[str, ...] = ()
    if command is not None and command[0] in ("test", "treatment"):  # "what is a bone scan", "clinical trials"
        kind, entry_id = command
        return AskAnswer(
            question,
            tuple(c.name for c in concepts),
            tuple(named),
            aside,
            None,
            None,
            _entry_statements(kb, kind, entry_id),
            (f"{kind}s",),
        )
    short = len(key.split()) <= LONG_QUESTION  # a long text is read for what it names, the rest aside
    if command is None and ((short and unknown(kb, words)) or _undefined(key, concepts, subtypes) or advice_asked(key)):
        raise _unanswered(kb, question)
    if command is None:
        about = [Concept(phrase, (*subtype.phrases, *subtype.narrower)) for subtype, phrase, _ in subtypes]
        found = statements(kb, [*concepts, *about], words, spoken)
        if not found:
            raise _unanswered(kb, question)
        see_also = tuple(dict.fromkeys(subtype.flag for subtype, _, _ in subtypes))
    understood = tuple(c.name for c in concepts)
    inner = None if command is None else _answer_of(kb, command)
    more = ("treatments", *see_also) if see_also else None
    return AskAnswer(question, understood, tuple(named), aside, command, inner, found, more)


def _entry_statements(kb: KnowledgeBase, kind: str, entry_id: str) -> tuple[Statement, ...]:
    """What the sources say of one test or treatment (its purpose or aims, then its notes), claim by claim."""
    entry = kb.tests[entry_id] if kind == "test" else kb.treatments[entry_id]
    claims = (*(entry.purpose if kind == "test" else entry.aims), *entry.notes)  # type: ignore[union-attr]
    return tuple(Statement(kind, entry_id, entry.name, claim.text, claim.citations, ()) for claim in claims[:LIMIT])


def _unanswered(kb: KnowledgeBase, question: str) -> Unanswered:
    """The failure for a question the sources cannot answer: what mbc can answer instead, and the advice."""
    return Unanswered(question, ABOUT, inventory.advice(kb).text)


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


def _undefined(key: str, concepts: Sequence[Concept], subtypes: Sequence[object]) -> bool:
    """Whether the question asks what a word means ("what is the meaning of life") and names no idea."""
    return not concepts and not subtypes and _meaning_asked(key)


def _subtype_named(subtype: Subtype, phrase: str, narrower: bool) -> str:
    """The subtype a question names, in words: "her2 positive", "er positive (a kind of hr positive)"."""
    if narrower:
        return f"subtype {phrase} (a kind of {subtype.phrases[0]})"
    if subtype.term_is_broader and subtype.term:
        return f"subtype {phrase} (a kind of {subtype.term})"
    return f"subtype {phrase}"


def _concepts(key: str) -> tuple[list[Concept], list[str], list[str]]:
    """The ideas `key` names, its words that are not part of one, and those that are (that named them)."""
    words = key.split()
    stems = [normal(word) for word in words]
    used: set[int] = set()
    found: list[Concept] = []
    start = 0
    while start < len(stems):  # at each word, the longest phrase that starts there: "new treatments" is research
        for phrase, concept in _PHRASES.get(stems[start], ()):
            if stems[start : start + len(phrase)] == phrase:
                used.update(range(start, start + len(phrase)))
                if concept not in found:
                    found.append(concept)
                start += len(phrase) - 1
                break
        start += 1
    return (
        found,
        [word for i, word in enumerate(words) if i not in used],
        [word for i, word in enumerate(words) if i in used],
    )


def _phrases() -> dict[str, list[tuple[list[str], Concept]]]:
    """Every idea's phrases, as compared, by their first word, the longest first."""
    by_first: dict[str, list[tuple[list[str], Concept]]] = {}
    for concept in CONCEPTS:
        for phrase in concept.phrases:
            words = normal_words(phrase)
            if words:
                by_first.setdefault(words[0], []).append((words, concept))
    return {first: sorted(found, key=lambda pair: -len(pair[0])) for first, found in by_first.items()}


def _command(
    kb: KnowledgeBase,
    subtypes: Sequence[tuple[Subtype, str, bool]],
    concepts: set[str],
    words: list[str],
    key: str,
) -> tuple[tuple[str, ...] | None, list[str]]:
    """The command that answers the question fully, if one does, and what the question names."""
    text = " ".join(words)
    named = _named_whole(kb, key, concepts)
    if named is not None and not subtypes:
        return named
    if subtypes:
        flags = tuple(dict.fromkeys(subtype.flag for subtype, _, _ in subtypes))
        site = _site(kb, text) if text else None
        if words and recognise.find(kb, text, frozenset({"treatment", "drug"})):  # "immunotherapy for tnbc"
            concepts, words = concepts | {"treatment"}, []
        if concepts <= {"treatment"} and (not words or site) and ("treatment" in concepts or not _meaning_asked(key)):
            return ("treatments", *flags, *(("--site", site) if site else ())), [f"site {site}"] if site else []
        if not concepts and not words:
            terms = {subtype.term for subtype, _, _ in subtypes if subtype.term}
            if len(terms) == 1:
                return ("term", terms.pop()), []
        return None, []
    if not words:
        for wanted, command in (
            ({"treatment"}, ("treatments",)),
            ({"diagnosis"}, ("tests",)),
            ({"diagnosis", "spread"}, ("tests",)),
            ({"spread", "how common"}, ("sites",)),
        ):
            if concepts == wanted:
                return command, []
        if concepts == {"spread"} and "where" in key.split():  # "where does it spread to"
            return ("sites",), []
        for concept, term in (("hospice", "hospice care"), ("palliative care", "palliative care")):
            if concepts == {concept} and term in kb.names:
                return ("term", term), []
        return None, []
    site = _site(kb, text)
    if site is not None:
        if "treatment" in concepts and concepts <= {"treatment", "spread"}:
            return ("treatments", "--site", site), [f"site {site}"]
        if "diagnosis" in concepts and concepts <= {"diagnosis", "spread"}:
            return ("tests", "--site", site), [f"site {site}"]
        if concepts <= {"symptoms", "spread", "cause", "how common"}:
            return ("site", site), [f"site {site}"]
        return None, [f"site {site}"]
    if concepts <= {"symptoms", "spread", "cause"}:
        symptoms = recognise.find(kb, text, frozenset({"symptom"}))
        if symptoms:
            return ("symptom", text), [f"symptom {hit.ref.name}" for hit in symptoms]
    if not concepts or concepts <= {"treatment"}:
        for kind in ("drug", "term"):
            hits = recognise.find(kb, text, frozenset({kind}))
            if len({hit.ref.id for hit in hits}) == 1:
                return (kind, hits[0].ref.name), [f"{kind} {hits[0].ref.name}"]
    return None, []


def _named_whole(kb: KnowledgeBase, key: str, concepts: set[str]) -> tuple[tuple[str, ...], list[str]] | None:
    """The command for the one entry that the question, its question words aside, names as a whole:
    "what is a bone scan", "what is mbc", "what does de novo mean"."""
    words = [word for word in key.split() if word not in MEANING and word not in FUNCTION_WORDS]
    text = " ".join(words)
    if not text:
        return None
    hits = recognise.find(kb, text, NAMED)
    if concepts and not set(key.split()) & _DEFINE and any(hit.ref.kind == "term" for hit in hits):
        return None  # "what is the outlook" asks about the outlook; "what does outlook mean" asks for the word
    if not hits and _meaning_asked(key) and not concepts:
        hits = reference.containing(kb, text, frozenset({"term"}))[:1]
    entries = {(hit.ref.kind if hit.ref.kind != "place" else "site", hit.ref.id) for hit in hits}
    if len(entries) != 1 or any(hit.ignored for hit in hits):
        return None
    ref = hits[0].ref
    if ref.kind == "symptom":
        return ("symptom", text), [f"symptom {ref.name}"]
    if ref.kind in ("test", "treatment"):  # no command shows one: its own statements answer (see ask)
        return (ref.kind, ref.id), [f"{ref.kind} {ref.name}"]
    name = kb.sites[ref.id].name if ref.kind == "place" else ref.name
    command = str(ref.kind.command).split()[0]  # a site, place or local area: site; a drug: drug; a term: term
    return (command, name), [f"{ref.kind.label} {name}"]


_DEFINE = frozenset({"mean", "means", "meaning", "define", "definition", "explain"})


def _meaning_asked(key: str) -> bool:
    """Whether the question asks what something means: "what does ... mean", "what is ...", "define ..."."""
    return bool(set(key.split()) & (MEANING - {"is", "what"})) or key.startswith(("what is ", "what are "))


def _site(kb: KnowledgeBase, text: str) -> str | None:
    """The site (or local area) that all of `text` names, by its name; None if it names none or several."""
    hits = recognise.find(kb, text, SITE_KINDS)
    ids = {hit.ref.id for hit in hits}
    if len(ids) != 1:
        return None
    ref = hits[0].ref
    return kb.sites[ref.id].name if ref.kind in ("site", "place") else kb.local_areas[ref.id].name


_PHRASES = _phrases()
