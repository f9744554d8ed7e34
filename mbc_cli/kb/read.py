"""Read YAML safely into located values, catching what PyYAML lets through silently.

Only YAML's plain types are read (text, numbers, booleans, null, dates, lists, mappings):
no tag ever constructs an object. Duplicate keys are reported, and anchors and aliases are
expanded under a budget, so that an "alias bomb" is rejected before it can use much memory.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from mbc_cli.declare import Record
from mbc_cli.errors import Location, Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in PyYAML's wheels for every platform we use
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_PREFIX = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(f"{_PREFIX}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
_MAP_TAG = f"{_PREFIX}map"
_SEQ_TAG = f"{_PREFIX}seq"
_EXTRA_NODES = 10_000
"""How many more values than it has nodes a file may produce by expanding aliases."""
MAX_DEPTH = 32
"""How deeply lists and mappings may nest. mbc's files nest 6 deep; libyaml's composer recurses in C,
so a file nested tens of thousands deep would crash the process instead of being reported."""

_constructor = SafeConstructor()


class Scalar(Record):
    """A single value, with how it was written."""

    value: str | int | float | bool | None
    type: str
    """YAML's reading of it: str, int, float, bool, null or timestamp."""
    text: str
    """The characters as written in the file."""
    at: Location


class MappingNode(Record):
    """A YAML mapping; keys are text, in file order."""

    items: dict[str, tuple[Location, Value]]
    """Key -> (where the key is, its value)."""
    at: Location


class ListNode(Record):
    """A YAML list."""

    items: tuple[Value, ...]
    at: Location


Value = Scalar | MappingNode | ListNode


class _Budget(Exception):
    """Raised inside the walk when aliases expand past the budget."""


def read_yaml(text: str, file: str) -> tuple[Value | None, list[Problem]]:
    """Parse one YAML document; return its value (None if unreadable) and the problems found."""
    try:
        too_deep = _nesting_problem(text, file)
        if too_deep is not None:
            return None, [too_deep]
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, file, text)]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return None, [
            Problem(
                Location(file, line, column),
                f"unacceptable character #x{error.character:04x}: control characters are not allowed in YAML",
            )
        ]
    except yaml.YAMLError as error:
        first_line = str(error).splitlines()[0] if str(error) else "unreadable"
        return None, [Problem(Location(file, 1, 1), f"not valid YAML: {first_line}")]
    if root is None:
        return None, [Problem(Location(file, 1, 1), "the file is empty; expected a list of entries")]
    walker = _Walker(file, budget=2 * _count_nodes(root) + _EXTRA_NODES)
    try:
        value = walker.convert(root)
    except _Budget:
        return None, [
            Problem(
                walker.alias_at,
                "aliases expand this file to far more values than it holds (an alias bomb?); write the values out",
            )
        ]
    return value, walker.problems


def _nesting_problem(text: str, file: str) -> Problem | None:
    """Find, without building anything, where lists and mappings nest deeper than MAX_DEPTH.

    libyaml's event parser keeps its own stack, so this pass is safe at any depth; composing is not.
    Newer libyaml (PyYAML 6.0.2 and later) refuses 1,000 levels of flow nesting itself, while scanning
    ahead and before the first event, in its own words and at another place. When libyaml fails, the
    pure-Python parser (whose stacks are lists too) looks again, so the answer does not depend on the
    libyaml that PyYAML bundles: it reports the nesting if that comes first, and libyaml's error if not.
    """
    try:
        return _first_too_deep(text, file, _Loader)
    except yaml.YAMLError:
        try:
            found = _first_too_deep(text, file, yaml.SafeLoader)
        except yaml.YAMLError:
            found = None
        if found is None:
            raise
        return found


def _first_too_deep(text: str, file: str, loader: Any) -> Problem | None:
    """The first place where `loader`'s events nest deeper than MAX_DEPTH, or None."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Problem(
                    Location(file, mark.line + 1, mark.column + 1) if mark else Location(file, 1, 1),
                    f"lists and mappings nest more than {MAX_DEPTH} levels deep here (mbc's own files nest 6 deep)",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _count_nodes(root: yaml.Node) -> int:
    """Count distinct nodes: what the file holds before any alias is expanded."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
    return len(seen)


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    """A YAML syntax error in mbc's words: what is wrong, where, and what YAML expected there."""
    mark = error.problem_mark or error.context_mark
    location = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file, 1, 1)
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return Problem(location, "a tab in the indentation: YAML indents with spaces only")
    if "simple key" in (error.context or "") and error.context_mark:  # the line without a colon, not the next one
        location = Location(file, error.context_mark.line + 1, error.context_mark.column + 1)
    return Problem(location, in_mbc_words(error))


