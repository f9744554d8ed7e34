"""Step 4 of reading: what a question asks. Its ideas, the subtype and the things it names, whose it is, the
words the reader could not place, and whether it asks about another illness or for a dose (which mbc never
answers: only the care team can).

`read_question` runs the whole pipeline on a question: it spells out shorthand (`words.SHORTHAND`), reads
unknown words as the closest known ones (`spelling`), finds the subtypes and ideas (`ideas`) and the names
(`recognise`), and keeps what is left: the words that only the sources' statements can place, or nothing can.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mbc_cli.declare import Record
from mbc_cli.kinds import NAMED, Kind
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand import recognise
from mbc_cli.understand.ideas import (
    CONCEPTS,
    QUESTION_WORDS,
    Concept,
    Subtype,
    concepts_in,
    is_idea_phrase,
    signs_spelled,
    subtypes_in,
    without_subtypes,
)
from mbc_cli.understand.names import Named, names_in
from mbc_cli.understand.normalise import family, name_key, normal
from mbc_cli.understand.recognise import Hit
from mbc_cli.understand.sentences import LONGEST_FIRST, SENTENCES
from mbc_cli.understand.spelling import Correction, corrections
from mbc_cli.understand.words import (
    CLAUSE_BREAKS,
    FUNCTION_WORDS,
    MODIFIERS,
    NEGATIONS,
    POLITENESS,
    SHORTHAND,
    word_set,
)

OTHER_CANCERS = word_set(
    """prostate pancreatic ovarian cervical uterine endometrial bowel colon colorectal rectal stomach gastric
    esophageal throat mouth oral skin thyroid kidney renal bladder testicular blood leukemia lymphoma myeloma
    melanoma sarcoma"""
)
"""Words that name a cancer other than breast cancer, in "prostate cancer" or alone (leukemia)."""
OTHER_ILLNESSES = (
    "common cold",
    "cold sore",
    "flu",
    "influenza",
    "covid",
    "diabetes",
    "asthma",
    "arthritis",
    "heart disease",
    "a cold",
    "the cold",
    "chest infection",
)
"""Other illnesses a question may ask about, which the sources do not cover."""
BREAST = word_set("breast metastatic mbc metastasis secondary secondaries")
BLOOD_CANCERS = word_set("leukemia lymphoma myeloma melanoma sarcoma")


def about_another_cancer(key: str) -> bool:
    """Whether a question is about another cancer ("prostate cancer", "leukemia"), not breast cancer's spread."""
    words = key.split()
    if set(words) & BREAST:
        return False
    if any(f" {illness} " in f" {key} " for illness in OTHER_ILLNESSES):
        return True
    pairs = zip(words, [*words[1:], ""][: len(words)], strict=True)
    return any(w in BLOOD_CANCERS or (w in OTHER_CANCERS and after in ("cancer", "cancers")) for w, after in pairs)


def unknown(kb: KnowledgeBase, words: Sequence[str]) -> bool:
    """Whether the question is about something found nowhere in the knowledge base ("banana calories",
    "a bee sting"): then statements that share its other words would only mislead.

    `words` are the words beside the ideas it understands: when at least half of them are unknown ("is it
    ok to have a glass of wine", "lung cancer screening age"), but not for one unknown word among several
    known ones ("what do the survival numbers say for someone my age").
    """
    meaningful = [word for word in words if word not in MODIFIERS and not word.isdigit()]
    unknown = [w for w in meaningful if normal(w) not in kb.text_words and family(w) not in kb.words]
    return bool(unknown) and 2 * len(unknown) >= len(meaningful)


ADVICE = word_set("mg milligram milligrams dose doses dosage dosing overdose")
"""Words of a question only a doctor can answer (how much of a medicine to take): never answered from statements."""


DOSE = re.compile(
    r"\bhow (much|many)\b.*\b(should|can|could|do|may|must|to) (i |we |you |she |he |they )?(take|give)\b"
)
"""How much (or how many) of something to take or give: a dose ("how many people have it" is not one)."""


def advice_asked(key: str) -> bool:
    """Whether the question asks for a dose, which mbc never gives: the sources' advice is to ask the care team."""
    return bool(set(key.split()) & ADVICE) or bool(DOSE.search(key))


# --- A question, read ------------------------------------------------------------------------------------------


