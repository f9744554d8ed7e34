"""Errors mbc reports to its user, each with the exit code the command line gives it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from mbc_cli.declare import Record
from mbc_cli.printable import visible

if TYPE_CHECKING:
    from mbc_cli.model import NameRef

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_BAD_DATA = 3
EXIT_BUG = 70
"""mbc itself failed (EX_SOFTWARE in sysexits.h): a bug to report, never the user's doing."""
ENV_DEBUG = "MBC_DEBUG"
"""Set (to anything) to let a bug in mbc raise its traceback instead of the short report."""
EXIT_CANNOT_WRITE = 74
"""The answer could not be written: standard output is closed, full or failing (EX_IOERR in sysexits.h)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C): 128 + SIGINT, as a shell reports it; mbc stops without a word."""
EXIT_CLOSED_PIPE = 141
"""Whoever read the answer stopped reading (`mbc sites | head -1`): what a shell reports for a
program that SIGPIPE stopped, and distinct from "not found"."""


class Location(Record):
    """A place in a knowledge-base file, 1-based as editors count."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Problem(Record):
    """One thing wrong with the knowledge base."""

    location: Location | None
    message: str
    entry: str | None = None
    """The entry it concerns, e.g. 'site "bone"'."""
    closest: str | None = None
    """For a quote not found in its source: the source's closest passage."""

    def __post_init__(self) -> None:
        # A problem is one printable line wherever it goes (stderr, JSON, an editor's error list): text
        # from the file inside it, such as a key or an id, shows line breaks and controls as escapes.
        object.__setattr__(self, "message", visible(self.message))
        if self.entry is not None:
            object.__setattr__(self, "entry", visible(self.entry))

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = f"{self.entry}: " if self.entry else ""
        return f"{where}{what}{self.message}"


class MbcError(Exception):
    """A failure mbc explains to its user and turns into an exit code."""

    exit_code = 1
    reason = "error"
    """What went wrong, for programs: the "reason" of a JSON error document."""


class NotFoundError(MbcError):
    """Something the user named is not in the knowledge base."""

    exit_code = EXIT_NOT_FOUND
    reason = "not_found"

    def __init__(self, kind: str, name: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        super().__init__(f'No {kind} "{name}".')


class UsageError(MbcError):
    """The command was asked for something that makes no sense."""

    exit_code = EXIT_USAGE
    reason = "usage"


class OutputError(MbcError):
    """The answer cannot be written where standard output points."""

    exit_code = EXIT_CANNOT_WRITE
    reason = "cannot_write"


class NotNamed(NotFoundError):
    """Nothing of the kind asked for has this name; the message says more, e.g. what the name is instead."""

    def __init__(self, kind: str, name: str, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(kind, name, suggestions)
        self.args = (message,)


class UnmatchedTerm(Protocol):
    """What a symptom term that matched nothing says instead: suggestions, or the kind of thing it names."""

    @property
    def term(self) -> str: ...

    @property
    def suggestions(self) -> tuple[str, ...]: ...

    @property
    def names(self) -> NameRef | None: ...


class NoSymptomMatched(NotFoundError):
    """None of the user's terms is a known symptom; each match says what is known instead."""

    def __init__(self, matches: Sequence[UnmatchedTerm]) -> None:
        first = matches[0]
        super().__init__("symptom", first.term, first.suggestions)
        self.matches = tuple(matches)


class Unanswered(NotFoundError):
    """The sources hold no answer to a question (`mbc ask`): say so, what mbc can answer, and the sources' advice."""

    def __init__(
        self,
        question: str,
        about: Sequence[str],
        advice: str,
        not_in_sources: Sequence[str] = (),
        corrected: Sequence[object] = (),
    ) -> None:
        super().__init__("answer", question)
        self.args = (f'mbc cannot answer "{question}" from its sources.',)
        self.about = tuple(about)
        """What mbc can answer instead."""
        self.advice = advice
        self.not_in_sources = tuple(not_in_sources)
        """The question's words that carry meaning the sources do not cover."""
        self.corrected = tuple(corrected)
        """The words read as others (spelling.Correction), said so."""


class KnowledgeBaseError(MbcError):
    """The knowledge base is broken; every problem found is listed."""

    exit_code = EXIT_BAD_DATA
    reason = "knowledge_base"

    def __init__(self, path: str, problems: Sequence[Problem], unread: Sequence[str] = ()) -> None:
        self.path = path
        self.problems = tuple(problems)
        self.unread = tuple(unread)
        """The files that could not be read: their own problems may be more than those listed."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"The knowledge base at {path} has {count} {noun}.")
