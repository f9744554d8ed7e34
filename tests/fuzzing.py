"""Shared pieces of the fuzz tests (`pytest -m fuzz`): hostile inputs, and the checks every answer must pass.

Loader fuzzing mutates the minimal knowledge base in two ways: as text or bytes (spans inserted, deleted,
replaced, duplicated or repeated, lines swapped, YAML tokens dropped in anywhere), which mostly tests the
YAML reader; and as structure (the file read with PyYAML, one value replaced, deleted, renamed or
duplicated, the file written back), which keeps the YAML valid and so tests the validator behind it.
Matcher fuzzing types hostile text: control characters, terminal escapes, Rich markup, direction and
zero-width marks, combining marks, full-width letters, 10,000-character strings, and real names in junk.

Example counts: each test runs the profile's `max_examples` (100 in the suite, MBC_FUZZ_EXAMPLES when
fuzzing), except those whose one example costs tens of milliseconds, which run a share of it (`examples`):
the share keeps the suite fast, and the fuzz profile still raises them by the same factor.
"""

from __future__ import annotations

import copy
import functools
import re
import shlex
import string
import unicodedata
from collections.abc import Callable, Iterator
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass
from pathlib import Path
from typing import AnyStr, TypeVar

import yaml
from hypothesis import settings
from hypothesis import strategies as st

from mbc_cli.errors import Location, NotFoundError, Problem
from mbc_cli.kb import load
from mbc_cli.kb.read import ListNode, MappingNode, Scalar, Value
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand.normalise import name_key
from mbc_cli.understand.recognise import Hit

from .work import within

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
MINIMAL_FILES = tuple(sorted(path.name for path in MINIMAL.iterdir()))

WORK_BASE = 300_000
"""Function calls any one call may make on a short input (a question takes a few thousand)."""
WORK_PER_CHARACTER = 50
"""And for each character of its input, as Unicode writes it out (NFKC): work that grows with the input stays
linear (a 180,000-character term takes about 9 calls a character); a slip into quadratic work does not."""

T = TypeVar("T")


def examples(divisor: int, floor: int = 10) -> int:
    """max_examples for a test whose examples are expensive: the current profile's count over `divisor`.

    Read when the test module is imported, after conftest.py has loaded the profile: 50 // 4 = 12 in
    the suite, 1000 // 4 = 250 under HYPOTHESIS_PROFILE=fuzz (MBC_FUZZ_EXAMPLES); never fewer than `floor`.
    A fixed max_examples would also fix the fuzz run's count; a share of the profile's scales with it.
    """
    return max(floor, settings().max_examples // divisor)


# --- YAML-shaped text and mutations ---------------------------------------------------------

YAML_TOKENS = (
    # YAML's special tokens: indicators, anchors, tags, directives, documents, YAML 1.1 surprises.
    *("- ", ": ", "? ", "&a ", "*a", "!!str ", "!!python/object:os.system ", "<<: ", "[", "]", "{", "}", ","),
    *("|", ">", "'", '"', "#", "---", "...", "%YAML 1.1", "\t", "\n", "  ", "~", "null", "yes", "0x1f", "1e3"),
    *(".inf", "2024-01-01"),
    # Explicit tags on the wrong text (!!int abc, !!bool maybe), unsafe and unknown tags, more anchors.
    *("!!int ", "!!float ", "!!bool ", "!!null ", "!!timestamp ", "!!binary ", "!!map ", "!!seq ", "!!set "),
    *("!!omap ", "!custom ", "!<tag:yaml.org,2002:str> ", "!!python/name:os.system ", "&b ", "*b", "*nowhere"),
    *("%TAG !e! tag:example.com,2000:\n", "!e!x ", "|-\n", ">+\n", "|2\n"),
    # Line breaks YAML and Python count differently, escapes, a BOM, NUL, a terminal escape.
    *("\r", "\r\n", "\x85", "\u2028", "\ufeff", "\x00", "\x1b[31m", "\\n", "\\x00", "\\u00e9"),
    # Plain words and numbers, ids, YAML 1.1 spellings.
    *("id", "name", "a", "- id: bone\n", "0o17", "+12", "-.5", ".NaN", "No", "on", "0b101", "12:30:00"),
    *("2024-01-01T10:00:00Z", "'it''s'", "1_000", "1" * 4301),  # Python refuses int() of more than 4300 digits
)
"""Pieces of YAML syntax, dropped into text to reach the parser's corners."""


def yaml_shaped() -> st.SearchStrategy[str]:
    """Text made of YAML tokens and arbitrary text, mixed."""
    piece = st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=8))
    return st.lists(piece, max_size=50).map("".join)


