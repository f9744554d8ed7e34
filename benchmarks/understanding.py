"""How well mbc understands what people type: hit rates per part of tests/understanding/cases.yaml, and how often
it matches a symptom where there is none (tests/understanding/false_matches.yaml).

Every case runs in-process through Typer's CliRunner against mbc_cli.cli:app with --json, so the whole run takes
seconds. A run that exits non-zero, or whose JSON lacks a field the check reads, is a miss. Prints a table (or,
with --json, the numbers as JSON; with --verbose, each miss and false match with what mbc returned) and exits 0
whatever the numbers: it reports, tests/test_understanding.py judges.

    python benchmarks/understanding.py            # the table
    python benchmarks/understanding.py --verbose  # and every miss, false match and answered question
    PYTHONPATH=/tmp/baseline python benchmarks/understanding.py   # measure another checkout's mbc_cli
"""

from __future__ import annotations

import argparse
import functools
import json
import shlex
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE.parent / "tests" / "understanding" / "cases.yaml"
FALSE_MATCHES = HERE.parent / "tests" / "understanding" / "false_matches.yaml"
PARTS = ("everyday", "clinical", "terminology2", "questions", "names")
COMMANDS = ("symptom", "site", "term", "ask")
ASK_TOP = 5
"""An ask case is a hit when an expected item is among this many first results."""
_OUTPUT_FLAGS = frozenset({"--json", "--evidence", "--format", "-f"})
"""Flags that change how an answer is written, not which answer it is: left out when comparing commands."""
_VALUE_FLAGS = frozenset({"--site", "--format", "-f", "--kb"})
"""Flags followed by a value, which belongs to the flag when comparing commands."""
TREATMENT_KINDS = frozenset({"systemic", "local", "supportive", "trial", "emerging"})
"""mbc ask gives a treatment's own kind (systemic, supportive...) as its result kind: each also counts as treatment."""
RESOLVED_COMMANDS = frozenset({"term", "site", "drug"})
"""An answered_by command of one of these kinds also counts as the entry it shows (its results[0]), as kind:id."""


@dataclass(frozen=True)
class Case:
    """One thing a person types, the mbc command it goes to, and what the answer must contain."""

    part: str
    command: str
    text: str
    expect: Mapping[str, object]
    source: str | None = None
    note: str | None = None
    contested: str | None = None
    """Why mbc deliberately does not give what the case expects (the vocabulary review's rule): such a case
    is run and reported on its own, outside the hit rate."""


@dataclass(frozen=True)
class Probe:
    """A term that must match no symptom."""

    kind: str
    text: str


@dataclass(frozen=True)
class Invocation:
    """What one mbc run gave back: its exit code, its JSON (None when stdout was not a JSON object), any error."""

    exit_code: int
    data: Mapping[str, object] | None
    error: str | None = None


@dataclass(frozen=True)
class Verdict:
    """Whether a case was a hit, and a short account of what mbc returned."""

    hit: bool
    got: str
    wrong: bool = False
    """A miss that gave an answer all the same: a symptom, a first result or statements it does not expect."""


@dataclass(frozen=True)
class Miss:
    case: Case
    got: str


@dataclass(frozen=True)
class FalseMatch:
    probe: Probe
    matched: tuple[str, ...]
    exit_code: int


@dataclass(frozen=True)
class Answered:
    question: str
    got: str


@dataclass
class PartResult:
    part: str
    cases: int = 0
    hits: int = 0
    wrong: int = 0
    """Misses that answered something else (see Verdict.wrong): worse than finding nothing."""
    misses: list[Miss] = field(default_factory=list)
    contested: list[Miss] = field(default_factory=list)
    """The contested cases, each with what mbc gave (a hit among them is listed too)."""

    @property
    def rate(self) -> float:
        return self.hits / self.cases if self.cases else 0.0


@dataclass
class Report:
    parts: dict[str, PartResult]
    probe_terms: int
    false_matches: list[FalseMatch]
    unanswerable: int
    answered: list[Answered]
    seconds: float
    mbc_cli: str

    @property
    def false_match_rate(self) -> float:
        return len(self.false_matches) / self.probe_terms if self.probe_terms else 0.0


# --- reading the case files ---------------------------------------------------------------------------------


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise ValueError(f"{where}: expected a mapping, got {value!r}")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{where}: expected text, got {value!r}")
    return value


