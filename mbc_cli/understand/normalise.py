"""How names and what people type are compared: normalised keys, light stems and content words.

Pure text functions, no knowledge base: `name_key` folds case, width, punctuation and spacing,
spells out contractions (don't, dont: do not; can't, cannot: unable) and writes British spellings
the American way (the word lists are here);
`stem` reduces a word to a light stem so that plurals and common inflections compare equal
(headaches/headache, seizure/seizures, coughing/cough, blurred/blur); `content` drops the small
function words so that phrasings compare regardless of order (pain in my back / back pain).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mbc_cli.understand.words import FUNCTION_WORDS, QUALIFIERS, word_set

CONTRACTIONS = {
    "can't": "unable",
    "cant": "unable",
    "cannot": "unable",
    "couldn't": "unable",
    "couldnt": "unable",
    "won't": "will not",
    "wont": "will not",
    "shan't": "shall not",
    "ain't": "is not",
    "i'm": "i am",
    "im": "i am",
    "i've": "i have",
    "ive": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "it's": "it is",
    "that's": "that is",
    "thats": "that is",
    "there's": "there is",
    "theres": "there is",
    "what's": "what is",
    "whats": "what is",
    "he's": "he is",
    "hes": "he is",
    "she's": "she is",
    "shes": "she is",
    "you're": "you are",
    "youre": "you are",
    "they're": "they are",
    "theyre": "they are",
    "we're": "we are",
    "they've": "they have",
    "we've": "we have",
    "you've": "you have",
    "let's": "let us",
}
"""Contractions, with and without their apostrophe, spelled out: "can't", "cant" and "cannot" are one."""

NOT_ENDINGS = ("n't", "nt")
NOT_STEMS = word_set("do does did is are was were have has had could would should must need")
"""Words whose n't (or nt, typed without the apostrophe) means "not": don't, dont, isnt, couldn't..."""

SPELLINGS = (
    (re.compile(r"(?<=[a-z])aem"), "em"),  # anaemia, haemorrhage, hypercalcaemia, leukaemia
    (re.compile(r"^oe(?=[dsn])"), "e"),  # oedema, oesophagus, oestrogen
    (re.compile(r"rrhoea"), "rrhea"),  # diarrhoea
    (re.compile(r"(?<=[a-z])(i|m|l|v|b)our(?=$|s$|ed$|ing$|al$|ally$)"), r"\1or"),  # behaviour, tumour, colour
    (re.compile(r"(?<=[a-z]{2})(t|b)re(?=$|s$)"), r"\1er"),  # centre, fibre, litre
    (re.compile(r"(?<=[a-z]{3})ys(?=e$|ed$|es$|ing$)"), "yz"),  # paralyse, analysed
    (re.compile(r"(?<=[a-z]{3})is(?=ation|ations|e$|ed$|es$|ing$)"), "iz"),  # metastasise, hospitalised
)
"""British spellings written the American way, so that either finds the other (anaemia, anemia)."""
SPELLING_KEEP = word_set(
    """ours yours hours four pour tour sour flour your our devour contour amour
    rise raise wise advise revise arise praise noise poise concise precise promise exercise
    surprise despise otherwise likewise demise expertise compromise merchandise franchise
    excise incise enterprise treatise premise cruise bruise bruised bruises bruising
    raised raising rises rising advised advising revised exercised exercising promised
    surprised paradise metre"""
)
"""Words that look British but are not (four, raise, bruise), or are better left (metre)."""


