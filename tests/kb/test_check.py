"""Broken knowledge bases: each fault is refused, located by hand-checked file:line:column, and reported cleanly."""

from __future__ import annotations

import json
import os
import random
import shlex
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from typer.testing import CliRunner

from mbc_cli.cli import app
from mbc_cli.errors import EXIT_BAD_DATA, KnowledgeBaseError, Problem
from mbc_cli.kb import load
from mbc_cli.kb.schema import FILES
from mbc_cli.model import KnowledgeBase
from mbc_cli.printable import visible

from ..conftest import FIXTURES
from ..fuzzing import (
    Replacement,
    assert_problem_shape,
    examples,
    line_count,
    mutated_fixture_bytes,
    mutated_fixture_structure,
    work_budget,
)
from ..work import within

MINIMAL = FIXTURES / "minimal"
BROKEN = FIXTURES / "broken"
KB = "kb"
"""The copy's folder inside tmp_path; the tests run from tmp_path, so locations read kb/<file>."""
PAYLOAD_FILE = "python_tag_ran.txt"
"""What the python_tag fixture's payload creates in the working directory if it ever runs."""
LOAD_WORK = 2_000_000
"""Function calls loading or validating a small broken knowledge base may make (about 220,000 do it)."""
"""Seconds any one broken knowledge base may take to be refused, alias bomb and garbage included."""

runner = CliRunner()


@dataclass(frozen=True)
class Expected:
    """One problem a fault must produce, written by hand from the fixture."""

    file: str | None
    """The knowledge-base file it is in, e.g. sites.yaml; None for a problem with no location."""
    line: int | range | None
    """The exact line, or a range where any line of the construct is a fair answer."""
    column: int | None
    """The exact column, or None where no single column is right (see the fault)."""
    message: str
    """A substring of the problem's message."""
    entry: str | None = None
    """The entry the problem must name, e.g. 'site "bone"'; None: not checked."""

    def matches(self, problem: Problem) -> bool:
        """Tell whether `problem` is this one: same place (as far as given), entry and message."""
        if self.message not in problem.message or (self.entry is not None and problem.entry != self.entry):
            return False
        where = problem.location
        if self.file is None:
            return where is None
        if where is None or where.file != f"{KB}/{self.file}":
            return False
        if isinstance(self.line, range) and where.line not in self.line:
            return False
        if isinstance(self.line, int) and where.line != self.line:
            return False
        return self.column is None or where.column == self.column


@dataclass(frozen=True)
class Fault:
    """A copy of minimal/ with one file replaced, and the problems that replacement must cause."""

    name: str
    file: str
    """The knowledge-base file the broken one replaces, e.g. sites.yaml."""
    problems: tuple[Expected, ...]
    build: Callable[[], bytes] | None = None
    """Builds the broken file at run time (binary faults); None: read broken/<name>.<file>."""

    def content(self) -> bytes:
        """Return the broken file's bytes."""
        return self.build() if self.build else (BROKEN / f"{self.name}.{self.file}").read_bytes()


def _fault(
    name: str,
    file: str,
    at: tuple[int | range, int | None],
    message: str,
    entry: str | None = None,
    build: Callable[[], bytes] | None = None,
) -> Fault:
    """A fault that causes exactly one problem, in the file it replaces."""
    return Fault(name, file, (Expected(file, at[0], at[1], message, entry),), build)


def _minimal_with(file: str, old: bytes, new: bytes) -> bytes:
    """minimal/<file> with `old` (which occurs once) replaced by `new`."""
    data = (MINIMAL / file).read_bytes()
    assert data.count(old) == 1, f"{old!r} must occur exactly once in minimal/{file}"
    return data.replace(old, new)


def _latin1_name() -> bytes:
    """sites.yaml saved as Latin-1: line 3 is '  name: b\\xf4ne', the byte 0xF4 in column 10."""
    return _minimal_with("sites.yaml", b"  name: bone\n", b"  name: b\xf4ne\n")


def _garbage() -> bytes:
    """Binary junk: 16 NUL bytes (valid UTF-8), then 0xFF at offset 16 (never UTF-8), then 64 KiB of noise."""
    return b"\x00" * 16 + b"\xff\xfe" + random.Random(20240229).randbytes(64 * 1024)


def _deep_nesting() -> bytes:
    """A list nested 100,000 deep on line 1: libyaml's composer would overflow the C stack (a crash)."""
    return b"[" * 100_000 + b"]" * 100_000 + b"\n"


