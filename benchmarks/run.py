"""Time mbc's commands side by side with `python -c pass`, on the bundled knowledge base and on ones 10x and 100x it.

Prints a Markdown table of medians, ratios and peak memory against the budgets. Exits 0 whatever the times
(machines are noisy), and 1 only when a command fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generate import BUNDLED, FILES, generate

BASELINE = (sys.executable, "-c", "pass")
MEMORY_BASELINE = (sys.executable, "-c", "import rich.console")
MEMORY_BUDGET = 2.5
"""Peak memory of any command on the bundled knowledge base, as a multiple of MEMORY_BASELINE's."""
MEMORY_BUDGET_100X_MIB = 60
"""Peak memory of any command on the 100x knowledge base, in MiB."""
QUICK_RUNS = 3
_LAUNCHER = (
    sys.executable,
    "-I",
    "-S",
    "-c",
    """
import os, sys, time
results = int(sys.argv[1])
os.set_inheritable(results, False)
command = sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
os.write(results, f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
""",
)
"""Starts a command, waits for it and writes its wall time, peak memory and exit code to the file descriptor
in its first argument. A child's peak memory counts that of the process it was forked from (Linux keeps
the larger), so commands are started from this small process rather than from the benchmark's own, which
holds the generated knowledge bases and would otherwise set the floor of every figure."""
_KIB = 1024 if sys.platform == "darwin" else 1
"""What ru_maxrss counts in, in bytes divided by 1024: bytes on macOS, KiB elsewhere."""


@dataclass(frozen=True)
class Case:
    """One command line to time, with the environment variables it needs besides the knowledge base's."""

    name: str
    args: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)


CASES = (
    Case("mbc site bone", ("site", "bone")),
    Case("mbc symptom headache", ("symptom", "headache")),
    Case("mbc treatments --her2-positive", ("treatments", "--her2-positive")),
    Case('mbc ask "is it curable?"', ("ask", "is it curable?")),
    Case('mbc search "five year survival"', ("search", "five year survival")),
    Case("mbc visit headache nausea --her2-positive", ("visit", "headache", "nausea", "--her2-positive")),
    # Typer's bash completion protocol: what the shell runs when the user presses Tab after "mbc site bo".
    Case(
        "completion: mbc site bo<Tab>",
        (),
        {"_MBC_COMPLETE": "complete_bash", "COMP_WORDS": "mbc site bo", "COMP_CWORD": "2"},
    ),
)


@dataclass(frozen=True)
class KnowledgeBase:
    """A knowledge base to run the cases on; `path` None is the bundled one (MBC_KB unset)."""

    label: str
    path: Path | None
    budget: float
    """Largest acceptable ratio of a command's median time to that of `python -c pass`."""
    cold_first: bool = False
    """Clear mbc's cache and report the first run on its own, as a cold run; the budget is for the runs after it."""


@dataclass(frozen=True)
class Run:
    """One finished process: its wall time and peak resident memory."""

    seconds: float
    peak_kib: int


@dataclass(frozen=True)
class Row:
    """One line of the report: a case measured on a knowledge base, each run paired with a baseline run."""

    case: Case
    kb: str
    budget: float | None
    runs: tuple[Run, ...]
    baselines: tuple[Run, ...]

    @property
    def median_ms(self) -> float:
        """Median wall time of the command, in milliseconds."""
        return 1000 * statistics.median(run.seconds for run in self.runs)

    @property
    def baseline_ms(self) -> float:
        """Median wall time of `python -c pass`, in milliseconds."""
        return 1000 * statistics.median(run.seconds for run in self.baselines)

    @property
    def ratio(self) -> float:
        """Median of the ratios of each run to the baseline run just before it."""
        return statistics.median(r.seconds / b.seconds for r, b in zip(self.runs, self.baselines, strict=True))

    @property
    def peak_kib(self) -> float:
        """Median peak resident memory of the command, in KiB."""
        return statistics.median(run.peak_kib for run in self.runs)


class CommandFailed(Exception):
    """A measured command exited with an error or printed a traceback."""