MUTATIONS = ("insert", "insert_at_value", "delete", "replace", "duplicate", "repeat", "swap_lines")
_VALUE_STARTS = re.compile(r"(?:: |- |^ *)", re.MULTILINE)


def _value_offsets(data: str | bytes) -> list[int]:
    """Where a value or key begins (after "key: ", after "- ", at an indent): where a token changes most."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data  # latin-1: one character per byte
    return [match.end() for match in _VALUE_STARTS.finditer(text)]


@st.composite
def mutated(draw: st.DrawFn, original: AnyStr, pieces: st.SearchStrategy[AnyStr], most: int = 4) -> AnyStr:
    """`original` (text or bytes) after 1 to `most` mutations; `pieces` is what may be inserted."""
    data = original
    for _ in range(draw(st.integers(1, most))):
        size = len(data)
        start = draw(st.integers(0, size))
        end = draw(st.integers(start, min(size, start + 200)))
        operation = draw(st.sampled_from(MUTATIONS))
        if operation == "insert":
            data = data[:start] + draw(pieces) + data[start:]
        elif operation == "insert_at_value":  # "year: !!int 2017", "- &a bone", "  ? key"
            at = draw(st.sampled_from(_value_offsets(data)))
            data = data[:at] + draw(pieces) + data[at:]
        elif operation == "delete":
            data = data[:start] + data[end:]
        elif operation == "replace":
            data = data[:start] + draw(pieces) + data[end:]
        elif operation == "duplicate":
            to = draw(st.integers(0, size))
            data = data[:to] + data[start:end] + data[to:]
        elif operation == "repeat":  # nesting brackets, many aliases, a huge line
            data = data[:start] + data[start:end] * draw(st.integers(2, 60)) + data[end:]
        else:
            lines = data.splitlines(keepends=True)
            if len(lines) > 1:
                first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                lines[first], lines[second] = lines[second], lines[first]
                data = data[:0].join(lines)
    return data


TEXT_PIECES = st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=20))
BYTE_PIECES = st.one_of(st.sampled_from([token.encode() for token in YAML_TOKENS]), st.binary(max_size=12))


def mutated_fixture_text() -> st.SearchStrategy[str]:
    """One of the minimal knowledge base's files, as text, mutated."""
    return st.sampled_from(MINIMAL_FILES).flatmap(
        lambda name: mutated((MINIMAL / name).read_text(encoding="utf-8"), TEXT_PIECES)
    )


@dataclass(frozen=True)
class Replacement:
    """A copy of minimal/ whose file `file` holds `content` instead."""

    file: str
    content: bytes
    how: str
    """What was done: bytes, or the structural change (for the failure report)."""


def mutated_fixture_bytes() -> st.SearchStrategy[Replacement]:
    """One file of the minimal knowledge base, mutated byte by byte (the result may not even be UTF-8)."""
    return st.sampled_from(MINIMAL_FILES).flatmap(
        lambda name: mutated((MINIMAL / name).read_bytes(), BYTE_PIECES).map(
            lambda content: Replacement(name, content, "bytes")
        )
    )


# --- Structural mutations: valid YAML, wrong values --------------------------------------------

_Path = tuple[object, ...]


def _fixture_documents() -> dict[str, object]:
    return {name: yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8")) for name in MINIMAL_FILES}


FIXTURE_DOCUMENTS = _fixture_documents()


def _walk(node: object, path: _Path = ()) -> Iterator[tuple[_Path, object]]:
    yield path, node
    if isinstance(node, dict):
        for key, item in node.items():
            yield from _walk(item, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*path, index))