def _optional_text(value: object, where: str) -> str | None:
    return None if value is None else _text(value, where)


def _load_yaml(path: Path) -> Mapping[str, object]:
    with path.open(encoding="utf-8") as handle:
        return _mapping(yaml.safe_load(handle), str(path))


def load_cases(path: Path = CASES) -> list[Case]:
    """The cases in path, checked for shape: a ValueError names the first malformed one."""
    raw = _load_yaml(path).get("cases")
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list under cases:")
    cases = []
    for number, item in enumerate(raw, 1):
        where = f"{path}: case {number}"
        entry = _mapping(item, where)
        case = Case(
            part=_text(entry.get("part"), f"{where} part"),
            command=_text(entry.get("command"), f"{where} command"),
            text=_text(entry.get("text"), f"{where} text"),
            expect=_mapping(entry.get("expect"), f"{where} expect"),
            source=_optional_text(entry.get("source"), f"{where} source"),
            note=_optional_text(entry.get("note"), f"{where} note"),
            contested=_optional_text(entry.get("contested"), f"{where} contested"),
        )
        if case.part not in PARTS:
            raise ValueError(f"{where}: unknown part {case.part!r}")
        if case.command not in COMMANDS:
            raise ValueError(f"{where}: unknown command {case.command!r}")
        needed = {"symptom": "symptoms", "site": "site", "term": "term", "ask": "any"}[case.command]
        if needed not in case.expect:
            raise ValueError(f"{where}: expect needs {needed}:")
        cases.append(case)
    return cases


def load_false_matches(path: Path = FALSE_MATCHES) -> tuple[list[Probe], list[str]]:
    """The terms that must match no symptom, and the questions mbc ask must not answer."""
    data = _load_yaml(path)
    terms, questions = data.get("terms"), data.get("unanswerable")
    if not isinstance(terms, list) or not isinstance(questions, list):
        raise ValueError(f"{path}: expected lists under terms: and unanswerable:")
    probes = []
    for number, item in enumerate(terms, 1):
        entry = _mapping(item, f"{path}: term {number}")
        probes.append(
            Probe(_text(entry.get("kind"), f"term {number} kind"), _text(entry.get("text"), f"term {number}"))
        )
    return probes, [_text(question, f"{path}: unanswerable question") for question in questions]


def _ids(value: object) -> list[str]:
    """An expected id or list of ids, as a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


# --- running mbc --------------------------------------------------------------------------------------------

Invoke = Callable[[Sequence[str]], Invocation]


def make_invoker() -> tuple[Invoke, str]:
    """A function that runs mbc in-process with arguments and returns what it gave back, and where mbc_cli is."""
    import typer.testing

    import mbc_cli
    from mbc_cli.cli import app

    if not hasattr(typer.testing._get_command, "cache_info"):  # type: ignore[attr-defined]
        # CliRunner builds the Click command from mbc's functions again on every invoke (tens of ms); nothing in
        # it changes between runs, so build it once, as tests/conftest.py does for the suite.
        typer.testing._get_command = functools.cache(typer.testing._get_command)  # type: ignore[attr-defined]
    runner = typer.testing.CliRunner()

    def invoke(args: Sequence[str]) -> Invocation:
        result = runner.invoke(app, list(args))
        error = None
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            error = f"{type(result.exception).__name__}: {result.exception}"
        return Invocation(result.exit_code, _json_object(result.stdout), error)

    return invoke, str(Path(mbc_cli.__file__).resolve().parent)


def _json_object(text: str) -> Mapping[str, object] | None:
    """The JSON object mbc wrote, or None: the first one in text, in case a runner mixes stderr's words into it."""
    start = text.find("{")
    if start < 0:
        return None
    try:
        data, _ = json.JSONDecoder().raw_decode(text, start)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _args(command: str, text: str) -> list[str]:
    # "--" ends the options, so that a term such as "-1" or "---" reaches mbc as words.
    return [command, "--json", "--", text]