def _nul_in_name() -> bytes:
    """sites.yaml, valid UTF-8, with a NUL byte at line 3, column 9 ('  name: \\x00bone')."""
    return _minimal_with("sites.yaml", b"  name: bone\n", b"  name: \x00bone\n")


NOT_UTF8 = "not UTF-8 text: save the file as UTF-8"
TAG_REFUSED = (
    "the tag !!python/object/apply:os.system is not allowed: mbc reads plain YAML only (text, numbers, lists, mappings)"
)

FAULTS: tuple[Fault, ...] = (
    # Reading: the bytes and the YAML.
    _fault("syntax_error", "sites.yaml", (32, 18), 'a "key: value" where YAML cannot take one'),
    _fault("tab_indent", "symptoms.yaml", (5, 1), "a tab in the indentation: YAML indents with spaces only"),
    _fault("duplicate_key", "sites.yaml", (4, 3), 'duplicate key "name" (first at line 3)'),
    _fault("empty_file", "local_areas.yaml", (1, 1), "the file is empty; expected a list of entries"),
    Fault(
        "python_tag",
        "notes.yaml",
        (
            Expected("notes.yaml", 13, 9, TAG_REFUSED),
            Expected("notes.yaml", 13, 9, "expected text, got a list", 'note "cells_settle_and_form_new_tumor"'),
        ),
    ),
    # Every line of the bomb takes part in it (2: the anchored list, 3-10: the aliases); which value the budget
    # runs out on, and so the column, is an accident of the expansion order.
    _fault("alias_bomb", "notes.yaml", (range(2, 11), None), "aliases expand this file to far more values"),
    _fault("invalid_utf8", "sites.yaml", (3, 10), NOT_UTF8, build=_latin1_name),
    _fault("binary_garbage", "drugs.yaml", (1, 17), NOT_UTF8, build=_garbage),
    _fault("nul_in_text", "sites.yaml", (3, 9), "unacceptable character #x0000", build=_nul_in_name),
    # The 33rd opening bracket is the first too deep.
    _fault("deep_nesting", "notes.yaml", (1, 33), "nest more than 32 levels deep", build=_deep_nesting),
    # Shape: keys, types and YAML 1.1 surprises.
    _fault(
        "unknown_key",
        "tests.yaml",
        (12, 3),
        'unknown key "alias" (did you mean "aliases"?); allowed: id, name, aliases, purpose, sites, notes',
        'test "bone_scan"',
    ),
    _fault(
        "wrong_type",
        "studies.yaml",
        (5, 9),
        "expected a whole number, got text (4,932)",
        'study "scientific_reports_2017"',
    ),
    _fault(
        "yaml11_no",
        "sources.yaml",
        (12, 10),
        'expected text, but YAML reads the unquoted no as true/false; put it in quotes: "no"',
        'source "news_article"',
    ),
    _fault(
        "yaml11_date",
        "studies.yaml",
        (3, 9),
        'expected text, but YAML reads the unquoted 2017-03-08 as a date; put it in quotes: "2017-03-08"',
        'study "scientific_reports_2017"',
    ),
    _fault("missing_key", "treatments.yaml", (15, 3), 'missing key "kind"', 'treatment "bone_strengthening"'),
    _fault(
        "bad_enum",
        "statistics.yaml",
        (9, 9),
        '"percentage" is not one of: percent, months, women, people',
        'statistic "five_year_relative_survival_nci"',
    ),
    # Across entries and files: ids, references, quotes.
    _fault("dangling_symptom", "sites.yaml", (20, 16), 'unknown symptom "bone_pain"', 'site "bone"'),
    _fault(
        "dangling_source",
        "terms.yaml",
        (8, 19),
        'unknown source "healthsite" (did you mean "health_site"?)',
        'term "metastatic_cancer"',
    ),
    _fault("duplicate_id", "symptoms.yaml", (21, 7), 'duplicate id "pain" (first at line 2)', 'symptom "pain"'),
    _fault(
        "via_not_linked",
        "sites.yaml",
        (25, 12),
        '"spinal_cord_compression" must also be linked to this site directly, with its citations',
        'site "bone"',
    ),
    _fault("long_quote", "notes.yaml", (7, 14), "quote of 289 characters: cite at most 250 (the shortest passage)"),
)
BY_NAME = {fault.name: fault for fault in FAULTS}

KNOWN_LOADER_BUGS: dict[str, str] = {}