FIXTURE_KEYS = tuple(sorted({str(p[-1]) for doc in FIXTURE_DOCUMENTS.values() for p, _ in _walk(doc) if p}))
"""Every key the fixtures use (and list indexes, as text): renaming to one often stays almost valid."""
FIXTURE_WORDS = tuple(
    sorted({str(v) for doc in FIXTURE_DOCUMENTS.values() for _, v in _walk(doc) if isinstance(v, str)})
)
"""Every text value of the fixtures: ids, names, kinds, quotes. Swapping one for another often stays valid."""

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    st.text(max_size=30),
    st.sampled_from(FIXTURE_WORDS),
    st.sampled_from(FIXTURE_KEYS),
    st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=5), st.integers(50, 2000)),
)
JSON_LIKE = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIXTURE_KEYS), st.text(max_size=10)), children, max_size=4),
    ),
    max_leaves=12,
)
"""Any value YAML can hold, weighted towards the fixtures' own keys and values."""

CHANGES = ("replace", "replace", "replace", "delete", "rename", "duplicate")


def _at(document: object, path: _Path) -> object:
    for step in path:
        if isinstance(document, dict):
            document = document[step]
        else:
            assert isinstance(document, list)
            assert isinstance(step, int)
            document = document[step]
    return document


@st.composite
def mutated_fixture_structure(draw: st.DrawFn) -> Replacement:
    """One file of the minimal knowledge base, read, changed in 1-3 places, and written back as valid YAML."""
    name = draw(st.sampled_from(MINIMAL_FILES))
    document = copy.deepcopy(FIXTURE_DOCUMENTS[name])
    done: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from([p for p, _ in _walk(document)]))
        change = draw(st.sampled_from(CHANGES)) if path else "replace"
        done.append(f"{change} {list(path)}")
        if not path:
            document = draw(JSON_LIKE)
            continue
        parent, last = _at(document, path[:-1]), path[-1]
        if isinstance(parent, list):
            assert isinstance(last, int)
            if change == "replace":
                parent[last] = draw(JSON_LIKE)
            elif change == "delete":
                del parent[last]
            else:  # duplicate the item (the same object: written as an anchor and an alias)
                parent.insert(draw(st.integers(0, len(parent))), parent[last])
            continue
        assert isinstance(parent, dict)
        if change == "replace":
            parent[last] = draw(JSON_LIKE)
        elif change == "delete":
            del parent[last]
        elif change == "rename":
            parent[draw(st.one_of(st.sampled_from(FIXTURE_KEYS), st.text(max_size=12)))] = parent.pop(last)
        else:  # the same value under another key
            parent[draw(st.sampled_from(FIXTURE_KEYS))] = parent[last]
    flow = draw(st.sampled_from([False, None, True]))
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=draw(st.booleans()), default_flow_style=flow)
    return Replacement(name, text.encode("utf-8"), "; ".join(done))


# --- Checks of the loader's answers --------------------------------------------------------------


def line_count(text: str) -> int:
    """Lines as YAML or an editor may count them: every kind of line break (\\r, NEL, U+2028...) counts."""
    return len(text.splitlines())


LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
"""What ends a line in a terminal, an editor or YAML: a one-line message holds none of these."""


def assert_one_line(text: str, what: str) -> None:
    assert text, f"empty {what}"
    assert not LINE_BREAKS & set(text), f"{what} is not one line: {text!r}"


def assert_located(location: Location, file: str, lines: int) -> None:
    """A location in `file`, which has `lines` lines: 1-based, at most one line past the end."""
    assert location.file == file, location
    assert 1 <= location.line <= lines + 1, f"{location}: line past the end ({lines} lines)"
    assert location.column >= 1, location


def assert_problem_shape(problem: Problem) -> None:
    assert_one_line(problem.message, "message")
    if problem.entry is not None:
        assert_one_line(problem.entry, "entry label")


SCALAR_TYPES = {"str": (str,), "int": (int,), "float": (float,), "bool": (bool,), "null": (type(None),)}


def assert_plain_values(value: Value, file: str, lines: int) -> None:
    """Only the reader's own values, holding only plain Python values: nothing was constructed from a tag."""
    stack: list[Value] = [value]
    while stack:
        item = stack.pop()
        assert type(item) in (Scalar, MappingNode, ListNode), type(item)
        assert_located(item.at, file, lines)
        if isinstance(item, Scalar):
            assert type(item.text) is str
            assert type(item.value) in SCALAR_TYPES.get(item.type, (str,)), (item.type, type(item.value))
        elif isinstance(item, MappingNode):
            for key, (key_at, child) in item.items.items():
                assert type(key) is str
                assert_located(key_at, file, lines)
                stack.append(child)
        else:
            stack.extend(item.items)