def _get(data: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _records(value: object) -> list[Mapping[str, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def matched_symptoms(data: Mapping[str, object] | None) -> list[str] | None:
    """The ids of every symptom a symptom answer matched (query.matches[].matched[].id); None without that field."""
    matches = _get(data, "query", "matches")
    if not isinstance(matches, list):
        return None
    found: list[str] = []
    for match in _records(matches):
        for symptom in _records(match.get("matched")):
            symptom_id = symptom.get("id")
            if isinstance(symptom_id, str) and symptom_id not in found:
                found.append(symptom_id)
    return found


def ranked_sites(data: Mapping[str, object] | None) -> list[str]:
    """The site ids of a symptom answer, best rank first."""
    results = _records(_get(data, "results"))

    def rank(item: tuple[int, Mapping[str, object]]) -> tuple[int, int]:
        value = item[1].get("rank")
        return (value if isinstance(value, int) else sys.maxsize, item[0])

    ordered = sorted(enumerate(results), key=rank)
    return [site_id for _, result in ordered if isinstance(site_id := result.get("id"), str)]


def _first_id(data: Mapping[str, object] | None) -> str | None:
    results = _records(_get(data, "results"))
    first = results[0].get("id") if results else None
    return first if isinstance(first, str) else None


def _command_key(command: str | Sequence[str]) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """A command's words in order and its flags as a set, without "mbc" and the flags that only change the output."""
    try:
        tokens = shlex.split(command) if isinstance(command, str) else [str(token) for token in command]
    except ValueError:
        return None
    if tokens and tokens[0] == "mbc":
        tokens = tokens[1:]
    words: list[str] = []
    flags: set[str] = set()
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.startswith("-"):
            name, _, value = token.partition("=")
            if name in _VALUE_FLAGS and not value and position + 1 < len(tokens):
                position += 1
                value = tokens[position]
            if name not in _OUTPUT_FLAGS:
                flags.add(f"{name}={value}" if value else name)
        else:
            words.append(token.lower())
        position += 1
    return (tuple(words), frozenset(flags)) if words else None


def ask_items(data: Mapping[str, object] | None) -> tuple[list[str], str | None]:
    """The first ASK_TOP results of an ask answer as kind:id, and its answered_by command (None if it has none)."""
    items = []
    for result in _records(_get(data, "results"))[:ASK_TOP]:
        kind, result_id = result.get("kind"), result.get("id")
        if isinstance(kind, str) and isinstance(result_id, str):
            items.append(f"{kind}:{result_id}")
            if kind in TREATMENT_KINDS:
                items.append(f"treatment:{result_id}")
    answered_by = _get(data, "query", "answered_by")
    if isinstance(answered_by, list) and all(isinstance(token, str) for token in answered_by):
        answered_by = shlex.join(str(token) for token in answered_by)
    return items, answered_by if isinstance(answered_by, str) and answered_by else None


def _failed(run: Invocation) -> str:
    reason = _get(run.data, "error", "reason")
    return (
        f"exit {run.exit_code}"
        + (f" ({reason})" if isinstance(reason, str) else "")
        + (f", {run.error}" if run.error else "")
    )


Resolve = Callable[[str], str | None]


def make_resolver(invoke: Invoke) -> Resolve:
    """A function from an answered_by command such as "mbc term 'hospice care'" to the entry it shows, as kind:id
    ("term:hospice_care"), found by running it; None for other commands, or when it shows nothing."""
    seen: dict[str, str | None] = {}

    def resolve(command: str) -> str | None:
        if command not in seen:
            seen[command] = None
            try:
                tokens = shlex.split(command)
            except ValueError:
                return None
            if tokens and tokens[0] == "mbc":
                tokens = tokens[1:]
            if len(tokens) >= 2 and tokens[0] in RESOLVED_COMMANDS:
                run = invoke([tokens[0], "--json", "--", *tokens[1:]])
                first = _first_id(run.data) if run.exit_code == 0 else None
                seen[command] = f"{tokens[0]}:{first}" if first else None
        return seen[command]

    return resolve


def judge(case: Case, run: Invocation, resolve: Resolve | None = None) -> Verdict:
    """Whether mbc's answer to a case contains what the case expects."""
    if run.exit_code != 0:
        return Verdict(False, _failed(run))
    expect = case.expect
    if case.command == "symptom":
        matched = matched_symptoms(run.data)
        if matched is None:
            return Verdict(False, "no query.matches in the JSON")
        sites = ranked_sites(run.data)
        got = f"matched {matched}, sites {sites}"
        first_site = expect.get("first_site")
        hit = (
            all(symptom in matched for symptom in _ids(expect.get("symptoms")))
            and not any(symptom in matched for symptom in _ids(expect.get("not")))
            and (not isinstance(first_site, str) or (bool(sites) and sites[0] == first_site))
        )
        expected = set(_ids(expect.get("symptoms")))
        return Verdict(hit, got, not hit and any(symptom not in expected for symptom in matched))
    if case.command in ("site", "term"):
        first = _first_id(run.data)
        hit = first is not None and first in _ids(expect.get(case.command))
        return Verdict(hit, f"first result {first}", not hit and first is not None)
    items, answered_by = ask_items(run.data)
    got = f"results {items}, answered_by {answered_by!r}"
    if not items and answered_by is None:
        return Verdict(False, f"no results or answered_by in the JSON; {got}")
    answered_key = _command_key(answered_by) if answered_by else None
    shown = resolve(answered_by) if answered_by and resolve else None
    if shown:
        got += f" (shows {shown})"
        items = [*items, shown]
    for wanted in _ids(expect.get("any")):
        if wanted.startswith("command:"):
            if answered_key is not None and _command_key(wanted.removeprefix("command:")) == answered_key:
                return Verdict(True, got)
        elif wanted in items:
            return Verdict(True, got)
    return Verdict(False, got, True)


def evaluate(
    cases: Sequence[Case] | None = None,
    probes: Sequence[Probe] | None = None,
    unanswerable: Sequence[str] | None = None,
) -> Report:
    """Run every case, probe and unanswerable question through mbc, and count."""
    if cases is None:
        cases = load_cases()
    if probes is None or unanswerable is None:
        loaded_probes, loaded_questions = load_false_matches()
        probes = loaded_probes if probes is None else probes
        unanswerable = loaded_questions if unanswerable is None else unanswerable
    start = time.perf_counter()
    invoke, where = make_invoker()
    resolve = make_resolver(invoke)
    parts = {part: PartResult(part) for part in PARTS}
    for case in cases:
        verdict = judge(case, invoke(_args(case.command, case.text)), resolve)
        result = parts.setdefault(case.part, PartResult(case.part))
        if case.contested is not None:
            result.contested.append(Miss(case, ("hit: " if verdict.hit else "") + verdict.got))
            continue
        result.cases += 1
        if verdict.hit:
            result.hits += 1
        else:
            result.wrong += verdict.wrong
            result.misses.append(Miss(case, ("wrong: " if verdict.wrong else "") + verdict.got))
    false_matches = []
    for probe in probes:
        run = invoke(_args("symptom", probe.text))
        matched = matched_symptoms(run.data) or []
        if matched:
            false_matches.append(FalseMatch(probe, tuple(matched), run.exit_code))
    answered = []
    for question in unanswerable:
        run = invoke(_args("ask", question))
        beyond = _get(run.data, "query", "not_in_sources") if run.data else None
        if run.exit_code == 0 and not beyond:  # answered, and no word of it said to be beyond the sources
            items, answered_by = ask_items(run.data)
            answered.append(Answered(question, f"results {items}, answered_by {answered_by!r}"))
    return Report(
        parts=parts,
        probe_terms=len(probes),
        false_matches=false_matches,
        unanswerable=len(unanswerable),
        answered=answered,
        seconds=time.perf_counter() - start,
        mbc_cli=where,
    )


# --- reporting ----------------------------------------------------------------------------------------------


def as_json(report: Report, *, details: bool = False) -> dict[str, object]:
    """The report's numbers (and, with details, its misses, false matches and answered questions) as JSON data."""
    cases = sum(result.cases for result in report.parts.values())
    hits = sum(result.hits for result in report.parts.values())
    parts: dict[str, object] = {}
    for name, result in report.parts.items():
        entry: dict[str, object] = {
            "cases": result.cases,
            "hits": result.hits,
            "hit_rate": round(result.rate, 4),
            "wrong": result.wrong,
            "contested": len(result.contested),
        }
        if details:
            entry["misses"] = [
                {
                    "command": miss.case.command,
                    "text": miss.case.text,
                    "expect": dict(miss.case.expect),
                    "got": miss.got,
                }
                for miss in result.misses
            ]
        parts[name] = entry
    false_matches: dict[str, object] = {
        "terms": report.probe_terms,
        "false_matches": len(report.false_matches),
        "rate": round(report.false_match_rate, 4),
    }
    if details:
        false_matches["matched"] = [
            {
                "kind": found.probe.kind,
                "text": found.probe.text,
                "matched": list(found.matched),
                "exit": found.exit_code,
            }
            for found in report.false_matches
        ]
    unanswerable: dict[str, object] = {"questions": report.unanswerable, "answered": len(report.answered)}
    if details:
        unanswerable["answers"] = [{"question": item.question, "got": item.got} for item in report.answered]
    return {
        "mbc_cli": report.mbc_cli,
        "parts": parts,
        "all": {"cases": cases, "hits": hits, "hit_rate": round(hits / cases, 4) if cases else 0.0},
        "false_matches": false_matches,
        "unanswerable": unanswerable,
        "seconds": round(report.seconds, 2),
    }


def as_table(report: Report, *, verbose: bool = False) -> str:
    """The report as text: a table of parts, the false-match probe and the unanswerable questions."""
    lines = [f"mbc understanding: mbc_cli from {report.mbc_cli}", ""]
    lines.append(f"{'part':<14}{'cases':>7}{'hits':>7}{'hit rate':>10}{'wrong':>7}{'contested':>11}")
    lines.extend(
        f"{result.part:<14}{result.cases:>7}{result.hits:>7}{result.rate:>10.1%}{result.wrong:>7}"
        f"{len(result.contested):>11}"
        for result in report.parts.values()
    )
    cases = sum(result.cases for result in report.parts.values())
    hits = sum(result.hits for result in report.parts.values())
    contested = sum(len(result.contested) for result in report.parts.values())
    wrong = sum(result.wrong for result in report.parts.values())
    rate = hits / cases if cases else 0.0
    lines.append(f"{'all':<14}{cases:>7}{hits:>7}{rate:>10.1%}{wrong:>7}{contested:>11}")
    lines.append("(wrong: misses that answered something else -- another symptom, site or term, or statements")
    lines.append(" the case does not expect -- rather than nothing)")
    lines.append("(contested: cases whose expectation the vocabulary review rejects, with its reason in the")
    lines.append(" case file; run and listed with --verbose, not counted in the hit rate)")
    lines.append("")
    lines.append(f"{'false-match probe':<20}{'terms':>7}{'false matches':>15}{'rate':>8}")
    lines.append(f"{'':<20}{report.probe_terms:>7}{len(report.false_matches):>15}{report.false_match_rate:>8.1%}")
    lines.append("")
    lines.append(f"unanswerable questions: {report.unanswerable}, answered: {len(report.answered)} (should be 0)")
    lines.append(f"({report.seconds:.1f} s)")
    if verbose:
        for result in report.parts.values():
            if result.misses:
                lines.append("")
                lines.append(f"misses in {result.part}:")
                lines.extend(
                    f"  mbc {miss.case.command} {shlex.quote(miss.case.text)}:"
                    f" expect {json.dumps(dict(miss.case.expect), ensure_ascii=False)}; got {miss.got}"
                    for miss in result.misses
                )
        contested_cases = [item for result in report.parts.values() for item in result.contested]
        if contested_cases:
            lines.append("")
            lines.append("contested (not counted):")
            lines.extend(
                f"  mbc {item.case.command} {shlex.quote(item.case.text)}: {item.got} -- {item.case.contested}"
                for item in contested_cases
            )
        if report.false_matches:
            lines.append("")
            lines.append("false matches:")
            lines.extend(
                f"  [{found.probe.kind}] mbc symptom {shlex.quote(found.probe.text)}: matched {list(found.matched)}"
                f" (exit {found.exit_code})"
                for found in report.false_matches
            )
        if report.answered:
            lines.append("")
            lines.append("answered, though they should not be:")
            lines.extend(f"  mbc ask {shlex.quote(item.question)}: {item.got}" for item in report.answered)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="list each miss, false match and answered question")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--cases", type=Path, default=CASES, help="the cases file (default: %(default)s)")
    parser.add_argument("--false-matches", type=Path, default=FALSE_MATCHES, help="default: %(default)s")
    options = parser.parse_args(argv)
    probes, unanswerable = load_false_matches(options.false_matches)
    report = evaluate(load_cases(options.cases), probes, unanswerable)
    if options.json:
        print(json.dumps(as_json(report, details=options.verbose), indent=2, ensure_ascii=False))
    else:
        print(as_table(report, verbose=options.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