def _params(faults: Iterable[Fault], *, known_bugs: dict[str, str] | None = None) -> list[object]:
    marks = known_bugs or {}
    return [
        pytest.param(
            fault,
            id=fault.name,
            marks=[pytest.mark.xfail(reason=marks[fault.name], strict=True)] if fault.name in marks else [],
        )
        for fault in faults
    ]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path, made the working directory, holding a fresh copy of minimal/ as kb/."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(MINIMAL, tmp_path / KB)
    return tmp_path


def _break(workdir: Path, *faults: Fault) -> Path:
    """Drop each fault's broken file into the copy; return the copy's folder."""
    folder = workdir / KB
    for fault in faults:
        (folder / fault.file).write_bytes(fault.content())
    return folder


def _problems(folder: Path) -> tuple[Problem, ...]:
    return _error(folder).problems


def _error(folder: Path) -> KnowledgeBaseError:
    with pytest.raises(KnowledgeBaseError) as raised:
        load.load(folder)
    return raised.value


def _listed(error: KnowledgeBaseError) -> list[str]:
    """The lines between the headline and the closing line: every problem, then the files not read."""
    lines = [f"  {visible(str(problem))}" for problem in error.problems]
    unread = ", ".join(error.unread)
    return lines + ([f"Not read, so not checked further (their problems may be more): {unread}"] if unread else [])


def _assert_reported(problems: tuple[Problem, ...], expected: Iterable[Expected]) -> None:
    """Each expected problem is reported exactly once, and nothing else is."""
    expected = tuple(expected)
    shown = "\n".join(str(problem) for problem in problems)
    for want in expected:
        found = [problem for problem in problems if want.matches(problem)]
        assert len(found) == 1, f"expected once: {want}\nreported:\n{shown}"
    assert len(problems) == len(expected), f"reported:\n{shown}"


def test_every_broken_fixture_has_a_fault() -> None:
    on_disk = {path.name for path in BROKEN.iterdir()}
    described = {f"{fault.name}.{fault.file}" for fault in FAULTS if fault.build is None}
    assert on_disk == described
    assert all(fault.file.removesuffix(".yaml") in {kind.file for kind in FILES} for fault in FAULTS)


def test_minimal_knowledge_base_loads_without_problems() -> None:
    entries, problems, _ = load.read_folder(MINIMAL)
    assert problems == []
    built, problems = load.build(entries, "minimal")
    assert problems == []
    assert built is not None
    assert set(entries) == set(FILES)
    assert all(1 <= len(items) <= 3 for items in entries.values()), {k: len(v) for k, v in entries.items()}
    assert built.notes["contact_care_team"].topic == "advice"


def test_minimal_knowledge_base_validates_on_the_command_line(workdir: Path) -> None:
    result = runner.invoke(app, ["validate", KB])
    assert result.exit_code == 0, result.output
    assert f"Knowledge base OK: {KB}" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("fault", _params(FAULTS))
def test_a_broken_knowledge_base_is_refused(workdir: Path, fault: Fault) -> None:
    folder = _break(workdir, fault)
    with pytest.raises(KnowledgeBaseError) as raised:
        load.load(folder)
    assert raised.value.problems
    assert raised.value.exit_code == EXIT_BAD_DATA


@pytest.mark.parametrize("fault", _params(FAULTS, known_bugs=KNOWN_LOADER_BUGS))
def test_each_problem_names_its_file_line_column_and_entry(workdir: Path, fault: Fault) -> None:
    problems = _problems(_break(workdir, fault))
    _assert_reported(problems, fault.problems)
    assert all("\n" not in problem.message for problem in problems), "one line per problem"


@pytest.mark.parametrize("fault", _params(FAULTS))
def test_validate_prints_every_problem_on_stderr_and_exits_3(workdir: Path, fault: Fault) -> None:
    error = _error(_break(workdir, fault))
    problems = error.problems
    result = runner.invoke(app, ["validate", KB])
    assert result.exit_code == EXIT_BAD_DATA, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, KnowledgeBaseError)
    lines = result.stderr.splitlines()
    noun = "problem" if len(problems) == 1 else "problems"
    assert lines[0] == f"The knowledge base at {KB} has {len(problems)} {noun}."
    assert lines[1:-1] == _listed(error)
    assert lines[-1] == f"Fix these, then run: mbc validate {KB}"  # the command that was run, to run again
    for want in fault.problems:
        assert want.message in result.stderr
        assert f"  {KB}/{want.file}:" in result.stderr


