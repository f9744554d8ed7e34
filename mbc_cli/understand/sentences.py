"""How a term's words are read before anything is looked up: sentences, clauses and the words around a name.

A term is cut into sentences, a sentence into clauses (at "but", "and", "when"...), and qualifier
phrases ("keeps coming back") are left out. These say which words may stand beside a symptom's name
without changing it (`harmless`), which put it on the body's surface rather than at a site
(`on_the_surface`), and which word stands right beside a name (`beside`). Nothing here reads the
knowledge base: `recognise` does.
"""

from __future__ import annotations

import re

from mbc_cli.understand.normalise import family
from mbc_cli.understand.words import (
    ALONE_NAMES_NOTHING,
    BODY_SURFACE,
    CIRCUMSTANCES,
    CLAUSE_BREAKS,
    FUNCTION_WORDS,
    MODIFIERS,
    ON_THE_BODY,
    QUALIFIER_PHRASES,
    QUALIFIERS,
    WHERE_OR_WHEN,
)

QUALIFIER_SENSES = frozenset(family(word) for word in MODIFIERS)
WEAK = frozenset(family(word) for word in ALONE_NAMES_NOTHING)
"""Words that name nothing alone ("levels", "arm"), as their families."""
SENTENCES = re.compile(r"[.!?;]+(?=\s|$)|\n+")
"""Where a sentence ends: a full stop (or ! ? ;) before a space or the end, or a new line; not the ; of
a terminal escape sequence, nor the . of 5.5."""


DASH = re.compile(r"\s[-\u2013\u2014]+\s")
"""A dash between spaces, which parts a note's clauses as a comma does ("?MSCC - urgent MRI requested")."""
CODE = re.compile(r"[a-z]\d\d[0-9a-z]*")
"""A classification's code (ICD-10 R04.2 is "r04 2" as a name key): a word a report adds, not a symptom's."""


def clauses(key: str) -> list[tuple[list[str], bool]]:
    """The user's words in clauses, split at "but", "and", "when"..., with qualifier phrases left out.

    Each clause comes with whether it says when the symptom comes ("when I stand up").
    """
    text = f" {key} "
    for phrase in LONGEST_FIRST:
        if f" {phrase} " in text:
            text = text.replace(f" {phrase} ", " ")
    found: list[tuple[list[str], bool]] = [([], False)]
    for word in text.split():
        if word in CLAUSE_BREAKS or word in CIRCUMSTANCES:
            found.append(([], word in CIRCUMSTANCES))
        else:
            found[-1][0].append(word)
    return [(clause, circumstance) for clause, circumstance in found if clause]


def left_out_phrases(key: str) -> tuple[str, ...]:
    """The qualifier phrases in `key` ("keeps coming back"), each once, a longer one before its parts."""
    text, found = f" {key} ", []
    for phrase in LONGEST_FIRST:
        if f" {phrase} " in text:
            found.append(phrase)
            text = text.replace(f" {phrase} ", " ")
    return tuple(found)


LONGEST_FIRST = sorted(QUALIFIER_PHRASES, key=len, reverse=True)


def on_the_surface(clause: list[str]) -> frozenset[str]:
    """The body parts a clause puts a symptom on ("rash on my stomach", "swelling over the left clavicle"):
    where on the body, not a site the symptom must be linked to. Small words and sides may stand between."""
    on: set[str] = set()
    after = False
    for word in clause:
        if word in ON_THE_BODY:
            after = True
        elif after and (word in FUNCTION_WORDS or word in SIDES):
            continue
        elif after and (family(word) in WEAK or word in BODY_SURFACE):
            on.add(word)
        else:
            after = False
    return frozenset(on)


SIDES = QUALIFIERS["which side"]


SENTENCE = 4
"""A clause of at least this many words is read as a sentence: a word it does not know only matters right beside
the phrase it names ("pt reports nausea since starting cycle 2"), not anywhere in it ("rash decision")."""


def beside(clause: list[str], senses: list[str], words: frozenset[str], unknown: set[str]) -> bool:
    """Whether a word of `unknown` is the nearest word before or after the words of a phrase in the clause."""
    at = [i for i, sense in enumerate(senses) if sense in words]
    if not at:
        return False
    before = [word for word in clause[: min(at)] if word not in FUNCTION_WORDS][-1:]
    after = []
    for word in clause[max(at) + 1 :]:
        if word in WHERE_OR_WHEN:  # "a convulsion in the shower": where or when, not what
            break
        if word not in FUNCTION_WORDS:
            after = [word]
            break
    return bool(set(before + after) & unknown)  # small words between do not part them: "seizure of assets"


def harmless(word: str) -> bool:
    """A word that may stand beside a symptom's phrase without changing it: a qualifier, a word that names
    nothing alone ("levels" in "raised calcium levels", "arm" in "skin rash on my arm"), or a lone letter
    (the b of "<b>headache</b>"), or a number ("x 3 days")."""
    sense = family(word)
    return (
        sense in QUALIFIER_SENSES
        or sense in WEAK
        or len(word) == 1
        or word.isdigit()
        or CODE.fullmatch(word) is not None
    )
