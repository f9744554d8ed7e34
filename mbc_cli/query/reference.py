"""Reference questions: every statistic side by side, words explained, drugs by any name, and search.

Search is deliberately simple, so that its order can be explained in one line: an entry the words
name comes first (as `mbc site` or `mbc drug` would find it), then entries that contain more of the
words, then those where the words are in a name rather than an alias, or in an alias rather than
a text or quote.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from mbc_cli.declare import Record
from mbc_cli.errors import NotFoundError, NotNamed
from mbc_cli.kinds import NAMED, Kind
from mbc_cli.model import Drug, KnowledgeBase, NameRef, Site, Statistic, Study, Term, Treatment
from mbc_cli.understand import recognise, spelling
from mbc_cli.understand.normalise import content, name_key, stem
from mbc_cli.understand.recognise import Hit

TERM_KINDS = frozenset({Kind.TERM})
DRUG_KINDS = frozenset({Kind.DRUG})
CONDITION_KINDS = frozenset({Kind.SYMPTOM})


QUESTION_WORDS = frozenset(
    {"what", "what's", "whats", "how", "why", "when", "where", "who", "whom", "which", "many", "much"}
    | {"mean", "means", "meaning", "define", "definition", "tell", "explain"}
)
"""Words of a question, left aside: 'what does oligometastatic mean' searches for oligometastatic."""

_QUESTION_STEMS = frozenset(stem(word) for word in QUESTION_WORDS)

E = TypeVar("E")


# --- mbc term / drug: one entry by any of its names -------------------------------------------


class Named(Record, Generic[E]):
    """What the user's words named: each entry found, with how its name was matched."""

    term: str
    """What the user typed."""
    found: tuple[tuple[Hit, E], ...]


def term_named(kb: KnowledgeBase, word: str) -> Named[Term]:
    """Answer `mbc term WORD`: the terms the word names, as a name, alias, inflection or part of a name.

    Words for a subtype ("her2+", "triple negative") name the term that explains it, if there is one.
    """
    from mbc_cli.understand.ideas import signs_spelled

    try:
        hits = _named(kb, signs_spelled(word), "term", TERM_KINDS)
    except NotNamed as elsewhere:  # a condition the sources explain (hypercalcemia) is a term too
        conditions = _conditions(kb, word)
        if conditions:
            return Named(word, conditions)
        hits = _subtype_term(kb, word, elsewhere)
    except NotFoundError as missing:
        hits = _subtype_term(kb, word, missing)
    return Named(word, tuple((hit, kb.terms[hit.ref.id]) for hit in hits))


def _conditions(kb: KnowledgeBase, word: str) -> tuple[tuple[Hit, Term], ...]:
    """The conditions `word` names that the sources explain (hypercalcemia, spinal cord compression), each as a
    term: its name and aliases, and what the sources say it is and what it causes."""
    found = []
    for hit in recognise.find(kb, word, CONDITION_KINDS):
        symptom = kb.symptoms[hit.ref.id]
        if symptom.kind == "condition" and symptom.description:
            found.append((hit, Term(symptom.id, symptom.name, symptom.aliases, symptom.description)))
    return tuple(found)


def _subtype_term(kb: KnowledgeBase, word: str, missing: NotFoundError) -> tuple[Hit, ...]:
    """The term that explains the subtype `word` names ("her2 positive": HER2), or why there is none."""
    from mbc_cli.understand.ideas import subtypes_in, without_subtypes

    named = subtypes_in(word)
    if not named or without_subtypes(word):
        raise missing
    subtype, phrase, _ = named[0]
    found = recognise.find(kb, subtype.term, TERM_KINDS) if subtype.term else ()
    if not found:
        raise NotNamed(
            "term",
            word,
            f'No term "{word}": the sources do not define it. Try: mbc treatments {subtype.flag}, or mbc ask "{word}"',
        )
    how = "narrower" if subtype.term_is_broader else "subtype"  # triple negative is a kind of HR-negative
    return tuple(Hit(hit.ref, name_key(phrase), how) for hit in found)