@pytest.mark.parametrize("fault", _params(FAULTS))
def test_a_broken_knowledge_base_is_refused_with_bounded_work(workdir: Path, fault: Fault) -> None:
    folder = _break(workdir, fault)
    with pytest.raises(KnowledgeBaseError):
        within(LOAD_WORK, lambda: load.load(folder))
    result = within(LOAD_WORK, lambda: runner.invoke(app, ["validate", KB]))
    assert result.exit_code == EXIT_BAD_DATA


def test_a_python_tag_runs_nothing(workdir: Path) -> None:
    fault = BY_NAME["python_tag"]
    _problems(_break(workdir, fault))
    result = runner.invoke(app, ["validate", KB])
    assert result.exit_code == EXIT_BAD_DATA
    assert TAG_REFUSED in result.stderr
    assert not (workdir / PAYLOAD_FILE).exists()
    assert [path.name for path in workdir.iterdir()] == [KB]


def test_the_python_tag_payload_would_run_under_an_unsafe_loader(workdir: Path) -> None:
    """The control for the test above: the payload is live, so its absence there means something."""
    text = (BROKEN / "python_tag.notes.yaml").read_text(encoding="utf-8")
    yaml.unsafe_load(text)
    assert (workdir / PAYLOAD_FILE).read_text(encoding="utf-8").strip() == "hacked"


def test_a_condition_whose_kind_is_broken_is_one_problem_not_a_crash(workdir: Path) -> None:
    """Found by fuzzing: with every file checked in one pass, a site's symptom that comes via a condition whose
    own `kind` is missing is that one problem, said where it is, not a KeyError."""
    symptoms = workdir / KB / "symptoms.yaml"
    text = symptoms.read_text(encoding="utf-8")
    assert "  kind: condition\n" in text
    symptoms.write_text(text.replace("  kind: condition\n", "  kind: null\n", 1), encoding="utf-8")
    (problem,) = _problems(workdir / KB)
    assert problem.location is not None and problem.location.file.endswith("symptoms.yaml")
    assert problem.message == '"null" is not one of: symptom, condition'


def test_faults_in_several_files_are_all_reported_at_once(workdir: Path) -> None:
    names = ("yaml11_no", "duplicate_key", "tab_indent", "unknown_key", "wrong_type", "bad_enum", "missing_key")
    faults = [BY_NAME[name] for name in names]
    assert len({fault.file for fault in faults}) == len(faults), "one fault per file"
    problems = _problems(_break(workdir, *faults))
    _assert_reported(problems, (want for fault in faults for want in fault.problems))


def test_reference_faults_in_several_files_are_all_reported_at_once(workdir: Path) -> None:
    faults = [BY_NAME[name] for name in ("dangling_symptom", "duplicate_id", "long_quote")]
    problems = _problems(_break(workdir, *faults))
    _assert_reported(problems, (want for fault in faults for want in fault.problems))


def test_a_missing_file_and_unknown_files_are_reported(workdir: Path) -> None:
    folder = workdir / KB
    (folder / "sites.yaml").rename(folder / "sites.yml")
    shutil.copy(folder / "notes.yaml", folder / "extra.yaml")
    unknown = "unknown file; a knowledge base has: sources.yaml, sites.yaml, local_areas.yaml, symptoms.yaml"
    problems = _problems(folder)
    _assert_reported(
        problems,
        (
            Expected("sites.yml", 1, 1, unknown),
            Expected("extra.yaml", 1, 1, unknown),
            Expected(None, None, None, f"missing file {KB}/sites.yaml"),
        ),
    )
    result = runner.invoke(app, ["validate", KB])
    assert result.exit_code == EXIT_BAD_DATA
    assert result.stdout == ""
    assert f"  {KB}/sites.yml:1:1: unknown file;" in result.stderr
    assert f"  {KB}/extra.yaml:1:1: unknown file;" in result.stderr
    assert f"  missing file {KB}/sites.yaml\n" in result.stderr


def test_a_huge_file_is_refused_without_being_read(workdir: Path) -> None:
    """A 1 TiB file (sparse: it takes no disk) would exhaust memory if mbc read it."""
    folder = workdir / KB
    with (folder / "notes.yaml").open("r+b") as notes:
        notes.truncate(2**40)
    problems = within(LOAD_WORK, lambda: _problems(folder))
    result = within(LOAD_WORK, lambda: runner.invoke(app, ["--kb", KB, "site", "bone"]))
    _assert_reported(
        problems,
        (Expected("notes.yaml", 1, 1, "the file is 1,048,576.0 MB; a knowledge-base file may be at most 64 MB"),),
    )
    assert result.exit_code == EXIT_BAD_DATA
    assert f"  {KB}/notes.yaml:1:1: the file is 1,048,576.0 MB" in result.stderr


