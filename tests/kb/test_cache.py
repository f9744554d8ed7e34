"""The compiled knowledge base: the same model as the YAML, cached safely, never stale."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from mbc_cli.errors import KnowledgeBaseError
from mbc_cli.kb import cache as kb_cache
from mbc_cli.kb import load, locate
from mbc_cli.kb.stored import CacheChanged
from mbc_cli.model import KnowledgeBase

from ..conftest import FIXTURES, ROOT

FIELDS = [name for name in KnowledgeBase.FIELDS if name != "path"]


def same_model(one: KnowledgeBase, other: KnowledgeBase) -> None:
    for name in FIELDS:
        assert dict(getattr(one, name).items()) == dict(getattr(other, name).items()), name


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "mbc"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A copy of the minimal knowledge base: for the cache's mechanics, where size only costs time."""
    copy = tmp_path / "small"
    shutil.copytree(FIXTURES / "minimal", copy)
    return copy


@pytest.fixture
def small_kb(small: Path) -> KnowledgeBase:
    return load.load(small)


def compiled(knowledge: KnowledgeBase, folder: Path) -> KnowledgeBase:
    """The model written as a compiled file in `folder` and read back."""
    file = folder / "compiled.marshal"
    file.write_bytes(kb_cache.pack("a digest", knowledge))
    read = kb_cache.read(file, "a digest", Path(knowledge.path))
    assert read is not None
    return read


def test_the_compiled_model_is_the_yaml_model(real_kb: KnowledgeBase, tmp_path: Path) -> None:
    same_model(compiled(real_kb, tmp_path), real_kb)


def test_the_second_run_reads_the_cache_not_the_yaml(
    data: Path, cache: Path, real_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb_cache.open_kb(data)
    assert len(list(cache.glob("kb-*.marshal"))) == 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(load, "load", no_parsing)
    same_model(kb_cache.open_kb(data), real_kb)


def test_a_changed_knowledge_base_is_never_served_from_the_cache(data: Path, cache: Path) -> None:
    assert kb_cache.open_kb(data).sites["bone"].name == "bone"
    sites = data / "sites.yaml"
    sites.write_text(sites.read_text().replace("  name: bone\n", "  name: bones of the body\n", 1))
    assert kb_cache.open_kb(data).sites["bone"].name == "bones of the body"
    assert len(list(cache.glob("kb-*.marshal"))) == 2


def test_a_broken_knowledge_base_is_reported_not_cached(data: Path, cache: Path) -> None:
    (data / "sites.yaml").write_text("- id: [unclosed\n")
    with pytest.raises(KnowledgeBaseError):
        kb_cache.open_kb(data)
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: raw[:-1],  # one byte short: only its last blob is damaged
        lambda raw: raw + b"\0",  # grown
        lambda raw: b"mbc-kb1\n" + raw[8:],  # another layout
        lambda raw: b"\x00garbage" + raw[8:],  # corrupt
        lambda raw: b"",  # empty
        lambda raw: marshal.dumps({"digest": "written by another mbc", "fields": {}}),
        lambda raw: marshal.dumps([1, 2, 3]),
    ],
)
def test_a_damaged_cache_file_is_only_a_miss(small: Path, cache: Path, small_kb: KnowledgeBase, damage: object) -> None:
    kb_cache.open_kb(small)
    (cached,) = cache.glob("kb-*.marshal")
    cached.write_bytes(damage(cached.read_bytes()))  # type: ignore[operator]
    same_model(kb_cache.open_kb(small), small_kb)
    same_model(kb_cache.open_kb(small), small_kb)  # and it was rewritten whole


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write a read-only folder")
def test_a_read_only_cache_folder_still_answers(small: Path, cache: Path, small_kb: KnowledgeBase) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o500)
    try:
        same_model(kb_cache.open_kb(small), small_kb)
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o700)


def test_a_cache_that_cannot_be_written_still_answers(
    small: Path, cache: Path, small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    same_model(kb_cache.open_kb(small), small_kb)
    same_model(kb_cache.open_kb(small), small_kb)


def test_a_cache_folder_that_is_a_file_still_answers(small: Path, cache: Path, small_kb: KnowledgeBase) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("not a folder")
    same_model(kb_cache.open_kb(small), small_kb)


def test_the_cache_writes_nothing_outside_its_folder(small: Path, cache: Path, tmp_path: Path) -> None:
    before = {p for p in tmp_path.rglob("*") if not p.is_relative_to(cache)}
    kb_cache.open_kb(small)
    kb_cache.open_kb(small)
    after = {p for p in tmp_path.rglob("*") if not p.is_relative_to(cache)}
    assert after == before | {cache.parent}


def test_two_processes_compiling_at_once_both_answer(small: Path, cache: Path) -> None:
    code = "import sys, pathlib; from mbc_cli.kb import cache; kb = cache.open_kb(pathlib.Path(sys.argv[1]))\n"
    code += "print(kb.sites['bone'].name)"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parent)}
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(small)], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    assert [run.communicate(timeout=60)[0].strip() for run in runs] == ["bone"] * 4
    assert [p.name for p in cache.iterdir() if not p.name.startswith("kb-")] == []  # no temporary file left


