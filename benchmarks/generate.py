"""Write a knowledge base FACTOR times the size of mbc's bundled one: the originals plus synthetic copies."""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in PyYAML's wheels for every platform we use
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

BUNDLED = Path(__file__).resolve().parent.parent / "data"
"""The knowledge base in this checkout."""

FILES = (
    "sources",
    "sites",
    "local_areas",
    "symptoms",
    "tests",
    "treatments",
    "drugs",
    "studies",
    "statistics",
    "terms",
    "notes",
)
"""The files of a knowledge base (`<name>.yaml`), as docs/knowledge-base.md lists them."""

_ID_KEYS = frozenset({"id", "site", "symptom", "via", "study", "treatment"})
"""Keys whose text is an entry's own id or a reference to one; `source` is neither: sources are not copied."""
_NAME_KEYS = frozenset({"name"})
_NAME_LIST_KEYS = frozenset({"aliases", "brands"})


def generate(source: Path, out: Path, factor: int) -> None:
    """Write to `out` the knowledge base at `source` followed by `factor - 1` renamed copies of its entries.

    Copy k suffixes ids with `_xk` and names, aliases and brands with ` xk`, and points its references at
    copy k, so every name stays unique and every reference resolves. Sources are not copied (citations
    keep citing the real ones), nor are advice notes: the advice that ends every answer stays the same.

    Copies that would otherwise answer every question are scoped like the rest of their copy: a test used
    wherever cancer may have spread checks copy k's bone instead, and a treatment is for the BRCA subtype.
    So the benchmark's questions (site bone, symptom headache, treatments --her2-positive) get the same
    answer at every size, and what is timed is searching a larger knowledge base, not printing an answer
    a hundred times longer. Every copy still has the fields, lists and citations of its original.
    """
    if factor < 1:
        raise ValueError(f"factor must be at least 1, got {factor}")
    out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        text = (source / f"{name}.yaml").read_text(encoding="utf-8")
        entries = yaml.load(text, Loader=_Loader) or []
        if name != "sources":
            originals = [entry for entry in entries if not _is_advice(name, entry)]
            copies = [_scoped(name, _renamed(entry, None, k), k) for k in range(2, factor + 1) for entry in originals]
            if copies:
                # The originals are kept as written (comments, anchors and all); the copies follow them.
                text = text.rstrip("\n") + "\n\n# Synthetic copies written by benchmarks/generate.py\n"
                text += yaml.dump(copies, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
        (out / f"{name}.yaml").write_text(text, encoding="utf-8")


def _scoped(file: str, entry: object, copy: int) -> object:
    """Scope a copied test or treatment that applies everywhere to its copy (see `generate`)."""
    if not isinstance(entry, dict):
        return entry
    claims = entry.get("purpose") or entry.get("aims") or []
    citations = claims[0]["citations"] if claims else []
    if file == "tests" and not entry.get("sites"):
        entry["sites"] = [{"site": f"bone_x{copy}", "citations": citations}]
    if file == "treatments":
        entry["subtypes"] = [{"subtype": "brca_mutation", "citations": citations}]
    return entry


def _is_advice(file: str, entry: object) -> bool:
    return file == "notes" and isinstance(entry, dict) and entry.get("topic") == "advice"


def _renamed(value: object, key: str | None, copy: int) -> object:
    """Return a fresh copy of `value` (found under `key`) with its ids and names made those of copy `copy`."""
    if isinstance(value, dict):
        return {k: _renamed(v, k, copy) for k, v in value.items()}
    if isinstance(value, list):
        if key in _NAME_LIST_KEYS:
            return [f"{item} x{copy}" for item in value]
        return [_renamed(item, None, copy) for item in value]
    if isinstance(value, str) and key in _ID_KEYS:
        return f"{value}_x{copy}"
    if isinstance(value, str) and key in _NAME_KEYS:
        return f"{value} x{copy}"
    return value


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and write the knowledge base."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write the knowledge base to")
    parser.add_argument("--factor", type=int, required=True, help="how many times the source's entries to write")
    parser.add_argument("--source", type=Path, default=BUNDLED, help="knowledge base to grow (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error("--factor must be at least 1")
    generate(args.source, args.out, args.factor)
    size = sum((args.out / f"{name}.yaml").stat().st_size for name in FILES)
    print(f"wrote {args.out}: {args.factor}x {args.source}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
