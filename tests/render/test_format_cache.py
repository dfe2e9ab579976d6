"""The formatting cache is the repository's folder, so it is not trusted: a cache folder that
is a symbolic link is not used, and the pruning deletes only the cache's own entries."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from codegen.render import format_cache
from codegen.render.format_cache import (
    CACHE_ENTRIES,
    cache_entry,
    cached,
    formatting_cache,
    is_entry,
)

OLD = 1_000_000_000  # a modification time older than any entry's, in seconds


def user_files(folder: Path, count: int = 100) -> dict[str, bytes]:
    """``count`` files of a user's in ``folder``, older than any cache entry, some named as
    entries are; their names and bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for index in range(count):
        name = (
            f"note-{index}.txt" if index % 2 else f"{hashlib.sha256(bytes(index)).hexdigest()}.txt"
        )
        files[name] = f"my note {index}\n".encode()
        (folder / name).write_bytes(files[name])
        os.utime(folder / name, (OLD, OLD))
    return files


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def entry(folder: Path, index: int) -> Path:
    name = hashlib.sha256(f"entry {index}".encode()).hexdigest()
    path = folder / f"{name}.txt"
    path.write_bytes(cache_entry(name, f"x = {index}\n"))
    os.utime(path, (OLD + index + 1, OLD + index + 1))
    return path


def test_pruning_deletes_only_the_cache_s_own_entries_never_a_user_s_file(
    tmp_path: Path,
) -> None:
    cache = tmp_path / ".codegen-cache"
    mine = user_files(cache)
    (cache / f"{'0' * 64}.txt").symlink_to(tmp_path / "elsewhere.txt")
    entries = [entry(cache, index) for index in range(CACHE_ENTRIES + 6)]
    with formatting_cache(cache):
        pass
    left = {p.name for p in cache.iterdir()}
    assert {name: (cache / name).read_bytes() for name in mine} == mine
    assert (cache / f"{'0' * 64}.txt").is_symlink()
    assert [p.exists() for p in entries] == [False] * 6 + [True] * CACHE_ENTRIES
    assert len(left) == len(mine) + 1 + CACHE_ENTRIES


def test_an_entry_is_known_by_its_name_and_first_line(tmp_path: Path) -> None:
    made = entry(tmp_path, 1)
    data = made.read_bytes()
    assert is_entry(made)
    assert not is_entry(made.rename(tmp_path / f"{'a' * 64}.txt"))  # its line names another key
    note = tmp_path / "note.txt"
    note.write_bytes(data)
    assert not is_entry(note)  # not named as an entry
    link = tmp_path / made.name
    link.symlink_to(note)
    assert not is_entry(link)


def test_a_cache_folder_that_is_a_symbolic_link_is_not_used(tmp_path: Path) -> None:
    """``.codegen-cache -> ~/notes``: nothing is read, written or deleted there."""
    notes = tmp_path / "notes"
    before = user_files(notes)
    link = tmp_path / "project" / ".codegen-cache"
    link.parent.mkdir()
    link.symlink_to(notes)
    calls = []
    with formatting_cache(link):
        assert cached(("black",), "x=1\n", lambda: calls.append(1) or "x = 1\n") == "x = 1\n"
        assert cached(("black",), "x=1\n", lambda: calls.append(1) or "x = 1\n") == "x = 1\n"
    assert calls == [1, 1]  # formatted twice: no cache
    assert contents(notes) == before


def test_an_entry_made_with_another_user_s_secret_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries are signed with this user's secret (kept outside every project): one made
    elsewhere (another machine, another user, a pull request) is formatted again."""
    cache = tmp_path / ".codegen-cache"
    monkeypatch.setattr(format_cache, "secret", lambda: b"another user's secret, 32 bytes")
    with formatting_cache(cache):
        assert cached(("black",), "x=1\n", lambda: "import os  # theirs\n") != "x = 1\n"
    monkeypatch.undo()
    with formatting_cache(cache):
        assert cached(("black",), "x=1\n", lambda: "x = 1\n") == "x = 1\n"


def test_an_entry_far_larger_than_its_text_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry's name is the hash of the text it formats, which anyone can compute: a
    planted entry of gigabytes (a sparse file) is a cache miss, read no further than its
    bound, never a MemoryError."""
    cache = tmp_path / ".codegen-cache"
    with formatting_cache(cache):
        assert cached(("black",), "x=1\n", lambda: "x = 1\n") == "x = 1\n"
    (path,) = [p for p in cache.iterdir() if is_entry(p)]
    with open(path, "r+b") as file:
        file.truncate(8 * 2**30)  # 8 GiB, sparse: nothing on disk
    sizes: list[int] = []
    real_read = format_cache._read

    def counted(path: Path, size: int = -1) -> bytes:
        sizes.append(size)
        if size < 0:  # the whole 8 GiB: not read here, whatever the code under test does
            raise OSError("read whole")
        return real_read(path, size)

    monkeypatch.setattr(format_cache, "_read", counted)
    with formatting_cache(cache):
        assert cached(("black",), "x=1\n", lambda: "x = 1\n") == "x = 1\n"
    assert sizes and all(0 <= size <= 2 * 2**20 for size in sizes)
