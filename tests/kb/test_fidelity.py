"""Every statement says only what its quotes say: their hedges and quantifiers, and their numbers.

mbc writes its own sentence over each set of quotes. That sentence may reword them, but it may not
make them stronger or wider: "some" does not become "many", "about 20%" does not lose its "about",
"may" does not become a fact. This test reads every text the model holds with citations, in every
kind of entry, and names each one that breaks the rule, with the quotes it would need.

A reviewed list of exceptions (`ALLOWED`) holds the few statements whose quotes carry a hedge that
qualifies other words than the ones the statement restates, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pytest

from mbc_cli.kinds import FILES
from mbc_cli.model import Citation, Claim, KnowledgeBase, Note, Site, Statistic, walk

HEDGES = (
    "some",
    "many",
    "most",
    "often",
    "usually",
    "rarely",
    "about",
    "may",
    "can",
    "might",
    "at first",
    "only",
    "all",
    "always",
    "never",
    "including",
)
"""The words that say how sure, how many or how complete: a statement has one only if a quote does."""

WEAKENING = frozenset({"some", "many", "most", "often", "usually", "rarely", "about", "may", "might", "can"})
WEAKENING |= {"at first", "only", "including"}
"""Hedges a statement may not leave out when its quotes have them: without them it says more (all, always
and never left out only make a statement weaker)."""

SAID_AS = {
    "at first": ("initially",),
    "can": ("could", "able to", "possible", "potential", "ability"),
    "often": ("many times",),
}
"""Other words a quote may use for a hedge, reviewed one by one: "initially" is "at first", "is able to" and
"it is possible" are "can", "many times" is "often"."""

NOT_HEDGES = ("how often", "how many", "how much", "about how", "talk with you about", "about your", "about symptoms")
"""Phrases in which a hedge's word is no hedge ("how many sites are affected", "ask about symptoms")."""


def _plain(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    for phrase in NOT_HEDGES:
        text = text.replace(phrase, " ")
    return text


def says(text: str, hedge: str) -> bool:
    """Whether `text` holds the hedge (or, for "about", "about" before a number), as a whole word."""
    plain = _plain(text)
    if hedge == "about":
        return re.search(r"(?<![\w-])about \d", plain) is not None
    forms = (hedge, *SAID_AS.get(hedge, ()))
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", plain) for form in forms)


def numbers(text: str) -> set[str]:
    """The figures a text gives, as written (4,932 and 65.1 whole)."""
    return set(re.findall(r"\d+(?:[.,]\d+)*", text))


FIGURE = frozenset({"about"})
"""What a figure (a statistic's value) must keep of its quote's hedges: its quote is a sentence about more."""
MEASURE: frozenset[str] = frozenset()
"""And what a statistic's `measures` must keep: it says what is counted; its value says how many."""


def statements(kb: KnowledgeBase) -> Iterator[tuple[str, str, tuple[Citation, ...], frozenset[str]]]:
    """Every text the model holds with its citations: (where, text, citations, the hedges it must keep from its
    quotes), each once."""
    seen: set[tuple[str, tuple[Citation, ...]]] = set()
    for kind in FILES:
        if kind.file is None or kind.file == "sources":
            continue
        for entry_id, entry in kb.entries(kind).items():
            where = f"{kind.file}.yaml {entry_id}"
            found: list[tuple[str, tuple[Citation, ...], frozenset[str]]] = []
            if isinstance(entry, Note):
                found.append((entry.text, entry.citations, WEAKENING))
            if isinstance(entry, Statistic):
                found += [(entry.value, entry.citations, FIGURE), (entry.measures, entry.citations, MEASURE)]
            if isinstance(entry, Site) and entry.frequency:
                found.append((f"{entry.frequency.percent:g}", entry.frequency.citations, FIGURE))
            found += [(item.text, item.citations, WEAKENING) for item in walk(entry) if isinstance(item, Claim)]
            for text, citations, keeps in found:
                if (text, citations) not in seen:
                    seen.add((text, citations))
                    yield where, text, citations, keeps


ALLOWED: dict[tuple[str, str], str] = {
    ("Can stop the cancer from spreading further", "some"): (
        '"Some treatments, such as chemotherapy, can stop the cancer from spreading further": "some" picks out '
        "the treatments that can, chemotherapy among them; it does not qualify what chemotherapy can do."
    ),
    ("It is a systemic treatment", "usually"): (
        '"The treatment for metastatic breast cancer is usually medications that can circulate throughout the '
        'whole body. Examples include chemotherapy, hormone therapy, and immunotherapy": "usually" says how '
        "metastatic breast cancer is treated, not how the treatment named as an example works."
    ),
}
"""(the start of a statement, a hedge) -> why its quotes' hedge does not qualify the words it restates."""


def breaches(kb: KnowledgeBase) -> list[str]:
    """Each statement that says more than its quotes, in words: where, the statement, what it lacks, the quotes."""
    found: list[str] = []
    for where, text, citations, keeps in statements(kb):
        quotes = " ".join(citation.quote for citation in citations)
        wrong = [f'"{h}", which no quote says' for h in HEDGES if says(text, h) and not says(quotes, h)]
        wrong += [f'leaves out "{h}"' for h in sorted(keeps) if says(quotes, h) and not says(text, h)]
        wrong += [f"{n}, which no quote gives" for n in sorted(numbers(text) - numbers(quotes))]
        wrong = [w for w in wrong if not any(text.startswith(start) and f'"{h}"' in w for (start, h) in ALLOWED)]
        if wrong:
            shown = "\n      ".join(f"{c.source}: {c.quote}" for c in citations)
            found.append(f"{where}: {text}\n    {'; '.join(wrong)}\n    quotes:\n      {shown}")
    return found


def test_every_statement_keeps_its_quotes_hedges_and_numbers(real_kb: KnowledgeBase) -> None:
    found = breaches(real_kb)
    assert not found, f"{len(found)} statements say more than their quotes:\n\n" + "\n\n".join(found)


def test_every_allowed_exception_is_still_needed(real_kb: KnowledgeBase) -> None:
    """An exception whose statement has changed or gone is removed from the list, not left to excuse another."""
    texts = [text for _, text, _, _ in statements(real_kb)]
    for start, hedge in ALLOWED:
        assert any(text.startswith(start) for text in texts), (start, hedge)


@pytest.mark.parametrize(
    ("statement", "quotes", "broken"),
    [
        ("Many people live many years.", ["Some women live for many years."], True),
        ("20% to 30% develop it.", ["About 20% to 30% of women develop it."], True),
        ("It often causes no symptoms at first.", ["It often shows no symptoms."], True),
        ("It is hard to tell apart at first.", ["Initially, it is hard to tell."], False),
        ("Some people live for years.", ["Some people can live for years."], True),
        ("Some people can live for years.", ["Some people can live for years."], False),
        ("It affects 65.1 percent.", ["65.1 percent of people had it"], False),
        ("It affects 65 percent.", ["65.1 percent of people had it"], True),
        ("Ask how many sites are affected.", ["Number of sites affected"], False),
    ],
)
def test_the_rule_itself(statement: str, quotes: Sequence[str], broken: bool) -> None:
    said = " ".join(quotes)
    more = [h for h in HEDGES if says(statement, h) and not says(said, h)]
    less = [h for h in WEAKENING if says(said, h) and not says(statement, h)]
    assert bool(more or less or numbers(statement) - numbers(said)) is broken