class Reading(Record):
    """A question as mbc reads it: every word placed, or left for the statements (and then the sources) to place."""

    question: str
    words: tuple[str, ...]
    """The question's words as read: name keys, shorthand spelled out, misspellings read as known words."""
    corrected: tuple[Correction, ...]
    shorthand: tuple[tuple[str, str], ...]
    """(as typed, spelled out): "ppl" is "people"."""
    concepts: tuple[Concept, ...]
    concept_words: tuple[str, ...]
    """The words that named the ideas."""
    subtypes: tuple[tuple[Subtype, str, bool], ...]
    named: tuple[Named, ...]
    """The names it holds (sites, symptoms, drugs, tests, treatments, terms), where each stands."""
    subject: tuple[Named, ...]
    """The names of the subject every question is about (metastatic breast cancer, metastasis): asked of only
    when nothing else is ("what is metastasis")."""
    symptoms: tuple[Hit, ...]
    """The symptoms it tells of, read as `mbc symptom` reads a sentence (negations, whose, qualifiers)."""
    rest: tuple[str, ...]
    """Words that carry meaning but name no idea and no entry: only the statements can place them."""
    aside: tuple[str, ...]
    """Question words, small words, politeness, whose, how bad or how often: left aside."""
    another_illness: bool
    dose: bool

    def named_kinds(self, *kinds: str) -> tuple[Hit, ...]:
        """The first hit of each name of these kinds, in the order they stand."""
        return tuple(named.hits[0] for named in self.named if named.hits[0].ref.kind in kinds)


def read_question(kb: KnowledgeBase, question: str) -> Reading:
    """Read a question through every step: normalise, spell, recognise, interpret.

    A story told before the question ("I had breast cancer two years ago... How do you tell the difference?") is
    read apart: the question's own ideas are what is asked, and the story adds what it names (the subtype, the
    sites, the symptoms) and its other words as hints. A question that names nothing alone ("Is that true?") is
    read with its story.
    """
    sentences = [part for part in SENTENCES.split(question) if name_key(part)]
    whole = _read(kb, question)
    if len(sentences) < 2 or len(whole.words) < STORY:
        return whole
    asked = _read(kb, sentences[-1])
    if not (asked.concepts or asked.named or asked.subtypes or asked.symptoms or asked.rest):
        return whole
    told = _read(kb, " ".join(sentences[:-1]))
    named = (*asked.named, *(n for n in told.named if n.hits[0].ref.kind in _TOLD_KINDS))
    return asked.replace(
        question=question,
        corrected=tuple(dict.fromkeys((*told.corrected, *asked.corrected))),
        shorthand=tuple(dict.fromkeys((*told.shorthand, *asked.shorthand))),
        concepts=asked.concepts or told.concepts,
        subtypes=(*asked.subtypes, *(s for s in told.subtypes if s[0] not in {a[0] for a in asked.subtypes})),
        named=named,
        symptoms=tuple(dict.fromkeys((*asked.symptoms, *told.symptoms))),
        aside=tuple(dict.fromkeys((*asked.aside, *told.rest, *told.aside))),
        another_illness=asked.another_illness,
        dose=asked.dose or told.dose,
    )


STORY = 20
"""A text of this many words or more, in several sentences, may tell a story before it asks: its last sentence asks."""
_TOLD_KINDS = frozenset({Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA, Kind.DRUG, Kind.TREATMENT, Kind.SYMPTOM})
"""What a story names that a question after it is about: where the cancer is, the drugs and the symptoms."""


