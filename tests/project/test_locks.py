"""The lock folder and the files in it, where other users of the machine are not trusted:
a folder someone else made, or one open to them, is refused; no file is opened through a
symbolic link; a relative CODEGEN_LOCK_DIR is refused (docs/security.md)."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.errors import InputError
from codegen.project.lockfolder import lock_folder
from codegen.project.locks import Resource, held
from tests.support.catalogs import Project

NOBODY = 65534  # the other user, where this process may become one (it runs as root)
PRECIOUS = "a file the run must never write\n"


def _nothing(message: str) -> None:
    """A notice that says nothing (nothing here waits)."""


def _hold(resource: Resource) -> None:
    with held([resource], 0, "codegen generate", _nothing):
        pass


@pytest.fixture
def shared_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder every user may write in, as /tmp is, that runs use for their
    default lock folder: no CODEGEN_LOCK_DIR, no XDG_RUNTIME_DIR."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.delenv("CODEGEN_LOCK_DIR", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    return shared


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim"
    path.write_text(PRECIOUS, encoding="utf-8")
    return path


def as_another_user(work: Callable[[], None]) -> bool:
    """Run ``work`` in a child process as uid and gid 65534, with umask 0; False (nothing
    run) when this process may not become another user (it is not root)."""
    if os.geteuid() != 0:
        return False
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.umask(0)
            work()
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the other user's work failed"
    return True


def test_a_lock_folder_another_user_made_first_is_refused_and_nothing_is_written_through_it(
    shared_temp: Path, victim: Path, tmp_path: Path
) -> None:
    """The attack: another user makes /tmp/codegen-locks-UID (open to all) and plants the
    holder's temporary file as a link to a file of root's; root's run would overwrite it.
    Done as uid 65534 where the tests run as root, else simulated by a folder open to all."""
    resource = Resource("output", tmp_path / "generated", "generated")
    name = f"codegen-locks-{os.geteuid()}"
    links = [f".{resource.key}.holder.codegen-{os.getpid()}.tmp", f"{resource.key}.holder"]
    shared = os.open(shared_temp, os.O_RDONLY | os.O_DIRECTORY)

    def plant() -> None:  # by path from the shared folder's descriptor: the test's own
        os.mkdir(name, 0o777, dir_fd=shared)  # folders above it are closed to others
        for link in links:
            os.symlink(victim, f"{name}/{link}", dir_fd=shared)

    try:
        if not as_another_user(plant):
            plant()
            os.chmod(name, 0o777, dir_fd=shared)
    finally:
        os.close(shared)
    with pytest.raises(InputError) as refused:
        _hold(resource)
    message = str(refused.value)
    assert message.startswith(f"{shared_temp / name}: the lock folder ")
    assert "another user" in message and "CODEGEN_LOCK_DIR" in message and "\n" not in message
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not (shared_temp / name / f"{resource.key}.lock").exists()


@pytest.mark.parametrize("kind", ["open to other users", "a symbolic link"])
def test_a_lock_folder_that_is_not_closed_to_other_users_is_refused(
    shared_temp: Path, tmp_path: Path, kind: str
) -> None:
    folder = shared_temp / f"codegen-locks-{os.geteuid()}"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    if kind == "a symbolic link":
        folder.symlink_to(elsewhere)
    else:
        folder.mkdir(mode=0o700)
        folder.chmod(0o755)  # readable: another user could open a lock file and flock it
    with pytest.raises(InputError, match=f"the lock folder is {kind}"):
        lock_folder()
    assert list(elsewhere.iterdir()) == []


def test_no_lock_file_is_written_or_read_through_a_symbolic_link(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In this user's own folder too: the holder record and its temporary file, when they
    are links, are neither followed to write nor read for the waiting message."""
    folder = tmp_path / "locks"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", str(folder))
    resource = Resource("catalog", tmp_path / "codes.yaml", "spec/codes.yaml")
    secret = tmp_path / "secret"
    secret.write_text("1\nthe secret\n0\n", encoding="utf-8")
    holder = folder / f"{resource.key}.holder"
    holder.symlink_to(secret)
    (folder / f".{holder.name}.codegen-{os.getpid()}.tmp").symlink_to(victim)
    waiting: list[str] = []
    with held([resource], 0, "codegen generate", waiting.append):
        assert victim.read_text(encoding="utf-8") == PRECIOUS
        assert not holder.is_symlink()
        assert holder.read_text(encoding="utf-8").startswith(f"{os.getpid()}\ncodegen generate\n")
    holder.unlink()
    holder.symlink_to(secret)
    from codegen.project import locks

    assert locks.holder(folder / f"{resource.key}.lock") == "another codegen run"


