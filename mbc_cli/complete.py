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
    return [(key, label) for key, (_, label) in chosen]


def of(*kinds: str) -> Completer:
    """A completion function for names of these kinds, for a Typer argument or option.

    It completes from the knowledge base chosen with --kb when the words typed so far give one.
    """
    wanted = frozenset(kinds)

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        chosen = ctx.find_root().params.get("kb")  # text, as --kb takes it; None when not given
        return names(incomplete, wanted, Path(chosen) if isinstance(chosen, str) and chosen else None)

    return complete


def for_bash(cli: Any, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str) -> str:
    """Answer a bash completion request, each value written as bash's own file-name completion would.

    Typer writes values as they are. Bash puts them in place of the word being typed, so a value
    with a space must be escaped (`yellow\\ skin`), unless the word opened a quote (`"shortn`):
    then bash completes inside the quote and closes it, and escapes would be taken literally.
    """
    from typer._completion_classes import BashComplete

    shell = BashComplete(cli, ctx_args, prog_name, complete_var)
    args, incomplete = shell.get_completion_args()
    words = os.environ.get("COMP_WORDS", "").split("\n")  # Typer's script joins them with IFS=$'\n'
    index = int(os.environ["COMP_CWORD"])  # read (and checked) by get_completion_args already
    quote = open_quote(words[index] if 0 <= index < len(words) else "")
    return "\n".join(bash_word(item.value, quote) for item in shell.get_completions(args, incomplete))


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
SYMPTOMS = of("symptom")
TERMS = of("term")
DRUGS = of("drug")
