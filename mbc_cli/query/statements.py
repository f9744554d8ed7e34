"""What the sources say that answers a question: every statement of the knowledge base, ranked with BM25.

A statement is one thing the sources say, in mbc's words with its quotes: a note, a figure, one
definition of a term, or one claim of an entry (what a treatment aims to do, what a test shows, what
the sources note of a site or a symptom). A question is read first (`understand.interpret`); its ideas,
the things it names, its subtype and the rest of its words are what a statement can speak to.

Ranking is BM25 (Robertson and Zaragoza, 2009), as Lucene's `BM25Similarity` does it, over the word
index that `mbc search` reads: a word counts by its rarity among the entries (idf) and saturates with
repetition (k1). The index is by entry, so the entries holding the question's words are scored first
from it alone, and only the best of them are read and their statements scored one by one, with what a
statement says of the question's ideas, names and subtype added. A statement answers only when it
speaks to something the question carries meaning by: an idea, a name, the subtype, or a word that is not
an everyday one (`words.GENERAL`): "can I still work" is not answered by "treatments have stopped working".
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from mbc_cli.declare import Record
from mbc_cli.kinds import Kind
from mbc_cli.model import Citation, Claim, KnowledgeBase
from mbc_cli.searchable import KINDS, topic_key
from mbc_cli.understand.ideas import QUESTION_WORDS
from mbc_cli.understand.interpret import Reading
from mbc_cli.understand.normalise import name_key, normal
from mbc_cli.understand.words import FUNCTION_WORDS, GENERAL, word_set

LIMIT = 8
"""At most this many statements answer a question: the best, not everything that shares a word."""
READ = 30
"""The entries read, the best by the word index: their statements are scored one by one."""
K1 = 1.2
"""BM25's saturation: a word's weight in an entry (3 a name, 2 an alias, 1 a text) counts less and less."""
IDEA = 2.0
"""What a statement that says one of the question's ideas in words scores, beside its words' own scores; and more,
the fewer of the statements read say it ("cope" in "how do I cope with the diagnosis" over "diagnosis")."""
TOPIC = 1.0
"""And a note or figure filed under an idea's topic (outlook, survival...), twice under its first topic (a figure of
survival, for a question of how long people live)."""
FIGURE = 4.0
"""And a figure, for a question asking how common or how long (a figure answers it, a note only speaks of it)."""
FIGURE_IDEAS = frozenset({"how common", "survival"})
SEED = 0.5
"""How much a word of an idea's phrases, or its topic, counts in finding the entries to read (not in scoring)."""
HINT = 0.3
"""What a word of how long, how often or whose counts ("years" in "can it come back years later"): never alone."""
OWN = 1.5
"""And a statement of the entry the question names (bone scan's own purpose, for "what is a bone scan for")."""
SUBTYPE = 2.0
"""And a statement said of the subtype the question names."""
RELATIVE = 0.4
"""A statement scoring less than this share of the best one does not answer: it shares a word, not the question.
Measured on the evaluation sets (benchmarks/questions.py --scores): see the README."""


class Statement(Record):
    """One thing the sources say that answers the question."""

    kind: str
    """note, statistic, term, or the kind of entry whose claim it is (treatment, test, site, symptom...)."""
    id: str
    name: str
    """The entry's name (a note's text)."""
    text: str
    citations: tuple[Citation, ...]
    concepts: tuple[str, ...]
    """The question's ideas it speaks to."""
    score: float = 0.0
    """How well it speaks to the question (BM25, with what it says of the question's ideas, names and subtype)."""


class Found(Record):
    """The statements that answer, best first, with how much of the question they speak to."""

    statements: tuple[Statement, ...]
    said: frozenset[str]
    """The question's words (as compared) that the answering statements hold."""
    best: float
    """The best statement's score, answering or not: what a threshold is measured on."""


