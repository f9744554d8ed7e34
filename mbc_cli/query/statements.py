"""What the sources say that answers a question: notes, figures and definitions, ranked by the ideas they say."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.model import Citation, KnowledgeBase
from mbc_cli.understand.ideas import Concept
from mbc_cli.understand.normalise import name_key, normal
from mbc_cli.understand.words import FUNCTION_WORDS

LIMIT = 8
"""At most this many statements answer a question: the best, not everything that shares a word."""
STATEMENT_KINDS = ("statistic", "note", "term")
"""What can answer a question in the sources' words, in the order equal answers are shown."""


class Statement(Record):
    """One thing the sources say that answers the question."""

    kind: str
    """note, statistic or term."""
    id: str
    name: str
    text: str
    citations: tuple[Citation, ...]
    concepts: tuple[str, ...]
    """The question's ideas it speaks to."""


def normal_words(text: str) -> list[str]:
    key = name_key(text)
    return [normal(word) for word in key.split()] if key else []


def statements(
    kb: KnowledgeBase, concepts: Sequence[Concept], words: Sequence[str], spoken: Sequence[str] = ()
) -> tuple[Statement, ...]:
    """The notes, figures and definitions that speak to most of the question's ideas and words, best first.

    An idea a statement says in words (its text or quotes) counts most, and the more so the fewer of
    the statements found say it ("cope" in "how do I cope with the diagnosis" says more than
    "diagnosis", which many say); an idea whose topic the statement has counts once more, and each
    other word of the question once, and each word the question named an idea with half as much, when the
    statement holds it too ("weight" in "will losing weight help", beside the other ways of prevention).
    Only the statements holding one of those words are read.
    """
    phrases = {concept.name: [normal_words(p) for p in concept.phrases] for concept in concepts}
    typed = list(dict.fromkeys(normal(word) for word in words))
    own = [word for word in dict.fromkeys(normal(word) for word in spoken) if word not in SMALL]
    refs: set[str] = set()
    for phrase in (phrase for found in phrases.values() for phrase in found if phrase):
        # the statements that hold every word of a phrase ("go away": both), as the word index says
        indexed = [kb.text_words.get(word, ()) for word in phrase if word not in SMALL]  # small words are not
        if indexed:
            refs |= set(indexed[0]).intersection(*indexed[1:])
    refs |= {ref for word in typed for ref in kb.text_words.get(word, ())}
    read: list[tuple[Statement, str, list[str], list[str], list[str], int]] = []
    for ref in sorted(refs):
        kind, entry_id = ref.split(" ", 1)
        if kind not in STATEMENT_KINDS:
            continue
        statement, topic, texts = _statement(kb, kind, entry_id)
        said_as = " ".join(f" {' '.join(normal(w) for w in name_key(t).split())} " for t in texts)
        said = [c.name for c in concepts if any(f" {' '.join(p)} " in said_as for p in phrases[c.name])]
        about = [c.name for c in concepts if topic in c.topics]
        held = [word for word in typed if f" {word} " in said_as]
        echoed = sum(f" {word} " in said_as for word in own)
        if said or (typed and 2 * len(held) >= len(typed) and held):  # an idea, or half of the other words
            read.append((statement, kind, said, about, held, echoed))
    saying = Counter(name for _, _, said, _, _, _ in read for name in said)
    weight = {name: 2 + math.log(len(read) / count) for name, count in saying.items()}
    scored: list[tuple[tuple[float, int, int, str], Statement]] = []
    for statement, kind, said, about, held, echoed in read:
        score = sum(weight[name] for name in said) + len(about) + len(held) + echoed / 2
        ideas = tuple(dict.fromkeys((*said, *about)))
        scored.append(((-score, -len(said), STATEMENT_KINDS.index(kind), statement.id), _with(statement, ideas)))
    scored.sort(key=lambda item: item[0])
    return tuple(statement for _, statement in scored[:LIMIT])


SMALL = frozenset(normal(word) for word in FUNCTION_WORDS)
"""The small words, as search compares them: the word index leaves them out."""


def _with(statement: Statement, concepts: tuple[str, ...]) -> Statement:
    return Statement(statement.kind, statement.id, statement.name, statement.text, statement.citations, concepts)


def _statement(kb: KnowledgeBase, kind: str, entry_id: str) -> tuple[Statement, str | None, list[str]]:
    """A statement of the knowledge base, its topic, and the texts its words are looked for in."""
    if kind == "note":
        note = kb.notes[entry_id]
        texts = [note.text, *(c.quote for c in note.citations)]
        return Statement(kind, entry_id, note.text, note.text, note.citations, ()), note.topic, texts
    if kind == "statistic":
        stat = kb.statistics[entry_id]
        text = " ".join([f"{stat.value}: {stat.measures}.", *(claim.text for claim in stat.caveats)])
        citations = (*stat.citations, *(c for claim in stat.caveats for c in claim.citations))
        texts = [stat.name, stat.measures, *(c.quote for c in stat.citations)]
        return Statement(kind, entry_id, stat.name, text, citations, ()), stat.topic, texts
    term = kb.terms[entry_id]
    text = " ".join(claim.text for claim in term.definitions)
    citations = tuple(c for claim in term.definitions for c in claim.citations)
    texts = [term.name, *term.aliases, *(claim.text for claim in term.definitions), *(c.quote for c in citations)]
    return Statement(kind, entry_id, term.name, text, citations, ()), None, texts
