"""The words of questions: what people ask about, in their words. Vocabulary only, no medical claim.

`mbc ask` reads a question as the ideas it names (`CONCEPTS`: cure, survival, recurrence...), the
cancer's subtype if it names one (`SUBTYPES`: her2+, triple negative...), and whatever else it
names (a site, a symptom, a term). Each idea lists the words and phrases people use for it, and the
topics of the knowledge base's notes and figures that speak to it. Every entry here was reviewed by
hand: a phrase must mean its idea in an everyday question, and an idea must not stand for a claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mbc_cli.declare import Record
from mbc_cli.understand.normalise import name_key, normal
from mbc_cli.understand.words import word_set


class Concept(Record):
    """One idea a question can be about."""

    name: str
    phrases: tuple[str, ...]
    """How people say it; compared as name keys, word by word (inflections too)."""
    topics: tuple[str, ...] = ()
    """The topics of notes and statistics that speak to it."""


def _concept(name: str, phrases: str, topics: str = "") -> Concept:
    return Concept(name, tuple(p.strip() for p in phrases.split(",")), tuple(topics.split()))


CONCEPTS = (
    _concept(
        "cure",
        "cure, curable, incurable, curative, cured, go away, get rid of, beat it, beat, beatable, cancer free, "
        "free of cancer, terminal, remission, go into remission",
    ),
    _concept(
        "survival",
        "survival, survive, survivor, live, living, alive, life expectancy, how long, time left, years left, "
        "how much time, how much longer, "
        "lifespan, die, dying, death, deadly, fatal, terminal, death sentence",
        "survival life_expectancy outlook",
    ),
    _concept(
        "outlook",
        "outlook, prognosis, what to expect, chances, odds, future, expect, hope, hopeful",
        "outlook survival life_expectancy",
    ),
    _concept(
        "recurrence",
        "recurrence, recur, come back, comes back, came back, coming back, return, returns, relapse, again",
        "recurrence",
    ),
    _concept(
        "side effects",
        "side effect, side effects, adverse effect, adverse, toxicity, make me, make you, makes you, made me, "
        "make her, make him",
    ),
    _concept(
        "diagnosis",
        "diagnose, diagnosis, diagnosed, detect, detected, find out, found out, find it, find spread, "
        "find the cancer, how do they find, how do doctors find, how do they know, how do doctors know, know if, "
        "know it has spread, found, test, tests, scan, scans, check, show up, confirm",
        "diagnosis follow_up",
    ),
    _concept("hospice", "hospice, hospice care, end of life, end of life care"),
    _concept("palliative care", "palliative, palliative care, comfort care, supportive care, symptom relief"),
    _concept("cause", "cause, causes, caused, causing, why, reason, lead to, leads to, because of", "risk"),
    _concept(
        "coping",
        "cope, coping, deal with, dealing with, emotional, emotions, my feelings, stress, stressed, anxious, "
        "overwhelmed, mental health, counseling, counselling, handle",
        "coping",
    ),
    _concept(
        "support",
        "support, support group, support groups, get help, find help, resources, someone to talk to",
        "coping",
    ),
    _concept(
        "the doctor",
        "doctor, doctors, oncologist, care team, nurse, ask my doctor, questions to ask, what should i ask, "
        "what to ask, appointment, appointments, prepare for, get ready for",
        "advice",
    ),
    _concept(
        "risk",
        "risk, risks, likely, likelihood, more likely, factors, chance of, who gets, who can get, at risk",
        "risk",
    ),
    _concept(
        "prevention",
        "prevent, prevention, lower, lowering, reduce, reducing, avoid, cut down, lifestyle, diet, exercise, "
        "stop it, stop my cancer, stop the cancer, keep it from, "
        "alcohol, wine, beer, drinking, weight, overweight, obese, obesity, eat, eating, food, foods, "
        "what should i eat",
        "prevention",
    ),
    _concept(
        "spread",
        "spread, spreads, spreading, travel, where does it go, go first, usually go, where it went, "
        "where the cancer went, where it has gone, go to, goes to, gone to, went to, going to",
        "spread",
    ),
    _concept(
        "how fast",
        "how fast, how quickly, quickly, fast, speed, slowly, how long does it take, how soon",
        "spread",
    ),
    _concept(
        "which cancer it is",
        "bone cancer, liver cancer, lung cancer, brain cancer, a different cancer, another cancer, a new cancer, "
        "the same cancer, same type, same kind, still breast cancer",
        "spread",
    ),
    _concept(
        "stopping treatment",
        "stop treatment, stop chemo, stop chemotherapy, stopping treatment, stopping chemo, stop having treatment, "
        "give up treatment, refuse treatment, no more treatment",
        "treatment",
    ),
    _concept(
        "the aims of treatment",
        "why keep having treatment, point of treatment, aim of treatment, aims of treatment, goal of treatment, "
        "goals of treatment, what is treatment for, why treat",
        "treatment",
    ),
    _concept(
        "how long treatment goes on",
        "forever, for the rest of my life, for life, lifelong, how long does treatment last, how long will treatment "
        "last, how long is treatment, ongoing treatment, treatment is ongoing, ongoing, keep having treatment, "
        "ever stop, ever end, when it ends, when will it end, does it end, does it stop, end date, an end",
        "treatment",
    ),
    _concept(
        "quality of life",
        "quality of life, normal life, good life, live normally, enjoy life, live well",
        "outlook treatment",
    ),
    _concept(
        "treatment",
        "treatment, treatments, treat, treated, therapy, therapies, options, drug, drugs, medicine, medicines, "
        "medication, what can be done, manage, managing, management, relieve, relieving, relief, ease, easing, "
        "help with, what helps, can help, could help, helps with, help her, help him, help me, help my, help the",
        "treatment",
    ),
    _concept(
        "symptoms",
        "symptom, symptoms, sign, signs, warning signs, watch for, watch out for, look out for, what to look for, "
        "red flags",
        "symptoms",
    ),
    _concept("research", "research, new treatments, clinical trial, clinical trials, trial, trials", "research"),
    _concept("follow-up", "follow up, follow-up, monitoring, checkup, checkups, check up", "follow_up"),
    _concept(
        "how common",
        "common, how many, how often, percent, percentage, number of, less common, rare, rarely, other places, "
        "where else, incidence, rate of, proportion",
        "prevalence incidence",
    ),
)
"""The ideas of patients' first questions, each with the words people use for it."""