def answers(kb: KnowledgeBase, reading: Reading) -> Found:
    """The statements that speak to the question, best first (see the module's docstring)."""
    terms = _terms(reading)
    ideas = {c.name: [[normal(w) for w in name_key(p).split()] for p in c.phrases] for c in reading.concepts}
    own = {
        (str(Kind.SITE if h.ref.kind == Kind.PLACE else h.ref.kind), h.ref.id) for n in reading.named for h in n.hits
    }
    anchors = {term for term, weight in terms.items() if term not in _GENERAL and weight > HINT}
    subtype_words = {normal(w) for _, phrase, _ in reading.subtypes for w in phrase.split()} - _GENERAL
    subtypes_asked = {_MODEL_SUBTYPE.get(subtype.name, subtype.name) for subtype, _, _ in reading.subtypes}
    asked = {c.name for c in reading.concepts}
    figures = "how common" in asked or (bool(asked & FIGURE_IDEAS) and asked <= FIGURE_IDEAS | {"outlook"})
    read: list[tuple[int, Statement, frozenset[str], list[str], list[str], float]] = []
    for order, (kind, entry_id) in enumerate(_entries(kb, _seeds(reading, terms), own)):
        for statement, subtypes, topic in _statements(kb, kind, entry_id):
            words = _words_of(statement)
            held = frozenset(words & terms.keys())
            said = [name for name, phrases in ideas.items() if any(_holds(words, statement, p) for p in phrases)]
            about = [c.name for c in reading.concepts if topic is not None and topic in c.topics]
            first = any(topic is not None and c.topics[:1] == (topic,) for c in reading.concepts)
            mine = (kind, entry_id) in own
            of_subtype = bool(subtype_words & words) or bool(subtypes_asked & set(subtypes))
            if not (held & anchors or said or about or mine or of_subtype):
                continue
            score = sum(terms[word] * _idf(kb, word) for word in held)
            score += TOPIC * (len(about) + first) + OWN * mine + SUBTYPE * of_subtype
            score += FIGURE * (kind == "statistic" and bool(figures))
            read.append(
                (order, statement.replace(concepts=tuple(dict.fromkeys((*said, *about)))), held, said, about, score)
            )
    if not read:
        return Found((), frozenset(), 0.0)
    saying = Counter(name for _, _, _, said, _, _ in read for name in said)
    weight = {name: IDEA + math.log(len(read) / count) for name, count in saying.items()}
    scored = sorted(
        (
            (score + sum(weight[name] for name in said), order, statement, held)
            for order, statement, held, said, _, score in read
        ),
        key=lambda item: (-item[0], item[1]),
    )
    best = scored[0][0]
    chosen = [item for item in scored if item[0] >= RELATIVE * best][:LIMIT]
    said_words = frozenset().union(*(held for _, _, _, held in chosen))
    return Found(tuple(statement.replace(score=round(score, 2)) for score, _, statement, _ in chosen), said_words, best)


_GENERAL = frozenset(normal(word) for word in GENERAL)
_MODEL_SUBTYPE = {"brca": "brca_mutation"}
"""A subtype as `mbc treatments` names it -> as the knowledge base does, where they differ."""


def _terms(reading: Reading) -> dict[str, float]:
    """The question's words as compared, each with how much it counts: its own words, the words of the names it
    holds (and of what they name: Herceptin is trastuzumab), the words that named its ideas, and as hints (HINT)
    its words of how long or whose, and its question's own words."""
    terms: dict[str, float] = {}
    for word in reading.rest:
        terms[normal(word)] = 1.0
    for named in reading.named:
        for hit in named.hits[:1]:
            for word in name_key(f"{hit.matched} {hit.ref.name}").split():
                if word not in FUNCTION_WORDS:
                    terms.setdefault(normal(word), 1.0)
    for hit in reading.symptoms:
        for word in name_key(hit.ref.name).split():
            if word not in FUNCTION_WORDS:
                terms.setdefault(normal(word), 1.0)
    for word in reading.concept_words:  # "diet", of the idea of prevention: the word typed says which part of it
        if word not in FUNCTION_WORDS and word not in _SMALL_QUESTION:
            terms.setdefault(normal(word), 1.0)
    for word in reading.aside:  # how long, whose, the question's own words ("find"), the subject ("stage 4")
        if word not in FUNCTION_WORDS and word not in _SMALL_QUESTION:
            terms.setdefault(normal(word), HINT)
    return terms