def run(command: Sequence[str], env: Mapping[str, str], shown_env: Mapping[str, str]) -> Run:
    """Run `command` to completion and return its wall time and peak memory; raise CommandFailed on failure."""
    results, write_end = os.pipe()
    with os.fdopen(results, "rb") as answer, tempfile.TemporaryFile() as err:
        try:
            launcher = subprocess.run(
                [*_LAUNCHER, str(write_end), *command],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                pass_fds=(write_end,),
                check=False,
            )
        finally:
            os.close(write_end)
        measured = answer.read().split()
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
    code = int(measured[2]) if measured else launcher.returncode
    if not measured or code != 0 or "Traceback (most recent call last)" in stderr:
        shown = shlex.join([*(f"{k}={v}" for k, v in shown_env.items()), *command])
        raise CommandFailed(f"{shown}\nexited with {code}; its stderr:\n{stderr.rstrip()}")
    return Run(float(measured[0]), int(measured[1]) // _KIB)


def mbc_command() -> list[str]:
    """Return how users run mbc: the console script next to this Python, else `python -m mbc_cli`."""
    script = Path(sys.executable).parent / "mbc"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "mbc_cli"]


def compile_bytecode() -> None:
    """Write mbc's bytecode, as pip does when it installs a wheel.

    An editable install under PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run,
    which no installed mbc does.
    """
    import compileall

    import mbc_cli

    compileall.compile_dir(str(Path(mbc_cli.__file__).parent), quiet=1)


def measure(
    mbc: Sequence[str], kbs: Sequence[KnowledgeBase], runs: int, base_env: Mapping[str, str], cache: Path
) -> Iterator[Row]:
    """Time every case on every knowledge base, `runs` times, each run right after a `python -c pass` run."""
    for kb in kbs:
        for case in CASES:
            extra = {**case.env, **({} if kb.path is None else {"MBC_KB": str(kb.path)})}
            env = {**base_env, **extra}
            command = [*mbc, *case.args]
            print(f"{case.name} ({kb.label})", file=sys.stderr, flush=True)
            if kb.cold_first and case is CASES[0]:  # one cold run per knowledge base: it compiles the cache
                shutil.rmtree(cache / "mbc", ignore_errors=True)
                baseline = run(BASELINE, env, extra)
                yield Row(case, f"{kb.label} cold", None, (run(command, env, extra),), (baseline,))
            else:
                run(command, env, extra)  # warm-up, untimed: page cache, bytecode, mbc's own cache
            pairs = [(run(BASELINE, env, extra), run(command, env, extra)) for _ in range(runs)]
            yield Row(case, kb.label, kb.budget, tuple(r for _, r in pairs), tuple(b for b, _ in pairs))


FLOOR = """
import typer
from rich.console import Console
app = typer.Typer()
@app.command()
def site(name: str) -> None:
    from rich.table import Table
    table = Table("site", "what")
    table.add_row(name, "a row")
    Console().print(table)
@app.command()
def other() -> None:
    pass
app()
"""
"""The least any Typer and Rich command line costs: the floor under mbc's ratios on this machine."""


def floor_row(runs: int, env: Mapping[str, str]) -> Row:
    """Time FLOOR the way the cases are timed."""
    command = (sys.executable, "-c", FLOOR, "site", "bone")
    run(command, env, {})
    pairs = [(run(BASELINE, env, {}), run(command, env, {})) for _ in range(runs)]
    case = Case("floor: typer + rich table", ())
    return Row(case, "-", None, tuple(r for _, r in pairs), tuple(b for b, _ in pairs))


