"""Compare fuzzy matchers for mbc's typo suggestions: quality on real typos, time per lookup, import cost.

Run: python benchmarks/typos.py   (rapidfuzz is measured only if installed; mbc does not depend on it)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from mbc_cli.kb import load
from mbc_cli.kinds import NAMED
from mbc_cli.model import KnowledgeBase
from mbc_cli.understand import spelling
from mbc_cli.understand.normalise import name_key

TYPOS: tuple[tuple[str, str], ...] = (
    # the issue's examples, then typos seen in patient forums' spelling: (typed, the entry id meant)
    ("lvier", "liver"),
    ("brian", "brain"),
    ("headahce", "headache"),
    ("jaundise", "jaundice"),
    ("siezure", "seizures"),
    ("shortnes of breath", "shortness_of_breath"),
    ("bnoe", "bone"),
    ("lugns", "lung"),
    ("livr", "liver"),
    ("braine", "brain"),
    ("hedache", "headache"),
    ("head ake", "headache"),
    ("jaundace", "jaundice"),
    ("jandice", "jaundice"),
    ("seizurs", "seizures"),
    ("siezures", "seizures"),
    ("nausia", "nausea"),
    ("nasuea", "nausea"),
    ("vomitting", "vomiting"),
    ("vommiting", "vomiting"),
    ("dizzyness", "dizziness"),
    ("fatigure", "fatigue"),
    ("fatige", "fatigue"),
    ("constipaton", "constipation"),
    ("confution", "confusion"),
    ("hypercalcimia", "hypercalcemia"),
    ("hypercalsemia", "hypercalcemia"),
    ("short of breth", "shortness_of_breath"),
    ("chest pian", "chest_pain"),
    ("coughing up blod", "coughing_up_blood"),
    ("itchy skn", "itchy_skin"),
    ("sweling", "swelling"),
    ("fractres", "fractures"),
    ("numbnes", "weakness_numbness"),
    ("anxeity", "anxiety"),
    ("depresion", "depression"),
    ("loss of apetite", "loss_of_appetite"),
    ("bleading", "bleeding"),
    ("spinal cord compresion", "spinal_cord_compression"),
    ("pancrea", "pancreas"),
    ("kidny", "kidneys"),
    ("thyriod", "thyroid"),
)


def _entry(knowledge: KnowledgeBase, key: str) -> str:
    return knowledge.names[key][0].id


def difflib_top(knowledge: KnowledgeBase) -> Callable[[str], list[str]]:
    return lambda text: list(spelling.suggest(knowledge, text, NAMED, limit=3))


def rapidfuzz_top(knowledge: KnowledgeBase, scorer_name: str) -> Callable[[str], list[str]]:
    from rapidfuzz import fuzz, process

    scorer = getattr(fuzz, scorer_name)
    choices = list(knowledge.names)

    def top(text: str) -> list[str]:
        found = process.extract(name_key(text), choices, scorer=scorer, limit=9, score_cutoff=60)
        ids: dict[str, str] = {}
        for key, _, _ in found:
            ids.setdefault(_entry(knowledge, key), key)
        return list(ids.values())[:3]

    return top


def measure(name: str, top: Callable[[str], list[str]], knowledge: KnowledgeBase) -> str:
    first = in_three = 0
    times = []
    for typed, meant in TYPOS:
        start = time.perf_counter()
        found = top(typed)
        times.append(time.perf_counter() - start)
        ids = [_entry(knowledge, key) for key in found]
        first += bool(ids) and ids[0] == meant
        in_three += meant in ids
    median_ms = statistics.median(times) * 1000
    n = len(TYPOS)
    return f"| {name} | {first}/{n} | {in_three}/{n} | {median_ms:.2f} ms |"


def import_ms(module: str) -> str:
    """Median self+children import time of `module` in a fresh interpreter, after typer (as in mbc)."""
    runs = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import typer, rich.console; import {module}"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        line = next((row for row in reversed(out.splitlines()) if row.rstrip().endswith(f"| {module}")), "")
        runs.append(int(line.split("|")[1]) / 1000 if line else 0.0)
    return f"{statistics.median(runs):.1f} ms"


def main() -> None:
    knowledge = load.load()
    print(f"{len(TYPOS)} typos, {len(knowledge.names)} names and aliases\n")
    print("| matcher | right first | right in top 3 | median time per lookup |")
    print("| --- | --- | --- | --- |")
    print(measure("difflib.get_close_matches (mbc's suggest)", difflib_top(knowledge), knowledge))
    try:
        import rapidfuzz  # noqa: F401
    except ImportError:
        print("\nrapidfuzz is not installed: pip install rapidfuzz to compare it")
        return
    for scorer in ("ratio", "WRatio"):
        print(measure(f"rapidfuzz.process.extract, {scorer}", rapidfuzz_top(knowledge, scorer), knowledge))
    print(f"\nimport cost after typer and rich: difflib {import_ms('difflib')}, rapidfuzz {import_ms('rapidfuzz')}")


if __name__ == "__main__":
    main()