# --- Hostile text for the matcher ---------------------------------------------------------------

HOSTILE_PIECES = (
    *("\x1b[31m", "\x1b[0m", "\x1b]8;;https://example.com\x07", "\x1b[2J", "\x1b", "\x07", "\x00", "\x7f", "\x9b"),
    *("[bold]", "[/]", "[red on white]", "[link=https://x]", ":warning:", ":smile:", "\\[", "%s", "{0}", "$HOME"),
    *("\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"),
    *("\u0301", "\u0308\u0308\u0308", "\u20dd", "\ufb01", "\ufdfa", "ß", "İ", "Σ", "ǅ"),
    *("\uff22\uff4f\uff4e\uff45", "\uff2c\uff29\uff36\uff25\uff32"),  # BONE, LIVER in full-width letters
    *(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"),
    *("'", "\u2019", "`", '"', "-", "_", "/", "\\", "*", "?", "!", ".", ",", "(", ")", "&"),
    *("'s", "s", "es", "ing", "ed", "no", "not", "without", "the", "my", "and", "in", "very", "severe"),
    *("pain", "bone", "what", "is", "mean", "😀", "\U0010ffff", "\ud7ff", "١٢٣", "骨", "кость"),
    *("\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001d41b\U0001d428\U0001d427\U0001d41e", "\u24d1\u24de\u24dd\u24d4"),
    *("\ufdfb", "\u33af", "\u3316", "\u2474"),  # NFKC writes each as 4-8 characters (\ufdfa: 18, 4 words)
)
"""Short pieces of hostile or tricky text: escapes, markup, invisible marks, foldable letters, small words."""

WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u202e\u200f\u00ad\x00\x1b"
LONG = 10_000
EXPANDING = "\ufdfa" * LONG
"""Found by fuzzing: 10,000 characters that NFKC (in `name_key`) turns into 180,000, 30,001 words to stem."""


@functools.cache
def real_knowledge_base() -> KnowledgeBase:
    """The knowledge base mbc ships with, as conftest's real_kb fixture loads it.

    The fuzz tests call this instead of taking the fixture: hypothesis prints every argument of a failing
    example, and the knowledge base's repr runs to hundreds of kilobytes.
    """
    return load.load(ROOT / "data")


@functools.cache
def real_names() -> tuple[str, ...]:
    """Every name and alias of the real knowledge base, as written and as name keys."""
    knowledge = real_knowledge_base()
    shown = {ref.name for refs in knowledge.names.values() for ref in refs}
    return tuple(sorted(shown | set(knowledge.names)))


REAL_NAME = st.deferred(lambda: st.sampled_from(real_names()))
_piece = st.one_of(st.sampled_from(HOSTILE_PIECES), REAL_NAME, st.text(max_size=6))


def _repeated(pieces: list[str]) -> str:
    """A string of exactly LONG characters: the pieces repeated."""
    unit = "".join(pieces) or " "
    return (unit * (LONG // len(unit) + 1))[:LONG]


_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def disguise(name: str, how: str) -> str:
    """`name` as hostile text might carry it, written so that `name_key` should still read it the same."""
    if how == "full-width":
        return name.translate(_FULL_WIDTH)
    if how == "upper":
        return name.upper()
    if how == "zero-width":
        return "\u200b".join(name)
    if how == "direction marks":
        return f"\u202e{name}\u202c\u200f"
    if how == "escapes":
        return f"\x1b[1;31m{name}\x1b[0m"
    return f"  {name}?! "


DISGUISES = ("full-width", "upper", "zero-width", "direction marks", "escapes", "spacing")


def hostile_text() -> st.SearchStrategy[str]:
    """Text a user (or a script, or an attacker) might pass as a name, symptom or search."""
    return st.one_of(
        st.text(),
        st.text(alphabet=st.characters(categories=["Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Co", "Cn"])),
        st.lists(_piece, max_size=12).map("".join),
        st.lists(REAL_NAME, min_size=1, max_size=6).flatmap(
            lambda names: st.sampled_from([" ", " and ", ", ", " in my "]).map(lambda sep: sep.join(names))
        ),
        st.builds(lambda a, name, b: a + name + b, _piece, REAL_NAME, _piece),
        st.builds(disguise, REAL_NAME, st.sampled_from(DISGUISES)),
        st.lists(_piece, min_size=1, max_size=4).map(_repeated),
        st.sampled_from(HOSTILE_PIECES).map(lambda piece: _repeated([piece])),
        st.lists(REAL_NAME, min_size=1, max_size=40).map(lambda names: _repeated([" ".join(names), " "])),
        st.text(alphabet=WHITESPACE + INVISIBLE, max_size=20),
        st.sampled_from(["", " ", "\n", "-", "'", "?", string.punctuation, "a" * LONG, " " * LONG]),
    )


# --- Checks of the matcher's answers -------------------------------------------------------------


def work_budget(*texts: str) -> int:
    """How many function calls a call may make on these inputs (see WORK_BASE)."""
    return WORK_BASE + WORK_PER_CHARACTER * sum(len(unicodedata.normalize("NFKC", text)) for text in texts)


def bounded(call: Callable[[], T], *texts: str) -> T | NotFoundError:
    """The call's answer, or the NotFoundError it raised (any other exception fails the test), made within the
    work budget of its input `texts`."""

    def answer() -> T | NotFoundError:
        try:
            return call()
        except NotFoundError as error:
            return error

    return within(work_budget(*texts), answer)


def entry_exists(knowledge: KnowledgeBase, kind: str, entry_id: str) -> bool:
    """Whether an entry of this kind (a place counts as its site) has this id."""
    tables: dict[str, MappingABC[str, object]] = {
        "site": knowledge.sites,
        "place": knowledge.sites,
        "local_area": knowledge.local_areas,
        "symptom": knowledge.symptoms,
        "test": knowledge.tests,
        "treatment": knowledge.treatments,
        "drug": knowledge.drugs,
        "term": knowledge.terms,
        "statistic": knowledge.statistics,
        "note": knowledge.notes,
    }
    assert kind in tables, kind
    return entry_id in tables[kind]


def is_real_suggestion(knowledge: KnowledgeBase, suggestion: str) -> bool:
    """A suggestion names something in the knowledge base: a name or alias, or a command that shows one."""
    if name_key(suggestion) in knowledge.names:
        return True
    words = shlex.split(suggestion) if suggestion.startswith("mbc ") else []
    return len(words) == 2 or (len(words) == 3 and name_key(words[2]) in knowledge.names)


def assert_not_found(knowledge: KnowledgeBase, error: NotFoundError) -> None:
    assert str(error)
    for suggestion in error.suggestions:
        assert is_real_suggestion(knowledge, suggestion), suggestion


HOWS = frozenset(
    {
        "name",
        "alias",
        "narrower",
        "disorder",
        "plural",
        "singular",
        "inflection",
        "spelling",
        "phrase",
        "word",
        "partial",
        "subtype",
    }
)


def assert_hits(knowledge: KnowledgeBase, hits: tuple[Hit, ...], kinds: frozenset[str]) -> None:
    """Hits of the kinds asked for, each a real entry, by one of its real names, each entry once."""
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        assert hit.ref.kind in kinds, hit
        assert entry_exists(knowledge, hit.ref.kind, hit.ref.id), hit
        assert hit.ref in knowledge.names.get(hit.matched, ()), hit
        assert hit.how in HOWS, hit
        assert (hit.ref.kind, hit.ref.id) not in seen, hit
        seen.add((hit.ref.kind, hit.ref.id))


def assert_suggestions(knowledge: KnowledgeBase, suggestions: tuple[str, ...], kinds: frozenset[str]) -> None:
    """At most three name keys, each naming a different entry of the kinds asked for."""
    assert len(suggestions) <= 3, suggestions
    named = []
    for key in suggestions:
        refs = [ref for ref in knowledge.names.get(key, ()) if ref.kind in kinds]
        assert refs, f"{key!r} names nothing of {sorted(kinds)}"
        named.append((refs[0].kind, refs[0].id))
    assert len(set(named)) == len(named), suggestions
