"""How names and what people type are compared: normalised keys, light stems and content words.

Pure text functions, no knowledge base: `name_key` folds case, width, punctuation and spacing;
`stem` reduces a word to a light stem so that plurals and common inflections compare equal
(headaches/headache, seizure/seizures, coughing/cough, blurred/blur); `content` drops the small
function words so that phrasings compare regardless of order (pain in my back / back pain).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_PUNCTUATION = re.compile(r"[^\w\s']+|_")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    """a an the of in on at to for from with by about into and or
    my your his her their our its me i i'm im you it it's this that these those there which who
    is are am was were be been being has have having had do does did get gets got getting
    feel feels feeling felt"""
)
"""Small words that do not change what a symptom phrase means; ignored when phrases are compared."""

MODIFIERS = _words(
    """severe bad really very quite so constant sudden new mild terrible awful chronic persistent frequent
    recurring recurrent occasional always sometimes often lately recently bit little lot lots much more
    worse worsening all time day days night nights morning mornings week weeks some"""
)
"""Words of degree or time: a phrase that adds only these to a symptom still names that symptom."""

NEGATIONS = _words("no not never without none nothing don't dont doesn't isn't aren't")
"""Words that reverse a phrase's meaning: never ignored."""


# The functions below are pure, and a question asks them about the same text many times (each step
# of a lookup, each kind of entry): they remember recent answers. A 10,000-character term took
# seconds when its 30,000 words were stemmed again for every step.


@lru_cache(maxsize=256)
def name_key(text: str) -> str:
    """Return the form of `text` that names are compared in: folded, unpunctuated, single-spaced.

    Terminal escape sequences, control and format characters (zero-width and direction marks) are dropped.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = "".join(ch if ch.isprintable() else " " if ch.isspace() else "" for ch in text)
    text = text.casefold().translate(_APOSTROPHES)
    text = _PUNCTUATION.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return " ".join(word.strip("'") for word in text.split(" ") if word.strip("'"))


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Reduce a (lower-case) word to a light stem: plural -s/-es/-ies, -ing, -ed and a final e go.

    Both sides of a comparison are stemmed, so the stem need only be consistent, not a real word.
    """
    if len(word) <= 3:
        return word
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "lsz":  # blurred -> blurr -> blur; swelling keeps ll
                word = word[:-1]
            break
    if word.endswith("ie") and len(word) > 3:  # calorie and calories -> calory, as bodies -> body
        word = word[:-2] + "y"
    elif word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


@lru_cache(maxsize=256)
def stem_key(key: str) -> str:
    """Return the stems of a name key's words, in order: 'headaches' and 'headache' share one."""
    return " ".join(stem(word) for word in key.split(" ")) if key else ""


@lru_cache(maxsize=256)
def content(key: str) -> frozenset[str]:
    """Return the stems of a name key's words, without function words: the phrase's meaning."""
    return frozenset(stem(word) for word in key.split(" ") if word and word not in FUNCTION_WORDS)


@lru_cache(maxsize=256)
def phrase_key(key: str) -> str:
    """Return a key under which phrasings of the same words in any order compare equal."""
    return " ".join(sorted(content(key)))


def inflection(typed: str, known: str) -> str:
    """Say how the name key `typed` differs from `known` when their stems are equal.

    plural: typed adds a plural ending (headaches -> headache); singular: typed drops one
    (seizure -> seizures); inflection: any other change of ending (coughing -> cough).
    """
    pairs = list(zip(typed.split(" "), known.split(" "), strict=False))
    changed = [(a, b) for a, b in pairs if a != b]
    if all(_plural_of(a, b) for a, b in changed):
        return "plural"
    if all(_plural_of(b, a) for a, b in changed):
        return "singular"
    return "inflection"


def _plural_of(plural: str, single: str) -> bool:
    return plural in (single + "s", single + "es") or (single.endswith("y") and plural == single[:-1] + "ies")