def report(rows: Sequence[Row], memory_baseline_kib: float, header: Sequence[str]) -> str:
    """Return the Markdown report: the machine, the timings, and peak memory."""
    lines = [*header, ""]
    lines += ["| case | kb | median ms | python -c pass ms | ratio | budget | ok |", "|---|---|--:|--:|--:|--:|---|"]
    # Cold runs last: they have no budget.
    for row in sorted(rows, key=lambda r: r.budget is None):
        budget, ok = _verdict(row.ratio, row.budget)
        lines.append(
            f"| {row.case.name} | {row.kb} | {row.median_ms:.0f} | {row.baseline_ms:.0f} | {row.ratio:.1f} "
            f"| {budget} | {ok} |"
        )
    reference = f"{memory_baseline_kib / 1024:.1f}"
    lines += ["", "| case | kb | peak MiB | import rich.console MiB | ratio | budget | ok |"]
    lines += ["|---|---|--:|--:|--:|--:|---|"]
    for row in rows:
        if row.budget is None:
            continue
        ratio = row.peak_kib / memory_baseline_kib
        budget, ok = _verdict(ratio, MEMORY_BUDGET if row.kb == "bundled" else None)
        if row.kb == "100x":
            budget, ok = _verdict(row.peak_kib / 1024, MEMORY_BUDGET_100X_MIB)
            budget += " MiB"
        lines.append(
            f"| {row.case.name} | {row.kb} | {row.peak_kib / 1024:.1f} | {reference} | {ratio:.2f} | {budget} | {ok} |"
        )
    return "\n".join(lines) + "\n"


def _verdict(ratio: float, budget: float | None) -> tuple[str, str]:
    if budget is None:
        return "-", "-"
    return f"<= {budget:g}", "yes" if ratio <= budget else "NO"


def _size(folder: Path) -> str:
    return f"{sum((folder / f'{name}.yaml').stat().st_size for name in FILES) / 1e6:.1f} MB"


def benchmark(work: Path, runs: int) -> str:
    """Generate the large knowledge bases in `work`, measure every case, and return the report."""
    print("generating the 10x and 100x knowledge bases", file=sys.stderr, flush=True)
    for factor in (10, 100):
        generate(BUNDLED, work / f"kb{factor}", factor)
    kbs = (
        KnowledgeBase("bundled", None, 9),
        KnowledgeBase("10x", work / "kb10", 10),
        KnowledgeBase("100x", work / "kb100", 13, cold_first=True),
    )
    cache = work / "cache"
    # A cache of our own, so the user's is left alone and the cold run really is cold.
    base_env = {k: v for k, v in os.environ.items() if k != "MBC_KB"} | {"XDG_CACHE_HOME": str(cache)}
    mbc = mbc_command()
    compile_bytecode()
    reference = [run(MEMORY_BASELINE, base_env, {}) for _ in range(runs)]
    rows = list(measure(mbc, kbs, runs, base_env, cache))
    floor = floor_row(runs, base_env)
    floor_ms, floor_ratio = floor.median_ms, floor.ratio
    header = (
        f"machine: {platform.platform()}, {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs",
        f"mbc: {shlex.join(mbc)}; {runs} runs per row, each paired with a run of python -c pass",
        f"floor: {floor_ms:.0f} ms ({floor_ratio:.1f}x python -c pass) for a Typer app printing a one-row Rich table",
        f"knowledge bases: bundled {_size(BUNDLED)}, 10x {_size(work / 'kb10')}, 100x {_size(work / 'kb100')}",
    )
    return report(rows, statistics.median(r.peak_kib for r in reference), header)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, run the benchmark and print its report; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per case and knowledge base (%(default)s)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs each: a smoke test for CI")
    parser.add_argument("--work", type=Path, help="folder for the generated knowledge bases (default: a temporary one)")
    args = parser.parse_args(argv)
    runs = QUICK_RUNS if args.quick else args.runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    if not hasattr(os, "wait4"):
        parser.error("measuring peak memory needs os.wait4 (Linux, macOS or another Unix)")
    try:
        if args.work is not None:
            args.work.mkdir(parents=True, exist_ok=True)
            text = benchmark(args.work.resolve(), runs)
        else:
            with tempfile.TemporaryDirectory(prefix="mbc-benchmark-") as work:
                text = benchmark(Path(work), runs)
    except CommandFailed as failure:
        print(f"benchmark failed: {failure}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
