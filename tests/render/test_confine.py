"""Work done in a child process under the kernel's memory and CPU limits: its result, its
error, or why the kernel stopped it, and never the work done again outside the limits."""

from __future__ import annotations

import os
import resource
import signal
from pathlib import Path

import pytest

from codegen.errors import TemplateError
from codegen.render import confine
from codegen.render.confine import ChildLimits

MIB = 2**20
SMALL = ChildLimits(memory_bytes=64 * MIB, cpu_seconds=30)
PARENT = os.getpid()

needs_limits = pytest.mark.skipif(not confine.available(), reason="no kernel limits here")


def _where(job: str) -> str:
    return f"{job}:{'parent' if os.getpid() == PARENT else 'child'}"


def _limits_seen(job: str) -> str:
    (space, _), (cpu, cpu_hard) = (
        resource.getrlimit(r) for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU)
    )
    return f"{space} {cpu} {cpu_hard} {confine._address_space()}"


def _fails(job: str) -> str:
    raise TemplateError(f"{job} failed", "t.j2", 3)


def _allocates(job: str) -> str:
    return str(len(bytearray(int(job))))


def _kills_itself(job: str) -> str:
    os.kill(os.getpid(), signal.SIGKILL)
    return job


def _buggy(job: str) -> str:
    with Path(job).open("a", encoding="utf-8") as runs:
        runs.write("ran\n")
    raise ValueError("a bug")


def _spins(job: str) -> str:
    signal.signal(signal.SIGXCPU, signal.SIG_IGN)  # as if stuck in one C call: only SIGKILL ends it
    while True:
        pass


@needs_limits
def test_the_work_runs_in_a_child_and_its_text_comes_back() -> None:
    assert confine.run(_where, "x" * 100_000, SMALL) == "x" * 100_000 + ":child"


@needs_limits
def test_the_child_runs_under_the_memory_and_cpu_limits() -> None:
    before = resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU)
    space, cpu, cpu_hard, start = (int(n) for n in confine.run(_limits_seen, "", SMALL).split())
    assert space == pytest.approx(start + 64 * MIB, abs=16 * MIB)  # its address space at start
    assert (cpu, cpu_hard) == (30, 30 + confine.GRACE_SECONDS)
    assert (resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU)) == (
        before  # not here
    )


@needs_limits
def test_a_codegen_error_of_the_work_is_raised_here_as_it_was() -> None:
    with pytest.raises(TemplateError) as raised:
        confine.run(_fails, "the job", SMALL)
    assert (raised.value.message, raised.value.path, raised.value.line) == (
        "the job failed",
        "t.j2",
        3,
    )


@needs_limits
def test_an_allocation_past_the_limit_fails_in_the_child() -> None:
    assert confine.run(_allocates, str(32 * MIB), SMALL) == str(32 * MIB)
    with pytest.raises(confine.Stopped) as stopped:
        confine.run(_allocates, str(3 * 2**30), SMALL)  # 3 GiB: refused at once
    assert stopped.value.reason == "memory"


@needs_limits
def test_a_child_killed_by_a_signal_is_reported_by_its_name() -> None:
    with pytest.raises(confine.Stopped) as stopped:
        confine.run(_kills_itself, "x", SMALL)
    assert (stopped.value.reason, stopped.value.signal_name) == ("signal", "SIGKILL")


@needs_limits
def test_a_bug_in_the_child_is_reported_with_its_traceback_and_never_redone_here(
    tmp_path: Path,
) -> None:
    runs = tmp_path / "runs"
    with pytest.raises(confine.ChildFailed, match="ValueError: a bug"):
        confine.run(_buggy, str(runs), SMALL)
    assert runs.read_text() == "ran\n"  # once, in the child


@needs_limits
@pytest.mark.slow
def test_a_child_that_never_returns_to_python_is_killed_at_its_cpu_time() -> None:
    """SIGXCPU cannot interrupt one long C call; SIGKILL, GRACE_SECONDS later, does."""
    with pytest.raises(confine.Stopped) as stopped:
        confine.run(_spins, "", ChildLimits(64 * MIB, cpu_seconds=1))
    assert stopped.value.reason == "cpu"


def test_without_kernel_limits_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS (fork is unsafe there) and Windows: the sandbox and the bounds alone."""
    monkeypatch.setattr(confine, "available", lambda: False)
    assert confine.run(_where, "x", SMALL) == "x:parent"


def test_a_crashed_child_is_reported_with_its_likely_cause_not_as_out_of_memory() -> None:
    """100,000 nested unary operators in a template crash CPython's compiler (SIGSEGV): the
    line said "out of memory?" (issue #18's trial)."""
    from types import SimpleNamespace

    from codegen.render import engine

    job = SimpleNamespace(output="out.py", limits=SimpleNamespace(memory_bytes=MIB, cpu_seconds=1))
    crashed = engine._stopped(job, "signal", "SIGSEGV")  # type: ignore[arg-type]
    assert "killed by SIGSEGV (Python's stack overflowed" in crashed
    assert "out of memory" not in crashed
    assert "(out of memory?)" in engine._stopped(job, "signal", "SIGKILL")  # type: ignore[arg-type]
