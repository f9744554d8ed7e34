"""Words close to what the user typed: suggestions for a name mbc does not know, misspellings said aloud, and
the words of a question read as the closest word mbc knows (step 2 of reading a question).

A name given alone (`mbc site lvier`) is never guessed: it gets "Did you mean". A question's words are read
as the closest known word, and the answer says so ("curible" read as "curable"): never silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from mbc_cli.declare import Record
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import content, family, name_key, normal
from mbc_cli.understand.sentences import harmless

CUTOFF = 0.6
"""How alike (difflib's ratio) a name must be to what was typed to be suggested."""


def suggest(kb: KnowledgeBase, text: str, kinds: frozenset[str], limit: int = 3) -> tuple[str, ...]:
    """Return up to `limit` known names of the given kinds closest to `text`, best first, one per entry.

    Close spellings first (difflib's ratio, at least CUTOFF), then names that share a word with `text`.
    Spellings are compared first with the names that begin with the same letter (a typo rarely
    changes the first one, and a large knowledge base need not be read whole), then with all.
    """
    key = name_key(text)
    if not content(key):  # only small words ("the of and"): any name would be a random guess
        return ()
    import difflib  # only for a name not found

    def close(keys: Iterable[str]) -> list[str]:
        # difflib's ratio is at most 2 * shorter / (both lengths): names too short or too long to
        # reach the cutoff are left out first, so a 10,000-character term costs nothing here.
        candidates = [
            known
            for known in keys
            if 2 * min(len(key), len(known)) >= CUTOFF * (len(key) + len(known))
            and any(ref.kind in kinds for ref in kb.names[known])
        ]
        return difflib.get_close_matches(key, candidates, n=limit * 3, cutoff=CUTOFF) if candidates else []

    found = close(kb.names.starting_with(key[0])) or close(kb.names)
    sharing = [
        known
        for word in content(" ".join(word for word in key.split() if len(word) >= 4))  # not "de", "mal"
        for known in kb.words.get(word, ())
        if any(ref.kind in kinds for ref in kb.names[known])
    ]
    chosen: dict[tuple[str, str], str] = {}
    for known in (*found, *sorted(set(sharing), key=lambda k: (len(k), k))):
        ref = next(ref for ref in kb.names[known] if ref.kind in kinds)
        chosen.setdefault((ref.kind, ref.id), known)
    return tuple(chosen.values())[:limit]


SPELLING_CUTOFF = 0.85
"""How close a word left aside must be to a one-word name to be taken for its misspelling ("nausious":
nauseous): stricter than CUTOFF, because the word stands in a sentence mbc understood otherwise."""


def misspelled(kb: KnowledgeBase, words: Iterable[str], kinds: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The words left aside that look like a misspelt one-word name of the given kinds, each with that name:
    (("nausious", "nauseous"),). Never matched, only said, as suggestions are: "did you mean"."""
    import difflib  # only for a sentence with words left aside

    found: list[tuple[str, str]] = []
    for word in dict.fromkeys(words):
        if len(word) < 5 or harmless(word) or normal(word) in kb.text_words or family(word) in kb.words:
            continue
        names = [
            known
            for known in kb.names.starting_with(word[0])
            if " " not in known and any(ref.kind in kinds for ref in kb.names[known])
        ]
        close = difflib.get_close_matches(word, names, n=1, cutoff=SPELLING_CUTOFF)
        if close:
            found.append((word, close[0]))
    return tuple(found)


# --- Step 2 of reading a question: words mbc does not know, read as the closest words it does ----------------


LONG_WORD = 8
"""A word this long may be read as a word two slips away ("reccurence", "oligometastic"); a shorter one, only
one: "driving" is not "drinking", nor "acount" "about"."""


class Correction(Record):
    """A word of the question read as another: said in the answer, never silent."""

    typed: str
    read_as: str


def corrections(kb: KnowledgeBase, words: Sequence[str]) -> tuple[Correction, ...]:
    """The words mbc does not know ("curible", "treatmnts", "diffrence"), each read as the closest word that
    the knowledge base or mbc's own word lists write, when one is close enough to be a slip of the keys.

    Close enough: one change (a letter added, dropped, changed, or two swapped), two for a word of LONG_WORD
    letters or more read as a name's word (never as a word of mbc's own lists: "medicare" is not "medicine");
    on a tie, the word the sources write most. A word is compared with the
    words that begin with its own first letter (a slip rarely changes it), so a knowledge base a hundred times
    larger is read in a few of its shards. A real English word is never read as another ("heart" is not a slip
    for "heat", nor "clinic" for "clonic"): the words of SCOWL's American English list (`english.txt`) stay, and
    so does a name of it two slips from a word of mbc's ("medicare" is not "medicine"; `names.txt`).
    """
    found: list[Correction] = []
    for word in dict.fromkeys(words):
        if len(word) < 4 or not word.isalpha() or known(kb, word) or english(word):
            continue
        best = closest(kb, word)
        if best is not None and not (edits(word, best, 1) > 1 and proper_name(word)):
            found.append(Correction(word, best))
    return tuple(found)


def known(kb: KnowledgeBase, word: str) -> bool:
    """Whether a word is one mbc reads: its own word lists', or written in the knowledge base (any ending)."""
    return word in _static_words() or word in kb.spellings or normal(word) in kb.text_words or family(word) in kb.words


def closest(kb: KnowledgeBase, word: str) -> str | None:
    """The known word `word` is most likely a slip for, or None when none is close enough."""
    allowed = 1 if len(word) < LONG_WORD else 2
    start = word[0]
    candidates = {
        known_word: count
        for known_word, count in kb.spellings.items_starting_with(start)
        if abs(len(known_word) - len(word)) <= allowed
    }
    own = {static: 0 for static in _static_by_letter().get(start, ()) if abs(len(static) - len(word)) <= 1}
    scored = [
        (distance, -count, candidate)
        for found, limit in ((candidates, allowed), (own, 1))
        for candidate, count in found.items()
        if (distance := edits(word, candidate, limit)) <= limit
    ]
    return min(scored)[2] if scored else None


def edits(a: str, b: str, limit: int) -> int:
    """How many letters must be added, dropped, changed or swapped with the next to make `a` into `b`
    (optimal string alignment); any count above `limit` is given as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[len(b)], limit + 1)


def english(word: str) -> bool:
    """Whether `word` (lower case, four letters or more) is a word of SCOWL's American English list."""
    return f"\n{word}\n" in _english()


def proper_name(word: str) -> bool:
    """Whether `word` is, written with a capital, a name in SCOWL's list (Medicare, Tucson): such a word is never
    read as a word two slips away; one slip away it still may be ("brest" is breast, "brian" brain)."""
    return f"\n{word}\n" in _names()


@cache
def _names() -> str:
    """SCOWL's American English names (see english.NOTICE), lower case, one a line, as one text."""
    return "\n" + (Path(__file__).parent / "names.txt").read_text(encoding="ascii")


@cache
def _english() -> str:
    """SCOWL's American English words (see english.NOTICE), one a line, as one text: looking a word up in it
    costs less than making a set of its 63,000 words, for the few words of a question mbc does not know."""
    return "\n" + (Path(__file__).parent / "english.txt").read_text(encoding="ascii")


@cache
def _static_words() -> frozenset[str]:
    """The words of mbc's own reviewed lists: question words, ideas, subtypes, qualifiers, families..."""
    from mbc_cli.understand import ideas, normalise, words

    lists = (
        words.FUNCTION_WORDS,
        words.MODIFIERS,
        words.NEGATIONS,
        words.CLAUSE_BREAKS,
        words.CIRCUMSTANCES,
        words.POLITENESS,
        words.ALONE_NAMES_NOTHING,
        ideas.QUESTION_WORDS,
        frozenset(words.SHORTHAND.values()),
        frozenset(normalise.CONTRACTIONS),
    )
    phrases = [phrase for concept in ideas.CONCEPTS for phrase in concept.phrases]
    phrases += [phrase for subtype in ideas.SUBTYPES for phrase in (*subtype.phrases, *subtype.narrower)]
    phrases += list(normalise.FAMILIES)
    return frozenset().union(*lists, *(phrase.split() for phrase in phrases))


@cache
def _static_by_letter() -> dict[str, tuple[str, ...]]:
    by_letter: dict[str, list[str]] = {}
    for word in _static_words():
        if word.isalpha():
            by_letter.setdefault(word[0], []).append(word)
    return {letter: tuple(sorted(found)) for letter, found in by_letter.items()}
