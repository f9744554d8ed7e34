"""How well `mbc ask` answers questions written outside the project: per set, four figures.

Each set (tests/questions/*.yaml) was written by someone who never read mbc's code, data or vocabulary, from
the five source snapshots and from how people type:

- `answerable`: a question (`q`), its `style` (plain, caregiver, clinical, long, typo, texting,
  symptom_sentence), optionally the `route` a good answer takes (symptom, site, treatments, drug, term,
  statements), and `expect`: words, any one of which a right answer holds among its first three statements;
- `unanswerable`: a question the sources do not answer, and `not_in_sources`: its words that carry what they
  do not cover, one of which `query.not_in_sources` must name (or mbc exits 1).

The four figures, per set:
- top three: answerable questions whose answer is among the first three statements (their texts and quotes);
- refused: answerable questions mbc refused (exit 1);
- answered: unanswerable questions answered with none of their `not_in_sources` words (one word of an expected
  phrase is enough: "pet" for "pet scan") said to be beyond the sources;
- wrong route: answerable questions with a `route` that mbc answered another way.

Every question runs in-process through Typer's CliRunner against mbc_cli.cli:app with --json. Exits 0 whatever
the numbers: it reports, it does not judge.

    python benchmarks/questions.py                       # every set
    python benchmarks/questions.py tests/questions/set_a.yaml --verbose   # and each miss, with what mbc gave
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SETS = sorted((HERE.parent / "tests" / "questions").glob("*.yaml"))
TOP = 3
"""A question is answered when an expected word is in one of this many first statements."""
ROUTES = {"symptom": "symptom", "site": "site", "tests": "site", "treatments": "treatments", "drug": "drug"}
"""The command that answered (its first word), as the route it is: `mbc tests --site liver` answers about a site."""
ROUTES_WITH_SITE = {"treatments", "tests"}


@dataclass
class Tally:
    """The figures of one group of questions (a set, or one style in it)."""

    answerable: int = 0
    hits: int = 0
    refused: int = 0
    routed: int = 0
    wrong_routes: int = 0
    unanswerable: int = 0
    answered: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "-"

        return (
            f"{name:<22} {share(self.hits, self.answerable):>18} {share(self.refused, self.answerable):>16} "
            f"{share(self.answered, self.unanswerable):>16} {share(self.wrong_routes, self.routed):>16}"
        )


def plain(text: str) -> str:
    """Text as compared: folded, curly quotes and dashes made plain."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.translate(PLAIN)


PLAIN = str.maketrans("\u2019\u2018\u2013\u2014", "''--")


SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "i",
        "me",
        "we",
        "it",
        "is",
    ]
)
"""Words of an expected phrase that carry nothing of its own ("my cat"): not looked for."""


def words_of(text: str) -> set[str]:
    """The words of a phrase as compared: folded, split at spaces, hyphens and slashes, small words aside."""
    return {singular(word) for word in re.split(r"[\s/-]+", plain(text)) if word and word not in SMALL}