FAMILIES = (
    "cure cures cured curing curable incurable curative uncurable",
    "survive survives survived surviving survival survivor survivors",
    "recur recurs recurred recurring recurrence recurrences recurrent",
    "diagnose diagnoses diagnosed diagnosing diagnosis diagnostic",
    "detect detects detected detecting detection",
    "treat treats treated treating treatment treatments treatable untreatable",
    "prevent prevents prevented preventing prevention preventable",
    "metastasis metastases metastasize metastasized metastasizes metastasizing metastatic mets",
    "palliative palliation palliate",
    "inherit inherited inheritance hereditary",
    "expect expects expected expecting expectancy expectation",
    "die dies died dying death",
    "cope copes coped coping",
    "prognosis prognoses prognostic",
    # the same idea as a noun, an adjective or a verb: "weak arm" is arm weakness
    "weak weakness weakened",
    "numb numbness numbed",
    "dizzy dizziness",
    "itch itchy itching itchiness pruritus pruritic",
    "swelling swollen swell swells puffy",
    "breathless breathlessness",
    "confused confusion confusedness",
    "depressed depression depressive depressivity",
    "anxious anxiety",
    "thirst thirsty thirstiness",
    "constipation constipated",
    "nausea nauseous nauseated",
    "anemia anemic",
    "neutropenia neutropenic",
    "leukopenia leukopenic",
    "thrombocytopenia thrombocytopenic",
    "pancytopenia pancytopenic",
    "cytopenia cytopenic",
    "jaundice jaundiced",
    "fatigue fatigued fatigability",
    "bleed bleeding bled hemorrhage hemorrhagic hemorrhaging",
    "vision visual sight eyesight see seeing",
    "spine spinal",
    "urinate urinating urination urinary pee peeing wee weeing micturition",
    "headache headachy headachey",
    "break breaks broke broken breaking",
    "yellow yellowish yellowing yellowed",
    "compression compressed compressing squashed squeezed",
    "strange strangely odd oddly weird weirdly",
    "brittle fragile fragility",
    "chance susceptibility tendency",
    "low lowered decreased reduced",
    "bruise bruising bruised ecchymosis ecchymoses",
    "panic panicky",
    "limit limited limitation limitations restricted restriction",
    "jittery jitteriness",
    "phlegm sputum mucus",
    "irritable irritability snappish snappishness",
    "behavior behavioral",
    "seizure seizures convulsion convulsions",
    "fracture fractured fractures pathologic pathological",
    # everyday words that mean the same as another in a symptom, reviewed one by one
    "pain painful ache aches aching achy hurt hurts hurting",
    "trouble difficulty difficulties difficult hard struggling struggle labored impaired impairment inability "
    "problem problems unable",
    "change changes changed altered alteration abnormal abnormality disturbance disturbed atypical",
    "belly abdomen abdominal tummy",
)
"""Words of one idea: its forms beyond plural and tense (cure, curable, incurable; weak, weakness),
and a few everyday words that say exactly the same in a symptom (ache and hurt: pain; hard and
struggling: trouble). Search, `mbc ask` and the symptom matcher compare them as one word, so that
"curable" finds "no cure" and "weak arm" finds arm weakness. Reviewed by hand, group by group: one
idea each, never two ("cure" and "treat" stay apart, as do "change" and "trouble")."""


SAID_AS = (
    (" stage iv ", " stage 4 "),
    (" stage four ", " stage 4 "),
    (" can not ", " unable "),
    (" could not ", " unable "),
    (" killing me ", " hurts "),
    (" n v ", " nausea and vomiting "),
    (" soboe ", " shortness of breath on exertion "),
    (" bno ", " bowels not opened "),
)
"""Ways of saying one thing in two words: stage IV and stage four are stage 4; "can not" (inability) is "unable",
as can't and cannot are;
"my back is killing me" says it hurts. And clinical notes' abbreviations that mean one thing only: N/V
(nausea and vomiting), SOBOE (shortness of breath on exertion), BNO (bowels not opened). Not SOB, which
is also to cry, nor HA, which is also a laugh."""


_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])")
_PUNCTUATION = re.compile(r"[^\w\s']+|_")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@lru_cache(maxsize=65_536)
def _spelled_out(word: str) -> str:
    """One word as it is compared: contractions spelled out, British spelling made American."""
    if word in CONTRACTIONS:
        return CONTRACTIONS[word]
    for ending in NOT_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in NOT_STEMS:
            return word[: -len(ending)] + " not"
    if word.endswith("'s"):  # whose it is (my mum's back) or "is" (she's tired): either way, the word before
        word = word[:-2]
    if word in SPELLING_KEEP or len(word) < 5:
        return word
    for pattern, american in SPELLINGS:
        word = pattern.sub(american, word)
    return word


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
    text = " ".join(_spelled_out(word.strip("'")) for word in text.split(" ") if word.strip("'"))
    for said, meant in SAID_AS:
        if said in f" {text} ":
            text = f" {text} ".replace(said, meant).strip()
    return text


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
    """Return the families of a name key's words (see `family`), without function words: the phrase's meaning."""
    return frozenset(family(word) for word in key.split(" ") if word and word not in FUNCTION_WORDS)


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


def family(word: str) -> str:
    """The stem of a word's family (see FAMILIES), else the word's own stem: curable, cured and cure share one."""
    own = stem(word)
    return _FAMILY_OF.get(own, own)


_FAMILY_OF = {stem(word): stem(group.split()[0]) for group in FAMILIES for word in group.split()}
"""A word's stem -> its family's: a family's members compare in every form (disturbances, disturbance)."""


def qualifier_kind(word: str) -> str | None:
    """What a qualifier word says ("since when", "whose", "how bad"), or None if it is none."""
    return _QUALIFIER_KIND.get(family(word))


_QUALIFIER_KIND = {family(word): kind for kind, words in reversed(QUALIFIERS.items()) for word in words}
"""A qualifier's family -> the first kind of qualifier it is listed under."""


NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}
NUMBERS |= {"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10"}
"""Numbers in words compare equal to their digits: 'five year' finds '5-year'."""


def normal(word: str) -> str:
    """A word as search compares it: its family's stem (cure, curable), with number words as digits."""
    return family(NUMBERS.get(word, word))


def normal_set(text: str) -> frozenset[str]:
    """The words of a text, as search compares them."""
    key = name_key(text)
    return frozenset(normal(word) for word in key.split(" ")) if key else frozenset()