@pytest.mark.parametrize("make", ["folder", "fifo"])
def test_a_file_that_is_not_a_regular_file_is_refused_without_waiting(workdir: Path, make: str) -> None:
    """A folder named notes.yaml cannot be read; a named pipe would block the reader forever."""
    notes = workdir / KB / "notes.yaml"
    notes.unlink()
    if make == "folder":
        notes.mkdir()
    else:
        os.mkfifo(notes)
    result = within(LOAD_WORK, lambda: runner.invoke(app, ["--kb", KB, "site", "bone"]))
    assert result.exit_code == EXIT_BAD_DATA, result.output
    assert f"  {KB}/notes.yaml:1:1: cannot read the file: not a regular file" in result.stderr


QUESTIONS = (["site", "bone"], ["symptom", "headache"], ["treatments", "--her2-positive"])
"""The three questions mbc answers most: each must refuse a broken --kb the same way."""


@pytest.mark.parametrize("where", ["the folder", "a file"])
def test_a_symlink_loop_is_a_knowledge_base_problem_not_a_bug(workdir: Path, where: str) -> None:
    """A link that points at itself cannot be opened: exit 3 with the path, like any unreadable path."""
    if where == "the folder":
        (workdir / "loop").symlink_to("loop")
        given, expected = "loop", "  loop cannot be opened (Too many levels of symbolic links)"
    else:
        notes = workdir / KB / "notes.yaml"
        notes.unlink()
        notes.symlink_to("notes.yaml")
        given, expected = KB, f"  {KB}/notes.yaml:1:1: cannot read the file: Too many levels of symbolic links"
    for question in QUESTIONS:
        result = runner.invoke(app, ["--kb", given, *question])
        assert result.exit_code == EXIT_BAD_DATA, result.output
        assert result.stderr.splitlines()[1].startswith(expected), result.stderr
        assert "bug" not in result.stderr


@pytest.mark.parametrize("fault", _params(FAULTS))
def test_a_broken_kb_given_with_kb_stops_every_question(workdir: Path, fault: Fault) -> None:
    """Each fault stops one of the three questions (in turn): all three read the knowledge base one way."""
    question = QUESTIONS[FAULTS.index(fault) % len(QUESTIONS)]
    error = _error(_break(workdir, fault))
    result = within(LOAD_WORK, lambda: runner.invoke(app, ["--kb", KB, *question]))
    assert result.exit_code == EXIT_BAD_DATA, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert _listed(error) == result.stderr.splitlines()[1:-1]
    assert result.stderr.splitlines()[-1] == "Fix these, then run: " + shlex.join(["mbc", "--kb", KB, *question])
    assert not list(workdir.glob("**/*.marshal")), "a broken knowledge base is never cached"


@pytest.mark.parametrize("fault", _params(FAULTS))
def test_a_broken_kb_answers_json_with_every_problem_located(workdir: Path, fault: Fault) -> None:
    problems = _problems(_break(workdir, fault))
    result = runner.invoke(app, ["--kb", KB, "site", "bone", "--json"])
    assert result.exit_code == EXIT_BAD_DATA
    error = json.loads(result.stdout)["error"]
    assert error["code"] == EXIT_BAD_DATA
    assert error["reason"] == "knowledge_base"
    assert error["path"] == KB
    located = [(p["file"], p["line"], p["column"], p["message"]) for p in error["problems"]]
    assert located == [
        (p.location.file, p.location.line, p.location.column, p.message)
        if p.location
        else (None, None, None, p.message)
        for p in problems
    ]