def all_terms(kb: KnowledgeBase) -> tuple[Term, ...]:
    """Answer `mbc terms`: every term, in file order."""
    return tuple(kb.terms.values())


def drug_named(kb: KnowledgeBase, name: str) -> Named[tuple[Drug, Treatment]]:
    """Answer `mbc drug NAME`: the drug a generic or brand name names, with the treatment it belongs to."""
    hits = _named(kb, name, "drug", DRUG_KINDS)
    return Named(name, tuple((hit, _with_treatment(kb, kb.drugs[hit.ref.id])) for hit in hits))


def all_drugs(kb: KnowledgeBase) -> tuple[tuple[Drug, Treatment], ...]:
    """Answer `mbc drugs`: every drug with the treatment it belongs to, in file order."""
    return tuple(_with_treatment(kb, drug) for drug in kb.drugs.values())


def _with_treatment(kb: KnowledgeBase, drug: Drug) -> tuple[Drug, Treatment]:
    return drug, kb.treatments[drug.treatment]


def _named(kb: KnowledgeBase, text: str, kind: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """What `text` names among `kinds`: as recognise.find does, else the names that contain all its words."""
    hits = recognise.find(kb, text, kinds) or containing(kb, text, kinds)
    if hits:
        return hits
    elsewhere = recognise.find(kb, text, NAMED - kinds)
    if elsewhere:
        ref = elsewhere[0].ref
        shown = ref.kind.command_for(ref.name)
        raise NotNamed(kind, text, f'No {kind} "{text}": it names the {_what(kb, ref)}. Try: {shown}')
    suggestions = spelling.suggest(kb, text, kinds)
    if not suggestions:  # a typo of another kind's name: suggest the command that answers it
        suggestions = tuple(
            str(ref.kind.command_for(ref.name))
            for ref in (kb.names[key][0] for key in spelling.suggest(kb, text, NAMED))
        )
    raise NotFoundError(kind, text, suggestions)


def _what(kb: KnowledgeBase, ref: NameRef) -> str:
    if ref.kind == "place":
        return f"{ref.name}, part of the site {kb.sites[ref.id].name}"
    return f"{ref.kind.label} {ref.name}"


def containing(kb: KnowledgeBase, text: str, kinds: frozenset[str]) -> tuple[Hit, ...]:
    """Names that contain every word typed ('oligometastatic' -> oligometastatic cancer), shortest first.

    Question words are left aside: 'what is Kadcyla' names Kadcyla.
    """
    wanted = content(name_key(text)) - _QUESTION_STEMS
    if not wanted:
        return ()
    keys = set.intersection(*(set(kb.words.get(word, ())) for word in wanted))
    hits: dict[tuple[str, str], Hit] = {}
    for known in sorted(keys, key=lambda key: (len(key), key)):
        for ref in kb.names[known]:
            if ref.kind in kinds:
                hits.setdefault((ref.kind, ref.id), Hit(ref, known, "partial"))
    return tuple(hits.values())


# --- mbc stats -----------------------------------------------------------------------------


class Statistics(Record):
    """Every statistic, grouped by what it is about, and how often each site is affected."""

    topics: tuple[tuple[str, tuple[tuple[Statistic, Study | None], ...]], ...]
    """(topic, its statistics with their studies), topics in the order they first appear."""
    sites: tuple[tuple[Site, Study], ...]
    """The sites with a frequency, most common first, with the study that measured it."""


def statistics(kb: KnowledgeBase) -> Statistics:
    """Answer `mbc stats`: figures about the same topic together, whatever their source; none combined."""
    topics: dict[str, list[tuple[Statistic, Study | None]]] = {}
    for stat in kb.statistics.values():
        topics.setdefault(stat.topic, []).append((stat, kb.studies[stat.study] if stat.study else None))
    measured = [
        (site, kb.studies[site.frequency.study], site.frequency.percent) for site in kb.sites.values() if site.frequency
    ]
    measured.sort(key=lambda item: -item[2])
    return Statistics(
        tuple((topic, tuple(stats)) for topic, stats in topics.items()),
        tuple((site, study) for site, study, _ in measured),
    )
