"""The wheel carries the knowledge base, and an installed mbc finds it from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("mbc-*.whl")
    return built


def test_wheel_contains_every_knowledge_base_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"mbc_cli/data/{path.name}" for path in (ROOT / "data").glob("*.yaml")}
    assert len(expected) == 11
    assert expected <= names
    assert not any(name.startswith("data/") for name in names)


def test_installed_layout_loads_the_shipped_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from mbc_cli.kb import load, locate; k = load.load(); print(locate.bundled_path(), len(k.sites))",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    path, sites = result.stdout.split()
    assert Path(path) == site / "mbc_cli" / "data"
    assert int(sites) >= 11


def test_the_wheel_ships_the_compiled_model_and_uses_it(wheel: Path, tmp_path: Path) -> None:
    """An installed mbc answers from the model compiled at build time: no YAML parse, no cache written."""
    assert "mbc_cli/compiled.marshal" in zipfile.ZipFile(wheel).namelist()
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(cache)}
    env.pop("MBC_KB", None)
    code = (
        "import sys; from mbc_cli.kb import cache; k = cache.open_kb(); "
        "print(k.sites['bone'].name, 'mbc_cli.kb.load' in sys.modules, 'yaml' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["bone", "False", "False"]
    assert not cache.exists()
