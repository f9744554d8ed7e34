"""Name keys, stems and phrase keys: how names and what people type are compared."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbc_cli.understand.normalise import content, family, inflection, name_key, phrase_key, stem, stem_key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("  HEADACHE!! ", "headache"),
        ("Short-of-breath", "short of breath"),
        ("".join(chr(ord(c) + 0xFEE0) for c in "headache"), "headache"),  # full-width letters (NFKC)
        ("can\u2019t catch my breath", "unable catch my breath"),  # curly apostrophe; inability is one word
        ("'quoted'", "quoted"),
        ("head\x1b[31mache\x1b[0m", "headache"),  # a terminal colour escape sequence
        ("\u200fheadache\u200e", "headache"),  # right-to-left and left-to-right marks
        ("zero\u200bwidth", "zerowidth"),
        ("tab\tand\nnewline", "tab and newline"),
        ("nul\x00l", "null"),
        ("bone_scan", "bone scan"),
        ("Straße", "strasse"),  # case-folding, not just lower-casing
        ("", ""),
        ("?!", ""),
    ],
)
def test_name_key_folds_what_people_type(typed: str, key: str) -> None:
    assert name_key(typed) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("headaches", "headache"),
        ("seizure", "seizures"),
        ("coughing", "cough"),
        ("vomited", "vomiting"),
        ("blurred", "blur"),
        ("fractured", "fractures"),
        ("biopsies", "biopsy"),
        ("rashes", "rash"),
        ("itches", "itching"),
        ("bruising", "bruise"),
        ("breathing", "breathe"),
        ("yellowing", "yellow"),
    ],
)
def test_inflections_share_a_stem(one: str, other: str) -> None:
    assert stem(one) == stem(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("swelling", "swel"), ("loss", "los"), ("metastasis", "metastasi"), ("icterus", "icteru"), ("bed", "be")],
)
def test_stems_keep_what_is_not_an_ending(one: str, other: str) -> None:
    assert stem(one) != other


def test_phrase_keys_ignore_order_and_small_words() -> None:
    assert phrase_key("pain in my back") == phrase_key("back pain")
    assert phrase_key("my skin is yellow") == phrase_key("yellowing of the skin")
    assert phrase_key("no headache") != phrase_key("headache")  # a negation is never a small word
    assert content("the") == frozenset()


def test_stem_keys_keep_order() -> None:
    assert stem_key("coughing up blood") == stem_key("cough up blood")
    assert stem_key("blood up cough") != stem_key("cough up blood")


@pytest.mark.parametrize(
    ("typed", "known", "how"),
    [
        ("headaches", "headache", "plural"),
        ("biopsies", "biopsy", "plural"),
        ("seizure", "seizures", "singular"),
        ("coughed up blood", "coughing up blood", "inflection"),
        ("skin rashes", "skin rash", "plural"),
    ],
)
def test_inflection_says_how_two_keys_differ(typed: str, known: str, how: str) -> None:
    assert stem_key(typed) == stem_key(known)
    assert inflection(typed, known) == how


@given(st.text())
def test_name_keys_are_stable_and_printable(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert all(ch.isprintable() for ch in key)
    assert "\x1b" not in key


@given(st.text(alphabet=st.characters(categories=["Ll"]), min_size=1, max_size=20))
def test_stems_are_never_empty(word: str) -> None:
    assert stem(word)


@given(st.from_regex(r"[a-z]{3,15}", fullmatch=True).filter(lambda w: not w.endswith(("s", "u", "i"))))
def test_a_plural_s_shares_the_stem(word: str) -> None:
    assert stem(word + "s") == stem(word)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("can't catch my breath", "cant catch my breath"),
        ("cannot catch my breath", "can not catch my breath"),
        ("I don't feel like eating", "i dont feel like eating"),
        ("it doesn't stop", "it doesnt stop"),
        ("I'm exhausted", "im exhausted"),
        ("I've got a headache", "ive got a headache"),
        ("she's tired", "she is tired"),
        ("my mum's back hurts", "my mum back hurts"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("haemorrhage", "hemorrhage"),
        ("diarrhoea", "diarrhea"),
        ("behaviour changes", "behavior changes"),
        ("secondary brain tumour", "secondary brain tumor"),
        ("hypercalcaemia", "hypercalcemia"),
        ("metastasised", "metastasized"),
        ("paralysed", "paralyzed"),
    ],
)
def test_contractions_and_british_spellings_compare_equal(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(
    "word", ["four", "hours", "your", "bruise", "bruised", "raise", "exercise", "promise", "ill", "well", "shoe"]
)
def test_words_that_only_look_british_or_contracted_are_kept(word: str) -> None:
    assert name_key(word) == word


@given(st.sampled_from(["do", "does", "did", "is", "are", "was", "were", "have", "has", "would", "should"]))
def test_every_nt_is_not_with_or_without_its_apostrophe(verb: str) -> None:
    assert name_key(f"{verb}n't") == name_key(f"{verb}nt") == f"{verb} not"


@pytest.mark.parametrize("typed", ["can't", "cant", "cannot", "can not", "couldn't", "could not"])
def test_inability_is_one_word_however_it_is_written(typed: str) -> None:
    assert name_key(f"I {typed} walk") == "i unable walk"


@pytest.mark.parametrize(
    ("one", "other"),
    [("curable", "cure"), ("incurable", "cured"), ("survival", "survive"), ("recurrence", "recur")],
)
def test_word_families_compare_as_one_word(one: str, other: str) -> None:
    assert family(one) == family(other)


def test_word_families_keep_ideas_apart() -> None:
    assert family("cure") != family("treat")
    assert family("die") != family("live")
