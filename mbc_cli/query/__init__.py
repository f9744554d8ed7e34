"""Pure questions asked of the knowledge base: nothing here prints, exits or reads files.

Each command needs one of these modules; names are imported from it when first used, so that
answering `mbc site bone` does not pay for defining the other commands' answer types.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mbc_cli.query.inventory import Summary, advice, all_citations, entries_by_kind, summary
    from mbc_cli.query.reference import (
        Named,
        Statistics,
        all_drugs,
        all_terms,
        drug_named,
        statistics,
        term_named,
    )
    from mbc_cli.query.sites import LocalAreaAnswer, SiteAnswer, SitesAnswer, all_sites, by_site
    from mbc_cli.query.symptoms import SymptomAnswer, all_symptoms, by_symptoms, match_symptom
    from mbc_cli.query.text_search import SearchAnswer, search
    from mbc_cli.query.treatments import (
        Flags,
        Profile,
        TestsAnswer,
        TreatmentsAnswer,
        is_subtype,
        profile,
        profile_said,
        status,
        subtype_flags,
        tests_for,
        treatments_for,
    )

_HOME = {
    **dict.fromkeys(("Summary", "advice", "all_citations", "entries_by_kind", "summary"), "inventory"),
    **dict.fromkeys(
        (
            "Named",
            "Statistics",
            "all_drugs",
            "all_terms",
            "drug_named",
            "statistics",
            "term_named",
        ),
        "reference",
    ),
    **dict.fromkeys(("SearchAnswer", "search"), "text_search"),
    **dict.fromkeys(("LocalAreaAnswer", "SiteAnswer", "SitesAnswer", "all_sites", "by_site"), "sites"),
    **dict.fromkeys(("SymptomAnswer", "all_symptoms", "by_symptoms", "match_symptom"), "symptoms"),
    **dict.fromkeys(
        (
            "Flags",
            "Profile",
            "TestsAnswer",
            "TreatmentsAnswer",
            "is_subtype",
            "profile",
            "profile_said",
            "status",
            "subtype_flags",
            "tests_for",
            "treatments_for",
        ),
        "treatments",
    ),
}
"""Where each name of this package is defined."""

__all__ = [
    "Flags",
    "LocalAreaAnswer",
    "Named",
    "Profile",
    "SearchAnswer",
    "SiteAnswer",
    "SitesAnswer",
    "Statistics",
    "Summary",
    "SymptomAnswer",
    "TestsAnswer",
    "TreatmentsAnswer",
    "advice",
    "all_citations",
    "all_drugs",
    "all_sites",
    "all_symptoms",
    "all_terms",
    "by_site",
    "by_symptoms",
    "drug_named",
    "entries_by_kind",
    "is_subtype",
    "match_symptom",
    "profile",
    "profile_said",
    "search",
    "statistics",
    "status",
    "subtype_flags",
    "summary",
    "term_named",
    "tests_for",
    "treatments_for",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"mbc_cli.query.{_HOME[name]}"), name)
