"""Rendering on two cores gives exactly what rendering on one gives, errors included."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from codegen.catalog.load import load_catalog
from codegen.errors import TemplateError
from codegen.render import parallel
from codegen.render.engine import render_all
from codegen.render.targets import DEFAULT_TARGETS, Target
from codegen.render.weights import FORK_MAX_MESSAGES, FORK_MESSAGES, weight
from tests.render.test_growth import synthetic
from tests.support.paths import REPO

PARENT = os.getpid()

needs_fork = pytest.mark.skipif(not parallel.usable(2), reason="one core, or no fork here")


def _where(job: int) -> str:
    return f"{job}:{'parent' if os.getpid() == PARENT else 'fork'}"


@needs_fork
def test_jobs_are_split_between_two_processes_and_kept_in_order() -> None:
    results = parallel.run(list(range(6)), _where, lambda job: 2)
    assert [r.split(":")[0] for r in results] == [str(i) for i in range(6)]
    assert {r.split(":")[1] for r in results} == {"parent", "fork"}


@needs_fork
def test_the_heaviest_job_goes_to_its_own_side() -> None:
    results = parallel.run(list(range(4)), _where, lambda job: 10 if job == 2 else 1)
    sides = dict(r.split(":") for r in results)
    assert [job for job, side in sides.items() if side == sides["2"]] == ["2"]


def test_with_codegen_jobs_1_everything_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODEGEN_JOBS", "1")
    assert not parallel.usable(10)
    assert {r.split(":")[1] for r in parallel.run(list(range(4)), _where, lambda j: 10)} == {
        "parent"
    }


def test_jobs_of_equal_weight_run_here() -> None:
    """Without a slow output to overlap, a fork saves little and doubles the memory."""
    assert {r.split(":")[1] for r in parallel.run(list(range(4)), _where, lambda j: 1)} == {
        "parent"
    }


def _fails_on_odd(job: int) -> str:
    if job % 2:
        raise TemplateError(f"job {job} failed", "t.j2", job)
    return str(job)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_first_failing_job_in_order_is_the_error(
    jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEGEN_JOBS", jobs)
    with pytest.raises(TemplateError) as raised:
        parallel.run(list(range(6)), _fails_on_odd, lambda job: 10 if job == 3 else 1)
    assert raised.value == TemplateError("job 1 failed", "t.j2", 1)


def _dies_in_the_fork(job: int) -> str:
    if os.getpid() != PARENT:
        os._exit(3)
    return f"{job} here"


def _bug_in_the_fork(job: int) -> str:
    if os.getpid() != PARENT and job == 1:
        raise ZeroDivisionError("a bug")
    return str(job)


@needs_fork
def test_a_fork_that_dies_costs_only_time() -> None:
    assert parallel.run([0, 1, 2], _dies_in_the_fork, lambda job: 2) == [
        "0 here",
        "1 here",
        "2 here",
    ]


@needs_fork
def test_a_bug_in_the_fork_is_redone_here_and_gives_the_same_result() -> None:
    assert parallel.run([0, 1, 2, 3], _bug_in_the_fork, lambda job: 2) == ["0", "1", "2", "3"]


def test_the_sms_outputs_are_the_same_on_one_core_and_two(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog = load_catalog(REPO / "spec" / "codes.yaml", display_path="spec/codes.yaml")
    targets = [*DEFAULT_TARGETS, Target("typescript_module.ts.j2", "ts/m.ts", "none")]
    regenerate = "make generate"  # as pyproject.toml configures it
    two = render_all(catalog, targets, regenerate=regenerate)
    monkeypatch.setenv("CODEGEN_JOBS", "1")
    assert render_all(catalog, targets, regenerate=regenerate) == two
    assert two["python/nhn_sms_codes.py"] == (
        REPO / "generated" / "python" / "nhn_sms_codes.py"
    ).read_text(encoding="utf-8")


def test_built_in_outputs_weigh_their_share_only_where_a_fork_pays() -> None:
    """Below FORK_MESSAGES the fork costs what it saves; above FORK_MAX_MESSAGES it would
    take the process tree past the memory generate promises (issue #19's bench)."""
    python, docs = "python_module.py.j2", "docs_page.md.j2"
    for messages in (FORK_MESSAGES, FORK_MAX_MESSAGES):
        assert weight(python, black=False, builtin=True, messages=messages) > 1
        assert weight(python, black=False, builtin=True, messages=messages) > weight(
            docs, black=False, builtin=True, messages=messages
        )
        assert weight(python, black=False, builtin=False, messages=messages) == 1  # a user's
    for messages in (FORK_MESSAGES - 1, FORK_MAX_MESSAGES + 1):
        assert weight(python, black=False, builtin=True, messages=messages) == 1
        assert weight(docs, black=True, builtin=True, messages=messages) > 1  # black's: always


@needs_fork
def test_a_catalog_in_the_fork_range_renders_the_same_on_one_core_and_two(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalog = synthetic(600)  # 1,200 messages: split between two processes
    targets = [*DEFAULT_TARGETS, Target("typescript_module.ts.j2", "ts/m.ts", "none")]
    forks: list[int] = []
    run_forked = parallel._run_forked

    def counted(*args: object) -> object:
        forks.append(1)
        return run_forked(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_run_forked", counted)
    two = render_all(catalog, targets)
    assert forks == [1]
    monkeypatch.setenv("CODEGEN_JOBS", "1")
    assert render_all(catalog, targets) == two
    assert forks == [1]


def _template_error_first_then_a_bug(job: int) -> str:
    if job == 0:
        raise TemplateError("job 0 failed", "t.j2", 1)
    if job == 2:
        raise ZeroDivisionError("a bug in a later job")
    return str(job)


@needs_fork
def test_a_bug_here_in_a_later_job_does_not_hide_the_fork_s_earlier_error() -> None:
    """Job 0 (heavy) runs in the fork and fails; job 2 fails here with a bug. One after
    another, job 0's error would be the one raised."""
    with pytest.raises(TemplateError, match="job 0 failed"):
        parallel.run([0, 1, 2, 3], _template_error_first_then_a_bug, lambda j: 10 if j == 0 else 1)


@needs_fork
def test_an_interrupted_run_kills_the_fork_instead_of_waiting_for_it(tmp_path: Path) -> None:
    """Ctrl-C sent to codegen alone (a CI runner's cancel, `kill -INT`) ran on until the
    fork had finished its share, then the fork printed a BrokenPipeError traceback (a
    trial, issue #18): the parent kills the fork and re-raises at once."""
    started, finished = tmp_path / "started", tmp_path / "finished"

    def work(job: int) -> str:
        if os.getpid() != PARENT:  # the fork's job: a long one
            started.write_text("", encoding="utf-8")
            time.sleep(3)
            finished.write_text("", encoding="utf-8")
            return "fork"
        while not started.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        parallel._run_forked([0, 1], work, {1})
    time.sleep(3.5)  # had the fork lived on, its job would have finished by now
    assert started.exists() and not finished.exists()