def test_the_knowledge_base_is_chosen_by_argument_then_environment(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert locate.folder() == locate.bundled_path()
    monkeypatch.setenv("MBC_KB", str(data))
    assert locate.folder() == data
    assert locate.folder(ROOT / "data") == ROOT / "data"


def test_a_compiled_file_cut_while_it_is_read_is_a_clear_error(real_kb: KnowledgeBase, tmp_path: Path) -> None:
    """mbc replaces its files whole; another program cutting one mbc has open gets a message, not a crash."""
    thawed = compiled(real_kb, tmp_path)
    os.truncate(tmp_path / "compiled.marshal", 100)
    with pytest.raises(CacheChanged, match="changed while mbc read it"):
        thawed.sites["bone"]


def test_lazy_entries_behave_as_a_read_only_mapping(real_kb: KnowledgeBase, tmp_path: Path) -> None:
    thawed = compiled(real_kb, tmp_path)
    assert len(thawed.sites) == len(real_kb.sites)
    assert list(thawed.sites) == list(real_kb.sites)
    assert "bone" in thawed.sites and "nowhere" not in thawed.sites
    assert thawed.sites.get("nowhere") is None
    assert thawed.sites["bone"] is thawed.sites["bone"]  # decoded once
    assert "bone" in thawed.names and "zz top" not in thawed.names
    assert len(thawed.names) == len(real_kb.names) == len(list(thawed.names))
    with pytest.raises(KeyError):
        thawed.names["zz top"]
    with pytest.raises(TypeError):
        thawed.sites["bone"] = thawed.sites["liver"]  # type: ignore[index]


# --- The stamp: a folder unchanged since the last run is not even hashed ------------------------


def _settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every file as long settled, as the files of a knowledge base in use are."""
    monkeypatch.setattr(kb_cache, "_SETTLED_NS", -(10**12))


def test_an_unchanged_folder_is_read_without_hashing(
    small: Path, cache: Path, small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settled(monkeypatch)
    kb_cache.open_kb(small)
    assert len(list(cache.glob("kb-*.stamp"))) == 1

    def no_hashing(*args: object) -> None:
        raise AssertionError("the YAML was hashed again")

    monkeypatch.setattr(kb_cache, "fingerprint", no_hashing)
    same_model(kb_cache.open_kb(small), small_kb)


def test_a_changed_file_changes_the_stamp(small: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(monkeypatch)
    before = kb_cache.stamp_of(small)
    sites = small / "sites.yaml"
    sites.write_text(sites.read_text().replace("name: bone", "name: bones of the body"))
    assert kb_cache.stamp_of(small) not in (None, before)
    assert kb_cache.open_kb(small).sites["bone"].name == "bones of the body"


def test_a_file_changed_in_the_last_seconds_is_never_trusted_by_its_stamp(small: Path) -> None:
    """Two writes within the clock's granularity can leave the same size and times: only contents tell."""
    (small / "sites.yaml").write_text((small / "sites.yaml").read_text())
    assert kb_cache.stamp_of(small) is None


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", marshal.dumps({"stamp": "another", "digest": "x"})])
def test_a_damaged_stamp_file_is_only_a_miss(
    small: Path, cache: Path, small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    _settled(monkeypatch)
    kb_cache.open_kb(small)
    (stamp,) = cache.glob("kb-*.stamp")
    stamp.write_bytes(damage)
    same_model(kb_cache.open_kb(small), small_kb)


def test_the_cache_folder_is_the_systems(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Linux: $XDG_CACHE_HOME/mbc, else ~/.cache/mbc. macOS and Windows: what platformdirs names."""
    import types

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kb_cache.cache_folder() == tmp_path / "xdg" / "mbc"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert kb_cache.cache_folder() == tmp_path / "home" / ".cache" / "mbc"
    asked: list[tuple[str, object]] = []

    def user_cache_path(name: str, appauthor: object = None) -> Path:
        asked.append((name, appauthor))
        return tmp_path / "Library" / "Caches" / name

    monkeypatch.setitem(sys.modules, "platformdirs", types.SimpleNamespace(user_cache_path=user_cache_path))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert kb_cache.cache_folder() == tmp_path / "Library" / "Caches" / "mbc"
    assert asked == [("mbc", False)]


def test_a_compile_removes_cache_files_unused_for_a_month(small: Path, cache: Path, data: Path) -> None:
    """Each edit of a knowledge base leaves the model compiled before it, which nothing will read again:
    the next compile removes mbc's cache files unused for UNUSED_FOR seconds, and keeps the others."""
    kb_cache.open_kb(small)
    (old,) = cache.glob("kb-*.marshal")
    month_ago = time.time() - kb_cache.UNUSED_FOR - 60
    os.utime(old, (month_ago, month_ago))
    other = cache / "notes.txt"  # not mbc's: never touched
    other.write_text("mine")
    os.utime(other, (month_ago, month_ago))
    kb_cache.open_kb(data)  # compiles another knowledge base
    assert not old.exists()
    assert other.exists()
    assert len(list(cache.glob("kb-*.marshal"))) == 1


def test_a_cache_file_in_use_is_kept(small: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a compiled model marks it used, so a knowledge base in use is never pruned."""
    kb_cache.open_kb(small)
    (compiled,) = cache.glob("kb-*.marshal")
    month_ago = time.time() - kb_cache.UNUSED_FOR - 60
    os.utime(compiled, (month_ago, month_ago))
    kb_cache.open_kb(small)  # a hit: marks it used
    kb_cache.prune(cache)
    assert compiled.exists()


def test_a_second_question_in_one_run_reads_the_model_once(
    small: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mbc's prompt answers question after question in one process: the model is read once, its decoded
    entries kept; a change to the folder is a new model."""
    monkeypatch.setattr(kb_cache, "_SETTLED_NS", 0)  # the files just written count as settled
    kb_cache.open_kb(small)  # validates and compiles
    second = kb_cache.open_kb(small)  # reads the compiled model
    assert kb_cache.open_kb(small) is second
    notes = small / "notes.yaml"
    notes.write_text(notes.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    changed = kb_cache.open_kb(small)
    assert changed is not second