def test_a_lock_file_that_is_a_symbolic_link_is_refused(
    tmp_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locks"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", str(folder))
    resource = Resource("catalog", tmp_path / "codes.yaml", "spec/codes.yaml")
    (folder / f"{resource.key}.lock").symlink_to(victim)
    with pytest.raises(InputError, match="the lock file is not a file of this user's"):
        _hold(resource)
    assert victim.read_text(encoding="utf-8") == PRECIOUS


def test_a_relative_lock_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs started in two folders would take two locks on one output folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", "locks")
    with pytest.raises(InputError, match="is a relative path"):
        lock_folder()
    assert not (tmp_path / "locks").exists()


def test_a_lock_folder_with_a_line_break_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEGEN_LOCK_DIR", f"{tmp_path}/a\nb")
    with pytest.raises(InputError, match="has a control character"):
        lock_folder()
    assert list(tmp_path.iterdir()) == []


def test_no_lock_folder_is_made_in_a_folder_everyone_writes_in_without_the_sticky_bit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused before it is made (it was made, then refused: another user could have
    swapped it in between)."""
    open_to_all = tmp_path / "shared"
    open_to_all.mkdir()
    open_to_all.chmod(0o777)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", str(open_to_all / "locks"))
    with pytest.raises(InputError, match="would be in a folder every user may write in"):
        lock_folder()
    assert list(open_to_all.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc")
def test_a_lock_folder_that_takes_no_file_is_refused_at_once(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It waited the whole lock timeout (60 s), then blamed another codegen run."""
    monkeypatch.setenv("CODEGEN_LOCK_DIR", "/proc/self/fd")
    monkeypatch.setenv("CODEGEN_LOCK_TIMEOUT", "5")
    started = time.monotonic()
    assert project.run("generate") == 2
    assert time.monotonic() - started < 2
    err = capsys.readouterr().err
    assert err.startswith("/proc/self/fd: cannot create a lock file in the lock folder (")
    assert err.count("\n") == 1 and not project.output.exists()


def test_generate_with_a_relative_lock_folder_stops_with_one_line(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("CODEGEN_LOCK_DIR", ".locks")
    assert project.run("generate") == 2
    err = capsys.readouterr().err
    assert err == (
        "CODEGEN_LOCK_DIR='.locks' is a relative path, so runs started in different folders "
        "would take different locks; give an absolute path\n"
    )
    assert not (project.root / ".locks").exists()
    assert not project.output.exists()


def test_another_user_s_runtime_folder_is_not_used(
    shared_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XDG_RUNTIME_DIR is preferred only when it is this user's (``su`` may leave another
    user's in the environment)."""
    if os.geteuid() != 0:
        pytest.skip("making a folder of another user's needs root")
    runtime = tmp_path / "run-user"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert lock_folder() == runtime / "codegen-locks"
    (runtime / "codegen-locks").rmdir()
    os.chown(runtime, NOBODY, NOBODY)
    assert lock_folder() == shared_temp / f"codegen-locks-{os.geteuid()}"
    assert not (runtime / "codegen-locks").exists()


def test_a_lock_taken_directly_and_one_taken_by_filelock_exclude_each_other(
    tmp_path: Path,
) -> None:
    """A free lock is taken with flock directly, without importing filelock (issue #19);
    it is filelock's lock all the same: each way waits for the other, in another process
    (as a concurrent run would), and a lock taken directly is free again once closed."""
    import subprocess
    import sys

    from codegen.files import flock_if_free

    lock = tmp_path / "catalog-0.lock"
    filelock_waits = (
        "import sys; from filelock import FileLock, Timeout\n"
        f"lock = FileLock({str(lock)!r}, mode=0o600, thread_local=False)\n"
        "try:\n    lock.acquire(timeout=0.2)\nexcept Timeout:\n    sys.exit(3)\n"
    )
    direct = flock_if_free(lock)
    assert direct is not None
    try:
        run = subprocess.run([sys.executable, "-c", filelock_waits], check=False)
        assert run.returncode == 3  # filelock could not take it
    finally:
        os.close(direct)
    assert subprocess.run([sys.executable, "-c", filelock_waits], check=False).returncode == 0
    from filelock import FileLock

    with FileLock(lock, mode=0o600, thread_local=False):
        assert flock_if_free(lock) is None  # held by filelock: not free
    again = flock_if_free(lock)
    assert again is not None
    os.close(again)
