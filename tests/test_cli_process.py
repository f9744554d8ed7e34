"""mbc as a real process: closed pipes, plain output, every width, any encoding, odd bytes, where it writes.

Each test starts `python -m mbc_cli` (with this interpreter, so in any venv) in a clean environment:
its cache in the test's own folder, no $MBC_KB, and none of the variables that would force colour or
a size on Rich. The processes of a test run side by side, so the file stays fast.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from subprocess import CompletedProcess
from typing import IO, Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from mbc_cli.cli import app
from mbc_cli.kb import cache, locate

ROOT = Path(__file__).resolve().parent.parent
MBC = (sys.executable, "-m", "mbc_cli")
TIMEOUT = 60
"""Seconds a process may take before the test fails: a hang, never a slow machine (a run takes ~0.4 s)."""
WORKERS = (os.cpu_count() or 1) + 1
"""Processes run at once: one per CPU, and one more that starts while the others finish."""
EXIT_OK, EXIT_NOT_FOUND, EXIT_CANNOT_WRITE, EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 0, 1, 74, 130, 141
UNSET = ("MBC_KB", "FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES")
"""Variables that would change what a test measures: another knowledge base, forced colour, a forced size."""


@pytest.fixture(scope="module")
def compiled() -> Path | None:
    """The bundled knowledge base compiled once, so that each process reads it instead of parsing YAML.

    None when mbc ships it compiled (an installed wheel): then no process parses YAML anyway.
    """
    bundled = locate.bundled_path()
    digest = cache.fingerprint(bundled)
    assert digest is not None
    cache.open_kb(bundled)  # compiles it into the session's cache folder (see conftest.py)
    cached = cache.cache_file(digest)
    return cached if cached.is_file() else None


def environment(tmp_path: Path, **changes: str | None) -> dict[str, str]:
    """This process's environment for mbc: the cache in `tmp_path`, UTF-8 output, then `changes` (None unsets)."""
    env = {name: value for name, value in os.environ.items() if name not in UNSET}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONIOENCODING="utf-8", TERM="xterm-256color")
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def warm(tmp_path: Path, compiled: Path | None, **changes: str | None) -> dict[str, str]:
    """The environment, with the compiled bundled knowledge base already in its cache folder."""
    env = environment(tmp_path, **changes)
    if compiled is not None:
        folder = Path(env["XDG_CACHE_HOME"]) / "mbc"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(compiled, folder / compiled.name)
    return env


def mbc(
    args: Sequence[str | bytes],
    env: Mapping[str, str],
    *,
    cwd: Path | None = None,
    stdout: IO[bytes] | int = subprocess.PIPE,
    stderr: IO[bytes] | int = subprocess.PIPE,
) -> CompletedProcess[bytes]:
    """Run mbc with `args` and wait for it; its output as bytes."""
    return subprocess.run([*MBC, *args], env=env, cwd=cwd, stdout=stdout, stderr=stderr, timeout=TIMEOUT, check=False)