_SMALL_QUESTION = word_set(
    """what whats how why when where who whom which whose is are am was were can could do does did will would should
    shall may might must i me my we our you your it its this that there they them tell know want need about"""
)
"""Question words that say nothing of what is asked: not even a hint ("find", "use" or "stage 4" are hints)."""


def _idf(kb: KnowledgeBase, word: str) -> float:
    """BM25's inverse document frequency of a word among the entries searched."""
    held = len(kb.text_words.get(word, ()))
    total = _entry_count(kb)
    return math.log(1 + (total - held + 0.5) / (held + 0.5))


def _entry_count(kb: KnowledgeBase) -> int:
    return sum(len(kb.entries(kind)) for kind in KINDS)


def _seeds(reading: Reading, terms: dict[str, float]) -> dict[str, float]:
    """The words the entries to read are found by: the question's terms, every word of its ideas' phrases (cure is
    found by "cure" when the question said "cancer free"), and its ideas' topics."""
    seeds = dict(terms)
    for concept in reading.concepts:
        for phrase in concept.phrases:
            for word in name_key(phrase).split():
                if word not in FUNCTION_WORDS and word not in QUESTION_WORDS:
                    seeds.setdefault(normal(word), SEED)
        for topic in concept.topics:
            seeds.setdefault(topic_key(topic), SEED)
    return seeds


def _entries(kb: KnowledgeBase, terms: dict[str, float], own: set[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The entries to read, best first by the word index alone (BM25 over the entries' names, texts and quotes),
    the entries the question names first of all."""
    scores: defaultdict[str, float] = defaultdict(float)
    for word, weight in terms.items():
        refs = kb.text_words.get(word, ())
        if not refs:
            continue
        idf = _idf(kb, word)
        for ref, strength in zip(refs, kb.text_weights.get(word, ()), strict=True):
            scores[ref] += weight * idf * strength * (K1 + 1) / (strength + K1)
    for named_kind, named_id in own:
        scores[f"{named_kind} {named_id}"] += 100.0
    best = sorted(scores.items(), key=lambda item: -item[1])[:READ]
    for ref, _ in best:
        kind, entry_id = ref.split(" ", 1)
        yield kind, entry_id


def _words_of(statement: Statement) -> frozenset[str]:
    texts = [statement.name, statement.text, *(c.quote for c in statement.citations)]
    return frozenset(normal(word) for text in texts for word in name_key(text).split())


def _holds(words: frozenset[str], statement: Statement, phrase: Sequence[str]) -> bool:
    """Whether a statement says an idea's phrase: its words in order, in the text or a quote."""
    if not phrase or not set(phrase) <= words:
        return False
    if len(phrase) == 1:
        return True
    wanted = f" {' '.join(phrase)} "
    texts = [statement.text, *(c.quote for c in statement.citations)]
    return any(wanted in f" {' '.join(normal(w) for w in name_key(text).split())} " for text in texts)


def _statements(kb: KnowledgeBase, kind: str, entry_id: str) -> Iterator[tuple[Statement, tuple[str, ...], str | None]]:
    """The statements of one entry, each with the subtypes it is said of and its topic (a note's, a figure's)."""
    if kind == "note":
        note = kb.notes[entry_id]
        yield Statement(kind, entry_id, note.text, note.text, note.citations, ()), (), note.topic
        return
    if kind == "statistic":
        stat = kb.statistics[entry_id]
        text = " ".join([f"{stat.value}: {stat.measures}.", *(claim.text for claim in stat.caveats)])
        citations = (*stat.citations, *(c for claim in stat.caveats for c in claim.citations))
        yield Statement(kind, entry_id, stat.name, text, citations, ()), (), stat.topic
        return
    entry = kb.entries(Kind.of(kind))[entry_id]
    name = str(getattr(entry, "name", entry_id))
    for claim in _claims(entry):
        text = claim.text if kind == "term" else f"{name}: {claim.text}"
        yield Statement(kind, entry_id, name, text, claim.citations, ()), claim.subtypes, None


_CLAIM_FIELDS = ("definitions", "purpose", "aims", "description", "meaning", "notes", "drug_lists")
"""The fields of an entry that hold its statements, in the order they are read."""


def _claims(entry: object) -> Iterator[Claim]:
    for field in _CLAIM_FIELDS:
        yield from getattr(entry, field, ())
