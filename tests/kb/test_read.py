"""The YAML reader: located values, and what plain PyYAML would let through silently."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from mbc_cli.kb.read import ListNode, MappingNode, Scalar, read_yaml

from ..fuzzing import (
    assert_located,
    assert_one_line,
    assert_plain_values,
    line_count,
    mutated_fixture_text,
    work_budget,
    yaml_shaped,
)
from ..work import within


def test_values_carry_their_line_and_column() -> None:
    value, problems = read_yaml("- id: bone\n  name: 'bone'\n", "f.yaml")
    assert problems == []
    assert isinstance(value, ListNode)
    entry = value.items[0]
    assert isinstance(entry, MappingNode)
    key_at, name = entry.items["name"]
    assert (key_at.line, key_at.column) == (2, 3)
    assert isinstance(name, Scalar)
    assert (name.value, name.type, name.at.line, name.at.column) == ("bone", "str", 2, 9)


def test_scalars_keep_yaml_types_and_the_text_as_written() -> None:
    value, _ = read_yaml("[no, 1.5, 3, ~, 2023-12-15, 'no']", "f.yaml")
    assert isinstance(value, ListNode)
    seen = [(item.value, item.type, item.text) for item in value.items if isinstance(item, Scalar)]
    assert seen == [
        (False, "bool", "no"),
        (1.5, "float", "1.5"),
        (3, "int", "3"),
        (None, "null", "~"),
        ("2023-12-15", "timestamp", "2023-12-15"),
        ("no", "str", "no"),
    ]


def test_duplicate_keys_are_reported_at_the_second() -> None:
    _, problems = read_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(p) for p in problems] == ['f.yaml:3:1: duplicate key "a" (first at line 1)']


def test_tags_never_construct_objects() -> None:
    _, problems = read_yaml("- !!python/object/apply:os.system ['true']\n- !custom x\n", "f.yaml")
    assert len(problems) == 2
    assert all("is not allowed" in p.message for p in problems)


def test_small_aliases_expand() -> None:
    value, problems = read_yaml("a: &q [x, y]\nb: *q\n", "f.yaml")
    assert problems == []
    assert isinstance(value, MappingNode)
    assert value.items["a"][1] == value.items["b"][1]


def test_an_alias_bomb_is_rejected_with_bounded_work() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    text = "\n".join(lines)
    value, problems = within(work_budget(text), lambda: read_yaml(text, "bomb.yaml"))
    assert value is None
    assert "alias bomb" in problems[0].message


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("a: [1, 2\nb: 3\n", (2, 2), "a list in square brackets opened at line 1, column 4 is not closed"),
        ("- {source: x, quote: y\n- id: b\n", (2, 5), "a mapping in braces opened at line 1, column 3"),
        ("- id: a\n  name: b\n   aliases: [c]\n", (3, 11), 'a "key: value" where YAML cannot take one'),
        (
            "- id: a\n  citations:\n    - {source: x, quote: y}\n   - {source: z, quote: w}\n",
            (4, 4),
            "indented unlike the keys of the mapping that starts at line 1, column 3: YAML expected another key",
        ),
        ("- id: a\n  name: b\n - id: c\n", (3, 2), 'YAML expected another "- " item at column 1'),
        ('- id: a\n  name: "b\n  x: y\n', (4, 1), "a quoted text opened at line 2, column 9 is never closed"),
        ("- id: a\n  name b\n  other: c\n", (2, 3), 'a line with no "key: value" colon'),
        ("- id: a\n  name: *nope\n", (2, 9), "an alias (*name) that no anchor (&name) above it defines"),
        ("- &a x\n- &a y\n", (2, 3), "an anchor defined a second time (first at line 1, column 3)"),
        ('- id: "a\\q"\n', (1, 9), "a backslash escape YAML does not know"),
    ],
)
def test_a_syntax_error_is_said_in_mbcs_words_where_it_is(text: str, where: tuple[int, int], says: str) -> None:
    """What is wrong, where, and what YAML expected there: never libyaml's "while parsing a block collection"."""
    value, problems = read_yaml(text, "f.yaml")
    assert value is None
    assert problems[0].location is not None
    assert (problems[0].location.line, problems[0].location.column) == where
    assert says in problems[0].message
    assert not any(word in problems[0].message for word in ("while parsing", "while scanning", "<block"))