def side_by_side(jobs: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run `jobs` (each starts and waits for processes) a few at a time; their results in order."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda job: job(), jobs))


def many(runs: Sequence[tuple[Sequence[str | bytes], Mapping[str, str]]]) -> list[CompletedProcess[bytes]]:
    """Run mbc once for each (args, env), side by side; the results in the same order."""
    return side_by_side([partial(mbc, args, env) for args, env in runs])


def answered_here(args: Sequence[str]) -> Any:
    """The JSON answer to `args` from mbc run in this process: the reference for answers that do not
    depend on the terminal, without the cost of another process."""
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    return json.loads(result.stdout)


def shown(done: CompletedProcess[bytes]) -> str:
    """A finished run, for assertion messages."""
    return f"exit {done.returncode}\n--- stdout\n{done.stdout!r}\n--- stderr\n{done.stderr!r}"


# 1. A reader that stops reading


def closed_early(args: Sequence[str], env: Mapping[str, str], *, take: int) -> tuple[int, bytes, bytes]:
    """Run mbc into a pipe whose reader takes `take` bytes (0: is gone before mbc starts) and closes it.

    The pipe holds one page (Linux lets the test shrink it; elsewhere it holds 64 kB), so an answer
    longer than that is still being written when the reader leaves. Returns mbc's exit code, its
    stderr and the bytes read.
    """
    reader, writer = os.pipe()
    if sys.platform == "linux":
        import fcntl

        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
    if not take:
        os.close(reader)
    try:
        process = subprocess.Popen([*MBC, *args], env=env, stdout=writer, stderr=subprocess.PIPE)
    finally:
        os.close(writer)
    try:
        first = os.read(reader, take) if take else b""
    finally:
        if take:
            os.close(reader)
    try:
        _, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        process.kill()  # only if it still runs: a hang
    return process.returncode, stderr, first


def test_a_closed_pipe_ends_quietly_with_141(tmp_path: Path, compiled: Path | None) -> None:
    """When whoever reads the answer stops reading, mbc exits 141 with an empty stderr: no
    Traceback, no "Exception ignored", no BrokenPipeError.

    `mbc sites | true`: the reader is gone before mbc writes a byte (`sites` is shorter than the
    smallest pipe, so a reader that took a few bytes first would have let mbc write all of it).
    `mbc terms --evidence | head -c 40`: the reader takes a few bytes of a ~70 kB answer and leaves
    while mbc is still writing; whether Python buffers stdout or not (PYTHONUNBUFFERED=1, common in
    containers), which changes how a write to a closed pipe fails.
    """
    env = warm(tmp_path, compiled, PYTHONUNBUFFERED=None)
    cases = {
        "sites, reader gone": partial(closed_early, ["sites"], env, take=0),
        "terms --evidence, 40 bytes read": partial(closed_early, ["terms", "--evidence"], env, take=40),
        "terms --evidence, 40 bytes read, PYTHONUNBUFFERED=1": partial(
            closed_early, ["terms", "--evidence"], {**env, "PYTHONUNBUFFERED": "1"}, take=40
        ),
    }
    results = dict(zip(cases, side_by_side(list(cases.values())), strict=True))
    wrong = {
        case: (code, stderr) for case, (code, stderr, _) in results.items() if (code, stderr) != (EXIT_CLOSED_PIPE, b"")
    }
    assert not wrong, "\n".join(f"{case}: exit {code}, stderr {stderr!r}" for case, (code, stderr) in wrong.items())
    assert all(first for case, (_, _, first) in results.items() if "bytes read" in case), "mbc wrote nothing"


def test_a_shell_pipe_into_head_shows_the_first_line_and_nothing_else(tmp_path: Path, compiled: Path | None) -> None:
    """`mbc sites | head -1` in bash: head prints the answer's first line, stderr stays empty and
    mbc ends with 0 (it wrote everything before head left) or 141 (it had not), never a failure."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = '"$0" -m mbc_cli sites | head -1; echo "mbc exit ${PIPESTATUS[0]}"'
    done = subprocess.run(
        [bash, "-c", script, sys.executable],
        env=warm(tmp_path, compiled),
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    title = CliRunner().invoke(app, ["sites"]).stdout.splitlines()[0]
    assert done.stderr == b"", shown(done)
    first, status = done.stdout.decode().splitlines()
    assert first == title
    assert status in (f"mbc exit {EXIT_OK}", f"mbc exit {EXIT_CLOSED_PIPE}")


def test_an_answer_that_cannot_be_written_is_an_error_not_silence(tmp_path: Path, compiled: Path | None) -> None:
    """`mbc site bone >&-` (no standard output at all) and `> /dev/full` (every write fails) exit 74
    with one line on stderr, as `ls >&-` reports a write error: never 0 with the answer lost."""
    env = warm(tmp_path, compiled)
    script = '"$0" -m mbc_cli site bone >&-'
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    in_bash = partial(subprocess.run, env=env, stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
    runs: dict[str, Callable[[], CompletedProcess[bytes]]] = {
        "closed": partial(in_bash, [bash, "-c", script, sys.executable]),
        "closed, json": partial(in_bash, [bash, "-c", script + " --json", sys.executable]),
    }
    if Path("/dev/full").exists():  # Linux: every write fails with "No space left on device"

        def into_full_device(args: Sequence[str]) -> CompletedProcess[bytes]:
            with open("/dev/full", "wb") as full:
                return mbc(args, env, stdout=full)

        for args in (["site", "bone"], ["site", "bone", "--json"], ["sites", "--format", "markdown"]):
            runs[f"/dev/full {' '.join(args)}"] = partial(into_full_device, args)
    for case, done in zip(runs, side_by_side(list(runs.values())), strict=True):
        assert done.returncode == EXIT_CANNOT_WRITE, f"{case}: {shown(done)}"
        lines = done.stderr.decode().splitlines()
        assert len(lines) == 1, f"{case}: {shown(done)}"
        assert lines[0].startswith("Cannot write the answer: "), f"{case}: {shown(done)}"


INTERRUPTED_AT = {
    "importing Typer": "typer",
    "importing Rich's console": "rich.console",
    "importing the model": "mbc_cli.model",
    "importing a renderer": "mbc_cli.render.table",
}
"""Where a Ctrl-C is made to land, deterministically: the moment each module is first imported."""


@pytest.mark.parametrize("module", INTERRUPTED_AT.values(), ids=INTERRUPTED_AT.keys())
def test_ctrl_c_while_starting_is_quiet_with_130(tmp_path: Path, compiled: Path | None, module: str) -> None:
    """A KeyboardInterrupt raised as `module` is imported (as Ctrl-C would, wherever it lands while mbc
    starts) ends mbc with 130 and nothing on stderr: no traceback, no "Aborted!"."""
    code = f"""
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
sys.argv[0] = "mbc"
from mbc_cli.__main__ import main
main()
"""
    done = subprocess.run(
        [sys.executable, "-c", code, "site", "bone"],
        env=warm(tmp_path, compiled),
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert (done.returncode, done.stderr) == (EXIT_INTERRUPTED, b""), shown(done)


def test_ctrl_c_while_answering_is_quiet_with_130(monkeypatch: pytest.MonkeyPatch) -> None:

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cache, "open_kb", interrupted)
    result = CliRunner().invoke(app, ["site", "bone"])
    assert (result.exit_code, result.stdout, result.stderr) == (EXIT_INTERRUPTED, "", "")


# 2. Plain text when the output is not a terminal


def test_output_that_is_not_a_terminal_is_plain_text(tmp_path: Path, compiled: Path | None) -> None:
    """A file or a pipe gets no escape codes, for an answer (bold titles on a terminal) and for an
    error (red on a terminal); and NO_COLOR=1 or TERM=dumb change nothing: the same text, no crash.

    FORCE_COLOR is unset in every run (it asks Rich for colour even in a pipe, so a user who sets it gets colour).
    """
    env = warm(tmp_path, compiled)
    to_file, errors_to_file = tmp_path / "answer.txt", tmp_path / "errors.txt"
    with to_file.open("wb") as out, errors_to_file.open("wb") as err:
        answer_in_file, error_in_file, answer, no_color, dumb, error = side_by_side(
            [
                partial(mbc, ["site", "bone"], env, stdout=out),
                partial(mbc, ["site", "bonee"], env, stdout=subprocess.DEVNULL, stderr=err),
                partial(mbc, ["site", "bone"], env),
                partial(mbc, ["site", "bone"], {**env, "NO_COLOR": "1"}),
                partial(mbc, ["site", "bone"], {**env, "TERM": "dumb"}),
                partial(mbc, ["site", "bonee"], env),
            ]
        )
    for done in (answer_in_file, answer, no_color, dumb):
        assert (done.returncode, done.stderr) == (EXIT_OK, b""), shown(done)
    assert (error_in_file.returncode, error.returncode) == (EXIT_NOT_FOUND, EXIT_NOT_FOUND), shown(error)
    answers = {"file": to_file.read_bytes(), "pipe": answer.stdout, "NO_COLOR": no_color.stdout, "dumb": dumb.stdout}
    errors = {"file": errors_to_file.read_bytes(), "pipe": error.stderr}
    for where, text in (*answers.items(), *errors.items()):
        assert b"\x1b" not in text, f"escape codes in {where}: {text[:200]!r}"
    assert answers["pipe"].startswith(b"What spread to the bone")
    assert all(text == answers["pipe"] for text in answers.values()), "the answer changed with where it goes"
    assert b'No site "bonee"' in errors["pipe"]
    assert errors["file"] == errors["pipe"]
    assert error.stdout == b""


# 3. Every width: nothing past the edge, no word lost


WIDTHS = {
    "site bone": (20, 59, 80, 132, 300),
    "treatments --her2-positive": (20, 40, 80, 132, 200),
    "tests": (20, 21, 59, 80, 132),
}
"""Terminal widths to try for each command: each of 20, 21, 40, 59, 80, 132, 200 and 300 for some
command, not all for each (a process costs ~0.4 s). With the bundled knowledge base as it stands:
at 20, 21 and 40 every section stacks its rows, and 20 and 21 fold the URLs; at 59 site bone's and
tests' tables fit, with room to share out; at 80, the default, treatments still stacks; at 132
every section is a table; at 200 and 300 most columns have all the room they can use."""
SEPARATOR = re.compile(r"\|(?:---\|)+")
ESCAPED = re.compile(r"\\([\\`*_\[\]<>|#])")
"""Markdown's escapes (mbc_cli.render.markdown._inline), undone to get the text back."""


def markdown_words(markdown: str) -> Counter[str]:
    """Every word the answer shows, counted, read from its Markdown rendering.

    Markdown writes each title, line, note, reference and table cell whole, on one line, from the
    same Document as the table; undoing its markup ('# ', '- ', '> **…**', '_…_', '|' between
    cells, backslash escapes, '<!-- mbc: … -->' around what the table shows of how it read the words)
    gives the text the table must show. Two differences are taken out: a table's header row (the
    column names, which a narrow terminal shows as 'name:' labels, or not at all for the first
    column, when it stacks the rows), and the citations: footnotes keyed by source ('[^nci]', and
    '[^nci]: …' for the reference) in Markdown, numbered in the order first cited in the table
    ('[1]', and '[1] …'), which is the order of their first references in the Markdown.
    """
    numbers: dict[str, int] = {}
    for label in re.findall(r"\[\^([^\]]+)\](?!:)", markdown):
        numbers.setdefault(label, len(numbers) + 1)
    markdown = re.sub(r"^\[\^([^\]]+)\]: ", lambda m: f"[{numbers[m.group(1)]}] ", markdown, flags=re.MULTILINE)
    markdown = re.sub(r"\[\^([^\]]+)\]", lambda m: f"[{numbers[m.group(1)]}]", markdown)
    markdown = re.sub(r"^<!-- mbc: (.*) -->$", r"\1", markdown, flags=re.MULTILINE)
    words: Counter[str] = Counter()
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if SEPARATOR.fullmatch(line) or SEPARATOR.fullmatch(following):
            continue
        if line.startswith("|"):
            words.update(ESCAPED.sub(r"\1", token) for token in line.split() if token != "|")
            continue
        if line.startswith("> **") and line.endswith("**"):
            line = line[4:-2]
        elif line.startswith("_") and line.endswith("_"):  # italic: an empty section's message
            line = line[1:-1]
        line = re.sub(r"^(?:#+ |- )", "", line)
        words.update(ESCAPED.sub(r"\1", line).split())
    return words


def words_lost(table: str, reference: Counter[str], width: int) -> list[str]:
    """The reference's words missing from `table`, counted with repeats.

    A word that fits in `width` must appear whole (mbc sizes its tables so that no word is split,
    and stacks a table's rows when it cannot). A longer word, such as a URL on a narrow terminal,
    can only be folded across lines: it must appear once the output's whitespace is removed.
    """
    whole = Counter(table.split())
    squeezed = "".join(table.split())
    lost = []
    for word, count in reference.items():
        found = squeezed.count(word) if cell_len(word) > width else whole[word]
        if found < count:
            lost.append(f"{word!r} (shown {found} of {count} times)")
    return lost


@pytest.mark.parametrize("command", list(WIDTHS))
def test_every_width_keeps_every_word_and_stays_inside_the_terminal(
    tmp_path: Path, compiled: Path | None, command: str
) -> None:
    """At COLUMNS from 20 to 300 the table answer exits 0, no line is wider than the terminal, and
    no text is lost: every word of the same answer's Markdown (which writes each cell whole) is in
    the table, as often (see `markdown_words` for what counts and `words_lost` for folded words).

    The Markdown does not depend on the width, so it is asked for once, in this process.
    """
    env = warm(tmp_path, compiled)
    markdown = CliRunner().invoke(app, [*command.split(), "--format", "markdown"])
    assert (markdown.exit_code, markdown.stderr) == (EXIT_OK, ""), markdown.output
    reference = markdown_words(markdown.stdout)
    widths = WIDTHS[command]
    tables = many([(command.split(), {**env, "COLUMNS": str(width)}) for width in widths])
    problems = []
    for width, done in zip(widths, tables, strict=True):
        if (done.returncode, done.stderr) != (EXIT_OK, b""):
            problems.append(f"COLUMNS={width}: {shown(done)}")
            continue
        text = done.stdout.decode()
        problems += [f"COLUMNS={width}: line {cell_len(line)} wide: {line!r}" for line in wide(text, width)]
        problems += [f"COLUMNS={width}: lost {word}" for word in words_lost(text, reference, width)]
    assert not problems, "\n".join(problems)


def test_a_terminal_narrower_than_20_columns_gets_the_20_column_answer(tmp_path: Path, compiled: Path | None) -> None:
    """COLUMNS=0 made Rich print nothing at all, with exit 0; 1 made a letter a line. Below 20
    columns mbc lays out 20 wide and lets the terminal wrap."""
    env = warm(tmp_path, compiled)
    runs = many([(["tests"], {**env, "COLUMNS": columns}) for columns in ("20", "0", "1", "19")])
    for done in runs:
        assert (done.returncode, done.stderr) == (EXIT_OK, b""), shown(done)
        assert done.stdout == runs[0].stdout, shown(done)
    assert b"bone scan" in runs[0].stdout


def wide(text: str, width: int) -> Iterator[str]:
    """The lines of `text` wider than `width` terminal cells."""
    return (line for line in text.splitlines() if cell_len(line) > width)


# 4. Outputs that are not UTF-8


ENCODINGS = ("ascii", "latin-1")


def test_an_output_that_is_not_utf8_gets_every_answer_in_its_own_encoding(
    tmp_path: Path, compiled: Path | None
) -> None:
    """With PYTHONIOENCODING=ascii or latin-1 the table decodes in that encoding, and the JSON is
    valid in it and says exactly what a UTF-8 run's JSON says (other characters become escapes)."""
    env = warm(tmp_path, compiled)
    runs: list[tuple[Sequence[str], Mapping[str, str]]] = []
    for encoding in ENCODINGS:
        other = {**env, "PYTHONIOENCODING": encoding}
        runs += [(["site", "bone"], other), (["site", "bone", "--json"], other)]
    others = many(runs)
    expected = answered_here(["site", "bone"])
    for done in others:
        assert (done.returncode, done.stderr) == (EXIT_OK, b""), shown(done)
    for encoding, table, as_json in zip(ENCODINGS, others[::2], others[1::2], strict=True):
        assert table.stdout.decode(encoding).startswith("What spread to the bone"), encoding
        assert json.loads(as_json.stdout.decode(encoding)) == expected, encoding


# 5. Arguments that are not UTF-8


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@pytest.mark.parametrize(
    ("args", "echoed"),
    [([b"symptom", b"headache", b"\xff\xfe"], True), ([b"site", b"\xffbone"], False)],
    ids=["symptom", "site"],
)
def test_arguments_that_are_not_utf8_are_shown_escaped_never_raw(
    tmp_path: Path, compiled: Path | None, args: list[bytes], echoed: bool
) -> None:
    """Bytes that are not UTF-8 on the command line (a Latin-1 terminal, a mangled file name) are
    answered without a traceback and never written raw: the JSON is strict UTF-8, valid, holds no
    lone surrogate that a strict reader would choke on, and echoes the argument escaped (\\udcff);
    so do the table and its messages where they echo it (`symptom` lists the terms, and says which
    matched nothing). `site` drops what cannot be printed when it compares names (as for any name),
    so it answers for bone, and its table does not repeat what was typed."""
    env = warm(tmp_path, compiled)
    table, as_json = many([(args, env), ([*args, b"--json"], env)])
    for done in (table, as_json):
        assert done.returncode in (EXIT_OK, EXIT_NOT_FOUND), shown(done)
        assert b"Traceback" not in done.stderr, shown(done)
        for output in (done.stdout, done.stderr):
            assert b"\xff" not in output, shown(done)
            output.decode("utf-8", errors="strict")
    if echoed:
        assert "\\udcff" in (table.stdout + table.stderr).decode(), shown(table)
    document = json.loads(as_json.stdout.decode("utf-8", errors="strict"))
    for text in strings(document):
        text.encode("utf-8", errors="strict")
    assert any("\\udcff" in text for text in strings(document)), as_json.stdout.decode()


# 6. Nothing written but the cache

TOOL_CACHES = {"__pycache__", ".hypothesis", ".git", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
"""Folders that Python, git and the development tools write on their own: not mbc's doing."""


def snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """Every file under `root` with its size and modification time; every folder, as (-1, -1)."""
    found: dict[Path, tuple[int, int]] = {}
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name not in TOOL_CACHES]
        for name in folders:
            found[Path(folder, name)] = (-1, -1)
        for name in files:
            if not name.endswith(".pyc"):
                info = Path(folder, name).lstat()
                found[Path(folder, name)] = (info.st_size, info.st_mtime_ns)
    return found


def changed(before: Mapping[Path, tuple[int, int]], after: Mapping[Path, tuple[int, int]]) -> set[Path]:
    """Paths added, removed or modified between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def test_nothing_is_written_outside_the_cache_folder(tmp_path: Path) -> None:
    """With HOME, XDG_CACHE_HOME, TMPDIR and the working folder all in the test's folder, answers
    from the bundled knowledge base and from a copy of the minimal one (twice: the cache written,
    then read) change no file but those in $XDG_CACHE_HOME/mbc: not the repository, not the copied
    knowledge base, not the home or working folder."""
    home, work, temporary, kb = tmp_path / "home", tmp_path / "work", tmp_path / "tmp", tmp_path / "kb"
    for folder in (home, work, temporary):
        folder.mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", kb)
    env = environment(tmp_path, HOME=str(home), TMPDIR=str(temporary))
    cache_dir = Path(env["XDG_CACHE_HOME"]) / "mbc"
    kb_digest, bundled_digest = cache.fingerprint(kb), cache.fingerprint(locate.bundled_path())
    assert kb_digest and bundled_digest
    kb_cache, bundled_cache = (cache_dir / cache.cache_file(digest).name for digest in (kb_digest, bundled_digest))
    shipped = (Path(cache.__file__).parent.parent / cache.SHIPPED).is_file()  # a wheel: the bundled one is never cached

    def bundled() -> list[CompletedProcess[bytes]]:
        return [mbc(["site", "bone"], env, cwd=work), mbc(["symptom", "headache"], env, cwd=work)]

    def version() -> tuple[int, int] | None:
        """The minimal knowledge base's cache file as a file (a rewrite replaces it: a new inode), and its
        size; None if absent. Its mtime moves on every read, which marks it used (see cache.prune)."""
        info = kb_cache.stat() if kb_cache.is_file() else None
        return (info.st_ino, info.st_size) if info else None

    def minimal() -> tuple[list[CompletedProcess[bytes]], tuple[int, int] | None, tuple[int, int] | None]:
        first = mbc(["--kb", str(kb), "site", "bone"], env, cwd=work)
        written = version()
        second = mbc(["--kb", str(kb), "site", "bone"], env, cwd=work)
        return [first, second], written, version()

    kb_before, tmp_before, repo_before = snapshot(kb), snapshot(tmp_path), snapshot(ROOT)
    from_bundled, (from_minimal, written, read) = side_by_side([bundled, minimal])
    kb_after, tmp_after, repo_after = snapshot(kb), snapshot(tmp_path), snapshot(ROOT)

    for done in (*from_bundled, *from_minimal):
        assert (done.returncode, done.stderr) == (EXIT_OK, b""), shown(done)
    assert from_minimal[0].stdout == from_minimal[1].stdout
    assert written is not None, f"no cache written for the minimal knowledge base in {cache_dir}"
    assert shipped or bundled_cache.is_file(), f"no cache written for the bundled knowledge base in {cache_dir}"
    assert read == written, "the second run rewrote the cache instead of reading it"
    assert kb_after == kb_before, "the knowledge base folder changed"
    assert not changed(repo_before, repo_after), sorted(map(str, changed(repo_before, repo_after)))
    outside = {path for path in changed(tmp_before, tmp_after) if not path.is_relative_to(cache_dir)}
    outside.discard(cache_dir.parent)  # $XDG_CACHE_HOME itself, made to hold mbc's folder
    assert not outside, sorted(map(str, outside))


# 7. A cache that cannot be written


def locked(folder: Path) -> bool:
    """Make `folder` read-only (0o500); whether that stops this user writing in it (not for root)."""
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return True
    (folder / "probe").unlink()
    return False


def test_a_cache_that_cannot_be_written_still_answers(tmp_path: Path) -> None:
    """A cache mbc cannot write costs speed only: the same answer, exit 0, nothing on stderr. The
    cache is $XDG_CACHE_HOME set to a regular file, so that no folder can be made in it (even root
    cannot), and a read-only (0o500) folder where that stops this user (root writes anyway)."""
    read_only, not_a_folder = tmp_path / "read-only", tmp_path / "a-file"
    read_only.mkdir()
    not_a_folder.write_text("not a folder\n")
    env = environment(tmp_path)
    runs = [(["site", "bone", "--json"], {**env, "XDG_CACHE_HOME": str(not_a_folder)})]
    try:
        if locked(read_only):
            runs.append((["site", "bone", "--json"], {**env, "XDG_CACHE_HOME": str(read_only)}))
        unwritable = many(runs)
    finally:
        read_only.chmod(stat.S_IRWXU)
    expected = answered_here(["site", "bone"])
    for done in unwritable:
        assert (done.returncode, done.stderr) == (EXIT_OK, b""), shown(done)
        assert json.loads(done.stdout) == expected
    assert not_a_folder.read_text() == "not a folder\n"
    assert not any(read_only.iterdir())


def test_the_front_door_answers_a_sentence_helps_and_suggests(tmp_path: Path, compiled: Path | None) -> None:
    """What a newcomer types first: a sentence after mbc, mbc help CMD, a command one slip away, mbc alone piped."""
    env = warm(tmp_path, compiled)
    sentence, helped, slipped, alone = many(
        [
            (["i", "have", "headaches", "and", "feel", "sick"], env),
            (["help", "site"], env),
            (["sit", "bone"], env),
            ([], env),
        ]
    )
    assert sentence.returncode == EXIT_OK
    out = sentence.stdout.decode()
    assert "Answered as: mbc ask 'i have headaches and feel sick'" in out
    assert "headache" in out and "nausea" in out
    assert helped.returncode == EXIT_OK and "site [OPTIONS] SITE\n" in helped.stdout.decode()
    assert slipped.returncode == 2 and "Did you mean: mbc site bone?" in slipped.stderr.decode()
    assert alone.returncode in (0, 2) and "[OPTIONS] COMMAND [ARGS]" in (alone.stdout + alone.stderr).decode()
    assert "mbc>" not in alone.stdout.decode()  # no prompt when stdin is not a terminal


def test_messages_on_a_terminal_wrap_at_word_boundaries(tmp_path: Path, compiled: Path | None) -> None:
    """Typed on an 80-column terminal, a refusal never splits a word ("wit / h it"): run under a pseudo-terminal."""
    pty = pytest.importorskip("pty")
    import select

    env = {**warm(tmp_path, compiled), "COLUMNS": "80", "LINES": "40"}
    fd, child = pty.openpty()
    with subprocess.Popen([*MBC, "ask", "what is the weather in paris tomorrow"], env=env, stdout=child, stderr=child):
        os.close(child)
        chunks = []
        while select.select([fd], [], [], TIMEOUT)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    os.close(fd)
    lines = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode()).splitlines()
    assert "cannot answer" in " ".join(lines)
    assert all(len(line.rstrip()) <= 80 for line in lines)
    piped = mbc(["ask", "what is the weather in paris tomorrow"], env)  # not a terminal: one line a line, unwrapped
    assert max(len(line) for line in piped.stderr.decode().splitlines()) > 80  # so the terminal's lines were wrapped
    whole = piped.stderr.decode().split()
    assert [word for line in lines for word in line.split()] == whole  # every word whole, none split in two
