"""What `mbc search` looks in: every entry's names, aliases, texts and quotes, and the words in them.

The knowledge base keeps an index from each word to the entries that hold it (`words_index`,
built once when the model is assembled), so a search reads only the entries that hold a word it
looks for, at any size of knowledge base, instead of reading every text of every entry.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mbc_cli import model
from mbc_cli.kinds import Kind
from mbc_cli.model import Citation, Claim
from mbc_cli.understand.normalise import name_key, normal
from mbc_cli.understand.words import FUNCTION_WORDS

if TYPE_CHECKING:
    from mbc_cli.model import KnowledgeBase

NAME, ALIAS, TEXT = 3, 2, 1
"""How much a word found in an entry's name, alias, or text and quotes counts."""

KINDS = (
    Kind.SITE,
    Kind.LOCAL_AREA,
    Kind.SYMPTOM,
    Kind.TEST,
    Kind.TREATMENT,
    Kind.DRUG,
    Kind.TERM,
    Kind.STATISTIC,
    Kind.NOTE,
)
"""The kinds of entry searched, in the order entries of equal rank are shown."""


Field = tuple[int, str, str, tuple[Citation, ...]]
"""Where text is found in an entry: (weight, where: name/alias/brand/place/text/quote, text, its citations)."""
Entry = tuple[str, str, str, list[Field]]
"""A searchable entry: (kind, id, name, its fields)."""


def entries(kb: KnowledgeBase) -> Iterator[Entry]:
    """Every searchable entry, kind by kind in KINDS order, each kind in file order."""
    for kind in KINDS:
        for entry_id in ids(kb, kind):
            yield entry(kb, kind, entry_id)


def entry(kb: KnowledgeBase, kind: str, entry_id: str) -> Entry:
    """One searchable entry: its name and the fields its words are looked for in."""
    if kind == "site":
        site = kb.sites[entry_id]
        places = [(ALIAS, "place", name, p.citations) for p in site.places for name in (p.name, *p.aliases)]
        return kind, entry_id, site.name, [*_names(site.name, site.aliases, site.named_by), *places, *_texts(site)]
    if kind == "local_area":
        area = kb.local_areas[entry_id]
        return kind, entry_id, area.name, [*_names(area.name, area.aliases, ()), *_texts(area)]
    if kind == "symptom":
        symptom = kb.symptoms[entry_id]
        return kind, entry_id, symptom.name, [*_names(symptom.name, symptom.aliases, ()), *_texts(symptom)]
    if kind == "test":
        test = kb.tests[entry_id]
        return kind, entry_id, test.name, [*_names(test.name, test.aliases, ()), *_texts(test)]
    if kind == "treatment":
        treatment = kb.treatments[entry_id]
        return kind, entry_id, treatment.name, [*_names(treatment.name, treatment.aliases, ()), *_texts(treatment)]
    if kind == "drug":
        drug = kb.drugs[entry_id]
        brands = [(ALIAS, "brand", brand, drug.citations) for brand in drug.brands]
        described = (TEXT, "text", drug.drug_class, drug.citations)
        return (
            kind,
            entry_id,
            drug.name,
            [*_names(drug.name, drug.aliases, drug.citations), *brands, described, *_texts(drug)],
        )
    if kind == "term":
        term = kb.terms[entry_id]
        own = tuple(c for claim in term.definitions for c in claim.citations)
        return kind, entry_id, term.name, [*_names(term.name, term.aliases, own), *_texts(term)]
    if kind == "statistic":
        stat = kb.statistics[entry_id]
        about = [(TEXT, "text", text, stat.citations) for text in (stat.measures, stat.value, stat.population) if text]
        return kind, entry_id, stat.name, [(NAME, "name", stat.name, stat.citations), *about, *_texts(stat)]
    note = kb.notes[entry_id]
    return kind, entry_id, note.text, [(TEXT, "text", note.text, note.citations), *_texts(note)]


def index(kb: KnowledgeBase) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]], dict[str, int]]:
    """Each word (as search compares it, small function words aside) -> the entries holding it, as
    'kind id', in `entries` order; and beside it, for each of those entries, how much the word counts
    there: where it is found best (NAME, ALIAS or TEXT). Search ranks from these alone. Third, each word of a name
    or an alias as written (three letters or more) -> how many times: the words a misspelling is read as (only
    words that name something: "employer" is not a slip for "employed", which a text holds)."""
    found: defaultdict[str, dict[str, int]] = defaultdict(dict)
    written: defaultdict[str, int] = defaultdict(int)
    for kind, entry_id, _, fields in entries(kb):
        ref = f"{kind} {entry_id}"
        topic = getattr(kb.entries(Kind.of(kind))[entry_id], "topic", None) if kind in ("note", "statistic") else None
        if topic is not None:  # a note's or figure's topic, which no word typed can be: what a question's idea finds
            found[topic_key(topic)][ref] = TEXT
        for weight, _, text, _ in fields:
            key = name_key(text)
            for word in key.split(" ") if weight > TEXT else ():  # names and aliases, not every word of a text
                if len(word) >= 3 and word.isalpha():
                    written[word] += 1
            for word in {normal(word) for word in key.split(" ") if word and word not in FUNCTION_WORDS}:
                held = found[word]
                held[ref] = max(held.get(ref, 0), weight)
    ordered = sorted(found.items())
    return (
        {word: tuple(held) for word, held in ordered},
        {word: tuple(held.values()) for word, held in ordered},
        dict(sorted(written.items())),
    )


def topic_key(topic: str) -> str:
    """The key of a topic (outlook, risk...) in the word index: "topic:outlook", which no name key can be."""
    return f"topic:{topic}"


def ids(kb: KnowledgeBase, kind: str) -> Iterator[str]:
    """The ids of one kind of entry, in file order."""
    return iter(kb.entries(Kind.of(kind)))


def _names(name: str, aliases: tuple[str, ...], citations: tuple[Citation, ...]) -> list[Field]:
    return [(NAME, "name", name, citations), *((ALIAS, "alias", alias, citations) for alias in aliases)]


def _texts(entry: object) -> list[Field]:
    """Every claim text and quote inside an entry, in order."""
    found: list[Field] = []
    for item in model.walk(entry):
        if isinstance(item, Citation):
            found.append((TEXT, "quote", item.quote, (item,)))
        elif isinstance(item, Claim):
            found.append((TEXT, "text", item.text, item.citations))
    return found
