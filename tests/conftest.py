"""Shared fixtures: the real knowledge base, loaded once, the source snapshots' folder, and one browser
(tests/browser.py) for every test that opens a page."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.testing
from hypothesis import HealthCheck, settings

from mbc_cli.kb import load
from mbc_cli.model import KnowledgeBase
from tests.browser import artifacts_fixture, browser_fixture  # noqa: F401 (one browser for the whole session)

SUITE_EXAMPLES = 50
settings.register_profile(
    "default",
    derandomize=True,
    deadline=None,
    max_examples=SUITE_EXAMPLES,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
"""The suite: the same examples on every run (deterministic), each property checked SUITE_EXAMPLES times, so
that the whole suite stays under a minute; CI's fuzzing step then runs 500 fresh random examples of each."""
settings.register_profile(
    "fuzz",
    derandomize=False,
    deadline=None,
    max_examples=int(os.environ.get("MBC_FUZZ_EXAMPLES", "1000")),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
"""Fuzzing (`pytest -m fuzz --hypothesis-profile=fuzz`): fresh random examples each run, many more of them."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

typer.testing._get_command = functools.cache(typer.testing._get_command)  # type: ignore[attr-defined]
"""Typer's CliRunner rebuilds the Click command from mbc's functions on every invoke (~45 ms); a
process builds it once, so the tests do too. Nothing in the command changes between runs."""

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or write the user's cache of compiled knowledge bases."""
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("MBC_KB", None)
    from mbc_cli.kb import cache

    cache.open_kb()  # compiled once, first: no test's bounded work pays for compiling it
    yield
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    """The knowledge base mbc ships with."""
    return load.load(ROOT / "data")


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The source snapshots: $MBC_SOURCES_DIR, or ../shared/sources beside the repository.

    Without them the provenance tests skip, except under CI (CI=true), where they must run.
    """
    folder = Path(os.environ.get("MBC_SOURCES_DIR", ROOT.parent / "shared" / "sources"))
    if not (folder / "manifest.yaml").is_file():
        reason = f"source snapshots not found in {folder} (set MBC_SOURCES_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + "; under CI they are required")
        pytest.skip(reason)
    return folder
