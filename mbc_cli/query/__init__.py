"""Pure questions asked of the knowledge base: nothing here prints, exits or reads files."""

from mbc_cli.query.inventory import Summary, all_citations, entries_by_kind, summary
from mbc_cli.query.lookup import advice, suggest
from mbc_cli.query.sites import LocalAreaAnswer, SiteAnswer, SitesAnswer, all_sites, by_site
from mbc_cli.query.symptoms import SymptomAnswer, all_symptoms, by_symptoms, match_symptom
from mbc_cli.query.treatments import Profile, TestsAnswer, TreatmentsAnswer, profile, tests_for, treatments_for

__all__ = [
    "LocalAreaAnswer",
    "Profile",
    "SiteAnswer",
    "SitesAnswer",
    "Summary",
    "SymptomAnswer",
    "TestsAnswer",
    "TreatmentsAnswer",
    "advice",
    "all_citations",
    "all_sites",
    "all_symptoms",
    "by_site",
    "by_symptoms",
    "entries_by_kind",
    "match_symptom",
    "profile",
    "suggest",
    "summary",
    "tests_for",
    "treatments_for",
]
