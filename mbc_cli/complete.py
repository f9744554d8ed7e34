"""Shell completion: the names and aliases that complete what the user has started to type.

Typer runs the program at every TAB with the words typed so far; these functions answer from the
knowledge base's name index and never fail loudly: a completion that cannot be given is empty.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import typer

from mbc_cli.understand.normalise import name_key

_BASH_SPECIAL = re.compile(r"""([\s'"\\$`()&;<>|*?\[\]{}!#~])""")
LIMIT = 100
"""At most this many completions: beyond, the shell's list is no help."""

Completer = Callable[[typer.Context, str], list[tuple[str, str]]]


def names(incomplete: str, kinds: frozenset[str], kb: Path | None = None) -> list[tuple[str, str]]:
    """Names and aliases of the given kinds that start with `incomplete`, with what each names.

    Names come before aliases; each is offered as typed in the knowledge base's index (folded case).
    The knowledge base is the one in `kb`, else $MBC_KB, else the bundled one.
    """
    from mbc_cli.errors import MbcError
    from mbc_cli.kb import cache

    try:
        knowledge = cache.open_kb(kb)
    except MbcError:
        return []
    start = name_key(incomplete)
    index = knowledge.names
    found: dict[str, tuple[bool, str]] = {}
    for key in index.starting_with(start):
        for ref in index[key]:
            if ref.kind in kinds:
                is_alias = key != name_key(ref.name)
                if ref.kind == "place":
                    part_of = f"part of {knowledge.sites[ref.id].name}"
                    label = f"{ref.name}, {part_of}" if is_alias else part_of
                else:
                    label = ref.kind.label + (f": {ref.name}" if is_alias else "")
                found.setdefault(key, (is_alias, label))
                break
    chosen = sorted(found.items(), key=lambda item: (item[1][0], item[0]))[:LIMIT]
    return [(as_typed(key, incomplete), label) for key, (_, label) in chosen]


def as_typed(value: str, incomplete: str) -> str:
    """`value` completing what was typed, in the case it was typed ("Head" -> "Headache"): the shells keep only
    values that start with the very letters typed. A value typed otherwise ("yellow  s") is left as it is."""
    start = value[: len(incomplete)]
    return incomplete + value[len(incomplete) :] if start.casefold() == incomplete.casefold() else value


def of(*kinds: str) -> Completer:
    """A completion function for names of these kinds, for a Typer argument or option.

    It completes from the knowledge base chosen with --kb when the words typed so far give one.
    """
    wanted = frozenset(kinds)

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        chosen = ctx.find_root().params.get("kb")  # text, as --kb takes it; None when not given
        return names(incomplete, wanted, Path(chosen) if isinstance(chosen, str) and chosen else None)

    return complete


SUBTYPE_WORDS = {
    "her2-positive": "HER2-positive",
    "her2-negative": "HER2-negative",
    "hr-positive": "hormone-receptor-positive",
    "hr-negative": "hormone-receptor-negative",
    "er-positive": "estrogen-receptor-positive, a kind of HR-positive",
    "pr-positive": "progesterone-receptor-positive, a kind of HR-positive",
    "triple-negative": "triple-negative",
    "tnbc": "triple-negative breast cancer",
    "brca": "a BRCA1 or BRCA2 mutation",
}
"""The subtype words `mbc treatments` completes, one word each, with what each says (each is read as its flag)."""


def subtypes(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The subtype words that start with what was typed, in any case: `mbc treatments her<TAB>`."""
    folded = incomplete.casefold()
    return [(as_typed(word, incomplete), said) for word, said in SUBTYPE_WORDS.items() if word.startswith(folded)]


def nothing(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """No completion: a question is the user's own words (and bash offers no file names for it)."""
    return []


FILES = 100
"""The exit code of a bash completion request that asks bash for its own file-name completion: the word is a
folder (--kb, --sources, validate's FOLDER). mbc's bash script completes nothing else by itself."""
_PATH_OPTIONS = frozenset({"--kb", "--sources"})


def for_bash(cli: Any, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str) -> str | None:
    """Answer a bash completion request, each value written as bash's own file-name completion would; None
    where the word is a folder, for bash to complete as a file name.

    Typer writes values as they are. Bash puts them in place of the word being typed, so a value
    with a space must be escaped (`yellow\\ skin`), unless the word opened a quote (`"shortn`):
    then bash completes inside the quote and closes it, and escapes would be taken literally.
    """
    from typer._completion_classes import BashComplete

    shell = BashComplete(cli, ctx_args, prog_name, complete_var)
    args, incomplete = shell.get_completion_args()
    words = os.environ.get("COMP_WORDS", "").split("\n")  # Typer's script joins them with IFS=$'\n'
    index = int(os.environ["COMP_CWORD"])  # read (and checked) by get_completion_args already
    if wants_a_folder(args, incomplete):
        return None
    quote = open_quote(words[index] if 0 <= index < len(words) else "")
    return "\n".join(bash_word(item.value, quote) for item in shell.get_completions(args, incomplete))


def wants_a_folder(args: list[str], incomplete: str) -> bool:
    """Whether the word being typed is a folder: after --kb or --sources, or validate's own argument."""
    if args and args[-1] in _PATH_OPTIONS:
        return True
    words = [arg for i, arg in enumerate(args) if not arg.startswith("-") and (i == 0 or args[i - 1] != "--kb")]
    return words[:1] == ["validate"] and not incomplete.startswith("-")


def open_quote(word: str) -> str | None:
    """The quote (' or ") that `word`, as typed in bash, leaves open; None if every quote is closed."""
    quote: str | None = None
    escaped = False
    for char in word:
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote is None and char in "'\"":
            quote = char
        elif char == quote:
            quote = None
    return quote


def bash_word(value: str, quote: str | None) -> str:
    """`value` as bash must receive it to complete a word typed unquoted or inside `quote`."""
    if quote == "'":
        return value.replace("'", "'\\''")
    if quote == '"':
        return re.sub(r'([\\"$`])', r"\\\1", value)
    return _BASH_SPECIAL.sub(r"\\\1", value)


SITES = of("site", "place", "local_area")
SUBTYPES = subtypes
QUESTION = nothing
SYMPTOMS = of("symptom")
TERMS = of("term")
DRUGS = of("drug")