def in_mbc_words(error: yaml.MarkedYAMLError) -> str:
    """What libyaml (or PyYAML's own parser) found, said as an editor of the file needs it."""
    said = f"{error.context or ''} {error.problem or ''}"
    start = error.context_mark
    opened = f"line {start.line + 1}, column {start.column + 1}" if start else "above"
    indent = f"column {start.column + 1}" if start else "the same column"
    for clues, message in (  # each the words that tell it (all of them), in libyaml's or PyYAML's wording
        (("tab",), "a tab in the indentation: YAML indents with spaces only"),
        (
            ("unknown escape",),
            'a backslash escape YAML does not know, in double quotes: write "\\\\" for a backslash, or use '
            "single quotes",
        ),
        (
            ("mapping values are not allowed",),
            'a "key: value" where YAML cannot take one: the line is indented more than the keys above it, '
            'or a value holds ": " (put such a value in quotes)',
        ),
        (
            ("block mapping",),
            f"this line is indented unlike the keys of the mapping that starts at {opened}: YAML expected "
            f"another key at {indent}, or a line indented less to end the mapping",
        ),
        (
            ("block collection",),
            f"this line is indented unlike the items of the list that starts at {opened}: YAML expected another "
            f'"- " item at {indent}, or a line indented less to end the list',
        ),
        (
            ("quoted scalar", "end of stream"),
            f"a quoted text opened at {opened} is never closed: YAML expected its closing quote (\" or ') first",
        ),
        (("',' or ']'",), f'a list in square brackets opened at {opened} is not closed: YAML expected "," or "]" here'),
        (("',' or '}'",), f'a mapping in braces opened at {opened} is not closed: YAML expected "," or "}}" here'),
        (
            ("simple key", "expected ':'"),
            'a line with no "key: value" colon: YAML expected ":" after a key '
            '(or quotes around a text that holds ": ")',
        ),
        (("undefined alias",), "an alias (*name) that no anchor (&name) above it defines"),
        (("duplicate anchor",), f"an anchor defined a second time (first at {opened}): give each anchor its own name"),
    ):
        if all(clue in said for clue in clues):
            return message
    return f"YAML cannot read this: {' '.join(said.split())}"


class _Walker:
    def __init__(self, file: str, budget: int) -> None:
        self.file = file
        self.budget = budget
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias_at = Location(file, 1, 1)

    def at(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.file, mark.line + 1, mark.column + 1)

    def convert(self, node: yaml.Node) -> Value:
        self.budget -= 1
        if id(node) in self.seen:
            # The composer hands back the same node for every alias of an anchor.
            self.alias_at = self.at(node)
        self.seen.add(id(node))
        if self.budget < 0:
            raise _Budget
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, _SEQ_TAG)
            return ListNode(tuple(self.convert(item) for item in node.value), self.at(node))
        if isinstance(node, yaml.MappingNode):
            self.check_tag(node, _MAP_TAG)
            return self.mapping(node)
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover - composer only makes these

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.problems.append(Problem(self.at(node), _tag_message(node.tag)))

    def scalar(self, node: yaml.ScalarNode) -> Scalar:
        text = str(node.value)
        if node.tag not in _SCALAR_TAGS:
            self.problems.append(Problem(self.at(node), _tag_message(node.tag)))
            return Scalar(text, "str", text, self.at(node))
        kind = node.tag.removeprefix(_PREFIX)
        value: str | int | float | bool | None
        if kind == "str":
            value = text
        elif kind == "timestamp":
            value = text  # kept as written: dates stay text in mbc
        else:
            try:
                value = _constructor.construct_object(node)
            except (ValueError, LookupError):  # an explicit tag on text it cannot convert: !!int 2017a
                self.problems.append(Problem(self.at(node), _unreadable(text, kind)))
                return Scalar(text, "str", text, self.at(node))
        return Scalar(value, kind, text, self.at(node))

    def mapping(self, node: yaml.MappingNode) -> MappingNode:
        items: dict[str, tuple[Location, Value]] = {}
        for key_node, value_node in node.value:
            key_at = self.at(key_node)
            if key_node.tag == f"{_PREFIX}merge":
                self.problems.append(Problem(key_at, "merge keys (<<) are not supported; write the keys out"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(key_at, "a key must be plain text"))
                continue
            key = str(key_node.value)
            if key in items:
                first = items[key][0]
                self.problems.append(Problem(key_at, f'duplicate key "{key}" (first at line {first.line})'))
                continue
            items[key] = (key_at, self.convert(value_node))
        return MappingNode(items, self.at(node))


_READ_AS = {"int": "a whole number", "float": "a number", "bool": "true or false"}
"""What each tag that can fail to convert reads text as (!!null reads anything)."""


def _unreadable(text: str, kind: str) -> str:
    """Why a scalar YAML tags as `kind` cannot be read as one: a typo, or Python's 4,300-digit limit."""
    shown = text if len(text) <= 40 else f"{text[:40]}... ({len(text):,} characters)"
    if kind == "int" and sum(char.isdigit() for char in text) > 4300:
        return f"the number {shown} is too long to read (more than 4,300 digits)"
    return f'"{shown}" cannot be read as {_READ_AS.get(kind, kind)}; check the value and its !!{kind} tag'


def _tag_message(tag: str) -> str:
    shown = tag.replace(_PREFIX, "!!")
    return f"the tag {shown} is not allowed: mbc reads plain YAML only (text, numbers, lists, mappings)"