def singular(word: str) -> str:
    """A word without a plural -s, so that "infusions" said covers "infusion" expected."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def run(question: str) -> tuple[int, Mapping[str, object]]:
    """Ask mbc one question: its exit code and JSON document."""
    from typer.testing import CliRunner

    from mbc_cli.cli import app

    result = CliRunner().invoke(app, ["ask", "--json", "--", question])
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError:
        data = {}
    return result.exit_code, data if isinstance(data, dict) else {}


def route_of(query: Mapping[str, object]) -> str:
    """How mbc answered: the route of the command that answered, else statements."""
    answered_by = query.get("answered_by")
    if not isinstance(answered_by, str) or not answered_by:
        return "statements"
    words = answered_by.split()
    command = words[1] if len(words) > 1 else ""
    if command in ROUTES_WITH_SITE and "--site" in words:
        return "site"
    return ROUTES.get(command, command)


def measure(path: Path, *, verbose: bool) -> tuple[Tally, dict[str, Tally]]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    total = Tally()
    styles: dict[str, Tally] = {}
    for case in cases.get("answerable", []):
        group = styles.setdefault(case.get("style", "?"), Tally())
        code, data = run(case["q"])
        results = data.get("results", [])
        top = plain(" ".join(strings(results[:TOP] if isinstance(results, list) else [])))
        hit = code == 0 and any(plain(word) in top for word in case["expect"])
        route = case.get("route")
        query = data.get("query", {})
        got = route_of(query if isinstance(query, Mapping) else {})
        wrong = bool(route) and code == 0 and got != route
        for tally in (total, group):
            tally.answerable += 1
            tally.hits += hit
            tally.refused += code == 1
            tally.routed += bool(route) and code == 0
            tally.wrong_routes += wrong
        if not hit and verbose:
            first = results[0] if isinstance(results, list) and results else {}
            name = first.get("name", first.get("text", "")) if isinstance(first, Mapping) else ""
            total.misses.append(
                f"  MISS {case['id']} [{case.get('style')}] {case['q']!r}: exit {code}, {got}"
                f"{f' (wanted {route})' if wrong else ''}; expect {case['expect']}; first: {str(name)[:90]!r}"
            )
    for case in cases.get("unanswerable", []):
        group = styles.setdefault(case.get("style", "?"), Tally())
        code, data = run(case["q"])
        query = data.get("query", {})
        said = query.get("not_in_sources", []) if isinstance(query, Mapping) else []
        said_words = {word for item in said if isinstance(item, str) for word in words_of(item)}
        flagged = code == 1 or any(words_of(word) & said_words for word in case["not_in_sources"])
        for tally in (total, group):
            tally.unanswerable += 1
            tally.answered += not flagged
        if not flagged and verbose:
            total.misses.append(
                f"  ANSWERED {case['id']} {case['q']!r}: not_in_sources {said}; wanted {case['not_in_sources']}"
            )
    return total, styles


def separation(paths: Sequence[Path]) -> int:
    """How a statement's share of the best statement's score separates answers from statements that only share
    words with the question: every statement found (no cut, no limit), for the answerable questions answered by
    statements, counted as an answer when it holds an expected word. Sets statements.RELATIVE."""
    from mbc_cli.query import statements

    statements.RELATIVE, statements.LIMIT = 0.0, 100
    buckets = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]
    answers = [0] * (len(buckets) - 1)
    others = [0] * (len(buckets) - 1)
    for path in paths:
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in cases.get("answerable", []):
            code, data = run(case["q"])
            query = data.get("query", {})
            results = data.get("results", [])
            if code != 0 or not isinstance(query, Mapping) or query.get("answered_by") or not isinstance(results, list):
                continue
            scores = [float(result.get("score", 0.0)) for result in results if isinstance(result, Mapping)]
            best = max(scores, default=0.0) or 1.0
            for result, score in zip(results, scores, strict=False):
                share = score / best
                said = plain(" ".join(strings(result)))
                place = next(i for i in range(len(buckets) - 1) if share < buckets[i + 1])
                if any(plain(word) in said for word in case["expect"]):
                    answers[place] += 1
                else:
                    others[place] += 1
    print("share of the best score   answers   other statements   answers among them")
    for i in range(len(buckets) - 1):
        total = answers[i] + others[i]
        rate = f"{100 * answers[i] / total:.0f}%" if total else "-"
        bucket = f"{buckets[i]:.1f} to {min(buckets[i + 1], 1.0):.1f}"
        print(f"{bucket:<25} {answers[i]:>7}   {others[i]:>16}   {rate:>18}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=SETS)
    parser.add_argument("--verbose", action="store_true", help="list every miss, with what mbc gave")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    parser.add_argument(
        "--scores",
        action="store_true",
        help="how the best statement's score separates answers from non-answers (for setting the threshold)",
    )
    args = parser.parse_args(argv)
    if args.scores:
        return separation(args.sets)
    report = {}
    header = f"{'':<22} {'top three':>18} {'refused':>16} {'answered (unans.)':>16} {'wrong route':>16}"
    for path in args.sets:
        total, styles = measure(path, verbose=args.verbose)
        report[path.stem] = {
            "answerable": total.answerable,
            "top_three": total.hits,
            "refused": total.refused,
            "unanswerable": total.unanswerable,
            "answered": total.answered,
            "routed": total.routed,
            "wrong_routes": total.wrong_routes,
        }
        if args.json:
            continue
        print(f"\n{path}")
        print(header)
        print(total.line("all"))
        for style, tally in sorted(styles.items()):
            print(tally.line(f"  {style}"))
        for miss in total.misses:
            print(miss)
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