def test_kb_from_the_environment_is_checked_the_same_way(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break(workdir, BY_NAME["duplicate_key"])
    monkeypatch.setenv("MBC_KB", KB)
    result = runner.invoke(app, ["site", "bone"])
    assert result.exit_code == EXIT_BAD_DATA
    assert f'  {KB}/sites.yaml:4:3: duplicate key "name" (first at line 3)' in result.stderr


# --- Fuzzing (pytest -m fuzz): the minimal knowledge base with one file mutated -------------------


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of minimal/ that each fuzz example breaks one file of, and restores (hypothesis runs many
    examples per test, so it cannot use the function-scoped tmp_path)."""
    folder = tmp_path_factory.mktemp("fuzz") / KB
    shutil.copytree(MINIMAL, folder)
    return folder


def _load_replaced(folder: Path, replacement: Replacement) -> KnowledgeBase | KnowledgeBaseError:
    """Load `folder` with one file replaced: a knowledge base or KnowledgeBaseError, nothing else, in time.

    Every problem is in that folder (or has no location), on a line the file has, and says one line.
    """
    target = folder / replacement.file
    target.write_bytes(replacement.content)

    def loaded() -> KnowledgeBase | KnowledgeBaseError:
        try:
            return load.load(folder)
        except KnowledgeBaseError as error:
            return error

    try:
        result = within(LOAD_WORK + work_budget(replacement.content.decode(errors="replace")), loaded)
    finally:
        shutil.copyfile(MINIMAL / replacement.file, target)
    if isinstance(result, KnowledgeBase):
        return result
    assert result.problems
    inside = folder.resolve()
    for problem in result.problems:
        assert_problem_shape(problem)
        if problem.location is None:
            continue
        file = (Path.cwd() / problem.location.file).resolve()
        assert file.is_relative_to(inside), problem
        content = replacement.content if file.name == replacement.file else file.read_bytes()
        lines = line_count(content.decode("utf-8", errors="replace"))
        assert 1 <= problem.location.line <= lines + 1, f"{problem}: past the end ({lines} lines)"
        assert problem.location.column >= 1, problem
    return result


BIG_YEAR = Replacement("studies.yaml", _minimal_with("studies.yaml", b"year: 2017", b"year: " + b"1" * 4301), "")
"""Found by fuzzing: an integer of more than 4300 digits made load.load raise ValueError."""
NEWLINE_KEY = Replacement(
    "drugs.yaml", _minimal_with("drugs.yaml", b"  class: bone-", b'  "\\n": 1\n  class: bone-'), "key"
)
"""Found by fuzzing: a key with a line break in it is repeated, line break and all, in a message."""


@pytest.mark.fuzz
@settings(max_examples=examples(4))  # ~20-40 ms an example: a copy's file written, loaded, restored
@given(mutated_fixture_bytes())
@example(BIG_YEAR)
def test_fuzz_a_knowledge_base_with_mutated_bytes_loads_or_is_refused_cleanly(
    fuzz_folder: Path, replacement: Replacement
) -> None:
    _load_replaced(fuzz_folder, replacement)


@pytest.mark.fuzz
@settings(max_examples=examples(4))  # as above, and the file is read and written back by PyYAML first
@given(mutated_fixture_structure())
@example(NEWLINE_KEY)
def test_fuzz_a_knowledge_base_with_wrong_values_loads_or_is_refused_cleanly(
    fuzz_folder: Path, replacement: Replacement
) -> None:
    _load_replaced(fuzz_folder, replacement)


# Regressions: knowledge bases the fuzz tests above found to crash the loader or break its messages.


def test_a_year_of_more_than_4300_digits_is_a_located_problem(workdir: Path) -> None:
    (workdir / KB / BIG_YEAR.file).write_bytes(BIG_YEAR.content)
    problems = _problems(workdir / KB)  # raised ValueError (Python's int() digit limit) instead
    assert problems
    assert {(p.location.file, p.location.line) for p in problems if p.location} == {(f"{KB}/studies.yaml", 4)}


ONE_LINE_FAULTS = {
    "unknown key": ("drugs.yaml", b"  class: bone-", b'  "a\\nb": 1\n  class: bone-'),
    "id, and the entry label": ("sites.yaml", b"- id: bone\n", b'- id: "bo\\nne"\n'),
    "wrong type": ("studies.yaml", b"size: 4932", b'size: "4\\r932"'),
    "not one of": ("sites.yaml", b"prevalence: common", b'prevalence: "common\\u2028"'),
    "a list, not a record": ("studies.yaml", b"- id: scientific", b'- "x\\ny"\n- id: scientific'),
}
"""A line break in the user's text, echoed in a message: found by fuzzing the values (CR, LS count too)."""


@pytest.mark.parametrize("fault", ONE_LINE_FAULTS.values(), ids=ONE_LINE_FAULTS.keys())
def test_a_line_break_in_the_text_never_breaks_a_message_across_lines(
    workdir: Path, fault: tuple[str, bytes, bytes]
) -> None:
    file, old, new = fault
    (workdir / KB / file).write_bytes(_minimal_with(file, old, new))
    problems = _problems(workdir / KB)
    assert problems
    for problem in problems:
        assert_problem_shape(problem)