def _read(kb: KnowledgeBase, question: str) -> Reading:
    """Read one question (or a story) through every step."""
    key = name_key(signs_spelled(question)).replace("her 2", "her2")
    spelled: list[str] = []
    shorthand: list[tuple[str, str]] = []
    for word in key.split():
        written = SHORTHAND.get(word)
        if written is not None:
            shorthand.append((word, written))
        spelled += (written or word).split()
    corrected = corrections(kb, spelled)
    read_as = {c.typed: c.read_as for c in corrected}
    words = [read_as.get(word, word) for word in spelled]
    text = " ".join(words)
    subtypes = subtypes_in(text)
    rest_words = without_subtypes(text).split()
    held = f" {' '.join(rest_words)} "
    for phrase in LONGEST_FIRST:  # "won't go away" says how long, not whether it can be cured
        if not is_idea_phrase(phrase.split()):  # "coming back" is a question's idea of recurrence
            held = held.replace(f" {phrase} ", f" {' '.join('_' * len(w) for w in phrase.split())} ")
    qualified = {i for i, word in enumerate(held.split()) if set(word) == {"_"}}
    # Ideas said in several words ("stop my cancer"), then names of several words ("pain relief", "clinical
    # trials"), then ideas of one word, then names of one word: "recurrence" is the idea of its coming back, not
    # the term; "cancer from coming back" is the idea, not the term recurrent cancer.
    story = _narrative(rest_words)
    unread = [w if i not in qualified and i not in story else "" for i, w in enumerate(rest_words)]
    long_ideas, in_ideas = concepts_in(unread, fewest=2)
    unread = [w if i not in in_ideas else "" for i, w in enumerate(unread)]
    long_names = [n for n in names_in(kb, unread, NAMED) if n.end - n.start > 1 and n.hits[0].how != "partial"]
    in_long = {i for n in long_names for i in range(n.start, n.end)}
    short_ideas, in_short = concepts_in([w if i not in in_long else "" for i, w in enumerate(unread)])
    concepts = [*long_ideas, *(c for c in short_ideas if c not in long_ideas)]
    used = in_ideas | in_short
    concept_words = [rest_words[i] for i in sorted(used)]
    others = [w if i not in used | in_long | qualified else "" for i, w in enumerate(rest_words)]
    found = sorted((*long_names, *names_in(kb, others, NAMED)), key=lambda n: n.start)
    named = tuple(n for n in found if not _subject(n, rest_words))
    subject = tuple(n for n in found if _subject(n, rest_words))
    in_names = {i for n in named for i in range(n.start, n.end)}
    left = [word for i, word in enumerate(others) if word and i not in in_names]
    kinds = {n.hits[0].ref.kind for n in named}
    if any(c.name == "cause" for c in concepts) and kinds & {Kind.DRUG, Kind.TREATMENT}:
        concepts.append(SIDE_EFFECTS)  # what a drug or a treatment causes is a side effect of it
    symptoms = recognise.find(kb, " ".join(rest_words), SYMPTOM_KINDS)
    meaningful = [word for word in left if _carries_meaning(word)]
    said_how = (rest_words[i] for i in sorted(qualified))
    aside = tuple(dict.fromkeys((*(word for word in left if word not in meaningful), *said_how)))
    return Reading(
        question=question,
        words=tuple(words),
        corrected=corrected,
        shorthand=tuple(dict.fromkeys(shorthand)),
        concepts=tuple(concepts),
        concept_words=tuple(concept_words),
        subtypes=subtypes,
        named=named,
        subject=subject,
        symptoms=symptoms,
        rest=tuple(dict.fromkeys(meaningful)),
        aside=aside,
        another_illness=about_another_cancer(text),
        dose=advice_asked(text),
    )


SYMPTOM_KINDS = frozenset({Kind.SYMPTOM})

SIDE_EFFECTS = next(concept for concept in CONCEPTS if concept.name == "side effects")


NARRATIVE = word_set("since after following post during")
"""Words that open a clause telling what happened ("since finishing my treatment", "after my diagnosis"): its words
tell the story, they do not ask about an idea."""
ASKING = word_set("what how why when where who which is are do does did can could will would should shall may might")
"""Words that open a clause that asks: they end a clause opened by a word of NARRATIVE."""


def _narrative(words: Sequence[str]) -> frozenset[int]:
    """Where the words of clauses telling what happened stand: from a word of NARRATIVE to the next word that
    ends a clause or opens a question ("headaches since finishing my treatment what could it be")."""
    inside: set[int] = set()
    telling = False
    for i, word in enumerate(words):
        if word in NARRATIVE:
            telling = True
        elif word in CLAUSE_BREAKS or word in ASKING:
            telling = False
        elif telling:
            inside.add(i)
    return frozenset(inside)


SUBJECT = word_set(
    """metastatic metastasized metastasis metastases mets breast cancer cancers mbc carcinoma stage 4 iv four
    advanced secondary late"""
)
"""The words of what every question is about, metastatic (stage 4, advanced, secondary) breast cancer: a name made of
them alone names the subject, not a thing asked of ("treatments for stage 4 breast cancer")."""


def _subject(named: Named, words: Sequence[str]) -> bool:
    """Whether a name found in a question only names its subject: "metastatic breast cancer", or "breast" in
    "breast cancer" (the local area is the breast the cancer comes back in, not the word of every question)."""
    return set(words[named.start : named.end]) <= SUBJECT


def _carries_meaning(word: str) -> bool:
    """A word a question's meaning may rest on: not a question word, small word, politeness, whose or qualifier."""
    return not (
        word in QUESTION_WORDS
        or word in FUNCTION_WORDS
        or word in POLITENESS
        or word in MODIFIERS
        or word in NEGATIONS
        or word.isdigit()
        or len(word) < 2
    )
