"""The parser cache: no file planted or damaged in it is ever loaded — not a pickle, not a
corrupted entry, not a symlink, not a file someone else owns or may write."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from govinfo_report.template import grammars, parser_cache

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVINFO_REPORT_CACHE", str(folder))
    return folder


def _entry(cache: Path) -> Path:
    """A compiled grammar written to the cache, as the library writes it."""
    found = parser_cache.cache_dir()
    assert found == cache
    path = cache / "layouts_tsv-grid-test.json"
    parser_cache.write(path, grammars.load("layouts/tsv.lark", "grid"))
    return path


class _Planted:
    """Unpickling this would run code: it leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, ...]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


def test_an_entry_is_private_and_loads(cache: Path) -> None:
    path = _entry(cache)
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    parser = parser_cache.read(path)
    assert parser is not None and parser.parse("a\t1\n")


def test_a_planted_pickle_is_never_loaded(cache: Path, tmp_path: Path) -> None:
    path = _entry(cache)
    marker = tmp_path / "ran"
    path.write_bytes(pickle.dumps(_Planted(marker)))
    os.chmod(path, 0o600)
    assert parser_cache.read(path) is None
    assert not marker.exists()
    assert not path.exists()  # deleted, to be built again


def test_a_flipped_byte_is_caught_and_the_entry_rebuilt(cache: Path) -> None:
    path = _entry(cache)
    good = path.read_bytes()
    for offset in (len(good) // 3, len(good) // 2, len(good) - 5):
        damaged = bytearray(good)
        damaged[offset] ^= 0x01
        path.write_bytes(bytes(damaged))
        os.chmod(path, 0o600)
        assert parser_cache.read(path) is None
        assert not path.exists()
        path.write_bytes(good)
        os.chmod(path, 0o600)
    assert parser_cache.read(path) is not None


def test_a_symlink_at_an_entry_is_not_followed(cache: Path, tmp_path: Path) -> None:
    path = _entry(cache)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(path.read_bytes())
    os.chmod(elsewhere, 0o600)
    path.unlink()
    path.symlink_to(elsewhere)
    assert parser_cache.read(path) is None
    assert not path.is_symlink() and elsewhere.exists()
    # writing an entry where a symlink stands replaces the link, not its target
    path.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    parser_cache.write(path, grammars.load("layouts/tsv.lark", "grid"))
    assert not path.is_symlink() and elsewhere.read_bytes() == before


def test_an_entry_others_may_read_or_write_is_not_trusted(cache: Path) -> None:
    path = _entry(cache)
    os.chmod(path, 0o644)
    assert parser_cache.read(path) is None


@pytest.mark.skipif(not ROOT_USER, reason="making a file someone else's needs root")
def test_an_entry_owned_by_someone_else_is_not_trusted(cache: Path) -> None:
    path = _entry(cache)
    os.chown(path, 65534, 65534)
    assert parser_cache.read(path) is None


@pytest.mark.skipif(not ROOT_USER, reason="making a folder someone else's needs root")
def test_a_cache_folder_owned_by_someone_else_is_not_used(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    os.chown(cache, 65534, 65534)
    assert parser_cache.cache_dir() is None


def test_a_cache_folder_others_may_enter_is_made_private(cache: Path) -> None:
    cache.mkdir()
    os.chmod(cache, 0o777)
    assert parser_cache.cache_dir() == cache
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700


def test_two_installs_sharing_a_folder_keep_to_their_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same grammars installed in another place make other entries
    here = grammars._grammar_digest()
    other = tmp_path / "site-packages" / "govinfo_report" / "grammars"
    shutil.copytree(grammars.grammar_dir(), other)
    monkeypatch.setattr(grammars, "grammar_dir", lambda: other)
    grammars._grammar_digest.cache_clear()
    try:
        assert grammars._grammar_digest() != here
    finally:
        grammars._grammar_digest.cache_clear()