def test_pyyamls_own_wording_is_said_the_same_way() -> None:
    """PyYAML's pure parser (where libyaml is missing) says "expected <block end>": read the same."""
    from mbc_cli.kb.read import in_mbc_words

    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose("- id: a\n  name: b\n - id: c\n", Loader=yaml.SafeLoader)
    assert "expected <block end>" in str(raised.value)
    assert 'YAML expected another "- " item at column 1' in in_mbc_words(raised.value)


def test_tabs_are_explained() -> None:
    _, problems = read_yaml("a:\n\t- 1\n", "f.yaml")
    assert "tab" in problems[0].message


def test_merge_keys_are_refused() -> None:
    _, problems = read_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yaml")
    assert any("merge keys" in p.message for p in problems)


@given(st.text(max_size=200))
def test_any_text_gives_a_value_or_located_problems_never_an_exception(text: str) -> None:
    value, problems = read_yaml(text, "f.yaml")
    assert value is not None or problems
    assert all(p.location is None or p.location.line >= 1 for p in problems)


# --- Fuzzing (pytest -m fuzz): YAML-shaped text and mutated knowledge-base files ------------------


def _read_checked(text: str) -> None:
    """read_yaml's contract on any text: no exception, a value or a problem, all located, with bounded work."""
    value, problems = within(work_budget(text), lambda: read_yaml(text, "fuzz.yaml"))
    assert value is not None or problems
    lines = line_count(text)
    for problem in problems:
        assert problem.location is not None, problem
        assert_located(problem.location, "fuzz.yaml", lines)
        assert_one_line(problem.message, "message")
    if value is not None:
        assert_plain_values(value, "fuzz.yaml", lines)


@pytest.mark.fuzz
@given(yaml_shaped())
@example("!!int ")  # found by fuzzing: IndexError, and the four below; see the regression tests after these
@example("!!float abc")
@example("!!bool maybe")
@example("1" * 4301)
def test_fuzz_yaml_shaped_text_is_read_or_refused_with_located_problems(text: str) -> None:
    _read_checked(text)


@pytest.mark.fuzz
@given(mutated_fixture_text())
def test_fuzz_mutated_knowledge_base_files_are_read_or_refused_with_located_problems(text: str) -> None:
    _read_checked(text)


# Regressions: inputs the fuzz tests above found to crash the reader, kept as plain tests.

UNCONVERTIBLE = {
    "empty int": "!!int ",  # IndexError in PyYAML's construct_yaml_int
    "empty float": "!!float ",  # IndexError
    "empty bool": "!!bool ",  # KeyError
    "bool not a bool": "- !!bool maybe",  # KeyError: 'maybe'
    "int not a number": "year: !!int 2017a",  # ValueError
    "float not a number": "percent: !!float abc",  # ValueError
}


@pytest.mark.parametrize("text", UNCONVERTIBLE.values(), ids=UNCONVERTIBLE.keys())
def test_a_tagged_value_that_is_not_of_its_type_is_a_located_problem(text: str) -> None:
    """An explicit standard tag on text it cannot convert is a problem in the file, never an exception."""
    _read_checked(text)
    _, problems = read_yaml(text, "f.yaml")
    assert problems
    assert all(p.location is not None and p.location.line == 1 for p in problems)
    assert not any("too long" in p.message for p in problems), "a few characters are not a number too long to read"


def test_an_integer_of_more_than_4300_digits_is_a_located_problem() -> None:
    """Python refuses int() of more than 4300 digits (CVE-2020-10735) with ValueError; the reader must not."""
    text = "- id: s\n  year: " + "1" * 4301 + "\n"
    _read_checked(text)
    _, problems = read_yaml(text, "f.yaml")
    assert problems
    assert all(p.location is not None and p.location.line == 2 for p in problems)


def test_a_duplicate_key_with_a_line_break_is_reported_on_one_line() -> None:
    """The key is the user's text: a line break in it must not break the message across lines."""
    _, problems = read_yaml('"a\\nb": 1\n"a\\nb": 2\n', "f.yaml")
    assert len(problems) == 1
    assert_one_line(problems[0].message, "message")