MEANING = frozenset({"mean", "means", "meaning", "define", "definition", "explain", "is", "what"})
"""Words that ask what something means: with only a name beside them, a question asks for its term."""

QUESTION_WORDS = word_set(
    """what whats how why when where who whom which whose is are am was were can could do does did will
    would should shall may might must i me my we our you your it its this that there they them mbc
    metastatic breast cancer stage 4 iv four advanced mean means meaning define definition tell explain
    please know want need about with for of the a an to in on at and or if any get have has having
    people person someone patients women anyone ok okay really much many happen happens happening
    happened going find ever still even latest newest available there metastases metastasis mets used use
    mine actually personally already just exactly usually typically generally normally difference different
    differences differ same compare compared versus vs between exist exists available true"""
)
"""Words of the question itself, and of its subject (metastatic breast cancer), left aside."""


class Subtype(Record):
    """A subtype of breast cancer, as `mbc treatments` takes it, and the words for it."""

    name: str
    """As `mbc treatments` names it: her2_positive, hr_negative, triple_negative, brca."""
    flag: str
    """The command-line flag: --her2-positive."""
    phrases: tuple[str, ...]
    term: str | None
    """The name of the term that explains it, if the knowledge base has one by that name."""
    narrower: tuple[str, ...] = ()
    """Phrases that name a narrower kind of it: ER-positive is one kind of hormone-receptor-positive.
    (ER-negative is not a kind of HR-negative, which needs both receptors negative: it is not here.)"""
    term_is_broader: bool = False
    """The term names a broader kind (triple-negative is one kind of hormone-receptor-negative)."""


SUBTYPES = (
    Subtype(
        "her2_positive",
        "--her2-positive",
        ("her2 positive", "her2 pos", "her2 plus", "her 2 positive", "her2 overexpressing", "her2 amplified"),
        "HER2",
    ),
    Subtype("her2_negative", "--her2-negative", ("her2 negative", "her2 neg", "her 2 negative"), "HER2"),
    Subtype(
        "hr_positive",
        "--hr-positive",
        ("hr positive", "hormone receptor positive", "hormone positive", "hormone sensitive", "hr pos"),
        "hormone receptor-positive",
        (
            "er positive",
            "pr positive",
            "estrogen receptor positive",
            "progesterone receptor positive",
            "er pr positive",
        ),
    ),
    Subtype(
        "hr_negative",
        "--hr-negative",
        ("hr negative", "hormone receptor negative", "hormone negative", "hr neg"),
        "hormone receptor-negative",
    ),
    Subtype(
        "triple_negative",
        "--triple-negative",
        ("triple negative", "tnbc", "triple neg"),
        "hormone receptor-negative",
        term_is_broader=True,
    ),
    Subtype(
        "brca",
        "--brca",
        (
            "brca",
            "brca1",
            "brca2",
            "brca mutation",
            "brca1 mutation",
            "brca2 mutation",
            "brca gene",
            "brca1 gene",
            "brca2 gene",
            "brca gene mutation",
            "brca positive",
            "brca carrier",
            "brca carriers",
            "brca mutations",
            "brca1 mutations",
            "brca2 mutations",
            "brca genes",
            "brca mutated",
            "brca1 mutated",
            "brca2 mutated",
            "brca 1",
            "brca 2",
            "brca1 2",
            "brca 1 2",
            "brca1 2 mutation",
            "brca1 2 mutations",
            "brca1 2 mutated",
        ),
        None,
    ),
)
"""The subtypes `mbc treatments` can filter by, with the words people write for them."""

