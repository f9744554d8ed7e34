"""Every kind of entry, named once: its file, its words, the command that shows one, and its class.

A kind compares equal to its value ("site"), the word the name index, search and JSON use. The
class of a kind's entries is declared in mbc_cli.model, which names its kind there.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mbc_cli.declare import Record


class Kind(str, Enum):
    """A kind of entry: its file, its words, the command that shows one, and the class of its entries."""

    file: str | None
    """The knowledge-base file (`<file>.yaml`) and the KnowledgeBase field that hold entries of this kind."""
    entry: type[Record] | None
    """The class of its entries: set when mbc_cli.model declares it (`class Site(Record, kind=Kind.SITE)`)."""
    label: str
    """One of them, in words: "local area"."""
    plural: str
    """Several, in words: "local areas"."""
    heading: str
    """The heading of a list of them."""
    command: str | None
    """The mbc command that shows one ({name} stands for its name), or None."""

    def __new__(cls, value: str, *details: object) -> Kind:
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __init__(
        self,
        value: str,
        file: str | None,
        label: str,
        plural: str,
        heading: str,
        command: str | None,
    ) -> None:
        self.file = file
        self.entry = None
        self.label = label
        self.plural = plural
        self.heading = heading
        self.command = command

    SOURCE = ("source", "sources", "source", "sources", "Sources", "sources")
    SITE = ("site", "sites", "site", "sites", "Sites", "site {name}")
    PLACE = ("place", None, "place", "places", "Places within a site", "site {name}")
    LOCAL_AREA = (
        "local_area",
        "local_areas",
        "local area",
        "local areas",
        "Local areas (not distant sites)",
        "site {name}",
    )
    SYMPTOM = ("symptom", "symptoms", "symptom", "symptoms", "Symptoms", "symptom {name}")
    TEST = ("test", "tests", "test", "tests", "Tests", "tests")
    TREATMENT = ("treatment", "treatments", "treatment", "treatments", "Treatments", "treatments")
    DRUG = ("drug", "drugs", "drug", "drugs", "Drugs", "drug {name}")
    STUDY = ("study", "studies", "study", "studies", "Studies", None)
    STATISTIC = ("statistic", "statistics", "statistic", "statistics", "Statistics", "stats")
    TERM = ("term", "terms", "term", "terms", "Terms", "term {name}")
    NOTE = ("note", "notes", "note", "notes", "What the sources note", None)

    def __str__(self) -> str:
        value: str = self._value_
        return value

    def command_for(self, name: str) -> str | None:
        """The command line that shows the entry named `name` in full (None for a note, which search shows whole)."""
        if self.command is None:
            return None
        import shlex  # only where an answer points at another command

        return "mbc " + self.command.format(name=shlex.quote(name))

    @classmethod
    def of(cls, value: str) -> Kind:
        """The kind whose value is `value` ("site")."""
        found = cls._value2member_map_[value]
        assert isinstance(found, Kind)
        return found


FILES = tuple(kind for kind in Kind if kind.file is not None)
"""The kinds with a file of their own, in the order the knowledge base lists them."""
NAMED = frozenset(
    {Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA, Kind.SYMPTOM, Kind.TEST, Kind.TREATMENT, Kind.DRUG, Kind.TERM}
)
"""The kinds whose names and aliases the name index holds."""
SITE_KINDS = frozenset({Kind.SITE, Kind.PLACE, Kind.LOCAL_AREA})
"""What `mbc site` shows: a site, a place within one, or a local area."""
