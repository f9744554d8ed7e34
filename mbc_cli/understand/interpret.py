"""Questions mbc does not answer from statements: about another illness, about what the sources never name,
or for a dose, which only the care team can give."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import family, normal
from mbc_cli.understand.words import MODIFIERS, word_set

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