_SIGNS = re.compile(r"\b(her-?\s?2|hr|er|pr|er/pr)\s*(\+|-|\u2212|\u2013)(?=\s|$|[,.;:?!)])", re.IGNORECASE)
"""A receptor with + or - written after it (her2+, er-, HER2 -), before punctuation is dropped."""


def signs_spelled(text: str) -> str:
    """`text` with a receptor's + or - written as a word: her2+ is her2 positive, ER- is ER negative."""
    return _SIGNS.sub(lambda m: f"{m.group(1)} {'positive' if m.group(2) == '+' else 'negative'}", text)


def subtypes_in(text: str) -> tuple[tuple[Subtype, str, bool], ...]:
    """The subtypes `text` names: (subtype, the words that name it, whether they name a narrower kind)."""
    key = f" {name_key(signs_spelled(text)).replace('her 2', 'her2')} "
    found: list[tuple[Subtype, str, bool]] = []
    for subtype in SUBTYPES:
        for phrases, narrower in ((subtype.phrases, False), (subtype.narrower, True)):
            for phrase in sorted(phrases, key=len, reverse=True):
                if f" {phrase} " in key:
                    found.append((subtype, phrase, narrower))
                    key = key.replace(f" {phrase} ", " ")
    return tuple(found)


def without_subtypes(text: str) -> str:
    """`text` as a name key, with the words that name subtypes taken out."""
    key = f" {name_key(signs_spelled(text)).replace('her 2', 'her2')} "
    for subtype in SUBTYPES:
        for phrase in sorted((*subtype.phrases, *subtype.narrower), key=len, reverse=True):
            key = key.replace(f" {phrase} ", " ")
    return " ".join(key.split())


NOT_IDEAS = word_set("fasting fasted faster fastest")
"""Words that share a stem with a word of an idea but mean something else: fasting is not how fast it spreads."""


def concepts_in(words: Sequence[str], *, fewest: int = 1) -> tuple[list[Concept], frozenset[int]]:
    """The ideas a question's words name (at each word, the longest phrase that starts there: "new treatments"
    is research), and where the words that named them stand. An empty word stands for one already read. With
    `fewest`, only phrases of at least that many words."""
    stems = [normal(word) if word else "" for word in words]
    used: set[int] = set()
    found: list[Concept] = []
    start = 0
    while start < len(stems):
        for phrase, concept in (
            _phrases().get(stems[start], ()) if stems[start] and words[start] not in NOT_IDEAS else ()
        ):
            if len(phrase) >= fewest and stems[start : start + len(phrase)] == phrase:
                used.update(range(start, start + len(phrase)))
                if concept not in found:
                    found.append(concept)
                start += len(phrase) - 1
                break
        start += 1
    return found, frozenset(used)


def is_idea_phrase(words: Sequence[str]) -> bool:
    """Whether these words (as name keys) are, whole, one of an idea's phrases: "coming back"."""
    stems = [normal(word) for word in words]
    return bool(stems) and any(phrase == stems for phrase, _ in _phrases().get(stems[0], ()))


@cache
def _phrases() -> dict[str, list[tuple[list[str], Concept]]]:
    """Every idea's phrases, as compared (each word's normal form), by their first word, the longest first."""
    by_first: dict[str, list[tuple[list[str], Concept]]] = {}
    for concept in CONCEPTS:
        for phrase in concept.phrases:
            plain = phrase.isascii() and phrase.replace(" ", "").isalpha() and phrase.islower()
            words = [normal(word) for word in (phrase if plain else name_key(phrase)).split()]  # name_key costs
            if words:
                by_first.setdefault(words[0], []).append((words, concept))
    return {first: sorted(found, key=lambda pair: -len(pair[0])) for first, found in by_first.items()}
